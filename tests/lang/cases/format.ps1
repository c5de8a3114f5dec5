# The -f format operator and .ToString(format) (about_Operators: Format operator).

# case: positional placeholders
'{0} and {1}' -f 'a', 'b'  # expect: a and b

# case: placeholders in any order and repeated
'{1}{0}{1}' -f 'a', 'b'  # expect: bab

# case: array on the right supplies the arguments
$args2 = @(1, 2)
'{0}-{1}' -f $args2  # expect: 1-2

# case: N2 groups thousands and keeps two decimals
'{0:N2}' -f 1234.5  # expect: 1,234.50
'{0:N2}' -f 1234.567  # expect: 1,234.57

# case: N0 rounds to a whole number
'{0:N0}' -f 1234567  # expect: 1,234,567

# case: right alignment with a width
'[{0,5}]' -f 42  # expect: [   42]

# case: left alignment with a negative width
'[{0,-5}]' -f 42  # expect: [42   ]

# case: D pads integers with zeros
'{0:D3}' -f 7  # expect: 007
'{0:D5}' -f 42  # expect: 00042

# case: X formats hexadecimal
'{0:X}' -f 255  # expect: FF
'{0:x4}' -f 255  # expect: 00ff

# case: F fixes decimals
'{0:F3}' -f 2  # expect: 2.000

# case: custom numeric format
'{0:0.00}' -f 3.14159  # expect: 3.14
'{0:#,0}' -f 1234567  # expect: 1,234,567

# case: date format from a literal date
$d = [datetime]'2026-03-02 08:00'
'{0:yyyy-MM-dd}' -f $d  # expect: 2026-03-02
'{0:HH:mm}' -f $d  # expect: 08:00
'{0:yyyy-MM-dd HH:mm:ss}' -f $d  # expect: 2026-03-02 08:00:00

# case: day and month names
$d = [datetime]'2026-03-02'
'{0:dddd}' -f $d  # expect: Monday
'{0:MMM}' -f $d  # expect: Mar

# case: doubled braces are literal
'{{0}} is {0}' -f 'x'  # expect: {0} is x

# case: format of a string with alignment
'[{0,-6}|{1,6}]' -f 'ab', 'cd'  # expect: [ab    |    cd]

# case: ToString with a format
(255).ToString('X')  # expect: FF
(5).ToString('D3')  # expect: 005
(3.14159).ToString('F2')  # expect: 3.14

# case: date ToString with a format
([datetime]'2026-03-02 08:00').ToString('yyyy-MM-dd HH:mm')  # expect: 2026-03-02 08:00

# case: format binds tighter than comparison
'{0}' -f 5 -eq '5'  # expect: True

# case: too few arguments is an error
'{0} {1}' -f 'a'
'next'
# expect: next
# expect error: FormatError
