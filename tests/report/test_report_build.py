"""The PDF report end to end, read back with pypdf: pages, numbers, sections, sources."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast import backtest as idc_backtest
from idcforecast import build_report, load_dataset
from idcforecast._paths import data_dir
from idcforecast.datasets import load_series
from idcforecast.errors import DataError, ReportError, SpecError, UnknownSeriesError
from idcforecast.forecasting import forecast
from idcforecast.report import _analyses as analyses
from idcforecast.report import build as build_module
from idcforecast.report.fonts import CJK_FONT_ENV, contains_cjk, find_cjk_font

DATE = "2026-01-01"
SECTIONS = (
    "Executive summary",
    "Growth",
    "Summary table",
    "Claims and track record",
    "Track record of published forecasts",
    "Methodology",
    "Backtest on this series",
    "Other methods on this series",
    "Sources",
    "Assumptions",
    "Reproducibility",
)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def default_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(out=tmp_path_factory.mktemp("r") / "china.pdf", date=DATE)


@pytest.fixture(scope="module")
def racks_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The text of the report on the bundled racks series, read from its CSV as a user
    would (`datasets china_racks_in_use --csv > racks.csv; report --data racks.csv`)."""
    folder = tmp_path_factory.mktemp("racks")
    data = folder / "racks.csv"
    load_dataset("china_racks_in_use").to_csv(data, index=False)
    path = build_report(data=data, series_id="china_racks_in_use", out=folder / "r.pdf", date=DATE)
    return re.sub(r"\s+", " ", _text(path))


def test_default_report_pages_sections_and_sources(default_report: Path) -> None:
    assert default_report.read_bytes()[:5] == b"%PDF-"
    reader = PdfReader(default_report)
    assert 5 <= len(reader.pages) <= 8
    text = _text(default_report)
    for title in SECTIONS:
        assert title in text, title
    assert "Scenarios" not in text  # no scenario file given: no section
    # bookmarks: one per section
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[:3] == ["Executive summary", "Growth", "Summary table"]
    for source in ("hfnxjk.com", "zhaoxny.com", "investchn.com", "Global Times", "51haodu.com"):
        assert source in text, source
    assert reader.metadata.title == "China IDC market (CIDC overall scope)"
    compact = re.sub(r"\s+", " ", text)
    members = "(naive, damped, ses, loglinear, drift_log, theil_sen): "
    assert f"median of 6 simple forecasts {members}" in compact
    # one set: "is" (was "1 of 3 claim sets about this series are internally inconsistent")
    assert "Published claims: 1 of 3 claim sets about this series is internally" in compact


def test_default_report_key_numbers(default_report: Path) -> None:
    text = _text(default_report)
    assert "5,078.3" in text  # the 2023 level, the latest actual
    # CAGR 2012-2023: (5078.3 / 210.5) ** (1 / 11) - 1 = 24.1249 ** 0.0909 - 1 = 33.56%
    assert "33.6%" in text
    # the 2030 central value and 80% range, from the forecasting engine independently
    history = load_series("china_idc_cidc_overall")
    fc = forecast(history, 2030 - 2023)
    end = fc[fc["year"] == 2030].iloc[0]
    assert f"{end['mean']:,.0f}" in text
    assert f"80%: {end['lo_80']:,.0f}-{end['hi_80']:,.0f}" in text
    assert np.isfinite(end["hi_95"])


def test_reproducibility_appendix(default_report: Path) -> None:
    text = _text(default_report)
    digest = hashlib.sha256((data_dir() / "china_idc_market.csv").read_bytes()).hexdigest()
    assert digest in text
    assert "Seed 0" in text
    compact = re.sub(r"\s+", " ", text)
    assert f"--date {DATE} --seed 0" in compact
    assert "idcforecast version 0.1.0" in text


def test_same_inputs_give_the_same_bytes(default_report: Path) -> None:
    before = default_report.read_bytes()
    build_report(out=default_report, date=DATE)
    assert default_report.read_bytes() == before


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_page_one_renders_and_is_not_blank(default_report: Path, tmp_path: Path) -> None:
    from PIL import Image

    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(default_report),
            str(tmp_path / "p"),
        ],
        check=True,
    )
    (png,) = tmp_path.glob("p*.png")
    pixels = np.asarray(Image.open(png).convert("L"), dtype=float)
    ink = (pixels < 200).mean()
    assert 0.03 < ink < 0.6, ink  # text and a chart: some ink, not a black page


def test_chinese_is_printed_with_a_cjk_font(default_report: Path) -> None:
    if find_cjk_font() is None:
        pytest.skip("no CJK font installed (pip install idcforecast[cjk])")
    compact = re.sub(r"\s+", "", _text(default_report))
    assert "达到3012.7亿元,同比增长34.6%" in compact  # the 2021 row's quote
    assert "科智咨询" in compact


