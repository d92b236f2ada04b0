"""The notebooks in notebooks/ run top to bottom on a fresh install and are stored clean.

Each notebook is executed with nbclient in a temporary working directory, so anything it
writes (a PDF report, say) lands there and not in the repository. The kernel imports
idcforecast from this source tree (the code under test), as the rest of the suite does.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("*.ipynb"))

nbformat = pytest.importorskip("nbformat")


def test_the_five_notebooks_are_there() -> None:
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_china_idc_market.ipynb",
        "03_scenarios_and_investment.ipynb",
        "04_many_markets.ipynb",
        "05_from_an_article.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    dirty = [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert dirty == [], f"{path.name}: cells {dirty} keep outputs; strip them before committing"


def test_quickstart_is_under_twenty_cells() -> None:
    notebook = nbformat.read(NOTEBOOK_DIR / "01_quickstart.ipynb", as_version=4)
    assert len(notebook.cells) < 20


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_uses_only_the_public_api(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    private = [
        i
        for i, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        and ("from idcforecast" in cell.source or "import idcforecast." in cell.source)
    ]
    assert private == [], f"{path.name}: cells {private} import idcforecast submodules"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nbclient = pytest.importorskip("nbclient")
    pythonpath = os.environ.get("PYTHONPATH")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), pythonpath])))
    notebook = nbformat.read(path, as_version=4)
    # what notebooks/ holds before the run: files a reader's own run left there (the PDF
    # notebook 02 writes into the working directory, run from notebooks/) are theirs
    before = _files(NOTEBOOK_DIR)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError naming the cell on any error
    errors = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.get("output_type") == "error"
    ]
    assert errors == []
    # nothing a reader would take for a problem: no warning printed by any cell (tqdm's
    # "IProgress not found" was, in notebook 04, without ipywidgets installed)
    warned = [
        output["text"]
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.get("output_type") == "stream" and "Warning" in output.get("text", "")
    ]
    assert warned == []
    images = sum(
        "image/png" in output.get("data", {})
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.outputs
    )
    assert images >= 1, f"{path.name}: no chart was displayed"
    if path.name == "02_china_idc_market.ipynb":
        # the report is built into the working directory, never into the repository
        assert (tmp_path / "china-idc-market.pdf").read_bytes()[:5] == b"%PDF-"
    if path.name == "05_from_an_article.ipynb":
        # the folder of figures and the report from it land in the working directory too
        assert sorted(p.name for p in (tmp_path / "figures").iterdir()) == [
            "article_2020.csv",
            "cidc_reports.csv",
        ]
        assert (tmp_path / "article_report.pdf").read_bytes()[:5] == b"%PDF-"
    # ... and nothing into the repository: it asserted no china-idc-market.pdf there, which
    # failed after a reader had run notebook 02 by hand from notebooks/ (as it invites)
    assert _files(NOTEBOOK_DIR) == before


def _files(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` (the checkpoints Jupyter keeps aside) with its mtime."""
    return {
        str(p.relative_to(folder)): p.stat().st_mtime_ns
        for p in folder.rglob("*")
        if p.is_file() and ".ipynb_checkpoints" not in p.parts
    }
