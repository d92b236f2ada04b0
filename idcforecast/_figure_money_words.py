"""A Chinese amount in 亿 or 万 without 元 that a money word governs ("投资约300亿"): yuan.

Chinese news often drops 元 after an investment, revenue or market size ("总投资约300亿",
"营收达1200亿"): read alone, "300亿" is a plain count of 3e10, so the figure never converts
and never meets a series in 亿元. Only a money word right before the figure, in its own
clause with no other noun between ("投资约300亿", "市场规模将达到3000亿"), makes it yuan;
"机架300万" and "用户3亿" stay counts. ``find_figures`` says which figures it read so.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["in_yuan", "warn_yuan_by_money_word", "yuan_by_money_word"]

# the money words, then what may stand between them and the number: a verb or qualifier
# of a few characters ("约", "达到", "将超过", "为", "额为", "总计"), no punctuation, no digit
_GOVERNED = re.compile(
    r"(?P<word>总投资|投资总额|投资额|投资|投入|营业收入|营收|总收入|收入|融资|募资|"
    r"市场规模|产值|销售额|营业额)"
    r"(?P<between>[金额总计共约近逾超过达到将为是了预计累计合人民币]{0,6})$"
)


def yuan_by_money_word(
    scan: str, span: tuple[int, int], floor: int, quantity: Quantity
) -> str | None:
    """The money word ("投资") governing the count in Chinese magnitudes at ``span``
    ("约300亿" of "投资约300亿"), looking back no further than ``floor``; None when the
    figure is no such count, no money word governs it, or digits go on after it ("1亿" of
    "1亿5万元", a number that does not fit: no amount of its own)."""
    start, end = span
    if not quantity.unit.startswith("count ") or not _CHINESE_MAGNITUDE.search(quantity.text or ""):
        return None  # a bare count, a count per something, "300 million" in English
    if scan[end : end + 1].isdigit():
        return None
    match = _GOVERNED.search(scan, max(floor, start - 12), start)
    return None if match is None else match["word"]


# the magnitude words a count in yuan is written in: 万, 亿 (千万, 万亿 ...)
_CHINESE_MAGNITUDE = re.compile(r"[万萬亿億]")


def in_yuan(quantity: Quantity) -> Quantity:
    """``quantity``, a count in a magnitude, as yuan in that magnitude ("count 100m" ->
    "CNY 100m")."""
    return dataclasses.replace(quantity, unit="CNY" + quantity.unit[len("count") :])


def warn_yuan_by_money_word(found: list[tuple[str, str]]) -> None:
    """Say which figures (as written, with the money word before them) were read as yuan."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AssumedCurrencyWarning

    shown = ", ".join(f"{figure!r} after {word!r}" for figure, word in found[:3])
    shown += ", ..." if len(found) > 3 else ""
    count = counted(len(found), "figure")
    warnings.warn(
        f"find_figures: {count} in 万/亿 without 元 ({shown}) read as yuan (CNY), as Chinese "
        "news drops 元 after an investment, revenue or market size; if one is a count, read "
        "its unit's 'CNY' as 'count'",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )
