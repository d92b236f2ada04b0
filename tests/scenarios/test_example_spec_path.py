"""The errors of `scenarios` and `report` name the bundled example spec where the install
keeps it: after pip install it is idcforecast/_bundled_data/scenarios/, and the
data/scenarios/china_idc_example.toml they cited is not there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from idcforecast.cli import main


@pytest.fixture
def installed_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """data_dir() as a wheel has it: <site-packages>/idcforecast/_bundled_data."""
    import idcforecast._paths
    from idcforecast._paths import data_dir

    bundled = tmp_path / "site-packages" / "idcforecast" / "_bundled_data"
    (bundled / "scenarios").mkdir(parents=True)
    example = data_dir() / "scenarios" / "china_idc_example.toml"
    shutil.copy(example, bundled / "scenarios" / example.name)
    monkeypatch.setattr(idcforecast._paths, "data_dir", lambda: bundled)
    return bundled / "scenarios" / example.name


@pytest.mark.parametrize(
    "argv",
    [["scenarios", "sales.csv"], ["report", "--scenarios", "sales.csv", "--out", "r.pdf"]],
)
def test_the_example_named_is_the_installed_copy(
    argv: list[str], installed_layout: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "such as data/scenarios/china_idc_example.toml" not in err  # the old text
    assert f"such as the bundled example china_idc_example.toml (at {installed_layout});" in err
    assert installed_layout.is_file()


def test_a_yaml_spec_without_pyyaml_names_the_installed_example(
    installed_layout: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sys

    from idcforecast.errors import SpecError
    from idcforecast.scenarios import load_scenarios

    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml raises ImportError
    spec = tmp_path / "spec.yaml"
    spec.write_text("scenarios:\n  base: {}\n", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_scenarios(spec)
    assert str(info.value).endswith(
        "or write the spec as JSON, or as TOML ([scenarios.base] tables) as in the bundled "
        f"example china_idc_example.toml (at {installed_layout})"
    )


def test_the_readme_names_the_example_spec_as_a_pip_install_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # README cited data/scenarios/china_idc_example.toml for `report --scenarios`, a path
    # of the source checkout: after `pip install .` it names no file ("cannot be read").
    # Every spec the README names must load from a folder outside the checkout.
    import re

    from idcforecast.scenarios import load_scenarios

    root = Path(__file__).resolve().parents[2]
    # the README, and the example's own "Use:" comment (it is installed with the package)
    texts = [root / "README.md", root / "data" / "scenarios" / "china_idc_example.toml"]
    named = {
        name
        for text in texts
        for name in re.findall(r"([\w./-]*china_idc_example\.toml)", text.read_text("utf-8"))
    }
    assert named  # the README does name the example
    monkeypatch.chdir(tmp_path)
    for name in sorted(named):
        assert load_scenarios(name).series_id == "china_idc_cidc_overall", name
