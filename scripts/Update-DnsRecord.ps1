# Update-DnsRecord.ps1: the "Script to update DNS" of "Replicate Hyper-V virtual machines in
# VMM clouds to a secondary VMM site" (section "Run a recovery plan"), made to run: it points
# a host's A record at the address the VM has after failover.
#
# What was corrected, and why: the article's script lost the opening of its parameter block,
# "param([", so its first line reads "string]$Zone," (MissingArgument at line 1, then an
# unexpected ")" at line 4). That opening is restored; everything else is the article's,
# unchanged. The record is copied with Clone() and the copy's address changed, so that
# Set-DnsServerResourceRecord can find the old record (by its old data) and give it the new.
#
#   asrsim run scripts/Update-DnsRecord.ps1 -Zone contoso.com -Name web01 -IP 10.20.0.51
param([string]$Zone,
[string]$name,
[string]$IP
)
$Record = Get-DnsServerResourceRecord -ZoneName $zone -Name $name
$newrecord = $record.clone()
$newrecord.RecordData[0].IPv4Address  =  $IP
Set-DnsServerResourceRecord -zonename $zone -OldInputObject $record -NewInputObject $Newrecord
