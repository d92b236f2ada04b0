"""A table's unit stated on a line above its header ("单位：亿元", "Unit: CNY bn"), which
``header_row`` skips unread, checked against the ``unit=`` asked for bare numbers, by
:func:`idcforecast.read_series` (:func:`no_unit_against_the_line_above`) and
:func:`idcforecast.batch.read_long_table` (:func:`no_rows_against_the_line_above`): a
``unit="CNY bn"`` over "单位：亿元" read 1000亿元 as 1000 CNY bn, ten times too large."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._table_files import unit_line_above
from idcforecast.errors import IdcForecastError, UnitError

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast._normalize import Observation

__all__ = ["bare_series", "no_rows_against_the_line_above", "no_unit_against_the_line_above"]


def bare_series(observations: list[Observation]) -> list[str]:
    """The series whose every value is a bare number: no unit in its text, no unit cell
    and no unit in its name's brackets."""
    has_unit = {o.series_id for o in observations if o.figure.unit is not None or "unit" in o.meta}
    return [s for s in dict.fromkeys(o.series_id for o in observations) if s not in has_unit]


def no_unit_against_the_line_above(
    observations: list[Observation], unit: str | dict[str, str], path: Path, options: dict[str, Any]
) -> None:
    """A UnitError when ``unit`` would give bare numbers another unit than a line above the
    header states ("单位：亿元" over them, unit="CNY bn"): ``unit`` is also the unit of bare
    numbers, so they were read 10 times too large, the line skipped by header_row unread."""
    from idcforecast.units import canonical_unit

    bare = bare_series(observations)
    asked: dict[str, str] = {}
    for sid in bare:
        wanted = unit.get(sid) if isinstance(unit, dict) else unit
        if wanted is not None:
            asked[sid] = wanted
    if not asked:
        return
    stated = unit_line_above(
        path, options["header_row"], options["sheet_name"], options["encoding"]
    )
    if stated is None:
        return
    line, said = stated
    for sid, wanted in asked.items():
        try:
            differs = canonical_unit(wanted) != canonical_unit(said)
        except UnitError:
            return  # an unknown unit=: to_frame names it
        if differs:
            place = next(o.place for o in observations if o.series_id == sid)
            raise UnitError(
                f"{place} (series {sid!r}): a line above the header says {line!r}, but "
                f"unit={wanted!r} reads the series' bare numbers as {canonical_unit(wanted)!r} "
                f"(unit= is also the unit of numbers written without one); pass "
                f"unit={said!r} to read them as the line states (convert the result "
                "afterwards), or correct the line",
                series_id=sid,
                place=place,
                unit=canonical_unit(wanted),
            )


def no_rows_against_the_line_above(
    out: pd.DataFrame,
    unit: str,
    path: Path,
    name: str,
    header_row: int,
    sheet_name: Any,
    encoding: str,
) -> None:
    """A UnitError when rows without a unit would be taken to be in ``unit`` while a line
    above the header (skipped by ``header_row``) states another: "单位：亿元" over them and
    unit="CNY bn" read 1000亿元 as 1000 CNY bn, as :func:`idcforecast.read_series` refuses."""
    from idcforecast.units import canonical_unit

    bare = out["unit"].isna().to_numpy() if "unit" in out.columns else np.ones(len(out), bool)
    if not bare.any():
        return
    stated = unit_line_above(path, header_row, sheet_name, encoding)
    if stated is None:
        return
    line, said = stated
    try:
        if canonical_unit(unit) == canonical_unit(said):
            return
    except IdcForecastError:
        return  # an unknown unit=: _in_unit names it
    sid = out["series_id"].iloc[int(np.argmax(bare))]
    raise UnitError(
        f"{name}: a line above the header says {line!r}, but unit={unit!r} takes the rows "
        f"without a unit (series {sid!r}...) to be in {canonical_unit(unit)!r} already; "
        f"pass unit={said!r} to read them as the line states, or correct the line",
        series_id=sid,
        unit=canonical_unit(unit),
    )
