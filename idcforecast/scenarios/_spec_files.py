"""A scenario spec file's text as the mapping ``spec._parse`` reads: TOML (the documented
form), or the same structure in JSON or YAML, by the file's suffix (private to ``spec``).

A YAML or JSON spec was read as TOML and refused with "is not valid TOML ... fix the
syntax", though its syntax was fine: JSON is read with the standard library, YAML with
PyYAML when it is installed (otherwise an error that says so and how to write it as TOML).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

from idcforecast.errors import SpecError

__all__ = ["SPEC_FORMATS", "parse_spec_text"]

SPEC_FORMATS = {".json": "JSON", ".yaml": "YAML", ".yml": "YAML"}  # anything else: TOML


def parse_spec_text(text: str, path: str) -> Mapping[str, Any]:
    """The spec in ``text`` (the file ``path``, whose suffix says the format)."""
    kind = SPEC_FORMATS.get(_suffix(path), "TOML")
    if kind == "JSON":
        data = _json(text, path)
    elif kind == "YAML":
        data = _yaml(text, path)
    else:
        data = _toml(text, path)
    if not isinstance(data, Mapping):
        raise SpecError(
            f"scenario file {path!r} holds a {type(data).__name__}, not a table of keys; "
            f"expected {{'scenarios': {{'base': {{...}}}}}} at the top of the {kind} file",
            file=path,
        )
    return data


def _suffix(path: str) -> str:
    found = re.search(r"\.[A-Za-z]+$", path)
    return found.group(0).lower() if found else ""


def _json(text: str, path: str) -> Any:
    import json

    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise SpecError(
            f"scenario file {path!r} is not valid JSON: {err}; fix the syntax", file=path
        ) from None


def _yaml(text: str, path: str) -> Any:
    try:
        import yaml  # type: ignore[import-untyped]
    except ImportError:
        raise SpecError(
            f"scenario file {path!r} is YAML, which needs PyYAML (pip install pyyaml, or "
            "idcforecast[yaml]) to be read; or write the spec as JSON, or as TOML "
            f"([scenarios.base] tables) as in {example_spec()}",
            file=path,
        ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise SpecError(
            f"scenario file {path!r} is not valid YAML: {' '.join(str(err).split())}; fix "
            "the syntax",
            file=path,
        ) from None


def _toml(text: str, path: str) -> Any:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise SpecError(
            f"scenario file {path!r} is not valid TOML: {err}; fix the syntax"
            + _toml_hint(text, str(err))
            + _other_format(text),
            file=path,
        ) from None


# the slips a spreadsheet user makes in TOML, found on the line the parser names
_TOML_SLIPS = (
    (r"=\s*[-+]?\d[\d.]*\s*(%|pp\b)", 'a percent or points value is text in TOML: "3%", "+2pp"'),
    (r"=\s*[-+]?\d{1,3}(,\d{3})+\b", "numbers take no thousands commas in TOML: 12000 or 12_000"),
    (r"=\s*[-+]?\d+,(?!\d{3}\b)\d+", "the decimal mark is a point in TOML: 0.5, not 0,5"),
    (r"\{[^}]*,\s*\}", "an inline table takes no comma after its last entry"),
)


def _toml_hint(text: str, message: str) -> str:
    """A hint for the TOML slips above on the line ``message`` names ("(at line 3, ..."),
    as tomllib says only "Unclosed inline table" for ``growth = { "2025" = 3% }``."""
    found = re.search(r"at line (\d+)", message)
    lines = text.splitlines()
    if not found or not 1 <= int(found.group(1)) <= len(lines):
        return ""
    line = lines[int(found.group(1)) - 1].split("#")[0]
    hints = [hint for pattern, hint in _TOML_SLIPS if re.search(pattern, line)]
    return f" ({'; '.join(hints)}: line {found.group(1)}, {line.strip()!r})" if hints else ""


def _other_format(text: str) -> str:
    """A note when a file read as TOML looks like JSON or YAML: its suffix decides."""
    start = text.lstrip()
    if start.startswith("{"):
        return "; the file looks like JSON: name it .json to have it read as JSON"
    if re.search(r"^scenarios\s*:\s*$", text, flags=re.MULTILINE):
        return "; the file looks like YAML: name it .yaml to have it read as YAML"
    return ""


EXAMPLE_SPEC = "china_idc_example.toml"


def example_spec() -> str:
    """The bundled example spec as the errors name it: its file name, which
    ``load_scenarios`` and ``idcforecast scenarios`` read as it is, and where this install
    keeps it (``data/scenarios/`` in a source checkout, ``idcforecast/_bundled_data/
    scenarios/`` after pip install; the errors cited the checkout's path, which a pip
    install does not have).

    Examples
    --------
    >>> from pathlib import Path
    >>> text = example_spec()
    >>> text.startswith("the bundled example china_idc_example.toml (at ")
    True
    >>> Path(text[text.index("(at ") + 4 : -1]).is_file()
    True
    """
    from idcforecast._paths import data_dir

    return f"the bundled example {EXAMPLE_SPEC} (at {data_dir() / 'scenarios' / EXAMPLE_SPEC})"
