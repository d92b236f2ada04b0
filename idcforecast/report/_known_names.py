"""The English names of the Chinese publishers and reports the bundled data cites, for
text set without a CJK font (charts always; the PDF when none is found).

Dropped, a Chinese name left a dangling phrase ("ip110.com/blog/exchange/68.shtml,
quoting (early 2013)" for "... quoting 中国IDC圈 (early 2013)"), a bare year range
("2019-2020" for the CIDC report of that name) or nothing at all (the 2016 row's
originator, 前瞻產業研究院). Said in English, the source is named.
"""

from __future__ import annotations

import re

__all__ = ["KNOWN_NAMES", "in_english"]

# the firm's own English name where it has one (中国IDC圈 is China IDC Circle, CIDC; 科智咨询
# is its consultancy, Kezhi Consulting), else the usual translation; simplified and
# traditional spellings both, as the sources quote both
KNOWN_NAMES: dict[str, str] = {
    "中国IDC产业发展研究报告": "China IDC Industry Development Research Report",
    "中國IDC產業發展研究報告": "China IDC Industry Development Research Report",
    "中国IDC行业发展研究报告": "China IDC Industry Development Research Report",
    "中國IDC行業發展研究報告": "China IDC Industry Development Research Report",
    "数据中心白皮书": "Data Center White Paper",
    "數據中心白皮書": "Data Center White Paper",
    "科智咨询等机构": "Kezhi Consulting and others",
    "科智咨詢等機構": "Kezhi Consulting and others",
    "科智咨询": "Kezhi Consulting",
    "科智咨詢": "Kezhi Consulting",
    "中国IDC圈": "China IDC Circle",
    "中國IDC圈": "China IDC Circle",
    "前瞻产业研究院": "Qianzhan Industry Research Institute",
    "前瞻產業研究院": "Qianzhan Industry Research Institute",
}
# longest first: a report's name before the shorter names inside it
_NAME = re.compile("|".join(re.escape(k) for k in sorted(KNOWN_NAMES, key=len, reverse=True)))


def in_english(text: str) -> str:
    """``text`` with each known Chinese name (:data:`KNOWN_NAMES`) in English; other
    Chinese is left as it is (for :func:`~idcforecast.report.fonts.without_cjk`).

    A year before a report's name keeps its place without its 年 ("2021-2022年中国IDC行业
    发展研究报告" is "2021-2022 China IDC Industry Development Research Report").

    Examples
    --------
    >>> in_english("ip110.com/blog/exchange/68.shtml, quoting 中国IDC圈 (early 2013)")
    'ip110.com/blog/exchange/68.shtml, quoting China IDC Circle (early 2013)'
    >>> in_english("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告")
    'Kezhi Consulting (China IDC Circle), 2019-2020 China IDC Industry Development Research Report'
    >>> in_english("CAICT 数据中心白皮书(2022年)")
    'CAICT Data Center White Paper (2022年)'
    >>> in_english("2023-2024 年中国IDC行业发展研究报告")
    '2023-2024 China IDC Industry Development Research Report'
    >>> in_english("据IDC圈报道")
    '据IDC圈报道'
    """
    if _NAME.search(text) is None:
        return text
    said = _NAME.sub(lambda m: f" {KNOWN_NAMES[m.group()]} ", text)
    said = re.sub(r"(\d)\s*年\s+(?=[A-Z])", r"\1 ", said)  # "2021-2022年 China IDC ..."
    said = re.sub(r"\s+", " ", said)
    said = re.sub(r"\s+([,;:.)\]）])", r"\1", said)
    said = re.sub(r"([(\[（])\s+", r"\1", said)
    said = re.sub(r"([A-Za-z])([(（])", r"\1 \2", said)  # "White Paper(2022年)"
    return said.strip()
