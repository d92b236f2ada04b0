"""Coherent forecasts for totals that are sums (regions, segments): forecast reconciliation.

Given base forecasts for every node of a hierarchy, the reconciled forecasts are
``S @ G @ y_hat``, where ``S`` sums bottom-level series into every node and ``G`` maps the
base forecasts to bottom-level ones. Methods (Hyndman & Athanasopoulos, *Forecasting:
Principles and Practice*, 3rd ed., ch. 11; Wickramasuriya, Athanasopoulos & Hyndman 2019):

``bottom_up``
    ``G`` selects the bottom-level forecasts.
``top_down``
    The root forecast split by average historical proportions (Gross & Sohl method A):
    ``p_j = mean_t(y_j,t / y_root,t)``, normalised to sum to 1.
``ols``, ``wls_struct``, ``mint_shrink``, ``mint_sample``
    ``G = (S' W^-1 S)^-1 S' W^-1`` with ``W`` the identity, ``diag(S 1)`` (number of bottom
    series under each node), the shrinkage estimate of the one-step residual covariance
    (Schäfer & Strimmer 2005, towards its diagonal, as R's ``hts``/``fabletools``), or the
    sample covariance.

Every output is coherent by construction (each parent equals the sum of its children up to
floating-point rounding). Reconciled forecasts are not constrained to be non-negative.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    MixedUnitsError,
    ModelError,
    ReconcileWarning,
    SpecError,
    UnknownMethodError,
    UnknownSeriesError,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METHODS", "reconcile", "reconciliation_matrix", "shrinkage_covariance"]

METHODS = ("bottom_up", "top_down", "ols", "wls_struct", "mint_shrink", "mint_sample")


class _Hierarchy:
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


def shrinkage_covariance(residuals: np.ndarray) -> tuple[np.ndarray, float]:
    """Schäfer–Strimmer shrinkage of the residual covariance towards its diagonal.

    As R ``hts:::shrink.estim``: ``C = X'X / n`` (residuals not centred), correlations
    ``R``, standardised residuals ``Z = X / sqrt(diag C)``, ``v_ij = (Z2'Z2 - (Z'Z)^2 / n)_ij
    / (n (n - 1))`` for ``i != j`` (``Z2`` = element-wise squares), ``lambda = sum v /
    sum R_ij^2`` clipped to [0, 1], and ``W = lambda diag(C) + (1 - lambda) C``.

    Parameters
    ----------
    residuals
        ``(n_obs, n_series)`` one-step in-sample errors, complete (no NaN).

    Returns
    -------
    (W, lambda)

    Examples
    --------
    >>> x = np.array([[2.0, 1, 2], [-2, -1, -2], [2, -1, 0], [-2, 1, 0]])
    >>> w, lam = shrinkage_covariance(x)
    >>> round(lam, 6), np.round(w * 3, 6).tolist()
    (0.666667, [[12.0, 0.0, 2.0], [0.0, 3.0, 1.0], [2.0, 1.0, 6.0]])
    """
    x = np.asarray(residuals, dtype=np.float64)
    n = x.shape[0]
    cov = x.T @ x / n
    sd = np.sqrt(np.diag(cov))
    if np.any(sd == 0):
        raise ModelError(
            "reconcile: a series has all-zero residuals; its error variance is 0 and MinT "
            "would divide by it; use method='ols' or 'wls_struct'",
            n_obs=n,
        )
    corr = cov / np.outer(sd, sd)
    z = x / sd
    v = (z.T**2 @ z**2 - (z.T @ z) ** 2 / n) / (n * (n - 1))
    np.fill_diagonal(v, 0.0)
    off = corr - np.eye(corr.shape[0])
    denom = float(np.sum(off**2))
    lam = 1.0 if denom == 0 else float(np.clip(np.sum(v) / denom, 0.0, 1.0))
    return lam * np.diag(np.diag(cov)) + (1.0 - lam) * cov, lam


MAX_CONDITION = 1e12  # of W's correlation matrix: beyond it solve() keeps < 4 digits


def reconciliation_matrix(s: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``G = (S' W^-1 S)^-1 S' W^-1`` (solved, not inverted), shape ``(n_bottom, n_nodes)``.

    Examples
    --------
    >>> s = np.array([[1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])  # total = a + b
    >>> np.round(reconciliation_matrix(s, np.eye(3)) * 3, 6).tolist()
    [[1.0, 2.0, -1.0], [1.0, -1.0, 2.0]]
    """
    # Nearly singular is singular too: a coherent history's one-step errors add up (the
    # total's are its children's sum with naive or drift models), W's rank falls short by
    # rounding only, solve() raised nothing and the "coherent" levels came out negative
    # (-768 for a total of 602). Judged on the correlations, so units and scales do not count.
    sd = np.sqrt(np.clip(np.diag(w), 0.0, None))
    condition = float(np.linalg.cond(w / np.outer(sd, sd))) if np.all(sd > 0) else float("inf")
    try:
        if not condition < MAX_CONDITION:
            raise np.linalg.LinAlgError
        w_inv_s = np.linalg.solve(w, s)
        return np.linalg.solve(s.T @ w_inv_s, w_inv_s.T)
    except np.linalg.LinAlgError:
        raise ModelError(
            "reconcile: the error covariance W is singular or nearly so (condition number "
            f"{condition:.2g} of its correlations): more series than residual years, or "
            "collinear residuals, such as a total's one-step errors that are the sum of its "
            "children's; inverting it gives meaningless levels; use method='mint_shrink' or "
            "'ols'",
            condition=condition,
        ) from None


