"""Summary table numbers, text renderings, and the formula-safe atomic Excel export."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from idcforecast.errors import DataError, ReportError, SpecError
from idcforecast.report.tables import (
    cagr_from,
    escape_formula,
    format_summary,
    summary_table,
    to_excel,
    to_html,
    to_latex,
    to_markdown,
)


@pytest.fixture
def history() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series_id": "demo",
            "year": [2019, 2020, 2022],  # 2021 not published
            "value": [100.0, 125.0, 144.0],
            "unit": "CNY 100m",
            "derived": [False, True, False],
        }
    )


@pytest.fixture
def forecast() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series_id": "demo",
            "year": [2023],
            "model": "drift",
            "mean": [172.8],
            "lo_80": [160.0],
            "hi_80": [185.0],
            "lo_95": [150.0],
            "hi_95": [199.5],
            "unit": "CNY 100m",
        }
    )


def test_summary_table_numbers_by_hand(history, forecast) -> None:
    table = summary_table(history, forecast)
    assert table["year"].tolist() == [2019, 2020, 2022, 2023]
    assert table["kind"].tolist() == ["actual", "derived", "actual", "forecast"]
    # YoY: 2020 = 125/100 - 1 = 25%; 2022 has no 2021: NaN; 2023 = 172.8/144 - 1 = 20%
    assert table["yoy"].iloc[1] == pytest.approx(25.0)
    assert math.isnan(table["yoy"].iloc[2])
    assert table["yoy"].iloc[3] == pytest.approx(20.0)
    # CAGR to date from 2019: 2022 = (1.44)^(1/3) - 1 = 12.9243%; 2023 = (1.728)^(1/4) - 1
    # = 14.6531% (1.728 = 1.2^3, so 1.2^(3/4) = 1.146531)
    assert table["cagr_to_date"].iloc[2] == pytest.approx(12.924323, abs=1e-5)
    assert table["cagr_to_date"].iloc[3] == pytest.approx(14.653137, abs=1e-5)
    assert math.isnan(table["cagr_to_date"].iloc[0])
    assert table["lo_80"].isna().tolist() == [True, True, True, False]
    assert table["unit"].unique().tolist() == ["CNY 100m"]


def test_no_growth_rate_between_levels_at_or_below_zero(history, forecast) -> None:
    # net additions can be negative: -5 -> 3 is no "-160%", and no CAGR starts from -5 or
    # crosses it; the rates that touch no such level stay (was: one level <= 0 hid them all)
    negative = history.assign(year=[2020, 2021, 2022], value=[-5.0, 3.0, 6.0])
    table = summary_table(negative, forecast)
    # YoY: 6/3 - 1 = 100%; 172.8/6 - 1 = 2780%
    assert table["yoy"].tolist()[:2] == [pytest.approx(math.nan, nan_ok=True)] * 2
    assert table["yoy"].tolist()[2:] == [pytest.approx(100.0), pytest.approx(2780.0)]
    # CAGR from 2021 (3.0), after the last level <= 0: 2022 = 100%; 2023 = (172.8 / 3) **
    # (1 / 2) - 1 = sqrt(57.6) - 1 = 658.947%
    assert math.isnan(table["cagr_to_date"].iloc[1])
    assert table["cagr_to_date"].iloc[2] == pytest.approx(100.0)
    assert table["cagr_to_date"].iloc[3] == pytest.approx(658.946638, abs=1e-5)
    assert cagr_from(table) == 2021
    # the latest actual at or below zero: YoY between positive levels only, no CAGR at all
    ending = summary_table(negative.assign(value=[3.0, 6.0, -1.0]), forecast)
    assert ending["yoy"].iloc[1] == pytest.approx(100.0)
    assert ending["yoy"].iloc[[0, 2, 3]].isna().all() and ending["cagr_to_date"].isna().all()
    assert cagr_from(ending) is None
    # a positive history keeps its rates, the forecast's included (172.8 / 144 - 1 = 20%)
    assert summary_table(history, forecast)["yoy"].iloc[-1] == pytest.approx(20.0)
    assert cagr_from(summary_table(history, forecast)) == 2019


def test_a_series_starting_at_zero_keeps_its_growth_rates(forecast) -> None:
    # a new market: 0 MW in 2017, then 5, 12, 20. Was: YoY '–' in every row
    zero = pd.DataFrame(
        {"series_id": "demo", "year": [2020, 2021, 2022], "value": [0.0, 5.0, 12.0]}
    )
    table = summary_table(zero, forecast.assign(mean=[20.0]))
    # YoY 12/5 - 1 = 140%, 20/12 - 1 = 66.667%; CAGR from 2021: (20/5) ** (1/2) - 1 = 100%
    assert table["yoy"].iloc[2:].tolist() == [pytest.approx(140.0), pytest.approx(200 / 3)]
    assert table["cagr_to_date"].iloc[3] == pytest.approx(100.0)
    assert table[["yoy", "cagr_to_date"]].iloc[:2].isna().all().all()
    # the column says where its CAGR starts: "to date" would read as from 2020
    lines = to_markdown(format_summary(table)).splitlines()
    assert lines[0] == (
        "| Year | Value (CNY 100 million) | YoY % | CAGR since 2021 % | 80% interval "
        "| 95% interval | Type |"
    )
    # levels published as whole numbers up to 20: two significant digits on the smallest
    # (5.0; the rule alone gave four on the largest, "5.00"); rates keep one decimal
    assert lines[2:4] == [
        "| 2020 | 0.0 | – | – | – | – | actual |",
        "| 2021 | 5.0 | – | – | – | – | actual |",
    ]
    assert lines[5] == ("| 2023 | 20.0 | 66.7 | 100.0 | 160.0–185.0 | 150.0–199.5 | forecast |")


def test_forecast_overlapping_history_is_an_error(history, forecast) -> None:
    msg = (
        "forecast for series 'demo': year 2022 is not after the last year of history (2022); "
        "pass the forecast made from this history"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        summary_table(history, forecast.assign(year=[2022]))


def test_text_renderings(history, forecast) -> None:
    shown = format_summary(summary_table(history, forecast))
    assert to_markdown(shown).splitlines() == [
        "| Year | Value (CNY 100 million) | YoY % | CAGR to date % | 80% interval "
        "| 95% interval | Type |",
        "|---:|---:|---:|---:|---:|---:|:---|",
        # levels as published, whole numbers (were "100.0", "144.0"); rates keep one decimal
        "| 2019 | 100 | – | – | – | – | actual |",
        "| 2020 | 125 | 25.0 | 25.0 | – | – | derived |",
        "| 2022 | 144 | – | 12.9 | – | – | actual |",
        "| 2023 | 173 | 20.0 | 14.7 | 160–185 | 150–200 | forecast |",
    ]
    html = to_html(pd.DataFrame({"x": ["<script>"], "n": [1.5]}), caption="A & B")
    assert "<caption>A &amp; B</caption>" in html
    assert "<td>&lt;script&gt;</td>" in html and '<td class="num">1.5</td>' in html
    latex = to_latex(pd.DataFrame({"a_b": ["50% & $5"], "n": [np.nan]}))
    assert "a\\_b & n \\\\" in latex
    assert "50\\% \\& \\$5 & -- \\\\" in latex


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ("+1+cmd", "'+1+cmd"),
        ("-2+3", "'-2+3"),
        # report25: a signed number alone is no formula; "'-10.0" showed the apostrophe
        ("-10.0", "-10.0"),
        ("+3.5%", "+3.5%"),
        ("-1,234.5", "-1,234.5"),
        ("-1e5", "'-1e5"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("CNY 100m", "CNY 100m"),
        ("a=b", "a=b"),
    ],
)
def test_escape_formula(text: str, expected: str) -> None:
    assert escape_formula(text) == expected


def test_to_excel_escapes_formulas_and_keeps_numbers(tmp_path: Path, history, forecast) -> None:
    notes = pd.DataFrame(
        {
            "note": [
                '=HYPERLINK("http://evil","x")',
                "+cmd|' /C calc'!A0",
                "-1+1",
                "@SUM(1)",
                "plain",
            ],
            "value": [1.5, np.nan, 3.0, 4.0, 5.0],
        }
    )
    out = to_excel(
        {"summary": summary_table(history, forecast), "notes": notes}, tmp_path / "sub" / "t.xlsx"
    )
    assert out == tmp_path / "sub" / "t.xlsx"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["summary", "notes"]
    sheet = book["notes"]
    assert [sheet.cell(row=r, column=1).value for r in range(2, 7)] == [
        '\'=HYPERLINK("http://evil","x")',
        "'+cmd|' /C calc'!A0",
        "'-1+1",
        "'@SUM(1)",
        "plain",
    ]
    assert all(sheet.cell(row=r, column=1).data_type == "s" for r in range(2, 7))
    assert sheet.cell(row=3, column=2).value is None  # NaN -> empty cell, not "nan"
    summary = book["summary"]
    assert summary["A1"].value == "year" and summary["A1"].font.bold
    assert summary["A2"].value == 2019 and summary["A2"].number_format == "0"
    assert summary["B3"].value == 125.0 and summary["B3"].number_format == "#,##0.0"
    assert summary["C3"].value == pytest.approx(25.0)
    assert summary["C3"].number_format == '0.0"%"'
    assert summary.freeze_panes == "A2"
    assert [p.name for p in out.parent.iterdir()] == ["t.xlsx"]  # no temp file left


def test_to_excel_writes_the_same_bytes_for_the_same_inputs(
    tmp_path: Path, history, forecast, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time
    import zipfile
    from datetime import date

    tables = {"summary": summary_table(history, forecast)}
    first = to_excel(tables, tmp_path / "a.xlsx", date=date(2026, 12, 3)).read_bytes()
    # openpyxl dates each zip member with the clock: move the clock on by a minute
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setattr(time, "localtime", lambda *a: __import__("time").gmtime(later))
    # and openpyxl's save_workbook stamps docProps' modified date with datetime.now (was a
    # flaky failure when the two saves fell in different seconds)
    import datetime as real_datetime

    import openpyxl.writer.excel as excel_writer

    class LaterDatetime(real_datetime.datetime):
        @classmethod
        def now(cls, tz=None):  # type: ignore[no-untyped-def, override]
            return real_datetime.datetime.now(tz) + real_datetime.timedelta(seconds=61)

    fake = type(
        "datetime_module", (), {"datetime": LaterDatetime, "timezone": real_datetime.timezone}
    )
    monkeypatch.setattr(excel_writer, "datetime", fake)
    second = to_excel(tables, tmp_path / "b.xlsx", date=date(2026, 12, 3)).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as book:
        assert {info.date_time for info in book.infolist()} == {(2026, 12, 3, 0, 0, 0)}
        assert book.testzip() is None
    assert openpyxl.load_workbook(tmp_path / "b.xlsx")["summary"]["A1"].value == "year"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("a" * 32, "has 32 characters (Excel allows at most 31)"),
        ("a/b", "contains one of [ ] : * ? / \\ (Excel forbids them)"),
        (" ", "is empty"),
    ],
)
def test_bad_sheet_names(tmp_path: Path, name: str, problem: str) -> None:
    msg = f"to_excel: sheet name {name!r} {problem}; rename that key of `tables`"
    with pytest.raises(SpecError, match=re.escape(msg)):
        to_excel({name: pd.DataFrame({"a": [1]})}, tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


def test_a_sheet_that_is_not_a_dataframe_is_refused(tmp_path: Path) -> None:
    # Was: AttributeError: 'list' object has no attribute 'columns'
    msg = (
        "to_excel: sheet 's' is a list, not a DataFrame; pass {sheet name: DataFrame}, "
        "e.g. {'s': pd.DataFrame(...)}"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        to_excel({"s": [1, 2]}, tmp_path / "x.xlsx")  # type: ignore[dict-item]
    msg = "to_excel: `tables` is a list; pass one DataFrame or {sheet name: DataFrame}"
    with pytest.raises(SpecError, match=re.escape(msg)):
        to_excel([pd.DataFrame({"a": [1]})], tmp_path / "x.xlsx")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "found"), [("out.csv", "ends in '.csv'"), ("out", "has no extension")]
)
def test_a_path_that_is_not_xlsx_is_refused(tmp_path: Path, name: str, found: str) -> None:
    # Was: an .xlsx workbook written under the name out.csv
    target = tmp_path / "x" / name
    msg = (
        f"to_excel: path {str(target)!r} {found}; to_excel writes an Excel workbook: pass a "
        "path ending in .xlsx (for CSV use DataFrame.to_csv)"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        to_excel({"s": pd.DataFrame({"a": [1]})}, target)
    assert list(tmp_path.iterdir()) == []  # not even the folder
    assert to_excel(pd.DataFrame({"a": [1]}), tmp_path / "T.XLSX").name == "T.XLSX"


def test_control_characters_are_refused_with_the_place(tmp_path: Path) -> None:
    msg = (
        "to_excel: sheet 'table' row 1 column 'note': text 'bad\\x07bell' has control "
        "characters that Excel cannot store; remove them before exporting"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        to_excel(pd.DataFrame({"note": ["ok", "bad\x07bell"]}), tmp_path / "t.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_path_and_failed_write_leave_nothing(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(
        ReportError,
        match=re.escape(f"Excel file {str(blocker / 't.xlsx')!r}: cannot create the folder"),
    ):
        to_excel(pd.DataFrame({"a": [1]}), blocker / "t.xlsx")

    target = tmp_path / "out" / "t.xlsx"
    target.parent.mkdir()
    target.write_bytes(b"old complete file")

    import openpyxl.writer.excel as excel_writer

    def broken_save(self):  # writes half a workbook, then the disk fills up
        self._archive.writestr("[Content_Types].xml", b"<half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(excel_writer.ExcelWriter, "save", broken_save)
    msg = (
        f"Excel file {str(target)!r}: writing failed (No space left on device); nothing was "
        "written; check the disk space and permissions"
    )
    with pytest.raises(ReportError, match=re.escape(msg)):
        to_excel(pd.DataFrame({"a": [1]}), target)
    assert target.read_bytes() == b"old complete file"  # the old file is untouched
    assert [p.name for p in target.parent.iterdir()] == ["t.xlsx"]


def test_unit_labels_read_naturally() -> None:
    from idcforecast.report.style import unit_label

    units = ["CNY 100m", "USD bn", "CNY 10bn", "racks 10k", "kWh 100m", "servers mn"]
    units += ["count thousand", "MW", "TWh", "%", "CNY/USD", "USD mn/MW"]
    labels = {u: unit_label(u) for u in units}
    assert labels == {
        # a currency keeps its code first, as amounts are quoted
        "CNY 100m": "CNY 100 million",
        "USD bn": "USD billion",
        "CNY 10bn": "CNY 10 billion",  # was "CNY 10bn"
        # any other unit reads as a count of it (was "racks 10 thousand")
        "racks 10k": "10 thousand racks",
        "kWh 100m": "100 million kWh",
        "servers mn": "million servers",
        "count thousand": "thousand",
        "MW": "MW",
        "TWh": "TWh",
        "%": "percent",
        "CNY/USD": "CNY/USD",
        "USD mn/MW": "USD mn/MW",
    }


def test_a_qualified_actual_is_marked_in_the_summary(history, forecast) -> None:
    qualified = history.assign(qualifier=["exact", "at_least", "approximately"])
    table = summary_table(qualified, forecast)
    assert table["qualifier"].tolist() == ["exact", "at_least", "approximately", ""]
    assert summary_table(history, forecast)["qualifier"].tolist() == ["exact"] * 3 + [""]
    assert to_markdown(format_summary(table)).splitlines()[1:4] == [
        "|---:|---:|---:|---:|---:|---:|:---|",
        "| 2019 | 100 | – | – | – | – | actual |",
        # rates to a "more than" level are lower bounds too (were printed as exact)
        "| 2020 | > 125 | > 25.0 | > 25.0 | – | – | derived |",
    ]
    lines = to_markdown(format_summary(table)).splitlines()
    # 2022 ("about") has no YoY (2021 missing); its CAGR from an exact 2019 is "about"
    assert lines[4].startswith("| 2022 | ~ 144 | – | ~ 12.9 |")
    # the forecast year's YoY from an "about" level is about; two bounds the same way
    # ("more than" to "more than") leave a rate open: "–"
    assert lines[5].startswith("| 2023 | 173 | ~ 20.0 |")
    both = history.assign(qualifier=["at_least", "at_least", "exact"])
    assert to_markdown(format_summary(summary_table(both, forecast))).splitlines()[3] == (
        "| 2020 | > 125 | – | – | – | – | derived |"
    )
    # an "about" start and a "more than" end: the rate is about 20.0% or more
    # (125 / 100 - 1 = 25.0% YoY; was "> 25.0", an exact-looking bound)
    about_then_more = history.assign(qualifier=["approximately", "at_least", "exact"])
    lines = to_markdown(format_summary(summary_table(about_then_more, forecast))).splitlines()
    assert lines[1] == "|---:|---:|---:|---:|---:|---:|:---|"  # still numbers, right-aligned
    assert lines[3].startswith("| 2020 | > 125 | > ~25.0 | > ~25.0 |")


def test_the_growth_marks_of_an_about_figure_beside_a_bound() -> None:
    from idcforecast.report._growth import cagr_bound

    # (880 / 265.8) ** (1 / 5) - 1 = 27.05%, from "about 265.8" to "more than 880"
    racks = pd.DataFrame({"series_id": "r", "year": [2019, 2024], "value": [265.8, 880.0],
                          "qualifier": ["approximately", "at_least"]})  # fmt: skip
    mark = cagr_bound(racks)
    assert mark is not None
    assert (round(mark.rate, 2), mark.sign, mark.words) == (27.05, "> ~", "at least about ")
    # the executive summary's prose: "about 27.1% or more" (was "at least about 27.1%")
    assert mark.phrase("27.1%") == "about 27.1% or more"
    exact = cagr_bound(racks.assign(qualifier=["exact", "at_least"]))
    assert exact is not None and (exact.sign, exact.words) == ("> ", "at least ")
    assert exact.phrase("27.1%") == "at least 27.1%"
    assert mark._replace(qualifier="at_most").phrase("27.1%") == "about 27.1% or less"
    about = cagr_bound(racks.assign(qualifier=["approximately", "exact"]))
    assert about is not None and (about.sign, about.words) == ("~ ", "about ")


def test_an_unknown_qualifier_is_a_typed_error(history, forecast) -> None:
    msg = (
        "history of series 'demo', year 2020: qualifier 'more' is not one of 'exact', "
        "'at_least', 'at_most', 'approximately'; use one of those (e.g. 'at_least' for 'more "
        "than'), or leave it blank for an exact figure"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        summary_table(history.assign(qualifier=["", "more", None]), forecast)


def test_to_excel_keeps_the_digits_of_small_values(tmp_path: Path) -> None:
    # uat12: every float column was '#,##0.0': weights 0.5/0.25/0.25 showed as 0.5/0.3/0.3
    # (summing to 1.1), a probability 0.626 as "0.6", a USD bn p5 of 0.62 as "0.6"
    import openpyxl

    frame = pd.DataFrame(
        {
            "scenario": ["base", "bull", "bear"],
            "weight": [0.5, 0.25, 0.25],
            "p5": [0.62, 0.71, 0.55],
            "probability": [0.626, 0.2947, 0.4851],
            "mean": [1562.5, 2238.7, 3012.7],
        }
    )
    out = to_excel({"t": frame}, tmp_path / "t.xlsx")
    sheet = openpyxl.load_workbook(out)["t"]
    # 3 significant digits of the smallest: 0.25 -> 3 decimals; 0.55 -> 3; 1562.5 -> 1
    assert [sheet.cell(row=2, column=j).number_format for j in range(2, 6)] == [
        "#,##0.000",
        "#,##0.000",
        "0.0%",
        "#,##0.0",
    ]


def test_summary_table_and_excel_keep_the_source_of_every_number(
    tmp_path: Path, history, forecast
) -> None:
    # gaps15: the table (and the workbook written from it) named no source for any number
    sourced = history.assign(
        source=["CIDC 2020 report, p. 12", None, "  hfnxjk.com/datacenter/news/563646.html "]
    )
    table = summary_table(sourced, forecast)
    assert list(table.columns)[-2:] == ["unit", "source"]
    assert table["source"].tolist() == [
        "CIDC 2020 report, p. 12",
        "not stated",  # a blank cell: said so, not an empty string
        "hfnxjk.com/datacenter/news/563646.html",
        "forecast by model 'drift' from the 2019-2022 history above",
    ]
    # a history without a source column: every actual says it has none
    assert summary_table(history, forecast)["source"].tolist()[:3] == ["not stated"] * 3
    # the numbers are unchanged: 2020 is 125 / 100 - 1 = 25% over 2019
    assert table["yoy"].iloc[1] == pytest.approx(25.0)
    book = openpyxl.load_workbook(to_excel({"summary": table}, tmp_path / "s.xlsx"))
    sheet = book["summary"]
    headers = [cell.value for cell in sheet[1]]
    column = headers.index("source") + 1
    written = [sheet.cell(row=r, column=column).value for r in range(2, 6)]
    assert written == table["source"].tolist()
    # and the display copy, when asked (the report keeps its own Sources section)
    shown = format_summary(table, sources=True)
    assert shown["Source"].iloc[0] == "CIDC 2020 report, p. 12"
    assert "Source" not in format_summary(table).columns
    with pytest.raises(DataError, match=re.escape("format_summary: sources=True but the table")):
        format_summary(table.drop(columns="source"), sources=True)


def test_to_excel_keeps_a_formatted_negative_rate_as_written(tmp_path: Path) -> None:
    # report25: format_summary of a falling series ("-10.0" YoY) exported with to_excel
    # showed "'-10.0": the apostrophe meant to disarm formulas, stored in a text cell
    history = pd.DataFrame(
        {"series_id": "s", "year": [2020, 2021], "value": [500.0, 450.0], "unit": "USD mn"}
    )
    forecast = pd.DataFrame(
        {"series_id": "s", "year": [2022], "model": "drift", "mean": [400.0], "lo_80": [380.0],
         "hi_80": [420.0], "lo_95": [360.0], "hi_95": [440.0]}
    )  # fmt: skip
    shown = format_summary(summary_table(history, forecast))
    # 450 / 500 - 1 = -10.0%; 400 / 450 - 1 = -11.1%
    assert shown["YoY %"].tolist() == ["–", "-10.0", "-11.1"]
    out = to_excel({"summary": shown}, tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(out)["summary"]
    column = [c.value for c in sheet[1]].index("YoY %") + 1
    assert [sheet.cell(row=r, column=column).value for r in (2, 3, 4)] == ["–", "-10.0", "-11.1"]


def test_a_share_in_percent_gets_changes_in_pp_not_growth_rates() -> None:
    # a share of electricity, 1.5% -> 3.0% (2021 not published). Its growth rate (+100%,
    # a "CAGR to date" of 26%) read as the growth of the thing it is a share of; the
    # table gives the changes in percentage points instead
    history = pd.DataFrame(
        {
            "series_id": "share",
            "year": [2018, 2019, 2020, 2022],
            "value": [1.5, 1.75, 2.0, 3.0],
            "unit": "%",
            "qualifier": ["exact", "exact", "exact", "at_least"],
        }
    )
    forecast = pd.DataFrame(
        {
            "series_id": "share",
            "year": [2023],
            "model": "drift",
            "mean": [3.25],
            "lo_80": [3.0],
            "hi_80": [3.5],
            "lo_95": [2.9],
            "hi_95": [3.6],
            "unit": "%",
        }
    )
    table = summary_table(history, forecast)
    assert "yoy" not in table.columns and "cagr_to_date" not in table.columns
    # 1.75 - 1.5 = 0.25; 2.0 - 1.75 = 0.25; 2022 has no 2021: NaN; 3.25 - 3.0 = 0.25
    assert table["change"].tolist()[1:] == pytest.approx([0.25, 0.25, math.nan, 0.25], nan_ok=True)
    assert math.isnan(table["change"].iloc[0])
    # from 1.5 in 2018: 0.25, 0.5, 1.5, 1.75
    assert table["change_to_date"].tolist()[1:] == pytest.approx([0.25, 0.5, 1.5, 1.75])
    assert cagr_from(table) == 2018
    shown = format_summary(table, decimals=2)
    assert list(shown.columns[:4]) == ["Year", "Value (percent)", "Change pp", "Change to date pp"]
    # 2022 was "more than 3.0": the change to it is at least, the change from it at most
    assert shown["Change pp"].tolist() == ["–", "+0.25", "+0.25", "–", "< +0.25"]
    assert shown["Change to date pp"].tolist() == ["–", "+0.25", "+0.50", "> +1.50", "+1.75"]
    # a level of 0% (no share yet) has changes like any other
    zero = summary_table(history.assign(value=[0.0, 0.5, 1.0, 3.0]), forecast)
    assert zero["change"].tolist()[1:3] == [0.5, 0.5]


def test_format_summary_without_a_unit_is_not_a_plain_count() -> None:
    # parse_unit("") reads as a count, so a table with no unit printed its whole-number
    # history's forecast as a count: 9.4 as "9", its interval 8.1-10.6 as "8–11"
    history = pd.DataFrame({"series_id": "s", "year": [2021, 2022, 2023], "value": [3.0, 5.0, 8.0]})
    forecast = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2024],
            "model": "drift",
            "mean": [9.4],
            "lo_80": [8.1],
            "hi_80": [10.6],
            "lo_95": [7.2],
            "hi_95": [11.5],
        }
    )
    for unit in (None, ""):
        hist = history if unit is None else history.assign(unit=unit)
        shown = format_summary(summary_table(hist, forecast))
        assert list(shown.columns)[1] == "Value"  # no unit named
        # whole numbers published: two significant digits on the smallest (3.0), so one
        # decimal throughout (LevelFormat: floor = 1 - 0 = 1)
        assert shown["Value"].tolist() == ["3.0", "5.0", "8.0", "9.4"]
        assert shown["80% interval"].iloc[-1] == "8.1–10.6"


def test_to_excel_prints_every_year_column_as_a_year(tmp_path: Path) -> None:
    # check_claims' end_year (int64) showed "2,022" in Excel, and a year column read with a
    # gap (float, NaN) "2,023.0"; only year, cutoff and start_year were formatted as years
    frame = pd.DataFrame(
        {
            "end_year": [2022, 2027],
            "start_year": [2020.0, np.nan],
            "year": [2023.0, 2024.0],
            "value": [1562.5, 2238.7],
            "horizon": [1, 2],
        }
    )
    sheet = openpyxl.load_workbook(to_excel({"t": frame}, tmp_path / "t.xlsx"))["t"]
    assert [sheet.cell(row=2, column=j).number_format for j in range(1, 6)] == [
        "0",
        "0",
        "0",
        "#,##0.0",
        "#,##0",
    ]
    # the stored values stay numbers
    assert [sheet.cell(row=2, column=j).value for j in range(1, 4)] == [2022, 2020, 2023]
