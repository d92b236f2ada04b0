"""The bundled, sourced datasets: a catalogue and validated loaders.

The data are the CSV files of the repository's ``data/`` directory (shipped inside the wheel;
found through :func:`idcforecast._paths.data_dir`), listed in ``data/catalogue.csv`` and
documented in ``data/README.md``. Every load is validated: a malformed file raises a typed
:class:`~idcforecast.errors.DataError` naming the file, line and column, never a silent NaN.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from idcforecast._tidy import (
    CONFIDENCE_GRADES,
    QUALIFIERS,
    TIDY_COLUMNS,
    check_one_scope_per_series,
    check_one_unit_per_series,
    check_unique_years,
)
from idcforecast.errors import (
    DataError,
    EmptyDataError,
    NonNumericValueError,
    UnknownDatasetError,
    UnknownSeriesError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CLAIM_COLUMNS", "list_datasets", "load_dataset", "load_series"]

CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_set",
    "claim_id",
    "made",
    "by",
    "subject",
    "kind",
    "start_year",
    "year",
    "value",
    "unit",
    "qualifier",
    "source",
    "quote",
    "confidence",
    "note",
)
CLAIM_KINDS: tuple[str, ...] = ("level", "growth", "cagr")
# schema name -> the columns every file of that schema starts with
_SCHEMA_COLUMNS: dict[str, tuple[str, ...]] = {
    "series": TIDY_COLUMNS,
    "series+horizon": (*TIDY_COLUMNS, "horizon_start", "horizon_end"),
    "claims": CLAIM_COLUMNS,
}
_CATALOGUE_COLUMNS = ("name", "file", "schema", "description", "source")
_LISTED_COLUMNS = ("name", "description", "unit", "years", "scope", "source", "schema")
_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_INTEGER = re.compile(r"-?\d+")


def list_datasets() -> pd.DataFrame:
    """List the bundled datasets.

    Returns
    -------
    pandas.DataFrame
        One row per dataset, sorted by ``name``, with columns ``name, description, unit,
        years, scope, source, schema``. ``unit``, ``years`` and ``scope`` are computed from
        the data (units and scopes in order of appearance, years as ``"first-last"`` or a
        single year; claims list their subjects as scope);
        ``schema`` says how to read the rows (``series``: tidy history, one row per series
        and year, ``series_id, year, value, unit, qualifier, as_of, source, quote,
        confidence, scope, derived, note``; ``series+horizon``: the same plus
        ``horizon_start, horizon_end``; ``claims``: published forecasts and claims;
        ``fx``: exchange rates, in the series columns). The bundled ``data/README.md``
        (in an installed package, ``idcforecast/_bundled_data/README.md``) explains them.

    Examples
    --------
    >>> from idcforecast import list_datasets
    >>> cat = list_datasets()
    >>> cat.set_index("name").loc["china_idc_market", "unit"]
    'CNY 100m'
    """
    import pandas as pd

    rows = []
    for name, entry in sorted(_catalogue().items()):
        frame = _load(name)
        column = "subject" if entry["schema"] == "claims" else "scope"
        rows.append(
            {
                "name": name,
                "description": entry["description"],
                "unit": ", ".join(_unique(frame["unit"])) if "unit" in frame else "",
                "years": _span(frame["year"]),
                "scope": ", ".join(_unique(frame[column])) if column in frame else "",
                "source": entry["source"],
                "schema": entry["schema"],
            }
        )
    return pd.DataFrame(rows, columns=list(_LISTED_COLUMNS))


def load_dataset(name: str) -> pd.DataFrame:
    """Load one bundled dataset as a validated frame.

    Parameters
    ----------
    name
        A name from :func:`list_datasets`.

    Returns
    -------
    pandas.DataFrame
        For ``series`` datasets the tidy frame, one row per series and year (``year`` int64,
        ``value`` float64, ``derived`` bool, text columns as strings, empty text as ``""``),
        in file order. ``claims`` datasets have the claims columns (``start_year`` nullable
        Int64, empty for level claims). A fresh copy each call: modify it freely.

    Raises
    ------
    UnknownDatasetError
        ``name`` is not bundled, or is not text (the message lists the valid names).
    DataError
        The bundled file is malformed (a packaging bug; the message names file and line).

    Examples
    --------
    >>> from idcforecast import load_dataset
    >>> market = load_dataset("china_idc_market")
    >>> overall = market[market["series_id"] == "china_idc_cidc_overall"]
    >>> overall.loc[overall["year"] == 2019, "value"].item()
    1562.5
    """
    catalogue = _catalogue()
    if not isinstance(name, str):  # a list of names was an unhashable-type TypeError
        names = sorted(catalogue)
        raise UnknownDatasetError(
            f"dataset name must be text, one name per call; got {type(name).__name__} "
            f"{name!r}; e.g. load_dataset('china_idc_market'); names: {', '.join(names)}",
            name=repr(name),
            valid=tuple(names),
        )
    if name not in catalogue:
        names = sorted(catalogue)
        raise UnknownDatasetError(
            f"dataset {name!r} is not bundled;{_did_you_mean(name, names)} expected one of: "
            f"{', '.join(names)} (see idcforecast.list_datasets())",
            name=name,
            valid=tuple(names),
        )
    return _load(name).copy()


def load_series(series_id: str) -> pd.DataFrame:
    """Load one bundled series, from whichever dataset holds it.

    Examples
    --------
    >>> from idcforecast.datasets import load_series
    >>> load_series("china_idc_caict")["year"].tolist()
    [2021, 2022, 2023]
    """
    all_ids: list[str] = []
    for name, entry in sorted(_catalogue().items()):
        if not entry["schema"].startswith("series") and entry["schema"] != "fx":
            continue
        frame = _load(name)
        rows = frame[frame["series_id"] == series_id]
        if len(rows):
            return rows.reset_index(drop=True)
        all_ids.extend(_unique(frame["series_id"]))
    raise UnknownSeriesError(
        f"series {series_id!r} is in no bundled dataset;{_did_you_mean(series_id, all_ids)} "
        "list the ids with load_dataset(name)['series_id'].unique()",
        series_id=series_id,
    )


def elsewhere_hint(series_id: object, dataset: str) -> str:
    """A hint naming the other bundled dataset that holds ``series_id``, or "".

    For the CLI's unknown-series errors (it reads the bundled files, on that path only).

    Examples
    --------
    >>> elsewhere_hint("china_racks_in_use", "china_idc_market")
    " it is in bundled dataset 'china_racks_in_use' (pass --dataset china_racks_in_use);"
    >>> elsewhere_hint("nope", "china_idc_market")
    ''
    """
    for name in list_datasets()["name"]:
        if name == dataset:
            continue
        frame = load_dataset(name)
        if "series_id" in frame.columns and (frame["series_id"] == str(series_id)).any():
            return f" it is in bundled dataset {name!r} (pass --dataset {name});"
    return ""


def _did_you_mean(name: object, names: list[str], spelling: bool = True) -> str:
    """`` did you mean 'x'?`` for ``name`` among ``names`` ("" when none is close): the
    name that differs from it in case and spaces only, else the shortest completion of a
    truncated name (the commonest slip), else (with ``spelling``) the closest spelling.
    Never picked for the caller: a case-only match ('China' and 'china') may be two series.
    A user's own ids pass ``spelling=False``: 'North' is spelt close to 'South'.

    Examples
    --------
    >>> _did_you_mean("china idc, total", ["China IDC, total", "china idc"])
    " did you mean 'China IDC, total'?"
    >>> _did_you_mean("CHINA_IDC_CIDC_OVERALL", ["china_idc_cidc_overall"])
    " did you mean 'china_idc_cidc_overall'?"
    >>> _did_you_mean("china_idc_cidc", ["china_idc_cidc_overall", "china_idc_cidc_traditional"])
    " did you mean 'china_idc_cidc_overall'?"
    >>> _did_you_mean("zzz", ["china_idc_cidc_overall"])
    ''
    >>> _did_you_mean("North", ["South"]), _did_you_mean("North", ["South"], spelling=False)
    (" did you mean 'South'?", '')
    """
    if not str(name).strip():  # every name starts with "": no completion of nothing
        return ""
    loose = _loosely(name)
    same = [n for n in names if _loosely(n) == loose]
    if same:  # case (and spaces) aside, the name itself: difflib missed 'CHINA_IDC_...'
        return f" did you mean {same[0]!r}?"
    completions = sorted((n for n in names if n.startswith(str(name))), key=len)
    close = completions or (
        difflib.get_close_matches(str(name), names, n=1, cutoff=0.6) if spelling else []
    )
    return f" did you mean {close[0]!r}?" if close else ""


def _loosely(name: object) -> str:
    """``name`` without case or whitespace: how two spellings of one id compare loosely."""
    return "".join(str(name).split()).casefold()


def _span(years: pd.Series) -> str:
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}-{last}"


def _unique(values: pd.Series) -> list[str]:
    return [str(v) for v in dict.fromkeys(values)]


@lru_cache(maxsize=1)
def _catalogue() -> dict[str, dict[str, str]]:
    import pandas as pd

    from idcforecast._paths import data_dir

    table = pd.read_csv(data_dir() / "catalogue.csv", dtype=str, keep_default_na=False)
    _require_columns(table, _CATALOGUE_COLUMNS, "catalogue.csv")
    return {row["name"]: dict(row) for row in table.to_dict("records")}


@cache
def _load(name: str) -> pd.DataFrame:
    import pandas as pd

    from idcforecast._paths import data_dir

    entry = _catalogue()[name]
    file, schema = entry["file"], entry["schema"]
    raw = pd.read_csv(data_dir() / file, dtype=str, keep_default_na=False, encoding="utf-8")
    if raw.empty:
        raise EmptyDataError(
            f"data file {file} (dataset {name!r}) has no rows; expected at least one "
            "observation; restore the file from the repository",
            file=file,
        )
    places = [f"{file} line {i + 2}" for i in range(len(raw))]  # line 1 is the header
    _require_columns(raw, _SCHEMA_COLUMNS.get(schema, TIDY_COLUMNS), file)
    if schema == "claims":
        return _coerce_claims(raw, places)
    frame = _coerce_series(raw, places)
    if schema == "series+horizon":
        for column in ("horizon_start", "horizon_end"):
            frame[column] = _integers(raw, column, places)
    check_one_unit_per_series(frame, places)
    check_one_scope_per_series(frame, places)
    check_unique_years(frame, places)
    return frame


def _require_columns(frame: pd.DataFrame, columns: tuple[str, ...], file: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise DataError(
            f"data file {file} lacks column(s) {', '.join(missing)}; expected columns "
            f"{', '.join(columns)}; found {', '.join(map(str, frame.columns))}",
            file=file,
            missing=tuple(missing),
        )


def _coerce_series(raw: pd.DataFrame, places: list[str]) -> pd.DataFrame:
    frame = raw.copy()
    for column in ("series_id", "unit", "source", "scope"):
        _require_text(raw, column, places)
    frame["year"] = _integers(raw, "year", places)
    frame["value"] = _floats(raw, "value", places)
    _require_choice(raw, "qualifier", QUALIFIERS, places)
    _require_choice(raw, "confidence", CONFIDENCE_GRADES, places)
    _require_choice(raw, "derived", ("true", "false"), places)
    frame["derived"] = (raw["derived"] == "true").astype(bool)
    for as_of, year, place in zip(raw["as_of"], frame["year"], places, strict=True):
        if not _PARTIAL_DATE.fullmatch(as_of) or int(as_of[:4]) != year:
            raise DataError(
                f"{place}, column 'as_of': {as_of!r} is not an ISO date in year {year}; "
                "expected YYYY-MM-DD (or YYYY-MM) of the observation",
                place=place,
                column="as_of",
                value=as_of,
            )
    return frame


def _coerce_claims(raw: pd.DataFrame, places: list[str]) -> pd.DataFrame:
    import pandas as pd

    frame = raw.copy()
    for column in ("claim_set", "claim_id", "made", "by", "subject", "unit", "source"):
        _require_text(raw, column, places)
    frame["year"] = _integers(raw, "year", places)
    frame["value"] = _floats(raw, "value", places)
    _require_choice(raw, "kind", CLAIM_KINDS, places)
    _require_choice(raw, "qualifier", QUALIFIERS, places)
    _require_choice(raw, "confidence", CONFIDENCE_GRADES, places)
    starts = []
    for kind, start, year, place in zip(
        raw["kind"], raw["start_year"], frame["year"], places, strict=True
    ):
        ok = (start == "") if kind == "level" else bool(_INTEGER.fullmatch(start))
        ok = ok and (kind != "growth" or int(start) == year - 1)
        ok = ok and (kind != "cagr" or int(start) < year)
        if not ok:
            raise DataError(
                f"{place}, column 'start_year': {start!r} does not fit a {kind} claim for "
                f"{year}; expected empty for level, {year - 1} for growth, an earlier year "
                "for cagr",
                place=place,
                column="start_year",
                value=start,
            )
        starts.append(pd.NA if start == "" else int(start))
    frame["start_year"] = pd.array(starts, dtype="Int64")
    duplicated = raw["claim_id"].duplicated()
    if duplicated.any():
        place = places[int(duplicated.to_numpy().argmax())]
        raise DataError(
            f"{place}, column 'claim_id': {raw['claim_id'][duplicated].iloc[0]!r} is used "
            "twice; expected a unique id per claim",
            place=place,
            column="claim_id",
        )
    return frame


def _integers(raw: pd.DataFrame, column: str, places: list[str]) -> pd.Series:
    for cell, place in zip(raw[column], places, strict=True):
        if not _INTEGER.fullmatch(cell):
            raise NonNumericValueError(
                f"{place}, column {column!r}: {cell!r} is not a whole number; expected an "
                "integer year such as 2019",
                place=place,
                column=column,
                value=cell,
            )
    return raw[column].astype("int64")


def _floats(raw: pd.DataFrame, column: str, places: list[str]) -> pd.Series:
    for cell, place in zip(raw[column], places, strict=True):
        try:
            finite = math.isfinite(float(cell))
        except ValueError:
            finite = False
        if not finite:
            raise NonNumericValueError(
                f"{place}, column {column!r}: {cell!r} is not a number; expected a plain "
                "decimal number such as 1562.5",
                place=place,
                column=column,
                value=cell,
            )
    return raw[column].astype("float64")


def _require_text(raw: pd.DataFrame, column: str, places: list[str]) -> None:
    for cell, place in zip(raw[column], places, strict=True):
        if not cell.strip():
            raise DataError(
                f"{place}, column {column!r} is empty; expected a value (every bundled row "
                "names its series, unit and source)",
                place=place,
                column=column,
            )


def _require_choice(
    raw: pd.DataFrame, column: str, allowed: tuple[str, ...], places: list[str]
) -> None:
    for cell, place in zip(raw[column], places, strict=True):
        if cell not in allowed:
            raise DataError(
                f"{place}, column {column!r}: {cell!r} is not allowed; expected one of "
                f"{', '.join(allowed)}",
                place=place,
                column=column,
                value=cell,
            )
