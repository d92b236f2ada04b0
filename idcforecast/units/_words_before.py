"""The error for words before a figure's number that ``parse_quantity`` does not know: a
verb ("stood at 5%", "totaled $5bn") was reported as an undefined unit only, with no word
of what to do."""

from __future__ import annotations

from idcforecast.errors import IdcForecastError, UnknownUnitError
from idcforecast.units._currency_codes import unlisted_currency_hint
from idcforecast.units.registry import parse_unit

__all__ = ["words_before"]


def _money_tail(pre: str) -> str:
    """The currency that ends ``pre`` (which is none as a whole) in its last one or two
    words ("$" of "totaled $", "US $" of "totaled US $"), or ""."""
    words = pre.split()
    for i in range(max(1, len(words) - 2), len(words)):
        tail = " ".join(words[i:])
        try:
            if parse_unit(tail).dimension == "money":
                return tail
        except IdcForecastError:
            continue
    return ""


def words_before(text: str, pre: str, from_number: str, err: UnknownUnitError) -> UnknownUnitError:
    """The error for ``pre``, words before the number of the figure ``text`` that read as
    no unit (``err``, from ``parse_unit``): it names them and says to pass the figure from
    its number on (``from_number``, with the currency that ends ``pre``).

    >>> from idcforecast.units import parse_unit
    >>> try:
    ...     parse_unit("stood at")
    ... except UnknownUnitError as err:
    ...     print(words_before("stood at 5%", "stood at", "5%", err))
    in figure 'stood at 5%': 'stood at' before the number is no currency, qualifier or verb that parse_quantity knows ('stood' is no known unit, magnitude or currency); pass the figure from its number on, e.g. '5%', or with a known word ('reached', 'fell to', 'more than', '约', '降至')
    """  # noqa: E501
    fields = {key: getattr(err, key) for key in err.fields}
    if unlisted := unlisted_currency_hint(pre.strip()):  # "EGP 5bn": never "pass '5bn'"
        return UnknownUnitError(f"in figure {text!r}: {unlisted}", **fields, text=text)
    currency = _money_tail(pre)
    space = " " if currency[-1:].isalpha() else ""  # "RMB 5bn", "$5bn"
    example = f"{currency}{space}{from_number}"
    typo = f"did you mean {fields['suggestion']!r}? or " if fields.get("suggestion") else ""
    return UnknownUnitError(
        f"in figure {text!r}: {pre!r} before the number is no currency, qualifier or verb "
        f"that parse_quantity knows ({fields.get('unknown')!r} is no known unit, magnitude "
        f"or currency); {typo}pass the figure from its number on, e.g. {example!r}, or with "
        "a known word ('reached', 'fell to', 'more than', '约', '降至')",
        **fields,
        text=text,
    )
