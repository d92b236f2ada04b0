"""Private: a claim's value written as a multiple of the level ("doubled", "nearly doubled",
"tripled", "翻一番", "增长近一倍") instead of a percent.

Such text was "not a figure: no number found" (or, for 翻一番, a hint about Chinese numerals).
A year-on-year growth that doubled is 100% (one step: nothing to choose). A multiple over a
CAGR's period is no rate a year until the steps are known, and "2020-22" has two readings
(2 steps from 2020, 3 from the 2019 base) that give different rates: the error gives both,
for the reader to write the one meant.
"""

from __future__ import annotations

import math
import re
from typing import Any

from idcforecast._claim_marks import note_added
from idcforecast.errors import SpecError

__all__ = ["multiple_claim"]

_ENGLISH = {
    "doubl": 2.0,
    "tripl": 3.0,
    "quadrupl": 4.0,
}
_ENGLISH_QUALIFIERS = {
    "nearly": "approximately",
    "almost": "approximately",
    "about": "approximately",
    "roughly": "approximately",
    "around": "approximately",
    "more than": "at_least",
    "over": "at_least",
    "less than": "at_most",
}
_ENGLISH_PATTERN = re.compile(
    r"^(?:(?P<q>" + "|".join(_ENGLISH_QUALIFIERS) + r")\s+)?"
    r"(?:has\s+|have\s+|had\s+|will\s+|to\s+|is\s+|be\s+)?"
    r"(?P<word>doubl|tripl|quadrupl)(?:e|ed|es|ing)"
    r"(?:\s+in\s+size)?\s*$",
    re.IGNORECASE,
)
_FOLD_WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0}
# "2x", "x2", "2.5x", "twofold", "a 3-fold increase"
_FOLD_PATTERN = re.compile(
    r"^(?:(?:grew|grown|rose|risen|increased|expanded|jumped|will\s+grow)\s+)?"  # "grew 3-fold"
    r"(?:(?P<q>" + "|".join(_ENGLISH_QUALIFIERS) + r")\s+)?(?:an?\s+)?"
    r"(?:(?P<n>\d+(?:\.\d+)?)\s*(?:x|×|-?\s*fold)|[x×]\s*(?P<m>\d+(?:\.\d+)?)"
    r"|(?P<w>" + "|".join(_FOLD_WORDS) + r")-?\s*fold)"
    r"(?:\s+(?:increase|growth|rise|expansion))?\s*$",
    re.IGNORECASE,
)
_CHINESE_NUMBERS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
_CHINESE_QUALIFIERS = {"近": "approximately", "接近": "approximately", "约": "approximately",
                       "超过": "at_least", "超": "at_least", "逾": "at_least"}  # fmt: skip
_QUALIFIER_CN = "|".join(sorted(_CHINESE_QUALIFIERS, key=len, reverse=True))
# 翻一番 doubles, 翻两番 quadruples (a 番 is a doubling); 增长一倍 is +100%, 增长两倍 +200%
_CHINESE_PATTERN = re.compile(
    rf"^(?:(?:规模|市场规模)?(?:将|已|已经)?)?(?P<q1>{_QUALIFIER_CN})?"
    rf"(?:(?:翻了?(?P<q2>{_QUALIFIER_CN})?(?P<fan>[一两二三])?番)"
    rf"|(?:增长了?|增加了?|扩大了?)(?P<q3>{_QUALIFIER_CN})?(?P<bei>[一两二三四]|\d+(?:\.\d+)?)倍)(?P<more>多)?\s*$"
)

# "3倍", "约3倍", "是上年的3倍" (N times the level: x N, not "grew by N times"); a bare
# "3倍" was "unit '倍' is not defined". A base named by its year ("是2019年的3倍") is left
# out: a growth claim's base is the year before, and a CAGR's steps are its period's.
# "增至2倍", "增长到2倍", "扩大至3倍" (grew TO N times: x N, not "增长2倍", grew BY) were
# "unit '倍' is not defined"
_TIMES_PATTERN = re.compile(
    r"^(?:是(?:上年|去年|上一年)的|(?:增长?|增加|扩大|提高|提升|上升|升)了?(?:到|至))?"
    rf"(?P<q>{_QUALIFIER_CN})?"
    r"(?P<n>[两二三四五]|\d+(?:\.\d+)?)倍(?P<more>多)?\s*$"
)


def _times(text: str) -> tuple[float, str] | None:
    """``(multiple, qualifier)`` of "N times the level" ("3倍", "是上年的3倍"), which,
    unlike "增长3倍" (grew by 3 times), is N times and nothing else; "2倍多" (more than
    twice) is at least 2.

    Examples
    --------
    >>> _times("3倍"), _times("是上年的约2.5倍"), _times("2倍多"), _times("增长3倍")
    ((3.0, 'exact'), (2.5, 'approximately'), (2.0, 'at_least'), None)
    >>> _times("增至2倍"), _times("增长到近3倍")
    ((2.0, 'exact'), (3.0, 'approximately'))
    """
    match = _TIMES_PATTERN.match(text.strip())
    if match is None:
        return None
    number = match.group("n")
    multiple = float(_CHINESE_NUMBERS.get(number) or number)
    if multiple <= 0:
        return None
    said = match.group("q")
    if match.group("more"):
        return (multiple, "at_least") if said is None else None  # "约2倍多": no one bound
    return multiple, "exact" if said is None else _CHINESE_QUALIFIERS[said]


