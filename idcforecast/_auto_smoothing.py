"""SES and damped-trend grid searches of :func:`idcforecast.models._ets.fit_ets` for many
problems at once (the ``ses`` and ``damped`` members of the "auto" kernel).

A *problem* is a prefix ``panel[owner[i], :plen[i]]`` of a series (the representation of
:mod:`idcforecast.auto_kernel`). ``ses_search`` and ``damped_search`` run the searches of
``fit_ets(y, trend=False, damped=False)`` and ``fit_ets(y, trend=True, damped=True)``:

- SES: a coarse grid of 41 ``alpha`` values over ``ALPHA_BOUNDS``, then two zooms of 41
  points around the best one;
- damped: a coarse 12 x 10 x 6 grid over ``(alpha, beta*, phi)`` (``beta = alpha beta*``),
  then three zooms of 9 points per dimension;

each zoom clipped to the bounds with ``np.unique`` semantics, a zoom's point kept only when
it is strictly better (``_grid_search``), and the initial states profiled out exactly.

The one-step errors from initial states ``(l0, b0)`` are ``e = c + l0 u + b0 v`` with ``c``
the errors on the data from zero states. Instead of running ``u`` and ``v`` (``profile_sse``)
the search runs ``psi``, the impulse response of the error recursion:

- SES: ``c_t = (x_t - x_{t-1}) + (1 - alpha) c_{t-1}``, ``psi_t = (1 - alpha)^t`` and
  ``u = -psi``;
- damped: ``(1 - B)(1 - phi B) x_t = (1 - a1 B + a2 B^2) e_t`` with
  ``a1 = 1 - alpha + phi (1 - beta)``, ``a2 = phi (1 - alpha)``, so
  ``c_t = (dx_t - phi dx_{t-1}) + a1 c_{t-1} - a2 c_{t-2}``, ``psi_t = a1 psi_{t-1} -
  a2 psi_{t-2}`` (``psi_0 = 1``), ``u_t = phi psi_{t-1} - psi_t`` and ``v_t = -phi psi_t``.

The sums of products accumulate while the recursion runs. Errors are causal, so one run over
the longest prefix of a series serves every shorter prefix (read at its own last step); the
coarse grid is the same for every problem, so it runs once per series (and the damped
search's data-free ``psi`` rows once per block of series), and zoom grids run once per
(series, grid centre). Every problem's arithmetic is a fixed sequence of elementwise
operations on its own values (no reductions over array axes), so results are bit-identical
alone or inside any batch.

Agreement with ``fit_ets`` is to rounding: the sums run in another order than ``fit_ets``'s
``einsum`` and the data are scaled by a power of two (exact) instead of ``std(y)``. Where two
grid points tie to rounding the other one may win (``benchmarks/smoothing_kernel_check.py``
counts those).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from idcforecast._smoothing_compiled import compiled_search
from idcforecast.models._ets import ALPHA_BOUNDS, BETA_STAR_BOUNDS, PHI_BOUNDS

__all__ = [
    "damped_forecast",
    "damped_point",
    "damped_search",
    "damped_states",
    "ses_level",
    "ses_point",
    "ses_search",
]

SES_POINTS, SES_ROUNDS = 41, 2
DAMPED_COARSE = (12, 10, 6)
DAMPED_POINTS, DAMPED_ROUNDS = 9, 3
# Runs x grid points per block of the recursion (larger blocks pay in cache misses, smaller
# ones in numpy call overhead).
BLOCK_ELEMENTS = 16384

Sums = Callable[
    [np.ndarray, np.ndarray, np.ndarray, tuple[np.ndarray, ...], np.ndarray, np.ndarray, bool],
    np.ndarray,
]


def ses_search(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Least-squares ``alpha`` and ``l0`` of SES for every problem (each >= 2 values).

    Parameters
    ----------
    panel
        Series as rows, shape ``(n_series, width)``, zero-padded after each series.
    owner
        Row of ``panel`` of each problem, shape ``(n_problems,)``.
    plen
        Prefix length of each problem, shape ``(n_problems,)``.

    Returns
    -------
    alpha, l0
        Each of shape ``(n_problems,)``: ``fit_ets(prefix, trend=False, damped=False)``'s
        ``alpha`` and ``l0`` (to rounding).

    Examples
    --------
    >>> panel = np.array([[10.0, 12.0, 11.0, 13.0, 12.0]])
    >>> alpha, l0 = ses_search(panel, np.array([0, 0]), np.array([5, 4]))
    >>> level = ses_level(panel, np.array([0, 0]), np.array([5, 4]), alpha, l0)
    >>> level.round(4)
    array([11.6, 11.5])
    """
    if np.size(plen) == 0:
        return np.empty(0), np.empty(0)
    axes = [np.linspace(*ALPHA_BOUNDS, SES_POINTS)]
    best, (l0,) = _search(
        panel,
        owner,
        plen,
        axes,
        [ALPHA_BOUNDS],
        SES_POINTS,
        SES_ROUNDS,
        _ses_block,
        compiled_search("ses", np.size(plen)),
    )
    return best[0], l0


