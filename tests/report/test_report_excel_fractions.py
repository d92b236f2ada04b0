"""to_excel shows the fractions check_claims and track_record return as percent, as the
report prints them (0.278 -> 27.8%), and leaves a user's own columns alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd

import idcforecast as idc
from idcforecast._paths import data_dir


def _column(sheet: openpyxl.worksheet.worksheet.Worksheet, name: str) -> list[openpyxl.cell.Cell]:
    header = [cell.value for cell in sheet[1]]
    return [row[header.index(name)] for row in sheet.iter_rows(min_row=2)]


def test_claim_checks_rates_and_gaps_are_percent(tmp_path: Path) -> None:
    checks = idc.check_claims(data_dir() / "published_forecasts.csv", history="bundled")
    out = idc.to_excel({"checks": checks}, tmp_path / "checks.xlsx")
    sheet = openpyxl.load_workbook(out)["checks"]
    rates = [c for c in _column(sheet, "claimed_rate") if c.value is not None]
    # the Global Times claim "CAGR 27.8% 2020-2022" is stored as the fraction 0.278
    assert any(abs(c.value - 0.278) < 1e-12 for c in rates)
    assert {c.number_format for c in rates} == {"0.0%"}
    for name in ("gap", "implied_rate", "rate_gap", "end_gap"):
        cells = [c for c in _column(sheet, name) if c.value is not None]
        assert cells and {c.number_format for c in cells} == {"0.0%"}, name
    # a level stays a level
    assert {c.number_format for c in _column(sheet, "implied_base") if c.value is not None} == {
        "#,##0.0"
    }


def test_track_record_error_is_percent_log_error_is_not(tmp_path: Path) -> None:
    record = idc.track_record()
    out = idc.to_excel({"record": record}, tmp_path / "record.xlsx")
    sheet = openpyxl.load_workbook(out)["record"]
    errors = [c for c in _column(sheet, "error") if c.value is not None]
    assert errors and {c.number_format for c in errors} == {"0.0%"}
    logs = [c for c in _column(sheet, "log_error") if c.value is not None]
    assert logs and "%" not in {c.number_format for c in logs}.pop()


def test_users_own_error_column_keeps_its_unit_format(tmp_path: Path) -> None:
    # an error in CNY 100m (a user's own table) is no fraction: 12.5 must not read 1250.0%
    own = pd.DataFrame({"year": [2022, 2023], "error": [12.5, -3.25], "gap": [1.5, 2.0]})
    sheet = openpyxl.load_workbook(idc.to_excel({"own": own}, tmp_path / "own.xlsx"))["own"]
    assert {c.number_format for c in _column(sheet, "error")} == {"#,##0.00"}
    assert {c.number_format for c in _column(sheet, "gap")} == {"#,##0.00"}  # 3 digits of 1.5


def test_a_column_in_plain_usd_has_no_decimal(tmp_path: Path) -> None:
    # a forecast of a series in plain USD showed "8,763,500,126.0": a tenth of a dollar on
    # a ten-digit figure; the stored value is kept whole
    frame = pd.DataFrame({"year": [2023, 2024], "mean": [5668995200.0, 8763500126.4]})
    sheet = openpyxl.load_workbook(idc.to_excel({"usd": frame}, tmp_path / "usd.xlsx"))["usd"]
    cells = _column(sheet, "mean")
    assert {c.number_format for c in cells} == {"#,##0"}
    assert cells[1].value == 8763500126.4
