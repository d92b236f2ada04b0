"""`idcforecast forecast-many`: reads a file, writes a tidy CSV atomically, prints a summary."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.cli import batch_cmd, main
from idcforecast.errors import DataError, SpecError, UnitLineWarning


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    batch_cmd.add_arguments(parser)
    return batch_cmd.run(parser.parse_args(argv))


def test_forecast_many_command_writes_csv_and_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "markets.csv"
    pd.DataFrame(
        {
            "series_id": ["cn"] * 4 + ["us"] * 4 + ["bad"],
            "year": [2020, 2021, 2022, 2023] * 2 + [2023],
            "value": [10.0, 12.0, 14.0, 16.0, 5.0, 6.0, 7.0, 8.0, 1.0],
            "unit": "USD bn",
        }
    ).to_csv(src, index=False)
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "2", "--out", str(out), "--engine", "serial"]
    # exit 1: finished, but a series failed (cli/_exit; 0 only when every series is forecast)
    assert _run([*argv, "--method", "drift", "--no-progress"]) == 1
    printed = capsys.readouterr().out
    assert printed.startswith("forecast-many: 3 series (2 ok, 0 fallback, 1 failed) in ")
    # (was "  failed 'bad': series 'bad' has 1 observation ...": the id twice)
    assert "\n  series 'bad' not forecast: has 1 observation (2023); " in printed
    written = pd.read_csv(out)
    assert written.loc[written["series_id"] == "cn", "mean"].tolist() == [18.0, 20.0]
    assert written["year"].tolist() == [2024, 2025] * 3
    assert not list(tmp_path.glob(".fc.csv.*")), "no temporary file left behind"


def test_out_that_is_the_input_file_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # uat9: `forecast-many long_in.csv --out ./long_in.csv` replaced the history by the forecast
    monkeypatch.chdir(tmp_path)
    src = Path("long_in.csv")
    src.write_text("series_id,year,value\na,2016,10\na,2017,12\na,2018,15\na,2019,18\n")
    before = src.read_bytes()
    argv = ["forecast-many", "long_in.csv", "--horizon", "2", "--no-progress", "--out"]
    assert main([*argv, "./long_in.csv"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast-many: --out 'long_in.csv' is the same file as the input FILE "
        "'long_in.csv'; writing there would replace the input, so nothing was run or written; "
        "choose another output path, e.g. 'long_in-forecast.csv'\n"
    )
    Path("same.csv").hardlink_to(src)
    assert main([*argv, "same.csv"]) == 2
    assert "'same.csv' is the same file as the input FILE 'long_in.csv'" in capsys.readouterr().err
    assert src.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long_in.csv", "same.csv"]


def _markets(tmp_path: Path) -> Path:
    src = tmp_path / "markets.csv"
    src.write_text(
        "series_id,year,value\n"
        + "".join(
            f"{sid},{2018 + i},{v * (i + 1)}\n"
            for sid, v in [("cn", 10), ("us", 5)]
            for i in range(5)
        )
        + "=bad,2023,1\n"
    )
    return src


def test_out_xlsx_is_an_excel_workbook(tmp_path: Path) -> None:
    # uat9: `--out y.xlsx` wrote CSV text under an .xlsx name, which Excel refuses to open
    src = _markets(tmp_path)
    out = tmp_path / "fc.xlsx"
    argv = [str(src), "--horizon", "2", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "drift", "--no-progress"]) == 1  # '=bad' failed
    book = pd.read_excel(out, sheet_name=None)
    assert list(book) == ["forecast"]
    written = book["forecast"]
    assert written.loc[written["series_id"] == "cn", "mean"].tolist() == [60.0, 70.0]
    # the failed series' id would run as a formula in Excel: stored as text, escaped
    assert written["series_id"].tolist()[-2:] == ["'=bad", "'=bad"]
    assert written["status"].tolist()[-1] == "failed"
    assert not list(tmp_path.glob(".fc.xlsx.*")), "no temporary file left behind"


@pytest.mark.parametrize("name", ["fc.txt", "fc", "fc.xls"])
def test_out_other_than_csv_or_xlsx_is_refused_before_the_run(tmp_path: Path, name: str) -> None:
    src = _markets(tmp_path)
    out = tmp_path / name
    found = f"ends in {out.suffix!r}" if out.suffix else "has no extension"
    msg = (
        f"forecast-many: --out {str(out)!r} {found}; forecast-many writes a CSV (.csv) or an "
        "Excel workbook (.xlsx): pass a path ending in one of them, e.g. "
        f"{str(tmp_path / 'fc.csv')!r}"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        _run([str(src), "--horizon", "2", "--out", str(out), "--engine", "serial"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["markets.csv"]


def test_out_xlsx_too_large_is_refused_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_cmd, "XLSX_MAX_ROWS", 5)
    monkeypatch.setattr("idcforecast.batch.forecast_many", lambda *a, **k: pytest.fail("ran"))
    src = _markets(tmp_path)
    out = tmp_path / "fc.xlsx"
    msg = (
        f"forecast-many: --out {str(out)!r}: the forecast would have 6 rows (3 series x 2 "
        "years), more than the 5 written as .xlsx (the workbook is built in memory); nothing "
        f"was run; pass a .csv path, e.g. {str(tmp_path / 'fc.csv')!r}"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        _run([str(src), "--horizon", "2", "--out", str(out), "--engine", "serial"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["markets.csv"]


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    msg = f"{missing}: no such file; expected a CSV or Excel file path"
    with pytest.raises(DataError, match=re.escape(msg)):
        _run([str(missing), "--horizon", "2", "--out", str(tmp_path / "o.csv")])


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_pipe_is_not_called_missing(tmp_path: Path) -> None:
    # `forecast-many <(cmd)` passes /dev/fd/63, a pipe: it was "no such file"
    import os

    pipe = tmp_path / "fifo.csv"
    os.mkfifo(pipe)
    msg = (
        f"{pipe}: not a regular file (a pipe or a device, which is read once: save it to a "
        "file and pass that); expected a CSV or Excel file path"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        _run([str(pipe), "--horizon", "2", "--out", str(tmp_path / "o.csv")])


def _write_bytes(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        # the messages of read_series (one reader): before, raw UnicodeDecodeError, pandas
        # EmptyDataError, ParserError, BadZipFile
        (
            "gbk.csv",
            "series_id,year,value\n中国,2020,1\n".encode("gbk"),
            "gbk.csv: the file is not utf-8 text (invalid continuation byte at byte 21); pass "
            "encoding='gb18030' (--encoding gb18030) for a CSV saved by Excel on Chinese",
        ),
        (
            "empty.csv",
            b"",
            "empty.csv is empty; expected a header row and at least one row of data",
        ),
        (
            "broken.csv",
            b'series_id,year,value\n"a,2018,1\n',
            "broken.csv: not a well-formed CSV (Error tokenizing data. C error: EOF inside "
            "string starting at row 1); expected one header row and the same number of fields",
        ),
        (
            "renamed.xlsx",
            b"not a workbook",
            "renamed.xlsx: not a readable Excel workbook (File is not a zip file)",
        ),
        (
            "old.xls",
            b"\xd0\xcf\x11\xe0",
            # a broken one: read since readers30, whole ones are (tests/test_io_xls.py)
            "old.xls: not a readable Excel 97-2003 workbook (Unsupported format, or corrupt "
            "file: Expected BOF record",
        ),
    ],
)
def test_unreadable_file_is_a_typed_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _write_bytes(tmp_path, name, data)
    with pytest.raises(DataError, match=re.escape(message)):
        _run([str(path), "--horizon", "2", "--out", str(tmp_path / "o.csv")])


def test_out_that_is_a_directory_is_a_report_error(tmp_path: Path) -> None:
    # before: IsADirectoryError from os.replace, naming a temp file in the parent folder
    from idcforecast.errors import ReportError

    src = tmp_path / "m.csv"
    pd.DataFrame({"series_id": "a", "year": [2020, 2021, 2022], "value": [1.0, 2.0, 3.0]}).to_csv(
        src, index=False
    )
    msg = (
        f"forecast-many: --out {str(tmp_path)!r} is a directory; expected a file path such as "
        f"{str(tmp_path / 'forecast.csv')!r}"
    )
    argv = [str(src), "--horizon", "1", "--out", str(tmp_path), "--engine", "serial"]
    with pytest.raises(ReportError, match=re.escape(msg)):
        _run([*argv, "--method", "drift"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_out_in_a_missing_folder_creates_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: "cannot write '.../fm/sub/x.csv' (No such file or directory)", after the
    # forecast had run; report --out creates missing folders, forecast-many now does too
    from idcforecast.errors import ReportError

    src = tmp_path / "m.csv"
    pd.DataFrame({"series_id": "a", "year": [2020, 2021, 2022], "value": [1.0, 2.0, 3.0]}).to_csv(
        src, index=False
    )
    out = tmp_path / "fm" / "sub" / "x.csv"
    argv = [str(src), "--horizon", "2", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "drift", "--no-progress"]) == 0
    assert pd.read_csv(out)["mean"].tolist() == [4.0, 5.0]  # drift of 1, 2, 3: +1 a year
    assert [p.name for p in out.parent.iterdir()] == ["x.csv"]  # no temporary file left
    # said on stderr (was: created in silence, a typo in a folder name unseen)
    assert capsys.readouterr().err == (
        f"note: forecast-many: created the folder {str(out.parent)!r} for --out (it did not "
        "exist)\n"
    )
    assert _run([*argv, "--method", "drift", "--no-progress"]) == 0  # now there: no note
    assert capsys.readouterr().err == ""
    # still atomic in a new folder: a write that fails leaves neither x.csv nor a temp file
    fresh = tmp_path / "fresh" / "x.csv"

    def half_then_fail(self: pd.DataFrame, handle: object, **kwargs: object) -> None:
        handle.write("series_id,year\n")  # type: ignore[attr-defined]
        raise RuntimeError("disk gone")

    monkeypatch.setattr(pd.DataFrame, "to_csv", half_then_fail)
    argv = [str(src), "--horizon", "2", "--out", str(fresh), "--engine", "serial"]
    with pytest.raises(RuntimeError, match="disk gone"):
        _run([*argv, "--method", "drift", "--no-progress"])
    assert not fresh.parent.exists()  # nor the folder made for it
    # a folder that cannot be created is a typed error naming it
    (tmp_path / "afile").write_text("")
    blocked = tmp_path / "afile" / "x.csv"
    msg = (
        f"forecast-many: --out {str(blocked)!r}: cannot create the folder "
        f"{str(tmp_path / 'afile')!r}: {str(tmp_path / 'afile')!r} is a file, not a folder; "
        "choose a path in a folder"
    )
    argv = [str(src), "--horizon", "2", "--out", str(blocked), "--engine", "serial"]
    with pytest.raises(ReportError, match=re.escape(msg) + "$"):
        _run([*argv, "--method", "drift", "--no-progress"])


def test_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    src = tmp_path / "markets.csv"
    src.write_text(
        "series_id;year;value\n"
        + "".join(f"de;{2018 + i};{v}\n" for i, v in enumerate(["1.000,5", "1.100,5", "1.200,5"]))
        + "".join(f"fr;{2018 + i};{v}\n" for i, v in enumerate(["10,25", "11,25", "12,25"])),
        encoding="utf-8",
    )
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "drift", "--no-progress", "--decimal", ","]) == 0
    written = pd.read_csv(out)
    # drift: last value + mean step, 1200.5 + 100 and 12.25 + 1 (';' detected)
    assert written["mean"].tolist() == pytest.approx([1300.5, 13.25])
    with pytest.raises(DataError, match="read_long_table: sep and decimal are both ','"):
        _run([*argv, "--sep", ",", "--decimal", ","])


def test_title_line_skipped_with_header_row(tmp_path: Path) -> None:
    src = tmp_path / "markets.csv"
    src.write_text(
        "IDC markets, USD bn\nseries_id,year,value\n"
        + "".join(f'cn,{2018 + i},"{v}"\n' for i, v in enumerate(["1,000", "1,100", "1,200"])),
        encoding="utf-8",
    )
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    with pytest.raises(DataError, match=re.escape("pass header_row=N")):
        _run([*argv, "--method", "drift", "--no-progress"])
    # the title states the unit after its comma: without --unit the rows have none, said
    with pytest.warns(UnitLineWarning, match=re.escape("pass unit='USD bn'")):
        assert _run([*argv, "--method", "drift", "--no-progress", "--header-row", "1"]) == 0
    # drift: 1200 + (1200 - 1000) / 2, the thousands separators read as read_series reads them
    assert pd.read_csv(out)["mean"].tolist() == [1300.0]


def test_sheet_option(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Cover"
    sheet = book.create_sheet("Data")
    sheet.append(["series_id", "year", "value"])
    for year, value in ((2020, 1.0), (2021, 2.0), (2022, 4.0)):
        sheet.append(["cn", year, value])
    src = tmp_path / "m.xlsx"
    book.save(src)
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    msg = (
        "m.xlsx sheet 'Cover' is empty; expected a header row and at least one row of data "
        "(the workbook also holds 'Data': pass sheet_name=)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        _run([*argv, "--method", "naive", "--no-progress"])
    assert _run([*argv, "--method", "naive", "--no-progress", "--sheet", "Data"]) == 0
    assert pd.read_csv(out)["mean"].tolist() == [4.0]


def test_unit_option_converts_rows(tmp_path: Path) -> None:
    src = tmp_path / "m.csv"
    src.write_text(
        "series_id,year,value,unit\ncn,2019,1000,CNY 100m\ncn,2020,2,USD bn\n", encoding="utf-8"
    )
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    # without --unit the series is converted to its first unit (a tie of one row each), as
    # read_series converts it (was: failed, "mixes units"): 2 USD bn x 6.9042 CNY per USD
    # (data/fx_rates.csv, 2020) = 13.8084 CNY bn = 138.084 CNY 100m
    assert _run([*argv, "--method", "naive", "--no-progress"]) == 0
    written = pd.read_csv(out)
    assert written["mean"].tolist() == pytest.approx([2 * 6.9042 * 10])
    assert written["unit"].tolist() == ["CNY 100m"]
    assert written["note"].iloc[0].startswith("history converted between currencies")
    assert _run([*argv, "--method", "naive", "--no-progress", "--unit", "CNY bn"]) == 0
    written = pd.read_csv(out)
    # naive: the 2020 value, 2 USD bn x 6.9042 CNY per USD (data/fx_rates.csv, 2020)
    assert written["mean"].tolist() == pytest.approx([2 * 6.9042])
    assert written["unit"].tolist() == ["CNY bn"]


def test_encoding_option_reads_a_gbk_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "gbk.csv"
    rows = "".join(f"中国,{2015 + i},{10 + i}\n" for i in range(6))
    path.write_bytes(("series_id,year,value\n" + rows).encode("gbk"))
    out = tmp_path / "out.csv"
    args = ["forecast-many", str(path), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert main([*args, "--encoding", "gb18030"]) == 0
    assert "1 series (1 ok, 0 fallback, 0 failed)" in capsys.readouterr().out
    assert pd.read_csv(out)["series_id"].tolist() == ["中国"]


def test_estimates_kept_as_data_are_named_in_the_written_notes(tmp_path: Path) -> None:
    # before: the CSV said nothing of the 2023E/2024年预测 values the forecasts start from
    path = tmp_path / "wide.csv"
    path.write_text(
        "market,2020,2021,2022,2023E,2024年预测\ncn,10,12,14,16,18\nus,5,6,7,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    args = ["forecast-many", str(path), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert main([*args, "--method", "drift", "--estimates", "keep", "--no-progress"]) == 0
    written = pd.read_csv(out, keep_default_na=False).set_index("series_id")
    assert written["note"].to_dict() == {
        "cn": "estimates read as data: 2023E, 2024年预测",
        "us": NO_SCORED_CUTOFF,  # 3 years: no cutoff to score (cn has 5 with its estimates)
    }
    assert written["year"].to_dict() == {"cn": 2025, "us": 2023}


def test_out_is_checked_before_the_run_and_written_as_a_normal_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import stat

    import idcforecast.batch as batch
    from idcforecast.errors import ReportError

    src = tmp_path / "m.csv"
    pd.DataFrame({"series_id": "a", "year": [2020, 2021, 2022], "value": [1.0, 2.0, 3.0]}).to_csv(
        src, index=False
    )
    out = tmp_path / "x.csv"
    argv = [str(src), "--horizon", "1", "--engine", "serial", "--method", "drift"]
    assert _run([*argv, "--out", str(out), "--no-progress"]) == 0
    # mkstemp's private 0600 was kept: a colleague could not read the file
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the forecast ran before --out was checked")

    monkeypatch.setattr(batch, "forecast_many", never)
    with pytest.raises(ReportError, match="is a directory"):
        _run([*argv, "--out", str(tmp_path), "--no-progress"])


def test_year_column_option(tmp_path: Path) -> None:
    src = tmp_path / "cn.csv"
    src.write_text("series_id,年份,value\na,2020,1\na,2021,2\na,2022,3\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "drift", "--year-column", "年份", "--no-progress"]) == 0
    assert pd.read_csv(out)[["year", "mean"]].values.tolist() == [[2023, 4.0]]  # drift: +1


def test_a_year_per_row_file_as_forecast_reads_it(tmp_path: Path) -> None:
    # before: rejected with "no column(s) 'series_id', 'value' ... pass header_row=N"
    src = tmp_path / "ns.csv"
    src.write_text("year,north,south\n2016,10,20\n2017,12,25\n2018,15,30\n2019,18,33\n")
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "naive", "--no-progress"]) == 0
    written = pd.read_csv(out)
    assert written[["series_id", "year", "mean"]].values.tolist() == [
        ["north", 2020, 18.0], ["south", 2020, 33.0]
    ]  # fmt: skip


def test_footnotes_skipped_are_printed_as_a_note(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "ns.csv"
    src.write_text("year,north\n2016,10\n2017,12\n\nNote: invented figures\n")
    out = tmp_path / "fc.csv"
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out)]
    assert main([*argv, "--engine", "serial", "--method", "naive", "--no-progress"]) == 0
    assert capsys.readouterr().err == (
        "note: ns.csv: skipped 1 footnote row below the table: ns.csv row 5 ('Note: "
        "invented figures'); delete them from the file to silence this note\n"
    )
    assert pd.read_csv(out)["mean"].tolist() == [12.0]


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_n_jobs_below_one_is_refused_before_the_file_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    # was: "forecast_many: n_jobs must be a positive integer or None", after the read
    missing = tmp_path / "not-there.csv"
    with pytest.raises(SystemExit) as stop:
        main(["forecast-many", str(missing), "--horizon", "2", "--out", "o.csv", "--n-jobs", value])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "argument --n-jobs: " in err
    assert "e.g. --n-jobs 2" in err
    assert "not-there" not in err


@pytest.mark.parametrize(
    ("stage", "existing"),
    [("read_long_table", False), ("forecast_many", False), ("forecast_many", True)],
)
def test_ctrl_c_prints_one_line_writes_nothing_and_exits_130(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stage: str,
    existing: bool,
) -> None:
    # was: a KeyboardInterrupt traceback through the command line
    import idcforecast.batch

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(idcforecast.batch, stage, interrupted)
    out = tmp_path / "fc.csv"
    if existing:
        out.write_text("last quarter\n")
    argv = ["forecast-many", str(_markets(tmp_path)), "--horizon", "2", "--out", str(out)]
    assert main(argv) == 130
    err = capsys.readouterr().err
    kept = " (the file already there is as it was)" if existing else ""
    assert re.fullmatch(
        rf"forecast-many: interrupted after \d+\.\d s; nothing was written to "
        rf"{re.escape(str(out))}{re.escape(kept)}\n",
        err,
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["markets.csv", *(["fc.csv"] if existing else [])]
    )
    if existing:
        assert out.read_text() == "last quarter\n"


@pytest.mark.parametrize(
    ("engine", "runs_on"),
    [
        ("serial", "this process alone"),
        ("dask", "the cluster's workers (start more with `dask worker`)"),
    ],
)
def test_n_jobs_with_another_engine_than_local_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], engine: str, runs_on: str
) -> None:
    # was: ignored without a word
    argv = ["forecast-many", str(tmp_path / "m.csv"), "--horizon", "2", "--out", "o.csv"]
    extra = ["--scheduler", "tcp://127.0.0.1:9"] if engine == "dask" else []
    assert main([*argv, "--engine", engine, "--n-jobs", "2", *extra]) == 2
    assert capsys.readouterr().err == (
        f"error: forecast-many: --n-jobs is used only by --engine local; --engine {engine} runs "
        f"on {runs_on}; leave out --n-jobs, or pass --engine local\n"
    )


def test_a_mixed_unit_series_is_converted_as_read_series_converts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: series 'x' failed, "mixes units 'MW', 'GW'; convert to one unit first (--unit
    # UNIT)", where `forecast --data` (read_series) converts the GW row to MW
    src = tmp_path / "mixed.csv"
    src.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"x,{2018 + i},{i + 1},{'GW' if i == 1 else 'MW'}\n" for i in range(5))
    )
    out = tmp_path / "o.csv"
    argv = ["forecast-many", str(src), "--horizon", "2", "--out", str(out), "--method", "drift"]
    assert main([*argv, "--engine", "serial", "--no-progress"]) == 0
    written = pd.read_csv(out)
    # 1, 2 GW = 2000, 3, 4, 5 MW: drift 5 + (5 - 1) / 4 a year
    assert written["mean"].tolist() == [6.0, 7.0]
    assert written["unit"].tolist() == ["MW", "MW"]
    # (fc52: 1 MW to 2,000 MW in a year is named as the jump it is; fc55: and back to 3,
    # 2000 / 3 = 666.7 times the year after: one value out of line, not a step to forecast
    # from, as the note said, "forecast the years from 2019 on")
    assert (
        written["note"].tolist()
        == [
            "converted from 'GW' (x1000): 2019; year 2019 is 2000.0 times the year before and "
            "666.7 times the year after (1, 2000, 3): one value out of line with both "
            "neighbours sets much of the interval width; if it is a slip of magnitude or unit, "
            "correct it, or leave the year out (a gap)"
        ]
        * 2
    )
    # units that do not convert fail that series alone, naming both rows and the fix
    src.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"x,{2018 + i},{i + 1},{'USD bn' if i == 1 else 'MW'}\n" for i in range(5))
        + "".join(f"y,{2018 + i},{i + 1},MW\n" for i in range(5))
    )
    capsys.readouterr()
    assert main([*argv, "--engine", "serial", "--no-progress"]) == 1
    msg = (
        "series 'x' mixes 'MW' (mixed.csv row 2, column 'unit') and 'USD bn' (mixed.csv row "
        "3, column 'unit'), which do not convert into each other; expected one unit per "
        "series, or units that convert (currencies, magnitudes, racks and power); fix the "
        "unit or split the series"
    )
    shown = msg.removeprefix("series 'x' ")  # the id once, as the forecast command says it
    assert f"  series 'x' not forecast: {shown}\n" in capsys.readouterr().out
    written = pd.read_csv(out)
    assert written["status"].tolist() == ["failed"] * 2 + ["ok"] * 2
    assert written["note"].iloc[0] == msg


def _closed_port() -> int:
    """A loopback port with nothing listening (bound, then released)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_scheduler_address_with_nothing_listening_fails_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: the file read first, then Dask's 30 s of connection retries, then the error
    pytest.importorskip("distributed")
    import time

    from idcforecast.errors import EngineError

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read before the scheduler was reached")

    monkeypatch.setattr("idcforecast.batch.read_long_table", no_read)
    port = _closed_port()
    address = f"tcp://127.0.0.1:{port}"
    msg = (
        f"engine 'dask': cannot connect to the scheduler at '{address}' (nothing is "
        f"listening on port {port} of 127.0.0.1); check the address (tcp://HOST:8786) and "
        "that the scheduler is running"
    )
    out = str(tmp_path / "o.csv")
    argv = [str(tmp_path / "a.csv"), "--horizon", "2", "--out", out, "--engine", "dask"]
    started = time.perf_counter()
    with pytest.raises(EngineError, match=re.escape(msg) + "$"):
        _run([*argv, "--scheduler", address])
    # a refused connection is known at once (Dask's own retries would take 30 s)
    assert time.perf_counter() - started < 10
    assert not (tmp_path / "o.csv").exists()


