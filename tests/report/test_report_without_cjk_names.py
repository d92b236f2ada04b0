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
    # the name dropped left "68.shtml, quoting (early 2013)": quoting nobody. Known
    # Chinese names are said in English (中国IDC圈 is China IDC Circle, CIDC's own name)
    assert "68.shtml, quoting China IDC Circle (early 2013)" in text
    # the 2016 row's originator, 前瞻產業研究院, was dropped without a trace
    assert "101573.html, Qianzhan Industry Research Institute" in text
    # the 2021 report's name was cut to its years, "257178.html, 2021-2022"
    assert "257178.html, 2021-2022 China IDC Industry Development Research Report" in text
    assert "quoting (early" not in text
    # the track record's maker was "[Chinese text]" (cut to "2019-2020", it named nobody)
    table = text.split("Claim set By Made For Forecast Actual Error Held", 1)[1]
    row = re.search(r"cidc_2019_2020_report (.+?) 2020 2022 > 3,200\.5", table)
    assert row is not None and row.group(1) == (
        "Kezhi Consulting (China IDC Circle), 2019-2020 China IDC Industry Development "
        "Research Report"
    ), row and row.group(1)
    # sources are no longer among what is left out; the quotes still are
    assert "Chinese text (quotes, notes) is left out of this PDF" in text
