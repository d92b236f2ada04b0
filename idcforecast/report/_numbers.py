"""How the report prints levels: decimals chosen once from the series' magnitude.

A fixed one decimal (tables) or none (cards, chart labels) printed a USD bn series of
0.31-0.69 as "0.3", "0.4", "0.4" and a 2030 central value of 1.194 as "1". The report
now picks its decimals from the figures it shows (:class:`LevelFormat`), so a table's
column has one number of decimals throughout and a large series (CNY 100 million, MW in
the hundreds) prints as before: one decimal in tables, none in cards and on charts.

Examples
--------
>>> big = LevelFormat.for_values([210.5, 5078.3, 10297.7])
>>> big.text(5078.3), big.short(10297.7)
('5,078.3', '10,298')
>>> small = LevelFormat.for_values([0.31, 0.69, 1.194])
>>> small.text(0.352), small.short(1.194)
('0.352', '1.19')
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from idcforecast._rounding import half_up

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = [
    "LevelFormat",
    "claim_text",
    "exact_text",
    "half_up",
    "published_decimals",
    "published_values",
    "qualified_claim_text",
    "set_level_ticks",
    "span_text",
    "tick_decimals",
    "unsigned_zero",
    "whole_counts",
]

_MAX_DECIMALS = 6


@dataclass(frozen=True)
class LevelFormat:
    """The decimals of a report's levels.

    Attributes
    ----------
    decimals
        Tables and prose: four significant digits for the largest figure, at least two
        for the smallest non-zero one, never fewer than one decimal (the report's
        "5,078.3").
    short_decimals
        Headline cards and chart labels: three significant digits for the largest figure
        (at least two for the smallest), none for a figure of 100 or more ("10,298").
    """

    decimals: int = 1
    short_decimals: int = 0

    @classmethod
    def for_values(
        cls,
        values: Iterable[Any],
        *,
        whole: bool = False,
        published: Iterable[Any] | None = None,
        unit: str = "",
    ) -> LevelFormat:
        """The format for a report showing ``values`` (NaN, inf and zeros are ignored);
        ``whole``: they are counts of things (:func:`whole_counts`), printed without
        decimals, forecasts included ("1,945" data centers, not "1,944.5"); ``published``:
        the figures as published (:func:`published_values`), whose decimals
        (:func:`published_decimals`) every level then takes when they are fewer, in any
        unit: a share in percent "3.0 percent" as published, not "3.000 percent"; a market
        published in whole USD million "655", not "655.0" (whole numbers keep two
        significant digits on the smallest figure: "3.0" beside "12.4"); a share computed
        in a spreadsheet, 33.333333, keeps the rule's two. An empty ``published`` (every
        figure derived) leaves the rule alone. A series whose ``unit`` is %, pp or bp keeps
        at least one decimal ("20.0 percent"): its changes in points are shown too, and
        whole points rounded each year's +1.4 to "+1" and the next's +1.6 to "+2".

        Examples
        --------
        >>> LevelFormat.for_values([45.0, 168.0, 289.0])
        LevelFormat(decimals=1, short_decimals=0)
        >>> LevelFormat.for_values([0.31, 0.69, 1.194])  # 4 and 3 digits on 1.194
        LevelFormat(decimals=3, short_decimals=2)
        >>> LevelFormat.for_values([0.004, 2.0])  # 0.004 keeps two digits: 0.0040
        LevelFormat(decimals=4, short_decimals=4)
        >>> LevelFormat.for_values([float("nan"), 0.0])
        LevelFormat(decimals=1, short_decimals=0)
        >>> LevelFormat.for_values([597.0, 1136.0, 1944.53], whole=True).text(1944.53)
        '1,945'
        >>> LevelFormat.for_values([3.0, 5.6, 9.164], published=[3.0, 5.6]).text(9.164)
        '9.2'
        >>> LevelFormat.for_values([33.333333, 41.7], published=[33.333333, 41.7])
        LevelFormat(decimals=2, short_decimals=1)
        >>> LevelFormat.for_values([580.0, 655.0, 1156.7], published=[580.0, 655.0]).text(655)
        '655'
        >>> LevelFormat.for_values([12.0, 20.0, 21.4], published=[12.0, 20.0], unit="%")
        LevelFormat(decimals=1, short_decimals=1)
        """
        if whole:
            return cls(decimals=0, short_decimals=0)
        sizes = [abs(float(v)) for v in values]
        sizes = [s for s in sizes if math.isfinite(s) and s > 0]
        if not sizes:
            return cls()
        top = math.floor(math.log10(max(sizes)))
        bottom = math.floor(math.log10(min(sizes)))
        floor = 1 - bottom  # decimals that keep two significant digits on the smallest
        decimals = min(_MAX_DECIMALS, max(1, 3 - top, floor))
        short = min(_MAX_DECIMALS, max(0, 2 - top, floor))
        points = [float(v) for v in (published if published is not None else ())]
        points = [v for v in points if math.isfinite(v)]
        if points:  # no more than published (nor than the rule: 33.333333)
            from idcforecast.report._growth import change_unit

            shown = published_decimals(points, least=0 if change_unit(unit) is None else 1)
            # whole numbers: still two significant digits on the smallest ("3.0", "12.4")
            decimals = min(decimals, shown if shown else max(0, floor))
            short = min(short, decimals)
        return cls(decimals=decimals, short_decimals=short)

    def keeping_digits(self, values: Iterable[Any], digits: int = 3) -> LevelFormat:
        """This format with decimals enough for ``digits`` significant digits on the
        largest finite one of ``values`` (in size) when it is below 1 (unchanged when it
        is 1 or more, zero or absent): scenario medians of 0.64-0.78 TWh, on a series
        published with one decimal, printed "0.6" and "0.8", a figure to one digit. The
        largest, not the smallest: a median near 0 beside one of 0.9 would give the table
        six decimals. Never more than six decimals.

        Examples
        --------
        >>> LevelFormat(1, 1).keeping_digits([0.643, 0.776])
        LevelFormat(decimals=3, short_decimals=3)
        >>> LevelFormat(2, 2).keeping_digits([0.902, 1.194])  # 1.19 has three already
        LevelFormat(decimals=2, short_decimals=2)
        >>> LevelFormat(1, 0).keeping_digits([0.0, float("nan")])
        LevelFormat(decimals=1, short_decimals=0)
        >>> LevelFormat(4, 4).keeping_digits([0.5])  # never fewer decimals than before
        LevelFormat(decimals=4, short_decimals=4)
        """
        sizes = [abs(float(v)) for v in values]
        sizes = [s for s in sizes if math.isfinite(s)]
        largest = max(sizes, default=0.0)
        if not 0 < largest < 1:
            return self
        needed = min(_MAX_DECIMALS, digits - 1 - math.floor(math.log10(largest)))
        return LevelFormat(
            decimals=max(self.decimals, needed), short_decimals=max(self.short_decimals, needed)
        )

    def text(self, value: float) -> str:
        """``value`` for tables and prose: "5,078.3", "0.352"."""
        return unsigned_zero(half_up(value, self.decimals))

    def short(self, value: float) -> str:
        """``value`` for cards and chart labels: "10,298", "1.19"."""
        return unsigned_zero(half_up(value, self.short_decimals))


def unsigned_zero(text: str) -> str:
    """A printed number without the minus of a negative value that rounds to zero ("-0",
    "-0.0" read as a loss).

    Examples
    --------
    >>> unsigned_zero("-0.0"), unsigned_zero("-0"), unsigned_zero("-0.1"), unsigned_zero("0")
    ('0.0', '0', '-0.1', '0')
    """
    return text[1:] if text.startswith("-") and not text.strip("-0.,") else text


# units that count whole things: a plain count (data centers), racks, servers
_COUNTED = frozenset({"count", "racks", "servers"})


def whole_counts(values: Iterable[Any], unit: str) -> bool:
    """Whether levels in ``unit`` are counted things to print as whole numbers: the unit
    counts things (a plain count, racks, servers) without a magnitude word or a rate, and
    every one of ``values`` (the published history) is a whole number. A count of 1,136
    printed as "1,136.0" claimed a precision no count has; "racks 10k" (880.5 ten thousand
    racks) and a measure such as MW keep their decimals.

    Examples
    --------
    >>> whole_counts([597.0, 992.0, 1136.0], "count"), whole_counts([880.0], "racks 10k")
    (True, False)
    >>> whole_counts([597.0, 992.5], "count"), whole_counts([800.0], "MW")
    (False, False)

    No unit is no count (``parse_unit("")`` reads as one): a table without a unit keeps
    the decimals its figures need, "9.4", not a count's "9".

    >>> whole_counts([3.0, 5.0, 8.0], ""), whole_counts([3.0, 5.0], "nan")
    (False, False)
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    if str(unit).strip().lower() in ("", "nan", "none", "<na>"):
        return False
    try:
        parsed = parse_unit(str(unit))
    except IdcForecastError:
        return False
    if parsed.dimension not in _COUNTED or parsed.magnitude is not None or parsed.per:
        return False
    numbers = [float(v) for v in values]
    return bool(numbers) and all(math.isfinite(v) and v == round(v) for v in numbers)


