"""Numbers the notebooks' prose quotes are what the library computes, and the prose draws
no conclusion its own numbers contradict (as tests/test_readme_numbers.py for the README;
tests/test_notebooks.py runs the notebooks, but no one reads their markdown there)."""

from __future__ import annotations

from pathlib import Path

import pytest

import idcforecast as idc

nbformat = pytest.importorskip("nbformat")

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def _prose(name: str) -> str:
    """The notebook's markdown cells, line breaks as spaces."""
    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    text = " ".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    return " ".join(text.split())


def _cidc(year: int) -> float:
    market = idc.load_dataset("china_idc_market")
    row = market[(market["series_id"] == "china_idc_cidc_overall") & (market["year"] == year)]
    return float(row["value"].iloc[0])


def test_article_claim_is_read_both_ways_before_any_verdict() -> None:
    # Was: "320 / 1.278² = 195.9 ... the claim's base is about 12.5% below it, so the claim
    # and the series do not describe the same market". That is the two-step reading only;
    # read as three steps from 2019 the base is 1.9% below the reported 2019 figure, the
    # article's own source (notebook 02 and check-claims find that reading the closest).
    prose = _prose("05_from_an_article.ipynb")
    two = idc.implied_base(320, 0.278, 2)  # 320 / 1.278**2 = 195.93 CNY bn
    three = idc.implied_base(320, 0.278, 3)  # 320 / 1.278**3 = 153.31 CNY bn
    gap_2020 = 10 * two / _cidc(2020) - 1  # 1959.3 / 2238.7 - 1 = -12.5%
    gap_2019 = 10 * three / _cidc(2019) - 1  # 1533.1 / 1562.5 - 1 = -1.9%
    assert f"320 / 1.278² = {two:.1f} billion yuan, {-gap_2020:.1%} below" in prose
    assert f"320 / 1.278³ = {three:.1f} billion yuan, {-gap_2019:.1%} below" in prose
    assert "do not describe the same market" not in prose
    # the CAGR CIDC's own numbers give, 1,562.5 (2019) to 3,200 (2022): 27.0%
    assert f"{idc.cagr(_cidc(2019), 3200, 3):.1%} that" in prose


def test_article_conversion_numbers() -> None:
    prose = _prose("05_from_an_article.ipynb")
    converted = idc.convert("500 billion yuan", "USD bn", year=2020)  # 500 / 6.9042 = 72.42
    assert f"is {converted:.1f} billion US dollars; the article wrote $71.2 billion, " in prose
    assert f"{1 - 71.2 / converted:.1%} less" in prose


def test_quickstart_growth_of_the_forecast() -> None:
    market = idc.load_dataset("china_idc_market")
    cidc = market[market["series_id"] == "china_idc_cidc_overall"]
    mean = idc.forecast(cidc, 7, seed=0)["mean"].to_numpy()
    first = 100 * (mean[0] / cidc["value"].iloc[-1] - 1)
    last = 100 * (mean[-1] / mean[-2] - 1)
    assert f'"auto" gives +{first:.1f}% in 2024 and +{last:.1f}% by 2030' in _prose(
        "01_quickstart.ipynb"
    )


def test_sources_the_notebooks_cite_are_in_the_repository() -> None:
    # notebook 03's driver model cited "idc_sources.md section 8", notes no clone has
    # (data/README.md says so); the range is in data/scenarios/driver_assumptions.csv
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
        assert "idc_sources.md" not in code, path.name
    assumptions = NOTEBOOKS.parent / "data" / "scenarios" / "driver_assumptions.csv"
    assert "China working range" in assumptions.read_text(encoding="utf-8")


def test_china_notebook_claim_numbers() -> None:
    prose = _prose("02_china_idc_market.ipynb")
    rate = idc.cagr(_cidc(2019), 3200.5, 3)  # (3200.5 / 1562.5) ** (1 / 3) - 1 = 27.0%
    base = idc.implied_base(3200, 0.278, 2)  # 3200 / 1.278 ** 2 = 1,959.2
    assert f'"more than 3,200.5 亿元" forecast is a {rate:.1%} CAGR' in prose
    assert f"the 2020 figure later reported ({_cidc(2020):,.1f}) is far above the {base:,.0f}" in (
        prose
    )
    assert f"2022 came in around {_cidc(2022):,.0f} 亿元" in prose


def test_driver_model_prose_numbers() -> None:
    # notebook 03: Tencent's 500 billion yuan at 20-50 m yuan per MW, 2.5 kW a rack
    prose = _prose("03_scenarios_and_investment.ipynb")
    model = idc.DriverModel(
        capex="500 billion yuan",
        capex_per_mw=(20e6, 50e6),
        kw_per_rack=2.5,
        utilisation={"dist": "triangular", "low": 0.55, "mode": 0.62, "high": 0.75},
        revenue_per_rack={"dist": "triangular", "low": 40e3, "mode": 52.4e3, "high": 80e3},
        year=2020,
    )
    low = float(model.ranges().set_index("quantity").loc["racks", "low"])
    assert low == 4_000_000  # 500e9 / 50e6 = 10,000 MW; / 2.5 kW = 4 million racks
    assert "the full pledge would build around four million standard racks" in prose
    median = float(model.summary(seed=0).set_index("quantity").loc["racks", "p50"])
    assert f"the median draw (about {median / 1e6:.2f} million) more than all of it" in prose
    assert median > idc.convert("超过520万标准机架", "racks")  # the end-2021 national stock


def test_servers_as_racks_and_mw_with_the_ratio_stated() -> None:
    # analyst55: notebook 03 takes the article's "more than 1 million servers" to racks and
    # MW by a stated ratio (the package converts servers to nothing): 19 million servers
    # over more than 5.2 million standard racks (MIIT end-2021) = 3.654 per rack;
    # 1,000,000 / 3.654 = 273,684 racks; x 2.5 kW = 684.2 MW
    prose = _prose("03_scenarios_and_investment.ipynb")
    per_rack = 19e6 / idc.convert("超过520万标准机架", "racks")
    racks = idc.convert("more than 1 million servers", "servers") / per_rack
    mw = idc.convert(f"{racks:.0f} racks", "MW", kw_per_rack=2.5)
    assert round(per_rack, 2) == 3.65 and round(racks, -3) == 274_000 and round(mw) == 684
    assert f"about {per_rack:.2f} per rack" in prose
    assert f"about {round(racks, -3):,.0f} racks and {mw:,.0f} MW" in prose
    low_mw = 500e9 / 50e6  # the pledge's lowest MW: 10,000
    assert mw < 0.1 * low_mw and "a small part of the 10,000-25,000 MW" in prose
