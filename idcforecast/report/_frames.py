"""Checks and selections on the tidy frames that charts and tables take (private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from idcforecast.errors import DataError, EmptyDataError, UnknownSeriesError

if TYPE_CHECKING:
    import pandas as pd


# Which public function returns the frame a chart or table calls ``what``: the error names
# it, with its help(), which an installed package has (docs/internals.md is not shipped).
_MADE_BY = {
    "history": "read_series() or load_dataset()",
    "forecast": "forecast()",
    "backtest": "backtest()",
    "claims record": "track_record()",
    "scenario table": "scenario_table()",
}


def require_columns(frame: pd.DataFrame, columns: Iterable[str], *, what: str) -> None:
    """Raise DataError naming the missing columns of ``frame`` (called ``what``).

    Examples
    --------
    >>> import pandas as pd
    >>> require_columns(pd.DataFrame({"year": [2020]}), ["year", "mean"], what="forecast")
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: forecast: missing column(s) 'mean'; found 'year'; pass the \
frame idcforecast.forecast() returns (help(idcforecast.forecast) lists its columns)
    """
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        made_by = _MADE_BY.get(what, "read_series()")
        first = made_by.split()[0].removesuffix("()")
        raise DataError(
            f"{what}: missing column(s) {', '.join(repr(c) for c in missing)}; "
            f"found {', '.join(repr(str(c)) for c in frame.columns)}; "
            f"pass the frame idcforecast.{made_by.replace(' or ', ' or idcforecast.')} "
            f"returns (help(idcforecast.{first}) lists its columns)",
            what=what,
            missing=missing,
        )


def one_series(frame: pd.DataFrame, series_id: str | None, *, what: str) -> pd.DataFrame:
    """The rows of one series, sorted by year.

    With ``series_id=None`` the frame must hold exactly one series.
    """
    require_columns(frame, ["series_id", "year"], what=what)
    if len(frame) == 0:
        raise EmptyDataError(f"{what}: the frame has no rows; pass at least one year", what=what)
    ids = list(dict.fromkeys(frame["series_id"].astype(str)))
    if series_id is None:
        if len(ids) > 1:
            raise DataError(
                f"{what}: holds {len(ids)} series ({', '.join(map(repr, ids))}); "
                f"pass series_id= to choose one",
                what=what,
                series_ids=ids,
            )
        series_id = ids[0]
    elif series_id not in ids:
        raise UnknownSeriesError(
            f"{what}: series {series_id!r} is not in the frame; it holds "
            f"{', '.join(map(repr, ids))}",
            what=what,
            series_id=series_id,
            known=ids,
        )
    rows = frame[frame["series_id"].astype(str) == series_id]
    return rows.sort_values("year", kind="stable").reset_index(drop=True)


def one_model(forecast: pd.DataFrame, model: str | None, *, what: str) -> pd.DataFrame:
    """The rows of one model of a forecast frame (the first listed when ``model`` is None)."""
    require_columns(forecast, ["model"], what=what)
    models = list(dict.fromkeys(forecast["model"].astype(str)))
    if model is None:
        model = models[0]
    elif model not in models:
        raise DataError(
            f"{what}: model {model!r} is not in the frame; it holds "
            f"{', '.join(map(repr, models))}; "
            f"pass one of those as model=",
            what=what,
            model=model,
            known=models,
        )
    return forecast[forecast["model"].astype(str) == model].reset_index(drop=True)


def first_unit(frame: pd.DataFrame) -> str:
    """The unit of a one-series frame ("" when the frame has no unit column)."""
    if "unit" not in frame.columns or frame["unit"].isna().all():
        return ""
    return str(frame["unit"].dropna().iloc[0])


def source_text(history: pd.DataFrame, *, limit: int = 3) -> str:
    """A short 'Source: ...' line for a chart from the distinct sources of a history frame.

    Chart text is set in DejaVu Sans, which has no Chinese: a source with Chinese in it is
    not cut down to its Latin fragments ("中国IDC圈" printed as "IDC", which reads as
    International Data Corporation; "赛迪顾问" as an empty entry) but counted as a
    Chinese-language source, named in full in the Sources table; a known Chinese name is
    said in English ("科智咨询" is Kezhi Consulting; :mod:`~idcforecast.report._known_names`).
    Rows of one file read as "vn.csv, rows 2-8", not "vn.csv row 2; vn.csv row 3; ...". A
    citation is cut at its first comma, and the line then points to the Sources table.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"source": [f"vn.csv row {i}, column 'mw'" for i in (2, 3, 4, 6)]})
    >>> source_text(rows)
    'Source: vn.csv, rows 2-4, 6'
    >>> source_text(pd.DataFrame({"source": [f"Series 'x' year {y}" for y in range(2018, 2024)]}))
    "Source: Series 'x', years 2018-2023"
    >>> cn = pd.DataFrame({"source": ["中国IDC圈 2015-2016报告", "赛迪顾问", "Global Times, p. 2"]})
    >>> source_text(cn)
    'Source: 2 Chinese-language sources; Global Times (see Sources)'
    >>> source_text(pd.DataFrame({"source": ["科智咨询 (中国IDC圈)", "Global Times"]}))
    'Source: Kezhi Consulting (China IDC Circle); Global Times'
    """
    import re

    from idcforecast.report._known_names import in_english
    from idcforecast.report.fonts import contains_cjk

    if "source" not in history.columns:
        return ""
    sources = [s for s in dict.fromkeys(history["source"].dropna().astype(str)) if s.strip()]
    if not sources:
        return ""
    chinese = "a Chinese-language source"
    entries: list[str] = []  # in order of first appearance; one per Chinese source
    rows: dict[str, list[int]] = {}  # "file.csv" -> its row numbers
    words: dict[str, str] = {}  # "file.csv" -> "row"; "Series 'x'" -> "year"
    shortened = False  # a citation cut at its comma: the rest is in the Sources table
    for source in sources:
        # the citation, before any ", quoting ..."
        entry = source.split(",")[0].strip()
        cut = entry != source.strip()
        entry = in_english(entry)
        if contains_cjk(entry):
            entries.append(chinese)
            continue
        # a Series' values are "Series 'x' year 2019": read as "Series 'x', years 2018-2023"
        if match := re.fullmatch(r"(.+) (row|year) (\d+)", entry):
            entry = match.group(1)
            words.setdefault(entry, match.group(2))
            rows.setdefault(entry, []).append(int(match.group(3)))
        elif cut and len(entries) < limit:  # (", column 'mw'" of a file's row is no loss)
            shortened = True
        if entry not in entries:
            entries.append(entry)
    head = [_with_rows(e, rows[e], words[e]) if e in rows else e for e in entries[:limit]]
    n_chinese = head.count(chinese)
    if n_chinese > 1:  # "2 Chinese-language sources", once, where the first one was
        at = head.index(chinese)
        head = [e for e in head if e != chinese]
        head.insert(at, f"{n_chinese} Chinese-language sources")
    if len(entries) > limit:
        return f"Source: {'; '.join(head)}; and {len(entries) - limit} more (see Sources)"
    return f"Source: {'; '.join(head)}" + (" (see Sources)" if n_chinese or shortened else "")


def _with_rows(place: str, numbers: list[int], word: str = "row") -> str:
    """``place`` and its row numbers (or years) as runs: "vn.csv row 2", "vn.csv, rows 2-4,
    6", "Series 'x', years 2018-2023"."""
    if len(numbers) == 1:
        return f"{place} {word} {numbers[0]}"
    ordered = sorted(set(numbers))
    runs: list[list[int]] = [[ordered[0], ordered[0]]]
    for n in ordered[1:]:
        if n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return f"{place}, {word}s " + ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in runs)


