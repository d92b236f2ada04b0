"""Find the figures in a paragraph of news or report text, each with its year and sentence.

``parse_quantity`` reads one figure; an analyst holds an article. :func:`find_figures` scans
the text for numbers, reads around each the longest stretch that ``parse_quantity`` accepts
(qualifier words, magnitude, currency, unit, a parenthesised alternate), and pairs the
figure with the nearest year or period in its sentence. It finds, it does not understand:
every row keeps its sentence and character offsets so that a person checks it before the
figure goes into a table.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._cells import footnote_numbers
from idcforecast._decimal_commas import point_decimals
from idcforecast._figure_changes import (
    change_levels,
    change_to,
    ranges_after_by,
    warn_ranges_after_by,
)
from idcforecast._figure_currency import yen_or_yuan, yuan_assumed
from idcforecast._figure_magnitudes import unread_magnitude, warn_unread_magnitudes
from idcforecast._figure_money_words import (
    in_yuan,
    warn_yuan_by_money_word,
    yuan_by_money_word,
)
from idcforecast._figure_next_windows import next_window_periods
from idcforecast._figure_number_context import (
    DIGITLESS,
    TEN_HEAD,
    noun_before,
    to_word_end,
    unhyphened,
    unit_is_count,
    year_opening_range,
)
from idcforecast._figure_pue import (
    a_pue,
    pue_after_change_by,
    pue_change_amount,
    pue_later,
    pue_with_its_point,
    ratio_before_name,
    ratio_named,
)
from idcforecast._figure_rates import dimension, per_before, per_unknown, rate_of_before
from idcforecast._figure_reading import (
    best_figure,
    is_plain_count,
    level_before_change,
)
from idcforecast._figure_resolutions import a_resolution
from idcforecast._figure_shares import share_qualifier
from idcforecast._figure_spans import scan_text, sentences
from idcforecast._figure_suffixes import foreign_suffix_end
from idcforecast._figure_unknown_currency import (
    glued_currency_amounts,
    rupee_of_another_country,
    unknown_currency,
    warn_unknown_currencies,
)
from idcforecast._figure_windows import source_year, warn_unknown_windows, window_periods
from idcforecast._figure_years import years_of_figures
from idcforecast._year_mentions import (
    DATE,
    MONTH_DAY,
    NOT_INSIDE_A_NUMBER,
    is_year,
    year_range_tails,
)
from idcforecast.errors import ParseError
from idcforecast.units._bilion import bilion_in_context
from idcforecast.units._chinese_numerals import CJK_NUMERAL, SPOKEN_NUMERAL, arabic_numerals
from idcforecast.units._compound_magnitudes import compound_magnitudes
from idcforecast.units._figure_words import PREFIX_QUALIFIERS
from idcforecast.units._fractions import VULGAR_FRACTIONS
from idcforecast.units._indian_grouping import indian_grouping
from idcforecast.units._mil import romance_mil
from idcforecast.units._number_words import number_words
from idcforecast.units._parentheses import written_alternate
from idcforecast.units._short_units import petaflops_in_context

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast._year_mentions import Mention
    from idcforecast.units.quantity import Quantity

__all__ = ["FIGURE_COLUMNS", "find_figures", "scan_text"]

FIGURE_COLUMNS = (
    "figure", "value", "unit", "qualifier", "low", "high", "alternate", "year", "period",
    "sentence", "start", "end", "source",
)  # fmt: skip

_NUMBER = re.compile(
    NOT_INSIDE_A_NUMBER + r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d])|\d+)(?:\.\d+)?(?![\d])"
)


# a vulgar fraction with no digit before it, "½ GW": a number of its own (after a digit,
# "1½ GW", the digit's number reaches it)
_LONE_FRACTION = re.compile(rf"(?<![\d.])[{''.join(sorted(VULGAR_FRACTIONS))}]")


# "renewables will make up 50% of supply": the "up" before the share is the verb's
_MAKE_UP = re.compile(r"up\s+", re.IGNORECASE)
_MAKE_BEFORE = re.compile(r"\b(?:make|makes|made|making)\s+$", re.IGNORECASE)


# a word a number names, as an ordinal: "Phase 1", "stage 2", "Tranche 3"
_NAMED_BY_NUMBER = re.compile(r"\b(?:phase|stage|tranche)\s+$", re.IGNORECASE)


# "近5年", "近三个月": the recent years or months (a window of time), no duration's figure
_RECENT = re.compile(r"近(?!似)")
# and "the past 5 years", "over the last three months" (where a rate was measured); "the
# next 3 years", "未来3年", "今后3年" (a window ahead, no figure of 3 years)
_RECENT_BEFORE = re.compile(
    r"(?:\b(?:past|last|previous|preceding|next|coming|following|upcoming)\s+"
    r"|未来|未來|今后|今後|接下来|接下來)$",
    re.IGNORECASE,
)
# 兆: a trillion in Japanese ("1.2兆円"), mega- in Chinese units ("兆瓦", read as MW)
_BEFORE_CHO = re.compile(r"\s*兆")
_AFTER_CHO = re.compile(r"\d(?:兆|万亿|萬億|亿|億|万|萬|조|억|만) ?$")


def _figures_in(
    text: str,
    counts: bool,
    unread: list[tuple[str, str]],
    foreign: list[tuple[str, str]],
) -> tuple[
    list[tuple[int, int, Quantity, str]], str, list[tuple[int, int]], dict[int, tuple[int, int]]
]:
    """The figures of ``text`` (start, end, quantity, unit: the quantity's, or a ratio's
    name) in order, the scan text, the spans of dates ("2020-07-07", "2021年3月5日")
    whose numbers are no figures, and the figures that are the first level of a change
    to the next figure ("from $10bn to $20bn", "从1000亿元增长到2000亿元"): by start, where
    the change's "from" and its "to" are. Amounts of money left out before a magnitude
    word they do not take in ("€5 bilionů") are appended to ``unread`` (figure, word),
    and amounts in a currency the registry lacks ("EGP 5 billion") to ``foreign`` (figure,
    currency)."""
    # a footnote number ("320亿元①", "$3.2bn¹") is no digit: NFKC would append it to the
    # figure ("3201"), so it reads as a space (offsets stay)
    if marks := footnote_numbers(text):
        chars = list(text)
        for j in marks:
            chars[j] = " "
        text = "".join(chars)
    reading, scan = unhyphened(*point_decimals(text, scan_text(text)))
    # "Rs 1,56,250 crore" as "Rs 00156250 crore" (Indian grouping; offsets stay)
    reading, scan = indian_grouping(reading), indian_grouping(scan)
    # "两千亿元" as "2千亿元" (offsets stay); such a numeral gives no count nor duration
    numerals = {m.start() for m in CJK_NUMERAL.finditer(scan)}  # those rewritten, below
    reading, scan = arabic_numerals(reading), arabic_numerals(scan)
    # "1亿5000万元" as "0001.5亿元": one number, never 1亿 and 5000万元 apart
    reading, scan = compound_magnitudes(reading), compound_magnitudes(scan)
    # "two billion yuan" as "2   billion yuan" (offsets stay)
    reading, scan = number_words(reading), number_words(scan)
    if "mil" in scan:  # a Spanish or Portuguese sentence's "mil" is a thousand
        reading = romance_mil(reading, scan, sentences(scan))
    if "ilion" in scan or "ILION" in scan or "Ilion" in scan:  # Malay 1e9, Polish 1e12
        reading = bilion_in_context(reading, scan, sentences(scan))
    if "算力" in scan and "P" in scan:  # "算力规模达到500P以上": 500 PFLOPS, not a video's P
        reading = petaflops_in_context(reading, scan)
    numerals = {i for i in numerals if scan[i].isdigit()}
    dates = [(m.start(), m.end()) for m in DATE.finditer(scan)]
    # a month of the calendar ("3月5日", "12月底") and an ordinal ("第5年") are no figures
    calendar = dates + [(m.start(), m.end()) for m in MONTH_DAY.finditer(scan)]
    # the "22" of "2020-22", "FY2024-25": a year's digits, never a count of 22
    calendar += year_range_tails(scan)
    tens = [(m.start(), m.end()) for m in TEN_HEAD.finditer(scan)]
    if not scan.isascii():  # "一万五", "十几亿": numerals only the parser puts in digits
        tens += [(m.start(), m.end()) for m in SPOKEN_NUMERAL.finditer(scan)]
    numerals.update(start for start, _ in tens)
    anchors = sorted(
        {(m.start(), m.end()) for m in _NUMBER.finditer(scan)}
        | {(m.start(1), m.end(1)) for m in DIGITLESS.finditer(scan)}
        | set(tens)
        | (
            {(m.start(), m.end()) for m in _LONE_FRACTION.finditer(scan)}
            if not scan.isascii() and not VULGAR_FRACTIONS.isdisjoint(scan)
            else set()
        )
    )
    figures: list[tuple[int, int, Quantity, str]] = []
    # the first level of each change, by its start: where its "from" and its "to" are
    changes: dict[int, tuple[int, int]] = {}
    split: int | None = None  # the "to" of the last figure, a change read as a range
    spans: list[tuple[int, int]] | None = None  # the sentences, once a rupee asks for them
    floor = 0
    for number in anchors:
        if number[0] < floor or any(a <= number[0] < b for a, b in calendar):
            continue
        if number[0] > 0 and scan[number[0] - 1] in "第제":
            continue  # an ordinal: "第5年", Korean "제3조" (article 3, no 3 trillion)
        if _NAMED_BY_NUMBER.search(scan, max(0, number[0] - 9), number[0]):
            continue  # a name: "Phase 1", "stage 2" (the first phase, no count of 1)
        if number[0] > 1 and scan[number[0] - 1] in "/⁄" and scan[number[0] - 2].isdigit():
            continue  # a fraction's denominator ("1/2 GW" is no 2 GW) or "24/7"
        if _AFTER_CHO.search(scan, max(0, number[0] - 8), number[0]):
            # "3兆5億円", "1亿5万元" (digits that do not fit one number): the 5億 of 3兆
            # and 5億, the 5万 of 1亿 and 5万, is no figure alone
            continue
        found = best_figure(reading, scan, number, floor)
        if found is not None and (ceiling := foreign_suffix_end(scan, *found[:2])) is not None:
            # "增长5%超预期": 超 begins the next word of a Chinese sentence, no "more than"
            found = best_figure(reading, scan, number, floor, ceiling)
        if (
            found is not None
            and (up := _MAKE_UP.match(scan, found[0]))
            and _MAKE_BEFORE.search(scan, max(floor, found[0] - 10), found[0])
        ):
            # "make up 50%": the "up" of "make up" is no growth word, the figure a share
            found = best_figure(reading, scan, number, up.end())
        if (
            found is not None
            and scan[found[0]] == "-"
            and found[0] > 0
            and scan[found[0] - 1].isalpha()
        ):
            # "end-2024", "mid-2025": a word's hyphen, no minus sign (-2024 was no year);
            # a bare number after it is a name's ("COVID-19", "Tier-3"), no count
            found = best_figure(reading, scan, number, found[0] + 1)
            if found is not None and is_plain_count(found[2]):
                floor = found[1]
                continue
        if found is not None and (verb := _LATIN_VERB.match(scan, found[0], found[1])):
            # "will fall to 1.2": the figure begins at its number, so that the "to" of a
            # change ("a PUE of 1.3 ... fall to 1.2") stays between the two figures
            found = (verb.end(), found[1], found[2])
        if (
            found is not None
            and found[2].unit in ("PUE", "pPUE")
            and not ratio_before_name(scan[number[0] : number[1]], scan, found[1])
        ):
            # "200 PUE audits", "3 PUE sensors": a count of things named after PUE, no PUE
            found = best_figure(reading, scan, number, floor, number[1])
        if found is not None and year_opening_range(scan, number, found[2]):
            floor = number[1]  # "in 2024 to 5,000 MW": the year, then the figure
            continue
        first_level = ratio_next = False
        if found is not None and (to := change_to(scan, *found)) is not None:
            # "grew from $10bn to $20bn": two figures, the level before and after, never a
            # range whose midpoint ($15bn) no one wrote; the second is read next
            found = level_before_change(reading, scan, number, floor, to, found[2])
            first_level = True
        if found is None or is_year(found[2]) or _BEFORE_CHO.match(scan, found[1]):
            continue  # "¥1.2兆円": 兆 is a magnitude the registry lacks, the ¥1.2 no figure
        if (
            _RECENT.match(scan, found[0])
            or _RECENT_BEFORE.search(scan, max(0, found[0] - 12), found[0])
        ) and dimension(found[2].unit) == "time":
            continue  # "近5年年均增速", "the last 5 years": a window, not "at most 5 years"
        if (
            number[0] in numerals
            and dimension(found[2].unit) in ("count", "time")
            and not a_pue(scan, found, floor, figures)
        ):
            continue  # "一百多家", "两千年": an idiom or a count, never read from words
        if a_resolution(scan, found[0], found[1]):
            continue  # "4K video", "8K TV", "streams in 4K.": a display's name, not 4,000
        if word := unread_magnitude(scan, found[1], found[2]):
            unread.append((text[found[0] : found[1]], word))
            floor = found[1]
            continue  # "€5 bilionů" is no €5: a magnitude word the registry lacks
        if money := unknown_currency(scan, *found):
            foreign.append((text[found[0] : found[1]], money))
            floor = found[1]
            continue  # "EGP 5 billion" is no count of 5 billion things
        if found[2].unit.startswith("INR"):
            spans = spans if spans is not None else sentences(scan)
            sentence = next(((a, b) for a, b in spans if a <= found[0] < b), (0, len(scan)))
            if money := rupee_of_another_country(scan, found[:2], found[2], sentence):
                foreign.append((text[found[0] : found[1]], money))
                floor = found[1]
                continue  # "Rs5 billion in Pakistan" is no amount in Indian rupees
        start, end, quantity = found
        end = to_word_end(text, scan, end)  # "a hundred" (as "100      "), not "a h"
        named = noun_before(reading, scan, found, floor) if unit_is_count(quantity) else None
        if named is not None:
            start, quantity = named  # "机柜2万个" is 2 "racks 10k", not 2 "count 10k"
        quantity = share_qualifier(scan, start, floor, quantity)  # "约占全国的30%": about
        unit = quantity.unit
        if unit == "count" and (ratio := ratio_named(scan, start, end, floor)):
            start, end, unit = ratio
            quantity = pue_with_its_point(text, number, quantity)
            if level := pue_after_change_by(scan, number, (start, end, quantity)):
                start, end, quantity = level  # "reduce PUE by 0.2 to 1.3": 1.3, no 0.75
            elif pue_change_amount(scan, number, quantity):
                floor = end
                continue  # "PUE fell by 0.2 in 2024": a change, no PUE of 0.2
        elif (
            unit == "count"
            and figures
            and figures[-1][3] == "PUE"
            and (later := pue_later(scan, figures[-1][1], start, number))
        ):
            # "PUE dropped from 1.6 to 1.3", "a PUE of 1.3, falling to 1.2 by 2025": the
            # second is a PUE too, the level the first changes to (whose year is not the
            # first's); "1.25 in 2024 and 1.2 in 2025": two targets
            unit = "PUE"
            ratio_next = later == "change"
        elif not counts and is_plain_count(quantity):
            continue
        elif per := per_unknown(scan, end, quantity):
            end, unit = per  # "$2 per GPU-hour": USD/GPU-hour, never a plain $2
        elif per := per_before(scan, start, quantity, floor):
            start, unit = per  # "每架每月8000元": CNY/racks/month
        before = (figures[-1][1], figures[-1][3]) if figures else None
        unit = rate_of_before(scan, before, start, unit)  # "12 kW per rack ... from 8.4 kW"
        if figures and (levels := change_levels(scan, figures[-1][:2], start, split, ratio_next)):
            changes[figures[-1][0]] = levels
        figures.append((start, end, quantity, unit))
        split = to if first_level else None
        floor = end
    return figures, scan, dates, changes


def find_figures(text: str, *, source: str | None = None, counts: bool = False) -> pd.DataFrame:
    """Every figure in ``text``, read as :func:`idcforecast.parse_quantity` reads one, with
    the year or period nearest to it in its sentence.

    Parameters
    ----------
    text
        A paragraph, an article, a report page: English, Chinese or both.
    source
        Where the text is from ("Global Times 2020-07-07"), copied into every row's
        ``source``, so that each figure keeps its source when it moves into a table. A
        year in it is taken as the text's date: it dates "last year", "this year", "去年",
        ends a window of "the last five years" and starts one of "the next five years"
        (see Notes and ``period``).
    counts
        Also list bare numbers without unit or magnitude ("8 halls", "top 10"). Off by
        default: such numbers are mostly ordinals and days. A number glued to letters
        ("5G", "H100", "Q3") is never one, nor a display resolution before a word of
        video ("4K video", "8K TV", "4K视频"; "8K employees" is 8 thousand) or, ending
        a clause, after "in", "streams", "shot"... or another ("streams in 4K.", "8K/4K";
        "hired 4K." is 4 thousand), nor a number that names a phase ("Phase 1", "stage
        2"), nor the last two digits of a year range ("2020-22"). A year is never a figure; years are what ``year``
        and ``period`` hold.

    Returns
    -------
    pandas.DataFrame
        One row per figure in text order, columns ``figure`` (as written, without a verb
        before it: "将达到3500亿元" is "3500亿元"), ``value``,
        ``unit`` (canonical; "PUE" for that ratio, which has no unit), ``qualifier``,
        ``low``, ``high`` (a range's ends), ``alternate`` (a parenthesised second figure,
        as written), ``year`` (the single year nearest to the figure in its sentence,
        else missing; a fiscal year over two calendar years, "FY2025/26", is the year it
        ends in), ``period`` ("2020-2022" when the nearest mention is a span of years, or
        for a compound rate, "15% CAGR" or "14% a year to 2028", from its year to the
        next year its sentence names, or from a year after "from" opening a clause ("From
        2024, the market will grow at a CAGR of 12% through 2030": 2024-2030); "?-2028"
        for a compound rate up to a year from a start no year names ("grow 14% a year to
        2028": a rate over years ending in 2028, its ``year`` missing, never a rate of
        2028), and for an amount each year up to a year ("invest $2bn per year through
        2027", "$10bn a year until 2030": "?-2027", never the level of 2027; "by 2027"
        keeps 2027, the run rate reached then) or money invested or spent up to a year ("will
        invest $10bn by 2030", "计划到2025年投资3000亿元", "2030年までに5,000億円を投資":
        "?-2030", a total over those years; "invest $11bn in 2025" keeps 2025), and a
        change in percent by a year ("could rise 160% by 2030", "到2030年将增长160%":
        "?-2030"; "up 20% year on year by 2025" keeps 2025); "2021-?" for money or a
        change in percent since a year ("has invested $5bn since 2021", "up 30% since
        2021", "自2021年以来累计投资50亿元": from 2021 up to the text's date, which it does
        not give; a level of "since 2021", "has operated since 2015 and runs 300 MW", has
        no year); for a rate of growth over the last N years ("近五年年均增速超过30%，
        2023年达到2407亿元", "grew 12% a year over the past five years") the N years up to
        the latest year its sentence names as done (2019-2023, the years themselves, as
        a five-year plan's are), else up to the year before the date in ``source``
        ("Caixin 2024-03-05": 2019-2023), else none, with an ``AmbiguousNumberWarning``
        naming the rate; for a rate of growth or money invested or spent over the next N
        years ("will invest $10 billion over the next five years", "未来五年将投资1000亿
        元") that took no year, the N years from the year of the date in ``source``
        ("Reuters 2025-03-05": 2025-2029: the window starts at the text's date, so its
        first year is the text's, as "the next five years" of a plan published early in
        a year; a plan that starts the year after, such as a five-year plan published
        late in the year before, is not told apart), else none; else ""),
        ``sentence``, ``start`` and ``end`` (character offsets of the
        figure in ``text``) and ``source``.

    Raises
    ------
    ParseError
        ``text`` is not a string.

    Notes
    -----
    A finder, not an understanding: it reads the longest stretch around each number that
    is a figure (so "more than 1 million servers" keeps its "more than", "500 billion yuan
    ($71.2 billion)" its alternate) and takes the year by distance within the sentence
    (first within the clause, in Chinese text split by "，"), not by grammar; a date's
    year counts ("截至2023年6月底" is 2023). The year of a change named after the figure in
    a later verb phrase or clause is not the figure's ("is worth $3.5bn and will double by
    2030", "目前市场规模为1000亿元，预计到2025年将翻一番": no year; "In 2024 the market is
    worth $3.5bn and will double by 2030": 2024), nor is the year a project opens or starts
    building that of its cost ("costing $1 billion, is slated to open in 2026", "总投资约
    120亿元，...预计2026年投产": no year; "the 100 MW campus will open in 2026" is 2026's),
    nor is a phase's year that of figures named before the phase ("will invest $5 billion in
    a 1.5GW campus, with the first phase due by 2026", "规划建设1万个机柜，一期预计2025年投产":
    no year; "the first phase of 300 MW is due by 2026" is 2026's), nor is the year of a
    figure in a later verb phrase ("has 1 GW and plans another 2 GW by 2030": the 1 GW has
    no year) unless it is a later part of the same year ("$3bn in the first quarter and is
    expected to be $3.5bn in the second quarter of 2025": both 2025).
    The year after a list of figures of one kind is every member's ("will invest €2
    billion, £5 billion and $3.2 billion by 2029": each "?-2029", in its own currency;
    "add 5 GW, 3 GW and 2 GW by 2030": 2030). A base year is no figure's year: after
    "compared with", "versus", "较", "比" or "与...相比" for any figure, after "on", "over"
    or "from" for a rate ("up 15% on FY2022" is not 2022's; "$1bn a year from 2025" is
    2025's). A figure of "last year", "a year ago" or "去年" has no year (the text's date
    is not known) unless ``source`` holds a date, whose year is the text's ("Reuters
    2025-03-05": "last year", "去年" 2024, "this year", "today", "今年" 2025, "next year"
    2026); one of "a year earlier", "the previous year" or "上年" is the year
    before the one year its sentence names ("4,200 MW in 2024, up from 3,778 MW a year
    earlier": 2023), else none. An English number word before a magnitude word is its number ("two billion
    yuan" is 2 "CNY bn"). Chinese numerals are read for an amount or a share, never a count: one
    numeral before a magnitude word or 成 is its digit ("五百亿元" is 5 "CNY 10bn", "三成"
    3 tenths), a compound numeral its value before the magnitude word written first or
    the one it ends in ("三千五百亿元" is 3500 "CNY 100m", "三亿五千万元" 3.5 "CNY 100m",
    "百分之二十七点八" 27.8%, "百分之百" 100%, "十亿元" 1 "CNY bn"); spoken "一万五元" is
    1.5 "CNY 10k", "十几亿元" (ten-odd 亿) at least 10 "CNY 100m", "两三千亿元" and
    "三五千亿元" the ranges 2000 to 3000 and 3000 to 5000 "CNY 100m", "七八成" 7 to 8
    "tenths", and a number in two magnitude words one figure ("1亿5000万元" is 1.5 "CNY
    100m"); names give no figure ("十四五" is the period 2021-2025), nor does "百分之百"
    as an adverb ("我百分之百确定", I'm 100% sure; "百分之百的股权" is 100%).
    Chinese computing power in P is PFLOPS: "1.5万P" (ten thousand PFLOPS) anywhere,
    "500P" in a clause about 算力 ("智能算力规模达到500P以上"; "1080P视频" is a video's).
    Korean magnitudes and won read as Chinese ones do ("2조5000억원을" is 2.5 "KRW tn",
    "약 5조원" about 5 "KRW tn"; a figure ends before a Korean particle).
    A number of equal parts is their total: "2x48MW", "48MW×2" (two halls of 48 MW) are 96 MW, its
    ``figure`` showing the product. A range after a change's "by" ("rose by $2bn to $10bn",
    "could rise by $2bn to $3bn") stays a range, with an ``AmbiguousNumberWarning``: it may
    be an amount and the level reached (then the level is ``high``), which the words do not
    tell apart ("grew by 10 to 15%", a range of growth, says nothing). A comma before one or two digits is a decimal comma ("3,5 Mio Euro", "1.234,5",
    "1 234,5"); "1,234" and "1.234" keep the English reading ("1.250 MW" is 1.25 MW)
    unless the paragraph (up to a blank line) writes decimal commas, except after "$" or
    "£" ("$1.250 billion" is 1.25), or a Spanish, Portuguese, Italian or German magnitude word
    follows ("1.000 millones de euros" is 1,000 million, "2.500 Mio. Euro" 2,500).
    "mil" is a thousand in a Spanish or Portuguese sentence or before such a money word
    ("500 mil euros" is 500 "EUR thousand"), a million otherwise ("$5 mil"). A
    number "0.xxx" is never thousands, nor is a PUE. A count noun
    before another noun modifies it: "3.76 million data center GPUs" is 3.76 "count mn"
    (the registry has no GPUs), "10,000 data center racks" 10,000 racks (its ``figure``
    then holds words that ``parse_quantity`` alone does not read), as a Chinese noun before
    a count with a classifier is ("机柜2万个", "机架数达81.8万个": "racks 10k"), or with none
    after the noun's count ("标准机架数超过830万", "服务器出货量约450万"). A magnitude word
    after a qualifier needs no digits ("上千亿元" is at least 1 "CNY 100bn"), and a bare
    number named as a PUE is one ("a PUE of 1.25"), as is a later value of it in its
    sentence, written with a decimal point ("a PUE of 1.3, falling to 1.2 by 2025": the
    1.2 is 2025's, the 1.3 has no year; "1.25 in 2024 and 1.2 in 2025"); a number before
    "PUE" is a PUE only if it can be one (1 to under 10) and is no whole number counting the
    noun after it: "200 PUE audits" and "3 PUE sensors" are counts ("a 1.15 PUE", "two 1.2
    PUE halls" are PUEs), nor is a number below 1 after "by", the amount of a change
    ("reduce PUE by 0.2 to 1.3" gives 1.3 PUE only). A currency the registry lacks
    ("NZ$20 billion") gives no figure, never one in US dollars, nor a count ("EGP 5 billion", "20 billion
    Egyptian pounds": left out, named in an ``AmbiguousNumberWarning``, as is "R5 billion",
    rand, and "Rs" or "rupees" in a sentence that names Pakistan, Sri Lanka, Nepal,
    Mauritius or the Seychelles: "Rs5 billion in Pakistan" is no INR; "₹", "INR" and
    "Indian rupees" stay INR), and an amount before a
    magnitude word the registry lacks ("€5 bilionů") none either, never the bare "€5" (an
    ``AmbiguousNumberWarning`` names it); an amount per a thing
    the registry lacks keeps that thing in its ``unit`` as written ("$2 per GPU-hour" is
    2 "USD/GPU-hour", a unit ``parse_unit`` does not read); a bare "¥" is yuan, as
    ``parse_quantity`` reads it, unless the figure's sentence (else the text) names Japan
    and not China (Japan, Tokyo, 円, JPY, kana): then yen; a text with no Chinese that
    names neither country keeps yuan with an ``AssumedCurrencyWarning`` naming those
    figures (the registry's reading was assumed). A Chinese amount in 万 or 亿 without 元
    right after a money word ("投资约300亿", "营收达1200亿", "市场规模将达到3000亿") is yuan,
    as Chinese news means it, with an ``AssumedCurrencyWarning`` naming it ("用户数达3亿"
    stays a count); a hedge before 占 is the share's ("约占全国的30%" is about 30%). A line
    break ends a
    sentence, unless the next line goes on in lower case (prose wrapped mid-sentence:
    "$80\\nbillion" is one figure). Check each row against its sentence. A growth word
    before a percentage gives its sign ("down 3%" is -3%); what the percentage is a rate
    of (year on year, a CAGR over ``period``) is in the sentence.

    Examples
    --------
    >>> text = ("China's IDC market will grow at compound rate of 27.8 percent from 2020-22, "
    ...         "and the scale will reach 320 billion yuan in 2022.")
    >>> found = find_figures(text, source="Global Times 2020-07-07")
    >>> found[["figure", "value", "unit", "year", "period"]].to_string(index=False)
    '          figure  value   unit  year    period\\n    27.8 percent   27.8      %  <NA> 2020-2022\\n320 billion yuan  320.0 CNY bn  2022          '
    """  # noqa: E501
    import pandas as pd

    if not isinstance(text, str):
        raise ParseError(
            f"find_figures: expected text, found {type(text).__name__}; pass the article as "
            "a string (for a file: pathlib.Path(FILE).read_text(encoding='utf-8'))",
            text=repr(text),
        )
    from idcforecast.units.registry import without_suggestions

    unread: list[tuple[str, str]] = []  # money before a magnitude word not read
    foreign: list[tuple[str, str]] = []  # money in a currency the registry lacks
    with without_suggestions():  # most stretches tried are no figure: no "did you mean"
        figures, scan, dates, changes = _figures_in(text, counts, unread, foreign)
    if unread:
        warn_unread_magnitudes(unread)
    if "by" in scan and (by_ranges := ranges_after_by(text, scan, figures)):
        warn_ranges_after_by(by_ranges)  # "rose by $2bn to $10bn": a range, or $10bn?
    foreign += glued_currency_amounts(text)  # "R5 billion": never a figure, now named
    if foreign:
        warn_unknown_currencies(foreign)
    rows = []
    assumed: list[str] = []  # figures of a bare "¥" read as yuan with no country named
    governed: list[tuple[str, str]] = []  # counts in 亿 read as yuan by a money word
    published = source_year(source)
    dated = years_of_figures(text, scan, figures, dates, sentences(scan), changes, published)
    # "近五年年均增速12%": the five years to the year the sentence (or source) ends them in
    dated, windows = window_periods(text, scan, figures, dated, source)
    # "未来五年将投资1000亿元": the five years from the source's date, if it gives one
    dated = next_window_periods(text, figures, dated, published)
    if windows:
        warn_unknown_windows(windows)
    floor = 0  # the end of the figure before: a money word is looked for after it
    for (start, end, quantity, unit), (s_start, s_end, near) in zip(figures, dated, strict=True):
        single = (
            near is not None
            and near.first == near.last
            and not near.open_start
            and not near.open_end
        )
        word = (
            yuan_by_money_word(scan, (start, end), floor, quantity)
            if unit == quantity.unit
            else None
        )
        if word is not None:
            quantity = in_yuan(quantity)  # "投资约300亿": 300 CNY 100m, as Chinese news means
            unit = quantity.unit
        floor = end
        if unit.startswith(quantity.unit):  # "¥" beside Japan is yen ("¥300 per GPU-hour")
            on = near.first if near is not None and single else None
            read = yen_or_yuan(text, (start, end), (s_start, s_end), quantity, on)
            if yuan_assumed(text, (start, end), read):
                assumed.append(text[start:end])
            unit, quantity = read.unit + unit[len(quantity.unit) :], read
        start = _after_verb(scan, start, end)  # "将达到3500亿元": the figure is "3500亿元"
        if word is not None:
            governed.append((" ".join(text[start:end].split()), word))
        rows.append(
            {
                "figure": text[start:end],
                "value": quantity.value,
                "unit": unit,
                "qualifier": quantity.qualifier,
                "low": quantity.low,
                "high": quantity.high,
                "alternate": _alternate_as_written(text[start:end], quantity),
                "year": near.first if near is not None and single else None,
                "period": _period_text(near) if near is not None and not single else "",
                "sentence": " ".join(text[s_start:s_end].split()),
                "start": start,
                "end": end,
                "source": source,
            }
        )
    if assumed:
        _warn_yuan_assumed(assumed)
    if governed:
        warn_yuan_by_money_word(governed)
    frame = pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))
    return frame.astype({"value": "float64", "low": "float64", "high": "float64"}).astype(
        {"year": "Int64", "start": "int64", "end": "int64"}
    )


def _period_text(near: Mention) -> str:
    """ "2020-2022"; "?-2028" for a compound rate (or an amount each year) up to 2028
    from a year not written."""
    if near.open_end:
        return f"{near.first}-?"
    return f"?-{near.last}" if near.open_start else f"{near.first}-{near.last}"


# verbs news put before a figure ("将达到", "高达", "增至"): parse_quantity reads them as
# saying nothing (an exact figure), so the figure as written begins after them
_VERB_BEFORE = re.compile(
    "(?:"
    + "|".join(
        re.escape(w)
        for w in sorted((w for w, q in PREFIX_QUALIFIERS.items() if q == "exact"), key=len)[::-1]
    )
    + r")[ :：]*"
)


# the English ones ("reached", "fell to"), which the figure never begins with
_LATIN_VERB = re.compile(
    "(?:"
    + "|".join(
        re.escape(w)
        for w in sorted(
            (w for w, q in PREFIX_QUALIFIERS.items() if q == "exact" and w.isascii()), key=len
        )[::-1]
    )
    + r")\s+(?=\S)",
    re.IGNORECASE,
)


def _alternate_as_written(figure: str, quantity: Quantity) -> str | None:
    """The figure's parenthesised alternate as ``text`` writes it ("1,6 Mio. $", never the
    "1.6 Mio. $" that ``parse_quantity`` read after the decimal commas were made points)."""
    if quantity.alternate is None:
        return None
    return written_alternate(figure) or quantity.alternate.text


def _after_verb(scan: str, start: int, end: int) -> int:
    """``start`` past a verb that begins the figure ("将达到三千五百亿元" begins at 三),
    where something of the figure follows it."""
    verb = _VERB_BEFORE.match(scan, start, end)
    return verb.end() if verb is not None and verb.end() < end else start


def _warn_yuan_assumed(figures: list[str]) -> None:
    """Say that the bare "¥" of ``figures`` was read as yuan by default: the text names
    neither China nor Japan (in English news "¥" is often yen)."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AssumedCurrencyWarning

    shown = ", ".join(repr(" ".join(f.split())) for f in figures[:3])
    shown += ", ..." if len(figures) > 3 else ""
    count = counted(len(figures), "figure")
    warnings.warn(
        f"find_figures: '¥' of {count} ({shown}) read as yuan (CNY), assumed: the text names "
        "neither China nor Japan; if they are yen, name Japan in the text or read their "
        "unit's 'CNY' as 'JPY'",
        AssumedCurrencyWarning,
        stacklevel=caller_stacklevel(),
    )
