"""Private: a level claim as its source published it, for the text beside a converted
figure: "46 USD bn" (converted at the year's FX rate), "13,000 MW" (at 2.5 kW per rack),
"the source's own figure, beside US$17.8 bn".
"""

from __future__ import annotations

import re

from idcforecast._claim_history import rack_conversion, rack_power_words, source_figure
from idcforecast._wording import level_words
from idcforecast.claims import Claim, _plain
from idcforecast.units.convert import DEFAULT_KW_PER_RACK

__all__ = ["as_published", "published_figure"]


def as_published(
    claim: Claim | None, unit: str | None, *, kw_per_rack: float = DEFAULT_KW_PER_RACK
) -> str:
    """How a level claimed in another currency, or in power against racks (or the reverse),
    was published, for the text beside its value in ``unit``: " (from 46 USD bn at the 2022
    FX rate)", " (from 13,000 MW at 2.5 kW per rack)"; "" in its own unit. (A level of
    "US$46 billion" was shown only as 3,095.3 CNY 100m, a figure the source never gave.)"""
    if claim is not None and unit is not None and source_figure(claim, unit) is not None:
        # "US$17.8 bn (1,293.5亿元)": the 1,293.5 shown is the source's, not a conversion
        return f" (the source's own figure, beside {_as_written(claim)})"
    figure = published_figure(claim, unit)
    if not (claim and figure):
        return ""
    if rack_conversion(claim.unit, unit):
        return f" (from {figure} at {rack_power_words(kw_per_rack)})"
    return f" (from {figure} at the {claim.year} FX rate)"


# the note read_claims writes for value text it converted to the row's unit at an FX rate
# ("published as 'US$ 60 bn', converted at the 2022 FX rate, ..."); the value is the
# converted figure, which no source gave (it was shown as if published)
_READ_CONVERSION = re.compile(
    r"published as (?:'([^']*)'|\"([^\"]*)\"), converted at the \S+ FX rate"
)


def published_figure(claim: Claim | None, unit: str | None) -> str:
    """A level claimed in another currency than ``unit``, or in power against racks (or
    the reverse), as published: "46 USD bn", "more than 46 USD bn", "40-50 USD bn",
    "13,000 MW"; "" in its own unit or another magnitude of it, unless the value was
    converted into it in reading ("US$ 60 bn" as the row's unit 'CNY 100m': its note says so).

    Examples
    --------
    >>> c = Claim(subject="m", kind="level", value=46, unit="USD bn", year=2022)
    >>> published_figure(c, "CNY 100m"), published_figure(c, "USD mn")
    ('46 USD bn', '')
    >>> published_figure(Claim(subject="m", kind="level", value=13000, unit="MW",
    ...                        year=2022), "racks 10k")
    '13,000 MW'
    """
    if claim is None or unit is None or claim.unit is None:
        return ""
    if claim.unit == unit:  # converted in reading (read_claims' note says from what)
        found = _READ_CONVERSION.search(claim.note)
        return "" if found is None else (found.group(1) or found.group(2))
    from idcforecast.units import parse_unit

    if source_figure(claim, unit) is not None:  # the source's own figure: nothing converted
        return ""
    own, shown = parse_unit(claim.unit), parse_unit(unit)
    money = own.currency is not None and shown.currency is not None and own.base != shown.base
    if not (money or rack_conversion(claim.unit, unit)):
        return ""  # the same amount in another magnitude: nothing was assumed
    return _as_written(claim)


def _as_written(claim: Claim) -> str:
    """A level claim in its own unit: "46 USD bn", "more than 46 USD bn", "40-50 USD bn"."""
    # every published digit, thousands separated (":g" wrote 5,234,567 racks as
    # "5.23457e+06" and 1,234.5678 USD mn as "1234.57"), as Claim.describe() writes it
    if claim.is_range:
        assert claim.low is not None and claim.high is not None
        figure = f"{_plain(claim.low)}-{_plain(claim.high)}"
    else:
        figure = _plain(claim.value)
    return f"{level_words(claim.qualifier)}{figure} {claim.unit}"
