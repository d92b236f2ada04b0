"""The bundled datasets: catalogue, loaders, validation, and facts pinned to idc_sources.md."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import datasets, list_datasets, load_dataset
from idcforecast._paths import data_dir
from idcforecast._tidy import TIDY_COLUMNS
from idcforecast.datasets import CLAIM_COLUMNS, load_series
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    MixedUnitsError,
    NonNumericValueError,
    UnknownDatasetError,
    UnknownSeriesError,
)
from idcforecast.units.registry import canonical_unit

REPO = Path(__file__).resolve().parents[1]
SERIES_DATASETS = [
    "china_computing_power",
    "china_idc_market",
    "china_racks_in_use",
    "company_revenue",
    "dc_electricity",
    "global_dc_market",
    "hyperscale_dc_count",
    "investment_pledges",
]


def _series(name: str, series_id: str) -> pd.DataFrame:
    frame = load_dataset(name)
    return frame[frame["series_id"] == series_id].set_index("year")


# -- catalogue ---------------------------------------------------------------------------


def test_catalogue_lists_every_dataset_sorted() -> None:
    cat = list_datasets()
    assert list(cat.columns) == [
        "name",
        "description",
        "unit",
        "years",
        "scope",
        "source",
        "schema",
    ]
    assert cat["name"].tolist() == sorted([*SERIES_DATASETS, "fx_rates", "published_forecasts"])
    row = cat.set_index("name").loc["china_idc_market"]
    assert row["unit"] == "CNY 100m"
    assert row["years"] == "2012-2023"
    assert row["scope"] == "cidc_overall, caict, idc_corp, cidc_traditional"
    assert cat.set_index("name").loc["published_forecasts", "schema"] == "claims"


def test_every_csv_in_data_is_catalogued() -> None:
    files = set(datasets._catalogue()[name]["file"] for name in datasets._catalogue())
    on_disk = {p.name for p in data_dir().glob("*.csv")} - {"catalogue.csv"}
    assert on_disk == files


@pytest.mark.parametrize("name", SERIES_DATASETS)
def test_series_datasets_have_the_tidy_schema(name: str) -> None:
    frame = load_dataset(name)
    assert tuple(frame.columns[: len(TIDY_COLUMNS)]) == TIDY_COLUMNS
    assert frame["year"].dtype == "int64"
    assert frame["value"].dtype == "float64"
    assert frame["derived"].dtype == bool
    assert not frame[["series_id", "unit", "source", "scope"]].eq("").any().any()
    assert frame["value"].notna().all()
    # one unit and one scope per series, one row per series-year, units in canonical spelling
    grouped = frame.groupby("series_id")
    assert (grouped["unit"].nunique() == 1).all()
    assert (grouped["scope"].nunique() == 1).all()
    assert not frame.duplicated(["series_id", "year"]).any()
    for unit in frame["unit"].unique():
        assert canonical_unit(unit) == unit
    # one observation date (month-day) per series: mid-year never hides in a year-end series
    month_day = frame["as_of"].str[4:]
    assert (month_day.groupby(frame["series_id"]).nunique() == 1).all()
    assert (frame["as_of"].str[:4].astype(int) == frame["year"]).all()
    # derived rows say how, and only derived rows carry the 'derived' grade
    assert (frame["derived"] == frame["confidence"].eq("derived")).all()
    assert frame.loc[frame["derived"], "note"].str.contains("=").all()


def test_load_dataset_returns_a_fresh_copy() -> None:
    first = load_dataset("china_idc_market")
    first.loc[0, "value"] = -1.0
    assert load_dataset("china_idc_market").loc[0, "value"] == 210.5


# -- facts pinned to /work/shared/reference/idc_sources.md ---------------------------------


def test_cidc_overall_reported_and_derived_rows() -> None:
    overall = _series("china_idc_market", "china_idc_cidc_overall")
    assert overall.index.tolist() == [
        2012,
        2014,
        2015,
        2016,
        2017,
        2018,
        2019,
        2020,
        2021,
        2022,
        2023,
    ]
    assert overall.loc[2019, "value"] == 1562.5
    assert overall.loc[2020, "value"] == 2238.7
    assert overall["unit"].unique().tolist() == ["CNY 100m"]
    assert overall.index[overall["derived"]].tolist() == [2014, 2017, 2022]
    # derived = next reported level / (1 + its reported YoY), to 0.1:
    # 518.6 / 1.393 = 372.29; 1228 / 1.298 = 946.07; 5078.3 / 1.256 = 4043.23
    assert overall.loc[2014, "value"] == 372.3
    assert overall.loc[2017, "value"] == 946.1
    assert overall.loc[2022, "value"] == 4043.2
    # the 2016 conflict is recorded: +33.77% reported, levels give 714.5 / 518.6 - 1 = 37.78%
    assert "33.77%" in overall.loc[2016, "note"]
    assert "+37.78%" in overall.loc[2016, "note"]
    assert "1562.5億元" in overall.loc[2019, "quote"]


def test_other_scopes_are_separate_series() -> None:
    caict = _series("china_idc_market", "china_idc_caict")
    assert caict["value"].to_dict() == {2021: 1500.0, 2022: 2200.0, 2023: 2407.0}
    assert caict["qualifier"].tolist() == ["at_least", "at_least", "exact"]
    assert _series("china_idc_market", "china_idc_idc_corp")["value"].to_dict() == {2022: 1293.5}
    traditional = _series("china_idc_market", "china_idc_cidc_traditional")
    assert traditional["confidence"].tolist() == ["low"]


def test_year_end_and_mid_year_racks_do_not_collide() -> None:
    year_end = _series("china_racks_in_use", "china_racks_in_use")
    mid_year = _series("china_racks_in_use", "china_racks_in_use_midyear")
    assert year_end["value"].to_dict() == {2019: 265.8, 2021: 520.0, 2022: 650.0, 2024: 880.0}
    assert mid_year["value"].to_dict() == {2023: 760.0, 2024: 830.0, 2025: 1085.0}
    assert set(mid_year["as_of"].str[5:]) == {"06-30"}
    assert year_end["unit"].iloc[0] == "racks 10k"


def test_iea_regions_add_up_to_the_world_figure() -> None:
    frame = load_dataset("dc_electricity")
    regions = frame[frame["series_id"].str.fullmatch(r"dc_electricity_(?!world_)\w+_iea")]
    # 183 + 102 + 68 + 48 + 15 = 416 against the world's "about 415"
    assert regions["value"].sum() == 416.0
    projected = frame[frame["series_id"].str.fullmatch(r"dc_electricity_(?!world_)\w+_projection")]
    projected = projected[projected["series_id"].str.endswith("_iea_projection")]
    # 426 + 277 + 113 + 101 + 29 = 946 against the world's 2030 "about 945"
    assert projected["value"].sum() == 946.0
    world = _series("dc_electricity", "dc_electricity_world_iea_projection")
    assert world["value"].to_dict() == {2030: 945.0, 2035: 1200.0}


def test_projections_and_ranges_are_flagged_by_series_id() -> None:
    frame = load_dataset("dc_electricity")
    low = _series("dc_electricity", "dc_electricity_us_lbnl_projection_low")
    high = _series("dc_electricity", "dc_electricity_us_lbnl_projection_high")
    assert (low.loc[2028, "value"], high.loc[2028, "value"]) == (325.0, 580.0)
    history = frame[~frame["series_id"].str.contains("projection")]
    assert history["year"].max() == 2024


def test_company_revenue_vintages_and_normalization() -> None:
    first = _series("company_revenue", "gds_net_revenue_first_reported")
    restated = _series("company_revenue", "gds_net_revenue_restated")
    assert (first.loc[2022, "value"], restated.loc[2022, "value"]) == (9325.6, 9268.1)
    vnet = _series("company_revenue", "vnet_net_revenue")
    assert vnet.loc[2020, "value"] == 4829.019  # RMB 4,829,019 thousand
    assert vnet["unit"].unique().tolist() == ["CNY mn"]
    assert 2021 not in _series("company_revenue", "equinix_revenue").index


def test_investment_pledges_keep_horizon_and_alternates() -> None:
    frame = load_dataset("investment_pledges").set_index("series_id")
    assert frame.loc["tencent_new_infrastructure_pledge", "value"] == 500.0
    assert frame.loc["tencent_new_infrastructure_pledge", "horizon_end"] == 2024
    assert frame.loc["tencent_new_infrastructure_pledge_usd_global_times", "quote"] == (
        "500 billion yuan ($71.2 billion)"
    )
    assert frame.loc["alibaba_cloud_infrastructure_pledge", "horizon_end"] == 2022
    assert frame["horizon_start"].dtype == "int64"


def test_claims_schema_and_the_seed_article() -> None:
    claims = load_dataset("published_forecasts")
    assert list(claims.columns) == list(CLAIM_COLUMNS)
    assert claims["start_year"].dtype == "Int64"
    assert claims["claim_id"].is_unique
    seed = claims[claims["claim_set"] == "global_times_2020_07_07"]
    assert seed[["kind", "start_year", "year", "value", "unit"]].astype(object).values.tolist() == [
        ["cagr", 2020, 2022, 27.8, "%"],
        ["level", pd.NA, 2022, 3200.0, "CNY 100m"],
    ]
    # every subject has history to check against
    for subject in claims["subject"].unique():
        assert len(load_series(subject)) >= 1
    level = claims[claims["kind"] == "level"]
    units = {s: load_series(s)["unit"].iloc[0] for s in level["subject"]}
    assert (level["unit"] == level["subject"].map(units)).all()


def test_load_series_finds_a_series_in_any_dataset() -> None:
    assert load_series("hyperscale_dc_count")["value"].tolist() == [597.0, 992.0, 1136.0]
    assert load_series("fx_cny_per_usd").set_index("year").loc[2019, "value"] == 6.9081


# -- errors ------------------------------------------------------------------------------


def test_unknown_dataset_lists_names_and_suggests() -> None:
    valid = ", ".join(sorted([*SERIES_DATASETS, "fx_rates", "published_forecasts"]))
    msg = (
        "dataset 'china_idc' is not bundled; did you mean 'china_idc_market'? expected one "
        f"of: {valid} (see idcforecast.list_datasets())"
    )
    with pytest.raises(UnknownDatasetError, match=re.escape(msg)) as info:
        load_dataset("china_idc")
    assert isinstance(info.value, KeyError)
    assert info.value.name == "china_idc"


def test_an_empty_dataset_name_suggests_none() -> None:
    # readers40: load_dataset("") asked "did you mean 'fx_rates'?" (every name starts with "")
    valid = ", ".join(sorted([*SERIES_DATASETS, "fx_rates", "published_forecasts"]))
    msg = f"dataset '' is not bundled; expected one of: {valid} (see idcforecast.list_datasets())"
    with pytest.raises(UnknownDatasetError, match=f"^{re.escape(msg)}$"):
        load_dataset("")


def test_unknown_series_suggests() -> None:
    msg = (
        "series 'china_idc_cidc' is in no bundled dataset; did you mean "
        "'china_idc_cidc_overall'? list the ids with load_dataset(name)['series_id'].unique()"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        load_series("china_idc_cidc")


HEADER = ",".join(TIDY_COLUMNS)
GOOD = "a,2019,1.5,MW,exact,2019-12-31,src,,high,s,false,"


@pytest.fixture
def fake_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A data directory with one catalogued file, ``broken.csv``, that a test fills."""
    (tmp_path / "catalogue.csv").write_text(
        "name,file,schema,description,source\nbroken,broken.csv,series,d,s\n", encoding="utf-8"
    )
    monkeypatch.setattr("idcforecast._paths.data_dir", lambda: tmp_path)
    datasets._catalogue.cache_clear()
    datasets._load.cache_clear()

    def write(*lines: str) -> None:
        (tmp_path / "broken.csv").write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")

    yield write
    datasets._catalogue.cache_clear()
    datasets._load.cache_clear()


