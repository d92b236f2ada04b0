"""``build_report``: data -> forecast, backtest, claims, scenarios -> the PDF, written atomically.

Examples
--------
>>> from idcforecast import build_report
>>> path = build_report(out="reports/doctest.pdf", date="2026-01-01")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast.errors import (
    ReportError,
    SpecError,
)
from idcforecast.report._atomic import check_not_input, check_writable, write_atomic
from idcforecast.report._report_data import (
    DEFAULT_DATASET,
    DEFAULT_SERIES,
    READ_DEFAULTS,
    spec_file_digest,
)
from idcforecast.report._report_data import load_history as _load_history
from idcforecast.report._reproduce import equivalent_command as _equivalent_command

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import ReportContext

STDIN_LABEL = "standard input"  # what --data - is called in the report

__all__ = [
    "DEFAULT_DATASET",
    "DEFAULT_OUT",
    "DEFAULT_SERIES",
    "DEFAULT_TO",
    "build_report",
    "report_file_name",
]

DEFAULT_TO = 2030
DEFAULT_OUT = "reports/china-idc-market.pdf"
_TITLES = {"china_idc_cidc_overall": "China IDC market (CIDC overall scope)"}


def _default_title(series_id: str, history: pd.DataFrame) -> str:
    """The report's title when none is given: the bundled series' name, else the series id
    with its unit and the years of its figures ("cidc (CNY 100 million, 2018-2023)"). The
    bare id ("cidc") was all a report on a user's series said of itself on its cover.

    Examples
    --------
    >>> import pandas as pd
    >>> history = pd.DataFrame({"year": [2019, 2023], "value": [1.0, 2.0],
    ...                         "unit": ["CNY 100m"] * 2})
    >>> _default_title("cidc", history)
    'cidc (CNY 100 million, 2019-2023)'
    >>> _default_title("sites", history.assign(unit="count")[1:])
    'sites (2023)'
    >>> _default_title("china_idc_cidc_overall", history)
    'China IDC market (CIDC overall scope)'
    """
    from idcforecast.report.style import unit_heading

    if series_id in _TITLES:
        return _TITLES[series_id]
    years = history["year"].astype(int)
    first, last = int(years.min()), int(years.max())
    span = str(last) if first == last else f"{first}-{last}"
    unit = str(history["unit"].iloc[0]).strip() if "unit" in history.columns else ""
    # a plain count is "number", which says nothing as a title's unit
    heading = unit_heading(unit) if unit and unit != "count" else ""
    return f"{series_id} ({heading + ', ' if heading else ''}{span})"


def check_report_out(
    out: str | os.PathLike[str],
    *,
    data: str | os.PathLike[str] | None = None,
    scenarios: str | os.PathLike[str] | None = None,
) -> Path:
    """The resolved PDF path ``out``, checked before any work.

    Raises
    ------
    ReportError
        ``out`` is the ``data`` file or the ``scenarios`` spec (which it would replace),
        does not end in ``.pdf``, or cannot be written there.
    """
    inputs = {"data=": data, "scenarios=": scenarios}
    check_not_input(out, inputs, what="report: out=", suffix=".pdf", tag="report")
    path = Path(out).expanduser()
    if not path.is_dir() and path.suffix.lower() != ".pdf":  # would replace a .csv lying there
        raise ReportError(
            f"report: out={str(out)!r} does not end in '.pdf'; the report is a PDF, and any "
            f"other file there would be replaced by it; choose a path such as "
            f"{str(Path(out).with_suffix('.pdf'))!r}",
            path=str(out),
        )
    return check_writable(out, what="report")


def report_file_name(series_id: str) -> str:
    """The default PDF name of a report on ``series_id``: its letters and digits (any
    script), other characters as single hyphens, ASCII in lower case.

    Examples
    --------
    >>> report_file_name("China / colo"), report_file_name("市场规模（亿元）")
    ('china-colo.pdf', '市场规模-亿元.pdf')
    >>> report_file_name("///")
    'report.pdf'
    """
    stem = re.sub(r"[^\w.]+", "-", series_id, flags=re.UNICODE).strip("-.")
    stem = "".join(ch.lower() if ch.isascii() else ch for ch in stem)[:120]
    return f"{stem or 'report'}.pdf"


def build_report(
    *,
    data: str | os.PathLike[str] | pd.DataFrame | None = None,
    series_id: str | None = None,
    to: int = DEFAULT_TO,
    scenarios: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] | None = None,
    date: str | date | None = None,
    seed: int = 0,
    method: str = "auto",
    title: str | None = None,
    command: str | None = None,
    read_options: Mapping[str, Any] | None = None,
    gaps: str = "interpolate",
    dataset: str | None = None,
    piped: bool = False,
    on_read: Callable[[str], None] | None = None,
    claims: Any = None,
) -> Path:
    """Build the PDF report for one series and return its path.

    Parameters
    ----------
    data
        A CSV/Excel file, a folder of them, a tidy frame (read with
        ``idcforecast.read_series``) or a year-indexed Series (named by its ``name``); the
        bundled ``china_idc_market`` dataset by default.
    series_id
        The series to report on; by default the ``scenarios`` spec's ``series_id``, or the
        one ``subject`` of all ``claims``, when the data holds it, else
        ``china_idc_cidc_overall`` for the bundled data; optional for a file that holds one
        series.
    to
        The last forecast year (after the last year of the series).
    scenarios
        A scenario spec to add the scenarios section (TOML, or a ``.json`` / ``.yaml``
        file of the same keys; see ``load_scenarios``); none by default. Its
        ``series_id``, when it has one, must be the reported series.
    out
        The PDF to write (folders are created); written atomically. By default
        ``reports/china-idc-market.pdf`` for the bundled China IDC market's default series,
        else ``reports/<series id>.pdf`` (:func:`report_file_name`), so that reports on two
        series do not replace each other.
    date
        The report date (``YYYY-MM-DD`` or a ``date``), also the PDF's creation date; today
        (UTC) by default. Fix it, with the seed, for a byte-identical file.
    seed
        Seed for anything random (scenario paths).
    method
        Forecast method for ``idcforecast.forecasting`` ("auto" or an alias).
    title
        The report title; by default the bundled series' name, else the series id with
        its unit and years ("cidc (CNY 100 million, 2018-2023)").
    command
        The command as run, for the reproducibility appendix (the CLI passes its
        arguments); the appendix also shows the equivalent ``idcforecast report ...``
        command with every option that fixes the output.
    read_options
        Keyword arguments for ``read_series`` when ``data`` is a file or frame (``unit``,
        ``sep``, ``decimal``, ``header_row``, ``sheet_name``...). With the bundled data only
        ``unit`` and ``kw_per_rack`` are allowed: they convert its series (``unit="USD bn"``
        reports the China IDC market in USD at each year's FX rate, as
        ``idcforecast show --unit`` shows it); the others are a ``DataError``.
    gaps
        Missing years inside the series: ``"interpolate"`` (filled for fitting only, said in
        the assumptions), ``"span"`` (the report covers the latest run of consecutive years;
        the earlier ones are named in the assumptions) or ``"error"``, as in
        :func:`idcforecast.forecast`.
    dataset
        A bundled dataset to read instead of ``china_idc_market`` (``list_datasets()``);
        not with ``data``.
    piped
        ``data`` is a temporary copy of the bytes read from standard input (``--data -``):
        the report calls it "standard input" (with those bytes' sha256) and its command to
        reproduce reads ``--data -``, never the temporary file's name.
    on_read
        Called with the series id once the data is read and the horizon checked, before the
        report is built (the command line's "Report on ..." line, printed only then).
    claims
        Your own claims about the series, as :func:`idcforecast.read_claims` takes them (a
        claims file, a frame such as ``find_figures(text).assign(subject=..., kind=...)``,
        a list of ``Claim``): the Claims and track record section checks them instead of
        the bundled published claims. Each claim's ``subject`` must be the reported series.

    Raises
    ------
    UnknownSeriesError
        ``series_id`` is not in the data, or the ``scenarios`` spec is written for another
        series (its ``series_id``).
    SpecError
        ``to`` is not after the last year or more than 100 years after it, or ``date``
        is not ``YYYY-MM-DD``.
    ReportError
        ``out`` cannot be written, or is the ``data`` file or the ``scenarios`` spec (which
        it would replace): raised before any work, and nothing is left behind.
    """
    target = None if out is None else check_report_out(out, data=data, scenarios=scenarios)
    report_date = _report_date(date)
    options = {k: v for k, v in (read_options or {}).items() if v != READ_DEFAULTS.get(k)}
    if dataset is not None and data is not None:
        raise SpecError(
            "report: pass a data file (--data) or a bundled dataset (--dataset), not both",
            dataset=dataset,
        )
    from idcforecast._forecast_inputs import resolve_methods

    # before the data is read: an unknown method failed after the command line had
    # announced "Report on racks from racks.csv, forecast to 2030"
    resolve_methods(method)
    # the spec too: a spec that cannot be read (weights that do not sum to 1, an unknown
    # key) failed after "Report on ..." and the forecast, backtest and methods were done
    spec_set = None
    if scenarios is not None:
        from idcforecast.scenarios.spec import load_scenarios

        spec_set = load_scenarios(scenarios if isinstance(scenarios, str) else Path(scenarios))
    from idcforecast.report import _own_claims

    # read before the data: a bad claims file fails before any work
    own_claims, claims_left_out = _own_claims.read_own_claims(
        claims, str(options.get("encoding", "utf-8"))
    )
    history, data_label, digest = _load_history(
        data,
        series_id,
        options,
        dataset,
        source_name=STDIN_LABEL if piped else None,
        spec_series=_named_series(spec_set, own_claims),
    )
    history, left_out = _apply_gap_policy(history, gaps)
    from idcforecast.report._display_unit import in_display_unit

    # a plain-USD series of 5,668,995,200 printed "8,763,500,126" forecasts: shown in USD bn
    read_history = history
    history, rescaled = in_display_unit(history)
    sid = str(history["series_id"].iloc[0])
    if target is None:  # checked now that the series is known, still before any output
        named = DEFAULT_OUT if sid == DEFAULT_SERIES else f"reports/{report_file_name(sid)}"
        target = check_report_out(named, data=data, scenarios=scenarios)
    last = int(history["year"].iloc[-1])
    if int(to) <= last:
        raise SpecError(
            f"report horizon: to={int(to)} is not after the last year of series {sid!r} "
            f"({last}); pass a later year, e.g. to={max(last + 1, DEFAULT_TO)} "
            f"(--to {max(last + 1, DEFAULT_TO)})",
            series_id=sid,
            to=int(to),
            last_year=last,
        )
    from idcforecast._forecast_inputs import MAX_HORIZON

    if int(to) - last > MAX_HORIZON:  # the forecast's own error advised "pass e.g. 5"
        suggestion = max(last + 1, DEFAULT_TO)
        raise SpecError(
            f"report horizon: to={int(to)} is {int(to) - last} years after the last year of "
            f"series {sid!r} ({last}); a report forecasts at most {MAX_HORIZON} years ahead; "
            f"pass a nearer year, e.g. to={suggestion} (--to {suggestion})",
            series_id=sid,
            to=int(to),
            last_year=last,
        )
    if spec_set is not None and spec_set.series_id is not None and spec_set.series_id != sid:
        from idcforecast.errors import UnknownSeriesError
        from idcforecast.scenarios._series_choice import select_series

        if series_id is not None:  # both named: they disagree (it said the spec's series
            # was "not in the data (found ...)", which it may well be)
            raise UnknownSeriesError(
                f"report: series_id={series_id!r} is not the series_id of scenario spec "
                f"{spec_set.source} ({spec_set.series_id!r}); a spec's growth, shocks and "
                f"caps are written for its series: pass series_id={spec_set.series_id!r} "
                "(or no series: the spec's is taken when the data holds it), or use a spec "
                f"written for {series_id!r}",
                series_id=series_id,
                spec_series_id=spec_set.series_id,
            )

        # simulate's own refusal of a spec written for another series (the same words as
        # `idcforecast scenarios`), before any output or work: it came after both
        select_series(read_history, spec_set.series_id, spec=spec_set)
    if spec_set is not None:
        from idcforecast.report._spec_unit import check_converted_against_spec

        # --unit "USD bn" on a series published in the spec's unit: said as such (the
        # simulation's advice was to "read the series in 'CNY 100m'", which it is)
        check_converted_against_spec(
            spec_set,
            read_history,
            options,
            lambda as_is: _load_history(
                data, sid, as_is, dataset, source_name=STDIN_LABEL if piped else None
            )[0],
        )
    if own_claims is not None:
        _own_claims.claims_about(own_claims, sid)
    if on_read is not None:
        on_read(sid)
    reproduce = _equivalent_command(
        "-" if piped else data,
        series_id,
        to,
        scenarios,
        target,
        report_date,
        seed,
        options,
        gaps,
        method,
        dataset,
        title=title,
        claims=claims,
    )
    ctx = _context(
        history,
        sid=sid,
        to=int(to),
        method=method,
        seed=seed,
        scenarios=scenarios,
        title=title,
        data_label=data_label,
        digest=digest,
        report_date=report_date,
        command=command or "build_report(...) called from Python",
        reproduce=reproduce,
        kw_per_rack=float(options.get("kw_per_rack", READ_DEFAULTS["kw_per_rack"])),
        read_history=read_history,
        # a spec edited after the report reproduced another report under the same command
        spec_file=(
            ()
            if spec_set is None or scenarios is None
            else spec_file_digest(scenarios, str(spec_set.source))
        ),
        own_claims=own_claims,
        claims_source=_own_claims.claims_source(claims, own_claims),
        claims_left_out=claims_left_out,
    )
    added = tuple(text for text in (rescaled, left_out) if text)
    if added:
        ctx = dataclasses.replace(ctx, assumptions=(*ctx.assumptions, *added))
    pdf_bytes = render_pdf(ctx, creation_date=report_date)
    return write_atomic(target, lambda tmp: tmp.write_bytes(pdf_bytes), what="report")


def _named_series(spec_set: Any, own_claims: list[Any] | None) -> str | None:
    """The series the inputs name when the user named none: the scenario spec's
    ``series_id``, else the one subject of all of the user's own claims (``report --dataset
    china_racks_in_use --claims mine.csv`` asked for --series though every claim named
    china_racks_in_use); None when they name none, or several."""
    if spec_set is not None and spec_set.series_id is not None:
        return str(spec_set.series_id)
    subjects = {str(c.subject) for c in own_claims or ()}
    return subjects.pop() if len(subjects) == 1 else None


def _apply_gap_policy(history: pd.DataFrame, gaps: str) -> tuple[pd.DataFrame, str]:
    """The history the report covers under the gap policy ``gaps``, and the assumption
    naming the years left out (``"span"``), if any.

    The policy's errors are raised here, before any section runs: a policy that is not
    one, ``"error"`` with years missing, ``"interpolate"`` with more missing than observed.
    """
    from idcforecast._series import prepare_values

    sid = str(history["series_id"].iloc[0])
    years = history["year"].astype("int64").to_numpy()
    prepared = prepare_values(years, history["value"].to_numpy(float), gaps=gaps, series_id=sid)
    if gaps != "span" or prepared.first_year == int(years[0]):
        return history, ""
    kept = history[history["year"].astype("int64") >= prepared.first_year]
    before = years[years < prepared.first_year]
    dropped = f"{before[0]}" if before.size == 1 else f"{before[0]}-{before[-1]}"
    return kept.reset_index(drop=True), (
        f"Only the latest run of consecutive years, {prepared.first_year}-{years[-1]}, is "
        f"used (gap policy 'span'): the figures of {dropped}, before the gap, are left out "
        "of the tables, charts and forecast."
    )


def render_pdf(ctx: ReportContext, *, creation_date: date) -> bytes:
    """Render every applicable section of the report into PDF bytes."""
    from idcforecast.report.pdf import ReportDocument
    from idcforecast.report.sections import render_sections

    stamp = datetime(creation_date.year, creation_date.month, creation_date.day, tzinfo=UTC)
    from idcforecast.report.fonts import latin_name

    # a title in Chinese printed without a CJK font: the series id when it is Latin, else
    # the data it was read from ("Report on file cn.csv")
    data = latin_name(ctx.provenance.data_label)
    doc = ReportDocument(
        title=ctx.title,
        creation_date=stamp,
        fallback_title=latin_name(ctx.series_id) or (f"Report on {data}" if data else ""),
    )
    try:
        render_sections(ctx, doc)
    except BaseException:
        doc.close()
        raise
    return doc.to_bytes()


def _report_date(value: str | date | None) -> date:
    if value is None:
        return datetime.now(UTC).date()
    if isinstance(value, date):
        return value
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        try:
            return date.fromisoformat(str(value))
        except ValueError:
            pass
    raise SpecError(
        f"report date {value!r} is not a calendar date; expected YYYY-MM-DD, e.g. 2026-01-31",
        date=str(value),
    )


def _context(
    history: pd.DataFrame,
    *,
    sid: str,
    to: int,
    method: str,
    seed: int,
    scenarios: Any,
    title: str | None,
    data_label: str,
    digest: str,
    report_date: date,
    command: str,
    reproduce: str,
    kw_per_rack: float,
    read_history: pd.DataFrame | None = None,
    spec_file: tuple[str, str] | tuple[()] = (),
    own_claims: Any = None,
    claims_source: tuple[str, str] | None = None,
    claims_left_out: tuple[str, ...] = (),
) -> ReportContext:
    from idcforecast import __version__
    from idcforecast.forecasting import forecast
    from idcforecast.report import _analyses as analyses
    from idcforecast.report._assumptions import assumptions as report_assumptions
    from idcforecast.report.context import Provenance, ReportContext

    last = int(history["year"].iloc[-1])
    # first: a spec that does not fit the series fails before the slower sections run;
    # simulated in the unit the data was read in (the spec's bare caps are in it), shown
    # in the report's (a plain-USD series in USD bn)
    scenario_results = (
        analyses.scenario_results(
            scenarios,
            history if read_history is None else read_history,
            to=to,
            seed=seed,
            kw_per_rack=kw_per_rack,
            shown_unit=str(history["unit"].iloc[0]) if "unit" in history.columns else "",
            method=method,
        )
        if scenarios
        else None
    )
    fc = forecast(history, to - last, method=method, seed=seed)
    evidence = analyses.calibration_evidence(history, to - last, method)
    backtest, accuracy, note = analyses.own_backtest(history, method)
    alternatives = None
    if backtest is not None:
        alternatives = analyses.alternatives(history, to - last, method, seed, backtest)
    checks, record = analyses.published_claims(history, own_claims)
    from idcforecast.units.fx import user_fx_files

    provenance = Provenance(
        package_version=__version__,
        data_label=data_label,
        data_sha256=digest,
        seed=seed,
        report_date=report_date.isoformat(),
        command=command,
        reproduce=reproduce,
        method=method,
        horizon_to=to,
        fx_files=tuple((str(path), sha) for path, sha in user_fx_files()),
        scenario_spec=spec_file,
        claims=claims_source,
    )
    return ReportContext(
        title=(title or "").strip() or _default_title(sid, history),  # "   ": no title
        series_id=sid,
        unit=str(history["unit"].iloc[0]) if "unit" in history.columns else "",
        history=history,
        forecast=fc,
        provenance=provenance,
        backtest=backtest,
        accuracy=accuracy,
        backtest_note=note,
        claims=checks,
        claims_left_out=claims_left_out,
        track_record=record,
        scenarios=scenario_results,
        assumptions=report_assumptions(history, fc, evidence),
        alternatives=alternatives,
        calibration=evidence,
        read_unit=_read_unit(history, read_history),
    )


def _read_unit(history: pd.DataFrame, read_history: pd.DataFrame | None) -> str:
    """The unit the series was read in when the report shows it in another, else ""."""
    if read_history is None or "unit" not in read_history.columns or not len(read_history):
        return ""
    read, shown = str(read_history["unit"].iloc[0]), str(history["unit"].iloc[0])
    return read if read != shown else ""
