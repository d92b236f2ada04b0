"""The SES and damped-trend grid searches of the "auto" kernel, compiled with numba.

:func:`idcforecast._auto_smoothing.damped_search` (and, less so, ``ses_search``) spends
nearly all of its time evaluating the profiled sum of squared errors at every point of every
problem's grid. Written with numpy (``_damped_block`` + ``_profile`` + ``argmin``), each of the
dozen elementwise operations per time step is a separate pass over a block of
``runs x grid points`` values. Here one compiled loop per run carries the recursion over the
grid, profiles the initial states out when a problem reaches its last step and keeps each
problem's first minimum, with nothing else materialised.

Both functions take the runs of ``_auto_smoothing._evaluate``: ``x``/``dx`` (scaled data and
its differences, one row per run), ``length`` (steps of each run), the per-run grid values of
each dimension and their counts (``meshgrid(indexing="ij")`` order), ``run_start``/``problems``
(the problems of run ``r`` are ``problems[run_start[r]:run_start[r + 1]]``) and ``last`` (each
problem's last step). They return each problem's flat grid index, SSE and initial states.

Results are **bit-identical** to the numpy path: every value is computed by the same
operations in the same order (numba compiles without fast-math, so nothing is re-associated
or fused), and the first minimum is taken the way ``numpy.argmin`` takes it (the first NaN
wins, otherwise the first smallest value). ``tests/test_smoothing_compiled.py`` checks this; the
choice between the two paths therefore changes speed, never a forecast.

numba is imported on first use, not with the package (``import numba`` costs ~0.5 s and the
first compilation several seconds; compiled code is cached on disk, ``cache=True``). When it
is not installed, or cannot compile (logged once as a warning on this module's logger, not
raised as a Python warning, which the batch worker would attach to every series),
:func:`compiled_search` returns ``None`` and callers use numpy.
"""

from __future__ import annotations

import logging
import os
import warnings
from collections.abc import Callable
from functools import cache
from typing import Any

import numpy as np

__all__ = ["MIN_COMPILED_PROBLEMS", "compiled_search", "warm_up"]

# Below this many problems a search stays in numpy: one forecast() of one series should not
# pay numba's import (and, on a new install, its compilation) to save a few milliseconds.
MIN_COMPILED_PROBLEMS = 64
# IDCFORECAST_NO_NUMBA=1 forces the numpy path (for comparisons and for debugging).
DISABLE_ENV = "IDCFORECAST_NO_NUMBA"
_LOG = logging.getLogger(__name__)


