"""``idcforecast show``: a bundled series, normalized, with growth and the source of each value.

The README's main job until the report exists. By default it prints the China IDC market in
CIDC's overall scope (series ``china_idc_cidc_overall``), in 亿元 ("CNY 100m").
"""

from __future__ import annotations

import argparse
import itertools
import textwrap
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from idcforecast._wording import FX_CONVERTED, FX_GROWTH, qualifier_sign

if TYPE_CHECKING:
    import pandas as pd

NAME = "show"
HELP = (
    "print a bundled series (default: China IDC market, CIDC overall scope) or a series of "
    "your own file (--data) with year-on-year growth, derived rows flagged and the source of "
    "every number"
)
DEFAULT_DATASET = "china_idc_market"
DEFAULT_SERIES = "china_idc_cidc_overall"
_WIDTH = 100


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    from idcforecast.cli._read_options import add_read_arguments

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
        help="your own CSV or Excel file (or a folder of them, joined; '-': standard input), "
        "read as "
        "idcforecast.read_series reads it: each value with its source, conversions and notes "
        "(--input: the same)",
    )
    parser.add_argument(
        "--series",
        default=None,
        metavar="ID",
        help=f"series id (default {DEFAULT_SERIES}, or the data's first series)",
    )
    add_read_arguments(parser, file_option="--data")


def run(args: argparse.Namespace) -> int:
    """Print the series table, its footnotes and the other series of the dataset or file."""
    if args.data is not None:
        from idcforecast.cli._file_series import without_units
        from idcforecast.cli._read_options import read_options
        from idcforecast.cli._stdin_table import STDIN, STDIN_NAME, table_path
        from idcforecast.errors import IdcForecastError, UnitError
        from idcforecast.io import read_series

        folder = Path(args.data).is_dir()
        # a folder's files are joined into series: --series names the unnamed ones in each
        chosen = args.series if folder else None
        with table_path(args.data, what="--data") as path:  # '-': standard input
            options = {
                "source_name": STDIN_NAME if args.data == STDIN else None,
                **read_options(args, str(path)),
            }
            alone = False
            with warnings.catch_warnings(record=True) as notes:
                warnings.simplefilter("always")
                bare = None
                try:
                    frame = read_series(path, series_id=chosen, **options)
                except IdcForecastError as err:
                    # a file stating no unit anywhere: shown as forecast and forecast-many
                    # read it (was refused, "no unit for this series", where they accept it)
                    if isinstance(err, UnitError) and args.unit is None and not folder:
                        bare = without_units(args, path, options["source_name"], "show")
                    # another series of the file (in % beside your 亿元) cannot take --unit:
                    # the series asked for is read alone, as forecast --series reads it
                    other = getattr(err, "series_id", None)
                    if bare is not None:
                        frame = bare
                    elif folder or args.series is None or other in (None, args.series):
                        raise
                    else:
                        alone = True
            if alone:  # (its notes said again by the reading of the one series)
                frame = read_series(path, series_id=args.series, **options)
            else:
                for note in notes:
                    warnings.showwarning(note.message, note.category, note.filename, note.lineno)
        label = (
            STDIN_NAME if args.data == STDIN else f"{'folder' if folder else 'file'} {args.data}"
        )
        print(render(frame=frame, label=label, series_id=args.series))
        return 0
    from idcforecast.cli._read_options import check_no_file_options

    check_no_file_options(args, "show")  # --unit converts the bundled rows (render)
    dataset = args.dataset or DEFAULT_DATASET
    print(
        render(dataset=dataset, series_id=args.series, unit=args.unit, kw_per_rack=args.kw_per_rack)
    )
    return 0


