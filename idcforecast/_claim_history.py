"""Private: the actuals a claim is checked against, and figures as intervals.

Shared by :mod:`idcforecast.claim_checks` and :mod:`idcforecast.claim_track_record`.
"""

from __future__ import annotations

import math
import numbers
import os
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from idcforecast.claims import Claim
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    IncompatibleUnitsError,
    SpecError,
    UnitError,
    UnknownSeriesError,
    UnknownSubjectError,
)
from idcforecast.units.convert import DEFAULT_KW_PER_RACK

INF = math.inf


@dataclass(frozen=True)
class Figure:
    """A level with its qualifier, where it came from, and whether it was derived."""

    value: float
    qualifier: str = "exact"
    origin: str = "claimed"  # "claimed" or "actual"
    derived: bool = False
    span: tuple[float, float] | None = None  # a claimed range's ends
    converted_from: str | None = None  # the history's unit, when in another currency
    source: str = ""  # an actual's source cell, as the history gives it

    @property
    def interval(self) -> tuple[float, float]:
        """Where the true value lies: ``at_least 5`` is ``(5, inf)``; a range its ends."""
        return self.span if self.span is not None else bounds(self.value, self.qualifier)

    def label(self) -> str:
        """``"actual"``, ``"actual, derived"``, ``"actual, at least"``, ``"claimed"``..."""
        words = [self.origin]
        if self.derived:
            words.append("derived")
        if self.qualifier in ("at_least", "at_most"):
            words.append(self.qualifier.replace("_", " "))
        if self.converted_from is not None:
            words.append(f"from {self.converted_from} at its year's FX rate")
        return ", ".join(words)


def bounds(value: float, qualifier: str, *, floor: float = 0.0) -> tuple[float, float]:
    """The interval a qualified figure allows ("approximately" is a point; tolerance widens)."""
    if qualifier == "at_least":
        return value, INF
    if qualifier == "at_most":
        return floor, value
    return value, value


def claim_interval(
    claim: Claim, unit: str | None = None, *, kw_per_rack: float = DEFAULT_KW_PER_RACK
) -> tuple[float, float]:
    """The interval a claim allows: levels in ``unit`` (the claim's own when None; racks and
    power convert at ``kw_per_rack``), rates as fractions; a range is its ends, a bound is
    open on one side."""
    if claim.kind == "level":
        if claim.low is not None and claim.high is not None:
            return (
                _to_unit(claim.low, claim, unit, kw_per_rack),
                _to_unit(claim.high, claim, unit, kw_per_rack),
            )
        return bounds(level_in(claim, unit, kw_per_rack=kw_per_rack), claim.qualifier)
    if claim.low is not None and claim.high is not None:
        return claim.low / 100.0, claim.high / 100.0
    return bounds(claim.rate, claim.qualifier, floor=-1.0)


def interval_gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """How far interval ``a`` lies from interval ``b``, relative: 0 when they meet, else
    the nearer end of ``a`` over the nearer end of ``b``, minus 1 (negative when ``a`` is
    below ``b``)."""
    if a[1] < b[0]:
        return a[1] / b[0] - 1
    if a[0] > b[1]:
        return a[0] / b[1] - 1
    return 0.0


