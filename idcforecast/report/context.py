"""What a report is made from: the computed results and their provenance.

:func:`idcforecast.report.build.build_report` fills a :class:`ReportContext`; each section
(:mod:`idcforecast.report.sections`) reads from it and writes into the document. A
notebook can build one by hand to render sections from its own results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report._numbers import LevelFormat

__all__ = ["CalibrationEvidence", "Provenance", "ReportContext", "ScenarioResults"]

# How canonical money units read in Chinese sources (shown beside the English label).
CHINESE_UNITS: dict[str, str] = {
    "CNY 10k": "万元",
    "CNY 100m": "亿元",
    "CNY tn": "万亿元",
}


@dataclass(frozen=True)
class Provenance:
    """Where the numbers came from and how to make the same report again."""

    package_version: str
    data_label: str
    data_sha256: str
    seed: int
    report_date: str
    command: str
    reproduce: str
    method: str
    horizon_to: int
    # the user's FX files (--fx-rates / use_fx_rates) with the sha256 of what was read
    fx_files: tuple[tuple[str, str], ...] = ()
    # the scenario spec (--scenarios) as named and the sha256 of its file; () without one
    scenario_spec: tuple[str, str] | tuple[()] = ()
    # the user's claims (--claims FILE / claims=): what they were and their sha256 ("" for
    # claims given from Python, which have no file)
    claims: tuple[str, str] | None = None


@dataclass(frozen=True)
class CalibrationEvidence:
    """What the interval calibration of the report's forecast could measure on the series.

    Attributes
    ----------
    points
        Years the forecast was fitted on (filled gap years included).
    min_train
        Fewest years a refit at an earlier cutoff may use (the method's minimum, at least
        ``CalibrationSettings.min_train``).
    cutoff_years
        The last year of data of each earlier refit that was scored, latest first; empty
        when the series is too short for any (the prior alone sets the width).
    steps
        The most years ahead those refits measured (0 without a cutoff).
    bound_years
        The years a refit would have been scored on whose figure was published as a bound
        ("more than 300"): never scored, as ``forecast`` leaves them out of the calibration.
    """

    points: int
    min_train: int
    cutoff_years: tuple[int, ...] = ()
    steps: int = 0
    bound_years: tuple[int, ...] = ()

    @property
    def cutoffs(self) -> int:
        """How many earlier cutoffs were scored."""
        return len(self.cutoff_years)


@dataclass(frozen=True)
class ScenarioResults:
    """Scenario results for the report: the spec's description and a quantile table."""

    description: str
    source: str
    table: pd.DataFrame
    n_paths: int
    scenarios: tuple[tuple[str, str, float | None], ...] = ()  # (name, description, weight)
    # per scenario, what a PDF without a CJK font prints for a description in Chinese
    # ("described in Chinese; growth +5% a year in 2024-2026"); "" for one in English
    # (a figure in a Chinese unit, "near 2万亿元", is said in English)
    in_english: tuple[str, ...] = ()
    # P(value in the final year > threshold): one row per scenario (+ "weighted"), one
    # column per threshold, in the series' unit
    probabilities: pd.DataFrame | None = None
    # the scenarios that keep the forecast as is (no growth change, shock or cap): their
    # medians are the forecast's central values up to the paths' sampling
    unadjusted: tuple[str, ...] = ()
    # how the series was rescaled to the spec's unit for the simulation ("" when it is in it)
    unit_note: str = ""
    # the probability levels left out, and why (a share's 150%: no path passes 100%)
    threshold_note: str = ""


