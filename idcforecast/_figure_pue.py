"""PUE, the one ratio :func:`idcforecast.find_figures` reads without a unit (total over IT
power): named before its number ("a PUE of 1.25", "PUE降至1.3以下", "电能利用效率降至1.5以下"),
after it ("a 1.15 PUE"), as the second value of a change ("PUE dropped from 1.6 to 1.3"), or
later in its sentence ("a PUE of 1.3, falling to 1.2 by 2025", "PUE为1.3，到2025年降至1.25以下",
a target: "the operator targets 1.2 by 2026", "目标为1.25").
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = [
    "RATIO_NEXT",
    "a_pue",
    "pue_after_change_by",
    "pue_change_amount",
    "pue_later",
    "pue_with_its_point",
    "ratio_before_name",
    "ratio_named",
]

# PUE, a ratio without a unit (total over IT power), named before its number ("a PUE of 1.25",
# "PUE fell to 1.3", "PUE值为1.2", "PUE降至1.3以下") or after it ("a 1.15 PUE"); WUE and CUE
# have units (WUE's L/kWh reads; CUE's kgCO2/kWh the registry lacks, its number stays bare)
_RATIOS = r"PUE|pPUE"
# PUE's Chinese name in policy documents ("平均电能利用效率降至1.5以下"): read as PUE
_RATIOS_ZH = r"电能利用效率|电能使用效率|電能利用效率|電能使用效率"
_RATIO_BEFORE = re.compile(
    rf"\b({_RATIOS})(?:\s+(?:value|ratio|rating|level|target))?"
    # what it is the PUE of: "the PUE of the campus is 1.3", "PUE for its new halls was"
    r"(?:\s+(?:of|for|at)\s+(?:the|its|this|our|their|each|all)(?:\s+[A-Za-z-]+){1,3}?"
    r"(?=\s+(?:is|was|will|stood|reached|averaged|hit|fell|dropped|improved)\b))?"
    r"(?:\s+(?:of|is|was|will|be|at|to|from|by|reached|averaged|hit|stood|fell|dropped|declined"
    r"|improved|went|down|as low as|expected|design|annual|annualized))*\s*[:：=]?\s*$"
    rf"|({_RATIOS}|{_RATIOS_ZH})(?:\s*[(（]\s*PUE\s*[)）])?\s*值?\s*"
    r"(?:(?:从|由)\s*)?(?:(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?"  # "PUE从2017年的1.6"
    r"(?:为|是|达到|达|降至|降到|降低至|降低到|下降至|下降到|控制在|在)?\s*$"
    # Japanese: "PUEは1.3", "PUE値は2024年に1.3未満", "PUEを1.2以下に"
    rf"|({_RATIOS})\s*値?\s*(?:は|が|を)\s*(?:(?:19|20)\d{{2}}\s*年度?\s*(?:には|に|で)?\s*)?$"
)
# the second value of a ratio that changes ("PUE dropped from 1.6 to 1.3", "PUE从2017年的1.6
# 降至2023年的1.48"): a bare number right after a PUE, joined to it by these words
RATIO_NEXT = re.compile(
    r"\s*(?:(?:in|by)\s+(?:FY\s*)?(?:19|20)\d{2}\s*)?"
    r"(?:to|降至|降到|降低至|降低到|下降至|下降到|下降为|降为|至|到)\s*"
    r"(?:(?:in|by)\s+(?:19|20)\d{2}\s*|(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?$",
    re.IGNORECASE,
)
# a PUE's next value further on ("a PUE of 1.3, falling to 1.2 by 2025", "PUE为1.3，到2025年
# 降至1.25以下", "PUE降至1.3以下，改造后降至1.4以下"): words with no figure, no sentence's
# end and no other ratio's name (WUE, CUE: "the WUE fell to 1.8" is none), ending in a
# word of change; or a list of targets by year ("1.25 in 2024 and 1.2 in 2025")
_PUE_LATER = re.compile(
    r"(?:[^\d.。!?！？;；]|(?<!\d)(?:19|20)\d{2}(?!\d)){0,60}?"
    r"(?:\bto|降至|降到|降低至|降低到|下降至|下降到|下降为|降为|至|到"
    # a target: "the operator targets 1.2 by 2026", "aims for 1.2", "目标为1.2"
    r"|\btargets?|\btargeting|\baims?\s+for|\ba\s+target\s+of|\bgoal\s+of|目标为|目标是|目標為)\s*"
    r"(?:(?:in|by)\s+(?:FY\s*)?(?:19|20)\d{2}\s*|(?:19|20)\d{2}\s*年\s*(?:的|底|末)?\s*)?$",
    re.IGNORECASE,
)
_PUE_LIST = re.compile(
    r"\s*(?:in|by)\s+(?:FY\s*)?(?:19|20)\d{2}\s*,?\s*(?:and|then)\s+$"
    r"|\s*,?\s*(?:down|up)\s+from\s+$",  # "improved to 1.18, down from 1.25 a year earlier"
    re.IGNORECASE,
)
_OTHER_RATIO = re.compile(r"[A-Z]UE|[A-Z]LF|ratio|efficiency|水|碳", re.IGNORECASE)
_A_YEAR = re.compile(r"(?:19|20)\d{2}")
_RATIO_AFTER = re.compile(rf"\s*({_RATIOS})\b")


def ratio_named(scan: str, start: int, end: int, floor: int) -> tuple[int, int, str] | None:
    """A bare number that is a named ratio: the figure's new (start, end) and the name."""
    if before := _RATIO_BEFORE.search(scan, max(floor, start - 30), start):
        name = before[1] or before[2] or before[3]
        # a year between the name and the number stays out of the figure: it is its year
        first = start if _A_YEAR.search(scan, before.start(), start) else before.start()
        return first, end, "PUE" if re.fullmatch(_RATIOS_ZH, name) else name
    if (after := _RATIO_AFTER.match(scan, end)) and ratio_before_name(
        scan[start:end], scan, after.end()
    ):
        return start, after.end(), after[1]
    return None


