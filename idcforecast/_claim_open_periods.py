"""Private: claims over a period whose first year is unknown, "?-2030", or whose last year
is ("2021-?", find_figures' "has invested $5bn since 2021", up to the article's date).

:func:`idcforecast.find_figures` gives that period to a rate or amount said "by" or
"through" a year ("the market will rise 160% by 2030", "invest 300 billion yuan through
2025", "到2027年每年投资500亿元"); its CSV is the documented way to a claims file. Nothing
in such a row can be checked against a series: a rate has no first year to compound from,
and a total over the years to 2025 is no one year's level. A claims file holding one was
refused whole (on its first such row, "give both, 'YYYY-2030' ..."), so none of the article's
other claims was checked; the row is now left out, with one
:class:`~idcforecast.errors.UncheckedClaimsWarning` naming every such row and the period to
give when the source names its first year. A CAGR whose one year is in brackets after its
value, "25% (2025)", with no year or start year given, is the same (it was "missing year").
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["open_bracketed_rate", "open_period_row", "warn_unchecked"]

# "?-2030" as find_figures writes it (and "? - 2030", "?–2030" typed by hand)
_OPEN_PERIOD = re.compile(r"^\s*[?？]\s*[-–—~～]\s*((?:19|20)\d{2})\s*$")
# "2021-?": from 2021 to the text's date ("has invested $5bn since 2021")
_OPEN_END = re.compile(r"^\s*((?:19|20)\d{2})\s*[-–—~～]\s*[?？]\s*$")


def open_period_row(record: dict[str, Any], where: str) -> str | None:
    """What to say of ``record`` when its period is open at the start ("?-2030"): the row's
    place, its figure and why nothing in it is checked; None for any other record."""
    period = record.get("period")
    if not isinstance(period, str):
        return None
    figure = record.get("figure", record.get("value", ""))
    kind = str(record.get("kind", "")).strip().lower()
    if (since := _OPEN_END.match(period)) is not None:
        first = since.group(1)
        why = (
            f"a total from {first} to a date the text does not give, no one year's level"
            if kind in ("level", "规模", "size", "market size")
            else f"a change from {first} to a year the text does not give"
        )
        return f"{where} ({str(figure).strip()!r}, period {period.strip()!r}: {why})"
    match = _OPEN_PERIOD.match(period)
    if match is None:
        return None
    end = match.group(1)
    why = (
        f"a total or amount over the years to {end}, no one year's level"
        if kind in ("level", "规模", "size", "market size")
        else f"a rate over the years to {end} with no first year to compound from"
    )
    return f"{where} ({str(figure).strip()!r}, period {period.strip()!r}: {why})"


def open_bracketed_rate(record: dict[str, Any], where: str) -> str | None:
    """What to say of a CAGR ``record`` whose only year is one in brackets after its value
    ("25% (2025)", "CAGR 12% through (2030)"), with no ``year`` or ``start_year`` given:
    the year ends a period whose first year is unknown, as "?-2025" does; None for any
    other record. Call it after the record's kind and value are read.

    Examples
    --------
    >>> said = open_bracketed_rate({"kind": "cagr", "value": "25% (2025)"}, "row 2")
    >>> said.startswith("row 2 ('25% (2025)': the year 2025 in brackets ends the period")
    True
    >>> open_bracketed_rate({"kind": "cagr", "value": "25% (2025)", "start_year": 2020}, "x")
    """
    from idcforecast._claim_dates import year_text
    from idcforecast._claim_value_years import bracketed_years

    value = record.get("value")
    if record.get("kind") != "cagr" or not isinstance(value, str):
        return None
    if "year" in record or "start_year" in record:
        return None
    end = year_text(bracketed_years(value)) if bracketed_years(value) else None
    if end is None:
        return None
    return (
        f"{where} ({value.strip()!r}: the year {end} in brackets ends the period, its first "
        f"year not given: a rate over the years to {end} with no first year to compound from)"
    )


def warn_unchecked(unchecked: list[str], *, none_left: bool) -> None:
    """One :class:`~idcforecast.errors.UncheckedClaimsWarning` naming every row of
    ``unchecked``; a :class:`~idcforecast.errors.SpecError` naming them when no claim is
    left (``none_left``): there is nothing to check."""
    if not unchecked:
        return
    # "2021-?" rows (see open_period_row): the last year is the unknown one
    ends = any(re.search(r"period '\d{4}\s*[-–—~～]\s*[?？]'", row) for row in unchecked)
    starts = any(re.search(r"period '\s*[?？]", row) for row in unchecked)
    which = "first or last" if ends and starts else "last" if ends else "first"
    side = "start or end" if ends and starts else "end" if ends else "start"
    fix = (
        "when the source names the year it counts from, give the period with it "
        "('2024-2030', with kind cagr for a rate a year) in the period column, a start_year "
        "column or the value's brackets ('12% (2024-2030)'), else leave the row out"
        if not ends
        else "when the source names the years it counts from and to (a 'since 2021' runs "
        "to the article's date), give the period with both ('2021-2024'), else leave the "
        "row out"
    )
    rows = "; ".join(unchecked)
    if none_left:
        from idcforecast.errors import SpecError

        raise SpecError(
            f"no claim to check: every row's period is open at the {side}, its {which} year "
            f"unknown: {rows}; {fix}",
            key="period",
        )
    import warnings

    from idcforecast._claim_records import _caller_level
    from idcforecast.errors import UncheckedClaimsWarning

    many = len(unchecked) > 1
    count, their = (f"{len(unchecked)} claims are", "their") if many else ("1 claim is", "its")
    warning = UncheckedClaimsWarning(
        f"{count} left out of the checks, the {which} year of {their} period unknown: {rows}; {fix}"
    )
    warning.rows = tuple(unchecked)  # each row as named above (the report lists them)
    warnings.warn(warning, stacklevel=_caller_level())
