# Advanced functions: CmdletBinding, Parameter attributes, validation, pipeline binding
# (about_Functions_Advanced, about_Functions_Advanced_Parameters,
# about_Functions_CmdletBindingAttribute, about_Functions_Advanced_Methods).

# case: CmdletBinding function with positional parameters
function Add-Pair {
    [CmdletBinding()]
    param($A, $B)
    $A + $B
}
Add-Pair 1 2  # expect: 3
Add-Pair -B 5 -A 1  # expect: 6

# case: explicit Position
function Show-Pos {
    [CmdletBinding()]
    param(
        [Parameter(Position = 1)] $Second,
        [Parameter(Position = 0)] $First
    )
    "$First-$Second"
}
Show-Pos x y  # expect: x-y

# case: mandatory parameter given
function Need {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string]$Name)
    "hi $Name"
}
Need -Name Bo  # expect: hi Bo
Need Bo  # expect: hi Bo

# case: missing mandatory parameter is an error when not interactive
function Need {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string]$Name)
    "hi $Name"
}
Need
'after'
# expect: after
# expect error: MissingMandatoryParameter

# case: mandatory string parameter rejects an empty string
function Need {
    param([Parameter(Mandatory)] [string]$Name)
    "hi $Name"
}
Need -Name ''
# expect error: ParameterArgumentValidationErrorEmptyStringNotAllowed

# case: Parameter attribute alone makes an advanced function
function Adv {
    param([Parameter()] $X)
    $X
}
Adv -X 1  # expect: 1
Adv -Y 2
# expect error: NamedParameterNotFound

# case: ValidateSet accepts a listed value
function Pick {
    param([ValidateSet('Red', 'Green')] [string]$Color)
    $Color
}
Pick -Color Green  # expect: Green

# case: ValidateSet is case-insensitive
function Pick {
    param([ValidateSet('Red', 'Green')] [string]$Color)
    $Color
}
Pick -Color green  # expect: green

# case: ValidateSet rejects other values
function Pick {
    param([ValidateSet('Red', 'Green')] [string]$Color)
    $Color
}
Pick -Color Blue
'after'
# expect: after
# expect error: ParameterArgumentValidationError

# case: ValidateRange
function Level {
    param([ValidateRange(1, 10)] [int]$N)
    "level $N"
}
Level 10  # expect: level 10
Level 11
# expect error: ParameterArgumentValidationError

# case: ValidateNotNullOrEmpty
function NonEmpty {
    param([ValidateNotNullOrEmpty()] [string]$S)
    "ok $S"
}
NonEmpty 'x'  # expect: ok x
NonEmpty ''
# expect error: ParameterArgumentValidationError

# case: ValidatePattern
function Digits {
    param([ValidatePattern('^\d+$')] [string]$D)
    $D
}
Digits '123'  # expect: 123
Digits 'abc'
# expect error: ParameterArgumentValidationError

# case: ValidateScript
function Positive {
    param([ValidateScript({ $_ -gt 0 })] [int]$N)
    $N
}
Positive 5  # expect: 5
Positive -5
# expect error: ParameterArgumentValidationError

# case: ValidateLength
function Short {
    param([ValidateLength(1, 3)] [string]$S)
    $S
}
Short 'abc'  # expect: abc
Short 'abcd'
# expect error: ParameterArgumentValidationError

# case: ValidateCount
function Few {
    param([ValidateCount(1, 2)] [string[]]$Items)
    $Items.Count
}
Few a, b  # expect: 2
Few a, b, c
# expect error: ParameterArgumentValidationError

# case: Alias attribute
function Named {
    [CmdletBinding()]
    param([Alias('n', 'Nm')] [string]$Name)
    $Name
}
Named -n one  # expect: one
Named -Nm two  # expect: two
Named -Name three  # expect: three

# case: ValueFromPipeline with a process block
function Double-It {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [int]$N)
    process { $N * 2 }
}
1..3 | Double-It
# expect: 2
# expect: 4
# expect: 6

# case: process block runs once without pipeline input
function Double-It {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [int]$N)
    process { $N * 2 }
}
Double-It -N 21  # expect: 42

# case: ValueFromPipelineByPropertyName
function Get-Name {
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [string]$Name)
    process { "name: $Name" }
}
[pscustomobject]@{ Name = 'a' }, [pscustomobject]@{ Name = 'b' } | Get-Name
# expect: name: a
# expect: name: b

