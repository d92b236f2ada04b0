"""Claims as news and broker tables write them: rates in 成 (tenths), years such as "FY22"
and "2022/23". Each pinned number is worked by hand in a comment."""

from __future__ import annotations

import pytest

from idcforecast.claim_checks import check_claims
from idcforecast.claims import read_claims


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier"),
    [
        ("三成", 30.0, None, None, "exact"),  # 3 成 = 3 tenths = 30%
        ("近三成", 30.0, None, None, "at_most"),  # "nearly 30%": a ceiling
        ("三四成", None, 30.0, 40.0, "exact"),  # 3 to 4 tenths = 30% to 40%
        ("2.5成", 25.0, None, None, "exact"),
    ],
)
def test_a_growth_rate_in_tenths_is_read_in_percent(
    text: str, value: float | None, low: float | None, high: float | None, qualifier: str
) -> None:
    # "同比增长三成" was "a growth claim is a percent (unit '%'), found unit 'tenths'"
    (claim,) = read_claims({"subject": "s", "kind": "同比", "year": 2021, "value": text})
    assert (claim.kind, claim.unit, claim.qualifier) == ("growth", "%", qualifier)
    if value is not None:
        assert claim.value == pytest.approx(value)
    assert (claim.low, claim.high) == (
        (None, None) if low is None else (pytest.approx(low), pytest.approx(high))
    )


def test_a_cagr_in_tenths_is_checked_as_its_percent() -> None:
    (claim,) = read_claims(
        {"subject": "china_idc_cidc_overall", "kind": "年均复合增长率", "period": "2020-2023",
         "value": "三成以上", "made": "2021"}
    )  # fmt: skip
    assert (claim.value, claim.qualifier, claim.start_year, claim.year) == (
        30.0,
        "at_least",
        2020,
        2023,
    )
    table = check_claims([claim], history="bundled")
    row = table[table["steps"] == 3].iloc[0]
    # the claimed floor 30% against the actual (5,078.3 / 2,238.7) ** (1 / 3) - 1 =
    # 2.26842 ** (1 / 3) - 1 = 0.31394 from 2020 to 2023: above the floor, so it fits
    assert row["claimed_rate"] == pytest.approx(0.30)
    assert row["implied_rate"] == pytest.approx(0.31394, abs=1e-5)
    assert bool(row["consistent"]) and row["gap"] == 0.0
