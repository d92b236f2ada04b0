"""The three table layouts :func:`idcforecast.read_series` reads (long; a row per year; a
column per year) into observations, with the units a series' name states in brackets."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel
from idcforecast._cells import (
    is_blank,
    is_not_published,
    is_number_column,
    joined_keys,
    read_figure,
    read_year_or_estimate,
    year_columns,
)
from idcforecast._history_notes import estimate_note
from idcforecast._layout_checks import (
    META,
    names_without_header,
    no_description_rows,
    no_headerless_values,
    no_hidden_series,
    no_repeated_header_rows,
    no_second_header_row,
    no_split_thousands,
    warn_ignored,
)
from idcforecast._normalize import Observation
from idcforecast._table_headers import is_headerless
from idcforecast._unit_tails import counted_before, trailing_unit
from idcforecast._wording import counted
from idcforecast._year_cells import revised_note, split_year_end
from idcforecast.errors import (
    DataError,
    EmptyDataError,
    IdcForecastError,
)

if TYPE_CHECKING:
    import pandas as pd


def read_long(
    table: pd.DataFrame,
    year_column: str,
    value_column: str,
    default_id: str,
    place_of: Any,
    decimal: str,
    estimates: str,
    name: str,
) -> list[Observation]:
    meta_columns = [c for c in META if c in table.columns]
    no_split_thousands(table, value_column, place_of)
    if "series_id" not in table.columns:
        no_hidden_series(table, (year_column, value_column, *META), place_of)
    warn_ignored(table, (year_column, value_column, *META), name)
    formulas = table.attrs.get("formulas", {})  # Excel's, by (row, column) position
    value_at = list(table.columns).index(value_column)
    observations = []
    # the unit a series id states ("north (GW)", "Capacity MW"), read once per series: as a
    # wide table's names, else unit= relabelled its numbers (5 GW read as 5 MW)
    named_units: dict[str, str | None] = {}
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(cell) for cell in row.values()):
            continue
        place = place_of(i, value_column)
        if is_not_published(row[value_column]):
            continue  # "—", "n/a": a year not published, a gap
        if is_blank(row[value_column]):
            # an Excel formula whose result is empty text (=IF(..., "", ...)) shows blank too
            formula = formulas.get((i, value_at))
            by = "" if formula is None else f" (its formula {formula!r} gives empty text)"
            fix = "" if formula is None else "; or have the formula give a number"
            raise DataError(
                f"{place}: the value is blank{by} but the row is not; expected a number or a "
                f"figure (blank a whole row to skip it{fix})",
                place=place,
            )
        if "series_id" in row and is_blank(row["series_id"]):  # else it joins default_id
            raise DataError(
                f"{place_of(i, 'series_id')}: the series name is blank; expected a series id",
                place=place_of(i, "series_id"),
            )
        read = read_year_or_estimate(
            row[year_column], place=place_of(i, year_column), estimates=estimates
        )
        if read is None:
            continue  # an estimate, dropped as asked
        year, estimated = read
        figure = read_figure(row[value_column], place=place, decimal_mark=decimal)
        meta = with_note({c: row[c] for c in meta_columns if not is_blank(row[c])}, estimated)
        sid = str(meta.pop("series_id", default_id)).strip()
        if "series_id" in row:
            if sid not in named_units:
                named_units[sid] = header_unit(sid, place_of(i, "series_id"))
            meta = with_unit(meta, named_units[sid], place_of(i, "series_id"))
        observations.append(Observation(sid, year, figure, place_of(i), meta))
    return observations


def unpublished_series(
    table: pd.DataFrame,
    value_column: str,
    default_id: str,
    place_of: Any,
    observations: list[Observation],
) -> dict[str, str]:
    """The series of a long table whose every row is marked not published ("n/a", "—"),
    each with the message of the EmptyDataError that :func:`read_series` raises for it
    (unless a value of it comes from another file of a folder): its rows are gaps, and it
    would vanish from the result, and series_id= would call it "not in the table", where a
    wide table's empty row and a year-per-row table's empty column are this error."""
    read = {o.series_id for o in observations}
    ids = (
        [None if is_blank(c) else str(c).strip() for c in table["series_id"]]
        if "series_id" in table.columns
        else [default_id] * len(table)
    )
    rows: dict[str, list[int]] = {}
    for i, sid in enumerate(ids):
        if sid is not None and sid not in read and not is_blank(table[value_column].iloc[i]):
            rows.setdefault(sid, []).append(i)  # (a wholly blank row is skipped, no gap)
    cells = table[value_column]
    found = {}
    for sid, positions in rows.items():
        if not all(is_not_published(cells.iloc[i]) for i in positions):
            continue  # an estimate dropped as asked, or no value row at all
        shown = ", ".join(dict.fromkeys(repr(str(cells.iloc[i]).strip()) for i in positions))
        found[sid] = (
            f"{place_of(positions[0], value_column)}: series {sid!r} has no value: its "
            f"{counted(len(positions), 'row')} {'is' if len(positions) == 1 else 'are all'} "
            f"marked not published ({shown}); expected at least one year with a value "
            "(delete its rows if the series is not wanted)"
        )
    return found


def read_years_as_columns(
    table: pd.DataFrame, default_id: str, place_of: Any, name: str, decimal: str, estimates: str
) -> list[Observation]:
    years, estimated = year_columns(table.columns, name=name, estimates=estimates)
    others = [c for c in table.columns if c not in years and c not in estimated]
    names = names_without_header(table, others, META)  # ",2019,2020" over "China IDC,..."
    no_headerless_values(
        table,
        [c for c in others if c != names],
        place_of,
        "a year or the name of what the column holds",
    )
    # the series id: the series_id column, or else the cells of the other columns that do
    # not describe the row, joined ("China / colo"), as forecast-many reads a wide table;
    # numbers beside text columns are statistics ("CAGR 2019-21"), not names
    keys = ["series_id"] if "series_id" in others else [c for c in others if c not in META]
    if names is not None:
        keys = [names]
    named = [c for c in keys if not is_number_column(table[c])]
    if keys == ["series_id"]:  # its other number columns ("2019年6月30日") were dropped unsaid
        _warn_number_columns(
            [
                c
                for c in others
                if c not in META and not is_headerless(c) and is_number_column(table[c])
            ],
            name,
        )
    elif named:
        _warn_number_columns([c for c in keys if c not in named], name)
        keys = named
    ids = joined_keys(table[c] for c in keys) if keys else None
    meta_columns = [c for c in META if c in others and c != "series_id"]
    if keys:
        no_second_header_row(table, keys, list(years), place_of, "years_as_columns")
    no_repeated_header_rows(table, keys, years, place_of)
    observations = []
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(row[c]) or is_not_published(row[c]) for c in years):
            if all(is_blank(cell) for cell in row.values()):
                continue
            raise EmptyDataError(
                f"{place_of(i, next(iter(years)))}: the row has no value in any year column; "
                "expected at least one value (delete the row if the series is not wanted)"
                + _heading_hint(table, i, keys, years),
                place=place_of(i, next(iter(years))),
            )
        sid = default_id if ids is None else ids[i]
        if sid is None:
            raise DataError(
                f"{place_of(i, keys[0])}: the series name is blank; expected a series id",
                place=place_of(i, keys[0]),
            )
        meta = {c: row[c] for c in meta_columns if not is_blank(row[c])}
        meta = with_unit(meta, header_unit(sid, place_of(i)), place_of(i))
        for column, year in years.items():
            if is_blank(row[column]) or is_not_published(row[column]):
                continue  # a year not published ("", "—", "n/a"): a gap, not a NaN
            place = place_of(i, column)
            figure = read_figure(row[column], place=place, decimal_mark=decimal)
            note = estimate_note(column) if column in estimated else revised_note(column)
            observations.append(Observation(sid, year, figure, place, with_note(meta, note)))
    return observations


def _heading_hint(table: pd.DataFrame, i: int, keys: list[Any], years: dict[Any, int]) -> str:
    """For a row without values over rows with values ("Asia Pacific" over "China",
    "India", as outline tables head a group): how to keep its name."""
    below = table.iloc[i + 1 : i + 3]
    names = [
        str(row[keys[0]]).strip()
        for _, row in below.iterrows()
        if keys and not is_blank(row[keys[0]]) and any(not is_blank(row[c]) for c in years)
    ]
    if not keys or is_blank(table.iloc[i][keys[0]]):
        return ""
    heading = str(table.iloc[i][keys[0]]).strip()
    from idcforecast._table_footnotes import _FOOTNOTE_START

    if _FOOTNOTE_START.match(heading):  # "注：2020年起口径调整" between the rows
        return (
            f"; {heading!r} reads as a note: notes below the table's last row are skipped as "
            "its footnotes, not one between its rows; move it below the table, or delete the row"
        )
    if not names:
        return ""
    return (
        f"; is {heading!r} a heading over the rows below, as outline tables write one? write it "
        f"in a column of its own beside each row it covers ({heading!r} beside "
        f"{', '.join(map(repr, names))}), or delete the row"
    )


def _warn_number_columns(columns: list[Any], name: str) -> None:
    """An IgnoredColumnWarning naming a wide table's number columns that are no year, left
    out ("CAGR 2019-21" is a statistic; "2025年（目标）" would be a year under another mark):
    they were dropped in silence."""
    if not columns:
        return
    import warnings

    from idcforecast.errors import IgnoredColumnWarning

    shown = ", ".join(repr(str(c)) for c in columns)
    one = len(columns) == 1
    # "2019-20" beside year columns: a growth period as often as a fiscal year; say which
    periods = [(c, end) for c in columns if (end := split_year_end(c)) is not None]
    taken = "".join(
        f"; {str(c).strip()!r} was taken for the period {end - 1}-{end} (a growth rate over "
        f"it), not the fiscal year ending in {end}: if it is that year, head it '{end}' (or "
        f"'FY{end}')"
        for c, end in periods
    )
    warnings.warn(
        f"{name}: {'column' if one else 'columns'} {shown} {'holds' if one else 'hold'} "
        f"numbers under a header that is no year, not read (a growth rate or another "
        "statistic is computed from the values: idcforecast.cagr); head a year's column with "
        f"the year ('2025', or '2025E' for an estimate) to read it{taken}",
        IgnoredColumnWarning,
        stacklevel=caller_stacklevel(),
    )


BRACKETED_END = re.compile(r"[(（\[]\s*([^()（）\[\]]+?)\s*[)）\]]\s*$")


def header_unit(label: Any, place: str = "") -> str | None:
    """The unit a series' name states in brackets at its end, if it reads as one:
    "IDC market (CNY bn)" -> "CNY bn", "市场规模（亿元）" -> "CNY 100m", or after its last
    comma ("Revenue, US$ m" -> "USD mn"), or a percent sign at its end or start ("Growth %"
    -> "%"), or after a space ("Capacity MW" -> "MW": :mod:`idcforecast._unit_tails`);
    None for "(est.)", "(2020)", "China, colo" or no unit. A magnitude alone ("racks
    (10k)", "Revenue bn") is an error naming ``place``: read with a unit given elsewhere,
    the numbers would be 10,000 times off.

    Examples
    --------
    >>> header_unit("IDC market (CNY bn)"), header_unit("市场规模（亿元）")
    ('CNY bn', 'CNY 100m')
    >>> header_unit("East (est.)") is None
    True
    """
    from idcforecast.units import parse_unit

    match = BRACKETED_END.search(str(label))
    if match is None and _PERCENT_NAME.search(str(label)):  # "Growth %", "% share"
        return "%"
    said_in = None if match is not None else _IN_UNIT.search(str(label))
    if said_in is not None:  # "Revenue in billion U.S. dollars", as Statista heads them
        unit = _unit_said_in(label, said_in.group(1), place)
        if unit is not None:
            return unit
    if match is None:  # "规模 单位：亿元": the unit said in words after the name
        said = _said_unit(label, place)
        if said is not None:
            return said
    if match is None:  # "Revenue, US$ m": a unit after the name's last comma
        after = _AFTER_COMMA.search(str(label))
        try:
            parsed = parse_unit(_as_unit_text(after.group(1))) if after else None
        except IdcForecastError:
            parsed = None
        if parsed is not None and parsed.base != "count":
            return parsed.canonical
        return trailing_unit(label, place)  # "Capacity MW", "市场规模 亿元": after a space

    text = _unit_part(match.group(1))  # "CNY bn, est.": the unit and a remark
    # a remark in the end brackets after a unit stated before them: "Revenue (USD bn)
    # (nominal)", "Revenue in USD bn (est.)", "Revenue - USD bn (2023 prices)"
    before = str(label)[: match.start()]
    try:
        parsed = parse_unit(_as_unit_text(text))
    except IdcForecastError:
        _no_unlisted_unit(label, text, place)
        if text.strip() == "IT" and (power := _POWER_BEFORE_IT.search(before)) is not None:
            return power.group(1)
        if _MAGNITUDE_WORD.search(text) or _GLUED_T.match(text.strip()):  # not unit='s
            raise DataError(
                f"{place or repr(str(label))}: the name {str(label)!r} states "
                f"{text!r}, a magnitude in a unit not read here; its numbers would "
                "be read in a unit given elsewhere, 10 to 1000 times off; write the unit as "
                "one such as '(CNY 100m)', '(USD mn)', '(USD thousand)' or '（亿元）'",
                place=place,
            ) from None
        return header_unit(before, place) if before.strip() else None
    if parsed.base == "count" and _names_a_count(text):
        return parsed.canonical  # "大型数据中心（个）", "基站（万个）": counted things
    if parsed.base == "count" and parsed.magnitude is not None:
        counted = counted_before(before, text)  # "Racks (k)": thousands of racks
        if counted is not None:
            return counted
        raise DataError(
            f"{place or repr(str(label))}: the name {str(label)!r} states the magnitude "
            f"{text!r} but no unit, so its numbers would be read in a unit given "
            f"elsewhere without it; write the unit with it, e.g. '({parsed.magnitude} racks)', "
            "'（万架）', '(USD bn)' or '（亿元）'",
            place=place,
        )
    if parsed.base == "count":
        return header_unit(before, place) if before.strip() else None
    return parsed.canonical


# a unit symbol the registry does not list: "Tbps", "Gbit/s" (bandwidth), "MVA", "GHz",
# "MtCO2e". Read with unit= given, the numbers were relabelled in that unit, not converted
_UNLISTED_UNIT = re.compile(
    r"^(?:[kKMGTPE]?(?:bps|bit/s|b/s|B/s|VA|Hz|tCO2e?)|[kMGT]?bits?(?:\s*per\s*second)?"
    r"|[kMG]We)$"  # "MWe": electrical megawatts (a facility's, not its IT load)
)
# "IT" beside a power unit ("MW IT", "IT MW"): the IT load, as capacity is counted
_IT_POWER = re.compile(r"^(?:IT[\s\-_]*([kMG]W)|([kMG]W)[\s\-_]*IT)$")  # "MW-IT" too
# "Capacity MW (IT)": the power unit before a bracketed "IT"
_POWER_BEFORE_IT = re.compile(r"(?<![\w.])([kMG]W)\s*$")


def _no_unlisted_unit(label: Any, text: str, place: str) -> None:
    """A UnitError when bracket ``text`` the unit parser refused is a unit symbol it does not
    list ("带宽（Tbps）"): read with a unit given elsewhere, its numbers would be labelled in
    that unit, not converted."""
    if _UNLISTED_UNIT.match(text.strip()) is None:
        return
    from idcforecast.errors import UnitError

    raise UnitError(
        f"{place or repr(str(label))}: the name {str(label)!r} states the unit "
        f"{text.strip()!r}, which is not read here (not listed in idcforecast/units/"
        "units.txt); its numbers would be labelled in a unit given elsewhere (unit=) "
        f"without converting them; expected a unit the registry lists: rename the column "
        f"without {text.strip()!r} and give its unit, or add {text.strip()!r} to units.txt",
        place=place,
    )


def _said_unit(label: Any, place: str) -> str | None:
    """The unit a name states after "单位：" or "Unit:" without brackets ("规模 单位：亿元"
    -> "CNY 100m"); None when it says none or a count; an error for a magnitude alone
    ("规模 单位：万") or a unit symbol the registry lacks, as bracketed."""
    from idcforecast._unit_headings import UNIT_SAID
    from idcforecast.units import parse_unit

    found = UNIT_SAID.search(str(label))
    if found is None:
        return None
    text = found.group(1).strip()
    try:
        parsed = parse_unit(_as_unit_text(text))
    except IdcForecastError:
        _no_unlisted_unit(label, text, place)
        return None
    if parsed.base != "count" or _names_a_count(text):
        return parsed.canonical
    if parsed.magnitude is not None:
        raise DataError(
            f"{place or repr(str(label))}: the name {str(label)!r} states the magnitude "
            f"{text!r} but no unit, so its numbers would be read in a unit given "
            "elsewhere without it; write the unit with it, e.g. '单位：亿元' or 'Unit: USD bn'",
            place=place,
        )
    return None


# how tables head a unit that the unit parser reads otherwise: "in US$ m", "单位：亿元",
# "RMB 100 million" (CNY 100m), "US$ '000" and "US$000" (USD thousand)
# ("in" as a word: "INR bn" lost its "IN" and was refused, "(INR crore)" read no unit)
_UNIT_PREFIX = re.compile(
    r"^\s*(?:in\b|units?\s*[:：]|(?:单位|單位|単位|단위)\s*[:：])\s*", re.IGNORECASE
)
# a currency code with its magnitude glued on: "USDbn", "EURm" (after), "MUSD", "kEUR"
# (before: M for million, k for thousand, as Nordic and German reports write them)
_GLUED_AFTER = re.compile(r"^([A-Z]{3})(mn|mln|bn|m|b|k|tn)$")
_GLUED_BEFORE = re.compile(r"^([kKmM])([A-Z]{3})$")
# "TEUR": thousand EUR in German reports (Tausend), a trillion elsewhere: not guessed
# 兆 before a Japanese currency word: a trillion (2兆円), as parse_quantity reads it; 兆元
# (a trillion in Taiwan, 10^6 on the mainland) stays a magnitude the header does not read
_JAPANESE_TRILLION = {"兆円": "JPY tn", "兆ドル": "USD tn"}
_GLUED_T = re.compile(r"^T(?:EUR|USD|CHF|GBP|CNY|RMB|JPY|SEK|NOK|DKK|PLN|CZK|HUF)$")
_HUNDRED_MILLION = re.compile(r"(?<![\d.])100\s*(?:million|mn|mln)\b", re.IGNORECASE)
_THOUSANDS = re.compile(r"\s*(?<![\d.,])'?000s?(?![\d.,])|\bthousands\b", re.IGNORECASE)
# a name marked as a percentage without brackets: "Growth %", "YoY%", "同比增长%", "% share"
_PERCENT_NAME = re.compile(r"^\s*[%％]\s*[^\W\d_]|[^\W\d_]\s*[%％]\s*$")
# the words after a name's last "in" ("Revenue in billion U.S. dollars", "Capacity in MW")
_IN_UNIT = re.compile(r"\sin\s+([^,，()（）\s][^,，()（）]*?)\s*$", re.IGNORECASE)
# the words after a name's last comma or colon ("Revenue, US$ m", "规模，亿元", "Capacity: MW")
# (or after a spaced dash: "Revenue - USD bn", "营收 — 亿元")
# or a slash after a Chinese name: "规模/亿元", "机架数/万架", as Chinese papers head columns
_AFTER_COMMA = re.compile(
    r"(?:[,，:：]|\s[-–—]\s|(?<=[\u4e00-\u9fff])\s*[/／])\s*([^,，:：()（）]+?)\s*$"
)
# a magnitude word in bracket text the parser does not read ("RMB 100 millions"): a unit
_MAGNITUDE_WORD = re.compile(
    r"\b(?:millions?|mn|mln|billions?|bn|thousands?|trillions?|tsd|mio|mrd)\b|'000|亿|億|万|百万|千|兆"
    r"|(?<![=\w.])\d+\s*k\b",  # "10k units" (but not a sample size, "n=10k")
    re.IGNORECASE,
)


def _unit_said_in(label: Any, text: str, place: str) -> str | None:
    """The unit of a name ending "in <unit>" ("Revenue in billion U.S. dollars" -> "USD bn",
    "Capacity in MW", "Share in %"); None when the words are no unit ("Sales in Europe") or
    a count ("Spending in data centers"); an error for a magnitude alone ("Revenue in
    millions"), as :func:`header_unit` says it of "(millions)"."""
    from idcforecast.units import parse_unit

    try:
        parsed = parse_unit(_as_unit_text(text))
    except IdcForecastError:
        return None
    if parsed is None:
        return None
    if parsed.base != "count":
        return parsed.canonical
    if parsed.magnitude is not None and _MAGNITUDE_WORD.search(text):
        raise DataError(
            f"{place or repr(str(label))}: the name {str(label)!r} states the magnitude "
            f"{text!r} but no unit, so its numbers would be read in a unit given elsewhere "
            f"without it; write the unit with it, e.g. 'in million U.S. dollars', "
            "'(USD m)' or '（亿元）'",
            place=place,
        )
    return None


def _unit_part(text: str) -> str:
    """Of bracket text in parts ("CNY bn, est.", "亿元，估计", "USD m; nominal"), the one part
    that reads as a unit when the others are remarks (no unit, no magnitude word); the
    text itself otherwise (no separator, or two units: "CNY bn, USD bn" stays an error).

    Examples
    --------
    >>> _unit_part("CNY bn, est."), _unit_part("亿元，估计"), _unit_part("CNY bn, USD bn")
    ('CNY bn', '亿元', 'CNY bn, USD bn')
    >>> _unit_part("est., 2019 prices")
    'est., 2019 prices'
    """
    from idcforecast.units import parse_unit

    parts = [part.strip() for part in re.split(r"[,，;；]", text)]
    if len(parts) < 2:
        return text
    units = []
    for part in parts:
        try:
            if parse_unit(_as_unit_text(part)) is not None:
                units.append(part)
                continue
        except IdcForecastError:
            pass
        if _MAGNITUDE_WORD.search(part):  # "CNY, bn": a unit split, not a remark
            return text
    return units[0] if len(units) == 1 else text


def _as_unit_text(text: str) -> str:
    """Bracket text of a header as the unit parser reads units.

    Examples
    --------
    >>> _as_unit_text("in US$ m"), _as_unit_text("RMB 100 million"), _as_unit_text("US$ '000")
    ('US$ m', 'RMB 100m', 'US$ thousand')
    >>> _as_unit_text("USDbn"), _as_unit_text("MEUR"), _as_unit_text("kUSD"), _as_unit_text("INR")
    ('USD bn', 'EUR mn', 'USD thousand', 'INR')
    """
    text = _UNIT_PREFIX.sub("", text)
    text = _JAPANESE_TRILLION.get(text.strip(), text)
    it_power = _IT_POWER.match(text.strip())
    if it_power is not None:  # "MW IT": megawatts of IT load
        text = it_power.group(1) or it_power.group(2)
    glued = _GLUED_AFTER.match(text.strip())
    if glued is not None:
        text = f"{glued.group(1)} {glued.group(2)}"
    glued = _GLUED_BEFORE.match(text.strip())
    if glued is not None:
        magnitude = "thousand" if glued.group(1) in "kK" else "mn"
        text = f"{glued.group(2)} {magnitude}"
    text = _HUNDRED_MILLION.sub("100m", text)
    return _THOUSANDS.sub(" thousand", text).strip()


def _names_a_count(text: str) -> bool:
    """Whether bracket text names counted things ("个", "万个", "座", "data centers"), not
    a magnitude alone ("万", "10k"), which parse alike as a count."""
    from idcforecast.units.registry import _registry, normalize_text

    norm = normalize_text(text).lower()
    return any(
        kind == "base" and name == "count" and key in norm
        for key, (kind, name) in _registry().aliases.items()
    )


def with_unit(meta: dict[str, Any], unit: str | None, place: str) -> dict[str, Any]:
    """A row's provenance cells with the unit its series' name states (``header_unit``);
    a ``unit`` cell of another unit is an error (which one holds?). A name stating a
    currency alone ("Revenue (USD)", "Revenue USD") over a cell of that currency with a
    magnitude ("USD bn") agrees: the cell says the magnitude the name leaves out."""
    if unit is None:
        return dict(meta)
    if "unit" in meta:
        from idcforecast.units import parse_unit

        cell = parse_unit(str(meta["unit"]))
        if cell.canonical != unit and not (cell.magnitude is not None and cell.base == unit):
            raise DataError(
                f"{place}: the series' name states the unit {unit!r} but the unit column says "
                f"{str(meta['unit']).strip()!r}; expected one unit; correct one of them",
                place=place,
            )
        return dict(meta)
    return {**meta, "unit": unit}


def with_note(meta: dict[str, Any], note: str) -> dict[str, Any]:
    """A copy of a row's provenance cells with ``note`` appended to its note."""
    if not note:
        return dict(meta)
    return {**meta, "note": "; ".join(filter(None, [str(meta.get("note", "")), note]))}


def read_years_as_rows(
    table: pd.DataFrame, year_column: str, place_of: Any, decimal: str, estimates: str
) -> list[Observation]:
    """One observation per filled cell of a series column; the row's provenance cells
    (``source``, ``note``, ``unit``... the ``META`` columns) describe every value of that
    row, as a wide row's describe every year of its series."""
    if "series_id" in table.columns:
        raise DataError(
            f"{place_of(0, 'series_id')}: a 'series_id' column in a table with a year per row "
            "and no 'value' column; expected either a long table (series_id, year, value) or "
            "a column per series (year, then one column headed by each series' name); rename "
            "the value column to 'value', or drop the series_id column",
            column="series_id",
        )
    meta_columns = [c for c in META if c in table.columns]
    series_columns = [c for c in table.columns if c != year_column and c not in META]
    for column in series_columns:
        no_split_thousands(table, column, place_of)
    no_second_header_row(table, [year_column], series_columns, place_of, "years_as_rows")
    no_description_rows(table, year_column, series_columns, place_of)
    header_units = {
        c: u for c in series_columns if (u := header_unit(c, place_of(0, c))) is not None
    }
    observations = []
    for i, row in enumerate(table.to_dict("records")):
        if all(is_blank(cell) for cell in row.values()):
            continue
        read = read_year_or_estimate(
            row[year_column], place=place_of(i, year_column), estimates=estimates
        )
        if read is None:
            continue  # an estimate, dropped as asked
        year, estimated = read
        meta = with_note({c: row[c] for c in meta_columns if not is_blank(row[c])}, estimated)
        for column in series_columns:
            if is_blank(row[column]) or is_not_published(row[column]):
                continue  # a year not published for this series ("", "—", "n/a")
            place = place_of(i, column)
            if is_headerless(column):
                no_headerless_values(table, [column], place_of, "the series' name")
            figure = read_figure(row[column], place=place, decimal_mark=decimal)
            unit = header_units.get(column)
            observations.append(
                Observation(str(column), year, figure, place, with_unit(meta, unit, place))
            )
    empty = [c for c in series_columns if not any(o.series_id == str(c) for o in observations)]
    if empty and observations:
        raise EmptyDataError(
            f"{place_of(0, empty[0])}: column {empty[0]!r} has no value in any year; expected "
            "at least one value per series column (delete the column if it is not wanted)",
            column=str(empty[0]),
        )
    return observations


def value_header_unit(
    table: pd.DataFrame, value_column: str, place_of: Any
) -> tuple[pd.DataFrame, str | None, str | None]:
    """A long table's value column headed with its unit ("value (CNY bn)", "数值（亿元）"):
    the table with the column named ``value_column``, that unit, and the note every value
    takes from a remark beside the unit ("value (CNY bn, est.)": "'est.' (from the header
    'value (CNY bn, est.)')"), else None; else the table as it is and None, None. Read as a
    series named "value (CNY bn)", a ``series_id`` column beside it was an error that asked
    to rename the column and so lose the unit."""
    from idcforecast._table_headers import HEADER_ALIASES

    if value_column in table.columns:
        return table, None, None
    names = {value_column.casefold()}
    names |= {a for a, known in HEADER_ALIASES.items() if known == value_column}
    found = [
        (column, unit)
        for column in table.columns
        if isinstance(column, str)
        and BRACKETED_END.sub("", column).strip().casefold() in names
        and (unit := header_unit(column, place_of(0, column))) is not None
    ]
    if len(found) != 1:
        return table, None, None
    column, unit = found[0]
    remark = header_remark(column)
    note = None if remark is None else f"{remark!r} (from the header {column.strip()!r})"
    return table.rename(columns={column: value_column}), unit, note


def header_remark(label: Any) -> str | None:
    """The remark beside the unit in a name's end brackets ("est." of "value (CNY bn,
    est.)", "估计" of "数值（亿元，估计）"), which reading the unit alone would drop; None
    when the brackets hold a unit alone, or no unit.

    Examples
    --------
    >>> header_remark("value (CNY bn, est.)"), header_remark("数值（亿元，估计）")
    ('est.', '估计')
    >>> header_remark("value (CNY bn)") is None, header_remark("East (est.)") is None
    (True, True)
    """
    match = BRACKETED_END.search(str(label))
    if match is None:
        return None
    text = match.group(1)
    unit = _unit_part(text)
    if unit == text:  # one part, or no single unit among the parts
        return None
    parts = [part.strip() for part in re.split(r"[,，;；]", text)]
    return ", ".join(part for part in parts if part and part != unit) or None
