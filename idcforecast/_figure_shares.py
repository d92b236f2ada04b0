"""The qualifier of a share written before its verb: "约占全国的30%" (about 30% of the
country's). Chinese puts 约 or 近 before 占 (to account for), not before the percentage:
read alone, "30%" was exact. :mod:`idcforecast.text_figures` gives the
share the qualifier of the word before 占.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from idcforecast.units._figure_words import PREFIX_QUALIFIERS

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["share_qualifier"]

_HEDGES = sorted((w for w, q in PREFIX_QUALIFIERS.items() if q and q != "exact"), key=len)
# a hedge, 占 (or 佔, 占比), then what the share is of, up to the percentage: "约占全社会用电
# 量的", "大约占"; no clause mark nor number between
_SHARE_BEFORE = re.compile(
    "(" + "|".join(re.escape(w) for w in _HEDGES[::-1] if not w.isascii()) + r")\s*"
    r"(?:占|佔)(?:比)?[^，,。；;！？!?\d%]{0,20}?(?:的|之)?\s*$"
)
_SHARE_UNITS = ("%", "tenths")


def share_qualifier(scan: str, start: int, floor: int, quantity: Quantity) -> Quantity:
    """``quantity``, an exact share starting at ``start``, with the qualifier of the hedge
    before 占 ("约占全国的30%": approximately 30%; "超过占" at least); else as it is."""
    if quantity.unit not in _SHARE_UNITS or quantity.qualifier != "exact":
        return quantity
    hedge = _SHARE_BEFORE.search(scan, max(floor, start - 28), start)
    if hedge is None:
        return quantity
    return dataclasses.replace(quantity, qualifier=PREFIX_QUALIFIERS[hedge[1]])
