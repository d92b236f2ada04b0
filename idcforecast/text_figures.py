"""Find the figures in a paragraph of news or report text, each with its year and sentence.

``parse_quantity`` reads one figure; an analyst holds an article. :func:`find_figures` scans
the text for numbers, reads around each the longest stretch that ``parse_quantity`` accepts
(qualifier words, magnitude, currency, unit, a parenthesised alternate), and pairs the
figure with the nearest year or period in its sentence. It finds, it does not understand:
every row keeps its sentence and character offsets so that a person checks it before the
figure goes into a table.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from idcforecast._cells import footnote_numbers
from idcforecast._decimal_commas import point_decimals
from idcforecast._figure_changes import change_levels, change_to
from idcforecast._figure_currency import yen_or_yuan, yuan_assumed
from idcforecast._figure_pue import RATIO_NEXT, a_pue, pue_with_its_point, ratio_named
from idcforecast._figure_rates import (
    NOT_A_NOUN,
    dimension,
    per_before,
    per_unknown,
    rate_of_before,
)
from idcforecast._figure_resolutions import a_resolution
from idcforecast._figure_years import (
    DATE,
    MONTH_DAY,
    NOT_INSIDE_A_NUMBER,
    is_year,
    years_of_figures,
)
from idcforecast.errors import IdcForecastError, ParseError
from idcforecast.units._chinese_numerals import CJK_NUMERAL, SPOKEN_NUMERAL, arabic_numerals
from idcforecast.units._compound_magnitudes import compound_magnitudes
from idcforecast.units._figure_words import PREFIX_QUALIFIERS
from idcforecast.units._indian_grouping import indian_grouping
from idcforecast.units._mil import romance_mil
from idcforecast.units._number_words import number_words
from idcforecast.units._unit_hyphens import unit_hyphens

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.units.quantity import Quantity

__all__ = ["FIGURE_COLUMNS", "find_figures"]

FIGURE_COLUMNS = (
    "figure", "value", "unit", "qualifier", "low", "high", "alternate", "year", "period",
    "sentence", "start", "end", "source",
)  # fmt: skip

_WINDOW = 40  # characters read on either side of a number (longer figures are not news)
_NUMBER = re.compile(
    NOT_INSIDE_A_NUMBER + r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])"
)
# punctuation a figure never spans (a comma only between digits, in "1,562.5")
_STOPS = frozenset('。！？；;!?\n，、：:"“”')
_SYMBOLS = frozenset("$¥€£₹₩~≈><≥≤+-(")
# a full stop before a capital, a digit, a quote, CJK or kana (a Japanese sentence) ends one
_SENTENCE_END = re.compile(r"[。！？!?\n]+|\.(?=\s+[A-Z0-9\"“(\u3040-\u30ff\u4e00-\u9fff]|\s*$)")
# a full stop after these ends no sentence ("U.S. Dollars", "Mr. Ma", "No. 1")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|No|Inc|Co|Corp|Ltd|vs|St|Jr|approx|est|"
    r"e\.g|i\.e|etc|Mio|Mrd))$"  # German "3,5 Mrd. Euro", "1,2 Mio. Euro"
)


def scan_text(text: str) -> str:
    """``text`` with each character NFKC-normalized where that keeps it one character
    (full-width digits and spaces become ASCII, the full-width comma "，" stays), so
    offsets stay those of ``text``."""
    out = []
    for i, char in enumerate(text):
        norm = unicodedata.normalize("NFKC", char)
        if char in "\n\r" and not _wrapped_at(text, i):
            out.append("\n")  # a line break ends a sentence: kept (figures stop at it too)
        elif char == "，":
            out.append(char)  # a clause's end, never a comma inside a number ("12，5个")
        else:
            out.append(" " if norm.isspace() else norm if len(norm) == 1 else char)
    return "".join(out)


def _unhyphened(text: str, scan: str) -> tuple[str, str]:
    """``text`` and ``scan`` with the hyphen of "100-MW", "100-megawatt" as a space, so the
    figure reads (see :func:`idcforecast.units._unit_hyphens.unit_hyphens`)."""
    if "-" not in scan:
        return text, scan
    chars, scan_chars = list(text), list(scan)
    for i in unit_hyphens(scan):
        chars[i] = scan_chars[i] = " "
    return "".join(chars), "".join(scan_chars)


def _wrapped_at(text: str, i: int) -> bool:
    """Whether the line break at ``text[i]`` only wraps a sentence: the line before it has
    text and no closing punctuation, and the next line goes on in lower case ("spend $80\n
    billion on"), as prose copied from a PDF or an e-mail does. A list's or a table's lines
    begin with a capital, a digit or a bullet, and a blank line ends a paragraph: those
    breaks end sentences."""
    start, end = i, i + 1
    while start > 0 and text[start - 1] in "\r\n":
        start -= 1
    while end < len(text) and text[end] in "\r\n":
        end += 1
    if text[start:end].replace("\r\n", "\n").replace("\r", "\n") != "\n":
        return False  # a blank line: a paragraph ends
    while start > 0 and text[start - 1] in " \t":
        start -= 1
    while end < len(text) and text[end] in " \t":
        end += 1
    if start == 0 or end == len(text) or text[start - 1] in ".!?。！？；;:：\r\n":
        return False
    return text[end].isascii() and text[end].islower()


def _is_cjk(char: str) -> bool:
    return "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _left_bound(scan: str, start: int, floor: int) -> int:
    """The farthest a figure starting before ``start`` may reach left: ``_WINDOW``
    characters, not past a stop or ``floor`` (the previous figure's end)."""
    low = max(floor, start - _WINDOW)
    for i in range(start - 1, low - 1, -1):
        if scan[i] in _STOPS or (scan[i] == "," and not _between_digits(scan, i)):
            return i + 1
    return low


def _right_bound(scan: str, end: int) -> int:
    high = min(len(scan), end + _WINDOW)
    for i in range(end, high):
        if scan[i] in _STOPS or (scan[i] == "," and not _between_digits(scan, i)):
            return i
    return high


_MAGNITUDE_CHARS = frozenset("十百千万萬亿億")


def _between_digits(scan: str, i: int) -> bool:
    return 0 < i < len(scan) - 1 and scan[i - 1].isdigit() and scan[i + 1].isdigit()


def _boundary(scan: str, i: int, *, end: bool = False) -> bool:
    """Whether a figure may begin or end (``end``) between ``scan[i - 1]`` and ``scan[i]``:
    not inside a Latin word or a number ("billion", "1562.5") nor a Chinese magnitude word
    ("百亿亿"), anywhere else around CJK text. Korean writes words apart and particles on
    them: a figure ends before a particle ("5000억원을"), never begins inside a word (the
    약 of "계약", contract, is no "about")."""
    before, after = scan[i - 1], scan[i]
    if before in _MAGNITUDE_CHARS and after in _MAGNITUDE_CHARS:
        return False  # inside "百亿亿" (10^18): "230百亿" of "230百亿亿次" would be 2.3e10
    hangul_before, hangul_after = "\uac00" <= before <= "\ud7a3", "\uac00" <= after <= "\ud7a3"
    if hangul_before or hangul_after:
        return end if hangul_before and hangul_after else True
    if _is_cjk(before) or _is_cjk(after):
        return True
    if (before == "." and after.isdigit()) or (before.isdigit() and after in ".,"):
        return False  # inside "1562.5" or "1,562"
    if before.isalpha() and after == "-" and scan[i + 1 : i + 2].isalpha():
        return False  # inside "MW-month", "GPU-hour": one unit, not "MW"
    return not (before.isalnum() and after.isalnum())


def _starts(scan: str, number_start: int, low: int) -> list[int]:
    """Where a figure around the number may begin, farthest first: never right after a
    digit, whose word it is ("2023年达到100亿元": the 年 is the year's, not a unit of 100亿),
    nor after letters glued to a currency symbol ("NZ$20 billion" is no "$20 billion": a
    currency the registry lacks gives no figure, never US dollars)."""
    glued = _GLUED_CURRENCY.search(scan, max(low, number_start - 8), number_start)
    high = glued.start() if glued else number_start
    found = [
        p
        for p in range(low, high + 1)
        if (p == number_start and not _glued_letter(scan, p - 1))
        or (
            scan[p] != " "
            and (p == 0 or not scan[p - 1].isdigit())
            and (p == low or _boundary(scan, p))
            and not _list_dash(scan, p)
        )
    ]
    return found


def _list_dash(scan: str, p: int) -> bool:
    """Whether ``scan[p]`` is a list item's dash, first on its line and followed by a
    space ("\n- 1900万 servers", "\n  - 5%"): no minus sign."""
    if scan[p] not in "-–—*•" or scan[p + 1 : p + 2] not in (" ", "\t"):
        return False
    line_start = scan.rfind("\n", 0, p) + 1
    return not scan[line_start:p].strip()


# letters glued to a currency symbol right before a number ("NZ$", "AU$", "US$")
_GLUED_CURRENCY = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,3}[$¥€£₹₩]\s*$")


# a currency written before an amount ("£", "US$", "USD"): followed by a number, it is that
# number's ("for 2022 £400m" is £400m, not 2022 pounds)
_CURRENCY_PREFIX = re.compile(r"\s*(?:[A-Za-z]{0,3}[$¥€£₹₩]|[A-Z]{3})\s*")
_NUMBER_NEXT = re.compile(r"\s*\d")


_YEAR_AGO = re.compile(r"year(?=\s+(?:earlier|ago|before|prior)\b)", re.IGNORECASE)


def _ends(scan: str, number_end: int, high: int) -> list[int]:
    """Where a figure around the number may end, farthest first."""
    found = [
        e
        for e in range(number_end + 1, high + 1)
        if scan[e - 1] != " "
        and (e == len(scan) or _boundary(scan, e, end=True))
        and not (_CURRENCY_PREFIX.fullmatch(scan, number_end, e) and _NUMBER_NEXT.match(scan, e))
        and not _YEAR_AGO.match(scan, e - 4)  # "46% a year earlier" is no 46% a year
    ]
    if _glued_letter(scan, number_end):
        return sorted(found, reverse=True)
    return [*sorted(found, reverse=True), number_end]


def _glued_letter(scan: str, i: int) -> bool:
    """Whether ``scan[i]``, beside a number, is a Latin letter of its word: "5G", "3nm",
    "Q3", "A100" are no figures, and "$1.2T" is never "$1.2" (the number alone is a
    figure only when it stands apart from letters)."""
    return 0 <= i < len(scan) and scan[i].isascii() and scan[i].isalpha()


def _read(text: str, start: int, end: int) -> Quantity | None:
    from idcforecast.units import parse_quantity

    piece = text[start:end]
    if piece != piece.strip():
        return None
    try:
        quantity = parse_quantity(piece)
    except IdcForecastError:
        return None
    if quantity.alternate is not None and (
        is_year(quantity.alternate) or is_year(quantity) or _is_plain_count(quantity)
    ):
        # "1562.5亿元（2019年）": the parentheses hold its year, not a figure; "in 2023
        # (176 TWh)": they hold the figure of the year, read on its own; so do those of a
        # bare number ("Phase 1 (40MW)": a count is no figure, 40 MW is)
        return None
    return quantity


def _best_figure(
    text: str, scan: str, number: tuple[int, int], floor: int, ceiling: int | None = None
) -> tuple[int, int, Quantity] | None:
    """The longest readable figure around ``number`` (its start, end and quantity), ending
    at ``ceiling`` at the latest.

    A count noun that modifies the noun after it ("3.76 million data center GPUs") is not
    what the figure counts: the figure ends before it ("3.76 million", count mn), or takes
    the noun after it when that reads ("10,000 data center racks" is 10,000 racks)."""
    low = _left_bound(scan, number[0], floor)
    # the window starts after the spaces that pad number words written as digits ("42307"
    # of "Forty-two thousand three hundred and seven racks" is 5 digits and 37 spaces)
    padded = number[1]
    if scan.startswith("  ", padded):  # padding, not the one space before a unit
        while padded < len(scan) and scan[padded] == " ":
            padded += 1
    high = _right_bound(scan, padded)
    if ceiling is not None:
        high = min(high, ceiling)
    ends = _ends(scan, number[1], high)
    best: tuple[int, int, Quantity] | None = None
    noun: tuple[int, int] | None = None  # the noun after a modifier, for best's start
    for start in _starts(scan, number[0], low):
        if best is not None and ends[0] - start <= best[1] - best[0]:
            break  # nearer starts cannot give a longer figure
        modified: tuple[int, int] | None = None
        for end in ends:
            if best is not None and end - start <= best[1] - best[0]:
                break
            quantity = _read(text, start, end)
            if quantity is not None and (after := _modified_noun(scan, end, quantity)):
                modified = modified or after
                continue
            if quantity is not None:
                best, noun = (start, end, quantity), modified
                break
    if best is not None and noun is not None:
        counted = _read_as(f"{text[best[0] : best[1]]} {text[noun[0] : noun[1]]}")
        if counted is not None and dimension(counted.unit) != "count":
            return best[0], noun[1], counted
    return best


_NEXT_WORD = re.compile(r" +([A-Za-z][A-Za-z-]*)")


def _modified_noun(scan: str, end: int, quantity: Quantity) -> tuple[int, int] | None:
    """The span of the noun that the figure's last words modify, or None: a figure that
    ends in a singular count noun ("3.76 million data center") followed by another noun
    ("GPUs"), not a function word ("in") nor an adverb ("-ly")."""
    from idcforecast.units import parse_unit

    if not quantity.unit.startswith("count") or "/" in quantity.unit:
        return None
    words = re.search(r"(?:[A-Za-z]+ )?[A-Za-z]+$", scan[max(0, end - 40) : end])
    nxt = _NEXT_WORD.match(scan, end)
    if words is None or nxt is None or words[0].endswith("s"):
        return None
    word = nxt[1].lower()
    if word in NOT_A_NOUN or word.endswith("ly"):
        return None
    for tail in (words[0], words[0].split()[-1]):
        try:
            unit = parse_unit(tail)
        except IdcForecastError:
            continue
        if unit.base == "count" and unit.magnitude is None:
            return nxt.start(1), nxt.end(1)
    return None


def _read_as(piece: str) -> Quantity | None:
    from idcforecast.units import parse_quantity

    try:
        return parse_quantity(piece)
    except IdcForecastError:
        return None


def _is_plain_count(quantity: Quantity) -> bool:
    """A bare number (a year, a date's day, "5G", "top 10"): not a figure by default."""
    return quantity.unit == "count"


def _sentences(scan: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: split at 。！？!? and newlines, and at a full stop
    before a capital or the end (not inside "27.8", nor after "U.S." or "No."). A semicolon
    joins clauses of one sentence ("2023年净收入为98.7亿元；调整后EBITDA为45.5亿元": one year
    for both)."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(scan):
        if match[0] == "." and _ABBREVIATION.search(scan, max(0, match.start() - 8), match.start()):
            continue
        spans.append((start, match.end()))
        start = match.end()
    if start < len(scan):
        spans.append((start, len(scan)))
    return [(a, b) for a, b in spans if scan[a:b].strip()]


# a magnitude word without digits after a qualifier: "上千亿元", "超万台", "近千万" (read as
# at least / at most 1 千亿元...); "数千亿" (several) is no number
_DIGITLESS = re.compile(
    r"(?:上|超过|超過|超|逾|近|将近|將近|接近|约|約|大约|大約|不到|不足|突破|至少|高达|高達)"
    r"([十百千万萬亿億]+)"
)
# "十亿元", "十万台": a first 十 before a magnitude word is ten (its digits, "10亿", do not
# fit in its characters, so it stays a numeral; parse_quantity reads it); "数十万" (several
# hundred thousand) is no number
_TEN_HEAD = re.compile(
    r"(?<![〇零一二两兩三四五六七八九十百千万萬亿億\d.点数數几幾])十(?=[万萬亿億])[十百千万萬亿億]*"
)


def _first_level(
    text: str, scan: str, number: tuple[int, int], floor: int, to: int, change: Quantity
) -> tuple[int, int, Quantity]:
    """The first level of a change read as a range (``change``), ending at ``to``: read on
    its own ("$10bn" of "$10bn to $20bn"), or a bare number taking the unit the range gave
    it ("10" of "from 10 to 20 MW" is 10 MW)."""
    from idcforecast.units.quantity import Quantity

    assert change.low is not None  # a range: change_to checked
    found = _best_figure(text, scan, number, floor, to)
    if found is not None and found[2].unit == change.unit:
        return found
    start = number[0] if found is None else found[0]
    qualifier = "exact" if found is None else found[2].qualifier
    level = Quantity(change.low, change.unit, qualifier=qualifier, text=text[start:to])
    return start, to, level


# a noun before a number counted by a classifier ("机柜2万个", "服务器约30万台"): the thing
# counted, which the classifier after the number does not name
_NOUN_BEFORE = re.compile(
    r"(标准机架|標準機架|机柜|機櫃|机架|機架|服务器|服務器)"
    r"(?:数|數|数量|數量|总数|總數|规模|規模)?(?:为|為|是|达到|達到|达|達|共|共有)?\s*$"
)  # "机架数达81.8万个": the rack count reached 818 thousand


def _to_word_end(text: str, scan: str, end: int) -> int:
    """``end``, or past the words of a number written in words whose digits end the figure
    ("a hundred sites" scans as "100       sites": the figure "100" is "a hundred")."""
    if not (0 < end < len(scan) and scan[end] == " " and scan[end - 1].isdigit()):
        return end
    if text[end - 1] == scan[end - 1]:
        return end  # written in digits
    while end < len(scan) and scan[end] == " ":
        end += 1
    while text[end - 1].isspace():
        end -= 1
    return end


def _unit_is_count(quantity: Quantity) -> bool:
    return quantity.unit.startswith("count")


def _noun_before(
    reading: str, scan: str, found: tuple[int, int, Quantity], floor: int
) -> tuple[int, Quantity] | None:
    """The new start and quantity of a count whose noun stands before its number and a
    classifier (个, 台, 架) after it: "机柜2万个" is 2 "racks 10k", "机柜约1万个" about 1."""
    start, end, _ = found
    if scan[end - 1 : end] not in ("个", "個", "台", "架"):
        return None
    noun = _NOUN_BEFORE.search(scan, max(floor, start - 10), start)
    if noun is None:
        return None
    counted = _read_as(reading[start : end - 1] + noun[1])
    if counted is None or dimension(counted.unit) == "count":
        return None
    return noun.start(), counted


# "近5年", "近三个月": the recent years or months (a window of time), no duration's figure
_RECENT = re.compile(r"近(?!似)")
# 兆: a trillion in Japanese ("1.2兆円"), mega- in Chinese units ("兆瓦", read as MW)
_BEFORE_CHO = re.compile(r"\s*兆")
_AFTER_CHO = re.compile(r"\d(?:兆|万亿|萬億|亿|億|万|萬|조|억|만) ?$")


def _figures_in(
    text: str, counts: bool
) -> tuple[
    list[tuple[int, int, Quantity, str]], str, list[tuple[int, int]], dict[int, tuple[int, int]]
]:
    """The figures of ``text`` (start, end, quantity, unit: the quantity's, or a ratio's
    name) in order, the scan text, the spans of dates ("2020-07-07", "2021年3月5日")
    whose numbers are no figures, and the figures that are the first level of a change
    to the next figure ("from $10bn to $20bn", "从1000亿元增长到2000亿元"): by start, where
    the change's "from" and its "to" are."""
    # a footnote number ("320亿元①", "$3.2bn¹") is no digit: NFKC would append it to the
    # figure ("3201"), so it reads as a space (offsets stay)
    if marks := footnote_numbers(text):
        chars = list(text)
        for j in marks:
            chars[j] = " "
        text = "".join(chars)
    reading, scan = _unhyphened(*point_decimals(text, scan_text(text)))
    # "Rs 1,56,250 crore" as "Rs 00156250 crore" (Indian grouping; offsets stay)
    reading, scan = indian_grouping(reading), indian_grouping(scan)
    # "两千亿元" as "2千亿元" (offsets stay); such a numeral gives no count nor duration
    numerals = {m.start() for m in CJK_NUMERAL.finditer(scan)}  # those rewritten, below
    reading, scan = arabic_numerals(reading), arabic_numerals(scan)
    # "1亿5000万元" as "0001.5亿元": one number, never 1亿 and 5000万元 apart
    reading, scan = compound_magnitudes(reading), compound_magnitudes(scan)
    # "two billion yuan" as "2   billion yuan" (offsets stay)
    reading, scan = number_words(reading), number_words(scan)
    if "mil" in scan:  # a Spanish or Portuguese sentence's "mil" is a thousand
        reading = romance_mil(reading, scan, _sentences(scan))
    numerals = {i for i in numerals if scan[i].isdigit()}
    dates = [(m.start(), m.end()) for m in DATE.finditer(scan)]
    # a month of the calendar ("3月5日", "12月底") and an ordinal ("第5年") are no figures
    calendar = dates + [(m.start(), m.end()) for m in MONTH_DAY.finditer(scan)]
    tens = [(m.start(), m.end()) for m in _TEN_HEAD.finditer(scan)]
    if not scan.isascii():  # "一万五", "十几亿": numerals only the parser puts in digits
        tens += [(m.start(), m.end()) for m in SPOKEN_NUMERAL.finditer(scan)]
    numerals.update(start for start, _ in tens)
    anchors = sorted(
        {(m.start(), m.end()) for m in _NUMBER.finditer(scan)}
        | {(m.start(1), m.end(1)) for m in _DIGITLESS.finditer(scan)}
        | set(tens)
    )
    figures: list[tuple[int, int, Quantity, str]] = []
    # the first level of each change, by its start: where its "from" and its "to" are
    changes: dict[int, tuple[int, int]] = {}
    split: int | None = None  # the "to" of the last figure, a change read as a range
    floor = 0
    for number in anchors:
        if number[0] < floor or any(a <= number[0] < b for a, b in calendar):
            continue
        if number[0] > 0 and scan[number[0] - 1] in "第제":
            continue  # an ordinal: "第5年", Korean "제3조" (article 3, no 3 trillion)
        if _AFTER_CHO.search(scan, max(0, number[0] - 8), number[0]):
            # "3兆5億円", "1亿5万元" (digits that do not fit one number): the 5億 of 3兆
            # and 5億, the 5万 of 1亿 and 5万, is no figure alone
            continue
        found = _best_figure(reading, scan, number, floor)
        first_level = ratio_next = False
        if found is not None and (to := change_to(scan, *found)) is not None:
            # "grew from $10bn to $20bn": two figures, the level before and after, never a
            # range whose midpoint ($15bn) no one wrote; the second is read next
            found = _first_level(reading, scan, number, floor, to, found[2])
            first_level = True
        if found is None or is_year(found[2]) or _BEFORE_CHO.match(scan, found[1]):
            continue  # "¥1.2兆円": 兆 is a magnitude the registry lacks, the ¥1.2 no figure
        if _RECENT.match(scan, found[0]) and dimension(found[2].unit) == "time":
            continue  # "近5年年均增速": the last 5 years, a window, not "at most 5 years"
        if (
            number[0] in numerals
            and dimension(found[2].unit) in ("count", "time")
            and not a_pue(scan, found, floor, figures)
        ):
            continue  # "一百多家", "两千年": an idiom or a count, never read from words
        if a_resolution(scan, found[0], found[1]):
            continue  # "4K video", "8K TV", "streams in 4K.": a display's name, not 4,000
        start, end, quantity = found
        end = _to_word_end(text, scan, end)  # "a hundred" (as "100      "), not "a h"
        named = _noun_before(reading, scan, found, floor) if _unit_is_count(quantity) else None
        if named is not None:
            start, quantity = named  # "机柜2万个" is 2 "racks 10k", not 2 "count 10k"
        unit = quantity.unit
        if unit == "count" and (ratio := ratio_named(scan, start, end, floor)):
            start, end, unit = ratio
            quantity = pue_with_its_point(text, number, quantity)
        elif (
            unit == "count"
            and figures
            and figures[-1][3] == "PUE"
            and RATIO_NEXT.fullmatch(scan, figures[-1][1], start)
        ):
            unit = "PUE"  # "PUE dropped from 1.6 to 1.3": the 1.3 is a PUE too
            ratio_next = True
        elif not counts and _is_plain_count(quantity):
            continue
        elif per := per_unknown(scan, end, quantity):
            end, unit = per  # "$2 per GPU-hour": USD/GPU-hour, never a plain $2
        elif per := per_before(scan, start, quantity, floor):
            start, unit = per  # "每架每月8000元": CNY/racks/month
        before = (figures[-1][1], figures[-1][3]) if figures else None
        unit = rate_of_before(scan, before, start, unit)  # "12 kW per rack ... from 8.4 kW"
        if figures and (levels := change_levels(scan, figures[-1][:2], start, split, ratio_next)):
            changes[figures[-1][0]] = levels
        figures.append((start, end, quantity, unit))
        split = to if first_level else None
        floor = end
    return figures, scan, dates, changes


def find_figures(text: str, *, source: str | None = None, counts: bool = False) -> pd.DataFrame:
    """Every figure in ``text``, read as :func:`idcforecast.parse_quantity` reads one, with
    the year or period nearest to it in its sentence.

    Parameters
    ----------
    text
        A paragraph, an article, a report page: English, Chinese or both.
    source
        Where the text is from ("Global Times 2020-07-07"), copied into every row's
        ``source``, so that each figure keeps its source when it moves into a table.
    counts
        Also list bare numbers without unit or magnitude ("8 halls", "top 10"). Off by
        default: such numbers are mostly ordinals and days. A number glued to letters
        ("5G", "H100", "Q3") is never one, nor a display resolution before a word of
        video ("4K video", "8K TV", "4K视频"; "8K employees" is 8 thousand) or, ending
        a clause, after "in", "streams", "shot"... or another ("streams in 4K.", "8K/4K";
        "hired 4K." is 4 thousand). A year is never a figure; years are what ``year``
        and ``period`` hold.

    Returns
    -------
    pandas.DataFrame
        One row per figure in text order, columns ``figure`` (as written, without a verb
        before it: "将达到3500亿元" is "3500亿元"), ``value``,
        ``unit`` (canonical; "PUE" for that ratio, which has no unit), ``qualifier``,
        ``low``, ``high`` (a range's ends), ``alternate`` (a parenthesised second figure,
        as written), ``year`` (the single year nearest to the figure in its sentence,
        else missing; a fiscal year over two calendar years, "FY2025/26", is the year it
        ends in), ``period`` ("2020-2022" when the nearest mention is a span of years, or
        for a compound rate, "15% CAGR", from its year to the next year its sentence
        names; else ""), ``sentence``, ``start`` and ``end`` (character offsets of the
        figure in ``text``) and ``source``.

    Raises
    ------
    ParseError
        ``text`` is not a string.

    Notes
    -----
    A finder, not an understanding: it reads the longest stretch around each number that
    is a figure (so "more than 1 million servers" keeps its "more than", "500 billion yuan
    ($71.2 billion)" its alternate) and takes the year by distance within the sentence
    (first within the clause, in Chinese text split by "，"), not by grammar; a date's
    year counts ("截至2023年6月底" is 2023). A base year is no figure's year: after
    "compared with", "versus", "较", "比" or "与...相比" for any figure, after "on", "over"
    or "from" for a rate ("up 15% on FY2022" is not 2022's; "$1bn a year from 2025" is
    2025's). An English number word before a magnitude word is its number ("two billion
    yuan" is 2 "CNY bn"). Chinese numerals are read for an amount or a share, never a count: one
    numeral before a magnitude word or 成 is its digit ("五百亿元" is 5 "CNY 10bn", "三成"
    3 tenths), a compound numeral its value before the magnitude word written first or
    the one it ends in ("三千五百亿元" is 3500 "CNY 100m", "三亿五千万元" 3.5 "CNY 100m",
    "百分之二十七点八" 27.8%, "百分之百" 100%, "十亿元" 1 "CNY bn"); spoken "一万五元" is
    1.5 "CNY 10k", "十几亿元" (ten-odd 亿) at least 10 "CNY 100m", "两三千亿元" and
    "三五千亿元" the ranges 2000 to 3000 and 3000 to 5000 "CNY 100m", "七八成" 7 to 8
    "tenths", and a number in two magnitude words one figure ("1亿5000万元" is 1.5 "CNY
    100m"); names give no figure ("十四五" is the period 2021-2025), nor does "百分之百"
    as an adverb ("我百分之百确定", I'm 100% sure; "百分之百的股权" is 100%).
    Korean magnitudes and won read as Chinese ones do ("2조5000억원을" is 2.5 "KRW tn",
    "약 5조원" about 5 "KRW tn"; a figure ends before a Korean particle).
    A comma before one or two digits is a decimal comma ("3,5 Mio Euro", "1.234,5",
    "1 234,5"); "1,234" and "1.234" keep the English reading ("1.250 MW" is 1.25 MW)
    unless the paragraph (up to a blank line) writes decimal commas, except after "$" or
    "£" ("$1.250 billion" is 1.25), or a Spanish, Portuguese, Italian or German magnitude word
    follows ("1.000 millones de euros" is 1,000 million, "2.500 Mio. Euro" 2,500).
    "mil" is a thousand in a Spanish or Portuguese sentence or before such a money word
    ("500 mil euros" is 500 "EUR thousand"), a million otherwise ("$5 mil"). A
    number "0.xxx" is never thousands, nor is a PUE. A count noun
    before another noun modifies it: "3.76 million data center GPUs" is 3.76 "count mn"
    (the registry has no GPUs), "10,000 data center racks" 10,000 racks (its ``figure``
    then holds words that ``parse_quantity`` alone does not read), as a Chinese noun before
    a count with a classifier is ("机柜2万个", "机架数达81.8万个": "racks 10k"). A magnitude word
    after a qualifier needs no digits ("上千亿元" is at least 1 "CNY 100bn"), and a bare
    number named as a PUE is one ("a PUE of 1.25"). A currency the registry lacks
    ("NZ$20 billion") gives no figure, never one in US dollars; an amount per a thing
    the registry lacks keeps that thing in its ``unit`` as written ("$2 per GPU-hour" is
    2 "USD/GPU-hour", a unit ``parse_unit`` does not read); a bare "¥" is yuan, as
    ``parse_quantity`` reads it, unless the figure's sentence (else the text) names Japan
    and not China (Japan, Tokyo, 円, JPY, kana): then yen; a text with no Chinese that
    names neither country keeps yuan with an ``AssumedCurrencyWarning`` naming those
    figures (the registry's reading was assumed). A line break ends a
    sentence, unless the next line goes on in lower case (prose wrapped mid-sentence:
    "$80\\nbillion" is one figure). Check each row against its sentence. A growth word
    before a percentage gives its sign ("down 3%" is -3%); what the percentage is a rate
    of (year on year, a CAGR over ``period``) is in the sentence.

    Examples
    --------
    >>> text = ("China's IDC market will grow at compound rate of 27.8 percent from 2020-22, "
    ...         "and the scale will reach 320 billion yuan in 2022.")
    >>> found = find_figures(text, source="Global Times 2020-07-07")
    >>> found[["figure", "value", "unit", "year", "period"]].to_string(index=False)
    '          figure  value   unit  year    period\\n    27.8 percent   27.8      %  <NA> 2020-2022\\n320 billion yuan  320.0 CNY bn  2022          '
    """  # noqa: E501
    import pandas as pd

    if not isinstance(text, str):
        raise ParseError(
            f"find_figures: expected text, found {type(text).__name__}; pass the article as "
            "a string (for a file: pathlib.Path(FILE).read_text(encoding='utf-8'))",
            text=repr(text),
        )
    from idcforecast.units.registry import without_suggestions

    with without_suggestions():  # most stretches tried are no figure: no "did you mean"
        figures, scan, dates, changes = _figures_in(text, counts)
    rows = []
    assumed: list[str] = []  # figures of a bare "¥" read as yuan with no country named
    dated = years_of_figures(text, scan, figures, dates, _sentences(scan), changes)
    for (start, end, quantity, unit), (s_start, s_end, near) in zip(figures, dated, strict=True):
        single = near is not None and near.first == near.last
        if unit.startswith(quantity.unit):  # "¥" beside Japan is yen ("¥300 per GPU-hour")
            on = near.first if near is not None and single else None
            read = yen_or_yuan(text, (start, end), (s_start, s_end), quantity, on)
            if yuan_assumed(text, (start, end), read):
                assumed.append(text[start:end])
            unit, quantity = read.unit + unit[len(quantity.unit) :], read
        start = _after_verb(scan, start, end)  # "将达到3500亿元": the figure is "3500亿元"
        rows.append(
            {
                "figure": text[start:end],
                "value": quantity.value,
                "unit": unit,
                "qualifier": quantity.qualifier,
                "low": quantity.low,
                "high": quantity.high,
                "alternate": None if quantity.alternate is None else quantity.alternate.text,
                "year": near.first if near is not None and single else None,
                "period": f"{near.first}-{near.last}" if near is not None and not single else "",
                "sentence": " ".join(text[s_start:s_end].split()),
                "start": start,
                "end": end,
                "source": source,
            }
        )
    if assumed:
        _warn_yuan_assumed(assumed)
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return frame.astype({"value": "float64", "low": "float64", "high": "float64"}).astype(
        {"year": "Int64", "start": "int64", "end": "int64"}
    )


# verbs news put before a figure ("将达到", "高达", "增至"): parse_quantity reads them as
# saying nothing (an exact figure), so the figure as written begins after them
_VERB_BEFORE = re.compile(
    "(?:"
    + "|".join(
        re.escape(w)
        for w in sorted((w for w, q in PREFIX_QUALIFIERS.items() if q == "exact"), key=len)[::-1]
    )
    + r")[ :：]*"
)


def _after_verb(scan: str, start: int, end: int) -> int:
    """``start`` past a verb that begins the figure ("将达到三千五百亿元" begins at 三),
    where something of the figure follows it."""
    verb = _VERB_BEFORE.match(scan, start, end)
    return verb.end() if verb is not None and verb.end() < end else start


def _warn_yuan_assumed(figures: list[str]) -> None:
    """Say that the bare "¥" of ``figures`` was read as yuan by default: the text names
    neither China nor Japan (in English news "¥" is often yen)."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast.errors import AssumedCurrencyWarning

    shown = ", ".join(repr(" ".join(f.split())) for f in figures[:3])
    shown += ", ..." if len(figures) > 3 else ""
    count = f"{len(figures)} figure{'s' if len(figures) > 1 else ''}"
    warnings.warn(
        f"find_figures: '¥' of {count} ({shown}) read as yuan (CNY), assumed: the text names "
        "neither China nor Japan; if they are yen, name Japan in the text or read their "
        "unit's 'CNY' as 'JPY'",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )
