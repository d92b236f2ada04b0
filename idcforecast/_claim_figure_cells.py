"""Figure cells of claims: a value or a range end written as text ("320 billion yuan",
"25-30%", "more than 3200.5亿元", "3,000[1]") read by :func:`idcforecast.parse_quantity`
into value, unit, qualifier, range and alternate figure, in the record's unit (money at
the FX rate of the claim's year; power against racks kept for the checks to convert).

Private to :func:`idcforecast._claim_records.claims_from_records`: :func:`figure_cell`
reads a value cell, :func:`range_end` a ``low`` or ``high`` cell.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from idcforecast._claim_dates import year_text
from idcforecast._claim_history import rack_conversion
from idcforecast._claim_marks import note_added, without_footnote_mark, without_forecast_mark
from idcforecast._claim_value_words import check_rate_words, without_rate_change_words
from idcforecast._claim_value_years import check_same_year
from idcforecast.errors import SpecError
from idcforecast.units.convert import changes_currency

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["figure_cell", "range_end"]


def _number_or_figure(
    text: str, *, key: str, where: str, row: Any, expected: str
) -> float | Quantity:
    """``text`` as a float when it is a plain number, else as the figure it reads as; a
    SpecError naming ``key`` and what was ``expected`` when it is neither."""
    try:
        return float(text)
    except ValueError:
        pass
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity

    try:
        return parse_quantity(text)
    except IdcForecastError as err:
        _refuse_decimal_comma(text, key, where=where, row=row, err=err)
        raise SpecError(
            f"{where}: {key} must be {expected}, found {text!r} ({err})", key=key, row=row
        ) from err


_DECIMAL_COMMA = re.compile(r"^\D*\d+,\d{1,2}(?!\d)\D*$")


def _refuse_decimal_comma(text: str, key: str, *, where: str, row: Any, err: Exception) -> None:
    """A SpecError for a figure written with a decimal comma ("27,8%"): the figure parser's
    own hint names read_series(decimal=','), which read_claims does not take."""
    if not _DECIMAL_COMMA.match(text.strip()):
        return
    pointed = text.strip().replace(",", ".")
    raise SpecError(
        f"{where}: {key} {text!r} has a decimal comma; claims are read with '.' as the "
        f"decimal mark (a comma only groups thousands): write {pointed!r}",
        key=key,
        value=text,
        row=row,
    ) from err


def range_end(text: str, record: dict[str, Any], *, key: str, where: str, row: Any) -> float:
    """A range's end written as a number or as one exact figure ("25%", "3000亿元": as an
    Excel percentage cell reads, 25% for 0.25), in the record's unit (the first end's when
    the record gives none; money at the FX rate of the claim's year)."""
    text = without_footnote_mark(text, record, key=key)  # "3,000[1]": kept in the note
    quantity = _number_or_figure(
        text, key=key, where=where, row=row, expected="a number or a figure"
    )
    if isinstance(quantity, float):
        return quantity
    if quantity.qualifier != "exact" or quantity.is_range:
        raise SpecError(
            f"{where}: {key} must be one exact figure (a range's end), found {text!r}; "
            "write a qualifier in the qualifier column and a range as low and high",
            key=key,
            row=row,
            value=text,
        )
    unit = record.get("unit")
    if unit is not None and quantity.unit.startswith("count "):
        quantity = _with_unit_base(quantity, str(unit), text=text, where=where, row=row)
    if quantity.unit == "count":
        return float(quantity.value)
    if unit is None:
        record["unit"] = quantity.unit
    elif rack_conversion(quantity.unit, str(unit)):
        _keep_power_or_racks(quantity, str(unit), record, key=key, text=text, where=where, row=row)
    elif str(unit) != quantity.unit:
        quantity = _converted(quantity, str(unit), record, text=text, where=where, row=row)
    return float(quantity.value)


def _keep_power_or_racks(
    quantity: Quantity, unit: str, record: dict[str, Any], *, key: str, text: str, **place: Any
) -> None:
    """A range's ends in power beside a ``unit`` in racks (or the reverse) keep their own
    unit, as a value text does (:func:`figure_cell`), for the checks to convert at their
    ``kw_per_rack``: converted here they were at 2.5 kW a rack, in silence, whatever
    ``--kw-per-rack`` said (and it was then called "not used"). Both ends must be in the
    kept unit's dimension: a plain number or a rack count beside "13 GW" is refused."""
    other = record.get("high")
    plain_other = not isinstance(other, str) or isinstance(
        _number_or_figure(other, key="high", expected="a number or a figure", **place), float
    )
    if key == "high" or plain_other:
        raise SpecError(
            f"{place['where']}: low and high are in different units, one in power and one "
            f"in racks ({key} {text!r}, {'low in' if key == 'high' else 'unit'} {unit!r}); "
            "write both ends in one unit (e.g. "
            "low '13 GW', high '15 GW')",
            key=key,
            value=text,
            row=place["row"],
        )
    record["unit"] = quantity.unit
    said = f"range published in {quantity.unit!r}; unit {unit!r} not applied in reading"
    record["note"] = note_added(record.get("note"), said)


