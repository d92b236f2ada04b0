"""The parenthesised alternate of a figure as its user wrote it ("500 billion yuan ($71.2
billion)"): :func:`idcforecast.parse_quantity` reads a text its passes rewrote ("1,6 Mio."
as "1.6 Mio.", "two billion" as "2   billion"); the alternate it reports, and the errors
it raises, quote the text as written.
"""

from __future__ import annotations

__all__ = ["written_alternate"]


def written_alternate(written: str) -> str | None:
    """The text in the last parentheses of ``written`` as written ("1,6 Mio. $" of "1,5 Mio.
    Euro (1,6 Mio. $)", "two billion dollars"), or None when ``written`` does not end in
    parentheses (a footnote marker after them, or none).

    Examples
    --------
    >>> written_alternate("1,5 Mio. Euro (1,6 Mio. $)")
    '1,6 Mio. $'
    >>> written_alternate("５００亿元（７１.２亿美元）。")
    '７１.２亿美元'
    >>> written_alternate("1,562.5亿元") is None
    True
    """
    body = written.rstrip(" 。！？；，、,;\t\n")
    if not body.endswith((")", "）")):
        return None
    opens = [i for i in (body.find("("), body.find("（")) if i >= 0]
    return body[min(opens) + 1 : -1].strip() if opens else None
