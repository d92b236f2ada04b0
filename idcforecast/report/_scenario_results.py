"""The report's scenarios: the paths of a spec file's scenarios simulated from the series'
forecast distribution, their quantiles, the probability thresholds and the notes on caps,
later shocks and paths past 100% (:func:`scenario_results`, used by
:func:`idcforecast.report.build.build_report` through :mod:`idcforecast.report._analyses`)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast.errors import ReportError

# why the advised cap of a share is a clip: the default smooth cap lowers a level near it
# (y / (1 + (y/cap)^10)^(1/10): 98% of the cap reads 92.3%, 97.6% reads 92.1%), so a share
# at 97.6% capped at 100 as advised started its base case near 92% (median change -2.8 pp)
SMOOTH_CAP = "the default smooth cap lowers a share near it, 98% to about 92%"

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import ScenarioResults

SCENARIO_PATHS = 5_000  # quantiles to about +-1% of their value; a second or less


def scenario_results(
    spec: Any,
    history: pd.DataFrame,
    *,
    to: int,
    seed: int,
    kw_per_rack: float = 2.5,
    shown_unit: str | None = None,
    method: str = "auto",
) -> ScenarioResults:
    """Simulate the scenarios of a spec file from this series' forecast distribution (the
    forecast of ``method``, the report's: with --method drift the paths came from 'auto',
    and "'base' keeps the forecast as is" compared a 2025 median of 6,616 with drift's
    5,963 as if only sampling parted them);
    ``kw_per_rack`` converts a cap between racks and power (the report's --kw-per-rack);
    ``shown_unit``: the unit the report shows the series in when it is not ``history``'s
    (a plain-USD series in "USD bn"), which the paths, their quantiles, thresholds and a
    numeric cap are converted to after the simulation (the spec's numbers are in the
    unit the data was read in)."""
    import dataclasses

    import pandas as pd

    from idcforecast.report.context import ScenarioResults
    from idcforecast.scenarios import load_scenarios, prob_exceeds, scenario_table, simulate
    from idcforecast.scenarios._spec_magnitude import in_spec_magnitude

    scenario_set = load_scenarios(spec)
    # a spec in "USD bn" for a series read in "USD": simulated in the spec's unit, which
    # its caps are in (simulate's own rule; the note goes to the report's scenario
    # section, not the paths' note); another currency is still refused
    history, unit_note = in_spec_magnitude(history, scenario_set.unit)
    last = int(history["year"].iloc[-1])
    # no series_id=: simulate takes the spec's series_id, as `idcforecast scenarios` does,
    # so a spec written for another series is refused instead of applied to this one
    paths = simulate(
        history,
        to - last,
        n_paths=SCENARIO_PATHS,
        scenarios=scenario_set,
        seed=seed,
        kw_per_rack=kw_per_rack,
        method=method,
    )
    # a cap given as a figure ("1.5万亿元", "US$150bn") in the simulated unit, as the table
    # is: the report listed it as written only, which a PDF without a CJK font printed as
    # "capped at 1.5"
    from idcforecast.scenarios._spec_checks import resolve_cap

    figure_caps = {
        s.name: resolve_cap(s, paths.unit, last, str(scenario_set.source), kw_per_rack=kw_per_rack)[
            0
        ]
        for s in scenario_set.scenarios
        if isinstance(s.cap, str)
    }
    factor = 1.0
    if shown_unit and paths.unit and shown_unit != paths.unit:
        from idcforecast.units.convert import conversion_factor

        factor = conversion_factor(paths.unit, shown_unit, year=None)
        paths = dataclasses.replace(
            paths,
            values=paths.values * factor,
            unit=shown_unit,
            origin_value=None if paths.origin_value is None else paths.origin_value * factor,
            # in the shown unit too: it decides whether the series may be a share (a peak of
            # 10.5 成 is 105%, no share; read against "%" it was 10.5%)
            history_max=None if paths.history_max is None else paths.history_max * factor,
        )
    if unit_note and factor != 1.0:
        # simulated in the spec's unit, shown in the report's: said (the note alone left a
        # reader of "rescaled to CNY billion" with a table in CNY 100 million)
        from idcforecast.report.style import unit_heading

        unit_note = (
            f"{unit_note.rstrip('.')}; the results are shown in {unit_heading(shown_unit or '')}"
            ", as in the rest of the report."
        )
    table = scenario_table(paths)
    final = table[(table["quantity"] == "level") & (table["year"] == to)]
    ceiling, passing = _share_ceiling(paths, to)
    thresholds = probability_thresholds(float(final["p50"].median()), ceiling=ceiling)
    threshold_note = ""
    above = [t for t in probability_thresholds(float(final["p50"].median())) if t not in thresholds]
    if above:
        # a share at 99% was asked "P(> 150)", a level no path of it can reach
        from idcforecast.report._numbers import exact_text

        levels = " and ".join(exact_text(t) for t in above)
        # a stray path past 100% (1 in 5,000 of a utilisation rate at 60%) kept a column
        # "P(> 100)" that read 0% in every row
        how_many = (
            "no simulated path passes"
            if passing == 0
            else "fewer than 0.5% of each scenario's simulated paths pass"
        )
        threshold_note = (
            f" {'Levels' if len(above) > 1 else 'The level'} {levels} "
            f"{'are' if len(above) > 1 else 'is'} left out: the series is a share and "
            f"{how_many} 100% in {to}."
        )
    from idcforecast._shares import percent_factor

    past_100 = _paths_past_100(paths, to) if ceiling is None else ""
    if past_100:  # a share's paths past 100%: their probability is a column of its own
        thresholds = tuple(sorted({*thresholds, 100.0 / (percent_factor(paths.unit) or 1.0)}))
        threshold_note += past_100
    labels = [threshold_label(t) for t in thresholds]
    if len(set(labels)) != len(labels):  # a column must never overwrite another
        raise ReportError(
            f"report: probability thresholds {list(thresholds)} print alike ({labels}); "
            "this is a bug in idcforecast.report._analyses.threshold_label",
            thresholds=list(thresholds),
        )
    probabilities = pd.DataFrame(
        {label: prob_exceeds(paths, t, to) for label, t in zip(labels, thresholds, strict=True)}
    )
    from idcforecast.report.fonts import in_chinese

    def described(s: Any, description: str) -> str:
        return _with_cap(
            # a scenario without a description or adjustments was listed as
            # "base (weight 0.6)", saying nothing of what it is
            description
            or adjustment_words(s)
            or ("the calibrated forecast as is" if s.cap is None else ""),
            _shown_cap(s.cap, factor),
            s.cap_mode,
            paths.unit,
            in_unit=_shown_cap(figure_caps.get(s.name), factor),
        ) + _later_shocks_note(s, to)

    return ScenarioResults(
        description=scenario_set.description,
        source=Path(str(scenario_set.source)).name,
        table=table,
        n_paths=SCENARIO_PATHS,
        scenarios=tuple(
            (s.name, described(s, s.description), s.weight) for s in scenario_set.scenarios
        ),
        # a description in Chinese said by its adjustments, for a PDF without a CJK font
        # (its Latin leftovers read "bull: 2025 5 pp" for "... 2025年增速提高5个百分点")
        in_english=tuple(
            "described in Chinese" + (f"; {said}" if (said := described(s, "")) else "")
            if in_chinese(s.description)
            else ""
            for s in scenario_set.scenarios
        ),
        probabilities=probabilities,
        unit_note=unit_note,
        threshold_note=threshold_note,
        # in points too: a share's "-0.2pp" shock was said to keep the forecast as is
        unadjusted=tuple(
            s.name
            for s in scenario_set.scenarios
            if s.cap is None
            and not any(
                any(adjustments.values())
                for adjustments in (s.growth, s.shocks, s.growth_pp, s.shocks_pp)
            )
        ),
    )


def _shown_cap(cap: float | str | None, factor: float) -> float | str | None:
    """A numeric cap in the unit the report shows (``factor`` converts to it); a figure
    with its own unit ("2万亿元") as written.

    Examples
    --------
    >>> _shown_cap(9.0e9, 1e-9), _shown_cap("2万亿元", 1e-9), _shown_cap(None, 1e-9)
    (9.0, '2万亿元', None)
    """
    if isinstance(cap, int | float) and not isinstance(cap, bool):
        return float(f"{cap * factor:.12g}")
    return cap


def adjustment_words(scenario: Any) -> str:
    """What a scenario without a description does to the forecast, from its spec keys, for
    the report's list ("" when it changes nothing): a scenario with growth changes and no
    description was listed by its cap alone, as if it were the base case with a cap.

    Examples
    --------
    >>> from idcforecast.scenarios.spec import Scenario

    A growth adjustment moves the path against the forecast's, compounding: "growth -5% a
    year" read as a market shrinking 5% a year, where the forecast's growth of, say, 12% became
    about 6.4% (1.12 x 0.95 - 1):

    >>> print(adjustment_words(Scenario("bear", growth={2025: -0.05, 2026: -0.05, 2027: -0.05},
    ...                                 shocks={2026: -0.08})))  # doctest: +NORMALIZE_WHITESPACE
    5% a year below the forecast's path in 2025-2027 (compounding); a one-off -8% level
    shift in 2026
    >>> adjustment_words(Scenario("slow", growth_pp={2024: -0.5, 2025: -0.5, 2027: 1.0}))
    'level -0.5 pp a year in 2024-2025; level +1 pp a year in 2027'
    >>> adjustment_words(Scenario("base"))
    ''
    """
    parts = []
    for value, years in _runs(dict(scenario.growth)):
        where = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
        side = "below" if float(value) < 0 else "above"
        size = float(f"{abs(float(value)) * 100:.10g}")
        parts.append(f"{size:.10g}% a year {side} the forecast's path in {where} (compounding)")
    for values, shape in (
        (scenario.growth_pp, "level {:+.10g} pp a year in {}"),
        (scenario.shocks, "a one-off {:+.10g}% level shift in {}"),
        (scenario.shocks_pp, "a one-off {:+.10g} pp level shift in {}"),
    ):
        scale = 100.0 if "%" in shape else 1.0
        for value, years in _runs(dict(values)):
            where = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
            parts.append(shape.format(float(f"{float(value) * scale:.10g}"), where))
    return "; ".join(parts)


def _runs(by_year: dict[int, float]) -> list[tuple[float, list[int]]]:
    """Consecutive years with one value, in year order: ``{2025: x, 2026: x, 2028: x}`` is
    two runs, 2025-2026 and 2028."""
    runs: list[tuple[float, list[int]]] = []
    for year in sorted(by_year):
        value = float(by_year[year])
        if runs and runs[-1][0] == value and runs[-1][1][-1] == year - 1:
            runs[-1][1].append(year)
        else:
            runs.append((value, [year]))
    return runs


def _with_cap(
    description: str,
    cap: float | str | None,
    mode: str,
    unit: str = "",
    *,
    in_unit: float | str | None = None,
) -> str:
    """A scenario's description with its cap, which shapes its quantiles (the bundled bear
    case's 10-90% range ended at exactly 9,000 with no word of why); a numeric cap with
    the series' ``unit`` (a plain-USD series' cap of 9,000,000,000 read "capped at 9" in a
    report shown in USD billion); a figure ("2万亿元") in ``unit`` when ``in_unit`` gives
    its value there, with the figure as the spec gives it (as written alone, a PDF without
    a CJK font printed "capped at 2").

    Examples
    --------
    >>> _with_cap("Slower growth", 9000.0, "clip", "CNY 100m")
    'Slower growth; capped at 9,000 CNY 100 million (clipped)'
    >>> _with_cap("", "2万亿元", "smooth", "CNY 100m", in_unit=20000.0)
    'capped at 20,000 CNY 100 million (given as 2万亿元; approached smoothly)'
    >>> _with_cap("", "2万亿元", "smooth", "CNY 100m"), _with_cap("", 100.0, "clip", "%")
    ('capped at 2万亿元 (approached smoothly)', 'capped at 100 percent (clipped)')
    >>> _with_cap("", 50.0, "clip", "count"), _with_cap("", 50.0, "clip")
    ('capped at 50 (clipped)', 'capped at 50 (clipped)')
    >>> _with_cap("", "1500万架", "clip", "racks 10k", in_unit=1500.0)
    'capped at 1,500 × 10 thousand racks (given as 1500万架; clipped)'
    """
    from idcforecast.report.style import unit_label

    if cap is None:
        return description
    how = "clipped" if mode == "clip" else "approached smoothly"
    label = unit_label(unit) if unit.strip() else ""
    named = f" {label}" if label and label != "number" else ""
    if label[:1].isdigit():  # "1,500 10 thousand racks" read as 150,010 thousand
        named = f" × {label}"
    value = str(cap)
    if isinstance(cap, str) and isinstance(in_unit, int | float):
        from idcforecast.scenarios.montecarlo import _level_text  # a converted figure

        value, how = _level_text(float(in_unit)) + named, f"given as {cap}; {how}"
    elif isinstance(cap, int | float):
        value = f"{cap:,.10g}" + named
    text = f"capped at {value} ({how})"
    return f"{description}; {text}" if description else text


def _later_shocks_note(scenario: Any, to: int) -> str:
    """What of a scenario's description is not in the numbers: its shocks after ``to``,
    the last simulated year ("; its 2026 shock falls after 2025, the last year simulated,
    and is not in these numbers"), else "". The bundled bear case run to 2025 still read
    "a one-off 8% drop in 2026" above numbers without it."""
    from idcforecast.scenarios._spec_checks import shocks_after

    later = shocks_after(scenario, to)
    if not later:
        return ""
    years = ", ".join(map(str, later))
    one = len(later) == 1
    return (
        f"; its {years} {'shock falls' if one else 'shocks fall'} after {to}, the last year "
        f"simulated, and {'is' if one else 'are'} not in these numbers"
    )


def probability_thresholds(median: float, *, ceiling: float | None = None) -> tuple[float, ...]:
    """Round levels around a central value at which the report states P(exceed).

    Three thresholds, 0.75x, 1x and 1.5x ``median`` (the report passes the median of the
    final year's medians of the scenarios and the weighted mixture), each rounded to two
    significant figures so the table reads like an analyst's question ("above 12,000?").
    Thresholds that round to the same level are given once (a median of zero gives one).
    Levels at or above ``ceiling`` (a share's 100%, which no path passes) are left out,
    the lowest level kept whatever it is.

    Examples
    --------
    >>> probability_thresholds(12324.2)
    (9200.0, 12000.0, 18000.0)
    >>> probability_thresholds(1.1)  # a USD bn series: 0.825, 1.1 and 1.65, rounded
    (0.83, 1.1, 1.7)
    >>> probability_thresholds(0.0)
    (0.0,)
    >>> probability_thresholds(99.2, ceiling=100.0)  # a share: 1.5 x 99 = 150% left out
    (74.0, 99.0)
    """
    import math

    def round2(x: float) -> float:
        if x == 0 or not math.isfinite(x):
            return float(x)
        digits = 1 - math.floor(math.log10(abs(x)))
        return float(round(x, digits))

    levels = tuple(dict.fromkeys(round2(median * factor) for factor in (0.75, 1.0, 1.5)))
    if ceiling is None:
        return levels
    return levels[:1] + tuple(t for t in levels[1:] if t < ceiling)


# a share's level at or past 100% is left out of the probability table when fewer than
# this share of any scenario's paths pass 100%: its column would read "0%" in every row
_STRAY_PATHS = 0.005


def _share_ceiling(paths: Any, year: int) -> tuple[float | None, float]:
    """100% in the paths' unit when the series may be a share (``idcforecast._shares``)
    and fewer than 0.5% of any scenario's simulated values of ``year`` pass it, with the
    largest share of paths of a scenario that do; ``(None, share)`` otherwise (the series
    is no share, or enough paths pass 100% for a probability above it to say something).

    Examples
    --------
    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> values = np.full((2, 10_000, 1), 60.0)
    >>> values[0, 0, 0] = 102.7  # one path in 10,000 of the first scenario past 100%
    >>> paths = SimpleNamespace(unit="%", history_max=59.5, years=[2030], values=values)
    >>> _share_ceiling(paths, 2030)
    (100.0, 0.0001)
    >>> values[1, :60, 0] = 101.0  # 0.6% of the second scenario's paths
    >>> _share_ceiling(paths, 2030)
    (None, 0.006)
    """
    import numpy as np

    from idcforecast._shares import may_be_share, percent_factor

    factor = percent_factor(paths.unit)
    if factor is None or not may_be_share(paths.unit, paths.history_max):
        return None, 0.0
    ceiling = 100.0 / factor
    at = np.flatnonzero(np.asarray(paths.years) == year)
    if not at.size:
        return None, 0.0
    final = paths.values[:, :, int(at[0])]
    passing = float(np.max(np.mean(final > ceiling, axis=1)))
    return (ceiling if passing < _STRAY_PATHS else None), passing


def _paths_past_100(paths: Any, year: int) -> str:
    """What the report says of a series that may be a share (``idcforecast._shares``)
    when its simulated paths pass 100% in ``year`` ("" when none do or it is no share):
    which scenarios' paths do, how many, and the fix, a cap of 100 in the scenario file.
    A scenario that keeps the forecast as is is not bounded by the simulation (only what
    a scenario changes is), so a share's base case reached "132%" with P(> 120) of 60%
    beside a scenario clipped at 100%, and nothing said.

    Examples
    --------
    >>> import numpy as np
    >>> from types import SimpleNamespace
    >>> values = np.full((2, 1000, 1), 60.0)
    >>> values[0, :250, 0] = 120.0  # a quarter of the base case's paths past 100%
    >>> paths = SimpleNamespace(unit="%", history_max=86.0, years=[2030], values=values,
    ...     scenarios=("base", "slow"), series_id="dc_share")
    >>> print(_paths_past_100(paths, 2030))  # doctest: +NORMALIZE_WHITESPACE
    The series is a share ('dc_share' says so), which cannot pass 100%, yet 25% of the
    'base' paths do in 2030 (the P(> 100) column); a cap = 100 with cap_mode = "clip" in
    the scenario file bounds them (the default smooth cap lowers a share near it, 98% to
    about 92%).
    >>> print(_paths_past_100(SimpleNamespace(**{**vars(paths), "unit": "成",
    ...     "history_max": 8.6, "values": values / 10}), 2030))  # doctest: +NORMALIZE_WHITESPACE
    The series is a share ('dc_share' says so), which cannot pass 100%, yet 25% of the
    'base' paths do in 2030 (the P(> 10) column); a cap = 10 with cap_mode = "clip" in
    the scenario file bounds them (the default smooth cap lowers a share near it, 98% to
    about 92%).
    >>> print(_paths_past_100(SimpleNamespace(**{**vars(paths), "series_id": "util"}), 2030))
    ... # doctest: +NORMALIZE_WHITESPACE
    The series is in percent and never passed 100%, so it may be a share, which cannot
    pass 100%, yet 25% of the 'base' paths do in 2030 (the P(> 100) column); if it is
    one, a cap = 100 with cap_mode = "clip" in the scenario file bounds them (the default
    smooth cap lowers a share near it, 98% to about 92%).
    """
    import numpy as np

    from idcforecast._shares import is_known_share, may_be_share, percent_factor

    factor = percent_factor(paths.unit)
    if factor is None or not may_be_share(paths.unit, paths.history_max):
        return ""
    at = np.flatnonzero(np.asarray(paths.years) == year)
    if not at.size:
        return ""
    past = np.mean(paths.values[:, :, int(at[0])] > 100.0 / factor, axis=1)
    which = [
        f"{100 * share:.2g}% of the '{name}' paths"
        for name, share in zip(paths.scenarios, past, strict=True)
        if share > 0
    ]
    if not which:
        return ""
    listed = ", ".join(which[:-1]) + (" and " if len(which) > 1 else "") + which[-1]
    known = is_known_share(paths.unit, paths.series_id, paths.history_max)
    what = (
        f"is a share ({paths.series_id!r} says so)"
        if known
        else "is in percent and never passed 100%, so it may be a share"
    )
    # 100% in the paths' unit: 10 for a share shown in 成 (the text named "P(> 100)", a
    # column its table did not have, and a cap of 1,000%)
    whole = threshold_label(100.0 / factor).removeprefix("P(> ").removesuffix(")")
    return (
        f" The series {what}, which cannot pass 100%, yet {listed} do in {year} (the "
        f"P(> {whole}) column); {'' if known else 'if it is one, '}a cap = {whole} with "
        f'cap_mode = "clip" in the scenario file bounds them ({SMOOTH_CAP}).'
    )


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
