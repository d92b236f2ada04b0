"""A report on a plain count (hyperscale data centers) reads as counts: "1,136", not
"1,136.0 count"; and its assumptions claim no China-IDC fact about another market."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report._numbers import LevelFormat, whole_counts

DATE = "2026-01-01"


def _compact(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture(scope="module")
def count_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    # bundled: 597 (2020), 992 (2023), 1,136 (2024) hyperscale data centers; three points,
    # so 'drift' (auto needs four)
    out = tmp_path_factory.mktemp("count") / "hyperscale.pdf"
    build_report(
        dataset="hyperscale_dc_count",
        series_id="hyperscale_dc_count",
        method="drift",
        out=out,
        date=DATE,
    )
    return _compact(out)


def test_a_plain_count_prints_whole_numbers_without_the_word_count(count_report: str) -> None:
    # it read "in count", "Latest: 1,136.0 count in 2024." and "Values in count."
    assert "Latest: 1,136 in 2024." in count_report
    assert "a plain count (no unit). Forecast to 2030." in count_report
    assert "Values are plain counts." in count_report
    assert "1,136.0" not in count_report and "597.0" not in count_report
    assert not re.search(r"\d count in\b", count_report)  # the key-figure card says "count"
    # the forecast too is a whole number of data centers, with its interval
    assert re.search(r"Forecast: \d,\d{3} in 2030 \(80% interval \d,\d{3}-\d,\d{3};", count_report)


def test_whole_counts_only_for_counted_things_given_as_whole_numbers() -> None:
    assert whole_counts([597.0, 992.0, 1136.0], "count")
    assert whole_counts([5200000.0], "racks")
    assert not whole_counts([597.0, 992.5], "count")  # a fraction of a count: as given
    assert not whole_counts([880.0, 1085.0], "racks 10k")  # 10 thousand racks: 88.05 may come
    assert not whole_counts([800.0, 1200.0], "MW")  # a measure, not a count
    assert not whole_counts([210.0], "CNY 100m")
    assert not whole_counts([], "count")
    assert LevelFormat.for_values([597.0, 1944.53], whole=True).text(1944.53) == "1,945"
    assert LevelFormat.for_values([597.0, 1944.53]).text(1944.53) == "1,944.5"


def test_another_markets_scope_is_not_said_to_differ_by_3x(count_report: str) -> None:
    # "differ by up to 3x" is the China IDC market's four scopes (data/README.md: 1,293.5
    # to 4,043.2 亿元 in 2022); the report said it of hyperscale data-center counts too
    assert "One scope only (synergy_hyperscale_worldwide)." in count_report
    assert "3x" not in count_report


def test_the_china_idc_market_keeps_its_scope_warning(tmp_path: Path) -> None:
    text = _compact(build_report(out=tmp_path / "china.pdf", date=DATE))
    # and says what the scope counts: "cidc_overall" and "CIDC" were named nowhere
    assert (
        "One scope only (cidc_overall: the IDC business market as CIDC, the China IDC Circle "
        "consultancy, counts it, cloud IaaS/PaaS included). Other definitions of the same "
        "market differ by up to 3x for the same year and are never mixed into this series."
    ) in text


def test_the_card_and_the_chart_axis_say_number_as_the_tables_do(count_report: str) -> None:
    # the headline card read "1,136 count" and the forecast chart's axis "count (log
    # scale)" while the tables' column said "Number"
    assert "Latest actual (2024) 1,136 number " in count_report
    assert "number (log scale)" in count_report
    assert "count (log scale)" not in count_report
    assert "1,136 count" not in count_report


def test_the_scenario_probabilities_name_no_unit_for_a_plain_count(tmp_path: Path) -> None:
    # "exceeds each level (in count)" named a unit no reader has
    import pandas as pd

    data = pd.DataFrame(
        {
            "series_id": "dc",
            "year": range(2017, 2025),
            "value": [430, 480, 512, 597, 700, 800, 992, 1136],
            "unit": "count",
        }
    )
    spec = tmp_path / "dc.toml"
    spec.write_text(
        'series_id = "dc"\nunit = "count"\n'
        '[scenarios.base]\n[scenarios.slow]\ngrowth = { "2025-2030" = -0.05 }\n',
        encoding="utf-8",
    )
    out = build_report(data=data, scenarios=spec, out=tmp_path / "s.pdf", date=DATE)
    text = _compact(out)
    assert "Probability that the 2030 value exceeds each level, as the share" in text
    assert "(in count)" not in text and "(in number)" not in text


def test_a_count_in_millions_is_named_in_millions_everywhere(tmp_path: Path) -> None:
    # one rule: a heading, an axis or an "in ..." phrase names the plural ("in millions",
    # "Number (millions)"), a figure the singular ("6.93 million"); the cover said "in
    # million", the tables "Number (million)" and "Values in million", the axis "million"
    from idcforecast.report.style import unit_heading

    csv = tmp_path / "servers.csv"
    # 2,500,000 servers growing 12% a year; read as plain numbers, shown in millions
    values = [int(2_500_000 * 1.12**i) for i in range(10)]
    csv.write_text(
        "year,value,unit\n" + "".join(f"{2012 + i},{v},count\n" for i, v in enumerate(values)),
        encoding="utf-8",
    )
    text = _compact(build_report(data=csv, out=tmp_path / "s.pdf", date=DATE))
    assert "Series servers (scope: not stated), in millions. Forecast to 2030." in text
    assert "Number (millions)" in text
    assert "Values in millions." in text
    assert "shown in millions (divided by 1,000,000)" in text
    # 2021: int(2,500,000 x 1.12^9) = 6,932,69x: "6.93 million", singular after a figure
    assert "Latest: 6.93 million in 2021." in text
    assert not re.search(r"\bin million\b|\(million\)", text)
    assert unit_heading("count mn") == "millions"
    import pandas as pd

    from idcforecast import forecast, plot_forecast

    shown = pd.DataFrame(
        {"series_id": "s", "year": range(2012, 2022), "value": [v / 1e6 for v in values]}
    ).assign(unit="count mn")
    axis = plot_forecast(shown, forecast(shown, 3)).axes[0].get_ylabel()
    assert axis.removesuffix(" (log scale)") == "millions"  # was "million"
    assert unit_heading("count 10k") == "units of 10 thousand"
    assert unit_heading("CNY 100m") == "CNY 100 million"  # money keeps its label
