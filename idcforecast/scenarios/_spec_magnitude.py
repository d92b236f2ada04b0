"""A scenario spec in another magnitude of the series' unit: "USD bn" for a series in "USD",
GW for one in MW. The two differ by a fixed factor only, so the series is rescaled to the
spec's unit (its caps are in it) and simulated there, with a sentence saying so; another
currency, or another kind of unit, is left to :func:`~._spec_checks.check_spec_unit` (an
exchange rate is not a rescale)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# dimensions whose units differ by a magnitude alone, or by a fixed factor (MW and GW):
# shares are left out (a spec's points mean percentage points of its own unit)
RESCALED_DIMENSIONS = frozenset(
    {"money", "power", "energy", "racks", "servers", "compute", "storage", "area", "count"}
)


@dataclass(frozen=True)
class SpecRescale:
    """How a series in ``series_unit`` is read in the spec's ``unit``: values times
    ``factor``; ``note`` says so in a sentence."""

    factor: float
    series_unit: str
    unit: str
    note: str


def spec_magnitude_rescale(series_unit: str | None, spec_unit: str | None) -> SpecRescale | None:
    """The rescale that reads a series in ``series_unit`` in the spec's ``spec_unit`` when
    the two differ by a fixed factor only (the same currency in another magnitude; MW and
    GW); None when they are the same unit, either is missing or unknown, or they differ in
    currency or kind (``simulate`` then refuses the spec, as before).

    Examples
    --------
    >>> rescale = spec_magnitude_rescale("USD", "US$ bn")
    >>> rescale.factor, rescale.unit
    (1e-09, 'USD bn')
    >>> rescale.note[:77], rescale.note[77:]
    ("The spec's figures are in USD billion; the series, read in USD, was rescaled ", \
'to it for the simulation (divided by 1,000,000,000; no exchange rate is involved).')
    >>> spec_magnitude_rescale("USD", "CNY bn"), spec_magnitude_rescale("USD", "USD")
    (None, None)
    >>> spec_magnitude_rescale("MW", "GW").note[-57:]
    'was rescaled to it for the simulation (divided by 1,000).'
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.convert import conversion_factor
    from idcforecast.units.registry import parse_unit

    if not spec_unit or not series_unit:
        return None
    try:
        theirs, mine = parse_unit(series_unit), parse_unit(spec_unit)
    except IdcForecastError:
        return None
    if (
        theirs.canonical == mine.canonical
        or theirs.dimension != mine.dimension
        or theirs.dimension not in RESCALED_DIMENSIONS
        or theirs.per != mine.per
        or (theirs.dimension == "money" and theirs.base != mine.base)  # FX: not a rescale
    ):
        return None
    factor = float(f"{conversion_factor(theirs.canonical, mine.canonical, year=None):.12g}")
    inverse = 1 / factor  # 1e-09 is a division by 1,000,000,000 (999,999,999.99... as float)
    how = (
        f"divided by {round(inverse):,}"
        if factor < 1 and abs(round(inverse) - inverse) < 1e-9 * inverse
        else f"multiplied by {factor:,g}"
    )
    fx = "; no exchange rate is involved" if theirs.dimension == "money" else ""
    from idcforecast.report.style import unit_heading  # the report's unit words

    note = (
        f"The spec's figures are in {unit_heading(mine.canonical)}; the series, read in "
        f"{unit_heading(theirs.canonical)}, was rescaled to it for the simulation ({how}{fx})."
    )
    return SpecRescale(factor, theirs.canonical, mine.canonical, note)


def in_spec_magnitude(history: pd.DataFrame, spec_unit: str | None) -> tuple[pd.DataFrame, str]:
    """``history`` (a tidy frame with a ``unit`` column, one unit) in the scenario spec's
    unit when the two differ by a fixed factor only (:func:`spec_magnitude_rescale`), with
    the sentence that says so; else ``history`` as it is and "".

    Examples
    --------
    >>> import pandas as pd
    >>> usd = pd.DataFrame({"series_id": "s", "year": [2022, 2023],
    ...                     "value": [4.5e9, 5.5e9], "unit": "USD"})
    >>> rescaled, note = in_spec_magnitude(usd, "US$ bn")
    >>> rescaled["value"].tolist(), rescaled["unit"].tolist()
    ([4.5, 5.5], ['USD bn', 'USD bn'])
    >>> in_spec_magnitude(usd, "CNY bn")[1], in_spec_magnitude(usd, "USD")[1]
    ('', '')
    """
    if not spec_unit or "unit" not in history.columns or history["unit"].isna().all():
        return history, ""
    units = set(history["unit"].dropna().astype(str))
    if len(units) != 1:
        return history, ""
    rescale = spec_magnitude_rescale(units.pop(), spec_unit)
    if rescale is None:
        return history, ""
    rescaled = history.copy()
    rescaled["value"] = rescaled["value"].astype(float) * rescale.factor
    rescaled["unit"] = rescale.unit
    return rescaled, rescale.note
