"""Statista's year column: its exports head the years' column "Characteristic" (the
statistic's own name heads the values). Read as the year column when its cells are all
years, with every value's note saying so; a "Characteristic" column holding anything else
(countries, companies) is left as it is, for the error naming ``year_column=``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["HEADER", "years_under_characteristic"]

HEADER = "characteristic"
# a year with a footnote marker ("2020*"), read once the footnotes say what it means
_FOOTNOTED = re.compile(r"\s*\d{4}\s*[*†‡#¹²³]+\s*")


def years_under_characteristic(table: pd.DataFrame, year_column: str) -> tuple[pd.DataFrame, str]:
    """``table`` with its "Characteristic" column named ``year_column`` when the table has no
    such column and every "Characteristic" cell of a row with a value is a year ("2019",
    "2020E", "2021*"; two or more), and the note for every value read ("year from the
    column 'Characteristic'"); else ``table`` and "". Rows with only that cell filled (the
    footnotes under a Statista table, "* Forecast") are not judged."""
    from idcforecast._cells import estimate_year, is_blank, year_label

    if year_column in table.columns:
        return table, ""
    found = [c for c in table.columns if isinstance(c, str) and c.strip().casefold() == HEADER]
    if len(found) != 1 or table.columns.size < 2:
        return table, ""
    column = found[0]
    others = table.drop(columns=[column])
    with_value = ~others.map(is_blank).all(axis=1)
    cells = [c for c in table.loc[with_value, column] if not is_blank(c)]

    def is_year(cell: Any) -> bool:
        return (
            year_label(cell) is not None
            or estimate_year(cell) is not None
            or (isinstance(cell, str) and _FOOTNOTED.fullmatch(cell) is not None)
        )

    if len(cells) < 2 or not all(is_year(c) for c in cells):
        return table, ""
    note = f"year from the column {column.strip()!r} (Statista's year column)"
    return table.rename(columns={column: year_column}), note