_QUALIFIER_MEANINGS = {
    "at_least": "'>' marks a figure published as a lower bound ('more than')",
    "at_most": "'<' marks a figure published as an upper bound ('less than')",
    "approximately": "'~' marks a figure published as approximate ('about')",
}


def qualifiers(frame: pd.DataFrame, *, what: str) -> list[str]:
    """The qualifier of each row ("exact" where the column is missing or blank).

    Raises DataError for a qualifier that is not one of ``idcforecast.units.QUALIFIERS``.
    """
    from idcforecast.units.quantity import qualifier_cell

    if "qualifier" not in frame.columns:
        return ["exact"] * len(frame)
    return [
        qualifier_cell(cell, where=f"{what}, year {year}", what=what, year=year, qualifier=cell)
        for year, cell in zip(frame["year"], frame["qualifier"], strict=True)
    ]


def qualifier_note(used: Iterable[str]) -> str:
    """One sentence on the marks in ``used`` ("" when every figure is exact).

    Examples
    --------
    >>> qualifier_note(["exact", "at_least", "at_least"])
    "'>' marks a figure published as a lower bound ('more than')."
    >>> qualifier_note(["exact"])
    ''
    """
    meanings = [_QUALIFIER_MEANINGS[q] for q in _QUALIFIER_MEANINGS if q in set(used)]
    return "; ".join(meanings) + "." if meanings else ""


RANGE_MARK = "†"  # a value read as the midpoint of a published range ("3000-3100亿元")


