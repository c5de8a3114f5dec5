# Non-terminating errors, Write-Error, ErrorAction and preference variables
# (about_CommonParameters, about_Preference_Variables, Write-Error).

# case: Write-Error reports an error and the script goes on
Write-Error 'something failed'
'after'
# expect: after
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: Write-Error in a function does not stop the function
function F { Write-Error 'soft'; 'function continued' }
F
'script continued'
# expect: function continued
# expect: script continued
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: Write-Error with an error id
Write-Error -Message 'custom' -ErrorId 'MyCustomId'
# expect error: MyCustomId

# case: Write-Error category
Write-Error -Message 'bad data' -Category InvalidData -ErrorAction SilentlyContinue
$Error[0].CategoryInfo.Category  # expect: InvalidData

# case: Write-Error default category
Write-Error 'x' -ErrorAction SilentlyContinue
$Error[0].CategoryInfo.Category  # expect: NotSpecified

# case: Write-Error target object
Write-Error -Message 'x' -TargetObject 'the-target' -ErrorAction SilentlyContinue
$Error[0].TargetObject  # expect: the-target

# case: ErrorActionPreference Stop makes Write-Error end the script
$ErrorActionPreference = 'Stop'
'before'
Write-Error 'fatal'
'after'
# expect: before
# expect error: Microsoft.PowerShell.Commands.WriteErrorException
# expect status: 1

# case: ErrorActionPreference SilentlyContinue hides errors
$ErrorActionPreference = 'SilentlyContinue'
Write-Error 'hidden'
'after'  # expect: after
$Error.Count  # expect: 1

# case: ErrorActionPreference Stop makes Write-Error catchable
$ErrorActionPreference = 'Stop'
try { Write-Error 'stop me' } catch { 'caught' }
'after'
# expect: caught
# expect: after

# case: ErrorAction SilentlyContinue parameter
Write-Error 'quiet' -ErrorAction SilentlyContinue
'after'  # expect: after

# case: ErrorAction SilentlyContinue still records in Error
Write-Error 'quiet' -ErrorAction SilentlyContinue
$Error.Count  # expect: 1

# case: ErrorAction Ignore does not record in Error
Write-Error 'ignored' -ErrorAction Ignore
$Error.Count  # expect: 0

# case: ErrorAction alias ea
Write-Error 'quiet' -ea SilentlyContinue
'after'  # expect: after

# case: ErrorAction Stop on a cmdlet ends the script
Write-Error 'stop now' -ErrorAction Stop
'after'
# expect error: Microsoft.PowerShell.Commands.WriteErrorException
# expect status: 1

# case: ErrorVariable collects the error
Write-Error 'captured' -ErrorAction SilentlyContinue -ErrorVariable ev
$ev.Count  # expect: 1
$ev[0].Exception.Message  # expect: captured

# case: ErrorVariable with a plus appends
Write-Error 'one' -ErrorAction SilentlyContinue -ErrorVariable ev
Write-Error 'two' -ErrorAction SilentlyContinue -ErrorVariable +ev
$ev.Count  # expect: 2

# case: ErrorVariable without a plus replaces
Write-Error 'one' -ErrorAction SilentlyContinue -ErrorVariable ev
Write-Error 'two' -ErrorAction SilentlyContinue -ErrorVariable ev
$ev.Count  # expect: 1
$ev[0].Exception.Message  # expect: two

# case: ErrorVariable is empty when there is no error
Write-Output 'fine' -ErrorVariable ev | Out-Null
$ev.Count  # expect: 0

# case: error output does not go to the success stream
$r = Write-Error 'not captured' -ErrorAction SilentlyContinue
$null -eq $r  # expect: True

# case: errors in a pipeline do not stop later items
1..3 | ForEach-Object { if ($_ -eq 2) { Write-Error "bad $_" } else { "ok $_" } }
# expect: ok 1
# expect: ok 3
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: statement-terminating runtime error continues the script
$z = 0
'one'
$r = 1 / $z
'two'
# expect: one
# expect: two
# expect error: RuntimeException

# case: errors inside a function do not stop the caller
function Bad { $z = 0; 1 / $z; 'after in function' }
Bad
'after call'
# expect: after in function
# expect: after call
# expect error: RuntimeException

# case: Write-Warning can be silenced with WarningAction
Write-Warning 'careful' -WarningAction SilentlyContinue
'after'  # expect: after

# case: WarningPreference silences warnings
$WarningPreference = 'SilentlyContinue'
Write-Warning 'careful'
'after'  # expect: after

# case: Write-Verbose is hidden by default
Write-Verbose 'hidden detail'
'shown'  # expect: shown

# case: Write-Debug is hidden by default
Write-Debug 'hidden debug'
'shown'  # expect: shown

# case: Write-Information is hidden by default
Write-Information 'hidden info'
'shown'  # expect: shown

# case: throw inside a pipeline ends the script
1..3 | ForEach-Object { if ($_ -eq 2) { throw 'PipelineBoom' }; $_ }
'after'
# expect: 1
# expect error: PipelineBoom
# expect status: 1

# case: error record message and id from Error
Get-NoSuchCommand2
$e = $Error[0]
$e.CategoryInfo.Category  # expect: ObjectNotFound
$e.Exception.GetType().Name  # expect: CommandNotFoundException
# expect error: CommandNotFoundException

# case: command not found error includes the name
Get-NoSuchCommand3
$Error[0].TargetObject  # expect: Get-NoSuchCommand3
# expect error: CommandNotFoundException
