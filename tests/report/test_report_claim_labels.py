"""The track-record chart names every forecast the same way: by its claim set, the key of
the Claims and track-record tables; the footnote says who published each."""

from __future__ import annotations

import pandas as pd

from idcforecast.report.charts import plot_claims


def _record() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "claim_set": ["kezhi_2020_07", "cidc_2019_2020_report", "global_times_2020_07_07"],
            "by": ["科智咨询等机构", "科智咨询 (中国IDC圈)", "Global Times, citing a report"],
            "made": ["2020-07", "2020", "2020-07-07"],
            "year": [2020, 2022, 2022],
            "value": [2000.0, 3200.5, 3200.0],
            "qualifier": ["at_least", "at_least", "exact"],
            "unit": "CNY 100m",
            "actual": [2238.7, 4043.2, 4043.2],
            "held": [True, True, False],
            "forecast": [True, True, True],
        }
    )


def _note(fig) -> str:
    return fig.texts[-1].get_text().replace("\n", " ")


def test_every_forecast_is_labelled_by_its_claim_set() -> None:
    # were "Global Times (2020)" beside "kezhi_2020_07 (2020)": a publisher for one, the
    # claim set for the ones published in Chinese (DejaVu cannot draw them)
    fig = plot_claims(_record())
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == [
        "kezhi_2020_07 (2020): > 2,000",
        "global_times_2020_07_07 (2020): 3,200",
        "cidc_2019_2020_report (2020): > 3,200.5",  # as published and tabled
    ]


def test_the_footnote_names_the_publishers_by_claim_set() -> None:
    # was "Forecasts by: kezhi_2020_07; Global Times; cidc_2019_2020_report.": claim sets
    # and a publisher in one list, as if kezhi_2020_07 were a firm
    note = _note(plot_claims(_record()))
    assert "Forecasts by:" not in note
    # 科智咨询等机构 and 科智咨询 (中国IDC圈) are known names, said in English (they were
    # "kezhi_2020_07, cidc_2019_2020_report: named in Chinese (the 'by' of the track record)")
    assert note.endswith(
        "Labels: claim set (year made). Published by: kezhi_2020_07: Kezhi Consulting and "
        "others; global_times_2020_07_07: Global Times; cidc_2019_2020_report: Kezhi "
        "Consulting (China IDC Circle)."
    )


def test_a_publisher_named_in_chinese_and_not_known_is_said_so() -> None:
    record = _record().assign(by=["赛迪顾问", "科智咨询 (中国IDC圈)", "Global Times"])
    assert _note(plot_claims(record)).endswith(
        "Published by: global_times_2020_07_07: Global Times; cidc_2019_2020_report: Kezhi "
        "Consulting (China IDC Circle); kezhi_2020_07: named in Chinese (the 'by' of the track "
        "record)."
    )


def test_a_record_without_claim_sets_is_labelled_by_publisher() -> None:
    record = _record().drop(columns="claim_set").iloc[[2]]
    fig = plot_claims(record)
    assert [t.get_text() for t in fig.axes[0].texts] == ["Global Times (2020): 3,200"]
    assert _note(fig).endswith("Forecasts by: Global Times.")


def test_a_label_quotes_the_claim_as_the_table_does() -> None:
    # the chart labelled "more than 3,200.5" as ">3,200" (the report's chart decimals, none
    # for figures in the thousands) while the track-record table below printed "> 3,200.5"
    from idcforecast.report._numbers import LevelFormat

    fig = plot_claims(_record(), figures=LevelFormat(decimals=1, short_decimals=0))
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert labels == [
        "kezhi_2020_07 (2020): > 2,000",
        "global_times_2020_07_07 (2020): 3,200",
        "cidc_2019_2020_report (2020): > 3,200.5",
    ]
    # a figure with more decimals than the tables print (converted from another
    # currency) is cut to the tables' one, as the table prints it
    converted = _record().iloc[[0]].assign(value=[2902.86])
    fig = plot_claims(converted, figures=LevelFormat(decimals=1, short_decimals=0))
    assert [t.get_text() for t in fig.axes[0].texts] == ["kezhi_2020_07 (2020): > 2,902.9"]


