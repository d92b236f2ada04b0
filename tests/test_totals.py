"""A table's total line read as a series: recognised by its label, checked against its parts."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast._totals import is_total_label, total_check, warn_total_series
from idcforecast.batch import read_long_table
from idcforecast.errors import IdcForecastWarning, TotalRowWarning


@pytest.mark.parametrize(
    "label", ["Total", "TOTAL:", "Grand total", "Subtotal", "Sum", "合计", "总计（亿元）", "合計"]
)
def test_total_labels(label: str) -> None:
    assert is_total_label(label)


@pytest.mark.parametrize("label", ["Total market", "China", "totally", "", None, 2020])
def test_labels_that_are_not_a_total_line(label: object) -> None:
    assert not is_total_label(label)


def _frame(values: dict[str, list[float]], units: dict[str, str] | None = None) -> pd.DataFrame:
    rows = [
        {"series_id": sid, "year": 2019 + i, "value": v, "unit": (units or {}).get(sid, "MW")}
        for sid, series in values.items()
        for i, v in enumerate(series)
    ]
    return pd.DataFrame(rows)


def test_total_check_compares_year_by_year_within_rounding() -> None:
    # 10 + 20 = 30 and 11 + 22 = 33; 33.1 is 0.3% above 33: rounding, a match
    frame = _frame({"a": [10, 11], "b": [20, 22], "Total": [30, 33.1]})
    assert total_check(frame, "Total") == (
        "it is the sum of the other 2 ('a', 'b') in every year compared (2019, 2020)"
    )
    # 34 is 34 / 33 - 1 = +3.0% off
    assert total_check(frame.replace(33.1, 34.0), "Total") == (
        "it is not the sum of the other 2 ('a', 'b'): 2020 is 34 against their 33 (+3.0%)"
    )
    # a year a part lacks is not compared; none left: said so
    assert total_check(_frame({"a": [10], "b": [float("nan")], "Total": [30]}), "Total") == (
        "not compared with the other 2 ('a', 'b'): no year has a number in every one of them"
    )
    units = {"a": "MW", "b": "GW", "Total": "MW"}
    assert total_check(_frame({"a": [1], "b": [2], "Total": [3]}, units), "Total") == (
        "not compared with the other 2 ('a', 'b'): their units differ (GW, MW)"
    )
    assert total_check(_frame({"Total": [3]}), "Total") == "no other series to compare it with"


def test_no_warning_without_a_total_and_the_warning_is_a_package_note() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_total_series(_frame({"a": [1], "Total market": [2]}), name="m.csv")
    assert issubclass(TotalRowWarning, IdcForecastWarning)
    with pytest.warns(TotalRowWarning, match="m.csv: the column 'Total' looks like"):
        warn_total_series(_frame({"a": [1], "Total": [1]}), name="m.csv", line="column")


def test_a_total_in_the_first_key_column_is_a_total_of_its_measure(tmp_path) -> None:
    # readers24: "合计 / 市场规模" (the total row named in the first of two key columns) got
    # no warning; only "China / Total" and "Total" did
    from idcforecast.batch import read_long_table

    path = tmp_path / "tot.csv"
    path.write_text(
        "地区,指标,2020,2021\n华北,市场规模,100,120\n华东,市场规模,200,230\n"
        "合计,市场规模,300,350\n华北,机架,10,12\n华东,机架,20,23\n合计,机架,30,36\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_long_table(path)
    messages = [str(w.message) for w in caught if issubclass(w.category, TotalRowWarning)]
    assert len(messages) == 2
    # 100 + 200 = 300, 120 + 230 = 350: the sum of its own measure's rows, not the racks'
    assert (
        "it is the sum of the other 2 ('华北 / 市场规模', '华东 / 市场规模') in every year"
        in (messages[0])
    )
    # 12 + 23 = 35 against 36
    assert (
        "it is not the sum of the other 2 ('华北 / 机架', '华东 / 机架'): 2021 is 36"
        in (messages[1])
    )


def test_a_line_breaking_another_down_is_no_part_of_the_total(tmp_path: Path) -> None:
    # '其中：核心区' (of which: the core district) breaks a line above down: counted as a
    # part, the total 180 = 100 + 80 was "not the sum of the other 3 ... 180 against their
    # 230 (-21.7%)", a false alarm about a table that adds up
    path = tmp_path / "tot.csv"
    path.write_text(
        "地区,2019,2020\n北京（亿元）,100,120\n上海（亿元）,80,90\n合计（亿元）,180,210\n"
        "其中：核心区（亿元）,50,60\n",
        encoding="utf-8",
    )
    said = (
        "it is the sum of the other 2 ('北京（亿元）', '上海（亿元）'; '其中：核心区（亿元）' "
        "breaking a line down not counted) in every year compared (2019, 2020)"
    )
    with pytest.warns(TotalRowWarning, match=re.escape(said)):
        read_series(path)
    with pytest.warns(TotalRowWarning, match=re.escape(said)):
        read_long_table(path)


def test_sub_item_names() -> None:
    from idcforecast._totals import _is_sub_item

    assert [_is_sub_item(s) for s in ("其中：核心区", "of which: colo", "incl. Beijing")] == [
        True,
        True,
        True,
    ]
    assert [_is_sub_item(s) for s in ("含税收入", "Including", "Inclusive", "China")] == [
        False,
        True,
        False,
        False,
    ]
