"""A scenario spec in another magnitude of the series' unit ("USD bn" for "USD", GW for MW)
is a rescale, in simulate and `idcforecast scenarios` as in the report (one rule:
idcforecast.scenarios._spec_magnitude); another currency stays refused."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from idcforecast.cli import main
from idcforecast.errors import SpecError
from idcforecast.scenarios import scenario_table, simulate

VALUES = [1.0, 1.3, 1.6, 2.1, 2.5, 3.0, 3.6, 4.5, 5.5]  # billions
# the bear cap 9 (USD bn) is 9,000,000,000 USD
SPEC_IN_BN = {
    "series_id": "usd",
    "unit": "USD bn",
    "scenarios": {"base": {"weight": 0.5}, "bear": {"weight": 0.5, "cap": 9}},
}


def _history(unit: str, factor: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series_id": "usd",
            "year": range(2015, 2024),
            "value": [v * factor for v in VALUES],
            "unit": unit,
        }
    )


def test_a_spec_in_usd_bn_simulates_a_series_in_usd_as_one_in_usd_bn() -> None:
    # was: SpecError "the spec's key 'unit' is 'USD bn' but series 'usd' is in 'USD'"
    in_usd = simulate(_history("USD", 1e9), 4, n_paths=400, scenarios=SPEC_IN_BN, seed=0)
    in_bn = simulate(_history("USD bn", 1.0), 4, n_paths=400, scenarios=SPEC_IN_BN, seed=0)
    assert in_usd.unit == in_bn.unit == "USD bn"
    assert in_usd.origin_value == pytest.approx(5.5)  # 5.5e9 USD / 1e9
    np.testing.assert_allclose(in_usd.values, in_bn.values, rtol=1e-12)
    assert in_usd.scenario("bear").max() <= 9.0  # the cap read in USD bn
    pd.testing.assert_frame_equal(scenario_table(in_usd), scenario_table(in_bn))
    assert in_usd.note.startswith(
        "The spec's figures are in USD billion; the series, read in USD, was rescaled to it "
        "for the simulation (divided by 1,000,000,000; no exchange rate is involved)"
    )
    assert "rescaled" not in in_bn.note


def test_a_spec_in_gw_simulates_a_series_in_mw() -> None:
    spec = {"unit": "GW", "scenarios": {"base": {"cap": 8}}}
    mw = _history("MW", 1000.0)
    gw = _history("GW", 1.0)
    in_mw, in_gw = (simulate(h, 3, n_paths=200, scenarios=spec, seed=1) for h in (mw, gw))
    assert in_mw.unit == "GW"
    np.testing.assert_allclose(in_mw.values, in_gw.values, rtol=1e-12)
    assert "was rescaled to it for the simulation (divided by 1,000)" in in_mw.note
    assert "exchange rate" not in in_mw.note  # power has none


def test_a_spec_in_another_currency_is_still_refused() -> None:
    spec = dict(SPEC_IN_BN, unit="CNY bn")
    with pytest.raises(
        SpecError, match=re.escape("the spec's key 'unit' is 'CNY bn' but series 'usd' is in")
    ):
        simulate(_history("USD", 1e9), 3, n_paths=20, scenarios=spec, seed=0)


SPEC_FILE = """series_id = "usd"
unit = "USD bn"
[scenarios.base]
weight = 0.5
[scenarios.bear]
weight = 0.5
cap = 9
"""


def test_the_cli_prints_the_same_tables_for_usd_and_usd_bn_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = tmp_path / "bn.toml"
    spec.write_text(SPEC_FILE, encoding="utf-8")
    outs = []
    for name, unit, factor in (("usd", "USD", 1e9), ("bn", "USD bn", 1.0)):
        data = tmp_path / f"{name}.csv"
        _history(unit, factor).to_csv(data, index=False)
        argv = ["scenarios", str(spec), "--data", str(data), "--paths", "300", "--horizon", "3"]
        assert main([*argv, "--threshold", "8"]) == 0
        outs.append(capsys.readouterr().out)
    in_usd, in_bn = outs
    note = (
        "note: The spec's figures are in USD billion; the series, read in USD, was rescaled "
        "to it for the simulation (divided by 1,000,000,000; no exchange rate is involved)\n"
    )
    assert note in in_usd
    assert in_usd.replace(note, "") == in_bn


def test_a_plain_threshold_names_the_unit_it_is_read_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was "P(value > 8000000000 in 2026)" with 0.0% everywhere: the number, meant in the
    # data's USD, is read in the spec's USD bn, the unit simulated; the heading now says so
    spec = tmp_path / "bn.toml"
    spec.write_text(SPEC_FILE, encoding="utf-8")
    data = tmp_path / "usd.csv"
    _history("USD", 1e9).to_csv(data, index=False)
    argv = ["scenarios", str(spec), "--data", str(data), "--paths", "300", "--horizon", "3"]
    assert main([*argv, "--threshold", "8000000000", "--threshold", "US$8bn"]) == 0
    out = capsys.readouterr().out
    assert "P(value > 8000000000 USD bn in 2026):" in out
    assert "P(value > US$8bn in 2026):" in out  # a figure says its unit itself


@pytest.mark.parametrize("scale", ["log", "level"])
def test_simulate_paths_rescales_a_spec_in_another_magnitude_as_simulate_does(scale: str) -> None:
    # was: simulate_paths (the array engine) refused the USD bn spec for unit="USD" while
    # simulate, the CLI and the report rescale it; now the same rule at both levels
    from idcforecast.scenarios import simulate_paths

    years = np.array([2024, 2025, 2026])
    mean_bn = np.array([6.0, 6.6, 7.2])
    # sigma: a fraction on the log scale (no unit); in the series' unit on the level scale
    sigma_bn = np.array([0.1, 0.15, 0.2]) if scale == "log" else np.array([0.4, 0.6, 0.8])
    level_factor = 1e9 if scale == "level" else 1.0
    common = {"years": years, "scale": scale, "scenarios": SPEC_IN_BN, "n_paths": 500, "seed": 3}
    in_usd = simulate_paths(
        mean=mean_bn * 1e9,
        sigma=sigma_bn * level_factor,
        unit="USD",
        series_id="usd",
        origin_year=2023,
        origin_value=5.5e9,
        history_max=5.5e9,
        **common,
    )
    in_bn = simulate_paths(
        mean=mean_bn,
        sigma=sigma_bn,
        unit="USD bn",
        series_id="usd",
        origin_year=2023,
        origin_value=5.5,
        history_max=5.5,
        **common,
    )
    assert in_usd.unit == "USD bn"
    assert in_usd.origin_value == pytest.approx(5.5)  # 5.5e9 USD / 1e9
    assert in_usd.history_max == pytest.approx(5.5)
    np.testing.assert_allclose(in_usd.values, in_bn.values, rtol=1e-9)
    assert in_usd.scenario("bear").max() <= 9.0  # the cap of 9 read in USD bn
    assert in_usd.note.startswith(
        "The spec's figures are in USD billion; the series, read in USD, was rescaled to it "
        "for the simulation (divided by 1,000,000,000; no exchange rate is involved)"
    )
    assert "rescaled" not in in_bn.note


def test_simulate_paths_still_refuses_a_spec_in_another_currency() -> None:
    from idcforecast.scenarios import simulate_paths

    spec = dict(SPEC_IN_BN, unit="CNY bn")
    with pytest.raises(SpecError, match=re.escape("the spec's key 'unit' is 'CNY bn'")):
        simulate_paths(
            mean=np.array([6e9]),
            sigma=np.array([0.1]),
            years=np.array([2024]),
            scenarios=spec,
            unit="USD",
            series_id="usd",
            n_paths=10,
            seed=0,
        )
