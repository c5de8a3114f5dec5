"""The Hyper-V module through the shell, on a fresh sample world (time pinned)."""

from __future__ import annotations

import importlib.util

import pytest

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.fabric import Host
from asrsim.sim.replica_server import (
    InvalidReplicaServerSetting,
    ReplicaServerChange,
    change_replica_server,
)
from asrsim.sim.simulation import Simulation
from asrsim.sim.vmm_jobs import VMMJob
from asrsim.sim.vms import VirtualMachine
from tests.conftest import run_on

World = tuple[Session, BufferHost]

GET_VM = """
Name    State   CPUUsage(%) MemoryAssigned(M) Uptime   Status             Version
----    -----   ----------- ----------------- ------   ------             -------
erp01   Running 0           16384             00:00:00 Operating normally 5.0
erp02   Running 0           16384             00:00:00 Operating normally 5.0
rds01   Running 0           12288             00:00:00 Operating normally 5.0
app01   Running 0           8192              00:00:00 Operating normally 5.0
sql01   Running 0           32768             00:00:00 Operating normally 5.0
web01   Running 0           4096              00:00:00 Operating normally 5.0
app02   Running 0           8192              00:00:00 Operating normally 5.0
crm01   Running 0           16384             00:00:00 Operating normally 5.0
sql02   Running 0           32768             00:00:00 Operating normally 5.0
web02   Running 0           4096              00:00:00 Operating normally 5.0
file01  Running 0           4096              00:00:00 Operating normally 4.0
print01 Off     0           0                 00:00:00 Operating normally 4.0

"""


def status_of(session: Session, name: str, computer: str | None = None) -> str:
    world = session.world
    vms = world.registry.named(VirtualMachine, name)
    if computer is not None:
        vms = [v for v in vms if world.registry.get(Host, v.host_id).name == computer]
    [vm] = vms
    return str(vm.status)


def error_ids(session: Session) -> list[str]:
    return [r.fully_qualified_error_id for r in session.runtime.errors]


def messages(session: Session) -> list[str]:
    """The errors' messages, oldest first (a multi-line script's error view also shows
    where each happened)."""
    return [r.message for r in reversed(session.runtime.errors)]


# -- Get-VM -----------------------------------------------------------------------------------


def test_get_vm_lists_every_host_of_the_estate(world_session: World) -> None:
    session, host = world_session
    out, err, status = run_on(session, host, "Get-VM")
    assert (out, err, status) == (GET_VM, "", 0)


def test_get_vm_by_host_name_and_wildcard(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "(Get-VM -ComputerName sea-hv03.contoso.com).Name\n"
                         "(Get-VM -ComputerName sea-hv03).Name\n"
                         "(Get-VM sql*).Name\n"
                         "(Get-VM -VMName WEB01).ComputerName\n"
                         "(Get-VM -ComputerName sea-hv01 -Name *0*).Name -join ','\n")
    assert err == ""
    assert out.splitlines() == ["file01", "print01", "file01", "print01", "sql01", "sql02",
                                "sea-hv01", "app01,sql01,web01"]


def test_get_vm_objects(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "$vm = Get-VM web01\n"
                         "$vm.State -eq 'Running'; $vm.State.GetType().FullName\n"
                         "$vm.Id -eq $vm.VMId; $vm.VMName; $vm.ProcessorCount; $vm.Generation\n"
                         "$vm.MemoryStartup; $vm.Path; $vm.IsClustered\n"
                         "$vm.ReplicationState; $vm.ReplicationHealth; $vm.ReplicationMode\n"
                         "$vm.NetworkAdapters[0].MacAddress -match '^00155D[0-9A-F]{6}$'\n"
                         "$vm.HardDrives.Count\n"
                         "$vm -is [Microsoft.HyperV.PowerShell.VirtualMachine]\n"
                         "\"$vm\" -like 'VirtualMachine (Name = ''web01'') `[Id = *]'\n")
    assert err == ""
    assert out.splitlines() == [
        "True", "Microsoft.HyperV.PowerShell.VMState", "True", "web01", "2", "1",
        "4294967296", "C:\\ClusterStorage\\Volume1\\web01", "True",
        "Disabled", "NotApplicable", "None", "True", "1", "True", "True"]
    hyperv_id = session.world.registry.one(VirtualMachine, "web01").hyperv_id
    out, _, _ = run_on(session, host, "(Get-VM web01).Id.ToString()")
    assert out.strip() == hyperv_id


