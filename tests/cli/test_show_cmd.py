"""``idcforecast show``: the README's main job."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from idcforecast.cli import main


def _show(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["show", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _line(out: str, start: str) -> str:
    return next(line for line in out.splitlines() if line.startswith(start))


def test_default_prints_the_cidc_overall_series(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _show(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "china_idc_cidc_overall  ·  dataset china_idc_market  ·  scope cidc_overall"
    assert lines[1] == "unit: CNY 100m  ·  11 years 2012-2023  ·  not published: 2013"
    # growth by hand: 1562.5 / 1228 - 1 = 27.24%; 714.5 / 518.6 - 1 = 37.78%
    assert _line(out, "2019").split()[:3] == ["2019", "1,562.5", "+27.2%"]
    assert _line(out, "2016").split()[:3] == ["2016", "714.5", "+37.8%"]
    # across the 2013 gap: (372.3 / 210.5) ** (1 / 2) - 1 = 33.0% a year, flagged, derived
    assert _line(out, "2014").split()[:7] == [
        "2014",
        "372.3",
        "+33.0%/yr",
        "over",
        "2y",
        "derived",
        "derived",
    ]
    # the first year has no growth; every row names its source
    assert _line(out, "2012").split()[:3] == ["2012", "210.5", "medium"]
    assert "hfnxjk.com/datacenter/news/563646.html" in _line(out, "2019")
    # notes carry the derivations and the 2016 conflict; the other scopes are listed apart
    assert "  2014  not published; 2015 level / (1 + 2015 reported YoY) = 518.6 / 1.393" in out
    assert "  2016  reported YoY +33.77% conflicts with the levels" in out
    assert "  china_idc_caict (caict, 2021-2023)" in out


def test_unit_conversion_uses_each_years_fx(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _show(capsys, "--unit", "USD bn")
    assert code == 0
    assert "unit: USD bn (converted from CNY 100m)" in out
    # 1562.5 亿元 / 6.9081 CNY per USD (G.5A 2019) = 22.618 USD bn; 2020: 2238.7 / 6.9042
    assert _line(out, "2019").split()[1] == "22.618"
    assert _line(out, "2020").split()[1] == "32.425"
    flat = " ".join(out.split())
    assert "growth across currencies includes FX moves" in flat
    assert "each value to its published figure's significant digits" in flat


def test_unit_spellings_are_canonical(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _show(capsys, "--unit", "亿元")
    assert code == 0
    assert out.splitlines()[1].startswith("unit: CNY 100m  ·")
    code, out, _ = _show(capsys, "--unit", "十亿元")
    assert out.splitlines()[1].startswith("unit: CNY bn (converted from CNY 100m)")
    assert _line(out, "2019").split()[1] == "156.25"  # 1562.5 亿元 = 156.25 CNY bn


def test_bounds_are_marked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _show(capsys, "--dataset", "china_racks_in_use", "--unit", "MW")
    assert code == 0
    # 520万 racks x 2.5 kW = 13,000 MW, published as "more than"
    assert _line(out, "2021").split()[:3] == ["2021", ">", "13,000"]
    assert "FX" not in out
    assert "  china_racks_in_use_midyear (miit_standard_racks, 2023-2025)" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["--series", "china_idc_cidc"],
            "error: show: series 'china_idc_cidc' is not in dataset 'china_idc_market'; did "
            "you mean 'china_idc_cidc_overall'? expected one of: china_idc_cidc_overall, "
            "china_idc_caict, china_idc_idc_corp, china_idc_cidc_traditional\n",
        ),
        (  # a series of another bundled dataset: named (was only the list of this one's)
            ["--series", "china_racks_in_use"],
            "error: show: series 'china_racks_in_use' is not in dataset 'china_idc_market'; it "
            "is in bundled dataset 'china_racks_in_use' (pass --dataset china_racks_in_use); "
            "expected one of: china_idc_cidc_overall, china_idc_caict, china_idc_idc_corp, "
            "china_idc_cidc_traditional\n",
        ),
        (
            ["--dataset", "published_forecasts"],
            "error: show: dataset 'published_forecasts' holds claims, not series; expected a "
            "series dataset (see idcforecast datasets); print it with: idcforecast datasets "
            "published_forecasts\n",
        ),
        (
            ["--unit", "MW"],
            "error: show: cannot convert 'CNY 100m' (money) to 'MW' (power)",
        ),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = _show(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith(message)


def test_python_dash_m_runs_the_main_job() -> None:
    # `python -m idcforecast show` works through the module entry point
    done = subprocess.run(
        [sys.executable, "-m", "idcforecast", "show"], capture_output=True, text=True, check=True
    )
    assert done.stdout.startswith("china_idc_cidc_overall")
    assert done.stderr == ""


def test_the_fx_table_shows_in_its_own_unit(capsys: pytest.CaptureFixture[str]) -> None:
    # was: error: unit 'CNY/USD': 'USD' cannot follow 'per' or '/' (nothing was converted)
    code, out, _ = _show(capsys, "--dataset", "fx_rates")
    assert code == 0
    assert out.splitlines()[1] == "unit: CNY/USD  ·  16 years 2010-2025"
    # G.5A 2020 = 6.9042 CNY per USD; 6.9042 / 6.9081 - 1 = -0.06%
    assert _line(out, "2020").split()[:3] == ["2020", "6.9042", "-0.1%"]
    assert _line(out, "2010").split()[1] == "6.7696"  # was rounded to 6.770


def test_a_single_year_series_says_one_year(capsys: pytest.CaptureFixture[str]) -> None:
    # was: "unit: USD bn  ·  1 years 2021-2021"
    code, out, _ = _show(capsys, "--dataset", "global_dc_market")
    assert code == 0
    assert out.splitlines()[1] == "unit: USD bn  ·  1 year 2021"


def test_a_single_year_series_explains_no_growth_it_cannot_have(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # one figure (IDC Corp's 2022 level): the growth column is empty, and the footnote
    # explained it as "year-on-year between consecutive years; '/yr over Ny' ..."
    code, out, _ = _show(capsys, "--series", "china_idc_idc_corp")
    assert code == 0
    assert "growth: none; it needs two years of figures and the series has one (2022)." in out
    assert "year-on-year between consecutive years" not in out
    assert "/yr over" not in out


def test_show_prints_your_own_file_with_its_sources(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # uat11: `show` took no --data, so a file's values could not be seen with their
    # sources and conversions from the command line; 22,387,000 万元 = 2,238.7 亿元
    path = tmp_path / "vn.csv"
    path.write_text(
        "年份,value,来源\n2019,1562.5亿元,CIDC\n2020,22387000万元,科智咨询\n2021,约3012.1亿元,CIDC\n",
        encoding="utf-8",
    )
    assert main(["show", "--data", str(path), "--unit", "CNY 100m"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "vn  ·  file " + str(path) + "  ·  scope not stated"
    assert lines[1] == "unit: CNY 100m  ·  3 years 2019-2021"
    body = [line.split() for line in lines[5:8]]
    assert body == [
        ["2019", "1,562.5", "CIDC"],
        ["2020", "2,238.7", "+43.3%", "科智咨询"],  # 2238.7 / 1562.5 - 1 = 43.28%
        # 3012.1 / 2238.7 - 1 = 34.55%, about as "about" as the figure it grows to
        ["2021", "~", "3,012.1", "~", "+34.5%", "CIDC"],
    ]
    assert "  2020  converted from 'CNY 10k' (x0.0001)" in lines
    assert main(["show", "--data", str(path), "--series", "x", "--unit", "CNY 100m"]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: show: series 'x' is not in file {path}; expected one of: vn"
    )


def test_fx_rates_file_years_are_named(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    # CAICT's 67.9 USD bn (2021) in EUR with the user's rate: 67.9 / 1.20 = 56.583 EUR bn,
    # shown to the 3 significant digits 67.9 was published with: 56.6
    rates = tmp_path / "mine.csv"
    rates.write_text("year,value,unit\n2021,1.20,USD/EUR\n", encoding="utf-8")
    args = ("--dataset", "global_dc_market", "--unit", "EUR bn")
    code, out, _ = _show(capsys, *args, "--fx-rates", str(rates))
    assert code == 0
    assert _line(out, "2021").split()[1] == "56.6"
    assert "FX rates of 2021 from mine.csv (--fx-rates)." in " ".join(out.split())
    # the bundled G.5A 2021 rate (1.1830): 67.9 / 1.1830 = 57.396 -> 57.4 (3 digits), no such line
    code, out, _ = _show(capsys, *args)
    assert _line(out, "2021").split()[1] == "57.4"
    assert "--fx-rates" not in out


def test_a_folder_joins_its_files_into_the_series(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "figs"
    folder.mkdir()
    (folder / "one.csv").write_text("year,value,source\n2018,1228,CIDC 2019\n")
    (folder / "two.csv").write_text("year,value,source\n2019,1562.5,CIDC 2020\n")
    code, out, _ = _show(capsys, "--data", str(folder), "--series", "cidc", "--unit", "亿元")
    assert code == 0
    assert out.splitlines()[0].startswith(f"cidc  ·  folder {folder}")
    # 1562.5 / 1228 - 1 = +27.2%
    assert _line(out, "2019").split()[:3] == ["2019", "1,562.5", "+27.2%"]


def test_a_folder_of_one_series_per_file_says_series_joins_them(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    # analyst54: without --series each file is a series named after it; the footer listed
    # the other files' series and said "show with --series ID" (one file's), never that
    # --series NAME joins the files of one market split by years
    folder = tmp_path / "figs"
    folder.mkdir()
    (folder / "one.csv").write_text("year,value,source\n2018,1228,CIDC 2019\n")
    (folder / "two.csv").write_text("year,value,source\n2019,1562.5,CIDC 2020\n")
    code, out, _ = _show(capsys, "--data", str(folder), "--unit", "亿元")
    assert code == 0
    assert "  two (scope not stated, 2019)\n" in out
    assert "one series split over the folder's files? --series NAME joins them" in out
    code, out, _ = _show(capsys, "--series", "china_idc_caict")  # a dataset: no such line
    assert "joins them" not in out


def test_a_magnitude_alone_as_unit_is_noted_as_a_count(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    # analyst54: `report --data figures --unit 亿` (meant: 亿元) wrote a report "in units of
    # 100 million", no currency, without a word; the unit is a plain count as documented,
    # and now a note says so once and names the fix
    path = tmp_path / "m.csv"
    path.write_text("year,value\n2018,1228\n2019,1562.5\n")
    code, out, err = _show(capsys, "--data", str(path), "--unit", "亿")
    assert code == 0
    assert "unit: count 100m" in out
    assert err == (
        "note: --unit '亿' is a magnitude alone: bare numbers are read as a plain count "
        "('count 100m'), with no currency or thing counted; for money name the currency too "
        "(--unit 亿元, --unit 'USD bn')\n"
    )
    code, out, err = _show(capsys, "--data", str(path), "--unit", "亿元")
    assert "unit: CNY 100m" in out and err == ""
    code, out, err = _show(capsys, "--data", str(path), "--unit", "count 100m")  # said so
    assert "unit: count 100m" in out and err == ""


def test_file_options_without_data_are_refused(capsys) -> None:  # type: ignore[no-untyped-def]
    # was: --sep, --decimal... silently ignored when no --data file was read
    code, _, err = _show(capsys, "--decimal", ",")
    assert code == 2
    assert err == (
        "error: show: --decimal describes a data file (--data FILE); the bundled dataset is "
        "read as it is; drop it or pass --data\n"
    )


def test_growth_between_bounds_is_marked_as_the_bound_it_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # cli24: the CAICT series is "> 1,500", "> 2,200", 2,407; its growth printed as plain
    # +46.7% and +9.4%. From a lower bound to a lower bound the rate is bounded neither way
    # (2200/1500 - 1 = 46.7% could be anything); from "> 2,200" to 2,407 it is at most
    # 2407/2200 - 1 = 9.41%
    code, out, _ = _show(capsys, "--series", "china_idc_caict")
    assert code == 0
    assert _line(out, "2022").split()[:4] == ["2022", ">", "2,200", "n/a"]
    assert _line(out, "2023").split()[:4] == ["2023", "2,407", "<", "+9.4%"]
    # racks: 265.8 then "> 520" two years on: at least (520 / 265.8) ** 0.5 - 1 = 39.87% a year
    code, out, _ = _show(capsys, "--dataset", "china_racks_in_use")
    assert _line(out, "2021").split()[:5] == ["2021", ">", "520.0", ">", "+39.9%/yr"]
    assert _line(out, "2022").split()[:4] == ["2022", ">", "650.0", "n/a"]


def test_an_option_of_the_other_file_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: `--sheet 2021` on a CSV (and `--sep`/`--encoding` on a workbook) were ignored by
    # read_series, so the command printed the file as if the sheet had been found
    import pandas as pd

    csv = tmp_path / "racks.csv"
    csv.write_text("year,value\n2021,520\n2022,650\n", encoding="utf-8")
    code, out, err = _show(capsys, "--data", str(csv), "--unit", "racks 10k", "--sheet", "2021")
    assert (code, out) == (2, "")
    assert err == (
        "error: show: racks.csv: --sheet describes a sheet of an Excel workbook, and the file is a "
        "CSV; drop --sheet\n"
    )
    book = tmp_path / "racks.xlsx"
    pd.DataFrame({"year": [2021, 2022], "value": [520, 650]}).to_excel(book, index=False)
    argv = ["--data", str(book), "--unit", "racks 10k"]
    code, out, err = _show(capsys, *argv, "--sep", ";", "--encoding", "gbk")
    assert (code, out) == (2, "")
    assert err == (
        "error: show: racks.xlsx: --sep and --encoding describe the text of a CSV, and the file is "
        "an Excel workbook; drop --sep and --encoding\n"
    )
    code, out, _ = _show(capsys, *argv, "--sheet", "0")  # the options that fit still work
    assert code == 0
    assert _line(out, "2022").split()[:3] == ["2022", "650", "+25.0%"]  # 650 / 520 - 1


def test_a_series_in_percent_shows_changes_in_points(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a share of 1.5% then 1.6% printed '+6.7%' (1.6 / 1.5 - 1), which reads as the growth
    # of what it is a share of; the change is 1.6 - 1.5 = +0.1 pp; across the 2021-2023 gap
    # (2.0 -> 3.0) it is (3.0 - 2.0) / 2 = +0.5 pp a year
    path = tmp_path / "share.csv"
    path.write_text(
        "series_id,year,value,unit,qualifier\ns,2019,1.5,%,exact\ns,2020,1.6,%,exact\n"
        "s,2021,2.0,%,at_least\ns,2023,3.0,%,exact\n",
        encoding="utf-8",
    )
    code, out, _ = _show(capsys, "--data", str(path))
    assert code == 0
    assert _line(out, "2020").split()[:3] == ["2020", "1.6", "+0.1"]
    assert "+0.1 pp" in _line(out, "2020")
    assert "+0.4 pp" in _line(out, "2021")
    # from at least 2.0 to 3.0 the change is at most +0.5 pp a year
    assert "< +0.5 pp/yr over 2y" in _line(out, "2023")
    assert "change: the difference from the year before, in pp" in out
    assert "%" not in _line(out, "2020").replace("1.6", "")


def test_a_share_in_cheng_shows_changes_in_points(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a utilisation rate in 成 (tenths) printed growth rates, 5.1 -> 5.6 as "+9.8%" (the
    # report gives it points since 7834081): 5.6 - 5.1 = 0.5 成 = +5.0 pp
    path = tmp_path / "share.csv"
    path.write_text("year,rack_utilisation\n2017,5.1\n2018,5.6\n2019,6.2\n", encoding="utf-8")
    code, out, _ = _show(capsys, "--data", str(path), "--unit", "成")
    assert code == 0
    assert _line(out, "2018").split()[:4] == ["2018", "5.6", "+5.0", "pp"]
    assert _line(out, "2019").split()[:4] == ["2019", "6.2", "+6.0", "pp"]  # 0.6 成
    assert "%" not in _line(out, "2018")
    assert "change: the difference from the year before, in pp, 1 成 = 10 pp" in out


def test_a_series_in_percent_once_past_100_shows_growth_rates(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a ratio in % that passed 100% is no share (idcforecast._shares; the report and
    # scenario_table give it rates): it printed "+15.0 pp"; 95 / 80 - 1 = +18.75%
    path = tmp_path / "index.csv"
    path.write_text(
        "series_id,year,value,unit\ni,2015,80,%\ni,2016,95,%\ni,2017,110,%\n",
        encoding="utf-8",
    )
    code, out, _ = _show(capsys, "--data", str(path))
    assert code == 0
    assert _line(out, "2016").split()[:3] == ["2016", "95", "+18.8%"]
    assert "pp" not in out


@pytest.mark.parametrize("command", ["show", "forecast", "report", "forecast-many"])
def test_help_names_the_decimal_marks_in_words(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse printed the choices as "[--decimal {.,,}]", which reads as a typo
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "{.,,}" not in text
    assert "--decimal MARK decimal mark of numbers: '.' (the default) or ','" in text


def test_top_level_help_describes_show_and_report_as_they_are(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "or one of your file (--data)"; and report listed "scenarios" among what every
    # report holds, though they come only with --scenarios FILE
    with pytest.raises(SystemExit):
        main(["--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "or a series of your own file (--data) with year-on-year growth" in text
    assert (
        "write the PDF report on one series: forecast, growth, backtest, other methods, "
        "published claims, sources (and scenarios, with --scenarios FILE)"
    ) in text


def test_a_second_number_column_is_advised_in_terms_a_command_line_user_can_follow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # readers30: the note advised layout='years_as_rows', a read_series keyword no command
    # has a flag for; it now says what to do in the file, which the note shows working
    path = tmp_path / "two.csv"
    path.write_text("year,value,us\n2019,100,5.5\n2020,120,6.5\n", encoding="utf-8")
    assert main(["show", "--data", str(path), "--unit", "CNY bn"]) == 0
    err = capsys.readouterr().err
    assert "column 'us' not read" in err
    assert "layout" not in err
    assert "give the value column its series' name" in err
    path.write_text("year,cn,us\n2019,100,5.5\n2020,120,6.5\n", encoding="utf-8")  # followed
    assert main(["show", "--data", str(path), "--series", "us", "--unit", "CNY bn"]) == 0
    out = capsys.readouterr().out
    assert _line(out, "2020").split()[:3] == ["2020", "6.5", "+18.2%"]  # 6.5 / 5.5 - 1 = 18.18%


def test_show_reads_the_series_asked_for_when_another_cannot_take_the_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # readers30: --series cn --unit 'CNY bn' on a file with a share in % beside it failed
    # on the share ("cannot convert '%' (percent) to 'CNY bn'"), a series not asked for
    path = tmp_path / "mix.csv"
    path.write_text("year,cn,share\n2019,100,1.5%\n2020,120,1.6%\n", encoding="utf-8")
    assert main(["show", "--data", str(path), "--series", "cn", "--unit", "CNY bn"]) == 0
    out, err = capsys.readouterr()
    assert _line(out, "2020").split()[:3] == ["2020", "120", "+20.0%"]  # 120 / 100 - 1
    assert err == ""
    # the series' own unit error, and an unknown series, stay errors
    assert main(["show", "--data", str(path), "--series", "share", "--unit", "CNY bn"]) == 2
    assert "cannot convert '%' (percent) to 'CNY bn'" in capsys.readouterr().err
    assert main(["show", "--data", str(path), "--series", "x", "--unit", "MW"]) == 2
    assert "series 'x' is not in" in capsys.readouterr().err


def _help_groups(text: str) -> dict[str, str]:
    """The option groups of an argparse help text: heading -> its lines."""
    groups: dict[str, str] = {}
    heading = ""
    for line in text.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            heading = line[:-1]
            groups[heading] = ""
        elif heading:
            groups[heading] += line + "\n"
    return groups


@pytest.mark.parametrize("command", ["show", "forecast", "report", "scenarios"])
def test_help_does_not_list_unit_as_a_data_option_where_it_converts_bundled_data(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --unit was listed under "reading --data (as idcforecast.read_series)", yet these
    # commands convert the bundled dataset with it too (show --unit 'USD bn' converts
    # china_idc_market); under check-claims/track-record it is a --data option and stays
    with pytest.raises(SystemExit):
        main([command, "--help"])
    groups = _help_groups(capsys.readouterr().out)
    assert "--unit UNIT" not in groups["reading --data (as idcforecast.read_series)"]
    units = " ".join(groups["units (of the bundled dataset or --data)"].split())
    assert "--unit UNIT convert the series to UNIT ('CNY bn', 'USD bn'), the bundled " in units
    assert "--kw-per-rack KW" in units


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_help_keeps_unit_a_data_option_where_it_needs_data(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    groups = _help_groups(capsys.readouterr().out)
    assert "--unit UNIT" in groups["reading --data (as idcforecast.read_series)"]
    assert not any(heading.startswith("units") for heading in groups)


def test_show_unit_converts_the_bundled_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    # what the help now says: --unit without --data converts the bundled series
    assert main(["show", "--unit", "CNY bn"]) == 0
    out = capsys.readouterr().out
    assert "unit: CNY bn (converted from CNY 100m)" in out
    # 2012: 210.5 CNY 100m = 21.05 CNY bn (10 CNY 100m per CNY bn)
    assert _line(out, "2012").split()[1] == "21.05"


def test_an_empty_unit_is_an_error_not_a_count(capsys: pytest.CaptureFixture[str]) -> None:
    # --unit "$UNIT" with UNIT unset converted to 'count' (canonical_unit("") was "count")
    assert main(["show", "--unit", ""]) == 2
    err = capsys.readouterr().err
    assert "unit '': no unit stated; expected unit text such as 'CNY bn'" in err


def test_a_file_stating_no_unit_is_shown_as_forecast_reads_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`show --data` refused a file stating no unit ("no unit for this series", exit 2)
    that `forecast --data` and `forecast-many` take as given; it shows it now, the unit
    line saying none is stated, with forecast's note on stderr."""
    src = tmp_path / "plain.csv"
    src.write_text("year,value\n2018,100\n2019,112\n2020,125\n")
    code, out, err = _show(capsys, "--data", str(src))
    assert code == 0
    assert _line(out, "unit:") == (
        "unit: none stated (the numbers as given; --unit UNIT names it)  ·  3 years 2018-2020"
    )
    # 112 / 100 - 1 = +12.0%, 125 / 112 - 1 = +11.6%
    assert _line(out, "2019").split()[:3] == ["2019", "112", "+12.0%"]
    assert _line(out, "2020").split()[:3] == ["2020", "125", "+11.6%"]
    assert err == (
        "note: show: plain.csv states no unit (no unit column, no unit in its cells or "
        "headers): its numbers are shown as given, with a blank unit, as forecast-many "
        "forecasts them; --unit UNIT names their unit\n"
    )
    # --unit names it, as before
    code, out, _ = _show(capsys, "--data", str(src), "--unit", "MW")
    assert (code, _line(out, "unit:").split("  ·  ")[0]) == (0, "unit: MW")


