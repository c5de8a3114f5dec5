"""The VirtualMachineManager cmdlets, through the shell, on a fresh sample world.

Values are the sample estate's (asrsim/sim/topologies/sample.toml, seed 2016): its names,
addresses and the IDs its seeded generator gives."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.fabric import Host
from asrsim.sim.registry import Registry
from asrsim.sim.simulation import Simulation
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vms import NetworkAdapter, VirtualMachine
from tests.conftest import run_on

Shell = tuple[Session, BufferHost]

WEB01_ID = "51257ce3-79e2-45dc-82db-82dcbbfe5f27"
WEB01_VMID = "2295752d-dec7-426a-b185-fe11a8a8729f"
SEATTLE_PRODUCTION_VMS = ["web01", "web02", "app01", "app02", "sql01", "sql02", "crm01",
                          "file01", "print01"]


def run(shell: Shell, text: str) -> list[str]:
    """Run text; it must succeed without errors. Returns the output's lines."""
    session, host = shell
    out, err, status = run_on(session, host, text)
    assert err == "" and status == 0, err
    return out.splitlines()


def errors(shell: Shell) -> list[str]:
    """The session's error ids, oldest first ($Error lists the newest first)."""
    return [r.fully_qualified_error_id for r in reversed(shell[0].runtime.errors)]


# -- the seed's script ----------------------------------------------------------------------


def test_the_seed_script_reads_the_address_vmm_granted(world_session: Shell) -> None:
    assert run(world_session, """
        $vm = Get-SCVirtualMachine -Name "web01"
        $na = $vm[0].VirtualNetworkAdapters
        $ip = Get-SCIPAddress -GrantToObjectID $na[0].id
        $ip.address
    """) == ["10.10.0.11"]


def test_the_seed_script_follows_a_vm_moved_to_the_recovery_site(world_session: Shell) -> None:
    run(world_session, "Move-SimVirtualMachine web01 chi-hv01.contoso.com CHI-Production")
    assert run(world_session, """
        $vm = Get-SCVirtualMachine -Name web01
        $na = $vm[0].VirtualNetworkAdapters
        (Get-SCIPAddress -GrantToObjectID $na[0].id).Address
        $vm.HostName; $vm.Cloud.Name
    """) == ["10.20.0.13", "chi-hv01.contoso.com", "Chicago Recovery"]


# -- Get-SCVirtualMachine -------------------------------------------------------------------


def test_a_vm_has_vmms_properties(world_session: Shell) -> None:
    lines = run(world_session, """
        $vm = Get-SCVirtualMachine web01
        $vm.PSObject.TypeNames[0]
        $vm -is [Microsoft.SystemCenter.VirtualMachineManager.VM]
        $vm.ID.GetType().FullName; "$($vm.ID)"; $vm.VMId
        $vm.Status; $vm.StatusString; $vm.VirtualMachineState
        $vm.HostName; $vm.VMHost.Name; $vm.HostGroupPath; $vm.Cloud.Name
        $vm.CPUCount; $vm.Memory; $vm.DynamicMemoryEnabled; "$($vm.OperatingSystem)"
        $vm.Generation; $vm.IsHighlyAvailable; $vm.Owner
        $vm.IsDRProtectionRequired; $vm.IsPrimaryVM; $vm.IsRecoveryVM
        $vm.ServerConnection.FullyQualifiedDomainName
        $vm.VirtualHardDisks.Count; $vm.VirtualHardDisks[0].Name
        $vm.VirtualHardDisks[0].MaximumSize; "$($vm.VirtualHardDisks[0].Classification)"
        $vm.TotalSize; $vm.Location
    """)
    assert lines == [
        "Microsoft.SystemCenter.VirtualMachineManager.VM", "True",
        "System.Guid", WEB01_ID, WEB01_VMID,
        "Running", "Running", "Running",
        "sea-hv01.contoso.com", "sea-hv01.contoso.com",
        "All Hosts\\Seattle\\SEA-Production\\SEA-CL01\\sea-hv01.contoso.com",
        "Seattle Production",
        "2", "4096", "False", "Windows Server 2012 R2 Standard",
        "1", "True", "CONTOSO\\admin",
        "False", "False", "False",
        "vmm01.contoso.com",
        "1", "web01_disk0", str(60 * 1024**3), "Gold",
        str(22 * 1024**3), "C:\\ClusterStorage\\Volume1\\web01",
    ]


