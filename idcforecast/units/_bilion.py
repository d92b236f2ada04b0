""" "bilion": a billion (1e9) in Malay and Indonesian, a trillion (1e12) in Czech, Polish
and Slovak. Read by the currency beside it (:func:`bilion_by_currency`, for
``parse_quantity``) or, in ``find_figures``, by the language of its sentence
(:func:`bilion_in_context`); never guessed: with neither, the registry refuses it.
"""

from __future__ import annotations

import re

__all__ = ["bilion_by_currency", "bilion_in_context"]

# "bilion" (the word alone; its Czech and Polish inflections, "bilionů", "bilionów", stay
# unknown) is 1e9 in Malay and Indonesian, 1e12 in Czech, Polish and Slovak: the currency
# says which ("RM1.2 bilion", "Rp 5 bilion"; "5 bilion zł", "5 bilion CZK"); with none, or
# another ("US$5 bilion", "€5 bilion"), the registry refuses it (units/_unknown_units.py)
_BILION = re.compile(r"(?<![^\W\d_])bilion(?![^\W\d_])", re.IGNORECASE)
_SHORT_SCALE_CURRENCY = re.compile(
    r"(?<![^\W\d_])(?:MYR|RM|ringgits?|IDR|Rp|rupiahs?)(?![^\W\d_])", re.IGNORECASE
)
_LONG_SCALE_CURRENCY = re.compile(
    r"(?<![^\W\d_])(?:PLN|zł|złotych|złote|złoty|CZK|Kč|korun)(?![^\W\d_])", re.IGNORECASE
)


def bilion_by_currency(norm: str) -> str:
    """``norm`` with "bilion" as "bn" beside a Malay or Indonesian currency, as "tn"
    beside a Polish or Czech one, as it is otherwise (refused as ambiguous)."""
    short = _SHORT_SCALE_CURRENCY.search(norm) is not None
    long = _LONG_SCALE_CURRENCY.search(norm) is not None
    if short == long:  # neither, or both ("RM ... zł": no one figure)
        return norm
    return _BILION.sub("bn" if short else "tn", norm)


# letters of Czech, Polish and Slovak that Malay and Indonesian never write ("ó", "ý": no
# Spanish or Portuguese sentence writes "bilion", their words are "billón", "bilião")
_WEST_SLAVIC_LETTER = re.compile(r"[ąęłńśźżěščřůťďňľĺŕóýĄĘŁŃŚŹŻĚŠČŘŮŤĎŇĽĹŔÓÝ]")
# function and news words of Malay and Indonesian sentences that Czech and Polish ones lack
_MALAY_WORD = re.compile(
    r"(?<![^\W\d_])(?:yang|dan|akan|untuk|dengan|pada|ini|itu|oleh|dalam|bagi|serta|"
    r"sebanyak|bernilai|sebesar|mencapai|sekitar|daripada|kepada|adalah|telah|tahun|"
    r"pelaburan|melabur|investasi|berinvestasi|kerajaan|syarikat|perusahaan|pusat)(?![^\W\d_])",
    re.IGNORECASE,
)


def _scale_of(sentence: str) -> str | None:
    """ "bn" for a Malay or Indonesian sentence, "tn" for a Czech, Polish or Slovak one
    (by its currencies, letters and words), None when it says neither or both."""
    short = (
        _SHORT_SCALE_CURRENCY.search(sentence) is not None
        or len(set(w.lower() for w in _MALAY_WORD.findall(sentence))) >= 2
    )
    long = (
        _LONG_SCALE_CURRENCY.search(sentence) is not None
        or _WEST_SLAVIC_LETTER.search(sentence) is not None
    )
    if short == long:
        return None
    return "bn" if short else "tn"


def bilion_in_context(reading: str, scan: str, sentences: list[tuple[int, int]]) -> str:
    """``reading`` with each "bilion" of ``scan`` as "    bn" (the same length) in a Malay
    or Indonesian sentence ("Syarikat itu akan melabur US$5 bilion"), as "    tn" in a Czech,
    Polish or Slovak one; as it is where the sentence says neither (then refused)."""
    chars: list[str] | None = None
    for match in _BILION.finditer(scan):
        span = next((s for s in sentences if s[0] <= match.start() < s[1]), None)
        scale = None if span is None else _scale_of(scan[span[0] : span[1]])
        if scale is None:
            continue
        chars = chars or list(reading)
        chars[match.start() : match.end()] = "    " + scale
    return reading if chars is None else "".join(chars)
