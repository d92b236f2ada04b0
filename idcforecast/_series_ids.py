"""Checks that a column of series ids names each series one way, for :func:`idcforecast.forecast`,
:func:`idcforecast.backtest` and :func:`idcforecast.forecast_many` alike: ids that print
alike but differ (1 and "1"), and ids that differ but pandas groups as one (1 and 1.0);
and, for their results, the ids as the caller gave them (:func:`with_given_ids`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import DataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "check_ids_distinct_as_text",
    "check_ids_not_joined_as_equal",
    "given_ids",
    "with_given_ids",
]


def check_ids_distinct_as_text(ids: list[Any]) -> None:
    """A typed error for ids that differ but print alike (1 and "1" would be two series
    under one name in the result, and share a cap).

    Nor ids that differ only in spaces around them ("China" and "China ", a non-breaking
    space pasted from a web page): the rows of one series were forecast as two, each
    from part of its years, under names that print alike.

    Examples
    --------
    >>> check_ids_distinct_as_text(["a", "b", 1])
    >>> check_ids_distinct_as_text(["China", "China\xa0"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    idcforecast.errors.DataError: series ids 'China' and 'China\xa0' differ only in spaces ...
    """
    seen: dict[str, Any] = {}
    stripped: dict[str, Any] = {}
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
        bare = text.strip()
        if bare in stripped:
            raise DataError(
                f"series ids {stripped[bare]!r} and {sid!r} differ only in spaces around "
                "them, which print alike: the rows of one series would be forecast as two; "
                "strip them, frame['series_id'] = frame['series_id'].str.strip(), or name "
                "two series apart",
                series_id=text,
            )
        stripped[bare] = sid


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


def given_ids(data: Any) -> pd.Index | None:
    """The distinct series ids of ``data`` as the caller gave them (their dtype kept: int
    ids stay int), in order of first appearance; None for data without a ``series_id``
    column (a year-indexed Series, a frame of one series), whose id is text already.

    Examples
    --------
    >>> import pandas as pd
    >>> given_ids(pd.DataFrame({"series_id": [7, 7, 3], "year": [1, 2, 1]})).tolist()
    [7, 3]
    >>> given_ids(pd.Series([1.0], index=[2020])) is None
    True
    """
    import pandas as pd

    if not isinstance(data, pd.DataFrame) or "series_id" not in data.columns:
        return None
    return pd.Index(data["series_id"].drop_duplicates())


def with_given_ids(frame: pd.DataFrame, given: pd.Index | None) -> pd.DataFrame:
    """``frame`` (a result whose ``series_id`` holds the ids as text, as the per-series
    code names them) with each id as the caller gave it, in the caller's dtype: a result
    merged back on an int id column matched nothing when its ids were '1', '2'.

    The ids are distinct as text (:func:`check_ids_distinct_as_text`), so the text names
    one given id. A text id that is none of them ("(all)") is kept as it is.

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"series_id": ["7", "3", "7"], "mean": [1.0, 2.0, 3.0]})
    >>> back = with_given_ids(out, pd.Index([7, 3]))
    >>> back["series_id"].tolist(), str(back["series_id"].dtype)
    ([7, 3, 7], 'int64')
    """
    if given is None or frame.empty or "series_id" not in frame.columns:
        return frame
    position = {str(sid): i for i, sid in enumerate(given)}
    codes = frame["series_id"].map(position)
    if codes.isna().any():
        return frame
    return frame.assign(series_id=given.take(codes.to_numpy(dtype=np.int64)))
