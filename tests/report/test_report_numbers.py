"""How the report prints levels: decimals for the series' magnitude, ticks that never
repeat, probability columns labelled with the level actually used (uat12 #1)."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast import build_report, read_series, simulate
from idcforecast.forecasting import forecast
from idcforecast.report import _analyses as analyses
from idcforecast.report._numbers import LevelFormat, exact_text, tick_decimals
from idcforecast.report.charts import plot_forecast, plot_scenarios

DATE = "2026-12-06"
# Vietnam data-centre revenue, USD m in the file, reported in USD bn: 0.31 ... 0.69
USD_CSV = (
    "year,vietnam_dc_revenue,unit\n"
    "2017,310,USD m\n2018,352,USD m\n2019,401,USD m\n2020,455,USD m\n"
    "2021,530,USD m\n2022,601,USD m\n2023,690,USD m\n"
)
USD_SPEC = (
    'series_id = "vietnam_dc_revenue"\nunit = "USD bn"\n'
    "[scenarios.base]\nweight = 0.7\n"
    '[scenarios.slow]\nweight = 0.3\ngrowth = { "2024-2030" = -0.04 }\n'
)


@pytest.fixture(scope="module")
def usd_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("usd")
    (folder / "vn_usd.csv").write_text(USD_CSV, encoding="utf-8")
    (folder / "usd_spec.toml").write_text(USD_SPEC, encoding="utf-8")
    return folder / "vn_usd.csv", folder / "usd_spec.toml"


@pytest.fixture(scope="module")
def usd_report(usd_files: tuple[Path, Path]) -> str:
    data, spec = usd_files
    path = build_report(
        data=data,
        to=2030,
        scenarios=spec,
        out=data.parent / "usd.pdf",
        date=DATE,
        read_options={"unit": "USD bn"},
    )
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def test_level_format_follows_the_magnitude() -> None:
    # largest 1.194: 4 significant digits -> 3 decimals (1.194), 3 -> 2 (1.19)
    assert LevelFormat.for_values([0.31, 0.69, 1.194]) == LevelFormat(3, 2)
    # CIDC, 210.5 ... 10,297.7: one decimal in tables and none in cards, as before
    assert LevelFormat.for_values([210.5, 5078.3, 10297.7]) == LevelFormat(1, 0)
    # 0.004 beside 2.0: two significant digits on the smallest, 0.0040
    assert LevelFormat.for_values([0.004, 2.0]).text(0.004) == "0.0040"


def test_thresholds_print_with_the_decimals_they_have() -> None:
    assert [exact_text(t) for t in (0.83, 1.1, 1.7, 9600.0)] == ["0.83", "1.1", "1.7", "9,600"]
    assert tick_decimals([0.0, 0.5, 1.0, 1.5, 2.0]) == 1
    assert tick_decimals([0.0, 0.25, 0.5, 0.75]) == 2
    assert tick_decimals([0.0, 5000.0, 10000.0]) == 0


def test_a_usd_bn_series_gets_enough_digits_everywhere(usd_report: str) -> None:
    text = usd_report
    # summary table: 352 / 310 - 1 = 13.55%, 401 / 352 - 1 = 13.92%; the old one decimal
    # printed both 2018 and 2019 as "0.4"
    assert "2018 0.352 13.5 13.5" in text
    assert "2019 0.401 13.9" in text
    # Sources table: the 2017 figure, 310 USD m = 0.310 USD bn (was "0.3")
    assert "2017 0.310" in text
    # the headline card and the bullet, from the forecasting engine independently
    history = read_series(pd.read_csv(pd.io.common.StringIO(USD_CSV)), unit="USD bn")
    end = forecast(history, 7).iloc[-1]
    assert f"{end['mean']:.2f} 80%: {end['lo_80']:.2f}-{end['hi_80']:.2f}" in text
    assert (
        f"Forecast: {end['mean']:.3f} USD billion in 2030 (80% interval {end['lo_80']:.3f}-" in text
    )
    assert "central ('auto') 1 80%: 1-2" not in text


def test_probability_columns_show_the_thresholds_used(usd_files: tuple[Path, Path]) -> None:
    data, spec = usd_files
    history = read_series(data, unit="USD bn")
    result = analyses.scenario_results(spec, history, to=2030, seed=0)
    probs = result.probabilities
    assert probs is not None
    table = result.table
    final = table[(table["quantity"] == "level") & (table["year"] == 2030)]
    median = float(final["p50"].median())
    # 0.75x, 1x and 1.5x the median of the scenarios' medians (about 1.10), to 2 significant figures
    assert median == pytest.approx(1.1, abs=0.05)
    assert list(probs.columns) == ["P(> 0.83)", "P(> 1.1)", "P(> 1.7)"]  # was P(> 1), P(> 2)
    # each column is the share of that scenario's paths above its own threshold
    paths = simulate(history, 7, n_paths=analyses.SCENARIO_PATHS, scenarios=spec, seed=0)
    last = paths.values[:, :, -1]
    for column, threshold in zip(probs.columns, (0.83, 1.1, 1.7), strict=True):
        for i, name in enumerate(paths.scenarios):
            assert probs.loc[name, column] == pytest.approx(float((last[i] > threshold).mean()))


def test_probability_thresholds_never_repeat() -> None:
    assert analyses.probability_thresholds(0.0) == (0.0,)
    labels = [analyses.threshold_label(t) for t in analyses.probability_thresholds(1.1)]
    assert labels == ["P(> 0.83)", "P(> 1.1)", "P(> 1.7)"]


def _tick_labels(ax) -> list[str]:
    ticks = [t for t in ax.get_yticks() if ax.get_ylim()[0] <= t <= ax.get_ylim()[1]]
    return list(ax.yaxis.get_major_formatter().format_ticks(ticks))


def test_chart_ticks_and_labels_of_a_small_series() -> None:
    history = read_series(pd.read_csv(pd.io.common.StringIO(USD_CSV)), unit="USD bn")
    fc = forecast(history, 7)
    ax = plot_forecast(history, fc).axes[0]
    labels = _tick_labels(ax)
    assert len(labels) == len(set(labels)), labels  # was 0, 0, 1, 1, 2, 2
    texts = [t.get_text() for t in ax.texts]
    assert "0.69" in texts  # the last actual, 690 USD m (was "1")
    end = fc.iloc[-1]
    assert f"{end['mean']:.2f}\n({end['lo_80']:.2f}-{end['hi_80']:.2f})" in texts


def test_scenario_end_labels_are_apart_and_precise() -> None:
    # two medians 8 apart on a 0-400 axis (uat12 #9: "289" drawn over "281")
    table = pd.DataFrame(
        {
            "scenario": ["base", "weighted", "high"],
            "quantity": "level",
            "year": 2030,
            "unit": "MW",
            "p10": [250.0, 240.0, 350.0],
            "p50": [289.0, 281.0, 400.0],
            "p90": [330.0, 320.0, 450.0],
        }
    )
    fig = plot_scenarios(table)
    ax = fig.axes[0]
    labels = {t.get_text(): t for t in ax.texts}
    assert set(labels) == {"289", "281", "400"}
    y = {k: float(t.xy[1]) for k, t in labels.items()}
    gap = (ax.get_ylim()[1] - ax.get_ylim()[0]) * 10.0 / (0.6 * 72.0 * fig.get_figheight())
    assert y["289"] - y["281"] == pytest.approx(gap)  # centred on (289 + 281) / 2 = 285
    assert (y["289"] + y["281"]) / 2 == pytest.approx(285.0)
    assert y["400"] == 400.0  # far from the others: where its line ends
    small = table.assign(p50=[1.194, 0.902, 1.5], p10=0.5, p90=2.0)
    assert {t.get_text() for t in plot_scenarios(small).axes[0].texts} == {"1.19", "0.90", "1.50"}
    assert np.isfinite(gap)


def test_the_report_s_scenarios_convert_a_power_cap_at_its_rack_density(tmp_path: Path) -> None:
    # report --kw-per-rack reached read_series but not the scenarios: a cap of "600 MW" on
    # a racks series was 240,000 racks (at 2.5 kW) whatever the density; at 6 kW it is
    # 600,000 / 6 = 100,000 racks, and a clip cap bounds every path's final year by it
    racks = [40_000, 50_000, 61_000, 72_000, 80_000, 88_000]
    history = pd.DataFrame(
        {"series_id": "r", "year": range(2018, 2024), "value": racks, "unit": "racks"}
    )
    spec = tmp_path / "cap.toml"
    spec.write_text('[scenarios.capped]\ncap = "600 MW"\ncap_mode = "clip"\n', encoding="utf-8")
    result = analyses.scenario_results(spec, history, to=2030, seed=0, kw_per_rack=6)
    final = result.table[(result.table["quantity"] == "level") & (result.table["year"] == 2030)]
    assert float(final["p95"].max()) <= 100_000.0
    default = analyses.scenario_results(spec, history, to=2030, seed=0)
    final = default.table[(default.table["quantity"] == "level") & (default.table["year"] == 2030)]
    assert float(final["p95"].max()) > 100_000.0


def test_build_report_passes_kw_per_rack_to_the_scenarios(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[float] = []

    class Stop(Exception):
        pass

    def capture(*args: object, kw_per_rack: float = 2.5, **kwargs: object) -> None:
        seen.append(kw_per_rack)
        raise Stop

    monkeypatch.setattr(analyses, "scenario_results", capture)
    data = tmp_path / "r.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"r,{2018 + i},{40 + 10 * i},racks\n" for i in range(6)),
        encoding="utf-8",
    )
    spec = tmp_path / "cap.toml"
    spec.write_text('[scenarios.capped]\ncap = "600 MW"\n', encoding="utf-8")
    with pytest.raises(Stop):
        build_report(
            data=data, scenarios=spec, out=tmp_path / "r.pdf", read_options={"kw_per_rack": 6}
        )
    assert seen == [6.0]
