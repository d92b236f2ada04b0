"""Hierarchical reconciliation: closed forms by hand, coherence, and bad hierarchies."""

from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import (
    DataError,
    ModelError,
    ReconcileWarning,
    SpecError,
    UnknownMethodError,
    UnknownSeriesError,
)
from idcforecast.scenarios.reconcile import reconcile, shrinkage_covariance

TREE = {"T": ["A", "B"]}
BASE = pd.DataFrame({"series_id": ["T", "A", "B"], "year": 2030, "mean": [100.0, 60.0, 30.0],
                     "unit": "CNY 100m"})  # fmt: skip
# one-step residuals of T, A, B over four years
RESID = np.array([[2.0, 1, 2], [-2, -1, -2], [2, -1, 0], [-2, 1, 0]])
RESIDUALS = pd.DataFrame(
    {
        "series_id": np.repeat(["T", "A", "B"], 4),
        "year": np.tile([2020, 2021, 2022, 2023], 3),
        "residual": RESID.T.reshape(-1),
    }
)


def _values(out: pd.DataFrame) -> list[float]:
    return out.set_index("series_id").loc[["T", "A", "B"], "mean"].tolist()


def test_shrinkage_estimate_by_hand() -> None:
    # C = X'X/4: diag (16/4, 4/4, 8/4) = (4, 1, 2); T.A = 0, T.B = 8/4 = 2, A.B = 4/4 = 1.
    # Correlations: T-A 0, T-B 2/sqrt(8) = 0.7071, A-B 1/sqrt(2) = 0.7071;
    #   sum over i != j of r^2 = 2 * (0 + 0.5 + 0.5) = 2.
    # Z = X / sd: T (1,-1,1,-1), A (1,-1,-1,1), B (1.414,-1.414,0,0).
    #   (Z^2)'(Z^2): TA 4, TB 4, AB 4.   Z'Z: TA 0, TB 2.828, AB 2.828 (squared: 0, 8, 8).
    #   v = (Z2'Z2 - (Z'Z)^2 / 4) / (4 * 3): TA 4/12 = 1/3, TB 2/12 = 1/6, AB 1/6.
    #   sum over i != j: 2 * (1/3 + 1/6 + 1/6) = 4/3.   lambda = (4/3) / 2 = 2/3.
    # W = 2/3 diag(C) + 1/3 C = [[4, 0, 2/3], [0, 1, 1/3], [2/3, 1/3, 2]].
    w, lam = shrinkage_covariance(RESID)
    assert lam == pytest.approx(2 / 3, abs=1e-12)
    expected = np.array([[4, 0, 2 / 3], [0, 1, 1 / 3], [2 / 3, 1 / 3, 2]])
    np.testing.assert_allclose(w, expected, atol=1e-12)


def test_mint_shrink_equals_closed_form_by_hand() -> None:
    # G = (S'W^-1 S)^-1 S'W^-1 with S = [[1,1],[1,0],[0,1]] and W from the test above.
    # 3W = [[12,0,2],[0,3,1],[2,1,6]], det 192, so W^-1 = [[17,2,-6],[2,68,-12],[-6,-12,36]] / 64.
    # S'W^-1 = [[19,70,-18],[11,-10,30]] / 64;  S'W^-1 S = [[89,1],[1,41]] / 64 (det 3648/64^2).
    # G = [[41,-1],[-1,89]] / 3648 @ [[19,70,-18],[11,-10,30]]
    #   = [[768, 2880, -768], [960, -960, 2688]] / 3648 = [[4,15,-4],[5,-5,14]] / 19.
    # With y_hat = (T 100, A 60, B 30): A = (400 + 900 - 120)/19 = 1180/19,
    #   B = (500 - 300 + 420)/19 = 620/19, T = A + B = 1800/19.
    out = reconcile(BASE, TREE, method="mint_shrink", residuals=RESIDUALS)
    np.testing.assert_allclose(_values(out), [1800 / 19, 1180 / 19, 620 / 19], rtol=1e-12)
    assert out["base"].tolist() == [100.0, 60.0, 30.0]
    assert set(out["unit"]) == {"CNY 100m"} and set(out["method"]) == {"mint_shrink"}


