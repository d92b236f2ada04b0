"""A PUE named before its number ("PUE 1.3", "a PUE of 1.3", "PUE: 1.25", "PUE为1.3"), as
:func:`idcforecast.find_figures` reads it: :func:`idcforecast.parse_quantity` reads the rest
as the number and gives it the ratio's unit.
"""

from __future__ import annotations

import re

# the ratio's name first, with the words that join it to its number; a verb or qualifier
# after them ("PUE fell to 1.3", "PUE below 1.3") is the rest's to read
_NAMED_FIRST = re.compile(
    r"\s*(?i:(?:a|an|the|its|average|annual|annualized|design)\s+)*"
    r"(?P<name>pPUE|PUE)(?i:\s+(?:value|ratio|rating|level|target))?"
    r"(?:\s*(?:[:=：]|(?i:of|is|was|at)\b|值为|值是|值|为|是))*\s*(?P<rest>\S.*)"
)


def ratio_named_first(text: str) -> tuple[str, str] | None:
    """The ratio's unit ("PUE" or "pPUE") and the text after its name, when ``text``
    names the ratio before its number ("a PUE of 1.3": ``("PUE", "1.3")``), else None."""
    match = _NAMED_FIRST.fullmatch(text)
    if match is None or not any(c.isdigit() for c in match["rest"]):
        return None
    return match["name"], match["rest"]
