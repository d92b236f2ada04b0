"""Decimal commas and point-grouped thousands in a text: "3,5 Mrd. Euro", "1.234,5", "1.000
millones de euros". :mod:`idcforecast.text_figures` reads numbers as ``parse_quantity``
does (English: "1,234" and "1.5"); this module rewrites, character for character so that
offsets stay, the numbers a text writes the continental way.
"""

from __future__ import annotations

import re

__all__ = [
    "continental_decimals",
    "continental_thousands",
    "point_decimal_commas",
    "point_decimals",
]


# a number written with a decimal comma, unambiguously: "3,5", "27,8", "1 234,5", "1.234,5"
# (a comma before one or two digits separates no thousands; "1,234" and "1.234" stay
# English, as parse_quantity reads them, and "2022,2023" two years)
_DECIMAL_COMMA = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:( |\.)\d{3})(?:\2\d{3})*|\d+),\d{1,2}(?![\d.,])"
)


def point_decimals(text: str, scan: str) -> tuple[str, str]:
    """``text`` and ``scan`` with each decimal-comma number rewritten as parse_quantity
    reads numbers, character for character so that offsets stay: "1.234,5" as "1 234.5",
    "3,5" as "3.5". Only an ASCII comma is a decimal comma: a full-width "，" ends a clause
    ("增长12，5个项目" holds 12 and 5; ``scan`` keeps it)."""
    chars, scan_chars = list(text), list(scan)
    decimals = list(_DECIMAL_COMMA.finditer(scan))
    for match in decimals:
        comma = match.end(1)
        for i in range(match.start(), comma):
            if scan[i] in " .":
                chars[i] = scan_chars[i] = " "  # thousands, as "1 234" (spaces parse)
        chars[comma] = scan_chars[comma] = "."
    verdicts: dict[int, bool] = {}  # by paragraph start
    for match in _POINT_THOUSANDS.finditer(scan):
        # a paragraph that writes decimal commas groups thousands with points: "1.250 MW"
        # beside "2.345,6 Mio. EUR" is 1250 MW, not 1.25 (a dollar amount, "$1.250
        # billion", keeps the English point); so does a number before a magnitude word of a
        # language that writes them ("1.000 millones de euros" is 1,000 million)
        if _CONTINENTAL_MAGNITUDE.match(scan, match.end()) or (
            _comma_paragraph(scan, match.start(), decimals, verdicts)
            and not _ENGLISH_CURRENCY_BEFORE.search(scan, max(0, match.start() - 4), match.start())
        ):
            for i in range(match.start(), match.end()):
                if scan[i] == ".":
                    chars[i] = scan_chars[i] = " "
    return "".join(chars), "".join(scan_chars)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ENGLISH_CURRENCY_BEFORE = re.compile(r"(?:\$|£)\s*$")


def _comma_paragraph(
    scan: str, i: int, decimals: list[re.Match[str]], verdicts: dict[int, bool]
) -> bool:
    """Whether the paragraph around ``scan[i]`` (up to blank lines: a table's rows are one)
    writes decimal commas: a number grouped with points and a decimal comma ("2.345,6"),
    or a decimal comma and no number only an English text writes (``verdicts`` keeps each
    paragraph's, by its start)."""
    if not decimals:
        return False
    before = [m.end() for m in _BLANK_LINE.finditer(scan, 0, i)]
    start = before[-1] if before else 0
    if start not in verdicts:
        end = n.start() if (n := _BLANK_LINE.search(scan, i)) else len(scan)
        own = [m for m in decimals if start <= m.start() < end]
        verdicts[start] = any(m[2] == "." for m in own) or (
            bool(own) and not _ENGLISH_NUMBER.search(scan, start, end)
        )
    return verdicts[start]


