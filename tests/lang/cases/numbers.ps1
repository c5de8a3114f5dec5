# Numeric literals and arithmetic (about_Numeric_Literals, about_Arithmetic_Operators,
# about_Operator_Precedence).

# case: integer literal is Int32
(42).GetType().Name  # expect: Int32

# case: literal too big for Int32 is Int64
2147483648  # expect: 2147483648
(2147483648).GetType().Name  # expect: Int64

# case: literal too big for Int64 is Decimal
(9223372036854775808).GetType().Name  # expect: Decimal

# case: real literal is Double
1.5  # expect: 1.5
(1.5).GetType().Name  # expect: Double

# case: exponent literal is Double
1e3  # expect: 1000
(1e3).GetType().Name  # expect: Double

# case: hexadecimal literal
0x10  # expect: 16
0xFF  # expect: 255

# case: hexadecimal literal keeps the Int32 sign bit
0xFFFFFFFF  # expect: -1

# case: binary literal
0b1011011  # expect: 91

# case: multiplier suffixes
1kb  # expect: 1024
1mb  # expect: 1048576
1gb  # expect: 1073741824
(1kb).GetType().Name  # expect: Int32

# case: multiplier on a real literal stays Double
1.5kb  # expect: 1536
(1.5kb).GetType().Name  # expect: Double

# case: multiplier result beyond Int32 is Int64
482gb  # expect: 517543559168
(482gb).GetType().Name  # expect: Int64

# case: type suffixes
(100l).GetType().Name  # expect: Int64
(100d).GetType().Name  # expect: Decimal
(100u).GetType().Name  # expect: UInt32
(100uy).GetType().Name  # expect: Byte
(100s).GetType().Name  # expect: Int16

# case: decimal literal keeps trailing zeros
1.10d  # expect: 1.10

# case: decimal arithmetic is exact
0.1d + 0.2d  # expect: 0.3
(0.1d + 0.2d).GetType().Name  # expect: Decimal

# case: addition subtraction multiplication
6 + 2  # expect: 8
6 - 2  # expect: 4
6 * 2  # expect: 12

# case: division of integers with a remainder gives a double
7 / 2  # expect: 3.5
(7 / 2).GetType().Name  # expect: Double

# case: exact division of integers stays Int32
6 / 3  # expect: 2
(6 / 3).GetType().Name  # expect: Int32

# case: negative division
-7 / 2  # expect: -3.5

# case: modulus
7 % 2  # expect: 1
10 % 3  # expect: 1

# case: modulus takes the sign of the dividend
-7 % 3  # expect: -1

# case: modulus of doubles
5.5 % 2  # expect: 1.5

# case: multiplication before addition
2 + 3 * 4  # expect: 14
(2 + 3) * 4  # expect: 20

# case: precedence examples from about_Arithmetic_Operators
3+6/3*4  # expect: 11
3+6/(3*4)  # expect: 3.5
(3+6)/3*4  # expect: 12

# case: unary minus
$x = 5
-$x  # expect: -5
- -6  # expect: 6
-2 * -3  # expect: 6

# case: unary minus on a hex literal
-0x10  # expect: -16

# case: Int32 plus Double is Double
2 + 3.1  # expect: 5.1
(2 + 3.1).GetType().FullName  # expect: System.Double

# case: Int32 overflow widens to Double
$r = [int]::MaxValue + 1
$r  # expect: 2147483648
$r.GetType().Name  # expect: Double

# case: Int32 multiplication overflow widens to Double
(512MB * 512MB).GetType().FullName  # expect: System.Double

# case: Int64 overflow widens to Double
(9223372036854775807 + 2).GetType().FullName  # expect: System.Double

# case: int cast rounds half to even
[int]2.5  # expect: 2
[int]3.5  # expect: 4
[int]-2.5  # expect: -2
[int]2.6  # expect: 3

# case: int cast of a division result
[int](5 / 2)  # expect: 2
[int](7 / 2)  # expect: 4

# case: long cast rounds
[long]1.5  # expect: 2

# case: math rounding functions
[math]::Round(2.5)  # expect: 2
[math]::Round(3.5)  # expect: 4
[math]::Round(2.5, [MidpointRounding]::AwayFromZero)  # expect: 3
[math]::Floor(2.7)  # expect: 2
[math]::Ceiling(2.1)  # expect: 3
[math]::Floor(-2.5)  # expect: -3
[math]::Truncate(-2.7)  # expect: -2

# case: math round to digits
[math]::Round(2.567, 2)  # expect: 2.57

# case: other math functions
[math]::Abs(-4)  # expect: 4
[math]::Pow(2, 10)  # expect: 1024
[math]::Sqrt(16)  # expect: 4
[math]::Max(3, 7)  # expect: 7
[math]::Min(3, 7)  # expect: 3

# case: integer limits
[int]::MaxValue  # expect: 2147483647
[int]::MinValue  # expect: -2147483648
[long]::MaxValue  # expect: 9223372036854775807

# case: bitwise operators
10 -band 3  # expect: 2
10 -bor 3  # expect: 11
10 -bxor 3  # expect: 9
-bnot 10  # expect: -11
-bnot 0  # expect: -1

# case: shift operators
102 -shl 2  # expect: 408
102 -shr 1  # expect: 51
1 -shl 4  # expect: 16

# case: string on the left of minus is converted to a number
'10' - 3  # expect: 7
'10' / '4'  # expect: 2.5

# case: null in arithmetic counts as zero
$null + 5  # expect: 5
5 - $null  # expect: 5

# case: increment an unset variable
$u++
$u  # expect: 1

# case: division by zero is a runtime error
$z = 0
5 / $z
'after'
# expect: after
# expect error: RuntimeException

# case: number plus a non-numeric string fails
16 + 'file'
# expect error: InvalidCastFromStringToInteger

# case: number plus a numeric string adds
5 + '3'  # expect: 8

# case: double formatting of whole values
[double]5  # expect: 5
2.0 * 3  # expect: 6

# case: comparison of int and double
2 -eq 2.0  # expect: True

# case: sum of a range
$t = 0; foreach ($i in 1..100) { $t += $i }; $t  # expect: 5050
