"""A report whose backtest meets only actuals published as bounds ("> 190").

accuracy() leaves such actuals out of its scores (n 0, NaN scores); the report crashed on the
NaN coverage ("cannot convert float NaN to integer") and would have printed "sMAPE nan%".
"""

from __future__ import annotations

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
