"""A published forecast for a year the data lack, though later years are reported (the
bundled CIDC series has no 2013 figure; a user's folder with no 2022 file), was marked
"not yet" in the report's track-record table and "no actual yet" in the chart's legend
(report57): the year is past and will not be reported by the data as they stand."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

import idcforecast as idc
from idcforecast.report._numbers import LevelFormat
from idcforecast.report.charts import plot_claims
from idcforecast.report.sections.claims_and_scenarios import (
    track_record_notes,
    track_record_table,
)

CLAIMS = (
    "claim_set,subject,kind,year,value,made,unit\n"
    "gap,china_idc_cidc_overall,level,2013,300,2012,CNY 100m\n"
    "later,china_idc_cidc_overall,level,2031,12000,2024,CNY 100m\n"
)


def _record(tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "claims.csv"
    path.write_text(CLAIMS, encoding="utf-8")
    return idc.track_record(path)


def test_a_forecast_for_a_gap_year_is_no_actual_not_not_yet(tmp_path: Path) -> None:
    record = _record(tmp_path)
    # track_record tells the two apart: 2013 is a gap of the bundled series (2012 and
    # 2014 are there), 2031 after its latest year, 2023
    assert record["status"].tolist() == ["no actual for 2013", "no actual yet (latest 2023)"]
    table = track_record_table(record, LevelFormat(1, 0))
    assert table["Held"].tolist() == ["no actual", "not yet"]  # was "not yet" both
    assert track_record_notes(record) == (
        "Held 'no actual': the data have no figure for 2013, though later years are "
        "reported, so the forecast cannot be checked."
    )


def test_the_claims_chart_legend_names_a_gap_apart_from_no_actual_yet(tmp_path: Path) -> None:
    legend = plot_claims(_record(tmp_path)).axes[0].get_legend()
    texts = [t.get_text() for t in legend.get_texts()]
    assert "no actual yet or no actual (a gap)" in texts  # was "no actual yet" alone
    only_gap = plot_claims(_record(tmp_path).iloc[:1]).axes[0].get_legend()
    assert "no actual (a gap)" in [t.get_text() for t in only_gap.get_texts()]
    plt.close("all")


def test_the_overview_says_a_forecast_for_a_gap_year_cannot_be_checked(tmp_path: Path) -> None:
    # the overview counted only forecasts with an actual ("1 came due") and left one for
    # a gap year unsaid, beside a table listing it
    from types import SimpleNamespace

    from idcforecast.report.sections.overview import _claims_lines

    path = tmp_path / "claims.csv"
    path.write_text(
        CLAIMS + "due,china_idc_cidc_overall,level,2016,700,2015,CNY 100m\n", encoding="utf-8"
    )
    record = idc.track_record(path)
    ctx = SimpleNamespace(claims=None, track_record=record)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    # 700 / 714.5 - 1 = -2.0%: within the 5% tolerance, held
    assert line == (
        "**Published forecasts:** 1 came due; 1 held: the point forecast held, 2.0% below "
        "the actual; 1 forecast for 2013, a year the data lack, cannot be checked."
    )
    ctx = SimpleNamespace(claims=None, track_record=record[record["claim_set"] != "due"])
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    assert line == (
        "**Published forecasts:** none with an actual came due; 1 forecast for 2013, a year "
        "the data lack, cannot be checked."
    )
