"""``idcforecast scenarios [FILE]``: Monte Carlo scenario table and exceedance probabilities."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING

from idcforecast.cli._arg_types import (
    check_years_ahead,
    one_method,
    path_count,
    random_seed,
    years_ahead,
)
from idcforecast.cli._read_options import add_read_arguments, read_user_file

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    from idcforecast.scenarios import Paths

# one result from one series: a series too short to forecast is an input error (exit 2;
# forecast exits 1, that series' reason among its rows): idcforecast.cli._exit
ONE_SERIES = "the scenario table"
NAME = "scenarios"
HELP = (
    "simulate the scenarios of a TOML spec (default: the bundled China IDC example) from a "
    "series' calibrated forecast; print quantiles per year, the CAGR distribution and "
    "P(value > THRESHOLD in YEAR)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="scenario spec (TOML; a .json or .yaml file of the same keys reads too); "
        "default: the bundled China IDC example for its series (china_idc_cidc_overall), "
        "and for any other series, --data, or a --unit in another currency than its "
        "CNY 100m the calibrated forecast alone (one 'base' scenario)",
    )
    parser.add_argument(
        "--dataset",
        default="china_idc_market",
        metavar="NAME",
        help="bundled dataset (default %(default)s; see idcforecast datasets)",
    )
    parser.add_argument(
        "--data",
        "--input",
        metavar="FILE",
        help="read the history from a CSV/Excel file instead ('-': standard input; --input: "
        "the same)",
    )
    parser.add_argument("--series", metavar="ID", help="series id (default: the spec's series_id)")
    add_read_arguments(parser, file_option="--data")
    until = parser.add_mutually_exclusive_group()  # as in forecast: one or the other
    until.add_argument("--to", type=int, metavar="YEAR", help="last simulated year")
    until.add_argument(
        "--horizon",
        type=years_ahead,
        default=7,
        metavar="H",
        help="years after the last observation (default 7)",
    )
    parser.add_argument(
        "--paths",
        type=path_count,
        default=10_000,
        metavar="N",
        help="paths per scenario (default 10000)",
    )
    parser.add_argument(
        "--seed", type=random_seed, default=0, metavar="N", help="random seed (default 0)"
    )
    parser.add_argument(
        "--method",
        type=one_method("the scenario paths come from one model"),
        default="auto",
        help="forecasting model alias (default auto; one: the paths come from one model)",
    )
    parser.add_argument(
        "--threshold",
        action="append",
        default=[],
        metavar="X",
        help="level to exceed: a number in the unit simulated (the series', or the spec's "
        "when the series was rescaled to it, as the header says) or a figure like 8000亿元; "
        "a lower bound such as 超过8000亿元 or 'more than $50bn' is read as its level "
        "(repeatable)",
    )
    # "(default: last year)" read as the calendar year before this one
    parser.add_argument(
        "--year", type=int, help="year of the threshold (default: the last simulated year)"
    )
    parser.add_argument(
        "--target-year",
        type=int,
        metavar="YEAR",
        help="year the CAGR (for a share in %%: the change in points) runs to (default: the "
        "last simulated year)",
    )


def run(args: argparse.Namespace) -> int:
    """Simulate and print the tables."""
    from idcforecast._paths import data_dir
    from idcforecast.scenarios import ScenarioSet, load_scenarios, scenario_table, simulate

    if args.year is not None and not args.threshold:
        # --year is the threshold's year only: alone it was accepted and did nothing
        from idcforecast.errors import SpecError

        raise SpecError(
            f"--year {args.year} is the year of --threshold, and no --threshold is given; "
            f"pass --threshold X (e.g. --threshold 8000亿元 --year {args.year}), or --to "
            f"{args.year} to simulate up to that year",
            key="year",
        )
    _check_spec_is_no_data_file(args)
    history = _history(args)
    bundled = str(data_dir() / "scenarios" / "china_idc_example.toml")
    # the bundled spec is written for the China IDC series (its caps are in 亿元): any other
    # series without a spec (a user's file, another dataset) gets the forecast's own
    # distribution, one scenario
    spec_path = args.file or bundled
    loaded = load_scenarios(spec_path)
    spec: ScenarioSet | None = loaded
    other_unit = _bundled_spec_unit_unfit(args, loaded.unit, history)
    if args.file is None and (
        args.data
        or args.dataset != "china_idc_market"
        or (args.series is not None and args.series != loaded.series_id)
    ):
        spec, spec_path = None, "none (the calibrated forecast only; pass a TOML spec FILE)"
        series = args.series
    elif other_unit:
        # --unit USD bn on the bundled series, no FILE: the example's caps are in 亿元, and
        # the user gave no spec to fix (was: "the spec's key 'unit' is 'CNY 100m' ...")
        spec, spec_path = None, other_unit
        series = args.series or loaded.series_id
    else:
        series = args.series or loaded.series_id
    rows = history if series is None else history[history["series_id"] == series]
    last = int(rows["year"].max()) if len(rows) else 0
    # without --series a file of one series is that series; of several, simulate names them
    names = list(dict.fromkeys(rows["series_id"]))
    if args.to is not None and len(names) == 1 and args.to <= last:
        from idcforecast.errors import SpecError

        raise SpecError(
            f"--to {args.to}: series {names[0]!r} is observed to {last}; expected a later "
            f"year; pass e.g. --to {last + 5}",
            key="to",
        )
    horizon = (args.to - last) if args.to is not None else args.horizon
    if len(names) == 1:
        check_years_ahead("scenarios", horizon=horizon, to=args.to, last=last, series_id=names[0])
    try:
        paths = simulate(
            history,
            horizon,
            n_paths=args.paths,
            scenarios=spec,
            seed=args.seed,
            series_id=series,
            method=args.method,
            kw_per_rack=args.kw_per_rack,  # a cap in MW against racks (was always 2.5 kW)
        )
    except MemoryError:  # was a numpy _ArrayMemoryError traceback ("Unable to allocate 15 TiB")
        from idcforecast.errors import SpecError

        raise SpecError(
            f"scenarios: --paths {args.paths} x {horizon} years does not fit in memory (the "
            f"paths of every scenario are held at once, 8 bytes a value); lower --paths "
            "(default 10000)",
            key="paths",
        ) from None
    for option, asked in (("--target-year", args.target_year), ("--year", args.year)):
        _check_simulated(option, asked, paths)
    table = scenario_table(paths, target_year=args.target_year)
    # every threshold is read before anything prints: a bad one is an error, not half a report
    year = args.year if args.year is not None else int(paths.years[-1])
    # --kw-per-rack converts the thresholds too ("200 MW" against racks was read at 2.5 kW)
    probabilities = [
        _prob_text(paths, threshold, year, kw_per_rack=args.kw_per_rack)
        for threshold in args.threshold
    ]
    print(_header(paths, spec_path, args.seed))
    print()
    print(_levels_text(table))
    print()
    # a share's growth is its change in points (40% -> 48% is +8 points, the CAGR +4.7% a
    # year of relative growth read as points); the same rule as forecast()'s 100% note
    target = args.target_year if args.target_year is not None else int(paths.years[-1])
    print(
        _points_text(table, paths, target)
        if _share_in_points(table)
        else _cagr_text(table, paths.origin_qualifier)
    )
    for text in probabilities:
        print()
        print(text)
    return 0


def _bundled_spec_unit_unfit(
    args: argparse.Namespace, spec_unit: str | None, history: pd.DataFrame
) -> str:
    """Why the bundled example spec (no FILE given) does not fit the bundled series read
    in ``--unit``, as the header's "spec" says it; "" when it fits (no --unit, the same
    unit, or one the simulation rescales to the spec's: CNY bn to CNY 100m).

    Its caps are in ``spec_unit`` (CNY 100m); in another currency (USD bn) they would mean
    other amounts, so the series is simulated with the forecast's own distribution, as a
    series of another dataset or file is.
    """
    from idcforecast.scenarios._spec_magnitude import spec_magnitude_rescale
    from idcforecast.units.registry import canonical_or_as_written

    if args.file is not None or args.data or args.unit is None or not spec_unit:
        return ""
    units = history["unit"].dropna().astype(str).unique().tolist() if len(history) else []
    unit = units[0] if len(units) == 1 else canonical_or_as_written(args.unit)
    if canonical_or_as_written(unit) == canonical_or_as_written(spec_unit):
        return ""
    if spec_magnitude_rescale(unit, spec_unit) is not None:
        return ""
    return (
        f"none: the bundled example spec's caps are in {spec_unit}, not {unit} (--unit); "
        f"the calibrated forecast only (drop --unit for its scenarios in {spec_unit}, or "
        f"pass a TOML spec FILE in {unit})"
    )


def _check_simulated(option: str, year: int | None, paths: Paths) -> None:
    """A SpecError naming ``option`` and the flag that reaches ``year`` when it lies
    outside the simulated years (the library said "(raise the horizon)", a keyword)."""
    from idcforecast.errors import SpecError

    first, last = int(paths.years[0]), int(paths.years[-1])
    if year is None or first <= year <= last:
        return
    fix = (
        f"pass --to {year} to simulate up to it"
        if year > last
        else "earlier years are history, not simulated"
    )
    raise SpecError(
        f"scenarios: {option} {year} is outside the simulated years {first}-{last} of series "
        f"{paths.series_id!r}; {fix}",
        key=option.lstrip("-").replace("-", "_"),
        year=year,
    )


DATA_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls")


def _check_spec_is_no_data_file(args: argparse.Namespace) -> None:
    """FILE is the scenario spec: a data file there was read as TOML ("not valid TOML"),
    or, with --unit, the bundled series was converted to the file's unit and refused."""
    from pathlib import Path

    from idcforecast.errors import SpecError

    if args.file is None or Path(args.file).suffix.lower() not in DATA_SUFFIXES:
        return
    fix = (
        f"pass the history as --data {args.file}"
        if not args.data
        else f"--data {args.data} is the history already"
    )
    from idcforecast.scenarios._spec_files import example_spec

    raise SpecError(
        f"scenarios: FILE {args.file!r} looks like data, but FILE is the scenario spec, a "
        f"TOML file such as {example_spec()}; {fix}, and give a spec FILE or none (the "
        "forecast's own distribution)",
        file=args.file,
        key="FILE",
    )


