"""Marks written around a claimed figure that are no part of it, left out in reading and
kept in the record's ``note``: a forecast's ("预计3200亿元", "3,200 (E)") and a footnote's
("3,200[1]", "3200亿元*", "3,200¹"). Read by :mod:`idcforecast._claim_figure_cells` (and
the cagr command, for a footnote mark).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["note_added", "without_footnote_mark", "without_forecast_mark"]


# a claim is often a forecast, and its figure says so: "预计3200亿元", "3200亿元（预计）",
# "3,200 (E)", "320 billion yuan (forecast)" were "not a figure"
_FORECAST_PREFIX = re.compile(r"^\s*(?P<mark>预计|预测|估计|预期)\s*(?:将|会)?\s*")
_FORECAST_SUFFIX = re.compile(
    r"\s*[（(]\s*(?P<mark>预计|预测|估计|预估|E|F|e|f|est\.?|estimated?|forecast|projected|"
    r"projection)\s*[)）]\s*$",
    re.IGNORECASE,
)


def without_forecast_mark(text: str, record: dict[str, Any]) -> str:
    """``text`` without the mark of a forecast ("预计" before it, "(E)" or "（预测）" after
    it), which the record's ``note`` keeps; ``text`` as it is without one.

    Examples
    --------
    >>> record = {}
    >>> without_forecast_mark("3200亿元（预计）", record), record["note"]
    ('3200亿元', "published as '3200亿元（预计）' (a forecast mark, left out in reading)")
    >>> without_forecast_mark("预计将达到3200亿元", {}), without_forecast_mark("27.8%", {})
    ('达到3200亿元', '27.8%')
    """
    stripped = _FORECAST_SUFFIX.sub("", _FORECAST_PREFIX.sub("", text, count=1), count=1)
    if stripped == text or not stripped.strip():
        return text
    said = f"published as {text.strip()!r} (a forecast mark, left out in reading)"
    record["note"] = note_added(record.get("note"), said)
    return stripped


# footnote references in brackets after a figure: "[1]", "[12]", "[a]", "[1][2]"; a capital
# letter ("[E]", an estimate's mark in some tables) or a word is left to the figure reader
_BRACKET_NOTES = re.compile(r"(?:\s*\[\s*(?:\d{1,3}|[a-z])\s*\])+\s*$")


def without_footnote_mark(text: str, record: dict[str, Any], *, key: str = "value") -> str:
    """``text`` without the footnote marker written after the figure ("3,200[1]", "3200亿元
    *", "3,200¹", "3,200①", "27.8%†"), which the record's ``note`` keeps (naming ``key``
    when it is not the value: "low published as ..."); ``text`` as it is
    without one, or when what would be left holds no digit (the figure reader then says
    what is wrong). A marker that is a number ("¹", "①") inside the figure ("320①亿元") is
    left for the figure reader to refuse, as it would be read as a digit.

    Examples
    --------
    >>> record = {}
    >>> without_footnote_mark("3,200[1]", record), record["note"]
    ('3,200', "published as '3,200[1]' (footnote marker '[1]', left out in reading)")
    >>> without_footnote_mark("3200亿元 *", {}), without_footnote_mark("3,200¹", {})
    ('3200亿元', '3,200')
    >>> without_footnote_mark("500 m²", {}), without_footnote_mark("27.8%", {})
    ('500 m²', '27.8%')
    """
    from idcforecast._cells import footnote_marker
    from idcforecast.errors import IdcForecastError

    written = text.strip()
    body = _BRACKET_NOTES.sub("", written)
    try:
        body = footnote_marker(body, place="value", noun="value")[0].rstrip()
    except IdcForecastError:  # "320①亿元", "*" alone: the figure reader's error says why
        return text
    if body == written or not any(ch.isdigit() for ch in body):
        return text
    marker = "".join(written[len(body) :].split())
    said = f"published as {written!r} (footnote marker {marker!r}, left out in reading)"
    if key != "value":  # a range's end: which one
        said = f"{key} {said}"
    record["note"] = note_added(record.get("note"), said)
    return body


def note_added(note: object, said: str) -> str:
    """A claim row's ``note`` with ``said`` appended ("; " between), or ``said`` when the
    row had no note (None, NaN, "").

    Examples
    --------
    >>> note_added("estimate", "found as '27.8%'"), note_added(float("nan"), "x")
    ("estimate; found as '27.8%'", 'x')
    """
    return f"{note}; {said}" if isinstance(note, str) and note else said
