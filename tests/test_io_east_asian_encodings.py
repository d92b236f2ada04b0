"""A CSV saved by Excel on Japanese or Korean Windows (cp932 / cp949): the decoding error
names that encoding (was: only gb18030 and cp1252, and gb18030 reads any bytes, so a
Shift-JIS file read as it gave wrong hanzi in every name and unit, with no error); a GBK
file keeps the gb18030 fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("text", "codec", "said"),
    [
        (
            "年,市場規模（億円）,データ\n2019,1562,あり\n",
            "shift_jis",
            "it reads as Japanese Windows text (Shift-JIS): pass encoding='cp932'",
        ),
        ("연도,시장 규모(억원)\n2019,1562\n", "cp949", "it reads as Korean Windows text: "),
        (
            "地区,2019年,2020年\n北京市,100,120\n注：单位为亿元，数据来源：科智咨询\n",
            "gbk",
            "pass encoding='gb18030' (--encoding gb18030) for a CSV saved by Excel on Chinese",
        ),
    ],
)
def test_the_encoding_is_named(tmp_path: Path, text: str, codec: str, said: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode(codec))
    for read in READERS:
        with pytest.raises(DataError, match=re.escape(said)):
            read(path)


def test_the_named_encoding_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes("年,市場規模（億円）\n2019,1562\n".encode("shift_jis"))
    got = read_series(path, encoding="cp932", unit="JPY bn")
    # 1,562 億円 (100m each) = 156.2 JPY bn
    assert got["value"].tolist() == pytest.approx([156.2])
