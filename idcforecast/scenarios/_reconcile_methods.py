"""What each reconciliation method maps the base forecasts with.

The regression methods' error covariance ``W`` (identity, structural, MinT's shrinkage or
sample covariance of one-step residuals), the matrix ``G = (S' W^-1 S)^-1 S' W^-1``, and
top-down's historical proportions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import DataError, ModelError, SpecError
from idcforecast.scenarios._hierarchy import Hierarchy, node_matrix
from idcforecast.scenarios._reconcile_warnings import (
    warn_bottom_not_root,
    warn_dropped_years,
    warn_incomplete_residuals,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MAX_CONDITION",
    "error_covariance",
    "reconciliation_matrix",
    "shrinkage_covariance",
    "top_down_proportions",
]


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


def error_covariance(method: str, tree: Hierarchy, residuals: pd.DataFrame | None) -> np.ndarray:
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
    years, res = node_matrix(_one_step(residuals), tree, column="residual", what="residuals")
    complete = ~np.isnan(res).any(axis=0)
    if not complete.all():
        warn_incomplete_residuals(tree.nodes, years, res, complete, method=method)
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


def top_down_proportions(history: pd.DataFrame | None, tree: Hierarchy) -> np.ndarray:
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
    years, values = node_matrix(history, tree, column="value", what="history", nodes=nodes)
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
        warn_dropped_years(nodes, years, values, ok)
    warn_bottom_not_root(nodes, years[ok], values[:, ok])
    shares = (values[1:, ok] / values[0, ok]).mean(axis=1)
    return shares / shares.sum()
