"""Footnote rows under a table ("Source: CAICT, 2023", "注：..."): found, dropped, named.

:func:`without_footnotes` drops them from a raw table read by
:func:`idcforecast._table_files.read_table` and names them in a
:class:`~idcforecast.errors.FootnoteWarning`; a row that might hold data is never dropped.
"""

from __future__ import annotations

import functools
import re
import warnings
from typing import TYPE_CHECKING, Any

from idcforecast._caller import caller_stacklevel
from idcforecast._wording import counted
from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["without_footnotes"]

# the words and marks that open a footnote: "Note:", "Sources:", "Note 1:", "N.B.", "注：",
# "资料来源：", "* estimate", "† ...", "① ...", "⑴ ...", "¹ ...", "※ ..." (the marks a value
# may carry, _cells.footnote_marker); a word must be followed by its colon (or the period of
# "N.B."), so that a series named "Sources of revenue" opens no footnote
_FOOTNOTE_START = re.compile(
    r"\s*(?:(?:notes?|sources?|remarks?|footnotes?)(?:\s*\d+)?\s*[:：]"
    r"|n\.\s?b\.|(?:注|备注|说明|来源|资料来源|数据来源)(?:\s*\d+)?\s*[:：]"
    r"|[*†‡§※\u2460-\u24ff\u2776-\u2793\u00b9\u00b2\u00b3\u2070-\u2079])",
    re.IGNORECASE,
)
_SENTENCE_END = (".", "。")
_NUMBER_TEXT = re.compile(r"[\s\d.,'%()+-]*\d[\s\d.,'%()+-]*")


def without_footnotes(table: pd.DataFrame, name: str, place_of: Any) -> pd.DataFrame:
    """``table`` without the footnote rows under it, named in a :class:`FootnoteWarning`.

    A footnote row holds text in the table's first column and nothing in any other; the
    text is no year and no number. The rows below the table's last other row (blank rows
    aside) are its footnotes when all of them are such rows and the first either opens
    like a footnote ("Note:", "Source:", "注：", "*") or follows a blank row and reads as
    a remark (a colon, a closing period, or three words or more: "2020 not published.").
    Anything else there ("India" right under the data, a row that also holds a number)
    is left to the layout reader, which names its row; so a row with a value is never
    dropped. A "Source: CAICT, 2023" that the separator split into two cells is an error
    saying so.
    """
    import numpy as np

    from idcforecast._cells import estimate_year, is_blank, year_label
    from idcforecast.errors import FootnoteWarning

    if table.columns.size < 2 or len(table) < 2:
        return table
    cells = table.to_numpy(dtype=object)

    @functools.cache
    def filled(i: int) -> np.ndarray:
        # row by row from the bottom: the scan stops at the table's last data row, so a
        # 1.9-million-row file is not tested cell by cell (that took 5 s of a 7 s read)
        return np.array([not is_blank(cell) for cell in cells[i]], dtype=bool)

    i = len(table) - 1
    notes: list[int] = []
    while i >= 0:
        first = cells[i, 0]
        if not filled(i).any():
            i -= 1
            continue
        note_like = (
            not filled(i)[1:].any()
            and isinstance(first, str)
            and year_label(first) is None
            and estimate_year(first) is None
            and not _NUMBER_TEXT.fullmatch(first)
        )
        if not note_like:
            break
        notes.append(i)
        i -= 1
    if i < 0 or not filled(i).any():
        return table  # nothing but notes: the layout reader says what is missing
    last = i
    if isinstance(cells[last, 0], str) and _FOOTNOTE_START.match(cells[last, 0]):
        others = [repr(str(c).strip()) for c in cells[last, 1:] if not is_blank(c)]
        raise DataError(
            f"{place_of(last)}: {cells[last, 0].strip()!r} below the table reads as a "
            f"footnote, but the row also holds {', '.join(others)}; expected a footnote in "
            'the first cell alone: quote it in a CSV when it holds the separator ("Source: '
            'CAICT, 2023"), or delete the row',
            place=place_of(last),
        )
    if not notes:
        return table
    notes.reverse()
    opening = str(cells[notes[0], 0]).strip()
    after_blank = notes[0] > last + 1
    remark = (
        ":" in opening
        or "：" in opening
        or opening.endswith(_SENTENCE_END)
        or len(opening.split()) >= 3
    )
    if not (_FOOTNOTE_START.match(opening) or (after_blank and remark)):
        return table
    shown = ", ".join(f"{place_of(j)} ({str(cells[j, 0]).strip()[:60]!r})" for j in notes)
    warnings.warn(
        f"{name}: skipped {counted(len(notes), 'footnote row')} below the table: {shown}; "
        "delete them from the file to silence this note",
        FootnoteWarning,
        stacklevel=caller_stacklevel(),
    )
    kept = table.iloc[: last + 1]
    kept.attrs["footnotes"] = [str(cells[j, 0]).strip() for j in notes]  # a unit they state
    return kept
