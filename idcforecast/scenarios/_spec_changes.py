"""The values of a scenario's ``growth`` and ``shocks`` tables, read by period.

A period is a year or a year range ("2026", "2025-2027", "2025-27", "2025至2027年"); a
value is a fraction (0.03 = +3%), a percent text ("3%", "3 pct"), percentage points
("+2pp", "2个百分点", "50bp" as :class:`Points`) or a relative change ("+5% relative", as
:class:`Relative`). :mod:`idcforecast.scenarios.spec` documents the keys; errors name the
file, the scenario and the key.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Mapping
from typing import Any

from idcforecast.errors import SpecError

__all__ = ["MAX_POINTS", "Points", "Relative", "parse_changes"]


class Points(float):
    """A growth adjustment or shock in percentage points ("+2pp"), as parsed; split from
    the fractions by :func:`_split_points`."""


class Relative(float):
    """A growth adjustment or shock said to be relative ("+5% relative"): a fraction of the
    level, which a series in % takes (a bare fraction is ambiguous there)."""


def _split_points(values: dict[int, float]) -> tuple[dict[int, float], dict[int, float]]:
    """The fractions and the percentage points of one key, each by year."""
    relative = {year: v for year, v in values.items() if not isinstance(v, Points)}
    points = {year: float(v) for year, v in values.items() if isinstance(v, Points)}
    return relative, points


def parse_changes(
    table: Any, origin: str, name: str, key: str
) -> tuple[dict[int, float], dict[int, float]]:
    """A scenario's ``growth`` or ``shocks`` table as (fractions by year, percentage points
    by year); a :class:`Relative` fraction stays one. Raises :class:`SpecError` naming the
    file, the scenario and the key."""
    return _split_points(_parse_periods(table, origin, name, key))


def _parse_periods(table: Any, origin: str, name: str, key: str) -> dict[int, float]:
    where = f"{origin}: scenario {name!r} key {key!r}"
    if not isinstance(table, Mapping):
        raise SpecError(
            f'{where} must be a table of period = fraction, e.g. {{"2025-2027" = 0.03}}; '
            f"found {table!r}",
            file=origin,
            scenario=name,
            key=key,
        )
    out: dict[int, float] = {}
    source: dict[int, str] = {}  # the period each year came from, to name an overlap
    for period, frac in table.items():
        years = _parse_period(str(period))
        ends = _period_ends(str(period))
        if years is None and ends is not None:  # was "is not a year or a year range"
            raise SpecError(
                f"{where}: period {period!r} ends before it starts; write '{ends[1]}-{ends[0]}'",
                file=origin,
                scenario=name,
                key=key,
            )
        if years is None:
            raise SpecError(
                f"{where}: period {period!r} is not a year or a year range; expected "
                "'2026' or '2025-2027'",
                file=origin,
                scenario=name,
                key=key,
            )
        frac = _fraction(frac, f"{where}: period {period!r}", origin, name, key)
        for year in years:
            if year in out:
                raise SpecError(
                    f"{where}: year {year} is in two periods, {source[year]!r} and "
                    f"{str(period)!r}; give each year once (e.g. end the first period a year "
                    "earlier)",
                    file=origin,
                    scenario=name,
                    key=key,
                )
            out[year] = frac
            source[year] = str(period)
    return out


def _fraction(value: Any, where: str, origin: str, name: str, key: str) -> float:
    """A growth adjustment or shock: a fraction (0.03 = +3%), a percent text ("3%"), or
    percentage points ("+2pp", returned as :class:`Points`).

    A number of 1 or more is refused: 4 would be +400% a year, almost always a slip for
    0.04; a percent text says what is meant ("400%") when it is not.
    """
    if isinstance(value, str):
        from idcforecast.units.registry import normalize_text

        # "−5%" (the typographic minus, as Word and many sites write it) and "-5％" (the
        # full-width percent of Chinese input) were refused as "not a percent"
        value = normalize_text(value).replace("\u2212", "-")
        said = re.fullmatch(r"(.+?)\s*(?:relative|rel\.?)", value.strip(), flags=re.IGNORECASE)
        if said:  # "+5% relative", "0.05 rel": a fraction of the level, also on a share
            return _relative(said.group(1).strip(), value, where, origin, name, key)
    if isinstance(value, str) and value.endswith("%"):
        number = value[:-1].strip()
        try:
            percent = float(number)
        except ValueError:
            percent = math.nan
        if math.isfinite(percent):
            return percent / 100.0
    if isinstance(value, str):
        change = _change_in_text(value, where, origin, name, key)
        if change is not None:
            return change
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise SpecError(
            f'{where} must map to a fraction (0.03 = +3%), a percent ("3%", "3 pct") or, for '
            f'a series in %, percentage points ("+2pp", "2 ppt", "2个百分点"); found {value!r}',
            file=origin,
            scenario=name,
            key=key,
        )
    if value >= 1.0:
        raise SpecError(
            f"{where}: {value!r} is +{100 * value:g}% (fractions: 0.03 = +3%); write "
            f'{value / 100:g} for +{value:g}%, or "{100 * value:g}%" if +{100 * value:g}% '
            "is meant",
            file=origin,
            scenario=name,
            key=key,
        )
    return float(value)


def _relative(inner: str, text: str, where: str, origin: str, name: str, key: str) -> Relative:
    """The fraction of "+5% relative" (inner "+5%") or "0.05 rel" (inner "0.05")."""
    number: Any = inner
    with contextlib.suppress(ValueError):  # "0.05" is the fraction; "+5%" stays text
        number = float(inner)
    frac = _fraction(number, where, origin, name, key)
    if isinstance(frac, Points | Relative):
        raise SpecError(
            f'{where}: {text!r} is no relative change; write "+5% relative" (5% of the level) '
            'or "+2pp" (points)',
            file=origin,
            scenario=name,
            key=key,
        )
    return Relative(frac)


MAX_POINTS = 100.0  # a share moves at most 100 points: more is a slip (a level, a fraction)


# analysts' shorthands for percentage points that the unit registry does not read ("ppt" is
# also parts per trillion there, "pts" index points): read as "pp" in a growth or shock
_POINTS_SHORTHAND = re.compile(
    r"([-+]?\s*\d[\d.]*)\s*(?:ppts?|pts?|points?|p\.\s?p\.?)", flags=re.IGNORECASE
)


def _change_in_text(
    text: str, where: str, origin: str, name: str, key: str
) -> float | Points | None:
    """A change written with its unit: percent ("3 pct", "3 percent", "百分之三") as the
    fraction, percentage points ("+2pp", "-1.5 percentage points", "2个百分点", "3 ppt",
    "3 pts") or basis points ("50bp": 0.5 points) as :class:`Points`; None for text in no
    such unit."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity

    shorthand = _POINTS_SHORTHAND.fullmatch(text.strip())
    spelled = f"{shorthand.group(1).replace(' ', '')}pp" if shorthand else text
    try:
        quantity = parse_quantity(spelled)
    except IdcForecastError:
        return None
    if quantity.unit not in ("%", "pp", "bp"):
        return None
    if quantity.is_range or quantity.qualifier not in ("exact", "approximately"):
        one = '"+3%"' if quantity.unit == "%" else '"+2pp"'
        raise SpecError(
            f"{where}: {text!r} is not one number (a range or a bound); expected one change "
            f"such as {one}",
            file=origin,
            scenario=name,
            key=key,
        )
    if quantity.unit == "%":
        return float(quantity.value) / 100.0  # a percent said in words, as "3%" is
    points = float(quantity.value) / (100.0 if quantity.unit == "bp" else 1.0)
    if not (math.isfinite(points) and abs(points) <= MAX_POINTS):
        raise SpecError(
            f"{where}: {text!r} moves the level by more than {MAX_POINTS:g} percentage "
            'points; expected a change in points such as "+2pp"',
            file=origin,
            scenario=name,
            key=key,
        )
    return Points(points)


