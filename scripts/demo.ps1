# asrsim demo: the two scripts of "Replicate Hyper-V virtual machines in VMM clouds to a
# secondary VMM site" at work on the sample estate. `asrsim demo` runs this on a fresh copy
# of the sample world, never on your own.

Write-Host "== The estate: VMs of the Seattle production cloud, as VMM sees them" -ForegroundColor Cyan
Get-SCVirtualMachine |
    Where-Object { $_.Cloud.Name -eq 'Seattle Production' -or $_.Cloud -eq 'Seattle Production' } |
    Format-Table Name, Status, HostName, CPUCount, Memory

Write-Host "== web01's address, read from VMM by the documented script" -ForegroundColor Cyan
$before = & "$PSScriptRoot/Get-VMIPAddress.ps1" -VMName web01
"web01 is at $before"

Write-Host "== Its DNS A record before" -ForegroundColor Cyan
Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01

Write-Host "== web01 comes up in Chicago, as after a failover" -ForegroundColor Cyan
Move-SimVirtualMachine -Name web01 -DestinationHost chi-hv01.contoso.com -VMNetwork CHI-Production -PassThru |
    Format-List Name, VMHost, Cloud, VMNetwork, IPAddresses
$after = & "$PSScriptRoot/Get-VMIPAddress.ps1" -VMName web01
"web01 is now at $after, but DNS still says $before"

Write-Host "== The documented DNS script points the record at the new address" -ForegroundColor Cyan
& "$PSScriptRoot/Update-DnsRecord.ps1" -Zone contoso.com -Name web01 -IP $after

Write-Host "== Its DNS A record after" -ForegroundColor Cyan
Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
