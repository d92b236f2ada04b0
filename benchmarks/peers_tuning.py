"""Beyond M3's test years: our "auto" against statsforecast on the eight tuning sets.

Usage (from the repository root, with idcforecast's bench extra installed)::

    python benchmarks/peers_tuning.py --cache /tmp/tune_cache.npz

M3 Yearly's test years are one sample of 645 series, and "auto" narrowly misses the mean of
statsforecast's AutoETS, AutoTheta and AutoARIMA there (``peers.py``). This script asks
whether that holds on other annual series: the 4,087 series of the tuning sets of
``tune_auto.py`` (M1 and Tourism Yearly test periods, M3 Yearly training tails, M3/Tourism/M1
quarterly and monthly series summed to annual totals; none uses M3 Yearly's test years).

"auto" was CHOSEN on these sets, so its score on them flatters it. The honest number for us
is the leave-one-set-out score of the rule that chose it (``tune_auto.SHIPPED_RULE`` over
``tune_auto.SHIPPED_SEARCH``): for each set, the combination that rule picks on the other
seven sets, scored on this one. Both are printed; statsforecast's models were not tuned on
any of these sets, so their scores are out of sample as they stand.

statsforecast runs in ``benchmarks/.venv-peers`` (``peers.ensure_peer_venv``), with
``season_length=1`` and ``fallback_model=Naive()`` (its documented way to keep going when a
model refuses a series, as AutoETS does for "tiny datasets"). Everything is scored here with
``tune_auto.scores`` (sMAPE and MASE per series over the held-out years, then averaged), OWA
against naive per set. Writes ``benchmarks/results/peers_tuning.md``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
for path in (REPO, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

RESULTS = HERE / "results" / "peers_tuning.md"
PEERS = ("AutoETS", "AutoTheta", "AutoARIMA")

PEER_SCRIPT = textwrap.dedent(
    """
    import sys, warnings
    import numpy as np
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta, Naive

    warnings.simplefilter("ignore")
    inp, out, n_jobs, h = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    data = np.load(inp, allow_pickle=False)
    result = {}
    for key in data.files:
        if not key.endswith("__offsets"):
            continue
        name = key[: -len("__offsets")]
        offsets, values = data[key], data[name + "__values"]
        lengths = np.diff(offsets)
        ids = np.repeat(np.arange(lengths.size), lengths)
        step = np.arange(values.size) - offsets[:-1][ids]
        df = pd.DataFrame({"unique_id": ids, "ds": step + 1, "y": values})
        models = [AutoETS(season_length=1), AutoTheta(season_length=1), AutoARIMA(season_length=1)]
        sf = StatsForecast(models=models, freq=1, n_jobs=n_jobs, fallback_model=Naive())
        fc = sf.forecast(df=df, h=h).sort_values(["unique_id", "ds"])
        for model in ("AutoETS", "AutoTheta", "AutoARIMA"):
            result[name + "__" + model] = fc[model].to_numpy().reshape(lengths.size, h)
        print(name, lengths.size, flush=True)
    np.savez(out, **result)
    """
)


def run_peers_on_sets(python: Path, sets: dict, *, n_jobs: int) -> dict[str, np.ndarray]:
    """statsforecast's three models on each set's fitting years: ``"set__model" -> (S, 6)``."""
    from peers import _pack
    from tune_auto import HORIZON

    with tempfile.TemporaryDirectory() as tmp:
        inp, out, script = Path(tmp, "in.npz"), Path(tmp, "out.npz"), Path(tmp, "peer.py")
        arrays: dict[str, Any] = {}
        for name, pairs in sets.items():
            arrays[name + "__offsets"], arrays[name + "__values"] = _pack([f for f, _ in pairs])
        np.savez(inp, **arrays)
        script.write_text(PEER_SCRIPT, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        command = [str(python), str(script), str(inp), str(out), str(n_jobs), str(HORIZON)]
        subprocess.run(command, check=True, env=env)
        with np.load(out, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}


def shipped_auto(sets: dict, *, n_jobs: int) -> dict[str, np.ndarray]:
    """The released "auto" (``forecast_many``) on each set's fitting years: ``(S, 6)``."""
    import pandas as pd
    from tune_auto import HORIZON

    from idcforecast.batch import forecast_many

    out = {}
    for name, pairs in sets.items():
        fits = [f for f, _ in pairs]
        frame = pd.DataFrame(
            {
                # zero-padded ids: the result sorts back into the input order
                "series_id": np.repeat(
                    [f"s{i:06d}" for i in range(len(fits))], [f.size for f in fits]
                ),
                "year": np.concatenate([np.arange(2000, 2000 + f.size) for f in fits]),
                "value": np.concatenate(fits),
            }
        )
        result = forecast_many(frame, HORIZON, engine="local", n_jobs=n_jobs, progress=False)
        result = result.sort_values(["series_id", "year"])
        out[name] = result["mean"].to_numpy().reshape(len(fits), HORIZON)
    return out


