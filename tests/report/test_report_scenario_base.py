"""A scenario that keeps the forecast as is prints a median that is not the forecast's
central value (Monte Carlo sampling): the report says so, with both numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast import build_report, load_dataset, simulate
from idcforecast._paths import data_dir
from idcforecast.forecasting import forecast
from idcforecast.report import _analyses as analyses
from idcforecast.scenarios import scenario_table

DATE = "2026-01-01"
SPEC = data_dir() / "scenarios" / "china_idc_example.toml"


def _history() -> pd.DataFrame:
    history = load_dataset("china_idc_market")
    return history[history["series_id"] == "china_idc_cidc_overall"].reset_index(drop=True)


def test_the_results_name_the_scenarios_without_adjustments() -> None:
    result = analyses.scenario_results(SPEC, _history(), to=2030, seed=0)
    assert result.unadjusted == ("base",)  # bull and bear change growth, shock or cap


def test_the_report_explains_the_base_median_beside_the_central_value(tmp_path: Path) -> None:
    # page 1: "2030 central 10,298"; the Scenarios table: "base 10,388" for "the calibrated
    # forecast as is", with no word on why the two differ
    history = _history()
    path = build_report(out=tmp_path / "s.pdf", date=DATE, scenarios=SPEC)
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    end = forecast(history, 7, seed=0).iloc[-1]
    paths = simulate(history, 7, n_paths=analyses.SCENARIO_PATHS, scenarios=SPEC, seed=0)
    table = scenario_table(paths)
    base = table[(table["scenario"] == "base") & (table["quantity"] == "level")].iloc[-1]
    expected = (
        f"'base' keeps the forecast as is: its 2030 median ({base['p50']:,.0f}) and 10-90% "
        f"range ({base['p10']:,.0f}–{base['p90']:,.0f}) differ from the forecast's central "
        f"value ({end['mean']:,.0f}) and 80% interval ({end['lo_80']:,.0f}–"
        f"{end['hi_80']:,.0f}) only by the sampling of 5,000 simulated paths."
    )
    assert expected in compact
    # the two medians are within 2% (the sampling error of the median of 5,000 paths of a
    # log spread of 0.75 is about 1.3%: 1.2533 * 0.75 / sqrt(5000))
    assert abs(base["p50"] / end["mean"] - 1) < 0.02


def test_a_scenario_adjusted_in_points_is_not_called_the_forecast_as_is(tmp_path: Path) -> None:
    # a share's scenario with only a "-0.2pp" shock (or "+0.5pp" growth) was named among
    # those that keep the forecast as is: "'efficiency' keeps the forecast as is: its 2030
    # median (3.7) ... differ from the forecast's central value (3.9) only by the sampling"
    history = pd.DataFrame(
        {
            "series_id": "dc_share",
            "year": list(range(2018, 2024)),
            "value": [1.0, 1.1, 1.3, 1.5, 1.8, 2.1],
            "unit": "%",
        }
    )
    spec = tmp_path / "share.toml"
    spec.write_text(
        'series_id = "dc_share"\nunit = "%"\n'
        '[scenarios.base]\ndescription = "as forecast"\n'
        '[scenarios.efficiency]\nshocks = { "2025" = "-0.2pp" }\n'
        '[scenarios.ai]\ngrowth = { "2024-2027" = "+0.5pp" }\n',
        encoding="utf-8",
    )
    result = analyses.scenario_results(spec, history, to=2030, seed=0)
    assert result.unadjusted == ("base",)


def test_a_scenario_without_a_description_is_listed_by_what_it_changes(tmp_path: Path) -> None:
    # a spec scenario with growth changes and no description was listed by its cap alone
    # ("slow (weight 0.5): capped at 12,000 ..."), as if it were the base case with a cap
    spec = tmp_path / "plain.toml"
    spec.write_text(
        'series_id = "china_idc_cidc_overall"\nunit = "CNY 100m"\n'
        "[scenarios.base]\nweight = 0.5\n"
        '[scenarios.slow]\nweight = 0.5\ngrowth = { "2024-2026" = -0.05 }\n'
        'shocks = { "2027" = -0.1 }\ncap = 12000\n'
    )
    result = analyses.scenario_results(spec, _history(), to=2030, seed=0)
    described = {name: text for name, text, _ in result.scenarios}
    # -0.05 a year -> 5% a year below the forecast's path (report56: "growth -5% a year"
    # read as a market shrinking 5% a year; the slow median grows, 1.0x the forecast's
    # growth less about 5 points), the shock -0.1 -> "-10%", the cap as written
    assert described["slow"] == (
        "5% a year below the forecast's path in 2024-2026 (compounding); a one-off -10% level "
        "shift in 2027; capped at 12,000 CNY 100 million (approached smoothly)"
    )
    # what the words say, on the paths: the 2026 median of 'slow' is the base's times
    # 0.95^3 = 0.857375 (same draws; the smooth cap of 12,000 moves a level of about 6,300,
    # 0.53 x the cap, by less than 0.1%)
    medians = result.table.set_index(["scenario", "year"])["p50"]
    assert medians["slow", 2026] / medians["base", 2026] == pytest.approx(0.95**3, rel=0.01)
    assert described["base"] == "the calibrated forecast as is"  # was "": nothing said


def test_a_cap_given_as_a_figure_is_listed_in_the_series_unit_too(tmp_path: Path) -> None:
    # "capped at 1.5万亿元" was the figure as written only: a PDF without a CJK font
    # printed "capped at 1.5" beside a table in CNY 100 million. 1.5万亿元 = 1.5 x 10^12 CNY
    # = 15,000 x 10^8 CNY (亿元); a cap in another currency is read at the FX rate of the
    # last observed year, as the simulation reads it
    spec = tmp_path / "figure.toml"
    spec.write_text(
        'series_id = "china_idc_cidc_overall"\nunit = "CNY 100m"\n'
        '[scenarios.up]\nweight = 0.5\ncap = "1.5万亿元"\n'
        '[scenarios.usd]\nweight = 0.5\ncap = "US$150bn"\ncap_mode = "clip"\n'
    )
    result = analyses.scenario_results(spec, _history(), to=2027, seed=0)
    described = {name: text for name, text, _ in result.scenarios}
    assert described["up"] == (
        "capped at 15,000 CNY 100 million (given as 1.5万亿元; approached smoothly)"
    )
    # 150e9 USD x 7.0809 CNY per USD (2023, Federal Reserve G.5A) / 1e8 CNY per 亿元
    # = 10,621.35, printed to six significant digits
    assert described["usd"] == "capped at 10,621.4 CNY 100 million (given as US$150bn; clipped)"


def test_a_spec_in_another_magnitude_says_the_results_are_in_the_reports_unit() -> None:
    # a spec in CNY bn on the series in 亿元: simulated in CNY bn (its cap of 1,200 is 12,000
    # 亿元), shown in CNY 100 million like the rest of the report; the note said only
    # "rescaled to CNY billion for the simulation" above a table in CNY 100 million
    spec = {
        "series_id": "china_idc_cidc_overall",
        "unit": "CNY bn",
        "scenarios": {"base": {"weight": 0.7}, "crash": {"weight": 0.3, "cap": 1200}},
    }
    result = analyses.scenario_results(spec, _history(), to=2027, seed=0, shown_unit="CNY 100m")
    assert result.unit_note == (
        "The spec's figures are in CNY billion; the series, read in CNY 100 million, was "
        "rescaled to it for the simulation (divided by 10; no exchange rate is involved); the "
        "results are shown in CNY 100 million, as in the rest of the report."
    )
    described = dict((name, text) for name, text, _ in result.scenarios)
    assert described["crash"] == "capped at 12,000 CNY 100 million (approached smoothly)"


def test_a_shock_after_the_horizon_is_said_not_in_the_numbers() -> None:
    # run to 2025, the bear case read "a one-off 8% drop in 2026 (oversupply)" above
    # numbers without it
    import warnings

    from idcforecast import load_dataset
    from idcforecast.errors import ScenarioWarning
    from idcforecast.report._analyses import scenario_results

    frame = load_dataset("china_idc_market")
    history = frame[frame["series_id"] == "china_idc_cidc_overall"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ScenarioWarning)  # the same, said on the terminal
        result = scenario_results("china_idc_example.toml", history, to=2025, seed=0)
    bullets = {name: text for name, text, _ in result.scenarios}
    assert bullets["bear"].endswith(
        "capped at 9,000 CNY 100 million (clipped); its 2026 shock falls after 2025, the last "
        "year simulated, and is not in these numbers"
    )
    assert "falls after" not in bullets["bull"] + bullets["base"]


def test_a_scenario_without_description_or_changes_is_said_to_be_the_forecast() -> None:
    # listed as "base (weight 0.6)" with nothing after it
    from idcforecast.report._analyses import scenario_results

    history = pd.DataFrame(
        {"series_id": "util", "year": range(2016, 2024), "unit": "%",
         "value": [48.5, 50.2, 52.0, 53.1, 55.0, 56.4, 58.0, 59.5]}
    )  # fmt: skip
    spec = {
        "scenarios": {
            "base": {"weight": 0.6},
            "glut": {"weight": 0.4, "growth": {"2025-2026": "-2pp"}},
        }
    }
    result = scenario_results(spec, history, to=2026, seed=0, shown_unit="%")
    bullets = {name: text for name, text, _ in result.scenarios}
    assert bullets == {
        "base": "the calibrated forecast as is",
        "glut": "level -2 pp a year in 2025-2026",
    }


def test_the_scenarios_are_simulated_from_the_reports_method(tmp_path: Path) -> None:
    # with --method drift the paths came from 'auto': "'base' keeps the forecast as is: its
    # 2025 median (6,616) ... differ from the forecast's central value (5,963) ... only by
    # the sampling" -- 11% apart, the gap between two methods, not sampling
    history = _history()
    path = build_report(out=tmp_path / "d.pdf", date=DATE, scenarios=SPEC, to=2026, method="drift")
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    end = forecast(history, 3, method="drift", seed=0).iloc[-1]
    paths = simulate(
        history, 3, n_paths=analyses.SCENARIO_PATHS, scenarios=SPEC, seed=0, method="drift"
    )
    base = scenario_table(paths).query("scenario == 'base' and quantity == 'level'").iloc[-1]
    assert (
        f"'base' keeps the forecast as is: its 2026 median ({base['p50']:,.0f}) and 10-90% "
        f"range ({base['p10']:,.0f}–{base['p90']:,.0f}) differ from the forecast's central "
        f"value ({end['mean']:,.0f})"
    ) in compact
    # within the sampling error of the median (2%, as above); auto's is far from drift's
    assert abs(base["p50"] / end["mean"] - 1) < 0.02
    auto = forecast(history, 3, seed=0).iloc[-1]
    assert abs(auto["mean"] / end["mean"] - 1) > 0.05
