# Pipelines and the core pipeline cmdlets (about_Pipelines, ForEach-Object, Where-Object,
# Sort-Object, Select-Object, Group-Object, Measure-Object).

# case: ForEach-Object transforms each item
1..5 | ForEach-Object { $_ * 2 }
# expect: 2
# expect: 4
# expect: 6
# expect: 8
# expect: 10

# case: PSItem is the same as the underscore variable
'a', 'b' | ForEach-Object { $PSItem.ToUpper() }
# expect: A
# expect: B

# case: ForEach-Object with begin process and end
1..3 | ForEach-Object -Begin { 'start' } -Process { $_ } -End { 'stop' }
# expect: start
# expect: 1
# expect: 2
# expect: 3
# expect: stop

# case: ForEach-Object with a property name
'a', 'bb', 'ccc' | ForEach-Object Length
# expect: 1
# expect: 2
# expect: 3

# case: ForEach-Object with a method name
'a', 'b' | ForEach-Object ToUpper
# expect: A
# expect: B

# case: ForEach-Object shares the caller's scope
$n = 0
1..3 | ForEach-Object { $n++ }
$n  # expect: 3

# case: percent alias
1..2 | % { "item $_" }
# expect: item 1
# expect: item 2

# case: Where-Object filters
1..10 | Where-Object { $_ % 2 -eq 0 }
# expect: 2
# expect: 4
# expect: 6
# expect: 8
# expect: 10

# case: Where-Object simplified syntax
$people = [pscustomobject]@{ Name = 'ann'; Age = 30 }, [pscustomobject]@{ Name = 'bob'; Age = 45 }
$people | Where-Object Age -gt 40 | ForEach-Object Name  # expect: bob
($people | Where-Object Name -eq 'ann').Age  # expect: 30

# case: question mark alias
1..4 | ? { $_ -gt 2 }
# expect: 3
# expect: 4

# case: Where-Object with no matches gives nothing
$r = 1..3 | Where-Object { $_ -gt 10 }
$null -eq $r  # expect: True

# case: Sort-Object ascending
3, 1, 2 | Sort-Object
# expect: 1
# expect: 2
# expect: 3

# case: Sort-Object descending
3, 1, 2 | Sort-Object -Descending
# expect: 3
# expect: 2
# expect: 1

# case: Sort-Object on strings is case-insensitive
'b', 'A', 'c' | Sort-Object
# expect: A
# expect: b
# expect: c

# case: Sort-Object unique
1, 3, 2, 3, 1 | Sort-Object -Unique
# expect: 1
# expect: 2
# expect: 3

# case: Sort-Object by a property
$people = [pscustomobject]@{ Name = 'cy'; Age = 50 }, [pscustomobject]@{ Name = 'al'; Age = 20 }, [pscustomobject]@{ Name = 'bo'; Age = 35 }
$people | Sort-Object Age | ForEach-Object Name
# expect: al
# expect: bo
# expect: cy

# case: Sort-Object by a script block
'ccc', 'a', 'bb' | Sort-Object { $_.Length }
# expect: a
# expect: bb
# expect: ccc

# case: Sort-Object numbers numerically not as strings
10, 9, 100 | Sort-Object
# expect: 9
# expect: 10
# expect: 100

# case: Select-Object First and Last
1..10 | Select-Object -First 3
# expect: 1
# expect: 2
# expect: 3
1..10 | Select-Object -Last 2
# expect: 9
# expect: 10

# case: Select-Object Skip
1..5 | Select-Object -Skip 3
# expect: 4
# expect: 5

# case: Select-Object Index
'a', 'b', 'c', 'd' | Select-Object -Index 1, 3
# expect: b
# expect: d

# case: Select-Object Unique
1, 1, 2, 2, 3 | Select-Object -Unique
# expect: 1
# expect: 2
# expect: 3

# case: Select-Object First stops the upstream pipeline
$script:produced = 0
1..100 | ForEach-Object { $script:produced++; $_ } | Select-Object -First 3 | Out-Null
$produced  # expect: 3

# case: Select-Object Property makes new objects
$o = [pscustomobject]@{ Name = 'x'; Size = 5; Extra = 1 }
$s = $o | Select-Object Name, Size
$s.psobject.Properties.Name -join ','  # expect: Name,Size
$s.Size  # expect: 5

