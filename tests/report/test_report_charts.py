"""Charts: titles, units, footnotes, the numbers drawn, typed errors, no global state."""

from __future__ import annotations

import itertools
import re

import matplotlib
import matplotlib.colors
import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import DataError, EmptyDataError, UnknownSeriesError
from idcforecast.report.charts import (
    plot_backtest,
    plot_claims,
    plot_forecast,
    plot_growth,
    plot_scenarios,
)
from idcforecast.report.style import COLORS
from idcforecast.report.tables import format_summary, summary_table


@pytest.fixture
def history() -> pd.DataFrame:
    # 2022 is missing on purpose: a real gap; 2021 is a derived figure
    return pd.DataFrame(
        {
            "series_id": "demo",
            "year": [2019, 2020, 2021, 2023],
            "value": [100.0, 110.0, 121.0, 146.41],
            "unit": "CNY 100m",
            "source": ["科智咨询 (CIDC) report", "Press, page", "derived", "Broker note"],
            "derived": [False, False, True, False],
        }
    )


@pytest.fixture
def forecast() -> pd.DataFrame:
    mean = np.array([160.0, 175.0])
    return pd.DataFrame(
        {
            "series_id": "demo",
            "year": [2024, 2025],
            "model": "drift",
            "mean": mean,
            "lo_80": mean - 10,
            "hi_80": mean + 10,
            "lo_95": mean - 20,
            "hi_95": mean + 20,
            "unit": "CNY 100m",
        }
    )


