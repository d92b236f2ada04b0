"""Private: the one-row-per-claim-set summary and its plain-language explanation."""

from __future__ import annotations

import functools
import math
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from idcforecast._claim_history import (
    Figure,
    History,
    interval_gap,
    overlaps,
    rack_conversion,
    rack_power_words,
    source_figure,
)
from idcforecast._wording import counted, figure_text, level_words
from idcforecast.claims import Claim, _plain
from idcforecast.growth_bounds import _rate_between, _rate_qualifier
from idcforecast.units.convert import DEFAULT_KW_PER_RACK

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


def _num(x: float) -> str:
    return figure_text(x)


def _claimed_num(x: float) -> str:
    """A claimed figure as the Claims column prints it: :func:`_num` without the zeros a
    publication never wrote ("3,200", not "3,200.0" beside the column's "3,200"; "3,200.5";
    "0.36"; a converted 3,172.896 still "3,172.9").

    Examples
    --------
    >>> _claimed_num(3200.0), _claimed_num(3200.5), _claimed_num(0.36), _claimed_num(3172.896)
    ('3,200', '3,200.5', '0.36', '3,172.9')
    """
    text = _num(x)
    return text.rstrip("0").rstrip(".") if "." in text else text


def _note(actual: Figure) -> str:
    extra = actual.label().removeprefix("actual").removeprefix(", ")
    return f" ({extra})" if extra else ""


def _is_forecast(claim: Claim) -> bool:
    """A level for a year not over when it was published (its own year included)."""
    made = claim.made_year
    return made is None or claim.year >= made


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


def _bound(qualifier: Any) -> bool:
    return qualifier in ("at_least", "at_most")


def _actual_end_words(r: Any) -> str:
    """The end year's actual as published: "more than 650.0", "4,043.2 (derived)"."""
    flag = getattr(r, "actual_end_derived", False)
    derived = " (derived)" if not pd.isna(flag) and bool(flag) else ""
    return f"{level_words(getattr(r, 'actual_end_qualifier', ''))}{_num(r.actual_end)}{derived}"


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


def _against_bound(value: float, bound: float, qualifier: str, fits: Any, tolerance: float) -> str:
    """Where ``value`` lies against a floor ("at_least") or ceiling ("at_most") ``bound``:
    "above that floor (fits)", "0.5% below that floor (gap +0.5%, within the 1.0%
    tolerance: fits)"; the gap is the table's, the bound over the value."""
    floor = qualifier == "at_least"
    name = "floor" if floor else "ceiling"
    if (value >= bound) if floor else (value <= bound):
        return f"{'above' if floor else 'below'} that {name} ({'fits' if fits else 'outside'})"
    off = abs(value / bound - 1)
    side = "below" if floor else "above"
    return f"{off:.1%} {side} that {name} ({_gap_verdict(bound / value - 1, fits, tolerance)})"


def _gap_verdict(gap: float, fits: Any, tolerance: float) -> str:
    """The table's ``gap`` and the verdict it gives, for a sentence that measured the other
    way round ("14.3% above that ceiling" beside a table's "-12.5%", with no word on which
    one the tolerance applies to): "gap -12.5%, outside the 1.0% tolerance"."""
    within = "within the" if fits else "outside the"
    return f"gap {gap:+.1%}, {within} {tolerance:.1%} tolerance{': fits' if fits else ''}"


def as_published(
    claim: Claim | None, unit: str | None, *, kw_per_rack: float = DEFAULT_KW_PER_RACK
) -> str:
    """How a level claimed in another currency, or in power against racks (or the reverse),
    was published, for the text beside its value in ``unit``: " (from 46 USD bn at the 2022
    FX rate)", " (from 13,000 MW at 2.5 kW per rack)"; "" in its own unit. (A level of
    "US$46 billion" was shown only as 3,095.3 CNY 100m, a figure the source never gave.)"""
    if claim is not None and unit is not None and source_figure(claim, unit) is not None:
        # "US$17.8 bn (1,293.5亿元)": the 1,293.5 shown is the source's, not a conversion
        return f" (the source's own figure, beside {_as_written(claim)})"
    figure = published_figure(claim, unit)
    if not (claim and figure):
        return ""
    if rack_conversion(claim.unit, unit):
        return f" (from {figure} at {rack_power_words(kw_per_rack)})"
    return f" (from {figure} at the {claim.year} FX rate)"


