"""Holt's grid search of :func:`idcforecast.models._ets.fit_ets` for many problems at once.

Private to :mod:`idcforecast.auto_kernel` (see its docstring for the method). A *problem*
is a prefix ``panel[owner, :length]`` of a series; a *run* is one recursion over a series
for one parameter grid, long enough for every problem that reads it.
"""

from __future__ import annotations

import numpy as np

from idcforecast.models._ets import ALPHA_BOUNDS, BETA_STAR_BOUNDS

__all__ = ["holt_search", "holt_states"]

COARSE_POINTS = (12, 10)  # alpha, beta* (fit_ets with trend=True, damped=False)
ZOOM_POINTS = 13
ZOOM_ROUNDS = 3
# Runs per block of the recursion: about 1 MB of working arrays (this machine's L2).
BLOCK_RUNS = 128


def holt_search(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Least-squares ``alpha``, ``beta``, ``l0``, ``b0`` of every problem (each >= 5 values)."""
    shift = panel[:, 0]
    # Least squares is scale-equivariant; scaling by a power of two is exact, so the search
    # lands where it would unscaled while squares cannot overflow (fit_ets divides by std).
    used = np.zeros(panel.shape[0], dtype=np.int64)
    np.maximum.at(used, owner, plen)
    inside = np.arange(panel.shape[1])[None, :] < used[:, None]
    x = np.where(inside, panel - shift[:, None], 0.0)
    scale = np.ldexp(1.0, -np.frexp(np.max(np.abs(x), axis=1))[1])
    x *= scale[:, None]
    d2 = np.zeros_like(x)
    d2[:, 2:] = (x[:, 2:] - 2.0 * x[:, 1:-1]) + x[:, :-2]
    n = plen.size
    rows = np.arange(n)

    axes = [np.linspace(*ALPHA_BOUNDS, COARSE_POINTS[0]), np.linspace(*BETA_STAR_BOUNDS, 10)]
    mesh = np.meshgrid(*axes, indexing="ij")
    grid_a = np.broadcast_to(mesh[0].ravel(), (n, mesh[0].size))
    grid_b = np.broadcast_to(mesh[1].ravel(), (n, mesh[1].size))
    centre = np.zeros((n, 2))  # one coarse grid for all: runs are whole series
    sse, l0, b0 = _evaluate(x, d2, owner, plen, centre, grid_a, grid_b)
    i = np.argmin(sse, axis=1)
    best_a, best_b = grid_a[rows, i], grid_b[rows, i]
    best_sse, best_l0, best_b0 = sse[rows, i], l0[rows, i], b0[rows, i]

    bounds = [ALPHA_BOUNDS, BETA_STAR_BOUNDS]
    spacing = np.array(
        [(hi - lo) / (len(ax) - 1) for ax, (lo, hi) in zip(axes, bounds, strict=True)]
    )
    offsets = np.linspace(-1.0, 1.0, ZOOM_POINTS)
    for _ in range(ZOOM_ROUNDS):
        local_a = np.clip(best_a[:, None] + spacing[0] * offsets, *ALPHA_BOUNDS)
        local_b = np.clip(best_b[:, None] + spacing[1] * offsets, *BETA_STAR_BOUNDS)
        grid_a = np.repeat(local_a, ZOOM_POINTS, axis=1)  # alpha-major, as meshgrid "ij"
        grid_b = np.tile(local_b, (1, ZOOM_POINTS))
        centre = np.stack([best_a, best_b], axis=1)
        sse, l0, b0 = _evaluate(x, d2, owner, plen, centre, grid_a, grid_b)
        i = np.argmin(sse, axis=1)
        better = sse[rows, i] < best_sse  # fit_ets keeps the old point on a tie
        best_a = np.where(better, grid_a[rows, i], best_a)
        best_b = np.where(better, grid_b[rows, i], best_b)
        best_sse = np.where(better, sse[rows, i], best_sse)
        best_l0 = np.where(better, l0[rows, i], best_l0)
        best_b0 = np.where(better, b0[rows, i], best_b0)
        spacing = spacing * 2.0 / (ZOOM_POINTS - 1)
    return best_a, best_a * best_b, shift[owner] + best_l0 / scale[owner], best_b0 / scale[owner]


def _evaluate(
    x: np.ndarray,
    d2: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    centre: np.ndarray,
    grid_a: np.ndarray,
    grid_b: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Profiled SSE, ``l0``, ``b0`` of each problem at each of its grid points.

    Problems of one series with the same grid centre share one run (the grids are equal).
    """
    keys = np.column_stack([owner.astype(np.float64), centre])
    _, first, run_of = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    run_of = run_of.reshape(-1)
    run_len = np.zeros(first.size, dtype=np.int64)
    np.maximum.at(run_len, run_of, plen)
    sums = _run_sums(x, d2, owner[first], run_len, grid_a[first], grid_b[first], run_of, plen)
    cc, cu, cv, uu, uv, vv = sums
    det = uu * vv - uv * uv
    tiny = 1e-12 * uu * vv
    det = np.where(np.abs(det) > tiny, det, tiny + 1e-300)
    l0 = -(vv * cu - uv * cv) / det
    b0 = -(uu * cv - uv * cu) / det
    sse = cc + l0 * cu + b0 * cv
    return np.maximum(sse, 0.0), l0, b0


def _run_sums(
    x: np.ndarray,
    d2: np.ndarray,
    run_series: np.ndarray,
    run_len: np.ndarray,
    run_a: np.ndarray,
    run_b: np.ndarray,
    run_of: np.ndarray,
    plen: np.ndarray,
) -> np.ndarray:
    """``(cc, cu, cv, uu, uv, vv)`` sums of squares, shape ``(6, problems, K)``.

    Rows ``c``, ``u``, ``v``: one-step errors on the data from zero initial states, and on
    zero data from a unit initial level / slope. Runs go longest first, so the live runs at
    step ``t`` are a leading slice; each problem copies its run's sums after its last step.
    """
    k = run_a.shape[1]
    out = np.empty((6, plen.size, k))
    order = np.argsort(-run_len, kind="stable")
    for start in range(0, order.size, BLOCK_RUNS):
        block = order[start : start + BLOCK_RUNS]
        _block_sums(
            x,
            d2,
            run_series[block],
            run_len[block],
            run_a[block],
            run_b[block],
            block,
            run_of,
            plen,
            out,
        )
    return out


def _block_sums(
    x: np.ndarray,
    d2: np.ndarray,
    series: np.ndarray,
    length: np.ndarray,
    alpha: np.ndarray,
    bstar: np.ndarray,
    block: np.ndarray,
    run_of: np.ndarray,
    plen: np.ndarray,
    out: np.ndarray,
) -> None:
    m, k = alpha.shape
    beta = alpha * bstar
    a1 = (2.0 - alpha) - beta  # e_t = d2_t + a1 e_{t-1} - a2 e_{t-2}
    a2 = 1.0 - alpha
    live = np.searchsorted(-length, -np.arange(int(length[0])), side="left")
    # which problems read this block's runs, and where
    where_run = np.full(run_of.max() + 1, -1)
    where_run[block] = np.arange(m)
    mine = np.flatnonzero(where_run[run_of] >= 0)
    mine_row = where_run[run_of[mine]]
    mine_end = plen[mine] - 1

    prev2 = np.empty((3, m, k))
    prev1 = np.empty((3, m, k))
    cur = np.empty((3, m, k))
    tmp = np.empty((3, m, k))
    acc = np.zeros((6, m, k))
    prev2[0] = x[series, 0][:, None]
    prev2[1] = -1.0
    prev2[2] = -1.0
    prev1[0] = x[series, 1][:, None] - (alpha + beta) * x[series, 0][:, None]
    prev1[1] = -((1.0 - alpha) - beta)
    prev1[2] = -a1
    data = d2[series]
    for t in range(int(length[0])):
        r = int(live[t])
        if t == 0:
            e = prev2
        elif t == 1:
            e = prev1
        else:
            e = cur[:, :r]
            np.multiply(a1[:r], prev1[:, :r], out=e)
            np.multiply(a2[:r], prev2[:, :r], out=tmp[:, :r])
            e -= tmp[:, :r]
            e[0] += data[:r, t][:, None]
        e = e[:, :r]
        prod = tmp[:, :r]
        np.multiply(e[0], e, out=prod)
        acc[0:3, :r] += prod
        np.multiply(e[1], e[1:], out=prod[:2])
        acc[3:5, :r] += prod[:2]
        np.multiply(e[2], e[2], out=prod[0])
        acc[5, :r] += prod[0]
        if t >= 2:
            prev2, prev1, cur = prev1, cur, prev2
        ending = mine_end == t
        if ending.any():
            out[:, mine[ending]] = acc[:, mine_row[ending]]


def holt_states(
    panel: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    alpha: np.ndarray,
    beta: np.ndarray,
    l0: np.ndarray,
    b0: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Final level and slope of each problem: the recursion of ``ets_states`` (phi = 1)."""
    level = l0.copy()
    slope = b0.copy()
    for t in range(int(plen.max())):
        live = plen > t
        fitted = level + slope
        err = panel[owner, t] - fitted
        level = np.where(live, fitted + alpha * err, level)
        slope = np.where(live, slope + beta * err, slope)
    return level, slope
