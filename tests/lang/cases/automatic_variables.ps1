# Automatic variables (about_Automatic_Variables).

# case: true false and null
$true  # expect: True
$false  # expect: False
$null
'after null'  # expect: after null

# case: true and false are not writable
$true = 5
'after'
$true
# expect: after
# expect: True
# expect error: VariableNotWritable

# case: assigning to null has no effect
$null = 5
$null -eq $null  # expect: True

# case: question mark after success
Write-Output 'ok' | Out-Null
$?  # expect: True

# case: question mark after an expression
$x = 1 + 1
$?  # expect: True

# case: question mark after a failed command
Get-NoSuchThing
$?  # expect: False
# expect error: CommandNotFoundException

# case: question mark after a non-terminating error
Write-Error 'soft' -ErrorAction SilentlyContinue
$?  # expect: False

# case: question mark is reset by the next success
Write-Error 'soft' -ErrorAction SilentlyContinue
'next'
$?
# expect: next
# expect: True

# case: Error is empty at the start
$Error.Count  # expect: 0

# case: Error holds the most recent error first
Write-Error 'first' -ErrorAction SilentlyContinue
Write-Error 'second' -ErrorAction SilentlyContinue
$Error.Count  # expect: 2
$Error[0].Exception.Message  # expect: second
$Error[1].Exception.Message  # expect: first

# case: Error after a command not found
Get-NoSuchThing
$Error[0].FullyQualifiedErrorId  # expect: CommandNotFoundException
# expect error: CommandNotFoundException

# case: Error record converts to its message
Write-Error 'as string' -ErrorAction SilentlyContinue
"$($Error[0])"  # expect: as string

# case: Error can be cleared
Write-Error 'x' -ErrorAction SilentlyContinue
$Error.Clear()
$Error.Count  # expect: 0

# case: args of a script run without arguments
$args.Count  # expect: 0

# case: Matches is null before any match
$null -eq $Matches  # expect: True

# case: Matches after a match
$null = 'abc123' -match '\d+'
$Matches[0]  # expect: 123

# case: PSVersionTable major version
$PSVersionTable.PSVersion.Major  # expect: 7

# case: PSVersionTable edition
$PSVersionTable.PSEdition  # expect: Core

# case: ErrorActionPreference default
"$ErrorActionPreference"  # expect: Continue

# case: underscore in a pipeline and outside it
1 | ForEach-Object { $_ + 1 }  # expect: 2

# case: MyInvocation in a function
function Who-Am-I { $MyInvocation.MyCommand.Name }
Who-Am-I  # expect: Who-Am-I

# case: PSBoundParameters in a simple function
function F($a, $b) { ($PSBoundParameters.Keys | Sort-Object) -join ',' }
F -b 1 -a 2  # expect: a,b

# case: args inside a script block
& { $args -join '+' } 1 2 3  # expect: 1+2+3

# case: input in a function end block
function Collect { end { ($input | ForEach-Object { "<$_>" }) -join '' } }
'a', 'b' | Collect  # expect: <a><b>

# case: PSItem in Where-Object
(1..6 | Where-Object { $PSItem -gt 4 }) -join ','  # expect: 5,6

# case: this in a script method
$o = [pscustomobject]@{ Name = 'box' }
$o | Add-Member -MemberType ScriptMethod -Name Describe -Value { "I am $($this.Name)" }
$o.Describe()  # expect: I am box

# case: foreach enumerator variable
$seen = foreach ($n in 1..5) { if ($n -eq 2) { $null = $foreach.MoveNext() }; $n }
$seen -join ','  # expect: 1,2,4,5

# case: switch variable is the enumerator of the switch input
$r = switch (1, 2, 3, 4) { 1 { $null = $switch.MoveNext(); "one then skip" } default { "v$_" } }
$r -join ','  # expect: one then skip,v3,v4

# case: null variable reads as null for unset names
$null -eq $neverAssigned  # expect: True

# case: environment variables through the env drive
$env:ASRSIM_TEST_VAR = 'envval'
$env:ASRSIM_TEST_VAR  # expect: envval

# case: unset environment variable is null
$null -eq $env:ASRSIM_SURELY_NOT_SET_12345  # expect: True
