"""A Japanese or Korean unit line ("単位：百万円", "単位は億円", "단위: 억원"; 単 is the Japanese
form of 单) above the header, and in brackets after a name ("売上高(単位:億円)"): read as the
Chinese "单位：百万元" is. The line was not seen, so unit='JPY bn' read 1,500 JPY mn as
1,500 JPY bn, a 1,000x error, in both readers; the bracket was the magnitude error."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_layouts import header_unit
from idcforecast.batch import read_long_table
from idcforecast.errors import UnitError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("line", "said"), [("単位：百万円", "百万円"), ("単位は億円", "億円"), ("단위: 억원", "억원")]
)
def test_a_unit_line_against_unit_is_an_error(tmp_path: Path, line: str, said: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"{line}\nyear,売上高\n2019,1500\n2020,1700\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(UnitError, match=f"a line above the header says {line!r}"):
            read(path, header_row=1, unit="JPY bn")
        with pytest.raises(UnitError, match=f"pass unit={said!r}"):
            read(path, header_row=1, unit="JPY bn")


def test_the_unit_it_names_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("単位：百万円\nyear,売上高\n2019,1500\n2020,1700\n", encoding="utf-8")
    for read in READERS:
        got = read(path, header_row=1, unit="百万円")
        assert got["unit"].tolist() == ["JPY mn", "JPY mn"]
        assert got["value"].tolist() == [1500.0, 1700.0]


def test_in_brackets_after_a_name() -> None:
    assert header_unit("売上高(単位:億円)") == "JPY 100m"
    assert header_unit("매출(단위: 억원)") == "KRW 100m"
