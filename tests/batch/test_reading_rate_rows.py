"""Series named as rates ("growth", "增速") given one money unit= for the table: every row
of each is marked not converted, in one pass over the series (was a scan of every row per
such series: 86 s for 5,000 growth series of 10 years beside 5,000 others)."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from idcforecast._unit_lines import rate_rows_marked
from idcforecast.batch import read_long_table


def _place(i: int, column: str | None = None) -> str:
    return f"t.csv row {i + 2}"


def test_each_rate_series_without_a_unit_is_marked_on_every_row() -> None:
    out = pd.DataFrame(
        {
            "series_id": ["a growth", "rev", "b 增速", "a growth", None, "c share", "b 增速"],
            "year": [2019, 2019, 2019, 2020, 2020, 2019, 2020],
            "value": [10.0, 100.0, 5.0, 12.0, 1.0, 3.0, 6.0],
            # 'c share' states a unit on its row: not marked
            "unit": [None, None, None, None, None, "CNY bn", None],
        }
    )
    codes = np.array([0, 1, 2, 0, -1, 3, 2])  # as pd.factorize numbers them
    for given in (None, codes):
        notes = rate_rows_marked(out, "CNY bn", _place, given)["note"].tolist()
        marked = [i for i, note in enumerate(notes) if isinstance(note, str)]
        assert marked == [0, 2, 3, 6]
        # each note names its series' first row
        assert "t.csv row 2 (series 'a growth')" in notes[3]
        assert "t.csv row 4 (series 'b 增速')" in notes[6]


def test_many_rate_series_are_marked_as_each_would_be(tmp_path: Path) -> None:
    lines = ["series_id,year,value"]
    for s in range(300):
        name = f"m{s} growth" if s % 2 else f"m{s} 增速"
        lines += [f"{name},{year},{10 + s % 7}" for year in range(2019, 2022)]
        lines += [f"m{s} revenue,{year},{100 + year - 2019}" for year in range(2019, 2022)]
    path = tmp_path / "g.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = read_long_table(path, unit="CNY bn")
    rate = out["series_id"].str.contains("growth|增速")
    assert out["note"][rate].str.startswith("not converted to the unit asked for").all()
    assert out["note"][~rate].isna().all()
    # file line 8: the header, then 3 rows of m0 增速 and 3 of m0 revenue
    first = out.index[out["series_id"] == "m1 growth"][0]
    assert (
        out["note"]
        .iloc[first]
        .startswith(
            "not converted to the unit asked for: g.csv row 8, column 'value' (series 'm1 growth')"
        )
    )


def test_a_rate_series_given_its_unit_in_the_frame_is_forecast_in_it(tmp_path: Path) -> None:
    # a 'Growth' series of bare numbers beside unit='CNY 100m' is marked on every row and
    # left in 'CNY 100m'; setting '%' in the frame was refused on the mark all the same.
    # The unit as read is recorded after the table's unit filled the blank cells, so the
    # untouched frame still fails and the corrected one is read in %.
    from idcforecast.batch import forecast_many

    path = tmp_path / "rate.csv"
    path.write_text(
        "series_id,year,value\nmarket,2019,100\nmarket,2020,120\nmarket,2021,150\n"
        "Growth,2019,20\nGrowth,2020,25\nGrowth,2021,22\n",
        encoding="utf-8",
    )
    frame = read_long_table(path, unit="CNY 100m")
    assert frame["note"].iloc[3].endswith("; unit as read: 'CNY 100m'")
    out = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    assert out["status"].tolist() == ["ok", "failed"]
    fixed = frame.assign(unit=frame["unit"].where(frame["series_id"] != "Growth", "%"))
    out = forecast_many(fixed, 1, method="naive", engine="serial", progress=False)
    # naive: each series' last value, 150 CNY 100m and 22%
    assert out[["status", "mean", "unit"]].values.tolist() == [
        ["ok", 150.0, "CNY 100m"],
        ["ok", 22.0, "%"],
    ]