def test_a_vms_network_adapters(world_session: Shell) -> None:
    lines = run(world_session, """
        $na = (Get-SCVirtualMachine web01).VirtualNetworkAdapters
        $na.Count; $na[0].Name; $na[0].MACAddress; $na[0].VMNetwork.Name
        $na[0].LogicalNetwork.Name; $na[0].IPv4Addresses; $na[0].IPv4AddressType
        $na[0].PSObject.TypeNames[0]
        (Get-SCVirtualMachine print01).VirtualNetworkAdapters[0].IPv4Addresses.Count
    """)
    world: Simulation = world_session[0].world
    vm = world.registry.one(VirtualMachine, "web01")
    [adapter] = world.registry.children(NetworkAdapter, vm.id)
    assert lines == ["1", "web01", adapter.mac_address, "SEA-Production", "SEA-Corp",
                     "10.10.0.11", "Static",
                     "Microsoft.SystemCenter.VirtualMachineManager.VirtualNetworkAdapter",
                     # a guest that is off reports no address
                     "0"]
    assert run(world_session, '"$((Get-SCVirtualMachine web01).VirtualNetworkAdapters[0].ID)"'
               ) == [adapter.id]


def test_every_vm_and_a_vm_by_id(world_session: Shell) -> None:
    names = run(world_session, "Get-SCVirtualMachine | ForEach-Object Name")
    assert names == [*SEATTLE_PRODUCTION_VMS, "erp01", "erp02", "rds01"]
    assert run(world_session, f"(Get-SCVirtualMachine -ID {WEB01_ID}).Name") == ["web01"]
    assert run(world_session, "(Get-SCVirtualMachine -All web01).ID.ToString()") == [WEB01_ID]


def test_an_unknown_name_gives_nothing_and_no_error(world_session: Shell) -> None:
    assert run(world_session, "$vm = Get-SCVirtualMachine -Name nosuch\n"
                              "$null -eq $vm\n"
                              "@(Get-SCVirtualMachine -ID ([guid]::Empty)).Count") == [
        "True", "0"]


def test_vms_sharing_a_name_come_back_as_a_collection(world_session: Shell) -> None:
    world: Simulation = world_session[0].world
    registry: Registry = world.registry
    original = registry.one(VirtualMachine, "web01")
    chicago = registry.one(Host, "chi-hv02.contoso.com")
    with world.write() as tx:
        tx.create(replace(original, id="00000000-0000-4000-8000-000000000001",
                          hyperv_id="00000000-0000-4000-8000-000000000002",
                          host_id=chicago.id, cloud_id=None, status="PowerOff"))
    assert run(world_session, """
        $vm = Get-SCVirtualMachine -Name WEB01
        $vm.Count; $vm[0].HostName; $vm[1].HostName; $vm[1].Status; $null -eq $vm[1].Cloud
    """) == ["2", "sea-hv01.contoso.com", "chi-hv02.contoso.com", "PowerOff", "True"]


def test_the_vms_of_a_cloud_and_of_a_host_through_the_pipeline(world_session: Shell) -> None:
    assert run(world_session, "Get-SCCloud 'Seattle Production' | Get-SCVirtualMachine | "
                              "ForEach-Object Name") == SEATTLE_PRODUCTION_VMS
    assert run(world_session, "Get-SCVMHost chi-hv03 | Get-SCVirtualMachine | "
                              "ForEach-Object Name") == ["erp01", "erp02", "rds01"]
    # -VMHost also takes the host's name, as in VMM's help
    assert run(world_session, "Get-SCVirtualMachine -VMHost sea-hv03.contoso.com | "
                              "ForEach-Object Name") == ["file01", "print01"]
    assert run(world_session, "(Get-SCVirtualMachine -Cloud (Get-SCCloud 'Chicago "
                              "Production') -Name erp02).Memory") == ["16384"]


