"""The PDF writer of reports: an fpdf2 document with the house layout.

Charts go in as SVG (vector, with real text: the PDF keeps them sharp and searchable), all
text is set in DejaVu Sans (the charts' font too), Chinese text in a CJK font when one is
found (:func:`idcforecast.report.fonts.find_cjk_font`) and otherwise dropped with a note,
never drawn as missing-glyph boxes. A fixed ``creation_date`` gives byte-identical files.

Examples
--------
>>> from datetime import datetime, timezone
>>> doc = ReportDocument(title="Demo", creation_date=datetime(2026, 1, 1, tzinfo=timezone.utc))
>>> doc.heading("Summary")
>>> doc.paragraph("2019年中国IDC业务市场规模达到1562.5亿元")
>>> doc.to_bytes()[:5]
b'%PDF-'
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from idcforecast.errors import ReportError
from idcforecast.report._wrap import needs_wrapping, wrap_text
from idcforecast.report.fonts import (
    CJK_FONT_ENV,
    FontFile,
    cjk_runs,
    contains_cjk,
    find_cjk_font,
    latin_fonts,
    latin_name,
    without_cjk,
)
from idcforecast.report.style import house_style

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["ReportDocument", "svg_bytes"]

FAMILY = "DejaVu Sans"
CJK_FAMILY = "cjk"
INK = (27, 27, 27)
MUTED = (90, 90, 90)
ACCENT = (31, 78, 121)
LIGHT = (234, 241, 248)
_METADATA = re.compile(rb"<metadata>.*?</metadata>\s*", re.DOTALL)
_AUTO = object()
_FONT_PX = re.compile(rb"font-size:\s*([0-9.]+)px")
_CELL_PADDING = (0.8, 1.2)  # mm above/below and left/right of a table cell's text


def svg_bytes(fig: Figure) -> bytes:
    """The figure as SVG bytes, reproducible (fixed id salt, no date), without metadata."""
    buffer = io.BytesIO()
    with house_style():
        fig.savefig(buffer, format="svg", metadata={"Date": None})
    # fpdf2 ignores <metadata> but logs a warning for it; it carries nothing we need.
    svg = _METADATA.sub(b"", buffer.getvalue())
    # matplotlib writes font sizes in px, the SVG's user unit (here 1 pt); fpdf2 reads
    # px as CSS's 0.75 pt, which drew all chart text at three quarters of the size the
    # chart was laid out for (source footnotes at 4.9 pt, tick labels at 6 pt)
    return _FONT_PX.sub(rb"font-size: \1pt", svg)


def _fitted(text: str, width: float, measure: Callable[[str], float]) -> str:
    """``text`` cut at a word (or a character) and ended with "…" so that it is no wider
    than ``width``; unchanged when it fits.

    Examples
    --------
    >>> _fitted("China IDC market", 16, lambda t: float(len(t)))
    'China IDC market'
    >>> _fitted("China IDC market (CIDC overall scope)", 17, lambda t: float(len(t)))
    'China IDC market…'
    >>> _fitted("china_idc_cidc_overall", 12, lambda t: float(len(t)))
    'china_idc_c…'
    """
    if measure(text) <= width:
        return text
    words = text.split(" ")
    for n in range(len(words) - 1, 0, -1):  # the most whole words that fit
        cut = " ".join(words[:n]).rstrip(" ,;:-(")
        if cut and measure(cut + "…") <= width:
            return cut + "…"
    cut = text
    while cut and measure(cut + "…") > width:  # one long word: cut it
        cut = cut[:-1]
    return cut + "…"


class ReportDocument:
    """An A4 report being written: headings, text, tables, charts, key figures.

    Parameters
    ----------
    title
        Shown in the running header and the PDF metadata.
    creation_date
        Written into the PDF; fix it for byte-identical output.
    cjk_font
        A :class:`~idcforecast.report.fonts.FontFile`, None (no CJK font: drop CJK text), or
        leave the default to look one up.
    fallback_title
        Printed for a title in Chinese without a CJK font when it has no Latin name
        (``shown_title``, used by the running header and the cover).
    """

    def __init__(
        self,
        *,
        title: str,
        creation_date: datetime,
        cjk_font: FontFile | Any | None = _AUTO,
        author: str = "idcforecast",
        fallback_title: str = "",
    ) -> None:
        from fpdf import FPDF

        font = find_cjk_font() if cjk_font is _AUTO else cjk_font
        if font is not None and not font.path.is_file():
            raise ReportError(
                f"CJK font file {str(font.path)!r} (from {CJK_FONT_ENV}) does not exist; "
                f"point {CJK_FONT_ENV} at a .ttf/.otf/.ttc file, or set it to 'none'",
                path=str(font.path),
            )
        self.cjk_font = font
        self.title = title
        # without a CJK font a Chinese title cut to its Latin leftovers misleads ("中国IDC
        # 市场规模" read "IDC") or reads "[Chinese text]": its Latin name, or the fallback
        self.shown_title = (
            title
            if font is not None or not contains_cjk(title)
            else latin_name(title) or fallback_title or "Untitled (the title is in Chinese)"
        )
        self.dropped_cjk = 0
        document = self

        class _PDF(FPDF):  # header and footer are FPDF hooks
            def header(self) -> None:
                if self.page_no() == 1:
                    return
                shown = document.set_font_for(document.shown_title, size=7.5)  # Chinese too
                self.set_text_color(*MUTED)
                # a long title used to run past the right margin (a cell does not wrap)
                self.cell(0, 5, _fitted(shown, self.epw, self.get_string_width), align="L")
                self.ln(8)

            def footer(self) -> None:
                self.set_y(-12)
                self.set_font(FAMILY, size=7.5)
                self.set_text_color(*MUTED)
                self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")

        pdf = _PDF(orientation="portrait", unit="mm", format="A4")
        pdf.set_margins(left=18, top=16, right=18)
        pdf.set_auto_page_break(auto=True, margin=18)
        pdf.set_creation_date(creation_date)
        pdf.set_title(title)  # metadata is Unicode text: no font needed
        pdf.set_author(author)
        pdf.set_creator("idcforecast")
        for style, path in latin_fonts().items():
            pdf.add_font(FAMILY, style=style, fname=str(path))
        # Text with Chinese is set wholly in the CJK font (it has Latin glyphs too): fpdf2's
        # per-glyph fallback fonts garble digits on wrapped lines of mixed text (seen with
        # fpdf2 2.8.9). The font is parsed on first use only (about 1 s for a 5 MB file).
        self._cjk_loaded = False
        pdf.set_text_color(*INK)
        pdf.set_font(FAMILY, size=9.5)
        pdf.add_page()
        self.pdf = pdf

    # -- text ------------------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """``text`` as it can be printed: CJK kept with a CJK font, dropped without one."""
        if self.cjk_font is None and contains_cjk(text):
            self.dropped_cjk += 1
            return without_cjk(text)
        return text

    def family(self, text: str) -> str:
        """The font family for ``text`` (the CJK font when it has Chinese and one is found)."""
        if self.cjk_font is None or not contains_cjk(text):
            return FAMILY
        if not self._cjk_loaded:
            font = self.cjk_font
            self.pdf.add_font(CJK_FAMILY, fname=str(font.path), collection_font_number=font.index)
            self._cjk_loaded = True
        return CJK_FAMILY

    def set_font_for(self, text: str, *, size: float, style: str = "") -> str:
        """Select the font for ``text`` (the CJK face has no bold) and return it cleaned."""
        family = self.family(text)
        self.pdf.set_font(family, style=style if family == FAMILY else "", size=size)
        return self.clean(text)

    def _flow(self, text: str, *, size: float, markdown: bool, indent: float = 0.0) -> None:
        """Write ``text`` with Chinese runs in the CJK face and the rest in DejaVu Sans.

        Setting a whole line in the CJK face (which has no bold and other Latin glyphs) made
        such lines look unlike their neighbours and lose their ``**bold**`` labels; writing
        run by run keeps both, and sets each run's font explicitly (no per-glyph fallback).
        Wrapped lines start ``indent`` mm right of the left margin.
        """
        pdf = self.pdf
        height = size * 0.48
        margin = pdf.l_margin
        pdf.set_left_margin(margin + indent)
        try:
            parts = text.split("**") if markdown else [text]
            for i, part in enumerate(parts):
                bold = i % 2 == 1
                for run in cjk_runs(part):
                    family = self.family(run)
                    style = "B" if bold and family == FAMILY else ""
                    pdf.set_font(family, style=style, size=size)
                    pdf.write(height, run)
            pdf.ln(height)
        finally:
            pdf.set_left_margin(margin)
        pdf.set_x(margin)

    def heading(self, text: str, *, level: int = 1, keep: float = 30.0) -> None:
        """A section (level 1, starts a bookmark) or subsection (level 2) heading.

        ``keep``: millimetres of what follows that must fit on the same page (a chart's
        height, say); otherwise the heading starts a new page.
        """
        pdf = self.pdf
        size = {0: 20.0, 1: 14.0, 2: 11.0}[level]
        if pdf.get_y() + size * 0.5 + 6 + keep > pdf.h - pdf.b_margin:
            pdf.add_page()
        if level >= 1:
            pdf.ln(3 if level == 1 else 1.5)
            pdf.start_section(self.clean(text), level=level - 1)
        shown = self.set_font_for(text, size=size, style="B")
        pdf.set_text_color(*ACCENT)
        # left-aligned: fpdf2 justifies by default, which spread a long title's words
        # across the page
        pdf.multi_cell(0, size * 0.5, shown, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.ln(1.5)

    def paragraph(
        self,
        text: str,
        *,
        size: float = 9.5,
        style: str = "",
        muted: bool = False,
        markdown: bool = False,
    ) -> None:
        """A paragraph of wrapped text (``**bold**`` marks with ``markdown=True``)."""
        pdf = self.pdf
        pdf.set_text_color(*(MUTED if muted else INK))
        if self.family(text) == CJK_FAMILY and not style:
            self._flow(text, size=size, markdown=markdown)
        else:
            shown = self.set_font_for(text, size=size, style=style)
            pdf.multi_cell(
                0, size * 0.48, shown, markdown=markdown, align="L", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.set_text_color(*INK)
        pdf.ln(1.5)

    def text_height(self, text: str, *, size: float = 9.5) -> float:
        """The height in mm that :meth:`paragraph` will give ``text`` (for a heading's keep)."""
        pdf = self.pdf
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        shown = self.set_font_for(text.replace("**", ""), size=size)
        lines = pdf.multi_cell(0, size * 0.48, shown, dry_run=True, output="LINES")
        pdf.set_font(font[0], style=font[1], size=font[2])
        assert isinstance(lines, list)  # output="LINES" returns the list of lines
        return len(lines) * size * 0.48 + 1.5

    def bullets(self, items: Sequence[str], *, size: float = 9.5, markdown: bool = False) -> None:
        """A bulleted list (``**bold**`` marks with ``markdown=True``)."""
        pdf = self.pdf
        for item in items:
            pdf.set_font(FAMILY, size=size)
            pdf.set_x(pdf.l_margin)
            pdf.cell(5, size * 0.48, "•")
            if self.family(item) == CJK_FAMILY:
                self._flow(item, size=size, markdown=markdown, indent=5)
            else:
                shown = self.clean(item)
                pdf.multi_cell(
                    0,
                    size * 0.48,
                    shown,
                    markdown=markdown,
                    align="L",
                    new_x="LMARGIN",
                    new_y="NEXT",
                )
            pdf.ln(0.6)
        pdf.ln(1.0)

    def key_figures(self, figures: Sequence[tuple[str, str, str]]) -> None:
        """A row of boxes: (label, big value, small note) each."""
        pdf = self.pdf
        gap = 3.0
        width = (pdf.epw - gap * (len(figures) - 1)) / len(figures)
        height = 18.0
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        top = pdf.get_y()
        for i, (label, value, note) in enumerate(figures):
            x = pdf.l_margin + i * (width + gap)
            pdf.set_fill_color(*LIGHT)
            pdf.rect(x, top, width, height, style="F")
            pdf.set_xy(x + 2.5, top + 2.0)
            shown = self.set_font_for(label, size=7.5)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(width - 5, 3.4, shown, new_x="LEFT", new_y="NEXT")
            pdf.set_x(x + 2.5)
            shown = self.set_font_for(value, size=13, style="B")
            pdf.set_text_color(*ACCENT)
            pdf.cell(width - 5, 7, shown, new_x="LEFT", new_y="NEXT")
            pdf.set_x(x + 2.5)
            shown = self.set_font_for(note, size=7)
            pdf.set_text_color(*MUTED)
            pdf.multi_cell(width - 5, 3.1, shown, new_x="LEFT", new_y="NEXT")
        pdf.set_text_color(*INK)
        pdf.set_xy(pdf.l_margin, top + height + 4)

    # -- tables and charts -----------------------------------------------------------------

    def table(
        self,
        frame: pd.DataFrame,
        *,
        col_widths: Sequence[float] | Literal["fit"] | None = None,
        align: Sequence[str] | None = None,
        size: float = 8.0,
    ) -> None:
        """A table of text cells (format numbers first, e.g. with ``format_summary``).

        ``col_widths`` are relative widths, or ``"fit"``: each column as wide as its
        widest cell and at least half its heading (a heading wraps onto two lines at most),
        the page width shared in those proportions.
        """
        from fpdf.fonts import FontFace

        pdf = self.pdf
        pdf.set_font(FAMILY, size=size)
        columns = [str(c) for c in frame.columns]
        if isinstance(col_widths, str):
            col_widths = self._fitted_widths(frame, size)
        if align is None:
            align = ["LEFT"] * len(columns)
        headings = FontFace(
            family=FAMILY, emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT
        )
        with pdf.table(
            col_widths=tuple(col_widths) if col_widths else None,
            text_align=tuple(align),
            line_height=size * 0.5,
            headings_style=headings,
            borders_layout="HORIZONTAL_LINES",
            cell_fill_color=(246, 248, 251),
            cell_fill_mode="ROWS",
            padding=_CELL_PADDING,
            width=pdf.epw,
        ) as table:
            head = table.row()
            for name in columns:
                head.cell(self.clean(name))
            cjk_face = FontFace(family=CJK_FAMILY, emphasis="")
            widths = self._column_mm(len(columns), col_widths)
            for values in frame.itertuples(index=False, name=None):
                row = table.row()
                for value, width in zip(values, widths, strict=True):
                    text = str(value)
                    face = cjk_face if self.family(text) == CJK_FAMILY else None
                    row.cell(self._cell_text(text, width, size), style=face)
            pdf.set_font(FAMILY, size=size)
        pdf.ln(3)

    def _column_mm(self, n: int, col_widths: Sequence[float] | None) -> list[float]:
        """The widths in mm of a full-width table's ``n`` columns (equal by default)."""
        relative = [float(w) for w in col_widths] if col_widths else [1.0] * n
        total = sum(relative)
        return [self.pdf.epw * w / total for w in relative]

    def _cell_text(self, text: str, width: float, size: float) -> str:
        """A body cell's printable text, with line breaks of its own where fpdf2 would
        break inside a word: Chinese text (fpdf2 broke "1562.5亿元" between its digits)
        or a run wider than the cell (a URL, broken after a "/" rather than anywhere).

        ``width`` is the column's width in mm; the cell's font is selected on return.
        """
        shown = self.clean(text)
        pdf = self.pdf
        pdf.set_font(self.family(shown), size=size)
        room = width - 2 * _CELL_PADDING[1] - 0.5  # 0.5 mm against rounding
        if room <= 0 or not needs_wrapping(shown, room, pdf.get_string_width):
            return shown
        return wrap_text(shown, room, pdf.get_string_width)

    def table_height(
        self, frame: pd.DataFrame, *, col_widths: Sequence[float], size: float = 8.0
    ) -> float:
        """The height in mm that :meth:`table` will give ``frame`` with these relative
        ``col_widths`` (for a heading's keep, so a small table is not split with one row
        left on the next page)."""
        pdf = self.pdf
        font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)
        widths = self._column_mm(len(frame.columns), col_widths)
        line = size * 0.5

        def lines(text: str, width: float, style: str) -> int:
            if style:  # a heading, bold in the main font
                shown = self.clean(text)
                pdf.set_font(FAMILY, style=style, size=size)
            else:  # a body cell, broken as table() breaks it
                shown = self._cell_text(text, width, size)
            out = pdf.multi_cell(
                width - 2 * _CELL_PADDING[1], line, shown, dry_run=True, output="LINES"
            )
            assert isinstance(out, list)  # output="LINES" returns the list of lines
            return max(1, len(out))

        rows = [(list(map(str, frame.columns)), "B")]
        rows += [([str(v) for v in values], "") for values in frame.itertuples(index=False)]
        height = 0.0
        for cells, style in rows:
            tallest = max(lines(c, w, style) for c, w in zip(cells, widths, strict=True))
            height += tallest * line + 2 * _CELL_PADDING[0]
        pdf.set_font(font[0], style=font[1], size=font[2])
        return height + 3.0  # the space after a table

    def _fitted_widths(self, frame: pd.DataFrame, size: float) -> list[float]:
        """Widths (mm) that fit every cell on one line and each heading on two."""
        pdf = self.pdf

        def width(text: str, style: str = "") -> float:
            text = self.clean(text)  # headings are bold in the main font, as table() sets them
            pdf.set_font(FAMILY if style else self.family(text), style=style, size=size)
            return float(pdf.get_string_width(text))

        widths = []
        for column in frame.columns:
            heading = str(column)
            widest = max((width(str(v)) for v in frame[column]), default=0.0)
            words = max((width(w, "B") for w in heading.split()), default=0.0)
            # cell padding 1.2 mm a side, and 1 mm of air
            widths.append(max(widest, words, width(heading, "B") / 2) + 2 * 1.2 + 1.0)
        pdf.set_font(FAMILY, size=size)
        return widths

    def chart_height(self, fig: Figure, *, width: float | None = None) -> float:
        """The height in mm that :meth:`chart` will give ``fig``."""
        fig_w, fig_h = fig.get_size_inches()
        return (width or self.pdf.epw) * float(fig_h) / float(fig_w)

    def chart(self, fig: Figure, *, width: float | None = None) -> None:
        """A matplotlib figure, embedded as vector SVG at the text width (or ``width`` mm)."""
        pdf = self.pdf
        w = width or pdf.epw
        h = self.chart_height(fig, width=w)
        if pdf.get_y() + h > pdf.h - pdf.b_margin:
            pdf.add_page()
        logger = logging.getLogger("fpdf.svg")
        level = logger.level
        logger.setLevel(logging.ERROR)  # fpdf2 notes tags it skips; the charts need none
        try:
            pdf.image(io.BytesIO(svg_bytes(fig)), x=pdf.l_margin, w=w, h=h)
        finally:
            logger.setLevel(level)
        pdf.set_y(pdf.get_y() + 2)

    def page_break(self) -> None:
        """Start a new page."""
        self.pdf.add_page()

    def to_bytes(self) -> bytes:
        """The finished PDF (the document is closed afterwards)."""
        try:
            return bytes(self.pdf.output())
        finally:
            self.close()

    def close(self) -> None:
        """Release the font files fpdf2 keeps open (fontTools reads them lazily)."""
        for font in self.pdf.fonts.values():
            ttfont = getattr(font, "ttfont", None)
            if ttfont is not None:
                ttfont.close()
