"""``idcforecast check-claims [FILE]``: are a publication's growth claims consistent?

Also holds :func:`format_table`, the plain-text table the claim commands print.
"""

from __future__ import annotations

import argparse
import math
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from idcforecast._claim_verdict_words import verdict_limits
from idcforecast.cli._arg_types import relative_tolerance
from idcforecast.cli._read_options import add_actuals_arguments

NAME = "check-claims"
HELP = (
    "check growth claims for consistency under every reading of their periods, against the "
    "bundled actuals or your own (--data FILE) (default: the seed article's claims on the "
    "CIDC series)"
)
# what exit code 1 means for this command (the others never return it)
FAILED_RESULTS = "a claim set was found inconsistent"
SEED_CLAIM_SET = "global_times_2020_07_07"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="claims as .csv, .xlsx or .xls (published_forecasts columns) or .toml "
        "([[claims]] tables), '-' for standard input; "
        f"default: claim set {SEED_CLAIM_SET!r} of the bundled published forecasts",
    )
    add_more_files_argument(parser)
    parser.add_argument(
        "--all", action="store_true", help="every bundled claim set instead of the seed article's"
    )
    parser.add_argument(
        "--tolerance",
        type=relative_tolerance,
        default=0.01,
        metavar="TOL",
        help="relative gap allowed between two figures, as a fraction or a percent "
        "(default 0.01 = 1%%; 0.02 and 2%% are the same)",
    )
    actuals = parser.add_mutually_exclusive_group()
    actuals.add_argument(
        "--data",
        "--input",
        metavar="FILE",
        help="your own actuals (CSV/Excel, read as idcforecast.read_series reads it; '-': "
        "standard input) instead of the bundled series: a claim's subject is a series id "
        "of FILE",
    )
    actuals.add_argument(
        "--no-history",
        action="store_true",
        help="check the claims against each other only, not against any actuals",
    )
    add_actuals_arguments(parser)


def add_more_files_argument(parser: argparse.ArgumentParser) -> None:
    """Catch files named after FILE (unlisted), for :func:`check_one_file`'s error:
    ``check-claims a.csv b.csv`` ended in argparse's "unrecognized arguments: b.csv",
    which did not say that one file is read at a time."""
    parser.add_argument("more_files", nargs="*", default=[], help=argparse.SUPPRESS)


def check_one_file(args: argparse.Namespace, command: str) -> None:
    """A SpecError for more than one claims FILE, naming the two ways to check them."""
    more = getattr(args, "more_files", [])
    if not more:
        return
    from idcforecast.errors import SpecError

    files = [args.file, *more]
    raise SpecError(
        f"{command}: {len(files)} claims files given ({', '.join(files)}); it reads one "
        f"FILE at a time: run idcforecast {command} once per file, or put their rows in "
        "one file (a claim_set column keeps each publication's claims apart)",
        file=more[0],
    )


def claims_of_file(args: argparse.Namespace, command: str) -> list[Any]:
    """FILE's claims (read with ``--encoding``); ``-`` reads standard input: a CSV, a TOML
    document or a workbook piped in, named "standard input" in errors (it was "claims file
    '-' does not exist"). Both FILE and ``--data`` as ``-`` is a SpecError: one stream."""
    from idcforecast.claims import read_claims
    from idcforecast.cli._stdin_table import STDIN, table_path
    from idcforecast.errors import IdcForecastError, SpecError

    if args.file == STDIN and args.data == STDIN:
        raise SpecError(
            f"{command}: FILE and --data are both '-', and standard input is one stream; "
            "give one of them as a file path (the claims file, or the actuals with --data "
            "FILE)",
            key="data",
            file=STDIN,
        )
    with table_path(args.file, what="FILE", toml=True) as path:
        try:
            return read_claims(path, encoding=args.encoding)
        except IdcForecastError as err:
            if args.file != STDIN:
                raise
            said = err.message.replace(repr(str(path)), "'-' (standard input)")
            fields = {key: getattr(err, key) for key in err.fields}
            raise type(err)(said.replace(str(path), "standard input"), **fields) from err


def own_actuals(args: argparse.Namespace) -> Any:
    """The ``--data FILE`` actuals as a tidy frame (``read_series`` with the read options,
    only series ``--series`` when it is given); ``--data -`` reads standard input, as
    ``show`` and ``forecast`` do (it was "-: no such file")."""
    from idcforecast.cli._read_options import read_user_file

    return read_user_file(args, args.data)


