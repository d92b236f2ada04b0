"""The claims a report prints keep their published precision: the Explanation column says
"3,200" where the Claims column does, and the track-record table prints a claim with its
own decimals, not the history's."""

from __future__ import annotations

import pandas as pd

from idcforecast.claim_checks import check_claims
from idcforecast.claims import Claim

SUBJECT = "china_idc_cidc_overall"
UNIT = "CNY 100m"
# the published CIDC levels (亿元); 2022 derived: 5078.3 / 1.256 = 4043.2
HISTORY = pd.DataFrame(
    {
        "series_id": SUBJECT,
        "year": [2019, 2020, 2021, 2022, 2023],
        "value": [1562.5, 2238.7, 3012.7, 4043.2, 5078.3],
        "unit": UNIT,
        "qualifier": "exact",
        "derived": [False, False, False, True, False],
    }
)


def _claims(level: Claim) -> list[Claim]:
    rate = Claim(
        subject=SUBJECT, kind="cagr", value=27.8, start_year=2020, year=2022, claim_set="s"
    )
    return [rate, level]


def test_the_explanation_prints_a_claimed_level_as_the_claims_column_does() -> None:
    level = Claim(subject=SUBJECT, kind="level", value=3200.0, unit=UNIT, year=2022, claim_set="s")
    row = check_claims(_claims(level), history=HISTORY).iloc[0]
    assert "level 3,200 CNY 100m in 2022" in row["claims"]
    # published as 3,200: "reaching 3,200 CNY 100m" and "the claimed 3,200 undershot"
    assert "reaching 3,200 CNY 100m in 2022" in row["explanation"]
    assert "the claimed 3,200 undershot" in row["explanation"]
    assert "3,200.0" not in row["explanation"]
    # the actuals and the computed bases keep the explanation's one decimal:
    # 3200 / 1.278**2 = 1959.2 in 2020 and 3200 / 1.278**3 = 1533.1 in 2019
    assert "1,959.2 in 2020" in row["explanation"]
    assert "the 2022 actual was 4,043.2" in row["explanation"]


def test_a_claimed_range_keeps_its_published_ends() -> None:
    level = Claim(
        subject=SUBJECT,
        kind="level",
        value=3200.0,
        low=3000.0,
        high=3400.0,
        unit=UNIT,
        year=2022,
        claim_set="s",
    )
    text = check_claims([level], history=HISTORY).iloc[0]["explanation"]
    # 3,400 / 4,043.2 - 1 = -15.9%: the range's high end undershot
    assert "the claimed 3,000 to 3,400 failed" in text, text


def _share_record() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_set": ["a", "b"],
            "by": ["Analyst A", "Analyst B"],
            "made": ["2021", "2021"],
            "year": [2023, 2023],
            "qualifier": ["exact", "at_least"],
            "value": [3.25, 4.0],
            "unit": "%",
            "actual": [3.4, 3.4],
            "error": [3.25 / 3.4 - 1, 4.0 / 3.4 - 1],
            "held": [False, False],
            "forecast": [True, True],
        }
    )


def test_the_track_record_prints_a_claim_with_its_own_precision() -> None:
    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.sections.claims_and_scenarios import track_record_table

    # a share published with one decimal (3.0, 3.4, 5.6 percent): the report's one decimal
    fmt = LevelFormat.for_values([3.0, 3.4, 5.6], published=[3.0, 3.4, 5.6], unit="%")
    assert fmt.decimals == 1
    table = track_record_table(_share_record(), fmt)
    # the 3.25% claim was "3.2" (the history's one decimal); "more than 4" as published
    assert table["Forecast"].tolist() == ["3.25", "> 4"]
    assert table["Actual"].tolist() == ["3.4", "3.4"]
    # 3.25 / 3.4 - 1 = -4.4%; 4.0 / 3.4 - 1 = +17.6%
    assert table["Error"].tolist() == ["-4.4%", "+17.6%"]


def test_the_track_record_chart_labels_a_claim_as_the_table_prints_it() -> None:
    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.charts import plot_claims
    from idcforecast.report.sections.claims_and_scenarios import track_record_table

    fmt = LevelFormat.for_values([3.0, 3.4, 5.6], published=[3.0, 3.4, 5.6], unit="%")
    fig = plot_claims(_share_record(), figures=fmt)
    labels = sorted(t.get_text() for t in fig.axes[0].texts)
    # the "more than 4" percent claim was labelled ">4.0" beside the table's "> 4"
    assert labels == ["a (2021): 3.25", "b (2021): > 4"]
    table = track_record_table(_share_record(), fmt)
    assert [label.split(": ")[1] for label in labels] == table["Forecast"].tolist()


def test_the_claims_table_says_undetermined_and_what_a_partial_verdict_rests_on() -> None:
    from idcforecast.claim_checks import check_claims
    from idcforecast.datasets import load_dataset
    from idcforecast.report.sections.claims_and_scenarios import claims_table

    checks = check_claims(load_dataset("published_forecasts"), history="bundled")
    verdict = dict(zip(checks["claim_set"], claims_table(checks)["Verdict"], strict=True))
    # CAICT: its only rate (growth 9.8% in 2021) has no 2020 level to check against, so
    # check_claims' verdict is NA, "undetermined" (the report said "not checkable")
    assert verdict["caict_whitepaper_2022"] == "undetermined"
    # IDC: "consistent" rests on the CAGR, not on its growth 12.7% in 2022 (no 2021 level)
    # nor on its stated 2022 level (the actual comes from the same article): the table says so
    assert verdict["idc_corp_2023_08"] == "consistent\nchecked: CAGR 18.9% 2022-2027"
    # every claim of these sets was checked: the verdict alone
    assert verdict["global_times_2020_07_07"] == "inconsistent"
    assert verdict["kezhi_2020_07"] == "consistent"


