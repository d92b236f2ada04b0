"""`idcforecast report`: the main job from the command line."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from idcforecast.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_report_command_prints_what_it_does_then_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sub" / "r.pdf"
    assert main(["report", "--out", str(out), "--date", "2026-01-01", "--to", "2027"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Report on china_idc_cidc_overall from the bundled dataset china_idc_market, "
        "forecast to 2027"
    )
    assert re.fullmatch(r"Wrote the PDF in \d+\.\d s:", lines[-2])
    assert lines[-1] == str(out)
    assert out.read_bytes()[:5] == b"%PDF-"


def test_report_command_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "r.pdf"
    assert main(["report", "--series", "nope", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: report: series 'nope' is not in bundled dataset")
    assert main(["report", "--to", "2023", "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        "error: report horizon: --to 2023 is not after the last year of series "
        "'china_idc_cidc_overall' (2023); pass a later year, e.g. --to 2030\n"
    )
    assert main(["report", "--date", "01/02/2026", "--out", str(out)]) == 2
    assert "report date '01/02/2026' is not a calendar date" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name", ["vn.csv", "vn.xlsx"])
def test_report_refuses_to_write_over_its_data_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    # uat9: `report --data vn_in.csv --out vn_in.csv` exited 0 with the data replaced by a PDF
    import pandas as pd

    monkeypatch.chdir(tmp_path)
    frame = pd.DataFrame({"year": range(2015, 2024), "vn_mw": range(100, 550, 50)})
    if name.endswith(".csv"):
        frame.to_csv(name, index=False)
    else:
        frame.to_excel(name, index=False)
    before = Path(name).read_bytes()
    assert main(["report", "--data", name, "--unit", "MW", "--out", f"./{name}"]) == 2
    captured = capsys.readouterr()
    assert captured.err == (
        f"error: report: --out {name} is the same file as the input --data {name}; writing "
        "there would replace the input, so nothing was run or written; choose another output "
        "path, e.g. 'vn.pdf'\n"
    )
    assert captured.out == ""  # was "Report on ..." before the refusal
    assert Path(name).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_report_refuses_a_spec_for_another_series_like_scenarios_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "good.csv"
    data.write_text("year,value\n" + "".join(f"{2015 + i},{100 + 50 * i}\n" for i in range(9)))
    spec = str(REPO / "data" / "scenarios" / "china_idc_example.toml")
    out = tmp_path / "r.pdf"
    argv = ["--data", str(data), "--unit", "MW", "--scenarios", spec, "--out", str(out)]
    assert main(["report", *argv]) == 2
    err = capsys.readouterr().err
    assert err == (
        "error: report: series 'china_idc_cidc_overall' (the series_id of scenario spec "
        f"{spec}) is not in the data (found good); a spec's growth, shocks and caps are "
        "written for its series: use a spec written for the series simulated here\n"
    )
    assert not out.exists()
    # the scenarios command refuses the same pair with the same message, led by its name
    # (both said "error: simulate: ...", a function neither user called)
    assert main(["scenarios", "--input", str(data), "--unit", "MW", spec, "--paths", "10"]) == 2
    assert capsys.readouterr().err == err.replace("error: report: ", "error: scenarios: ")


def test_help_lists_report_and_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from idcforecast.cli import build_parser\n"
        "help = build_parser().format_help()\n"
        "heavy = [m for m in ('pandas', 'matplotlib', 'fpdf', 'statsmodels') if m in sys.modules]\n"
        "print('report' in help, heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True []"


def test_readme_and_ci_run_the_same_main_job() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("```bash\n", 1)[1].split("\n", 1)[0]
    assert quick_start == "python -m pip install . && python -m idcforecast report"
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start in ci.splitlines()


def test_report_gap_policy_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 2012-2013 missing: the library's hint says gaps='span', which report now takes
    data = tmp_path / "gappy.csv"
    years = [2010, 2011, *range(2014, 2024)]
    data.write_text("year,value\n" + "".join(f"{y},{50 + 15 * i}\n" for i, y in enumerate(years)))
    out = tmp_path / "r.pdf"
    argv = ["--data", str(data), "--unit", "MW", "--out", str(out), "--date", "2026-01-01"]
    assert main(["report", *argv, "--gaps", "error"]) == 2
    assert "years 2012-2013 are missing inside 2010-2023" in capsys.readouterr().err
    assert not out.exists()
    assert main(["report", *argv, "--gaps", "span"]) == 0
    from pypdf import PdfReader

    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert (
        "Only the latest run of consecutive years, 2014-2023, is used (gap policy 'span'): "
        "the figures of 2010-2011, before the gap, are left out of the tables, charts and "
        "forecast."
    ) in text
    assert "--to 2030 --gaps span --out" in text  # the command that reproduces it
    # 2014 is the first row kept (levels as published: whole MW)
    assert "2014 50 " not in text and "2014 80 " in text


def test_report_method_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 'auto' needs 4 points; the library's advice "use 'naive' (2) or 'drift' (3)" needed
    # a --method the report command did not have
    out = tmp_path / "caict.pdf"
    argv = ["--series", "china_idc_caict", "--out", str(out), "--date", "2026-01-01"]
    assert main(["report", *argv]) == 2
    assert "use --method naive (2) or --method drift (3)" in capsys.readouterr().err
    assert not out.exists()
    assert main(["report", *argv, "--method", "drift"]) == 0
    from pypdf import PdfReader

    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "--to 2030 --method drift --out" in text  # the command that reproduces it
    assert "Forecast method: 'drift'" in text


def test_report_on_another_bundled_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: only china_idc_market was reachable (others needed a 'datasets NAME --csv' trip)
    out = tmp_path / "racks.pdf"
    argv = ["--dataset", "china_racks_in_use", "--out", str(out), "--date", "2026-01-01"]
    assert main(["report", *argv]) == 2  # two series in it: which one?
    # the advice in command-line words (it read "choose one with --series (--series ID)")
    assert capsys.readouterr().err.endswith(
        "holds 2 series (china_racks_in_use, china_racks_in_use_midyear); choose one with "
        "--series ID\n"
    )
    assert main(["report", *argv, "--series", "china_racks_in_use"]) == 0
    assert capsys.readouterr().out.startswith(
        "Report on china_racks_in_use from the bundled dataset china_racks_in_use"
    )
    from pypdf import PdfReader

    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "from bundled dataset china_racks_in_use (china_racks_in_use.csv)" in text
    assert "idcforecast report --dataset china_racks_in_use --series china_racks_in_use" in text
    both = ["--data", str(out), "--dataset", "china_racks_in_use", "--out", str(tmp_path / "x.pdf")]
    assert main(["report", *both]) == 2
    assert "pass a data file (--data) or a bundled dataset (--dataset), not both" in (
        capsys.readouterr().err
    )


def test_report_reads_only_the_series_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "two.csv row 3, column 'vn_capacity_mw' (series 'vn_capacity_mw'): no unit for
    # this series": every series was read before --series picked one (forecast read one)
    data = tmp_path / "two.csv"
    data.write_text(
        "Vietnam market figures\nyear,vn_revenue_cny,vn_capacity_mw\n"
        + "".join(
            f"{y},{2100 + 300 * i}亿元,{72 + 20 * i}\n" for i, y in enumerate(range(2018, 2024))
        )
    )
    out = tmp_path / "r.pdf"
    argv = ["--data", str(data), "--header-row", "1", "--out", str(out), "--date", "2026-01-01"]
    assert main(["report", *argv, "--series", "vn_revenue_cny"]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    capsys.readouterr()
    # a series the file does not hold is still named with the ones it does
    assert main(["report", *argv, "--series", "vn_rev"]) == 2
    assert capsys.readouterr().err == (
        "error: report: series 'vn_rev' is not in file two.csv; it holds: vn_revenue_cny, "
        "vn_capacity_mw (pass one of them with --series)\n"
    )


def test_report_title_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # uat12: the title was the raw series id or file stem ("vn_mw"), with no option to set it
    from pypdf import PdfReader

    out = tmp_path / "t.pdf"
    argv = ["report", "--title", "China IDC market for the board", "--out", str(out)]
    assert main([*argv, "--date", "2026-01-01"]) == 0
    capsys.readouterr()
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert text.startswith("China IDC market for the board ")
    assert "--title 'China IDC market for the board' --out" in text  # reproduced with it


def test_report_on_the_claims_dataset_names_the_claims_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: a KeyError 'series_id' traceback (forecast and scenarios already said this)
    out = tmp_path / "claims.pdf"
    assert main(["report", "--dataset", "published_forecasts", "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        "error: report: dataset 'published_forecasts' holds claims, not series; expected a "
        "series dataset (see idcforecast datasets); check its claims with: idcforecast "
        "check-claims --all, or idcforecast track-record\n"
    )
    assert not out.exists()


def test_a_report_on_another_series_is_named_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # every report without --out was reports/china-idc-market.pdf: a report on a second
    # series replaced the first
    import pandas as pd

    from idcforecast.report.build import report_file_name

    monkeypatch.chdir(tmp_path)
    pd.DataFrame({"year": range(2015, 2024), "vn_mw": range(100, 550, 50)}).to_csv(
        "vn.csv", index=False
    )
    assert main(["report", "--data", "vn.csv", "--unit", "MW", "--date", "2026-01-01"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "reports/vn_mw.pdf"
    assert (tmp_path / "reports" / "vn_mw.pdf").read_bytes()[:5] == b"%PDF-"
    assert report_file_name("China / colo") == "china-colo.pdf"
    assert report_file_name("市场规模（亿元）") == "市场规模-亿元.pdf"


def test_readme_lists_what_ci_runs() -> None:
    # "a fresh virtual environment, the test command above, ruff, and the main job": CI
    # also runs mypy and imports the installed package from another directory
    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "mypy idcforecast" in ci and "ruff check ." in ci
    assert any("installed (non-editable) package works from another directory" in x for x in ci)
    assert (
        "`bash .ci/run` is what CI runs: a fresh virtual environment, the test command above, "
        "ruff, mypy, the main job, and the installed package imported from another directory."
    ) in readme


@pytest.mark.parametrize(
    ("argv0", "program"),
    [
        ("/venv/lib/python3.11/site-packages/idcforecast/__main__.py", "python -m idcforecast"),
        ("/venv/bin/idcforecast", "idcforecast"),
    ],
)
def test_command_as_run_is_the_command_as_typed(
    argv0: str,
    program: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # README: "the command as typed is printed in it"; `python -m idcforecast report` (the
    # README's own spelling) was printed as "idcforecast report"
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    argv = ["report", "--to", "2025", "--date", "2026-01-01", "--out", str(out)]
    monkeypatch.setattr(sys, "argv", [argv0, *argv])
    assert main(argv) == 0
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
    assert f"Command as run {program} report --to 2025 --date 2026-01-01 --out" in text


def test_help_says_when_series_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    # "(default: china_idc_cidc_overall for the bundled data; the only series of --data)"
    # said nothing of --dataset, whose several series (china_racks_in_use) need --series
    with pytest.raises(SystemExit):
        main(["report", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert (
        "--series ID series to report on (default: the --scenarios spec's series_id, or the "
        "one subject of all --claims, when the data holds it, else china_idc_cidc_overall for "
        "the bundled China IDC market; the only series of --data or --dataset, and required "
        "when it holds several)"
    ) in text
    assert main(["report", "--dataset", "china_racks_in_use"]) == 2
    assert "choose one with --series ID" in capsys.readouterr().err


def test_report_says_nothing_before_its_input_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Report on the series in the data from nosuch.csv, forecast to 2030" was
    # printed, then the error: a line announcing a report that never was
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(tmp_path / "nosuch.csv"), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "nosuch.csv: no such file" in captured.err
    assert main(["report", "--to", "2023", "--out", str(out)]) == 2  # a horizon error too
    assert capsys.readouterr().out == ""


def test_report_reads_standard_input_and_records_its_hash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `report --data -` was "-: no such file" while forecast, scenarios and show
    # read a table piped in; the report names it "standard input" with the bytes' sha256
    import hashlib
    import io

    from pypdf import PdfReader

    piped = b"year,vn_mw\n2018,100\n2019,150\n2020,210\n2021,260\n2022,330\n2023,400\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped)))
    out = tmp_path / "r.pdf"
    argv = ["report", "--data", "-", "--unit", "MW", "--out", str(out), "--date", "2026-01-01"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Report on vn_mw from standard input, forecast to 2030"
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(out).pages))
    assert "from standard input" in text
    assert "stdin.csv" not in text and "idcforecast-stdin-" not in text
    compact = text.replace(" ", "")
    assert hashlib.sha256(piped).hexdigest() in compact
    assert "idcforecastreport--data---unitMW--to2030" in compact
    assert "-: the same table piped in on standard input (its sha256 above)" in text


def test_a_csv_piped_in_with_sheet_is_named_standard_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # "error: stdin.csv: --sheet describes a sheet of an Excel workbook" named the
    # temporary copy of what was piped in (forecast --data - said the same)
    import io

    piped = b"year,vn_mw\n2018,100\n2019,150\n2020,210\n"
    for command in ("report", "forecast"):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(piped)))
        argv = [command, "--data", "-", "--sheet", "2", "--unit", "MW"]
        assert main([*argv, "--out", str(tmp_path / "r.pdf")] if command == "report" else argv) == 2
        assert capsys.readouterr().err == (
            f"error: {command}: standard input: --sheet describes a sheet of an Excel workbook, "
            "and the file is a CSV; drop --sheet\n"
        )


def test_several_methods_are_refused_in_command_line_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "pass them as a list: method=['drift', 'naive'] (a comma list is the command
    # line's --method way)": Python words, and a comma list is what was typed
    out = tmp_path / "r.pdf"
    with pytest.raises(SystemExit) as exited:
        main(["report", "--method", "drift,naive", "--out", str(out)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith(
        "idcforecast report: error: argument --method: 'drift,naive' names 2 methods; the "
        "report forecasts with one model: pass one, e.g. --method drift, and run the command "
        "once per method\n"
    )
    assert not out.exists()


def test_a_data_file_given_as_scenarios_is_named_as_such(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: "scenario file 'sales.csv' is not valid TOML: Expected '=' after a key ...", as
    # `scenarios sales.csv` said before it named the mix-up
    from idcforecast._paths import data_dir

    data = tmp_path / "sales.csv"
    data.write_text("series_id,year,value,unit\ns,2020,1,MW\n", encoding="utf-8")
    out = tmp_path / "r.pdf"
    assert main(["report", "--scenarios", str(data), "--out", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"error: report: --scenarios {str(data)!r} looks like data, but --scenarios is the "
        "scenario spec, a TOML file such as the bundled example china_idc_example.toml (at "
        f"{data_dir() / 'scenarios' / 'china_idc_example.toml'}); pass the history as --data "
        f"{data}, and give a spec or leave out --scenarios\n"
    )
    assert not out.exists()


def test_report_with_an_unknown_method_says_nothing_before_its_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Report on china_idc_cidc_overall from the bundled dataset ..., forecast to 2030" was
    # printed, then "unknown forecasting method 'nosuch'": the method is checked first now
    out = tmp_path / "r.pdf"
    code = main(["report", "--method", "nosuch", "--out", str(out)])
    captured = capsys.readouterr()
    assert (code, captured.out) == (2, "")
    assert "unknown forecasting method 'nosuch'" in captured.err
    assert not out.exists()


def test_a_file_stating_no_unit_is_refused_saying_why_forecast_takes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`forecast --data` and `show --data` take a file stating no unit as given; report
    refused it with the reader's error alone. It still refuses (its tables and charts
    state the unit) and says why; no PDF is written."""
    src = tmp_path / "plain.csv"
    src.write_text("year,value\n2018,100\n2019,112\n2020,125\n2021,139\n2022,156\n")
    out = tmp_path / "r.pdf"
    assert main(["report", "--data", str(src), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "(series 'plain'): no unit for this series;" in err
    assert err.rstrip().endswith(
        "; report needs that unit (the report's tables, charts and scenario caps are stated "
        "in it), unlike forecast, forecast-many and show, which take such a file's numbers "
        "as given"
    )
    assert not out.exists()


def test_a_spec_in_the_published_unit_against_unit_converted_series_says_drop_unit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """report58: `report --unit "USD bn" --scenarios china_idc_example.toml` advised to "read
    the series in 'CNY 100m' (money at each year's FX rate): --unit 'CNY 100m'" for a series
    published in CNY 100m: it is --unit that converted it away from the spec's unit."""
    out = tmp_path / "r.pdf"
    argv = ["report", "--unit", "USD bn", "--scenarios", "china_idc_example.toml"]
    assert main([*argv, "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert "Report on" not in captured.out  # refused before any work
    err = captured.err
    assert "was converted to 'USD bn' by --unit 'USD bn' (from 'CNY 100m' as published, at " in err
    assert "each year's FX rate)" in err
    assert "drop --unit to simulate it as published (the report is then in 'CNY 100m')" in err
    assert "read the series in" not in err
    assert not out.exists()


def test_a_spec_in_another_currency_than_published_keeps_the_read_it_in_advice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # published in CNY 100m, read in USD bn, spec in EUR bn: reading in the spec's unit is
    # the fix (the new check leaves it to simulate's own error)
    spec = tmp_path / "eur.toml"
    spec.write_text(
        'series_id = "china_idc_cidc_overall"\nunit = "EUR bn"\n\n[scenarios.base]\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.pdf"
    argv = ["report", "--unit", "USD bn", "--scenarios", str(spec), "--out", str(out)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "read the series in 'EUR bn' (money at each year's FX rate): --unit 'EUR bn'" in err
