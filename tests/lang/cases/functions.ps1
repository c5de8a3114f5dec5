# Functions: parameters, defaults, switches, $args, output and recursion (about_Functions,
# about_Parameters).

# case: positional parameters
function Add-Two($a, $b) { $a + $b }
Add-Two 2 3  # expect: 5

# case: named parameters in any order
function Div($a, $b) { $a / $b }
Div -b 2 -a 10  # expect: 5

# case: parameter names are case-insensitive
function Show($Name) { "name=$Name" }
Show -NAME x  # expect: name=x

# case: parameter name prefix
function Show($Computer) { $Computer }
Show -Comp srv1  # expect: srv1

# case: param block
function Greet {
    param($Name = 'World')
    "Hello, $Name!"
}
Greet  # expect: Hello, World!
Greet -Name Ann  # expect: Hello, Ann!

# case: default value expression uses earlier parameters
function Area($w, $h = $w) { $w * $h }
Area 3  # expect: 9
Area 3 4  # expect: 12

# case: unbound parameter is null
function F($x) { $null -eq $x }
F  # expect: True

# case: typed parameter converts the argument
function Double([int]$n) { $n * 2 }
Double '21'  # expect: 42

# case: switch parameter
function S([switch]$Verbose2) { $Verbose2.IsPresent }
S  # expect: False
S -Verbose2  # expect: True

# case: switch parameter with an explicit value
function S([switch]$On) { [bool]$On }
S -On:$false  # expect: False
S -On:$true  # expect: True

# case: switch parameter in a condition
function S([switch]$Loud) { if ($Loud) { 'LOUD' } else { 'quiet' } }
S -Loud  # expect: LOUD
S  # expect: quiet

# case: args holds unbound arguments
function F { $args.Count; $args[0]; $args[-1] }
F a b c
# expect: 3
# expect: a
# expect: c

# case: args with declared parameters holds the rest
function F($first) { "first=$first rest=$($args -join ',')" }
F 1 2 3  # expect: first=1 rest=2,3

# case: unknown named argument of a simple function goes to args
function F { $args -join '|' }
F -Flag value  # expect: -Flag|value

# case: args is empty when nothing is passed
function F { $args.Count }
F  # expect: 0

# case: all output of a function is returned
function F { 1; 2; 3 }
$x = F
$x.Count  # expect: 3
$x.GetType().Name  # expect: Object[]

# case: single output is a scalar
function F { 'only' }
$x = F
$x.GetType().Name  # expect: String

# case: no output is null
function F { }
$x = F
$null -eq $x  # expect: True

# case: return value from a function
function Square($n) { return $n * $n }
Square 7  # expect: 49

# case: Write-Output inside a function is function output
function F { Write-Output 'out'; 'implicit' }
(F).Count  # expect: 2

# case: arrays returned from a function are unrolled
function F { return 1, 2, 3 }
(F | Measure-Object).Count  # expect: 3

# case: unary comma keeps an array as one object
function F { , (1, 2, 3) }
(F | Measure-Object).Count  # expect: 1
$x = F
$x.Count  # expect: 3

# case: expression statements in a function all produce output
function F { $a = 1; $a + 1; 'text'; [void]5 }
(F) -join ','  # expect: 2,text

# case: function output into a pipeline
function Numbers { 1..4 }
Numbers | Where-Object { $_ % 2 -eq 0 }
# expect: 2
# expect: 4

# case: function used in an expression needs parentheses
function Five { 5 }
(Five) + 1  # expect: 6

# case: argument expressions need parentheses
function Echo1($v) { $v }
Echo1 (1 + 2)  # expect: 3
Echo1 1+2  # expect: 1+2

# case: array argument with commas
function Count-Items($items) { $items.Count }
Count-Items 1, 2, 3  # expect: 3

# case: bareword argument is a string
function Echo1($v) { $v.GetType().Name }
Echo1 hello  # expect: String
Echo1 42  # expect: Int32

# case: recursion
function Fact($n) { if ($n -le 1) { 1 } else { $n * (Fact ($n - 1)) } }
Fact 5  # expect: 120

# case: recursive fibonacci
function Fib($n) { if ($n -lt 2) { $n } else { (Fib ($n - 1)) + (Fib ($n - 2)) } }
Fib 10  # expect: 55

# case: functions can be redefined
function F { 'one' }
function F { 'two' }
F  # expect: two

# case: function defined later in the script is not yet available
Later
function Later { 'later' }
Later
# expect: later
# expect error: CommandNotFoundException

# case: function names with a verb-noun form
function Get-Thing { 'thing' }
Get-Thing  # expect: thing

# case: calling a function with method syntax passes an array
function F($a, $b) { "a=[$a] b=[$b]" }
F(3, 4)  # expect: a=[3 4] b=[]

# case: filter processes each pipeline item
filter Double { $_ * 2 }
1..3 | Double
# expect: 2
# expect: 4
# expect: 6

# case: filter called without pipeline input
filter Tag { "tag:$_" }
'a', 'b' | Tag
# expect: tag:a
# expect: tag:b

# case: function with begin process end
function Sum {
    begin { $t = 0 }
    process { $t += $_ }
    end { $t }
}
1..4 | Sum  # expect: 10

# case: input enumerator in a simple function
function Join-Input { ($input | ForEach-Object { $_ }) -join '+' }
1, 2, 3 | Join-Input  # expect: 1+2+3

# case: foreach over input
function Total { $s = 0; foreach ($i in $input) { $s += $i }; $s }
1..4 | Total  # expect: 10

# case: function is a command with a definition
function Hello { 'hi' }
(Get-Command Hello).CommandType  # expect: Function

# case: function help of its name through MyInvocation
function Who { $MyInvocation.MyCommand.Name }
Who  # expect: Who

# case: function names are case-insensitive
function MixedCase { 'called' }
mixedcase  # expect: called

# case: nested function definitions
function Outer { function Inner { 'inner' }; Inner }
Outer  # expect: inner

# case: runaway recursion is PowerShell's call depth overflow, not a crash
function Forever($n) { Forever ($n + 1) }
Forever 0
'after'
# expect error: CallDepthOverflow
# expect status: 1
