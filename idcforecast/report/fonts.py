"""Fonts for reports: the house Latin font and an optional CJK font, plus the CJK fallback.

Matplotlib's bundled DejaVu Sans has no Chinese glyphs. The sources of the bundled data
quote Chinese ("2019年中国IDC业务市场规模达到1562.5亿元"), so the PDF needs a CJK font to
print them. One is looked up in this order:

1. the file named by the environment variable ``IDCFORECAST_CJK_FONT`` (set it to ``none``
   to switch CJK fonts off, e.g. to preview the fallback);
2. the optional extra ``idcforecast[cjk]`` (PyPI ``paperang-p2-fonts-cjk``, WenQuanYi Micro
   Hei, TrueType outlines);
3. PyPI ``pylopdf-fonts-zh-cn`` (Noto Sans SC) if installed;
4. common system files (Debian ``fonts-droid-fallback``, ``fonts-wqy-microhei``,
   ``fonts-noto-cjk``).

When none is found, CJK text is dropped from what is printed (:func:`without_cjk`) and the
report says so: never a missing-glyph box.
"""

from __future__ import annotations

import importlib.util
import os
import re
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "CJK_FONT_ENV",
    "FontFile",
    "cjk_runs",
    "contains_cjk",
    "find_cjk_font",
    "in_chinese",
    "latin_fonts",
    "latin_name",
    "name_without_cjk",
    "quoted_figures",
    "without_cjk",
]

CJK_FONT_ENV = "IDCFORECAST_CJK_FONT"

# CJK punctuation, kana, unified ideographs (+ extension A), Hangul, compatibility
# ideographs, full-width forms: the characters DejaVu Sans cannot draw. Also radicals,
# bopomofo, enclosed CJK and the CJK compatibility block (unit signs such as "㎡" of floor
# areas, "㎏", "㎾"), CJK compatibility and small forms ("︰", "﹐") and the enclosed numbers past ⑩
# ("⑪", "⑴", "⒈", "ⓐ": footnote markers) that DejaVu lacks: they were drawn as empty
# boxes in text and charts, as "面积1000 ，" for "面积1000㎡，".
_CJK_CHARS = (
    "\u246a-\u24b5\u24d0-\u24e9\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef"
)
_CJK_RUN = re.compile(f"[{_CJK_CHARS}]+")
_RUNS = re.compile(f"[{_CJK_CHARS}]+|[^{_CJK_CHARS}]+")
# a number written with a Chinese unit or magnitude right after it ("2万亿元", "1,562.5 亿元")
_CJK_FIGURE = re.compile(f"(?<![0-9A-Za-z.])(\\d[\\d,]*(?:\\.\\d+)?)(\\s*)([{_CJK_CHARS}]+)")
# Latin letters with a CJK character on both sides are part of a Chinese word ("中国IDC圈",
# "中国IDC市场规模"); a digit or letter next to them ("5G基站") keeps them a Latin token.
_LATIN_INSIDE_CJK_WORD = re.compile(f"[{_CJK_CHARS}]+[A-Za-z]+(?=[{_CJK_CHARS}])")
_EMPTY_BRACKETS = re.compile(r"\(\s*[/,;:|]?\s*\)|\[\s*\]|《\s*》")
_SYSTEM_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


@dataclass(frozen=True)
class FontFile:
    """A font file and, for a collection (.ttc), the index of the face to use."""

    path: Path
    index: int = 0


def contains_cjk(text: str) -> bool:
    """Whether ``text`` has characters that need a CJK font.

    Examples
    --------
    >>> contains_cjk("1562.5亿元"), contains_cjk("CNY 100m")
    (True, False)
    """
    return _CJK_RUN.search(text) is not None


def cjk_runs(text: str) -> list[str]:
    """``text`` cut into alternating runs of CJK and other characters (joined, the text).

    Examples
    --------
    >>> cjk_runs("near 2万亿元 (cap)")
    ['near 2', '万亿元', ' (cap)']
    """
    return _RUNS.findall(text)


