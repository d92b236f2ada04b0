"""Error advice in command-line words: ``estimates='drop'`` reads ``--estimates drop`` (private).

The package's messages name the fix as a Python keyword (``pass header_row=2``), because
the functions raise them. On the command line the same advice must name the flag, so
:func:`cli_advice` rewrites the message as the error reaches the user. It knows the
command's own options (its parser): a keyword becomes a flag only where the command has
that flag, so advice about an option the command lacks stays as written.
"""

from __future__ import annotations

import argparse
import ast
import re
import shlex
from collections.abc import Mapping

__all__ = ["cli_advice"]

# Python keyword -> the dest of the command-line option that sets it, where the names differ
KEYWORD_DESTS: Mapping[str, str] = {
    "sheet_name": "sheet",
    "client": "scheduler",
    "series_id": "series",
    "history": "data",  # check-claims --data FILE: your own actuals
    "actuals": "data",  # track-record --data FILE
    "n_paths": "paths",
}

# Python calls in advice -> the command that does the same
CALLS: Mapping[str, str] = {
    "load_dataset(name)['series_id'].unique()": "idcforecast datasets NAME",
    "idcforecast.list_datasets()": "idcforecast datasets",
    "list_datasets()": "idcforecast datasets",
    "with idcforecast.use_fx_rates(FILE): ...": "--fx-rates FILE",
    # a column of growth rates that is not read: the commands that compute them
    "computed from the values: idcforecast.cagr)": "computed from the values: idcforecast cagr)",
    "computed from the values (idcforecast.yoy)": "computed from the values (idcforecast show)",
    # a file argument cannot be a DataFrame (idcforecast._table_files)
    "expected a CSV or Excel file path or a DataFrame": "expected a CSV or Excel file path",
    # an amount converts between currencies with a year (idcforecast.units.convert)
    "(convert(x, 'USD bn', from_unit='CNY bn', year=2020))": (
        "(idcforecast parse '100 CNY bn' --to 'USD bn' --year 2020)"
    ),
}

# Python calls in advice -> the option that does the same, where the command has it
FLAG_CALLS: Mapping[str, str] = {
    "convert to one unit first (idcforecast.convert)": "unit",  # "mixes units 'MW', 'GW'"
}

# Python phrases -> (the option they are about, the same in its flag's words)
FLAG_PHRASES: Mapping[str, tuple[str, str]] = {
    # sep=None detects the separator ("--sep '' is not a field separator")
    "(or None to detect it)": ("sep", "(or leave out {flag} to detect it)"),
}

# a message led by the keyword it is about ("kw_per_rack: expected a positive number"):
# the command's flag, where it has one
_LEADING_KEYWORD = re.compile(r"^([a-z][a-z0-9]*(?:_[a-z0-9]+)+): ")
# a keyword named as the way through ("racks and power convert through kw_per_rack")
_THROUGH_KEYWORD = re.compile(r"\bthrough ([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\b")

# keyword=value: a quoted string, a number, None/True/False, or a placeholder (N, NAME,
# ..., <what to pass>)
_VALUE = "|".join(
    (
        r"'(?:[^'\\]|\\.)*'",  # 'drop'
        r'"(?:[^"\\]|\\.)*"',  # "drop"
        r"-?\d+(?:\.\d+)?\b",  # 2, 2.5
        r"None\b|True\b|False\b",
        r"[A-Z][A-Z_]*\b|\.\.\.|<[^<>]*>",  # N, NAME, ..., <what to pass>
    )
)
_KEYWORD_VALUE = re.compile(rf"(?<![\w.\-])([a-z][a-z0-9_]*)=({_VALUE})")
_BARE_KEYWORD = re.compile(r"(?<![\w.\-])([a-z][a-z0-9_]*)=(?=[\s;,.)]|$)")  # "drop series_id="
_READ_SERIES_CALL = re.compile(r"\bread_series\((?:\.\.\.,\s*)?(--[^()]*?)\)")
_PASS_NOTHING = re.compile(r"\bpass no (--[a-z][\w-]*)")
_DOUBLED = re.compile(r"(--[a-z][\w-]*(?: [^\s()]+)?) \(\1\)")
# a library message's advice for both (cap=100; forecast --cap 100), (cap=None; on the
# command line, leave out --cap): in flags, the same advice twice
_COMMAND_TOO = re.compile(r"\((--[a-z][\w-]*(?: [^\s();]+)?); [a-z][\w-]* \1\)")
_LEAVE_OUT_TOO = re.compile(r"\(no (--[a-z][\w-]*); on the command line, leave out \1\)")
# "pass cap=None (on the command line, leave out --cap)": in flags, "leave out --cap" twice
_LEAVE_OUT_TWICE = re.compile(r"(leave out (--[a-z][\w-]*)) \(on the command line, leave out \2\)")
# "use 'naive' (2) or 'drift' (3)": methods named without their keyword (_forecast_plan)
_USE_METHODS = re.compile(r"\buse ('[a-z_]+' \(\d+\)(?: or '[a-z_]+' \(\d+\))*)")
_QUOTED_METHOD = re.compile(r"'([a-z_]+)' (\(\d+\))")
# keyword=value pairs that are not advice to this command, left as written: the
# arguments of another Python call quoted in the advice ("convert(x, 'USD bn',
# from_unit='CNY bn', year=2020)" is convert()'s year, not parse's --year), and the
# cells or arguments a message reports it found ("found value='abc', year='2026'")
_CALL_OPENING = re.compile(r"(?<!\w)([A-Za-z_][\w.]*)\(")
_FOUND_PAIRS = re.compile(rf"\bfound ((?:[a-z][a-z0-9_]*=(?:{_VALUE}|[^\s,;]+)(?:, )?)+)")