def test_ols_wls_bottom_up_top_down_by_hand() -> None:
    # OLS: G = [[1,2,-1],[1,-1,2]]/3: A = (100+120-30)/3 = 190/3, B = (100-60+60)/3 = 100/3
    ols = reconcile(BASE, TREE, method="ols")
    np.testing.assert_allclose(_values(ols), [290 / 3, 190 / 3, 100 / 3], rtol=1e-12)
    # WLS structural: W = diag(2,1,1); S'W^-1 S = [[1.5,.5],[.5,1.5]] (det 2);
    #   G = [[1.5,-.5],[-.5,1.5]]/2 @ [[.5,1,0],[.5,0,1]] = [[.25,.75,-.25],[.25,-.25,.75]]
    #   A = 25 + 45 - 7.5 = 62.5, B = 25 - 15 + 22.5 = 32.5
    wls = reconcile(BASE, TREE, method="wls_struct")
    np.testing.assert_allclose(_values(wls), [95.0, 62.5, 32.5], rtol=1e-12)
    assert _values(reconcile(BASE, TREE, method="bottom_up")) == [90.0, 60.0, 30.0]
    # top-down: shares of A are 60/100 and 100/200 -> 0.55; B 40/100, 100/200 -> 0.45
    history = pd.DataFrame({"series_id": ["T", "T", "A", "A", "B", "B"],
                            "year": [2021, 2022] * 3,
                            "value": [100.0, 200, 60, 100, 40, 100]})  # fmt: skip
    td = reconcile(BASE, TREE, method="top_down", history=history)
    np.testing.assert_allclose(_values(td), [100.0, 55.0, 45.0], rtol=1e-12)


def test_deep_hierarchy_is_coherent_for_every_method() -> None:
    tree = {"china": ["east", "west"], "east": ["sh", "bj", "gz"], "west": ["cq", "gy"]}
    nodes = ["china", "east", "west", "sh", "bj", "gz", "cq", "gy"]
    rng = np.random.default_rng(0)
    years = [2026, 2027, 2028]
    fc = pd.DataFrame(
        {
            "series_id": np.repeat(nodes, 3),
            "year": years * 8,
            "mean": rng.uniform(50, 5000, 24),
        }
    )
    res = pd.DataFrame(
        {
            "series_id": np.repeat(nodes, 6),
            "year": list(range(2018, 2024)) * 8,
            "residual": rng.normal(0, 10, 48),
        }
    )
    hist = fc.rename(columns={"mean": "value"})
    for method in ("bottom_up", "top_down", "ols", "wls_struct", "mint_shrink"):
        with warnings.catch_warnings():  # random bases: some regression levels go negative
            warnings.simplefilter("ignore", ReconcileWarning)
            out = reconcile(fc, tree, method=method, residuals=res, history=hist)
        wide = out.pivot(index="year", columns="series_id", values="mean")
        for parent, kids in tree.items():
            total = wide[kids].sum(axis=1)
            np.testing.assert_allclose(wide[parent], total, rtol=1e-9, err_msg=method)


def test_children_missing_from_data() -> None:
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "reconcile: series 'C' (child of 'T' in the hierarchy) is missing from the "
            "forecasts; found A, B, T; add its rows or remove it from the hierarchy"
        ),
    ):
        reconcile(BASE, {"T": ["A", "B", "C"]}, method="ols")


def test_a_node_differing_from_the_data_only_in_case_is_named() -> None:
    # {"china": [...]} against data whose total is "China": the message listed the ids
    # found but not which one was meant
    data = BASE.assign(series_id=BASE["series_id"].replace({"T": "China"}))
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "reconcile: series 'china' (root in the hierarchy) is missing from the forecasts; "
            "found A, B, China; did you mean 'China'?; add its rows or remove it from the "
            "hierarchy"
        ),
    ):
        reconcile(data, {"china": ["A", "B"]}, method="ols")


def test_bad_hierarchies_and_methods() -> None:
    with pytest.raises(
        SpecError,
        match=re.escape(
            "reconcile: series 'A' is a child of two parents; each series belongs to one parent"
        ),
    ):
        reconcile(BASE, {"T": ["A", "B"], "B": ["A"]}, method="ols")
    with pytest.raises(
        UnknownMethodError,
        match=re.escape("reconcile: unknown method 'mint_shrnk'; did you mean 'mint_shrink'?"),
    ):
        reconcile(BASE, TREE, method="mint_shrnk")
    with pytest.raises(
        SpecError,
        match=re.escape(
            "reconcile: method 'mint_shrink' needs residuals (series_id, year, residual: "
            "one-step in-sample errors of every node); pass residuals= or use 'ols'"
        ),
    ):
        reconcile(BASE, TREE)


