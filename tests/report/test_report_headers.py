"""Column headers of levels say something: "Value (count)" named no unit and said nothing
of what is counted; a plain count's column is "Number"."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report.style import value_header
from idcforecast.report.tables import format_summary, summary_table


def test_value_headers() -> None:
    assert value_header("count") == "Number"  # was "Value (count)"
    # was "Value (thousand)", then "Number (thousand)" beside "in thousands" elsewhere
    assert value_header("count thousand") == "Number (thousands)"
    assert value_header("CNY 100m") == "Value (CNY 100 million)"
    assert value_header("racks 10k") == "Value (10 thousand racks)"
    assert value_header("%") == "Value (percent)"
    assert value_header("") == "Value"


def test_the_summary_table_of_a_count_is_headed_number() -> None:
    history = pd.DataFrame(
        {"series_id": "dc", "year": [2022, 2023], "value": [597.0, 992.0], "unit": "count"}
    )
    forecast = pd.DataFrame(
        {"series_id": "dc", "year": [2024], "model": "drift", "mean": [1387.0],
         "lo_80": [1200.0], "hi_80": [1500.0], "lo_95": [1100.0], "hi_95": [1600.0]}
    )  # fmt: skip
    shown = format_summary(summary_table(history, forecast))
    assert list(shown.columns)[:2] == ["Year", "Number"]
    assert shown["Number"].tolist() == ["597", "992", "1,387"]  # 992 + (992 - 597)


def test_the_report_on_a_count_heads_its_tables_number(tmp_path: Path) -> None:
    data = tmp_path / "dc_count.csv"
    data.write_text(
        "year,value,unit\n2019,504,count\n2020,597,count\n2021,700,count\n"
        "2022,800,count\n2023,992,count\n"
    )
    path = build_report(data=data, method="drift", out=tmp_path / "r.pdf", date="2026-01-01")
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    assert "(count)" not in compact
    # the first page's table and the summary table
    assert "Year Number 80% interval 95% interval" in compact
    assert "Year Number YoY %" in compact