def test_an_unknown_method_or_a_year_as_horizon_is_refused_before_the_file_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batch25: both were told only after FILE was read (minutes for a large workbook), the
    # horizon in Python words ("forecast_many: horizon 2030 ... pass e.g. 5")
    from idcforecast.errors import ModelError, UnknownMethodError

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was read before the arguments were checked")

    monkeypatch.setattr("idcforecast.batch.read_long_table", no_read)
    argv = [str(tmp_path / "a.csv"), "--out", str(tmp_path / "o.csv"), "--engine", "serial"]
    msg = "unknown forecasting method 'thetta'; did you mean 'theta'?"
    with pytest.raises(UnknownMethodError, match=re.escape(msg)):
        _run([*argv, "--horizon", "2", "--method", "thetta"])
    msg = (
        "forecast-many: --horizon 2030 is more than 100 years ahead: a year given as the "
        "horizon? it counts years after each series' last one: pass e.g. --horizon 5 for "
        "five years ahead"
    )
    with pytest.raises(ModelError, match=re.escape(msg) + "$"):
        _run([*argv, "--horizon", "2030"])
    assert not (tmp_path / "o.csv").exists()


def test_an_option_of_the_other_file_format_is_refused(tmp_path: Path) -> None:
    # batch25: `--sheet 2` on a CSV (or --encoding on a workbook) was ignored in silence, the
    # CSV forecast as if the sheet had been found; `forecast --data` refuses them
    src = tmp_path / "m.csv"
    src.write_text("series_id,year,value\na,2019,1\na,2020,2\na,2021,3\n", encoding="utf-8")
    out = tmp_path / "o.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    msg = (
        "m.csv: --sheet describes a sheet of an Excel workbook, and the file is a CSV; drop --sheet"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        _run([*argv, "--sheet", "2"])
    book = tmp_path / "m.xlsx"
    pd.DataFrame({"series_id": "a", "year": [2019, 2020, 2021], "value": [1, 2, 3]}).to_excel(
        book, index=False
    )
    argv[0] = str(book)
    msg = (
        "m.xlsx: --encoding describes the text of a CSV, and the file is an Excel workbook; "
        "drop --encoding"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        _run([*argv, "--encoding", "gb18030"])
    assert not out.exists()


@pytest.mark.parametrize(
    ("rows", "code", "summary"),
    [
        # every series forecast: 0
        ("a,2020,1\na,2021,2\na,2022,3\n", 0, "1 series (1 ok, 0 fallback, 0 failed)"),
        # one of two failed (a single year): 1, the other still written
        ("a,2020,1\na,2021,2\na,2022,3\nb,2022,5\n", 1, "2 series (1 ok, 0 fallback, 1 failed)"),
        # every series failed: 1 (was 0: a script saw success and a file of NaN rows)
        ("a,2022,1\nb,2022,5\n", 1, "2 series (0 ok, 0 fallback, 2 failed)"),
    ],
)
def test_exit_code_is_1_when_any_series_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: str, code: int, summary: str
) -> None:
    src = tmp_path / "m.csv"
    src.write_text("series_id,year,value\n" + rows)
    out = tmp_path / "fc.csv"
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out), "--method", "drift"]
    assert main([*argv, "--engine", "serial", "--no-progress"]) == code
    assert capsys.readouterr().out.startswith(f"forecast-many: {summary} in ")
    assert out.exists()  # written in every case: the failures are rows with their note
    # an input error runs nothing: 2
    assert main([*argv[:-1], "thta", "--engine", "serial"]) == 2


def test_a_run_that_fails_on_its_input_leaves_no_empty_folders(tmp_path: Path) -> None:
    # was: --out a/b/c.csv created a/b before FILE was read, and the run then failed on it
    src = tmp_path / "m.csv"
    src.write_text("series_id,year\na,2020\n")  # no value column: the read fails
    out = tmp_path / "a" / "b" / "c.csv"
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert main(argv) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_formula_like_text_is_escaped_in_the_csv_unless_asked(tmp_path: Path) -> None:
    # was: the id '=bad' written as it is, which Excel or LibreOffice run as a formula when
    # they open the CSV (CSV injection; the .xlsx already escaped it); OWASP: prefix an
    # apostrophe to a cell starting with = + - @ (tab, CR) that is not a number
    src = tmp_path / "m.csv"
    cells = ['"=HYPERLINK(""http://x.example"",""x"")"', "@x", "-1", "+cn", "cn"]  # CSV quoting
    src.write_text(
        "series_id,year,value\n"
        + "".join(f"{cell},{2018 + i},{i + 1}\n" for cell in cells for i in range(3))
    )
    out = tmp_path / "fc.csv"
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out), "--method", "drift"]
    assert main([*argv, "--engine", "serial", "--no-progress"]) == 0
    ids = ['\'=HYPERLINK("http://x.example","x")', "'@x", "-1", "'+cn", "cn"]
    written = pd.read_csv(out, keep_default_na=False, dtype={"series_id": str})
    assert written["series_id"].tolist() == ids  # '-1' is a number: no spreadsheet runs it
    assert written["mean"].tolist() == [4.0] * 5  # drift of 1, 2, 3
    assert main([*argv, "--engine", "serial", "--no-progress", "--no-escape-formulas"]) == 0
    raw = pd.read_csv(out, keep_default_na=False, dtype={"series_id": str})
    assert raw["series_id"].tolist() == ["=HYPERLINK(\"http://x.example\",\"x\")", "@x", "-1",
                                         "+cn", "cn"]  # fmt: skip
    with pytest.raises(SpecError, match=re.escape("--no-escape-formulas is for a .csv")):
        _run(
            [str(src), "--horizon", "1", "--out", str(tmp_path / "o.xlsx"), "--no-escape-formulas"]
        )
    assert not (tmp_path / "o.xlsx").exists()