def _history(args: argparse.Namespace) -> pd.DataFrame:
    if args.data:
        from idcforecast.cli._file_series import unit_needed
        from idcforecast.errors import UnitError, UnknownSeriesError

        try:
            return read_user_file(args, args.data)
        except UnitError as err:
            # a file stating no unit: forecast and show take it as given, scenarios says why not
            raise unit_needed(err, args, "scenarios") from None
        except UnknownSeriesError as err:
            # "drop --series to read them all": scenarios then refuses the file's several
            # series ("pass --series to choose one"); it simulates one
            message = str(err).replace(
                "drop series_id= to read them all",
                "pass one of them as --series (scenarios simulates one series)",
            )
            if message == str(err):
                raise
            fields = {key: getattr(err, key) for key in err.fields}
            raise UnknownSeriesError(message, **fields) from None
    from idcforecast.cli._read_options import bundled_rows, series_dataset

    return bundled_rows(series_dataset(args.dataset, "scenarios"), args, "scenarios")


def _header(paths: Paths, spec_path: str, seed: int) -> str:
    from idcforecast._wording import qualifier_sign
    from idcforecast.cli._text import unit_words
    from idcforecast.scenarios.montecarlo import _level_text

    # "last observed 2024: 880" of a year published as "more than 880" read as a figure
    last = (
        "unknown"
        if paths.origin_value is None
        else qualifier_sign(paths.origin_qualifier) + _level_text(paths.origin_value)
    )
    # forecast's note column: a gap filled for fitting, a fallback (was not printed)
    note = f"\nnote: {paths.note}" if paths.note else ""
    weights = (
        ", ".join(f"{n} {w:g}" for n, w in zip(paths.scenarios, paths.weights, strict=True))
        if paths.weights
        else "none"
    )
    return (
        f"series {paths.series_id} ({unit_words(paths.unit, inside=True) or 'no unit'}), "
        "last observed "
        f"{paths.origin_year}: {last}; model {paths.model!r}; "
        f"{paths.n_paths:,} paths per scenario, seed {seed}\n"
        f"spec {spec_path}; weights: {weights}{note}"
    )


