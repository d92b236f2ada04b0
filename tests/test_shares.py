"""One rule for "is this series a share": the forecast's "passes 100%" note and the
scenarios' 0-100% bounds both ask :mod:`idcforecast._shares`.

They disagreed: the note went by the history (a series in % that never passed 100%) and
knew only "%"; the scenarios went by the unit and the id's words only, so a "market_share"
series that was 120% in its history had its scenario paths clipped to 100% (and a scenario
that passed 100 refused), while forecast() said it was no share; and a series in 成 (tenths,
said only of shares) passing 10 成 got no note.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast import forecast
from idcforecast._shares import is_known_share, may_be_share, percent_factor
from idcforecast.errors import SpecError
from idcforecast.scenarios import simulate


@pytest.mark.parametrize(
    ("unit", "series_id", "history_max", "may", "known"),
    [
        ("%", "idc_market_share", 64.0, True, True),
        ("%", "idc_market_share", None, True, True),  # history not known: within
        ("%", "idc_market_share", 120.0, False, False),  # above 100% once: no share
        ("pct", "rack_utilization", 100.0, True, True),  # 100% itself is within
        ("%", "上架率", 70.0, True, True),
        ("成", "anything", 9.5, True, True),  # 9.5 成 = 95%
        ("成", "anything", 12.0, False, False),  # 12 成 = 120%
        ("%", "idc_growth", 40.0, True, False),  # may be a share: the id does not say
        ("pp", "market_share", 3.0, False, False),  # points are changes
        ("CNY 100m", "market_share", 50.0, False, False),
        ("", "market_share", 50.0, False, False),
    ],
)
def test_the_rule(
    unit: str, series_id: str, history_max: float | None, may: bool, known: bool
) -> None:
    assert may_be_share(unit, history_max) is may
    assert is_known_share(unit, series_id, history_max) is known
    if known:
        assert may  # a known share is one that may be a share


def test_percent_factor_is_points_in_one_unit() -> None:
    assert (percent_factor("%"), percent_factor("percent"), percent_factor("成")) == (1, 1, 10)
    assert percent_factor("pp") is None and percent_factor("%/year") is None


SHARE_ABOVE_100 = pd.DataFrame(
    {
        "series_id": "market_share",
        "year": range(2017, 2025),
        # a "share" that was 120% in 2017: a ratio in percent, no share of a whole
        "value": [120.0, 60.0, 62.0, 64.0, 66.0, 68.0, 70.0, 72.0],
        "unit": "%",
    }
)


def test_a_share_named_series_above_100_in_its_history_is_not_bounded() -> None:
    # +15 points a year from ~72%: the central path passes 100% in 2026. The series was
    # 120% in 2017, so it is no share (forecast() says no "passes 100%" either): simulated
    # as given. Was a SpecError ("a share, above 100%"), and its paths clipped to 100
    spec = {"scenarios": {"base": {}, "up": {"growth": {"2025-2027": "+15pp"}}}}
    paths = simulate(SHARE_ABOVE_100, 3, n_paths=400, seed=2, scenarios=spec, method="drift")
    base, up = paths.values
    # points add to every path (common random numbers): 15, 30, 45 above the base
    np.testing.assert_allclose(up - base, np.broadcast_to([15.0, 30.0, 45.0], (400, 3)))
    assert up.max() > 100.0 and "clipped" not in paths.note
    assert "passes 100%" not in forecast(SHARE_ABOVE_100, 7, method="drift")["note"].iloc[0]


def test_a_share_named_series_within_100_is_still_refused_past_100() -> None:
    within = SHARE_ABOVE_100.assign(value=[58.0, 60.0, 62.0, 64.0, 66.0, 68.0, 70.0, 72.0])
    spec = {"scenarios": {"base": {}, "up": {"growth": {"2025-2027": "+15pp"}}}}
    with pytest.raises(SpecError, match=re.escape("a share, above 100% in 2026")):
        simulate(within, 3, n_paths=400, seed=2, scenarios=spec, method="drift")


def test_a_series_in_tenths_passing_10_says_so_with_a_cap_of_10() -> None:
    # 5.0 -> 9.0 成 by 0.5 a year: drift gives 9.5, 10.0, 10.5 成 in 2024-2026; 10.5 成 is
    # 105%, past 100% first in 2026. A series in 成 got no note (only "%" was read)
    tenths = pd.DataFrame(
        {"series_id": "s", "year": range(2015, 2024),
         "value": [5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0], "unit": "成"}
    )  # fmt: skip
    out = forecast(tenths, 3, method="drift", level=())
    assert out["mean"].tolist() == pytest.approx([9.5, 10.0, 10.5])
    assert (
        out["note"]
        .iloc[0]
        .endswith(
            "forecast passes 100% (central value in 2026): a share cannot; if the series is one, "
            "cap it at 10 (cap=10; forecast --cap 10)"
        )
    )


def test_forecast_many_notes_a_series_in_tenths_as_forecast_does() -> None:
    # the batch path asks the same rule: 9.0 成 -> 10.5 成 (105%) is noted, with cap=10,
    # and the frame equals forecast()'s; the same series with 10.5 成 in 2016 (drift still
    # (9.0 - 5.0) / 8 = +0.5 a year, from the first and last values) is no share
    from idcforecast import forecast_many

    tenths = pd.DataFrame(
        {"series_id": "s", "year": range(2015, 2024),
         "value": [5.0, 5.5, 6.0, 6.5, 7.0, 7.5, 8.0, 8.5, 9.0], "unit": "成"}
    )  # fmt: skip
    above = tenths.assign(
        series_id="above", value=tenths["value"].where(tenths["year"] != 2016, 10.5)
    )
    data = pd.concat([tenths, above])
    got = forecast_many(data, 3, method="drift", level=(), engine="serial", progress=False)
    pd.testing.assert_frame_equal(got, forecast(data, 3, method="drift", level=()))
    notes = got.groupby("series_id")["note"].first()
    assert notes["s"].endswith("cap it at 10 (cap=10; forecast --cap 10)")
    assert "passes 100%" not in notes["above"]
    assert got.loc[got["series_id"] == "above", "mean"].tolist() == pytest.approx([9.5, 10, 10.5])


def test_simulate_says_a_shares_forecast_passes_100_as_forecast_does() -> None:
    # 50% -> 90% by 5 points a year: drift reaches 105% in 2026. forecast() notes it; the
    # simulated levels passed 100% with nothing said. The same rule and the same years
    share = pd.DataFrame(
        {"series_id": "market_share", "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0], "unit": "%"}
    )  # fmt: skip
    noted = forecast(share, 4, method="drift")["note"].iloc[0]
    when = re.search(r"forecast passes 100% \(([^)]*)\)", noted).group(1)  # type: ignore[union-attr]
    assert when.endswith("central value in 2026")
    paths = simulate(share, 4, n_paths=200, seed=1, method="drift")
    assert (
        f"forecast passes 100% ({when}): a share cannot; if the series is one, give its "
        'scenarios a cap of 100 in the spec (cap = 100, cap_mode = "clip"'
    ) in paths.note
    # a series above 100% in its history is no share: no note from either
    above = share.assign(value=share["value"].where(share["year"] != 2016, 101.0))
    assert "passes 100%" not in forecast(above, 4, method="drift")["note"].iloc[0]
    assert "passes 100%" not in simulate(above, 4, n_paths=200, seed=1, method="drift").note
