"""Private: the one-row-per-claim-set summary and its plain-language explanation."""

from __future__ import annotations

import functools
import math
from typing import TYPE_CHECKING, Any

import pandas as pd

from idcforecast._claim_history import Figure, History, interval_gap
from idcforecast._claim_outcomes import (
    fact_checks,
    is_forecast,
    outcome_of_forecasts,
    shared_source,
)
from idcforecast._claim_positions import (
    actual_end_words,
    against_bound,
    against_span,
    bound_actuals,
    claimed_num,
    computed_num,
    is_bound,
    label_qualifier,
    num,
    span_against_span,
    span_words,
)
from idcforecast._claim_published import as_published
from idcforecast._claim_rate_currency import unstated_currency_words
from idcforecast._wording import counted, level_words
from idcforecast.claims import Claim
from idcforecast.growth_bounds import _rate_between, _rate_qualifier

if TYPE_CHECKING:
    from idcforecast.claim_checks import _Group

# readings of claim_readings() as named tuples (see tuples()), one claim's or one set's
Readings = list[Any]

_MAIN_COLUMNS = (
    "reading",
    "base_year",
    "steps",
    "implied_base",
    "reference_base",
    "reference",
    "gap",
    "implied_rate",
    "claimed_rate",
    "rate_gap",
)


def _note(actual: Figure) -> str:
    extra = actual.label().removeprefix("actual").removeprefix(", ")
    return f" ({extra})" if extra else ""


def _base_years(rows: Readings) -> str:
    """The readings' base years as words: "2013", "2019 or 2020"."""
    return " or ".join(str(y) for y in dict.fromkeys(r.base_year for r in rows))


def _no_level(rows: Readings, *, with_history: bool) -> str:
    """The sentence for readings whose base years have no level: where none was found
    (with ``check_claims(history=None)`` there was no history to look in).

    Examples
    --------
    >>> rows = tuples(pd.DataFrame({"base_year": [2020, 2019]}))
    >>> _no_level(rows, with_history=False)
    'No level for 2020 or 2019 to compare with in the set (checked without history).'
    """
    where = (
        "(in the set or the history)" if with_history else ("in the set (checked without history)")
    )
    return f"No level for {_base_years(rows)} to compare with {where}."


def _nothing_to_check(claim: Claim, rows: Readings) -> str:
    """The sentence for a rate claim with neither a claimed end level nor an actual."""
    return (
        f"{claim.describe()}: nothing to check it against (no level claimed for "
        f"{claim.year}, and no level for {_base_years(rows)} with an actual for {claim.year})."
    )


def not_checkable(claim: Claim, rows: Readings, *, with_history: bool) -> str:
    """Why a rate claim has no verdict, for the summary's ``fits`` (it said "unchecked",
    and a set whose only other claim matched its actual read "consistent: yes" as if the
    rate had been checked too): "not checkable: no level for 2022, claimed or actual".

    Examples
    --------
    >>> c = Claim(subject="m", kind="growth", value=9.8, year=2022)
    >>> rows = tuples(pd.DataFrame({"base_year": [2021], "claimed_end": [math.nan],
    ...                             "reference_base": [67.9], "actual_end": [math.nan]}))
    >>> not_checkable(c, rows, with_history=True)
    'not checkable: no level for 2022, claimed or actual'
    """
    where = "claimed or actual" if with_history else "in the set (checked without history)"
    if rows and math.isnan(rows[0].claimed_end):
        ends = [r for r in rows if not math.isnan(r.actual_end)]
        if not (ends and with_history):  # the end year: neither claimed nor an actual
            return f"not checkable: no level for {claim.year}, {where}"
        rows = ends  # an actual end, but no level for these base years to grow from
    return f"not checkable: no level for {_base_years(rows)}, {where}"


def tuples(rows: pd.DataFrame) -> Readings:
    """The rows as named tuples, as ``itertuples(index=False)`` gives them, built from whole
    columns (``itertuples`` takes every column by position on each call: with 22 columns,
    most of the time of checking 1,000 claim sets). The explanations work on these lists:
    a pandas filter, ``iloc`` or ``idxmin`` on a frame of two readings, several per claim,
    took 14 ms a claim set (most of check-claims' 12 s for 1,000 sets)."""
    row = _reading_tuple(tuple(rows.columns))
    columns = (rows[c].tolist() for c in rows.columns)
    return [row(*values) for values in zip(*columns, strict=True)]


