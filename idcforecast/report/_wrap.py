"""Line breaks for table cells: Chinese may break between characters, figures never.

fpdf2 breaks a line at spaces, and a run without one (a Chinese sentence, a URL) at
whatever character reaches the edge: the Sources table printed "规模达到156" over
"2.5億元" and "增速為23.2" over "%". :func:`wrap_text` breaks instead where a reader
expects it: at spaces, between Chinese characters (never before closing punctuation such
as "，" or "%", never after an opening bracket, never inside "1562.5億元") and, in a run
too long for the cell, after a "/" of a URL before falling back to a character. The lines
are joined with newlines, which fpdf2 keeps.

Examples
--------
>>> def width(text: str) -> float:  # one unit a character
...     return float(len(text))
>>> print(wrap_text("規模達到1562.5億元,同比增長27.2%", 10, width))
規模達到
1562.5億元,同
比增長27.2%
>>> print(wrap_text("zhaoxny.com/q/84212a5137f82.html", 16, width))
zhaoxny.com/q/
84212a5137f82.
html
"""

from __future__ import annotations

import re
from collections.abc import Callable

from idcforecast.report.fonts import _CJK_CHARS

__all__ = ["needs_wrapping", "wrap_text"]

# Pieces between which a line may break: one CJK character, a run of spaces, or a run of
# anything else (a number, a word, a URL).
_ATOMS = re.compile(f"[{_CJK_CHARS}]| +|[^ {_CJK_CHARS}]+")
_CJK = re.compile(f"[{_CJK_CHARS}]")
# a line never starts with these (closing punctuation, percent) ...
_NO_BREAK_BEFORE = frozenset(",.;:!?%)]}'\"’”、。，．；：！？）】》」』〕％·")
# ... nor ends with these (opening brackets and quotes)
_NO_BREAK_AFTER = frozenset("([{‘“（【《「『〔")
# units and magnitudes written after a number ("1562.5亿元", "2019年"): kept with it
_UNIT_CHARS = frozenset("亿億万萬千百元年月日个個台架")
# in a run too long for the line, the preferred places to break it (after them): a URL's
# "/" first, else a host name's or file name's "." ("m.highestlevelmanagement." over
# "com/article/...", where it broke at the edge, "m.highestlevelmanagement.co" over "m/...")
_SOFT_BREAKS = (frozenset("/-_?&="), frozenset("."))


def _breakable(left: str, right: str) -> bool:
    """Whether a line may break between two adjacent atoms."""
    if left.startswith(" ") or right.startswith(" "):
        return True
    if right in _UNIT_CHARS and (left[-1].isdigit() or left[-1] in _UNIT_CHARS):
        return not any(c.isdigit() for c in left)
    if not (_CJK.fullmatch(left) or _CJK.fullmatch(right)):
        return False
    return right[0] not in _NO_BREAK_BEFORE and left[-1] not in _NO_BREAK_AFTER


def _words(text: str) -> list[str]:
    """``text`` as unbreakable words and runs of spaces."""
    words: list[str] = []
    for atom in _ATOMS.findall(text):
        if words and not _breakable(words[-1], atom):
            words[-1] += atom
        else:
            words.append(atom)
    return words


def _split_long(word: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """A word wider than ``width`` in pieces that fit: each broken after the last "/"
    (or ".", "-", "_"...) that fits, else at the last character that fits, and never
    before closing punctuation.

    Examples
    --------
    >>> _split_long("(highestlevelmanagement.com)", 27.0, lambda s: float(len(s)))
    ['(highestlevelmanagement.', 'com)']
    >>> _split_long("abcdefgh)", 8.0, lambda s: float(len(s)))
    ['abcdefg', 'h)']
    """
    pieces = []
    while word and measure(word) > width:
        fits = 1
        while fits < len(word) and measure(word[: fits + 1]) <= width:
            fits += 1
        cut = fits
        for marks in _SOFT_BREAKS:
            soft = max((i + 1 for i in range(fits) if word[i] in marks), default=0)
            if soft >= fits // 2:
                cut = soft
                break
        # a closing bracket or mark never opens a line alone: "(highestlevelmanagement.com"
        # over ")"
        while cut > 1 and word[cut] in _NO_BREAK_BEFORE:
            cut -= 1
        pieces.append(word[:cut])
        word = word[cut:]
    if word:
        pieces.append(word)
    return pieces


def needs_wrapping(text: str, width: float, measure: Callable[[str], float]) -> bool:
    """Whether fpdf2 would break ``text`` somewhere other than at a space: it has Chinese
    text or a word wider than ``width`` (as ``measure`` gives widths)."""
    if _CJK.search(text):
        return True
    return any(measure(w) > width for w in text.split())


def wrap_text(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` broken into lines no wider than ``width`` (as ``measure`` gives widths),
    joined with newlines; existing newlines are kept.

    Parameters
    ----------
    text
        The cell's text.
    width
        The width a line may take, in the unit of ``measure``.
    measure
        The width of a string in the font the cell is set in (e.g. fpdf2's
        ``get_string_width`` after ``set_font``).

    Returns
    -------
    str
        The lines, joined with ``"\\n"``.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in _words(paragraph):
            if word.startswith(" "):
                if line:
                    line += word
                continue
            if not line.strip() or measure(line + word) <= width:
                candidate = line + word
                if measure(candidate) <= width:
                    line = candidate
                    continue
                pieces = _split_long(candidate, width, measure)
            else:
                lines.append(line.rstrip())
                pieces = _split_long(word, width, measure)
            lines.extend(pieces[:-1])
            line = pieces[-1]
        lines.append(line.rstrip())
    return "\n".join(lines)
