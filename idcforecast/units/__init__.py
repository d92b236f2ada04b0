"""Units and money: read figures as written, convert them, FX by year.

The registry of magnitudes, currencies and physical units is the data file ``units.txt``
in this package (grammar in its header); exchange rates are the sourced table
``data/fx_rates.csv``, or a user's own file inside ``with use_fx_rates(FILE):``.

Examples
--------
>>> from idcforecast.units import parse_quantity, convert
>>> q = parse_quantity("1,562.5亿元")
>>> q.value, q.unit
(1562.5, 'CNY 100m')
>>> round(convert(q, "USD bn", year=2019), 3)
22.618
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.units.convert import DEFAULT_KW_PER_RACK, conversion_factor, convert
from idcforecast.units.fx import fx_rate, use_fx_rates
from idcforecast.units.quantity import QUALIFIER_WORDS, QUALIFIERS, Quantity, format_quantity
from idcforecast.units.registry import Unit, canonical_unit, known_units, parse_unit

if TYPE_CHECKING:
    from idcforecast.units.parse import parse_quantity

__all__ = [
    "DEFAULT_KW_PER_RACK",
    "QUALIFIERS",
    "QUALIFIER_WORDS",
    "Quantity",
    "Unit",
    "canonical_unit",
    "conversion_factor",
    "convert",
    "format_quantity",
    "fx_rate",
    "known_units",
    "parse_quantity",
    "parse_unit",
    "use_fx_rates",
]


def __getattr__(name: str) -> Any:
    # The figure reader (units.parse: its patterns, Chinese numerals, decimal commas) is
    # loaded on first use: it was ~70% of this package's import (~25 of ~40 ms CPU), paid by
    # every forecast_many that only asks the registry whether a unit is percent.
    if name == "parse_quantity":
        from idcforecast.units.parse import parse_quantity

        globals()[name] = parse_quantity
        return parse_quantity
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
