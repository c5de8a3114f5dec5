# Redirection of output streams (about_Redirection, about_Output_Streams).

# case: redirect errors to null
Write-Error 'hidden error' 2>$null
'after'  # expect: after

# case: redirected error is still recorded in Error
Write-Error 'hidden error' 2>$null
$Error.Count  # expect: 1

# case: redirect output to null
'discarded' > $null
Write-Output 'also discarded' 1>$null
'kept'  # expect: kept

# case: merge errors into output and capture them
$r = Write-Error 'as record' 2>&1
$r.GetType().Name  # expect: ErrorRecord
$r.Exception.Message  # expect: as record

# case: merged stream keeps output and errors in order
$r = & { 'out1'; Write-Error 'err1'; 'out2' } 2>&1
$r.Count  # expect: 3
$r[0]  # expect: out1
$r[1] -is [System.Management.Automation.ErrorRecord]  # expect: True
$r[2]  # expect: out2

# case: merged error record in a pipeline converts to its message
& { Write-Error 'piped error' } 2>&1 | ForEach-Object { "got: $_" }
# expect: got: piped error

# case: capturing only output leaves errors on the error stream
$r = & { 'out'; Write-Error 'still shown' }
$r  # expect: out
# expect error: Microsoft.PowerShell.Commands.WriteErrorException

# case: redirect a function's errors
function Noisy { Write-Error 'noise'; 'result' }
Noisy 2>$null  # expect: result

# case: warnings redirected to null
Write-Warning 'warned' 3>$null
'after'  # expect: after

# case: warnings merged into output
$w = Write-Warning 'careful' 3>&1
$w.GetType().Name  # expect: WarningRecord
$w.Message  # expect: careful

# case: verbose record captured
$v = Write-Verbose 'detail' -Verbose 4>&1
$v.Message  # expect: detail

# case: Write-Host output can be redirected to null
Write-Host 'not shown' 6>$null
'after'  # expect: after

# case: Write-Host output captured as an information record
$i = Write-Host 'info text' 6>&1
$i.GetType().Name  # expect: InformationRecord
"$i"  # expect: info text

# case: all streams to null
& { 'out'; Write-Error 'err'; Write-Warning 'warn'; Write-Host 'host' } *>$null
'after'  # expect: after

# case: redirection applies to the whole pipeline element
& { Write-Error 'e1'; Write-Error 'e2' } 2>$null
'quiet'  # expect: quiet

# case: redirection inside a script block argument to the call operator
$r = & { Write-Error 'inner' 2>&1 }
$r.GetType().Name  # expect: ErrorRecord
