"""An option naming one thing to read refuses a second, different one (private).

argparse keeps the last of an option given twice: ``forecast --series a --series b``
forecast series 'b' alone and said nothing of 'a', though a repeated option reads as
"both" (``scenarios --threshold`` is repeatable, ``--level`` takes a list). The options
that name what is read (:data:`ONCE`: a series, a file, a sheet, a method) refuse that
as a usage error naming both values; the same value twice is allowed. A setting given
twice (``--to 2021 ... --to 2020``) keeps the command line's convention: the last wins,
an override.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

__all__ = ["ONCE", "store_once"]

# the dests of the options that name what to read: a second value means "this one too"
ONCE = frozenset({"series", "data", "dataset", "sheet", "method", "claims", "scenarios", "file"})
_GIVEN = "_once_given"  # the namespace's record of the values given so far, by dest


class _StoreOnce(argparse._StoreAction):
    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        given: dict[str, tuple[str | None, Any]] = namespace.__dict__.setdefault(_GIVEN, {})
        if self.dest in given and given[self.dest][1] != values:
            first_option, first = given[self.dest]
            flag = option_string or first_option or self.dest
            parser.error(
                f"{flag} given twice ({_shown(first)}, then {_shown(values)}); it takes one "
                f"value, and {_shown(first)} would be dropped in silence: give {flag} once "
                "(run the command once per value)"
            )
        given[self.dest] = (option_string, values)
        super().__call__(parser, namespace, values, option_string)


def _shown(value: Any) -> str:
    return repr(str(value)) if not isinstance(value, str) else repr(value)


def store_once(parser: argparse.ArgumentParser) -> None:
    """Make the one-value options of ``parser`` (``action="store"``) that name what to
    read (:data:`ONCE`) refuse a second, different value.

    Examples
    --------
    >>> p = argparse.ArgumentParser(prog="show", exit_on_error=False)
    >>> _ = p.add_argument("--series"); store_once(p)
    >>> p.parse_args(["--series", "a", "--series", "a"]).series  # the same twice: fine
    'a'
    >>> p.parse_args(["--series", "a", "--series", "b"])
    Traceback (most recent call last):
    ...
    SystemExit: 2
    """
    for action in parser._actions:
        if type(action) is argparse._StoreAction and action.option_strings and action.dest in ONCE:
            action.__class__ = _StoreOnce