def _texts(fig: matplotlib.figure.Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


def test_the_history_line_breaks_at_a_missing_year(history, forecast) -> None:
    # the report says missing years "stay gaps in the tables and charts"; the line was drawn
    # straight across 2022
    ax = plot_forecast(history, forecast).axes[0]
    (actual,) = [line for line in ax.lines if line.get_label() == "actual"]
    assert list(actual.get_xdata()) == [2019, 2020, 2021, 2022, 2023]
    y = np.asarray(actual.get_ydata(), dtype=float)
    assert np.isnan(y[3]) and y[[0, 1, 2, 4]].tolist() == [100.0, 110.0, 121.0, 146.41]


def test_forecast_chart_has_title_unit_footnote_and_the_bands(history, forecast) -> None:
    fig = plot_forecast(history, forecast)
    ax = fig.axes[0]
    assert ax.get_title(loc="left") == "demo: history and forecast to 2025"
    assert ax.get_ylabel() == "CNY 100 million"
    footnote = fig.texts[-1].get_text()
    # chart text has no CJK glyphs (DejaVu): a Chinese source is never cut down to its
    # Latin fragment (was "(CIDC) report"); 科智咨询 is a known name, said in English
    assert footnote.startswith(
        "Source: Kezhi Consulting (CIDC) report; Press; derived; and 1 more (see Sources)"
    )
    assert "'drift'" in footnote
    bands = ax.collections[:2]
    # the 95% band reaches hi_95 of the last year: 175 + 20
    assert bands[0].get_paths()[0].vertices[:, 1].max() == pytest.approx(195.0)
    assert bands[1].get_paths()[0].vertices[:, 1].max() == pytest.approx(185.0)
    assert "derived (not published)" in ax.get_legend_handles_labels()[1]


def test_the_last_actual_is_labelled_with_its_qualifier(history, forecast) -> None:
    labels = [t.get_text() for t in plot_forecast(history, forecast).axes[0].texts]
    assert "146" in labels  # exact: the number alone
    qualified = history.assign(qualifier=["exact", "exact", "exact", "at_least"])
    labels = [t.get_text() for t in plot_forecast(qualified, forecast).axes[0].texts]
    assert ">146" in labels and "146" not in labels  # as the claims chart marks "more than"


def test_charts_leave_global_state_alone(history, forecast) -> None:
    import matplotlib.pyplot as plt

    before = dict(matplotlib.rcParams)
    plot_forecast(history, forecast)
    plot_growth(history)
    assert dict(matplotlib.rcParams) == before
    assert plt.get_fignums() == []  # not registered with pyplot: nothing accumulates


def test_growth_bars_skip_gaps_and_cagr_spans_them(history) -> None:
    fig = plot_growth(history)
    ax = fig.axes[0]
    heights = [round(float(b.get_height()), 6) for b in ax.patches]
    # 100 -> 110 -> 121 is +10% twice; 2023 has no 2022, so no bar
    assert heights == [10.0, 10.0]
    (cagr_line,) = [line for line in ax.lines if line.get_label().startswith("CAGR")]
    # (146.41 / 100) ** (1 / 4) - 1 = 1.1 - 1 = 10% exactly (146.41 = 100 * 1.1^4)
    assert cagr_line.get_ydata()[0] == pytest.approx(10.0)
    assert cagr_line.get_label() == "CAGR 2019-2023: 10.0%"
    assert ax.get_ylabel() == "growth, percent per year"
    # here every bar is 10.0 and so is the CAGR: the line runs through the labels' height.
    # The labels sit on white above the line (it used to strike "32.4" through in the report)
    labels = [t for t in ax.texts if t.get_text() == "10.0"]
    assert len(labels) == 2
    for label in labels:
        box = label.get_bbox_patch()
        assert box is not None and box.get_facecolor() == (1.0, 1.0, 1.0, 1.0)
        assert label.get_zorder() > cagr_line.get_zorder()


def test_growth_bars_leave_out_only_rates_touching_a_level_at_or_below_zero() -> None:
    # a new market: 0 in 2017. Was: no growth chart at all. 12/5 - 1 = 140%, 20/12 - 1 =
    # 66.7%; the CAGR starts at 2018, after the 0: (20 / 5) ** (1 / 2) - 1 = 100%
    zero = pd.DataFrame(
        {"series_id": "s", "year": [2017, 2018, 2019, 2020], "value": [0.0, 5.0, 12.0, 20.0]}
    )
    fig = plot_growth(zero)
    ax = fig.axes[0]
    bars = [(round(b.get_x() + b.get_width() / 2), round(b.get_height(), 3)) for b in ax.patches]
    assert bars == [(2019, 140.0), (2020, 66.667)]
    (cagr_line,) = [line for line in ax.lines if line.get_label().startswith("CAGR")]
    assert cagr_line.get_label() == "CAGR 2018-2020: 100.0%"
    footnote = " ".join(t.get_text() for t in fig.texts)
    assert "years from or to a level at or below zero (2017: 0.0), have no bar" in footnote


def test_backtest_chart_mean_error_by_horizon() -> None:
    bt = pd.DataFrame(
        {
            "series_id": "demo",
            "model": "drift",
            "cutoff": [2020, 2020, 2021],
            "year": [2021, 2022, 2022],
            "mean": [11.0, 12.0, 13.0],
            "actual": [10.0, 12.0, 12.0],
            "unit": "USD bn",
        }
    )
    accuracy = pd.DataFrame(
        {
            "series_id": ["demo"],
            "model": ["drift"],
            "smape": [5.0],
            "coverage_80": [0.5],
            "coverage_95": [1.0],
        }
    )
    fig = plot_backtest(bt, accuracy=accuracy)
    left, right = fig.axes
    (mean_line,) = [line for line in right.lines if line.get_label() == "mean"]
    # h=1: |10-11|/10 = 10% and |12-13|/12 = 8.333%, mean 9.1667%; h=2: |12-12|/12 = 0%
    assert mean_line.get_ydata() == pytest.approx([9.1666667, 0.0])
    assert left.get_ylabel() == "USD billion"
    assert (
        fig.texts[-1].get_text().endswith("sMAPE 5.0%, 80% interval covered 50%, 95% covered 100%.")
    )


def test_backtest_chart_with_one_forecast_keeps_a_year_scale() -> None:
    # one cutoff, one year ahead: the axis spanned 1925-2125 and the forecast (a one-point
    # line) was invisible
    bt = pd.DataFrame(
        {"series_id": "s", "model": "auto", "cutoff": [2021], "year": [2022], "mean": [10.0],
         "actual": [-5.0], "unit": "CNY bn"}
    )  # fmt: skip
    left = plot_backtest(bt).axes[0]
    assert left.get_xlim() == (2021.0, 2023.0)
    (forecast_line,) = [line for line in left.lines if line.get_label().startswith("forecast")]
    assert forecast_line.get_marker() == "o"


def test_claims_chart_marks_held_and_missed() -> None:
    record = pd.DataFrame(
        {
            "claim_set": ["gt", "cidc", "old"],
            "by": ["Global Times, citing a report", "科智咨询", "Firm"],
            "made": ["2020-07-07", "2020", "2018"],
            "year": [2022, 2022, 2017],
            "value": [3200.0, 3200.5, 900.0],
            "qualifier": ["exact", "at_least", "exact"],
            "unit": "CNY 100m",
            "actual": [4043.2, 4043.2, 946.1],
            "held": [False, True, True],
            "forecast": [True, True, False],
        }
    )
    fig = plot_claims(record)
    texts = _texts(fig)
    # every label is the claim set, as the tables print it (was "Global Times (2020)" beside
    # "cidc (2020)"); the footnote says who published each
    assert "gt (2020): 3,200" in texts
    assert "cidc (2020): > 3,200.5" in texts  # the claim as published
    assert not any(t.startswith("old") for t in texts)  # restated (forecast False) left out
    assert (
        fig.texts[-1]
        .get_text()
        .replace("\n", " ")
        .endswith("Published by: gt: Global Times; cidc: Kezhi Consulting.")
    )
    assert fig.axes[0].get_ylabel() == "CNY 100 million"
    # two forecasts for 2022 sit at 2022 -/+ 0.06 (spread 0.12 apart around the year); both
    # labels start right of the second marker (the first label used to cover it)
    anchors = {a.get_text(): a.xy for a in fig.axes[0].texts}
    assert anchors["gt (2020): 3,200"] == pytest.approx((2022.06, 3200.0))
    assert anchors["cidc (2020): > 3,200.5"] == pytest.approx((2022.06, 3200.5))


def test_scenario_chart_draws_median_lines() -> None:
    table = pd.DataFrame(
        {
            "scenario": ["base", "base", "bull", "bull"],
            "quantity": "level",
            "year": [2024, 2025, 2024, 2025],
            "unit": "USD bn",
            "p10": [9.0, 9.5, 10.0, 11.0],
            "p50": [10.0, 11.0, 12.0, 14.0],
            "p90": [11.0, 12.5, 14.0, 17.0],
        }
    )
    history = pd.DataFrame({"series_id": "s", "year": [2022, 2023], "value": [8.0, 9.0]})
    fig = plot_scenarios(table, history=history)
    ax = fig.axes[0]
    bull = next(line for line in ax.lines if line.get_label() == "bull")
    # joined to the last actual (2023, 9.0), then the medians
    assert list(bull.get_ydata()) == [9.0, 12.0, 14.0]
    assert ax.get_ylabel() == "USD billion"


def test_scenario_chart_takes_paths_and_summarises_them() -> None:
    # Was: AttributeError: 'Paths' object has no attribute 'columns'
    from idcforecast.scenarios import Paths, scenario_table

    paths = Paths(
        # 20 paths (the table's p5 needs 1 / 0.05): seven at (10, 11), six at (12, 13), seven
        # at (14, 15); the median path value is the middle block's
        values=np.array([[[10.0, 11.0]] * 7 + [[12.0, 13.0]] * 6 + [[14.0, 15.0]] * 7]),
        years=np.array([2024, 2025]),
        scenarios=("base",),
        unit="USD bn",
        origin_year=2023,
        origin_value=9.0,
    )
    fig = plot_scenarios(paths)
    ax = fig.axes[0]
    base = next(line for line in ax.lines if line.get_label() == "base")
    assert list(base.get_ydata()) == [12.0, 13.0]  # the medians of the paths
    assert ax.get_ylabel() == "USD billion"
    same = plot_scenarios(scenario_table(paths)).axes[0]
    assert [list(line.get_ydata()) for line in same.lines] == [
        list(line.get_ydata()) for line in ax.lines
    ]
    msg = (
        "scenario table: expected the DataFrame of scenario_table(paths) or the Paths of "
        "simulate(); found list"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        plot_scenarios([1, 2])  # type: ignore[arg-type]


def test_missing_columns_are_named(history, forecast) -> None:
    msg = (
        "forecast: missing column(s) 'lo_95', 'hi_95'; found 'series_id', 'year', 'model', "
        "'mean', 'lo_80', 'hi_80', 'unit'; pass the frame idcforecast.forecast() returns "
        "(help(idcforecast.forecast) lists its columns)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        plot_forecast(history, forecast.drop(columns=["lo_95", "hi_95"]))


def test_missing_history_columns_name_a_function_an_installed_package_has(history) -> None:
    # the message sent readers to docs/internals.md, which a pip install does not ship
    with pytest.raises(DataError) as caught:
        plot_forecast(history.drop(columns=["value"]), history)
    message = str(caught.value)
    assert "docs/internals.md" not in message
    assert message.endswith(
        "pass the frame idcforecast.read_series() or idcforecast.load_dataset() returns "
        "(help(idcforecast.read_series) lists its columns)"
    )


def test_several_series_need_a_series_id(history, forecast) -> None:
    two = pd.concat([history, history.assign(series_id="other")])
    msg = "history: holds 2 series ('demo', 'other'); pass series_id= to choose one"
    with pytest.raises(DataError, match=re.escape(msg)):
        plot_forecast(two, forecast)
    fig = plot_forecast(two, forecast, series_id="demo")
    assert fig.axes[0].get_title(loc="left").startswith("demo:")
    # the ids quoted: a series named "series" read as "it holds series" before
    msg = "series 'nope' is not in the frame; it holds 'demo', 'other'"
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        plot_growth(two, series_id="nope")


def test_unknown_model_and_empty_history(history, forecast) -> None:
    msg = "forecast: model 'ets' is not in the frame; it holds 'drift'; pass one of those as model="
    with pytest.raises(DataError, match=re.escape(msg)):
        plot_forecast(history, forecast, model="ets")
    with pytest.raises(EmptyDataError, match=re.escape("history: the frame has no rows")):
        plot_growth(history.iloc[0:0])


def test_chinese_sources_are_never_cut_to_fragments(history, forecast) -> None:
    # uat11 #4: "中国IDC圈" (CIDC) was printed "IDC", which reads as International Data
    # Corporation, and "科智咨询" as an empty entry (";;")
    # (an unknown firm, 赛迪顾问, for the old "科智咨询": that one is named in English now)
    cn = history.assign(
        source=["中国IDC圈 2015-2016报告", "中国IDC圈研究", "赛迪顾问", "Global Times 2020-07-07"]
    )
    footnote = plot_forecast(cn, forecast).texts[-1].get_text()
    assert footnote.startswith("Source: 3 Chinese-language sources; and 1 more (see Sources).")
    assert "IDC" not in footnote.split("Forecast:")[0] and ";;" not in footnote
    # known names said in English: 中国IDC圈 is China IDC Circle, 科智咨询 Kezhi Consulting
    # (the report's sources were "a Chinese-language source" where the name is known)
    known = history.assign(source=["中国IDC圈", "科智咨询", "中国IDC圈 2015-2016报告", "GT"])
    footnote = plot_forecast(known, forecast).texts[-1].get_text().replace("\n", " ")
    assert footnote.startswith(
        "Source: China IDC Circle; Kezhi Consulting; a Chinese-language source; and 1 more "
        "(see Sources)."
    )
    growth = plot_growth(cn.iloc[[0, 3]]).texts[-1].get_text().replace("\n", " ")
    assert growth.endswith(
        "Source: a Chinese-language source; Global Times 2020-07-07 (see Sources)."
    )


def test_rows_of_one_file_are_one_source(history, forecast) -> None:
    # uat12 #12: "vn_usd.csv row 2; vn_usd.csv row 3; vn_usd.csv row 4; and 4 more"
    rows = history.assign(source=[f"vn_usd.csv row {i}, column 'v'" for i in (2, 3, 4, 6)])
    footnote = plot_forecast(rows, forecast).texts[-1].get_text()
    assert footnote.startswith("Source: vn_usd.csv, rows 2-4, 6. Forecast:")


LONG_TITLE = (
    "Operator X data-center capacity in Southeast Asia, colocation and interconnection "
    "only (excluding hyperscale self-build)"
)


def _inside_figure(fig: matplotlib.figure.Figure, text: matplotlib.text.Text) -> bool:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    fig.canvas.draw()
    box = text.get_window_extent()
    return bool(box.x0 >= 0 and box.x1 <= fig.bbox.x1 + 0.5)


def test_a_long_title_is_wrapped_inside_the_chart(history, forecast) -> None:
    # the report's title leads each chart's title: a long one ran off the chart's right
    # edge and was cut ("...interconnection only (excluding hyperscale")
    fig = plot_forecast(history, forecast, title=f"{LONG_TITLE}: forecast")
    ax = fig.axes[0]
    assert "\n" in ax.get_title(loc="left")
    assert ax.get_title(loc="left").split() == f"{LONG_TITLE}: forecast".split()
    assert _inside_figure(fig, ax.title)
    fig = plot_growth(history, title=f"{LONG_TITLE}: growth year on year")
    assert _inside_figure(fig, fig.axes[0].title)


def test_a_short_title_stays_on_one_line(history, forecast) -> None:
    fig = plot_forecast(history, forecast, title="China IDC market (CIDC overall scope): forecast")
    assert "\n" not in fig.axes[0].get_title(loc="left")


def test_a_long_series_id_wraps_the_backtest_title() -> None:
    sid = "operator_x_southeast_asia_colocation_and_interconnection_capacity_mw " * 2
    bt = pd.DataFrame(
        {
            "series_id": sid,
            "model": "drift",
            "cutoff": [2020, 2020, 2021],
            "year": [2021, 2022, 2022],
            "mean": [11.0, 12.0, 13.0],
            "actual": [10.0, 12.0, 12.0],
            "unit": "MW",
        }
    )
    fig = plot_backtest(bt)
    assert fig._suptitle is not None
    assert _inside_figure(fig, fig._suptitle)
    # the footnote says "2 cutoffs", not "2 cutoff(s)"
    assert any("Rolling origin, 2 cutoffs;" in t for t in _texts(fig))


def test_backtest_legends_do_not_cover_the_lines() -> None:
    # the legend sat in the upper left whatever the data: on a short, steep series the
    # actual line ran through "forecast from each cutoff"
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    bt = pd.DataFrame(
        {
            "series_id": "short",
            "model": "drift",
            "cutoff": [2021, 2021],
            "year": [2022, 2023],
            "mean": [240.0, 270.0],
            "actual": [260.0, 300.0],
            "unit": "MW",
        }
    )
    fig = plot_backtest(bt)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    for ax in fig.axes:
        box = ax.get_legend().get_window_extent()
        for line in ax.get_lines():
            xy = line.get_transform().transform(line.get_xydata())
            # sample the segments, not only their ends
            for (x0, y0), (x1, y1) in itertools.pairwise(xy):
                for t in np.linspace(0.0, 1.0, 50):
                    point = (x0 + t * (x1 - x0), y0 + t * (y1 - y0))
                    assert not box.contains(*point), (ax.get_title(), line.get_label())


def _wide_forecast(forecast: pd.DataFrame) -> pd.DataFrame:
    """The fixture's forecast with a 95% band reaching 4.9x the highest actual (146.41):
    716 / 146.41 = 4.89 > LOG_SCALE_RATIO (4)."""
    return forecast.assign(hi_95=[400.0, 716.0], hi_80=[250.0, 380.0])


def test_a_band_much_wider_than_the_history_is_drawn_on_a_log_axis(history, forecast) -> None:
    # the report's page-1 chart ran its linear axis to the 95% band's 59,276 and squeezed
    # 11 years of history (up to 5,078) into the bottom tenth
    fig = plot_forecast(history, _wide_forecast(forecast))
    ax = fig.axes[0]
    assert ax.get_yscale() == "log"
    assert ax.get_ylabel() == "CNY 100 million (log scale)"
    assert "Log scale: equal heights are equal growth rates" in fig.texts[-1].get_text()
    # the whole band is on the chart: 716 below the top, the lowest actual (100) above the floor
    low, high = ax.get_ylim()
    assert low < 100.0 and high > 716.0
    # levels as written in the tables, not "10^2"
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
    assert "200" in labels and "500" in labels


def test_a_share_s_wide_band_stays_on_a_linear_axis(history, forecast) -> None:
    # the same band (4.9x the highest actual) in percent: the report gives a share's changes
    # in points, so its chart said "equal heights are equal growth rates" against the tables
    share = history.assign(value=history["value"] / 10, unit="%")  # 10.0-14.6 percent
    wide = _wide_forecast(forecast)
    wide[["mean", "lo_80", "hi_80", "lo_95", "hi_95"]] /= 10  # the 95% band up to 71.6%
    wide["unit"] = "%"
    fig = plot_forecast(share, wide)
    ax = fig.axes[0]
    assert ax.get_yscale() == "linear" and ax.get_ylim()[0] == 0.0
    assert ax.get_ylabel() == "percent"
    assert "growth rates" not in fig.texts[-1].get_text()
    assert "Log scale" not in fig.texts[-1].get_text()
    # asked for, a log axis is still drawn
    assert plot_forecast(share, wide, scale="log").axes[0].get_yscale() == "log"


def test_a_narrow_band_keeps_the_linear_axis_from_zero(history, forecast) -> None:
    # the fixture's band tops at 195, 1.3x the highest actual
    ax = plot_forecast(history, forecast).axes[0]
    assert ax.get_yscale() == "linear" and ax.get_ylim()[0] == 0.0
    wide = plot_forecast(history, _wide_forecast(forecast), scale="linear").axes[0]
    assert wide.get_yscale() == "linear" and wide.get_ylabel() == "CNY 100 million"
    assert plot_forecast(history, forecast, scale="log").axes[0].get_yscale() == "log"


def test_a_log_axis_needs_positive_values(history, forecast) -> None:
    crossing = _wide_forecast(forecast).assign(lo_95=[-5.0, -20.0])
    # "auto" falls back to linear: a log axis cannot show the band below zero
    assert plot_forecast(history, crossing).axes[0].get_yscale() == "linear"
    with pytest.raises(DataError, match=re.escape("the lowest is -20; use scale='linear'")):
        plot_forecast(history, crossing, scale="log")
    with pytest.raises(DataError, match=re.escape("scale 'logarithmic' is not a chart scale")):
        plot_forecast(history, forecast, scale="logarithmic")


def test_claims_chart_takes_a_claim_without_a_date_as_a_forecast() -> None:
    # report25: track_record() of a claim without `made` has forecast <NA>; plot_claims
    # raised "ValueError: cannot convert float NaN to bool" (check_claims takes such a
    # claim as a forecast, and so does the chart now; it has no year to print)
    record = pd.DataFrame(
        {
            "claim_set": ["b", "a"],
            "by": ["Broker", "Firm"],
            "made": ["", "2019"],
            "year": [2023, 2021],
            "value": [5310.7, 3000.0],
            "qualifier": ["approximately", "exact"],
            "unit": "CNY 100m",
            "actual": [5078.3, 3012.7],
            "held": [True, True],
            "forecast": pd.array([pd.NA, True], dtype="boolean"),
        }
    )
    fig = plot_claims(record)
    texts = _texts(fig)
    # report57: the undated claim is drawn apart (hollow grey, below), labelled so
    assert "b (undated): ~ 5,310.7" in texts  # the claim as published and tabled
    assert "a (2019): 3,000" in texts
    assert "Labels: claim set (year made). Published by: a: Firm; b: Broker." in (
        fig.texts[-1].get_text().replace("\n", " ")
    )


def test_the_claims_chart_draws_an_undated_claim_apart_from_the_forecasts() -> None:
    # report57: a claim with no made date (forecast <NA>) was drawn as a forecast, green
    # 'held' like any other, though the track-record table and the overview say whether it
    # was a forecast is unknown; it is now a hollow grey marker, in the legend and the note
    record = pd.DataFrame(
        {
            "claim_set": ["b", "a"],
            "by": ["Broker", "Firm"],
            "made": ["", "2019"],
            "year": [2023, 2021],
            "value": [5310.7, 3000.0],
            "qualifier": ["approximately", "exact"],
            "unit": "CNY 100m",
            "actual": [5078.3, 3012.7],
            "held": [True, True],
            "forecast": pd.array([pd.NA, True], dtype="boolean"),
        }
    )
    ax = plot_claims(record).axes[0]
    drawn = [line for line in ax.lines if len(line.get_xdata()) == 1]  # the two markers
    faces = {float(line.get_ydata()[0]): line.get_markerfacecolor() for line in drawn}
    assert faces[5310.7] == "none"  # hollow
    assert matplotlib.colors.to_hex(faces[3000.0]) == COLORS["hit"]  # a dated forecast: held
    colors = {float(line.get_ydata()[0]): line.get_color() for line in drawn}
    assert colors[5310.7] == COLORS["derived"]  # grey, not the 'held' green
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["actual", "forecast held", "forecast missed", "no made date"]
    note = ax.figure.texts[-1].get_text().replace("\n", " ")
    assert note.endswith(
        "Hollow grey: 1 claim with no made date (b), drawn against the actual but not "
        "judged: whether it was a forecast is unknown."
    )


def test_growth_bars_are_marked_like_the_summary_tables_rates() -> None:
    # report25: the bars printed rates from or to a figure published as a bound as exact
    # ("28.6" where the summary table says "< 28.6": 2021's "more than 140" EFLOPS), and drew
    # a bar where both figures are "more than" and the rate is open (the table's "–")
    history = pd.DataFrame(
        {
            "series_id": "r",
            "year": [2021, 2022, 2023, 2024],
            "value": [140.0, 180.0, 220.0, 280.0],
            "qualifier": ["at_least", "exact", "at_least", "at_least"],
            "unit": "EFLOPS",
        }
    )
    fig = plot_growth(history)
    ax = fig.axes[0]
    # 180 / 140 - 1 = 28.57% from a "more than" start: at most; 220 / 180 - 1 = 22.22% to a
    # "more than" end: at least; 2023 -> 2024 between two "more than" figures: no bar
    assert [t.get_text() for t in ax.texts] == ["<28.6", ">22.2"]
    assert [p.get_x() + p.get_width() / 2 for p in ax.patches] == [2022.0, 2023.0]
    note = fig.texts[-1].get_text().replace("\n", " ")
    assert "nor 2024, where both figures are bounds ('more than') that leave the rate open" in note
    assert "'>'/'<': at least/at most, from a figure published as a bound." in note
    forecast = pd.DataFrame(
        {"series_id": "r", "year": [2025], "model": "drift", "mean": [300.0], "lo_80": [250.0],
         "hi_80": [350.0], "lo_95": [200.0], "hi_95": [400.0]}
    )  # fmt: skip
    table = format_summary(summary_table(history, forecast))
    assert table["YoY %"].tolist()[1:4] == ["< 28.6", "> 22.2", "–"]


def test_claims_chart_leaves_out_a_forecast_in_another_unit() -> None:
    # report25: track_record keeps a USD forecast not yet due past the FX table in USD bn;
    # drawn on the CNY 100m axis, 150 (USD bn) would read as 150亿元
    history = pd.DataFrame(
        {"series_id": "m", "year": [2021, 2022, 2023], "value": [3012.7, 4043.2, 5078.3],
         "unit": "CNY 100m"}
    )  # fmt: skip
    record = pd.DataFrame(
        {
            "claim_set": ["b", "b"],
            "by": ["Broker", "Broker"],
            "made": ["2019", "2023"],
            "year": [2021, 2027],
            "value": [2902.86, 150.0],
            "qualifier": ["exact", "exact"],
            "unit": ["CNY 100m", "USD bn"],
            "actual": [3012.7, float("nan")],
            "held": pd.array([True, pd.NA], dtype="boolean"),
            "forecast": [True, True],
        }
    )
    fig = plot_claims(record, history=history)
    assert [t.get_text() for t in fig.axes[0].texts] == ["b (2019): 2,902.9"]
    assert fig.axes[0].get_ylabel() == "CNY 100 million"
    note = fig.texts[-1].get_text().replace("\n", " ")
    assert note.endswith("Not drawn, in another unit: b (2023) (in USD bn).")


def test_a_claim_on_a_share_keeps_its_own_decimals() -> None:
    # a share's levels take the decimals they were published with (one here); a
    # claim of 3.25 percent beside them keeps its two, never "3.2" (a claim misquoted)
    history = pd.DataFrame(
        {"series_id": "s", "year": [2021, 2022, 2023], "value": [2.9, 3.1, 3.4], "unit": "%"}
    )
    record = pd.DataFrame(
        {
            "claim_set": ["b"],
            "by": ["Broker"],
            "made": ["2019"],
            "year": [2022],
            "value": [3.25],
            "qualifier": ["exact"],
            "unit": ["%"],
            "actual": [3.1],
            "held": pd.array([False], dtype="boolean"),
            "forecast": [True],
        }
    )
    fig = plot_claims(record, history=history)
    assert [t.get_text() for t in fig.axes[0].texts] == ["b (2019): 3.25"]


@pytest.mark.parametrize(
    ("sid", "forecast_title", "growth_title", "backtest_title"),
    [
        # a name in Chinese is not cut to its Latin fragments ("IDC" reads as the firm)
        ("中国IDC市场规模", "History and forecast to 2025", "Growth year on year",
         "Backtest of 'drift'"),
        # the backtest title read "Backtest of 'drift' on [Chinese text]"
        ("市场规模（亿元）", "History and forecast to 2025", "Growth year on year",
         "Backtest of 'drift'"),
        # a Chinese gloss in brackets goes, the name stays
        ("China IDC market (中国IDC市场)", "China IDC market: history and forecast to 2025",
         "Growth of China IDC market: year on year", "Backtest of 'drift' on China IDC market"),
        ("demo", "demo: history and forecast to 2025", "Growth of demo: year on year",
         "Backtest of 'drift' on demo"),
    ],
)  # fmt: skip
def test_default_chart_titles_of_a_series_named_in_chinese(
    history, forecast, sid: str, forecast_title: str, growth_title: str, backtest_title: str
) -> None:
    from types import SimpleNamespace

    from idcforecast.report.sections._titles import chart_title

    hist, fc = history.assign(series_id=sid), forecast.assign(series_id=sid)
    assert plot_forecast(hist, fc).axes[0].get_title(loc="left") == forecast_title
    assert plot_growth(hist).axes[0].get_title(loc="left") == growth_title
    bt = pd.DataFrame(
        {"series_id": sid, "model": "drift", "cutoff": [2020], "year": [2021], "mean": [118.0],
         "actual": [121.0], "unit": "CNY 100m"}
    )  # fmt: skip
    assert plot_backtest(bt)._suptitle.get_text().replace("\n", " ") == backtest_title
    # the report's titles: its title (the series' name by default) before what is shown
    name = forecast_title.split(":")[0] if ":" in forecast_title else ""
    ctx = SimpleNamespace(title=sid)
    assert chart_title(ctx, "forecast") == (f"{name}: forecast" if name else "Forecast")  # type: ignore[arg-type]


def test_growth_legend_clears_the_bars_of_a_falling_series() -> None:
    # report25: with every rate negative the axis ended at +1 and the legend lay over the
    # bars (a market falling 7-14% a year)
    history = pd.DataFrame(
        {"series_id": "down", "year": list(range(2016, 2023)), "unit": "USD mn",
         "value": [500.0, 450.0, 420.0, 380.0, 350.0, 300.0, 280.0]}
    )  # fmt: skip
    fig = plot_growth(history)
    ax = fig.axes[0]
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    legend = ax.get_legend().get_window_extent(renderer)
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert len(bars) == 6 and not any(legend.overlaps(b) for b in bars)
    # each bar's label (below a falling bar) stays inside the axes
    box = ax.get_window_extent(renderer)
    for label in ax.texts:
        extent = label.get_window_extent(renderer)
        assert box.y0 <= extent.y0 and extent.y1 <= box.y1, label.get_text()


@pytest.mark.parametrize(
    "values",
    [
        [500.0, 450.0, 420.0, 380.0, 350.0, 300.0, 280.0],  # falling: the line starts high
        [5.0] * 7,  # flat, from zero: the line runs along the top
    ],
)
def test_forecast_legend_covers_no_actual(values: list[float]) -> None:
    # report25: the legend sat in the upper left whatever the data, over the history of a
    # falling or flat series
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    years = list(range(2016, 2023))
    history = pd.DataFrame({"series_id": "s", "year": years, "value": values, "unit": "USD mn"})
    mean = np.array([values[-1]] * 3)
    forecast = pd.DataFrame(
        {"series_id": "s", "year": [2023, 2024, 2025], "model": "drift", "mean": mean,
         "lo_80": mean * 0.9, "hi_80": mean * 1.1, "lo_95": mean * 0.8, "hi_95": mean * 1.2}
    )  # fmt: skip
    fig = plot_forecast(history, forecast)
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    legend = ax.get_legend().get_window_extent(renderer)
    points = ax.transData.transform(np.column_stack([years, values]))
    assert not any(legend.contains(x, y) for x, y in points)
    # and no segment of the history line passes through it
    line = next(line for line in ax.lines if line.get_label() == "actual")
    path = line.get_transform().transform_path(line.get_path())
    assert not path.intersects_bbox(legend, filled=False)


def test_growth_labels_of_a_long_series_do_not_run_together() -> None:
    # report25: 43 years of bars had their labels side by side, printed over each other
    # ("8.38.07.78.0"); past 16 bars they stand upright
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    years = list(range(1980, 2024))
    values = [10.0 * 1.08**i for i in range(len(years))]  # 8.0% each year: labels abreast
    history = pd.DataFrame({"series_id": "s", "year": years, "value": values, "unit": "CNY bn"})
    fig = plot_growth(history)
    ax = fig.axes[0]
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    extents = [t.get_window_extent(renderer) for t in ax.texts]
    assert len(extents) == 43
    # at least 2 points apart (side by side they touched: "8.08.08.0" read as one number)
    apart = [Bbox.from_extents(e.x0 - 1, e.y0, e.x1 + 1, e.y1) for e in extents]
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(apart))
    box = ax.get_window_extent(renderer)
    assert all(box.y0 <= e.y0 and e.y1 <= box.y1 for e in extents)
    legend = ax.get_legend().get_window_extent(renderer)
    assert not any(legend.overlaps(e) for e in extents)


def test_claims_chart_legend_explains_the_bound_markers_drawn() -> None:
    # report25: "'more than'" was in the legend of every claims chart, with or without such a
    # forecast, and a "less than" forecast (a triangle down) had no legend entry
    def legend(qualifiers: list[str]) -> list[str]:
        record = pd.DataFrame(
            {
                "claim_set": ["a", "b"],
                "by": ["Firm A", "Firm B"],
                "made": ["2019", "2019"],
                "year": [2021, 2022],
                "value": [3000.0, 4500.0],
                "qualifier": qualifiers,
                "unit": "CNY 100m",
                "actual": [3012.7, 4043.2],
                "held": [True, True],
                "forecast": [True, True],
            }
        )
        return [t.get_text() for t in plot_claims(record).axes[0].get_legend().get_texts()]

    assert legend(["exact", "exact"]) == ["actual", "forecast held", "forecast missed"]
    assert legend(["at_least", "at_most"])[-2:] == ["'more than'", "'less than'"]
    assert legend(["exact", "at_most"])[-1] == "'less than'"
    assert "'more than'" not in legend(["exact", "at_most"])


def test_a_share_in_percent_is_drawn_as_changes_in_pp() -> None:
    # 1.5% -> 3.0% over 2015-2023: bars of percentage-point changes and their average,
    # never a growth rate of the percentage (+100%, a "CAGR" of 9.1%)
    values = [1.5, 1.6, 1.7, 1.9, 2.0, 2.2, 2.4, 2.7, 3.0]
    share = pd.DataFrame(
        {"series_id": "share", "year": range(2015, 2024), "value": values, "unit": "%"}
    )
    fig = plot_growth(share)
    ax = fig.axes[0]
    heights = [round(float(b.get_height()), 6) for b in ax.patches]
    assert heights == [0.1, 0.1, 0.2, 0.1, 0.2, 0.2, 0.3, 0.3]  # each year's difference
    (average,) = [line for line in ax.lines if line.get_label().startswith("average")]
    # (3.0 - 1.5) / (2023 - 2015) = 0.1875 pp a year
    assert average.get_ydata()[0] == pytest.approx(0.1875)
    # shares published with one decimal: the average a year with one more (it was "+0.188")
    assert average.get_label() == "average 2015-2023: +0.19 pp a year"
    assert ax.get_ylabel() == "change, percentage points"
    assert ax.get_title(loc="left") == "Change of share: year on year"
    assert not any("CAGR" in line.get_label() for line in ax.lines)
    assert "+0.3" in [t.get_text() for t in ax.texts]  # "+0.300" before
    footnote = " ".join(t.get_text() for t in fig.texts)
    assert "Changes in percentage points (pp) of levels in percent, not growth rates" in footnote


def test_backtest_errors_with_an_actual_of_zero_are_in_the_series_unit() -> None:
    # a margin in percent with an actual of 0 in 2021: its error as a percentage of the
    # actual was inf (a RuntimeWarning, and no mean drawn at horizon 1)
    bt = pd.DataFrame(
        {
            "series_id": "s",
            "model": "drift",
            "cutoff": [2020, 2020, 2021],
            "year": [2021, 2022, 2022],
            "mean": [1.0, 2.0, 1.0],
            "actual": [0.0, 2.5, 2.5],
            "unit": "%",
        }
    )
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = plot_backtest(bt)
    right = fig.axes[1]
    # |1 - 0| = 1 and |1 - 2.5| = 1.5 one year ahead (mean 1.25); |2 - 2.5| = 0.5 two ahead
    (mean,) = [line for line in right.lines if line.get_label() == "mean"]
    assert mean.get_ydata() == pytest.approx([1.25, 0.5])
    assert right.get_ylabel() == "absolute error, percentage points"
    # all actuals above zero: the error as a percentage of the actual, as before
    fig = plot_backtest(bt.assign(actual=[2.0, 2.5, 2.5], unit="USD bn"))
    (mean,) = [line for line in fig.axes[1].lines if line.get_label() == "mean"]
    # 100 * (|1 - 2| / 2 + |1 - 2.5| / 2.5) / 2 = (50 + 60) / 2 = 55; 100 * 0.5 / 2.5 = 20
    assert mean.get_ydata() == pytest.approx([55.0, 20.0])
    assert fig.axes[1].get_ylabel() == "absolute error, % of the actual"


def test_the_forecast_label_of_a_range_with_a_negative_end_reads_to() -> None:
    # a margin whose 80% interval starts below zero: the end label read "(-0.44-9.93)"
    history = pd.DataFrame(
        {"series_id": "m", "year": [2021, 2022, 2023], "value": [1.0, 2.0, 3.0], "unit": "%"}
    )
    forecast = pd.DataFrame(
        {
            "series_id": "m",
            "year": [2024],
            "model": "drift",
            "mean": [4.0],
            "lo_80": [-0.5],
            "hi_80": [8.5],
            "lo_95": [-2.0],
            "hi_95": [10.0],
            "unit": "%",
        }
    )
    fig = plot_forecast(history, forecast, scale="linear")
    texts = [t.get_text() for t in fig.axes[0].texts]
    # levels in percent published as 1.0, 2.0, 3.0: one decimal, as published ("4.00" before)
    assert "4.0\n(-0.5 to 8.5)" in texts


def test_the_growth_note_of_a_plain_count_says_counts() -> None:
    # data centers (unit "count") read "Computed from levels in count"
    counts = pd.DataFrame(
        {"series_id": "dc", "year": range(2020, 2024), "value": [21.0, 25, 28, 33], "unit": "count"}
    )
    note = plot_growth(counts).texts[-1].get_text().replace("\n", " ")
    assert note.startswith("Computed from the counts; years without the previous year")


def test_the_backtest_title_starts_at_the_text_margin() -> None:
    # the title was placed at x = 0, the chart's edge: the report places charts at the
    # 18 mm page margin and its text starts 1 mm right of it (fpdf2's cell margin), so
    # the title stood ~1 mm left of the text above it and of the footnote below it
    import pandas as pd
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from idcforecast.report.charts import plot_backtest

    bt = pd.DataFrame(
        {
            "series_id": "s",
            "model": "m",
            "cutoff": [2018, 2018, 2019],
            "year": [2019, 2020, 2020],
            "mean": [1.0, 2.0, 2.1],
            "actual": [1.1, 2.2, 2.2],
            "unit": "USD bn",
        }
    )
    fig = plot_backtest(bt)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    text_mm = 174.0  # the A4 text width the chart is drawn at: 210 - 2 x 18 mm
    title = fig._suptitle
    assert title is not None
    footnote = fig.texts[-1]

    def start_mm(artist) -> float:
        return artist.get_window_extent(renderer).x0 / fig.bbox.width * text_mm

    assert 0.7 <= start_mm(title) <= 1.3  # the page text starts 1 mm in
    assert abs(start_mm(title) - start_mm(footnote)) < 0.3


def test_every_chart_footnote_ends_with_a_full_stop(history, forecast) -> None:
    # the growth chart's note ended "... and 1 more (see Sources)" with no full stop, where
    # the forecast, backtest, claims and scenario charts' notes end with one
    growth = plot_growth(history).texts[-1].get_text()
    assert growth.endswith("and 1 more (see Sources)."), growth
    shares = history.assign(unit="%", value=[3.0, 3.4, 3.9, 4.2])
    changes = plot_growth(shares).texts[-1].get_text()
    assert changes.endswith("(see Sources)."), changes
    # a source given ending with its own full stop is not doubled ("Source: X.. Forecast")
    own = plot_forecast(history, forecast, source="Source: my survey.").texts[-1].get_text()
    assert own.startswith("Source: my survey. Forecast: idcforecast 'drift'"), own
    assert ".." not in own


def test_the_forecast_chart_has_no_year_tick_past_its_last_year() -> None:
    # a report --to 2024 on 2019-2023 showed a "2025" tick with nothing drawn over it (the
    # room right of 2024 holds the end label "24.1 (19.3-30.1)")
    history = pd.DataFrame(
        {
            "series_id": "one",
            "year": [2019, 2020, 2021, 2022, 2023],
            "value": [12.5, 14.1, 16.8, 19.0, 21.7],
            "unit": "USD bn",
        }
    )
    one_year = pd.DataFrame(
        {
            "series_id": "one",
            "year": [2024],
            "model": "auto",
            "mean": [24.1],
            "lo_80": [19.3],
            "hi_80": [30.1],
            "lo_95": [16.1],
            "hi_95": [36.0],
            "unit": "USD bn",
        }
    )
    fig = plot_forecast(history, one_year)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    left, right = ax.get_xlim()
    shown = [int(t) for t in ax.get_xticks() if left <= t <= right]
    assert shown == [2019, 2020, 2021, 2022, 2023, 2024]


def test_an_actual_published_as_a_bound_is_drawn_as_one(history, forecast) -> None:
    # the racks' "more than 530" (2021) was a plain dot on the actual line, read as exact,
    # where the tables print "> 530.0"
    bounded = history.assign(qualifier=["exact", "at_least", "exact", "at_most"])
    charts = {
        "forecast": plot_forecast(bounded, forecast),
        "claims": plot_claims(
            pd.DataFrame(
                {
                    "year": [2023],
                    "value": [140.0],
                    "qualifier": ["exact"],
                    "actual": [146.41],
                    "held": [False],
                    "claim_set": ["c"],
                    "made": ["2021"],
                }
            ),
            history=bounded,
        ),
        "scenarios": plot_scenarios(
            pd.DataFrame(
                {
                    "scenario": ["base"],
                    "quantity": "level",
                    "year": [2024],
                    "unit": "CNY 100m",
                    "p10": [150.0],
                    "p50": [160.0],
                    "p90": [170.0],
                }
            ),
            history=bounded,
        ),
    }
    for name, fig in charts.items():
        ax = fig.axes[0]
        marks = {
            str(line.get_label()): (line.get_marker(), list(line.get_xdata())) for line in ax.lines
        }
        assert marks["published as 'more than'"] == ("^", [2020]), name
        assert marks["published as 'less than'"] == ("v", [2023]), name
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "published as 'more than'" in legend and "published as 'less than'" in legend


def test_the_growth_axis_shows_the_years_the_footnote_says_have_no_bar() -> None:
    # CAICT 2021-2023: 2021 and 2022 published as bounds leave the 2022 rate open; the axis
    # began at the only bar (2023) while the footnote said "nor 2022, where both figures are
    # bounds"
    caict = pd.DataFrame(
        {
            "series_id": "china_idc_caict",
            "year": [2021, 2022, 2023],
            "value": [1500.0, 2200.0, 2407.0],
            "unit": "CNY 100m",
            "qualifier": ["at_least", "at_least", "exact"],
        }
    )
    fig = plot_growth(caict)
    ax = fig.axes[0]
    assert "nor 2022" in fig.texts[-1].get_text().replace("\n", " ")
    assert ax.get_xlim() == pytest.approx((2021.4, 2023.6))
    # a share's changes: the 2019 gap leaves 2019 and 2020 without a bar, on the axis
    share = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2017, 2018, 2020, 2021],
            "value": [1.0, 1.2, 1.5, 1.9],
            "unit": "%",
        }
    )
    assert plot_growth(share).axes[0].get_xlim() == pytest.approx((2017.4, 2021.6))


