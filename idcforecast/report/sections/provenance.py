"""What the report rests on: the Sources of every figure (with conversions and FX rates),
the Assumptions and the Reproducibility table."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

from idcforecast._history_notes import is_estimate_note
from idcforecast._normalize import conversion_in
from idcforecast._wording import qualifier_sign
from idcforecast.report._frames import qualifiers
from idcforecast.report._known_names import in_english
from idcforecast.report._published import figure_text, published_figure
from idcforecast.report.fonts import name_without_cjk
from idcforecast.report.sections._titles import (
    INSTALL_CJK,
    NAMED_IN_CHINESE,
    chinese_left_out,
    scope_without_cjk,
)
from idcforecast.report.style import unit_heading, unit_label, value_header

if TYPE_CHECKING:
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["assumptions", "reproducibility", "sources"]


def _or_not_stated(cells: Any, n: int) -> list[str]:
    """Each cell's text, "not stated" where it is blank (or the column is missing)."""
    texts = [""] * n if isinstance(cells, str) else [str(c).strip() for c in cells]
    return [t if t and t.lower() not in ("nan", "none", "<na>") else "not stated" for t in texts]


def sources(ctx: ReportContext, doc: ReportDocument) -> None:
    """Each figure with its source, scope, confidence and original wording."""
    import pandas as pd

    hist = ctx.history
    fmt = ctx.actual_figures  # the figures as published ("0.4" TWh, not "0.400")
    notes = list(hist["note"]) if "note" in hist.columns else [""] * len(hist)
    # a converted series listed only its converted values: "3.3" beside a quote of 210.5亿元
    published = [
        published_figure(v, n, ctx.unit, ctx.read_unit)
        for v, n in zip(hist["value"], notes, strict=True)
    ]
    tenths = _tenths_read(ctx)
    if tenths and all(p is None for p in published):
        # a share read in 成 and shown in percent: its figures as published (8.9 成 beside
        # 89.0%), as a converted currency's are; they were said once, in Assumptions
        published = [
            (figure_text(float(v) / 10.0), ctx.read_unit) if math.isfinite(float(v)) else None
            for v in hist["value"]
        ]
    converted = any(p is not None for p in published)
    if converted:  # a row read in the shown unit: its figure as read, with that unit
        published = [
            p if p is not None or not math.isfinite(float(v)) else (figure_text(v), ctx.unit)
            for p, v in zip(published, hist["value"], strict=True)
        ]
    # one unit read: named in the header, the cells bare numbers as the value column's
    read_units = {p[1] for p in published if p is not None}
    shared = next(iter(read_units)) if len(read_units) == 1 else ""
    doc.heading("Sources")
    doc.paragraph(
        "Every figure of the series with where it was read, its scope and a confidence grade "
        "(high: issuer's own release or two sources agreeing; medium: a secondary source "
        "quoting the originator; low: unclear origin; derived: computed from sourced "
        "figures). Quotes are kept in the original language; "
        + (
            f"values are converted to {unit_heading(ctx.unit)}: 'As published' gives each "
            "figure in the unit it was read in, and "
            + (
                "Assumptions the conversion (a tenth of a whole is 10%)."
                if tenths
                else "the note the conversion."
            )
            if converted
            else "a value converted from the quote's unit shows the conversion beside it."
        )
    )
    # the note was given for any quote, Chinese or not, and none for a Chinese source
    # without a quote (a table of "[Chinese text]" cells, unexplained)
    left_out = chinese_left_out(ctx) if doc.cjk_font is None else ""
    if any(part in left_out for part in ("sources", "quotes", "notes", "scopes")):
        marked = (
            " (a Chinese quote is marked 'quoted in Chinese', with the figures it states)"
            if "quotes" in left_out
            else ""
        )
        doc.paragraph(
            f"No CJK font was found, so Chinese text is left out of this PDF{marked}. "
            f"{INSTALL_CJK}",
            size=8.5,
            muted=True,
        )
    column = lambda name: hist[name].astype(str) if name in hist.columns else ""  # noqa: E731
    signs = [
        qualifier_sign(q) for q in qualifiers(hist, what=f"history of series {ctx.series_id!r}")
    ]
    table = pd.DataFrame(
        {
            "Year": hist["year"].astype(str),
            **(
                {
                    _published_header(shared): [
                        _published_cell(sign, figure, shared)
                        for sign, figure in zip(signs, published, strict=True)
                    ]
                }
                if converted
                else {}
            ),
            # the unit, as the summary table's header has it: a plain-USD series shown in
            # USD billion listed "1.20" under "Value" beside "usd.csv row 2"
            value_header(ctx.unit): [
                qualifier_sign(q) + fmt.text(v)
                for q, v in zip(
                    qualifiers(hist, what=f"history of series {ctx.series_id!r}"),
                    hist["value"],
                    strict=True,
                )
            ],
            # without a CJK font a known Chinese name is said in English: dropped, it left
            # "68.shtml, quoting (early 2013)" for "quoting 中国IDC圈 (early 2013)"
            # and one named in Chinese only says so: "[Chinese text]" read as a placeholder
            # left in the table
            "Source": (
                [
                    name_without_cjk(in_english(s), placeholder=NAMED_IN_CHINESE)
                    for s in column("source")
                ]
                if doc.cjk_font is None and "source" in hist.columns
                else column("source")
            ),
            # a user's file rarely states them: say so rather than leave blank cells
            "Scope": [
                scope_without_cjk(scope) if doc.cjk_font is None else scope
                for scope in _or_not_stated(column("scope"), len(hist))
            ],
            "Confidence": _or_not_stated(column("confidence"), len(hist)),
            "Quote / note": [
                # the note's factor is into the unit read ("USD" for a report shown in
                # USD bn): the FX rate behind it read "158,496,000 USD per CNY" against
                # the shown unit
                _quote_and_note(
                    q if doc.cjk_font is not None else _quote_without_cjk(q, n),
                    n,
                    ctx.read_unit or ctx.unit,
                )
                for q, n in zip(
                    column("quote") if "quote" in hist.columns else [""] * len(hist),
                    column("note") if "note" in hist.columns else [""] * len(hist),
                    strict=True,
                )
            ],
        }
    )
    doc.table(
        table,
        col_widths=(10, 24, 18, 36, 20, 18, 48) if converted else (10, 22, 42, 20, 20, 60),
        align=(
            "RIGHT",
            *(("RIGHT",) if converted else ()),
            "RIGHT",
            "LEFT",
            "LEFT",
            "LEFT",
            "LEFT",
        ),
        size=7.0,
    )


