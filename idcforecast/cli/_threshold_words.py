"""How ``idcforecast scenarios`` heads a ``--threshold`` given as a lower bound
("超过8000亿元", "more than $50bn", "at least 1 GW"): the probability is P(value > the
level), and the heading names the level alone, not "P(value > 超过8000亿元 ...)"."""

from __future__ import annotations

__all__ = ["threshold_heading"]


def threshold_heading(threshold: str) -> tuple[str, str]:
    """The figure a heading "P(value > FIGURE in YEAR)" names for ``threshold`` as typed,
    and a clause saying it was read from a lower bound ("" for any other threshold).

    A lower bound keeps the user's figure without its bound words ("超过8000亿元" ->
    "8000亿元", "more than $50bn" -> "$50bn", "8000亿元以上" -> "8000亿元"); a form whose
    words cannot be taken off cleanly (the figure left must read as the same level)
    prints the level and unit as parsed ("8000多亿元" -> "8,000 CNY 100m").

    Examples
    --------
    >>> threshold_heading("超过8000亿元")
    ('8000亿元', "; '超过8000亿元' is a lower bound, read as its level")
    >>> threshold_heading("more than $50bn")[0], threshold_heading("At least 1 GW")[0]
    ('$50bn', '1 GW')
    >>> threshold_heading("8000亿元以上")[0], threshold_heading("8000多亿元")[0]
    ('8000亿元', '8,000 CNY 100m')
    >>> threshold_heading("8000亿元")
    ('8000亿元', '')
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity
    from idcforecast.units._figure_words import PREFIX_QUALIFIERS, SUFFIX_QUALIFIERS

    try:
        quantity = parse_quantity(threshold)
    except IdcForecastError:  # prob_exceeds says what is wrong with it
        return threshold, ""
    if quantity.qualifier != "at_least":
        return threshold, ""
    text = threshold.strip()
    for words, cut in (
        (PREFIX_QUALIFIERS, lambda t, w: t[len(w) :] if t.lower().startswith(w) else t),
        (SUFFIX_QUALIFIERS, lambda t, w: t[: -len(w)] if t.lower().endswith(w) else t),
    ):
        bounds = sorted((w for w, q in words.items() if q == "at_least"), key=len, reverse=True)
        for word in bounds:
            if (shorter := cut(text, word).strip()) != text:
                text = shorter
                break
    try:
        plain = parse_quantity(text)
        same = (plain.qualifier, plain.value, plain.unit) == (
            "exact",
            quantity.value,
            quantity.unit,
        )
    except IdcForecastError:
        same = False
    if not same or plain.is_range:
        text = f"{quantity.value:,g} {quantity.unit}"
    return text, f"; {threshold.strip()!r} is a lower bound, read as its level"