def test_without_cjk_font_and_with_scenarios(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    path = build_report(out=tmp_path / "s.pdf", date=DATE, scenarios=spec)
    text = _text(path)
    assert not contains_cjk(text)
    compact = re.sub(r"\s+", " ", text)
    assert "No CJK font was found, so Chinese text is left out of this PDF" in compact
    assert "in CNY 100 million. Forecast to 2030." in compact
    assert "Scenarios" in text
    for name in ("base", "bull", "bear", "weighted"):
        assert re.search(rf"^{name}\b", text, re.MULTILINE), name
    assert "5,000 Monte Carlo paths per scenario" in text
    # the probability table: three round thresholds, one row per scenario (+ weighted);
    # a higher threshold can never be more likely to be exceeded
    assert "Probability that the 2030 value exceeds each level (in CNY 100 million)" in compact
    header = re.search(r"Scenario P\(> ([\d,]+)\) P\(> ([\d,]+)\) P\(> ([\d,]+)\)", compact)
    assert header is not None
    thresholds = [float(x.replace(",", "")) for x in header.groups()]
    assert thresholds == sorted(thresholds)
    for name in ("base", "bull", "bear", "weighted"):
        row = re.search(rf"{name} (\d+)% (\d+)% (\d+)%", compact)
        assert row is not None, name
        probs = [int(x) for x in row.groups()]
        assert probs == sorted(probs, reverse=True), (name, probs)


def test_probability_thresholds_round_to_two_significant_figures() -> None:
    from idcforecast.report._analyses import probability_thresholds

    # 0.75 * 5078.3 = 3808.7 -> 3800; 5078.3 -> 5100; 1.5 * 5078.3 = 7617.5 -> 7600
    assert probability_thresholds(5078.3) == (3800.0, 5100.0, 7600.0)


def test_unknown_series_is_a_typed_error_and_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    msg = (
        "report: series 'china_idc_nope' is not in bundled dataset china_idc_market "
        "(china_idc_market.csv); it holds: china_idc_cidc_overall, china_idc_caict, "
        "china_idc_idc_corp, china_idc_cidc_traditional (pass one of them with --series)"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        build_report(series_id="china_idc_nope", out=out, date=DATE)
    assert list(tmp_path.iterdir()) == []


def test_a_spec_written_for_another_series_is_refused_before_any_pdf(tmp_path: Path) -> None:
    # the bundled spec is written for china_idc_cidc_overall (caps in CNY 100m): a file of
    # MW figures used to get a PDF describing the China IDC market, its caps read as MW
    data = tmp_path / "good.csv"
    data.write_text("year,value\n" + "".join(f"{2015 + i},{100 + 50 * i}\n" for i in range(9)))
    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    out = tmp_path / "r.pdf"
    msg = (
        "simulate: series 'china_idc_cidc_overall' (the series_id of scenario spec "
        f"{spec}) is not in the data (found good); a spec's growth, shocks and caps are "
        "written for its series: use a spec written for the series simulated here"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        build_report(data=data, scenarios=spec, out=out, date=DATE, read_options={"unit": "MW"})
    # another series of the bundled data asked for: the two named disagree (report56: it
    # said the spec's series was "not in the data (found china_idc_caict)")
    with pytest.raises(UnknownSeriesError, match=re.escape("series_id='china_idc_caict' is not")):
        build_report(series_id="china_idc_caict", scenarios=spec, out=out, date=DATE)
    assert [p.name for p in tmp_path.iterdir()] == ["good.csv"]


def test_a_spec_in_another_unit_is_refused_before_any_pdf(tmp_path: Path) -> None:
    text = (data_dir() / "scenarios" / "china_idc_example.toml").read_text(encoding="utf-8")
    spec = tmp_path / "mw.toml"
    spec.write_text(text.replace('unit = "CNY 100m"', 'unit = "MW"'), encoding="utf-8")
    out = tmp_path / "r.pdf"
    msg = (
        f"{spec}: the spec's key 'unit' is 'MW' but series 'china_idc_cidc_overall' is in "
        "'CNY 100m'; the spec's numbers (caps) are in its unit"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        build_report(scenarios=spec, out=out, date=DATE)
    assert [p.name for p in tmp_path.iterdir()] == ["mw.toml"]


def test_horizon_before_the_last_year(tmp_path: Path) -> None:
    msg = (
        "report horizon: to=2020 is not after the last year of series "
        "'china_idc_cidc_overall' (2023); pass a later year, e.g. to=2030 (--to 2030)"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        build_report(to=2020, out=tmp_path / "r.pdf", date=DATE)
    assert list(tmp_path.iterdir()) == []


def test_horizon_a_millennium_ahead(tmp_path: Path) -> None:
    # report25: --to 3000 failed with the forecast's advice for its horizon argument ("a
    # year given as the horizon? ... pass e.g. 5 for five years ahead"), not for --to
    msg = (
        "report horizon: to=3000 is 977 years after the last year of series "
        "'china_idc_cidc_overall' (2023); a report forecasts at most 100 years ahead; pass a "
        "nearer year, e.g. to=2030 (--to 2030)"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        build_report(to=3000, out=tmp_path / "r.pdf", date=DATE)
    assert list(tmp_path.iterdir()) == []


def test_bad_date(tmp_path: Path) -> None:
    msg = "report date '2026-13-01' is not a calendar date; expected YYYY-MM-DD, e.g. 2026-01-31"
    with pytest.raises(SpecError, match=re.escape(msg)):
        build_report(out=tmp_path / "r.pdf", date="2026-13-01")


def test_unwritable_output_paths(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    target = blocker / "r.pdf"
    with pytest.raises(ReportError, match=re.escape(f"report {str(target)!r}: cannot create")):
        build_report(out=target, date=DATE)
    msg = f"report {str(tmp_path)!r} is a directory; expected a file path such as"
    with pytest.raises(ReportError, match=re.escape(msg)):
        build_report(out=tmp_path, date=DATE)
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


def test_an_output_that_is_an_input_is_refused_before_any_work(tmp_path: Path) -> None:
    # uat9: report --data vn.csv --out vn.csv replaced the user's data with the PDF
    data = tmp_path / "vn.csv"
    data.write_text("year,value\n" + "".join(f"{2015 + i},{100 + 50 * i}\n" for i in range(9)))
    before = data.read_bytes()
    spec = tmp_path / "spec.toml"
    spec.write_text('[[scenarios]]\nname = "base"\n', encoding="utf-8")
    for out, field, given in [
        (tmp_path / "vn.csv", "data=", data),
        (tmp_path / "sub" / ".." / "vn.csv", "data=", data),  # another spelling, same file
        (spec, "scenarios=", spec),
    ]:
        msg = (
            f"report: out={str(out)!r} is the same file as the input {field}{str(given)!r}; "
            "writing there would replace the input, so nothing was run or written; choose "
            f"another output path, e.g. {str(out.with_suffix('.pdf'))!r}"
        )
        with pytest.raises(ReportError, match=re.escape(msg)):
            build_report(data=data, scenarios=spec, out=out, date=DATE, read_options={"unit": "MW"})
    link = tmp_path / "link.csv"  # a hard link is the same file under another name
    link.hardlink_to(data)
    with pytest.raises(ReportError, match=re.escape("is the same file as the input data=")):
        build_report(data=data, out=link, date=DATE, read_options={"unit": "MW"})
    assert data.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.csv", "spec.toml", "vn.csv"]


def test_a_failure_while_rendering_leaves_no_file(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "r.pdf"
    out.write_bytes(b"the previous, complete report")

    def broken(ctx, *, creation_date):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(build_module, "render_pdf", broken)
    with pytest.raises(RuntimeError, match="renderer crashed"):
        build_report(out=out, date=DATE)
    assert out.read_bytes() == b"the previous, complete report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_a_series_without_one_growth_bar_says_why_instead_of_an_empty_chart(
    racks_report: str,
) -> None:
    # report57: 2019, >2021, >2022, >2024 leave no year-on-year rate (gaps 2020 and 2023;
    # 2022 between two 'more than' figures): the chart drew empty axes of 26-34% holding
    # the CAGR line alone; the section now says why and where the CAGR is
    assert (
        "Growth No year-on-year growth can be shown: each year lacks its previous year in "
        "the data (gaps stay gaps, never interpolated here), or both figures are bounds that "
        "leave the rate open (2022). The growth from 2019 compounded is in the executive "
        "summary" in racks_report
    )
    assert "growth year on year" not in racks_report  # no chart title


def test_a_multiplier_unit_reads_as_a_count_of_the_unit(racks_report: str) -> None:
    # it read "in racks 10 thousand" and "880.0 racks 10 thousand in 2024"
    assert "(scope: miit_standard_racks), in 10 thousand racks. Forecast to 2030." in racks_report
    assert "Value (10 thousand racks)" in racks_report
    assert "880.0 × 10 thousand racks in 2024" in racks_report
    assert "racks 10 thousand" not in racks_report


def test_a_qualified_actual_is_shown_with_its_qualifier(
    racks_report: str, default_report: Path
) -> None:
    # the data say "more than 880万 racks" (at_least): the report printed a plain 880.0
    assert "Latest actual (2024) > 880.0 10 thousand racks" in racks_report  # key figure
    assert "Latest: more than 880.0 × 10 thousand racks in 2024." in racks_report
    assert "2024 actual > 880.0 – –" in racks_report  # the key-years table
    summary = racks_report[racks_report.index("Summary table") :]
    # rates to a "more than" level are lower bounds (">"), from one upper bounds ("<"),
    # between two of them open ("–")
    for row in (
        "2019 265.8 – – – – actual",
        "2021 > 520.0 – > 39.9 – – actual",
        "2022 > 650.0 – > 34.7 – – actual",
        "2024 > 880.0 – > 27.1 – – actual",
        "2025 1,003.7 < 14.1 24.8",
    ):
        assert row in summary, row
    # the executive summary's CAGR likewise (was a plain 27.1%)
    assert "CAGR 2019-2024 > 27.1% 5 years" in racks_report
    assert (
        "Growth: at least 27.1% a year compounded from 2019 (the 2024 figure is a bound)."
    ) in racks_report
    note = "'>' marks a figure published as a lower bound ('more than')."
    assert racks_report.count(note) == 1  # explained once, in the summary table's caption
    assert f"prediction intervals. {note}" in racks_report
    sources = racks_report[racks_report.index("Sources Every") :]
    assert "2024 > 880.0 MIIT miit_standard" in sources
    # exact figures carry no mark and no note
    default = re.sub(r"\s+", " ", _text(default_report))
    assert "marks a figure published" not in default
    assert "Latest actual (2023) 5,078.3" in default


def test_a_qualified_actual_in_the_track_record(tmp_path: Path) -> None:
    history = load_dataset("china_idc_market")
    history = history[history["series_id"] == "china_idc_cidc_overall"]
    data = tmp_path / "idc.csv"
    history.assign(qualifier=np.where(history["year"] == 2022, "at_least", "exact")).to_csv(
        data, index=False
    )
    path = build_report(data=data, out=tmp_path / "q.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    # the published forecasts for 2022 against an actual of "more than 4,043.2"
    assert re.search(r"2022 > 3,200\.5 > 4,043\.2 ", compact)
    assert re.search(r"2022 3,200 > 4,043\.2 ", compact)


def test_the_nominal_currency_assumption_is_only_for_money(
    racks_report: str, default_report: Path
) -> None:
    nominal = "Nominal currency as published: no inflation or exchange-rate adjustment."
    assert nominal not in racks_report  # racks are no currency
    assert nominal in re.sub(r"\s+", " ", _text(default_report))  # CNY 100m is


def test_figures_converted_between_currencies_say_so(tmp_path: Path) -> None:
    # 亿元 figures read into USD bn. Was: "Nominal currency as published: no inflation or
    # exchange-rate adjustment" (false), USD values beside CNY quotes with no word of the
    # conversion, and the 2022 YoY of -1.0% in USD (+3.2% in CNY) unflagged
    data = tmp_path / "rev.csv"
    data.write_text(
        'year,vn_revenue\n2018,"2,100亿元"\n2019,2400亿元\n2020,"2,750亿元"\n2021,3100亿元\n'
        '2022,3200亿元\n2023,"3,650亿元"\n'
    )
    path = build_report(
        data=data, to=2025, out=tmp_path / "usd.pdf", date=DATE, read_options={"unit": "USD bn"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Nominal currency as published" not in compact
    assert (
        "Nominal currency, converted into USD billion: every figure was published in CNY and "
        "converted with each year's FX rate (the annual average of the figure's year, from "
        # (it named data/fx_rates.csv, a path a pip install does not have)
        "the bundled FX table fx_rates (idcforecast datasets fx_rates lists it); each rate is "
        "in Sources). No inflation "
        "adjustment. Growth across currencies includes FX moves: a growth rate in USD billion "
        "mixes the market's growth with the exchange rate's moves"
    ) in compact
    # the words of `idcforecast show --unit "USD bn"`, beside the growth figures
    fx = (
        "Figures published in CNY were converted with each year's FX rate; growth across "
        "currencies includes FX moves (see Assumptions)."
    )
    assert compact.count(fx) == 2  # the Growth section and the summary table
    assert "10.2% a year compounded from 2018, in USD billion: growth across currencies" in (
        compact
    )
    # and the market's own growth beside it: 2100 -> 3650 亿元 over 2018-2023 is
    # (3650 / 2100) ** (1 / 5) - 1 = 11.69% a year in CNY (was not shown)
    assert "includes FX moves (in CNY, as published: 11.7% a year)." in compact
    # each row: the quote and the rate it was converted with; 3200 亿元 / 6.7290 CNY per USD
    # (G.5A 2022) = 47.555 USD bn, x0.014861
    # the rate as a market quotes it, not only the factor (the Assumptions say "each rate
    # is in Sources", which showed only x0.014861)
    assert (
        "3200亿元; converted from 'CNY 100m' (x0.014861, 2022 annual-average FX rate: "
        "6.7290 CNY per USD)"
    ) in compact.replace("亿 元", "亿元")
    # within one currency nothing changes but the conversion shown beside the quote
    path = build_report(
        data=data, to=2025, out=tmp_path / "cny.pdf", date=DATE, read_options={"unit": "CNY bn"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Nominal currency as published: no inflation or exchange-rate adjustment." in compact
    assert "FX" not in compact
    assert "converted from 'CNY 100m' (x0.1)" in compact


def test_user_data_file_with_one_series(tmp_path: Path) -> None:
    data = tmp_path / "market.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        + "".join(f"demo,{2010 + i},{100 * 1.1**i:.3f},USD bn\n" for i in range(12))
    )
    path = build_report(data=data, to=2025, out=tmp_path / "demo.pdf", date=DATE)
    text = _text(path)
    assert "demo" in text and "USD billion" in text
    assert "Claims and track record" not in text  # no published claims about 'demo'
    compact = re.sub(r"\s+", " ", text)
    # the file has no as_of or scope: this used to print "the latest as of ;" and
    # "One scope only (one)."
    assert "Data vintage: 12 annual figures, 2010-2021; from file market.csv." in compact
    assert "The data do not state the market's scope (what is counted)" in compact
    assert "as of ;" not in compact and "(one)" not in compact
    assert hashlib.sha256(data.read_bytes()).hexdigest() in text
    assert io.BytesIO(path.read_bytes()).read(5) == b"%PDF-"


def test_chinese_headers_and_a_kept_estimate(tmp_path: Path, caplog) -> None:
    data = tmp_path / "zh.csv"
    # a Chinese year and series header, and a last year marked as an estimate
    rows = "".join(f"{2012 + i},{100 * 1.2**i:.1f}\n" for i in range(9))
    data.write_text("年份,市场规模\n" + rows + "2021E,52 billion yuan\n", encoding="utf-8")
    read = {"unit": "CNY 100m", "year_column": "年份", "estimates": "keep"}
    with caplog.at_level("WARNING"):
        path = build_report(
            data=data, to=2024, out=tmp_path / "zh.pdf", date=DATE, read_options=read
        )
    assert not [r for r in caplog.records if "missing the following glyphs" in r.getMessage()]
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Latest estimate (2021)" in compact
    assert "in 2021 (an estimate read as data, not published)." in compact
    assert re.search(r"2021 520\.0 .*estimate", compact)  # the summary table's Type
    assert "'estimate' rows are estimates in the source table (such as 2021E)" in compact
    # the appendix's sources table: the quote and, for an estimate, its note
    assert "52 billion yuan; estimate (year written '2021E')" in compact
    # chart titles are DejaVu only: the Chinese name is left out, not a bare ": forecast"
    assert ": forecast" not in compact and "Forecast" in compact
    assert "--year-column '年份' --estimates keep" in compact  # the equivalent command


def test_a_series_with_values_below_zero_gets_a_report(tmp_path: Path) -> None:
    data = tmp_path / "net.csv"  # net additions: can be negative
    values = [-5, 3, -2, 4, 1, 6, -1]
    data.write_text("year,value\n" + "".join(f"{2015 + i},{v}\n" for i, v in enumerate(values)))
    path = build_report(
        data=data, to=2025, out=tmp_path / "net.pdf", date=DATE, read_options={"unit": "MW"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    # only the rates that touch a level at or below zero are left out (was: all of them,
    # while 4 -> 1 and 1 -> 6 are well defined)
    assert (
        "A growth rate from or to a level at or below zero is undefined, so none is shown "
        "from or to such a year (2015: -5.0, 2017: -2.0, 2021: -1.0); the other years keep "
        "theirs. No CAGR is shown: the latest level is at or below zero."
    ) in compact
    assert "so is every CAGR, the latest actual being at or below zero." in compact
    assert re.search(r"a change of [\d.,-]+ from 2021\.", compact)
    assert "CAGR 2015-2021" not in compact
    # the log models cannot run on it: said in the other-methods section, cells left blank
    assert "'drift_log' could not run: " in compact
    assert re.search(r"drift_log – – – –", compact)
    # each method's message ends before the next one starts, in a reader's words (it was
    # the library's "use a level model such as 'drift' or method='auto'")
    assert (
        "'drift_log' could not run: it works on logarithms and the series has a value that is "
        "not positive (-5.0 in 2015). 'damped_log' could not run: it works on logarithms"
    ) in compact
    assert "method='auto'" not in compact
    # the summary table leaves out the same rates: 2016 (from -5) has none, 2019 has 1/4 - 1
    # (levels of at most 6, published whole: two significant digits on the smallest
    # figure shown, the 2022 forecast -0.25, so two decimals; they were "3.000", four
    # significant digits on the largest; rates keep one decimal)
    assert "2016 3.00 – – – – actual" in compact
    assert "2019 1.00 -75.0 – – – actual" in compact


def test_a_series_starting_at_zero_keeps_its_growth_rates(tmp_path: Path) -> None:
    # a new market at 0 MW in 2017. Was: every YoY '–' and "Growth rates are not shown",
    # while the executive summary quoted a compound rate from the last actual
    data = tmp_path / "zero.csv"
    data.write_text("year,new_market_mw\n2017,0\n2018,5\n2019,12\n2020,20\n2021,30\n")
    path = build_report(
        data=data, to=2024, out=tmp_path / "zero.pdf", date=DATE, read_options={"unit": "MW"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Growth rates are not shown" not in compact
    # CAGR 2018-2021: (30 / 5) ** (1 / 3) - 1 = 81.7%, from the first year after the 0
    assert "CAGR 2018-2021 81.7%" in compact
    assert (
        "Growth: 81.7% a year compounded from 2018, after the last level at or below zero "
        "(2017: 0.0)."
    ) in compact
    assert (
        "A growth rate from or to a level at or below zero is undefined, so none is shown "
        "from or to such a year (2017: 0.0); the other years keep theirs. The CAGR compounds "
        "from 2018, after the last level at or below zero."
    ) in compact
    assert "the CAGR compounds from 2018, after the last level at or below zero." in compact
    # the table: 12/5 - 1 = 140%, 20/12 - 1 = 66.7% (CAGR (20/5)^(1/2) - 1 = 100%)
    # (levels of tens of MW published whole: two significant digits on 5, one decimal)
    assert "2018 5.0 – – – – actual 2019 12.0 140.0 140.0 – – actual" in compact
    assert "2020 20.0 66.7 100.0 – – actual" in compact


def test_other_methods_section(default_report: Path) -> None:
    history = load_dataset("china_idc_market")
    history = history[history["series_id"] == "china_idc_cidc_overall"].reset_index(drop=True)
    drift_log = forecast(history, 7, method="drift_log")["mean"].iloc[-1]
    compact = re.sub(r"\s+", " ", _text(default_report))
    assert "Other methods on this series" in compact
    assert f"drift_log {drift_log:,.1f} " in compact  # forecast()'s own 2030 value
    assert "'drift_log': the historical compound growth rate continued" in compact
    assert "scored on the 9 forecasts whose cutoffs every method could use" in compact
    # were "(so the report's method scores here may differ from the table above)" and
    # "(README, Forecasting)": a client holds the PDF, not the package's README
    assert (
        "every method could use (so 'auto' may score differently here than in the backtest "
        "table above)."
    ) in compact
    assert "(the measurements are in idcforecast's README, section Forecasting)." in compact
    # under another method, "auto" is one of the others
    bt = analyses.own_backtest(history, "drift_log")[0]
    other = analyses.alternatives(history, 7, "drift_log", 0, bt)
    assert other["model"].tolist() == ["drift_log", "auto", "damped_log", "drift"]


def test_counts_of_one_are_said_in_the_singular(tmp_path: Path) -> None:
    # were "(1 forecasts)", "scored on the 1 forecasts whose cutoffs" and "1 years"
    five = tmp_path / "five.csv"  # 'auto' needs 4 points: one backtest cutoff, 2022
    five.write_text("year,value\n2019,10\n2020,12\n2021,15\n2022,17\n2023,20\n")
    path = build_report(
        data=five, to=2026, out=tmp_path / "five.pdf", date=DATE, read_options={"unit": "MW"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    # one outcome: a count, not a share ("100.0% of the outcomes (1 forecast)")
    assert re.search(
        r"its 80% intervals held [01] of 1 outcome \(too few forecasts to judge the method "
        r"by\)\.",
        compact,
    )
    assert "scored on the 1 forecast whose cutoff every method could use" in compact
    # was "at each of the 1 cutoff (2022) that leaves"
    assert "The backtest refits 'auto' at the only cutoff (2022) that leaves 1 later year" in (
        compact
    )
    # (20 / 10) ** (1 / 4) - 1 = 18.9% over 4 years
    assert "CAGR 2019-2023 18.9% 4 years" in compact
    two = tmp_path / "two.csv"
    two.write_text("year,value\n2022,10\n2023,12\n")
    path = build_report(
        data=two,
        to=2026,
        method="naive",
        out=tmp_path / "two.pdf",
        date=DATE,
        read_options={"unit": "MW"},
    )
    assert "CAGR 2022-2023 20.0% 1 year " in re.sub(r"\s+", " ", _text(path))  # 12 / 10 - 1


def test_short_series_gets_a_report_without_backtest(tmp_path: Path) -> None:
    data = tmp_path / "two.csv"
    data.write_text(
        "series_id,year,value,unit\n"
        "x,2020,10,USD bn\nx,2021,12,USD bn\nx,2022,15,USD bn\nx,2023,17,USD bn\n"
        "y,2023,1,USD bn\n"
    )
    msg = "report data (file two.csv): holds 2 series (x, y); choose one with series_id=ID"
    with pytest.raises(DataError, match=re.escape(msg)):
        build_report(data=data, out=tmp_path / "r.pdf", date=DATE)
    path = build_report(data=data, series_id="x", to=2026, out=tmp_path / "r.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    # the page footer and header ("Page 2 of 3 x (USD billion, 2020-2023)") may fall
    # inside the sentence: left out
    unbroken = re.sub(r" Page \d+ of \d+ x \(USD billion, 2020-2023\)", "", compact)
    assert (
        "No backtest is possible: 'auto' needs 4 years to fit and the series has 4, so no "
        "earlier forecast (fitted on the years before a cutoff and compared with a later "
        "year) can be scored."
    ) in unbroken
    assert "horizon=1" not in compact and "no backtest window fits" not in compact
    assert "4 points: left out 'damped' (needs 6)" in compact
    # and the methodology says its intervals rest on the prior alone, once (the forecast's
    # note, "no earlier cutoff could be scored: the interval width is the prior ...", said
    # it again in the same paragraph: report55)
    assert "No earlier cutoff could be scored for the intervals" in compact
    assert "rests on the prior alone" in compact
    assert "no earlier cutoff could be scored: the interval width is the prior" not in compact


def _methodology(text: str) -> str:
    start = text.index("Methodology")
    return text[start : text.index("Every figure of the series", start)]


def test_the_methodology_says_what_the_calibration_measured(tmp_path: Path) -> None:
    # uat12 #3: a 4-point series was said to have intervals from rolling-origin errors
    data = tmp_path / "short.csv"
    data.write_text("year,value\n2020,80\n2021,95\n2022,118\n2023,141\n")
    path = build_report(
        data=data, to=2030, out=tmp_path / "s.pdf", date=DATE, read_options={"unit": "MW"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    method = _methodology(compact)
    # 'auto' fits on at least 4 years: a refit at an earlier cutoff would have 3 or fewer
    assert (
        "No earlier cutoff could be scored for the intervals: a refit needs at least 4 years "
        "and the series has 4, so none leaves a later year to compare with. The interval "
        "width therefore rests on the prior alone"
    ) in method
    assert "Intervals are calibrated from the series' own rolling-origin errors" not in method
    assert "past the 6 years ahead" not in method
    assert "No earlier forecast of this series could be scored" in compact  # Assumptions
    # 5 points: one cutoff (fitted on 2019-2022), scored on 2023 only: 1 year ahead
    data.write_text("year,value\n2019,80\n2020,95\n2021,118\n2022,141\n2023,160\n")
    path = build_report(
        data=data, to=2030, out=tmp_path / "s.pdf", date=DATE, read_options={"unit": "MW"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert (
        "the method was refitted at 1 earlier cutoff (fitted on the data up to 2022) and its "
        "error 1 year ahead was scored."
    ) in _methodology(compact)
    assert "(1 earlier cutoff scored)" in compact
    # a method the 5 points cannot carry is said in words (was the library's "add years or
    # use method='auto' (needs 4)")
    assert (
        "'damped_log' could not run: it needs at least 6 observed years and the series has 5 "
        "(2019-2023)."
    ) in compact
    assert "method='auto'" not in compact


def test_the_default_methodology_counts_its_cutoffs(default_report: Path) -> None:
    # 12 points (2012-2023, 2013 filled): cutoffs on 11 ... 4 points (at most 8, at least
    # 4 points), i.e. data up to 2022 ... 2015; the earliest measures min(6, 12 - 4) = 6
    compact = re.sub(r"\s+", " ", _text(default_report))
    assert (
        "refitted at 8 earlier cutoffs (fitted on the data up to each of 2015-2022) and its "
        "errors 1 to 6 years ahead were scored."
    ) in compact


def test_backtest_table_keeps_the_series_id_on_one_line(default_report: Path) -> None:
    # with equal column widths the id wrapped as "china_idc_cidc_" / "overall"
    lines = _text(default_report).splitlines()
    assert any(re.match(r"china_idc_cidc_overall auto \d+\.\d ", line) for line in lines)


def test_accuracy_display_shows_a_missing_coverage_as_a_dash() -> None:
    from idcforecast.report.sections.methods import _accuracy_display

    accuracy = pd.DataFrame(
        {
            "series_id": ["s"],
            "model": ["auto"],
            "smape": [17.04],
            "mase": [2.217],
            "coverage_80": [float("nan")],
            "coverage_95": [0.95],
            "n": [18],
        }
    )
    row = _accuracy_display(accuracy).iloc[0].tolist()
    assert row == ["s", "auto", "17.0", "2.22", "–", "95%", "18"]  # was "–%" for the NaN


def test_claims_table_keeps_the_claim_set_id_on_one_line(default_report: Path) -> None:
    # in a 32 mm column the id wrapped as "global_times_2020_07_" / "07"
    lines = _text(default_report).splitlines()
    assert any(line.startswith("global_times_2020_07_07") for line in lines)


def test_a_continental_csv_reads_with_options_that_the_appendix_repeats(tmp_path: Path) -> None:
    data = tmp_path / "markt.csv"
    # a title line, then ';' fields and decimal commas: 1.000,5 is 1000.5
    data.write_text(
        "Markt (Mrd. USD)\nyear;value\n"
        + "".join(
            f"{2010 + i};{1000.5 * 1.1**i:,.1f}\n".replace(",", "_")
            .replace(".", ",")
            .replace("_", ".")
            for i in range(12)
        ),
        encoding="utf-8",
    )
    options = {"unit": "USD bn", "decimal": ",", "header_row": 1, "sep": None}
    path = build_report(
        data=data,
        series_id="markt",
        to=2025,
        out=tmp_path / "m.pdf",
        date=DATE,
        read_options=options,
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "--unit 'USD bn' --decimal , --header-row 1" in compact  # sep=None is the default
    assert "2010-2021" in compact
    history = build_module._load_history(data, "markt", options)[0]
    assert history["value"].iloc[0] == pytest.approx(1000.5)
    # (unit and kw_per_rack convert the bundled data: test_report_sources_published.py)
    with pytest.raises(DataError, match="read options 'decimal' apply to a data file"):
        build_report(out=tmp_path / "b.pdf", date=DATE, read_options={"decimal": ","})
    assert not (tmp_path / "b.pdf").exists()


def test_every_model_is_described_in_the_methodology() -> None:
    # Was: only "auto" was explained; "mean" read like the historical-average model and
    # "weighted" said nothing of its weights.
    from idcforecast.models import MODEL_REGISTRY
    from idcforecast.models.combination import DEFAULT_MEMBERS
    from idcforecast.report.sections.methods import METHOD_SUMMARIES, _members_text

    assert set(METHOD_SUMMARIES) == set(MODEL_REGISTRY)
    for alias in ("mean", "median", "weighted"):
        assert "drift, damped and theta" in METHOD_SUMMARIES[alias]
        assert set(DEFAULT_MEMBERS) == {"drift", "damped", "theta"}
    assert _members_text("weighted").startswith("'weighted' is a weighted mean of drift,")


def test_an_output_that_is_not_a_pdf_is_refused(tmp_path: Path) -> None:
    # uat12: --out notes.csv wrote a PDF over an unrelated CSV beside the data
    other = tmp_path / "notes.csv"
    other.write_text("keep me\n")
    with pytest.raises(ReportError) as caught:
        build_report(out=other, date=DATE)
    assert str(caught.value) == (
        f"report: out={str(other)!r} does not end in '.pdf'; the report is a PDF, and any other "
        f"file there would be replaced by it; choose a path such as {str(tmp_path / 'notes.pdf')!r}"
    )
    assert other.read_text() == "keep me\n"


def _pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


@pytest.mark.parametrize(
    ("rows", "gaps"),
    [
        ("2020,80\n2021,95\n2022,118\n2023,141\n", "interpolate"),  # uat12 vn_short.pdf
        ("2015,40\n2016,46\n2017,53\n2019,71\n2020,83\n2021,97\n2022,116\n2023,139\n", "span"),
    ],
)
def test_the_reproducibility_table_is_not_split(tmp_path: Path, rows: str, gaps: str) -> None:
    # uat12 #10: the table split so that the last page held its header and one row
    data = tmp_path / "vn.csv"
    data.write_text("year,value\n" + rows)
    path = build_report(
        data=data,
        to=2030,
        out=tmp_path / "r.pdf",
        date="2026-12-06",
        gaps=gaps,
        read_options={"unit": "MW"},
    )
    pages = _pages(path)
    (page,) = [p for p in pages if "To reproduce" in p]
    for item in ("Reproducibility", "idcforecast version", "Data sha256", "Seed", "Command as run"):
        assert item in page, item


def test_small_backtests_and_the_forecast_bullet(tmp_path: Path) -> None:
    data = tmp_path / "vn.csv"  # 7 years of USD m, reported in USD bn
    data.write_text(
        "year,value,unit\n2017,310,USD m\n2018,352,USD m\n2019,401,USD m\n2020,455,USD m\n"
        "2021,530,USD m\n2022,601,USD m\n2023,690,USD m\n"
    )
    path = build_report(
        data=data, to=2030, out=tmp_path / "r.pdf", date=DATE, read_options={"unit": "USD bn"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    # 3 backtest forecasts, all inside their 80% intervals: a count, not "100.0%"
    # three forecasts are no track record: the bullet says so (it read like one)
    assert "its 80% intervals held 3 of 3 outcomes (too few forecasts to judge" in compact
    assert "100.0% of the outcomes" not in compact
    # the unit is stated with the forecast, as with the latest actual (uat12 #12)
    assert re.search(r"Forecast: [\d.]+ USD billion in 2030 \(80% interval", compact)
    # no row is derived: no sentence about 'derived' rows (uat12 #12)
    assert "'derived' rows" not in compact
    assert "Values in USD billion. Intervals are the forecast's 80% and 95%" in compact


def test_the_default_summary_keeps_its_derived_sentence(default_report: Path) -> None:
    compact = re.sub(r"\s+", " ", _text(default_report))
    assert "'derived' rows were computed by the data's compiler" in compact  # 2014, 2019...
    # 14 of 15 = 93.3%, in whole percent as the backtest table prints it (was "93.3%")
    assert "held 93% of the outcomes (15 forecasts)" in compact
    assert "Forecast: 10,297.7 CNY 100 million in 2030 (80% interval" in compact


def test_a_spec_without_weights_has_no_weighted_sentence(tmp_path: Path) -> None:
    # uat12 #12: "the weighted row mixes the scenarios" with no weighted row
    data = tmp_path / "vn_mw.csv"
    data.write_text(
        "year,value\n2016,45\n2017,52\n2018,63\n2019,71\n2020,83\n2021,97\n2022,116\n"
        "2023,139\n2024,168\n"
    )
    spec = tmp_path / "now.toml"
    spec.write_text(
        'series_id = "vn_mw"\nunit = "MW"\n[scenarios.base]\n'
        '[scenarios.fast]\ngrowth = { "2025-2030" = 0.05 }\n'
    )
    path = build_report(
        data=data,
        scenarios=spec,
        to=2030,
        out=tmp_path / "r.pdf",
        date=DATE,
        read_options={"unit": "MW"},
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "as the share of simulated paths above it. The levels are" in compact
    assert "weighted row" not in compact


def test_a_range_read_as_its_midpoint_is_marked(tmp_path: Path) -> None:
    # uat11 #5: 3000-3100亿元 was read as 3,050 and printed unmarked beside '~' and '>'
    data = tmp_path / "prov.csv"
    data.write_text(
        "year,value,source\n2018,1228亿元,CIDC\n2019,约1562.5亿元,CIDC\n2020,超过2000亿元,Kezhi\n"
        "2021,3000-3100亿元,broker\n",
        encoding="utf-8",
    )
    path = build_report(data=data, to=2025, out=tmp_path / "r.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    assert "2021 3,050.0 † " in compact  # (3000 + 3100) / 2
    assert "'†' marks the midpoint of a range as published (2021: 3,000.0-3,100.0)." in compact


def test_sources_of_a_users_file_say_scope_and_confidence_are_not_stated(tmp_path: Path) -> None:
    # uat12: the Sources table's Scope and Confidence cells were blank for user data
    data = tmp_path / "vn.csv"
    data.write_text("year,value\n" + "".join(f"{2015 + i},{100 + 50 * i}\n" for i in range(9)))
    out = build_report(data=data, read_options={"unit": "MW"}, out=tmp_path / "vn.pdf", date=DATE)
    sources = _text(out).split("Sources", 2)[-1]
    rows = [line for line in sources.splitlines() if line.startswith("2015")]
    assert rows and rows[0].count("not stated") == 2


def test_a_users_fx_file_is_named_in_the_report(tmp_path: Path) -> None:
    # rates of the user's own file (idcforecast.use_fx_rates / --fx-rates) are named where
    # they were used, and the file is recorded for reproduction (was: no way to give one)
    from idcforecast import use_fx_rates

    data = tmp_path / "eu.csv"
    data.write_text(
        "year,eu_dc\n2015,EUR 10 bn\n2016,EUR 11 bn\n2017,EUR 12.5 bn\n2018,EUR 13 bn\n"
        "2019,EUR 14 bn\n2020,EUR 15 bn\n"
    )
    rates = tmp_path / "ecb.csv"
    rates.write_text("year,value,unit\n2016,1.1069,USD/EUR\n")
    with use_fx_rates(rates):
        path = build_report(
            data=data, to=2023, out=tmp_path / "eu.pdf", date=DATE, read_options={"unit": "USD bn"}
        )
    compact = re.sub(r"\s+", " ", _text(path))
    # 2016: 11 EUR bn x 1.1069 USD per EUR (the user's rate, before the bundled 1.1072)
    # = 12.1759 USD bn
    # (with the rate as quoted, USD per EUR, beside the factor)
    assert (
        "converted from 'EUR bn' (x1.1069, 2016 annual-average FX rate from ecb.csv: 1.1069 "
        "USD per EUR)"
    ) in compact
    # 2015 from the bundled G.5A table: x1.1096
    assert (
        "converted from 'EUR bn' (x1.1096, 2015 annual-average FX rate: 1.1096 USD per EUR)"
    ) in compact
    assert (
        "from the user's FX file ecb.csv where it has the rate, else the bundled FX table "
        "fx_rates (idcforecast datasets fx_rates lists it)"
    ) in compact
    assert f"FX file sha256 {hashlib.sha256(rates.read_bytes()).hexdigest()}" in compact
    assert f"--fx-rates {rates}" in compact.replace(" --out", "\n--out").replace("- -", "--")


def test_a_folder_of_figures_is_reported_with_its_files(tmp_path: Path) -> None:
    # was: IsADirectoryError traceback while hashing the "file"
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "a.csv").write_text("year,value,source\n2016,714.5,CIDC 2017\n2017,946.1,CIDC 2018\n")
    (folder / "b.csv").write_text(
        "year,value,source\n2018,1228,CIDC 2019\n2019,1562.5,CIDC 2020\n2020,2238.7,CIDC 2021\n"
        "2021,3012.7,CIDC 2022\n"
    )
    path = build_report(
        data=folder,
        series_id="cidc",
        to=2024,
        out=tmp_path / "f.pdf",
        date=DATE,
        read_options={"unit": "CNY 100m"},
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "folder figures (2 files: a.csv, b.csv)" in compact
    listing = "".join(
        f"{name}\0{hashlib.sha256((folder / name).read_bytes()).hexdigest()}\n"
        for name in ("a.csv", "b.csv")
    )
    assert hashlib.sha256(listing.encode("utf-8")).hexdigest() in compact
    assert "CIDC 2017" in compact and "CIDC 2022" in compact  # each row keeps its source


def test_backtest_section_explains_its_scores_and_cutoffs(default_report: Path) -> None:
    # the table had sMAPE and MASE without a word on what they are, an "(all)" row
    # repeating the one series, and "Rolling origin, 5 cutoff(s)" under a methodology that
    # said "refitted at 8 earlier cutoffs" with no word on why they differ
    reader = PdfReader(default_report)
    page = next(
        p.extract_text() for p in reader.pages if "Backtest on this series" in p.extract_text()
    )
    compact = re.sub(r"\s+", " ", page)
    assert "(all)" not in compact
    assert "cutoff(s)" not in compact
    assert "Rolling origin, 5 cutoffs;" in compact
    assert (
        "The backtest refits 'auto' at each of the 5 cutoffs (2016-2020) that leave 3 later "
        "years to compare with, and scores its forecasts 1 to 3 years ahead; the calibration "
        "of the intervals (Methodology above) is a separate pass over 8 cutoffs"
    ) in compact
    assert "sMAPE: the absolute error as a percentage of the average of forecast" in compact
    assert "MASE: the absolute error divided by the series' average year-on-year" in compact
    # the 15 backtest forecasts are enough to be called a track record
    assert "93% of the outcomes (15 forecasts)." in re.sub(r"\s+", " ", _text(default_report))


def test_summary_separates_point_forecasts_from_bounds(default_report: Path) -> None:
    # CIDC: "more than 2,000" (2020, actual 2,238.7) and "more than 3,200.5" (2022, actual
    # 4,043.2) held; Global Times' point 3,200 for 2022 was 3,200 / 4,043.2 - 1 = -20.9%.
    # The summary averaged all three: "on average they were 17.5% below the actual"
    compact = re.sub(r"\s+", " ", _text(default_report))
    assert (
        # (and says the point forecast missed: "2 held: the point forecast was 20.9% below"
        # read as if it were one of the two)
        "**Published forecasts:** 3 came due; 2 held: the point forecast missed, 20.9% below "
        "the actual; both published as bounds ('more than') held."
    ).replace("**", "") in compact.replace("**", "")
    assert "17.5%" not in compact


def test_summary_coverage_has_the_backtest_tables_precision(default_report: Path) -> None:
    # the summary said "93.3%" where the backtest table's 80% coverage said "93%"
    compact = re.sub(r"\s+", " ", _text(default_report))
    table = re.search(r"china_idc_cidc_overall auto [\d.]+ [\d.]+ (\d+%) \d+% 15\b", compact)
    assert table is not None
    assert table.group(1) == "93%"  # 14 of 15 = 0.9333, whole percent
    assert f"its 80% intervals held {table.group(1)} of the outcomes" in compact


def _pages(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def test_track_record_chart_labels_match_its_table(default_report: Path) -> None:
    # the chart labelled a forecast by Chinese makers "kezhi 2020 07", a name neither the
    # Claims table nor the track-record table used; the table now names each set too
    page = next(p for p in _pages(default_report) if "Published forecasts against" in p)
    assert "kezhi_2020_07 (2020): > 2,000" in page
    assert "kezhi 2020 07" not in page
    assert re.search(r"Claim set By Made For Forecast Actual Error Held kezhi_2020_07 ", page)
    assert "global_times_2020_07_07 Global Times" in page  # one line: the column holds it
    # report25: the Made column wrapped the date to "2020-07-" over "07"
    assert "2020-07-07 2022 3,200 4,043.2 -20.9% no" in page


def test_sections_keep_their_chart_and_table_on_one_page(tmp_path: Path) -> None:
    # to 2035 with scenarios, the track-record table opened a page alone (its chart and
    # heading on the page before), and the scenarios chart left its section's words
    # under half a page of white
    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    path = build_report(out=tmp_path / "s.pdf", date=DATE, scenarios=spec, to=2035)
    pages = _pages(path)
    track = next(p for p in pages if "Published forecasts against what happened" in p)
    assert "Track record of published forecasts" in track
    assert "Claim set By Made For" in track
    scenarios = next(p for p in pages if re.search(r"Scenarios China IDC market", p))
    assert "Scenarios: median and 10-90% band" in scenarios
    assert "2035 median 10-90% 5-95% median CAGR" in scenarios
    # ranges with an en dash, as in every other table (they had a hyphen here)
    assert re.search(r"base [\d,]+ [\d,]+–[\d,]+ [\d,]+–[\d,]+ [\d.]+%", scenarios)


def test_a_method_without_a_backtest_is_said_in_words(tmp_path: Path) -> None:
    # "'auto' has no backtest: no backtest window fits: every series needs more than
    # horizon=2 years after the method's minimum number of points; shorten the horizon"
    # (the library's advice to a programmer), after a double space
    five = tmp_path / "five.csv"
    five.write_text("year,value\n2018,120\n2019,150\n2021,210\n2022,260\n2023,300\n")
    path = build_report(
        data=five,
        to=2035,
        method="drift",
        out=tmp_path / "five.pdf",
        date=DATE,
        read_options={"unit": "MW"},
    )
    text = _text(path)
    compact = re.sub(r"\s+", " ", text)
    assert "horizon=" not in compact and "shorten the horizon" not in compact
    assert (
        "'auto' has no backtest: no cutoff of this series leaves both the years the method "
        "needs to fit and 2 later years to score."
    ) in compact
    assert "above).  '" not in text.replace("\n", " ")


def test_a_forecast_not_yet_due_shows_no_actual(tmp_path: Path) -> None:
    # report25: the track-record table printed "nan" as the actual of the CAICT series' 2024
    # forecast (made 2024, the series ends 2023), and the chart's note said the forecasts
    # were "made before their target year" of a claim made in it (h = 0)
    path = build_report(
        series_id="china_idc_caict", method="drift", out=tmp_path / "caict.pdf", date=DATE
    )
    page = next(p for p in _pages(path) if "Published forecasts against" in p)
    assert not re.search(r"\bnan\b", page)  # a word: the source "nansucms.com" is no NaN
    assert re.search(r"unattributed_2024 unattributed \(commonly ascribed to CAICT\) 2024 2024 "
                     r"3,048 – – not yet", page)  # fmt: skip
    assert "made before their target year or during it" in page


@pytest.fixture(scope="module")
def scenario_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    return build_report(out=tmp_path_factory.mktemp("s") / "s.pdf", date=DATE, scenarios=spec)


def test_probability_levels_say_which_median_they_scale(scenario_report: Path) -> None:
    # report25: "0.75, 1 and 1.5 times the median scenario's 2030 median": the levels scale
    # the median of the four rows' medians (base, bull, bear, weighted), which with four rows
    # is the mean of the middle two and no scenario's median
    page = next(p for p in _pages(scenario_report) if "median CAGR" in p)
    medians = [
        float(m.replace(",", ""))
        for m in re.findall(r"(?:base|bull|bear|weighted) ([\d,]+) [\d,]+–", page)
    ]
    assert len(medians) == 4
    middle = float(np.median(medians))
    stated = re.search(r"times the median of the 2030 medians above \(([\d,]+)\)", page)
    assert stated is not None
    assert float(stated.group(1).replace(",", "")) == pytest.approx(middle, abs=0.5)

    def two_figures(x: float) -> float:  # rounded to two significant figures
        return float(f"{x:.2g}")

    levels = [float(v.replace(",", "")) for v in re.findall(r"P\(> ([\d,]+)\)", page)]
    assert levels == [two_figures(k * middle) for k in (0.75, 1.0, 1.5)]


def test_a_blank_title_falls_back_to_the_series_name(tmp_path: Path) -> None:
    # report25: --title '   ' printed a report without a title ('' already fell back)
    path = build_report(out=tmp_path / "r.pdf", date=DATE, title="   ")
    first = PdfReader(path).pages[0].extract_text().splitlines()[0]
    assert first == "China IDC market (CIDC overall scope)"


def test_scenario_caps_are_stated(scenario_report: Path) -> None:
    # report25: the bear case's 10-90% range ended at exactly 9,000, its cap (clip), which
    # the report never mentioned (the bullets print the spec's descriptions alone)
    page = next(p for p in _pages(scenario_report) if "median CAGR" in p)
    assert (
        "bear (weight 0.25): Slower growth (-5 points a year) and a one-off 8% drop in 2026 "
        "(oversupply); capped at 9,000 CNY 100 million (clipped)" in page
    )
    assert "saturates near 2万亿元; capped at 20,000 CNY 100 million (approached smoothly)" in page
    assert re.search(r"bear [\d,]+ [\d,]+–9,000 ", page)  # the range the cap explains


def test_a_data_file_that_does_not_exist(tmp_path: Path) -> None:
    # report25: `report --data typo.csv` was a FileNotFoundError traceback: the file was
    # hashed for the appendix before it was read
    missing = tmp_path / "typo.csv"
    msg = f"{missing}: no such file; expected a CSV or Excel file path or a DataFrame"
    with pytest.raises(DataError, match=re.escape(msg)):
        build_report(data=missing, out=tmp_path / "r.pdf", date=DATE)
    assert list(tmp_path.iterdir()) == []


def test_the_command_to_reproduce_a_report_on_a_dataframe_reads_it(tmp_path: Path) -> None:
    # report25: build_report(data=frame) printed "To reproduce: idcforecast report --to 2030
    # --out ..." without --data: that command reports on the bundled data instead
    frame = pd.DataFrame(
        {"series_id": "vn", "year": range(2017, 2024), "unit": "USD bn",
         "value": [0.31, 0.352, 0.401, 0.455, 0.53, 0.601, 0.69]}
    )  # fmt: skip
    path = build_report(data=frame, out=tmp_path / "r.pdf", date=DATE)
    page = next(p for p in _pages(path) if "To reproduce" in p)
    # (compared without spaces: a long temporary path may wrap in the table's cell)
    compact = page.replace(" ", "")
    assert f"idcforecastreport--datadata.csv--to2030--out{tmp_path / 'r.pdf'}" in compact
    assert (
        "data.csv: the DataFrame passed as data=, written with .to_csv('data.csv', index=False)"
        in page
    )


def test_a_year_indexed_series_is_reported_as_forecast_takes_it(tmp_path: Path) -> None:
    # report25: build_report(data=series) was "TypeError: expected str, bytes or
    # os.PathLike object, not Series"; forecast() takes such a Series (named by its name)
    series = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=range(2019, 2024), name="ser")
    path = build_report(
        data=series, out=tmp_path / "r.pdf", date=DATE, read_options={"unit": "USD bn"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Series ser (scope: not stated), in USD billion. Forecast to 2030." in compact
    assert "Latest: 5.0 USD billion in 2023." in compact  # 1-5, whole: two digits on 1


def test_a_series_rows_are_named_by_the_series_and_year_in_sources(tmp_path: Path) -> None:
    # a Series' rows were "DataFrame row 0" in the sources table and "DataFrame,
    # rows 0-4" under the charts (the Series was turned into a frame first); read_series
    # names them "Series 'ser' year 2019", and the report now does the same
    series = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], index=range(2019, 2024), name="ser")
    path = build_report(
        data=series, out=tmp_path / "r.pdf", date=DATE, read_options={"unit": "USD bn"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "DataFrame" not in compact
    assert "Series 'ser' year 2019" in compact
    assert "from an in-memory Series 'ser' (hash of its CSV form)" in compact
    # under the charts: "Series 'ser', years 2019-2023", not five entries cut to three
    assert "Source: Series 'ser', years 2019-2023." in compact
    # the command that reproduces it reads the Series written with its years as a column
    assert ".rename_axis('year').to_csv('data.csv')" in compact
    written = tmp_path / "data.csv"
    series.rename_axis("year").to_csv(written)
    again = build_report(
        data=written, out=tmp_path / "again.pdf", date=DATE, read_options={"unit": "USD bn"}
    )
    assert "Latest: 5.0 USD billion in 2023." in re.sub(r"\s+", " ", _text(again))


def test_a_share_published_with_one_decimal_keeps_it(tmp_path: Path) -> None:
    # a share published as 3.0 ... 5.6 percent printed "3.000 percent", "5.600"
    # and "+2.600 pp" (four significant digits on the largest level): a precision the data
    # never had. Levels and changes now take the decimals the figures were published with;
    # the average change a year one more (2.6 pp / 5 years = 0.52 pp)
    data = tmp_path / "share.csv"
    data.write_text("year,share\n2018,3.0\n2019,3.4\n2020,3.9\n2021,4.5\n2022,5.1\n2023,5.6\n")
    path = build_report(
        data=data, out=tmp_path / "r.pdf", date=DATE, read_options={"unit": "percent"}
    )
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Latest: 5.6 percent in 2023." in compact
    assert (
        "Change: +2.6 percentage points (pp) from 2018 (3.0 to 5.6 percent), +0.52 pp a year"
        in compact
    )
    assert "Change 2018-2023 +2.6 pp +0.52 pp a year" in compact
    assert "average 2018-2023: +0.52 pp a year" in compact  # the change chart's line
    # the summary table: 2019 is 3.4, up 0.4 pp, 0.4 pp to date (3.4 - 3.0)
    assert "2019 3.4 +0.4 +0.4 – – actual" in compact
    assert "3.000" not in compact and "5.600" not in compact


def test_a_share_in_percent_is_reported_in_percentage_points(tmp_path: Path) -> None:
    # a share of electricity, 1.5% -> 3.0% over 2015-2023: its growth rates (a "CAGR
    # 2015-2023" of 9.1%, "+100%") read as the growth of the electricity; every growth
    # figure of the report is a change in percentage points instead
    data = tmp_path / "share.csv"
    values = [1.5, 1.6, 1.7, 1.9, 2.0, 2.2, 2.4, 2.7, 3.0]
    data.write_text(
        "year,value,unit\n" + "".join(f"{2015 + i},{v},%\n" for i, v in enumerate(values))
    )
    spec = tmp_path / "share.toml"
    # a bare 0.05 on a share is refused as ambiguous (+5 points, or 5% of the share?):
    # "+5% relative" is the 5% of the share a year this spec meant
    spec.write_text(
        'series_id = "share"\nunit = "%"\n[scenarios.base]\n'
        '[scenarios.fast]\ngrowth = {"2024-2030" = "+5% relative"}\n'
    )
    path = build_report(data=data, out=tmp_path / "share.pdf", date=DATE, scenarios=spec)
    compact = re.sub(r"\s+", " ", _text(path))
    assert "CAGR" not in compact
    assert "compounded" not in compact
    # 3.0 - 1.5 = 1.5 pp over 8 years: 0.1875 pp a year; the shares were published with one
    # decimal, which levels and changes keep (they were "1.500", "+0.188"), the
    # average a year one more
    assert "Change 2015-2023 +1.5 pp +0.19 pp a year" in compact
    assert (
        "Change: +1.5 percentage points (pp) from 2015 (1.5 to 3.0 percent), +0.19 pp "
        "a year on average"
    ) in compact
    fc = forecast(pd.read_csv(data).assign(series_id="share"), 7, method="auto", seed=0)
    end = float(fc["mean"].iloc[-1])
    assert f"{end:.1f} percent in 2030" in compact
    assert f"+{end - 3.0:.1f} pp from 2023." in compact
    # the Change section and the summary table's columns
    assert "year-on-year changes are given in percentage points (pp), not as growth rates" in (
        compact
    )
    assert "2018 1.9 +0.2 +0.4 – – actual" in compact
    assert "2023 3.0 +0.3 +1.5 – – actual" in compact
    assert "YoY %" not in compact
    # the scenario table: the median change from the last actual, in pp
    assert "median change from 2023" in compact
    assert re.search(r"base [\d.]+ [\d.]+–[\d.]+ [\d.]+–[\d.]+ \+[\d.]+ pp", compact)


def test_a_chinese_title_without_a_cjk_font_says_so_on_page_one(
    tmp_path: Path, monkeypatch
) -> None:
    # a table headed in Chinese: the series (and the title) is "中国IDC市场规模". Without a
    # CJK font the title read "IDC" (its Latin leftovers, which read as IDC Corp) or
    # "[Chinese text]", and the only word on why was a note on the Sources page
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    data = tmp_path / "cn.csv"
    data.write_text(
        # (a firm with no known English name: 科智咨询 is printed as Kezhi Consulting)
        "年份,中国IDC市场规模,来源\n2016,714.5,赛迪顾问\n2017,946.1,赛迪顾问\n"
        "2018,1228.0,赛迪顾问\n2019,1562.5,赛迪顾问\n2020,2238.7,赛迪顾问\n",
        encoding="utf-8",
    )
    path = build_report(
        data=data, out=tmp_path / "cn.pdf", date=DATE, read_options={"unit": "CNY 100m"}
    )
    reader = PdfReader(path)
    first = re.sub(r"\s+", " ", reader.pages[0].extract_text())
    assert first.startswith("Report on file cn.csv Series named in Chinese (scope: not stated)")
    assert (
        "No CJK font was found, so Chinese text (the title, the series' name, sources) is left "
        "out of this PDF. Install idcforecast[cjk] (or set IDCFORECAST_CJK_FONT to a CJK font "
        "file) to print it."
    ) in first
    assert "[Chinese text]" not in first
    # the running header of the other pages, and the metadata (Unicode: no font needed)
    assert reader.pages[1].extract_text().startswith("Report on file cn.csv")
    # (the default title names the unit and years, report55: the bare id said neither)
    assert reader.metadata.title == "中国IDC市场规模 (CNY 100 million, 2016-2020)"
    # the Sources page says it too (it said nothing for Chinese sources without quotes)
    sources = re.sub(r"\s+", " ", _text(path)).split("Sources Every figure")[1]
    assert "No CJK font was found, so Chinese text is left out of this PDF." in sources


def test_a_title_with_a_chinese_gloss_keeps_its_english_name_without_a_cjk_font(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv(CJK_FONT_ENV, "none")
    data = tmp_path / "m.csv"
    data.write_text("year,market\n2019,1\n2020,2\n2021,3\n2022,4\n", encoding="utf-8")
    path = build_report(
        data=data,
        out=tmp_path / "m.pdf",
        date=DATE,
        title="China IDC market (中国IDC市场)",
        read_options={"unit": "USD bn"},
    )
    first = re.sub(r"\s+", " ", PdfReader(path).pages[0].extract_text())
    assert first.startswith("China IDC market Series market (scope: not stated)")
    assert "Chinese text (the title) is left out of this PDF" in first


def test_a_share_forecast_past_100_percent_is_flagged(tmp_path: Path) -> None:
    # 50% -> 90% by 10 pp a year: 'auto' goes on to 160% in 2030 (drift: 90 + 7 x 10), which
    # a share cannot reach; the report printed it without a word
    data = tmp_path / "hi.csv"
    data.write_text(
        "year,value,unit\n" + "".join(f"{2019 + i},{50 + 10 * i},%\n" for i in range(5))
    )
    path = build_report(data=data, out=tmp_path / "hi.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    fc = forecast(pd.read_csv(data).assign(series_id="hi"), 7, seed=0)
    central = int(fc.loc[fc["mean"] > 100, "year"].min())  # 2025: 110
    interval = int(fc.loc[fc["hi_95"] > 100, "year"].min())
    assert (central, interval) == (2025, 2024)
    assert "160.0 percent in 2030" in compact  # a share keeps at least one decimal
    # the forecast note's check and words (the widest interval): the report used the 80%
    # interval and its own words ("its 80% interval in 2024, its central value in 2025")
    assert (
        f"The forecast passes 100% (95% upper bound in {interval}, central value in "
        f"{central}): if the series is a share, it cannot"
    ) in compact
    assert (
        f"forecast passes 100% (95% upper bound in {interval}, central value in "
        in (fc["note"].iloc[0])
    )
    # a series already above 100% (a ratio in percent) is no share: no such line
    data.write_text(
        "year,value,unit\n" + "".join(f"{2019 + i},{95 + 10 * i},%\n" for i in range(5))
    )
    path = build_report(data=data, out=tmp_path / "hi2.pdf", date=DATE)
    assert "passes 100%" not in re.sub(r"\s+", " ", _text(path))


def test_a_margin_crossing_zero_is_scored_by_mase_and_ranges_read_with_to(
    tmp_path: Path,
) -> None:
    # an operating margin from -5% to 3.1%: the backtest's forecasts from 2020 (level 0)
    # are 0, so each scores an sMAPE of 200% (|F - A| / ((|F| + |A|) / 2)), which the
    # summary printed as the method's track record; and "80% interval -0.436-9.929" read
    # as a subtraction
    data = tmp_path / "margin.csv"
    values = [-5, -3, -1.5, 0, 1.2, 2.0, 3.1]
    data.write_text(
        "year,value,unit\n" + "".join(f"{2017 + i},{v},%\n" for i, v in enumerate(values))
    )
    path = build_report(data=data, out=tmp_path / "m.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    history = pd.read_csv(data).assign(series_id="margin")
    bt = idc_backtest(history, 3)
    # 'auto' from -5, -3, -1.5, 0 (a value not positive: naive, drift, ses, theil_sen; dotm
    # needs 6): naive 0, ses 0 (alpha 1), Theil-Sen slope median(2, 1.75, 5/3, 1.5, 1.5,
    # 1.5) = (1.5 + 5/3) / 2 = 19/12, drift 5/3 a year; the median of four at h = 1 is
    # (0 + 19/12) / 2 = 19/24 = 0.7917 a year (it was 0, 0, 0: the old members ran flat)
    np.testing.assert_allclose(bt["mean"], [19 / 24, 38 / 24, 57 / 24], rtol=1e-6)
    # MASE: mean |(0.7917, 1.5833, 2.375) - (1.2, 2.0, 3.1)| = (0.4083 + 0.4167 + 0.725) / 3
    # = 0.5167, over the mean |change| to 2020, (2 + 1.5 + 1.5) / 3 = 5/3: 0.31
    assert "backtest MASE 0.31 (the error in typical years' changes; sMAPE" in compact
    assert "backtest sMAPE 200.0%" not in compact
    # a margin around zero: its interval runs from a negative number, read with "to"
    values = [-1.0, 2.0, -1.5, 0.5, 1.2, -2.0, 0.5]
    data.write_text(
        "year,value,unit\n" + "".join(f"{2017 + i},{v},%\n" for i, v in enumerate(values))
    )
    path = build_report(data=data, out=tmp_path / "m2.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    fc = forecast(pd.read_csv(data).assign(series_id="margin"), 7, seed=0).iloc[-1]
    assert fc["lo_80"] < 0
    # (one decimal: the margins were published with one)
    assert f"(80% interval {fc['lo_80']:.1f} to {fc['hi_80']:.1f}; 95%" in compact


def test_no_backtest_on_a_gappy_series_says_filled_years_count_only_for_calibration(
    racks_report: str,
) -> None:
    # racks 2019, 2021, 2022, 2024: the Methodology's calibration refits at a cutoff in
    # 2022 (2019-2022 with 2020 filled), while the backtest needs 4 published years before
    # a cutoff; "the series has 4" beside "refitted at 1 earlier cutoff" read as a
    # contradiction. That refit's later years are 2023 (a gap) and 2024 ("more than 880",
    # a bound, which forecast() never scores): no cutoff is scored, and the report said
    # "refitted at 1 earlier cutoff (fitted on the data up to 2022)" as if one were
    assert "refitted at 1 earlier cutoff" not in racks_report
    assert (
        "No earlier cutoff could be scored for the intervals: the figure of 2024 was published "
        'as a bound ("more than" or "at most" a figure), which gives no error to score.'
    ) in racks_report
    assert (
        "No backtest is possible: 'auto' needs 4 years to fit and the series has 4 published "
        "(the 2 years filled across gaps count for the interval calibration's refits, never "
        "for a backtest), so no earlier forecast"
    ) in racks_report


def test_a_series_in_basis_points_is_not_called_a_percentage(tmp_path: Path) -> None:
    # a spread in bp: its changes are in bp (165 - 120 = 45 over 4 years), and the report
    # called it "a percentage"
    data = tmp_path / "bp.csv"
    data.write_text(
        "year,value,unit\n2019,120,bp\n2020,135,bp\n2021,150,bp\n2022,140,bp\n2023,165,bp\n"
    )
    path = build_report(data=data, out=tmp_path / "bp.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", _text(path))
    assert "Change 2019-2023 +45.0 bp" in compact  # in bp: at least one decimal
    assert "the series is in basis points, so its changes are given in bp" in compact
    assert (
        "The series is in basis points, so its year-on-year changes are given in basis points"
        in (compact)
    )
    assert "is a percentage" not in compact
    assert "2022 140.0 -10.0 +20.0 – – actual" in compact  # 140 - 150; 140 - 120


def test_a_folder_of_one_series_split_by_years_is_told_how_to_join_it(tmp_path: Path) -> None:
    # two files of one market, split by years, without a series_id column: each file is a
    # series named after it, and the error says that series_id=NAME joins them
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "early.csv").write_text("year,value,unit\n2018,10,USD bn\n2019,12,USD bn\n")
    (folder / "late.csv").write_text("year,value,unit\n2020,15,USD bn\n2021,17,USD bn\n")
    msg = (
        "holds 2 series (early, late); choose one with series_id=ID, or join the files into "
        "one series with series_id=NAME (a file without a series_id column is a series "
        "named after the file)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        build_report(data=folder, out=tmp_path / "r.pdf", date=DATE)
    assert not (tmp_path / "r.pdf").exists()
    path = build_report(
        data=folder, series_id="market", method="naive", out=tmp_path / "r.pdf", date=DATE
    )
    assert "2018-2021" in re.sub(r"\s+", " ", _text(path))  # the four years, one series


def test_a_file_of_two_named_series_is_not_told_to_join_them(tmp_path: Path) -> None:
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "both.csv").write_text(
        "series_id,year,value,unit\nx,2020,1,USD bn\nx,2021,2,USD bn\ny,2020,3,USD bn\n"
        "y,2021,4,USD bn\n"
    )
    with pytest.raises(DataError, match=r"choose one with series_id=ID$"):
        build_report(data=folder, out=tmp_path / "r.pdf", date=DATE)


def test_a_far_horizon_keeps_the_cover_table_on_page_one(tmp_path: Path) -> None:
    # a report --to 2100 listed every other year on page 1 (2024, 2026, ... 2100: 39 rows),
    # which ran over onto page 2; past ten forecast years the cover table shows the first
    # year, round years and the final one
    path = build_report(to=2100, out=tmp_path / "far.pdf", date=DATE, method="drift")
    first, second = (re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages[:2])
    shown = re.findall(r"\b(\d{4}) forecast\b", first)
    assert shown == ["2024", "2040", "2060", "2080", "2100"]
    assert not re.search(r"\b\d{4} forecast\b", second.split("Summary table")[0])


def test_the_backtest_table_s_numbers_are_right_aligned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the backtest table printed sMAPE, MASE, coverages and the count left-aligned, under
    # every other table's right-aligned numbers
    from idcforecast.report.pdf import ReportDocument

    seen: list[tuple[list[str], list[str]]] = []
    table = ReportDocument.table

    def recording(self, frame, *, col_widths=None, align=None, size=8.0):
        columns = [str(c) for c in frame.columns]
        seen.append((columns, list(align) if align else ["LEFT"] * len(columns)))
        return table(self, frame, col_widths=col_widths, align=align, size=size)

    monkeypatch.setattr(ReportDocument, "table", recording)
    build_report(out=tmp_path / "r.pdf", date=DATE)
    backtest = [align for columns, align in seen if "MASE" in columns]
    assert backtest == [["LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"]]


def test_the_claims_table_spells_units_as_the_other_tables(default_report: Path) -> None:
    # the Claims table printed check_claims' canonical "level 1,562.5 CNY 100m in 2019"
    # beside "Value (CNY 100 million)" in every other table of the report
    text = re.sub(r"\s+", " ", _text(default_report))
    assert "level 1,562.5 CNY 100 million in 2019" in text
    assert "100m" not in text


def test_a_spec_that_cannot_be_used_is_refused_before_the_report_is_announced(
    tmp_path: Path,
) -> None:
    # a spec whose weights sum to 0.9, or written for another series, failed after the
    # command line had printed "Report on ... / Scenarios from ..." and the forecast,
    # backtest and other methods had run; both are refused before the announcement now
    from idcforecast.errors import SpecError

    data = tmp_path / "good.csv"
    data.write_text("year,value\n" + "".join(f"{2015 + i},{100 + 50 * i}\n" for i in range(9)))
    bad = tmp_path / "bad.json"
    bad.write_text('{"scenarios": {"a": {"weight": 0.5}, "b": {"weight": 0.4}}}')
    announced: list[str] = []
    out = tmp_path / "r.pdf"
    with pytest.raises(SpecError, match=re.escape("weights must sum to 1; found a 0.5 + b 0.4")):
        build_report(data=data, scenarios=bad, out=out, date=DATE, on_read=announced.append)
    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    with pytest.raises(UnknownSeriesError, match=re.escape("is not in the data (found good)")):
        build_report(
            data=data,
            scenarios=spec,
            out=out,
            date=DATE,
            read_options={"unit": "MW"},
            on_read=announced.append,
        )
    assert announced == []
    assert not out.exists()
