"""The :class:`Quantity` value type and its canonical text form."""

from __future__ import annotations

import math
from dataclasses import KW_ONLY, dataclass, field, replace
from decimal import Decimal

from idcforecast.errors import DataError, ParseError
from idcforecast.units.registry import parse_unit

__all__ = [
    "QUALIFIERS",
    "QUALIFIER_WORDS",
    "Quantity",
    "format_quantity",
    "number_text",
    "qualifier_cell",
]

QUALIFIERS = ("exact", "at_least", "at_most", "approximately")
# how text states a qualified figure or rate ("at least 27.0%")
QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least ",
    "at_most": "at most ",
    "approximately": "about ",
}


def _finite(name: str, value: object) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = math.nan
    if not math.isfinite(number):
        raise ParseError(
            f"Quantity {name}: expected a finite number, found {value!r}; "
            "pass a real number (ranges use low/high, unknowns are not quantities)",
            field=name,
            value=value,
        )
    return number


@dataclass(frozen=True)
class Quantity:
    """A figure: a number with a canonical unit, an optional range, a qualifier, its source text.

    Parameters
    ----------
    value
        The number (the midpoint for a range), in ``unit``.
    unit
        Any unit spelling the registry knows; stored canonically ("亿元" -> "CNY 100m").
    low, high
        Both or neither: the range the text gave ("325–580 TWh").
    qualifier
        "exact", "at_least" ("超过", "逾", "more than", ">"), "at_most" ("不到", "<", and
        "近", "将近", "nearly": a little under) or "approximately" ("约", "about").
    alternate
        The figure given in parentheses: usually the same amount in another currency
        ("500 billion yuan ($71.2 billion)"), sometimes a share or a growth rate
        ("176 TWh (4.4%)") — its unit tells which.
    year
        The figure's year when the text gives it in parentheses ("US$5bn (2022)",
        "1562.5亿元（2019年）"), else None. Kept by :meth:`to`; results computed from the
        figure (growth, bounds) have none.
    text
        The original text (provenance only: not compared, not updated by :meth:`to`).

    Examples
    --------
    >>> q = Quantity(1562.5, "亿元")
    >>> q.unit, str(q)
    ('CNY 100m', '1562.5 CNY 100m')
    >>> q.to("CNY bn").value
    156.25
    """

    value: float
    unit: str
    _: KW_ONLY
    low: float | None = None
    high: float | None = None
    qualifier: str = "exact"
    alternate: Quantity | None = None
    year: int | None = None
    text: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "value", _finite("value", self.value))
        set_(self, "unit", parse_unit(self.unit).canonical)  # "" is a plain count here
        if (self.low is None) != (self.high is None):
            raise ParseError(
                f"Quantity {self.value} {self.unit}: low and high come together, found "
                f"low={self.low!r}, high={self.high!r}; give both (a range) or neither",
                low=self.low,
                high=self.high,
            )
        if self.low is not None and self.high is not None:
            low, high = _finite("low", self.low), _finite("high", self.high)
            if not low <= self.value <= high:
                raise ParseError(
                    f"Quantity {self.value} {self.unit}: expected low <= value <= high, "
                    f"found low={low}, value={self.value}, high={high}; "
                    "order the range and put the value inside it",
                    low=low,
                    high=high,
                )
            set_(self, "low", low)
            set_(self, "high", high)
        if self.qualifier not in QUALIFIERS:
            raise ParseError(
                f"Quantity {self.value} {self.unit}: qualifier {self.qualifier!r} is not one "
                f"of {', '.join(map(repr, QUALIFIERS))}; use one of those",
                qualifier=self.qualifier,
            )
        if self.year is not None and (
            isinstance(self.year, bool) or not float(self.year).is_integer()
        ):
            raise ParseError(
                f"Quantity {self.value} {self.unit}: year must be a whole year or None, found "
                f"{self.year!r}; give it as 2022",
                year=repr(self.year),
            )
        if self.year is not None:
            set_(self, "year", int(self.year))
        if self.alternate is not None and not isinstance(self.alternate, Quantity):
            raise ParseError(
                f"Quantity {self.value} {self.unit}: alternate must be a Quantity or None, "
                f"found {type(self.alternate).__name__}; wrap it with parse_quantity()",
                alternate=repr(self.alternate),
            )

    @property
    def is_range(self) -> bool:
        """True when the figure is a range (``low`` and ``high`` are set)."""
        return self.low is not None

    def to(self, unit: str, *, year: int | None = None, kw_per_rack: float = 2.5) -> Quantity:
        """The same figure in another unit, keeping qualifier, range, alternate and text.

        Parameters
        ----------
        unit
            Target unit, any spelling ("USD bn", "万架", "MW").
        year
            Year of the FX rate, needed only between currencies.
        kw_per_rack
            Power of one standard rack, used only between racks and power.

        Raises
        ------
        IncompatibleUnitsError, MissingFxRateError, UnknownUnitError

        Examples
        --------
        >>> Quantity(520, "万架", qualifier="at_least").to("MW")
        Quantity(value=13000.0, unit='MW', low=None, high=None, qualifier='at_least', \
alternate=None, year=None, text=None)
        """
        from idcforecast.units.convert import conversion_factor

        factor = conversion_factor(self.unit, unit, year=year, kw_per_rack=kw_per_rack)
        return replace(
            self,
            value=self.value * factor,
            unit=unit,
            low=None if self.low is None else self.low * factor,
            high=None if self.high is None else self.high * factor,
        )

    def __str__(self) -> str:
        return format_quantity(self)