def test_get_scvirtualmachine_by_name_uses_the_name_index(
    world_session: Shell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Worlds hold 10,000 VMs: -Name must not read them all."""
    real_all = Registry.all

    def no_vm_scan(self: Registry, cls: Any) -> Any:
        assert cls is not VirtualMachine, "Get-SCVirtualMachine -Name scanned every VM"
        return real_all(self, cls)

    monkeypatch.setattr(Registry, "all", no_vm_scan)
    assert run(world_session, "(Get-SCVirtualMachine -Name sql02).HostName") == [
        "sea-hv02.contoso.com"]


def test_the_default_display_of_a_vm_is_vmms_list(world_session: Shell) -> None:
    lines = run(world_session, "Get-SCVirtualMachine web01")
    assert lines[:6] == ["", "Name                   : web01",
                         "Description            : ",
                         "Status                 : Running",
                         "StatusString           : Running",
                         "HostName               : sea-hv01.contoso.com"]
    assert "Cloud                  : Seattle Production" in lines
    assert "VirtualNetworkAdapters : {web01}" in lines
    assert f"ID                     : {WEB01_ID}" in lines


def test_binding_takes_only_vmm_objects(world_session: Shell) -> None:
    session, host = world_session
    _, err, _ = run_on(session, host, "Get-SCVirtualMachine -Cloud 'Seattle Production'\n"
                                      "Stop-SCVirtualMachine -VM web01\n")
    assert ('Cannot bind parameter \'Cloud\'. Cannot convert the "Seattle Production" value of '
            'type "System.String" to type "Microsoft.SystemCenter.VirtualMachineManager.Cloud".'
            in err)
    assert "to type \"Microsoft.SystemCenter.VirtualMachineManager.VM\"" in err
    assert session.world.registry.one(VirtualMachine, "web01").status == "Running"


# -- Get-SCVMMServer and the default server -------------------------------------------------


def test_get_scvmmserver_returns_a_connection(world_session: Shell) -> None:
    assert run(world_session, """
        $c = Get-SCVMMServer -ComputerName vmm01
        $c.PSObject.TypeNames[0]
        $c.Name; $c.FullyQualifiedDomainName; $c.Port; $c.IsConnected; $c.ProductVersion
        $c.ServerInterfaceVersion; "$($c.UserRole)"; $c.ConnectedUserName
        (Get-SCVMMServer VMM02.CONTOSO.COM -TCPPort 8100).FQDN
    """) == ["Microsoft.SystemCenter.VirtualMachineManager.Remoting.ServerConnection",
             "vmm01", "vmm01.contoso.com", "8100", "True", "3.2.7510.0", "2.1.0",
             "Administrator", "CONTOSO\\admin", "vmm02.contoso.com"]


def test_the_last_connection_is_the_default_server(world_session: Shell) -> None:
    everything = ["Seattle Production", "Seattle Recovery", "Chicago Production",
                  "Chicago Recovery"]
    assert run(world_session, "Get-SCCloud | ForEach-Object Name") == everything
    assert run(world_session, "$null = Get-SCVMMServer vmm02.contoso.com\n"
                              "Get-SCCloud | ForEach-Object Name") == everything[2:]
    assert run(world_session, "(Get-SCVirtualMachine).Count\n"
                              "@(Get-SCVirtualMachine web01).Count\n"
                              "@(Get-SCStorageClassification).Count") == ["3", "0", "2"]
    # -VMMServer (an object or a name) wins over the default
    assert run(world_session, "(Get-SCVirtualMachine -VMMServer vmm01 web01).Name\n"
                              "Get-SCVMMServer vmm01 | Get-SCCloud | ForEach-Object Name") == [
        "web01", "Seattle Production", "Seattle Recovery"]


def test_an_unknown_vmm_server_is_error_1602(world_session: Shell) -> None:
    session, host = world_session
    out, err, status = run_on(session, host, "Get-SCVMMServer vmm09.contoso.com\n"
                                             "Get-SCVMMServer vmm01 -TCPPort 8101\n"
                                             "'after'\n")
    assert out.splitlines() == ["after"] and status == 0
    assert ("Unable to connect to the VMM management server vmm09.contoso.com. The Virtual "
            "Machine Manager service on that server did not respond. (Error ID: 1602)" in err)
    assert errors(world_session) == [
        "1602,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.GetVMMServerCmdlet"] * 2
    assert session.runtime.errors[-1].category_info() == (
        "ReadError: (vmm09.contoso.com:String) [Get-SCVMMServer], CarmineException")
    # a failed connection does not change the default
    assert run(world_session, "@(Get-SCCloud).Count") == ["4"]


# -- fabric ---------------------------------------------------------------------------------


def test_host_groups(world_session: Shell) -> None:
    assert run(world_session, "Get-SCVMHostGroup -VMMServer vmm01 | ForEach-Object Path") == [
        "All Hosts", "All Hosts\\Seattle", "All Hosts\\Seattle\\SEA-Production",
        "All Hosts\\Seattle\\SEA-Recovery"]
    assert run(world_session, """
        $g = Get-SCVMHostGroup SEA-Recovery
        $g.ParentHostGroup.Name; $g.IsRoot; $g.AllChildHosts.Name
        Get-SCVMHostGroup Seattle | Get-SCVMHostGroup | ForEach-Object Name
    """) == ["Seattle", "False", "sea-hv04.contoso.com", "SEA-Production", "SEA-Recovery"]


def test_hosts_and_clusters(world_session: Shell) -> None:
    assert run(world_session, """
        $h = Get-SCVMHost -ComputerName sea-hv03
        $h.Name; "$($h.OperatingSystem)"; $h.VMHostGroup.Path; $null -eq $h.HostCluster
        $h.LogicalProcessorCount; $h.TotalMemory; $h.AvailableMemory; $h.VMs.Name
        Get-SCVMHostGroup Seattle | Get-SCVMHost | ForEach-Object Name
        (Get-SCVMHostCluster -Name SEA-CL01 | Get-SCVMHost).Name
        (Get-SCVMHost chi-hv01.contoso.com).HostCluster.Name
    """) == ["sea-hv03.contoso.com", "Windows Server 2012", "All Hosts\\Seattle\\SEA-Production",
             "True", "16", str(128 * 1024**3), str(128 * 1024 - 4096), "file01", "print01",
             "sea-hv01.contoso.com", "sea-hv02.contoso.com", "sea-hv03.contoso.com",
             "sea-hv04.contoso.com", "sea-hv01.contoso.com", "sea-hv02.contoso.com",
             "CHI-CL01"]


def test_clouds(world_session: Shell) -> None:
    assert run(world_session, """
        $c = Get-SCCloud 'Chicago Recovery'
        $c.Description; $c.HostGroup.Name; $c.LogicalNetworks.Name
        $c.StorageClassifications.Name; $c.DisasterRecoverySupported
        (Get-SCCloud -ID $c.ID).Name
        @(Get-SCCloud 'No Such Cloud').Count
    """) == ["Recovery target for Seattle workloads", "CHI-Recovery", "CHI-Corp", "Gold",
             "Silver", "True", "Chicago Recovery", "0"]


# -- networks, pools, addresses, storage ----------------------------------------------------


def test_logical_and_vm_networks(world_session: Shell) -> None:
    assert run(world_session, """
        Get-SCLogicalNetwork | ForEach-Object Name
        (Get-SCLogicalNetwork -Cloud (Get-SCCloud 'Seattle Recovery')).Name
        (Get-SCLogicalNetwork -VMHost chi-hv03.contoso.com).Name
        Get-SCVMNetwork -LogicalNetwork (Get-SCLogicalNetwork CHI-Corp) | ForEach-Object Name
        $n = Get-SCVMNetwork SEA-Test
        $n.Description; $n.LogicalNetwork.Name; (Get-SCVMNetwork -ID $n.ID).Name
    """) == ["SEA-Corp", "CHI-Corp", "SEA-Corp", "CHI-Corp", "CHI-Production", "CHI-Test",
             "Isolated network for test failovers", "SEA-Corp", "SEA-Test"]


def test_static_ip_address_pools(world_session: Shell) -> None:
    assert run(world_session, """
        $p = Get-SCStaticIPAddressPool -Name SEA-Production-Pool
        $p.Subnet; $p.IPAddressRangeStart; $p.IPAddressRangeEnd; "$($p.DefaultGateways)"
        $p.DNSServers; $p.TotalAddresses; $p.AvailableAddresses
        (Get-SCStaticIPAddressPool -IPAddress 10.20.100.77).Name
        (Get-SCStaticIPAddressPool -Subnet 10.20.0.0/24).Name
        (Get-SCStaticIPAddressPool -Cloud (Get-SCCloud 'Seattle Production')).Name
        @(Get-SCStaticIPAddressPool -IPv6).Count
    """) == ["10.10.0.0/24", "10.10.0.10", "10.10.0.199", "10.10.0.1", "10.10.0.5", "190",
             "181", "CHI-Test-Pool", "CHI-Production-Pool", "SEA-Production-Pool",
             "SEA-Test-Pool", "0"]


def test_ip_addresses(world_session: Shell) -> None:
    world: Simulation = world_session[0].world
    sql01 = world.registry.one(VirtualMachine, "sql01")
    [adapter] = world.registry.children(NetworkAdapter, sql01.id)
    assert run(world_session, """
        $ip = Get-SCIPAddress -IPAddress 10.10.0.31
        $ip.PSObject.TypeNames[0]; $ip.Address; $ip.State; $ip.AssignedToType
        "$($ip.AssignedToID)"; $ip.AllocatingAddressPool.Name; $ip.Description
        (Get-SCIPAddress -ID $ip.ID).Address
        Get-SCStaticIPAddressPool CHI-Production-Pool | Get-SCIPAddress | ForEach-Object Address
        @(Get-SCIPAddress -Assigned).Count; @(Get-SCIPAddress -UnAssigned).Count
        @(Get-SCIPAddress -GrantToObjectID ([guid]::NewGuid())).Count
    """) == ["Microsoft.SystemCenter.VirtualMachineManager.AllocatedIPAddress", "10.10.0.31",
             "Assigned", "VirtualNetworkAdapter", adapter.id, "SEA-Production-Pool",
             "sql01 Network Adapter", "10.10.0.31", "10.20.0.11", "10.20.0.12", "10.20.0.10",
             "12", "0", "0"]


def test_network_adapters_by_vm_and_all(world_session: Shell) -> None:
    assert run(world_session, """
        Get-SCVirtualMachine sql02 | Get-SCVirtualNetworkAdapter | ForEach-Object Name
        (Get-SCVirtualNetworkAdapter -All).Count
        $na = (Get-SCVirtualMachine rds01).VirtualNetworkAdapters[0]
        (Get-SCVirtualNetworkAdapter -ID $na.ID).VMNetwork.Name
    """) == ["sql02", "12", "CHI-Production"]


def test_storage_classifications(world_session: Shell) -> None:
    assert run(world_session, """
        Get-SCStorageClassification | ForEach-Object { "$($_.Name) $($_.ServerConnection)" }
        (Get-SCStorageClassification Silver -VMMServer vmm02).Description
    """) == ["Gold vmm01.contoso.com", "Silver vmm01.contoso.com", "Gold vmm02.contoso.com",
             "Silver vmm02.contoso.com", "SAS-backed volumes"]


# -- power: state changes, jobs, errors -----------------------------------------------------


def test_stop_is_visible_everywhere_and_durable(world_session: Shell) -> None:
    session, _ = world_session
    assert run(world_session, """
        $vm = Get-SCVirtualMachine web01
        $out = Stop-SCVirtualMachine -VM $vm
        $out.Status; $vm.Status; $vm.StatusString
        (Get-SCVirtualMachine web01).Status
        (Get-SCVirtualMachine web01).VirtualNetworkAdapters[0].IPv4Addresses.Count
        (Get-SCVMHost sea-hv01).AvailableMemory
    """) == ["PowerOff", "PowerOff", "Stopped", "PowerOff", "0",
             str(384 * 1024 - 8192 - 32768)]
    # a new session on the same world file sees it
    world: Simulation = session.world
    other = Simulation.open(world.path)
    try:
        host = BufferHost()
        out, err, status = run_on(Session(host=host, world=other), host,
                                  "(Get-SCVirtualMachine web01).Status\n"
                                  "(Get-SCJob)[-1].Name\n")
        assert (out.splitlines(), err, status) == (
            ["PowerOff", "Stop virtual machine"], "", 0)
    finally:
        other.close()


def test_each_action_records_a_vmm_job(world_session: Shell) -> None:
    assert run(world_session, """
        $vm = Get-SCVirtualMachine app01
        (Suspend-SCVirtualMachine $vm).Status
        (Resume-SCVirtualMachine $vm).Status
        (Stop-SCVirtualMachine $vm -SaveState).StatusString
        (Start-SCVirtualMachine $vm).Status
        (Stop-SCVirtualMachine $vm -Shutdown).Status
        (Start-SCVirtualMachine $vm -JobVariable job).Status
        $job.Name; $job.Status; $job.Progress; $job.ResultName; $job.CmdletName
        $job.PSObject.TypeNames[0]
        Get-SCJob | ForEach-Object Name
    """) == ["Paused", "Running", "Saved State", "Running", "PowerOff", "Running",
             "Start virtual machine", "Completed", "100 %", "app01", "Start-SCVirtualMachine",
             "Microsoft.SystemCenter.VirtualMachineManager.Task",
             "Pause virtual machine", "Resume virtual machine", "Save state virtual machine",
             "Start virtual machine", "Shut down virtual machine", "Start virtual machine"]
    world: Simulation = world_session[0].world
    jobs = world.registry.all(VMMJob)
    assert len(jobs) == 6 and {j.target_name for j in jobs} == {"app01"}


def test_discard_saved_state_and_force(world_session: Shell) -> None:
    assert run(world_session, """
        $vm = Get-SCVirtualMachine sql02
        (Stop-SCVirtualMachine $vm -SaveState).Status
        (Stop-SCVirtualMachine $vm -DiscardSavedState).Status
        (Start-SCVirtualMachine $vm).Status
        (Stop-SCVirtualMachine $vm -Force).Status
    """) == ["Saved", "PowerOff", "Running", "PowerOff"]


def test_starting_a_running_vm_changes_nothing(world_session: Shell) -> None:
    assert run(world_session, "(Get-SCVirtualMachine web02 | Start-SCVirtualMachine).Status\n"
                              "@(Get-SCJob -All).Count") == ["Running", "0"]


def test_an_action_the_state_does_not_allow_is_error_1730(world_session: Shell) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        Resume-SCVirtualMachine (Get-SCVirtualMachine web01)
        Stop-SCVirtualMachine (Get-SCVirtualMachine print01)
        Suspend-SCVirtualMachine (Get-SCVirtualMachine app01) | Out-Null
        Stop-SCVirtualMachine (Get-SCVirtualMachine app01) -Shutdown
        try { Resume-SCVirtualMachine (Get-SCVirtualMachine web01) } catch { 'caught' }
    """)
    assert out.splitlines() == ["caught"]
    assert err.count("The selected action could not be completed because the virtual machine "
                     "is not in a state in which the action is valid. (Error ID: 1730)") == 3
    assert errors(world_session) == [
        "1730,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.ResumeVMCmdlet",
        "1730,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.StopVMCmdlet",
        "1730,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.StopVMCmdlet",
        "1730,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.ResumeVMCmdlet"]
    registry = session.world.registry
    assert registry.one(VirtualMachine, "print01").status == "PowerOff"
    assert registry.one(VirtualMachine, "app01").status == "Paused"
    assert [j.name for j in registry.all(VMMJob)] == ["Pause virtual machine"]


