"""PUE, the one ratio :func:`idcforecast.find_figures` reads without a unit (total over IT
power): named before its number ("a PUE of 1.25", "PUE降至1.3以下", "电能利用效率降至1.5以下"),
after it ("a 1.15 PUE"), or as the second value of a change ("PUE dropped from 1.6 to 1.3").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["RATIO_NEXT", "a_pue", "pue_with_its_point", "ratio_named"]

# PUE, a ratio without a unit (total over IT power), named before its number ("a PUE of 1.25",
# "PUE fell to 1.3", "PUE值为1.2", "PUE降至1.3以下") or after it ("a 1.15 PUE"); WUE and CUE
# have units (L/kWh, kgCO2/kWh) that the registry lacks, so their numbers stay bare
_RATIOS = r"PUE|pPUE"
# PUE's Chinese name in policy documents ("平均电能利用效率降至1.5以下"): read as PUE
_RATIOS_ZH = r"电能利用效率|电能使用效率|電能利用效率|電能使用效率"
_RATIO_BEFORE = re.compile(
    rf"\b({_RATIOS})(?:\s+(?:value|ratio|rating|level|target))?"
    r"(?:\s+(?:of|is|was|will|be|at|to|from|by|reached|averaged|hit|stood|fell|dropped|declined"
    r"|improved|went|down|as low as|expected|design|annual|annualized))*\s*[:：=]?\s*$"
    rf"|({_RATIOS}|{_RATIOS_ZH})(?:\s*[(（]\s*PUE\s*[)）])?\s*值?\s*"
    r"(?:(?:从|由)\s*)?(?:(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?"  # "PUE从2017年的1.6"
    r"(?:为|是|达到|达|降至|降到|降低至|降低到|下降至|下降到|控制在|在)?\s*$"
)
# the second value of a ratio that changes ("PUE dropped from 1.6 to 1.3", "PUE从2017年的1.6
# 降至2023年的1.48"): a bare number right after a PUE, joined to it by these words
RATIO_NEXT = re.compile(
    r"\s*(?:(?:in|by)\s+(?:FY\s*)?(?:19|20)\d{2}\s*)?"
    r"(?:to|降至|降到|降低至|降低到|下降至|下降到|下降为|降为|至|到)\s*"
    r"(?:(?:in|by)\s+(?:19|20)\d{2}\s*|(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?$",
    re.IGNORECASE,
)
_A_YEAR = re.compile(r"(?:19|20)\d{2}")
_RATIO_AFTER = re.compile(rf"\s*({_RATIOS})\b")


def ratio_named(scan: str, start: int, end: int, floor: int) -> tuple[int, int, str] | None:
    """A bare number that is a named ratio: the figure's new (start, end) and the name."""
    if before := _RATIO_BEFORE.search(scan, max(floor, start - 30), start):
        name = before[1] or before[2]
        # a year between the name and the number stays out of the figure: it is its year
        first = start if _A_YEAR.search(scan, before.start(), start) else before.start()
        return first, end, "PUE" if re.fullmatch(_RATIOS_ZH, name) else name
    if after := _RATIO_AFTER.match(scan, end):
        return start, after.end(), after[1]
    return None


def pue_with_its_point(text: str, number: tuple[int, int], quantity: Quantity) -> Quantity:
    """A PUE read as point-grouped thousands ("PUE: 1.125" in a text of decimal commas:
    1125) read with its point (1.125): a PUE, total over IT power, is 1 to about 3."""
    written = text[number[0] : number[1]]
    if quantity.value < 100 or "." not in written or "," in written:
        return quantity
    try:
        return dataclasses.replace(quantity, value=float(written))
    except ValueError:
        return quantity


def a_pue(
    scan: str,
    found: tuple[int, int, Quantity],
    floor: int,
    figures: list[tuple[int, int, Quantity, str]],
) -> bool:
    """Whether the bare number ``found`` is a PUE: named before or after it ("PUE降至一点三
    以下"), or the second value after a PUE ("PUE从一点六降至一点三")."""
    start, end, quantity = found
    if quantity.unit != "count":
        return False
    if ratio_named(scan, start, end, floor) is not None:
        return True
    after_a_pue = bool(figures) and figures[-1][3] == "PUE"
    return after_a_pue and RATIO_NEXT.fullmatch(scan, figures[-1][1], start) is not None
