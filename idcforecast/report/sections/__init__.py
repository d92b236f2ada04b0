"""The sections of the PDF report, listed in order in :data:`SECTIONS`.

A section is ``render(ctx, doc)``: it reads a :class:`~idcforecast.report.context.ReportContext`
and writes into a :class:`~idcforecast.report.pdf.ReportDocument`. Adding a section to the
report is one more :class:`Section` entry; ``when`` skips it when its inputs are missing
(scenarios appear only when a scenario file was given).

The registry and the order are here; the section functions are in modules by topic:
:mod:`~idcforecast.report.sections.overview` (cover, executive summary),
:mod:`~idcforecast.report.sections.history` (growth, summary table),
:mod:`~idcforecast.report.sections.claims_and_scenarios` (claims and track record,
scenarios), :mod:`~idcforecast.report.sections.methods` (methodology: the method, its
intervals, backtest and other methods) and :mod:`~idcforecast.report.sections.provenance`
(sources, assumptions, reproducibility).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from idcforecast.report.sections.claims_and_scenarios import claims, scenarios
from idcforecast.report.sections.history import growth, summary
from idcforecast.report.sections.methods import methodology
from idcforecast.report.sections.overview import cover, executive_summary
from idcforecast.report.sections.provenance import assumptions, reproducibility, sources

if TYPE_CHECKING:
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["SECTIONS", "Section", "render_sections"]


def _always(ctx: ReportContext) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    """A titled part of the report and the function that writes it."""

    title: str
    render: Callable[[ReportContext, ReportDocument], None]
    when: Callable[[ReportContext], bool] = _always


def _has_claims(ctx: ReportContext) -> bool:
    return ctx.claims is not None and len(ctx.claims) > 0


def _has_scenarios(ctx: ReportContext) -> bool:
    return ctx.scenarios is not None


SECTIONS: tuple[Section, ...] = (
    Section("Cover", cover),
    Section("Executive summary", executive_summary),
    Section("Growth", growth),
    Section("Summary table", summary),
    Section("Claims and track record", claims, when=_has_claims),
    Section("Scenarios", scenarios, when=_has_scenarios),
    Section("Methodology", methodology),
    Section("Sources", sources),
    Section("Assumptions", assumptions, when=lambda ctx: bool(ctx.assumptions)),
    Section("Reproducibility", reproducibility),
)


def render_sections(
    ctx: ReportContext, doc: ReportDocument, sections: Sequence[Section] = SECTIONS
) -> list[str]:
    """Write each applicable section into ``doc``; return the titles written."""
    written = []
    for section in sections:
        if section.when(ctx):
            section.render(ctx, doc)
            written.append(section.title)
    return written