def render(
    *,
    dataset: str = DEFAULT_DATASET,
    series_id: str | None = None,
    unit: str | None = None,
    frame: pd.DataFrame | None = None,
    label: str | None = None,
    kw_per_rack: float | None = None,
) -> str:
    """The text ``idcforecast show`` prints: of bundled ``dataset``, or of ``frame`` (a
    :func:`idcforecast.read_series` result, already in its unit) named ``label``;
    ``kw_per_rack`` converts racks and power for ``unit`` (default 2.5 kW, said in the
    title: ``show --unit MW --kw-per-rack 5`` printed the 2.5 kW figures and no kW at all).

    Examples
    --------
    >>> text = render()
    >>> "1,562.5" in text and "+27.2%" in text  # 1562.5 / 1228 - 1 = 27.24%
    True
    """
    from idcforecast.datasets import load_dataset

    if frame is None:
        frame = load_dataset(dataset)
        label = f"dataset {dataset}"
    label = label or "the data"
    if "series_id" not in frame.columns:
        from idcforecast.errors import DataError

        raise DataError(
            f"show: dataset {dataset!r} holds claims, not series; expected a series dataset "
            f"(see idcforecast datasets); print it with: idcforecast datasets {dataset}",
            dataset=dataset,
        )
    ids = list(dict.fromkeys(frame["series_id"]))
    bundled_default = label == f"dataset {DEFAULT_DATASET}"
    chosen = series_id or (DEFAULT_SERIES if bundled_default else ids[0])
    if chosen not in ids:
        _unknown_series(chosen, dataset, ids, label)
    rows = frame[frame["series_id"] == chosen].sort_values("year").reset_index(drop=True)
    source_unit = rows["unit"].iloc[0]
    from idcforecast._normalize import conversion_in
    from idcforecast.report._growth import change_unit
    from idcforecast.units import canonical_unit
    from idcforecast.units.convert import changes_currency

    target = source_unit if unit is None else canonical_unit(unit)
    from idcforecast.units import DEFAULT_KW_PER_RACK

    kw = DEFAULT_KW_PER_RACK if kw_per_rack is None else float(kw_per_rack)
    values = _converted(rows, source_unit, target, kw)
    # values a reader converted (a file's 万元, USD rows) print like converted ones, and
    # FX conversions made while reading say that growth includes exchange-rate moves
    read_conversions = [c[1] for note in rows["note"] if (c := conversion_in(note)) is not None]
    fx_read = any("FX rate" in text for text in read_conversions)
    # changes in points for a series in % that may be a share; one once past 100% is a
    # ratio whose growth is a rate (the report's and scenario_table's rule, _shares)
    finite = [v for v in values if v == v]
    peak = max(finite) if finite else None
    points = change_unit(target, peak)
    from idcforecast._shares import may_be_share, percent_factor

    # a share in 成 (tenths) printed growth rates ("+9.8%" for 5.1 -> 5.6 成), which the
    # report stopped giving it: its changes are in percentage points, 1 成 = 10 pp
    per_unit = 1.0
    if points is None and percent_factor(target) == 10.0 and may_be_share(target, peak):
        points, per_unit = "pp", 10.0
    return "\n".join(
        [
            _title(rows, label, target, source_unit, kw),
            "",
            _table(
                rows,
                values,
                converted=target != source_unit or bool(read_conversions),
                points=points,
                per_unit=per_unit,
                # across currencies: no more digits than the figures were published with
                published=(
                    rows["value"].tolist() if changes_currency(source_unit, target) else None
                ),
            ),
            "",
            *_footnotes(
                rows,
                values,
                changes_currency(source_unit, target) or fx_read,
                _user_rates(rows, source_unit, target),
                points=points,
                per_unit=per_unit,
                notes_unit="" if target == source_unit else source_unit,
            ),
            *_others(frame, label, chosen),
        ]
    )


def _unknown_series(chosen: str, dataset: str, ids: list[str], label: str) -> None:
    from idcforecast.datasets import _did_you_mean, elsewhere_hint
    from idcforecast.errors import UnknownSeriesError

    bundled = label == f"dataset {dataset}"
    hint = (bundled and elsewhere_hint(chosen, dataset)) or _did_you_mean(chosen, ids)
    where = f"dataset {dataset!r}" if bundled else label
    raise UnknownSeriesError(
        f"show: series {chosen!r} is not in {where};{hint} expected one of: {', '.join(ids)}",
        series_id=chosen,
        dataset=dataset,
    )


def _converted(rows: pd.DataFrame, source_unit: str, target: str, kw: float) -> list[float]:
    from idcforecast.units import conversion_factor

    if target == source_unit:
        return rows["value"].tolist()
    return [
        value * conversion_factor(source_unit, target, year=int(year), kw_per_rack=kw)
        for year, value in zip(rows["year"], rows["value"], strict=True)
    ]


