"""Whether a figure's Japanese suffix qualifier ("2兆円超", "3兆円余り", "2兆円弱") is one:
only in a Japanese sentence. Chinese writes the same characters after a figure as the next
word ("增长5%超预期", beat expectations; "5%弱于预期", weaker than expected), no qualifier.
"""

from __future__ import annotations

import re

from idcforecast.units._figure_words import JAPANESE_SUFFIXES

__all__ = ["foreign_suffix_end"]

# kana write only Japanese; 円 (yen) is Japanese's own character (Chinese writes 日元)
_JAPANESE = re.compile(r"[\u3040-\u30ff]|円")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def foreign_suffix_end(scan: str, start: int, end: int) -> int | None:
    """Where the figure ``scan[start:end]`` ends without its Japanese suffix qualifier when
    that suffix stands in a sentence without kana or 円 (so it is no qualifier there);
    None when the figure ends in no such suffix or its sentence is Japanese.

    >>> foreign_suffix_end("收入增长5%超预期。", 4, 7)
    6
    >>> foreign_suffix_end("市場は2兆円超となる。", 3, 6) is None
    True
    """
    suffix = next((s for s in JAPANESE_SUFFIXES if scan.endswith(s, start, end)), None)
    if suffix is None:
        return None
    before = max((m.end() for m in _SENTENCE_END.finditer(scan, 0, start)), default=0)
    after = _SENTENCE_END.search(scan, end)
    if _JAPANESE.search(scan, before, len(scan) if after is None else after.start()):
        return None
    return end - len(suffix)
