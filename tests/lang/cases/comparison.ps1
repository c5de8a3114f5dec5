# Comparison, wildcard and containment operators (about_Comparison_Operators).

# case: equality of numbers
2 -eq 2  # expect: True
2 -eq 3  # expect: False
2 -ne 3  # expect: True

# case: string equality is case-insensitive by default
'abc' -eq 'ABC'  # expect: True
'abc' -ieq 'ABC'  # expect: True
'abc' -ceq 'ABC'  # expect: False
'abc' -cne 'ABC'  # expect: True
'abc' -ne 'ABC'  # expect: False

# case: ordering operators on numbers
8 -gt 6  # expect: True
8 -ge 8  # expect: True
6 -lt 8  # expect: True
8 -le 8  # expect: True
8 -lt 6  # expect: False

# case: ordering operators on strings
'a' -lt 'z'  # expect: True
'b' -gt 'A'  # expect: True
'abc' -lt 'abd'  # expect: True

# case: the right operand is converted to the type of the left
1 -eq '1.0'  # expect: True
'1.0' -eq 1  # expect: False

# case: string on the left compares as strings
'10' -gt 9  # expect: False
10 -gt '9'  # expect: True

# case: string on the left and number on the right equality
'10' -eq 10  # expect: True

# case: boolean on the left converts the right to boolean
$true -eq 'false'  # expect: True
$false -eq ''  # expect: True

# case: null comparisons
$null -eq $null  # expect: True
$null -eq 0  # expect: False
0 -eq $null  # expect: False
'' -eq $null  # expect: False

# case: collection on the left filters
1, 2, 3 -gt 1
# expect: 2
# expect: 3

# case: equality filters a collection
'zzz', 'def', 'zzz' -eq 'zzz'
# expect: zzz
# expect: zzz

# case: ne filters a collection
'abc', 'def' -ne 'abc'  # expect: def

# case: no match in a collection gives an empty array
$a = (1, 2) -eq 3
$a.GetType().Name  # expect: Object[]
$a.Count  # expect: 0

# case: null on the right filters nulls out of a collection
$a = 1, 2, $null, 4, $null, 6
($a -ne $null) -join ','  # expect: 1,2,4,6

# case: null on the left tests the collection itself
$a = 1, 2, $null
$null -ne $a  # expect: True

# case: empty array compared with null is falsy
$e = @()
if ($e -eq $null) { 'null' } else { 'not null' }
# expect: not null
$null -eq $e  # expect: False

# case: scalar compared with an array on the right
'abc' -eq 'abc', 'def'  # expect: False

# case: like with wildcards
'PowerShell' -like '*shell'  # expect: True
'PowerShell' -like 'Power?hell'  # expect: True
'PowerShell' -like 'Power[p-w]hell'  # expect: True
'PowerShell' -notlike '*shell'  # expect: False

# case: like must match the whole string
'PowerShell' -like 'shell'  # expect: False
'PowerShell' -match 'shell'  # expect: True

# case: like is case-insensitive unless clike
'PowerShell' -like 'power*'  # expect: True
'PowerShell' -clike 'power*'  # expect: False

# case: like on a collection returns the matching members
'PowerShell', 'Server' -like '*shell'  # expect: PowerShell
'PowerShell', 'Server' -notlike '*shell'  # expect: Server

# case: escaped wildcard characters
'f??' -like 'f`?`?'  # expect: True
'for' -like 'f`?`?'  # expect: False
'for' -like 'f??'  # expect: True

# case: contains and notcontains
'abc', 'def' -contains 'def'  # expect: True
'abc', 'def' -notcontains 'def'  # expect: False
'Windows', 'PowerShell' -contains 'Shell'  # expect: False

# case: contains is case-insensitive unless ccontains
'a', 'b' -contains 'A'  # expect: True
'a', 'b' -ccontains 'A'  # expect: False

# case: contains on a string is not a substring test
'abc' -contains 'a'  # expect: False

# case: contains converts the right value
1, 2, 3 -contains '2'  # expect: True

# case: in and notin
'def' -in 'abc', 'def'  # expect: True
'def' -notin 'abc', 'def'  # expect: False
5 -notin 1, 2  # expect: True

# case: in with a collection on the left compares its string form
'abc', 'def' -in 'abc', 'def', 'ghi'  # expect: False

# case: contains with a collection on the right compares its string form
$a = 'abc', 'def'
'abc def', 'ghi' -contains $a  # expect: True

# case: is and isnot
$a = 1
$b = '1'
$a -is [int]  # expect: True
$a -is $b.GetType()  # expect: False
$b -isnot [int]  # expect: True

# case: comparison result in a condition
$n = 7
if ($n -ge 5 -and $n -le 10) { 'in range' }
# expect: in range

# case: comparing versions as strings and as versions
'1.10' -gt '1.9'  # expect: False
[version]'1.10' -gt [version]'1.9'  # expect: True

# case: comparing dates
[datetime]'2001-11-12' -lt [datetime]'2020-08-01'  # expect: True
