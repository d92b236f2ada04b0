"""``build_report``: data -> forecast, backtest, claims, scenarios -> the PDF, written atomically.

Examples
--------
>>> from idcforecast import build_report
>>> path = build_report(out="reports/doctest.pdf", date="2026-01-01")  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import shlex
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from idcforecast.errors import (
    DataError,
    ReportError,
    SpecError,
    UnknownSeriesError,
)
from idcforecast.report._atomic import check_not_input, check_writable, write_atomic

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

DEFAULT_DATASET = "china_idc_market"
DEFAULT_SERIES = "china_idc_cidc_overall"
DEFAULT_TO = 2030
DEFAULT_OUT = "reports/china-idc-market.pdf"
_TITLES = {"china_idc_cidc_overall": "China IDC market (CIDC overall scope)"}


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
        The series to report on; ``china_idc_cidc_overall`` for the bundled data, and
        optional for a file that holds one series.
    to
        The last forecast year (after the last year of the series).
    scenarios
        A scenario spec (TOML) to add the scenarios section; none by default. Its
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
        The report title (derived from the series by default).
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
    options = {k: v for k, v in (read_options or {}).items() if v != _READ_DEFAULTS.get(k)}
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
    own_claims = _own_claims.read_own_claims(claims, str(options.get("encoding", "utf-8")))
    history, data_label, digest = _load_history(
        data, series_id, options, dataset, source_name=STDIN_LABEL if piped else None
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
        from idcforecast.scenarios._series_choice import select_series

        # simulate's own refusal of a spec written for another series (the same words as
        # `idcforecast scenarios`), before any output or work: it came after both
        select_series(read_history, spec_set.series_id, spec=spec_set)
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
        kw_per_rack=float(options.get("kw_per_rack", _READ_DEFAULTS["kw_per_rack"])),
        read_history=read_history,
        own_claims=own_claims,
        claims_source=_own_claims.claims_source(claims, own_claims),
    )
    added = tuple(text for text in (rescaled, left_out) if text)
    if added:
        ctx = dataclasses.replace(ctx, assumptions=(*ctx.assumptions, *added))
    pdf_bytes = render_pdf(ctx, creation_date=report_date)
    return write_atomic(target, lambda tmp: tmp.write_bytes(pdf_bytes), what="report")


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


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# read_series options at their defaults are left out of the equivalent command
_READ_DEFAULTS: dict[str, Any] = {
    "unit": None,
    "sep": None,
    "decimal": ".",
    "header_row": 0,
    "sheet_name": 0,
    "kw_per_rack": 2.5,
    "year_column": "year",
    "estimates": "error",
    "encoding": "utf-8",
}
# the read options that apply to a bundled dataset too: they convert, not describe a file
_BUNDLED_READ_OPTIONS = frozenset({"unit", "kw_per_rack"})
_READ_FLAGS = {
    "unit": "--unit",
    "sep": "--sep",
    "decimal": "--decimal",
    "header_row": "--header-row",
    "sheet_name": "--sheet",
    "kw_per_rack": "--kw-per-rack",
    "year_column": "--year-column",
    "estimates": "--estimates",
    "encoding": "--encoding",
}


# a Series as a CSV read_series reads back as that series: its years a "year" column, its
# values a column named after it ("series" when it has no name, as read_series names it)
_SERIES_CSV_CALL = "{rename}.rename_axis('year').to_csv({path!r})"


def _series_rename(series: Any) -> str:
    return ".rename('series')" if series.name is None else ""


def _series_csv(series: pd.Series) -> str:
    named = series if series.name is not None else series.rename("series")
    return str(named.rename_axis("year").to_csv())


def _load_history(
    data: str | os.PathLike[str] | pd.DataFrame | None,
    series_id: str | None,
    read_options: Mapping[str, Any],
    dataset: str | None = None,
    *,
    source_name: str | None = None,
) -> tuple[pd.DataFrame, str, str]:
    """The series' rows, a label for the data, and the sha256 of what was read;
    ``source_name`` names a file in both ("standard input" for a copy of what was piped in).
    """
    import pandas as pd

    # unit and kw_per_rack convert a bundled series as they convert a file's (as show,
    # forecast and scenarios --unit do); the others describe a file's layout
    file_options = [k for k in read_options if k not in _BUNDLED_READ_OPTIONS]
    if data is None and file_options:
        raise DataError(
            f"report: read options {', '.join(map(repr, file_options))} apply to a data file "
            "(--data FILE); the bundled dataset is read as it is (only unit and kw_per_rack "
            "convert it)",
            options=", ".join(file_options),
        )
    folder: list[Path] | None = None  # a folder's files, when data is a folder
    if data is None:
        from idcforecast._paths import data_dir
        from idcforecast.datasets import load_dataset

        name = dataset or DEFAULT_DATASET
        frame = load_dataset(name)  # a typed error naming the datasets for an unknown name
        if "series_id" not in frame.columns:  # was a KeyError 'series_id' traceback
            raise DataError(
                f"report: dataset {name!r} holds claims, not series; expected a series "
                "dataset (see idcforecast datasets); check its claims with: idcforecast "
                "check-claims --all, or idcforecast track-record",
                dataset=name,
            )
        path = data_dir() / f"{name}.csv"
        label = f"bundled dataset {name} ({path.name})"
        digest = _sha256(path)
        if name == DEFAULT_DATASET:
            series_id = series_id or DEFAULT_SERIES
        if read_options:  # unit / kw_per_rack: the reported series converted, as read_series
            from idcforecast.io import read_series

            if series_id is not None and series_id in set(frame["series_id"].astype(str)):
                frame = frame[frame["series_id"].astype(str) == series_id]
            frame = read_series(frame, source_name=f"dataset {name}", **read_options)
    else:
        from idcforecast.io import read_series

        if isinstance(data, pd.DataFrame):
            label = "an in-memory DataFrame (hash of its CSV form)"
            digest = hashlib.sha256(data.to_csv(index=False).encode("utf-8")).hexdigest()
        elif isinstance(data, pd.Series):  # read as read_series reads it: "Series 'x' year N"
            named = "" if data.name is None else f" {str(data.name)!r}"
            label = f"an in-memory Series{named} (hash of its CSV form)"
            digest = hashlib.sha256(_series_csv(data).encode("utf-8")).hexdigest()
        elif Path(data).is_dir():
            from idcforecast.io import folder_files

            files = folder_files(Path(data))
            folder = files
            names = ", ".join(f.name for f in files)
            label = f"folder {Path(data).name} ({len(files)} files: {names})"
            # one digest over each file's name and digest, in name order
            listing = "".join(f"{f.name}\0{_sha256(f)}\n" for f in files)
            digest = hashlib.sha256(listing.encode("utf-8")).hexdigest()
        else:
            label = source_name or f"file {Path(data).name}"
            # hashed once read: a missing file is read_series' typed error ("no such file"),
            # where hashing it first was a FileNotFoundError traceback
            digest = ""
        try:
            # only the reported series, as `idcforecast forecast --series` reads it: another
            # series of the file (no unit, another currency) is no reason to fail
            frame = read_series(data, series_id=series_id, source_name=source_name, **read_options)
        except UnknownSeriesError as err:
            if series_id is None or getattr(err, "series_id", None) != series_id:
                raise
            _not_in_data(series_id, label, list(getattr(err, "valid", ())))
        digest = digest or _sha256(Path(data))  # type: ignore[arg-type]
    ids = list(dict.fromkeys(frame["series_id"].astype(str)))
    if series_id is None:
        if len(ids) != 1:
            raise DataError(
                f"report data ({label}): holds {len(ids)} series ({', '.join(ids)}); "
                # "series_id=ID" reads "--series ID" on the command line (cli_advice); the
                # old "series_id= (--series ID)" read "--series (--series ID)" there
                f"choose one with series_id=ID"
                + (
                    ", or join the files into one series with series_id=NAME (a file "
                    "without a series_id column is a series named after the file)"
                    if folder is not None and set(ids) <= {f.stem for f in folder}
                    else ""
                ),
                series_ids=ids,
            )
        series_id = ids[0]
    if series_id not in ids:
        _not_in_data(series_id, label, ids)
    rows = frame[frame["series_id"].astype(str) == series_id]
    return rows.sort_values("year").reset_index(drop=True), label, digest


def _not_in_data(series_id: str, label: str, ids: list[str]) -> NoReturn:
    raise UnknownSeriesError(
        f"report: series {series_id!r} is not in {label}; it holds: {', '.join(ids)} "
        f"(pass one of them with --series)",
        series_id=series_id,
        known=ids,
    )


_FRAME_CSV = "data.csv"  # where the reproducing command reads a DataFrame passed as data=


def _equivalent_command(
    data: Any,
    series_id: str | None,
    to: int,
    scenarios: Any,
    out: Path,
    report_date: date,
    seed: int,
    read_options: Mapping[str, Any],
    gaps: str = "interpolate",
    method: str = "auto",
    dataset: str | None = None,
    *,
    title: str | None = None,
    claims: Any = None,
) -> str:
    parts = ["idcforecast", "report"]
    if dataset is not None and dataset != DEFAULT_DATASET:
        parts += ["--dataset", dataset]
    frame = data is not None and hasattr(data, "to_csv")  # a DataFrame or a Series
    comments = []
    if frame:  # the command read the bundled data: it reproduced another report
        parts += ["--data", _FRAME_CSV]
        comments.append(
            f"{_FRAME_CSV}: the Series passed as data=, written with "
            f"{_SERIES_CSV_CALL.format(rename=_series_rename(data), path=_FRAME_CSV)}"
            if not hasattr(data, "columns")
            else f"{_FRAME_CSV}: the DataFrame passed as data=, written with "
            f".to_csv({_FRAME_CSV!r}, index=False)"
        )
    if data is not None:
        if not frame:
            parts += ["--data", str(data)]
        if not frame and data == "-":  # "--data -" alone read as if any table piped in would do
            comments.append("-: the same table piped in on standard input (its sha256 above)")
    for key, value in read_options.items():  # the bundled data's --unit, --kw-per-rack too
        if key in _READ_FLAGS:
            parts += [_READ_FLAGS[key], "\\t" if value == "\t" else str(value)]
    if series_id is not None:
        parts += ["--series", series_id]
    parts += ["--to", str(to)]
    if scenarios is not None:
        parts += ["--scenarios", str(scenarios)]
    if gaps != "interpolate":
        parts += ["--gaps", gaps]
    if method != "auto":
        parts += ["--method", method]
    if title is not None:
        parts += ["--title", title]
    if isinstance(claims, str | os.PathLike):
        parts += ["--claims", str(claims)]
    elif claims is not None:
        comments.append("claims= given from Python: write them to a claims file for --claims")
    from idcforecast.units.fx import user_fx_files

    fx_files = [str(path) for path, _ in user_fx_files()]
    if len(fx_files) == 1:  # the command line takes one; nested Python blocks: below
        parts += ["--fx-rates", fx_files[0]]
    parts += ["--out", str(out), "--date", report_date.isoformat(), "--seed", str(seed)]
    no_flag = [f"{k}={v!r}" for k, v in read_options.items() if k not in _READ_FLAGS]
    if data is not None and not frame and no_flag:  # sheet_name=...
        comments.append(f"read with read_series({', '.join(no_flag)})")
    if len(fx_files) > 1:
        comments.append(f"FX rates from use_fx_rates of {', '.join(fx_files)}, innermost first")
    command = shlex.join(parts)
    return f"{command}  # {'; '.join(comments)}" if comments else command


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
    own_claims: Any = None,
    claims_source: tuple[str, str] | None = None,
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
        claims=claims_source,
    )
    return ReportContext(
        title=(title or "").strip() or _TITLES.get(sid, sid),  # "   ": no title
        series_id=sid,
        unit=str(history["unit"].iloc[0]) if "unit" in history.columns else "",
        history=history,
        forecast=fc,
        provenance=provenance,
        backtest=backtest,
        accuracy=accuracy,
        backtest_note=note,
        claims=checks,
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