def published_decimals(values: Iterable[Any], *, least: int = 1) -> int:
    """The decimals the figures were published with: the fewest (at least ``least``, at
    most six) that print each finite one of ``values`` exactly. A share published as 3.0,
    3.4 and 5.6 percent has one; 0.25 and 1.75 percent two; 655 and 720 USD million none
    (with ``least=0``).

    Examples
    --------
    >>> published_decimals([3.0, 3.4, 5.6]), published_decimals([0.25, 1.75])
    (1, 2)
    >>> published_decimals([12.0, 15.0]), published_decimals([1 / 3])
    (1, 6)
    >>> published_decimals([655.0, 720.0], least=0)
    0
    """
    points = [float(v) for v in values if math.isfinite(float(v))]
    for decimals in range(least, _MAX_DECIMALS):
        if all(abs(round(v, decimals) - v) <= 1e-9 * max(1.0, abs(v)) for v in points):
            return decimals
    return _MAX_DECIMALS


def claim_text(value: float, figures: LevelFormat, *, least: int = 0) -> str:
    """A claimed figure as published, for the track-record table and chart: its own
    decimals ("3,200", "3,200.5", a 3.25 percent claim "3.25" beside a share published
    with one decimal, which the history's decimals printed "3.2"), at least ``least``
    and at most four significant digits or the report's table decimals, whichever keep
    more: a figure converted from another currency (2,902.86) prints "2,902.9".

    Examples
    --------
    >>> one = LevelFormat(decimals=1, short_decimals=0)
    >>> claim_text(3200.0, one), claim_text(3200.5, one), claim_text(3.25, one)
    ('3,200', '3,200.5', '3.25')
    >>> claim_text(2902.86, one), claim_text(1234.56789, one), claim_text(0.125, one)
    ('2,902.9', '1,234.6', '0.125')
    """
    value = float(value)
    if not math.isfinite(value):
        return f"{value:,}"
    own = published_decimals([value], least=0)
    digits = 0 if value == 0 else max(0, 3 - math.floor(math.log10(abs(value))))
    decimals = max(least, min(own, max(figures.decimals, digits)))
    return unsigned_zero(half_up(value, decimals))


