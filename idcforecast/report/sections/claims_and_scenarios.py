"""Views of the market beside the model's: the Claims and track record section (are the
published claims consistent, did their forecasts come true?) and the Scenarios section (a
scenario file's medians, ranges and exceedance probabilities)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast._claim_verdict_words import verdict_limits
from idcforecast._wording import counted, qualifier_sign
from idcforecast.report._growth import history_change_unit, signed
from idcforecast.report._known_names import in_english
from idcforecast.report._numbers import qualified_claim_text, span_text
from idcforecast.report.charts import plot_claims, plot_scenarios
from idcforecast.report.fonts import in_chinese, latin_name, name_without_cjk
from idcforecast.report.sections._titles import NAMED_IN_CHINESE
from idcforecast.report.style import money_units_spelled_out, unit_heading

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = [
    "claims",
    "claims_table",
    "currency_said_once",
    "left_out_words",
    "scenarios",
    "track_record_table",
]


# the height of an A4 page's text area below the running header, in mm
_PAGE_BODY_MM = 240.0


def claims(ctx: ReportContext, doc: ReportDocument) -> None:
    """Published claims about the series: are they consistent, and did they come true?"""

    checks = ctx.claims
    assert checks is not None  # guarded by _has_claims (the registry's when)
    intro = (
        "Growth claims published about this market, checked for internal consistency (does "
        "the stated growth rate connect the stated levels?) and, for forecasts, against what "
        "happened. Checked with idcforecast.check_claims and idcforecast.track_record."
    )
    table, said_once = currency_said_once(claims_table(checks))
    # 35 mm holds a set id like "global_times_2020_07_07" (31.9 mm at 7 pt + padding); 22
    # mm the verdict "undetermined" (17.5 mm at 7 pt + 2.4 mm padding + 0.5 mm of air: 20
    # mm broke it into "undetermine" / "d")
    claim_widths = (35, 37, 22, 80)
    # the heading with its text and the table's first row: they were left alone at the
    # foot of a page, the table opening the next
    first_row = doc.table_height(table.iloc[:1], col_widths=claim_widths, size=7.0)
    doc.heading("Claims and track record", keep=doc.text_height(intro) + first_row)
    doc.paragraph(intro)
    doc.table(table, col_widths=claim_widths, size=7.0)
    below = " ".join(text for text in (said_once, left_out_words(ctx.claims_left_out)) if text)
    if below:
        doc.paragraph(below, size=8.5, muted=True)
    record = ctx.track_record
    if record is None or not len(record):
        return
    # NA (no date made): kept, as check_claims keeps it (plot_claims draws it apart)
    forecasts = record[record["forecast"].fillna(True).astype(bool)]
    fmt = ctx.figures
    if len(forecasts):
        fig = plot_claims(record, history=ctx.history, figures=fmt)
        table = track_record_table(forecasts, fmt)
        if doc.cjk_font is None:  # a maker cut to its report's years named nobody; a
            # known one is named in English ("[Chinese text]" for Kezhi Consulting)
            table["By"] = [
                name_without_cjk(in_english(by), placeholder=NAMED_IN_CHINESE) for by in table["By"]
            ]
        # 38 mm holds "global_times_2020_07_07" and 20 mm "2020-07-07" on one line (18 mm
        # wrapped it to "2020-07-" / "07": 16.0 mm of text at 7.5 pt plus 2.4 mm padding);
        # 24 mm the published figure under a converted forecast in two lines
        widths = (38, 33, 20, 10, 24, 18, 16, 15)
        # the chart and its table on one page when they fit on one (the table used to
        # open the next page alone, under no heading)
        together = doc.chart_height(fig) + doc.table_height(table, col_widths=widths, size=7.5)
        keep = together if together < _PAGE_BODY_MM else doc.chart_height(fig)
        doc.heading("Track record of published forecasts", level=2, keep=keep)
        doc.chart(fig)
        doc.table(
            table,
            col_widths=widths,
            align=("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
            size=7.5,
        )
        notes = track_record_notes(forecasts)
        if notes:
            doc.paragraph(notes, size=8.5, muted=True)


def claims_table(checks: pd.DataFrame) -> pd.DataFrame:
    """The Claims table of :func:`idcforecast.check_claims`' rows: each set's claims, its
    verdict ("consistent", "inconsistent", or "undetermined" when no rate of the set
    could be checked: the explanation says why) and its explanation. A verdict reached
    while some claim of the set was not checkable says what it rests on (the ``checked``
    column: "consistent" over "checked: CAGR 18.9% 2022-2027; stated 2022 level", where
    a growth claim beside it had no level to be checked against).

    Examples
    --------
    >>> import pandas as pd
    >>> checks = pd.DataFrame({"claim_set": ["a", "b", "c"], "claims": ["..."] * 3,
    ...     "consistent": pd.array([True, False, pd.NA], dtype="boolean"),
    ...     "fits": ["growth 12.7% in 2022: not checkable: no level for 2021, claimed or "
    ...              "actual; CAGR 18.9% 2022-2027: 5 steps from 2022", "none",
    ...              "not checkable: no level for 2020, claimed or actual"],
    ...     "checked": ["CAGR 18.9% 2022-2027", "CAGR 27.8% 2020-2022", "stated 2021 level"],
    ...     "explanation": ["..."] * 3})
    >>> claims_table(checks)["Verdict"].tolist()
    ['consistent\\nchecked: CAGR 18.9% 2022-2027', 'inconsistent', 'undetermined']
    """
    import pandas as pd

    blank = pd.Series([""] * len(checks), index=checks.index)
    verdicts = []
    no = pd.Series([False] * len(checks), index=checks.index)
    for consistent, fits, checked, derived_only, bound_only in zip(
        checks["consistent"],
        checks.get("fits", blank).fillna("").astype(str),
        checks.get("checked", blank).fillna("").astype(str),
        checks.get("derived_only", no),
        checks.get("bound_only", no),
        strict=True,
    ):
        if pd.isna(consistent):  # check_claims' NA: no rate claim could be checked
            verdicts.append("undetermined")
            continue
        word = "consistent" if consistent else "inconsistent"
        if consistent:  # every fit against a derived level / an actual that is a bound,
            # said of the rate when stated levels were checked beside it, as check-claims
            # says it (the table said "on derived levels only" of the whole set)
            word += "".join(
                f"\n{limit}" for limit in verdict_limits(derived_only, bound_only, checked)
            )
        # a claim left unchecked beside the verdict: say what the verdict rests on
        partial = "not checkable" in fits and checked
        verdicts.append(word + (f"\nchecked: {checked}" if partial else ""))
    # "CNY 100m" as every other table of the report spells it: "CNY 100 million"
    return pd.DataFrame(
        {
            # your own claims without a claim_set: "(none)", as check-claims prints it,
            # never a blank first cell
            "Claim set": checks["claim_set"].fillna("").astype(str).replace("", "(none)"),
            "Claims": checks["claims"].astype(str).map(money_units_spelled_out),
            "Verdict": verdicts,
            "Explanation": checks["explanation"].astype(str).map(money_units_spelled_out),
        }
    )


def currency_said_once(table: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """``table`` with the sentence "The rates are measured in CNY, the series' currency:
    ..." taken out of the explanations when two or more sets say it, and that sentence
    said once of their rates (it was printed in full in each); ``table`` and "" when fewer
    do.

    Examples
    --------
    >>> import pandas as pd
    >>> from idcforecast._claim_rate_currency import currency_sentence
    >>> table = pd.DataFrame({"Claim set": ["a", "b", "c"],
    ...     "Explanation": [f"No reading fits. {currency_sentence('CNY')}",
    ...                     f"Off by 5%. {currency_sentence('CNY')} Outcome: none.", "Fits."]})
    >>> out, said = currency_said_once(table)
    >>> out["Explanation"].tolist()
    ['No reading fits.', 'Off by 5%. Outcome: none.', 'Fits.']
    >>> said[:61]
    "The rates of sets a and b are measured in CNY, the series' cu"
    """
    from idcforecast._claim_rate_currency import currency_said_once as said_once

    explanations, sentence = said_once(
        table["Claim set"].astype(str).tolist(), table["Explanation"].astype(str).tolist()
    )
    if not sentence:
        return table, ""
    out = table.copy()
    out["Explanation"] = explanations
    return out, sentence


def left_out_words(rows: tuple[str, ...]) -> str:
    """What the Claims section says of the claims given that were left out of the checks
    (:class:`~idcforecast.errors.UncheckedClaimsWarning`'s rows); "" for none. The report
    did not mention them (a note on standard error alone).

    Examples
    --------
    >>> left_out_words(("row 2 ('160%', period '?-2030': a rate over the years to 2030 "
    ...                 "with no first year to compound from)",))[:72]
    'Left out of these checks: 1 claim given, the first year of its period un'
    >>> left_out_words(())
    ''
    """
    if not rows:
        return ""
    their = "its" if len(rows) == 1 else "their"
    return (
        f"Left out of these checks: {counted(len(rows), 'claim')} given, the first year of "
        f"{their} period unknown: {'; '.join(rows)}. Give the period with "
        f"{'it' if len(rows) == 1 else 'each'} ('2024-2030') when the source names the year "
        "it counts from."
    )


def _or(column: pd.Series, blank: str) -> pd.Series:
    """``column`` as text, its blanks and NAs written ``blank``.

    Examples
    --------
    >>> import pandas as pd
    >>> _or(pd.Series(["s", "", None, " "]), "(none)").tolist()
    ['s', '(none)', '(none)', '(none)']
    """
    text = column.fillna("").astype(str)
    return text.where(text.str.strip() != "", blank)


def track_record_table(forecasts: pd.DataFrame, fmt: LevelFormat) -> pd.DataFrame:
    """The track-record table: each published forecast, as published ("3,200", a 3.25
    percent claim "3.25"), beside the actual in the report's decimals, its error and
    whether it held ("open" when the actual is a bound the forecast may or may not meet).

    Examples
    --------
    >>> import pandas as pd
    >>> from idcforecast.report._numbers import LevelFormat
    >>> record = pd.DataFrame({"claim_set": ["s"], "by": ["B"], "made": ["2020"],
    ...     "year": [2022], "qualifier": ["exact"], "value": [3200.0], "actual": [4043.2],
    ...     "error": [3200 / 4043.2 - 1], "held": [False]})
    >>> track_record_table(record, LevelFormat(1, 0)).iloc[0].tolist()
    ['s', 'B', '2020', '2022', '3,200', '4,043.2', '-20.9%', 'no']

    A claim of the user's own with no set, maker or date says so:

    >>> own = record.assign(claim_set="", by="", made="")
    >>> track_record_table(own, LevelFormat(1, 0)).iloc[0].tolist()[:3]
    ['(none)', 'not stated', 'not stated']

    A forecast converted into the series' unit (a report in USD bn on claims in 亿元) gives
    the figure as published beneath (``track_record``'s ``published`` column):

    >>> converted = record.assign(value=47.555357, actual=60.086194,
    ...                           published="more than 3,200 CNY 100m", qualifier="at_least")
    >>> track_record_table(converted, LevelFormat(2, 0)).iloc[0]["Forecast"]
    '> 47.56\\n(> 3,200 CNY 100 million)'
    """
    import pandas as pd

    published = (
        forecasts["published"].fillna("").astype(str)
        if "published" in forecasts.columns
        else pd.Series([""] * len(forecasts), index=forecasts.index)
    )

    return pd.DataFrame(
        {
            # the chart labels a forecast whose maker is named in Chinese by its set
            # a user's own claims may have no set, maker or date: said, not blank cells
            # (as the Claims table says "(none)")
            "Claim set": _or(forecasts["claim_set"], "(none)"),
            "By": _or(forecasts["by"], "not stated"),
            "Made": _or(forecasts["made"], "not stated"),
            "For": forecasts["year"].astype(str),
            # a claim as published ("3,200", "3.25"), not with the history's decimals; one
            # converted into the series' unit shows the published figure beneath ("47.56"
            # USD bn alone read as if Global Times had forecast in dollars)
            "Forecast": [
                qualified_claim_text(str(q), v, fmt) + (f"\n({_as_published(p)})" if p else "")
                for q, v, p in zip(
                    forecasts["qualifier"], forecasts["value"], published, strict=True
                )
            ],
            "Actual": [  # NaN: no actual for that year (yet)
                "–" if pd.isna(v) else qualifier_sign(str(q)) + fmt.text(v)
                for q, v in zip(
                    forecasts.get("actual_qualifier", [""] * len(forecasts)),
                    forecasts["actual"],
                    strict=True,
                )
            ],
            # an error from an actual published as a bound is a bound too: against "more
            # than 650" the true actual may be higher, so 700's error is at most +7.7%
            # ("< +7.7%", as `idcforecast track-record` prints it; it printed "+7.7%")
            "Error": [
                "–" if pd.isna(e) else _error_sign(str(q)) + f"{100 * e:+.1f}%"
                for q, e in zip(
                    forecasts.get("actual_qualifier", [""] * len(forecasts)),
                    forecasts["error"],
                    strict=True,
                )
            ],
            "Held": [  # NA: no actual for that year yet, or one that leaves it open
                "open"
                if v == "open"
                else _no_actual(str(status))
                if pd.isna(h)
                else "yes"
                if h
                else "no"
                for h, v, status in zip(
                    forecasts["held"],
                    forecasts.get("verdict", [""] * len(forecasts)),
                    forecasts.get("status", [""] * len(forecasts)),
                    strict=True,
                )
            ],
        }
    )


def _no_actual(status: str) -> str:
    """The Held cell of a forecast without an actual: "not yet" for a year after the
    data's latest, "no actual" for a year the data lack (a gap: ``track_record``'s status
    "no actual for 2022"), which "not yet" misread as still to come.

    Examples
    --------
    >>> _no_actual("no actual yet (latest 2023)"), _no_actual("no actual for 2022")
    ('not yet', 'no actual')
    """
    return "no actual" if status.startswith("no actual for ") else "not yet"


def track_record_notes(forecasts: pd.DataFrame) -> str:
    """What the track-record table's marks mean, for the rows that carry them: an error
    from an actual published as a bound ("< +7.7%") and a claim with no made date
    (``forecast`` NA: whether it was a forecast is unknown, and the overview does not
    count it); "" when no row needs a word.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"forecast": pd.array([True, pd.NA], dtype="boolean"),
    ...                      "actual_qualifier": ["at_least", "exact"]})
    >>> print(track_record_notes(rows))  # doctest: +NORMALIZE_WHITESPACE
    An error marked '<' is from an actual published as 'more than' a figure: the true
    actual is higher, so the error is at most the one shown ('>': 'less than', at least).
    1 claim has no made date (Made 'not stated'): whether it was a forecast is unknown, so
    the overview does not count it.
    >>> track_record_notes(rows.iloc[:0])
    ''
    """
    import pandas as pd

    notes = []
    qualifiers = forecasts.get("actual_qualifier", pd.Series([""] * len(forecasts)))
    if qualifiers.astype(str).isin(["at_least", "at_most"]).any():
        notes.append(
            "An error marked '<' is from an actual published as 'more than' a figure: the "
            "true actual is higher, so the error is at most the one shown ('>': 'less than', "
            "at least)."
        )
    if "status" in forecasts.columns:
        gaps = forecasts["status"].astype(str).str.extract(r"^no actual for (\d{4})$")[0]
        years = sorted(set(gaps.dropna()))
        if years:
            notes.append(
                f"Held 'no actual': the data have no figure for {_wording_years(years)}, "
                "though later years are reported, so the forecast cannot be checked."
            )
    if "forecast" in forecasts.columns:
        undated = int(forecasts["forecast"].isna().sum())
        if undated:
            notes.append(
                f"{counted(undated, 'claim')} {'has' if undated == 1 else 'have'} no made "
                "date (Made 'not stated'): whether "
                f"{'it was a forecast' if undated == 1 else 'they were forecasts'} is unknown, "
                f"so the overview does not count {'it' if undated == 1 else 'them'}."
            )
    return " ".join(notes)


def _wording_years(years: list[str]) -> str:
    """Years in words: "2022", "2019 and 2022", "2017, 2019 and 2022"."""
    return years[0] if len(years) == 1 else f"{', '.join(years[:-1])} and {years[-1]}"


def _error_sign(actual_qualifier: str) -> str:
    """The mark of an error measured from an actual published as ``actual_qualifier``: a
    "more than" actual bounds the error from above ("< "), a "less than" one from below
    ("> "); "" for an exact actual.

    Examples
    --------
    >>> _error_sign("at_least"), _error_sign("at_most"), _error_sign("exact")
    ('< ', '> ', '')
    """
    flipped = {"at_least": "at_most", "at_most": "at_least"}
    return qualifier_sign(flipped.get(actual_qualifier, ""))


# track_record's words before a published bound, as the table's signs
_QUALIFIER_WORDS = (("more than ", "> "), ("less than ", "< "), ("about ", "~ "))


def _as_published(text: str) -> str:
    """``track_record``'s ``published`` text as the table prints figures: "more than 3,200
    CNY 100m" -> "> 3,200 CNY 100 million".

    Examples
    --------
    >>> _as_published("more than 3,200.5 CNY 100m"), _as_published("46 USD bn")
    ('> 3,200.5 CNY 100 million', '46 USD billion')
    """
    for words, sign in _QUALIFIER_WORDS:
        if text.startswith(words):
            text = sign + text[len(words) :]
            break
    return money_units_spelled_out(text)


def scenarios(ctx: ReportContext, doc: ReportDocument) -> None:
    """Scenario medians and ranges for the final year (only when a scenario file is given)."""
    import pandas as pd

    result = ctx.scenarios
    assert result is not None  # guarded by _has_scenarios (the registry's when)
    described = result.description
    if doc.cjk_font is None and in_chinese(described):  # its Latin leftovers, or none
        described = latin_name(described)
    intro = (
        f"{described or 'Scenarios'} (from {result.source}; {result.n_paths:,} "
        "Monte Carlo paths per scenario, drawn from the forecast's calibrated error "
        "distribution, then adjusted by each scenario's growth changes, shocks and caps)."
        + (f" {result.unit_note}" if result.unit_note else "")
    )
    english = result.in_english or ("",) * len(result.scenarios)
    items = [
        f"**{name}**"
        + (f" (weight {weight:g})" if weight is not None else "")
        + (
            f": {said}"
            if (said := in_english if doc.cjk_font is None and in_english else text)
            else ""
        )
        for (name, text, weight), in_english in zip(result.scenarios, english, strict=True)
    ]
    table = result.table
    levels = table[(table["quantity"] == "level") & (table["year"] == table["year"].max())]
    # medians all below 1 keep three significant digits (the history's decimals printed a
    # 0.64 TWh median "0.6" on a series published with one decimal)
    fmt = ctx.figures
    if (levels["p5"] >= 0).all():  # levels, not a series crossing zero (net additions)
        fmt = fmt.keeping_digits(levels["p50"])
    # a share (percent) changes by percentage points: the median change from the last
    # actual (the median level's, the origin being fixed), never a CAGR of a percentage
    change = history_change_unit(ctx.history)
    if change:
        from idcforecast.report._numbers import LevelFormat

        # levels with the change's decimals: a share at 97.6 read "100" beside a
        # change of "+2.4 pp" (100.0), and ranges "100–100" (99.6-100.0)
        fmt = LevelFormat(decimals=fmt.decimals, short_decimals=fmt.decimals)
    fig = plot_scenarios(table, history=ctx.history, figures=fmt)
    # the heading, its text and the chart on one page: the chart used to open the next
    # page, leaving the section's words alone under half a page of white
    keep = (
        doc.text_height(intro)
        + sum(doc.text_height(item) + 0.6 for item in items)
        + 1.0
        + doc.chart_height(fig)
    )
    doc.heading("Scenarios", keep=keep if keep < _PAGE_BODY_MM else 30.0)
    doc.paragraph(intro)
    doc.bullets(items, markdown=True)
    doc.chart(fig)
    cagr = table[table["quantity"] == "cagr"].set_index("scenario")
    from idcforecast.report._frames import qualifiers

    # from a latest actual published as "more than 880" the true origin is higher: each
    # median CAGR (or change) is at most the one computed ("10.8%" read as exact)
    last_qualifier = qualifiers(ctx.history.iloc[-1:], what=f"history of {ctx.series_id!r}")[0]
    mark = _error_sign(last_qualifier)
    rows = []
    for _, row in levels.iterrows():
        name = str(row["scenario"])
        growth = (
            f"{mark}{signed(float(row['p50']) - ctx.last_value, fmt.decimals)} {change}"
            if change
            else f"{mark}{cagr.loc[name, 'p50']:.1f}%"
            if name in cagr.index
            else "–"
        )
        rows.append(
            (
                name,
                fmt.short(row["p50"]),
                # an en dash, as every other range in the report's tables
                span_text(fmt.short(row["p10"]), fmt.short(row["p90"]), dash="–"),
                span_text(fmt.short(row["p5"]), fmt.short(row["p95"]), dash="–"),
                growth,
            )
        )
    year = int(levels["year"].max())
    doc.table(
        pd.DataFrame(
            rows,
            columns=[
                "Scenario",
                f"{year} median",
                "10-90%",
                "5-95%",
                f"median change from {ctx.last_year}" if change else "median CAGR",
            ],
        ),
        align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )
    if mark:
        bound = "more than" if last_qualifier == "at_least" else "less than"
        extent = "at most" if last_qualifier == "at_least" else "at least"
        doc.paragraph(
            f"The latest actual ({ctx.last_year}) was published as {bound} "
            f"{fmt.text(ctx.last_value)}: the {'change' if change else 'CAGR'} from it is "
            f"{extent} the one shown ('{mark.strip()}').",
            size=8.5,
            muted=True,
        )
    _same_as_forecast(ctx, doc, levels, fmt)
    if result.probabilities is not None:
        probs = result.probabilities
        doc.paragraph(
            f"Probability that the {year} value exceeds each level"
            # a plain count has no unit to name ("in number" said nothing)
            + ("" if ctx.plain_count else f" (in {unit_heading(ctx.unit)})")
            + ", "
            "as the share of simulated paths above it"
            + (
                "; the weighted row mixes the scenarios by their weights."
                if "weighted" in map(str, probs.index)
                else "."
            )
            # the median of the rows' medians (the weighted row's too): with four rows it is
            # no scenario's own median, which the text used to call it
            + f" The levels are 0.75, 1 and 1.5 times the median of the {year} medians "
            f"above ({fmt.short(float(levels['p50'].median()))}), rounded to two significant "
            "figures." + result.threshold_note
        )
        doc.table(
            pd.DataFrame(
                [
                    (str(name), *(f"{100 * p:.0f}%" for p in row))
                    for name, row in zip(probs.index, probs.to_numpy(), strict=True)
                ],
                columns=["Scenario", *map(str, probs.columns)],
            ),
            align=("LEFT", *("RIGHT",) * probs.shape[1]),
        )


def _same_as_forecast(
    ctx: ReportContext, doc: ReportDocument, levels: pd.DataFrame, fmt: LevelFormat
) -> None:
    """Why a scenario that keeps the forecast as is shows another median than the
    forecast's central value (page 1's "10,298" beside the base case's "10,388"): the
    median of the simulated paths, not the forecast itself; ``fmt`` the scenario table's."""
    result = ctx.scenarios
    assert result is not None
    final = ctx.forecast.sort_values("year").iloc[-1]
    for name in result.unadjusted:
        row = levels[levels["scenario"].astype(str) == name]
        if row.empty:
            continue
        scenario = row.iloc[0]
        spread = span_text(fmt.short(scenario["p10"]), fmt.short(scenario["p90"]), dash="–")
        interval = span_text(fmt.short(final["lo_80"]), fmt.short(final["hi_80"]), dash="–")
        doc.paragraph(
            f"'{name}' keeps the forecast as is: its {int(scenario['year'])} median "
            f"({fmt.short(scenario['p50'])}) and 10-90% range ({spread}) differ from the "
            f"forecast's central value ({fmt.short(final['mean'])}) and 80% interval "
            f"({interval}) only by the sampling of {result.n_paths:,} simulated paths."
        )