def without_cjk(text: str, *, placeholder: str = "[Chinese text]") -> str:
    """Drop CJK characters from ``text`` and tidy what is left.

    Used when no CJK font is available, and for chart text (charts use DejaVu Sans only).
    Latin letters written inside a Chinese word (the "IDC" of "中国IDC圈", China IDC
    Circle, the consultancy CIDC) go with it: left alone they named another firm, the
    research house IDC ("quoting IDC"). Returns ``placeholder`` when nothing readable is
    left.

    Examples
    --------
    >>> without_cjk("科智咨询 (CIDC)")
    'CIDC'
    >>> without_cjk("CNY 100m (亿元)")
    'CNY 100m'
    >>> without_cjk("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告")
    '2019-2020'
    >>> without_cjk("科智咨询")
    '[Chinese text]'
    >>> without_cjk("in CNY 100m (亿元). Next")
    'in CNY 100m. Next'

    A figure in a Chinese unit keeps its unit, in English: dropped, "saturates near
    2万亿元" read "saturates near 2".

    >>> without_cjk("saturates near 2万亿元"), without_cjk("2019年, 500万架的规模")
    ('saturates near 2 CNY trillion', '2019, 500 x 10 thousand racks')
    >>> without_cjk("PUE值1.3, AI算力")
    'PUE 1.3, AI'
    """
    if not contains_cjk(text):
        return text
    stripped = _CJK_FIGURE.sub(_figure_in_latin, text)
    # (the figures' units are Latin now, after a digit: never inside a Chinese word)
    stripped = _LATIN_INSIDE_CJK_WORD.sub(" ", stripped)
    stripped = _CJK_RUN.sub(" ", stripped)
    stripped = _EMPTY_BRACKETS.sub(" ", stripped)
    stripped = re.sub(r"\s+", " ", stripped).strip(" /,;:|-")
    stripped = re.sub(r"\s+([.,;:!?)\]])", r"\1", stripped)
    stripped = re.sub(r"([(\[])\s+", r"\1", stripped)
    stripped = re.sub(r"^\((.*)\)$", r"\1", stripped).strip()
    if not re.search(r"[A-Za-z0-9]", stripped):
        return placeholder
    return stripped


def _figure_in_latin(match: re.Match[str]) -> str:
    """A number and the Chinese run after it with the longest start of that run that is
    a unit or magnitude (parse_quantity) said in English: "2万亿元" -> "2 CNY trillion",
    "500万架的" -> "500 x 10 thousand racks的"; as it was when none is (a year, a count)."""
    said = _figure_and_unit(match)
    if said is None:
        return match.group(0)
    figure, rest = said
    return figure + rest


def in_chinese(text: str) -> bool:
    """Whether ``text`` has Chinese words, beyond figures in a Chinese unit (which
    :func:`without_cjk` says in English: "saturates near 2万亿元" is English text).

    Examples
    --------
    >>> in_chinese("AI demand; saturates near 2万亿元"), in_chinese("乐观情景：AI需求拉动")
    (False, True)
    >>> in_chinese("2025年增速提高5个百分点"), in_chinese("CNY 100m")
    (True, False)
    """
    return contains_cjk(text) and contains_cjk(_CJK_FIGURE.sub(_figure_in_latin, text))


def quoted_figures(text: str) -> list[str]:
    """The figures with a Chinese unit in ``text``, said in English, in their order: what a
    Chinese quote states, for a report printed without a CJK font. Years, counts and
    percentages are left out (without their Chinese words, "2022 25.6%" read as a figure
    of 2022, though it was growth over 2022).

    Examples
    --------
    >>> quoted_figures("2023年中国整体IDC业务市场规模为5,078.3亿元,较2022年增长25.6%")
    ['5,078.3 CNY 100 million']
    >>> quoted_figures("预计2025年将突破2万亿元"), quoted_figures("同比增长27.2%")
    (['2 CNY trillion'], [])
    """
    found = []
    for match in _CJK_FIGURE.finditer(text):
        said = _figure_and_unit(match)
        if said is not None:
            found.append(said[0])
    return found


