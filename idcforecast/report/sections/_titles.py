"""Chart titles for the report's sections (chart text is DejaVu Sans only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast.report.fonts import without_cjk

if TYPE_CHECKING:
    from idcforecast.report.context import ReportContext

__all__ = ["chart_title"]


def chart_title(ctx: ReportContext, what: str) -> str:
    """A chart title: chart text is DejaVu only, so a title in Chinese ("市场规模") loses its
    CJK characters (fpdf2 would drop them from the drawing, leaving ": forecast")."""
    name = without_cjk(ctx.title, placeholder="")
    return f"{name}: {what}" if name else what[0].upper() + what[1:]