# a plural noun after "PUE": what is counted ("200 PUE audits", "3 PUE sensors"), unless a
# verb ("a 2 PUE means")
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:is|was|has|does|means|remains|reflects|indicates|shows|puts|makes)\b)"
    r"[a-z]+s\b"
)


def ratio_before_name(written: str, scan: str, name_end: int) -> bool:
    """Whether the number ``written`` before a ratio's name (ending at ``name_end``) is the
    ratio ("a 1.15 PUE"), not a count of things named after it: a PUE, total over IT power,
    is 1 to a few ("200 PUE audits" is none), and a whole number before a plural noun
    counts it ("3 PUE sensors")."""
    try:
        value = float(written)
    except ValueError:
        return True  # a number in words or with a magnitude ("一点三"): read as before
    if not 1 <= value < 10:
        return False
    return "." in written or _COUNTED_AFTER.match(scan, name_end) is None


def pue_later(scan: str, previous: int, start: int, number: tuple[int, int]) -> str | None:
    """Whether the bare number at ``number`` (its figure beginning at ``start``, before a
    verb such as "降至") is a value of the PUE figure ending at ``previous`` further on in
    its sentence: "change" (the level the PUE goes to, "a PUE of 1.3, falling to 1.2 by
    2025"), "list" (another target, "1.25 in 2024 and 1.2 in 2025") or None. A PUE's
    value is written with a decimal point, 1 to 3 (total over IT power): "and 40 halls
    run at 2 sites" gives none."""
    if RATIO_NEXT.fullmatch(scan, previous, start):
        return "change"  # "PUE dropped from 1.6 to 1.3"
    written = scan[number[0] : number[1]]
    try:
        value = float(written)
    except ValueError:
        return None
    if "." not in written or not 1 <= value < 3:
        return None
    if _OTHER_RATIO.search(scan, previous, number[0]):
        return None
    for end in dict.fromkeys((start, number[0])):
        if _PUE_LATER.fullmatch(scan, previous, end):
            return "change"
    return "list" if _PUE_LIST.fullmatch(scan, previous, start) else None


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


# "reduce PUE by 0.2 to 1.3": the change's amount, then the level reached
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:about|around|nearly|roughly|some|almost)\s+)?$", re.I)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_TO_LEVEL = re.compile(r"\s+to\s+(\d+(?:\.\d+)?)(?![\d.]*\d)", re.IGNORECASE)


def pue_after_change_by(
    scan: str, number: tuple[int, int], figure: tuple[int, int, Quantity]
) -> tuple[int, int, Quantity] | None:
    """The PUE reached by a change of a PUE by an amount ("reduce PUE by 0.2 to 1.3" read
    as the range 0.2-1.3, a PUE of 0.75; "PUE improved by 0.1 to 1.25" as a PUE of 0.1):
    1.3 and 1.25, from their numbers on, or None. No PUE is below 1 (total over IT
    power): a number below it after "by" is the amount of a change, no PUE, left out."""
    _, end, quantity = figure
    low = quantity.value if quantity.low is None else quantity.low
    if not low < 1 or not _BY_BEFORE.search(scan, max(0, number[0] - 20), number[0]):
        return None
    if quantity.high is not None and (to := _TO.search(scan, number[1], end)) is not None:
        level = dataclasses.replace(
            quantity, value=quantity.high, low=None, high=None, text=scan[to.end() : end]
        )
        return to.end(), end, level
    if quantity.high is None and (after := _TO_LEVEL.match(scan, number[1])) is not None:
        level = dataclasses.replace(quantity, value=float(after[1]), text=after[1])
        return after.start(1), after.end(1), level
    return None


def pue_change_amount(scan: str, number: tuple[int, int], quantity: Quantity) -> bool:
    """Whether a PUE's number is the amount of a change, no PUE: below 1 after "by" ("PUE
    fell by 0.2 in 2024")."""
    low = quantity.value if quantity.low is None else quantity.low
    return low < 1 and _BY_BEFORE.search(scan, max(0, number[0] - 20), number[0]) is not None
