"""The exception tree: builtin compatibility, structured fields, pickling."""

from __future__ import annotations

import pickle

import pytest

from idcforecast import errors

ALL_ERRORS = [
    getattr(errors, name)
    for name in errors.__all__
    if not issubclass(getattr(errors, name), Warning)  # FootnoteWarning: not raised
]


@pytest.mark.parametrize("cls", ALL_ERRORS, ids=lambda c: c.__name__)
def test_every_error_derives_from_the_base(cls: type) -> None:
    assert issubclass(cls, errors.IdcForecastError)


@pytest.mark.parametrize("cls", ALL_ERRORS, ids=lambda c: c.__name__)
def test_every_error_pickles_with_its_fields(cls: type) -> None:
    err = cls("series 'x' row 7: bad", series_id="x", row=7)
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert str(back) == "series 'x' row 7: bad"
    assert (back.series_id, back.row) == ("x", 7)
    assert back.fields == ("row", "series_id")


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (errors.ParseError, ValueError),
        (errors.UnknownUnitError, KeyError),
        (errors.MissingFxRateError, KeyError),
        (errors.DuplicateYearError, ValueError),
        (errors.UnknownSeriesError, KeyError),
        (errors.NotFittedError, AttributeError),
        (errors.NotFittedError, ValueError),
        (errors.ReportError, OSError),
    ],
)
def test_builtin_compatibility(cls: type, builtin: type) -> None:
    assert issubclass(cls, builtin)


def test_key_errors_print_without_quotes() -> None:
    # KeyError's own __str__ repr-quotes; ours reads like every other message.
    assert str(errors.UnknownUnitError("unit 'bnUSD' is not defined")) == (
        "unit 'bnUSD' is not defined"
    )
