"""The "Other methods" section of a report on a share (a series in percent): level methods,
never a constant growth rate of the percentage."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report import _analyses as analyses

DATE = "2026-01-01"
SHARES = [1.5, 1.8, 2.2, 2.6, 3.0, 3.4, 3.9]  # percent, 2017-2023


def _share_history() -> pd.DataFrame:
    return pd.DataFrame(
        {"series_id": "edge_share", "year": range(2017, 2024), "value": SHARES, "unit": "%"}
    )


def test_a_share_is_compared_with_level_methods_not_growth_rates() -> None:
    # 'drift_log' (the compound growth rate of the percentage continued) took the share
    # from 3.9% to 11.9% in 2030, while the rest of the report refuses growth rates of a
    # percentage (its changes are in pp): the share's alternatives are level methods
    history = _share_history()
    bt = analyses.own_backtest(history, "auto")[0]
    other = analyses.alternatives(history, 7, "auto", 0, bt)
    assert other["model"].tolist() == ["auto", "drift", "damped", "naive"]
    # drift: the average yearly change (3.9 - 1.5) / 6 = 0.4 pp continued 7 years,
    # 3.9 + 7 * 0.4 = 6.7; naive: 3.9 held flat
    means = dict(zip(other["model"], other["mean"], strict=True))
    assert round(means["drift"], 9) == 6.7
    assert means["naive"] == 3.9
    # a market in money keeps the growth methods
    money = history.assign(unit="USD bn")
    assert analyses.compared_methods("USD bn")[1][0] == "drift_log"
    assert analyses.alternatives(money, 7, "auto", 0, bt)["model"].tolist() == [
        "auto",
        "drift_log",
        "damped_log",
        "drift",
    ]


def test_the_share_report_names_its_methods_and_says_why(tmp_path: Path) -> None:
    data = tmp_path / "edge_share.csv"
    _share_history().to_csv(data, index=False)
    path = build_report(data=data, out=tmp_path / "r.pdf", date=DATE)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    compact = re.sub(r"\s+", " ", text)
    section = compact[compact.index("Other methods on this series") :]
    section = section[: section.index("Sources")]
    # no row of a growth-rate method (the sentence below names them, the table has none)
    assert not re.search(r"(drift_log|damped_log) [\d.]+", section)
    assert "'drift': the average yearly change in percentage points continued (linear)" in section
    assert "growth-rate methods (drift_log, damped_log) are not offered" in section
    assert re.search(r"drift 6\.7 [\d.]+–[\d.]+ ", section)  # 3.9 + 7 * 0.4
    assert re.search(r"naive 3\.9 [\d.]+–[\d.]+ ", section)


def test_a_share_reported_with_a_growth_rate_method_is_not_told_it_is_refused(
    tmp_path: Path,
) -> None:
    # with --method drift_log the section said "The growth-rate methods (drift_log,
    # damped_log) are not offered" above a table whose first row is drift_log
    data = tmp_path / "edge_share.csv"
    _share_history().to_csv(data, index=False)
    path = build_report(data=data, method="drift_log", out=tmp_path / "r.pdf", date=DATE)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    compact = re.sub(r"\s+", " ", text)
    section = compact[compact.index("Other methods on this series") :]
    section = section[: section.index("Sources")]
    assert "(drift_log, damped_log) are not offered" not in section
    assert (
        "'drift_log', this report's method, continues a growth rate of the percentage, which "
        "the report otherwise never gives (its changes are in percentage points); the level "
        "methods here continue changes in percentage points instead, and the other "
        "growth-rate method (damped_log) is not offered."
    ) in section
    assert re.search(r"drift_log 11\.9 ", section)  # 3.9 * (3.9 / 1.5) ** (7 / 6) = 11.9
