"""The DnsServer cmdlets on the sample world: the contoso.com zone, where every VM registered
an A record (TTL 20 minutes) in the hour the world was made."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from asrsim.session import Session
from asrsim.shell.host import BufferHost
from asrsim.sim.dns import DnsRecord
from tests.conftest import run_on

Fixture = tuple[Session, BufferHost]

HEADER = (
    "HostName                  RecordType Type       Timestamp            TimeToLive      "
    "RecordData\n"
    "--------                  ---------- ----       ---------            ----------      "
    "----------\n"
)
WEB01_TABLE = (
    "\n" + HEADER
    + "web01                     A          1          3/2/2026 8:00:00 AM  00:20:00        "
      "10.10.0.11\n\n"
)
REGISTERED = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def records(session: Session) -> list[tuple[str, str, str, int, datetime | None]]:
    """Every record of the world, as plain values (to see that nothing changed)."""
    return sorted((r.name, r.record_type, r.data, r.ttl_seconds, r.timestamp)
                  for r in session.world.registry.all(DnsRecord))


def web01(session: Session) -> list[DnsRecord]:
    return [r for r in session.world.registry.named(DnsRecord, "web01")]


def error_ids(session: Session) -> list[str]:
    """The FullyQualifiedErrorIds of the errors so far, oldest first ($Error is newest
    first)."""
    return [r.fully_qualified_error_id for r in reversed(session.runtime.errors)]


def error_messages(session: Session) -> list[str]:
    return [r.message for r in reversed(session.runtime.errors)]


# -- reading ---------------------------------------------------------------------------------


def test_record_table_is_the_modules_view(world_session: Fixture) -> None:
    session, host = world_session
    out, err, status = run_on(session, host,
                              "Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01")
    assert (out, err, status) == (WEB01_TABLE, "", 0)
    # positional: -ZoneName is position 1, -Name position 2
    assert run_on(session, host, "Get-DnsServerResourceRecord contoso.com web01")[0] == (
        WEB01_TABLE)


def test_static_records_show_timestamp_zero(world_session: Fixture) -> None:
    session, host = world_session
    out, _, _ = run_on(session, host, "Get-DnsServerResourceRecord contoso.com -RRType CName")
    assert out == ("\n" + HEADER + "intranet                  CNAME      5          0         "
                   "           01:00:00        web01.contoso.com.\n\n")


def test_zone_table(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, "Get-DnsServerZone")
    assert err == ""
    assert out == (
        "\n"
        "ZoneName                            ZoneType        IsAutoCreated   IsDsIntegrated  "
        "IsReverseLookupZone  IsSigned\n"
        "--------                            --------        -------------   --------------  "
        "-------------------  --------\n"
        "contoso.com                         Primary         False           True            "
        "False                False\n\n")
    _, err, _ = run_on(session, host, "Get-DnsServerZone -Name nothing.contoso.com")
    assert err == ("Get-DnsServerZone: The zone nothing.contoso.com was not found on server "
                   "DC01.\n")
    assert error_ids(session)[-1] == "WIN32 9601,Get-DnsServerZone"


def test_record_object_shape(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        $r = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $r.psobject.Properties.Name -join ','
        $r.psobject.TypeNames[0]; $r.psobject.TypeNames[1]
        $r -is [ciminstance]
        $r.DistinguishedName
        $r.RecordClass; $r.RecordType; $r.Type; $r.Type.GetType().Name
        $r.TimeToLive.TotalMinutes; $r.Timestamp.ToUniversalTime().ToString('u')
        $null -eq $r.PSComputerName
        $r.RecordData.psobject.TypeNames[1]
        "$($r.RecordData)"
        $r.RecordData.IPv4Address.GetType().FullName
        $r.RecordData.IPv4Address.IPAddressToString
        ($r.RecordData[0] -eq $r.RecordData)
    """)
    assert err == ""
    assert out.splitlines() == [
        "DistinguishedName,HostName,RecordClass,RecordData,RecordType,Timestamp,TimeToLive,"
        "Type,PSComputerName",
        "Microsoft.Management.Infrastructure.CimInstance#root/Microsoft/Windows/DNS/"
        "DnsServerResourceRecord",
        "Microsoft.Management.Infrastructure.CimInstance#DnsServerResourceRecord",
        "True",
        "DC=web01,DC=contoso.com,cn=MicrosoftDNS,DC=DomainDnsZones,DC=contoso,DC=com",
        "IN", "A", "1", "UInt16",
        "20", "2026-03-02 08:00:00Z",
        "True",
        "Microsoft.Management.Infrastructure.CimInstance#DnsServerResourceRecordA",
        "DnsServerResourceRecordA",
        "System.Net.IPAddress",
        "10.10.0.11",
        "True",
    ]


