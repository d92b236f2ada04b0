"""``idcforecast cagr START END --years N`` (or ``START END N``): the compound annual growth
rate between two figures."""

from __future__ import annotations

import argparse
import re
from decimal import Decimal
from typing import Any

from idcforecast.cli._arg_types import compounding_steps

NAME = "cagr"
HELP = (
    "compound annual growth rate from START to END over N compounding steps; START and END "
    "are numbers or figures like '1562.5亿元' or '320 billion yuan'"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument("start", metavar="START", help="start level: 1562.5 or '1,562.5亿元'")
    parser.add_argument("end", metavar="END", help="end level: 3200.5 or '320 billion yuan'")
    parser.add_argument(
        "steps",
        nargs="?",
        type=compounding_steps,
        default=None,
        metavar="N",
        help="the compounding steps, as --years N ('cagr 1562.5 3200.5 3', the order of "
        "Python's cagr(start, end, years))",
    )
    # more numbers after N (unlisted) and --years "append", so that a second number of
    # steps anywhere ("--years 3 4", "3 4", "--years 3 --years 4") reaches _steps_given's
    # error: argparse said "unrecognized arguments: 4", or the last --years won in silence
    parser.add_argument(
        "more_steps", nargs="*", type=compounding_steps, default=[], help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--years",
        type=compounding_steps,
        action="append",
        default=None,
        metavar="N",
        help="compounding steps, a number (from the 2019 level to the 2022 level is 3; a "
        "period such as 2019-2022 is refused with the steps it spans)",
    )
    parser.add_argument(
        "--fx-year",
        type=int,
        default=None,
        metavar="YEAR",
        help="when START and END are in different currencies: convert END into START's "
        "currency at this year's annual-average FX rate; START's year gives the growth in "
        "END's currency (no exchange-rate move), END's year the growth in START's currency "
        "(with it)",
    )
    parser.add_argument(
        "--kw-per-rack",
        type=float,
        default=None,
        metavar="KW",
        help="kW per standard rack, when one of START and END is racks and the other power "
        "(default 2.5)",
    )


def _figure(text: str) -> Any:
    """A plain number as a float, anything else as a Quantity.

    Thousands separators are read as :func:`idcforecast.parse_quantity` reads them: a
    comma must separate groups of three digits, so a decimal comma ("1,5", "3.200,5") is
    an error, never 15 or 3.2005 (the comma was dropped before).

    Examples
    --------
    >>> _figure("1,562.5"), _figure("1e3")
    (1562.5, 1000.0)
    """
    from idcforecast.units import parse_quantity

    try:
        return float(text)  # "1562.5", "1e3" (no comma: nothing to misread)
    except ValueError:
        pass
    quantity = parse_quantity(text)
    bare = quantity.unit == "count" and quantity.qualifier == "exact"
    if bare and not quantity.is_range and quantity.alternate is None:
        return float(quantity.value)  # "1,562.5": a plain number with separators
    return quantity


# a figure's year as analysts paste it: before it ("2022年3200亿元", "2022: 3200亿元") or
# after it ("3200亿元(2022)", "3200亿元（2022年）", "320 billion yuan in 2022")
_YEAR_BEFORE = re.compile(r"^\s*((?:19|20)\d{2})\s*(?:年|[:：])\s*(?P<figure>\S.*)$")
_YEAR_AFTER = re.compile(
    r"^(?P<figure>.*?\S)\s*(?:[(（]\s*((?:19|20)\d{2})\s*(?:年|[AEF])?\s*[)）]"
    r"|\s+in\s+((?:19|20)\d{2}))\s*$",
    re.IGNORECASE,
)


def figure_year(text: str) -> tuple[str, int | None]:
    """The figure without its year, and the year, when ``text`` gives one.

    "2022年3200亿元" was "unit '年3200亿元' is not defined", and "3200亿元(2022)" read
    the year as a second figure and dropped it: the steps given could disagree with the
    years in silence.

    Examples
    --------
    >>> figure_year("2022年3200亿元"), figure_year("3200.5亿元（2022年）")
    (('3200亿元', 2022), ('3200.5亿元', 2022))
    >>> figure_year("320 billion yuan in 2022"), figure_year("1,562.5")
    (('320 billion yuan', 2022), ('1,562.5', None))
    >>> figure_year("320 billion yuan ($46.4 billion)")
    ('320 billion yuan ($46.4 billion)', None)
    """
    if before := _YEAR_BEFORE.match(text):
        return before["figure"], int(before[1])
    if after := _YEAR_AFTER.match(text):
        return after["figure"], int(after[2] or after[3])
    return text, None


def _typed_figure(text: str, argument: str) -> Any:
    """:func:`_figure`, its error's advice for a decimal comma in what the user can type
    ("type START as 1.5"; was the Python option ``read_series(..., decimal=',')``)."""
    import sys

    from idcforecast._claim_marks import without_footnote_mark
    from idcforecast.cli._figure_advice import typed_figure_error
    from idcforecast.errors import IdcForecastError

    # "3200亿元[1]", "3,200*", copied with the source's footnote reference: said, left out
    # (it was "unit '[1]' is not defined"), as a claims file reads it
    said: dict[str, Any] = {}
    figure_text = without_footnote_mark(text, said)
    if "note" in said:
        print(f"note: cagr: {argument} {said['note']}", file=sys.stderr)
    try:
        return _figure(figure_text)
    except IdcForecastError as err:
        raise typed_figure_error(err, text, argument) from None


def _show(x: Any) -> str:
    if isinstance(x, float):
        return _number(x)
    if x.unit.startswith("count "):  # "1万" is 10,000 (it printed "1 count 10k")
        x = x.to("count")
    # a bare number parses as a "count"; like a plain number, it is shown without a unit
    unit = "" if x.unit == "count" else f" {x.unit}"
    from idcforecast.units import QUALIFIER_WORDS

    text = f"{QUALIFIER_WORDS[x.qualifier]}{_amount(x)}{unit}"
    return text + (f"   (from {x.text!r})" if x.text else "")


_NOTE = "   ("  # what parts a figure from its note: "1,562.5 CNY 100m   (from '1562.5亿元')"


def _aligned_notes(*lines: str) -> list[str]:
    """``lines`` with their first notes ("(from '1562.5亿元')") in one column: the figures
    before them padded to the longest (the start's note began 2 columns after the end's).

    Examples
    --------
    >>> for line in _aligned_notes("1,562.5 CNY 100m   (from 'a')", "3,200 CNY 100m   (from 'b')"):
    ...     print(line)
    1,562.5 CNY 100m   (from 'a')
    3,200 CNY 100m     (from 'b')
    >>> _aligned_notes("100", "200")
    ['100', '200']
    """
    heads = [line.split(_NOTE, 1)[0] for line in lines]
    width = max((len(h) for h, line in zip(heads, lines, strict=True) if _NOTE in line), default=0)
    return [
        head.ljust(width) + _NOTE + line.split(_NOTE, 1)[1] if _NOTE in line else line
        for head, line in zip(heads, lines, strict=True)
    ]


def _adopted(x: Any, other: str) -> str:
    """What to add after a bare number given the ``other`` figure's unit ("" for a count,
    which prints without a unit)."""
    return "" if x.unit == "count" else f"   (no unit given: read in the {other}'s unit)"


def _amount(x: Any, *, digits: int = 10) -> str:
    """The figure's number, or its range "LOW to HIGH" (never the midpoint alone).

    ``digits`` significant digits, written without an exponent.

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> _amount(Quantity(86.90362388, "USD bn"), digits=6), _amount(Quantity(1234567.8, "MW"))
    ('86.9036', '1,234,567.8')
    >>> _amount(Quantity(1.5625e11, "count")), _amount(Quantity(0.000012345, "MW"))
    ('156,250,000,000', '0.000012345')
    """

    if x.is_range:
        return f"{_number(x.low, digits)} to {_number(x.high, digits)}"
    return _number(x.value, digits)


def _number(v: float, digits: int = 10) -> str:
    """``v`` to ``digits`` significant digits, thousands separated, never an exponent
    (",.10g" wrote "1562.5亿", 156,250,000,000, as "1.5625e+11").

    Examples
    --------
    >>> _number(1.5e11), _number(1e-05), _number(1562.5)
    ('150,000,000,000', '0.00001', '1,562.5')
    """
    text = format(Decimal(f"{v:.{digits}g}"), ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _in_unit_of(
    end: Any,
    start: Any,
    fx_year: int | None,
    kw_per_rack: float = 2.5,
    years: tuple[int | None, int | None] = (None, None),
) -> Any:
    """``end`` in ``start``'s unit; between currencies at ``fx_year``'s rate (required),
    between racks and power at ``kw_per_rack``. ``years``, the figures' own years when
    they gave them, name the --fx-year to pass."""
    from idcforecast.errors import IncompatibleUnitsError, MissingFxRateError
    from idcforecast.units import parse_unit

    try:
        return end.to(start.unit, year=fx_year, kw_per_rack=kw_per_rack)
    except IncompatibleUnitsError as err:  # the bare conversion error did not name cagr
        raise IncompatibleUnitsError(
            f"cagr: start is in {start.unit!r} and end in {end.unit!r}, which do not convert "
            f"({err}); a growth rate needs two levels of one thing: give START and END in "
            "units of the same kind",
            **{key: getattr(err, key) for key in err.fields},
        ) from err
    except MissingFxRateError as err:
        if fx_year is not None:
            raise
        first, last = years
        if first is not None and last is not None:  # the figures said their years
            start_currency, end_currency = (parse_unit(x.unit).currency for x in (start, end))
            which = (
                f"--fx-year {last} (the end's year) for the growth in {start_currency}, with "
                f"the exchange-rate move, or --fx-year {first} (the start's year) for the "
                f"growth in {end_currency}, without it"
            )
        else:
            which = (
                "--fx-year YEAR, the year whose rate converts the end into the start's "
                "currency (the start's year gives the growth in the end's currency, with no "
                "exchange-rate move; the end's year the growth in the start's currency, with "
                "it)"
            )
        raise MissingFxRateError(
            f"cagr: start is in {start.unit!r} and end in {end.unit!r}; converting between "
            f"currencies needs a year's FX rate: pass {which}",
            **{key: getattr(err, key) for key in err.fields},
        ) from err


def _between_currencies(a: str, b: str) -> bool:
    from idcforecast.units import parse_unit

    first, second = parse_unit(a), parse_unit(b)
    return first.currency is not None and second.currency is not None and first.base != second.base


def _note_unused(args: argparse.Namespace, start: Any, end: Any, used: dict[str, bool]) -> None:
    """A ``note:`` line for ``--fx-year`` or ``--kw-per-rack`` that served no conversion
    (it was ignored in silence: ``--fx-year 2022`` beside two yuan figures read as if the
    yuan had been converted at 2022's rate)."""
    import sys

    def unit(x: Any) -> str | None:
        return None if isinstance(x, float) or x.unit == "count" else repr(x.unit)

    if unit(start) == unit(end):
        where = (
            f"start and end are both in {unit(start)}"
            if unit(start)
            else "start and end are plain numbers"
        )
    else:
        where = f"start is in {unit(start)} and end in {unit(end)}"
    for flag, value, key, between in (
        ("--fx-year", args.fx_year, "fx", "between currencies"),
        ("--kw-per-rack", args.kw_per_rack, "racks", "between racks and power"),
    ):
        if value is not None and not used[key]:
            print(
                f"note: {flag} {value:g} is not used: it serves a conversion {between}, and "
                f"{where}; drop it",
                file=sys.stderr,
            )


def _steps_given(args: argparse.Namespace, years: tuple[int | None, int | None]) -> float:
    """The steps, from ``--years N`` or N after END (``cagr 1562.5 3200.5 3`` was "the
    following arguments are required: --years"), or from the figures' ``years`` when both
    give one ("1562.5亿元(2019)" "3200.5亿元(2022)": 3); all must agree."""
    import shlex

    from idcforecast.errors import SpecError

    after_end = [*_as_list(getattr(args, "steps", None)), *getattr(args, "more_steps", [])]
    flagged = _as_list(args.years)
    given = [*after_end, *flagged]
    first, last = years
    if first is not None and last is not None:
        if last <= first:
            raise SpecError(
                f"cagr: START is the {first} level and END the {last} level; a growth rate "
                "runs from an earlier year to a later one: give START the earlier figure",
                argument="years",
            )
        spans = last - first
        if any(x != spans for x in given):
            said = _listed([f"{x:g}" for x in dict.fromkeys(given)])
            raise SpecError(
                f"cagr: START is the {first} level and END the {last} level, {spans} "
                f"compounding step{'s' if spans != 1 else ''} apart, but the steps given are "
                f"{said}; give the steps the years span (--years {spans}), or the figures "
                "without their years",
                argument="years",
            )
        return float(spans)
    if not given and (first is None) != (last is None):
        # one figure carries its year: the generic "give the compounding steps" did not
        # say that the other's year was not read
        has, lacks, year = ("START", "END", first) if last is None else ("END", "START", last)
        typed = str(args.end if lacks == "END" else args.start).strip()
        raise SpecError(
            f"cagr: {has} is the {year} level, and {lacks} gives no year; give {lacks}'s "
            f"year with it in brackets ('{typed} (YEAR)') or the compounding steps, --years N",
            argument="years",
        )
    if not given:
        raise SpecError(
            "cagr: give the compounding steps, --years N or N after END (from the 2019 "
            "level to the 2022 level is 3: cagr 1562.5 3200.5 --years 3)",
            argument="years",
        )
    if len(set(given)) == 1:  # "3 --years 3": said twice, the same
        return given[0]
    if len(after_end) == 1 and len(set(flagged)) == 1:
        raise SpecError(
            f"cagr: the steps are given twice, {after_end[0]:g} after END and --years "
            f"{flagged[0]:g}; give them once",
            argument="years",
        )
    where = [f"{_listed([f'{x:g}' for x in after_end])} after END"] if after_end else []
    where += [f"--years {x:g}" for x in flagged]
    raise SpecError(
        f"cagr: {len(given)} numbers of compounding steps, {_listed(where)}; cagr gives one "
        f"rate over one span: give the steps once (cagr {shlex.quote(args.start)} "
        f"{shlex.quote(args.end)} --years {given[0]:g}), and run cagr again for another span",
        argument="years",
    )


def _span(first: int | None, last: int | None) -> str:
    """The years the figures gave, as the steps line shows them ("" for none)."""
    if first is not None and last is not None:
        return f"   ({first} to {last}, the figures' years)"
    if first is not None or last is not None:
        return f"   ({'from' if first is not None else 'to'} {first or last}, a figure's year)"
    return ""


def _as_list(value: Any) -> list[float]:
    """N after END or ``--years``: a list (argparse's), one number (a caller's Namespace),
    or None for not given."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]


def _listed(items: list[str]) -> str:
    """ "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _refuse_bare_beside_magnitude(args: argparse.Namespace, start: Any, end: Any) -> None:
    """A plain number beside a number written with a magnitude alone ("1万", "1562.5亿",
    no unit) has two readings: "1万" "20000" read 20000 as 20000万, a 1,999,900% CAGR, when
    20,000 (+100%) was as likely meant. A unit ("1562.5亿元") makes the plain number a
    figure in it (as documented); a bare magnitude says nothing of the other's."""
    from idcforecast.errors import SpecError

    pairs = (("START", start, args.start, "END", end, args.end),
             ("END", end, args.end, "START", start, args.start))  # fmt: skip
    for name, plain, written, other, figure, figure_text in pairs:
        if not isinstance(plain, float) or isinstance(figure, float):
            continue
        if not figure.unit.startswith("count "):
            return
        counted = figure.to("count")

        def plain_text(v: float) -> str:  # 156,250,000,000 (was 1.5625e+11)
            return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"

        as_count = (
            f"{plain_text(counted.low)} to {plain_text(counted.high)}"
            if counted.is_range
            else plain_text(counted.value)
        )
        magnitude = figure.unit.removeprefix("count ")
        raise SpecError(
            f"cagr: {name} {written!r} is a plain number and {other} {figure_text!r} a "
            f"number at a magnitude ({magnitude}: {as_count}) without a unit, so "
            f"{written} may be {_number(plain)} or {written} x {magnitude}; write both "
            f"the same way (both with the magnitude, or {other} as {as_count})",
            argument=name.lower(),
        )


def run(args: argparse.Namespace) -> int:
    """Print the start, end, steps and the rate (a bound when a figure is qualified)."""
    from idcforecast._growth_inputs import refuse_percent_levels
    from idcforecast.growth_bounds import _cagr_bounds
    from idcforecast.units import Quantity

    (start_text, start_year), (end_text, end_year) = map(figure_year, (args.start, args.end))
    args.years = _steps_given(args, (start_year, end_year))
    start, end = _typed_figure(start_text, "START"), _typed_figure(end_text, "END")
    # before a bare number takes a percent figure's unit ("27.8%" "3200.5" named the plain
    # 3200.5 a percent too), and before any conversion error
    refuse_percent_levels(start, end, func="cagr")
    # A bare number beside a figure is read in that figure's unit ("1562.5" "3200.5亿元"),
    # and says so: "1562.5" beside "320 billion yuan" is 1,562.5 CNY bn, a -41% CAGR
    _refuse_bare_beside_magnitude(args, start, end)
    typed = _typed_units(start, end)  # before a bare number takes the other's unit
    start_text = end_text = ""
    if isinstance(start, float) and isinstance(end, Quantity):
        start = Quantity(start, end.unit)
        start_text = _adopted(start, "end")
    elif isinstance(end, float) and isinstance(start, Quantity):
        end = Quantity(end, start.unit)
        end_text = _adopted(end, "start")
    start_text = _show(start) + start_text
    end_text = _show(end) + end_text
    written = (start, end)  # before a conversion, for _note_unused
    kw_per_rack = 2.5 if args.kw_per_rack is None else args.kw_per_rack
    used = {"fx": False, "racks": False}  # which of --fx-year, --kw-per-rack served
    if isinstance(end, Quantity) and isinstance(start, Quantity) and end.unit != start.unit:
        from idcforecast._rounding import significant_digits
        from idcforecast.cli.parse_cmd import _racks_and_power, _rate_used

        converted = _in_unit_of(end, start, args.fx_year, kw_per_rack, (start_year, end_year))
        used["fx"] = _between_currencies(end.unit, start.unit)
        # the rate, its year and whose it is (it said "at the 2019 FX rate" only), and no
        # more digits than the end was written with, three at least (46.3224 for "320")
        fx = f" ({_rate_used(end, converted, args.fx_year, False)})" if used["fx"] else ""
        digits = max(3, significant_digits(end.value)) if used["fx"] else 6
        if _racks_and_power(end.unit, start.unit):  # the 2.5 kW was assumed unsaid
            used["racks"] = True
            fx = f" at {kw_per_rack:g} kW per standard rack (--kw-per-rack to change)"
        # a converted figure carries the FX rate's precision at most: six significant digits
        from idcforecast.units import QUALIFIER_WORDS

        # the converted figure keeps the end's qualifier: "at least 320 CNY bn = 3,200 CNY
        # 100m" read as if the end were exactly 3,200
        words = QUALIFIER_WORDS[converted.qualifier]
        end_text = f"{_show(end)} = {words}{_amount(converted, digits=digits)} {start.unit}{fx}"
        end = converted
    bounds = _cagr_bounds(start, end, args.years, func="cagr")
    _note_unused(args, *written, used)
    steps = int(args.years) if float(args.years).is_integer() else args.years
    start_text, end_text = _aligned_notes(start_text, end_text)
    print(f"start  {start_text}")
    print(f"end    {end_text}")
    print(
        f"years  {steps} compounding step{'s' if steps != 1 else ''}{_span(start_year, end_year)}"
    )
    if bounds.is_range:
        fraction = f"{bounds.low:.6f} to {bounds.high:.6f} as fractions"
    else:
        rate = bounds.high if bounds.qualifier == "at_most" else bounds.low
        fraction = f"{rate:.6f} as a fraction"
    print(f"CAGR   {bounds} a year ({fraction})")
    for name, figure, moves in (("start", start, "falls"), ("end", end, "rises")):
        side = {"at_least": "a lower", "at_most": "an upper"}.get(getattr(figure, "qualifier", ""))
        if side:
            print(f"       the {name} is {side} bound, and the rate {moves} as the {name} rises")
    _note_magnitude_apart(start, end, typed, args.years)
    return 0


# START and END this many times apart, typed in different units, get a note (a magnitude
# slip of ten, with one to three years of growth or decline beside it, is 5 to 20 times)
_APART = 5.0


def _typed_units(start: Any, end: Any) -> tuple[str, str] | None:
    """How START's and END's units were typed ("no unit" for a plain number), when they
    were typed differently in one dimension (money, power...); None when the same (both
    plain, or both in one unit) or of two dimensions (racks and power)."""
    from idcforecast.units import parse_unit

    said = tuple("no unit" if isinstance(x, float) else repr(x.unit) for x in (start, end))
    kinds = {parse_unit(x.unit).dimension for x in (start, end) if not isinstance(x, float)}
    # racks beside power: their ratio rests on the kW per rack, no magnitude typed
    return None if said[0] == said[1] or len(kinds) > 1 else (said[0], said[1])


def _note_magnitude_apart(
    start: Any, end: Any, typed: tuple[str, str] | None, steps: float
) -> None:
    """A ``note:`` line when START and END, typed in different units or one without, are
    five times apart or more (a tenfold slip with a few years' real growth beside it): what
    a magnitude slip gives ("2238.7" "320亿元", 320 typed for 3,200, 7 times apart, was
    -62.2% a year without a word). The rate printed is unchanged; the note
    gives the rate with END a power of ten larger or smaller, for the user to judge."""
    import math
    import sys

    if typed is None:
        return
    first, last = (float(getattr(x, "value", x)) for x in (start, end))
    if not (first > 0 and last > 0) or not math.isfinite(last / first):
        return
    ratio = last / first
    if 1 / _APART < ratio < _APART:
        return
    power = round(math.log10(ratio))
    meant = last / 10**power
    rate = (meant / first) ** (1 / steps) - 1
    unit = getattr(end, "unit", "")
    shown = f"{_number(meant, 6)} {unit}".strip() if unit != "count" else _number(meant, 6)
    times = f"{ratio:,.3g} times" if ratio > 1 else f"1/{1 / ratio:,.3g} of"
    print(
        f"note: cagr: the end is {times} the start, and START was typed with {typed[0]} and "
        f"END with {typed[1]}: check the magnitudes (with END {shown}, {10 ** abs(power):,} "
        f"times {'smaller' if power > 0 else 'larger'}, the CAGR would be {rate:+.1%} a year)",
        file=sys.stderr,
    )