def test_get_scjob_filters(world_session: Shell) -> None:
    assert run(world_session, """
        $null = Get-SCVirtualMachine web01 | Stop-SCVirtualMachine
        $null = Get-SCVirtualMachine erp01 | Stop-SCVirtualMachine
        $j = Get-SCJob -Name 'stop virtual machine'
        $j.Count; $j[1].Source; $j[1].ResultObjectTypeName
        (Get-SCJob -ID $j[0].ID).ResultName
        (Get-SCJob -Job $j[1]).ResultName
        @(Get-SCJob -Running).Count
        @(Get-SCJob -VMMServer vmm02).Count
        Set-SimClock -Advance 1.00:00:01
        @(Get-SCJob).Count; @(Get-SCJob -Newest 48).Count; @(Get-SCJob -All).Count
    """) == ["2", "vmm02.contoso.com", "Virtual Machine", "web01", "erp01", "0", "1",
             "0", "2", "2"]


# -- the module -----------------------------------------------------------------------------


def test_the_module_lists_its_cmdlets(world_session: Shell) -> None:
    names = run(world_session,
                "Get-Command -Module VirtualMachineManager | ForEach-Object Name")
    assert {"Get-SCVMMServer", "Get-SCCloud", "Get-SCVMHostGroup", "Get-SCVMHost",
            "Get-SCVirtualMachine", "Start-SCVirtualMachine", "Stop-SCVirtualMachine",
            "Suspend-SCVirtualMachine", "Resume-SCVirtualMachine",
            "Get-SCVirtualNetworkAdapter", "Get-SCIPAddress", "Get-SCLogicalNetwork",
            "Get-SCVMNetwork", "Get-SCStaticIPAddressPool", "Get-SCStorageClassification",
            "Get-SCJob", "Get-SCVMHostCluster"} <= set(names)


