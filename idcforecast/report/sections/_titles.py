"""Chart titles for the report's sections (chart text is DejaVu Sans only), and what of a
report is in Chinese, for the note of a report printed without a CJK font."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast.report.fonts import latin_name

if TYPE_CHECKING:
    from idcforecast.report.context import ReportContext

__all__ = [
    "INSTALL_CJK",
    "NAMED_IN_CHINESE",
    "chart_title",
    "chinese_left_out",
    "scope_without_cjk",
]


def chart_title(ctx: ReportContext, what: str) -> str:
    """A chart title: chart text is DejaVu only, so a title with Chinese in its name is not
    repeated there (the page's heading above prints it; :func:`latin_name`): without its
    CJK characters "中国IDC市场规模" read "IDC: forecast"."""
    name = latin_name(ctx.title)
    return f"{name}: {what}" if name else what[0].upper() + what[1:]


INSTALL_CJK = (
    "Install idcforecast[cjk] (or set IDCFORECAST_CJK_FONT to a CJK font file) to print it."
)


# a source or publisher whose name is Chinese only, printed without a CJK font (what is
# left of it, a year or nothing, named nobody; "[Chinese text]" read as a placeholder)
NAMED_IN_CHINESE = "named in Chinese"


def scope_without_cjk(scope: str) -> str:
    """A scope as a PDF without a CJK font prints it: its English gloss when it has one,
    "stated in Chinese" when it is Chinese only ("[Chinese text]" in Sources, and nothing
    at all on the cover: "(scope:)").

    Examples
    --------
    >>> scope_without_cjk("整体IDC业务"), scope_without_cjk("整体IDC业务 (overall IDC business)")
    ('stated in Chinese', 'overall IDC business')
    >>> scope_without_cjk("cidc_overall")
    'cidc_overall'
    """
    from idcforecast.report.fonts import name_without_cjk

    return name_without_cjk(scope, placeholder="stated in Chinese")


def chinese_left_out(ctx: ReportContext) -> str:
    """What of the report is in Chinese, for the note a report without a CJK font gives:
    "the title, the series' name, sources, quotes"; "" when nothing is. A source whose
    only Chinese is a known name (:mod:`~idcforecast.report._known_names`) is printed in
    English, not left out.

    Examples
    --------
    >>> import pandas as pd
    >>> from types import SimpleNamespace
    >>> ctx = SimpleNamespace(title="中国IDC市场", series_id="cn", history=pd.DataFrame(
    ...     {"source": ["赛迪顾问", "x"], "quote": ["", ""], "note": ["", "注"]}))
    >>> chinese_left_out(ctx)
    'the title, sources, notes'
    >>> ctx.history["source"] = ["科智咨询", "x"]
    >>> chinese_left_out(ctx)
    'the title, notes'
    """
    from idcforecast.report._known_names import in_english
    from idcforecast.report.fonts import contains_cjk

    hist = ctx.history
    parts = [
        what
        for what, text in (("the title", ctx.title), ("the series' name", ctx.series_id))
        if contains_cjk(str(text))
    ]
    for column, what in (
        ("source", "sources"),
        ("quote", "quotes"),
        ("note", "notes"),
        ("scope", "scopes"),
    ):
        # a source whose Chinese is a known name is printed whole, in English
        said = in_english if column == "source" else str
        if column in hist.columns and any(
            isinstance(v, str) and contains_cjk(said(v)) for v in hist[column]
        ):
            parts.append(what)
    return ", ".join(parts)
