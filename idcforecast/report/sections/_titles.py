"""Chart titles for the report's sections (chart text is DejaVu Sans only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast.report.fonts import latin_name

if TYPE_CHECKING:
    from idcforecast.report.context import ReportContext

__all__ = ["chart_title"]


def chart_title(ctx: ReportContext, what: str) -> str:
    """A chart title: chart text is DejaVu only, so a title with Chinese in its name is not
    repeated there (the page's heading above prints it; :func:`latin_name`): without its
    CJK characters "中国IDC市场规模" read "IDC: forecast"."""
    name = latin_name(ctx.title)
    return f"{name}: {what}" if name else what[0].upper() + what[1:]
