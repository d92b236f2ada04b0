"""``idcforecast report``: the main job, a PDF report on one series (bundled China IDC data).

Examples
--------
>>> import argparse
>>> parser = argparse.ArgumentParser()
>>> add_arguments(parser)
>>> args = parser.parse_args([])
>>> args.to, args.out, args.series is None
(2030, None, True)
"""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext

from idcforecast.cli._arg_types import add_gaps_argument, one_method, random_seed
from idcforecast.cli._read_options import add_read_arguments, read_options

# one result from one series: a series too short to forecast is an input error (exit 2;
# forecast exits 1, that series' reason among its rows): idcforecast.cli._exit
ONE_SERIES = "the report"
NAME = "report"
HELP = (
    "write the PDF report on one series: forecast, growth, backtest, other methods, published "
    "claims, sources (and scenarios, with --scenarios FILE)"
)

# duplicated from idcforecast.report.build so that --help imports nothing heavy
_DEFAULT_OUT = "reports/china-idc-market.pdf"
_DEFAULT_TO = 2030


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the options of ``idcforecast report``."""
    parser.add_argument(
        "--data",
        "--input",
        metavar="FILE",
        help="CSV/Excel file of yearly figures, a folder of them joined, or - for standard "
        "input (default: the "
        "bundled China IDC market data); --input is the same",
    )
    parser.add_argument(
        "--dataset",
        metavar="NAME",
        help="a bundled dataset instead of china_idc_market (see idcforecast datasets)",
    )
    parser.add_argument(
        "--series",
        metavar="ID",
        help="series to report on (default: the --scenarios spec's series_id, or the one "
        "subject of all --claims, when the data holds it, else china_idc_cidc_overall for the "
        "bundled China IDC market; the only series of --data or --dataset, and required when "
        "it holds several)",
    )
    parser.add_argument(
        "--to",
        metavar="YEAR",
        type=int,
        default=_DEFAULT_TO,
        help=f"last forecast year (default: {_DEFAULT_TO})",
    )
    parser.add_argument(
        "--scenarios",
        metavar="FILE",
        # "(TOML)" alone: a JSON or YAML spec reads too (as `scenarios FILE` says)
        help="scenario spec to add a scenarios section (TOML; a .json or .yaml file of the "
        "same keys reads too)",
    )
    parser.add_argument(
        "--claims",
        metavar="FILE",
        help="your own claims about the series (a claims file as check-claims FILE reads "
        "it), checked in the claims section instead of the bundled published claims",
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        default=None,
        help=f"PDF to write (default: {_DEFAULT_OUT} for the bundled China IDC market, "
        "else reports/SERIES-ID.pdf)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="report date (default: today); fix it for a byte-identical PDF",
    )
    parser.add_argument(
        "--seed", metavar="N", type=random_seed, default=0, help="random seed (default: 0)"
    )
    parser.add_argument(
        "--title",
        default=None,
        metavar="TEXT",
        help=(
            "the report's title (default: the series' name for the bundled China IDC "
            "market, else the series id with its unit and years, e.g. 'cidc (CNY 100 "
            "million, 2018-2023)')"
        ),
    )
    parser.add_argument(
        "--method",
        default="auto",
        type=one_method("the report forecasts with one model"),
        help='forecast method: "auto" (default) or a model alias such as drift or naive',
    )
    add_gaps_argument(
        parser,
        "missing years inside the series: filled for fitting only (interpolate, the "
        "default), or the latest consecutive run only (span), or an error",
    )
    add_read_arguments(parser, file_option="--data")


def run(args: argparse.Namespace) -> int:
    """Build the report; print what is done, then the path."""
    from idcforecast.cli._stdin_table import STDIN, STDIN_NAME, table_path
    from idcforecast.report.build import build_report, check_report_out

    started = time.perf_counter()
    _check_spec_is_no_data_file(args)
    if args.out is not None:  # else named after the series, checked once it is read
        check_report_out(args.out, data=args.data, scenarios=args.scenarios)  # before output
    piped = args.data == STDIN
    data = (
        STDIN_NAME
        if piped
        else args.data or f"the bundled dataset {args.dataset or 'china_idc_market'}"
    )

    def announce(series_id: str) -> None:
        # printed once the data is read and the horizon checked: a line announcing a
        # report that then failed on a missing file used to come first
        print(f"Report on {series_id} from {data}, forecast to {args.to}", flush=True)
        if args.scenarios:
            print(f"Scenarios from {args.scenarios}", flush=True)

    command = shlex.join([*_program(), *sys.argv[1:]]) if _called_as_cli() else None
    # (under a test runner sys.argv is the runner's; build_report then says so)
    with (
        table_path(args.data, what="--data") if piped else nullcontext(args.data) as source,
        _unit_said(args),
    ):
        path = build_report(
            data=source,
            series_id=args.series,
            to=args.to,
            scenarios=args.scenarios,
            out=args.out,
            date=args.date,
            seed=args.seed,
            command=command,
            read_options=read_options(args, None if source is None else str(source)),
            gaps=args.gaps,
            method=args.method,
            dataset=args.dataset,
            title=args.title,
            piped=piped,
            on_read=announce,
            claims=args.claims,
        )
    print(f"Wrote the PDF in {time.perf_counter() - started:.1f} s:", flush=True)
    print(path)
    return 0


def _check_spec_is_no_data_file(args: argparse.Namespace) -> None:
    """--scenarios is the scenario spec: a data file there was read as TOML ("not valid
    TOML: Expected '=' after a key"), as ``scenarios FILE`` refuses it."""
    from pathlib import Path

    from idcforecast.cli.scenarios_cmd import DATA_SUFFIXES
    from idcforecast.errors import SpecError

    spec = args.scenarios
    if spec is None or Path(spec).suffix.lower() not in DATA_SUFFIXES:
        return
    fix = (
        f"pass the history as --data {spec}"
        if not args.data
        else f"--data {args.data} is the history"
    )
    from idcforecast.scenarios._spec_files import example_spec

    raise SpecError(
        f"report: --scenarios {spec!r} looks like data, but --scenarios is the scenario spec, "
        f"a TOML file such as {example_spec()}; {fix}, and give a spec or leave out "
        "--scenarios",
        file=spec,
        key="scenarios",
    )


def _called_as_cli() -> bool:
    return len(sys.argv) > 1 and sys.argv[1] == NAME


@contextmanager
def _unit_said(args: argparse.Namespace) -> Iterator[None]:
    """A file stating no unit: its "no unit" error says why the report needs one, where
    forecast and show take the numbers as given."""
    from idcforecast.cli._file_series import unit_needed
    from idcforecast.errors import UnitError

    try:
        yield
    except UnitError as err:
        said = unit_needed(err, args, "report")
        if said is err:
            raise
        raise said from None


def _program() -> list[str]:
    """The program as the user typed it: ``python -m idcforecast`` (the README's spelling:
    ``sys.argv[0]`` is then the package's ``__main__.py``) or the ``idcforecast`` script.
    The appendix's "Command as run" said "idcforecast report" for either."""
    from pathlib import Path

    if Path(sys.argv[0]).name == "__main__.py":
        return ["python", "-m", "idcforecast"]
    return ["idcforecast"]
