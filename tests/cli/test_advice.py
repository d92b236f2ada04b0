"""Errors on the command line give their advice as the command's flags, not Python keywords."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from idcforecast.cli import build_parser, main
from idcforecast.cli._advice import cli_advice


def _command(name: str) -> argparse.ArgumentParser:
    """The subcommand's own parser, as main() has it."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


@pytest.mark.parametrize(
    ("command", "python", "cli"),
    [
        (
            "forecast",
            "pass estimates='drop' (--estimates drop) to read the history only, or "
            "estimates='keep' to read them",
            "pass --estimates drop to read the history only, or --estimates keep to read them",
        ),
        (
            "forecast",
            "a title above the header? pass header_row=N; if line 3 is the header, pass "
            "header_row=2",
            "a title above the header? pass --header-row N; if line 3 is the header, pass "
            "--header-row 2",
        ),
        (
            "forecast",
            "no unit; expected a 'unit' column or read_series(..., unit='CNY 100m')",
            "no unit; expected a 'unit' column or --unit 'CNY 100m'",
        ),
        ("forecast", "pass sep='\\t'", "pass --sep tab"),
        ("forecast", "pass sheet_name='2020'", "pass --sheet 2020"),
        ("forecast", "(pass year_column=...)", "(pass --year-column NAME)"),
        (
            "forecast",
            "pass a cap above it, or no cap (cap=None)",
            "pass a cap above it, or no cap (no --cap)",
        ),
        (
            "forecast-many",
            "or pass client='tcp://HOST:8786' (the scheduler address)",
            "or pass --scheduler tcp://HOST:8786 (the scheduler address)",
        ),
        ("forecast-many", "use engine='local' or n_jobs=2", "use --engine local or --n-jobs 2"),
        (
            "check-claims",
            "check it against your own actuals with history=<a frame of series 'x'>, or pass "
            "history=None to check the claims against each other only",
            "check it against your own actuals with --data FILE, or pass --no-history to "
            "check the claims against each other only",
        ),
        ("track-record", "pass actuals=<a frame>", "pass --data FILE"),
        (
            "track-record",
            "or pass actuals=None to use each subject's bundled series",
            "or leave out --data to use each subject's bundled series",
        ),
        (
            "report",
            "pass a later year, e.g. to=2030 (--to 2030)",
            "pass a later year, e.g. --to 2030",
        ),
        (
            "report",
            "list the ids with load_dataset(name)['series_id'].unique()",
            "list the ids with idcforecast datasets NAME",
        ),
        # a keyword the command has no flag for stays Python: the advice is still true
        ("report", "use method='ols' or 'wls_struct'", "use --method ols or 'wls_struct'"),
        ("datasets", "use method='ols'", "use method='ols'"),
        ("cagr", "pass client='tcp://HOST:8786'", "pass client='tcp://HOST:8786'"),
    ],
)
def test_python_keywords_become_the_commands_flags(command: str, python: str, cli: str) -> None:
    assert cli_advice(python, _command(command)) == cli


