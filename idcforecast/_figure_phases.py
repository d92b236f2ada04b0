"""The year of a project's phase, which dates none of the project's figures named before
the phase: "DataVolt will invest $5 billion in a 1.5GW campus, with the first phase due by
2026" (2026 is the first phase's; neither the whole investment nor the whole campus is of
2026). Used by :mod:`idcforecast._figure_years`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast._year_mentions import Mention

__all__ = ["phase_year"]

# a phase of a project: "the first phase", "phase one", "Phase 1", "一期", "首期", "二期工程"
_PHASE = re.compile(
    r"\b(?:first|second|third|initial|opening|1st|2nd|3rd)\s+(?:phase|stage)\b"
    r"|\b(?:phase|stage)\s+(?:one|two|three|1|2|3|I|II|III)\b"
    r"|(?<![统統同周週])(?:一期|二期|三期|首期|第一期|第二期|第三期)",
    re.IGNORECASE,
)
# what ends the phase's words: another sentence or clause that is not the phase's
_CLAUSE_END = re.compile(r"[。；;.!?！？]")


def phase_year(scan: str, mention: Mention, figure: tuple[int, int]) -> bool:
    """Whether ``mention`` is the year of a phase named before it ("with the first phase
    due by 2026", "一期预计2025年投产") and the figure at ``figure`` is named before that
    phase: then the year is not the figure's. A figure of the phase itself ("the first
    phase of 300 MW is due by 2026", "一期规模5000个机柜，预计2025年投产") keeps it.

    >>> from idcforecast._year_mentions import Mention
    >>> text = "It will invest $5 billion in a 1.5GW campus, with the first phase due by 2026"
    >>> year = Mention(73, 77, 2026, 2026)
    >>> phase_year(text, year, (15, 25)), phase_year("the first phase of 300 MW is due by 2026",
    ...     Mention(36, 40, 2026, 2026), (19, 25))
    (True, False)
    """
    end = figure[1]
    if end > mention.start:
        return False
    # the last phase named before the year
    last = max(
        (m.end() for m in _PHASE.finditer(scan, max(end, mention.start - 60), mention.start)),
        default=None,
    )
    return last is not None and _CLAUSE_END.search(scan, last, mention.start) is None
