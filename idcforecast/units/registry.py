"""The unit registry: magnitudes, currencies and physical units, read from ``units.txt``.

The registry is data (``units.txt`` beside this module, its grammar in its header); this
module only reads it and turns unit text ("亿元", "US$ bn", "万架") into a :class:`Unit`.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import functools
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from idcforecast.errors import ParseError, UnitError, UnknownUnitError
from idcforecast.units._unit_spellings import respelled
from idcforecast.units._unknown_units import LONG_SCALE_BILLION, SHARED_CURRENCY_WORDS, unknown_unit

__all__ = ["Unit", "canonical_unit", "known_units", "normalize_text", "parse_unit"]

REGISTRY_FILE = Path(__file__).with_name("units.txt")
MONEY = "money"
# one currency per another ("CNY/USD" = CNY per USD): the only rate with money after "per"
EXCHANGE_RATE = f"{MONEY}/{MONEY}"
_RATE_MARKER = re.compile(r"(?:/|per\b|每)\s*", re.IGNORECASE)
# a rate is "X per Y": Y is one physical or time unit, never money, a share or a count
_NOT_DENOMINATORS = frozenset({MONEY, "percent", "points", "count", "ratio", "partial_ratio"})


def normalize_text(text: str) -> str:
    """Normalize figure or unit text: NFKC, one space between words, no outer spaces.

    NFKC turns full-width digits, letters and punctuation into ASCII ("１５６２．５" ->
    "1562.5", "（" -> "(") and every Unicode space into a plain one.

    Examples
    --------
    >>> normalize_text("  １５６２．５\u00a0亿元 ")
    '1562.5 亿元'
    """
    text = unicodedata.normalize("NFKC", text)
    return " ".join(text.split())


@dataclass(frozen=True)
class _Base:
    name: str
    dimension: str
    factor: float
    magnitude_allowed: bool


@dataclass(frozen=True)
class _Registry:
    magnitudes: dict[str, float]
    bases: dict[str, _Base]
    # normalized, lower-cased alias -> ("magnitude" | "base", canonical name)
    aliases: dict[str, tuple[str, str]]
    by_first_char: dict[str, tuple[str, ...]]
    # the aliases of two characters or more by their first two, longest first, then those
    # of one character: what may start at a position ("mw" is not tried through the 70
    # aliases in "m" before it)
    by_first_two: dict[str, tuple[str, ...]]
    single: frozenset[str]


@dataclass(frozen=True)
class Unit:
    """A parsed unit: one base (currency or physical unit) and an optional magnitude.

    Attributes
    ----------
    base
        Canonical base: an ISO currency code ("CNY"), a physical unit ("MW"), "%" or "count".
    magnitude
        Canonical magnitude ("100m" for 亿, "bn"...) or None.
    dimension
        "money", "power", "energy", "racks", "servers", "compute", "storage", "area",
        "volume", "percent", "points", "ratio" (PUE), "partial_ratio" (pPUE) or "count".
        Units convert freely within a dimension (money needs FX).
    factor
        Size of one unit in the dimension's reference unit (W, Wh, FLOPS, byte, litre, one rack,
        one unit of the currency...): magnitude times the base's own factor.

    Examples
    --------
    >>> u = parse_unit("亿元")
    >>> u.canonical, u.dimension, u.factor
    ('CNY 100m', 'money', 100000000.0)
    """

    base: str
    magnitude: str | None
    dimension: str
    factor: float
    per: tuple[str, ...] = ()

    @property
    def canonical(self) -> str:
        """The canonical spelling, ``BASE [MAGNITUDE][/PER...]``."""
        head = self.base if self.magnitude is None else f"{self.base} {self.magnitude}"
        return "".join([head, *(f"/{name}" for name in self.per)])

    @property
    def is_exchange_rate(self) -> bool:
        """True for an exchange rate: one currency per another ("CNY/USD", CNY per USD).

        A rate, not an amount of money: it converts to no other unit.

        Examples
        --------
        >>> parse_unit("RMB per US$").is_exchange_rate, parse_unit("USD/kW").is_exchange_rate
        (True, False)
        """
        return self.dimension == EXCHANGE_RATE

    @property
    def currency(self) -> str | None:
        """The ISO currency code when the (numerator) unit is money, else None.

        None for an exchange rate ("CNY/USD"): a rate is not an amount of money.
        """
        if self.is_exchange_rate:
            return None
        return self.base if _registry().bases[self.base].dimension == MONEY else None

    def numerator(self) -> Unit:
        """The unit without its denominators (itself when it is not a rate).

        Examples
        --------
        >>> parse_unit("US$ m per MW").numerator().canonical
        'USD mn'
        """
        base = _registry().bases[self.base]
        factor = base.factor * magnitude_factor(self.magnitude)
        return Unit(
            base=self.base, magnitude=self.magnitude, dimension=base.dimension, factor=factor
        )

    def denominators(self) -> tuple[Unit, ...]:
        """The units after "per" or "/", in order ("USD/kW/month" -> kW, month)."""
        return tuple(_build(name, [("base", name)]) for name in self.per)

    def __str__(self) -> str:
        return self.canonical


def _fail_registry(line_no: int, line: str, problem: str) -> UnitError:
    return UnitError(
        f"{REGISTRY_FILE.name} line {line_no}: {problem} in {line.strip()!r}; "
        "fix the entry (the grammar is in the file's header)",
        file=str(REGISTRY_FILE),
        line=line_no,
    )


@functools.cache
def _registry() -> _Registry:
    magnitudes: dict[str, float] = {}
    bases: dict[str, _Base] = {}
    aliases: dict[str, tuple[str, str]] = {}
    section = None
    lines = REGISTRY_FILE.read_text(encoding="utf-8").splitlines()
    for line_no, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            section = line.strip("[]").strip()
            continue
        head, _, alias_text = line.partition("|")
        fields = head.split()
        try:
            if section == "magnitude":
                name, factor_text = fields
                magnitudes[name] = float(factor_text)
                kind = "magnitude"
            elif section == "currency":
                (name,) = fields
                bases[name] = _Base(name, MONEY, 1.0, True)
                kind = "base"
            elif section == "unit":
                name, dimension, factor_text, *flags = fields
                if flags not in ([], ["nomagnitude"]):
                    raise ValueError(f"unknown flag {flags}")
                bases[name] = _Base(name, dimension, float(factor_text), not flags)
                kind = "base"
            else:
                raise ValueError(f"entry outside a known section ({section!r})")
        except ValueError as err:
            raise _fail_registry(line_no, raw, str(err)) from None
        for alias in [name, *alias_text.split(",")]:
            key = normalize_text(alias).lower()
            if not key:
                continue
            if aliases.get(key, (kind, name)) != (kind, name):
                raise _fail_registry(line_no, raw, f"alias {alias.strip()!r} is already taken")
            aliases[key] = (kind, name)
    by_first: dict[str, list[str]] = {}
    for key in aliases:
        by_first.setdefault(key[0], []).append(key)
    by_first_char = {c: tuple(sorted(keys, key=len, reverse=True)) for c, keys in by_first.items()}
    by_two: dict[str, list[str]] = {}
    for key in aliases:
        if len(key) > 1:
            by_two.setdefault(key[:2], []).append(key)
    by_first_two = {c: tuple(sorted(keys, key=len, reverse=True)) for c, keys in by_two.items()}
    single = frozenset(key for key in aliases if len(key) == 1)
    return _Registry(magnitudes, bases, aliases, by_first_char, by_first_two, single)


def _is_latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def _latin_letter(char: str) -> bool:
    """A letter of the Latin script, accented too ("ů" of Czech "bilionů", "ỷ"): a word an
    alias ending in a Latin letter must not run into ("bilion" is not read out of it)."""
    return char.isalpha() and (char < "\u0250" or "\u1e00" <= char <= "\u1eff")


def _tokenize(
    text: str, *, start: int = 0, boundaries: bool = True
) -> tuple[list[tuple[str, str]], int]:
    """Split normalized unit text into (kind, name) tokens, longest alias first.

    Returns the tokens and the position where reading stopped (``len(text)`` on success).
    A unit written twice in a row is not read twice: reading stops at the second ("5年年"
    of "近5年年均增速" is 5 years and the 年 of 年均, not a unit "年年"); a magnitude may
    repeat ("万万").
    """
    reg = _registry()
    low = text.lower()
    tokens: list[tuple[str, str]] = []
    pos = start
    last = ""
    while pos < len(low):
        if low[pos] == " ":
            pos += 1
            continue
        longer = reg.by_first_two.get(low[pos : pos + 2], ())
        for alias in (*longer, low[pos]) if low[pos] in reg.single else longer:
            end = pos + len(alias)
            if not low.startswith(alias, pos):
                continue
            if boundaries and _is_latin(alias[-1]) and end < len(low) and _latin_letter(low[end]):
                continue
            if alias == last and reg.aliases[alias][0] == "base":
                return tokens, pos  # a magnitude may repeat: "万万" is 亿
            tokens.append(reg.aliases[alias])
            last, pos = alias, end
            break
        else:
            return tokens, pos
    return tokens, pos


# the cent spellings of German and Austrian prices ("8,5 ct/kWh"): euro cents
_EURO_CENT = re.compile(r"(?<![a-z])(?:€?ct|eurocents?)(?![a-z])", re.IGNORECASE)


def _build(text: str, tokens: list[tuple[str, str]]) -> Unit:
    reg = _registry()
    base_names = list(dict.fromkeys(name for kind, name in tokens if kind == "base"))
    magnitude_names = [name for kind, name in tokens if kind == "magnitude"]
    if len(base_names) > 1:
        raise ParseError(
            f"unit {text!r} names {len(base_names)} units ({', '.join(map(repr, base_names))}); "
            "expected one currency or unit, optionally with a magnitude (e.g. 'CNY 100m')",
            unit=text,
        )
    if len(magnitude_names) > 1:
        product = math.prod(reg.magnitudes[name] for name in magnitude_names)
        one = next(
            (n for n, f in reg.magnitudes.items() if math.isclose(f, product, rel_tol=1e-9)),
            None,
        )
        if one is None:  # "$3bn billion": a magnitude written twice
            fix = "write one magnitude word (e.g. '3亿元', '$3bn', not '$3bn billion')"
        else:  # "万 亿" is 万亿; "万万" is 亿
            spelled = (
                f"{chinese_magnitude(one)!r} or {one!r}" if chinese_magnitude(one) else repr(one)
            )
            fix = f"together they are {spelled}: write that one word"
        raise ParseError(
            f"unit {text!r} has {len(magnitude_names)} magnitude words "
            f"({', '.join(map(repr, magnitude_names))}); expected at most one; {fix}",
            unit=text,
        )
    magnitude = magnitude_names[0] if magnitude_names else None
    if magnitude == "cent" and not base_names:
        # "8.5 cents", "8.5美分": US cents, as "$" is US dollars; "8,5 ct/kWh": euro cents
        base_names = ["EUR" if _EURO_CENT.search(text) else "USD"]
    base = reg.bases[base_names[0] if base_names else "count"]
    if magnitude == "cent" and base.dimension != MONEY:
        raise ParseError(
            f"unit {text!r}: 'cent' is a hundredth of a currency, and {base.name!r} is no "
            "money; expected cents of a currency ('8.5 cents per kWh', '20 euro cents')",
            unit=text,
        )
    if magnitude is not None and not base.magnitude_allowed:
        raise ParseError(
            f"unit {text!r}: {base.name!r} takes no magnitude word, found {magnitude!r}; "
            f"write the number in full (e.g. '27.8 {base.name}')",
            unit=text,
        )
    factor = base.factor * (reg.magnitudes[magnitude] if magnitude else 1.0)
    return Unit(base=base.name, magnitude=magnitude, dimension=base.dimension, factor=factor)


def _suggest(text: str, pos: int) -> str | None:
    """Best guess at what an unknown unit text meant, as a canonical spelling."""
    word_end = text.find(" ", pos)
    word_end = len(text) if word_end < 0 else word_end
    word = text[pos:word_end]
    replacements: list[str] = []
    tokens, stop = _tokenize(word, boundaries=False)  # known pieces run together: "bnUSD"
    if stop == len(word) and tokens:
        replacements.append(" ".join(name for _, name in tokens))
    replacements += difflib.get_close_matches(word.lower(), _registry().aliases, n=3, cutoff=0.7)
    for replacement in replacements:
        candidate = normalize_text(f"{text[:pos]} {replacement} {text[word_end:]}")
        try:
            return _parse(candidate, candidate, suggest=False).canonical
        except (ParseError, UnknownUnitError):
            continue
    return None


def parse_unit(text: str) -> Unit:
    """Read unit text in any spelling the registry knows.

    Parameters
    ----------
    text
        A currency and/or magnitude and/or physical unit, in any order and script:
        "亿元", "USD bn", "bn USD", "US$ bn", "$bn", "万架", "racks 10k", "亿千瓦时", "%".
        Empty text (or a bare magnitude) is a plain count.

        A rate is a unit followed by "per", "/" or "每" and one physical or time unit,
        as often as needed: "US$ m per MW" -> "USD mn/MW", "US$ per kW per month" ->
        "USD/kW/month", "万元每架" -> "CNY 10k/racks".

        An exchange rate is one currency per another, both without a magnitude:
        "CNY/USD" (CNY per USD, as in the FX table), "RMB per US$" -> "CNY/USD".

    Raises
    ------
    UnknownUnitError
        A spelling the registry lacks (with a did-you-mean suggestion when one is close).
    ParseError
        Two units, two magnitudes, a magnitude on "%", or a denominator that is a share,
        a count, carries a magnitude ("per 万架") or is money outside an exchange rate
        ("CNY 100m/USD", "CNY/USD/year").

    Examples
    --------
    >>> parse_unit("bn USD").canonical
    'USD bn'
    >>> parse_unit("万架").canonical
    'racks 10k'
    >>> parse_unit("US$ per kW per month").canonical
    'USD/kW/month'
    >>> parse_unit("元/美元").canonical
    'CNY/USD'
    >>> parse_unit("兆円").canonical  # a trillion yen, as parse_quantity reads "2兆円"
    'JPY tn'
    """
    if not isinstance(text, str):
        raise ParseError(
            f"unit {text!r}: expected unit text such as 'CNY bn', '亿元' or 'MW', found "
            f"{type(text).__name__}; pass the unit as a string",
            unit=repr(text),
        )
    from idcforecast.units._compound_magnitudes import japanese_trillions

    # "兆円" / "兆ドル": a trillion yen or dollars, as parse_quantity reads "2兆円"
    return _parse(text, respelled(japanese_trillions(normalize_text(text))), suggest=_SUGGEST.get())


# whether an unknown unit's error computes a "did you mean" (difflib: ~1 ms each); a scan
# that tries many stretches of text and keeps none of the errors turns it off
_SUGGEST: contextvars.ContextVar[bool] = contextvars.ContextVar("suggest_units", default=True)


@contextlib.contextmanager
def without_suggestions() -> Iterator[None]:
    """Unknown-unit errors without the "did you mean" guess, inside the block (private:
    for callers that try many readings and discard the errors)."""
    token = _SUGGEST.set(False)
    try:
        yield
    finally:
        _SUGGEST.reset(token)


def suggesting() -> bool:
    """Whether errors are for a person (False inside :func:`without_suggestions`: a scan
    that tries many readings and discards the errors, where their words cost time only)."""
    return _SUGGEST.get()


def _parse(text: str, norm: str, *, suggest: bool) -> Unit:
    pieces: list[list[tuple[str, str]]] = []
    pos = 0
    while True:
        tokens, stop = _tokenize(norm, start=pos)
        pieces.append(tokens)
        if stop == len(norm):
            break
        marker = _RATE_MARKER.match(norm, stop)
        if marker is None:
            if len(pieces) == 1 and (money := _trillion_of_money(text, norm, stop)):
                return money
            if word := _repeated(norm, stop):
                raise ParseError(
                    f"unit {text!r} writes {word!r} twice in a row; expected it once "
                    f"(write {word!r})",
                    unit=text,
                )
            raise _unknown(text, norm, stop, suggest=suggest)
        pos = marker.end()
    unit = _build(text, pieces[0])
    if len(pieces) == 1:
        return unit
    if (rate := _exchange_rate(text, unit, pieces[1:])) is not None:
        return rate
    per = tuple(_denominator(text, unit, tokens) for tokens in pieces[1:])
    dimension = "/".join([unit.dimension, *(d.dimension for d in per)])
    factor = unit.factor
    for denominator in per:
        factor /= denominator.factor
    return Unit(unit.base, unit.magnitude, dimension, factor, tuple(d.base for d in per))


def _repeated(norm: str, stop: int) -> str | None:
    """The word at ``stop`` when it repeats the word just before it ("年年"), else None."""
    low = norm.lower()
    for alias in _registry().by_first_char.get(low[stop], ()):
        if (
            low.startswith(alias, stop)
            and low[:stop].rstrip().endswith(alias)
            and _registry().aliases[alias][0] == "base"
        ):
            return norm[stop : stop + len(alias)]
    return None


def _trillion_of_money(text: str, norm: str, stop: int) -> Unit | None:
    """The amount of money when the word at ``stop`` is a lone "T" beside a currency:
    "$1.2T", "US$ 3T", "1.2T USD" are trillions, as in financial news ("T" alone is no
    magnitude: it is left free for tonnes, and money is never in tonnes)."""
    after = norm[stop + 1 : stop + 2]
    if norm[stop] not in "Tt" or (after and (_is_latin(after) or after in "$¥€£₹₩")):
        return None  # "TB" is terabytes; "T$" is a currency (Tongan), not trillions
    try:
        unit = _parse(text, f"{norm[:stop]}tn{norm[stop + 1 :]}", suggest=False)
    except (ParseError, UnknownUnitError):
        return None
    return unit if unit.currency is not None and not unit.per else None


def _exchange_rate(text: str, unit: Unit, per: list[list[tuple[str, str]]]) -> Unit | None:
    """The exchange rate ``unit`` per the one currency in ``per`` ("CNY/USD"), or None."""
    if unit.dimension != MONEY or len(per) != 1 or not per[0]:
        return None
    quote = _build(text, per[0])
    if quote.dimension != MONEY or unit.magnitude is not None or quote.magnitude is not None:
        return None
    if quote.base == unit.base:
        raise ParseError(
            f"unit {text!r}: {unit.base!r} per {quote.base!r} is a currency per itself (always "
            "1); expected an exchange rate between two currencies, e.g. 'CNY/USD' (CNY per "
            "USD), or an amount in one currency",
            unit=text,
        )
    return Unit(unit.base, None, EXCHANGE_RATE, 1.0, (quote.base,))


def _denominator(text: str, numerator: Unit, tokens: list[tuple[str, str]]) -> Unit:
    if not tokens:
        raise ParseError(
            f"unit {text!r}: nothing after 'per' or '/'; expected a unit such as 'MW', "
            "'kW', 'racks' or 'month'",
            unit=text,
        )
    unit = _build(text, tokens)
    if unit.dimension == MONEY and numerator.dimension == MONEY:
        raise ParseError(
            f"unit {text!r}: {unit.canonical!r} cannot follow 'per' or '/' here; a currency "
            "follows 'per' only in an exchange rate, one currency per another, both without "
            "a magnitude and with nothing more (e.g. 'CNY/USD', CNY per USD); write the rate "
            "that way, or an amount without 'per'",
            unit=text,
        )
    if unit.magnitude is not None or unit.dimension in _NOT_DENOMINATORS:
        raise ParseError(
            f"unit {text!r}: {unit.canonical!r} cannot follow 'per' or '/'; expected one "
            "physical unit or time unit without a magnitude (e.g. 'per MW', '/kW/month', "
            "'per rack'); write the rate per single unit",
            unit=text,
        )
    return unit


def canonical_unit(text: str) -> str:
    """The canonical spelling of unit text (``BASE [MAGNITUDE][/PER...]``).

    Parameters
    ----------
    text
        Unit text as written: "亿元", "$bn", "万标准机架", "kWh/year".

    Raises
    ------
    UnknownUnitError
        The text names no unit, magnitude or currency of the registry.
    UnitError
        ``text`` is empty or blank: no unit is stated (it read as "count", so that
        ``read_series(unit="")`` read every bare number as a plain count); a plain count
        is ``"count"``.
    ParseError
        ``text`` is not a string.

    Examples
    --------
    >>> canonical_unit("亿元"), canonical_unit("$bn"), canonical_unit("亿千瓦时")
    ('CNY 100m', 'USD bn', 'kWh 100m')
    >>> canonical_unit("count"), canonical_unit("万")
    ('count', 'count 10k')
    >>> canonical_unit("")
    Traceback (most recent call last):
    ...
    idcforecast.errors.UnitError: unit '': no unit stated; expected unit text such as \
