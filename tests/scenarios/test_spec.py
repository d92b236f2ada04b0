"""Scenario specs: parsing, period expansion, and exact error messages."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from idcforecast.errors import SpecError
from idcforecast.scenarios.spec import Scenario, load_scenarios

EXAMPLE = Path(__file__).parents[2] / "data" / "scenarios" / "china_idc_example.toml"


def test_dict_spec_expands_periods_and_keeps_order() -> None:
    spec = load_scenarios(
        {
            "scenarios": {
                "base": {"weight": 0.5},
                "bull": {"weight": 0.25, "growth": {"2025-2027": 0.03, "2028": 0.01}},
                "bear": {"weight": 0.25, "shocks": {"2026": -0.1}, "cap": 9000, "cap_mode": "clip"},
            }
        }
    )
    assert spec.names == ("base", "bull", "bear")
    assert spec.weights == (0.5, 0.25, 0.25)
    assert dict(spec.scenarios[1].growth) == {2025: 0.03, 2026: 0.03, 2027: 0.03, 2028: 0.01}
    assert spec.scenarios[2].cap == 9000.0
    assert spec.scenarios[2].cap_mode == "clip"
    assert spec.source == "<dict>"


def test_log_adjustment_compounds_growth_and_keeps_shock_level() -> None:
    # 100 -> 2026 x1.10 = 110 -> 2027 x1.10 x(1-0.5) = 60.5 -> 2028 unchanged 60.5
    s = Scenario("x", growth={2026: 0.1, 2027: 0.1}, shocks={2027: -0.5})
    got = 100 * np.exp(s.log_adjustment(np.array([2025, 2026, 2027, 2028])))
    np.testing.assert_allclose(got, [100.0, 110.0, 60.5, 60.5], rtol=1e-12)


def test_example_file_loads() -> None:
    spec = load_scenarios(EXAMPLE)
    assert spec.names == ("base", "bull", "bear")
    assert spec.weights is not None and abs(sum(spec.weights) - 1) < 1e-12
    assert spec.series_id == "china_idc_cidc_overall"
    assert any(s.shocks for s in spec.scenarios)
    assert any(s.cap is not None for s in spec.scenarios)


def _raises(spec: dict, message: str) -> SpecError:
    with pytest.raises(SpecError, match=re.escape(message) + "$") as info:
        load_scenarios(spec)
    return info.value


def test_unknown_scenario_key_names_file_scenario_key_and_suggests(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[scenarios.bull]\ngrowht = { "2026" = 0.02 }\n', encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_scenarios(path)
    assert str(info.value) == (
        f"{path}: scenario 'bull' has unknown key 'growht'; did you mean 'growth'?"
    )
    assert (info.value.file, info.value.scenario, info.value.key) == (str(path), "bull", "growht")


def test_unknown_top_level_key() -> None:
    _raises(
        {"scenario": {}},
        "<dict>: the spec has unknown key 'scenario'; did you mean 'scenarios'?",
    )


def test_weights_must_sum_to_one() -> None:
    err = _raises(
        {"scenarios": {"base": {"weight": 0.5}, "bull": {"weight": 0.3}, "bear": {"weight": 0.3}}},
        "<dict>: scenario weights must sum to 1; found base 0.5 + bull 0.3 + bear 0.3 = 1.1; "
        "rescale the weights (base 0.4545, bull 0.2727, bear 0.2728)",
    )
    assert err.total == pytest.approx(1.1)
    # 0.5 / 1.1 = 0.45454 -> 0.4545; 0.3 / 1.1 = 0.27272 -> 0.2727; the last 1 - 0.7272 =
    # 0.2728, so the weights offered add up to 1 (was "rescale the weights" alone)
    _raises(  # thirds typed by hand: 0.9999
        {
            "scenarios": {
                "a": {"weight": "33.33%"},
                "b": {"weight": "33.33%"},
                "c": {"weight": 0.3333},
            }
        },
        "<dict>: scenario weights must sum to 1; found a 0.3333 + b 0.3333 + c 0.3333 = 0.9999; "
        "rescale the weights (a 0.3333, b 0.3333, c 0.3334)",
    )
    _raises(  # nothing to rescale
        {"scenarios": {"a": {"weight": 0}, "b": {"weight": 0.0}}},
        "<dict>: scenario weights must sum to 1; found a 0 + b 0 = 0; give at least one "
        "scenario a positive weight",
    )


def test_weights_as_percent_text_and_percent_numbers() -> None:
    # "50%" was refused ("must be a number between 0 and 1; found '50%'") though growth and
    # shocks take percent text; 50 is still refused, now with its fraction
    spec = load_scenarios({"scenarios": {"base": {"weight": "50%"}, "bull": {"weight": "25 %"},
                                         "bear": {"weight": "25％"}}})  # fmt: skip
    assert spec.weights == (0.5, 0.25, 0.25)
    _raises(
        {"scenarios": {"base": {"weight": 50}, "bear": {"weight": 50}}},
        "<dict>: scenario 'base' key 'weight' must be a number between 0 and 1 (weights are "
        'fractions: 0.5 or "50%" for 50%); found 50',
    )
    _raises(
        {"scenarios": {"base": {"weight": "half"}}},
        "<dict>: scenario 'base' key 'weight' must be a number between 0 and 1 (a fraction "
        "such as 0.25, or a percent text such as \"25%\"); found 'half'",
    )


def test_weights_as_percent_in_words() -> None:
    # "50 pct" was refused as a weight while growth reads "3 pct" as 3%
    spec = load_scenarios(
        {
            "scenarios": {
                "base": {"weight": "50 pct"},
                "bull": {"weight": "25 percent"},
                "bear": {"weight": "百分之二十五"},
            }
        }
    )
    assert spec.weights == (0.5, 0.25, 0.25)
    _raises(  # a range is no one probability
        {"scenarios": {"base": {"weight": "40-60 pct"}}},
        "<dict>: scenario 'base' key 'weight' must be a number between 0 and 1 (a fraction "
        "such as 0.25, or a percent text such as \"25%\"); found '40-60 pct'",
    )


def test_weights_all_or_none() -> None:
    _raises(
        {"scenarios": {"base": {"weight": 1.0}, "bear": {}}},
        "<dict>: scenario(s) 'bear' have no 'weight' while 'base' do; give every scenario a "
        "weight or none",
    )


def test_bad_period_and_value() -> None:
    _raises(
        {"scenarios": {"bull": {"growth": {"2027-2025": 0.1}}}},
        "<dict>: scenario 'bull' key 'growth': period '2027-2025' ends before it starts; "
        "write '2025-2027'",
    )
    _raises(
        {"scenarios": {"bull": {"growth": {"2026": "3 per year"}}}},
        "<dict>: scenario 'bull' key 'growth': period '2026' must map to a fraction "
        '(0.03 = +3%), a percent ("3%", "3 pct") or, for a series in %, percentage points '
        '("+2pp", "2 ppt", "2个百分点"); found \'3 per year\'',
    )
    # 4 would be +400% a year: refused, with both readings spelled out (was accepted)
    _raises(
        {"scenarios": {"bull": {"growth": {"2024-2027": 4}}}},
        "<dict>: scenario 'bull' key 'growth': period '2024-2027': 4 is +400% (fractions: "
        '0.03 = +3%); write 0.04 for +4%, or "400%" if +400% is meant',
    )
    _raises(
        {"scenarios": {"bull": {"shocks": {"2026": 1.5}}}},
        "<dict>: scenario 'bull' key 'shocks': period '2026': 1.5 is +150% (fractions: "
        '0.03 = +3%); write 0.015 for +1.5%, or "150%" if +150% is meant',
    )
    _raises(
        {"scenarios": {"bear": {"shocks": {"2026": -1.0}}}},
        "<dict>: scenario 'bear' key 'shocks' year 2026: -1.0 (-100%) would make the level "
        "zero or negative; expected a fraction greater than -1 (-0.10 = -10%) or a percent "
        'above -100% ("-10%")',
    )
    # "-150%" was shown as -1.5 alone, a number the spec does not contain
    _raises(
        {"scenarios": {"bear": {"growth": {"2025": "-150%"}}}},
        "<dict>: scenario 'bear' key 'growth' year 2025: -1.5 (-150%) would make the level "
        "zero or negative; expected a fraction greater than -1 (-0.10 = -10%) or a percent "
        'above -100% ("-10%")',
    )


def test_percent_text_is_read_as_percent() -> None:
    spec = load_scenarios(
        {
            "scenarios": {
                "bull": {"growth": {"2026": "3%", "2027": "-2.5 %"}, "shocks": {"2028": "400%"}}
            }
        }
    )
    (bull,) = spec.scenarios
    assert dict(bull.growth) == {2026: 0.03, 2027: -0.025}
    assert dict(bull.shocks) == {2028: 4.0}  # said explicitly: allowed


def test_percent_text_with_a_typographic_minus_or_full_width_percent() -> None:
    # "−5%" (U+2212, as Word and web pages write a minus) and "-5％" (full-width percent,
    # Chinese input) were refused as "must map to a fraction ... or a percent"
    spec = load_scenarios(
        {
            "scenarios": {
                "bear": {
                    "growth": {"2026": "\u22125%", "2027": "-2.5％"},
                    "shocks": {"2028": "\u221210 %"},
                }
            }
        }
    )
    (bear,) = spec.scenarios
    assert dict(bear.growth) == {2026: -0.05, 2027: -0.025}
    assert dict(bear.shocks) == {2028: -0.10}


def test_bad_cap_and_mode() -> None:
    _raises(
        {"scenarios": {"bull": {"cap": -5}}},
        "<dict>: scenario 'bull' key 'cap' must be a positive finite number; found -5",
    )
    _raises(
        {"scenarios": {"bull": {"cap": 10, "cap_mode": "hard"}}},
        "<dict>: scenario 'bull' key 'cap_mode' must be one of smooth, clip; found 'hard'",
    )


@pytest.mark.parametrize("mode", ["clip", "smooth"])
def test_a_cap_mode_without_a_cap_is_refused(mode: str) -> None:
    # was: kept and ignored, so a spec whose cap was commented out ran uncapped in silence
    _raises(
        {"scenarios": {"bull": {"cap_mode": mode}}},
        f"<dict>: scenario 'bull' key 'cap_mode' is {mode!r} but the scenario has no 'cap', "
        "so it would be ignored; give a cap (cap = 12000, or a figure such as '1.2万亿元') "
        "or drop cap_mode",
    )


@pytest.mark.parametrize(
    ("period", "fix"), [("2027-2025", "2025-2027"), ("2027–2025", "2025-2027")]
)
def test_a_period_written_backwards_says_so(period: str, fix: str) -> None:
    # was: "is not a year or a year range; expected '2026' or '2025-2027'"
    _raises(
        {"scenarios": {"bull": {"growth": {period: 0.03}}}},
        f"<dict>: scenario 'bull' key 'growth': period {period!r} ends before it starts; "
        f"write {fix!r}",
    )


@pytest.mark.parametrize(
    ("period", "years"),
    [
        ("2025~2027", [2025, 2026, 2027]),
        ("2025～2027", [2025, 2026, 2027]),  # full-width tilde
        ("2025—2027", [2025, 2026, 2027]),  # em dash
        ("2025 to 2027", [2025, 2026, 2027]),
        ("2025至2027年", [2025, 2026, 2027]),
        ("2025年-2027年", [2025, 2026, 2027]),
        ("2026E", [2026]),
        ("2025E-2027E", [2025, 2026, 2027]),
        ("2026年", [2026]),
    ],
)
def test_periods_as_reports_write_them(period: str, years: list[int]) -> None:
    # "2026E", "2025~2027" and "2025至2027年" were "not a year or a year range"
    (scenario,) = load_scenarios({"scenarios": {"bull": {"growth": {period: 0.03}}}}).scenarios
    assert dict(scenario.growth) == dict.fromkeys(years, 0.03)


@pytest.mark.parametrize(
    "period", ["27-2025", "202-2025", "2025-202", "20251", "2025-2027-2029", "FY2026", "E2026"]
)
def test_a_period_that_is_no_year_range_is_refused(period: str) -> None:
    # "27-2025" was read as the 1,999 years 27 to 2025
    _raises(
        {"scenarios": {"bull": {"growth": {period: 0.03}}}},
        f"<dict>: scenario 'bull' key 'growth': period {period!r} is not a year or a year "
        "range; expected '2026' or '2025-2027'",
    )


def test_missing_file_and_bad_toml(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(
        SpecError, match=re.escape(f"scenario file {str(missing)!r} cannot be read")
    ):
        load_scenarios(missing)
    bad = tmp_path / "bad.toml"
    bad.write_text("[scenarios.base\n", encoding="utf-8")
    with pytest.raises(SpecError, match=re.escape(f"scenario file {str(bad)!r} is not valid")):
        load_scenarios(bad)


def test_empty_scenarios() -> None:
    _raises(
        {"scenarios": {}},
        "<dict>: expected a non-empty [scenarios] table (for example [scenarios.base]); found dict",
    )


def test_scenario_outside_the_scenarios_table_says_where_it_goes() -> None:
    # Was: "the spec has unknown key 'bull'; allowed keys: description, scenarios, ..."
    with pytest.raises(SpecError) as caught:
        load_scenarios({"bull": {"growth": {"2025-2027": 0.03}}})
    assert str(caught.value) == (
        "<dict>: the spec has unknown key 'bull', a table that looks like a scenario; "
        "scenarios go under 'scenarios': [scenarios.bull] in TOML, {'scenarios': {'bull': "
        "{...}}} in a dict"
    )


def test_period_with_an_en_dash() -> None:
    # "2025–2027" as typed in reports (en dash) is the same period as "2025-2027"
    spec = load_scenarios({"scenarios": {"bull": {"growth": {"2025–2027": 0.03}}}})
    assert spec.scenarios[0].growth == {2025: 0.03, 2026: 0.03, 2027: 0.03}


def test_a_bundled_spec_is_found_by_its_bare_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: the README's simulate(frame, 4, scenarios="china_idc_example.toml") failed with
    # "No such file or directory" unless run from data/scenarios
    monkeypatch.chdir(tmp_path)
    spec = load_scenarios("china_idc_example.toml")
    assert spec.names == ("base", "bull", "bear")
    (tmp_path / "china_idc_example.toml").write_text(
        "[scenarios.mine]\n", encoding="utf-8"
    )  # a file of that name here is the user's, and wins
    assert load_scenarios("china_idc_example.toml").names == ("mine",)
    with pytest.raises(SpecError, match=re.escape("or the name of a bundled one (")):
        load_scenarios("nope.toml")


def test_a_scenario_named_weighted_is_refused(tmp_path: Path) -> None:
    # uat12: [scenarios.weighted] was accepted; tables then held two "weighted" rows,
    # prob_exceeds(scenario="weighted") returned it instead of the mixture, and the report
    # crashed with a TypeError
    path = tmp_path / "w.toml"
    path.write_text("[scenarios.Weighted]\nweight = 0.5\n[scenarios.base]\nweight = 0.5\n")
    with pytest.raises(SpecError) as caught:
        load_scenarios(path)
    assert str(caught.value) == (
        f"{path}: scenario 'Weighted': the name 'weighted' is kept for the probability-weighted "
        "mixture of the scenarios that every table adds; rename it (e.g. 'blended' or "
        "'probability_weighted')"
    )
    assert (caught.value.scenario, caught.value.file) == ("Weighted", str(path))


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_file_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    # scen26: Windows Notepad saves "UTF-8" with a byte-order mark; the spec was refused as
    # "not valid UTF-8 TOML: Invalid statement (at line 1, column 1); fix the syntax"
    path = tmp_path / "spec.toml"
    path.write_text(
        'unit = "亿元"\n[scenarios.bear]\ngrowth = {"2026" = "-5%"}\n', encoding=encoding
    )
    spec = load_scenarios(path)
    assert (spec.unit, spec.names, dict(spec.scenarios[0].growth)) == (
        "亿元",
        ("bear",),
        {2026: -0.05},
    )


def test_a_file_in_another_encoding_says_to_save_it_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.toml"
    path.write_bytes('description = "中国"\n[scenarios.base]\n'.encode("gbk"))
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"scenario file {str(path)!r} is not UTF-8 text (invalid continuation byte at "
            "byte 15); spec files are UTF-8: save it as UTF-8 (a file from Chinese Windows is "
            "often GBK)"
        ),
    ):
        load_scenarios(path)


def test_overlapping_periods_are_named() -> None:
    # Was: "year 2027 appears in two periods", without saying which two
    _raises(
        {"scenarios": {"bull": {"growth": {"2025-2027": 0.04, "2027-2029": 0.02}}}},
        "<dict>: scenario 'bull' key 'growth': year 2027 is in two periods, '2025-2027' and "
        "'2027-2029'; give each year once (e.g. end the first period a year earlier)",
    )


def test_a_period_with_a_two_digit_end_year_reads_as_reports_write_it() -> None:
    # Was refused ("'2025-27' is not a year or a year range"): 2025-27 is 2025, 2026, 2027
    spec = load_scenarios({"scenarios": {"bull": {"growth": {"2025-27": 0.03, "2028–29": 0.01}}}})
    assert dict(spec.scenarios[0].growth) == {
        2025: 0.03, 2026: 0.03, 2027: 0.03, 2028: 0.01, 2029: 0.01,
    }  # fmt: skip
    _raises(  # an end before the start stays refused, and says so (scen40)
        {"scenarios": {"bull": {"growth": {"2025-24": 0.03}}}},
        "<dict>: scenario 'bull' key 'growth': period '2025-24' ends before it starts; "
        "write '2024-2025'",
    )


QUOTE_IT = 'a percent or points value is text in TOML: "3%", "+2pp"'


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ('growth = { "2025-2027" = 3% }', QUOTE_IT),
        ('growth = { "2025-2027" = +2pp }', QUOTE_IT),
        ("weight = 0,5", "the decimal mark is a point in TOML: 0.5, not 0,5"),
        ("cap = 12,000", "numbers take no thousands commas in TOML: 12000 or 12_000"),
        ('growth = { "2025" = 0.03, }', "an inline table takes no comma after its last entry"),
    ],
)  # fmt: skip
def test_toml_slips_of_a_spreadsheet_user_get_a_hint(tmp_path: Path, line: str, hint: str) -> None:
    # Was: tomllib's words alone, "Unclosed inline table (at line 3, column 27)" for 3%
    path = tmp_path / "s.toml"
    path.write_text(f"[scenarios.base]\n[scenarios.x]\n{line}\n", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_scenarios(path)
    assert str(info.value).endswith(f"; fix the syntax ({hint}: line 3, {line!r})")


def test_other_toml_errors_get_no_hint(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text("[scenarios.base]\nweight = 0.5 0.3\n", encoding="utf-8")
    with pytest.raises(SpecError) as info:
        load_scenarios(path)
    assert str(info.value).endswith("(at line 2, column 14); fix the syntax")


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("growth_pp", "percentage points go under 'growth' as text: "
                      'growth = {"2025-2027" = "+2pp"}'),
        ("shock_points", "percentage points go under 'shocks' as text: "
                         'shocks = {"2026" = "-3pp"}'),
    ],
)  # fmt: skip
def test_a_points_key_says_where_points_go(key: str, hint: str) -> None:
    # Was: "unknown key 'growth_pp'; did you mean 'growth'?", which does not say that the
    # points themselves are written "+2pp" there
    _raises(
        {"scenarios": {"share": {key: {"2026": 2}}}},
        f"<dict>: scenario 'share' has unknown key {key!r}; {hint} (for a series in %)",
    )


@pytest.mark.parametrize(("first", "second"), [("Base", "base"), ("bull", "BULL "), ("熊", "熊 ")])
def test_names_differing_only_in_case_or_spaces_are_refused(
    tmp_path: Path, first: str, second: str
) -> None:
    # TOML keeps [scenarios.Base] and [scenarios.base] as two tables; they were accepted
    # and then written over each other wherever names compare without case
    path = tmp_path / "spec.toml"
    path.write_text(
        f'[scenarios."{first}"]\ngrowth = {{ "2026" = 0.02 }}\n[scenarios."{second}"]\n',
        encoding="utf-8",
    )
    with pytest.raises(SpecError) as err:
        load_scenarios(path)
    message = str(err.value)
    assert repr(first) in message and repr(second) in message
    assert "differ only in case" in message and "rename one" in message
    assert err.value.scenario == second  # type: ignore[attr-defined]


def test_names_that_differ_in_more_than_case_are_kept() -> None:
    spec = load_scenarios({"scenarios": {"base": {}, "base2": {}, "Bull": {}}})
    assert spec.names == ("base", "base2", "Bull")


@pytest.mark.parametrize("name", ["", " ", "\t"])
def test_an_empty_scenario_name_is_refused(tmp_path: Path, name: str) -> None:
    # [scenarios.""] is valid TOML: the scenario ran with a blank name in every table
    path = tmp_path / "spec.toml"
    path.write_text(f'[scenarios.base]\n[scenarios."{name}"]\n', encoding="utf-8")
    with pytest.raises(SpecError, match=re.escape(f"a scenario has the empty name {name!r}")):
        load_scenarios(path)


SPEC_AS_DICT = {
    "series_id": "china_idc_cidc_overall",
    "scenarios": {
        "base": {"weight": 0.5},
        "bull": {"weight": "50%", "growth": {"2024-2027": 0.04}, "cap": "2万亿元"},
    },
}


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (
            ".json",
            '{"series_id": "china_idc_cidc_overall", "scenarios": {"base": {"weight": 0.5}, '
            '"bull": {"weight": "50%", "growth": {"2024-2027": 0.04}, "cap": "2万亿元"}}}',
        ),
        (
            ".yaml",
            "series_id: china_idc_cidc_overall\nscenarios:\n  base:\n    weight: 0.5\n"
            '  bull:\n    weight: "50%"\n    growth:\n      "2024-2027": 0.04\n'
            "    cap: 2万亿元\n",
        ),
        (
            ".yml",
            "series_id: china_idc_cidc_overall\nscenarios:\n  base: {weight: 0.5}\n"
            "  bull: {weight: 50%, growth: {2024-2027: 0.04}, cap: 2万亿元}\n",
        ),
    ],
)
def test_a_json_or_yaml_spec_reads_as_the_same_dict(tmp_path: Path, suffix: str, text: str) -> None:
    # were read as TOML: "is not valid TOML: Expected '=' after a key...; fix the syntax"
    path = tmp_path / f"spec{suffix}"
    path.write_text(text, encoding="utf-8")
    spec, expected = load_scenarios(path), load_scenarios(SPEC_AS_DICT)
    assert spec.scenarios == expected.scenarios and spec.series_id == expected.series_id
    assert spec.weights == (0.5, 0.5) and dict(spec.scenarios[1].growth) == dict.fromkeys(
        range(2024, 2028), 0.04
    )


def test_a_spec_in_another_format_says_what_is_wrong(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"scenarios": {"base": {},}}', encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad\.json' is not valid JSON: .*; fix the syntax"):
        load_scenarios(bad)
    listed = tmp_path / "list.yaml"
    listed.write_text("- base\n- bull\n", encoding="utf-8")
    with pytest.raises(SpecError, match=re.escape("list.yaml' holds a list, not a table of keys")):
        load_scenarios(listed)
    # JSON in a .toml file: TOML's error, and the way to have it read as JSON
    misnamed = tmp_path / "spec.toml"
    misnamed.write_text('{"scenarios": {"base": {}}}', encoding="utf-8")
    with pytest.raises(SpecError, match=re.escape("looks like JSON: name it .json")):
        load_scenarios(misnamed)
    # without PyYAML: what to install, or how else to write it
    monkeypatch.setitem(__import__("sys").modules, "yaml", None)
    spec = tmp_path / "spec.yaml"
    spec.write_text("scenarios:\n  base: {}\n", encoding="utf-8")
    needs = "needs PyYAML (pip install pyyaml, or idcforecast[yaml])"
    with pytest.raises(SpecError, match=re.escape(needs)):
        load_scenarios(spec)


def test_a_shock_after_the_last_simulated_year_is_said_not_applied() -> None:
    # the bundled bear case's "one-off 8% drop in 2026", simulated to 2025, was left out
    # without a word while its description still said it
    import warnings

    from idcforecast.errors import ScenarioWarning
    from idcforecast.scenarios._spec_checks import check_scenario_years
    from idcforecast.scenarios.spec import load_scenarios

    spec = load_scenarios("china_idc_example.toml")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_scenario_years(spec, np.array([2024, 2025]))
    notes = [str(w.message) for w in caught if issubclass(w.category, ScenarioWarning)]
    assert len(notes) == 1
    assert notes[0].endswith(
        "scenario 'bear' key 'shocks': the 2026 shock falls after 2025, the last simulated "
        "year, and is not applied; simulate to 2026 to see it"
    )
    with warnings.catch_warnings(record=True) as caught:  # simulated to 2026: applied
        warnings.simplefilter("always")
        check_scenario_years(spec, np.array([2024, 2025, 2026]))
    assert not [w for w in caught if issubclass(w.category, ScenarioWarning)]
