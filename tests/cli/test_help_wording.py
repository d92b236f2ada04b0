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
