"""Saturation curves (logistic, Gompertz) with a given or estimated cap, fitted on logs.

The curve ``f(s) = cap * g(a + b s)`` (``s`` = years since the last observation, so
``g(a)`` is the share of the cap already reached) is fitted to ``log(y)`` by
``scipy.optimize.least_squares`` (trust-region reflective, with bounds): ``log cap``
within ``cap_bounds`` times the last observation, ``b`` (speed of adoption) in
``(1e-6, 3]`` per year. The fit runs on ``log(y / y_last)`` (the cap in units of the last
observation), so forecasts are the same in any unit to ~1e-12, not to the optimiser's
tolerance.

Forecasts start from the last observation: the fitted cap and speed ``b`` are kept and
the curve is shifted along time to pass through ``y_last`` (``a`` becomes
``g^-1(y_last / cap)``), so the forecast bends from the last value towards the cap. The
least-squares curve itself often passes below the last value (a curve that cannot follow
the recent growth compromises over the whole history): its first forecast then fell
below the last observation for 25-61% of the series of the yearly tuning sets (M1,
Tourism, M3 training years), and starting from the last value was more accurate on every
one of them (sMAPE 19.8 -> 17.8 on M1, 24.0 -> 21.3 on Tourism, 22.5 -> 19.8 on M3
training years for the logistic with an estimated cap; the Gompertz and a given cap of
twice the last value gained as much; scratch measurement of 2026-12-06).

Intervals: the log-scale residual variance ``s^2 = SSE / (T - k)`` plus the parameter
uncertainty by the delta method, ``g_h' Cov g_h`` with ``Cov = s^2 (J'J)^-1`` from the
Jacobian at the optimum and ``g_h`` the gradient of the anchored curve (it depends on the
cap and ``b`` only). The anchored forecast's error is the difference of two errors around
the curve (step ``h``'s and the last observation's), hence ``2 s^2`` for the residual part,
with the last one shared by every step of a path. Honest limits: the delta method is a
local, linear approximation (poor when the cap is weakly identified, which is usual before
the inflection point); a cap estimate sitting on a bound is treated as fixed for the
variance (``cap_at_bound_`` is then true) so the intervals ignore cap uncertainty; errors
are assumed independent around the curve, so long-horizon intervals are too narrow for
series that wander. ``forecast()`` does not use these intervals: it calibrates every
method's from its own rolling-origin errors. Simulated paths are Gaussian on the log scale
with the same covariance, so their marginals equal the intervals.
"""

from __future__ import annotations

from abc import abstractmethod
from typing import ClassVar

import numpy as np

from idcforecast.errors import ConvergenceError, ModelError
from idcforecast.models._logscale import LogScaleMixin
from idcforecast.models.base import FloatArray, ForecastModel

__all__ = ["SaturationModel"]

SLOPE_BOUNDS = (1e-6, 3.0)


def _figure(value: float) -> str:
    """A cap as an analyst reads it: "25,391" (was "2.539e+04"), "95.76", "0.1235"."""
    if 1000 <= abs(value) < 1e15:
        return f"{value:,.0f}"
    return f"{value:.4g}"


