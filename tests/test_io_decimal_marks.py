"""read_series on a ';'-separated file: its decimal mark, read when only one reading exists."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import AmbiguousNumberWarning, ParseError


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # a comma before one or two digits groups no thousands: 1,5 = 1 + 5/10
        (("1,5", "2,25"), [1.5, 2.25]),
        # point-grouped thousands before the comma: 1.234,5 = 1234 + 5/10
        (("1.234,5", "2.000,25"), [1234.5, 2000.25]),
        # four digits after the comma group no thousands either: 0,1234 = 1234/10000
        (("0,1234", "12"), [0.1234, 12.0]),
        # thousands grouped by a space or a no-break space: 1 562,5 = 1562 + 5/10
        (("1 562,5", "2\u00a0238,7"), [1562.5, 2238.7]),
        # with a unit and a percent: 27,8% = 27 + 8/10 percent
        (("27,8%", "30,1%"), [27.8, 30.1]),
    ],
)
def test_a_semicolon_file_with_decimal_commas_is_read_so(
    tmp_path: Path, cells: tuple[str, str], expected: list[float]
) -> None:
    # readers40: '1,5' in a ';' file was a ParseError asking for decimal=',' although no
    # other reading of the file exists ('1,5' groups no thousands)
    path = tmp_path / "markt.csv"
    unit = "%" if "%" in cells[0] else "EUR bn"
    path.write_text(f"year;value;unit\n2019;{cells[0]};{unit}\n2020;{cells[1]};{unit}\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = read_series(path)
    assert out["value"].tolist() == pytest.approx(expected)
    assert out["value"].tolist() == pytest.approx(read_series(path, decimal=",")["value"].tolist())


def test_a_wide_semicolon_file_with_decimal_commas_is_read_so(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text("region;2019;2020\nDE;1,5;2,25\nFR;3;4,75\n")
    out = read_series(path, unit="EUR bn")
    assert out["value"].tolist() == [1.5, 2.25, 3.0, 4.75]


@pytest.mark.parametrize(
    ("cells", "why"),
    [
        (("1,5", "1,500"), "1,500 is 1500 or 1.5"),
        (("1,5", "1.228"), "1.228 is 1.228 or 1228"),
        (("1,5", "12.5"), "12.5 has a decimal point"),
    ],
)
def test_a_semicolon_file_with_a_number_read_two_ways_is_not_guessed(
    tmp_path: Path, cells: tuple[str, str], why: str
) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(f"year;value;unit\n2019;{cells[0]};EUR bn\n2020;{cells[1]};EUR bn\n")
    with pytest.raises(ParseError, match="decimal=','"):  # why: the old advice stands
        read_series(path)


def test_decimal_commas_are_not_detected_in_a_comma_separated_file(tmp_path: Path) -> None:
    path = tmp_path / "quoted.csv"  # a quoted "1,5" in a ',' file: the user's decimal mark
    path.write_text('year,value,unit\n2019,"1,5",EUR bn\n')
    with pytest.raises(ParseError, match="decimal=','"):
        read_series(path)


def test_a_quote_column_does_not_decide_the_decimal_mark(tmp_path: Path) -> None:
    # 'ca. 1,5' in a quote column holds no value: the value column's 1.5 is a decimal point
    path = tmp_path / "quotes.csv"
    path.write_text("year;value;unit;quote\n2019;1.5;EUR bn;1,5 Mrd.\n2020;2;EUR bn;2 Mrd.\n")
    assert read_series(path)["value"].tolist() == [1.5, 2.0]


def test_three_digit_groups_everywhere_still_warn(tmp_path: Path) -> None:
    path = tmp_path / "eu.csv"
    path.write_text("year;value;unit\n2019;1,500;MW\n2020;2,250;MW\n")
    with pytest.warns(AmbiguousNumberWarning, match="pass decimal=','"):
        assert read_series(path)["value"].tolist() == [1500.0, 2250.0]


def test_numeric_series_ids_do_not_silence_the_three_digit_groups_warning(
    tmp_path: Path,
) -> None:
    # series ids written as numbers ('101', a region code) came first in the scan of every
    # column, and '101' (no three-digit group) ended it: 1.562 and 1.875 were read 1000
    # times smaller than a continental export means, without the warning; the id column
    # holds no value and is no longer scanned (which also made a 200,000-row ';' file
    # read faster)
    path = tmp_path / "eu.csv"
    path.write_text("series_id;year;value;unit\n101;2019;1.562;MW\n101;2020;1.875;MW\n")
    with pytest.warns(AmbiguousNumberWarning, match=re.escape("every number ('1.562', '1.875'")):
        assert read_series(path)["value"].tolist() == [1.562, 1.875]
    with pytest.warns(AmbiguousNumberWarning, match=re.escape("every number ('1.562', '1.875'")):
        assert read_long_table(path)["value"].tolist() == [1.562, 1.875]


def test_a_semicolon_files_padded_numbers_read_in_the_batch_reader(tmp_path: Path) -> None:
    # read_long_table strips only the text cells to_numeric leaves: ' 12.5 ' is read by
    # to_numeric, a no-break space ('\u00a012.5') and '1,562.5' by the figure reader
    path = tmp_path / "pad.csv"
    path.write_text(
        "series_id;year;value;unit\na; 2019 ; 12.5 ;MW\na;2020;\u00a013.5;MW\na;2021;1,562.5;MW\n",
        encoding="utf-8",
    )
    assert read_long_table(path)["value"].tolist() == [12.5, 13.5, 1562.5]


def test_show_reads_a_decimal_comma_file_and_says_so_in_its_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    path = tmp_path / "markt.csv"
    path.write_text("year;value;unit\n2019;1,5;EUR bn\n2020;2,25;EUR bn\n")
    assert main(["show", "--data", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2019   1.50" in out and "2020   2.25  +50.0%" in out  # 2.25 / 1.5 - 1 = 50%
    with pytest.raises(SystemExit):
        main(["show", "--help"])
    assert "whose numbers read only with ',', '1,5', is read so" in " ".join(
        capsys.readouterr().out.split()
    )
