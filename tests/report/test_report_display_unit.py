"""A series entered in plain USD is shown in USD bn: no ten-digit forecasts anywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.forecasting import forecast

DATE = "2026-01-01"
# 1.2-5.67 billion USD, entered in USD (as a spreadsheet export has it)
RAW = [1.2e9, 1.53e9, 1.98e9, 2.45e9, 3.1e9, 3.82e9, 4.5e9, 5668995200.0]
SPEC = """description = "USD test"
unit = "USD"
[scenarios.base]
description = "as is"
[scenarios.bear]
description = "slower"
growth = { "2025-2027" = -0.05 }
cap = 9000000000
cap_mode = "clip"
"""


def _history() -> pd.DataFrame:
    return pd.DataFrame(
        {"series_id": "usd", "year": range(2016, 2024), "value": RAW, "unit": "USD"}
    )


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


@pytest.fixture(scope="module")
def usd_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("usd")
    spec = folder / "spec.toml"
    spec.write_text(SPEC, encoding="utf-8")
    path = build_report(data=_history(), scenarios=spec, out=folder / "usd.pdf", date=DATE)
    return _text(path)


def test_plain_usd_series_is_shown_in_billions(usd_report: str) -> None:
    # the forecast of the data as read, in USD, divided by 1e9 by hand: 11.31 (USD bn);
    # the old report printed "11,312,402,247"
    raw = forecast(_history(), 7)
    central = float(raw["mean"].iloc[-1]) / 1e9
    assert 11.0 < central < 11.6
    assert f"Forecast: {central:.2f} USD billion in 2030" in usd_report
    assert "Latest: 5.67 USD billion in 2023" in usd_report  # 5,668,995,200 / 1e9
    assert "in USD billion" in usd_report  # the cover's unit
    assert "divided by 1,000,000,000" in usd_report  # the assumption says so
    # no figure with three thousands groups (a billion or more) is printed anywhere
    rest = usd_report.replace("divided by 1,000,000,000", "")
    assert not re.search(r"\d,\d{3},\d{3},\d{3}", rest), rest


def test_the_sources_table_names_the_unit_of_its_values(usd_report: str) -> None:
    # "Value" over 1.20 beside "data.csv row 2", whose cell reads 1200000000, named no unit
    assert "Year Value (USD billion) Source Scope Confidence Quote / note 2016 1.20 " in (
        usd_report
    )


def test_plain_usd_scenarios_in_the_shown_unit(usd_report: str) -> None:
    # the spec's cap 9,000,000,000 (in USD, as the data was read) is 9 USD bn in the report
    assert "capped at 9 USD billion (clipped)" in usd_report
    assert "(in USD billion)" in usd_report  # the probability table's levels
    assert "9,000,000,000" not in usd_report


def test_display_unit_leaves_readable_series_alone() -> None:
    from idcforecast.report._display_unit import display_unit

    assert display_unit([5078.3], "CNY 100m") is None
    assert display_unit([999_999.0], "USD") is None
    assert display_unit([2.5e6], "MW") is None  # a measure keeps its unit
    assert display_unit([3.0e7], "EUR") == ("EUR mn", 1e-6)
    assert display_unit([4.0e8], "CNY 10k") == ("CNY tn", 1e-8)  # 4e8 x 1e4 = 4e12 CNY


SPEC_IN_BILLIONS = """description = "USD test, spec in billions"
unit = "USD bn"
[scenarios.base]
description = "as is"
[scenarios.bear]
description = "slower"
growth = { "2025-2027" = -0.05 }
cap = 9
cap_mode = "clip"
"""


def test_a_spec_in_usd_billions_fits_a_series_read_in_usd(tmp_path: Path) -> None:
    # was a SpecError: "the spec's key 'unit' is 'USD bn' but series 'usd' is in 'USD'";
    # the same currency in another magnitude is a rescale, not another unit
    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC_IN_BILLIONS, encoding="utf-8")
    text = _text(build_report(data=_history(), scenarios=spec, out=tmp_path / "a.pdf", date=DATE))
    # the cap of 9 (USD bn) is the cap the spec in USD writes 9,000,000,000
    assert "capped at 9 USD billion (clipped)" in text
    assert (
        "The spec's figures are in USD billion; the series, read in USD, was rescaled to it "
        "for the simulation (divided by 1,000,000,000; no exchange rate is involved)."
    ) in text


def test_scenarios_of_a_rescaled_spec_match_the_spec_in_the_series_unit(tmp_path: Path) -> None:
    # the same scenarios written in USD and in USD bn give the same quantiles (in USD bn)
    from idcforecast.report._analyses import scenario_results

    folder = tmp_path
    (folder / "usd.toml").write_text(SPEC, encoding="utf-8")
    (folder / "bn.toml").write_text(SPEC_IN_BILLIONS, encoding="utf-8")
    in_usd = scenario_results(folder / "usd.toml", _history(), to=2027, seed=0, shown_unit="USD bn")
    in_bn = scenario_results(folder / "bn.toml", _history(), to=2027, seed=0, shown_unit="USD bn")
    columns = ["p5", "p50", "p95"]
    levels = [r.table[r.table["quantity"] == "level"][columns] for r in (in_usd, in_bn)]
    pd.testing.assert_frame_equal(levels[0], levels[1], rtol=1e-9)
    assert in_usd.unit_note == ""


def test_a_spec_in_another_currency_is_still_refused(tmp_path: Path) -> None:
    from idcforecast.errors import SpecError

    spec = tmp_path / "spec.toml"
    spec.write_text(SPEC_IN_BILLIONS.replace('"USD bn"', '"CNY bn"'), encoding="utf-8")
    with pytest.raises(SpecError, match="the spec's key 'unit' is 'CNY bn' but series 'usd'"):
        build_report(data=_history(), scenarios=spec, out=tmp_path / "c.pdf", date=DATE)
    assert not (tmp_path / "c.pdf").exists()
