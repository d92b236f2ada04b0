"""report58: the racks report's assumptions counted the 2 filled gap years as history ("with
6 years of history") for a series of 4 figures over 2019-2024, beside the methodology's
"4 observed points (2 filled)"."""

from __future__ import annotations

import pandas as pd

from idcforecast.datasets import load_series
from idcforecast.report._analyses import calibration_evidence
from idcforecast.report._assumptions import assumptions


def _interval_item(history: pd.DataFrame) -> str:
    evidence = calibration_evidence(history, 6, "auto")
    [item] = [a for a in assumptions(history, pd.DataFrame(), evidence) if "intervals" in a]
    return item


def test_a_series_with_gaps_says_its_figures_and_its_years() -> None:
    racks = load_series("china_racks_in_use")
    # 2019, 2021, 2022, 2024 published: 4 figures over the 6 years 2019-2024 (2020, 2023 gaps)
    assert racks["year"].tolist() == [2019, 2021, 2022, 2024]
    item = _interval_item(racks)
    assert "with 4 figures over 6 years of history (2 gap years filled log-linearly, for " in item
    assert "6 years of history they" not in item


def test_a_series_without_gaps_says_its_years_as_before() -> None:
    # a 4-year run: 4 figures, 4 years: "with 4 years of history", as before
    frame = pd.DataFrame(
        {"series_id": "s", "year": range(2020, 2024), "value": [80.0, 95.0, 118.0, 141.0]}
    )
    assert "with 4 years of history they are themselves uncertain" in _interval_item(frame)


def test_a_series_with_a_value_not_positive_is_filled_linearly() -> None:
    # prepare_values fills log-linearly only when every value is positive
    from idcforecast.report._assumptions import _all_positive, _interval_assumption
    from idcforecast.report.context import CalibrationEvidence

    frame = pd.DataFrame({"year": [2018, 2019, 2021, 2022], "value": [-5.0, 3.0, 9.0, 12.0]})
    item = _interval_assumption(
        CalibrationEvidence(points=5, min_train=4), observed=4, positive=_all_positive(frame)
    )
    assert "with 4 figures over 5 years of history (1 gap year filled linearly, for " in item
