"""The one series ``simulate`` runs on, chosen from its data: by the ``series_id`` asked
for or the spec's, checked as ``forecast()`` checks a series, with the notes on its history
(estimates read as data, FX conversions, years not published, bounds, unit conversions).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import DataError, UnknownSeriesError

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.scenarios.spec import ScenarioSet

__all__ = ["select_series", "series_id_text"]


def series_id_text(series_id: Any) -> str | None:
    """``series_id`` as the text ids are compared in: a whole number (5, np.int64(5), from
    a frame whose ids are numbers) is "5", as forecast() writes it; it raised a bare
    TypeError ("'int' object is not iterable") from the did-you-mean."""
    if series_id is None or isinstance(series_id, str):
        return series_id
    if isinstance(series_id, int | np.integer) and not isinstance(series_id, bool):
        return str(series_id)
    raise UnknownSeriesError(
        f"simulate: series_id must be one series' id (text, or a whole number for ids that "
        f"are numbers); got {type(series_id).__name__} {series_id!r}; call simulate once per "
        "series",
        series_id=repr(series_id),
    )


def select_series(
    data: pd.DataFrame | pd.Series, series_id: str | None, *, spec: ScenarioSet
) -> tuple[str, np.ndarray, np.ndarray, str, str, tuple[str, ...]]:
    """The chosen series: id, years, values, unit, its history note (estimates read as
    data, FX conversions, years not published, bounds, unit conversions; "" when none) and
    its years published as bounds (``SeriesData.bounds``: "2021 (at least)")."""
    import pandas as pd

    from idcforecast._forecast_inputs import conversions_by_series
    from idcforecast._history_notes import history_note
    from idcforecast._series import SeriesData, split_series

    def picked(chosen: SeriesData) -> tuple[str, np.ndarray, np.ndarray, str, str, tuple[str, ...]]:
        # the years a reader converted from another unit of the series ("converted from
        # 'GW' (x1000): 2020, 2021"), as forecast() names them (were not named)
        conversions = conversions_by_series(data).get(str(chosen.series_id), ())
        kept = history_note(
            chosen.estimates, chosen.fx_years, chosen.unpublished, chosen.bounds, conversions
        )
        return chosen.series_id, chosen.years, chosen.values, chosen.unit, kept, chosen.bounds

    # split_series is forecast()'s validation: years (also a PeriodIndex/DatetimeIndex),
    # values, duplicate years, one unit per series. Only the chosen series is validated.
    if isinstance(data, pd.DataFrame) and len(data) and "series_id" in data.columns:
        for column in ("year", "value"):
            if column not in data.columns:
                raise DataError(
                    f"simulate: data has no column {column!r}; expected a tidy frame with "
                    f"series_id, year, value (found {', '.join(map(str, data.columns))})",
                    column=column,
                )
        ids = list(dict.fromkeys(data["series_id"].astype(str)))
        if series_id is None:
            if len(ids) != 1:
                raise DataError(
                    f"simulate: data holds {len(ids)} series ({', '.join(ids[:5])}); pass "
                    "series_id= to choose one",
                    n_series=len(ids),
                )
            series_id = ids[0]
        if series_id not in ids:
            import difflib

            close = difflib.get_close_matches(series_id, ids, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            if series_id == spec.series_id:  # the spec is written for a series not given
                raise UnknownSeriesError(
                    f"simulate: series {series_id!r} (the series_id of scenario spec "
                    f"{spec.source}) is not in the data (found {', '.join(ids[:5])}){hint}; "
                    "a spec's growth, shocks and caps are written for its series: use a spec "
                    "written for the series simulated here",
                    series_id=series_id,
                    file=spec.source,
                )
            raise UnknownSeriesError(
                f"simulate: series {series_id!r} is not in the data (found "
                f"{', '.join(ids[:5])}){hint}",
                series_id=series_id,
            )
        data = data[data["series_id"].astype(str) == series_id]
        return picked(split_series(data)[0])
    chosen = split_series(data)[0]
    # one series without a series_id column (a year-indexed Series, a year/value frame):
    # the spec's series_id was ignored, so the China IDC spec's caps in 亿元 applied to a
    # Series of MW without a word; the tidy-frame path above refuses that
    if series_id is not None and series_id != chosen.series_id:
        from_spec = series_id == spec.series_id
        raise UnknownSeriesError(
            f"simulate: the data is one series, {chosen.series_id!r}, not {series_id!r}"
            + (
                f" (the series_id of scenario spec {spec.source}); a spec's growth, shocks "
                "and caps are written for its series: use a spec written for this series, "
                f"or pass series_id={chosen.series_id!r} to apply this one to it"
                if from_spec
                else f"; pass series_id={chosen.series_id!r} or leave it out"
            ),
            series_id=series_id,
            **({"file": spec.source} if from_spec else {}),
        )
    return picked(chosen)
