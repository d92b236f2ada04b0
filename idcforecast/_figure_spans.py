"""Where a figure in running text may begin and end, and where its sentences are.

:mod:`idcforecast.text_figures` reads, around each number of a text, the longest stretch
that ``parse_quantity`` accepts; this module gives the stretches worth trying (the starts
and ends at word boundaries within a window, not across punctuation a figure never spans)
and the sentences that date the figures. All work on the scan text (:func:`scan_text`),
whose offsets are those of the text as written.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "figure_ends",
    "figure_starts",
    "glued_letter",
    "left_bound",
    "right_bound",
    "scan_text",
    "sentences",
]

_WINDOW = 40  # characters read on either side of a number (longer figures are not news)
# punctuation a figure never spans (a comma only between digits, in "1,562.5")
_STOPS = frozenset('。！？；;!?\n，、：:"“”')
# a full stop before a capital, a digit, a quote, CJK or kana (a Japanese sentence) ends one
_SENTENCE_END = re.compile(r"[。！？!?\n]+|\.(?=\s+[A-Z0-9\"“(\u3040-\u30ff\u4e00-\u9fff]|\s*$)")
# a full stop after these ends no sentence ("U.S. Dollars", "Mr. Ma", "No. 1")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Za-z]|\b[A-Za-z]\.[A-Za-z]|\b(?:Mr|Mrs|Ms|Dr|No|Inc|Co|Corp|Ltd|vs|St|Jr|approx|est|"
    r"e\.g|i\.e|etc|Mio|Mrd|Rs|Rp))$"  # German "3,5 Mrd. Euro", "1,2 Mio. Euro"; "Rs. 500 crore"
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
    """CJK, or Thai: scripts written without spaces between words, where a figure may end
    inside a run of letters ("10,000 ล้านบาทในปี" ends after บาท)."""
    if char < "\u0e00":  # most characters (Latin, digits): one comparison
        return False
    return char <= "\u0e7f" or "\u2e80" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def left_bound(scan: str, start: int, floor: int) -> int:
    """The farthest a figure starting before ``start`` may reach left: ``_WINDOW``
    characters, not past a stop or ``floor`` (the previous figure's end)."""
    low = max(floor, start - _WINDOW)
    for i in range(start - 1, low - 1, -1):
        if scan[i] in _STOPS or (scan[i] == "," and not _between_digits(scan, i)):
            return i + 1
    return low


def right_bound(scan: str, end: int) -> int:
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


def figure_starts(scan: str, number_start: int, low: int) -> list[int]:
    """Where a figure around the number may begin, farthest first: never right after a
    digit, whose word it is ("2023年达到100亿元": the 年 is the year's, not a unit of 100亿),
    nor after letters glued to a currency symbol ("NZ$20 billion" is no "$20 billion": a
    currency the registry lacks gives no figure, never US dollars)."""
    glued = _GLUED_CURRENCY.search(scan, max(low, number_start - 8), number_start)
    high = glued.start() if glued else number_start
    found = [
        p
        for p in range(low, high + 1)
        if (p == number_start and not glued_letter(scan, p - 1))
        or (
            scan[p] != " "
            and (p == 0 or not scan[p - 1].isdigit())
            and (p == low or _boundary(scan, p))
            and not _list_dash(scan, p)
            and not (scan[p] == "年" and p > 0 and scan[p - 1] in _YEAR_WORD_HEADS)
        )
    ]
    return found


# the first characters of Chinese words for a year ("上年", "去年", "今年", "上一年"): a figure
# never begins at their 年 ("较上年增长7.7%" is "增长7.7%", not the annual growth "年增长7.7%")
_YEAR_WORD_HEADS = frozenset("上去今明前后後次一每")


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


def figure_ends(scan: str, number_end: int, high: int) -> list[int]:
    """Where a figure around the number may end, farthest first."""
    found = [
        e
        for e in range(number_end + 1, high + 1)
        if scan[e - 1] != " "
        and (e == len(scan) or _boundary(scan, e, end=True))
        and not (_CURRENCY_PREFIX.fullmatch(scan, number_end, e) and _NUMBER_NEXT.match(scan, e))
        and not _YEAR_AGO.match(scan, e - 4)  # "46% a year earlier" is no 46% a year
    ]
    if glued_letter(scan, number_end):
        return sorted(found, reverse=True)
    return [*sorted(found, reverse=True), number_end]


def glued_letter(scan: str, i: int) -> bool:
    """Whether ``scan[i]``, beside a number, is a Latin letter of its word: "5G", "3nm",
    "Q3", "A100" are no figures, and "$1.2T" is never "$1.2" (the number alone is a
    figure only when it stands apart from letters)."""
    return 0 <= i < len(scan) and scan[i].isascii() and scan[i].isalpha()


def sentences(scan: str) -> list[tuple[int, int]]:
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
