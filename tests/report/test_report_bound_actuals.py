"""A report whose backtest meets only actuals published as bounds ("> 190").

accuracy() leaves such actuals out of its scores (n 0, NaN scores); the report crashed on the
NaN coverage ("cannot convert float NaN to integer") and would have printed "sMAPE nan%".
"""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pandas as pd

from idcforecast import accuracy, backtest, read_series
from idcforecast.report import _analyses as analyses
from idcforecast.report.sections.overview import _accuracy_row

CSV = 'year,value\n2015,100\n2016,120\n2017,140\n2018,165\n2019,"> 190"\n2020,"> 220"\n'


def _history(tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "bounds.csv"
    path.write_text(CSV)
    return read_series(path, unit="MW")


def test_a_backtest_of_bound_actuals_only_is_no_backtest_in_words(tmp_path: Path) -> None:
    history = _history(tmp_path)
    # 'auto' needs 4 points: its one cutoff (2018) meets 2019 and 2020, both bounds
    assert history["qualifier"].tolist()[-2:] == ["at_least", "at_least"]
    frame, scores, note = analyses.own_backtest(history, "auto")
    assert (frame, scores) == (None, None)
    assert note == (
        "No backtest is possible: every year a backtest could compare with was published as "
        'a bound ("more than" or "at most" a figure), which gives no error to score.'
    )


def test_the_overview_states_no_track_record_for_n_zero(tmp_path: Path) -> None:
    history = _history(tmp_path)
    scores = accuracy(backtest(history, 2, method="auto"))
    assert scores["n"].tolist() == [0, 0]
    ctx = SimpleNamespace(
        accuracy=scores, series_id=str(history["series_id"].iloc[0]), model="auto"
    )
    assert _accuracy_row(ctx) is None  # type: ignore[arg-type]


# 2014-2018 published as figures, 2019-2022 as "more than" bounds (readers keep the figure,
# qualifier at_least)
MOSTLY_BOUNDS = "year,value\n" + "".join(
    f"{2014 + i},{v}\n"
    for i, v in enumerate([100, 118, 141, 160, 188, '"> 215"', '"> 250"', '"> 283"', '"> 330"'])
)


def test_the_report_says_which_backtest_forecasts_bound_actuals_left_out(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from idcforecast.report.build import build_report

    data = tmp_path / "bounds.csv"
    data.write_text(MOSTLY_BOUNDS)
    path = build_report(
        data=data, out=tmp_path / "b.pdf", date="2026-01-01", read_options={"unit": "MW"}
    )
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    text = re.sub(r"\s+", " ", text)
    # 'auto' (4 points) 3 years ahead: cutoffs 2017, 2018, 2019, 3 forecasts each = 9; only
    # cutoff 2017's forecast of 2018 meets a figure, the other 8 meet the bounds of
    # 2019-2022: the table counts 1 forecast, and the paragraph said nothing of the 8
    assert "refits 'auto' at each of the 3 cutoffs (2017-2019)" in text
    assert (
        "its 8 forecasts of 2019, 2020, 2021 and 2022 are left out of the scores, which "
        "count the other 1 (the table's Forecasts): those years' figures were published as "
        'bounds ("more than" or "at most" a figure), which gives no error to score.'
    ) in text
    # the other methods share the cutoffs every method can use: 'damped_log' needs 6
    # points, so 2019 alone, whose actuals 2020-2022 are all bounds: nothing scored (it
    # said "scored on the 0 forecasts")
    assert "scored on the 0 forecasts" not in text
    assert (
        "Their backtest has no scores: every actual that the cutoffs every method could use "
        'compare with was published as a bound ("more than" or "at most" a figure)'
    ) in text


def test_a_backtest_without_bound_actuals_says_nothing_of_bounds() -> None:
    from idcforecast.report.sections.methods import _bound_actuals_text

    frame = pd.DataFrame({"year": [2019, 2020], "actual_bound": ["", ""]})
    assert _bound_actuals_text(frame) == ""
    assert _bound_actuals_text(frame.drop(columns="actual_bound")) == ""
    one = frame.assign(actual_bound=["", "at_most"])
    assert _bound_actuals_text(one).startswith(
        "; its 1 forecast of 2020 is left out of the scores, which count the other 1 "
        "(the table's Forecasts): the 2020 figure was published as a bound"
    )


def test_the_pace_from_a_latest_figure_published_as_more_than_is_at_most(
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    from idcforecast import forecast
    from idcforecast.report.build import build_report

    data = tmp_path / "racks.csv"
    data.write_text(
        'year,value,unit\n2016,"1,240",MW\n2017,"1,610",MW\n2018,"2,050",MW\n2019,"2,620",MW\n'
        '2020,"3,150",MW\n2021,"more than 4,000",MW\n2022,"4,630",MW\n'
        '2023,"more than 5,400",MW\n'
    )
    path = build_report(data=data, out=tmp_path / "r.pdf", date="2026-01-01", seed=0)
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    # 2023 was "more than 5,400": the pace from it to 2030's central value is at most
    # (central / 5,400) ** (1 / 7) - 1 (it was printed bare, "9.0% a year from 2023",
    # while the summary table marked 2024's growth "<")
    central = float(forecast(read_series(data), 7, seed=0)["mean"].iloc[-1])
    pace = 100 * ((central / 5400) ** (1 / 7) - 1)
    assert f"at most {pace:.1f}% a year from 2023 (the 2023 figure is a bound)." in text


def test_the_calibration_evidence_scores_no_bound_year(tmp_path: Path) -> None:
    # forecast() leaves years published as bounds out of the interval calibration; the
    # report counted a cutoff as scored when its only later years were bounds. 'auto' fits
    # on 4 points: the cutoffs end in 2019 (scored on 2020) and 2018 (on 2019 and 2020),
    # and both later years are "more than" figures, so nothing is scored
    history = _history(tmp_path)
    evidence = analyses.calibration_evidence(history, 5, "auto")
    assert (evidence.cutoff_years, evidence.steps, evidence.bound_years) == (
        (),
        0,
        (2019, 2020),
    )
    # the same figures read as exact: both cutoffs scored, 2 years ahead at most
    exact = analyses.calibration_evidence(history.drop(columns="qualifier"), 5, "auto")
    assert (exact.cutoff_years, exact.steps, exact.bound_years) == ((2019, 2018), 2, ())


def test_the_methodology_says_the_intervals_rest_on_the_prior_when_only_bounds_follow(
    tmp_path: Path,
) -> None:
    from pypdf import PdfReader

    from idcforecast.report.build import build_report

    data = tmp_path / "bounds.csv"
    data.write_text(CSV)
    path = build_report(
        data=data, out=tmp_path / "r.pdf", date="2026-01-01", read_options={"unit": "MW"}
    )
    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))
    assert (
        "No earlier cutoff could be scored for the intervals: the figures of 2019 and 2020 "
        'were published as bounds ("more than" or "at most" a figure), which give no error '
        "to score. The interval width therefore rests on the prior alone" in text
    )
    assert "earlier cutoff (fitted on the data up to" not in text


def test_the_methodology_names_the_bound_years_it_did_not_score(tmp_path: Path) -> None:
    # 2014-2018 figures, 2019-2022 bounds: only the cutoff ending 2017 meets a figure (2018)
    path = tmp_path / "mostly.csv"
    path.write_text(MOSTLY_BOUNDS)
    history = read_series(path, unit="MW")
    evidence = analyses.calibration_evidence(history, 5, "auto")
    assert (evidence.cutoff_years, evidence.steps) == ((2017,), 1)
    assert evidence.bound_years == (2019, 2020, 2021, 2022)
