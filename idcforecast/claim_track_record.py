"""How published level forecasts fared against what happened.

Rate claims (growth, CAGR) are judged by :func:`idcforecast.check_claims`, which compares
the level a rate implies with the actual; here each published *level* is set beside the
realised value of its subject in its year.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from idcforecast._claim_history import (
    History,
    checked_tolerance,
    claim_interval,
    interval_gap,
    level_in,
    outcome,
    series_history,
)
from idcforecast._claim_published import published_figure
from idcforecast.claims import read_claims
from idcforecast.errors import IncompatibleUnitsError, MissingFxRateError
from idcforecast.units.convert import DEFAULT_KW_PER_RACK

__all__ = ["track_record"]

# the verdict of a realised claim, by its outcome (True, False, None: open)
_VERDICTS = {True: "held", False: "missed", None: "open"}

_COLUMNS = [
    "claim_set",
    "claim_id",
    "by",
    "made",
    "subject",
    "year",
    "horizon",
    "forecast",
    "qualifier",
    "value",
    "low",
    "high",
    "unit",
    "published",
    "actual",
    "actual_qualifier",
    "actual_derived",
    "error",
    "log_error",
    "direction",
    "held",
    "verdict",
    "status",
]


def track_record(
    forecasts: Any = None,
    actuals: Any = None,
    *,
    tolerance: float | str = 0.05,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Each published level forecast beside its realised value.

    Parameters
    ----------
    forecasts
        Claims as :func:`idcforecast.claims.read_claims` accepts them; only level claims
        are used. Default: the bundled ``published_forecasts`` dataset.
    actuals
        A tidy frame (``series_id, year, value``; ``unit``, ``qualifier``, ``derived`` when
        present), a year-indexed Series (the actuals of the forecasts' one subject, its
        unit in ``attrs["unit"]``) or ``"bundled"`` (default: each subject's bundled
        series). A forecast
        matches the actual whose ``series_id`` is its ``subject``, in its ``year``. Claims
        are converted to the actuals' unit; actuals without one are read in the unit of
        the subject's first level claim (as :func:`idcforecast.check_claims` reads them).
    tolerance
        How close an ``exact`` or ``approximately`` forecast must come (relative: 0.05,
        or "5%") to count as ``held``. Bounds ("more than 3200.5") hold when the actual is
        inside them; a range ("3,000-3,400亿元") when the actual is inside it or within
        ``tolerance`` of an end. Against an actual published as a bound ("more than
        4,000") a claim holds when it would at every level the bound allows, misses when
        at none, and is otherwise open (``held`` NA, ``verdict`` "open").
    kw_per_rack
        Power of one standard rack in kW (default 2.5, MIIT's standard rack), used only
        for a forecast in power (MW) against actuals in racks, or the reverse; such a
        forecast's ``published`` column holds it as published ("13,000 MW").
    encoding
        Text encoding of a ``forecasts`` ``.csv`` or ``.toml`` file (default UTF-8;
        ``"gb18030"`` for a CSV saved by Excel on Chinese Windows).

    Returns
    -------
    DataFrame
        One row per level claim: ``claim_set, claim_id, by, made, subject, year, horizon``
        (target year minus the year made; < 0 for a figure restated after the fact),
        ``forecast`` (horizon >= 0: a figure for the year it was published in counts, as
        that year's actual comes only after it ends), ``qualifier, value, low, high,
        unit`` (in the subject's unit, but for a forecast not yet due in a currency the FX
        table has no rate for in its year, which keeps its own; ``low``/``high`` are the
        ends of a range, whose
        midpoint is ``value``, and NaN for one figure), ``published`` (a level converted
        from another currency as published, "46 USD bn", at its year's FX rate; "" when
        it was not converted between currencies, or between power and racks),
        ``actual, actual_qualifier, actual_derived`` (True when the actual was computed,
        not published), ``error`` (value / actual - 1, a fraction: -0.209 is 20.9%
        below the actual; was ``error_pct``, a name that promised percent),
        ``log_error`` (log(value / actual)), ``direction`` ("undershoot", "overshoot",
        "exact", or "undetermined" when the actual is a bound that leaves it open: a
        claim at or above an actual published as "more than 4,000" may still be below the
        true value), ``held`` (True, False, or NA: no actual, or an actual that leaves
        the outcome open), ``verdict`` ("held", "missed", "open" when the actual is a
        bound that the claim may or may not meet: 4,800 against "more than 4,000" held
        if the true value was at most 4,800 / 0.95 = 5,052.6 at a 5% tolerance, and
        missed above; "" when there is no actual) and ``status`` ("realised", or why
        there is no actual). Error columns are NaN exactly when ``status`` is not
        "realised". A range is judged by its ends, not its midpoint:
        ``error`` is 0 and ``direction`` "inside" when
        the actual lies in the range, else the error of the nearer end (the high end
        undershooting, the low end overshooting).

    Raises
    ------
    UnknownSubjectError
        A forecast whose subject is not in the actuals.
    DataError
        A ``forecasts`` file that is not ``encoding`` text (naming the encoding to pass).

    Examples
    --------
    >>> record = track_record()
    >>> row = record.set_index("claim_id").loc["cidc_2019_2020_report/level_2022"]
    >>> row.direction, round(float(row.error), 3), bool(row.held), int(row.horizon)
    ('undershoot', -0.208, True, 2)
    """
    # any real number but a bool, or percent text ("5%"), as check_claims takes it (a
    # numpy float32 from a frame was refused as "found np.float32(0.05)", and False was
    # read as a tolerance of 0)
    tolerance = checked_tolerance(tolerance, caller="track_record: ", example="0.05")
    if forecasts is None:
        from idcforecast.datasets import load_dataset

        forecasts = load_dataset("published_forecasts")
    claims = [c for c in read_claims(forecasts, encoding=encoding) if c.kind == "level"]
    history = History(
        "bundled" if actuals is None else series_history(actuals, claims, name="actuals"),
        name="actuals",
        fallback="pass actuals=None to use each subject's bundled series",
        bundled_fix="check it against your own actuals with actuals=<a frame> holding series "
        "{subject!r}",
        kw_per_rack=kw_per_rack,
    )
    # actuals without a unit are read in the unit of the subject's first level claim, as
    # check_claims reads them: each claim in its own unit compared 320 (CNY bn) with an
    # actual of 4,043.2 (CNY 100m) as a -92% miss
    first_unit: dict[str, str | None] = {}
    for claim in claims:
        first_unit.setdefault(claim.subject, claim.unit)
    rows = []
    for claim in claims:
        unit = history.unit(claim.subject, claim_id=claim.claim_id) or first_unit[claim.subject]
        actual = history.actual(claim.subject, claim.year, claim_id=claim.claim_id)
        try:
            value = level_in(claim, unit, kw_per_rack=history.kw_per_rack)
        except IncompatibleUnitsError as err:
            # a forecast in USD for a year the FX table does not reach (2027) is not due: it
            # stays in its own unit, as published, instead of stopping the whole record
            if actual is not None or not isinstance(err.__cause__, MissingFxRateError):
                raise
            unit = claim.unit
            value = level_in(claim, unit)
        made = claim.made_year
        horizon = pd.NA if made is None else claim.year - made
        row: dict[str, Any] = {
            "claim_set": claim.claim_set,
            "claim_id": claim.claim_id,
            "by": claim.by,
            "made": claim.made,
            "subject": claim.subject,
            "year": claim.year,
            "horizon": horizon,
            # a figure for the year it is published in is a forecast (a nowcast): that
            # year's actual comes only after it ends
            "forecast": pd.NA if made is None else claim.year >= made,
            "qualifier": claim.qualifier,
            "value": value,
            "low": math.nan,
            "high": math.nan,
            "unit": unit or claim.unit,
            # a level converted from another currency, as published ("46 USD bn"): the
            # table showed only 3,095.3 CNY 100m, a figure the source never gave
            "published": published_figure(claim, unit),
            "actual": math.nan,
            "actual_qualifier": "",
            "actual_derived": pd.NA,
            "error": math.nan,
            "log_error": math.nan,
            "direction": "",
            "held": pd.NA,
            "verdict": "",
            "status": "",
        }
        span = claim_interval(claim, unit, kw_per_rack=history.kw_per_rack)
        if claim.is_range:
            row.update(low=span[0], high=span[1])
        if actual is None:
            years = history.series(claim.subject, claim_id=claim.claim_id)["year"]
            last = int(years.max())
            row["status"] = (
                f"no actual yet (latest {last})"
                if claim.year > last
                else f"no actual for {claim.year}"
            )
            rows.append(row)
            continue
        if claim.is_range:  # the nearer end's error; 0 inside the range
            ratio = 1 + interval_gap(span, (actual.value, actual.value))
            exact = "inside"
        else:
            ratio = value / actual.value
            exact = "exact"
        if math.isclose(ratio, 1.0, rel_tol=1e-9):  # 320 CNY bn is 3200.0000000000005 亿元
            ratio = 1.0
        bound = claim.qualifier in ("at_least", "at_most")
        direction = exact if ratio == 1 else ("undershoot" if ratio < 1 else "overshoot")
        # an actual published as a floor ("more than 4,000") may be higher: a claim at or
        # above the floor may have under- or overshot; a ceiling the same way round
        if (actual.qualifier == "at_least" and ratio >= 1) or (
            actual.qualifier == "at_most" and ratio <= 1
        ):
            direction = "undetermined"
        # an actual published as a bound may leave it open: a claim of 4,800 against
        # "more than 4,000" held if the true value was 4,600 and missed if 6,000 (it was
        # "held", as if the floor were the value)
        held = outcome(span, actual.interval, 0.0 if bound else tolerance)
        row.update(
            actual=actual.value,
            actual_qualifier=actual.qualifier,
            actual_derived=actual.derived,
            error=ratio - 1,
            log_error=math.log(ratio),
            direction=direction,
            held=pd.NA if held is None else held,
            verdict=_VERDICTS[held],
            status="realised",
        )
        rows.append(row)
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    for column in ("horizon", "year"):
        frame[column] = frame[column].astype("Int64")
    for column in ("forecast", "actual_derived", "held"):
        frame[column] = frame[column].astype("boolean")
    return frame.sort_values(["subject", "year", "made"], kind="stable", ignore_index=True)