def test_the_fan_chart_s_end_label_is_inside_the_axes(history, forecast) -> None:
    # "10,298 (3,917-27,071)" ran 30 px past the axes of the default report's page-1 chart
    # (and 83 px for a forecast to 2100)
    far = pd.DataFrame(
        {
            "series_id": "demo",
            "year": list(range(2024, 2101)),
            "model": "drift",
            "mean": np.linspace(160.0, 45711.0, 77),
            "lo_80": np.linspace(150.0, 1853.0, 77),
            "hi_80": np.linspace(170.0, 1127761.0, 77),
            "lo_95": np.linspace(140.0, 137.0, 77),
            "hi_95": np.linspace(180.0, 15174430.0, 77),
            "unit": "CNY 100m",
        }
    )
    for fc in (forecast, far):
        fig = plot_forecast(history, fc)
        fig.draw_without_rendering()
        ax = fig.axes[0]
        box = ax.get_window_extent()
        for text in ax.texts:
            extent = text.get_window_extent()
            assert box.x0 <= extent.x0 and extent.x1 <= box.x1, text.get_text()


def test_the_scenario_end_labels_are_inside_the_axes(history) -> None:
    # "12,880", "10,388"... hung right of the axes, which ended at the last year
    table = pd.DataFrame(
        {
            "scenario": ["base", "bull", "base", "bull"],
            "quantity": "level",
            "year": [2024, 2024, 2030, 2030],
            "unit": "CNY 100m",
            "p10": [140.0, 150.0, 200.0, 260.0],
            "p50": [160.0, 170.0, 10388.0, 12880.0],
            "p90": [180.0, 190.0, 27218.0, 19989.0],
        }
    )
    fig = plot_scenarios(table, history=history)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    box = ax.get_window_extent()
    texts = {t.get_text(): t.get_window_extent() for t in ax.texts}
    assert sorted(texts) == ["10,388", "12,880"]
    assert all(box.x0 <= e.x0 and e.x1 <= box.x1 for e in texts.values())
    left, right = ax.get_xlim()
    assert max(t for t in ax.get_xticks() if left <= t <= right) <= 2030


