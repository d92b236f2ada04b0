"""Checks that a column of series ids names each series one way, for :func:`idcforecast.forecast`,
:func:`idcforecast.backtest` and :func:`idcforecast.forecast_many` alike: ids that print
alike but differ (1 and "1"), and ids that differ but pandas groups as one (1 and 1.0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_ids_distinct_as_text", "check_ids_not_joined_as_equal"]


def check_ids_distinct_as_text(ids: list[Any]) -> None:
    """A typed error for ids that differ but print alike (1 and "1" would be two series
    under one name in the result, and share a cap).

    Examples
    --------
    >>> check_ids_distinct_as_text(["a", "b", 1])
    """
    seen: dict[str, Any] = {}
    for sid in ids:
        text = str(sid)
        if text in seen:
            raise DataError(
                f"series ids {seen[text]!r} and {sid!r} differ but read alike ({text!r}); "
                "expected one type of id: convert the column, e.g. "
                "frame['series_id'] = frame['series_id'].astype(str)",
                series_id=text,
            )
        seen[text] = sid


_ONE_KIND_OF_ID = frozenset({"string", "integer", "floating", "boolean", "empty"})


def check_ids_not_joined_as_equal(column: pd.Series) -> None:
    """A typed error for ids that differ yet are equal to Python (1 and 1.0, True and 1):
    pandas groups them as one series, joining their rows in silence under the first one's
    name (1 with years 2014-2018 and 1.0 with 2019-2023 became one ten-year series '1').

    Only an object column mixing kinds of value is looked at further (one pass of ``str``
    over it); a column of one kind is let through at once.

    Examples
    --------
    >>> import pandas as pd
    >>> check_ids_not_joined_as_equal(pd.Series([1, 2, 1], dtype=object))
    >>> check_ids_not_joined_as_equal(pd.Series([1, 1.0], dtype=object))
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    idcforecast.errors.DataError: series ids 1 and 1.0 are equal to pandas, which would join ...
    """
    import pandas as pd
    from pandas.api.types import infer_dtype

    if column.dtype != object or infer_dtype(column, skipna=True) in _ONE_KIND_OF_ID:
        return
    codes = pd.factorize(column, sort=False)[0]
    texts = column.map(str).to_numpy(dtype=object)
    pairs = pd.DataFrame({"code": codes, "text": texts}).drop_duplicates()
    joined = pairs[pairs["code"].duplicated(keep=False)]
    if joined.empty:
        return
    first = joined[joined["code"] == joined["code"].iloc[0]]
    one, other = (column.iloc[int(i)] for i in first.index[:2])
    raise DataError(
        f"series ids {one!r} and {other!r} are equal to pandas, which would join their rows "
        "into one series in silence; expected one way of writing an id: for one series "
        "write them alike, for two give them distinct names, e.g. "
        f"frame['series_id'] = frame['series_id'].astype(str) (then {str(one)!r} and "
        f"{str(other)!r})",
        series_id=str(one),
    )