@functools.cache
def _reading_tuple(columns: tuple[str, ...]) -> Any:
    from collections import namedtuple

    return namedtuple("Reading", columns)  # type: ignore[misc]


def _known(fits: Any) -> bool:
    """Whether a reading's ``fits`` is known (not NA: nothing to compare with)."""
    return fits is not None and fits is not pd.NA


def _fitting(rows: Readings) -> list[str]:
    """The readings ("3 steps from 2019") that fit, in order."""
    return [r.reading for r in rows if _known(r.fits) and bool(r.fits)]


def _derived_evidence(rows: Readings) -> str:
    """A sentence when every reading that fits rests on a derived actual (computed from
    other published figures, as the CIDC 2014 level is 2015's / (1 + 2015's growth)): such
    a fit may only restate the computation ("growth 39.3% in 2015" fit the 372.3 derived
    from it, and the set read "consistent: yes" with nothing but "(actual, derived)" in the
    table to say so); "" otherwise.
    """
    fitting = [r for r in rows if _known(r.fits) and bool(r.fits)]
    derived = []
    for r in fitting:
        years = []
        if "derived" in str(r.reference).split(", ") and r.reference.startswith("actual"):
            years.append(r.base_year)
        flag = r.actual_end_derived
        if not math.isnan(r.actual_end) and _known(flag) and bool(flag):
            years.append(r.end_year)
        if not years:
            return ""
        derived += years
    if not derived:
        return ""
    shown = " and ".join(str(y) for y in dict.fromkeys(derived))
    plural = "levels are" if len(set(derived)) > 1 else "level is"
    return (
        f"The {shown} {plural} derived (computed from other published figures, perhaps "
        "from this very rate), so the fit may only restate that computation."
    )


def bound_evidence(rows: Readings) -> list[str]:
    """The bound actuals ("more than 520.0 in 2021") when every reading of ``rows`` that
    fits was checked against one: the rate is then consistent with the bound, not shown to
    fit (any faster rate fits a floor too); empty otherwise."""
    fitting = [r for r in rows if _known(r.fits) and bool(r.fits)]
    found: list[str] = []
    for r in fitting:
        bounds = bound_actuals(r)
        if not bounds:
            return []
        found += bounds
    return list(dict.fromkeys(found))


def fitting_words(rows: Readings) -> str:
    """ "Fits when read as 2 steps from 2019.", or for fits against bound actuals only
    "Consistent with the bound when read as ...: the actual is published as more than 520.0
    in 2021, so a faster or slower rate may fit it too; the rate is not confirmed." """
    readings = " or ".join(_fitting(rows))
    bounds = bound_evidence(rows)
    if not bounds:
        return f"Fits when read as {readings}."
    plural = len(bounds) > 1
    return (
        f"Consistent with the bound{'s' if plural else ''} when read as {readings}: the "
        f"actual{'s are' if plural else ' is'} published only as {' and '.join(bounds)}, so "
        "other rates are consistent with it too; the rate is not confirmed."
    )


def _within(r: Any, tolerance: float) -> str:
    """ "fits the 1.0% tolerance", "outside the 1.0% tolerance", or against an actual
    published as a bound "consistent with the bound, within the 1.0% tolerance"."""
    if not (_known(r.fits) and bool(r.fits)):
        return f"outside the {tolerance:.1%} tolerance"
    if bound_actuals(r):
        return f"consistent with the bound, within the {tolerance:.1%} tolerance"
    return f"fits the {tolerance:.1%} tolerance"


def _rate_verdict(rows: Readings) -> bool | None:
    known = [bool(r.fits) for r in rows if _known(r.fits)]
    if not known:
        return None
    return any(known)


def _closest(rows: Readings) -> Any:
    """The reading with the smallest gap in size (the first of equals, as ``idxmin``; the
    first reading when no gap is known)."""
    known = [r for r in rows if not math.isnan(r.gap)]
    return min(known, key=lambda r: abs(r.gap)) if known else rows[0]


