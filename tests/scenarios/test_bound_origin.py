"""Scenarios from a last observation published as a bound (report56).

The bundled china_racks_in_use ends with 2024 "more than 880" (10k racks). `idcforecast
scenarios` printed "last observed 2024: 880" and CAGRs from it as exact, and the report's
scenario table a "median CAGR" of 10.8%: the true origin is higher, so each rate is at most
the one computed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import load_dataset, simulate
from idcforecast.cli import main
from idcforecast.report.build import build_report

SPEC = 'series_id = "china_racks_in_use"\nunit = "racks 10k"\n\n[scenarios.base]\n'


def _spec(tmp_path: Path) -> Path:
    path = tmp_path / "spec.toml"
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_paths_carry_the_origin_qualifier() -> None:
    racks = load_dataset("china_racks_in_use")
    racks = racks[racks["series_id"] == "china_racks_in_use"]
    paths = simulate(racks, 2, n_paths=20, scenarios={"scenarios": {"base": {}}}, seed=0)
    assert (paths.origin_year, paths.origin_value) == (2024, 880.0)
    assert paths.origin_qualifier == "at_least"
    cidc = load_dataset("china_idc_market")
    cidc = cidc[cidc["series_id"] == "china_idc_cidc_overall"]
    assert (
        simulate(
            cidc, 2, n_paths=20, scenarios={"scenarios": {"base": {}}}, seed=0
        ).origin_qualifier
        == ""
    )


def test_the_scenarios_command_marks_a_bound_origin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [str(_spec(tmp_path)), "--dataset", "china_racks_in_use", "--paths", "50"]
    assert main(["scenarios", *argv, "--to", "2026"]) == 0
    out = capsys.readouterr().out
    assert "last observed 2024: > 880;" in out
    assert (
        "CAGR from the last observation to 2026 (% a year; the last observation is a lower "
        "bound ('more than'), so each rate is at most the one shown):"
    ) in out


def test_the_report_marks_the_median_cagr_from_a_bound_origin(tmp_path: Path) -> None:
    path = build_report(
        dataset="china_racks_in_use",
        scenarios=_spec(tmp_path),
        out=tmp_path / "r.pdf",
        date="2026-01-01",
    )
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    row = re.search(r"base ([\d,]+) \S+ \S+ < (\d+\.\d)%", text)
    assert row, text[text.find("median CAGR") :][:300]
    # the mark's number is the CAGR from 880: (median / 880) ** (1 / 6) - 1, to 0.1
    median = float(row.group(1).replace(",", ""))
    assert float(row.group(2)) == pytest.approx(100 * ((median / 880) ** (1 / 6) - 1), abs=0.06)
    assert (
        "The latest actual (2024) was published as more than 880.0: the CAGR from it is at "
        "most the one shown ('<')."
    ) in text
