"""Private: a claim's figure published in another currency than its row's ``unit``.

A source often gives a figure in two currencies, "US$17.8 bn (1,293.5亿元)": the second is
the source's own conversion, at the rate it used. Against a ``unit`` of "CNY 100m" that
figure is taken as published, and the year-average FX conversion (17.8 USD bn at the 2022
rate is 1,197.8亿元, 7.4% less) is only named in the note: it was the value, and the
source's figure an "alternate (not used)". A figure in one currency alone is converted at
the FX rate of the claim's year and kept to the precision it was published with (at least
4 significant digits): "US$17.8 bn" is 1,198 CNY 100m, not 1,197.7620 (digits that no
source gave, printed in every claims line).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from idcforecast.claims import _plain
from idcforecast.errors import IdcForecastError, SpecError
from idcforecast.units.convert import changes_currency

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = [
    "MIN_SIGNIFICANT_DIGITS",
    "SUSPECT_GAP",
    "checked_alternate",
    "in_currency",
    "significant_digits",
]

# a converted figure keeps the published figure's digits, and never fewer than these
MIN_SIGNIFICANT_DIGITS = 4
# two figures of one text in two currencies further apart than this at the year's average
# rate are not one figure converted at some rate of the year (the source's rate and the
# average differ by a few percent: IDC Corp's 2022 figures by 7.4%), as read_series flags
SUSPECT_GAP = 0.10


def significant_digits(quantity: Quantity) -> int:
    """The significant digits the figure was published with (a range: its longer end),
    at least :data:`MIN_SIGNIFICANT_DIGITS`.

    Examples
    --------
    >>> from idcforecast.units import parse_quantity
    >>> significant_digits(parse_quantity("US$17.8 bn"))
    4
    >>> significant_digits(parse_quantity("US$1,234.5678 mn"))
    8
    """
    ends = [quantity.low, quantity.high] if quantity.is_range else [quantity.value]
    digits = [
        len(Decimal(repr(float(v))).normalize().as_tuple().digits) for v in ends if v is not None
    ]
    return max([MIN_SIGNIFICANT_DIGITS, *digits])


def _rounded(quantity: Quantity, digits: int) -> Quantity:
    def round_(v: float | None) -> float | None:
        return None if v is None else float(f"{v:.{digits}g}")

    return dataclasses.replace(
        quantity,
        value=float(f"{quantity.value:.{digits}g}"),
        low=round_(quantity.low),
        high=round_(quantity.high),
    )


def _collapsed(quantity: Quantity) -> bool:
    """Whether a range's ends rounded to one figure."""
    low, high = quantity.low, quantity.high
    return low is not None and high is not None and not low < high


def _words(quantity: Quantity) -> str:
    """A figure as a note writes it: "1,293.5 CNY 100m", "1,293.5-1,320 CNY 100m"."""
    if quantity.is_range:
        assert quantity.low is not None and quantity.high is not None
        return f"{_plain(quantity.low)}-{_plain(quantity.high)} {quantity.unit}"
    return f"{_plain(quantity.value)} {quantity.unit}"


def _own_conversion(quantity: Quantity, unit: str) -> Quantity | None:
    """The source's own figure in ``unit``'s currency (the alternate of "US$17.8 bn
    (1,293.5亿元)"), in ``unit``; None when the text has none, or one of another shape (a
    range beside one figure) or another currency."""
    own = quantity.alternate
    if own is None or own.is_range != quantity.is_range or changes_currency(own.unit, unit):
        return None
    try:
        in_unit = own.to(unit)
    except IdcForecastError:  # another dimension ("亿元/年"): not the same figure
        return None
    qualifier = quantity.qualifier if own.qualifier == "exact" else own.qualifier
    return dataclasses.replace(in_unit, qualifier=qualifier, alternate=None, text=quantity.text)