# the note read_claims writes for value text it converted to the row's unit at an FX rate
# ("published as 'US$ 60 bn', converted at the 2022 FX rate, ..."); the value is the
# converted figure, which no source gave (it was shown as if published)
_READ_CONVERSION = re.compile(
    r"published as (?:'([^']*)'|\"([^\"]*)\"), converted at the \S+ FX rate"
)


def published_figure(claim: Claim | None, unit: str | None) -> str:
    """A level claimed in another currency than ``unit``, or in power against racks (or
    the reverse), as published: "46 USD bn", "more than 46 USD bn", "40-50 USD bn",
    "13,000 MW"; "" in its own unit or another magnitude of it, unless the value was
    converted into it in reading ("US$ 60 bn" as the row's unit 'CNY 100m': its note says so).

    Examples
    --------
    >>> c = Claim(subject="m", kind="level", value=46, unit="USD bn", year=2022)
    >>> published_figure(c, "CNY 100m"), published_figure(c, "USD mn")
    ('46 USD bn', '')
    >>> published_figure(Claim(subject="m", kind="level", value=13000, unit="MW",
    ...                        year=2022), "racks 10k")
    '13,000 MW'
    """
    if claim is None or unit is None or claim.unit is None:
        return ""
    if claim.unit == unit:  # converted in reading (read_claims' note says from what)
        found = _READ_CONVERSION.search(claim.note)
        return "" if found is None else (found.group(1) or found.group(2))
    from idcforecast.units import parse_unit

    if source_figure(claim, unit) is not None:  # the source's own figure: nothing converted
        return ""
    own, shown = parse_unit(claim.unit), parse_unit(unit)
    money = own.currency is not None and shown.currency is not None and own.base != shown.base
    if not (money or rack_conversion(claim.unit, unit)):
        return ""  # the same amount in another magnitude: nothing was assumed
    return _as_written(claim)


