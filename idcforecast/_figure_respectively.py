""" "分别" / "respectively": the figures of a sentence take its years in order.

"2021年和2022年市场规模分别达到1500亿元和1900亿元", "Revenue was $3bn and $4bn in 2022 and
2023, respectively": by distance both figures took the nearest year (2022 for 1500亿元 and
$3bn). When such a sentence names as many single years as it has figures in one unit, the
first figure is the first year's, the second the second's.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["respective_years"]

_RESPECTIVELY = re.compile(r"分别|分別|respectively|それぞれ", re.IGNORECASE)


def respective_years(
    scan: str, found: Sequence[tuple[Any, ...]]
) -> tuple[list[tuple[Any, ...]], set[int]]:
    """``found`` (each figure's start, end, unit, sentence start and end, the sentence's
    year mentions, and its nearest one, last) with the nearest one replaced, in a sentence
    saying "respectively", by the year of the same rank among the sentence's single years
    for each unit whose figures are as many as those years; other figures as they are.
    And the starts of the figures so paired: their year is final ("分别达到1500亿元和1900
    亿元，同比增长10%和20%": the 10% is 2021's, not the 1900亿元's 2022 before it)."""
    out = list(found)
    paired: set[int] = set()
    sentences = sorted({(f[3], f[4]) for f in found})
    for s_start, s_end in sentences:
        if not _RESPECTIVELY.search(scan, s_start, s_end):
            continue
        rows = [i for i, f in enumerate(found) if (f[3], f[4]) == (s_start, s_end)]
        own = found[rows[0]][5]
        years = [m for m in own if m.first == m.last]
        if len(years) < 2 or len(years) != len(own):  # a period among them: no pairing
            continue
        for unit in dict.fromkeys(found[i][2] for i in rows):
            same = [i for i in rows if found[i][2] == unit]
            if len(same) == len(years):
                for i, mention in zip(same, years, strict=True):
                    out[i] = (*found[i][:6], mention)
                    paired.add(found[i][0])
    return out, paired
