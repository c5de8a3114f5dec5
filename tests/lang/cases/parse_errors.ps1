# Parse errors: a script that does not parse does not run at all and exits with status 1.
# Error ids are ParserStrings resource names, as reported in FullyQualifiedErrorId
# (see PowerShell's test/powershell/Language/Parser/Parsing.Tests.ps1).

# case: missing closing brace
'before'
if (1) { 'x'
# expect error: MissingEndCurlyBrace
# expect status: 1

# case: missing closing brace of a function
'before'
function Foo {
    'body'
# expect error: MissingEndCurlyBrace
# expect status: 1

# case: missing closing brace of a hashtable
'before'
$h = @{ a = 1; b = 2
# expect error: MissingEndCurlyBrace
# expect status: 1

# case: missing closing parenthesis
'before'
$x = (1 + 2
# expect error: MissingEndParenthesisInExpression
# expect status: 1

# case: unexpected token after an expression
'before'
'a' 'b'
# expect error: UnexpectedToken
# expect status: 1

# case: stray closing brace
'before'
}
# expect error: UnexpectedToken
# expect status: 1

# case: stray closing parenthesis
'before'
)
# expect error: UnexpectedToken
# expect status: 1

# case: missing file after a redirection operator
'before'
Get-Item >
# expect error: MissingFileSpecification
# expect status: 1

# case: input redirection is not supported
'before'
Get-Item < in.txt
# expect error: RedirectionNotSupported
# expect status: 1

# case: less-than is not a comparison operator
'before'
if (36 < 42) { 'true' }
# expect error: RedirectionNotSupported
# expect status: 1

# case: missing operand after a binary operator
'before'
$x = 1 +
# expect error: ExpectedValueExpression
# expect status: 1

# case: missing value after assignment
'before'
$a =
# expect error: ExpectedValueExpression
# expect status: 1

# case: missing operand after a unary operator
'before'
$x = -not
# expect error: MissingExpressionAfterOperator
# expect status: 1

# case: unterminated double-quoted string
'before'
$s = "never closed
# expect error: TerminatorExpectedAtEndOfString
# expect status: 1

# case: unterminated single-quoted string
'before'
$s = 'never closed
# expect error: TerminatorExpectedAtEndOfString
# expect status: 1

# case: duplicate keys in a hashtable literal
'before'
$h = @{ a = 1; a = 2 }
# expect error: DuplicateKeyInHashLiteral
# expect status: 1

# case: function keyword without a name
'before'
function
# expect error: MissingNameAfterKeyword
# expect status: 1

# case: function without a body
'before'
function foo
# expect error: MissingFunctionBody
# expect status: 1

# case: duplicate parameter names
'before'
function f($a, [int]$a) { }
# expect error: DuplicateFormalParameter
# expect status: 1

# case: foreach without in
'before'
foreach ($a $b) { }
# expect error: MissingInInForeach
# expect status: 1

# case: foreach without a body
'before'
foreach ($a in $b)
# expect error: MissingForeachStatement
# expect status: 1

# case: for without parentheses
'before'
for
# expect error: MissingOpenParenthesisAfterKeyword
# expect status: 1

# case: do without while or until
'before'
do { 'x' }
# expect error: MissingWhileOrUntilInDoWhile
# expect status: 1

# case: try without catch or finally
'before'
try { 'x' }
# expect error: MissingCatchOrFinally
# expect status: 1

# case: catch without a block
'before'
try { 'x' } catch
# expect error: MissingCatchHandlerBlock
# expect status: 1

# case: return is not allowed in finally
'before'
try { } finally { return }
# expect error: ControlLeavingFinally
# expect status: 1

# case: two default clauses in a switch
'before'
switch (1) { default { 'a' } default { 'b' } }
# expect error: MultipleSwitchDefaultClauses
# expect status: 1

# case: switch without a value
'before'
switch
# expect error: PipelineValueRequired
# expect status: 1

# case: empty pipe element
'before'
Write-Output 'x' |
# expect error: EmptyPipeElement
# expect status: 1

# case: pipe at the start of a script
| Write-Output
'never'
# expect error: EmptyPipeElement
# expect status: 1

# case: a pipe starting the next line continues the pipeline (PowerShell 7.2+)
'joined'
| Write-Output
# expect: joined

# case: expression after a pipe
'before'
1 | 2
# expect error: ExpressionsMustBeFirstInPipeline
# expect status: 1

# case: assignment to a constant
'before'
1 = 2
# expect error: InvalidLeftHandSide
# expect status: 1

# case: compound assignment to several variables
'before'
$a, $b += 1, 2
# expect error: InvalidLeftHandSide
# expect status: 1

# case: bad numeric constant
'before'
1usgb
# expect error: BadNumericConstant
# expect status: 1

# case: trap without a body
'before'
trap
# expect error: MissingTrapStatement
# expect status: 1

# case: splatting outside a command argument
'before'
@a
# expect error: SplattingNotPermitted
# expect status: 1

# case: parse error late in the script stops earlier lines too
'first line'
Write-Host 'host line'
$x = 1
$y = (2 +
# expect error: ExpectedValueExpression
# expect status: 1

# case: parse error inside a function body that is never called
function Never { $x = 1 + }
'main'
# expect error: ExpectedValueExpression
# expect status: 1
