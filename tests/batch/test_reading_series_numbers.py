"""read_long_table numbers each row's series once (stripped ids) and passes the numbers to
the checks that group rows by series (years repeated, rate-named series, magnitude
slips), which would otherwise hash the ids again each: the same rows are named."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd

from idcforecast.batch import read_long_table
from idcforecast.batch.cell_marks import repeated_years


def _place(i: int, column: str | None = None) -> str:
    return f"f.csv row {i + 2}"


def test_repeated_years_with_the_readers_numbers() -> None:
    out = pd.DataFrame(
        {"series_id": ["a", "b", "a", "b", "a"], "year": [2019, 2019, 2020, 2020, 2019]}
    )
    for codes in (None, np.array([0, 1, 0, 1, 0])):
        notes = [
            n if isinstance(n, str) else None for n in repeated_years(out, _place, codes)["note"]
        ]
        # 'a' 2019 on rows 0 and 4 (file rows 2 and 6); 'b' has each year once
        assert notes == [
            "year repeated: f.csv row 2",
            None,
            None,
            None,
            "year repeated: f.csv row 6",
        ]


def test_ids_with_spaces_are_one_series_in_every_check(tmp_path: Path) -> None:
    # ' cn' and 'cn' are one series: its 2019 twice is named on both rows, and its 2020's
    # 1,300 between 1.2 and 1.4 is a magnitude slip of that one series
    path = tmp_path / "f.csv"
    path.write_text(
        "series_id,year,value\ncn,2019,1.2\n us,2019,5\n cn,2020,1300\nus,2020,5.5\n"
        "cn ,2021,1.4\n cn,2019,1.3\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = read_long_table(path, unit="USD bn")
    assert out["series_id"].tolist() == ["cn", "us", "cn", "us", "cn", "cn"]
    notes = out["note"].tolist()
    assert notes[0] == "year repeated: f.csv row 2" and notes[5] == "year repeated: f.csv row 7"
    assert [n for n in notes[1:5] if isinstance(n, str)] == []
    said = [str(w.message) for w in caught if "300 times or more" in str(w.message)]
    assert len(said) == 1 and "series 'cn' 2020's 1,300 (f.csv row 4, column 'value')" in said[0]