def test_the_fan_chart_ticks_its_final_forecast_year() -> None:
    # the report's page-1 chart, 2012-2023 and a forecast to 2030, was ticked every three
    # years from 2014 and ended at 2029, one year short of the labelled 2030 central value
    years = list(range(2012, 2024))
    history = pd.DataFrame(
        {"series_id": "s", "year": years, "value": [100.0 * 1.3**k for k in range(12)]}
    )
    ahead = np.arange(1, 8)
    mean = 2330.0 * 1.1**ahead
    forecast = pd.DataFrame(
        {
            "series_id": "s",
            "year": 2023 + ahead,
            "model": "auto",
            "mean": mean,
            "lo_80": mean / (1 + 0.2 * ahead),
            "hi_80": mean * (1 + 0.2 * ahead),
            "lo_95": mean / (1 + 0.4 * ahead),
            "hi_95": mean * (1 + 0.4 * ahead),
        }
    )
    fig = plot_forecast(history, forecast)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    left, right = ax.get_xlim()
    shown = [int(t) for t in ax.get_xticks() if left <= t <= right]
    assert shown[-1] == 2030
    steps = {b - a for a, b in itertools.pairwise(shown)}
    assert len(steps) == 1  # evenly spaced, counted back from 2030
    assert shown[0] - steps.pop() < 2012  # no room for one more tick before the data


