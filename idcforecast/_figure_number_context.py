"""What stands around a number that :func:`idcforecast.text_figures.find_figures` reads:
a unit's hyphen ("100-MW"), a magnitude word without digits ("上千亿元"), a first 十 ("十亿元"),
the words of a number written in words, a year that opens a range ("from 2,000 MW in 2024 to
5,000 MW"), and a noun counted by a classifier ("机柜2万个"). Split from text_figures.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._figure_rates import dimension
from idcforecast._figure_reading import read_as
from idcforecast.units._unit_hyphens import unit_hyphens

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity


def unhyphened(text: str, scan: str) -> tuple[str, str]:
    """``text`` and ``scan`` with the hyphen of "100-MW", "100-megawatt" as a space, so the
    figure reads (see :func:`idcforecast.units._unit_hyphens.unit_hyphens`)."""
    if "-" not in scan:
        return text, scan
    chars, scan_chars = list(text), list(scan)
    for i in unit_hyphens(scan):
        chars[i] = scan_chars[i] = " "
    return "".join(chars), "".join(scan_chars)


# a magnitude word without digits after a qualifier: "上千亿元", "超万台", "近千万" (read as
# at least / at most 1 千亿元...); "数千亿" (several) is no number
DIGITLESS = re.compile(
    r"(?:上|超过|超過|超|逾|近|将近|將近|接近|约|約|大约|大約|不到|不足|突破|至少|高达|高達)"
    r"([十百千万萬亿億]+)"
)
# "十亿元", "十万台": a first 十 before a magnitude word is ten (its digits, "10亿", do not
# fit in its characters, so it stays a numeral; parse_quantity reads it); "数十万" (several
# hundred thousand) is no number
TEN_HEAD = re.compile(
    r"(?<![〇零一二两兩三四五六七八九十百千万萬亿億\d.点数數几幾])十(?=[万萬亿億])[十百千万萬亿億]*"
)


# a noun before a number counted by a classifier ("机柜2万个", "服务器约30万台"): the thing
# counted, which the classifier after the number does not name
_NOUN_BEFORE = re.compile(
    r"(标准机架|標準機架|机柜|機櫃|机架|機架|服务器|服務器)"
    r"(数|數|数量|數量|总数|總數|规模|規模|出货量|出貨量)?(?:为|為|是|达到|達到|达|達|共|共有)?\s*$"
)  # "机架数达81.8万个": the rack count reached 818 thousand


def to_word_end(text: str, scan: str, end: int) -> int:
    """``end``, or past the words of a number written in words whose digits end the figure
    ("a hundred sites" scans as "100       sites": the figure "100" is "a hundred")."""
    if not (0 < end < len(scan) and scan[end] == " " and scan[end - 1].isdigit()):
        return end
    if text[end - 1] == scan[end - 1]:
        return end  # written in digits
    while end < len(scan) and scan[end] == " ":
        end += 1
    while text[end - 1].isspace():
        end -= 1
    return end


# a word that dates what follows or precedes it: "from 2,000 MW in 2024 to 5,000 MW"
_YEAR_WORD_BEFORE = re.compile(
    r"\b(?:in|by|during|since|until|through|as\s+of|end\s+of|FY)\s*$", re.IGNORECASE
)


def year_opening_range(scan: str, number: tuple[int, int], quantity: Quantity) -> bool:
    """Whether the figure read at ``number`` is a range whose first end is a year after a
    word that dates it ("from 2,000 MW in 2024 to 5,000 MW in 2027" read "2024 to 5,000 MW",
    3512 MW, the midpoint of a year and a capacity): the year is no figure's end, the
    figure after "to" is read on its own."""
    written = scan[number[0] : number[1]]
    if quantity.low is None or len(written) != 4 or not written.isdigit():
        return False
    return (
        1900 <= int(written) <= 2099
        and quantity.low == int(written)
        and _YEAR_WORD_BEFORE.search(scan, max(0, number[0] - 12), number[0]) is not None
    )


def unit_is_count(quantity: Quantity) -> bool:
    return quantity.unit.startswith("count")


def noun_before(
    reading: str, scan: str, found: tuple[int, int, Quantity], floor: int
) -> tuple[int, Quantity] | None:
    """The new start and quantity of a count whose noun stands before its number and a
    classifier (个, 台, 架) after it: "机柜2万个" is 2 "racks 10k", "机柜约1万个" about 1;
    or with no classifier after a noun's count ("标准机架数超过830万" is at least 830
    "racks 10k", "服务器数量达300万")."""
    start, end, _ = found
    classifier = scan[end - 1 : end] in ("个", "個", "台", "架")
    noun = _NOUN_BEFORE.search(scan, max(floor, start - 10), start)
    if noun is None or not (classifier or noun[2]):
        return None
    counted = read_as(reading[start : end - 1 if classifier else end] + noun[1])
    if counted is None or dimension(counted.unit) == "count":
        return None
    return noun.start(), counted
