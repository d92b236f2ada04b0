"""The ``idcforecast report ...`` command that reproduces a report: every option that
fixes its output, for the reproducibility appendix."""

from __future__ import annotations

import os
import shlex
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from idcforecast.report._report_data import DEFAULT_DATASET

_READ_FLAGS = {
    "unit": "--unit",
    "sep": "--sep",
    "decimal": "--decimal",
    "header_row": "--header-row",
    "sheet_name": "--sheet",
    "kw_per_rack": "--kw-per-rack",
    "year_column": "--year-column",
    "estimates": "--estimates",
    "encoding": "--encoding",
}

# a Series as a CSV read_series reads back as that series: its years a "year" column, its
# values a column named after it ("series" when it has no name, as read_series names it)
_SERIES_CSV_CALL = "{rename}.rename_axis('year').to_csv({path!r})"


def _series_rename(series: Any) -> str:
    return ".rename('series')" if series.name is None else ""


_FRAME_CSV = "data.csv"  # where the reproducing command reads a DataFrame passed as data=


def equivalent_command(
    data: Any,
    series_id: str | None,
    to: int,
    scenarios: Any,
    out: Path,
    report_date: date,
    seed: int,
    read_options: Mapping[str, Any],
    gaps: str = "interpolate",
    method: str = "auto",
    dataset: str | None = None,
    *,
    title: str | None = None,
    claims: Any = None,
) -> str:
    parts = ["idcforecast", "report"]
    if dataset is not None and dataset != DEFAULT_DATASET:
        parts += ["--dataset", dataset]
    frame = data is not None and hasattr(data, "to_csv")  # a DataFrame or a Series
    comments = []
    if frame:  # the command read the bundled data: it reproduced another report
        parts += ["--data", _FRAME_CSV]
        comments.append(
            f"{_FRAME_CSV}: the Series passed as data=, written with "
            f"{_SERIES_CSV_CALL.format(rename=_series_rename(data), path=_FRAME_CSV)}"
            if not hasattr(data, "columns")
            else f"{_FRAME_CSV}: the DataFrame passed as data=, written with "
            f".to_csv({_FRAME_CSV!r}, index=False)"
        )
    if data is not None:
        if not frame:
            parts += ["--data", str(data)]
        if not frame and data == "-":  # "--data -" alone read as if any table piped in would do
            comments.append("-: the same table piped in on standard input (its sha256 above)")
    for key, value in read_options.items():  # the bundled data's --unit, --kw-per-rack too
        if key in _READ_FLAGS:
            parts += [_READ_FLAGS[key], "\\t" if value == "\t" else str(value)]
    if series_id is not None:
        parts += ["--series", series_id]
    parts += ["--to", str(to)]
    if scenarios is not None:
        parts += ["--scenarios", str(scenarios)]
    if gaps != "interpolate":
        parts += ["--gaps", gaps]
    if method != "auto":
        parts += ["--method", method]
    if title is not None:
        parts += ["--title", title]
    if isinstance(claims, str | os.PathLike):
        parts += ["--claims", str(claims)]
    elif claims is not None:
        comments.append("claims= given from Python: write them to a claims file for --claims")
    from idcforecast.units.fx import user_fx_files

    fx_files = [str(path) for path, _ in user_fx_files()]
    if len(fx_files) == 1:  # the command line takes one; nested Python blocks: below
        parts += ["--fx-rates", fx_files[0]]
    parts += ["--out", str(out), "--date", report_date.isoformat(), "--seed", str(seed)]
    no_flag = [f"{k}={v!r}" for k, v in read_options.items() if k not in _READ_FLAGS]
    if data is not None and not frame and no_flag:  # sheet_name=...
        comments.append(f"read with read_series({', '.join(no_flag)})")
    if len(fx_files) > 1:
        comments.append(f"FX rates from use_fx_rates of {', '.join(fx_files)}, innermost first")
    command = shlex.join(parts)
    return f"{command}  # {'; '.join(comments)}" if comments else command
