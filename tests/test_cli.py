"""The ``asrsim world`` commands, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from freezegun.api import FrozenDateTimeFactory

from asrsim.cli import main
from asrsim.sim.simulation import Simulation
from asrsim.sim.vms import VirtualMachine
from tests.conftest import run_asrsim


def test_first_use_makes_the_sample_world_in_the_user_data_folder(isolated_home: Path) -> None:
    result = run_asrsim("world", "show", env={"XDG_DATA_HOME": str(isolated_home)})
    assert result.returncode == 0, result.stderr
    world = isolated_home / "asrsim" / "world.db"
    assert world.exists()
    out = result.stdout
    assert "World    Contoso: Seattle to Chicago" in out
    assert f"File     {world}" in out
    assert "Objects  2 sites, 2 VMM servers, 7 hosts, 4 clouds, 12 VMs" in out
    assert "VMM server vmm01.contoso.com (System Center 2012 R2 VMM, port 8100)" in out
    assert "Host sea-hv03.contoso.com  Windows Server 2012, 16 cores" in out
    assert "SEA-CHI WAN: Seattle <-> Chicago, 100 Mbps, 45 ms" in out


def test_world_choice_order(
    tmp_path: Path,
    isolated_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    by_env = tmp_path / "env.db"
    by_option = tmp_path / "option.db"
    assert main(["world", "new", str(by_env), "--sites", "1", "--hosts", "2", "--vms", "1"]) == 0
    assert main(["world", "new", str(by_option), "--sites", "1", "--hosts", "2", "--vms", "2"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("ASRSIM_WORLD", str(by_env))
    assert main(["world", "show"]) == 0
    assert f"File     {by_env}" in capsys.readouterr().out
    assert main(["world", "show", "--world", str(by_option)]) == 0  # after the command
    assert f"File     {by_option}" in capsys.readouterr().out
    assert main(["--world", str(by_option), "world", "show"]) == 0  # before it
    assert f"File     {by_option}" in capsys.readouterr().out
    assert not (isolated_home / "asrsim").exists()
    # an explicitly named world is never made behind the user's back
    assert main(["--world", str(tmp_path / "typo.db"), "world", "show"]) == 1
    assert "no world at" in capsys.readouterr().err
    assert not (tmp_path / "typo.db").exists()


def test_world_new_from_counts_and_from_a_topology(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    generated = tmp_path / "gen.db"
    assert (
        main(
            [
                "world",
                "new",
                str(generated),
                "--sites",
                "2",
                "--hosts",
                "8",
                "--vms",
                "200",
                "--seed",
                "7",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert f"Created world 'generated estate (2 sites, 8 hosts, 200 VMs)' at {generated}" in out
    assert "2 sites, 2 VMM servers, 16 hosts, 2 clouds, 200 VMs" in out
    assert main(["world", "show", "--world", str(generated)]) == 0
    shown = capsys.readouterr().out
    assert "VM SITE0_H0_VM0 " in shown and "more VMs (--all lists them)" in shown
    assert main(["world", "show", "--world", str(generated), "--all"]) == 0
    assert "VM SITE0_H7_VM24 " in capsys.readouterr().out

    topology = tmp_path / "t.toml"
    topology.write_text(
        '[world]\nname = "tiny"\n[[site]]\nname = "A"\n[[vmm_server]]\nname = "v"\n'
        'site = "A"\nversion = "2012 SP1"\n',
        encoding="utf-8",
    )
    made = tmp_path / "tiny.db"
    assert main(["world", "new", str(made), "--topology", str(topology)]) == 0
    assert "Created world 'tiny'" in capsys.readouterr().out
    assert main(["world", "new", str(made), "--topology", str(topology)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["world", "new", str(made), "--topology", str(topology), "--force"]) == 0


def test_show_one_vm(sample_world: Simulation, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["world", "show", "--world", str(sample_world.path), "--vm", "WEB01"]) == 0
    out = capsys.readouterr().out
    assert "Name            : web01" in out
    assert "Host            : sea-hv01.contoso.com (Windows Server 2012 R2)" in out
    assert "Cloud           : Seattle Production" in out
    assert "SEA-Production  10.10.0.11" in out
    assert main(["world", "show", "--world", str(sample_world.path), "--vm", "nope"]) == 1
    assert "no VM named 'nope'" in capsys.readouterr().err


def test_reset_and_time(
    sample_world: Simulation, frozen: FrozenDateTimeFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(sample_world.path)
    vm = sample_world.registry.one(VirtualMachine, "web01")
    with sample_world.write() as tx:
        tx.delete(vm)
    assert main(["world", "time", "--world", path, "--advance", "1h30m"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2026-03-02 09:30:00Z (manual)",
        "0 scheduled events ran",
    ]
    assert main(["world", "time", "--world", path, "--mode", "realtime", "--speed", "60"]) == 0
    frozen.tick(60)
    assert main(["world", "time", "--world", path]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "2026-03-02 10:30:00Z (realtime x60)"
    assert main(["world", "time", "--world", path, "--to", "2026-03-01T00:00:00Z"]) == 2
    assert "cannot go backwards" in capsys.readouterr().err
    assert main(["world", "time", "--world", path, "--advance", "soon"]) == 2
    assert main(["world", "reset", "--world", path]) == 0
    assert "Reset world 'Contoso: Seattle to Chicago'" in capsys.readouterr().out
    with Simulation.open(sample_world.path) as again:
        assert again.registry.one(VirtualMachine, "web01").id == vm.id


@pytest.mark.parametrize(
    "args",
    [
        ["world", "new", "--topology", "x.toml", "--vms", "3"],
        ["world", "new", "--sites", "0"],
        ["world", "new", "--vms", "-4"],
        ["world", "time", "--speed", "0"],
        ["world", "frobnicate"],
        ["run"],
    ],
)
def test_bad_command_lines_exit_2_without_a_traceback(args: list[str], tmp_path: Path) -> None:
    result = run_asrsim(*args, "--world", str(tmp_path / "w.db"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()
    assert not (tmp_path / "w.db").exists()


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import subprocess
    import sys

    world = tmp_path / "w.db"
    assert main(["world", "new", str(world), "--sites", "2", "--hosts", "8", "--vms", "2000"]) == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "asrsim", "--world", str(world), "world", "show", "--all"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `| head -1` does
    process.wait(timeout=60)
    assert "Traceback" not in process.stderr.read()
    assert process.returncode == 141  # the output is larger than a pipe holds
