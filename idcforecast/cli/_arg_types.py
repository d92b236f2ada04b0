"""argparse ``type=`` converters shared by the commands: bad values fail before any work."""

from __future__ import annotations

import argparse
from collections.abc import Callable

# the gap policies of forecast(), backtest() and forecast_many() (``gaps=``)
GAP_POLICIES = ("interpolate", "span", "error")


def add_gaps_argument(
    parser: argparse.ArgumentParser,
    help_text: str = "policy for missing years inside a series (default interpolate, noted)",
) -> None:
    """``--gaps``, as every forecasting command takes it."""
    parser.add_argument("--gaps", default="interpolate", choices=GAP_POLICIES, help=help_text)


# forecast()'s, forecast_many()'s and compare_methods()'s default ``level``
DEFAULT_LEVELS = (80.0, 95.0)


def add_level_argument(parser: argparse.ArgumentParser) -> None:
    """``--level``, as the forecasting commands take it (the library's ``level=``: the
    command line printed 80 and 95 percent intervals, and no other level could be asked)."""
    parser.add_argument(
        "--level",
        type=interval_levels,
        default=DEFAULT_LEVELS,
        metavar="LEVELS",
        help="central interval levels in percent, separated by commas (default 80,95): "
        "columns lo_L, hi_L each (--level 90: lo_90, hi_90; 99.5: lo_99_5)",
    )


def interval_levels(text: str) -> tuple[float, ...]:
    """A ``--level``: one percentage or several separated by commas, each strictly between
    0 and 100 and at least 1, repeated ones kept once (as ``level=`` is checked, in the
    option's words: "pass levels like (80, 95)" named no flag).

    Examples
    --------
    >>> interval_levels("90"), interval_levels("80, 95,80"), interval_levels("99.5")
    ((90.0,), (80.0, 95.0), (99.5,))
    >>> interval_levels("0.9")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0.9 reads as a 0.9% interval; levels are percentages: ...
    >>> interval_levels("100")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 100 is not a percentage strictly between 0 and 100 ...
    """
    import math

    out: dict[float, None] = {}
    for word in text.split(","):
        word = word.strip().removesuffix("%")
        try:
            value = float(word)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"{word!r} in {text!r} is not a number; expected percentages separated by "
                "commas, e.g. --level 80,95"
            ) from None
        if not (math.isfinite(value) and 0 < value < 100):
            raise argparse.ArgumentTypeError(
                f"{word} is not a percentage strictly between 0 and 100 (100 would be an "
                "infinite interval); e.g. --level 80,95"
            )
        if value < 1:  # a fraction meant as a percentage, as level= refuses it
            raise argparse.ArgumentTypeError(
                f"{word} reads as a {value:g}% interval; levels are percentages: pass "
                f"--level {100 * value:g}"
            )
        out[value] = None
    return tuple(out)


__all__ = [
    "DEFAULT_LEVELS",
    "GAP_POLICIES",
    "add_gaps_argument",
    "add_level_argument",
    "backtest_steps",
    "check_years_ahead",
    "compounding_steps",
    "interval_levels",
    "method_names",
    "one_method",
    "path_count",
    "random_seed",
    "relative_tolerance",
    "worker_count",
    "years_ahead",
]


