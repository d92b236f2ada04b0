"""Throughput and peak memory of ``forecast_many`` on synthetic annual series, per engine.

Usage (from the repository root)::

    python benchmarks/throughput.py                      # 1k and 10k series, every engine
    python benchmarks/throughput.py --sizes 100000 --engines local   # the 100k case
    python benchmarks/throughput.py --sizes 1000 --method drift --engines serial local

Each (size, engine) case runs in a fresh Python process, so peak memory is that case's
alone: the resident set of the whole process tree (main process + local workers or Dask
workers) sampled every 20 ms. Series: lengths 8-30, horizon 6, positive trending levels
(growth with noise, some damped, some saturating), deterministic from ``--seed``.
"setup s" is the Dask LocalCluster start (not in "seconds"; its workers preload
``idcforecast.batch.preload`` as the README recommends, so loading the compiled kernels is in
"setup s"); the local engine's worker start-up (its fork server) IS in "seconds". Each case
also prints to the per-case JSON (``--json``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from typing import Any

import numpy as np

# Run from a clone without installing: make the package importable (workers inherit sys.path).
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

HORIZON = 6


def synthetic_panel(n_series: int, *, seed: int = 2024) -> Any:
    """Long frame of ``n_series`` positive annual series (lengths 8-30), built vectorized."""
    import pandas as pd

    rng = np.random.default_rng(seed)
    lengths = rng.integers(8, 31, size=n_series)
    ends = rng.integers(2018, 2025, size=n_series)
    owner = np.repeat(np.arange(n_series), lengths)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    step = np.arange(owner.size) - starts[owner]  # 0..len-1 within each series
    growth = rng.normal(0.07, 0.06, n_series)
    damping = rng.choice([1.0, 0.9, 0.75], size=n_series, p=[0.5, 0.3, 0.2])
    noise = rng.uniform(0.01, 0.12, n_series)
    # log-level: damped growth (phi^t) plus accumulated noise, restarted in every series
    drift = growth[owner] * damping[owner] ** step
    shocks = noise[owner] * rng.standard_normal(owner.size)
    increments = drift + shocks
    increments[starts] = 0.0
    total = np.cumsum(increments)
    log_level = np.log(rng.uniform(10, 5000, n_series))[owner] + total - total[starts][owner]
    width = len(str(n_series - 1))
    ids = np.array([f"s{i:0{width}d}" for i in range(n_series)], dtype=object)
    return pd.DataFrame(
        {
            "series_id": ids[owner],
            "year": (ends[owner] - lengths[owner] + 1 + step).astype(np.int64),
            "value": np.exp(log_level),
            "unit": "USD mn",
        }
    )


class TreeMemory:
    """Peak resident memory of this process and all its descendants (sampled)."""

    def __init__(self, interval: float = 0.02) -> None:
        import psutil

        self._root = psutil.Process()
        self._interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        import psutil

        total = self._root.memory_info().rss
        for child in self._root.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self._interval)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())


def run_case(n_series: int, engine: str, *, method: str, n_jobs: int, seed: int) -> dict:
    """One measurement, in this process (called in a child by :func:`main`)."""
    from idcforecast.batch import forecast_many

    data = synthetic_panel(n_series, seed=seed)
    with TreeMemory() as memory:
        cluster = client = None
        setup = 0.0
        if engine == "dask":
            from distributed import Client, LocalCluster

            t0 = time.perf_counter()
            cluster = LocalCluster(
                n_workers=n_jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address="127.0.0.1:0",
                host="127.0.0.1",
                preload=["idcforecast.batch.preload"],  # as the README recommends
            )
            client = Client(cluster)
            setup = time.perf_counter() - t0
        t0 = time.perf_counter()
        out = forecast_many(
            data,
            HORIZON,
            method=method,
            engine=engine,
            n_jobs=n_jobs if engine == "local" else None,  # the others refuse it
            client=client,
            progress=False,
            seed=0,
        )
        seconds = time.perf_counter() - t0
        if client is not None:
            client.close()
            cluster.close()
    status = out.drop_duplicates("series_id")["status"].value_counts().to_dict()
    return {
        "n_series": n_series,
        "engine": engine,
        "seconds": seconds,
        "setup_seconds": setup,
        "series_per_s": n_series / seconds,
        "peak_mb": memory.peak / 2**20,
        "input_mb": data.memory_usage(deep=True).sum() / 2**20,
        "result_mb": out.memory_usage(deep=True).sum() / 2**20,
        "status": status,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--engines", nargs="+", default=["serial", "local", "dask"])
    parser.add_argument("--method", default="auto")
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--json", default=None, help="also write the rows to this JSON file")
    parser.add_argument(
        "--one",
        nargs=2,
        metavar=("N", "ENGINE"),
        help="run one case (N series on ENGINE: serial, local or dask) in this process and "
        "print its row; the full table runs each case this way in its own process",
    )
    args = parser.parse_args(argv)

    if args.one:
        row = run_case(
            int(args.one[0]), args.one[1], method=args.method, n_jobs=args.n_jobs, seed=args.seed
        )
        print(json.dumps(row))
        return 0

    rows = []
    print(f"method={args.method!r} h={HORIZON} n_jobs={args.n_jobs} cores={os.cpu_count()}")
    header = f"{'series':>8} {'engine':>7} {'seconds':>8} {'series/s':>9} {'peak MB':>8} "
    print(header + f"{'input MB':>9} {'result MB':>10} {'setup s':>8} status")
    for n in args.sizes:
        for engine in args.engines:
            cmd = [sys.executable, __file__, "--one", str(n), engine]
            cmd += ["--method", args.method, "--n-jobs", str(args.n_jobs), "--seed", str(args.seed)]
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{n:>8} {engine:>7} FAILED\n{done.stderr[-2000:]}")
                continue
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(
                f"{n:>8} {engine:>7} {row['seconds']:>8.1f} {row['series_per_s']:>9.0f} "
                f"{row['peak_mb']:>8.0f} {row['input_mb']:>9.1f} {row['result_mb']:>10.1f} "
                f"{row['setup_seconds']:>8.1f} {row['status']}",
                flush=True,
            )
    by_key = {(r["n_series"], r["engine"]): r for r in rows}
    for n in args.sizes:
        serial = by_key.get((n, "serial"))
        for engine in ("local", "dask"):
            other = by_key.get((n, engine))
            if serial and other:
                ratio = other["series_per_s"] / serial["series_per_s"]
                print(f"speed-up {engine} vs serial at {n} series: {ratio:.2f}x")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(rows, handle, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
