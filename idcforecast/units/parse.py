"""Read figures as written in news, filings and reports into :class:`Quantity` objects.

A figure is ``[QUALIFIER] [GROWTH WORD] [UNIT] NUMBER [- [UNIT] NUMBER] [UNIT] [QUALIFIER]
[(ALTERNATE)]``: "超过520万标准机架", "US$70 billion", "620-1 050 TWh", "同比增长34.6%",
"US$7.11 m per MW", "500 billion yuan ($71.2 billion)". Units, magnitudes, currencies and
rates come from the registry (``units.txt``); the qualifier and growth words are listed
below. Anything left over is an error, never silently dropped.
"""

from __future__ import annotations

import dataclasses
import re

from idcforecast._cells import footnote_numbers
from idcforecast._decimal_commas import continental_decimals, continental_thousands
from idcforecast.errors import IdcForecastError, ParseError, UnknownUnitError
from idcforecast.units._chinese_numerals import CJK_NUMERAL, arabic_numerals, spoken_numerals
from idcforecast.units._compound_magnitudes import compound_magnitudes, japanese_trillions
from idcforecast.units._end_words import EndWords, alternation
from idcforecast.units._equal_parts import multiplied, multiplier
from idcforecast.units._figure_error import figure_error as _fail
from idcforecast.units._figure_words import (
    GROWTH_WORDS,
    INFIX_AT_LEAST,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    TRAILING_GROWTH_WORDS,
)
from idcforecast.units._fractions import VULGAR_FRACTIONS, vulgar_fractions
from idcforecast.units._indian_grouping import indian_grouping
from idcforecast.units._mil import thousand_mil
from idcforecast.units._negatives import NUMBER, accounting_negative
from idcforecast.units._number_words import number_words
from idcforecast.units._parentheses import written_alternate
from idcforecast.units._ratio_before import ratio_named_first
from idcforecast.units._short_units import PETAFLOPS_MARK, short_units
from idcforecast.units._unit_hyphens import unhyphened
from idcforecast.units._words_before import words_before
from idcforecast.units.quantity import Quantity
from idcforecast.units.registry import Unit, normalize_text, parse_unit, suggesting

__all__ = ["parse_quantity"]

