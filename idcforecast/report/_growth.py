"""Growth figures for charts, from a one-series tidy history, via :mod:`idcforecast.growth`."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    import pandas as pd
    from numpy.typing import ArrayLike


def yoy_rates(years: ArrayLike, values: ArrayLike) -> np.ndarray:
    """Year-on-year growth in percent at each position of ``years`` (ascending).

    NaN for the first year, where the previous year is not in the data (a gap: a rate
    across it is an annual average, not an observed change), and where this or the
    previous level is at or below zero (a rate from or to such a level is undefined:
    -5 -> 3 is no "-160%"). The other rates stay, so one zero hides only its neighbours'.

    Examples
    --------
    >>> yoy_rates([2017, 2018, 2019, 2021], [0.0, 5.0, 12.0, 20.0]).tolist()
    [nan, nan, 140.0, nan]
    """
    y = np.asarray(years)
    v = np.asarray(values, dtype=float)
    out = np.full(len(v), np.nan)
    if len(v) < 2:
        return out
    defined = (np.diff(y) == 1) & (v[1:] > 0) & (v[:-1] > 0)
    out[1:][defined] = 100.0 * (v[1:][defined] / v[:-1][defined] - 1.0)
    return out


def yoy_percent(hist: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Years and YoY growth in percent where :func:`yoy_rates` defines one (the previous
    year present, both levels positive), as the summary table shows them."""
    years = hist["year"].to_numpy(dtype=int)
    rates = yoy_rates(years, hist["value"].to_numpy(dtype=float))
    shown = ~np.isnan(rates)
    return years[shown], rates[shown]


def cagr_start(values: ArrayLike) -> int | None:
    """Position of the level a compound rate to the latest one starts from: the first of
    the latest run of positive levels (the first level, when all are positive).

    A CAGR from or across a level at or below zero is undefined, so a series that starts
    at 0 (a new market) compounds from its first positive year. None when the latest level
    is at or below zero (no CAGR at all).

    Examples
    --------
    >>> cagr_start([100.0, 110.0]), cagr_start([0.0, 5.0, 12.0]), cagr_start([5.0, 0.0])
    (0, 1, None)
    """
    v = np.asarray(values, dtype=float)
    if not len(v) or not v[-1] > 0:
        return None
    at_or_below = np.flatnonzero(~(v > 0))
    return int(at_or_below[-1]) + 1 if len(at_or_below) else 0


def cagr_start_year(hist: pd.DataFrame) -> int | None:
    """The year :func:`cagr_percent` compounds from; None when there is no CAGR (one
    positive year at the end, or the latest level at or below zero)."""
    start = cagr_start(hist["value"].to_numpy(dtype=float))
    if start is None or start >= len(hist) - 1:
        return None
    return int(hist["year"].iloc[start])


def nonpositive_years(hist: pd.DataFrame) -> str:
    """The years at or below zero with their levels, for prose: "2017: 0.0"; "" if none.
    Each level keeps the decimals it has, at least one: -0.04 is "-0.04" (one decimal
    printed it as "-0.0", a zero).

    Examples
    --------
    >>> import pandas as pd
    >>> nonpositive_years(pd.DataFrame({"year": [2017, 2018, 2019], "value": [0.0, 5, -2]}))
    '2017: 0.0, 2019: -2.0'
    >>> nonpositive_years(pd.DataFrame({"year": [2019], "value": [-0.04]}))
    '2019: -0.04'
    """
    from idcforecast.report._numbers import tick_decimals

    rows = hist[~(hist["value"].astype(float) > 0)]
    return ", ".join(
        f"{int(y)}: {float(v):,.{max(1, tick_decimals([float(v)]))}f}"
        for y, v in zip(rows["year"], rows["value"], strict=True)
    )


def cagr_percent(hist: pd.DataFrame) -> float | None:
    """Compound annual growth, percent, from :func:`cagr_start_year` (the first year when
    every level is positive) to the last year.

    None when it is undefined (one positive year at the end, or the latest level <= 0), so
    the chart can omit it.
    """
    from idcforecast.growth import cagr

    start = cagr_start_year(hist)
    if start is None:
        return None
    rows = hist[hist["year"] >= start]
    return 100.0 * float(cagr(rows[["series_id", "year", "value"]]))


