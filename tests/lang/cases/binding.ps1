# Parameter binding errors and splatting (about_Parameters, about_Splatting).

# case: unknown named parameter of an advanced function
function G {
    [CmdletBinding()]
    param($Alpha)
    $Alpha
}
G -Beta 1
'after'
# expect: after
# expect error: NamedParameterNotFound

# case: ambiguous parameter prefix
function G {
    [CmdletBinding()]
    param($Name, $Namespace)
    "$Name $Namespace"
}
G -Na x
'after'
# expect: after
# expect error: AmbiguousParameter

# case: unambiguous prefix binds
function G {
    [CmdletBinding()]
    param($Name, $Namespace)
    "[$Name] [$Namespace]"
}
G -Names x  # expect: [] [x]

# case: exact name wins over a longer name with the same prefix
function G {
    [CmdletBinding()]
    param($Name, $Namespace)
    "[$Name] [$Namespace]"
}
G -Name x  # expect: [x] []

# case: missing argument for a parameter
function G {
    [CmdletBinding()]
    param($Alpha)
    $Alpha
}
G -Alpha
# expect error: MissingArgument

# case: too many positional arguments for an advanced function
function G {
    [CmdletBinding()]
    param($Alpha)
    $Alpha
}
G 1 2
# expect error: PositionalParameterNotFound

# case: argument cannot be converted to the parameter type
function G([int]$X) { $X }
G abc
'after'
# expect: after
# expect error: ParameterArgumentTransformationError

# case: argument conversion failure in an advanced function
function G {
    [CmdletBinding()]
    param([int]$X)
    $X
}
G -X 'not a number'
# expect error: ParameterArgumentTransformationError

# case: same parameter given twice
function G {
    [CmdletBinding()]
    param($Alpha)
    $Alpha
}
G -Alpha 1 -Alpha 2
# expect error: ParameterAlreadyBound

# case: binding error stops only that statement
function G {
    [CmdletBinding()]
    param($Alpha)
    "alpha $Alpha"
}
G -Nope 1; G -Alpha 2
# expect: alpha 2
# expect error: NamedParameterNotFound

# case: binding error inside try is caught
function G {
    [CmdletBinding()]
    param($Alpha)
    $Alpha
}
try { G -Nope 1 } catch { $_.FullyQualifiedErrorId }
# expect: NamedParameterNotFound,G

# case: parameter value after a colon
function G($Count) { $Count * 2 }
G -Count:5  # expect: 10

# case: splatting a hashtable
function Connect($Server, $Port) { "$Server`:$Port" }
$p = @{ Server = 'db1'; Port = 1433 }
Connect @p  # expect: db1:1433

# case: splatting an array binds positionally
function Connect($Server, $Port) { "$Server`:$Port" }
$a = 'web1', 80
Connect @a  # expect: web1:80

# case: splatting combined with explicit arguments
function Connect($Server, $Port, $Protocol) { "${Protocol}://${Server}:$Port" }
$p = @{ Server = 'h'; Port = 8080 }
Connect @p -Protocol http  # expect: http://h:8080

# case: splatting a switch from a hashtable
function Sw([switch]$Force, $Name) { "$Name $($Force.IsPresent)" }
$p = @{ Force = $true; Name = 'n' }
Sw @p  # expect: n True

# case: splatting to a cmdlet
$sel = @{ First = 2 }
1..5 | Select-Object @sel
# expect: 1
# expect: 2

# case: splatting an array to Write-Output
$items = 'x', 'y'
Write-Output @items
# expect: x
# expect: y

# case: splatting PSBoundParameters to another function
function Inner { param($A, $B) "A=$A B=$B" }
function Outer { param($A, $B) Inner @PSBoundParameters }
Outer -B 2 -A 1  # expect: A=1 B=2

# case: splatting args to another function
function Inner { param($A, $B) "A=$A B=$B" }
function Outer { Inner @args }
Outer 3 4  # expect: A=3 B=4

# case: splatting an unknown key to an advanced function is an error
function Adv {
    [CmdletBinding()]
    param($A)
    $A
}
$p = @{ A = 1; Z = 2 }
Adv @p
# expect error: NamedParameterNotFound

# case: splatted hashtable is not changed
function F($A) { $A }
$p = @{ A = 'v' }
F @p  # expect: v
$p.Count  # expect: 1
