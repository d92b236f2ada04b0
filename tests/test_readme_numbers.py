"""The README's numbers about the bundled China IDC series are what the library computes.

(The README's printed command outputs are checked in tests/cli; these are numbers quoted
in its prose, which went stale once: "17 of 18" when the backtest had 15 forecasts.)
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import idcforecast as idc
from idcforecast.errors import IdcForecastError

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def prose() -> str:
    return " ".join(README.read_text(encoding="utf-8").split())  # line breaks as spaces


@pytest.fixture(scope="module")
def cidc():  # type: ignore[no-untyped-def]
    data = idc.load_dataset("china_idc_market")
    return data[data["series_id"] == "china_idc_cidc_overall"]


def test_backtest_coverage_quoted_for_cidc(prose: str, cidc) -> None:  # type: ignore[no-untyped-def]
    bt = idc.backtest(cidc, 3)
    first, last = int(bt["cutoff"].min()), int(bt["cutoff"].max())
    n = len(bt)
    in_80 = int(((bt["lo_80"] <= bt["actual"]) & (bt["actual"] <= bt["hi_80"])).sum())
    in_95 = int(((bt["lo_95"] <= bt["actual"]) & (bt["actual"] <= bt["hi_95"])).sum())
    assert (
        f"3-year backtest from every cutoff {first}-{last}, `backtest(cidc, 3)`: {n} forecasts) "
        f"the 80% intervals cover {in_80} of {n} outcomes and the 95% intervals {in_95} of {n}."
    ) in prose


def test_growth_and_backtest_smape_quoted_for_cidc(prose: str, cidc) -> None:  # type: ignore[no-untyped-def]
    fc = idc.forecast(cidc, 7)["mean"].to_numpy()
    last = float(cidc["value"].iloc[-1])
    first_growth, last_growth = 100 * (fc[0] / last - 1), 100 * (fc[-1] / fc[-2] - 1)
    assert f"grows by +{first_growth:.1f}% in 2024 and +{last_growth:.1f}% in 2030" in prose
    smape = {
        m: float(idc.accuracy(idc.backtest(cidc, 3, method=m))["smape"].iloc[-1])
        for m in ("loglinear", "drift_log", "auto")
    }
    assert (
        f"(sMAPE {smape['loglinear']:.1f} for `loglinear` and {smape['drift_log']:.1f} for "
        f'`drift_log` against {smape["auto"]:.1f} for "auto")'
    ) in prose


def test_which_reader_takes_a_decimal_comma_and_a_pue(prose: str) -> None:
    # The README said, right after `idc.parse_quantity(text)`, that "a decimal comma and a
    # PUE read as in `figures`": parse_quantity refuses a bare decimal comma and a PUE;
    # only the `parse` command and find_figures read them. In euros or before a
    # continental magnitude word (text40) parse_quantity reads the decimal comma too. A
    # PUE after its number, "1.3 PUE", parse_quantity reads since text57 (a unit "PUE"),
    # one named before it ("PUE 1.3", "a PUE of 1.3") since text58.
    with pytest.raises(IdcForecastError):
        idc.parse_quantity("27,8%")
    assert float(idc.find_figures("27,8%")["value"].iloc[0]) == 27.8
    for text in ("1.3 PUE", "PUE 1.3", "a PUE of 1.3"):
        quantity = idc.parse_quantity(text)
        found = idc.find_figures(text)
        assert (quantity.value, quantity.unit) == (1.3, "PUE")
        assert (float(found["value"].iloc[0]), found["unit"].iloc[0]) == (1.3, "PUE")
    assert (idc.parse_quantity("1.15 pPUE").unit, idc.find_figures("1.15 pPUE")["unit"][0]) == (
        "pPUE",
        "pPUE",
    )
    for text in ("3,5 Mrd. Euro", "€ 2,5 Mrd."):
        found = idc.find_figures(text)
        quantity = idc.parse_quantity(text)
        assert (quantity.value, quantity.unit) == (found["value"].iloc[0], found["unit"].iloc[0])
    # point thousands before a continental magnitude word: every reader takes them
    assert idc.parse_quantity("1.000 millones de euros").value == 1000.0
    assert float(idc.find_figures("1.000 millones de euros")["value"].iloc[0]) == 1000.0
    assert (
        "`parse` reads a decimal comma, point thousands before a Spanish, Italian or German "
        'magnitude word and a PUE as `figures` does ("3,5 Mrd. Euro" is 3.5 EUR bn, "1.000 '
        'millones de euros" 1000 EUR mn, "PUE 1.3" 1.3 PUE), while `parse_quantity` reads a '
        'decimal comma only in euros or before such a magnitude word ("€ 2,5 Mrd." is 2.5 EUR '
        'bn) and refuses "27,8%" (a comma in a table cell may as well group thousands), '
        'and reads a PUE written after its number or named before it ("1.3 PUE", "PUE 1.3", '
        '"a PUE of 1.3": the ratio `PUE`, which converts to no other unit; "1.15 pPUE" a '
        "partial PUE, `pPUE`): `find_figures` reads the rest in Python;"
    ) in prose


def _block_after(marker: str) -> list[str]:
    """The non-blank lines of the README from ``marker`` to the end of its code block (the
    block opening after it, when ``marker`` is the prose before one)."""
    rest = README.read_text(encoding="utf-8").split(marker, 1)[1]
    if rest.lstrip().startswith("```"):
        rest = rest.lstrip().split("\n", 1)[1]
    return [line for line in rest.split("```", 1)[0].splitlines() if line.strip()]


def test_the_figures_table_is_the_commands_output(capsys: pytest.CaptureFixture[str]) -> None:
    # the README's `figures` table on the seed article was checked nowhere against the
    # command (tests/test_text_figures.py checks find_figures' rows, not what is printed)
    from idcforecast.cli import main

    seed = (
        "China's IDC market will grow at compound rate of 27.8 percent from 2020-22, and the "
        "scale will reach 320 billion yuan in 2022, according to a report. Tencent will invest "
        "500 billion yuan ($71.2 billion) over the next five years. Its new cluster will house "
        "more than 1 million servers. SenseTime is valued at more than $7.5 billion."
    )
    shown = _block_after("On the seed article's sentences:")
    assert main(["figures", seed]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(shown) == 7
    assert shown == out[: len(shown)]


def test_the_show_rows_are_the_commands_output(capsys: pytest.CaptureFixture[str]) -> None:
    # `show`'s README block was checked nowhere; a row cut short there ends in "..."
    from idcforecast.cli import main

    shown = _block_after("$ python -m idcforecast show\n")
    assert main(["show"]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = [line for line in shown if line != "..."]
    assert len(rows) == 7
    for line in rows:
        if line.endswith(" ..."):
            assert any(o.startswith(line[:-4]) for o in out), line
        elif set(line) <= {"-", " "}:  # the rule under the header, cut at the source column
            assert any(o.startswith(line) for o in out), line
        else:
            assert line in out


def test_report_paragraph_quotes_the_other_methods_and_the_band(prose: str, cidc) -> None:  # type: ignore[no-untyped-def]
    # "The report" paragraph's 2030 values were checked nowhere (the --compare table is)
    compared = idc.compare_methods(cidc, 7).set_index("model")["mean"]
    fc = idc.forecast(cidc, 7)
    assert (
        f"2030 central values of {compared['drift']:,.0f}, {compared['damped_log']:,.0f} and "
        f'{compared["drift_log"]:,.0f} against {compared["auto"]:,.0f} for "auto"'
    ) in prose
    top, last = float(fc["hi_95"].iloc[-1]), float(cidc["value"].iloc[-1])
    assert top > 4 * last  # the rule the sentence states
    assert f"({top:,.0f} against {last:,.0f})" in prose


def test_the_driver_model_ranges_are_the_models_output() -> None:
    # the README's DriverModel session was checked nowhere; 500e9 yuan / (20e6 to 50e6 per
    # MW) = 25,000 to 10,000 MW; at 2.5 kW a rack, 10,000,000 to 4,000,000 racks
    text = README.read_text(encoding="utf-8")
    session = text.split(">>> model = idc.DriverModel(", 1)[1].split("```", 1)[0]
    shown = [line for line in session.splitlines()[2:] if line.strip()]
    model = idc.DriverModel(capex="500 billion yuan", capex_per_mw=(20e6, 50e6))
    assert shown == model.ranges().to_string(index=False).splitlines()
    assert shown[1].split() == ["mw", "10000.0", "25000.0", "MW"]


def test_the_figure_examples_quoted_for_verbs_korean_and_number_words(prose: str) -> None:
    # text40: the README's examples of a verb before a figure, Korean and number words
    assert (
        '"将达到3500亿元" gives the figure "3500亿元"). Korean magnitudes and won read as '
        'Chinese ones ("2조5000억원" is 2.5 KRW tn), English number words as digits ("two '
        'thousand five hundred megawatts" is 2500 MW, "half a billion dollars" 0.5 USD bn).'
    ) in prose
    examples = [
        ("将达到3500亿元", "3500亿元", 3500.0, "CNY 100m"),
        ("2조5000억원", "2조5000억원", 2.5, "KRW tn"),
        ("two thousand five hundred megawatts", "two thousand five hundred megawatts",
         2500.0, "MW"),
        ("half a billion dollars", "half a billion dollars", 0.5, "USD bn"),
    ]  # fmt: skip
    for text, figure, value, unit in examples:
        found = idc.find_figures(text)
        assert (found["figure"].tolist(), found["value"].tolist(), found["unit"].tolist()) == (
            [figure],
            [value],
            [unit],
        )


def test_the_forecast_many_session_runs_as_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the block used `data` without saying where it comes from: copied as shown, it was a
    # NameError; it now reads the long table the command line example reads
    text = README.read_text(encoding="utf-8")
    block = text.split("## Many markets at once", 1)[1].split("```python\n", 1)[1]
    block = block.split("```", 1)[0]
    assert 'idc.read_long_table("markets.csv")' in block
    rows = ["series_id,year,value"]
    rows += [f"east,{year},{100 * 1.1 ** (year - 2015):.1f}" for year in range(2015, 2024)]
    rows += ["tiny,2022,5", "tiny,2023,6"]  # two points: "auto" fails, named in its note
    (tmp_path / "markets.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(block, "README.md", "exec"), scope)
    fc = scope["fc"]
    assert sorted(fc["series_id"].unique()) == ["east", "tiny"]  # type: ignore[index]
    failed = fc[fc["status"] == "failed"]  # type: ignore[index]
    assert set(failed["series_id"]) == {"tiny"}


def test_the_news_spellings_and_a_later_pue_quoted(prose: str) -> None:
    # text50: the README's examples of news spellings and of a PUE's later value
    examples = [
        ("3.2pc", 3.2, "%"),
        ("1½ GW", 1.5, "GW"),
        ("ten GW", 10.0, "GW"),
        ("2 Md€", 2.0, "EUR bn"),
        ("1.5兆円", 1.5, "JPY tn"),
        ("1.5万P", 1.5, "PFLOPS 10k"),
        ("1.2 million gallons", 1.2, "gal mn"),
    ]
    for text, value, unit in examples:
        assert f'"{text}"' in prose
        found = idc.find_figures(text)
        assert (found["value"].tolist(), found["unit"].tolist()) == ([value], [unit])
    assert '"500P" in a clause about 算力 is 500 PFLOPS' in prose
    # text53: the Japanese qualifiers after a yen figure
    # (text54: with 約 before a bound, and 前年比, year on year)
    assert (
        '"1.5兆円" 1.5 JPY tn ("2兆円超" and "約2兆円超" at least 2, "5兆円弱" at most 5; '
        '"前年比5%減" -5%)'
    ) in prose
    for text, qualifier in (
        ("2兆円超", "at_least"),
        ("約2兆円超", "at_least"),
        ("5兆円弱", "at_most"),
    ):
        assert idc.parse_quantity(text).qualifier == qualifier
    assert idc.parse_quantity("前年比5%減").value == -5.0
    assert idc.find_figures("算力达到500P")["unit"].tolist() == ["PFLOPS"]
    sentence = "a PUE of 1.3, falling to 1.2 by 2025"
    assert f'"{sentence}" gives the 1.2 the year 2025 and the 1.3 none' in prose
    found = idc.find_figures(sentence)
    assert [None if y is pd.NA else int(y) for y in found["year"]] == [None, 2025]


def test_the_equal_parts_magnitudes_and_rate_a_year_quoted(prose: str) -> None:
    # text52: the README's examples of "2x48MW", Vietnamese and Thai magnitudes, an amount
    # left out before a magnitude word not read, and a rate a year's period
    examples = [
        ("2x48MW", 96.0, "MW"),  # 2 x 48
        ("$2 tỷ", 2.0, "USD bn"),
        ("10.000 tỷ đồng", 10000.0, "VND bn"),
        ("10,000 ล้านบาท", 10000.0, "THB mn"),
        ("2,8 mld zł", 2.8, "PLN bn"),
        ("3,4 bln zł", 3.4, "PLN tn"),
        ("$180.50/kW/mo", 180.5, "USD/kW/month"),
        ("100 acres", 100.0, "acre"),
        ("500亩", 500.0, "mu"),
    ]
    for text, value, unit in examples:
        assert f'"{text}"' in prose
        found = idc.find_figures(text)
        assert (found["value"].tolist(), found["unit"].tolist()) == ([value], [unit])
    assert '("€5 bilionů") is left out with an `AmbiguousNumberWarning`' in prose
    with pytest.warns(idc.errors.AmbiguousNumberWarning):
        assert idc.find_figures("€5 bilionů").empty
    sentence = "US$57bn in 2023 and will grow 14% a year to 2028"
    assert f'"{sentence}": 2023-2028' in " ".join(prose.split())
    assert idc.find_figures(sentence)["period"].tolist() == ["", "2023-2028"]
    sentence = "4,200 MW in 2024, up from 3,778 MW a year earlier"
    assert f'"{sentence}" gives 2023' in " ".join(prose.split())
    assert idc.find_figures(sentence)["year"].tolist() == [2024, 2023]
