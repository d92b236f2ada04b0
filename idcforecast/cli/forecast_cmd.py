"""``idcforecast forecast``: forecast a bundled or user series with calibrated intervals.

By default it forecasts the China IDC market in CIDC's overall scope (series
``china_idc_cidc_overall``, 亿元 = "CNY 100m") to 2030 with the "auto" method.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from idcforecast.cli._arg_types import (
    add_gaps_argument,
    add_level_argument,
    backtest_steps,
    check_years_ahead,
    method_names,
    years_ahead,
)
from idcforecast.cli._file_series import NotRead
from idcforecast.cli._read_options import add_read_arguments
from idcforecast.comparison import DEFAULT_METHODS

if TYPE_CHECKING:
    import pandas as pd

NAME = "forecast"
HELP = (
    "forecast a series (default: China IDC market, CIDC overall scope) with calibrated 80 "
    "and 95 percent intervals (--level for others); prints the tidy forecast"
)
# what exit code 1 means for this command (the others never return it)
FAILED_RESULTS = "some or all series were not forecast (each reason printed)"
DEFAULT_DATASET = "china_idc_market"
DEFAULT_SERIES = "china_idc_cidc_overall"
DEFAULT_TO = 2030
COMPARED = ",".join(DEFAULT_METHODS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--dataset",
        default=None,
        metavar="NAME",
        help=f"bundled dataset (default {DEFAULT_DATASET}; see idcforecast datasets)",
    )
    source.add_argument(
        "--data",
        "--input",
        default=None,
        metavar="FILE",
        help="CSV or Excel file, or a folder of them joined ('-': standard input; --input: "
        "the same)",
    )
    parser.add_argument(
        "--series",
        default=None,
        metavar="ID",
        help=f"series id (default {DEFAULT_SERIES} for the bundled data; all series of FILE)",
    )
    until = parser.add_mutually_exclusive_group()
    until.add_argument(
        "--to",
        type=int,
        default=None,
        metavar="YEAR",
        help=f"the last year to forecast (default {DEFAULT_TO})",
    )
    until.add_argument(
        "--horizon",
        type=years_ahead,
        default=None,
        metavar="H",
        help="years to forecast after each series' last year, instead of --to",
    )
    parser.add_argument(
        "--method",
        type=method_names,
        default="auto",
        help='"auto" (default), a model alias, or several separated by commas (auto,drift)',
    )
    add_gaps_argument(parser)
    add_level_argument(parser)
    parser.add_argument(
        "--cap",
        type=float,
        default=None,
        help="saturation cap (series unit); with --compare, the forecasts and backtests use it",
    )
    parser.add_argument(
        "--compare",
        nargs="?",
        const=COMPARED,
        default=None,
        metavar="METHODS",
        help="instead of one forecast, compare methods (comma-separated; default "
        f"{COMPARED}): each one's last-year forecast and its backtest (--backtest-horizon "
        "years ahead) on the cutoffs they all share",
    )
    parser.add_argument(
        "--backtest-horizon",
        type=backtest_steps,
        default=None,
        metavar="H",
        help="with --compare: steps ahead of each backtest forecast (default 3)",
    )
    parser.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    add_read_arguments(parser, file_option="--data")


def _history(args: argparse.Namespace) -> tuple[pd.DataFrame, NotRead]:
    """The series to forecast, and those of ``--data`` that could not be read (with their
    errors: a file's bad cell fails its series alone, see :mod:`idcforecast.cli._file_series`)."""
    from idcforecast.errors import UnknownSeriesError

    if args.data is not None:
        from idcforecast.cli._file_series import read_file_series

        return read_file_series(args)
    from idcforecast.cli._read_options import bundled_rows, series_dataset

    dataset = args.dataset or DEFAULT_DATASET
    frame = series_dataset(dataset, "forecast")
    chosen = args.series or (DEFAULT_SERIES if dataset == DEFAULT_DATASET else None)
    if chosen is None:
        return bundled_rows(frame, args, "forecast"), NotRead()
    rows = bundled_rows(frame[frame["series_id"] == chosen], args, "forecast")
    if rows.empty:
        from idcforecast.datasets import _did_you_mean, elsewhere_hint

        ids = list(dict.fromkeys(frame["series_id"]))
        # as show says it: 'China_IDC_CIDC_overall' was refused with no suggestion
        hint = elsewhere_hint(chosen, dataset) or _did_you_mean(chosen, ids)
        raise UnknownSeriesError(
            f"forecast: series {chosen!r} is not in dataset {dataset!r};{hint} expected one "
            f"of: {', '.join(ids)}",
            series_id=chosen,
            dataset=dataset,
        )
    return rows, NotRead()


def build(args: argparse.Namespace) -> tuple[pd.DataFrame, list[tuple[str, Exception]]]:
    """The tidy forecast frame the command prints (with ``--compare``: the comparison), and
    the series that could not be forecast with their errors.

    Each series is forecast on its own: one that cannot be (too short, a cap below its last
    value, observed to ``--to`` already) is reported beside the table of the others instead
    of costing the whole table,
    and so is a lone series (exit status 1, as ``forecast-many`` gives for it: was 2, the
    code of a usage or input error, for one series and 1 for the same series among
    several). Arguments wrong for every series (an unknown method in ``--compare``, a
    ``--cap`` that is no number) are raised before any series runs (exit status 2).
    """
    from idcforecast._forecast_inputs import resolve_methods
    from idcforecast.errors import IdcForecastError, SpecError
    from idcforecast.forecasting import forecast

    if args.compare is not None:
        from idcforecast.comparison import compare_methods

        if args.method != "auto":
            raise SpecError(
                "forecast: --compare takes its methods as --compare METHODS (e.g. --compare "
                "auto,drift_log); drop --method",
                compare=args.compare,
            )
        methods = [m.strip() for m in args.compare.split(",") if m.strip()]
        if not methods:  # `--compare ""` or `--compare ,`: was a KeyError traceback
            raise SpecError(
                f"forecast: --compare {args.compare!r} names no method; expected method "
                f"aliases separated by commas (e.g. --compare auto,drift_log), or --compare "
                f"alone for {COMPARED}",
                compare=args.compare,
            )
        # once, here: each series' row repeated "unknown forecasting method" (exit 1)
        resolve_methods(methods)

        def run_one(data: pd.DataFrame, horizon: int) -> pd.DataFrame:
            return compare_methods(
                data,
                horizon,
                methods=methods,
                backtest_horizon=3 if args.backtest_horizon is None else args.backtest_horizon,
                level=args.level,
                cap=args.cap,
                gaps=args.gaps,
            )

    else:
        if args.backtest_horizon is not None:  # was ignored in silence
            raise SpecError(
                f"forecast: --backtest-horizon {args.backtest_horizon} only serves --compare "
                "(the backtest of each method compared); add --compare, or drop "
                "--backtest-horizon",
                backtest_horizon=args.backtest_horizon,
            )

        resolve_methods(args.method)  # once, before any series (a usage error, exit 2)

        def run_one(data: pd.DataFrame, horizon: int) -> pd.DataFrame:
            return forecast(
                data, horizon, method=args.method, level=args.level, cap=args.cap, gaps=args.gaps
            )

    history, not_read = _history(args)
    if args.cap is not None:
        _check_cap_is_a_level(args.cap)
        _check_cap_units(args.cap, history)
    last_years = history.groupby("series_id")["year"].max()
    failures: list[tuple[str, Exception]] = list(not_read.failures)

    def in_data_order(fc: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[str, Exception]]]:
        """The forecast and the failures in the order of the series in the data (was: not
        sorted with --horizon; with a series not read, it came first or last whatever its
        place in the file)."""
        ids = not_read.order or tuple(str(sid) for sid in dict.fromkeys(history["series_id"]))
        position = {sid: i for i, sid in enumerate(ids)}
        failures.sort(key=lambda failure: position[failure[0]])
        if fc.empty:
            return fc, failures
        order = fc["series_id"].astype(str).map(position).argsort(kind="stable")
        return fc.iloc[order].reset_index(drop=True), failures

    def each_series(data: pd.DataFrame, horizon: int) -> list[pd.DataFrame]:
        parts = []
        for sid, rows in data.groupby("series_id", sort=False):
            try:
                parts.append(run_one(rows, horizon))
            except IdcForecastError as err:
                failures.append((str(sid), err))
        return parts

    import pandas as pd

    def joined(parts: list[pd.DataFrame]) -> pd.DataFrame:
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    if args.horizon is not None:
        sid = str(last_years.index[0])
        check_years_ahead(
            "forecast", horizon=args.horizon, to=None, last=int(last_years.iloc[0]), series_id=sid
        )
        return in_data_order(joined(each_series(history, args.horizon)))
    to = DEFAULT_TO if args.to is None else args.to
    late = last_years[last_years >= to]
    if len(late) and len(late) == len(last_years):  # nothing to forecast: a wrong flag
        sid, last = late.index[0], int(late.iloc[0])
        raise SpecError(
            f"forecast: --to {to} is not after the last year {last} of series {sid!r}; "
            f"pass --to {last + 1} or later, or --horizon H",
            to=to,
            series_id=sid,
        )
    # a series already observed to `to` is not forecast, the others are (was: the whole
    # table refused for one series of a file that ends a year later than the rest)
    for sid, last in late.items():
        failures.append((str(sid), _observed_to(str(sid), int(last), to)))
    last_years = last_years[last_years < to]
    from idcforecast._forecast_inputs import MAX_HORIZON

    # likewise a series observed to more than MAX_HORIZON years before `to` (an old series,
    # a typo'd year), unless every series is: was the whole table refused for it
    far = last_years[to - last_years > MAX_HORIZON]
    if len(far) < len(last_years):
        for sid, last in far.items():
            failures.append((str(sid), _too_far_from(str(sid), int(last), to, MAX_HORIZON)))
        last_years = last_years[to - last_years <= MAX_HORIZON]
    earliest = last_years.idxmin()
    check_years_ahead(
        "forecast",
        horizon=to - int(last_years[earliest]),
        to=to,
        last=int(last_years[earliest]),
        series_id=str(earliest),
    )
    # Each series is forecast exactly to `to`: series that end in different years need
    # different horizons (a year's interval does not depend on the horizon asked, see
    # CalibrationSettings.error_steps).
    horizon_of = (to - last_years).astype(int)
    parts = [
        part
        for h, ids in horizon_of.groupby(horizon_of).groups.items()
        for part in each_series(history[history["series_id"].isin(ids)], int(h))
    ]
    return in_data_order(joined(parts))


