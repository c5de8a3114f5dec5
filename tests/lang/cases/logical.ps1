# Logical operators, ternary, null-coalescing and pipeline chain operators
# (about_Logical_Operators, about_Operators, about_Pipeline_Chain_Operators).

# case: and
$true -and $true  # expect: True
$true -and $false  # expect: False

# case: or
$false -or $true  # expect: True
$false -or $false  # expect: False

# case: xor
$true -xor $false  # expect: True
$true -xor $true  # expect: False

# case: not and exclamation mark
-not $true  # expect: False
!$false  # expect: True
-not 0  # expect: True
!'text'  # expect: False

# case: logical operators use truthiness
1 -and 'x'  # expect: True
0 -or ''  # expect: False
@() -or $null  # expect: False

# case: comparison binds tighter than and
1 -lt 2 -and 3 -lt 4  # expect: True

# case: and does not evaluate the right side when the left is false
$script:count = 0
function Touch { $script:count++; $true }
$r = $false -and (Touch)
$r  # expect: False
$count  # expect: 0

# case: or does not evaluate the right side when the left is true
$script:count = 0
function Touch { $script:count++; $true }
$r = $true -or (Touch)
$count  # expect: 0

# case: and evaluates the right side when the left is true
$script:count = 0
function Touch { $script:count++; $true }
$r = $true -and (Touch)
$r  # expect: True
$count  # expect: 1

# case: assignment inside a skipped operand never happens
$x = 'a'
$null = $false -and ($x = 'b')
$x  # expect: a

# case: ternary operator
$n = 5
$n -gt 3 ? 'big' : 'small'  # expect: big
$n -lt 3 ? 'big' : 'small'  # expect: small

# case: ternary evaluates only the chosen branch
$script:count = 0
function Touch { $script:count++; 'touched' }
$r = $true ? 'plain' : (Touch)
$r  # expect: plain
$count  # expect: 0

# case: null-coalescing operator
$a = $null
$a ?? 'default'  # expect: default
$b = 'set'
$b ?? 'default'  # expect: set

# case: null-coalescing keeps falsy non-null values
$z = 0
$z ?? 5  # expect: 0

# case: null-coalescing assignment
$c = $null
$c ??= 'first'
$c ??= 'second'
$c  # expect: first

# case: null-conditional member access
$o = $null
$null -eq ${o}?.Name  # expect: True
$p = [pscustomobject]@{ Name = 'n' }
${p}?.Name  # expect: n

# case: null-conditional index access
$arr = $null
$null -eq ${arr}?[0]  # expect: True

# case: and-and runs the second pipeline after success
Write-Output 'First' && Write-Output 'Second'
# expect: First
# expect: Second

# case: or-or skips the second pipeline after success
Write-Output 'First' || Write-Output 'Second'
# expect: First

# case: and-and skips the second pipeline after failure
Write-Error 'Bad' && Write-Output 'Second'
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: or-or runs the second pipeline after failure
Write-Error 'Bad' || Write-Output 'Second'
# expect: Second
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: assignment from a pipeline chain collects both outputs
$result = Write-Output '1' && Write-Output '2'
$result.Count  # expect: 2

# case: expression success counts for and-and
$false && 'ran'
# expect: False
# expect: ran
