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

from idcforecast.errors import SpecError, UnknownMethodError
from idcforecast.scenarios._hierarchy import Hierarchy, node_matrix
from idcforecast.scenarios._reconcile_methods import (
    error_covariance,
    reconciliation_matrix,
    shrinkage_covariance,
    top_down_proportions,
)
from idcforecast.scenarios._reconcile_warnings import (
    warn_bases_no_sum,
    warn_left_out,
    warn_negative,
)

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["METHODS", "reconcile", "reconciliation_matrix", "shrinkage_covariance"]

METHODS = ("bottom_up", "top_down", "ols", "wls_struct", "mint_shrink", "mint_sample")


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

    Raises
    ------
    UnknownMethodError
        ``method`` is not one of the six.
    SpecError
        The hierarchy is not ``{parent: [children]}``, ``column`` is an interval bound, or
        the method lacks its input (``residuals`` for MinT, ``history`` for ``top_down``).
    UnknownSeriesError
        A node of the hierarchy has no rows in ``forecasts``.

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
    tree = Hierarchy(hierarchy)
    years, base = node_matrix(forecasts, tree, column=column, what="forecasts")
    if method == "bottom_up":
        bottom = base[[tree.nodes.index(b) for b in tree.bottom]]
    elif method == "top_down":
        bottom = (
            top_down_proportions(history, tree)[:, None] * base[tree.nodes.index(tree.roots[0])]
        )
    else:
        w = error_covariance(method, tree, residuals)
        bottom = reconciliation_matrix(tree.S, w) @ base
    coherent = tree.S @ bottom
    warn_left_out(forecasts, tree)
    if method != "top_down":  # top_down splits the root alone: the children's bases go unused
        warn_bases_no_sum(tree, years, base, method=method)
    warn_negative(tree, years, coherent, base, method=method)
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


def _frame(
    forecasts: pd.DataFrame,
    tree: Hierarchy,
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