def _too_far_from(series_id: str, last: int, to: int, most: int) -> Exception:
    """The error of a series of several whose last year is more than ``most`` years before
    ``--to`` (the others are forecast).

    Examples
    --------
    >>> print(_too_far_from("old", 1925, 2030, 100))  # doctest: +NORMALIZE_WHITESPACE
    series 'old' is observed to 1925, 105 years before --to 2030; a forecast reaches at most
    100 years ahead: check its years, or pass --to 2025 or earlier for it
    """
    from idcforecast.errors import SpecError

    return SpecError(
        f"series {series_id!r} is observed to {last}, {to - last} years before --to {to}; a "
        f"forecast reaches at most {most} years ahead: check its years, or pass --to "
        f"{last + most} or earlier for it",
        to=to,
        series_id=series_id,
    )


def _observed_to(series_id: str, last: int, to: int) -> Exception:
    """The error of a series of several that ``--to`` asks nothing of: it is observed to
    ``to`` or later (the others are forecast).

    Examples
    --------
    >>> print(_observed_to("China power", 2023, 2023))  # doctest: +NORMALIZE_WHITESPACE
    series 'China power' is observed to 2023, not before --to 2023: no year to forecast;
    pass --to 2024 or later for it, or --horizon H
    """
    from idcforecast.errors import SpecError

    return SpecError(
        f"series {series_id!r} is observed to {last}, not before --to {to}: no year to "
        f"forecast; pass --to {last + 1} or later for it, or --horizon H",
        to=to,
        series_id=series_id,
    )


