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
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from idcforecast.errors import (
    DataError,
    IdcForecastError,
    ReportError,
    SpecError,
    UnknownSeriesError,
)
from idcforecast.report._atomic import check_not_input, check_writable, write_atomic

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import CalibrationEvidence, ReportContext, ScenarioResults

__all__ = ["DEFAULT_DATASET", "DEFAULT_OUT", "DEFAULT_SERIES", "DEFAULT_TO", "build_report"]

DEFAULT_DATASET = "china_idc_market"
DEFAULT_SERIES = "china_idc_cidc_overall"
DEFAULT_TO = 2030
DEFAULT_OUT = "reports/china-idc-market.pdf"
_TITLES = {"china_idc_cidc_overall": "China IDC market (CIDC overall scope)"}
_BACKTEST_HORIZON = 3
SCENARIO_PATHS = 5_000  # quantiles to about +-1% of their value; a second or less


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


def build_report(
    *,
    data: str | os.PathLike[str] | pd.DataFrame | None = None,
    series_id: str | None = None,
    to: int = DEFAULT_TO,
    scenarios: str | os.PathLike[str] | None = None,
    out: str | os.PathLike[str] = DEFAULT_OUT,
    date: str | date | None = None,
    seed: int = 0,
    method: str = "auto",
    title: str | None = None,
    command: str | None = None,
    read_options: Mapping[str, Any] | None = None,
    gaps: str = "interpolate",
    dataset: str | None = None,
) -> Path:
    """Build the PDF report for one series and return its path.

    Parameters
    ----------
    data
        A CSV/Excel file or a tidy frame (read with ``idcforecast.read_series``); the
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
        The PDF to write (folders are created); written atomically.
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
        ``sep``, ``decimal``, ``header_row``, ``sheet_name``...); not allowed with the
        bundled data.
    gaps
        Missing years inside the series: ``"interpolate"`` (filled for fitting only, said in
        the assumptions), ``"span"`` (the report covers the latest run of consecutive years;
        the earlier ones are named in the assumptions) or ``"error"``, as in
        :func:`idcforecast.forecast`.
    dataset
        A bundled dataset to read instead of ``china_idc_market`` (``list_datasets()``);
        not with ``data``.

    Raises
    ------
    UnknownSeriesError
        ``series_id`` is not in the data, or the ``scenarios`` spec is written for another
        series (its ``series_id``).
    SpecError
        ``to`` is not after the last year, or ``date`` is not ``YYYY-MM-DD``.
    ReportError
        ``out`` cannot be written, or is the ``data`` file or the ``scenarios`` spec (which
        it would replace): raised before any work, and nothing is left behind.
    """
    target = check_report_out(out, data=data, scenarios=scenarios)
    report_date = _report_date(date)
    options = {k: v for k, v in (read_options or {}).items() if v != _READ_DEFAULTS.get(k)}
    if dataset is not None and data is not None:
        raise SpecError(
            "report: pass a data file (--data) or a bundled dataset (--dataset), not both",
            dataset=dataset,
        )
    history, data_label, digest = _load_history(data, series_id, options, dataset)
    history, left_out = _apply_gap_policy(history, gaps)
    sid = str(history["series_id"].iloc[0])
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
    reproduce = _equivalent_command(
        data,
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
    )
    if left_out:
        ctx = dataclasses.replace(ctx, assumptions=(*ctx.assumptions, left_out))
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
    doc = ReportDocument(title=ctx.title, creation_date=stamp)
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