# a figure with its unit alone in brackets after it: "3,200 (CNY 100m)", "320 (亿元)"
_UNIT_IN_BRACKETS = re.compile(
    r"^(?P<figure>[^()（）]*\d[^()（）]*?)\s*[(（]\s*(?P<unit>[^()（）]+?)\s*[)）]\s*$"
)


def unit_out_of_brackets(text: str) -> str:
    """``text`` with a unit given alone in brackets after a bare figure written after it
    ("3,200 (CNY 100m)" -> "3,200 CNY 100m"), as a table header gives it: the figure
    reader took "(CNY 100m)" for a second figure, "100 CNY mn", and the claim had no unit
    (or, with a unit column, a note "alternate figure ... (not used)"). Anything else, a
    year or words in the brackets, a figure with its own unit, is ``text`` unchanged.

    Examples
    --------
    >>> unit_out_of_brackets("3,200 (CNY 100m)"), unit_out_of_brackets("more than 320（亿元）")
    ('3,200 CNY 100m', 'more than 320 亿元')
    >>> unit_out_of_brackets("3200 (2022)"), unit_out_of_brackets("320亿元 (USD bn)")
    ('3200 (2022)', '320亿元 (USD bn)')
    """
    found = _UNIT_IN_BRACKETS.match(text)
    if found is None:
        return text
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity
    from idcforecast.units.registry import parse_unit

    try:
        bare = parse_quantity(found["figure"]).unit == "count"
        parse_unit(found["unit"])
    except (IdcForecastError, ValueError):
        return text
    return f"{found['figure'].strip()} {found['unit']}" if bare else text


def figure_cell(text: str, record: dict[str, Any], *, where: str, row: Any) -> dict[str, Any]:
    """Read a value written as text: a plain number, or a figure with unit and qualifier.

    A range ("25-30%") gives ``low`` and ``high`` (and ``value``, its midpoint); the checks
    use the whole interval, never the midpoint alone. A comma only separates groups of
    three digits ("27,8" is an error, not 278%). A figure in another unit than the
    record's ``unit`` is converted (money at the FX rate of the claim's ``year``), but
    power against racks (or the reverse) keeps its own unit, for the checks to convert at
    their ``kw_per_rack``; a
    qualifier in the text ("more than") that the record's ``qualifier`` contradicts is an
    error, never dropped.
    """
    try:
        return {"value": float(text)}
    except ValueError:
        pass
    from idcforecast._claim_multiples import multiple_claim
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import QUALIFIER_WORDS, parse_quantity

    # "3,200[1]", "3200亿元*", "3200亿元（预计）": the marks kept in the note
    text = without_forecast_mark(without_footnote_mark(text, record), record)
    text = unit_out_of_brackets(text)  # "3,200 (CNY 100m)": the unit, no second figure
    # "CAGR 27.8%" under kind growth was one year's growth (a wrong reading), in silence
    check_rate_words(text, record.get("kind"), where=where, row=row)
    text = without_rate_change_words(text, record.get("kind"), record)  # "slowed to 5%"
    # "doubled", "翻一番": growth of 100%, or an error that says what to write
    if multiple := multiple_claim(text, record, where=where, row=row):
        return multiple
    try:
        quantity = parse_quantity(text)
    except IdcForecastError as err:
        _refuse_decimal_comma(text, "value", where=where, row=row, err=err)
        raise SpecError(
            f"{where}: value {text!r} is not a figure: {err}", key="value", row=row
        ) from err
    if quantity.is_range and ("low" in record or "high" in record):
        raise SpecError(
            f"{where}: value {text!r} is a range and low/high are given too; give the range "
            "once, as value text or as low and high",
            key="value",
            value=text,
            row=row,
        )
    given = record.get("qualifier")
    if quantity.qualifier != "exact" and given is not None and given != quantity.qualifier:
        words = QUALIFIER_WORDS.get(quantity.qualifier, "").strip()
        raise SpecError(
            f"{where}: value {text!r} says {quantity.qualifier!r} ({words!r}) but qualifier "
            f"says {given!r}; give it once: leave qualifier blank, or write the value "
            "without its qualifier",
            key="qualifier",
            value=given,
            row=row,
        )
    out: dict[str, Any] = {"value": quantity.value}
    unit = record.get("unit")
    if unit is None and quantity.unit == "tenths" and record.get("kind") in ("growth", "cagr"):
        unit = "%"  # "增长三成": 3 成 (tenths) is 30%, a rate claim's percent (was an error)
    if unit is not None and quantity.unit.startswith("count "):
        quantity = _with_unit_base(quantity, str(unit), text=text, where=where, row=row)
        if quantity.unit != "count" and not quantity.unit.startswith("count "):
            unit = record["unit"] = quantity.unit  # "320亿" beside "CNY": 320 CNY 100m
    if quantity.unit == "count":  # a bare number with separators or a qualifier: "3,200.5"
        pass
    elif unit is not None and rack_conversion(quantity.unit, str(unit)):
        # power against racks (or the reverse) needs kw_per_rack, which the checks take
        # (check_claims, track_record): converted here it was 2.5 kW a rack whatever they
        # were given. The figure keeps its unit, and the checks name the conversion.
        out["unit"] = quantity.unit
        said = f"published as {text.strip()!r}; unit {unit!r} not applied in reading"
        out["note"] = note_added(record.get("note"), said)
    elif unit is not None and unit != quantity.unit:

        def convert(figure: Quantity) -> Quantity:
            return _converted(figure, str(unit), record, text=text, where=where, row=row)

        if changes_currency(quantity.unit, str(unit)):  # the figure the source gave, kept
            from idcforecast._claim_currency import in_currency

            year = record.get("year")
            year = year_text(year) or year  # "2022年", "FY2022": the year as read
            # the source's own figure in the unit's currency when it gives one ("US$17.8
            # bn (1,293.5亿元)"), else the FX conversion to the figure's own precision
            quantity, how = in_currency(quantity, str(unit), year, convert, where=where, row=row)
            said = f"published as {text.strip()!r}, {how}"
            out["note"] = note_added(record.get("note"), said)
        else:
            quantity = convert(quantity)
        out["value"] = quantity.value
    else:
        out["unit"] = quantity.unit
    if quantity.is_range:
        out.update(value=math.nan, low=quantity.low, high=quantity.high)
    if given is None:
        out["qualifier"] = quantity.qualifier
    if quantity.alternate is not None:  # "320 billion yuan ($46.4 billion)": it was dropped
        if _second_currency(quantity.unit, quantity.alternate.unit):
            # the source's own conversion, a field of the claim (it was only a note, which
            # a Claim built in Python had to imitate): the checks take it against a series
            # in its currency instead of an FX conversion
            if "alternate" in record:
                raise SpecError(
                    f"{where}: value {text!r} gives a second figure, "
                    f"{quantity.alternate}, and alternate is given too "
                    f"({record['alternate']!r}); give it once",
                    key="alternate",
                    value=record["alternate"],
                    row=row,
                )
            out["alternate"] = str(quantity.alternate)
        else:
            said = f"alternate figure in the text: {quantity.alternate} (not used)"
            out["note"] = note_added(out.get("note", record.get("note")), said)
    if quantity.year is not None:
        out.update(_bracketed_year(quantity.year, record, text=text, where=where, row=row))
    return out


