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

    Examples
    --------
    >>> import pandas as pd
    >>> nonpositive_years(pd.DataFrame({"year": [2017, 2018, 2019], "value": [0.0, 5, -2]}))
    '2017: 0.0, 2019: -2.0'
    """
    rows = hist[~(hist["value"].astype(float) > 0)]
    return ", ".join(
        f"{int(y)}: {float(v):,.1f}" for y, v in zip(rows["year"], rows["value"], strict=True)
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
    figure set the rate, a bound included ("> ~27.1%", "at least about 27.1%").
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