def test_get_vm_format_list(world_session: World) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host, "Get-VM print01 | Format-List")
    assert out == (
        "\n"
        "Name             : print01\n"
        "State            : Off\n"
        "CpuUsage         : 0\n"
        "MemoryAssigned   : 0\n"
        "MemoryDemand     : 0\n"
        "MemoryStatus     : \n"
        "Uptime           : 00:00:00\n"
        "Status           : Operating normally\n"
        "ReplicationState : Disabled\n"
        "Generation       : 1\n"
        "\n")


def test_uptime_follows_the_world_clock(world_session: World) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host,
                       "Start-Sleep -Seconds 5400\n"
                       "(Get-VM web01).Uptime.ToString(); (Get-VM print01).Uptime.ToString()\n")
    assert out.splitlines() == ["01:30:00", "00:00:00"]


def test_get_vm_by_id_and_through_the_pipeline(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "(Get-VM -Id (Get-VM erp02).Id).Name\n"
                         "(Get-VM rds01 | Get-VM).Name\n"
                         "('web02', 'app02' | Get-VM).Name -join ','\n")
    assert err == ""
    assert out.splitlines() == ["erp02", "rds01", "web02,app02"]


def test_get_vm_errors(world_session: World) -> None:
    session, host = world_session
    out, err, status = run_on(session, host,
                              "Get-VM web01, nosuch | ForEach-Object Name\n"
                              "$e = $Error[0]\n"
                              "$e.FullyQualifiedErrorId; \"$($e.CategoryInfo.Category)\"\n"
                              "$e.TargetObject; $e.Exception.GetType().FullName\n")
    assert status == 0
    assert err.endswith('| Hyper-V was unable to find a virtual machine with name "nosuch".\n')
    assert out.splitlines() == [
        "web01", "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVM",
        "InvalidArgument", "nosuch", "Microsoft.HyperV.PowerShell.VirtualizationException"]
    # a wildcard that matches nothing is no error
    out, err, _ = run_on(session, host, "Get-VM nothing* | Measure-Object | % Count")
    assert (out, err) == ("0\n", "")


def test_unknown_computer_and_unsupported_parameter_sets(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "(Get-VM -ComputerName nosuch, sea-hv03).Count\n"
                         "Get-VMNetworkAdapter -ManagementOS\n")
    assert out == "2\n"
    assert "The operation on computer 'nosuch' failed" in err
    assert messages(session)[-1].startswith(
        "not supported in asrsim: Get-VMNetworkAdapter -ManagementOS")
    assert error_ids(session)[:2] == [
        "NotSupported,Microsoft.HyperV.PowerShell.Commands.GetVMNetworkAdapter",
        "Unspecified,Microsoft.HyperV.PowerShell.Commands.GetVM"]


# -- the power verbs --------------------------------------------------------------------------


def test_stop_vm_turn_off_through_the_pipeline(world_session: World) -> None:
    session, host = world_session
    out, err, status = run_on(
        session, host,
        "Get-VM -ComputerName sea-hv03.contoso.com | Stop-VM -TurnOff -Passthru | "
        "Format-Table Name, State, MemoryAssigned")
    assert status == 0
    # print01 was off already: Hyper-V warns and still passes the VM through
    assert err == "WARNING: The virtual machine is already in the specified state.\n"
    assert out == (
        "\n"
        "Name    State MemoryAssigned\n"
        "----    ----- --------------\n"
        "file01  Off                0\n"
        "print01 Off                0\n"
        "\n")
    assert status_of(session, "file01") == "PowerOff"


def test_vm_objects_are_live(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "$vm = Get-VM app01\n"
                         "Stop-VM -VM $vm -Save\n"
                         "$vm.State; $vm.MemoryAssigned\n"
                         "$vm | Start-VM\n"
                         "$vm.State\n"
                         "Suspend-VM app01 -Passthru | ForEach-Object { $_.State }\n"
                         "Resume-VM -Name app01; $vm.State\n"
                         "Stop-VM app01; $vm.State\n"
                         "Start-VM app01; Stop-VM app01 -Save; Stop-VM app01 -TurnOff\n"
                         "$vm.State\n")
    assert err == ""
    assert out.splitlines() == ["Saved", "0", "Running", "Paused", "Running", "Off", "Off"]
    assert status_of(session, "app01") == "PowerOff"
    # Hyper-V records no VMM job
    assert session.world.registry.count(VMMJob) == 0


