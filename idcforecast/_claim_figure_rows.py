"""Private: a row of :func:`idcforecast.find_figures` as a claim's record.

An analyst's path from an article to a check is ``find_figures(text)``, a ``subject`` and a
``kind`` per row, then :func:`idcforecast.read_claims` / ``check_claims``; the frame's own
columns ``figure``, ``sentence``, ``start`` and ``end`` were "unknown key(s)", so the rows
had to be rebuilt by hand. They are read now: the sentence is the claim's quote, the figure
as found goes in its note, the character positions are left out. A row with a value and a
``figure`` or ``sentence`` is such a row, with or without the offsets.
"""

from __future__ import annotations

from typing import Any

from idcforecast._claim_marks import note_added

__all__ = ["figure_row_as_record"]

_FOUND = ("figure", "sentence", "start", "end")


def figure_row_as_record(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` without the columns only a ``find_figures`` row has (``figure``,
    ``sentence``, ``start``, ``end``), the sentence as its ``quote`` and the figure in its
    ``note``; any other record as it is.

    Examples
    --------
    >>> row = {"figure": "27.8 percent", "value": 27.8, "unit": "%", "period": "2020-2022",
    ...        "sentence": "... grow at compound rate of 27.8 percent from 2020-22 ...",
    ...        "start": 49, "end": 61, "subject": "s", "kind": "cagr"}
    >>> out = figure_row_as_record(row)
    >>> sorted(out), out["note"]
    (['kind', 'note', 'period', 'quote', 'subject', 'unit', 'value'], "found as '27.8 percent'")

    The offsets (or the sentence too) deleted by hand, as an analyst tidies the CSV, it is
    still such a row (the figure and sentence were "unknown key(s)"):

    >>> sorted(figure_row_as_record({"figure": "3200亿元", "value": 3200.0, "year": 2022}))
    ['note', 'value', 'year']
    """
    if not ({"figure", "sentence"} & set(record)) or not ({"value", "low", "high"} & set(record)):
        return record
    out = {key: value for key, value in record.items() if key not in _FOUND}
    if "quote" not in out and record.get("sentence") is not None:
        out["quote"] = record["sentence"]
    if record.get("figure") is not None:
        out["note"] = note_added(out.get("note"), f"found as {record['figure']!r}")
    return out
