"""Time ``check-claims`` and ``track-record`` on many claim sets, for one or more trees.

Usage (from the repository root)::

    python benchmarks/claims.py                         # this tree, 100 and 1,000 sets
    python benchmarks/claims.py --sizes 1000 --trees . /tmp/idcforecast-old

Each claim set is what the seed article says (a CAGR over a two-year period and a level
for its end year) about the bundled CIDC series, with random figures (deterministic from
``--seed``): every set is checked under both readings against the bundled actuals, and its
explanation written. Each case runs the command in a fresh Python process (imports and
the bundled data's load counted, as a user sees them) with ``PYTHONPATH`` set to the tree,
so an older checkout (``git worktree add /tmp/old <commit>`` or ``git archive``) runs
beside this one; the best of ``--repeat`` runs is printed (wall and CPU seconds; the CPU
time is steadier on a shared machine), with the output's sha256 so that two trees can be
seen to print the same text.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SUBJECT = "china_idc_cidc_overall"


def write_claims(path: Path, n_sets: int, *, seed: int) -> None:
    """``n_sets`` claim sets (a CAGR and its end level) about the CIDC series."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["claim_set", "subject", "kind", "value", "unit", "year", "start_year", "made"]
        )
        for i in range(n_sets):
            year = rng.choice([2019, 2020, 2021, 2022])
            rate, level = round(rng.uniform(15, 35), 1), round(rng.uniform(2000, 4000), 1)
            out.writerow([f"s{i}", SUBJECT, "cagr", rate, "%", year, year - 2, "2020"])
            out.writerow([f"s{i}", SUBJECT, "level", level, "CNY 100m", year, "", "2020"])


def check_tree(tree: Path, folder: Path) -> None:
    """Stop when ``tree`` would not be the idcforecast imported (an editable install or the
    working directory would time another checkout without a word)."""
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    found = subprocess.run(
        [sys.executable, "-c", "import idcforecast; print(idcforecast.__file__)"],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(tree.resolve()):
        raise SystemExit(f"{tree}: idcforecast is imported from {found}, not from the tree")


def run_case(tree: Path, command: str, path: Path) -> tuple[float, float, str]:
    """Wall seconds and CPU seconds (user + system) of one run of ``idcforecast COMMAND
    FILE`` with ``tree`` first on the path, and the sha256 of what it printed (first 12 hex
    digits). CPU time is the steadier figure on a shared machine."""
    env = {**os.environ, "PYTHONPATH": str(tree.resolve())}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "idcforecast", command, str(path)],
        env=env,
        cwd=path.parent,  # `python -m` puts the working directory first: not a checkout's
        capture_output=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode not in (0, 1):  # 1: some claim set is inconsistent
        raise SystemExit(f"{tree}: {command} failed:\n{done.stderr.decode()}")
    return seconds, cpu, hashlib.sha256(done.stdout).hexdigest()[:12]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--trees", nargs="+", default=[str(REPO)])
    parser.add_argument("--commands", nargs="+", default=["check-claims", "track-record"])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"{'tree':<40} {'command':<13} {'sets':>6} {'wall s':>7} {'cpu s':>6}  output sha256")
    with tempfile.TemporaryDirectory() as folder:
        for tree in args.trees:
            check_tree(Path(tree), Path(folder))
        for size in args.sizes:
            path = Path(folder) / f"claims_{size}.csv"
            write_claims(path, size, seed=args.seed)
            for command in args.commands:
                for tree in args.trees:
                    runs = [run_case(Path(tree), command, path) for _ in range(args.repeat)]
                    wall, cpu = min(r[0] for r in runs), min(r[1] for r in runs)
                    print(
                        f"{tree:<40} {command:<13} {size:>6} {wall:>7.2f} {cpu:>6.2f}  {runs[0][2]}"
                    )


if __name__ == "__main__":
    main()
