"""The forecast result of one series: :class:`SeriesForecast` (numpy only, picklable).

Made by :func:`idcforecast.forecasting.finish_forecast`; it keeps the calibrated per-step
sigma, so any interval level (:meth:`SeriesForecast.interval`) or sample paths
(:meth:`SeriesForecast.sample_paths`) can be derived later.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from idcforecast._forecast_inputs import resolve_levels
from idcforecast.calibration import DEFAULT_SETTINGS, CalibrationSettings, interval_bounds
from idcforecast.errors import ModelError

__all__ = ["SeriesForecast"]


@dataclass(frozen=True)
class SeriesForecast:
    """One series' forecast for steps ``1..h`` (numpy only, picklable).

    The fields are the constructor's parameters and the attributes of the same names
    (``forecast_array`` returns SeriesForecasts).

    Parameters
    ----------
    series_id
        The series it belongs to.
    mean
        Point forecasts (for log-scale results the median of the forecast distribution).
    lower, upper
        ``{level: bounds}`` for each requested level (percent).
    sigma
        Calibrated per-step error sigma on ``scale``.
    scale
        ``"log"``: ``lo/hi = mean * exp(-/+ q * sigma)``; ``"level"``: ``mean -/+ q * sigma``,
        with ``q = spread * t_quantile(level, tail_df)``
        (:class:`~idcforecast.calibration.CalibrationSettings`).
    model
        The method alias (the ``model`` column).
    components
        Aliases of the members combined (the method itself for a single model).
    status
        ``"ok"`` or ``"fallback"`` (members left out: see ``note``).
    note
        Why a fallback happened, gap filling, cap clipping; empty when nothing to say.
    cap
        Upper bound applied to every forecast and path, or None.
    settings
        The :class:`~idcforecast.calibration.CalibrationSettings` whose ``spread`` and
        ``tail_df`` turn ``sigma`` into the bounds of any level (:meth:`interval`); the
        package's defaults unless the forecast was calibrated with others.
    uncapped_mean
        With a cap that clipped the point forecast, the forecast before the cap: the centre
        of the error distribution, whose bounds and paths are then clipped (None
        otherwise). ``mean`` is the clipped forecast.
    """

    series_id: str
    mean: np.ndarray
    lower: dict[float, np.ndarray]
    upper: dict[float, np.ndarray]
    sigma: np.ndarray
    scale: str
    model: str
    components: tuple[str, ...]
    status: str = "ok"
    note: str = ""
    cap: float | None = None
    settings: CalibrationSettings = field(default=DEFAULT_SETTINGS, repr=False)
    uncapped_mean: np.ndarray | None = field(default=None, repr=False)

    @property
    def _center(self) -> np.ndarray:
        """The centre of the error distribution: the forecast before a cap clipped it (the
        clipped mean put the interval() bounds and the paths lower than the frame's)."""
        return self.mean if self.uncapped_mean is None else self.uncapped_mean

    def interval(self, level: float) -> tuple[np.ndarray, np.ndarray]:
        """Bounds of the central ``level`` % interval (any level, from ``sigma``)."""
        # checked as forecast()'s levels are: 150 gave NaN bounds, 100 gave 0 and inf
        levels = resolve_levels(level, caller=f"series {self.series_id!r}")
        if len(levels) != 1:
            raise ModelError(
                f"series {self.series_id!r}: interval() takes one level; got {level!r}; call "
                "it once per level",
                series_id=self.series_id,
            )
        level = levels[0]
        log = self.scale == "log"
        return _capped_interval(self._center, self.sigma, level, log, self.settings, self.cap)

    def sample_paths(self, n_paths: int, seed: int | np.random.Generator | None = None):
        """Draw ``(n_paths, h)`` paths from the calibrated error distribution.

        Gaussian random-walk increments with variances ``diff(sigma**2)``, times
        ``spread * sqrt(tail_df / chi2(tail_df))`` drawn once per path: every step's
        marginal is then ``spread * sigma_h * t(tail_df)``, the distribution the intervals
        use, and successive years are positively correlated, as cumulative market paths
        are. Log scale: paths are ``mean * exp(noise)``. The first ``k`` paths of a seed are
        the same whatever ``n_paths`` (at least ``k``) is asked.

        Examples
        --------
        >>> from idcforecast.forecasting import forecast_array
        >>> fc = forecast_array(np.array([10.0, 12.0, 14.5, 17.0, 20.5]), horizon=3)
        >>> fc.sample_paths(1000, seed=1).shape
        (1000, 3)
        """
        from idcforecast.models.base import _whole_count

        if not _whole_count(n_paths):  # 1.5 was int()-ed to one path
            raise ModelError(
                f"series {self.series_id!r}: n_paths must be a positive integer; got {n_paths!r}",
                series_id=self.series_id,
                n_paths=n_paths,
            )
        whole = isinstance(seed, int | np.integer) and not isinstance(seed, bool) and seed >= 0
        if not (seed is None or whole or isinstance(seed, np.random.Generator)):
            # seed=-1 or 1.5 was numpy's bare ValueError / TypeError ("expected non-negative
            # integer")
            raise ModelError(
                f"series {self.series_id!r}: seed must be a whole number 0 or more, a "
                f"numpy.random.Generator, or None; got {seed!r}; e.g. seed=7",
                series_id=self.series_id,
                seed=repr(seed),
            )
        # two independent streams (normals, tail mixing), each drawn path by path: the same
        # seed gives the same first paths whatever n_paths is
        normals, mixing = np.random.default_rng(seed).spawn(2)
        n = int(n_paths)
        step_sd = np.sqrt(np.diff(self.sigma**2, prepend=0.0).clip(min=0.0))
        noise = np.cumsum(step_sd * normals.standard_normal((n, self.mean.size)), axis=1)
        df = self.settings.tail_df
        mix = np.ones((n, 1)) if np.isinf(df) else np.sqrt(df / mixing.chisquare(df, (n, 1)))
        noise = noise * (self.settings.spread * mix)
        center = self._center
        paths = center * np.exp(noise) if self.scale == "log" else center + noise
        return self._clip(paths)

    def _clip(self, values: np.ndarray) -> np.ndarray:
        return _clip_at(values, self.cap)


def _clip_at(values: np.ndarray, cap: float | None) -> np.ndarray:
    return values if cap is None else np.minimum(values, cap)


def _capped_interval(
    mean: np.ndarray,
    sigma: np.ndarray,
    level: float,
    log: bool,
    settings: CalibrationSettings,
    cap: float | None,
) -> tuple[np.ndarray, np.ndarray]:
    lo, hi = interval_bounds(mean, sigma, level=level, log=log, settings=settings)
    return _clip_at(lo, cap), _clip_at(hi, cap)
