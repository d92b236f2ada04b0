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
