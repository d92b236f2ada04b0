"""Private: the words that limit a "consistent" verdict, said alike by ``check-claims`` and
the report's Claims table.

A set found consistent only against derived levels ("on derived levels only") or against
actuals published as bounds ("with bounds only") says so beside its verdict. When the set's
stated levels were checked too, those words are said of its rates ("the rate on derived
levels only"): a stated level matching a published actual does not check a rate. The CLI
said "the rate ..." while the report said "on derived levels only" of the whole set.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["limited_sets_words", "rates_of", "verdict_limits"]


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


def limited_sets_words(
    names: Sequence[str], flags: Sequence[Any], checked: Sequence[Any], limit: str, why: str
) -> str:
    """The report overview's clause on the sets whose "consistent" rests on ``limit``
    ("on derived levels only"), worded per set as the Claims table words each verdict:
    "; 1 is consistent on derived levels only (circular; not published figures)" for a
    set of rates alone, "; 1 is consistent, the rate on derived levels only (a; ...)" for
    a set whose stated levels were checked beside its rate (the overview said "consistent
    on derived levels only" of such a set as a whole); "" when no set is flagged.
    ``names``, ``flags`` (``derived_only`` / ``bound_only``) and ``checked`` are the
    check_claims columns; a set without a name is counted, not named.

    Examples
    --------
    >>> for clause in limited_sets_words(["a", "b", "c"], [True, True, False],
    ...         ["growth 39.3% in 2015; stated 2016 level", "growth 5% in 2015", ""],
    ...         "on derived levels only", "not published figures").split("; 1 ")[1:]:
    ...     print(clause)
    is consistent on derived levels only (b; not published figures)
    is consistent, the rate on derived levels only (a; not published figures)
    >>> limited_sets_words(["a"], [False], [""], "with bounds only", "")
    ''
    """
    whole: list[str] = []
    rated: list[tuple[str, str]] = []
    for name, flag, said in zip(names, flags, checked, strict=True):
        if not _true(flag):
            continue
        whose = rates_of(said)
        if whose:
            rated.append((name, whose))
        else:
            whole.append(name)
    out = ""
    if whole:
        out += f"; {_consistent(whole)} {limit} ({_named(whole)}{why})"
    if rated:
        sets = [name for name, _ in rated]
        # one set: its own words ("the rate", "the rates"); several: "their rates"
        whose = rated[0][1] if len(rated) == 1 else "their rates "
        out += f"; {_consistent(sets)}, {whose}{limit} ({_named(sets)}{why})"
    return out


def _consistent(sets: list[str]) -> str:
    return f"{len(sets)} {'is' if len(sets) == 1 else 'are'} consistent"


def _named(sets: list[str]) -> str:
    return "".join(f"{name}; " for name in sets if name)


def _true(flag: Any) -> bool:
    """``flag`` as a verdict column holds it: True, numpy's True; NA and None are False."""
    try:
        return bool(flag)
    except TypeError:  # pd.NA
        return False
