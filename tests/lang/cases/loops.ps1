# foreach, for, while, do-while, do-until, break and continue with labels
# (about_Foreach, about_For, about_While, about_Do, about_Break, about_Continue).

# case: foreach over a range
foreach ($i in 1..3) { $i * 10 }
# expect: 10
# expect: 20
# expect: 30

# case: foreach over an array variable
$letters = 'a', 'b', 'c'
foreach ($l in $letters) { $l.ToUpper() }
# expect: A
# expect: B
# expect: C

# case: foreach over null does not iterate
foreach ($i in $null) { 'never' }
'end'  # expect: end

# case: foreach over a scalar iterates once
foreach ($i in 42) { "got $i" }
# expect: got 42

# case: foreach loop variable keeps the last value
foreach ($i in 1..3) { }
$i  # expect: 3

# case: foreach over a hashtable iterates once over the whole table
$h = @{ a = 1; b = 2 }
$n = 0
foreach ($x in $h) { $n++ }
$n  # expect: 1

# case: foreach over hashtable keys
$h = @{ a = 1; b = 2 }
$sum = 0
foreach ($k in $h.Keys) { $sum += $h[$k] }
$sum  # expect: 3

# case: foreach over a pipeline result
foreach ($w in ('x y z' -split ' ')) { "[$w]" }
# expect: [x]
# expect: [y]
# expect: [z]

# case: for loop
for ($i = 0; $i -lt 3; $i++) { $i }
# expect: 0
# expect: 1
# expect: 2

# case: for loop with a step
for ($i = 10; $i -gt 0; $i -= 4) { $i }
# expect: 10
# expect: 6
# expect: 2

# case: for loop with a false condition never runs
for ($i = 0; $i -lt 0; $i++) { 'never' }
'end'  # expect: end

# case: for loop with multiple variables
for ($($i = 0; $j = 10); $i -lt 3; $($i++; $j--)) { "$i $j" }
# expect: 0 10
# expect: 1 9
# expect: 2 8

# case: while loop
$i = 0
while ($i -lt 3) { $i++; "i=$i" }
# expect: i=1
# expect: i=2
# expect: i=3

# case: while with a false condition never runs
while ($false) { 'never' }
'end'  # expect: end

# case: do-while runs at least once
$i = 10
do { "ran $i"; $i++ } while ($i -lt 3)
# expect: ran 10

# case: do-while loops while true
$i = 0
do { $i++ } while ($i -lt 5)
$i  # expect: 5

# case: do-until loops until true
$i = 0
do { $i++ } until ($i -ge 4)
$i  # expect: 4

# case: do-until runs at least once
$i = 100
do { 'once' } until ($true)
# expect: once

# case: break leaves a foreach loop
foreach ($i in 1..10) { if ($i -eq 3) { break }; $i }
# expect: 1
# expect: 2

# case: continue skips to the next iteration
foreach ($i in 1..5) { if ($i % 2 -eq 0) { continue }; $i }
# expect: 1
# expect: 3
# expect: 5

# case: break in a while loop
$i = 0
while ($true) { $i++; if ($i -ge 4) { break } }
$i  # expect: 4

# case: continue in a for loop still runs the iterator
for ($i = 0; $i -lt 5; $i++) { if ($i -eq 2) { continue }; $i }
# expect: 0
# expect: 1
# expect: 3
# expect: 4

# case: break only leaves the inner loop
foreach ($i in 1..2) {
    foreach ($j in 1..3) { if ($j -eq 2) { break }; "$i$j" }
}
# expect: 11
# expect: 21

# case: labeled break leaves the outer loop
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { break outer }
        "$i$j"
    }
}
'done'
# expect: 11
# expect: done

# case: labeled continue continues the outer loop
:outer foreach ($i in 1..3) {
    foreach ($j in 1..3) {
        if ($j -eq 2) { continue outer }
        "$i$j"
    }
}
# expect: 11
# expect: 21
# expect: 31

# case: labeled break from a while loop inside a for loop
:top for ($i = 0; $i -lt 3; $i++) {
    $j = 0
    while ($true) {
        $j++
        if ($i -eq 1) { break top }
        if ($j -ge 2) { break }
    }
    "i=$i j=$j"
}
# expect: i=0 j=2

# case: break in a function called from a loop does not cross the function
function Stop-Here { return 'returned' }
foreach ($i in 1..2) { Stop-Here }
# expect: returned
# expect: returned

# case: loop output can be piped through a subexpression
$(foreach ($i in 1..4) { $i }) | Measure-Object -Sum | ForEach-Object Sum
# expect: 10

# case: nested loops build a multiplication table row
$row = foreach ($i in 1..3) { $i * 3 }
$row -join ' '  # expect: 3 6 9

# case: modifying the collection variable does not change the running loop
$items = 1, 2, 3
foreach ($i in $items) { $items = @(); $i }
# expect: 1
# expect: 2
# expect: 3

# case: foreach keyword inside a pipeline is ForEach-Object
1..3 | foreach { $_ + 1 }
# expect: 2
# expect: 3
# expect: 4

# case: while loop with a compound condition
$a = 0; $b = 10
while ($a -lt 5 -and $b -gt 7) { $a++; $b-- }
"$a $b"  # expect: 3 7
