"""A series too short for any scored cutoff: the Methodology says once that its intervals
rest on the prior alone (the forecast's own note said it again in the same paragraph)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import build_report

CSV = "year,value,unit\n2020,80,USD bn\n2021,92,USD bn\n2022,101,USD bn\n2023,120,USD bn\n"


def _methodology(tmp_path: Path, to: int) -> str:
    data = tmp_path / "four.csv"
    data.write_text(CSV)
    path = build_report(data=data, out=tmp_path / "r.pdf", date="2026-12-07", to=to)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    return text.split("Methodology", 1)[1].split("No backtest is possible", 1)[0]


@pytest.mark.parametrize("to", [2026, 2030])
def test_no_scored_cutoff_is_said_once(tmp_path: Path, to: int) -> None:
    # 'auto' needs 4 years to fit and the series has 4: no cutoff leaves a later year
    methodology = _methodology(tmp_path, to)
    assert "No earlier cutoff could be scored for the intervals" in methodology
    assert methodology.lower().count("no earlier cutoff could be scored") == 1, methodology
    assert methodology.count("rests on the prior alone") == 1
    assert "prior from the series' annual changes alone" not in methodology
    if to == 2030:  # 7 years ahead of 4: the law of the widening is still named
        assert (
            "7 years ahead from 4 years of history: the intervals widen by an assumed law "
            "(sigma growing as the square root of the years ahead), not by evidence"
        ) in methodology