def _published_header(unit: str) -> str:
    """The header of the Sources' 'As published' column, naming the unit all its figures
    share ("As published (CNY 100 million)"); bare when they differ (each cell names its).
    成 is named "tenths", which prints in any font (成 alone is dropped without a CJK font).

    Examples
    --------
    >>> _published_header("CNY 100m"), _published_header("count mn"), _published_header("")
    ('As published (CNY 100 million)', 'As published (millions)', 'As published')
    >>> _published_header("成")
    'As published (tenths)'
    """
    from idcforecast._shares import percent_factor

    if unit and percent_factor(unit) == 10.0:
        return "As published (tenths)"
    return f"As published ({unit_heading(unit)})" if unit else "As published"


def _tenths_read(ctx: ReportContext) -> bool:
    """Whether the series was read in 成 (tenths) and is shown in percent."""
    from idcforecast._shares import percent_factor

    return bool(ctx.read_unit) and (percent_factor(ctx.read_unit), percent_factor(ctx.unit)) == (
        10.0,
        1.0,
    )


def _published_cell(sign: str, figure: tuple[str, str] | None, shared: str) -> str:
    """A figure as published ("210.5", or "210.5 CNY 100 million" when the column has no
    one unit), after its qualifier sign; "as shown" for a row read in the shown unit.

    Examples
    --------
    >>> _published_cell(">", ("210.5", "CNY 100m"), "CNY 100m")
    '>210.5'
    >>> _published_cell("", ("3", "USD bn"), ""), _published_cell("", None, "")
    ('3 USD billion', 'as shown')
    >>> _published_cell("", ("6.93", "count mn"), ""), _published_cell("", ("7", "count"), "")
    ('6.93 million', '7')
    """
    if figure is None:
        return "as shown"
    number, unit = figure
    label = unit_label(unit)
    return sign + (number if shared or label == "number" else f"{number} {label}")