def test_the_summary_says_which_claim_sets_are_undetermined() -> None:
    # "0 of 1 claim sets about this series are internally inconsistent" for the CAICT
    # set, whose only rate could not be checked: read as found consistent
    from types import SimpleNamespace

    from idcforecast.report.sections.overview import _claims_lines

    checks = pd.DataFrame(
        {
            "claim_set": ["caict_whitepaper_2022", "x"],
            "consistent": pd.array([pd.NA, True], dtype="boolean"),
        }
    )
    ctx = SimpleNamespace(claims=checks, track_record=None)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    assert line == (
        "**Published claims:** 0 of 2 claim sets about this series are internally "
        "inconsistent; the consistency of 1 is undetermined (caict_whitepaper_2022; the "
        "Claims table says why)."
    )
    ctx = SimpleNamespace(claims=checks.iloc[[1]], track_record=None)
    assert _claims_lines(ctx) == [  # type: ignore[arg-type]
        "**Published claims:** 0 of 1 claim sets about this series are internally inconsistent."
    ]


def test_a_set_consistent_only_on_derived_levels_or_bounds_is_counted_apart() -> None:
    # "growth 39.3% in 2015" fits the 2014 level derived from it (518.6 / 1.393 = 372.3):
    # the summary counted it with the published fits ("0 of 2 ... inconsistent") and the
    # Claims table said "consistent"
    from types import SimpleNamespace

    from idcforecast.report.sections.claims_and_scenarios import claims_table
    from idcforecast.report.sections.overview import _claims_lines

    checks = pd.DataFrame(
        {
            "claim_set": ["circular", "x"],
            "claims": ["growth 39.3% in 2015", "growth 27.2% in 2019"],
            "consistent": pd.array([True, True], dtype="boolean"),
            "derived_only": [True, False],
            "bound_only": [False, True],
            "fits": ["1 step from 2014 (on derived levels only)", "1 step from 2018"],
            "checked": ["growth 39.3% in 2015", "growth 27.2% in 2019"],
            "explanation": ["..."] * 2,
        }
    )
    ctx = SimpleNamespace(claims=checks, track_record=None)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    assert line == (
        "**Published claims:** 0 of 2 claim sets about this series are internally "
        "inconsistent; 1 is consistent on derived levels only (circular; not published "
        "figures); 1 is consistent only with actuals published as bounds (x; the rates are "
        "not confirmed)."
    )
    assert claims_table(checks)["Verdict"].tolist() == [
        "consistent\non derived levels only",
        "consistent\nwith bounds only",
    ]


def test_the_claims_heading_is_not_left_alone_at_the_foot_of_a_page(tmp_path) -> None:
    # china_idc_caict: the heading and its paragraph ended page 2, the table opened page 3
    import re

    from pypdf import PdfReader

    from idcforecast import build_report

    out = build_report(
        series_id="china_idc_caict", method="drift", out=tmp_path / "c.pdf", date="2026-01-01"
    )
    pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(out).pages]
    (page,) = [p for p in pages if "Claims and track record Growth claims" in p]
    # (the Claims table spells the unit out as the other tables: "CNY 100 million")
    assert "unattributed_2024 level 2,407 CNY 100 million" in page


def test_the_report_says_open_where_a_bounded_actual_leaves_a_forecast_open() -> None:
    # the 2022 actual published as "more than 4,043.2": the forecast 4,100 held if the
    # true value was at most 4,100 / 0.95 = 4,315.8 and missed above, and "more than
    # 3,200.5" holds at every level above 4,043.2. The report said "yes" for both
    from types import SimpleNamespace

    from idcforecast.claim_track_record import track_record
    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.charts import plot_claims
    from idcforecast.report.sections.claims_and_scenarios import track_record_table
    from idcforecast.report.sections.overview import _claims_lines

    history = HISTORY.assign(qualifier=["exact", "exact", "exact", "at_least", "exact"])
    claims = [
        Claim(
            subject=SUBJECT,
            kind="level",
            value=4100.0,
            unit=UNIT,
            year=2022,
            made="2020",
            claim_set="a",
        ),
        Claim(
            claim_set="b",
            subject=SUBJECT,
            kind="level",
            value=3200.5,
            qualifier="at_least",
            unit=UNIT,
            year=2022,
            made="2020",
        ),
    ]
    record = track_record(claims, history)
    table = track_record_table(record, LevelFormat(1, 0))
    assert dict(zip(table["Forecast"], table["Held"], strict=True)) == {
        "4,100": "open",
        "> 3,200.5": "yes",
    }
    ctx = SimpleNamespace(claims=None, track_record=record)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    # no error for the open point forecast: +1.4% (4,100 / 4,043.2 - 1) is from the floor
    assert line == (
        "**Published forecasts:** 2 came due; 1 held, 1 open (the actual is a bound): the "
        "point forecast against an actual published as a bound ('more than') is open; the "
        "one published as a bound ('more than') held."
    )
    legend = [t.get_text() for t in plot_claims(record).axes[0].get_legend().get_texts()]
    assert "open" in legend and "no actual yet" not in legend