def test_node_children_types_and_arrays(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        Add-DnsServerResourceRecordA -ZoneName contoso.com -Name web01 -IPv4Address 10.10.0.99
        Add-DnsServerResourceRecordA -ZoneName contoso.com -Name host21.web01 `
            -IPv4Address 10.10.0.98
        $r = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $r.GetType().FullName; $r.Count; ($r.HostName -join ',')
        (Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01 -Node).Count
        (Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01.contoso.com. -Node).Count
        (Get-DnsServerResourceRecord -ZoneName contoso.com -RRType Ns -Node).RecordData.NameServer
        (Get-DnsServerResourceRecord contoso.com '@' -Type 6).RecordData.PrimaryServer
        @(Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01 -RRType Mx).Count
        (Get-DnsServerResourceRecord -ZoneName contoso.com).Count
    """)
    assert err == ""
    assert out.splitlines() == ["System.Object[]", "3", "web01,web01,host21.web01", "2", "2",
                                "dc01.contoso.com.", "dc01.contoso.com.", "0", "18"]


def test_get_errors_are_the_modules_and_not_terminating(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        Get-DnsServerResourceRecord -ZoneName nothing.contoso.com -Name web01
        Get-DnsServerResourceRecord -ZoneName contoso.com -Name web99
        'still running'
        $e = $Error[1]
        $e.FullyQualifiedErrorId; [string]$e.CategoryInfo.Category
        $e.Exception.GetType().FullName; $e.TargetObject
        $Error[0].FullyQualifiedErrorId; [string]$Error[0].CategoryInfo.Category
        Get-DnsServerResourceRecord -ZoneName contoso.com -Name web99 -ErrorAction SilentlyContinue
        try { Get-DnsServerResourceRecord nothing.contoso.com -ErrorAction Stop }
        catch { 'caught ' + $_.FullyQualifiedErrorId }
    """)
    assert out.splitlines() == [
        "still running",
        "WIN32 9601,Get-DnsServerResourceRecord", "ObjectNotFound",
        "Microsoft.Management.Infrastructure.CimException", "nothing.contoso.com",
        "WIN32 9714,Get-DnsServerResourceRecord", "ObjectNotFound",
        "caught WIN32 9601,Get-DnsServerResourceRecord",
    ]
    assert error_messages(session) == [
        "Failed to get the zone information for nothing.contoso.com on server DC01.",
        "Failed to get web99 record in contoso.com zone on DC01 server.",
        "Failed to get web99 record in contoso.com zone on DC01 server.",
        "Failed to get the zone information for nothing.contoso.com on server DC01.",
    ]
    assert "Traceback" not in err


def test_rrtype_is_validated(world_session: Fixture) -> None:
    session, host = world_session
    _, err, _ = run_on(session, host,
                       "Get-DnsServerResourceRecord -ZoneName contoso.com -RRType Bogus")
    assert 'The argument "Bogus" does not belong to the set "HInfo,Afsdb,' in err
    assert error_ids(session)[-1].startswith("ParameterArgumentValidationError,")
    _, err, _ = run_on(session, host,
                       "Get-DnsServerResourceRecord -ZoneName contoso.com -ComputerName nosuch")
    assert err == ("Get-DnsServerResourceRecord: Failed to get the zone information for "
                   "contoso.com on server nosuch.\n")
    for server in ("DC01.contoso.com", "dc01", "10.10.0.5"):
        out, err, _ = run_on(session, host, "(Get-DnsServerResourceRecord contoso.com web01 "
                                            f"-ComputerName {server}).HostName")
        assert (out, err) == ("web01\n", "")


# -- Clone and [ciminstance]::new ------------------------------------------------------------


@pytest.mark.parametrize("copy", ["$record.Clone()", "[ciminstance]::new($record)"])
def test_a_copy_is_deep(world_session: Fixture, copy: str) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, f"""
        $record = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $new = {copy}
        $new.RecordData.IPv4Address = '10.20.0.51'
        $new.TimeToLive = [TimeSpan]::FromHours(2)
        $record.RecordData.IPv4Address.IPAddressToString; $record.TimeToLive.ToString()
        $new.RecordData.IPv4Address.IPAddressToString; $new.TimeToLive.ToString()
        $new.RecordData.IPv4Address.GetType().FullName
    """)
    assert err == ""
    assert out.splitlines() == ["10.10.0.11", "00:20:00", "10.20.0.51", "02:00:00",
                                "System.Net.IPAddress"]


def test_assignments_convert_or_fail_as_the_cim_adapter_does(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        $record = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $new = $record.Clone()
        $new.RecordData.IPv4Address = '10.20.0.999'
        $new.HostName = 'web09'
        $new.TimeToLive = '01:30:00'
        $new.RecordData.IPv4Address.IPAddressToString; $new.HostName; $new.TimeToLive.TotalMinutes
    """)
    assert out.splitlines() == ["10.10.0.11", "web01", "90"]
    assert ('Exception setting "IPv4Address": "Cannot convert value "10.20.0.999" to type '
            '"System.Net.IPAddress". Error: "An invalid IP address was specified.""') in err
    assert "'HostName' is a ReadOnly property." in err


# -- Set-DnsServerResourceRecord -------------------------------------------------------------


def test_set_changes_data_and_ttl_and_keeps_the_timestamp(world_session: Fixture) -> None:
    session, host = world_session
    session.world.advance(timedelta(hours=3, minutes=10))
    out, err, status = run_on(session, host, """
        $old = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $new = $old.Clone()
        $new.RecordData.IPv4Address = '10.20.0.51'
        $new.TimeToLive = [TimeSpan]::FromMinutes(5)
        Set-DnsServerResourceRecord -NewInputObject $new -OldInputObject $old -ZoneName contoso.com
        Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
    """)
    assert (err, status) == ("", 0)
    assert out == ("\n" + HEADER + "web01                     A          1          3/2/2026 "
                   "8:00:00 AM  00:05:00        10.20.0.51\n\n")
    [record] = web01(session)
    assert (record.data, record.ttl_seconds, record.timestamp) == ("10.20.0.51", 300,
                                                                   REGISTERED)


def test_set_positional_and_passthru(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        $old = Get-DnsServerResourceRecord contoso.com web01
        $new = [ciminstance]::new($old)
        $new.RecordData.IPv4Address = [ipaddress]'10.20.0.51'
        Set-DnsServerResourceRecord contoso.com $old $new -PassThru | ForEach-Object {
            $_.RecordData.IPv4Address.IPAddressToString }
        Set-DnsServerResourceRecord contoso.com $new $old -WhatIf
    """)
    assert err == ""
    assert out.splitlines() == [
        "10.20.0.51",
        'What if: Performing the operation "Set-DnsServerResourceRecord" on target "web01 A '
        '10.20.0.51 in zone contoso.com".',
    ]
    assert [r.data for r in web01(session)] == ["10.20.0.51"]


def test_set_errors_change_nothing(world_session: Fixture) -> None:
    session, host = world_session
    before = records(session)
    out, err, _ = run_on(session, host, """
        $old = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $other = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web02
        $alias = Get-DnsServerResourceRecord -ZoneName contoso.com -Name intranet
        $new = $old.Clone(); $new.RecordData.IPv4Address = '10.20.0.51'
        Set-DnsServerResourceRecord contoso.com -OldInputObject $old -NewInputObject $other
        Set-DnsServerResourceRecord contoso.com -OldInputObject $alias -NewInputObject $new
        Set-DnsServerResourceRecord nothing.contoso.com -OldInputObject $old -NewInputObject $new
        Set-DnsServerResourceRecord -ZoneName contoso.com -OldInputObject $new -NewInputObject $old
        $v6 = $old.Clone(); $v6.RecordData.IPv4Address = '2001:db8::51'
        Set-DnsServerResourceRecord -ZoneName contoso.com -OldInputObject $old -NewInputObject $v6
        $long = $old.Clone(); $long.TimeToLive = [TimeSpan]::FromDays(30000)
        Set-DnsServerResourceRecord -ZoneName contoso.com -OldInputObject $old -NewInputObject $long
        Set-DnsServerResourceRecord contoso.com -OldInputObject 'web01' -NewInputObject $new
        $zone = Get-DnsServerZone contoso.com
        Set-DnsServerResourceRecord -ZoneName contoso.com -OldInputObject $zone -NewInputObject $new
        'done'
    """)
    assert out == "done\n"
    assert records(session) == before
    ids = error_ids(session)
    assert ids == [
        "WIN32 87,Set-DnsServerResourceRecord",
        "WIN32 87,Set-DnsServerResourceRecord",
        "WIN32 9601,Set-DnsServerResourceRecord",
        "WIN32 9701,Set-DnsServerResourceRecord",
        "WIN32 87,Set-DnsServerResourceRecord",
        "WIN32 87,Set-DnsServerResourceRecord",
        "CannotConvertArgumentNoMessage,Set-DnsServerResourceRecord",
        "MismatchedPSTypeName,Set-DnsServerResourceRecord",
    ]
    messages = error_messages(session)
    assert messages[0] == (
        "Failed to update resource record web01 in zone contoso.com on server DC01: this "
        "cmdlet cannot change the Name or Type of a DNS server resource record object "
        "(OldInputObject is web01 A, NewInputObject is web02 A).")
    assert messages[2] == ("Failed to get the zone information for nothing.contoso.com on "
                           "server DC01.")
    assert messages[3] == ("Resource record in OldInputObject not found in zone contoso.com on "
                           "server DC01.")
    assert messages[7] == (
        "Cannot bind argument to parameter 'OldInputObject', because PSTypeNames of the "
        "argument do not match the PSTypeName required by the parameter: "
        "Microsoft.Management.Infrastructure.CimInstance#DnsServerResourceRecord.")
    assert "Traceback" not in err


def test_set_with_the_same_object_twice_finds_nothing(world_session: Fixture) -> None:
    """Changing the record object itself (no copy) changes what the old record is looked
    up by: the reason the documented script clones it."""
    session, host = world_session
    _, err, _ = run_on(session, host, """
        $record = Get-DnsServerResourceRecord -ZoneName contoso.com -Name web01
        $record.RecordData.IPv4Address = '10.20.0.51'
        Set-DnsServerResourceRecord contoso.com -OldInputObject $record -NewInputObject $record
    """)
    assert "Resource record in OldInputObject not found" in err
    assert [r.data for r in web01(session)] == ["10.10.0.11"]


# -- adding ----------------------------------------------------------------------------------


def test_add_a_record(world_session: Fixture) -> None:
    session, host = world_session
    session.world.advance(timedelta(minutes=41))
    out, err, _ = run_on(session, host, """
        Add-DnsServerResourceRecordA -Name "host23" -ZoneName "contoso.com" -AllowUpdateAny `
            -IPv4Address "172.18.99.23" -TimeToLive 01:00:00 -PassThru
        Add-DnsServerResourceRecordA contoso.com host24 10.1.1.1, 10.1.1.2 -AgeRecord -Verbose
    """)
    assert out == ("\n" + HEADER + "host23                    A          1          0         "
                   "           01:00:00        172.18.99.23\n\n")
    assert err.splitlines() == [
        "VERBOSE: Adding DNS resource record host24 of type A in zone contoso.com on DC01 "
        "server.",
        "VERBOSE: Adding DNS resource record host24 of type A in zone contoso.com on DC01 "
        "server.",
    ]
    registry = session.world.registry
    [host23] = registry.named(DnsRecord, "host23")
    assert (host23.data, host23.ttl_seconds, host23.timestamp) == ("172.18.99.23", 3600, None)
    aged = registry.named(DnsRecord, "host24")
    # aging is hour-granular: registered at 08:41, stamped 08:00
    assert sorted((r.data, r.ttl_seconds, r.timestamp) for r in aged) == [
        ("10.1.1.1", 3600, REGISTERED), ("10.1.1.2", 3600, REGISTERED)]


def test_add_validates_before_changing_anything(world_session: Fixture) -> None:
    session, host = world_session
    before = records(session)
    _, err, _ = run_on(session, host, """
        Add-DnsServerResourceRecordA contoso.com web01 10.10.0.11
        Add-DnsServerResourceRecordA contoso.com host30 10.1.1.30, 2001:db8::30
        Add-DnsServerResourceRecordA contoso.com host30 10.1.1.300
        Add-DnsServerResourceRecordA contoso.com host30 10.1.1.30 -TimeToLive -00:00:01
        Add-DnsServerResourceRecordA nothing.contoso.com host30 10.1.1.30
        Add-DnsServerResourceRecordA contoso.com intranet 10.1.1.30
        Add-DnsServerResourceRecord contoso.com -CName -Name web01 -HostNameAlias web02.contoso.com
        Add-DnsServerResourceRecord contoso.com -HInfo -Name host30 -Cpu x86 -OperatingSystem W
        Get-DnsServerResourceRecord contoso.com web01 | Add-DnsServerResourceRecord contoso.com
    """)
    assert records(session) == before
    assert error_ids(session) == [
        "WIN32 9711,Add-DnsServerResourceRecordA",
        "WIN32 87,Add-DnsServerResourceRecordA",
        "CannotConvertArgumentNoMessage,Add-DnsServerResourceRecordA",
        "WIN32 87,Add-DnsServerResourceRecordA",
        "WIN32 9601,Add-DnsServerResourceRecordA",
        "WIN32 9708,Add-DnsServerResourceRecordA",
        "WIN32 9709,Add-DnsServerResourceRecord",
        "NotSupported,Add-DnsServerResourceRecord",
        # adding a copy of a record object asks first, and a script cannot answer
        "InvalidOperation,Add-DnsServerResourceRecord",
    ]
    messages = error_messages(session)
    assert messages[0] == ("Failed to create resource record web01 in zone contoso.com on "
                           "server DC01.")
    assert messages[-2].startswith("not supported in asrsim: Add-DnsServerResourceRecord -HInfo")
    assert "Traceback" not in err


def test_add_generic_record_types(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        Add-DnsServerResourceRecord -ZoneName "Contoso.com" -A -Name "Host34" `
            -IPv4Address "10.17.1.34" -TimeToLive 01:00:00 -AgeRecord
        Add-DnsServerResourceRecord -CName -Name "labhost34" `
            -HostNameAlias "Host34.lab.contoso.com" -ZoneName "Contoso.com" -TimeToLive 01:00:00
        Add-DnsServerResourceRecord -Name "." -MX -ZoneName "contoso.com" `
            -MailExchange "mail.contoso.com" -Preference 10
        Add-DnsServerResourceRecord -Srv -Name "_sip._tcp" -ZoneName "contoso.com" `
            -DomainName "sip1.contoso.com" -Priority 0 -Weight 5 -Port 5060
        Add-DnsServerResourceRecord contoso.com -Txt -Name '@' -DescriptiveText 'v=spf1 mx -all'
        Add-DnsServerResourceRecord contoso.com -AAAA -Name web01 -IPv6Address 2001:DB8:0::51 `
            -PassThru | ForEach-Object { $_.RecordType; "$($_.RecordData.IPv6Address)" }
        $mx = Get-DnsServerResourceRecord contoso.com -RRType Mx
        $mx.RecordData.MailExchange; $mx.RecordData.Preference
        (Get-DnsServerResourceRecord contoso.com _sip._tcp).RecordData.Port
        $copy = Get-DnsServerResourceRecord contoso.com labhost34
        Remove-DnsServerResourceRecord -ZoneName contoso.com -InputObject $copy -Force
        $copy | Add-DnsServerResourceRecord contoso.com -Force -PassThru | ForEach-Object HostName
    """)
    assert err == ""
    assert out.splitlines() == ["AAAA", "2001:db8::51", "mail.contoso.com.", "10", "5060",
                                "labhost34"]
    kept = {(r.name, r.record_type): r for r in session.world.registry.all(DnsRecord)}
    assert kept[("Host34", "A")].timestamp == REGISTERED
    assert kept[("labhost34", "CNAME")].data == "Host34.lab.contoso.com."
    assert kept[("@", "MX")].data == "[10][mail.contoso.com.]"
    assert kept[("_sip._tcp", "SRV")].data == "[0][5][5060][sip1.contoso.com.]"
    assert kept[("@", "TXT")].data == "v=spf1 mx -all"


