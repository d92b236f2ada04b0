"""Texts searched as one string, and the place of an offset found in it: the checks of a
table file's bare "¥" (:mod:`idcforecast._yen_signs`) and 億元 (:mod:`idcforecast.
_traditional_yuan`) search a whole file at once, a pattern scanning 17 MB in C, where one
search per line took seconds, and name the line or cell of the words they find."""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable

__all__ = ["Search", "file_places", "first_word", "joined_places", "quoted_place_text"]

PlaceAt = Callable[[int], tuple[str, str]]


def joined_places(texts: Iterable[tuple[str, str]]) -> tuple[str, PlaceAt]:
    """``texts`` (``(place, text)`` pairs; blank ones left out) joined by line breaks, and
    the ``(place, text)`` pair an offset of that string falls in."""
    pairs = [(place, text) for place, text in texts if text]
    starts = list(itertools.accumulate((len(text) + 1 for _, text in pairs), initial=0))

    def pair_at(offset: int) -> tuple[str, str]:
        return pairs[bisect.bisect_right(starts, offset) - 1]

    return "\n".join(text for _, text in pairs), pair_at


def file_places(text: str, name: str) -> tuple[str, PlaceAt]:
    """A text file's ``name`` and ``text`` as one string, and an offset's place: "the file
    name", or "line N" (counted from 1) with that line's text, counted only when asked."""
    head = len(name) + 1

    def pair_at(offset: int) -> tuple[str, str]:
        if offset < head:
            return "the file name", name
        at = offset - head
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        line = text[start : None if end < 0 else end].rstrip("\r")
        return f"line {text.count(chr(10), 0, at) + 1}", line

    return f"{name}\n{text}", pair_at


# a search of first_word: a pattern, and when to run it: always (None), when the text holds
# one of these characters (a str: found by str.find in milliseconds), or when this pattern
# of plain words (a literal alternation, searched fast) is found
Search = tuple[re.Pattern[str], str | re.Pattern[str] | None]


def first_word(text: str, *searches: Search) -> tuple[int, str] | None:
    """The offset and the text of the first match in ``text`` of the ``searches`` run (a
    pattern with word boundaries cannot skip ahead: on a large file it is run only when the
    plain text of its words is there), else None."""
    found = []
    for pattern, gate in searches:
        if isinstance(gate, str) and not any(c in text for c in gate):
            continue
        if isinstance(gate, re.Pattern) and gate.search(text) is None:
            continue
        if (match := pattern.search(text)) is not None:
            found.append((match.start(), match.group()))
    return min(found) if found else None


def quoted_place_text(text: str, word: str = "") -> str:
    """`` ('text')`` for a message, cut at 60 characters; empty when it is ``word`` alone.

    Examples
    --------
    >>> quoted_place_text("  台灣 ")
    " ('台灣')"
    >>> quoted_place_text("Japan", "Japan")
    ''
    """
    shown = text.strip()
    if shown == word:
        return ""
    return f" ({shown if len(shown) <= 60 else shown[:57] + '...'!r})"