def reconcile(
    forecasts: pd.DataFrame,
    hierarchy: Mapping[str, Sequence[str]],
    *,
    method: str = "mint_shrink",
    residuals: pd.DataFrame | None = None,
    history: pd.DataFrame | None = None,
    column: str = "mean",
) -> pd.DataFrame:
    """Make forecasts of a hierarchy coherent: every parent equals the sum of its children.

    Parameters
    ----------
    forecasts
        Tidy frame ``series_id, year, <column>`` with one row per node and year (extra
        columns such as ``unit`` are kept; interval columns are dropped, as base intervals
        are not coherent).
    hierarchy
        ``{parent: [children]}``, nested as deep as needed: ``{"china": ["east", "west"],
        "east": ["shanghai", "beijing"]}``; children are a list even when there is one
        (``{"china": ["east"]}``: a string is refused). Units must agree in their canonical
        spelling ("亿元" and "CNY 100m" are one unit).
    method
        One of ``bottom_up``, ``top_down``, ``ols``, ``wls_struct``, ``mint_shrink``
        (default), ``mint_sample``.
    residuals
        For MinT: tidy ``series_id, year, residual`` (one-step errors) for every node, or a
        :func:`idcforecast.backtest` frame (its one-step rows give ``actual - mean``; the
        ``"auto"`` model if several). Years with any node missing are left out, with a
        :class:`~idcforecast.errors.ReconcileWarning` naming them.
    history
        For ``top_down``: tidy ``series_id, year, value`` of the root and bottom series.
        Years where one of them has no value are left out of the proportions, with a
        :class:`~idcforecast.errors.ReconcileWarning` naming them. Years where the bottom
        series miss the root by more than 5% (a child larger than its total, a child left
        out of the hierarchy) are kept, and a ReconcileWarning names the worst: the
        proportions are rescaled to sum to 1.
    column
        The forecast column to reconcile: a point forecast (``mean``); an interval bound
        (``lo_80``, ``hi_95``...) is refused, as quantiles do not add up.

    Base forecasts whose children add up to less than 75% or more than 125% of their
    parent in some year (a region left out, another scope or unit) get a
    :class:`~idcforecast.errors.ReconcileWarning` naming the worst parent, year, sum and
    parent level (all methods but ``top_down``, which does not use the children's bases);
    smaller gaps are the ordinary disagreement of separate forecasts.

    Returns
    -------
    DataFrame
        ``series_id, year, <column>, base, method`` (+ ``unit`` if given), nodes in
        top-down order. Only the hierarchy's nodes: other series in ``forecasts`` are left
        out of the result, with a :class:`~idcforecast.errors.ReconcileWarning` naming them.

    Notes
    -----
    The regression methods (``ols``, ``wls_struct``, ``mint_shrink``) adjust every node, and
    nothing in them keeps a level positive: a small child beside an incoherent parent can
    come back below zero (``[10, 60, 1]`` for total, a, b gives b = -16 with ``ols``).
    ``bottom_up`` and ``top_down`` keep positive bases positive; a
    :class:`~idcforecast.errors.ReconcileWarning` names the first negative level when it
    happens.

    Examples
    --------
    >>> import pandas as pd
    >>> fc = pd.DataFrame({"series_id": ["total", "a", "b"], "year": 2030,
    ...                    "mean": [100.0, 60.0, 30.0]})
    >>> out = reconcile(fc, {"total": ["a", "b"]}, method="ols")
    >>> out[["series_id", "mean"]].round(3).values.tolist()
    [['total', 96.667], ['a', 63.333], ['b', 33.333]]
    """
    if method not in METHODS:
        import difflib

        # a prefix first ("wls" is wls_struct, "mint" a MinT), then the closest spelling
        # (difflib alone offered 'ols' for 'wls')
        text = str(method).strip().lower()
        prefixed = [m for m in METHODS if text and m.startswith(text)]
        close = prefixed or difflib.get_close_matches(text, METHODS, n=1)
        hint = (
            f"did you mean {' or '.join(map(repr, close))}?"
            if close
            else f"use one of {', '.join(METHODS)}"
        )
        raise UnknownMethodError(f"reconcile: unknown method {method!r}; {hint}", method=method)
    _check_column(column)
    tree = _Hierarchy(hierarchy)
    years, base = _matrix(forecasts, tree, column=column, what="forecasts")
    if method == "bottom_up":
        bottom = base[[tree.nodes.index(b) for b in tree.bottom]]
    elif method == "top_down":
        bottom = _proportions(history, tree)[:, None] * base[tree.nodes.index(tree.roots[0])]
    else:
        w = _weights(method, tree, residuals)
        bottom = reconciliation_matrix(tree.S, w) @ base
    coherent = tree.S @ bottom
    _warn_left_out(forecasts, tree)
    if method != "top_down":  # top_down splits the root alone: the children's bases go unused
        _warn_bases_no_sum(tree, years, base, method=method)
    _warn_negative(tree, years, coherent, base, method=method)
    return _frame(forecasts, tree, years, coherent, base, column=column, method=method)