def _explain_rate(
    claim: Claim,
    rows: Readings,
    tolerance: float,
    unit: str | None,
    end_qualifier: str = "exact",
    *,
    with_history: bool = True,
    published: str = "",
) -> str:
    first = rows[0]
    parts = []
    if not math.isnan(first.claimed_end):
        # the base falls as the rate rises and rises with the end: a "more than" end is a
        # floor on it, a "more than" rate a ceiling, and both together no bound at all
        base = _rate_qualifier(claim.qualifier, end_qualifier)
        bound = None if base is None else base[0] if base[0] in ("at_least", "at_most") else ""
        words = level_words(bound)
        steps = [f"({r.steps} step{'s' if r.steps > 1 else ''})" for r in rows]
        bases = [
            f"{words}{_computed(r.implied_base, r)} in {r.base_year} {s}"
            for r, s in zip(rows, steps, strict=True)
        ]
        reaching = (
            f"{claim.describe()} reaching {level_words(end_qualifier)}"
            f"{claimed_num(first.claimed_end)} {unit or ''}{published} in {claim.year}"
        )
        if bound is None:
            parts.append(
                f"{reaching} bounds no base (a higher end raises it, a higher rate lowers it); "
                "any level fits.".replace("  ", " ")
            )
        else:
            parts.append(f"{reaching} implies a base of {' or '.join(bases)}.".replace("  ", " "))
        compared = [r for r in rows if not math.isnan(r.gap)]
        for r in compared:
            if bound is None:
                continue
            if bound:
                parts.append(
                    f"The {r.base_year} level of {num(r.reference_base)} ({r.reference}) is "
                    + against_bound(
                        r.reference_base,
                        r.implied_base,
                        bound,
                        r.fits,
                        tolerance,
                        label_qualifier(r.reference),
                    )
                    + "."
                )
                continue
            parts.append(
                f"Against the {r.base_year} level of {num(r.reference_base)} ({r.reference}), "
                f"the {r.steps}-step reading is off by {r.gap:+.1%}"
                f" ({_within(r, tolerance)})."
            )
        if not compared:
            parts.append(_no_level(rows, with_history=with_history))
    else:
        compared = [r for r in rows if not math.isnan(r.gap)]
        for r in compared:
            start = (
                f"{claim.describe()} from the {r.base_year} level of "
                f"{num(r.reference_base)} ({r.reference})"
            )
            when = f"in {claim.year} ({counted(r.steps, 'step')})"
            if r.implied_qualifier in ("at_least", "at_most"):  # a floor or ceiling on the end
                against = against_bound(
                    r.actual_end,
                    r.implied_end,
                    r.implied_qualifier,
                    r.fits,
                    tolerance,
                    r.actual_end_qualifier,
                )
                parts.append(
                    f"{start} implies {level_words(r.implied_qualifier)}"
                    f"{_computed(r.implied_end, r)} "
                    f"{when}; the actual {actual_end_words(r)} is {against}."
                )
            elif r.implied_qualifier == "unbounded":  # a "more than" base, a "less than" rate
                parts.append(
                    f"{start} bounds no {claim.year} level (a higher base raises it, a lower "
                    "rate lowers it); any level fits."
                )
            else:
                # an actual published as a bound ("more than 650") puts the claim at least
                # this far off (the text said "the actual was 650.0, off by -10.2%")
                further = " or more" if is_bound(r.actual_end_qualifier) and r.gap else ""
                parts.append(
                    f"{start} implies {_computed(r.implied_end, r)} {when}; the actual was "
                    f"{actual_end_words(r)}, off by {r.gap:+.1%}{further}"
                    f" ({_within(r, tolerance)})."
                )
        if not compared:
            parts.append(_nothing_to_check(claim, rows))
    verdict = _rate_verdict(rows)
    if verdict is False:
        best = _closest(rows)
        parts.append(
            f"No reading fits; the closest ({best.reading}) would need "
            f"{level_words(best.implied_rate_qualifier)}{best.implied_rate:.1%} a year, "
            + (  # "not 27.8%" read a "more than 27.8%" claim as exact
                f"not {claim.rate:.1%}."
                if claim.qualifier == "exact"
                else f"while the claim is {level_words(claim.qualifier)}{claim.rate:.1%}."
            )
        )
        hint = _fraction_hint(claim, float(best.implied_rate))
        if hint:
            parts.append(hint)
    elif verdict:
        parts.append(fitting_words(rows))
    return " ".join(parts)


def _inputs(r: Any) -> tuple[float, float, float]:
    """The levels reading ``r`` computes from (NaN where it has none)."""
    return r.reference_base, r.claimed_end, r.actual_end


def _computed(x: float, r: Any) -> str:
    """A level computed for reading ``r`` (an implied base or end), to the significant
    digits of the levels it comes from (:func:`computed_num`), as the table prints it."""
    return computed_num(x, *_inputs(r))


def _stated(claim: Claim, value: float, interval: tuple[float, float]) -> str:
    """A claimed level as published: "3,000.0 to 3,400.0" for a range, else with its words."""
    if claim.is_range:
        return span_words(interval, claimed=True)
    return f"{level_words(claim.qualifier)}{claimed_num(value)}"