def _quote_without_cjk(quote: str, note: str = "") -> str:
    """A quote as a report without a CJK font prints it: one in Chinese is said to be, with
    the figures it states in English (its Latin leftovers, "2019-2020,2019 1562.5 CNY 100
    million, 27.2%", read as a quote of their own, and "2022 25.6%" as a 2022 figure
    though it was the growth over 2022), and the row's note, which says in English what
    else it reported ("reported YoY +27.2%", which the note beside a printed quote would
    repeat); any other quote as it is. A note that :func:`_quote_and_note` adds itself
    (an estimate's, a conversion) is left to it.

    Examples
    --------
    >>> _quote_without_cjk("2023年中国整体IDC业务市场规模为5,078.3亿元,较2022年增长25.6%",
    ...                    "reported YoY +25.6%")
    'quoted in Chinese: 5,078.3 CNY 100 million; reported YoY +25.6%'
    >>> _quote_without_cjk("同比增长27.2%"), _quote_without_cjk("51.86 billion yuan", "x")
    ('quoted in Chinese', '51.86 billion yuan')
    >>> _quote_without_cjk("210.5亿元", "reported YoY +23.2%; converted from 'CNY 100m' "
    ...                    "(x0.0158496, 2012 annual-average FX rate)")
    'quoted in Chinese: 210.5 CNY 100 million; reported YoY +23.2%'
    """
    from idcforecast.report.fonts import contains_cjk, quoted_figures

    if not contains_cjk(quote):
        return quote
    figures = quoted_figures(quote)
    said = "quoted in Chinese" + (f": {', '.join(figures)}" if figures else "")
    if note and not is_estimate_note(note):
        conversion = conversion_in(note)
        rest = note.replace(conversion[1], "") if conversion else note
        rest = re.sub(r"(;\s*)+", "; ", rest).strip(" ;")
        if rest:
            said += f"; {rest}"
    return said


def _quote_and_note(quote: str, note: str, unit: str = "") -> str:
    """The Sources cell: the quote, or the note when there is none. Beside a quote, the
    whole note of an estimate read as data, and the conversion of a value read in another
    unit (a USD value beside a CNY quote must say how it got there).

    Examples
    --------
    >>> _quote_and_note("2100亿元", "converted from 'CNY 100m' (x0.0151309, 2018 "
    ...                 "annual-average FX rate); alternate figure in the text: 2000亿元")
    "2100亿元; converted from 'CNY 100m' (x0.0151309, 2018 annual-average FX rate)"
    >>> _quote_and_note("2100亿元", "converted from 'CNY 100m' (x0.0151309, 2018 "
    ...                 "annual-average FX rate)", "USD bn")[-28:]
    'FX rate: 6.6090 CNY per USD)'
    >>> _quote_and_note("", "sum of segments"), _quote_and_note("52 bn", "sum of segments")
    ('sum of segments', '52 bn')
    """
    if not quote:
        return _with_fx_rate(note, unit)
    if is_estimate_note(note):
        return f"{quote}; {_with_fx_rate(note, unit)}"
    conversion = conversion_in(note)
    return f"{quote}; {_with_fx_rate(conversion[1], unit)}" if conversion else quote


_FACTOR = re.compile(r"\(x([0-9.eE+-]+), (\d{4}) annual-average FX rate")


