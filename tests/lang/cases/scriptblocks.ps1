# Script blocks: invocation, parameters, $args, text and pipeline blocks (about_Script_Blocks).

# case: call operator runs a script block
& { 'hi' }  # expect: hi

# case: script block in a variable
$sb = { 'from variable' }
& $sb  # expect: from variable

# case: script block with a param block
$sb = { param($a, $b) $a + $b }
& $sb 1 2  # expect: 3

# case: script block parameters by name
$sb = { param($a, $b) "$a-$b" }
& $sb -b 2 -a 1  # expect: 1-2

# case: script block args
$sb = { $args.Count; $args[0] * 2 }
& $sb 4 5 6
# expect: 3
# expect: 8

# case: Invoke method
$sb = { param($x) $x * 10 }
$sb.Invoke(5)  # expect: 50

# case: Invoke with no arguments
{ 1 + 1 }.Invoke()  # expect: 2

# case: script block is a value that is not run until called
$sb = { 'not run yet' }
$sb.GetType().Name  # expect: ScriptBlock
$sb -is [scriptblock]  # expect: True

# case: script block text
{ 1 + 1 }.ToString()  # expect:  1 + 1
$sb = {$x*2}
"$sb"  # expect: $x*2

# case: script block from a string
$sb = [scriptblock]::Create('2 * 21')
& $sb  # expect: 42

# case: script block output can be captured
$r = & { 1; 2; 3 }
$r.Count  # expect: 3

# case: script block with begin process end in a pipeline
1..3 | & { begin { $s = 0 } process { $s += $_ } end { $s } }
# expect: 6

# case: script block process block uses the current item
1..3 | & { process { $_ * $_ } }
# expect: 1
# expect: 4
# expect: 9

# case: script block without a process block sees input in input
1..3 | & { @($input).Count }
# expect: 3

# case: script block passed as an argument
function Run-Twice([scriptblock]$Block) { & $Block; & $Block }
Run-Twice { 'tick' }
# expect: tick
# expect: tick

# case: script block with a typed parameter
$sb = { param([int]$n) $n + 1 }
& $sb '41'  # expect: 42

# case: script block parameter default
$sb = { param($greeting = 'hello') $greeting }
& $sb  # expect: hello

# case: script blocks can be stored in a hashtable
$ops = @{ add = { param($a, $b) $a + $b }; mul = { param($a, $b) $a * $b } }
& $ops.add 2 3  # expect: 5
& $ops['mul'] 2 3  # expect: 6

# case: call operator with a command name string
$cmd = 'Write-Output'
& $cmd 'via string'  # expect: via string

# case: call operator with a function name
function Hello { 'hello fn' }
& 'Hello'  # expect: hello fn

# case: return value of a script block with return
$r = & { return 'early'; 'late' }
$r  # expect: early

# case: script block as a delegate for ForEach method
$double = { $_ * 2 }
(1, 2, 3).ForEach($double) -join ','  # expect: 2,4,6

# case: script block with using a closure in ForEach-Object
$factor = 3
1..2 | ForEach-Object { $_ * $factor }
# expect: 3
# expect: 6

# case: invoke a script block stored in a property
$o = [pscustomobject]@{ Action = { 'acted' } }
& $o.Action  # expect: acted
