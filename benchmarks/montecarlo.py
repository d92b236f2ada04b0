"""Monte Carlo throughput: 1,000,000 paths x 10 years against numpy's own normal draws.

Target (issue 6): simulating 1,000,000 paths x 10 years takes at most 3x the time numpy
needs to draw the same number (10,000,000) of standard normals, measured in the same run.
Also prints peak traced memory (tracemalloc) of each step and the process's peak RSS.

Run from the repository root (package installed, or with ``PYTHONPATH=.``):
``python benchmarks/montecarlo.py [--paths N] [--repeats R]``
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

from idcforecast.scenarios.montecarlo import simulate_paths

YEARS = np.arange(2024, 2034)
MEAN = 5078.3 * 1.18 ** np.arange(1, 11)  # a China-IDC-like trend, 亿元
SIGMA = 0.08 * np.sqrt(np.arange(1, 11))
TAILS = {"spread": 0.79, "tail_df": 4.0}  # the forecasts' calibrated t(4) tails, as simulate()
SPEC = {
    "scenarios": {
        "base": {"weight": 0.5},
        "bull": {"weight": 0.25, "growth": {"2024-2027": 0.04}, "cap": 40000},
        "bear": {"weight": 0.25, "growth": {"2024-2033": -0.05}, "shocks": {"2026": -0.08},
                 "cap": 9000, "cap_mode": "clip"},
    }
}  # fmt: skip


def best_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_traced(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    fn()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    n, h = args.paths, YEARS.size

    def numpy_normals() -> object:
        return np.random.default_rng(0).standard_normal(n * h)

    def one_scenario() -> object:
        return simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=n, seed=0, **TAILS)

    def three_scenarios() -> object:
        return simulate_paths(
            mean=MEAN, sigma=SIGMA, years=YEARS, scenarios=SPEC, n_paths=n, seed=0, **TAILS
        )

    t_np = best_time(numpy_normals, args.repeats)
    t_one = best_time(one_scenario, args.repeats)
    t_three = best_time(three_scenarios, args.repeats)
    rows = [
        ("numpy standard_normal", n * h, t_np, peak_traced(numpy_normals)),
        ("simulate_paths, 1 scenario", n * h, t_one, peak_traced(one_scenario)),
        ("simulate_paths, 3 scenarios + caps", 3 * n * h, t_three, peak_traced(three_scenarios)),
    ]
    print(f"{n:,} paths x {h} years, best of {args.repeats} (seconds; MiB traced peak)")
    print(f"{'step':<36} {'values':>12} {'seconds':>8} {'x numpy':>8} {'peak MiB':>9}")
    for name, count, seconds, peak in rows:
        print(f"{name:<36} {count:>12,} {seconds:>8.3f} {seconds / t_np:>8.2f} {peak:>9.1f}")
    ratio = t_one / t_np
    verdict = "PASS" if ratio <= 3.0 else "FAIL"
    print(f"target: 1 scenario <= 3.00 x numpy -> {ratio:.2f} x ({verdict})")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB
    print(f"process peak RSS: {rss:.0f} MiB (output alone: {n * h * 8 / 2**20:.0f} MiB "
          "per scenario)")  # fmt: skip


if __name__ == "__main__":
    main()
