"""Holt's grid search of :func:`idcforecast.models._ets.fit_ets` for many problems at once.

Private to :mod:`idcforecast.auto_kernel` (see its docstring for the method). A *problem*
is a prefix ``panel[owner, :length]`` of a series; a *run* is one recursion over a series
for one parameter grid, long enough for every problem that reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from idcforecast.models._ets import ALPHA_BOUNDS, BETA_STAR_BOUNDS

__all__ = ["holt_search", "holt_states"]

COARSE_POINTS = (12, 10)  # alpha, beta* (fit_ets with trend=True, damped=False)
ZOOM_POINTS = 13
ZOOM_ROUNDS = 3
# Runs x grid points per block of the recursion (measured: larger blocks pay in cache
# misses, smaller ones in numpy call overhead).
BLOCK_ELEMENTS = 96 * 169


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
    grid = _Grid(
        np.broadcast_to(axes[0], (n, axes[0].size)),
        np.full(n, axes[0].size),
        np.broadcast_to(axes[1], (n, axes[1].size)),
        np.full(n, axes[1].size),
    )
    centre = np.zeros((n, 2))  # one coarse grid for all: runs are whole series
    i, best_sse, best_l0, best_b0 = _evaluate(x, d2, owner, plen, centre, grid)
    best_a, best_b = grid.point(rows, i)

    bounds = [ALPHA_BOUNDS, BETA_STAR_BOUNDS]
    spacing = np.array(
        [(hi - lo) / (len(ax) - 1) for ax, (lo, hi) in zip(axes, bounds, strict=True)]
    )
    offsets = np.linspace(-1.0, 1.0, ZOOM_POINTS)
    for _ in range(ZOOM_ROUNDS):
        # fit_ets's np.unique of each clipped axis: a clipped row is sorted, so its repeats
        # are neighbours
        grid = _Grid(
            *_distinct(np.clip(best_a[:, None] + spacing[0] * offsets, *ALPHA_BOUNDS)),
            *_distinct(np.clip(best_b[:, None] + spacing[1] * offsets, *BETA_STAR_BOUNDS)),
        )
        centre = np.stack([best_a, best_b], axis=1)
        i, sse, l0, b0 = _evaluate(x, d2, owner, plen, centre, grid)
        better = sse < best_sse  # fit_ets keeps the old point on a tie
        new_a, new_b = grid.point(rows, i)
        best_a = np.where(better, new_a, best_a)
        best_b = np.where(better, new_b, best_b)
        best_sse = np.where(better, sse, best_sse)
        best_l0 = np.where(better, l0, best_l0)
        best_b0 = np.where(better, b0, best_b0)
        spacing = spacing * 2.0 / (ZOOM_POINTS - 1)
    return best_a, best_a * best_b, shift[owner] + best_l0 / scale[owner], best_b0 / scale[owner]


@dataclass(frozen=True)
class _Grid:
    """Per-problem product grids: the first ``n_a`` values of ``alpha`` x first ``n_b`` of
    ``bstar``, flattened alpha-major (as ``meshgrid(indexing="ij")`` in ``fit_ets``)."""

    alpha: np.ndarray
    n_a: np.ndarray
    bstar: np.ndarray
    n_b: np.ndarray

    @property
    def size(self) -> np.ndarray:
        return self.n_a * self.n_b

    def point(self, rows: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(alpha, beta*)`` at flat ``index`` of each problem in ``rows``."""
        nb = self.n_b[rows]
        return self.alpha[rows, index // nb], self.bstar[rows, index % nb]

    def flat(self, rows: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
        """The grids of ``rows`` as ``(len(rows), width)`` arrays; a shorter grid repeats its
        last point (a repeat after the first minimum never changes the first minimum)."""
        index = np.minimum(np.arange(width)[None, :], (self.size[rows] - 1)[:, None])
        nb = self.n_b[rows][:, None]
        return (
            self.alpha[rows[:, None], index // nb],
            self.bstar[rows[:, None], index % nb],
        )


def _distinct(sorted_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of each non-decreasing row, moved to its front, and their count."""
    keep = np.ones(sorted_rows.shape, dtype=bool)
    keep[:, 1:] = sorted_rows[:, 1:] > sorted_rows[:, :-1]
    order = np.argsort(~keep, axis=1, kind="stable")
    return np.take_along_axis(sorted_rows, order, 1), keep.sum(axis=1)


def _evaluate(
    x: np.ndarray,
    d2: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    centre: np.ndarray,
    grid: _Grid,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Best flat grid index of each problem (first minimum of the profiled SSE) and its
    SSE, ``l0``, ``b0``.

    Problems of one series with the same grid centre share one run (their grids are equal).
    Runs are cut into blocks of similar grid size (largest first); a block runs longest
    first.
    """
    keys = np.column_stack([owner.astype(np.float64), centre])
    _, first, run_of = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    run_of = run_of.reshape(-1)
    run_len = np.zeros(first.size, dtype=np.int64)
    np.maximum.at(run_len, run_of, plen)
    run_k = grid.size[first]
    order = np.argsort(-run_k, kind="stable")
    best = (
        np.zeros(plen.size, dtype=np.int64),
        np.empty(plen.size),
        np.empty(plen.size),
        np.empty(plen.size),
    )
    by_run = np.argsort(run_of, kind="stable")  # problems grouped by run
    starts = np.searchsorted(run_of[by_run], np.arange(first.size + 1))
    lo = 0
    while lo < order.size:
        k = int(run_k[order[lo]])
        block = order[lo : lo + max(1, BLOCK_ELEMENTS // k)]
        lo += block.size
        block = block[np.argsort(-run_len[block], kind="stable")]
        counts = starts[block + 1] - starts[block]
        # the problems of the block's runs, run by run: starts[r], starts[r] + 1, ...
        within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        probs = by_run[np.repeat(starts[block], counts) + within]
        series = owner[first[block]]
        alpha, bstar = grid.flat(first[block], k)
        _block_search(
            x[series],
            d2[series],
            run_len[block],
            alpha,
            bstar,
            probs,
            np.repeat(np.arange(block.size), counts),
            plen[probs] - 1,
            best,
        )
    return best


def _block_search(
    x: np.ndarray,
    d2: np.ndarray,
    length: np.ndarray,
    alpha: np.ndarray,
    bstar: np.ndarray,
    probs: np.ndarray,
    local: np.ndarray,
    last: np.ndarray,
    best: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
) -> None:
    """Run the recursion of a block of runs (longest first) and search its problems' grids.

    Two rows run: ``c``, the one-step errors on the data from zero initial states, and the
    impulse response ``psi`` of the error recursion (``psi_0 = 1``, ``psi_1 = a1``). The
    errors on zero data from a unit initial level or slope are ``u_t = psi_{t-1} - psi_t``
    and ``v_t = -psi_t``, so profiling ``(l0, b0)`` out is a least-squares fit of ``c`` on
    ``(psi_lag, psi)`` with coefficients ``(l0, -(l0 + b0))``. The sums ``cc``,
    ``c psi``, ``c psi_lag``, ``psi_lag psi``, ``psi psi`` accumulate as the recursion runs
    (the live runs at step ``t`` are a leading slice); ``psi_lag psi_lag`` is ``psi psi``
    one step earlier. After its last step a problem's profiled SSE is minimised over its
    grid.
    """
    m, k = alpha.shape
    beta = alpha * bstar
    a1 = (2.0 - alpha) - beta  # e_t = d2_t + a1 e_{t-1} - a2 e_{t-2}
    a2 = 1.0 - alpha
    live = np.searchsorted(-length, -np.arange(int(length[0])), side="left")
    by_last = np.argsort(last, kind="stable")  # problems ending at t: a slice of by_last
    first_at = np.searchsorted(last[by_last], np.arange(int(length[0]) + 2))
    prev2 = np.empty((2, m, k))
    prev1 = np.empty((2, m, k))
    cur = np.empty((2, m, k))
    tmp = np.empty((2, m, k))
    acc = np.zeros((5, m, k))  # cc, c psi, c psi_lag, psi_lag psi, psi psi
    ends = np.empty((6, probs.size, k))  # those five after a problem's last step, then
    # psi_lag psi_lag (psi psi one step before)
    prev2[0] = x[:, 0][:, None]
    prev2[1] = 1.0
    prev1[0] = x[:, 1][:, None] - (alpha + beta) * x[:, 0][:, None]
    prev1[1] = a1
    for t in range(int(length[0])):
        r = int(live[t])
        if t == 0:
            e, lag = prev2[:, :r], None
        elif t == 1:
            e, lag = prev1[:, :r], prev2[1, :r]
        else:
            e, lag = cur[:, :r], prev1[1, :r]
            np.multiply(a1[:r], prev1[:, :r], out=e)
            np.multiply(a2[:r], prev2[:, :r], out=tmp[:, :r])
            e -= tmp[:, :r]
            e[0] += d2[:r, t][:, None]
        prod = tmp[:, :r]
        np.multiply(e[0], e, out=prod)
        acc[0:2, :r] += prod
        if lag is not None:
            np.multiply(lag, e, out=prod)
            acc[2:4, :r] += prod
        np.multiply(e[1], e[1], out=prod[0])
        acc[4, :r] += prod[0]
        if t >= 2:
            prev2, prev1, cur = prev1, cur, prev2
        ending = by_last[first_at[t] : first_at[t + 1]]
        if ending.size:
            ends[:5, ending] = acc[:, local[ending]]
        before = by_last[first_at[t + 1] : first_at[t + 2]]
        if before.size:
            ends[5, before] = acc[4, local[before]]
    _argmin_profile(ends, probs, best)


def _argmin_profile(
    sums: np.ndarray, probs: np.ndarray, best: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]
) -> None:
    """Profile the initial states out (the 2 x 2 solve of ``profile_sse``) and record each
    problem's first minimum with its ``l0``, ``b0``."""
    cc, q2, q1, m12, m22, m11 = sums  # regressors (psi_lag, psi)
    det = m11 * m22 - m12 * m12
    tiny = 1e-12 * m11 * m22
    det = np.where(np.abs(det) > tiny, det, tiny + 1e-300)
    g1 = -(m22 * q1 - m12 * q2) / det
    g2 = -(m11 * q2 - m12 * q1) / det
    sse = np.maximum(cc + g1 * q1 + g2 * q2, 0.0)
    i = np.argmin(sse, axis=1)
    rows = np.arange(i.size)
    best[0][probs] = i
    best[1][probs] = sse[rows, i]
    best[2][probs] = g1[rows, i]  # l0
    best[3][probs] = -(g1[rows, i] + g2[rows, i])  # b0


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
