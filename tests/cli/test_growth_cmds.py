"""The cagr, check-claims and track-record subcommands: their printed numbers and errors."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from types import ModuleType

import pytest

from idcforecast.cli import COMMAND_MODULES, cagr_cmd, claims_cmd, main, track_record_cmd
from idcforecast.errors import GrowthError, SpecError


def _run(module: ModuleType, argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    # The same wiring as idcforecast.cli.build_parser, for one subcommand.
    parser = argparse.ArgumentParser(prog=f"idcforecast {module.NAME}")
    module.add_arguments(parser)
    code = module.run(parser.parse_args(argv))
    out = capsys.readouterr().out
    # exit 1 when a claim set is printed inconsistent (cli/_exit: finished, results failed)
    assert code == (1 if "\nconsistent  no " in f"\n{out}" else 0), out
    return out


def test_registered() -> None:
    for name in ("cagr_cmd", "claims_cmd", "track_record_cmd"):
        assert f"idcforecast.cli.{name}" in COMMAND_MODULES
    assert (cagr_cmd.NAME, claims_cmd.NAME, track_record_cmd.NAME) == (
        "cagr",
        "check-claims",
        "track-record",
    )


def test_cagr_of_plain_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(cagr_cmd, ["1562.5", "3200.5", "--years", "3"], capsys)
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987 (see tests/test_growth.py)
    assert out.splitlines() == [
        "start  1,562.5",
        "end    3,200.5",
        "years  3 compounding steps",
        "CAGR   27.0% a year (0.269987 as a fraction)",
    ]


def test_cagr_leaves_out_a_footnote_marker_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    # "3200亿元[1]" (copied with its footnote reference) was "unit '亿元[1]' is not defined"
    from idcforecast.cli import main

    assert main(["cagr", "3200亿元[1]", "4043.2亿元*", "--years", "2"]) == 0
    captured = capsys.readouterr()
    # (4043.2 / 3200) ** (1 / 2) - 1 = 1.26350 ** 0.5 - 1 = 0.124055
    assert "CAGR   12.4% a year (0.124055 as a fraction)" in captured.out
    assert captured.err == (
        "note: cagr: START published as '3200亿元[1]' (footnote marker '[1]', left out in "
        "reading)\nnote: cagr: END published as '4043.2亿元*' (footnote marker '*', left out "
        "in reading)\n"
    )


@pytest.mark.parametrize("start", ["2238.7", "2238.7 CNY 100m"])
def test_cagr_of_figures_typed_a_magnitude_apart_asks_to_check_them(
    start: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "320亿元" typed for 3,200亿元 beside the 2020 actual 2,238.7: -62.2% a year, no word;
    # the rate stays, a note names the ratio and the rate with END ten times larger
    from idcforecast.cli import main

    end = "320亿元" if start == "2238.7" else "32 CNY bn"
    assert main(["cagr", start, end, "2"]) == 0
    captured = capsys.readouterr()
    # (320 / 2238.7) ** (1 / 2) - 1 = 0.142939 ** 0.5 - 1 = 0.378074 - 1 = -0.621926
    assert "CAGR   -62.2% a year (-0.621926 as a fraction)" in captured.out
    # 2238.7 / 320 = 6.996 ("1/7"); (3200 / 2238.7) ** 0.5 - 1 = 1.42939 ** 0.5 - 1 = 0.195571
    typed = (
        "no unit and END with 'CNY 100m'"
        if start == "2238.7"
        else ("'CNY 100m' and END with 'CNY bn'")
    )
    assert captured.err == (
        f"note: cagr: the end is 1/7 of the start, and START was typed with {typed}: check "
        "the magnitudes (with END 3,200 CNY 100m, 10 times larger, the CAGR would be +19.6% a "
        "year)\n"
    )


@pytest.mark.parametrize(
    "argv",
    [["2238.7亿元", "320亿元", "2"], ["100", "1000", "2"], ["1562.5亿元", "320 billion yuan", "3"]],
)
def test_cagr_of_figures_typed_alike_or_close_has_no_magnitude_note(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # one unit typed for both (a tenfold fall may be real), or figures 2 times apart
    from idcforecast.cli import main

    assert main(["cagr", *argv]) == 0
    assert "magnitudes" not in capsys.readouterr().err


def test_cagr_of_figures_in_different_units(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(cagr_cmd, ["1,562.5亿元", "320 billion yuan", "--years", "3"], capsys)
    # 320 CNY bn = 3200 CNY 100m; (3200 / 1562.5) ** (1 / 3) - 1 = 2.048 ** (1/3) - 1 = 0.269921
    # the notes in one column (claims55): the end's figure is padded to the start's
    assert "end    320 CNY bn         (from '320 billion yuan') = 3,200 CNY 100m" in out
    assert out.splitlines()[-1] == "CAGR   27.0% a year (0.269921 as a fraction)"


def test_cagr_keeps_the_qualifier_of_a_converted_end(capsys: pytest.CaptureFixture[str]) -> None:
    # "more than 320 billion yuan" is at least 3,200 亿元 once converted (the "= ..." part
    # read "= 3,200 CNY 100m", as if exact); (3200 / 1562.5)^(1/3) - 1 = 0.269921
    out = _run(cagr_cmd, ["1562.5亿元", "more than 320 billion yuan", "--years", "3"], capsys)
    assert (
        "end    at least 320 CNY bn   (from 'more than 320 billion yuan') = at least 3,200 CNY 100m"
    ) in out
    assert "CAGR   at least 27.0% a year (0.269921 as a fraction)" in out
    # "about $46 billion" at the 2022 G.5A rate 6.7290: 46 * 6.729 = 309.534 CNY bn
    # = 3,095.34 亿元, about; rounded to 3 significant digits ("$46" has two, three at least)
    # with the rate and its source
    out = _run(
        cagr_cmd, ["1562.5亿元", "about $46 billion", "--years", "3", "--fx-year", "2022"], capsys
    )
    assert (
        "= about 3,100 CNY 100m (at 6.7290 CNY per USD, the 2022 annual average of Federal "
        "Reserve G.5A; rounded to 3 significant digits)"
    ) in out


def test_cagr_between_currencies_takes_one_years_fx_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from idcforecast.errors import MissingFxRateError

    args = ["US$10 billion", "80 billion yuan", "--years", "2"]
    out = _run(cagr_cmd, [*args, "--fx-year", "2020"], capsys)
    # Federal Reserve G.5A 2020 average 6.9042 CNY per USD: 80 / 6.9042 = 11.587150 USD bn;
    # (11.587150 / 10) ** (1 / 2) - 1 = 0.076436
    # printed to 3 significant digits ("80" has two), with the rate: 11.6
    assert "= 11.6 USD bn (at 6.9042 CNY per USD, the 2020 annual average of Federal" in out
    assert out.splitlines()[-1] == "CAGR   7.6% a year (0.076436 as a fraction)"
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    with pytest.raises(MissingFxRateError, match=re.escape("pass --fx-year YEAR")):
        cagr_cmd.run(parser.parse_args(args))


def test_cagr_of_a_more_than_figure_is_a_bound(capsys: pytest.CaptureFixture[str]) -> None:
    # used to print a bare "CAGR   27.0%" for "more than 3200.5" (check-claims said "at
    # least"); (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987 (tests/test_growth.py)
    out = _run(cagr_cmd, ["1562.5亿元", "超过3200.5亿元", "--years", "3"], capsys)
    assert out.splitlines() == [
        "start  1,562.5 CNY 100m            (from '1562.5亿元')",
        "end    at least 3,200.5 CNY 100m   (from '超过3200.5亿元')",
        "years  3 compounding steps",
        "CAGR   at least 27.0% a year (0.269987 as a fraction)",
        "       the end is a lower bound, and the rate rises as the end rises",
    ]
    # a "more than" start lowers the rate: at most
    out = _run(cagr_cmd, ["超过1562.5亿元", "3200.5亿元", "--years", "3"], capsys)
    assert "CAGR   at most 27.0% a year (0.269987 as a fraction)" in out
    assert "the start is a lower bound, and the rate falls as the start rises" in out
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    with pytest.raises(GrowthError, match=re.escape("cagr: start is at least 100 and end is")):
        cagr_cmd.run(parser.parse_args(["more than 100", "more than 200", "--years", "2"]))


def test_cagr_of_a_range_is_a_range(capsys: pytest.CaptureFixture[str]) -> None:
    # used to print the midpoint's 27.7% (325 CNY bn) silently; from 320 and from 330 CNY bn:
    # 0.269921 and 0.283014 (hand arithmetic in tests/test_growth.py)
    out = _run(cagr_cmd, ["1562.5亿元", "320-330 billion yuan", "--years", "3"], capsys)
    assert out.splitlines()[1:] == [
        "end    320 to 330 CNY bn   (from '320-330 billion yuan') = 3,200 to 3,300 CNY 100m",
        "years  3 compounding steps",
        "CAGR   27.0% to 28.3% a year (0.269921 to 0.283014 as fractions)",
    ]
    # a start range: from 1600 is 0.259987, from 1500 is 0.287386 (tests/test_growth.py)
    out = _run(cagr_cmd, ["1500-1600亿元", "3200.5", "--years", "3"], capsys)
    assert "start  1,500 to 1,600 CNY 100m   (from '1500-1600亿元')" in out
    assert "CAGR   26.0% to 28.7% a year (0.259987 to 0.287386 as fractions)" in out


def test_cagr_converted_figure_has_the_figures_significant_digits(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # used to print "= 86.90362388 USD bn"; 6000 CNY 100m = 600 CNY bn; 600 / 6.9042 (the
    # 2020 average CNY per USD) = 86.9036 USD bn (6.9042 * 86.9036 = 599.9998), rounded
    # to the 4 significant digits of "6000": 86.90, printed 86.9 (analyst55: it printed
    # 86.9036 and no rate)
    out = _run(cagr_cmd, ["US$80 billion", "6000亿元", "--years", "2", "--fx-year", "2020"], capsys)
    assert "end    6,000 CNY 100m   (from '6000亿元') = 86.9 USD bn (at 6.9042 CNY per USD" in out
    assert "rounded to 4 significant digits)" in out
    # a range converts end by end: 320 / 6.9042 = 46.3486, 330 / 6.9042 = 47.7970, to
    # three significant digits
    args = ["US$40 billion", "320-330 billion yuan", "--years", "2", "--fx-year", "2020"]
    out = _run(cagr_cmd, args, capsys)
    assert "= 46.3 to 47.8 USD bn (at 6.9042 CNY per USD, the 2020 annual average" in out


def test_cagr_of_unitless_figures_shows_no_unit(capsys: pytest.CaptureFixture[str]) -> None:
    # used to label both numbers "count"; (200 / 100) ** (1 / 2) - 1 = 1.414214 - 1
    out = _run(cagr_cmd, ["more than 100", "200", "--years", "2"], capsys)
    assert out.splitlines()[:4] == [
        "start  at least 100   (from 'more than 100')",
        "end    200",
        "years  2 compounding steps",
        "CAGR   at most 41.4% a year (0.414214 as a fraction)",
    ]


def test_cagr_of_percentages_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    # used to print "CAGR 3.9%" for 27.8% -> 30% ((30 / 27.8) ** (1/2) - 1 = 0.0388)
    from idcforecast.cli import main

    assert main(["cagr", "27.8%", "30%", "--years", "2"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: cagr: start 27.8% and end 30% are rates or shares (in %), not levels; the "
        "compound growth of a growth rate or a share is almost certainly a mistake: give the "
        "levels they describe"
    )
    # one percentage beside a level: the same reason, not "cannot convert '%' to money"
    assert main(["cagr", "1562.5亿元", "30%", "--years", "2"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: cagr: end 30% is a rate or a share (in %), not a level;"
    )


def test_cagr_bad_input_is_a_typed_error() -> None:
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    with pytest.raises(GrowthError, match=re.escape("cagr: years (compounding steps) must be")):
        cagr_cmd.run(parser.parse_args(["1", "2", "--years", "0"]))


def test_check_claims_default_is_the_seed_article(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(claims_cmd, [], capsys)
    lines = out.splitlines()
    assert lines[0] == ("claim set   global_times_2020_07_07  [china_idc_cidc_overall, CNY 100m]")
    assert lines[2] == "consistent  no (tolerance 1.0%); readings that fit: none"
    # implied bases 1959.2 (2 steps from 2020) and 1533.1 (3 steps from 2019): hand
    # arithmetic in tests/test_claims.py
    assert re.search(r"2 steps from 2020\s+1,959\.2\s+2,238\.7 \(actual\)\s+-12\.5%", out)
    assert re.search(r"3 steps from 2019\s+1,533\.1\s+1,562\.5 \(actual\)\s+-1\.9%\s+27\.0%", out)
    assert "undershot the actual by 20.9%" in " ".join(lines)


def test_check_claims_from_a_toml_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "claims.toml"
    path.write_text(
        'claim_set = "mine"\n'
        '[[claims]]\nsubject = "china_idc_cidc_overall"\nkind = "cagr"\nperiod = "2020-22"\n'
        "value = 27.8\n"
        '[[claims]]\nsubject = "china_idc_cidc_overall"\nkind = "level"\nyear = 2022\n'
        'value = "3200亿元"\n',
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path), "--tolerance", "0.02"], capsys)
    assert "consistent  yes (tolerance 2.0%); readings that fit: 3 steps from 2019" in out
    with pytest.raises(SpecError, match=re.escape("--all picks bundled claim sets")):
        _run(claims_cmd, [str(path), "--all"], capsys)


def test_track_record_marks_an_error_from_a_bound_actual_as_a_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # bundled china_racks_in_use 2022: "more than 650". The true actual may be higher, so
    # 700's error is at most 700 / 650 - 1 = +7.7% (log 0.074) and 600's at most -7.7%
    # (log(600 / 650) = -0.080): both printed as if 650 were the actual
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,year,value,made,unit\n"
        "a,china_racks_in_use,level,2022,700,2021,racks 10k\n"
        "b,china_racks_in_use,level,2022,600,2021,racks 10k\n"
        "k,china_idc_cidc_overall,level,2020,2000,2020-07,CNY 100m\n",
        encoding="utf-8",
    )
    lines = _run(track_record_cmd, [str(path)], capsys).splitlines()
    rows = {line.split()[0]: line for line in lines[2:5]}
    assert re.search(r"> 650\.0  < \+7\.7%  < \+0\.074  undetermined  open$", rows["a/level_2022"])
    assert re.search(r"> 650\.0  < -7\.7%  < -0\.080  undershoot\s+no$", rows["b/level_2022"])
    # an exact actual keeps a plain error: 2000 / 2238.7 - 1 = -10.7%
    assert re.search(r"2,238\.7\s+-10\.7%\s+-0\.113", rows["k/level_2020"]), rows


def test_check_claims_says_a_yes_on_derived_levels_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # idc_sources.md: the bundled CIDC 2014 level 372.3 is derived as 518.6 / 1.393, so
    # "growth 39.3% in 2015" fits it by construction; the verdict line read a plain "yes"
    # (only the explanation warned). 2019's 27.2% fits two published levels: plain yes.
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,year,value\n"
        "a,china_idc_cidc_overall,growth,2015,39.3\n"
        "b,china_idc_cidc_overall,growth,2019,27.2\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys)
    assert (
        "consistent  yes, on derived levels only (tolerance 1.0%); readings that fit: "
        "1 step from 2014 (on derived levels only)\n" in out
    ), out
    assert "consistent  yes (tolerance 1.0%); readings that fit: 1 step from 2018\n" in out


def test_check_claims_says_the_rate_is_on_derived_levels_beside_a_published_level(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the set also states the 2016 level 714.5 (published): the verdict was a plain "yes"
    # beside fits "(on derived levels only)"; the words are now said of the rate
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,year,value,made\n"
        "a,china_idc_cidc_overall,growth,2015,39.3,2017\n"
        "a,china_idc_cidc_overall,level,2016,714.5亿元,2017\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys)
    assert (
        "consistent  yes, the rate on derived levels only (tolerance 1.0%); readings that "
        "fit: 1 step from 2014 (on derived levels only)\n" in out
    ), out


def test_check_claims_says_a_fit_against_a_bound_is_within_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # bundled china_racks_in_use: 265.8 racks 10k in 2019, "more than 520" in 2021. CAGR 40%
    # implies 265.8 * 1.4 ** 2 = 521.0, above the floor, as is any rate over 39.9%: the
    # table said "yes" and the verdict a plain "yes"; 35% (484.4) stays "no"
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,period,value\n"
        "r40,china_racks_in_use,cagr,2019-2021,40\n"
        "r35,china_racks_in_use,cagr,2019-2021,35\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys)
    assert (
        "consistent  yes, with bounds only (tolerance 1.0%); readings that fit: 2 steps from "
        "2019 (consistent with a bound only)\n" in out
    ), out
    assert re.search(r"521\.0  > 520\.0 \(2021\)\s+\+0\.0%\s+> 39\.9%  within bound\n", out), out
    assert re.search(r"484\.4  > 520\.0 \(2021\)\s+-6\.8%\s+> 39\.9%  no\s", out), out
    assert "consistent  no (tolerance 1.0%)" in out


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_claim_commands_name_one_file_at_a_time(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims53: `check-claims a.csv b.csv` ended in argparse's "unrecognized arguments:
    # b.csv", which did not say that one FILE is read at a time nor what to do instead
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        path.write_text("subject,kind,year,value\nx,level,2022,1\n", encoding="utf-8")
    assert main([command, str(a), str(b)]) == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments" not in err
    assert f"{command}: 2 claims files given ({a}, {b}); it reads one FILE at a time" in err
    assert f"run idcforecast {command} once per file, or put their rows in one file" in err


def test_check_claims_prints_whole_base_unit_levels_without_a_decimal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims53: levels of a series in plain CNY printed "250,000,000,000.0 (2021)": a
    # tenth of a yuan on a twelve-digit figure. The digits are kept, the ".0" is not.
    actuals, claims = tmp_path / "actuals.csv", tmp_path / "claims.csv"
    actuals.write_text(
        "series_id,year,value,unit\nmkt,2019,156250000000,CNY\nmkt,2021,250000000000,CNY\n",
        encoding="utf-8",
    )
    claims.write_text("subject,kind,period,value\nmkt,cagr,2019-2021,25\n", encoding="utf-8")
    out = _run(claims_cmd, [str(claims), "--data", str(actuals)], capsys)
    # implied 2021 level: 156,250,000,000 * 1.25**2 = 244,140,625,000 (by hand), printed to
    # the 5 significant digits of the levels it comes from (claims54): 244,140,000,000;
    # gap 244,140,625,000 / 250,000,000,000 - 1 = -2.34%
    row = r"2 steps from 2019\s+156,250,000,000 \(actual\)\s+244,140,000,000"
    assert re.search(row + r"\s+250,000,000,000 \(2021\)\s+-2\.3%", out), out
    assert "the actual was 250,000,000,000, off by -2.3%" in " ".join(out.split())
    assert ",000.0" not in out


def test_check_claims_prints_computed_levels_to_the_digits_of_their_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims53 left implied figures of a plain-CNY series with every digit of the arithmetic
    # ("241,983,935,742.9"), where the same check in CNY 100m prints "2,419.8"
    actuals, claims = tmp_path / "actuals.csv", tmp_path / "claims.csv"
    actuals.write_text(
        "series_id,year,value,unit\nmkt,2020,223870000000,CNY\nmkt,2021,301270000000,CNY\n",
        encoding="utf-8",
    )
    claims.write_text(
        "subject,kind,year,value,claim_set,made\nmkt,level,2021,3012.7亿元,a,2022\n"
        "mkt,growth,2021,24.5%,a,2022\nmkt,growth,2021,30-36%,b,2022\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(claims), "--data", str(actuals)], capsys)
    text = " ".join(out.split())
    # base implied by 3,012.7亿元 and 24.5%: 301,270,000,000 / 1.245 = 241,983,935,743,
    # to the 5 significant digits of 301,270,000,000 and 223,870,000,000: 241,980,000,000
    assert re.search(r"1 step from 2020\s+241,980,000,000\s+223,870,000,000 \(actual\)", out)
    assert "implies a base of 241,980,000,000 in 2020" in text, out
    # set b, no end level: 223,870,000,000 * 1.30 = 291,031,000,000 and * 1.36 =
    # 304,463,200,000, to 5 digits: 291,030,000,000 to 304,460,000,000
    assert "implies 291,030,000,000 to 304,460,000,000 in 2021" in text, out
    assert not re.search(r"\d{3},\d{3}\.\d", out), out  # no decimals on such figures


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_claim_commands_read_data_from_standard_input(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # claims53: `--data -` said "-: no such file" in check-claims and track-record, where
    # show and forecast read standard input
    import io

    claims = tmp_path / "claims.csv"
    claims.write_text("subject,kind,year,value,unit\nmkt,level,2021,330,MW\n", encoding="utf-8")
    table = "series_id,year,value,unit\nmkt,2020,300,MW\nmkt,2021,320,MW\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(table.encode())))
    assert main([command, str(claims), "--data", "-"]) == 0
    out = capsys.readouterr().out
    # the claimed 330 against the 2021 actual 320 read from the pipe: 330 / 320 - 1 = +3.1%
    if command == "check-claims":
        assert "the claimed 330 overshot the actual by 3.1%" in " ".join(out.split()), out
    else:
        assert re.search(r"330 MW\s+320\.0\s+\+3\.1%", out), out


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
@pytest.mark.parametrize("form", ["csv", "toml"])
def test_claim_commands_read_claims_from_standard_input(
    command: str,
    form: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # claims53 left `check-claims -` as "claims file '-' does not exist"
    import io

    actuals = tmp_path / "actuals.csv"
    actuals.write_text("series_id,year,value,unit\nmkt,2020,300,MW\nmkt,2021,320,MW\n")
    claims = (
        "subject,kind,year,value,unit\nmkt,level,2021,330,MW\n"
        if form == "csv"
        else '# one claim\n[[claims]]\nsubject = "mkt"\nkind = "level"\nyear = 2021\n'
        'value = 330\nunit = "MW"\n'
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(claims.encode())))
    assert main([command, "-", "--data", str(actuals)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    # the claimed 330 against the 2021 actual 320: 330 / 320 - 1 = +3.1%
    if command == "check-claims":
        assert "the claimed 330 overshot the actual by 3.1%" in out, out
    else:
        assert re.search(r"330 MW 320\.0 \+3\.1%", out), out


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_claims_from_standard_input_are_named_so_in_errors(
    command: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    bad = "subject,kind,year,value\nmkt,level,2021,330,MW\n"  # 5 fields under 4 headers
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(bad.encode())))
    assert main([command, "-"]) == 2
    err = capsys.readouterr().err
    assert "claims file '-' (standard input) line 2 has 5 fields, the header 4" in err, err
    assert "stdin.csv" not in err
    with pytest.raises(SpecError, match=r"FILE and --data are both '-'.*give one of them"):
        claims_cmd.claims_of_file(argparse.Namespace(file="-", data="-"), command)


def test_check_claims_all_bundled_sets(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(claims_cmd, ["--all"], capsys)
    assert out.count("claim set   ") == 6
    assert "claim set   unattributed_2024  [china_idc_caict, CNY 100m]" in out


def test_check_claims_names_what_a_verdict_rests_on(capsys: pytest.CaptureFixture[str]) -> None:
    # claims30: CAICT's set read "consistent  yes ...; readings that fit: unchecked": its
    # growth 9.8% in 2021 has no 2020 level to grow from; the yes was the 2021 level's alone
    out = _run(claims_cmd, ["--all"], capsys)
    # (its 2021 level matches an actual from its own article: not counted, nothing checked)
    assert (
        "consistent  undetermined (tolerance 1.0%), nothing checked; readings "
        "that fit: not checkable: no level for 2020, claimed or actual\n"
    ) in out
    # IDC Corp's CAGR was checked (its growth claim was not; its 2022 level matches an
    # actual from its own article, not counted): yes, naming what was checked
    assert (
        "consistent  yes (tolerance 1.0%), checked: CAGR 18.9% 2022-2027; "
        "readings that fit: growth 12.7% in 2022: not checkable: no level for 2021, claimed "
        "or actual; CAGR 18.9% 2022-2027: 5 steps from 2022\n"
    ) in out
    # a set whose every claim was checked says nothing more
    assert "consistent  no (tolerance 1.0%); readings that fit: none\n" in out


def test_check_claims_range_ends_in_power_convert_at_kw_per_rack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims30: low/high '16 GW'/'17 GW' beside unit 'racks 10k' were 640-680 万架 at 2.5 kW
    # in silence, and --kw-per-rack 5 was "not used"; at 5 kW: 16e6 / 5 = 3.2e6 racks = 320
    path = tmp_path / "racks.csv"
    path.write_text(
        "claim_set,subject,kind,year,low,high,unit,made\n"
        "r,china_racks_in_use,level,2022,16 GW,17 GW,racks 10k,2023\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path), "--kw-per-rack", "5"], capsys)
    assert "claims      level 16-17 GW in 2022\n" in out
    assert "(320 to 340; from 16-17 GW at 5 kW per rack)" in out


def test_check_claims_table_gives_a_ranges_bases_not_a_midpoint_figure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims30: 30% a year to 16-17 GW (640-680 万架 at 2.5 kW) in 2022, 4 steps from 2018
    # (no 2018 level): the table showed 231.1 (from the midpoint 660); the bases are
    # 640 / 1.3^4 = 224.1 to 680 / 1.3^4 = 238.1
    path = tmp_path / "racks.csv"
    path.write_text(
        "claim_set,subject,kind,year,low,high,unit,made,period,value\n"
        "r,china_racks_in_use,level,2022,16 GW,17 GW,racks 10k,2023,,\n"
        "r,china_racks_in_use,cagr,,,,,2023,2019-2022,30%\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys)
    assert re.search(r"CAGR 30% 2019-2022  4 steps from 2018  224\.1 to 238\.1 +undetermined", out)


def test_check_claims_table_gives_a_ranges_bases_beside_an_actual_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CAGR 25-30% 2020-2022 to 320-340 billion yuan: read 3 steps from 2019, the bases are
    # 3200 / 1.3^3 = 3200 / 2.197 = 1,456.5 to 3400 / 1.25^3 = 3400 / 1.953125 = 1,740.8.
    # The table showed "1,562.5", the allowed base nearest the 2019 actual of 1,562.5, as
    # if the claims implied that very figure; 2 steps: 3200 / 1.69 = 1,893.5 to
    # 3400 / 1.5625 = 2,176.0 (2,238.7 is 2.8% above the high end: 2176 / 2238.7 - 1)
    path = tmp_path / "rng.csv"
    path.write_text(
        "claim_set,subject,kind,period,year,value,made\n"
        "rng,china_idc_cidc_overall,cagr,2020-22,,25-30%,2020\n"
        "rng,china_idc_cidc_overall,level,,2022,320-340 billion yuan,2020\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys)
    assert re.search(r"3 steps from 2019  1,456\.5 to 1,740\.8  1,562\.5 \(actual\)  \+0\.0%", out)
    assert re.search(r"2 steps from 2020  1,893\.5 to 2,176\.0  2,238\.7 \(actual\)  -2\.8%", out)


def test_track_record_names_the_rate_claims_of_a_file_it_leaves_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims30: a file's growth and CAGR claims were dropped without a word beside its levels
    path = tmp_path / "mixed.csv"
    path.write_text(
        "claim_set,subject,kind,year,value,unit,made,period\n"
        "m,china_idc_cidc_overall,level,2021,3000亿元,,2020,\n"
        "m,china_idc_cidc_overall,growth,2023,25%,,2023-01,\n"
        "m,china_idc_cidc_overall,cagr,,27.8%,,2020-07,2020-22\n",
        encoding="utf-8",
    )
    parser = argparse.ArgumentParser()
    track_record_cmd.add_arguments(parser)
    assert track_record_cmd.run(parser.parse_args([str(path)])) == 0
    captured = capsys.readouterr()
    assert "m/level_2021" in captured.out
    assert captured.err == (
        f"note: track-record: 2 growth or CAGR claims of {path} left out (the track record "
        f"judges levels); check them with idcforecast check-claims {path}\n"
    )


def test_track_record_table(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(track_record_cmd, ["--forecasts-only"], capsys)
    row = next(line for line in out.splitlines() if line.startswith("cidc_2019_2020_report"))
    # >3200.5 vs the derived 4043.2: 3200.5 / 4043.2 - 1 = -20.8%, log = -0.234; held
    assert re.search(
        r"2020\s+2022\s+2\s+> 3,200\.5 CNY 100m\s+4,043\.2\*\s+-20\.8%\s+-0\.234"
        r"\s+undershoot\s+yes$",
        row,
    )
    assert "level_2019" not in out  # restated figures are left out
    assert "no actual yet (latest 2022)" in out


def test_track_record_footnote_only_under_a_derived_actual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the "* derived actual" footnote was printed under every table, with no "*" in it
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,kind,year,value,unit,made\nchina_idc_cidc_overall,level,2020,2000,CNY 100m,2019\n",
        encoding="utf-8",
    )
    # 2020 = 2238.7 is published (not derived): 2000 / 2238.7 - 1 = -10.7%, log = -0.113
    assert _run(track_record_cmd, [str(path)], capsys).splitlines() == [
        "forecast                           made  year  h         claimed   actual   error  "
        "log err  direction   held",
        "---------------------------------  ----  ----  -  --------------  -------  ------  "
        "-------  ----------  ----",
        "china_idc_cidc_overall/level_2020  2019  2020  1  2,000 CNY 100m  2,238.7  -10.7%  "
        " -0.113  undershoot  no",
    ]
    # under the derived 2022 actual (4,043.2*) it stays
    assert _run(track_record_cmd, ["--forecasts-only"], capsys).endswith(
        "\n\n* derived actual (computed from published figures, not itself published)\n"
    )


# 科 is b"\xbf\xc6" in GBK: 0xbf cannot start a UTF-8 character; it is byte 82 of the file
GBK_CLAIMS = (
    "subject,kind,year,value,unit,by\nchina_idc_cidc_overall,level,2022,3200.5,CNY 100m,科智咨询\n"
)


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_a_gbk_claims_file_is_a_one_line_error_then_read_with_encoding(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # used to end in a UnicodeDecodeError traceback (exit 1); there was no --encoding
    from idcforecast.cli import main

    path = tmp_path / "gbk.csv"
    path.write_bytes(GBK_CLAIMS.encode("gbk"))
    assert main([command, str(path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {command}: claims file '{path}': the file is not utf-8 text (invalid start "
        "byte at "
        "byte 82); pass --encoding gb18030 for a CSV saved by Excel on "
        "Chinese Windows (GBK), --encoding cp932 for Japanese Windows (Shift-JIS), "
        "--encoding cp949 for Korean, --encoding cp1252 for Western Windows, or save it as "
        "'CSV UTF-8'\n"
    )
    assert main([command, str(path), "--encoding", "gb18030"]) == 0
    out = capsys.readouterr().out
    assert "3,200.5 CNY 100m" in out
    # the 2022 actual is the derived 4043.2 (tests/test_claims.py); 3200.5 / 4043.2 - 1
    words = " ".join(out.split())  # check-claims wraps its explanation
    assert ("-20.8%" if command == "track-record" else "undershot the actual by 20.8%") in words
    assert main([command, str(path), "--encoding", "gbk18030"]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: {command}: --encoding gbk18030 is not a text encoding; expected a name"
    )


OWN_CLAIMS = (
    "claim_set,claim_id,made,by,subject,kind,start_year,year,value,unit,qualifier\n"
    "vn_press,vn_press/cagr,2024,Press,vn_dc,cagr,2023,2028,15,,exact\n"
    "vn_press,vn_press/level,2024,Press,vn_dc,level,,2028,0.36,GW,at_least\n"
    "vn_press,vn_press/base,2024,Press,vn_dc,level,,2023,180,MW,exact\n"
)


@pytest.fixture
def own_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Claims about a subject of the user's own (no bundled series), and its actuals under a
    title row, with decimal commas: the read options reach --data."""
    monkeypatch.chdir(tmp_path)
    Path("claims.csv").write_text(OWN_CLAIMS, encoding="utf-8")
    Path("vn.csv").write_text(
        "Vietnam DC capacity\nyear;vn_dc\n2021;120\n2022;145,0\n2023;180,0\n", encoding="utf-8"
    )
    return "claims.csv", "vn.csv"


