"""Forecasting models, one module per family; all follow :mod:`idcforecast.models.base`.

Importing this package registers every model in ``MODEL_REGISTRY`` under its alias.
"""

from __future__ import annotations

from idcforecast.models.base import MODEL_REGISTRY, ForecastModel, Prediction
from idcforecast.models.drift import Drift
from idcforecast.models.naive import Naive

__all__ = ["MODEL_REGISTRY", "Drift", "ForecastModel", "Naive", "Prediction"]
