"""Every option of forecast-many --help says what it is (it read "--horizon HORIZON  years
after each series" and "--engine {serial,local,dask}  default: local")."""

from __future__ import annotations

import pytest

from idcforecast.cli import main


def _help(command: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    return " ".join(capsys.readouterr().out.split())


def test_forecast_many_help_says_what_horizon_and_engine_are(capsys) -> None:
    text = _help("forecast-many", capsys)
    assert "--horizon H years to forecast after each series' own last year (e.g. 5)" in text
    assert (
        "where the series are forecast: serial (this process), local (worker processes on "
        "this machine; the default) or dask (a cluster: --scheduler); the results are the same"
    ) in text


def test_report_help_says_a_json_or_yaml_spec_reads_too(capsys) -> None:
    # it said "scenario spec (TOML)", though report --scenarios spec.json works as
    # scenarios spec.json does
    text = _help("report", capsys)
    assert (
        "--scenarios FILE scenario spec to add a scenarios section (TOML; a .json or .yaml "
        "file of the same keys reads too)"
    ) in text


def test_an_option_shown_by_several_commands_has_one_placeholder(capsys) -> None:
    # analyst55: report said --series ID and --dataset NAME, show and forecast --series
    # SERIES and --dataset DATASET; parse and cagr --kw-per-rack K, the others KW; --seed N
    # beside --seed SEED, --horizon H beside --horizon HORIZON: one option, one name
    import argparse

    from idcforecast.cli import COMMAND_MODULES, build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert len(commands) == len(COMMAND_MODULES)
    seen: dict[str, dict[str, str]] = {}
    for name, sub in commands.items():
        for action in sub._actions:
            if action.option_strings and action.nargs != 0 and action.choices is None:
                option = action.option_strings[0]
                placeholder = action.metavar or action.dest.upper()
                seen.setdefault(option, {})[name] = str(placeholder)
    differing = {o: by for o, by in seen.items() if len(set(by.values())) > 1}
    # parse --to is a unit, the others' a year: two meanings, said by their placeholders
    assert differing == {
        "--to": {"report": "YEAR", "forecast": "YEAR", "parse": "UNIT", "scenarios": "YEAR"}
    }
