"""Where a warning points: the first frame outside idcforecast (private).

The readers warn from a few calls deep, and by different paths (read_series, a folder of
files, read_long_table, the command line): a fixed ``stacklevel`` pointed at one of
idcforecast's own lines on the other paths ("io.py:230: FootnoteWarning ...").
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["caller_stacklevel"]


def caller_stacklevel() -> int:
    """The ``stacklevel`` for ``warnings.warn`` called by the caller of this function that
    names the first frame outside idcforecast: the user's line. Call it in the function
    that calls ``warnings.warn``, as ``warnings.warn(..., stacklevel=caller_stacklevel())``.
    """
    frame: Any = sys._getframe(1)  # the function that is about to warn
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("idcforecast"):
        frame, level = frame.f_back, level + 1
    return level