def _user_rates(rows: pd.DataFrame, source_unit: str, target: str) -> list[str]:
    """Footnotes naming the rates of a ``--unit`` conversion between currencies: the years
    whose rate came from a user FX file (``--fx-rates``), and each bundled rate with its year
    and source. The footnote said only "converted with each year's FX rate": which rate, and
    whose, was nowhere on the screen.

    Examples
    --------
    >>> import pandas as pd
    >>> _user_rates(pd.DataFrame({"year": [2019, 2020]}), "CNY 100m", "USD bn")[0][-45:]
    'table): 2019 6.9081, 2020 6.9042 CNY per USD.'
    >>> _user_rates(pd.DataFrame({"year": [2019]}), "CNY 100m", "CNY bn")
    []
    """
    from idcforecast.units.convert import changes_currency, fx_file_between
    from idcforecast.units.fx import bundled_fx_source, fx_rate
    from idcforecast.units.registry import parse_unit

    if not changes_currency(source_unit, target):
        return []
    by_file: dict[str, list[str]] = {}
    bundled: list[tuple[int, float]] = []
    theirs, ours = parse_unit(source_unit).currency or "", parse_unit(target).currency or ""
    for year in rows["year"]:
        if origin := fx_file_between(source_unit, target, year=int(year)):
            by_file.setdefault(origin, []).append(str(year))
        else:
            bundled.append((int(year), fx_rate(theirs, ours, year=int(year))))
    lines = [
        f"FX rates of {', '.join(years)} from {origin} (--fx-rates)."
        for origin, years in by_file.items()
    ]
    if bundled:
        # quoted in the direction that reads above 1, as markets quote it (CNY per USD)
        inverse = bundled[0][1] < 1
        pair = f"{theirs} per {ours}" if inverse else f"{ours} per {theirs}"
        rates = ", ".join(f"{y} {1 / r if inverse else r:,.4f}" for y, r in bundled)
        sources = dict.fromkeys(bundled_fx_source(theirs, ours, year=y) for y, _ in bundled)
        lines.append(
            f"FX rates (annual averages, {'; '.join(sources)}, the bundled table): {rates} {pair}."
        )
    return lines


def _title(rows: pd.DataFrame, label: str, target: str, source_unit: str, kw: float) -> str:
    years = rows["year"].tolist()
    gaps = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    from idcforecast.cli._text import unit_words
    from idcforecast.units import parse_unit

    # between racks and power, the kW per rack the figures rest on (was not said)
    at = (
        f" at {kw:g} kW per rack, --kw-per-rack to change"
        if target
        and source_unit
        and target != source_unit
        and {parse_unit(target).dimension, parse_unit(source_unit).dimension} == {"racks", "power"}
        else ""
    )
    # a series read in 成 says so ("unit: tenths" named a unit no source uses)
    unit_text = (
        unit_words(target)
        if target == source_unit
        else f"{unit_words(target)} (converted from {unit_words(source_unit, inside=True)}{at})"
    )
    if not target:  # a file stating no unit, shown as given (was "unit:   ·")
        unit_text = "none stated (the numbers as given; --unit UNIT names it)"
    lines = [
        f"{rows['series_id'].iloc[0]}  ·  {label}  ·  scope "
        f"{rows['scope'].iloc[0] or 'not stated'}",
        f"unit: {unit_text}  ·  {_span(years)}"
        + (f"  ·  not published: {', '.join(map(str, gaps))}" if gaps else ""),
    ]
    return "\n".join(lines)


def _span(years: list[int]) -> str:
    if len(years) == 1:
        return f"1 year {years[0]}"
    return f"{len(years)} years {years[0]}-{years[-1]}"