def _flags(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    """The command's long options by dest (``header_row`` -> the ``--header-row`` action)."""
    return {
        action.dest: action
        for action in parser._actions
        if any(option.startswith("--") for option in action.option_strings)
    }


def _long(action: argparse.Action) -> str:
    return next(option for option in action.option_strings if option.startswith("--"))


def _placeholder(action: argparse.Action) -> str:
    metavar = action.metavar
    return metavar if isinstance(metavar, str) else action.dest.upper()


def _closing(message: str, opening: int) -> int:
    """The index just past the parenthesis that closes the one at ``opening`` (quotes
    skipped), or the message's end when it is never closed."""
    depth, quote = 0, ""
    for index in range(opening, len(message)):
        char = message[index]
        if quote:
            quote = "" if char == quote and message[index - 1] != "\\" else quote
        elif char in "'\"":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
    return len(message)


def _not_advice(message: str) -> list[tuple[int, int]]:
    """Spans of ``message`` whose keyword=value pairs are no advice to the command: the
    arguments of a quoted Python call other than ``read_series`` (whose arguments are
    the read options), and the values a message reports it found.

    Examples
    --------
    >>> m = "convert it (convert(x, 'USD bn', year=2020)); found value='a', year='2026'"
    >>> [m[a:b] for a, b in _not_advice(m)]
    ["(x, 'USD bn', year=2020)", "value='a', year='2026'"]
    """
    spans = [
        (call.end() - 1, _closing(message, call.end() - 1))
        for call in _CALL_OPENING.finditer(message)
        if call[1].split(".")[-1] != "read_series"
    ]
    spans += [found.span(1) for found in _FOUND_PAIRS.finditer(message)]
    return spans


def _as_flag(keyword: str, value: str, actions: Mapping[str, argparse.Action]) -> str | None:
    """``--flag value`` for ``keyword=value``, or None when the command has no such flag."""
    if value == "None" and f"no_{keyword}" in actions:  # history=None: --no-history
        return _long(actions[f"no_{keyword}"])
    action = actions.get(KEYWORD_DESTS.get(keyword, keyword))
    if action is None:
        return None
    flag = _long(action)
    if value == "None":
        return f"no {flag}"
    if value in ("True", "False"):
        if action.nargs == 0:  # a switch (store_true)
            return flag if value == "True" else f"no {flag}"
        return f"{flag} {value.lower()}"
    if value[0] in "'\"":
        try:
            text = str(ast.literal_eval(value))  # '\\t' is a tab
        except (ValueError, SyntaxError):
            text = value[1:-1]
        return f"{flag} {'tab' if text == chr(9) else shlex.quote(text)}"
    if value == "..." or value.startswith("<"):
        return f"{flag} {_placeholder(action)}"
    return f"{flag} {value}"


_PREFIX = re.compile(r"([A-Za-z_]\w*): ")


def _command_prefix(message: str, command: str) -> str:
    """``message`` led by the ``command`` the user ran where it is led by a function of the
    package behind it: "simulate: data holds 2 series" from ``scenarios`` was a call the
    user never made. A prefix that names no public function (a file, a series) stays.

    Examples
    --------
    >>> _command_prefix("simulate: data holds 2 series", "scenarios")
    'scenarios: data holds 2 series'
    >>> _command_prefix("sales_2024: no 'year' column", "forecast")
    "sales_2024: no 'year' column"
    """
    import idcforecast

    match = _PREFIX.match(message)
    if match is None or match[1] not in idcforecast.__all__:
        return message
    return f"{command}: {message[match.end() :]}"


def cli_advice(message: str, parser: argparse.ArgumentParser | None) -> str:
    """``message`` with its Python advice in the words of the command ``parser`` parses.

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> _ = p.add_argument("--estimates"); _ = p.add_argument("--header-row", metavar="N")
    >>> _ = p.add_argument("--unit", metavar="UNIT")
    >>> cli_advice("pass estimates='drop' (--estimates drop), or estimates='keep'", p)
    'pass --estimates drop, or --estimates keep'
    >>> cli_advice("a title? pass header_row=N; or read_series(..., unit='CNY 100m')", p)
    "a title? pass --header-row N; or --unit 'CNY 100m'"
    >>> cli_advice("use method='auto'", p)  # no --method here: unchanged
    "use method='auto'"
    >>> cli_advice("drop estimates= to read them all; drop method= too", p)
    'drop --estimates to read them all; drop method= too'
    >>> cli_advice("mixes units 'MW', 'GW'; convert to one unit first (idcforecast.convert)", p)
    "mixes units 'MW', 'GW'; convert to one unit first (--unit UNIT)"
    >>> _ = p.add_argument("--method")
    >>> cli_advice("needs at least 4; add years, or use 'naive' (2) or 'drift' (3)", p)
    'needs at least 4; add years, or use --method naive (2) or --method drift (3)'
    >>> _ = p.add_argument("--cap")
    >>> cli_advice("cap it at 100 (cap=100; forecast --cap 100)", p)
    'cap it at 100 (--cap 100)'
    >>> cli_advice("or no cap (cap=None; on the command line, leave out --cap)", p)
    'or no cap (leave out --cap)'
    >>> cli_advice("for no cap pass cap=None (on the command line, leave out --cap), else", p)
    'for no cap leave out --cap, else'
    >>> _ = p.add_argument("--kw-per-rack")
    >>> cli_advice("kw_per_rack: expected a positive number; convert through kw_per_rack", p)
    '--kw-per-rack: expected a positive number; convert through --kw-per-rack'
    >>> cli_advice("sales_2024: no 'year' column", p)  # no such option: as written
    "sales_2024: no 'year' column"
    """
    for call, command in CALLS.items():
        message = message.replace(call, command)
    if parser is None:
        return message
    message = _command_prefix(message, parser.prog.split()[-1])
    actions = _flags(parser)

    def leading(match: re.Match[str]) -> str:
        action = actions.get(KEYWORD_DESTS.get(match[1], match[1]))
        return f"{_long(action)}: " if action is not None else match[0]

    def through(match: re.Match[str]) -> str:
        action = actions.get(KEYWORD_DESTS.get(match[1], match[1]))
        return f"through {_long(action)}" if action is not None else match[0]

    message = _LEADING_KEYWORD.sub(leading, message, count=1)
    message = _THROUGH_KEYWORD.sub(through, message)
    for phrase, (dest, words) in FLAG_PHRASES.items():
        if dest in actions:
            message = message.replace(phrase, words.format(flag=_long(actions[dest])))
    for call, dest in FLAG_CALLS.items():
        if dest in actions:
            option = f"{_long(actions[dest])} {_placeholder(actions[dest])}"
            message = message.replace(call, f"{call.split(' (')[0]} ({option})")

    kept: list[tuple[int, int]] = []  # spans left as written (_not_advice)

    def flag(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in kept):
            return match[0]
        return _as_flag(match[1], match[2], actions) or match[0]

    def bare(match: re.Match[str]) -> str:
        action = actions.get(KEYWORD_DESTS.get(match[1], match[1]))
        if action is None or any(start <= match.start() < end for start, end in kept):
            return match[0]
        return _long(action)

    if "method" in actions:  # "use 'drift' (3)": "use --method drift (3)"
        method = _long(actions["method"])
        message = _USE_METHODS.sub(
            lambda m: "use " + _QUOTED_METHOD.sub(rf"{method} \1 \2", m[1]), message
        )
    kept = _not_advice(message)
    message = _KEYWORD_VALUE.sub(flag, message)
    kept = _not_advice(message)
    message = _BARE_KEYWORD.sub(bare, message)
    message = _PASS_NOTHING.sub(r"leave out \1", message)  # "pass no --data"
    message = _READ_SERIES_CALL.sub(r"\1", message)
    message = _COMMAND_TOO.sub(r"(\1)", message)
    message = _LEAVE_OUT_TOO.sub(r"(leave out \1)", message)
    message = _LEAVE_OUT_TWICE.sub(r"\1", message)
    return _DOUBLED.sub(r"\1", message)
