"""The notes of a reconciliation (``ReconcileWarning``): inputs that are no hierarchy, years
and series left out, and levels brought below zero."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import ReconcileWarning

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.scenarios._hierarchy import Hierarchy

__all__ = [
    "FORECAST_SUM_TOLERANCE",
    "SUM_TOLERANCE",
    "warn_bases_no_sum",
    "warn_bottom_not_root",
    "warn_dropped_years",
    "warn_incomplete_residuals",
    "warn_left_out",
    "warn_negative",
]


SUM_TOLERANCE = 0.05  # bottom series that miss their root by more than this are noted


def warn_bottom_not_root(nodes: list[str], years: np.ndarray, values: np.ndarray) -> None:
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


def warn_bases_no_sum(tree: Hierarchy, years: np.ndarray, base: np.ndarray, *, method: str) -> None:
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


def warn_dropped_years(
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


def warn_incomplete_residuals(
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


def warn_left_out(forecasts: pd.DataFrame, tree: Hierarchy) -> None:
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


def warn_negative(
    tree: Hierarchy, years: np.ndarray, coherent: np.ndarray, base: np.ndarray, *, method: str
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