def _levels_text(table: pd.DataFrame) -> str:
    from idcforecast._rounding import half_up
    from idcforecast.cli._text import text_table, unit_words
    from idcforecast.report._growth import change_unit
    from idcforecast.report._numbers import LevelFormat, unsigned_zero

    levels = table[table["quantity"] == "level"]
    cols = ["p5", "p10", "p50", "p90", "p95"]
    # whole numbers for a market in CNY 100m; decimals for a share or a small series
    largest = float(levels[cols].abs().to_numpy().max()) if len(levels) else 0.0
    decimals = 0 if largest >= 100 else 1 if largest >= 10 else 2
    if decimals == 2:  # a share of 0.04%, a small series: the largest to 2 significant digits
        decimals = max(2, _significant_decimals(levels[cols].to_numpy(dtype=float).ravel()))
    # and the largest median, when below 1, to three, as levels of 1 or more have, like
    # the report's table (medians of 0.45-0.63 TWh printed "0.45"; of 0.04% "0.040")
    if (levels["p5"] >= 0).all():  # levels, not a series crossing zero (net additions)
        decimals = LevelFormat(decimals, decimals).keeping_digits(levels["p50"]).decimals
    unit = str(levels["unit"].iloc[0]) if len(levels) else ""
    if change_unit(unit) is not None:  # a share: one decimal, as its changes in points
        # below ("+2.4 (100.0%)"); a share near 100% printed "94 95 100 100 100"
        decimals = max(decimals, 1)
    rows = [
        [
            str(r["scenario"]),
            str(r["year"]),
            *(unsigned_zero(half_up(r[c], decimals)) for c in cols),
        ]
        for r in levels.to_dict("records")
    ]
    return f"levels ({unit_words(unit, inside=True)}):\n" + text_table(
        ["scenario", "year", *cols], rows, right=range(1, 2 + len(cols))
    )