def overlaps(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool:
    """True when two intervals of levels meet once ``b`` is widened by ``tolerance``."""
    return a[0] <= b[1] * (1 + tolerance) and a[1] >= b[0] * (1 - tolerance)


def outcome(a: tuple[float, float], b: tuple[float, float], tolerance: float) -> bool | None:
    """Whether the claim interval ``a`` held against the actual interval ``b``: True when
    every level ``b`` allows lies within ``tolerance`` of ``a``, False when none does
    (they do not meet: :func:`overlaps`), None when some do and some do not: an actual
    published as a bound ("more than 4,000") that leaves the outcome open (a claim of
    4,200 held if the true value was 4,100, and missed if it was 5,000).

    Examples
    --------
    >>> outcome((4300, 4300), (4000, 4000), 0.05), outcome((4200, 4200), (4000, INF), 0.05)
    (False, None)
    >>> outcome((3000, INF), (4000, INF), 0.0), outcome((5000, 5000), (0, 4000), 0.05)
    (True, False)
    """
    if not overlaps(a, b, tolerance):
        return False
    # the worst cases: the lowest level b allows against a's low end, the highest its high
    return True if a[0] <= b[0] * (1 + tolerance) and a[1] >= b[1] * (1 - tolerance) else None


def series_history(source: Any, claims: list[Claim], *, name: str) -> Any:
    """A year-indexed Series as the tidy history of the claims' one subject (its unit from
    ``attrs["unit"]``, else none: read in the claims' unit); any other ``source`` as it is.
    A Series was refused ("make the Series a frame first: ...assign(series_id=...)"),
    though ``cagr``, ``yoy`` and ``build_report`` take one."""
    if not isinstance(source, pd.Series):
        return source
    subjects = list(dict.fromkeys(c.subject for c in claims))
    if len(subjects) != 1:
        shown = ", ".join(repr(s) for s in subjects[:5])
        raise DataError(
            f"{name}: a Series is the history of one series, and the claims are about "
            f"{len(subjects)} subjects ({shown}); pass a tidy frame with series_id, year, "
            "value (and unit), one series_id per subject",
            subjects=subjects,
        )
    from idcforecast._growth_series import year_series

    series, unit, _ = year_series(source, func=name)
    frame = pd.DataFrame(
        {"series_id": subjects[0], "year": series.index.astype("int64"), "value": series}
    ).reset_index(drop=True)
    if unit:
        frame["unit"] = unit
    return frame


class History:
    """Actual levels by subject and year: a tidy frame, the bundled data, or nothing."""

    def __init__(
        self,
        source: Any,
        *,
        name: str = "history",
        fallback: str = "pass history=None to check the claims against each other only",
        bundled_fix: str = (
            "check it against your own actuals with history=<a frame> holding series "
            "{subject!r}, or pass history=None to check the claims against each other only"
        ),
        kw_per_rack: float = DEFAULT_KW_PER_RACK,
    ) -> None:
        # name: the caller's argument (check_claims' history, track_record's actuals);
        # fallback: what else that caller can do when a subject is not in the frame;
        # bundled_fix: what it can do when a subject is no bundled series ({subject});
        # kw_per_rack: the power of a standard rack, for levels in racks against power
        self._source = source
        self.kw_per_rack = check_kw_per_rack(kw_per_rack)
        self._name = name
        self._fallback = fallback
        self._bundled_fix = bundled_fix
        self._cache: dict[str, pd.DataFrame] = {}
        # per subject: its unit, and its rows by year (value, qualifier, derived): a frame
        # filter per lookup made 1,000 claim sets take 23 s
        self._units: dict[str, str | None] = {}
        self._years_of: dict[str, dict[int, tuple[float, str, bool, str]]] = {}
        if isinstance(source, pd.DataFrame):
            missing = [c for c in ("series_id", "year", "value") if c not in source.columns]
            if missing:
                raise DataError(
                    f"{name}: the frame has no {missing} column(s) (found "
                    f"{list(source.columns)}); pass a tidy frame with series_id, year, value "
                    "(and unit), e.g. load_dataset('china_idc_market')",
                    missing=missing,
                )
        elif source is not None and not (isinstance(source, str) and source == "bundled"):
            # (a Series compared with "bundled" raised pandas' "truth value is ambiguous")
            hint = (
                "; make the Series a frame first: s.rename('value').rename_axis('year')"
                ".reset_index().assign(series_id='<the claims subject>')"
                if isinstance(source, pd.Series)
                else ""
            )
            if isinstance(source, os.PathLike) or (  # a file or folder of actuals
                isinstance(source, str) and (os.path.exists(source) or re.search(r"[./\\]", source))
            ):
                hint = (
                    f" ({str(source)!r} looks like a file or folder: read it first, "
                    f"{name}=idcforecast.read_series({str(source)!r}, series_id=<the claims "
                    "subject>, unit=...))"
                )
            raise DataError(
                f"{name}: expected a tidy frame, 'bundled' or None, found "
                f"{type(source).__name__}{hint}",
            )

    @property
    def given(self) -> bool:
        return self._source is not None

    def series(self, subject: str, *, claim_id: str) -> pd.DataFrame:
        """The subject's rows; ``UnknownSubjectError`` when history has none."""
        if subject in self._cache:
            return self._cache[subject]
        if isinstance(self._source, pd.DataFrame):
            rows = self._source[self._source["series_id"] == subject]
            if rows.empty:
                known = ", ".join(sorted(map(str, pd.unique(self._source["series_id"]))))
                known = known or "none, the frame is empty"
                raise UnknownSubjectError(
                    f"claim {claim_id!r}: subject {subject!r} has no {self._name} (series in "
                    f"the {self._name}: {known}); use one of those series ids as the subject, "
                    f"or {self._fallback}",
                    subject=subject,
                    claim_id=claim_id,
                )
        else:
            from idcforecast.datasets import load_series

            try:
                rows = load_series(subject)
            except UnknownSeriesError as err:
                raise UnknownSubjectError(
                    f"claim {claim_id!r}: subject {subject!r} is no bundled series ({err}); "
                    + self._bundled_fix.format(subject=subject),
                    subject=subject,
                    claim_id=claim_id,
                ) from err
        units = list(pd.unique(rows["unit"].dropna())) if "unit" in rows.columns else []
        if len(units) > 1:
            raise DataError(
                f"{self._name}: series {subject!r} mixes units {units}; expected one unit per "
                "series",
                series_id=subject,
            )
        rows = self._years(subject, rows)
        values = pd.to_numeric(rows["value"], errors="coerce")
        bad = rows[~((values > 0) & (values < INF))]
        if len(bad):  # a zero crashed the checks, NaN became a silent NaN "realised" error
            year, found = bad["year"].iloc[0], bad["value"].iloc[0]
            shown = f"{found:g}" if isinstance(found, int | float) else repr(found)
            # figure text ('3,012.7', 'more than 4000') is no bad level: it was read as one
            # ("must be a positive finite level, found '3,012.7'")
            text = isinstance(found, str) and pd.isna(values[bad.index[0]])
            fix = (
                "a number is needed there: read the file with read_series, which reads "
                "figure text ('3,012.7', 'more than 4,000' as a value with its qualifier), "
                "or give numbers with a qualifier column"
                if text
                else "fix or drop that row"
            )
            raise DataError(
                f"{self._name}: series {subject!r} year {year}: value must be a "
                f"{'number' if text else 'positive finite level'}, found {shown}; {fix}",
                series_id=subject,
                year=year,
            )
        self._cache[subject] = rows
        return rows

    def _years(self, subject: str, rows: pd.DataFrame) -> pd.DataFrame:
        """``rows`` with whole-number years, each once.

        Years written as text ("2019") matched no claim's year, so every reading was left
        unchecked without a word; a year given twice was compared by its first row only.
        """
        years = pd.to_numeric(rows["year"], errors="coerce")
        bad = ~(years.notna() & (years % 1 == 0))
        if bad.any():
            found = rows["year"][bad].iloc[0]
            raise DataError(
                f"{self._name}: series {subject!r}: year {found!r} is not a year; write "
                "years as whole numbers (2019)",
                series_id=subject,
                year=str(found),
            )
        rows = rows.assign(year=years.astype("int64"))
        twice = rows["year"][rows["year"].duplicated()]
        if len(twice):
            year = int(twice.iloc[0])
            shown = ", ".join(
                f"{v:g}"
                for v in pd.to_numeric(rows.loc[rows["year"] == year, "value"], errors="coerce")
            )
            raise DuplicateYearError(
                f"{self._name}: series {subject!r} has {int((rows['year'] == year).sum())} "
                f"values for {year} ({shown}); keep one per year",
                series_id=subject,
                year=year,
            )
        return rows

    def unit(self, subject: str, *, claim_id: str) -> str | None:
        if subject in self._units:
            return self._units[subject]
        rows = self.series(subject, claim_id=claim_id)
        if "unit" not in rows.columns or rows["unit"].dropna().empty:
            unit = None
        else:
            unit = str(rows["unit"].dropna().iloc[0])
        self._units[subject] = unit
        return unit

    def _by_year(self, subject: str, *, claim_id: str) -> dict[int, tuple[float, str, bool, str]]:
        """The subject's (value, qualifier, derived, source) by year."""
        if subject not in self._years_of:
            rows = self.series(subject, claim_id=claim_id)
            n = len(rows)
            qualifiers = rows["qualifier"].tolist() if "qualifier" in rows.columns else [""] * n
            derived = rows["derived"].tolist() if "derived" in rows.columns else [False] * n
            sources = rows["source"].tolist() if "source" in rows.columns else [""] * n
            years = rows["year"].tolist()
            self._years_of[subject] = {
                int(year): (
                    float(value),
                    self._qualifier(subject, year, q),
                    _flag(d),
                    src.strip() if isinstance(src, str) else "",
                )
                for year, value, q, d, src in zip(
                    years, rows["value"].tolist(), qualifiers, derived, sources, strict=True
                )
            }
        return self._years_of[subject]

    def _qualifier(self, subject: str, year: Any, cell: Any) -> str:
        """A qualifier cell: one of ``QUALIFIERS`` ("exact" when blank), else a DataError.
        Text such as "more than" or "at least" was read as "exact", in silence: a claim of
        4,800 against an actual of "more than 4,000" was an "overshoot" that did not hold."""
        from idcforecast.units.quantity import qualifier_cell

        return qualifier_cell(
            cell,
            where=f"{self._name}: series {subject!r} year {year}",
            series_id=subject,
            year=year,
            qualifier=str(cell),
        )

    def actual(
        self, subject: str, year: int, *, claim_id: str, unit: str | None = None
    ) -> Figure | None:
        """The subject's level in ``year``, in ``unit`` when given (another currency at
        that year's FX rate: the claims' own, see :func:`claims_unit`); None if absent."""
        if not self.given:
            return None
        hit = self._by_year(subject, claim_id=claim_id).get(year)
        if hit is None:
            return None
        value, qualifier, derived, source = hit
        own = self.unit(subject, claim_id=claim_id)
        converted_from = None
        if unit is not None and own is not None and own != unit:
            from idcforecast.units import convert
            from idcforecast.units.convert import changes_currency

            try:
                value = convert(value, unit, from_unit=own, year=year, kw_per_rack=self.kw_per_rack)
            except UnitError as err:
                raise IncompatibleUnitsError(
                    f"claim {claim_id!r}: the {self._name} of {subject!r} is in {own!r} and "
                    f"the claims in {unit!r}, so its {year} level is compared in {unit!r} "
                    f"(a growth rate across currencies would include FX moves), and {err}",
                    unit=own,
                    subject_unit=unit,
                ) from err
            if changes_currency(own, unit):
                converted_from = own
        return Figure(
            value,
            qualifier,
            origin="actual",
            derived=derived,
            converted_from=converted_from,
            source=source,
        )


def claims_unit(history_unit: str | None, claims: list[Claim]) -> str | None:
    """The unit a claim set is checked in: the history's, except when the set's levels are
    money and none of them is in the history's currency, then theirs (the first level
    claim's). A CAGR published with levels in yuan is a growth of yuan; applied to levels
    in dollars it would take in the FX moves of the years between (a 27.8% CNY claim "fit"
    a USD history within 1%, and missed the same history in CNY by 1.9%). A set with levels
    in both (IDC Corp's "US$17.8 bn" for 2022 beside "3075亿元" for 2027) is checked in the
    history's currency: taking the first level's, it converted the 2027 yuan to dollars at
    a 2027 rate no table has, and the whole check stopped.

    Examples
    --------
    >>> c = Claim(subject="m", kind="level", value=3200, unit="CNY 100m", year=2022)
    >>> claims_unit("USD bn", [c]), claims_unit("CNY bn", [c]), claims_unit("MW", [])
    ('CNY 100m', 'CNY bn', 'MW')
    >>> d = Claim(subject="m", kind="level", value=17.8, unit="USD bn", year=2021)
    >>> claims_unit("CNY 100m", [d, c]), claims_unit("CNY 100m", [d])
    ('CNY 100m', 'USD bn')
    """
    levels = [c.unit for c in claims if c.kind == "level" and c.unit]
    if history_unit is None:
        return levels[0] if levels else None
    if not levels:
        return history_unit
    from idcforecast.units import parse_unit

    try:
        ours = parse_unit(history_unit).currency
        theirs = [parse_unit(unit).currency for unit in levels]
    except UnitError:
        return history_unit
    if ours is not None and theirs[0] is not None and ours not in theirs:
        # a level whose text also gave the source's own figure in the history's currency
        # ("US$17.8 bn (1,293.5亿元)") is a level in that currency too
        if any(source_figure(c, history_unit) is not None for c in claims):
            return history_unit
        return levels[0]
    return history_unit


def _flag(value: Any) -> bool:
    """A ``derived`` cell as a bool: blank (NaN, None) is False, as is the text "False"
    (``bool(nan)`` and ``bool("False")`` are True: a published actual was called derived).

    Examples
    --------
    >>> _flag(float("nan")), _flag("False"), _flag(True), _flag("yes"), _flag(0)
    (False, False, True, True, False)
    """
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "y")
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(value)