def _multiple(text: str) -> tuple[float, str] | None:
    """``(multiple, qualifier)`` of a multiple written as words; None for other text.

    Examples
    --------
    >>> _multiple("nearly doubled"), _multiple("tripled"), _multiple("翻一番")
    ((2.0, 'approximately'), (3.0, 'exact'), (2.0, 'exact'))
    >>> _multiple("翻两番"), _multiple("增长近一倍"), _multiple("27.8%")
    ((4.0, 'exact'), (2.0, 'approximately'), None)
    >>> _multiple("2.5x"), _multiple("a threefold increase"), _multiple("增长1倍")
    ((2.5, 'exact'), (3.0, 'exact'), (2.0, 'exact'))
    >>> _multiple("增长一倍多"), _multiple("翻了一番多")  # 多: more than
    ((2.0, 'at_least'), (2.0, 'at_least'))
    """
    stripped = text.strip()
    if match := _ENGLISH_PATTERN.match(stripped):
        qualifier = match.group("q")
        words = "exact" if qualifier is None else _ENGLISH_QUALIFIERS[qualifier.lower()]
        return _ENGLISH[match.group("word").lower()], words
    if match := _FOLD_PATTERN.match(stripped):
        qualifier = match.group("q")
        words = "exact" if qualifier is None else _ENGLISH_QUALIFIERS[qualifier.lower()]
        number = match.group("n") or match.group("m")
        multiple = float(number) if number else _FOLD_WORDS[match.group("w").lower()]
        return (multiple, words) if multiple > 0 else None
    if match := _CHINESE_PATTERN.match(stripped):
        said = match.group("q1") or match.group("q2") or match.group("q3")
        qualifier = "exact" if said is None else _CHINESE_QUALIFIERS[said]
        if match.group("more") and said is None:  # 增长一倍多: more than doubled
            qualifier = "at_least"
        if bei := match.group("bei"):
            return 1.0 + (_CHINESE_NUMBERS.get(bei) or float(bei)), qualifier
        return 2.0 ** _CHINESE_NUMBERS[match.group("fan") or "一"], qualifier
    return None


def multiple_claim(text: str, record: dict[str, Any], *, where: str, row: Any) -> dict[str, Any]:
    """The value and qualifier of a growth claim written as a multiple ("doubled": 100%);
    ``{}`` for text that is no multiple. A CAGR or a level written so is a SpecError that
    says what to write instead (for a CAGR: the rate of each reading of its period).

    Examples
    --------
    >>> multiple_claim("nearly doubled", {"kind": "growth"}, where="row 2", row=2)
    {'value': 100.0, 'note': "published as 'nearly doubled': a multiple of 2, +100%", \
'qualifier': 'approximately'}
    """
    n_times = _times(text)
    found = _multiple(text) if n_times is None else n_times
    if found is None:
        return {}
    multiple, qualifier = found
    if n_times is None and multiple > 2 and "倍" in text:  # 增长两倍: +200% by the rule, x2
        raise SpecError(
            f"{where}: value {text!r} is ambiguous: by the rule it grew by {multiple - 1:g} "
            f"times (x{multiple:g}, +{(multiple - 1) * 100:g}%), but it is often written for "
            f"x{multiple - 1:g}; give the percent the source means (e.g. "
            f"'{(multiple - 1) * 100:g}%')",
            key="value",
            value=text,
            row=row,
        )
    kind = record.get("kind")
    if kind == "growth":
        given = record.get("qualifier")
        if qualifier != "exact" and given not in (None, qualifier):
            raise SpecError(
                f"{where}: value {text!r} says {qualifier!r} but qualifier says {given!r}; "
                "give it once: leave qualifier blank, or write the value without its "
                "qualifier",
                key="qualifier",
                value=given,
                row=row,
            )
        value = (multiple - 1.0) * 100.0
        said = f"published as {text.strip()!r}: a multiple of {multiple:g}, {value:+g}%"
        out: dict[str, Any] = {"value": value, "note": note_added(record.get("note"), said)}
        if given is None:
            out["qualifier"] = qualifier
        return out
    times = f"a multiple of {multiple:g}"
    if kind != "cagr":
        raise SpecError(
            f"{where}: value {text!r} is a change ({times} of the level), not a level; give "
            "the level as a figure, or the change as kind 'growth' or 'cagr'",
            key="value",
            value=text,
            row=row,
        )
    from idcforecast.units import QUALIFIER_WORDS

    # "翻了一番多" (more than doubled) is more than 26.0% a year: the advice was the exact
    # '26.0%', a claim the source did not make
    words = QUALIFIER_WORDS[qualifier]
    start, end = _years(record)
    if start is None or end is None:
        readings = "its rate a year depends on the steps of its period"
    else:
        steps = end - start
        rates = [
            f"{words}{multiple ** (1 / n) - 1:.1%} a year over {n} steps from {end - n} "
            f"({multiple:g} ** (1/{n}) - 1)"
            for n in (steps, steps + 1)
        ]
        readings = f"over {start}-{end} it is {' or '.join(rates)}"
    raise SpecError(
        f"{where}: value {text!r} is a multiple of {words}{multiple:g} of the level over "
        f"the period, not a rate a year: {readings}; give the CAGR of the reading meant "
        f"(e.g. value '{words}{_first_rate(multiple, start, end)}'), or the two levels as "
        "level claims",
        key="value",
        value=text,
        row=row,
    )


def _years(record: dict[str, Any]) -> tuple[int | None, int | None]:
    def year(value: Any) -> int | None:
        try:
            number = float(str(value).strip())
        except ValueError:
            return None
        return int(number) if math.isfinite(number) and number.is_integer() else None

    return year(record.get("start_year")), year(record.get("year"))


def _first_rate(multiple: float, start: int | None, end: int | None) -> str:
    if start is None or end is None or end <= start:
        return "41.4%"
    return f"{(multiple ** (1 / (end - start)) - 1) * 100:.1f}%"
