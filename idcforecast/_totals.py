"""A table's total line read as a series: named in a warning, checked against its parts.

Research tables often end with a "Total" (合计, 总计) row (or, with a year per row, a
column) that sums the rows above it. A reader takes it for one more series, so a batch
forecasts the total beside its parts, and a sum over the series counts everything twice.
:func:`warn_total_series` names such a series in a :class:`~idcforecast.errors.TotalRowWarning`
and says whether it is the sum of the others (year by year, within rounding), so that the
analyst can keep it, forecast it apart, or delete it. It never changes the data.

Private: the readers call it on the long frame they built.
"""

from __future__ import annotations

import re
import warnings
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._caller import caller_stacklevel
from idcforecast._cells import KEY_SEPARATOR

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["SUM_TOLERANCE", "is_total_label", "total_check", "warn_total_series"]

# a total line's label, whole: "Total", "TOTAL:", "Grand total", "Sum", "合计", "总计（亿元）"
_TOTAL_LABEL = re.compile(
    r"\s*(?:(?:grand\s+|sub-?)?totals?|sum|合计|总计|总和|小计|共计|合計|總計)\s*[:：]?\s*"
    r"(?:[(（\[][^()（）\[\]]*[)）\]])?\s*",
    re.IGNORECASE,
)
# a line that breaks the line above it down ("其中：核心区", "of which: colo", "incl. Beijing"):
# a part of a part, not one of the total's parts
_SUB_ITEM = re.compile(r"\s*(?:其中|(?:of\s+which|thereof|including)\b|incl\.)", re.IGNORECASE)
# relative difference within which a total "matches" the sum of its parts: published tables
# round each row (a total of 1,562.5 over parts 812.3 + 750.3 = 1,562.6 is a match)
SUM_TOLERANCE = 0.005


def is_total_label(label: Any) -> bool:
    """True for a label that names a table's total line, whole ("Total", "合计", "Sum:").

    Examples
    --------
    >>> [is_total_label(x) for x in ("Total", " 合计 ", "Grand total", "总计（亿元）", "TOTAL:")]
    [True, True, True, True, True]
    >>> [is_total_label(x) for x in ("Total market", "China", "subtotals", 2020)]
    [False, False, True, False]
    """
    return isinstance(label, str) and bool(_TOTAL_LABEL.fullmatch(label))


def _total_positions(series_id: str) -> list[int]:
    """Which parts of a joined name label a total: ``[1]`` for "China / Total", ``[0]`` for
    "合计 / 市场规模" (the total in the first key column), ``[0]`` for "Total"."""
    return [i for i, part in enumerate(series_id.split(KEY_SEPARATOR)) if is_total_label(part)]


def _is_sub_item(series_id: str) -> bool:
    """True for a name one of whose parts breaks another line down ("其中：核心区", "China /
    of which: colo"): not one of a total's parts, which it would count twice.

    Examples
    --------
    >>> [_is_sub_item(x) for x in ("其中：核心区", "of which colo", "China", "Incline")]
    [True, True, False, False]
    """
    return any(_SUB_ITEM.match(part) for part in series_id.split(KEY_SEPARATOR))


def _group_of(total_id: str, ids: list[str]) -> list[str]:
    """The series a total sums: the others named alike except at the total's place ("China /
    Total": every "China / ..."; "合计 / 市场规模": every "... / 市场规模"); for a name of one
    part ("Total"), every other series. Totals are no parts."""
    positions = _total_positions(total_id)
    keys = total_id.split(KEY_SEPARATOR)
    parts = []
    for s in ids:
        if s == total_id or _total_positions(s) or _is_sub_item(s):
            continue
        other = s.split(KEY_SEPARATOR)
        if len(keys) == 1 or (
            len(other) == len(keys)
            and all(
                a == b
                for i, (a, b) in enumerate(zip(other, keys, strict=True))
                if i not in positions
            )
        ):
            parts.append(s)
    return parts


