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
from idcforecast._text_places import (
    PlaceAt,
    Search,
    file_places,
    first_word,
    joined_places,
    quoted_place_text,
)

__all__ = [
    "SIGNS",
    "check_file_yen_signs",
    "check_yen_signs",
    "signs_in_file",
]

# a "¥" (or the full-width "￥") that no letters name: "CN¥", "RMB¥", "JP¥" say which it is
# (the sign first, so that a search skips to it; the letter before it looked back at)
_BARE_SIGN = re.compile(r"[¥￥](?<![A-Za-z].)")
SIGNS = ("¥", "￥")
# the words of idcforecast._figure_currency's _JAPAN and _CHINA (and 亿, simplified Chinese
# where Japanese writes 億: a "¥亿" table is a mainland one), split into those that start
# with their characters, searched fast, and Latin words with their boundaries, searched
# only when their text is there: one pattern of them all took seconds to find nothing in
# a large file
_JAPAN: tuple[Search, ...] = (
    (re.compile(r"[\u3040-\u30ff]"), None),  # kana: Japanese only
    (re.compile("円|日元|日圓|日币|日幣|日本"), "円日"),
    (
        re.compile(
            r"\bJPY\b|\b[Yy]en\b|\bJapan(?:ese)?\b|\bTokyo\b|\bOsaka\b"
            r"|\b(?:NTT|KDDI|SoftBank|Fujitsu|Hitachi|NEC|Sakura\s+Internet|IIJ|Rakuten)\b"
        ),
        re.compile(
            "JPY|Yen|yen|Japan|Tokyo|Osaka|NTT|KDDI|SoftBank|Fujitsu|Hitachi|NEC|Sakura|IIJ|Rakuten"
        ),
    ),
)
_CHINA: tuple[Search, ...] = (
    (re.compile(r"人民币|人民幣|元(?<![日美欧歐港澳加新台]元)|中国|中國|亿"), "人元中亿"),
    (
        re.compile(
            r"\bRMB\b|\bCNY\b|\b[Yy]uan\b|\b[Rr]enminbi\b|\bChina\b|\bChinese\b"
            r"|\bBeijing\b|\bShanghai\b"
            r"|\b(?:Alibaba|Tencent|Baidu|Huawei|GDS|Chindata|ByteDance)\b"
        ),
        re.compile(
            "RMB|CNY|uan|enminbi|Chin|Beijing|Shanghai|Alibaba|Tencent|Baidu|Huawei|GDS|ByteDance"
        ),
    ),
)


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


def check_yen_signs(texts: Iterable[tuple[str, str]], name: str) -> None:
    """Check the bare "¥" of a table's ``texts`` (``(place, text)`` pairs: a sheet's header
    and cells, its name and the file's) before they are read as yuan.

    Raises a :class:`~idcforecast.errors.UnitError` naming the sign's place and the
    Japanese word when the texts name Japan (a "¥" there may be yen: a 20x error either
    way); warns with :class:`~idcforecast.errors.AssumedCurrencyWarning` when they name
    neither China nor Japan. Nothing when they name China or its currency alone, or hold
    no bare "¥"."""
    _check(*joined_places(texts), name)


def check_file_yen_signs(text: str, name: str) -> None:
    """:func:`check_yen_signs` of a text file: its name and its ``text``, searched whole
    (a 500,000-line file in a fraction of a second, where a search per line took 10 s),
    a place named by its line ("line 4")."""
    _check(*file_places(text, name), name)


def _check(joined: str, place_at: PlaceAt, name: str) -> None:
    """The check of :func:`check_yen_signs` on the ``joined`` texts, ``place_at`` an
    offset's ``(place, text)``."""
    sign = _BARE_SIGN.search(joined)
    if sign is None:
        return
    place, text = place_at(sign.start())
    where = f"{place}{quoted_place_text(text)}"
    count = sum(joined.count(s) for s in SIGNS)  # "JP¥" too, if any: a count said
    more = f" and {count - 1} more" if count > 1 else ""
    japan = first_word(joined, *_JAPAN)
    from idcforecast.errors import AssumedCurrencyWarning, UnitError

    if japan is not None:
        japan_place, japan_text = place_at(japan[0])
        raise UnitError(
            f"{name}: '¥' at {where}{more} reads as yuan (CNY) but the file names Japan "
            f"({japan[1]!r} at {japan_place}{quoted_place_text(japan_text, japan[1])}), "
            "where '¥' is yen, about a twentieth of a yuan; "
            "expected the currency's code: write 'JPY' (or 'CNY') in place of '¥', e.g. "
            "'JPY bn', 'JPY 100m' for ¥億",
            source=name,
            place=place,
        )
    if first_word(joined, *_CHINA) is not None:
        return
    warnings.warn(
        f"{name}: '¥' at {where}{more} read as yuan (CNY), assumed: the file names neither "
        "China nor Japan, and '¥' is also the yen (a twentieth of a yuan); write 'CNY' or "
        "'JPY' in place of '¥' to say which and silence this note",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )
