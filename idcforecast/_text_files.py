"""Text files (CSV, TXT, TOML): the codec to open them with, and the shape of a CSV.

An ``encoding`` is checked (:func:`check_encoding`) and opened (:func:`text_codec`: UTF-8
also drops a byte-order mark); a file that is not that text is a typed error naming the
encoding to pass (:func:`decode_error`). A CSV's separator is detected
(:func:`detect_separator`) and its first line longer than the header found
(:func:`first_ragged_line`), for the messages of :mod:`idcforecast._table_files` and
:mod:`idcforecast._claim_files`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Any

from idcforecast.errors import DataError

__all__ = [
    "SEPARATORS",
    "check_encoding",
    "decode_error",
    "detect_separator",
    "excel_sep_line",
    "first_ragged_line",
    "legacy_as_utf8_error",
    "not_utf8_error",
    "text_codec",
]

SEPARATORS = (",", ";", "\t", "|")


def check_encoding(encoding: Any, *, caller: str) -> None:
    """A typed error when ``encoding`` names no text codec (``caller`` names the function
    the user called).

    Raises
    ------
    DataError
        Naming the value and the usual encodings of spreadsheet exports.

    Examples
    --------
    >>> check_encoding("gb18030", caller="read_series")
    >>> check_encoding("gbk18030", caller="read_claims")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: read_claims: encoding='gbk18030' is not a text encoding; ...
    """
    import codecs

    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise DataError(
            f"{caller}: encoding={encoding!r} is not a text encoding; expected a name such as "
            "'utf-8' (the default), 'gb18030' (a CSV saved by Excel on Chinese Windows) or "
            "'cp1252' (Western Windows)",
            encoding=repr(encoding),
        ) from None


def text_codec(encoding: str) -> str:
    """The codec to open a text file with: UTF-8 also drops a byte-order mark (Excel writes
    one).

    Examples
    --------
    >>> text_codec("UTF8"), text_codec("GBK")
    ('utf-8-sig', 'gbk')
    """
    import codecs

    name = codecs.lookup(encoding).name
    return "utf-8-sig" if name in ("utf-8", "utf-8-sig") else name


def file_encoding(path: Path, encoding: str) -> str:
    """The encoding to read ``path`` with: ``encoding``, except that a file starting with a
    UTF-16 or UTF-32 byte-order mark, or with ASCII text in UTF-16 without the mark, is
    read as such when ``encoding`` is UTF-8 (the default).

    Excel's "Unicode Text" export is UTF-16 with a byte-order mark, which no UTF-8 file
    starts with, so it needs no ``encoding=``. An explicit legacy encoding is kept (its
    decoding error then names the byte-order mark).

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "unicode.txt"
    >>> _ = path.write_bytes("year,value".encode("utf-16"))
    >>> file_encoding(path, "utf-8"), file_encoding(path, "gb18030")
    ('utf-16', 'gb18030')
    >>> _ = path.write_bytes("year,value".encode("utf-16-le"))
    >>> file_encoding(path, "utf-8")
    'utf-16-le'
    """
    if text_codec(encoding) != "utf-8-sig":
        return encoding
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except OSError:
        return encoding
    if start.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    # UTF-16 without its mark (written by programs, not Excel): a NUL byte beside each
    # ASCII character, which no UTF-8 text holds ("y\0e\0a\0r\0" was read as a header)
    if len(start) == 4 and start[1] == start[3] == 0 and start[0] and start[2]:
        return "utf-16-le"
    if len(start) == 4 and start[0] == start[2] == 0 and start[1] and start[3]:
        return "utf-16-be"
    return encoding


def decode_error(name: str, path: Path, encoding: str, err: UnicodeDecodeError) -> DataError:
    """The typed error for a file at ``path`` that is not ``encoding`` text: where the
    first undecodable byte is, and the encoding to pass instead.

    ``name`` starts the message (the file as the user knows it).

    Examples
    --------
    >>> err = UnicodeDecodeError("utf-8", b"\\xd6\\xd0", 0, 1, "invalid continuation byte")
    >>> print(decode_error("gbk.csv", Path("gbk.csv"), "utf-8", err))  # doctest: +ELLIPSIS
    gbk.csv: the file is not utf-8 text (invalid continuation byte at byte 0); pass encoding=...
    """
    guess = _east_asian_legacy(path) if text_codec(encoding) == "utf-8-sig" else None
    fix = (
        f"it reads as {guess[1]}: pass encoding={guess[0]!r} (--encoding {guess[0]}), or save "
        "it as 'CSV UTF-8'"
        if guess is not None
        else "pass encoding='gb18030' (--encoding gb18030) for a CSV saved by Excel on Chinese "
        "Windows (GBK), encoding='cp932' for Japanese Windows (Shift-JIS), encoding='cp949' "
        "for Korean, encoding='cp1252' for Western Windows, or save it as 'CSV UTF-8'"
        if text_codec(encoding) == "utf-8-sig"
        else "check the encoding the file was saved in (encoding=, --encoding)"
    )
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
    except OSError:
        start = b""
    if start.startswith(b"PK\x03\x04"):  # a zip: an .xlsx workbook under a text name
        return DataError(
            f"{name}: the file is an Excel workbook (zip), not CSV text; rename it to .xlsx "
            "(or save it from Excel as 'CSV UTF-8')",
            path=str(path),
        )
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode Text" export
        fix = (
            "it is UTF-16 text (Excel's 'Unicode Text'); pass encoding='utf-16' (--encoding utf-16)"
        )
    return DataError(
        f"{name}: the file is not {encoding} text ({err.reason} at byte {err.start}); {fix}",
        path=str(path),
        encoding=encoding,
    )


# how much of a file is read to tell UTF-8 text from a legacy encoding's
_SNIFF_BYTES = 1 << 20
# (encoding, what it is, the letters only its text has, letters its text lacks): Japanese
# kana; Korean hangul without hanzi (GBK text read as cp949 gives hangul mixed with hanja);
# GB18030 decodes any bytes, so it is not tried
_EAST_ASIAN = (
    ("cp932", "Japanese Windows text (Shift-JIS)", re.compile(r"[\u3040-\u30ff]{2}"), None),
    (
        "cp949",
        "Korean Windows text",
        re.compile(r"[\uac00-\ud7a3]{2}"),
        re.compile(r"[\u4e00-\u9fff]"),
    ),
)


def _east_asian_legacy(path: Path) -> tuple[str, str] | None:
    """``(encoding, what it is)`` when the start of the file decodes without error as
    Japanese or Korean Windows text and holds kana or hangul, which GB18030 (the fix for
    Chinese files) would read as wrong hanzi with no error; else None."""
    try:
        with open(path, "rb") as handle:
            start = handle.read(_SNIFF_BYTES)
    except OSError:
        return None
    for codec, what, letters, lacks in _EAST_ASIAN:
        try:
            text = codecs.getincrementaldecoder(codec)().decode(start, final=False)
        except UnicodeDecodeError:
            continue
        if letters.search(text) and (lacks is None or not lacks.search(text)):
            return codec, what
    return None


def not_utf8_error(name: str, path: Path, encoding: str) -> DataError | None:
    """A DataError when a file read with a legacy encoding (``gb18030``, ``cp1252``...) is
    UTF-8 text with characters beyond ASCII, else None.

    Any byte sequence decodes as GB18030 (and as cp1252, nearly): UTF-8 text read so gives
    wrong characters without an error ("亿元" as "浜垮厓"), in sources, series names
    and units, while text in those encodings is almost never valid UTF-8.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "u.csv"
    >>> _ = path.write_bytes("year,value\\n2019,1562.5亿元\\n".encode())
    >>> print(not_utf8_error("u.csv", path, "gb18030"))  # doctest: +NORMALIZE_WHITESPACE
    u.csv: the file is UTF-8 text, not gb18030 (read as gb18030, '亿元' would be '浜垮厓');
    drop encoding= (--encoding): UTF-8 is the default
    >>> not_utf8_error("u.csv", path, "utf-8") is None
    True
    """
    import codecs

    codec = text_codec(encoding)
    if codec.startswith(("utf-8", "utf-16", "utf-32")):
        return None
    try:
        with open(path, "rb") as handle:
            start = handle.read(_SNIFF_BYTES)
    except OSError:
        return None
    if start.isascii():
        return None
    try:  # a prefix may end inside a character: final=False leaves it undecoded
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(start, final=False)
    except UnicodeDecodeError:
        return None
    if _UNLIKELY_IN_UTF8.search(text):
        return None  # valid UTF-8 by chance ("元" in GBK is "Ԫ"): the encoding given holds
    found = re.search(r"[^\x00-\x7f]+", text)
    if found is None:  # ASCII after a UTF-8 byte-order mark, which gb18030 reads as text
        shown = "it starts with a UTF-8 byte-order mark"
    else:
        word = found.group()[:8]
        misread = word.encode("utf-8").decode(codec, errors="replace")
        shown = f"read as {encoding}, {word!r} would be {misread!r}"
    return DataError(
        f"{name}: the file is UTF-8 text, not {encoding} ({shown}); drop encoding= "
        "(--encoding): UTF-8 is the default",
        path=str(path),
        encoding=encoding,
    )


# characters that text in a legacy encoding gives when its bytes happen to be valid UTF-8,
# and that no table of market figures holds: C1 controls, IPA letters and modifiers,
# combining marks, and the scripts after Cyrillic up to U+07FF (GBK's "元", bytes D4 AA,
# is U+052A "Ԫ")
_UNLIKELY_IN_UTF8 = re.compile(r"[\x80-\x9f\u0250-\u036f\u0500-\u07ff]+")
_CJK_TEXT = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def legacy_as_utf8_error(name: str, path: Path, encoding: str) -> DataError | None:
    """A DataError when a file read as UTF-8 (the default) decodes, but into characters no
    such table holds, that GB18030 reads as Chinese: a small GBK file whose bytes happen to
    be valid UTF-8 ("元" alone is), else None.

    Examples
    --------
    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "g.csv"
    >>> _ = path.write_bytes("year,unit\\n2019,元\\n".encode("gbk"))
    >>> print(legacy_as_utf8_error("g.csv", path, "utf-8"))  # doctest: +NORMALIZE_WHITESPACE
    g.csv: read as UTF-8 the file holds 'Ԫ', which no table of figures does; read as gb18030
    it is '元': pass encoding='gb18030' (--encoding gb18030), the encoding of CSV files saved
    by Excel on Chinese Windows
    """
    import codecs

    if text_codec(encoding) != "utf-8-sig":
        return None
    try:
        with open(path, "rb") as handle:
            start = handle.read(_SNIFF_BYTES)
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(start, final=False)
    except (OSError, UnicodeDecodeError):
        return None  # the decoding error is reported where the file is read
    found = _UNLIKELY_IN_UTF8.search(text)
    if found is None:
        return None
    word = found.group()[:8]
    chinese = word.encode("utf-8").decode("gb18030", errors="replace")
    if not _CJK_TEXT.fullmatch(chinese):
        return None
    return DataError(
        f"{name}: read as UTF-8 the file holds {word!r}, which no table of figures does; "
        f"read as gb18030 it is {chinese!r}: pass encoding='gb18030' (--encoding gb18030), "
        "the encoding of CSV files saved by Excel on Chinese Windows",
        path=str(path),
        encoding=encoding,
    )


def excel_sep_line(path: Path, encoding: str = "utf-8") -> str | None:
    r"""The separator a first line ``sep=;`` names, as Excel writes one at the top of a CSV
    so that Excel opens it with that separator, else None.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = path.write_text("sep=;\nyear;value\n2019;1\n")
    >>> excel_sep_line(path)
    ';'
    """
    try:
        with path.open(encoding=text_codec(encoding), newline="") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return None
    found = re.fullmatch(r'"?sep=(.)"?[ \t]*\r?\n?', first, re.IGNORECASE)
    return None if found is None else found.group(1)


def detect_separator(path: Path, header_row: int, encoding: str = "utf-8") -> str:
    """The separator that splits the header into most fields and the lines below alike.

    Up to three trailing lines may split differently (a "Source: ..." note under the table;
    it then reaches the layout reader, which names its row); every other line must split into
    as many fields as the header. ``,`` when no candidate does. Between two that split as
    many fields, the one that leaves no quote mark inside a field wins: in
    ``year;"Market, China";"Market, US"`` over ``2019;156,25;50,1`` both ``,`` and ``;``
    give three fields, but ``,`` splits inside the quotes.
    """
    import csv
    import itertools

    with path.open(encoding=text_codec(encoding), newline="") as handle:
        lines = [
            line for line in itertools.islice(handle, header_row, header_row + 50) if line.strip()
        ]
    best, best_score = ",", (1, 0)
    limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # a long quote or note cell (pandas reads it fine)
    try:
        for candidate in SEPARATORS:
            rows = list(csv.reader(lines, delimiter=candidate))
            counts = [len(row) for row in rows]
            # quote marks left inside fields: the separator split a quoted cell
            stray = sum('"' in field for row in rows for field in row)
            score = (counts[0], -stray) if counts else (0, 0)
            if score > best_score and counts[0] > 1 and _splits_alike(counts):
                best, best_score = candidate, score
    finally:
        csv.field_size_limit(limit)
    return best


def first_ragged_line(
    path: Path, sep: str, header_row: int, encoding: str = "utf-8"
) -> tuple[int, int, int] | None:
    """(file line, its fields, the header's fields) of the first data line that splits into
    more fields than the header, or None."""
    import csv

    try:
        with path.open(encoding=text_codec(encoding), newline="") as handle:
            rows = csv.reader(handle, delimiter=sep)
            width = 0
            for fields in rows:
                if rows.line_num <= header_row or not fields:
                    continue  # the lines header_row skips, and blank lines
                if not width:
                    width = len(fields)
                elif len(fields) > width:
                    return rows.line_num, len(fields), width
    except (csv.Error, UnicodeDecodeError):
        return None
    return None


def _splits_alike(counts: list[int]) -> bool:
    """Header width ``counts[0]`` shared by every line but at most three trailing ones."""
    width, body = counts[0], counts[1:]
    tail = 0
    while tail < min(3, len(body)) and body[-1 - tail] != width:
        tail += 1
    core = body[: len(body) - tail]
    return bool(core) and all(c == width for c in core)
