"""Private: how a claim set's level claims fared against the actuals, for the summary of
:mod:`idcforecast._claim_explain`: the restated facts checked (:func:`fact_checks`), and
the outcome of its forecasts (:func:`outcome_of_forecasts`), with the words of each.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from idcforecast._claim_history import History, interval_gap, outcome, overlaps
from idcforecast._claim_positions import claimed_num, num, span_words
from idcforecast._claim_published import as_published
from idcforecast._wording import level_words
from idcforecast.claims import Claim

if TYPE_CHECKING:
    from idcforecast.claim_checks import _Group

__all__ = ["fact_checks", "is_forecast", "outcome_of_forecasts", "shared_source"]

# a web address in a source cell: "hfnxjk.com/datacenter/news/563646.html", "wanbiaoku.com"
_ADDRESS = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:/[\w./%?=&#-]*)?", re.IGNORECASE)


def shared_source(claimed: str, actual: str) -> str:
    """What a claim's source and an actual's source share: the whole text when they are
    the same, else the first web address both name (each address whole: two articles on
    one site are two sources); "" when nothing.

    A restated level checked against an actual taken from the same publication matches by
    construction ("The stated 2019 level (1,562.5) matches the actual 1,562.5", both from
    hfnxjk.com), and that match was a set's whole verdict.

    Examples
    --------
    >>> shared_source("wanbiaoku.com; nansucms.com", "wanbiaoku.com; nansucms.com")
    'wanbiaoku.com; nansucms.com'
    >>> shared_source("chinaservicesinfo.com (2023-08-16); xmtcb.com/keji/31311.html",
    ...               "IDC, via chinaservicesinfo.com (2023-08-16) and xmtcb.com/keji/31311.html")
    'chinaservicesinfo.com'
    >>> shared_source("sina.com.cn/a/1.html", "sina.com.cn/b/2.html"), shared_source("", "")
    ('', '')
    """
    one, two = " ".join(claimed.split()), " ".join(actual.split())
    if not one or not two:
        return ""
    if one.casefold() == two.casefold():
        return one
    theirs = {a.rstrip("./").casefold() for a in _ADDRESS.findall(two)}
    for address in _ADDRESS.findall(one):
        if address.rstrip("./").casefold() in theirs:
            return address.rstrip("./")
    return ""


def is_forecast(claim: Claim) -> bool:
    """A level for a year not over when it was published (its own year included)."""
    made = claim.made_year
    return made is None or claim.year >= made


def fact_checks(
    group: _Group, history: History, tolerance: float
) -> list[tuple[Claim, float, Any, bool]]:
    checks = []
    for year, (claim, value) in sorted(group.levels.items()):
        if is_forecast(claim):  # includes an unknown made date: never judged as a fact
            continue
        actual = history.actual(group.subject, year, claim_id=claim.claim_id, unit=group.unit)
        if actual is None:
            continue
        ok = overlaps(group.intervals[year], actual.interval, tolerance)
        checks.append((claim, value, actual, ok))
    return checks


def outcome_of_forecasts(group: _Group, history: History) -> dict[str, Any]:
    out: dict[str, Any] = {
        "end_year": pd.NA,
        "claimed_end": math.nan,
        "actual_end": math.nan,
        "actual_derived": pd.NA,
        "end_gap": math.nan,
        "_text": "",
    }
    forecasts = sorted((y, cv) for y, cv in group.levels.items() if is_forecast(cv[0]))
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
    """The outcome of one level forecast: the columns of :func:`outcome_of_forecasts`
    and its text."""
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
            out["_text"] = _no_actual_words(history, group.subject, year, claim.claim_id)
        return out
    span = group.intervals[year]
    # a range: the distance from its nearer end (0 inside), never from its midpoint
    gap = interval_gap(span, actual.interval) if claim.is_range else value / actual.value - 1
    if math.isclose(gap, 0.0, abs_tol=1e-9):  # 320 CNY bn is 3200.0000000000005 亿元
        gap = 0.0
    out.update(actual_end=actual.value, actual_derived=actual.derived, end_gap=gap)
    # None: an actual published as a bound ("more than 4,000") that leaves it open (it
    # said "held" whenever the claim could have held)
    held = outcome(span, actual.interval, 0.0)
    shot = _shot(gap, actual.qualifier)
    # a level claimed in another currency, or in power against racks
    published = as_published(claim, group.unit, kw_per_rack=group.kw_per_rack)
    claimed = f"{level_words(claim.qualifier)}{claimed_num(value)}{published}"
    # derived, or converted from the history's currency (as the stated levels say)
    about = ["derived"] if actual.derived else []
    if actual.converted_from is not None:
        about.append(f"from {actual.converted_from} at its year's FX rate")
    derived = f" ({', '.join(about)})" if about else ""
    actual_words = f"{level_words(actual.qualifier)}{num(actual.value)}"
    head = f"Outcome: the {year} actual was {actual_words}{derived}; "
    if claim.is_range:
        end = "high" if gap < 0 else "low"
        verdict = (
            "is open: the actual, a bound, may lie inside it or beyond it"
            if held is None
            else "held: the actual is inside it"
            if held
            else f"failed: its {end} end {shot}"
        )
        out["_text"] = f"{head}the claimed {span_words(span, claimed=True)}{published} {verdict}."
    elif claim.qualifier in ("at_least", "at_most"):
        verdict = (
            "is open:"
            if held is None
            else ("held:" if gap == 0 else "held, though")
            if held
            else "failed:"
        )
        out["_text"] = f"{head}the claim ({claimed}) {verdict} it {shot}."
    else:
        out["_text"] = f"{head}the claimed {claimed} {shot}."
    return out


def _no_actual_words(history: History, subject: str, year: int, claim_id: str) -> str:
    """The outcome of a forecast for a ``year`` the history has no actual for: "no actual
    for 2025 yet" after the latest year, "the data have no 2022" for a year they lack
    before it (a gap: 2021 and 2023 reported), as the track record says it; "yet" was
    said of a past year the data skip."""
    years = history.series(subject, claim_id=claim_id)["year"].dropna()
    if len(years) and year < int(years.max()):
        return f"Outcome: the data have no {year} (they run to {int(years.max())})."
    return f"Outcome: no actual for {year} yet."


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
