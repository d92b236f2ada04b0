"""A value a magnitude slip explains (~1,000x its neighbours) is named, never changed."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.batch.reading_columns import _stripped_ids
from idcforecast.errors import AmbiguousNumberWarning, MagnitudeJumpWarning


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_dollar_figure_under_a_usd_bn_heading_is_named_in_both_readers(tmp_path: Path) -> None:
    # '$1,300' (USD million, as another report wrote it) under 'USD bn' beside 1.2 and 1.4
    # was read as 1,300 USD bn in silence: the series 1,000 times too large in 2020
    path = _csv(tmp_path, 'series,unit,2019,2020,2021,2022\nmkt,USD bn,1.2,"$1,300",1.4,1.6\n')
    # 1300 / 1.2 = 1083.3 and 1300 / 1.4 = 928.6: "1,083 times" and "929 times"
    said = (
        "series 'mkt' 2020's 1,300 (m.csv row 2, column '2020', '$1,300') is 1,083 times "
        "2019's 1.2 and 929 times 2021's 1.4"
    )
    with pytest.warns(MagnitudeJumpWarning, match=re.escape(said)) as caught:
        out = read_series(path)
    assert out["value"].tolist() == [1.2, 1300.0, 1.4, 1.6]  # read as written
    assert "1 value 300 times or more" in str(caught[0].message)
    assert issubclass(MagnitudeJumpWarning, AmbiguousNumberWarning)
    # read_long_table's quote column (the cell as published) names the cell as written too
    with pytest.warns(MagnitudeJumpWarning, match=re.escape(said)):
        assert read_long_table(path)["value"].tolist() == [1.2, 1300.0, 1.4, 1.6]


def test_a_figure_converted_a_million_times_smaller_is_named(tmp_path: Path) -> None:
    # unit='USD bn' and '$1,300' in a long table: 1,300 dollars, 1.3e-6 USD bn, between 1.2
    # and 1.4 (1.2 / 1.3e-6 = 923,077; 1.4 / 1.3e-6 = 1,076,923)
    path = _csv(tmp_path, 'year,value\n2019,1.2\n2020,"$1,300"\n2021,1.4\n')
    said = (
        "series 'm' 2020's 1.3e-06 (m.csv row 3, '$1,300') is 1/923,077 of 2019's 1.2 and "
        "1/1,076,923 of 2021's 1.4"
    )
    with pytest.warns(MagnitudeJumpWarning, match=re.escape(said)):
        read_series(path, unit="USD bn")


def test_a_step_the_series_stays_on_names_both_sides(tmp_path: Path) -> None:
    # from 2021 on the figures are in millions, not billions: one step up, 1,400 / 1.3
    table = pd.DataFrame({"year": [2019, 2020, 2021, 2022], "value": [1.2, 1.3, 1400, 1500]})
    said = (
        "series 'mkt' 2021's 1,400 (DataFrame row 2) is 1,077 times 2020's 1.3 "
        "(DataFrame row 1) before it"
    )
    with pytest.warns(MagnitudeJumpWarning, match=re.escape(said)):
        read_series(table, series_id="mkt", unit="USD bn")


@pytest.mark.parametrize(
    ("years", "values"),
    [
        ([2019, 2020, 2021, 2022], [1.0, 2.0, 4.0, 8.0]),  # doubling every year
        ([2019, 2020, 2021], [1.0, 10.0, 100.0]),  # 10x a year
        ([2019, 2020], [1.0, 299.0]),  # under 300x
        ([2019, 2021], [1.0, 590.0]),  # across a year not published: 600x is the bound
        ([2019, 2020, 2021], [0.0, 500.0, -2.0]),  # no ratio from zero or a negative
    ],
)
def test_growth_fast_but_not_a_slip_is_not_named(years: list[int], values: list[float]) -> None:
    table = pd.DataFrame({"year": years, "value": values})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_series(table, series_id="m", unit="MW")


def test_bounds_of_a_step_in_a_year_and_across_a_gap() -> None:
    # 300x in one year is named; 600x across one year not published is named, 590x not
    for years, values in (([2019, 2020], [1.0, 300.0]), ([2019, 2021], [1.0, 600.0])):
        table = pd.DataFrame({"year": years, "value": values})
        with pytest.warns(MagnitudeJumpWarning, match="times 2019's 1"):
            read_series(table, series_id="m", unit="MW")


def test_a_rate_in_percent_is_not_a_level() -> None:
    # growth of 0.1% then 35%: a rate's step, not a market's
    table = pd.DataFrame({"year": [2019, 2020], "value": ["0.1%", "35%"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_series(table, series_id="g")["value"].tolist() == [0.1, 35.0]


def test_a_table_written_year_by_year_is_checked(tmp_path: Path) -> None:
    # rows year by year (2019's series, then 2020's), no series' two rows side by side: the
    # check took the table for grouped by series and compared nothing, so 'a' 2020's 1,300
    # between 1.2 and 1.4 (1300 / 1.2 = 1,083; 1300 / 1.4 = 929) went unnamed
    path = _csv(
        tmp_path,
        "series_id,year,value\na,2019,1.2\nb,2019,5\na,2020,1300\nb,2020,5.5\na,2021,1.4\n"
        "b,2021,6\n",
    )
    said = "series 'a' 2020's 1,300 (m.csv row 4, column 'value') is 1,083 times 2019's 1.2"
    with pytest.warns(MagnitudeJumpWarning, match=re.escape(said)) as caught:
        read_long_table(path)
    assert "929 times 2021's 1.4" in str(caught[0].message)
    assert "1 value " in str(caught[0].message)  # 'b' (5 -> 5.5 -> 6) not named


def _jumps_one_series_at_a_time(frame: pd.DataFrame) -> list[tuple[object, object, float]]:
    """The steps counted the plain way, series by series in a loop (the reference)."""
    found = []
    for _, rows in frame.groupby("series_id", sort=False):
        rows = rows.dropna(subset=["year"]).sort_values("year", kind="stable")
        labels, years, values = rows.index.tolist(), rows["year"].tolist(), rows["value"].tolist()
        for k in range(1, len(rows)):
            gap = years[k] - years[k - 1]
            a, b = values[k - 1], values[k]
            if gap >= 1 and a > 0 and b > 0:
                bound = 300.0 * 2 ** (gap - 1)  # JUMP_FACTOR, doubling per year of a gap
                if b / a >= bound * (1 - 1e-12) or a / b >= bound * (1 - 1e-12):
                    found.append((labels[k - 1], labels[k], b / a))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_jumps_match_a_series_by_series_loop_in_any_row_order(seed: int) -> None:
    # the sort-free grid (rows shuffled or year by year) and the grouped path find the
    # same steps as a plain loop over each series, in its order: series, then year
    import numpy as np

    from idcforecast._magnitude_jumps import magnitude_jumps

    rng = np.random.default_rng(seed)
    rows = []
    for sid in range(40):
        years = sorted(rng.choice(np.arange(2010, 2030), size=rng.integers(1, 8), replace=False))
        for year in years:  # mostly growth, sometimes a 1,000x slip, a zero or a blank
            value = float(
                rng.choice([1.0, 1.5, 2.0, 1000.0, 0.0, np.nan], p=[0.4, 0.2, 0.2, 0.1, 0.05, 0.05])
            )
            rows.append((f"s{sid}", int(year), value * (sid + 1)))
    grouped = pd.DataFrame(rows, columns=["series_id", "year", "value"])
    assert _jumps_one_series_at_a_time(grouped)  # the data has slips to find
    for frame in (
        grouped,
        grouped.sample(frac=1, random_state=seed),  # shuffled, labels kept
        grouped.sort_values(["year"], kind="stable"),  # year by year
        # a year centuries off: too sparse a grid, sorted instead
        pd.concat([grouped, pd.DataFrame({"series_id": ["far"], "year": [1500], "value": [1.0]})])
        .sample(frac=1, random_state=seed)
        .reset_index(drop=True),
    ):
        want = _jumps_one_series_at_a_time(frame)  # series in order of appearance, by year
        got = magnitude_jumps(frame)
        assert [(a, b) for a, b, _ in got] == [(a, b) for a, b, _ in want]
        assert [r for *_, r in got] == pytest.approx([r for *_, r in want])
        # read_long_table's numbers of each row's series (ids " s1" and "s1" one series),
        # passed so that the ids are not hashed again: the same steps
        spaced = frame.assign(series_id=[f" {s}" if k % 3 else s for k, s in
                                         enumerate(frame["series_id"])])  # fmt: skip
        ids, _, codes = _stripped_ids(spaced["series_id"])
        assert magnitude_jumps(frame, codes) == got
        assert magnitude_jumps(spaced.assign(series_id=ids), codes) == got


@pytest.mark.parametrize(
    ("years", "values", "named"),
    [
        ([2019, 2020], [1.0, 300.0], True),  # 300x in a year: JUMP_FACTOR, named
        ([2019, 2020], [300.0, 1.0], True),  # down by as much
        ([2019, 2020], [1.0, 299.0], False),
        ([2019, 2021], [1.0, 600.0], True),  # across a year not published: 300 * 2
        ([2019, 2021], [0.1, 59.9], False),
    ],
)
def test_the_bound_of_a_step_exactly(years: list[int], values: list[float], named: bool) -> None:
    from idcforecast._magnitude_jumps import magnitude_jumps

    frame = pd.DataFrame({"series_id": "m", "year": years, "value": values})
    assert bool(magnitude_jumps(frame)) is named
    assert bool(magnitude_jumps(frame, np.zeros(2, dtype=np.intp))) is named
