"""Private: words in a claim's value text that name a kind of rate ("CAGR 27.8%",
"同比增长34.6%"), checked against the claim's ``kind``.

parse_quantity reads such text as the bare rate, so a CAGR typed under kind ``growth``
was checked as one year's growth (and a year-on-year rate under ``cagr`` as a compound
rate over the whole period), with nothing said: a wrong reading of what was published.
"""

from __future__ import annotations

import re
from typing import Any

from idcforecast._claim_marks import note_added
from idcforecast.errors import SpecError

__all__ = ["check_rate_words", "without_rate_change_words"]

# a compound or average annual rate over several years
_COMPOUND = re.compile(
    r"\bCAGR\b|compound|annual(?:ized|ised)?\s+average|average\s+annual|复合|年均|年平均",
    re.IGNORECASE,
)
# one year's change on the year before
_YEAR_ON_YEAR = re.compile(r"\bYoY\b|\by/y\b|\by-o-y\b|year[- ]on[- ]year|同比", re.IGNORECASE)

_PERCENT = re.compile(r"%|％|percent|per\s*cent|百分", re.IGNORECASE)


def check_rate_words(text: str, kind: Any, *, where: str, row: Any) -> None:
    """A SpecError when ``text`` names a kind of rate that ``kind`` is not.

    Examples
    --------
    >>> check_rate_words("CAGR 27.8%", "cagr", where="row 2", row=2)
    >>> check_rate_words("同比增长34.6%", "growth", where="row 2", row=2)
    >>> check_rate_words("CAGR 27.8%", "growth", where="row 2", row=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.SpecError: row 2: value 'CAGR 27.8%' is a compound annual rate ...
    """
    if kind == "level" and not _PERCENT.search(text):
        return  # "年均投资3200亿元" (a year's average level) is a level
    compound, yearly = _COMPOUND.search(text), _YEAR_ON_YEAR.search(text)
    if compound and kind in ("growth", "level"):
        said = f"{where}: value {text!r} is a compound annual rate ({compound[0]!r})"
        fix = "give kind 'cagr' with its period (e.g. '2020-2022')"
    elif yearly and kind in ("cagr", "level"):
        said = f"{where}: value {text!r} is a year-on-year rate ({yearly[0]!r})"
        fix = "give kind 'growth' with its year"
    else:
        return
    raise SpecError(
        f"{said}, but kind is {kind!r}, which would read it as "
        f"{_READ_AS[kind]}; {fix}, or the kind's own figure",
        key="kind",
        value=kind,
        row=row,
    )


_READ_AS = {
    "growth": "one year's growth",
    "cagr": "a compound rate a year over the whole period",
    "level": "a level",
}


# "growth slowed to 5%", "增速放缓至5%": the rate reached, said with the verb of its change
# (the rate IS 5%, not -5%); "fell 5%" (no "to") is a fall, read by parse_quantity
_RATE_MOVED_TO = re.compile(
    r"^\s*(?:(?:the\s+)?(?:growth(?:\s+rate)?|rate)\s+)?"
    r"(?:slowed|fell|dropped|declined|eased|decelerated|rose|climbed|accelerated|picked\s+up"
    r"|jumped|recovered|rebounded)\s+to\s+(?=\S)"
    r"|^\s*(?:增速|增长率|增幅)?\s*(?:放缓|回落|下滑|下降|降低|回升|提升|提高|加快|上升|反弹)(?:至|到)\s*",
    re.IGNORECASE,
)


def without_rate_change_words(text: str, kind: Any, record: dict[str, Any]) -> str:
    """A growth or CAGR value without the words of the rate's change before it ("slowed to
    5%", "增速放缓至5%": 5%), said in the record's note; other text as it is.

    Such text was "unit 'slowed to' is not defined".

    Examples
    --------
    >>> record = {}
    >>> without_rate_change_words("growth slowed to 5%", "growth", record), record["note"]
    ('5%', "published as 'growth slowed to 5%' (the rate reached, read as 5%)")
    >>> without_rate_change_words("增速放缓至5%", "growth", {})
    '5%'
    >>> without_rate_change_words("fell 5%", "growth", {}), without_rate_change_words(
    ...     "fell to 3000亿元", "level", {})
    ('fell 5%', 'fell to 3000亿元')
    """
    if kind not in ("growth", "cagr"):
        return text
    stripped = _RATE_MOVED_TO.sub("", text, count=1)
    if stripped == text or not stripped.strip():
        return text
    said = f"published as {text.strip()!r} (the rate reached, read as {stripped.strip()})"
    record["note"] = note_added(record.get("note"), said)
    return stripped
