"""Scenario specifications: named scenarios read from a TOML file or a dict.

A spec names one or more scenarios (for example ``base``, ``bull``, ``bear``) under
``scenarios`` (names that differ in more than case: "Base" and "base" are refused), and
may carry at the top level:

``series_id``
    The series the spec is written for; ``simulate`` picks it from the data (and refuses
    data without it) unless told another ``series_id=``.
``unit``
    The unit of the spec's numbers (caps). ``simulate`` refuses a series in another unit;
    units compare in their canonical spelling ("亿元" is "CNY 100m").
``description``
    Free text, printed in reports.

Each scenario may carry:

``weight``
    Probability of the scenario, used for the weighted mixture row of
    :func:`~idcforecast.scenario_table`: a fraction (0.25) or a percent text ("25%"). Give
    a weight to every scenario or to none; the weights must sum to 1 (within 1e-9).
``growth``
    Growth adjustments by period, ``{"2025-2027" = 0.03, "2028" = -0.01}``: in each year of
    the period the level is multiplied by ``1 + adjustment`` relative to the previous year,
    so adjustments compound along the path (+0.03 is roughly three points more growth a year).
    A period is a year or a range ("2025-2027", also "2025-27", "2025~2027", "2025 to
    2027", "2025至2027年", "2026E"; not "FY2026", a fiscal year); each year in one period only
    (a range written backwards, "2027-2025", is refused with the fix).
    Years of a period before the first simulated year are history and left out (a
    ``ScenarioWarning`` names them).
    A percent text is read as such (``"3%"``, ``"3 pct"``, ``"3 percent"``); a number of 1
    or more is refused (4 would be +400%: write ``0.04``, or ``"400%"`` if that is meant),
    for ``shocks`` too.
    Adjustments multiply the level, so they need a positive series: ``simulate`` refuses
    growth or shocks on years whose forecast is at or below zero (+10% would deepen a loss).

    A series in % (a market share, a utilisation rate) says which change it means: points,
    ``{"2025-2027" = "+2pp"}``, add 2 points to the level each year of the period (40% ->
    42% -> 44% -> 46%, on top of the forecast; ``"2个百分点"``, ``"-1.5 percentage
    points"``, ``"2 ppt"``, ``"2 pts"`` and ``"50bp"`` (0.5 points) read too), or
    ``"+5% relative"`` (also ``"0.05 rel"``) multiplies it by 1.05 a year (a 3% share grows
    to 3.15%). ``simulate`` refuses a bare fraction or percent on
    a series in % (0.05: +5 points, or 5% of the share?) and points on a series in any
    other unit. A share (a series in 成, or whose id says so: "market_share",
    "utilisation"...; and whose history never passed 100%) taken below 0% or above 100% on
    the central path is refused, and its paths clipped to 0-100%; another series in % whose
    history stayed within 100% (a rate may leave it) gets a ``ScenarioWarning``, and one
    that passed 100% is no share and simulated as given.
``shocks``
    One-off multiplicative level shifts, ``{"2026" = -0.10}``: the level drops by 10% in 2026
    and the path continues from the lower level (a permanent shift, not a one-year blip).
    On a series in %, a shift in points: ``{"2026" = "-3pp"}``.
``cap``
    A saturation ceiling in the series unit (a number) or a figure (``"12000亿元"``),
    applied after growth and shocks.
``cap_mode``
    ``"smooth"`` (default): ``y / (1 + (y / cap) ** k) ** (1 / k)`` with ``k = 10``, which is
    within 0.1% of ``y`` below 0.63 cap, about 1% under it at 0.8 cap and 6.7% at the cap,
    and approaches the cap without a point mass;
    ``"clip"``: ``min(y, cap)``. Only with a ``cap``: alone it would do nothing, and is
    refused.
``description``
    Free text, printed in reports.

Errors name the file, the scenario and the key.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from idcforecast.errors import SpecError
from idcforecast.scenarios._spec_changes import Relative, parse_changes
from idcforecast.scenarios._spec_weights import check_weights, parse_weight

__all__ = ["Relative", "Scenario", "ScenarioSet", "load_scenarios"]

SCENARIO_KEYS = ("cap", "cap_mode", "description", "growth", "shocks", "weight")
TOP_KEYS = ("description", "scenarios", "series_id", "unit")
CAP_MODES = ("smooth", "clip")
SMOOTH_CAP_EXPONENT = 10.0


@dataclass(frozen=True)
class Scenario:
    """One named scenario: growth adjustments, shocks, an optional cap and weight.

    ``growth`` and ``shocks`` map a year to a fraction (0.03 = +3%); ``growth_pp`` and
    ``shocks_pp`` map a year to percentage points ("+2pp" in a spec, for a series in %:
    added to the level, not multiplied). On a series in %, a fraction must say it is
    relative: ``Relative(0.05)`` (``"+5% relative"`` in a spec), as a bare 0.05 is refused
    there. ``cap`` is a number in the series unit, or a figure string converted when the
    paths' unit is known (a bare number, "9000", is in the series unit; money in another
    currency, "US$150bn", converts at the FX rate of the last observed year).

    Examples
    --------
    >>> share_up = Scenario("share_up", growth={2026: Relative(0.05)}, growth_pp={2027: 2.0})
    >>> share_up.growth_years
    {2026, 2027}
    """

    name: str
    growth: Mapping[int, float] = field(default_factory=dict)
    shocks: Mapping[int, float] = field(default_factory=dict)
    cap: float | str | None = None
    cap_mode: str = "smooth"
    weight: float | None = None
    description: str = ""
    growth_pp: Mapping[int, float] = field(default_factory=dict)
    shocks_pp: Mapping[int, float] = field(default_factory=dict)

    @property
    def growth_years(self) -> set[int]:
        """Years with a growth adjustment, relative or in points."""
        return {*self.growth, *self.growth_pp}

    @property
    def shock_years(self) -> set[int]:
        """Years with a shock, relative or in points."""
        return {*self.shocks, *self.shocks_pp}

    def point_shift(self, years: np.ndarray) -> np.ndarray:
        """Cumulative shift in percentage points for each of ``years`` (consecutive).

        Each year of ``growth_pp`` and ``shocks_pp`` adds its points to the level and the
        later years keep them (a permanent shift), as ``log_adjustment`` compounds.

        Examples
        --------
        >>> s = Scenario("share_up", growth_pp={2026: 2.0, 2027: 2.0}, shocks_pp={2027: -3.0})
        >>> s.point_shift(np.array([2025, 2026, 2027, 2028])).tolist()
        [0.0, 2.0, 1.0, 1.0]
        """
        steps = np.array(
            [
                self.growth_pp.get(int(year), 0.0) + self.shocks_pp.get(int(year), 0.0)
                for year in years
            ],
            dtype=np.float64,
        )
        return np.cumsum(steps)

    def log_adjustment(self, years: np.ndarray) -> np.ndarray:
        """Cumulative log multiplier of the scenario for each of ``years`` (consecutive).

        Examples
        --------
        >>> s = Scenario("bull", growth={2026: 0.1, 2027: 0.1}, shocks={2027: -0.5})
        >>> np.round(np.exp(s.log_adjustment(np.array([2025, 2026, 2027, 2028]))), 4)
        array([1.   , 1.1  , 0.605, 0.605])
        """
        steps = np.zeros(len(years), dtype=np.float64)
        for i, year in enumerate(years):
            steps[i] = math.log1p(self.growth.get(int(year), 0.0)) + math.log1p(
                self.shocks.get(int(year), 0.0)
            )
        return np.cumsum(steps)


@dataclass(frozen=True)
class ScenarioSet:
    """An ordered collection of scenarios with the file they came from."""

    scenarios: tuple[Scenario, ...]
    source: str = "<dict>"
    series_id: str | None = None
    unit: str | None = None
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.scenarios)

    @property
    def weights(self) -> tuple[float, ...] | None:
        if self.scenarios[0].weight is None:
            return None
        return tuple(float(s.weight) for s in self.scenarios)  # type: ignore[arg-type]

    def __len__(self) -> int:
        return len(self.scenarios)


def load_scenarios(source: str | Path | Mapping[str, Any]) -> ScenarioSet:
    """Read a scenario spec from a TOML file (path) or from a dict.

    Parameters
    ----------
    source
        A path to a ``.toml`` file (a bare file name that is no file in the working
        directory names a bundled spec: ``"china_idc_example.toml"``), a ``.json`` or
        ``.yaml`` file with the same structure (YAML needs PyYAML), or a mapping with the
        same structure: ``{"scenarios": {"base": {...}, "bull": {...}}}``.

    Raises
    ------
    SpecError
        For an unreadable file, an unknown key (with a did-you-mean), a bad value, mixed or
        missing weights, or weights that do not sum to 1. The message names the file, the
        scenario and the key.

    Examples
    --------
    >>> spec = load_scenarios({"scenarios": {
    ...     "base": {"weight": 0.6},
    ...     "bear": {"weight": 0.4, "growth": {"2026-2027": -0.05}, "cap": 9000},
    ... }})
    >>> spec.names, spec.weights
    (('base', 'bear'), (0.6, 0.4))
    >>> dict(spec.scenarios[1].growth)
    {2026: -0.05, 2027: -0.05}
    """
    if isinstance(source, Mapping):
        return _parse(source, origin="<dict>")
    path = _bundled_or_given(Path(source))
    try:
        raw = path.read_bytes()
    except OSError as err:
        bundled = ", ".join(p.name for p in sorted(_bundled_dir().glob("*.toml")))
        raise SpecError(
            f"scenario file {str(path)!r} cannot be read ({err.strerror}); "
            "pass the path of an existing TOML file"
            + (f" or the name of a bundled one ({bundled})" if bundled else ""),
            file=str(path),
        ) from None
    from idcforecast._text_files import file_encoding, text_codec

    # UTF-8 with a byte-order mark (Windows Notepad's "UTF-8"), or UTF-16 with its mark,
    # read as the text it is: the mark was "Invalid statement (at line 1, column 1); fix
    # the syntax" of a file whose syntax was fine
    try:
        text = raw.decode(text_codec(file_encoding(path, "utf-8")))
    except UnicodeDecodeError as err:
        raise SpecError(
            f"scenario file {str(path)!r} is not UTF-8 text ({err.reason} at byte "
            f"{err.start}); spec files are UTF-8: save it as UTF-8 (a file from Chinese "
            "Windows is often GBK)",
            file=str(path),
        ) from None
    from idcforecast.scenarios._spec_files import parse_spec_text

    return _parse(parse_spec_text(text, str(path)), origin=str(path))


def _bundled_dir() -> Path:
    from idcforecast._paths import data_dir

    return data_dir() / "scenarios"


def _bundled_or_given(path: Path) -> Path:
    """``path``; or, for a bare file name that is no file here, the bundled spec of that
    name ("china_idc_example.toml" is ``data/scenarios/china_idc_example.toml`` in a
    checkout, ``idcforecast/_bundled_data/scenarios/`` after pip install)."""
    if path.exists() or path.parent != Path("."):
        return path
    bundled = _bundled_dir() / path.name
    return bundled if bundled.is_file() else path


def _unknown_key(
    origin: str, key: str, allowed: tuple[str, ...], *, scenario: str | None = None
) -> SpecError:
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"allowed keys: {', '.join(allowed)}"
    points = re.fullmatch(r"(growth|shocks?)[ _-]?(pp|points?|percentage_points)", key.lower())
    if scenario is not None and points:  # the Scenario attribute's name, as a spec key
        name = "shocks" if points.group(1).startswith("shock") else "growth"
        example = '"2026" = "-3pp"' if name == "shocks" else '"2025-2027" = "+2pp"'
        hint = (
            f"percentage points go under {name!r} as text: {name} = {{{example}}} (for a "
            "series in %)"
        )
    where = "the spec" if scenario is None else f"scenario {scenario!r}"
    return SpecError(
        f"{origin}: {where} has unknown key {key!r}; {hint}",
        file=origin,
        scenario=scenario,
        key=key,
    )


def _parse(data: Mapping[str, Any], *, origin: str) -> ScenarioSet:
    for key in data:
        looks_like_scenario = isinstance(data[key], Mapping) and "scenarios" not in data
        typo = difflib.get_close_matches(str(key), TOP_KEYS, n=1)
        if key not in TOP_KEYS and looks_like_scenario and not typo:
            raise SpecError(
                f"{origin}: the spec has unknown key {key!r}, a table that looks like a "
                f"scenario; scenarios go under 'scenarios': [scenarios.{key}] in TOML, "
                f"{{'scenarios': {{{key!r}: {{...}}}}}} in a dict",
                file=origin,
                key=str(key),
            )
        if key not in TOP_KEYS:
            raise _unknown_key(origin, str(key), TOP_KEYS)
    table = data.get("scenarios")
    if not isinstance(table, Mapping) or not table:
        raise SpecError(
            f"{origin}: expected a non-empty [scenarios] table (for example "
            f"[scenarios.base]); found {type(table).__name__ if table is not None else 'none'}",
            file=origin,
            key="scenarios",
        )
    scenarios = []
    for name, body in table.items():
        if not isinstance(body, Mapping):
            raise SpecError(
                f"{origin}: scenario {name!r} must be a table of keys; found "
                f"{type(body).__name__} {body!r}",
                file=origin,
                scenario=name,
            )
        scenarios.append(_parse_scenario(str(name), body, origin=origin))
    _check_distinct_names(scenarios, origin)
    check_weights(scenarios, origin=origin)
    return ScenarioSet(
        scenarios=tuple(scenarios),
        source=origin,
        series_id=_optional_str(data, "series_id", origin),
        unit=_optional_str(data, "unit", origin),
        description=_optional_str(data, "description", origin) or "",
    )


def _check_distinct_names(scenarios: list[Scenario], origin: str) -> None:
    """Refuse two scenarios whose names differ only in case or surrounding spaces ("Base"
    and "base"): TOML keeps both, and then they collide where names are compared without
    case (file names on Windows and macOS, a spreadsheet's lookups, a reader's eye)."""
    seen: dict[str, str] = {}
    for scenario in scenarios:
        key = scenario.name.strip().casefold()
        if key in seen:
            raise SpecError(
                f"{origin}: scenarios {seen[key]!r} and {scenario.name!r} differ only in case "
                "or spaces, so their rows and files would be taken for one scenario; rename "
                "one (e.g. 'base' and 'base_revised') or drop it",
                file=origin,
                scenario=scenario.name,
            )
        seen[key] = scenario.name


def _optional_str(data: Mapping[str, Any], key: str, origin: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise SpecError(
            f"{origin}: key {key!r} must be a string; found {value!r}", file=origin, key=key
        )
    return value


def _parse_scenario(name: str, body: Mapping[str, Any], *, origin: str) -> Scenario:
    where = f"scenario {name!r}"
    if not name.strip():  # a row without a name in every table, and "" in the CLI's
        raise SpecError(
            f"{origin}: a scenario has the empty name {name!r}; give it a name ('base', "
            "'bull', 'bear'...): [scenarios.base] in TOML",
            file=origin,
            scenario=name,
        )
    if name.strip().casefold() == "weighted":
        raise SpecError(
            f"{origin}: {where}: the name 'weighted' is kept for the probability-weighted "
            "mixture of the scenarios that every table adds; rename it (e.g. 'blended' or "
            "'probability_weighted')",
            file=origin,
            scenario=name,
        )
    for key in body:
        if key not in SCENARIO_KEYS:
            raise _unknown_key(origin, str(key), SCENARIO_KEYS, scenario=name)
    growth, growth_pp = parse_changes(body.get("growth", {}), origin, name, "growth")
    shocks, shocks_pp = parse_changes(body.get("shocks", {}), origin, name, "shocks")
    for key, values in (("growth", growth), ("shocks", shocks)):
        for year, frac in values.items():
            if frac <= -1.0:
                raise SpecError(
                    f"{origin}: {where} key {key!r} year {year}: {frac!r} ({100 * frac:+g}%) "
                    "would make the level zero or negative; expected a fraction greater "
                    'than -1 (-0.10 = -10%) or a percent above -100% ("-10%")',
                    file=origin,
                    scenario=name,
                    key=key,
                )
    cap = body.get("cap")
    if cap is not None:
        if isinstance(cap, bool) or not isinstance(cap, int | float | str):
            raise SpecError(
                f"{origin}: {where} key 'cap' must be a number in the series unit or a "
                f"figure such as '12000亿元'; found {cap!r}",
                file=origin,
                scenario=name,
                key="cap",
            )
        if not isinstance(cap, str) and not (math.isfinite(cap) and cap > 0):
            raise SpecError(
                f"{origin}: {where} key 'cap' must be a positive finite number; found {cap!r}",
                file=origin,
                scenario=name,
                key="cap",
            )
        cap = cap if isinstance(cap, str) else float(cap)
    cap_mode = body.get("cap_mode", "smooth")
    if "cap_mode" in body and cap is None:  # it did nothing, in silence
        raise SpecError(
            f"{origin}: {where} key 'cap_mode' is {cap_mode!r} but the scenario has no 'cap', "
            "so it would be ignored; give a cap (cap = 12000, or a figure such as "
            "'1.2万亿元') or drop cap_mode",
            file=origin,
            scenario=name,
            key="cap_mode",
        )
    if cap_mode not in CAP_MODES:
        raise SpecError(
            f"{origin}: {where} key 'cap_mode' must be one of {', '.join(CAP_MODES)}; "
            f"found {cap_mode!r}",
            file=origin,
            scenario=name,
            key="cap_mode",
        )
    weight = parse_weight(body.get("weight"), origin, name)
    description = body.get("description", "")
    if not isinstance(description, str):
        raise SpecError(
            f"{origin}: {where} key 'description' must be a string; found {description!r}",
            file=origin,
            scenario=name,
            key="description",
        )
    return Scenario(
        name=name,
        growth=growth,
        shocks=shocks,
        cap=cap,
        cap_mode=cap_mode,
        weight=weight,
        description=description,
        growth_pp=growth_pp,
        shocks_pp=shocks_pp,
    )