def test_backtest_chart_ticks_only_years_with_data() -> None:
    # the default report's "Forecasts vs actual" ran 2016-2024 with ticks at both ends
    # where nothing is drawn (forecasts and actuals cover 2017-2023)
    rows = [(c, y) for c in range(2016, 2021) for y in range(c + 1, c + 4)]
    bt = pd.DataFrame(
        {
            "series_id": "s",
            "model": "auto",
            "cutoff": [c for c, _ in rows],
            "year": [y for _, y in rows],
            "mean": [100.0 + y - 2016 for _, y in rows],
            "actual": [100.0 + 1.1 * (y - 2016) for _, y in rows],
            "unit": "CNY bn",
        }
    )
    fig = plot_backtest(bt)
    fig.draw_without_rendering()
    left = fig.axes[0]
    low, high = left.get_xlim()
    shown = [int(t) for t in left.get_xticks() if low <= t <= high]
    assert shown == list(range(2017, 2024))
    assert (low, high) == (2016.0, 2024.0)  # the year of room either side stays


def test_scenario_chart_title_names_the_band_drawn() -> None:
    # the default title said "10-90% band" whatever band= was drawn (docs40's finding); the
    # footnote already named the band given
    import pandas as pd

    table = pd.DataFrame(
        {
            "scenario": "base",
            "year": [2024, 2025],
            "unit": "USD bn",
            "p5": [9.0, 9.5],
            "p10": [9.5, 10.0],
            "p50": [10.0, 11.0],
            "p90": [10.5, 12.0],
            "p95": [11.0, 12.5],
        }
    )
    wide = plot_scenarios(table, band=("p5", "p95")).axes[0]
    assert wide.get_title(loc="left") == "Scenarios: median and 5-95% band"
    default = plot_scenarios(table).axes[0]
    assert default.get_title(loc="left") == "Scenarios: median and 10-90% band"