# a percent "a year" is the annual rate itself ("27.8% a year", "5% per annum"): "%", not
# "%/year" (which no growth function takes); an amount a year stays a rate ("$3bn a year")
_PERCENT_A_YEAR = re.compile(
    r"(?:(?<=%)|(?<=percent)|(?<=per cent)|(?<=pct))\s*"
    r"(?:a year|per year|per annum|annually|yearly|p\.a\.|/\s*year|/\s*yr|each year|every year)$",
    re.IGNORECASE,
)
# an amount "a year" is an amount per year ("$3bn a year", "$3bn annually": "USD bn/year",
# as "$3bn per year" is; it was no unit parse_quantity read)
_AMOUNT_A_YEAR = re.compile(
    r"(?<=[\w$€£¥])\s+(?:a\s+year|annually|yearly|each\s+year|every\s+year|per\s+annum|p\.a\.)$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"[\d.,\s]+")
# "上千亿元", "超千亿": a magnitude word with no digits before it ("over a thousand 亿")
_CJK_MAGNITUDE_HEAD = re.compile(r"[十百千万萬亿億]+")
_UP_TO_MAGNITUDE = re.compile(r"上(?=[十百千万萬亿億])")
_SEVERAL = re.compile(r"(?:数|數|几|幾)(?=[十百千万萬亿億])")


_LEADING_WORD = re.compile(
    rf"(?:{alternation([*PREFIX_QUALIFIERS, *GROWTH_WORDS], at_start=True)})[ :：]*",
    re.IGNORECASE,
)


_TRAILING_WORD = EndWords(list(SUFFIX_QUALIFIERS))
_TRAILING_GROWTH = EndWords(list(TRAILING_GROWTH_WORDS))
_TRAILING_QUALIFIER = EndWords(list(PREFIX_QUALIFIERS))

_DASHES = r"[-–—~]"
_FIGURE = re.compile(
    rf"(?P<pre>[^\d]*?)\s*(?P<s1>[+-])?\s*(?P<n1>{NUMBER})"
    rf"(?:\s*(?P<mid>[^\d\s–—~-][^\d–—~-]*?)??\s*(?:{_DASHES}|\bto\b|至|到)"
    rf"\s*(?P<pre2>[^\d\s+-]*?)\s*(?P<s2>[+-])?\s*(?P<n2>{NUMBER}))?"
    rf"\s*(?P<post>.*)",
    re.IGNORECASE,
)
_BAD_COMMA = re.compile(r"\d,(?:\d{1,2}|\d{4,})(?!\d)")
# "a million servers" is 1 million; only before a magnitude word ("a 500 MW campus" is not 1 500)
_ARTICLE = re.compile(
    r"(?:a|an|one)\s+(?=(?:thousand|million|billion|trillion|hundred|ten)\b)", re.IGNORECASE
)


def _without_footnote_marker(text: str) -> str:
    """``text`` without the footnote marker written after the figure ("320①" -> "320",
    "1,562.5亿元 ①" -> "1,562.5亿元"), as the table readers take it off; a ``ParseError``
    when the marker stands inside the figure ("320①亿元") or there is no figure."""
    from idcforecast._cells import footnote_marker
    from idcforecast.errors import NonNumericValueError

    try:
        return footnote_marker(text, place="figure", noun="figure")[0]
    except NonNumericValueError:
        raise _fail(text, "a footnote marker without a number") from None


_ROUGH_BOUNDS = frozenset({"approximately", "at_least", "at_most"})


def _set_qualifier(text: str, current: str, new: str, word: str) -> str:
    if new == "exact":  # a verb ("将达"): keeps what another word says
        return current
    # "約2兆円超", "about more than": a bound said roughly is still the bound (the "about"
    # stays in the figure's text)
    if "approximately" in (current, new) and {current, new} <= _ROUGH_BOUNDS:
        return current if new == "approximately" else new
    if current not in ("exact", new):
        raise _fail(text, f"two qualifiers disagree ({current!r} and {new!r} from {word!r})")
    return new


def _strip_words(text: str, body: str) -> tuple[str, str, int | None]:
    """Remove qualifier and growth words around the figure: (body, qualifier, growth sign)."""
    qualifier, growth = "exact", None
    while lead := _LEADING_WORD.match(body):
        word = lead.group().rstrip(" :：").lower()
        if word in GROWTH_WORDS:
            growth = GROWTH_WORDS[word] * (growth or 1)
        else:
            qualifier = _set_qualifier(text, qualifier, PREFIX_QUALIFIERS[word], word)
        body = body[lead.end() :]
    if up := _UP_TO_MAGNITUDE.match(body):  # "上千亿元": more than a thousand 亿
        qualifier = _set_qualifier(text, qualifier, "at_least", up.group())
        body = body[up.end() :]
    while True:
        if trail := _TRAILING_WORD.search(body):
            word = trail.group().strip().lower()
            qualifier = _set_qualifier(text, qualifier, SUFFIX_QUALIFIERS[word], word)
        elif trail := _TRAILING_GROWTH.search(body):  # "27.8% CAGR", "5% yoy"
            word = trail.group().strip().lower()
            growth = TRAILING_GROWTH_WORDS[word] * (growth or 1)
        elif trail := _PERCENT_A_YEAR.search(body):  # "27.8% a year": a rate, in %
            pass
        elif (trail := _AMOUNT_A_YEAR.search(body)) and not _BARE_NUMBER.fullmatch(
            body, 0, trail.start()
        ):  # "$3bn a year": "$3bn per year" ("2 a year" stays no figure)
            body = body[: trail.start()] + " per year"
            continue
        else:
            return body, qualifier, growth
        body = body[: trail.start()]


def _magnitude_head(body: str) -> str | None:
    """The magnitude word a text starts with, in Chinese ("千亿" of "千亿元", "亿" of
    "亿千瓦时": 千瓦时 is kWh), or None."""
    from idcforecast.units.registry import without_suggestions

    run = _CJK_MAGNITUDE_HEAD.match(body)
    for end in range(len(run.group()) if run else 0, 0, -1):
        try:
            with without_suggestions():
                unit = parse_unit(body[:end])
        except IdcForecastError:
            continue
        if unit.magnitude is not None and unit.dimension == "count":
            return body[:end]
    return None


def _implied_one(text: str, body: str, qualifier: str) -> str:
    """ "千亿元" after "超"/"上"/"近"... as "1千亿元": a qualified magnitude word with no
    digits ("more than a thousand 亿"), as "a million servers" is 1 million; "十亿元" and
    "十万台" too (a first 十 is ten: 十亿 is 1e9; "十万亿元" is 10万亿元). Without a
    qualifier, or with a word for "several" ("数千亿"), there is no number: an error."""
    if re.search(r"\d", body):  # "百分之27.8"
        return body
    several = _SEVERAL.match(body)
    rest = body[several.end() :] if several else body
    head = _magnitude_head(rest)
    if head is None:
        return body
    run = _CJK_MAGNITUDE_HEAD.match(rest)
    if several is None and head.startswith("十") and run and run.group() != head:
        return f"10{body[1:]}"  # "十万亿元": ten 万亿 (十万 then 亿 is no magnitude word)
    if several is None and (qualifier != "exact" or head.startswith("十")):
        return f"1{body}"  # "超千亿元"; "十亿元" is ten 亿 (a first 十 is ten, as in "十二")
    raise _fail(
        text,
        f"a magnitude word ({(several.group() if several else '') + head!r}) with no number "
        "before it; write the number in digits, e.g. '1000亿元' or '3千亿元' (a bound as "
        "'超过1000亿元'; '上千亿元' and '超千亿元' are read as at least 1千亿元)",
    )


# "5+ GW", "1 million+ servers", "100+": a "+" right after the number or its magnitude word
_PLUS_AFTER = re.compile(
    r"^(?P<figure>[^+]*?\d(?:[\d.,]*\d)?\s*(?:[a-z]+)?)\+(?=\s|$)(?P<rest>.*)$", re.IGNORECASE
)


_DIGIT_HYPHEN_WORD = re.compile(r"\d-[A-Za-z]")
# "5-plus": "5+" ("5-plus GW" is at least 5 GW, as "5+ GW" is)
_NUMBER_PLUS = re.compile(r"(?<=\d)-plus\b(?=\s)", re.IGNORECASE)


_ALTERNATE_LEAD = re.compile(r"^(?:or|i\.e\.,?|ie|合计|合計|合)\s*(?=[^a-z])", re.IGNORECASE)
_BETWEEN = re.compile(r"^\s*between\s+(?P<low>\S.*?)\s+and\s+(?P<high>\S.*)$", re.IGNORECASE)


def _plus_as_words(text: str) -> str:
    """ "5+ GW" as "at least 5 GW" (the "+" said "or more"), "between 300 and 340 billion
    yuan" as the range "300 to 340 billion yuan"; other text as it is."""
    if between := _BETWEEN.match(text):
        return f"{between.group('low')} to {between.group('high')}"
    match = _PLUS_AFTER.match(text)
    if match is None or "-" in match.group("figure")[1:]:
        return text
    return f"at least {match.group('figure').rstrip()}{match.group('rest')}"


def _number(text: str) -> float:
    return float(text.replace(",", "").replace(" ", ""))


def _split_alternate(text: str, norm: str) -> tuple[str, str | None]:
    if not norm.endswith(")"):
        return norm, None
    start = norm.find("(")
    if start <= 0:
        raise _fail(text, "a closing ')' without a figure before its '('")
    inner = norm[start + 1 : -1].strip()
    if "(" in inner or ")" in inner:
        raise _fail(text, "nested parentheses")
    return norm[:start].strip(), inner


def _read_unit(text: str, unit_text: str) -> Unit:
    try:
        return parse_unit(unit_text)
    except UnknownUnitError as err:
        fields = {key: getattr(err, key) for key in err.fields}
        message = _unit_as_written(text, unit_text, err.message)
        raise UnknownUnitError(f"in figure {text!r}: {message}", **fields, text=text) from None
    except ParseError as err:
        message = _unit_as_written(text, unit_text, err.message)
        raise ParseError(f"in figure {text!r}: {message}", text=text) from None


def _unit_as_written(text: str, unit_text: str, message: str) -> str:
    """``message`` about ``unit_text`` as the figure ``text`` writes it: a unit the passes
    before reading rewrote ("% xyz" of "3.2pc xyz", "¥ 万亿円" of "¥1.2兆円") is never quoted,
    as the user wrote no such text; the message says "its unit" (the figure is quoted
    before it). A unit whose words stand apart in the figure ("US$ per 万架" of "US$3 per
    万架") is as written."""
    if unit_text in text:  # most units, as written (the scan of a text tries many)
        return message
    written = normalize_text(text).lower()
    if all(word in written for word in unit_text.lower().split()):
        return message
    return message.replace(f"unit {unit_text!r}", "its unit", 1)


_CJK_MAGNITUDE_WORD = re.compile(r"[十百千万萬亿億]+")


def _shared_magnitude(mid: str | None, post: str) -> str | None:
    """The low end's magnitude word, completed by the high end's where Chinese shares it.

    "1.5万-2万亿元" is 1.5万亿 to 2万亿 and "3千-5千万元" 3千万 to 5千万: a low end's
    magnitude word of a smaller order ("万", "千") is the head of the high end's compound
    word ("万亿", "千万"), whose last character (亿, 万) it shares. Read as written, the
    low end would be a figure of another order (1.5万 yuan, not 1.5万亿). A low end whose
    word already holds that character ("1.5亿-2万亿元", "500万-1千万元") or a high end's
    single word ("5千万-1亿元") is read as written.
    """
    word = (mid or "").strip()
    head = _magnitude_head(post)
    if not _CJK_MAGNITUDE_WORD.fullmatch(word) or head is None or len(head) < 2:
        return mid
    shared = head[-1]
    larger = {"亿": "亿億", "億": "亿億", "万": "亿億万萬", "萬": "亿億万萬"}.get(shared)
    if larger is None or any(c in larger for c in word):  # "1.5亿-2万亿元": as written
        return mid
    return _magnitude_head(word + shared) and word + shared


def _low_end_factor(
    text: str, unit: Unit, pre: str, pre2: str, mid: str | None, post: str = ""
) -> float:
    """Factor from the unit written at the low end of a range to the figure's unit.

    "$8.793–$8.893 billion" repeats the currency; "500 million to 1.2 billion USD" gives
    the low end its own magnitude; "1.5万-2万亿元" shares the high end's (1.5万亿, see
    :func:`_shared_magnitude`). Both ends must be the same kind of thing (and the same
    currency: a range never hides an FX conversion).
    """
    mid = _shared_magnitude(mid, post) or mid
    if pre2 and (first := _read_unit(text, pre or pre2)) != (second := _read_unit(text, pre2)):
        raise _fail(
            text,
            f"the two ends of the range have different units ({first.canonical!r} and "
            f"{second.canonical!r}); write both ends in one unit",
        )
    if not mid:
        return 1.0
    low_unit = _read_unit(text, f"{pre} {mid}")
    # a rate's low end names its amount alone ("2000万-5000万元/MW", "$2m-$5m per MW"):
    # it is compared with the amount the high end is per MW of
    amount = unit.numerator() if unit.per and not low_unit.per else unit
    if low_unit.dimension == "count" and amount.dimension != "count":
        low_unit = _read_unit(text, f"{mid} {unit.base}")  # "500 million to 1.2 billion USD"
    same_kind = low_unit.dimension == amount.dimension and low_unit.per == amount.per
    if not same_kind or (low_unit.currency is not None and low_unit.base != unit.base):
        raise _fail(
            text,
            f"the two ends of the range have different units ({low_unit.canonical!r} and "
            f"{unit.canonical!r}); write both ends in one unit",
        )
    return low_unit.factor / amount.factor


_LONE_W = re.compile(r"\s(?:[^\d\s]+\s+)?w(?![A-Za-z])")


def _parse_one(text: str, norm: str) -> Quantity:
    if _BAD_COMMA.search(norm):
        raise _fail(
            text,
            "a comma that does not separate groups of three digits; write thousands as "
            "'1,562.5' and the decimal point as '.' (a table written with decimal commas: "
            "read_series(..., decimal=','))",
        )
    body, qualifier, growth = _strip_words(text, norm)
    body = _ARTICLE.sub("1 ", body, count=1) if _ARTICLE.match(body) else body
    body = _implied_one(text, body, qualifier)
    match = _FIGURE.fullmatch(body)
    if match is None and not re.search(r"\d", body) and CJK_NUMERAL.search(body):
        raise _fail(
            text,
            "a Chinese numeral that is no number (a name such as '十四五', an idiom, a lone "
            "digit); write the number in digits, e.g. '3500亿元'",
        )
    if match is None:
        raise _fail(text, "no number found" if not re.search(r"\d", body) else "no figure found")
    pre, post = match["pre"].strip(), match["post"].strip()
    if trail := _TRAILING_QUALIFIER.search(pre):  # after the currency: "RMB ~47 m/MW"
        word = trail.group().strip().lower()
        qualifier = _set_qualifier(text, qualifier, PREFIX_QUALIFIERS[word], word)
        pre = pre[: trail.start()].strip()
    if re.match(r"\.\d", post):  # else ".567 yuan" would be reported as an unknown unit
        raise _fail(
            text,
            "a second decimal point; write thousands as '1,234,567' and the decimal point as '.'",
        )
    if re.match(r"e[+-]?\d", post, re.IGNORECASE):
        raise _fail(
            text,
            "scientific notation; write the number out ('1000 MW') or with a magnitude "
            "word ('1 thousand MW', '1亿元')",
        )
    if post[:1] in INFIX_AT_LEAST:
        # "约1900多万台" (about 19-odd million): the 多 says more than 1900万, which 约 hedges
        # without contradicting; "近1900多万" (nearly, more than) stays a contradiction
        was = "exact" if qualifier == "approximately" else qualifier
        qualifier = _set_qualifier(text, was, "at_least", post[0])
        post = post[1:].strip()
    pre_unit = None
    if pre:
        try:
            pre_unit = parse_unit(pre)
        except UnknownUnitError as err:  # "stood at 5%": words it does not know, said so
            if not suggesting():  # a scan that discards the error (find_figures)
                raise
            raise words_before(text, pre, body[match.start("n1") :], err) from None
        except ParseError:
            pre_unit = _read_unit(text, pre)  # raises, with the figure named
    if pre_unit is not None and pre_unit.base == "count" and pre_unit.per:
        # "每年100亿元" (each year, 100亿元) was "a magnitude word before the number ('每年');
        # write it after the number, as in '100 每年'": no magnitude, and no fix
        per = "/".join(pre_unit.per)
        raise _fail(
            text,
            f"a rate word before the number ({pre!r}, per {per}); write the rate after the "
            f"amount, as in '{match['n1']}{post or '亿元'}/{per}'",
        )
    if pre_unit is not None and pre_unit.base == "count":
        # "m²" (NFKC: "m2") was 2 million, "bn5" 5 billion: a magnitude goes after the number
        raise _fail(
            text,
            f"a magnitude word before the number ({pre!r}); write it after the number, as in "
            f"'{match['n1']} {pre}'",
        )
    if pre_unit is not None and pre_unit.dimension != "money" and pre != "百分之":
        # only a currency goes before the number ("RMB 500", "$5bn"); "年100万" of "每年约
        # 100万架" was 100万 "year", "台100" 100 servers
        raise _fail(
            text,
            f"a unit before the number ({pre!r}); only a currency goes there ('RMB 500', "
            f"'$5bn'); write it after the number, as in '{match['n1']} {pre}'",
        )
    if "w" in post and _LONE_W.search(body, match.end("n2") if match["n2"] else match.end("n1")):
        # a lower-case "w" apart from the number is no watt: Polish "w" (in), "500 mln w
        # Polsce" was 500 "W mn"; "5W", "5 W" and "5w" stay watts
        raise _fail(text, "a lone lower-case 'w' (a word, not watts); write watts as 'W'")
    unit = _read_unit(text, f"{pre} {post}".strip())
    value = _number(match["n1"]) * (-1 if match["s1"] == "-" else 1)
    bounds: tuple[float, float] | None = None
    if match["n2"] is not None:
        if (currency := match["pre2"].strip()) and not pre:
            # "3 to $5bn" was 3 to 5 "count bn": the high end's currency was dropped
            example = f"{currency}{match['n1']} to {currency}{match['n2']} {post}".strip()
            raise _fail(
                text,
                f"a range whose high end only has a currency ({currency!r}); write it before "
                f"the low end too ({example!r})",
            )
        low = value * _low_end_factor(text, unit, pre, match["pre2"].strip(), match["mid"], post)
        high = _number(match["n2"]) * (-1 if match["s2"] == "-" else 1)
        if low > high:
            raise _fail(text, f"a range whose low end {low:g} is above its high end {high:g}")
        bounds, value = (low, high), (low + high) / 2
    if growth is not None:
        if unit.dimension not in ("percent", "points"):
            raise _fail(
                text,
                "a growth word with an amount: growth is read only as a rate in % or "
                "percentage points; drop the word to read the amount itself",
            )
        value *= growth
        if bounds is not None:
            low, high = sorted((bounds[0] * growth, bounds[1] * growth))
            bounds = (low, high)
        if growth < 0:  # "fell by more than 3%" is a change of at most -3%
            qualifier = {"at_least": "at_most", "at_most": "at_least"}.get(qualifier, qualifier)
    return Quantity(
        value,
        unit.canonical,
        low=None if bounds is None else bounds[0],
        high=None if bounds is None else bounds[1],
        qualifier=qualifier,
        text=text,
    )


# "2百兆瓦" (两百兆瓦, 200 MW), "1千多万台", "2百多亿元" (一千多万, 两百多亿: more than 1000万,
# 200亿): a 十 or 百 after the digits that starts no magnitude word ("5百亿" is 5 x 百亿), and
# a 十, 百 or 千 before "多" and a magnitude word, belong to the number
_SMALL_UNIT = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:([十百])(?![十百千万萬亿億分])|([十百千])(?=[多余餘]\s*[万萬亿億]))"
)