def _figure_and_unit(match: re.Match[str]) -> tuple[str, str] | None:
    """The number of a :data:`_CJK_FIGURE` match with its unit in English, and the rest of
    its Chinese run; None when no start of the run is a unit (a year, a count, a date)."""
    import unicodedata

    from idcforecast.errors import IdcForecastError
    from idcforecast.report.style import unit_label
    from idcforecast.units import parse_quantity
    from idcforecast.units.registry import parse_unit

    number, _, run = match.groups()
    for end in range(len(run), 0, -1):
        if unicodedata.category(run[end - 1]).startswith("P"):
            continue  # "10万㎡，": the full-width comma stays a separator, not the unit's
        try:
            quantity = parse_quantity(f"{number}{run[:end]}")
        except IdcForecastError:
            continue
        # a count ("12个") or a date ("2020年12月": a year, a month) reads as the bare number
        if quantity.unit == "count" or parse_unit(quantity.unit).dimension == "time":
            break
        label = unit_label(quantity.unit)
        if contains_cjk(label):
            break
        # "500 x 10 thousand racks", not "500 10 thousand racks" (read as 50,010 thousand)
        joint = " x " if label[:1].isdigit() else " "
        return f"{number}{joint}{label}", run[end:]
    return None


def name_without_cjk(text: str, *, placeholder: str = "[Chinese text]") -> str:
    """A name (a publisher, a report) as :func:`without_cjk` prints it, or ``placeholder``
    when no word is left: a title cut to its year, "2019-2020", named nobody.

    Examples
    --------
    >>> name_without_cjk("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告")
    '[Chinese text]'
    >>> name_without_cjk("CAICT 数据中心白皮书(2022年)")
    'CAICT (2022)'
    """
    shown = without_cjk(text, placeholder=placeholder)
    return shown if re.search(r"[A-Za-z]", shown) else placeholder


def latin_name(text: str) -> str:
    """``text`` for chart titles, which are DejaVu only: as it is without CJK, without a
    bracketed CJK gloss ("China IDC market (亿元)" is "China IDC market"), and "" when CJK
    is part of the name itself, whose Latin leftovers would mislead ("中国IDC市场规模" is no
    "IDC").

    Examples
    --------
    >>> latin_name("China IDC market (中国IDC市场)"), latin_name("中国IDC市场规模")
    ('China IDC market', '')
    """
    if not contains_cjk(text):
        return text
    glossed = re.compile(r"\s*[(（][^()（）]*[)）]")
    unglossed = glossed.sub(lambda m: "" if contains_cjk(m.group()) else m.group(), text)
    return "" if contains_cjk(unglossed) else re.sub(r"\s+", " ", unglossed).strip()


def latin_fonts() -> dict[str, Path]:
    """The DejaVu Sans files matplotlib ships, keyed by fpdf2 style ("" and "B").

    Charts and text share one family, so the chart text embedded from SVG matches the body.
    (No italic: the report does not use it, and each face costs parsing time.)
    """
    import matplotlib

    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {
        "": ttf / "DejaVuSans.ttf",
        "B": ttf / "DejaVuSans-Bold.ttf",
    }


def _package_file(package: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *parts)
    return path if path.is_file() else None


def find_cjk_font() -> FontFile | None:
    """Find a font file with Chinese glyphs, or None (see the module docstring for the order).

    Examples
    --------
    >>> font = find_cjk_font()
    >>> font is None or font.path.is_file()
    True
    """
    configured = os.environ.get(CJK_FONT_ENV)
    if configured is not None:
        if configured.strip().lower() in {"", "none", "off", "0"}:
            return None
        return FontFile(Path(configured))
    candidates = (
        _package_file("paperang_p2_fonts_cjk", "fonts", "wqy-microhei.ttc"),
        _package_file("pylopdf_fonts_zh_cn", "NotoSansSC-Regular.otf"),
        *(Path(p) for p in _SYSTEM_FONTS),
    )
    for path in candidates:
        if path is not None and path.is_file():
            return FontFile(path)
    return None
