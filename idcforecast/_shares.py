"""Whether a series is (or may be) a share of a whole, so within 0-100%: the one rule that
the forecast's "passes 100%" note (:mod:`idcforecast._share_notes`) and the scenarios'
bounds (:mod:`idcforecast.scenarios._spec_checks`) both ask, so they never disagree.

The rule:

- a series **may be a share** when it is in percent in any spelling the unit registry reads
  ("%", "percent", "pct", or 成, tenths) and its history never went past 100% (a ratio in
  percent that did is no share); an unknown history counts as within;
- it is **known to be a share** when it may be one and it is in 成 (said only of shares) or
  its id says so (:data:`SHARE_WORDS`: "market_share", "rack_utilisation", "上架率"...).

A series that may be a share gets the forecast's note ("if the series is one, cap it") and
a scenario's warning when its paths leave 0-100%; a known share has the scenario refused
when its central path leaves 0-100%, and its paths clipped to it.
"""

from __future__ import annotations

import math

__all__ = ["SHARE_WORDS", "is_known_share", "may_be_share", "percent_factor"]

# words of a series id that say its % is a share of a whole (within 0-100%), not a rate
# that may leave it (a growth rate, a margin): "market_share", "rack_utilisation"
SHARE_WORDS = (
    "share",
    "utilisation",
    "utilization",
    "occupancy",
    "penetration",
    "占比",
    "份额",
    "比重",
    "利用率",
    "上架率",
    "渗透率",
)


def percent_factor(unit: object) -> float | None:
    """Percentage points in one unit of a series in percent ("%", "percent", "pct": 1; 成:
    10); None for any other unit, no unit, or one that does not parse (points, "pp", are
    changes and have no 0-100 range).

    Examples
    --------
    >>> percent_factor("%"), percent_factor("pct"), percent_factor("成")
    (1.0, 1.0, 10.0)
    >>> percent_factor("pp"), percent_factor("%/year"), percent_factor(""), percent_factor(None)
    (None, None, None, None)
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.registry import parse_unit

    if not isinstance(unit, str) or not unit.strip():
        return None
    try:
        parsed = parse_unit(unit)
    except IdcForecastError:
        return None
    return float(parsed.factor) if parsed.dimension == "percent" and not parsed.per else None


def may_be_share(unit: object, history_max: float | None) -> bool:
    """Whether a series in ``unit`` whose history peaked at ``history_max`` (series unit;
    None or NaN: not known) may be a share: in percent and never past 100%.

    Examples
    --------
    >>> may_be_share("%", 64.0), may_be_share("%", 120.0), may_be_share("成", 9.5)
    (True, False, True)
    >>> may_be_share("成", 12.0), may_be_share("CNY 100m", 50.0), may_be_share("%", None)
    (False, False, True)
    """
    factor = percent_factor(unit)
    if factor is None:
        return False
    if history_max is None or math.isnan(history_max):
        return True
    return history_max * factor <= 100.0


def is_known_share(unit: object, series_id: object, history_max: float | None = None) -> bool:
    """Whether the series is known to be a share: it may be one (:func:`may_be_share`) and
    it is in 成 or its id has one of :data:`SHARE_WORDS`.

    Examples
    --------
    >>> is_known_share("%", "idc_market_share"), is_known_share("成", "x")
    (True, True)
    >>> is_known_share("%", "idc_market_share", 130.0)  # above 100% once: no share
    False
    >>> is_known_share("%", "revenue_growth"), is_known_share("CNY 100m", "share_price")
    (False, False)
    """
    if not may_be_share(unit, history_max):
        return False
    text = str(series_id).casefold()
    return percent_factor(unit) == 10.0 or any(word in text for word in SHARE_WORDS)