def _load_history(
    data: str | os.PathLike[str] | pd.DataFrame | None,
    series_id: str | None,
    read_options: Mapping[str, Any],
    dataset: str | None = None,
) -> tuple[pd.DataFrame, str, str]:
    """The series' rows, a label for the data, and the sha256 of what was read."""
    import pandas as pd

    if data is None and read_options:
        raise DataError(
            f"report: read options {', '.join(map(repr, read_options))} apply to a data file "
            "(--data FILE); the bundled dataset is read as it is",
            options=", ".join(read_options),
        )
    if data is None:
        from idcforecast._paths import data_dir
        from idcforecast.datasets import load_dataset

        name = dataset or DEFAULT_DATASET
        frame = load_dataset(name)  # a typed error naming the datasets for an unknown name
        path = data_dir() / f"{name}.csv"
        label = f"bundled dataset {name} ({path.name})"
        digest = _sha256(path)
        if name == DEFAULT_DATASET:
            series_id = series_id or DEFAULT_SERIES
    else:
        from idcforecast.io import read_series

        if isinstance(data, pd.DataFrame):
            label = "an in-memory DataFrame (hash of its CSV form)"
            digest = hashlib.sha256(data.to_csv(index=False).encode("utf-8")).hexdigest()
        elif Path(data).is_dir():
            from idcforecast.io import folder_files

            files = folder_files(Path(data))
            names = ", ".join(f.name for f in files)
            label = f"folder {Path(data).name} ({len(files)} files: {names})"
            # one digest over each file's name and digest, in name order
            listing = "".join(f"{f.name}\0{_sha256(f)}\n" for f in files)
            digest = hashlib.sha256(listing.encode("utf-8")).hexdigest()
        else:
            label = f"file {Path(data).name}"
            digest = _sha256(Path(data))
        try:
            # only the reported series, as `idcforecast forecast --series` reads it: another
            # series of the file (no unit, another currency) is no reason to fail
            frame = read_series(data, series_id=series_id, **read_options)
        except UnknownSeriesError as err:
            if series_id is None or getattr(err, "series_id", None) != series_id:
                raise
            _not_in_data(series_id, label, list(getattr(err, "valid", ())))
    ids = list(dict.fromkeys(frame["series_id"].astype(str)))
    if series_id is None:
        if len(ids) != 1:
            raise DataError(
                f"report data ({label}): holds {len(ids)} series ({', '.join(ids)}); "
                f"choose one with series_id= (--series ID)",
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
) -> str:
    parts = ["idcforecast", "report"]
    if dataset is not None and dataset != DEFAULT_DATASET:
        parts += ["--dataset", dataset]
    if data is not None and not hasattr(data, "columns"):
        parts += ["--data", str(data)]
        for key, value in read_options.items():
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
    from idcforecast.units.fx import user_fx_files

    fx_files = [str(path) for path, _ in user_fx_files()]
    if len(fx_files) == 1:  # the command line takes one; nested Python blocks: below
        parts += ["--fx-rates", fx_files[0]]
    parts += ["--out", str(out), "--date", report_date.isoformat(), "--seed", str(seed)]
    no_flag = [f"{k}={v!r}" for k, v in read_options.items() if k not in _READ_FLAGS]
    comments = []
    if data is not None and not hasattr(data, "columns") and no_flag:  # sheet_name=...
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
) -> ReportContext:
    from idcforecast import __version__
    from idcforecast.forecasting import forecast
    from idcforecast.report.context import Provenance, ReportContext

    last = int(history["year"].iloc[-1])
    # first: a spec that does not fit the series fails before the slower sections run
    scenario_results = _scenarios(scenarios, history, to=to, seed=seed) if scenarios else None
    fc = forecast(history, to - last, method=method, seed=seed)
    evidence = calibration_evidence(history, to - last, method)
    backtest, accuracy, note = _backtest(history, method)
    alternatives = None
    if backtest is not None:
        alternatives = _alternatives(history, to - last, method, seed, backtest)
    checks, record = _claims(history)
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
    )
    return ReportContext(
        title=title or _TITLES.get(sid, sid),
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
        assumptions=_assumptions(history, fc, evidence),
        alternatives=alternatives,
        calibration=evidence,
    )


