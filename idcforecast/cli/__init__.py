"""The ``idcforecast`` command line.

Each subcommand lives in its own small module of this package that defines ``NAME``,
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``. Those modules import the heavy
libraries (pandas, statsmodels, matplotlib) inside ``run`` only, so ``idcforecast --help``
starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import warnings
from collections.abc import Sequence
from typing import Any

# subcommand modules, in the order --help lists them
COMMAND_MODULES: tuple[str, ...] = (
    "idcforecast.cli.report_cmd",
    "idcforecast.cli.show_cmd",
    "idcforecast.cli.forecast_cmd",
    "idcforecast.cli.parse_cmd",
    "idcforecast.cli.figures_cmd",
    "idcforecast.cli.datasets_cmd",
    "idcforecast.cli.cagr_cmd",
    "idcforecast.cli.claims_cmd",
    "idcforecast.cli.track_record_cmd",
    "idcforecast.cli.scenarios_cmd",
    "idcforecast.cli.batch_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered subcommand."""
    from idcforecast import __version__
    from idcforecast.cli._exit import EPILOG, command_epilog
    from idcforecast.cli._store_once import store_once

    parser = argparse.ArgumentParser(
        prog="idcforecast",
        description="Size and forecast internet-data-center markets.",
        epilog=EPILOG,
    )
    parser.add_argument("--version", action="version", version=f"idcforecast {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        command = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            epilog=command_epilog(
                getattr(module, "FAILED_RESULTS", None), getattr(module, "ONE_SERIES", None)
            ),
        )
        module.add_arguments(command)
        if module.NAME not in _NO_MONEY:
            _add_fx_argument(command)
        store_once(command)  # "--series a --series b" was 'b' alone, in silence
        command.set_defaults(_run=module.run, _parser=command)
    return parser


# commands that never convert money between currencies: no --fx-rates
_NO_MONEY = frozenset({"datasets", "figures"})


def _add_fx_argument(parser: argparse.ArgumentParser) -> None:
    """``--fx-rates FILE``: the user's own annual-average FX rates, before the bundled table
    (as ``with idcforecast.use_fx_rates(FILE):``)."""
    parser.add_argument(
        "--fx-rates",
        metavar="FILE",
        default=None,
        help="your own FX rates: a CSV of year,value,unit rows (2026,7.05,CNY/USD = 7.05 CNY "
        "per USD), used before the bundled table (annual averages: Federal Reserve G.5A, and "
        "ECB-derived for BRL, CZK, DKK, HUF, IDR, MYR, NOK, PHP, PLN, RON, SEK, THB, ZAR); "
        "converted values name the file in their note",
    )


def _run_command(args: argparse.Namespace) -> int:
    """Run the parsed command, inside its ``--fx-rates`` file when one was given."""
    fx_file = getattr(args, "fx_rates", None)
    if fx_file is None:
        return int(args._run(args) or 0)
    from idcforecast.units import use_fx_rates

    with use_fx_rates(fx_file):
        return int(args._run(args) or 0)


# commands whose positional arguments are figures ("-5%", "-1e3" among them)
_FIGURE_COMMANDS = frozenset({"parse", "cagr"})


def _negative_figure_as_text(argv: list[str]) -> list[str]:
    """``parse -5%`` as ``parse -- -5%``: argparse reads "-5%" (or "-inf", "-1e3") as an
    unknown option (only a bare "-5" passes as a negative number), so the figures of a
    command that takes figures (parse, cagr) move behind ``--``, in their order (``cagr 5
    -inf`` said "the following arguments are required: END").

    Examples
    --------
    >>> _negative_figure_as_text(["parse", "-5%", "--to", "pp"])
    ['parse', '--to', 'pp', '--', '-5%']
    >>> _negative_figure_as_text(["parse", "5 MW", "--kw-per-rack", "-1"])  # an option's value
    ['parse', '5 MW', '--kw-per-rack', '-1']
    >>> _negative_figure_as_text(["cagr", "-1e3", "5", "--years", "2"])
    ['cagr', '--years', '2', '--', '-1e3', '5']
    >>> _negative_figure_as_text(["cagr", "1", "2", "--years", "3", "4"])
    ['cagr', '--years', '3', '--', '1', '2', '4']
    >>> _negative_figure_as_text(["forecast", "--horizon", "3"])
    ['forecast', '--horizon', '3']
    """
    if not argv or argv[0] not in _FIGURE_COMMANDS or "--" in argv:
        return argv
    figures: list[str] = []
    kept = argv[:1]
    for i, token in enumerate(argv[1:], start=1):
        before = argv[i - 1]
        option = before.startswith("-") and "=" not in before and not _looks_negative(before)
        after_option = i > 1 and option  # that option's value
        figure = not after_option and (_looks_negative(token) or not token.startswith("-"))
        (figures if figure else kept).append(token)
    # every figure moves, in its order: "cagr -1e3 5" is START -1e3, END 5. A cagr figure
    # after an option moves too: argparse takes START END [N] in one go, so the 4 of "cagr
    # 1 2 --years 3 4" was "unrecognized arguments: 4", never the steps given twice
    scattered = argv[0] == "cagr" and figures != argv[1 : 1 + len(figures)]
    return [*kept, "--", *figures] if scattered or any(map(_looks_negative, figures)) else argv


