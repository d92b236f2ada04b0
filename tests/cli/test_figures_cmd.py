"""`idcforecast figures [TEXT | --file FILE] [--source S] [--counts] [--csv]`."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from idcforecast.cli import main

TEXT = (
    "China's IDC market will grow at compound rate of 27.8 percent from 2020-22, and the "
    "scale will reach 320 billion yuan in 2022. Its cluster will house more than 1 million "
    "servers."
)


def test_prints_each_figure_with_its_year(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", TEXT]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["figure", "read", "as", "unit", "year"]
    assert lines[2].split() == ["27.8", "percent", "27.8", "%", "2020-2022"]
    assert lines[3].split() == ["320", "billion", "yuan", "320", "CNY", "bn", "2022"]
    assert lines[4].split() == ["more", "than", "1", "million", "servers", ">=1", "servers", "mn"]
    assert lines[-1].startswith("3 figures; 'year' is the year or period nearest")


def test_file_csv_and_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["figures", "--file", str(path), "--csv", "--source", "Global Times"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame["figure"].tolist()[1] == "320 billion yuan"
    assert frame["year"].tolist()[1] == 2022
    assert set(frame["source"]) == {"Global Times"}
    assert TEXT[frame["start"][1] : frame["end"][1]] == "320 billion yuan"


def test_standard_input(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("预计2022年将达3200亿元左右。"))
    assert main(["figures", "--file", "-"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == [
        "3200亿元左右", "~3200", "CNY", "100m", "2022",
    ]  # fmt: skip


def test_a_yen_sign_read_as_yuan_by_default_is_a_note(capsys: pytest.CaptureFixture[str]) -> None:
    # zhnum30: a bare "¥" with no country named was read as yuan without a word
    assert main(["figures", "The fund will invest ¥300 billion by 2027."]) == 0
    out, err = capsys.readouterr()
    # invested "by 2027": a total over the years to 2027, "?-2027" (text55; was 2027)
    assert out.splitlines()[2].split() == ["¥300", "billion", "300", "CNY", "bn", "?-2027"]
    assert err.startswith("note: figures: '¥' of 1 figure ('¥300 billion') read as yuan (CNY)")
    # parse reads one figure and says nothing of it (its --to hint covers yen)
    assert main(["parse", "¥300 billion"]) == 0
    assert capsys.readouterr().err == ""


def test_nothing_found_says_why(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "8 halls opened in 2020"]) == 0
    assert capsys.readouterr().out.strip() == (
        "no figures found (bare numbers without a unit are left out: --counts lists them)"
    )
    assert main(["figures", "8 halls opened in 2020", "--counts"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == ["8", "8", "count", "2020"]


def test_bad_files_are_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["figures", "--file", str(tmp_path / "none.txt")]) == 2
    assert "figures --file" in capsys.readouterr().err
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("规模达到1562.5亿元".encode("gbk"))
    assert main(["figures", "--file", str(gbk)]) == 2
    assert "not utf-8 text; pass --encoding (e.g. gb18030" in capsys.readouterr().err
    assert main(["figures", "--file", str(gbk), "--encoding", "gb18030"]) == 0
    assert "1562.5" in capsys.readouterr().out


def test_a_file_name_as_text_asks_for_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # `figures article.txt` read the eleven letters of the name: "no figures found"
    (tmp_path / "article.txt").write_text("The scale will reach 320 billion yuan in 2022.")
    monkeypatch.chdir(tmp_path)
    assert main(["figures", "article.txt"]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: figures: 'article.txt' is a file; TEXT is the text itself: pass --file "
        "article.txt to read the file (or pipe it in)"
    )
    assert main(["figures", "--file", "article.txt"]) == 0
    assert "320 billion yuan" in capsys.readouterr().out
    # a one-word text that is no file is still read as text
    assert main(["figures", "320亿元"]) == 0
    assert "CNY 100m" in capsys.readouterr().out


def test_text_or_file_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["figures"])
    assert "one of the arguments TEXT --file is required" in capsys.readouterr().err


def test_standard_input_is_decoded_as_encoding(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: --encoding was ignored for '-': GBK bytes piped in were decoded as UTF-8 with
    # the bad bytes escaped, and of "达到1562.5亿元" and "同比增长27.2%" only the second was
    # found, in silence (measured: 1 figure of 2)
    gbk = "2019年中国IDC市场规模达到1562.5亿元，同比增长27.2%。".encode("gb18030")

    def stdin() -> io.TextIOWrapper:
        return io.TextIOWrapper(io.BytesIO(gbk), encoding="utf-8", errors="surrogateescape")

    monkeypatch.setattr("sys.stdin", stdin())
    assert main(["figures", "--file", "-", "--encoding", "gb18030", "--csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame["figure"].tolist() == ["1562.5亿元", "同比增长27.2%"]
    assert frame["value"].tolist() == [1562.5, 27.2]
    monkeypatch.setattr("sys.stdin", stdin())
    assert main(["figures", "--file", "-"]) == 2
    assert capsys.readouterr().err == (
        "error: figures: standard input is not utf-8 text; pass --encoding (e.g. gb18030 "
        "for a file saved on Chinese Windows)\n"
    )


@pytest.mark.parametrize("name", ["gbk18030", "base64"])
def test_an_unknown_encoding_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # cli24: was a LookupError traceback (exit 1)
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert main(["figures", "--file", str(path), "--encoding", name]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"error: figures: --encoding {name} is not a text encoding; ")


def test_text_piped_in_without_file_is_read(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: `cat article.txt | idcforecast figures` was the usage error "one of the
    # arguments TEXT --file is required": only `--file -` read a pipe
    piped = io.TextIOWrapper(io.BytesIO("预计2022年将达3200亿元左右。".encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)
    assert main(["figures"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == [
        "3200亿元左右", "~3200", "CNY", "100m", "2022",
    ]  # fmt: skip
    # nothing piped: the usage error, now naming the pipe too
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8"))
    with pytest.raises(SystemExit):
        main(["figures"])
    assert capsys.readouterr().err.endswith(
        "error: one of the arguments TEXT --file is required (or pipe the text in)\n"
    )


def test_a_folder_as_file_says_it_is_a_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "figures --file DIR: cannot be read (Is a directory)"
    assert main(["figures", "--file", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        f"error: figures --file {tmp_path}: a folder, not a file; expected a text file (or '-' "
        "for standard input), e.g. one of the folder's .txt files\n"
    )


def test_a_figure_wrapped_over_two_lines_is_one_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "$80\r\nbillion" printed its line break inside the table, splitting the row in two
    path = tmp_path / "article.txt"
    path.write_bytes(b"The group will spend $80\r\nbillion in 2025.\r\n")
    assert main(["figures", "--file", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].split() == ["$80", "billion", "80", "USD", "bn", "2025"]
    assert lines[3] == ""


def test_help_says_encoding_decodes_piped_text_too(capsys: pytest.CaptureFixture[str]) -> None:
    # it said "encoding of --file", though standard input is decoded with it as well
    with pytest.raises(SystemExit):
        main(["figures", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--encoding NAME encoding of --file or of the text piped in (default utf-8;" in text


def test_a_rate_up_to_a_year_says_its_start_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    # text54: "grow 14% a year to 2028" printed the year 2028, as if the rate were 2028's
    assert main(["figures", "The market will grow 14% a year to 2028."]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].split() == ["14%", "a", "year", "14", "%", "?-2028"]
    assert "'?-2028': a rate, a change, an amount each year or a total over the years up to" in out
    assert main(["figures", TEXT]) == 0
    assert "'?-" not in capsys.readouterr().out  # said only when a row has one


def test_csv_rows_keep_the_file_as_their_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Without --source the rows had no source, so a claims file made from them took a
    # stated level matching an actual from the same article for evidence: the set read
    # "consistent yes". The --file path is now each row's source (--source still wins), and
    # check-claims tells the match for what it is.
    monkeypatch.chdir(tmp_path)
    Path("article.txt").write_text(
        "2019年中国IDC业务市场规模达到1562.5亿元，预计2022年将达3200亿元。\n", encoding="utf-8"
    )
    Path("actuals.csv").write_text(
        "year,value,unit,source\n2019,1562.5,亿元,article.txt\n2020,2238.7,亿元,CIDC report\n",
        encoding="utf-8",
    )
    assert main(["figures", "--file", "article.txt", "--csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame["source"].tolist() == ["article.txt", "article.txt"]
    claims = frame.assign(subject="cidc", kind="level", made="2020-06-01")
    claims.to_csv("claims.csv", index=False)
    assert main(["check-claims", "claims.csv", "--data", "actuals.csv", "--series", "cidc"]) == 0
    out = capsys.readouterr().out
    assert "consistent  undetermined (tolerance 1.0%), nothing checked" in out
    said = " ".join(out.split())  # the explanation is wrapped
    assert "Both come from article.txt: a figure checked against itself, not counted." in said
    # --source still names the rows' source; TEXT and standard input have none
    assert main(["figures", "--file", "article.txt", "--csv", "--source", "CIDC"]) == 0
    assert set(pd.read_csv(io.StringIO(capsys.readouterr().out))["source"]) == {"CIDC"}
    assert main(["figures", "--csv", "预计2022年将达3200亿元。"]) == 0
    assert pd.read_csv(io.StringIO(capsys.readouterr().out))["source"].isna().all()


def test_a_total_since_a_year_says_its_end_is_unknown(capsys: pytest.CaptureFixture[str]) -> None:
    # text57: "has invested $5bn since 2021" printed the year 2021, as if the total were 2021's
    assert main(["figures", "The firm has invested $5bn since 2021."]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].split() == ["$5bn", "5", "USD", "bn", "2021-?"]
    assert "'2021-?': a total or a change from 2021 ('since 2021') up to the text's date" in out
    assert main(["figures", TEXT]) == 0
    assert "-?'" not in capsys.readouterr().out  # said only when a row has one


def test_source_dates_last_year_and_help_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # text57: a year in --source is the text's date ("last year" was undated with it)
    assert main(["figures", "--source", "Reuters 2025-03-05", "Revenue was $5bn last year."]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == ["$5bn", "5", "USD", "bn", "2024"]
    with pytest.raises(SystemExit):
        main(["figures", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "a year in it is the text's date, which dates 'last year', 'this year'" in text


def test_a_year_in_the_file_name_dates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # merge of claims57 (the --file path is each row's source) and text57 (a year in the
    # source is the text's date): the file name 'idc_2030_outlook.txt' dated 'last year' 2029.
    # Only --source dates the text; the path still fills the source column.
    monkeypatch.chdir(tmp_path)
    Path("idc_2030_outlook.txt").write_text("Revenue was $5bn last year.\n", encoding="utf-8")
    assert main(["figures", "--file", "idc_2030_outlook.txt", "--csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert frame["source"].tolist() == ["idc_2030_outlook.txt"]
    assert frame["year"].isna().all()
    assert main(["figures", "--file", "idc_2030_outlook.txt", "--source", "Reuters 2025"]) == 0
    assert capsys.readouterr().out.splitlines()[2].split() == ["$5bn", "5", "USD", "bn", "2024"]
