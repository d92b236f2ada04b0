"""The command line's exit codes, one convention for every command (private).

==========  ==============================================================================
code        meaning
==========  ==============================================================================
0           the command finished and every result is fine
1           the command finished, but some or all of its results failed (a series not
            forecast by ``forecast`` or ``forecast-many``, written with its reason) or are
            inconsistent (a claim set ``check-claims`` finds inconsistent)
2           nothing was done: a usage error (an unknown option, a missing argument: argparse
            exits 2 too) or an input error (a file that cannot be read, a bad value), one
            ``error:`` line. For ``report`` and ``scenarios``, which make one result from
            one series, a series that cannot be forecast (too short) is such an error:
            nothing is made (``forecast`` prints that series' reason among the others'
            rows and exits 1)
130         interrupted by Ctrl-C (128 + SIGINT), one line; nothing half-written
==========  ==============================================================================

Scripts can thus tell "ran, look at the failures" (1) from "did not run" (2). A command's
``run`` returns :func:`results_status` of what it found; ``main`` returns :data:`USAGE` for
an ``IdcForecastError`` and :data:`INTERRUPTED` for a Ctrl-C.
"""

from __future__ import annotations

from collections.abc import Iterable

OK = 0
RESULTS_FAILED = 1
USAGE = 2
INTERRUPTED = 130

EPILOG = (
    "exit codes: 0 all fine; 1 finished, but some or all results failed (a series not "
    "forecast) or are inconsistent (a claim set); 2 nothing done: a usage or input error "
    "(one 'error:' line); 130 interrupted by Ctrl-C"
)


def command_epilog(failed: str | None, one_series: str | None = None) -> str:
    """The exit codes one command's ``--help`` lists: 1 only for a command that can
    finish with failed or inconsistent results (``failed`` says which, as the command's
    ``FAILED_RESULTS``); ``parse --help`` listed "1 ... a series not forecast", which it
    never returns.

    ``one_series``: what a command that makes one result from one series (the module's
    ``ONE_SERIES``: "the report") makes of nothing when that series cannot be forecast; its
    2 says so (``forecast`` exits 1 for the same series, a failed row among its results).

    Examples
    --------
    >>> command_epilog(None)[:60]
    'exit codes: 0 done; 2 nothing done: a usage or input error ('
    >>> command_epilog("a claim set was found inconsistent")[:62]
    'exit codes: 0 all fine; 1 finished, but a claim set was found '
    >>> command_epilog(None, "the report")[36:]
    "a usage or input error, or a series too short to forecast (one 'error:' line; no report is made); 130 interrupted by Ctrl-C"
    """  # noqa: E501
    head = f"0 all fine; 1 finished, but {failed}" if failed else "0 done"
    # (it read "a usage or input error (one 'error:' line), a series too short to
    # forecast among them (no report is made)": among what?)
    short = ", or a series too short to forecast" if one_series else ""
    made = f"; no {one_series.removeprefix('the ')} is made" if one_series else ""
    return (
        f"exit codes: {head}; 2 nothing done: a usage or input error{short} (one 'error:' "
        f"line{made}); 130 interrupted by Ctrl-C"
    )


def results_status(failed: int | bool | Iterable[object]) -> int:
    """The exit code of a command that finished: :data:`RESULTS_FAILED` when any result
    failed or is inconsistent, else :data:`OK`.

    ``failed`` is a count, a flag, or the failed results themselves (any of them makes it 1).

    Examples
    --------
    >>> results_status(0), results_status(3), results_status(True), results_status([])
    (0, 1, 1, 0)
    >>> results_status(["series 'bad'"])
    1
    """
    if isinstance(failed, bool | int):
        return RESULTS_FAILED if failed else OK
    return RESULTS_FAILED if any(True for _ in failed) else OK


def not_forecast_line(series_id: str, message: str, method: str | None = None) -> str:
    """The line of a series a command could not forecast: the series (and the method,
    when several were asked for), "not forecast", then the reason, the series' name not
    repeated at its start. ``forecast`` prints it after ``error: forecast: `` (was
    ``error (series s, not forecast): series 's' has ...``); ``forecast-many`` indented
    under its summary (was ``  failed 's': series 's' has ...``).

    Examples
    --------
    >>> not_forecast_line("s", "series 's' has 2 observations (2021-2022)")
    "series 's' not forecast: has 2 observations (2021-2022)"
    >>> not_forecast_line("s", "series 's': cap 80.0 is not above the last observation")
    "series 's' not forecast: cap 80.0 is not above the last observation"
    >>> not_forecast_line("7", "a value is missing")
    "series '7' not forecast: a value is missing"
    >>> not_forecast_line("b", "series 'b' has 2 observations", method="drift")
    "series 'b' not forecast by drift: has 2 observations"
    """
    for named in (f"series {series_id!r}", f"series {series_id}"):
        if message.startswith(f"{named}: "):
            message = message[len(named) + 2 :]
            break
        if message.startswith(f"{named} "):
            message = message[len(named) + 1 :]
            break
    by = f" by {method}" if method else ""
    return f"series {series_id!r} not forecast{by}: {message}"
