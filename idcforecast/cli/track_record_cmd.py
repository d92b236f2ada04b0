"""``idcforecast track-record``: how published level forecasts fared against the actuals."""

from __future__ import annotations

import argparse
import math
from typing import Any

from idcforecast._wording import counted, qualifier_sign
from idcforecast.cli._arg_types import relative_tolerance
from idcforecast.cli._read_options import add_actuals_arguments
from idcforecast.cli.claims_cmd import add_more_files_argument

NAME = "track-record"
HELP = (
    "each published level forecast beside the realised value: error (percent and log), "
    "horizon, under- or overshoot (default: the bundled published forecasts, against the "
    "bundled actuals; --data FILE for your own)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="forecasts as .csv, .xlsx, .xls or .toml claims, '-' for standard input "
        "(default: the bundled published forecasts)",
    )
    add_more_files_argument(parser)
    parser.add_argument(
        "--forecasts-only",
        action="store_true",
        help="leave out figures restated after the fact (horizon < 0; a figure for the "
        "year it was published in is a forecast) and claims without a made date (counted "
        "in a note)",
    )
    parser.add_argument(
        "--tolerance",
        type=relative_tolerance,
        default=0.05,
        metavar="TOL",
        help="how close an exact forecast must come to count as held, as a fraction or a "
        "percent (default 0.05 = 5%%; 0.02 and 2%% are the same)",
    )
    parser.add_argument(
        "--data",
        "--input",
        metavar="FILE",
        help="your own actuals (CSV/Excel, read as idcforecast.read_series reads it; '-': "
        "standard input) instead of the bundled series: a forecast's subject is a series "
        "id of FILE",
    )
    add_actuals_arguments(parser)


def _note_rate_claims(claims: list[Any], file: str) -> None:
    """A ``note:`` line for FILE's growth and CAGR claims, which the track record leaves
    out (it judges levels): they were dropped without a word beside its levels."""
    import sys

    rates = [c for c in claims if c.kind != "level"]
    if rates:
        print(
            f"note: track-record: {counted(len(rates), 'growth or CAGR claim')} of "
            f"{'standard input' if file == '-' else file} "
            "left out (the track record judges levels); check them with idcforecast "
            f"check-claims {file}",
            file=sys.stderr,
        )


def _forecasts_only(record: Any) -> Any:
    """The rows of ``record`` that are forecasts (horizon >= 0), or None when none is, after
    printing why. Claims without a made date (horizon unknown) are left out too, counted in
    a ``note:`` line: they were kept without a word, as if known to be forecasts."""
    import sys

    known = record["forecast"].notna()
    undated = int((~known).sum())
    restated = int((known & ~record["forecast"].fillna(False).astype(bool)).sum())
    kept = record[record["forecast"].fillna(False).astype(bool)]
    if undated:
        print(
            f"note: track-record: {counted(undated, 'level claim')} without a made date left "
            "out by --forecasts-only (whether each was a forecast or a figure restated after "
            "the fact is unknown): give the date each was published in a made column, or "
            "drop --forecasts-only to list them",
            file=sys.stderr,
        )
    if kept.empty:  # the table's header alone said nothing about why
        said = [
            f"{restated} for a year before the one it was made in (a figure restated after "
            "the fact)"
            if restated
            else "",
            f"{undated} without a made date" if undated else "",
        ]
        print(
            f"no forecasts: of the {counted(len(record), 'level claim')}, "
            f"{' and '.join(t for t in said if t)}; drop --forecasts-only to list them"
            if undated
            else f"no forecasts: each of the {restated} level claims is for a year before the "
            "one it was made in (a figure restated after the fact); drop --forecasts-only "
            "to list them"
        )
        return None
    return kept


def _error_sign(r: Any) -> str:
    """The bound mark of an error measured from an actual published as a bound: against
    "more than 650" the true actual may be higher, so 700's error is at most +7.7% ("<
    +7.7%"; it printed "+7.7%", as if 650 were the actual); "" for an exact actual."""
    from idcforecast._wording import qualifier_sign

    flipped = {"at_least": "at_most", "at_most": "at_least"}
    return qualifier_sign(flipped.get(str(r.actual_qualifier), ""))