def qualified_claim_text(qualifier: str | None, value: float, figures: LevelFormat) -> str:
    """A published forecast as the track-record table and chart both print it: its mark
    ("> ", "< ", "~ ") and :func:`claim_text`. The chart labelled a "more than 4" percent
    claim ">4.0" beside the table's "> 4".

    Examples
    --------
    >>> one = LevelFormat(decimals=1, short_decimals=1)
    >>> qualified_claim_text("at_least", 4.0, one), qualified_claim_text("exact", 3.25, one)
    ('> 4', '3.25')
    >>> qualified_claim_text("at_least", 3200.5, LevelFormat(decimals=1, short_decimals=0))
    '> 3,200.5'
    """
    from idcforecast._wording import qualifier_sign

    return qualifier_sign(str(qualifier)) + claim_text(value, figures)


def published_values(history: pd.DataFrame) -> list[float]:
    """The levels of ``history`` as published: its values without the rows marked
    ``derived`` (computed by the data's compiler, "518.6 / 1.393 = 372.29", whose decimals
    are no publication's).

    Examples
    --------
    >>> import pandas as pd
    >>> published_values(pd.DataFrame({"value": [946.07, 1228.0], "derived": [True, False]}))
    [1228.0]
    """
    values = history["value"]
    if "derived" in history.columns:
        values = values[~history["derived"].fillna(False).astype(bool)]
    return [float(v) for v in values]


