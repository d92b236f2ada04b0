"""An amount in a currency the registry lacks ("EGP 5 billion", "20 billion Egyptian pounds").

``find_figures`` keeps the longest stretch ``parse_quantity`` reads: beside a currency the
registry does not list, that is the number and its magnitude alone ("5 billion", 5 "count
bn"), an amount of money read as a count of things, its currency lost. Such an amount is
left out and named in an :class:`~idcforecast.errors.AmbiguousNumberWarning`, as an amount
before a magnitude word the registry lacks is (:mod:`idcforecast._figure_magnitudes`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast.units._currency_codes import UNLISTED_CURRENCY_CODES

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = [
    "glued_currency_amounts",
    "rupee_of_another_country",
    "unknown_currency",
    "warn_unknown_currencies",
]

_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z]{3})\s*$")
# a currency's name after the amount that the registry does not read: "Egyptian pounds",
# "New Zealand dollars", "Mexican pesos", "Turkish lira", "dirhams", "riyals"
_NAME_AFTER = re.compile(
    r"\s+((?:[A-Z][a-z]+\s+){0,2}(?:pounds?|dollars?|rupees?|francs?|pesos?|dinars?|"
    r"dirhams?|riyals?|rials?|shillings?|lira|liras|lire|rubles?|roubles?|hryvnias?|"
    r"tenge|taka|kwacha|cedis?|birr|sol|soles|guarani|bolivars?|lek|leks|dram|lari|manat)"
    r"|(?:dirhams?|riyals?|rials?|shillings?|lira|liras|lire|rubles?|roubles?|hryvnias?|"
    r"tenge|taka|kwacha|cedis?|pesos?|dinars?))\b",
)


def unknown_currency(scan: str, start: int, end: int, quantity: Quantity) -> str | None:
    """The currency (code or name, as written) of the amount at ``scan[start:end]`` that
    was read as a count with a magnitude because the registry lacks the currency ("EGP" of
    "EGP 5 billion", "Egyptian pounds" of "5 billion Egyptian pounds"), or None."""
    unit = quantity.unit
    if not unit.startswith("count ") or "/" in unit:  # a plain count has no magnitude
        return None
    code = _CODE_BEFORE.search(scan, max(0, start - 5), start)
    if code is not None and code[1] in UNLISTED_CURRENCY_CODES:
        return code[1]
    name = _NAME_AFTER.match(scan, end)
    return None if name is None else " ".join(name[1].split())


# the countries other than India whose rupee is written "Rs" or "rupees" (Pakistan, Sri
# Lanka, Nepal, Mauritius, Seychelles: PKR, LKR, NPR, MUR, SCR, none in the registry), by
# their names, peoples and main cities
_RUPEE_COUNTRY = re.compile(
    r"\b(?:Pakistan(?:i|is)?|Karachi|Lahore|Islamabad|Rawalpindi|Sri\s+Lanka(?:n|ns)?|Colombo"
    r"|Nepal(?:i|ese)?|Kathmandu|Mauriti(?:us|an|ans)|Seychell(?:es|ois))\b|巴基斯坦|斯里兰卡|尼泊尔"
)
_RUPEES_SHOWN = "rupees with"  # how the warning shows such an amount's currency
# how the amount names its currency: India's own sign or code, or "Indian", is India's
_INDIAN_RUPEE = re.compile(r"₹|\bINR\b|\bIndian\b|印度", re.IGNORECASE)


def rupee_of_another_country(
    scan: str, figure: tuple[int, int], quantity: Quantity, sentence: tuple[int, int]
) -> str | None:
    """The rupee of an amount in "Rs" or "rupees" (read as INR) whose sentence names
    another country that writes its rupee so ("Rs5 billion in Pakistan", "Sri Lanka's Rs.
    3 billion plan"), as the warning shows it, or None: INR would be a guess, and PKR,
    LKR, NPR are not in the registry. An amount in "₹", "INR" or "Indian rupees" stays
    INR."""
    start, end = figure
    if not quantity.unit.startswith("INR"):
        return None
    if _INDIAN_RUPEE.search(scan, max(sentence[0], start - 8), end):
        return None
    country = _RUPEE_COUNTRY.search(scan, *sentence)
    if country is None:
        return None
    return f"{_RUPEES_SHOWN} {' '.join(country[0].split())!r} in its sentence, so not INR"


# a currency symbol of letters glued to the amount that the registry does not list, as
# South African ("R5 billion", rand), Philippine ("P10 billion", peso) and Kenyan ("Sh5
# billion", "KSh5 billion", shilling) news write it: the glued letter makes the number no
# figure ("5G", "A100"), so the amount was left out without a word
_GLUED_MONEY = re.compile(
    r"(?<![A-Za-z0-9$])(R|P|Sh|KSh)(\d[\d,.]*\s?(?:billion|million|trillion|bn|mn|tn)\b)"
)


def glued_currency_amounts(text: str) -> list[tuple[str, str]]:
    """The amounts written with such a symbol in ``text`` (figure as written, symbol)."""
    return [(match[0], match[1]) for match in _GLUED_MONEY.finditer(text)]


def warn_unknown_currencies(found: list[tuple[str, str]]) -> None:
    """Say which amounts (figure as written, its currency) were left out."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AmbiguousNumberWarning

    shown = ", ".join(f"{' '.join(figure.split())!r} in {money!r}" for figure, money in found[:3])
    shown += ", ..." if len(found) > 3 else ""
    rupees = (
        ", and rupees would be Indian rupees (INR)"
        if any(money.startswith(_RUPEES_SHOWN) for _, money in found)
        else ""
    )
    warnings.warn(
        f"find_figures: left out {counted(len(found), 'amount')} of money "
        f"in a currency the unit registry lacks ({shown}): read without it, the amount would "
        f"be a count of things{rupees}; convert it to a listed currency (USD, EUR, ...) "
        "yourself, or add the currency to idcforecast/units/units.txt",
        AmbiguousNumberWarning,
        stacklevel=caller_stacklevel(),
    )