def _table(
    rows: pd.DataFrame,
    values: list[float],
    *,
    converted: bool,
    points: str | None = None,
    per_unit: float = 1.0,
    published: list[float] | None = None,
) -> str:
    """The table of a series; ``points`` ("pp", "bp") when its changes are differences in
    that unit (a series in percent: a share's growth rate would read as the growth of what
    it is a share of; 1.5% -> 1.6% is +0.1 pp, not +6.7%); ``per_unit`` points in one unit
    of the series (10 for 成). ``published``: the figures as published, when ``values`` are
    them in another currency: each value is shown to its figure's significant digits (210.5
    亿元 at the 2012 FX rate is "3,336,000,000" USD, not "3,336,344,761")."""
    import pandas as pd

    from idcforecast._rounding import significant_digits, to_significant_digits
    from idcforecast.cli._text import text_table
    from idcforecast.growth import yoy

    growth = {}
    positive = all(v > 0 for v in values)
    if len(values) > 1 and points is not None:
        growth = _point_changes(rows, values, points, per_unit)
    elif len(values) > 1 and positive:
        table = yoy(pd.Series(values, index=rows["year"].tolist()))
        qualifiers = dict(zip(rows["year"], rows["qualifier"], strict=True))
        for rec in table.to_dict("records"):
            rate = _growth_text(rec["yoy"], qualifiers[rec["from_year"]], qualifiers[rec["year"]])
            if rec["annualized"] and rate != UNBOUNDED:
                rate += f"/yr over {rec['years_apart']}y"
            growth[rec["year"]] = rate
    digits: list[int | None] = [None] * len(values)
    if published is not None:
        published_digits = [significant_digits(figure) for figure in published]
        values = [
            to_significant_digits(value, n)
            for value, n in zip(values, published_digits, strict=True)
        ]
        digits = list(published_digits)
    # published values print with all their decimals (an FX rate has four); converted ones
    # with at most three, which is finer than any source quotes them
    decimals = min(3 if converted else 10, max(_decimals(v) for v in values))
    body = []
    for rec, value, n in zip(rows.to_dict("records"), values, digits, strict=True):
        body.append(
            [
                str(rec["year"]),
                qualifier_sign(rec["qualifier"]) + _aligned(value, decimals, n),
                growth.get(rec["year"], ""),
                "derived" if rec["derived"] else "",
                rec["confidence"],
                rec["source"],
            ]
        )
    header = ["year", "value", "growth" if points is None else "change", "flag", "confidence",
              "source"]  # fmt: skip
    return text_table(header, body, right=[1, 2])


def _aligned(value: float, decimals: int, digits: int | None) -> str:
    """``value`` with ``decimals`` decimals, or, when that would show more than its
    ``digits`` significant digits, with fewer and spaces where the others would be: the
    column stays aligned on the point and a converted 946.1 亿元 (four digits) prints
    "14.00 " USD bn, not "14.000" beside 3.336 (a fifth digit the figure never had).

    Examples
    --------
    >>> _aligned(14.0, 3, 4), _aligned(3.336, 3, 4), _aligned(10.76, 3, 4)
    ('14.00 ', '3.336', '10.76 ')
    >>> _aligned(3336000000.0, 0, 4), _aligned(14.0, 3, None), _aligned(40.0, 1, 1)
    ('3,336,000,000', '14.000', '40  ')
    """
    import math

    from idcforecast._rounding import half_up

    if digits is None or not math.isfinite(value) or value == 0:
        return half_up(value, decimals)
    own = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    if own >= decimals:
        return half_up(value, decimals)
    return half_up(value, own) + " " * (decimals - own + (1 if own == 0 else 0))


def _point_changes(
    rows: pd.DataFrame, values: list[float], points: str, per_unit: float = 1.0
) -> dict[object, str]:
    """Each year's change from the year before, in ``points`` ("+0.4 pp"; ``per_unit``
    points in one unit of the series: 5.1 -> 5.6 成 is +5.0 pp), marked as the bound it is
    (a difference rises with the end and falls with the start, as a growth rate does);
    across a gap, the change a year ("+0.2 pp/yr over 2y")."""
    from idcforecast._rounding import signed_half_up
    from idcforecast.growth_bounds import _rate_qualifier

    years = [int(y) for y in rows["year"]]
    qualifiers = list(rows["qualifier"])
    decimals = max(1, min(3, max(_decimals(v) for v in values)))
    out = {}
    for i in range(1, len(values)):
        apart = years[i] - years[i - 1]
        change = (values[i] - values[i - 1]) * per_unit / apart
        joint = _rate_qualifier(qualifiers[i - 1], qualifiers[i])
        text = (
            UNBOUNDED
            if joint is None
            else qualifier_sign(joint[0]) + f"{signed_half_up(change, decimals)} {points}"
        )
        if apart > 1 and joint is not None:
            text += f"/yr over {apart}y"
        out[rows["year"].iloc[i]] = text
    return out


# the growth between two figures bounded the same way ("> 1,500" then "> 2,200")
UNBOUNDED = "n/a"


def _growth_text(rate: float, start: str, end: str) -> str:
    """A year's growth from a level qualified ``start`` to one qualified ``end``, marked as
    the bound it is: the rate rises with the end and falls with the start, so "> 2,200"
    then 2,407 is at most +9.4% ("< +9.4%"), and two lower bounds bound nothing
    (:data:`UNBOUNDED`; it was printed as a plain +46.7%).

    Examples
    --------
    >>> _growth_text(0.094, "at_least", "exact"), _growth_text(0.3, "exact", "at_least")
    ('< +9.4%', '> +30.0%')
    >>> _growth_text(0.467, "at_least", "at_least"), _growth_text(0.1, "approximately", "")
    ('n/a', '~ +10.0%')
    """
    from idcforecast._rounding import signed_half_up
    from idcforecast.growth_bounds import _rate_qualifier

    text = f"{signed_half_up(rate * 100, 1)}%"
    joint = _rate_qualifier(start, end)
    if joint is None:
        return UNBOUNDED
    return qualifier_sign(joint[0]) + text