def _times_small_unit(match: re.Match[str]) -> str:
    from decimal import Decimal

    number = Decimal(match[1]) * {"十": 10, "百": 100, "千": 1000}[match[2] or match[3]]
    return format(number.normalize(), "f")


def parse_quantity(text: str) -> Quantity:
    """Read one figure, English or Chinese, as written in news, filings and reports.

    Parameters
    ----------
    text
        One figure: a number with thousands separators ("1,562.5", "1 050") or full-width
        digits, an optional magnitude (thousand/k, million/mn/m, billion/bn, 万, 亿, 万亿...),
        currency (CNY/RMB/yuan/元/¥, USD/US$/$/美元...) and unit (台, 万架, MW, TWh, EFLOPS,
        %...), a qualifier (超过/more than/>, 约/about, 不到/less than/<; after the figure
        以上/or more, Japanese 超/超え/余り/強/を超える/を上回る more than, 弱/未満/を下回る
        under, 程度/前後 about: "2兆円超" is at least 2 "JPY tn"; about and a bound, the
        bound: "約2兆円超", "超过约500亿元" are at least), a verb before the level
        reached, which says nothing (将达到/降至/放缓至, reached/rose to/fell to: "fell to
        5%" is 5%, "fell 5%" a change of -5%), an optional
        range ("325–580 TWh"), a number of equal parts ("2x48MW", "2 x 48 MW": two
        halls of 48 MW, read as the total, 96 MW) and a parenthesised alternate
        ("($71.2 billion)" after a figure; a year there is the figure's ``year``:
        "US$5bn (2022)", "1562.5亿元（2019年）"; alone, a money figure in brackets is the
        accountants' negative: "($1,400)" and "-$1,400" are -1,400 USD, as
        ``read_series`` reads such cells). A
        decimal comma is read in euros or before a continental magnitude word ("€ 2,5
        Mrd." is 2.5 EUR bn, "1.234,5 Mio. Euro" 1234.5 EUR mn), else refused ("27,8%").

    Returns
    -------
    Quantity
        In the unit and magnitude as written ("超过520万标准机架" is at least 520
        "racks 10k"); a bare number is a "count"; a PUE is the ratio "PUE" ("1.3 PUE",
        "about 1.2-1.4 PUE", "PUE 1.3", "a PUE of 1.3", "PUE为1.3"; "1.15 pPUE", a partial
        PUE, is "pPUE"), which converts to no other unit; growth phrases ("同比增长34.6%",
        "down 3%", Japanese "前年比5%減") give a signed percentage.

    Raises
    ------
    ParseError
        No number, a sentence rather than a figure, an ambiguous comma, a rate per unit
        ("US$7.11 m per MW"), or a growth word on an amount.
    UnknownUnitError
        A unit or currency the registry lacks, with a did-you-mean suggestion.

    Examples
    --------
    >>> q = parse_quantity("500 billion yuan ($71.2 billion)")
    >>> q.value, q.unit, q.alternate.value, q.alternate.unit
    (500.0, 'CNY bn', 71.2, 'USD bn')
    >>> q = parse_quantity("超过520万标准机架")
    >>> q.value, q.unit, q.qualifier
    (520.0, 'racks 10k', 'at_least')
    >>> q = parse_quantity("620-1 050 TWh")
    >>> q.value, q.low, q.high
    (835.0, 620.0, 1050.0)
    """
    if not isinstance(text, str):
        raise ParseError(
            f"cannot read {text!r} as a figure: expected text, found {type(text).__name__}; "
            "for a plain number use convert(x, unit, from_unit=...) or Quantity(x, unit)",
            text=repr(text),
        )
    if "PUE" in text and suggesting() and (named := ratio_named_first(text)) is not None:
        # "PUE 1.3", "a PUE of 1.3": the ratio named before its number, as find_figures
        # reads it; the number alone must be a plain number ("PUE 5 MW" stays an error).
        # Not in find_figures' scan (no suggestions): it reads the name its own way, and
        # its figure starts at the name, never at "a"
        try:
            ratio = parse_quantity(named[1])
        except IdcForecastError:
            ratio = None  # the usual error below, naming the figure as written
        if ratio is not None and ratio.unit == "count" and ratio.alternate is None:
            return dataclasses.replace(ratio, unit=named[0], text=text)
    written = text
    # NFKC reads "320①" as 3201 and "¹320" as 1320 (ASCII has no such characters: the
    # check of each character was a sixth of find_figures' time)
    if not text.isascii():
        if footnote_numbers(text):
            text = _without_footnote_marker(text)
        if not VULGAR_FRACTIONS.isdisjoint(text):
            text = vulgar_fractions(text)  # "1½ GW" as "1.5 GW" (NFKC would read "11⁄2")
    text = continental_thousands(text)  # "1.000 millones" is 1,000 million, never 1
    text = continental_decimals(text)  # "€ 2,5 Mrd." is 2.5 EUR bn, as find_figures reads it
    # the typographic minus sign; "两千亿元" as "2千亿元" (one numeral before a magnitude)
    norm = arabic_numerals(normalize_text(text).replace("\u2212", "-"))
    if not norm.isascii():
        norm = compound_magnitudes(norm)  # "1亿5000万元" as 1.5亿元, never 1亿 and 5000万
        if "兆" in norm:  # "1.5兆円" is 1.5 JPY tn
            norm = japanese_trillions(norm)
    if "," in norm:
        norm = indian_grouping(norm)  # "Rs 1,56,250 crore" is 156,250 crore, never Rs 1
    if "-" in norm and _DIGIT_HYPHEN_WORD.search(norm):
        # "1.2-gigawatt" as find_figures reads it, 1.2 GW ("15-year" stays); "a 5-plus GW
        # pipeline" is "5+ GW"
        norm = _NUMBER_PLUS.sub("+", unhyphened(norm))
    if "\u2044" in norm:  # "1⁄2" with the fraction slash (vulgar fractions are read above)
        raise _fail(written, "a fraction slash ('1⁄2'); write it as a decimal ('1.5 GW', '0.5')")
    norm = number_words(norm)  # "two billion yuan" as "2   billion yuan"
    if "pc" in norm or "P" in norm or PETAFLOPS_MARK in norm:  # "3.2pc" is 3.2%, "1.5万P" PFLOPS
        norm = short_units(norm)
    if "il" in norm or "IL" in norm:  # "5 mil euros" is 5,000 (Spanish); "$5 mil" stays a million
        norm = thousand_mil(norm)
    if not norm.isascii() and CJK_NUMERAL.search(norm):  # "一万五" as "1.5万", "十几亿" "10多亿"
        norm = spoken_numerals(norm)
    if "十" in norm or "百" in norm or "千" in norm:  # "2百兆瓦" as "200兆瓦"
        norm = _SMALL_UNIT.sub(_times_small_unit, norm)
    norm = norm.rstrip(" 。！？；，、,;")  # a figure copied with its clause's end ("50亿元。")
    if not norm:
        raise _fail(written, "empty text")
    # "2x48MW", "2 × 48 MW" (two halls of 48 MW): one figure of 96 MW, never 2 and 48
    times = None
    if "x" in norm or "X" in norm or "×" in norm or "*" in norm:
        times, norm = multiplier(norm)
    # errors quote the figure as written, never as the passes above rewrote it ("1,6 Mio."
    # was "1.6 Mio.", "two billion" "2   billion")
    main, alternate_text = _split_alternate(written, accounting_negative(norm))
    quantity = _parse_one(written, _plus_as_words(main))
    if times is not None:
        return multiplied(written, quantity, times, alternate_text)
    if alternate_text is None:
        return quantity  # its text is what was written (_parse_one was given it)
    if (span := _RANGE_LEAD.match(alternate_text)) and not quantity.is_range:
        return _with_range(written, quantity, span.group(1))
    if _BRACKETED_YEAR.fullmatch(alternate_text):  # "US$5bn (2022)": the figure's year
        return dataclasses.replace(quantity, year=int(alternate_text[:4]), text=written)
    if (fiscal := _fiscal_year_end(alternate_text)) is not None:
        # "US$5bn (FY2024/25)": the fiscal year's, named by the year it ends in, as
        # find_figures and the table readers name it
        return dataclasses.replace(quantity, year=fiscal, text=written)
    if _BRACKETED_PERIOD.fullmatch(alternate_text):
        shown = alternate_text.strip()
        figure = written[: max(written.rfind("("), written.rfind("（"))].strip()
        raise _fail(
            written,
            f"the text in parentheses, {shown!r}, is a period, not one year: a figure "
            f"takes one year in brackets ('{figure} (2022)'); "
            "for a figure over a period use find_figures on its sentence, or give the "
            "period in a claims file's period column",
        )
    # "(or $71.2 billion)", "（合71.2亿美元）": the same amount, said another way
    inner = _ALTERNATE_LEAD.sub("", alternate_text, count=1)
    shown = written_alternate(written) or alternate_text
    try:
        alternate = _parse_one(shown, inner)
    except IdcForecastError as err:
        raise _fail(
            written, f"the text in parentheses, {shown!r}, is not a figure ({err})"
        ) from None
    return Quantity(
        quantity.value,
        quantity.unit,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.qualifier,
        alternate=alternate,
        text=written,
    )


