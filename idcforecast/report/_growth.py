"""Growth figures for charts, from a one-series tidy history, via :mod:`idcforecast.growth`."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import numpy as np

if TYPE_CHECKING:
    import pandas as pd


def yoy_percent(hist: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Years and YoY growth in percent, only where the previous year is present.

    Rates across a gap are annualized averages (``annualized``), not observed year-on-year
    changes, so they are left out of the bars.
    """
    from idcforecast.growth import yoy

    if len(hist) < 2:
        return np.array([], dtype=int), np.array([], dtype=float)
    table = yoy(hist[["series_id", "year", "value"]])
    observed = table[~table["annualized"].astype(bool)]
    return observed["year"].to_numpy(dtype=int), 100.0 * observed["yoy"].to_numpy(dtype=float)


def cagr_percent(hist: pd.DataFrame) -> float | None:
    """Compound annual growth, percent, from the first to the last year.

    None when it is undefined (one year only, or a level <= 0), so the chart can omit it.
    """
    from idcforecast.growth import cagr

    values = hist["value"].to_numpy(dtype=float)
    if len(values) < 2 or values[0] <= 0 or values[-1] <= 0:
        return None
    return 100.0 * float(cagr(hist[["series_id", "year", "value"]]))


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
    was published as "more than", ``"at_most"`` when the first was. None when the rate is
    undefined, or bounded neither way (both ends "more than").

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
    if rate is None:
        return None
    first, last = qualifiers(hist.iloc[[0, -1]], what="history")
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
    from idcforecast.growth import _rate_qualifier

    return _rate_qualifier(start, end)