# the ways reports join two years of a range, read as "-": en and em dash, tilde (also
# full-width), "to", 至 and 到
_RANGE_JOINS = re.compile(r"\s*(?:[–—~～]|\bto\b|至|到)\s*", flags=re.IGNORECASE)
# a year as reports mark it: "2026E" (an estimate), "2026F", "2026年"
_YEAR_MARKS = re.compile(r"(?<=\d)\s*(?:[EF]|年)(?=\s*(?:-|$))", flags=re.IGNORECASE)


def _period_ends(text: str) -> tuple[int, int] | None:
    """The first and last year of "2026", "2025-2027", "2025–2027" (en dash) or "2025-27"
    (the end year's last two digits, as reports write it), also "2025~2027", "2025 to
    2027", "2025至2027年", "2026E", "2025E-2027E"; None for anything else. The start is a
    four-digit year ("27-2025" was read as the years 27 to 2025). "FY2026" is refused: a
    fiscal year is no calendar year."""
    joined = _YEAR_MARKS.sub("", _RANGE_JOINS.sub("-", text.strip()))
    parts = [p.strip() for p in joined.split("-")]
    if len(parts) not in (1, 2) or not all(p.isdigit() for p in parts):
        return None
    if len(parts[0]) != 4 or len(parts[-1]) not in (2, 4):
        return None
    first, last = int(parts[0]), int(parts[-1])
    if len(parts[-1]) == 2:
        last = first - first % 100 + last  # 2025-27 is 2025-2027
    return first, last


def _parse_period(text: str) -> range | None:
    """The years of a period (:func:`_period_ends`); None for anything else, an end before
    the start too."""
    ends = _period_ends(text)
    if ends is None or ends[1] < ends[0]:
        return None
    return range(ends[0], ends[1] + 1)
