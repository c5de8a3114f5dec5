# -match, -replace, -split, -join and [regex] (about_Comparison_Operators, about_Split,
# about_Join, about_Regular_Expressions).

# case: match returns a boolean and sets Matches
'hello world' -match 'w(or)ld'  # expect: True
$Matches[0]  # expect: world
$Matches[1]  # expect: or

# case: match is case-insensitive unless cmatch
'PowerShell' -match 'shell'  # expect: True
'PowerShell' -cmatch 'shell'  # expect: False

# case: named groups
$string = 'The last logged on user was CONTOSO\jsmith'
$null = $string -match 'was (?<domain>.+)\\(?<user>.+)'
$Matches.domain  # expect: CONTOSO
$Matches.user  # expect: jsmith
$Matches[0]  # expect: was CONTOSO\jsmith

# case: failed match leaves Matches unchanged
$null = 'abc' -match 'b'
$null = 'abc' -match 'z'
$Matches[0]  # expect: b

# case: notmatch
'bag' -notmatch 'b[iou]g'  # expect: True
'big' -notmatch 'b[iou]g'  # expect: False

# case: match on a collection returns the matching members
'Bag', 'Beg', 'Big', 'Bog', 'Bug' -match 'b[iou]g'
# expect: Big
# expect: Bog
# expect: Bug

# case: notmatch on a collection
'Bag', 'Beg', 'Big', 'Bog', 'Bug' -notmatch 'b[iou]g'
# expect: Bag
# expect: Beg

# case: match in a condition
if ('v1.2.3' -match '^v(\d+)\.(\d+)') { "major=$($Matches[1]) minor=$($Matches[2])" }
# expect: major=1 minor=2

# case: replace is case-insensitive
'book' -replace 'B', 'C'  # expect: Cook
'book' -ireplace 'B', 'C'  # expect: Cook

# case: creplace is case-sensitive
'book' -creplace 'B', 'C'  # expect: book

# case: replace all occurrences
'hello' -replace 'l', 'L'  # expect: heLLo

# case: replace with nothing removes
'hello' -replace 'l'  # expect: heo

# case: replace uses regex
'a.b.c' -replace '\.', '-'  # expect: a-b-c
'a1b22c333' -replace '\d+', '#'  # expect: a#b#c#

# case: replace with numbered groups
'John Smith' -replace '(\w+) (\w+)', '$2, $1'  # expect: Smith, John

# case: replace with named groups
'Contoso.local\John.Doe' -replace '^(?<Domain>[\w.]+)\\(?<User>[\w.]+)$', '${User}@${Domain}'
# expect: John.Doe@Contoso.local

# case: group reference in double quotes is a PowerShell variable
$1 = 'Goodbye'
'Hello World' -replace '(\w+) \w+', "$1 Universe"  # expect: Goodbye Universe
'Hello World' -replace '(\w+) \w+', '$1 Universe'  # expect: Hello Universe

# case: dollar escapes in the substitution
'5.72' -replace '(.+)', '$$$1'  # expect: $5.72
'5.72' -replace '(.+)', '$$1'  # expect: $1

# case: replace on a collection replaces in every element
'B1', 'B2', 'B3' -replace 'B', 'a'
# expect: a1
# expect: a2
# expect: a3

# case: replace with a script block
'072101108108111' -replace '\d{3}', { [char][int]$_.Value }  # expect: Hello

# case: replace chained
'a-b_c' -replace '-', ' ' -replace '_', ' '  # expect: a b c

# case: replace converts a number to a string
12345 -replace '3', 'x'  # expect: 12x45

# case: split on a character
'a,b,c' -split ','
# expect: a
# expect: b
# expect: c

# case: split result is a string array
$p = 'a,b,c' -split ','
$p.Count  # expect: 3
$p.GetType().Name  # expect: String[]

# case: split keeps empty fields
('a,,b' -split ',').Count  # expect: 3

# case: split uses a regex
('a1b22c' -split '\d+') -join '|'  # expect: a|b|c

# case: split with a character class
('a,b;c' -split '[,;]') -join '|'  # expect: a|b|c

# case: split dot is a regex unless escaped
('This.is.a.test' -split '\.') -join '|'  # expect: This|is|a|test

# case: split with SimpleMatch
('This.is.a.test' -split '.', 0, 'SimpleMatch') -join '|'  # expect: This|is|a|test

# case: split with a maximum count
'a,b,c,d,e,f,g,h' -split ',', 3
# expect: a
# expect: b
# expect: c,d,e,f,g,h

# case: split with a negative maximum count
'a,b,c,d,e,f,g,h' -split ',', -3
# expect: a,b,c,d,e,f
# expect: g
# expect: h

# case: split keeps captured delimiters
'Lastname:FirstName' -split '(:)'
# expect: Lastname
# expect: :
# expect: FirstName

# case: split is case-insensitive unless csplit
('aXbxc' -split 'x') -join '|'  # expect: a|b|c
('aXbxc' -csplit 'x') -join '|'  # expect: aXb|c

# case: unary split splits on whitespace and drops empty parts
$w = -split '  red   yellow blue '
$w.Count  # expect: 3
$w -join '|'  # expect: red|yellow|blue

# case: unary split binds tighter than comma
$r = -split '1 2', 'a b'
$r.Count  # expect: 2
$r[0].Count  # expect: 2
$r[1]  # expect: a b

# case: split of several strings
('1 2', 'a b' -split ' ') -join '|'  # expect: 1|2|a|b

# case: split with a script block delimiter
('a1b2c' -split { $_ -match '\d' }) -join '|'  # expect: a|b|c

# case: join with a separator
1, 2, 3 -join ', '  # expect: 1, 2, 3

# case: unary join concatenates
-join ('a', 'b', 'c')  # expect: abc

# case: join of a single value
'x' -join ','  # expect: x

# case: join of an empty array
(@() -join ',').Length  # expect: 0

# case: join converts elements to strings
$true, 1.5, $null, 'z' -join '/'  # expect: True/1.5//z

# case: regex static methods
[regex]::IsMatch('abc123', '\d')  # expect: True
[regex]::Matches('a1b22c333', '\d+').Count  # expect: 3
[regex]::Replace('aaa', 'a', 'b')  # expect: bbb
[regex]::Escape('a.b*c')  # expect: a\.b\*c

# case: regex match groups
$m = [regex]::Match('key=value', '(\w+)=(\w+)')
$m.Success  # expect: True
$m.Groups[2].Value  # expect: value

# case: regex object split
([regex]'\s*,\s*').Split('a , b,c') -join '|'  # expect: a|b|c

# case: regex anchors and quantifiers
'2026-03-02' -match '^\d{4}-\d{2}-\d{2}$'  # expect: True
'2026-3-2' -match '^\d{4}-\d{2}-\d{2}$'  # expect: False

# case: inline case-sensitive option
'ABC' -match '(?-i)abc'  # expect: False