def level_in(claim: Claim, unit: str | None, *, kw_per_rack: float = DEFAULT_KW_PER_RACK) -> float:
    """A level claim's value in ``unit`` (its own unit when None; a range's midpoint);
    racks and power convert at ``kw_per_rack``."""
    return _to_unit(claim.value, claim, unit, kw_per_rack)


def checked_tolerance(tolerance: Any, *, caller: str = "", example: str = "0.01") -> float:
    """``tolerance`` as a fraction: a real number in [0, 1) (numpy's too), or percent text
    ("2%", "2.5 %"), as ``--tolerance`` reads it (Python refused "2%", which the CLI and the
    README give); anything else a SpecError saying how to write it.

    Examples
    --------
    >>> checked_tolerance(0.02), checked_tolerance("2%"), checked_tolerance(" 2.5 % ")
    (0.02, 0.02, 0.025)
    """
    value: Any = tolerance
    if isinstance(tolerance, str) and tolerance.strip().endswith("%"):
        try:
            value = float(tolerance.strip()[:-1]) / 100
        except ValueError:
            value = tolerance
    # any real number (a numpy float32 from a frame was refused as if it were text)
    real = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if not (real and 0 <= value < 1):
        hint = (
            f"; for {value:g}% write {value / 100:g} or '{value:g}%'"
            if real and 1 <= value < 100
            else ""
        )
        raise SpecError(
            f"{caller}tolerance must be a relative gap in [0, 1), as a fraction or a percent "
            f"({example} = {float(example):.0%}, or '{float(example):.0%}'), found "
            f"{tolerance!r}{hint}",
            key="tolerance",
            value=tolerance,
        )
    return float(value)


