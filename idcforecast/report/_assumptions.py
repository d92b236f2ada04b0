"""The report's list of assumptions: scope, currency and FX, extrapolation, what the
intervals rest on, derived and missing years."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast._history_notes import computed_by_formula
from idcforecast.errors import IdcForecastError

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import CalibrationEvidence


def _is_money(history: pd.DataFrame) -> bool:
    """True when the series is an amount in a currency (or a price: "USD/kW"), so that
    inflation and exchange rates matter; not for racks, MW, TWh, % or an exchange rate."""
    from idcforecast.units import parse_unit

    if "unit" not in history.columns or not len(history):
        return False
    try:
        return parse_unit(str(history["unit"].iloc[0])).currency is not None
    except IdcForecastError:  # a unit the registry cannot read: not known to be money
        return False


def assumptions(
    history: pd.DataFrame, fc: pd.DataFrame, evidence: CalibrationEvidence | None = None
) -> tuple[str, ...]:
    """The assumptions section's items, in order: the scope, the currency (money only:
    nominal, or converted at each year's FX rate), the extrapolation, what the intervals
    rest on (``evidence``: the cutoffs the calibration could score), and the derived and
    missing years when there are any. ``fc`` is the report's forecast (not read yet: the
    items depend on the history alone)."""
    years = history["year"].astype(int).tolist()
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    derived = (
        history.loc[history["derived"].astype(bool), "year"].astype(int).tolist()
        if "derived" in history.columns
        else []
    )
    scopes = (
        [s for s in history["scope"].astype(str).unique() if s.strip() and s != "nan"]
        if "scope" in history.columns
        else []
    )
    nominal = _fx_assumption(history) or (
        "Nominal currency as published: no inflation or exchange-rate adjustment."
    )
    items = [
        _scope_assumption(scopes),
        *([nominal] if _is_money(history) else []),
        "The forecast extrapolates the series' own history; it assumes no break (policy, "
        "AI demand, oversupply) beyond what the past errors of such forecasts imply.",
        _interval_assumption(evidence, observed=len(years), positive=_all_positive(history)),
    ]
    if derived:
        items.append(
            "Years not published but "
            + (
                "computed by the workbook's formulas"
                if computed_by_formula(history)
                else "derived from a neighbouring year's reported growth"
            )
            + " ("
            + ", ".join(map(str, derived))
            + ") are used like published years."
        )
    if missing:
        items.append(
            "Years with no figure ("
            + ", ".join(map(str, missing))
            + ") stay gaps in the tables and charts; the model fills them only for fitting "
            "(see the methodology note)."
        )
    return tuple(items)


def _scope_assumption(scopes: list[str]) -> str:
    """What the series counts, and what it must not be compared with. "Up to 3x" is a fact
    about the China IDC market's four bundled scopes (data/README.md): it is said of those,
    and of no other market (it was said of hyperscale data-center counts too)."""
    if not scopes:  # without a stated scope this used to read "One scope only (one)."
        return (
            "The data do not state the market's scope (what is counted); compare the series "
            "only with figures of the same scope: published sizes of one market can differ "
            "several-fold by what they count (the China IDC market's four scopes, up to 3x "
            "for the same year)."
        )
    if set(scopes) <= _china_idc_scopes():
        named = ", ".join(
            f"{scope}: {_CHINA_IDC_SCOPE_WORDS[scope]}"
            if scope in _CHINA_IDC_SCOPE_WORDS
            else scope
            for scope in scopes
        )
        return (
            f"One scope only ({named}). Other definitions of the same market "
            "differ by up to 3x for the same year and are never mixed into this series."
        )
    return (
        f"One scope only ({', '.join(scopes)}). Figures of another scope (another "
        "definition of what is counted) are never mixed into this series; compare it only "
        "with figures of the same scope."
    )


# What each bundled China IDC scope counts (data/README.md, "Scope warning"): the report
# named "cidc_overall" and "CIDC" without saying what either is
_CHINA_IDC_SCOPE_WORDS = {
    "cidc_overall": (
        "the IDC business market as CIDC, the China IDC Circle consultancy, counts it, "
        "cloud IaaS/PaaS included"
    ),
    "cidc_traditional": "CIDC's traditional IDC, hosting and colocation only",
    "caict": "the data-center market as CAICT and MIIT count it, narrower than CIDC's",
    "idc_corp": "International Data Corporation's China data-center services, the narrowest",
}


def _china_idc_scopes() -> set[str]:
    """The scopes of the bundled China IDC market series (cidc_overall, caict...)."""
    from idcforecast.datasets import load_dataset

    return set(load_dataset("china_idc_market")["scope"].astype(str))


def _all_positive(history: pd.DataFrame) -> bool:
    """Every value above zero: gap years are then filled log-linearly, else linearly (the
    rule of ``idcforecast._series.prepare_values``)."""
    return bool((history["value"].astype(float) > 0).all())


def _interval_assumption(
    evidence: CalibrationEvidence | None, observed: int | None = None, positive: bool = True
) -> str:
    """What the intervals take for granted, by what the calibration could measure.

    ``observed`` is the number of published figures; fewer than ``evidence.points`` (the
    years fitted) when gap years were filled for fitting: both are said ("4 figures over 6
    years", where "6 years of history" counted the 2 filled years as history). ``positive``:
    every value above zero, so the gaps were filled log-linearly (else linearly).

    Examples
    --------
    >>> from idcforecast.report.context import CalibrationEvidence
    >>> _interval_assumption(CalibrationEvidence(points=4, min_train=4))[:62]
    'No earlier forecast of this series could be scored, so the int'
    >>> text = _interval_assumption(CalibrationEvidence(points=6, min_train=4), observed=4)
    >>> text.split("error); ")[1]
    'with 4 figures over 6 years of history (2 gap years filled log-linearly, for fitting \
only) they are themselves uncertain.'
    """
    from idcforecast._wording import counted

    if evidence is not None and evidence.cutoffs == 0:
        history = counted(evidence.points, "year")
        if observed is not None and 0 < observed < evidence.points:
            gaps = evidence.points - observed
            how = "log-linearly" if positive else "linearly"
            history = (
                f"{counted(observed, 'figure')} over {history} of history ("
                f"{counted(gaps, 'gap year')} filled {how}, for fitting only)"
            )
        else:
            history += " of history"
        return (
            "No earlier forecast of this series could be scored, so the intervals assume "
            "future forecast errors are of the size of the series' past annual changes (a "
            f"prior, not a measured error); with {history} they are themselves uncertain."
        )
    scored = (
        f" ({counted(evidence.cutoffs, 'earlier cutoff')} scored)" if evidence is not None else ""
    )
    return (
        "The intervals assume future forecast errors resemble this series' past rolling-origin "
        f"errors{scored}; with few years of history they are themselves uncertain."
    )


def _fx_assumption(history: pd.DataFrame) -> str:
    """What converting figures between currencies at read time assumes ("" when none was):
    the FX rate of each figure's year, and growth that includes FX moves (the wording of
    ``idcforecast show --unit``)."""
    from idcforecast._history_notes import fx_file_label
    from idcforecast._wording import FX_CONVERTED, FX_GROWTH
    from idcforecast.report._frames import fx_conversions, published_currencies
    from idcforecast.report.style import unit_label

    converted = fx_conversions(history)
    if not converted:
        return ""
    years = sorted(converted)
    if len(years) == len(history):
        which = "every figure was"
    elif len(years) == 1:
        which = f"the figure of {years[0]} was"
    elif years == list(range(years[0], years[-1] + 1)):
        which = f"the figures of {years[0]}-{years[-1]} were"
    else:
        which = f"the figures of {', '.join(map(str, years[:-1]))} and {years[-1]} were"
    published = published_currencies(converted)
    unit = unit_label(str(history["unit"].iloc[0]))
    notes = history["note"] if "note" in history.columns else []
    files = sorted({f for f in map(fx_file_label, notes) if f is not None})
    # named as an installed package has it: data/fx_rates.csv exists only in a checkout
    table = "the bundled FX table fx_rates (idcforecast datasets fx_rates lists it)"
    if files:  # read with idcforecast.use_fx_rates / --fx-rates
        table = f"the user's FX file {' and '.join(files)} where it has the rate, else {table}"
    return (
        f"Nominal currency, converted into {unit}: {which} published in {published} and "
        f"{FX_CONVERTED} (the annual average of the figure's year, from {table}; each rate "
        "is in Sources). No inflation adjustment. "
        f"{FX_GROWTH[0].upper()}{FX_GROWTH[1:]}: a growth rate in {unit} mixes the market's "
        f"growth with the exchange rate's moves, and the forecast extrapolates both."
    )