def _as_written(claim: Claim) -> str:
    """A level claim in its own unit: "46 USD bn", "more than 46 USD bn", "40-50 USD bn"."""
    # every published digit, thousands separated (":g" wrote 5,234,567 racks as
    # "5.23457e+06" and 1,234.5678 USD mn as "1234.57"), as Claim.describe() writes it
    if claim.is_range:
        assert claim.low is not None and claim.high is not None
        figure = f"{_plain(claim.low)}-{_plain(claim.high)}"
    else:
        figure = _plain(claim.value)
    return f"{level_words(claim.qualifier)}{figure} {claim.unit}"


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
            f"{words}{_num(r.implied_base)} in {r.base_year} {s}"
            for r, s in zip(rows, steps, strict=True)
        ]
        reaching = (
            f"{claim.describe()} reaching {level_words(end_qualifier)}"
            f"{_claimed_num(first.claimed_end)} {unit or ''}{published} in {claim.year}"
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
                    f"The {r.base_year} level of {_num(r.reference_base)} ({r.reference}) is "
                    f"{_against_bound(r.reference_base, r.implied_base, bound, r.fits, tolerance)}."
                )
                continue
            parts.append(
                f"Against the {r.base_year} level of {_num(r.reference_base)} ({r.reference}), "
                f"the {r.steps}-step reading is off by {r.gap:+.1%}"
                f" ({'fits' if r.fits else 'outside'} the {tolerance:.1%} tolerance)."
            )
        if not compared:
            parts.append(_no_level(rows, with_history=with_history))
    else:
        compared = [r for r in rows if not math.isnan(r.gap)]
        for r in compared:
            start = (
                f"{claim.describe()} from the {r.base_year} level of "
                f"{_num(r.reference_base)} ({r.reference})"
            )
            when = f"in {claim.year} ({counted(r.steps, 'step')})"
            if r.implied_qualifier in ("at_least", "at_most"):  # a floor or ceiling on the end
                against = _against_bound(
                    r.actual_end, r.implied_end, r.implied_qualifier, r.fits, tolerance
                )
                parts.append(
                    f"{start} implies {level_words(r.implied_qualifier)}{_num(r.implied_end)} "
                    f"{when}; the actual {_actual_end_words(r)} is {against}."
                )
            elif r.implied_qualifier == "unbounded":  # a "more than" base, a "less than" rate
                parts.append(
                    f"{start} bounds no {claim.year} level (a higher base raises it, a lower "
                    "rate lowers it); any level fits."
                )
            else:
                # an actual published as a bound ("more than 650") puts the claim at least
                # this far off (the text said "the actual was 650.0, off by -10.2%")
                further = " or more" if _bound(r.actual_end_qualifier) and r.gap else ""
                parts.append(
                    f"{start} implies {_num(r.implied_end)} {when}; the actual was "
                    f"{_actual_end_words(r)}, off by {r.gap:+.1%}{further}"
                    f" ({'fits' if r.fits else 'outside'} the {tolerance:.1%} tolerance)."
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
        parts.append(f"Fits when read as {' or '.join(_fitting(rows))}.")
    return " ".join(parts)


def _span_words(interval: tuple[float, float], *, claimed: bool = False) -> str:
    """An interval of levels as prose: "1,456.5 to 1,638.4", "at least 5.0", "at most 9.0";
    ``claimed``: a published range, its ends as published ("3,000 to 3,400")."""
    text = _claimed_num if claimed else _num
    lo, hi = interval
    if math.isinf(hi):
        return f"at least {text(lo)}"
    if lo <= 0:
        return f"at most {text(hi)}"
    if text(lo) == text(hi):  # an exact rate and end imply one base: not "1,959.2 to 1,959.2"
        return text(lo)
    return f"{text(lo)} to {text(hi)}"


def _span_name(interval: tuple[float, float]) -> str:
    """ "range", "figure" for an interval that is one figure (as printed), "floor" or
    "ceiling" for one open at an end, as :func:`_span_words` writes it ("at least
    2,307.7" was followed by "3.0% below that range")."""
    if math.isinf(interval[1]):
        return "floor"
    if interval[0] <= 0:
        return "ceiling"
    return "figure" if _num(interval[0]) == _num(interval[1]) else "range"


def _stated(claim: Claim, value: float, interval: tuple[float, float]) -> str:
    """A claimed level as published: "3,000.0 to 3,400.0" for a range, else with its words."""
    if claim.is_range:
        return _span_words(interval, claimed=True)
    return f"{level_words(claim.qualifier)}{_claimed_num(value)}"


def _against_span(value: float, interval: tuple[float, float], fits: Any, tolerance: float) -> str:
    """Where ``value`` lies against an interval: "inside that range (fits)", "2.3% below
    that range (outside the 1.0% tolerance)"."""
    gap = interval_gap(interval, (value, value))
    if gap == 0:
        inside = {"floor": "above", "ceiling": "below"}.get(_span_name(interval), "inside")
        return f"{inside} that {_span_name(interval)} (fits)"
    # interval_gap is the range's end over the value; say where the value lies
    off = abs(value / (interval[1] if gap < 0 else interval[0]) - 1)
    side = "above" if gap < 0 else "below"
    name = _span_name(interval)
    return f"{off:.1%} {side} that {name} ({_gap_verdict(gap, fits, tolerance)})"


def _span_against_span(
    span: tuple[float, float], allowed: tuple[float, float], fits: Any, tolerance: float
) -> str:
    gap = interval_gap(span, allowed)
    if gap == 0:
        return f"meets that {_span_name(allowed)} (fits)"
    side = "below" if gap < 0 else "above"
    table = interval_gap(allowed, span)  # the table's gap: the allowed range over the span
    name = _span_name(allowed)
    return f"lies {abs(gap):.1%} {side} that {name} ({_gap_verdict(table, fits, tolerance)})"


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
            return _span_words(span), span
        return _num(r.reference_base), (r.reference_base, r.reference_base)

    if end is not None:
        stated = _stated(end[0], end[1], group.intervals[claim.year])
        spans = [
            f"{_span_words(allowed_interval(group, claim, r.steps, (0.0, 0.0)))} in "
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
                where = "is " + _against_span(r.reference_base, allowed, r.fits, tolerance)
            else:  # a claimed range of bases against the range the rate allows
                where = _span_against_span(span, allowed, r.fits, tolerance)
            parts.append(f"The {r.base_year} level of {text} ({r.reference}) {where}.")
        if not compared:
            parts.append(_no_level(rows, with_history=with_history))
    else:
        for r in compared:
            text, span = reference(r)
            allowed = allowed_interval(group, claim, r.steps, span)
            parts.append(
                f"{claim.describe()} from the {r.base_year} level of {text} ({r.reference}) "
                f"implies {_span_words(allowed)} in {claim.year} "
                f"({counted(r.steps, 'step')}); the actual {_actual_end_words(r)} is "
                f"{_against_span(r.actual_end, allowed, r.fits, tolerance)}."
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
        parts.append(f"Fits when read as {' or '.join(_fitting(rows))}.")
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


def _fact_checks(
    group: _Group, history: History, tolerance: float
) -> list[tuple[Claim, float, Any, bool]]:
    checks = []
    for year, (claim, value) in sorted(group.levels.items()):
        if _is_forecast(claim):  # includes an unknown made date: never judged as a fact
            continue
        actual = history.actual(group.subject, year, claim_id=claim.claim_id, unit=group.unit)
        if actual is None:
            continue
        ok = overlaps(group.intervals[year], actual.interval, tolerance)
        checks.append((claim, value, actual, ok))
    return checks


def _outcome(group: _Group, history: History) -> dict[str, Any]:
    out: dict[str, Any] = {
        "end_year": pd.NA,
        "claimed_end": math.nan,
        "actual_end": math.nan,
        "actual_derived": pd.NA,
        "end_gap": math.nan,
        "_text": "",
    }
    forecasts = sorted((y, cv) for y, cv in group.levels.items() if _is_forecast(cv[0]))
    if not forecasts:
        return out
    # the columns hold the latest forecast; the text tells every one that has an actual
    # (a set's 2021 nowcast beside its 2027 forecast was never compared with the actual
    # 2021 had, and the set read "undetermined" without a word on it)
    texts = []
    for year, (claim, value) in forecasts[:-1]:
        earlier = _outcome_of(group, history, year, claim, value)
        if not math.isnan(earlier["actual_end"]):
            texts.append(earlier["_text"])
    year, (claim, value) = forecasts[-1]
    out.update(_outcome_of(group, history, year, claim, value))
    out["_text"] = " ".join(t for t in [*texts, out["_text"]] if t)
    return out


def _outcome_of(
    group: _Group, history: History, year: int, claim: Claim, value: float
) -> dict[str, Any]:
    """The outcome of one level forecast: the columns of :func:`_outcome` and its text."""
    out: dict[str, Any] = {
        "end_year": year,
        "claimed_end": value,
        "actual_end": math.nan,
        "actual_derived": pd.NA,
        "end_gap": math.nan,
        "_text": "",
    }
    actual = history.actual(group.subject, year, claim_id=claim.claim_id, unit=group.unit)
    if actual is None:
        if history.given:
            out["_text"] = f"Outcome: no actual for {year} yet."
        return out
    span = group.intervals[year]
    # a range: the distance from its nearer end (0 inside), never from its midpoint
    gap = interval_gap(span, actual.interval) if claim.is_range else value / actual.value - 1
    if math.isclose(gap, 0.0, abs_tol=1e-9):  # 320 CNY bn is 3200.0000000000005 亿元
        gap = 0.0
    out.update(actual_end=actual.value, actual_derived=actual.derived, end_gap=gap)
    held = overlaps(span, actual.interval, 0.0)
    shot = _shot(gap, actual.qualifier)
    # a level claimed in another currency, or in power against racks
    published = as_published(claim, group.unit, kw_per_rack=group.kw_per_rack)
    claimed = f"{level_words(claim.qualifier)}{_claimed_num(value)}{published}"
    # derived, or converted from the history's currency (as the stated levels say)
    about = ["derived"] if actual.derived else []
    if actual.converted_from is not None:
        about.append(f"from {actual.converted_from} at its year's FX rate")
    derived = f" ({', '.join(about)})" if about else ""
    actual_words = f"{level_words(actual.qualifier)}{_num(actual.value)}"
    head = f"Outcome: the {year} actual was {actual_words}{derived}; "
    if claim.is_range:
        end = "high" if gap < 0 else "low"
        verdict = "held: the actual is inside it" if held else f"failed: its {end} end {shot}"
        out["_text"] = f"{head}the claimed {_span_words(span, claimed=True)}{published} {verdict}."
    elif claim.qualifier in ("at_least", "at_most"):
        verdict = ("held:" if gap == 0 else "held, though") if held else "failed:"
        out["_text"] = f"{head}the claim ({claimed}) {verdict} it {shot}."
    else:
        out["_text"] = f"{head}the claimed {claimed} {shot}."
    return out


def _shot(gap: float, actual_qualifier: str) -> str:
    """How a claimed level compares with the actual, ``gap`` = claimed / actual - 1.

    An actual published as a bound ("more than 4,000") makes the gap a bound too, or
    leaves the direction open (the claim "overshot by 20.0%" dropped the actual's "more
    than").

    Examples
    --------
    >>> _shot(-0.2, "exact"), _shot(0.0, "exact")
    ('undershot the actual by 20.0%', 'equalled the actual')
    >>> _shot(-0.2, "at_least")
    'undershot the actual by at least 20.0%'
    >>> _shot(0.1, "at_least")
    "is 10.0% above the actual's floor (under- or overshot: unknown)"
    """
    if actual_qualifier in ("at_least", "at_most"):
        floor = actual_qualifier == "at_least"
        if (gap < 0 and floor) or (gap > 0 and not floor):
            way = "undershot" if gap < 0 else "overshot"
            return f"{way} the actual by at least {abs(gap):.1%}"
        where = "at" if gap == 0 else f"{abs(gap):.1%} {'above' if gap > 0 else 'below'}"
        return (
            f"is {where} the actual's {'floor' if floor else 'ceiling'} (under- or "
            "overshot: unknown)"
        )
    if gap == 0:
        return "equalled the actual"
    return f"{'undershot' if gap < 0 else 'overshot'} the actual by {abs(gap):.1%}"


def summarize(group: _Group, mine: Readings, history: History, tolerance: float) -> dict:
    """One summary row for a claim set (and subject), from its readings (:func:`tuples`)."""
    by_claim: dict[str, list[Any]] = {}
    for reading in mine:
        by_claim.setdefault(reading.claim_id, []).append(reading)
    rate_claims = [c for c in group.claims if c.kind != "level"]
    verdicts: list[bool | None] = []
    checked: list[str] = []  # what the verdict rests on
    fits_text: list[str] = []
    explanation: list[str] = []
    for claim in rate_claims:
        rows = by_claim.get(claim.claim_id, [])
        verdict = _rate_verdict(rows)
        verdicts.append(verdict)
        fitting = _fitting(rows)
        if fitting:
            text = " or ".join(fitting)
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
    for claim, value, actual, ok in _fact_checks(group, history, tolerance):
        verdicts.append(ok)
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
        explanation.append(
            f"The stated {claim.year} level ({stated}) {verb} the actual "
            f"{_num(actual.value)}{_note(actual)}."
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
    row: dict[str, Any] = {
        "claim_set": group.claim_set,
        "subject": group.subject,
        "unit": group.unit,
        "claims": "; ".join(c.describe() for c in group.claims),
        "consistent": consistent,
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
        explanation.append(_unchecked_levels(group))
    if rates_unchecked and checked and consistent is pd.NA:
        explanation.append(
            "Consistency undetermined: no growth or CAGR claim could be checked, and a "
            "stated level that matches its actual does not check a rate."
        )
    outcome = _outcome(group, history)
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


def _unchecked_levels(group: _Group) -> str:
    """Why a set of levels alone has no verdict: it has no rate claim, and no level it
    states as a fact (for a year before it was made) has an actual to compare with."""
    facts = [y for y, (c, _) in sorted(group.levels.items()) if not _is_forecast(c)]
    why = "the set has no growth or CAGR claim"
    if facts:
        years = " or ".join(str(y) for y in facts)
        why += f", and the history has no actual for {years} to check its stated level against"
        if len(facts) > 1:
            why = why.replace("its stated level", "its stated levels")
    else:
        why += (
            ", and its levels are forecasts (for the year they were made in or later, or "
            "without a date made): a forecast is compared with its actual as an outcome, not "
            "judged as a stated fact"
        )
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
