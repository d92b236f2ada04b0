"""The examples in the units docstrings run and print what they claim."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "idcforecast._paths",
    "idcforecast.units",
    "idcforecast.units.convert",
    "idcforecast.units.fx",
    "idcforecast.units.parse",
    "idcforecast.units.quantity",
    "idcforecast.units.registry",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