def test_check_claims_on_your_own_subject_names_the_command_line_fixes(
    own_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # uat9 #10: the advice was Python's (load_dataset(name)...), --no-history unmentioned
    from idcforecast.cli import main

    claims, _ = own_files
    assert main(["check-claims", claims]) == 2
    assert capsys.readouterr().err == (
        "error: check-claims: claim 'vn_press/cagr': subject 'vn_dc' is no bundled series "
        "(series 'vn_dc' "
        "is in no bundled dataset; list the ids with idcforecast datasets NAME); check it "
        "against your own actuals with --data FILE holding series 'vn_dc', or pass "
        "--no-history to check the claims against each other only\n"
    )
    assert main(["track-record", claims]) == 2
    assert capsys.readouterr().err == (
        "error: track-record: claim 'vn_press/level': subject 'vn_dc' is no bundled series "
        "(series 'vn_dc' "
        "is in no bundled dataset; list the ids with idcforecast datasets NAME); check it "
        "against your own actuals with --data FILE holding series 'vn_dc'\n"
    )


def test_check_claims_and_track_record_against_your_own_actuals(
    own_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    claims, data = own_files
    read = ["--data", data, "--unit", "MW", "--header-row", "1", "--sep", ";", "--decimal", ","]
    out = _run(claims_cmd, [claims, *read], capsys)
    assert "claim set   vn_press  [vn_dc, MW]" in out
    # the 6-step reading is checked against the file's 2022 actual, 145
    assert re.search(r"6 steps from 2022 +> 155\.6 +145\.0 \(actual\) +\+7\.3%", out)
    out = _run(track_record_cmd, [claims, *read], capsys)
    assert re.search(r"vn_press/base .* 180 MW +180\.0 +\+0\.0%", out)
    # the same with --input, the alias of --data in every command
    assert _run(track_record_cmd, [claims, "--input", *read[1:]], capsys) == out


def test_check_claims_data_and_no_history_exclude_each_other(
    own_files: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    claims, data = own_files
    with pytest.raises(SystemExit):
        main(["check-claims", claims, "--data", data, "--no-history"])
    assert "argument --no-history: not allowed with argument --data/--input" in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_a_series_file_given_as_claims_names_the_missing_columns(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # used to say "file '...' row 1: missing subject, kind", as if one row were incomplete
    from idcforecast.cli import main

    path = tmp_path / "good.csv"
    path.write_text("year,value\n2019,1562.5\n2020,2238.7\n", encoding="utf-8")
    assert main([command, str(path)]) == 2
    assert capsys.readouterr().err == (
        f"error: {command}: claims file '{path}' lacks the claims columns subject, kind (found "
        "2 columns: "
        "year, value); expected one claim per row with columns subject, kind, year (or "
        "period) and value (or low and high), optionally unit, start_year, qualifier, "
        "claim_set, claim_id, made, by, source, quote, confidence, note, alternate, currency\n"
    )


README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.mark.parametrize(
    ("command", "module"),
    [
        ("cagr 1562.5 3200.5 --years 3", cagr_cmd),
        ("cagr 1562.5 超过3200.5亿元 --years 3", cagr_cmd),
        ("check-claims", claims_cmd),
        ("track-record --forecasts-only", track_record_cmd),
    ],
)
def test_readme_shows_the_real_output(
    command: str, module: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    # Every line the README prints under "$ python -m idcforecast COMMAND" (except "...")
    # must be a line of the real output, so the documented numbers cannot drift.
    text = README.read_text(encoding="utf-8")
    block = text.split(f"$ python -m idcforecast {command}\n", 1)[1].split("```", 1)[0]
    shown = [line for line in block.splitlines() if line.strip() and line != "..."]
    out = _run(module, command.split()[1:], capsys).splitlines()
    assert shown
    assert [line for line in shown if line not in out] == []


def test_track_record_shows_a_range_as_published(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the range's high end 3400 vs the derived 2022 actual 4043.2: 3400 / 4043.2 - 1 = -15.9%
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,kind,year,value,made\nchina_idc_cidc_overall,level,2022,3000-3400亿元,2020\n",
        encoding="utf-8",
    )
    row = _run(track_record_cmd, [str(path)], capsys).splitlines()[2]
    assert re.search(
        r"2020\s+2022\s+2\s+3,000-3,400 CNY 100m\s+4,043\.2\*\s+-15\.9%\s+-0\.173"
        r"\s+undershoot\s+no$",
        row,
    )


def test_check_claims_table_marks_bounded_figures(capsys: pytest.CaptureFixture[str]) -> None:
    # Kezhi: "29% in 2020" reaching "more than 2000": base more than 2000 / 1.29 = 1550.4,
    # rate from the 2019 actual at least (2000 / 1562.5) - 1 = 28.0% (the table printed plain
    # numbers beside an explanation stating the floor); the actual 1,562.5 is above the floor,
    # so the gap is 0 (it was 1550.4 / 1562.5 - 1 = -0.8%, the distance from the floor)
    out = _run(claims_cmd, ["--all"], capsys)
    row = next(line for line in out.splitlines() if line.startswith("growth 29% in 2020"))
    assert re.search(r"> 1,550\.4\s+1,562\.5 \(actual\)\s+\+0\.0%\s+> 28\.0%\s+yes$", row)


def test_check_claims_without_a_unit_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a rate claim alone, checked without history, has no unit: the header read "[x, None]"
    path = tmp_path / "c.csv"
    path.write_text(
        "claim_set,made,subject,kind,period,value\ngt,2020-07,x,cagr,2020-22,27.8\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path), "--no-history"], capsys)
    assert out.splitlines()[0] == "claim set   gt  [x, no unit]"


def test_track_record_marks_a_claim_converted_from_another_currency(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 45 USD bn for 2021 * 6.4508 (G.5A 2021) = 290.286 CNY bn = 2,902.9 亿元, the figure
    # the table compares; it was shown alone, as if the source had given it
    path = tmp_path / "c.csv"
    path.write_text(
        "claim_set,claim_id,made,subject,kind,year,value\n"
        "u,u/l21,2022,china_idc_cidc_overall,level,2021,45 USD bn\n",
        encoding="utf-8",
    )
    out = _run(track_record_cmd, [str(path)], capsys)
    assert re.search(r"u/l21\s+2022\s+2021\s+-1\s+2,902\.9 CNY 100m†\s+3,012\.7\s+-3\.6%", out)
    assert out.endswith("\n† u/l21: published as 45 USD bn, converted at the 2021 FX rate\n")


# --- uat14 ---


@pytest.mark.parametrize("text", ["1,5", "3.200,5", "3,2005"])
def test_cagr_refuses_a_decimal_comma_in_a_bare_number(
    text: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: the comma dropped, "1,5" read as 15 and "3.200,5" as 3.2005: CAGR from 1562.5
    # (15 / 1562.5) ** (1/3) - 1 = -78.7% and (3.2005 / 1562.5) ** (1/3) - 1 = -87.3%
    from idcforecast.errors import ParseError

    with pytest.raises(ParseError, match="a comma that does not separate groups of three"):
        _run(cagr_cmd, ["1562.5", text, "--years", "3"], capsys)


def test_cagr_reads_thousands_separators_in_a_bare_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(cagr_cmd, ["1,562.5", "3,200.5", "--years", "3"], capsys)
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 2.048320 ** (1/3) - 1 = 0.269987
    assert out.splitlines()[:2] == ["start  1,562.5", "end    3,200.5"]
    assert "CAGR   27.0% a year (0.269987 as a fraction)" in out


def test_cagr_overflow_is_an_error_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(GrowthError, match="the rate overflows the float range at years=1e-09"):
        _run(cagr_cmd, ["1562.5", "3200.5", "--years", "1e-9"], capsys)


def test_cagr_of_a_percent_and_a_bare_number_names_the_percent_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was: "start 27.8% and end 3200.5% are rates or shares": the bare 3200.5 had been
    # given the start's unit before the check
    with pytest.raises(GrowthError, match=r"^cagr: start 27\.8% is a rate or a share \(in %\)"):
        _run(cagr_cmd, ["27.8%", "3200.5", "--years", "3"], capsys)


def test_cagr_between_racks_and_power_names_the_rack_density(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 800 MW at 6 kW a rack = 800,000 / 6 = 133,333 racks = 13.3333 万 (racks 10k);
    # (13.3333 / 520) ** (1/3) - 1 = 0.025641 ** (1/3) - 1 = -0.705120
    out = _run(cagr_cmd, ["520万标准机架", "800 MW", "--years", "3", "--kw-per-rack", "6"], capsys)
    assert out.splitlines()[1] == (
        "end    800 MW          (from '800 MW') = 13.3333 racks 10k at 6 kW per standard rack "
        "(--kw-per-rack to change)"
    )
    assert "CAGR   -70.5% a year (-0.705120 as a fraction)" in out


def test_track_record_prints_small_levels_and_the_actuals_bound(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "series_id,year,value,unit\ndc,2021,0.41,GW\ndc,2022,more than 0.36,GW\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "subject,kind,year,value,unit,made\ndc,level,2021,0.36,GW,2020\n"
        "dc,level,2022,0.30,GW,2021\n",
        encoding="utf-8",
    )
    out = _run(track_record_cmd, [str(claims), "--data", str(actuals)], capsys)
    # was "0.4 GW" against "0.4" with an error of -12.2%, and the 2022 actual's "more
    # than" dropped: 0.36 / 0.41 - 1 = -12.2%; 0.30 / 0.36 - 1 = -16.7%
    lines = out.splitlines()
    assert re.split(r"\s{2,}", lines[2]) == [
        "dc/level_2021", "2020", "2021", "1", "0.36 GW", "0.41", "-12.2%", "-0.130",
        "undershoot", "no",
    ]  # fmt: skip
    assert re.split(r"\s{2,}", lines[3]) == [
        "dc/level_2022", "2021", "2022", "1", "0.3 GW", "> 0.36", "< -16.7%", "< -0.182",
        "undershoot", "no",
    ]  # fmt: skip


def test_track_record_says_open_when_the_actual_is_a_bound_the_claim_may_miss(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "series_id,year,value,unit\ndc,2021,0.41,GW\ndc,2022,more than 0.36,GW\n",
        encoding="utf-8",
    )
    claims = tmp_path / "claims.csv"
    claims.write_text("subject,kind,year,value,unit,made\ndc,level,2022,0.38,GW,2021\n")
    out = _run(track_record_cmd, [str(claims), "--data", str(actuals)], capsys)
    # 0.38 against more than 0.36: held (5%) if the true value was at most 0.38 / 0.95 =
    # 0.4, missed above; was "yes". 0.38 / 0.36 - 1 = +5.6%, log(0.38 / 0.36) = +0.054
    lines = out.splitlines()
    # the errors are bounds too (claims55): at most +5.6%, the true value being higher
    assert re.split(r"\s{2,}", lines[2])[-4:] == ["< +5.6%", "< +0.054", "undetermined", "open"]
    assert lines[-1] == (
        "open: the actual was published as a bound ('more than'), which the claim may or "
        "may not have met; the true value decides"
    )


def test_track_record_of_a_file_without_level_claims_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: an empty table and exit code 0
    path = tmp_path / "claims.toml"
    path.write_text(
        'subject = "china_idc_cidc_overall"\n[[claims]]\nkind = "cagr"\n'
        'period = "2020-22"\nvalue = 27.8\n',
        encoding="utf-8",
    )
    with pytest.raises(SpecError, match=re.escape(f"track-record: {str(path)!r} holds no level")):
        _run(track_record_cmd, [str(path)], capsys)


# -- polish17: argparse's bare "invalid float value" --------------------------------------


def _usage_error(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    from idcforecast.cli import main

    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err.strip().splitlines()[-1]


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_tolerance_as_a_percent(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    # "2%" was "argument --tolerance: invalid float value: '2%'"; 2% = 2 / 100 = 0.02
    from idcforecast.cli import build_parser

    assert build_parser().parse_args([command, "--tolerance", "2%"]).tolerance == 0.02
    assert build_parser().parse_args([command, "--tolerance", "0.02"]).tolerance == 0.02
    assert _usage_error([command, "--tolerance", "2"], capsys) == (
        f"idcforecast {command}: error: argument --tolerance: 2 is a gap of 200%; a tolerance "
        "is a relative gap below 1, as a fraction or a percent (--tolerance 0.02 or "
        "--tolerance 2%); for 2% write --tolerance 2%"
    )


def test_check_claims_at_a_2_percent_tolerance(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(claims_cmd, ["--tolerance", "2%"], capsys)
    # 3200 / 1.278**3 = 1533.1 against 1562.5: 1533.1 / 1562.5 - 1 = -1.9%, inside 2%
    assert "consistent  yes (tolerance 2.0%); readings that fit: 3 steps from 2019" in out


@pytest.mark.parametrize(
    ("years", "message"),
    [
        (
            "2019-2022",
            "'2019-2022' is a period; --years counts compounding steps: from the 2019 level "
            "to the 2022 level is --years 3 (2019 to 2022)",
        ),
        (
            "2020-22",  # 2022 - 2020 = 2
            "'2020-22' is a period; --years counts compounding steps: from the 2020 level "
            "to the 2022 level is --years 2 (2020 to 2022)",
        ),
        (
            "2022",
            "'2022' looks like a year; --years counts compounding steps, e.g. --years 3 "
            "(from the 2019 level to the 2022 level)",
        ),
    ],
)
def test_cagr_years_as_a_period(
    years: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # was "argument --years: invalid float value: '2019-2022'"
    assert _usage_error(["cagr", "1562.5", "3200.5", "--years", years], capsys) == (
        f"idcforecast cagr: error: argument --years: {message}"
    )


def test_help_texts_name_the_forms(capsys: pytest.CaptureFixture[str]) -> None:
    from idcforecast.cli import main

    for command in ("check-claims", "track-record"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = " ".join(capsys.readouterr().out.split())
        assert "--tolerance TOL" in text
        assert "as a fraction or a percent" in text and "0.02 and 2% are the same" in text
    with pytest.raises(SystemExit):
        main(["cagr", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "a period such as 2019-2022 is refused with the steps it spans" in text


def test_claims_against_a_folder_of_one_markets_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: no --series on check-claims/track-record, so a folder of one file per report
    # became one series per file and no claim found its subject
    from idcforecast.cli import main

    folder = tmp_path / "cidc"
    folder.mkdir()
    (folder / "a.csv").write_text("year,value\n2019,1562.5亿元\n2020,2238.7亿元\n")
    (folder / "b.csv").write_text("year,value\n2021,3012.7亿元\n2022,4043.2亿元\n")
    argv = ["--data", str(folder), "--series", "china_idc_cidc_overall", "--unit", "亿元"]
    assert main(["check-claims", *argv]) == 1  # inconsistent (below): exit 1
    out = capsys.readouterr().out
    # 3200 / 1.278^2 = 1,959.2 against the folder's 2020 figure 2,238.7: -12.5%
    assert re.search(r"2 steps from 2020\s+1,959\.2\s+2,238\.7 \(actual\)\s+-12\.5%", out)
    # the bundled forecasts about this market, against the folder's actuals
    from idcforecast import load_dataset

    claims = load_dataset("published_forecasts")
    mine = claims[claims["subject"] == "china_idc_cidc_overall"]
    claims_file = tmp_path / "cidc_claims.csv"
    mine.to_csv(claims_file, index=False)
    assert main(["track-record", str(claims_file), *argv]) == 0
    record = capsys.readouterr().out
    # the seed article's 3,200 for 2022 against the folder's 4,043.2: 3200 / 4043.2 - 1 = -20.9%
    assert re.search(r"2022\s.*3,200.*4,043\.2.*-20\.9%", record)


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
@pytest.mark.parametrize(("subject", "quoted"), [("cidc", "cidc"), ("China IDC", "'China IDC'")])
def test_claims_against_a_folder_without_series_say_series_joins_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str, subject: str, quoted: str
) -> None:
    # analyst54: without --series each file of the folder is a series named after it, and
    # the error asked to rename the claims' subject after one file ('a' or 'b'), never
    # that --series cidc joins the files into the series the claims are about; claims58:
    # the subject quoted for the shell ("--series China IDC" split into two arguments)
    from idcforecast.cli import main

    folder = tmp_path / "figs"
    folder.mkdir()
    (folder / "a.csv").write_text("year,value\n2019,1562.5亿元\n2020,2238.7亿元\n")
    (folder / "b.csv").write_text("year,value\n2021,3012.7亿元\n2022,4043.2亿元\n")
    claims = tmp_path / "claims.csv"
    claims.write_text(f"subject,kind,year,value,unit\n{subject},level,2022,3200,亿元\n")
    assert main([command, str(claims), "--data", str(folder), "--unit", "亿元"]) == 2
    assert (
        capsys.readouterr()
        .err.rstrip()
        .endswith(
            f"; or, if the files of folder {folder} are one series split over them, join them "
            f"into it with --series {quoted}"
        )
    )
    argv = [command, str(claims), "--data", str(folder), "--unit", "亿元", "--series", subject]
    assert main(argv) in (0, 1)  # as told: read and checked
    assert "4,043.2" in capsys.readouterr().out


def test_cagr_says_when_a_bare_number_took_the_other_figures_unit(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # cli24: "1562.5" (meant in 亿元) beside "320 billion yuan" printed a -41.1% CAGR with
    # nothing but the unit on the start line to tell that 1562.5 had been read as CNY bn:
    # (320 / 1562.5) ** (1 / 3) - 1 = -0.410555
    out = _run(cagr_cmd, ["1562.5", "320 billion yuan", "--years", "3"], capsys)
    assert out.splitlines()[0] == "start  1,562.5 CNY bn   (no unit given: read in the end's unit)"
    assert out.splitlines()[-1] == "CAGR   -41.1% a year (-0.410555 as a fraction)"
    out = _run(cagr_cmd, ["1562.5亿元", "3200.5", "--years", "3"], capsys)
    assert out.splitlines()[1] == (
        "end    3,200.5 CNY 100m   (no unit given: read in the start's unit)"
    )
    # a bare count beside a bare count has no unit to take: nothing to say
    out = _run(cagr_cmd, ["more than 100", "200", "--years", "2"], capsys)
    assert out.splitlines()[:2] == ["start  at least 100   (from 'more than 100')", "end    200"]


def test_bundled_claims_against_your_own_actuals_keep_the_series_you_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: `track-record --data my_cidc.csv` (and `check-claims --all --data ...`) stopped at
    # the first bundled claim about another series ("subject 'china_idc_idc_corp' has no
    # actuals ...; use one of those series ids as the subject"), a claim the user did not
    # write; the claims about the series the file holds were never judged
    path = tmp_path / "cidc.csv"
    path.write_text(
        "series_id,year,value,unit\n"
        "china_idc_cidc_overall,2019,1562.5,CNY 100m\n"
        "china_idc_cidc_overall,2020,2238.7,CNY 100m\n",
        encoding="utf-8",
    )
    code = main(["track-record", "--data", str(path)])
    out, err = capsys.readouterr()
    assert code == 0
    # kezhi_2020_07 said "more than 2,000" for 2020: 2000 / 2238.7 - 1 = -10.66%
    assert re.search(r"kezhi_2020_07/level_2020 .* > 2,000 CNY 100m +2,238\.7 +-10\.7%", out)
    assert "no actual yet (latest 2020)" in out  # the 2022 forecasts, beyond the file's years
    assert err == (
        f"note: track-record: bundled claims left out, about series --data {path} does not "
        "hold: china_idc_idc_corp (4), global_dc_market_caict (3), china_idc_caict (3)\n"
    )
    assert main(["check-claims", "--all", "--data", str(path)]) == 1  # global_times: no
    out, err = capsys.readouterr()
    assert "claim set   global_times_2020_07_07  [china_idc_cidc_overall, CNY 100m]" in out
    assert "[china_idc_caict" not in out
    assert err.startswith("note: check-claims: bundled claims left out, about series --data")
    # a file of none of the bundled series: one error line naming the way out
    other = tmp_path / "vn.csv"
    other.write_text("year,value\n2021,100\n2022,120\n", encoding="utf-8")
    assert main(["track-record", "--data", str(other), "--unit", "MW"]) == 2
    assert capsys.readouterr().err == (
        f"error: track-record: no bundled claim is about a series of --data {other} (its "
        "series: vn); the bundled claims are about china_idc_cidc_overall, "
        "china_idc_idc_corp, global_dc_market_caict, china_idc_caict: name your file's "
        "series after one of them (--series ID), or give your own claims as FILE\n"
    )


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_a_claims_file_that_is_no_workbook_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    # cli24: a CSV saved as 'claims.xls' (as some systems export) was pandas' "ValueError:
    # Excel file format cannot be determined" traceback, exit 1
    path = tmp_path / "claims.xls"
    path.write_text("subject,kind,year,value\nchina_idc_cidc_overall,level,2022,3200\n")
    assert main([command, str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {command}: claims file {str(path)!r} is named .xls but is a CSV "
        "(comma-separated text; its first line is 'subject,kind,year,value'); rename it to "
        "'claims.csv' (a claims file is read by its name's suffix)\n"
    )
    damaged = tmp_path / "claims.xlsx"  # not even a zip archive
    damaged.write_bytes(b"PK\x03\x04 cut short")
    assert main([command, str(damaged)]) == 2
    assert capsys.readouterr().err.startswith(
        f"error: {command}: claims file {str(damaged)!r} is named .xlsx but is a damaged zip "
        "archive (an .xlsx cut short?); "
    )


def test_track_record_columns_line_up_under_a_chinese_claim_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: widths were counted in characters, so "科智/规模2022" (13 columns in a terminal,
    # 9 characters) pushed its row 4 columns right of the header
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,claim_id,made,subject,kind,year,value,unit,qualifier\n"
        "科智,科智/规模2022,2020-07,china_idc_cidc_overall,level,2022,3200.5,CNY 100m,at_least\n",
        encoding="utf-8",
    )
    out = _run(track_record_cmd, [str(path)], capsys).splitlines()
    from idcforecast.cli._text import display_width

    # every column starts where the header's does: "made" after the id column
    head, row = out[0], out[2]
    assert row.startswith("科智/规模2022  2020-07")
    assert display_width(row[: row.index("2020-07")]) == head.index("made")


@pytest.mark.parametrize("command", ["check-claims", "track-record"])
def test_actuals_options_without_data_are_refused(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # cli24: `check-claims --series foo` or `track-record --unit MW --sheet 1` printed the
    # bundled results with the options ignored in silence (forecast and show refuse them)
    assert main([command, "--unit", "MW", "--sheet", "1"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"error: {command}: --unit, --sheet describe your own actuals (--data FILE), and no "
        "--data was given, so they would be ignored; drop them or pass --data FILE\n"
    )
    assert main([command, "--series", "china_idc_cidc_overall"]) == 2
    assert capsys.readouterr().err.startswith(f"error: {command}: --series describes your own")


def test_encoding_without_data_still_decodes_the_claims_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "gbk.csv"
    text = "subject,kind,year,value,unit,source\n"
    text += "china_idc_cidc_overall,level,2022,3200,CNY 100m,科智咨询\n"
    path.write_bytes(text.encode("gb18030"))
    assert main(["track-record", str(path), "--encoding", "gb18030"]) == 0
    # 3200 / 4043.2 - 1 = -20.85%
    assert "-20.9%" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (  # two yuan figures: no FX rate is used, whatever --fx-year says
            ["1562.5亿元", "320 billion yuan", "--years", "3", "--fx-year", "2020"],
            "note: --fx-year 2020 is not used: it serves a conversion between currencies, "
            "and start is in 'CNY 100m' and end in 'CNY bn'; drop it",
        ),
        (
            ["1562.5", "3200.5", "--years", "3", "--fx-year", "2020"],
            "note: --fx-year 2020 is not used: it serves a conversion between currencies, "
            "and start and end are plain numbers; drop it",
        ),
        (
            [
                "US$10 billion",
                "80 billion yuan",
                "--years",
                "2",
                "--fx-year",
                "2020",
                "--kw-per-rack",
                "6",
            ],
            "note: --kw-per-rack 6 is not used: it serves a conversion between racks and "
            "power, and start is in 'USD bn' and end in 'CNY bn'; drop it",
        ),
    ],
)
def test_cagr_notes_a_conversion_flag_it_did_not_use(
    args: list[str], note: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the flag was ignored in silence
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    assert cagr_cmd.run(parser.parse_args(args)) == 0
    assert capsys.readouterr().err.splitlines() == [note]


def test_cagr_with_its_conversion_flags_used_has_no_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    args = ["US$10 billion", "80 billion yuan", "--years", "2", "--fx-year", "2020"]
    assert cagr_cmd.run(parser.parse_args(args)) == 0
    args = ["520万标准机架", "800 MW", "--years", "3", "--kw-per-rack", "6"]
    assert cagr_cmd.run(parser.parse_args(args)) == 0
    assert capsys.readouterr().err == ""


def test_check_claims_notes_a_claims_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FILE was read twice (summary and readings), so each of its notes was printed twice
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,period,value\n"
        "gt,china_idc_cidc_overall,cagr,2020-22,27.8\n"
        "gt,china_idc_cidc_overall,growth,2021,0.35\n",
        encoding="utf-8",
    )
    assert main(["check-claims", str(path)]) == 1  # 0.35% in 2021 fits no reading: exit 1
    err = capsys.readouterr().err
    assert err.count("value 0.35 is read as 0.35%") == 1, err


def test_cagr_between_currencies_says_what_the_fx_year_measures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The help and error said "one rate for both levels, so the CAGR leaves out currency
    # moves", but only END is converted: US$22.6bn (2019) to 4,043.2亿元 (2022) at 2019's
    # 6.9081 is 58.5284 USD bn, (58.5284 / 22.6)^(1/3) - 1 = 37.33%, the yuan growth
    # (22.6 * 6.9081 = 156.12 CNY bn to 404.32: 37.3%); at 2022's 6.7290 it is 60.0862,
    # (60.0862 / 22.6)^(1/3) - 1 = 38.53%, the dollar growth with the yuan's rise
    from idcforecast.errors import MissingFxRateError

    args = ["US$22.6 billion", "4043.2亿元", "--years", "3"]
    out = _run(cagr_cmd, [*args, "--fx-year", "2019"], capsys)
    assert out.splitlines()[-1] == "CAGR   37.3% a year (0.373260 as a fraction)"
    out = _run(cagr_cmd, [*args, "--fx-year", "2022"], capsys)
    assert out.splitlines()[-1] == "CAGR   38.5% a year (0.385337 as a fraction)"
    parser = argparse.ArgumentParser()
    cagr_cmd.add_arguments(parser)
    message = (
        "pass --fx-year YEAR, the year whose rate converts the end into the start's currency "
        "(the start's year gives the growth in the end's currency, with no exchange-rate "
        "move; the end's year the growth in the start's currency, with it)"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        cagr_cmd.run(parser.parse_args(args))


def test_cagr_of_levels_that_do_not_convert_names_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # was the bare "cannot convert 'MW' (power) to 'CNY 100m' (money): ..."
    assert main(["cagr", "1562.5亿元", "3200 MW", "--years", "3"]) == 2
    assert capsys.readouterr().err.startswith(
        "error: cagr: start is in 'CNY 100m' and end in 'MW', which do not convert (cannot "
        "convert 'MW' (power) to 'CNY 100m' (money)"
    )


def test_check_claims_table_shows_the_end_a_rate_without_a_level_is_checked_at(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The gap of a CAGR with no claimed end level compares the end it implies with the end
    # year's actual; the table showed it beside the base year's actual alone.
    # 1562.5 * 1.278^2 = 2552.0 and 1228.0 * 1.278^3 = 2563.2 against 3012.7 in 2021:
    # 2552.0 / 3012.7 - 1 = -15.3%, 2563.2 / 3012.7 - 1 = -14.9%
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,period,value\nn,china_idc_cidc_overall,cagr,2019-21,27.8%\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path)], capsys).splitlines()
    assert out[4:8] == [
        "claim                 reading            implied base  reference         implied end"
        "      actual end     gap  implied CAGR  fits",
        "--------------------  -----------------  ------------  ----------------  -----------"
        "  --------------  ------  ------------  ----",
        "CAGR 27.8% 2019-2021  2 steps from 2019                1,562.5 (actual)      2,552.0"
        "  3,012.7 (2021)  -15.3%         38.9%  no",
        "CAGR 27.8% 2019-2021  3 steps from 2018                1,228.0 (actual)      2,563.2"
        "  3,012.7 (2021)  -14.9%         34.9%  no",
    ]


def test_track_record_forecasts_only_says_why_it_lists_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # report25: a claims file of restated figures alone printed the table's header and
    # nothing else under --forecasts-only
    claims = tmp_path / "restated.csv"
    claims.write_text(
        "claim_set,claim_id,made,by,subject,kind,start_year,year,value,unit,qualifier\n"
        "x,x/l2021,2024,A,china_idc_cidc_overall,level,,2021,3012.7,CNY 100m,exact\n"
        "x,x/l2022,2024,A,china_idc_cidc_overall,level,,2022,4043.2,CNY 100m,exact\n",
        encoding="utf-8",
    )
    out = _run(track_record_cmd, [str(claims), "--forecasts-only"], capsys)
    assert out == (
        "no forecasts: each of the 2 level claims is for a year before the one it was made in "
        "(a figure restated after the fact); drop --forecasts-only to list them\n"
    )


def test_track_record_forecasts_only_leaves_out_undated_claims_and_counts_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims53 left undated claims (horizon unknown, h blank) in the --forecasts-only table
    # without a word, as if known to be forecasts
    claims = tmp_path / "mixed.csv"
    claims.write_text(
        "subject,kind,year,value,unit,made\n"
        "china_idc_cidc_overall,level,2022,3200,亿元,2020-07-07\n"
        "china_idc_cidc_overall,level,2021,3000,亿元,\n"
        "china_idc_cidc_overall,level,2023,5000,亿元,\n",
        encoding="utf-8",
    )
    assert main(["track-record", str(claims), "--forecasts-only"]) == 0
    out, err = capsys.readouterr()
    assert "level_2022" in out and "level_2021" not in out and "level_2023" not in out, out
    assert "2 level claims without a made date left out by --forecasts-only" in err, err
    undated = tmp_path / "undated.csv"
    undated.write_text(
        "subject,kind,year,value,unit,made\nchina_idc_cidc_overall,level,2021,3000,亿元,\n"
        "china_idc_cidc_overall,level,2020,2200,亿元,2022\n",
        encoding="utf-8",
    )
    out = _run(track_record_cmd, [str(undated), "--forecasts-only"], capsys)
    assert out == (
        "no forecasts: of the 2 level claims, 1 for a year before the one it was made in (a "
        "figure restated after the fact) and 1 without a made date; drop --forecasts-only "
        "to list them\n"
    )


def test_check_claims_exit_code_says_whether_every_set_is_consistent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was 0 for an inconsistent set: a script could not tell (cli/_exit: 1)
    from idcforecast.cli import main

    path = tmp_path / "claims.csv"
    # CIDC 2019 = 1562.5, 2022 = 4043.2 (derived): (4043.2 / 1562.5) ** (1 / 3) - 1 = 37.3%
    path.write_text(
        "claim_set,subject,kind,period,value\nok,china_idc_cidc_overall,cagr,2019-2022,37.3\n",
        encoding="utf-8",
    )
    assert main(["check-claims", str(path)]) == 0
    assert "consistent  yes" in capsys.readouterr().out
    path.write_text(path.read_text().replace("37.3", "27.8"), encoding="utf-8")
    assert main(["check-claims", str(path)]) == 1
    assert "consistent  no" in capsys.readouterr().out


def test_claims_in_megawatts_take_kw_per_rack_against_the_bundled_racks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # --kw-per-rack was refused without --data ("describes your own actuals") and the claims
    # were converted at 2.5 kW a rack whatever the user knew
    path = tmp_path / "mw.csv"
    path.write_text(
        "claim_set,subject,kind,value,unit,year,start_year,made\n"
        "x,china_racks_in_use,level,13000,MW,2021,,2020\n"
        "x,china_racks_in_use,cagr,25,%,2021,2019,2020\n",
        encoding="utf-8",
    )
    out = _run(claims_cmd, [str(path), "--kw-per-rack", "5"], capsys)
    # 13,000 MW / 5 kW = 2.6 million racks = 260 万架; 260 / 1.25 ** 2 = 166.4 for 2019,
    # against the bundled 265.8: 166.4 / 265.8 - 1 = -37.4%
    assert "CAGR 25% 2019-2021  2 steps from 2019         166.4  265.8 (actual)  -37.4%" in out
    assert "reaching 260 racks 10k (from 13,000 MW at 5 kW per rack) in 2021" in out
    out = _run(track_record_cmd, [str(path), "--kw-per-rack", "5"], capsys)
    # 260 against the bundled "more than 520" for 2021: 260 / 520 - 1 = -50.0% at most
    assert "260 racks 10k†  > 520.0  < -50.0%" in out
    assert out.rstrip().endswith(
        "† x/level_2021: published as 13,000 MW, converted at 5 kW per rack "
        "(--kw-per-rack to change)"
    )


def test_check_claims_checks_each_reading_once(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the command ran check_claims and then claim_readings, checking every reading twice
    # (with a pandas filter per set on top: 1,000 sets took 5.4 s of CPU, now 0.8 s;
    # benchmarks/claims.py). The seed set's CAGR has two readings: two checks, not four.
    from idcforecast import claim_checks

    calls = []
    real = claim_checks._reading_row

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args[2:4])  # (base_year, steps)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(claim_checks, "_reading_row", counted)
    out = _run(claims_cmd, [], capsys)
    assert "CAGR 27.8% 2020-2022  3 steps from 2019" in out
    assert calls == [(2020, 2), (2019, 3)]


@pytest.mark.parametrize("module", [claims_cmd, track_record_cmd])
def test_kw_per_rack_that_converts_nothing_is_noted(
    module: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    # the bundled claims are in yuan and dollars: --kw-per-rack 5 served no conversion (it
    # was refused without --data before; now it converts claims, and says when it did not)
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    module.run(parser.parse_args(["--kw-per-rack", "5"]))
    assert capsys.readouterr().err == (
        f"note: {module.NAME}: --kw-per-rack 5 is not used: it serves a conversion between "
        "racks and power, and no level claim is in power against racks or the reverse; "
        "drop it\n"
    )


@pytest.mark.parametrize(
    ("text", "typed"), [("1,5", "type END as 1.5"), ("3.200,5", "type END as 3200.5")]
)
def test_cagr_decimal_comma_advice_names_what_to_type(
    text: str, typed: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "(a table written with decimal commas: read_series(..., decimal=','))", a Python
    # option of a table reader; cagr reads no table and has no --decimal
    from idcforecast.errors import ParseError

    with pytest.raises(ParseError) as raised:
        _run(cagr_cmd, ["1562.5", text, "--years", "3"], capsys)
    message = str(raised.value)
    assert f"(a decimal comma? {typed})" in message
    assert "read_series" not in message and "decimal=" not in message


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-1e3", "5"], "error: cagr: start must be a positive level, found -1000;"),
        (["5", "-inf"], "error: cagr: end must be a finite level, found -inf;"),
        (["100", "-5%"], "error: cagr: end -5% is a rate or a share (in %), not a level;"),
    ],
)
def test_cagr_negative_figures_reach_the_level_checks(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # argparse read "-1e3", "-inf", "-5%" as options: "the following arguments are
    # required: END" (or "unrecognized arguments: -1e3"), not what is wrong with the level
    assert main(["cagr", *argv, "--years", "2"]) == 2
    assert capsys.readouterr().err.startswith(message)


def test_check_claims_shows_the_rates_a_level_range_implies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims40: "implied CAGR" showed 42.9%, the rate to the midpoint of "3000-3400亿元";
    # the levels imply 3000 / 2238.7 - 1 = 34.0% to 3400 / 2238.7 - 1 = 51.9%
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,year,value,made\n"
        "v,china_idc_cidc_overall,growth,2021,不到30%,2021\n"
        "v,china_idc_cidc_overall,level,2021,3000-3400亿元,2021\n",
        encoding="utf-8",
    )
    main(["check-claims", str(path)])
    out = capsys.readouterr().out
    assert "+3.1%  34.0% to 51.9%  no" in out
    assert "42.9%" not in out


def test_cagr_takes_the_steps_after_end_as_python_does(capsys: pytest.CaptureFixture[str]) -> None:
    # claims40: `cagr 1562.5 3200.5 3` (the order of cagr(start, end, years)) was "the
    # following arguments are required: --years"
    assert main(["cagr", "1562.5", "3200.5", "3"]) == 0
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987
    assert (
        capsys.readouterr().out.splitlines()[-1] == "CAGR   27.0% a year (0.269987 as a fraction)"
    )
    assert main(["cagr", "1562.5", "3200.5", "3", "--years", "3"]) == 0
    capsys.readouterr()
    assert main(["cagr", "1562.5", "3200.5", "3", "--years", "2"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: the steps are given twice, 3 after END and --years 2; give them once\n"
    )
    assert main(["cagr", "1562.5", "3200.5"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: give the compounding steps, --years N or N after END (from the 2019 "
        "level to the 2022 level is 3: cagr 1562.5 3200.5 --years 3)\n"
    )


def test_check_claims_marks_a_bounded_or_derived_end_actual(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims40: the "actual end" column showed "650.0 (2022)" for "more than 650" and
    # "4,043.2 (2022)" for a derived figure
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,period,value,made\n"
        "r,china_racks_in_use,cagr,2019-2022,30%,2020\n"
        "c,china_idc_cidc_overall,cagr,2019-2022,30%,2020\n",
        encoding="utf-8",
    )
    main(["check-claims", str(path)])
    out = capsys.readouterr().out
    assert "  > 650.0 (2022)  -10.2%" in out
    assert "  4,043.2 (2022, derived)  " in out


def test_track_record_writes_a_share_claim_as_a_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims40: a level claim in % was refused; its figure prints as a share, "4.4%"
    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_set,subject,kind,year,value,made\n"
        "s,dc_electricity_share_us_lbnl,level,2023,4.4%,2024\n"
        "l,dc_electricity_share_us_lbnl,level,2028,6.7-12%,2024\n",
        encoding="utf-8",
    )
    assert main(["track-record", str(path)]) == 0
    out = capsys.readouterr().out
    assert "     4.4%  " in out
    assert "  6.7-12%  no actual yet (latest 2023)" in out


def test_cagr_refuses_a_plain_number_beside_a_bare_magnitude(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # claims40: `cagr 1万 20000 1` read 20000 in the start's "count 10k", 20000万, and
    # printed a 1,999,900.0% CAGR (20,000 would be +100%); a magnitude without a unit says
    # nothing of the other number's
    assert main(["cagr", "1万", "20000", "1"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: END '20000' is a plain number and START '1万' a number at a magnitude "
        "(10k: 10,000) without a unit, so 20000 may be 20,000 or 20000 x 10k; write both the "
        "same way (both with the magnitude, or START as 10,000)\n"
    )
    assert main(["cagr", "1万", "2万", "1"]) == 0  # (2 / 1) - 1 = 100%
    assert (
        capsys.readouterr().out.splitlines()[-1] == "CAGR   100.0% a year (1.000000 as a fraction)"
    )
    # a unit makes the plain number a figure in it, as documented
    assert main(["cagr", "1562.5", "3200.5亿元", "3"]) == 0
    assert "(no unit given: read in the end's unit)" in capsys.readouterr().out


def test_cagr_shows_a_number_with_a_bare_magnitude_as_the_number(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # claims40: "1万" printed as "1 count 10k" (a unit name the user never wrote)
    assert main(["cagr", "1万", "2.5万", "2"]) == 0
    # (2.5 / 1) ** (1 / 2) - 1 = 0.581139
    assert capsys.readouterr().out.splitlines() == [
        "start  10,000   (from '1万')",
        "end    25,000   (from '2.5万')",
        "years  2 compounding steps",
        "CAGR   58.1% a year (0.581139 as a fraction)",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        # argparse took START END [N] in one go: the 4 was "unrecognized arguments: 4"
        (["--years", "3", "4"], "the steps are given twice, 4 after END and --years 3; "),
        (["--years=3", "4"], "the steps are given twice, 4 after END and --years 3; "),
        (
            ["3", "4"],
            "2 numbers of compounding steps, 3 and 4 after END; cagr gives one rate over one "
            "span: give the steps once (cagr 1562.5 3200.5 --years 3), and run cagr again "
            "for another span",
        ),
        # the last --years won in silence: the rate over 4 steps, 19.6%
        (
            ["--years", "3", "--years", "4"],
            "2 numbers of compounding steps, --years 3 and --years 4; cagr gives one rate",
        ),
    ],
)
def test_cagr_several_numbers_of_steps_is_a_typed_error(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cagr", "1562.5", "3200.5", *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cagr: {message}"), err
    assert "unrecognized" not in err


@pytest.mark.parametrize("argv", [["--years", "3", "3"], ["--years", "3", "--years", "3"]])
def test_cagr_the_same_steps_said_twice_are_read_once(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # as "cagr 1562.5 3200.5 3 --years 3" always was; (3200.5 / 1562.5) ** (1 / 3) - 1
    assert main(["cagr", "1562.5", "3200.5", *argv]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-2:] == [
        "years  3 compounding steps",
        "CAGR   27.0% a year (0.269987 as a fraction)",
    ]


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("1562.5亿元(2019)", "3200.5亿元(2022)"),  # was read as 2 steps if given 2, in silence
        ("2019年1562.5亿元", "2022年3200.5亿元"),  # was "unit '年1562.5亿元' is not defined"
        ("1562.5亿元（2019年）", "3200.5 CNY 100m in 2022"),
    ],
)
def test_cagr_takes_the_steps_from_the_figures_years(
    start: str, end: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["cagr", start, end]) == 0
    # the 2019 and 2022 levels are 3 steps apart: (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "years  3 compounding steps   (2019 to 2022, the figures' years)",
        "CAGR   27.0% a year (0.269987 as a fraction)",
    ]
    assert main(["cagr", start, end, "--years", "3"]) == 0  # the same steps: agreed
    capsys.readouterr()
    assert main(["cagr", start, end, "2"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: START is the 2019 level and END the 2022 level, 3 compounding steps "
        "apart, but the steps given are 2; give the steps the years span (--years 3), or the "
        "figures without their years\n"
    )


def test_cagr_of_figures_whose_years_run_backwards_is_an_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["cagr", "2022: 3200亿元", "2019: 1562.5亿元"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: START is the 2022 level and END the 2019 level; a growth rate runs from "
        "an earlier year to a later one: give START the earlier figure\n"
    )


@pytest.mark.parametrize("years", ["3年", "3 years"])
def test_cagr_years_written_with_their_unit(years: str, capsys: pytest.CaptureFixture[str]) -> None:
    # "--years 3年" was "'3年' is not a number of compounding steps"
    assert main(["cagr", "1562.5", "3200.5", "--years", years]) == 0
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987
    assert capsys.readouterr().out.splitlines()[-1] == (
        "CAGR   27.0% a year (0.269987 as a fraction)"
    )
    with pytest.raises(SystemExit):  # a year, not steps: argparse's usage error
        main(["cagr", "1562.5", "3200.5", "--years", "2019年"])
    assert "'2019年' looks like a year" in capsys.readouterr().err


def test_cagr_shows_large_figures_without_an_exponent(capsys: pytest.CaptureFixture[str]) -> None:
    # "1562.5亿" printed as "1.5625e+11" (the docstring said: never an exponent)
    assert main(["cagr", "1562.5亿", "3200.5亿", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "start  156,250,000,000   (from '1562.5亿')",  # 1562.5 x 10^8
        "end    320,050,000,000   (from '3200.5亿')",
    ]
    assert main(["cagr", "1.5e11", "3.2e11", "3"]) == 0
    assert capsys.readouterr().out.splitlines()[:2] == [
        "start  150,000,000,000",
        "end    320,000,000,000",
    ]


def test_cagr_between_currencies_names_the_figures_years_for_the_fx_rate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # with the figures' years known, the error said only "pass --fx-year YEAR"
    assert main(["cagr", "US$22.6 billion (2019)", "3200亿元(2022)"]) == 2
    assert capsys.readouterr().err == (
        "error: cagr: start is in 'USD bn' and end in 'CNY 100m'; converting between "
        "currencies needs a year's FX rate: pass --fx-year 2022 (the end's year) for the "
        "growth in USD, with the exchange-rate move, or --fx-year 2019 (the start's year) for "
        "the growth in CNY, without it\n"
    )


def test_check_claims_names_a_cagr_with_one_bracketed_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "年均增速 12%（2030年）" with no year column was "missing year" for the whole file; now
    # a note names the row and the seed article's rows are checked (3 steps from 2019:
    # 3200 / 1.278 ** 3 = 1,533.1 against 1,562.5, -1.9%)
    path = tmp_path / "claims.csv"
    path.write_text(
        "subject,kind,value\n"
        "china_idc_cidc_overall,年均增速,12%（2030年）\n"
        "china_idc_cidc_overall,cagr,27.8% (2020-2022)\n"
        "china_idc_cidc_overall,level,3200亿元（2022年）\n",
        encoding="utf-8",
    )
    assert main(["check-claims", str(path)]) == 1
    captured = capsys.readouterr()
    assert "3 steps from 2019       1,533.1  1,562.5 (actual)   -1.9%" in captured.out
    assert "row 2 ('12%（2030年）': the year 2030 in brackets ends the period" in captured.err


@pytest.mark.parametrize(
    ("start", "end", "said"),
    [
        ("2019年1562.5亿元", "5000亿元", "START is the 2019 level, and END gives no year; give "
         "END's year with it in brackets ('5000亿元 (YEAR)')"),
        ("1562.5亿元", "5000亿元(2025)", "END is the 2025 level, and START gives no year; give "
         "START's year with it in brackets ('1562.5亿元 (YEAR)')"),
    ],
)  # fmt: skip
def test_cagr_with_one_figures_year_names_the_other(
    start: str, end: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "give the compounding steps, --years N ..." did not say that one figure's year was
    # read and the other's was not
    assert main(["cagr", start, end]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: cagr: {said} or the compounding steps, --years N"), err


def test_check_claims_says_the_currency_of_the_rates_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # claims58: "The rates are measured in CNY, the series' currency: ..." was printed in
    # full in each set's block (the report says it once since claims57)
    data = tmp_path / "cidc.csv"
    data.write_text("year,value\n2019,1562.5\n2020,2238.7\n2021,3012.7\n", encoding="utf-8")
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "claim_set,subject,kind,year,value\nx,cidc,growth,2021,10%\nz,cidc,growth,2020,5%\n",
        encoding="utf-8",
    )
    argv = [str(claims), "--data", str(data), "--unit", "CNY 100m", "--series", "cidc"]
    out = " ".join(_run(claims_cmd, argv, capsys).split())
    # both miss: 2238.7 * 1.10 = 2,462.6 against 3,012.7 (-18.3%); 1562.5 * 1.05 = 1,640.6
    # against 2,238.7 (-26.7%)
    assert "implies 2,462.6 in 2021" in out and "implies 1,640.6 in 2020" in out
    assert out.count("are measured in CNY, the series' currency") == 1, out
    assert "The rates are measured in CNY" not in out
    assert out.endswith(
        "The rates of sets x and z are measured in CNY, the series' currency: if the source "
        "measured them in another, the FX moves of those years are part of the gap (give its "
        "currency, a currency column or 'in RMB terms' in the value, to check them in it)."
    ), out