def _cagr_text(table: pd.DataFrame, origin_qualifier: str = "") -> str:
    """The CAGR table from the last observation; one published as a bound makes each rate a
    bound the other way ("more than 880": the true origin is higher, the rate at most the
    one shown), said in the heading: the rates read as exact."""
    from idcforecast._rounding import half_up
    from idcforecast.cli._text import text_table
    from idcforecast.report._numbers import unsigned_zero

    cagr = table[table["quantity"] == "cagr"]
    if not len(cagr):
        return (
            "CAGR: not shown (no positive origin, or paths at or below zero, where a "
            "compound rate is undefined)"
        )
    # scenarios with a path at or below zero have none (nor has the weighted mix then)
    levels = table.loc[table["quantity"] == "level", "scenario"]
    missing = [str(n) for n in dict.fromkeys(levels) if n not in set(cagr["scenario"])]
    left_out = (
        f"\nnot shown for {', '.join(missing)}: paths at or below zero, where a compound "
        "rate is undefined"
        if missing
        else ""
    )
    cols = ["p5", "p10", "p50", "p90", "p95"]
    rows = [
        # a rate of -0.04% printed "-0.0%", a loss where there is none
        [str(r["scenario"]), *(f"{unsigned_zero(half_up(r[c], 1))}%" for c in cols)]
        for r in cagr.to_dict("records")
    ]
    year = int(cagr["year"].iloc[0])
    # a share's CAGR is its relative growth: 40% -> 48% is +4.7% a year, not +2 points
    unit = str(table.loc[table["quantity"] == "level", "unit"].iloc[0])
    relative = "; relative growth of the share, not points" if _in_percent(unit) else ""
    bound = {
        "at_least": "; the last observation is a lower bound ('more than'), so each rate is "
        "at most the one shown",
        "at_most": "; the last observation is an upper bound ('less than'), so each rate is "
        "at least the one shown",
    }.get(origin_qualifier, "")
    return (
        f"CAGR from the last observation to {year} (% a year{relative}{bound}):\n"
        + text_table(["scenario", *cols], rows, right=range(1, 1 + len(cols)))
        + left_out
    )


