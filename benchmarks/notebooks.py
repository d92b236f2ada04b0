"""Time each notebook in notebooks/ executed top to bottom, as the test suite runs it.

Run from the repository root::

    python benchmarks/notebooks.py [--repeat N] [NAME ...]

Each run executes the notebook with nbclient in a fresh kernel and a temporary working
directory (so the PDF of notebook 02 lands there), with this source tree first on the
kernel's ``PYTHONPATH``. The time includes the kernel's start (about 1-2 s). Prints one row
per notebook: best and median wall time over the runs, the number of charts displayed, and
a verdict against the target of 60 s per notebook on this machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
TARGET_S = 60.0


def run_notebook(path: Path) -> tuple[float, int]:
    """Execute ``path`` once; return (seconds, charts displayed). Errors propagate."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        client = NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp}}
        )
        started = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - started
    charts = sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    return elapsed, charts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="notebook file names (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook (default 1)")
    args = parser.parse_args(argv)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    paths = sorted(NOTEBOOK_DIR.glob("*.ipynb"))
    if args.names:
        paths = [p for p in paths if p.name in args.names or p.stem in args.names]
    if not paths:
        print(f"no notebooks matched {args.names} in {NOTEBOOK_DIR}", file=sys.stderr)
        return 2

    print("| notebook | runs | best s | median s | charts | target s | verdict |")
    print("|:---|---:|---:|---:|---:|---:|:---|")
    slow = 0
    for path in paths:
        results = [run_notebook(path) for _ in range(args.repeat)]
        times = [seconds for seconds, _ in results]
        median = statistics.median(times)
        verdict = "ok" if median < TARGET_S else "SLOW"
        slow += verdict == "SLOW"
        print(
            f"| {path.name} | {len(times)} | {min(times):.1f} | {median:.1f} "
            f"| {results[-1][1]} | {TARGET_S:.0f} | {verdict} |"
        )
    return 1 if slow else 0


if __name__ == "__main__":
    raise SystemExit(main())
