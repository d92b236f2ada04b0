"""Forecasting models, one module per family; all follow :mod:`idcforecast.models.base`.

Importing this package registers every model in ``MODEL_REGISTRY`` under its alias.
"""

from __future__ import annotations

from idcforecast.models.arima import Arima
from idcforecast.models.base import MODEL_REGISTRY, ForecastModel, Prediction
from idcforecast.models.combination import (
    MeanCombination,
    MedianCombination,
    WeightedCombination,
)
from idcforecast.models.damped import Damped, DampedLog
from idcforecast.models.dotm import DynamicOptimisedTheta, DynamicOptimisedThetaLog
from idcforecast.models.drift import Drift, DriftLog
from idcforecast.models.gompertz import Gompertz
from idcforecast.models.holt import Holt
from idcforecast.models.logistic import Logistic
from idcforecast.models.loglinear import LogLinear
from idcforecast.models.naive import Naive
from idcforecast.models.ses import SES
from idcforecast.models.theta import Theta

__all__ = [
    "MODEL_REGISTRY",
    "SES",
    "Arima",
    "Damped",
    "DampedLog",
    "Drift",
    "DriftLog",
    "DynamicOptimisedTheta",
    "DynamicOptimisedThetaLog",
    "ForecastModel",
    "Gompertz",
    "Holt",
    "LogLinear",
    "Logistic",
    "MeanCombination",
    "MedianCombination",
    "Naive",
    "Prediction",
    "Theta",
    "WeightedCombination",
]
