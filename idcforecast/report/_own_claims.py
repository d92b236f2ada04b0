"""The user's own claims given to the report (``build_report(claims=...)``, ``report
--claims FILE``): read before the data (:func:`read_own_claims`), each about the reported
series (:func:`claims_about`), and named with their sha256 in the reproducibility table
(:func:`claims_source`). The Claims and track record section checks them instead of the
bundled published claims (:func:`idcforecast.report._analyses.published_claims`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

__all__ = ["claims_about", "claims_source", "read_own_claims"]


def read_own_claims(claims: Any, encoding: str) -> tuple[list[Any] | None, tuple[str, ...]]:
    """``claims`` as :func:`idcforecast.read_claims` reads them (None: none given), a CSV
    in ``encoding`` (the data's ``--encoding gb18030``, as check-claims reads FILE and
    ``--data`` with it) unless it is UTF-8 text, which stays UTF-8; and the rows left out
    of the checks (:class:`~idcforecast.errors.UncheckedClaimsWarning`'s, "?-2030"), which
    the report names (they were a note on standard error alone). Every warning of the
    read is still given, as it was."""
    if claims is None:
        return None, ()
    import warnings

    from idcforecast._text_files import not_utf8_error
    from idcforecast.claims import read_claims
    from idcforecast.errors import UncheckedClaimsWarning

    if isinstance(claims, str | os.PathLike) and not_utf8_error("", Path(claims), encoding):
        encoding = "utf-8"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read = read_claims(claims, encoding=encoding)
    left_out: tuple[str, ...] = ()
    for warning in caught:  # given again, to the filters in force outside
        if isinstance(warning.message, UncheckedClaimsWarning):
            left_out += warning.message.rows
        warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
    return read, left_out


def claims_about(claims: list[Any], sid: str) -> None:
    """An UnknownSubjectError for a claim of ``claims=`` about another series than the
    reported one ``sid``: it has nothing in the report to be checked against."""
    other = [c for c in claims if c.subject != sid]
    if other:
        from idcforecast.errors import UnknownSubjectError

        subjects = ", ".join(dict.fromkeys(repr(c.subject) for c in other))
        raise UnknownSubjectError(
            f"report: {len(other)} of {len(claims)} claims are about {subjects}, not the "
            f"reported series {sid!r} (first: {other[0].claim_id}); set their subject to "
            f"{sid!r}, or leave them out of the claims given to the report",
            subject=other[0].subject,
            series_id=sid,
        )


def claims_source(claims: Any, read: list[Any] | None) -> tuple[str, str] | None:
    """The claims given to the report for its reproducibility table: a file's path and the
    sha256 of its bytes, or what was given from Python (no file, no hash); None for none.

    Examples
    --------
    >>> claims_source(None, None) is None
    True
    >>> claims_source([object(), object()], [object(), object()])
    ('2 claims given as claims= from Python', '')
    """
    if claims is None:
        return None
    if isinstance(claims, str | os.PathLike):
        import hashlib

        return str(claims), hashlib.sha256(Path(claims).read_bytes()).hexdigest()
    n = len(read or ())
    return f"{n} claim{'' if n == 1 else 's'} given as claims= from Python", ""