@pytest.mark.skipif(
    __import__("shutil").which("soffice") is None, reason="needs LibreOffice (soffice)"
)
def test_escaped_csv_opens_in_libreoffice_as_text_not_a_formula(tmp_path: Path) -> None:
    # the real round trip: LibreOffice's CSV import (default options) turns the file into a
    # workbook; openpyxl reads each cell's type: 'f' a formula, 's' text
    import subprocess

    from openpyxl import load_workbook

    src = tmp_path / "m.csv"
    src.write_text(
        "series_id,year,value\n" + "".join(f"=1+1,{2018 + i},{i + 1}\n" for i in range(3))
    )
    types = {}
    for flag in ["--escape-formulas", "--no-escape-formulas"]:
        out = tmp_path / f"fc{flag}.csv"
        argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out), flag]
        assert main([*argv, "--engine", "serial", "--no-progress", "--method", "drift"]) == 0
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
             "--convert-to", "xlsx", "--outdir", str(tmp_path), str(out)],
            check=True, capture_output=True, timeout=180,
        )  # fmt: skip
        cell = load_workbook(out.with_suffix(".xlsx")).active["A2"]
        types[flag] = (cell.data_type, cell.value)
    assert types == {"--escape-formulas": ("s", "'=1+1"), "--no-escape-formulas": ("f", "=1+1")}