@cache
def _build() -> dict[str, Callable[..., Any]] | None:
    try:
        import numba
    except ImportError:
        return None

    # The two searches repeat the first-minimum loop instead of calling a shared jitted
    # helper: a dispatcher captured from this closure changes numba's cache key in every
    # process, so nothing would ever load from the on-disk cache (measured: 4 s per start).
    @numba.njit(cache=True, nogil=True)
    def ses_best(  # pragma: no cover - compiled; tested through the numpy comparison
        x: np.ndarray,
        dx: np.ndarray,
        length: np.ndarray,
        values_a: np.ndarray,
        counts: np.ndarray,
        run_start: np.ndarray,
        problems: np.ndarray,
        last: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n_runs = x.shape[0]
        n_problems = last.size
        best_index = np.zeros(n_problems, dtype=np.int64)
        best_sse = np.empty(n_problems)
        best_l0 = np.empty(n_problems)
        width = values_a.shape[1]
        keep = np.empty(width)
        c = np.empty(width)
        psi = np.empty(width)
        acc0 = np.empty(width)  # cc
        acc1 = np.empty(width)  # c psi
        acc2 = np.empty(width)  # psi psi
        for r in range(n_runs):
            k = counts[r, 0]
            x0 = x[r, 0]
            for j in range(k):
                keep[j] = 1.0 - values_a[r, j]
                c[j] = x0
                psi[j] = 1.0
                acc0[j] = 0.0
                acc1[j] = 0.0
                acc2[j] = 0.0
            for t in range(length[r]):
                d = dx[r, t]
                for j in range(k):  # _ses_block's operations, in its order
                    if t > 0:
                        c[j] *= keep[j]
                        psi[j] *= keep[j]
                        c[j] += d
                    acc0[j] += c[j] * c[j]
                    acc1[j] += c[j] * psi[j]
                    acc2[j] += psi[j] * psi[j]
                for slot in range(run_start[r], run_start[r + 1]):
                    i = problems[slot]
                    if last[i] != t:
                        continue
                    found = -1
                    low = 0.0
                    low_l0 = 0.0
                    for j in range(k):  # _profile's SES arithmetic, then argmin
                        l0 = acc1[j] / acc2[j]
                        sse = acc0[j] - l0 * acc1[j]
                        if sse < 0.0:
                            sse = 0.0
                        if np.isnan(sse):
                            found, low, low_l0 = j, sse, l0
                            break
                        if found < 0 or sse < low:
                            found, low, low_l0 = j, sse, l0
                    best_index[i] = found
                    best_sse[i] = low
                    best_l0[i] = low_l0
        return best_index, best_sse, best_l0

    @numba.njit(cache=True, nogil=True)
    def damped_best(  # pragma: no cover - compiled; tested through the numpy comparison
        x: np.ndarray,
        dx: np.ndarray,
        length: np.ndarray,
        values_a: np.ndarray,
        values_b: np.ndarray,
        values_p: np.ndarray,
        counts: np.ndarray,
        run_start: np.ndarray,
        problems: np.ndarray,
        last: np.ndarray,
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        n_runs = x.shape[0]
        n_problems = last.size
        best_index = np.zeros(n_problems, dtype=np.int64)
        best_sse = np.empty(n_problems)
        best_l0 = np.empty(n_problems)
        best_b0 = np.empty(n_problems)
        width = values_a.shape[1] * values_b.shape[1] * values_p.shape[1]
        a1 = np.empty(width)
        a2 = np.empty(width)
        ph = np.empty(width)
        c1 = np.empty(width)
        c2 = np.empty(width)
        p1 = np.empty(width)
        p2 = np.empty(width)
        # sums of products of c, psi and psi_lag (six 1-D arrays rather than one (6, width)
        # array: ~10% faster, the same arithmetic)
        sum_cc = np.empty(width)
        sum_cp = np.empty(width)
        sum_cl = np.empty(width)
        sum_lp = np.empty(width)
        sum_pp = np.empty(width)
        sum_ll = np.empty(width)
        for r in range(n_runs):
            na, nb, npp = counts[r, 0], counts[r, 1], counts[r, 2]
            k = na * nb * npp
            x0 = x[r, 0]
            x1 = x[r, 1]
            for j in range(k):  # meshgrid(indexing="ij") order: phi fastest
                alpha = values_a[r, j // (nb * npp)]
                beta = alpha * values_b[r, (j // npp) % nb]
                phi = values_p[r, j % npp]
                a1[j] = (1.0 - alpha) + phi * (1.0 - beta)
                a2[j] = phi * (1.0 - alpha)
                ph[j] = phi
                c2[j] = x0
                p2[j] = 1.0
                c1[j] = x1 - (alpha + phi * beta) * x0
                p1[j] = a1[j]
            sum_cc[:k] = 0.0
            sum_cp[:k] = 0.0
            sum_cl[:k] = 0.0
            sum_lp[:k] = 0.0
            sum_pp[:k] = 0.0
            sum_ll[:k] = 0.0
            for t in range(length[r]):
                if t == 0:
                    for j in range(k):
                        e = c2[j]
                        s = p2[j]
                        sum_cc[j] += e * e
                        sum_cp[j] += e * s
                        sum_ll[j] = sum_pp[j]
                        sum_pp[j] += s * s
                elif t == 1:
                    for j in range(k):
                        e = c1[j]
                        s = p1[j]
                        lag = p2[j]
                        sum_cc[j] += e * e
                        sum_cp[j] += e * s
                        sum_cl[j] += e * lag
                        sum_lp[j] += lag * s
                        sum_ll[j] = sum_pp[j]
                        sum_pp[j] += s * s
                else:
                    d0 = dx[r, t]
                    d1 = dx[r, t - 1]
                    for j in range(k):
                        e = a1[j] * c1[j]
                        w = a2[j] * c2[j]
                        e -= w
                        w = ph[j] * d1
                        e += d0
                        e -= w
                        s = a1[j] * p1[j] - a2[j] * p2[j]
                        lag = p1[j]
                        sum_cc[j] += e * e
                        sum_cp[j] += e * s
                        sum_cl[j] += e * lag
                        sum_lp[j] += lag * s
                        sum_ll[j] = sum_pp[j]
                        sum_pp[j] += s * s
                        c2[j] = c1[j]
                        c1[j] = e
                        p2[j] = lag
                        p1[j] = s
                for slot in range(run_start[r], run_start[r + 1]):
                    i = problems[slot]
                    if last[i] != t:
                        continue
                    # _profile's arithmetic, then numpy.argmin's first minimum
                    found = -1
                    low = 0.0
                    low_g1 = 0.0
                    low_g2 = 0.0
                    for j in range(k):
                        cc, q2, q1 = sum_cc[j], sum_cp[j], sum_cl[j]
                        m12, m22, m11 = sum_lp[j], sum_pp[j], sum_ll[j]
                        det = m11 * m22 - m12 * m12
                        tiny = 1e-12 * m11 * m22
                        if not abs(det) > tiny:
                            det = tiny + 1e-300
                        g1 = -(m22 * q1 - m12 * q2) / det
                        g2 = -(m11 * q2 - m12 * q1) / det
                        sse = cc + g1 * q1 + g2 * q2
                        if sse < 0.0:
                            sse = 0.0
                        if np.isnan(sse):
                            found, low, low_g1, low_g2 = j, sse, g1, g2
                            break
                        if found < 0 or sse < low:
                            found, low, low_g1, low_g2 = j, sse, g1, g2
                    phi = ph[found]
                    l0 = low_g1 / phi
                    best_index[i] = found
                    best_sse[i] = low
                    best_l0[i] = l0
                    best_b0[i] = -(low_g2 + l0) / phi
        return best_index, best_sse, best_l0, best_b0

    kernels: dict[str, Callable[..., Any]] = {"ses": ses_best, "damped": damped_best}
    # Compile (or load from the on-disk cache) now, with numba's own warnings silenced: e.g.
    # "cannot cache" on a read-only install would otherwise reach the batch worker, which
    # attaches every warning to a series' note and re-runs the chunk one series at a time.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", numba.NumbaWarning)
        try:
            _first_calls(kernels)
        except Exception as err:  # a numba that imports but cannot compile here
            _LOG.warning("numba cannot compile the auto kernel (%s); using numpy", err)
            return None
    return kernels


def _first_calls(kernels: dict[str, Callable[..., Any]]) -> None:
    """Call each search once on a one-problem grid, with the argument types of a real
    search (so that the signature compiled is the one later calls use)."""
    x = np.array([[0.0, 1.0, 2.0]])
    length, last = np.array([3], dtype=np.int64), np.array([2], dtype=np.int64)
    run_start, problems = np.array([0, 1], dtype=np.int64), np.array([0], dtype=np.int64)
    values = np.array([[0.5]])
    kernels["ses"](x, x, length, values, np.ones((1, 1), dtype=np.int64), run_start, problems, last)
    counts = np.ones((1, 3), dtype=np.int64)
    kernels["damped"](x, x, length, values, values, values, counts, run_start, problems, last)


def compiled_search(kind: str, n_problems: int) -> Callable[..., Any] | None:
    """The compiled ``kind`` ("ses" or "damped") search for ``n_problems``, or ``None``.

    ``None`` when numba is not installed, when ``IDCFORECAST_NO_NUMBA`` is set to a non-empty
    value other than ``0``, or below :data:`MIN_COMPILED_PROBLEMS` problems.
    """
    if n_problems < MIN_COMPILED_PROBLEMS or os.environ.get(DISABLE_ENV, "0") not in ("", "0"):
        return None
    kernels = _build()
    return None if kernels is None else kernels[kind]


def warm_up() -> bool:
    """Load (or, on a new install, compile) both searches now; False without numba."""
    return _build() is not None
