"""A converted figure as its source published it, for the report's Sources table (private).

A report on a series converted when read (``--unit "USD bn"`` on a CNY series) listed only
the converted values in Sources: a client matching the table against the source found "3.3"
beside a quote of 210.5亿元. The figure as read
(value and unit) is worked back from the shown value and the row's conversion note, with
the exact factor the reader used (the note's factor has 6 significant digits).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Any

from idcforecast._normalize import conversion_in

__all__ = ["figure_text", "published_figure"]

_FX_YEAR = re.compile(r"\(x[0-9.eE+-]+, (\d{4}) annual-average FX rate")
_NOTE_FACTOR = re.compile(r"\(x([0-9.eE+-]+)")
# the note writes its factor to 6 significant digits: within this of the exact factor, the
# exact one is the reader's (an FX table that gives another rate is further off)
_NOTE_AGREES = 1e-5
_KW_PER_RACK = re.compile(r"at ([0-9.]+) kW per standard rack")


def published_figure(
    value: Any, note: Any, shown_unit: str, read_unit: str = ""
) -> tuple[str, str] | None:
    """``value`` (in ``shown_unit``) as it was published, its number and unit:
    ("210.5", "CNY 100m") for a value whose ``note`` says it was converted from
    'CNY 100m', and None when the value is shown as read. (A plain-USD series the report
    shows in USD billion is not converted here: the figures are the same numbers, and the
    assumptions say they are divided by 1,000,000,000.)

    Parameters
    ----------
    value
        The value as the report shows it, in ``shown_unit``.
    note
        The row's note (a reader's conversion note: "converted from 'CNY 100m' (x0.0158496,
        2012 annual-average FX rate)"; other notes around it are ignored).
    shown_unit
        The unit of the report's tables ("USD bn").
    read_unit
        The unit the value was converted into when read, if not ``shown_unit`` (a series
        read in "USD" and shown in "USD bn"): the note's factor is into it.

    When the FX rates in effect do not give the note's factor (the series was read inside
    ``use_fx_rates`` and the report built outside it, or with another FX file), the figure
    is worked back with the note's own factor (6 significant digits), to 5 significant
    digits, and marked "~".

    Examples
    --------
    >>> note = "converted from 'CNY 100m' (x0.0158496, 2012 annual-average FX rate)"
    >>> published_figure(21.05 / 6.3093, note, "USD bn")  # 210.5 CNY 100m = 21.05 CNY bn
    ('210.5', 'CNY 100m')
    >>> published_figure(5078.3, "reported YoY +25.6%", "CNY 100m") is None
    True
    >>> # read at a user's rate of 6.0 CNY per USD (x0.0166667), not the bundled 6.3093
    >>> user = "converted from 'CNY 100m' (x0.0166667, 2012 annual-average FX rate from my.csv)"
    >>> published_figure(21.05 / 6.0, user, "USD bn")
    ('~210.5', 'CNY 100m')
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.convert import conversion_factor

    if value is None or not math.isfinite(float(value)):
        return None
    conversion = conversion_in(note)
    if conversion is None or conversion[0] == shown_unit:
        return None
    source, text = conversion[0], str(note)
    year = _FX_YEAR.search(text)
    kw = _KW_PER_RACK.search(text)
    read = read_unit or shown_unit
    written = _NOTE_FACTOR.search(text)
    try:
        factor = conversion_factor(
            source,
            read,
            year=int(year.group(1)) if year else None,
            **({"kw_per_rack": float(kw.group(1))} if kw else {}),
        )
    except (IdcForecastError, ValueError):
        factor = math.nan
    approximate = False
    if written is not None:
        in_note = float(written.group(1))
        if not math.isfinite(factor) or abs(factor / in_note - 1) > _NOTE_AGREES:
            # (a silent 209.8 for a published 210.5 when the bundled rate was not the one read)
            factor, approximate = in_note, True
    if not math.isfinite(factor) or factor == 0:
        return None
    try:
        magnitude = conversion_factor(shown_unit, read, year=None)  # same currency: no FX
    except (IdcForecastError, ValueError):
        return None
    figure = float(value) * magnitude / factor
    if approximate:
        # the note's 6 digits carry up to 5e-6 of error: 5 significant digits are sure
        return "~" + figure_text(float(f"{figure:.5g}")), source
    return figure_text(figure), source


def figure_text(value: float) -> str:
    """A figure with every digit it was read with, thousands separated, to ten significant
    digits: the float noise of a conversion's round trip dropped (210.49999999997).

    Examples
    --------
    >>> figure_text(210.49999999997), figure_text(1562.5), figure_text(4043.0)
    ('210.5', '1,562.5', '4,043')
    """
    figure = float(f"{float(value):.10g}")
    return f"{Decimal(repr(figure)):,f}".removesuffix(".0")
