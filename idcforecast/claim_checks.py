"""Check sets of growth claims against each other and against history.

A claim set is what one publication said together ("27.8% a year from 2020-22, reaching
320 billion yuan in 2022"). Period wording is ambiguous: "CAGR 2020-22" can mean two
compounding steps from 2020 or three from the 2019 base. Every reading is evaluated and
the ones that fit are named.

What is checked (the ``consistent`` verdict):

- each growth or CAGR claim, under each reading: the base it implies (from the set's
  level claim for the period's last year) against the level for the base year — claimed in
  the same set, else the actual from ``history``; without a claimed end level, the level it
  implies for the last year against the actual. The claim fits if some reading agrees
  within ``tolerance``;
- each level claim about a year no later than the year it was made (a restated fact)
  against the actual.

A set with growth or CAGR claims none of which could be checked is not ``consistent``
(NA, "undetermined") even when its stated levels match their actuals: that says nothing
of the rates; a level that does not match still makes it inconsistent.

Level claims about later years, or with no ``made`` date, are forecasts: the latest is
compared with the actual as the *outcome* (``end_gap``), which does not enter the verdict
(see also :func:`idcforecast.claim_track_record`).

Qualifiers widen figures into intervals ("more than 3200.5" is ``[3200.5, inf)``), and a
figure published as a range ("25-30%", "3,000-3,400亿元") is the interval of its ends: it
fits when some figure inside it agrees with the evidence, never judged by its midpoint;
``tolerance`` is the relative gap allowed between two figures (0.01 = 1%), and
"approximately" is read as the figure itself, within that tolerance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import pandas as pd

from idcforecast._claim_history import (
    Figure,
    History,
    checked_tolerance,
    claim_interval,
    claims_unit,
    interval_gap,
    level_in,
    overlaps,
    series_history,
    source_figure,
)
from idcforecast._claim_rate_currency import rate_unit
from idcforecast._claim_records import ONE_LEVEL_A_YEAR
from idcforecast.claims import Claim, read_claims
from idcforecast.errors import IncompatibleUnitsError, MissingFxRateError, SpecError
from idcforecast.growth_bounds import _joint_qualifier
from idcforecast.units.convert import DEFAULT_KW_PER_RACK, changes_currency

__all__ = ["check_claims", "claim_readings"]

_READING_COLUMNS = [
    "claim_set",
    "subject",
    "unit",
    "claim_id",
    "claim",
    "reading",
    "base_year",
    "steps",
    "end_year",
    "claimed_end",
    "implied_base",
    "reference_base",
    "reference",
    "gap",
    "implied_rate",
    "claimed_rate",
    "rate_gap",
    "implied_end",
    "actual_end",
    "fits",
    "implied_qualifier",
    "implied_rate_qualifier",
    "implied_low",
    "implied_high",
    "implied_rate_low",
    "implied_rate_high",
    "actual_end_qualifier",
    "actual_end_derived",
]


@dataclass
class _Group:
    claim_set: str
    subject: str
    unit: str | None
    claims: list[Claim]
    levels: dict[int, tuple[Claim, float]]  # year -> (claim, value in unit)
    intervals: dict[int, tuple[float, float]]  # year -> the levels the claim allows, in unit
    kw_per_rack: float = DEFAULT_KW_PER_RACK  # racks <-> power, for levels in the other one


def _direction(qualifier: str) -> int:
    return {"at_least": 1, "at_most": -1}.get(qualifier, 0)


def _groups(claims: list[Claim], history: History) -> list[_Group]:
    order: dict[tuple[str, str], list[Claim]] = {}
    for claim in claims:
        order.setdefault((claim.claim_set, claim.subject), []).append(claim)
    groups = []
    for (claim_set, subject), members in order.items():
        first = members[0]
        own = history.unit(subject, claim_id=first.claim_id) if history.given else None
        _refuse_rates_of_shares(own, members)
        # a rate measured in another currency than the unit's: the levels in its currency
        unit = rate_unit(claims_unit(own, members), members)
        # a rate beside levels in % (shares) compounds a share, with or without history
        _refuse_rates_of_shares(unit, members)
        seen: dict[int, Claim] = {}
        for claim in (c for c in members if c.kind == "level"):
            if claim.year in seen:
                raise SpecError(
                    f"claim set {claim_set or '(none)'!r}: two level claims for {subject!r} "
                    f"in {claim.year} ({seen[claim.year].claim_id!r}, {claim.claim_id!r}); "
                    + ONE_LEVEL_A_YEAR,
                    claim_set=claim_set,
                    year=claim.year,
                )
            seen[claim.year] = claim
        # rates measured in a stated currency: the levels in it, or an error (another unit
        # measured them in the other currency, in silence)
        stated = any(c.currency for c in members if c.kind != "level")
        unit, levels, intervals = _levels_in_some_unit(
            members, unit, history.kw_per_rack, only=stated
        )
        groups.append(
            _Group(claim_set, subject, unit, members, levels, intervals, history.kw_per_rack)
        )
    return groups


def _levels_in_some_unit(
    members: list[Claim], unit: str | None, kw_per_rack: float, *, only: bool = False
) -> tuple[str | None, dict[int, tuple[Claim, float]], dict[int, tuple[float, float]]]:
    """The set's levels (and the intervals they allow) in ``unit``, or, when one of them
    has no FX rate into it for its year, in the first other level unit every level converts
    to: "US$17.8 bn" for 2022 beside "3075亿元" for 2027, checked without history, stopped
    on the 2027 CNY->USD rate no table has, though all of it converts to yuan. ``only``:
    in ``unit`` or an error (the set's rates were measured in its currency)."""
    candidates = [unit] if only else [unit, *(c.unit for c in members if c.kind == "level")]
    first_error: IncompatibleUnitsError | None = None
    for candidate in dict.fromkeys(candidates):
        try:
            levels = {
                c.year: (c, level_in(c, candidate, kw_per_rack=kw_per_rack))
                for c in members
                if c.kind == "level"
            }
            intervals = {
                year: claim_interval(c, candidate, kw_per_rack=kw_per_rack)
                for year, (c, _) in levels.items()
            }
        except IncompatibleUnitsError as err:
            if not isinstance(err.__cause__, MissingFxRateError):
                raise
            first_error = first_error or err
            continue
        return candidate, levels, intervals
    assert first_error is not None
    if only:
        rate = next(c for c in members if c.kind != "level" and c.currency)
        # the level error's own words ("but the subject ... is in 'USD 100m'") named the
        # comparison unit the subject's, which it is not: said afresh from its cause
        fields = {key: getattr(first_error, key) for key in first_error.fields}
        raise IncompatibleUnitsError(
            f"claim {fields.get('claim_id')!r}: its level is in {fields.get('unit')!r}, and "
            f"{first_error.__cause__}; claim {rate.claim_id!r} ({rate.describe()}) is "
            f"measured in {rate.currency}, so the set is compared in {unit!r} (not in the "
            "series' unit): give that FX rate, state the level in "
            f"{unit!r}, or check the rate in a claim set of its own",
            **fields,
        ) from first_error
    raise first_error


def _refuse_rates_of_shares(unit: str | None, claims: list[Claim]) -> None:
    """A GrowthError for a growth or CAGR claim about a series in % or pp (a share or a
    rate), as :func:`idcforecast.cagr` refuses one: it was checked as the compound growth
    of the percentage, in silence ("CAGR 26% 2019-2022" of a share going 1.5% -> 3.0%
    "fit")."""
    rate = next((c for c in claims if c.kind != "level"), None)
    if unit is None or rate is None:
        return
    from idcforecast.errors import GrowthError, UnitError
    from idcforecast.units import parse_unit

    try:
        dimension = parse_unit(unit).dimension
    except UnitError:
        return
    if dimension not in ("percent", "points"):
        return
    what = "a CAGR" if rate.kind == "cagr" else "a growth rate"
    raise GrowthError(
        f"claim {rate.claim_id!r} ({rate.describe()}): subject {rate.subject!r} is in "
        f"{unit!r}, a share or a rate, not a level; {what} of a share is almost certainly "
        "a mistake (its change is in percentage points: 1.5% -> 3.0% is +1.5 pp, and "
        "'grew 25%' may mean either), and cagr() refuses it too: check the claim against "
        "the levels the share is of, or compare the share's change in pp (idcforecast show)",
        claim_id=rate.claim_id,
        subject=rate.subject,
        unit=unit,
    )


def _readings(claim: Claim) -> list[tuple[int, int]]:
    """(base year, steps) for each reading of the claim's period."""
    if claim.kind == "growth":
        return [(claim.year - 1, 1)]
    assert claim.start_year is not None
    span = claim.year - claim.start_year
    return [(claim.start_year, span), (claim.start_year - 1, span + 1)]


def _rate_interval(claim: Claim) -> tuple[float, float]:
    return claim_interval(claim)


def allowed_interval(
    group: _Group, claim: Claim, steps: int, reference: tuple[float, float]
) -> tuple[float, float]:
    """The levels a rate claim allows: for the base year when the set claims the end level
    (``reference`` unused), else for the end year from the base interval ``reference``."""
    r_lo, r_hi = _rate_interval(claim)
    if claim.year in group.intervals:
        e_lo, e_hi = group.intervals[claim.year]
        return _safe_div(e_lo, (1 + r_hi) ** steps), _safe_div(e_hi, (1 + r_lo) ** steps)
    return reference[0] * (1 + r_lo) ** steps, reference[1] * (1 + r_hi) ** steps


def _clip(value: float, interval: tuple[float, float]) -> float:
    return min(max(value, interval[0]), interval[1])


def _reading_row(
    group: _Group, claim: Claim, base_year: int, steps: int, history: History, tolerance: float
) -> dict[str, Any]:
    rate = claim.rate
    r_lo, r_hi = _rate_interval(claim)
    end = group.levels.get(claim.year)
    base_claim = group.levels.get(base_year)
    reference: Figure | None
    if base_claim is not None:
        span = group.intervals[base_year] if base_claim[0].is_range else None
        # a level claimed in another currency is named so, as a converted actual is; not
        # one whose source gave its own figure in the unit's currency (nothing converted)
        own = base_claim[0].unit
        converted = own if own and group.unit and changes_currency(own, group.unit) else None
        if converted is not None and source_figure(base_claim[0], group.unit) is not None:
            converted = None
        reference = Figure(
            base_claim[1],
            base_claim[0].qualifier,
            origin="claimed",
            span=span,
            converted_from=converted,
        )
    else:
        reference = history.actual(
            group.subject, base_year, claim_id=claim.claim_id, unit=group.unit
        )
    row: dict[str, Any] = {
        "claim_set": group.claim_set,
        "subject": group.subject,
        "unit": group.unit,
        "claim_id": claim.claim_id,
        "claim": claim.describe(),
        "reading": f"{steps} step{'s' if steps > 1 else ''} from {base_year}",
        "base_year": base_year,
        "steps": steps,
        "end_year": claim.year,
        "claimed_end": math.nan,
        "implied_base": math.nan,
        "reference_base": math.nan if reference is None else reference.value,
        "reference": "" if reference is None else reference.label(),
        "gap": math.nan,
        "implied_rate": math.nan,
        "claimed_rate": rate,
        "rate_gap": math.nan,
        "implied_end": math.nan,
        "actual_end": math.nan,
        "fits": pd.NA,
        "implied_qualifier": "",
        "implied_rate_qualifier": "",
        "implied_low": math.nan,
        "implied_high": math.nan,
        "implied_rate_low": math.nan,
        "implied_rate_high": math.nan,
        "actual_end_qualifier": "",
        "actual_end_derived": pd.NA,
    }
    ranged = claim.is_range or (base_claim is not None and base_claim[0].is_range)
    if end is not None:
        end_claim, end_value = end
        ranged = ranged or end_claim.is_range
        implied = end_value / (1 + rate) ** steps
        row.update(claimed_end=end_value, implied_base=implied)
        if ranged:  # the bases the claims allow; with nothing to compare, no nearest one
            # (the base of the midpoints was shown: 231.1 for bases of 224.1 to 238.1)
            low, high = allowed_interval(group, claim, steps, (0.0, 0.0))
            row.update(implied_low=low, implied_high=high)
            if reference is None:
                row["implied_base"] = math.nan
        # the base rises with the end and falls with the rate
        row["implied_qualifier"] = _qualifier_of(
            rising=(end_claim.qualifier,), falling=(claim.qualifier,)
        )
        if reference is not None:
            row["implied_rate_qualifier"] = _qualifier_of(
                rising=(end_claim.qualifier,), falling=(reference.qualifier,)
            )
            # the base the claims allow: [end_lo / (1+r_hi)^n, end_hi / (1+r_lo)^n]
            with_rates = allowed_interval(group, claim, steps, reference.interval)
            needed = _rates_between(reference.interval, group.intervals[claim.year], steps)
            row["implied_rate"] = (end_value / reference.value) ** (1 / steps) - 1
            _rate_span(row, needed)
            # 0 inside a bound ("more than 3,200" allows every base above its floor), else
            # the distance from it: the floor 1,959.2 against an actual of 2,238.7 was a gap
            # of -12.5% beside "fits yes" (the same as implied / reference - 1 for exact
            # figures, whose intervals are points)
            row["gap"] = interval_gap(with_rates, reference.interval)
            row["rate_gap"] = _rate_gap((r_lo, r_hi), needed)
            row["fits"] = overlaps(with_rates, reference.interval, tolerance)
            if ranged:  # the allowed figures nearest the evidence, not the midpoints
                _nearest(row, with_rates, reference.interval, (r_lo, r_hi), needed, "implied_base")
        return row
    actual_end = history.actual(group.subject, claim.year, claim_id=claim.claim_id, unit=group.unit)
    if reference is not None and actual_end is not None:
        ref_lo, ref_hi = reference.interval
        implied_end = reference.value * (1 + rate) ** steps
        allowed = (ref_lo * (1 + r_lo) ** steps, ref_hi * (1 + r_hi) ** steps)
        row.update(
            implied_end=implied_end,
            actual_end=actual_end.value,
            # "more than 650" was shown and told as 650, beside a gap that is a bound
            actual_end_qualifier=actual_end.qualifier,
            actual_end_derived=actual_end.derived,
        )
        # the end rises with the base and the rate
        row["implied_qualifier"] = _qualifier_of(rising=(reference.qualifier, claim.qualifier))
        row["implied_rate_qualifier"] = _qualifier_of(
            rising=(actual_end.qualifier,), falling=(reference.qualifier,)
        )
        needed = _rates_between(reference.interval, actual_end.interval, steps)
        row["gap"] = interval_gap(allowed, actual_end.interval)  # 0 inside a bound
        row["implied_rate"] = (actual_end.value / reference.value) ** (1 / steps) - 1
        _rate_span(row, needed)
        row["rate_gap"] = _rate_gap((r_lo, r_hi), needed)
        row["fits"] = overlaps(allowed, actual_end.interval, tolerance)
        if ranged:
            row.update(implied_low=allowed[0], implied_high=allowed[1])
            _nearest(row, allowed, actual_end.interval, (r_lo, r_hi), needed, "implied_end")
    return row


def _rate_span(row: dict[str, Any], needed: tuple[float, float]) -> None:
    """``implied_rate_low`` / ``implied_rate_high``: the rates the levels imply when a level
    is a range (from 2,238.7 to "3000-3400亿元" in a step, 34.0% to 51.9%), whose midpoint's
    rate, ``implied_rate``, was the only one shown (42.9%, "implied CAGR" in
    check-claims). NaN for exact levels and bounds (``implied_rate_qualifier`` says those)."""
    low, high = needed
    if math.isfinite(low) and math.isfinite(high) and low > -1 and high - low > 1e-12:
        row.update(implied_rate_low=low, implied_rate_high=high)


def _qualifier_of(*, rising: tuple[str, ...] = (), falling: tuple[str, ...] = ()) -> str:
    """The qualifier of a figure computed from qualified ones ("unbounded" when none)."""
    joint = _joint_qualifier(rising=rising, falling=falling)
    return "unbounded" if joint is None else joint[0]


def _nearest(
    row: dict[str, Any],
    allowed: tuple[float, float],
    evidence: tuple[float, float],
    rates: tuple[float, float],
    needed: tuple[float, float],
    implied: str,
) -> None:
    """For a range claim: the implied level and claimed rate are the allowed figures nearest
    the evidence, and ``gap`` / ``rate_gap`` their distance from it (0 inside the range).

    ``needed`` is the interval of rates the levels imply (every base and end they allow):
    ``rate_gap`` is the claimed rates' distance from it, never from the rate of a level
    range's midpoint (``implied_rate``)."""
    gap = interval_gap(allowed, evidence)
    row["gap"] = gap
    if gap == 0:
        row[implied] = _clip(
            row["reference_base" if implied == "implied_base" else "actual_end"], allowed
        )
    else:
        row[implied] = allowed[1] if gap < 0 else allowed[0]
    if rates[1] < needed[0]:  # every claimed rate is below the rates the levels allow
        row["claimed_rate"], row["rate_gap"] = rates[1], rates[1] - needed[0]
    elif rates[0] > needed[1]:
        row["claimed_rate"], row["rate_gap"] = rates[0], rates[0] - needed[1]
    else:  # they meet: the claimed rate nearest the midpoint's, among those the levels allow
        both = (max(rates[0], needed[0]), min(rates[1], needed[1]))
        row["claimed_rate"], row["rate_gap"] = _clip(row["implied_rate"], both), 0.0


def _rate_gap(rates: tuple[float, float], needed: tuple[float, float]) -> float:
    """How far the claimed rates lie from the rates the levels imply: 0 when the intervals
    meet, else the nearer ends' difference (negative when the claim is below)."""
    if rates[1] < needed[0]:
        return rates[1] - needed[0]
    if rates[0] > needed[1]:
        return rates[0] - needed[1]
    return 0.0


def _rates_between(
    base: tuple[float, float], end: tuple[float, float], steps: int
) -> tuple[float, float]:
    """The compound rates from some level in ``base`` to some level in ``end``: from the
    lowest end over the highest base to the highest end over the lowest base."""
    return (
        _safe_div(end[0], base[1]) ** (1 / steps) - 1,
        _safe_div(end[1], base[0]) ** (1 / steps) - 1,
    )


def _safe_div(a: float, b: float) -> float:
    return math.inf if b == 0 else a / b


def claim_readings(
    claims: Any,
    *,
    history: Any = None,
    tolerance: float | str = 0.01,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Every reading of every growth or CAGR claim, one row each (the detail behind
    :func:`check_claims`; the parameters are its parameters).

    Parameters
    ----------
    claims
        Claims as :func:`idcforecast.claims.read_claims` accepts them: a list of
        :class:`Claim`, a frame in the ``published_forecasts`` schema, or a claims file.
    history
        Actuals to compare with, as :func:`check_claims` takes them: a tidy frame, a
        year-indexed Series, ``"bundled"``, or None (the claims against each other).
    tolerance
        Relative gap allowed between two figures (0.01 = 1%; percent text, "1%", too).
    kw_per_rack
        Power of one standard rack in kW (default 2.5), where a level in power meets
        levels in racks, or the reverse.
    encoding
        Text encoding of a claims ``.csv`` or ``.toml`` file (default UTF-8).

    Returns
    -------
    DataFrame
        One row per reading. Columns: ``claim_set, subject, unit, claim_id, claim, reading,
        base_year, steps, end_year, claimed_end, implied_base, reference_base, reference,
        gap, implied_rate, claimed_rate, rate_gap, implied_end, actual_end, fits,
        implied_qualifier, implied_rate_qualifier, implied_low, implied_high,
        implied_rate_low, implied_rate_high, actual_end_qualifier, actual_end_derived``.
        Rates are fractions; ``gap`` is relative: implied / reference - 1 for exact figures,
        and for a figure bounded by a qualifier ("more than 3,200" implies a base of more
        than 1,959.2) 0 when the evidence is inside the bound, else the distance from it
        (bound / evidence - 1); ``rate_gap`` the same for the claimed rate against the rates
        the levels allow; ``fits`` is NA when there is nothing to compare with; other
        numbers are NaN when that comparison does not apply to the reading. When the rate
        claim, or a level it is checked with, is a range, ``implied_base`` (or
        ``implied_end``) and ``claimed_rate`` are the figures in the claimed ranges nearest
        the evidence, so ``gap`` is 0 when the range holds the evidence and otherwise the
        distance from its nearer end (never from its midpoint); ``rate_gap`` is the distance
        between the claimed rate (or rate range) and the interval of rates the levels imply
        (every base and end they allow), 0 when they meet; ``claimed_end`` and
        ``implied_rate`` use a range's midpoint; ``implied_low`` and ``implied_high`` are
        the interval of bases (or end levels) the ranges allow (NaN for exact figures),
        ``implied_rate_low`` and ``implied_rate_high`` the interval of rates the levels
        imply when one of them is a range (NaN otherwise), ``actual_end_qualifier`` and
        ``actual_end_derived`` say how ``actual_end`` was published ("at_least" for "more
        than 650"; True when computed from other figures; ``""`` and NA without one), and
        ``implied_base`` is NaN where there is no evidence to be nearest to.
        ``implied_qualifier`` says how the claims' qualifiers bound ``implied_base`` (or
        ``implied_end``): ``"at_least"`` (a floor: a "more than" end), ``"at_most"`` (a
        ceiling: a "more than" rate), ``"approximately"``, ``"exact"``, or ``"unbounded"``
        (both: any level fits); ``implied_rate_qualifier`` the same for ``implied_rate``;
        both are ``""`` where the reading has no such figure.

    Examples
    --------
    >>> claims = [
    ...     Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022),
    ...     Claim(subject="m", kind="level", value=3200, unit="CNY 100m", year=2022),
    ... ]
    >>> claim_readings(claims)[["reading", "implied_base"]].round(1).values.tolist()
    [['2 steps from 2020', 1959.2], ['3 steps from 2019', 1533.1]]
    """
    tolerance = checked_tolerance(tolerance)
    hist, parsed = _history_and_claims(history, claims, encoding, kw_per_rack)
    return _readings_frame(_groups(parsed, hist), hist, tolerance)


def _history_and_claims(
    history: Any, claims: Any, encoding: str, kw_per_rack: float
) -> tuple[History, list[Claim]]:
    """The History and the parsed claims; a year-indexed Series of history is the series
    of the claims' one subject (:func:`idcforecast._claim_history.series_history`)."""
    parsed = None
    if isinstance(history, pd.Series):
        parsed = read_claims(claims, encoding=encoding)
        history = series_history(history, parsed, name="history")
    hist = History(history, kw_per_rack=kw_per_rack)
    return hist, read_claims(claims, encoding=encoding) if parsed is None else parsed


def _readings_frame(groups: list[_Group], hist: History, tolerance: float) -> pd.DataFrame:
    rows = []
    for group in groups:
        for claim in group.claims:
            if claim.kind == "level":
                continue
            for base_year, steps in _readings(claim):
                rows.append(_reading_row(group, claim, base_year, steps, hist, tolerance))
    frame = pd.DataFrame(rows, columns=_READING_COLUMNS)
    frame["fits"] = frame["fits"].astype("boolean")
    frame["actual_end_derived"] = frame["actual_end_derived"].astype("boolean")
    return frame


def check_claims(
    claims: Any,
    *,
    history: Any = None,
    tolerance: float | str = 0.01,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
    encoding: str = "utf-8",
) -> pd.DataFrame:
    """Check claim sets for consistency, one row per claim set (and subject).

    Parameters
    ----------
    claims
        Claims as :func:`idcforecast.claims.read_claims` accepts them: a list of
        :class:`Claim`, a frame in the ``published_forecasts`` schema, or a CSV/TOML path.
    history
        Actuals to compare with: a tidy frame (``series_id, year, value``, and ``unit``,
        ``qualifier``, ``derived`` when present), a year-indexed Series (the history of
        the claims' one subject; its unit in ``attrs["unit"]``, else read in the claims'),
        ``"bundled"`` (each subject's bundled series), or None to check the claims against
        each other only.
    tolerance
        Relative gap allowed between two figures (0.01 = 1%; percent text, "1%", too).
    kw_per_rack
        Power of one standard rack in kW (default 2.5, MIIT's standard rack), used only
        where a level in power (MW) meets levels in racks, or the reverse: a claim of
        "13,000 MW" against a history in racks is 5.2 million racks at 2.5 kW, 2.6 million
        at 5 kW. The explanation names the rate used ("from 13,000 MW at 2.5 kW per rack").
    encoding
        Text encoding of a claims ``.csv`` or ``.toml`` file (default UTF-8; ``"gb18030"``
        for a CSV saved by Excel on Chinese Windows).

    Returns
    -------
    DataFrame
        ``claim_set, subject, unit, claims, consistent`` (boolean; NA when nothing could be
        checked, or no rate claim of a set that has some), ``derived_only`` (True when
        the set is consistent only on derived levels: every fit compares with a level
        computed from other published figures, perhaps from the claimed rate itself, so it
        may restate that computation), ``bound_only`` (True when the set is consistent
        only with actuals published as bounds: "CAGR 40% 2019-2021" against "more than
        520" in 2021, which any rate above 39.9% a year meets too), ``fits`` (the readings
        that fit, "none", or why a rate claim is "not checkable: no level for 2022, claimed
        or actual"; a fit on derived levels or bounds only says so: "1 step from 2014 (on
        derived levels only)", "2 steps from 2019 (consistent with a bound only)"),
        ``checked`` (what the verdict
        rests on: "CAGR 18.9% 2022-2027; stated 2022 level"; "" when nothing), then the
        numbers of the
        set's main rate claim (its CAGR claim, else its first growth claim) under its
        closest reading: ``reading, base_year, steps, implied_base, reference_base,
        reference, gap, implied_rate, claimed_rate, rate_gap``; then the outcome of its
        latest level claim: ``end_year, claimed_end, actual_end, actual_derived,
        end_gap`` (claimed / actual - 1); and a plain-language ``explanation``.
        :func:`claim_readings` has every reading.

    Raises
    ------
    UnknownSubjectError
        A claim whose subject is not in ``history``.
    GrowthError
        A growth or CAGR claim about a series in % or pp (a share: its change is in pp).
    SpecError
        A malformed claim or tolerance.
    DataError
        A claims file that is not ``encoding`` text (naming the encoding to pass).

    Examples
    --------
    >>> claims = [
    ...     Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022),
    ...     Claim(subject="m", kind="level", value=3200, unit="CNY 100m", year=2022),
    ... ]
    >>> history = pd.DataFrame({"series_id": "m", "year": [2019, 2020],
    ...                         "value": [1562.5, 2238.7], "unit": "CNY 100m"})
    >>> row = check_claims(claims, history=history).iloc[0]
    >>> bool(row.consistent), row.reading, round(float(row.gap), 3)
    (False, '3 steps from 2019', -0.019)
    """
    return checked_claims(
        claims, history=history, tolerance=tolerance, kw_per_rack=kw_per_rack, encoding=encoding
    )[0]


def checked_claims(
    claims: Any,
    *,
    history: Any = None,
    tolerance: float | str = 0.01,
    kw_per_rack: float = DEFAULT_KW_PER_RACK,
    encoding: str = "utf-8",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`check_claims` and :func:`claim_readings` of one check, for ``check-claims``
    which prints both (it checked every claim twice, and read the bundled data twice)."""
    from idcforecast._claim_explain import summarize, tuples

    tolerance = checked_tolerance(tolerance)
    hist, parsed = _history_and_claims(history, claims, encoding, kw_per_rack)
    if not parsed:
        raise SpecError(
            "check_claims: no claims given; pass a list of Claims, a claims frame or a "
            ".csv/.toml file with at least one claim",
            key="claims",
        )
    groups = _groups(parsed, hist)
    readings = _readings_frame(groups, hist, tolerance)
    # each set's readings once, as named tuples (pandas filters per set were quadratic, and
    # pandas operations on a set's two readings were most of the time)
    by_set: dict[tuple[str, str], list[Any]] = {}
    for reading in tuples(readings):
        by_set.setdefault((reading.claim_set, reading.subject), []).append(reading)
    rows = [
        summarize(group, by_set.get((group.claim_set, group.subject), []), hist, tolerance)
        for group in groups
    ]
    frame = pd.DataFrame(rows)
    frame["consistent"] = frame["consistent"].astype("boolean")
    frame["derived_only"] = frame["derived_only"].astype(bool)
    frame["bound_only"] = frame["bound_only"].astype(bool)
    return frame, readings