@pytest.mark.parametrize(
    ("lines", "error", "message"),
    [
        (
            [GOOD.replace("2019,1.5", "2019,")],
            NonNumericValueError,
            "broken.csv line 2, column 'value': '' is not a number; expected a plain decimal "
            "number such as 1562.5",
        ),
        (
            [GOOD.replace("1.5", "nan")],
            NonNumericValueError,
            "broken.csv line 2, column 'value': 'nan' is not a number",
        ),
        (
            [GOOD, GOOD.replace("a,2019", "a,20x0")],
            NonNumericValueError,
            "broken.csv line 3, column 'year': '20x0' is not a whole number; expected an "
            "integer year such as 2019",
        ),
        (
            [GOOD, GOOD.replace(",MW,", ",GW,").replace("2019", "2020")],
            MixedUnitsError,
            "series 'a' has two units: 'MW' (broken.csv line 2) and 'GW' (broken.csv line 3); "
            "expected one unit per series",
        ),
        (  # data/README.md promises one scope per series; was not checked
            [GOOD, GOOD.replace(",high,s,", ",high,other,").replace("2019", "2020")],
            DataError,
            "series 'a' has two scopes: 's' (broken.csv line 2) and 'other' (broken.csv "
            "line 3); expected one scope per series",
        ),
        (
            [GOOD, GOOD],
            DuplicateYearError,
            "series 'a' has two values for year 2019 (broken.csv line 2 and broken.csv line 3)",
        ),
        (
            [GOOD.replace("exact", "roughly")],
            DataError,
            "broken.csv line 2, column 'qualifier': 'roughly' is not allowed; expected one of "
            "exact, at_least, at_most, approximately",
        ),
        (
            [GOOD.replace("2019-12-31", "2018-12-31")],
            DataError,
            "broken.csv line 2, column 'as_of': '2018-12-31' is not an ISO date in year 2019",
        ),
        (
            [GOOD.replace(",src,", ",,")],
            DataError,
            "broken.csv line 2, column 'source' is empty",
        ),
        (
            [],
            EmptyDataError,
            "data file broken.csv (dataset 'broken') has no rows",
        ),
    ],
)
def test_malformed_bundled_files_raise_typed_errors(
    fake_data, lines: list[str], error: type[Exception], message: str
) -> None:
    fake_data(*lines)
    with pytest.raises(error, match=re.escape(message)):
        load_dataset("broken")