# -- removing --------------------------------------------------------------------------------


def test_remove_asks_first_and_a_script_cannot_answer(world_session: Fixture) -> None:
    session, host = world_session
    before = records(session)
    out, err, _ = run_on(session, host, """
        Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType A -Name web01
        Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType A -Name web01 -Confirm:$false
        Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType A -Name web01 -WhatIf
    """)
    assert records(session) == before
    assert out == ('What if: Performing the operation "Remove-DnsServerResourceRecord" on '
                   'target "web01 A in zone contoso.com".\n')
    assert err.count("PowerShell is in NonInteractive mode. Read and Prompt functionality is "
                     "not available.") == 2
    assert error_ids(session) == ["InvalidOperation,Remove-DnsServerResourceRecord"] * 2


def test_remove_when_the_user_answers(sample_world: object) -> None:
    host = BufferHost(width=120, inputs=["n", "y"])
    session = Session(host=host, world=sample_world)
    run_on(session, host, "Remove-DnsServerResourceRecord contoso.com web01 A")
    assert len(web01(session)) == 1
    run_on(session, host, "Remove-DnsServerResourceRecord contoso.com web01 A")
    assert web01(session) == []
    assert ("Removing DNS resource record set by name web01 of type A from zone contoso.com on "
            "DC01 server. Do you want to continue?") in "".join(host.output)


