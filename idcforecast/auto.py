"""The "auto" method: the median of six simple forecasts.

Members (point forecasts only; intervals come from :mod:`idcforecast.calibration`):

``naive``
    last value (registry model ``naive``);
``damped``
    damped-trend exponential smoothing (registry model ``damped``);
``ses``
    simple exponential smoothing, a smoothed level (registry model ``ses``);
``loglinear``
    constant growth fitted by OLS on logs (registry model ``loglinear``);
``drift_log``
    random walk with drift on logs, i.e. the average historical growth rate (CAGR)
    continued (registry model ``drift_log``);
``theil_sen``
    the Theil-Sen slope (median of all pairwise slopes) of the last nine points, continued
    from the last value: a recent, robust linear trend (in the spirit of the M3 entry
    ROBUST-Trend).

With six members the median is the mean of the middle two forecasts: two level forecasts
(naive, SES), two trend forecasts that fade or stay linear (damped, Theil-Sen) and two
constant-growth ones (log-linear, CAGR), so the median sits between "no growth" and
"constant growth" unless most members agree.

Why these: ``benchmarks/tune_auto.py`` scores every 1-6 member mean and median of thirteen
fast candidates (naive, drift, median drift, Holt, damped, SES, Theta, DOTM, log-linear,
drift on logs, damped and DOTM on logs, Theil-Sen) by OWA against naive on eight tuning sets
that never touch M3 Yearly's test years: M1 Yearly and Tourism Yearly test periods, M3
Yearly training periods with their last six points held out, and M3/Tourism/M1 quarterly and
monthly series summed to annual totals (4,087 series in all). Which RULE picks the
combination was itself checked by leaving one set out (pick on seven, score on the eighth):
"best mean OWA over the sets" generalised best (held-out OWA 0.849, against 0.853 for
"keep the earlier five members, add at most one" and 0.869-0.871 for "best worst set"). It
picks this median (mean OWA 0.830; the earlier median of naive, Holt, log-linear, drift on
logs and median drift: 0.851). The same script shows that switching a series to a
log-trend family when its own rolling-origin errors favour it loses accuracy out of sample,
so "auto" does not switch. ``benchmarks/m3_yearly.py`` reports the result on M3's test years.
A wider search (trimmed means, plus Theil-Sen and SES on logs and an AR(1) on log growth)
points at a median with Holt and DOTM that is 0.2% better on average but worse on all three
yearly tuning sets; it is not adopted (README, "Forecasting"; in full with the other ideas
not adopted in ``benchmarks/results/auto_experiments.md``).

Short series: members that need more points (``damped`` needs 6) are left out and the result
says so (status ``"fallback"``). A series with a zero or negative value, where the log members
cannot fit, takes the median of the level-scale members :data:`AUTO_MEMBERS_NOT_POSITIVE`
(naive, drift, SES, DOTM, Theil-Sen) instead, chosen the same way on the tuning sets with the
log candidates excluded (status ``"fallback"``).

:func:`auto_point` is the reference, one series at a time. The forecast front door and
``forecast_many`` compute the same forecasts with
:func:`idcforecast.auto_kernel.auto_point_many` (vectorised over many series and their
rolling-origin cutoffs; equal to rounding, checked by ``benchmarks/auto_kernel_check.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from idcforecast.models import MODEL_REGISTRY

__all__ = [
    "AUTO_MEMBERS",
    "AUTO_MEMBERS_NOT_POSITIVE",
    "AUTO_MIN_OBS",
    "THEIL_SEN_WINDOW",
    "AutoMember",
    "auto_members_for",
    "auto_point",
    "theil_sen_slope",
]

AUTO_MIN_OBS = 4


@dataclass(frozen=True)
class AutoMember:
    """One member of "auto": a point forecaster with its data requirements."""

    name: str
    point: Callable[[np.ndarray, int], np.ndarray]
    min_obs: int
    requires_positive: bool


def _registry_point(alias: str) -> Callable[[np.ndarray, int], np.ndarray]:
    def point(y: np.ndarray, h: int) -> np.ndarray:
        return MODEL_REGISTRY[alias]().fit(y).predict(h, level=()).mean

    return point


# points: the last eight annual changes (windows of 7, 8 and 9 points scored alike in an
# exploratory run on the three yearly tuning sets with the earlier members; not a script)
THEIL_SEN_WINDOW = 9


def theil_sen_slope(y: np.ndarray) -> float:
    """Median of the pairwise slopes ``(y_j - y_i) / (j - i)`` (Theil-Sen estimator).

    Examples
    --------
    >>> theil_sen_slope(np.array([1.0, 2.0, 3.0, 10.0]))  # slopes 1, 1, 3, 1, 4, 7
    2.0
    """
    i, j = np.triu_indices(y.size, 1)
    return float(np.median((y[j] - y[i]) / (j - i)))


def _theil_sen(y: np.ndarray, h: int) -> np.ndarray:
    slope = theil_sen_slope(y[-THEIL_SEN_WINDOW:])
    return y[-1] + slope * np.arange(1, h + 1, dtype=np.float64)


AUTO_MEMBERS: tuple[AutoMember, ...] = (
    AutoMember("naive", _registry_point("naive"), 2, False),
    AutoMember("damped", _registry_point("damped"), 6, False),
    AutoMember("ses", _registry_point("ses"), 3, False),
    AutoMember("loglinear", _registry_point("loglinear"), 3, True),
    AutoMember("drift_log", _registry_point("drift_log"), 3, True),
    AutoMember("theil_sen", _theil_sen, 3, False),
)

# A series with a zero or negative value: the log members cannot fit, and the four left
# (two of them no-growth) forecast a growing series flat (0, 1, 3, 6, 10 -> 10, 10, 10). In
# their place, the median of the level-scale candidates that the same rule picks ("best mean
# OWA" over the tuning sets, log candidates excluded; benchmarks/tune_auto.py --not-positive):
# mean OWA 0.847 against 0.892 for the four, better on 7 of the 8 sets, and picked in 7 of
# the 8 leave-one-set-out folds (held-out 0.873).
AUTO_MEMBERS_NOT_POSITIVE: tuple[AutoMember, ...] = (
    AutoMember("naive", _registry_point("naive"), 2, False),
    AutoMember("drift", _registry_point("drift"), 3, False),
    AutoMember("ses", _registry_point("ses"), 3, False),
    AutoMember("dotm", _registry_point("dotm"), 6, False),
    AutoMember("theil_sen", _theil_sen, 3, False),
)


def auto_members_for(
    n_obs: int, *, positive: bool, filled: int = 0
) -> tuple[tuple[AutoMember, ...], str]:
    """Members usable on ``n_obs`` points, and a note naming any left out.

    ``filled``: values a gap policy filled beside the ``n_obs`` observed ones; they do not
    count toward a minimum, and the note says so ("4 observed points (1 filled)").

    Examples
    --------
    >>> members, note = auto_members_for(4, positive=True)
    >>> [m.name for m in members]
    ['naive', 'ses', 'loglinear', 'drift_log', 'theil_sen']
    >>> note
    "4 points: left out 'damped' (needs 6)"
    >>> members, note = auto_members_for(5, positive=False)  # 0, 1, 3, 6, 10
    >>> [m.name for m in members]
    ['naive', 'drift', 'ses', 'theil_sen']
    >>> note[:62]
    '5 points: a value is not positive, so the log members cannot f'
    """
    kept: list[AutoMember] = []
    dropped: list[str] = []
    for member in AUTO_MEMBERS if positive else AUTO_MEMBERS_NOT_POSITIVE:
        if n_obs < member.min_obs:
            dropped.append(f"{member.name!r} (needs {member.min_obs})")
        else:
            kept.append(member)
    points = f"{n_obs} observed points ({filled} filled)" if filled else f"{n_obs} points"
    parts = []
    if not positive:
        names = ", ".join(m.name for m in AUTO_MEMBERS_NOT_POSITIVE)
        parts.append(
            "a value is not positive, so the log members cannot fit: the median of "
            f"{names} in place of the six"
        )
    if dropped:
        parts.append(f"left out {', '.join(dropped)}")
    note = f"{points}: {'; '.join(parts)}" if parts else ""
    return tuple(kept), note


def auto_point(y: np.ndarray, h: int, *, n_obs: int | None = None) -> np.ndarray:
    """The "auto" point forecast of ``y``: the median of the usable members.

    ``n_obs``: how many values of ``y`` were observed (default: all) when a gap policy
    filled some years; the members' minimums count observed values.

    Examples
    --------
    >>> y = np.array([100.0, 110.0, 121.0, 133.1, 146.41, 161.05])
    >>> auto_point(y, 2).round(1)
    array([174.3, 187.4])
    >>> auto_point(y, 2, n_obs=5).round(1)  # one year filled: 'damped' (needs 6) left out
    array([173.2, 185.3])
    """
    positive = bool(np.all(y > 0))
    members, _ = auto_members_for(int(y.size if n_obs is None else n_obs), positive=positive)
    forecasts = np.vstack([m.point(y, h) for m in members])
    return np.median(forecasts, axis=0)