def range_midpoints(history: pd.DataFrame) -> dict[int, tuple[float, float]]:
    """``{year: (low, high)}`` for the rows whose value ``read_series`` took as the midpoint
    of a published range (its note says "range 3000 to 3100 CNY 100m; value is the
    midpoint"); {} for none.

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"year": [2020, 2021], "note": ["", "range 3000 to 3100 "
    ...                      "CNY 100m; value is the midpoint"]})
    >>> range_midpoints(hist)
    {2021: (3000.0, 3100.0)}
    """
    import re

    if "note" not in history.columns:
        return {}
    found = {}
    for year, note in zip(history["year"], history["note"], strict=True):
        match = re.search(r"\brange (\S+) to (\S+) .*?; value is the midpoint", str(note))
        if match:
            try:
                found[int(year)] = (float(match.group(1)), float(match.group(2)))
            except ValueError:  # a note a user wrote in other words
                continue
    return found


def fx_conversions(history: pd.DataFrame) -> dict[int, str]:
    """``{year: the unit it was published in}`` for the rows whose value ``read_series``
    converted between currencies (its note says "converted from 'CNY 100m' (x..., 2022
    annual-average FX rate)"), as ``idcforecast show --unit`` detects them; {} for none.

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"year": [2021, 2022], "unit": "USD bn", "note": [
    ...     "converted from 'CNY 100m' (x0.015502, 2021 annual-average FX rate)",
    ...     "converted from 'USD mn' (x0.001)"]})
    >>> fx_conversions(hist)
    {2021: 'CNY 100m'}
    """
    from idcforecast._normalize import conversion_in
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.convert import changes_currency

    if "note" not in history.columns or "unit" not in history.columns:
        return {}
    found = {}
    for year, unit, note in zip(history["year"], history["unit"], history["note"], strict=True):
        conversion = conversion_in(note)
        if conversion is None:
            continue
        try:
            if changes_currency(conversion[0], str(unit)):
                found[int(year)] = conversion[0]
        except IdcForecastError:  # a note a user wrote, naming no unit the registry reads
            continue
    return found


def published_currencies(converted: dict[int, str]) -> str:
    """The currencies of :func:`fx_conversions`' units, for prose: "CNY", "CNY and EUR".

    Examples
    --------
    >>> published_currencies({2019: "CNY 100m", 2021: "CNY", 2022: "EUR mn"})
    'CNY and EUR'
    """
    from idcforecast.units import parse_unit

    names = list(dict.fromkeys(str(parse_unit(u).currency) for u in converted.values()))
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


def published_cagr(history: pd.DataFrame, start: int, end: int) -> tuple[str, float] | None:
    """``(currency, compound annual rate)`` between years ``start`` and ``end`` in the
    currency both figures were published in, when ``read_series`` converted both from that
    one currency into the history's (its notes give each factor); None otherwise (either
    figure published in the history's own currency, two currencies, a level at or below
    zero).

    Beside the CAGR in the converted unit, it separates the market's growth from the
    exchange rate's move.

    Examples
    --------
    >>> import pandas as pd
    >>> hist = pd.DataFrame({"year": [2018, 2023], "unit": "USD bn", "value": [31.775, 51.547],
    ...     "note": ["converted from 'CNY 100m' (x0.0151309, 2018 annual-average FX rate)",
    ...              "converted from 'CNY 100m' (x0.0141225, 2023 annual-average FX rate)"]})
    >>> currency, rate = published_cagr(hist, 2018, 2023)
    >>> currency, round(rate, 4)  # 2100 -> 3650 亿元: (3650 / 2100) ** (1 / 5) - 1
    ('CNY', 0.1169)
    """
    import re

    from idcforecast._normalize import conversion_in
    from idcforecast.units import parse_unit

    if "note" not in history.columns or end <= start:
        return None
    cells = zip(history["value"], history["note"], strict=True)
    rows = dict(zip(history["year"].astype(int), cells, strict=True))
    target = parse_unit(str(history["unit"].iloc[0])).currency
    levels: list[tuple[str, float]] = []
    for year in (start, end):
        value, note = rows.get(year, (None, None))
        found = conversion_in(note)
        factor = re.search(r"\(x([^,)]+)", found[1]) if found is not None else None
        if value is None or found is None or factor is None:
            return None
        unit = parse_unit(found[0])
        if unit.currency is None or unit.currency == target:
            return None
        levels.append((unit.currency, float(value) / float(factor.group(1)) * unit.factor))
    (first_currency, first), (last_currency, last) = levels
    if first_currency != last_currency or first <= 0 or last <= 0:
        return None
    return first_currency, (last / first) ** (1.0 / (end - start)) - 1.0
