# Get-VMIPAddress.ps1: the "Script to retrieve the IP address" of "Replicate Hyper-V virtual
# machines in VMM clouds to a secondary VMM site" (section "Run a recovery plan"), made to run.
#
# What was corrected, and why (the article's text does not parse):
# - the article writes the VM's name as the placeholder <VM_NAME>; PowerShell reads "<" as a
#   redirection it reserves for future use (RedirectionNotSupported, line 1), so the name is
#   now the script's parameter -VMName;
# - a stray ">" follows VirtualNetworkAdapters, which PowerShell reads as a redirection to a
#   file that is missing (MissingFileSpecification, line 2): it is removed.
# Everything else is the article's, unchanged.
#
#   asrsim run scripts/Get-VMIPAddress.ps1 -VMName web01
param([string]$VMName)

$vm = Get-SCVirtualMachine -Name $VMName
$na = $vm[0].VirtualNetworkAdapters
$ip = Get-SCIPAddress -GrantToObjectID $na[0].id
$ip.address
