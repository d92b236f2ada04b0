"""The hierarchy of a reconciliation and the node x year matrices read from tidy frames.

``Hierarchy`` checks ``{parent: [children]}`` and builds the summing matrix ``S``;
``node_matrix`` reads one column of a tidy frame (``series_id, year, <column>``) into a
``(n_nodes, n_years)`` array, refusing a missing node, two rows for a node and year, mixed
units, and (for forecasts) a missing year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    MixedUnitsError,
    SpecError,
    UnknownSeriesError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Hierarchy", "node_matrix"]


class Hierarchy:
    """Nodes in top-down order, bottom series, and the summing matrix ``S``."""

    def __init__(self, hierarchy: Mapping[str, Sequence[str]]) -> None:
        if not isinstance(hierarchy, Mapping) or not hierarchy:
            raise SpecError(
                "reconcile: hierarchy must be a non-empty mapping parent -> children, e.g. "
                f"{{'china': ['east', 'west']}}; found {hierarchy!r}",
                key="hierarchy",
            )
        for parent, kids in hierarchy.items():
            if isinstance(kids, str | bytes) or not isinstance(kids, Sequence | set | frozenset):
                # a string was iterated as its characters: {"china": "east"} asked for
                # series 'e', 'a', 's', 't'
                raise SpecError(
                    f"reconcile: the children of {parent!r} must be a list of series ids, "
                    f"e.g. {{{str(parent)!r}: [{str(kids)!r}]}}; found "
                    f"{type(kids).__name__} {kids!r}",
                    key=str(parent),
                )
        children = {str(p): [str(c) for c in kids] for p, kids in hierarchy.items()}
        for parent, kids in children.items():
            if len(kids) < 1 or len(set(kids)) != len(kids) or parent in kids:
                raise SpecError(
                    f"reconcile: parent {parent!r} must list distinct children other than "
                    f"itself; found {kids!r}",
                    key=parent,
                )
        all_children = [c for kids in children.values() for c in kids]
        twice = sorted({c for c in all_children if all_children.count(c) > 1})
        if twice:
            raise SpecError(
                f"reconcile: series {twice[0]!r} is a child of two parents; each series "
                "belongs to one parent (use separate hierarchies for crossed groupings)",
                key=twice[0],
            )
        roots = [p for p in children if p not in set(all_children)]
        order: list[str] = []
        queue = list(roots)
        while queue:
            node = queue.pop(0)
            order.append(node)
            queue.extend(children.get(node, []))
        stranded = sorted(set(children) - set(order))
        if stranded:
            raise SpecError(
                f"reconcile: series {stranded[0]!r} is on a cycle of the hierarchy (no root "
                "above it); each parent -> children chain must start at a total",
                key=stranded[0],
            )
        self.children = children
        self.roots = roots
        self.nodes = order
        self.bottom = [n for n in order if n not in children]
        position = {b: j for j, b in enumerate(self.bottom)}
        self.S = np.zeros((len(order), len(self.bottom)))
        for i, node in enumerate(order):
            for leaf in self._leaves(node):
                self.S[i, position[leaf]] = 1.0

    def _leaves(self, node: str) -> list[str]:
        if node not in self.children:
            return [node]
        return [leaf for kid in self.children[node] for leaf in self._leaves(kid)]


def _close_id(name: str, present: set[str]) -> str:
    """ "; did you mean 'Total'?" for an id of the data that ``name`` differs from only in
    case or spaces, else the closest spelling; "" when none is close."""
    import difflib

    same = [p for p in sorted(present) if p.strip().casefold() == name.strip().casefold()]
    close = same or difflib.get_close_matches(name, sorted(present), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def node_matrix(
    frame: pd.DataFrame, tree: Hierarchy, *, column: str, what: str, nodes: list[str] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    nodes = tree.nodes if nodes is None else nodes
    for col in ("series_id", "year", column):
        if col not in frame.columns:
            raise DataError(
                f"reconcile: {what} have no column {col!r}; expected series_id, year, "
                f"{column} (found {', '.join(map(str, frame.columns))})",
                column=col,
            )
    present = set(frame["series_id"].astype(str))
    missing = [n for n in nodes if n not in present]
    if missing:
        parent = next((p for p, kids in tree.children.items() if missing[0] in kids), missing[0])
        role = f"child of {parent!r}" if parent != missing[0] else "root"
        raise UnknownSeriesError(
            f"reconcile: series {missing[0]!r} ({role} in the hierarchy) is missing from the "
            f"{what}; found {', '.join(sorted(present)[:8]) or 'no rows'}"
            + _close_id(missing[0], present)
            + "; add its rows or remove it from the hierarchy",
            series_id=missing[0],
            missing=missing,
        )
    _check_one_row_per_node_year(frame, nodes, what=what)
    _check_one_unit(frame, nodes, what=what)
    wide = frame.assign(series_id=frame["series_id"].astype(str)).pivot_table(
        index="series_id", columns="year", values=column, aggfunc="first"
    )
    # reindex, not .loc: pivot_table drops a series whose values are all NaN (a series
    # forecast_many marked "failed"), and .loc raised a bare KeyError "['west'] not in index"
    wide = wide.reindex(nodes)
    if what == "forecasts" and wide.isna().any().any():
        i, j = np.argwhere(wide.isna().to_numpy())[0]
        node, year = wide.index[i], wide.columns[j]
        raise DataError(
            f"reconcile: series {node!r} has no {column!r} for year {year}"
            f"{_failed_reason(frame, node)}; every node needs a forecast for every year",
            series_id=node,
            year=int(year),
        )
    return wide.columns.to_numpy(np.int64), wide.to_numpy(np.float64)


def _failed_reason(frame: pd.DataFrame, node: str) -> str:
    """The reason a node has no forecast when the frame marks it ``status`` "failed"
    (forecast_many, forecast): its note and the fix; "" otherwise."""
    if "status" not in frame.columns:
        return ""
    rows = frame[(frame["series_id"].astype(str) == node) & (frame["status"] == "failed")]
    if rows.empty:
        return ""
    note = str(rows["note"].iloc[0]) if "note" in frame.columns else ""
    return (
        f": its forecast failed (status 'failed'{': ' + note if note else ''}); fix its "
        "history and forecast it again, or take it out of the hierarchy"
    )


def _check_one_unit(frame: pd.DataFrame, nodes: list[str], *, what: str) -> None:
    # children must add up to the parent: "CNY 100m" beside "CNY bn" would sum apples to tens
    if "unit" not in frame.columns:
        return
    from idcforecast.units.registry import canonical_or_as_written

    rows = frame[frame["series_id"].astype(str).isin(nodes)]
    # one unit in two spellings ("亿元" beside "CNY 100m") is one unit: compare canonically
    spelled = rows["unit"].astype(str)
    canonical = spelled.map(canonical_or_as_written)
    units = dict.fromkeys(canonical)
    if len(units) > 1:
        first, other = list(units)[:2]
        node = str(rows.loc[canonical == other, "series_id"].iloc[0])
        first = str(spelled[canonical == first].iloc[0])
        other = str(spelled[canonical == other].iloc[0])
        raise MixedUnitsError(
            f"reconcile: {what} series {node!r} is in {other!r} while others are in "
            f"{first!r}; a hierarchy sums its children, so every node needs one unit; convert "
            "them first (idcforecast.convert)",
            series_id=node,
            unit=other,
        )


def _check_one_row_per_node_year(frame: pd.DataFrame, nodes: list[str], *, what: str) -> None:
    # pivot_table(aggfunc="first") would silently keep one of two rows: a forecast() frame
    # with several models, or a repeated year, must be narrowed by the caller instead.
    rows = frame[frame["series_id"].astype(str).isin(nodes)]
    repeated = rows.duplicated(["series_id", "year"], keep=False)
    if not repeated.any():
        return
    first = rows[repeated].iloc[0]
    node, year = str(first["series_id"]), first["year"]
    same = rows[(rows["series_id"].astype(str) == node) & (rows["year"] == year)]
    if "model" in rows.columns and rows["model"].nunique() > 1:
        models = ", ".join(map(str, dict.fromkeys(same["model"])))
        fix = f"keep one model, e.g. {what}[{what}['model'] == {str(same['model'].iloc[0])!r}]"
        found = f"{len(same)} rows (models {models})"
    else:
        fix = "keep one row per series and year"
        found = f"{len(same)} rows"
    raise DuplicateYearError(
        f"reconcile: {what} series {node!r} year {year} has {found}; expected one; {fix}",
        series_id=node,
        year=int(year),
    )
