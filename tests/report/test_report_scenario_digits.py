"""Scenario levels below 1 keep three significant digits (report57): a series published
with one decimal (0.1-0.4 TWh) printed its scenario medians "0.6" and ranges "0.4–1.1",
a figure to one digit, in the report's table and base-case sentence, and its forecast
"0.6 TWh in 2028 (80% interval 0.4-1.1)" on page 1; the CLI's levels table printed 0.45
as "0.45" beside "1.13"."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report, simulate
from idcforecast.cli import scenarios_cmd
from idcforecast.forecasting import forecast
from idcforecast.report import _analyses as analyses
from idcforecast.scenarios import scenario_table

SPEC = 'series_id = "dc_power"\nunit = "TWh"\n[scenarios.base]\n'


def _history() -> pd.DataFrame:
    values = [0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4]  # published with one decimal
    return pd.DataFrame(
        {"series_id": "dc_power", "year": range(2016, 2024), "value": values, "unit": "TWh",
         "source": "Report A"}
    )  # fmt: skip


def test_the_reports_scenario_medians_below_1_keep_three_digits(tmp_path: Path) -> None:
    history = _history()
    data = tmp_path / "twh.csv"
    history.to_csv(data, index=False)
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC)
    path = build_report(
        data=data, out=tmp_path / "r.pdf", date="2026-01-01", scenarios=spec, to=2028
    )
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    paths = simulate(history, 5, n_paths=analyses.SCENARIO_PATHS, scenarios=spec, seed=0)
    table = scenario_table(paths)
    base = table[(table["scenario"] == "base") & (table["quantity"] == "level")].iloc[-1]
    assert 0.1 <= base["p50"] < 1  # a median below 1: three decimals give three digits
    # the table row: median, 10-90% and 5-95% to three decimals (was "0.6 0.4–1.1 0.3–1.4")
    row = (
        f"base {base['p50']:.3f} {base['p10']:.3f}–{base['p90']:.3f} "
        f"{base['p5']:.3f}–{base['p95']:.3f}"
    )
    assert row in text
    assert f"'base' keeps the forecast as is: its 2028 median ({base['p50']:.3f})" in text
    # and the forecast itself on page 1 (was "0.6 TWh in 2028 (80% interval 0.4-1.1")
    end = forecast(history, 5, seed=0).iloc[-1]
    assert 0.1 <= end["mean"] < 1
    assert (
        f"Forecast: {end['mean']:.3f} TWh in 2028 (80% interval {end['lo_80']:.3f}-"
        f"{end['hi_80']:.3f}" in text
    )


def test_the_cli_levels_table_gives_medians_below_1_three_digits() -> None:
    cols = ["p5", "p10", "p50", "p90", "p95"]
    row = dict(zip(cols, [0.321, 0.355, 0.454, 0.578, 1.131], strict=True))
    table = pd.DataFrame([{"scenario": "base", "year": 2026, "quantity": "level",
                           "unit": "TWh", **row}])  # fmt: skip
    lines = scenarios_cmd._levels_text(table).splitlines()
    # 0.454 to three significant digits is 3 decimals (was "0.45", the largest 1.131 to
    # two decimals); 1.131 then prints "1.131"
    assert lines[-1].split() == ["base", "2026", "0.321", "0.355", "0.454", "0.578", "1.131"]
