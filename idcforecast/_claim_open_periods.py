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
give when the source names its first year.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["open_period_row", "warn_unchecked"]

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
        "('2024-2030', with kind cagr for a rate a year), else leave the row out"
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
    warnings.warn(
        f"{count} left out of the checks, the {which} year of {their} period unknown: {rows}; "
        f"{fix}",
        UncheckedClaimsWarning,
        stacklevel=_caller_level(),
    )
