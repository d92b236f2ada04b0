"""From observations read out of a user table to the validated tidy frame.

Private half of :func:`idcforecast.read_series`: give bare numbers their row's unit, pick
each series' unit (requested, else most common), convert with the FX rate of each row's
year, fill provenance, and check one value per series and year.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from idcforecast._cells import Figure, in_context, is_blank, read_flag
from idcforecast._tidy import (
    QUALIFIERS,
    TIDY_COLUMNS,
    check_one_scope_per_series,
    check_unique_years,
)
from idcforecast._value_units import (
    sign_names_currency,
    sign_note,
    unit_clash_message,
    units_agree,
)
from idcforecast.errors import (
    DataError,
    IdcForecastError,
    IncompatibleUnitsError,
    MixedUnitsError,
    UnitError,
)

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.units import Unit

__all__ = ["Observation", "conversion_in", "to_frame"]


@dataclass
class Observation:
    """One value cell with its year, series, place and the row's provenance cells."""

    series_id: str
    year: int
    figure: Figure
    place: str
    meta: dict[str, Any] = field(default_factory=dict)


def to_frame(
    observations: list[Observation], *, unit: str | dict[str, str] | None, kw_per_rack: float
) -> pd.DataFrame:
    import pandas as pd

    # one parse per unit spelling and one factor per (unit pair, year), not one per row:
    # unit parsing dominated the time of a 20k-row read (5.3 s)
    from idcforecast._unit_headings import canonical_table_unit
    from idcforecast.units import conversion_factor, parse_unit
    from idcforecast.units.convert import fx_file_between

    canonical = functools.cache(canonical_table_unit)  # "RMB 100 million" in a unit cell
    parsed = functools.cache(parse_unit)
    currency = functools.cache(lambda u: parsed(u).currency)

    @functools.cache
    def factor_of(source_unit: str, target: str, year: int) -> float:
        return conversion_factor(source_unit, target, year=year, kw_per_rack=kw_per_rack)

    # the user FX file a rate came from (idcforecast.use_fx_rates), for the note
    rate_origin = functools.cache(fx_file_between)

    rows = []
    for sid, group in _by_series(observations).items():
        for obs in group:
            _declare_unit(obs, canonical, parsed)
        target = _target_unit(sid, group, unit)
        requested = unit.get(sid) if isinstance(unit, dict) else unit
        if requested is not None:  # "value（亿元）" converted beside bare numbers taken as unit=
            from idcforecast._bare_numbers import warn_bare_beside_converted

            warn_bare_beside_converted(sid, group, target, canonical)
        first_place: dict[str, str] = {}
        for obs in group:
            if obs.figure.unit is None and requested is None:
                _unitless(obs, target)
            source_unit = obs.figure.unit or target
            first_place.setdefault(source_unit, obs.place)
            factor = _factor(obs, source_unit, target, first_place, factor_of, unit)
            fx = currency(source_unit) != currency(target)
            origin = rate_origin(source_unit, target, year=obs.year) if fx else None
            dims = {parsed(source_unit).dimension, parsed(target).dimension}
            rows.append(
                _row(
                    obs,
                    target,
                    source_unit,
                    factor,
                    fx=fx,
                    fx_origin=origin,
                    kw_per_rack=kw_per_rack,
                    rack_power=dims == {"racks", "power"},
                )
            )
    frame = pd.DataFrame(rows, columns=list(TIDY_COLUMNS))
    places = [row.pop("_place") for row in rows]
    check_unique_years(frame, places)
    check_one_scope_per_series(frame, places)
    frame = frame.astype({"year": "int64", "value": "float64", "derived": bool})
    order = frame["series_id"].map(
        {sid: k for k, sid in enumerate(dict.fromkeys(frame["series_id"]))}
    )
    frame = frame.assign(_order=order).sort_values(["_order", "year"], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def _by_series(observations: list[Observation]) -> dict[str, list[Observation]]:
    groups: dict[str, list[Observation]] = {}
    for obs in observations:
        groups.setdefault(obs.series_id, []).append(obs)
    return groups


def _target_unit(sid: str, group: list[Observation], unit: str | dict[str, str] | None) -> str:
    from idcforecast._unit_headings import canonical_table_unit

    requested = unit.get(sid) if isinstance(unit, dict) else unit
    if requested is not None:
        try:
            return canonical_table_unit(requested)
        except IdcForecastError as err:
            raise in_context(err, f"read_series(unit=...) for series {sid!r}") from err
    units = Counter(obs.figure.unit for obs in group if obs.figure.unit is not None)
    if not units:
        raise UnitError(
            f"{group[0].place} (series {sid!r}): no unit for this series; expected a 'unit' "
            "column, figure text with a unit ('1,562.5亿元'), the unit in brackets after the "
            "series' name ('market (CNY bn)'), or read_series(..., unit=...) naming the unit "
            "of the bare numbers (e.g. unit='CNY 100m' or unit='MW')",
            series_id=sid,
            place=group[0].place,
        )
    # most common unit; ties go to the unit seen first (Counter keeps insertion order)
    return units.most_common(1)[0][0]


def _unitless(obs: Observation, seen: str) -> None:
    """A bare number beside figures with units: its unit is a guess, so it is an error."""
    raise UnitError(
        f"{obs.place} (series {obs.series_id!r}, year {obs.year}): the number "
        f"{obs.figure.value:g} has no unit, while other values of the series are in "
        f"{seen!r}; expected figure text with a unit ('1,562.5亿元'), a 'unit' column, or "
        f"read_series(..., unit={seen!r}) for bare numbers",
        series_id=obs.series_id,
        place=obs.place,
    )


def _declare_unit(
    obs: Observation, canonical_unit: Callable[[str], str], parse_unit: Callable[[str], Unit]
) -> None:
    """Give a bare number the unit of its row's ``unit`` column, if there is one.

    A figure with a magnitude but no unit ("1562.5亿" beside 元) takes the column's unit at
    the figure's magnitude ("CNY 100m"); alone it would be a count, and the column ignored.
    """
    cell = None if obs.figure.unit is None else parse_unit(obs.figure.unit)
    magnitude_only = cell is not None and cell.base == "count" and cell.magnitude is not None
    if "unit" in obs.meta and cell is not None and not magnitude_only:
        _check_unit_agrees(obs, cell, parse_unit)
    if "unit" not in obs.meta or not (cell is None or magnitude_only):
        return
    try:
        said = str(obs.meta["unit"])
        # "RMB 100 million" as tables write it (canonical_unit is the caller's table-unit
        # reader); an empty cell is no unit, a plain count, as parse_unit reads it
        canonical = canonical_unit(said) if said.strip() else parse_unit(said).canonical
        if cell is not None and magnitude_only:
            row = parse_unit(canonical)
            if row.magnitude is not None or row.per:
                raise UnitError(
                    f"{obs.figure.quote!r} has the magnitude {cell.magnitude!r} and the unit "
                    f"{canonical!r} its own; expected one magnitude: a plain number in the "
                    f"cell, or the unit {row.base!r}",
                    unit=canonical,
                )
            canonical = canonical_unit(f"{row.base} {cell.magnitude}")
    except IdcForecastError as err:
        raise in_context(err, f"{obs.place}, column 'unit'", place=obs.place) from err
    obs.figure = replace(obs.figure, unit=canonical)


def _check_unit_agrees(obs: Observation, cell: Unit, parse_unit: Callable[[str], Unit]) -> None:
    """A figure with its own unit ("800 MW") beside a ``unit`` cell of another kind
    ("racks") or currency ("USD bn" beside 亿元): an error, as one of the two is wrong. A
    different scale of the same kind ("GW" beside MW, 亿元 beside 元) is read from the text."""
    try:
        column = parse_unit(str(obs.meta["unit"]))
    except IdcForecastError as err:
        raise in_context(err, f"{obs.place}, column 'unit'", place=obs.place) from err
    if sign_names_currency(obs.figure.quote, cell, column):
        # "$1,200" under "Revenue (USD mn)": the sign names the currency, not 1,200 dollars
        obs.figure = replace(obs.figure, unit=column.canonical)
        stated = sign_note(obs.figure.quote, column.canonical)
        obs.meta = {
            **obs.meta,
            "note": "; ".join(filter(None, [str(obs.meta.get("note", "")), stated])),
        }
        return
    if units_agree(cell, column):
        if cell.canonical != column.canonical:  # "1.2万亿元" under "（亿元）": said in the note
            written = str(obs.meta["unit"]).strip()
            said = repr(written) + (
                "" if written == column.canonical else f" ({column.canonical!r})"
            )
            stated = (
                f"read in the cell's own unit {cell.canonical!r} ({obs.figure.quote!r}), not "
                f"in the unit of its header or unit column, {said}"
            )
            obs.meta = {
                **obs.meta,
                "note": "; ".join(filter(None, [str(obs.meta.get("note", "")), stated])),
            }
        return
    written = str(obs.meta["unit"]).strip()
    raise UnitError(
        unit_clash_message(obs.place, obs.figure.quote, cell, column, written),
        place=obs.place,
        unit=column.canonical,
    )


def _factor(
    obs: Observation,
    source_unit: str,
    target: str,
    first_place: dict[str, str],
    factor_of: Callable[[str, str, int], float],
    requested: str | dict[str, str] | None,
) -> float:
    if source_unit == target:
        return 1.0
    where = f"{obs.place} (series {obs.series_id!r}, year {obs.year})"
    try:
        return factor_of(source_unit, target, obs.year)
    except IncompatibleUnitsError as err:
        if requested is not None:
            if source_unit.split()[0] == "count" and obs.figure.quote:
                # "1500万" is 15 million of nothing: the unit was left out of the cell
                fields = {key: getattr(err, key) for key in err.fields}
                raise IncompatibleUnitsError(
                    f"{where}: {obs.figure.quote!r} has a magnitude but no unit, so it reads "
                    f"as a count ({source_unit!r}), not {target!r}; write the unit in the cell "
                    "('1500万元', '2.5 billion USD', '300 MW') or give plain numbers in "
                    f"{target!r}",
                    **{**fields, "place": obs.place, "series_id": obs.series_id},
                ) from err
            if source_unit.split()[0] == "count" and not is_blank(obs.meta.get("unit")):
                # a unit cell of a magnitude alone ("亿", "million"): 亿元 left half-written
                said = str(obs.meta["unit"]).strip()
                fields = {key: getattr(err, key) for key in err.fields}
                raise IncompatibleUnitsError(
                    f"{where}: the unit {said!r} is a magnitude with no unit, so the value "
                    f"reads as a count ({source_unit!r}), not {target!r}; write the unit with "
                    "it ('亿元', 'USD m', '万架', 'MW')",
                    **{**fields, "place": obs.place, "series_id": obs.series_id},
                ) from err
            raise in_context(err, where, place=obs.place, series_id=obs.series_id) from err
        other = (
            next(p for u, p in first_place.items() if u == target)
            if target in first_place
            else "elsewhere"
        )
        raise MixedUnitsError(
            f"series {obs.series_id!r} mixes {target!r} ({other}) and {source_unit!r} "
            f"({obs.place}), which do not convert into each other; expected one unit per "
            "series, or units that convert (currencies, magnitudes, racks and power); fix the "
            "unit or split the series",
            series_id=obs.series_id,
            units=(target, source_unit),
            place=obs.place,
        ) from err
    except IdcForecastError as err:  # MissingFxRateError, UnitError
        raise in_context(err, where, place=obs.place, series_id=obs.series_id) from err


def _row(
    obs: Observation,
    target: str,
    source_unit: str,
    factor: float,
    *,
    fx: bool,
    fx_origin: str | None = None,
    kw_per_rack: float = 2.5,
    rack_power: bool = False,
) -> dict[str, Any]:
    figure, meta = obs.figure, obs.meta
    notes = [str(meta["note"])] if "note" in meta else []
    if source_unit != target:
        notes.append(
            _conversion_note(
                source_unit,
                factor,
                obs.year,
                fx=fx,
                fx_origin=fx_origin,
                kw_per_rack=kw_per_rack if rack_power else None,
            )
        )
    if figure.marker:
        notes.append(f"footnote marker {figure.marker!r} after the figure (not read as part of it)")
    if figure.alternate:
        notes.append(_alternate_note(figure, obs.year, kw_per_rack))
    if figure.year is not None and figure.year != obs.year:
        # "2000亿元（2019年）" in the 2020 row: the text dates it otherwise (was an alternate
        # "2019 count" in the note, before parse_quantity read a bracketed year as the year)
        notes.append(f"the figure's text gives the year {figure.year}, not {obs.year}: check it")
    if figure.low is not None and figure.high is not None:
        notes.append(f"range {figure.low * factor:g} to {figure.high * factor:g} {target}; "
                     "value is the midpoint")  # fmt: skip
    qualifier = figure.qualifier
    if "qualifier" in meta:
        stated = str(meta["qualifier"]).strip()
        if stated not in QUALIFIERS:
            raise DataError(
                f"{obs.place}, column 'qualifier': {stated!r} is not allowed; expected "
                f"one of {', '.join(QUALIFIERS)}",
                place=obs.place,
                value=stated,
            )
        if qualifier == "exact":
            qualifier = stated
        elif stated not in ("exact", qualifier):  # "> 1500" beside "at_most": which holds?
            raise DataError(
                f"{obs.place}: the value {figure.quote!r} says {qualifier!r} but the "
                f"qualifier column says {stated!r}; one of them is wrong; correct it (a "
                "value without a qualifier word takes the column's)",
                place=obs.place,
                value=stated,
            )
    return {
        "series_id": obs.series_id,
        "year": obs.year,
        "value": figure.value * factor,
        "unit": target,
        "qualifier": qualifier,
        "as_of": _date_text(meta.get("as_of", ""), place=f"{obs.place}, column 'as_of'"),
        "source": str(meta.get("source", obs.place)),
        "quote": str(meta.get("quote", figure.quote)),
        "confidence": str(meta.get("confidence", "")),
        "scope": str(meta.get("scope", "")),
        "derived": read_flag(meta.get("derived"), place=f"{obs.place}, column 'derived'"),
        "note": "; ".join(notes),
        "_place": obs.place,
    }


ALTERNATE_GAP = 0.10  # an article's own FX rate is within a few % of the annual average


def _alternate_note(figure: Figure, year: int, kw_per_rack: float) -> str:
    """The note for the text's second figure ("500 billion yuan ($71.2 billion)"): not used,
    and named as suspect when the figure, converted at the year's rate, is more than
    ``ALTERNATE_GAP`` away from it (a slipped magnitude: "$7.12 billion")."""
    from idcforecast.units import conversion_factor, parse_quantity

    note = f"alternate figure in the text: {figure.alternate} (not used"
    try:
        alternate = parse_quantity(figure.alternate)
        if figure.unit is None or alternate.value == 0:
            return note + ")"
        factor = conversion_factor(figure.unit, alternate.unit, year=year, kw_per_rack=kw_per_rack)
    except IdcForecastError:  # another kind of figure (a share), or no FX rate that year
        return note + ")"
    converted = figure.value * factor
    gap = converted / alternate.value - 1
    if abs(gap) <= ALTERNATE_GAP:
        return note + ")"
    return (
        f"{note}; the figure is {converted:.4g} {alternate.unit} at {year} rates, "
        f"{abs(gap):.0%} {'above' if gap > 0 else 'below'} it: check the text)"
    )


def _conversion_note(
    source_unit: str,
    factor: float,
    year: int,
    *,
    fx: bool,
    fx_origin: str | None = None,
    kw_per_rack: float | None = None,
) -> str:
    """The note of a converted value: the unit it was read in, the factor, and what the
    factor rests on (the year's FX rate and, when a user's FX file gave it, that file's
    name; the kW per rack).

    Examples
    --------
    >>> _conversion_note("USD bn", 7.05, 2026, fx=True, fx_origin="bank (2026).csv")
    "converted from 'USD bn' (x7.05, 2026 annual-average FX rate from bank [2026].csv)"
    """
    note = f"{_CONVERTED_FROM}{source_unit!r} (x{factor:.6g}"
    if fx:
        note += f", {year} annual-average FX rate"
        if fx_origin:  # brackets for parentheses: the note's own ")" ends the conversion
            note += " from " + fx_origin.translate(str.maketrans("()", "[]"))
    if kw_per_rack is not None:  # racks <-> power rests on an assumption: say which
        note += f", at {kw_per_rack:g} kW per standard rack"
    return note + ")"


_CONVERTED_FROM = "converted from "
# the unit inside a conversion note: a canonical unit holds no quote or backslash, so
# repr() wrote it as is between single quotes; the factor and FX year hold no ")"
_CONVERSION = re.compile(re.escape(_CONVERTED_FROM) + r"'([^'\\]*)' \(x[^)]*\)")


def conversion_in(note: Any) -> tuple[str, str] | None:
    """The unit a row's value was converted from and the conversion note as written, when
    the row's ``note`` holds one (other notes may surround it), else None.

    Examples
    --------
    >>> note = "per the annual report; " + _conversion_note("CNY 100m", 0.0151309, 2018, fx=True)
    >>> conversion_in(note)
    ('CNY 100m', "converted from 'CNY 100m' (x0.0151309, 2018 annual-average FX rate)")
    >>> conversion_in("sum of segments"), conversion_in(None)
    (None, None)
    """
    if not isinstance(note, str) or (match := _CONVERSION.search(note)) is None:
        return None
    return match.group(1), match.group(0)


# a date as written in a table: "2023-06-30", "2023-06", "2023", "2023/6/30", "2023.6.30",
# "2023年6月30日", "2023年6月"; a time of day after a full date is dropped ("2023-06-30
# 00:00:00", as programs write dates)
_WRITTEN_DATE = re.compile(
    r"((?:19|20|21)\d{2})(?:\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|\s*月)?)?"
)


def _date_text(cell: Any, *, place: str) -> str:
    """An ``as_of`` cell as an ISO date text ("2023-06-30", or "2023-06", "2023" when that
    is all it says; "" when blank). Excel hands dates over as datetimes; "2023/6/30" and
    "2023年6月30日" are written as ISO.

    Raises
    ------
    DataError
        Anything else ("mid-2022", an Excel serial number such as 45123, "2023-02-30"):
        a date the report would print as written.
    """
    import datetime

    if hasattr(cell, "date") and callable(cell.date) and not isinstance(cell, str):
        return str(cell.date().isoformat())
    text = str(cell).strip()
    if not text:
        return ""
    match = _WRITTEN_DATE.fullmatch(text)
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        datetime.date(year, month or 1, day or 1)  # a day that exists
    except ValueError:
        serial = (
            " (a number like this is how Excel stores a date: format the cells as dates)"
            if re.fullmatch(r"\d{5}(?:\.0+)?", text)
            else ""
        )
        raise DataError(
            f"{place}: {text!r} is not a date{serial}; expected the date of the observation "
            "as YYYY-MM-DD (or YYYY-MM, or YYYY; '2023/6/30' and '2023年6月30日' are read "
            "too), or a blank cell",
            place=place,
            column="as_of",
            value=text,
        ) from None
    return "-".join([f"{year:04d}", *(f"{part:02d}" for part in (month, day) if part is not None)])
