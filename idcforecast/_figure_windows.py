"""The period of a rate over "the last five years" ("近五年年均增速12%", "grew 12% a year over
the past five years"): the five years up to the latest year its sentence names as done
("近五年年均增速超过30%，2023年达到2407亿元": 2019-2023), else up to the year before the
source's date (statistics of the last full year), else unknown, said in a warning, never a
period guessed. Used by :mod:`idcforecast.text_figures`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from idcforecast._year_mentions import Mention, year_mentions

if TYPE_CHECKING:
    from collections.abc import Sequence

    from idcforecast.units.quantity import Quantity

__all__ = [
    "over_the_window",
    "source_year",
    "warn_unknown_windows",
    "window_periods",
    "years_counted",
]

_COUNTS = {
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# the last N years: "近五年", "近5年来", "过去五年", "最近三年", "the past five years", "the
# last 5 years" ("前5年", the first five years of something, is no window up to now)
_WINDOW = re.compile(
    r"(?:近|过去|過去|最近)\s*(\d{1,2}|[一二两兩三四五六七八九十])\s*(?:个|個)?\s*年(?![度份])"
    r"|\b(?:the\s+)?(?:past|last|previous|preceding)\s+(\d{1,2}|two|three|four|five|six|seven"
    r"|eight|nine|ten)\s+years\b",
    re.IGNORECASE,
)
# a clause about the future: its year is no end of a window up to now ("预计到2025年",
# "will reach $5bn by 2027"; "达到", "截至", "增至" are done)
_FUTURE = re.compile(
    r"预计|預計|将|將|有望|(?<![达達])到|(?<![截增降])至"
    r"|\b(?:will|expected|forecast|projected|by|to)\b",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"，|；|, |; ")
# a rate of growth, in or just before the figure: "年均增速12%", "grew 12% a year", "up 80%"
# (a share over the window, "近五年市场份额达到30%", is no rate over it)
_GROWTH = re.compile(
    r"增速|增长|增長|增幅|增加|下降|减少|減少|复合|複合|年均"
    r"|\b(?:growth|grew|grow|grows|growing|rose|rise|rising|up|down|fell|fall|increased?"
    r"|declined?|cagr|a\s+year|annual(?:ly)?|per\s+year)\b",
    re.IGNORECASE,
)
# a year in a source's date: "Global Times 2020-07-07", "财新 2023年5月"
_SOURCE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


# money in total over the window: "过去三年累计投资200亿元", "has invested $5bn over the past
# three years"
_TOTAL = re.compile(
    r"累计|累計|投资|投資|投入|\b(?:invested|spent|raised|poured|deployed|invest|spend)\b",
    re.IGNORECASE,
)


def _window_of(text: str, span: tuple[int, int], sentence: tuple[int, int]) -> int | None:
    """The number of years of a window named in the clause of the rate at ``span``, before
    it ("近五年年均增速12%") or after it ("grew 12% a year over the past five years")."""
    start, end = span
    marks = [m.end() for m in _CLAUSE.finditer(text, max(sentence[0], start - 30), start)]
    low = marks[-1] if marks else max(sentence[0], start - 30)
    after = _CLAUSE.search(text, end, min(sentence[1], end + 40))
    high = after.start() if after else min(sentence[1], end + 40)
    windows = list(_WINDOW.finditer(text, low, start)) or list(_WINDOW.finditer(text, end, high))
    if not windows:
        return None
    window = windows[-1] if windows[-1].end() <= start else windows[0]
    return years_counted(window[1] or window[2])


def years_counted(count: str) -> int | None:
    """The number of years a window names ("5", "五", "five"), 2 to 30, else None."""
    years = int(count) if count.isdigit() else _COUNTS.get(count.lower())
    return years if years is not None and 2 <= years <= 30 else None


def _done_year(text: str, mentions: Sequence[Mention], sentence: tuple[int, int]) -> int | None:
    """The latest of ``mentions`` in the sentence that is a single year in a clause not
    about the future, and not a base year: the year the window runs to."""
    years = []
    for m in mentions:
        if not (sentence[0] <= m.start < sentence[1]) or m.first != m.last or m.base:
            continue
        marks = [c.end() for c in _CLAUSE.finditer(text, sentence[0], m.start)]
        after = _CLAUSE.search(text, m.end, sentence[1])
        clause = (marks[-1] if marks else sentence[0], after.start() if after else sentence[1])
        if _FUTURE.search(text, *clause) is None:
            years.append(m.first)
    return max(years) if years else None


def over_the_window(text: str, span: tuple[int, int], sentence: tuple[int, int], unit: str) -> bool:
    """Whether the figure at ``span`` may be one over a window of years: a rate of growth
    ("年均增速12%", "grew 12% a year") or money invested or spent in total ("过去三年累计投资
    200亿元"), not a share or a level ("市场份额达到30%")."""
    start, end = span
    if unit == "%":
        return (
            _GROWTH.search(text, max(sentence[0], start - 12), min(sentence[1], end + 10))
            is not None
        )
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        money = parse_unit(unit).currency is not None and "/" not in unit
    except IdcForecastError:
        return False
    return money and _TOTAL.search(text, max(sentence[0], start - 12), start) is not None


def source_year(source: str | None) -> int | None:
    """The year of the date in ``source``, when it holds one ("Caixin 2024-03-05": 2024).

    >>> source_year("Global Times 2020-07-07"), source_year("Caixin"), source_year(None)
    (2020, None, None)
    """
    found = _SOURCE_YEAR.search(source) if source else None
    return int(found[1]) if found is not None else None


def window_periods(
    text: str,
    scan: str,
    figures: Sequence[tuple[int, int, Quantity, str]],
    dated: list[tuple[int, int, Mention | None]],
    source: str | None,
) -> tuple[list[tuple[int, int, Mention | None]], list[str]]:
    """``dated`` (each figure's sentence and year or period) with a rate over the last N
    years given the N years up to the year the window ends in: the latest year its
    sentence names as done ("近五年年均增速超过30%，2023年达到2407亿元": 2019-2023, the
    years themselves, as a five-year plan's are), else the year before the one in
    ``source`` ("Caixin 2024-03-05": 2019-2023), else none; and the figures (as written)
    whose window's years nothing names, for a warning. A rate that took a period of its
    own ("2019-2023年年均增长") keeps it; one that took one year, a year the window ends in
    ("2023年，近五年年均增速12%"), is the window up to it."""
    if not any(w in text for w in ("近", "过去", "過去", "ast", "AST", "revious", "receding")):
        return dated, []
    mentions: list[Mention] | None = None
    unknown: list[str] = []
    out = list(dated)
    for i, ((start, end, _, unit), (s_start, s_end, near)) in enumerate(
        zip(figures, dated, strict=True)
    ):
        if near is not None and near.first != near.last:
            continue  # a period of its own: "2019-2023年年均增长12%"
        if not over_the_window(text, (start, end), (s_start, s_end), unit):
            continue
        years = _window_of(text, (start, end), (s_start, s_end))
        if years is None:
            continue
        if near is not None and near.since:
            continue
        if near is not None:  # "2023年，近五年年均增速12%", "截至2023年底": the year it took
            last = _done_year(text, [near], (s_start, s_end))
        else:
            if mentions is None:
                mentions = year_mentions(scan, [(a, b) for a, b, _, _ in figures])
            last = _done_year(text, mentions, (s_start, s_end))
        if last is None and (published := source_year(source)) is not None:
            last = published - 1
        if last is None:
            unknown.append(text[start:end])
            continue
        at = (start, end) if near is None else (near.start, near.end)
        out[i] = (s_start, s_end, Mention(*at, last - years + 1, last))
    return out, unknown


def warn_unknown_windows(figures: list[str]) -> None:
    """Say which figures over the last N years have no period: no year says when."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast._wording import counted
    from idcforecast.errors import AmbiguousNumberWarning

    shown = ", ".join(repr(" ".join(f.split())) for f in figures[:3])
    shown += ", ..." if len(figures) > 3 else ""
    warnings.warn(
        f"find_figures: {counted(len(figures), 'figure')} over the last years ({shown}) "
        "left without a period: the text names no year the window ends in; pass "
        "source= with the article's date (the window then ends the year before it), or "
        "write the period yourself",
        AmbiguousNumberWarning,
        stacklevel=caller_stacklevel(),
    )