def check_kw_per_rack(kw_per_rack: Any) -> float:
    """``kw_per_rack`` as a float, or a SpecError naming it (checked before any claim is
    read, not only when a claim in MW meets a history in racks)."""
    from idcforecast.units.convert import checked_kw_per_rack

    return checked_kw_per_rack(
        kw_per_rack, error=SpecError, key="kw_per_rack", value=repr(kw_per_rack)
    )


def rack_conversion(from_unit: str | None, to_unit: str | None) -> bool:
    """Whether converting ``from_unit`` to ``to_unit`` goes between racks and power (an
    assumption, ``kw_per_rack``, that the source did not state).

    Examples
    --------
    >>> rack_conversion("MW", "racks 10k"), rack_conversion("MW", "GW"), rack_conversion(None, "MW")
    (True, False, False)
    """
    if from_unit is None or to_unit is None or from_unit == to_unit:
        return False
    from idcforecast.units import parse_unit

    try:
        dimensions = {parse_unit(from_unit).dimension, parse_unit(to_unit).dimension}
    except UnitError:
        return False
    return dimensions == {"racks", "power"}


def rack_power_words(kw_per_rack: float) -> str:
    """How levels were converted between racks and power: "2.5 kW per rack"."""
    return f"{kw_per_rack:g} kW per rack"