def test_backtest_chart_leaves_bound_actuals_out_of_the_errors() -> None:
    # the 2022 actual was published as "more than 12" (actual_bound at_least): accuracy()
    # does not score it, but the error panel drew |12-13|/12 at h=1 and took it into the mean
    bt = pd.DataFrame(
        {
            "series_id": "demo",
            "model": "drift",
            "cutoff": [2020, 2020, 2021],
            "year": [2021, 2022, 2022],
            "mean": [11.0, 12.0, 13.0],
            "actual": [10.0, 12.0, 12.0],
            "actual_bound": ["", "at_least", "at_least"],
            "unit": "USD bn",
        }
    )
    fig = plot_backtest(bt)
    left, right = fig.axes
    (mean_line,) = [line for line in right.lines if line.get_label() == "mean"]
    # only cutoff 2020's forecast of 2021 is scored: h=1, |10-11|/10 = 10%; no h=2 point
    assert list(mean_line.get_xdata()) == [1]
    assert mean_line.get_ydata() == pytest.approx([10.0])
    (dots,) = [c for c in right.collections if c.get_label() == "one forecast"]
    assert len(dots.get_offsets()) == 1
    # the bound actual is drawn, marked, on the left
    (marked,) = [
        c for c in left.collections if c.get_label() == "published as a bound (not scored)"
    ]
    assert marked.get_offsets().tolist() == [[2022.0, 12.0]]


