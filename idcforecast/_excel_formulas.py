"""Excel value cells that hold a formula: read as their stored result, never as published.

pandas (and openpyxl with ``data_only=True``) hands over a formula cell's stored result as
if it were a figure typed in: a projection written as ``=C5*1.15`` beside the history, or a
total ``=SUM(B2:B4)``, read as a year published. :func:`formula_cells` finds a sheet's
formulas (one pass over its XML, as merges are found); :func:`mark_formula_values` gives the
values read from them a note naming the formula and, for a formula that computes (not a
link to another cell, ``=Sheet2!B5``, or a typed constant, ``=1562.5``), ``derived=True``
(the row's own ``derived`` cell, when the table has one, is kept), and
:func:`warn_formula_values` names the computed ones in a
:class:`~idcforecast.errors.FormulaCellsWarning`. A formula without a stored result is an
error (see :func:`idcforecast._excel_sheets.no_blank_formulas_or_errors`).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel

if TYPE_CHECKING:
    from pathlib import Path

    from idcforecast._normalize import Observation

__all__ = ["formula_cells", "is_computed", "mark_formula_values", "warn_formula_values"]

# a cell whose first child is a formula: <c r="B3" s="1"><f>B2*1.1</f><v>110</v></c>; a
# shared formula's other cells write <f t="shared" si="0"/>, the text in its first cell
_FORMULA_CELL = re.compile(
    rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*<(?:\w+:)?f\b([^>]*?)'
    rb"(?:/>|>([^<]*)</(?:\w+:)?f>)"
)
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')
# a formula that only points at one cell (of this sheet, another sheet or another
# workbook: "=B2", "=Sheet2!$C$5", "='数据 2023'!B7", "=[1]Data!B3"), or a typed number
_LINK = re.compile(r"=\s*(?:(?:'[^']+'|[^!'\"()+\-*/^&,\s]+)!)?\$?[A-Z]{1,3}\$?\d+\s*")
_CONSTANT = re.compile(r"=\s*[+-]?\d+(?:\.\d+)?\s*")
# a formula longer than this, cut at a 1 MiB chunk's end, would be missed (the XML tag
# around it is seldom longer than a few hundred characters)
_OVERLAP = 8192


def formula_cells(path: Path, worksheet: Any) -> dict[tuple[int, int], str]:
    """``{(1-based row, 1-based column): formula}`` of the sheet's formula cells, each
    written as Excel shows it in the formula bar (``"=B2*1.1"``); a cell of a shared
    formula (filled down in Excel) is ``"=B2*1.1 (shared with B3)"``, its first cell's
    text, which Excel shifts to each cell's row.
    """
    from openpyxl.utils import column_index_from_string

    from idcforecast._excel_sheets import sheet_xml_findall

    found = sheet_xml_findall(path, worksheet, _FORMULA_CELL, overlap=_OVERLAP)
    shared: dict[bytes, tuple[str, str]] = {}  # si -> (first cell, its text)
    for letters, row, attributes, text in sorted(found, key=lambda f: (int(f[1]), f[0])):
        index = _SHARED_INDEX.search(attributes)
        if index is not None and text:
            shared.setdefault(index.group(1), (f"{letters.decode()}{int(row)}", text.decode()))
    cells: dict[tuple[int, int], str] = {}
    for letters, row, attributes, text in found:
        cell = (int(row), column_index_from_string(letters.decode()))
        index = _SHARED_INDEX.search(attributes)
        if not text and index is not None and index.group(1) in shared:
            first, written = shared[index.group(1)]
            cells[cell] = f"={html.unescape(written)} (shared with {first})"
        else:
            cells[cell] = f"={html.unescape(text.decode())}"
    return cells


def is_computed(formula: str) -> bool:
    """Whether a formula computes its value (``=B2*1.1``, ``=SUM(B2:B4)``), rather than
    link one cell (``=Sheet2!B5``) or hold a typed number (``=1562.5``).

    Examples
    --------
    >>> [is_computed(f) for f in ("=B2*1.1", "=SUM(B2:B4)", "='数据'!$C$5", "=1562.5")]
    [True, True, False, False]
    """
    written = formula.split(" (shared with ")[0]
    return not (_LINK.fullmatch(written) or _CONSTANT.fullmatch(written))


def mark_formula_values(
    observations: list[Observation], formulas: dict[str, str]
) -> list[Observation]:
    """The observations with their formula (``formulas``: ``{place of the value: formula}``)
    in their note; a computed one is ``derived`` unless its row's ``derived`` cell says."""
    from idcforecast._history_notes import formula_note
    from idcforecast._table_layouts import with_note

    marked = []
    for obs in observations:
        formula = formulas.get(obs.place)
        if formula is None:
            marked.append(obs)
            continue
        computed = is_computed(formula)
        written = formula.split(" (shared with ")[0]
        note = formula_note(
            formula,
            None
            if computed
            else "a number typed after '='"
            if _CONSTANT.fullmatch(written)
            else "the value of the cell it links",
        )
        meta = with_note(obs.meta, note)
        if computed and "derived" not in meta:
            meta["derived"] = True
        marked.append(replace(obs, meta=meta))
    return marked


def warn_formula_values(formulas: dict[str, str], name: str, *, marked: bool = True) -> None:
    """A FormulaCellsWarning naming the values read from formulas that compute them
    (``marked``: noted and marked derived, as :func:`idcforecast.read_series` does)."""
    computed = [(place, f) for place, f in formulas.items() if is_computed(f)]
    if not computed:
        return
    import warnings

    from idcforecast.errors import FormulaCellsWarning

    shown = "; ".join(f"{place} {f!r}" for place, f in computed[:3])
    shown += "; ..." if len(computed) > 3 else ""
    count = f"{len(computed)} value{'s' if len(computed) > 1 else ''}"
    warnings.warn(
        f"{name}: {count} computed by Excel formulas ({shown}) read as their stored results"
        + (
            "; each is marked derived (computed, not published) with its formula in its note"
            if marked
            else ", fitted like published figures"
        )
        + "; check they are history, not a projection or a total; write the published "
        "figures in their place (or delete them) to silence this note",
        FormulaCellsWarning,
        stacklevel=caller_stacklevel(),
    )
