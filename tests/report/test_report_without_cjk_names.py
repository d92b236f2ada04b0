"""The default report without a CJK font (the quick start's: no ``cjk`` extra) names no
firm that its Chinese sources do not name."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report.fonts import CJK_FONT_ENV


def test_cidc_is_not_printed_as_idc_without_a_cjk_font(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    path = build_report(out=tmp_path / "r.pdf", date="2026-12-07")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
    # "中国IDC圈" (China IDC Circle, CIDC) printed as "IDC", the research firm IDC whose
    # own forecasts are bundled: "quoting IDC (early 2013)", "By (IDC), 2019-2020 IDC"
    assert "quoting IDC" not in text
    assert "(IDC)" not in text
    assert "68.shtml, quoting (early 2013)" in text
    # the track record's maker cut to "2019-2020" named nobody
    table = text.split("Claim set By Made For Forecast Actual Error Held", 1)[1]
    row = re.search(r"cidc_2019_2020_report (.+?) 2020 2022 > 3,200\.5", table)
    assert row is not None and row.group(1) == "[Chinese text]", row and row.group(1)
