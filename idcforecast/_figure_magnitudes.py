"""An amount of money whose magnitude word ``find_figures`` does not read ("€5 bilionů").

``find_figures`` keeps the longest stretch ``parse_quantity`` reads: before a magnitude word
the registry lacks, that is the currency and the number alone ("€5" of "€5 bilionů", five
euros for five trillion), a figure thousands or millions of times too small. Such an amount
is left out and named in an :class:`~idcforecast.errors.AmbiguousNumberWarning`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["unread_magnitude", "warn_unread_magnitudes"]

# a bare currency code: money with no magnitude and no "per" ("EUR", not "EUR bn", "USD/MW")
_BARE_MONEY = re.compile(r"[A-Z]{3}")
# the stems of magnitude words in languages the registry does not list in full: Czech and
# Polish "milion(ů|ów)", "miliard(y|ów)", "bilion(ů|ów)", Turkish "milyon", "tys." (thousand),
# Russian "тысяч", "миллион", "миллиард", Arabic "مليون", "مليار", Hindi "करोड़", "लाख", "अरब"
_MAGNITUDE_STEM = re.compile(
    r" ?((?:mili[oa]|milj|milyon|bili[oa]|trili|mln|bln|mld|mlrd|mrd|tys\b"
    r"|тыс|млн|млрд|трлн|милл|трилл|мільй|мільярд"
    r"|مليون|مليار|ألف|करोड़|लाख|अरब)[^\s\d.,;:!?()]*)",
    re.IGNORECASE,
)


def unread_magnitude(scan: str, end: int, quantity: Quantity) -> str | None:
    """The word after the money figure ending at ``end`` that looks like a magnitude word
    the figure did not take in ("bilionů" of "€5 bilionů"), or None."""
    if not _BARE_MONEY.fullmatch(quantity.unit):
        return None
    word = _MAGNITUDE_STEM.match(scan, end)
    return None if word is None else word[1]


def warn_unread_magnitudes(found: list[tuple[str, str]]) -> None:
    """Say which amounts (figure as written, word after it) were left out."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AmbiguousNumberWarning

    shown = ", ".join(f"{' '.join(figure.split())!r} before {word!r}" for figure, word in found[:3])
    shown += ", ..." if len(found) > 3 else ""
    warnings.warn(
        f"find_figures: left out {counted(len(found), 'amount')} of money "
        f"followed by a magnitude word it does not read ({shown}): read without it, the "
        "amount would be thousands of times too small; write the magnitude in English "
        "('€5 trillion', '$2 billion') or as a code ('EUR tn'), and check the language's "
        "scale (Czech and Polish 'bilion' is a trillion)",
        AmbiguousNumberWarning,
        stacklevel=caller_stacklevel(),
    )