# the note read_claims wrote, before Claim.alternate, for a text's second figure ("US$17.8
# bn (1,293.5亿元)" with no unit column: the claim is 17.8 USD bn, 1,293.5 CNY 100m noted)
_ALTERNATE_NOTE = re.compile(r"alternate figure in the text: (.+?) \((?:not used|the source's own)")
# further apart than this at the year's rate, the second figure is suspect (a slipped
# magnitude), and the FX conversion is used (as read_claims refuses such a pair)
_SOURCE_GAP = 0.10


def source_figure(claim: Claim, unit: str | None) -> Any:
    """The source's own figure for a level claim in ``unit``'s currency, when the claim's
    text gave one beside its figure in another currency ("US$17.8 bn (1,293.5亿元)" against
    a series in 亿元: 1,293.5, not 17.8 at the year's average rate, 1,197.8), as a Quantity
    in ``unit``; None otherwise (no such figure, another currency, a shape that differs,
    or one more than 10% from the FX conversion).

    Examples
    --------
    >>> c = Claim(subject="m", kind="level", value=17.8, unit="USD bn", year=2022,
    ...           alternate="1,293.5亿元")
    >>> source_figure(c, "CNY bn").value, source_figure(c, "USD mn")
    (129.35, None)

    A claims file written before :attr:`Claim.alternate` has the figure in its note:

    >>> old = Claim(subject="m", kind="level", value=17.8, unit="USD bn", year=2022,
    ...             note="alternate figure in the text: 1293.5 CNY 100m (the source's own: "
    ...             "used against a series in its currency instead of an FX conversion)")
    >>> source_figure(old, "CNY 100m").value
    1293.5
    """
    if claim.kind != "level" or unit is None or claim.unit is None or claim.unit == unit:
        return None
    text = claim.alternate
    if not text:  # a claims file written before the field: the figure is in the note
        found = _ALTERNATE_NOTE.search(claim.note)
        if found is None:
            return None
        text = found.group(1)
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import convert, parse_quantity
    from idcforecast.units.convert import changes_currency

    try:
        own = parse_quantity(text)
        if changes_currency(own.unit, unit) or own.is_range != claim.is_range:
            return None
        own = own.to(unit)
        at_fx = convert(claim.value, unit, from_unit=claim.unit, year=claim.year)
    except IdcForecastError:
        return None
    return own if abs(at_fx / own.value - 1) <= _SOURCE_GAP else None


def _to_unit(value: float, claim: Claim, unit: str | None, kw_per_rack: float) -> float:
    if unit is None or claim.unit == unit:
        return value
    from idcforecast.units import convert

    own = source_figure(claim, unit)
    if own is not None:  # the source's own figure in unit's currency: no FX rate needed
        ends = {claim.value: own.value, claim.low: own.low, claim.high: own.high}
        if ends.get(value) is not None:
            return float(ends[value])

    try:
        return convert(value, unit, from_unit=claim.unit, year=claim.year, kw_per_rack=kw_per_rack)
    except UnitError as err:
        # a level in % is a share; "27.8%" as a level about a market in yuan is most
        # likely a growth rate given the wrong kind (which Claim refused until shares
        # were checked as levels)
        rate = (
            "; a level in % is a share, checked against a series in %: a growth rate is "
            "kind 'growth' or 'cagr'"
            if claim.unit == "%"
            else ""
        )
        raise IncompatibleUnitsError(
            f"claim {claim.claim_id!r}: its level is in {claim.unit!r} but the subject "
            f"{claim.subject!r} is in {unit!r}, and {err}; state the claim in {unit!r}{rate}",
            claim_id=claim.claim_id,
            unit=claim.unit,
            subject_unit=unit,
        ) from err
