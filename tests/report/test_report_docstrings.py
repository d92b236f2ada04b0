"""The docstring examples of the report modules run and pass."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "idcforecast.report.style",
        "idcforecast.report.fonts",
        "idcforecast.report.charts",
        "idcforecast.report.tables",
        "idcforecast.report.pdf",
        "idcforecast.cli.report_cmd",
    ],
)
def test_docstring_examples_run(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
