"""The ``Paths`` result: simulated yearly levels per scenario, with their metadata."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from idcforecast.errors import UnknownNameError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Paths"]


@dataclass(frozen=True, eq=False)
class Paths:
    """Simulated sample paths of one series under one or more scenarios.

    The fields are the constructor's parameters and the attributes of the same names
    (``simulate`` builds a Paths; building one by hand is for tests and custom paths).

    Parameters
    ----------
    values
        float64 array of shape ``(n_scenarios, n_paths, n_years)``. Scenarios share the same
        random draws (common random numbers), so differences between scenarios come from
        the scenario adjustments alone.
    years
        int64 array of the simulated years, shape ``(n_years,)``.
    scenarios
        Scenario names, in the order of the first axis.
    weights
        Scenario probabilities (summing to 1) or None.
    unit
        Unit of ``values`` (the series unit, e.g. "CNY 100m").
    series_id
        The simulated series.
    origin_year, origin_value
        The last observed year and value (the start of every path), used for CAGRs.
    seed
        The entropy of the ``numpy.random.SeedSequence`` used: pass it back as ``seed`` to
        reproduce the run exactly.
    model
        Alias of the forecasting model whose error distribution was sampled.
    note
        What the paths' forecast needed, as ``forecast()``'s ``note`` column says it ("gap
        year 2013 filled log-linearly for fitting only", a fallback), and how a cap in
        another unit was read (at a rack density, at a year's FX rate); "" when nothing.
    history_max
        The largest observed value (series unit), None when not known: with a unit in
        percent it decides whether the series may be a share (``idcforecast._shares``),
        whose growth :func:`~idcforecast.scenarios.scenario_table` gives in points.
    origin_qualifier
        How ``origin_value`` was published: "at_least" ("more than 880"), "at_most", or ""
        for a figure; a CAGR from a "more than" origin is at most the one computed.

    Examples
    --------
    >>> p = Paths(values=np.ones((1, 2, 3)), years=np.arange(2025, 2028), scenarios=("base",))
    >>> p.n_paths, p.n_years, p.scenario("base").shape
    (2, 3, (2, 3))
    >>> p
    Paths(series_id='series', scenarios=('base',), n_paths=2, years=2025-2027, unit='', seed=None)
    """

    values: np.ndarray
    years: np.ndarray
    scenarios: tuple[str, ...]
    weights: tuple[float, ...] | None = None
    unit: str = ""
    series_id: str = "series"
    origin_year: int | None = None
    origin_value: float | None = None
    seed: int | None = None
    model: str = ""
    note: str = ""
    history_max: float | None = None
    origin_qualifier: str = ""

    @property
    def n_paths(self) -> int:
        return int(self.values.shape[1])

    @property
    def n_years(self) -> int:
        return int(self.values.shape[2])

    def __repr__(self) -> str:
        years = f"{int(self.years[0])}-{int(self.years[-1])}" if self.years.size else "none"
        return (
            f"Paths(series_id={self.series_id!r}, scenarios={self.scenarios!r}, "
            f"n_paths={self.n_paths}, years={years}, unit={self.unit!r}, seed={self.seed!r}"
            + (f", note={self.note!r})" if self.note else ")")
        )

    def scenario(self, name: str) -> np.ndarray:
        """The ``(n_paths, n_years)`` block of one scenario."""
        return self.values[self.scenario_index(name)]

    def scenario_index(self, name: str) -> int:
        try:
            return self.scenarios.index(name)
        except ValueError:
            import difflib

            close = difflib.get_close_matches(name, self.scenarios, n=1)
            hint = f"did you mean {close[0]!r}?" if close else ""
            raise UnknownNameError(
                f"series {self.series_id!r}: no scenario {name!r} in the simulated paths; "
                f"expected one of {', '.join(self.scenarios)}. {hint}".rstrip(),
                scenario=name,
            ) from None

    def year_index(self, year: int) -> int:
        """Position of ``year`` on the year axis (typed error if it was not simulated)."""
        first, last = int(self.years[0]), int(self.years[-1])
        whole = _whole_year(year)
        hits = np.flatnonzero(self.years == whole) if whole is not None else np.empty(0)
        if not hits.size:
            if whole is None:
                fix = f"pass a whole year such as {last}"
            elif whole < first:
                fix = "earlier years are history, not simulated"
            else:
                fix = "raise the horizon"
            raise UnknownNameError(
                f"series {self.series_id!r}: year {year!r} was not simulated; expected "
                + (f"the year {first}" if first == last else f"a year from {first} to {last}")
                + f" ({fix})",
                year=year,
            )
        return int(hits[0])

    def to_frame(self) -> pd.DataFrame:
        """Long tidy frame: ``series_id, scenario, path, year, value, unit``.

        One row per (scenario, path, year): 30,000 rows for 3 scenarios x 1,000 paths x 10
        years. Use :func:`~idcforecast.scenario_table` for summaries.
        """
        import pandas as pd

        n_s, n_p, n_y = self.values.shape
        return pd.DataFrame(
            {
                "series_id": self.series_id,
                "scenario": np.repeat(np.array(self.scenarios, dtype=object), n_p * n_y),
                "path": np.tile(np.repeat(np.arange(n_p, dtype=np.int64), n_y), n_s),
                "year": np.tile(self.years.astype(np.int64), n_s * n_p),
                "value": self.values.reshape(-1),
                "unit": self.unit,
            }
        )


def _whole_year(year: object) -> int | None:
    """``year`` as an int when it is a whole number (2027, 2027.0, "2027"), else None."""
    try:
        value = float(str(year).strip()) if isinstance(year, str) else float(year)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return int(value) if value.is_integer() else None