# case: Select-Object ExpandProperty
$people = [pscustomobject]@{ Name = 'ann' }, [pscustomobject]@{ Name = 'bob' }
$people | Select-Object -ExpandProperty Name
# expect: ann
# expect: bob

# case: Select-Object calculated property
1..3 | Select-Object @{ Name = 'Square'; Expression = { $_ * $_ } } | ForEach-Object Square
# expect: 1
# expect: 4
# expect: 9

# case: Measure-Object sum and count
$m = 1..4 | Measure-Object -Sum
$m.Sum  # expect: 10
$m.Count  # expect: 4

# case: Measure-Object average minimum maximum
$m = 2, 4, 9 | Measure-Object -Average -Minimum -Maximum
$m.Average  # expect: 5
$m.Minimum  # expect: 2
$m.Maximum  # expect: 9

# case: Measure-Object on a property
('a', 'bb', 'ccc' | Measure-Object -Property Length -Sum).Sum  # expect: 6

# case: Measure-Object counts items
(1..7 | Measure-Object).Count  # expect: 7

# case: Group-Object
'a', 'b', 'a', 'c', 'a' | Group-Object | Sort-Object Name | ForEach-Object { "$($_.Name)=$($_.Count)" }
# expect: a=3
# expect: b=1
# expect: c=1

# case: Group-Object by property and Group contents
$items = [pscustomobject]@{ T = 'x'; V = 1 }, [pscustomobject]@{ T = 'y'; V = 2 }, [pscustomobject]@{ T = 'x'; V = 3 }
$g = $items | Group-Object T | Where-Object Name -eq 'x'
$g.Count  # expect: 2
($g.Group | ForEach-Object V) -join ','  # expect: 1,3

# case: pipeline items are processed one at a time
1..2 | ForEach-Object { "A$_"; $_ } | ForEach-Object { "B$_" }
# expect: BA1
# expect: B1
# expect: BA2
# expect: B2

# case: downstream commands run as each item arrives
1..2 | ForEach-Object { Write-Host "make $_"; $_ } | ForEach-Object { Write-Host "use $_" }
# expect: make 1
# expect: use 1
# expect: make 2
# expect: use 2

# case: pipeline enumerates only the top level of an array
(1, 2), 3 | ForEach-Object { "[$_]" }
# expect: [1 2]
# expect: [3]

# case: Write-Output enumerates by default
(Write-Output 1, 2, 3 | Measure-Object).Count  # expect: 3

# case: Write-Output NoEnumerate sends the array as one item
(Write-Output -NoEnumerate 1, 2, 3 | Measure-Object).Count  # expect: 1

# case: Out-String makes one string
$s = 1, 2 | Out-String
$s.GetType().Name  # expect: String
$s.Trim()
# expect: 1
# expect: 2

# case: Out-Null swallows everything
1..3 | Out-Null
'nothing above'  # expect: nothing above

# case: Tee-Object to a variable
1..3 | Tee-Object -Variable teed | Out-Null
$teed.Count  # expect: 3

# case: OutVariable common parameter
Write-Output 'kept' -OutVariable ov | Out-Null
$ov[0]  # expect: kept

# case: Join-String
1..3 | Join-String -Separator ','  # expect: 1,2,3

# case: parenthesized pipeline as an expression
(1..3 | ForEach-Object { $_ }).Count  # expect: 3

# case: pipeline result into a method call
(1..3 | ForEach-Object { $_ * 10 }) -join '+'  # expect: 10+20+30

# case: multi-line pipeline with trailing pipes
1..6 |
    Where-Object { $_ -gt 2 } |
    ForEach-Object { $_ * 10 } |
    Select-Object -First 2
# expect: 30
# expect: 40

# case: ForEach-Object over hashtable sends the table as one item
@{ a = 1; b = 2 } | ForEach-Object { $_.Count }
# expect: 2

# case: a pipeline inside a foreach statement yields one result per iteration
$r = foreach ($i in 1..3) { 1..2 | Where-Object { $_ -eq 2 } }
$r.Count  # expect: 3

# case: cmdlet output used by another cmdlet via the pipeline
'b', 'a' | Sort-Object | Select-Object -First 1  # expect: a
