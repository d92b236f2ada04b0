"""The error of a unit the registry does not know, and the hint it gives: the currency
codes of a word several countries share ("kroner"), the long-scale "bilion" (1e12), or a
"did you mean"."""

from __future__ import annotations

import re

from idcforecast.errors import UnknownUnitError
from idcforecast.units._currency_codes import unlisted_currency_hint

__all__ = ["LONG_SCALE_BILLION", "SHARED_CURRENCY_WORDS", "unknown_unit"]

# words several currencies share: a guess at one ("kroner": did you mean 'SEK'?, the
# nearest spelling, though kroner are Norwegian or Danish) would convert at the wrong rate
SHARED_CURRENCY_WORDS = {
    "krone": ("NOK", "DKK"),
    "kroner": ("NOK", "DKK"),
    "kr": ("SEK", "NOK", "DKK"),
    "kr.": ("SEK", "NOK", "DKK"),
}


# the long scale's "bilion" (Czech, Polish, Slovak: 1e12) in its inflected forms: the
# nearest spelling, "bilion", is the Malay billion, a guess a thousand times too small
LONG_SCALE_BILLION = re.compile(r"bilion(?:u|ů|y|ów|a|ami|ach)$", re.IGNORECASE)


def unknown_unit(text: str, unknown: str, suggestion: str | None) -> UnknownUnitError:
    """The error for unit ``text``, whose word ``unknown`` the registry lacks, with the
    hint for that word (``suggestion``: a "did you mean" computed by the caller, None for
    words where a guess would be wrong: shared currency words, the long-scale bilion, the
    "bilion" of no currency)."""
    if unlisted := unlisted_currency_hint(unknown):  # "5 billion EGP"
        return UnknownUnitError(
            f"unit {text!r} is not defined; {unlisted}", unit=text, unknown=unknown, suggestion=None
        )
    shared = SHARED_CURRENCY_WORDS.get(unknown.lower())
    long_scale = LONG_SCALE_BILLION.match(unknown) is not None
    hint = (
        f"{unknown!r} names the currency of several countries: write its code, "
        + ", ".join(repr(code) for code in shared[:-1])
        + f" or {shared[-1]!r}"
        if shared
        else f"{unknown!r} is the Czech or Polish 'bilion', a trillion (1e12), not a "
        "billion: write 'tn' ('€5 tn')"
        if long_scale
        else f"{unknown!r} is a billion (1e9) in Malay and Indonesian but a trillion (1e12) in "
        "Czech, Polish and Slovak, and no currency here says which (ringgit or rupiah: a "
        "billion; złoty or koruna: a trillion); write 'bn' or 'tn' ('US$5 bn')"
        if unknown.lower() == "bilion"
        else f"did you mean {suggestion!r}?"
        if suggestion
        else "expected a currency, magnitude or unit listed in idcforecast/units/units.txt "
        "(e.g. 'CNY 100m', 'USD bn', 'MW', 'racks')"
    )
    return UnknownUnitError(
        f"unit {text!r} is not defined ({unknown!r} is no known unit, magnitude or "
        f"currency); {hint}",
        unit=text,
        unknown=unknown,
        suggestion=suggestion,
    )
