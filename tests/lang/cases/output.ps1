# Write-Output, Write-Host and how Out-Default prints values (Write-Host, Write-Output,
# about_Format.ps1xml default views).

# case: Write-Output writes to the success stream
Write-Output 'written'  # expect: written

# case: Write-Output with several values
Write-Output 1 2 3
# expect: 1
# expect: 2
# expect: 3

# case: Write-Host prints to the host
Write-Host 'to host'  # expect: to host

# case: Write-Host joins several arguments with spaces
Write-Host 'a' 'b' 'c'  # expect: a b c

# case: Write-Host joins an array with spaces
Write-Host (1, 2, 3)  # expect: 1 2 3

# case: Write-Host separator
Write-Host (1, 2, 3) -Separator ','  # expect: 1,2,3

# case: Write-Host NoNewline
Write-Host 'a' -NoNewline
Write-Host 'b'
# expect: ab

# case: Write-Host output is not captured
$x = Write-Host 'printed'  # expect: printed
$null -eq $x  # expect: True

# case: Write-Host is printed immediately while function output is returned later
function F { 'returned'; Write-Host 'host first' }
$x = F
$x
# expect: host first
# expect: returned

# case: output and host lines keep their order
'one'
Write-Host 'two'
'three'
# expect: one
# expect: two
# expect: three

# case: output of a function call streams in order with host output
function G { 'a'; Write-Host 'b'; 'c' }
G
# expect: a
# expect: b
# expect: c

# case: booleans print as True and False
$true; $false
# expect: True
# expect: False

# case: null prints nothing
$null
'x'  # expect: x

# case: empty string prints an empty line
'a'
''
'b'
# expect: a
# expect: 
# expect: b

# case: doubles print in short form
0.5  # expect: 0.5
2.50  # expect: 2.5
1e-3  # expect: 0.001

# case: char prints as a character
[char]'z'  # expect: z

# case: nested array prints all elements
, (1, 2)
# expect: 1
# expect: 2

# case: mixed array prints each element
1, 'two', $true
# expect: 1
# expect: two
# expect: True

# case: enum values print by name
[System.DayOfWeek]::Tuesday  # expect: Tuesday

# case: hashtable prints as a Name Value table
@{ a = 1 }
# expect: Name                           Value
# expect: ----                           -----
# expect: a                              1

# case: custom object with five properties prints as a list
[pscustomobject]@{ A = 1; B = 2; C = 3; D = 4; E = 5 }
# expect: A : 1
# expect: B : 2
# expect: C : 3
# expect: D : 4
# expect: E : 5

# case: Format-List pads property names
[pscustomobject]@{ Name = 'a'; Value = 1 } | Format-List
# expect: Name  : a
# expect: Value : 1

# case: Format-Table with a string column and a number column
[pscustomobject]@{ Name = 'alpha'; Size = 12 } | Format-Table
# expect: Name  Size
# expect: ----  ----
# expect: alpha   12

# case: numbers are right-aligned and strings left-aligned in a table
[pscustomobject]@{ Id = 7; Label = 'x' }
[pscustomobject]@{ Id = 123; Label = 'long' }
# expect:  Id Label
# expect:  -- -----
# expect:   7 x
# expect: 123 long

# case: Out-String of a scalar ends with a newline
$s = 'v' | Out-String
$s.Length  # expect: 2

# case: string with trailing spaces
'abc   '  # expect: abc