def _explain_range_rate(
    group: _Group, claim: Claim, rows: Readings, tolerance: float, *, with_history: bool
) -> str:
    """:func:`_explain_rate` when the rate or a level it is checked with is a range: the
    intervals the claims allow, and where the evidence lies against them."""
    from idcforecast.claim_checks import _rates_between, allowed_interval

    unit = group.unit or ""
    end = group.levels.get(claim.year)
    parts = []
    compared = [r for r in rows if not math.isnan(r.gap)]

    def reference(r: Any) -> tuple[str, tuple[float, float]]:
        base = group.levels.get(r.base_year)
        if base is not None and base[0].is_range:
            span = group.intervals[r.base_year]
            return span_words(span), span
        return num(r.reference_base), (r.reference_base, r.reference_base)

    if end is not None:
        stated = _stated(end[0], end[1], group.intervals[claim.year])
        spans = [
            f"{span_words(allowed_interval(group, claim, r.steps, (0.0, 0.0)), inputs=_inputs(r))}"
            f" in "
            f"{r.base_year} ({counted(r.steps, 'step')})"
            for r in rows
        ]
        published = as_published(end[0], group.unit, kw_per_rack=group.kw_per_rack)
        parts.append(
            f"{claim.describe()} reaching {stated} {unit}{published} "
            f"in {claim.year} implies a base "
            f"of {' or '.join(spans)}.".replace("  ", " ")
        )
        for r in compared:
            text, span = reference(r)
            allowed = allowed_interval(group, claim, r.steps, span)
            if span[0] == span[1]:
                where = "is " + against_span(r.reference_base, allowed, r.fits, tolerance)
            else:  # a claimed range of bases against the range the rate allows
                where = span_against_span(span, allowed, r.fits, tolerance)
            parts.append(f"The {r.base_year} level of {text} ({r.reference}) {where}.")
        if not compared:
            parts.append(_no_level(rows, with_history=with_history))
    else:
        for r in compared:
            text, span = reference(r)
            allowed = allowed_interval(group, claim, r.steps, span)
            parts.append(
                f"{claim.describe()} from the {r.base_year} level of {text} ({r.reference}) "
                f"implies {span_words(allowed, inputs=_inputs(r))} in {claim.year} "
                f"({counted(r.steps, 'step')}); the actual {actual_end_words(r)} is "
                f"{against_span(r.actual_end, allowed, r.fits, tolerance)}."
            )
        if not compared:
            parts.append(_nothing_to_check(claim, rows))
    verdict = _rate_verdict(rows)
    if verdict is False:
        best = _closest(rows)
        if claim.is_range:
            assert claim.low is not None and claim.high is not None
            # the rates from the base to the end levels (either may be a range), never
            # only the rate between their midpoints
            base = reference(best)[1]
            end_span = (
                group.intervals[claim.year]
                if end is not None
                else (best.actual_end, best.actual_end)
            )
            lo, hi = _rates_between(base, end_span, int(best.steps))
            needed = f"{lo:.1%}" if f"{lo:.1%}" == f"{hi:.1%}" else f"{lo:.1%} to {hi:.1%}"
            parts.append(
                f"No reading fits; the closest ({best.reading}) would need "
                f"{needed} a year, outside {claim.low / 100:.1%} to {claim.high / 100:.1%}."
            )
        else:
            parts.append(
                f"No reading fits; the closest ({best.reading}) is {best.gap:+.1%} "
                "from the nearest level the claims allow."
            )
    elif verdict:
        parts.append(fitting_words(rows))
    return " ".join(parts)


def _ranged(group: _Group, claim: Claim, rows: Readings) -> bool:
    """True when the rate claim, or a level it is checked with, is a range."""
    years = {claim.year, *(r.base_year for r in rows)}
    return claim.is_range or any(group.levels[y][0].is_range for y in years if y in group.levels)


def _fraction_hint(claim: Claim, implied_rate: float) -> str:
    """A hint when a failed rate looks given as a fraction (0.278 meant as 27.8%).

    Claims give rates in percent; a value below 1 in size whose fraction reading lies
    nearer the rate the levels need than its percent reading probably is a fraction.
    """
    value = claim.value
    if not 0 < abs(value) < 1 or abs(implied_rate - value) >= abs(implied_rate - claim.rate):
        return ""
    return (
        f"The claimed value {value:g} is read as {value:g}%; rates are in percent: if "
        f"{value:.1%} was meant, give {value * 100:g}."
    )