def test_remove_by_name_data_and_pipeline(world_session: Fixture) -> None:
    session, host = world_session
    out, err, _ = run_on(session, host, """
        Add-DnsServerResourceRecordA contoso.com web01 10.10.0.99
        Remove-DnsServerResourceRecord contoso.com web01 A -RecordData 10.10.0.99 -Force
        (Get-DnsServerResourceRecord contoso.com web01).RecordData.IPv4Address.IPAddressToString
        Get-DnsServerResourceRecord contoso.com web02 |
            Remove-DnsServerResourceRecord -ZoneName contoso.com -Force -PassThru |
            ForEach-Object HostName
        Remove-DnsServerResourceRecord contoso.com intranet CName -Force
    """)
    assert err == ""
    assert out.splitlines() == ["10.10.0.11", "web02"]
    names = {r.name for r in session.world.registry.all(DnsRecord)}
    assert "web02" not in names and "intranet" not in names and "web01" in names


def test_remove_errors_change_nothing(world_session: Fixture) -> None:
    session, host = world_session
    before = records(session)
    _, err, _ = run_on(session, host, """
        Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType A -Name web99 -Force
        Remove-DnsServerResourceRecord contoso.com -RRType A -Name web01 -RecordData 10.9.9.9 -Force
        Remove-DnsServerResourceRecord -ZoneName nothing.contoso.com -RRType A -Name web01 -Force
        Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType Bogus -Name web01 -Force
        Get-DnsServerZone | Remove-DnsServerResourceRecord -ZoneName contoso.com -Force
    """)
    assert records(session) == before
    assert error_ids(session)[:3] == [
        "WIN32 9714,Remove-DnsServerResourceRecord",
        "WIN32 9701,Remove-DnsServerResourceRecord",
        "WIN32 9601,Remove-DnsServerResourceRecord",
    ]
    assert error_ids(session)[3].startswith("ParameterArgumentValidationError,")
    assert error_ids(session)[4] == "MismatchedPSTypeName,Remove-DnsServerResourceRecord"
    assert error_messages(session)[1] == ("Failed to remove resource record set by name web01 "
                                          "from zone contoso.com on server DC01.")
    assert "Traceback" not in err