class RateMark(NamedTuple):
    """A growth rate in percent and how its figures' qualifiers bound it.

    ``qualifier`` is ``"exact"``, ``"at_least"`` (a "more than" end), ``"at_most"`` (a
    "more than" start) or ``"approximately"``; ``approximate`` is True when an "about"
    figure set the rate, a bound included ("> ~27.1%", "about 27.1% or more").
    """

    rate: float
    qualifier: str
    approximate: bool = False

    @property
    def sign(self) -> str:
        """The mark before the number in tables and charts: "", "> ", "< ", "~ ", "> ~"."""
        from idcforecast._wording import qualifier_sign

        about = "~" if self.approximate and self.qualifier in ("at_least", "at_most") else ""
        return qualifier_sign(self.qualifier) + about

    def phrase(self, number: str) -> str:
        """``number`` (the rate as printed) with its words in prose: "27.1%", "at least
        27.1%", "about 27.1% or more" (was "at least about 27.1%", two qualifiers stacked).

        Examples
        --------
        >>> RateMark(27.05, "at_least", True).phrase("27.1%")
        'about 27.1% or more'
        >>> RateMark(27.05, "at_most").phrase("27.1%")
        'at most 27.1%'
        """
        if self.approximate and self.qualifier in ("at_least", "at_most"):
            return f"about {number} or {'more' if self.qualifier == 'at_least' else 'less'}"
        return self.words + number

    @property
    def words(self) -> str:
        """The words before the number in prose: "", "at least ", "at least about "..."""
        from idcforecast.units import QUALIFIER_WORDS  # "at least 27.1%" (rates, not levels)

        about = "about " if self.approximate and self.qualifier in ("at_least", "at_most") else ""
        return QUALIFIER_WORDS.get(self.qualifier, "") + about


def cagr_bound(hist: pd.DataFrame) -> RateMark | None:
    """:func:`cagr_percent` and how the figures' qualifiers bound it, as
    :func:`idcforecast.growth.cagr_bounds` reads them: ``"at_least"`` when the last figure
    was published as "more than", ``"at_most"`` when the first (of the rate) was. None when
    the rate is undefined, or bounded neither way (both ends "more than").

    Examples
    --------
    >>> import pandas as pd
    >>> racks = pd.DataFrame({"series_id": "r", "year": [2019, 2024],
    ...                       "value": [265.8, 880.0], "qualifier": ["exact", "at_least"]})
    >>> mark = cagr_bound(racks)  # (880 / 265.8) ** (1 / 5) - 1 = 27.05%
    >>> round(mark.rate, 2), mark.qualifier, mark.sign
    (27.05, 'at_least', '> ')
    """
    from idcforecast.report._frames import qualifiers

    rate = cagr_percent(hist)
    start = cagr_start(hist["value"].to_numpy(dtype=float))
    if rate is None or start is None:
        return None
    first, last = qualifiers(hist.iloc[[start, -1]], what="history")
    how = rate_qualifier(first, last)
    return None if how is None else RateMark(rate, *how)


def rate_qualifier(start: str, end: str) -> tuple[str, bool] | None:
    """How a growth rate between two figures with these qualifiers is bounded:
    ``(qualifier, approximate)`` as :func:`idcforecast.growth.cagr_bounds` reads them;
    None when it is bounded neither way (both "more than", say). A blank qualifier (a
    forecast year) is exact.

    Examples
    --------
    >>> rate_qualifier("exact", "at_least"), rate_qualifier("at_least", "exact")
    (('at_least', False), ('at_most', False))
    >>> rate_qualifier("at_least", "at_least") is None, rate_qualifier("", "exact")
    (True, ('exact', False))
    """
    from idcforecast.growth_bounds import _rate_qualifier

    return _rate_qualifier(start, end)


# A series in percent (a share: 1.5% -> 3.0% of electricity) changes by percentage points:
# its growth rate (+100%, a "CAGR" of 9.1%) reads as the growth of the thing it is a share
# of. Such series, and series of pp or bp, get their changes in this unit instead.
CHANGE_UNITS = {"%": "pp", "pp": "pp", "bp": "bp"}
CHANGE_WORDS = {"pp": "percentage points", "bp": "basis points"}


def change_unit(unit: object, history_max: float | None = None) -> str | None:
    """The unit a series' changes are reported in when a growth rate of it would mislead:
    "pp" for a series in percent that may be a share, "pp" or "bp" for one in pp or bp;
    None for every other unit (its growth is a rate).

    ``history_max`` is the series' largest observed value (None: not known). A series in
    percent whose history passed 100% is no share (``idcforecast._shares.may_be_share``, the
    rule ``scenario_table`` and the scenarios command follow): its growth is a rate too.

    Examples
    --------
    >>> change_unit("%"), change_unit("percent"), change_unit("bp"), change_unit("CNY 100m")
    ('pp', 'pp', 'bp', None)
    >>> change_unit("%", history_max=64.0), change_unit("%", history_max=262.0)
    ('pp', None)
    """
    from idcforecast._shares import may_be_share
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import canonical_unit

    if not isinstance(unit, str) or not unit.strip():
        return None
    try:
        canonical = canonical_unit(unit)
    except IdcForecastError:
        return None
    if canonical == "%" and not may_be_share(unit, history_max):
        return None  # a ratio in percent that was past 100%: no share
    return CHANGE_UNITS.get(canonical)


