"""Claims from records (dicts in the ``published_forecasts`` schema): every cell read and
checked, the errors naming the record's place.

:func:`claims_from_records` is what the file and frame readers of
:mod:`idcforecast._claim_files` end in (and what ``read_claims`` calls on a list of dicts).
Cells are coerced on the way: figure text ("320 billion yuan", "25-30%", "more than
3200.5亿元") into value, unit, qualifier or range (:mod:`idcforecast._claim_figure_cells`);
years into whole numbers; rates written as fractions
(0.278 for 27.8%) refused; a claim set with two claims of one ``claim_id`` refused
(:func:`check_unique`).
"""

from __future__ import annotations

import math
from dataclasses import fields
from typing import Any

from idcforecast._claim_dates import iso_made, year_text
from idcforecast._claim_figure_cells import figure_cell, range_end
from idcforecast._claim_figure_rows import figure_row_as_record
from idcforecast._claim_open_periods import (
    open_bracketed_rate,
    open_period_row,
    warn_unchecked,
)
from idcforecast._claim_rate_currency import read_currency_words
from idcforecast._claim_value_years import years_of_value
from idcforecast.claims import KINDS, Claim, parse_period, qualifier_from_words
from idcforecast.errors import SpecError

__all__ = [
    "FIELDS",
    "REQUIRED",
    "check_unique",
    "claims_from_records",
    "is_blank_cell",
    "kind_word",
]

FIELDS = tuple(f.name for f in fields(Claim))
REQUIRED = ("subject", "kind", "value", "year")