def _check_column(column: str) -> None:
    # Quantiles do not add up: the 80% bound of a total is not the sum of its children's
    # (those would all have to miss together), so column="lo_80" came back "coherent" and
    # wrong, the total's band too wide by the diversification it ignores.
    import re

    bound = re.fullmatch(r"(lo|hi)_(\d+(?:_\d+)?)", str(column))
    if bound:
        level = bound.group(2).replace("_", ".")
        raise SpecError(
            f"reconcile: column {column!r} is an interval bound, and bounds do not add up: "
            f"the {level}% bound of a total is not the sum of its children's {level}% bounds; "
            "reconcile column='mean' (the default); coherent intervals need the joint "
            "distribution of the children, which base intervals do not carry",
            key="column",
        )


def _matrix(
    frame: pd.DataFrame, tree: _Hierarchy, *, column: str, what: str, nodes: list[str] | None = None
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
            f"{what}; found {', '.join(sorted(present)[:8]) or 'no rows'}; add its rows or "
            "remove it from the hierarchy",
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


def _weights(method: str, tree: _Hierarchy, residuals: pd.DataFrame | None) -> np.ndarray:
    if method == "ols":
        return np.eye(len(tree.nodes))
    if method == "wls_struct":
        return np.diag(tree.S.sum(axis=1))
    if residuals is None:
        raise SpecError(
            f"reconcile: method {method!r} needs residuals (series_id, year, residual: "
            "one-step in-sample errors of every node); pass residuals= or use 'ols'",
            key="residuals",
        )
    years, res = _matrix(_one_step(residuals), tree, column="residual", what="residuals")
    complete = ~np.isnan(res).any(axis=0)
    if not complete.all():
        _warn_incomplete_residuals(tree.nodes, years, res, complete, method=method)
    res = res[:, complete].T  # complete years only: (n_obs, n_nodes)
    if res.shape[0] < 2:
        raise DataError(
            f"reconcile: method {method!r} needs residuals for at least 2 years with every "
            f"node present; found {res.shape[0]}",
            n_obs=int(res.shape[0]),
        )
    if method == "mint_sample":
        return res.T @ res / res.shape[0]
    return shrinkage_covariance(res)[0]


def _one_step(residuals: pd.DataFrame) -> pd.DataFrame:
    """Residuals as given, or one-step errors ``actual - mean`` from a backtest frame."""
    if "residual" in residuals.columns or not {"cutoff", "actual", "mean"} <= set(
        residuals.columns
    ):
        return residuals
    frame = residuals
    if "model" in frame.columns and frame["model"].nunique() > 1:
        models = frame["model"].unique().tolist()
        frame = frame[frame["model"] == ("auto" if "auto" in models else models[0])]
    frame = frame[frame["year"] - frame["cutoff"] == 1]
    return frame.assign(residual=frame["actual"] - frame["mean"])[["series_id", "year", "residual"]]


def _proportions(history: pd.DataFrame | None, tree: _Hierarchy) -> np.ndarray:
    if len(tree.roots) != 1:
        raise SpecError(
            f"reconcile: top_down needs one root; found {', '.join(tree.roots)}",
            key="hierarchy",
        )
    if history is None:
        raise SpecError(
            "reconcile: method 'top_down' needs history (series_id, year, value) of the root "
            "and bottom series for the historical proportions; pass history=",
            key="history",
        )
    nodes = [tree.roots[0], *tree.bottom]
    years, values = _matrix(history, tree, column="value", what="history", nodes=nodes)
    below = ~np.isnan(values) & ~(values > 0)
    if below.any():  # a negative share made a child's split 5% instead of 70%
        i, j = np.argwhere(below)[0]
        raise DataError(
            f"reconcile: top_down history of series {nodes[i]!r} in {years[j]} is "
            f"{values[i, j]:g}; the historical proportions need positive levels of the root "
            "and every bottom series; fix or drop that row",
            series_id=nodes[i],
            year=int(years[j]),
        )
    ok = ~np.isnan(values).any(axis=0)
    if not ok.any():
        raise DataError(
            "reconcile: top_down found no year where the root and every bottom series have "
            "history; add history",
            series_id=tree.roots[0],
        )
    if not ok.all():
        _warn_dropped_years(nodes, years, values, ok)
    _warn_bottom_not_root(nodes, years[ok], values[:, ok])
    shares = (values[1:, ok] / values[0, ok]).mean(axis=1)
    return shares / shares.sum()


SUM_TOLERANCE = 0.05  # bottom series that miss their root by more than this are noted


def _warn_bottom_not_root(nodes: list[str], years: np.ndarray, values: np.ndarray) -> None:
    """Years of top_down's history where the bottom series do not add up to the root.

    The proportions are rescaled to sum to 1, which hid a history that is no hierarchy: a
    child larger than its total (another scope, unit or typo), or children that cover only
    part of it (a region left out). Within :data:`SUM_TOLERANCE` (rounding) nothing is said.
    """
    import warnings

    ratio = values[1:].sum(axis=0) / values[0]
    off = np.abs(ratio - 1.0) > SUM_TOLERANCE
    if not off.any():
        return
    worst = int(np.argmax(np.abs(ratio - 1.0)))
    root, year = nodes[0], int(years[worst])
    larger = [nodes[1 + i] for i in np.flatnonzero(values[1:, worst] > values[0, worst])]
    if larger:
        what = (
            f"{', '.join(map(repr, larger))} alone {'is' if len(larger) == 1 else 'are'} "
            f"larger than {root!r} there"
        )
    elif ratio[worst] > 1:
        what = "more than the total: overlapping children, or another scope or unit?"
    else:
        what = "less than the total: a child missing from the hierarchy?"
    warnings.warn(
        f"reconcile: top_down's history is no sum: the bottom series add up to "
        f"{ratio[worst]:.1%} of {root!r} in {year} ({what}); "
        f"{int(off.sum())} of {len(years)} years are more than {SUM_TOLERANCE:.0%} off; the "
        "proportions were rescaled to sum to 1; check the history's scopes and units",
        ReconcileWarning,
        stacklevel=4,
    )


FORECAST_SUM_TOLERANCE = 0.25  # base forecasts whose children miss their parent by more


def _warn_bases_no_sum(
    tree: _Hierarchy, years: np.ndarray, base: np.ndarray, *, method: str
) -> None:
    """Parents whose base forecasts and their children's sum differ by more than
    :data:`FORECAST_SUM_TOLERANCE` (of the parent) in some year.

    Base forecasts of separately forecast series never add up exactly, and the gap grows
    with the horizon: a 5% rule, as on top_down's history, would fire in normal use. A
    quarter is what a region left out or another scope looks like (children at 60% of
    their total): bottom_up then replaced the parent's forecast by the 60% without a word,
    and the regression methods shared out a gap that is no forecast error.
    """
    import warnings

    position = {node: i for i, node in enumerate(tree.nodes)}
    worst: tuple[float, str, int, float, float] | None = None
    off = checked = 0
    for parent, kids in tree.children.items():
        total = base[position[parent]]
        summed = base[[position[k] for k in kids]].sum(axis=0)
        usable = total > 0  # a share of a parent at or below zero says nothing
        checked += int(usable.sum())
        gap = np.where(usable, np.abs(summed / np.where(usable, total, 1.0) - 1.0), 0.0)
        off += int((gap > FORECAST_SUM_TOLERANCE).sum())
        j = int(np.argmax(gap))
        if gap[j] > FORECAST_SUM_TOLERANCE and (worst is None or gap[j] > worst[0]):
            worst = (float(gap[j]), parent, int(years[j]), float(summed[j]), float(total[j]))
    if worst is None:
        return
    _, parent, year, summed_at, total_at = worst
    listed = ", ".join(map(repr, tree.children[parent]))
    what = (
        "a child missing from the hierarchy?"
        if summed_at < total_at
        else "overlapping children, or another scope or unit?"
    )
    done = (
        f"method 'bottom_up' replaces {parent!r} by its children's sum"
        if method == "bottom_up"
        else f"method {method!r} shares the gap out over parent and children"
    )
    warnings.warn(
        f"reconcile: the base forecasts are no sum: the children of {parent!r} ({listed}) add "
        f"up to {summed_at:.4g} in {year} against its {total_at:.4g} "
        f"({summed_at / total_at:.1%}: {what}); {off} of {checked} parent-years are more than "
        f"{FORECAST_SUM_TOLERANCE:.0%} off; {done}; check that the series share one scope "
        "and unit and that the hierarchy lists every child",
        ReconcileWarning,
        stacklevel=3,
    )


def _warn_dropped_years(
    nodes: list[str], years: np.ndarray, values: np.ndarray, ok: np.ndarray
) -> None:
    """Years of history left out of top_down's proportions (a node has no value there):
    they were dropped in silence, so the shares averaged fewer years than the data shows."""
    import warnings

    from idcforecast._wording import counted

    gaps = []
    for j in np.flatnonzero(~ok):
        missing = [nodes[i] for i in np.flatnonzero(np.isnan(values[:, j]))]
        gaps.append(f"{int(years[j])} (no {', '.join(map(repr, missing))})")
    used = ", ".join(str(int(y)) for y in years[ok])
    warnings.warn(
        f"reconcile: top_down's historical proportions leave out "
        f"{counted(len(gaps), 'year')} of history where the root or a bottom series has no "
        f"value: {'; '.join(gaps)}; they average {used} only; add the missing rows (or "
        "drop those years from history: the same result, without this note)",
        ReconcileWarning,
        stacklevel=4,
    )


def _warn_incomplete_residuals(
    nodes: list[str], years: np.ndarray, res: np.ndarray, complete: np.ndarray, *, method: str
) -> None:
    """Years of residuals left out of MinT's covariance because a node has none."""
    import warnings

    from idcforecast._wording import counted

    gaps = []
    for j in np.flatnonzero(~complete):
        missing = [nodes[i] for i in np.flatnonzero(np.isnan(res[:, j]))]
        gaps.append(f"{int(years[j])} (no {', '.join(map(repr, missing))})")
    used = ", ".join(str(int(y)) for y in years[complete]) or "none"
    warnings.warn(
        f"reconcile: method {method!r} leaves out {counted(len(gaps), 'year')} of "
        f"residuals where a node has none: {'; '.join(gaps)}; its error covariance uses "
        f"{used} only; add the missing residuals (or drop those years: the same result, "
        "without this note)",
        ReconcileWarning,
        stacklevel=4,
    )


def _warn_left_out(forecasts: pd.DataFrame, tree: _Hierarchy) -> None:
    """Series of ``forecasts`` that are no node of the hierarchy (left out of the result)."""
    import warnings

    from idcforecast._wording import counted

    others = sorted(set(forecasts["series_id"].astype(str)) - set(tree.nodes))
    if others:
        shown = ", ".join(repr(s) for s in others[:5]) + (", ..." if len(others) > 5 else "")
        warnings.warn(
            f"reconcile: {counted(len(others), 'series', 'series')} of the forecasts "
            f"({shown}) {'is' if len(others) == 1 else 'are'} in no node of the hierarchy "
            f"and left out of the result; add {'it' if len(others) == 1 else 'them'} to the "
            "hierarchy or filter the forecasts",
            ReconcileWarning,
            stacklevel=3,
        )


def _warn_negative(
    tree: _Hierarchy, years: np.ndarray, coherent: np.ndarray, base: np.ndarray, *, method: str
) -> None:
    """Levels brought below zero from positive bases (regression methods only can)."""
    import warnings

    below = (coherent < 0) & (base > 0)
    if below.any():
        node, year = np.argwhere(below)[0]
        warnings.warn(
            f"reconcile: method {method!r} gives {below.sum()} negative level(s) from positive "
            f"base forecasts, first {tree.nodes[node]!r} in {years[year]} "
            f"({coherent[node, year]:.4g} from {base[node, year]:.4g}): the parents and "
            "children disagree too much to share the difference; use method='bottom_up' or "
            "'top_down' (they keep positive levels positive) or check the base forecasts",
            ReconcileWarning,
            stacklevel=3,
        )


def _frame(
    forecasts: pd.DataFrame,
    tree: _Hierarchy,
    years: np.ndarray,
    coherent: np.ndarray,
    base: np.ndarray,
    *,
    column: str,
    method: str,
) -> pd.DataFrame:
    import pandas as pd

    n_nodes, n_years = coherent.shape
    out = pd.DataFrame(
        {
            "series_id": np.repeat(tree.nodes, n_years),
            "year": np.tile(years, n_nodes),
            column: coherent.reshape(-1),
            "base": base.reshape(-1),
            "method": method,
        }
    )
    if "unit" in forecasts.columns:
        units = forecasts.drop_duplicates("series_id").set_index(
            forecasts.drop_duplicates("series_id")["series_id"].astype(str)
        )["unit"]
        out["unit"] = out["series_id"].map(units)
    # ids as the forecasts have them: integer ids came back as text ('1' for 1), so the
    # result no longer merged with the frame it came from
    originals = dict(zip(forecasts["series_id"].astype(str), forecasts["series_id"], strict=True))
    if any(not isinstance(v, str) for v in originals.values()):
        out["series_id"] = out["series_id"].map(originals)
    return out
