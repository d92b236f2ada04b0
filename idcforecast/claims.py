"""Claims: what a publication says about a subject's level or growth, and where to read them.

A :class:`Claim` is one checkable statement — a level in a year, a year-on-year growth rate,
or a compound annual growth rate over a period — with its qualifier and provenance. Its
fields follow the ``published_forecasts`` dataset schema (docs/internals.md, "Claims"), so a
claim set can come from a list of Claims, a frame in that schema, or a CSV or TOML file
(:func:`read_claims`; its file, frame and TOML readers and the coercion of their cells are
in :mod:`idcforecast._claim_files`). The checks themselves are in
:mod:`idcforecast.claim_checks` and :mod:`idcforecast.claim_track_record`.

Unlike :mod:`idcforecast.growth` (rates as fractions), a claim stores a rate the way it is
published: a percent number with unit ``"%"`` (``value=27.8`` is 27.8%); :attr:`Claim.rate`
gives the fraction.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from idcforecast._claim_dates import iso_made
from idcforecast._claim_periods import parse_period
from idcforecast._wording import qualifier_sign
from idcforecast.errors import DataError, SpecError

__all__ = ["KINDS", "QUALIFIERS", "Claim", "parse_period", "read_claims"]

KINDS = ("level", "growth", "cagr")
QUALIFIERS = ("exact", "at_least", "at_most", "approximately")

_MADE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(frozen=True, kw_only=True)
class Claim:
    """One checkable statement about a subject (a series id).

    Parameters
    ----------
    subject
        The series the claim is about, e.g. ``"china_idc_cidc_overall"``.
    kind
        ``"level"`` (``value`` in ``unit`` at ``year``), ``"growth"`` (year-on-year percent
        from ``year - 1`` to ``year``) or ``"cagr"`` (compound annual percent from
        ``start_year`` to ``year`` as written).
    value
        The figure: a level in ``unit``, or a rate in percent (27.8 = 27.8%). For a range,
        its midpoint (it may be left out).
    low, high
        A figure published as a range ("25-30%", "3,000-3,400亿元"): its ends, in the
        unit of ``value``; ``low < high``, both or neither. The checks treat the range as
        the interval of figures it allows, never as its midpoint. A range is ``"exact"`` or
        ``"approximately"``, never a bound.
    year
        The level's year, or the last year of the growth period.
    unit
        Required for a level (``"%"`` for a share: "4.4% of US electricity in 2023",
        checked against a share series; its growth is never compounded); ``"%"`` (the
        default) for rates. Stored in its canonical
        spelling, as a claims file's is ("亿元" -> ``"CNY 100m"``, "percent" -> ``"%"``);
        an unknown unit is a :class:`~idcforecast.errors.SpecError`.
    start_year
        First year of a CAGR period as written; for growth it is ``year - 1``.
    qualifier
        ``"exact"``, ``"at_least"``, ``"at_most"`` or ``"approximately"``.
    alternate
        The source's own figure in a second currency, beside ``value`` ("1,293.5亿元" when
        the text was "US$17.8 bn (1,293.5亿元)"), as figure text with its unit (level
        claims only; a range for a range). The checks take it against a series in its
        currency instead of converting ``value`` at the year's average FX rate (unless the
        two are more than 10% apart at that rate: a slipped magnitude). In a claims file,
        an optional ``alternate`` column; :func:`read_claims` fills it from value text that
        gives two currencies (files written before this field, with the figure in
        ``note`` as "alternate figure in the text: ... (the source's own: ...)", are read
        the same way).
    currency
        The currency a growth or CAGR claim was measured in ("CNY"; a name or code:
        "RMB", "人民币"), when the source says ("27.8% in RMB terms", "按人民币计"; a claims
        file's ``currency`` column, or those words in the value or quote). The checks then
        compute rates in it, a history in another currency converted at each year's FX
        rate (without it, a rate is measured in the series' currency: FX moves included).
        Blank when unknown; a level's currency is its unit's (a currency given for a level
        claim, such as a TOML file's default for its rates, is not used: blank).
    claim_set, claim_id, made, by, source, quote, confidence, note
        Provenance: claims of one ``claim_set`` were published together and are checked
        together; ``made`` is an ISO date, possibly partial ("2020-07").

    Examples
    --------
    >>> c = Claim(subject="china_idc_cidc_overall", kind="cagr", value=27.8,
    ...           start_year=2020, year=2022, claim_set="global_times_2020_07_07")
    >>> c.rate, c.describe()
    (0.278, 'CAGR 27.8% 2020-2022')
    >>> Claim(subject="china_idc_cidc_overall", kind="cagr", low=25, high=30,
    ...       start_year=2020, year=2022).describe()
    'CAGR 25-30% 2020-2022'
    """

    subject: str
    kind: str
    value: float = math.nan
    low: float | None = None
    high: float | None = None
    year: int
    unit: str | None = None
    start_year: int | None = None
    qualifier: str = "exact"
    claim_set: str = ""
    claim_id: str = ""
    made: str = ""
    by: str = ""
    source: str = ""
    quote: str = ""
    confidence: str = ""
    note: str = ""
    alternate: str = ""
    currency: str = ""

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        where = f"claim {self.claim_id or self.subject!r}"
        if self.kind not in KINDS:
            raise SpecError(
                f"{where}: kind {self.kind!r} is not one of {', '.join(KINDS)}; a claim states "
                "a level, a year-on-year growth or a CAGR",
                key="kind",
                value=self.kind,
            )
        if self.qualifier not in QUALIFIERS:
            read = qualifier_from_words(self.qualifier)
            if read is None:
                raise SpecError(
                    f"{where}: qualifier {self.qualifier!r} is not one of "
                    f"{', '.join(QUALIFIERS)} (or words for one, as a figure's text gives "
                    "them: 'more than', '>', '超过', 'less than', '不到', 'about', '约')",
                    key="qualifier",
                    value=self.qualifier,
                )
            object.__setattr__(self, "qualifier", read)
        try:
            value = float(self.value)
            float(self.year)
        except (TypeError, ValueError) as err:
            hint = ""
            if isinstance(self.value, list | tuple) and len(self.value) == 2:
                # value = [25, 30] in a TOML file: a range is its two ends
                low, high = self.value
                hint = (
                    f"; a range is given by its ends: low={low!r}, high={high!r} (in a file, "
                    f"low and high columns or keys, or value text such as '{low}-{high}"
                    f"{'' if self.kind == 'level' else '%'}')"
                )
            elif isinstance(self.value, str) or isinstance(self.year, str):
                # Claim(value="27.8%") said only "must be numbers": read_claims reads text
                hint = (
                    "; a Claim takes numbers (value=27.8 for 27.8%, value=3200 with "
                    "unit='CNY 100m'), and read_claims reads figure text as a claims file "
                    "does: read_claims({'subject': ..., 'kind': ..., 'year': ..., 'value': "
                    "'27.8%'}) (a 'period' such as '2020-22' for a CAGR)"
                )
            raise SpecError(
                f"{where}: value and year must be numbers, found value={self.value!r}, "
                f"year={self.year!r}{hint}",
                key="value",
            ) from err
        year = _whole_year(self.year, key="year", where=where)
        if self.low is not None or self.high is not None:
            value = self._check_range(where, value)
        if not math.isfinite(value):
            raise SpecError(f"{where}: value must be finite, found {value!r}", key="value")
        set_(self, "value", value)
        set_(self, "year", year)
        made = str(self.made).strip()
        if made and not _MADE.match(made):  # "2020/7/7", "July 7, 2020": as a file's cell
            made = iso_made(made)
        if re.match(r"^\d{4}\.0$", made):  # a year from a float column (blanks made it float)
            made = made[:4]
        if re.match(r"^\d{4}-\d{2}-\d{2}[ T]00:00:00$", made):  # an Excel date cell
            made = made[:10]
        if made and _MADE.match(made) and not _real_date(made):  # "2020-13" passed
            raise SpecError(
                f"{where}: made {self.made!r} is no calendar date; write the date the claim "
                "was published as YYYY, YYYY-MM or YYYY-MM-DD (e.g. '2020-07-07')",
                key="made",
                value=self.made,
            )
        if made and not _MADE.match(made):  # "July 2020" left the horizon silently unknown
            raise SpecError(
                f"{where}: made {self.made!r} is not an ISO date; write the date the claim was "
                "published as YYYY, YYYY-MM or YYYY-MM-DD (e.g. '2020-07-07')",
                key="made",
                value=self.made,
            )
        if made and _first_day(made) > _today():  # "2030" for "2020"
            raise SpecError(
                f"{where}: made {self.made!r} is after today ({_today().isoformat()}); made is "
                "the date the claim was published (a forecast's target year is year): a "
                "typo for an earlier year?",
                key="made",
                value=self.made,
            )
        set_(self, "made", made)
        if self.unit is not None and str(self.unit).strip():
            set_(self, "unit", _canonical_unit(self.unit, where))
        if not self.claim_id:
            set_(self, "claim_id", f"{self.claim_set or self.subject}/{self.kind}_{year}")
        set_(self, "currency", self._checked_currency(where))
        if self.kind == "level":
            if self.unit in ("pp", "bp"):  # a change of a share, not a share
                raise SpecError(
                    f"{where}: a level claim is a figure in a year, found a change in "
                    f"{self.unit!r}; give the share itself in '%' (4.4 for 4.4%), or the "
                    "change as the two years' shares",
                    key="unit",
                )
            if not self.unit:
                raise SpecError(
                    f"{where}: a level claim needs the unit of its value (e.g. 'CNY 100m'; "
                    "'count' for a number of things, such as '1000个' or '1,000 data "
                    f"centers', which read as plain numbers), found {self.unit!r}",
                    key="unit",
                )
            lowest = value if self.low is None else self.low
            if lowest <= 0:  # a zero level crashed the checks, a negative one "undershot"
                raise SpecError(
                    f"{where}: a level claim must be a positive figure, found {lowest:g} "
                    f"{self.unit}; give the level as published (a fall is a growth claim "
                    "with a negative percent)",
                    key="value",
                    value=value,
                )
            if self.start_year is not None:
                raise SpecError(
                    f"{where}: a level claim has no start_year, found {self.start_year}; "
                    "use kind='cagr' for a rate over a period",
                    key="start_year",
                )
            set_(self, "alternate", self._checked_alternate(where))
            return
        if str(self.alternate or "").strip():
            raise SpecError(
                f"{where}: alternate {self.alternate!r} is a figure in a second currency, "
                f"which only a level claim has; a {self.kind} claim is a percent: leave "
                "alternate blank",
                key="alternate",
                value=self.alternate,
            )
        set_(self, "alternate", "")
        if self.unit == "pp":  # "增长25.6个百分点": a share's change, not a growth rate
            raise SpecError(
                f"{where}: a {self.kind} claim is a growth rate in percent of the level, "
                f"found {value:g} pp (percentage points, '个百分点': how a share or a rate "
                "changes), which is no growth rate of a level; give the share's levels as "
                "level claims in '%' (one per year), or the rate in '%' if the source meant "
                "one",
                key="unit",
                value=value,
            )
        if self.unit not in (None, "%"):
            raise SpecError(
                f"{where}: a {self.kind} claim is a percent (unit '%'), found unit "
                f"{self.unit!r}; give 27.8 for 27.8%",
                key="unit",
            )
        set_(self, "unit", "%")
        lowest = value if self.low is None else self.low
        if lowest <= -100:
            raise SpecError(
                f"{where}: a growth rate of {lowest:g}% is impossible (a level cannot fall by "
                "100% or more)",
                key="value",
            )
        if self.kind == "growth":
            if self.start_year not in (None, year - 1):
                raise SpecError(
                    f"{where}: a growth claim runs from {year - 1} to {year}, found "
                    f"start_year={self.start_year}; use kind='cagr' for a longer period",
                    key="start_year",
                )
            set_(self, "start_year", year - 1)
        else:
            start = (
                None
                if self.start_year is None
                else _whole_year(self.start_year, key="start_year", where=where)
            )
            if start is None:
                raise SpecError(
                    f"{where}: a cagr claim needs the year its growth starts from: give "
                    f"start_year (2020 for a CAGR over 2020-{year}); in a claims file a "
                    f"'start_year' column, or a 'period' column ('2020-{year}') in place of "
                    "'year'",
                    key="start_year",
                )
            if start >= year:
                raise SpecError(
                    f"{where}: a cagr claim's start_year must be before its year {year}, "
                    f"found start_year={start}",
                    key="start_year",
                )
            set_(self, "start_year", start)

    def _check_range(self, where: str, value: float) -> float:
        """Validate ``low``/``high`` and return the value (the range's midpoint)."""
        set_ = object.__setattr__
        if self.low is None or self.high is None:
            raise SpecError(
                f"{where}: a range needs both low and high, found low={self.low!r}, "
                f"high={self.high!r}",
                key="low" if self.low is None else "high",
            )
        try:
            low, high = float(self.low), float(self.high)
        except (TypeError, ValueError) as err:
            raise SpecError(
                f"{where}: low and high must be numbers, found low={self.low!r}, "
                f"high={self.high!r}",
                key="low",
            ) from err
        if not (math.isfinite(low) and math.isfinite(high)) or not low < high:
            raise SpecError(
                f"{where}: a range needs finite ends with low < high, found low={low:g}, "
                f"high={high:g}; write the lower end first",
                key="low",
            )
        if self.qualifier in ("at_least", "at_most"):
            raise SpecError(
                f"{where}: a range ({low:g} to {high:g}) cannot also be {self.qualifier}; "
                "give one bound, or the range with qualifier 'exact' or 'approximately'",
                key="qualifier",
                value=self.qualifier,
            )
        middle = (low + high) / 2
        if not math.isnan(value) and not math.isclose(value, middle, rel_tol=1e-9):
            raise SpecError(
                f"{where}: value {value:g} is not the midpoint {middle:g} of the range "
                f"{low:g} to {high:g}; leave value out for a range",
                key="value",
                value=value,
            )
        set_(self, "low", low)
        set_(self, "high", high)
        return middle

    def _checked_alternate(self, where: str) -> str:
        """``alternate`` stripped ("" when blank), or a SpecError
        (:func:`idcforecast._claim_currency.checked_alternate`)."""
        from idcforecast._claim_currency import checked_alternate

        return checked_alternate(self, where)

    def _checked_currency(self, where: str) -> str:
        """``currency`` as an ISO code ("" when blank), or a SpecError
        (:func:`idcforecast._claim_rate_currency.checked_currency`)."""
        from idcforecast._claim_rate_currency import checked_currency

        return checked_currency(self, where)

    @property
    def is_range(self) -> bool:
        """True when the figure was published as a range (``low`` and ``high`` set)."""
        return self.low is not None

    @property
    def rate(self) -> float:
        """The claimed rate as a fraction (growth and cagr claims only; a range's midpoint)."""
        if self.kind == "level":
            raise SpecError(
                f"claim {self.claim_id!r} is a level claim; it has no rate",
                key="kind",
            )
        return self.value / 100.0

    @property
    def made_year(self) -> int | None:
        """The year the claim was made (``int(made[:4])``), or None when unknown."""
        head = str(self.made)[:4]
        return int(head) if head.isdigit() else None

    def describe(self) -> str:
        """A short text form: ``"CAGR 27.8% 2020-2022"``, ``"level > 3,200.5 CNY 100m in 2022"``;
        a range as written, ``"CAGR 25-30% 2020-2022"``; a rate's stated currency after it.

        Examples
        --------
        >>> Claim(subject="s", kind="level", value=1e6, unit="server", year=2020,
        ...       qualifier="at_least").describe()
        'level > 1,000,000 servers in 2020'
        >>> Claim(subject="s", kind="level", low=3000, high=3400, unit="CNY 100m",
        ...       year=2022).describe()
        'level 3,000-3,400 CNY 100m in 2022'
        >>> Claim(subject="s", kind="cagr", value=37.3, start_year=2019, year=2022,
        ...       currency="RMB").describe()
        'CAGR 37.3% 2019-2022 in CNY'
        """
        q = qualifier_sign(self.qualifier)
        figure = _plain(self.value)
        if self.low is not None and self.high is not None:  # as written: "25-30"
            joint = " to " if self.low < 0 or self.high < 0 else "-"
            figure = f"{_plain(self.low)}{joint}{_plain(self.high)}"
        if self.kind == "level":  # a share: "4.4%", as a rate is written
            unit = "%" if self.unit == "%" else f" {self.unit}"
            return f"level {q}{figure}{unit} in {self.year}"
        # a rate measured in a stated currency says so: "CAGR 37.3% 2019-2022 in CNY"
        measured = f" in {self.currency}" if self.currency else ""
        if self.kind == "growth":
            return f"growth {q}{figure}% in {self.year}{measured}"
        return f"CAGR {q}{figure}% {self.start_year}-{self.year}{measured}"


def qualifier_from_words(text: Any) -> str | None:
    """A qualifier written as words or a sign, as a figure's text gives it ("more than",
    ">", "超过", "at least" -> ``"at_least"``; "about", "~", "约" -> ``"approximately"``;
    "exactly" -> ``"exact"``), or None when ``text`` is no qualifier. A claims table's
    qualifier column holding "about" or ">" was refused ("not one of exact, at_least,
    ...") though the same words before the figure were read.

    Examples
    --------
    >>> qualifier_from_words("More than"), qualifier_from_words("约"), qualifier_from_words("x")
    ('at_least', 'approximately', None)
    """
    if not isinstance(text, str) or not text.strip():
        return None
    spelled = re.sub(r"[\s\-]+", "_", text.strip().lower())
    if spelled in QUALIFIERS:
        return spelled
    if spelled in ("exactly", "=", "precisely"):
        return "exact"
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity

    try:  # the figure reader's own words, read before a number
        figure = parse_quantity(f"{text.strip()} 1")
    except IdcForecastError:
        return None
    plain = figure.unit == "count" and figure.value == 1 and not figure.is_range
    return figure.qualifier if plain and figure.qualifier != "exact" else None


def _canonical_unit(unit: Any, where: str) -> str:
    """``unit`` in its canonical spelling ("亿元" -> "CNY 100m", "percent" -> "%"), as a
    claims file's unit cell is stored: a Claim built in Python kept "亿元" as written
    (beside "CNY 100m" from a file) and took an unknown unit ("bogus") until a track
    record failed to convert it."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import canonical_unit

    try:
        return canonical_unit(str(unit).strip())
    except IdcForecastError as err:
        raise SpecError(f"{where}: {err}", key="unit", value=unit) from err


def _first_day(made: str) -> Any:
    """The first calendar day an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" can denote."""
    import datetime

    parts = [int(p) for p in made.split("-")]
    return datetime.date(parts[0], *[*parts[1:], 1, 1][:2])


def _today() -> Any:
    """Today's date (a function, so that tests can move the clock)."""
    import datetime

    return datetime.date.today()


def _real_date(made: str) -> bool:
    """Whether an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" names a day of the calendar."""
    import datetime

    parts = [int(p) for p in made.split("-")]
    try:
        datetime.date(parts[0], *[*parts[1:], 1, 1][:2])
    except ValueError:
        return False
    return True


def _plain(value: float) -> str:
    """``value`` as published: all its digits, thousands separated, never an exponent.

    (``:g`` wrote 1,000,000 servers as "1e+06" and 1,234,567 as "1.23457e+06".)
    """
    # 12 significant digits: every published digit, without float noise from conversions
    text = format(Decimal(f"{float(value):.12g}"), ",f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _whole_year(value: Any, *, key: str, where: str) -> int:
    """``value`` as a year: a whole number (2020, 2020.0, numpy ints, "2020"); 2020.5 and
    True were truncated to 2020 and 1 before, in silence.

    Examples
    --------
    >>> _whole_year(2020.0, key="year", where="claim 'x'")
    2020
    >>> _whole_year(2020.5, key="year", where="claim 'x'")
    Traceback (most recent call last):
    ...
    idcforecast.errors.SpecError: claim 'x': year must be a whole year, found 2020.5; give \
the calendar year as a whole number (e.g. 2020)
    """
    try:
        # True is no year (it was year 1): bool and numpy's bool_ alike
        number = math.nan if type(value).__name__ in ("bool", "bool_") else float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not number.is_integer():
        raise SpecError(
            f"{where}: {key} must be a whole year, found {value!r}; give the calendar year "
            "as a whole number (e.g. 2020)",
            key=key,
            value=repr(value),
        )
    return int(number)


def read_claims(source: Any, *, encoding: str = "utf-8") -> list[Claim]:
    """Claims from a list of :class:`Claim`, a frame, or a CSV or TOML file.

    Parameters
    ----------
    source
        A Claim or a list of them; a DataFrame, a dict (one claim) or a list of dicts, in
        the ``published_forecasts`` schema (``subject, kind, year, value`` required; the others
        optional); or the path of a ``.csv`` or Excel (``.xlsx``, first sheet; an Excel
        97-2003 ``.xls`` with the ``xls`` extra's ``xlrd``, as ``read_series`` reads one)
        file (same columns) or a ``.toml`` file with one ``[[claims]]`` table per claim.
        A frame from :func:`idcforecast.find_figures` with ``subject`` and ``kind`` added is
        read too (its sentence is the quote, its figure kept in the note). ``kind`` may be
        written as tables write it ("YoY", "同比" or "增速" is growth, "复合增长率"
        cagr, "市场规模" level). In a file,
        ``period = "2020-22"`` may stand for ``start_year`` and ``year``, and ``value`` may
        be figure text ("320 billion yuan", "more than 3200.5亿元",
        "27.8%"), read by :func:`idcforecast.parse_quantity` (unit and qualifier from the
        text; a range such as "25-30%" sets ``low`` and ``high``, and ``value`` to its
        midpoint); a growth claim may be a multiple ("doubled", "nearly doubled", "翻一番":
        100%; "tripled": 200%), while a CAGR written so is an error giving the rate of each
        reading of its period. Columns ``low`` and ``high`` may also give a range,
        ``value`` then left blank, and so may a list of its two ends as ``value`` (TOML
        ``value = [3100, 3300]``, or a list of dicts). Value text in another unit than the
        row's ``unit`` is converted to it
        (money at the FX rate of the claim's ``year``, kept to the digits the figure was
        published with, at least 4 significant: "US$17.8 bn" is 1,198 CNY 100m; a figure
        the text also gives in the unit's currency, "US$17.8 bn (1,293.5亿元)", is the
        source's own conversion and taken as published, the FX figure named in ``note``;
        without a unit the claim keeps the first figure, the second is its ``alternate``,
        and the checks take that against a series in its currency), except power against
        racks or the reverse ("13 GW" beside "racks 10k", as value text or as low and
        high, both ends in one unit), which keeps its unit for the checks to convert at
        their ``kw_per_rack`` (said in ``note``); a ``qualifier`` that contradicts the
        text's ("超过3200.5亿元" with qualifier "exact") is an error. A comma in a number
        separates thousands only ("27,8" is an error, not 278).
        Table headers lose surrounding spaces and match the field names in any letter case
        (" Subject", "VALUE"), as in :func:`idcforecast.read_series`. TOML keys at the top
        level are defaults for every claim (``claim_set``, ``made``, ``source``...); a
        table other than ``[[claims]]`` (a ``[meta]`` table, a ``[[claim]]`` typo) is an
        error, not left unread. Such a file as ``tomllib`` parses it (a dict with a
        ``claims`` list) is read the same way.
    encoding
        Text encoding of a ``.csv`` or ``.toml`` file (default UTF-8, with or without a
        byte-order mark); ``"gb18030"`` reads a CSV saved by Excel on Chinese Windows (GBK).

    Raises
    ------
    SpecError
        A file or frame without a required column (naming the columns found); a missing or
        bad key, a range given both as value text and as low/high, or two claims with one
        ``claim_id`` (a claim given twice), naming the file and row
        (numbered as a spreadsheet shows it,
        as :func:`idcforecast.read_series` does: the header is row 1, blank rows count and
        are skipped; a frame's row by its index label).
    DataError
        A file that is not ``encoding`` text (naming the encoding to pass), an ``encoding``
        that is not a text encoding, or an ``encoding`` given with a source that is no file.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"subject": ["x"], "kind": ["growth"], "year": [2020],
    ...                       "value": [29.0]})
    >>> read_claims(frame)[0].describe()
    'growth 29% in 2020'
    """
    import pandas as pd

    from idcforecast._claim_files import (
        check_unique,
        claims_from_frame,
        claims_from_path,
        claims_from_records,
    )
    from idcforecast._text_files import check_encoding, text_codec

    check_encoding(encoding, caller="read_claims")
    if not isinstance(source, str | Path) and text_codec(encoding) != "utf-8-sig":
        raise DataError(
            f"read_claims: encoding={encoding!r} applies to a .csv or .toml file, not to "
            f"a {type(source).__name__}; drop encoding=",
            encoding=encoding,
        )
    if isinstance(source, Claim):
        return [source]
    if isinstance(source, pd.DataFrame):  # rows named by index label, as read_series does
        return claims_from_frame(source)
    if isinstance(source, str | Path):
        return claims_from_path(Path(source), encoding)
    if isinstance(source, list | tuple) and all(isinstance(c, Claim) for c in source):
        claims = list(source)
        check_unique(claims, [f"claim {n}" for n in range(1, len(claims) + 1)])
        return claims
    if isinstance(source, list | tuple) and source and all(isinstance(c, dict) for c in source):
        places = [(f"list row {n}", n) for n in range(1, len(source) + 1)]
        return claims_from_records([dict(c) for c in source], places=places)
    if isinstance(source, dict):
        # one claim as a dict, as one Claim is taken (it was refused: "found dict"); a
        # claims TOML file as tomllib parses it, its "claims" tables under the defaults
        if "claims" in source:
            from idcforecast._claim_files import claims_from_toml_data

            return claims_from_toml_data(source, "the dict")
        return claims_from_records([dict(source)], places=[("the dict", 1)])
    raise SpecError(
        "claims: expected a Claim, a dict or a list of Claims or dicts, a DataFrame or a "
        f".csv/.xlsx/.xls/.toml path, found {type(source).__name__}",
    )
