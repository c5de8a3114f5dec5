# Type literals, casts, -as, -is and conversions (about_Type_Operators, about_Booleans).

# case: cast a string to int
[int]'42' + 1  # expect: 43
([int]'42').GetType().Name  # expect: Int32

# case: cast trims whitespace
[int]'  42  '  # expect: 42

# case: cast a hex string to int
[int]'0xF'  # expect: 15

# case: cast a string with a fraction to int rounds
[int]'7.5'  # expect: 8
[int]'2.5'  # expect: 2

# case: cast an empty string to int
[int]''  # expect: 0

# case: cast null to int and to string
[int]$null  # expect: 0
([string]$null).Length  # expect: 0

# case: cast an int to string
([string]42).GetType().Name  # expect: String
[string]42 + 1  # expect: 421

# case: cast an array to string joins with spaces
[string](1, 2, 3)  # expect: 1 2 3

# case: cast a boolean to int
[int]$true  # expect: 1
[int]$false  # expect: 0

# case: failed cast is an error
[int]'abc'
'after'
# expect: after
# expect error: InvalidCastFromStringToInteger

# case: failed cast caught
try { [int]'abc' } catch { $_.FullyQualifiedErrorId }
# expect: InvalidCastFromStringToInteger

# case: out of range cast is an error
[byte]300
# expect error: InvalidCastIConvertible

# case: bool of strings
[bool]'False'  # expect: True
[bool]'0'  # expect: True
[bool]'a'  # expect: True
[bool]''  # expect: False

# case: bool of numbers
[bool]0  # expect: False
[bool]1  # expect: True
[bool]-1  # expect: True
[bool]0.0  # expect: False

# case: bool of null
[bool]$null  # expect: False

# case: bool of arrays
[bool]@()  # expect: False
[bool]@(0)  # expect: False
[bool]@(1)  # expect: True
[bool]@(0, 0)  # expect: True

# case: bool of a hashtable is true even when empty
[bool]@{}  # expect: True

# case: bool of an object
[bool]([pscustomobject]@{ a = 1 })  # expect: True

# case: double cast
[double]'3.5' * 2  # expect: 7
([double]5).GetType().Name  # expect: Double

# case: decimal cast keeps scale
[decimal]'1.50'  # expect: 1.50

# case: char conversions
[char]65  # expect: A
[int][char]'A'  # expect: 65

# case: a string of two chars is not a char
try { [char]'AB' } catch { 'not a char' }
# expect: not a char

# case: datetime from a literal string
$d = [datetime]'2026-03-02 08:00'
$d.Year  # expect: 2026
$d.Month  # expect: 3
$d.Day  # expect: 2
$d.Hour  # expect: 8
$d.DayOfWeek  # expect: Monday
$d.GetType().Name  # expect: DateTime

# case: datetime arithmetic
$d = [datetime]'2026-03-02'
$d.AddDays(1).ToString('yyyy-MM-dd')  # expect: 2026-03-03
$d.AddMonths(1).Month  # expect: 4
$d.DayOfYear  # expect: 61

# case: datetime difference is a timespan
$span = [datetime]'2026-03-03' - [datetime]'2026-03-02'
$span.TotalHours  # expect: 24
$span.GetType().Name  # expect: TimeSpan

# case: datetime comparison
[datetime]'2026-03-02' -lt [datetime]'2026-03-03'  # expect: True

# case: datetime constructor
[datetime]::new(2026, 3, 2).DayOfWeek  # expect: Monday

# case: timespan from a string
([timespan]'01:30:00').TotalMinutes  # expect: 90

# case: version from a string
$v = [version]'1.2.3'
$v.Minor  # expect: 2
[version]'1.10' -gt [version]'1.9'  # expect: True

# case: guid from a string
$g = [guid]'3f2504e0-4f89-11d3-9a0c-0305e82c3301'
$g.ToString()  # expect: 3f2504e0-4f89-11d3-9a0c-0305e82c3301
$g.GetType().Name  # expect: Guid

# case: array cast of a scalar
$a = [array]5
$a.Count  # expect: 1
$a.GetType().Name  # expect: Object[]

# case: typed array cast
$a = [int[]]('1', '2')
$a.GetType().Name  # expect: Int32[]

# case: regex type literal
$r = [regex]'\d+'
$r.Match('ab123c').Value  # expect: 123
$r.GetType().Name  # expect: Regex

# case: -as returns the converted value
('42' -as [int]) + 1  # expect: 43

# case: -as returns null when conversion fails
$null -eq ('abc' -as [int])  # expect: True
$null -eq (300 -as [byte])  # expect: True

# case: -is and -isnot
5 -is [int]  # expect: True
5 -is [long]  # expect: False
'5' -is [string]  # expect: True
5 -isnot [string]  # expect: True
1.5 -is [double]  # expect: True
@(1) -is [array]  # expect: True
$null -is [object]  # expect: False

# case: -is with a full type name
5 -is [System.Int32]  # expect: True

# case: GetType Name and FullName
(5).GetType().Name  # expect: Int32
(5).GetType().FullName  # expect: System.Int32
'x'.GetType().FullName  # expect: System.String
$true.GetType().Name  # expect: Boolean
@{}.GetType().FullName  # expect: System.Collections.Hashtable

# case: type literal members
[int].Name  # expect: Int32
[int].FullName  # expect: System.Int32
[string].FullName  # expect: System.String

# case: type-constrained variable converts assignments
[int]$n = '7'
$n + 1  # expect: 8
$n = '12'
$n.GetType().Name  # expect: Int32

# case: string-constrained variable
[string]$s = 5
$s.GetType().Name  # expect: String

# case: unknown type is an error
[NoSuchTypeAnywhere]'x'
'after'
# expect: after
# expect error: TypeNotFound

# case: parse methods
[int]::Parse('42') + 1  # expect: 43
[bool]::Parse('false')  # expect: False

# case: parse failure inside a method is a method invocation error
[int]::Parse('abc')
# expect error: FormatException

# case: long cast of a string
([long]'123').GetType().Name  # expect: Int64

# case: cast to bool then to int
[int][bool]'x'  # expect: 1

# case: enum from a string
[System.DayOfWeek]'Friday' -eq [System.DayOfWeek]::Friday  # expect: True
[int][System.DayOfWeek]::Monday  # expect: 1

# case: IPAddress Parse
[System.Net.IPAddress]::Parse('10.1.2.3').ToString()  # expect: 10.1.2.3
try { [ipaddress]::Parse('nope') } catch { $_.Exception.InnerException.GetType().Name }
# expect: FormatException
