# return, exit and throw (about_Return, about_Language_Keywords, about_Throw).

# case: return ends a function
function F { 'before'; return; 'after' }
F
# expect: before

# case: return with a value
function F { return 5; 'never' }
F  # expect: 5

# case: return value adds to earlier output
function F { 'a'; return 'b' }
$r = F
$r.Count  # expect: 2
$r -join ','  # expect: a,b

# case: return inside a loop ends the function
function Find-First { foreach ($i in 1..10) { if ($i -gt 3) { return $i } }; 'none' }
Find-First  # expect: 4

# case: return at script level stops the script
'one'
return
'two'
# expect: one

# case: return in a script block ends only the script block
& { 'in block'; return; 'not printed' }
'after block'
# expect: in block
# expect: after block

# case: return in ForEach-Object ends only the current item
1..3 | ForEach-Object { if ($_ -eq 2) { return }; $_ }
# expect: 1
# expect: 3

# case: exit with a status
'before'
exit 3
'after'
# expect: before
# expect status: 3

# case: exit without a status is zero
'before'
exit
'after'
# expect: before

# case: exit inside a function ends the whole script
function Quit { 'quitting'; exit 4 }
Quit
'after'
# expect: quitting
# expect status: 4

# case: exit inside a loop
foreach ($i in 1..5) { $i; if ($i -eq 2) { exit 7 } }
# expect: 1
# expect: 2
# expect status: 7

# case: throw a string ends the script with status 1
'before'
throw 'boom'
'after'
# expect: before
# expect error: boom
# expect status: 1

# case: throw inside a function ends the script
function Fail { throw 'FailedHere' }
Fail
'after'
# expect error: FailedHere
# expect status: 1

# case: throw with no argument
throw
# expect error: ScriptHalted
# expect status: 1

# case: throw a number
throw 42
# expect error: 42
# expect status: 1

# case: throw an exception object
throw [System.InvalidOperationException]::new('BadState')
# expect error: BadState
# expect status: 1

# case: finally runs before a throw ends the script
try { throw 'oops' } finally { 'cleanup' }
'after'
# expect: cleanup
# expect error: oops
# expect status: 1

# case: output before a throw in the same statement is kept
function Partial { 'first'; throw 'stop' }
Partial
# expect: first
# expect error: stop
# expect status: 1
