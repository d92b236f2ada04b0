"""The Sources table of a report on converted figures gives each figure as published, with
the converted value beside it; the report converts the bundled data with --unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.cli import main
from idcforecast.errors import DataError

DATE = "2026-01-01"


def _sources_text(path: Path) -> str:
    pages = [page.extract_text() for page in PdfReader(path).pages]
    text = "\n".join(pages)
    start = text.index("\nSources\n")
    return text[start : text.index("\nAssumptions", start)]


@pytest.fixture(scope="module")
def usd_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the bundled China IDC market (CNY 100m) reported in USD bn: refused before
    # ("read options 'unit' apply to a data file"), while show/forecast/scenarios took it
    out = tmp_path_factory.mktemp("usd") / "usd.pdf"
    return build_report(out=out, date=DATE, read_options={"unit": "USD bn"})


def test_sources_give_the_figure_as_published_beside_the_converted_one(usd_report) -> None:
    # the Sources table listed only "3.3" (USD bn) beside a quote of 210.5亿元: a client
    # could not match the table to its source
    sources = _sources_text(usd_report)
    flat = " ".join(sources.split())
    assert "As published (CNY 100 million) Value (USD billion)" in flat
    assert "values are converted to USD billion: 'As published' gives each figure" in flat
    # 2012: 210.5 CNY 100m = 21.05 CNY bn / 6.3093 CNY per USD (2012 G.5A average)
    # = 3.3363 USD bn, printed "3.3"
    assert re.search(r"^2012 210\.5 3\.3$", sources, re.M), sources[:600]
    # 2023: 5,078.3 CNY 100m = 507.83 CNY bn / 7.0809 = 71.72 USD bn, printed "71.7"
    assert re.search(r"^2023 5,078\.3 71\.7$", sources, re.M)
    # a derived row is given in the unit its compiler worked in (the dataset's 372.3)
    assert re.search(r"^2014 372\.3 6\.0 ", sources, re.M)


def test_the_converted_report_says_how_to_make_it_again(usd_report) -> None:
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(usd_report).pages).split())
    assert "idcforecast report --unit 'USD bn' --to" in text
    assert "Series china_idc_cidc_overall (scope: cidc_overall), in USD billion" in text


def test_a_report_in_the_unit_read_has_no_published_column(tmp_path: Path) -> None:
    csv = tmp_path / "dc.csv"
    csv.write_text(
        "year,value,unit\n" + "".join(f"{2012 + i},{100 + 9 * i},MW\n" for i in range(10)),
        encoding="utf-8",
    )
    path = build_report(data=csv, out=tmp_path / "dc.pdf", date=DATE)
    sources = " ".join(_sources_text(path).split())
    assert "As published" not in sources
    assert "a value converted from the quote's unit shows the conversion beside it" in sources


def test_a_plain_usd_series_shown_in_billions_has_no_published_column(tmp_path: Path) -> None:
    # read in USD, shown in USD bn (in_display_unit): the same numbers, divided by 1e9 as
    # the assumptions say; no ten-digit figure is printed (test_report_display_unit.py)
    csv = tmp_path / "usd.csv"
    csv.write_text(
        "year,value,unit\n"
        + "".join(f"{2012 + i},{1_200_000_000 + 150_000_000 * i},USD\n" for i in range(10)),
        encoding="utf-8",
    )
    path = build_report(data=csv, out=tmp_path / "usd.pdf", date=DATE)
    sources = _sources_text(path)
    assert "As published" not in sources
    assert re.search(r"^2012 1\.2", sources, re.M), sources[:600]


def test_bundled_data_still_refuses_file_layout_options(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=re.escape("report: read options 'sep' apply to a data")):
        build_report(out=tmp_path / "b.pdf", date=DATE, read_options={"sep": ";", "unit": "USD"})
    assert not (tmp_path / "b.pdf").exists()


def test_cli_report_unit_on_bundled_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    args = ["report", "--unit", "USD bn", "--out", str(out), "--date", DATE, "--sep", ";"]
    assert main(args) == 2  # --sep describes a file
    assert "'sep' apply to a data file (--data FILE)" in capsys.readouterr().err
    assert not out.exists()


def test_a_file_of_two_currencies_names_each_figures_unit(tmp_path: Path) -> None:
    # a row read in the shown unit said "as shown" under "As published (CNY 100 million)",
    # as if its figure had been published in CNY; each cell now names its unit
    csv = tmp_path / "m.csv"
    rows = ["518.6亿元", "714.5亿元", "946.1亿元", "USD 18.6 bn", "1562.5亿元", "2238.7亿元"]
    csv.write_text(
        "year,value\n" + "".join(f"{2015 + i},{v}\n" for i, v in enumerate(rows)),
        encoding="utf-8",
    )
    path = build_report(
        data=csv, out=tmp_path / "m.pdf", date=DATE, read_options={"unit": "USD bn"}, to=2026
    )
    sources = " ".join(_sources_text(path).split())
    assert "Year As published Value (USD billion) Source" in sources
    assert "2018 18.6 USD billion 18.60 m.csv row 5" in sources  # (the table's 2 decimals)
    # 2015: 51.86 CNY bn / 6.2827 CNY per USD = 8.2544 USD bn, printed "8.25"
    assert "2015 518.6 CNY 100 million 8.25 m.csv row 2" in sources


def test_the_track_record_gives_a_converted_forecast_as_published(usd_report) -> None:
    # the table's "Forecast" read "47.56" (USD bn) for Global Times' 3,200亿元, beside a
    # comment promising "a claim as published"; the published figure now stands beneath
    text = " ".join("\n".join(p.extract_text() for p in PdfReader(usd_report).pages).split())
    start = text.index("Claim set By Made For Forecast Actual Error Held")
    table = text[start : start + 900]
    # 3,200 CNY 100m = 320 CNY bn / 6.7290 CNY per USD (2022) = 47.555 USD bn
    assert "2022 47.56 (3,200 CNY 100 million) 60.1 -20.9% no" in table
    assert "> 47.56 (> 3,200.5 CNY 100 million)" in table
    # 2,000 CNY 100m = 200 CNY bn / 6.9042 (2020) = 28.968 USD bn
    assert "> 28.97 (> 2,000 CNY 100 million)" in table


def test_the_fx_rate_beside_a_conversion_into_plain_usd(tmp_path: Path) -> None:
    # read in plain USD (--unit USD), shown in USD bn: the note's factor (x1.58496e+07, CNY
    # 100m -> USD) was divided by the factor into the *shown* unit, and Sources printed
    # "FX rate: 158,496,000.0000 USD per CNY"; the 2012 G.5A rate is 6.3093 CNY per USD
    path = build_report(out=tmp_path / "usd.pdf", date=DATE, read_options={"unit": "USD"})
    sources = " ".join(_sources_text(path).split())
    assert "2012 annual-average FX rate: 6.3093 CNY per USD)" in sources
    assert "158,496,000" not in sources
    # the figure as published is the same with the unit read in plain USD
    assert "As published (CNY 100 million) Value (USD billion)" in sources


def test_a_series_read_at_a_users_rate_is_published_with_the_notes_factor(
    tmp_path: Path,
) -> None:
    # read inside use_fx_rates (2012: 6.0 CNY per USD), reported outside it: Sources worked
    # the figure back at the bundled 6.3093 and printed 221.35 for a published 210.5
    import pandas as pd

    from idcforecast import load_dataset, read_series, use_fx_rates

    rates = tmp_path / "my.csv"
    rates.write_text("year,value,unit\n2012,6.0,CNY/USD\n", encoding="utf-8")
    bundled = load_dataset("china_idc_market")
    rows = bundled[bundled["series_id"] == "china_idc_cidc_overall"]
    with use_fx_rates(rates):
        history = read_series(rows, unit="USD bn")
    assert isinstance(history, pd.DataFrame)
    # 2012: 21.05 CNY bn / 6.0 = 3.5083 USD bn; the note's factor x0.0166667 gives it back
    # to 5 significant digits, ~210.5; at the bundled rate 3.5083 x 63.093 = 221.35, a
    # figure no source published
    path = build_report(data=history, out=tmp_path / "u.pdf", date=DATE, to=2026)
    sources = " ".join(_sources_text(path).split())
    assert "2012 ~210.5 3.5" in sources, sources[:900]
    assert "221.3" not in sources and "221.4" not in sources
    assert "2023 5,078.3 71.7" in sources  # the bundled rate, read and reported alike
