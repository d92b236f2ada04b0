"""``idcforecast figures [TEXT | --file FILE]``: every figure in an article, with its year."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

NAME = "figures"
HELP = (
    "find the figures in a text (an article, a report page), each read as `parse` reads one, "
    "with the year or period nearest to it in its sentence"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the subcommand's arguments."""
    # neither: the text piped in (`pbpaste | idcforecast figures`), as with --file -
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "text",
        nargs="?",
        metavar="TEXT",
        help="the text itself, quoted (or pipe it in: cat article.txt | idcforecast figures)",
    )
    source.add_argument(
        "--file", metavar="FILE", help="a text file to read instead ('-' for standard input)"
    )
    parser.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help="encoding of --file or of the text piped in (default utf-8; gb18030 for a file "
        "saved on Chinese Windows)",
    )
    parser.add_argument(
        "--source",
        metavar="TEXT",
        default=None,
        help=(
            "where the text is from ('Global Times 2020-07-07'): every row keeps it (default: "
            "the --file path as given; none for TEXT or standard input); a year in it is the "
            "text's date, which dates 'last year', 'this year', '去年', ends 'the last five "
            "years' and starts 'the next five years'"
        ),
    )
    parser.add_argument(
        "--counts",
        action="store_true",
        help="also list bare numbers without a unit ('8 halls'; off: mostly days and ordinals)",
    )
    parser.add_argument(
        "--csv",
        action="store_true",
        help="print every column as CSV (figure, value, unit, ..., sentence, offsets, source)",
    )


def run(args: argparse.Namespace) -> int:
    """Print the figures found in the text; return the exit code."""
    from idcforecast._text_files import check_encoding
    from idcforecast.text_figures import find_figures

    # before any read: an unknown name was a LookupError traceback
    check_encoding(args.encoding, caller="figures")
    if args.text is None and args.file is None:
        text = _piped_text(args)
    else:
        text = args.text if args.file is None else _read_text(args.file, args.encoding)
    if args.file is None:
        _not_a_file_name(text)
    # only --source dates the text ('last year'): a year in a file's name may be anything
    found = find_figures(text, source=args.source, counts=args.counts)
    if args.source is None and _source(args) is not None:
        found["source"] = _source(args)
    if args.csv:
        found.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    print(_figures_text(found))
    return 0


def _source(args: argparse.Namespace) -> str | None:
    """Each row's ``source``: ``--source``, else the ``--file`` path as given. A claims
    file made from ``--csv`` had no source unless the user typed one, so a level matching
    an actual taken from the same article counted as evidence for the claim (check_claims
    tells such matches by the two sources)."""
    if args.source is not None:
        return str(args.source)
    if args.file is not None and args.file != "-":
        return str(args.file)
    return None


def _not_a_file_name(text: str) -> None:
    """A SpecError when TEXT is the name of an existing file: ``figures article.txt`` read
    the eleven letters of the name and found no figures ("no figures found")."""
    name = text.strip()
    if not name or any(ch.isspace() for ch in name) or len(name) > 4096:
        return
    try:
        is_file = Path(name).is_file()
    except (OSError, ValueError):  # not a path this system can test (a NUL, too long)
        return
    if is_file:
        from idcforecast.errors import SpecError

        raise SpecError(
            f"figures: {name!r} is a file; TEXT is the text itself: pass --file {name} to "
            "read the file (or pipe it in)",
            key="text",
        )


def _piped_text(args: argparse.Namespace) -> str:
    """The text piped into the command when neither TEXT nor ``--file`` is given (it was
    the usage error "one of the arguments TEXT --file is required" even with an article
    piped in); at a terminal, or with nothing piped, that usage error still."""
    message = "one of the arguments TEXT --file is required (or pipe the text in)"
    data: bytes | str = b""
    try:
        piped = not sys.stdin.isatty()
        if piped:
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            data = stream.read()
    except (OSError, ValueError):  # no standard input to read (closed, or a test runner's)
        piped = False
    if piped and data.strip():
        if isinstance(data, str):  # a text stream (already decoded)
            return data
        return _decoded(data, "-", args.encoding)
    parser = getattr(args, "_parser", None)
    if parser is not None:
        parser.error(message)  # exits 2 with the command's usage, as argparse did
    from idcforecast.errors import SpecError

    raise SpecError(f"figures: {message}", key="text")


