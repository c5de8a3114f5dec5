# case: arithmetic
1 + 2  # expect: 3
7 / 2  # expect: 3.5
6 / 3  # expect: 2

# case: variables and strings
$name = 'world'
"Hello, $name!"  # expect: Hello, world!
'Hello, $name!'  # expect: Hello, $name!

# case: foreach and if
foreach ($i in 1..3) { if ($i -ne 2) { $i } }
# expect: 1
# expect: 3

# case: unknown command
Get-Nothing
# expect error: CommandNotFoundException
