"""A unit written after a series' name with only a space: "Capacity MW", "市场规模 亿元".

Tables head a column or a row "Capacity MW", "IT load GW", "Revenue USD bn", "Market size
US$ billion" or "市场规模 亿元" as often as "Capacity (MW)". Read as a name alone, such a
series had no unit, and ``unit=`` relabelled its numbers in the unit given without
converting them (100 MW read as 100 GW: 1,000x). :func:`trailing_unit` reads the last words
of a name as its unit when all of them together parse as one unit of the registry and they
are written as units are (a currency code or sign, a unit symbol such as "MW" or "TWh", or
Chinese/Japanese/Korean unit words), so names ending in a word are left alone: "Tier III",
"Top 10", "Region APAC", "Deals won" (not Korean won), "Colocation GB" (Great Britain, not
gigabytes), "Sites >10 MW" (a size class, not the unit of its numbers).

A tail that looks like a unit but is none the registry reads is an error, never relabelled
silently: a unit symbol the registry lacks ("Bandwidth Gbps", "Capacity MVA"), a currency
code it lacks before a magnitude ("Revenue XYZ bn"), or a magnitude alone ("Revenue bn",
"Racks '000", "机架 万").

Private: :func:`idcforecast._table_layouts.header_unit` calls it for a name whose unit is
not in brackets, after a comma or "in".
"""

from __future__ import annotations

import functools
import re
from typing import Any, NoReturn

from idcforecast.errors import DataError, IdcForecastError, UnitError

__all__ = ["counted_before", "may_end_in_unit", "trailing_unit"]

