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
