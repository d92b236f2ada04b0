"""Checks of the frame :func:`idcforecast.accuracy` scores (private): every cell it
needs present and finite, interval bounds in pairs at one set of levels and present (an
unbounded side may be infinite), one row per (series, model, cutoff, year), and a warning
when models were scored on unlike windows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from idcforecast._forecast_inputs import as_typed
from idcforecast._wording import counted
from idcforecast.errors import DataError, NonNumericValueError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_accuracy_frame"]


def check_accuracy_frame(frame: pd.DataFrame) -> list[str]:
    """Check ``frame`` (a backtest() frame with its columns present and a row or more) and
    return its interval labels ("80", "80_5"); raise a typed error naming what and where
    otherwise, and warn when its models were scored on different forecasts."""
    check_cells(frame)
    levels = interval_levels(frame)
    check_same_levels(frame, levels)
    check_bounds(frame, levels)
    check_no_repeats(frame)
    warn_unlike_windows(frame)
    return levels


def check_cells(frame: pd.DataFrame) -> None:
    """A typed error naming the row and column of a cell accuracy() cannot score: a
    missing id (the row was left out of its series' row but counted in the overall one), a
    NaN ``naive`` (reported as "forecast[0] is nan"), a missing or negative ``mase_scale``
    (left out of MASE as if the history were constant, in silence)."""
    import pandas as pd

    for column in ("series_id", "model"):
        missing = frame[column].isna().to_numpy()
        if missing.any():
            label = as_typed(frame.index[int(np.flatnonzero(missing)[0])])
            raise DataError(
                f"accuracy(): row {label!r} has no {column}; expected one in every row (it "
                "was scored in the overall row but in no series' row); fill it or drop the row",
                column=column,
            )
    for column in ("actual", "mean", "naive", "mase_scale"):
        numbers = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=np.float64)
        bad = ~np.isfinite(numbers) | ((numbers < 0) if column == "mase_scale" else False)
        if bad.any():
            at = int(np.flatnonzero(bad)[0])
            row = frame.iloc[at]
            what = "negative" if np.isfinite(numbers[at]) else "not a finite number"
            raise NonNumericValueError(
                f"accuracy(): {column} is {as_typed(row[column])!r} ({what}) in row "
                f"{as_typed(frame.index[at])!r} (series {as_typed(row['series_id'])!r}, model "
                f"{as_typed(row['model'])!r}); expected the backtest() frame's {column}: drop "
                "that row or fill it",
                column=column,
                series_id=str(row["series_id"]),
                model=str(row["model"]),
            )


def interval_levels(frame: pd.DataFrame) -> list[str]:
    """The interval labels ("80", "80_5") of ``frame``'s ``lo_``/``hi_`` column pairs; a
    bound without its pair is a DataError (a missing ``hi_80`` was a bare KeyError, a
    missing ``lo_80`` left the 80% interval unscored without a word).

    Examples
    --------
    >>> import pandas as pd
    >>> interval_levels(pd.DataFrame(columns=["mean", "lo_80", "hi_80"]))
    ['80']
    >>> interval_levels(pd.DataFrame(columns=["lo_80", "hi_95"]))
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: accuracy(): the 80% interval has lo_80 but no hi_80; pass both bounds of an interval (the backtest() frame as it is), or drop lo_80
    """  # noqa: E501
    columns = [str(c) for c in frame.columns]
    lows = [c[3:] for c in columns if c.startswith("lo_")]
    highs = [c[3:] for c in columns if c.startswith("hi_")]
    for label in [*lows, *highs]:
        if label not in lows or label not in highs:
            has, lacks = ("lo", "hi") if label in lows else ("hi", "lo")
            level = label.replace("_", ".")
            raise DataError(
                f"accuracy(): the {level}% interval has {has}_{label} but no {lacks}_{label}; "
                "pass both bounds of an interval (the backtest() frame as it is), or drop "
                f"{has}_{label}",
                level=level,
            )
    return lows


def check_same_levels(frame: pd.DataFrame, levels: list[str]) -> None:
    """Backtests run at different ``level=`` and concatenated leave some models without
    some interval columns (NaN): name the model and level rather than a NaN position."""
    for level in levels:
        for column in (f"lo_{level}", f"hi_{level}"):
            if column not in frame.columns:
                continue
            missing = frame[column].isna()
            if missing.all() or not missing.any():
                continue
            model = frame.loc[missing, "model"].iloc[0]
            if frame.loc[frame["model"] == model, column].isna().all():
                raise DataError(
                    f"accuracy(): model {model!r} has no {level}% interval ({column} is empty "
                    "for all its rows) while other models have one: backtests run with "
                    "different level= were combined; backtest every model with the same "
                    f"level=, or drop the {level}% columns",
                    model=str(model),
                    level=level,
                )


def check_bounds(frame: pd.DataFrame, levels: list[str]) -> None:
    """A typed error naming the row and column of an interval bound accuracy() cannot
    score: missing (NaN), or infinite on the wrong side (a lower bound of inf). An
    unbounded interval (a lower bound of -inf, an upper of inf: a backtest's bound that
    overflowed) is scored: it covers, and its Winkler score is inf (was refused, "coverage:
    upper[0] is inf", the position in a group, not the frame's row)."""
    import pandas as pd

    for label in levels:
        for column, wrong in ((f"lo_{label}", np.inf), (f"hi_{label}", -np.inf)):
            numbers = pd.to_numeric(frame[column], errors="coerce").to_numpy(dtype=np.float64)
            bad = np.isnan(numbers) | (numbers == wrong)
            if not bad.any():
                continue
            if bad.all() and np.isnan(numbers).all():
                raise NonNumericValueError(
                    f"accuracy(): {column} is empty (NaN) in every row; expected the "
                    f"backtest() frame's bounds; drop lo_{label} and hi_{label} to score "
                    f"without the {label.replace('_', '.')}% interval",
                    column=column,
                )
            at = int(np.flatnonzero(bad)[0])
            row = frame.iloc[at]
            raise NonNumericValueError(
                f"accuracy(): {column} is {as_typed(row[column])!r} in row "
                f"{as_typed(frame.index[at])!r} (series {as_typed(row['series_id'])!r}, model "
                f"{as_typed(row['model'])!r}); expected the backtest() frame's bound (a number, "
                f"or {-wrong!r} where it is unbounded): drop that row or fill it",
                column=column,
                series_id=str(row["series_id"]),
                model=str(row["model"]),
            )


def check_no_repeats(frame: pd.DataFrame) -> None:
    """One row per (series, model, cutoff, year): a backtest concatenated twice (a notebook
    cell run again) would otherwise count every forecast twice, in silence.

    A frame without a ``cutoff`` column (built by hand, or with it dropped) may hold one
    year several times for one model, from different windows, so a year alone proves no
    repeat there: rows that agree in the year and in every scored cell (``actual``,
    ``mean``, ``naive``, ``mase_scale``, the bounds) are the repeat (the check did nothing
    without ``cutoff``: such a frame concatenated twice scored every row twice).

    Examples
    --------
    >>> import pandas as pd
    >>> row = {"series_id": "a", "model": "m", "year": 2020, "mean": 9.0, "actual": 10.0,
    ...        "naive": 8.0, "mase_scale": 1.0}
    >>> check_no_repeats(pd.DataFrame([row, row | {"naive": 7.0}]))  # two windows: fine
    >>> check_no_repeats(pd.DataFrame([row, row]))
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: accuracy(): series 'a' model 'm' has 2 identical rows for year 2020 (frame.iloc[0] and frame.iloc[1]) and no cutoff column; expected one per window: a frame combined with itself? keep one copy (frame.drop_duplicates()), or, if they are different windows that happen to agree, add a cutoff column that tells them apart
    """  # noqa: E501
    windows = {"cutoff", "year"} <= set(frame.columns)
    if windows:
        key = ["series_id", "model", "cutoff", "year"]
    else:
        year = ["year"] if "year" in frame.columns else []
        scored = ["actual", "mean", "naive", "mase_scale"]
        bounds = [c for c in frame.columns if str(c).startswith(("lo_", "hi_"))]
        key = ["series_id", "model", *year, *scored, *bounds]
    repeated = frame.duplicated(key, keep=False)
    if not repeated.any():
        return
    first = frame.loc[repeated].iloc[0]
    cells = frame[key]
    same = ((cells == first[key]) | (cells.isna() & first[key].isna())).all(axis=1).to_numpy()
    count = int(same.sum())
    where = dict(series_id=str(as_typed(first["series_id"])), model=str(as_typed(first["model"])))
    if windows:
        raise DataError(
            f"accuracy(): series {as_typed(first['series_id'])!r} model "
            f"{as_typed(first['model'])!r} has {count} rows for cutoff "
            f"{as_typed(first['cutoff'])} year {as_typed(first['year'])}; expected one per "
            "(series, model, cutoff, year): a backtest combined with itself? keep one copy "
            "(frame.drop_duplicates(['series_id', 'model', 'cutoff', 'year']))",
            **where,
        )
    at = np.flatnonzero(same)[:2].tolist()
    when = f" for year {as_typed(first['year'])}" if "year" in frame.columns else ""
    raise DataError(
        f"accuracy(): series {as_typed(first['series_id'])!r} model "
        f"{as_typed(first['model'])!r} has {count} identical rows{when} (frame.iloc[{at[0]}] "
        f"and frame.iloc[{at[1]}]) and no cutoff column; "
        "expected one per window: a frame combined with itself? keep one copy "
        "(frame.drop_duplicates()), or, if they are different windows that happen to agree, "
        "add a cutoff column that tells them apart",
        **where,
    )


def warn_unlike_windows(frame: pd.DataFrame) -> None:
    """Models scored on different forecasts (a method with a larger minimum starts at a
    later cutoff): their rows, and their overall rows most, do not compare, and nothing
    said so (naive's total counted an early, harder cutoff that drift's did not)."""
    import warnings

    from idcforecast.errors import BacktestWarning

    key = [c for c in ("series_id", "cutoff", "year") if c in frame.columns]
    if len(key) < 3 or frame["model"].nunique() < 2:
        return
    n_models = frame["model"].nunique()
    shared = frame.groupby(key, sort=False)["model"].transform("nunique") == n_models
    if bool(shared.all()):
        return
    counts = frame.groupby("model", sort=False).size()
    common = int(shared.sum() // n_models)
    shown = ", ".join(f"{model!r} {counted(int(n), 'row')}" for model, n in counts.items())
    warnings.warn(
        f"accuracy(): the models were scored on different forecasts ({shown}; "
        f"{common} of them common to every model): a method with a larger minimum starts at a "
        "later cutoff, so their scores do not compare; to compare them on the same windows, "
        "keep the common rows: frame[frame.groupby(['series_id', 'cutoff', 'year'])"
        "['model'].transform('nunique') == frame['model'].nunique()] (compare_methods() "
        "does so)",
        BacktestWarning,
        stacklevel=4,  # the caller of accuracy()
    )
