"""report58: a share whose own forecast passes 100% (97.6% in 2023, 100.4% central in 2026)
could not have a bull case at all: the share check refused any growth in 2026 ("make the
scenario's growth or shocks smaller") even with a cap of 100 that bounds every path, the fix
the report itself advises."""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast.errors import SpecError
from idcforecast.scenarios.montecarlo import simulate_paths

MEAN = np.array([98.6, 99.5, 100.4, 101.2])  # the market_share forecast, 2024-2027
YEARS = np.array([2024, 2025, 2026, 2027])


def _bull(**cap: object) -> dict[str, object]:
    return {
        "series_id": "market_share",
        "unit": "%",
        "scenarios": {"bull": {"growth": {"2024-2027": "+0.2pp"}, **cap}},
    }


def _run(spec: dict[str, object]):  # type: ignore[no-untyped-def]
    return simulate_paths(
        mean=MEAN, sigma=np.full(4, 0.01), years=YEARS, scale="log", scenarios=spec,
        n_paths=2000, seed=0, unit="%", series_id="market_share", origin_year=2023,
        origin_value=97.6, history_max=97.6,
    )  # fmt: skip


def test_a_capped_bull_case_on_a_share_past_100_runs_within_100() -> None:
    paths = _run(_bull(cap=100, cap_mode="clip"))
    assert float(paths.values.max()) <= 100.0
    # 2024: 98.6 + 0.2 = 98.8 central, under the cap: the clip leaves the median there
    assert float(np.median(paths.values[0, :, 0])) == pytest.approx(98.8, abs=0.1)


def test_an_uncapped_bull_case_says_the_forecast_itself_passes_100() -> None:
    with pytest.raises(SpecError) as caught:
        _run(_bull())
    text = str(caught.value)
    # 2026: 100.4 + 3 x 0.2 = 101.0
    assert "above 100% in 2026: 100.4% (the forecast) +0.6 points = 101%" in text
    assert "the forecast itself passes 100% there: cap the scenario at 100% (cap = 100, " in text
    assert 'cap_mode = "clip"), which bounds its paths, or end its growth before 2026' in text
    assert "make the scenario's growth or shocks smaller" not in text


def test_a_cap_above_100_still_refuses() -> None:
    with pytest.raises(SpecError, match="above 100% in 2026"):
        _run(_bull(cap=120, cap_mode="clip"))