def test_a_forecast_after_the_last_actual_is_not_drawn_on_the_axis_edge() -> None:
    # china_idc_caict: the 2024 forecast (3,048) after actuals to 2023 sat on the right
    # edge of the axes, its diamond cut in half
    history = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2021, 2022, 2023],
            "value": [1500.0, 2200.0, 2407.0],
            "unit": "CNY 100m",
        }
    )
    record = _record().iloc[[0]].assign(year=[2024], value=[3048.0], actual=[float("nan")])
    record = record.assign(held=pd.array([pd.NA], dtype="boolean"))
    fig = plot_claims(record, history=history)
    assert fig.axes[0].get_xlim()[1] >= 2024.5


def _inside(fig) -> list[str]:
    """The labels of the chart whose drawn text leaves the axes (none should)."""
    fig.draw_without_rendering()
    ax = fig.axes[0]
    box = ax.get_window_extent()
    out = []
    for text in ax.texts:
        extent = text.get_window_extent()
        if not (box.x0 <= extent.x0 and extent.x1 <= box.x1 and box.y0 <= extent.y0):
            out.append(text.get_text())
    return out


def test_the_labels_of_the_right_most_forecasts_stay_inside_the_axes() -> None:
    # the 2022 labels ran ~140 px past the axes' right edge, into the figure margin; a long
    # claim-set name reached the edge of the figure
    history = pd.DataFrame(
        {
            "series_id": "s",
            "year": list(range(2014, 2024)),
            # the CIDC levels (亿元), 2014-2023, 2017 and 2022 derived as in the bundle
            "value": [372.3, 518.6, 714.5, 946.1, 1228.0, 1562.5, 2238.7, 3012.7, 4043.2, 5078.3],
            "unit": "CNY 100m",
        }
    )
    long_name = _record().assign(
        claim_set=["kezhi_2020_07", "a_much_longer_claim_set_from_a_broker_2020", "gt"]
    )
    for record in (_record(), long_name):
        fig = plot_claims(record, history=history)
        assert _inside(fig) == []
        ax = fig.axes[0]
        # the years drawn keep their yearly ticks, and none is added where nothing is drawn
        assert [int(t) for t in ax.get_xticks()] == list(range(2014, 2024))
    # a forecast near zero: its label went below the axis, over the year ticks
    low = _record().iloc[[0]].assign(value=[10.0], actual=[2238.7])
    assert _inside(plot_claims(low, history=history)) == []


def test_the_legend_covers_no_actual() -> None:
    # CAICT: the legend, in the upper left with its "published as 'more than'" entry, lay
    # over the 2022 actual (2,200, a bound)
    history = pd.DataFrame(
        {
            "series_id": "china_idc_caict",
            "year": [2021, 2022, 2023],
            "value": [1500.0, 2200.0, 2407.0],
            "unit": "CNY 100m",
            "qualifier": ["at_least", "at_least", "exact"],
        }
    )
    record = pd.DataFrame(
        {
            "claim_set": ["unattributed_2024"],
            "by": ["unattributed (commonly ascribed to CAICT)"],
            "made": ["2024"],
            "year": [2024],
            "value": [3048.0],
            "qualifier": ["exact"],
            "unit": "CNY 100m",
            "actual": [float("nan")],
            "held": [pd.NA],
            "forecast": [True],
        }
    )
    fig = plot_claims(record, history=history)
    fig.draw_without_rendering()
    ax = fig.axes[0]
    box = ax.get_legend().get_window_extent()
    for year, value in zip(history["year"], history["value"], strict=True):
        x, y = ax.transData.transform((year, value))
        assert not box.contains(x, y), year
