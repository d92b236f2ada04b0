"""The Claims table's verdicts are printed whole, never broken inside the word."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report.fonts import CJK_FONT_ENV


def test_undetermined_verdict_is_not_broken_mid_word(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    path = build_report(out=tmp_path / "r.pdf", date="2026-12-07")
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = "\n".join(page.extract_text() for page in reader.pages)
    claims = text.split("Claim set Claims Verdict Explanation", 1)[1].split("Track record", 1)[0]
    # the bundled cidc_2019_2020_report set has no growth claim to check: "undetermined",
    # which a 20 mm column printed as "undetermine" over "d" (17.5 mm of text at 7 pt in
    # 17.1 mm of room once the 1.2 mm padding a side and 0.5 mm of air are taken)
    words = claims.split()
    assert "undetermined" in words, claims
    assert "undetermine" not in words
