"""A scenario's cap in a unit that starts with its multiplier ("10 thousand racks") reads
as a product, as the report's other amounts in such units do."""

from __future__ import annotations

from idcforecast.datasets import load_series
from idcforecast.report._analyses import scenario_results


def test_a_cap_in_ten_thousand_racks_reads_as_a_product() -> None:
    history = load_series("china_racks_in_use")
    spec = {
        "series_id": "china_racks_in_use",
        "scenarios": {
            "base": {},
            "ai": {"growth": {"2026-2028": 0.05}, "cap": "1500万架", "cap_mode": "clip"},
        },
    }
    result = scenario_results(spec, history, to=2027, seed=0)
    texts = dict((name, text) for name, text, _ in result.scenarios)
    # 1500万架 = 1,500 x 10 thousand racks (15 million): "capped at 1,500 10 thousand
    # racks" read as 150,010 thousand
    assert "capped at 1,500 × 10 thousand racks (given as 1500万架; clipped)" in texts["ai"]
