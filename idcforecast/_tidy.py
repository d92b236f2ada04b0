"""The tidy history schema and the checks shared by the bundled loaders and ``read_series``.

Private: the public contract is in docs/internals.md. Functions here take the frame plus a
parallel list of *places* ("china_idc_market.csv line 5", "sales.csv row 4") so that every
error names where the offending value came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from idcforecast.errors import DataError, DuplicateYearError, MixedUnitsError

if TYPE_CHECKING:
    import pandas as pd

TIDY_COLUMNS: tuple[str, ...] = (
    "series_id",
    "year",
    "value",
    "unit",
    "qualifier",
    "as_of",
    "source",
    "quote",
    "confidence",
    "scope",
    "derived",
    "note",
)
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "at_most", "approximately")
CONFIDENCE_GRADES: tuple[str, ...] = (
    "high",
    "medium-high",
    "medium",
    "low-medium",
    "low",
    "derived",
)


def check_one_unit_per_series(frame: pd.DataFrame, places: Sequence[str]) -> None:
    """Raise :class:`MixedUnitsError` if a series carries two different units.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "a"], "unit": ["MW", "GW"]})
    >>> try:
    ...     check_one_unit_per_series(frame, ["f.csv line 2", "f.csv line 3"])
    ... except MixedUnitsError as err:
    ...     print(err.units, err.places)
    ('MW', 'GW') ('f.csv line 2', 'f.csv line 3')
    """
    first: dict[str, tuple[str, str]] = {}
    for series_id, unit, place in zip(frame["series_id"], frame["unit"], places, strict=True):
        seen = first.setdefault(series_id, (unit, place))
        if seen[0] != unit:
            raise MixedUnitsError(
                f"series {series_id!r} has two units: {seen[0]!r} ({seen[1]}) and {unit!r} "
                f"({place}); expected one unit per series; convert the values to one unit or "
                "give them separate series ids",
                series_id=series_id,
                units=(seen[0], unit),
                places=(seen[1], place),
            )


def check_one_scope_per_series(frame: pd.DataFrame, places: Sequence[str]) -> None:
    """Raise :class:`DataError` if a series mixes two scopes (DESIGN: never mixed).

    An empty scope (a user table that does not say) is not a second scope.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "a"], "scope": ["cidc", "caict"]})
    >>> try:
    ...     check_one_scope_per_series(frame, ["f.csv line 2", "f.csv line 3"])
    ... except DataError as err:
    ...     print(err.scopes)
    ('cidc', 'caict')
    """
    first: dict[str, tuple[str, str]] = {}
    for series_id, scope, place in zip(frame["series_id"], frame["scope"], places, strict=True):
        if not scope:
            continue
        seen = first.setdefault(series_id, (scope, place))
        if seen[0] != scope:
            raise DataError(
                f"series {series_id!r} has two scopes: {seen[0]!r} ({seen[1]}) and {scope!r} "
                f"({place}); expected one scope per series (figures measured differently "
                "never share a series); give the rows of each scope their own series id",
                series_id=series_id,
                scopes=(seen[0], scope),
                places=(seen[1], place),
            )


def check_unique_years(frame: pd.DataFrame, places: Sequence[str]) -> None:
    """Raise :class:`DuplicateYearError` if a series has two rows for one year.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "a"], "year": [2019, 2019]})
    >>> try:
    ...     check_unique_years(frame, ["f.csv line 2", "f.csv line 3"])
    ... except DuplicateYearError as err:
    ...     print(err.year, err.places)
    2019 ('f.csv line 2', 'f.csv line 3')
    """
    first: dict[tuple[str, int], str] = {}
    for series_id, year, place in zip(frame["series_id"], frame["year"], places, strict=True):
        key = (series_id, int(year))
        seen = first.setdefault(key, place)
        if seen != place:
            raise DuplicateYearError(
                f"series {series_id!r} has two values for year {int(year)} ({seen} and "
                f"{place}); expected one value per series and year; drop one, or give a "
                "different observation date (mid-year, a restatement) its own series id",
                series_id=series_id,
                year=int(year),
                places=(seen, place),
            )