def test_residuals_from_a_backtest_frame() -> None:
    # one-step rows (year = cutoff + 1) give actual - mean = the RESID matrix above; the
    # two-step rows must be ignored, so the result equals the hand-computed MinT.
    rows = []
    for k, sid in enumerate(["T", "A", "B"]):
        for i, year in enumerate([2020, 2021, 2022, 2023]):
            rows.append({"series_id": sid, "model": "auto", "cutoff": year - 1, "year": year,
                         "mean": 10.0, "actual": 10.0 + RESID[i, k]})  # fmt: skip
            rows.append({"series_id": sid, "model": "auto", "cutoff": year - 2, "year": year,
                         "mean": 0.0, "actual": 99.0})  # fmt: skip
    backtest = pd.DataFrame(rows)
    out = reconcile(BASE, TREE, method="mint_shrink", residuals=backtest)
    np.testing.assert_allclose(_values(out), [1800 / 19, 1180 / 19, 620 / 19], rtol=1e-12)


def test_several_models_or_repeated_years_are_not_silently_reduced() -> None:
    # Was: pivot_table(aggfunc="first") kept the first model's row without a word, so a
    # forecast() frame with method=["auto", "drift"] reconciled only 'auto'.
    from idcforecast.errors import DuplicateYearError

    two = pd.concat([BASE.assign(model="auto"), BASE.assign(model="drift", mean=[1.0, 2, 3])])
    with pytest.raises(DuplicateYearError) as caught:
        reconcile(two, TREE, method="ols")
    assert str(caught.value) == (
        "reconcile: forecasts series 'T' year 2030 has 2 rows (models auto, drift); expected "
        "one; keep one model, e.g. forecasts[forecasts['model'] == 'auto']"
    )
    one = reconcile(two[two["model"] == "auto"], TREE, method="ols")
    assert one["mean"].round(3).tolist() == [96.667, 63.333, 33.333]  # the docstring's numbers
    with pytest.raises(
        DuplicateYearError,
        match=re.escape(
            "reconcile: forecasts series 'A' year 2030 has 2 rows; expected one; keep one row "
            "per series and year"
        ),
    ):
        reconcile(pd.concat([BASE, BASE.iloc[[1]]]), TREE, method="ols")
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape("is missing from the forecasts; found no rows; add its rows"),
    ):
        reconcile(BASE.iloc[:0], TREE, method="ols")


def test_nodes_in_different_units_are_an_error() -> None:
    # Was: 'A' in CNY bn was summed with T and B in CNY 100m as if the numbers matched.
    from idcforecast.errors import MixedUnitsError

    mixed = BASE.assign(unit=["CNY 100m", "CNY bn", "CNY 100m"])
    with pytest.raises(MixedUnitsError) as caught:
        reconcile(mixed, TREE, method="ols")
    assert str(caught.value) == (
        "reconcile: forecasts series 'A' is in 'CNY bn' while others are in 'CNY 100m'; a "
        "hierarchy sums its children, so every node needs one unit; convert them first "
        "(idcforecast.convert)"
    )


def test_series_outside_the_hierarchy_are_named_when_left_out() -> None:
    # Was: a forecast frame with a fourth series lost it without a word
    extra = pd.concat([BASE, BASE.iloc[[0]].assign(series_id="other")])
    with pytest.warns(ReconcileWarning) as caught:
        out = reconcile(extra, TREE, method="bottom_up")
    assert str(caught[0].message) == (
        "reconcile: 1 series of the forecasts ('other') is in no node of the hierarchy and "
        "left out of the result; add it to the hierarchy or filter the forecasts"
    )
    assert out["series_id"].tolist() == ["T", "A", "B"]


