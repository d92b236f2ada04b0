"""``idcforecast forecast-many FILE --horizon H --out PATH``: forecast every series in a file.

``--out`` ending in ``.xlsx`` writes an Excel workbook instead (``idcforecast.to_excel``: one
formatted sheet, text that Excel would run as a formula escaped), up to :data:`XLSX_MAX_ROWS`
rows; any other ending is refused before the run. The CSV escapes such text the same way
(:func:`escape_formulas`) unless ``--no-escape-formulas``.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from idcforecast.cli._arg_types import (
    add_gaps_argument,
    add_level_argument,
    method_names,
    random_seed,
    worker_count,
    years_ahead,
)
from idcforecast.cli._exit import INTERRUPTED, results_status
from idcforecast.cli._read_options import (
    add_csv_arguments,
    add_estimates_argument,
    add_sheet_argument,
    add_unit_arguments,
    long_table_options,
)

NAME = "forecast-many"
HELP = (
    "forecast every series of a CSV/Excel file (long: series_id, year, value; wide: a row "
    "per series, a column per year; or a row per year, a column per series) and write a tidy "
    "forecast CSV (or .xlsx workbook) with a status and note per series"
)
# what exit code 1 means for this command (the others never return it)
FAILED_RESULTS = "some or all series failed (each written with its reason)"
SHOW_FAILED = 5
# openpyxl holds the whole workbook in memory: 100,000 rows take about 35 s and 0.5 GB
# (60,000 rows: 20 s, 0.3 GB; 240,000: 110 s, 1.1 GB), so larger forecasts go to a CSV
XLSX_MAX_ROWS = 100_000
OUT_SUFFIXES = (".csv", ".xlsx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file",
        metavar="FILE",
        help="long table (series_id, year, value [unit]), wide table (a row per series named "
        "by series_id or its text columns joined, a column per year) or a table with a row per "
        "year (year, then a column per series named by its header), numbers and figure text "
        "('1000亿元', in its own unit, converted by --unit) as read_series reads them; '-' "
        "reads it from standard input (a CSV or an .xlsx piped in)",
    )
    parser.add_argument(
        "--horizon",
        type=years_ahead,
        required=True,
        metavar="H",
        help="years to forecast after each series' own last year (e.g. 5)",
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="PATH",
        help="file to write: a .csv, or a .xlsx for an Excel workbook (one sheet 'forecast', "
        f"up to {XLSX_MAX_ROWS:,} rows = series x horizon x methods; formula-like text escaped)",
    )
    parser.add_argument(
        "--method",
        type=method_names,
        default="auto",
        help="'auto' (default), a model alias, or several separated by commas "
        "('auto,drift': a block of rows each; a method a series is too short for fails that "
        "row alone)",
    )
    # as forecast has them: a share's note says "cap it at 100 (--cap 100)", and a batch
    # of shares could not be capped from the command line at all
    add_gaps_argument(parser)
    add_level_argument(parser)
    parser.add_argument(
        "--cap",
        type=float,
        default=None,
        help="saturation cap of every series, in their unit (e.g. 100 for shares in %%); "
        "refused for series in different units",
    )
    parser.add_argument(
        "--engine",
        default="local",
        choices=("serial", "local", "dask"),
        help="where the series are forecast: serial (this process), local (worker processes "
        "on this machine; the default) or dask (a cluster: --scheduler); the results are the "
        "same",
    )
    parser.add_argument(
        "--n-jobs",
        type=worker_count,
        default=None,
        metavar="N",
        help="worker processes of --engine local (default: one per core)",
    )
    parser.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="Dask scheduler address for --engine dask (required with it), e.g. tcp://HOST:8786",
    )
    parser.add_argument(
        "--seed",
        type=random_seed,
        default=None,
        metavar="N",
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
        "--escape-formulas",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="in a .csv, prefix an apostrophe to text that a spreadsheet would run as a "
        "formula (a series id such as '=HYPERLINK(...)' or '@x'; starting with = + - @, a tab "
        "or a carriage return, and not a signed number), as the .xlsx does (default); "
        "--no-escape-formulas writes such text as it is, for a CSV only programs read",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: only in a terminal)",
    )


_OUT = "forecast-many: --out"


def _check_suffix(out: str) -> None:
    """Refuse an ``--out`` that is neither ``.csv`` nor ``.xlsx`` (was: CSV text written into
    any name, so ``y.xlsx`` was a file Excel refuses to open)."""
    suffix = Path(out).suffix
    if suffix.lower() not in OUT_SUFFIXES and not Path(out).is_dir():  # a folder: named later
        from idcforecast.errors import SpecError

        found = f"ends in {suffix!r}" if suffix else "has no extension"
        raise SpecError(
            f"{_OUT} {out!r} {found}; forecast-many writes a CSV (.csv) or an Excel workbook "
            f"(.xlsx): pass a path ending in one of them, e.g. "
            f"{str(Path(out).with_suffix('.csv'))!r}",
            path=out,
        )


def _check_xlsx_size(out: str, data: Any, horizon: int, method: str | list[str]) -> None:
    """Refuse, before the run, a forecast too large for :data:`XLSX_MAX_ROWS` rows of .xlsx
    (series x horizon x methods)."""
    if Path(out).suffix.lower() != ".xlsx":
        return
    from idcforecast._forecast_inputs import resolve_methods

    n_series = int(data["series_id"].nunique())
    n_methods = len(resolve_methods(method))
    rows = n_series * horizon * n_methods
    if rows > XLSX_MAX_ROWS:
        from idcforecast.errors import SpecError

        methods = f" x {n_methods} methods" if n_methods > 1 else ""
        raise SpecError(
            f"{_OUT} {out!r}: the forecast would have {rows:,} rows ({n_series:,} series x "
            f"{horizon} years{methods}), more than the {XLSX_MAX_ROWS:,} written as .xlsx (the "
            "workbook is built in memory); nothing was run; pass a .csv path, e.g. "
            f"{str(Path(out).with_suffix('.csv'))!r}",
            path=out,
            rows=rows,
        )


def _check_xlsx_text(out: str, data: Any) -> None:
    """Refuse, before the run, series ids or units that a workbook cannot store (control
    characters, from a scraped table): ``to_excel`` refused them only after the whole run,
    its result lost (and named "row 0" of the forecast, not the input)."""
    if Path(out).suffix.lower() != ".xlsx":
        return
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for column in ("series_id", "unit"):
        if column not in data.columns:
            continue
        for text in data[column].dropna().unique():
            if isinstance(text, str) and ILLEGAL_CHARACTERS_RE.search(text):
                from idcforecast.errors import SpecError

                raise SpecError(
                    f"{_OUT} {out!r}: the {column} {text!r} has control characters that "
                    "an Excel workbook cannot store; nothing was run; remove them from the "
                    "file, or pass a .csv path, e.g. "
                    f"{str(Path(out).with_suffix('.csv'))!r}",
                    path=out,
                    column=column,
                )


def _check_method_and_horizon(args: argparse.Namespace) -> None:
    """Refuse an unknown ``--method``, a ``--horizon`` that is a year, or an option of the
    other file format (``--sheet`` with a CSV, ``--sep``/``--encoding`` with a workbook) before
    FILE is read (was: the first two after it, which takes minutes for a large workbook; the
    last ignored, ``--sheet 2`` on a CSV forecasting the CSV as if the sheet were found)."""
    from idcforecast._forecast_inputs import MAX_HORIZON, resolve_methods
    from idcforecast.cli._read_options import _check_format_options

    _check_format_options(args, args.file)
    resolve_methods(args.method)
    if args.horizon > MAX_HORIZON:
        from idcforecast.errors import ModelError

        raise ModelError(
            f"forecast-many: --horizon {args.horizon} is more than {MAX_HORIZON} years ahead: "
            "a year given as the horizon? it counts years after each series' last one: pass "
            "e.g. --horizon 5 for five years ahead",
            horizon=args.horizon,
        )


def escape_formulas(frame: Any) -> Any:
    """``frame`` with every text cell a spreadsheet would run as a formula made inert, as
    ``to_excel`` does (:func:`idcforecast.report.tables.escape_formula`: an apostrophe before
    text starting with ``= + - @``, a tab or a carriage return, signed numbers kept).

    A CSV opened in Excel or LibreOffice runs ``=HYPERLINK(...)`` in a series id (measured:
    LibreOffice 7.4's CSV import stores it as a formula; ``'=HYPERLINK(...)`` as text).
    Only the cells that start with a trigger are looked at (a vectorised test first).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"id": ["=1+1", "@x", "-1", "cn"], "v": [1, 2, 3, 4]})
    >>> escape_formulas(frame)["id"].tolist()
    ["'=1+1", "'@x", '-1', 'cn']
    """
    import numpy as np
    import pandas as pd

    from idcforecast.report.tables import FORMULA_TRIGGERS, escape_formula

    escaped = None
    for column in frame.columns:
        values = frame[column]
        if values.dtype.kind not in "OSUT" and str(values.dtype) not in ("string", "str"):
            continue  # numbers, dates, booleans: never text a spreadsheet runs
        codes, distinct = pd.factorize(values)  # (a series' id and note repeat every year)
        hit = np.array([isinstance(v, str) and v.startswith(FORMULA_TRIGGERS) for v in distinct])
        if not hit.any():
            continue
        triggered = (codes >= 0) & hit[np.maximum(codes, 0)]
        if not triggered.any():
            continue
        if escaped is None:
            escaped = frame.copy()
        escaped.loc[triggered, column] = values[triggered].map(escape_formula)
    return frame if escaped is None else escaped


def _write(frame: Any, out: Path, *, escape: bool = True) -> None:
    """Write ``frame`` to ``out`` atomically as CSV (with ``escape``, formula-like text made
    inert: :func:`escape_formulas`), or as a workbook for ``.xlsx`` (escaped always; never a
    half-written file; missing folders are created, as ``report --out`` does)."""
    if out.suffix.lower() == ".xlsx":
        from idcforecast.report.tables import to_excel

        to_excel({"forecast": frame}, out)
        return

    from idcforecast.report._atomic import write_atomic

    if escape:
        frame = escape_formulas(frame)

    def write(tmp: Path) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as handle:
            frame.to_csv(handle, index=False)

    write_atomic(out, write, what=_OUT, example="forecast.csv")


def _forecast_file(args: argparse.Namespace, out: Path) -> tuple[Any, float]:
    """Read FILE, forecast every series and write ``out``: the forecast frame and the
    seconds the forecast took (a Ctrl-C anywhere leaves ``out`` as it was)."""
    with _scheduler(args) as client:  # connected first: a bad address fails before the read
        return _read_and_forecast(args, out, client)


@contextlib.contextmanager
def _scheduler(args: argparse.Namespace) -> Iterator[Any]:
    """The Dask client of ``--scheduler`` (closed on exit), or None for other engines."""
    if args.engine != "dask":
        yield None
        return
    from idcforecast.batch.engines import resolve_client

    client, owned = resolve_client(args.scheduler)
    try:
        yield client
    finally:
        if owned:
            client.close()


def _read_and_forecast(args: argparse.Namespace, out: Path, client: Any) -> tuple[Any, float]:
    from idcforecast.batch import forecast_many, read_long_table
    from idcforecast.cli._stdin_table import STDIN, STDIN_NAME, table_path

    with table_path(args.file) as path:  # '-': standard input, kept in a temporary file
        data = read_long_table(
            path,
            **long_table_options(args, str(path)),
            source_name=STDIN_NAME if args.file == STDIN else None,
        )
    _check_xlsx_size(args.out, data, args.horizon, args.method)
    _check_xlsx_text(args.out, data)
    started = time.perf_counter()
    result = forecast_many(
        data,
        args.horizon,
        method=args.method,
        level=args.level,
        engine=args.engine,
        n_jobs=args.n_jobs,
        client=client,
        progress=args.progress,
        seed=args.seed,
        cap=args.cap,
        gaps=args.gaps,
    )
    seconds = time.perf_counter() - started
    _write(result, out, escape=args.escape_formulas)
    return result, seconds


def run(args: argparse.Namespace) -> int:
    """Read FILE, forecast every series, write OUT (.csv or .xlsx) and print a one-line
    summary; exit status 1 when any series failed (was 0 even when every one had: a script
    could not tell), 0 when all were forecast. Missing folders of OUT are created once the
    forecast is written, and a ``note:`` line on stderr names them."""
    from idcforecast.report._atomic import check_not_input, check_writable

    _check_suffix(args.out)
    if args.engine == "dask" and args.scheduler is None:
        from idcforecast.errors import EngineError

        # a fresh process has no Dask client to find, so the run could only fail later
        raise EngineError(
            "forecast-many: --engine dask needs the address of a running Dask scheduler; "
            "pass --scheduler tcp://HOST:8786 (start one with `dask scheduler` and "
            "`dask worker tcp://HOST:8786`), or use --engine local",
            engine="dask",
        )
    if args.n_jobs is not None and args.engine != "local":
        from idcforecast.errors import EngineError

        # was: ignored without a word (a serial run, or a cluster's own workers)
        workers = (
            "this process alone"
            if args.engine == "serial"
            else "the cluster's workers (start more with `dask worker`)"
        )
        raise EngineError(
            f"forecast-many: --n-jobs is used only by --engine local; --engine {args.engine} "
            f"runs on {workers}; leave out --n-jobs, or pass --engine local",
            engine=args.engine,
        )
    _check_method_and_horizon(args)
    if not args.escape_formulas and Path(args.out).suffix.lower() == ".xlsx":
        from idcforecast.errors import SpecError

        raise SpecError(
            f"{_OUT} {args.out!r}: --no-escape-formulas is for a .csv; a workbook always "
            "stores text as text (formula-like text escaped); leave it out, or pass a .csv",
            path=args.out,
        )
    # before the run: an --out that is FILE (or the --fx-rates file: was not checked) would
    # replace the user's data
    inputs = {"FILE ": args.file, "--fx-rates ": getattr(args, "fx_rates", None)}
    check_not_input(args.out, inputs, what=f"{_OUT} ", suffix=".csv", tag="forecast")
    out = check_writable(args.out, what=_OUT, example="forecast.csv")
    existed, began = out.exists(), time.perf_counter()
    # missing folders are created when the file is written (nothing if the run fails): said
    new_folder = None if out.parent.is_dir() else out.parent
    try:
        result, seconds = _forecast_file(args, out)
    except KeyboardInterrupt:  # Ctrl-C: one line, not a traceback (workers are stopped)
        kept = " (the file already there is as it was)" if existed else ""
        print(
            f"forecast-many: interrupted after {time.perf_counter() - began:.1f} s; "
            f"nothing was written to {out}{kept}",
            file=sys.stderr,
        )
        return INTERRUPTED
    per_series = result.drop_duplicates(["series_id", "model"])
    counts = per_series["status"].value_counts()
    n = per_series["series_id"].nunique()
    n_methods = per_series["model"].nunique()
    # several methods: the counts are of (series, method) forecasts, so say so
    what = f"{n} series" if n_methods < 2 else f"{n} series x {n_methods} methods"
    print(
        f"forecast-many: {what} ({counts.get('ok', 0)} ok, {counts.get('fallback', 0)} "
        f"fallback, {counts.get('failed', 0)} failed) in {seconds:.1f} s on engine "
        f"{args.engine!r} -> {out}"
    )
    if new_folder is not None:  # (was created in silence: a typo in a folder name hid)
        print(
            f"note: forecast-many: created the folder {str(new_folder)!r} for --out (it did "
            "not exist)",
            file=sys.stderr,
        )
    failed = per_series[per_series["status"] == "failed"]
    from idcforecast.cli._advice import cli_advice
    from idcforecast.cli._exit import not_forecast_line

    for row in failed.head(SHOW_FAILED).itertuples():  # (the CSV keeps the note as written)
        # as the forecast command's lines read (was "  failed 'a': series 'a' year ...")
        advice = cli_advice(row.note, getattr(args, "_parser", None))
        method = str(row.model) if n_methods > 1 else None
        print(f"  {not_forecast_line(str(row.series_id), advice, method)}")
    if len(failed) > SHOW_FAILED:
        print(f"  ... and {len(failed) - SHOW_FAILED} more (see the 'note' column)")
    return results_status(len(failed))
