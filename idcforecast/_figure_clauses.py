"""Where a clause ends, for the years of figures: "、" in a Japanese sentence."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["japanese_clauses"]

_KANA = re.compile(r"[\u3040-\u30ff]")


def japanese_clauses(text: str, sentences: Sequence[tuple[int, int]]) -> str:
    """``text`` with the "、" of sentences with kana as "，": in Japanese it ends a clause
    ("2023年の市場規模は前年比10%増、2028年には2倍": the 10% is 2023's, not 2028's), in
    Chinese it joins the items of a list ("2021、2022年"), which stays as written."""
    chars: list[str] | None = None
    for start, end in sentences:
        if "、" in text[start:end] and _KANA.search(text, start, end):
            chars = chars or list(text)
            for i in range(start, end):
                if chars[i] == "、":
                    chars[i] = "，"
    return text if chars is None else "".join(chars)
