"""A report on a user's series is titled with the series id, its unit and its years, not
the bare id; --title still overrides it."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.cli import main

CSV = "year,value,unit\n2019,1100,CNY 100m\n2020,1350,CNY 100m\n2021,1700,CNY 100m\n"


def _first_page(path: Path) -> str:
    return re.sub(r"\s+", " ", PdfReader(path).pages[0].extract_text())


def test_a_users_series_is_titled_with_its_unit_and_years(tmp_path: Path) -> None:
    data = tmp_path / "cidc.csv"
    data.write_text(CSV)
    path = build_report(
        data=data, series_id="cidc", out=tmp_path / "r.pdf", date="2026-12-07", method="drift"
    )
    # the cover read "cidc" alone, then "Series cidc (scope: not stated), in CNY 100 million"
    first = _first_page(path)
    assert first.startswith("cidc (CNY 100 million, 2019-2021) Series cidc"), first[:120]
    assert PdfReader(path).metadata.title == "cidc (CNY 100 million, 2019-2021)"


def test_title_overrides_the_default(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "cidc.csv"
    data.write_text(CSV)
    out = tmp_path / "r.pdf"
    argv = ["report", "--data", str(data), "--out", str(out), "--date", "2026-12-07"]
    code = main([*argv, "--method", "drift", "--title", "My IDC market"])
    capsys.readouterr()
    assert code == 0
    assert _first_page(out).startswith("My IDC market Series cidc")