def test_objects_that_are_gone_and_null_arguments(world_session: Shell) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        $fake = [pscustomobject]@{ ID = [guid]::NewGuid() }
        $fake.PSObject.TypeNames.Insert(0, 'Microsoft.SystemCenter.VirtualMachineManager.VM')
        Stop-SCVirtualMachine -VM $fake
        Start-SCVirtualMachine -VM $null
        Get-SCVMMServer -ComputerName ''
    """)
    assert out == ""
    assert "VMM cannot find the Virtual Machine object. (Error ID: 801)" in err
    assert errors(world_session) == [
        "801,Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.StopVMCmdlet",
        "ParameterArgumentValidationErrorNullNotAllowed,"
        "Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.StartVMCmdlet",
        "ParameterArgumentValidationErrorEmptyStringNotAllowed,"
        "Microsoft.SystemCenter.VirtualMachineManager.Cmdlets.GetVMMServerCmdlet"]


def test_an_estate_object_in_a_binding_error_is_shown_briefly(world_session: Shell) -> None:
    # VMM objects refer to each other (a VM to its host, the host to its VMs): quoting one in
    # an error must not walk the estate
    session, host = world_session
    _, err, _ = run_on(session, host,
                       "Get-SCVirtualMachine web01 (Get-SCVirtualMachine app01)\n")
    assert "A positional parameter cannot be found that accepts argument" in err
    assert len(err) < 2000
