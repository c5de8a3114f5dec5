"""The simulated estate: VMM sites, Hyper-V hosts, VMs, networks and DNS, kept in SQLite.

It knows nothing of the PowerShell language, the cmdlets or the dashboard.
"""