def main(argv: list[str] | None = None) -> int:
    from peers import ensure_peer_venv
    from tune_auto import (
        CANDIDATES,
        SHIPPED_RULE,
        SHIPPED_SEARCH,
        combine,
        held_matrix,
        held_out_owa,
        load_caches,
        score_combinations,
        scores,
        selection_rules,
    )

    from idcforecast.auto import AUTO_MEMBERS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=None, help="tune_auto's npz cache")
    parser.add_argument(
        "--peer-cache", type=Path, default=None, help="npz file keeping statsforecast's forecasts"
    )
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)

    sets, stacks = load_caches(args.n_jobs, args.cache)
    names = list(sets)
    if args.peer_cache is not None and args.peer_cache.exists():
        with np.load(args.peer_cache) as data:
            peer = {k: data[k] for k in data.files}
    else:
        t0 = time.perf_counter()
        peer = run_peers_on_sets(ensure_peer_venv(), sets, n_jobs=args.n_jobs)
        peer["seconds"] = np.float64(time.perf_counter() - t0)
        if args.peer_cache is not None:
            np.savez(args.peer_cache, **peer)
    ours = shipped_auto(sets, n_jobs=args.n_jobs)

    # leave-one-set-out score of the rule that chose "auto", over the candidates it saw
    scored = score_combinations(sets, stacks, SHIPPED_SEARCH)
    labels = [label for label, _, _ in scored]
    owa_matrix = np.vstack([owas for _, owas, _ in scored])
    mask = selection_rules(labels)[SHIPPED_RULE]
    held_out = held_out_owa(owa_matrix, mask, worst="worst" in SHIPPED_RULE)

    held = {name: held_matrix(pairs) for name, pairs in sets.items()}
    naive_row = CANDIDATES.index("naive")
    naive = {name: scores(stacks[name][naive_row, :, 0], *held[name]) for name in names}
    columns: dict[str, dict[str, tuple[float, float, float]]] = {}

    def score_owa(name: str, forecast: np.ndarray) -> tuple[float, float, float]:
        s, m = scores(forecast, *held[name])
        return s, m, 0.5 * (s / naive[name][0] + m / naive[name][1])

    def add(column: str, name: str, forecast: np.ndarray) -> None:
        columns.setdefault(column, {})[name] = score_owa(name, forecast)

    for name in names:
        for model in PEERS:
            add(model, name, peer[f"{name}__{model}"])
        add("mean of three", name, np.mean([peer[f"{name}__{m}"] for m in PEERS], axis=0))
        add('"auto" (tuned on these sets)', name, ours[name])

    header = ["set", "series", *columns, '"auto" rule, leave one set out (OWA)']
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
    ]
    for i, name in enumerate(names):
        cells = [
            f"{c[name][0]:.2f} / {c[name][1]:.3f} / {c[name][2]:.3f}" for c in columns.values()
        ]
        lines.append(
            f"| {name} | {len(sets[name])} | " + " | ".join(cells) + f" | {held_out[i]:.3f} |"
        )
    means = [f"{np.mean([c[n][2] for n in names]):.4f}" for c in columns.values()]
    lines.append(f"| mean OWA | {sum(len(v) for v in sets.values())} | " + " | ".join(means))
    lines[-1] += f" | {held_out.mean():.4f} |"
    wins = sum(held_out[i] < columns["mean of three"][n][2] for i, n in enumerate(names))
    timing = (
        f"statsforecast: {float(peer['seconds']):.0f} s for the three models on all sets with "
        f"n_jobs={args.n_jobs} (environment start and numba compile included)."
    )
    summary = (
        f'Cells: sMAPE / MASE / OWA against naive. The "auto" rule held out beats the mean of '
        f"three on {wins} of {len(names)} sets. {timing}"
    )
    # would the peers help as members of the median? ("auto"'s six members plus peer models)
    rows = [CANDIDATES.index(m.name) for m in AUTO_MEMBERS]
    extras = [(m,) for m in PEERS] + [PEERS]
    member_lines = []
    for extra in extras:
        owas = []
        for name in names:
            stack = np.concatenate(
                [stacks[name][rows, :, 0], np.stack([peer[f"{name}__{m}"] for m in extra])]
            )
            owas.append(score_owa(name, combine(stack, "median"))[2])
        member_lines.append(
            f'- median of "auto"\'s six members and {" + ".join(extra)}: mean OWA '
            f"{np.mean(owas):.4f} (" + ", ".join(f"{v:.3f}" for v in owas) + ")"
        )
    table = "\n".join(lines)
    print(table)
    print(summary)
    print("\n".join(member_lines))
    if not args.no_write:
        RESULTS.write_text(
            '# Our "auto" against statsforecast on the tuning sets\n\n'
            "Written by `python benchmarks/peers_tuning.py` (see its docstring).\n\n"
            f"{table}\n\n{summary}\n\nThe peers as extra members of the median (the "
            '"auto" (tuned) column is the six alone):\n\n' + "\n".join(member_lines) + "\n",
            encoding="utf-8",
        )
        print(f"wrote {RESULTS.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
