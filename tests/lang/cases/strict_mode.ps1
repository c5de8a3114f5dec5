# Set-StrictMode (Set-StrictMode help topic).

# case: without strict mode an unset variable is null
$null -eq $notSet  # expect: True
$notSet -gt 5  # expect: False

# case: strict mode latest rejects an unset variable
Set-StrictMode -Version Latest
$notSet
'after'
# expect: after
# expect error: VariableIsUndefined

# case: strict mode error is catchable
Set-StrictMode -Version Latest
try { $notSet } catch { $_.FullyQualifiedErrorId }
# expect: VariableIsUndefined

# case: strict mode allows assigned variables
Set-StrictMode -Version Latest
$set = 1
$set + 1  # expect: 2

# case: strict mode version 1 allows unset variables in strings
Set-StrictMode -Version 1.0
"[$notSet]"  # expect: []

# case: strict mode version 2 rejects unset variables in strings
Set-StrictMode -Version 2.0
"[$notSet]"
# expect error: VariableIsUndefined

# case: strict mode version 2 rejects missing properties
Set-StrictMode -Version 2.0
$string = 'This is a string.'
$null -eq $string.Month
# expect error: PropertyNotFoundStrict

# case: strict mode off returns null for missing properties
Set-StrictMode -Off
$string = 'This is a string.'
$null -eq $string.Month  # expect: True

# case: strict mode version 2 rejects method-style function calls
Set-StrictMode -Version 2.0
function Add($a, $b) { $a + $b }
Add(3, 4)
# expect error: StrictModeFunctionCallWithParens

# case: strict mode version 3 rejects out of bounds indexes
Set-StrictMode -Version 3.0
$a = @(1)
$null -eq $a[2]
# expect error: System.IndexOutOfRangeException

# case: out of bounds index without strict mode is null
$a = @(1)
$null -eq $a[2]  # expect: True

# case: strict mode set in a function does not affect the caller
function Strict { Set-StrictMode -Version Latest }
Strict
$null -eq $stillFine  # expect: True

# case: strict mode of the caller applies in called functions
Set-StrictMode -Version Latest
function Read-Unset { $nothingHere }
Read-Unset
# expect error: VariableIsUndefined

# case: strict mode can be turned off again
Set-StrictMode -Version Latest
Set-StrictMode -Off
$null -eq $whatever  # expect: True

# case: strict mode still allows properties that exist
Set-StrictMode -Version Latest
$o = [pscustomobject]@{ Name = 'n' }
$o.Name  # expect: n