def total_check(frame: pd.DataFrame, total_id: str) -> str:
    """How series ``total_id`` compares with the sum of the other series of its group, in
    words: the group is every other series, or for "China / Total" every other "China / ..."
    series (for "合计 / 市场规模" every other "... / 市场规模"); years are compared where the
    total and every part have a number.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "a", "b", "b", "Total", "Total"],
    ...                       "year": [2020, 2021] * 3, "value": [1.0, 2, 3, 4, 4, 6]})
    >>> total_check(frame, "Total")
    "it is the sum of the other 2 ('a', 'b') in every year compared (2020, 2021)"
    >>> total_check(frame.assign(value=[1.0, 2, 3, 4, 4, 8]), "Total")
    "it is not the sum of the other 2 ('a', 'b'): 2021 is 8 against their 6 (+33.3%)"
    """
    import pandas as pd

    ids = [str(s) for s in pd.unique(frame["series_id"].astype(str))]
    parts = _group_of(total_id, ids)
    if not parts:
        return "no other series to compare it with"
    shown = ", ".join(map(repr, parts[:4])) + (", ..." if len(parts) > 4 else "")
    subs = [s for s in ids if _is_sub_item(s)]
    left = (
        f"; {', '.join(map(repr, subs[:3]))}{', ...' if len(subs) > 3 else ''} "
        "breaking a line down not counted"
        if subs
        else ""
    )
    others = f"the other {len(parts)} ({shown}{left})"
    if "unit" in frame.columns:
        units = {
            str(u)
            for u in frame.loc[frame["series_id"].astype(str).isin([total_id, *parts]), "unit"]
            if isinstance(u, str) and u.strip()
        }
        if len(units) > 1:
            return f"not compared with {others}: their units differ ({', '.join(sorted(units))})"
    values = pd.to_numeric(frame["value"], errors="coerce")
    years = pd.to_numeric(frame["year"], errors="coerce")
    table = (
        pd.DataFrame({"series_id": frame["series_id"].astype(str), "year": years, "v": values})
        .dropna()
        .pivot_table(index="year", columns="series_id", values="v", aggfunc="first")
    )
    if total_id not in table.columns:
        return f"not compared with {others}: it has no numbers"
    complete = table[[total_id, *[p for p in parts if p in table.columns]]].dropna()
    if len(parts) != len(complete.columns) - 1 or complete.empty:
        return f"not compared with {others}: no year has a number in every one of them"
    total = complete[total_id].to_numpy(dtype=float)
    summed = complete[parts].sum(axis=1).to_numpy(dtype=float)
    scale = np.maximum(np.abs(summed), np.abs(total))
    off = np.abs(total - summed) > SUM_TOLERANCE * np.where(scale > 0, scale, 1.0)
    compared = ", ".join(str(int(y)) for y in complete.index)
    if not off.any():
        return f"it is the sum of {others} in every year compared ({compared})"
    i = int(np.flatnonzero(off)[0])
    year = int(complete.index[i])
    gap = "" if summed[i] == 0 else f" ({(total[i] / summed[i] - 1) * 100:+.1f}%)"
    return (
        f"it is not the sum of {others}: {year} is {total[i]:,.6g} against their "
        f"{summed[i]:,.6g}{gap}"
    )


def warn_total_series(frame: pd.DataFrame, *, name: str, line: str = "row") -> None:
    """Warn (:class:`~idcforecast.errors.TotalRowWarning`) for each series of a long
    ``frame`` (``series_id, year, value`` [+ ``unit``]) whose name, or a part of a joined
    name ("China / Total", "合计 / 市场规模"), labels a total line, saying whether it is the sum of
    the others (:func:`total_check`). ``line`` is "row" for a wide table, "column" for one
    with a year per row. Nothing is changed: the series is still read.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> frame = pd.DataFrame({"series_id": ["a", "b", "合计"], "year": 2020,
    ...                       "value": [1.0, 2.0, 3.0]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_total_series(frame, name="m.csv")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    m.csv: the row '合计' looks like the table's total, and is read as a series of its own;
    it is the sum of the other 2 ('a', 'b') in every year compared (2020); delete the row
    to forecast the parts alone, or keep it to forecast the total apart (its forecast need
    not equal the sum of theirs)
    """
    from idcforecast.errors import TotalRowWarning

    if len(frame) == 0:
        return
    cells = frame["series_id"].to_numpy()
    # a series' rows are mostly together: the first cell of each run, then the distinct ones
    # (a regex on each; pd.unique over 1.9M melted rows cost 0.1 s)
    starts = np.flatnonzero(np.r_[True, cells[1:] != cells[:-1]])
    ids = dict.fromkeys(str(s) for s in cells[starts])
    for total_id in [s for s in ids if _total_positions(s)]:
        warnings.warn(
            f"{name}: the {line} {total_id!r} looks like the table's total, and is read as a "
            f"series of its own; {total_check(frame, total_id)}; delete the {line} to "
            f"forecast the parts alone, or keep it to forecast the total apart (its forecast "
            "need not equal the sum of theirs)",
            TotalRowWarning,
            stacklevel=caller_stacklevel(),
        )
