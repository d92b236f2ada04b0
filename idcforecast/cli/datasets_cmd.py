"""``idcforecast datasets [NAME] [--csv]``: the catalogue, or one dataset's rows."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NAME = "datasets"
HELP = "list the bundled datasets, or print one dataset's rows (NAME)"

# the columns shown for each schema (all columns with --csv)
_SERIES_VIEW = (
    "series_id",
    "year",
    "value",
    "unit",
    "qualifier",
    "derived",
    "confidence",
    "source",
)
_CLAIMS_VIEW = ("claim_id", "made", "subject", "kind", "start_year", "year", "value", "unit",
                "qualifier")  # fmt: skip


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    parser.add_argument("name", nargs="?", metavar="NAME", help="a dataset name to print")
    parser.add_argument(
        "--csv", action="store_true", help="print every column as CSV (for a file or a pipe)"
    )


def run(args: argparse.Namespace) -> int:
    """Print the catalogue, or the rows of dataset ``args.name``."""
    from idcforecast.datasets import list_datasets, load_dataset

    if args.name is None:
        catalogue = list_datasets()
        if args.csv:
            catalogue.to_csv(sys.stdout, index=False, lineterminator="\n")
            return 0
        print(_catalogue_text(catalogue))
        return 0
    frame = load_dataset(args.name)
    if args.csv:
        frame.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(_rows_text(args.name, frame))
    return 0


def _units_cell(units: str, shown: int = 3) -> str:
    """The catalogue's units, the first ``shown`` and a count of the rest (the FX table's
    twelve pairs would widen the whole table).

    Examples
    --------
    >>> _units_cell("CNY/USD, USD/AUD, CAD/USD, CHF/USD, USD/EUR")
    'CNY/USD, USD/AUD, CAD/USD and 2 more'
    >>> _units_cell("TWh, %")
    'TWh, %'
    """
    parts = units.split(", ")
    if len(parts) <= shown + 1:
        return units
    return f"{', '.join(parts[:shown])} and {len(parts) - shown} more"


def _catalogue_text(catalogue: pd.DataFrame) -> str:
    from idcforecast.cli._text import text_table

    rows = [
        [r["name"], r["schema"], r["years"], _units_cell(r["unit"]), r["description"]]
        for r in catalogue.to_dict("records")
    ]
    from idcforecast._paths import data_dir

    table = text_table(["name", "schema", "years", "unit", "description"], rows)
    # the README's path as it is here: data/README.md in a checkout, but
    # idcforecast/_bundled_data/README.md after pip install (data/ is not installed)
    readme = data_dir() / "README.md"
    return (
        f"{table}\n\n{len(rows)} bundled datasets; sources and scopes in {readme}. "
        "Print one with: idcforecast datasets NAME [--csv]"
    )


def _rows_text(name: str, frame: pd.DataFrame) -> str:
    from idcforecast._wording import counted
    from idcforecast.cli._text import exact_number, text_table

    columns = _CLAIMS_VIEW if "claim_id" in frame.columns else _SERIES_VIEW
    rows = []
    for record in frame.to_dict("records"):
        cells = []
        for column in columns:
            cell = record[column]
            if column == "value":
                cells.append(exact_number(cell))
            elif column == "derived":
                cells.append("derived" if cell else "")
            else:
                cells.append("" if _is_na(cell) else str(cell))
        rows.append(cells)
    right = [columns.index("value"), columns.index("year")]
    table = text_table(list(columns), rows, right=right)
    return (
        f"{table}\n\n{counted(len(rows), 'row')} of {name}; every column (quote, as_of, scope, "
        f"note) with: idcforecast datasets {name} --csv"
    )


def _is_na(cell: object) -> bool:
    import pandas as pd

    return cell is None or (not isinstance(cell, str) and bool(pd.isna(cell)))
