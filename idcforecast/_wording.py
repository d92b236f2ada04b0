"""Words shared by messages and reports: counts and year spans ("1 observation (2022)",
not "1 observations (2022-2022)") and how a qualified figure is marked ("> 880.0")."""

from __future__ import annotations

import math

__all__ = [
    "FX_CONVERTED",
    "FX_GROWTH",
    "counted",
    "figure_text",
    "level_words",
    "qualifier_sign",
    "year_span",
]

# How figures converted between currencies are described, by `show --unit` and the report
FX_CONVERTED = "converted with each year's FX rate"
FX_GROWTH = "growth across currencies includes FX moves"

# How tables and charts mark a figure published as a bound or an approximation ("> 880.0");
# an exact figure has no mark. Prose says it in words: level_words for published levels,
# idcforecast.units.QUALIFIER_WORDS ("at least 27.0%") for rates and parsed quantities.
_SIGNS = {"at_least": ">", "at_most": "<", "approximately": "~"}
_LEVEL_WORDS = {"at_least": "more than ", "at_most": "less than ", "approximately": "about "}


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


def qualifier_sign(qualifier: str | None, *, spaced: bool = True) -> str:
    """The mark of a qualified figure in tables and charts; "" for an exact one.

    Examples
    --------
    >>> qualifier_sign("at_least") + "880.0", qualifier_sign("exact"), qualifier_sign("")
    ('> 880.0', '', '')
    >>> qualifier_sign("approximately", spaced=False) + "27.8%"
    '~27.8%'
    """
    sign = _SIGNS.get(str(qualifier), "")
    return f"{sign} " if sign and spaced else sign


def level_words(qualifier: str | None) -> str:
    """How prose states a published level: "more than ", "less than ", "about " or "".

    Examples
    --------
    >>> level_words("at_least") + "880.0", level_words("exact")
    ('more than 880.0', '')
    """
    return _LEVEL_WORDS.get(str(qualifier), "")


# six digits before the point (as report.excel leaves them without decimals): one decimal
# there is a seventh significant digit, and ".0" on a whole figure only said nothing
_WHOLE_FROM = 100_000.0


def figure_text(x: float) -> str:
    """A level for messages and tables: four significant digits, at least one decimal,
    thousands separated (a fixed one decimal printed 0.36 GW as "0.4"); no ".0" on a
    whole figure of six digits or more, as a level in plain CNY or USD is written
    ("301,270,000,000", not "301,270,000,000.0"; its other decimals are kept).

    Examples
    --------
    >>> figure_text(1562.5), figure_text(3200.0), figure_text(0.36), figure_text(0.17898)
    ('1,562.5', '3,200.0', '0.36', '0.179')
    >>> figure_text(1234567.891), figure_text(0.0), figure_text(-27.84)
    ('1,234,567.9', '0.0', '-27.84')
    >>> figure_text(301270000000.0), figure_text(-100000.0), figure_text(99999.0)
    ('301,270,000,000', '-100,000', '99,999.0')
    """
    if not math.isfinite(x) or x == 0:
        return f"{x:,.1f}"
    from idcforecast._rounding import half_up

    decimals = min(max(1, 3 - math.floor(math.log10(abs(x)))), 12)
    text = half_up(x, decimals)  # a tie half up, as the report rounds it
    while decimals > 1 and text.endswith("0"):  # 0.3600 -> 0.36, never below one decimal
        text, decimals = text[:-1], decimals - 1
    if abs(x) >= _WHOLE_FROM and text.endswith(".0"):
        return text[:-2]
    return text
