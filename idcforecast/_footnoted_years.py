"""Years marked with a footnote that the table's own footnotes define as forecasts, as
Statista exports them: "2019*" over "* Forecast". Such a year is an estimate, read as the
``estimates=`` policy says ("2019E" is one); its cell or header is rewritten with the
footnote's word after it ("2019* (forecast)"), the form :func:`~idcforecast._year_cells.
marked_year` reads, so the note of a kept value says both the marker and its meaning.
A marker that no footnote defines stays the error naming the fix."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["with_footnoted_years"]

# "* Forecast", "*: forecasts", "* = estimate", "** Projected", "* 预测值", "¹ Estimate"
_DEFINES_ESTIMATE = re.compile(
    r"\s*([*†‡#¹²³]+)\s*[:：=.\-–]?\s*(?:(?:figures|values|data)\s+(?:are\s+)?)?"
    r"(forecasts?|estimates?|estimated|projections?|projected|预测|预计|估计|预估)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)
# the word a year takes after it, as marked_year reads marks
_MARK_WORDS = {
    "forecast": "forecast",
    "forecasts": "forecast",
    "estimate": "estimate",
    "estimates": "estimate",
    "estimated": "estimate",
    "projection": "projected",
    "projections": "projected",
    "projected": "projected",
}


def _estimate_markers(footnotes: list[str]) -> dict[str, str]:
    """Each footnote marker the ``footnotes`` define as an estimate -> the mark word."""
    found = {}
    for note in footnotes:
        match = _DEFINES_ESTIMATE.match(note)
        if match is not None:
            word = match.group(2)
            found[match.group(1)] = _MARK_WORDS.get(word.lower(), word)
    return found


def with_footnoted_years(table: pd.DataFrame, year_column: str) -> pd.DataFrame:
    """``table`` with each year header, and each cell of ``year_column``, written as a
    year and a footnote marker that its footnotes (``table.attrs["footnotes"]``) define
    as a forecast or estimate ("2019*" under "* Forecast") rewritten as "2019* (forecast)";
    ``table`` itself when none is."""
    markers = _estimate_markers(list(table.attrs.get("footnotes") or ()))
    if not markers:
        return table
    pattern = re.compile(
        r"\s*(\d{4})\s*("
        + "|".join(map(re.escape, sorted(markers, key=len, reverse=True)))
        + r")\s*"
    )

    def rewritten(label: Any) -> Any:
        if not isinstance(label, str) or (match := pattern.fullmatch(label)) is None:
            return label
        return f"{match.group(1)}{match.group(2)} ({markers[match.group(2)]})"

    renamed = {c: rewritten(c) for c in table.columns if rewritten(c) is not c}
    out = table.rename(columns=renamed) if renamed else table
    if year_column in out.columns and out[year_column].map(lambda c: isinstance(c, str)).any():
        cells = out[year_column].astype(object).map(rewritten)
        if not cells.equals(out[year_column]):
            attrs = dict(out.attrs)
            out = out.assign(**{year_column: cells})
            out.attrs.update(attrs)
    return out