def test_a_negative_level_from_positive_bases_is_named() -> None:
    # The docstring's case: total 10, a 60, b 1. OLS with S = [[1, 1], [1, 0], [0, 1]]:
    # b_hat = (S'S)^-1 S' y, S'S = [[2, 1], [1, 2]], S'y = [70, 11] -> a = (2*70 - 11) / 3
    # = 43, b = (2*11 - 70) / 3 = -16
    fc = pd.DataFrame({"series_id": ["T", "A", "B"], "year": 2030, "mean": [10.0, 60.0, 1.0]})
    with pytest.warns(ReconcileWarning) as caught:
        out = reconcile(fc, TREE, method="ols")
    assert out["mean"].round(6).tolist() == [27.0, 43.0, -16.0]
    assert str(caught[-1].message) == (
        "reconcile: method 'ols' gives 1 negative level(s) from positive base forecasts, first "
        "'B' in 2030 (-16 from 1): the parents and children disagree too much to share the "
        "difference; use method='bottom_up' or 'top_down' (they keep positive levels positive) "
        "or check the base forecasts"
    )
    # bottom_up keeps the levels positive; its children's 61 against a parent of 10 (610%)
    # is no sum either, which is now said (this test pinned silence before scen26)
    with pytest.warns(
        ReconcileWarning,
        match=re.escape("add up to 61 in 2030 against its 10 (610.0%: overlapping"),
    ):
        assert reconcile(fc, TREE, method="bottom_up")["mean"].tolist() == [61.0, 60.0, 1.0]


# --- uat14 ---


@pytest.mark.parametrize(("node", "value"), [("a", -60.0), ("total", 0.0)])
def test_top_down_refuses_history_that_is_no_positive_level(node: str, value: float) -> None:
    # was: a = -60 in 2020 made a's share mean(-60/90, 70/100) = 0.0167 and b's 0.3167,
    # normalised to 5% and 95%: a = 5 of 100 where its history says about 70%
    forecasts = pd.DataFrame(
        {"series_id": ["total", "a", "b"], "year": 2030, "mean": [100.0, 60.0, 30.0]}
    )
    history = pd.DataFrame(
        {
            "series_id": ["total", "a", "b"] * 2,
            "year": [2020] * 3 + [2021] * 3,
            "value": [90.0, 60.0, 30.0, 100.0, 70.0, 30.0],
        }
    )
    history.loc[(history["series_id"] == node) & (history["year"] == 2020), "value"] = value
    with pytest.raises(
        DataError,
        match=re.escape(f"top_down history of series {node!r} in 2020 is {value:g}"),
    ):
        reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    # the same history, positive: shares a mean(60/90, 70/100) = 0.68333, b 0.31667
    history.loc[(history["series_id"] == node) & (history["year"] == 2020), "value"] = {
        "a": 60.0,
        "total": 90.0,
    }[node]
    out = reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    assert out["mean"].round(3).tolist() == [100.0, 68.333, 31.667]


def test_top_down_names_the_history_years_it_leaves_out() -> None:
    # polish17: 2020 has no 'b', so the proportions use 2019 and 2021 only, in silence
    history = pd.DataFrame(
        {
            "series_id": ["total"] * 3 + ["a"] * 3 + ["b"] * 2,
            "year": [2019, 2020, 2021, 2019, 2020, 2021, 2019, 2021],
            "value": [100.0, 120.0, 150.0, 60.0, 70.0, 90.0, 40.0, 60.0],
        }
    )
    forecasts = pd.DataFrame(
        {"series_id": ["total", "a", "b"], "year": 2025, "mean": [200.0, 110.0, 80.0]}
    )
    with pytest.warns(ReconcileWarning) as record:
        out = reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    assert [str(w.message) for w in record] == [
        "reconcile: top_down's historical proportions leave out 1 year of history where the "
        "root or a bottom series has no value: 2020 (no 'b'); they average 2019, 2021 only; "
        "add the missing rows (or drop those years from history: the same result, without "
        "this note)"
    ]
    assert record[0].filename == __file__  # points at the caller
    # a: mean(60/100, 90/150) = 0.6, b: mean(40/100, 60/150) = 0.4; 200 x 0.6 = 120
    assert out["mean"].tolist() == [200.0, 120.0, 80.0]
    # the years dropped by hand: the same numbers, no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        same = reconcile(
            forecasts,
            {"total": ["a", "b"]},
            method="top_down",
            history=history[history["year"] != 2020],
        )
    assert same["mean"].tolist() == [200.0, 120.0, 80.0]


def test_an_abbreviated_method_name_is_suggested_in_full() -> None:
    # was: method="wls" suggested 'ols' (difflib's closest spelling), not 'wls_struct'
    import pandas as pd

    from idcforecast.errors import UnknownMethodError

    fc = pd.DataFrame({"series_id": ["t", "a", "b"], "year": 2024, "mean": [10.0, 6.0, 4.0]})
    with pytest.raises(UnknownMethodError, match=re.escape("did you mean 'wls_struct'?")):
        reconcile(fc, {"t": ["a", "b"]}, method="wls")
    with pytest.raises(UnknownMethodError, match="did you mean 'mint_shrink' or 'mint_sample'"):
        reconcile(fc, {"t": ["a", "b"]}, method="MinT")


