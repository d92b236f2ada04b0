"""A chart's source line that shortens a citation says where the rest is."""

from __future__ import annotations

import pandas as pd

from idcforecast.report._frames import source_text


def test_a_shortened_citation_points_to_the_sources_table() -> None:
    # "..., table 3.2 (wholesale segment only)" was dropped without a word: the scope of
    # the figures, printed in full only in the Sources table
    cited = pd.DataFrame({"source": ["Structure Research 2024, table 3.2 (wholesale only)"] * 3})
    assert source_text(cited) == "Source: Structure Research 2024 (see Sources)"
    # a file's rows ("vn.csv row 2, column 'mw'") and a citation without a comma are whole
    rows = pd.DataFrame({"source": [f"vn.csv row {i}, column 'mw'" for i in (2, 3)]})
    assert source_text(rows) == "Source: vn.csv, rows 2-3"
    assert source_text(pd.DataFrame({"source": ["Analyst note"]})) == "Source: Analyst note"
