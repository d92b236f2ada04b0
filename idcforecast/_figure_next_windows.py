"""The period of a figure over "the next five years" ("will invest $10 billion over the next
five years", "未来五年将投资1000亿元", "will grow 15% a year over the coming five years"): the
N years from the year of the source's date ("Reuters 2025-03-05": 2025-2029, the window
starting at the date, as a plan's N years are named by the years themselves), else unknown
(no period guessed). Only a rate of growth or money invested or spent over the window that
took no year of its own. Used by :mod:`idcforecast.text_figures`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._figure_windows import over_the_window, years_counted
from idcforecast._year_mentions import Mention

if TYPE_CHECKING:
    from collections.abc import Sequence

    from idcforecast.units.quantity import Quantity

__all__ = ["next_window_periods"]

# the next N years: "未来五年", "今后5年", "未来3年内", "the next five years", "the coming 5
# years" ("the next year" names no N; "未来五年规划" is a plan's name, still its window)
_NEXT = re.compile(
    r"(?:未来|未來|今后|今後|接下来|接下來)\s*(\d{1,2}|[一二两兩三四五六七八九十])\s*(?:个|個)?\s*年"
    r"(?![度份])"
    r"|\b(?:the\s+)?(?:next|coming|following|upcoming)\s+(\d{1,2}|two|three|four|five|six|seven"
    r"|eight|nine|ten)\s+years\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"，|；|, |; ")


def _window_of(text: str, span: tuple[int, int], sentence: tuple[int, int]) -> int | None:
    """The number of years of a window ahead named in the sentence before the figure at
    ``span`` ("Over the next five years, the company will invest $10 billion") or after it
    in its clause ("will invest $10 billion over the next five years")."""
    start, end = span
    after = _CLAUSE.search(text, end, sentence[1])
    windows = list(_NEXT.finditer(text, sentence[0], start)) or list(
        _NEXT.finditer(text, end, after.start() if after else sentence[1])
    )
    if not windows:
        return None
    window = windows[-1] if windows[-1].end() <= start else windows[0]
    return years_counted(window[1] or window[2])


def next_window_periods(
    text: str,
    figures: Sequence[tuple[int, int, Quantity, str]],
    dated: list[tuple[int, int, Mention | None]],
    published: int | None,
) -> list[tuple[int, int, Mention | None]]:
    """``dated`` (each figure's sentence and year or period) with a figure over the next N
    years that took no year given the N years from ``published`` (the year of the source's
    date): "未来五年将投资1000亿元" in a text of 2025 is 2025-2029. Without ``published``
    such a figure keeps no period: the text does not say when the window starts."""
    if published is None or _NEXT.search(text) is None:  # one pass: most texts name none
        return dated
    out = list(dated)
    for i, ((start, end, _, unit), (s_start, s_end, near)) in enumerate(
        zip(figures, dated, strict=True)
    ):
        if near is not None or not over_the_window(text, (start, end), (s_start, s_end), unit):
            continue
        years = _window_of(text, (start, end), (s_start, s_end))
        if years is not None:
            out[i] = (s_start, s_end, Mention(start, end, published, published + years - 1))
    return out
