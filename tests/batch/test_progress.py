"""The progress bar: shown when asked, silent when not a terminal unless asked."""

from __future__ import annotations

import pytest

from idcforecast.batch.progress import interactive, make_progress


def test_progress_true_draws_a_bar_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    bar = make_progress(4, progress=True, desc="forecast_many")
    bar.update(4)
    bar.close()
    err = capsys.readouterr().err
    assert "forecast_many" in err
    assert "4/4" in err


def test_progress_none_is_silent_when_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    assert interactive() is False  # pytest captures stderr: not a TTY, not a notebook
    bar = make_progress(4, progress=None)
    bar.update(4)
    bar.close()
    assert capsys.readouterr().err == ""


def test_progress_false_is_silent(capsys: pytest.CaptureFixture[str]) -> None:
    bar = make_progress(4, progress=False)
    bar.update(4)
    bar.close()
    assert capsys.readouterr().err == ""