def test_a_wrong_sep_on_a_comma_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "(a title above the header? pass --header-row N, ...)", the advice for another
    # mistake: ',' was skipped among the separators a lone column's name can hold
    src = tmp_path / "m.csv"
    src.write_text("series_id,year,value\na,2020,1\na,2021,2\na,2022,3\n")
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(tmp_path / "o.csv")]
    assert main([*argv, "--sep", "tab"]) == 2
    assert capsys.readouterr().err.endswith(
        "found 'series_id,year,value' (one column whose name holds ',': the file is "
        "comma-separated, not by the separator given; to detect it, leave out --sep)\n"
    )


def test_several_methods_separated_by_commas(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: "unknown forecasting method 'drift,naive'; did you mean 'naive'?", though
    # forecast_many takes a list (README: a block of rows per method, failures per method)
    src = tmp_path / "m.csv"
    src.write_text(
        "series_id,year,value\n"
        + "".join(f"a,{2020 + i},{v}\n" for i, v in enumerate([1, 2, 3]))
        + "b,2022,5\nb,2023,6\n"
    )
    out = tmp_path / "fc.csv"
    argv = ["forecast-many", str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert main([*argv, "--method", "drift, naive", "--no-progress"]) == 1  # b: drift fails
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith(
        "forecast-many: 2 series x 2 methods (3 ok, 0 fallback, 1 failed) in "
    )
    # (was "  failed 'b' (drift): series 'b' has 2 observations")
    assert printed[1].startswith("  series 'b' not forecast by drift: has 2 observations")
    written = pd.read_csv(out)
    # drift of 1, 2, 3: 3 + (3 - 1) / 2 = 4; naive: the last value (3; b: 6)
    assert written[["series_id", "model", "mean"]].fillna(-1).values.tolist() == [
        ["a", "drift", 4.0],
        ["a", "naive", 3.0],
        ["b", "drift", -1],
        ["b", "naive", 6.0],
    ]
    with pytest.raises(SystemExit) as exit_:  # argparse: an empty name, exit 2
        main([*argv, "--method", "drift,,naive"])
    assert exit_.value.code == 2
    assert "'drift,,naive' has an empty name between commas" in capsys.readouterr().err
    # the .xlsx row limit counts every method's rows: 2 series x 1 year x 2 methods = 4
    monkeypatch.setattr(batch_cmd, "XLSX_MAX_ROWS", 3)
    xlsx = ["forecast-many", str(src), "--horizon", "1", "--out", str(tmp_path / "fc.xlsx")]
    assert main([*xlsx, "--method", "drift,naive"]) == 2
    assert "would have 4 rows (2 series x 1 years x 2 methods)" in capsys.readouterr().err


def test_an_id_a_workbook_cannot_store_is_refused_before_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: to_excel refused it after the whole run ("sheet 'forecast' row 0"), result lost
    monkeypatch.setattr("idcforecast.batch.forecast_many", lambda *a, **k: pytest.fail("ran"))
    src = tmp_path / "m.csv"
    src.write_text("series_id,year,value\n" + "".join(f"a\vb,{y},1\n" for y in (2020, 2021)))
    out = tmp_path / "fc.xlsx"
    msg = (
        f"forecast-many: --out {str(out)!r}: the series_id 'a\\x0bb' has control characters "
        "that an Excel workbook cannot store; nothing was run; remove them from the file, or "
        f"pass a .csv path, e.g. {str(tmp_path / 'fc.csv')!r}"
    )
    with pytest.raises(SpecError, match=re.escape(msg) + "$"):
        _run([str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.csv"]


def test_out_that_is_the_fx_rates_file_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: the user's FX file replaced by the forecast (only FILE was checked)
    rates = tmp_path / "rates.csv"
    rates.write_text("year,value,unit\n2026,7.05,CNY/USD\n")
    argv = ["forecast-many", str(_markets(tmp_path)), "--horizon", "1", "--engine", "serial"]
    assert main([*argv, "--fx-rates", str(rates), "--out", str(rates)]) == 2
    assert capsys.readouterr().err == (
        f"error: forecast-many: --out {str(rates)!r} is the same file as the input --fx-rates "
        f"{str(rates)!r}; writing there would replace the input, so nothing was run or "
        f"written; choose another output path, e.g. {str(tmp_path / 'rates-forecast.csv')!r}\n"
    )
    assert rates.read_text() == "year,value,unit\n2026,7.05,CNY/USD\n"


def test_cap_and_gaps_options_reach_every_series(tmp_path: Path) -> None:
    # forecast-many had neither: a batch of shares could not be capped at 100 from the command
    # line, though each share's note said "cap it at 100"; the numbers are forecast_many's
    from idcforecast.batch import forecast_many

    data = pd.DataFrame(
        {
            "series_id": ["share"] * 5 + ["gappy"] * 4,
            "year": [2019, 2020, 2021, 2022, 2023, 2018, 2019, 2021, 2022],
            "value": [60.0, 70.0, 78.0, 85.0, 91.0, 40.0, 42.0, 47.0, 50.0],
            "unit": "%",
        }
    )
    src, out = tmp_path / "shares.csv", tmp_path / "fc.csv"
    data.to_csv(src, index=False)
    argv = [str(src), "--horizon", "3", "--out", str(out), "--engine", "serial", "--no-progress"]
    assert _run([*argv, "--method", "drift", "--cap", "100"]) == 0
    written = pd.read_csv(out, keep_default_na=False)
    share = written[written["series_id"] == "share"]
    assert (share["hi_95"] <= 100.0).all()  # uncapped, drift reaches 91 + 3 * 7.75 = 114.25
    expected = forecast_many(data, 3, method="drift", engine="serial", cap=100.0, progress=False)
    pd.testing.assert_series_equal(written["mean"], expected["mean"], check_exact=False, rtol=1e-12)
    # --gaps error fails the series with a missing year (2020) instead of filling it
    assert _run([*argv, "--method", "drift", "--gaps", "error"]) == 1
    written = pd.read_csv(out, keep_default_na=False)
    assert set(written.loc[written["series_id"] == "gappy", "status"]) == {"failed"}
    assert set(written.loc[written["series_id"] == "share", "status"]) == {"ok"}


def test_figure_text_with_a_unit_is_read_with_unit(tmp_path: Path) -> None:
    # every series written '1000亿元' failed even with --unit ("not a finite number")
    src = tmp_path / "cn.csv"
    src.write_text(
        "series_id,year,value\n"
        + "".join(f"cn,{2019 + i},{800 + 100 * i}亿元\n" for i in range(5)),
        encoding="utf-8",
    )
    out = tmp_path / "fc.csv"
    argv = [str(src), "--horizon", "1", "--out", str(out), "--engine", "serial"]
    assert _run([*argv, "--method", "naive", "--no-progress", "--unit", "CNY bn"]) == 0
    written = pd.read_csv(out)
    # naive: the last value, 1200亿元 = 120 CNY bn (1 亿元 = 0.1 CNY bn)
    assert written[["mean", "unit", "status"]].values.tolist() == [[120.0, "CNY bn", "ok"]]
