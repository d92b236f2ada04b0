"""Checks of a scenario spec against the series simulated (private to ``montecarlo``).

The spec's unit against the series', caps resolved into the series unit and above its last
observation, adjustments only where the forecast is positive, and the spec's years against
the simulated ones (errors for years that can only be slips, warnings for years left out).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from idcforecast._shares import is_known_share, may_be_share, percent_factor
from idcforecast._wording import year_span
from idcforecast.errors import ParseError, SpecError, UnitError
from idcforecast.scenarios.spec import Relative, Scenario, ScenarioSet

__all__ = [
    "ShareBounds",
    "check_adjusted_levels_positive",
    "check_adjustment_kinds",
    "check_caps_above_origin",
    "check_kw_per_rack",
    "check_scenario_years",
    "check_share_bounds",
    "check_spec_unit",
    "resolve_cap",
]


def check_spec_unit(spec: ScenarioSet, unit: str, series_id: str) -> None:
    """Raise SpecError when the spec's ``unit`` and the series' unit (both given) differ.

    The spec's numbers (a cap of 20000) are in its own unit: read in another unit they mean
    something else entirely. Units compare in their canonical spelling, so "亿元" and
    "CNY 100m" agree.
    """
    from idcforecast.units.registry import canonical_or_as_written

    if not spec.unit or not unit:
        return
    mine, theirs = canonical_or_as_written(spec.unit), canonical_or_as_written(unit)
    if mine == theirs:
        return

    def shown(text: str, canonical: str) -> str:
        return repr(text) if canonical == text else f"{text!r} ({canonical})"

    raise SpecError(
        f"{spec.source}: the spec's key 'unit' is {shown(spec.unit, mine)} but series "
        f"{series_id!r} is in {shown(unit, theirs)}; the spec's numbers (caps) are in its "
        "unit: use a spec written for this series' unit, or correct its 'unit'"
        + _read_in_spec_unit(spec.unit, unit),
        file=spec.source,
        key="unit",
        unit=spec.unit,
        series_unit=unit,
    )


def _read_in_spec_unit(spec_unit: str, unit: str) -> str:
    """The third fix when the series converts to the spec's unit (a spec in "CNY bn" for a
    series in 亿元 is common): read the series in it; "" when no conversion exists."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.registry import parse_unit

    try:
        theirs, mine = parse_unit(unit), parse_unit(spec_unit)
    except IdcForecastError:
        return ""
    if (theirs.dimension, theirs.per) != (mine.dimension, mine.per):
        return ""
    fx = " (money at each year's FX rate)" if theirs.currency != mine.currency else ""
    # the command line says it as --unit (cli_advice translates the call)
    return f", or read the series in {spec_unit!r}{fx}: read_series(..., unit={spec_unit!r})"


SHARE_DIMENSIONS = ("percent", "points")


def share_unit_factor(unit: str) -> float | None:
    """The size of one unit of a series in % (or points) in percentage points: 1 for "%",
    10 for "成" (tenths); None for a unit of another kind, or no unit."""
    return _factor_in(unit, SHARE_DIMENSIONS)


