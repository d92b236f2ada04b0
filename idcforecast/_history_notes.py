"""The notes a row or a forecast carries about its history (private): a year read as an
estimate ("estimate (year written '2022E')"), a value converted at a year's FX rate, a value
converted from another unit of its series ("converted from 'GW' (x1000)"), a year marked as
not published, a value published as a bound, and the note of a forecast that names them
(:func:`history_note`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "bound_label",
    "bound_years",
    "computed_by_formula",
    "conversion_labels",
    "conversion_of",
    "estimate_label",
    "estimate_note",
    "formula_note",
    "fx_file_label",
    "fx_label",
    "history_note",
    "is_estimate_note",
    "kept_estimates_note",
]

_ESTIMATE_MARK = "estimate (year written "


def estimate_note(label: Any) -> str:
    """The note an estimate read with ``estimates="keep"`` carries."""
    return f"{_ESTIMATE_MARK}{str(label).strip()!r})"


_FORMULA_MARK = "Excel formula "
_COMPUTED = ": a value computed in the workbook, not a published figure"


def formula_note(formula: str, how: str | None = None) -> str:
    """The note of a value read from an Excel formula: computed (``how`` None), or ``how``
    it got its value ("a number typed after '='", "the value of the cell it links")."""
    return f"{_FORMULA_MARK}{formula!r}" + (_COMPUTED if how is None else f": {how}")


def computed_by_formula(history: Any) -> bool:
    """Whether a ``derived`` row of a history frame was computed by a workbook's formula
    (its ``note`` says so: :func:`formula_note`).

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"derived": [False, True], "note": ["", formula_note("=B2*2")]})
    >>> computed_by_formula(rows), computed_by_formula(rows.drop(columns="note"))
    (True, False)
    """
    if "derived" not in history.columns or "note" not in history.columns:
        return False
    notes = history.loc[history["derived"].fillna(False).astype(bool), "note"]
    return any(isinstance(n, str) and _FORMULA_MARK in n and _COMPUTED in n for n in notes)


def is_estimate_note(note: Any) -> bool:
    """Whether a history row's ``note`` says it is an estimate read as data.

    Examples
    --------
    >>> is_estimate_note(estimate_note("2021E")), is_estimate_note("sum of segments")
    (True, False)
    """
    return isinstance(note, str) and _ESTIMATE_MARK in note


# the label inside an estimate note: a year label marked as an estimate holds no quote or
# backslash, so repr() wrote it as is between single quotes
_ESTIMATE_LABEL = re.compile(re.escape(_ESTIMATE_MARK) + r"'([^'\\]*)'\)")


def estimate_label(note: Any) -> str | None:
    """The year label as written ("2021E") of a row whose ``note`` marks an estimate read as
    data (see :func:`estimate_note`; other notes may surround it), else None.

    Examples
    --------
    >>> estimate_label("sum of segments; " + estimate_note(" 2025年预测 "))
    '2025年预测'
    >>> estimate_label("sum of segments"), estimate_label(None)
    (None, None)
    """
    if not isinstance(note, str) or (match := _ESTIMATE_LABEL.search(note)) is None:
        return None
    return match.group(1)


_FX_YEAR = re.compile(r"\b(\d{4}) annual-average FX rate\b")


def fx_label(note: Any) -> str | None:
    """The year (as text) of a row whose ``note`` says its value was converted at that
    year's FX rate (as :func:`idcforecast.read_series` notes it), with the user FX file
    the rate came from (:func:`idcforecast.use_fx_rates`), else None.

    Examples
    --------
    >>> fx_label("converted from 'USD bn' (x6.9081, 2019 annual-average FX rate)")
    '2019'
    >>> fx_label("converted from 'USD bn' (x7.05, 2026 annual-average FX rate from my.csv)")
    '2026 from my.csv'
    >>> fx_label("converted from 'CNY 10k' (x0.0001)"), fx_label(None)
    (None, None)
    """
    if not isinstance(note, str) or (match := _FX_YEAR.search(note)) is None:
        return None
    file = fx_file_label(note)
    return match.group(1) if file is None else f"{match.group(1)} from {file}"


_FX_FILE = re.compile(r"\bannual-average FX rate from ([^)]*)\)")


def fx_file_label(note: Any) -> str | None:
    """The user FX file (:func:`idcforecast.use_fx_rates`) whose rate converted a row, as
    its ``note`` names it, else None (the bundled table, or no conversion).

    Examples
    --------
    >>> fx_file_label("converted from 'USD bn' (x7.05, 2026 annual-average FX rate from my.csv)")
    'my.csv'
    >>> fx_file_label("converted from 'USD bn' (x6.9081, 2019 annual-average FX rate)")
    """
    if not isinstance(note, str) or (match := _FX_FILE.search(note)) is None:
        return None
    return match.group(1)


def _fx_years_text(labels: list[str]) -> str:
    """The years of :func:`fx_label` grouped by where their rate came from: "2019, 2020"
    from the bundled table alone; "2012, 2014 from the bundled table; 2023 from fx.csv" when
    a user file gave some ("2012, 2014, 2023 from fx.csv" read as if the file gave all).

    Examples
    --------
    >>> _fx_years_text(["2012", "2014", "2023 from fx.csv"])
    '2012, 2014 from the bundled table; 2023 from fx.csv'
    >>> _fx_years_text(["2019", "2020"])
    '2019, 2020'
    """
    sources: dict[str, list[str]] = {}
    for label in labels:
        year, _, file = label.partition(" from ")
        sources.setdefault(file, []).append(year)
    if list(sources) == [""]:
        return ", ".join(labels)
    return "; ".join(
        f"{', '.join(years)} from {file or 'the bundled table'}" for file, years in sources.items()
    )


# a conversion note of a reader (idcforecast._normalize._conversion_note): the unit and
# factor, and for racks <-> power the kW per rack; an FX conversion is fx_label's
_UNIT_CONVERSION = re.compile(r"converted from '[^'\\]*' \(x[^)]*\)")


def conversion_of(note: Any) -> tuple[str | None, bool]:
    """The unit conversion a row's ``note`` names, when not between currencies ("converted
    from 'GW' (x1000)", else None), and whether it names a conversion at all (an FX one
    too).

    Examples
    --------
    >>> conversion_of("estimate; converted from 'GW' (x1000)")
    ("converted from 'GW' (x1000)", True)
    >>> conversion_of("converted from 'USD bn' (x6.9, 2020 annual-average FX rate)")
    (None, True)
    >>> conversion_of(None)
    (None, False)
    """
    if not isinstance(note, str) or (match := _UNIT_CONVERSION.search(note)) is None:
        return None, False
    return (match.group(0) if fx_label(note) is None else None), True


def conversion_labels(
    years: Iterable[Any], notes: Iterable[Any], *, n_rows: int | None = None
) -> tuple[str, ...]:
    """The unit conversions (not between currencies: :func:`fx_label`) that a reader noted
    on the rows of one series, each with its years in order: "converted from 'GW' (x1000):
    2020, 2021". A series read with rows in MW and in GW is converted to one of them; its
    forecast says which years were read in the other (the factor, and for racks <-> power
    the kW per rack assumed).

    ``n_rows``: the series' number of rows. A series whose every row was converted, and by
    one factor where no currency changed (all in GW asked in MW; 亿元 and USD bn asked in
    CNY bn, the FX years named by :func:`history_note`), had no row in its unit to mix
    with: no label (a conversion through the kW per rack is always named).

    Examples
    --------
    >>> conversion_labels(
    ...     [2021, 2019, 2020],
    ...     ["converted from 'GW' (x1000)", "", "converted from 'GW' (x1000)"],
    ... )
    ("converted from 'GW' (x1000): 2020, 2021",)
    >>> conversion_labels([2020, 2021], ["converted from 'GW' (x1000)"] * 2, n_rows=2)
    ()
    >>> conversion_labels([2020], ["converted from 'USD bn' (x6.9, 2020 annual-average FX rate)"])
    ()
    """
    found: dict[str, list[int]] = {}
    n_converted = 0  # rows converted at all, between currencies too
    for year, note in sorted(zip(years, notes, strict=True), key=lambda pair: pair[0]):
        text, converted = conversion_of(note)
        n_converted += converted
        if text is not None:
            found.setdefault(text, []).append(int(year))
    if len(found) == 1 and n_converted == n_rows and "kW per" not in next(iter(found)):
        return ()
    return tuple(f"{text}: {', '.join(map(str, ys))}" for text, ys in found.items())


_BOUND_WORDS = {"at_least": "at least", "at_most": "at most"}


def bound_label(year: Any, qualifier: Any) -> str | None:
    """The label of a year whose value was published as a bound ("超过520万", "more than
    1 million": qualifier ``at_least`` or ``at_most``), else None; "approximately" and
    "exact" are values, not bounds.

    Examples
    --------
    >>> bound_label(2021, "at_least"), bound_label(2022.0, "at most"), bound_label(2023, "exact")
    ('2021 (at least)', '2022 (at most)', None)
    """
    if not isinstance(qualifier, str):
        return None
    words = _BOUND_WORDS.get(qualifier.strip().lower().replace(" ", "_"))
    return None if words is None else f"{int(year)} ({words})"


def bound_years(labels: Iterable[str]) -> dict[int, str]:
    """The qualifier (``at_least`` / ``at_most``) of each year labelled by
    :func:`bound_label`: what a backtest needs to score a bound actual as a bound.

    Examples
    --------
    >>> bound_years(["2021 (at least)", "2023 (at most)"])
    {2021: 'at_least', 2023: 'at_most'}
    """
    qualifiers = {words: qualifier for qualifier, words in _BOUND_WORDS.items()}
    found = {}
    for label in labels:
        year, _, words = label.partition(" (")
        found[int(year)] = qualifiers[words.rstrip(")")]
    return found


def history_note(
    estimates: Iterable[str],
    fx_years: Iterable[str],
    unpublished: Iterable[str] = (),
    bounds: Iterable[str] = (),
    conversions: Iterable[str] = (),
) -> str:
    """The note of a forecast whose history holds estimates read as data, values converted
    between currencies at each year's FX rate, years marked as not published, or values
    published as bounds and fitted as if exact ("" when it holds none of them).

    ``unpublished`` labels each year whose value cell of an in-memory frame was marked as
    not published ("n/a", "—": :func:`is_not_published`) and so read as a gap, with the mark
    as written: ``"2018 ('n/a')"``. ``conversions``: :func:`conversion_labels`, values a
    reader converted from another unit of their series, each with its years.

    Examples
    --------
    >>> history_note(["2022E"], ["2019", "2020"])
    "estimates read as data: 2022E; history converted between currencies at each year's FX rate (2019, 2020): its growth includes exchange-rate moves"
    >>> history_note([], [], ["2018 ('n/a')", "2020 ('—')"])
    "years marked as not published, read as gaps: 2018 ('n/a'), 2020 ('—')"
    >>> history_note([], [], ["2018 ('暂无')"])
    "year marked as not published, read as a gap: 2018 ('暂无')"
    >>> history_note([], [], [], ["2021 (at least)"])
    'value published as a bound, fitted as that number, never scored by the interval calibration: 2021 (at least)'
    >>> history_note([], [], conversions=["converted from 'GW' (x1000): 2020"])
    "converted from 'GW' (x1000): 2020"
    >>> history_note([], [])
    ''
    """  # noqa: E501
    parts = []
    if labels := list(estimates):
        parts.append(kept_estimates_note(labels))
    if years := list(fx_years):
        parts.append(
            "history converted between currencies at each year's FX rate "
            f"({_fx_years_text(years)}): its growth includes exchange-rate moves"
        )
    if marked := list(unpublished):
        what = "year marked as not published, read as a gap"
        if len(marked) > 1:
            what = "years marked as not published, read as gaps"
        parts.append(f"{what}: {', '.join(marked)}")
    if bounded := list(bounds):
        # c2ba734: the interval calibration leaves them out (they were scored as exact)
        what = (
            "value published as a bound, fitted as that number, never scored by the "
            "interval calibration"
        )
        if len(bounded) > 1:
            what = (
                "values published as bounds, fitted as those numbers, never scored by the "
                "interval calibration"
            )
        parts.append(f"{what}: {', '.join(bounded)}")
    parts.extend(conversions)
    return "; ".join(parts)


def kept_estimates_note(labels: Iterable[str]) -> str:
    """The note of a forecast whose history holds estimates read as data, naming them.

    Examples
    --------
    >>> kept_estimates_note(["2022E", "2023F"])
    'estimates read as data: 2022E, 2023F'
    """
    return f"estimates read as data: {', '.join(labels)}"
