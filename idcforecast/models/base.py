"""The model contract every forecasting model follows.

Models work on one 1-D numpy array of consecutive yearly observations; only the front door
(:func:`idcforecast.forecasting`) touches DataFrames, years and gaps.

The contract (scikit-learn style):

- keyword-only constructor parameters, stored verbatim as attributes (no validation there);
- ``fit(y) -> self`` validates ``y`` and sets fitted attributes ending in ``_``;
- ``predict(h, level=(80, 95)) -> Prediction`` (the model's own, uncalibrated intervals);
- ``simulate(h, n_paths, seed=None) -> ndarray`` of shape ``(n_paths, h)``;
- ``predict``/``simulate`` before ``fit`` raise :class:`~idcforecast.errors.NotFittedError`;
- a unique ``alias`` that becomes the ``model`` column of a forecast frame.

Subclasses implement ``_fit``, ``_predict_mean_sigma`` and, when their paths are not
Gaussian on the original scale, ``_simulate``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass, field
from numbers import Real
from typing import Any, ClassVar, Self

import numpy as np
from numpy.typing import ArrayLike, NDArray

from idcforecast.errors import (
    HorizonError,
    InsufficientDataError,
    ModelError,
    NonNumericValueError,
    NotFittedError,
)

__all__ = [
    "MODEL_REGISTRY",
    "ForecastModel",
    "Prediction",
    "gaussian_quantile_array",
    "normal_quantile",
    "register_model",
    "sqrt_steps",
]

FloatArray = NDArray[np.float64]

MODEL_REGISTRY: dict[str, type[ForecastModel]] = {}


def register_model(cls: type[ForecastModel]) -> type[ForecastModel]:
    """Class decorator: make a model available by its ``alias``.

    Raises
    ------
    ModelError
        If another class already uses the alias.
    """
    existing = MODEL_REGISTRY.get(cls.alias)
    if existing is not None and existing is not cls:
        raise ModelError(
            f"model alias {cls.alias!r} is used by both {existing.__name__} and "
            f"{cls.__name__}; aliases must be unique",
            alias=cls.alias,
        )
    MODEL_REGISTRY[cls.alias] = cls
    return cls


def _fewer_points_fix(min_obs: int) -> str:
    """The fix for a too-short series: more years, or models that need fewer points."""
    lower = sorted(
        (cls.min_obs, alias) for alias, cls in MODEL_REGISTRY.items() if cls.min_obs < min_obs
    )
    if not lower:
        return "add years"
    names = ", ".join(f"{alias!r} ({n})" for n, alias in lower[:3])
    return f"add years or use a model that needs fewer, such as {names}"


def normal_quantile(level: float) -> float:
    """Two-sided standard normal quantile for a central interval of ``level`` percent.

    Examples
    --------
    >>> round(normal_quantile(95), 4)
    1.96
    """
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + level / 200.0)


@dataclass(frozen=True)
class Prediction:
    """Point forecasts and central intervals for horizons ``1..h``.

    Attributes
    ----------
    mean
        Point forecasts, shape ``(h,)``.
    lower, upper
        Interval bounds by level (percent), each of shape ``(h,)``.
    sigma
        Per-step standard deviation of the forecast error on the model's working scale
        (``scale``), so any other level can be derived later.
    scale
        ``"level"`` when ``sigma`` is on the original scale, ``"log"`` when on log values.
    """

    mean: FloatArray
    lower: dict[float, FloatArray] = field(default_factory=dict)
    upper: dict[float, FloatArray] = field(default_factory=dict)
    sigma: FloatArray | None = None
    scale: str = "level"


def _whole_count(value: Any) -> bool:
    """Whether ``value`` is a positive integer (numpy integers too, bools not)."""
    return bool(isinstance(value, int | np.integer) and not isinstance(value, bool) and value >= 1)


def _check_levels(level: Sequence[float] | float) -> tuple[float, ...]:
    # text is one (bad) level: tuple("95") would silently be the levels 9 and 5
    single = level is None or isinstance(level, Real | str | bytes)
    given: tuple[Any, ...] = (level,) if single else tuple(level)  # type: ignore[arg-type]
    levels: list[float] = []
    for value in given:
        if isinstance(value, bool) or not isinstance(value, Real) or not 0 < float(value) < 100:
            raise ModelError(
                f"interval level {value!r} is not a percentage strictly between 0 and 100; "
                "pass levels like (80, 95)",
                level=value,
            )
        if float(value) < 1:  # as the front door (resolve_levels): 0.8 meant 80%
            raise ModelError(
                f"interval level {value!r} reads as a {float(value):g}% interval; levels are "
                f"percentages: pass {100 * float(value):g}, not {value!r} (as in "
                "level=(80, 95))",
                level=value,
            )
        levels.append(float(value))
    return tuple(levels)


class ForecastModel(ABC):
    """Base class: validation, the fitted-state check and the Gaussian defaults.

    Class attributes
    ----------------
    alias
        Unique short name (the ``model`` column).
    min_obs
        Fewest observations ``fit`` accepts.
    requires_positive
        True for models fitted on logs (every value must be > 0).
    """

    alias: ClassVar[str] = ""
    min_obs: ClassVar[int] = 1
    requires_positive: ClassVar[bool] = False

    # -- public contract -------------------------------------------------------------
    def fit(self, y: ArrayLike) -> Self:
        """Validate ``y`` (1-D, finite, long enough, positive where needed; a year-indexed
        pandas Series with consecutive years) and fit."""
        from idcforecast._forecast_inputs import check_index_years

        check_index_years(y, f"model {self.alias!r}", alias=self.alias)
        values = self._validate(y)
        self.n_obs_ = int(values.size)
        self.last_ = float(values[-1])
        self._fit(values)
        return self

    def fit_notes(self) -> tuple[str, ...]:
        """Caveats about this fit that a forecast's ``note`` should carry (none by default).

        Examples
        --------
        >>> from idcforecast.models import MODEL_REGISTRY
        >>> MODEL_REGISTRY["drift"]().fit([1.0, 2.0, 4.0]).fit_notes()
        ()
        """
        self._check_fitted()
        return ()

    def predict(self, h: int, level: Sequence[float] | float = (80, 95)) -> Prediction:
        """Forecast ``h`` steps ahead with central intervals at each ``level`` (percent)."""
        self._check_fitted()
        h = self._check_horizon(h, "predict")
        levels = _check_levels(level)
        mean, sigma = self._predict_mean_sigma(h)
        lower: dict[float, FloatArray] = {}
        upper: dict[float, FloatArray] = {}
        for lev in levels:
            z = normal_quantile(lev)
            lower[lev], upper[lev] = self._interval(mean, sigma, z)
        return Prediction(mean=mean, lower=lower, upper=upper, sigma=sigma, scale=self._scale)

    def simulate(
        self, h: int, n_paths: int, seed: int | np.random.Generator | None = None
    ) -> FloatArray:
        """Sample ``n_paths`` future paths of length ``h`` (rows are paths)."""
        self._check_fitted()
        h = self._check_horizon(h, "simulate")
        if not _whole_count(n_paths):  # 1.5 was int()-ed to one path, "3" to three
            raise ModelError(
                f"{self.alias} simulate(): n_paths must be a positive integer; got "
                f"{n_paths!r}; pass e.g. simulate({h}, n_paths=1000)",
                n_paths=n_paths,
            )
        rng = np.random.default_rng(seed)
        return self._simulate(h, int(n_paths), rng)

    def get_params(self) -> dict[str, Any]:
        """The constructor parameters, as stored."""
        import inspect

        names = [
            p.name
            for p in inspect.signature(type(self).__init__).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY
        ]
        return {name: getattr(self, name) for name in names}

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({params})"

    # -- for subclasses ----------------------------------------------------------------
    _scale: ClassVar[str] = "level"

    def _requirements(self) -> tuple[int, bool]:
        """``(min_obs, requires_positive)`` for this instance; models whose needs depend on
        their parameters (combinations of members) override it."""
        return self.min_obs, self.requires_positive

    @abstractmethod
    def _fit(self, y: FloatArray) -> None:
        """Estimate parameters from validated ``y``; set attributes ending in ``_``."""

    @abstractmethod
    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        """Point forecasts and per-step error sigma (on ``_scale``) for ``1..h``."""

    def _interval(
        self, mean: FloatArray, sigma: FloatArray, z: float
    ) -> tuple[FloatArray, FloatArray]:
        return mean - z * sigma, mean + z * sigma

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        # Default: Gaussian paths whose marginals match predict(); subclasses whose errors
        # accumulate (random walks, ETS) override this with their own recursion.
        mean, sigma = self._predict_mean_sigma(h)
        return mean + sigma * rng.standard_normal((n_paths, h))

    # -- helpers -----------------------------------------------------------------------
    def _check_fitted(self) -> None:
        if not hasattr(self, "n_obs_"):
            raise NotFittedError(
                f"this {type(self).__name__} (alias {self.alias!r}) is not fitted yet; "
                "call fit(y) before predict() or simulate()",
                alias=self.alias,
            )

    def _check_horizon(self, h: int, method: str) -> int:
        """``h`` as an int, or a :class:`HorizonError` naming the model and the ``method``
        called (was "horizon must be ...": no function, and no ``h``, the argument's name)."""
        if isinstance(h, bool) or not isinstance(h, int | np.integer) or int(h) < 1:
            from idcforecast._forecast_inputs import as_typed, horizon_fix

            raise HorizonError(
                f"{self.alias} {method}(): horizon h must be a positive integer number of "
                f"years; got {as_typed(h)!r}; {horizon_fix(h, f'{method}(5)')}",
                horizon=h,
            )
        return int(h)

    def _validate(self, y: ArrayLike) -> FloatArray:
        try:
            values = np.asarray(y, dtype=np.float64)
        except (TypeError, ValueError) as err:
            raise NonNumericValueError(
                f"model {self.alias!r}: observations must be numbers; got {y!r} ({err})",
                alias=self.alias,
            ) from None
        if values.ndim != 1:
            raise ModelError(
                f"model {self.alias!r}: expected a 1-D array of yearly values; got shape "
                f"{values.shape}; fit one series at a time (forecast_many for several)",
                alias=self.alias,
            )
        bad = np.flatnonzero(~np.isfinite(values))
        if bad.size:
            i = int(bad[0])
            raise NonNumericValueError(
                f"model {self.alias!r}: observation {i} is {float(values[i])!r}; every value "
                "must be finite (fill or drop gaps before fitting)",
                alias=self.alias,
                index=i,
            )
        min_obs, requires_positive = self._requirements()
        if values.size < min_obs:
            raise InsufficientDataError(
                f"model {self.alias!r} needs at least {min_obs} observations; got "
                f"{values.size}; {_fewer_points_fix(min_obs)}",
                alias=self.alias,
                n_obs=int(values.size),
                min_obs=min_obs,
            )
        if requires_positive and np.any(values <= 0):
            i = int(np.flatnonzero(values <= 0)[0])
            raise ModelError(
                f"model {self.alias!r} works on logarithms and needs positive values; "
                f"observation {i} is {float(values[i])!r}; use a level model such as 'drift' "
                "instead",
                alias=self.alias,
                index=i,
            )
        return values


def sqrt_steps(h: int) -> FloatArray:
    """``sqrt(1..h)``: the random-walk growth of error spread with the horizon."""
    return np.sqrt(np.arange(1, h + 1, dtype=np.float64))


def gaussian_quantile_array(levels: Sequence[float]) -> FloatArray:
    """Vector of :func:`normal_quantile` values."""
    return np.array([normal_quantile(v) for v in levels])
