"""report58: a share's scenario table printed levels to three significant digits beside
changes in points to one decimal: a share at 97.6% read "base 104 99–108 ... +6.0 pp"
(97.6 + 6.0 = 103.6), and with a clip at 100 "bull 100 100–100". Levels now take the
change's decimals."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report, simulate
from idcforecast.report import _analyses as analyses
from idcforecast.scenarios import scenario_table

VALUES = [88.5, 90.1, 92.4, 93.8, 95.2, 96.0, 96.9, 97.6]
SPEC = (
    'series_id = "market_share"\nunit = "%"\n[scenarios.base]\nweight = 0.5\n'
    '[scenarios.bear]\nweight = 0.5\nshocks = { "2025" = "-3pp" }\n'
)


def test_a_shares_scenario_levels_take_the_changes_decimals(tmp_path: Path) -> None:
    history = pd.DataFrame(
        {"series_id": "market_share", "year": range(2016, 2024), "value": VALUES, "unit": "%",
         "source": "Analyst A"}
    )  # fmt: skip
    data = tmp_path / "share.csv"
    history.to_csv(data, index=False)
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC)
    path = build_report(
        data=data, out=tmp_path / "r.pdf", date="2026-01-01", scenarios=spec, to=2028
    )
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    paths = simulate(history, 5, n_paths=analyses.SCENARIO_PATHS, scenarios=spec, seed=0)
    table = scenario_table(paths)
    for name in ("base", "bear"):
        row = table[(table["scenario"] == name) & (table["quantity"] == "level")].iloc[-1]
        # the median change from the 2023 actual, 97.6, in points with one decimal
        moved = row["p50"] - 97.6
        expected = (
            f"{name} {row['p50']:.1f} {row['p10']:.1f}–{row['p90']:.1f} "
            f"{row['p5']:.1f}–{row['p95']:.1f} {moved:+.1f} pp"
        )
        assert expected in text


def test_the_cli_levels_table_gives_a_share_one_decimal() -> None:
    from idcforecast.cli import scenarios_cmd

    cols = ["p5", "p10", "p50", "p90", "p95"]
    row = dict(zip(cols, [94.12, 95.84, 100.0, 100.0, 100.0], strict=True))
    table = pd.DataFrame([{"scenario": "bear", "year": 2030, "quantity": "level",
                           "unit": "%", **row}])  # fmt: skip
    lines = scenarios_cmd._levels_text(table).splitlines()
    # was "94 96 100 100 100" (whole numbers for levels of 100 or more)
    assert lines[-1].split() == ["bear", "2030", "94.1", "95.8", "100.0", "100.0", "100.0"]
    money = table.assign(unit="CNY 100m")  # a market keeps whole numbers
    assert scenarios_cmd._levels_text(money).splitlines()[-1].split()[2:] == [
        "94", "96", "100", "100", "100"
    ]  # fmt: skip