class SaturationModel(LogScaleMixin, ForecastModel):
    """Shared fit/predict of ``logistic`` and ``gompertz``.

    Subclasses define ``_log_shape(x)`` (``log g(x)``) and ``_log_shape_grad(x)`` (its
    derivative), and ``_linearise(share)`` (the inverse of ``g``, for starting values).
    """

    min_obs: ClassVar[int] = 5

    cap: float | None
    cap_bounds: tuple[float, float]

    def __init__(
        self, *, cap: float | None = None, cap_bounds: tuple[float, float] = (1.05, 5.0)
    ) -> None:
        self.cap = cap
        self.cap_bounds = cap_bounds

    # -- curve shape, per subclass ----------------------------------------------------------
    @staticmethod
    @abstractmethod
    def _log_shape(x: FloatArray) -> FloatArray:
        """``log g(x)``: the log of the share of the cap reached."""

    @staticmethod
    @abstractmethod
    def _log_shape_grad(x: FloatArray) -> FloatArray:
        """Derivative of ``log g(x)``."""

    @staticmethod
    @abstractmethod
    def _linearise(share: FloatArray) -> FloatArray:
        """``g^-1(share)``: straightens the curve for starting values."""

    # -- fitting -------------------------------------------------------------------------
    def _requirements(self) -> tuple[int, bool]:
        # A given cap leaves two parameters: four points give two residual degrees of freedom.
        return (4 if self.cap is not None else self.min_obs), True

    def _check_options(self, last: float, i_last: int) -> tuple[float, float]:
        """Validate ``cap``/``cap_bounds``; return the range allowed for an estimated cap."""
        lo, hi = (float(v) for v in self.cap_bounds)
        if not 1.0 < lo < hi:
            raise ModelError(
                f"model {self.alias!r}: cap_bounds={self.cap_bounds!r} must be (low, high) "
                "multiples of the last observation with 1 < low < high; e.g. (1.05, 5.0)",
                alias=self.alias,
                cap_bounds=self.cap_bounds,
            )
        if self.cap is not None and not float(self.cap) > last:
            raise ModelError(
                f"model {self.alias!r}: cap={self.cap!r} is not above the last observation "
                f"{last!r} (index {i_last}); a saturation level must exceed the data: pass a "
                f"larger cap, or cap=None to estimate it between {lo} and {hi} times the last "
                "observation",
                alias=self.alias,
                cap=self.cap,
                last=last,
            )
        return lo * last, hi * last

    def _curve_log(self, params: FloatArray, s: FloatArray, log_cap: float | None) -> FloatArray:
        if log_cap is None:
            log_cap, a, b = params
        else:
            a, b = params
        return log_cap + self._log_shape(a + b * s)

    def _curve_jac(self, params: FloatArray, s: FloatArray, log_cap: float | None) -> FloatArray:
        a, b = params[-2:]
        d = self._log_shape_grad(a + b * s)
        cols = [d, d * s]
        if log_cap is None:
            cols.insert(0, np.ones_like(s))
        return np.column_stack(cols)

    def _fit(self, y: FloatArray) -> None:
        from scipy.optimize import least_squares

        n = y.size
        last = float(y[-1])
        cap_range = self._check_options(last, n - 1)
        s = np.arange(n, dtype=np.float64) - (n - 1)
        # Fit in units of the last observation (log cap relative to log(last)): the problem,
        # hence the optimiser's path, is then the same in any unit (scale-equivariant).
        log_last = float(np.log(last))
        z = np.log(y) - log_last
        given = None if self.cap is None else float(np.log(float(self.cap)))  # a given cap
        fixed = None if given is None else given - log_last
        lo_mult, hi_mult = cap_range[0] / last, cap_range[1] / last
        cap0 = float(np.exp(fixed)) if fixed is not None else float(np.sqrt(lo_mult * hi_mult))
        cap0 = max(cap0, 1.02 * float(y.max()) / last)
        share = np.clip(np.exp(z) / cap0, 1e-9, 1 - 1e-9)
        slope0, intercept0 = np.polyfit(s, self._linearise(share), 1)
        slope0 = float(np.clip(slope0, 1e-3, SLOPE_BOUNDS[1]))
        x0 = [float(intercept0), slope0]
        lower, upper = [-50.0, SLOPE_BOUNDS[0]], [50.0, SLOPE_BOUNDS[1]]
        if fixed is None:
            lo_cap, hi_cap = np.log(lo_mult), np.log(hi_mult)
            x0.insert(0, float(np.clip(np.log(cap0), lo_cap + 1e-9, hi_cap - 1e-9)))
            lower.insert(0, lo_cap)
            upper.insert(0, hi_cap)
        x0 = np.clip(np.array(x0), np.array(lower) + 1e-9, np.array(upper) - 1e-9)

        result = least_squares(
            lambda p: self._curve_log(p, s, fixed) - z,
            x0,
            jac=lambda p: self._curve_jac(p, s, fixed),
            bounds=(lower, upper),
            method="trf",
            x_scale="jac",
        )
        if not result.success:
            raise ConvergenceError(
                f"model {self.alias!r}: the least-squares fit did not converge after "
                f"{result.nfev} evaluations ({result.message}); the series may not be rising "
                "towards a cap (flat or falling values fit no S-curve): give cap=, or use a "
                "trend model such as 'damped_log'",
                alias=self.alias,
                nfev=int(result.nfev),
            )
        at_bound = fixed is None and (
            np.isclose(result.x[0], lower[0], atol=1e-6)
            or np.isclose(result.x[0], upper[0], atol=1e-6)
        )
        self.residuals_ = z - self._curve_log(result.x, s, fixed)
        params = result.x.copy()
        if fixed is None:
            params[0] += log_last  # back to the data's unit
        self.params_ = params
        self.cap_ = float(np.exp(params[0] if given is None else given))
        if self.cap is not None:
            self.cap_ = float(self.cap)  # exactly as given (exp(log(cap)) may round)
        self.growth_rate_ = float(params[-1])
        self.cap_at_bound_ = bool(at_bound)
        # a speed on its lower bound: the series does not rise towards a cap (falling or
        # flat data; the curve is then flat at the last value), said in fit_notes
        self.speed_at_bound_ = bool(self.growth_rate_ <= SLOPE_BOUNDS[0] * (1.0 + 1e-3))
        k = params.size
        self.sigma_ = float(np.sqrt(np.sum(self.residuals_**2) / (n - k)))
        # Delta method; a cap on its bound is held fixed (its column dropped).
        jac = self._curve_jac(params, s, given)  # the same in any unit
        keep = slice(1, None) if at_bound else slice(None)
        jac = jac[:, keep]
        self._cov = self.sigma_**2 * np.linalg.pinv(jac.T @ jac)
        self._keep = keep
        self._fixed = given
        # where the curve with this cap and speed passes through the last observation:
        # g(anchor) = y_last / cap (in units of the last observation: exp(-log cap))
        log_cap_rel = result.x[0] if fixed is None else fixed
        self._anchor = float(self._linearise(np.exp(-np.array([log_cap_rel])))[0])

    def fit_notes(self) -> tuple[str, ...]:
        """Says so when the speed sits on its lower bound (the series does not rise: the
        forecast is flat) or the estimated cap on a bound of ``cap_bounds``.

        For the cap: the data then do not pin the saturation level (a series still growing
        exponentially pushes it to the upper bound; one that has flattened, to the lower),
        and the intervals, calibrated from rolling-origin errors, are not bounded by it (a
        95% upper bound may lie well above the estimated cap).
        """
        self._check_fitted()
        notes: list[str] = []
        if self.speed_at_bound_:
            # was silent: a falling series got a flat forecast with status "ok"
            notes.append(
                f"{self.alias}: the fitted speed of adoption sits on its lower bound "
                f"({SLOPE_BOUNDS[0]:g} a year): the series does not rise towards a cap, so "
                "the curve stays flat at the last value; use a trend model such as "
                "'damped_log' or 'drift'"
            )
        low, high = (float(v) for v in self.cap_bounds)
        mid = float(np.sqrt(low * high)) * self.last_
        # cap_bounds is this class's option: forecast(), forecast_many() and the command
        # line have none ("or a lower cap_bounds" named an option they do not take)
        own = f"idcforecast.models.{type(self).__name__}"
        if self.cap_at_bound_ and self.cap_ < mid:
            # the lower bound: the series has levelled off and the data point to a cap at or
            # below it (was "the data do not pin the saturation level": an exact logistic
            # with cap 1000 and last value 970.7 got that note and a cap of 1,019)
            notes.append(
                f"{self.alias}: estimated cap {_figure(self.cap_)} sits on its lower bound "
                f"({self.cap_ / self.last_:.3g}x the last value {_figure(self.last_)}): the "
                "series has nearly levelled off and the data point to a cap at or below "
                "that, which cap_bounds does not allow, so the forecast may overshoot; pass "
                "the saturation level if you know it (cap=, above the last value), or fit "
                f"{own}(cap_bounds=(LOW, {high:g})) yourself with LOW between 1 and {low:g} "
                "(forecast() keeps the default bounds)"
            )
        elif self.cap_at_bound_:
            ratio = self.cap_ / self.last_
            notes.append(
                f"{self.alias}: estimated cap {_figure(self.cap_)} sits on its bound "
                f"({ratio:.3g}x "
                "the last value): the data do not pin the saturation level, and the intervals "
                "(from rolling-origin errors) are not bounded by it; pass cap=, or fit "
                f"{own}(cap_bounds=({low:g}, HIGH)) yourself with HIGH above {high:g} "
                "(forecast() keeps the default bounds)"
            )
        return tuple(notes)

    def _future(self, h: int) -> tuple[FloatArray, FloatArray]:
        """Log-scale forecast of the anchored curve and its gradient in the fitted
        parameters (the columns of ``_cov``; ``a`` has none: the anchor replaces it)."""
        s = np.arange(1, h + 1, dtype=np.float64)
        log_cap = float(self.params_[0]) if self._fixed is None else self._fixed
        x = self._anchor + self.growth_rate_ * s
        mu = log_cap + self._log_shape(x)
        slope = self._log_shape_grad(x)
        cols = [np.zeros(h), slope * s]  # d/da, d/db
        if self._fixed is None:
            # the anchor moves with the cap: log cap + log g(anchor) = log y_last
            at_last = float(self._log_shape_grad(np.array([self._anchor]))[0])
            cols.insert(0, 1.0 - slope / at_last)
        return mu, np.column_stack(cols)[:, self._keep]

    def _log_mean_sigma(self, h: int) -> tuple[FloatArray, FloatArray]:
        mu, grad = self._future(h)
        param_var = np.einsum("ij,jk,ik->i", grad, self._cov, grad)
        return mu, np.sqrt(2.0 * self.sigma_**2 + param_var)

    def _log_errors(self, h: int, n_paths: int, rng: np.random.Generator) -> FloatArray:
        _, grad = self._future(h)
        # step h's error around the curve minus the last observation's (shared by the path)
        residual = self.sigma_**2 * (np.eye(h) + np.ones((h, h)))
        cov = grad @ self._cov @ grad.T + residual
        # eigh rather than cholesky: cov may be singular when sigma_ is 0 (an exact fit).
        values, vectors = np.linalg.eigh(cov)
        root = vectors * np.sqrt(np.clip(values, 0.0, None))
        return rng.standard_normal((n_paths, h)) @ root.T