def _with_fx_rate(note: str, unit: str) -> str:
    """``note`` with the exchange rate behind its conversion factor written as a market
    quotes it: "(x0.0159167, 2015 annual-average FX rate: 6.2827 CNY per USD)". The
    factor alone hid the rate the Assumptions say "is in Sources".

    Examples
    --------
    >>> _with_fx_rate("converted from 'CNY 100m' (x0.0159167, 2015 annual-average FX "
    ...               "rate)", "USD bn")
    "converted from 'CNY 100m' (x0.0159167, 2015 annual-average FX rate: 6.2827 CNY per USD)"
    >>> _with_fx_rate("converted from 'CNY 100m' (x0.0141844, 2026 annual-average FX "
    ...               "rate from my_fx.csv)", "USD bn")[-43:]
    'FX rate from my_fx.csv: 7.0500 CNY per USD)'
    >>> _with_fx_rate("sum of segments", "USD bn")
    'sum of segments'
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.convert import changes_currency, conversion_factor

    conversion = conversion_in(note)
    match = _FACTOR.search(note)
    if conversion is None or match is None or not unit:
        return note
    source = conversion[0]
    try:
        if not changes_currency(source, unit):
            return note
        theirs, ours = source.split(" ", 1)[0], unit.split(" ", 1)[0]
        # the factor without the rate: the magnitudes alone ("USD 100m" -> "USD bn": 0.1)
        scale = conversion_factor(ours + source[len(theirs) :], unit)
        per_theirs = float(match.group(1)) / scale  # our currency per one of theirs
    except (IdcForecastError, ValueError, ZeroDivisionError):
        return note
    if per_theirs <= 0:
        return note
    # the direction that reads above 1, as rates are quoted (CNY per USD, USD per EUR)
    if per_theirs < 1:
        rate = f"{1 / per_theirs:,.4f} {theirs} per {ours}"
    else:
        rate = f"{per_theirs:,.4f} {ours} per {theirs}"
    end = note.find(")", match.end())  # at the end of the parenthesis (after "from my_fx.csv")
    end = len(note) if end < 0 else end
    return f"{note[:end]}: {rate}{note[end:]}"


def assumptions(ctx: ReportContext, doc: ReportDocument) -> None:
    """What the forecast takes for granted."""
    doc.heading("Assumptions")
    doc.bullets(ctx.assumptions)


def reproducibility(ctx: ReportContext, doc: ReportDocument) -> None:
    """Package version, data hash, seed and the exact command."""
    import pandas as pd

    p = ctx.provenance
    kinds = [
        "data",
        *(w for w, on in (("FX", p.fx_files), ("claims", p.claims)) if on),
    ]
    inputs = "data file" if len(kinds) == 1 else ", ".join(kinds[:-1]) + f" and {kinds[-1]} files"
    if p.scenario_spec:  # the spec was not named: editing it changed the PDF unannounced
        inputs += ", scenario spec"
    text = f"The same {inputs}, seed and --date give a byte-identical PDF with this version."
    claims_rows = (
        ()
        if p.claims is None
        else (("Claims file", p.claims[0]), ("Claims file sha256", p.claims[1]))
        if p.claims[1]
        else (("Claims", p.claims[0]),)
    )
    rows = [
        ("idcforecast version", p.package_version),
        ("Data", p.data_label),
        ("Data sha256", p.data_sha256),
        *(row for path, sha in p.fx_files for row in (("FX file", path), ("FX file sha256", sha))),
        *(
            (("Scenario spec", p.scenario_spec[0]), ("Scenario spec sha256", p.scenario_spec[1]))
            if p.scenario_spec
            else ()
        ),
        *claims_rows,
        ("Series", ctx.series_id),
        # "auto (chosen: auto)" read as if a choice had been made; the model is the method
        ("Method", p.method if p.method == ctx.model else f"{p.method} (model: {ctx.model})"),
        ("Horizon", f"to {p.horizon_to}"),
        ("Seed", str(p.seed)),
        ("Report date", p.report_date),
        ("Command as run", p.command),
        ("To reproduce", p.reproduce),
    ]
    table = pd.DataFrame(rows, columns=["Item", "Value"])
    # the small table stays whole with its heading (a split left 1 row on the last page)
    keep = doc.text_height(text) + doc.table_height(table, col_widths=(40, 134), size=7.5)
    doc.heading("Reproducibility", keep=keep)
    doc.paragraph(text)
    doc.table(table, col_widths=(40, 134), size=7.5)
