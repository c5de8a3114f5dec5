# Member access, member enumeration, intrinsic members, methods and static members
# (about_Properties, about_Methods, about_Member-Access_Enumeration, about_Intrinsic_Members).

# case: property access
$o = [pscustomobject]@{ Name = 'srv'; Size = 3 }
$o.Name  # expect: srv

# case: property names are case-insensitive
$o = [pscustomobject]@{ Name = 'srv' }
$o.name  # expect: srv
$o.NAME  # expect: srv

# case: quoted property name
$o = [pscustomobject]@{ 'odd name' = 1; 'with-dash' = 2 }
$o.'odd name'  # expect: 1
$o.'with-dash'  # expect: 2

# case: property name from a variable
$o = [pscustomobject]@{ Name = 'srv'; Size = 3 }
$p = 'Size'
$o.$p  # expect: 3

# case: property name from an expression
$o = [pscustomobject]@{ Name = 'srv' }
$o.('Na' + 'me')  # expect: srv

# case: missing property is null
$o = [pscustomobject]@{ Name = 'srv' }
$null -eq $o.Nope  # expect: True

# case: property of null is null
$n = $null
$null -eq $n.Anything  # expect: True

# case: nested property access
$o = [pscustomobject]@{ Inner = [pscustomobject]@{ Value = 'deep' } }
$o.Inner.Value  # expect: deep

# case: member enumeration of a property
$a = [pscustomobject]@{ Name = 'a' }, [pscustomobject]@{ Name = 'b' }
$a.Name -join ','  # expect: a,b

# case: member enumeration with a single element gives a scalar
$a = @([pscustomobject]@{ N = 1 })
$a.N.GetType().Name  # expect: Int32

# case: member enumeration of a method
('a', 'b').ToUpper() -join ','  # expect: A,B

# case: the array own Length wins over member enumeration
('a', 'bb', 'ccc').Length  # expect: 3

# case: member enumeration over a pipeline result
(1..3 | ForEach-Object { [pscustomobject]@{ Sq = $_ * $_ } }).Sq -join ','  # expect: 1,4,9

# case: array own properties win over enumeration
(1, 2, 3).Count  # expect: 3

# case: Count intrinsic on a scalar
$s = 'text'
$s.Count  # expect: 1

# case: indexing a scalar with zero
$n = 5
$n[0]  # expect: 5

# case: indexing null is an error
$n = $null
$n[0]
'after'
# expect: after
# expect error: NullArray

# case: calling a method on null is an error
$n = $null
$n.ToString()
'after'
# expect: after
# expect error: InvokeMethodOnNull

# case: calling a missing method is an error
'abc'.NoSuchMethod()
# expect error: MethodNotFound

# case: setting a missing property on a custom object fails
$o = [pscustomobject]@{ a = 1 }
try { $o.b = 2 } catch { 'cannot set' }
# expect: cannot set

# case: ForEach method
(1, 2, 3).ForEach({ $_ * 2 }) -join ','  # expect: 2,4,6

# case: Where method
(1..6).Where({ $_ % 2 -eq 0 }) -join ','  # expect: 2,4,6

# case: Where method modes
(1..10).Where({ $_ -gt 3 }, 'First') -join ','  # expect: 4
(1..10).Where({ $_ -gt 3 }, 'First', 2) -join ','  # expect: 4,5
(1..10).Where({ $_ -gt 3 }, 'Last') -join ','  # expect: 10
(1..6).Where({ $_ -gt 3 }, 'SkipUntil') -join ','  # expect: 4,5,6
(1..6).Where({ $_ -gt 3 }, 'Until') -join ','  # expect: 1,2,3

# case: Where method split mode
$small, $large = (1..6).Where({ $_ -le 2 }, 'Split')
$small -join ','  # expect: 1,2
$large -join ','  # expect: 3,4,5,6

# case: ForEach method on a scalar
(5).ForEach({ $_ + 1 })  # expect: 6

# case: ForEach method with a property name
('a', 'bb').ForEach('Length') -join ','  # expect: 1,2

# case: Add-Member note property
$o = [pscustomobject]@{ a = 1 }
$o | Add-Member -NotePropertyName b -NotePropertyValue 2
$o.b  # expect: 2
$o.psobject.Properties.Name -join ','  # expect: a,b

# case: Add-Member script property
$o = [pscustomobject]@{ W = 3; H = 4 }
$o | Add-Member -MemberType ScriptProperty -Name Area -Value { $this.W * $this.H }
$o.Area  # expect: 12

# case: Get-Member lists note properties by name
[pscustomobject]@{ b = 1; a = 2 } | Get-Member -MemberType NoteProperty | ForEach-Object Name
# expect: a
# expect: b

# case: static property on a type
[int]::MaxValue  # expect: 2147483647
[string]::Empty.Length  # expect: 0

# case: static method on a type
[math]::Max(4, 9)  # expect: 9
[string]::Concat('a', 'b', 'c')  # expect: abc
[char]::IsDigit('7')  # expect: True

# case: static member through a type in a variable
$t = [int]
$t::MaxValue  # expect: 2147483647

# case: constructor with new
$d = [datetime]::new(2026, 3, 2, 8, 30, 0)
$d.ToString('yyyy-MM-dd HH:mm')  # expect: 2026-03-02 08:30

# case: New-Object
$sb = New-Object System.Text.StringBuilder
$null = $sb.Append('ab')
$null = $sb.Append('cd')
$sb.ToString()  # expect: abcd

# case: methods on numbers
(42).ToString()  # expect: 42
(7).CompareTo(3)  # expect: 1
(2.5).GetType().Name  # expect: Double

# case: methods on dates
$d = [datetime]'2026-03-02 08:00'
$d.AddHours(5).Hour  # expect: 13
$d.Date.ToString('HH:mm')  # expect: 00:00
$d.ToString('ddd dd MMM yyyy')  # expect: Mon 02 Mar 2026

# case: cast binds looser than member access
$r = [string]'abc'.Length
$r.GetType().Name  # expect: String

# case: array methods
(1, 2, 3).Contains(2)  # expect: True
(1, 2, 3).IndexOf(3)  # expect: 2

# case: method call results can be chained
'  Mixed Case  '.Trim().ToLower().Replace(' ', '_')  # expect: mixed_case

# case: hashtable keys through member syntax and methods together
$h = @{ name = 'x' }
$h.name.ToUpper()  # expect: X

# case: psobject Properties values
$o = [pscustomobject]@{ a = 1; b = 2 }
($o.psobject.Properties | ForEach-Object { "$($_.Name)=$($_.Value)" }) -join ';'  # expect: a=1;b=2

# case: method overload with a char separator
'a;b;c'.Split(';').Count  # expect: 3