_NEGATIVE_WORDS = frozenset({"inf", "infinity", "nan"})


def _looks_negative(token: str) -> bool:
    """Whether ``token`` is a negative number as a user writes one: "-5", "-1e3", "-inf",
    "-2%", "-1,5" (argparse takes only "-5" and "-.5" for numbers)."""
    if len(token) < 2 or token[0] != "-" or token.startswith("--"):
        return False
    return token[1].isdigit() or token[1] == "." or token[1:].lower() in _NEGATIVE_WORDS


def _negative_values_joined(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``--cap -inf`` as ``--cap=-inf``: argparse reads "-inf", "-1e3" or "-2%" after an
    option as another option ("argument --cap: expected one argument"), so the value never
    reached the option's own check (``--cap=-inf`` did). Only the values of the command's
    options that take one value are joined; "--" ends the options.

    Examples
    --------
    >>> parser = build_parser()
    >>> _negative_values_joined(["forecast", "--cap", "-inf", "--horizon", "3"], parser)
    ['forecast', '--cap=-inf', '--horizon', '3']
    >>> _negative_values_joined(["cagr", "1", "2", "--years", "-1e0"], parser)
    ['cagr', '1', '2', '--years=-1e0']
    >>> _negative_values_joined(["forecast", "--compare", "-x"], parser)  # no number
    ['forecast', '--compare', '-x']
    """
    command = _command_parser(parser, argv[0]) if argv else None
    if command is None:
        return argv
    takes_value = {
        option
        for action in command._actions
        if action.nargs is None
        for option in action.option_strings
        if option.startswith("--")
    }
    joined: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token == "--":
            return [*joined, token, *tokens]
        if token in takes_value:
            value = next(tokens, None)
            if value is not None and _looks_negative(value):
                joined.append(f"{token}={value}")
                continue
            joined.append(token)
            if value is not None:
                joined.append(value)
            continue
        joined.append(token)
    return joined


def _command_parser(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser | None:
    """The parser of subcommand ``name``, or None for no such command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices.get(name)
    return None


def _did_you_mean(unknown: list[str], command: argparse.ArgumentParser | None) -> str:
    """``; did you mean --horizon?`` for a misspelt option of ``command`` (argparse only
    says "unrecognized arguments: --horizn 3"), or "" when none is close.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> _ = parser.add_argument("--horizon"); _ = parser.add_argument("--series")
    >>> _did_you_mean(["--horizn", "3"], parser), _did_you_mean(["--seris=x"], parser)
    ('; did you mean --horizon?', '; did you mean --series?')
    >>> _did_you_mean(["--zzz"], parser), _did_you_mean(["extra"], parser)
    ('', '')
    """
    import difflib

    if command is None:
        return ""
    options = [o for action in command._actions for o in action.option_strings]
    hints = []
    for token in unknown:
        if token.startswith("--"):
            close = difflib.get_close_matches(token.split("=", 1)[0], options, n=1, cutoff=0.75)
            if close and close[0] not in hints:
                hints.append(close[0])
    return f"; did you mean {' or '.join(hints)}?" if hints else ""


def _check_command_name(tokens: list[str], parser: argparse.ArgumentParser) -> None:
    """Exit with argparse's usage error, and a "did you mean" for a misspelt command
    ("forcast": argparse only lists the choices), when the command is none of them."""
    import difflib

    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    name = next((t for t in tokens if not t.startswith("-")), None)
    if name is None or name in sub.choices:
        return
    names = list(sub.choices)
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    parser.error(
        f"argument COMMAND: invalid choice: {name!r}{hint} "
        f"(choose from {', '.join(repr(n) for n in names)})"
    )


def _led_by_command(message: str, command: argparse.ArgumentParser | None) -> str:
    """``message`` led by the name of the command that failed ("forecast: ..."), as most
    messages are and argparse's are ("idcforecast forecast: error: ..."); one led by
    something else ("series 's' has 2 observations", "kw_per_rack: expected ...", a file)
    named no command.

    Examples
    --------
    >>> command = argparse.ArgumentParser(prog="idcforecast scenarios")
    >>> _led_by_command("series 's' has 2 observations", command)
    "scenarios: series 's' has 2 observations"
    >>> _led_by_command("scenarios: --paths 0", command), _led_by_command("x", None)
    ('scenarios: --paths 0', 'x')
    >>> _led_by_command("report horizon: --to 2023", argparse.ArgumentParser(prog="x report"))
    'report horizon: --to 2023'
    """
    if command is None:
        return message
    name = command.prog.split()[-1]
    if message.startswith((f"{name}:", f"{name} ")):
        return message
    return f"{name}: {message}"


def _show_note(show: Any, command: Any = None) -> Any:
    """``warnings.showwarning`` printing an :class:`IdcForecastWarning` (rows skipped below
    a table, a column not read...) as one ``note:`` line, its advice in the command's flags;
    other warnings as ``show`` does."""
    from idcforecast.cli._advice import cli_advice
    from idcforecast.errors import IdcForecastWarning

    def show_warning(message: Any, category: Any, *args: Any, **kwargs: Any) -> None:
        if issubclass(category, IdcForecastWarning):
            print(f"note: {cli_advice(str(message), command)}", file=sys.stderr)
        else:
            show(message, category, *args, **kwargs)

    return show_warning


def _escape_unencodable_output() -> None:
    """Print what the terminal's encoding cannot hold as ``\\uXXXX`` escapes, as Python's
    stderr does, instead of dying with a ``UnicodeEncodeError`` traceback.

    A terminal set to ASCII (``PYTHONIOENCODING=ascii``, an old Windows code page) cannot
    encode "亿元" or the "·" of ``show``'s title: ``parse '1,562.5亿元'`` crashed after
    reading the figure. A UTF-8 terminal is unaffected (nothing to escape).
    """
    stream = sys.stdout
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None and getattr(stream, "errors", None) == "strict":
        reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the process exit code.

    Errors that idcforecast raises on purpose print as one ``error: COMMAND: ...`` line
    (exit code 2), their advice in the command's flags (``--estimates drop``, not
    ``estimates='drop'``); anything else is a bug and keeps its traceback. An option the
    command does not have prints that command's usage, not the top-level one. A Ctrl-C
    prints one line and exits 130 (was: a ``KeyboardInterrupt`` traceback). The codes:
    :mod:`idcforecast.cli._exit`.
    """
    from idcforecast.cli._advice import cli_advice
    from idcforecast.cli._exit import INTERRUPTED, USAGE
    from idcforecast.errors import IdcForecastError, IdcForecastWarning

    _escape_unencodable_output()
    parser = build_parser()
    tokens = list(sys.argv[1:] if argv is None else argv)
    _check_command_name(tokens, parser)
    args, unknown = parser.parse_known_args(
        _negative_figure_as_text(_negative_values_joined(tokens, parser))
    )
    command = getattr(args, "_parser", None)
    if unknown:  # (parse_args would print the top-level usage: no help for the command)
        (command or parser).error(
            f"unrecognized arguments: {' '.join(unknown)}{_did_you_mean(unknown, command)}"
        )
    if getattr(args, "_run", None) is None:
        parser.print_help()
        return 0
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", IdcForecastWarning)
            warnings.showwarning = _show_note(warnings.showwarning, command)
            return _run_command(args)
    except IdcForecastError as err:
        print(f"error: {_led_by_command(cli_advice(str(err), command), command)}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:  # (forecast-many says more: what was left as it was)
        print(f"{getattr(command, 'prog', 'idcforecast')}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # `idcforecast ... | head`
        return 0