def exact_text(value: float) -> str:
    """A round number (a threshold) with the decimals it has, thousands separated: never
    rounded to look like another ("P(> 0.83)" and "P(> 1.1)", not "P(> 1)" twice).

    Examples
    --------
    >>> exact_text(9600.0), exact_text(0.83), exact_text(1.1), exact_text(14000.0)
    ('9,600', '0.83', '1.1', '14,000')
    """
    return f"{float(value):,.{tick_decimals([value])}f}"


def span_text(low: str, high: str, *, dash: str = "-") -> str:
    """A range of two printed numbers: "3,917-27,071" (``dash="–"`` in tables:
    "3,917–27,071"), and "-0.44 to 9.93" when an end is negative ("-0.44-9.93" read as a
    subtraction, or as two negative numbers).

    Examples
    --------
    >>> span_text("3,917", "27,071"), span_text("-0.44", "9.93"), span_text("-4.6", "-1.2")
    ('3,917-27,071', '-0.44 to 9.93', '-4.6 to -1.2')
    >>> span_text("3,917", "27,071", dash="–"), span_text("-6.51", "6.01", dash="–")
    ('3,917–27,071', '-6.51 to 6.01')
    """
    negative = low.lstrip("<>~ ").startswith("-") or high.lstrip("<>~ ").startswith("-")
    return f"{low} to {high}" if negative else f"{low}{dash}{high}"


def tick_decimals(values: Iterable[float]) -> int:
    """The fewest decimals (up to 8) that print each of ``values`` exactly and tell them
    apart: axis ticks 0, 0.5, 1, 1.5 need one ("0.0", "0.5"...), 0, 5,000, 10,000 none.

    Examples
    --------
    >>> tick_decimals([0.0, 0.5, 1.0, 1.5]), tick_decimals([0, 5000, 10000])
    (1, 0)
    >>> tick_decimals([0.0, 0.25, 0.5]), tick_decimals([0.1, 0.2, 0.3])
    (2, 1)
    """
    points = [float(v) for v in values if math.isfinite(float(v))]
    if not points:
        return 0
    scale = max(max(abs(v) for v in points), 1e-12)
    for decimals in range(9):
        shown = [round(v, decimals) for v in points]
        exact = all(abs(s - v) <= 1e-9 * scale for s, v in zip(shown, points, strict=True))
        if exact and len({f"{s:.{decimals}f}" for s in shown}) == len(set(points)):
            return decimals
    return 8


def set_level_ticks(ax: Axes) -> None:
    """Value-axis tick labels with thousands separators and as many decimals as the ticks
    need (:func:`tick_decimals`): labels never repeat ("0, 0, 1, 1, 2, 2" on a 0-2 axis)."""
    from matplotlib.ticker import Formatter

    class _Levels(Formatter):
        decimals = 0

        def set_locs(self, locs: Any) -> None:
            super().set_locs(locs)
            self.decimals = tick_decimals(locs)

        def __call__(self, x: float, pos: int | None = None) -> str:
            return f"{x:,.{self.decimals}f}"

    ax.yaxis.set_major_formatter(_Levels())