def ses_level(
    panel: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    alpha: np.ndarray,
    l0: np.ndarray,
) -> np.ndarray:
    """Final level of each problem (the SES recursion of ``ets_states``); forecasts are flat.

    Examples
    --------
    >>> ses_level(np.array([[1.0, 3.0]]), np.array([0]), np.array([2]),
    ...           np.array([0.5]), np.array([1.0]))
    array([2.])
    """
    level = l0.astype(np.float64, copy=True)
    for t in range(int(plen.max(initial=0))):
        live = plen > t
        err = panel[owner, t] - level
        level = np.where(live, level + alpha * err, level)
    return level


def damped_search(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Least-squares ``alpha``, ``beta``, ``phi``, ``l0``, ``b0`` of the damped trend.

    Parameters
    ----------
    panel, owner, plen
        Problems as in :func:`ses_search` (each >= 3 values).

    Returns
    -------
    alpha, beta, phi, l0, b0
        Each of shape ``(n_problems,)``: ``fit_ets(prefix, trend=True, damped=True)``'s
        estimates (to rounding).

    Examples
    --------
    >>> panel = np.array([[10.0, 12.0, 15.0, 17.0, 20.0, 21.0, 23.0]])
    >>> owner, plen = np.array([0]), np.array([7])
    >>> alpha, beta, phi, l0, b0 = damped_search(panel, owner, plen)
    >>> level, slope = damped_states(panel, owner, plen, alpha, beta, phi, l0, b0)
    >>> damped_forecast(level, slope, phi, 2).round(3)
    array([[24.708, 26.225]])
    """
    if np.size(plen) == 0:
        return np.empty(0), np.empty(0), np.empty(0), np.empty(0), np.empty(0)
    axes = [
        np.linspace(*ALPHA_BOUNDS, DAMPED_COARSE[0]),
        np.linspace(*BETA_STAR_BOUNDS, DAMPED_COARSE[1]),
        np.linspace(*PHI_BOUNDS, DAMPED_COARSE[2]),
    ]
    bounds = [ALPHA_BOUNDS, BETA_STAR_BOUNDS, PHI_BOUNDS]
    (alpha, bstar, phi), (l0, b0) = _search(
        panel,
        owner,
        plen,
        axes,
        bounds,
        DAMPED_POINTS,
        DAMPED_ROUNDS,
        _damped_block,
        compiled_search("damped", np.size(plen)),
    )
    return alpha, alpha * bstar, phi, l0, b0


def damped_states(
    panel: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    alpha: np.ndarray,
    beta: np.ndarray,
    phi: np.ndarray,
    l0: np.ndarray,
    b0: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Final level and slope of each problem (the damped recursion of ``ets_states``).

    Examples
    --------
    >>> damped_states(np.array([[1.0, 2.0]]), np.array([0]), np.array([2]), np.array([0.5]),
    ...               np.array([0.1]), np.array([0.9]), np.array([0.0]), np.array([1.0]))
    (array([1.8845]), array([0.8421]))
    """
    level = l0.astype(np.float64, copy=True)
    slope = b0.astype(np.float64, copy=True)
    for t in range(int(plen.max(initial=0))):
        live = plen > t
        damped = phi * slope
        fitted = level + damped
        err = panel[owner, t] - fitted
        level = np.where(live, fitted + alpha * err, level)
        slope = np.where(live, damped + beta * err, slope)
    return level, slope


def damped_forecast(level: np.ndarray, slope: np.ndarray, phi: np.ndarray, h: int) -> np.ndarray:
    """Point forecasts ``level + slope (phi + ... + phi^j)``, ``j = 1..h``, shape ``(n, h)``.

    The arithmetic of ``ets_forecast`` row by row (``cumsum`` runs along each row in order).

    Examples
    --------
    >>> damped_forecast(np.array([10.0]), np.array([1.0]), np.array([0.5]), 3)
    array([[10.5  , 10.75 , 10.875]])
    """
    powers = phi[:, None] ** np.arange(1.0, h + 1.0)
    return level[:, None] + slope[:, None] * np.cumsum(powers, axis=1)


def ses_point(panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, h: int) -> np.ndarray:
    """SES point forecasts of every problem, shape ``(n_problems, h)``: search, then level.

    Examples
    --------
    >>> panel = np.array([[10.0, 12.0, 11.0, 13.0, 12.0]])
    >>> ses_point(panel, np.array([0]), np.array([5]), 2).round(4)
    array([[11.6, 11.6]])
    """
    alpha, l0 = ses_search(panel, owner, plen)
    level = ses_level(panel, owner, plen, alpha, l0)
    return np.repeat(level[:, None], h, axis=1)


def damped_point(panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, h: int) -> np.ndarray:
    """Damped-trend point forecasts of every problem, shape ``(n_problems, h)``.

    ``fit_ets(trend=True, damped=True)`` then ``ets_forecast``, for all problems at once.

    Examples
    --------
    >>> panel = np.array([[10.0, 12.0, 15.0, 17.0, 20.0, 21.0, 23.0]])
    >>> damped_point(panel, np.array([0]), np.array([7]), 2).round(3)
    array([[24.708, 26.225]])
    """
    alpha, beta, phi, l0, b0 = damped_search(panel, owner, plen)
    level, slope = damped_states(panel, owner, plen, alpha, beta, phi, l0, b0)
    return damped_forecast(level, slope, phi, h)


# -- the search ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Grid:
    """Per-problem product grids: the first ``counts[d][i]`` values of ``values[d][i]`` per
    dimension, flattened with the last dimension fastest (``meshgrid(indexing="ij")``)."""

    values: tuple[np.ndarray, ...]
    counts: tuple[np.ndarray, ...]

    @property
    def size(self) -> np.ndarray:
        out = self.counts[0].copy()
        for c in self.counts[1:]:
            out = out * c
        return out

    def take(self, rows: np.ndarray, index: np.ndarray) -> tuple[np.ndarray, ...]:
        """Parameter values at flat ``index`` (same shape as ``rows``, or ``rows[:, None]``
        against a 2-D ``index``)."""
        out = []
        rest = index
        for vals, cnt in zip(self.values[::-1], self.counts[::-1], strict=True):
            n = cnt[rows]
            out.append(vals[rows, rest % n])
            rest = rest // n
        return tuple(out[::-1])

    def flat(self, rows: np.ndarray, width: int) -> tuple[np.ndarray, ...]:
        """The grids of ``rows`` as ``(len(rows), width)`` arrays; a shorter grid repeats its
        last point (a repeat after the first minimum never changes the first minimum)."""
        counts = np.stack([c[rows] for c in self.counts], axis=1)
        shapes, shape_of = np.unique(counts, axis=0, return_inverse=True)
        shape_of = shape_of.reshape(-1)
        out = tuple(np.empty((rows.size, width)) for _ in self.values)
        for j, shape in enumerate(shapes.tolist()):  # a few grid shapes per block
            sel = np.flatnonzero(shape_of == j)
            index = np.minimum(np.arange(width), int(np.prod(shape)) - 1)
            at = np.unravel_index(index, shape)  # one unravel per shape, not per row
            for values, dim_at, dest in zip(self.values, at, out, strict=True):
                dest[sel] = values[rows[sel][:, None], dim_at[None, :]]
        return out


def _distinct(sorted_rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of each non-decreasing row, moved to its front, and their count."""
    keep = np.ones(sorted_rows.shape, dtype=bool)
    keep[:, 1:] = sorted_rows[:, 1:] > sorted_rows[:, :-1]
    order = np.argsort(~keep, axis=1, kind="stable")
    return np.take_along_axis(sorted_rows, order, 1), keep.sum(axis=1)


def _search(
    panel: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    axes: list[np.ndarray],
    bounds: list[tuple[float, float]],
    points: int,
    rounds: int,
    block_sums: Sums,
    compiled: Callable[..., Any] | None = None,
) -> tuple[tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """``_grid_search`` of every problem; returns the best parameters and initial states.

    ``compiled``: a compiled evaluation (:mod:`idcforecast._smoothing_compiled`) used instead of
    ``block_sums`` + ``_profile`` + ``argmin``, with bit-identical results.
    """
    owner = np.asarray(owner, dtype=np.int64)
    plen = np.asarray(plen, dtype=np.int64)
    n = plen.size
    shift = panel[:, 0]
    # Least squares is equivariant to shifting and scaling; scaling by a power of two is
    # exact, so the search lands where it would unscaled while squares cannot overflow.
    used = np.zeros(panel.shape[0], dtype=np.int64)
    np.maximum.at(used, owner, plen)
    inside = np.arange(panel.shape[1])[None, :] < used[:, None]
    x = np.where(inside, panel - shift[:, None], 0.0)
    peak = np.max(np.abs(x), axis=1, initial=0.0)
    scale = np.ldexp(1.0, -np.frexp(peak)[1])
    x *= scale[:, None]
    dx = np.zeros_like(x)
    dx[:, 1:] = x[:, 1:] - x[:, :-1]
    rows = np.arange(n)

    grid = _Grid(
        tuple(np.broadcast_to(ax, (n, ax.size)) for ax in axes),
        tuple(np.full(n, ax.size) for ax in axes),
    )
    centre = np.zeros((n, len(axes)))  # one coarse grid for all: runs are whole series
    i, best_sse, best_states = _evaluate(
        x, dx, owner, plen, centre, grid, block_sums, True, compiled
    )
    best = grid.take(rows, i)
    spacing = np.array(
        [(hi - lo) / (len(ax) - 1) for ax, (lo, hi) in zip(axes, bounds, strict=True)]
    )
    offsets = np.linspace(-1.0, 1.0, points)
    for _ in range(rounds):
        parts = [
            _distinct(np.clip(c[:, None] + w * offsets, lo, hi))
            for c, w, (lo, hi) in zip(best, spacing, bounds, strict=True)
        ]
        grid = _Grid(tuple(p[0] for p in parts), tuple(p[1] for p in parts))
        centre = np.stack(best, axis=1)
        i, sse, states = _evaluate(x, dx, owner, plen, centre, grid, block_sums, False, compiled)
        better = sse < best_sse  # _grid_search keeps the old point on a tie
        new = grid.take(rows, i)
        best = tuple(np.where(better, b_new, b) for b_new, b in zip(new, best, strict=True))
        best_sse = np.where(better, sse, best_sse)
        best_states = tuple(
            np.where(better, s_new, s) for s_new, s in zip(states, best_states, strict=True)
        )
        spacing = spacing * 2.0 / (points - 1)
    l0 = shift[owner] + best_states[0] / scale[owner]
    return best, (l0, *(s / scale[owner] for s in best_states[1:]))


def _evaluate(
    x: np.ndarray,
    dx: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    centre: np.ndarray,
    grid: _Grid,
    block_sums: Sums,
    shared: bool,
    compiled: Callable[..., Any] | None = None,
) -> tuple[np.ndarray, np.ndarray, tuple[np.ndarray, ...]]:
    """First minimum of the profiled SSE over each problem's grid: flat index, SSE and the
    initial states (scaled) that attain it. ``shared``: every problem has the same grid
    (the coarse one), so data-free rows can run once per block.

    Problems of one series with the same grid centre share one run (their grids are equal).
    Runs are cut into blocks of similar grid size (largest first); a block runs longest
    first.
    """
    keys = np.column_stack([owner.astype(np.float64), centre])
    _, first, run_of = np.unique(keys, axis=0, return_index=True, return_inverse=True)
    run_of = run_of.reshape(-1)
    run_len = np.zeros(first.size, dtype=np.int64)
    np.maximum.at(run_len, run_of, plen)
    by_run = np.argsort(run_of, kind="stable")  # problems grouped by run
    starts = np.searchsorted(run_of[by_run], np.arange(first.size + 1))
    if compiled is not None:
        series = owner[first]
        index, sse, *states = compiled(
            x[series],
            dx[series],
            run_len,
            *(values[first] for values in grid.values),  # fancy indexing: C-contiguous copies
            np.stack([count[first] for count in grid.counts], axis=1),
            starts,
            by_run,
            plen - 1,
        )
        return index, sse, tuple(states)
    run_k = grid.size[first]
    order = np.argsort(-run_k, kind="stable")
    n = plen.size
    index = np.zeros(n, dtype=np.int64)
    sse_out = np.empty(n)
    states_out: list[np.ndarray] = []
    lo = 0
    while lo < order.size:
        k = int(run_k[order[lo]])
        block = order[lo : lo + max(1, BLOCK_ELEMENTS // k)]
        lo += block.size
        block = block[np.argsort(-run_len[block], kind="stable")]
        counts = starts[block + 1] - starts[block]
        within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        probs = by_run[np.repeat(starts[block], counts) + within]
        series = owner[first[block]]
        params = grid.flat(first[block], k)
        sse, states = _profile(
            block_sums(
                x[series],
                dx[series],
                run_len[block],
                params,
                np.repeat(np.arange(block.size), counts),
                plen[probs] - 1,
                shared,
            ),
            params,
            np.repeat(np.arange(block.size), counts),
        )
        i = np.argmin(sse, axis=1)
        pick = np.arange(i.size)
        index[probs] = i
        sse_out[probs] = sse[pick, i]
        if not states_out:
            states_out = [np.empty(n) for _ in states]
        for out, s in zip(states_out, states, strict=True):
            out[probs] = s[pick, i]
    return index, sse_out, tuple(states_out)


def _profile(
    sums: np.ndarray, params: tuple[np.ndarray, ...], local: np.ndarray
) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
    """Profiled SSE and initial states from each problem's sums (rows of ``sums``)."""
    if sums.shape[0] == 3:  # SES: cc, c psi, psi psi; u = -psi
        cc, q, m = sums
        l0 = q / m
        return np.maximum(cc - l0 * q, 0.0), (l0,)
    # damped: least squares of c on (psi_lag, psi), e = c + g1 psi_lag + g2 psi
    cc, q2, q1, m12, m22, m11 = sums
    det = m11 * m22 - m12 * m12
    tiny = 1e-12 * m11 * m22
    det = np.where(np.abs(det) > tiny, det, tiny + 1e-300)
    g1 = -(m22 * q1 - m12 * q2) / det
    g2 = -(m11 * q2 - m12 * q1) / det
    sse = np.maximum(cc + g1 * q1 + g2 * q2, 0.0)
    phi = params[2][local]
    l0 = g1 / phi  # u = phi psi_lag - psi, v = -phi psi
    return sse, (l0, -(g2 + l0) / phi)


def _ses_block(
    x: np.ndarray,
    dx: np.ndarray,
    length: np.ndarray,
    params: tuple[np.ndarray, ...],
    local: np.ndarray,
    last: np.ndarray,
    shared: bool,
) -> np.ndarray:
    """Sums ``cc``, ``c psi``, ``psi psi`` of each problem after its last step, shape
    ``(3, n_problems, k)``, for a block of runs sorted longest first."""
    (alpha,) = params
    m, k = alpha.shape
    keep = 1.0 - alpha
    live, by_last, first_at = _schedule(length, last)
    state = np.empty((2, m, k))  # c, psi
    state[0] = x[:, 0][:, None]
    state[1] = 1.0
    prod = np.empty((2, m, k))
    acc = np.zeros((3, m, k))
    ends = np.empty((3, last.size, k))
    for t in range(int(length[0])):
        r = int(live[t])
        e = state[:, :r]
        if t > 0:
            e *= keep[:r]
            e[0] += dx[:r, t][:, None]
        p = prod[:, :r]
        np.multiply(e[0], e, out=p)
        acc[0:2, :r] += p
        np.multiply(e[1], e[1], out=p[0])
        acc[2, :r] += p[0]
        ending = by_last[first_at[t] : first_at[t + 1]]
        if ending.size:
            ends[:, ending] = acc[:, local[ending]]
    return ends


def _damped_block(
    x: np.ndarray,
    dx: np.ndarray,
    length: np.ndarray,
    params: tuple[np.ndarray, ...],
    local: np.ndarray,
    last: np.ndarray,
    shared: bool,
) -> np.ndarray:
    """Sums ``cc``, ``c psi``, ``c psi_lag``, ``psi_lag psi``, ``psi psi`` and
    ``psi_lag psi_lag`` of each problem after its last step, shape ``(6, n_problems, k)``.

    ``psi`` and its sums do not depend on the data: with a ``shared`` grid they run on one
    row for the whole block (the same elementwise arithmetic, so the same numbers).
    """
    alpha, bstar, phi = (p[:1] for p in params) if shared else params
    m, k = x.shape[0], alpha.shape[1]
    beta = alpha * bstar
    a1 = (1.0 - alpha) + phi * (1.0 - beta)
    a2 = phi * (1.0 - alpha)
    live, by_last, first_at = _schedule(length, last)
    c2, c1, c, tmp = (np.empty((m, k)) for _ in range(4))
    p2, p1, p, ptmp = (np.empty(alpha.shape) for _ in range(4))
    acc = np.zeros((3, m, k))  # cc, c psi, c psi_lag
    pacc = np.zeros((2, *alpha.shape))  # psi_lag psi, psi psi
    ends = np.empty((6, last.size, k))
    x0 = x[:, 0][:, None]
    c2[:] = x0
    p2[:] = 1.0
    c1[:] = x[:, 1][:, None] - (alpha + phi * beta) * x0
    p1[:] = a1
    for t in range(int(length[0])):
        r = int(live[t])
        q = r if not shared else 1
        if t == 0:
            e, s, lag = c2[:r], p2[:q], None
        elif t == 1:
            e, s, lag = c1[:r], p1[:q], p2[:q]
        else:
            e, s, lag = c[:r], p[:q], p1[:q]
            w = tmp[:r]
            np.multiply(a1[:q], c1[:r], out=e)
            np.multiply(a2[:q], c2[:r], out=w)
            e -= w
            np.multiply(phi[:q], dx[:r, t - 1][:, None], out=w)
            e += dx[:r, t][:, None]
            e -= w
            np.multiply(a1[:q], p1[:q], out=s)
            np.multiply(a2[:q], p2[:q], out=ptmp[:q])
            s -= ptmp[:q]
        w = tmp[:r]
        np.multiply(e, e, out=w)
        acc[0, :r] += w
        np.multiply(e, s, out=w)
        acc[1, :r] += w
        if lag is not None:
            np.multiply(e, lag, out=w)
            acc[2, :r] += w
            np.multiply(lag, s, out=ptmp[:q])
            pacc[0, :q] += ptmp[:q]
        np.multiply(s, s, out=ptmp[:q])
        pacc[1, :q] += ptmp[:q]
        if t >= 2:
            c2, c1, c = c1, c, c2
            p2, p1, p = p1, p, p2
        ending = by_last[first_at[t] : first_at[t + 1]]
        if ending.size:
            run = local[ending]
            ends[:3, ending] = acc[:, run]
            ends[3:5, ending] = pacc[:, run * (not shared)]
        before = by_last[first_at[t + 1] : first_at[t + 2]]
        if before.size:
            ends[5, before] = pacc[1, local[before] * (not shared)]
    return ends


def _schedule(length: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Live runs per step (a leading slice: runs sorted longest first) and the problems
    ending at each step (``by_last[first_at[t]:first_at[t + 1]]``)."""
    steps = int(length[0])
    live = np.searchsorted(-length, -np.arange(steps), side="left")
    by_last = np.argsort(last, kind="stable")
    first_at = np.searchsorted(last[by_last], np.arange(steps + 2))
    return live, by_last, first_at
