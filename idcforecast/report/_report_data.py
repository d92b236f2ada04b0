"""The series a report is on: read from a file, a folder, a frame, standard input or a
bundled dataset, with a label for the data and the sha256 of what was read
(:func:`idcforecast.report.build.build_report`'s first step)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from idcforecast.errors import DataError, UnknownSeriesError

if TYPE_CHECKING:
    import pandas as pd

DEFAULT_DATASET = "china_idc_market"
DEFAULT_SERIES = "china_idc_cidc_overall"

# read_series options at their defaults are left out of the equivalent command
READ_DEFAULTS: dict[str, Any] = {
    "unit": None,
    "sep": None,
    "decimal": ".",
    "header_row": 0,
    "sheet_name": 0,
    "kw_per_rack": 2.5,
    "year_column": "year",
    "estimates": "error",
    "encoding": "utf-8",
}
# the read options that apply to a bundled dataset too: they convert, not describe a file
_BUNDLED_READ_OPTIONS = frozenset({"unit", "kw_per_rack"})


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def spec_file_digest(given: str | os.PathLike[str], read_from: str) -> tuple[str, str]:
    """The scenario spec as the reproducibility appendix names it, and the sha256 of the
    file ``read_from`` (``ScenarioSet.source``): the path as given, or "bundled spec NAME"
    when a bare name was read from the bundled specs (``load_scenarios``)."""
    path = Path(read_from)
    label = str(given) if Path(given) == path else f"bundled spec {path.name}"
    return label, _sha256(path)


def _series_csv(series: pd.Series) -> str:
    named = series if series.name is not None else series.rename("series")
    return str(named.rename_axis("year").to_csv())


def load_history(
    data: str | os.PathLike[str] | pd.DataFrame | None,
    series_id: str | None,
    read_options: Mapping[str, Any],
    dataset: str | None = None,
    *,
    source_name: str | None = None,
    spec_series: str | None = None,
) -> tuple[pd.DataFrame, str, str]:
    """The series' rows, a label for the data, and the sha256 of what was read;
    ``source_name`` names a file in both ("standard input" for a copy of what was piped in);
    ``spec_series``: the series a scenario spec names (its ``series_id``) or all the
    user's claims are about, the reported one when ``series_id`` is None and the data
    holds it (``report --dataset
    china_racks_in_use --scenarios spec.toml`` asked for --series though the spec named
    it); a spec for a series the data lacks is refused later, naming the spec."""
    import pandas as pd

    # unit and kw_per_rack convert a bundled series as they convert a file's (as show,
    # forecast and scenarios --unit do); the others describe a file's layout
    file_options = [k for k in read_options if k not in _BUNDLED_READ_OPTIONS]
    if data is None and file_options:
        raise DataError(
            f"report: read options {', '.join(map(repr, file_options))} apply to a data file "
            "(--data FILE); the bundled dataset is read as it is (only unit and kw_per_rack "
            "convert it)",
            options=", ".join(file_options),
        )
    folder: list[Path] | None = None  # a folder's files, when data is a folder
    if data is None:
        from idcforecast._paths import data_dir
        from idcforecast.datasets import load_dataset

        name = dataset or DEFAULT_DATASET
        frame = load_dataset(name)  # a typed error naming the datasets for an unknown name
        if "series_id" not in frame.columns:  # was a KeyError 'series_id' traceback
            raise DataError(
                f"report: dataset {name!r} holds claims, not series; expected a series "
                "dataset (see idcforecast datasets); check its claims with: idcforecast "
                "check-claims --all, or idcforecast track-record",
                dataset=name,
            )
        path = data_dir() / f"{name}.csv"
        label = f"bundled dataset {name} ({path.name})"
        digest = _sha256(path)
        if series_id is None and spec_series in set(frame["series_id"].astype(str)):
            series_id = spec_series
        if name == DEFAULT_DATASET:
            series_id = series_id or DEFAULT_SERIES
        if read_options:  # unit / kw_per_rack: the reported series converted, as read_series
            from idcforecast.io import read_series

            if series_id is not None and series_id in set(frame["series_id"].astype(str)):
                frame = frame[frame["series_id"].astype(str) == series_id]
            frame = read_series(frame, source_name=f"dataset {name}", **read_options)
    else:
        from idcforecast.io import read_series

        if isinstance(data, pd.DataFrame):
            label = "an in-memory DataFrame (hash of its CSV form)"
            digest = hashlib.sha256(data.to_csv(index=False).encode("utf-8")).hexdigest()
        elif isinstance(data, pd.Series):  # read as read_series reads it: "Series 'x' year N"
            named = "" if data.name is None else f" {str(data.name)!r}"
            label = f"an in-memory Series{named} (hash of its CSV form)"
            digest = hashlib.sha256(_series_csv(data).encode("utf-8")).hexdigest()
        elif Path(data).is_dir():
            from idcforecast.io import folder_files

            files = folder_files(Path(data))
            folder = files
            names = ", ".join(f.name for f in files)
            label = f"folder {Path(data).name} ({len(files)} files: {names})"
            # one digest over each file's name and digest, in name order
            listing = "".join(f"{f.name}\0{_sha256(f)}\n" for f in files)
            digest = hashlib.sha256(listing.encode("utf-8")).hexdigest()
        else:
            label = source_name or f"file {Path(data).name}"
            # hashed once read: a missing file is read_series' typed error ("no such file"),
            # where hashing it first was a FileNotFoundError traceback
            digest = ""
        try:
            # only the reported series, as `idcforecast forecast --series` reads it: another
            # series of the file (no unit, another currency) is no reason to fail
            frame = read_series(data, series_id=series_id, source_name=source_name, **read_options)
        except UnknownSeriesError as err:
            if series_id is None or getattr(err, "series_id", None) != series_id:
                raise
            _not_in_data(series_id, label, list(getattr(err, "valid", ())))
        digest = digest or _sha256(Path(data))  # type: ignore[arg-type]
    ids = list(dict.fromkeys(frame["series_id"].astype(str)))
    if series_id is None and spec_series in ids:
        series_id = spec_series
    if series_id is None:
        if len(ids) != 1:
            # the series the spec (or the claims) name, not among them: said, as the reason
            # it was not taken
            named = (
                f"; {spec_series!r}, the series the scenario spec or the claims name, is not "
                "among them"
                if spec_series
                else ""
            )
            raise DataError(
                f"report data ({label}): holds {len(ids)} series ({', '.join(ids)}){named}; "
                # "series_id=ID" reads "--series ID" on the command line (cli_advice); the
                # old "series_id= (--series ID)" read "--series (--series ID)" there
                f"choose one with series_id=ID"
                + (
                    ", or join the files into one series with series_id=NAME (a file "
                    "without a series_id column is a series named after the file)"
                    if folder is not None and set(ids) <= {f.stem for f in folder}
                    else ""
                ),
                series_ids=ids,
            )
        series_id = ids[0]
    if series_id not in ids:
        _not_in_data(series_id, label, ids)
    rows = frame[frame["series_id"].astype(str) == series_id]
    return rows.sort_values("year").reset_index(drop=True), label, digest


def _not_in_data(series_id: str, label: str, ids: list[str]) -> NoReturn:
    raise UnknownSeriesError(
        f"report: series {series_id!r} is not in {label}; it holds: {', '.join(ids)} "
        f"(pass one of them with --series)",
        series_id=series_id,
        known=ids,
    )
