"""Scenarios, Monte Carlo paths, driver (bottom-up) models and hierarchical reconciliation.

Modules: ``spec`` (TOML/dict scenario specs), ``paths`` (the ``Paths`` result),
``montecarlo`` (the vectorized path engine and ``simulate``; ``_spec_checks`` checks a
spec against the series simulated), ``tables`` (quantile tables,
CAGR distributions, exceedance probabilities), ``drivers`` (capex -> MW -> racks -> revenue;
``_driver_text`` reads driver figure text),
``reconcile`` (coherent forecasts for sums of regions or segments; ``_hierarchy`` reads
the hierarchy and its frames, ``_reconcile_methods`` builds each method's mapping and
``_reconcile_warnings`` says what the inputs lack).
"""

from __future__ import annotations

from idcforecast.scenarios.drivers import Driver, DriverModel
from idcforecast.scenarios.gap import reconciliation_table
from idcforecast.scenarios.montecarlo import simulate, simulate_paths
from idcforecast.scenarios.paths import Paths
from idcforecast.scenarios.reconcile import reconcile
from idcforecast.scenarios.spec import Scenario, ScenarioSet, load_scenarios
from idcforecast.scenarios.tables import cagr_draws, prob_exceeds, scenario_table

__all__ = [
    "Driver",
    "DriverModel",
    "Paths",
    "Scenario",
    "ScenarioSet",
    "cagr_draws",
    "load_scenarios",
    "prob_exceeds",
    "reconcile",
    "reconciliation_table",
    "scenario_table",
    "simulate",
    "simulate_paths",
]