def test_a_growth_rate_tie_rounds_half_up_as_the_report_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 1088 / 1024 - 1 = 0.0625 exactly (binary), 6.25%: the report's half_up prints
    # "6.3"; the CLI's format rounded the tie to the even digit, "+6.2%"
    path = tmp_path / "tie.csv"
    path.write_text("year,value\n2019,1024\n2020,1088\n", encoding="utf-8")
    code, out, _ = _show(capsys, "--data", str(path), "--unit", "CNY 100m")
    assert code == 0
    assert _line(out, "2020").split()[:3] == ["2020", "1,088", "+6.3%"]


def test_a_series_read_in_cheng_names_its_unit_as_published(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 成 reads as the unit "tenths": the title said "unit: tenths", a word no source uses
    path = tmp_path / "share.csv"
    path.write_text("year,rack_utilisation\n2017,5.1\n2018,5.6\n", encoding="utf-8")
    code, out, _ = _show(capsys, "--data", str(path), "--unit", "成")
    assert code == 0
    assert out.splitlines()[1] == "unit: 成 (tenths)  ·  2 years 2017-2018"


def test_a_series_converted_from_cheng_says_so_in_its_row_notes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the notes said "converted from 'tenths' (x10)" under a title that says 成 (tenths)
    path = tmp_path / "share.csv"
    path.write_text(
        "series_id,year,value,unit\nrate,2019,5,成\nrate,2020,6.5,成\n", encoding="utf-8"
    )
    code, out, _ = _show(capsys, "--data", str(path), "--unit", "%")
    assert code == 0
    # 5 成 = 50%, 6.5 成 = 65%: a tenth of a whole is 10 percentage points
    assert _line(out, "2019").split()[:2] == ["2019", "50"]
    notes = out.split("notes:\n", 1)[1].splitlines()
    assert notes[:2] == [
        "  2019  converted from 成 (tenths) (x10)",
        "  2020  converted from 成 (tenths) (x10)",
    ]
    assert "'tenths'" not in out


def test_notes_under_converted_values_say_their_figures_are_as_published(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # in USD bn the 2014 row reads 6.042 (372.3 CNY 100m / 6.1620 CNY per USD / 10), and
    # its note "... = 518.6 / 1.393 = 372.29" sat under it with no unit
    code, out, _ = _show(capsys, "--unit", "USD bn")
    assert code == 0
    assert _line(out, "2014").split()[:2] == ["2014", "6.042"]
    block = out.split("\n\nnotes", 1)[1]
    assert block.startswith(" (figures as published, in CNY 100m):\n  2012  reported YoY +23.2%")
    assert "2014  not published; 2015 level / (1 + 2015 reported YoY) = 518.6 / 1.393" in block
    # in the unit published, the header is as it was
    code, out, _ = _show(capsys)
    assert "\n\nnotes:\n  2012  reported YoY +23.2%" in out


def test_values_in_another_currency_keep_their_figures_significant_digits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # report54: in plain USD the 2012 figure 210.5 亿元 printed "3,336,344,761" (every dollar
    # of a four-digit figure); 210.5e8 / 6.3093 (2012 FX) = 3,336,344,761 -> 4 digits
    code, out, _ = _show(capsys, "--unit", "USD")
    assert code == 0
    assert _line(out, "2012").split()[1] == "3,336,000,000"
    # 5078.3 亿元 (5 digits) / 7.0809 (2023) = 71,718,284,399 -> 71,718,000,000
    assert _line(out, "2023").split()[1] == "71,718,000,000"


def test_a_currency_conversion_names_each_rate_and_its_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # analyst55: show --unit "USD bn" said "converted with each year's FX rate" and no rate
    # or source; the bundled table's rates (data/fx_rates.csv, Federal Reserve G.5A annual
    # averages) are now listed: 2019 6.9081, 2020 6.9042 CNY per USD; 1,562.5 亿元 / 6.9081 =
    # 22.618 USD bn
    assert main(["show", "--unit", "USD bn"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "2019 22.618 " in out
    assert (
        "FX rates (annual averages, Federal Reserve G.5A, the bundled table): 2012 6.3093, "
        "2014 6.1620, 2015 6.2827,"
    ) in out
    assert "2019 6.9081, 2020 6.9042, 2021 6.4508, 2022 6.7290, 2023 7.0809 CNY per USD." in out
    # no digit the figure never had: 946.1 亿元 / 6.7569 = 14.0020 USD bn, four digits
    # "14.00" (was "14.000" beside 3.336), 714.5 / 6.6400 = 10.7605 -> "10.76"; the
    # column stays aligned on the point
    assert "2017 14.00 " in out and "2016 10.76 " in out and "14.000" not in out
    # a magnitude change in one currency names no rate
    assert main(["show", "--unit", "CNY bn"]) == 0
    assert "FX rates" not in capsys.readouterr().out


def test_a_series_without_a_gap_is_not_told_of_rates_across_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # six consecutive years: no '/yr over Ny' cell, yet the footnote explained it
    data = tmp_path / "share.csv"
    data.write_text("year,value,unit\n" + "".join(f"{2018 + i},{40 + 9 * i},%\n" for i in range(6)))
    code, out, _ = _show(capsys, "--data", str(data))
    assert code == 0 and "/yr over" not in out
    assert "change: the difference from the year before, in pp" in out
    # the bundled CIDC series has a gap (2013): there it is still explained
    code, out, _ = _show(capsys)
    assert "'/yr over Ny' is the compound annual rate across a gap" in " ".join(out.split())
    assert "+33.0%/yr over 2y" in _line(out, "2014")


def test_show_converts_bundled_racks_at_the_kw_per_rack_given(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # report56: --kw-per-rack was ignored for a bundled dataset (the 2.5 kW default used, and
    # no kW said): 760万 racks (10k) x 10,000 racks x 5 kW = 38,000 MW; at 2.5 kW 19,000
    argv = ["--dataset", "china_racks_in_use", "--series", "china_racks_in_use_midyear"]
    _, out, _ = _show(capsys, *argv, "--unit", "MW", "--kw-per-rack", "5")
    assert out.splitlines()[1].startswith(
        "unit: MW (converted from racks 10k at 5 kW per rack, --kw-per-rack to change)"
    )
    assert _line(out, "2023").split()[:3] == ["2023", ">", "38,000"]
    # 1085万 x 5 kW = 54,250 MW; growth 1085 / 830 - 1 = +30.7% (at most: 2024 a floor)
    assert _line(out, "2025").split()[:3] == ["2025", "54,250", "<"]
    _, default, _ = _show(capsys, *argv, "--unit", "MW")
    assert "(converted from racks 10k at 2.5 kW per rack" in default
    assert _line(default, "2023").split()[:3] == ["2023", ">", "19,000"]