# numbers only an English text writes: "1,234" (a comma before three digits) or "27.8",
# "1.5", "0.1234" (a point before other than three digits)
_ENGLISH_NUMBER = re.compile(
    r"(?<![\d.,])\d+(?:,\d{3})+(?!\d|,\d)|(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?!\d|[.,]\d)"
)
# magnitude words of languages that group thousands with points (Spanish, Italian, German,
# French, Portuguese, Indonesian, Dutch, Nordic, Vietnamese): "1.000 millones", "2.500 Mio.", "1.200
# milioni", "1.500 milhões", "1.500 miliar"; not English "million", "billion"
_CONTINENTAL_MAGNITUDE = re.compile(
    r"\s*(?:mil\s+millones|millones|millón|millon|millardos?|milioni|milione|miliardi|miliardo"
    r"|billones|billón|Mio\b|Mrd\b|Mds?\b|Milliarden|Milliarde|Millionen|milliards?"
    r"|mil\s+milhões|milhões|milhão|bilhões|bilhão|trilhões|biliões"
    r"|ribu|juta|miliar|milyar|triliun"  # Indonesian ("Rp 1.500 miliar")
    r"|miljoenen|miljoen|miljarden|miljard|biljoen|miljoner|miljarder|millioner|milliarder"
    r"|miljon|biljon"  # Dutch, Swedish, Danish, Norwegian ("1,5 miljard euro")
    r"|mld|mlrd|млн|млрд|трлн|(?:bln|mln)(?=\s*zł)"  # Polish, Czech, Russian ("1,5 mld euro")
    r"|nghìn|ngàn|triệu|tỷ|tỉ)(?![a-zа-я])",  # Vietnamese ("10.000 tỷ đồng")
    re.IGNORECASE,
)
# thousands grouped with points ("1.250", "2.300.000"), not a date ("07.12.2026")
# ("0.850" is a decimal: no number groups thousands after a lone zero)
_POINT_THOUSANDS = re.compile(r"(?<![\d.,])(?!0\.)\d{1,3}(?:\.\d{3})+(?!\d|[.,]\d)")


def point_decimal_commas(text: str) -> str:
    """``text`` with each unambiguous decimal comma written as a point, as
    :func:`find_figures` reads it ("3,5 Mrd. Euro" as "3.5 Mrd. Euro", "1.234,5" as
    "1 234.5"): for ``idcforecast parse``, which reads one figure as ``figures`` does."""
    from idcforecast.text_figures import scan_text

    return point_decimals(text, scan_text(text))[0]


def continental_thousands(text: str) -> str:
    """``text`` with the points of a number that groups thousands before a magnitude word of
    a language that writes them so removed: "1.000 millones de euros" as "1000 millones de
    euros" (1,000 million, never 1), "2.500 Mio. Euro" as "2500 Mio. Euro". For
    :func:`idcforecast.parse_quantity`, which reads "1.000" alone as 1.0 (English).

    Examples
    --------
    >>> continental_thousands("1.000 millones de euros")
    '1000 millones de euros'
    >>> continental_thousands("1.000 million euros")  # English: the point is a decimal
    '1.000 million euros'
    """
    if "." not in text:
        return text  # most figures: nothing to look for
    out, last = [], 0
    for match in _POINT_THOUSANDS.finditer(text):
        if _CONTINENTAL_MAGNITUDE.match(text, match.end()):
            out.append(text[last : match.start()] + match[0].replace(".", ""))
            last = match.end()
    return "".join(out) + text[last:]


# a figure in euros or euro cents ("8,5 ct/kWh"), or with a magnitude word of a language
# that writes decimal commas
_EURO = re.compile(r"€|(?<![A-Za-z])(?:EUR|euros?|ct|eurocents?)(?![A-Za-z])", re.IGNORECASE)
_WORD_START = re.compile(r"(?<![A-Za-z])")


def continental_decimals(text: str) -> str:
    """``text`` (one figure) with its decimal commas as points when it is in euros or has a
    magnitude word of a language that writes them: "€ 2,5 Mrd." as "€ 2.5 Mrd.", "1.234,5
    Mio. Euro" as "1 234.5 Mio. Euro", as :func:`find_figures` reads them. A comma before
    one or two digits never groups thousands; without such words ("27,8%") the figure may
    be a table cell of either reading, which :func:`idcforecast.parse_quantity` refuses.

    Examples
    --------
    >>> continental_decimals("€ 2,5 Mrd.")
    '€ 2.5 Mrd.'
    >>> continental_decimals("27,8%")
    '27,8%'
    """
    if "," not in text or _DECIMAL_COMMA.search(text) is None:
        return text
    continental = any(
        _CONTINENTAL_MAGNITUDE.match(text, m.start()) for m in _WORD_START.finditer(text)
    )
    if not (continental or _EURO.search(text)):
        return text
    return point_decimals(text, text)[0]
