"""The error of a figure ``parse_quantity`` cannot read, naming the form it expects."""

from __future__ import annotations

from idcforecast.errors import ParseError

__all__ = ["figure_error"]


def figure_error(text: str, found: str, **fields: object) -> ParseError:
    """A :class:`ParseError` saying ``text`` is no figure, what was ``found`` and the form
    expected."""
    return ParseError(
        f"cannot read {text!r} as a figure: {found}; expected [qualifier] NUMBER [magnitude] "
        "[unit], e.g. '1,562.5亿元', 'US$70 billion', 'more than 1 million servers'",
        text=text,
        **fields,
    )
