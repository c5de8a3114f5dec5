# Assignment operators, increment and decrement, multiple assignment
# (about_Assignment_Operators, about_Arithmetic_Operators).

# case: simple assignment produces no output
$x = 5
$x  # expect: 5

# case: compound assignment operators
$x = 10
$x += 5
$x  # expect: 15
$x -= 3
$x  # expect: 12
$x *= 2
$x  # expect: 24
$x /= 8
$x  # expect: 3
$x %= 2
$x  # expect: 1

# case: divide-equals can produce a double
$x = 10
$x /= 4
$x  # expect: 2.5

# case: plus-equals on a string appends
$s = 'ab'
$s += 'cd'
$s  # expect: abcd

# case: times-equals on a string repeats
$s = 'ab'
$s *= 2
$s  # expect: abab

# case: postfix increment returns the old value
$i = 1
$j = $i++
"$i $j"  # expect: 2 1

# case: prefix increment returns the new value
$i = 1
$j = ++$i
"$i $j"  # expect: 2 2

# case: postfix and prefix decrement
$i = 5
$a = $i--
$b = --$i
"$a $b $i"  # expect: 5 3 3

# case: increment as a statement writes nothing
$i = 0
$i++
++$i
$i  # expect: 2

# case: evaluation order example from about_Arithmetic_Operators
$a = 0
$b = @(1, 2)
$c = @(-1, -2)
$b[$a] = $c[$a++]
$b -join ','  # expect: 1,-1

# case: multiple assignment
$a, $b = 1, 2
"$a $b"  # expect: 1 2

# case: multiple assignment puts the rest in the last variable
$a, $b = 1, 2, 3
$a  # expect: 1
$b.Count  # expect: 2
$b -join ','  # expect: 2,3

# case: multiple assignment with too few values leaves null
$a, $b, $c = 1, 2
$null -eq $c  # expect: True

# case: swap with multiple assignment
$a = 1; $b = 2
$a, $b = $b, $a
"$a $b"  # expect: 2 1

# case: chained assignment
$x = $y = 3
"$x $y"  # expect: 3 3

# case: assign to an array element
$a = 1, 2, 3
$a[0] = 'first'
$a[-1] = 'last'
$a -join ','  # expect: first,2,last

# case: compound assignment to an array element
$a = 1, 2, 3
$a[1] += 10
$a[1]  # expect: 12

# case: assign to a property
$o = [pscustomobject]@{ Size = 1 }
$o.Size = 99
$o.Size  # expect: 99

# case: compound assignment to a property
$o = [pscustomobject]@{ Size = 1 }
$o.Size += 4
$o.Size  # expect: 5

# case: assign to a hashtable key
$h = @{}
$h['k'] = 'v'
$h.k  # expect: v

# case: assigning to null discards output
$null = 'discarded'
'kept'  # expect: kept

# case: void cast discards output
[void]'discarded'
'kept'  # expect: kept

# case: Out-Null discards output
'discarded' | Out-Null
'kept'  # expect: kept

# case: assigning a pipeline result
$x = 1..3 | ForEach-Object { $_ * 2 }
$x -join ','  # expect: 2,4,6

# case: assigning a statement result
$x = if ($true) { 'yes' } else { 'no' }
$x  # expect: yes

# case: assigning a loop result
$x = foreach ($i in 1..3) { $i * $i }
$x -join ','  # expect: 1,4,9

# case: assigning an empty result gives null
$x = foreach ($i in @()) { $i }
$null -eq $x  # expect: True

# case: assignment in parentheses also outputs
($x = 7)  # expect: 7

# case: variable names are case-insensitive
$Value = 1
$VALUE += 1
$value  # expect: 2

# case: braced variable names
${my var} = 'spaced'
${my var}  # expect: spaced

# case: plus-equals on an undefined variable
$new += 3
$new  # expect: 3

# case: minus-equals on a hashtable value
$h = @{ n = 10 }
$h.n -= 4
$h.n  # expect: 6
