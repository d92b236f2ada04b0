"""The report's "passes 100%" sentence names the cap in the series' own unit: 100 for a
series in %, 10 for one in 成 (tenths; 10 成 = 100%). It said "cap = 100" for 成 too, a cap
at 1,000% that bounds nothing."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from idcforecast.report.sections.overview import _past_100


def _ctx(unit: str, scale: float, series_id: str = "x", read_unit: str = "") -> SimpleNamespace:
    # history 50% -> 90% (in `unit`), forecast 96% then 102% central, 95% bound past 100%
    # already in 2024 (101%): the same rows as past_100_when's example, in the series' unit
    history = pd.DataFrame({"year": [2022, 2023], "value": [50.0 / scale, 90.0 / scale]})
    forecast = pd.DataFrame(
        {
            "year": [2024, 2025],
            "mean": [96.0 / scale, 102.0 / scale],
            "hi_80": [99.0 / scale, 108.0 / scale],
            "hi_95": [101.0 / scale, 112.0 / scale],
        }
    )
    return SimpleNamespace(
        history=history, forecast=forecast, unit=unit, series_id=series_id, read_unit=read_unit
    )


def test_a_share_in_cheng_is_told_cap_10_not_100() -> None:
    text = _past_100(_ctx("成", 10.0))  # type: ignore[arg-type]
    assert "(95% upper bound in 2024, central value in 2025)" in text
    # 100% / (10 points per 成) = 10 成
    assert 'cap = 10 (10 成, 100%) with cap_mode = "clip" bounds the simulated paths' in text
    assert "cap = 100" not in text


def test_a_share_in_percent_keeps_cap_100() -> None:
    text = _past_100(_ctx("%", 1.0))  # type: ignore[arg-type]
    assert text.endswith(
        '(a scenario file\'s cap = 100 with cap_mode = "clip" bounds the simulated paths; the '
        "default smooth cap lowers a share near it, 98% to about 92%)."
    )


def test_a_share_in_cheng_is_reported_in_percent_with_changes_in_points(tmp_path) -> None:
    # a utilisation rate in 成 got the growth rate of a share ("Growth: 9.7% a year
    # compounded", a bar chart in percent per year) and "13.4 tenths" beside a sentence
    # about 100%; the report now shows it in percent, as a series read in %
    import re

    from pypdf import PdfReader

    from idcforecast.report.build import build_report

    data = tmp_path / "share.csv"
    data.write_text(
        "year,rack_utilisation\n2017,5.1\n2018,5.6\n2019,6.2\n2020,6.9\n2021,7.5\n2022,8.2\n"
        "2023,8.9\n"
    )
    path = build_report(
        data=data, out=tmp_path / "s.pdf", date="2026-01-01", read_options={"unit": "成"}
    )
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))
    # 8.9 成 x 10 = 89.0%; 5.1 成 = 51.0%; 89.0 - 51.0 = +38.0 pp over 6 years = +6.33 pp a year
    assert "Latest: 89.0 percent in 2023." in text
    assert "Change: +38.0 percentage points (pp) from 2017 (51.0 to 89.0 percent), +6.33 pp" in text
    # "tenths" only in the Assumptions' "(tenths of a whole)" and the Sources' header
    left = text.replace("(tenths of", "").replace("As published (tenths)", "")
    left = left.replace("cap = 10 (10 tenths, 100%", "")  # the cap in the unit read
    assert "a year compounded" not in text and "tenths" not in left
    # the spec is in the unit read, 成: its cap of 100% is 10 (it said "cap = 100", which a
    # spec in 成 reads as 1,000%); the unit read is named as the reader keeps it, "tenths"
    assert "a scenario file's cap = 100 " not in text
    assert re.search(
        r"a scenario file's cap = 10 \(10 tenths, 100%: a spec is in the unit the series was read "
        r'in\) with cap_mode = "clip" bounds the simulated paths',
        text,
    )
    # (成 itself prints only with a CJK font: the words around it)
    assert "(tenths of a whole), are shown in percent (multiplied by 10: 1" in text


def test_a_known_share_is_not_told_if_it_is_a_share() -> None:
    # a series in 成 or named a share ("rack_utilisation") is one (idcforecast._shares):
    # it read "if the series is a share, it cannot"
    named = _past_100(_ctx("%", 1.0, series_id="rack_utilisation"))  # type: ignore[arg-type]
    assert "): the series is a share ('rack_utilisation' says so), which cannot, and" in named
    shown = _past_100(_ctx("%", 1.0, read_unit="成"))  # type: ignore[arg-type]
    assert "): the series, published in 成 (tenths of a whole), is a share, which cannot" in shown
    # shown in %, read in 成: a spec's cap is in 成, 100% = 10 (it said "cap = 100")
    assert (
        "(a scenario file's cap = 10 (10 成, 100%: a spec is in the unit the series was " in shown
    )
    other = _past_100(_ctx("%", 1.0, series_id="pue_gap"))  # type: ignore[arg-type]
    assert "): if the series is a share, it cannot, and" in other


def test_a_share_in_cheng_lists_its_figures_as_published_in_sources(tmp_path) -> None:
    # the Sources table listed only the converted percent (89.0) beside "share.csv row 8",
    # the published 8.9 成 said once in Assumptions; a converted currency gets an 'As
    # published' column, and so does 成 now (8.9 成 x 10 = 89.0%)
    import re

    from pypdf import PdfReader

    from idcforecast.report.build import build_report

    data = tmp_path / "share.csv"
    data.write_text("year,rack_utilisation\n2020,6.9\n2021,7.5\n2022,8.2\n2023,8.9\n")
    path = build_report(
        data=data, out=tmp_path / "s.pdf", date="2026-01-01", read_options={"unit": "成"}
    )
    text = " ".join(p.extract_text() for p in PdfReader(path).pages)
    sources = re.sub(r"\s+", " ", text[text.index("Sources") : text.index("The figures, read in")])
    assert "As published (tenths)" in sources
    assert "'As published' gives each figure in the unit it was read in, and Assumptions" in sources
    for year, tenths, percent in (("2021", "7.5", "75.0"), ("2023", "8.9", "89.0")):
        assert f"{year} {tenths} {percent} share.csv row" in sources


def _cheng_history(values: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {"series_id": "rack_utilisation", "year": range(2017, 2017 + len(values)),
         "value": values, "unit": "成"}
    )  # fmt: skip


SHARE_SPEC = {
    "series_id": "rack_utilisation",
    "unit": "成",
    "scenarios": {
        "base": {"weight": 0.5, "cap": 10},
        "slow": {"weight": 0.5, "cap": 10, "growth": {"2024-2030": "-0.5pp"}},
    },
}


def test_a_share_is_not_asked_the_probability_of_a_level_past_100() -> None:
    # the probability table of a share at 99% asked "P(> 150)" (1.5 x the median), a
    # level no path of a share capped at 10 成 (100%) can reach: it is left out, and said
    from idcforecast.report._analyses import scenario_results

    history = _cheng_history([5.1, 5.6, 6.2, 6.9, 7.5, 8.2, 8.9])
    result = scenario_results(SHARE_SPEC, history, to=2030, seed=0, shown_unit="%")
    assert result.probabilities is not None
    # the 2030 medians' median is 99.44% (base 99.51, slow 99.36 under the smooth cap):
    # to two figures 0.75 x 99.44 = 74.6 -> 75, 1 x -> 99, 1.5 x = 149.2 -> 150, left out
    levels = [float(c.removeprefix("P(> ").removesuffix(")")) for c in result.probabilities]
    assert levels == [75.0, 99.0]
    assert result.threshold_note == (
        " The level 150 is left out: the series is a share and no simulated path passes 100% "
        "in 2030."
    )


def test_a_series_once_past_100_percent_in_cheng_keeps_its_levels() -> None:
    # a peak of 10.5 成 is 105%: no share (idcforecast._shares). The paths shown in % kept
    # the peak in 成 (10.5, read as 10.5%), so the report took it for a share
    from idcforecast.report._analyses import scenario_results

    history = _cheng_history([6.0, 7.0, 8.0, 9.0, 10.5, 10.0, 10.8])
    spec = {"series_id": "rack_utilisation", "unit": "成", "scenarios": {"base": {}}}
    result = scenario_results(spec, history, to=2027, seed=0, shown_unit="%")
    # no share: CAGR rows, not changes in points (scenario_table's rule on the shown paths)
    assert "cagr" in set(result.table["quantity"])
    assert result.probabilities is not None and len(result.probabilities.columns) == 3
    assert result.threshold_note == ""


def test_a_stray_path_past_100_percent_does_not_keep_a_column_of_zeros() -> None:
    # a rack utilisation rate at 59.5%: 1.5 x the 2030 medians' median (66.8%) is 100.2%,
    # to two figures 100; one simulated path in 5,000 passed 100%, so "P(> 100)" was kept
    # and read 0% in every row
    from idcforecast.report._analyses import scenario_results

    values = [48.5, 50.2, 52.0, 53.1, 55.0, 56.4, 58.0, 59.5]
    history = pd.DataFrame(
        {"series_id": "rack_util", "year": range(2016, 2024), "value": values, "unit": "%"}
    )
    spec = {
        "series_id": "rack_util",
        "unit": "%",
        "scenarios": {
            "base": {"weight": 0.6},
            "glut": {"weight": 0.4, "growth": {"2025-2030": "-2pp"}},
        },
    }
    result = scenario_results(spec, history, to=2030, seed=0, shown_unit="%")
    assert result.probabilities is not None
    # 0.75 x 66.8 = 50.1 -> 50; 1 x 66.8 -> 67; 1.5 x 66.8 = 100.2 -> 100, left out
    assert list(result.probabilities.columns) == ["P(> 50)", "P(> 67)"]
    assert result.threshold_note == (
        " The level 100 is left out: the series is a share and fewer than 0.5% of each "
        "scenario's simulated paths pass 100% in 2030."
    )


def test_a_shares_paths_past_100_percent_are_said_with_their_probability() -> None:
    # a share at 86% whose forecast passes 100% (central 131% in 2030): the base case,
    # which the simulation leaves as the forecast gives it, had a median of 132% and
    # "P(> 120)" 60% beside a slower scenario clipped at 100%, and the report said nothing
    import numpy as np

    from idcforecast import simulate
    from idcforecast.report._analyses import SCENARIO_PATHS, scenario_results

    values = [40.0, 52.0, 63.0, 72.0, 80.0, 86.0]
    history = pd.DataFrame(
        {"series_id": "dc_share", "year": range(2018, 2024), "value": values, "unit": "%"}
    )
    spec = {
        "series_id": "dc_share",
        "unit": "%",
        "scenarios": {"base": {}, "slow": {"growth": {"2024-2027": "-2pp"}}},
    }
    result = scenario_results(spec, history, to=2030, seed=0, shown_unit="%")
    assert result.probabilities is not None
    assert "P(> 100)" in result.probabilities.columns
    paths = simulate(history, 7, n_paths=SCENARIO_PATHS, scenarios=spec, seed=0)
    past = np.mean(paths.values[:, :, -1] > 100.0, axis=1)  # base, slow
    assert past[0] > 0.5 and past[1] == 0.0  # slow is clipped at 100%, base is not
    column = result.probabilities["P(> 100)"]
    assert column.tolist() == pytest.approx(past.tolist())
    assert result.threshold_note == (
        f" The series is a share ('dc_share' says so), which cannot pass 100%, yet "
        f"{100 * past[0]:.2g}% of the 'base' paths do in 2030 (the P(> 100) column); a cap = "
        '100 with cap_mode = "clip" in the scenario file bounds them (the default smooth cap '
        "lowers a share near it, 98% to about 92%)."
    )


def test_a_share_shown_in_cheng_names_its_own_100_percent() -> None:
    # shown in 成 (tenths), 100% is 10: the sentence named "the P(> 100) column", which
    # the table (P(> 9.9), P(> 10), ...) did not have, and "cap = 100", which is 1,000%
    from idcforecast.report._analyses import scenario_results

    history = _cheng_history([4.0, 5.2, 6.3, 7.2, 8.0, 8.6, 9.2]).assign(series_id="dc_share")
    spec = {"series_id": "dc_share", "unit": "成", "scenarios": {"base": {}}}
    result = scenario_results(spec, history, to=2030, seed=0, shown_unit="成")
    assert result.probabilities is not None
    assert "P(> 10)" in result.probabilities.columns
    assert (
        '(the P(> 10) column); a cap = 10 with cap_mode = "clip" in the scenario file'
        in result.threshold_note
    )
    assert "100)" not in result.threshold_note
