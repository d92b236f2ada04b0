"""The report's track record against actuals published as bounds and claims with no made date.

The bundled china_racks_in_use has 2021 "more than 520" and 2022 "more than 650". A forecast
of 600 for 2022 missed, but its error 600 / 650 - 1 = -7.7% is measured from the bound: the
true actual is higher, so the error is at least 7.7% below. The report's table printed
"-7.7%" and the overview averaged it with exact actuals' errors; `idcforecast track-record`
prints "< -7.7%" (438c98c). A claim with no made date may be a figure restated after the
fact: the overview counted it as a forecast that came due.
"""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pandas as pd

import idcforecast as idc
from idcforecast.report._numbers import LevelFormat
from idcforecast.report.sections.claims_and_scenarios import track_record_table
from idcforecast.report.sections.overview import _claims_lines

CLAIMS = (
    "claim_set,subject,kind,year,value,made,unit\n"
    "a,china_racks_in_use,level,2022,700,2021,racks 10k\n"
    "b,china_racks_in_use,level,2022,600,2021,racks 10k\n"
    "c,china_racks_in_use,level,2019,250,2018,racks 10k\n"
    "e,china_racks_in_use,level,2019,300,2018,racks 10k\n"
)


def _record(tmp_path: Path, text: str = CLAIMS) -> pd.DataFrame:
    path = tmp_path / "claims.csv"
    path.write_text(text, encoding="utf-8")
    return idc.track_record(path)


def _overview(record: pd.DataFrame) -> str:
    ctx = SimpleNamespace(claims=None, track_record=record)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    return line


def test_the_table_marks_an_error_from_a_bound_actual_as_a_bound(tmp_path: Path) -> None:
    table = track_record_table(_record(tmp_path), LevelFormat(1, 0)).set_index("Claim set")
    # 700 / 650 - 1 = +7.7%, at most (the true actual is higher); 600 / 650 - 1 = -7.7%,
    # at least 7.7% below; against the exact 2019 265.8: 250 / 265.8 - 1 = -5.9%, plain
    assert table.loc["a", "Error"] == "< +7.7%"
    assert table.loc["b", "Error"] == "< -7.7%"
    assert table.loc["c", "Error"] == "-5.9%"
    from idcforecast.report.sections.claims_and_scenarios import track_record_notes

    assert track_record_notes(_record(tmp_path)).startswith(
        "An error marked '<' is from an actual published as 'more than' a figure: the true "
        "actual is higher, so the error is at most the one shown"
    )


def test_the_overview_leaves_errors_from_bound_actuals_out_of_the_average(
    tmp_path: Path,
) -> None:
    line = _overview(_record(tmp_path))
    # the average is of the exact actual's two: (250 / 265.8 - 1 + 300 / 265.8 - 1) / 2
    # = (-0.05944 + 0.12867) / 2 = +3.5% (with b's -7.7% it was (-0.05944 + 0.12867
    # - 0.07692) / 3 = -0.3%); c held (5.9% > 5%: no), e no -> 0 held of the two
    assert line == (
        "**Published forecasts:** 4 came due; 0 held, 1 open (the actual is a bound): "
        "the 2 point forecasts were on average 3.5% above the actual (0 held); "
        "the point forecast against an actual published as a bound ('more than') missed, "
        "at least 7.7% below the actual; "
        "the point forecast against an actual published as a bound ('more than') is open."
    )


def test_undated_claims_are_not_counted_as_forecasts(tmp_path: Path) -> None:
    record = _record(
        tmp_path,
        "claim_set,subject,kind,year,value,made,unit\n"
        "c,china_racks_in_use,level,2019,260,2018,racks 10k\n"
        "d,china_racks_in_use,level,2019,300,,racks 10k\n",
    )
    assert record.set_index("claim_set")["forecast"].isna().to_dict() == {"c": False, "d": True}
    # c: 260 / 265.8 - 1 = -2.2%, held (within 5%); d (no made date) was counted as a
    # second forecast that came due, its +12.9% averaged in ("on average 5.4% above")
    assert _overview(record) == (
        "**Published forecasts:** 1 came due; 1 held: the point forecast held, 2.2% below "
        "the actual; 1 claim without a made date is not counted (whether it was a forecast "
        "is unknown)."
    )
    assert _overview(record[record["claim_set"] == "d"]) == (
        "**Published forecasts:** none with a made date came due; 1 claim without a made "
        "date is not counted (whether it was a forecast is unknown)."
    )
    from idcforecast.report.sections.claims_and_scenarios import track_record_notes

    assert "1 claim has no made date (Made 'not stated')" in track_record_notes(record)
