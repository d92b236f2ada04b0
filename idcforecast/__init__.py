"""idcforecast: size and forecast internet-data-center markets.

The public API is this namespace; submodules are implementation detail. Names are loaded
lazily on first use so that ``import idcforecast`` (and the command line) stays fast.

Examples
--------
>>> import idcforecast as idc
>>> idc.parse_quantity("1,562.5亿元").value
1562.5
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> private module that defines it (kept sorted by name)
_EXPORTS: dict[str, str] = {
    "Claim": "idcforecast.claims",
    "DriverModel": "idcforecast.scenarios",
    "IdcForecastError": "idcforecast.errors",
    "Paths": "idcforecast.scenarios",
    "Quantity": "idcforecast.units",
    "RateBounds": "idcforecast.growth_bounds",
    "SeriesForecast": "idcforecast.forecasting",
    "accuracy": "idcforecast.evaluation",
    "backtest": "idcforecast.evaluation",
    "build_report": "idcforecast.report.build",
    "cagr": "idcforecast.growth",
    "cagr_bounds": "idcforecast.growth_bounds",
    "canonical_unit": "idcforecast.units",
    "check_claims": "idcforecast.claim_checks",
    "claim_readings": "idcforecast.claim_checks",
    "compare_methods": "idcforecast.comparison",
    "conversion_factor": "idcforecast.units",
    "convert": "idcforecast.units",
    "coverage": "idcforecast.evaluation",
    "doubling_time": "idcforecast.growth",
    "errors": "idcforecast",
    "find_figures": "idcforecast.text_figures",
    "forecast": "idcforecast.forecasting",
    "forecast_array": "idcforecast.forecasting",
    "forecast_many": "idcforecast.batch",
    "forecast_paths": "idcforecast.forecasting",
    "format_quantity": "idcforecast.units",
    "fx_rate": "idcforecast.units",
    "implied_base": "idcforecast.growth",
    "implied_target": "idcforecast.growth",
    "implied_years": "idcforecast.growth",
    "list_datasets": "idcforecast.datasets",
    "load_dataset": "idcforecast.datasets",
    "load_scenarios": "idcforecast.scenarios",
    "mase": "idcforecast.evaluation",
    "parse_quantity": "idcforecast.units",
    "plot_backtest": "idcforecast.report.charts",
    "plot_claims": "idcforecast.report.charts",
    "plot_forecast": "idcforecast.report.charts",
    "plot_growth": "idcforecast.report.charts",
    "plot_scenarios": "idcforecast.report.charts",
    "prob_exceeds": "idcforecast.scenarios",
    "project": "idcforecast.growth",
    "read_claims": "idcforecast.claims",
    "read_long_table": "idcforecast.batch",
    "read_series": "idcforecast.io",
    "reconcile": "idcforecast.scenarios",
    "reconciliation_table": "idcforecast.scenarios",
    "scenario_table": "idcforecast.scenarios",
    "simulate": "idcforecast.scenarios",
    "smape": "idcforecast.evaluation",
    "summary_table": "idcforecast.report.tables",
    "to_excel": "idcforecast.report.tables",
    "track_record": "idcforecast.claim_track_record",
    "use_fx_rates": "idcforecast.units",
    "winkler_score": "idcforecast.evaluation",
    "yoy": "idcforecast.growth",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module_name = _EXPORTS.get(name)
    if module_name is None:
        raise AttributeError(f"module 'idcforecast' has no attribute {name!r}")
    if module_name == "idcforecast":
        value: Any = importlib.import_module(f"idcforecast.{name}")
    else:
        value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
