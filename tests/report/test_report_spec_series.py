"""The report takes the series a scenario spec names (report56).

``report --dataset china_racks_in_use --scenarios spec.toml`` with a spec whose series_id is
china_racks_in_use asked for --series: the dataset holds two series (china_racks_in_use and
china_racks_in_use_midyear), and the spec's choice was not used.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast.errors import DataError, UnknownSeriesError
from idcforecast.report.build import build_report

SPEC = 'series_id = "{sid}"\nunit = "racks 10k"\n\n[scenarios.base]\ndescription = "as forecast"\n'


def _spec(tmp_path: Path, sid: str = "china_racks_in_use") -> Path:
    path = tmp_path / "spec.toml"
    path.write_text(SPEC.format(sid=sid), encoding="utf-8")
    return path


def test_the_report_takes_the_spec_series_when_none_is_given(tmp_path: Path) -> None:
    read: list[str] = []
    path = build_report(
        dataset="china_racks_in_use",
        scenarios=_spec(tmp_path),
        out=tmp_path / "r.pdf",
        date="2026-01-01",
        on_read=read.append,
    )
    assert read == ["china_racks_in_use"]
    assert path.exists()


def test_a_spec_series_the_data_lacks_still_asks_for_series(tmp_path: Path) -> None:
    # the spec names no series of the data: the choice is the user's, as before, and the
    # error says why the spec's was not taken
    msg = (
        "holds 2 series (china_racks_in_use, china_racks_in_use_midyear); 'racks_elsewhere', "
        "the series the scenario spec or the claims name, is not among them; choose one with "
        "series_id=ID"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        build_report(
            dataset="china_racks_in_use",
            scenarios=_spec(tmp_path, "racks_elsewhere"),
            out=tmp_path / "r.pdf",
            date="2026-01-01",
        )


def test_a_series_that_disagrees_with_the_spec_is_named_with_it(tmp_path: Path) -> None:
    spec = _spec(tmp_path)
    # was: "series 'china_racks_in_use' (the series_id of scenario spec ...) is not in the
    # data (found china_racks_in_use_midyear)", though the dataset holds it
    msg = (
        "report: series_id='china_racks_in_use_midyear' is not the series_id of scenario "
        f"spec {spec} ('china_racks_in_use'); a spec's growth, shocks and caps are written "
        "for its series: pass series_id='china_racks_in_use' (or no series: the spec's is "
        "taken when the data holds it), or use a spec written for "
        "'china_racks_in_use_midyear'"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        build_report(
            dataset="china_racks_in_use",
            series_id="china_racks_in_use_midyear",
            scenarios=spec,
            out=tmp_path / "r.pdf",
            date="2026-01-01",
        )
    assert not (tmp_path / "r.pdf").exists()


CLAIMS = (
    "claim_set,subject,kind,year,value,made,unit\n"
    "b,china_racks_in_use,level,2022,600,2021,racks 10k\n"
    "c,china_racks_in_use,level,2019,250,2018,racks 10k\n"
)


def test_the_report_takes_the_one_subject_of_the_users_claims(tmp_path: Path) -> None:
    claims = tmp_path / "mine.csv"
    claims.write_text(CLAIMS, encoding="utf-8")
    read: list[str] = []
    build_report(
        dataset="china_racks_in_use",
        claims=claims,
        out=tmp_path / "r.pdf",
        date="2026-01-01",
        on_read=read.append,
    )
    assert read == ["china_racks_in_use"]
    # claims about two series name none: the choice is the user's, as before
    claims.write_text(
        CLAIMS + "m,china_racks_in_use_midyear,level,2025,1000,2024,racks 10k\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=re.escape("holds 2 series")):
        build_report(
            dataset="china_racks_in_use", claims=claims, out=tmp_path / "r.pdf", date="2026-01-01"
        )
