"""argparse ``type=`` converters shared by the commands: bad values fail before any work."""

from __future__ import annotations

import argparse

__all__ = ["random_seed", "years_ahead"]


def years_ahead(text: str) -> int:
    """A ``--horizon``: a whole number of years, at least 1.

    Examples
    --------
    >>> years_ahead("5")
    5
    >>> years_ahead("0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0 years: the horizon counts years after the last observed ...
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number of years; e.g. --horizon 5"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"{value} years: the horizon counts years after the last observed one, so at "
            "least 1; e.g. --horizon 5"
        )
    return value


def random_seed(text: str) -> int:
    """A ``--seed``: a whole number, 0 or more (what NumPy's seeding takes).

    Examples
    --------
    >>> random_seed("7")
    7
    >>> random_seed("-1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: -1: a seed is a whole number 0 or more; e.g. --seed 7
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a whole number; a seed is a whole number 0 or more; e.g. --seed 7"
        ) from None
    if value < 0:
        raise argparse.ArgumentTypeError(
            f"{value}: a seed is a whole number 0 or more; e.g. --seed 7"
        )
    return value
