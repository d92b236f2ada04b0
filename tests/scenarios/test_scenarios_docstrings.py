"""The examples in the scenarios docstrings run and print what they claim."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "idcforecast.scenarios.drivers",
    "idcforecast.scenarios.gap",
    "idcforecast.scenarios.montecarlo",
    "idcforecast.scenarios.paths",
    "idcforecast.scenarios.reconcile",
    "idcforecast.scenarios.spec",
    "idcforecast.scenarios.tables",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
