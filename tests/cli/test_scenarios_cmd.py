"""The scenarios subcommand: printed tables, probabilities and typed errors."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from idcforecast.cli import COMMAND_MODULES, main, scenarios_cmd
from idcforecast.errors import IdcForecastError, SpecError


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    parser = argparse.ArgumentParser(prog="idcforecast scenarios")
    scenarios_cmd.add_arguments(parser)
    assert scenarios_cmd.run(parser.parse_args(argv)) == 0
    return capsys.readouterr().out


def test_registered() -> None:
    assert "idcforecast.cli.scenarios_cmd" in COMMAND_MODULES
    assert scenarios_cmd.NAME == "scenarios"


def test_default_spec_prints_levels_cagr_and_probabilities(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(["--paths", "500", "--to", "2027", "--threshold", "8000亿元"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith(
        "series china_idc_cidc_overall (CNY 100m), last observed 2023: 5,078.3; model "
    )
    assert lines[0].endswith("500 paths per scenario, seed 0")
    assert lines[1].endswith("china_idc_example.toml; weights: base 0.5, bull 0.25, bear 0.25")
    assert "levels (CNY 100m):" in lines
    assert "CAGR from the last observation to 2027 (% a year):" in lines
    assert "P(value > 8000亿元 in 2027):" in lines
    level_rows = [
        line.split()[:2] for line in lines if re.match(r"(base|bull|bear|weighted) ", line)
    ]
    # four years x (3 scenarios + weighted) level rows, then 4 CAGR rows and 4 probability rows
    assert level_rows[:4] == [
        ["base", "2024"],
        ["base", "2025"],
        ["base", "2026"],
        ["base", "2027"],
    ]
    assert len(level_rows) == 16 + 4 + 4


def test_same_seed_same_output(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--paths", "300", "--to", "2026", "--seed", "3", "--threshold", "7000"]
    assert _run(argv, capsys) == _run(argv, capsys)


def test_bad_spec_is_a_typed_error_through_main(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[scenarios.bull]\nwieght = 1.0\n", encoding="utf-8")
    assert main(["scenarios", str(path)]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"error: scenarios: {path}: scenario 'bull' has unknown key 'wieght'; did you mean "
        "'weight'?\n"
    )
    with pytest.raises(SpecError):
        scenarios_cmd.run(argparse.Namespace(**{**vars(_namespace()), "file": str(path)}))


def test_a_spec_in_another_unit_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was: the bundled spec with unit = "USD bn" ran on the CNY 100m series, caps read in 亿元
    from idcforecast._paths import data_dir

    text = (data_dir() / "scenarios" / "china_idc_example.toml").read_text(encoding="utf-8")
    assert 'unit = "CNY 100m"\n' in text
    path = tmp_path / "usd.toml"
    path.write_text(text.replace('unit = "CNY 100m"\n', 'unit = "USD bn"\n'), encoding="utf-8")
    assert main(["scenarios", str(path), "--paths", "10"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"error: scenarios: {path}: the spec's key 'unit' is 'USD bn' but series "
        "'china_idc_cidc_overall' is in 'CNY 100m'; the spec's numbers (caps) are in its "
        "unit: use a spec written for this series' unit, or correct its 'unit', or read the "
        "series in 'USD bn' (money at each year's FX rate): --unit 'USD bn'\n"
    )


def _namespace() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    scenarios_cmd.add_arguments(parser)
    return parser.parse_args([])


def test_to_before_the_last_observation_names_the_flag(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Was: "horizon must be a positive whole number ...; got -3; pass e.g. horizon=5", which
    # names neither --to nor the last observed year (the bundled CIDC series ends in 2023).
    assert main(["scenarios", "--to", "2020", "--paths", "10"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: --to 2020: series 'china_idc_cidc_overall' is observed to 2023; "
        "expected a "
        "later year; pass e.g. --to 2028\n"
    )


def test_to_before_the_last_observation_of_a_users_file_names_its_series(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Was "series None is observed to 2023": without --series (and no spec with a FILE)
    # the series name was None; a one-series file's series is named after the file
    path = tmp_path / "good.csv"
    path.write_text(
        "year,value\n" + "".join(f"{y},{100 + 10 * i}\n" for i, y in enumerate(range(2015, 2024)))
    )
    assert main(["scenarios", "--input", str(path), "--unit", "MW", "--to", "2020"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: --to 2020: series 'good' is observed to 2023; expected a later "
        "year; pass "
        "e.g. --to 2028\n"
    )
    # several series and no --series: which one is meant, not a year of some series
    two = tmp_path / "two.csv"
    two.write_text(
        "series_id,year,value\n"
        + "".join(f"a,{y},{y - 2000}\n" for y in range(2015, 2020))
        + "".join(f"b,{y},{y - 2000}\n" for y in range(2015, 2021))
    )
    assert main(["scenarios", "--input", str(two), "--unit", "MW", "--to", "2020"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: data holds 2 series (a, b); pass --series to choose one\n"
    )


def test_too_few_paths_for_the_table_print_only_the_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Was: --paths 1 printed p5 = p50 = p95, a zero-width fan, as if certain.
    assert main(["scenarios", "--paths", "1", "--to", "2027"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "error: scenarios: series 'china_idc_cidc_overall': 1 path per scenario cannot "
        "estimate the p5 "
        "quantile, which needs at least 20; simulate with n_paths >= 20 (--paths on the "
        "command line; default 10,000)\n"
    )


def test_bad_threshold_prints_only_the_error(capsys: pytest.CaptureFixture[str]) -> None:
    # Was: the level and CAGR tables printed first, then the error line.
    assert main(["scenarios", "--paths", "20", "--threshold", "8000 MW"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(
        "error: scenarios: series 'china_idc_cidc_overall': threshold '8000 MW' cannot be read "
        "in the "
        "paths' unit 'CNY 100m' (2030): cannot convert 'MW' (power) to 'CNY 100m' (money)"
    )


README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_shows_the_real_probabilities(capsys: pytest.CaptureFixture[str]) -> None:
    # the README quotes the tail of `idcforecast scenarios --to 2027 --threshold 8000亿元`
    text = README.read_text(encoding="utf-8")
    block = text.split("$ idcforecast scenarios --to 2027 --threshold 8000亿元\n...\n", 1)[1]
    shown = block.split("```", 1)[0].splitlines()
    out = _run(["--to", "2027", "--threshold", "8000亿元"], capsys).splitlines()
    assert shown and shown == out[-len(shown) :]


def test_a_users_file_without_a_spec_gets_the_forecast_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the bundled spec is written for the China IDC series; a net-additions file (values
    # below zero, in MW) simulates its own calibrated forecast, without a CAGR
    path = tmp_path / "net.csv"
    values = [-5, 3, -2, 4, 1, 6, -1]
    path.write_text("year,value\n" + "".join(f"{2015 + i},{v}\n" for i, v in enumerate(values)))
    out = _run(["--input", str(path), "--unit", "MW", "--to", "2023", "--threshold", "5"], capsys)
    assert "spec none (the calibrated forecast only; pass a TOML spec FILE)" in out
    assert re.search(r"^base +2023 +-\d+\.\d ", out, re.MULTILINE)  # decimals for small values
    assert "CAGR: not shown (no positive origin" in out
    assert "P(value > 5 MW in 2023):" in out  # a plain number is in the series' unit


def test_another_bundled_series_gets_its_own_distribution_not_the_cidc_spec(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: the bundled China IDC spec (caps in CNY 100m) was loaded for every dataset, so
    # the racks series failed with a unit mismatch and had no way to run
    out = _run(["--dataset", "china_racks_in_use", "--series", "china_racks_in_use"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith("series china_racks_in_use (racks 10k), last observed 2024")
    assert lines[1] == (
        "spec none (the calibrated forecast only; pass a TOML spec FILE); weights: none"
    )
    # the China IDC series still gets the bundled spec by default
    assert "china_idc_example.toml; weights: base 0.5" in _run(["--to", "2026"], capsys)


def test_series_of_a_users_file_is_read_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "two.csv row 3, column 'vn_capacity_mw' (series 'vn_capacity_mw'): no unit for
    # this series": every series was read before --series picked one (forecast read one)
    path = tmp_path / "two.csv"
    path.write_text(
        "Vietnam market figures\nyear,vn_revenue_cny,vn_capacity_mw\n"
        + "".join(
            f"{y},{2100 + 300 * i}亿元,{72 + 20 * i}\n" for i, y in enumerate(range(2018, 2024))
        )
    )
    argv = ["--input", str(path), "--header-row", "1", "--series", "vn_revenue_cny"]
    out = _run([*argv, "--horizon", "2", "--paths", "200"], capsys)
    assert out.startswith("series vn_revenue_cny (CNY 100m), last observed 2023: 3,600;")


def test_to_and_horizon_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    # Was: --to 2026 --horizon 6 simulated to 2026 and ignored --horizon without a word
    with pytest.raises(SystemExit) as exit_info:
        main(["scenarios", "--to", "2026", "--horizon", "6"])
    assert exit_info.value.code == 2
    assert "argument --horizon: not allowed with argument --to" in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [["scenarios"], ["report"], ["forecast-many", "x.csv", "--horizon", "2"]]
)
def test_a_negative_seed_is_refused_by_the_flag(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # uat12: --seed -1 ended in a 20-line NumPy traceback (scenarios, report --scenarios)
    with pytest.raises(SystemExit) as caught:
        main([*command, "--seed", "-1"])
    assert caught.value.code == 2
    assert (
        "argument --seed: -1: a seed is a whole number 0 or more; e.g. --seed 7"
        in capsys.readouterr().err
    )


def test_bundled_data_takes_unit_and_refuses_file_options(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: --unit and --sep were silently ignored without --data (the spec ran in CNY 100m)
    assert main(["scenarios", "--sep", ";"]) == 2
    assert "scenarios: --sep describes a data file (--data FILE)" in capsys.readouterr().err
    # --unit converts the bundled series; the example spec's caps are in CNY 100m, which
    # the user did not give: it was refused ("the spec's key 'unit' is 'CNY 100m' but
    # series ... is in 'USD bn' ... correct its 'unit'"), a fix to a file they never named.
    # Now the forecast's own distribution, one "base" case, as for any series without a
    # spec, the header saying why
    assert main(["scenarios", "--unit", "USD bn", "--paths", "200", "--to", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("series china_idc_cidc_overall (USD bn), last observed 2023: ")
    assert (
        "spec none: the bundled example spec's caps are in CNY 100m, not USD bn (--unit); "
        "the calibrated forecast only (drop --unit for its scenarios in CNY 100m, or pass a "
        "TOML spec FILE in USD bn); weights: none"
    ) in out
    levels = _cells(out, "levels (USD bn):")
    assert list(levels) == ["base"]
    # a spec the user names is theirs to fix: still refused
    assert main(["scenarios", "china_idc_example.toml", "--unit", "USD bn"]) == 2
    assert "the spec's key 'unit' is 'CNY 100m' but series 'china_idc_cidc_overall' is in " in (
        capsys.readouterr().err
    )
    # a magnitude of the same currency still runs the bundled scenarios, rescaled
    assert main(["scenarios", "--unit", "CNY bn", "--paths", "200", "--to", "2025"]) == 0
    assert "weights: base 0.5, bull 0.25, bear 0.25" in capsys.readouterr().out


def test_a_threshold_range_is_refused_not_read_as_its_midpoint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Was: --threshold 8000-9000 printed "P(value > 8000-9000 in 2027)" for 8500.
    with pytest.raises(SpecError, match=re.escape("threshold '8000-9000' is a range")):
        _run(["--paths", "500", "--to", "2027", "--threshold", "8000-9000"], capsys)


def test_year_without_a_threshold_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # Was: accepted and ignored (--year only places --threshold), so nothing about 2026
    # was printed and nothing said why.
    with pytest.raises(SpecError, match=re.escape("--year 2026 is the year of --threshold")):
        _run(["--paths", "500", "--to", "2027", "--year", "2026"], capsys)


@pytest.mark.parametrize("paths", ["0", "-5"])
def test_paths_below_one_are_refused_in_the_flags_words(
    capsys: pytest.CaptureFixture[str], paths: str
) -> None:
    # cli24: was "error: n_paths must be a positive integer; got 0" (no such flag) after the
    # series was read and forecast
    with pytest.raises(SystemExit):
        main(["scenarios", "--paths", paths])
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"idcforecast scenarios: error: argument --paths: {paths}: --paths counts simulated "
        "paths per scenario, so at least 1; e.g. --paths 10000 (the default)"
    )


def test_paths_that_do_not_fit_in_memory_are_one_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: --paths 100000000000 was numpy's "_ArrayMemoryError: Unable to allocate 15.3 TiB"
    # traceback (exit 1); the allocation is replaced here so the test allocates nothing
    def no_memory(*args: object, **kwargs: object) -> None:
        raise MemoryError("Unable to allocate 15.3 TiB")

    monkeypatch.setattr("idcforecast.scenarios.simulate", no_memory)
    assert main(["scenarios", "--paths", "100000000000", "--to", "2027"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: --paths 100000000000 x 4 years does not fit in memory (the paths "
        "of every scenario are held at once, 8 bytes a value); lower --paths (default 10000)\n"
    )


def test_the_forecast_note_is_printed_under_the_header(capsys: pytest.CaptureFixture[str]) -> None:
    # scen25: the bundled CIDC series has no 2013; the gap was filled for fitting without a word
    # (to 2026: to 2025 a note on the bear's 2026 shock, not simulated, comes first)
    out = _run(["--paths", "500", "--to", "2026"], capsys)
    assert out.splitlines()[2] == "note: gap year 2013 filled log-linearly for fitting only"


def test_kw_per_rack_converts_the_thresholds_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # scen25: with --kw-per-rack 6, "200 MW" was still read as 80,000 racks (2.5 kW): 0.4%
    # instead of P(> 33,333 racks); the two thresholds below are one level at 6 kW
    data = tmp_path / "racks.csv"
    data.write_text(
        "year,value\n2016,10000\n2017,13000\n2018,17000\n2019,21000\n2020,26000\n2021,30000\n"
    )
    argv = ["--data", str(data), "--unit", "racks", "--to", "2022", "--paths", "2000"]
    out = _run(
        [*argv, "--kw-per-rack", "6", "--threshold", "200 MW", "--threshold", "33333.4"], capsys
    )
    blocks = out.split("P(value > ")[1:]
    shares = [block.splitlines()[3].split()[-1] for block in blocks]
    assert len(shares) == 2 and shares[0] == shares[1]


def test_kw_per_rack_converts_a_cap_in_power(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # scen26: --kw-per-rack converted the thresholds but not a spec's cap: "600 MW" was
    # 240,000 racks (2.5 kW) whatever the flag; at 6 kW it is 100,000 racks
    data = tmp_path / "racks.csv"
    data.write_text(
        "year,value\n2016,10000\n2017,13000\n2018,17000\n2019,21000\n2020,26000\n2021,30000\n"
    )
    spec = tmp_path / "cap.toml"
    spec.write_text('[scenarios.capped]\ncap = "600 MW"\ncap_mode = "clip"\n')
    argv = ["--data", str(data), "--unit", "racks", "--to", "2022", "--paths", "200", str(spec)]
    out = _run([*argv, "--kw-per-rack", "6"], capsys)
    assert (
        "note: scenario 'capped': cap '600 MW' read as 100,000 racks at 6 kW per rack "
        "(kw_per_rack)" in out.splitlines()
    )


def test_a_data_file_given_as_the_spec_says_to_pass_it_as_data(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from idcforecast._paths import data_dir

    # scen26: `scenarios my.csv --unit MW` converted the bundled China series to MW ("cannot
    # convert 'CNY 100m' (money) to 'MW'"), and without --unit the CSV was read as TOML
    assert main(["scenarios", "mw.csv", "--unit", "MW", "--to", "2026"]) == 2
    # the example is named where this install keeps it (a pip install has no data/)
    example = data_dir() / "scenarios" / "china_idc_example.toml"
    assert capsys.readouterr().err == (
        "error: scenarios: FILE 'mw.csv' looks like data, but FILE is the scenario spec, a "
        f"TOML file such as the bundled example china_idc_example.toml (at {example}); pass "
        "the history as --data mw.csv, and give a spec FILE or none (the forecast's own "
        "distribution)\n"
    )


def test_help_says_which_year_the_defaults_are(capsys: pytest.CaptureFixture[str]) -> None:
    # "--year YEAR year of the threshold (default: last year)" read as the calendar year
    # before this one, and "--target-year TARGET_YEAR CAGR target year (default: last)"
    from idcforecast.cli import main

    with pytest.raises(SystemExit):
        main(["scenarios", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--year YEAR year of the threshold (default: the last simulated year)" in text
    assert (
        "--target-year YEAR year the CAGR (for a share in %: the change in points) runs to "
        "(default: the last simulated year)"
    ) in text
    assert "--method METHOD forecasting model alias (default auto; one:" in text
    # the default really is the last simulated year: P(... in 2027) for --to 2027
    assert main(["scenarios", "--to", "2027", "--threshold", "8000亿元", "--paths", "200"]) == 0
    assert "P(value > 8000亿元 in 2027):" in capsys.readouterr().out


def test_forecast_many_help_gives_the_n_jobs_default(capsys: pytest.CaptureFixture[str]) -> None:
    from idcforecast.cli import main

    with pytest.raises(SystemExit):
        main(["forecast-many", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--n-jobs N worker processes of --engine local (default: one per core)" in text


def test_a_last_value_of_millions_is_written_out_in_the_header(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # racks counted one by one: "last observed 2023: 8.1e+06" (",.6g"), now "8,100,000"
    path = tmp_path / "racks.csv"
    path.write_text(
        "series_id,year,value,unit\n"
        + "".join(
            f"r,{2017 + i},{v},racks\n"
            for i, v in enumerate(
                [3_000_000, 3_700_000, 4_500_000, 5_200_000, 6_100_000, 7_100_000, 8_100_000]
            )
        )
    )
    out = _run(["--data", str(path), "--horizon", "2", "--paths", "200"], capsys)
    assert out.startswith("series r (racks), last observed 2023: 8,100,000; model ")


def test_a_comma_list_of_methods_is_refused_in_command_line_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # forecast --method takes "auto,drift"; scenarios passed it on and printed the library's
    # "pass them as a list: method=['auto', 'drift']", Python advice on the command line
    with pytest.raises(SystemExit) as exit_info:
        main(["scenarios", "--method", "auto,drift", "--horizon", "2", "--paths", "100"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert (
        "argument --method: 'auto,drift' names 2 methods; the scenario paths come from one "
        "model: pass one, e.g. --method auto, and run the command once per method"
    ) in err
    assert "method=[" not in err


def _share_files(tmp_path: Path, values: list[float], spec: str, *, unit: str = "%") -> list[str]:
    data = tmp_path / "share.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"market_share,{2017 + i},{v},{unit}\n" for i, v in enumerate(values)),
        encoding="utf-8",
    )
    path = tmp_path / "share.toml"
    path.write_text(spec, encoding="utf-8")
    return [str(path), "--data", str(data)]


def _cells(out: str, heading: str) -> dict[str, list[str]]:
    """The rows of the table under ``heading``, by scenario."""
    lines = out.splitlines()
    at = lines.index(heading)
    rows: dict[str, list[str]] = {}
    for line in lines[at + 3 :]:
        if not line.strip():
            break
        name, *cells = re.split(r"\s{2,}", line.strip())
        rows[name] = cells
    return rows


def test_a_shares_growth_is_printed_in_points_with_the_level_then(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A share in %: its growth was printed as a CAGR ("% a year; relative growth of the
    # share"), where an analyst reads a share's change in percentage points. "+2pp" in
    # 2025-2026 puts 'up' 4 points above 'base' in 2026 on every path (common random numbers)
    argv = _share_files(
        tmp_path,
        [25, 27, 30, 32, 34, 36, 38, 40],
        '[scenarios.base]\n[scenarios.up]\ngrowth = { "2025-2026" = "+2pp" }\n',
    )
    out = _run([*argv, "--paths", "400", "--to", "2026"], capsys)
    assert "CAGR" not in out
    heading = (
        "change from the last observation (40.0% in 2024) to 2026, in percentage points "
        "(the level then):"
    )
    table = _cells(out, heading)
    levels = {
        line.split()[0]: line.split()[2:]
        for line in out.splitlines()
        if line.startswith(("base ", "up ")) and line.split()[1] == "2026"
    }
    for name in ("base", "up"):
        for cell, level in zip(table[name], levels[name], strict=True):
            change, then = re.fullmatch(r"([-+]\d+\.\d) \((\d+\.\d)%\)", cell).groups()  # type: ignore[union-attr]
            assert then == level  # the level table's 2026 row, to the printed decimal
            # change = level - 40.0 (the 2024 observation), to rounding of both
            assert float(change) == pytest.approx(float(level) - 40.0, abs=0.051)
    base_p50 = float(table["base"][2].split()[0])
    assert float(table["up"][2].split()[0]) == pytest.approx(base_p50 + 4.0, abs=0.051)


def test_a_share_in_tenths_is_printed_in_points_of_percent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 4.0 成 is 40%: the change is in points of percent (1 成 = 10 points)
    argv = _share_files(
        tmp_path, [2.5, 2.7, 3.0, 3.2, 3.4, 3.6, 3.8, 4.0], "[scenarios.base]\n", unit="成"
    )
    out = _run([*argv, "--paths", "400", "--to", "2026"], capsys)
    heading = (
        "change from the last observation (40.0% in 2024) to 2026, in percentage points "
        "(the level then):"
    )
    (cells,) = _cells(out, heading).values()
    level_p50 = next(
        float(line.split()[4]) for line in out.splitlines() if line.startswith("base      2026")
    )
    change, then = re.fullmatch(r"([-+]\d+\.\d) \((\d+\.\d)%\)", cells[2]).groups()  # type: ignore[union-attr]
    assert float(then) == pytest.approx(10 * level_p50, abs=0.051)  # 成 to %
    assert float(change) == pytest.approx(float(then) - 40.0, abs=0.051)


def test_a_percent_series_above_100_keeps_its_cagr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a ratio in % that was above 100% is no share (the rule of forecast()'s note): CAGR
    argv = _share_files(tmp_path, [125, 127, 130, 132, 134, 136, 138, 140], "[scenarios.base]\n")
    out = _run([*argv, "--paths", "400", "--to", "2026"], capsys)
    assert "CAGR from the last observation to 2026 (% a year" in out
    assert "percentage points" not in out


def test_a_share_clipped_to_zero_still_has_its_change_in_points(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a market share taken to 0% in some paths by its bear case (clipped there) has no
    # CAGR; its change in points is defined all the same, and printed for both scenarios
    argv = _share_files(
        tmp_path,
        [14.0, 13.5, 13, 12.4, 12, 11.5, 10.8, 10],
        '[scenarios.base]\n[scenarios.bear]\ngrowth = { "2025-2030" = "-1pp" }\n',
    )
    out = _run([*argv, "--paths", "2000", "--to", "2030"], capsys)
    heading = (
        "change from the last observation (10.00% in 2024) to 2030, in percentage points "
        "(the level then):"
    )
    table = _cells(out, heading)
    assert list(table) == ["base", "bear"]
    for cell in table["bear"]:  # change = level - 10.00 (the 2024 observation)
        change, then = re.fullmatch(r"([-+]\d+\.\d\d) \((\d+\.\d\d)%\)", cell).groups()  # type: ignore[union-attr]
        assert float(change) == pytest.approx(float(then) - 10.0, abs=0.0051)
    assert "not shown" not in out


def test_note_names_the_years_converted_from_another_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a series read in MW with its last two years in GW: the reader converts them (x1000),
    # and the note says which years, as forecast's note column does (scenarios said nothing)
    path = tmp_path / "mixed.csv"
    path.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"s,{year},{mw},MW\n" for year, mw in ((2016, 500), (2017, 600), (2018, 700)))
        + "s,2019,800,MW\ns,2020,1.0,GW\ns,2021,1.2,GW\n",
        encoding="utf-8",
    )
    lines = _run(["--data", str(path), "--horizon", "2", "--paths", "200"], capsys).splitlines()
    # 1.2 GW x 1000 = 1,200 MW, the last observation
    assert lines[0].startswith("series s (MW), last observed 2021: 1,200; model 'auto'")
    assert lines[2] == "note: converted from 'GW' (x1000): 2020, 2021"


def test_threshold_decimal_comma_advice_names_what_to_type(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: "(a table written with decimal commas: --decimal ,)": --decimal reads the data
    # file, not the threshold
    with pytest.raises(IdcForecastError) as raised:
        _run(["--paths", "100", "--threshold", "8000,5亿元"], capsys)
    message = str(raised.value)
    assert "(a decimal comma? type --threshold '8000.5亿元')" in message
    assert "--decimal" not in message and "read_series" not in message


def test_a_year_outside_the_simulated_ones_names_the_flag_that_reaches_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: "year 2028 was not simulated; expected a year from 2024 to 2027 (raise the
    # horizon)": no flag named, neither --year nor the --to that reaches 2028
    argv = ["scenarios", "--paths", "100", "--to", "2027", "--threshold", "6000"]
    assert main([*argv, "--year", "2028"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: --year 2028 is outside the simulated years 2024-2027 of series "
        "'china_idc_cidc_overall'; pass --to 2028 to simulate up to it\n"
    )
    assert main(["scenarios", "--paths", "100", "--target-year", "2020"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: --target-year 2020 is outside the simulated years 2024-2030 of "
        "series 'china_idc_cidc_overall'; earlier years are history, not simulated\n"
    )


def test_a_series_not_in_the_file_is_to_be_chosen_among_its_series(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "drop --series to read them all", after which scenarios refuses a file of two
    # series ("pass --series to choose one")
    path = tmp_path / "two.csv"
    path.write_text(
        "series_id,year,value,unit\nb,2020,10,MW\nb,2021,12,MW\na,2020,5,MW\na,2021,6,MW\n",
        encoding="utf-8",
    )
    assert main(["scenarios", "--data", str(path), "--series", "c", "--paths", "100"]) == 2
    assert capsys.readouterr().err == (
        "error: scenarios: two.csv: series 'c' is not in the table; expected one of 'b', 'a'; "
        "pass one of them as --series (scenarios simulates one series)\n"
    )


# the reader's warning that values all below 1 might be fractions: here they are percent
@pytest.mark.filterwarnings("ignore::idcforecast.errors.AmbiguousNumberWarning")
def test_a_share_below_a_tenth_of_a_percent_keeps_three_significant_digits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: 2 decimals, so 0.04% printed "(0.04%)" for 0.035-0.045 and its change "+0.00";
    # then the largest level to two significant digits (3 decimals); now (report57) the
    # largest median, below 1 (about 0.04-0.06%), to three: 4 decimals
    argv = _share_files(
        tmp_path,
        [0.021, 0.024, 0.026, 0.03, 0.031, 0.033, 0.036, 0.04],
        '[scenarios.base]\n[scenarios.up]\ngrowth = { "2025-2026" = "+0.01pp" }\n',
    )
    out = _run([*argv, "--paths", "400", "--to", "2026"], capsys)
    heading = (
        "change from the last observation (0.0400% in 2024) to 2026, in percentage points "
        "(the level then):"
    )
    table = _cells(out, heading)
    levels = {
        line.split()[0]: line.split()[2:]
        for line in out.splitlines()
        if line.startswith(("base ", "up ")) and line.split()[1] == "2026"
    }
    for name in ("base", "up"):
        for cell, level in zip(table[name], levels[name], strict=True):
            change, then = re.fullmatch(r"([-+]\d\.\d{4}) \((\d\.\d{4})%\)", cell).groups()  # type: ignore[union-attr]
            assert then == level  # the level table also in 3 decimals
            assert float(change) == pytest.approx(float(level) - 0.040, abs=0.000051)
    # +0.01 points a year on 2025-2026 puts 'up' 0.02 points above 'base' on every path
    base_p50 = float(table["base"][2].split()[0])
    assert float(table["up"][2].split()[0]) == pytest.approx(base_p50 + 0.02, abs=0.000051)


def test_a_file_stating_no_unit_is_refused_saying_why_forecast_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`forecast --data` and `show --data` take a file stating no unit as given; scenarios
    refused it with the reader's error alone, as if every command did. It still refuses
    (a spec's caps are checked against the series' unit) and says why."""
    src = tmp_path / "plain.csv"
    src.write_text("year,value\n2018,100\n2019,112\n2020,125\n2021,139\n2022,156\n")
    assert main(["scenarios", "--data", str(src)]) == 2
    err = capsys.readouterr().err
    assert "(series 'plain'): no unit for this series;" in err
    assert err.rstrip().endswith(
        "; scenarios needs that unit (a scenario spec's caps are in its own unit, checked "
        "against the series'), unlike forecast, forecast-many and show, which take such a "
        "file's numbers as given"
    )


