"""A report converted to another currency checks the published claims against the figures
as published, not against the converted ones worked back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report


def test_a_usd_report_checks_cny_claims_against_the_cny_figures(tmp_path: Path) -> None:
    path = build_report(
        out=tmp_path / "usd.pdf", date="2026-12-07", read_options={"unit": "USD bn"}
    )
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    text = re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in reader.pages))
    # the actuals were published in 亿元 (CNY 100m) and so are the claims; the check
    # converted the report's USD values back and said the 2019 actual 1,562.5 came "from
    # USD billion at its year's FX rate"
    assert "from USD billion at its year's FX rate" not in text
    # (claims54: and that both figures come from one article, so the match checks nothing
    # and is not counted)
    assert (
        "The stated 2019 level (1,562.5) matches the actual 1,562.5. Both come from "
        "hfnxjk.com/datacenter/news/563646.html: a figure checked against itself, not "
        "counted. From"
    ) in text
    assert "the 2022 actual was 4,043.2 (derived); the claim (more than 3,200.5) held" in text


def test_as_published_leaves_a_history_not_converted_alone() -> None:
    from idcforecast.report._analyses import as_published

    # 1,562.5 / 6.9081 / 10 = 22.6184 USD bn in 2019; 2020's note names no conversion
    note = "converted from 'CNY 100m' (x0.0144758, 2019 annual-average FX rate)"
    mixed = pd.DataFrame(
        {
            "year": [2019, 2020],
            "value": [156.25 / 6.9081, 32.0],
            "unit": ["USD bn", "USD bn"],
            "note": [note, "reported in USD"],
        }
    )
    assert as_published(mixed) is mixed
    (value,) = as_published(mixed.iloc[:1])["value"]
    assert value == 1562.5