def calibration_evidence(history: pd.DataFrame, horizon: int, method: str) -> CalibrationEvidence:
    """The earlier cutoffs whose refits calibrate the forecast's intervals, as
    :func:`idcforecast.forecasting.plan_forecast` plans them for this history (gap years
    filled for fitting only, as ``forecast`` does; a cutoff ending on a filled year is not
    scored), and the most years ahead they measure.

    Examples
    --------
    >>> import pandas as pd
    >>> four = pd.DataFrame({"series_id": "s", "year": range(2020, 2024),
    ...                      "value": [80.0, 95.0, 118.0, 141.0]})
    >>> calibration_evidence(four, 7, "auto")  # 'auto' fits on 4 years: no refit is shorter
    CalibrationEvidence(points=4, min_train=4, cutoff_years=(), steps=0)
    >>> five = pd.DataFrame({"series_id": "s", "year": range(2019, 2024),
    ...                      "value": [80.0, 95.0, 118.0, 141.0, 160.0]})
    >>> calibration_evidence(five, 7, "auto")  # one refit, on 2019-2022, scored on 2023
    CalibrationEvidence(points=5, min_train=4, cutoff_years=(2022,), steps=1)
    """
    from idcforecast._series import prepare_values
    from idcforecast.forecasting import plan_forecast
    from idcforecast.report.context import CalibrationEvidence

    years = history["year"].astype("int64").to_numpy()
    prepared = prepare_values(years, history["value"].to_numpy(float))
    plan = plan_forecast(
        prepared.values,
        horizon=horizon,
        method=method,
        first_year=prepared.first_year,
        observed=prepared.observed,
    )
    seen = prepared.observed
    scored = [c for c in plan.cutoffs if seen is None or bool(seen[c - 1])]
    n = int(prepared.values.size)
    return CalibrationEvidence(
        points=n,
        min_train=plan.local.min_train,
        cutoff_years=tuple(prepared.first_year + c - 1 for c in scored),
        steps=max((min(plan.local.error_steps, n - c) for c in scored), default=0),
    )


def _alternatives(
    history: pd.DataFrame, horizon: int, method: str, seed: int, own_backtest: pd.DataFrame
) -> pd.DataFrame:
    """The report's method and the others of :data:`COMPARED_METHODS`, backtested at the
    horizon of ``own_backtest`` on the cutoffs they share (:func:`compare_methods`)."""
    from idcforecast.comparison import COMPARED_METHODS, compare_methods

    steps = int((own_backtest["year"] - own_backtest["cutoff"]).max())
    methods = [method, *(alias for alias, _ in COMPARED_METHODS if alias != method)]
    return compare_methods(
        history, horizon, methods=methods, backtest_horizon=steps, level=80, seed=seed
    )


def _backtest(
    history: pd.DataFrame, method: str
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str]:
    from idcforecast.evaluation import accuracy, backtest

    # A short series may have no window for 3 years ahead: try shorter horizons, and say
    # so in the report when even one year ahead cannot be backtested.
    for horizon in range(_BACKTEST_HORIZON, 0, -1):
        try:
            frame = backtest(history, horizon, method=method)
        except DataError:  # InsufficientDataError, or no window fits
            continue
        return frame, accuracy(frame), ""
    return None, None, _no_backtest_text(history, method)


def _no_backtest_text(history: pd.DataFrame, method: str) -> str:
    """Why no backtest could run, for a client (the library's message named API
    parameters: "no backtest window fits: ... horizon=1 ...").

    Examples
    --------
    >>> import pandas as pd
    >>> four = pd.DataFrame({"year": range(2020, 2024), "value": [80.0, 95.0, 118.0, 141.0]})
    >>> _no_backtest_text(four, "auto")[:68]
    "No backtest is possible: 'auto' needs 4 years to fit and the series "
    """
    from idcforecast._forecast_inputs import resolve_methods
    from idcforecast._wording import counted
    from idcforecast.auto import AUTO_MIN_OBS
    from idcforecast.models import MODEL_REGISTRY

    (alias,) = resolve_methods(method)
    needs = AUTO_MIN_OBS if alias == "auto" else int(MODEL_REGISTRY[alias].min_obs)
    n = len(history)
    if n <= needs:
        return (
            f"No backtest is possible: '{alias}' needs {counted(needs, 'year')} to fit and "
            f"the series has {'only ' if n < needs else ''}{n}, so no earlier forecast (fitted "
            "on the years before a cutoff and compared with a later year) can be scored."
        )
    return (
        f"No backtest is possible: the series' {counted(n, 'year')} leave no earlier cutoff "
        f"with the {counted(needs, 'year')} '{alias}' needs to fit and a later year to score "
        "(gaps in the data break the runs of years)."
    )