# case: ValueFromPipelineByPropertyName uses an alias
function Get-Id {
    [CmdletBinding()]
    param([Parameter(ValueFromPipelineByPropertyName)] [Alias('Identifier')] $Id)
    process { "id=$Id" }
}
[pscustomobject]@{ Identifier = 7 } | Get-Id  # expect: id=7

# case: begin process end order
function Trace-Blocks {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $Item)
    begin { 'begin' }
    process { "process $Item" }
    end { 'end' }
}
'x', 'y' | Trace-Blocks
# expect: begin
# expect: process x
# expect: process y
# expect: end

# case: begin runs before the parameter is bound from the pipeline
function Probe {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] $Item)
    begin { "begin [$Item]" }
    process { "process [$Item]" }
}
5 | Probe
# expect: begin []
# expect: process [5]

# case: PSBoundParameters reports bound parameters
function Bound {
    [CmdletBinding()]
    param($A, $B)
    $PSBoundParameters.ContainsKey('A')
    $PSBoundParameters.ContainsKey('B')
    $PSBoundParameters.Count
}
Bound -A 1
# expect: True
# expect: False
# expect: 1

# case: defaults are not in PSBoundParameters
function Defaults {
    [CmdletBinding()]
    param($A = 5)
    "$A $($PSBoundParameters.ContainsKey('A'))"
}
Defaults  # expect: 5 False

# case: switch parameter in an advanced function
function Sw {
    [CmdletBinding()]
    param([switch]$Force)
    if ($Force) { 'forced' } else { 'normal' }
}
Sw  # expect: normal
Sw -Force  # expect: forced

# case: switch parameters are not positional
function Sw {
    [CmdletBinding()]
    param([switch]$Force, $Name)
    "$Force $Name"
}
Sw abc  # expect: False abc

# case: ValueFromRemainingArguments
function Rest {
    [CmdletBinding()]
    param($First, [Parameter(ValueFromRemainingArguments)] $Others)
    "$First | $($Others -join ',')"
}
Rest 1 2 3  # expect: 1 | 2,3

# case: mandatory ValueFromPipeline is satisfied by the pipeline
function Upper {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [string]$Text)
    process { $Text.ToUpper() }
}
'ab', 'cd' | Upper
# expect: AB
# expect: CD

# case: array parameter given an array directly runs process once
function Each {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [int[]]$N)
    process { "batch of $($N.Count)" }
}
Each -N 1, 2, 3  # expect: batch of 3
1, 2, 3 | Each
# expect: batch of 1
# expect: batch of 1
# expect: batch of 1

# case: default parameter set name
function Sets {
    [CmdletBinding()]
    param($A)
    $PSCmdlet.ParameterSetName
}
Sets  # expect: __AllParameterSets

# case: parameter sets choose by the parameters given
function ById {
    [CmdletBinding(DefaultParameterSetName = 'ByName')]
    param(
        [Parameter(ParameterSetName = 'ByName')] [string]$Name,
        [Parameter(ParameterSetName = 'ById')] [int]$Id
    )
    $PSCmdlet.ParameterSetName
}
ById -Id 3  # expect: ById
ById -Name x  # expect: ByName
ById  # expect: ByName

# case: ErrorAction common parameter on an advanced function
function Err {
    [CmdletBinding()]
    param()
    Write-Error 'inside'
    'continued'
}
Err -ErrorAction SilentlyContinue  # expect: continued

# case: ErrorAction Stop on an advanced function turns the error into a terminating one
function Err {
    [CmdletBinding()]
    param()
    Write-Error 'inside'
    'continued'
}
try { Err -ErrorAction Stop } catch { 'stopped' }
# expect: stopped

# case: input in the end block of a simple function
function Count-Input { end { @($input).Count } }
1..5 | Count-Input  # expect: 5

# case: typed parameter converts pipeline input
function Typed {
    [CmdletBinding()]
    param([Parameter(ValueFromPipeline)] [int]$N)
    process { $N.GetType().Name }
}
'7' | Typed  # expect: Int32

# case: script block parameter invoked by the function
function Apply {
    param([scriptblock]$Action, $Value)
    & $Action $Value
}
Apply -Action { param($v) $v * 3 } -Value 4  # expect: 12

# case: OutputType does not change the output
function Typed-Out {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    'text'
}
Typed-Out  # expect: text