@dataclass(frozen=True)
class ReportContext:
    """Everything the sections draw on. Frames hold one series (and one model)."""

    title: str
    series_id: str
    unit: str
    history: pd.DataFrame
    forecast: pd.DataFrame
    provenance: Provenance
    backtest: pd.DataFrame | None = None
    accuracy: pd.DataFrame | None = None
    backtest_note: str = ""
    claims: pd.DataFrame | None = None
    track_record: pd.DataFrame | None = None
    scenarios: ScenarioResults | None = None
    assumptions: tuple[str, ...] = field(default_factory=tuple)
    # The series under other assumptions: :func:`idcforecast.comparison.compare_methods`
    # at level 80, one row per method, the report's own first.
    alternatives: pd.DataFrame | None = None
    # What the intervals' rolling-origin calibration measured (None: not known, e.g. a
    # context built by hand; the methodology then describes the calibration in general)
    calibration: CalibrationEvidence | None = None
    # The unit the series was read in, when the report shows it in another ("USD" shown in
    # "USD bn": report._display_unit); "" when the same. A reader's conversion note gives
    # its factor into this unit, so the FX rate behind it is worked out against it.
    read_unit: str = ""
    # the user's claims left out of the checks (UncheckedClaimsWarning's rows: "?-2030"),
    # each as the warning names it; the Claims section says how many and why
    claims_left_out: tuple[str, ...] = ()

    @property
    def model(self) -> str:
        """The alias of the forecast model."""
        return str(self.forecast["model"].iloc[0])

    @property
    def last_year(self) -> int:
        return int(self.history["year"].iloc[-1])

    @property
    def last_value(self) -> float:
        return float(self.history["value"].iloc[-1])

    @property
    def figures(self) -> LevelFormat:
        """How the report prints levels, chosen once from the history and the forecast's
        central values, so every table column, card and chart label of a series agrees
        ("5,078.3" for CNY 100 million; "0.352" for a USD bn series of 0.31-0.69; "655"
        for one published in whole USD million; central values all below 1 to three
        significant digits at least, "0.637" TWh for a series published as 0.1-0.4).
        Actuals are printed with :attr:`actual_figures`."""
        from idcforecast.report._numbers import whole_counts

        figures = self.actual_figures
        if whole_counts(self.history["value"], self.unit) or (self.history["value"] < 0).any():
            return figures  # counts; a series crossing zero
        # central values all below 1 keep three significant digits: a series published
        # with one decimal (0.1-0.4 TWh) printed its 2028 forecast "0.6" and its 80%
        # interval "0.4-1.1", figures to one digit, beside scenario medians of "0.638"
        return figures.keeping_digits(self.forecast["mean"])

    @property
    def actual_figures(self) -> LevelFormat:
        """How the report prints actuals: as :attr:`figures`, but without the digits added
        for central values below 1, so a figure keeps the decimals it was published with
        ("0.4" TWh, which printed "0.400" beside forecasts of "0.637")."""
        from idcforecast.report._numbers import LevelFormat, published_values, whole_counts

        return LevelFormat.for_values(
            [*self.history["value"], *self.forecast["mean"]],
            whole=whole_counts(self.history["value"], self.unit),
            # the decimals the series was published with: "3.0 percent", "655 USD million"
            published=published_values(self.history),
            unit=self.unit,
        )

    @property
    def plain_count(self) -> bool:
        """Whether the series is a plain count (unit "count": data centers), which prose
        gives as bare numbers ("1,136 in 2024", not "1,136 count")."""
        return self.unit.strip() == "count"

    def in_unit_text(self) -> str:
        """The unit as the cover says it: 'in CNY 100 million (亿元)', 'a plain count
        (no unit)'."""
        return "a plain count (no unit)" if self.plain_count else f"in {self.heading_text()}"

    def heading_text(self) -> str:
        """The unit for "in ..." phrases and headings: :meth:`unit_text`, but a plain count in
        a magnitude in the plural ("in millions"; a figure is "6.93 million")."""
        from idcforecast.report.style import unit_heading, unit_label

        heading = unit_heading(self.unit)
        return heading if heading != unit_label(self.unit) else self.unit_text()

    def unit_text(self) -> str:
        """The unit for prose: 'CNY 100 million (亿元)'."""
        from idcforecast.report.style import unit_label

        label = unit_label(self.unit)
        chinese = CHINESE_UNITS.get(self.unit)
        return f"{label} ({chinese})" if chinese else label