def _claims(history: pd.DataFrame) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Check the bundled published claims whose subject is this series, if any."""
    from idcforecast.claim_checks import check_claims
    from idcforecast.claim_track_record import track_record
    from idcforecast.datasets import load_dataset

    sid = str(history["series_id"].iloc[0])
    published = load_dataset("published_forecasts")
    mine = published[published["subject"] == sid].reset_index(drop=True)
    if not len(mine):
        return None, None
    return check_claims(mine, history=history), track_record(mine, history)


def _scenarios(spec: Any, history: pd.DataFrame, *, to: int, seed: int) -> ScenarioResults:
    """Simulate the scenarios of a spec file from this series' forecast distribution."""
    import pandas as pd

    from idcforecast.report.context import ScenarioResults
    from idcforecast.scenarios import load_scenarios, prob_exceeds, scenario_table, simulate

    scenario_set = load_scenarios(spec)
    last = int(history["year"].iloc[-1])
    # no series_id=: simulate takes the spec's series_id, as `idcforecast scenarios` does,
    # so a spec written for another series is refused instead of applied to this one
    paths = simulate(
        history,
        to - last,
        n_paths=SCENARIO_PATHS,
        scenarios=scenario_set,
        seed=seed,
    )
    table = scenario_table(paths)
    final = table[(table["quantity"] == "level") & (table["year"] == to)]
    thresholds = probability_thresholds(float(final["p50"].median()))
    labels = [threshold_label(t) for t in thresholds]
    if len(set(labels)) != len(labels):  # a column must never overwrite another
        raise ReportError(
            f"report: probability thresholds {list(thresholds)} print alike ({labels}); "
            "this is a bug in idcforecast.report.build.threshold_label",
            thresholds=list(thresholds),
        )
    probabilities = pd.DataFrame(
        {label: prob_exceeds(paths, t, to) for label, t in zip(labels, thresholds, strict=True)}
    )
    return ScenarioResults(
        description=scenario_set.description,
        source=Path(str(scenario_set.source)).name,
        table=table,
        n_paths=SCENARIO_PATHS,
        scenarios=tuple((s.name, s.description, s.weight) for s in scenario_set.scenarios),
        probabilities=probabilities,
    )


def probability_thresholds(median: float) -> tuple[float, ...]:
    """Round levels around a central value at which the report states P(exceed).

    Three thresholds, 0.75x, 1x and 1.5x the median scenario's median, each rounded to two
    significant figures so the table reads like an analyst's question ("above 12,000?").
    Thresholds that round to the same level are given once (a median of zero gives one).

    Examples
    --------
    >>> probability_thresholds(12324.2)
    (9200.0, 12000.0, 18000.0)
    >>> probability_thresholds(1.1)  # a USD bn series: 0.825, 1.1 and 1.65, rounded
    (0.83, 1.1, 1.7)
    >>> probability_thresholds(0.0)
    (0.0,)
    """
    import math

    def round2(x: float) -> float:
        if x == 0 or not math.isfinite(x):
            return float(x)
        digits = 1 - math.floor(math.log10(abs(x)))
        return float(round(x, digits))

    return tuple(dict.fromkeys(round2(median * factor) for factor in (0.75, 1.0, 1.5)))


def threshold_label(threshold: float) -> str:
    """The probability table's column for ``threshold``: the level itself, with the
    decimals it has. A whole-number label printed 0.83 and 1.1 both as "P(> 1)", so one
    column overwrote the other and the other was labelled with the wrong level.

    Examples
    --------
    >>> threshold_label(9600.0), threshold_label(0.83), threshold_label(1.1)
    ('P(> 9,600)', 'P(> 0.83)', 'P(> 1.1)')
    """
    from idcforecast.report._numbers import exact_text

    return f"P(> {exact_text(threshold)})"


def _is_money(history: pd.DataFrame) -> bool:
    """True when the series is an amount in a currency (or a price: "USD/kW"), so that
    inflation and exchange rates matter; not for racks, MW, TWh, % or an exchange rate."""
    from idcforecast.units import parse_unit

    if "unit" not in history.columns or not len(history):
        return False
    try:
        return parse_unit(str(history["unit"].iloc[0])).currency is not None
    except IdcForecastError:  # a unit the registry cannot read: not known to be money
        return False


