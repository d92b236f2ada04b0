"""Table cells break a long URL or name where a reader expects it."""

from __future__ import annotations

from idcforecast.report._wrap import wrap_text


def _chars(text: str) -> float:  # one unit a character
    return float(len(text))


def test_a_closing_bracket_never_opens_a_line_alone() -> None:
    # the 2017 row's source printed "derived from the 2018 row (highestlevelmanagement.com"
    # over a lone ")": the run was cut at the last character that fit
    text = "derived from the 2018 row (highestlevelmanagement.com)"
    lines = wrap_text(text, 27.0, _chars).split("\n")
    assert lines == ["derived from the 2018 row", "(highestlevelmanagement.", "com)"]
    assert all(len(line) <= 27 for line in lines)


def test_a_host_name_breaks_after_a_dot_not_inside_a_word() -> None:
    # "m.highestlevelmanagement.co" over "m/article/20200724/": broken inside "com"
    lines = wrap_text("m.highestlevelmanagement.com/article/20200724/40905.html", 27.0, _chars)
    assert lines.split("\n") == ["m.highestlevelmanagement.", "com/article/20200724/", "40905.html"]
