"""Errors a new user meets on the first day name what was passed and the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import idcforecast as idc
from idcforecast.errors import DataError


@pytest.mark.parametrize("path", ["market.csv", Path("market.csv")])
def test_a_path_passed_as_data_says_read_it_first(path: str | Path) -> None:
    # forecast("market.csv", 5) said "... or a year-indexed Series; got str"
    with pytest.raises(
        DataError,
        match=r"got (str|\w*Path) \('market\.csv' looks like a file: "
        r"read it first, idcforecast\.read_series\('market\.csv', unit=\.\.\.\)",
    ):
        idc.forecast(path, 5)


def test_other_data_types_are_named_without_the_file_hint() -> None:
    with pytest.raises(DataError, match=r"Series; got list$"):
        idc.forecast([1.0, 2.0, 3.0, 4.0], 2)


@pytest.mark.parametrize(
    ("typed", "meant"), [("forcast", "forecast"), ("check-claim", "check-claims"), ("shw", "show")]
)
def test_a_misspelt_command_gets_a_did_you_mean(typed: str, meant: str, capsys) -> None:
    from idcforecast.cli import main

    # argparse listed the choices only: "invalid choice: 'forcast' (choose from ...)"
    with pytest.raises(SystemExit) as exited:
        main([typed, "--data", "x.csv"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"invalid choice: {typed!r}; did you mean {meant!r}? (choose from 'report'," in err


def test_a_command_unlike_any_lists_the_choices(capsys) -> None:
    from idcforecast.cli import main

    with pytest.raises(SystemExit):
        main(["xyz"])
    assert "invalid choice: 'xyz' (choose from 'report', 'show'," in capsys.readouterr().err


def test_a_figures_table_given_as_claims_says_which_columns_to_add(tmp_path: Path) -> None:
    # analyst54: `figures --csv > claims.csv` then `check-claims claims.csv` said only that
    # subject and kind were missing, with the list of every claims column; the figures
    # table is one step from a claims file, and the error now says which step
    from idcforecast.errors import SpecError

    path = tmp_path / "article.csv"
    idc.find_figures("The market will reach 320 billion yuan in 2022.").to_csv(path, index=False)
    with pytest.raises(
        SpecError,
        match=r"it is a table of figures, as `idcforecast figures --csv` writes it: keep the "
        r"rows that are claims and add a subject column \(the series each is about\) and a "
        r"kind column \(level, growth, cagr\)$",
    ):
        idc.read_claims(path)
    # with the two columns it is a claims file: 320 billion yuan, a level in 2022
    frame = idc.find_figures("The market will reach 320 billion yuan in 2022.")
    frame.assign(subject="cidc", kind="level").to_csv(path, index=False)
    (claim,) = idc.read_claims(path)
    assert (claim.kind, claim.value, claim.unit, claim.year) == ("level", 320.0, "CNY bn", 2022)


def test_a_path_given_as_claims_history_says_read_it_first(tmp_path: Path) -> None:
    # analyst54: check_claims(claims, history="figures") (the folder the report reads) said
    # only "expected a tidy frame, 'bundled' or None, found str"
    claims = [idc.Claim(subject="cidc", kind="level", year=2022, value=3200, unit="亿元")]
    folder = tmp_path / "figures"
    folder.mkdir()
    with pytest.raises(
        DataError,
        match=re.escape(
            f"found str ({str(folder)!r} looks like a file or folder: read it first, "
            f"history=idcforecast.read_series({str(folder)!r}, series_id=<the claims "
            "subject>, unit=...))"
        ),
    ):
        idc.check_claims(claims, history=str(folder))
    with pytest.raises(DataError, match=r"found str$"):  # a mistyped 'bundled': no such hint
        idc.check_claims(claims, history="bundle")
