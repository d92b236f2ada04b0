"""Plain-text tables for the terminal, aligned by display width (CJK characters are 2 wide)."""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence

__all__ = [
    "display_width",
    "exact_number",
    "format_numbers",
    "note_words",
    "text_table",
    "unit_words",
]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide and full-width characters count 2.

    Examples
    --------
    >>> display_width("亿元"), display_width("CNY")
    (4, 3)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def format_numbers(values: Sequence[float]) -> list[str]:
    """Numbers that are read together (one series' forecasts and bounds), with one count
    of decimals: the largest in size gets six significant digits, the others line up on
    its decimal point; a tie rounds half up, as the report rounds it. NaN and inf print as
    they are. Numbers that all print alike (a flat series' forecasts and zero-width
    bounds) drop the decimals' trailing zeros: 5 printed "5.00000", digits no one wrote. For
    computed numbers (forecasts); stored figures print with :func:`exact_number`.

    Examples
    --------
    >>> format_numbers([5853.37, 37402.81, 2096.0])
    ['5,853.4', '37,402.8', '2,096.0']
    >>> format_numbers([0.1448393, 0.02, float("nan")])
    ['0.144839', '0.020000', 'nan']
    >>> format_numbers([1234567.8, 12.0])
    ['1,234,568', '12']
    >>> format_numbers([17.5, 22.5, 100000.0])  # ties half up, not to the even "22"
    ['18', '23', '100,000']
    >>> format_numbers([5.0, 5.0, 5.0]), format_numbers([5.5, 5.5]), format_numbers([1200.0])
    (['5', '5', '5'], ['5.5', '5.5'], ['1,200'])
    >>> format_numbers([5.0, 5.0, float("nan")]), format_numbers([0.0, 0.0])
    (['5', '5', 'nan'], ['0', '0'])
    """
    from idcforecast._rounding import half_up

    finite = [abs(float(v)) for v in values if math.isfinite(v)]
    largest = max(finite, default=0.0)
    # digits before the point of the largest number (6 significant digits in all)
    magnitude = math.floor(math.log10(largest)) if largest > 0 else 0
    decimals = min(max(0, 5 - magnitude), 12)
    texts = [half_up(v, decimals) if math.isfinite(v) else str(float(v)) for v in values]
    shown = {text for text, v in zip(texts, values, strict=True) if math.isfinite(v)}
    if len(shown) == 1 and "." in (alike := shown.pop()):  # nothing to line up against
        plain = alike.rstrip("0").rstrip(".")
        texts = [plain if text == alike else text for text in texts]
    return texts


def exact_number(value: float) -> str:
    """Every digit of a stored figure (shortest round-trip form), thousands separators.

    Examples
    --------
    >>> exact_number(4829.019), exact_number(1228.0), exact_number(12345678.0)
    ('4,829.019', '1,228', '12,345,678')
    """
    text = _plain(repr(float(value)))
    return text[:-2] if text.endswith(".0") else text


def _plain(digits: str) -> str:
    # Decimal formats "1.23457e+06" as 1,234,570 (no exponent); inf and nan stay as they are
    from decimal import Decimal

    number = Decimal(digits)
    return f"{number:,f}" if number.is_finite() else digits


def text_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], *, right: Sequence[int] = ()
) -> str:
    """Render rows as an aligned table; columns listed in ``right`` are right-aligned.

    The last column is not padded (it may be long text such as a source).

    Examples
    --------
    >>> print(text_table(["year", "value"], [["2019", "1,562.5"]], right=[1]))
    year    value
    ----  -------
    2019  1,562.5
    """
    table = [list(header), *[list(r) for r in rows]]
    widths = [max(display_width(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for n, row in enumerate(table):
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - display_width(cell))
            last = i == len(row) - 1
            cells.append(pad + cell if i in right else cell if last else cell + pad)
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def unit_words(unit: str, *, inside: bool = False) -> str:
    """A unit as the user published it: a series read in 成 is in the unit "tenths", which
    printed as "unit: tenths", a word no source uses; it prints "成 (tenths)" (the report
    names it "tenths" beside the 成 it was published in), or "成, tenths" ``inside``
    parentheses already ("levels (成, tenths)"). Any other unit as it is.

    Examples
    --------
    >>> unit_words("tenths"), unit_words("tenths", inside=True)
    ('成 (tenths)', '成, tenths')
    >>> unit_words("CNY 100m"), unit_words("%"), unit_words("")
    ('CNY 100m', '%', '')
    """
    if unit != "tenths":
        return unit
    return "成, tenths" if inside else "成 (tenths)"


def note_words(note: str) -> str:
    """A reader's row note as the user reads it: a conversion from 成 says 成, as the
    headers do (:func:`unit_words`), where the note said "converted from 'tenths'".

    Examples
    --------
    >>> note_words("converted from 'tenths' (x10)")
    'converted from 成 (tenths) (x10)'
    >>> note_words("converted from 'GW' (x1000)")
    "converted from 'GW' (x1000)"
    """
    return note.replace("converted from 'tenths'", f"converted from {unit_words('tenths')}")
