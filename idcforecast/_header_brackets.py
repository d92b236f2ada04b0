"""A CSV header cell split at a separator inside its brackets.

``Market size (CNY bn, est.)`` written without quotes in a comma-separated file is two
header fields, ``Market size (CNY bn`` and `` est.)``: the unit is lost and a column with no
values appears. :func:`rejoined_header` finds such a split (a field opening a bracket that a
later field closes) and, when the rows below have one field fewer per split (the cell was
one column), gives the header as written; :func:`split_header_error` is the error when the
rows fill the extra columns (which column was meant cannot be told).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["bracket_runs", "rejoined_header", "split_header_error", "with_bracket_cells_joined"]

_OPENING = "(（["
_CLOSING = ")）]"


def _depth_change(field: Any) -> tuple[int, int]:
    """(net bracket depth change, lowest depth reached) of a field read left to right."""
    depth = lowest = 0
    for char in str(field):
        if char in _OPENING:
            depth += 1
        elif char in _CLOSING:
            depth -= 1
            lowest = min(lowest, depth)
    return depth, lowest


def bracket_runs(header: list[Any]) -> list[tuple[int, int]]:
    """The runs of header fields ``(first, last)`` that are one bracketed cell split at
    separators: the first field opens a bracket it does not close, the last closes it, the
    fields between hold no bracket of their own that closes early.

    Examples
    --------
    >>> bracket_runs(["year", "Market size (CNY bn", " est.)"])
    [(1, 2)]
    >>> bracket_runs(["year", "a (x", "y", "z)", "b (c)"])
    [(1, 3)]
    >>> bracket_runs(["year", "(unclosed", "2020"])
    []
    """
    runs: list[tuple[int, int]] = []
    j = 0
    while j < len(header):
        depth, lowest = _depth_change(header[j])
        if depth <= 0 or lowest < 0:
            j += 1
            continue
        k = j
        while depth > 0 and k + 1 < len(header):
            k += 1
            change, low = _depth_change(header[k])
            if depth + low < 0:  # a closing bracket with nothing open: not one cell
                break
            depth += change
        if depth == 0:
            runs.append((j, k))
            j = k + 1
        else:
            j += 1
    return runs


def rejoined_header(header: list[Any], runs: list[tuple[int, int]], sep: str) -> list[Any]:
    """``header`` with each run of :func:`bracket_runs` joined back with ``sep``.

    Examples
    --------
    >>> rejoined_header(["year", "Market size (CNY bn", " est.)"], [(1, 2)], ",")
    ['year', 'Market size (CNY bn, est.)']
    """
    out: list[Any] = []
    j = 0
    for first, last in runs:
        out += header[j:first]
        out.append(sep.join(str(field) for field in header[first : last + 1]))
        j = last + 1
    return out + header[j:]


def split_header_error(
    name: str, line: int, header: list[Any], runs: list[tuple[int, int]], sep: str
) -> DataError:
    """The error for a header whose bracketed cell was split at ``sep`` while the rows
    below fill every field: which of the columns was meant cannot be told."""
    first, last = runs[0]
    cell = sep.join(str(field) for field in header[first : last + 1])
    parts = ", ".join(repr(str(field)) for field in header[first : last + 1])
    return DataError(
        f"{name} line {line}: the header cell {cell!r} holds the separator {sep!r} "
        f"unquoted, so it is split into {last - first + 1} columns ({parts}), and the rows "
        f"below have a field for each; expected one field per column: write the cell in "
        f'double quotes ("{cell}") or without the {sep!r}, and check the rows below',
        path=name,
        place=f"{name} line {line}",
    )


def with_bracket_cells_joined(
    table: pd.DataFrame, header: list[Any], sep: str, name: str, line: int
) -> tuple[pd.DataFrame, list[Any]]:
    """``table`` (read by pandas under the split header) and ``header`` with each bracketed
    cell split at ``sep`` made one column again, when every row below has nothing in the
    extra fields (the rows have one field fewer per split, as written for one column); the
    table unchanged when the header has no such split; :func:`split_header_error` when the
    rows fill the extra fields. ``line`` is the header's 1-based line in the file.
    """
    runs = bracket_runs(header)
    if not runs:
        return table, header
    joined = rejoined_header(header, runs, sep)
    extra = table.iloc[:, len(joined) :]
    for column in extra.columns:
        cells = extra[column]
        if not bool((cells.isna() | cells.astype(str).str.strip().eq("")).all()):
            raise split_header_error(name, line, header, runs, sep)
    starts = {}  # position in the joined header -> the cell as written
    shift = 0
    for first, last in runs:
        starts[first - shift] = joined[first - shift]
        shift += last - first
    # the rows' fields line up with the joined header: column p holds the p-th field
    as_read = list(table.columns)
    original = [p for p in range(len(header)) if not any(f < p <= la for f, la in runs)]
    names = [starts.get(p, as_read[original[p]]) for p in range(len(joined))]
    out = table.iloc[:, : len(joined)].copy()
    out.columns = names
    out.attrs = dict(table.attrs)
    return out, joined