def series_kind(unit: object) -> str:
    """What a series of percent, pp or bp is, for prose: "a percentage", "in percentage
    points", "in basis points".

    Examples
    --------
    >>> series_kind("%"), series_kind("pp"), series_kind("bps")
    ('a percentage', 'in percentage points', 'in basis points')
    """
    from idcforecast.units import canonical_unit

    return "a percentage" if is_percent(unit) else f"in {CHANGE_WORDS[canonical_unit(str(unit))]}"


def is_percent(unit: object) -> bool:
    """Whether ``unit`` is percent ("%", "percent"), not pp or bp.

    Examples
    --------
    >>> is_percent("%"), is_percent("percent"), is_percent("pp"), is_percent("MW")
    (True, True, False, False)
    """
    from idcforecast.units import canonical_unit

    return change_unit(unit) is not None and canonical_unit(str(unit)) == "%"


def history_change_unit(hist: pd.DataFrame) -> str | None:
    """:func:`change_unit` of a one-series history's unit and peak (None without a unit
    column)."""
    from idcforecast.report._frames import first_unit

    return change_unit(first_unit(hist), history_peak(hist))


def history_peak(hist: pd.DataFrame) -> float | None:
    """The largest value of a history frame; None when it has none (no rows, all NaN).

    Examples
    --------
    >>> import pandas as pd
    >>> history_peak(pd.DataFrame({"value": [80.0, 262.0, 230.0]}))
    262.0
    """
    values = hist["value"].astype(float) if "value" in hist.columns else None
    if values is None or values.isna().all():
        return None
    return float(values.max())


def yoy_changes(years: ArrayLike, values: ArrayLike) -> np.ndarray:
    """The change from the previous year at each position of ``years`` (ascending), in the
    levels' unit; NaN for the first year and where the previous year is not in the data.

    Unlike a growth rate, a change is defined from and to any level (a share of 0%).

    Examples
    --------
    >>> yoy_changes([2017, 2018, 2019, 2021], [1.5, 1.75, 1.5, 3.0]).tolist()
    [nan, 0.25, -0.25, nan]
    """
    y = np.asarray(years)
    v = np.asarray(values, dtype=float)
    out = np.full(len(v), np.nan)
    if len(v) < 2:
        return out
    consecutive = np.diff(y) == 1
    out[1:][consecutive] = (v[1:] - v[:-1])[consecutive]
    return out


def change_bound(hist: pd.DataFrame) -> RateMark | None:
    """The change from the first to the last level of a one-series history (in its unit:
    percentage points for a series in percent) and how the figures' qualifiers bound it,
    as :func:`cagr_bound` bounds a rate; None with fewer than two years or when both ends'
    bounds leave it open.

    Examples
    --------
    >>> import pandas as pd
    >>> share = pd.DataFrame({"series_id": "s", "year": [2018, 2023], "value": [1.9, 4.4],
    ...                       "qualifier": ["exact", "at_least"]})
    >>> mark = change_bound(share)  # 4.4 - 1.9 = 2.5 (pp), at least: 4.4 is "more than"
    >>> round(mark.rate, 6), mark.qualifier, mark.sign
    (2.5, 'at_least', '> ')
    """
    from idcforecast.report._frames import qualifiers

    if len(hist) < 2:
        return None
    values = hist["value"].to_numpy(dtype=float)
    first, last = qualifiers(hist.iloc[[0, -1]], what="history")
    how = rate_qualifier(first, last)
    return None if how is None else RateMark(float(values[-1] - values[0]), *how)


def signed(value: float, decimals: int) -> str:
    """A change with its sign: "+1.50", "-0.25", "0.00".

    Examples
    --------
    >>> signed(1.5, 2), signed(-0.25, 2), signed(0.0, 1), signed(1234.5, 1)
    ('+1.50', '-0.25', '0.0', '+1,234.5')
    """
    text = f"{float(value):+,.{decimals}f}"
    return text[1:] if float(text.replace(",", "")) == 0 else text