def _bracketed_year(
    year: int, record: dict[str, Any], *, text: str, where: str, row: Any
) -> dict[str, Any]:
    """Nothing when the year the figure gives in brackets ("3200亿元（2022年）") is the
    record's; a SpecError when the record names another (it was a note, "alternate figure
    in the text: 2023 year (not used)", and the record's year was kept)."""
    stated = record.get("year")
    if stated is not None:
        check_same_year(stated, year, text, where=where, row=row)
    return {}


def _second_currency(unit: str, other: str) -> bool:
    """Whether ``other`` is money in another currency than ``unit``'s (money too)."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        ours, theirs = parse_unit(unit).currency, parse_unit(other).currency
    except IdcForecastError:
        return False
    return ours is not None and theirs is not None and ours != theirs


def _with_unit_base(quantity: Any, unit: str, *, text: str, where: str, row: Any) -> Any:
    """A figure with a magnitude alone ("320亿", "3.2万亿") beside a unit without one
    ("CNY", "MW") is in that unit at the figure's magnitude (320 "CNY 100m"), as
    ``read_series`` reads such a cell; beside a unit with its own magnitude ("亿元") it is
    an error, as there. The quantity as it is when ``unit`` is a count, a rate or no unit
    the registry reads (its error comes later, naming the row)."""
    import dataclasses

    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        target, written = parse_unit(unit), parse_unit(quantity.unit)
    except IdcForecastError:
        return quantity
    if target.dimension == "count" or target.per or written.magnitude is None:
        return quantity
    if target.magnitude is not None:
        said = repr(unit) + ("" if unit == target.canonical else f" ({target.canonical!r})")
        raise SpecError(
            f"{where}: value {text!r} has the magnitude {written.magnitude!r} and the unit "
            f"{said} its own; expected one magnitude: a plain number in value, or the unit "
            f"{target.base!r}",
            key="unit",
            value=unit,
            row=row,
        )
    return dataclasses.replace(quantity, unit=f"{target.base} {written.magnitude}")


def _converted(quantity: Any, unit: str, record: dict[str, Any], **place: Any) -> Any:
    """``quantity`` in the record's ``unit``; money at the FX rate of the claim's year."""
    from idcforecast.errors import IdcForecastError

    year: int | None = year_text(record.get("year"))  # "2022年", "FY2022", "2022E"
    if year is None:  # (they were no year here: "converting needs a year: pass year=...")
        try:
            year = int(float(record.get("year", "")))
        except (TypeError, ValueError):
            year = None
    try:
        return quantity.to(unit, year=year)
    except IdcForecastError as err:
        raise SpecError(
            f"{place['where']}: value {place['text']!r} is in {quantity.unit!r}, and the "
            f"unit given is {unit!r}: {err}; give the value in {unit!r}, or leave unit blank "
            "to take the figure's own",
            key="unit",
            value=unit,
            row=place["row"],
        ) from err