def test_state_change_errors_and_warnings(world_session: World) -> None:
    session, host = world_session
    _, err, status = run_on(session, host,
                            "Start-VM web01\n"
                            "Suspend-VM print01\n"
                            "Resume-VM print01\n"
                            "Stop-VM print01 -Save -TurnOff\n"
                            "Start-VM nosuch\n")
    assert status == 0
    assert err.startswith("WARNING: The virtual machine is already in the specified state.\n")
    assert messages(session)[-4:] == [
        "The operation cannot be performed while the virtual machine is in its current state.",
        "The operation cannot be performed while the virtual machine is in its current state.",
        "The Save and TurnOff parameters cannot be specified at the same time.",
        'Hyper-V was unable to find a virtual machine with name "nosuch".',
    ]
    assert error_ids(session)[:4] == [
        "ObjectNotFound,Microsoft.HyperV.PowerShell.Commands.StartVM",
        "InvalidParameter,Microsoft.HyperV.PowerShell.Commands.StopVM",
        "InvalidState,Microsoft.HyperV.PowerShell.Commands.ResumeVM",
        "InvalidState,Microsoft.HyperV.PowerShell.Commands.SuspendVM",
    ]
    assert status_of(session, "print01") == "PowerOff"
    assert status_of(session, "web01") == "Running"


def test_whatif_changes_nothing(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, "Stop-VM web0* -TurnOff -WhatIf")
    assert err == ""
    assert out.splitlines() == [
        'What if: Performing the operation "Stop-VM" on target "web01".',
        'What if: Performing the operation "Stop-VM" on target "web02".']
    assert status_of(session, "web01") == status_of(session, "web02") == "Running"


def test_a_state_change_is_durable(world_session: World) -> None:
    session, host = world_session
    run_on(session, host, "Stop-VM -Name erp01 -TurnOff")
    with Simulation.open(session.world.path) as reopened:
        other_host = BufferHost(width=120)
        other = Session(host=other_host, world=reopened)
        out, _, _ = run_on(other, other_host, "(Get-VM erp01).State")
        assert out == "Off\n"


@pytest.mark.skipif(importlib.util.find_spec("cmdlets.vmm") is None,
                    reason="the VirtualMachineManager module is not there yet")
def test_vmm_sees_what_hyper_v_did(world_session: World) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host,
                       "Stop-VM crm01 -TurnOff\n"
                       "\"$((Get-SCVirtualMachine -Name crm01).Status)\"\n")
    assert out == "PowerOff\n"


# -- adapters, drives, hosts ------------------------------------------------------------------


def test_network_adapters(world_session: World) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host,
                       "Get-VMNetworkAdapter -VMName web01, print01 | "
                       "Format-Table Name, VMName, SwitchName, Status, IPAddresses\n"
                       "(Get-VM sql01 | Get-VMNetworkAdapter).IPAddresses\n"
                       "(Get-VMNetworkAdapter -All).Count\n"
                       "Get-VMNetworkAdapter web01 -Name 'Legacy*'\n")
    assert out == (
        "\n"
        "Name            VMName  SwitchName Status IPAddresses\n"
        "----            ------  ---------- ------ -----------\n"
        "Network Adapter web01   SEA-Corp   {Ok}   {10.10.0.11}\n"
        "Network Adapter print01 SEA-Corp   {}     {}\n"
        "\n"
        "10.10.0.31\n"
        "12\n")
    assert messages(session) == ["No network adapter is found."]


def test_hard_disk_drives(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "Get-VMHardDiskDrive -VMName sql01 | ForEach-Object { '{0} {1} {2}:{3} "
                         "{4} {5}' -f $_.VMName, $_.ControllerType, $_.ControllerNumber, "
                         "$_.ControllerLocation, ($null -eq $_.DiskNumber), $_.Path }\n"
                         "(Get-VM sql01 | Get-VMHardDiskDrive -ControllerType IDE).Path\n"
                         "(Get-VMHardDiskDrive web01 -ControllerType SCSI).Count\n")
    assert err == ""
    folder = "C:\\ClusterStorage\\Volume1\\sql01\\Virtual Hard Disks"
    assert out.splitlines() == [
        f"sql01 IDE 0:0 True {folder}\\sql01_os.vhdx",
        f"sql01 SCSI 0:0 True {folder}\\sql01_data.vhdx",
        f"sql01 SCSI 0:1 True {folder}\\sql01_log.vhdx",
        f"{folder}\\sql01_os.vhdx",
        "0"]
    out, _, _ = run_on(session, host, "Get-VMHardDiskDrive print01")
    assert out == (
        "\n"
        "VMName  ControllerType ControllerNumber ControllerLocation DiskNumber Path\n"
        "------  -------------- ---------------- ------------------ ---------- ----\n"
        "print01 IDE            0                0                             "
        # the console is 120 wide: the path is cut, as PowerShell cuts it
        "D:\\VMs\\print01\\Virtual Hard Disks\\print01_disk0.v\u2026\n"
        "\n")


