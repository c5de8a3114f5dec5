# Hashtables, ordered dictionaries and [pscustomobject] (about_Hash_Tables, about_PSCustomObject).

# case: empty hashtable
$h = @{}
$h.Count  # expect: 0
$h.GetType().Name  # expect: Hashtable

# case: hashtable literal and count
$h = @{ a = 1; b = 2 }
$h.Count  # expect: 2

# case: hashtable literal on several lines
$h = @{
    one = 1
    two = 2
    three = 3
}
$h.Count  # expect: 3
$h.two  # expect: 2

# case: dot and index access
$h = @{ a = 1; b = 2 }
$h.a  # expect: 1
$h['b']  # expect: 2

# case: keys are case-insensitive
$h = @{ Key = 'v' }
$h.key  # expect: v
$h['KEY']  # expect: v
$h.ContainsKey('kEy')  # expect: True

# case: missing key gives null
$h = @{ a = 1 }
$null -eq $h.nothing  # expect: True
$null -eq $h['nothing']  # expect: True

# case: ContainsKey and ContainsValue
$h = @{ a = 1 }
$h.ContainsKey('a')  # expect: True
$h.ContainsKey('z')  # expect: False
$h.ContainsValue(1)  # expect: True

# case: add keys by dot and by index
$h = @{}
$h.x = 1
$h['y'] = 2
$h.Add('z', 3)
$h.Count  # expect: 3
$h.z  # expect: 3

# case: assigning an existing key replaces the value
$h = @{ a = 1 }
$h.a = 5
$h['A'] = 6
$h.Count  # expect: 1
$h.a  # expect: 6

# case: Add with an existing key is an error
$h = @{ a = 1 }
$h.Add('a', 2)
# expect error: ArgumentException

# case: remove a key
$h = @{ a = 1; b = 2 }
$h.Remove('a')
$h.Count  # expect: 1
$h.ContainsKey('a')  # expect: False

# case: keys and values
$h = @{ b = 2; a = 1; c = 3 }
($h.Keys | Sort-Object) -join ','  # expect: a,b,c
($h.Values | Measure-Object -Sum).Sum  # expect: 6

# case: iterate over sorted keys
$h = @{ b = 2; a = 1 }
foreach ($k in $h.Keys | Sort-Object) { "$k=$($h[$k])" }
# expect: a=1
# expect: b=2

# case: GetEnumerator gives key value pairs
$h = @{ b = 2; a = 1 }
$h.GetEnumerator() | Sort-Object Key | ForEach-Object { "$($_.Key):$($_.Value)" }
# expect: a:1
# expect: b:2

# case: ordered dictionary keeps insertion order
$o = [ordered]@{ z = 1; a = 2; m = 3 }
$o.Keys -join ','  # expect: z,a,m
$o.GetType().Name  # expect: OrderedDictionary

# case: ordered dictionary indexed by position
$o = [ordered]@{ z = 1; a = 2 }
$o[1]  # expect: 2
$o['z']  # expect: 1

# case: adding to an ordered dictionary appends
$o = [ordered]@{ b = 1 }
$o.a = 2
$o.Keys -join ','  # expect: b,a

# case: duplicate computed keys in a literal are a runtime error
$k = 'a'
$h = @{ $k = 1; 'A' = 2 }
'after'
# expect: after
# expect error: DuplicateKeyInHashLiteral

# case: adding hashtables merges them
$h = @{ a = 1 } + @{ b = 2 }
$h.Count  # expect: 2
$h.b  # expect: 2

# case: adding hashtables with a duplicate key fails
$h1 = @{ a = 1; c = 3 }
$h2 = @{ c = 'x' }
try { $h1 + $h2 } catch { 'duplicate' }
# expect: duplicate

# case: adding hashtables with a duplicate key reports an error
$h1 = @{ a = 1 }
$h2 = @{ a = 2 }
$h3 = $h1 + $h2
'next'  # expect: next
# expect error: System.ArgumentException

# case: adding a non-hashtable to a hashtable fails
$h = @{ a = 1 }
try { $h + 2 } catch { 'cannot' }
# expect: cannot

# case: plus-equals merges into a hashtable
$h = @{ a = 1 }
$h += @{ b = 2 }
$h.Count  # expect: 2

# case: integer keys are not string keys
$h = @{ 1 = 'one' }
$h[1]  # expect: one
$null -eq $h['1']  # expect: True

# case: quoted keys with spaces
$h = @{ 'key with space' = 5 }
$h.'key with space'  # expect: 5
$h['key with space']  # expect: 5

# case: nested hashtables
$h = @{ inner = @{ x = 42 } }
$h.inner.x  # expect: 42
$h['inner']['x']  # expect: 42

# case: values can be arrays and script results
$h = @{ list = 1, 2, 3; sum = (1 + 2) }
$h.list.Count  # expect: 3
$h.sum  # expect: 3

# case: increment a value in place
$h = @{ n = 1 }
$h.n += 1
$h.n++
$h.n  # expect: 3

# case: hashtable is a reference
$h = @{ a = 1 }
$g = $h
$g.a = 2
$h.a  # expect: 2

# case: hashtable type test
@{} -is [hashtable]  # expect: True

# case: pscustomobject from a literal
$o = [pscustomobject]@{ Name = 'srv1'; Port = 80 }
$o.Name  # expect: srv1
$o.Port  # expect: 80
$o.GetType().Name  # expect: PSCustomObject

# case: pscustomobject keeps property order
$o = [pscustomobject]@{ B = 1; A = 2; C = 3 }
$o.psobject.Properties.Name -join ','  # expect: B,A,C

# case: pscustomobject property set
$o = [pscustomobject]@{ Port = 1 }
$o.Port = 5
$o.Port  # expect: 5

# case: pscustomobject in a string
$o = [pscustomobject]@{ a = 1; b = 'x' }
"$o"  # expect: @{a=1; b=x}

# case: table output of a pscustomobject
[pscustomobject]@{ Name = 'a'; Value = 1 }
# expect: Name Value
# expect: ---- -----
# expect: a        1

# case: table output of several pscustomobjects
[pscustomobject]@{ Host = 'web01'; Cpu = 4 }
[pscustomobject]@{ Host = 'db1'; Cpu = 16 }
# expect: Host  Cpu
# expect: ----  ---
# expect: web01   4
# expect: db1    16

# case: hashtable splatted into pscustomobject properties count
$o = [pscustomobject]@{ a = 1; b = 2; c = 3 }
@($o.psobject.Properties).Count  # expect: 3