def test_a_share_in_tenths_names_its_unit_as_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the header and the levels table said "(tenths)" for a series published in 成
    argv = _share_files(tmp_path, [2.5, 2.7, 3.0, 3.2, 3.4, 3.6], "[scenarios.base]\n", unit="成")
    out = _run([*argv, "--paths", "50", "--to", "2024"], capsys)
    assert out.startswith("series market_share (成, tenths), last observed 2022: ")
    assert "\nlevels (成, tenths):\n" in out


def test_levels_and_cagr_round_a_tie_half_up_as_the_report_does() -> None:
    # 122.5 at 0 decimals (levels of 100 or more) is "123" and a CAGR of 6.25% "6.3%" half
    # up, the report's rule (report._numbers.half_up); Python's format gave "122", "6.2%"
    import pandas as pd

    cols = ["p5", "p10", "p50", "p90", "p95"]
    row = dict(zip(cols, [117.5, 122.5, 130.0, 132.5, 140.0], strict=True))
    level = {"scenario": "base", "year": 2025, "quantity": "level", "unit": "MW", **row}
    rate = dict(zip(cols, [2.25, 4.0, 6.25, 8.0, 9.75], strict=True))
    cagr = {"scenario": "base", "year": 2025, "quantity": "cagr", "unit": "%", **rate}
    table = pd.DataFrame([level, cagr])
    levels = scenarios_cmd._levels_text(table).splitlines()
    assert levels[-1].split() == ["base", "2025", "118", "123", "130", "133", "140"]
    rates = scenarios_cmd._cagr_text(table).splitlines()
    assert rates[-1].split() == ["base", "2.3%", "4.0%", "6.3%", "8.0%", "9.8%"]