def _assumptions(
    history: pd.DataFrame, fc: pd.DataFrame, evidence: CalibrationEvidence | None = None
) -> tuple[str, ...]:
    years = history["year"].astype(int).tolist()
    missing = sorted(set(range(years[0], years[-1] + 1)) - set(years))
    derived = (
        history.loc[history["derived"].astype(bool), "year"].astype(int).tolist()
        if "derived" in history.columns
        else []
    )
    scopes = (
        [s for s in history["scope"].astype(str).unique() if s.strip() and s != "nan"]
        if "scope" in history.columns
        else []
    )
    # without a stated scope this used to read "One scope only (one)."
    scope_text = (
        f"One scope only ({', '.join(scopes)}). Other definitions of the same market differ "
        "by up to 3x for the same year and are never mixed into this series."
        if scopes
        else "The data do not state the market's scope (what is counted); definitions of the "
        "same market differ by up to 3x for the same year, so compare only with figures of "
        "the same scope."
    )
    nominal = _fx_assumption(history) or (
        "Nominal currency as published: no inflation or exchange-rate adjustment."
    )
    items = [
        scope_text,
        *([nominal] if _is_money(history) else []),
        "The forecast extrapolates the series' own history; it assumes no break (policy, "
        "AI demand, oversupply) beyond what the past errors of such forecasts imply.",
        _interval_assumption(evidence),
    ]
    if derived:
        items.append(
            "Years not published but derived from a neighbouring year's reported growth ("
            + ", ".join(map(str, derived))
            + ") are used like published years."
        )
    if missing:
        items.append(
            "Years with no figure ("
            + ", ".join(map(str, missing))
            + ") stay gaps in the tables and charts; the model fills them only for fitting "
            "(see the methodology note)."
        )
    return tuple(items)


def _interval_assumption(evidence: CalibrationEvidence | None) -> str:
    """What the intervals take for granted, by what the calibration could measure.

    Examples
    --------
    >>> from idcforecast.report.context import CalibrationEvidence
    >>> _interval_assumption(CalibrationEvidence(points=4, min_train=4))[:62]
    'No earlier forecast of this series could be scored, so the int'
    """
    from idcforecast._wording import counted

    if evidence is not None and evidence.cutoffs == 0:
        return (
            "No earlier forecast of this series could be scored, so the intervals assume "
            "future forecast errors are of the size of the series' past annual changes (a "
            f"prior, not a measured error); with {counted(evidence.points, 'year')} of history "
            "they are themselves uncertain."
        )
    scored = (
        f" ({counted(evidence.cutoffs, 'earlier cutoff')} scored)" if evidence is not None else ""
    )
    return (
        "The intervals assume future forecast errors resemble this series' past rolling-origin "
        f"errors{scored}; with few years of history they are themselves uncertain."
    )


def _fx_assumption(history: pd.DataFrame) -> str:
    """What converting figures between currencies at read time assumes ("" when none was):
    the FX rate of each figure's year, and growth that includes FX moves (the wording of
    ``idcforecast show --unit``)."""
    from idcforecast._cells import fx_file_label
    from idcforecast._wording import FX_CONVERTED, FX_GROWTH
    from idcforecast.report._frames import fx_conversions, published_currencies
    from idcforecast.report.style import unit_label

    converted = fx_conversions(history)
    if not converted:
        return ""
    years = sorted(converted)
    if len(years) == len(history):
        which = "every figure was"
    elif len(years) == 1:
        which = f"the figure of {years[0]} was"
    elif years == list(range(years[0], years[-1] + 1)):
        which = f"the figures of {years[0]}-{years[-1]} were"
    else:
        which = f"the figures of {', '.join(map(str, years[:-1]))} and {years[-1]} were"
    published = published_currencies(converted)
    unit = unit_label(str(history["unit"].iloc[0]))
    notes = history["note"] if "note" in history.columns else []
    files = sorted({f for f in map(fx_file_label, notes) if f is not None})
    table = "the bundled FX table data/fx_rates.csv"
    if files:  # read with idcforecast.use_fx_rates / --fx-rates
        table = f"the user's FX file {' and '.join(files)} where it has the rate, else {table}"
    return (
        f"Nominal currency, converted into {unit}: {which} published in {published} and "
        f"{FX_CONVERTED} (the annual average of the figure's year, from {table}; each rate "
        "is in Sources). No inflation adjustment. "
        f"{FX_GROWTH[0].upper()}{FX_GROWTH[1:]}: a growth rate in {unit} mixes the market's "
        f"growth with the exchange rate's moves, and the forecast extrapolates both."
    )
