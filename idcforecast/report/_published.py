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
_KW_PER_RACK = re.compile(r"at ([0-9.]+) kW per standard rack")


def published_figure(value: Any, note: Any, shown_unit: str) -> tuple[str, str] | None:
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

    Examples
    --------
    >>> note = "converted from 'CNY 100m' (x0.0158496, 2012 annual-average FX rate)"
    >>> published_figure(21.05 / 6.3093, note, "USD bn")  # 210.5 CNY 100m = 21.05 CNY bn
    ('210.5', 'CNY 100m')
    >>> published_figure(5078.3, "reported YoY +25.6%", "CNY 100m") is None
    True
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
    try:
        factor = conversion_factor(
            shown_unit,
            source,
            year=int(year.group(1)) if year else None,
            **({"kw_per_rack": float(kw.group(1))} if kw else {}),
        )
    except (IdcForecastError, ValueError):
        return None
    return figure_text(float(value) * factor), source


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