def test_mint_names_residual_years_left_out() -> None:
    # was: a year where a node had no residual was dropped from the covariance in silence.
    # A 2024 row for T alone (A and B have none): left out, named, and the result is the
    # one of the four complete years (1800/19, 1180/19, 620/19, as computed above)
    extra = pd.DataFrame({"series_id": ["T"], "year": [2024], "residual": [5.0]})
    residuals = pd.concat([RESIDUALS, extra], ignore_index=True)
    message = (
        "reconcile: method 'mint_shrink' leaves out 1 year of residuals where a node has "
        "none: 2024 (no 'A', 'B'); its error covariance uses 2020, 2021, 2022, 2023 only"
    )
    with pytest.warns(ReconcileWarning, match=re.escape(message)):
        out = reconcile(BASE, TREE, method="mint_shrink", residuals=residuals)
    np.testing.assert_allclose(_values(out), [1800 / 19, 1180 / 19, 620 / 19], rtol=1e-12)


def test_children_given_as_a_string_are_refused() -> None:
    # Was: {"T": "A"} iterated the string, and the error spoke of a missing series 'A'
    # only by luck; {"china": "east"} asked for series 'e', 'a', 's' and 't'.
    with pytest.raises(
        SpecError,
        match=re.escape(
            "reconcile: the children of 'T' must be a list of series ids, e.g. {'T': ['AB']}; "
            "found str 'AB'"
        ),
    ):
        reconcile(BASE, {"T": "AB"}, method="bottom_up")  # type: ignore[dict-item]


def test_one_unit_in_two_spellings_is_one_unit() -> None:
    # Was: MixedUnitsError "series 'A' is in '亿元' while others are in 'CNY 100m'"; the
    # package reads the two as one unit everywhere else (simulate, check_claims).
    from idcforecast.errors import MixedUnitsError

    spelled = BASE.assign(unit=["CNY 100m", "亿元", "CNY 100m"])
    out = reconcile(spelled, TREE, method="bottom_up")
    assert out["mean"].tolist() == [90.0, 60.0, 30.0]
    with pytest.raises(MixedUnitsError, match=re.escape("series 'A' is in 'CNY bn'")):
        reconcile(BASE.assign(unit=["CNY 100m", "CNY bn", "CNY 100m"]), TREE, method="bottom_up")


