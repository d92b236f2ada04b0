"""Links between the documentation files lead somewhere.

The README sends readers to benchmarks/results/*.md for the record behind its numbers (the
"auto" experiments moved there from the README); a renamed or deleted file would leave the
README's numbers without their source. Links to a heading (``#command-line``) must name a
heading of the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted(
    [
        ROOT / "README.md",
        ROOT / "data" / "README.md",
        *(ROOT / "docs").glob("*.md"),
        *(ROOT / "benchmarks" / "results").glob("*.md"),
    ]
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for the headings of ``path``: lower case, punctuation dropped,
    spaces as hyphens."""
    found = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            found.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return found


def test_the_anchor_rule() -> None:
    assert re.sub(r"[^\w\- ]", "", "scenarios, bottom-up drivers").replace(" ", "-") == (
        "scenarios-bottom-up-drivers"
    )


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(doc: Path) -> None:
    broken = []
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):  # http:, https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        path = (doc.parent / file_part).resolve() if file_part else doc
        if not path.exists() or (anchor and path.suffix == ".md" and anchor not in anchors(path)):
            broken.append(target)
    assert broken == []


def test_the_readme_links_the_auto_record() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(benchmarks/results/auto_experiments.md)" in readme
    record = (ROOT / "benchmarks" / "results" / "auto_experiments.md").read_text(encoding="utf-8")
    # the numbers the README now summarises are there in full
    flat = " ".join(record.split())
    for quoted in ("held-out mean OWA 0.827 against the rule's 0.849", "0.822 on average"):
        assert quoted in flat


def test_no_document_cites_the_notes_outside_the_repository() -> None:
    # the M3 tables' "published" rows, and evaluation's metric definitions, cited
    # shared/reference/forecast_benchmarks.md, a path no clone has
    texts = [
        *DOCS,
        *(ROOT / "benchmarks").glob("*.py"),
        *(ROOT / "idcforecast").rglob("*.py"),
    ]
    citing = [
        str(path.relative_to(ROOT))
        for path in texts
        if "shared/reference/" in path.read_text(encoding="utf-8")
    ]
    assert citing == []


def test_the_published_m3_rows_are_in_the_repository() -> None:
    # every "(published)" row of the README's M3 table is in benchmarks/results/m3_published.md
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    record = (ROOT / "benchmarks" / "results" / "m3_published.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| ") and "(published)" in line]
    assert len(rows) == 4
    for row in rows:
        smape, mase = row.split("|")[2].strip(), row.split("|")[3].strip()
        assert f"| {smape} | {mase} |" in record, row