def test_backtest_footnote_counts_the_outcomes_of_a_few_forecasts() -> None:
    # "80% interval covered 100%" of one forecast was false precision beside the
    # summary's "held 1 of 1 outcome"; 3 forecasts with coverage 2/3: 2 of 3
    bt = pd.DataFrame(
        {
            "series_id": "demo",
            "model": "drift",
            "cutoff": [2020, 2020, 2021],
            "year": [2021, 2022, 2022],
            "mean": [11.0, 12.0, 13.0],
            "actual": [10.0, 12.0, 12.0],
            "unit": "USD bn",
        }
    )
    accuracy = pd.DataFrame(
        {
            "series_id": ["demo"],
            "model": ["drift"],
            "smape": [5.0],
            "coverage_80": [2 / 3],
            "coverage_95": [1.0],
            "n": [3],
        }
    )
    note = plot_backtest(bt, accuracy=accuracy).texts[-1].get_text()
    assert note.endswith("sMAPE 5.0%, 80% interval held 2 of 3, 95% held 3 of 3.")
    many = accuracy.assign(n=12, coverage_80=0.75)
    note = plot_backtest(bt, accuracy=many).texts[-1].get_text()
    assert note.endswith("sMAPE 5.0%, 80% interval covered 75%, 95% covered 100%.")


