"""The report on your own data checks your own claims (analyst54): a folder of figures and
an article's growth claim could be checked with ``check-claims`` but never put in the
report, whose claims section took the bundled published claims only (none for a series of
your own)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from idcforecast import build_report, find_figures
from idcforecast.errors import UnknownSubjectError

DATE = "2026-01-01"
ARTICLE = (
    "China's IDC market will grow at compound rate of 27.8 percent from 2020-22, and the "
    "scale will reach 320 billion yuan in 2022, according to a report."
)


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "a.csv").write_text("year,value,source\n2018,1228,CIDC 2019\n2019,1562.5,CIDC\n")
    (folder / "b.csv").write_text("year,value,source\n2020,2238.7,CIDC\n2021,3012.7,CIDC\n")
    return folder


def _text(path: Path) -> str:
    return re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))


def test_claims_found_in_an_article_are_checked_in_the_report(tmp_path: Path) -> None:
    claims = find_figures(ARTICLE, source="Global Times").assign(
        subject="cidc", kind=["cagr", "level"]
    )
    path = build_report(
        data=_folder(tmp_path),
        series_id="cidc",
        to=2024,
        method="drift",
        out=tmp_path / "r.pdf",
        date=DATE,
        read_options={"unit": "CNY 100m"},
        claims=claims,
    )
    text = _text(path)
    assert "Claims and track record" in text
    # the summary names no set for claims without one (it printed "inconsistent ().")
    assert "1 of 1 claim sets about this series is internally inconsistent. " in text
    assert "CAGR 27.8% 2020-2022" in text
    # 320 billion yuan = 3,200 亿元; 3200 / 1.278**2 = 1,959.2 in 2020, against the folder's
    # 2,238.7: 1959.2 / 2238.7 - 1 = -12.5%; 3200 / 1.278**3 = 1,533.1 in 2019
    assert "implies a base of 1,959.2 in 2020 (2 steps) or 1,533.1 in 2019 (3 steps)" in text
    assert "the 2-step reading is off by -12.5%" in text
    assert "claims= given from Python" in text  # the command to reproduce says what it lacks
    assert "Claims 2 claims given as claims= from Python" in text  # reproducibility table


def test_report_claims_flag_and_a_claim_about_another_series(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    folder = _folder(tmp_path)
    claims = tmp_path / "claims.csv"
    claims.write_text(
        "subject,kind,year,start_year,value,unit\ncidc,cagr,2022,2020,27.8,%\n"
        "cidc,level,2022,,3200,亿元\n"
    )
    argv = ["report", "--data", str(folder), "--series", "cidc", "--unit", "亿元", "--to", "2024"]
    argv += ["--method", "drift", "--date", DATE, "--claims", str(claims)]
    assert main([*argv, "--out", str(tmp_path / "r.pdf")]) == 0
    text = _text(tmp_path / "r.pdf")
    assert "the 2-step reading is off by -12.5%" in text
    assert f"--claims {claims}" in text  # in the command to reproduce
    # and in the reproducibility table with its sha256, as the data and FX files are
    assert "The same data and claims files, seed and --date give a byte-identical PDF" in text
    digest = hashlib.sha256(claims.read_bytes()).hexdigest()
    assert re.search(r"Claims file sha256 " + r"\s?".join(digest), text)
    capsys.readouterr()
    claims.write_text("subject,kind,year,value,unit\nracks,level,2022,650,万架\n")
    with pytest.raises(UnknownSubjectError, match="not the reported series 'cidc'"):
        build_report(
            data=folder,
            series_id="cidc",
            claims=claims,
            read_options={"unit": "CNY 100m"},
            out=tmp_path / "x.pdf",
        )
    assert main([*argv, "--out", str(tmp_path / "x.pdf")]) != 0
    assert "set their subject to 'cidc'" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_gbk_claims_file_reads_with_the_encoding_the_error_names(tmp_path: Path) -> None:
    # a claims CSV saved by Excel on Chinese Windows: the error said "pass --encoding
    # gb18030", but report's --encoding reached the data only, so the same error came back
    from idcforecast.errors import DataError

    claims = tmp_path / "claims.csv"
    claims.write_bytes("主体,类型,年份,数值,单位\ncidc,level,2022,3200,亿元\n".encode("gb18030"))
    options = {"unit": "CNY 100m"}
    folder = _folder(tmp_path)
    with pytest.raises(DataError, match="pass encoding='gb18030'"):
        build_report(data=folder, series_id="cidc", claims=claims, read_options=options)
    path = build_report(
        data=folder,
        series_id="cidc",
        to=2024,
        method="drift",
        claims=claims,
        read_options={**options, "encoding": "gb18030"},  # --encoding gb18030
        out=tmp_path / "r.pdf",
        date=DATE,
    )
    # 3,200 claimed for 2022, a year after the folder's last (2021): still open
    assert "level 3,200 CNY 100 million in 2022" in _text(path)


def test_claims_without_a_claim_set_are_named_none_in_the_report_table() -> None:
    # a claims file without a claim_set column left the first cell of the report's Claims
    # table blank; check-claims prints "(none)" there
    import pandas as pd

    from idcforecast.report.sections.claims_and_scenarios import claims_table

    checks = pd.DataFrame(
        {
            "claim_set": ["", "seed"],
            "claims": ["level 3,200 CNY 100m in 2022"] * 2,
            "consistent": pd.array([True, False], dtype="boolean"),
            "explanation": ["..."] * 2,
        }
    )
    assert claims_table(checks)["Claim set"].tolist() == ["(none)", "seed"]


def test_the_track_record_chart_of_a_claim_past_the_history_keeps_its_actuals() -> None:
    # a claims file of one forecast for 2030 on a history to 2023 (report --claims): the
    # chart drew the actuals of the six years before the claim (2024-2029: none) and the
    # report stopped on numpy's "zero-size array to reduction operation minimum"
    import pandas as pd

    from idcforecast.report._outcome_charts import plot_claims

    record = pd.DataFrame(
        {"claim_set": [""], "by": [""], "made": [""], "subject": ["cidc"], "year": [2030],
         "value": [20000.0], "qualifier": ["exact"], "unit": ["CNY 100m"],
         "actual": [float("nan")], "held": pd.array([pd.NA], dtype="boolean"),
         "forecast": [True]}
    )  # fmt: skip
    history = pd.DataFrame(
        {"series_id": "cidc", "year": [2016, 2018, 2019, 2023],
         "value": [714.5, 1228.0, 1562.5, 5078.3], "unit": "CNY 100m"}
    )  # fmt: skip
    fig = plot_claims(record, history=history)
    line = fig.axes[0].get_lines()[0]  # the actuals, from 2023 - 6 = 2017 on
    assert list(line.get_xdata()) == [2018, 2019, 2020, 2021, 2022, 2023]


def test_own_claims_without_set_maker_or_date_say_so_in_the_track_record() -> None:
    # analyst55: report --claims with the seed article's figures (figures --csv, subject and
    # kind added: no claim_set, by or made) printed a track-record row whose first three
    # cells were blank, under a chart footnote "Forecasts by: none"
    import idcforecast as idc
    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report._outcome_charts import _makers_note
    from idcforecast.report.sections.claims_and_scenarios import track_record_table

    claims = idc.read_claims(
        find_figures(ARTICLE)
        .iloc[:2]
        .assign(subject="china_idc_cidc_overall", kind=["cagr", "level"])
    )
    record = idc.track_record(claims)
    forecasts = record[record["forecast"].fillna(True).astype(bool)]
    row = track_record_table(forecasts, LevelFormat(1, 0)).iloc[0]
    # 320 bn yuan = 3,200 亿元 against the derived 2022 actual 4,043.2: 3200 / 4043.2 - 1
    # = -20.9%
    assert row.tolist() == [
        "(none)", "not stated", "not stated", "2022", "3,200", "4,043.2", "-20.9%", "no",
    ]  # fmt: skip
    assert _makers_note(forecasts) == "Forecasts by: not stated"