def _share_in_points(table: pd.DataFrame) -> bool:
    """Whether the table gives the series' growth in points (``scenario_table``'s
    "change_pp" rows: a series that may be a share, ``idcforecast._shares.may_be_share``,
    with a last observation to count points from)."""
    return bool((table["quantity"] == "change_pp").any())


def _points_text(table: pd.DataFrame, paths: Paths, target: int) -> str:
    """For a share: the change in percentage points from the last observation to
    ``target`` (the table's "change_pp" rows), per scenario and quantile, with the level
    then in percent; defined also where paths are at 0% (a share clipped there has no
    CAGR). Decimals show the largest level to two significant digits and the largest
    median, when below 1, to three, as the levels table does (a share of 0.04% printed
    "0.04" for 0.035-0.045)."""
    import numpy as np

    from idcforecast._rounding import half_up, signed_half_up
    from idcforecast._shares import percent_factor
    from idcforecast.cli._text import text_table
    from idcforecast.report._numbers import LevelFormat

    factor = percent_factor(paths.unit) or 1.0  # 1 成 is 10 points
    origin = float(paths.origin_value or 0.0) * factor
    levels = table[table["quantity"] == "level"]
    ends = levels[levels["year"] == target].set_index("scenario")
    changes = table[table["quantity"] == "change_pp"]
    cols = ["p5", "p10", "p50", "p90", "p95"]
    shown = ends[cols].to_numpy(dtype=float).ravel() * factor  # the levels, in percent
    decimals = max(1 if float(np.abs(shown).max()) >= 10 else 2, _significant_decimals(shown))
    # the levels table's rule: the largest median, when below 1, to three digits
    if (levels["p5"] >= 0).all():
        decimals = LevelFormat(decimals, decimals).keeping_digits(levels["p50"] * factor).decimals

    def cell(change: float, level: float) -> str:
        return f"{signed_half_up(change, decimals)} ({half_up(level * factor, decimals)}%)"

    rows = [
        [str(r["scenario"]), *(cell(r[c], ends.loc[r["scenario"], c]) for c in cols)]
        for r in changes.to_dict("records")
    ]
    return (
        f"change from the last observation ({origin:.{decimals}f}% in {paths.origin_year}) "
        f"to {target}, in percentage points (the level then):\n"
        + text_table(["scenario", *cols], rows, right=range(1, 1 + len(cols)))
    )


def _significant_decimals(values: np.ndarray, digits: int = 2, most: int = 4) -> int:
    """Decimals that print the largest of ``values`` (in size) to ``digits`` significant
    digits (at most ``most``; 0 when all are 0): 0.073 needs 3, 0.5 needs 2, 45 needs 0.
    The largest, not the smallest: a p5 near 0 (a share clipped there, a series crossing
    zero) would give the whole table 4 decimals.

    Examples
    --------
    >>> import numpy as np
    >>> _significant_decimals(np.array([0.037, 0.073, 0.0])), _significant_decimals(np.ones(1) * 45)
    (3, 0)
    >>> _significant_decimals(np.array([0.0])), _significant_decimals(np.array([1e-9, -2e-9]))
    (0, 4)
    >>> _significant_decimals(np.array([1e-6, 6.3]))  # a level near 0 beside 6.3
    1
    """
    import numpy as np

    finite = np.abs(values[np.isfinite(values)])
    largest = float(finite.max()) if finite.size else 0.0
    if largest == 0:
        return 0
    return int(min(most, max(0, digits - 1 - math.floor(math.log10(largest)))))


