"""The reproducibility appendix names the method once."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from idcforecast import build_report


def test_the_method_row_does_not_repeat_the_method(tmp_path: Path) -> None:
    # "Method auto (chosen: auto)": nothing is chosen, the model is the method asked for
    data = tmp_path / "mw.csv"
    data.write_text("year,value,unit\n2019,10,MW\n2020,12,MW\n2021,15,MW\n2022,17,MW\n")
    path = build_report(data=data, method="drift", out=tmp_path / "r.pdf", date="2026-01-01")
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    assert "(chosen:" not in compact
    assert "Method drift Horizon to 2030" in compact
