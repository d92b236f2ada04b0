"""Chinese numerals as digits, character for character (so that offsets in a text stay).

One numeral before a magnitude word or 成 is its digit ("五百亿元" -> "5百亿元", "两千亿元" ->
"2千亿元", "三成" -> "3成"). A compound numeral is its value in digits before the magnitude
word written first, else the one it ends in, else the shortest one that lets the digits fit
its characters, zeros before them to its length: "三亿五千万元" -> "03.5亿元", "三千五百亿元"
-> "3500亿元", "一百二十万台" -> "0120万台", "百分之二十七点八" -> "百分之027.8"; a share
whose digits do not fit is all digits ("百分之百" -> "100%", "百分之十点五" -> "010.5%");
a year digit by digit is its digits ("二〇二三年" -> "2023年"). Spoken short forms whose
digits take more characters ("一万五" 1.5万, "十几亿" 10多亿) stay as written here;
:func:`spoken_numerals` writes them for the parser. Numerals that are no number are
left as written: a name or a plan ("十四五", "十三五"), an idiom ("一成不变", "九成九"), a
lone digit ("一个"), a magnitude word alone ("千万"), and a numeral whose digits do not fit
("十亿": the parser reads a leading 十 as ten itself).
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["CJK_NUMERAL", "SPOKEN_NUMERAL", "arabic_numerals", "chinese_number", "spoken_numerals"]

_DIGITS = {"一": "1", "二": "2", "两": "2", "兩": "2", "三": "3", "四": "4", "五": "5"}
_DIGITS |= {"六": "6", "七": "7", "八": "8", "九": "9"}
_ZEROS = "〇零"
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
_NUMERAL_CHARS = "〇零一二两兩三四五六七八九十百千万萬亿億"
# the registry's Chinese magnitude words: a numeral's digits go before one of these
_MAGNITUDES = {
    "千": 10**3, "万": 10**4, "萬": 10**4, "十万": 10**5, "十萬": 10**5, "百万": 10**6,
    "百萬": 10**6, "千万": 10**7, "千萬": 10**7, "亿": 10**8, "億": 10**8, "十亿": 10**9,
    "十億": 10**9, "百亿": 10**10, "百億": 10**10, "千亿": 10**11, "千億": 10**11,
    "万亿": 10**12, "萬億": 10**12,
}  # fmt: skip
_MAGNITUDE_WORD = "|".join(sorted(_MAGNITUDES, key=len, reverse=True))
# words that begin with 成 (成本 cost, 成功 success, 成立 founded...): no tenths; nor is a
# numeral after 成 ("九成九", 99%)
_CHENG_WORDS = "不变|不變|本|功|立|长|長|交|员|員|果|熟|都|绩|績|型|品|就|效"
_ONE_NUMERAL = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.点])[一二两兩三四五六七八九]"
    rf"(?=(?:{_MAGNITUDE_WORD})(?![{_NUMERAL_CHARS}])|成(?!{_CHENG_WORDS}|[{_NUMERAL_CHARS}]))"
)
# a run of numerals, with a decimal point between two of them ("二十七点八")
_COMPOUND = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.点])[{_NUMERAL_CHARS}](?:[{_NUMERAL_CHARS}]|点(?=[{_NUMERAL_CHARS}]))*"
)
_UNIT_OR_POINT = re.compile("[十百千万萬亿億点]")
_LARGE_TAIL = re.compile("[万萬亿億]+$")
_LARGE_RUN = re.compile("[万萬亿億]+")
CJK_NUMERAL = re.compile(rf"[{_NUMERAL_CHARS}]")
# a year written digit by digit ("二〇二三年"): its digits, so that it is a year
_YEAR = re.compile(rf"(?<![{_NUMERAL_CHARS}\d.点])[〇零一二三四五六七八九]{{4}}(?=\s*年)")


def _digit(char: str) -> int | None:
    return 0 if char in _ZEROS else int(_DIGITS[char]) if char in _DIGITS else None


def _section(chars: str) -> int | None:
    """The value of a numeral below 万 ("三千五百" 3500, "十二" 12, "一千零五" 1005,
    spoken "三千五" 3500), or None when it is no number ("十四五", "三三", "百千")."""
    value, digit, unit_above, zero = 0, None, 10**4, False
    for i, char in enumerate(chars):
        if char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if unit >= unit_above or (digit is None and not (char == "十" and i == 0)):
                return None  # "百千", "二十百"; only a first 十 stands alone ("十二")
            value += (1 if digit is None else digit) * unit
            digit, unit_above, zero = None, unit, False
        elif (d := _digit(char)) is None or digit is not None:
            return None  # two digits in a row: a name ("十四五"), not a number
        elif d == 0:
            zero = True  # "一千零五": the 零 holds an empty place
        else:
            digit = d
    if digit is not None:
        # "三千五" (spoken) is 3500: a digit right after 百 or 千 counts the unit below
        value += digit * (unit_above // 10 if 10 < unit_above < 10**4 and not zero else 1)
    return value


_DECIMALS = re.compile(r"(?P<digits>[〇零一二两兩三四五六七八九]+)(?P<magnitude>[万萬亿億]*)")


def chinese_number(numeral: str) -> Decimal | None:
    """The value of a Chinese numeral ("三千五百亿" 3.5e11, "二十七点八" 27.8, "一点五亿"
    1.5e8, "一万五" 15000), or None when it is no number ("十四五", "千万", "万一").

    Examples
    --------
    >>> [chinese_number(n) for n in ("三千五百亿", "二十七点八", "一万五", "十四五")]
    [Decimal('350000000000'), Decimal('27.8'), Decimal('15000'), None]
    """
    whole, point, decimals = numeral.partition("点")
    if point:
        fraction = _DECIMALS.fullmatch(decimals)
        if fraction is None or any(c in _LARGE_UNITS for c in whole):
            return None  # "一万点五": no number
        before = _section(whole)
        if before is None:
            return None
        digits = "".join(str(_digit(c)) for c in fraction["digits"])
        number = Decimal(f"{before}.{digits}")
        for char in fraction["magnitude"]:
            number *= _LARGE_UNITS[char]
        return number
    total, section, large_before = 0, "", 0
    for char in whole:
        if char not in _LARGE_UNITS:
            section += char
            continue
        unit = _LARGE_UNITS[char]
        if not section:
            if not (large_before == 10**4 and unit == 10**8):
                return None  # "万一", "亿万"; only "万亿" joins two magnitude words
            total *= unit
        else:
            value = _section(section)
            if value is None or (large_before and unit >= large_before):
                return None  # "三万四万"
            total = (total + value) * unit if unit == 10**8 else total + value * unit
        section, large_before = "", unit
    if section:
        if large_before and len(section) == 1 and _digit(section):
            total += int(_digit(section) or 0) * large_before // 10  # "一万五", "三亿五"
        elif (value := _section(section)) is None:
            return None
        else:
            total += value
    if not any(_digit(c) for c in whole) and not whole.startswith("十"):
        return None  # "千万", "亿": magnitude words, no number
    return Decimal(total)


def _in_digits(numeral: str, share: bool = False) -> str:
    """``numeral`` as its digits before the magnitude word it ends in, else before its
    shortest fitting one, with zeros before them to the length of ``numeral`` ("一百二十万"
    -> "0120万"); the numeral itself when it is no number or its digits do not fit. A
    lone digit is a number only as a ``share`` (after 百分之). A unit's first character
    after the number stays ("两千七百亿千瓦时": the 千 is kW's). Where no magnitude word
    lets the digits fit, 十 or 百 ends them ("两百兆瓦" -> "2百兆瓦", "两百多亿" -> "2百多亿"),
    which the parser multiplies out ("200兆瓦", "200多亿")."""
    kept = numeral
    while (value := chinese_number(kept)) is None and len(kept) > 1 and kept[-1] in _UNITS:
        kept = kept[:-1]
    if value is None or (_UNIT_OR_POINT.search(kept) is None and not (share and len(kept) == 1)):
        return numeral  # a lone digit is a word's ("一个", "三心二意"), but "百分之五" is 5%
    # the magnitude word written first ("三亿五千万" is 3.5亿, not 35千万; "一千二百三十四万"
    # is 1234万, not 12340000), then the one it ends in, then the shortest that fits
    words = []
    if (first := _LARGE_RUN.search(kept)) and first.end() < len(kept):
        words.append(first[0])
    if tail := _LARGE_TAIL.search(kept):
        words.append(tail[0])
    words += [kept[len(kept) - size :] if size else "" for size in range(len(kept))]
    for word in words:
        factor = _MAGNITUDES.get(word) or _SMALL_UNITS.get(word)
        if word and factor is None:
            continue
        digits = value / factor if factor else value
        written = format(digits.normalize(), "f")
        if len(written) + len(word) <= len(kept):
            return written.rjust(len(kept) - len(word), "0") + word + numeral[len(kept) :]
    return numeral


_UNITS = "十百千万萬亿億"


# a share whose digits do not fit in its numeral's place ("百分之十", "百分之百", "百分之十点五",
# "百分之十几" ten-odd): the whole as digits and "%" ("010%", "100%", "010.5%", "010多%"), as
# many characters as written
_PER_CENT = re.compile(
    rf"百分之([{_NUMERAL_CHARS}](?:[{_NUMERAL_CHARS}]|点(?=[{_NUMERAL_CHARS}]))*)([几幾多余])?"
)


# "百分之百" as an adverb or of a feeling ("我百分之百确定" I'm 100% sure, "百分之百地支持",
# "有百分之百的把握"): an idiom, no share of anything; "百分之百的股权" (all the equity),
# "达到百分之百" stay 100%
_WHOLLY = re.compile(
    "地|的?(?:把握|信心|诚意|誠意|努力|热情|熱情|真心|决心|決心|投入)"
    "|确定|確定|肯定|相信|确信|確信|支持|同意|赞同|贊同|满意|滿意|放心|保证|保證|信任|愿意|願意"
    "|是|会|會|能|要|不|没|沒|有把握|正确|正確|可靠|真实|真實|纯|純"
)


def _per_cent(match: re.Match[str]) -> str:
    numeral, odd = match[1], match[2] or ""
    if numeral == "百" and _WHOLLY.match(match.string, match.end()):
        return match[0]  # "我百分之百确定": an idiom, as written (no figure)
    if _in_digits(numeral, share=True) != numeral:
        return match[0]  # "百分之三十" -> "百分之30", below
    value = Decimal(100) if numeral == "百" else chinese_number(numeral)
    written = "" if value is None else format(value.normalize(), "f") + ("多" if odd else "")
    if not written or len(written) + 1 > len(match[0]):
        return match[0]
    return written.rjust(len(match[0]) - 1, "0") + "%"


# numerals whose digits take more characters than they do, which only the parser reads
# (see :func:`spoken_numerals`; find_figures finds them by this pattern): spoken "一万五"
# (1.5万), "三亿五" (3.5亿), and "十几亿" (ten-odd 亿)
SPOKEN_NUMERAL = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.点数數几幾])(?:"
    rf"[一二两兩三四五六七八九][万萬亿億][一二两兩三四五六七八九](?![{_NUMERAL_CHARS}点])"
    r"|十[几幾余餘多](?=[千万萬亿億])"
    rf"|[一二两兩三四五六七八][二两兩三四五六七八九](?=[十百千万萬亿億]|成(?!{_CHENG_WORDS})))"
)
# two neighbouring digits before a magnitude or 成: a range ("两三千亿" 2千亿 to 3千亿, "五六十亿"
# 50亿 to 60亿, "三四亿" 3亿 to 4亿, "一两千亿" 1千亿 to 2千亿, "七八成" 7 to 8 tenths); so is
# "三五" (three to five) before a magnitude ("三五千亿" 3千亿 to 5千亿)
_NEIGHBOURS = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.点数數几幾])([一二两兩三四五六七八])([二两兩三四五六七八九])"
    rf"([十百千]?)(?=[万萬亿億]|(?<=[十百千])(?![{_NUMERAL_CHARS}])"
    rf"|(?<![十百千])成(?!{_CHENG_WORDS}|[{_NUMERAL_CHARS}]))"
)


def _neighbours(match: re.Match[str]) -> str:
    low, high = int(_DIGITS[match[1]]), int(_DIGITS[match[2]])
    tenths = match.string.startswith("成", match.end())
    if not (high == low + 1 or ((low, high) == (3, 5) and not tenths)):
        return match[0]  # names ("四六") are not read, nor "三五成群" (in small groups)
    small = _SMALL_UNITS.get(match[3], 1)
    return f"{low * small}-{high * small}"


_SPOKEN_DIGIT = re.compile(
    rf"(?<![{_NUMERAL_CHARS}\d.点])([一二两兩三四五六七八九])([万萬亿億])"
    rf"([一二两兩三四五六七八九])(?![{_NUMERAL_CHARS}点])"
)
# "十几亿", "二十几万" (as "20几万" after :func:`arabic_numerals`): ten-odd, twenty-odd; "十余万",
# "十多亿" (ten-odd too: 余 and 多 after the digits say so once 十 is "10")
_TENS_ODD = re.compile(rf"(?<![{_NUMERAL_CHARS}\d.点数數几幾])(十|[1-9]\d*0)[几幾]")
_TEN_AND_MORE = re.compile(rf"(?<![{_NUMERAL_CHARS}\d.点数數几幾])十(?=[余餘多][千万萬亿億])")


def spoken_numerals(text: str) -> str:
    """``text`` with spoken short numerals in digits, for the parser (lengths change):
    "一万五" (one 万 and five thousand) is "1.5万", "三亿五" "3.5亿"; "十几亿" (ten-odd 亿)
    is "10多亿" and "20几万" "20多万": more than ten, more than twenty; "十余万" is "10余万".

    Examples
    --------
    Two neighbouring digits are a range: "两三千亿元" is "2000-3000亿元", "五六十亿" "50-60亿",
    "七八成" "7-8成"; so is "三五" before a magnitude ("三五千亿" "3000-5000亿").

    >>> spoken_numerals("一万五，三亿五，十几亿元，20几万台，一万五千，几十亿，十余万架")
    '1.5万，3.5亿，10多亿元，20多万台，一万五千，几十亿，10余万架'
    >>> spoken_numerals("两三千亿元，五六十亿，三四亿，七八百台，三五成群，七八成，三五千亿")
    '2000-3000亿元，50-60亿，3-4亿，700-800台，三五成群，7-8成，3000-5000亿'
    """
    if "几" in text or "幾" in text:
        text = _TENS_ODD.sub(lambda m: ("10" if m[1] == "十" else m[1]) + "多", text)
    if "十" in text:
        text = _TEN_AND_MORE.sub("10", text)
    text = _NEIGHBOURS.sub(_neighbours, text)
    return _SPOKEN_DIGIT.sub(lambda m: f"{_DIGITS[m[1]]}.{_DIGITS[m[3]]}{m[2]}", text)


def arabic_numerals(text: str) -> str:
    """``text`` with its Chinese numerals as digits ("两千亿元" -> "2千亿元", "三成" ->
    "3成", "三千五百亿元" -> "3500亿元"); the same length, other text as it is.

    Examples
    --------
    >>> arabic_numerals("五百亿元，三成，十四五，三千五百亿元，百分之三十，一百二十万台")
    '5百亿元，3成，十四五，3500亿元，百分之30，0120万台'
    >>> arabic_numerals("二〇二三年，两千七百亿千瓦时，三亿五千万元，百分之百")
    '2023年，2700亿千瓦时，03.5亿元，100%'
    """
    if text.isascii() or CJK_NUMERAL.search(text) is None:
        return text
    if "年" in text:
        text = _YEAR.sub(lambda m: "".join(str(_digit(c)) for c in m[0]), text)
    if "百分之" in text:
        text = _PER_CENT.sub(_per_cent, text)
    text = _ONE_NUMERAL.sub(lambda m: _DIGITS[m[0]], text)
    return _COMPOUND.sub(lambda m: _in_digits(m[0], text.endswith("百分之", 0, m.start())), text)