def test_a_bare_threshold_on_a_share_reads_as_a_percent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a bare 60 printed "P(value > 60 % in 2025)" beside a typed 70%'s "P(value > 70% ...)"
    path = tmp_path / "util.csv"
    rows = [(2018, 52.0), (2019, 53.1), (2020, 55.0), (2021, 56.4), (2022, 58.0)]
    path.write_text("series_id,year,value,unit\n" + "".join(f"util,{y},{v},%\n" for y, v in rows))
    args = ["--input", str(path), "--paths", "200", "--to", "2025"]
    out = _run([*args, "--threshold", "60", "--threshold", "70%"], capsys)
    assert "P(value > 60% in 2025):" in out
    assert "P(value > 70% in 2025):" in out
    assert "60 %" not in out


def test_a_rate_that_rounds_to_zero_prints_without_a_minus() -> None:
    # a capped scenario's 10th-percentile CAGR of -0.04% a year printed "-0.0%" (seen with
    # a cap of US$60bn on a series in USD bn): a loss where there is none
    import pandas as pd

    rows = [
        {"scenario": "bull", "year": 2030, "quantity": q, "unit": u, "p5": -4.2,
         "p10": v, "p50": 8.4, "p90": 8.5, "p95": 8.5}
        for q, u, v in (("level", "USD bn", -0.004), ("cagr", "%", -0.04))
    ]  # fmt: skip
    table = pd.DataFrame(rows)
    cagr = scenarios_cmd._cagr_text(table)
    assert "-0.0%" not in cagr and " 0.0%" in cagr, cagr
    levels = scenarios_cmd._levels_text(table)
    assert "-0.00" not in levels and "0.00" in levels, levels


def test_a_threshold_in_another_currency_names_its_rate_and_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # report56: "P(value > US$100bn in 2024)" named neither the level in the series' unit
    # nor the rate: 100e9 x 7.1957 (2024, Federal Reserve G.5A) = 7,195.7 CNY 100m, to 3
    # significant digits (100's, three at least) 7,200
    out = _run(
        ["--threshold", "US$100bn", "--year", "2024", "--to", "2026", "--paths", "50"], capsys
    )
    assert (
        "P(value > US$100bn in 2024), the threshold about 7,200 CNY 100m at 7.1957 CNY per "
        "USD, the 2024 annual average of Federal Reserve G.5A:"
    ) in out
    # a threshold in the series' own currency says nothing more
    out = _run(["--threshold", "9000亿元", "--to", "2026", "--paths", "50"], capsys)
    assert "P(value > 9000亿元 in 2026):" in out


def test_a_threshold_given_as_a_lower_bound_is_headed_by_its_level(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # report57: '超过8000亿元' (more than 800 bn yuan) was headed "P(value > 超过8000亿元 in
    # 2030)"; the probability is P(value > 8000), the same as a plain '8000亿元''s, and the
    # heading now names the level and says it was read from a bound (en and zh)
    args = ["--paths", "400", "--to", "2026"]
    out = _run(
        [*args, "--threshold", "超过8000亿元", "--threshold", "8000亿元",
         "--threshold", "at least 8,000亿元", "--threshold", "8000亿元以上"],
        capsys,
    )  # fmt: skip
    bound = _cells(
        out, "P(value > 8000亿元 in 2026; '超过8000亿元' is a lower bound, read as its level):"
    )
    plain = _cells(out, "P(value > 8000亿元 in 2026):")
    assert bound == plain  # the bound's level, 8000, as the plain figure
    assert "P(value > 8,000亿元 in 2026; 'at least 8,000亿元' is a lower bound" in out
    assert "P(value > 8000亿元 in 2026; '8000亿元以上' is a lower bound" in out
    assert "超过8000亿元 in" not in out