@contextmanager
def folder_series_hint(args: argparse.Namespace) -> Iterator[None]:
    """An UnknownSubjectError for a claim about a series a ``--data FOLDER`` read without
    ``--series`` does not hold (each file a series named after it) also says that
    ``--series SUBJECT`` joins the folder's files into that series: the error asked to
    rename the claims' subject after one file."""
    import shlex
    from pathlib import Path

    from idcforecast.errors import UnknownSubjectError

    try:
        yield
    except UnknownSubjectError as err:
        if args.data is None or args.series is not None or not Path(args.data).is_dir():
            raise
        fields = {key: getattr(err, key) for key in err.fields}
        subject = getattr(err, "subject", None)
        # quoted for the shell: "--series China IDC" split into two arguments
        series = shlex.quote(subject) if subject else "SUBJECT"
        raise UnknownSubjectError(
            f"{err.message}; or, if the files of folder {args.data} are one series split "
            f"over them, join them into it with --series {series}",
            **fields,
        ) from None


def check_claims_workbook(file: str | None) -> None:
    """A SpecError for a claims FILE named like a workbook that is none (a CSV saved as
    '.xls', a damaged '.xlsx'): pandas' "Excel file format cannot be determined" was a
    traceback. The claims reader checks it too (:func:`_claim_files.check_workbook`);
    checked here before other work of the command."""
    from pathlib import Path

    from idcforecast._claim_files import check_workbook

    if file is None or Path(file).suffix.lower() not in (".xlsx", ".xlsm", ".xls"):
        return
    if Path(file).is_file():  # the reader names a missing file
        check_workbook(Path(file))


def bundled_claims_about(claims: Any, actuals: Any, args: argparse.Namespace, command: str) -> Any:
    """The bundled ``claims`` whose subject is a series of the ``--data`` ``actuals``.

    The bundled claims are about several series (CIDC, CAICT, IDC Corp...); a file of your
    own actuals holds some of them. Claims about the others have nothing to be checked
    against: they are left out with a ``note:`` line, instead of stopping the command at
    the first one (which asked to change the subject of a claim the user did not write).
    """
    import sys

    from idcforecast.errors import SpecError

    ids = list(dict.fromkeys(actuals["series_id"]))
    about = claims["subject"].isin(ids)
    if not about.any():
        subjects = ", ".join(dict.fromkeys(claims["subject"]))
        raise SpecError(
            f"{command}: no bundled claim is about a series of --data {args.data} (its "
            f"series: {', '.join(ids)}); the bundled claims are about {subjects}: name your "
            "file's series after one of them (--series ID), or give your own claims as FILE",
            file=args.data,
        )
    left_out = claims.loc[~about, "subject"]
    if len(left_out):
        counts = left_out.value_counts(sort=False)
        named = ", ".join(f"{sid} ({n})" for sid, n in counts.items())
        print(
            f"note: {command}: bundled claims left out, about series --data {args.data} does "
            f"not hold: {named}",
            file=sys.stderr,
        )
    return claims[about]


