# try / catch / finally and trap (about_Try_Catch_Finally, about_Trap, about_Throw).

# case: catch a thrown string
try { throw 'boom' } catch { "caught: $($_.Exception.Message)" }
# expect: caught: boom

# case: statements after the throw in try do not run
try { 'a'; throw 'x'; 'b' } catch { 'c' }
# expect: a
# expect: c

# case: catch is skipped when nothing throws
try { 'ok' } catch { 'never' }
# expect: ok

# case: script continues after a handled error
try { throw 'x' } catch { }
'after'  # expect: after

# case: the error record in catch
try { throw 'MyId' } catch { $_.FullyQualifiedErrorId }
# expect: MyId

# case: the error record is an ErrorRecord
try { throw 'x' } catch { $_.GetType().Name }
# expect: ErrorRecord

# case: thrown string becomes a RuntimeException
try { throw 'x' } catch { $_.Exception.GetType().Name }
# expect: RuntimeException

# case: PSItem is the error in catch
try { throw 'psitem' } catch { $PSItem.Exception.Message }
# expect: psitem

# case: error record converts to its message in a string
try { throw 'as text' } catch { "[$_]" }
# expect: [as text]

# case: thrown non-string value is the target object
try { throw 42 } catch { $_.TargetObject; $_.Exception.Message }
# expect: 42
# expect: 42

# case: typed catch for divide by zero
$z = 0
try { 1 / $z } catch [System.DivideByZeroException] { 'divide by zero' }
# expect: divide by zero

# case: divide by zero message
$z = 0
try { 1 / $z } catch { $_.Exception.Message }
# expect: Attempted to divide by zero.

# case: divide by zero error id
$z = 0
try { 1 / $z } catch { $_.FullyQualifiedErrorId }
# expect: RuntimeException

# case: typed catch gets the inner exception
$z = 0
try { 1 / $z } catch [System.DivideByZeroException] { $_.Exception.GetType().Name }
# expect: DivideByZeroException

# case: catch RuntimeException catches a thrown string
try { throw 'x' } catch [System.Management.Automation.RuntimeException] { 'runtime' }
# expect: runtime

# case: first matching catch wins
try { throw [System.ArgumentException]::new('arg') }
catch [System.ArgumentException] { 'argument' }
catch [System.Exception] { 'exception' }
catch { 'any' }
# expect: argument

# case: base type catch matches a derived exception
try { throw [System.ArgumentNullException]::new('p') }
catch [System.ArgumentException] { 'base matched' }
# expect: base matched

# case: non-matching typed catch falls through to a general catch
try { throw [System.InvalidOperationException]::new('io') }
catch [System.ArgumentException] { 'argument' }
catch { 'general' }
# expect: general

# case: catch several types in one clause
try { throw [System.FormatException]::new('f') }
catch [System.ArgumentException], [System.FormatException] { 'one of two' }
# expect: one of two

# case: unmatched typed catch lets the error end the script
try { throw [System.InvalidOperationException]::new('Unhandled') }
catch [System.ArgumentException] { 'argument' }
'after'
# expect error: Unhandled
# expect status: 1

# case: thrown exception object keeps its type
try { throw [System.IO.FileNotFoundException]::new('nofile') }
catch [System.IO.IOException] { $_.Exception.GetType().Name }
# expect: FileNotFoundException

# case: finally runs after success
try { 'body' } finally { 'finally' }
# expect: body
# expect: finally

# case: finally runs after a caught error
try { throw 'x' } catch { 'catch' } finally { 'finally' }
# expect: catch
# expect: finally

# case: finally runs when a function returns from try
function F { try { return 'returned' } finally { 'cleanup' } }
F
# expect: returned
# expect: cleanup

# case: finally runs when break leaves a loop
foreach ($i in 1..3) { try { if ($i -eq 2) { break }; "i$i" } finally { "f$i" } }
# expect: i1
# expect: f1
# expect: f2

# case: rethrow with throw in catch
try {
    try { throw 'inner' } catch { 'handling'; throw }
} catch {
    "outer: $($_.Exception.Message)"
}
# expect: handling
# expect: outer: inner

# case: throw a new error from catch
try {
    try { throw 'first' } catch { throw 'second' }
} catch {
    $_.Exception.Message
}
# expect: second

# case: nested try inner catch handles it
try {
    try { throw 'x' } catch { 'inner caught' }
    'continues'
} catch { 'outer caught' }
# expect: inner caught
# expect: continues

# case: error in a called function is caught by the caller
function Bad { throw 'from function' }
try { Bad } catch { "caught $($_.Exception.Message)" }
# expect: caught from function

# case: command not found is catchable
try { Get-NoSuchCommandAtAll } catch { $_.FullyQualifiedErrorId }
# expect: CommandNotFoundException

# case: method exception is catchable
try { 'abc'.Substring(10) } catch { 'method failed' }
# expect: method failed

# case: method exception error id
try { 'abc'.Substring(10) } catch { $_.FullyQualifiedErrorId }
# expect: ArgumentOutOfRangeException

# case: non-terminating error is not caught
try { Write-Error 'soft' -ErrorAction SilentlyContinue; 'still running' } catch { 'caught' }
# expect: still running

# case: ErrorAction Stop makes Write-Error catchable
try { Write-Error 'hard' -ErrorAction Stop; 'not reached' } catch { "caught: $($_.Exception.Message)" }
# expect: caught: hard

# case: caught Write-Error keeps its error id
try { Write-Error 'hard' -ErrorAction Stop } catch { $_.FullyQualifiedErrorId }
# expect: Microsoft.PowerShell.Commands.WriteErrorException

# case: Error variable records a caught error
$Error.Clear()
try { throw 'recorded' } catch { }
$Error.Count  # expect: 1
$Error[0].Exception.Message  # expect: recorded

# case: catch block variables are visible afterwards
try { throw 'x' } catch { $msg = 'set in catch' }
$msg  # expect: set in catch

# case: try inside a loop continues the loop
foreach ($i in 1..3) {
    try { if ($i -eq 2) { throw "bad $i" }; "ok $i" } catch { "err: $($_.Exception.Message)" }
}
# expect: ok 1
# expect: err: bad 2
# expect: ok 3

# case: trap with continue resumes after the failing statement
trap { 'trapped'; continue }
throw 'x'
'after'
# expect: trapped
# expect: after

# case: trap sees the error
trap { "trapped: $($_.Exception.Message)"; continue }
throw 'detail'
# expect: trapped: detail

# case: trap with break ends the script
trap { 'trapped'; break }
throw 'x'
'after'
# expect: trapped
# expect error: x
# expect status: 1

# case: trap without continue reports the error and goes on
trap { 'trapped' }
throw 'reported'
'after'
# expect: trapped
# expect: after
# expect error: reported

# case: typed trap
trap [System.DivideByZeroException] { 'div trap'; continue }
$z = 0
$r = 1 / $z
'after'
# expect: div trap
# expect: after

# case: trap in a function with continue
function T {
    trap { 'T trapped'; continue }
    throw 'in T'
    'T after'
}
T
'script after'
# expect: T trapped
# expect: T after
# expect: script after

# case: trap in a function with break passes the error to the caller
function T {
    trap { 'T trapped'; break }
    throw 'Inner'
    'T after'
}
try { T } catch { "caller caught $($_.Exception.Message)" }
# expect: T trapped
# expect: caller caught Inner

# case: a typed catch sees the real type of an error made terminating by -ErrorAction Stop
try { Get-Item /no/such/path -ErrorAction Stop }
catch [System.Management.Automation.ItemNotFoundException] { 'item not found' }
# expect: item not found
