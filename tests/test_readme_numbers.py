"""The README's numbers about the bundled China IDC series are what the library computes.

(The README's printed command outputs are checked in tests/cli; these are numbers quoted
in its prose, which went stale once: "17 of 18" when the backtest had 15 forecasts.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

import idcforecast as idc
from idcforecast.errors import IdcForecastError

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def prose() -> str:
    return " ".join(README.read_text(encoding="utf-8").split())  # line breaks as spaces


@pytest.fixture(scope="module")
def cidc():  # type: ignore[no-untyped-def]
    data = idc.load_dataset("china_idc_market")
    return data[data["series_id"] == "china_idc_cidc_overall"]


def test_backtest_coverage_quoted_for_cidc(prose: str, cidc) -> None:  # type: ignore[no-untyped-def]
    bt = idc.backtest(cidc, 3)
    first, last = int(bt["cutoff"].min()), int(bt["cutoff"].max())
    n = len(bt)
    in_80 = int(((bt["lo_80"] <= bt["actual"]) & (bt["actual"] <= bt["hi_80"])).sum())
    in_95 = int(((bt["lo_95"] <= bt["actual"]) & (bt["actual"] <= bt["hi_95"])).sum())
    assert (
        f"3-year backtest from every cutoff {first}-{last}, `backtest(cidc, 3)`: {n} forecasts) "
        f"the 80% intervals cover {in_80} of {n} outcomes and the 95% intervals {in_95} of {n}."
    ) in prose


def test_growth_and_backtest_smape_quoted_for_cidc(prose: str, cidc) -> None:  # type: ignore[no-untyped-def]
    fc = idc.forecast(cidc, 7)["mean"].to_numpy()
    last = float(cidc["value"].iloc[-1])
    first_growth, last_growth = 100 * (fc[0] / last - 1), 100 * (fc[-1] / fc[-2] - 1)
    assert f"grows by +{first_growth:.1f}% in 2024 and +{last_growth:.1f}% in 2030" in prose
    smape = {
        m: float(idc.accuracy(idc.backtest(cidc, 3, method=m))["smape"].iloc[-1])
        for m in ("loglinear", "drift_log", "auto")
    }
    assert (
        f"(sMAPE {smape['loglinear']:.1f} for `loglinear` and {smape['drift_log']:.1f} for "
        f'`drift_log` against {smape["auto"]:.1f} for "auto")'
    ) in prose


def test_which_reader_takes_a_decimal_comma_and_a_pue(prose: str) -> None:
    # The README said, right after `idc.parse_quantity(text)`, that "a decimal comma and a
    # PUE read as in `figures`": parse_quantity refuses both; only the `parse` command and
    # find_figures read them.
    for text, value, unit in (("3,5 Mrd. Euro", 3.5, "EUR bn"), ("PUE 1.3", 1.3, "PUE")):
        with pytest.raises(IdcForecastError):
            idc.parse_quantity(text)
        found = idc.find_figures(text)
        assert (float(found["value"].iloc[0]), found["unit"].iloc[0]) == (value, unit)
    assert (
        "`parse` reads a decimal comma and a PUE as `figures` does "
        '("3,5 Mrd. Euro" is 3.5 EUR bn, "PUE 1.3" 1.3 PUE), while `parse_quantity` refuses '
        "both (a comma in a table cell may as well group thousands; a PUE has no unit): "
        "`find_figures` reads them in Python;"
    ) in prose