def is_blank_cell(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        if value is pd.NA:
            return True
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return isinstance(value, str) and value.strip() == ""


def claims_from_records(
    records: list[dict[str, Any]], *, places: list[tuple[str, Any]]
) -> list[Claim]:
    """Claims from ``records``; ``places`` gives each one's place text and its row (the
    ``row`` field of an error)."""
    claims = []
    plain: list[tuple[str, Any, str, float]] = []  # rates written without a % sign
    unchecked: list[str] = []  # rows over a period whose start is unknown ("?-2030")
    kept_places = []
    for record, (where, row) in zip(records, places, strict=True):
        clean = {k: v for k, v in record.items() if not is_blank_cell(v)}
        if (said := open_period_row(clean, where)) is not None:
            unchecked.append(said)  # find_figures' "rise 160% by 2030": nothing to check
            continue
        clean = figure_row_as_record(clean)  # a find_figures row: its own columns read
        raw = {k: clean.get(k) for k in ("value", "low", "high")}
        unknown = sorted(set(clean) - set(FIELDS) - {"period"})
        if unknown:
            raise SpecError(
                f"{where}: unknown key(s) {unknown}; expected some of {', '.join(FIELDS)} "
                "or period",
                row=row,
                key=unknown[0],
            )
        if isinstance(clean.get("kind"), str):  # "CAGR", " Growth ": the kind, as written
            clean["kind"] = kind_word(clean["kind"])
            _check_kind(clean["kind"], where=where, row=row)
        if isinstance(clean.get("made"), str):
            clean["made"] = iso_made(clean["made"])
        for key in ("subject", "claim_set", "claim_id", "qualifier", "by", "confidence"):
            if isinstance(clean.get(key), str):  # "gt, china_idc_cidc_overall": no subject
                clean[key] = clean[key].strip()  # ' china_idc_cidc_overall' was unknown
        if isinstance(clean.get("qualifier"), str):  # "more than", ">", "约": as a figure's
            clean["qualifier"] = qualifier_from_words(clean["qualifier"]) or clean["qualifier"]
        if "period" in clean:
            period = clean.pop("period")
            years = _period(period, clean.get("kind"), where=where, row=row)
            _check_period_agrees(period, years, clean, where=where, row=row)
            clean.update(years)
        ends = clean.get("value")
        if isinstance(ends, list | tuple) and len(ends) == 2 and not {"low", "high"} & set(clean):
            # value = [3100, 3300] in a TOML file: a range by its two ends (was an error
            # that named low and high)
            clean["low"], clean["high"] = ends
            raw = {"value": None, "low": ends[0], "high": ends[1]}
            del clean["value"]
        if "value" not in clean and "low" in clean and "high" in clean:
            clean["value"] = math.nan  # a range given by its ends; value is its midpoint
        # the currency words first: "27.8% (2020-2022) in RMB terms" ends in its period then
        read_currency_words(clean, where=where, row=row)  # "27.8% in RMB terms"
        years_of_value(clean, where=where, row=row)  # "3200亿元（2022年）", "27.8% (2020-22)"
        if (said := open_bracketed_rate(clean, where)) is not None:
            unchecked.append(said)  # a CAGR "25% (2025)": its first year unknown
            continue
        missing = [k for k in REQUIRED if k not in clean]
        if missing:
            raise SpecError(
                f"{where}: missing {', '.join(missing)}; every claim needs subject, kind, "
                "year (or period) and value"
                + (
                    " (a year or period in brackets after the value gives them: "
                    "'3200亿元（2022年）', '27.8% (2020-2022)')"
                    if "year" in missing and "value" not in missing
                    else ""
                ),
                row=row,
                key=missing[0],
            )
        if isinstance(clean["value"], str):
            clean.update(figure_cell(clean["value"], clean, where=where, row=row))
        for key in ("low", "high"):
            if isinstance(clean.get(key), str):
                clean[key] = range_end(clean[key], clean, key=key, where=where, row=row)
        for key in ("year", "start_year"):
            if key in clean:
                clean[key] = _integer(clean[key], key=key, where=where)
        if isinstance(clean.get("unit"), str):  # after the cells it is used to read
            clean["unit"] = _unit(clean["unit"], where=where, row=row)
        kept_places.append(where)
        try:
            claims.append(Claim(**clean))
        except SpecError as err:
            raise SpecError(f"{where}: {err}", row=row) from err
        if claims[-1].kind != "level":
            plain += [(where, row, k, float(str(v))) for k, v in raw.items() if _plain_number(v)]
    _check_not_fractions(claims, plain)
    check_unique(claims, kept_places)
    warn_unchecked(unchecked, none_left=not claims and bool(records))
    return claims


def _plain_number(value: Any) -> bool:
    """True for a number, or text that is a number without a percent sign ("0.278")."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _check_not_fractions(claims: list[Claim], plain: list[tuple[str, Any, str, float]]) -> None:
    """Refuse rates that look written as fractions (0.278 meant as 27.8%).

    Claims give rates in percent, so a plain 0.278 is 0.278% a year: a table whose rates
    were all written as fractions was checked as rates a hundred times too small, in
    silence. When every rate of the claims is below 1 in size and one of them is a plain
    number (no percent sign), that is refused, naming both readings; a rate that really is
    below 1% is written with its sign ("0.5%"), which is never refused.
    """
    rates = [c for c in claims if c.kind != "level"]
    if not rates or not any(v != 0 for *_, v in plain):
        return
    if any(abs(x) >= 1 for c in rates for x in (c.value, c.low, c.high) if x is not None):
        _warn_small_rates(plain)
        return
    where, row, key, value = next(p for p in plain if p[3] != 0)
    percent = f"{value * 100:.10g}"
    which = f"every rate of these claims ({len(rates)}) is" if len(rates) > 1 else "it is"
    raise SpecError(
        f"{where}: {key} {value:g} is read as {value:g}% (claims give rates in percent, "
        f"27.8 = 27.8%), and {which} below 1 in size, as a fraction is; write {percent} if "
        f"{percent}% was meant, or '{value:g}%' (with the percent sign) if {value:g}% was",
        key=key,
        value=value,
        row=row,
    )


def _warn_small_rates(plain: list[tuple[str, Any, str, float]]) -> None:
    """An AmbiguousNumberWarning for each plain rate below 1 in size beside larger rates:
    read as a percent (0.35 is 0.35%), as the other rates say, but it may be a fraction
    (an Excel cell typed 0.35 beside one formatted 27.8%); "0.35%" says which."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning

    for where, _, key, value in plain:
        if value == 0 or abs(value) >= 1:
            continue
        percent = f"{value * 100:.10g}"
        warnings.warn(
            f"{where}: {key} {value:g} is read as {value:g}% (claims give rates in percent), "
            f"though it may be a fraction ({percent}%); write '{value:g}%' to confirm, or "
            f"{percent} if {percent}% was meant",
            AmbiguousNumberWarning,
            stacklevel=_caller_level(),
        )


def _caller_level() -> int:
    """The ``stacklevel`` of the first frame outside idcforecast (the user's call of
    read_claims or check_claims, whichever reader path led here)."""
    import sys

    frame: Any = sys._getframe(1)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("idcforecast"):
        frame, level = frame.f_back, level + 1
    return level


def check_unique(claims: list[Claim], places: list[str]) -> None:
    """Refuse two claims with one ``claim_id``: the checks match readings to claims by it.

    A claim given twice was checked twice, its readings listed four times and its
    explanation repeated; two different claims under one generated id (two CAGRs ending
    in the same year of one set) had their readings mixed.
    """
    seen: dict[str, tuple[Claim, str]] = {}
    for claim, place in zip(claims, places, strict=True):
        if claim.claim_id not in seen:
            seen[claim.claim_id] = (claim, place)
            continue
        first, first_place = seen[claim.claim_id]
        if claim == first:
            raise SpecError(
                f"{place} repeats {first_place} ({claim.describe()}, claim_id "
                f"{claim.claim_id!r}); remove one of them",
                key="claim_id",
                value=claim.claim_id,
            )
        levels = claim.kind == first.kind == "level" and (claim.subject, claim.claim_set) == (
            first.subject,
            first.claim_set,
        )
        # two levels of one set and year: their own ids led to "two level claims ... keep
        # one per year and set", so the fix names what they usually are
        fix = (
            ONE_LEVEL_A_YEAR
            if levels
            else "give each its own claim_id (when left out, it is made of the claim set or "
            "subject, the kind and the year)"
        )
        raise SpecError(
            f"{first_place} and {place} have the same claim_id {claim.claim_id!r} "
            f"({first.describe()}; {claim.describe()}); {fix}",
            key="claim_id",
            value=claim.claim_id,
        )


# what to do with two level claims of one set for one year
ONE_LEVEL_A_YEAR = (
    "a claim set states one level a year: if both are one figure in two currencies or "
    "units ('1,293.5亿元 (US$17.8 bn)'), keep one and give the other as its alternate (an "
    "'alternate' column); if they come from different publications, give each its own "
    "claim_set"
)


def _unit(text: str, *, where: str, row: Any) -> str:
    """A unit cell in its canonical spelling ("亿元" -> "CNY 100m", "percent" -> "%"), as
    ``read_series`` stores units; an unknown unit is refused here, naming the row (it was
    kept as written: "3,200 亿元" in the text, "percent" refused for a CAGR, "foo" left to
    fail later without a place)."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import canonical_unit

    try:
        return canonical_unit(text.strip())
    except IdcForecastError as err:
        raise SpecError(f"{where}: {err}", key="unit", value=text, row=row) from err


def _check_period_agrees(
    period: Any, years: dict[str, int], record: dict[str, Any], *, where: str, row: Any
) -> None:
    """A ``year`` or ``start_year`` given beside ``period`` must be the period's own: a
    table with both columns filled the same ("2020-22" and 2022) was refused with "give
    either period or start_year/year, not both", and two that differ did not say how."""
    given = {key: record[key] for key in ("start_year", "year") if key in record}
    differ = []
    for key, value in given.items():
        read: Any = year_text(value) if isinstance(value, str) else value
        try:
            same = key in years and read is not None and float(read) == years[key]
        except (TypeError, ValueError):
            same = False
        if not same:
            differ.append(f"{key} {value!r}")
    if not differ:
        return
    said = ", ".join(f"{key} {value}" for key, value in years.items())
    raise SpecError(
        f"{where}: period {period!r} is {said}, but {' and '.join(differ)} "
        f"{'is' if len(differ) == 1 else 'are'} given too; give the years once (the period, "
        "or start_year and year), or make them agree",
        row=row,
        key="period",
    )


def _period(text: Any, kind: Any, *, where: str, row: Any) -> dict[str, int]:
    """``start_year`` and ``year`` of a period as written; a single year ("2022", "2022年")
    is the year of a level or growth claim (the period column of a table holding both).
    Errors name the row (they did not)."""
    if not isinstance(text, str) and type(text).__name__ not in ("bool", "bool_"):
        # period = 2022 in a TOML file, a dict or a frame's number column: "period 2022 is
        # not a year; write it as 2022" (only text was read as a year)
        text = f"{text:.0f}" if _whole_number(text) else text
    if kind in ("level", "growth") and (year := year_text(text)) is not None:
        return {"year": year}
    try:
        start, end = parse_period(str(text).strip() if isinstance(text, str) else text)
    except SpecError as err:
        if kind == "level":  # "is not two years" asked a level for a period
            raise SpecError(
                f"{where}: a level claim is about one year, and period {text!r} is not a "
                "year; write it as 2022, '2022年' or 'FY2022'",
                row=row,
                key="period",
                value=text,
            ) from err
        raise SpecError(f"{where}: {err}", row=row, key="period", value=text) from err
    if kind == "level":
        raise SpecError(
            f"{where}: a level claim is about one year, found the period {text!r}; give its "
            "year (e.g. period 2022 or year 2022)",
            row=row,
            key="period",
            value=text,
        )
    return {"start_year": start, "year": end}


def _whole_number(value: Any) -> bool:
    """Whether ``value`` is a finite whole number (2022, 2022.0, numpy's int64)."""
    try:
        return float(value).is_integer()
    except (TypeError, ValueError, OverflowError):
        return False


# a kind as analysts' tables write it ("YoY", "同比", "复合增长率": each was "not one of
# level, growth, cagr", 'yoy' without a hint)
_KIND_WORDS = {
    **dict.fromkeys(("yoy", "y/y", "year-on-year", "同比", "同比增长", "同比增速"), "growth"),
    # a one-year rate as tables head it; over more years it is an error naming kind 'cagr'
    **dict.fromkeys(("yoy growth", "y-o-y", "growth rate", "增速", "增长率"), "growth"),
    **dict.fromkeys(("compound annual growth rate", "复合增长率", "年均复合增长率"), "cagr"),
    **dict.fromkeys(("年复合增长率", "年均增速", "年均增长率"), "cagr"),
    **dict.fromkeys(("规模", "市场规模", "size", "market size"), "level"),
}


def kind_word(kind: str) -> str:
    """A kind as analysts' tables write it ("YoY", " 规模 ") as its name ("growth",
    "level"); an unknown word as written, lower case.

    Examples
    --------
    >>> kind_word(" YoY "), kind_word("市场规模"), kind_word("CAGR")
    ('growth', 'level', 'cagr')
    """
    word = kind.strip().lower()
    return _KIND_WORDS.get(word, word)


def _check_kind(kind: str, *, where: str, row: Any) -> None:
    """A kind that is none of level, growth, cagr is named before the period is read (a
    typo, "grwoth", was reported as "period '2021' is not two years")."""
    if kind in KINDS:
        return
    import difflib

    close = difflib.get_close_matches(kind, KINDS, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise SpecError(
        f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}{hint}; a claim states a "
        "level, a year-on-year growth or a CAGR",
        row=row,
        key="kind",
        value=kind,
    )


def _integer(value: Any, *, key: str, where: str) -> int:
    if (year := year_text(value)) is not None:  # "2022年", "FY2022", "2022E"
        value = year
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not number.is_integer():
        hint = ""
        try:  # "2020-22" in the year column: a period, which has its own column
            first, last = parse_period(value) if isinstance(value, str) else (0, 0)
        except SpecError:
            first = last = 0
        if last == first + 1:
            # "2022/23", "FY2022/23": one fiscal year across two calendar years, which the
            # period column reads as one step 2022 -> 2023 (the advice was to put it there)
            hint = (
                f"; {value!r} reads as a fiscal year across {first} and {last}: give the one "
                f"calendar year the series counts it in ({key} {first} or {last}); for a "
                f"rate over {first}-{last}, kind growth with year {last}"
            )
        elif last:
            hint = f"; a period goes in the period column (period {value!r}), not in {key}"
        raise SpecError(f"{where}: {key} must be a year, found {value!r}{hint}", key=key)
    return int(number)