def summarize(group: _Group, mine: Readings, history: History, tolerance: float) -> dict:
    """One summary row for a claim set (and subject), from its readings (:func:`tuples`)."""
    by_claim: dict[str, list[Any]] = {}
    for reading in mine:
        by_claim.setdefault(reading.claim_id, []).append(reading)
    rate_claims = [c for c in group.claims if c.kind != "level"]
    verdicts: list[bool | None] = []
    # per verdict: a fit that rests only on derived levels (computed by the package, not
    # published), which may restate the computation: the set's "yes" counted them as
    # evidence like published actuals (the explanation alone warned)
    on_derived: list[bool] = []
    # per verdict: a fit against actuals published only as bounds ("more than 520"), which
    # other rates meet as well: consistent with the bound, never a plain fit
    on_bounds: list[bool] = []
    checked: list[str] = []  # what the verdict rests on
    fits_text: list[str] = []
    explanation: list[str] = []
    for claim in rate_claims:
        rows = by_claim.get(claim.claim_id, [])
        verdict = _rate_verdict(rows)
        verdicts.append(verdict)
        fitting = _fitting(rows)
        derived_words = _derived_evidence(rows)
        on_derived.append(bool(derived_words))
        on_bounds.append(bool(bound_evidence(rows)))
        if fitting:
            text = " or ".join(fitting) + (" (on derived levels only)" if derived_words else "")
            text += " (consistent with a bound only)" if on_bounds[-1] else ""
        elif verdict is False:
            text = "none"
        else:
            text = not_checkable(claim, rows, with_history=history.given)
        if verdict is not None:
            checked.append(claim.describe())
        fits_text.append(text if len(rate_claims) == 1 else f"{claim.describe()}: {text}")
        end = group.levels.get(claim.year)
        end_qualifier = "exact" if end is None else end[0].qualifier
        if _ranged(group, claim, rows):
            explanation.append(
                _explain_range_rate(group, claim, rows, tolerance, with_history=history.given)
            )
        else:
            explanation.append(
                _explain_rate(
                    claim,
                    rows,
                    tolerance,
                    group.unit,
                    end_qualifier,
                    with_history=history.given,
                    published=as_published(
                        None if end is None else end[0], group.unit, kw_per_rack=group.kw_per_rack
                    ),
                )
            )
        explanation.append(derived_words)
    own_source: list[int] = []  # stated levels whose actual came from the claim's source
    for claim, value, actual, ok in fact_checks(group, history, tolerance):
        # a restated level matching an actual from the same publication checks nothing: it
        # is no evidence either way (a mismatch with its own source still counts against it)
        same = shared_source(claim.source, actual.source) if ok else ""
        verdicts.append(None if same else ok)
        on_derived.append(bool(ok and actual.derived))
        on_bounds.append(bool(ok and is_bound(actual.qualifier)))
        if same:
            own_source.append(claim.year)
        else:
            checked.append(f"stated {claim.year} level")
        span = group.intervals[claim.year]
        gap = interval_gap(span, actual.interval) if claim.is_range else value / actual.value - 1
        stated = _stated(claim, value, span)
        as_given = as_published(claim, group.unit, kw_per_rack=group.kw_per_rack)
        if published := as_given.strip()[1:-1]:
            stated += f"; {published}"  # "(2,243.9; from 32.5 USD bn at the 2020 FX rate)"
        if ok:
            bound = claim.qualifier in ("at_least", "at_most") or claim.is_range
            verb = "holds against" if bound else "matches"
        else:
            verb = f"is off by {gap:+.1%} from"
        itself = (
            f" Both come from {same}: a figure checked against itself, not counted." if same else ""
        )
        explanation.append(
            f"The stated {claim.year} level ({stated}) {verb} the actual "
            f"{num(actual.value)}{_note(actual)}.{itself}"
        )
    known = [v for v in verdicts if v is not None]
    consistent: Any = pd.NA if not known else all(known)
    # a set's rate claims none of which could be checked: a stated level that matches its
    # actual says nothing of the rate (CAICT's "growth 9.8%" set read "consistent: yes")
    rates_unchecked = bool(rate_claims) and not any(
        v is not None for v in verdicts[: len(rate_claims)]
    )
    if rates_unchecked and consistent is True:
        consistent = pd.NA
    # "yes" with every fit on derived levels: the evidence is the package's own arithmetic.
    # When a rate was checked, the rates' fits decide: a stated level matching a published
    # actual does not check a rate (as above), and the set read a plain "yes" while its
    # rate's fits said "(on derived levels only)"
    rate_checked = any(v is not None for v in verdicts[: len(rate_claims)])
    decisive = range(len(rate_claims) if rate_checked else len(verdicts))
    derived_only = consistent is True and all(
        on_derived[i] for i in decisive if verdicts[i] is not None
    )
    bound_only = consistent is True and all(
        on_bounds[i] for i in decisive if verdicts[i] is not None
    )
    row: dict[str, Any] = {
        "claim_set": group.claim_set,
        "subject": group.subject,
        "unit": group.unit,
        "claims": "; ".join(c.describe() for c in group.claims),
        "consistent": consistent,
        "derived_only": derived_only,
        "bound_only": bound_only,
        "fits": "; ".join(fits_text),
        "checked": "; ".join(checked),
    }
    cagrs = [c for c in rate_claims if c.kind == "cagr"]
    main: Claim | None = (cagrs or rate_claims)[0] if rate_claims else None
    main_rows = by_claim.get(main.claim_id, []) if main is not None else []
    if main_rows:
        best = _closest(main_rows)
        row.update({k: getattr(best, k) for k in _MAIN_COLUMNS})
    else:
        row.update({k: math.nan for k in _MAIN_COLUMNS})
        row.update(reading="", reference="", base_year=pd.NA, steps=pd.NA)
        explanation.append(_two_levels(group))
    if consistent is pd.NA and history.given and not rate_claims:
        explanation.append(_unchecked_levels(group, own_source))
    if rates_unchecked and (checked or own_source) and consistent is pd.NA:
        explanation.append(
            "Consistency undetermined: no growth or CAGR claim could be checked, and a "
            "stated level that matches its actual does not check a rate."
        )
    # a rate that missed, measured in the series' currency, said when nothing else gives it
    # one: the FX moves may be the gap
    explanation.append(unstated_currency_words(group.unit, group.claims, False in verdicts))
    outcome = outcome_of_forecasts(group, history)
    if outcome["_text"]:
        explanation.append(outcome.pop("_text"))
    outcome.pop("_text", None)
    row.update(outcome)
    if consistent is pd.NA and not history.given:
        explanation.append(
            "Nothing contradicts itself; checked against each other only (no actuals given)."
        )
    row["explanation"] = " ".join(e for e in explanation if e)
    return row