def in_currency(
    quantity: Quantity,
    unit: str,
    year: object,
    convert: Callable[[Quantity], Quantity],
    *,
    where: str = "value",
    row: Any = None,
) -> tuple[Quantity, str]:
    """``quantity`` in ``unit`` (another currency) and the note that says how.

    ``convert`` converts at the FX rate of the claim's ``year`` (raising the claim's own
    error); it is not needed when the text gives the figure in ``unit``'s currency too.
    Two figures more than :data:`SUSPECT_GAP` apart at that rate are a SpecError naming
    ``where`` and ``row`` (one of them is likely mistyped: "500 billion yuan ($7.12
    billion)").

    Examples
    --------
    >>> from idcforecast.units import parse_quantity
    >>> q = parse_quantity("US$17.8 bn (1,293.5亿元)")
    >>> value, note = in_currency(q, "CNY 100m", 2022, lambda q: q.to("CNY 100m", year=2022))
    >>> value.value, value.alternate
    (1293.5, None)
    >>> print(note.replace("; ", chr(10)))
    the source's own 1,293.5 CNY 100m used
    17.8 USD bn at the 2022 FX rate would be 1,198 CNY 100m (-7.4%)
    >>> value, note = in_currency(parse_quantity("US$17.8 bn"), "CNY 100m", 2022,
    ...                           lambda q: q.to("CNY 100m", year=2022))
    >>> value.value, note
    (1198.0, 'converted at the 2022 FX rate, to 4 significant digits')
    """
    digits = significant_digits(quantity)
    own = _own_conversion(quantity, unit)
    if own is None:
        exact = convert(quantity)
        converted = _rounded(exact, digits)
        while _collapsed(converted) and digits < 15:
            digits += 1  # "US$17.80-17.81 bn": both ends were 1,198, no range at all
            converted = _rounded(exact, digits)
        return converted, f"converted at the {year} FX rate, to {digits} significant digits"
    said = f"the source's own {_words(own)} used"
    try:
        at_fx = _rounded(convert(dataclasses.replace(quantity, alternate=None)), digits)
    except IdcForecastError:  # no FX rate for the year: the source's figure needs none
        return own, f"{said} (no FX rate for {year} to compare it with)"
    gap = at_fx.value / own.value - 1
    main = dataclasses.replace(quantity, alternate=None)
    if abs(gap) > SUSPECT_GAP:  # "500 billion yuan ($7.12 billion)": a slipped magnitude?
        raise SpecError(
            f"{where}: value {quantity.text!r} gives {_words(main)} and {_words(own)}, and "
            f"{_words(main)} at the "
            f"{year} FX rate is {_words(at_fx)}, {abs(gap):.0%} "
            f"{'above' if gap > 0 else 'below'} the second figure: one of them is likely "
            "mistyped; give the figure meant alone",
            key="value",
            value=quantity.text,
            row=row,
        )
    return own, (
        f"{said}; {_words(main)} at the {year} FX rate would be {_words(at_fx)} ({gap:+.1%})"
    )


def checked_alternate(claim: Any, where: str) -> str:
    """A :class:`~idcforecast.claims.Claim`'s ``alternate`` stripped ("" when blank), or
    a SpecError: text that is no figure, not money in a currency other than ``unit``'s, a
    range beside one figure, or a figure too far from ``value`` at the year's FX rate."""
    text = "" if claim.alternate is None else str(claim.alternate).strip()
    if not text or text.lower() == "nan":
        return ""
    from idcforecast.units import parse_quantity, parse_unit

    try:
        own = parse_quantity(text)
        currencies = parse_unit(own.unit).currency, parse_unit(str(claim.unit)).currency
    except IdcForecastError as err:
        raise SpecError(
            f"{where}: alternate {text!r} is not a figure with its unit ({err}); give "
            "the source's own figure in its second currency, e.g. '1,293.5亿元'",
            key="alternate",
            value=text,
        ) from err
    if currencies[0] is None and own.unit.split()[0] == "count":  # 1293.5: no unit
        raise SpecError(
            f"{where}: alternate {text!r} has no currency; give the source's own figure "
            "with its unit, e.g. '1,293.5亿元' or '1,293.5 CNY 100m'",
            key="alternate",
            value=text,
        )
    if currencies[0] is None or currencies[0] == currencies[1]:
        raise SpecError(
            f"{where}: alternate {text!r} is in {own.unit!r}, not in a second currency "
            f"beside {claim.unit!r}; it is the source's own figure in another currency "
            "('1,293.5亿元' beside 17.8 USD bn): leave it blank otherwise",
            key="alternate",
            value=text,
        )
    if own.is_range != claim.is_range:
        raise SpecError(
            f"{where}: alternate {text!r} is "
            f"{'a range' if own.is_range else 'one figure'}, the claim "
            f"{'a range' if claim.is_range else 'one figure'}; give the source's own "
            "figure in the claim's shape",
            key="alternate",
            value=text,
        )
    _check_alternate_gap(claim, where, text, own)
    return text


def _check_alternate_gap(claim: Any, where: str, text: str, own: Any) -> None:
    """A SpecError when ``value`` at the year's FX rate is further from ``alternate``
    than one figure converted at some rate of the year can be (a slipped magnitude,
    "US$17.8 bn (129.35亿元)"): the checks would drop the alternate in silence, and
    read_claims refuses such a pair beside a unit. Nothing without an FX rate."""
    from idcforecast.units import convert

    try:
        at_fx = convert(claim.value, own.unit, from_unit=str(claim.unit), year=claim.year)
    except IdcForecastError:  # no rate for the year: the checks compare when they can
        return
    gap = at_fx / own.value - 1
    if abs(gap) > SUSPECT_GAP:
        raise SpecError(
            f"{where}: the second-currency figure {text!r} (alternate) and the value "
            f"{_plain(claim.value)} {claim.unit} are {abs(gap):.0%} apart at the "
            f"{claim.year} FX rate ({_plain(claim.value)} {claim.unit} is {at_fx:,.4g} "
            f"{own.unit}): one of them is likely mistyped; give both as published, or "
            "the figure meant alone",
            key="alternate",
            value=text,
        )
