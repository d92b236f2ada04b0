"""Unit text said in words the registry reads only once rewritten: "millions of US
dollars" (the magnitude before "of"), the Polish "bln zł" (a trillion), "bilion" by the
currency beside it (a billion in Malay and Indonesian, a trillion in Polish and Czech),
"新台幣億元" and "港幣億元" as Taiwan and Hong Kong dollars (the 元 is their dollar)."""

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


# "新台幣億元", "港幣億元", "NT$ 億元": the 元 after a currency other than the yuan is that
# currency's own unit word (Taiwan and Hong Kong write 元 for their dollar), not a second
# currency: TWD 100m and HKD 100m, as "億新台幣" and "億港元" read
_DOLLAR_YUAN = re.compile(
    r"(?P<currency>新台幣|新臺幣|新台币|台幣|臺幣|台币|港幣|港币|港元|NT\$|HK\$)"
    r"(?P<between>\s*[十百千万萬亿億]*\s*)元"
)


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
    >>> respelled("新台幣億元"), respelled("港幣 億元"), respelled("NT$ 億元")
    ('新台幣億', '港幣 億', 'NT$ 億')
    """
    if "元" in norm:  # "新台幣億元": Taiwan dollars, not Taiwan dollars and yuan
        norm = _DOLLAR_YUAN.sub(r"\g<currency>\g<between>", norm).rstrip()
    if "ilion" in norm or "ILION" in norm or "Ilion" in norm:
        norm = bilion_by_currency(norm)
    if "ł" in norm or "Ł" in norm:  # "bln zł": the Polish bilion, 1e12
        norm = _POLISH_BILION.sub("tn", norm)
    if " of " in norm or " OF " in norm or " Of " in norm:  # "millions of US dollars"
        norm = _MAGNITUDE_OF.sub(r"\g<magnitude> ", norm)
    return norm
