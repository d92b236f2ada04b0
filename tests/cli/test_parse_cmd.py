"""`idcforecast parse TEXT [--to UNIT] [--year Y] [--kw-per-rack K]`."""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import idcforecast.cli as cli
from idcforecast.cli import parse_cmd
from idcforecast.errors import MissingFxRateError


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parse_cmd.add_arguments(parser)
    return parse_cmd.run(parser.parse_args(argv))


def test_prints_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["500 billion yuan ($71.2 billion)"]) == 0
    assert capsys.readouterr().out == (
        "text:      500 billion yuan ($71.2 billion)\n"
        "value:     500\n"
        "unit:      CNY bn\n"
        "qualifier: exact\n"
        "range:     -\n"
        "alternate: 71.2 USD bn\n"
    )


def test_range_and_conversion(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["620-1 050 TWh", "--to", "亿千瓦时"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:5] == [
        "value:     835",
        "unit:      TWh",
        "qualifier: exact",
        "range:     620 to 1050 TWh",
    ]
    # 1 TWh = 1e12 Wh = 10 x (1e8 kWh): 620-1050 TWh is 6200-10500 亿千瓦时
    assert out[-1] == "converted: 6200 to 10500 kWh 100m"


def test_money_needs_year_and_racks_take_kw_per_rack(capsys: pytest.CaptureFixture[str]) -> None:
    # was the library's hint "pass year=...", which is no option of this command
    message = (
        "parse --to 'USD bn': converting CNY->USD needs --year YEAR (FX rates are annual "
        "averages); e.g. idcforecast parse '1,562.5亿元' --to 'USD bn' --year 2020"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        _run(["1,562.5亿元", "--to", "USD bn"])
    capsys.readouterr()
    assert _run(["1,562.5亿元", "--to", "CNY bn", "--year", "2019"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "converted: 156.25 CNY bn"
    # 520万 racks x 5 kW = 26,000,000 kW = 26 GW
    assert _run(["超过520万标准机架", "--to", "GW", "--kw-per-rack", "5"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "converted: at least 26 GW (at 5 kW per standard rack; --kw-per-rack to change)"
    )


def test_main_prints_typed_errors_and_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # only this subcommand, so the test does not depend on the others being importable
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("idcforecast.cli.parse_cmd",))
    assert cli.main(["parse", "5 bnUSD"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "error: parse: in figure '5 bnUSD': unit 'bnUSD' is not defined ('bnUSD' is no known unit, "
        "magnitude or currency); did you mean 'USD bn'?\n"
    )
    assert cli.main(["parse", "12 GW", "--to", "MW"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "converted: 12000 MW"


def test_registered() -> None:
    assert "idcforecast.cli.parse_cmd" in cli.COMMAND_MODULES
    assert parse_cmd.NAME == "parse"


def test_conversion_is_checked_against_the_texts_own_alternate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The seed article: 500 billion yuan ($71.2 billion), i.e. 7.02 CNY per USD; the 2020
    # annual average the FX table holds gives 72.42 USD bn, 72.42 / 71.2 - 1 = 1.7% more.
    assert _run(["500 billion yuan ($71.2 billion)", "--to", "USD bn", "--year", "2020"]) == 0
    out = capsys.readouterr().out.splitlines()
    # 500 / 6.9042 = 72.41968656759654..., printed to the figure's three significant
    # digits (72.4197 implied a precision of $0.1m the text never had), with the rate and
    # its source (it had neither)
    assert out[-2] == (
        "converted: 72.4 USD bn (at 6.9042 CNY per USD, the 2020 annual average of "
        "Federal Reserve G.5A; rounded to 3 significant digits)"
    )
    assert out[-1] == "check:     the text's own 71.2 USD bn; converted is 1.7% above it"
    # without --year the error points at the figure the text already gives
    message = "--year 2020; the text itself gives 71.2 USD bn"
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        _run(["500 billion yuan ($71.2 billion)", "--to", "USD bn"])
    # an alternate in another currency than --to: no check line
    assert _run(["500 billion yuan ($71.2 billion)", "--to", "CNY bn"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "converted: 500 CNY bn"


def test_a_negative_figure_is_read_as_the_text(capsys: pytest.CaptureFixture[str]) -> None:
    # was: argparse took "-5%" for an option ("the following arguments are required: TEXT")
    assert cli.main(["parse", "-5%"]) == 0
    assert capsys.readouterr().out.splitlines()[:3] == [
        "text:      -5%",
        "value:     -5",
        "unit:      %",
    ]
    # 12.5亿元 = 1.25 CNY bn, with its sign, and the options after it still read
    assert cli.main(["parse", "-12.5亿元", "--to", "CNY bn"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "converted: -1.25 CNY bn"


def test_fx_rates_file_gives_a_rate_the_bundled_table_lacks(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the bundled table has no EUR rate before 2012; the user's file gives one, and the line
    # says so
    rates = tmp_path / "my_fx.csv"
    rates.write_text("year,value,unit\n2011,1.3900,USD/EUR\n", encoding="utf-8")
    assert cli.main(["parse", "EUR 5 bn", "--to", "亿元", "--year", "2011"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: parse: no FX rate for EUR->CNY in 2011")
    assert "or give your own 2011 rate: --fx-rates FILE (a CSV of year, value, unit" in err
    argv = ["parse", "EUR 5 bn", "--to", "亿元", "--year", "2011", "--fx-rates", str(rates)]
    assert cli.main(argv) == 0
    # 1.39 USD/EUR (the user's) x 6.4630 CNY/USD (bundled 2011) = 8.98357 CNY/EUR;
    # 5e9 EUR x 8.98357 = 4.491785e10 CNY = 449.1785 亿元, rounded to 3 significant digits
    # (at least three, though "5" has one)
    assert capsys.readouterr().out.splitlines()[-1] == (
        "converted: 449 CNY 100m (at 8.9836 CNY per EUR, the 2011 annual average from "
        "my_fx.csv; rounded to 3 significant digits)"
    )
    assert cli.main(["parse", "EUR 5 bn", "--to", "亿元", "--year", "2023"]) == 0
    # bundled rates: 5 x 1.0817 x 7.0809 = 38.297 bn CNY = 382.97 亿元 -> 383; 1.0817 x
    # 7.0809 = 7.6594 CNY per EUR
    assert capsys.readouterr().out.splitlines()[-1] == (
        "converted: 383 CNY 100m (at 7.6594 CNY per EUR, the 2023 annual average of "
        "Federal Reserve G.5A through USD; rounded to 3 significant digits)"
    )
    assert cli.main(["parse", "EUR 5 bn", "--to", "亿元", "--year", "2024"]) == 0
    # 2024 is bundled now (FRED AEXUSEU 1.0820, AEXCHUS 7.1957):
    # 5 x 1.0820 x 7.1957 = 38.9287 bn CNY = 389.287 亿元 -> 389
    assert capsys.readouterr().out.splitlines()[-1].startswith("converted: 389 CNY 100m (at ")


def test_a_bad_fx_rates_file_is_one_error_line(
    tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:
    rates = tmp_path / "fx.csv"
    rates.write_text("year,rate\n2024,1.08\n", encoding="utf-8")
    assert cli.main(["parse", "5 MW", "--fx-rates", str(rates)]) == 2
    assert capsys.readouterr().err.startswith(
        "error: parse: FX file fx.csv: no column 'value', 'unit'"
    )


def test_year_without_to_is_noted(capsys: pytest.CaptureFixture[str]) -> None:
    # polish17: --year without --to was ignored in silence
    assert _run(["1,562.5亿元", "--year", "2020"]) == 0
    captured = capsys.readouterr()
    assert captured.err == (
        "note: --year 2020 only matters with --to, and nothing was converted (not used); add "
        "--to UNIT, e.g. idcforecast parse '1,562.5亿元' --to 'USD bn' --year 2020\n"
    )
    assert "value:     1562.5\n" in captured.out
    assert _run(["5万架", "--kw-per-rack", "5"]) == 0
    assert capsys.readouterr().err.startswith("note: --kw-per-rack 5 only matters with --to")


def test_year_with_to_gives_no_note(capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["5万架", "--to", "MW"]) == 0
    captured = capsys.readouterr()
    # 5 x 1e4 racks x 2.5 kW = 125,000 kW = 125 MW (the default kW per rack)
    assert "converted: 125 MW (at 2.5 kW per standard rack" in captured.out
    assert captured.err == ""


def test_an_ascii_terminal_gets_escapes_not_a_traceback() -> None:
    # cli24: with PYTHONIOENCODING=ascii (a terminal that cannot print 亿元), the figure was
    # read and then `print` died with UnicodeEncodeError (exit 1, a traceback); now what
    # stdout cannot encode is escaped as stderr escapes it (亿 is U+4EBF, 元 U+5143)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", "idcforecast", "parse", "1,562.5亿元"],
        capture_output=True,
        cwd=root,
        env=env,
    )
    assert (done.returncode, done.stderr) == (0, b"")
    assert done.stdout.decode("ascii").splitlines()[:3] == [
        "text:      1,562.5\\u4ebf\\u5143",
        "value:     1562.5",
        "unit:      CNY 100m",
    ]


def test_unused_flag_notes_suggest_a_conversion_the_flag_serves(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # cli24: `parse '5 MW' --year 2020` suggested "--to 'USD bn' --year 2020" (megawatts to
    # dollars, an error), and `parse '5 MW' --kw-per-rack 5` "--to MW" (no conversion at all)
    assert _run(["5 MW", "--year", "2020"]) == 0
    assert capsys.readouterr().err == (
        "note: --year 2020 is not used: it serves a conversion between currencies, and "
        "'5 MW' is in 'MW' (power)\n"
    )
    assert _run(["5 MW", "--kw-per-rack", "5"]) == 0
    assert capsys.readouterr().err.endswith(
        "e.g. idcforecast parse '5 MW' --to racks --kw-per-rack 5\n"
    )
    assert _run(["$5 bn", "--year", "2020"]) == 0  # dollars: the example is another currency
    assert capsys.readouterr().err.endswith("--to 'CNY bn' --year 2020\n")
    assert _run(["1,562.5亿元", "--kw-per-rack", "3"]) == 0
    assert capsys.readouterr().err == (
        "note: --kw-per-rack 3 is not used: it serves a conversion between racks and power, "
        "and '1,562.5亿元' is in 'CNY 100m' (money)\n"
    )


def test_a_decimal_comma_is_read_as_figures_reads_it(capsys: pytest.CaptureFixture[str]) -> None:
    # 'parse' refused '3,5 Mrd. Euro' ("a comma that does not separate groups of three
    # digits ... read_series(..., decimal=',')") while 'figures' reads it as 3.5 EUR bn
    assert _run(["3,5 Mrd. Euro", "--to", "USD bn", "--year", "2023"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["text:      3,5 Mrd. Euro", "value:     3.5", "unit:      EUR bn"]
    # 2023 average 1.0817 USD per EUR (data/fx_rates.csv): 3.5 x 1.0817 = 3.78595 -> 3.79
    assert out[-1] == (
        "converted: 3.79 USD bn (at 1.0817 USD per EUR, the 2023 annual average of "
        "Federal Reserve G.5A; rounded to 3 significant digits)"
    )
    assert _run(["2.345,6 Mio. EUR"]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == ["value:     2345.6", "unit:      EUR mn"]


def test_a_yen_sign_read_as_yuan_that_misses_the_text_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # a Japanese company's "¥1.5 trillion ($10 billion)": '¥' is CNY by design, 20x the
    # text's dollars; the check line only gave the gap
    assert _run(["¥1.5 trillion ($10 billion)", "--to", "USD bn", "--year", "2024"]) == 0
    # as CNY: 1.5e12 / 7.1957 = 208.458e9; as JPY: 1.5e12 / 151.4551 = 9.90393e9, 1.0% below 10
    assert capsys.readouterr().out.splitlines()[-1] == (
        "check:     the text's own 10 USD bn; converted is 1984.6% above it; '¥' is read as "
        "CNY (yuan): as yen (write 'JPY' or '日元') it converts to 9.90393 USD bn, 1.0% below it"
    )
    # yuan that fits stays without the hint: 500e9 / 6.9042 = 72.4197e9
    assert _run(["¥500 billion ($70 billion)", "--to", "USD bn", "--year", "2020"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "check:     the text's own 70 USD bn; converted is 3.5% above it"
    )


@pytest.mark.parametrize(
    ("text", "qualifier"), [("PUE 1.3", "exact"), ("电能利用效率降至1.3以下", "at_most")]
)
def test_a_pue_is_read_as_figures_reads_it(
    text: str, qualifier: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # "unit 'PUE' is not defined", though 'figures' reads "PUE of 1.3" as 1.3 PUE
    assert _run([text]) == 0
    assert capsys.readouterr().out.splitlines()[1:4] == [
        "value:     1.3",
        "unit:      PUE",
        f"qualifier: {qualifier}",
    ]


def test_a_pue_converts_to_nothing() -> None:
    from idcforecast.errors import IncompatibleUnitsError

    message = (
        "parse --to 'MW': 'PUE 1.3' is a PUE, a ratio without a unit (total over IT power), "
        "which converts to no unit; drop --to"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)):
        _run(["PUE 1.3", "--to", "MW"])


def test_point_thousands_before_a_continental_magnitude_as_figures_reads_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 'parse "1.000 millones de euros"' printed 1 EUR mn while 'figures' read
    # 1,000 (the Spanish point groups thousands: 1.000 x 1e6 = 1e9 euros)
    assert _run(["1.000 millones de euros"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:3] == ["text:      1.000 millones de euros", "value:     1000", "unit:      EUR mn"]
    assert _run(["1.250 MW"]) == 0  # alone: the English decimal point, as figures reads it
    assert capsys.readouterr().out.splitlines()[1] == "value:     1.25"


def test_a_long_scale_bilion_is_named_never_guessed_as_a_billion(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # text52: "€5 bilionů" (Czech: 5 trillion) printed a note of find_figures' (the PUE
    # probe) before the error, and the error named 'ů' (the Malay "bilion" was read out
    # of the word) or, for the whole word, offered "did you mean 'EUR bn'?": a billion,
    # a thousand times too small
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("idcforecast.cli.parse_cmd",))
    assert cli.main(["parse", "€5 bilionů"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        "error: parse: in figure '€5 bilionů': unit '€ bilionů' is not defined ('bilionů' is "
        "no known unit, magnitude or currency); 'bilionů' is the Czech or Polish 'bilion', "
        "a trillion (1e12), not a billion: write 'tn' ('€5 tn')\n"
    )


def test_a_bracketed_year_is_the_figure_s_year_and_its_fx_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # text54: "US$5bn (2022)" printed "alternate: 2022 count"; --to 'CNY bn' then asked
    # for --year though the text gives it. 5 x 6.7290 (the bundled 2022 CNY per USD)
    # = 33.645 -> 33.6 (three significant digits)
    assert cli.main(["parse", "US$5bn (2022)", "--to", "CNY bn"]) == 0
    out = capsys.readouterr().out
    assert "alternate: -\n" in out and "year:      2022\n" in out
    assert (
        "converted: 33.6 CNY bn (at 6.7290 CNY per USD, the 2022 annual average of Federal "
        "Reserve G.5A; 2022 is the figure's year, --year to change; rounded to 3 significant "
        "digits)"
    ) in out
    # --year still decides when given (2020: 5 x 6.9042 = 34.521 -> 34.5)
    assert cli.main(["parse", "US$5bn (2022)", "--to", "CNY bn", "--year", "2020"]) == 0
    out = capsys.readouterr().out
    assert "converted: 34.5 CNY bn (at 6.9042 CNY per USD" in out
    assert "the figure's year" not in out


def test_servers_and_energy_say_what_assumption_the_conversion_needs(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # analyst55: the seed article's "more than 1 million servers" --to racks or MW, and MW
    # --to TWh, said only "convert to a unit of the same dimension (racks and power convert
    # through --kw-per-rack ...)", pointing at an option that cannot help. Now the error
    # names the assumption missing and a sourced figure: 19 million servers / 5.2 million
    # standard racks (MIIT end-2021) = 3.65, about 3.7 per installed rack
    assert cli.main(["parse", "more than 1 million servers", "--to", "racks"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        "error: parse --to 'racks': cannot convert 'more than 1 million servers' (servers mn) "
        "to 'racks': no servers-per-rack assumption is built in"
    )
    assert "about 3.7 per rack, derived; idcforecast datasets china_racks_in_use" in err
    assert cli.main(["parse", "more than 1 million servers", "--to", "MW"]) == 2
    assert "convert servers to racks by your own stated ratio" in capsys.readouterr().err
    # a year at 10,000 MW is 87.6 TWh at full load: the load factor is the user's to state
    assert cli.main(["parse", "10000 MW", "--to", "TWh"]) == 2
    assert "MW x 8,760 hours x the load factor" in capsys.readouterr().err
    assert cli.main(["parse", "超过520万标准机架", "--to", "TWh"]) == 2
    assert "racks convert to power (--to MW, at --kw-per-rack)" in capsys.readouterr().err
    # other pairs keep the library's message
    assert cli.main(["parse", "5 MW", "--to", "USD bn"]) == 2
    assert "there is no conversion between power and money" in capsys.readouterr().err


def test_a_figure_with_its_year_in_words_is_told_how_parse_takes_the_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # analyst55: a new user types the seed article's "320 billion yuan in 2022" and was told
    # "unit 'billion yuan in 2022' is not defined ('in' is no known unit ...)", as if the
    # figure were wrong; the error now names the figure figures finds and how to give its
    # year (in brackets, which parse reads as the figure's year)
    assert cli.main(["parse", "320 billion yuan in 2022"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: parse: in figure '320 billion yuan in 2022': unit")
    assert (
        "the figure in it is '320 billion yuan', of 2022: parse reads the figure alone: "
        "idcforecast parse '320 billion yuan (2022)' (a year in brackets is the figure's "
        "year), or idcforecast figures '320 billion yuan in 2022' to read figures"
    ) in err
    # and that advice runs
    assert cli.main(["parse", "320 billion yuan (2022)"]) == 0
    assert "year:      2022" in capsys.readouterr().out
    assert cli.main(["parse", "27.8% CAGR 2020-22"]) == 2
    assert "the figure in it is '27.8% CAGR', over 2020-2022" in capsys.readouterr().err
    # no figure, or words before it only (parse's own error says to cut them): unchanged
    assert cli.main(["parse", "hello"]) == 2
    assert "the figure in it" not in capsys.readouterr().err
    assert cli.main(["parse", "Tencent will invest 500 billion yuan"]) == 2
    assert "the figure in it" not in capsys.readouterr().err


def test_a_ringgit_conversion_names_the_ecb_rows(capsys: pytest.CaptureFixture[str]) -> None:
    # fx57: the ringgit's rate is computed from the ECB's daily rates; the line said "of
    # Federal Reserve G.5A", which has no ringgit row in the table.
    # 2 / 4.2014 (MYR per USD, 2020) = 0.47603...
    assert _run(["MYR 2 bn", "--to", "USD bn", "--year", "2020"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "converted: 0.476 USD bn (at 4.2014 MYR per USD, the 2020 annual average of ECB "
        "euro foreign exchange reference rates; rounded to 3 significant digits)"
    )
    # through USD: 6.9042 CNY per USD / 4.2014 MYR per USD = 1.64331... CNY per MYR;
    # 2e9 x 1.64331 / 1e8 = 32.866 -> 32.9 CNY 100m
    assert _run(["RM2 bilion (2020)", "--to", "亿元"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == (
        "converted: 32.9 CNY 100m (at 1.6433 CNY per MYR, the 2020 annual average of ECB "
        "euro foreign exchange reference rates and Federal Reserve G.5A through USD; 2020 is "
        "the figure's year, --year to change; rounded to 3 significant digits)"
    )


@pytest.mark.parametrize(
    ("text", "what"),
    [("1.3 PUE", "a PUE"), ("a PUE of 1.3", "a PUE"), ("1.15 pPUE", "a partial PUE")],
)
def test_a_pue_parse_quantity_reads_converts_to_nothing(text: str, what: str) -> None:
    # text58: "1.3 PUE --to MW" said "cannot convert 'PUE' (ratio) to 'MW' (power) ...
    # convert to a unit of the same dimension", as if one existed
    from idcforecast.errors import IncompatibleUnitsError

    message = f"parse --to 'MW': {text!r} is {what}, a ratio without a unit"
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)):
        _run([text, "--to", "MW"])
