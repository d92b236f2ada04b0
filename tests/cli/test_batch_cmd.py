"""`idcforecast forecast-many`: reads a file, writes a tidy CSV atomically, prints a summary."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast.cli import batch_cmd
from idcforecast.errors import DataError


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
    assert _run([*argv, "--method", "drift", "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("forecast-many: 3 series (2 ok, 0 fallback, 1 failed) in ")
    assert "  failed 'bad': " in printed
    written = pd.read_csv(out)
    assert written.loc[written["series_id"] == "cn", "mean"].tolist() == [18.0, 20.0]
    assert written["year"].tolist() == [2024, 2025] * 3
    assert not list(tmp_path.glob(".fc.csv.*")), "no temporary file left behind"


def test_missing_file_is_a_typed_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    msg = f"forecast-many: file {str(missing)!r} does not exist"
    with pytest.raises(DataError, match=re.escape(msg)):
        _run([str(missing), "--horizon", "2", "--out", str(tmp_path / "o.csv")])
