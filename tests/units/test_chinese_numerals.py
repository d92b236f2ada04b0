"""Chinese numerals read against an independent writer of them."""

from __future__ import annotations

import random
from decimal import Decimal

from idcforecast.units._chinese_numerals import arabic_numerals, chinese_number

_DIGITS = "零一二三四五六七八九"


def _section(n: int) -> str:
    """1 <= n < 10000 in numerals, a 零 for each run of empty places between digits."""
    out, gap = "", False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            gap = bool(out)
            continue
        out += ("零" if gap else "") + _DIGITS[digit] + char
        gap = False
    return out


def _written(n: int) -> str:
    """0 < n < 1e12 as a newspaper writes it: sections of 亿 and 万, "十二" not "一十二"."""
    out, gap = "", False
    for size, char in ((10**8, "亿"), (10**4, "万"), (1, "")):
        section = n // size % 10**4
        if section == 0:
            gap = bool(out)
            continue
        written = _section(section)
        if out and (gap or section < 1000):
            written = "零" + written  # "一万零五百", "一亿零五"
        out += written + char
        gap = False
    return out[1:] if out.startswith("一十") else out


def test_numerals_read_as_the_numbers_they_write() -> None:
    rng = random.Random(30)
    numbers = list(range(1, 2000)) + [rng.randrange(1, 10**12) for _ in range(3000)]
    for n in numbers:
        assert chinese_number(_written(n)) == Decimal(n), (n, _written(n))


def test_numerals_in_a_text_keep_their_length_and_value() -> None:
    rng = random.Random(31)
    for _ in range(2000):
        n = rng.randrange(11, 10**8)
        text = f"投资{_written(n)}元。"
        digits = arabic_numerals(text)
        assert len(digits) == len(text)
        number = digits[2:-2]
        # the digits, then the magnitude word as written or a registry one (万 1e4, 千 1e3...)
        magnitude = {"": 1, "万": 10**4, "千": 10**3, "千万": 10**7, "十万": 10**5, "百万": 10**6}
        head = number.rstrip("十百千万")
        # text31: with a decimal point before the magnitude word written first ("三万五千"
        # is 3.5万, was 35千)
        if head == number[: len(head)] and head.replace(".", "", 1).isdigit():
            assert Decimal(head) * magnitude[number[len(head) :]] == n, (text, digits)
            if "." in head:  # the word written first: 万, and the digits had no room before
                assert number.endswith("万") and "万" in _written(n)[:-1], (text, digits)
        else:
            assert digits == text  # digits that do not fit ("一百", 100): left as written