def test_seven_scenarios_are_drawn_in_seven_distinct_styles() -> None:
    # the sixth scenario was drawn in the first one's blue and dashes (five colours, one
    # dash pattern): base and the sixth could not be told apart, line or end label
    from idcforecast import simulate
    from idcforecast.scenarios import scenario_table

    history = pd.DataFrame(
        {"series_id": "demo", "year": range(2016, 2024), "unit": "MW",
         "value": [100.0, 112, 125, 140, 157, 175, 196, 220]}
    )  # fmt: skip
    names = ["base", "a", "b", "c", "d", "e", "f"]
    spec = {
        "scenarios": {
            name: ({"growth": {"2024-2026": 0.01 * i}} if i else {}) for i, name in enumerate(names)
        }
    }
    fig = plot_scenarios(scenario_table(simulate(history, 3, n_paths=200, scenarios=spec, seed=0)))
    lines = {line.get_label(): line for line in fig.axes[0].lines if line.get_label() in names}
    styles = {(line.get_color(), line.get_linestyle()) for line in lines.values()}
    assert len(lines) == 7 and len(styles) == 7
    # the first six in six colours; the seventh in the first colour, dotted
    assert len({lines[n].get_color() for n in names[:6]}) == 6
    assert lines["f"].get_color() == lines["base"].get_color()
    assert (lines["base"].get_linestyle(), lines["f"].get_linestyle()) == ("--", ":")
