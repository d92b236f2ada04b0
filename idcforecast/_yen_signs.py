"""Which currency a table's bare "¥" is. The unit registry reads "¥bn", "¥1,562" and
"(￥亿)" as yuan (CNY), as Chinese sources mean them; a Japanese source's "¥" is yen, worth
about a twentieth of a yuan. A table file is read with "¥" as yuan when nothing in it names
Japan; one that names Japan (円, JPY, yen, Japan, kana...) is ambiguous and an error asking
for the currency's code; one that names neither country is read as yuan with an
:class:`~idcforecast.errors.AssumedCurrencyWarning` saying so.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from pathlib import Path

from idcforecast._caller import caller_stacklevel
from idcforecast._figure_currency import _CHINA, _JAPAN

__all__ = ["SIGNS", "check_yen_signs", "file_has_yen_sign", "lines_of", "signs_in_file"]

# a "¥" (or the full-width "￥") that no letters name: "CN¥", "RMB¥", "JP¥" say which it is
_BARE_SIGN = re.compile(r"(?<![A-Za-z])[¥￥]")
SIGNS = ("¥", "￥")
_SIGNS = SIGNS
# simplified Chinese writes 亿 (Japanese 億): a "¥亿" table is a mainland one
_CHINESE_ONLY = re.compile(r"亿")


def file_has_yen_sign(path: Path, codec: str) -> bool:
    """Whether the bytes of ``path`` (a text file in ``codec``) hold a "¥" or "￥" at all."""
    return bool(signs_in_file(path, codec, _SIGNS))


def signs_in_file(path: Path, codec: str, signs: Iterable[str]) -> set[str]:
    """Which of ``signs`` (non-ASCII text: "¥", "億元") the bytes of ``path`` (a text file in
    ``codec``) hold: a cheap search before a file is decoded line by line. Read in 4 MB
    blocks: an ASCII block (most of a large export) is skipped by ``isascii``, without a
    search or a copy (0.1 s on 75 MB, where reading the file whole and searching it twice
    took 1 s)."""
    needles: dict[bytes, str] = {}
    for sign in signs:
        try:  # without the byte-order mark that utf-8-sig and utf-16 put first
            encoded = sign.encode(codec).removeprefix("".encode(codec))
        except (UnicodeEncodeError, LookupError):
            continue
        if not encoded.isascii():  # Shift-JIS writes "¥" as "\\": no sign to tell
            needles[encoded] = sign
    found: set[str] = set()
    if not needles:
        return found
    block = bytearray(1 << 22)
    tail = b""  # the end of the block before, for a sign split between two blocks
    with path.open("rb", buffering=0) as file:
        while count := file.readinto(block):
            data = block if count == len(block) else block[:count]
            if data.isascii():  # every sign's bytes are above 0x7F in these codecs
                tail = b""
                continue
            searched = tail + bytes(data)
            found.update(sign for needle, sign in needles.items() if needle in searched)
            if len(found) == len(set(needles.values())):
                return found
            tail = searched[-8:]
    return found


def lines_of(path: Path, codec: str) -> list[tuple[str, str]]:
    """The lines of a text file as ``(place, text)`` pairs, "line N" counted from 1."""
    text = path.read_text(encoding=codec, errors="replace")
    return [(f"line {n}", line) for n, line in enumerate(text.splitlines(), start=1)]


def check_yen_signs(texts: Iterable[tuple[str, str]], name: str) -> None:
    """Check the bare "¥" of a table file's ``texts`` (``(place, text)`` pairs: its lines,
    or its header and cells) before they are read as yuan.

    Raises a :class:`~idcforecast.errors.UnitError` naming the sign's place and the
    Japanese word when the file names Japan (a "¥" there may be yen: a 20x error either
    way); warns with :class:`~idcforecast.errors.AssumedCurrencyWarning` when it names
    neither China nor Japan. Nothing when it names China or its currency alone, or holds
    no bare "¥"."""
    pairs = [(place, text) for place, text in texts if text]
    signs = [(place, text) for place, text in pairs if _BARE_SIGN.search(text)]
    if not signs:
        return
    place, text = signs[0]
    where = f"{place}{_quoted(text)}"
    more = f" and {len(signs) - 1} more" if len(signs) > 1 else ""
    japan = next(((p, m.group(), t) for p, t in pairs if (m := _JAPAN.search(t))), None)
    from idcforecast.errors import AssumedCurrencyWarning, UnitError

    if japan is not None:
        raise UnitError(
            f"{name}: '¥' at {where}{more} reads as yuan (CNY) but the file names Japan "
            f"({japan[1]!r} at {japan[0]}{_quoted(japan[2], japan[1])}), where '¥' is yen, "
            "about a twentieth of a yuan; "
            "expected the currency's code: write 'JPY' (or 'CNY') in place of '¥', e.g. "
            "'JPY bn', 'JPY 100m' for ¥億",
            source=name,
            place=place,
        )
    if any(_CHINA.search(t) or _CHINESE_ONLY.search(t) for _, t in pairs):
        return
    warnings.warn(
        f"{name}: '¥' at {where}{more} read as yuan (CNY), assumed: the file names neither "
        "China nor Japan, and '¥' is also the yen (a twentieth of a yuan); write 'CNY' or "
        "'JPY' in place of '¥' to say which and silence this note",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )


def _quoted(text: str, word: str = "") -> str:
    """`` ('text')`` for a message, cut at 60 characters; empty when it is ``word`` alone."""
    shown = text.strip()
    if shown == word:
        return ""
    return f" ({shown if len(shown) <= 60 else shown[:57] + '...'!r})"