def test_top_down_history_whose_children_exceed_the_root_is_noted() -> None:
    # Was: a history with 'a' = 80 beside a total of 100 (and b = 60: 140%) was rescaled
    # to shares 0.58 / 0.42 in silence; a history that is no sum is another scope or unit.
    history = pd.DataFrame(
        {
            "series_id": ["total", "a", "b"] * 2,
            "year": [2020] * 3 + [2021] * 3,
            "value": [100.0, 80.0, 60.0, 110.0, 60.0, 50.0],
        }
    )
    forecasts = pd.DataFrame(
        {"series_id": ["total", "a", "b"], "year": 2025, "mean": [200.0, 110.0, 80.0]}
    )
    with pytest.warns(ReconcileWarning) as record:
        reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    assert [str(w.message) for w in record] == [
        "reconcile: top_down's history is no sum: the bottom series add up to 140.0% of "
        "'total' in 2020 (more than the total: overlapping children, or another scope or "
        "unit?); 1 of 2 years are more than 5% off; the proportions were rescaled to sum to "
        "1; check the history's scopes and units"
    ]
    history.loc[1, "value"] = 120.0  # a child alone larger than its total
    with pytest.warns(ReconcileWarning, match=re.escape("'a' alone is larger than 'total'")):
        reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    history.loc[[1, 2], "value"] = [50.0, 30.0]  # 80%: a region left out
    with pytest.warns(ReconcileWarning, match=re.escape("80.0% of 'total' in 2020 (less")):
        reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)
    # rounding (2%) is no finding
    history.loc[[1, 2], "value"] = [61.0, 41.0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reconcile(forecasts, {"total": ["a", "b"]}, method="top_down", history=history)


def _residual_frame(columns: dict[str, list[float]]) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    return pd.DataFrame(
        {
            "series_id": np.repeat(list(columns), n),
            "year": np.tile(np.arange(2020, 2020 + n), len(columns)),
            "residual": np.concatenate([np.asarray(v, dtype=float) for v in columns.values()]),
        }
    )


def test_mint_sample_equals_closed_form_by_hand() -> None:
    # scen25: mint_sample had no numeric test. Residuals (T, A, B) over four years:
    # (3,1,1), (-1,-1,1), (2,2,-1), (-2,0,-1); W = X'X / 4 = [[18,8,2],[8,6,-2],[2,-2,4]] / 4,
    # det W = 1/4, W^-1 = [[5,-9,-7],[-9,17,13],[-7,13,11]] (adjugate / det).
    # S'W^-1 = [[-4,8,6],[-2,4,4]];  S'W^-1 S = [[4,2],[2,2]], inverse [[1,-1],[-1,2]] / 2.
    # G = [[1,-1],[-1,2]] / 2 @ [[-4,8,6],[-2,4,4]] = [[-1,2,1],[0,0,1]].
    # y_hat (T 100, A 60, B 30): A = -100 + 120 + 30 = 50, B = 30, T = 80.
    residuals = _residual_frame({"T": [3, -1, 2, -2], "A": [1, -1, 2, 0], "B": [1, 1, -1, -1]})
    out = reconcile(BASE, TREE, method="mint_sample", residuals=residuals)
    np.testing.assert_allclose(_values(out), [80.0, 50.0, 30.0], rtol=1e-12)


def test_mint_sample_refuses_residuals_that_add_up() -> None:
    # scen25: a total's one-step errors that are its children's sum (naive or drift models on
    # a coherent history) make W singular up to rounding; solve() raised nothing and the
    # "coherent" levels were arbitrary (T 95.65 here; -768 from a total of 602 on real data)
    a, b = [0.1, -0.1, 0.6, 0.1, -0.5], [0.4, 1.3, 0.9, -0.7, -1.3]
    residuals = _residual_frame({"T": list(np.add(a, b)), "A": a, "B": b})
    with pytest.raises(
        ModelError,
        match=re.escape(
            "reconcile: the error covariance W is singular or nearly so (condition number "
        )
        + r"[0-9.e+]+"
        + re.escape(
            " of its correlations): more series than residual years, or collinear residuals, "
            "such as a total's one-step errors that are the sum of its children's; inverting "
            "it gives meaningless levels; use method='mint_shrink' or 'ols'"
        ),
    ):
        reconcile(BASE, TREE, method="mint_sample", residuals=residuals)
    # mint_shrink pulls W towards its diagonal and stays usable on the same residuals
    shrunk = reconcile(BASE, TREE, method="mint_shrink", residuals=residuals)
    values = _values(shrunk)
    assert values[0] == pytest.approx(values[1] + values[2], rel=1e-12)


# --- scen26 ---


def test_base_forecasts_far_from_a_sum_are_named() -> None:
    # scen26: children summing to 60% of their parent (a region left out) were reconciled
    # without a word: bottom_up replaced the parent's 100 by 60. Two years, a deeper tree:
    # 2030: china 100, east + west = 35 + 25 = 60 (60.0%, 40% off);
    #       east 35, sh + bj = 20 + 14 = 34 (97.1%, fine)
    # 2031: china 110, east + west = 40 + 30 = 70 (63.6%); east 40, sh + bj = 39 (97.5%)
    # parent-years: 2 parents x 2 years = 4, of which 2 are more than 25% off
    tree = {"china": ["east", "west"], "east": ["sh", "bj"]}
    values = {"china": [100.0, 110.0], "east": [35.0, 40.0], "west": [25.0, 30.0],
              "sh": [20.0, 22.0], "bj": [14.0, 17.0]}  # fmt: skip
    fc = pd.DataFrame(
        [(s, 2030 + i, v) for s, vs in values.items() for i, v in enumerate(vs)],
        columns=["series_id", "year", "mean"],
    )
    message = (
        "reconcile: the base forecasts are no sum: the children of 'china' ('east', 'west') "
        "add up to 60 in 2030 against its 100 (60.0%: a child missing from the hierarchy?); "
        "2 of 4 parent-years are more than 25% off; method 'bottom_up' replaces 'china' by "
        "its children's sum; check that the series share one scope and unit and that the "
        "hierarchy lists every child"
    )
    with pytest.warns(ReconcileWarning) as caught:
        out = reconcile(fc, tree, method="bottom_up")
    assert [str(w.message) for w in caught] == [message]
    # bottom_up: china = sh + bj + west = 20 + 14 + 25 = 59 in 2030
    assert out.set_index(["series_id", "year"]).loc[("china", 2030), "mean"] == 59.0
    with pytest.warns(ReconcileWarning, match=re.escape("method 'ols' shares the gap out")):
        reconcile(fc, tree, method="ols")
    # too much: west 80 makes east + west = 35 + 80 = 115 of 100 (115%: within 25%) in
    # 2030, and 40 + 110 = 150 of 110 (136.4%) in 2031
    fc.loc[(fc["series_id"] == "west"), "mean"] = [80.0, 110.0]
    with pytest.warns(ReconcileWarning) as caught:
        reconcile(fc, tree, method="wls_struct")
    assert [str(w.message) for w in caught] == [
        "reconcile: the base forecasts are no sum: the children of 'china' ('east', 'west') "
        "add up to 150 in 2031 against its 110 (136.4%: overlapping children, or another "
        "scope or unit?); 1 of 4 parent-years are more than 25% off; method 'wls_struct' "
        "shares the gap out over parent and children; check that the series share one "
        "scope and unit and that the hierarchy lists every child"
    ]


@pytest.mark.parametrize("method", ["bottom_up", "ols", "wls_struct"])
def test_ordinary_disagreement_of_base_forecasts_is_no_finding(method: str) -> None:
    # children at 80% and 124% of the parent (within 25%): what separate forecasts do
    fc = pd.DataFrame(
        {"series_id": ["T", "A", "B"] * 2, "year": [2030] * 3 + [2031] * 3,
         "mean": [100.0, 50.0, 30.0, 100.0, 70.0, 54.0]}
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        reconcile(fc, TREE, method=method)


@pytest.mark.parametrize("column", ["lo_80", "hi_95", "lo_97_5"])
def test_interval_bounds_are_refused(column: str) -> None:
    # scen26: column="lo_80" was reconciled as if bounds added up: T 80, A 48, B 28 by OLS
    # gave a "coherent" total bound of 78.7, though the 80% bound of a sum is not the sum of
    # its children's bounds
    fc = BASE.assign(**{column: BASE["mean"] * 0.8})
    level = column.split("_", 1)[1].replace("_", ".")
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"reconcile: column {column!r} is an interval bound, and bounds do not add up: the "
            f"{level}% bound of a total is not the sum of its children's {level}% bounds; "
            "reconcile column='mean' (the default); coherent intervals need the joint "
            "distribution of the children, which base intervals do not carry"
        ),
    ):
        reconcile(fc, TREE, method="ols", column=column)


