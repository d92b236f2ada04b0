"""Counts and year spans in messages: "1 observation (2022)", not "1 observations (2022-2022)"."""

from __future__ import annotations

__all__ = ["counted", "year_span"]


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, the noun in the plural unless the count is one.

    Parameters
    ----------
    count
        The number of things.
    noun
        The noun in the singular.
    plural
        The plural when it is not ``noun + "s"``.

    Examples
    --------
    >>> counted(1, "observation"), counted(3, "observation"), counted(0, "year")
    ('1 observation', '3 observations', '0 years')
    >>> counted(1, "entry", "entries"), counted(2, "entry", "entries")
    ('1 entry', '2 entries')
    """
    word = noun if count == 1 else (plural or f"{noun}s")
    return f"{count} {word}"


def year_span(first: int, last: int) -> str:
    """The years ``first`` to ``last`` as text: one year alone, several as a range.

    Examples
    --------
    >>> year_span(2019, 2022), year_span(2022, 2022)
    ('2019-2022', '2022')
    """
    return str(first) if first == last else f"{first}-{last}"
