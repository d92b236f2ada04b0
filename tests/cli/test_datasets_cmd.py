"""``idcforecast datasets [NAME] [--csv]``."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from idcforecast import load_dataset
from idcforecast.cli import main


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["datasets", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["name", "schema", "years", "unit", "description"]
    market = next(line for line in lines if line.startswith("china_idc_market "))
    assert market.split()[:4] == ["china_idc_market", "series", "2012-2023", "CNY"]
    assert lines[-1].startswith("10 bundled datasets;")


def test_one_dataset_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "china_racks_in_use")
    assert code == 0
    rows = out.splitlines()
    assert rows[0].split() == [
        "series_id", "year", "value", "unit", "qualifier", "derived", "confidence", "source"
    ]  # fmt: skip
    assert rows[2].split() == [
        "china_racks_in_use", "2019", "265.8", "racks", "10k", "exact", "medium",
        "pansoanic-chn.com",
    ]  # fmt: skip
    assert rows[-1].startswith("7 rows of china_racks_in_use;")


def test_claims_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "published_forecasts")
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("global_times_2020_07_07/cagr"))
    assert line.split() == [
        "global_times_2020_07_07/cagr", "2020-07-07", "china_idc_cidc_overall", "cagr", "2020",
        "2022", "27.8", "%", "exact",
    ]  # fmt: skip


def test_csv_round_trips_every_column(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "china_idc_market", "--csv")
    assert code == 0
    back = pd.read_csv(io.StringIO(out), keep_default_na=False)
    expected = load_dataset("china_idc_market")
    assert list(back.columns) == list(expected.columns)
    assert back["value"].tolist() == expected["value"].tolist()
    assert back["quote"].tolist() == expected["quote"].tolist()


def test_unknown_name_is_one_error_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "china_idc")
    assert (code, out) == (2, "")
    assert err.startswith(
        "error: datasets: dataset 'china_idc' is not bundled; did you mean 'china_idc_market'?"
    )


def test_stored_values_print_with_every_digit(capsys: pytest.CaptureFixture[str]) -> None:
    # VNET 2020 net revenue RMB 4,829,019 thousand = 4829.019 CNY mn; it printed as 4,829.02
    code, out, _ = _run(capsys, "company_revenue")
    assert code == 0
    line = next(row for row in out.splitlines() if row.split()[:2] == ["vnet_net_revenue", "2020"])
    assert line.split()[2] == "4,829.019"


def test_one_row_is_a_row(capsys: pytest.CaptureFixture[str]) -> None:
    # global_dc_market holds one row: the footer read "1 rows of global_dc_market"
    code, out, _ = _run(capsys, "global_dc_market")
    assert code == 0
    assert out.splitlines()[-1].startswith("1 row of global_dc_market;")
