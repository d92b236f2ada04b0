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
        # "中国IDC圈" is China IDC Circle (CIDC): its inner "IDC" left alone read as the
        # research firm IDC, whose own forecasts are bundled ("quoting IDC", "By (IDC)")
        ("科智咨询 (中国IDC圈)", "[Chinese text]"),
        ("hfnxjk.com, 科智咨询", "hfnxjk.com"),
        ("2019-2020中国IDC产业发展研究报告", "2019-2020"),
        ("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告", "2019-2020"),
        ("ip110.com/blog, quoting 中国IDC圈 (early 2013)", "ip110.com/blog, quoting (early 2013)"),
        # Latin beside Chinese on one side only is a Latin word of its own
        ("PUE值1.3, AI算力, 5G基站", "PUE 1.3, AI, 5G"),
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
    assert "2019 1562.5" in text  # the figures survive (the "IDC" inside 中国IDC业务 goes)
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


LONG_TITLE = (
    "Operator X data-center capacity in Southeast Asia, colocation and interconnection "
    "only (excluding hyperscale self-build, edge sites and enterprise server rooms)"
)


def test_long_title_is_set_left_aligned_not_justified() -> None:
    # fpdf2 justifies multi_cell text by default: a title over several lines had its
    # words spread across the page ("Operator     X     data-center     capacity")
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=None)
    doc.heading(LONG_TITLE, level=0)
    stream = PdfReader(io.BytesIO(doc.to_bytes())).pages[0].get_contents()
    assert stream is not None
    content = stream.get_data().decode("latin-1")
    # justified lines are TJ arrays with word-spacing adjustments between their strings
    spacing = [abs(float(n)) for n in re.findall(r"\)\s*(-?\d+(?:\.\d+)?)\s*\(", content)]
    assert not spacing or max(spacing) < 50


def test_running_header_of_a_long_title_stays_inside_the_margins() -> None:
    # the header is one cell: a long title ran past the right margin and off the page
    doc = ReportDocument(title=LONG_TITLE + " " + LONG_TITLE, creation_date=WHEN, cjk_font=None)
    doc.page_break()
    page = PdfReader(io.BytesIO(doc.to_bytes())).pages[1]
    header = page.extract_text().splitlines()[0]
    assert header.endswith("…")
    assert header[:-1].strip() and LONG_TITLE.startswith(header[:-1].rstrip())
    pdf = doc.pdf
    pdf.set_font(FAMILY, size=7.5)
    assert pdf.get_string_width(header) <= pdf.epw


@pytest.mark.parametrize("share", [14, 18, 22, 26, 30, 34, 38, 42])
def test_chinese_cell_wraps_between_characters_never_inside_a_figure(share: int) -> None:
    # fpdf2 broke a Chinese quote at whatever character reached the cell's edge: the
    # Sources table printed "规模达到156" over "2.5億元" and "增速為23.2" over "%"
    font = find_cjk_font()
    if font is None:
        pytest.skip("no CJK font installed (pip install idcforecast[cjk])")
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=font)
    quote = "據科智咨詢最新發布顯示,2019年中國IDC業務市場規模達到1562.5億元,同比增長27.2%"
    doc.table(pd.DataFrame({"Year": ["2019"], "Quote": [quote]}), col_widths=(100 - share, share))
    lines = [re.sub(r"\s+", "", line) for line in _text(doc.to_bytes()).splitlines()]
    assert len([line for line in lines if line and line != "YearQuote"]) >= 2  # it wrapped
    for figure in ("1562.5億元", "27.2%", "2019年"):
        assert any(figure in line for line in lines), (figure, lines)


def test_long_url_in_a_cell_breaks_after_a_slash() -> None:
    doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=None)
    url = "zhaoxny.com/q/84212a5137f82.html"
    doc.table(pd.DataFrame({"Source": [url], "Value": ["2,238.7"]}), col_widths=(22, 78))
    lines = [line.strip() for line in _text(doc.to_bytes()).splitlines()]
    assert "84212a5137f82.html" in " ".join(lines).split()  # the file name stays whole
    assert any(line.endswith("/") for line in lines)


def test_chart_text_is_drawn_at_the_size_it_was_laid_out_for() -> None:
    # matplotlib's SVG gives font sizes in px, its user unit (1 pt); fpdf2 read them as
    # CSS px (0.75 pt), so every chart's text came out a quarter smaller than laid out:
    # source footnotes at 4.8 pt, tick labels at 5.9 pt
    sizes: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        def scale(m: list[float]) -> float:
            return abs(m[0] * m[3] - m[1] * m[2]) ** 0.5

        if text.strip():
            sizes[text.strip()] = size * scale(cm) * scale(tm)

    doc = _demo(None)
    chart_scale = doc.pdf.epw / (7.0 * 25.4)  # the 7-inch figure set at the text width
    PdfReader(io.BytesIO(doc.to_bytes())).pages[0].extract_text(visitor_text=visit)
    assert sizes["growth, percent per year"] == pytest.approx(9.0 * chart_scale, rel=0.02)
    footnote = next(size for text, size in sizes.items() if text.startswith("Computed from"))
    assert footnote == pytest.approx(6.5 * chart_scale, rel=0.02)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # floor area in square metres: "㎡" (U+33A1) is CJK compatibility, not in DejaVu;
        # dropped, a figure keeps its unit in English (10万㎡ = 10 x 10,000 m2)
        ("机房面积10万㎡，PUE≤1.3", "机房面积10万㎡，PUE≤1.3", "10 x 10 thousand sqm PUE≤1.3"),
        ("area 1000㎡", "area 1000㎡", "area 1000 sqm"),
        # footnote markers past ⑩ (DejaVu has ① to ⑩ only)
        ("规模达到3200亿元⑪", "规模达到3200亿元⑪", "3200 CNY 100 million"),
        ("320① and 41⑵", "320① and 41⑵", "320① and 41"),
    ],
)
def test_characters_dejavu_lacks_are_set_in_the_cjk_font_or_dropped(
    text: str, kept: str, dropped: str, caplog: pytest.LogCaptureFixture
) -> None:
    # report25: "㎡" and "⑪" were not counted as CJK, so they were set in DejaVu Sans,
    # which has no glyph for them: fpdf2 logged "missing the following glyphs" and the
    # PDF showed a gap ("机房面积10万 ，PUE") with a CJK font, a box without one
    font = find_cjk_font()
    for cjk_font, expected in ((font, kept), (None, dropped)):
        if cjk_font is None and expected is kept:
            continue  # no CJK font installed: only the fallback can be checked
        doc = ReportDocument(title="x", creation_date=WHEN, cjk_font=cjk_font)
        doc.paragraph(text)
        with caplog.at_level("WARNING", logger="fpdf"):
            pdf = doc.to_bytes()
        assert not [r for r in caplog.records if "missing" in r.getMessage()]
        assert _text(pdf).splitlines()[0] == expected