def test_integer_series_ids_come_back_as_given() -> None:
    # scen26: ids 1, 2, 3 came back as '1', '2', '3', so merging the result with the
    # forecasts on series_id matched nothing. OLS on T 100, A 60, B 30 (the docstring's
    # case): 96.667, 63.333, 33.333.
    fc = BASE.assign(series_id=[1, 2, 3])
    out = reconcile(fc, {1: [2, 3]}, method="ols")
    assert out["series_id"].tolist() == [1, 2, 3]
    merged = out.merge(fc[["series_id", "unit"]], on=["series_id", "unit"])
    assert merged["mean"].round(3).tolist() == [96.667, 63.333, 33.333]


def test_a_node_whose_forecast_failed_is_named_with_its_note_not_a_key_error() -> None:
    # forecast_many marks a series it cannot forecast "failed", with NaN means; pivot_table
    # drops such a series, and reconcile raised a bare KeyError "['B'] not in index"
    data = pd.DataFrame(
        {
            "series_id": ["T"] * 5 + ["A"] * 5 + ["B"] * 5,
            "year": list(range(2019, 2024)) * 3,
            "value": [30.0, 33, 36, 39, 42, 20, 22, 24, 26, 28, 10, 11, "ten", 13, 14],
        }
    )
    from idcforecast import forecast_many

    fc = forecast_many(data, 2, method="drift", engine="serial", progress=False)
    assert fc.loc[fc.series_id == "B", "status"].eq("failed").all()
    with pytest.raises(DataError) as err:
        reconcile(fc, TREE, method="bottom_up")
    message = str(err.value)
    assert "series 'B' has no 'mean' for year 2024: its forecast failed" in message
    assert "'ten'" in message  # the failure's own note: the value that is not a number
    assert "take it out of the hierarchy" in message