def _whole_number(
    text: str, *, minimum: int, not_whole: str, too_small: Callable[[int], str]
) -> int:
    """``text`` as an int of at least ``minimum``, else an ``ArgumentTypeError`` worded by
    the option (``not_whole``; ``too_small(value)``)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(not_whole) from None
    if value < minimum:
        raise argparse.ArgumentTypeError(too_small(value))
    return value


def years_ahead(text: str) -> int:
    """A ``--horizon``: a whole number of years, at least 1.

    Examples
    --------
    >>> years_ahead("5")
    5
    >>> years_ahead("0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0 years: the horizon counts years after the last observed ...
    """
    return _whole_number(
        text,
        minimum=1,
        not_whole=f"{text!r} is not a whole number of years; e.g. --horizon 5",
        too_small=lambda value: (
            f"{value} years: the horizon counts years after the last observed one, so at "
            "least 1; e.g. --horizon 5"
        ),
    )


def backtest_steps(text: str) -> int:
    """A ``--backtest-horizon``: how many years after its cutoff each backtest forecast is
    scored, at least 1 (it was refused in ``--horizon``'s words: "the horizon counts years
    after the last observed one ... e.g. --horizon 5").

    Examples
    --------
    >>> backtest_steps("3")
    3
    >>> backtest_steps("0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0 years: each backtest forecast is scored 1 or more years ...
    """
    return _whole_number(
        text,
        minimum=1,
        not_whole=f"{text!r} is not a whole number of years; e.g. --backtest-horizon 3",
        too_small=lambda value: (
            f"{value} years: each backtest forecast is scored 1 or more years after its "
            "cutoff; e.g. --backtest-horizon 3"
        ),
    )


def method_names(text: str) -> str | list[str]:
    """A ``--method``: one alias, or several separated by commas (one block of rows each).

    Examples
    --------
    >>> method_names("drift"), method_names("auto, drift")
    ('drift', ['auto', 'drift'])
    >>> method_names("auto,,drift")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'auto,,drift' has an empty name between commas; ...
    """
    names = [name.strip() for name in text.split(",")]
    if len(names) == 1:
        return names[0]
    if not all(names):
        raise argparse.ArgumentTypeError(
            f"{text!r} has an empty name between commas; expected one method or several "
            "separated by commas, e.g. --method auto,drift"
        )
    return names


def one_method(why: str) -> Callable[[str], str]:
    """A ``--method`` converter for a command that forecasts with one model (``why`` says
    why, e.g. "the scenario paths come from one model"): a comma list ("auto,drift", as
    forecast takes it) was passed on and refused in Python words, "pass them as a list:
    method=['auto', 'drift']".

    Examples
    --------
    >>> one_method("the report forecasts with one model")("drift")
    'drift'
    >>> one_method("the report forecasts with one model")("drift,naive")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 'drift,naive' names 2 methods; the report forecasts with ...
    """

    def method(text: str) -> str:
        names = [name.strip() for name in text.split(",")]
        if len(names) > 1:
            raise argparse.ArgumentTypeError(
                f"{text!r} names {len(names)} methods; {why}: pass one, e.g. --method "
                f"{names[0] or 'auto'}, and run the command once per method"
            )
        return names[0]

    return method


def random_seed(text: str) -> int:
    """A ``--seed``: a whole number, 0 or more (what NumPy's seeding takes).

    Examples
    --------
    >>> random_seed("7")
    7
    >>> random_seed("-1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: -1: a seed is a whole number 0 or more; e.g. --seed 7
    """
    return _whole_number(
        text,
        minimum=0,
        not_whole=(
            f"{text!r} is not a whole number; a seed is a whole number 0 or more; e.g. --seed 7"
        ),
        too_small=lambda value: f"{value}: a seed is a whole number 0 or more; e.g. --seed 7",
    )


def path_count(text: str) -> int:
    """A ``--paths``: a whole number of simulated paths per scenario, at least 1 (was the
    library's "n_paths must be a positive integer", a keyword the command does not have).

    Examples
    --------
    >>> path_count("10000")
    10000
    >>> path_count("0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0: --paths counts simulated paths per scenario, so at least 1; ...
    """
    return _whole_number(
        text,
        minimum=1,
        not_whole=f"{text!r} is not a whole number of paths; e.g. --paths 10000",
        too_small=lambda value: (
            f"{value}: --paths counts simulated paths per scenario, so at least 1; e.g. "
            "--paths 10000 (the default)"
        ),
    )


def worker_count(text: str) -> int:
    """An ``--n-jobs``: a whole number of worker processes, at least 1 (refused before the
    file is read; was: "n_jobs must be a positive integer or None" after reading it).

    Examples
    --------
    >>> worker_count("2")
    2
    >>> worker_count("0")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 0: --n-jobs counts worker processes, so at least 1; ...
    """
    return _whole_number(
        text,
        minimum=1,
        not_whole=f"{text!r} is not a whole number of worker processes; e.g. --n-jobs 2",
        too_small=lambda value: (
            f"{value}: --n-jobs counts worker processes, so at least 1; e.g. --n-jobs 2 "
            "(leave it out to use every core)"
        ),
    )


def relative_tolerance(text: str) -> float:
    """A ``--tolerance``: a relative gap in [0, 1), as a fraction ("0.02") or a percent
    ("2%", the same 0.02: a percent sign leaves no doubt).

    Examples
    --------
    >>> relative_tolerance("0.02"), relative_tolerance("2%"), relative_tolerance("2.5 %")
    (0.02, 0.02, 0.025)
    >>> relative_tolerance("2")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: 2 is a gap of 200%; a tolerance is a relative gap below 1, ...
    """
    written = text.strip()
    percent = written.endswith("%")
    try:
        value = float(written[:-1] if percent else written)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a tolerance; write it as a fraction or a percent, e.g. "
            "--tolerance 0.02 or --tolerance 2%"
        ) from None
    value = value / 100 if percent else value
    if value >= 1:  # "2" meant 2% more often than a 200% gap
        hint = f"; for {written}% write --tolerance {written}%" if not percent else ""
        raise argparse.ArgumentTypeError(
            f"{written} is a gap of {value:.0%}; a tolerance is a relative gap below 1, as a "
            f"fraction or a percent (--tolerance 0.02 or --tolerance 2%){hint}"
        )
    if not value >= 0:  # negative, or NaN
        raise argparse.ArgumentTypeError(
            f"{written}: a tolerance is a relative gap of 0 or more, as a fraction or a "
            "percent (--tolerance 0.02 or --tolerance 2%)"
        )
    return value


def compounding_steps(text: str) -> float:
    """A ``--years`` of ``cagr``: the number of compounding steps (2019 -> 2022 is 3).

    A period ("2019-2022") or a calendar year is refused with the number of steps it
    means: a period's steps are a reading the user should choose (a CAGR "2020-22" is 2
    steps from the 2020 level or 3 from the 2019 one), not one to guess.

    Examples
    --------
    >>> compounding_steps("3"), compounding_steps("2.5"), compounding_steps("3年")
    (3.0, 2.5, 3.0)
    >>> compounding_steps("2019-2022")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: '2019-2022' is a period; --years counts compounding steps: ...
    """
    try:
        return _steps(float(text), text)
    except ValueError:
        pass
    from idcforecast.claims import parse_period
    from idcforecast.errors import IdcForecastError, SpecError
    from idcforecast.units import parse_quantity

    try:  # "3年", "3 years": a number of years, as a text says it (was "not a number")
        said = parse_quantity(text)
    except IdcForecastError:
        said = None
    if said is not None and said.unit == "year" and said.qualifier == "exact" and not said.is_range:
        return _steps(float(said.value), text)  # ("2019年" is a year: refused there)

    try:
        start, end = parse_period(text)
    except SpecError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of compounding steps; e.g. --years 3 (from the 2019 "
            "level to the 2022 level)"
        ) from None
    steps = end - start
    raise argparse.ArgumentTypeError(
        f"{text!r} is a period; --years counts compounding steps: from the {start} level to "
        f"the {end} level is --years {steps} ({start} to {end})"
    )


def _steps(value: float, text: str) -> float:
    if value.is_integer() and 1900 <= value <= 2100:
        raise argparse.ArgumentTypeError(
            f"{text!r} looks like a year; --years counts compounding steps, e.g. --years 3 "
            "(from the 2019 level to the 2022 level)"
        )
    return value


def check_years_ahead(
    command: str, *, horizon: int, to: int | None, last: int, series_id: str
) -> None:
    """A SpecError in the command's flags when the forecast would reach more than
    ``MAX_HORIZON`` years past ``last``, the last year of ``series_id``.

    The library's message speaks of a horizon ("a year given as the horizon? ... pass 7"),
    which misreads ``--to 3000`` and names no flag for ``--horizon 2030``.

    Examples
    --------
    >>> check_years_ahead("forecast", horizon=7, to=2030, last=2023, series_id="s")
    >>> ahead = dict(to=None, last=2023, series_id="s")
    >>> check_years_ahead("forecast", horizon=2030, **ahead)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    idcforecast.errors.SpecError: forecast: --horizon 2030 is more than 100 years ahead ...
    """
    from idcforecast._forecast_inputs import MAX_HORIZON
    from idcforecast.errors import SpecError

    if horizon <= MAX_HORIZON:
        return
    if to is not None:
        raise SpecError(
            f"{command}: --to {to} is {horizon} years after the last year {last} of series "
            f"{series_id!r}; a forecast reaches at most {MAX_HORIZON} years ahead: pass --to "
            f"{last + MAX_HORIZON} or earlier",
            to=to,
            series_id=series_id,
        )
    fix = (
        f"pass --to {horizon}, or --horizon {horizon - last}"
        if last < horizon <= last + 1000
        else "pass e.g. --horizon 5 for five years ahead"
    )
    raise SpecError(
        f"{command}: --horizon {horizon} is more than {MAX_HORIZON} years ahead of series "
        f"{series_id!r} (observed to {last}): a year given as the horizon? the horizon "
        f"counts years after the last one: {fix}",
        horizon=horizon,
        series_id=series_id,
    )
