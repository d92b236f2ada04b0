"""Private: the words that limit a "consistent" verdict, said alike by ``check-claims`` and
the report's Claims table.

A set found consistent only against derived levels ("on derived levels only") or against
actuals published as bounds ("with bounds only") says so beside its verdict. When the set's
stated levels were checked too, those words are said of its rates ("the rate on derived
levels only"): a stated level matching a published actual does not check a rate. The CLI
said "the rate ..." while the report said "on derived levels only" of the whole set.
"""

from __future__ import annotations

from typing import Any

__all__ = ["rates_of", "verdict_limits"]


def rates_of(checked: Any) -> str:
    """ "the rate " before "on derived levels only" / "with bounds only" when the set's
    stated levels were checked too (``checked``: check_claims' column, "CAGR 27.8%
    2020-2022; stated 2022 level"), "the rates " for several; "" when only rates were.

    Examples
    --------
    >>> rates_of("growth 39.3% in 2015; stated 2016 level"), rates_of("CAGR 18.9% 2022-2027")
    ('the rate ', '')
    >>> rates_of("growth 5% in 2015; growth 6% in 2016; stated 2016 level")
    'the rates '
    """
    parts = [part for part in str(checked).split("; ") if part]
    rates = [part for part in parts if not part.startswith("stated ")]
    if len(rates) == len(parts):
        return ""
    return "the rate " if len(rates) == 1 else "the rates "


def verdict_limits(derived_only: Any, bound_only: Any, checked: Any) -> list[str]:
    """What a "consistent" verdict rests on when it is not published evidence alone:
    "on derived levels only" and / or "with bounds only", said of the rates when the set's
    stated levels were checked beside them; [] for neither.

    Examples
    --------
    >>> verdict_limits(True, False, "growth 39.3% in 2015; stated 2016 level")
    ['the rate on derived levels only']
    >>> verdict_limits(False, True, "CAGR 30% 2019-2022"), verdict_limits(False, False, "")
    (['with bounds only'], [])
    """
    whose = rates_of(checked)
    limits = []
    if _true(derived_only):
        limits.append(f"{whose}on derived levels only")
    if _true(bound_only):
        limits.append(f"{whose}with bounds only")
    return limits


def _true(flag: Any) -> bool:
    """``flag`` as a verdict column holds it: True, numpy's True; NA and None are False."""
    try:
        return bool(flag)
    except TypeError:  # pd.NA
        return False
