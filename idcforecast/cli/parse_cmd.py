"""``idcforecast parse TEXT [--to UNIT] [--year Y] [--kw-per-rack K]``: read one figure."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from idcforecast.units import Quantity

NAME = "parse"
HELP = (
    "read a figure as written ('1,562.5亿元', '500 billion yuan ($71.2 billion)', "
    "'超过520万标准机架') and print its value, unit, qualifier, range and alternate; "
    "--to converts it"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument("text", metavar="TEXT", help="the figure, quoted: '1,562.5亿元'")
    parser.add_argument("--to", metavar="UNIT", help="also convert to this unit ('USD bn', 'MW')")
    parser.add_argument(
        "--year",
        type=int,
        default=None,
        help="year of the FX rate (only with --to, between currencies; default: the year the "
        "figure gives in brackets, 'US$5bn (2022)'; alone it is noted and not used)",
    )
    parser.add_argument(
        "--kw-per-rack",
        type=float,
        default=None,
        metavar="KW",
        help="kW per standard rack (only with --to, between racks and power; default 2.5)",
    )


def run(args: argparse.Namespace) -> int:
    """Parse the figure, print one labelled line per field; return the exit code."""
    from dataclasses import replace

    from idcforecast.errors import IdcForecastError
    from idcforecast.units import format_quantity, parse_quantity
    from idcforecast.units.quantity import number_text

    try:
        quantity = _read(args.text, parse_quantity)
    except IdcForecastError as err:
        if (ratio := _ratio(args.text)) is None:
            if (hint := _figure_inside(args.text)) is None:
                raise
            raise type(err)(
                f"{err}; {hint}", **{key: getattr(err, key) for key in err.fields}
            ) from err
        return _print_ratio(args, *ratio)
    if quantity.unit in ("PUE", "pPUE") and args.to is not None:
        _no_conversion(args, quantity.unit)  # "PUE 1.3 --to MW", "1.3 PUE --to MW"
    _note_unused(args, quantity)
    # "US$5bn (2022)": the figure's own year is the FX year when --year is not given
    fx_year_said = args.year is None and quantity.year is not None
    if fx_year_said:
        args.year = quantity.year
    if args.kw_per_rack is None:
        args.kw_per_rack = 2.5
    bounds = "-"
    if quantity.low is not None and quantity.high is not None:
        bounds = f"{number_text(quantity.low)} to {number_text(quantity.high)} {quantity.unit}"
    alternate = "-" if quantity.alternate is None else format_quantity(quantity.alternate)
    rows = [
        ("text", args.text),
        ("value", number_text(quantity.value)),
        ("unit", quantity.unit),
        ("qualifier", quantity.qualifier),
        ("range", bounds),
        ("alternate", alternate),
    ]
    if quantity.year is not None:
        rows.append(("year", str(quantity.year)))
    if args.to is not None:
        own = _alternate_in(quantity, args)
        converted = _converted(quantity, args, own)
        # (its year is on the line above; "(2022)" here would read as the rate's year)
        fx = _currency_changes(quantity.unit, converted.unit)
        rounded = _figure_digits(converted, quantity) if fx else _six_digits(converted)
        shown = format_quantity(replace(rounded, year=None), alternate=False)
        if _racks_and_power(quantity.unit, converted.unit):
            shown += f" (at {args.kw_per_rack:g} kW per standard rack; --kw-per-rack to change)"
        if fx:
            shown += f" ({_rate_used(quantity, converted, args.year, fx_year_said)})"
        rows.append(("converted", shown))
        if own is not None and own.value != 0 and own.unit == converted.unit:
            # e.g. "500 billion yuan ($71.2 billion)": the article's own rate against ours
            gap = converted.value / own.value - 1
            rows.append(
                (
                    "check",
                    f"the text's own {format_quantity(own, alternate=False)}; converted is "
                    f"{abs(gap):.1%} {'above' if gap >= 0 else 'below'} it"
                    + _yen_hint(quantity, args, own, gap),
                )
            )
    for label, value in rows:
        print(f"{label + ':':<11}{value}")
    return 0


def _figure_inside(text: str) -> str | None:
    """When ``text`` is one figure with words around it that parse does not read ("320
    billion yuan in 2022", "27.8% CAGR 2020-22"): the figure ``figures`` finds in it and
    how to give its year, else None. The error named 'in' or 'CAGR 2020-22' an unknown
    unit, as if the figure were wrong.

    Examples
    --------
    >>> _figure_inside("320 billion yuan in 2022")[:58]
    "the figure in it is '320 billion yuan', of 2022: parse rea"
    >>> _figure_inside("hello") is None
    True
    """
    import warnings

    from idcforecast.errors import IdcForecastError
    from idcforecast.text_figures import find_figures

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = find_figures(text)
    except IdcForecastError:
        return None
    if len(found) != 1:
        return None
    import pandas as pd

    row = found.iloc[0]
    figure = str(row["figure"])
    if not text[int(row["end"]) :].strip(" .。"):
        return None  # words before the figure only: parse's own error says to cut them
    year = None if pd.isna(row["year"]) else row["year"]
    period = "" if pd.isna(row["period"]) else str(row["period"])
    when = f", of {int(year)}" if year is not None else (f", over {period}" if period else "")
    advice = (
        f"parse reads the figure alone: idcforecast parse '{figure} ({int(year)})' (a year in "
        "brackets is the figure's year)"
        if year is not None
        else f"parse reads the figure alone: idcforecast parse '{figure}'"
    )
    return (
        f"the figure in it is {figure!r}{when}: {advice}, or idcforecast figures "
        f"{text!r} to read figures with their years and periods"
    )


def _ratio(text: str) -> tuple[float, str] | None:
    """The value and qualifier of a PUE written as ``figures`` reads one ("PUE 1.3", "a PUE
    of 1.25", "1.15 PUE", "电能利用效率降至1.5以下"), or None: the whole text is that one
    figure. parse_quantity reads "1.3 PUE", "PUE 1.3" and "a PUE of 1.3"; the others
    (a Chinese name, a verb after the name) are read here."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning, AssumedCurrencyWarning
    from idcforecast.text_figures import find_figures

    with warnings.catch_warnings():  # a "¥" figure is no PUE; parse has its own yen hint
        warnings.simplefilter("ignore", AssumedCurrencyWarning)
        # nor is money before a magnitude word not read ("€5 bilionů"): parse's own error
        # names the word
        warnings.simplefilter("ignore", AmbiguousNumberWarning)
        found = find_figures(text)
    if len(found) != 1 or found["unit"].iloc[0] != "PUE":
        return None
    if text[: found["start"].iloc[0]].strip(" a") or text[found["end"].iloc[0] :].strip(" .。"):
        return None  # more than the figure
    return float(found["value"].iloc[0]), str(found["qualifier"].iloc[0])


def _no_conversion(args: argparse.Namespace, unit: str) -> None:
    """Refuse ``--to`` for a PUE (or pPUE): it converts to nothing."""
    from idcforecast.errors import IncompatibleUnitsError

    what = "a partial PUE" if unit == "pPUE" else "a PUE"
    raise IncompatibleUnitsError(
        f"parse --to {args.to!r}: {args.text!r} is {what}, a ratio without a unit (total "
        "over IT power), which converts to no unit; drop --to",
        unit=unit,
    )


def _print_ratio(args: argparse.Namespace, value: float, qualifier: str) -> int:
    """Print a PUE as any figure is printed; ``--to`` is an error: it converts to nothing."""
    from idcforecast.units.quantity import number_text

    if args.to is not None:
        _no_conversion(args, "PUE")
    rows = [
        ("text", args.text),
        ("value", number_text(value)),
        ("unit", "PUE"),
        ("qualifier", qualifier),
        ("range", "-"),
        ("alternate", "-"),
    ]
    for label, shown in rows:
        print(f"{label + ':':<11}{shown}")
    return 0


def _read(text: str, parse: Callable[[str], Quantity]) -> Quantity:
    """The figure of ``text``, its decimal commas and point thousands read as ``figures``
    reads them ("27,8%" is 27.8%, parse_quantity alone refuses the comma without euros or
    a continental magnitude word, as a table cell's may be either); the first error when
    that does not read either."""
    from idcforecast._decimal_commas import point_decimal_commas
    from idcforecast.errors import IdcForecastError

    pointed = point_decimal_commas(text)
    if pointed != text:
        with contextlib.suppress(IdcForecastError):
            return dataclasses.replace(parse(pointed), text=text)
    return parse(text)


def _yen_hint(quantity: Quantity, args: argparse.Namespace, own: Quantity, gap: float) -> str:
    """When a bare "¥" read as yuan misses the text's own figure by far and yen would match
    it ("¥1.5 trillion ($10 billion)" of a Japanese company): say so, with the yen reading."""
    import re

    from idcforecast.errors import IdcForecastError
    from idcforecast.units import format_quantity, parse_unit

    if abs(gap) < 0.5 or not re.search(r"(?<![A-Za-z])¥", args.text):
        return ""
    unit = parse_unit(quantity.unit)
    if unit.base != "CNY" or unit.per:
        return ""
    yen = dataclasses.replace(quantity, unit=f"JPY {unit.magnitude or ''}".strip(), alternate=None)
    try:
        as_yen = _six_digits(yen.to(args.to, year=args.year, kw_per_rack=args.kw_per_rack))
    except IdcForecastError:
        return ""
    yen_gap = as_yen.value / own.value - 1
    if abs(yen_gap) >= abs(gap) / 4:
        return ""
    return (
        f"; '¥' is read as CNY (yuan): as yen (write 'JPY' or '日元') it converts to "
        f"{format_quantity(as_yen, alternate=False)}, {abs(yen_gap):.1%} "
        f"{'above' if yen_gap >= 0 else 'below'} it"
    )


def _note_unused(args: argparse.Namespace, quantity: Quantity) -> None:
    """A ``note:`` line for ``--year`` or ``--kw-per-rack`` without ``--to``: they only
    serve a conversion, and were ignored in silence. The example ``--to`` is one the flag
    serves for this figure; a flag that serves none of its conversions (``--year`` on
    '5 MW') says so, instead of suggesting ``--to 'USD bn'`` for megawatts."""
    if args.to is not None:
        return
    from idcforecast.units import parse_unit

    unit = parse_unit(quantity.unit)
    money = "money" in unit.dimension
    racks_or_power = bool({"racks", "power"} & set(unit.dimension.split("/")))
    flags = (
        ("--year", args.year, money, "between currencies"),
        ("--kw-per-rack", args.kw_per_rack, racks_or_power, "between racks and power"),
    )
    given = [
        f"{flag} {value:g}" for flag, value, serves, _ in flags if value is not None and serves
    ]
    for flag, value, serves, between in flags:
        if value is not None and not serves:
            print(
                f"note: {flag} {value:g} is not used: it serves a conversion {between}, and "
                f"{args.text!r} is in {quantity.unit!r} ({unit.dimension})",
                file=sys.stderr,
            )
    if given:
        if unit.per:  # a rate ('USD 5/kW/month'): no one example fits
            example = ""
        elif not money:
            example = "MW" if unit.dimension == "racks" else "racks"
        else:
            example = "'CNY bn'" if unit.base == "USD" else "'USD bn'"
        command = f"idcforecast parse {args.text!r} --to {example} {' '.join(given)}"
        print(
            f"note: {' and '.join(given)} only matter{'s' if len(given) == 1 else ''} with "
            f"--to, and nothing was converted (not used); add --to UNIT"
            + (f", e.g. {command}" if example else ""),
            file=sys.stderr,
        )


def _racks_and_power(a: str, b: str) -> bool:
    """Whether converting between units ``a`` and ``b`` rests on the kW-per-rack assumption."""
    from idcforecast.units import parse_unit

    return {parse_unit(a).dimension, parse_unit(b).dimension} == {"racks", "power"}


def _six_digits(quantity: Quantity) -> Quantity:
    """``quantity`` rounded to six significant digits: a converted figure's last digits come
    from the FX rate's and the unit factors' rounding, not from the text (72.41968656759654
    USD bn prints as 72.4197)."""

    def six(value: float) -> float:
        return float(f"{value:.6g}")

    low, high = quantity.low, quantity.high
    return dataclasses.replace(
        quantity,
        value=six(quantity.value),
        low=None if low is None else six(low),
        high=None if high is None else six(high),
    )


def _figure_digits(converted: Quantity, figure: Quantity) -> Quantity:
    """``converted`` (a figure in another currency) to the significant digits the figure
    was written with, three at least: the rate's four decimals add no precision to the text
    ("500 billion yuan" at 6.9042 CNY per USD is 72.4 USD bn, not 72.4197; "EUR 5 bn"
    keeps three, 449 CNY 100m, not 400).

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> _figure_digits(Quantity(72.41968656, "USD bn"), Quantity(500, "CNY bn")).value
    72.4
    >>> _figure_digits(Quantity(1.12345, "USD bn"), Quantity(1562.5, "CNY 100m")).value
    1.1235
    """
    from idcforecast._rounding import significant_digits, to_significant_digits

    digits = max(3, significant_digits(figure.value))

    def rounded(value: float | None) -> float | None:
        return None if value is None else to_significant_digits(value, digits)

    return dataclasses.replace(
        converted,
        value=to_significant_digits(converted.value, digits),
        low=rounded(converted.low),
        high=rounded(converted.high),
    )


def _rate_used(figure: Quantity, converted: Quantity, year: int | None, figures_year: bool) -> str:
    """The FX rate behind a conversion between currencies, quoted as a market quotes it
    (the direction above 1), its year and its source: the publisher of the bundled table's
    annual average (Federal Reserve G.5A, or the ECB for the computed rows), or the user's
    file (``--fx-rates``); and the digits shown (the
    figure's, three at least). The converted line printed 72.4197 USD bn with no rate or
    source at all.

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> _rate_used(Quantity(500, "CNY bn"), Quantity(72.4, "USD bn"), 2020, False)[:60]
    'at 6.9042 CNY per USD, the 2020 annual average of Federal Re'
    """
    from idcforecast._rounding import significant_digits
    from idcforecast.units.fx import bundled_fx_source, fx_rate
    from idcforecast.units.registry import parse_unit

    theirs = parse_unit(figure.unit).currency or ""
    ours = parse_unit(converted.unit).currency or ""
    per_theirs = fx_rate(theirs, ours, year=year)
    if per_theirs < 1:
        rate = f"{1 / per_theirs:,.4f} {theirs} per {ours}"
    else:
        rate = f"{per_theirs:,.4f} {ours} per {theirs}"
    origin = _fx_origin(figure.unit, converted.unit, year)
    bundled = "" if origin else bundled_fx_source(theirs, ours, year=year)
    source = f"from {origin}" if origin else f"of {bundled}"
    text = f"at {rate}, the {year} annual average {source}"
    if figures_year:
        text += f"; {year} is the figure's year, --year to change"
    digits = max(3, significant_digits(figure.value))
    return text + f"; rounded to {digits} significant digits"


def _currency_changes(a: str, b: str) -> bool:
    """Whether units ``a`` and ``b`` are amounts in two currencies (a conversion at a rate)."""
    from idcforecast.units.registry import parse_unit

    first, second = parse_unit(a).currency, parse_unit(b).currency
    return first is not None and second is not None and first != second


def _fx_origin(a: str, b: str, year: int | None) -> str | None:
    """The user FX file (``--fx-rates``) the rate between units ``a`` and ``b`` came from;
    None for the bundled table or no currency change."""
    from idcforecast.units.convert import fx_file_between

    return None if year is None else fx_file_between(a, b, year=year)


def _alternate_in(quantity: Quantity, args: argparse.Namespace) -> Quantity | None:
    """The text's alternate figure in ``--to``'s unit when that needs no FX rate, else None."""
    from idcforecast.errors import IdcForecastError

    if quantity.alternate is None:
        return None
    try:
        return quantity.alternate.to(args.to, kw_per_rack=args.kw_per_rack)
    except IdcForecastError:  # another currency (needs a rate) or another dimension
        return None


# Conversions the unit registry has no assumption for, and the one a user can make by hand:
# servers per rack vary with server power and with the racks counted (installed or in use);
# energy is power over time at a load (and, for a facility, PUE)
_BY_HAND = {
    frozenset({"servers", "racks"}): (
        "no servers-per-rack assumption is built in: divide by your own and state it (MIIT's "
        "end-2021 19 million servers in use over more than 5.2 million installed standard "
        "racks give about 3.7 per rack, derived; idcforecast datasets china_racks_in_use), then "
        "idcforecast parse 'N racks' --to MW converts racks at --kw-per-rack"
    ),
    frozenset({"servers", "power"}): (
        "no servers-per-rack or watts-per-server assumption is built in: convert servers to "
        "racks by your own stated ratio (MIIT end-2021: about 3.7 servers per installed "
        "standard rack, derived; idcforecast datasets china_racks_in_use), then "
        "idcforecast parse "
        "'N racks' --to MW converts racks at --kw-per-rack"
    ),
    frozenset({"power", "energy"}): (
        "power is a rate and energy an amount over time: a year's energy is MW x 8,760 hours "
        "x the load factor (x PUE for IT load to a facility's use), and no load factor or "
        "PUE is assumed here; compute it with your own stated ones"
    ),
    frozenset({"racks", "energy"}): (
        "racks convert to power (--to MW, at --kw-per-rack) and power to energy only at a "
        "load factor (MW x 8,760 hours x load, x PUE for a facility), which is not assumed "
        "here; compute it with your own stated one"
    ),
}


def _by_hand(quantity: Quantity, to: str) -> str | None:
    """What to do when ``quantity`` has no conversion to ``to`` that the registry can make
    but an analyst can, with an assumption of their own ("more than 1 million servers" to
    racks or MW; MW to TWh); None for any other pair.

    Examples
    --------
    >>> from idcforecast.units import Quantity
    >>> _by_hand(Quantity(1, "servers mn"), "racks")[:36]
    'no servers-per-rack assumption is bu'
    >>> _by_hand(Quantity(1, "CNY bn"), "MW") is None
    True
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        pair = frozenset({parse_unit(quantity.unit).dimension, parse_unit(to).dimension})
    except IdcForecastError:
        return None
    return _BY_HAND.get(pair)


def _converted(quantity: Quantity, args: argparse.Namespace, own: Quantity | None) -> Quantity:
    from idcforecast.errors import IncompatibleUnitsError, MissingFxRateError
    from idcforecast.units import format_quantity

    try:
        return quantity.to(args.to, year=args.year, kw_per_rack=args.kw_per_rack)
    except IncompatibleUnitsError as err:
        if (hint := _by_hand(quantity, args.to)) is None:
            raise
        raise IncompatibleUnitsError(
            f"parse --to {args.to!r}: cannot convert {args.text!r} ({quantity.unit}) to "
            f"{args.to!r}: {hint}",
            from_unit=quantity.unit,
            to_unit=args.to,
        ) from err
    except MissingFxRateError as err:
        if args.year is not None:
            raise
        # the library's hint is "pass year=..."; on the command line that is --year
        pair = getattr(err, "pair", "")
        own_text = (
            ""
            if own is None
            else f"; the text itself gives {format_quantity(own, alternate=False)}"
        )
        raise MissingFxRateError(
            f"parse --to {args.to!r}: converting {pair} needs --year YEAR (FX rates are "
            f"annual averages); e.g. idcforecast parse {args.text!r} --to {args.to!r} "
            f"--year 2020{own_text}",
            pair=pair,
            year=None,
        ) from err