def test_an_error_from_main_names_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # uat9 #13: "pass estimates='drop' ... or estimates='keep'" on the command line
    path = tmp_path / "eu.csv"
    path.write_text("year,vn_mw\n2020,110\n2021,120\n2022E,145\n", encoding="utf-8")
    assert main(["forecast", "--data", str(path), "--unit", "MW"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast: eu.csv row 4, column 'year': '2022E' is an estimate, not a published "
        "figure; "
        "pass --estimates drop to read the history only, or --estimates keep to read it as "
        "2022 (noted as an estimate)\n"
    )


def test_forecast_many_dask_without_scheduler_names_the_flag_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # uat9 #13: "...or pass client='tcp://HOST:8786'" (a Python keyword), after reading FILE
    argv = ["forecast-many", str(tmp_path / "missing.csv"), "--horizon", "2"]
    assert main([*argv, "--out", str(tmp_path / "fc.csv"), "--engine", "dask"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast-many: --engine dask needs the address of a running Dask scheduler; "
        "pass --scheduler tcp://HOST:8786 (start one with `dask scheduler` and `dask worker "
        "tcp://HOST:8786`), or use --engine local\n"
    )


def test_an_unknown_option_prints_the_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["report", "--nope", "x.csv"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: idcforecast report [-h] [--data FILE]")
    assert err.endswith("idcforecast report: error: unrecognized arguments: --nope x.csv\n")


@pytest.mark.parametrize("command", ["report", "forecast", "scenarios"])
@pytest.mark.parametrize("flag", ["--data", "--input"])
def test_data_and_input_name_the_same_file_in_every_command(command: str, flag: str) -> None:
    # uat9 #13: `report --input x.csv` (the flag scenarios used) was an unrecognized argument
    args = build_parser().parse_args([command, flag, "x.csv"])
    assert args.data == "x.csv"


def test_an_unknown_series_says_drop_the_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was: "...; drop series_id= to read them all" on the command line
    path = tmp_path / "ns.csv"
    path.write_text("year,north,south\n2016,10,20\n2017,12,25\n2018,15,30\n", encoding="utf-8")
    argv = ["forecast", "--data", str(path), "--unit", "MW", "--series", "nope", "--horizon", "1"]
    assert main(argv) == 2
    assert capsys.readouterr().err.endswith(
        "series 'nope' is not in the table; expected one of 'north', 'south'; drop --series "
        "to read them all\n"
    )


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (  # was "error: simulate: data holds 2 series (a, b); pass --series to choose one"
            ["scenarios", "--data", "{multi}", "--threshold", "10"],
            "error: scenarios: data holds 2 series (a, b); pass --series to choose one\n",
        ),
        (  # was "error: read_long_table: --unit foo: unit 'foo' is not defined ..."
            ["forecast-many", "{multi}", "--horizon", "2", "--out", "{out}", "--unit", "foo"],
            "error: forecast-many: --unit foo: unit 'foo' is not defined",
        ),
    ],
)
def test_an_error_names_the_command_not_the_python_function_behind_it(
    argv: list[str], error: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    multi = tmp_path / "multi.csv"
    multi.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"{s},{y},{y - 2018},MW\n" for s in "ab" for y in range(2019, 2023))
    )
    args = [a.format(multi=multi, out=tmp_path / "out.csv") for a in argv]
    assert main(args) == 2
    assert capsys.readouterr().err.startswith(error)
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(
    ("command", "python", "cli"),
    [
        ("scenarios", "simulate: data holds 2 series", "scenarios: data holds 2 series"),
        ("check-claims", "check_claims: no claims given", "check-claims: no claims given"),
        ("forecast", "compare_methods: horizon must be", "forecast: horizon must be"),
        ("cagr", "cagr: start must be a positive level", "cagr: start must be a positive level"),
        # a name that is no function of the package stays: it may be a file or a series
        ("forecast", "sales_2024: no 'year' column", "sales_2024: no 'year' column"),
    ],
)
def test_a_python_function_prefix_becomes_the_command(command: str, python: str, cli: str) -> None:
    assert cli_advice(python, _command(command)) == cli


def test_a_growth_column_not_read_points_at_the_commands_that_compute_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the note of a growth-rate column that is not read named Python functions on the
    # command line: "computed from the values (idcforecast.yoy)", "...: idcforecast.cagr)"
    long = tmp_path / "long.csv"
    long.write_text(
        "year,value,unit,CAGR 16-21\n2019,50,CNY bn,\n2020,60,CNY bn,\n2021,75,CNY bn,\n"
        "2022,80,CNY bn,12\n"
    )
    wide = tmp_path / "wide.csv"
    wide.write_text("country,unit,2019,2020,2021,2022,CAGR 19-22\nChina,CNY bn,50,60,75,80,17\n")
    assert main(["show", "--data", str(long)]) == 0
    err = capsys.readouterr().err
    assert "a growth rate is computed from the values (idcforecast show)" in err
    assert main(["show", "--data", str(wide)]) == 0
    err = capsys.readouterr().err
    assert "another statistic is computed from the values: idcforecast cagr)" in err
    assert "idcforecast.yoy" not in err and "idcforecast.cagr" not in err


@pytest.mark.parametrize(
    ("argv", "head"),
    [
        # messages led by a Python keyword or by what was read named no command
        (
            ["parse", "100 racks", "--to", "MW", "--kw-per-rack", "-2"],
            "error: parse: --kw-per-rack:",
        ),
        (["cagr", "1,5", "2", "--years", "3"], "error: cagr: cannot read '1,5' as a figure"),
        (["show", "--unit", "MW"], "error: show: cannot convert 'CNY 100m' (money) to 'MW'"),
        # already led by the command: not twice
        (["forecast", "--cap", "-inf"], "error: forecast: --cap -inf is no saturation level"),
    ],
)
def test_every_error_line_names_the_command(
    argv: list[str], head: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse's errors say "idcforecast parse: error: ..."; an error idcforecast raised
    # said "error: kw_per_rack: ..." or "error: cannot read ...": which command failed was
    # left to the user's scrollback
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith(head)
    assert err.count("\n") == 1 and err.count("error:") == 1


def test_python_words_in_errors_become_the_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "convert through kw_per_rack" and "a CSV or Excel file path or a DataFrame" are
    # Python words: a command line passes --kw-per-rack, and no DataFrame
    assert main(["parse", "5%", "--to", "pp"]) == 2
    assert "(racks and power convert through --kw-per-rack, " in capsys.readouterr().err
    missing = tmp_path / "missing.csv"
    argv = ["forecast-many", str(missing), "--horizon", "2", "--out", str(tmp_path / "o.csv")]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        f"error: forecast-many: {missing}: no such file; expected a CSV or Excel file path\n"
    )


