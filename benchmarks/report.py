"""Time the main job end to end and the command line's start-up cost.

Run from the repository root::

    python benchmarks/report.py [--repeat N]

Prints two tables:

1. ``idcforecast report`` (the default report: bundled CIDC-scope series, forecast to 2030)
   run as a fresh process, wall time per run; target under 15 s on this machine.
2. ``idcforecast --help`` against ``python -c "import pandas"``, fresh processes, best of N;
   target: the CLI starts in at most 2x the time of importing pandas (lazy imports).

The report is written to a temporary folder; nothing in ``reports/`` is touched.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REPORT_TARGET_S = 15.0
STARTUP_TARGET_RATIO = 2.0


def _run(args: list[str]) -> float:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
        raise SystemExit(f"{' '.join(args[1:])} failed (exit {done.returncode}): {last}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (default 3)")
    args = parser.parse_args()
    python = sys.executable

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "china-idc-market.pdf"
        command = [python, "-m", "idcforecast", "report", "--out", str(out), "--date", "2026-01-01"]
        times = [_run(command) for _ in range(args.repeat)]
        size_kb = out.stat().st_size / 1024
    best, median = min(times), statistics.median(times)
    print("## idcforecast report (default report, fresh process)\n")
    print("| runs | best s | median s | target s | PDF size kB | verdict |")
    print("|---:|---:|---:|---:|---:|:---|")
    verdict = "ok" if median < REPORT_TARGET_S else "SLOW"
    print(
        f"| {len(times)} | {best:.2f} | {median:.2f} | {REPORT_TARGET_S:.0f} | {size_kb:.0f} "
        f"| {verdict} |"
    )

    runs = max(args.repeat, 5)
    cli = min(_run([python, "-m", "idcforecast", "--help"]) for _ in range(runs))
    pandas = min(_run([python, "-c", "import pandas"]) for _ in range(runs))
    ratio = cli / pandas
    print(f"\n## start-up: idcforecast --help vs import pandas (fresh process, best of {runs})\n")
    print("| idcforecast --help s | import pandas s | ratio | target | verdict |")
    print("|---:|---:|---:|---:|:---|")
    verdict = "ok" if ratio <= STARTUP_TARGET_RATIO else "SLOW"
    print(
        f"| {cli:.3f} | {pandas:.3f} | {ratio:.2f} | <= {STARTUP_TARGET_RATIO:.0f}x | {verdict} |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
