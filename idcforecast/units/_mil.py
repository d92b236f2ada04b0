""" "mil": a thousand in Spanish and Portuguese ("5 mil euros" is 5,000 euros; "5 mil millones"
is 5 billion), a million in English shorthand ("$5 mil", as US filings write it). The
registry lists it as a million; these rules read it as a thousand where the words around
it are Spanish or Portuguese.
"""

from __future__ import annotations

import re

__all__ = ["romance_mil", "thousand_mil"]

# "mil" before another magnitude word is part of it ("mil millones" is a billion)
_MIL = r"\bmil\b(?!\s+(?:mill|milh|millardo))"
# "mil" before a Spanish or Portuguese money word ("5 mil euros", "500 mil dólares", "10 mil
# reais"), or after "R$" (the real: "R$ 5 mil" is 5,000 reais)
_BEFORE_ROMANCE_MONEY = re.compile(
    _MIL + r"(?=\s+(?:de\s+)?(?:euros|d[oó]lares|pesos|reais|reales|libras|yenes|yuanes)\b)"
    r"|(?<=^R\$)(?P<real>\s*[\d.,]+\s*)" + _MIL,
    re.IGNORECASE,
)
# function words of Spanish and Portuguese sentences that English ones lack
_ROMANCE_WORD = re.compile(
    r"\b(?:de|del|los|las|el|la|en|por|para|con|una|que|y|fue|será|año|años|centros?|"
    r"inversión|mercado|da|do|dos|das|em|uma|ao|mais|ano|anos|investimento|é)\b",
    re.IGNORECASE,
)
_ANY_MIL = re.compile(_MIL, re.IGNORECASE)


def thousand_mil(figure: str) -> str:
    """``figure`` with a "mil" that is Spanish or Portuguese by the money word after it
    (or "R$" before it) as "thousand"; other text as it is.

    Examples
    --------
    >>> thousand_mil("5 mil euros"), thousand_mil("$5 mil"), thousand_mil("5 mil millones")
    ('5 thousand euros', '$5 mil', '5 mil millones')
    """
    if "mil" not in figure.lower():
        return figure
    return _BEFORE_ROMANCE_MONEY.sub(
        lambda m: f"{m['real']}thousand" if m["real"] is not None else "thousand", figure
    )


def romance_mil(reading: str, scan: str, sentences: list[tuple[int, int]]) -> str:
    """``reading`` with each "mil" of a Spanish or Portuguese sentence of ``scan`` (two of
    their function words in it: "La inversión será de 500 mil euros") as "  k" (a thousand,
    the same length); other text as it is."""
    chars: list[str] | None = None
    for match in _ANY_MIL.finditer(scan):
        span = next((s for s in sentences if s[0] <= match.start() < s[1]), None)
        if span is None or len(_ROMANCE_WORD.findall(scan, *span)) < 2:
            continue
        chars = chars or list(reading)
        chars[match.start() : match.end()] = "  k"
    return reading if chars is None else "".join(chars)
