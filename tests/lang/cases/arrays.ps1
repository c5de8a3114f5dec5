# Arrays: construction, ranges, indexing, slicing, concatenation (about_Arrays, about_Operators).

# case: empty array
$a = @()
$a.Count  # expect: 0
$a.GetType().Name  # expect: Object[]

# case: comma builds an array
$a = 1, 2, 3
$a.Count  # expect: 3
$a.GetType().Name  # expect: Object[]

# case: array output prints one element per line
1, 2, 3
# expect: 1
# expect: 2
# expect: 3

# case: unary comma builds a one-element array
$a = ,1
$a.Count  # expect: 1
$a.GetType().Name  # expect: Object[]

# case: unary comma wraps an array
$a = ,(1, 2)
$a.Count  # expect: 1
$a[0].Count  # expect: 2

# case: array subexpression of a scalar
@(5).Count  # expect: 1

# case: array subexpression does not nest an array
@(@(1, 2)).Count  # expect: 2

# case: array subexpression of null
@($null).Count  # expect: 1

# case: count of null and of a scalar
$null.Count  # expect: 0
$n = 5
$n.Count  # expect: 1

# case: count of zero one and many pipeline results
@(1..3 | Where-Object { $_ -gt 5 }).Count  # expect: 0
@(1..3 | Where-Object { $_ -gt 2 }).Count  # expect: 1
@(1..3 | Where-Object { $_ -gt 1 }).Count  # expect: 2

# case: ascending range
1..5 -join ','  # expect: 1,2,3,4,5

# case: descending range
5..1 -join ','  # expect: 5,4,3,2,1

# case: range through zero
-2..2 -join ','  # expect: -2,-1,0,1,2

# case: single element range
(0..0).Count  # expect: 1

# case: character range
'a'..'e' -join ''  # expect: abcde
('a'..'c')[0].GetType().Name  # expect: Char

# case: range from variables
$lo = 2; $hi = 4
$lo..$hi -join ','  # expect: 2,3,4

# case: indexing from the start and the end
$a = 10, 20, 30, 40, 50
$a[0]  # expect: 10
$a[-1]  # expect: 50
$a[-2]  # expect: 40

# case: slice with a range
$a = 10, 20, 30, 40, 50
$a[1..3] -join ','  # expect: 20,30,40

# case: slice with a list of indexes
$a = 10, 20, 30, 40, 50
$a[0, 2, 4] -join ','  # expect: 10,30,50

# case: slice with negative range
$a = 10, 20, 30, 40, 50
$a[-1..-3] -join ','  # expect: 50,40,30

# case: index out of range gives null
$a = 1, 2, 3
$null -eq $a[10]  # expect: True
$a[10]
'done'  # expect: done

# case: assign to an element
$a = 1, 2, 3
$a[1] = 'x'
$a -join ','  # expect: 1,x,3

# case: assign beyond the end is an error
$a = 1, 2, 3
try { $a[5] = 9 } catch { 'caught' }
# expect: caught

# case: array concatenation
$a = (1, 2) + (3, 4)
$a.Count  # expect: 4
$a -join ','  # expect: 1,2,3,4

# case: adding a scalar to an array appends
$a = 1, 2, 3
$b = $a + 16
$b -join ','  # expect: 1,2,3,16

# case: array repetition
(1, 2) * 2 -join ','  # expect: 1,2,1,2
@('!') * 3 -join ''  # expect: !!!

# case: plus-equals appends to an array
$a = @()
$a += 1
$a += 2
$a.Count  # expect: 2

# case: nested arrays
$a = (1, 2), (3, 4)
$a.Count  # expect: 2
$a[1][0]  # expect: 3

# case: nested array inside array subexpression keeps two elements
@(@(1, 2), 3).Count  # expect: 2

# case: array holding nulls
$a = 1, $null, 3
$a.Count  # expect: 3

# case: arrays are references
$a = 1, 2, 3
$b = $a
$b[0] = 9
$a[0]  # expect: 9

# case: clone copies
$a = 1, 2, 3
$b = $a.Clone()
$b[0] = 9
$a[0]  # expect: 1

# case: typed array converts elements
[int[]]$n = '1', '2', '3'
$n.GetType().Name  # expect: Int32[]
$n[0] + 1  # expect: 2

# case: appending to a typed array keeps the type
[int[]]$n = 1, 2
$n += '3'
$n.GetType().Name  # expect: Int32[]
$n[2].GetType().Name  # expect: Int32

# case: string array
[string[]]$s = 1, 2
$s[0].GetType().Name  # expect: String

# case: Length of an array
(1, 2, 3).Length  # expect: 3

# case: contains
1, 2, 3 -contains 2  # expect: True

# case: array sort in place
$a = 3, 1, 2
[array]::Sort($a)
$a -join ','  # expect: 1,2,3

# case: array index of
$a = 'x', 'y', 'z'
[array]::IndexOf($a, 'y')  # expect: 1

# case: foreach over an array
$sum = 0
foreach ($i in 1, 2, 3) { $sum += $i }
$sum  # expect: 6

# case: pipeline over an empty array runs nothing
@() | ForEach-Object { 'never' }
'end'  # expect: end

# case: piping null runs the block once
$null | ForEach-Object { 'ran' }
# expect: ran

# case: ArrayList Add returns the index
$l = [System.Collections.ArrayList]::new()
$l.Add('x')  # expect: 0
$l.Add('y')  # expect: 1
$l.Count  # expect: 2

# case: void cast discards the index
$l = [System.Collections.ArrayList]::new()
[void]$l.Add('x')
$l.Count  # expect: 1

# case: generic list
$l = [System.Collections.Generic.List[int]]::new()
$l.Add(5)
$l.Add(7)
$l.Count  # expect: 2
$l[1]  # expect: 7

# case: multiplying an empty array
(@() * 3).Count  # expect: 0

# case: array of arrays via unary comma in a pipeline
$r = @(1, 2 | ForEach-Object { , @($_, $_) })
$r.Count  # expect: 2
$r[0].Count  # expect: 2

# case: first and last via indexes
$a = 'p', 'q', 'r'
"$($a[0])$($a[-1])"  # expect: pr
