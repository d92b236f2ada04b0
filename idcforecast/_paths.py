"""Where the bundled data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["data_dir"]


def data_dir() -> Path:
    """The directory that holds the bundled CSV datasets.

    An installed wheel carries the repository's top-level ``data/`` as
    ``idcforecast/_bundled_data`` (see ``pyproject.toml``); a source checkout reads ``data/``
    beside the package.

    Examples
    --------
    >>> (data_dir() / "fx_rates.csv").is_file()
    True
    """
    package = Path(__file__).resolve().parent
    bundled = package / "_bundled_data"
    if bundled.is_dir():
        return bundled
    return package.parent / "data"
