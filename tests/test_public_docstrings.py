"""Every public function documents each of its parameters (numpydoc "Parameters").

`help(idc.backtest)` showed no parameter at all (what is `n_windows`? which `gaps`?), and
`help(idc.smape)` neither its arguments nor what it raises. The check below reads each
export's "Parameters" section and compares its names with the signature, both ways (a
parameter renamed in the code and not in the docstring is caught too).
"""

from __future__ import annotations

import inspect
import re

import pytest

import idcforecast as idc

# Exports of modules other people own, still without a complete "Parameters" section (named
# in the docs40 findings); remove a name once its docstring is complete.
KNOWN_GAPS: set[str] = set()  # (Paths, RateBounds, SeriesForecast, claim_readings: written)

_UNDERLINE = re.compile(r"-{3,}")
# "level", "lower, upper", "cap : float", "**kwargs": names, not a line of prose
_NAME_LINE = re.compile(r"\*{0,2}[A-Za-z_]\w*(?:, \*{0,2}[A-Za-z_]\w*)*(?: : .*)?")


def documented_parameters(doc: str) -> set[str] | None:
    """The names a numpydoc "Parameters" section lists (``lower, upper`` is two), or None
    when there is no such section."""
    lines = doc.splitlines()
    if "Parameters" not in lines:
        return None
    names: set[str] = set()
    at = lines.index("Parameters") + 2
    while at < len(lines):
        line = lines[at]
        if at + 1 < len(lines) and _UNDERLINE.fullmatch(lines[at + 1]):
            break  # the next section's title
        if _NAME_LINE.fullmatch(line):
            names.update(part.strip().lstrip("*") for part in line.split(":")[0].split(","))
        at += 1
    return names


def parameter_gaps(obj: object) -> list[str]:
    signature = inspect.signature(obj)  # type: ignore[arg-type]
    wanted = [
        name
        for name, p in signature.parameters.items()
        if name != "self" and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    ]
    doc = inspect.getdoc(obj) or ""
    names = documented_parameters(doc)
    if names is None:
        return [f"no Parameters section (parameters {', '.join(wanted)})"] if wanted else []
    gaps = [f"{name} undocumented" for name in wanted if name not in names]
    return gaps + [f"{name} documented but not a parameter" for name in sorted(names - set(wanted))]


def public_callables() -> list[str]:
    names = []
    for name in idc.__all__:
        obj = getattr(idc, name)
        if not callable(obj) or (inspect.isclass(obj) and issubclass(obj, BaseException)):
            continue  # errors and warnings take a message
        try:
            inspect.signature(obj)
        except (TypeError, ValueError):  # pragma: no cover - a builtin without a signature
            continue
        names.append(name)
    return names


def test_the_parser_reads_a_numpydoc_section() -> None:
    doc = "Title.\n\nParameters\n----------\nx\n    An x.\nlow, high : float\n    Bounds.\n\n"
    doc += "Prose after the list,\nwrapped over lines\n\n"
    doc += "Returns\n-------\nfloat\n    Not a parameter.\n"
    assert documented_parameters(doc) == {"x", "low", "high"}
    assert documented_parameters("Title only.") is None


@pytest.mark.parametrize("name", sorted(set(public_callables()) - KNOWN_GAPS))
def test_every_parameter_is_documented(name: str) -> None:
    assert parameter_gaps(getattr(idc, name)) == []


def test_the_known_gaps_are_still_gaps() -> None:
    # a gap fixed elsewhere must leave this list, so that the check above covers it again
    assert [name for name in sorted(KNOWN_GAPS) if not parameter_gaps(getattr(idc, name))] == []


def raises_section(doc: str) -> set[str]:
    """The exception names a numpydoc "Raises" section lists."""
    lines = doc.splitlines()
    if "Raises" not in lines:
        return set()
    names: set[str] = set()
    for line in lines[lines.index("Raises") + 2 :]:
        if line and not line.startswith(" "):
            if not re.fullmatch(r"[A-Z]\w*(?:, [A-Z]\w*)*", line):
                break  # the next section's title or prose
            names.update(part.strip() for part in line.split(","))
    return names


def _series() -> object:
    import pandas as pd

    return pd.Series([10.0, 12, 13, 15, 18, 20, 23, 25], index=range(2016, 2024), name="s")