'CNY bn', '亿元' or 'MW' ('count' for a plain count)
    """
    if isinstance(text, str) and not text.strip():
        from idcforecast.errors import UnitError

        raise UnitError(
            f"unit {text!r}: no unit stated; expected unit text such as 'CNY bn', '亿元' or "
            "'MW' ('count' for a plain count)",
            unit=text,
        )
    return parse_unit(text).canonical


def canonical_or_as_written(text: str) -> str:
    """:func:`canonical_unit`, or ``text`` stripped when the registry cannot read it: to
    compare units that two sources spell differently ("亿元" and "CNY 100m") without
    refusing one the registry lacks.

    Examples
    --------
    >>> canonical_or_as_written("亿元"), canonical_or_as_written(" furlongs ")
    ('CNY 100m', 'furlongs')
    """
    from idcforecast.errors import IdcForecastError

    try:
        return parse_unit(text).canonical  # (empty text: a plain count, as parse_unit reads it)
    except IdcForecastError:
        return text.strip()


def known_units() -> dict[str, str]:
    """Every base unit and currency the registry defines, mapped to its dimension.

    Examples
    --------
    >>> known_units()["MW"], known_units()["CNY"]
    ('power', 'money')
    """
    return {name: base.dimension for name, base in _registry().bases.items()}


def chinese_magnitude(name: str) -> str | None:
    """The first Chinese spelling ``units.txt`` lists for a canonical magnitude, or None.

    Examples
    --------
    >>> chinese_magnitude("100m"), chinese_magnitude("100bn"), chinese_magnitude("nope")
    ('亿', '千亿', None)
    """
    for alias, (kind, canonical) in _registry().aliases.items():
        if kind == "magnitude" and canonical == name and not alias.isascii():
            return alias
    return None


def magnitude_factor(name: str | None) -> float:
    """The multiplier of a canonical magnitude name (1.0 for None)."""
    return 1.0 if name is None else _registry().magnitudes[name]


def _unknown(text: str, norm: str, stop: int, *, suggest: bool) -> UnknownUnitError:
    unknown = norm[stop:].split(" ", 1)[0]
    guessable = (
        unknown.lower() not in SHARED_CURRENCY_WORDS
        and unknown.lower() != "bilion"
        and not LONG_SCALE_BILLION.match(unknown)
    )
    suggestion = _suggest(norm, stop) if suggest and guessable else None
    return unknown_unit(text, unknown, suggestion)
