"""Exceptions raised by idcforecast.

Every exception derives from :class:`IdcForecastError`, so ``except IdcForecastError``
catches anything the package raises on purpose. Concrete classes also inherit the matching
builtin, so code that already catches ``ValueError`` or ``KeyError`` keeps working.

::

    IdcForecastError(Exception)
    ├── ParseError(ValueError)                  text that is not a figure
    ├── UnitError(ValueError)
    │   ├── UnknownUnitError(KeyError)          a unit or currency the registry lacks
    │   ├── IncompatibleUnitsError              no conversion path (money -> MW)
    │   └── MissingFxRateError(KeyError)        no FX rate for that pair and year
    ├── DataError(ValueError)                   a table or series that is not usable
    │   ├── EmptyDataError                      nothing to read
    │   ├── DuplicateYearError                  one series, one year, two values
    │   ├── MixedUnitsError                     units in one series that do not convert
    │   ├── NonNumericValueError                a cell that is not a number or a figure
    │   ├── InsufficientDataError               too few points for the requested model
    │   └── NoBacktestWindowError               no cutoff leaves a method's points and the horizon
    ├── UnknownNameError(KeyError)
    │   ├── UnknownDatasetError                 list_datasets() names the valid ones
    │   ├── UnknownSeriesError                  a series id not in the data
    │   ├── UnknownMethodError                  a model alias that does not exist
    │   └── UnknownSubjectError                 a claim about a subject with no history
    ├── ModelError(ValueError)
    │   ├── NotFittedError(AttributeError)      predict/simulate before fit
    │   ├── ConvergenceError                    an optimiser that did not converge
    │   └── HorizonError(DataError)             a horizon that is no count of years ahead
    ├── GrowthError(ValueError)                 impossible compound-growth arithmetic
    ├── SpecError(ValueError)                   a scenario or claims spec with a bad key/value
    ├── EngineError(RuntimeError)               an unknown batch engine, or one that cannot run
    ├── MissingDependencyError(ImportError)     an optional extra that is not installed
    └── ReportError(OSError)                    an output that cannot be written

    IdcForecastWarning(UserWarning)             a result with something to check (a note)
    ├── AmbiguousNumberWarning                  numbers that may use '.' for thousands
    │   └── MagnitudeJumpWarning                a year ~1,000x the years beside it (a slip?)
    ├── BacktestWarning                         series left out of a backtest (no window fits)
    ├── EngineWarning                           a batch waiting for Dask workers that are not there
    ├── FootnoteWarning                         rows below a table skipped as its footnotes
    ├── FormulaCellsWarning                     Excel values computed by formulas, not typed in
    ├── HiddenCellsWarning                      rows or columns Excel hides, read as data
    ├── IgnoredColumnWarning                    columns of a table that are not read
    ├── ReconcileWarning                        series left out of or negative in reconcile
    ├── ScenarioWarning                         a scenario, threshold or driver to check
    ├── TotalRowWarning                         a table's "Total" line read as a series
    ├── UncheckedClaimsWarning                  claims left out: a period whose start is unknown
    ├── UnitLineWarning                         rows read without the unit a line states
    └── UnreadSheetsWarning                     a workbook's other tabs with data, not read

Every exception keeps its structured fields as attributes (``err.fields`` lists them), has
a message that names the thing, the place, what was expected and what was found, and
survives pickling (it crosses process and Dask boundaries).
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AmbiguousNumberWarning",
    "AssumedCurrencyWarning",
    "BacktestWarning",
    "ConvergenceError",
    "DataError",
    "DuplicateYearError",
    "EmptyDataError",
    "EngineError",
    "EngineWarning",
    "FootnoteWarning",
    "FormulaCellsWarning",
    "GrowthError",
    "HiddenCellsWarning",
    "HorizonError",
    "IdcForecastError",
    "IdcForecastWarning",
    "IgnoredColumnWarning",
    "IncompatibleUnitsError",
    "InsufficientDataError",
    "MagnitudeJumpWarning",
    "MissingDependencyError",
    "MissingFxRateError",
    "MixedUnitsError",
    "ModelError",
    "NoBacktestWindowError",
    "NonNumericValueError",
    "NotFittedError",
    "ParseError",
    "ReconcileWarning",
    "ReportError",
    "ScenarioWarning",
    "SpecError",
    "TotalRowWarning",
    "UncheckedClaimsWarning",
    "UnitError",
    "UnitLineWarning",
    "UnknownDatasetError",
    "UnknownMethodError",
    "UnknownNameError",
    "UnknownSeriesError",
    "UnknownSubjectError",
    "UnknownUnitError",
    "UnreadSheetsWarning",
]


def _rebuild(cls: type[IdcForecastError], message: str, fields: dict[str, Any]) -> Any:
    return cls(message, **fields)


class IdcForecastError(Exception):
    """Base class of every error idcforecast raises on purpose.

    Parameters
    ----------
    message
        The full, human-readable message (what, where, expected, found, fix).
    **fields
        Structured context (``series_id``, ``row``, ``value``, ``unit``...), stored as
        attributes so callers can act on them without parsing the message.

    Examples
    --------
    >>> err = IdcForecastError("bad thing in row 3", row=3)
    >>> err.row, str(err)
    (3, 'bad thing in row 3')
    """

    def __init__(self, message: str, **fields: Any) -> None:
        super().__init__(message)
        self.message = message
        self.fields = tuple(sorted(fields))
        for key, value in fields.items():
            setattr(self, key, value)

    def __str__(self) -> str:
        # KeyError.__str__ would repr-quote the message; keep it readable for every class.
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        fields = {key: getattr(self, key) for key in self.fields}
        return (_rebuild, (type(self), self.message, fields))


class ParseError(IdcForecastError, ValueError):
    """Text that cannot be read as a figure (number, magnitude, unit, qualifier)."""


class UnitError(IdcForecastError, ValueError):
    """A problem with units or currencies."""


class UnknownUnitError(UnitError, KeyError):
    """A unit, magnitude or currency that the registry does not define."""


class IncompatibleUnitsError(UnitError):
    """Two units with no conversion path between them (money and power, say)."""


class MissingFxRateError(UnitError, KeyError):
    """The FX table has no rate for a currency pair in a year (or no year was given)."""


class DataError(IdcForecastError, ValueError):
    """A table or series that cannot be used as given."""


class EmptyDataError(DataError):
    """A file, frame or series with nothing in it."""


class DuplicateYearError(DataError):
    """One series with two values for the same year."""


class MixedUnitsError(DataError):
    """Units within one series that cannot be converted to a common unit."""


class NonNumericValueError(DataError):
    """A cell that is neither a number nor a parseable figure."""


class InsufficientDataError(DataError):
    """Fewer observations than a model or calculation needs."""


class NoBacktestWindowError(DataError):
    """No series has a backtest cutoff with ``horizon`` observed years after the method's
    minimum number of points (:func:`idcforecast.backtest`). Fields: ``horizon``, the
    years ahead asked for, ``longest_horizon``, the longest some series and method could
    be backtested at (None when not even one year ahead fits), and ``detail``, why in the
    message's words ("(series 's' has 5 observed years, ...)", "" when there is nothing to
    add), so a caller can act, or word the error its own way, without reading the message.
    When windows fit but every year they forecast is a gap (never scored), it also has
    ``reach_horizon``, the shortest horizon that reaches an observed year; when none fits,
    ``horizons``, every shorter horizon that scores a window (a gappy series' one year
    ahead may be a gap below its longest, so not all up to ``longest_horizon`` do).

    Examples
    --------
    >>> err = NoBacktestWindowError("no backtest window fits ...", horizon=3, longest_horizon=1)
    >>> isinstance(err, DataError), err.horizon, err.longest_horizon
    (True, 3, 1)
    """

    horizon: int
    longest_horizon: int | None
    detail: str


class UnknownNameError(IdcForecastError, KeyError):
    """A name (dataset, series, model alias, subject) that does not exist."""


class UnknownDatasetError(UnknownNameError):
    """A bundled dataset name that :func:`idcforecast.list_datasets` does not list."""


class UnknownSeriesError(UnknownNameError):
    """A series id that is not in the data."""


class UnknownMethodError(UnknownNameError):
    """A model alias or method name that is not registered."""


class UnknownSubjectError(UnknownNameError):
    """A claim whose subject has no matching history."""


class ModelError(IdcForecastError, ValueError):
    """A model that cannot be fitted or used as asked."""


class NotFittedError(ModelError, AttributeError):
    """``predict`` or ``simulate`` called before ``fit``."""


class ConvergenceError(ModelError):
    """An optimiser that did not converge."""


class HorizonError(ModelError, DataError):
    """A horizon that is not a positive whole number of years ahead, or that reads as a
    year (2030 given for 7 years ahead). Raised alike by :func:`idcforecast.forecast`,
    :func:`idcforecast.forecast_many`, :func:`idcforecast.backtest` and
    :func:`idcforecast.compare_methods`; it is both a :class:`ModelError` and a
    :class:`DataError` (backtest() raised a DataError for it, the others a ModelError),
    so code catching either keeps working.

    Examples
    --------
    >>> issubclass(HorizonError, ModelError) and issubclass(HorizonError, DataError)
    True
    """


class GrowthError(IdcForecastError, ValueError):
    """Compound-growth arithmetic asked of impossible inputs (negative levels, rate <= -100%)."""


class SpecError(IdcForecastError, ValueError):
    """A scenario, claims or report specification with a bad key or value."""


class EngineError(IdcForecastError, RuntimeError):
    """An unknown batch engine, or one that cannot run as configured (bad n_jobs, no Dask
    client, dead worker)."""


class MissingDependencyError(IdcForecastError, ImportError):
    """An optional dependency (extra) that is not installed; the message names the pip command."""


class ReportError(IdcForecastError, OSError):
    """An output (report, table, chart) that cannot be written."""


class IdcForecastWarning(UserWarning):
    """Base of idcforecast's warnings: a result was produced, with something to check that
    the message names (the command line prints them as ``note:`` lines).

    Filter them all with ``warnings.simplefilter("ignore", IdcForecastWarning)``.
    """


class FootnoteWarning(IdcForecastWarning):
    """Rows below a table ("Note: 2020 not published.", "Source: ...") that were skipped as
    its footnotes; the message names each row. Not an error: the rows hold no value. Also
    the values read without the footnote marker written after them ("320①" as 320).

    Filter it like any warning: ``warnings.simplefilter("ignore", FootnoteWarning)``.
    """


class FormulaCellsWarning(IdcForecastWarning):
    """Values of an Excel sheet computed by formulas (``=C5*1.15``, ``=SUM(B2:B4)``), read
    as the results Excel stored: a projection or a total that the sheet shows beside the
    published figures. The message names each cell and formula; :func:`read_series` marks
    them ``derived`` with the formula in their ``note``. A formula that only links another
    cell (``=Sheet2!B5``) is noted, not warned about.
    """


class ReconcileWarning(IdcForecastWarning):
    """A reconciliation result to check: series of the forecasts outside the hierarchy
    (left out of the result), years of history left out of top_down's proportions (a node
    has no value there), history where the bottom series miss the root by more than 5% (the
    proportions are rescaled to sum to 1), or a level the regression methods brought below zero from
    positive base forecasts; the message names them and what to do.

    Filter it like any warning: ``warnings.simplefilter("ignore", ReconcileWarning)``.
    """


class IgnoredColumnWarning(IdcForecastWarning):
    """Columns of a long table (``series_id, year, value``) that :func:`read_series` does
    not read: not a provenance column (``unit``, ``source``, ``note``...) under any name it
    knows; and the number columns beside a wide table's series names that are no year (a
    "CAGR 2019-21", a "2025年（目标）"). The message names them and how to have them read.

    Filter it like any warning: ``warnings.simplefilter("ignore", IgnoredColumnWarning)``.
    """


class ScenarioWarning(IdcForecastWarning):
    """Something in a scenario run to check: a scenario whose every adjustment lies after
    the years simulated (in that run it is the base case: a spec written to 2035 may be run
    to 2027), growth years of the history left out, a threshold read at the last observed
    year's FX rate or as a fraction of a share, a driver price that looks monthly; the
    message names it.
    """


class HiddenCellsWarning(IdcForecastWarning):
    """Rows or columns of an Excel table that the sheet hides (by hand, or rows a filter
    leaves out), read as data like the rows shown; the message names them by Excel's row
    numbers and the columns' headers. The data are not changed.
    """


class AmbiguousNumberWarning(IdcForecastWarning):
    """Numbers read with ``.`` as the decimal mark that look like ``.``-grouped thousands
    ("1.562" in every cell of a ``;``-separated file, as continental exports write 1562);
    the message says how to read them the other way (``decimal=","``). Also a claimed rate
    written as a plain number below 1 beside larger rates (0.35 read as 0.35%, which may be
    a fraction meant as 35%). Also Excel numbers whose format shows them in thousands or
    millions (``#,##0,``), read as stored. Also amounts of money ``find_figures`` left out
    because a magnitude word it does not read follows them ("€5 bilionů": never 5 EUR).
    Also a rate in a user's FX file 10 times or more outside every bundled year's rate of
    its pair ("2026,16.5,IDR/USD": thousands of rupiah per dollar?), used as written.
    """


class MagnitudeJumpWarning(AmbiguousNumberWarning):
    """Values of a series 300 times or more (or 1/300 or less) the published year beside
    them ("$1,300" under a "USD bn" heading beside 1.2 and 1.4): more than a market grows in
    a year, and what a magnitude slip (thousands for millions, 万 for 亿) gives. The message
    names the series, year, value and cell; the values are read as written.
    """


class AssumedCurrencyWarning(IdcForecastWarning):
    """Figures whose currency sign names two currencies and whose text does not tell which:
    a bare "¥" (yuan or yen) in a text that names neither China nor Japan, read as yuan
    (CNY), the registry's reading. The message names the figures and how to read them as
    yen. Also Chinese amounts in 万 or 亿 without 元 that a money word governs ("投资约300亿",
    "营收达1200亿"), read as yuan by ``find_figures``, as Chinese news means them. Also a
    table file's bare "¥" ("(¥bn)", "¥1,562") read as yuan by the readers when the file
    names neither China nor Japan (one naming Japan is a ``UnitError``).
    """


class TotalRowWarning(IdcForecastWarning):
    """A series named like a table's total line ("Total", "合计", "总计"; "China / Total"),
    read as a series of its own beside the rows it sums; the message says whether it is
    their sum, year by year, and what to do. The data are not changed.
    """


class UncheckedClaimsWarning(IdcForecastWarning):
    """Rows of a claims file or frame left out of the checks because nothing in them can be
    checked: a period whose start is unknown, "?-2030" (``find_figures`` gives it to "rise
    160% by 2030", "invest 300 billion yuan through 2025", "到2027年每年投资500亿元"): a
    rate over it has no first year to compound from, and a total over it is no year's
    level. The message names each row and the period to give when the source names the
    first year ("2024-2030"). The other rows are read and checked.

    Attributes
    ----------
    rows : tuple of str
        Each row left out, as the message names it: its place, figure and why.
    """

    rows: tuple[str, ...] = ()


class UnitLineWarning(IdcForecastWarning):
    """Rows read without a unit (``read_long_table`` without ``unit=``) from a file that
    states one on a line above the header ("Unit: 亿元", "单位：亿元") or in a footnote
    ("Note: figures in US$ m"): the rows, and a forecast of them, are left without a unit.
    The message names the line and the ``unit=`` that reads them in it.
    """


class UnreadSheetsWarning(IdcForecastWarning):
    """A workbook read by sheet position (the default, its first tab) whose other tabs
    shown hold data too: only one sheet is read, and the others' figures (another region,
    the forecast years, a second unit) are not. The message names them and the
    ``sheet_name=`` (``--sheet``) that reads one; naming the sheet read silences it.
    """


class BacktestWarning(IdcForecastWarning):
    """Series (and methods) a backtest leaves out because no window fits them (too few
    years after the method's minimum for the horizon), or windows whose fit failed. The
    message names them.
    """


class EngineWarning(IdcForecastWarning):
    """A batch's engine to check while it runs: ``forecast_many(engine="dask")`` on a
    cluster without workers waits for them (an adaptive cluster starts them on demand;
    a scheduler whose workers never connected waits for ever); the message names the
    scheduler and how to start workers.
    """
