"""Forecast combinations: the mean, median or weighted mean of member models."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from idcforecast._wording import counted
from idcforecast.errors import IdcForecastError, ModelError, UnknownMethodError
from idcforecast.models.base import (
    MODEL_REGISTRY,
    FloatArray,
    ForecastModel,
    register_model,
)

__all__ = ["MeanCombination", "MedianCombination", "WeightedCombination"]

DEFAULT_MEMBERS = ("drift", "damped", "theta")


class _Combination(ForecastModel):
    """Shared machinery; subclasses choose how point forecasts and spreads are pooled.

    The combined distribution is Gaussian on one scale, so ``sigma`` and ``scale`` define
    it exactly as for any other model: ``scale`` is ``"log"`` when every member is a log
    model (then ``sigma`` pools the members' log sigmas), ``"level"`` otherwise (then a
    log member contributes its level-scale half-width ``mean * sinh(sigma)``, the half
    distance between its ``-/+1 sigma`` bounds). The spread is pooled like the point
    forecasts (mean, median or weighted mean of the members' sigmas): that assumes the
    members' errors are perfectly correlated, a deliberate upper bound, since models fitted
    to the same short series make closely related errors (pooling as if independent would
    give intervals that are far too narrow). The front door recalibrates widths from
    rolling-origin errors in any case.

    ``simulate`` draws ``mean + sigma_h * Z_h`` (``mean * exp(sigma_h * Z_h)`` on the log
    scale) with ``Z_h = (e_1 + ... + e_h) / sqrt(h)``: exactly the marginals of
    ``predict``, with random-walk-like correlation along each path.

    Every member must fit: a member's error (too few points, a log member on a
    non-positive series, a saturation curve that does not converge) is raised as is, and
    the front door's fallback takes over.
    """

    min_obs: ClassVar[int] = 6  # of the default members (damped)

    members: tuple[str, ...] | Sequence[str]

    def _member_classes(self) -> list[type[ForecastModel]]:
        names = (self.members,) if isinstance(self.members, str) else tuple(self.members)
        if not names:
            raise ModelError(
                f"model {self.alias!r}: members is empty; pass model aliases such as "
                f"{DEFAULT_MEMBERS!r}",
                alias=self.alias,
            )
        classes = []
        for name in names:
            cls = MODEL_REGISTRY.get(name)
            if cls is None:
                raise UnknownMethodError(
                    f"model {self.alias!r}: unknown member model {name!r}; registered "
                    f"aliases are {', '.join(sorted(MODEL_REGISTRY))}",
                    alias=self.alias,
                    member=name,
                )
            classes.append(cls)
        return classes

    def _requirements(self) -> tuple[int, bool]:
        classes = self._member_classes()
        return (
            max(cls.min_obs for cls in classes),
            any(cls.requires_positive for cls in classes),
        )

    def _member_weights(self, n_members: int) -> FloatArray:
        return np.full(n_members, 1.0 / n_members)

    def _fit(self, y: FloatArray) -> None:
        classes = self._member_classes()
        self.weights_ = self._member_weights(len(classes))
        self.members_ = [cls().fit(y) for cls in classes]
        self.scale_ = "log" if all(m._scale == "log" for m in self.members_) else "level"

    @property
    def _scale(self) -> str:  # type: ignore[override]
        return getattr(self, "scale_", "level")

    def _member_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        means, sigmas = [], []
        for model in self.members_:
            mean, sigma = model._predict_mean_sigma(h)
            if model._scale == "log" and self.scale_ == "level":
                sigma = mean * np.sinh(sigma)
            means.append(mean)
            sigmas.append(sigma)
        return np.array(means), np.array(sigmas)

    def _pool(self, values: FloatArray) -> FloatArray:
        return self.weights_ @ values

    def _predict_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        means, sigmas = self._member_mean_sigma(h)
        return self._pool(means), self._pool(sigmas)

    def _interval(
        self, mean: FloatArray, sigma: FloatArray, z: float
    ) -> tuple[FloatArray, FloatArray]:
        if self.scale_ == "log":
            return mean * np.exp(-z * sigma), mean * np.exp(z * sigma)
        return mean - z * sigma, mean + z * sigma

    def _simulate(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        mean, sigma = self._predict_mean_sigma(h)
        steps = np.arange(1, h + 1, dtype=np.float64)
        z = np.cumsum(rng.standard_normal((n_paths, h)), axis=1) / np.sqrt(steps)
        if self.scale_ == "log":
            return mean * np.exp(sigma * z)
        return mean + sigma * z


@register_model
class MeanCombination(_Combination):
    """Equal-weight mean of member models (point forecasts and spreads).

    The simple average of a few robust models is hard to beat on yearly data (M3's
    Comb S-H-D, M4's best statistical entries). See ``_Combination`` for how the spread is
    pooled and simulated.

    Parameters
    ----------
    members
        Aliases of registered models (default ``drift, damped, theta``).

    Examples
    --------
    >>> y = [100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0]
    >>> model = MeanCombination(members=("naive", "drift")).fit(y)
    >>> round(float(model.predict(1).mean[0]), 6)  # (171 + (171 + 71 / 7)) / 2
    176.071429
    """

    alias = "mean"

    def __init__(self, *, members: Sequence[str] = DEFAULT_MEMBERS) -> None:
        self.members = members


@register_model
class MedianCombination(_Combination):
    """Median of member models, step by step (robust to one wild member).

    Point forecasts are the median of the members' forecasts and ``sigma`` the median of
    their (level-scale) sigmas. With an even number of members the median is the mean of
    the middle two.

    Parameters
    ----------
    members
        Aliases of registered models (default ``drift, damped, theta``).

    Examples
    --------
    >>> y = [100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0]
    >>> model = MedianCombination(members=("naive", "drift", "loglinear")).fit(y)
    >>> float(model.predict(1).mean[0]) == float(model.members_[1].predict(1).mean[0])
    True
    """

    alias = "median"

    def __init__(self, *, members: Sequence[str] = DEFAULT_MEMBERS) -> None:
        self.members = members

    def _pool(self, values: FloatArray) -> FloatArray:
        return np.median(values, axis=0)


@register_model
class WeightedCombination(_Combination):
    """Weighted mean of member models, the weights from the members' backtest errors.

    With ``weights=None`` (what ``forecast(method="weighted")`` uses) each member is refitted
    at up to ``WEIGHT_ORIGINS`` earlier cutoffs of the series (the latest ones at which
    every member can fit) and forecasts up to ``WEIGHT_HORIZON`` years from each; a
    member's weight is proportional to the inverse of its mean absolute error over all
    those forecasts (members that never missed share the weight). The errors share one
    scale on one series, so no scaling is needed. Too short a series for any cutoff gets
    equal weights; :meth:`fit_notes` gives the weights and where they come from (a
    forecast's ``note`` carries it). Years the front door filled in a gap count as
    actuals here.

    Parameters
    ----------
    members
        Aliases of registered models.
    weights
        One non-negative weight per member (normalised to sum to 1) to use instead of the
        backtest weights.

    Attributes
    ----------
    weights_
        The weights used, one per member.
    weight_origins_
        How many earlier cutoffs the weights come from (0: equal weights, or given ones).

    Examples
    --------
    >>> y = [100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0]
    >>> model = WeightedCombination(members=("naive", "drift"), weights=(3, 1)).fit(y)
    >>> model.weights_.tolist()
    [0.75, 0.25]
    >>> model = WeightedCombination(members=("naive", "drift")).fit(y)
    >>> model.weight_origins_, [round(float(w), 3) for w in model.weights_]
    (5, [0.15, 0.85])
    """

    alias = "weighted"

    def __init__(
        self,
        *,
        members: Sequence[str] = DEFAULT_MEMBERS,
        weights: Sequence[float] | None = None,
    ) -> None:
        self.members = members
        self.weights = weights

    def _fit(self, y: FloatArray) -> None:
        super()._fit(y)
        self.weight_origins_ = 0
        self.weight_failures_ = 0
        if self.weights is None:
            weights, origins, failures = _backtest_weights(self._member_classes(), y)
            self.weight_failures_ = failures
            if origins:
                self.weights_, self.weight_origins_ = weights, origins

    def fit_notes(self) -> tuple[str, ...]:
        """The weights, and where they come from.

        Examples
        --------
        >>> y = [100.0, 112.0, 121.0, 135.0, 146.0, 154.0, 166.0, 171.0]
        >>> WeightedCombination(members=("naive", "drift")).fit(y).fit_notes()
        ('weights naive 0.15, drift 0.85, from backtests at 5 earlier cutoffs',)
        """
        self._check_fitted()
        names = (self.members,) if isinstance(self.members, str) else tuple(self.members)
        shares = ", ".join(f"{n} {w:.2f}" for n, w in zip(names, self.weights_, strict=True))
        if self.weights is not None:
            return (f"weights {shares}, as given",)
        failed = (
            f" ({counted(self.weight_failures_, 'cutoff')} left out: a member's refit failed)"
            if self.weight_failures_
            else ""
        )
        if self.weight_origins_ == 0:
            why = (
                "no earlier cutoff where every member could be refitted"
                if failed
                else ("too few points to backtest the members at an earlier cutoff")
            )
            return (f"weights {shares}: equal, {why}{failed}",)
        return (
            f"weights {shares}, from backtests at {self.weight_origins_} earlier cutoffs{failed}",
        )

    def _member_weights(self, n_members: int) -> FloatArray:
        if self.weights is None:
            return super()._member_weights(n_members)
        try:
            weights = np.asarray(self.weights, dtype=np.float64)
        except (TypeError, ValueError):
            weights = np.array([np.nan])
        if weights.shape != (n_members,):
            raise ModelError(
                f"model 'weighted': weights={self.weights!r} has "
                f"{counted(weights.size, 'entry', 'entries')} for {counted(n_members, 'member')}; "
                "pass one weight per member or weights=None",
                alias=self.alias,
                weights=self.weights,
            )
        if not np.all(np.isfinite(weights)) or np.any(weights < 0) or weights.sum() <= 0:
            raise ModelError(
                f"model 'weighted': weights={self.weights!r} must be finite, non-negative and "
                "not all zero; pass e.g. inverse backtest errors",
                alias=self.alias,
                weights=self.weights,
            )
        return weights / weights.sum()


WEIGHT_ORIGINS = 8  # earlier cutoffs the backtest weights come from (as the calibration)
WEIGHT_HORIZON = 6  # years forecast from each cutoff


def _backtest_weights(
    classes: Sequence[type[ForecastModel]], y: FloatArray
) -> tuple[FloatArray, int, int]:
    """Inverse mean absolute backtest errors of each member (normalised), the number of
    cutoffs they come from and the number left out because a member's refit failed;
    ``(equal weights, 0, failed)`` when no cutoff is left.

    A cutoff where any member cannot be refitted (a logistic on a stretch that does not
    rise) is left out for every member, so all are scored on the same forecasts; it used to
    fail the whole fit although every member fits the full series."""
    n = y.size
    shortest = max(cls.min_obs for cls in classes)
    cutoffs = range(max(shortest, n - WEIGHT_ORIGINS), n)  # a cutoff t fits y[:t]
    errors = np.zeros(len(classes))
    count = used = failed = 0
    for t in cutoffs:
        h = min(WEIGHT_HORIZON, n - t)
        actual = y[t : t + h]
        try:
            step = [
                float(np.abs(cls().fit(y[:t]).predict(h, level=()).mean - actual).sum())
                for cls in classes
            ]
        except IdcForecastError:
            failed += 1
            continue
        errors += step
        count += h
        used += 1
    if count == 0:
        return np.full(len(classes), 1.0 / len(classes)), 0, failed
    mae = errors / count
    perfect = mae <= 0
    inverse = perfect.astype(np.float64) if perfect.any() else 1.0 / mae
    return inverse / inverse.sum(), used, failed
