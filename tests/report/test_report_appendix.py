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


def test_the_scenario_spec_is_named_with_its_sha256(tmp_path: Path) -> None:
    # the appendix named the data file's sha256 but not the spec's: a spec edited after the
    # report gave another PDF under the same "To reproduce" command, unannounced
    import hashlib

    data = tmp_path / "mw.csv"
    data.write_text("year,value,unit\n2019,10,MW\n2020,12,MW\n2021,15,MW\n2022,17,MW\n")
    spec = tmp_path / "cases.toml"
    spec.write_text('[scenarios.base]\n\n[scenarios.slow]\ngrowth = { "2023-2025" = -0.05 }\n')
    digest = hashlib.sha256(spec.read_bytes()).hexdigest()  # independent of the package
    path = build_report(
        data=data, scenarios=str(spec), out=tmp_path / "r.pdf", date="2026-01-01", to=2025
    )
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    assert "The same data file, scenario spec, seed and --date give a byte-identical PDF" in compact
    appendix = compact.split("Reproducibility", 1)[1]
    assert f"Scenario spec {spec}" in appendix
    # a long hash may wrap in its cell: compared without the spaces extraction puts there
    after = appendix.split("Scenario spec sha256", 1)[1].replace(" ", "")
    assert after.startswith(digest)


def test_a_bundled_spec_is_named_as_bundled(tmp_path: Path) -> None:
    from idcforecast._paths import data_dir
    from idcforecast.report._report_data import spec_file_digest

    bundled = data_dir() / "scenarios" / "china_idc_example.toml"
    import hashlib

    assert spec_file_digest("china_idc_example.toml", str(bundled)) == (
        "bundled spec china_idc_example.toml",
        hashlib.sha256(bundled.read_bytes()).hexdigest(),
    )