def _in_percent(unit: str) -> bool:
    """Whether ``unit`` is a percent (or points) unit, as a share's is."""
    from idcforecast.scenarios._spec_checks import share_unit_factor

    return share_unit_factor(unit) is not None


def _threshold_rate(threshold: str, unit: str, year: int, kw_per_rack: float) -> str:
    """For a threshold in another currency converted at ``year``'s own FX rate: the level
    in ``unit`` to the threshold's digits and the rate, its year and source (", the
    threshold about 7,200 CNY 100m at 7.1957 CNY per USD, the 2024 annual average of
    Federal Reserve G.5A"); "US$100bn in 2024" named neither. "" for no currency change,
    or a year past the FX table (the ScenarioWarning of ``_constant_fx`` names the rate
    then)."""
    from idcforecast._rounding import to_significant_digits
    from idcforecast.cli._text import unit_words
    from idcforecast.errors import IdcForecastError
    from idcforecast.scenarios._constant_fx import fx_rate_words
    from idcforecast.units import parse_quantity

    try:
        figure = parse_quantity(threshold)
        rate, digits = fx_rate_words(figure, unit, year)
        if not rate:
            return ""
        level = float(figure.to(unit, year=year, kw_per_rack=kw_per_rack).value)
    except IdcForecastError:  # no rate for that year: said by the warning instead
        return ""
    rounded = to_significant_digits(level, digits)
    text = f"{rounded:,.0f}" if abs(rounded) >= 100 else f"{rounded:,.6g}"
    return f", the threshold about {text} {unit_words(unit)} at {rate}"


def _prob_text(paths: Paths, threshold: str, year: int, *, kw_per_rack: float = 2.5) -> str:
    from idcforecast.cli._figure_advice import typed_figure_error
    from idcforecast.cli._text import text_table
    from idcforecast.errors import IdcForecastError
    from idcforecast.scenarios import prob_exceeds

    try:
        value: float | str = float(threshold.replace(",", ""))
    except ValueError:
        value = threshold
    try:
        probs = prob_exceeds(paths, value, year, kw_per_rack=kw_per_rack)
    except IdcForecastError as err:  # "8000,5亿元": what to type, not a table's --decimal
        raise typed_figure_error(err, threshold, "--threshold") from None
    assert not isinstance(probs, float)  # no scenario= given: one entry per scenario
    rows = [[str(name), f"{p:.1%}"] for name, p in probs.items()]
    # a plain number is in the unit simulated, named: a series rescaled to its spec's
    # "USD bn" read --threshold 8000000000 (meant in USD) as 8 billion billion, "0.0%"
    # ("60%" for a share, as a typed "70%" prints: a bare 60 read "60 %" beside it)
    from idcforecast.cli._text import unit_words
    from idcforecast.cli._threshold_words import threshold_heading

    unit = "%" if paths.unit == "%" else f" {unit_words(paths.unit)}"
    # a figure given as a lower bound ("超过8000亿元") is headed by its level, not
    # "P(value > 超过8000亿元 in 2030)"
    shown, bound = (
        threshold_heading(value)
        if isinstance(value, str)
        else (f"{threshold}{unit}" if paths.unit else threshold, "")
    )
    rate = _threshold_rate(value, paths.unit, year, kw_per_rack) if isinstance(value, str) else ""
    return f"P(value > {shown} in {year}{bound}){rate}:\n" + text_table(
        ["scenario", "probability"], rows, right=[1]
    )
