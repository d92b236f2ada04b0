"""Unit text said in words the registry reads only once rewritten: "millions of US
dollars" (the magnitude before "of"), the Polish "bln zł" (a trillion), "bilion" by the
currency beside it (a billion in Malay and Indonesian, a trillion in Polish and Czech)."""

from __future__ import annotations

import re

from idcforecast.units._bilion import bilion_by_currency

__all__ = ["respelled"]

# "millions of US dollars", "billions of yuan" (annual reports' unit lines): the magnitude
# of the unit after it, as "US dollars millions"; "hundreds of millions" is no magnitude
_MAGNITUDE_OF = re.compile(
    r"(?<![A-Za-z])(?<!hundreds of )(?<!tens of )"
    r"(?P<magnitude>(?:thousand|million|billion|trillion)s?)\s+of\s+",
    re.IGNORECASE,
)


# "bln" before "zł", "złotych": Polish writes it for bilion, a trillion (1e12; "mld" is the
# billion); English news writes "bln zlotys" for billions, read as written
_POLISH_BILION = re.compile(r"(?<![a-z])bln\.?(?=\s*z[łŁ])", re.IGNORECASE)


def respelled(norm: str) -> str:
    """Normalised unit text ``norm`` as the registry reads it: "bln zł" as "tn zł", the
    Polish bilion (1e12); "millions of US dollars" as "millions US dollars"; "bilion" as
    "bn" or "tn" by its currency.

    Examples
    --------
    >>> respelled("5 bln zł"), respelled("millions of US dollars")
    ('5 tn zł', 'millions US dollars')
    >>> respelled("RM bilion"), respelled("bilion zł"), respelled("US$ bilion")
    ('RM bn', 'tn zł', 'US$ bilion')
    """
    if "ilion" in norm or "ILION" in norm or "Ilion" in norm:
        norm = bilion_by_currency(norm)
    if "ł" in norm or "Ł" in norm:  # "bln zł": the Polish bilion, 1e12
        norm = _POLISH_BILION.sub("tn", norm)
    if " of " in norm or " OF " in norm or " Of " in norm:  # "millions of US dollars"
        norm = _MAGNITUDE_OF.sub(r"\g<magnitude> ", norm)
    return norm
