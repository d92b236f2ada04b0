"""A forecast in percent that passes 100%: a share cannot, and the methods, which
extrapolate levels, do not know it. The one check and its wording: the note that
:func:`idcforecast.forecast` and :func:`idcforecast.forecast_many` add to the finished frame
(:func:`add_past_100_notes`), and the sentence of the report's executive summary
(:func:`past_100_when`), so the two never disagree on whether, when or in which words.

The check: the series may be a share (:func:`idcforecast._shares.may_be_share`, the rule
the scenarios' bounds use too: in percent in any spelling, "%", "percent", "pct" or 成, and
its history never past 100%), and the upper bound of its widest interval (without
intervals, its central value) passes 100%; the text names the first year each of them
does, "95% upper bound in 2026, central value in 2027".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np

from idcforecast._shares import SHARE_WORDS, may_be_share, percent_factor

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "add_past_100_notes",
    "is_percent_unit",
    "is_unitless_share",
    "past_100_in_arrays",
    "past_100_note",
    "past_100_when",
]


def is_percent_unit(unit: object) -> bool:
    """Whether ``unit`` is percent in any spelling the unit registry reads ("%",
    "percent", "pct", or 成, tenths); not "pp" or "bp" (changes, not shares).

    Examples
    --------
    >>> is_percent_unit("%"), is_percent_unit("percent"), is_percent_unit("pp")
    (True, True, False)
    >>> is_percent_unit("成"), is_percent_unit("CNY 100m"), is_percent_unit("")
    (True, False, False)
    >>> is_percent_unit(float("nan"))
    False
    """
    return unit == "%" or percent_factor(unit) is not None


def is_unitless_share(unit: object, series_id: object) -> bool:
    """Whether a series with no unit names itself a share by its id: a share word
    (:data:`idcforecast._shares.SHARE_WORDS`: "share", "penetration", "占比"...) or "%".
    Its values are then read as percent for the "passes 100%" note only (the note says
    so); no number changes.

    Examples
    --------
    >>> is_unitless_share("", "idc_market_share"), is_unitless_share(None, "上架率")
    (True, True)
    >>> is_unitless_share(float("nan"), "rack_%"), is_unitless_share("", "revenue")
    (True, False)
    >>> is_unitless_share("MW", "market_share")  # a unit: the unit decides
    False
    """
    blank = unit is None or (isinstance(unit, str) and not unit.strip())
    if not blank and not (isinstance(unit, float) and np.isnan(unit)):
        return False
    text = str(series_id).casefold()
    return "%" in text or any(word in text for word in SHARE_WORDS)


def _when(years: np.ndarray, mean: np.ndarray, upper: np.ndarray | None, level: str | None) -> str:
    """The first year the upper bound, then the central value, passes 100; "" if none."""
    central = years[mean > 100.0]
    if upper is None:
        return f"central value in {int(central.min())}" if central.size else ""
    over = years[upper > 100.0]
    if not over.size:
        return ""
    return f"{level}% upper bound in {int(over.min())}" + (
        f", central value in {int(central.min())}" if central.size else ""
    )


def past_100_note(
    years: np.ndarray,
    mean: np.ndarray,
    upper: np.ndarray | None,
    level: str | None,
    cap: float = 100.0,
) -> str:
    """The note for one forecast in percent, "" when no bound passes 100%; ``upper`` and
    ``level`` None for a forecast without intervals (``level=()``): the central value.
    ``years``, ``mean`` and ``upper`` are in percent; ``cap`` is 100% in the series unit
    (10 for a series in 成), for the fix the note gives.

    Examples
    --------
    >>> import numpy as np
    >>> past_100_note(np.array([2025, 2026]), np.array([90.0, 101.0]), np.array([99.0, 120.0]), "95")
    'forecast passes 100% (95% upper bound in 2026, central value in 2026): a share cannot; if the series is one, cap it at 100 (cap=100; forecast --cap 100)'
    >>> past_100_note(np.array([2025, 2026]), np.array([90.0, 101.0]), None, None)[:49]
    'forecast passes 100% (central value in 2026): a s'
    """  # noqa: E501
    return _note(_when(years, mean, upper, level), cap)


def _note(when: str, cap: float = 100.0, *, unitless: bool = False) -> str:
    if not when:
        return ""
    if unitless:  # read as percent on its id's word only: said
        return (
            f"forecast passes 100 ({when}): the series has no unit and its id names a "
            "share; in percent a share cannot pass 100; if the series is one, cap it at "
            "100 (cap=100; forecast --cap 100)"
        )
    return (
        f"forecast passes 100% ({when}): a share cannot; if the series is one, cap it at "
        f"{cap:g} (cap={cap:g}; forecast --cap {cap:g})"
    )


def _widest(columns: Iterable[object]) -> tuple[str | None, str | None]:
    """The ``hi_<L>`` column of the widest interval and its level text ("95", "99_5" read
    "99.5"), or (None, None) for a frame without intervals."""
    highs = [str(c) for c in columns if str(c).startswith("hi_")]
    if not highs:
        return None, None
    widest = max(highs, key=lambda c: float(c[3:].replace("_", ".")))
    return widest, widest[3:].replace("_", ".")


def past_100_when(forecast: pd.DataFrame, unit: object, history_max: float) -> str:
    """For one series and method's forecast rows (``year, mean, hi_<L>...``): when it
    passes 100% as :func:`past_100_note` words it ("95% upper bound in 2026, central value
    in 2027"), or "" when the series may be no share (not in percent, or above 100% in
    its history, ``history_max``; :func:`idcforecast._shares.may_be_share`), or its
    forecast stays within 100%. A series in 成 passes 100% above 10 成.

    Examples
    --------
    >>> import pandas as pd
    >>> fc = pd.DataFrame({"year": [2024, 2025], "mean": [96.0, 102.0],
    ...                    "hi_80": [99.0, 108.0], "hi_95": [101.0, 112.0]})
    >>> past_100_when(fc, "%", 90.0)
    '95% upper bound in 2024, central value in 2025'
    >>> past_100_when(fc, "%", 120.0), past_100_when(fc, "TWh", 90.0)
    ('', '')
    >>> tenths = fc.assign(**{c: fc[c] / 10 for c in ("mean", "hi_80", "hi_95")})
    >>> past_100_when(tenths, "成", 9.0)  # 10.2 成 is 102%
    '95% upper bound in 2024, central value in 2025'
    """
    if not may_be_share(unit, history_max):
        return ""
    factor = percent_factor(unit) or 1.0
    column, level = _widest(forecast.columns)
    return _when(
        forecast["year"].to_numpy(dtype=float),
        forecast["mean"].to_numpy(dtype=float) * factor,
        None if column is None else forecast[column].to_numpy(dtype=float) * factor,
        level,
    )


def past_100_in_arrays(
    years: np.ndarray,
    mean: np.ndarray,
    upper: Mapping[float, np.ndarray],
    unit: object,
    history_max: float | None,
) -> str:
    """:func:`past_100_when` for a forecast as arrays (``upper`` by interval level, as
    ``SeriesForecast.upper`` holds them; the widest counts), for ``simulate``'s note.

    Examples
    --------
    >>> import numpy as np
    >>> years, mean = np.array([2024, 2025]), np.array([96.0, 102.0])
    >>> past_100_in_arrays(years, mean, {80.0: mean + 3, 95.0: mean + 5}, "%", 90.0)
    '95% upper bound in 2024, central value in 2025'
    >>> past_100_in_arrays(years, mean / 10, {}, "成", 9.0), past_100_in_arrays(years, mean, {}, "%", 120.0)
    ('central value in 2025', '')
    """  # noqa: E501
    if not may_be_share(unit, history_max):
        return ""
    factor = percent_factor(unit) or 1.0
    widest = max(upper) if upper else None
    return _when(
        np.asarray(years, dtype=float),
        np.asarray(mean, dtype=float) * factor,
        None if widest is None else np.asarray(upper[widest], dtype=float) * factor,
        None if widest is None else f"{widest:g}",
    )


def add_past_100_notes(frame: pd.DataFrame, history_max: Mapping[str, float]) -> pd.DataFrame:
    """``frame`` (a forecast frame: ``series_id, year, model, mean, lo_*/hi_*, unit, note``)
    with :func:`past_100_note` appended to the note of each series in percent and method
    whose widest interval (without intervals, central value) passes 100%, when the series'
    history never did (``history_max``, by series id as text; a series missing from it is
    taken as no share). A series with no unit whose id names a share
    (:func:`is_unitless_share`) is read as in percent for the note, which says so, when
    its history is known and never passed 100."""
    if "unit" not in frame.columns or not len(frame):
        return frame
    import pandas as pd

    # each distinct unit once (a batch frame has a row per series, method and year)
    spelled = [u for u in pd.unique(frame["unit"]) if is_percent_unit(u)]
    percent = frame["unit"].isin(spelled)
    blank = [u for u in pd.unique(frame["unit"].dropna()) if isinstance(u, str) and not u.strip()]
    unitless = frame["unit"].isna() | frame["unit"].isin(blank)
    if unitless.any():  # each distinct id once: 10,000 series x 6 years asked 60,000 times
        named = [s for s in pd.unique(frame["series_id"][unitless]) if is_unitless_share(None, s)]
        unitless &= frame["series_id"].isin(named)
    if not (percent | unitless).any():
        return frame
    frame = frame.copy()
    for (sid, _), rows in frame[percent | unitless].groupby(["series_id", "model"], sort=False):
        in_percent = bool(percent[rows.index[0]])
        # the report's sentence asks the same function; a unitless share as if in "%",
        # and only with a known history (np.inf, not known: no note)
        unit = rows["unit"].iloc[0] if in_percent else "%"
        peak = history_max.get(str(sid), np.inf)
        when = past_100_when(rows, unit, peak) if in_percent or np.isfinite(peak) else ""
        if not when:
            continue
        note = _note(when, 100.0 / (percent_factor(unit) or 1.0), unitless=not in_percent)
        old = rows["note"].iloc[0]
        frame.loc[rows.index, "note"] = f"{old}; {note}" if old else note
    return frame