def qualifier_cell(cell: object, *, where: str, **fields: object) -> str:
    """A frame's ``qualifier`` cell as one of :data:`QUALIFIERS` ("exact" when blank:
    None, NaN, NA or spaces), else a DataError naming ``where`` (with ``fields`` on it).

    Text such as "more than" is an error, not "exact": read so, a published bound would be
    taken for the figure itself, in silence.

    Examples
    --------
    >>> qualifier_cell(" at_least ", where="x"), qualifier_cell(None, where="x")
    ('at_least', 'exact')
    """
    import pandas as pd

    blank = cell is None or (not isinstance(cell, str) and bool(pd.isna(cell)))
    text = "" if blank else str(cell).strip()
    if not text:
        return "exact"
    if text not in QUALIFIERS:
        raise DataError(
            f"{where}: qualifier {cell!r} is not one of {', '.join(map(repr, QUALIFIERS))}; "
            "use one of those (e.g. 'at_least' for 'more than'), or leave it blank for an "
            "exact figure",
            **fields,
        )
    return text


def number_text(value: float) -> str:
    """The shortest digits that read back as ``value``, without an exponent.

    Examples
    --------
    >>> number_text(1562.5), number_text(4829019.0), number_text(1e-7)
    ('1562.5', '4829019', '0.0000001')
    """
    return format(Decimal(repr(value)).normalize(), "f")


def format_quantity(quantity: Quantity, *, alternate: bool = True) -> str:
    """Canonical text of a quantity; :func:`parse_quantity` reads it back to an equal one.

    A range is written as "LOW to HIGH" (its value is read back as the midpoint); a range
    whose value is not its midpoint (a central figure with its range, as growth arithmetic
    gives) as "VALUE UNIT (range LOW to HIGH)", which is read back too (with an alternate
    as well, the text is written but does not read back: two parentheses).

    Parameters
    ----------
    quantity
        The figure to write.
    alternate
        Append the alternate in parentheses, if there is one.

    Examples
    --------
    >>> from idcforecast.units import parse_quantity
    >>> format_quantity(parse_quantity("超过520万标准机架"))
    'at least 520 racks 10k'
    >>> format_quantity(parse_quantity("500 billion yuan ($71.2 billion)"))
    '500 CNY bn (71.2 USD bn)'
    >>> format_quantity(parse_quantity("1562.5亿元（2019年）"))
    '1562.5 CNY 100m (2019)'
    """
    low, high = quantity.low, quantity.high
    span = ""
    if low is None or high is None:
        number = number_text(quantity.value)
    elif math.isclose(quantity.value, (low + high) / 2, rel_tol=1e-12, abs_tol=1e-300):
        # the midpoint (up to the rounding of a unit conversion), as parse_quantity reads it
        number = f"{number_text(low)} to {number_text(high)}"
    else:  # the central value was dropped: "2800 to 3400" read back as 3100
        number = number_text(quantity.value)
        span = f" (range {number_text(low)} to {number_text(high)})"
    text = f"{QUALIFIER_WORDS[quantity.qualifier]}{number} {quantity.unit}{span}"
    if alternate and quantity.alternate is not None:
        text += f" ({format_quantity(quantity.alternate, alternate=False)})"
    elif quantity.year is not None and not span:
        text += f" ({quantity.year})"  # read back as its year
    return text