# one word in brackets ("(MW)" of "Capacity (MW) IT")
_IN_BRACKETS = re.compile(r"^[(（]([^()（）]+)[)）]$")
# the most words a unit written after a name takes: "RMB 100 million", "US$ bn"
_MOST_WORDS = 3
# words written as units are: an upper-case currency code ("USD", "RMB"), a currency sign
# ("US$", "€", "NT$"), a unit symbol ("MW", "kW", "TWh", "PB", "EFLOPS", "sqm", "m²"), or
# Chinese, Japanese or Korean unit words ("亿元", "万架", "兆瓦", "억원")
_WRITTEN_AS_UNIT = re.compile(
    r"(?<![\w$])(?:[kKmM]?[A-Z]{3}(?:mn|mln|bn|m|b|k|tn)?|[kMGT]W(?:h)?|[MTPEZ]B|[TPE]FLOPS"
    r"|sqm|sq\.?\s?ft|m[²³3])(?!\w)"
    r"|[$€£¥₩₹₱₫฿]|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
# a unit symbol that names a place as often as a unit: "Colocation GB" is Great Britain
# (and "Hong Kong SAR" a region, not Saudi riyals)
_NAMES_A_PLACE = frozenset({"GB", "SAR"})
# a number or size class right before a physical unit: "Sites >10 MW", "Halls 1-5 MW",
# "Campus 100+ MW" (a year before it is no size class: "IT load 2023 MW")
_SIZE_CLASS = re.compile(r"^(?:[<>≤≥~]=?)?\d[\d.,]*(?:[-–]\d[\d.,]*)?\+?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# a magnitude word written alone after a name ("Revenue bn", "Racks '000", "机架 万")
_MAGNITUDE_ALONE = re.compile(
    r"^(?:k|m|mn|mln|bn|tn|millions?|billions?|thousands?|trillions?|'?000s?|"
    r"[千万萬亿億兆]|百万|百萬|千万|千萬)$",
    re.IGNORECASE,
)
# a currency code the registry does not list before a magnitude word ("Revenue XYZ bn")
_CODE_AND_MAGNITUDE = re.compile(r"^[A-Z]{3}\s+\S+$")
# what _unit_of says of a magnitude written without a unit
_MAGNITUDE = "magnitude"

# words a unit written after a name holds that do not read as a unit alone: "MW IT" (the
# IT load), "sq ft", "RMB 100 million", "10k racks", "m2"
_PART_WORDS = frozenset({"IT", "sq", "sq.", "ft", "ft.", "100", "100m", "10k", "000", "'000"})
# a word the registry may read as part of a unit has no digit, or is one of _PART_WORDS
_DIGIT = re.compile(r"\d")
# the last word of a name that looks like a unit the registry does not read: a unit symbol
# it lacks ("Gbps", "MVA"), a magnitude alone ("bn", "'000", "万")
_LOOKS_LIKE_UNIT = re.compile(
    r"^(?:[kKMGTPE]?(?:bps|bit/s|b/s|B/s|VA|Hz|tCO2e?)|[kMGT]?bits?|[kMG]We)$|"
    + _MAGNITUDE_ALONE.pattern[1:],
    re.IGNORECASE,
)


def may_end_in_unit(label: str) -> bool:
    """Whether name ``label`` may end in a unit :func:`trailing_unit` reads or refuses
    (a quick test, each word looked at once: the batch reader has 100,000 names).

    Examples
    --------
    >>> may_end_in_unit("Capacity MW"), may_end_in_unit("Site 000123 IDC")
    (True, False)
    """
    words = label.split()
    return len(words) > 1 and (_unit_word(words[-1]) or bool(_LOOKS_LIKE_UNIT.match(words[-1])))


def trailing_unit(label: Any, place: str = "") -> str | None:
    """The canonical unit written after a name with a space ("Capacity MW" -> "MW",
    "Revenue USD bn" -> "USD bn", "市场规模 亿元" -> "CNY 100m"); None when its last words
    are no unit, or a count; an error naming ``place`` for a tail that looks like a unit
    the registry does not read (see the module).

    Examples
    --------
    >>> [trailing_unit(n) for n in ("Capacity MW", "IT load GW", "市场规模 亿元")]
    ['MW', 'GW', 'CNY 100m']
    >>> trailing_unit("Revenue USD bn"), trailing_unit("Market size US$ billion")
    ('USD bn', 'USD bn')
    >>> [trailing_unit(n) for n in ("Tier III", "Top 10", "Region APAC", "Colocation GB")]
    [None, None, None, None]
    >>> trailing_unit("Deals won"), trailing_unit("Sites >10 MW")
    (None, None)
    >>> trailing_unit("Capacity (MW) IT")  # the unit in brackets, "IT" after them
    'MW'
    """
    # a word in brackets is read without them: "Capacity (MW) IT" is MW of IT load
    words = [_IN_BRACKETS.sub(r"\1", word) for word in str(label).split()]
    unit_words = 0  # how many last words may be part of a unit (never the first: the name)
    while unit_words < min(_MOST_WORDS, len(words) - 1) and _unit_word(words[-unit_words - 1]):
        unit_words += 1
    for n in range(unit_words, 0, -1):
        tail = " ".join(words[-n:])
        if _WRITTEN_AS_UNIT.search(tail) is None:
            continue
        unit = _unit_of(tail)
        if unit is None:
            continue
        canonical, physical = unit
        if canonical == _MAGNITUDE:  # "机架 万": racks in 万; "规模 万": no unit, an error
            return counted_before(" ".join(words[:-n]), tail) or _magnitude_alone(
                label, tail, place
            )
        if tail in _NAMES_A_PLACE:
            return None
        before = words[-n - 1]
        if physical and _SIZE_CLASS.match(before) and not _YEAR.match(before):
            return None  # "Sites >10 MW": a size class in the name
        return canonical or None
    if len(words) > 1 and _MAGNITUDE_ALONE.match(words[-1]):  # "Racks k": thousands of racks
        counted = counted_before(" ".join(words[:-1]), words[-1])
        if counted is not None:
            return counted
    if len(words) > 1:
        _no_unit_look_alike(label, words, place)
    return None


@functools.lru_cache(maxsize=1 << 16)
def _unit_word(word: str) -> bool:
    """Whether ``word`` may be part of a unit: it reads as one alone ("MW", "US$", "亿元",
    "billion") or is one of _PART_WORDS; a word with another digit never is ("Site 0123")."""
    from idcforecast._table_layouts import _as_unit_text
    from idcforecast.units import parse_unit
    from idcforecast.units.registry import without_suggestions

    if word in _PART_WORDS:
        return True
    if _DIGIT.search(word) and word not in ("m2", "m3"):
        return False
    try:
        with without_suggestions():
            parse_unit(_as_unit_text(word))
    except IdcForecastError:
        return False
    return True


@functools.lru_cache(maxsize=1 << 12)
def _unit_of(tail: str) -> tuple[str, bool] | None:
    """``(canonical, physical)`` of the unit ``tail`` reads as (canonical "" for a count
    or a span of time: no unit of a series' numbers); None when it reads as none."""
    from idcforecast._table_layouts import _as_unit_text, _names_a_count
    from idcforecast.units import parse_unit
    from idcforecast.units.registry import without_suggestions

    try:
        with without_suggestions():  # most tails tried are no unit: no "did you mean"
            parsed = parse_unit(_as_unit_text(tail))
    except IdcForecastError:
        return None
    if parsed.base == "count" and parsed.magnitude is not None and not _names_a_count(tail):
        return _MAGNITUDE, False
    if parsed.base == "count" or parsed.dimension == "time":
        return "", False
    return parsed.canonical, not parsed.dimension.startswith("money")


def _no_unit_look_alike(label: Any, words: list[str], place: str) -> None:
    """An error when a name ends in what looks like a unit but is none the registry reads:
    its numbers would be relabelled in a unit given elsewhere (``unit=``), not converted."""
    from idcforecast._table_layouts import _no_unlisted_unit

    last = words[-1]
    _no_unlisted_unit(label, last, place)  # "Bandwidth Gbps", "Capacity MVA"
    where = place or repr(str(label))
    tail = " ".join(words[-2:])
    if _CODE_AND_MAGNITUDE.match(tail) and _MAGNITUDE_ALONE.match(last):
        raise UnitError(
            f"{where}: the name {str(label)!r} ends in {tail!r}, which reads as a currency "
            f"the registry does not list ({words[-2]!r}) and a magnitude; its numbers would be "
            "labelled in a unit given elsewhere (unit=) without converting them; expected a "
            "unit the registry lists: write it in brackets, e.g. '(USD bn)', or add the "
            "currency to idcforecast/units/units.txt",
            place=place,
        )
    if _MAGNITUDE_ALONE.match(last) and not last.isupper():
        _magnitude_alone(label, last, place)


def _magnitude_alone(label: Any, tail: str, place: str) -> NoReturn:
    """The error for a name ending in a magnitude without a unit ("Revenue bn", "机架 万")."""
    raise DataError(
        f"{place or repr(str(label))}: the name {str(label)!r} ends in the magnitude "
        f"{tail!r} but no unit, so its numbers would be read in a unit given elsewhere "
        "without it; write the unit with it, e.g. 'Racks (thousand racks)', 'Revenue (USD "
        "bn)' or '规模（亿元）'",
        place=place,
    )


# the things a table counts in thousands or 万 ("Racks (k)", "机架（万）"): racks, servers
_COUNTED_THINGS = frozenset({"racks", "servers"})


def counted_before(name: str, magnitude: str) -> str | None:
    """The unit of a name ending in the things it counts before a magnitude in brackets:
    "Racks (k)" -> "racks thousand", "机架（万）" -> "racks 10k", "Servers ('000)"; None
    when the name's last word counts no such thing ("Revenue (m)": the magnitude error).

    Examples
    --------
    >>> counted_before("Racks ", "k"), counted_before("机架", "万"), counted_before("Revenue ", "m")
    ('racks thousand', 'racks 10k', None)
    """
    from idcforecast._table_layouts import _as_unit_text
    from idcforecast.units import parse_unit

    words = name.split()
    if not words:
        return None
    try:
        with _quiet():
            parsed = parse_unit(_as_unit_text(f"{words[-1]} {magnitude}"))
    except IdcForecastError:
        return None
    return parsed.canonical if parsed.base in _COUNTED_THINGS else None


def _quiet() -> Any:
    """Unit errors without a "did you mean" (most texts tried are no unit)."""
    from idcforecast.units.registry import without_suggestions

    return without_suggestions()
