"""The report's Claims table says what check-claims says (claims57): a set's rate fitting on
derived levels only beside a stated level is "the rate on derived levels only"; the claims
given that were left out of the checks ("?-2030") are named under the table (they were a
note on standard error alone); and "The rates are measured in CNY, ..." is said once of
every set it concerns, not in full in each set's explanation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import build_report, check_claims, read_claims
from idcforecast.errors import UncheckedClaimsWarning
from idcforecast.report.sections.claims_and_scenarios import claims_table


def test_the_claims_table_says_the_rate_is_on_derived_levels_as_check_claims_does() -> None:
    # the bundled 2015 growth 39.3% fits only the derived 2014 level (518.6 / 1.393 =
    # 372.29, the 2014 row's own arithmetic); the 2016 level 714.5 stated beside it matches
    # a published actual, which checks no rate (check-claims: "yes, the rate on derived
    # levels only"; the table said "on derived levels only" of the whole set)
    claims = read_claims(
        [
            {"claim_set": "a", "subject": "china_idc_cidc_overall", "kind": "growth",
             "year": 2015, "value": 39.3, "made": "2017"},
            {"claim_set": "a", "subject": "china_idc_cidc_overall", "kind": "level",
             "year": 2016, "value": "714.5亿元", "made": "2017"},
            {"claim_set": "b", "subject": "china_idc_cidc_overall", "kind": "growth",
             "year": 2015, "value": 39.3},
        ]
    )  # fmt: skip
    verdicts = claims_table(check_claims(claims, history="bundled"))["Verdict"].tolist()
    assert verdicts == [
        "consistent\nthe rate on derived levels only",
        "consistent\non derived levels only",
    ]


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def test_the_claims_section_names_left_out_claims_and_says_the_currency_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    folder = Path("figures")
    folder.mkdir()
    (folder / "a.csv").write_text("year,value,source\n2018,1228,CIDC 2019\n2019,1562.5,CIDC\n")
    (folder / "b.csv").write_text("year,value,source\n2020,2238.7,CIDC\n2021,3012.7,CIDC\n")
    Path("claims.csv").write_text(
        "claim_set,subject,kind,period,value\n"
        "gt,cidc,cagr,2020-2022,27.8%\n"
        "gt,cidc,level,2022,3200亿元\n"
        "x,cidc,growth,2021,10%\n"
        "z,cidc,growth,2020,5%\n"
        "y,cidc,growth,?-2030,160%\n",
        encoding="utf-8",
    )
    with pytest.warns(UncheckedClaimsWarning):  # still given, as check-claims gives it
        path = build_report(
            data=folder,
            series_id="cidc",
            to=2024,
            method="drift",
            out="r.pdf",
            date="2026-01-01",
            read_options={"unit": "CNY 100m"},
            claims="claims.csv",
        )
    text = _text(path)
    # gt misses: 3200 / 1.278 ** 2 = 1,959.2 against 2,238.7 (-12.5%); x and z, rates with
    # no level of money, miss too: 2238.7 * 1.10 = 2,462.6 against 3,012.7 (-18.3%),
    # 1562.5 * 1.05 = 1,640.6 against 2,238.7 (-26.7%)
    assert "the 2-step reading is off by -12.5%" in text
    assert "implies 2,462.6 in 2021" in text and "implies 1,640.6 in 2020" in text
    # said once, of both sets' rates (was in full in each of their explanations)
    assert "The rates are measured in CNY" not in text
    assert text.count("are measured in CNY, the series' currency") == 1
    assert "The rates of sets x and z are measured in CNY, the series' currency" in text
    # the left-out row, named under the table (stderr alone before)
    assert (
        "Left out of these checks: 1 claim given, the first year of its period unknown: "
        "file 'claims.csv' row 6 ('160%', period '?-2030': a rate over the years to 2030 "
        "with no first year to compound from)."
    ) in text


def test_the_overview_words_a_rate_on_derived_levels_per_set_as_the_table_does() -> None:
    # claims58: the overview said "2 are consistent on derived levels only (a; b; ...)" of
    # both sets, while set a's stated 2016 level (714.5) matches a published actual and
    # only its rate fits the derived 2014 level (518.6 / 1.393 = 372.29); the Claims table
    # says "the rate on derived levels only" of a, "on derived levels only" of b
    from types import SimpleNamespace

    from idcforecast.report.sections.overview import _claims_lines

    claims = read_claims(
        [
            {"claim_set": "a", "subject": "china_idc_cidc_overall", "kind": "growth",
             "year": 2015, "value": 39.3, "made": "2017"},
            {"claim_set": "a", "subject": "china_idc_cidc_overall", "kind": "level",
             "year": 2016, "value": "714.5亿元", "made": "2017"},
            {"claim_set": "b", "subject": "china_idc_cidc_overall", "kind": "growth",
             "year": 2015, "value": 39.3},
        ]
    )  # fmt: skip
    ctx = SimpleNamespace(claims=check_claims(claims, history="bundled"), track_record=None)
    (line,) = _claims_lines(ctx)  # type: ignore[arg-type]
    assert line == (
        "**Published claims:** 0 of 2 claim sets about this series are internally "
        "inconsistent; 1 is consistent on derived levels only (b; not published figures); "
        "1 is consistent, the rate on derived levels only (a; not published figures)."
    )