def _decoded(data: bytes, file: str, encoding: str) -> str:
    """``data`` read from ``file`` ('-': standard input) as ``encoding`` text."""
    from idcforecast._text_files import text_codec
    from idcforecast.errors import DataError

    try:
        return data.decode(text_codec(encoding))
    except UnicodeDecodeError:
        what = "figures: standard input is" if file == "-" else f"figures --file {file}:"
        raise DataError(
            f"{what} not {encoding} text; pass --encoding (e.g. gb18030 for a file saved on "
            "Chinese Windows)",
            file=file,
        ) from None
    except LookupError:  # a codec that is no text encoding ('base64')
        raise DataError(
            f"figures: --encoding {encoding} is not a text encoding; expected a name such as "
            "'utf-8' (the default), 'gb18030' (a file saved on Chinese Windows) or 'cp1252' "
            "(Western Windows)",
            encoding=encoding,
        ) from None


def _read_text(file: str, encoding: str) -> str:
    """The text of ``file`` (``-``: standard input's bytes), decoded as ``encoding``."""
    from idcforecast.errors import DataError

    try:
        if file == "-":
            # the bytes, decoded as --encoding (it was ignored: GBK text piped in was read
            # as UTF-8 with the bad bytes escaped, and its figures lost without a word)
            stream = getattr(sys.stdin, "buffer", None)
            if stream is None:  # a text stream (already decoded): nothing to decode
                return sys.stdin.read()
            return _decoded(stream.read(), file, encoding)
        return _decoded(Path(file).read_bytes(), file, encoding)
    except FileNotFoundError:
        raise DataError(
            f"figures --file {file}: no such file; expected a text file (or '-' for standard "
            "input)",
            file=file,
        ) from None
    except IsADirectoryError:  # was "cannot be read (Is a directory)", no way out named
        raise DataError(
            f"figures --file {file}: a folder, not a file; expected a text file (or '-' for "
            "standard input), e.g. one of the folder's .txt files",
            file=file,
        ) from None
    except OSError as err:
        raise DataError(
            f"figures --file {file}: cannot be read ({err.strerror or err})", file=file
        ) from None


def _figures_text(found: pd.DataFrame) -> str:
    """The figures as a table: as written, read, and their year or period."""
    import pandas as pd

    from idcforecast.cli._text import text_table
    from idcforecast.units.quantity import number_text

    if found.empty:
        return "no figures found (bare numbers without a unit are left out: --counts lists them)"
    marks = {"at_least": ">=", "at_most": "<=", "approximately": "~", "exact": ""}
    rows = []
    for row in found.to_dict("records"):
        value = number_text(row["value"])
        if not (pd.isna(row["low"]) or pd.isna(row["high"])):  # a range
            value = f"{number_text(row['low'])} to {number_text(row['high'])}"
        when = row["period"] or ("" if pd.isna(row["year"]) else str(int(row["year"])))
        # a figure wrapped over two lines ("$80\nbillion") on one row, as its sentence is
        figure = " ".join(str(row["figure"]).split())
        rows.append([figure, marks[row["qualifier"]] + value, row["unit"], when])
    table = text_table(["figure", "read as", "unit", "year"], rows, right=[1])
    open_start = any(str(row[3]).startswith("?-") for row in rows)
    open_end = any(str(row[3]).endswith("-?") for row in rows)
    return (
        f"{table}\n\n{len(rows)} figure{'s' if len(rows) != 1 else ''}; 'year' is the year "
        "or period nearest to the figure in its sentence (in its own clause where it can), "
        "not read from the grammar: check each against its sentence (--csv prints them)."
        + (
            " '?-2028': a rate, a change, an amount each year or a total over the years up "
            "to 2028 from a start year the sentence does not write."
            if open_start
            else ""
        )
        + (
            " '2021-?': a total or a change from 2021 ('since 2021') up to the text's date, "
            "which the text does not write."
            if open_end
            else ""
        )
    )