_RANGE_LEAD = re.compile(r"^range\s+(\S.*)$", re.IGNORECASE)
# a period in the parentheses: "(2020-22)", "（2020年至2022年）": no one year of the figure
_BRACKETED_PERIOD = re.compile(
    r"\s*(?:19|20)\d{2}\s*年?\s*(?:-|–|—|~|～|至|到|to)\s*(?:(?:19|20)\d{2}|\d{2})\s*年?\s*[EeFf]?\s*",
    re.IGNORECASE,
)
# a fiscal year in the parentheses: "(FY2025)", "(FY2024/25)", "(FY24)", "(fiscal 2025)"
_BRACKETED_FISCAL = re.compile(
    r"\s*(?:FY|fiscal\s+(?:year\s+)?)\s*'?((?:19|20)?\d{2})(?:\s*[/-]\s*((?:19|20)?\d{2}))?"
    r"\s*[EeFf]?\s*",
    re.IGNORECASE,
)


def _fiscal_year_end(text: str) -> int | None:
    """The year a fiscal year in brackets ends in: "FY2024/25" 2025, "FY2025" 2025, "FY24"
    2024; None for other text or a span that is no fiscal year ("FY2020/22").

    >>> _fiscal_year_end("FY2024/25"), _fiscal_year_end("fiscal 2025"), _fiscal_year_end("2022")
    (2025, 2025, None)
    """
    match = _BRACKETED_FISCAL.fullmatch(text)
    if match is None:
        return None
    first = int(match[1]) if len(match[1]) == 4 else 2000 + int(match[1])
    if match[2] is None:
        return first
    end = int(match[2]) if len(match[2]) == 4 else first // 100 * 100 + int(match[2])
    return end if end == first + 1 else None


# a year alone in the parentheses after a figure: "(2022)", "（2019年）", "(2022E)"
_BRACKETED_YEAR = re.compile(r"(?:19|20)\d{2}\s*(?:年|E|e|F|f)?")


def _with_range(text: str, quantity: Quantity, span_text: str) -> Quantity:
    """ "3000 CNY 100m (range 2800 to 3400)": a central figure with its range, as
    :func:`format_quantity` writes one whose value is not the range's midpoint."""
    span = _parse_one(text, span_text)
    if not span.is_range or span.qualifier != "exact" or span.unit not in ("count", quantity.unit):
        raise _fail(
            text,
            f"the text in parentheses, {span_text!r}, is not a range in {quantity.unit!r}; "
            "write it as '(range LOW to HIGH)'",
        )
    assert span.low is not None and span.high is not None
    if not span.low <= quantity.value <= span.high:
        raise _fail(
            text,
            f"the figure {quantity.value:g} lies outside its range {span.low:g} to "
            f"{span.high:g}; put the central figure inside the range",
        )
    return Quantity(
        quantity.value,
        quantity.unit,
        low=span.low,
        high=span.high,
        qualifier=quantity.qualifier,
        text=text,
    )