def _check_cap_is_a_level(cap: float) -> None:
    """Refuse a ``--cap`` that is NaN or infinite before any series runs (was: each series
    "not forecast", "cap nan is not above the last observation 2.0", exit status 1), as
    ``forecast-many`` refuses it."""
    import math

    from idcforecast.errors import ModelError

    if math.isnan(cap):
        raise ModelError(
            "forecast: --cap nan is not a number; pass the saturation level of the series as "
            "a number in their unit (e.g. --cap 100 for a share in %), or leave out --cap",
            cap=repr(cap),
        )
    if math.isinf(cap):
        raise ModelError(
            f"forecast: --cap {cap:g} is no saturation level; pass a number above every "
            "series' last value, or leave out --cap for no cap",
            cap=repr(cap),
        )


def _check_cap_units(cap: float, history: pd.DataFrame) -> None:
    """``--cap`` is one number for every series: refused for series in different units
    (each series is forecast on its own here, so a share's 100 silently capped a TWh
    series too, or failed it as "cap 100.0 is not above the last observation")."""
    import shlex

    from idcforecast.errors import SpecError

    if "unit" not in history.columns:
        return
    first = history.drop_duplicates("unit").astype({"unit": str, "series_id": str})
    if len(first) < 2:
        return
    shown = ", ".join(
        f"{sid} in {unit or 'no unit'}" for sid, unit in first[["series_id", "unit"]].values
    )
    sid = str(first["series_id"].iloc[0])
    raise SpecError(
        f"forecast: --cap {cap:g} is one number for series in different units ({shown}); "
        # quoted for the shell: "--series China IDC" named two words
        f"cap one series at a time (--series {shlex.quote(sid)} --cap {cap:g}), or drop --cap",
        cap=cap,
    )


def _series_cells(fc: pd.DataFrame, columns: list[str]) -> list[list[str]]:
    """``columns`` of every row as text, one count of decimals per series (the numbers of a
    series are read against each other; another series may be in another unit)."""
    import numpy as np

    from idcforecast.cli._text import format_numbers

    values = fc[columns].to_numpy(dtype=float, na_value=np.nan)
    cells: list[list[str]] = [[] for _ in range(len(fc))]
    for rows in fc.groupby("series_id", sort=False).indices.values():
        texts = format_numbers(values[rows].ravel().tolist())
        for n, row in enumerate(rows):
            cells[row] = texts[n * len(columns) : (n + 1) * len(columns)]
    return cells


def note_id(series_id: Any) -> str:
    """A series id as a note line's parentheses name it: as it is, or quoted when it holds
    what the parentheses use (a comma, a bracket) or blanks at its ends: "note (Asia,
    total, auto, ok)" read as a series 'Asia' and a method 'total'.

    Examples
    --------
    >>> note_id("china_idc"), note_id("Asia, total"), note_id(" x"), note_id(7)
    ('china_idc', "'Asia, total'", "' x'", '7')
    """
    text = str(series_id)
    plain = text and text == text.strip() and not any(ch in text for ch in ",()")
    return text if plain else repr(text)


def render(fc: pd.DataFrame, parser: argparse.ArgumentParser | None = None) -> str:
    """Aligned table of the forecast, then one line per distinct note, its advice in the
    words of ``parser``'s flags ("cap it at 100 (--cap 100)"), as the comparison's notes."""
    from idcforecast.cli._advice import cli_advice
    from idcforecast.cli._text import text_table, unit_words

    value_cols = [c for c in fc.columns if c == "mean" or c[:3] in ("lo_", "hi_")]
    header = ["series_id", "year", "model", *value_cols, "unit"]
    numbers = _series_cells(fc, value_cols)
    rows = [
        [
            str(r["series_id"]),
            str(r["year"]),
            str(r["model"]),
            *numbers[i],
            unit_words(str(r["unit"])),
        ]
        for i, (_, r) in enumerate(fc.iterrows())
    ]
    right = list(range(3, 3 + len(value_cols)))
    lines = [text_table(header, rows, right=right)]
    notes = fc.loc[fc["note"] != "", ["series_id", "model", "status", "note"]].drop_duplicates()
    for _, r in notes.iterrows():
        note = cli_advice(r["note"], parser)
        lines.append(f"note ({note_id(r['series_id'])}, {r['model']}, {r['status']}): {note}")
    return "\n".join(lines)