# (function, how to call it wrongly, the error it raises): the Raises section must name it
WRONG_CALLS = [
    ("smape", lambda: idc.smape([1.0, 2.0], [1.0]), "DataError"),
    ("smape", lambda: idc.smape([], []), "EmptyDataError"),
    ("smape", lambda: idc.smape([1.0, float("nan")], [1.0, 2.0]), "NonNumericValueError"),
    ("mase", lambda: idc.mase([1.0], [1.0], history=[5.0, 5.0]), "DataError"),
    ("coverage", lambda: idc.coverage([1.0], [2.0], [0.0]), "DataError"),
    ("winkler_score", lambda: idc.winkler_score([1.0], [0.0], [2.0], level=0.8), "ModelError"),
    ("backtest", lambda: idc.backtest(_series(), 0), "HorizonError"),
    ("backtest", lambda: idc.backtest(_series(), 2, method="nope"), "UnknownMethodError"),
    ("backtest", lambda: idc.backtest(_series(), 2, level=150), "ModelError"),
    ("backtest", lambda: idc.backtest(_series(), 2, cap={"x": 1.0}), "UnknownSeriesError"),
    ("accuracy", lambda: idc.accuracy("not a frame"), "DataError"),
    ("compare_methods", lambda: idc.compare_methods(_series(), 2030), "HorizonError"),
    ("compare_methods", lambda: idc.compare_methods(_series(), 3, seed=-1), "ModelError"),
    ("compare_methods", lambda: idc.compare_methods(_series(), 3, gaps="x"), "DataError"),
    (
        "compare_methods",
        lambda: idc.compare_methods(_series(), 3, methods=["nope"]),
        "UnknownMethodError",
    ),
    (
        "compare_methods",
        lambda: idc.compare_methods(_series(), 3, cap={"x": 1.0}),
        "UnknownSeriesError",
    ),
    ("simulate", lambda: idc.simulate(_series(), 3, n_paths=0), "ModelError"),
    ("simulate", lambda: idc.simulate(_series(), 3, series_id="x"), "UnknownSeriesError"),
    ("simulate", lambda: idc.simulate(_series(), 3, scenarios="nope.toml"), "SpecError"),
    ("simulate", lambda: idc.simulate("abc", 3), "DataError"),
    ("simulate", lambda: idc.simulate(_series(), 3, kw_per_rack=-1), "UnitError"),
    ("prob_exceeds", lambda: idc.prob_exceeds(_paths(), "20-30", 2025), "SpecError"),
    ("prob_exceeds", lambda: idc.prob_exceeds(_paths(), 20, 2050), "UnknownNameError"),
    ("reconcile", lambda: idc.reconcile(_nodes(), _tree(), method="x"), "UnknownMethodError"),
    ("reconcile", lambda: idc.reconcile(_nodes(), {"total": "a"}), "SpecError"),
    (
        "reconcile",
        lambda: idc.reconcile(_nodes(), {"total": ["a", "c"]}, method="ols"),
        "UnknownSeriesError",
    ),
    ("DriverModel", lambda: idc.DriverModel(), "SpecError"),
    ("canonical_unit", lambda: idc.canonical_unit("xyz"), "UnknownUnitError"),
    ("canonical_unit", lambda: idc.canonical_unit(3), "ParseError"),
    ("implied_base", lambda: idc.implied_base(3200, 27.8, 2), "GrowthError"),
    ("implied_target", lambda: idc.implied_target(1562.5, 27.8, 3), "GrowthError"),
    ("implied_years", lambda: idc.implied_years(100, 50, 0.1), "GrowthError"),
    ("doubling_time", lambda: idc.doubling_time(-0.1), "GrowthError"),
    ("reconciliation_table", lambda: idc.reconciliation_table(_capex(), 1, year=2024), "SpecError"),
    (
        "reconciliation_table",
        lambda: idc.reconciliation_table(_racks(), "abc", year=2022),
        "DataError",
    ),
]


def _paths():  # type: ignore[no-untyped-def]
    return idc.simulate(_series(), 3, n_paths=50, seed=1)


def _nodes():  # type: ignore[no-untyped-def]
    import pandas as pd

    return pd.DataFrame({"series_id": ["total", "a", "b"], "year": 2030, "mean": [9.0, 6, 3]})


def _tree() -> dict[str, list[str]]:
    return {"total": ["a", "b"]}


def _capex():  # type: ignore[no-untyped-def]
    return idc.DriverModel(capex="500 billion yuan", capex_per_mw=(20e6, 50e6))


def _racks():  # type: ignore[no-untyped-def]
    return idc.DriverModel(racks=1e6, utilisation=0.6, revenue_per_rack=5e4, year=2022)


@pytest.mark.parametrize(
    ("name", "call", "error"), WRONG_CALLS, ids=[f"{n}-{e}" for n, _, e in WRONG_CALLS]
)
def test_the_raises_section_names_the_error(name: str, call, error: str) -> None:  # type: ignore[no-untyped-def]
    from idcforecast.errors import IdcForecastError

    with pytest.raises(IdcForecastError) as caught:
        call()
    assert type(caught.value).__name__ == error
    assert error in raises_section(inspect.getdoc(getattr(idc, name)) or "")


def test_every_registered_model_documents_its_parameters() -> None:
    # forecast(method=...) names these classes; DampedLog (phi) and MedianCombination
    # (members) had no Parameters section
    from idcforecast.models import MODEL_REGISTRY

    gaps = {alias: parameter_gaps(cls) for alias, cls in MODEL_REGISTRY.items()}
    assert {alias: found for alias, found in gaps.items() if found} == {}


@pytest.mark.parametrize("name", public_callables())
def test_help_shows_the_sections_unindented(name: str) -> None:
    # find_figures' docstring held a real line break (a "\\n" written as "\n"), so
    # inspect.cleandoc could not strip its margin: help() showed every line indented and
    # its "Parameters" section was no section at all
    raw = getattr(idc, name).__doc__ or ""
    cleaned = (inspect.getdoc(getattr(idc, name)) or "").splitlines()
    for title in ("Parameters", "Returns", "Raises", "Examples"):
        if re.search(rf"^\s*{title}\n\s*-+$", raw, re.M):
            assert title in cleaned, title
