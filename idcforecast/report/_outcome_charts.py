"""The charts of what happened to forecasts and of what may happen: published forecasts
against the actuals (:func:`plot_claims`) and scenario fans (:func:`plot_scenarios`);
re-exported by :mod:`idcforecast.report.charts`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import numpy as np

from idcforecast._wording import counted
from idcforecast.errors import DataError
from idcforecast.report._frames import (
    first_unit,
    one_series,
    require_columns,
)
from idcforecast.report._known_names import in_english
from idcforecast.report._numbers import LevelFormat, published_values, qualified_claim_text
from idcforecast.report.fonts import contains_cjk
from idcforecast.report.style import (
    COLORS,
    add_footnote,
    house_style,
    new_figure,
    style_axes,
    unit_heading,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from idcforecast.scenarios import Paths
from idcforecast.report._chart_parts import (
    BOUND_LABELS,
    from_zero,
    history_points,
    labels_inside,
    thousands_ticks,
)

__all__ = ["plot_claims", "plot_scenarios"]


def _publisher(row: pd.Series) -> str:
    """Who published a claim, its ``by`` up to the first comma ("Global Times"), a known
    Chinese name in English (chart text is DejaVu only: "科智咨询 (中国IDC圈)" is "Kezhi
    Consulting (China IDC Circle)", where the footnote said "named in Chinese")."""
    import pandas as pd

    by = row.get("by", "")
    return "" if by is None or pd.isna(by) else in_english(str(by).split(",")[0].strip())


def _claim_set(row: pd.Series) -> str:
    import pandas as pd

    name = row.get("claim_set", "")
    return "" if name is None or pd.isna(name) else str(name).strip()


def _claim_label(row: pd.Series) -> str:
    """A forecast's label: its claim set, the key the Claims and track-record tables print
    (chart text is DejaVu only: a publisher named in Chinese cannot be drawn, and one
    label by publisher beside another by claim set read as two kinds of name), or its
    publisher when the record has no claim set; then the year it was made."""
    import pandas as pd

    who = _label_name(row)
    made = row.get("made", "")
    year = "" if made is None or pd.isna(made) else str(made)[:4]
    if not year and _undated(row):  # as the track-record table's Made 'not stated'
        return f"{who} (undated)" if who else "undated"
    return f"{who} ({year})" if year else who


def _label_name(row: pd.Series) -> str:
    """The name a label starts with: the claim set, else a publisher drawable in DejaVu."""
    who = _claim_set(row)
    if not who:
        publisher = _publisher(row)
        who = "" if contains_cjk(publisher) else publisher
    return who


def _undated(row: pd.Series) -> bool:
    """Whether a track-record row has no made date (``forecast`` NA): whether it was a
    forecast is unknown, so the chart draws it apart from the forecasts."""
    import pandas as pd

    return "forecast" in row.index and bool(pd.isna(row["forecast"]))


def _makers_note(rows: pd.DataFrame) -> str:
    """Who made the forecasts drawn, for the footnote: by claim set when the labels are
    claim sets ("Published by: global_times_2020_07_07: Global Times; kezhi_2020_07:
    named in Chinese ..."), else the publishers the labels name."""
    records = [row for _, row in rows.iterrows()]
    if not any(_claim_set(row) for row in records):
        makers = [_label_name(row) for row in records]
        # no maker at all (a user's own claims without by or claim_set): not "none"
        return "Forecasts by: " + ("; ".join(dict.fromkeys(m for m in makers if m)) or "not stated")
    latin: dict[str, str] = {}
    chinese: list[str] = []
    for row in records:
        name, publisher = _claim_set(row), _publisher(row)
        if not name or not publisher or name in latin or name in chinese:
            continue
        if contains_cjk(publisher):
            chinese.append(name)
        else:
            latin[name] = publisher
    parts = [f"{name}: {publisher}" for name, publisher in latin.items()]
    if chinese:
        parts.append(f"{', '.join(chinese)}: named in Chinese (the 'by' of the track record)")
    return "Labels: claim set (year made)" + (
        f". Published by: {'; '.join(parts)}" if parts else ""
    )


def plot_claims(
    record: pd.DataFrame,
    *,
    history: pd.DataFrame | None = None,
    title: str | None = None,
    figures: LevelFormat | None = None,
) -> Figure:
    """Published level forecasts against what happened.

    Each forecast is a marker at its target year and value (a triangle up for "more
    than", down for "less than"), green when it held and orange when it missed, joined by
    a dotted line to the actual value, and labelled as the track-record table prints it.
    A claim with no made date (``forecast`` NA: it may have been made after the fact) is
    drawn hollow and grey, labelled "(undated)", judged neither held nor missed, and the
    footnote says so.
    The x axis reaches as far right as the labels need (no year ticks there), and the
    legend takes the first corner or edge where it covers no point, line or label.

    Parameters
    ----------
    record
        Output of ``idcforecast.track_record`` (``claim_set, by, made, year, value,
        qualifier, actual, held, forecast``...). Figures restated after the fact
        (``forecast`` False) are left out.
    history
        The tidy history of the subject, drawn as the actual line (optional).
    title
        Overrides the title ("Published forecasts against what happened").
    figures
        How the labels print levels; by default chosen from the values shown.

    Examples
    --------
    >>> import pandas as pd
    >>> record = pd.DataFrame({"claim_set": ["a"], "by": ["Firm"], "made": ["2020"],
    ...     "subject": ["s"], "year": [2022], "value": [3200.0], "qualifier": ["exact"],
    ...     "unit": ["CNY 100m"], "actual": [4043.2], "held": [False], "forecast": [True]})
    >>> fig = plot_claims(record)
    >>> fig.axes[0].get_ylabel()
    'CNY 100 million'
    """
    import pandas as pd

    require_columns(record, ["year", "value", "qualifier", "actual", "held"], what="claims record")
    rows = record
    if "forecast" in rows.columns:  # NA (no date made): kept, drawn apart (hollow grey)
        rows = rows[rows["forecast"].fillna(True).astype(bool)]
    rows = rows.sort_values(["year", "value"], kind="stable").reset_index(drop=True)
    unit = (first_unit(history) if history is not None else "") or first_unit(rows)
    other_units = []
    if unit and "unit" in rows.columns:  # a forecast in another unit would sit on this axis
        # (a USD forecast not yet due past the FX table, which track_record keeps as is)
        other = rows["unit"].notna() & (rows["unit"].astype(str) != unit)
        other_units = [f"{_claim_label(r)} (in {r['unit']})" for _, r in rows[other].iterrows()]
        rows = rows[~other].reset_index(drop=True)
    if figures is None:
        published = [*rows["value"], *([] if history is None else published_values(history))]
        shown = [*rows["value"], *([] if history is None else history["value"])]
        figures = LevelFormat.for_values(shown, published=published, unit=unit)  # claims: "3.25"
    with house_style():
        fig, ax = new_figure()
        if history is not None and len(history):
            hist = one_series(history, None, what="history")
            if len(rows):  # the years around the claims, not the whole history
                # (up to the latest actual: a claim for 2030 on history to 2023 left no year
                # to draw, and the chart failed on the empty selection)
                start = min(int(rows["year"].min()), int(hist["year"].max())) - 6
                hist = hist[hist["year"] >= start]
            history_points(ax, hist)
        markers = {"at_least": "^", "at_most": "v"}
        xs = [float(row["year"]) + 0.12 * (i - (len(rows) - 1) / 2) for i, row in rows.iterrows()]
        undated = [_undated(row) for _, row in rows.iterrows()]
        for i, row in rows.iterrows():
            held = row["held"]  # NA: no actual yet (a forecast for a year not yet reported)
            color = COLORS["claim"] if pd.isna(held) else COLORS["hit" if held else "miss"]
            if undated[i]:  # not known to be a forecast: neither held nor missed
                color = COLORS["derived"]
            x = xs[i]
            if not np.isnan(float(row["actual"])):
                ax.plot([x, x], [row["value"], row["actual"]], color=color, ls=":", lw=1.2)
            ax.plot(
                x,
                row["value"],
                marker=markers.get(str(row["qualifier"]), "D"),
                color=color,
                markerfacecolor="none" if undated[i] else color,
                ms=7,
                ls="none",
            )
            year_rows = rows.index[rows["year"] == row["year"]]
            same_year = year_rows[year_rows < i]
            # labels start right of the year's last marker, not over a neighbour's marker
            ax.annotate(
                # the claim as the track-record table prints it ("> 4", not ">4.0")
                f"{_claim_label(row)}: "
                + qualified_claim_text(str(row["qualifier"]), float(row["value"]), figures),
                xy=(max(xs[j] for j in year_rows), float(row["value"])),
                xytext=(9, -3 - 10 * len(same_year)),
                textcoords="offset points",
                ha="left",
                va="top",
                fontsize=7,
                color=color,
            )
        from matplotlib.lines import Line2D

        handles = [
            Line2D([], [], color=COLORS["history"], marker="o", ms=3.5, label="actual"),
            Line2D([], [], color=COLORS["hit"], marker="D", ls="none", label="forecast held"),
            Line2D([], [], color=COLORS["miss"], marker="D", ls="none", label="forecast missed"),
        ]
        # a bound's marker is explained when one is drawn: "'more than'" was listed for
        # charts without one, and a "less than" forecast (a triangle down) had no entry
        drawn = set(map(str, rows["qualifier"]))
        for qualifier, marker, words in (
            ("at_least", "^", "'more than'"),
            ("at_most", "v", "'less than'"),
        ):
            if qualifier in drawn:
                handles.append(
                    Line2D([], [], color="#555555", marker=marker, ls="none", label=words)
                )
        dated = ~pd.Series(undated, index=rows.index, dtype=bool)
        if rows["held"][dated].isna().any():
            # NA: no actual yet, or an actual published as a bound that leaves it open
            realised = rows["actual"].notna() & rows["held"].isna() & dated
            missing = rows["actual"].isna() & dated
            # a year the data lack though later ones are reported (track_record's status
            # "no actual for 2022") is no actual "yet"
            status = rows["status"] if "status" in rows.columns else pd.Series("", rows.index)
            gap = missing & status.astype(str).str.startswith("no actual for ")
            label = " or ".join(
                [
                    *(["no actual yet"] if (missing & ~gap).any() else []),
                    *(["no actual (a gap)"] if gap.any() else []),
                    *(["open"] if realised.any() else []),
                ]
            )
            handles.insert(
                3,
                Line2D([], [], color=COLORS["claim"], marker="D", ls="none", label=label),
            )
        if not dated.all():
            handles.append(
                Line2D(
                    [],
                    [],
                    color=COLORS["derived"],
                    marker="D",
                    markerfacecolor="none",
                    ls="none",
                    label="no made date",
                )
            )
        # actuals published as bounds: their hollow triangles, beside the claims' filled ones
        drawn_lines = {str(line.get_label()): line for line in ax.lines}
        handles += [drawn_lines[b] for b in BOUND_LABELS.values() if b in drawn_lines]
        ax.legend(handles=handles, loc="upper left")  # moved off the data at the end
        thousands_ticks(ax)
        from_zero(ax)
        style_axes(
            ax,
            ylabel=unit_heading(unit),
            title=title or "Published forecasts against what happened",
        )
        if xs:  # a forecast for a year after the history's last sat on the axis' right edge
            left, right = ax.get_xlim()
            ax.set_xlim(left, max(right, max(xs) + 0.5))
        add_footnote(
            fig,
            "Forecasts as published (level claims made before their target year or during "
            "it, before its actual was known); dotted lines join each to the actual. "
            + _makers_note(rows)
            + "."
            + _undated_note(rows[~dated])
            + (f" Not drawn, in another unit: {'; '.join(other_units)}." if other_units else ""),
        )
        if xs:
            last_year = max([*rows["year"].astype(float), *ax.dataLim.intervalx])
            labels_inside(fig, ax, last_year=int(last_year))
        _legend_off_the_data(fig, ax)
    return fig


def _undated_note(rows: pd.DataFrame) -> str:
    """The footnote's sentence on the claims drawn hollow, those with no made date ("" when
    none): they may have been made after the fact, so the chart does not judge them."""
    if not len(rows):
        return ""
    names = [_label_name(row) for _, row in rows.iterrows()]
    named = ", ".join(dict.fromkeys(n for n in names if n))
    those = "it was a forecast" if len(rows) == 1 else "they were forecasts"
    return (
        f" Hollow grey: {counted(len(rows), 'claim')} with no made date"
        + (f" ({named})" if named else "")
        + f", drawn against the actual but not judged: whether {those} is unknown."
    )


_LegendPlace = Literal["upper left", "lower right", "upper center", "lower center", "center left"]
_LEGEND_PLACES: tuple[_LegendPlace, ...] = (
    "upper left",
    "lower right",
    "upper center",
    "lower center",
    "center left",
)


def _legend_off_the_data(fig: Figure, ax: Axes) -> None:
    """Put the legend of ``ax`` in the first of :data:`_LEGEND_PLACES` where it covers no
    drawn point, line or label (matplotlib's "best" when none is free). In the upper left
    it lay over an actual published as a bound and its marker (CAICT 2022); "best" alone
    moved the default report's legend up against the last actual.

    One draw places everything; each candidate place is the legend's box moved within the
    axes (less matplotlib's border padding), not another draw."""
    legend = ax.get_legend()
    if legend is None:
        return
    fig.draw_without_rendering()
    steps = np.linspace(0.0, 1.0, 25)[None, :, None]
    points = [np.empty((0, 2))]
    for line in ax.lines:
        data = np.column_stack([np.asarray(v, dtype=float) for v in line.get_data()])
        xy = np.asarray(line.get_transform().transform(data), dtype=float)
        drawn = np.isfinite(xy).all(axis=1)
        points.append(xy[drawn])
        joined = drawn[:-1] & drawn[1:]  # the segments, not only their ends (none over a gap)
        start, end = xy[:-1][joined], xy[1:][joined]
        points.append((start[:, None, :] + (end - start)[:, None, :] * steps).reshape(-1, 2))
    every = np.concatenate(points)
    labels = [text.get_window_extent() for text in ax.texts]
    shown = legend.get_window_extent()
    width, height = shown.width, shown.height
    texts = legend.get_texts()
    size = float(texts[0].get_fontsize()) if texts else 10.0  # points
    pad = legend.borderaxespad * size * fig.dpi / 72.0
    frame = ax.get_window_extent().padded(-pad)
    middle_x, middle_y = (frame.x0 + frame.x1 - width) / 2, (frame.y0 + frame.y1 - height) / 2
    corners = {  # the lower-left corner of the legend in each place
        "upper left": (frame.x0, frame.y1 - height),
        "lower right": (frame.x1 - width, frame.y0),
        "upper center": (middle_x, frame.y1 - height),
        "lower center": (middle_x, frame.y0),
        "center left": (frame.x0, middle_y),
    }
    from matplotlib.transforms import Bbox

    for place in _LEGEND_PLACES:
        x0, y0 = corners[place]
        box = Bbox.from_bounds(x0, y0, width, height).padded(2.0)
        covered = (
            (every[:, 0] >= box.x0)
            & (every[:, 0] <= box.x1)
            & (every[:, 1] >= box.y0)
            & (every[:, 1] <= box.y1)
        )
        if not covered.any() and not any(box.overlaps(label) for label in labels):
            legend.set_loc(place)
            return
    legend.set_loc("best")


def plot_scenarios(
    table: pd.DataFrame | Paths,
    *,
    history: pd.DataFrame | None = None,
    title: str | None = None,
    band: tuple[str, str] = ("p10", "p90"),
    figures: LevelFormat | None = None,
) -> Figure:
    """Scenario medians with their band (10-90% by default), after the history; each median's final
    value labelled at its end, inside the axes.

    Parameters
    ----------
    table
        Output of ``idcforecast.scenarios.scenario_table`` (the ``"level"`` rows are
        drawn: ``scenario, year, p50`` and the ``band`` columns, ``unit``), or the
        ``Paths`` of ``idcforecast.simulate``, summarised with ``scenario_table(paths)``.
    history
        The tidy history, drawn before the scenarios (optional).
    title
        Overrides the title ("Scenarios: median and 10-90% band", naming ``band``).
    band
        The quantile columns of the shaded band.
    figures
        How the end labels print levels; by default chosen from the history and the
        medians. Labels closer than a line of text are moved apart (one used to hide
        another: "289" under "281").

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"scenario": ["base", "bull"], "quantity": "level",
    ...     "year": [2024, 2024], "unit": "USD bn", "p10": [9.0, 10.0], "p50": [10.0, 12.0],
    ...     "p90": [11.0, 14.0]})
    >>> [t.get_text() for t in plot_scenarios(table).axes[0].get_legend().get_texts()]
    ['base', 'bull']
    """
    import pandas as pd

    from idcforecast.report.style import SCENARIO_COLORS, SCENARIO_DASHES
    from idcforecast.scenarios import Paths, scenario_table

    if isinstance(table, Paths):
        table = scenario_table(table)
    elif not isinstance(table, pd.DataFrame):
        raise DataError(
            f"scenario table: expected the DataFrame of scenario_table(paths) or the Paths "
            f"of simulate(); found {type(table).__name__}",
            what="scenario table",
            found=type(table).__name__,
        )
    require_columns(table, ["scenario", "year", "p50", *band], what="scenario table")
    levels = table[table["quantity"] == "level"] if "quantity" in table.columns else table
    unit = first_unit(levels) or (first_unit(history) if history is not None else "")
    names = list(dict.fromkeys(levels["scenario"].astype(str)))
    if figures is None:
        history_values = [] if history is None else list(history["value"])
        figures = LevelFormat.for_values(
            [*history_values, *levels["p50"]],
            published=None if history is None else published_values(history),
            unit=unit,
        )
        final = levels[levels["year"] == levels["year"].max()]
        if (final[band[0]] >= 0).all():  # levels, not a series crossing zero
            figures = figures.keeping_digits(final["p50"])
    ends: list[tuple[float, float, str, str]] = []  # (year, median, label, colour)
    with house_style():
        fig, ax = new_figure()
        origin: tuple[float, float] | None = None
        if history is not None and len(history):
            hist = one_series(history, None, what="history")
            history_points(ax, hist)
            origin = (float(hist["year"].iloc[-1]), float(hist["value"].iloc[-1]))
        for i, name in enumerate(names):
            rows = levels[levels["scenario"].astype(str) == name].sort_values("year")
            years = rows["year"].to_numpy(dtype=float)
            mid, lo, hi = (rows[c].to_numpy(dtype=float) for c in ("p50", *band))
            if origin is not None:
                years, mid, lo, hi = (
                    np.concatenate([[o], a])
                    for o, a in zip(
                        (origin[0], origin[1], origin[1], origin[1]),
                        (years, mid, lo, hi),
                        strict=True,
                    )
                )
            weighted = name == "weighted"
            color = COLORS["history"] if weighted else SCENARIO_COLORS[i % len(SCENARIO_COLORS)]
            dashes = SCENARIO_DASHES[(i // len(SCENARIO_COLORS)) % len(SCENARIO_DASHES)]
            if not weighted:
                ax.fill_between(years, lo, hi, color=color, alpha=0.13, lw=0)
            ax.plot(
                years,
                mid,
                color=color,
                lw=2.4 if weighted else 1.8,
                ls="-" if weighted else dashes,
                label=name,
            )
            ends.append((float(years[-1]), float(mid[-1]), figures.short(mid[-1]), color))
        handles, labels = ax.get_legend_handles_labels()
        keep = [
            (h, lab)
            for h, lab in zip(handles, labels, strict=True)
            if lab in names or lab in BOUND_LABELS.values()  # and actuals published as bounds
        ]
        ax.legend([h for h, _ in keep], [lab for _, lab in keep], loc="upper left")
        thousands_ticks(ax)
        from_zero(ax)
        low, high = ax.get_ylim()
        # a line of 7.5 pt text, over an axes about 60% of the figure's height
        gap = (high - low) * 10.0 / (0.6 * 72.0 * float(fig.get_figheight()))
        placed = spread_labels([y for _, y, _, _ in ends], gap)
        for (x, _, text, color), y in zip(ends, placed, strict=True):
            ax.annotate(
                text,
                xy=(x, y),
                xytext=(4, 0),
                textcoords="offset points",
                fontsize=7.5,
                va="center",
                color=color,
            )
        span = f"{band[0][1:]}-{band[1][1:]}%"  # ("p5", "p95"): "5-95%"
        style_axes(
            ax, ylabel=unit_heading(unit), title=title or f"Scenarios: median and {span} band"
        )
        add_footnote(
            fig,
            f"Monte Carlo paths from the calibrated forecast, adjusted per scenario; lines are "
            f"medians, shading the {span} range"
            + (
                "; 'weighted' mixes the scenarios by their weights." if "weighted" in names else "."
            ),
        )
        if ends:  # the end labels ("12,880") inside the axes: they hung in the margin
            labels_inside(fig, ax, last_year=int(max(x for x, _, _, _ in ends)))
    return fig


def spread_labels(values: list[float], gap: float) -> list[float]:
    """Positions for labels at ``values`` at least ``gap`` apart, each as near its value
    as that allows (a run of labels too close is centred on the mean of their values).

    Examples
    --------
    >>> spread_labels([289.0, 281.0, 400.0], 20.0)
    [295.0, 275.0, 400.0]
    >>> spread_labels([10.0, 50.0], 20.0)
    [10.0, 50.0]
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    groups: list[list[int]] = []  # runs of labels, bottom to top, each run gap-spaced

    def start(run: list[int]) -> float:
        centre = sum(values[i] for i in run) / len(run)
        return centre - gap * (len(run) - 1) / 2

    for i in order:
        groups.append([i])
        while len(groups) > 1:
            below, above = groups[-2], groups[-1]
            if start(below) + gap * len(below) <= start(above) + 1e-12 * max(1.0, abs(gap)):
                break
            groups[-2:] = [below + above]
    placed = [0.0] * len(values)
    for run in groups:
        for k, i in enumerate(run):
            placed[i] = start(run) + gap * k
    return placed
