"""data/README.md describes the bundled files as they are: every file it names exists, and
the source notes that `source` cells cite are said to be outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import idcforecast as idc

ROOT = Path(__file__).resolve().parents[1]
DATA_README = ROOT / "data" / "README.md"


def test_every_file_the_data_readme_names_is_in_the_repository() -> None:
    # it sent readers to `shared/reference/idc_sources.md`, a path no clone has
    text = DATA_README.read_text(encoding="utf-8")
    named = re.findall(r"`([^`\s*]+\.(?:md|csv|toml|txt))`", text)
    missing = [
        path
        for path in named
        if path != "idc_sources.md"  # the notes themselves, said to be elsewhere (below)
        and not (ROOT / path).exists()
        and not (ROOT / "data" / path).exists()
    ]
    assert named and missing == []


def test_source_cells_citing_the_notes_are_explained() -> None:
    cited = sorted(
        name
        for name in idc.list_datasets()["name"]
        if name != "published_forecasts"
        and idc.load_dataset(name)["source"].astype(str).str.contains("idc_sources.md").any()
    )
    assert cited  # computing power, electricity, company revenue, pledges
    text = " ".join(DATA_README.read_text(encoding="utf-8").split())
    assert "`idc_sources.md`, which record where each number was read." in text
    assert "Those notes are not part of this repository;" in text
