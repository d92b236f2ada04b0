"""The progress bar of a batch: tqdm in terminals and notebooks, silent elsewhere.

tqdm is a small pure-Python runtime dependency: a batch of thousands of series runs for
minutes, and a user staring at a silent terminal kills it. By default the bar shows only
where someone can see it (a terminal on stderr, or a Jupyter kernel) and only once the run
has taken more than a second, so short batches and logs stay clean.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["interactive", "make_progress"]

AUTO_DELAY_SECONDS = 1.0


def interactive() -> bool:
    """True in a Jupyter kernel or when stderr is a terminal.

    Examples
    --------
    >>> isinstance(interactive(), bool)
    True
    """
    shell = sys.modules.get("IPython")
    if shell is not None:
        get_ipython = getattr(shell, "get_ipython", None)
        ip = get_ipython() if get_ipython is not None else None
        if ip is not None and type(ip).__name__ == "ZMQInteractiveShell":
            return True
    stream = sys.stderr
    return bool(stream is not None and hasattr(stream, "isatty") and stream.isatty())


def make_progress(total: int, *, progress: bool | None, desc: str = "forecast_many") -> Any:
    """A tqdm bar counting series; when ``progress`` is False, or None and not
    :func:`interactive`, a silent stand-in with the same ``update`` and ``close``.

    Examples
    --------
    >>> bar = make_progress(3, progress=False)
    >>> _ = bar.update(3)
    >>> bar.close()
    """
    show = interactive() if progress is None else bool(progress)
    if not show:  # no tqdm to import (~13 ms CPU in a new process) for a bar never drawn
        return _SilentBar()
    import importlib.util

    # tqdm.auto draws a widget in a notebook, which needs ipywidgets (not a dependency):
    # without it, tqdm warns "IProgress not found" in every notebook; the text bar works
    if importlib.util.find_spec("ipywidgets") is None:
        from tqdm.std import tqdm
    else:
        from tqdm.auto import tqdm

    return tqdm(
        total=total,
        desc=desc,
        unit="series",
        delay=AUTO_DELAY_SECONDS if progress is None else 0.0,
        file=sys.stderr,
        dynamic_ncols=True,
        smoothing=0.1,
    )


class _SilentBar:
    """The bar of a batch whose progress is not shown: counts nothing, draws nothing."""

    def update(self, n: int = 1) -> None:
        """Take ``n`` more series done, as ``tqdm.update`` does, and show nothing."""

    def close(self) -> None:
        """Nothing to close."""