def _factor_in(unit: str, dimensions: tuple[str, ...]) -> float | None:
    """``unit``'s factor to its base unit if it is of one of ``dimensions`` and not a rate
    ("per"); None for another unit, no unit, or one that does not parse."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.registry import parse_unit

    if not unit:
        return None
    try:
        parsed = parse_unit(unit)
    except IdcForecastError:
        return None
    return parsed.factor if parsed.dimension in dimensions and not parsed.per else None


@dataclass(frozen=True)
class ShareBounds:
    """What :func:`check_share_bounds` found: the upper end of 0-100% in the series unit,
    whether the series is known to be a share (paths are then clipped to it), and the
    scenarios whose paths to watch (those that adjust a series in percent)."""

    upper: float
    known: bool
    watched: tuple[bool, ...]


def check_share_bounds(
    spec: ScenarioSet,
    adjust: np.ndarray,
    shift: np.ndarray,
    mean: np.ndarray,
    years: np.ndarray,
    unit: str,
    series_id: str,
    history_max: float | None = None,
    caps: list[float | None] | None = None,
) -> ShareBounds | None:
    """Scenario changes that take a series in percent out of 0-100% on its central path.

    ``adjust`` and ``shift`` are the scenarios' cumulative log multipliers and point shifts
    (series units) by year; the central path is ``mean x exp(adjust) + shift``. On a known
    share (:func:`is_known_share`) that is a SpecError naming the scenario, the year and the
    level ("-5pp" a year on a 10% share made it -10% in silence); on another series in
    percent, which may be a rate that leaves it (a growth rate), a ScenarioWarning after the
    run (:func:`warn_paths_out_of_range`). Only years a scenario changes count: a forecast
    that passes 100% on its own is ``forecast()``'s note. None for a series that is no
    share: not in percent, or above 100% in its history (``history_max``, series unit;
    None when not known), the rule of :mod:`idcforecast._shares` that ``forecast()``'s
    note follows too. ``caps`` (series unit, one per scenario, None for none): a scenario
    capped at or below 100% cannot take the share above it (its cap bounds every path), so
    only below 0% counts for it; the report advises ``cap = 100`` for a share whose forecast
    passes 100%, and a bull case so capped was refused.
    """
    factor = percent_factor(unit)
    if factor is None or not may_be_share(unit, history_max):
        return None
    upper = 100.0 / factor
    known = is_known_share(unit, series_id, history_max)
    watched = []
    for i, (scenario, log_adjust, points) in enumerate(
        zip(spec.scenarios, adjust, shift, strict=True)
    ):
        changed = (log_adjust != 0) | (points != 0)
        watched.append(bool(changed.any()))
        central = mean * np.exp(log_adjust) + points
        cap = None if caps is None else caps[i]
        capped = cap is not None and cap <= upper  # its paths never pass the cap
        # outside, and further out than the forecast (one past 100% on its own, which the
        # scenario lowers, is forecast()'s note, not the scenario's doing)
        out = changed & (
            ((central < 0) & (central < mean))
            | ((central > upper) & (central > mean) & (not capped))
        )
        if not (known and out.any()):
            continue
        first = int(np.argmax(out))
        side = "below 0%" if central[first] < 0 else "above 100%"
        moved = f"{points[first] * factor:+.4g} points" if points[first] else ""
        if log_adjust[first]:
            moved = f"x {math.exp(log_adjust[first]):.4g}" + (f" {moved}" if moved else "")
        # the forecast itself past 100%: any growth that year goes further, however small
        fix = (
            f"the forecast itself passes 100% there: cap the scenario at 100% (cap = "
            f'{upper:g}, cap_mode = "clip"), which bounds its paths, or end its growth before '
            f"{int(years[first])}"
            if side == "above 100%" and mean[first] > upper
            else "make the scenario's growth or shocks smaller, or its periods shorter"
        )
        raise SpecError(
            f"{spec.source}: scenario {scenario.name!r} takes series {series_id!r}, a share, "
            f"{side} in {int(years[first])}: {_percent(mean[first], factor)} (the forecast) "
            f"{moved} = {_percent(central[first], factor)}; a share stays within 0-100%: " + fix,
            file=spec.source,
            scenario=scenario.name,
            series_id=series_id,
            year=int(years[first]),
        )
    return ShareBounds(upper=upper, known=known, watched=tuple(watched))


def _percent(value: float, factor: float) -> str:
    """A level in the series unit as percent: "10.2%" (4 significant digits)."""
    return f"{value * factor:.4g}%"


def warn_paths_out_of_range(
    spec: ScenarioSet,
    bounds: ShareBounds,
    outside: np.ndarray,
    n_paths: int,
    years: np.ndarray,
    series_id: str,
) -> str:
    """After the run: on a known share, the note that paths were clipped to 0-100%; on
    another series in percent, a ScenarioWarning naming each scenario whose paths left it
    (the first year, and the share of paths outside then). ``outside`` counts the paths
    outside 0-100% per scenario and year: on a share those clipped, on another series
    those the scenario took out (the forecast's own paths outside are not its doing)."""
    import warnings

    from idcforecast.errors import ScenarioWarning

    notes = []
    for scenario, counts in zip(spec.scenarios, outside, strict=True):
        if not counts.any():
            continue
        first = int(np.argmax(counts > 0))
        worst = int(np.argmax(counts))

        share = _paths_in(counts, first, n_paths, years) + (
            f", {_paths_in(counts, worst, n_paths, years)}" if counts[worst] > counts[first] else ""
        )
        if bounds.known:
            notes.append(
                f"scenario {scenario.name!r}: paths outside 0-100% clipped to it, from "
                f"{int(years[first])} ({share}); series {series_id!r} is a share"
            )
            continue
        warnings.warn(
            f"{spec.source}: scenario {scenario.name!r} takes series {series_id!r} (in %) "
            f"outside 0-100% from {int(years[first])} ({share}); a share cannot leave it: if "
            f"{series_id!r} is one, make the scenario's growth or shocks smaller (or give it "
            "an id that says so, such as 'market_share', to have its paths clipped to "
            "0-100%); a rate that can (a growth rate) is simulated as given",
            ScenarioWarning,
            stacklevel=4,
        )
    return "; ".join(notes)


def _paths_in(counts: np.ndarray, i: int, n_paths: int, years: np.ndarray) -> str:
    """ "15.9% of paths in 2025": the paths counted in year ``i``, as a percentage."""
    return f"{100 * counts[i] / n_paths:.3g}% of paths in {int(years[i])}"


def check_adjustment_kinds(
    spec: ScenarioSet,
    unit: str,
    series_id: str,
    origin_year: int | None,
    origin_value: float | None,
    history_max: float | None = None,
) -> None:
    """Bare fractions on a series in %, or percentage points on any other series: SpecError.

    Growth of 0.05 on a share of 40% multiplied it (42%: +2 points), where analysts often
    mean +5 points (45%), and on a 3% share 5% of it is meant; the spec says which with
    "+5pp" or "+5% relative". Points have no meaning for a market in money or capacity (and
    no unit to tell). ``unit`` is the series' unit, or the
    spec's when the series has none. ``history_max`` (the series' peak) words the error: a
    series in % once past 100% is no share, and "5% of the share" is "5% of the level" there.
    """
    share = share_unit_factor(unit or spec.unit or "") is not None
    for scenario in spec.scenarios:
        for key, relative, points in (
            ("growth", scenario.growth, scenario.growth_pp),
            ("shocks", scenario.shocks, scenario.shocks_pp),
        ):
            # "+5% relative" says what it means; 0.05 or "5%" alone does not, on a share
            unsaid = {y: v for y, v in relative.items() if not isinstance(v, Relative)}
            if share and unsaid:
                raise _relative_on_share(
                    spec,
                    scenario.name,
                    key,
                    unsaid,
                    unit or spec.unit or "",
                    series_id,
                    origin_year,
                    origin_value,
                    whole="share" if may_be_share(unit or spec.unit, history_max) else "level",
                )
            if not share and points:
                year = min(points)
                shown = f"{points[year]:+g}pp"
                where = (
                    f"series {series_id!r} is in {unit!r}"
                    if unit
                    else (f"series {series_id!r} has no unit")
                )
                raise SpecError(
                    f"{spec.source}: scenario {scenario.name!r} key {key!r} year {year}: "
                    f"{shown!r} is a change in percentage points, for a series in %, and "
                    f'{where}; write a fraction (0.02 = +2%) or a percent ("2%")'
                    + ("" if unit else ", or give the series its unit (a 'unit' column, --unit %)"),
                    file=spec.source,
                    scenario=scenario.name,
                    key=key,
                    series_id=series_id,
                )


def _relative_on_share(
    spec: ScenarioSet,
    name: str,
    key: str,
    relative: Any,
    unit: str,
    series_id: str,
    origin_year: int | None,
    origin_value: float | None,
    *,
    whole: str = "share",
) -> SpecError:
    """The error for a bare fraction on a series in %: its two readings, what the relative
    one does at the last observation, and how to write each; ``whole`` is what a relative
    change is of ("share", or "level" for a series in % once past 100%)."""
    year = min(relative)
    frac = float(relative[year])
    years = sorted(y for y, v in relative.items() if v == frac)
    each = " a year" if key == "growth" else ""
    example = ""
    if origin_value is not None and origin_value > 0:
        at = f" in {origin_year}" if origin_year is not None else ""
        moved = origin_value * frac

        def level(value: float) -> str:
            return f"{value:.4g}%" if unit == "%" else f"{value:.4g} {unit}"

        points = moved * (share_unit_factor(unit) or 1.0)  # 0.2 成 is 2 points
        example = (
            f" ({level(origin_value)}{at} x {1 + frac:g} = {level(origin_value + moved)}, "
            f"{points:+.2g} points"
            + (" in the first year, compounding" if key == "growth" else "")
            + ")"
        )
    percent = f"{100 * frac:+g}"
    return SpecError(
        f"{spec.source}: scenario {name!r} key {key!r} {'year' if len(years) == 1 else 'years'}"
        f" {_years_text(np.array(years))}: {frac:g} on series {series_id!r} in {unit!r} is "
        f"ambiguous: {percent} percentage points{each}, or {percent}% of the {whole}{example}? "
        f'write "{percent}pp" for points, or "{percent}% relative" for '
        f"{abs(100 * frac):g}% of the {whole}",
        file=spec.source,
        scenario=name,
        key=key,
        series_id=series_id,
    )


def check_caps_above_origin(
    spec: ScenarioSet,
    caps: list[tuple[float | None, bool, bool]],
    unit: str,
    origin_year: int | None,
    origin_value: float | None,
    *,
    density: str,
) -> None:
    # A ceiling at or below the last observation is not saturation: it pulls every path
    # down at once (a clip to a lower level), which is almost always a unit or typing slip.
    if origin_value is None:
        return
    for scenario, (cap, crossed, _) in zip(spec.scenarios, caps, strict=True):
        if cap is not None and cap <= origin_value:
            where = f" ({origin_year})" if origin_year is not None else ""
            text = f"{scenario.cap!r} is " if isinstance(scenario.cap, str) else ""
            # a cap in MW against racks: the density decides it, so it is named with the fix
            at = f" {density}" if crossed else ""
            fix = ", give the rack density (kw_per_rack=, --kw-per-rack)," if crossed else ""
            raise SpecError(
                f"{spec.source}: scenario {scenario.name!r} key 'cap' {text}"
                + f"{cap:g} {unit}".rstrip()
                + at
                + f", not above the last observation {origin_value:g}{where}; expected a "
                f"ceiling above the current level; raise the cap (same unit as the series){fix} "
                "or drop it",
                file=spec.source,
                scenario=scenario.name,
                key="cap",
            )


def resolve_cap(
    scenario: Scenario, unit: str, year: int | None, source: str, *, kw_per_rack: float = 2.5
) -> tuple[float | None, bool, bool]:
    """The cap in the series unit; whether it crossed between racks and power (the rack
    density then decides the ceiling); whether it changed currency (``year``'s FX rate
    decides it). Both are said in the paths' note."""
    if scenario.cap is None or isinstance(scenario.cap, float | int):
        return (None if scenario.cap is None else float(scenario.cap)), False, False
    from idcforecast.units import parse_quantity

    if not unit:
        raise SpecError(
            f"{source}: scenario {scenario.name!r} key 'cap' is the figure {scenario.cap!r} "
            "but the series has no unit to convert it to; give the cap as a number in the "
            "series unit",
            file=source,
            scenario=scenario.name,
            key="cap",
        )
    try:
        quantity = parse_quantity(scenario.cap)
        # a bare number ("9000") is in the series unit, as a threshold is; money in
        # another currency converts at the FX rate of the last observed year
        value = (
            float(quantity.value)
            if quantity.unit == "count"
            else float(quantity.to(unit, year=year, kw_per_rack=kw_per_rack).value)
        )
    except (ParseError, UnitError) as err:
        raise SpecError(
            f"{source}: scenario {scenario.name!r} key 'cap' {scenario.cap!r} cannot be read "
            f"in the series unit {unit!r}: {err}",
            file=source,
            scenario=scenario.name,
            key="cap",
        ) from None
    if quantity.is_range:  # convert() would take the midpoint without a word
        raise SpecError(
            f"{source}: scenario {scenario.name!r} key 'cap' {scenario.cap!r} is a range; "
            "expected one ceiling; pass its low or high end (or one scenario for each)",
            file=source,
            scenario=scenario.name,
            key="cap",
        )
    if not (math.isfinite(value) and value > 0):
        raise SpecError(
            f"{source}: scenario {scenario.name!r} key 'cap' {scenario.cap!r} is {value!r} "
            f"{unit}; expected a positive level",
            file=source,
            scenario=scenario.name,
            key="cap",
        )
    if quantity.unit == "count":
        return value, False, False
    crossed, fx = _conversion_kind(quantity.unit, unit)
    return value, crossed, fx


def check_adjusted_levels_positive(
    spec: ScenarioSet, adjust: np.ndarray, mean: np.ndarray, years: np.ndarray, series_id: str
) -> None:
    """Refuse growth or shocks on years whose forecast is at or below zero.

    Adjustments multiply the level: on -27.5, "+10% growth" gave -30.3, a deeper loss, and
    a -10% shock a smaller one; the opposite of what the spec says. A series that is
    negative (net additions, a margin, a balance) has no multiplicative growth to adjust,
    so this is an error naming the years, not a redefinition. Single paths of a positive
    forecast that dip below zero (level-scale noise) are multiplied as they are.
    """
    from idcforecast._wording import counted

    for scenario, log_adjust in zip(spec.scenarios, adjust, strict=True):
        hit = (log_adjust != 0) & (mean <= 0)
        if not hit.any():
            continue
        first = int(np.argmax(hit))
        year = int(years[first])
        key = "growth" if any(y in scenario.growth for y in years[: first + 1]) else "shocks"
        factor = float(np.exp(log_adjust[first]))
        level, adjusted = float(mean[first]), float(mean[first]) * factor
        raise SpecError(
            f"{spec.source}: scenario {scenario.name!r} key {key!r} adjusts series "
            f"{series_id!r} in {counted(int(hit.sum()), 'year')} where its forecast is at or "
            f"below zero ({_years_text(years[hit])}; {level:.4g} in {year}); growth and "
            f"shocks multiply the level, so x{factor:.4g} would make it {adjusted:.4g}, "
            "the wrong way for a level below zero; scenario adjustments need a positive series "
            "(a market size, a capacity): drop the growth and shocks for this series, or "
            "simulate its positive parts (e.g. revenue and cost) separately",
            file=spec.source,
            scenario=scenario.name,
            key=key,
            series_id=series_id,
            year=year,
        )


def _years_text(years: np.ndarray) -> str:
    """2025-2027, 2030 for [2025, 2026, 2027, 2030]."""
    runs: list[list[int]] = []
    for year in map(int, years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(year_span(run[0], run[-1]) for run in runs)


def check_kw_per_rack(kw_per_rack: Any) -> None:
    """A positive finite number (convert's own check and message), before any work."""
    from idcforecast.units.convert import checked_kw_per_rack

    checked_kw_per_rack(kw_per_rack, kw_per_rack=kw_per_rack)


def _conversion_kind(source: str, target: str) -> tuple[bool, bool]:
    """Whether converting ``source`` to ``target`` goes between racks and power (the rack
    density decides the number) and whether it changes currency (an FX rate does)."""
    from idcforecast.units.registry import parse_unit

    first, second = parse_unit(source), parse_unit(target)
    crossed = {first.dimension, second.dimension} == {"racks", "power"}
    fx = first.currency is not None and second.currency not in (None, first.currency)
    return crossed, fx


def check_scenario_years(spec: ScenarioSet, years: np.ndarray) -> None:
    # A shock before the simulated years, or growth adjustments that all end before them,
    # would silently do nothing: almost always a typo (a year of the history). Years after
    # the horizon are the spec's later years: a spec written to 2035 runs to 2025 too.
    first, last = int(years[0]), int(years[-1])
    simulated = f"{'year' if first == last else 'years'} {year_span(first, last)}"
    for scenario in spec.scenarios:
        before = sorted(y for y in scenario.shock_years if y < first)
        if before:
            raise SpecError(
                f"{spec.source}: scenario {scenario.name!r} key 'shocks': year {before[0]} is "
                f"before the simulated {simulated} (a year of the history?); move the shock "
                "into the forecast years",
                file=spec.source,
                scenario=scenario.name,
                key="shocks",
            )
        growth = scenario.growth_years
        if growth and max(growth) < first:
            raise SpecError(
                f"{spec.source}: scenario {scenario.name!r} key 'growth': every period ends "
                f"before the simulated {simulated} (periods cover "
                f"{year_span(min(growth), max(growth))}); fix the years",
                file=spec.source,
                scenario=scenario.name,
                key="growth",
            )
        _warn_if_partly_history(spec, scenario, first)
        _warn_if_all_later(spec, scenario, last, simulated)
        _warn_if_shocks_later(spec, scenario, last)


def shocks_after(scenario: Scenario, last: int) -> list[int]:
    """The years of ``scenario``'s shocks after ``last``, the last simulated year, when it
    has adjustments in the simulated years (else it is the base case here, said as such).

    Examples
    --------
    >>> from idcforecast.scenarios.spec import Scenario
    >>> shocks_after(Scenario("bear", growth={2024: -0.05}, shocks={2026: -0.08}), 2025)
    [2026]
    >>> shocks_after(Scenario("bear", growth={2024: -0.05}, shocks={2026: -0.08}), 2026)
    []
    """
    later = sorted(y for y in scenario.shock_years if y > last)
    adjusted = {*scenario.growth_years, *scenario.shock_years}
    if not later or (scenario.cap is None and min(adjusted) > last):
        return []
    return later


def _warn_if_shocks_later(spec: ScenarioSet, scenario: Scenario, last: int) -> None:
    """A shock after the last simulated year is not in the numbers: a note, as the
    scenario's other adjustments are (the bundled bear's "one-off 8% drop in 2026" run to
    2025 was silently left out of a bear case that still described it)."""
    import warnings

    from idcforecast.errors import ScenarioWarning

    later = shocks_after(scenario, last)
    if not later:
        return
    warnings.warn(
        f"{spec.source}: scenario {scenario.name!r} key 'shocks': the "
        f"{_years_text(np.array(later))} {'shock falls' if len(later) == 1 else 'shocks fall'} "
        f"after {last}, the last simulated year, and {'is' if len(later) == 1 else 'are'} not "
        f"applied; simulate to {later[-1]} to see {'it' if len(later) == 1 else 'them'}",
        ScenarioWarning,
        stacklevel=5,
    )


def _warn_if_partly_history(spec: ScenarioSet, scenario: Scenario, first: int) -> None:
    """Growth years before the first simulated year (a period that starts in the history)
    are left out: a note naming them, as the adjustment the spec states for them was
    dropped in silence (``"2023-2027" = 0.04`` on a series observed to 2024 is +4% in
    2025-2027 only)."""
    import warnings

    from idcforecast.errors import ScenarioWarning

    before = sorted(y for y in scenario.growth_years if y < first)
    if not before or max(scenario.growth_years) < first:  # all before: refused by the caller
        return
    warnings.warn(
        f"{spec.source}: scenario {scenario.name!r} key 'growth': "
        f"{'year' if len(before) == 1 else 'years'} {_years_text(np.array(before))} "
        f"{'is' if len(before) == 1 else 'are'} history (the simulation starts in {first}) "
        f"and left out; the growth adjustments apply from {first}; start the period in "
        f"{first} to say so",
        ScenarioWarning,
        stacklevel=5,
    )


def _warn_if_all_later(spec: ScenarioSet, scenario: Scenario, last: int, simulated: str) -> None:
    """A scenario whose growth periods and shocks all start after the last simulated year,
    without a cap, is the base case in this run: a note, not an error (a spec written to
    2035 may be run to 2027), so that an unchanged "bull" row is not read as a finding."""
    import warnings

    from idcforecast.errors import ScenarioWarning

    adjusted = sorted({*scenario.growth_years, *scenario.shock_years})
    if not adjusted or scenario.cap is not None or adjusted[0] <= last:
        return
    warnings.warn(
        f"{spec.source}: scenario {scenario.name!r} changes nothing in the simulated "
        f"{simulated}: its growth periods and shocks start in {adjusted[0]}, after {last}, "
        f"so it equals the base case here; simulate to {adjusted[-1]} to see it",
        ScenarioWarning,
        stacklevel=5,
    )
