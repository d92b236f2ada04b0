"""Claims, claim checks and the track record: the must-show numbers, readings, errors.

Reference numbers are hand arithmetic (in the comments), not the code under test.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from idcforecast.claim_checks import check_claims, claim_readings
from idcforecast.claim_track_record import track_record
from idcforecast.claims import Claim, parse_period, read_claims
from idcforecast.datasets import load_dataset
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    GrowthError,
    IncompatibleUnitsError,
    SpecError,
    UnknownSubjectError,
)
from idcforecast.io import read_series

SUBJECT = "china_idc_cidc_overall"
UNIT = "CNY 100m"

# The published CIDC levels (亿元), and the derived 2022 = 5078.3 / 1.256 = 4043.2
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

SEED = [
    Claim(
        subject=SUBJECT,
        kind="cagr",
        value=27.8,
        start_year=2020,
        year=2022,
        claim_set="seed",
        made="2020-07-07",
    ),
    Claim(
        subject=SUBJECT,
        kind="level",
        value=3200.0,
        unit=UNIT,
        year=2022,
        claim_set="seed",
        made="2020-07-07",
    ),
]


def test_seed_article_readings() -> None:
    readings = claim_readings(SEED, history=HISTORY).set_index("base_year")
    assert readings["steps"].to_dict() == {2020: 2, 2019: 3}
    # 3200 / 1.278 ** 2 = 3200 / 1.633284 = 1959.24; 3200 / 1.278 ** 3 = 3200 / 2.087337 = 1533.05
    assert readings.loc[2020, "implied_base"] == pytest.approx(1959.24, abs=0.01)
    assert readings.loc[2019, "implied_base"] == pytest.approx(1533.05, abs=0.01)
    # vs the 2020 actual: 1959.24 / 2238.7 - 1 = -0.12483 (misses by about 12%)
    assert readings.loc[2020, "gap"] == pytest.approx(-0.12483, abs=1e-5)
    # vs the 2019 actual: 1533.05 / 1562.5 - 1 = -0.01885
    assert readings.loc[2019, "gap"] == pytest.approx(-0.01885, abs=1e-5)
    # 1562.5 -> 3200 over three steps: (3200 / 1562.5) ** (1 / 3) - 1 = 2.048 ** (1/3) - 1 = 0.26992
    assert readings.loc[2019, "implied_rate"] == pytest.approx(0.26992, abs=1e-5)
    assert readings["fits"].tolist() == [False, False]


def test_seed_article_summary_row() -> None:
    row = check_claims(SEED, history=HISTORY).iloc[0]
    assert not row["consistent"]
    assert row["fits"] == "none"
    assert row["reading"] == "3 steps from 2019"
    assert row["reference"] == "actual"
    # outcome: 3200 / 4043.2 - 1 = -0.20855
    assert row["end_gap"] == pytest.approx(-0.20855, abs=1e-5)
    assert bool(row["actual_derived"]) is True
    assert row["explanation"] == (
        "CAGR 27.8% 2020-2022 reaching 3,200 CNY 100m in 2022 implies a base of 1,959.2 in "
        "2020 (2 steps) or 1,533.1 in 2019 (3 steps). Against the 2020 level of 2,238.7 "
        "(actual), the 2-step reading is off by -12.5% (outside the 1.0% tolerance). Against "
        "the 2019 level of 1,562.5 (actual), the 3-step reading is off by -1.9% (outside the "
        "1.0% tolerance). No reading fits; the closest (3 steps from 2019) would need 27.0% a "
        "year, not 27.8%. Outcome: the 2022 actual was 4,043.2 (derived); the claimed 3,200 "
        "undershot the actual by 20.9%."
    )


def test_a_wider_tolerance_lets_the_three_step_reading_fit() -> None:
    # "320 billion" is a rounded figure: at 2% the -1.9% gap of the 2019 reading fits.
    row = check_claims(SEED, history=HISTORY, tolerance=0.02).iloc[0]
    assert bool(row["consistent"]) is True
    assert row["fits"] == "3 steps from 2019"


def test_without_history_nothing_is_decided() -> None:
    row = check_claims(SEED).iloc[0]
    assert row["consistent"] is pd.NA
    assert row["fits"] == (
        "not checkable: no level for 2020 or 2019, in the set (checked without history)"
    )
    assert row["checked"] == ""
    assert row["implied_base"] == pytest.approx(1959.24, abs=0.01)  # first reading shown
    assert row["explanation"].endswith(
        "Nothing contradicts itself; checked against each other only (no actuals given)."
    )


def test_a_claimed_base_is_preferred_to_the_actual() -> None:
    claims = [
        Claim(subject=SUBJECT, kind="level", value=1562.5, unit=UNIT, year=2019, made="2020"),
        Claim(subject=SUBJECT, kind="cagr", value=27.0, start_year=2019, year=2022, made="2020"),
        Claim(subject=SUBJECT, kind="level", value=3200.5, unit=UNIT, year=2022, made="2020"),
    ]
    readings = claim_readings(claims, history=HISTORY)
    first = readings.iloc[0]
    assert (first["reading"], first["reference"]) == ("3 steps from 2019", "claimed")
    # 3200.5 / 1.27 ** 3 = 3200.5 / 2.048383 = 1562.45, 0.003% under the claimed 1562.5
    assert first["implied_base"] == pytest.approx(1562.45, abs=0.01)
    assert bool(first["fits"]) is True


def test_bundled_claim_sets() -> None:
    table = check_claims(load_dataset("published_forecasts"), history="bundled")
    rows = table.set_index("claim_set")
    assert not bool(rows.loc["global_times_2020_07_07", "consistent"])
    # kezhi: more than 2000 in 2020 after 29% growth implies a 2019 base of more than
    # 2000 / 1.29 = 1550.39, and the 2019 actual 1562.5 is above it: consistent.
    assert bool(rows.loc["kezhi_2020_07", "consistent"]) is True
    assert rows.loc["kezhi_2020_07", "implied_base"] == pytest.approx(1550.39, abs=0.01)
    # IDC Corp: 1.189 ** 5 = 2.376344; 3075 / 2.376344 = 1294.00 vs the stated 1293.5
    assert rows.loc["idc_corp_2023_08", "implied_base"] == pytest.approx(1294.00, abs=0.01)
    assert bool(rows.loc["idc_corp_2023_08", "consistent"]) is True
    # 2407 / 1.2668 = 1900.06 against "more than 2200" in 2022: 1900.06 / 2200 - 1 = -0.13634
    assert rows.loc["unattributed_2024", "gap"] == pytest.approx(-0.13634, abs=1e-5)
    assert bool(rows.loc["unattributed_2024", "consistent"]) is False
    # the CIDC report: at least 3200.5 in 2022 against 4043.2: 3200.5 / 4043.2 - 1 = -0.20842
    assert rows.loc["cidc_2019_2020_report", "end_gap"] == pytest.approx(-0.20842, abs=1e-5)


# -- track record ------------------------------------------------------------------------


def test_track_record_of_the_bundled_forecasts() -> None:
    record = track_record().set_index("claim_id")
    row = record.loc["cidc_2019_2020_report/level_2022"]
    # ">3200.5" against the derived 4043.2: held, but undershot by 3200.5 / 4043.2 - 1 = -20.8%
    assert row["error"] == pytest.approx(-0.20842, abs=1e-5)
    # log(3200.5 / 4043.2) = log(0.791576) = -0.23373
    assert row["log_error"] == pytest.approx(-0.23373, abs=1e-5)
    assert row["direction"] == "undershoot"
    assert bool(row["held"]) is True
    assert bool(row["actual_derived"]) is True
    assert (row["horizon"], bool(row["forecast"])) == (2, True)
    seed = record.loc["global_times_2020_07_07/level_2022"]
    assert bool(seed["held"]) is False  # an exact 3200 is 20.9% off, beyond 5%
    pending = record.loc["idc_corp_2023_08/level_2027"]
    assert pending["status"] == "no actual yet (latest 2022)"
    assert pd.isna(pending["error"])
    assert (record["status"] == "realised").sum() == 7


def test_track_record_honours_bounds_and_tolerance() -> None:
    claims = [
        Claim(subject=SUBJECT, kind="level", value=2500, unit=UNIT, year=2020, qualifier="at_most"),
        Claim(subject=SUBJECT, kind="level", value=2300, unit=UNIT, year=2020, claim_set="b"),
        Claim(subject=SUBJECT, kind="level", value=2300, unit=UNIT, year=2021, claim_set="c"),
    ]
    record = track_record(claims, HISTORY, tolerance=0.05).set_index("year")
    # at most 2500 vs 2238.7: held, an overshoot of 2500 / 2238.7 - 1 = 11.7%
    assert record["held"].tolist() == [True, True, False]
    # 2300 / 2238.7 - 1 = 0.0274 (within 5%); 2300 / 3012.7 - 1 = -0.2366
    assert record["error"].round(4).tolist() == [0.1167, 0.0274, -0.2366]
    assert record["direction"].tolist() == ["overshoot", "overshoot", "undershoot"]
    assert record["horizon"].isna().all()  # no "made": horizon unknown, not invented


# -- reading claims ----------------------------------------------------------------------


def test_parse_period() -> None:
    assert parse_period("2020-22") == (2020, 2022)
    assert parse_period("2020–2022") == (2020, 2022)
    assert parse_period("1998-02") == (1998, 2002)
    # brokers mark a period's estimated years: "CAGR 2022-2027E" was "not two years"
    for text in ("2022-2027E", "2022E-2027E", "2022-27F", "2022 to 2027e"):
        assert parse_period(text) == (2022, 2027), text
    with pytest.raises(SpecError, match=re.escape("period 'soon' is not two years")):
        parse_period("soon")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # units24: Chinese periods and five-year plans were "not two years"
        ("2020年至2022年", (2020, 2022)),
        ("2020-2022年", (2020, 2022)),
        ("2020年-2022年", (2020, 2022)),
        ("2020到2022年", (2020, 2022)),
        ("2020～2022年", (2020, 2022)),
        ("from 2020 to 2022", (2020, 2022)),
        ("2020 through 2022", (2020, 2022)),
        # the 3rd plan was 1966-1970, one every five years since: the 14th is 2021-2025
        ("十四五", (2021, 2025)),
        ("“十四五”期间", (2021, 2025)),
        ("十三五时期", (2016, 2020)),
        ("十一五", (2006, 2010)),
        ("十五", (2001, 2005)),
        ("十五五规划", (2026, 2030)),
    ],
)
def test_parse_period_chinese_and_plans(text: str, years: tuple[int, int]) -> None:
    assert parse_period(text) == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("FY20-FY22", (2020, 2022)),  # brokers' two-digit fiscal years: "not two years"
        ("FY20-22", (2020, 2022)),
        ("CY21-23", (2021, 2023)),
        ("FY98-FY02", (1998, 2002)),
        ("2021-2025年（十四五）", (2021, 2025)),  # a plan named beside its years
        ("十四五（2021-2025年）", (2021, 2025)),
        ("“十四五”（2021-2025）", (2021, 2025)),
    ],
)
def test_parse_period_two_digit_fiscal_years_and_a_plan_beside_its_years(
    text: str, years: tuple[int, int]
) -> None:
    assert parse_period(text) == years


def test_a_plan_beside_other_years_and_a_bare_two_digit_period_are_errors() -> None:
    with pytest.raises(SpecError, match=r"the years 2021-2024 are not those of the plan '十四五'"):
        parse_period("2021-2024（十四五）")
    with pytest.raises(SpecError, match="is not two years"):
        parse_period("20-22")  # no "FY": no year


def test_a_period_that_is_no_period_names_the_forms() -> None:
    with pytest.raises(SpecError) as info:
        parse_period("2020 onwards")  # ("FY2020-FY2022" is read since claims40)
    # (claims52: one year says which end it is and what to add; "is not two years" did not)
    assert str(info.value) == (
        "period '2020 onwards' names one year, 2020, its start; a rate over a period runs "
        "from a first year to a last one: give both, '2020-YYYY' with YYYY the last year the "
        "rate runs to"
    )
    with pytest.raises(SpecError) as info:
        parse_period("2020 or so")
    assert str(info.value) == (
        "period '2020 or so' names one year, 2020, alone; a rate over a period runs from a "
        "first year to a last one: give both, 'YYYY-2020' or '2020-YYYY' with YYYY the other "
        "year"
    )
    with pytest.raises(SpecError) as info:
        parse_period("20 onwards")  # no year at all: the forms
    assert str(info.value) == (
        "period '20 onwards' is not two years; expected a form like '2020-22', "
        "'2020-2022', '2020 to 2022', '2020年至2022年' or a five-year plan such as '十四五'"
    )


def test_a_five_year_plan_claim_is_read_from_both_bases() -> None:
    # "十四五" CAGR 20% reaching 7200 in 2025: 5 steps from 2020 imply 7200 / 1.2**5 =
    # 7200 / 2.48832 = 2893.5; 4 steps from 2021 imply 7200 / 2.0736 = 3472.2
    claims = read_claims(
        [
            {"subject": "s", "kind": "cagr", "period": "十四五", "value": 20, "claim_set": "p"},
            {
                "subject": "s",
                "kind": "level",
                "year": 2025,
                "value": 7200,
                "unit": "count",
                "claim_set": "p",
            },
        ]
    )
    assert (claims[0].start_year, claims[0].year) == (2021, 2025)
    readings = claim_readings(claims, history=None)
    assert sorted(readings["steps"]) == [4, 5]
    bases = dict(zip(readings["steps"], readings["implied_base"], strict=True))
    assert bases[5] == pytest.approx(2893.52, abs=0.01)
    assert bases[4] == pytest.approx(3472.22, abs=0.01)


def test_toml_claims_with_figure_text(tmp_path: Path) -> None:
    path = tmp_path / "seed.toml"
    path.write_text(
        'claim_set = "seed"\nmade = "2020-07-07"\n'
        f'[[claims]]\nsubject = "{SUBJECT}"\nkind = "cagr"\nperiod = "2020-22"\nvalue = "27.8%"\n'
        f'[[claims]]\nsubject = "{SUBJECT}"\nkind = "level"\nyear = 2022\n'
        f'value = "320 billion yuan"\nunit = "{UNIT}"\n',
        encoding="utf-8",
    )
    claims = read_claims(path)
    assert [c.describe() for c in claims] == [
        "CAGR 27.8% 2020-2022",
        "level 3,200 CNY 100m in 2022",
    ]
    assert {c.claim_set for c in claims} == {"seed"}
    assert check_claims(path, history=HISTORY).iloc[0]["fits"] == "none"


def test_figure_text_keeps_its_unit_and_qualifier(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        f"subject,kind,year,value\n{SUBJECT},level,2022,more than 3200.5亿元\n", encoding="utf-8"
    )
    (claim,) = read_claims(path)
    assert (claim.value, claim.unit, claim.qualifier) == (3200.5, UNIT, "at_least")


def test_csv_round_trip_of_the_bundled_claims(tmp_path: Path) -> None:
    frame = load_dataset("published_forecasts")
    path = tmp_path / "claims.csv"
    frame.to_csv(path, index=False)
    assert read_claims(path) == read_claims(frame)
    assert len(read_claims(path)) == len(frame)


def test_excel_and_list_of_dicts_claims(tmp_path: Path) -> None:
    # Excel claim files used to be refused ("expected a .csv or .toml file, found '.xlsx'")
    frame = load_dataset("published_forecasts")
    path = tmp_path / "claims.xlsx"
    frame.to_excel(path, index=False)
    assert read_claims(path) == read_claims(frame)
    # a date typed into Excel reads back as "2020-07-07 00:00:00"
    dated = tmp_path / "dated.xlsx"
    frame.assign(made=pd.Timestamp("2020-07-07")).to_excel(dated, index=False)
    assert {c.made for c in read_claims(dated)} == {"2020-07-07"}
    records = [{"subject": SUBJECT, "kind": "growth", "year": 2020, "value": 43.3}]
    assert read_claims(records) == [Claim(subject=SUBJECT, kind="growth", year=2020, value=43.3)]


# a claims CSV saved by Excel on Chinese Windows is GBK: 科 is b"\xbf\xc6", and 0xbf cannot
# start a UTF-8 character; it is byte 82 (a 32-byte header line, then 50 bytes before 科)
GBK_CLAIMS = f"subject,kind,year,value,unit,by\n{SUBJECT},level,2022,3200.5,{UNIT},科智咨询\n"
NOT_UTF8 = (
    "the file is not utf-8 text (invalid start byte at byte 82); pass encoding='gb18030' "
    "(--encoding gb18030) for a CSV saved by Excel on Chinese Windows (GBK), "
    "encoding='cp932' for Japanese Windows (Shift-JIS), encoding='cp949' for Korean, "
    "encoding='cp1252' for Western Windows, or save it as 'CSV UTF-8'"
)


def test_a_gbk_claims_file_needs_its_encoding_named(tmp_path: Path) -> None:
    # used to raise pandas' UnicodeDecodeError from read_claims and every function on it
    path = tmp_path / "gbk.csv"
    path.write_bytes(GBK_CLAIMS.encode("gbk"))
    message = f"claims file '{path}': {NOT_UTF8}"
    for read in (read_claims, check_claims, claim_readings, track_record):
        with pytest.raises(DataError, match=re.escape(message) + "$"):
            read(path)
    (claim,) = read_claims(path, encoding="gb18030")
    assert (claim.value, claim.unit, claim.by) == (3200.5, UNIT, "科智咨询")
    assert check_claims(path, encoding="gb18030").iloc[0]["claims"] == (
        "level 3,200.5 CNY 100m in 2022"
    )
    assert track_record(path, encoding="gb18030")["value"].tolist() == [3200.5]


def test_a_gbk_toml_claims_file_needs_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    text = f'by = "科智咨询"\n[[claims]]\nsubject = "{SUBJECT}"\nkind = "growth"\n'
    path.write_bytes((text + "year = 2020\nvalue = 43.3\n").encode("gbk"))
    # by = " is 6 bytes: 科 (0xbf, not a UTF-8 start byte) is byte 6
    with pytest.raises(DataError, match=re.escape("(invalid start byte at byte 6)")):
        read_claims(path)
    (claim,) = read_claims(path, encoding="gb18030")
    assert (claim.by, claim.value) == ("科智咨询", 43.3)


def test_bad_claims_encoding() -> None:
    message = "read_claims: encoding='gbk18030' is not a text encoding; expected a name such as"
    with pytest.raises(DataError, match=re.escape(message)):
        read_claims("claims.csv", encoding="gbk18030")
    message = (
        "read_claims: encoding='gbk' applies to a .csv or .toml file, not to a DataFrame; "
        "drop encoding="
    )
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        read_claims(load_dataset("published_forecasts"), encoding="gbk")


def test_a_claims_file_with_a_header_only(tmp_path: Path) -> None:
    # used to reach check_claims as "no claims given", without naming the file
    path = tmp_path / "empty.csv"
    path.write_text("subject,kind,year,value,unit\n", encoding="utf-8")
    message = (
        f"claims file '{path}' has no rows; write one claim per row under the header "
        "(subject, kind, year, value, ...)"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        read_claims(path)


def test_one_step_is_said_in_the_singular() -> None:
    # were "(1 steps); the actual was" and "over 1 steps"
    # growth 43.3% from the 2019 actual 1562.5: 1562.5 * 1.433 = 2239.1; actual 2238.7,
    # 2239.1 / 2238.7 - 1 = +0.0%
    growth = Claim(subject=SUBJECT, kind="growth", value=43.3, year=2020)
    text = check_claims([growth], history=HISTORY).iloc[0]["explanation"]
    assert (
        "growth 43.3% in 2020 from the 2019 level of 1,562.5 (actual) implies 2,239.1 in 2020 "
        "(1 step); the actual was 2,238.7, off by +0.0%"
    ) in text
    # two levels a year apart: (2238.7 / 1562.5) - 1 = 43.3%
    levels = [
        Claim(subject=SUBJECT, kind="level", value=1562.5, unit=UNIT, year=2019),
        Claim(subject=SUBJECT, kind="level", value=2238.7, unit=UNIT, year=2020),
    ]
    text = check_claims(levels).iloc[0]["explanation"]
    assert "From 1,562.5 in 2019 to 2,238.7 in 2020 is a CAGR of 43.3% over 1 step." in text


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        # the start's qualifier used to be dropped: "From 1,562.5 ... is a CAGR of 27.0%"
        (
            "at_least",
            "exact",
            "From more than 1,562.5 in 2019 to 3,200.5 in 2022 is a CAGR of "
            "at most 27.0% over 3 steps.",
        ),
        (
            "exact",
            "at_least",
            "From 1,562.5 in 2019 to more than 3,200.5 in 2022 is a CAGR of "
            "at least 27.0% over 3 steps.",
        ),
        # was "at least 27.0%": the bound is only as sure as the "about" start
        (
            "approximately",
            "at_least",
            "From about 1,562.5 in 2019 to more than 3,200.5 in 2022 is a CAGR of "
            "about 27.0% or more over 3 steps.",
        ),
        # used to say "at least 27.0%": a higher start could make it anything
        (
            "at_least",
            "at_least",
            "From more than 1,562.5 in 2019 to more than 3,200.5 in 2022 "
            "bounds no CAGR (a higher start lowers it, a higher end raises it).",
        ),
    ],
)
def test_two_levels_bound_the_cagr_by_both_qualifiers(start: str, end: str, said: str) -> None:
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987 (tests/test_growth.py); the same bounds
    # as idcforecast.cagr_bounds and the cagr command
    levels = [
        Claim(subject=SUBJECT, kind="level", value=1562.5, unit=UNIT, year=2019, qualifier=start),
        Claim(subject=SUBJECT, kind="level", value=3200.5, unit=UNIT, year=2022, qualifier=end),
    ]
    assert said in check_claims(levels).iloc[0]["explanation"]


# -- errors ------------------------------------------------------------------------------


def test_unknown_subject() -> None:
    claim = Claim(subject="china_idc", kind="level", value=1.0, unit=UNIT, year=2020)
    message = (
        "claim 'china_idc/level_2020': subject 'china_idc' has no history (series in the "
        "history: china_idc_cidc_overall); use one of those series ids as the subject, or "
        "pass history=None to check the claims against each other only"
    )
    with pytest.raises(UnknownSubjectError, match=re.escape(message)):
        check_claims([claim], history=HISTORY)
    # track_record has no history= argument: its message names actuals and its own way out
    # (it used to repeat check_claims' "pass history=None ...")
    actuals_message = (
        "claim 'china_idc/level_2020': subject 'china_idc' has no actuals (series in the "
        "actuals: china_idc_cidc_overall); use one of those series ids as the subject, or "
        "pass actuals=None to use each subject's bundled series"
    )
    with pytest.raises(UnknownSubjectError, match=re.escape(actuals_message) + "$"):
        track_record([claim], HISTORY)
    # against the bundled series: the message names both ways out (uat9: it named none)
    bundled = (
        "claim 'china_idc/level_2020': subject 'china_idc' is no bundled series (series "
        "'china_idc' is in no bundled dataset; did you mean 'china_idc_caict'? list the ids with "
        "load_dataset(name)['series_id'].unique()); check it against your own actuals with "
    )
    with pytest.raises(UnknownSubjectError) as err:
        check_claims([claim], history="bundled")
    assert str(err.value) == (
        f"{bundled}history=<a frame> holding series 'china_idc', or pass history=None to "
        "check the claims against each other only"
    )
    with pytest.raises(UnknownSubjectError) as err:
        track_record([claim])
    assert str(err.value) == f"{bundled}actuals=<a frame> holding series 'china_idc'"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"kind": "trend", "value": 1.0, "year": 2020},
            "claim 'x': kind 'trend' is not one of level, growth, cagr; a claim states a level, "
            "a year-on-year growth or a CAGR",
        ),
        (
            {"kind": "level", "value": 1.0, "year": 2020},
            # claims40: a count ("1000个", "1,000 data centers") reads as a plain number, and
            # the message named only 'CNY 100m'
            "claim 'x': a level claim needs the unit of its value (e.g. 'CNY 100m'; 'count' "
            "for a number of things, such as '1000个' or '1,000 data centers', which read as "
            "plain numbers), found None",
        ),
        (
            {"kind": "growth", "value": 29.0, "year": 2020, "start_year": 2018},
            "claim 'x': a growth claim runs from 2019 to 2020, found start_year=2018; use "
            "kind='cagr' for a longer period",
        ),
        (
            {"kind": "cagr", "value": 27.8, "year": 2022},
            # the message said "found None": now what to give, in Python and in a file
            "claim 'x': a cagr claim needs the year its growth starts from: give start_year "
            "(2020 for a CAGR over 2020-2022); in a claims file a 'start_year' column, or a "
            "'period' column ('2020-2022') in place of 'year'",
        ),
        (
            {"kind": "cagr", "value": 27.8, "year": 2022, "start_year": 2023},
            "claim 'x': a cagr claim's start_year must be before its year 2022, found "
            "start_year=2023",
        ),
        (
            {"kind": "growth", "value": -100.0, "year": 2020},
            "claim 'x': a growth rate of -100% is impossible (a level cannot fall by 100% or more)",
        ),
        (
            {"kind": "cagr", "value": 0.278, "year": 2022, "start_year": 2020, "unit": "USD"},
            "claim 'x': a cagr claim is a percent (unit '%'), found unit 'USD'; give 27.8 for "
            "27.8%",
        ),
        (  # the horizon of such a forecast used to be silently unknown ("July 2020" is
            # read since claims40; "7/8/2020" has its day and month in either order)
            {"kind": "level", "value": 1.0, "year": 2022, "unit": UNIT, "made": "7/8/2020"},
            "claim 'x': made '7/8/2020' is not an ISO date; write the date the claim was "
            "published as YYYY, YYYY-MM or YYYY-MM-DD (e.g. '2020-07-07')",
        ),
        (  # a zero level raised ZeroDivisionError in check_claims; -5 "undershot by 100.2%"
            {"kind": "level", "value": 0.0, "year": 2020, "unit": UNIT},
            "claim 'x': a level claim must be a positive figure, found 0 CNY 100m; give the "
            "level as published (a fall is a growth claim with a negative percent)",
        ),
        (
            {"kind": "level", "value": -5.0, "year": 2020, "unit": UNIT},
            "claim 'x': a level claim must be a positive figure, found -5 CNY 100m; give the "
            "level as published (a fall is a growth claim with a negative percent)",
        ),
        (
            # ('over' is read as at_least since claims40, as in a figure's text)
            {"kind": "level", "value": 1.0, "year": 2020, "unit": UNIT, "qualifier": "overly"},
            "claim 'x': qualifier 'overly' is not one of exact, at_least, at_most, approximately "
            "(or words for one, as a figure's text gives them: 'more than', '>', '超过', 'less "
            "than', '不到', 'about', '约')",
        ),
    ],
)
def test_bad_claims(kwargs: dict, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        Claim(subject="x", **kwargs)


def test_bad_file_rows_name_the_file_and_row(tmp_path: Path) -> None:
    # rows as a spreadsheet (and read_series) numbers them: the header is row 1; this said
    # "row 1" for the first data row, line 2 of the file
    path = tmp_path / "bad.csv"
    path.write_text(f"subject,kind,year,value\n{SUBJECT},level,2020,\n", encoding="utf-8")
    message = (
        f"file '{path}' row 2: missing value; every claim needs subject, kind, year (or "
        "period) and value"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$") as info:
        read_claims(path)
    assert info.value.row == 2
    with pytest.raises(
        SpecError, match=re.escape("expected a .csv, .xlsx, .xls or .toml file, found '.txt'")
    ):
        (tmp_path / "c.txt").write_text("x", encoding="utf-8")
        read_claims(tmp_path / "c.txt")


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_bad_row_below_a_blank_line_is_named_as_in_the_file(tmp_path: Path, suffix: str) -> None:
    # a CSV's blank lines were dropped before counting (line 4 was "row 2"); an Excel
    # sheet's blank row was a claim missing everything ("row 2: missing subject, kind, value,
    # year"). Now both count as a spreadsheet shows them, as read_series does, and skip it.
    path = tmp_path / f"bad{suffix}"
    frame = pd.DataFrame(
        {
            "subject": [SUBJECT, "", SUBJECT],
            "kind": ["growth", "", "growth"],
            "year": ["2020", "", "2021"],
            "value": ["43.3", "", ""],
        }
    )
    if suffix == ".csv":
        path.write_text(
            f"subject,kind,year,value\n{SUBJECT},growth,2020,43.3\n\n{SUBJECT},growth,2021,\n",
            encoding="utf-8",
        )
    else:
        frame.to_excel(path, index=False)
    message = (
        f"file '{path}' row 4: missing value; every claim needs subject, kind, year (or "
        "period) and value"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        read_claims(path)


def test_claims_and_series_files_number_rows_alike(tmp_path: Path) -> None:
    # the same layout (header, a row, a blank line, a row missing its value) read both ways
    claims, series = tmp_path / "claims.csv", tmp_path / "series.csv"
    claims.write_text(
        f"subject,kind,year,value\n{SUBJECT},growth,2020,43.3\n\n{SUBJECT},growth,2021,\n",
        encoding="utf-8",
    )
    series.write_text("year,value\n2020,43.3\n\n2021,\n", encoding="utf-8")
    message = (
        f"file '{claims}' row 4: missing value; every claim needs subject, kind, year (or "
        "period) and value"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        read_claims(claims)
    message = (
        "series.csv row 4, column 'value': the value is blank but the row is not; expected a "
        "number or a figure (blank a whole row to skip it)"
    )
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        read_series(series)


def test_a_bad_frame_row_is_named_by_its_index_label() -> None:
    # as read_series names a DataFrame's rows; this said "frame row 1" (the position + 1)
    frame = pd.DataFrame(
        {"subject": [SUBJECT], "kind": ["growth"], "year": [2020], "value": [None]}, index=[7]
    )
    message = (
        "DataFrame row 7: missing value; every claim needs subject, kind, year (or period) "
        "and value"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        read_claims(frame)


def test_a_table_without_the_claims_columns_is_a_table_error(tmp_path: Path) -> None:
    # a row-level "missing year" error used to name the first row of a file that has no
    # year column at all; a frame lacking a column likewise
    path = tmp_path / "c.csv"
    path.write_text(f"subject,kind,value,unit\n{SUBJECT},level,3200,{UNIT}\n", encoding="utf-8")
    tail = (
        "expected one claim per row with columns subject, kind, year (or period) and value "
        "(or low and high), optionally unit, start_year, qualifier, claim_set, claim_id, "
        "made, by, source, quote, confidence, note, alternate, currency"
    )
    message = (
        f"claims file '{path}' lacks the claims column year (or period) (found 4 columns: "
        f"subject, kind, value, unit); {tail}"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$") as info:
        read_claims(path)
    assert info.value.missing == ("year (or period)",)
    frame = HISTORY.rename(columns={"series_id": "subject"})
    message = (
        "claims DataFrame lacks the claims column kind (found 6 columns: subject, year, value, "
        f"unit, qualifier, derived); {tail}"
    )
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        read_claims(frame)


def test_a_level_in_an_unconvertible_unit() -> None:
    claim = Claim(subject=SUBJECT, kind="level", value=5.0, unit="MW", year=2020)
    with pytest.raises(
        IncompatibleUnitsError,
        match=re.escape(
            "claim 'china_idc_cidc_overall/level_2020': its level is in 'MW' but the subject "
            "'china_idc_cidc_overall' is in 'CNY 100m'"
        ),
    ):
        check_claims([claim], history=HISTORY)


def test_bad_tolerance() -> None:
    with pytest.raises(
        SpecError,
        match=re.escape(
            "tolerance must be a relative gap in [0, 1), as a fraction or a percent (0.01 = "
            "1%, or '1%'), found 5; for 5% write 0.05 or '5%'"
        ),
    ):
        check_claims(SEED, tolerance=5)


def test_a_tolerance_in_percent_text_is_read_as_the_cli_reads_it() -> None:
    # claims31: check-claims --tolerance 2% and the README's "or `2%`" worked, Python's
    # check_claims(tolerance="2%") was refused. 2% lets the 3-step reading fit (gap -1.9%)
    row = check_claims(SEED, history=HISTORY, tolerance="2%").iloc[0]
    same = check_claims(SEED, history=HISTORY, tolerance=0.02).iloc[0]
    assert (bool(row["consistent"]), row["fits"]) == (True, "3 steps from 2019")
    assert row["explanation"] == same["explanation"]
    record = track_record(SEED, HISTORY, tolerance=" 25 % ")
    assert record.equals(track_record(SEED, HISTORY, tolerance=0.25))
    for bad in ("x%", "2 pp", "-1%", "100%"):
        with pytest.raises(SpecError, match=re.escape(f"found {bad!r}")):
            check_claims(SEED, history=HISTORY, tolerance=bad)


def test_no_claims() -> None:
    message = (
        "check_claims: no claims given; pass a list of Claims, a claims frame or a .csv/.toml "
        "file with at least one claim"
    )
    with pytest.raises(SpecError, match=re.escape(message)):
        check_claims([])


def test_history_of_another_type_is_a_typed_error() -> None:
    # a Series used to be pandas' ValueError "The truth value of a Series is ambiguous"
    # (since claims40 a year-indexed Series is the history of the claims' one subject)
    message = "history: expected a tidy frame, 'bundled' or None, found list"
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        check_claims(SEED, history=[1562.5, 2238.7])


def test_an_empty_history_frame_says_so() -> None:
    message = (
        "claim 'seed/cagr_2022': subject 'china_idc_cidc_overall' has no history (series in "
        "the history: none, the frame is empty)"
    )
    with pytest.raises(UnknownSubjectError, match=re.escape(message)):
        check_claims(SEED, history=HISTORY.iloc[0:0])


def test_nothing_to_check_names_the_missing_base_year() -> None:
    # growth in 2019 reads from 2018, which HISTORY lacks; the text used to say "no
    # base-year level with an actual for 2019", leaving the reader to work out which year
    claim = Claim(subject=SUBJECT, kind="growth", value=27.2, year=2019)
    row = check_claims([claim], history=HISTORY).iloc[0]
    assert row["explanation"] == (
        "growth 27.2% in 2019: nothing to check it against (no level claimed for 2019, and "
        "no level for 2018 with an actual for 2019)."
    )


@pytest.mark.parametrize(("bad", "shown"), [(0.0, "0"), (float("nan"), "nan"), (-3.0, "-3")])
def test_an_actual_that_is_not_a_positive_level(bad: float, shown: str) -> None:
    # 0 raised ZeroDivisionError, -3 a math domain error (track_record) or "undershot the
    # actual by 4100.0%" (check_claims), NaN a "realised" row of NaN errors
    history = HISTORY.assign(value=HISTORY["value"].where(HISTORY["year"] != 2022, bad))
    claims = [Claim(subject=SUBJECT, kind="level", value=3200.0, unit=UNIT, year=2022)]
    for name, call in (
        ("history", lambda: check_claims(claims, history=history)),
        ("actuals", lambda: track_record(claims, history)),
    ):
        message = (
            f"{name}: series 'china_idc_cidc_overall' year 2022: value must be a positive "
            f"finite level, found {shown}; fix or drop that row"
        )
        with pytest.raises(DataError, match=re.escape(message) + "$"):
            call()


def test_an_empty_or_ragged_claims_csv_is_a_typed_error(tmp_path: Path) -> None:
    # was: pandas' EmptyDataError traceback; and a row with one field too many was read
    # shifted by a column ("value 'extra' is not a figure")
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    msg = f"claims file {str(empty)!r} is empty; expected a header row"
    with pytest.raises(EmptyDataError, match=re.escape(msg)):
        read_claims(empty)
    ragged = tmp_path / "ragged.csv"
    ragged.write_text("subject,kind,year,value\nchina_idc_cidc_overall,level,2022,3200,extra\n")
    msg = (
        f"claims file {str(ragged)!r} line 2 has 5 fields, the header 4: quote a cell that "
        'holds a comma ("1,562.5"), or remove the extra field'
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_claims(ragged)
    # a quoted comma is one field: read as a claim
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(
        'subject,kind,year,value,note\nchina_idc_cidc_overall,level,2022,3200亿元,"a, b"\n',
        encoding="utf-8",
    )
    assert [c.note for c in read_claims(quoted)] == ["a, b"]


def test_a_failed_rate_given_as_a_fraction_gets_a_hint() -> None:
    # 0.433 (meant 43.3%) from the 2019 actual 1562.5 to the 2020 actual 2238.7: the
    # levels need 2238.7 / 1562.5 - 1 = 43.3%, nearer 0.433 (as a fraction) than 0.433%
    fraction = Claim(subject=SUBJECT, kind="growth", value=0.433, year=2020)
    text = check_claims([fraction], history=HISTORY).iloc[0]["explanation"]
    # (followed by the currency the rate was measured in, claims54)
    assert (
        "The claimed value 0.433 is read as 0.433%; rates are in percent: if 43.3% was "
        "meant, give 43.3. The rates are measured in CNY" in text
    )
    # 0.9% is nearer the needed 43.3% than 90% is: no hint; and a fitting rate gets none
    for value in (0.9, 43.3):
        small = Claim(subject=SUBJECT, kind="growth", value=value, year=2020)
        text = check_claims([small], history=HISTORY).iloc[0]["explanation"]
        assert "rates are in percent" not in text and not text.endswith(" ")


def test_claims_headers_are_read_as_read_series_reads_them(tmp_path: Path) -> None:
    # Was: "lacks the claims columns subject, kind, ..." for " Subject", "KIND", "Period ".
    path = tmp_path / "claims.csv"
    path.write_text("Subject , Kind,Period ,VALUE\nx,cagr,2020-22,27.8\n", encoding="utf-8")
    frame = pd.DataFrame(
        {" subject": ["x"], "KIND": ["cagr"], "Period": ["2020-22"], "Value": [27.8]}
    )
    for source in (path, frame):
        (claim,) = read_claims(source)
        assert (claim.subject, claim.kind, claim.start_year, claim.year, claim.value) == (
            "x", "cagr", 2020, 2022, 27.8,
        )  # fmt: skip


def test_small_levels_keep_their_digits() -> None:
    # Was: one fixed decimal, "reaching 0.4 GW" for a 0.36 GW claim and a base of "0.2"
    # against a reference of "0.2". 1.15 ** 5 = 2.011357: 0.36 / 2.011357 = 0.17898 GW in
    # 2023 (5 steps), / 1.15 = 0.15564 in 2022 (6 steps); 180 MW = 0.18 GW.
    claims = [
        Claim(subject="vn", kind="cagr", value=15, start_year=2023, year=2028, claim_set="s"),
        Claim(subject="vn", kind="level", value=0.36, unit="GW", year=2028, claim_set="s",
              qualifier="at_least"),
        Claim(subject="vn", kind="level", value=180, unit="MW", year=2023, claim_set="s"),
    ]  # fmt: skip
    text = check_claims(claims).iloc[0]["explanation"]
    assert text.startswith(
        "CAGR 15% 2023-2028 reaching more than 0.36 GW in 2028 implies a base of more than "
        "0.179 in 2023 (5 steps) or more than 0.1556 in 2022 (6 steps). The 2023 level of "
        "0.18 (claimed) is above that floor (fits)."
    )


def _range_claims_file(tmp_path: Path, rate: str, level: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(
        f'claim_set = "x"\nmade = "2020-07"\n'
        f'[[claims]]\nsubject = "{SUBJECT}"\nkind = "cagr"\nperiod = "2020-22"\n'
        f'value = "{rate}"\n'
        f'[[claims]]\nsubject = "{SUBJECT}"\nkind = "level"\nyear = 2022\nvalue = "{level}"\n',
        encoding="utf-8",
    )
    return path


def test_a_range_value_is_read_as_its_ends(tmp_path: Path) -> None:
    # was refused with a SpecError ("is a range"): the checks took the midpoint
    rate, level = read_claims(_range_claims_file(tmp_path, "25-30%", "300-340 billion yuan"))
    assert (rate.low, rate.high, rate.value, rate.unit) == (25.0, 30.0, 27.5, "%")
    assert rate.describe() == "CAGR 25-30% 2020-2022"
    assert (level.low, level.high, level.value, level.unit) == (300.0, 340.0, 320.0, "CNY bn")
    assert level.describe() == "level 300-340 CNY bn in 2022"
    assert (
        level.is_range
        and not Claim(subject="s", kind="level", value=1, unit=UNIT, year=2020).is_range
    )


def test_a_range_given_as_low_and_high_columns() -> None:
    frame = pd.DataFrame(
        {"subject": ["s"], "kind": ["cagr"], "period": ["2020-22"], "low": ["25"], "high": [30]}
    )
    (claim,) = read_claims(frame)
    assert (claim.low, claim.high, claim.value) == (25.0, 30.0, 27.5)
    frame["value"] = "25-30%"
    with pytest.raises(SpecError, match=r"DataFrame row 0: value '25-30%' is a range and low/high"):
        read_claims(frame)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"low": 30, "high": 25},
            "a range needs finite ends with low < high, found low=30, "
            "high=25; write the lower end first",
        ),
        ({"low": 25}, "a range needs both low and high, found low=25, high=None"),
        (
            {"low": 25, "high": 30, "value": 26},
            "value 26 is not the midpoint 27.5 of the range 25 to 30; leave value out for a range",
        ),
        (
            {"low": 25, "high": 30, "qualifier": "at_least"},
            "a range (25 to 30) cannot also be at_least",
        ),
        ({"low": -120, "high": 30}, "a growth rate of -120% is impossible"),
    ],
)
def test_a_bad_range_is_refused(fields: dict, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        Claim(subject="s", kind="cagr", start_year=2020, year=2022, **fields)


def test_a_level_range_must_be_positive() -> None:
    with pytest.raises(SpecError, match="a level claim must be a positive figure, found -5"):
        Claim(subject="s", kind="level", low=-5, high=5, unit=UNIT, year=2020)


def test_a_rate_range_fits_when_its_interval_holds_the_needed_rate(tmp_path: Path) -> None:
    # 3 steps from 2019: (3200 / 1562.5)^(1/3) - 1 = 27.0%, inside 25-30%; the bases it
    # allows are 3200 / 1.30^3 = 1456.5 to 3200 / 1.25^3 = 1638.4, holding 1562.5.
    # 2 steps from 2020: 3200 / 1.30^2 = 1893.5 to 3200 / 1.25^2 = 2048.0, and
    # 2238.7 / 2048.0 - 1 = 9.3% above it.
    claims = _range_claims_file(tmp_path, "25-30%", "3200亿元")
    history = HISTORY[HISTORY["year"] <= 2020]
    readings = claim_readings(claims, history=history).set_index("steps")
    assert readings["fits"].tolist() == [False, True]
    assert readings.loc[3, "gap"] == 0 and readings.loc[3, "rate_gap"] == 0
    assert readings.loc[3, "implied_base"] == 1562.5
    assert readings.loc[3, "claimed_rate"] == pytest.approx(0.269921, abs=1e-6)
    assert readings.loc[2, "implied_base"] == pytest.approx(2048.0)
    assert readings.loc[2, "gap"] == pytest.approx(2048.0 / 2238.7 - 1)
    assert readings.loc[2, "claimed_rate"] == 0.25
    row = check_claims(claims, history=history).iloc[0]
    assert bool(row.consistent) and row.fits == "3 steps from 2019"
    assert row.explanation == (
        "CAGR 25-30% 2020-2022 reaching 3,200 CNY 100m in 2022 implies a base of 1,893.5 "
        "to 2,048.0 in 2020 (2 steps) or 1,456.5 to 1,638.4 in 2019 (3 steps). The 2020 "
        # the table's gap in the text too: 2048.0 / 2238.7 - 1 = -8.5%
        "level of 2,238.7 (actual) is 9.3% above that range (gap -8.5%, outside the 1.0% "
        "tolerance). "
        "The 2019 level of 1,562.5 (actual) is inside that range (fits). Fits when read as "
        "3 steps from 2019. Outcome: no actual for 2022 yet."
    )


def test_a_rate_range_that_misses_names_the_range(tmp_path: Path) -> None:
    claims = _range_claims_file(tmp_path, "10-12%", "3200亿元")
    row = check_claims(claims, history=HISTORY[HISTORY["year"] <= 2020]).iloc[0]
    assert row.consistent == False  # noqa: E712 - a pandas boolean
    assert row.explanation.endswith(
        "No reading fits; the closest (2 steps from 2020) would need 19.6% a year, outside "
        "10.0% to 12.0%. Outcome: no actual for 2022 yet."
    )


def test_a_level_range_fits_when_the_base_it_implies_holds_the_actual(tmp_path: Path) -> None:
    # 3 steps: 3000 / 1.278^3 = 1437.2 to 3400 / 1.278^3 = 1628.9 holds 1562.5
    claims = _range_claims_file(tmp_path, "27.8%", "300-340 billion yuan")  # in CNY bn
    row = check_claims(claims, history=HISTORY[HISTORY["year"] <= 2020]).iloc[0]
    assert bool(row.consistent) and row.fits == "3 steps from 2019"
    assert row.gap == 0 and row.claimed_rate == 0.278
    assert "implies a base of 1,836.8 to 2,081.7 in 2020 (2 steps) or 1,437.2 to 1,628.9 " in (
        row.explanation
    )
    assert row.explanation.startswith(
        "CAGR 27.8% 2020-2022 reaching 3,000 to 3,400 CNY 100m in 2022"
    )


def test_rate_gap_with_a_level_range_is_measured_from_the_rates_it_allows(tmp_path: Path) -> None:
    # The end 3000-3400 with the actuals 2019 = 1562.5, 2020 = 2238.7 allows the rates
    # 3 steps: (3000 / 1562.5)^(1/3) - 1 = 24.30% to (3400 / 1562.5)^(1/3) - 1 = 29.60%,
    #   which hold 27.8%: rate_gap 0 (it was 0.278 - 26.99%, the midpoint's rate, = 0.0081);
    # 2 steps: (3000 / 2238.7)^(1/2) - 1 = 15.761% to (3400 / 2238.7)^(1/2) - 1 = 23.237%:
    #   27.8% is 0.278 - 0.232371 = 0.045629 above it (it was 0.278 - 19.56% = 0.0824).
    claims = _range_claims_file(tmp_path, "27.8%", "3000-3400亿元")
    readings = claim_readings(claims, history=HISTORY[HISTORY["year"] <= 2020])
    readings = readings.set_index("steps")
    assert readings.loc[3, "rate_gap"] == 0 and readings.loc[3, "claimed_rate"] == 0.278
    assert readings.loc[2, "rate_gap"] == pytest.approx(0.278 - 0.232371, abs=1e-6)
    # the midpoint's rate stays in implied_rate: (3200 / 1562.5)^(1/3) - 1 = 26.99%
    assert readings.loc[3, "implied_rate"] == pytest.approx(0.269921, abs=1e-6)
    # a rate range 10-12% below 15.76-23.24%: rate_gap 0.12 - 0.157611 = -0.037611 from
    # its upper end, and the explanation names the rates the levels need, not 19.6%
    claims = _range_claims_file(tmp_path, "10-12%", "3000-3400亿元")
    readings = claim_readings(claims, history=HISTORY[HISTORY["year"] <= 2020])
    readings = readings.set_index("steps")
    assert readings.loc[2, "claimed_rate"] == 0.12
    assert readings.loc[2, "rate_gap"] == pytest.approx(0.12 - 0.157611, abs=1e-6)
    row = check_claims(claims, history=HISTORY[HISTORY["year"] <= 2020]).iloc[0]
    assert row.explanation.endswith(
        "No reading fits; the closest (2 steps from 2020) would need 15.8% to 23.2% a year, "
        "outside 10.0% to 12.0%. Outcome: no actual for 2022 yet."
    )


def test_a_level_range_outcome_is_judged_by_its_nearer_end(tmp_path: Path) -> None:
    # the derived 2022 actual 4043.2: 3400 / 4043.2 - 1 = -15.9% from the high end
    claims = _range_claims_file(tmp_path, "27.8%", "3000-3400亿元")
    row = check_claims(claims, history=HISTORY).iloc[0]
    assert row.end_gap == pytest.approx(3400 / 4043.2 - 1)
    assert row.explanation.endswith(
        "Outcome: the 2022 actual was 4,043.2 (derived); the claimed 3,000 to 3,400 "
        "failed: its high end undershot the actual by 15.9%."
    )


def test_track_record_judges_a_range_by_its_ends() -> None:
    def level(low: float, high: float, year: int) -> Claim:
        return Claim(
            subject=SUBJECT,
            kind="level",
            low=low,
            high=high,
            unit=UNIT,
            year=year,
            made="2020",
            claim_set=f"s{low}",
        )

    claims = [level(3000, 3400, 2022), level(3900, 4100, 2022), level(2000, 2200, 2020)]
    record = track_record(claims, HISTORY).set_index("claim_set")
    assert record.loc["s3000", ["value", "low", "high"]].tolist() == [3200, 3000, 3400]
    assert record.loc["s3000", "error"] == pytest.approx(3400 / 4043.2 - 1)
    assert record.loc["s3000", "direction"] == "undershoot"
    assert not record.loc["s3000", "held"]
    assert record.loc["s3900", "error"] == 0 and record.loc["s3900", "log_error"] == 0
    assert record.loc["s3900", "direction"] == "inside" and record.loc["s3900", "held"]
    # 2200 / 2238.7 - 1 = -1.7%: outside the range, within the 5% tolerance
    assert record.loc["s2000", "error"] == pytest.approx(2200 / 2238.7 - 1)
    assert record.loc["s2000", "held"]


def test_two_level_ranges_give_a_range_of_rates() -> None:
    # (3000 / 1600)^(1/3) - 1 = 23.3%, (3400 / 1500)^(1/3) - 1 = 31.4%
    claims = [
        Claim(subject="m", kind="level", low=1500, high=1600, unit=UNIT, year=2019),
        Claim(subject="m", kind="level", low=3000, high=3400, unit=UNIT, year=2022),
    ]
    row = check_claims(claims).iloc[0]
    assert row.explanation.startswith(
        "From 1,500 to 1,600 in 2019 to 3,000 to 3,400 in 2022 is a CAGR of 23.3% "
        "to 31.4% over 3 steps."
    )


def test_more_than_end_states_the_floor_on_the_base() -> None:
    # 3200 / 1.278^2 = 1959.2 (2 steps), 3200 / 1.278^3 = 1533.1 (3 steps); "more than 3200"
    # makes both floors, and the actuals 2238.7 and 1562.5 are above them (the old text
    # said "off by -12.5% (fits the 1.0% tolerance)")
    claims = [SEED[0], dataclasses.replace(SEED[1], qualifier="at_least")]
    text = check_claims(claims, history=HISTORY).iloc[0]["explanation"]
    assert text.startswith(
        "CAGR 27.8% 2020-2022 reaching more than 3,200 CNY 100m in 2022 implies a base of "
        "more than 1,959.2 in 2020 (2 steps) or more than 1,533.1 in 2019 (3 steps). "
        "The 2020 level of 2,238.7 (actual) is above that floor (fits). "
        "The 2019 level of 1,562.5 (actual) is above that floor (fits)."
    )
    assert "off by" not in text


def test_more_than_rate_states_the_ceiling_or_no_bound() -> None:
    # "more than 27.8%" to exactly 3200: base at most 1959.2 / 1533.1; 2238.7 / 1959.2 - 1
    # = 14.3% and 1562.5 / 1533.1 - 1 = 1.9% above those ceilings: outside a 1% tolerance;
    # the table's gap, 1959.2 / 2238.7 - 1 = -12.5%, is named beside it (the text gave
    # +14.3% where the table gave -12.5%, and did not say which one the tolerance was on)
    rate = dataclasses.replace(SEED[0], qualifier="at_least")
    text = check_claims([rate, SEED[1]], history=HISTORY).iloc[0]["explanation"]
    assert "implies a base of less than 1,959.2 in 2020 (2 steps)" in text
    assert (
        "2,238.7 (actual) is 14.3% above that ceiling (gap -12.5%, outside the 1.0% tolerance)"
    ) in text
    both = [rate, dataclasses.replace(SEED[1], qualifier="at_least")]
    text = check_claims(both, history=HISTORY).iloc[0]["explanation"]
    assert "bounds no base" in text


def test_a_bounded_growth_claim_states_the_floor_on_the_end() -> None:
    # "more than 50%" from 1562.5: at least 1562.5 * 1.5 = 2343.75; the actual 2238.7 is
    # 1 - 2238.7 / 2343.75 = 4.5% below that floor; the table's gap 2343.75 / 2238.7 - 1
    # = +4.7%
    claim = Claim(subject=SUBJECT, kind="growth", value=50, year=2020, qualifier="at_least")
    text = check_claims([claim], history=HISTORY).iloc[0]["explanation"]
    assert text.startswith(
        "growth > 50% in 2020 from the 2019 level of 1,562.5 (actual) implies more than "
        "2,343.8 in 2020 (1 step); the actual 2,238.7 is 4.5% below that floor (gap +4.7%, "
        "outside the 1.0% tolerance)."
    )


def test_bundled_kezhi_set_reads_a_floor() -> None:
    # 2000 / 1.29 = 1550.4 < 1562.5 (the old text: "off by -0.8% (fits the 1.0% tolerance)")
    claims = load_dataset("published_forecasts")
    claims = claims[claims["claim_set"] == "kezhi_2020_07"]
    text = check_claims(claims, history="bundled").iloc[0]["explanation"]
    assert "implies a base of more than 1,550.4 in 2019 (1 step)" in text
    assert "The 2019 level of 1,562.5 (actual) is above that floor (fits)." in text


def test_the_gap_of_a_bounded_reading_is_zero_inside_the_bound() -> None:
    # "more than 3200" at 27.8%: the base is at least 3200 / 1.278^2 = 3200 / 1.633284 =
    # 1959.2 (2 steps) and 3200 / 1.278^3 = 1533.1 (3 steps); the actuals 2238.7 and 1562.5
    # lie above those floors, so the gap is 0 (it was 1959.2 / 2238.7 - 1 = -12.5% and
    # -1.9%, beside fits True) and so is rate_gap: the rates the levels allow are at least
    # (3200 / 2238.7)^(1/2) - 1 = 19.6% and (3200 / 1562.5)^(1/3) - 1 = 27.0%, and 27.8%
    # is among them (it was 0.278 - 0.196 = +8.2%)
    floor = [SEED[0], dataclasses.replace(SEED[1], qualifier="at_least")]
    rows = claim_readings(floor, history=HISTORY)
    assert rows["fits"].tolist() == [True, True]
    assert rows["gap"].tolist() == [0.0, 0.0]
    assert rows["rate_gap"].tolist() == [0.0, 0.0]
    assert rows["implied_base"].round(1).tolist() == [1959.2, 1533.1]  # the floors, kept
    # outside the floor, the distance from it: a 2020 actual of 1900 is below 1959.24, a
    # gap of 1959.24 / 1900 - 1 = +3.12%; the rates the levels allow are at least
    # sqrt(3200 / 1900) - 1 = sqrt(1.684211) - 1 = 29.78%, 1.98 points above 27.8%
    low = HISTORY.assign(value=HISTORY["value"].where(HISTORY["year"] != 2020, 1900.0))
    row = claim_readings(floor, history=low).iloc[0]
    assert row["gap"] == pytest.approx(0.0312, abs=5e-5)
    assert row["rate_gap"] == pytest.approx(-0.0198, abs=5e-5)
    assert not row["fits"]
    # without a claimed end: "more than 25%" from the 2019 actual allows at least
    # 1562.5 * 1.25^3 = 3051.8 in 2022; the actual 4043.2 is above it: gap 0 (was
    # 3051.8 / 4043.2 - 1 = -24.5%), rate_gap 0 (was 0.25 - ((4043.2 / 1562.5)^(1/3) - 1)
    # = 0.25 - 0.373)
    rate = dataclasses.replace(SEED[0], kind="cagr", value=25.0, qualifier="at_least")
    row = claim_readings([rate], history=HISTORY).iloc[1]
    assert row["reading"] == "3 steps from 2019"
    assert row["implied_end"] == pytest.approx(1562.5 * 1.25**3)
    assert (row["gap"], row["rate_gap"], bool(row["fits"])) == (0.0, 0.0, True)
    # and the exact seed claims are unchanged: 1959.2 / 2238.7 - 1 = -12.48%
    assert claim_readings(SEED, history=HISTORY)["gap"].iloc[0] == pytest.approx(-0.1248, abs=5e-5)


def test_a_figure_for_the_year_it_was_published_in_is_a_forecast() -> None:
    # Was: horizon 0 counted as restated, so --forecasts-only hid Kezhi's "> 2000亿元 in
    # 2020" (published July 2020, before the year's actual existed) and the 2024 figure
    # the bundled data call a forecast
    record = track_record().set_index("claim_id")
    for claim_id in ("kezhi_2020_07/level_2020", "unattributed_2024/level_2024"):
        assert int(record.loc[claim_id, "horizon"]) == 0
        assert bool(record.loc[claim_id, "forecast"])
    assert bool(record.loc["kezhi_2020_07/level_2020", "held"])  # 2238.7 > 2000


def test_readings_say_how_the_qualifiers_bound_the_implied_figures() -> None:
    # "more than 3200" at exactly 27.8%: base floors (3200 / 1.278^2 = 1959.2), and the rate
    # from the 2020 actual to more than 3200 is at least (3200 / 2238.7)^(1/2) - 1 = 19.6%;
    # "more than 27.8%" to more than 3200 bounds no base
    floor = [SEED[0], dataclasses.replace(SEED[1], qualifier="at_least")]
    rows = claim_readings(floor, history=HISTORY)
    assert rows["implied_qualifier"].tolist() == ["at_least", "at_least"]
    assert rows["implied_rate_qualifier"].tolist() == ["at_least", "at_least"]
    assert round(rows["implied_rate"].iloc[0], 3) == 0.196
    both = [dataclasses.replace(SEED[0], qualifier="at_least"), floor[1]]
    assert claim_readings(both, history=HISTORY)["implied_qualifier"].tolist() == [
        "unbounded",
        "unbounded",
    ]
    exact = claim_readings(SEED, history=HISTORY)
    assert exact["implied_qualifier"].tolist() == ["exact", "exact"]


def test_a_more_than_base_makes_the_implied_end_a_floor() -> None:
    # "more than 1500 in 2019" and 40% in 2020: 2020 at least 1500 * 1.4 = 2100; the actual
    # 2238.7 is above it. The explanation used the rate's qualifier (exact) alone and said
    # "implies 2,100.0 ... off by -6.2%" for a floor the actual clears
    claims = [
        Claim(
            subject=SUBJECT, kind="level", value=1500, unit=UNIT, year=2019, qualifier="at_least"
        ),
        Claim(subject=SUBJECT, kind="growth", value=40, year=2020),
    ]
    rows = claim_readings(claims, history=HISTORY)
    assert rows["implied_qualifier"].tolist() == ["at_least"]
    assert rows["implied_end"].round(1).tolist() == [2100.0]
    text = check_claims(claims, history=HISTORY).iloc[0]["explanation"]
    assert (
        "implies more than 2,100.0 in 2020 (1 step); the actual 2,238.7 is above that floor "
        "(fits)." in text
    )
    assert "off by" not in text


# --- uat14 ---

_HEADER = "subject,kind,year,start_year,value,unit,qualifier,low,high\n"


def _claims_csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "claims.csv"
    path.write_text(_HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # was 278%: "27,8" lost its comma
        # the message named read_series(decimal=','), which read_claims does not take
        (
            'm,cagr,2022,2020,"27,8",%,,,',
            "row 2: value '27,8' has a decimal comma; claims are read with '.' as the decimal "
            "mark (a comma only groups thousands): write '27.8'",
        ),
        # was 3.2005 CNY 100m
        ('m,level,2022,,"3.200,5",CNY 100m,,,', "row 2: value '3.200,5' is not a figure"),
        # was high = 33 (refused only because 33 < 3200; "3,3" beside "3" would pass)
        (
            'm,level,2022,,,CNY 100m,,"3,2","3,3"',
            "row 2: low '3,2' has a decimal comma; claims are read with '.' as the decimal "
            "mark (a comma only groups thousands): write '3.2'",
        ),
    ],
)
def test_a_decimal_comma_in_a_claims_file_is_an_error(
    tmp_path: Path, row: str, message: str
) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        read_claims(_claims_csv(tmp_path, row))


def test_thousands_separators_in_a_claims_file_are_read(tmp_path: Path) -> None:
    path = _claims_csv(
        tmp_path,
        'm,level,2022,,"3,200.5",CNY 100m,,,',
        'm,level,2019,,"more than 1,562",CNY 100m,,,',
        'm,level,2023,,,CNY 100m,,"3,000","3,400"',
    )
    claims = read_claims(path)
    assert [(c.value, c.unit, c.qualifier) for c in claims[:2]] == [
        (3200.5, "CNY 100m", "exact"),
        (1562.0, "CNY 100m", "at_least"),
    ]
    assert (claims[2].low, claims[2].high, claims[2].value) == (3000.0, 3400.0, 3200.0)


@pytest.mark.parametrize("given", ["exact", "at_most"])
def test_a_qualifier_column_that_contradicts_the_value_text_is_an_error(
    tmp_path: Path, given: str
) -> None:
    # was: the column won in silence, "超过3200.5亿元" became an exact 3,200.5 (or "< 3,200.5")
    path = _claims_csv(tmp_path, f"m,level,2022,,超过3200.5亿元,,{given},,")
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"row 2: value '超过3200.5亿元' says 'at_least' ('at least') but qualifier says "
            f"'{given}'; give it once"
        ),
    ):
        read_claims(path)


def test_a_qualifier_column_that_agrees_with_the_value_text_is_fine(tmp_path: Path) -> None:
    claim = read_claims(_claims_csv(tmp_path, "m,level,2022,,超过3200.5亿元,,at_least,,"))[0]
    assert (claim.value, claim.unit, claim.qualifier) == (3200.5, "CNY 100m", "at_least")


def test_value_text_converts_to_the_unit_column_at_the_claims_year(tmp_path: Path) -> None:
    # was: "converting CNY->USD needs a year ... pass year=...", naming no row, though the
    # claim has its year; 320 CNY bn at the 2022 average of 6.7290 CNY/USD (data/fx_rates.csv)
    # = 320 / 6.7290 = 47.5553 USD bn
    from idcforecast.units import convert

    claim = read_claims(_claims_csv(tmp_path, "m,level,2022,,320 billion yuan,USD bn,,,"))[0]
    assert claim.unit == "USD bn"
    # kept to 4 significant digits (claims30: 47.5553 was printed with every digit in the
    # claims line, digits no source gave): 47.5553 -> 47.56
    exact = convert(320.0, "USD bn", from_unit="CNY bn", year=2022)
    assert exact == pytest.approx(320 / 6.7290, rel=1e-9)
    assert claim.value == 47.56
    # the figure the source gave is kept (it was lost: 47.555 USD bn was all there was)
    assert claim.note == (
        "published as '320 billion yuan', converted at the 2022 FX rate, to 4 significant digits"
    )
    # a year as analysts write it converts too: "2022年" was "converting needs a year"
    written = read_claims(_claims_csv(tmp_path, "m,level,2022年,,320 billion yuan,USD bn,,,"))[0]
    assert (written.year, written.value) == (2022, claim.value)
    assert written.note == claim.note


def test_value_text_in_a_unit_that_does_not_convert_names_the_row(tmp_path: Path) -> None:
    # was: "cannot convert '%' (percent) to 'CNY 100m'" naming neither file nor row
    with pytest.raises(
        SpecError,
        match=re.escape(
            "row 2: value '27.8%' is in '%', and the unit given is 'CNY 100m': cannot convert"
        ),
    ):
        read_claims(_claims_csv(tmp_path, "m,cagr,2022,2020,27.8%,CNY 100m,,,"))


def test_a_claim_given_twice_is_an_error(tmp_path: Path) -> None:
    # was: checked twice, its readings listed four times and its explanation repeated
    path = tmp_path / "claims.toml"
    path.write_text(
        'subject = "m"\n' + '[[claims]]\nkind = "cagr"\nperiod = "2020-22"\nvalue = 27.8\n' * 2,
        encoding="utf-8",
    )
    with pytest.raises(
        SpecError,
        match=re.escape(
            "[[claims]] table 2 repeats file " + repr(str(path)) + " [[claims]] table 1 (CAGR "
            "27.8% 2020-2022, claim_id 'm/cagr_2022'); remove one of them"
        ),
    ):
        check_claims(path)


def test_a_toml_claims_error_names_the_claims_table(tmp_path: Path) -> None:
    # claims58: a TOML file's claims were named "row N", a place the file does not have;
    # they are its Nth [[claims]] table
    path = tmp_path / "claims.toml"
    path.write_text(
        'subject = "m"\n[[claims]]\nkind = "level"\nyear = 2022\nvalue = "3200亿元"\n'
        '[[claims]]\nkind = "level"\nyear = 2023\nvalue = "3500"\n',
        encoding="utf-8",
    )
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"file {str(path)!r} [[claims]] table 2: claim 'm': a level claim needs the unit"
        ),
    ):
        read_claims(path)


def test_two_claims_under_one_claim_id_are_an_error() -> None:
    # two CAGRs ending in 2022 got the generated id 'm/cagr_2022' and their readings mixed
    claims = [
        Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022),
        Claim(subject="m", kind="cagr", value=30.0, start_year=2018, year=2022),
    ]
    with pytest.raises(
        SpecError,
        match=re.escape(
            "claim 1 and claim 2 have the same claim_id 'm/cagr_2022' (CAGR 27.8% 2020-2022; "
            "CAGR 30% 2018-2022); give each its own claim_id"
        ),
    ):
        check_claims(claims)
    claims[1] = dataclasses.replace(claims[1], claim_id="m/cagr_2018_2022")
    assert len(claim_readings(claims)) == 4  # two readings each


def _m_history(**columns: object) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"series_id": "m", "year": [2019, 2020, 2022], "value": [1562.5, 2238.7, 4043.2]}
    )
    return frame.assign(unit="CNY 100m", **columns)


_M_CLAIMS = [
    Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022),
    Claim(subject="m", kind="level", value=3200, unit="CNY 100m", year=2022, made="2020"),
]


def test_history_with_a_year_twice_is_an_error() -> None:
    # was: the first 2020 row used, the second (1959.0) ignored in silence
    history = pd.concat([_m_history(), _m_history().iloc[[1]].assign(value=1959.0)])
    with pytest.raises(
        DuplicateYearError,
        match=re.escape("history: series 'm' has 2 values for 2020 (2238.7, 1959); keep one"),
    ):
        check_claims(_M_CLAIMS, history=history)


def test_history_years_written_as_text_are_read() -> None:
    # was: no reading found its base year ("2019" != 2019): every fit NA, without a word
    history = _m_history().assign(year=["2019", "2020", "2022"])
    readings = claim_readings(_M_CLAIMS, history=history)
    # 3200 / 1.278 ** 3 = 1533.05 against 1562.5: gap 1533.05 / 1562.5 - 1 = -1.9%
    assert readings["reference_base"].tolist() == [2238.7, 1562.5]
    assert readings["gap"].round(3).tolist() == [-0.125, -0.019]
    with pytest.raises(DataError, match=re.escape("history: series 'm': year 'c. 2021'")):
        claim_readings(_M_CLAIMS, history=history.assign(year=["2019", "2020", "c. 2021"]))


def test_a_blank_derived_cell_is_not_derived() -> None:
    # was: bool(nan) is True, so the 2020 actual was labelled "actual, derived"
    history = _m_history(derived=[False, float("nan"), "False"])
    readings = claim_readings(_M_CLAIMS, history=history)
    assert readings["reference"].tolist() == ["actual", "actual"]


def test_outcome_keeps_the_actuals_bound_and_equality() -> None:
    # actual "more than 4,000": 3200 / 4000 - 1 = -20.0%, and at least that far below
    history = _m_history(qualifier=["exact", "exact", "at_least"]).assign(
        value=[1562.5, 2238.7, 4000.0]
    )
    text = check_claims(_M_CLAIMS, history=history).iloc[0]["explanation"]
    assert text.endswith(
        "Outcome: the 2022 actual was more than 4,000.0; the claimed 3,200 undershot the "
        "actual by at least 20.0%."
    )
    # 320 CNY bn is 3200.0000000000005 亿元: was "overshot the actual by 0.0%"
    claims = [_M_CLAIMS[0], dataclasses.replace(_M_CLAIMS[1], value=320.0, unit="CNY bn")]
    equal = _m_history().assign(value=[1562.5, 2238.7, 3200.0])
    text = check_claims(claims, history=equal).iloc[0]["explanation"]
    assert text.endswith(
        "Outcome: the 2022 actual was 3,200.0; the claimed 3,200 equalled the actual."
    )
    record = track_record(claims, equal).iloc[0]
    assert (record["direction"], record["error"], record["log_error"]) == ("exact", 0.0, 0.0)


# -- polish17 ----------------------------------------------------------------------------


def _floor_history(qualifier: str) -> pd.DataFrame:
    # the 2022 actual published as a bound of 4,000 (e.g. "more than 4,000亿元")
    frame = _m_history().assign(value=[1562.5, 2238.7, 4000.0])
    return frame.assign(qualifier=["exact", "exact", qualifier])


@pytest.mark.parametrize(
    ("qualifier", "claimed", "error", "direction"),
    [
        # more than 4,000: 4,800 / 4,000 - 1 = +20%, but the actual may be above 4,800
        ("at_least", 4800.0, 0.2, "undetermined"),
        ("at_least", 4000.0, 0.0, "undetermined"),  # at the floor: exact or undershot
        # 3,200 / 4,000 - 1 = -20%: below the floor, so surely an undershoot
        ("at_least", 3200.0, -0.2, "undershoot"),
        # less than 4,000: 4,800 is surely above it; 3,200 may be above the true value
        ("at_most", 4800.0, 0.2, "overshoot"),
        ("at_most", 3200.0, -0.2, "undetermined"),
        ("exact", 4800.0, 0.2, "overshoot"),
    ],
)
def test_track_record_direction_against_an_actual_that_is_a_bound(
    qualifier: str, claimed: float, error: float, direction: str
) -> None:
    claims = [Claim(subject="m", kind="level", value=claimed, unit="CNY 100m", year=2022)]
    row = track_record(claims, _floor_history(qualifier)).iloc[0]
    assert row["actual_qualifier"] == qualifier
    assert row["error"] == pytest.approx(error)
    assert row["direction"] == direction


@pytest.mark.parametrize(
    ("qualifier", "claim", "held", "verdict"),
    [
        # more than 4,000: 4,800 held if the true value was at most 4,800 / 0.95 = 5,052.6
        # (5% tolerance) and missed above; it was "held", as if the floor were the value
        ("at_least", {"value": 4800.0}, None, "open"),
        # a range 4,100-4,300 held up to 4,300 / 0.95 = 4,526.3, missed above: open
        ("at_least", {"value": 4200.0, "low": 4100.0, "high": 4300.0}, None, "open"),
        # "less than 4,500" (no tolerance for a bound) held below 4,500, missed above: open
        ("at_least", {"value": 4500.0, "qualifier": "at_most"}, None, "open"),
        # "more than 3,000" holds at every level above 4,000
        ("at_least", {"value": 3000.0, "qualifier": "at_least"}, True, "held"),
        # 3,200 is below 4,000 * 0.95 = 3,800, the lowest level it could be near: missed
        ("at_least", {"value": 3200.0}, False, "missed"),
        # less than 4,000: 3,900 held if the true value was 3,714.3 or more (3,900 / 1.05)
        ("at_most", {"value": 3900.0}, None, "open"),
        # 4,800 is above 4,000 * 1.05 = 4,200, the highest level it could be near: missed
        ("at_most", {"value": 4800.0}, False, "missed"),
        ("exact", {"value": 4100.0}, True, "held"),  # 4,100 / 4,000 - 1 = 2.5% < 5%
        ("exact", {"value": 4800.0}, False, "missed"),
    ],
)
def test_track_record_is_open_when_a_bounded_actual_leaves_the_outcome_open(
    qualifier: str, claim: dict[str, Any], held: bool | None, verdict: str
) -> None:
    row = track_record(
        [Claim(subject="m", kind="level", unit="CNY 100m", year=2022, **claim)],
        _floor_history(qualifier),
    ).iloc[0]
    assert (None if pd.isna(row["held"]) else bool(row["held"]), row["verdict"]) == (
        held,
        verdict,
    )


def test_track_record_verdict_is_empty_without_an_actual() -> None:
    claims = [Claim(subject="m", kind="level", value=5000.0, unit="CNY 100m", year=2030)]
    row = track_record(claims, _floor_history("exact")).iloc[0]
    assert pd.isna(row["held"]) and row["verdict"] == ""
    assert row["status"] == "no actual yet (latest 2022)"


def test_track_record_range_inside_a_floor_is_undetermined() -> None:
    # 4,100-4,300 against more than 4,000: the nearer end is 4,100 / 4,000 - 1 = +2.5%
    claims = [
        Claim(
            subject="m", kind="level", value=4200, low=4100, high=4300, unit="CNY 100m", year=2022
        )
    ]
    row = track_record(claims, _floor_history("at_least")).iloc[0]
    assert (round(row["error"], 4), row["direction"]) == (0.025, "undetermined")


def test_explanation_without_history_does_not_mention_the_history() -> None:
    text = check_claims(_M_CLAIMS, history=None).iloc[0]["explanation"]
    # 3200 / 1.278**2 = 1959.2 (2020, 2 steps); / 1.278**3 = 1533.1 (2019, 3 steps)
    assert "No level for 2020 or 2019 to compare with in the set (checked without history)." in text
    assert "the history" not in text
    # a history holding 2022 only: no 2019 or 2020 level there either
    with_history = check_claims(_M_CLAIMS, history=_m_history().iloc[[2]])
    assert (
        "No level for 2020 or 2019 to compare with (in the set or the history)."
        in with_history.iloc[0]["explanation"]
    )


@pytest.mark.parametrize(
    ("field", "bad"),
    [("year", 2020.5), ("year", True), ("start_year", 2019.5), ("start_year", True)],
)
def test_a_claim_year_must_be_whole(field: str, bad: object) -> None:
    # 2020.5 was truncated to 2020 and True to year 1, in silence
    fields: dict[str, object] = {"year": 2022, "start_year": 2019, field: bad}
    with pytest.raises(SpecError) as info:
        Claim(subject="x", kind="cagr", value=27.8, **fields)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"claim 'x': {field} must be a whole year, found {bad!r}; give the calendar year as "
        "a whole number (e.g. 2020)"
    )


def test_a_claim_year_may_be_a_whole_float() -> None:
    claim = Claim(subject="x", kind="cagr", value=27.8, start_year=2019.0, year=2022.0)  # type: ignore[arg-type]
    assert (claim.start_year, claim.year) == (2019, 2022)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '[[claim]]\nsubject = "x"\nkind = "level"\nyear = 2023\nvalue = "5000亿元"\n',
            "has the tables [[claim]], which are not read; did you mean [[claims]]?",
        ),
        ('[meta]\nmade = "2020"\n', "has the table [meta], which is not read; claims go in"),
    ],
)
def test_toml_tables_other_than_claims_are_refused(
    tmp_path: Path, extra: str, message: str
) -> None:
    # Was: dropped without a word: a [[claim]] typo lost that claim from the track record,
    # a [meta] table its 'made' (every horizon blank).
    path = tmp_path / "mine.toml"
    path.write_text(
        f'claim_set = "mine"\n[[claims]]\nsubject = "{SUBJECT}"\nkind = "level"\nyear = 2022\n'
        f'value = "3200亿元"\n{extra}',
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match=re.escape(f"file {str(path)!r} {message}")):
        read_claims(path)


def test_track_record_reads_unitless_actuals_in_one_unit_for_every_claim() -> None:
    # Was: each claim kept its own unit against actuals without one, so a claim of 320
    # CNY bn met the actual 4,043.2 (CNY 100m, as the other claim is) as a -92.1% miss.
    claims = [
        Claim(subject="m", kind="level", year=2021, value=3000.0, unit="CNY 100m",
              claim_set="s", made="2020"),
        Claim(subject="m", kind="level", year=2022, value=320.0, unit="CNY bn",
              claim_set="s", made="2020"),
    ]  # fmt: skip
    actuals = pd.DataFrame({"series_id": "m", "year": [2021, 2022], "value": [3012.7, 4043.2]})
    record = track_record(claims, actuals).set_index("year")
    assert record.loc[2022, "value"] == pytest.approx(3200.0)
    assert record.loc[2022, "error"] == pytest.approx(3200.0 / 4043.2 - 1)
    assert set(record["unit"]) == {"CNY 100m"}


# -- units24: a claim set in yuan is checked in yuan against a history in dollars --------


def _cidc_in_usd() -> pd.DataFrame:
    from idcforecast.units import fx_rate

    history = load_dataset("china_idc_market")
    history = history[history["series_id"] == "china_idc_cidc_overall"]
    history = history[history["year"].between(2015, 2023)].copy()
    rates = [fx_rate("CNY", "USD", year=int(y)) for y in history["year"]]
    history["value"] = history["value"] / 10 * rates  # 亿元 -> CNY bn -> USD bn, each year
    history["unit"] = "USD bn"
    return history


def test_a_yuan_claim_set_is_checked_in_yuan_against_a_dollar_history() -> None:
    # The seed claims (27.8% 2020-2022 reaching 3200亿元) against the CIDC series in USD
    # were compared in USD: 3200亿元 at the 2022 rate (6.7290) = 47.555 USD bn, / 1.278**3 =
    # 22.783, against 2019's 1562.5亿元 / 6.9081 / 10 = 22.618 USD bn: +0.7%, a "fit",
    # while in yuan 1533.05 against 1562.5 misses by -1.9% (the claim is a growth of yuan;
    # in dollars it took in the yuan's 2019-2022 rise against the dollar).
    claims = read_claims(
        [
            {
                "subject": "china_idc_cidc_overall",
                "kind": "level",
                "year": 2022,
                "value": "3200亿元",
                "claim_set": "gt",
                "made": "2020-07",
            },
            {
                "subject": "china_idc_cidc_overall",
                "kind": "cagr",
                "period": "2020-22",
                "value": "27.8%",
                "claim_set": "gt",
                "made": "2020-07",
            },
        ]
    )
    readings = claim_readings(claims, history=_cidc_in_usd())
    three = readings[readings["steps"] == 3].iloc[0]
    assert three["unit"] == "CNY 100m"
    assert three["reference"] == "actual, from USD bn at its year's FX rate"
    assert three["reference_base"] == pytest.approx(1562.5, rel=1e-12)
    assert three["gap"] == pytest.approx(1533.0539 / 1562.5 - 1, abs=1e-6)  # -1.88%
    assert not three["fits"]
    bundled = claim_readings(claims, history="bundled")
    assert readings["gap"].tolist() == pytest.approx(bundled["gap"].tolist(), rel=1e-9)


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        # units24: a magnitude alone beside a unit without one was 'count 100m', an error
        # ("no conversion between count and money"); read_series reads such a cell so
        ("320亿", "CNY", (320.0, "CNY 100m")),
        ("3.2万亿", "CNY", (3.2, "CNY tn")),  # 3.2万亿元
        ("320亿", "USD", (320.0, "USD 100m")),  # 320亿美元
        ("5万", "MW", (5.0, "MW 10k")),
    ],
)
def test_a_magnitude_alone_takes_the_claims_unit(
    value: str, unit: str, expected: tuple[float, str]
) -> None:
    claim = read_claims(
        [{"subject": "s", "kind": "level", "year": 2022, "value": value, "unit": unit}]
    )[0]
    assert (claim.value, claim.unit) == expected


def test_a_magnitude_alone_beside_a_unit_with_one_is_refused() -> None:
    # "320亿" beside "亿元": 320亿 of 亿元? As read_series, one magnitude is asked for
    with pytest.raises(SpecError) as info:
        read_claims(
            [{"subject": "s", "kind": "level", "year": 2022, "value": "320亿", "unit": "亿元"}]
        )
    assert str(info.value) == (
        "list row 1: value '320亿' has the magnitude '100m' and the unit '亿元' ('CNY 100m') "
        "its own; expected one magnitude: a plain number in value, or the unit 'CNY'"
    )


def test_made_years_from_a_float_column() -> None:
    # units24: pd.read_csv reads a made column of years with a blank as float (2020.0),
    # which was "not an ISO date"; the level for 2022 made in 2020 is a forecast
    frame = pd.DataFrame(
        {
            "subject": ["s", "s"],
            "kind": ["level", "level"],
            "year": [2022, 2023],
            "value": [3200.0, 3300.0],
            "unit": ["亿元", "亿元"],
            "made": [2020.0, float("nan")],
        }
    )
    assert [c.made for c in read_claims(frame)] == ["2020", ""]


def test_an_excel_percent_cell_is_the_percent_shown(tmp_path: Path) -> None:
    # units24: a CAGR cell shown as 27.8% is stored as 0.278; read_claims took the stored
    # number, a claim of 0.278% (claims keep the published percent), in silence
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["claim_set", "subject", "kind", "start_year", "year", "value", "unit"])
    sheet.append(["gt", "m", "cagr", 2020, 2022, 0.278, "%"])
    sheet["F2"].number_format = "0.0%"
    sheet.append(["gt", "m", "level", None, 2022, 3200, "亿元"])
    sheet.append(["gt", "m", "growth", 2021, 2022, 34.2, "%"])  # a plain number stays
    path = tmp_path / "claims.xlsx"
    book.save(path)
    claims = read_claims(path)
    assert [(c.kind, c.value) for c in claims] == [
        ("cagr", 27.8),
        ("level", 3200.0),
        ("growth", 34.2),
    ]
    assert claims[0].describe() == "CAGR 27.8% 2020-2022"


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        # units24: low/high written as figures were refused ("low must be a number"), and an
        # Excel percentage cell now reads as "25%"
        (
            {"kind": "cagr", "period": "2020-22", "low": "25%", "high": "30%"},
            (25.0, 30.0, "%", "CAGR 25-30% 2020-2022"),
        ),
        (
            {"kind": "level", "year": 2022, "low": "3000亿元", "high": "3300亿元"},
            (3000.0, 3300.0, "CNY 100m", "level 3,000-3,300 CNY 100m in 2022"),
        ),
        # the second end in the first end's unit: 3300亿元 = 330 CNY bn
        (
            {"kind": "level", "year": 2022, "low": "300 billion yuan", "high": "3300亿元"},
            (300.0, 330.0, "CNY bn", "level 300-330 CNY bn in 2022"),
        ),
    ],
)
def test_range_ends_written_as_figures(row: dict, expected: tuple) -> None:
    claim = read_claims([{"subject": "s", **row}])[0]
    assert (claim.low, claim.high, claim.unit, claim.describe()) == (
        pytest.approx(expected[0]),
        pytest.approx(expected[1]),
        expected[2],
        expected[3],
    )


def test_a_range_end_with_a_qualifier_is_refused() -> None:
    with pytest.raises(SpecError) as info:
        read_claims(
            [
                {
                    "subject": "s",
                    "kind": "level",
                    "year": 2022,
                    "low": "超过3000亿元",
                    "high": "3300亿元",
                }
            ]
        )
    assert str(info.value) == (
        "list row 1: low must be one exact figure (a range's end), found '超过3000亿元'; "
        "write a qualifier in the qualifier column and a range as low and high"
    )


def test_a_claims_path_that_is_a_folder_says_so(tmp_path: Path) -> None:
    # cli24: it said the folder "does not exist"
    msg = (
        f"claims file {str(tmp_path)!r} is a folder; give the path of a .csv, .xlsx, .xls or .toml "
        "file in it (claims are read from one file)"
    )
    with pytest.raises(SpecError, match=re.escape(msg) + "$"):
        read_claims(tmp_path)
    with pytest.raises(SpecError, match=re.escape("does not exist")):
        read_claims(tmp_path / "nothing.csv")


def test_rates_all_written_as_fractions_are_refused(tmp_path: Path) -> None:
    # 0.278 meant as 27.8% was read as 0.278% a year, and the checks ran on it in silence
    path = tmp_path / "c.csv"
    path.write_text(
        "claim_set,subject,kind,period,year,value\n"
        f"gt,{SUBJECT},cagr,2020-22,,0.278\n"
        f"gt,{SUBJECT},level,,2022,320 billion yuan\n",
        encoding="utf-8",
    )
    message = (
        f"file {str(path)!r} row 2: value 0.278 is read as 0.278% (claims give rates in "
        "percent, 27.8 = 27.8%), and it is below 1 in size, as a fraction is; write 27.8 if "
        "27.8% was meant, or '0.278%' (with the percent sign) if 0.278% was"
    )
    with pytest.raises(SpecError, match=re.escape(message)):
        read_claims(path)
    rows = [
        {"subject": "s", "kind": "growth", "year": 2021, "value": 0.05},
        {"subject": "s", "kind": "cagr", "period": "2020-22", "low": 0.25, "high": 0.3},
    ]
    with pytest.raises(SpecError, match=re.escape("list row 1: value 0.05 is read as 0.05% ")):
        read_claims(rows)
    with pytest.raises(SpecError, match=re.escape("every rate of these claims (2) is below 1")):
        read_claims(rows)


def test_a_rate_below_one_percent_with_its_sign_or_beside_percent_rates_is_read() -> None:
    # the percent sign says 0.5%; beside a rate of 27.8 a plain 0.5 is a percent too
    (signed,) = read_claims([{"subject": "s", "kind": "growth", "year": 2021, "value": "0.5%"}])
    assert signed.rate == 0.005
    from idcforecast.errors import AmbiguousNumberWarning

    with pytest.warns(AmbiguousNumberWarning, match=re.escape("list row 1: value 0.5 is read")):
        mixed = read_claims(
            [
                {"subject": "s", "kind": "growth", "year": 2021, "value": 0.5},
                {"subject": "s", "kind": "cagr", "period": "2020-22", "value": 27.8},
            ]
        )
    assert [c.value for c in mixed] == [0.5, 27.8]
    # a Claim built in Python keeps its value: the table rule is for tables
    assert Claim(subject="s", kind="growth", value=0.5, year=2021).rate == 0.005


def test_a_claims_workbook_that_is_none_is_a_typed_error(tmp_path: Path) -> None:
    # from Python, read_claims showed pandas' "ValueError: Excel file format cannot be
    # determined" (a CSV named .xls, a damaged .xlsx) or openpyxl's KeyError (a zip that is
    # no workbook); the CLI alone checked the file first
    import zipfile

    named_xls = tmp_path / "claims.xls"
    named_xls.write_text("subject,kind,year,value\ns,level,2022,3200\n", encoding="utf-8")
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"claims file {str(named_xls)!r} is named .xls but is a CSV (comma-separated text; "
            "its first line is 'subject,kind,year,value'); rename it to 'claims.csv' (a "
            "claims file is read by its name's suffix)"
        ),
    ):
        read_claims(named_xls)
    damaged = tmp_path / "claims.xlsx"
    damaged.write_bytes(b"PK\x03\x04 cut short")
    with pytest.raises(
        SpecError,
        match=re.escape(
            "is named .xlsx but is a damaged zip archive (an .xlsx cut short?); open it in "
            "Excel or LibreOffice and save it as .xlsx, or as .csv"
        ),
    ):
        read_claims(damaged)
    with zipfile.ZipFile(damaged, "w") as archive:  # a zip, but no workbook in it
        archive.writestr("notes.txt", "claims")
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"claims file {str(damaged)!r} is named .xlsx but is a zip archive with no "
            "workbook in it (it holds notes.txt); open it"
        ),
    ):
        read_claims(damaged)


def _xlsx_bytes() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["subject", "kind", "year", "value", "unit"])
    book.active.append(["s", "level", 2022, 3200, "CNY 100m"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # a CSV renamed .xls was "not an Excel workbook (no .xls header: a CSV or web page
        # named .xls?); expected an .xlsx file": neither what it is nor that a rename to
        # .csv reads it
        (
            "claims.xls",
            b"subject;kind;year;value;unit\ns;level;2022;3200;CNY 100m\n",
            "is named .xls but is a CSV (semicolon-separated text; its first line is "
            "'subject;kind;year;value;unit'); rename it to 'claims.csv'",
        ),
        # an .xlsx renamed .xls was told it is "not an Excel workbook"
        (
            "claims.xls",
            _xlsx_bytes(),
            "is named .xls but is an .xlsx workbook; rename it to 'claims.xlsx'",
        ),
        # an Excel 97-2003 workbook named .xlsx was "not a readable Excel workbook (no zip)"
        (
            "claims.xlsx",
            bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504),
            "is named .xlsx but is an Excel 97-2003 workbook (.xls); rename it to 'claims.xls'",
        ),
        (
            "claims.xls",
            b"<html><body><table><tr><td>subject</td></tr></table></body></html>",
            "is named .xls but is a web page (HTML), as some systems export 'Excel' tables; "
            "open it in Excel or LibreOffice and save it as .xlsx, or as .csv",
        ),
        (
            "claims.xls",
            b"",
            "is named .xls but is an empty file (0 bytes); save the claims into it again",
        ),
    ],
)
def test_a_misnamed_claims_file_says_what_it_is_and_what_to_do(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SpecError, match=re.escape(f"claims file {str(path)!r} {message}")):
        read_claims(path)
    # the advice is right: renamed as it says, the file reads (the rename cases)
    if "rename it to 'claims.csv'" in message or "'claims.xlsx'" in message:
        renamed = path.rename(tmp_path / message.split("rename it to '")[1].split("'")[0])
        assert read_claims(renamed)[0].value == 3200.0


def test_a_claims_table_as_an_analyst_writes_it() -> None:
    # a period column holding a level's single year ("2022") was "period '2022' is not two
    # years" without the row; "CAGR" in capitals and a year "2022年" were refused
    rows = [
        {"subject": "s", "kind": "CAGR", "period": "2020-22", "value": "27.8%"},
        {"subject": "s", "kind": "Level", "period": "2022", "value": "320 billion yuan"},
        {"subject": "s", "kind": "growth", "period": "2021年", "value": "30%"},
        {"subject": "s", "kind": "level", "year": "2019年", "value": "1562.5亿元"},
    ]
    assert [c.describe() for c in read_claims(rows)] == [
        "CAGR 27.8% 2020-2022",
        "level 320 CNY bn in 2022",
        "growth 30% in 2021",
        "level 1,562.5 CNY 100m in 2019",
    ]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"kind": "cagr", "period": "2020", "value": 27.8},
            "list row 1: period '2020' names one year, 2020, alone; a rate over a period "
            "runs from a first year to a last one",
        ),
        (
            {"kind": "level", "period": "2020-22", "value": "3200亿元"},
            "list row 1: a level claim is about one year, found the period '2020-22'; give "
            "its year (e.g. period 2022 or year 2022)",
        ),
    ],
)
def test_a_bad_period_names_its_row(row: dict, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message)):
        read_claims([{"subject": "s", **row}])


def test_a_level_claimed_in_dollars_is_shown_as_published_beside_its_yuan() -> None:
    # the explanation showed only "reaching 3,095.3 CNY 100m", a figure the source never
    # gave: US$46 billion at the 2022 average 6.7290 CNY per USD (Federal Reserve G.5A)
    # = 309.534 CNY bn = 3,095.3 CNY 100m
    claims = [
        Claim(subject=SUBJECT, kind="cagr", value=27.0, start_year=2019, year=2022),
        Claim(subject=SUBJECT, kind="level", value=1562.5, unit=UNIT, year=2019),
        Claim(subject=SUBJECT, kind="level", value=46, unit="USD bn", year=2022),
    ]
    row = check_claims(claims, history=HISTORY).iloc[0]
    assert row.unit == UNIT
    assert row.explanation.startswith(
        "CAGR 27% 2019-2022 reaching 3,095.3 CNY 100m (from 46 USD bn at the 2022 FX rate) "
        "in 2022 implies a base of "
    )
    # the outcome too: 3095.3 / 4043.2 - 1 = -23.4%
    assert row.explanation.endswith(
        "the claimed 3,095.3 (from 46 USD bn at the 2022 FX rate) undershot the actual by 23.4%."
    )
    ranged = [
        *claims[:2],
        Claim(subject=SUBJECT, kind="level", low=45, high=47, unit="USD bn", year=2022),
    ]
    row = check_claims(ranged, history=HISTORY).iloc[0]
    # 45 * 6.729 * 10 = 3,028.05; 47 * 6.729 * 10 = 3,162.63
    assert row.explanation.startswith(
        "CAGR 27% 2019-2022 reaching 3,028.1 to 3,162.6 CNY 100m (from 45-47 USD bn at the "
        "2022 FX rate) in 2022 implies a base of "
    )


def test_a_unit_cell_is_read_in_its_canonical_spelling() -> None:
    # "亿元" stayed "亿元" ("level 3,200 亿元" beside CNY 100m everywhere else), "percent"
    # was refused for a CAGR ("found unit 'percent'"), and "foo" was kept, to fail later
    # without a row
    rows = [
        {"subject": "s", "kind": "level", "year": 2022, "value": "3,200", "unit": " 亿元 "},
        {"subject": "s", "kind": "cagr", "period": "2020-22", "value": 27.8, "unit": "percent"},
    ]
    level, rate = read_claims(rows)
    assert (level.unit, level.describe()) == ("CNY 100m", "level 3,200 CNY 100m in 2022")
    assert (rate.unit, rate.rate) == ("%", 0.278)
    with pytest.raises(SpecError, match=re.escape("list row 1: unit 'foo' is not defined")):
        read_claims([{"subject": "s", "kind": "level", "year": 2022, "value": 1, "unit": "foo"}])


def test_a_bounded_rate_that_misses_is_named_with_its_bound() -> None:
    # "would need 27.0% a year, not 27.8%" dropped the claim's "more than"; 3 steps:
    # (3200 / 1562.5)^(1/3) - 1 = 26.99%, and the base it allows, under 3200 / 1.278^3 =
    # 1533.1, is 1.9% below the 2019 actual 1562.5
    claims = [
        Claim(
            subject=SUBJECT,
            kind="cagr",
            value=27.8,
            qualifier="at_least",
            start_year=2020,
            year=2022,
        ),
        Claim(subject=SUBJECT, kind="level", value=3200, unit=UNIT, year=2022),
    ]
    row = check_claims(claims, history=HISTORY[HISTORY["year"] <= 2020]).iloc[0]
    assert row.consistent == False  # noqa: E712 - a pandas boolean
    assert (
        "No reading fits; the closest (3 steps from 2019) would need 27.0% a year, while the "
        "claim is more than 27.8%." in row.explanation
    )


def test_an_excel_claims_sheet_as_an_analyst_saves_it(tmp_path: Path) -> None:
    # "Claim set" (a space for the underscore) was an unknown key; a rate typed 0.35 beside
    # one formatted 27.8% is read as 0.35%, as claims are percent, with a warning (it was
    # read so in silence)
    import datetime

    import openpyxl

    from idcforecast.errors import AmbiguousNumberWarning

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Claim set", "Made", "Subject", "Kind", "Period", "Value", "Unit"])
    sheet.append(["gt", datetime.datetime(2020, 7, 7), SUBJECT, "CAGR", "2020-22", 0.278, None])
    sheet["F2"].number_format = "0.0%"
    sheet.append(["gt", datetime.datetime(2020, 7, 7), SUBJECT, "level", 2022, 3200, "亿元"])
    sheet.append(["gt2", "2020-07", SUBJECT, "growth", 2021, 0.35, None])
    path = tmp_path / "claims.xlsx"
    book.save(path)
    message = (
        f"file {str(path)!r} row 4: value 0.35 is read as 0.35% (claims give rates in "
        "percent), though it may be a fraction (35%); write '0.35%' to confirm, or 35 if 35% "
        "was meant"
    )
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(message)) as caught:
        claims = read_claims(path)
    assert len(caught) == 1 and caught[0].filename == __file__  # the caller's line
    assert [(c.claim_set, c.made, c.describe()) for c in claims] == [
        ("gt", "2020-07-07", "CAGR 27.8% 2020-2022"),
        ("gt", "2020-07-07", "level 3,200 CNY 100m in 2022"),
        ("gt2", "2020-07", "growth 0.35% in 2021"),
    ]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_a_claims_csv_separated_by_semicolons_or_tabs_is_read(tmp_path: Path, sep: str) -> None:
    # a CSV saved by Excel in a continental locale was one column "claim_set;subject;...",
    # refused as lacking every claims column
    path = tmp_path / "claims.csv"
    lines = ["claim_set,subject,kind,period,value", f"n,{SUBJECT},cagr,2019-21,27.8%", ""]
    path.write_text("\n".join(lines).replace(",", sep), encoding="utf-8")
    assert [c.describe() for c in read_claims(path)] == ["CAGR 27.8% 2019-2021"]
    path.write_text(
        path.read_text(encoding="utf-8")
        + f"n{sep}{SUBJECT}{sep}level{sep}2021{sep}3012.7亿元{sep}x\n",
        encoding="utf-8",
    )
    with pytest.raises(
        DataError, match=re.escape("line 3 has 6 fields, the header 5: quote a cell that holds a ")
    ):
        read_claims(path)


def test_a_stated_level_in_dollars_is_named_as_published() -> None:
    # US$32.5 billion at the 2020 average 6.9042 CNY per USD = 224.39 CNY bn = 2,243.9
    # CNY 100m, against the 2020 actual 2,238.7: 2243.9 / 2238.7 - 1 = +0.2%, a match
    claims = [
        Claim(subject=SUBJECT, kind="level", value=1562.5, unit=UNIT, year=2019, made="2020"),
        Claim(subject=SUBJECT, kind="level", value=32.5, unit="USD bn", year=2020, made="2021"),
    ]
    row = check_claims(claims, history=HISTORY).iloc[0]
    assert (
        "The stated 2020 level (2,243.9; from 32.5 USD bn at the 2020 FX rate) matches the "
        "actual 2,238.7." in row.explanation
    )


def test_a_workbook_with_claims_behind_a_notes_sheet_names_its_sheets(tmp_path: Path) -> None:
    # "lacks the claims columns" said nothing of sheets: the claims were on the second
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["Claims from the Global Times article"])
    claims = book.create_sheet("Claims")
    claims.append(["subject", "kind", "period", "value"])
    claims.append([SUBJECT, "cagr", "2020-22", "27.8%"])
    path = tmp_path / "claims.xlsx"
    book.save(path)
    with pytest.raises(
        SpecError,
        match=re.escape(
            "(claims are read from the first sheet, 'Notes'; the workbook also has 'Claims': "
            "move the claims sheet first, or save it as .csv)"
        ),
    ):
        read_claims(path)


def test_spaces_around_a_claims_cell_are_dropped(tmp_path: Path) -> None:
    # "gt, china_idc_cidc_overall, cagr" (a space after each comma) gave the subject
    # " china_idc_cidc_overall", no bundled series
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set, subject, kind, period, value, qualifier\n"
        f"gt, {SUBJECT} , cagr, 2020-22, 27.8%, exact \n",
        encoding="utf-8",
    )
    (claim,) = read_claims(path)
    assert (claim.claim_set, claim.subject, claim.qualifier) == ("gt", SUBJECT, "exact")
    assert claim.claim_id == "gt/cagr_2022"


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("3,200[1]", "[1]"),
        ("3,200 [a]", "[a]"),
        ("3200亿元[12]", "[12]"),
        ("3,200*", "*"),
        ("3200亿元 †", "†"),
        ("3,200¹", "¹"),
        ("3200亿元①", "①"),
        ("预计3200亿元[1]", "[1]"),
    ],
)
def test_a_footnote_marker_after_a_claimed_figure_is_left_out_and_kept_in_the_note(
    text: str, marker: str
) -> None:
    # "3,200[1]" and "3,200*" (a figure copied with its footnote reference) were "not a
    # figure: unit '[1]' is not defined"; "3,200¹" was read with no word of its marker
    (claim,) = read_claims(
        {"subject": "s", "kind": "level", "year": 2022, "value": text, "unit": "CNY 100m"}
    )
    assert (claim.value, claim.unit) == (3200.0, "CNY 100m")
    assert claim.note.startswith(
        f"published as {text!r} (footnote marker {marker!r}, left out in reading)"
    )


def test_a_footnote_marker_on_a_rate_or_a_range_end_is_left_out_too(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,kind,year,start_year,value,low,high,unit\n"
        "s,cagr,2022,2019,27.8%*,,,\n"
        's,level,2023,,,"3,000[1]",3400,CNY 100m\n',
        encoding="utf-8",
    )
    rate, level = read_claims(path)
    assert rate.value == 27.8
    assert rate.note == "published as '27.8%*' (footnote marker '*', left out in reading)"
    assert (level.low, level.high) == (3000.0, 3400.0)
    assert level.note == "low published as '3,000[1]' (footnote marker '[1]', left out in reading)"


@pytest.mark.parametrize("text", ["3,200[E]", "320①亿元", "[1]"])
def test_what_is_no_footnote_marker_after_a_figure_stays_an_error(text: str) -> None:
    # "[E]" may be an estimate's mark, "320①亿元" would read ① as a digit, "[1]" has no figure
    with pytest.raises(SpecError, match="is not a figure"):
        read_claims({"subject": "s", "kind": "level", "year": 2022, "value": text})


@pytest.mark.parametrize(
    ("made", "iso"),
    [
        ("2020/7/7", "2020-07-07"),
        ("2020-7-7", "2020-07-07"),
        ("2020年7月7日", "2020-07-07"),
        ("2020年7月", "2020-07"),
        ("2020年", "2020"),
    ],
)
def test_a_year_first_publication_date_is_read(made: str, iso: str) -> None:
    # none of these is ambiguous (the year comes first); each was "not an ISO date"
    row = {"subject": "s", "kind": "level", "year": 2022, "value": "3200亿元", "made": made}
    assert read_claims([row])[0].made == iso


@pytest.mark.parametrize("made", ["2020-13", "2021-02-29"])
def test_a_made_date_off_the_calendar_is_refused(made: str) -> None:
    # "2020-13" passed as an ISO date (its made year was used as if it were one)
    message = (
        f"claim 's': made {made!r} is no calendar date; write the date the claim was "
        "published as YYYY, YYYY-MM or YYYY-MM-DD (e.g. '2020-07-07')"
    )
    with pytest.raises(SpecError, match=re.escape(message)):
        Claim(subject="s", kind="level", value=1, unit=UNIT, year=2022, made=made)


def test_a_numpy_tolerance_is_a_number() -> None:
    # np.float32(0.02) was refused: "tolerance must be a relative gap ..., found
    # np.float32(0.02)"; within 2% the 3-step reading (-1.9%) fits, as with 0.02
    import numpy as np

    claims = [
        Claim(subject=SUBJECT, kind="cagr", value=27.8, start_year=2020, year=2022),
        Claim(subject=SUBJECT, kind="level", value=3200, unit=UNIT, year=2022),
    ]
    row = check_claims(claims, history=HISTORY, tolerance=np.float32(0.02)).iloc[0]
    assert bool(row.consistent) and row.fits == "3 steps from 2019"
    with pytest.raises(SpecError, match=re.escape("found True")):
        check_claims(claims, history=HISTORY, tolerance=True)


def test_track_record_keeps_a_dollar_forecast_not_yet_due_past_the_fx_table() -> None:
    # report25: a broker's USD forecast for 2027 of a yuan series stopped the whole track
    # record ("no FX rate for USD->CNY in 2027"), though nothing is compared before 2027
    claims = [
        Claim(subject="m", kind="level", year=2021, value=45.0, unit="USD bn",
              claim_set="b", made="2019"),
        Claim(subject="m", kind="level", year=2027, value=150.0, unit="USD bn",
              claim_set="b", made="2023"),
    ]  # fmt: skip
    actuals = pd.DataFrame(
        {"series_id": "m", "year": [2021, 2022, 2023], "value": [3012.7, 4043.2, 5078.3],
         "unit": "CNY 100m"}
    )  # fmt: skip
    record = track_record(claims, actuals).set_index("year")
    # 45 USD bn at the 2021 G.5A rate, 6.4508 CNY per USD: 290.286 CNY bn = 2,902.86 亿元
    assert record.loc[2021, "value"] == pytest.approx(2902.86)
    assert record.loc[2021, "unit"] == "CNY 100m"
    assert (record.loc[2027, "value"], record.loc[2027, "unit"]) == (150.0, "USD bn")
    assert record.loc[2027, "status"] == "no actual yet (latest 2023)"
    # with an actual for 2027 the comparison needs that year's rate: still an error
    later = pd.concat([actuals, actuals.tail(1).assign(year=2027, value=9000.0)])
    with pytest.raises(IncompatibleUnitsError, match=re.escape("no FX rate for USD->CNY in 2027")):
        track_record(claims, later)


def test_a_utf16_claims_file_with_its_mark_reads_without_encoding(tmp_path: Path) -> None:
    # read_series reads Excel's "Unicode Text" (UTF-16 with a byte-order mark) by itself;
    # read_claims asked for encoding='utf-16'
    path = tmp_path / "claims.csv"
    path.write_text("subject,kind,value,unit,year\nm,level,3200,CNY 100m,2022\n", encoding="utf-16")
    (claim,) = read_claims(path)
    assert (claim.value, claim.unit, claim.year) == (3200.0, "CNY 100m", 2022)


def test_read_claims_takes_one_dict_and_a_parsed_toml_file() -> None:
    # one claim as a dict is read as one Claim is (it was refused: "found dict")
    one = {"subject": SUBJECT, "kind": "cagr", "value": "27.8%", "period": "2020-22"}
    (claim,) = read_claims(one)
    assert (claim.kind, claim.value, claim.start_year, claim.year) == ("cagr", 27.8, 2020, 2022)
    # a claims TOML file as tomllib parses it: the top-level keys are every claim's defaults
    parsed = {
        "claim_set": "gt",
        "made": "2020-07-07",
        "subject": SUBJECT,
        "claims": [
            {"kind": "cagr", "period": "2020-22", "value": "27.8%"},
            {"kind": "level", "year": 2022, "value": "320 billion yuan"},
        ],
    }
    claims = read_claims(parsed)
    assert [(c.claim_set, c.made, c.kind) for c in claims] == [
        ("gt", "2020-07-07", "cagr"),
        ("gt", "2020-07-07", "level"),
    ]
    # 320 CNY bn = 3200 亿元; 3200 / 1.278^3 = 3200 / 2.087298 = 1533.1, against the 2019
    # actual 1562.5: 1533.1 / 1562.5 - 1 = -1.88%
    row = check_claims(parsed, history=HISTORY).iloc[0]
    assert row["gap"] == pytest.approx(-0.0188, abs=5e-5)
    with pytest.raises(SpecError, match=re.escape("the dict: missing kind, year; every claim")):
        read_claims({"subject": SUBJECT, "value": 1})
    with pytest.raises(SpecError, match=re.escape("the dict has no [[claims]] tables")):
        read_claims({"claims": []})


def test_an_undetermined_set_of_levels_says_why_and_tells_each_outcome() -> None:
    # a USD set about the yuan series, made in 2021: 45 USD bn for 2021 (a nowcast) and
    # 150 USD bn for 2027. No rate claim and no stated fact: undetermined, which the
    # explanation did not say; and the 2021 actual, 3012.7 亿元 = 301.27 CNY bn / 6.4508
    # (G.5A 2021) = 46.70 USD bn, was compared nowhere: 45 / 46.70 - 1 = -3.6%
    claims = [
        Claim(subject=SUBJECT, kind="level", value=v, unit="USD bn", year=y, made="2021")
        for y, v in ((2021, 45.0), (2027, 150.0))
    ]
    row = check_claims(claims, history=HISTORY).iloc[0]
    assert row["consistent"] is pd.NA
    assert (row["end_year"], row["unit"]) == (2027, "USD bn")  # the latest forecast's columns
    assert (
        "Consistency undetermined: the set has no growth or CAGR claim, and its levels are "
        "forecasts (for the year they were made in or later, or without a date made): a "
        "forecast is compared with its actual as an outcome, not judged as a stated fact. "
        "Outcome: the 2021 actual was 46.7 (from CNY 100m at its year's FX rate); the "
        "claimed 45 undershot the actual by 3.6%. Outcome: no actual for 2027 yet."
    ) in row["explanation"]
    # a stated level (2013, made 2015) for a year the history lacks
    fact = Claim(subject=SUBJECT, kind="level", value=300.0, unit=UNIT, year=2013, made="2015")
    text = check_claims([fact], history=HISTORY).iloc[0]["explanation"]
    assert text == (
        "Consistency undetermined: the set has no growth or CAGR claim, and the history has "
        "no actual for 2013 to check its stated level against."
    )


def test_a_forecast_for_a_year_the_data_skip_says_the_data_have_no_such_year() -> None:
    # claims58: a forecast for 2022 against data with 2021 and 2023 (a gap) said "no actual
    # for 2022 yet", as if 2022 were still to come; the track record says "no actual for
    # 2022" (report57). A forecast after the latest year keeps "yet".
    history = pd.DataFrame(
        {"series_id": "m", "year": [2019, 2020, 2021, 2023], "value": [100.0, 110, 121, 146.4],
         "unit": "MW"}
    )  # fmt: skip
    gap, due = (
        Claim(claim_set=name, subject="m", kind="level", value=v, unit="MW", year=y, made="2020")
        for name, y, v in (("a", 2022, 140.0), ("b", 2025, 170.0))
    )
    texts = check_claims([gap, due], history=history)["explanation"].tolist()
    assert texts[0].endswith("stated fact. Outcome: the data have no 2022 (they run to 2023).")
    assert texts[1].endswith("stated fact. Outcome: no actual for 2025 yet.")


def test_a_claims_table_names_a_mistyped_kind_and_reads_years_as_analysts_write_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.csv"
    head = "claim_set,made,subject,kind,period,value\n"
    # a typo in the kind was reported as "period '2021' is not two years"
    path.write_text(head + f"x,2020-07,{SUBJECT},grwoth,2021,5\n", encoding="utf-8")
    msg = (
        f"file '{path}' row 2: kind 'grwoth' is not one of level, growth, cagr (did you mean "
        "'growth'?); a claim states a level, a year-on-year growth or a CAGR"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        read_claims(path)
    # a level's year as a fiscal year or an estimate ("FY2022", "2022E", "2022财年") is that
    # year (was "period 'FY2022' is not two years", asking a level for a period)
    rows = [
        f"{k},2020-07,{SUBJECT},level,{p},3200亿元"
        for k, p in (("a", "FY2022"), ("b", "2022E"), ("c", "2022财年"))
    ]
    path.write_text(head + "\n".join(rows) + "\n", encoding="utf-8")
    assert [c.year for c in read_claims(path)] == [2022, 2022, 2022]
    path.write_text(
        f"claim_set,made,subject,kind,year,value\nx,2020-07,{SUBJECT},level,FY2022,3200亿元\n",
        encoding="utf-8",
    )
    assert read_claims(path)[0].year == 2022
    path.write_text(head + f"x,2020-07,{SUBJECT},level,Q4 2022,3200亿元\n", encoding="utf-8")
    msg = (
        f"file '{path}' row 2: a level claim is about one year, and period 'Q4 2022' is not a "
        "year; write it as 2022, '2022年' or 'FY2022'"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        read_claims(path)


def test_a_claims_value_with_an_alternate_figure_keeps_it_in_the_note() -> None:
    # "320 billion yuan ($46.4 billion)": the claim is 320 CNY bn; the dollar figure was
    # dropped without a word (read_series notes it the same way)
    (claim,) = read_claims(
        [
            {
                "subject": SUBJECT,
                "kind": "level",
                "year": 2022,
                "value": "320 billion yuan ($46.4 billion)",
                "note": "Global Times",
            }
        ]
    )
    assert (claim.value, claim.unit) == (320.0, "CNY bn")
    # the source's own dollar figure is a field of the claim (claims31), the note as given
    assert (claim.alternate, claim.note) == ("46.4 USD bn", "Global Times")


def test_a_claimed_base_range_against_the_one_base_an_exact_rate_implies() -> None:
    # 27.8% a year to exactly 3200 in 2022 implies one base per reading: 3200 / 1.278^2 =
    # 1959.2 (2020), 3200 / 1.278^3 = 1533.1 (2019); it was written "1,959.2 to 1,959.2"
    # and called a range. The claimed 2019 range 1,400-1,450 lies 1450 / 1533.1 - 1 = 5.4%
    # below it; the table's gap, 1533.1 / 1450 - 1 = +5.7%, is named beside it
    base = Claim(
        subject=SUBJECT,
        kind="level",
        low=1400,
        high=1450,
        unit=UNIT,
        year=2019,
        claim_set="seed",
        made="2020-07-07",
    )
    row = check_claims([*SEED, base], history=HISTORY).iloc[0]
    assert row["gap"] == pytest.approx(1533.1 / 1450 - 1, abs=5e-5)
    assert (
        "implies a base of 1,959.2 in 2020 (2 steps) or 1,533.1 in 2019 (3 steps). The 2020 "
        "level of 2,238.7 (actual) is 14.3% above that figure (gap -12.5%, outside the 1.0% "
        "tolerance). The 2019 level of 1,400.0 to 1,450.0 (claimed) lies 5.4% below that "
        "figure (gap +5.7%, outside the 1.0% tolerance)."
    ) in row["explanation"]


def test_a_share_claim_is_checked_against_its_share_series() -> None:
    # claims40: a level claim in % ("data centers used 4.4% of US electricity in 2023",
    # LBNL's "6.7-12% in 2028") was refused ("a level claim is an amount ..., and a share
    # in % is not checked"), though its level is checked like any other; only its growth
    # would compound a share, and that stays refused
    subject = "dc_electricity_share_us_lbnl"  # bundled: 1.9% (2018), 4.4% (2023)
    stated = Claim(subject=subject, kind="level", value=4.4, unit="%", year=2023, made="2024")
    assert stated.describe() == "level 4.4% in 2023"
    row = check_claims([stated], history="bundled").iloc[0]
    assert bool(row["consistent"])
    assert "The stated 2023 level (4.4) matches the actual 4.4." in row["explanation"]
    off = Claim(subject=subject, kind="level", value=2, unit="%", year=2018, made="2019")
    record = track_record([off, stated]).set_index("claim_id")
    # 2 / 1.9 - 1 = +5.3%
    assert record.loc[off.claim_id, "error"] == pytest.approx(2 / 1.9 - 1)
    assert record.loc[stated.claim_id, "error"] == 0.0
    rate = Claim(subject=subject, kind="cagr", value=15, start_year=2018, year=2023)
    for history in ("bundled", None):  # the set's levels in % refuse it without history too
        with pytest.raises(GrowthError, match=re.escape("a CAGR of a share is almost")):
            check_claims([off, rate], history=history)


def test_a_level_claim_in_percentage_points_says_what_is_wrong() -> None:
    msg = (
        "claim 'x': a level claim is a figure in a year, found a change in 'pp'; give the "
        "share itself in '%' (4.4 for 4.4%), or the change as the two years' shares"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        Claim(subject="x", kind="level", value=2.5, unit="pp", year=2022)


def test_track_record_names_a_level_converted_from_another_currency() -> None:
    # 46 USD bn for 2022 about the yuan series: 46 * 6.7290 (G.5A 2022) = 309.534 CNY bn =
    # 3,095.3 亿元 is the value compared; the record did not say what was published
    claim = Claim(subject=SUBJECT, kind="level", value=46, unit="USD bn", year=2022, made="2020-07")
    row = track_record([claim], HISTORY).iloc[0]
    assert row["value"] == pytest.approx(3095.34, abs=0.01)
    assert (row["unit"], row["published"]) == (UNIT, "46 USD bn")
    same = dataclasses.replace(claim, value=320, unit="CNY bn")  # another magnitude only
    assert track_record([same], HISTORY).iloc[0]["published"] == ""


# MIIT standard racks (万架), as the bundled china_racks_in_use series; a claim in MW
RACKS = pd.DataFrame(
    {
        "series_id": "racks",
        "year": [2019, 2021],
        "value": [265.8, 520.0],
        "unit": "racks 10k",
    }
)
IN_MW = [
    Claim(subject="racks", kind="level", value=13000, unit="MW", year=2021, made="2020"),
    Claim(subject="racks", kind="cagr", value=25, start_year=2019, year=2021, made="2020"),
]


def test_check_claims_converts_megawatts_to_racks_at_the_kw_per_rack_given() -> None:
    # it was always 2.5 kW a rack, with no way to say 5 (a 5 kW cabinet)
    # 13,000 MW = 13e6 kW; / 2.5 kW = 5.2e6 racks = 520 万架; / 5 kW = 260 万架
    # 2 steps at 25%: 520 / 1.25 ** 2 = 332.8, 260 / 1.5625 = 166.4
    default = check_claims(IN_MW, history=RACKS).iloc[0]
    five = check_claims(IN_MW, history=RACKS, kw_per_rack=5).iloc[0]
    assert (default["claimed_end"], default["implied_base"]) == pytest.approx((520.0, 332.8))
    assert (five["claimed_end"], five["implied_base"]) == pytest.approx((260.0, 166.4))
    # the explanation names the assumption: the source gave MW, not racks
    said = "reaching 260 racks 10k (from 13,000 MW at 5 kW per rack) in 2021"
    assert said in five["explanation"]
    readings = claim_readings(IN_MW, history=RACKS, kw_per_rack=5)
    assert readings["implied_base"].tolist()[0] == pytest.approx(166.4)


def test_track_record_converts_megawatts_to_racks_at_the_kw_per_rack_given() -> None:
    # 13,000 MW at 5 kW a rack is 260 万架 against 520: error 260 / 520 - 1 = -0.5
    row = track_record(IN_MW, RACKS, kw_per_rack=5).iloc[0]
    assert (row["value"], row["error"], row["published"]) == (260.0, -0.5, "13,000 MW")
    assert track_record(IN_MW, RACKS).iloc[0]["error"] == 0.0  # 2.5 kW: 520 against 520


def test_levels_in_racks_and_megawatts_check_each_other_at_the_kw_per_rack() -> None:
    # without history: 265.8 万架 in 2019, 13,000 MW in 2021 and 25% a year 2019-2021; the
    # set is checked in its first level's unit (racks): 13,000 MW is 260 万架 at 5 kW, and
    # 260 / 1.25 ** 2 = 166.4 against the claimed 265.8 (166.4 / 265.8 - 1 = -0.374)
    base = Claim(subject="racks", kind="level", value=265.8, unit="racks 10k", year=2019)
    row = check_claims([base, *IN_MW], kw_per_rack=5).iloc[0]
    assert (row["unit"], row["implied_base"]) == ("racks 10k", pytest.approx(166.4))
    assert row["gap"] == pytest.approx(166.4 / 265.8 - 1)


@pytest.mark.parametrize("bad", [0, -2.5, float("nan"), True, "5"])
def test_a_bad_kw_per_rack_is_refused_before_any_claim_is_read(bad: object) -> None:
    msg = (
        f"kw_per_rack: expected a positive number of kW per standard rack, found {bad!r}; "
        "pass e.g. kw_per_rack=2.5 (MIIT standard rack) or 5 (a 5 kW cabinet)"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        check_claims(SEED, kw_per_rack=bad)  # type: ignore[arg-type]
    with pytest.raises(SpecError, match=re.escape(msg)):
        track_record(SEED, HISTORY, kw_per_rack=bad)  # type: ignore[arg-type]


SHARE = pd.DataFrame(
    {"series_id": "share", "year": [2019, 2020, 2021, 2022], "value": [1.5, 2.0, 2.4, 3.0]}
)


@pytest.mark.parametrize(
    ("claim", "what"),
    [
        (Claim(subject="share", kind="cagr", value=26, start_year=2019, year=2022), "a CAGR"),
        (Claim(subject="share", kind="growth", value=25, year=2022), "a growth rate"),
    ],
)
def test_a_rate_claim_about_a_share_in_percent_is_refused_as_cagr_refuses_it(
    claim: Claim, what: str
) -> None:
    # it was checked as the compound growth of the percentage: 1.5% -> 3.0% over 3 steps
    # is (3 / 1.5) ** (1 / 3) - 1 = 26.0% "a year", so "CAGR 26% 2019-2022" fitted, while
    # cagr() of the same figures in % is an error
    from idcforecast.errors import GrowthError

    msg = (
        f"claim {claim.claim_id!r} ({claim.describe()}): subject 'share' is in '%', a share "
        f"or a rate, not a level; {what} of a share is almost certainly a mistake (its change "
        "is in percentage points: 1.5% -> 3.0% is +1.5 pp, and 'grew 25%' may mean either), "
        "and cagr() refuses it too: check the claim against the levels the share is of, or "
        "compare the share's change in pp (idcforecast show)"
    )
    for unit in ("%", "pp"):
        with pytest.raises(GrowthError, match=re.escape(msg.replace("'%'", repr(unit)))):
            check_claims([claim], history=SHARE.assign(unit=unit))
    # the same share in a unit of levels is checked as before (fits: 26.0% a year)
    assert bool(check_claims([claim], history=SHARE.assign(unit="MW")).iloc[0]["consistent"])


def test_a_set_with_levels_in_two_currencies_is_checked_in_the_historys() -> None:
    # "US$46 bn in 2022" beside "7,000亿元 in 2027" and 17.7% a year 2022-2027, against
    # the CIDC series in yuan: the set was checked in dollars (its first level's unit), so
    # the 2027 yuan needed a 2027 FX rate no table has and the check stopped
    # (IncompatibleUnitsError). In yuan: 46 * 6.7290 (G.5A 2022) = 309.534 CNY bn =
    # 3,095.34亿元; 7000 / 1.177 ** 5 = 7000 / 2.258823 = 3,098.96 for 2022 (5 steps),
    # gap 3098.96 / 3095.34 - 1 = +0.12%: fits
    claims = [
        Claim(subject=SUBJECT, kind="level", value=46, unit="USD bn", year=2022, made="2023"),
        Claim(subject=SUBJECT, kind="level", value=7000, unit=UNIT, year=2027, made="2023"),
        Claim(subject=SUBJECT, kind="cagr", value=17.7, start_year=2022, year=2027, made="2023"),
    ]
    row = check_claims(claims, history=HISTORY).iloc[0]
    assert (row["unit"], row["reading"]) == (UNIT, "5 steps from 2022")
    assert row["implied_base"] == pytest.approx(7000 / 1.177**5)
    assert row["reference_base"] == pytest.approx(3095.34, abs=0.01)
    assert row["gap"] == pytest.approx(7000 / 1.177**5 / 3095.34 - 1, abs=1e-5)
    assert bool(row["consistent"]) is False  # the stated 2022 level: 3,095.3 against 4,043.2
    assert "(3,095.3; from 46 USD bn at the 2022 FX rate)" in row["explanation"]
    # the claimed base is named as converted, as a converted actual is (it read "claimed")
    said = "Against the 2022 level of 3,095.3 (claimed, from USD bn at its year's FX rate)"
    assert said in row["explanation"]
    assert row["reference"] == "claimed, from USD bn at its year's FX rate"


def test_value_text_in_power_beside_a_unit_in_racks_is_left_to_the_checks_kw_per_rack(
    tmp_path: Path,
) -> None:
    # "13 GW" with unit "racks 10k" was converted in reading at 2.5 kW a rack (520 万架),
    # so check_claims(kw_per_rack=5) still saw 520; now the claim keeps GW and the check
    # converts it: 13 GW = 13e6 kW / 5 kW = 2.6e6 racks = 260 万架
    path = _claims_csv(tmp_path, "racks,level,2021,,13 GW,racks 10k,,,")
    claim = read_claims(path)[0]
    assert (claim.value, claim.unit) == (13.0, "GW")
    assert claim.note == "published as '13 GW'; unit 'racks 10k' not applied in reading"
    made = dataclasses.replace(claim, made="2020")
    row = track_record([made], RACKS, kw_per_rack=5).iloc[0]
    assert (row["value"], row["unit"], row["published"]) == (260.0, "racks 10k", "13 GW")


def test_track_record_takes_a_tolerance_as_check_claims_does() -> None:
    # a numpy float32 (from a frame's column) was refused; False was taken as 0
    import numpy as np

    record = track_record(SEED, HISTORY, tolerance=np.float32(0.25))
    # 3200 / 4043.2 - 1 = -20.9%: held within 25%, not within the default 5%
    assert bool(record.iloc[0]["held"]) is True
    with pytest.raises(SpecError, match=re.escape("found False")):
        track_record(SEED, HISTORY, tolerance=False)  # type: ignore[arg-type]


def test_a_converted_level_is_named_with_every_published_digit() -> None:
    # the published column used ":g": 5,234,567 racks read "5.23457e+06 racks" and
    # 1,234.5678 USD mn "1234.57 USD mn", figures the source never wrote
    power = pd.DataFrame({"series_id": "p", "year": [2021], "value": [13000.0], "unit": "MW"})
    racks = Claim(subject="p", kind="level", value=5234567, unit="racks", year=2021)
    assert track_record([racks], power).iloc[0]["published"] == "5,234,567 racks"
    money = pd.DataFrame({"series_id": "m", "year": [2021], "value": [8000.0], "unit": "CNY mn"})
    usd = Claim(subject="m", kind="level", value=1234.5678, unit="USD mn", year=2021)
    assert track_record([usd], money).iloc[0]["published"] == "1,234.5678 USD mn"


def test_a_period_in_the_year_column_names_the_period_column() -> None:
    # it said only "year must be a year, found '2020-22'"
    msg = (
        "list row 1: year must be a year, found '2020-22'; a period goes in the period column "
        "(period '2020-22'), not in year"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        read_claims([{"subject": "m", "kind": "cagr", "value": "27.8%", "year": "2020-22"}])
    with pytest.raises(SpecError, match=re.escape("year must be a year, found 'soon'") + "$"):
        read_claims([{"subject": "m", "kind": "cagr", "value": "27.8%", "year": "soon"}])
    with pytest.raises(SpecError, match=re.escape("year must be a year, found 2020.5") + "$"):
        read_claims([{"subject": "m", "kind": "cagr", "value": "27.8%", "year": 2020.5}])


@pytest.mark.parametrize("cell", ["more than", "at least", ">"])
def test_an_actual_qualifier_in_words_is_refused_not_read_as_exact(cell: str) -> None:
    # "more than 4,000" for 2022 was read as exactly 4,000: a claim of 4,800 "overshot"
    # and did not hold, where the true value may be above 4,800
    history = pd.DataFrame(
        {
            "series_id": "m",
            "year": [2019, 2022],
            "value": [1562.5, 4000.0],
            "unit": UNIT,
            "qualifier": [" exact ", cell],
        }
    )
    claim = Claim(subject="m", kind="level", value=4800, unit=UNIT, year=2022, made="2020")
    msg = (
        f"actuals: series 'm' year 2022: qualifier {cell!r} is not one of 'exact', "
        "'at_least', 'at_most', 'approximately'; use one of those (e.g. 'at_least' for "
        "'more than'), or leave it blank for an exact figure"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        track_record([claim], history)
    with pytest.raises(DataError, match=re.escape(msg.replace("actuals:", "history:"))):
        check_claims([claim], history=history)
    # "at_least": the direction is open, as documented
    # (4,800 against "more than 4,000": held or missed, as the true value was)
    row = track_record([claim], history.assign(qualifier=["", "at_least"])).iloc[0]
    assert (row["direction"], row["verdict"]) == ("undetermined", "open")
    assert pd.isna(row["held"])


def test_a_set_in_two_currencies_is_checked_without_history_in_one_that_converts() -> None:
    # without history the set was checked in its first level's currency (USD), and the
    # 2027 yuan level needed a 2027 CNY->USD rate no table has: IncompatibleUnitsError.
    # Now in yuan, which every level converts to: 17.8 USD bn * 6.7290 (G.5A 2022) =
    # 119.7762 CNY bn = 1,197.762亿元; 3075 / 1.189 ** 5 = 1,294.0 for 2022 (5 steps)
    claims = [
        Claim(subject="m", kind="level", value=17.8, unit="USD bn", year=2022, made="2023"),
        Claim(subject="m", kind="level", value=3075, unit=UNIT, year=2027, made="2023"),
        Claim(subject="m", kind="cagr", value=18.9, start_year=2022, year=2027, made="2023"),
    ]
    row = check_claims(claims).iloc[0]
    assert (row["unit"], row["reading"]) == (UNIT, "5 steps from 2022")
    assert row["reference_base"] == pytest.approx(1197.762, abs=1e-3)
    assert row["implied_base"] == pytest.approx(3075 / 1.189**5)
    assert row["reference"] == "claimed, from USD bn at its year's FX rate"
    # a set no unit fits (a 2030 dollar level beside 2027 yuan) keeps the first error
    late = dataclasses.replace(claims[0], value=50.0, year=2030)
    with pytest.raises(IncompatibleUnitsError, match="no FX rate for CNY->USD in 2027"):
        check_claims([late, *claims[1:]])


def test_a_forecast_growth_without_an_end_level_is_not_checkable_not_consistent() -> None:
    # claims30: CAICT's "67.9 USD bn in 2021" matches its actual, but its forecast "growth
    # 9.8% in 2022" has no 2022 level (claimed, or an actual: the history ends in 2021):
    # the summary read "consistent: yes; readings that fit: unchecked", as if the growth
    # had been checked too. A matching level does not check a rate: undetermined, with
    # what was checked named.
    history = pd.DataFrame(
        {"series_id": "g", "year": [2020, 2021], "value": [61.8, 67.9], "unit": "USD bn"}
    )
    claims = [
        Claim(subject="g", kind="level", value=67.9, unit="USD bn", year=2021, made="2022"),
        Claim(subject="g", kind="growth", value=9.8, year=2022, made="2022"),
    ]
    row = check_claims(claims, history=history).iloc[0]
    assert row["consistent"] is pd.NA
    assert row["checked"] == "stated 2021 level"
    assert row["fits"] == "not checkable: no level for 2022, claimed or actual"
    assert (
        "Consistency undetermined: no growth or CAGR claim could be checked" in (row["explanation"])
    )
    # a stated level that does not match its actual still makes the set inconsistent
    wrong = [dataclasses.replace(claims[0], value=80.0), claims[1]]
    assert bool(check_claims(wrong, history=history).iloc[0]["consistent"]) is False
    # alone, the growth claim decides nothing: no verdict, nothing checked
    alone = check_claims(claims[1:], history=history).iloc[0]
    assert alone["consistent"] is pd.NA
    assert (alone["checked"], alone["fits"]) == ("", row["fits"])
    # with the 2022 actual it is checked: 67.9 * 1.098 = 74.55 against 74.6 (-0.07%)
    grown = pd.concat([history, history.iloc[[0]].assign(year=2022, value=74.6)])
    checked = check_claims(claims, history=grown).iloc[0]
    assert checked["checked"] == "growth 9.8% in 2022; stated 2021 level"
    assert checked["fits"] == "1 step from 2021"


def test_a_claimed_end_without_a_base_level_names_the_base_year() -> None:
    # 9.8% to 67.9 in 2021 implies 61.84 in 2020 (67.9 / 1.098); there is no 2020 level
    history = pd.DataFrame({"series_id": "g", "year": [2021], "value": [67.9], "unit": "USD bn"})
    claims = [
        Claim(subject="g", kind="level", value=67.9, unit="USD bn", year=2021, made="2022"),
        Claim(subject="g", kind="growth", value=9.8, year=2021, made="2022"),
    ]
    row = check_claims(claims, history=history).iloc[0]
    assert row["fits"] == "not checkable: no level for 2020, claimed or actual"
    assert (row["checked"], row["consistent"]) == ("stated 2021 level", pd.NA)


def test_a_figure_in_two_currencies_takes_the_sources_own_in_the_units_currency() -> None:
    # claims30: "US$17.8 bn (1,293.5亿元)" (IDC Corp's 2022 China market, data/
    # published_forecasts.csv) with unit 亿元 was 17.8 x 6.7290 (2022 average CNY per USD)
    # = 119.776 CNY bn = 1,197.762 CNY 100m, 7.4% below the source's own 1,293.5; the
    # source's figure was noted as "alternate (not used)". Now it is the value, and the
    # FX figure is named: 1,198 (4 significant digits), 1198 / 1293.5 - 1 = -7.4%
    (claim,) = read_claims(
        [
            {
                "subject": "m",
                "kind": "level",
                "year": 2022,
                "value": "US$17.8 bn (1,293.5亿元)",
                "unit": "CNY 100m",
            }
        ]
    )
    assert (claim.value, claim.unit, claim.qualifier) == (1293.5, "CNY 100m", "exact")
    assert claim.note == (
        "published as 'US$17.8 bn (1,293.5亿元)', the source's own 1,293.5 CNY 100m used; "
        "17.8 USD bn at the 2022 FX rate would be 1,198 CNY 100m (-7.4%)"
    )
    # in another magnitude of that currency it is the same figure: 1,293.5亿元 = 129.35 CNY bn
    (in_bn,) = read_claims(
        [{"subject": "m", "kind": "level", "year": 2022,
          "value": "more than US$17.8 bn (1,293.5亿元)", "unit": "CNY bn"}]
    )  # fmt: skip
    assert (in_bn.value, in_bn.qualifier) == (pytest.approx(129.35), "at_least")
    # a third currency's figure is no conversion of the source's: FX as before
    # 17.8 x 6.7290 = 119.776 -> 119.8 CNY bn (4 significant digits)
    (other,) = read_claims(
        [{"subject": "m", "kind": "level", "year": 2022, "value": "US$17.8 bn (€16.9 bn)",
          "unit": "CNY bn"}]
    )  # fmt: skip
    assert other.value == 119.8


def test_a_converted_claim_prints_to_its_published_precision() -> None:
    # claims30: "US$17.8 bn" in 亿元 printed "level 1,197.762 CNY 100m in 2022" in the claims
    # line and value=1197.762 in the repr; 17.8 x 6.7290 = 1,197.762 -> 1,198 (4 digits)
    (claim,) = read_claims(
        [{"subject": "m", "kind": "level", "year": 2022, "value": "US$17.8 bn",
          "unit": "CNY 100m"}]
    )  # fmt: skip
    assert claim.describe() == "level 1,198 CNY 100m in 2022"
    assert "value=1198.0," in repr(claim)
    # a figure published with more digits keeps them: 1,234.5678 USD mn (8 digits) x 6.7290
    # = 7,407.4068 + 899.9999 (x 0.729) = 8,307.4067 CNY mn -> 83.074067 CNY 100m
    (precise,) = read_claims(
        [{"subject": "m", "kind": "level", "year": 2022, "value": "US$1,234.5678 mn",
          "unit": "CNY 100m"}]
    )  # fmt: skip
    assert precise.value == pytest.approx(83.074067, abs=5e-7)
    assert precise.describe() == "level 83.074067 CNY 100m in 2022"
    # a range keeps each end's digits: 40 x 6.7290 = 269.16 -> 269.2, 50 x 6.729 = 336.45
    (span,) = read_claims(
        [{"subject": "m", "kind": "level", "year": 2022, "value": "US$40-50 bn",
          "unit": "CNY bn"}]
    )  # fmt: skip
    assert span.describe() == "level 269.2-336.4 CNY bn in 2022"


def test_a_range_of_low_and_high_in_power_beside_racks_converts_at_the_kw_per_rack() -> None:
    # claims30: low '13 GW', high '15 GW' with unit 'racks 10k' were read at 2.5 kW a rack
    # in silence (520-600 万架, whatever kw_per_rack said; check-claims then called
    # --kw-per-rack 5 "not used"). They keep GW, as a value text "13-15 GW" does, and the
    # checks convert at their kw_per_rack: 13e6 kW / 5 kW = 2.6e6 racks = 260 万架, 15 GW ->
    # 300; 2 steps at 25% from 260-300: 166.4-192 (260 / 1.5625 = 166.4, 300 / 1.5625 = 192)
    record = {"subject": "racks", "kind": "level", "year": 2021, "made": "2020",
              "low": "13 GW", "high": "15 GW", "unit": "racks 10k"}  # fmt: skip
    (claim,) = read_claims([record])
    assert (claim.low, claim.high, claim.unit) == (13.0, 15.0, "GW")
    assert claim.note == "range published in 'GW'; unit 'racks 10k' not applied in reading"
    claims = [claim, IN_MW[1]]
    five = check_claims(claims, history=RACKS, kw_per_rack=5).iloc[0]
    said = "reaching 260 to 300 racks 10k (from 13-15 GW at 5 kW per rack) in 2021"
    assert said in five["explanation"]
    readings = claim_readings(claims, history=RACKS, kw_per_rack=5)
    assert readings["implied_base"].tolist()[0] == pytest.approx(192.0)  # nearest 265.8
    # at the default 2.5 kW the same range is 520-600 万架, named as such
    default = check_claims(claims, history=RACKS).iloc[0]
    assert "(from 13-15 GW at 2.5 kW per rack)" in default["explanation"]


@pytest.mark.parametrize(
    ("low", "high"), [("13 GW", "600"), ("520", "15 GW"), ("13 GW", "6000000 racks")]
)
def test_range_ends_one_in_power_one_in_racks_are_refused(low: str, high: str) -> None:
    # the first end's text is named; after '13 GW' the range is in GW ("low in 'GW'")
    # "13 GW" beside 600 (万架, the unit column) mixes units: it was 520-600 at 2.5 kW
    record = {"subject": "racks", "kind": "level", "year": 2021, "low": low, "high": high,
              "unit": "racks 10k"}  # fmt: skip
    with pytest.raises(
        SpecError, match=r"low and high are in different units.* write both ends in one unit"
    ):
        read_claims([record])


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("doubled", 100.0, "exact"),  # x2 = +100%
        ("nearly doubled", 100.0, "approximately"),
        ("tripled", 200.0, "exact"),  # x3 = +200%
        ("翻一番", 100.0, "exact"),  # 番: one doubling
        ("翻两番", 300.0, "exact"),  # two doublings: x4 = +300%
        ("增长近一倍", 100.0, "approximately"),  # grew by nearly one times (+100%)
        ("增长1倍", 100.0, "exact"),
        ("2.5x", 150.0, "exact"),  # x2.5 = +150%
        ("a threefold increase", 200.0, "exact"),
        ("nearly 2x", 100.0, "approximately"),
    ],
)
def test_a_growth_written_as_a_multiple_is_its_percent(
    text: str, value: float, qualifier: str
) -> None:
    # claims30: "nearly doubled" was "not a figure: no number found", and 翻一番 an error
    # about Chinese numerals
    record = {"subject": SUBJECT, "kind": "growth", "year": 2021, "value": text}
    (claim,) = read_claims([record])
    assert (claim.value, claim.qualifier) == (value, qualifier)
    assert claim.note == f"published as {text!r}: a multiple of {value / 100 + 1:g}, +{value:g}%"


def test_a_cagr_written_as_a_multiple_gives_the_rate_of_each_reading() -> None:
    # "doubled over 2020-22" is no rate a year until the steps are chosen:
    # 2 ** (1/2) - 1 = 41.42% (2 steps from 2020), 2 ** (1/3) - 1 = 25.99% (3 from 2019)
    record = {"subject": SUBJECT, "kind": "cagr", "period": "2020-22", "value": "翻一番"}
    with pytest.raises(SpecError) as err:
        read_claims([record])
    assert str(err.value) == (
        "list row 1: value '翻一番' is a multiple of 2 of the level over the period, not a "
        "rate a year: over 2020-2022 it is 41.4% a year over 2 steps from 2020 (2 ** (1/2) "
        "- 1) or 26.0% a year over 3 steps from 2019 (2 ** (1/3) - 1); give the CAGR of the "
        "reading meant (e.g. value '41.4%'), or the two levels as level claims"
    )
    # 增长两倍 is +200% (x3) by the rule, but often written for x2: refused, not guessed
    ambiguous = {"subject": SUBJECT, "kind": "growth", "year": 2021, "value": "增长两倍"}
    with pytest.raises(SpecError, match=r"is ambiguous: by the rule it grew by 2 times \(x3"):
        read_claims([ambiguous])
    level = {"subject": SUBJECT, "kind": "level", "year": 2022, "value": "tripled",
             "unit": UNIT}  # fmt: skip
    with pytest.raises(SpecError, match=r"value 'tripled' is a change \(a multiple of 3"):
        read_claims([level])


@pytest.mark.parametrize(
    "text", ["between 2020 and 2022", "2020-2022年间", "2020至2022年期间", "2020年-2022年期間"]
)
def test_a_period_said_with_its_words_is_its_years(text: str) -> None:
    # claims30: "between 2020 and 2022" and "2020-2022年间" were "not two years"
    assert parse_period(text) == (2020, 2022)


def test_a_period_of_one_year_says_to_use_a_growth_claim() -> None:
    # "2020-2020" said "write the earlier year first", which does not help
    with pytest.raises(SpecError) as err:
        parse_period("2020-2020")
    assert str(err.value) == (
        "period '2020-2020' is one year (2020); a period runs from one year to a later one: "
        "for one year's growth give kind 'growth' with year 2020"
    )


def test_a_value_converted_in_reading_is_marked_as_published_in_another_currency() -> None:
    # claims30: "US$46 bn" with unit 'CNY 100m' became 3,095 CNY 100m in reading, and the
    # track record and the explanation showed it as if the source had given it (the same
    # claim without a unit column was marked "published as 46 USD bn"). 46 x 6.7290 (2022)
    # = 309.534 CNY bn = 3,095.34 -> 3,095 (4 significant digits); 3095 / 4043.2 - 1 = -23.5%
    record = {"subject": SUBJECT, "kind": "level", "year": 2022, "made": "2020-07",
              "value": "US$46 bn", "unit": UNIT}  # fmt: skip
    (claim,) = read_claims([record])
    row = track_record([claim], HISTORY).iloc[0]
    assert (row["value"], row["published"]) == (3095.0, "US$46 bn")
    assert row["error"] == pytest.approx(3095 / 4043.2 - 1)
    rate = Claim(subject=SUBJECT, kind="cagr", value=27.8, start_year=2020, year=2022)
    explained = check_claims([claim, rate], history=HISTORY).iloc[0]["explanation"]
    assert "reaching 3,095 CNY 100m (from US$46 bn at the 2022 FX rate) in 2022" in explained
    # the source's own figure in the unit's currency is no conversion: nothing marked
    own = read_claims([{**record, "value": "US$46 bn (3,200亿元)"}])[0]
    assert (own.value, track_record([own], HISTORY).iloc[0]["published"]) == (3200.0, "")


@pytest.mark.parametrize(
    ("written", "kind"),
    [("YoY", "growth"), ("同比", "growth"), ("复合增长率", "cagr"), ("市场规模", "level")],
)
def test_a_kind_as_tables_write_it_is_read(written: str, kind: str) -> None:
    # claims30: "YoY" was "kind 'yoy' is not one of level, growth, cagr" (no hint)
    record = {"subject": SUBJECT, "kind": written, "year": 2022, "value": "25%"}
    if kind == "cagr":
        record["start_year"] = 2020
    if kind == "level":
        record["value"] = "3200亿元"
    assert read_claims([record])[0].kind == kind


def test_a_range_with_nothing_to_compare_gives_the_interval_not_a_midpoint_figure() -> None:
    # claims30: a reading without a base level showed 3200 / 1.275^3 = 1543.9, the base of
    # the range's midpoint (27.5%), as "implied base"; the bases 25-30% allow are
    # 3200 / 1.30^3 = 1456.5 to 3200 / 1.25^3 = 1638.4 (and 2 steps: 1893.5 to 2048.0)
    claims = [
        Claim(subject=SUBJECT, kind="cagr", low=25, high=30, start_year=2020, year=2022),
        Claim(subject=SUBJECT, kind="level", value=3200, unit=UNIT, year=2022),
    ]
    readings = claim_readings(claims).set_index("steps")
    assert readings["implied_base"].isna().all()
    assert readings.loc[3, ["implied_low", "implied_high"]].tolist() == pytest.approx(
        [1456.5, 1638.4], abs=0.05
    )
    assert readings.loc[2, ["implied_low", "implied_high"]].tolist() == pytest.approx(
        [1893.5, 2048.0], abs=0.05
    )
    # compared with an actual, implied_base stays the allowed base nearest it (2048.0
    # against 2,238.7) and the interval is given beside it
    compared = claim_readings(claims, history=HISTORY).set_index("steps")
    assert compared.loc[2, "implied_base"] == pytest.approx(2048.0)
    assert compared.loc[2, "implied_high"] == pytest.approx(2048.0)
    # exact figures have no interval
    assert claim_readings(SEED)[["implied_low", "implied_high"]].isna().all().all()


def test_a_narrow_range_converted_keeps_two_ends() -> None:
    # "US$17.80-17.81 bn" at 6.7290: 1,197.762 and 1,198.435 CNY 100m, both 1,198 at 4
    # digits, which Claim refused as "low=1198, high=1198"; 5 digits keep them apart
    record = {"subject": "m", "kind": "level", "year": 2022, "value": "US$17.80-17.81 bn",
              "unit": "CNY 100m"}  # fmt: skip
    (claim,) = read_claims([record])
    assert (claim.low, claim.high) == (1197.8, 1198.4)
    assert claim.note.endswith("converted at the 2022 FX rate, to 5 significant digits")


def test_two_currencies_far_apart_are_refused_not_one_taken() -> None:
    # "500 billion yuan ($7.12 billion)" with unit USD bn: 500 / 6.9042 (2020) = 72.42 USD
    # bn, 72.42 / 7.12 - 1 = 917% above the source's own: a slipped magnitude, and taking
    # the source's figure would be a tenth of the market. $71.2 bn (1.7% apart) is taken.
    record = {"subject": "m", "kind": "level", "year": 2020, "unit": "USD bn",
              "value": "500 billion yuan ($7.12 billion)"}  # fmt: skip
    with pytest.raises(SpecError) as err:
        read_claims([record])
    assert str(err.value) == (
        "list row 1: value '500 billion yuan ($7.12 billion)' gives 500 CNY bn and 7.12 USD "
        "bn, and 500 CNY bn at the 2020 FX rate is 72.42 USD bn, 917% above the second "
        "figure: one of them is likely mistyped; give the figure meant alone"
    )
    (fine,) = read_claims([{**record, "value": "500 billion yuan ($71.2 billion)"}])
    assert fine.value == 71.2


def test_the_sources_own_figure_is_used_against_a_series_in_its_currency() -> None:
    # claims30: "US$17.8 bn (1,293.5亿元)" with no unit column is a claim of 17.8 USD bn; the
    # checks converted it at the 2022 average (17.8 x 6.7290 = 119.776 CNY bn = 1,197.8
    # CNY 100m, -7.4% from IDC Corp's own 1,293.5) though the text gave 1,293.5 itself
    history = pd.DataFrame(
        {"series_id": "idc", "year": [2021, 2022], "value": [1147.7, 1293.5], "unit": UNIT}
    )
    record = {"subject": "idc", "kind": "level", "year": 2022, "made": "2023-08",
              "value": "US$17.8 bn (1,293.5亿元)"}  # fmt: skip
    (claim,) = read_claims([record])
    assert (claim.value, claim.unit) == (17.8, "USD bn")
    row = track_record([claim], history).iloc[0]
    assert (row["value"], row["unit"], row["published"], row["error"]) == (1293.5, UNIT, "", 0.0)
    checked = check_claims([claim], history=history).iloc[0]
    assert (checked["unit"], bool(checked["consistent"])) == (UNIT, True)
    assert checked["explanation"].startswith(
        "The stated 2022 level (1,293.5; the source's own figure, beside 17.8 USD bn) "
        "matches the actual 1,293.5."
    )
    # a second figure 10x off (129.35亿元: 1,197.8 / 129.35 - 1 = 826%) is refused, as it
    # is beside a unit (claims31: it was dropped in silence, the FX conversion checked)
    with pytest.raises(SpecError, match=re.escape("are 826% apart at the 2022 FX rate")):
        read_claims([{**record, "value": "US$17.8 bn (129.35亿元)"}])
    # a file written before Claim.alternate, the figure in its note: still not taken
    note = (
        "alternate figure in the text: 129.35 CNY 100m (the source's own: used against a "
        "series in its currency instead of an FX conversion)"
    )
    slipped = Claim(subject="idc", kind="level", value=17.8, unit="USD bn", year=2022, note=note)
    assert track_record([slipped], history).iloc[0]["value"] == pytest.approx(1197.762)


def test_a_claim_built_in_python_carries_the_sources_second_currency_figure() -> None:
    # claims31: the source's own 1,293.5亿元 beside US$17.8 bn reached the checks only through
    # the note text read_claims writes; a Claim built in Python needed that exact wording.
    # Now a field: against a history in CNY 100m the level is 1,293.5 (error 0), not 17.8
    # at the 2022 average rate (17.8 x 6.7290 x 10 = 1,197.762)
    history = pd.DataFrame(
        {"series_id": "idc", "year": [2021, 2022], "value": [1147.7, 1293.5], "unit": UNIT}
    )
    claim = Claim(subject="idc", kind="level", value=17.8, unit="USD bn", year=2022,
                  made="2023-08", alternate=" 1,293.5亿元 ")  # fmt: skip
    assert claim.alternate == "1,293.5亿元"
    assert track_record([claim], history).iloc[0]["value"] == 1293.5
    checked = check_claims([claim], history=history).iloc[0]
    assert (checked["unit"], bool(checked["consistent"])) == (UNIT, True)
    plain = dataclasses.replace(claim, alternate="")
    assert track_record([plain], history).iloc[0]["value"] == pytest.approx(1197.762)


def test_read_claims_fills_alternate_and_reads_it_as_a_column(tmp_path: Path) -> None:
    # value text in two currencies sets the field; an optional `alternate` column gives it;
    # an old file's note ("alternate figure in the text: ... (the source's own: ...)") works
    record = {"subject": "idc", "kind": "level", "year": 2022,
              "value": "US$17.8 bn (1,293.5亿元)"}  # fmt: skip
    (from_text,) = read_claims([record])
    assert (from_text.value, from_text.unit, from_text.alternate) == (
        17.8,
        "USD bn",
        "1293.5 CNY 100m",
    )
    assert from_text.note == ""
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,kind,year,value,unit,alternate,note\n"
        'idc,level,2022,17.8,USD bn,"1,293.5亿元",\n'
        'idc,level,2021,16.5,USD bn,,"alternate figure in the text: 1147.7 CNY 100m '
        "(the source's own: used against a series in its currency instead of an FX "
        'conversion)"\n',
        encoding="utf-8",
    )
    new, old = read_claims(path)
    assert (new.alternate, old.alternate) == ("1,293.5亿元", "")
    history = pd.DataFrame(
        {"series_id": "idc", "year": [2021, 2022], "value": [1147.7, 1293.5], "unit": UNIT}
    )
    # (at the FX rates they would be 17.8 x 6.7290 x 10 = 1,197.8 and 16.5 x 6.4515 x 10 =
    # 1,064.5; the rows come by year)
    assert list(track_record([new, old], history)["value"]) == [1147.7, 1293.5]
    with pytest.raises(SpecError, match="alternate is given too"):
        read_claims([{**record, "alternate": "1,293.5亿元"}])


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"kind": "cagr", "value": 27.8, "start_year": 2020, "alternate": "1,293.5亿元"},
            "only a level claim has",
        ),
        ({"alternate": "17.8 USD bn"}, "not in a second currency beside 'USD bn'"),
        ({"alternate": "1,293 MW"}, "not in a second currency"),
        ({"alternate": "lots"}, "is not a figure with its unit"),
        ({"alternate": 1293.5}, "alternate '1293.5' has no currency; give the source's own"),
        ({"alternate": "1,290-1,300亿元"}, "is a range, the claim one figure"),
        # 17.8 x 6.7290 x 10 = 1,197.8 CNY 100m at the 2022 rate, 1,197.8 / 129.35 - 1 = 826%
        (
            {"alternate": "129.35亿元"},
            "the second-currency figure '129.35亿元' (alternate) and the value 17.8 USD bn "
            "are 826% apart at the 2022 FX rate (17.8 USD bn is 1,198 CNY 100m)",
        ),
    ],
)
def test_a_bad_alternate_is_refused_naming_it(fields: dict, message: str) -> None:
    base = {"subject": "idc", "kind": "level", "value": 17.8, "unit": "USD bn", "year": 2022}
    with pytest.raises(SpecError, match=re.escape(message)) as err:
        Claim(**{**base, **fields})
    assert err.value.key == "alternate"


CLAIMS_XLS = Path(__file__).parent / "fixtures" / "claims_book.xls"


def test_a_claims_workbook_in_excel_97_2003_is_read_as_its_xlsx(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # claims31: read_series reads an .xls (xlrd), read_claims and check-claims refused it
    # ("an old Excel 97-2003 workbook, which this package does not read"). The workbook
    # (tests/fixtures/claims_book_source.py, saved as .xls by LibreOffice 7.4) has a CAGR
    # cell stored as 0.278 and shown as 27.8%: the percent as shown, as in an .xlsx
    cagr, level, base = read_claims(CLAIMS_XLS)
    assert (cagr.kind, cagr.value, cagr.start_year, cagr.year, cagr.made) == (
        "cagr",
        27.8,
        2020,
        2022,
        "2020",
    )
    assert (level.value, level.unit, level.year) == (320.0, "CNY bn", 2022)
    assert (base.value, base.unit, base.qualifier, base.year) == (
        1562.5,
        "CNY 100m",
        "at_least",
        2019,
    )
    from idcforecast.cli import main

    assert main(["check-claims", str(CLAIMS_XLS)]) == 1  # 1: no reading fits (below)
    out = capsys.readouterr().out
    assert "CAGR 27.8% 2020-2022; level 320 CNY bn in 2022; level > 1,562.5 CNY 100m" in out
    # 3200 / 1.278^2 = 1,959.2 against the 2020 actual 2,238.7: -12.5%, outside 1%
    assert "consistent  no (tolerance 1.0%)" in out and "-12.5%" in out


def test_a_claims_xls_without_xlrd_says_how_to_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "xlrd", None)  # import xlrd raises ImportError
    with pytest.raises(DataError, match=re.escape("needs the xlrd package: python -m pip")):
        read_claims(CLAIMS_XLS)


def test_a_base_given_in_two_currencies_is_not_called_an_fx_conversion() -> None:
    # claims31: with the source's own 1,293.5亿元 beside US$17.8 bn, the reading's reference
    # was "1,293.5 (claimed, from USD bn at its year's FX rate)" while the explanation said
    # "the source's own figure": nothing was converted. 3075 / 1.189^5 = 1,294.0 (5 steps)
    history = pd.DataFrame(
        {"series_id": "idc", "year": [2021, 2022], "value": [1147.7, 1293.5], "unit": UNIT}
    )
    claims = [
        Claim(subject="idc", kind="level", value=17.8, unit="USD bn", year=2022,
              alternate="1,293.5亿元"),
        Claim(subject="idc", kind="cagr", value=18.9, start_year=2022, year=2027),
        Claim(subject="idc", kind="level", value=3075, unit=UNIT, year=2027),
    ]  # fmt: skip
    first = claim_readings(claims, history=history).iloc[0]
    assert (first["reading"], first["reference_base"], first["reference"]) == (
        "5 steps from 2022",
        1293.5,
        "claimed",
    )
    assert round(first["implied_base"], 1) == 1294.0
    # without the source's figure the FX conversion is named: 17.8 x 6.7290 x 10 = 1,197.8
    plain = [dataclasses.replace(claims[0], alternate=""), *claims[1:]]
    converted = claim_readings(plain, history=history).iloc[0]
    assert converted["reference"] == "claimed, from USD bn at its year's FX rate"
    assert round(converted["reference_base"], 1) == 1197.8


def test_a_claim_made_after_today_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # claims31: made="2030" (a typo for 2020) was taken, and a 2022 forecast made then
    # became a restatement (horizon -8) in the track record
    import datetime

    import idcforecast.claims as claims_module

    monkeypatch.setattr(claims_module, "_today", lambda: datetime.date(2026, 12, 7), raising=False)
    base = {"subject": "s", "kind": "level", "value": 3200, "unit": UNIT, "year": 2022}
    for made in ("2030", "2027-01", "2026-12-08"):
        with pytest.raises(SpecError, match=re.escape(f"made {made!r} is after today (2026-12")):
            Claim(**base, made=made)
    # the current year, month or day may be written: their first day is not after today
    assert [Claim(**base, made=m).made for m in ("2026", "2026-12", "2026-12-07")] == [
        "2026",
        "2026-12",
        "2026-12-07",
    ]


def test_a_claim_built_in_python_stores_its_unit_as_a_file_does() -> None:
    # claims40: Claim(unit="亿元") kept "亿元" (a claims file stores "CNY 100m"), a rate's
    # unit "percent" was refused as not '%', and an unknown unit was taken until a track
    # record failed to convert it (check_claims without history printed "3,200 bogus unit")
    level = Claim(subject="s", kind="level", value=3200, unit="亿元", year=2022)
    assert level.unit == "CNY 100m"
    assert level.describe() == "level 3,200 CNY 100m in 2022"
    rate = Claim(subject="s", kind="cagr", value=27.8, unit="percent", start_year=2020, year=2022)
    assert rate.unit == "%"
    with pytest.raises(
        SpecError, match=re.escape("claim 's': unit 'bogus unit' is not defined")
    ) as caught:
        Claim(subject="s", kind="level", value=3200, unit="bogus unit", year=2022)
    assert caught.value.key == "unit"


def test_a_claim_given_figure_text_says_read_claims_reads_it() -> None:
    # claims40: Claim(value="27.8%") said only "value and year must be numbers"; the
    # claims readers take that text (read_claims of a dict does)
    with pytest.raises(SpecError, match=re.escape("read_claims reads figure text")):
        Claim(subject="s", kind="cagr", value="27.8%", start_year=2020, year=2022)
    (claim,) = read_claims({"subject": "s", "kind": "cagr", "period": "2020-22", "value": "27.8%"})
    assert (claim.value, claim.unit, claim.start_year, claim.year) == (27.8, "%", 2020, 2022)


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("FY2019-FY2022", (2019, 2022)),
        ("FY2019-22", (2019, 2022)),
        ("CY2020 to CY2022", (2020, 2022)),
    ],
)
def test_a_period_in_fiscal_years_is_read_as_a_claims_year_is(text: str, years: tuple) -> None:
    # claims40: a claim's year "FY2022" was read as 2022, but the period "FY2019-FY2022"
    # (as brokers write a CAGR's) was "not two years"
    assert parse_period(text) == years
    (claim,) = read_claims({"subject": "s", "kind": "cagr", "period": text, "value": "5%"})
    assert (claim.start_year, claim.year) == years


@pytest.mark.parametrize(
    ("written", "qualifier"),
    [
        ("about", "approximately"),
        ("约", "approximately"),
        (">", "at_least"),
        ("More than", "at_least"),
        ("超过", "at_least"),
        ("at-least", "at_least"),
        ("less than", "at_most"),
        ("不到", "at_most"),
        ("exactly", "exact"),
    ],
)
def test_a_qualifier_column_takes_the_words_a_figure_takes(written: str, qualifier: str) -> None:
    # claims40: a claims table's qualifier "about", ">" or "超过" was refused ("not one of
    # exact, at_least, at_most, approximately") though "约3200亿元" in the value was read
    record = {"subject": "s", "kind": "cagr", "period": "2020-22", "value": "27.8%"}
    (claim,) = read_claims({**record, "qualifier": written})
    assert claim.qualifier == qualifier
    assert Claim(subject="s", kind="growth", value=5, year=2021, qualifier=written).qualifier == (
        qualifier
    )


def test_a_qualifier_that_is_no_qualifier_names_the_words() -> None:
    with pytest.raises(SpecError, match=re.escape("qualifier 'roughly-ish' is not one of exact")):
        Claim(subject="s", kind="growth", value=5, year=2021, qualifier="roughly-ish")
    # the value's own qualifier and the column's, in words, must agree
    with pytest.raises(SpecError, match=re.escape("but qualifier says 'at_most'")):
        read_claims(
            {
                "subject": "s",
                "kind": "level",
                "year": 2022,
                "value": "超过3200亿元",
                "qualifier": "<",
            }
        )
    (claim,) = read_claims(
        {"subject": "s", "kind": "level", "year": 2022, "value": "超过3200亿元", "qualifier": ">"}
    )
    assert claim.qualifier == "at_least"


def test_a_period_beside_its_own_years_is_read_and_other_years_are_named() -> None:
    # claims40: a table with period and year columns both filled ("2020-22" and 2022) was
    # refused with "give either period or start_year/year, not both", and two that differ
    # (2020-22 beside year 2023) did not say which
    record = {"subject": "s", "kind": "cagr", "period": "2020-22", "value": "27.8%"}
    (claim,) = read_claims({**record, "start_year": 2020, "year": "2022年"})
    assert (claim.start_year, claim.year) == (2020, 2022)
    with pytest.raises(
        SpecError,
        match=re.escape(
            "the dict: period '2020-22' is start_year 2020, year 2022, but year 2023 is given "
            "too; give the years once (the period, or start_year and year), or make them agree"
        ),
    ):
        read_claims({**record, "year": 2023})


def test_a_bound_from_a_range_and_a_bounded_rate_is_called_a_floor_or_ceiling() -> None:
    # claims40: "growth < 30%" reaching "3000-3400亿元" implies a base of at least
    # 3000 / 1.3 = 2,307.7; the text went on "2,238.7 is 3.0% below that range" (and
    # "inside that range" for a base above a floor)
    def explained(growth: str) -> str:
        base = {"subject": "china_idc_cidc_overall", "year": 2021, "made": "2021"}
        claims = read_claims(
            [
                {**base, "kind": "growth", "value": growth},
                {**base, "kind": "level", "value": "3000-3400亿元"},
            ]
        )
        return check_claims(claims, history="bundled")["explanation"].iloc[0]

    # 2238.7 / 2307.7 - 1 = -3.0%; the table's gap 2307.7 / 2238.7 - 1 = +3.1%
    assert (
        "implies a base of at least 2,307.7 in 2020 (1 step). The 2020 level of 2,238.7 "
        "(actual) is 3.0% below that floor (gap +3.1%" in explained("不到30%")
    )
    # 3000 / 1.4 = 2,142.9: 2,238.7 is above it
    assert "is above that floor (fits)" in explained("不到40%")
    # 3400 / 1.3 = 2,615.4 at most: 2,238.7 is below it
    assert (
        "implies a base of at most 2,615.4 in 2020 (1 step). The 2020 level of 2,238.7 "
        "(actual) is below that ceiling (fits)" in explained("超过30%")
    )


def test_the_rates_a_level_range_implies_are_an_interval_not_the_midpoints() -> None:
    # claims40: from 2,238.7 (2020) to "3000-3400亿元" (2021) the levels imply 34.0% to
    # 51.9% a year; implied_rate (and check-claims' "implied CAGR") gave only the
    # midpoint's, 3200 / 2238.7 - 1 = 42.9%, as if the levels gave one rate
    base = {"subject": "china_idc_cidc_overall", "year": 2021, "made": "2021"}
    claims = read_claims(
        [
            {**base, "kind": "growth", "value": "不到30%"},
            {**base, "kind": "level", "value": "3000-3400亿元"},
        ]
    )
    (row,) = claim_readings(claims, history="bundled").itertuples()
    # 3000 / 2238.7 - 1 = 0.340063; 3400 / 2238.7 - 1 = 0.518738
    assert (row.implied_rate_low, row.implied_rate_high) == pytest.approx(
        (0.340063, 0.518738), abs=1e-6
    )
    assert row.implied_rate == pytest.approx(3200 / 2238.7 - 1)  # still the midpoint's
    # exact levels: one rate, no interval
    assert (
        claim_readings(SEED, history="bundled")[["implied_rate_low", "implied_rate_high"]]
        .isna()
        .all()
        .all()
    )


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # N times the level: x3 is +200% (a bare "3倍" was "unit '倍' is not defined")
        ("3倍", 200.0, "exact"),
        ("是上年的3倍", 200.0, "exact"),
        ("约2.5倍", 150.0, "approximately"),
        # 多 after a multiple is "more than": it was read as exact
        ("2倍多", 100.0, "at_least"),
        ("增长一倍多", 100.0, "at_least"),
        ("翻了一番多", 100.0, "at_least"),
    ],
)
def test_a_growth_written_as_times_the_level_is_read(
    text: str, value: float, qualifier: str
) -> None:
    (claim,) = read_claims({"subject": "s", "kind": "growth", "year": 2022, "value": text})
    assert (claim.value, claim.qualifier) == (pytest.approx(value), qualifier)


def test_times_a_named_years_level_is_not_read_as_a_years_growth() -> None:
    # "是2019年的3倍" in a 2022 growth claim is 3x over three years, not +200% in 2022
    with pytest.raises(SpecError, match="is not a figure"):
        read_claims({"subject": "s", "kind": "growth", "year": 2022, "value": "是2019年的3倍"})


def test_a_value_given_as_two_numbers_says_how_to_give_a_range(tmp_path: Path) -> None:
    # claims40: value = [25, 30] in a TOML file said only "value and year must be numbers";
    # a file reads it as the range now (claims50), and a Claim built in Python says how
    path = tmp_path / "claims.toml"
    path.write_text(
        '[[claims]]\nsubject = "s"\nkind = "cagr"\nperiod = "2020-22"\nvalue = [25, 30]\n',
        encoding="utf-8",
    )
    assert read_claims(path)[0].describe() == "CAGR 25-30% 2020-2022"
    with pytest.raises(
        SpecError, match=re.escape("a range is given by its ends: low=25, high=30 (in a file")
    ):
        Claim(subject="s", kind="cagr", start_year=2020, year=2022, value=[25, 30])  # type: ignore[arg-type]
    path.write_text(
        '[[claims]]\nsubject = "s"\nkind = "cagr"\nperiod = "2020-22"\nlow = 25\nhigh = 30\n',
        encoding="utf-8",
    )
    assert read_claims(path)[0].describe() == "CAGR 25-30% 2020-2022"


def test_an_end_actual_published_as_a_bound_or_derived_is_told_so() -> None:
    # claims40: a CAGR 30% 2019-2022 on the racks series (2019: 265.8; 2022: "more than
    # 650", at_least) implies 265.8 * 1.3 ** 3 = 583.96 in 2022; the text said "the actual
    # was 650.0, off by -10.2%", dropping the "more than" (the claim is at least that far
    # off), and the CIDC 2022 actual 4,043.2 (derived from the 2023 report) lost its mark
    racks = [Claim(subject="china_racks_in_use", kind="cagr", value=30, start_year=2019, year=2022)]
    row = claim_readings(racks, history="bundled").iloc[0]
    assert (row.actual_end_qualifier, bool(row.actual_end_derived)) == ("at_least", False)
    assert row.implied_end == pytest.approx(265.8 * 1.3**3)
    text = check_claims(racks, history="bundled")["explanation"].iloc[0]
    # 583.96 / 650 - 1 = -10.2%
    assert "the actual was more than 650.0, off by -10.2% or more (outside" in text
    cidc = [
        Claim(subject="china_idc_cidc_overall", kind="cagr", value=30, start_year=2019, year=2022)
    ]
    assert bool(claim_readings(cidc, history="bundled")["actual_end_derived"].iloc[0])
    assert (
        "the actual was 4,043.2 (derived), off by"
        in (check_claims(cidc, history="bundled")["explanation"].iloc[0])
    )


@pytest.mark.parametrize(
    "text",
    [
        "预计3200亿元",
        "3200亿元（预计）",
        "3200亿元(E)",
        "预计将达到3200亿元",
        "3200亿元 (forecast)",
    ],
)
def test_a_figure_marked_as_a_forecast_is_read_and_the_mark_kept(text: str) -> None:
    # claims40: a claim's figure is often marked as a forecast ("预计", "(E)"); those were
    # "not a figure: unit '预计' is not defined"
    (claim,) = read_claims({"subject": "s", "kind": "level", "year": 2022, "value": text})
    assert (claim.value, claim.unit) == (3200.0, "CNY 100m")
    assert claim.note == f"published as {text!r} (a forecast mark, left out in reading)"
    # the qualifier after the mark is read: "预计超过3200亿元" is more than 3200
    (bound,) = read_claims(
        {"subject": "s", "kind": "level", "year": 2022, "value": "预计超过3200亿元"}
    )
    assert bound.qualifier == "at_least"


@pytest.mark.parametrize(
    ("made", "iso"),
    [
        ("July 7, 2020", "2020-07-07"),
        ("7 July 2020", "2020-07-07"),
        ("Jul. 2020", "2020-07"),
        ("2020/7/7", "2020-07-07"),
        ("2020年7月7日", "2020-07-07"),
    ],
)
def test_a_publication_date_as_written_is_read_by_claim_and_by_files(made: str, iso: str) -> None:
    # claims40: "July 7, 2020" (as a news page dates itself) was "not an ISO date" in a
    # claims file and in Claim(); "2020/7/7" and "2020年7月7日" were read in a file but
    # refused by Claim() built in Python
    assert Claim(subject="s", kind="level", value=1, unit="MW", year=2022, made=made).made == iso
    record = {"subject": "s", "kind": "level", "value": 1, "unit": "MW", "year": 2022}
    assert read_claims({**record, "made": made})[0].made == iso
    with pytest.raises(SpecError, match="is not an ISO date"):  # day/month order unknown
        Claim(subject="s", kind="level", value=1, unit="MW", year=2022, made="7/8/2020")


def test_a_year_indexed_series_is_the_history_of_the_claims_one_subject() -> None:
    # claims40: history=<year-indexed Series> was refused ("make the Series a frame first:
    # s.rename('value')...assign(series_id=...)"), though cagr, yoy and build_report take one
    actual = pd.Series([1562.5, 2238.7, 3012.7, 4043.2], index=[2019, 2020, 2021, 2022])
    row = check_claims(SEED, history=actual).iloc[0]
    # 3200 / 1.278 ** 3 = 1533.1 against 1562.5: -1.9%
    assert row["gap"] == pytest.approx(3200 / 1.278**3 / 1562.5 - 1)
    assert claim_readings(SEED, history=actual)["reference"].tolist() == ["actual", "actual"]
    record = track_record([c for c in SEED if c.kind == "level"], actual)
    assert record["error"].iloc[0] == pytest.approx(3200 / 4043.2 - 1)  # -20.9%
    # its unit, when it says one, is the history's: 156.25 CNY bn is 1,562.5 亿元
    in_bn = actual / 10
    in_bn.attrs["unit"] = "CNY bn"
    assert check_claims(SEED, history=in_bn).iloc[0]["gap"] == pytest.approx(row["gap"])
    two = [*SEED, Claim(subject="other", kind="level", value=1, unit="MW", year=2022)]
    with pytest.raises(DataError, match="a Series is the history of one series, and the claims"):
        check_claims(two, history=actual)


def test_a_rate_given_as_a_level_about_a_market_says_what_kind_it_is() -> None:
    # claims40: a level in % is a share since 428ac2e; "27.8%" as kind level about the
    # yuan market is most likely a CAGR given the wrong kind, which the conversion error
    # did not say
    wrong = Claim(subject=SUBJECT, kind="level", value=27.8, unit="%", year=2022)
    with pytest.raises(
        IncompatibleUnitsError,
        match=re.escape(
            "state the claim in 'CNY 100m'; a level in % is a share, checked against a "
            "series in %: a growth rate is kind 'growth' or 'cagr'"
        ),
    ):
        check_claims([wrong], history="bundled")


def test_check_claims_outcome_is_open_when_the_actual_is_a_bound() -> None:
    # the 2022 actual published as "more than 4,000": a claimed 4,100-4,300 holds only if
    # the true value is at most 4,300, "less than 4,500" only if below 4,500. Both said
    # "held" (as if the floor were the value)
    history = pd.DataFrame(
        {
            "series_id": "m",
            "year": [2019, 2020, 2022],
            "value": [1562.5, 2238.7, 4000.0],
            "unit": "CNY 100m",
            "qualifier": ["exact", "exact", "at_least"],
        }
    )
    rate = {"subject": "m", "kind": "cagr", "value": 27.8, "start_year": 2020, "year": 2022}
    level = {"subject": "m", "kind": "level", "unit": "CNY 100m", "year": 2022, "made": "2020"}
    claims = [
        Claim(claim_set="a", **rate),
        Claim(claim_set="a", value=4200, low=4100, high=4300, **level),
        Claim(claim_set="b", **rate),
        Claim(claim_set="b", value=4500, qualifier="at_most", **level),
        Claim(claim_set="c", **rate),
        Claim(claim_set="c", value=3000, qualifier="at_least", **level),
    ]
    checks = check_claims(claims, history=history)
    text = dict(zip(checks["claim_set"], checks["explanation"], strict=True))
    assert text["a"].endswith(
        "Outcome: the 2022 actual was more than 4,000.0; the claimed 4,100 to 4,300 is open: "
        "the actual, a bound, may lie inside it or beyond it."
    )
    # 4,500 / 4,000 - 1 = +12.5%
    assert text["b"].endswith(
        "Outcome: the 2022 actual was more than 4,000.0; the claim (less than 4,500) is open: "
        "it is 12.5% above the actual's floor (under- or overshot: unknown)."
    )
    # "more than 3,000" holds at every level above 4,000 (3,000 / 4,000 - 1 = -25%)
    assert (
        "the claim (more than 3,000) held, though it undershot the actual by at least"
        in (text["c"])
    )


@pytest.mark.parametrize("text", ["增长25.6个百分点", "25.6 pp"])
def test_a_growth_claim_in_percentage_points_says_what_pp_are(text: str) -> None:
    # was "a growth claim is a percent (unit '%'), found unit 'pp'; give 27.8 for 27.8%",
    # which read as if "25.6" were the wrong number
    with pytest.raises(SpecError, match=re.escape("found 25.6 pp (percentage points")):
        read_claims({"subject": "s", "kind": "growth", "year": 2022, "value": text})


@pytest.mark.parametrize("kind", ["增速", "增长率", "YoY growth", "growth rate", "y-o-y"])
def test_a_growth_kind_as_tables_head_it(kind: str) -> None:
    # "kind '增速' is not one of level, growth, cagr"
    (claim,) = read_claims({"subject": "s", "kind": kind, "year": 2022, "value": "27.8%"})
    assert (claim.kind, claim.value) == ("growth", 27.8)
    # over more than one year it is a CAGR, and the error says so (never read as one year)
    with pytest.raises(SpecError, match="use kind='cagr' for a longer period"):
        read_claims(
            {"subject": "s", "kind": kind, "year": 2022, "start_year": 2019, "value": "27.8%"}
        )


def test_actuals_written_as_figure_text_say_a_number_is_needed() -> None:
    # was "value must be a positive finite level, found '3,012.7'": 3,012.7 is one
    history = pd.DataFrame(
        {"series_id": "m", "year": [2021, 2022], "value": ["3,012.7", "more than 4000"]}
    )
    claims = [Claim(subject="m", kind="level", value=4100, unit="CNY 100m", year=2022)]
    with pytest.raises(
        DataError, match=re.escape("year 2021: value must be a number, found '3,012.7'; a number")
    ):
        track_record(claims, history)
    with pytest.raises(DataError, match="read the file with read_series"):
        check_claims(claims, history=history)


def test_a_toml_value_of_two_ends_is_a_range(tmp_path: Path) -> None:
    # value = [3100, 3300] was "value and year must be numbers ...; a range is given by
    # its ends: low=3100, high=3300", though the two ends say just that
    path = tmp_path / "range.toml"
    path.write_text(
        '[[claims]]\nsubject = "m"\nkind = "level"\nyear = 2022\nvalue = [3100, 3300]\n'
        'unit = "CNY 100m"\n\n[[claims]]\nsubject = "m"\nkind = "cagr"\nperiod = "2019-2022"\n'
        'value = ["25%", "30%"]\n',
        encoding="utf-8",
    )
    level, rate = read_claims(path)
    assert (level.low, level.high, level.value) == (3100.0, 3300.0, 3200.0)
    assert (rate.low, rate.high, rate.value) == (25.0, 30.0, 27.5)
    # ends as fractions are refused as any plain rate below 1 is
    with pytest.raises(SpecError, match=re.escape("low 0.25 is read as 0.25%")):
        read_claims({"subject": "m", "kind": "growth", "year": 2022, "value": [0.25, 0.3]})
    with pytest.raises(SpecError, match="write the lower end first"):
        read_claims({"subject": "m", "kind": "growth", "year": 2022, "value": [30, 25]})


def test_a_fit_resting_on_a_derived_actual_says_it_may_be_circular() -> None:
    # idc_sources.md: the CIDC 2014 level is not published; it is derived as 2015's level /
    # (1 + 2015's reported growth) = 518.6 / 1.393 = 372.3, so "growth 39.3% in 2015" fits
    # it by construction (518.6 / 372.3 - 1 = 39.3%): a fit that checks nothing
    history = pd.DataFrame(
        {
            "series_id": SUBJECT,
            "year": [2014, 2015, 2016],
            "value": [372.3, 518.6, 714.5],
            "unit": UNIT,
            "derived": [True, False, False],
        }
    )
    circular = Claim(subject=SUBJECT, kind="growth", value=39.3, year=2015)
    text = check_claims([circular], history=history).explanation[0]
    assert "The 2014 level is derived (computed from other published figures" in text, text
    # 714.5 / 518.6 - 1 = 37.8%, both published: no such sentence
    published = Claim(subject=SUBJECT, kind="growth", value=37.8, year=2016)
    assert "derived" not in check_claims([published], history=history).explanation[0]


def test_a_set_consistent_only_on_derived_levels_is_not_counted_as_a_plain_yes() -> None:
    # "growth 39.3% in 2015" fits the 2014 level 372.3 = 518.6 / 1.393 derived from that
    # very rate: the summary's "consistent" stays True (the fit is real arithmetic), but
    # derived_only and the fits text say the evidence is the package's own computation
    history = pd.DataFrame(
        {
            "series_id": SUBJECT,
            "year": [2014, 2015, 2016],
            "value": [372.3, 518.6, 714.5],
            "unit": UNIT,
            "derived": [True, False, False],
        }
    )
    circular = Claim(subject=SUBJECT, kind="growth", value=39.3, year=2015, claim_set="a")
    # 714.5 / 518.6 - 1 = 37.8%: both levels published
    published = Claim(subject=SUBJECT, kind="growth", value=37.8, year=2016, claim_set="b")
    both = Claim(subject=SUBJECT, kind="growth", value=37.8, year=2016, claim_set="a")
    rows = check_claims([circular, published, both], history=history).set_index("claim_set")
    assert rows.loc["a", "fits"].startswith("growth 39.3% in 2015: 1 step from 2014 (on derived")
    assert rows["derived_only"].tolist() == [False, False]  # "a" has a published fit too
    alone = check_claims([circular], history=history).iloc[0]
    assert bool(alone.consistent) and bool(alone.derived_only)
    assert alone.fits == "1 step from 2014 (on derived levels only)"
    # a miss is not "derived only": 30% implies 518.6 / 1.30 = 398.9, 7.1% off 372.3
    missed = check_claims([dataclasses.replace(circular, value=30.0)], history=history)
    assert not bool(missed.consistent.iloc[0]) and not bool(missed.derived_only.iloc[0])


def test_a_rate_on_derived_levels_beside_a_published_level_match_is_derived_only() -> None:
    # "growth 39.3% in 2015" fits only the derived 2014 level (372.3 = 518.6 / 1.393); the
    # set also states the 2016 level 714.5, which matches its published actual. The set
    # was a plain yes (derived_only False) while its fits said "(on derived levels only)":
    # a level matching its actual does not check the rate, so the rate's evidence decides
    history = pd.DataFrame(
        {
            "series_id": SUBJECT,
            "year": [2014, 2015, 2016],
            "value": [372.3, 518.6, 714.5],
            "unit": UNIT,
            "derived": [True, False, False],
        }
    )
    claims = [
        Claim(subject=SUBJECT, kind="growth", value=39.3, year=2015, made="2017"),
        Claim(subject=SUBJECT, kind="level", value=714.5, unit=UNIT, year=2016, made="2017"),
    ]
    row = check_claims(claims, history=history).iloc[0]
    assert row.checked == "growth 39.3% in 2015; stated 2016 level"
    assert row.fits == "1 step from 2014 (on derived levels only)"
    assert bool(row.consistent) and bool(row.derived_only) and not bool(row.bound_only)
    # a level-only set keeps its verdict from its levels: 714.5 published, not derived only
    row = check_claims(claims[1:], history=history).iloc[0]
    assert bool(row.consistent) and not bool(row.derived_only)


def test_a_rate_checked_against_a_bound_actual_is_consistent_with_it_not_a_fit() -> None:
    # MIIT's 2021 racks: "more than 520万" (520 racks 10k, at least). CAGR 40% 2019-2021
    # from 265.8 implies 265.8 * 1.4 ** 2 = 520.97, which meets the floor; so does any rate
    # above (520 / 265.8) ** 0.5 - 1 = 39.9% a year: the rate is not confirmed, only not
    # contradicted. It read "fits" and "consistent yes" like a match with a published figure.
    history = pd.DataFrame(
        {
            "series_id": "racks",
            "year": [2019, 2021],
            "value": [265.8, 520.0],
            "unit": "racks 10k",
            "qualifier": ["exact", "at_least"],
        }
    )
    claim = Claim(subject="racks", kind="cagr", value=40, start_year=2019, year=2021)
    row = check_claims([claim], history=history).iloc[0]
    assert bool(row.consistent) and bool(row.bound_only) and not bool(row.derived_only)
    assert row.fits == "2 steps from 2019 (consistent with a bound only)"
    text = row.explanation
    assert "off by +0.0% (consistent with the bound, within the 1.0% tolerance)" in text, text
    assert (
        "Consistent with the bound when read as 2 steps from 2019: the actual is published "
        "only as more than 520.0 in 2021"
    ) in text, text
    assert "Fits when read" not in text
    # a base that is a bound: unattributed_2024's 2022 "> 2200"; growth 10% reaching 2,407
    # in 2023 implies 2407 / 1.10 = 2,188.2, 0.5% under the floor: within the tolerance
    floor = pd.DataFrame(
        {"series_id": "m", "year": [2022], "value": [2200.0], "unit": UNIT, "qualifier": "at_least"}
    )
    claims = [
        Claim(subject="m", kind="growth", value=10, year=2023),
        Claim(subject="m", kind="level", value=2407, unit=UNIT, year=2023, made="2024"),
    ]
    row = check_claims(claims, history=floor).iloc[0]
    assert bool(row.consistent) and bool(row.bound_only)
    assert "(actual, at least), the 1-step reading is off by -0.5% (consistent with the bound" in (
        row.explanation
    )
    # an exact actual at both ends: a plain fit (2238.7 / 1562.5 - 1 = 43.3%)
    exact = check_claims(
        [Claim(subject=SUBJECT, kind="growth", value=43.3, year=2020)], history=HISTORY
    ).iloc[0]
    assert bool(exact.consistent) and not bool(exact.bound_only)
    assert "Fits when read as 1 step from 2019." in exact.explanation


def test_a_floor_checked_against_an_actual_floor_is_not_told_as_a_gap() -> None:
    # idc_sources.md, CAICT scope: 2021 "> 1500亿元", 2022 "> 2200亿元, +22.2%". The claims
    # imply a 2021 base above 2200 / 1.222 = 1,800.3; the actual is above 1,500: both
    # floors, so they meet (the table's gap +0.0%). The text said "16.7% below that floor
    # (gap +20.0%, within the 1.0% tolerance: fits)", a gap it did not have.
    history = pd.DataFrame(
        {
            "series_id": "m",
            "year": [2021],
            "value": [1500.0],
            "unit": UNIT,
            "qualifier": "at_least",
        }
    )
    claims = [
        Claim(subject="m", kind="growth", value=22.2, year=2022),
        Claim(subject="m", kind="level", value=2200, unit=UNIT, year=2022, qualifier="at_least"),
    ]
    text = check_claims(claims, history=history).explanation[0]
    assert (
        "The 2021 level of 1,500.0 (actual, at least) is a floor too, so both allow levels "
        "above 1,800.3 (fits)."
    ) in text, text
    assert "below that floor" not in text
    # the end side: "more than 40%" from 265.8 implies more than 265.8 * 1.4 ** 2 = 521.0 in
    # 2021, and the actual is "more than 500": floors again, no "4.0% below that floor"
    racks = pd.DataFrame(
        {
            "series_id": "r",
            "year": [2019, 2021],
            "value": [265.8, 500.0],
            "unit": "racks 10k",
            "qualifier": ["exact", "at_least"],
        }
    )
    rate = Claim(
        subject="r", kind="cagr", value=40, start_year=2019, year=2021, qualifier="at_least"
    )
    text = check_claims([rate], history=racks).explanation[0]
    assert "the actual more than 500.0 is a floor too, so both allow levels above 521.0" in text


def _restated_from_its_own_article() -> tuple[pd.DataFrame, Claim]:
    """The CIDC history with every actual's source the article that also states the 2019
    level 1,562.5, and that restated level as a claim from the same article."""
    source = "hfnxjk.com/datacenter/news/563646.html"
    restated = Claim(
        subject=SUBJECT,
        kind="level",
        value=1562.5,
        unit=UNIT,
        year=2019,
        made="2020",
        source=source,
    )
    return HISTORY.assign(source=source), restated


def test_a_restated_level_from_the_actuals_own_source_says_it_checks_nothing() -> None:
    # idc_sources.md: the CIDC 2019 level 1,562.5 is both the claim (cidc_2019_2020_report)
    # and the actual, from one article: "matches" by construction
    history, restated = _restated_from_its_own_article()
    source = restated.source
    text = check_claims([restated], history=history).explanation[0]
    assert (
        f"matches the actual 1,562.5. Both come from {source}: a figure checked against itself"
        in text
    )
    other = dataclasses.replace(restated, source="hfnxjk.com/datacenter/news/999.html")
    assert "Both come from" not in check_claims([other], history=history).explanation[0]


def test_a_level_matched_against_its_own_source_is_no_evidence() -> None:
    # the same restated 2019 level: a match with an actual from its own article is not
    # counted (consistent undetermined, nothing checked); from another article it is (yes);
    # a mismatch with its own article still counts against it (1,600 / 1,562.5 - 1 = +2.4%)
    history, restated = _restated_from_its_own_article()
    own = check_claims([restated], history=history)
    assert own.consistent.isna().all()
    assert own.checked.iloc[0] == ""
    assert (
        "the only actual for 2019 comes from the claim's own publication"
        in (own.explanation.iloc[0])
    )
    other = dataclasses.replace(restated, source="hfnxjk.com/datacenter/news/999.html")
    checked = check_claims([other], history=history)
    assert bool(checked.consistent.iloc[0]) is True
    assert checked.checked.iloc[0] == "stated 2019 level"
    off = dataclasses.replace(restated, value=1600.0)
    assert bool(check_claims([off], history=history).consistent.iloc[0]) is False


def test_a_set_of_levels_alone_says_why_it_has_no_verdict() -> None:
    # forecasts only (2030, made 2020): compared as outcomes, not judged as facts
    ahead = [Claim(subject=SUBJECT, kind="level", value=9000.0, unit=UNIT, year=2030, made="2020")]
    text = check_claims(ahead, history=HISTORY).explanation[0]
    assert "no growth or CAGR claim, and its levels are forecasts (for the year" in text
    # two past levels with no actual: the plural
    past = [
        Claim(subject=SUBJECT, kind="level", value=v, unit=UNIT, year=y, made="2010")
        for y, v in ((2005, 50.0), (2006, 60.0))
    ]
    text = check_claims(past, history=HISTORY).explanation[0]
    assert "the history has no actual for 2005 or 2006 to check its stated levels against" in text
