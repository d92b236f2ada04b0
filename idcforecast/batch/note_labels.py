"""What the rows' notes and qualifiers say about each series, for the batch (private):
estimates read as data, currency conversions, other unit conversions and values published as
bounds, each as labels per series code, in year order (the forecast's note names them, as
:func:`idcforecast.forecast` does from :func:`idcforecast._history_notes.history_note`).
Split from :mod:`idcforecast.batch.chunks`, which re-exports :func:`kept_estimates` and
:func:`bound_years`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Notes",
    "bound_years",
    "converted_fx_years",
    "factorized",
    "kept_estimates",
    "unit_conversions",
]

# a ``note`` column, or its factorization (codes, distinct notes): group_series factorizes
# it once for every reader of it (five factorizations cost 3.6 s for 1.9 million rows)
Notes = Any


def factorized(notes: Notes) -> tuple[NDArray[np.int64], Any]:
    """``(codes, distinct)`` of a note column (``pandas.factorize``), or the pair given."""
    import pandas as pd

    if isinstance(notes, tuple):
        return notes
    return pd.factorize(notes, sort=False)


def kept_estimates(
    notes: Notes, codes: NDArray[np.int64], years: NDArray[np.float64]
) -> dict[int, tuple[str, ...]]:
    """Series code -> the labels of its rows whose note marks an estimate read as data.

    ``notes`` is the ``note`` column of a long frame, as :func:`idcforecast.read_series` and
    :func:`idcforecast.batch.read_long_table` write it with ``estimates="keep"``
    (``"estimate (year written '2022E')"``, possibly among other notes); labels are in year
    order, each once. Only the distinct notes are parsed.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> notes = pd.Series(["", "estimate (year written '2023F')",
    ...                    "estimate (year written '2022E')", None])
    >>> kept_estimates(notes, np.array([0, 0, 0, 1]), np.array([2021.0, 2023, 2022, 2020]))
    {0: ('2022E', '2023F')}
    """
    from idcforecast._history_notes import estimate_label

    return _labels_by_series(notes, codes, years, estimate_label)


def converted_fx_years(
    notes: Notes, codes: NDArray[np.int64], years: NDArray[np.float64]
) -> dict[int, tuple[str, ...]]:
    """Series code -> the years (as text) whose value a reader converted between
    currencies at that year's FX rate, from the ``note`` column, in year order.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> notes = pd.Series(["converted from 'USD bn' (x6.9, 2020 annual-average FX rate)", ""])
    >>> converted_fx_years(notes, np.array([0, 0]), np.array([2020.0, 2021]))
    {0: ('2020',)}
    """
    from idcforecast._history_notes import fx_label

    return _labels_by_series(notes, codes, years, fx_label)


def unit_conversions(
    notes: Notes, codes: NDArray[np.int64], years: NDArray[np.float64]
) -> dict[int, tuple[str, ...]]:
    """Series code -> the unit conversions (not between currencies) its rows' notes name,
    each with its years (:func:`idcforecast._history_notes.conversion_labels`).

    Only the distinct notes are parsed, and only the series with something to say are
    labelled one by one: rows in another unit beside rows in the series' own (a mix), two
    conversions, or one through the kW per rack. A file converted as a whole to a unit asked
    for (every row from "USD mn" to "USD bn") costs a few passes over integer codes (was:
    a Python pass over every series' rows per series, 10 minutes for 100,000 series).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> notes = pd.Series(["", "converted from 'GW' (x1000)", None])
    >>> unit_conversions(notes, np.array([0, 0, 1]), np.array([2019.0, 2020, 2020]))
    {0: ("converted from 'GW' (x1000): 2020",)}
    """

    from idcforecast._history_notes import conversion_labels, conversion_of

    note_codes, distinct = factorized(notes)
    parsed = [conversion_of(note) for note in distinct]
    texts = list(dict.fromkeys(text for text, _ in parsed if text is not None))
    if not texts:
        return {}
    position = {text: k for k, text in enumerate(texts)}
    # per distinct note (and a trailing entry for code -1, a missing note)
    key_of = np.array([*(-1 if t is None else position[t] for t, _ in parsed), -1])
    converted_of = np.array([*(c for _, c in parsed), False])
    finite = np.isfinite(years)
    key = np.where(finite, key_of[note_codes], -1)
    converted = converted_of[note_codes] & finite
    n_series = int(codes.max()) + 1
    n_rows = np.bincount(codes, minlength=n_series)
    n_converted = np.bincount(codes[converted], minlength=n_series)
    unit_rows = key >= 0
    pairs = np.unique(codes[unit_rows] * len(texts) + key[unit_rows])
    n_keys = np.bincount(pairs // len(texts), minlength=n_series)
    only_key = np.zeros(n_series, dtype=np.int64)
    only_key[pairs // len(texts)] = pairs % len(texts)
    assumes = np.array(["kW per" in text for text in texts])
    # what conversion_labels leaves unsaid: one factor over every row, no currency aside
    said = (n_keys > 1) | ((n_keys == 1) & ((n_converted < n_rows) | assumes[only_key]))
    rows = np.flatnonzero(said[codes] & converted)
    rows = rows[np.argsort(codes[rows], kind="stable")]
    starts = np.flatnonzero(np.diff(codes[rows], prepend=-1))
    found: dict[int, tuple[str, ...]] = {}
    for mine in np.split(rows, starts[1:]):
        if mine.size == 0:
            continue
        code = int(codes[mine[0]])
        labels = conversion_labels(
            years[mine].tolist(), distinct[note_codes[mine]].tolist(), n_rows=int(n_rows[code])
        )
        if labels:
            found[code] = labels
    return found


def bound_years(
    qualifiers: pd.Series, codes: NDArray[np.int64], years: NDArray[np.float64]
) -> dict[int, tuple[str, ...]]:
    """Series code -> the labels of its years whose value was published as a bound
    (:func:`idcforecast._history_notes.bound_label`), in year order.

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> qualifiers = pd.Series(["exact", "at_least", "at_most", None, "at_least"])
    >>> codes, years = np.array([0, 0, 0, 1, 1]), np.array([2020.0, 2022, 2021, 2020, np.nan])
    >>> bound_years(qualifiers, codes, years)
    {0: ('2021 (at most)', '2022 (at least)')}
    """
    import pandas as pd

    from idcforecast._history_notes import bound_label

    # only the distinct qualifiers are read; a row whose year is no number (its series
    # fails, named by group_series) has no label
    cell_codes, distinct = pd.factorize(qualifiers, sort=False)
    bound = np.array([*(bound_label(2000, q) is not None for q in distinct), False])
    rows = np.flatnonzero(bound[cell_codes] & np.isfinite(years))
    found: dict[int, list[str]] = {}
    for row in rows[np.lexsort((years[rows], codes[rows]))]:
        label = bound_label(years[row], distinct[cell_codes[row]])
        if label is not None:
            found.setdefault(int(codes[row]), []).append(label)
    return {code: tuple(labels) for code, labels in found.items()}


def _labels_by_series(
    notes: Notes,
    codes: NDArray[np.int64],
    years: NDArray[np.float64],
    label_of: Callable[[Any], str | None],
) -> dict[int, tuple[str, ...]]:
    """Series code -> the labels ``label_of`` finds in its rows' notes, in year order, each
    once; only the distinct notes are parsed."""

    note_codes, distinct = factorized(notes)
    labels = np.array([*(label_of(n) for n in distinct), None], dtype=object)
    is_estimate = np.array([label is not None for label in labels])
    rows = np.flatnonzero(is_estimate[note_codes])  # code -1 (a missing note) picks the None
    found: dict[int, list[str]] = {}
    for row in rows[np.lexsort((years[rows], codes[rows]))]:
        seen = found.setdefault(int(codes[row]), [])
        label = labels[note_codes[row]]
        if label not in seen:
            seen.append(label)
    return {code: tuple(seen) for code, seen in found.items()}