def test_missing_columns_are_named(fake_data, tmp_path: Path) -> None:
    (tmp_path / "broken.csv").write_text("series_id,year\na,2019\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("data file broken.csv lacks column(s) value,")):
        load_dataset("broken")


# -- the data ship in the wheel ----------------------------------------------------------


@pytest.mark.slow
def test_loaders_work_from_a_non_editable_install(tmp_path: Path) -> None:
    # Build and install the wheel into a bare target directory, then run from elsewhere: the
    # loaders must find idcforecast/_bundled_data, not the checkout's data/.
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, src / name)
    for name in ("idcforecast", "data"):
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(target),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import idcforecast, pathlib; "
        f"print(pathlib.Path(idcforecast.__file__).parent.parent == pathlib.Path(r'{target}')); "
        "print(len(idcforecast.list_datasets())); "
        "print(idcforecast.load_dataset('china_idc_market')['value'].iloc[0])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.split() == ["True", "10", "210.5"]
    # the catalogue's footer names the README a pip install has: it said data/README.md,
    # which is installed as idcforecast/_bundled_data/README.md
    listing = subprocess.run(
        [sys.executable, "-m", "idcforecast", "datasets"],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    named = re.search(r"sources and scopes in (.+README\.md)\. ", listing.stdout)
    assert named is not None, listing.stdout[-300:]
    assert Path(named.group(1)) == target / "idcforecast" / "_bundled_data" / "README.md"
    assert Path(named.group(1)).is_file()


def test_list_datasets_docstring_names_the_series_columns() -> None:
    # it sent readers to docs/internals.md, which an installed package does not have
    import inspect

    doc = " ".join((inspect.getdoc(list_datasets) or "").split())
    named = re.search(r"``series``: tidy history, one row per series and year, ``([^`]+)``", doc)
    assert named is not None
    for name in ("china_idc_market", "fx_rates"):
        assert named.group(1).split(", ") == list(load_dataset(name).columns)
    pledges = list(load_dataset("investment_pledges").columns)
    assert pledges == [*named.group(1).split(", "), "horizon_start", "horizon_end"]
    assert "docs/internals.md" not in doc


@pytest.mark.parametrize("name", [["china_idc_market"], None, 3])
def test_a_name_that_is_not_text_is_a_typed_error(name: object) -> None:
    # a list of names was "TypeError: unhashable type: 'list'"; None read "dataset None is
    # not bundled", as if None were a misspelt name
    with pytest.raises(UnknownDatasetError, match="dataset name must be text, one name per call"):
        load_dataset(name)  # type: ignore[arg-type]
