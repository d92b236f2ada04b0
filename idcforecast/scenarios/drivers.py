"""Driver (bottom-up) models: investment -> capacity -> racks -> revenue.

The chain, with every assumption explicit::

    MW              = capex / capex_per_mw              (or MW given directly, mw=)
    racks           = MW * 1000 / kw_per_rack           (or racks given directly)
    racks_occupied  = racks * utilisation
    revenue         = racks_occupied * revenue_per_rack (per year)
                   or racks_occupied * kw_per_rack * revenue_per_kw

``racks`` is the installed stock, what MIIT counts as racks "in use" (在用机架: built and in
service; the bundled series ``china_racks_in_use``); ``racks_occupied`` is the part of them
holding servers (上架率: above 55% nationally at end-2021, MIIT). The output was called
``racks_in_use`` before, a name that read as MIIT's stock; :meth:`DriverModel.simulate`
still has that column (same values) for code written against it.

Internal units: money in yuan ("CNY"), power in MW, rack density in kW per rack, revenue
per rack in yuan per rack per year (revenue per kW in yuan per kW per year: a price per kW
with an uncertain rack density, each draw's density multiplying it), utilisation as a
fraction. Every driver also takes
figure text, converted with :func:`idcforecast.convert` to the unit in :data:`TEXT_UNITS`:
"500 billion yuan", "RMB 20-50 m per MW" (a range in text is a uniform driver),
"11.9万元每架每年" (per rack per year), "1,000 yuan per kW per month" (per kW: converted
at the model's kw_per_rack, which must then be one number), "6 kW per rack", "520万架",
"61.9%", "9,486 yuan per rack per month" (x 12 per year). A bare number in text
("1,000,000", "0.62") is in the driver's own unit. A bound ("more than 500 billion yuan")
is refused: a driver is a value or a range.

Each driver is fixed or a distribution: ``uniform`` (low, high), ``triangular`` (low, mode,
high), ``normal`` and ``lognormal`` (low, high read as the 5th and 95th percentiles).
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast.errors import SpecError
from idcforecast.scenarios._driver_inputs import (
    DRIVER_UNITS,
    Driver,
    _make_driver,
)
from idcforecast.scenarios._driver_text import TEXT_UNITS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DRIVER_UNITS", "TEXT_UNITS", "Driver", "DriverModel", "driver_assumptions"]

QUANTITIES = ("mw", "racks", "racks_occupied", "revenue")
OUTPUT_UNITS = {"mw": "MW", "racks": "racks", "racks_occupied": "racks", "revenue": "CNY"}
# racks_occupied was called racks_in_use (MIIT's word for the installed stock, the bundled
# china_racks_in_use): simulate() keeps the old column, same values, for code written for it
FORMER_NAMES = {"racks_occupied": "racks_in_use"}
# kw_per_rack's default, 2.5 kW, and whose it is (data/scenarios/driver_assumptions.csv)
STANDARD_RACK_SOURCE = (
    "CAICT/MIIT standard rack: national statistics count a rack as 2.5 kW (按照标准机架2.5kW统计)"
)


class DriverModel:
    """Bottom-up model: capex -> MW -> racks -> racks occupied -> revenue.

    Parameters
    ----------
    capex
        Investment (yuan, or figure text such as ``"500 billion yuan"``).
    capex_per_mw
        Construction cost per MW of IT load (yuan per MW).
    mw
        Capacity in MW of IT load, when known directly (instead of ``capex`` /
        ``capex_per_mw``): "300 MW", "0.3 GW", a number in MW or a range. Racks are then
        ``MW x 1000 / kw_per_rack``, each draw with its own density. ``racks="300 MW"`` with
        a density range (``kw_per_rack=(5, 8)``) is read as this (racks in MW need one
        density to be a number of racks; MW need none).
    kw_per_rack
        Rack density; 2.5 kW is the national "standard rack". With ``racks`` given it is
        no driver of the chain, but figure text per kW or in MW still converts through it.
    racks
        Racks, when known directly (instead of ``capex`` / ``capex_per_mw``): the installed
        stock, as MIIT's racks "in use" (在用机架, the bundled ``china_racks_in_use``).
    utilisation
        Share of the racks occupied, holding servers (上架率), a fraction.
    revenue_per_rack
        Revenue per occupied rack per year (yuan). Below 12,000 a year (1,200 a kW for
        ``revenue_per_kw``) a ScenarioWarning asks whether a monthly price was given as a
        number: write it as text, "9,486 yuan per rack per month".
    revenue_per_kw
        Instead of ``revenue_per_rack``: revenue per kW of occupied racks per year (yuan;
        "1,000 yuan per kW per month" reads), the usual price of wholesale capacity. Revenue
        is then racks occupied x ``kw_per_rack`` x ``revenue_per_kw``, so ``kw_per_rack`` is
        a driver (a range too) also when ``racks`` are given.
    year
        Year for converting money in another currency (FX); also a label. A year after the
        FX table's last converts at the table's last rate for the pair, with a
        ScenarioWarning (as thresholds and ``reconciliation_table`` do); so does
        :meth:`summary`'s ``revenue_unit``.
    sources
        ``{driver name: source text}``, kept as each driver's ``source`` (``racks`` names
        the ``mw`` driver when racks are given in MW). A name that is not a driver, or a
        driver not given, is a :class:`~idcforecast.errors.SpecError`.

    Each driver is a number, a figure string, a ``(low, high)`` tuple (uniform), a
    :class:`Driver`, or a dict ``{"dist": "triangular", "low": .., "mode": .., "high": ..,
    "source": ..}`` (a value the distribution does not use is refused: a mode without
    ``"dist": "triangular"``, a low/high with ``"fixed"``). Give ``sources={"capex": "..."}``
    to document fixed values and tuples.

    Raises
    ------
    SpecError
        Capacity is not given (``racks``, ``mw``, or ``capex`` with ``capex_per_mw``), a
        driver cannot be read (figure text that is no figure, a distribution with a value
        it does not use), revenue is asked without utilisation, or ``sources`` names a
        driver that is not one or not given.

    Examples
    --------
    Tencent's 500 billion yuan at RMB 20-50 m per MW and 2.5 kW racks:

    >>> model = DriverModel(capex="500 billion yuan", capex_per_mw=(20e6, 50e6))
    >>> print(model.ranges().to_string(index=False))
    quantity       low       high  unit
          mw   10000.0    25000.0    MW
       racks 4000000.0 10000000.0 racks
    """

    def __init__(
        self,
        *,
        capex: Any = None,
        capex_per_mw: Any = None,
        mw: Any = None,
        kw_per_rack: Any = 2.5,
        racks: Any = None,
        utilisation: Any = None,
        revenue_per_rack: Any = None,
        revenue_per_kw: Any = None,
        year: int | None = None,
        sources: Mapping[str, str] | None = None,
    ) -> None:
        year = _model_year(year)
        given = {
            "capex": capex,
            "capex_per_mw": capex_per_mw,
            "mw": mw,
            "kw_per_rack": kw_per_rack,
            "racks": racks,
            "utilisation": utilisation,
            "revenue_per_rack": revenue_per_rack,
            "revenue_per_kw": revenue_per_kw,
        }
        if revenue_per_rack is not None and revenue_per_kw is not None:
            raise SpecError(
                "DriverModel: give revenue_per_rack or revenue_per_kw, not both (found "
                f"revenue_per_rack={revenue_per_rack!r}, revenue_per_kw={revenue_per_kw!r}); "
                "they are one price, per rack or per kW",
                key="revenue_per_kw",
            )
        sources = dict(sources or {})
        # "300 MW" of racks with a density range: no number of racks without a density,
        # but well defined per draw (racks = MW x 1000 / that draw's density); it was
        # refused as "needs one rack density", though revenue per kW does not depend on it
        racks_in_mw = mw is None and _power_with_density_range(racks, kw_per_rack, year)
        if racks_in_mw:
            mw, racks = racks, None
            given.update(mw=mw, racks=None)
            if "racks" in sources:
                sources["mw"] = sources.pop("racks")
        capacity = [n for n, v in (("racks", racks), ("mw", mw), ("capex", capex)) if v is not None]
        if len(capacity) > 1:
            raise SpecError(
                f"DriverModel: give one of racks, mw or capex (with capex_per_mw) for the "
                f"capacity, not {' and '.join(capacity)} (found "
                + ", ".join(f"{n}={given[n]!r}" for n in capacity)
                + ")",
                key=capacity[0],
            )
        if not capacity or (capex is not None and capex_per_mw is None):
            raise SpecError(
                "DriverModel: capacity needs racks, mw, or capex together with capex_per_mw; "
                f"found capex={capex!r}, capex_per_mw={capex_per_mw!r}",
                key="capex" if capex is None else "capex_per_mw",
            )
        if capex is None and capex_per_mw is not None:  # it was dropped in silence
            shown = f"racks={racks!r}" if racks is not None else f"mw={mw!r}"
            what = "racks are" if racks is not None else "MW are"
            raise SpecError(
                f"DriverModel: capex_per_mw converts capex into MW, and {what} given "
                f"directly, so it would be ignored (found {shown}, "
                f"capex_per_mw={capex_per_mw!r}); drop capex_per_mw, or give capex (with "
                f"capex_per_mw) instead of {'racks' if racks is not None else 'mw'}",
                key="capex_per_mw",
            )
        if (revenue_per_rack is not None or revenue_per_kw is not None) and utilisation is None:
            price = "revenue_per_rack" if revenue_per_rack is not None else "revenue_per_kw"
            raise SpecError(
                f"DriverModel: revenue needs utilisation as well as {price}",
                key="utilisation",
            )
        unknown = set(sources) - set(given)
        if unknown:
            raise SpecError(
                f"DriverModel: sources has unknown driver {sorted(unknown)[0]!r}; expected "
                f"one of {', '.join(given)}",
                key=sorted(unknown)[0],
            )
        absent = [name for name in sources if given[name] is None]
        if absent:  # the source was dropped in silence, and with it the driver it documents
            present = ", ".join(name for name, spec in given.items() if spec is not None)
            raise SpecError(
                f"DriverModel: sources documents {absent[0]!r}, which is not given (the model "
                f"has {present}); give {absent[0]}= as well, or drop its source",
                key=absent[0],
            )
        self.year = year
        # per-kW or MW text converts through the model's own rack density, so it is read
        # first; NaN (no single density) makes a conversion that needs one fail clearly.
        # With racks given the chain needs no density, but text still converts through it
        # (kw_per_rack=6 was dropped and "1000 yuan per kW per month" refused as if no
        # single density had been given).
        density = math.nan
        made: dict[str, Driver] = {}
        for name in sorted(given, key=lambda n: n != "kw_per_rack"):
            spec = given[name]
            if spec is None:
                continue
            try:
                driver = _make_driver(name, spec, year=year, kw_per_rack=density)
            except SpecError as err:
                if name != "mw" or not racks_in_mw:
                    raise
                # the user wrote racks=: say how it became the mw driver the error names
                raise SpecError(
                    f"racks={spec!r} with a rack density range is capacity in MW, read as "
                    f"mw=: {err}",
                    **{key: getattr(err, key) for key in err.fields},
                ) from None
            if name == "kw_per_rack" and driver.dist == "fixed":
                density = float(driver.value)  # type: ignore[arg-type]
            if name == "kw_per_rack" and racks is not None and revenue_per_kw is None:
                continue  # not a driver of the chain: racks are given, revenue is per rack
            if name in sources:
                driver = replace(driver, source=sources[name])
            elif name == "kw_per_rack" and driver.dist == "fixed" and density == 2.5:
                # the default (or the same number): the national statistics' standard rack,
                # whose source the assumptions table left blank
                driver = replace(driver, source=STANDARD_RACK_SOURCE)
            if name == "mw" and racks_in_mw:
                driver = replace(
                    driver,
                    note=f"given as racks={spec!r}: capacity in MW, racks = MW x 1000 / "
                    "kw_per_rack (each draw's density)",
                )
            made[name] = driver
        self.drivers: dict[str, Driver] = {name: made[name] for name in given if name in made}

    @property
    def quantities(self) -> tuple[str, ...]:
        """Outputs the given drivers determine, in chain order."""
        out = ["racks"] if "racks" in self.drivers else ["mw", "racks"]
        if "utilisation" in self.drivers:
            out.append("racks_occupied")
        if "revenue_per_rack" in self.drivers or "revenue_per_kw" in self.drivers:
            out.append("revenue")
        return tuple(out)

    def _evaluate(self, v: Mapping[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if "racks" in v:
            out["racks"] = v["racks"]
        else:
            out["mw"] = v["mw"] if "mw" in v else v["capex"] / v["capex_per_mw"]
            out["racks"] = out["mw"] * 1000.0 / v["kw_per_rack"]
        if "utilisation" in v:
            out["racks_occupied"] = out["racks"] * v["utilisation"]
        if "revenue_per_rack" in v:
            out["revenue"] = out["racks_occupied"] * v["revenue_per_rack"]
        if "revenue_per_kw" in v:  # (with capex given, kw_per_rack cancels: MW x 1000 x ...)
            out["revenue"] = out["racks_occupied"] * v["kw_per_rack"] * v["revenue_per_kw"]
        return out

    def assumptions(self) -> pd.DataFrame:
        """Every driver: ``driver, distribution, low, mode, high, unit, source, note``."""
        import pandas as pd

        rows = []
        for d in self.drivers.values():
            lo, hi = d.bounds()
            rows.append(
                {
                    "driver": d.name,
                    "distribution": d.dist
                    + (" (low/high = p5/p95)" if d.dist in ("normal", "lognormal") else ""),
                    "low": lo,
                    "mode": d.value if d.dist in ("fixed", "triangular") else np.nan,
                    "high": hi,
                    "unit": d.unit,
                    "source": d.source,
                    "note": d.note,
                }
            )
        return pd.DataFrame(rows)

    def ranges(self) -> pd.DataFrame:
        """Exact low/high of each output by interval arithmetic over the driver ranges.

        Every output is monotone in every driver (products and quotients of positive
        numbers), so the extremes sit at the range ends: MW is lowest at the highest cost.
        For a normal or lognormal driver the ends are its p5 and p95 (those distributions
        have no bounds), so the outputs' ends are no bounds either: use :meth:`summary` for
        the outputs' own percentiles.
        """
        import pandas as pd

        low = {n: d.bounds()[0] for n, d in self.drivers.items()}
        high = {n: d.bounds()[1] for n, d in self.drivers.items()}
        # kw_per_rack divides MW into racks; with racks given it only multiplies a revenue
        # per kW (and with capex given it cancels from revenue, so either end serves there)
        divisors = ("capex_per_mw",) if "racks" in self.drivers else ("capex_per_mw", "kw_per_rack")
        lo_in = {n: (high[n] if n in divisors else low[n]) for n in self.drivers}
        hi_in = {n: (low[n] if n in divisors else high[n]) for n in self.drivers}
        lo_out, hi_out = self._evaluate(lo_in), self._evaluate(hi_in)
        return pd.DataFrame(
            {
                "quantity": list(self.quantities),
                "low": [float(lo_out[q]) for q in self.quantities],
                "high": [float(hi_out[q]) for q in self.quantities],
                "unit": [OUTPUT_UNITS[q] for q in self.quantities],
            }
        )

    def simulate(self, *, n_draws: int = 10_000, seed: int | None = 0) -> pd.DataFrame:
        """Monte Carlo draws of the outputs: one column per quantity, one row per draw.

        Each driver gets its own generator (``SeedSequence(seed).spawn``, in the fixed order
        of :data:`DRIVER_UNITS`), so adding a driver does not change the others' draws.
        ``seed`` defaults to 0, so the same model gives the same draws in every run (a
        report's numbers can be reproduced); ``seed=None`` draws fresh entropy, which is
        recorded nowhere.

        ``racks_occupied`` is also in column ``racks_in_use``, its former name (same values;
        that name reads as MIIT's installed racks "in use", which is ``racks``).
        """
        import pandas as pd

        from idcforecast.scenarios.montecarlo import _check_seed

        # np.int64 (a count from an array) is a whole number: it was refused as "must be a
        # positive integer; got np.int64(5000)", as simulate's n_paths takes it
        if isinstance(n_draws, bool) or not isinstance(n_draws, int | np.integer) or n_draws < 1:
            raise SpecError(f"n_draws must be a positive integer; got {n_draws!r}", key="n_draws")
        n_draws = int(n_draws)
        _check_seed(seed)  # -1 and 1.5 raised NumPy's bare ValueError / TypeError
        children = np.random.SeedSequence(seed).spawn(len(DRIVER_UNITS))
        draws = {
            name: self.drivers[name].sample(np.random.default_rng(child), n_draws)
            for name, child in zip(DRIVER_UNITS, children, strict=True)
            if name in self.drivers
        }
        out = self._evaluate(draws)
        columns = {q: np.asarray(out[q], dtype=np.float64) for q in self.quantities}
        for name, former in FORMER_NAMES.items():
            if name in columns:
                columns[former] = columns[name]
        return pd.DataFrame(columns)

    def summary(
        self,
        *,
        n_draws: int = 10_000,
        seed: int | None = 0,
        revenue_unit: str = "CNY 100m",
    ) -> pd.DataFrame:
        """Quantiles of each output: ``quantity, unit, mean, p5, p10, p50, p90, p95``.

        Revenue is reported in ``revenue_unit`` (default 亿元, "CNY 100m"). The draws are
        :meth:`simulate`'s, seed 0 by default: two calls print the same table.
        """
        import pandas as pd

        draws = self.simulate(n_draws=n_draws, seed=seed)
        rows = []
        for q in self.quantities:
            x = draws[q].to_numpy()
            unit = OUTPUT_UNITS[q]
            if q == "revenue":  # a year after the FX table's: its last rate, with a warning
                x = x * _revenue_factor(revenue_unit, self.year, float(np.median(x)))
                unit = revenue_unit
            p = np.percentile(x, [5, 10, 50, 90, 95])
            row = {"quantity": q, "unit": unit, "mean": float(x.mean())}
            row.update({f"p{k}": float(v) for k, v in zip((5, 10, 50, 90, 95), p, strict=True)})
            rows.append(row)
        return pd.DataFrame(rows)

    def __repr__(self) -> str:
        parts = ", ".join(f"{n}={d.dist}" for n, d in self.drivers.items())
        return f"DriverModel({parts})"


def _model_year(year: Any) -> int | None:
    """``year`` as an int (2024, 2024.0, "2024", np.int64(2024)) or None; anything else is
    a SpecError. "2030" and 2030.0 raised a bare TypeError from the constant-rate fallback
    for a year after the FX table's last."""
    if year is None:
        return None
    if isinstance(year, str) and year.strip().isdigit():
        return int(year.strip())
    if isinstance(year, numbers.Real) and not isinstance(year, bool) and float(year).is_integer():
        return int(float(year))
    raise SpecError(
        f"DriverModel: year must be a whole year such as 2024 (the year whose FX rate "
        f"converts the model's money in other currencies), or None; got {year!r}",
        key="year",
        year=repr(year),
    )


def _power_with_density_range(racks: Any, kw_per_rack: Any, year: int | None) -> bool:
    """Whether ``racks`` is figure text in power ("300 MW") and ``kw_per_rack`` no single
    number (a range, a distribution), so the racks are MW to divide by each draw's
    density."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity
    from idcforecast.units.registry import parse_unit

    if not isinstance(racks, str):
        return False
    try:
        if parse_unit(parse_quantity(racks).unit).dimension != "power":
            return False
        density = _make_driver("kw_per_rack", kw_per_rack, year=year, kw_per_rack=math.nan)
    except IdcForecastError:
        return False  # the driver's own reading says what is wrong
    return density.dist != "fixed"


def _money_factor(
    unit: str, year: int | None, *, caller: str = "DriverModel.summary: revenue_unit"
) -> float:
    """Yuan per ``unit`` at ``year``'s FX rate; ``caller`` names the argument in errors."""
    from idcforecast.errors import MissingFxRateError, UnitError
    from idcforecast.units import convert

    try:
        return float(convert(1.0, unit, from_unit="CNY", year=year))
    except UnitError as err:
        if isinstance(err, MissingFxRateError):  # (a covered year was never the fix)
            fix = (
                "; give the model a year for the FX rate (DriverModel(..., year=2024))"
                if year is None
                else ""  # the error names the years the FX table covers
            )
        else:
            fix = "; pass a money unit such as 'CNY 100m' or 'USD bn'"
        raise SpecError(
            f"{caller} {unit!r} cannot express revenue (CNY): {err}{fix}",
            key="revenue_unit",
        ) from err


def _revenue_factor(
    unit: str,
    year: int | None,
    median: float,
    *,
    caller: str = "DriverModel.summary: revenue_unit",
    where: str = "DriverModel.summary: the revenue (median)",
    instead: str = "pass revenue_unit in yuan ('CNY 100m')",
) -> float:
    """Units of ``unit`` per yuan at ``year``'s FX rate; for a year after the FX table's
    last, at its last year's rate with a ScenarioWarning naming ``where`` (the rule driver
    figures, thresholds and top-down figures follow: ``_constant_fx``); other errors as
    :func:`_money_factor` gives them. ``median`` (yuan) is the level the warning shows."""
    from idcforecast._caller import caller_stacklevel
    from idcforecast.errors import UnitError
    from idcforecast.scenarios._constant_fx import at_constant_rate
    from idcforecast.units import convert

    if year is None or not median:
        return _money_factor(unit, year, caller=caller)

    def median_at(rate_year: int) -> float:
        return float(convert(median, unit, from_unit="CNY", year=rate_year))

    try:
        converted = at_constant_rate(
            median_at,
            year,
            anchor=None,
            where=where,
            unit=unit,
            instead=instead,
            stacklevel=caller_stacklevel(),
        )
    except UnitError:
        return _money_factor(unit, year, caller=caller)  # its error
    return converted / median


def driver_assumptions() -> pd.DataFrame:
    """The bundled table of sourced driver ranges (``data/scenarios/driver_assumptions.csv``).

    Columns ``driver, low, mode, high, unit, applies_to, derivation, source, confidence``;
    a single figure sits in ``mode``. These are ranges to state as assumptions, not facts
    about one market: pick the row that matches the scope you model.

    Examples
    --------
    >>> table = driver_assumptions()
    >>> table[table["driver"] == "kw_per_rack"]["mode"].dropna().tolist()
    [2.5]
    """
    import pandas as pd

    from idcforecast._paths import data_dir

    return pd.read_csv(data_dir() / "scenarios" / "driver_assumptions.csv")
