"""Private: the currency a growth or CAGR claim was measured in.

A rate of a money level depends on the currency it is measured in: a Chinese source's
"27.8% a year 2020-22" is a growth of yuan, and the same market in dollars grew by another
rate (2019-2022: 37.3% in CNY, 38.5% in USD), the difference being the FX moves of the
years between. A CAGR-only claim set carries no level, so nothing told its currency, and
against a history in USD the FX moves were part of the comparison, in silence.

``Claim.currency`` states it ("CNY"); a claims file's ``currency`` column, or the words of
the value or quote ("27.8% in RMB terms", "按人民币计", "円ベース"), give it. The checks then
measure the rate in that currency: the history's levels converted at each year's FX rate
(:func:`rate_unit`), the table naming the conversion as for a level claim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from idcforecast._claim_marks import note_added
from idcforecast.errors import IncompatibleUnitsError, SpecError, UnitError

__all__ = [
    "checked_currency",
    "currency_from_words",
    "currency_said_once",
    "currency_sentence",
    "rate_unit",
    "read_currency_words",
    "unnamed_currency_words",
    "unstated_currency_words",
]

_CURRENCY_WORD = (
    r"RMB|CNY|renminbi|yuan|Chinese\s+yuan|USD|US\$|US\s+dollars?|dollars?|EUR|euros?|JPY|"
    r"yen|HKD|Hong\s+Kong\s+dollars?"
)
# "in RMB terms", "(in US dollar terms)", "in yuan-denominated terms"; 按人民币计(算), 以美元计价,
# 按美元口径(计算), 按人民幣計算; 人民币口径(下);
# 円ベース(で), ドルベース
_TERMS = re.compile(
    rf"[(（]?\s*(?:measured\s+)?in\s+(?P<en>{_CURRENCY_WORD})(?:[- ]denominated)?[- ]terms\s*[)）]?"
    r"|[(（]?\s*(?:按|以)\s*(?P<zh>人民[币幣]|美元|[欧歐]元|日元|港元|港[币幣])\s*"
    r"(?:口[径徑]\s*)?(?:[计計][算价價]?|口[径徑])\s*[)）]?\s*[,，]?"
    r"|[(（]?\s*(?P<ja>円|ドル|ユーロ)ベース(?:で)?\s*[)）]?\s*[,，、]?"
    # 人民币口径(下), 美元口径计算: the basis named without 按/以
    r"|[(（]?\s*(?P<basis>人民[币幣]|美元|[欧歐]元|日元|港元|港[币幣])\s*口[径徑]\s*"
    r"(?:下|[计計][算价價]?)?\s*[)）]?\s*[,，]?",
    re.IGNORECASE,
)


# words that say a rate was measured in some currency without naming it: "in local currency
# terms", "at constant currency", "in constant-currency terms", 按本币计(算), 以当地货币计,
# 按固定汇率计算, 現地通貨ベース. Which currency is "local" depends on the market (a Chinese
# market in a USD series, a global total), so none is taken from them: they are noted.
_UNNAMED_TERMS = re.compile(
    r"[(（]?\s*(?:measured\s+)?(?:in|at)\s+(?:local|constant)[- ]currency(?:[- ]terms)?"
    r"(?:\s+basis)?\s*[)）]?"
    r"|[(（]?\s*(?:at|in)\s+constant\s+exchange\s+rates?\s*[)）]?"
    r"|[(（]?\s*(?:按|以)\s*(?:本[币幣]|当地[货貨][币幣]|當地[货貨][幣币]|固定[汇匯]率)\s*"
    r"(?:口[径徑]\s*)?(?:[计計][算价價]?|口[径徑])\s*[)）]?\s*[,，]?"
    r"|[(（]?\s*(?:現地通貨|為替一定)ベース(?:で)?\s*[)）]?\s*[,，、]?",
    re.IGNORECASE,
)


def unnamed_currency_words(text: str) -> tuple[str, str] | None:
    """(the words, ``text`` without them) when ``text`` says a rate was measured in a
    currency it does not name ("in local currency terms", "按本币计"), else None.

    Examples
    --------
    >>> unnamed_currency_words("27.8% in local currency terms")
    ('in local currency terms', '27.8%')
    >>> unnamed_currency_words("按本币计，增长27.8%")
    ('按本币计', '增长27.8%')
    >>> unnamed_currency_words("27.8% in RMB terms") is None
    True
    """
    found = _UNNAMED_TERMS.search(text)
    if found is None:
        return None
    words = found[0].strip(" ,，、()（）")
    return words, _UNNAMED_TERMS.sub(" ", text).strip(" ,，、")


def _code(word: str) -> str:
    from idcforecast.units import parse_unit

    currency = parse_unit(re.sub(r"\s+", " ", word.strip())).currency
    assert currency is not None, word  # every word of _TERMS is a currency
    return currency


def currency_from_words(text: str) -> tuple[str, str] | None:
    """(currency code, ``text`` without the words) when ``text`` says what currency a rate
    was measured in, else None; two different currencies named is no answer (None).

    Examples
    --------
    >>> currency_from_words("27.8% in RMB terms")
    ('CNY', '27.8%')
    >>> currency_from_words("按人民币计，年均复合增长率27.8%")
    ('CNY', '年均复合增长率27.8%')
    >>> currency_from_words("27.8%"), currency_from_words("up 5% in yen terms, 3% in dollar terms")
    (None, None)
    """
    found = list(_TERMS.finditer(text))
    codes = {_code(m["en"] or m["zh"] or m["ja"] or m["basis"]) for m in found}
    if len(codes) != 1:
        return None
    return codes.pop(), _TERMS.sub(" ", text).strip(" ,，、")


def read_currency_words(record: dict[str, Any], *, where: str, row: Any) -> None:
    """Fill a rate record's ``currency`` from its value text ("27.8% in RMB terms": the words
    taken out) or its quote, when it says one; a currency column that says another than the
    value is a SpecError naming both, and wins over the quote (a sentence may name the
    currency of another figure than the rate)."""
    if record.get("kind") not in ("growth", "cagr"):
        return
    value, quote = record.get("value"), record.get("quote")
    for key, text in (("value", value), ("quote", quote)):
        if not isinstance(text, str):
            continue
        read = currency_from_words(text)
        if read is None:
            if _unnamed_currency(record, key, text, where=where):
                return
            continue
        code, rest = read
        given = record.get("currency")
        if key == "quote" and given is not None and str(given).strip():
            return  # the column says it
        if given is not None and str(given).strip() and _code_of(given) != code:
            raise SpecError(
                f"{where}: currency {given!r} and the {key} {text!r} ({code}) disagree; "
                "give the currency the rate was measured in once",
                key="currency",
                value=given,
                row=row,
            )
        if key == "value":
            record["value"] = rest
        elif not given:
            record["note"] = note_added(
                record.get("note"), f"rate measured in {code} (the quote says so)"
            )
        record["currency"] = code
        return


def _unnamed_currency(record: dict[str, Any], key: str, text: str, *, where: str) -> bool:
    """Note "in local currency terms" (and the like) of a rate's value or quote: the words
    taken out of the value (they made it "not a figure"), never read as a currency; an
    AssumedCurrencyWarning says which currency the rate is checked in instead, unless the
    ``currency`` column names it. True when the text had such words."""
    read = unnamed_currency_words(text)
    if read is None:
        return False
    words, rest = read
    if key == "value":
        record["value"] = rest
    given = record.get("currency")
    if given is not None and str(given).strip():
        return True  # the column names the currency the words leave unnamed
    record["note"] = note_added(
        record.get("note"), f"rate measured {words!r} (the {key} says so): no currency named"
    )
    import warnings

    from idcforecast._claim_records import _caller_level
    from idcforecast.errors import AssumedCurrencyWarning

    warnings.warn(
        f"{where}: the {key} says the rate was measured {words!r}, which names no one "
        "currency; it is checked in the currency of its set's money levels, else of the "
        "series. Give the currency column (e.g. CNY) to check it in the currency meant",
        AssumedCurrencyWarning,
        stacklevel=_caller_level(),
    )
    return True


def _code_of(text: Any) -> str | None:
    from idcforecast.units import parse_unit

    try:
        return parse_unit(str(text).strip()).currency
    except UnitError:
        return None


def checked_currency(claim: Any, where: str) -> str:
    """``claim.currency`` as an ISO code ("RMB", "人民币" -> "CNY"; "" when blank, and for
    a level claim, whose currency is its unit's: a TOML file's default ``currency`` for
    its rates stopped at its first level in dollars), or a SpecError naming no currency."""
    text = str(claim.currency or "").strip()
    if not text or claim.kind == "level":
        return ""
    code = _code_of(text)
    from idcforecast.units import parse_unit

    if code is None or parse_unit(text).magnitude is not None:
        raise SpecError(
            f"{where}: currency {claim.currency!r} is no currency; give the currency a rate "
            "was measured in as its code or name ('CNY', 'RMB', 'USD', '人民币'), or leave "
            "it blank",
            key="currency",
            value=claim.currency,
        )
    return code


def rate_unit(unit: str | None, claims: list[Any]) -> str | None:
    """The unit a claim set is checked in once its rates' stated currency is heeded:
    ``unit`` in that currency, same magnitude ("USD bn" -> "CNY bn" for a CAGR measured in
    CNY), so the history is converted at each year's FX rate before a rate is computed;
    ``unit`` itself when no rate states a currency, or it is ``unit``'s.

    Examples
    --------
    >>> from idcforecast.claims import Claim
    >>> c = Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022,
    ...           currency="RMB")
    >>> rate_unit("USD bn", [c]), rate_unit("CNY 100m", [c]), rate_unit("USD bn", [])
    ('CNY bn', 'CNY 100m', 'USD bn')
    >>> rate_unit("USD/kW", [c]), rate_unit("亿美元", [c])
    ('CNY/kW', 'CNY 100m')
    """
    stated = {c.currency: c for c in claims if c.kind != "level" and c.currency}
    if not stated or unit is None:
        return unit
    if len(stated) > 1:
        first, second = list(stated.values())[:2]
        raise SpecError(
            f"claim set {first.claim_set!r}: {first.claim_id!r} is measured in "
            f"{first.currency} and {second.claim_id!r} in {second.currency}; a set's rates "
            "are checked against one series in one currency: put them in separate claim sets",
            claim_set=first.claim_set,
            key="currency",
        )
    code, claim = next(iter(stated.items()))
    from idcforecast.units import parse_unit

    parsed = parse_unit(unit)
    own = parsed.currency
    if own is None or not parsed.canonical.startswith(own):
        raise IncompatibleUnitsError(
            f"claim {claim.claim_id!r} ({claim.describe()}) is measured in {code}, but "
            f"{claim.subject!r} is in {unit!r}, no amount of money; leave its currency blank, "
            "or check it against a series of money",
            unit=unit,
            claim_id=claim.claim_id,
        )
    if own == code:
        return unit
    # the same magnitude and denominator in the claim's currency: "CNY/racks" -> "USD/racks"
    return code + parsed.canonical[len(own) :]


def unstated_currency_words(unit: str | None, claims: list[Any], missed: bool) -> str:
    """A sentence for a set with a rate that ``missed`` against levels of money in
    ``unit``, whose rates state no currency and come with no level of money (which would
    give theirs): the rates are measured in ``unit``'s currency, and the FX moves are part
    of the gap if the source measured them in another; "" otherwise.

    Examples
    --------
    >>> from idcforecast.claims import Claim
    >>> c = Claim(subject="m", kind="cagr", value=27.8, start_year=2020, year=2022)
    >>> unstated_currency_words("USD bn", [c], True)[:51]
    "The rates are measured in USD, the series' currency"
    >>> unstated_currency_words("USD bn", [c], False), unstated_currency_words("MW", [c], True)
    ('', '')
    """
    if not missed or unit is None:
        return ""
    rates = [c for c in claims if c.kind != "level"]
    if not rates or any(c.currency for c in rates):
        return ""
    if any(_code_of(c.unit) is not None for c in claims if c.kind == "level"):
        return ""
    code = _code_of(unit)
    if code is None:
        return ""
    return currency_sentence(code)


def currency_sentence(code: str, whose: str = "The rates") -> str:
    """The sentence of :func:`unstated_currency_words` for the currency ``code``, said of
    ``whose`` rates (the report says it once of several sets' rates).

    Examples
    --------
    >>> currency_sentence("CNY", "The rates of sets 'a' and 'b'")[:60]
    "The rates of sets 'a' and 'b' are measured in CNY, the serie"
    """
    return (
        f"{whose} are measured in {code}, the series' currency: if the source measured "
        "them in another, the FX moves of those years are part of the gap (give its "
        "currency, a currency column or 'in RMB terms' in the value, to check them in it)."
    )


def currency_said_once(names: Sequence[str], explanations: Sequence[str]) -> tuple[list[str], str]:
    """The ``explanations`` of the claim sets ``names`` with :func:`currency_sentence` taken
    out when two or more of them say it of one currency, and that sentence said once of
    their rates ("The rates of sets x and z are measured in CNY, ..."); the explanations
    unchanged and "" when fewer say it (or they name different currencies). The report's
    Claims table and check-claims say it once (it was printed in full in each set).

    Examples
    --------
    >>> said = [f"Off by 5%. {currency_sentence('CNY')} Outcome: none.",
    ...         f"No reading fits. {currency_sentence('CNY')}", "Fits."]
    >>> out, once = currency_said_once(["a", "b", "c"], said)
    >>> out
    ['Off by 5%. Outcome: none.', 'No reading fits.', 'Fits.']
    >>> once[:61]
    "The rates of sets a and b are measured in CNY, the series' cu"
    >>> currency_said_once(["a", "c"], said[1:]) == (said[1:], "")
    True
    """
    pattern = re.compile(r"\s*" + re.escape(currency_sentence("@@@")).replace("@@@", r"(\w+)"))
    texts = [str(text) for text in explanations]
    found = [pattern.search(text) for text in texts]
    codes = {match.group(1) for match in found if match is not None}
    if len(codes) != 1 or sum(match is not None for match in found) < 2:
        return texts, ""
    # a set about two subjects is two blocks and one name
    sets = list(dict.fromkeys(str(name) for name, match in zip(names, found, strict=True) if match))
    out = [pattern.sub("", text, count=1).strip() for text in texts]
    listed = ", ".join(sets[:-1]) + f" and {sets[-1]}" if len(sets) > 1 else sets[0]
    whose = f"The rates of set{'s' if len(sets) > 1 else ''} {listed}"
    return out, currency_sentence(codes.pop(), whose)