def test_no_cap_advice_is_given_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # was: "for no cap leave out --cap (on the command line, leave out --cap)"
    data = tmp_path / "s.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"s,{y},{y - 2000},MW\n" for y in range(2015, 2022)),
        encoding="utf-8",
    )
    argv = ["forecast-many", str(data), "--horizon", "1", "--out", str(tmp_path / "o.csv")]
    assert main([*argv, "--cap", "-inf"]) == 2
    assert capsys.readouterr().err == (
        "error: forecast-many: cap -inf is no saturation level; for no cap leave out --cap, "
        "else a number above every series' last value\n"
    )


def test_an_empty_separator_names_the_flag_that_detects_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "... expected one character such as ',' or ';' (or None to detect it)"
    data = tmp_path / "s.csv"
    data.write_text("series_id,year,value,unit\ns,2020,1,MW\n", encoding="utf-8")
    assert main(["show", "--data", str(data), "--sep", ""]) == 2
    assert capsys.readouterr().err == (
        "error: show: --sep '' is not a field separator; expected one character such as ',' "
        "or ';' (or leave out --sep to detect it)\n"
    )


def test_an_exchange_rate_error_names_the_parse_command_not_a_mangled_call(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # cli58: the rewriter turned convert()'s keyword inside the quoted call into parse's
    # flag: "(convert(x, 'USD bn', from_unit='CNY bn', --year 2020))", neither Python nor
    # a command line
    assert main(["parse", "7.1 CNY/USD", "--to", "USD bn"]) == 2
    err = capsys.readouterr().err
    assert "--year 2020))" not in err
    assert (
        "convert the amount with a year (idcforecast parse '100 CNY bn' --to 'USD bn' "
        "--year 2020); for USD per CNY take 1 / the rate\n"
    ) in err


@pytest.mark.parametrize(
    ("command", "message"),
    [
        # another function's call quoted in the advice: its keywords are its own (parse
        # has --year, scenarios has --paths, figures has --encoding)
        ("parse", "express the end in the start's unit, e.g. end.to('USD bn', year=2022)"),
        ("scenarios", "pass e.g. simulate(5, n_paths=1000)"),
        ("figures", "a string (for a file: pathlib.Path(FILE).read_text(encoding='utf-8'))"),
        # cells a message reports it found (fx57: "found ..., year='2026'" read
        # "--year 2026", a flag the user never gave, for a cell of their file)
        ("scenarios", "row 3: value and year must be numbers, found value='abc', year='2026'"),
        ("parse", "a range needs low <= value <= high; found low=5, value=3, year=2020"),
        ("cagr", "cagr: expected cagr(start, end, years); found start=float, end=2.0, years=None"),
    ],
)
def test_keywords_that_are_not_advice_to_the_command_stay_as_written(
    command: str, message: str
) -> None:
    assert cli_advice(message, _command(command)) == message


def test_advice_beside_a_quoted_call_still_becomes_the_flag() -> None:
    # the call's own keyword stays; the advice after it is the command's
    message = "not whole: read_text(encoding='utf-8') failed; pass encoding='latin-1'"
    assert cli_advice(message, _command("figures")) == (
        "not whole: read_text(encoding='utf-8') failed; pass --encoding latin-1"
    )


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["show", "--series", "a", "--series", "b"],
            "idcforecast show: error: --series given twice ('a', then 'b'); it takes one "
            "value, and 'a' would be dropped in silence: give --series once (run the "
            "command once per value)\n",
        ),
        (
            ["forecast", "--method", "drift", "--horizon", "1", "--method", "naive"],
            "idcforecast forecast: error: --method given twice ('drift', then 'naive'); it "
            "takes one value, and 'drift' would be dropped in silence: give --method once "
            "(run the command once per value)\n",
        ),
    ],
)
def test_an_option_naming_what_to_read_given_twice_is_refused(
    tmp_path: Path, argv: list[str], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli58: argparse kept the last: "show --series a --series b" showed 'b' alone and
    # said nothing of 'a'
    data = tmp_path / "two.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"{s},{y},{y - 2010},MW\n" for s in "ab" for y in range(2015, 2022)),
        encoding="utf-8",
    )
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--data", str(data)])
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.endswith(line)


def test_an_option_given_twice_with_one_value_or_a_setting_overridden_still_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "one.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"a,{y},{y - 2010},MW\n" for y in range(2015, 2022)),
        encoding="utf-8",
    )
    argv = ["forecast", "--data", str(data), "--series", "a", "--series", "a", "--csv"]
    # the same series twice: one run; a setting given twice: the last wins (an override)
    assert main([*argv, "--method", "drift", "--horizon", "3", "--horizon", "1"]) == 0
    out = capsys.readouterr().out
    # drift on 5 .. 11: +1 a year -> 12 in 2022
    assert out.splitlines()[1].startswith("a,2022,drift,12.0")
    assert len(out.splitlines()) == 2