def test_get_vm_host(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "Get-VMHost -ComputerName sea-hv01, sea-hv03.contoso.com\n"
                         "(Get-VMHost sea-hv04).FullyQualifiedDomainName\n")
    assert err == ""
    assert out == (
        "\n"
        "Name     LogicalProcessorCount MemoryCapacity(M) VirtualMachineMigrationEnabled\n"
        "----     --------------------- ----------------- ------------------------------\n"
        "sea-hv01 32                    393216            True\n"
        "sea-hv03 16                    131072            True\n"
        "\n"
        "sea-hv04.contoso.com\n")


# -- the Replica server -----------------------------------------------------------------------


def test_set_then_get_replication_server(world_session: World) -> None:
    session, host = world_session
    out, err, status = run_on(
        session, host,
        "Set-VMReplicationServer $true CertificateAndKerberos -ReplicationAllowedFromAnyServer "
        "$true -DefaultStorageLocation D:\\Replica -CertificateThumbprint "
        "4bfff00509b97c782603f1df3af8c0399778fd70 -KerberosAuthenticationPort 8083 "
        "-CertificateAuthenticationPort 8084 -ComputerName chi-hv03.contoso.com\n"
        "Get-VMReplicationServer -ComputerName chi-hv03, sea-hv04\n"
        "$r = Get-VMReplicationServer chi-hv03\n"
        "$r.DefaultStorageLocation; $r.CertificateThumbprint; $r.MonitoringInterval.ToString()\n")
    assert (err, status) == ("", 0)
    assert out == (
        "\n"
        "RepEnabled AuthType    KerbAuthPort CertAuthPort AllowAnyServer\n"
        "---------- --------    ------------ ------------ --------------\n"
        "True       CertAndKerb 8083         8084         True\n"
        "False      Kerb        80           443          True\n"
        "\n"
        "D:\\Replica\n"
        "4BFFF00509B97C782603F1DF3AF8C0399778FD70\n"
        "12:00:00\n")
    changed = session.world.registry.one(Host, "chi-hv03.contoso.com")
    assert (changed.replication_enabled, changed.allowed_authentication_type,
            changed.kerberos_authentication_port, changed.certificate_authentication_port,
            changed.replica_storage_path) == (True, "CertificateAndKerberos", 8083, 8084,
                                              "D:\\Replica")
    # durable: another session on the same world file sees it
    with Simulation.open(session.world.path) as reopened:
        other_host = BufferHost(width=120)
        other = Session(host=other_host, world=reopened)
        out, _, _ = run_on(other, other_host,
                           "(Get-VMReplicationServer chi-hv03).KerberosAuthenticationPort")
        assert out == "8083\n"


def test_set_replication_server_monitoring_and_port_defaults(world_session: World) -> None:
    session, host = world_session
    out, err, _ = run_on(
        session, host,
        "Set-VMReplicationServer -KerbAuthPort 8083 -ComputerName sea-hv04\n"
        "$r = Set-VMReplicationServer -MonitoringInterval 1.00:00:00 -MonitoringStartTime "
        "17:00:00 -ComputerName sea-hv04 -Passthru\n"
        "$r.MonitoringInterval.ToString(); $r.MonitoringStartTime.ToString()\n"
        # Hyper-V puts a port it was not given back to its default
        "$r.KerberosAuthenticationPort\n")
    assert err == ""
    assert out.splitlines() == ["1.00:00:00", "17:00:00", "80"]
    changed = session.world.registry.one(Host, "sea-hv04.contoso.com")
    assert (changed.monitoring_interval_seconds, changed.monitoring_start_time) == (
        86400, "17:00:00")


def test_set_replication_server_without_computer_name_configures_every_host(
    world_session: World
) -> None:
    session, host = world_session
    run_on(session, host, "Set-VMReplicationServer $true Kerberos")
    hosts = session.world.registry.all(Host)
    assert len(hosts) == 7 and all(h.replication_enabled for h in hosts)


