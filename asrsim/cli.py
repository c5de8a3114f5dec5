"""The ``asrsim`` command: the composition root that wires worlds, shell and dashboard.

Imports of the heavier parts happen inside the commands that need them, so that a one-line
command starts quickly.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from asrsim.sim.simulation import Simulation
    from asrsim.sim.world import Source

WORLD_ENV = "ASRSIM_WORLD"
DEFAULT_WORLD_FILE = "world.db"

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a closed pipe


class CommandError(Exception):
    """A failure to report in one line, with the exit status to leave with."""

    def __init__(self, message: str, status: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.status = status


def default_world_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path("asrsim", appauthor=False) / DEFAULT_WORLD_FILE


def world_path(arguments: argparse.Namespace) -> tuple[Path, bool]:
    """The world to use, and whether it is the default one (made on first use)."""
    chosen = getattr(arguments, "world", None) or os.environ.get(WORLD_ENV)
    if chosen:
        return Path(chosen).expanduser(), False
    return default_world_path(), True


def open_world(arguments: argparse.Namespace) -> Simulation:
    from asrsim.sim.simulation import Simulation
    from asrsim.sim.world import TopologySource, create_world

    path, is_default = world_path(arguments)
    if is_default and not path.exists():
        # a new user needs no set-up: the first use makes the sample estate
        return create_world(path, TopologySource.sample())
    return Simulation.open(path)


# -- world commands ---------------------------------------------------------------------------


def cmd_world_new(arguments: argparse.Namespace) -> int:
    from asrsim.sim.world import GeneratedSource, TopologySource, create_world

    counts = (arguments.sites, arguments.hosts, arguments.vms)
    if arguments.topology and any(c is not None for c in counts):
        raise CommandError(
            "give either --topology or --sites/--hosts/--vms, not both", EXIT_BAD_INPUT
        )
    source: Source
    if arguments.topology:
        source = TopologySource.from_file(Path(arguments.topology))
    elif any(c is not None for c in counts):
        from asrsim.sim.generator import check_counts

        sites = 2 if arguments.sites is None else arguments.sites
        hosts = 4 if arguments.hosts is None else arguments.hosts
        vms = arguments.vms or 0
        try:
            check_counts(sites, hosts, vms)
        except ValueError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
        source = GeneratedSource(sites, hosts, vms)
    else:
        source = TopologySource.sample()
    path = Path(arguments.path).expanduser() if arguments.path else world_path(arguments)[0]
    with create_world(
        path, source, seed=arguments.seed, name=arguments.name, replace=arguments.force
    ) as simulation:
        from asrsim.report import summary_line

        print(f"Created world '{simulation.name}' at {simulation.path}")
        print(f"  {summary_line(simulation.registry.counts())}")
    return EXIT_OK


def cmd_world_show(arguments: argparse.Namespace) -> int:
    from asrsim.report import vm_report, world_report

    with open_world(arguments) as simulation:
        if arguments.vm:
            text = vm_report(simulation, arguments.vm)
            if not text:
                raise CommandError(f"no VM named '{arguments.vm}' in {simulation.path}")
            print(text)
        else:
            print(world_report(simulation, all_vms=arguments.all))
    return EXIT_OK


def cmd_world_reset(arguments: argparse.Namespace) -> int:
    from asrsim.report import summary_line
    from asrsim.sim.world import reset_world

    with open_world(arguments) as simulation:
        reset_world(simulation)
        print(f"Reset world '{simulation.name}' at {simulation.path}")
        print(f"  {summary_line(simulation.registry.counts())}")
    return EXIT_OK


def cmd_world_time(arguments: argparse.Namespace) -> int:
    from asrsim.sim.clock import format_moment, parse_duration, parse_moment

    with open_world(arguments) as simulation:
        if arguments.mode or arguments.speed is not None:
            mode = arguments.mode or simulation.clock().mode
            speed = arguments.speed if arguments.speed is not None else simulation.clock().speed
            simulation.set_clock(mode, speed)
        ran = None
        try:
            if arguments.advance:
                ran = simulation.advance(parse_duration(arguments.advance))
            elif arguments.to:
                moment = parse_moment(arguments.to)
                if moment < simulation.now():
                    raise CommandError("the world's clock cannot go backwards", EXIT_BAD_INPUT)
                ran = simulation.advance_to(moment)
        except ValueError as error:
            raise CommandError(str(error), EXIT_BAD_INPUT) from None
        print(f"{format_moment(simulation.now())} ({simulation.clock().describe()})")
        if ran is not None:
            print(f"{ran} scheduled event{'s' if ran != 1 else ''} ran")
    return EXIT_OK


# -- the shell --------------------------------------------------------------------------------


def make_session(arguments: argparse.Namespace) -> Any:
    from asrsim.session import Session

    # a PowerShell call runs through a dozen Python frames: room for MAX_CALL_DEPTH calls
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    return Session(world=lambda: open_world(arguments))


def cmd_run(arguments: argparse.Namespace) -> int:
    session = make_session(arguments)
    try:
        return int(session.run_file(Path(arguments.script), arguments.script_args))
    finally:
        _close_world(session)


def run_command_text(arguments: argparse.Namespace, text: str) -> int:
    session = make_session(arguments)
    try:
        status = int(session.run(text))
        if status == 0 and not session.runtime.last_success:
            # pwsh -Command: the status of the last command decides
            status = 1
        return status
    finally:
        _close_world(session)


def scripts_folder() -> Path:
    """The scripts shipped beside the package (the seed's corrected scripts and the demo)."""
    return Path(__file__).resolve().parent.parent / "scripts"


def cmd_demo(arguments: argparse.Namespace) -> int:
    import tempfile

    from asrsim.session import Session
    from asrsim.sim.world import TopologySource, create_world

    demo = scripts_folder() / "demo.ps1"
    if not demo.exists():
        raise CommandError(f"the demo script is not installed ({demo}): run asrsim from a "
                           "checkout installed with `pip install -e .`")
    with tempfile.TemporaryDirectory(prefix="asrsim-demo-") as folder:
        world = create_world(Path(folder) / "demo.db", TopologySource.sample())
        try:
            print(f"asrsim demo on a fresh copy of the sample world ({world.name})\n")
            return int(Session(world=world).run_file(demo))
        finally:
            world.close()


def cmd_repl(arguments: argparse.Namespace) -> int:
    session = make_session(arguments)
    try:
        if not sys.stdin.isatty():
            return int(session.run(sys.stdin.read()))
        from platformdirs import user_data_path

        from asrsim.shell.repl import run_repl

        return run_repl(session, user_data_path("asrsim", appauthor=False) / "history")
    finally:
        _close_world(session)


def _close_world(session: Any) -> None:
    world = session._world
    if world is not None and not callable(world):
        world.close()


# -- parsing ----------------------------------------------------------------------------------


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' must not be negative")
    return value


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the speed must be greater than 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    world_option = argparse.ArgumentParser(add_help=False)
    world_option.add_argument(
        "--world",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help=f"the world file (default: ${WORLD_ENV}, else world.db in the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="asrsim",
        parents=[world_option],
        description="Rehearse Azure Site Recovery VMM-to-VMM disaster recovery against a "
        "simulated estate.",
    )
    parser.add_argument(
        "-c",
        "--command",
        dest="command_text",
        metavar="COMMAND",
        help="run PowerShell text, as pwsh -Command does",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = commands.add_parser(
        "run",
        parents=[world_option],
        help="run a PowerShell script against the world",
        description="Run a .ps1 script; arguments after the file bind to its param() block "
        "(-Name value, -Switch, or positional).",
    )
    run.add_argument("script", metavar="FILE.ps1")
    run.add_argument("script_args", nargs=argparse.REMAINDER, metavar="ARGUMENTS")
    run.set_defaults(handler=cmd_run)
    demo = commands.add_parser(
        "demo", help="run the seed scenario's scripts on a fresh copy of the sample world",
        description="Lists the sample estate, reads a VM's address with the documented VMM "
                    "script, moves the VM as a failover would and fixes its DNS record with "
                    "the documented DNS script. Your own world is not touched.",
    )
    demo.set_defaults(handler=cmd_demo)
    world = commands.add_parser("world", help="create, show, reset a world; move its clock")
    world_commands = world.add_subparsers(dest="world_command", metavar="ACTION")
    world_commands.required = True

    new = world_commands.add_parser(
        "new",
        parents=[world_option],
        help="create a world from a topology file, from counts, or from the sample",
        description="Create a world. With no --topology and no counts, the bundled sample "
        "estate is used.",
    )
    new.add_argument("path", nargs="?", metavar="PATH", help="where to create the world file")
    new.add_argument("--topology", metavar="FILE.toml", help="a TOML topology to build from")
    new.add_argument("--sites", type=_positive, help="generate this many sites (default 2)")
    new.add_argument("--hosts", type=_positive, help="Hyper-V hosts per site (default 4)")
    new.add_argument("--vms", type=_positive, help="VMs on each primary site (default 0)")
    new.add_argument("--seed", type=_positive, help="seed of the world's random generator")
    new.add_argument("--name", help="a name for the world")
    new.add_argument("--force", action="store_true", help="replace an existing world file")
    new.set_defaults(handler=cmd_world_new)

    show = world_commands.add_parser("show", parents=[world_option], help="print the estate")
    show.add_argument("--vm", metavar="NAME", help="show one VM in detail")
    show.add_argument("--all", action="store_true", help="list every VM of every host")
    show.set_defaults(handler=cmd_world_show)

    reset = world_commands.add_parser(
        "reset", parents=[world_option], help="start the world over from what it was made from"
    )
    reset.set_defaults(handler=cmd_world_reset)

    clock = world_commands.add_parser(
        "time",
        parents=[world_option],
        help="show or move the world's clock",
        description="Show the world's clock; move it forward (running the work that falls "
        "due), or switch between manual and realtime mode.",
    )
    moves = clock.add_mutually_exclusive_group()
    moves.add_argument("--advance", metavar="DURATION", help="move forward: 90s, 15m, 1h30m, 2d")
    moves.add_argument("--to", metavar="TIME", help="move forward to an ISO 8601 time")
    clock.add_argument("--mode", choices=("manual", "realtime"), help="the clock's mode")
    clock.add_argument("--speed", type=_speed, help="realtime speed factor (60 = 1 min/s)")
    clock.set_defaults(handler=cmd_world_time)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler = getattr(arguments, "handler", None)
    from asrsim.sim.errors import SimError, TopologyError

    try:
        if arguments.command_text is not None:
            return run_command_text(arguments, arguments.command_text)
        if handler is None:
            return cmd_repl(arguments)
        status: int = handler(arguments)
        return status
    except CommandError as error:
        print(f"asrsim: error: {error}", file=sys.stderr)
        return error.status
    except TopologyError as error:
        print(f"asrsim: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except SimError as error:
        print(f"asrsim: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # the reader went away (`asrsim world show | head`): stop quietly, as a shell tool does
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    sys.exit(main())
