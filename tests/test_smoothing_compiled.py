"""The compiled SES and damped searches return exactly (bit for bit) what numpy returns.

The reference is the numpy path of :func:`idcforecast._auto_smoothing.damped_search` and
``ses_search`` themselves (``IDCFORECAST_NO_NUMBA=1``), which ``tests/test_auto_smoothing.py``
checks against the registry's ``ses`` and ``damped`` models (``fit_ets``). Equality is
exact, not approximate: the choice of path must never change a forecast.
"""

from __future__ import annotations

import numpy as np
import pytest

from idcforecast import _smoothing_compiled
from idcforecast._auto_smoothing import damped_search, ses_search
from idcforecast._smoothing_compiled import DISABLE_ENV, MIN_COMPILED_PROBLEMS, compiled_search

pytest.importorskip("numba")


SEARCHES = {"ses": ses_search, "damped": damped_search}


def _search(kind: str, panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, *, compiled: bool):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DISABLE_ENV, "0" if compiled else "1")
        return SEARCHES[kind](panel, owner, plen)


def _problems(
    series: list[np.ndarray], shortest: int = 3
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every prefix of ``shortest``+ points of every series (rolling-origin problems)."""
    panel = np.zeros((len(series), max(y.size for y in series)))
    for i, y in enumerate(series):
        panel[i, : y.size] = y
    owner = np.array([i for i, y in enumerate(series) for _ in range(y.size, shortest - 1, -1)])
    plen = np.array([n for y in series for n in range(y.size, shortest - 1, -1)])
    return panel, owner, plen


def _random_series(rng: np.random.Generator, count: int) -> list[np.ndarray]:
    out = []
    for i in range(count):
        n = int(rng.integers(3, 31))
        kind = i % 5
        if kind == 0:  # trending with noise
            y = 100 + np.cumsum(rng.normal(3, 4, n))
        elif kind == 1:  # growth on logs
            y = 50 * np.exp(np.cumsum(rng.normal(0.08, 0.05, n)))
        elif kind == 2:  # noise around a level, negative values
            y = rng.normal(-2, 5, n)
        elif kind == 3:  # large scale
            y = 1e12 * (1 + np.cumsum(rng.normal(0.02, 0.03, n)))
        else:  # tiny scale
            y = 1e-9 * (5 + np.cumsum(rng.normal(0.1, 0.2, n)))
        out.append(y)
    return out


EDGE = [
    np.full(9, 42.0),  # flat: every SSE is 0, the first grid point wins
    np.arange(12.0),  # an exact line: SSE 0 at many points
    np.array([1.0, 2.0, 4.0]),  # the shortest damped problem
    np.array([5.0, 5.0, 5.0, 5.0, 6.0]),  # flat, then a step in the last year
    np.array([0.0, 0.0, 0.0, 1e-300, 0.0, 0.0]),  # denormal-scale step
]


@pytest.mark.parametrize(("kind", "shortest"), [("ses", 2), ("damped", 3)])
def test_compiled_equals_numpy_bit_for_bit(kind: str, shortest: int) -> None:
    series = _random_series(np.random.default_rng(20261203), 120) + EDGE
    panel, owner, plen = _problems(series, shortest)
    assert plen.size >= MIN_COMPILED_PROBLEMS
    compiled = _search(kind, panel, owner, plen, compiled=True)
    numpy_path = _search(kind, panel, owner, plen, compiled=False)
    assert len(compiled) == len(numpy_path)
    for i, (a, b) in enumerate(zip(compiled, numpy_path, strict=True)):
        np.testing.assert_array_equal(a, b, err_msg=f"{kind} output {i}")


def test_compiled_path_is_taken_from_the_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    for kind in SEARCHES:
        assert compiled_search(kind, MIN_COMPILED_PROBLEMS - 1) is None
        assert callable(compiled_search(kind, MIN_COMPILED_PROBLEMS))
    monkeypatch.setenv(DISABLE_ENV, "1")
    assert compiled_search("damped", 10**6) is None


def test_without_numba_the_numpy_path_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setitem(__import__("sys").modules, "numba", None)  # import numba -> ImportError
    _smoothing_compiled._build.cache_clear()
    try:
        assert compiled_search("damped", 10**6) is None
        panel, owner, plen = _problems(_random_series(np.random.default_rng(1), 30))
        alpha, *_ = damped_search(panel, owner, plen)
        assert np.all((alpha > 0) & (alpha < 1))
    finally:
        _smoothing_compiled._build.cache_clear()


def test_warm_up_loads_the_signature_real_searches_use() -> None:
    # the fork server's warm-up is wasted if a real search needs another compiled signature
    assert _smoothing_compiled.warm_up()
    series = _random_series(np.random.default_rng(7), 40)
    for kind, shortest in (("ses", 2), ("damped", 3)):
        panel, owner, plen = _problems(series, shortest)
        _search(kind, panel, owner, plen, compiled=True)
    kernels = _smoothing_compiled._build()
    assert kernels is not None
    assert {kind: len(kernel.signatures) for kind, kernel in kernels.items()} == {
        "ses": 1,
        "damped": 1,
    }


def test_a_numba_that_cannot_compile_falls_back_to_numpy(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(kernels: dict) -> None:
        raise RuntimeError("LLVM is unhappy")

    monkeypatch.delenv(DISABLE_ENV, raising=False)
    monkeypatch.setattr(_smoothing_compiled, "_first_calls", broken)
    _smoothing_compiled._build.cache_clear()
    try:
        assert compiled_search("damped", 10**6) is None
        assert not _smoothing_compiled.warm_up()
        assert "numba cannot compile the auto kernel (LLVM is unhappy); using numpy" in caplog.text
    finally:
        _smoothing_compiled._build.cache_clear()