def run(args: argparse.Namespace) -> int:
    """Print the track record table."""
    from idcforecast.claim_track_record import track_record
    from idcforecast.cli._read_options import check_actuals_options
    from idcforecast.cli.claims_cmd import (
        bundled_claims_about,
        check_claims_workbook,
        check_one_file,
        claims_of_file,
        folder_series_hint,
        format_table,
        note_unused_kw_per_rack,
        own_actuals,
    )

    check_one_file(args, "track-record")
    check_actuals_options(args, "track-record")
    check_claims_workbook(args.file)

    # read once: its rate claims are named below ('-': standard input, before --data)
    claims = None if args.file is None else claims_of_file(args, "track-record")
    actuals = own_actuals(args) if args.data else None  # None: the bundled series
    if claims is None and actuals is not None:  # the bundled forecasts of --data's series
        from idcforecast.datasets import load_dataset

        claims = bundled_claims_about(
            load_dataset("published_forecasts"), actuals, args, "track-record"
        )
    with folder_series_hint(args):
        record = track_record(
            claims, actuals, tolerance=args.tolerance, kw_per_rack=args.kw_per_rack
        )
    if record.empty:  # an empty table said nothing about why
        from idcforecast.errors import SpecError

        raise SpecError(
            f"track-record: {'standard input' if args.file == '-' else repr(args.file)} holds "
            "no level claims; track-record judges "
            "published levels (kind 'level'); check growth and CAGR claims with "
            f"idcforecast check-claims {args.file}",
            key="kind",
            file=args.file,
        )
    if args.file is not None and claims is not None:
        _note_rate_claims(claims, args.file)
    note_unused_kw_per_rack(
        args,
        any(
            bool(p) and _racks_or_power(u)
            for p, u in zip(record["published"], record["unit"], strict=True)
        ),
        "track-record",
    )
    if args.forecasts_only:
        record = _forecasts_only(record)
        if record is None:
            return 0
    rows = []
    marked = False  # some actual shown is derived: the footnote explains the "*"
    converted = []  # claims converted from another currency: footnotes marked "†"
    for r in record.itertuples():
        realised = r.status == "realised"
        derived = realised and bool(r.actual_derived)
        marked = marked or derived
        if r.published:
            how = (
                f"{args.kw_per_rack:g} kW per rack (--kw-per-rack to change)"
                if _racks_or_power(r.unit)
                else f"the {r.year} FX rate"
            )
            converted.append(f"† {r.claim_id}: published as {r.published}, converted at {how}")
        rows.append(
            [
                r.claim_id,
                str(r.made),
                str(r.year),
                "" if r.horizon is None or str(r.horizon) == "<NA>" else str(r.horizon),
                (
                    f"{_claimed(r.low)}-{_claimed(r.high)}{_unit(r.unit)}"  # as published
                    if not math.isnan(r.low)
                    else f"{qualifier_sign(r.qualifier)}{_claimed(r.value)}{_unit(r.unit)}"
                )
                + ("†" if r.published else ""),
                (qualifier_sign(r.actual_qualifier) + _level(r.actual) + ("*" if derived else ""))
                if realised
                else r.status,
                _error_sign(r) + f"{r.error:+.1%}" if realised else "",
                _error_sign(r) + f"{r.log_error:+.3f}"
                if realised and not math.isnan(r.log_error)
                else "",
                r.direction,
                # "open": an actual published as a bound the claim may or may not meet
                _HELD_WORDS.get(r.verdict, "") if realised else "",
            ]
        )
    print(
        format_table(
            [
                "forecast",
                "made",
                "year",
                "h",
                "claimed",
                "actual",
                "error",
                "log err",
                "direction",
                "held",
            ],
            rows,
            right={3, 4, 5, 6, 7},
        )
    )
    still_open = bool((record["verdict"] == "open").any())
    if marked or converted or still_open:
        print()
    if marked:
        print("* derived actual (computed from published figures, not itself published)")
    if still_open:
        print(
            "open: the actual was published as a bound ('more than'), which the claim may "
            "or may not have met; the true value decides"
        )
    for line in converted:
        print(line)
    return 0


_HELD_WORDS = {"held": "yes", "missed": "no", "open": "open"}


def _unit(unit: str) -> str:
    """A unit after a figure: "%" joined ("4.4%", a share), any other after a space."""
    return "%" if unit == "%" else f" {unit}"


def _racks_or_power(unit: str) -> bool:
    """Whether a level in ``unit`` converted from another unit went between racks and power
    (at --kw-per-rack), not between currencies."""
    from idcforecast.units import parse_unit

    return parse_unit(unit).dimension in ("racks", "power")


def _claimed(x: float) -> str:
    """A claimed level as published, as the report's track-record table prints it: its own
    decimals, at least one where four significant digits need it (a level converted from
    another currency, 1,197.83, prints "1,197.8").

    Examples
    --------
    >>> _claimed(3200.0), _claimed(3200.5), _claimed(1197.8347), _claimed(0.36)
    ('3,200', '3,200.5', '1,197.8', '0.36')
    """
    from idcforecast.report._numbers import LevelFormat, claim_text

    return claim_text(x, LevelFormat(decimals=1, short_decimals=0))


def _level(x: float) -> str:
    """A level as the table prints it: one decimal at least, four significant digits
    below 1,000 (a fixed one decimal printed 0.36 GW and 0.44 GW both as "0.4").

    Examples
    --------
    >>> _level(3200.0), _level(74.6), _level(0.36), _level(4043.2176)
    ('3,200.0', '74.6', '0.36', '4,043.2')
    """
    from idcforecast._wording import figure_text

    text = figure_text(x)
    if "." in text:
        text = text.rstrip("0")
        text = text + "0" if text.endswith(".") else text
    return text
