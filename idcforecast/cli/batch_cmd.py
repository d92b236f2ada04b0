"""``idcforecast forecast-many FILE --horizon H --out OUT.csv``: forecast every series in a file."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from idcforecast.cli._arg_types import years_ahead
from idcforecast.cli._read_options import (
    add_csv_arguments,
    add_estimates_argument,
    add_sheet_argument,
    add_unit_arguments,
    separator,
    sheet_choice,
)

NAME = "forecast-many"
HELP = (
    "forecast every series of a CSV/Excel file (long: series_id, year, value; or wide: a row "
    "per series, a column per year) and write a tidy forecast CSV with a status and note per "
    "series"
)
SHOW_FAILED = 5


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="long table (series_id, year, value [unit]) or wide table (a row per series named "
        "by series_id or its text columns joined, a column per year), numbers as read_series "
        "reads them",
    )
    parser.add_argument(
        "--horizon", type=years_ahead, required=True, help="years after each series"
    )
    parser.add_argument("--out", required=True, metavar="OUT.csv", help="forecast CSV to write")
    parser.add_argument("--method", default="auto", help="'auto' (default) or a model alias")
    parser.add_argument(
        "--engine", default="local", choices=("serial", "local", "dask"), help="default: local"
    )
    parser.add_argument("--n-jobs", type=int, default=None, help="worker processes (local)")
    parser.add_argument(
        "--scheduler", default=None, help="Dask scheduler address for --engine dask"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="passed to every forecast (the current methods are deterministic: no effect)",
    )
    add_csv_arguments(parser)
    add_sheet_argument(parser)
    parser.add_argument(
        "--year-column",
        default="year",
        metavar="NAME",
        help="header of a long table's year column when it is not 'year' (e.g. 年份)",
    )
    add_estimates_argument(parser)
    add_unit_arguments(
        parser,
        help="convert every row to this unit ('USD bn') from its unit column (currencies at "
        "each year's FX rate); rows without a unit are taken to be in it",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: only in a terminal)",
    )


_OUT = "forecast-many: --out"


def _write_csv(frame: Any, out: Path) -> None:
    """Write ``frame`` to ``out`` atomically (never a half-written CSV; missing folders are
    created, as ``report --out`` does)."""
    from idcforecast.report._atomic import write_atomic

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            frame.to_csv(handle, index=False)

    write_atomic(out, write, what=_OUT, example="forecast.csv")


def run(args: argparse.Namespace) -> int:
    """Read FILE, forecast every series, write OUT.csv and print a one-line summary."""
    from idcforecast.batch import forecast_many, read_long_table
    from idcforecast.report._atomic import check_not_input, check_writable

    # before the run: an --out that is FILE would replace the user's data
    check_not_input(args.out, {"FILE ": args.file}, what=f"{_OUT} ", suffix=".csv", tag="forecast")
    out = check_writable(args.out, what=_OUT, example="forecast.csv")
    data = read_long_table(
        Path(args.file),
        sep=separator(args.sep),
        decimal=args.decimal,
        header_row=args.header_row,
        encoding=args.encoding,
        sheet_name=sheet_choice(args.sheet, args.file),
        unit=args.unit,
        kw_per_rack=args.kw_per_rack,
        estimates=args.estimates,
        year_column=args.year_column,
    )
    started = time.perf_counter()
    result = forecast_many(
        data,
        args.horizon,
        method=args.method,
        engine=args.engine,
        n_jobs=args.n_jobs,
        client=args.scheduler,
        progress=args.progress,
        seed=args.seed,
    )
    seconds = time.perf_counter() - started
    _write_csv(result, out)
    per_series = result.drop_duplicates(["series_id", "model"])
    counts = per_series["status"].value_counts()
    n = per_series["series_id"].nunique()
    print(
        f"forecast-many: {n} series ({counts.get('ok', 0)} ok, {counts.get('fallback', 0)} "
        f"fallback, {counts.get('failed', 0)} failed) in {seconds:.1f} s on engine "
        f"{args.engine!r} -> {out}"
    )
    failed = per_series[per_series["status"] == "failed"]
    for row in failed.head(SHOW_FAILED).itertuples():
        print(f"  failed {row.series_id!r}: {row.note}")
    if len(failed) > SHOW_FAILED:
        print(f"  ... and {len(failed) - SHOW_FAILED} more (see the 'note' column)")
    return 0