def _decimals(value: float) -> int:
    text = f"{value:.10g}"
    return len(text.split(".")[1]) if "." in text and "e" not in text else 0


def _footnotes(
    rows: pd.DataFrame,
    values: list[float],
    fx: bool,
    user_rates: list[str] | None = None,
    *,
    points: str | None = None,
    per_unit: float = 1.0,
    notes_unit: str = "",
) -> list[str]:
    in_points = points if per_unit == 1.0 else f"{points}, 1 成 = {per_unit:g} {points}"
    known = [int(y) for y, v in zip(rows["year"], values, strict=True) if v == v]
    word = "growth" if points is None else "change"
    # '/yr over Ny' is printed across a gap only: a series without one was told of it
    gap = any(later - year > 1 for year, later in itertools.pairwise(known))
    lines = [
        # a one-year series explained a growth column it leaves empty
        f"{word}: none; it needs two years of figures and the series has "
        + (f"one ({known[0]})." if known else "none.")
        if len(known) < 2
        else "growth: year-on-year between consecutive years"
        + (
            "; '/yr over Ny' is the compound annual rate across a gap (no published year in "
            "between), not an observed change."
            if gap
            else "."
        )
        if points is None
        else f"change: the difference from the year before, in {in_points} (a growth rate of a "
        "percentage would read as the growth of what it is a share of)"
        + (
            "; '/yr over Ny' is the change a year across a gap (no published year in between)."
            if gap
            else "."
        )
    ]
    if rows["derived"].any():
        lines.append("derived: not published; computed from sourced figures (how: notes below).")
    if (rows["qualifier"] != "exact").any():
        lines.append(
            "'>' at least, '<' at most, '~' about: the source gives a bound; growth from or to "
            "a bound is itself only a bound, marked the same way ('n/a' between two bounds on "
            "the same side, which bound nothing)."
        )
    if fx:
        lines.append(
            " ".join(
                [
                    f"{FX_CONVERTED}, each value to its published figure's significant digits; "
                    f"{FX_GROWTH}.",
                    *(user_rates or []),
                ]
            )
        )
    if points is None and not all(v > 0 for v in values):
        lines.append("growth not shown: it is undefined for levels at or below zero.")
    lines = [textwrap.fill(line, _WIDTH, subsequent_indent="  ") for line in lines]
    notes = [(rec["year"], rec["note"]) for rec in rows.to_dict("records") if rec["note"]]
    if notes:
        from idcforecast.cli._text import note_words, unit_words

        # shown in USD bn, "2014  not published; ... = 518.6 / 1.393 = 372.29" sat under
        # 6.042 without a word that its figures are the CNY 100m published
        published = f" (figures as published, in {unit_words(notes_unit)})" if notes_unit else ""
        lines += ["", f"notes{published}:"]
        for year, note in notes:  # "converted from 'tenths'": 成 (tenths), as the title says
            lines.append(
                textwrap.fill(
                    note_words(note),
                    _WIDTH,
                    initial_indent=f"  {year}  ",
                    subsequent_indent=" " * 8,
                )
            )
    return lines


def _others(frame: pd.DataFrame, label: str, chosen: str) -> list[str]:
    others = []
    for sid, group in frame.groupby("series_id", sort=False):
        if sid != chosen:
            years = group["year"]
            span = (
                str(years.min()) if years.min() == years.max() else f"{years.min()}-{years.max()}"
            )
            scope = group["scope"].iloc[0] or "scope not stated"
            others.append(f"  {sid} ({scope}, {span})")
    if not others:
        return []
    joined = (  # each file a series named after it: the files of one market split by years
        [
            textwrap.fill(
                "one series split over the folder's files? --series NAME joins them (a file "
                "without a series_id column is read as series NAME)",
                _WIDTH,
                subsequent_indent="  ",
            )
        ]
        if label.startswith("folder ")
        else []
    )
    return [
        "",
        f"other series in {label} (never mixed into this one; show with --series ID):",
        *others,
        *joined,
    ]
