"""``idcforecast forecast``: defaults, --to/--horizon, --data, CSV output, typed errors."""

from __future__ import annotations

import csv
import io
from io import StringIO
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from idcforecast import load_dataset
from idcforecast.cli import main


def test_default_is_china_idc_cidc_to_2030(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "series_id", "year", "model", "mean", "lo_80", "hi_80", "lo_95", "hi_95", "unit",
    ]  # fmt: skip
    years = [line.split()[1] for line in out[2:] if line.startswith("china_idc_cidc_overall")]
    assert years == [str(y) for y in range(2024, 2031)]
    assert out[-1] == (
        "note (china_idc_cidc_overall, auto, ok): gap year 2013 filled log-linearly for "
        "fitting only"
    )


def test_csv_matches_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    from idcforecast import forecast, load_dataset

    assert main(["forecast", "--horizon", "2", "--method", "drift", "--csv"]) == 0
    printed = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    data = load_dataset("china_idc_market")
    expected = forecast(data[data["series_id"] == "china_idc_cidc_overall"], 2, method="drift")
    pd.testing.assert_frame_equal(printed, expected, check_dtype=False)


def test_user_file_with_two_series(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mine.csv"
    pd.DataFrame(
        {
            "series_id": ["a"] * 5 + ["b"] * 6,
            "year": [*range(2019, 2024), *range(2017, 2023)],
            "value": [10.0, 12, 15, 17, 20, 5, 6, 6.5, 7, 8, 9],
            "unit": "MW",
        }
    ).to_csv(path, index=False)
    assert main(["forecast", "--data", str(path), "--to", "2025", "--csv"]) == 0
    out = pd.read_csv(StringIO(capsys.readouterr().out))
    assert out.groupby("series_id")["year"].apply(list).to_dict() == {
        "a": [2024, 2025],
        "b": [2023, 2024, 2025],
    }


def test_the_bundled_fx_table_reads_back(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    # `datasets fx_rates --csv > fx.csv; forecast --data fx.csv` failed: "unit 'CNY/USD':
    # 'USD' cannot follow 'per' or '/'"
    from idcforecast import read_series

    path = tmp_path / "fx.csv"
    assert main(["datasets", "fx_rates", "--csv"]) == 0
    path.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["forecast", "--data", str(path), "--horizon", "1", "--method", "naive"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2].split()[:4] == ["fx_cny_per_usd", "2026", "naive", "7.18750"]
    assert out[2].split()[-1] == "CNY/USD"
    series = read_series(load_dataset("fx_rates"))
    cny = series[series["series_id"] == "fx_cny_per_usd"]
    assert cny["unit"].unique().tolist() == ["CNY/USD"]
    assert dict(zip(cny["year"], cny["value"], strict=True))[2020] == 6.9042
    assert series.groupby("series_id")["unit"].nunique().eq(1).all()  # one unit per series


def test_errors_print_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--to", "2020"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: --to 2020 is not after the last year 2023 of series "
        "'china_idc_cidc_overall'; pass --to 2024 or later, or --horizon H\n"
    )
    assert main(["forecast", "--series", "china_idc_foo"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: series 'china_idc_foo' is not in dataset 'china_idc_market'; "
        # the closest spelling, as `show --series china_idc_foo` has said it
        "did you mean 'china_idc_caict'? expected one of: china_idc_cidc_overall, "
        "china_idc_caict, china_idc_idc_corp, china_idc_cidc_traditional\n"
    )
    assert main(["forecast", "--method", "thta"]) == 2
    assert "did you mean 'theta'?" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["forecast", "--horizon", "0"],
        ["scenarios", "--horizon", "-2"],
        ["forecast-many", "missing.csv", "--out", "o.csv", "--horizon", "0"],
    ],
)
def test_horizon_below_one_is_refused_before_any_work(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # before: the library's "pass e.g. horizon=5" (no option of these commands), after
    # reading the data; forecast-many read the whole file first
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "argument --horizon: " in err
    assert "years: the horizon counts years after the last observed one, so at least 1" in err


README = Path(__file__).resolve().parents[2] / "README.md"
RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "results" / "m3_yearly.md"


def test_readme_shows_the_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("$ python -m idcforecast forecast\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line.strip()]
    assert main(["forecast"]) == 0
    assert shown == capsys.readouterr().out.splitlines()


def test_readme_shows_the_real_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split("$ python -m idcforecast forecast --compare\n", 1)[1].split("```", 1)[0]
    assert main(["forecast", "--compare"]) == 0
    assert block.splitlines() == capsys.readouterr().out.splitlines()


def test_readme_m3_rows_match_the_benchmark_results() -> None:
    readme = README.read_text(encoding="utf-8").splitlines()
    results = RESULTS.read_text(encoding="utf-8").splitlines()
    # accuracy columns must agree; seconds (the last column) vary with the machine's load
    for row in ("| **auto** (ours) |", "| drift (ours) |", "| dotm (ours) |", "| naive (ours) |"):
        ours = [line.split("|")[1:-2] for line in readme if line.startswith(row)]
        assert ours and ours == [line.split("|")[1:-2] for line in results if line.startswith(row)]


def test_help_renders(capsys: pytest.CaptureFixture[str]) -> None:
    # argparse %-formats help strings: a bare "%" in HELP breaks `idcforecast --help`
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "forecast a series" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["forecast", "--help"])
    assert "--horizon H" in capsys.readouterr().out


def test_to_forecasts_each_series_exactly_to_that_year(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: both series were forecast 3 years (2025 - the earliest last year, 2022) and cut,
    # so 'a' (last year 2023) got intervals calibrated for 3 steps instead of its own 2
    from idcforecast import forecast

    frame = pd.DataFrame(
        {
            "series_id": ["b"] * 6 + ["a"] * 7,
            "year": [*range(2017, 2023), *range(2017, 2024)],
            "value": [5.0, 6, 6.5, 7, 8, 9, 10, 12, 15, 17, 20, 26, 29],
            "unit": "MW",
        }
    )
    path = tmp_path / "mine.csv"
    frame.to_csv(path, index=False)
    assert main(["forecast", "--data", str(path), "--to", "2025", "--csv"]) == 0
    out = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    assert out["series_id"].drop_duplicates().tolist() == ["b", "a"]  # file order kept
    for sid, horizon in (("a", 2), ("b", 3)):
        alone = forecast(frame[frame["series_id"] == sid], horizon)
        got = out[out["series_id"] == sid].reset_index(drop=True)
        pd.testing.assert_frame_equal(got, alone, check_dtype=False)


def test_read_options_reach_read_series(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "idc.csv"
    # a title line, ';' separated, decimal commas; CAICT's CNY 100m figures
    path.write_text(
        "China IDC market, CNY 100m\nyear;value\n2017;946,1\n2018;1.228\n2019;1.562,5\n"
        "2020;2.238,7\n",
        encoding="utf-8",
    )
    args = ["forecast", "--data", str(path), "--to", "2021", "--method", "naive", "--csv"]
    assert main([*args, "--unit", "CNY 100m", "--decimal", ",", "--header-row", "1"]) == 0
    out = pd.read_csv(StringIO(capsys.readouterr().out))
    assert out["mean"].tolist() == pytest.approx([2238.7])  # naive: the last value, 2.238,7
    assert main(args) == 2  # the title line taken for the header: one line saying so
    assert "(a title above the header? pass --header-row N" in capsys.readouterr().err
    assert main([*args, "--unit", "CNY 100m", "--header-row", "1"]) == 2  # '946,1' with '.'
    err = capsys.readouterr().err
    assert "cannot read '946,1' as a figure: a comma that does not separate" in err
    assert "(a table written with decimal commas: --decimal ,)" in err


def test_sheet_by_name_or_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["read me"])
    for title, last in (("1", 30.0), ("Markets", 40.0)):  # a sheet named "1" at position 1
        sheet = book.create_sheet(title)
        sheet.append(["year", "value"])
        for year, value in ((2019, 10.0), (2020, last)):
            sheet.append([year, value])
    path = tmp_path / "book.xlsx"
    book.save(path)
    args = ["forecast", "--data", str(path), "--to", "2021", "--method", "naive", "--csv"]
    for sheet, expected in (("Markets", 40.0), ("1", 30.0), ("2", 40.0)):
        # "1" is the sheet named "1"; "2" (no such name) is the third sheet
        assert main([*args, "--unit", "MW", "--sheet", sheet]) == 0
        assert pd.read_csv(StringIO(capsys.readouterr().out))["mean"].tolist() == [expected]
    assert main([*args, "--unit", "MW", "--sheet", "Missing"]) == 2
    assert (
        "no sheet 'Missing'; expected a sheet name or a 0-based position; the workbook "
        "holds 3 sheet(s): 'Notes', '1', 'Markets'" in capsys.readouterr().err
    )


def test_year_column_and_estimates_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "idc.csv"
    path.write_text("年份,市场规模\n2018,1228\n2019,1562.5\n2020E,2238.7\n", encoding="utf-8")
    args = ["forecast", "--data", str(path), "--to", "2021", "--method", "naive", "--csv"]
    assert main([*args, "--unit", "CNY 100m"]) == 2  # 年份 is read as the year column
    assert "'2020E' is an estimate, not a published figure" in capsys.readouterr().err
    assert main([*args, "--unit", "CNY 100m", "--year-column", "年份"]) == 2
    assert "'2020E' is an estimate, not a published figure" in capsys.readouterr().err
    keep = [*args, "--unit", "CNY 100m", "--year-column", "年份", "--estimates", "keep"]
    assert main(keep) == 0
    assert pd.read_csv(StringIO(capsys.readouterr().out))["mean"].tolist() == [2238.7]
    drop = [*args, "--to", "2020", "--unit", "CNY 100m", "--year-column", "年份"]
    assert main([*drop, "--estimates", "drop"]) == 0
    assert pd.read_csv(StringIO(capsys.readouterr().out))["mean"].tolist() == [1562.5]


def test_compare_prints_each_method_with_its_shared_backtest(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from idcforecast.comparison import DEFAULT_METHODS, compare_methods

    with pytest.raises(SystemExit):  # the help names the default methods
        main(["forecast", "--help"])
    assert "auto,drift_log,damped_log,drift" in " ".join(capsys.readouterr().out.split())
    assert main(["forecast", "--compare"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines[2:6]] == list(DEFAULT_METHODS)
    assert lines[6].startswith("scores: each method's backtest on the cutoffs every method")
    assert main(["forecast", "--compare", "drift,drift_log", "--csv"]) == 0
    printed = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    cidc = load_dataset("china_idc_market").query("series_id == 'china_idc_cidc_overall'")
    expected = compare_methods(cidc, 7, methods=["drift", "drift_log"])
    assert printed["model"].tolist() == ["drift", "drift_log"]
    np.testing.assert_allclose(printed["smape"], expected["smape"], rtol=1e-12)
    np.testing.assert_allclose(printed["hi_95"], expected["hi_95"], rtol=1e-12)
    assert main(["forecast", "--compare", "drift,drfit"]) == 2
    assert "did you mean 'drift'?" in capsys.readouterr().err
    # --method would be ignored silently
    assert main(["forecast", "--compare", "--method", "drift"]) == 2
    assert "--compare takes its methods as --compare METHODS" in capsys.readouterr().err


@pytest.mark.parametrize("methods", ["", " , "])
def test_compare_without_a_method_is_one_error_line(
    capsys: pytest.CaptureFixture[str], methods: str
) -> None:
    # cli24: `--compare ""` (an empty shell variable) was a KeyError traceback, exit 1
    assert main(["forecast", "--compare", methods]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: forecast: --compare {methods!r} names no method; expected method aliases "
        "separated by commas (e.g. --compare auto,drift_log), or --compare alone for "
        "auto,drift_log,damped_log,drift\n"
    )


def test_backtest_horizon_without_compare_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # cli24: it was ignored in silence (the forecast printed as without it)
    assert main(["forecast", "--backtest-horizon", "2"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: --backtest-horizon 2 only serves --compare (the backtest of each "
        "method compared); add --compare, or drop --backtest-horizon\n"
    )
    # with --compare it still sets the backtest's steps, as compare_methods' backtest_horizon
    from idcforecast.comparison import compare_methods

    cidc = load_dataset("china_idc_market").query("series_id == 'china_idc_cidc_overall'")
    for argv, steps in ([["--backtest-horizon", "2"], 2], [[], 3]):
        assert main(["forecast", "--compare", "drift", "--csv", *argv]) == 0
        printed = pd.read_csv(StringIO(capsys.readouterr().out))
        expected = compare_methods(cidc, 7, methods=["drift"], backtest_horizon=steps)
        assert printed["n"].tolist() == expected["n"].tolist()
        np.testing.assert_allclose(printed["smape"], expected["smape"], rtol=1e-12)


def test_a_series_that_cannot_be_forecast_does_not_cost_the_others(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: the whole command failed on the first short series of company_revenue (and said
    # "forecast_many() forecasts the other 1 series" of four)
    # exit 1: it finished, two series printed, two not forecast (was 2, the code of an input
    # error that ran nothing; cli/_exit)
    assert main(["forecast", "--dataset", "company_revenue", "--csv"]) == 1
    captured = capsys.readouterr()
    import io

    import pandas as pd

    table = pd.read_csv(io.StringIO(captured.out))
    assert table["series_id"].unique().tolist() == [
        "gds_net_revenue_first_reported",
        "vnet_net_revenue",
    ]
    assert table.groupby("series_id")["year"].max().tolist() == [2030, 2030]
    assert captured.err.splitlines() == [
        "error: forecast: series 'gds_net_revenue_restated' not forecast: has 3 "
        "observations (2022-2024); method 'auto' needs at "
        "least 4; add years, or use --method naive (2) or --method drift (3)",
        "error: forecast: series 'equinix_revenue' not forecast: has 3 "
        "observations (2020-2023, 1 year filled); method 'auto' needs at least 4; add "
        "years, or use --method naive (2) or --method drift (3) (gap year 2021 filled "
        "log-linearly for fitting only)",
    ]


def test_a_column_not_read_is_a_note_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # every IdcForecastWarning prints as one "note:" line in the command's words
    path = tmp_path / "de.csv"
    path.write_text(
        "series_id,year,value,Einheit\na,2019,1,GW\na,2020,2,GW\na,2021,3,GW\na,2022,4,GW\n"
    )
    assert (
        main(["forecast", "--data", str(path), "--unit", "MW", "--to", "2023", "--method", "naive"])
        == 0
    )
    err = capsys.readouterr().err
    assert err.startswith("note: de.csv: column 'Einheit' not read; a long table is read as ")
    assert "Traceback" not in err and "IgnoredColumnWarning" not in err


def test_unit_converts_the_bundled_series(capsys: pytest.CaptureFixture[str]) -> None:
    # was: --unit silently ignored without --data (the table stayed in CNY 100m)
    assert main(["forecast", "--unit", "USD bn", "--horizon", "1"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[2].endswith("USD bn")
    assert "history converted between currencies at each year's FX rate" in out
    from idcforecast.io import read_series

    # the same numbers as converting the bundled rows with read_series (2023: 5078.3 亿元
    # / 7.0809 CNY per USD = 71.718 USD bn)
    cidc = load_dataset("china_idc_market").query("series_id == 'china_idc_cidc_overall'")
    assert read_series(cidc, unit="USD bn")["value"].iloc[-1] == pytest.approx(71.718, abs=1e-3)


def test_file_options_without_data_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["forecast", "--sep", ";", "--sheet", "2", "--horizon", "1"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: --sep, --sheet describe a data file (--data FILE); the bundled "
        "dataset is read as it is; drop them or pass --data\n"
    )


@pytest.mark.parametrize("command", ["forecast", "scenarios"])
def test_the_claims_dataset_is_refused_by_name(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # cli24: `forecast --dataset published_forecasts` (and `scenarios`) was a KeyError
    # 'series_id' traceback, exit 1: that dataset holds claims, not series
    assert main([command, "--dataset", "published_forecasts"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {command}: dataset 'published_forecasts' holds claims, not series; expected "
        "a series dataset (see idcforecast datasets); check its claims with: idcforecast "
        "check-claims --all, or idcforecast track-record\n"
    )


@pytest.mark.parametrize("command", ["forecast", "scenarios"])
def test_years_too_far_ahead_are_named_in_the_flags_words(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # cli24: `--to 3000` was refused as "horizon 977 ...: a year given as the horizon? ...
    # pass e.g. 5" (no horizon was given), and `--horizon 2030` ended "to forecast to 2030
    # pass 7" (pass it where?). CIDC is observed to 2023: 3000 - 2023 = 977 years, and at most
    # 100 reach 2123; 2030 - 2023 = 7
    assert main([command, "--to", "3000"]) == 2
    assert capsys.readouterr().err == (
        f"error: {command}: --to 3000 is 977 years after the last year 2023 of series "
        "'china_idc_cidc_overall'; a forecast reaches at most 100 years ahead: pass --to 2123 "
        "or earlier\n"
    )
    assert main([command, "--horizon", "2030"]) == 2
    assert capsys.readouterr().err == (
        f"error: {command}: --horizon 2030 is more than 100 years ahead of series "
        "'china_idc_cidc_overall' (observed to 2023): a year given as the horizon? the "
        "horizon counts years after the last one: pass --to 2030, or --horizon 7\n"
    )


def test_compare_notes_give_their_advice_in_flags(capsys: pytest.CaptureFixture[str]) -> None:
    # the notes under --compare named Python keywords (method='auto', horizon=3)
    argv = ["forecast", "--compare", "--dataset", "china_racks_in_use"]
    assert main([*argv, "--series", "china_racks_in_use"]) == 1  # damped_log cannot run
    out = capsys.readouterr().out
    # 2, not "2 or less": drift's one cutoff 2022 (of 2019, 2021, 2022) has 2023 as a gap
    assert "pass --backtest-horizon 2 (series 'china_racks_in_use' has 4 " in out
    # the advice was "use --method auto", which --compare refuses
    assert "add years or use --compare auto (needs 4)" in out
    assert "method='auto'" not in out and "horizon=" not in out and "--method" not in out


def test_compare_exits_1_when_a_method_cannot_run_for_a_series(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # before: exit 0 with damped_log's row all '-' (GDS has 4 observed years, it needs 6)
    argv = ["forecast", "--dataset", "company_revenue", "--series", "gds_net_revenue_restated"]
    assert main([*argv, "--compare", "drift,damped_log", "--horizon", "2"]) == 1
    out = capsys.readouterr().out
    assert "not run (gds_net_revenue_restated, damped_log): series " in out
    # every method ran: 0, even with no backtest window (a note, not a failure)
    assert main([*argv, "--compare", "drift,drift_log", "--horizon", "2"]) == 0
    assert "no backtest: " in capsys.readouterr().out


def test_compare_takes_the_cap(capsys: pytest.CaptureFixture[str]) -> None:
    # before: "--compare ... has no cap; drop --method and --cap" (exit 2)
    from idcforecast.comparison import compare_methods

    argv = ["forecast", "--compare", "drift,drift_log", "--cap", "9000", "--csv"]
    assert main(argv) == 0
    printed = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    cidc = load_dataset("china_idc_market").query("series_id == 'china_idc_cidc_overall'")
    expected = compare_methods(cidc, 7, methods=["drift", "drift_log"], cap=9000)
    # drift 8,176 stays under the cap, drift_log's 38,501 is clipped at it
    assert printed["mean"].round(1).tolist() == [8176.0, 9000.0]
    np.testing.assert_allclose(printed["smape"], expected["smape"], rtol=1e-12)
    assert (
        printed["note"]
        .iloc[1]
        .endswith(
            "clipped at cap 9000: from 2 years ahead on the forecast is the cap itself; method "
            "'logistic' or 'gompertz' approaches a cap instead of passing it"
        )
    )


def test_ctrl_c_in_any_command_is_one_line_and_exit_130(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # was: a KeyboardInterrupt traceback (forecast-many alone caught it)
    from idcforecast.cli import forecast_cmd

    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(forecast_cmd, "run", interrupted)
    assert main(["forecast"]) == 130
    assert capsys.readouterr().err == "idcforecast forecast: interrupted\n"


_NOTHING_DONE = (
    "2 nothing done: a usage or input error (one 'error:' line); 130 interrupted by Ctrl-C"
)


@pytest.mark.parametrize(
    ("command", "one"),
    [
        ("forecast", "some or all series were not forecast (each reason printed)"),
        ("forecast-many", "some or all series failed (each written with its reason)"),
        ("check-claims", "a claim set was found inconsistent"),
    ],
)
def test_help_names_the_exit_codes(
    command: str, one: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())  # (argparse wraps the epilog)
    assert text.endswith(f"exit codes: 0 all fine; 1 finished, but {one}; {_NOTHING_DONE}")


@pytest.mark.parametrize(
    "command",
    ["show", "parse", "figures", "datasets", "cagr", "track-record"],
)
def test_help_of_a_command_that_never_exits_1_does_not_list_it(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # every --help listed "1 finished, but some or all results failed (a series not
    # forecast) or are inconsistent (a claim set)", though only the three commands above
    # return 1
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert text.endswith(f"exit codes: 0 done; {_NOTHING_DONE}")


def test_exactly_the_commands_that_can_exit_1_say_so() -> None:
    # a command returning results_status(...) (1 on failed results) declares what 1 means
    import importlib
    import inspect

    from idcforecast.cli import COMMAND_MODULES

    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        returns_1 = "results_status(" in inspect.getsource(module)
        assert returns_1 == hasattr(module, "FAILED_RESULTS"), name


def test_several_methods_separated_by_commas(capsys: pytest.CaptureFixture[str]) -> None:
    # was: "unknown forecasting method 'drift,naive'", though forecast() takes a list
    assert main(["forecast", "--method", "drift,naive", "--horizon", "1", "--csv"]) == 0
    import io

    import pandas as pd

    table = pd.read_csv(io.StringIO(capsys.readouterr().out))
    # CIDC 2012-2023 (11 published years, 2013 filled): naive is 2023's 5,078.3; drift adds
    # the mean step (5078.3 - 210.5) / 11 = 442.53, 5,520.8
    assert table["model"].tolist() == ["drift", "naive"]
    assert table["mean"].round(1).tolist() == [5520.8, 5078.3]


def test_a_misspelt_option_is_told_the_one_meant(capsys: pytest.CaptureFixture[str]) -> None:
    # was: "unrecognized arguments: --horizn 3" alone
    with pytest.raises(SystemExit) as exit_:
        main(["forecast", "--horizn", "3"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        "idcforecast forecast: error: unrecognized arguments: --horizn 3; did you mean --horizon?\n"
    )
    with pytest.raises(SystemExit):  # nothing close: no guess
        main(["forecast", "--n-jobs", "2"])
    assert capsys.readouterr().err.endswith("unrecognized arguments: --n-jobs 2\n")


def test_help_gives_the_defaults_of_to_and_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    # was "--to YEAR  last year" (the year before this one?) with no default named
    from idcforecast.cli import forecast_cmd

    with pytest.raises(SystemExit):
        main(["forecast", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert f"--to YEAR the last year to forecast (default {forecast_cmd.DEFAULT_TO})" in text
    assert "--dataset NAME bundled dataset (default china_idc_market; see idcforecast" in text


def test_a_unit_the_bundled_series_cannot_take_names_the_dataset(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # the message said "DataFrame row 0 (...)", a frame the user never gave
    assert main(["forecast", "--unit", "MW"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: forecast: dataset china_idc_market row 0 (series 'china_idc_cidc_overall', "
        "year 2012): "
        "cannot convert 'CNY 100m' (money) to 'MW' (power)"
    )


def test_one_cap_for_series_in_different_units_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # each series of a file is forecast on its own, so --cap 100 meant for the share also
    # clipped the TWh series at 100 TWh (80 .. 95 here: drift 98.75, 102.5 -> 100), silently
    rows = [f"share,{2019 + i},{50 + 5 * i},%" for i in range(5)]
    rows += [f"twh,{2019 + i},{80 + 3.75 * i},TWh" for i in range(5)]
    data = tmp_path / "mixed.csv"
    data.write_text("series_id,year,value,unit\n" + "\n".join(rows) + "\n")
    argv = ["forecast", "--data", str(data), "--horizon", "2", "--method", "drift", "--csv"]
    assert main([*argv, "--cap", "100"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: --cap 100 is one number for series in different units (share in "
        "%, twh in TWh); cap one series at a time (--series share --cap 100), or drop --cap\n"
    )
    assert main([*argv, "--cap", "100", "--series", "share"]) == 0
    # drift: 70 + 5 and 70 + 10, under the cap
    assert pd.read_csv(StringIO(capsys.readouterr().out))["mean"].tolist() == [75.0, 80.0]

    # an id with a space is quoted for the shell: "--series China share --cap 100" (was)
    # reads 'share' as a second argument
    data.write_text(data.read_text().replace("share,", "China share,"))
    assert main([*argv, "--cap", "100"]) == 2
    assert "(--series 'China share' --cap 100)" in capsys.readouterr().err


def test_notes_and_errors_give_the_cap_advice_once_in_flags(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the forecast's notes were printed as the library words them, "(cap=100; forecast
    # --cap 100)"; under --compare "(--cap 100; forecast --cap 100)"; a refused cap said
    # "or no cap (no --cap; on the command line, leave out --cap)"
    data = tmp_path / "share.csv"
    rows = [f"share,{2015 + i},{50 + 5 * i},%" for i in range(9)]
    data.write_text("series_id,year,value,unit\n" + "\n".join(rows) + "\n")
    argv = ["forecast", "--data", str(data), "--horizon", "4"]
    assert main([*argv, "--method", "drift"]) == 0
    # drift: 90 + 5 a year, 105 in 2026
    assert capsys.readouterr().out.splitlines()[-1] == (
        "note (share, drift, ok): forecast passes 100% (95% upper bound in 2024, central value "
        "in 2026): a share cannot; if the series is one, cap it at 100 (--cap 100)"
    )
    assert main([*argv, "--compare", "drift"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith("cap it at 100 (--cap 100)")
    # a series not forecast: exit 1, as among several series and in forecast-many (was 2)
    assert main([*argv, "--cap", "80"]) == 1
    assert capsys.readouterr().err == (
        "error: forecast: series 'share' not forecast: cap 80.0 is not above the last "
        "observation 90.0 (year 2023); pass a cap above it, or no cap (leave out --cap)\n"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "0",
            "argument --backtest-horizon: 0 years: each backtest forecast is scored 1 or more "
            "years after its cutoff; e.g. --backtest-horizon 3",
        ),
        (
            "2.5",
            "argument --backtest-horizon: '2.5' is not a whole number of years; e.g. "
            "--backtest-horizon 3",
        ),
    ],
)
def test_a_bad_backtest_horizon_is_refused_in_its_own_words(
    value: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # was "... the horizon counts years after the last observed one, so at least 1; e.g.
    # --horizon 5": --horizon's words, and the wrong flag to fix
    with pytest.raises(SystemExit) as exit_:
        main(["forecast", "--compare", "--backtest-horizon", value])
    assert exit_.value.code == 2
    assert " ".join(capsys.readouterr().err.split()).endswith(message)


def test_a_series_not_forecast_exits_1_alone_or_among_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --help: "1 finished, but some or all series were not forecast"; 2 "nothing done: a
    # usage or input error". A too-short series exited 2 alone and 1 among several (and 1
    # in forecast-many, alone or not): now 1 wherever it is, with the same line
    short = "".join(f"short,{2021 + i},{i + 1},MW\n" for i in range(2))
    long = "".join(f"long,{2015 + i},{i + 1},MW\n" for i in range(8))
    line = (
        "error: forecast: series 'short' not forecast: has 2 observations (2021-2022); "
        "method 'auto' needs at least 4; add years, or use --method naive (2)\n"
    )
    for rows in (short, short + long):
        data = tmp_path / "d.csv"
        data.write_text("series_id,year,value,unit\n" + rows)
        argv = ["forecast", "--data", str(data), "--horizon", "2", "--csv"]
        assert main(argv) == 1
        assert capsys.readouterr().err == line
        out = tmp_path / "o.csv"
        many = ["forecast-many", str(data), "--horizon", "2", "--out", str(out)]
        assert main([*many, "--engine", "serial", "--no-progress"]) == 1
        capsys.readouterr()
    # arguments wrong for every series are one usage error (2), not a line per series (1)
    assert main([*argv, "--compare", "drift,bogus"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: forecast: unknown forecasting method 'bogus'")
    assert err.count("\n") == 1
    assert main([*argv, "--cap", "nan"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: --cap nan is not a number; pass the saturation level of the series "
        "as a number in their unit (e.g. --cap 100 for a share in %), or leave out --cap\n"
    )
    assert main([*argv, "--cap", "inf"]) == 2
    assert capsys.readouterr().err.startswith("error: forecast: --cap inf is no saturation level")


def test_negative_values_after_an_option_reach_its_check(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # argparse read "-inf", "-1e3", "-2%" after an option as an option of its own ("argument
    # --cap: expected one argument"); --cap=-inf was refused by --cap's own check
    assert main(["forecast", "--cap", "-inf"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: forecast: --cap -inf is no saturation level; pass a number above every "
    )
    assert main(["cagr", "100", "121", "--years", "-2e0"]) == 2
    assert "must be > 0, found -2" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:  # (an argparse type check: it exits 2)
        main(["check-claims", "--tolerance", "-2%"])
    assert exited.value.code == 2
    assert "--tolerance: -2%: a tolerance is a relative gap of 0 or" in capsys.readouterr().err
    # a value that is no number stays as argparse reads it
    with pytest.raises(SystemExit):
        main(["parse", "5 MW", "--to", "-x"])
    assert "argument --to: expected one argument" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("command", "made", "extra"),
    [
        ("report", "report", ["--out", "short.pdf", "--date", "2026-01-01"]),
        ("scenarios", "scenario table", ["--paths", "100"]),
    ],
)
def test_one_series_commands_document_that_a_too_short_series_is_exit_2(
    command: str,
    made: str,
    extra: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # forecast exits 1 for a series too short to forecast (its reason among the rows);
    # report and scenarios make one result of one series, so nothing is made: 2, as their
    # --help now says (it said only "a usage or input error")
    monkeypatch.chdir(tmp_path)
    Path("short.csv").write_text(
        "series_id,year,value,unit\ns,2020,10,MW\ns,2021,12,MW\n", encoding="utf-8"
    )
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert text.endswith(
        "exit codes: 0 done; 2 nothing done: a usage or input error, or a series too short "
        f"to forecast (one 'error:' line; no {made} is made); 130 interrupted by Ctrl-C"
    )
    assert main([command, "--data", "short.csv", *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("error:") == 1 and "has 2 observations (2020-2021)" in err
    assert main(["forecast", "--data", "short.csv"]) == 1
    assert not Path("short.pdf").exists()


def test_csv_of_no_series_forecast_is_a_header_not_an_empty_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # before: `forecast --csv` printed nothing when no series could be forecast, so a
    # pipeline's pandas.read_csv failed with EmptyDataError; now the header, the reasons on
    # stderr, exit 1 ("some or all series were not forecast")
    import io

    import pandas as pd

    data = tmp_path / "d.csv"
    data.write_text("series_id,year,value,unit\nshort,2021,1,MW\nshort,2022,2,MW\n")
    argv = ["forecast", "--data", str(data), "--horizon", "2", "--csv"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    printed = pd.read_csv(io.StringIO(captured.out))
    assert printed.empty
    assert captured.err.startswith("error: forecast: series 'short' not forecast: has 2 ")
    # the header of a run that forecast the series: the same columns
    data.write_text(data.read_text() + "short,2023,3,MW\nshort,2024,4,MW\n")
    assert main(argv) == 0
    assert (
        printed.columns.tolist()
        == pd.read_csv(io.StringIO(capsys.readouterr().out)).columns.tolist()
    )
    # with --compare: the comparison's header (a cap below the last value fails every
    # method of the series alike: no row at all)
    compare = [*argv, "--compare", "drift,naive"]
    assert main([*compare, "--cap", "1.5"]) == 1
    captured = capsys.readouterr()
    assert pd.read_csv(io.StringIO(captured.out)).empty
    assert captured.err.startswith("error: forecast: series 'short' not forecast: cap 1.5 is ")
    assert main(compare) == 0
    assert captured.out.splitlines() == capsys.readouterr().out.splitlines()[:1]


def test_a_bad_cell_of_one_series_of_a_file_fails_that_series_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was: exit 2 and no forecast at all: read_series raised at b's cell "abc" (or year
    # "20x0", or unit "kg"), where forecast-many forecast 'a' and failed 'b' alone.
    good = "".join(f"a,{2018 + i},{i + 1},MW\n" for i in range(5))
    bad_cells = {
        "value": ("b,2019,abc,MW", "year 2019 (f.csv row 8, column 'value'): value 'abc' is"),
        "year": ("b,20x0,2,MW", "year '20x0' (f.csv row 8, column 'year') is not an integer"),
        "unit": ("b,2019,2,kg", "f.csv row 8, column 'unit' (series 'b', year 2019): unit 'kg'"),
    }
    for line, reason in bad_cells.values():
        src = tmp_path / "f.csv"
        bad = ["b,2018,1,MW", line, "b,2020,3,MW", "b,2021,4,MW", "b,2022,5,MW"]
        src.write_text("series_id,year,value,unit\n" + good + "\n".join(bad) + "\n")
        argv = ["forecast", "--data", str(src), "--horizon", "2", "--method", "drift", "--csv"]
        assert main(argv) == 1  # finished, a series not forecast (was 2: nothing done)
        captured = capsys.readouterr()
        assert captured.err.startswith(f"error: forecast: series 'b' not forecast: {reason}")
        printed = pd.read_csv(StringIO(captured.out))
        # drift of 1..5: 5 + (5 - 1) / 4 per year = 6, 7; as for a file of 'a' alone
        assert printed["series_id"].tolist() == ["a", "a"]
        assert printed["mean"].tolist() == [6.0, 7.0]
        (tmp_path / "a.csv").write_text("series_id,year,value,unit\n" + good)
        assert main([*argv[:2], str(tmp_path / "a.csv"), *argv[3:]]) == 0
        alone = pd.read_csv(StringIO(capsys.readouterr().out))
        pd.testing.assert_frame_equal(printed, alone)
    # a file whose other series could not be read either (bare numbers without --unit):
    # the reader's error stands, as before (exit 2)
    src.write_text("series_id,year,value\na,2018,1\na,2019,2\nb,2018,1\nb,2019,abc\n")
    assert main(["forecast", "--data", str(src), "--horizon", "2"]) == 2
    assert "f.csv row 5, column 'value': 'abc' is not a number" in capsys.readouterr().err
    # one series asked for by --series: its own error, as before
    src.write_text("series_id,year,value,unit\n" + good + "b,2019,abc,MW\n")
    assert main(["forecast", "--data", str(src), "--series", "b", "--horizon", "2"]) == 2


def test_a_bad_cell_piped_in_fails_its_series_alone(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # standard input is read once: both reads use that copy, named "standard input"
    import io

    table = "series_id,year,value,unit\n" + "".join(f"a,{2018 + i},{i + 1},MW\n" for i in range(5))
    table += "b,2018,1,MW\nb,2019,abc,MW\n"
    piped = io.TextIOWrapper(io.BytesIO(table.encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", piped)
    argv = ["forecast", "--data", "-", "--horizon", "1", "--method", "drift", "--csv"]
    assert main(argv) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(
        "error: forecast: series 'b' not forecast: year 2019 (standard input row 8, column "
        "'value'): value 'abc' is not a finite number"
    )
    assert pd.read_csv(StringIO(captured.out))["mean"].tolist() == [6.0]  # 5 + (5 - 1) / 4


def test_series_not_forecast_are_listed_in_the_files_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was: a series not read (b's cell "abc") came last with --to, first with --horizon
    src = tmp_path / "f.csv"
    src.write_text(
        "series_id,year,value,unit\nc,2022,1,MW\nb,2018,1,MW\nb,2019,abc,MW\n"
        + "".join(f"a,{2018 + i},{i + 1},MW\n" for i in range(3))
        + "d,2022,1,MW\n"
    )
    for until in (["--to", "2024"], ["--horizon", "1"]):
        argv = ["forecast", "--data", str(src), *until, "--method", "drift", "--csv"]
        assert main(argv) == 1
        lines = capsys.readouterr().err.splitlines()
        named = [line.split("'")[1] for line in lines]
        assert named == ["c", "b", "d"], until


def test_a_file_without_any_unit_is_forecast_as_forecast_many_forecasts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`forecast --data` refused a file stating no unit ("no unit for this series ... or
    --unit UNIT", exit 2) that `forecast-many` forecast; both forecast it now, with the
    same numbers and a blank unit, and `forecast` says so in a note."""
    src = tmp_path / "plain.csv"
    src.write_text(
        "series_id,year,value\n" + "".join(f"a,{2016 + i},{v}\n" for i, v in enumerate([1, 2, 4]))
    )
    argv = ["forecast", "--data", str(src), "--horizon", "2", "--method", "drift", "--csv"]
    assert main(argv) == 0
    captured = capsys.readouterr()
    printed = pd.read_csv(StringIO(captured.out), keep_default_na=False)
    # drift of 1, 2, 4: 4 + (4 - 1) / 2 a year = 5.5, 7.0
    assert printed["mean"].tolist() == [5.5, 7.0]
    assert printed["unit"].tolist() == ["", ""]
    assert captured.err == (
        "note: forecast: plain.csv states no unit (no unit column, no unit in its cells or "
        "headers): its numbers are forecast as given, with a blank unit, as forecast-many "
        "forecasts them; --unit UNIT names their unit\n"
    )
    out = tmp_path / "many.csv"
    many = ["forecast-many", str(src), "--horizon", "2", "--method", "drift", "--out", str(out)]
    assert main([*many, "--engine", "serial"]) == 0
    capsys.readouterr()
    written = pd.read_csv(out, keep_default_na=False)
    pd.testing.assert_frame_equal(written[printed.columns], printed)
    # --unit names it, as before; units for some series only still need --unit
    assert main([*argv, "--unit", "MW"]) == 0
    assert pd.read_csv(StringIO(capsys.readouterr().out))["unit"].tolist() == ["MW", "MW"]
    src.write_text(src.read_text() + "".join(f"b,{y},1 MW\n" for y in (2016, 2017, 2018)))
    assert main(argv) == 2
    assert "(series 'a'): no unit for this series" in capsys.readouterr().err


def test_a_wide_file_without_any_unit_is_forecast_not_a_pandas_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wide file (years as headers) stating no unit crashed `forecast --data` with
    pandas' "ValueError: The truth value of an array ... is ambiguous": read_long_table
    left the wide rows' numbers (an array) in the frame's attrs, which pandas compares
    with == when .astype() combines columns."""
    from idcforecast.batch import read_long_table

    src = tmp_path / "wide.csv"
    src.write_text("series,2019,2020,2021\nmkt,1,2,4\nother,4,5,6\n")
    frame = read_long_table(src)
    assert frame.astype({"year": "int64", "value": "float64"})["value"].sum() == 22.0
    argv = ["forecast", "--data", str(src), "--horizon", "1", "--method", "drift", "--csv"]
    assert main(argv) == 0
    printed = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    # drift: 4 + (4 - 1) / 2 = 5.5; 6 + (6 - 4) / 2 = 7
    assert printed[["series_id", "mean"]].values.tolist() == [["mkt", 5.5], ["other", 7.0]]


def test_forecast_table_rounds_a_tie_half_up_as_the_report_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # drift = (100010 - 100000) / 4 = 2.5 a year: means 100012.5, 100015, 100017.5, printed
    # with 0 decimals (six significant digits); half up: 100,013 and 100,018 (the report's
    # rule); Python's format gave the even 100,012 and 100,018
    path = tmp_path / "tie.csv"
    path.write_text(
        "year,value\n2019,100000\n2020,100002.5\n2021,100005\n2022,100007.5\n2023,100010\n",
        encoding="utf-8",
    )
    code = main(
        ["forecast", "--data", str(path), "--unit", "CNY 100m", "--method", "drift",
         "--horizon", "3"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    means = [line.split()[3] for line in out.splitlines() if line.startswith("tie ")]
    assert means == ["100,013", "100,015", "100,018"]


def test_figure_text_rounds_a_tie_half_up() -> None:
    # the track-record table's actuals (and messages) print through figure_text: 1,197.25
    # (exact in binary) at one decimal is 1,197.3 half up, as the report; it was "1,197.2"
    from idcforecast._wording import figure_text

    assert figure_text(1197.25) == "1,197.3"


def test_forecast_table_names_a_cheng_series_unit_as_published(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the unit column said "tenths" for a series the user gave in 成; the CSV keeps the
    # registry's canonical "tenths" (a machine reads it back)
    path = tmp_path / "share.csv"
    path.write_text("year,v\n2017,4.8\n2018,5.1\n2019,5.6\n", encoding="utf-8")
    argv = ["forecast", "--data", str(path), "--unit", "成", "--method", "drift"]
    assert main([*argv, "--horizon", "1"]) == 0
    row = capsys.readouterr().out.splitlines()[2]
    assert row.endswith("  成 (tenths)")
    assert main([*argv, "--horizon", "1", "--csv"]) == 0
    first = next(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert first["unit"] == "tenths"


def test_compare_scores_round_a_tie_half_up_as_the_value_columns_do() -> None:
    # the score columns printed with Python's format, a tie to the even digit, while the
    # value columns (and the report) round half up. Ties exact in binary: sMAPE 12.125
    # (97/8) at 2 decimals is 12.13 (format: 12.12); MASE 1.125 (9/8) 1.13 (1.12);
    # coverage 13 of 16 = 0.8125 at 3 decimals 0.813 (0.812); 0.0625 (1/16) 0.063 (0.062)
    from idcforecast.cli.forecast_cmd import render_comparison
    from idcforecast.comparison import comparison_columns

    row = dict.fromkeys(comparison_columns((80, 95)), float("nan"))
    row.update(
        series_id="s", model="drift", year=2026, mean=10.0, lo_80=9.0, hi_80=11.0,
        lo_95=8.0, hi_95=12.0, smape=12.125, mase=1.125, coverage_80=0.8125,
        coverage_95=0.0625, n=16, status="ok", note="", unit="MW",
    )  # fmt: skip
    table = pd.DataFrame([row])
    line = next(t for t in render_comparison(table).splitlines() if t.startswith("s "))
    # the year and n as written (half_up's thousands separator made the year "2,026")
    assert line.split()[2:3] + line.split()[-6:] == [
        "2026", "12.13", "1.13", "0.813", "0.063", "16", "MW",
    ]  # fmt: skip


def test_compare_on_a_gappy_series_advises_a_backtest_horizon_that_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2016, 2017, 2019, 2022, 2024: --backtest-horizon 3 advised "2 or less"; 1 scores
    nothing for 'auto' (2023, the year after its only cutoff 2022, is a gap)."""
    path = tmp_path / "gappy.csv"
    path.write_text("year,value\n2016,10\n2017,12\n2019,15\n2022,20\n2024,25\n")
    argv = ["forecast", "--data", str(path), "--compare", "auto"]
    assert main([*argv, "--backtest-horizon", "3"]) == 0
    out = capsys.readouterr().out
    assert "pass --backtest-horizon 2 (series 'gappy' has 5 observed years" in out
    assert "or less" not in out
    assert main([*argv, "--backtest-horizon", "2"]) == 0
    assert "no backtest" not in capsys.readouterr().out


def test_series_differing_from_an_id_in_case_or_spaces_gets_a_did_you_mean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--series 'china idc, total' for the id 'China IDC, total' said only that it is not
    in the table; the id that matches but for case and spaces is suggested (never taken:
    the exit is still 2), in a file and in the bundled data."""
    path = tmp_path / "ids.csv"
    rows = "".join(f'"China IDC, total",{y},{v},MW\n' for y, v in [(2019, 1), (2020, 2)])
    path.write_text(f"series_id,year,value,unit\n{rows}")
    for chosen in ("china idc, total", "China IDC,total"):
        assert main(["forecast", "--data", str(path), "--series", chosen]) == 2
        assert capsys.readouterr().err == (
            f"error: forecast: ids.csv: series {chosen!r} is not in the table; did you mean "
            "'China IDC, total'? expected one of 'China IDC, total'; drop --series to read "
            "them all\n"
        )
    assert main(["forecast", "--series", "CHINA_IDC_CIDC_OVERALL"]) == 2
    assert "; did you mean 'china_idc_cidc_overall'? expected one of: " in (capsys.readouterr().err)


@pytest.mark.parametrize(("written", "printed"), [("5", "5"), ("5.5", "5.5"), ("1200", "1,200")])
def test_flat_series_prints_its_value_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], written: str, printed: str
) -> None:
    """5, 5, 5, 5, 5 printed "5.00000" in every cell (six significant digits for the
    largest number, decimals no one wrote); its forecasts and zero-width bounds all equal
    the history's value, which prints as the file wrote it."""
    path = tmp_path / "flat.csv"
    path.write_text("year,value\n" + "".join(f"{y},{written}\n" for y in range(2019, 2024)))
    assert main(["forecast", "--data", str(path), "--horizon", "2", "--unit", "MW"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:4]
    assert [row.split()[3:8] for row in rows] == [[printed] * 5] * 2


def test_note_lines_quote_an_id_holding_a_comma(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The id 'Asia, total' printed "note (Asia, total, drift, ok): ...", read as a series
    'Asia' and a method 'total'; it is quoted now, in the forecast and compare notes. A
    plain id stays bare."""
    path = tmp_path / "ids.csv"
    rows = [("Asia, total", 2019, 10), ("Asia, total", 2020, 12), ("Asia, total", 2021, 15)]
    rows += [("china", 2019, 1), ("china", 2020, 2), ("china", 2021, 3)]
    path.write_text(
        "series_id,year,value,unit\n" + "".join(f'"{s}",{y},{v},MW\n' for s, y, v in rows)
    )
    assert main(["forecast", "--data", str(path), "--horizon", "1", "--method", "drift"]) == 0
    notes = [line for line in capsys.readouterr().out.splitlines() if line.startswith("note")]
    assert [line.split(":")[0] for line in notes] == [
        "note ('Asia, total', drift, ok)",
        "note (china, drift, ok)",
    ]
    argv = ["forecast", "--data", str(path), "--horizon", "1", "--compare", "drift,naive"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "note ('Asia, total', drift): " in out and "note (Asia, total" not in out


def test_to_before_one_series_end_forecasts_the_others(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: the whole table refused (exit 2) because 'power' is observed to 2023 already
    path = tmp_path / "mine.csv"
    pd.DataFrame(
        {
            "series_id": ["idc"] * 5 + ["power"] * 5,
            "year": [*range(2018, 2023), *range(2019, 2024)],
            "value": [100.0, 120, 150, 170, 200, 10, 12, 13, 15, 17],
            "unit": ["CNY bn"] * 5 + ["GW"] * 5,
        }
    ).to_csv(path, index=False)
    assert main(["forecast", "--data", str(path), "--to", "2023", "--csv"]) == 1
    captured = capsys.readouterr()
    out = pd.read_csv(StringIO(captured.out))
    assert out[["series_id", "year"]].values.tolist() == [["idc", 2023]]
    assert captured.err == (
        "error: forecast: series 'power' not forecast: is observed to 2023, not before --to "
        "2023: no year to forecast; pass --to 2024 or later for it, or --horizon H\n"
    )
    # every series observed to --to: nothing to do, a usage error as before
    assert main(["forecast", "--data", str(path), "--to", "2022"]) == 2
    assert "--to 2022 is not after the last year 2022 of series 'idc'" in capsys.readouterr().err


def test_level_sets_the_interval_levels(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    # was: no option; the command line printed 80 and 95 percent intervals only
    from idcforecast import forecast
    from idcforecast.batch import forecast_many

    data = load_dataset("china_idc_market")
    cidc = data[data["series_id"] == "china_idc_cidc_overall"]
    argv = ["forecast", "--horizon", "2", "--method", "drift", "--csv"]
    assert main([*argv, "--level", "90,99.5"]) == 0
    printed = pd.read_csv(StringIO(capsys.readouterr().out), keep_default_na=False)
    expected = forecast(cidc, 2, method="drift", level=(90, 99.5))
    assert [c for c in printed.columns if c[:3] in ("lo_", "hi_")] == [
        "lo_90", "hi_90", "lo_99_5", "hi_99_5",
    ]  # fmt: skip
    pd.testing.assert_frame_equal(printed, expected, check_dtype=False)
    compare = ["forecast", "--horizon", "2", "--csv", "--compare", "drift,naive"]
    assert main([*compare, "--level", "90"]) == 0
    table = pd.read_csv(StringIO(capsys.readouterr().out))
    assert {"lo_90", "hi_90", "coverage_90"} <= set(table.columns) and "lo_80" not in table
    # forecast-many: the same columns as forecast_many(level=90)
    path, out = tmp_path / "cidc.csv", tmp_path / "out.csv"
    cidc.to_csv(path, index=False)
    assert main(["forecast-many", str(path), "--horizon", "1", "--out", str(out),
                 "--engine", "serial", "--method", "drift", "--level", "90"]) == 0  # fmt: skip
    written = pd.read_csv(out, keep_default_na=False)
    many = forecast_many(cidc, 1, method="drift", level=90, engine="serial", progress=False)
    assert written["hi_90"].tolist() == pytest.approx(many["hi_90"].tolist(), rel=1e-12)


@pytest.mark.parametrize(
    ("level", "said"),
    [
        ("0.9", "0.9 reads as a 0.9% interval; levels are percentages: pass --level 90"),
        ("100", "100 is not a percentage strictly between 0 and 100"),
        ("9o", "'9o' in '9o' is not a number; expected percentages separated by commas"),
        ("80,,95", "'' in '80,,95' is not a number"),
    ],
)
def test_a_bad_level_is_a_usage_error(level: str, said: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["forecast", "--level", level])
    assert exit_.value.code == 2
    assert f"argument --level: {said}" in capsys.readouterr().err


def test_to_too_far_for_one_series_forecasts_the_others(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: the whole table refused (exit 2) for one series observed to 1925 (2030 - 1925 =
    # 105 years, past the 100-year limit); as a series already observed to --to
    path = tmp_path / "mine.csv"
    pd.DataFrame(
        {
            "series_id": ["idc"] * 5 + ["old"] * 4,
            "year": [*range(2018, 2023), *range(1922, 1926)],
            "value": [100.0, 120, 150, 170, 200, 10, 12, 13, 15],
            "unit": "MW",
        }
    ).to_csv(path, index=False)
    argv = ["forecast", "--data", str(path), "--method", "drift", "--csv"]
    assert main([*argv, "--to", "2030"]) == 1
    captured = capsys.readouterr()
    assert pd.read_csv(StringIO(captured.out))["year"].tolist() == list(range(2023, 2031))
    assert captured.err == (
        "error: forecast: series 'old' not forecast: is observed to 1925, 105 years before "
        "--to 2030; a forecast reaches at most 100 years ahead: check its years, or pass --to "
        "2025 or earlier for it\n"
    )
    # every series too far: the usage error, as before (exit 2)
    assert main([*argv, "--series", "old", "--to", "2030"]) == 2
    assert "--to 2030 is 105 years after the last year 1925" in capsys.readouterr().err


def test_compare_says_no_backtest_horizon_fits_in_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # china_racks_in_use_midyear: 3 observed years, drift needs 3 up to a cutoff, so no
    # backtest horizon fits; the note said "no backtest_horizon fits", a Python keyword
    assert main(["forecast", "--dataset", "china_racks_in_use", "--compare", "drift"]) == 0
    out = capsys.readouterr().out
    assert "add years: no backtest horizon fits, not even one year ahead" in out
    assert "backtest_horizon" not in out