@pytest.mark.parametrize(("command", "message", "error_id"), [
    ("Set-VMReplicationServer -ComputerName sea-hv04",
     "No parameters were specified. Specify at least one setting to change.",
     "OperationFailed"),
    ("Set-VMReplicationServer $true -ComputerName sea-hv04",
     "The 'AllowedAuthenticationType' parameter must be specified.", "InvalidParameter"),
    ("Set-VMReplicationServer $true Certificate -ComputerName sea-hv04",
     "The 'CertificateThumbprint' parameter must be specified.", "InvalidParameter"),
    ("Set-VMReplicationServer $true Kerberos -Thumbprint "
     "4BFFF00509B97C782603F1DF3AF8C0399778FD70 -ComputerName sea-hv04",
     "The 'CertificateThumbprint' parameter cannot be specified when the authentication "
     "type is 'Kerberos'.", "InvalidParameter"),
    ("Set-VMReplicationServer -ReplicationAllowedFromAnyServer $true -ComputerName sea-hv04",
     "The 'ReplicationAllowedFromAnyServer' parameter requires the 'DefaultStorageLocation' "
     "parameter.", "InvalidParameter"),
    ("Set-VMReplicationServer -MonitoringInterval 00:30:00 -ComputerName sea-hv04",
     "The value of the 'MonitoringInterval' parameter is out of range.", "InvalidParameter"),
    ("Set-VMReplicationServer -MonitoringInterval 05:00:00 -ComputerName sea-hv04",
     "The monitoring interval must be 1, 2, 3, 4, 6, 8, 12 or 24 hours, or 2, 3, 4, 5, 6 or "
     "7 days.", "InvalidParameter"),
    ("Set-VMReplicationServer $true Certificate -Thumbprint nothex -ComputerName sea-hv04",
     "The certificate with thumbprint 'nothex' was not found in the Personal certificate "
     "store of the Replica server.", "InvalidParameter"),
])
def test_invalid_replica_server_settings_change_nothing(
    world_session: World, command: str, message: str, error_id: str
) -> None:
    session, host = world_session
    before = session.world.registry.one(Host, "sea-hv04.contoso.com")
    _, err, status = run_on(session, host, command)
    assert status == 0
    assert err == f"Set-VMReplicationServer: {message}\n"
    assert error_ids(session)[0] == (
        f"{error_id},Microsoft.HyperV.PowerShell.Commands.SetVMReplicationServer")
    assert session.world.registry.one(Host, "sea-hv04.contoso.com") == before


def test_default_storage_location_needs_replication_from_any_server(
    world_session: World
) -> None:
    session, host = world_session
    out, _, _ = run_on(
        session, host,
        "Set-VMReplicationServer -AllowAnyServer $false -ComputerName sea-hv04\n"
        "(Get-VMReplicationServer sea-hv04).DefaultStorageLocation -eq ''\n"
        "Set-VMReplicationServer -DefaultStorageLocation E:\\Replica -ComputerName sea-hv04\n")
    assert out == "True\n"
    assert messages(session) == [
        "The 'DefaultStorageLocation' parameter can be specified only when "
        "'ReplicationAllowedFromAnyServer' is 'True'."]


def test_replica_server_change_is_all_or_nothing(world_session: World) -> None:
    session, _ = world_session
    world = session.world
    sea_hv04 = world.registry.one(Host, "sea-hv04.contoso.com")
    with pytest.raises(InvalidReplicaServerSetting) as raised:
        change_replica_server(world, sea_hv04.id, ReplicaServerChange(
            replication_enabled=True, allowed_authentication_type="Certificate",
            kerberos_authentication_port=8083))
    assert raised.value.parameter == "CertificateThumbprint"
    assert world.registry.get(Host, sea_hv04.id) == sea_hv04
    with pytest.raises(InvalidReplicaServerSetting):
        change_replica_server(world, sea_hv04.id,
                              ReplicaServerChange(certificate_authentication_port=70000))
    changed = change_replica_server(world, sea_hv04.id, ReplicaServerChange(
        replication_enabled=True, allowed_authentication_type="Kerberos",
        kerberos_authentication_port=8083, monitoring_start_seconds=86400))
    assert (changed.kerberos_authentication_port, changed.monitoring_start_time) == (
        8083, "1.00:00:00")
    assert world.registry.get(Host, sea_hv04.id) == changed


def test_uptime_counts_from_the_last_start(world_session: tuple[Session, BufferHost]) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host,
                         "Set-SimClock -Advance 02:00:00\n"
                         "Stop-VM -Name web01 -TurnOff\n"
                         "Set-SimClock -Advance 00:30:00\n"
                         "Start-VM -Name web01\n"
                         "Set-SimClock -Advance 00:05:00\n"
                         "(Get-VM -Name web01).Uptime.ToString()\n"
                         "(Get-VM -Name web02).Uptime.ToString()\n")
    assert err == ""
    assert out.splitlines() == ["00:05:00", "02:35:00"]
