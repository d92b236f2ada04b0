"""`idcforecast forecast-many -`: the table read from standard input."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast.cli import batch_cmd
from idcforecast.errors import DataError


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    batch_cmd.add_arguments(parser)
    return batch_cmd.run(parser.parse_args(argv))


def _piped(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def test_forecast_many_reads_a_csv_or_a_workbook_piped_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: "error: -: no such file; expected a CSV or Excel file path or a DataFrame"
    table = pd.DataFrame(
        {"series_id": ["cn"] * 4, "year": [2020, 2021, 2022, 2023], "value": [10, 12, 14, 16]}
    )
    table.to_csv(tmp_path / "m.csv", index=False)
    argv = ["--horizon", "2", "--engine", "serial", "--method", "drift", "--no-progress"]
    assert _run([str(tmp_path / "m.csv"), "--out", str(tmp_path / "file.csv"), *argv]) == 0
    monkeypatch.setattr("sys.stdin", _piped((tmp_path / "m.csv").read_bytes()))
    assert _run(["-", "--out", str(tmp_path / "piped.csv"), *argv]) == 0
    assert "1 series (1 ok, 0 fallback, 0 failed)" in capsys.readouterr().out
    from_file = pd.read_csv(tmp_path / "file.csv")
    assert from_file["mean"].tolist() == [18.0, 20.0]  # drift: 16 + 2 x (16 - 10) / 3
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "piped.csv"), from_file)
    # an .xlsx piped in is read as a workbook (its bytes open like a zip archive)
    table.to_excel(tmp_path / "m.xlsx", index=False)
    monkeypatch.setattr("sys.stdin", _piped((tmp_path / "m.xlsx").read_bytes()))
    assert _run(["-", "--out", str(tmp_path / "book.csv"), *argv]) == 0
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "book.csv"), from_file)
    # messages name standard input, not a temporary file
    monkeypatch.setattr("sys.stdin", _piped(b"series_id,year,value\ncn,2019,1\n,2020,2\n"))
    with pytest.raises(DataError, match=re.escape("standard input row 3, column 'series_id'")):
        _run(["-", "--out", str(tmp_path / "bad.csv"), *argv])


def test_forecast_many_with_nothing_piped_in_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", _piped(b""))
    with pytest.raises(DataError) as caught:
        _run(["-", "--horizon", "2", "--out", str(tmp_path / "o.csv")])
    assert str(caught.value) == (
        "FILE '-' reads the table from standard input, which is empty; expected a CSV or an "
        ".xlsx workbook piped in (cmd | idcforecast ... -, or < table.csv), or a file path"
    )
    assert not (tmp_path / "o.csv").exists()


def test_forecast_data_reads_standard_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: "error: -: no such file; expected a CSV or Excel file path or a DataFrame"
    from idcforecast.cli import main

    text = b"year,value\n2019,100\n2020,120\n2021,150\n2022,170\n"
    (tmp_path / "m.csv").write_bytes(text)
    argv = ["--unit", "MW", "--horizon", "2", "--method", "drift", "--csv"]
    assert main(["forecast", "--data", str(tmp_path / "m.csv"), *argv]) == 0
    from_file = capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", _piped(text))
    assert main(["forecast", "--data", "-", *argv]) == 0
    piped = capsys.readouterr().out
    # the same forecast (drift: 170 + 70/3 = 193.33, 216.67), the series named after its source
    assert piped == from_file.replace("m,", "standard input,")
    assert "standard input,2023,drift,193.333" in piped


def test_show_data_reads_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    monkeypatch.setattr("sys.stdin", _piped(b"year,value (MW)\n2019,100\n2020,120\n"))
    assert main(["show", "--data", "-"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("standard input  ·  standard input  ·  scope not stated")
    assert "2020    120  +20.0%                    standard input row 3" in printed  # 120/100