def render_comparison(table: pd.DataFrame, parser: argparse.ArgumentParser | None = None) -> str:
    """Aligned comparison table, then one line per method that could not run or be scored."""
    import pandas as pd

    from idcforecast.cli._text import text_table, unit_words

    values = [c for c in table.columns if c == "mean" or c[:3] in ("lo_", "hi_")]
    scores = ["smape", "mase", *(c for c in table.columns if c.startswith("coverage_"))]
    header = ["series_id", "model", "year", *values, *scores, "n", "unit"]

    from idcforecast._rounding import half_up

    def cell(value: Any, digits: int) -> str:
        if pd.isna(value):  # NaN / <NA>: the method did not run (or was not scored) here
            return "-"
        if digits == 0:  # a year, a count: no thousands separator ("2030", not "2,030")
            return f"{int(value)}"
        # a tie half up, as the value columns and the report round (format: to the even)
        return half_up(float(value), digits)

    numbers = _series_cells(table, values)
    rows = [
        [
            str(r["series_id"]),
            str(r["model"]),
            cell(r["year"], 0),
            *["-" if text == "nan" else text for text in numbers[i]],
            *[cell(r[c], 3 if c.startswith("coverage_") else 2) for c in scores],
            cell(r["n"], 0),
            unit_words(str(r["unit"])),
        ]
        for i, (_, r) in enumerate(table.iterrows())
    ]
    lines = [text_table(header, rows, right=list(range(2, len(header) - 1)))]
    lines.append(
        # "with a backtest": a method no window fits is left out of the shared cutoffs
        "scores: each method's backtest on the cutoffs every method of the series with a "
        "backtest could use (n forecasts); sMAPE in percent, coverage as a fraction"
    )
    from idcforecast.cli._advice import cli_advice

    # the notes' advice in flags' words; a note all the methods of a series share (a gap
    # year filled) once, for the series, not once per method
    noted = table[table["note"] != ""]
    for sid, rows in noted.groupby("series_id", sort=False):
        methods = table.loc[table["series_id"] == sid, "model"]
        for note, same in rows.groupby("note", sort=False):
            shown = note_id(sid)
            who = shown if len(same) == len(methods) > 1 else f"{shown}, {', '.join(same['model'])}"
            failed = (same["status"] == "failed").all()
            # --method is refused with --compare: a method to try is one to compare
            advice = cli_advice(note, parser).replace("--method ", "--compare ")
            lines.append(f"{'not run' if failed else 'note'} ({who}): {advice}")
    return "\n".join(lines)


def methods_not_run(table: pd.DataFrame) -> list[str]:
    """``"series_id method"`` for each comparison row whose method could not forecast its
    series: the command's results that failed (exit status 1)."""
    failed = table[table["status"] == "failed"]
    pairs = zip(failed["series_id"], failed["model"], strict=True)
    return [f"{sid} {model}" for sid, model in pairs]


def run(args: argparse.Namespace) -> int:
    """Print the forecast (or, with ``--compare``, the comparison) as a table or CSV; the
    series that could not be forecast go to stderr, one ``error: forecast: series 'X' not
    forecast: ...`` line each, and the exit status is then 1 (the others were forecast:
    not an input error, which is 2), as it is when a compared method could not forecast a
    series (its reason is a "not run" line). With ``--csv`` the header is printed even when
    no series could be forecast: a pipeline reads an empty table, not an empty file."""
    import sys

    fc, failures = build(args)
    if args.csv:
        print(_csv_text(fc, compared=args.compare is not None, levels=args.level))
    elif not fc.empty:
        parser = getattr(args, "_parser", None)
        print(render_comparison(fc, parser) if args.compare is not None else render(fc, parser))
    from idcforecast.cli._advice import cli_advice
    from idcforecast.cli._exit import not_forecast_line

    for sid, err in failures:
        advice = cli_advice(str(err), getattr(args, "_parser", None))
        print(f"error: {NAME}: {not_forecast_line(sid, advice)}", file=sys.stderr)
    from idcforecast.cli._exit import results_status

    if args.compare is not None and not fc.empty:
        # a method that could not run for a series (its row all '-', its reason in a 'not
        # run' line) is a result that failed: the command exited 0 all the same
        return results_status([*failures, *methods_not_run(fc)])
    return results_status(failures)


def _csv_text(fc: pd.DataFrame, *, compared: bool, levels: tuple[float, ...]) -> str:
    """``fc`` as CSV; with no rows (no series could be forecast), its header alone (was:
    nothing at all, which ``pandas.read_csv`` and other CSV readers refuse as no table),
    with the columns of ``levels`` (``--level``)."""
    if fc.empty:
        import pandas as pd

        from idcforecast.comparison import comparison_columns
        from idcforecast.forecasting import forecast_columns

        columns = comparison_columns(levels) if compared else forecast_columns(levels)
        fc = pd.DataFrame(columns=columns)
    return fc.to_csv(index=False).rstrip("\n")
