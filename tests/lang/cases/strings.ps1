# Strings: quoting rules, escapes, expansion, here-strings, operators and methods
# (about_Quoting_Rules, about_Special_Characters).

# case: single quotes do not expand
$name = 'world'
'Hello $name'  # expect: Hello $name

# case: double quotes expand variables
$name = 'world'
"Hello $name"  # expect: Hello world

# case: doubled single quote inside single quotes
'It''s here'  # expect: It's here

# case: doubled double quote inside double quotes
"Say ""hi"""  # expect: Say "hi"

# case: backtick-escaped double quote
"Say `"hi`""  # expect: Say "hi"

# case: other quote kind needs no escape
"It's"  # expect: It's
'Say "hi"'  # expect: Say "hi"

# case: backtick n is a newline
"one`ntwo"
# expect: one
# expect: two

# case: backtick t is a tab
"a`tb".Length  # expect: 3
[int][char]"`t"  # expect: 9

# case: escapes are literal in single quotes
'a`nb'  # expect: a`nb

# case: escaped dollar is not expanded
$x = 5
"`$x is $x"  # expect: $x is 5

# case: escaped backtick
"a``b"  # expect: a`b

# case: unicode escape
"`u{41}`u{42}"  # expect: AB

# case: subexpression in a string
"Total: $(1 + 2)"  # expect: Total: 3

# case: property access needs a subexpression
$s = 'abc'
"$s.Length"  # expect: abc.Length
"$($s.Length)"  # expect: 3

# case: braces delimit the variable name
$v = 'x'
"${v}y"  # expect: xy

# case: index after a variable is not expanded
$a = 1, 2, 3
"$a[0]"  # expect: 1 2 3[0]
"$($a[0])"  # expect: 1

# case: array in a string is joined with spaces
$a = 1, 2, 3
"$a"  # expect: 1 2 3

# case: OFS sets the array separator
$OFS = '-'
$a = 1, 2, 3
"$a"  # expect: 1-2-3

# case: null and booleans in a string
"[$null]"  # expect: []
"$true"  # expect: True

# case: here-string expands
$name = 'Ann'
$h = @"
Hello $name
Line two
"@
$h
# expect: Hello Ann
# expect: Line two

# case: literal here-string does not expand
$name = 'Ann'
$h = @'
Hello $name
'@
$h  # expect: Hello $name

# case: here-string may contain quotes
$h = @"
He said "yes" and 'no'
"@
$h  # expect: He said "yes" and 'no'

# case: string multiplication
'ab' * 3  # expect: ababab
('ab' * 0).Length  # expect: 0

# case: string plus number concatenates
'5' + 3  # expect: 53
'file' + 16  # expect: file16

# case: string plus null
'a' + $null  # expect: a

# case: string plus array joins the array
'x' + (1, 2)  # expect: x1 2

# case: string plus several values left to right
'a' + 1 + 2  # expect: a12

# case: length
'hello'.Length  # expect: 5
''.Length  # expect: 0

# case: indexing a string gives chars
'hello'[0]  # expect: h
'hello'[-1]  # expect: o
('hello'[0]).GetType().Name  # expect: Char

# case: substring
'PowerShell'.Substring(5)  # expect: Shell
'PowerShell'.Substring(0, 5)  # expect: Power

# case: index of
'hello'.IndexOf('l')  # expect: 2
'hello'.LastIndexOf('l')  # expect: 3
'hello'.IndexOf('z')  # expect: -1

# case: replace method is literal and case-sensitive
'a.b.c'.Replace('.', '-')  # expect: a-b-c
'aA'.Replace('a', 'x')  # expect: xA

# case: split method
$parts = 'a,b,,c'.Split(',')
$parts.Count  # expect: 4
$parts[3]  # expect: c

# case: trim methods
"[$('  hi  '.Trim())]"  # expect: [hi]
"[$('  hi  '.TrimStart())]"  # expect: [hi  ]
"[$('  hi  '.TrimEnd())]"  # expect: [  hi]
'xxhixx'.Trim('x')  # expect: hi

# case: case conversion
'Hello'.ToUpper()  # expect: HELLO
'Hello'.ToLower()  # expect: hello

# case: padding
'7'.PadLeft(3, '0')  # expect: 007
'ab'.PadRight(4, '.')  # expect: ab..
"[$('ab'.PadLeft(4))]"  # expect: [  ab]

# case: starts with ends with contains are case-sensitive
'Hello'.StartsWith('He')  # expect: True
'Hello'.StartsWith('he')  # expect: False
'Hello'.EndsWith('lo')  # expect: True
'Hello'.Contains('ell')  # expect: True
'Hello'.Contains('ELL')  # expect: False

# case: insert and remove
'abc'.Insert(1, 'X')  # expect: aXbc
'abcdef'.Remove(2, 2)  # expect: abef

# case: string static helpers
[string]::IsNullOrEmpty('')  # expect: True
[string]::IsNullOrEmpty('a')  # expect: False
[string]::IsNullOrEmpty($null)  # expect: True
[string]::IsNullOrWhiteSpace('  ')  # expect: True
[string]::Join('-', @('a', 'b', 'c'))  # expect: a-b-c

# case: reverse a string through a char array
$c = 'abc'.ToCharArray()
[array]::Reverse($c)
-join $c  # expect: cba

# case: char array count
'abc'.ToCharArray().Count  # expect: 3

# case: equals method is case-sensitive
'abc'.Equals('ABC')  # expect: False
'abc'.Equals('abc')  # expect: True

# case: string comparison operator is case-insensitive
'abc' -eq 'ABC'  # expect: True

# case: method on a string in a variable
$s = 'a-b-c'
$s.Split('-')[1]  # expect: b

# case: strings are immutable
$s = 'abc'
$t = $s.ToUpper()
$s  # expect: abc
$t  # expect: ABC

# case: string concatenation with plus-equals
$s = 'a'
$s += 'b'
$s += 1
$s  # expect: ab1

# case: expression in subexpression with quotes inside
$h = @{ key = 'val' }
"v=$($h['key'])"  # expect: v=val

# case: hashtable in a string shows the type name
$h = @{ a = 1 }
"$h"  # expect: System.Collections.Hashtable

# case: number formatting in a string is culture invariant
$d = 1.5
"$d"  # expect: 1.5
