# Scopes: local, script, global, dynamic scoping, dot-sourcing (about_Scopes).

# case: function variables do not leak
function F { $inner = 'set' }
F
$null -eq $inner  # expect: True

# case: functions read variables of the caller
$outer = 'visible'
function F { "sees $outer" }
F  # expect: sees visible

# case: assigning in a function creates a local copy
$x = 1
function F { $x = 2; "inner $x" }
F  # expect: inner 2
$x  # expect: 1

# case: increment in a child scope changes only the child
$v = 41
& { $v++; $v }
$v
# expect: 42
# expect: 41

# case: script scope modifier writes the script variable
$count = 0
function Inc { $script:count++ }
Inc; Inc; Inc
$count  # expect: 3

# case: global scope modifier
function SetGlobal { $global:gv = 'global value' }
SetGlobal
$gv  # expect: global value

# case: dynamic scoping reads the caller's locals
function Outer { $v = 'from outer'; Inner }
function Inner { $v }
Outer  # expect: from outer

# case: caller's local is not visible after it returns
function Outer { $tmp = 1 }
Outer
$null -eq $tmp  # expect: True

# case: private variables are hidden from child scopes
$private:secret = 'hidden'
function Peek { "[$secret]" }
Peek  # expect: []
$secret  # expect: hidden

# case: local scope modifier
$x = 'script'
function F { $local:x = 'local'; $x }
F  # expect: local
$x  # expect: script

# case: script block invoked with the call operator gets a new scope
& { $z = 5 }
$null -eq $z  # expect: True

# case: dot-sourcing a script block runs it in the current scope
. { $y = 5 }
$y  # expect: 5

# case: dot-sourcing a script block variable
$sb = { $dotted = 'yes' }
. $sb
$dotted  # expect: yes

# case: dot-sourcing a function brings its variables in
function Setup { $configured = 'done' }
. Setup
$configured  # expect: done

# case: functions defined in a child scope are not visible outside
& { function Hidden { 'x' } }
Hidden
# expect error: CommandNotFoundException

# case: functions defined in a dot-sourced block are visible
. { function Shown { 'shown' } }
Shown  # expect: shown

# case: ForEach-Object script block shares the caller's scope
$n = 0
1..3 | ForEach-Object { $n++ }
$n  # expect: 3

# case: Where-Object script block sees caller variables
$limit = 2
(1..5 | Where-Object { $_ -gt $limit }).Count  # expect: 3

# case: loop statements do not create a scope
foreach ($i in 1..2) { $fromLoop = $i }
$fromLoop  # expect: 2

# case: if statements do not create a scope
if ($true) { $fromIf = 'if' }
$fromIf  # expect: if

# case: script scope modifier reads the script value from a function with a local of the same name
$name = 'script'
function F { $name = 'local'; "$name $script:name" }
F  # expect: local script

# case: Set-Variable and Get-Variable with scopes
function F { Set-Variable -Name sv -Value 'viaCmdlet' -Scope Script }
F
$sv  # expect: viaCmdlet
(Get-Variable -Name sv).Value  # expect: viaCmdlet
Get-Variable -Name sv -ValueOnly  # expect: viaCmdlet

# case: New-Variable and Remove-Variable
New-Variable -Name nv -Value 10
$nv  # expect: 10
Remove-Variable -Name nv
$null -eq $nv  # expect: True

# case: Get-Variable of an unknown variable is an error
Get-Variable -Name noSuchVariable123
# expect error: VariableNotFound

# case: nested functions see outer function locals
function A { $a = 'A-local'; function B { $a }; B }
A  # expect: A-local

# case: closures capture values at creation
$x = 1
$sb = { $x }.GetNewClosure()
$x = 2
& $sb  # expect: 1

# case: script block without closure sees the current value
$x = 'a'
$sb = { $x }
$x = 'c'
& $sb  # expect: c

# case: closure from a function keeps its parameter
function Make-Adder($n) { { param($v) $v + $n }.GetNewClosure() }
$add5 = Make-Adder 5
& $add5 10  # expect: 15

# case: global variable read from a function without modifier
$global:shared = 'shared'
function F { $shared }
F  # expect: shared

# case: parameter variables are local to the function
function F($p) { $p = 'changed'; $p }
$p = 'outer'
F 'arg'  # expect: changed
$p  # expect: outer
