"""A series in percent whose history passed 100% is no share (idcforecast._shares, the rule
scenario_table and the scenarios command follow): the report gives its growth as rates
(CAGR, year-on-year %), and compares it with the growth-rate methods. It printed
percentage-point changes for any series in %, beside scenario rows in CAGR."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast.report._analyses import compared_methods
from idcforecast.report._growth import change_unit
from idcforecast.report.tables import summary_table

YEARS = list(range(2015, 2024))
INDEX = [80.0, 95.0, 110.0, 130.0, 150.0, 175.0, 200.0, 230.0, 262.0]  # percent of 2016


def _history(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"series_id": "idc_revenue_index", "year": YEARS, "value": values,
                         "unit": "%"})  # fmt: skip


def _forecast() -> pd.DataFrame:
    return pd.DataFrame(
        {"series_id": "idc_revenue_index", "year": [2024], "model": "drift", "mean": [290.0],
         "lo_80": [260.0], "hi_80": [320.0], "lo_95": [240.0], "hi_95": [340.0]}
    )  # fmt: skip


def test_the_change_unit_follows_the_share_rule() -> None:
    assert change_unit("%", 64.0) == "pp"  # within 100%: may be a share
    assert change_unit("%", 100.0) == "pp"  # at 100%, not past it
    assert change_unit("%", 262.0) is None  # past 100%: a ratio, growth in rates
    assert change_unit("%") == "pp"  # peak not known: may be a share
    assert change_unit("pp", 262.0) == "pp"  # a series of changes stays in its unit


def test_the_summary_table_gives_rates_for_a_percent_once_past_100() -> None:
    table = summary_table(_history(INDEX), _forecast())
    assert "change" not in table.columns
    # yoy 2016: 95 / 80 - 1 = 18.75%; CAGR 2015-2023: (262 / 80) ** (1 / 8) - 1 = 15.99%
    assert table["yoy"].iloc[1] == pytest.approx(18.75)
    assert table["cagr_to_date"].iloc[8] == pytest.approx(((262 / 80) ** (1 / 8) - 1) * 100)
    # a share (never past 100%) keeps its changes in points: 95 - 80 = 15 pp
    share = summary_table(_history([v / 3 for v in INDEX]), _forecast())
    assert share["change"].iloc[1] == pytest.approx(15.0 / 3)


def test_the_growth_rate_methods_are_compared_for_a_percent_once_past_100() -> None:
    aliases = [alias for alias, _ in compared_methods("%", 262.0)]
    assert aliases == ["auto", "drift_log", "damped_log", "drift"]
    assert [alias for alias, _ in compared_methods("%", 87.0)][1] == "drift"


def test_the_report_on_a_percent_once_past_100_speaks_of_growth(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from idcforecast.report.build import build_report

    data = tmp_path / "index.csv"
    _history(INDEX).to_csv(data, index=False)
    path = build_report(data=data, out=tmp_path / "r.pdf", date="2026-01-01")
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    # (262 / 80) ** (1 / 8) - 1 = 0.1599: 16.0% a year
    assert "Growth: 16.0% a year compounded from 2015." in text
    assert "percentage points" not in text and " pp" not in text
    assert "growth-rate methods (drift_log, damped_log) are not offered" not in text
