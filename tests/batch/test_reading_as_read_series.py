"""read_long_table reads value cells, decimal marks and units as read_series does."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        'series_id,year,value (USD mn)\nus,2020,"$1,200"\nus,2021,1300 USD\nus,2022,1400\n',
        'series_id,year,value,unit\nus,2020,"$1,200",USD mn\nus,2021,1300 USD,USD mn\n'
        "us,2022,1400,USD mn\n",
    ],
    ids=["value header", "unit column"],
)
def test_a_currency_sign_alone_under_a_unit_with_a_magnitude_is_in_that_unit(
    tmp_path: Path, text: str
) -> None:
    # '$1,200' under 'USD mn' was read as 1,200 dollars (0.0012 USD mn), and the whole
    # series then converted to USD: 1400 USD mn came out 1.4e9 USD. read_series reads the
    # sign as naming the currency: 1,200 USD mn.
    path = _csv(tmp_path, text)
    out = read_long_table(path)
    assert out["value"].tolist() == [1200.0, 1300.0, 1400.0]
    assert out["unit"].tolist() == ["USD mn"] * 3
    assert out["note"].iloc[0] == (
        "'$1,200' read in the unit of its header or unit column, 'USD mn' (the sign names "
        "its currency, no magnitude)"
    )
    assert out["note"].iloc[0] == read_series(path)["note"].iloc[0]
    # in USD bn: 1200 USD mn / 1000 = 1.2 USD bn, 1300 / 1000 = 1.3, 1400 / 1000 = 1.4
    in_bn = read_long_table(path, unit="USD bn")
    assert in_bn["value"].tolist() == pytest.approx([1.2, 1.3, 1.4])
    assert in_bn["value"].tolist() == pytest.approx(read_series(path, unit="USD bn")["value"])


def test_a_currency_sign_with_its_own_magnitude_keeps_it(tmp_path: Path) -> None:
    # 'US$1.2bn' under 'USD mn' is 1.2 USD bn = 1200 USD mn, its own unit, noted
    path = _csv(tmp_path, "series_id,year,value (USD mn)\nus,2020,US$1.2bn\nus,2021,1300\n")
    out = read_long_table(path, unit="USD mn")
    assert out["value"].tolist() == pytest.approx([1200.0, 1300.0])
