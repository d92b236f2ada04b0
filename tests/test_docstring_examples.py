"""Every docstring example in the package runs and prints what it claims.

One runner for the whole package (numpydoc "Examples" sections are documentation users copy;
they must not rot). Modules listed in ``MUST_HAVE_EXAMPLES`` are also required to keep at
least one example.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import idcforecast

# `python -m idcforecast` runs the command line on import; it has nothing to document.
SKIP = {"idcforecast.__main__"}

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(idcforecast.__path__, prefix="idcforecast.")
    if info.name not in SKIP
)

MUST_HAVE_EXAMPLES = {
    "idcforecast._cells",
    "idcforecast._paths",
    "idcforecast._tidy",
    "idcforecast.cli._text",
    "idcforecast.cli.report_cmd",
    "idcforecast.cli.show_cmd",
    "idcforecast.datasets",
    "idcforecast.growth",
    "idcforecast.growth_bounds",
    "idcforecast.io",
    "idcforecast.report.charts",
    "idcforecast.report.fonts",
    "idcforecast.report.pdf",
    "idcforecast.report.style",
    "idcforecast.report.tables",
    "idcforecast.scenarios._driver_inputs",
    "idcforecast.scenarios._reconcile_methods",
    "idcforecast.scenarios.drivers",
    "idcforecast.scenarios.gap",
    "idcforecast.scenarios.montecarlo",
    "idcforecast.scenarios.paths",
    "idcforecast.scenarios.reconcile",
    "idcforecast.scenarios.spec",
    "idcforecast.scenarios.tables",
    "idcforecast.units",
    "idcforecast.units.convert",
    "idcforecast.units.fx",
    "idcforecast.units.parse",
    "idcforecast.units.quantity",
    "idcforecast.units.registry",
}


def test_the_walk_finds_the_package() -> None:
    assert MUST_HAVE_EXAMPLES.issubset(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    if name in MUST_HAVE_EXAMPLES:
        assert result.attempted > 0, f"{name} has no examples"
    assert result.failed == 0
