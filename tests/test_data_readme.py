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


def test_the_scenario_files_cite_what_the_repository_holds() -> None:
    # the example spec cited "(shared reference, section 1)" for growth rates that the
    # bundled series holds; the driver assumptions' "shared reference" cells are explained
    spec = (ROOT / "data" / "scenarios" / "china_idc_example.toml").read_text(encoding="utf-8")
    assert "shared reference" not in spec
    assert "+43.3% (2020) to +25.6% (2023) (data/china_idc_market.csv)" in spec
    market = idc.load_dataset("china_idc_market").set_index(["series_id", "year"])["note"]
    assert "+43.3%" in market[("china_idc_cidc_overall", 2020)]
    assert "+25.6%" in market[("china_idc_cidc_overall", 2023)]
    drivers = (ROOT / "data" / "scenarios" / "driver_assumptions.csv").read_text(encoding="utf-8")
    text = " ".join(DATA_README.read_text(encoding="utf-8").split())
    if "shared reference" in drivers:
        assert (
            '`data/scenarios/driver_assumptions.csv` cites the same notes as "shared reference"'
        ) in text
