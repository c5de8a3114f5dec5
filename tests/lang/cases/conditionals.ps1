# if / elseif / else and switch (about_If, about_Switch).

# case: if true
if ($true) { 'yes' }  # expect: yes

# case: if false runs nothing
if ($false) { 'yes' }
'end'  # expect: end

# case: if else
if (1 -gt 2) { 'a' } else { 'b' }  # expect: b

# case: elseif chain picks the first true branch
$n = 15
if ($n -lt 10) { 'small' } elseif ($n -lt 20) { 'medium' } elseif ($n -lt 30) { 'large' } else { 'huge' }
# expect: medium

# case: else branch when nothing matches
$n = 99
if ($n -lt 10) { 'small' } elseif ($n -lt 20) { 'medium' } else { 'other' }
# expect: other

# case: condition truthiness of values
if ('') { 'empty true' } else { 'empty false' }  # expect: empty false
if ('0') { 'zero string true' }  # expect: zero string true
if (0) { 'zero true' } else { 'zero false' }  # expect: zero false
if ($null) { 'null true' } else { 'null false' }  # expect: null false
if (@()) { 'array true' } else { 'array false' }  # expect: array false
if (@(0)) { 'one zero true' } else { 'one zero false' }  # expect: one zero false
if (@(0, 0)) { 'two zeros true' }  # expect: two zeros true

# case: if on a command result
function Get-Nothing2 { }
if (Get-Nothing2) { 'something' } else { 'nothing' }  # expect: nothing

# case: if spanning several lines
$x = 3
if ($x -eq 3)
{
    'three'
}
else
{
    'other'
}
# expect: three

# case: if as an expression value
$r = if ($false) { 1 } else { 2 }
$r  # expect: 2

# case: switch on a number
switch (3) {
    1 { "It's one." }
    2 { "It's two." }
    3 { "It's three." }
    4 { "It's four." }
}
# expect: It's three.

# case: switch runs every matching clause
switch (3) {
    1 { "It's one." }
    3 { "It's three." }
    3 { "Three again." }
}
# expect: It's three.
# expect: Three again.

# case: switch default
switch ('fourteen') {
    1 { 'one' }
    'fo*' { 'wildcard' }
    default { 'No matches' }
}
# expect: No matches

# case: switch compares strings case-insensitively
switch ('ABC') {
    'abc' { 'matched' }
}
# expect: matched

# case: switch casesensitive
switch -CaseSensitive ('ABC') {
    'abc' { 'lower' }
    'ABC' { 'upper' }
}
# expect: upper

# case: switch exact does not use wildcards
switch -Exact ('a*') {
    'abc' { 'no' }
    'a*' { 'literal' }
}
# expect: literal

# case: switch wildcard
switch -Wildcard ('fourteen') {
    1 { 'one' }
    'fo*' { "That's too many." }
    '*teen' { 'teen' }
}
# expect: That's too many.
# expect: teen

# case: switch regex with Matches
switch -Regex ('https://bing.com') {
    '^ftp\://.*$' { "$_ is an ftp address"; break }
    '^(http[s]?)\://.*$' { "$_ is a web address that uses $($Matches[1])"; break }
}
# expect: https://bing.com is a web address that uses https

# case: switch over an array processes each element
switch (1, 2, 3) {
    2 { 'two' }
    default { "other $_" }
}
# expect: other 1
# expect: two
# expect: other 3

# case: switch with script block conditions
switch (5) {
    { $_ -gt 3 } { 'big' }
    { $_ -gt 10 } { 'huge' }
    { $_ -is [int] } { 'int' }
}
# expect: big
# expect: int

# case: switch break stops all processing
switch (1, 4, -1, 3, 'Hello', 2, 1) {
    { $_ -lt 0 } { continue }
    { $_ -isnot [int32] } { break }
    { $_ % 2 } { "$_ is Odd" }
    { -not ($_ % 2) } { "$_ is Even" }
}
# expect: 1 is Odd
# expect: 4 is Even
# expect: 3 is Odd

# case: switch continue moves to the next value
switch (1, 2, 3) {
    2 { 'skip'; continue }
    { $_ -ge 2 } { "ge2 $_" }
}
# expect: skip
# expect: ge2 3

# case: switch converts values to strings
switch (([datetime]'1 Jan 1970').DayOfWeek) {
    4 { 'integer' }
    'Thursday' { 'string' }
    { 4 -eq $_ } { 'expression' }
}
# expect: string
# expect: expression

# case: switch number matches numeric string
switch ('2') {
    2 { 'num' }
}
# expect: num

# case: switch on an empty array does nothing
switch (@()) {
    default { 'never' }
}
'end'  # expect: end

# case: switch result can be assigned
$r = switch (2) { 1 { 'one' } 2 { 'two' } }
$r  # expect: two

# case: switch inside a loop with break only leaves the switch
foreach ($i in 1..3) {
    switch ($i) {
        2 { break }
        default { "v$i" }
    }
    "after $i"
}
# expect: v1
# expect: after 1
# expect: after 2
# expect: v3
# expect: after 3

# case: switch on a variable value
$color = 'green'
switch ($color) {
    'red' { 'stop' }
    'green' { 'go' }
}
# expect: go

# case: switch value of the current item via PSItem
switch ('x') {
    default { "got $PSItem" }
}
# expect: got x
