"""Growth figures for charts, from a one-series tidy history, via :mod:`idcforecast.growth`."""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def cagr_bound(hist: pd.DataFrame) -> tuple[float, str] | None:
    """:func:`cagr_percent` and how the figures' qualifiers bound it: ``"exact"``,
    ``"at_least"`` (the last figure was published as "more than"), ``"at_most"`` (the
    first was) or ``"approximately"``, as :func:`idcforecast.growth.cagr_bounds` reads
    them. None when the rate is undefined, or bounded neither way (both ends "more than").

    Examples
    --------
    >>> import pandas as pd
    >>> racks = pd.DataFrame({"series_id": "r", "year": [2019, 2024],
    ...                       "value": [265.8, 880.0], "qualifier": ["exact", "at_least"]})
    >>> rate, how = cagr_bound(racks)  # (880 / 265.8) ** (1 / 5) - 1 = 27.05%
    >>> round(rate, 2), how
    (27.05, 'at_least')
    """
    from idcforecast.errors import GrowthError
    from idcforecast.growth import cagr_bounds
    from idcforecast.report._frames import qualifiers
    from idcforecast.units import Quantity

    rate = cagr_percent(hist)
    if rate is None:
        return None
    first, last = qualifiers(hist.iloc[[0, -1]], what="history")
    if first == last == "exact":
        return rate, "exact"
    values = hist["value"].to_numpy(dtype=float)
    span = int(hist["year"].iloc[-1]) - int(hist["year"].iloc[0])
    try:  # the rate does not depend on the unit: both ends as counts
        bounds = cagr_bounds(
            Quantity(float(values[0]), "count", qualifier=first),
            Quantity(float(values[-1]), "count", qualifier=last),
            span,
        )
    except GrowthError:  # "more than" at both ends: no bound either way
        return None
    value = bounds.high if bounds.qualifier == "at_most" else bounds.low
    return 100.0 * value, bounds.qualifier


def rate_qualifier(start: str, end: str) -> str | None:
    """How a growth rate between two figures with these qualifiers is bounded ("exact",
    "at_least", "at_most", "approximately"), as :func:`idcforecast.growth.cagr_bounds`
    reads them; None when it is bounded neither way (both "more than", say). A blank
    qualifier (a forecast year) is exact.

    Examples
    --------
    >>> rate_qualifier("exact", "at_least"), rate_qualifier("at_least", "exact")
    ('at_least', 'at_most')
    >>> rate_qualifier("at_least", "at_least") is None, rate_qualifier("", "exact")
    (True, 'exact')
    """
    from idcforecast.errors import GrowthError
    from idcforecast.growth import cagr_bounds
    from idcforecast.units import Quantity

    start, end = start or "exact", end or "exact"
    if start == end == "exact":
        return "exact"
    try:  # the qualifier of the rate does not depend on the levels: any two will do
        return cagr_bounds(
            Quantity(1.0, "count", qualifier=start), Quantity(2.0, "count", qualifier=end), 1
        ).qualifier
    except GrowthError:
        return None
