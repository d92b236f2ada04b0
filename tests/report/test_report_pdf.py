"""The PDF writer: CJK with a font and without one, extractable chart text, same bytes."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast.errors import ReportError
from idcforecast.report.charts import plot_growth
from idcforecast.report.fonts import (
    CJK_FONT_ENV,
    FontFile,
    contains_cjk,
    find_cjk_font,
    without_cjk,
)
from idcforecast.report.pdf import FAMILY, ReportDocument

QUOTE = "2019年中国IDC业务市场规模达到1562.5亿元"
WHEN = datetime(2026, 1, 31, tzinfo=UTC)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _demo(cjk_font: object) -> ReportDocument:
    doc = ReportDocument(title="Demo report", creation_date=WHEN, cjk_font=cjk_font)
    doc.heading("Sources")
    doc.paragraph(QUOTE)
    doc.table(pd.DataFrame({"Source": ["科智咨询 (CIDC)"], "Value": ["1,562.5"]}))
    history = pd.DataFrame(
        {
            "series_id": "demo",
            "year": [2020, 2021, 2022],
            "value": [1.0, 2.0, 3.0],
            "unit": "USD bn",
        }
    )
    doc.chart(plot_growth(history, title="Growth of the demo series"))
    return doc


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("科智咨询 (中国IDC圈)", "IDC"),
        ("hfnxjk.com, 科智咨询", "hfnxjk.com"),
        ("2019-2020中国IDC产业发展研究报告", "2019-2020 IDC"),
        # the bracket's inner space used to stay: '( IDC), 2019-2020 IDC'
        ("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告", "(IDC), 2019-2020 IDC"),
        ("中国", "[Chinese text]"),
        ("plain text", "plain text"),
    ],
)
def test_without_cjk(text: str, expected: str) -> None:
    assert without_cjk(text) == expected
    assert not contains_cjk(without_cjk(text))


def test_cjk_font_switch(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    assert find_cjk_font() is None
    font = tmp_path / "font.ttf"
    monkeypatch.setenv(CJK_FONT_ENV, str(font))
    assert find_cjk_font() == FontFile(font)
    msg = (
        f"CJK font file {str(font)!r} (from {CJK_FONT_ENV}) does not exist; point "
        f"{CJK_FONT_ENV} at a .ttf/.otf/.ttc file, or set it to 'none'"
    )
    with pytest.raises(ReportError, match=re.escape(msg)):
        ReportDocument(title="x", creation_date=WHEN)


def test_chinese_text_with_a_cjk_font() -> None:
    monkey_font = find_cjk_font()
    if monkey_font is None:
        pytest.skip("no CJK font installed (pip install idcforecast[cjk])")
    doc = _demo(monkey_font)
    text = _text(doc.to_bytes())
    # some fonts extract with spaces between CJK glyphs; compare without whitespace
    compact = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", QUOTE) in compact
    assert "科智咨询(CIDC)" in compact
    assert doc.dropped_cjk == 0


def test_mixed_text_wrapped_in_a_narrow_cell_keeps_its_digits() -> None:
    # fpdf2 2.8.9's per-glyph fallback fonts drew "2019-2020" as garbage on the wrapped
    # line of such a cell; text with CJK is now set wholly in the CJK font
    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (pip install idcforecast[cjk])")
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=font)
    by = "科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告"
    doc.table(pd.DataFrame({"By": [by], "Made": ["2020"]}), col_widths=(20, 80))
    doc.bullets(["**Latest:** 5,078.3 CNY 100 million (亿元)"], markdown=True)
    compact = re.sub(r"\s+", "", _text(doc.to_bytes()))
    assert re.sub(r"\s+", "", by) in compact
    assert "Latest:5,078.3CNY100million(亿元)" in compact


def test_chinese_text_dropped_without_a_cjk_font() -> None:
    doc = _demo(None)
    pdf = doc.to_bytes()
    text = _text(pdf)
    assert not contains_cjk(text)
    assert "2019 IDC 1562.5" in text  # the Latin parts survive
    assert "CIDC 1,562.5" in text
    assert doc.dropped_cjk == 2
    fonts = set(re.findall(rb"/BaseFont /(\S+)", pdf))
    assert fonts and all(b"DejaVuSans" in f for f in fonts)  # no CJK font embedded


def test_chart_text_is_extractable_vector_text() -> None:
    pdf = _demo(None).to_bytes()
    text = _text(pdf)
    assert "Growth of the demo series" in text  # the chart title, drawn from SVG <text>
    assert "growth, percent per year" in text
    assert "CAGR 2020-2022: 73.2%" in text  # (3 / 1) ** (1 / 2) - 1 = 0.7320508
    assert b"/Subtype /Image" not in pdf  # no raster image: the chart is vector


def test_same_content_and_date_give_the_same_bytes() -> None:
    assert _demo(None).to_bytes() == _demo(None).to_bytes()


def test_bold_label_of_a_bullet_with_chinese_stays_bold() -> None:
    # the scenario bullet "**bull** (...): ... 2万亿元" used to be set wholly in the CJK face,
    # which has no bold: the label lost its bold and the line its DejaVu look
    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (pip install idcforecast[cjk])")
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=font)
    doc.bullets(["**bull** (weight 0.25): saturates near 2万亿元 in 2030"], markdown=True)
    pdf = doc.to_bytes()
    fonts = {f.split(b"+")[-1] for f in re.findall(rb"/BaseFont /(\S+)", pdf)}
    assert b"DejaVuSansBold" in fonts
    compact = re.sub(r"\s+", "", _text(pdf))
    assert "bull(weight0.25):saturatesnear2万亿元in2030" in compact


def test_heading_keeps_a_paragraph_of_the_measured_height_on_its_page() -> None:
    # at the foot of a page, a heading kept with text_height() of its paragraph moves to
    # the next page with it, instead of leaving the paragraph's last word behind
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=None)
    text = " ".join(["Intervals are calibrated from the series' own errors."] * 12) + " END"
    height = doc.text_height(text)
    # 12 sentences of ~55 characters at 9.5 pt over 174 mm: 7 or 8 lines of 4.56 mm
    assert 7 * 4.56 <= height - 1.5 <= 8 * 4.56
    doc.pdf.set_y(doc.pdf.h - doc.pdf.b_margin - 13 - height + 5)  # 5 mm short of room
    doc.heading("Methodology", keep=height)
    doc.paragraph(text)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(doc.to_bytes())).pages]
    assert len(pages) == 2
    assert "Methodology" in pages[1] and "END" in pages[1]
    assert "Intervals" not in pages[0]


def test_fitted_columns_hold_their_cells_and_wrap_headings_onto_two_lines(
    request: pytest.FixtureRequest,
) -> None:
    # Was: fixed widths wrapped "Value (10 thousand racks)" onto three lines beside
    # half-empty interval columns.
    doc = ReportDocument(title="x", creation_date=WHEN)
    # closed at teardown: fpdf2's lru_cache keeps an unclosed document's font files open
    # until a later report evicts it, and that test then failed on a ResourceWarning
    request.addfinalizer(doc.close)
    frame = pd.DataFrame(
        {
            "Year": ["2030"],
            "Value (10 thousand racks)": ["1,622.2"],
            "80% interval": ["609.7–4,316.2"],
        }
    )
    widths = doc._fitted_widths(frame, 8.0)
    pdf = doc.pdf
    pdf.set_font(FAMILY, style="B", size=8.0)
    heading = pdf.get_string_width("Value (10 thousand racks)")
    pdf.set_font(FAMILY, size=8.0)
    interval = pdf.get_string_width("609.7–4,316.2")
    padding = 2 * 1.2
    assert widths[1] - padding >= heading / 2  # two lines at most
    assert widths[2] - padding >= interval  # one line
    assert widths[0] < widths[2]
    doc.table(frame, col_widths="fit")  # renders
