"""The curated public namespace: sorted, complete, and every name resolves."""

from __future__ import annotations

import subprocess
import sys

import idcforecast


def test_all_is_sorted_and_unique() -> None:
    assert idcforecast.__all__ == sorted(set(idcforecast.__all__))


def test_every_public_name_resolves() -> None:
    for name in idcforecast.__all__:
        assert getattr(idcforecast, name) is not None, name


def test_unknown_attribute_raises_attribute_error() -> None:
    try:
        idcforecast.no_such_function  # noqa: B018
    except AttributeError as err:
        assert "no_such_function" in str(err)
    else:  # pragma: no cover - the assertion is the test
        raise AssertionError("expected AttributeError")


def test_import_is_lazy() -> None:
    # The command line must start fast: importing the package loads no heavy library.
    code = (
        "import sys, idcforecast; "
        "heavy = ('pandas', 'statsmodels', 'matplotlib', 'scipy'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_no_public_function_shares_its_name_with_a_submodule() -> None:
    # Importing a submodule sets it as an attribute of the package, which would shadow a
    # lazily exported function of the same name (idc.forecast turning into a module).
    import importlib.util

    clashes = [
        name
        for name, module in idcforecast._EXPORTS.items()
        if module != "idcforecast" and importlib.util.find_spec(f"idcforecast.{name}") is not None
    ]
    assert clashes == []


def test_public_functions_survive_importing_every_submodule() -> None:
    code = (
        "import importlib, pkgutil, idcforecast as idc; "
        "[importlib.import_module(m.name) for m in "
        "pkgutil.walk_packages(idc.__path__, 'idcforecast.') if m.name != 'idcforecast.__main__']; "
        "print(type(idc.forecast).__name__, type(idc.track_record).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["function", "function"]