def _unchecked_levels(group: _Group, own_source: list[int]) -> str:
    """Why a set of levels alone has no verdict: it has no rate claim, and no level it
    states as a fact (for a year before it was made) has an actual to compare with, other
    than one from the claim's own publication (the years in ``own_source``)."""
    facts = [
        y
        for y, (c, _) in sorted(group.levels.items())
        if not is_forecast(c) and y not in own_source
    ]
    reasons = []
    if own_source:
        years = " or ".join(str(y) for y in sorted(own_source))
        reasons.append(f"the only actual for {years} comes from the claim's own publication")
    if facts:
        years = " or ".join(str(y) for y in facts)
        levels = "levels" if len(facts) > 1 else "level"
        reasons.append(
            f"the history has no actual for {years} to check its stated {levels} against"
        )
    if not reasons:
        reasons.append(
            "its levels are forecasts (for the year they were made in or later, or without a "
            "date made): a forecast is compared with its actual as an outcome, not judged as "
            "a stated fact"
        )
    why = "the set has no growth or CAGR claim, and " + "; ".join(reasons)
    return f"Consistency undetermined: {why}."


def _two_levels(group: _Group) -> str:
    years = sorted(group.levels)
    if len(years) < 2:
        return ""
    (y0, (c0, v0)), (y1, (c1, v1)) = (
        (years[0], group.levels[years[0]]),
        (
            years[-1],
            group.levels[years[-1]],
        ),
    )
    # both qualifiers count: the rate rises with the end and falls with the start
    rate = _rate_between(
        group.intervals[y0],
        group.intervals[y1],
        y1 - y0,
        approximate="approximately" in (c0.qualifier, c1.qualifier),
    )
    span = (
        f"From {_stated(c0, v0, group.intervals[y0])} in {y0} to "
        f"{_stated(c1, v1, group.intervals[y1])} in {y1}"
    )
    if rate is None:
        return f"{span} bounds no CAGR (a higher start lowers it, a higher end raises it)."
    return f"{span} is a CAGR of {rate} over {counted(y1 - y0, 'step')}."