def note_unused_kw_per_rack(args: argparse.Namespace, used: bool, command: str) -> None:
    """A ``note:`` line for ``--kw-per-rack`` that converted nothing (no level in power
    against racks, or the reverse), as the cagr command says it: it was ignored in silence.
    Not with ``--data``, which it may have served in reading."""
    import sys

    from idcforecast.units.convert import DEFAULT_KW_PER_RACK

    if used or args.data is not None or args.kw_per_rack == DEFAULT_KW_PER_RACK:
        return
    print(
        f"note: {command}: --kw-per-rack {args.kw_per_rack:g} is not used: it serves a "
        "conversion between racks and power, and no level claim is in power against "
        "racks or the reverse; drop it",
        file=sys.stderr,
    )


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: set[int]) -> str:
    """Align text cells in columns; columns whose index is in ``right`` align right.

    Widths are terminal columns (a CJK character takes two), so a claim id such as
    "科智/规模2022" does not push the rest of its row out of line.
    """
    from idcforecast.cli._text import display_width

    widths = [max(display_width(str(c)) for c in col) for col in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, (c, w) in enumerate(zip(cells, widths, strict=True)):
            pad = " " * (w - display_width(str(c)))
            out.append(pad + str(c) if i in right else str(c) + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def _num(x: Any) -> str:
    from idcforecast._wording import figure_text

    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else figure_text(x)


def _computed(x: Any, r: Any) -> str:
    """A level computed for reading ``r`` (an implied base or end) to the significant digits
    of the levels it comes from (:func:`idcforecast._claim_positions.computed_num`)."""
    from idcforecast._claim_positions import computed_num

    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    return computed_num(x, r.reference_base, r.claimed_end, r.actual_end)


def _end_text(r: Any) -> str:
    """The end year's actual, with its year and how it was published ("3,012.7 (2021)",
    "> 650.0 (2022)", "4,043.2 (2022, derived)"); "" when there is none."""
    from idcforecast._wording import qualifier_sign

    if math.isnan(r.actual_end):
        return ""
    import pandas as pd

    flag = r.actual_end_derived
    derived = ", derived" if not pd.isna(flag) and bool(flag) else ""
    sign = qualifier_sign(r.actual_end_qualifier)
    return f"{sign}{_num(r.actual_end)} ({r.end_year}{derived})"


def _pct(x: Any) -> str:
    return "" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:+.1%}"


def _bounded(text: str, qualifier: str) -> str:
    """A table figure with the mark of its bound: "> 1,550.4" (a floor), "any" (no bound)."""
    from idcforecast._wording import qualifier_sign

    if not text:
        return text
    return "any" if qualifier == "unbounded" else qualifier_sign(qualifier) + text


def _implied_rate_text(r: Any) -> str:
    """The implied CAGR: the interval of rates when a level is a range ("34.0% to 51.9%";
    the midpoint's rate, 42.9%, was shown as if the levels gave one), else the rate with
    its bound sign."""
    if not math.isnan(r.implied_rate_low):
        return f"{r.implied_rate_low:.1%} to {r.implied_rate_high:.1%}"
    if math.isnan(r.implied_rate):
        return ""
    return _bounded(f"{r.implied_rate:.1%}", r.implied_rate_qualifier)


def _implied_base_text(r: Any) -> str:
    """The implied base of a reading; for a range, the interval the claims allow ("224.1
    to 238.1"; a figure from the range's midpoint was shown, and against an actual the
    allowed base nearest it: "1,562.5" beside the actual 1,562.5, as if the claims implied
    that very figure, for bases of 1,456.5 to 1,740.8; the gap column measures from it)."""
    base_range = not (math.isnan(r.claimed_end) or math.isnan(r.implied_low))
    if base_range:
        return f"{_computed(r.implied_low, r)} to {_computed(r.implied_high, r)}"
    return _bounded(_computed(r.implied_base, r), r.implied_qualifier)


def _verdict(value: Any) -> str:
    import pandas as pd

    if value is pd.NA or value is None:
        return "undetermined"
    return "yes" if bool(value) else "no"


def _reading_verdict(r: Any) -> str:
    """A reading's ``fits`` cell: "yes", "no", "undetermined", or "within bound" for a fit
    against an actual published only as a bound ("more than 520"), which other rates meet
    as well."""
    from idcforecast._claim_positions import bound_actuals

    verdict = _verdict(r.fits)
    return "within bound" if verdict == "yes" and bound_actuals(r) else verdict


def _checked_words(checked: str, fits: str) -> str:
    """What the verdict rests on when a rate claim was not checkable: ", checked: stated
    2021 level" ("consistent yes" beside a growth claim that nothing could check read as
    if the rate had been checked too); ", nothing checked" for no verdict at all."""
    if not checked:
        return ", nothing checked"
    return f", checked: {checked.replace('; ', ', ')}" if "not checkable" in fits else ""


def run(args: argparse.Namespace) -> int:
    """Print one block per claim set: the verdict, every reading, the explanation."""
    from idcforecast.claim_checks import checked_claims
    from idcforecast.cli._read_options import check_actuals_options

    check_one_file(args, "check-claims")
    check_actuals_options(args, "check-claims")
    check_claims_workbook(args.file)
    if args.file is not None:
        if args.all:
            from idcforecast.errors import SpecError

            raise SpecError("check-claims: --all picks bundled claim sets; drop it with FILE")
        # read once: FILE's notes (a rate that may be a fraction) were printed twice
        claims: Any = claims_of_file(args, "check-claims")
    else:
        from idcforecast.datasets import load_dataset

        claims = load_dataset("published_forecasts")
        if not args.all:
            claims = claims[claims["claim_set"] == SEED_CLAIM_SET]
    history = None if args.no_history else own_actuals(args) if args.data else "bundled"
    if args.file is None and args.data:
        claims = bundled_claims_about(claims, history, args, "check-claims")
    from idcforecast.claims import read_claims

    claims = read_claims(claims)  # the bundled claims are a frame (FILE's a list already)
    # one check gives both (the claims were checked twice), each set's readings found once
    # (a filter of every reading per set was quadratic: 1,000 sets took 12 s in all)
    with folder_series_hint(args):
        summary, readings = checked_claims(
            claims, history=history, tolerance=args.tolerance, kw_per_rack=args.kw_per_rack
        )
    from idcforecast._claim_explain import tuples
    from idcforecast._claim_history import rack_conversion

    keys = zip(summary["claim_set"], summary["subject"], strict=True)
    units = dict(zip(keys, summary["unit"], strict=True))
    note_unused_kw_per_rack(
        args,
        any(
            rack_conversion(c.unit, units.get((c.claim_set, c.subject)))
            for c in claims
            if c.kind == "level"
        ),
        "check-claims",
    )

    by_set: dict[tuple[str, str], list[Any]] = {}
    for reading in tuples(readings):
        by_set.setdefault((reading.claim_set, reading.subject), []).append(reading)
    from idcforecast._claim_rate_currency import currency_said_once

    # "The rates are measured in CNY, ..." said once after the blocks when several sets
    # say it (it was printed in full in each, as the report said it before claims57)
    explanations, said_once = currency_said_once(
        [name or "(none)" for name in summary["claim_set"].fillna("").astype(str)],
        summary["explanation"].astype(str).tolist(),
    )
    blocks = []
    for row, explanation in zip(summary.itertuples(), explanations, strict=True):
        mine = by_set.get((row.claim_set, row.subject), [])
        head = [
            # no unit without history and level claims: "[subject, None]" was printed
            f"claim set   {row.claim_set or '(none)'}  [{row.subject}, "
            f"{row.unit if isinstance(row.unit, str) and row.unit else 'no unit'}]",
            f"claims      {row.claims}",
            f"consistent  {_verdict(row.consistent)}"
            # a "yes" whose every fit compares with a derived level is not published
            # evidence; one against actuals published as bounds: other rates meet them too
            + "".join(
                f", {limit}"
                for limit in verdict_limits(row.derived_only, row.bound_only, row.checked)
            )
            + f" (tolerance {args.tolerance:.1%})"
            + _checked_words(row.checked, row.fits)
            + (f"; readings that fit: {row.fits}" if row.fits else ""),
        ]
        # a rate claim without a claimed end level is checked at its end year: the level it
        # implies there and the actual, which the gap compares (the table showed the gap
        # beside the base year's actual alone, as if the base were off)
        ends = any(not math.isnan(r.implied_end) for r in mine)
        table = format_table(
            ["claim", "reading", "implied base", "reference"]
            + (["implied end", "actual end"] if ends else [])
            + ["gap", "implied CAGR", "fits"],
            [
                [
                    r.claim,
                    r.reading,
                    _implied_base_text(r),
                    f"{_num(r.reference_base)} ({r.reference})" if r.reference else "",
                    *(
                        [
                            _bounded(_computed(r.implied_end, r), r.implied_qualifier)
                            if not math.isnan(r.implied_end)
                            else "",
                            _end_text(r),
                        ]
                        if ends
                        else []
                    ),
                    _pct(r.gap),
                    _implied_rate_text(r),
                    _reading_verdict(r),
                ]
                for r in mine
            ],
            right={2, 4, 5, 6, 7} if ends else {2, 4, 5},
        )
        text = textwrap.fill(explanation, width=92, initial_indent="", subsequent_indent="")
        blocks.append("\n".join([*head, "", table if mine else "(no rate claims)", "", text]))
    if said_once:
        blocks.append(textwrap.fill(said_once, width=92))
    print("\n\n".join(blocks))
    from idcforecast.cli._exit import results_status  # 1 when a claim set is inconsistent

    return results_status(int((~summary["consistent"]).fillna(False).sum()))
