"""Negative figures as accountants and filings write them (see
:func:`idcforecast.units.parse_quantity`): "(12.5)亿元", "($1,400)", "-US$1.4 billion".

The sign is moved after a currency that stands first ("$-1,400"), which is how the figure is
then read; other text is returned as it is.
"""

from __future__ import annotations

import re

from idcforecast.errors import IdcForecastError
from idcforecast.units.registry import parse_unit

__all__ = ["NUMBER", "accounting_negative"]

# a number as figures write it: "1,562.5", "1 050", "42", ".5"
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:\.\d+)?|\.\d+"

_ACCOUNTING_NEGATIVE = re.compile(
    rf"(?P<pre>[^\d()]*?)\(\s*(?P<number>{NUMBER})\s*\)\s*(?P<post>[^\d()]*)"
)


# a money figure in brackets, "($1,400)", "(US$1.4 billion)", or with a minus just before its
# currency, "-$1,400", "-US$1.4 billion" ("- $3 bn" is a dash): the sign is read after the
# currency ("$-1,400" reads)
_NEGATIVE_MONEY = re.compile(
    rf"(?:\(\s*(?P<pre>[^\d()\s+-][^\d()]*?)\s*(?P<number>{NUMBER})(?P<post>[^()]*?)\s*\)"
    rf"|-(?P<pre2>[^\d()\s+-][^\d()]*?)\s*(?P<number2>{NUMBER})(?P<post2>[^()]*))"
)


def _negative_money(norm: str) -> str | None:
    """ "($1,400)" and "-$1,400" as "$-1,400" (None for other text): the sign moved after a
    currency that stands first, which is how the figure is read. Only a currency may stand
    first: "(about 500 MW)" stays an error, "(500 MW)" too (a bracketed figure without a
    figure before it)."""
    match = _NEGATIVE_MONEY.fullmatch(norm)
    if match is None:
        return None
    pre = (match["pre"] if match["pre"] is not None else match["pre2"]).strip()
    number = match["number"] if match["number"] is not None else match["number2"]
    post = match["post"] if match["post"] is not None else match["post2"]
    from idcforecast.units.registry import without_suggestions

    try:
        with without_suggestions():
            if parse_unit(pre).currency is None:
                return None
    except IdcForecastError:
        return None
    return f"{pre}-{number}{post}"


def accounting_negative(norm: str) -> str:
    """ "(12.5)亿元", "(12.5)", "$(12.5) bn" as "-12.5亿元"...: the accountants' negative,
    as financial tables write it; other text as it is. Only a unit (or nothing) may stand
    before the "(": "CAGR (27.8%)" is no negative. A money figure in brackets, currency
    first ("($1,400)", "(US$1.4 billion)"), and one with a minus before its currency
    ("-$1,400") are negative too."""
    money = _negative_money(norm)
    if money is not None:
        return money
    match = _ACCOUNTING_NEGATIVE.fullmatch(norm)
    if match is None:
        return norm
    pre = match["pre"].strip()
    if pre:
        from idcforecast.units.registry import without_suggestions

        try:
            with without_suggestions():
                parse_unit(pre)
        except IdcForecastError:
            return norm
    return f"{pre}-{match['number']}{' ' if match['post'] else ''}{match['post']}".strip()
