"""ISO 4217 codes of currencies the unit registry (units.txt) does not list: a figure
beside one is money in a currency that cannot be read, never a count ("EGP 5 billion")."""

from __future__ import annotations

__all__ = ["UNLISTED_CURRENCY_CODES", "unlisted_currency_hint"]

# ISO 4217 codes of currencies the registry does not list (units.txt), as news writes them
# before an amount ("EGP 5 billion", "NZD 20bn"); left out: codes that are also English
# words in capitals ("ALL", "TOP", "CUP", "SOS", "BAM", "PEN")
UNLISTED_CURRENCY_CODES = frozenset((
    "AFN", "AMD", "ANG", "AOA", "ARS", "AWG", "AZN", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD",
    "BND", "BOB", "BSD", "BTN", "BWP", "BYN", "BZD", "CDF", "CLP", "COP", "CRC", "CVE", "DJF",
    "DOP", "DZD", "EGP", "ERN", "ETB", "FJD", "GEL", "GHS", "GMD", "GNF", "GTQ", "GYD", "HNL",
    "HTG", "ILS", "IQD", "IRR", "ISK", "JMD", "JOD", "KES", "KGS", "KHR", "KMF", "KWD", "KYD",
    "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT",
    "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MZN", "NAD", "NIO", "NPR", "NZD", "OMR", "PAB",
    "PGK", "PKR", "PYG", "QAR", "RSD", "RUB", "RWF", "SCR", "SDG", "SLE", "SRD", "SSP", "SYP",
    "SZL", "TJS", "TMT", "TND", "TRY", "TTD", "TZS", "UAH", "UGX", "UYU", "UZS", "VES", "XAF",
    "XCD", "XOF", "YER", "ZMW", "ZWL",
))  # fmt: skip


def unlisted_currency_hint(word: str) -> str | None:
    """What to do with ``word`` when it is the code of such a currency ("EGP"), else None."""
    if word not in UNLISTED_CURRENCY_CODES:
        return None
    return (
        f"{word!r} is the ISO 4217 code of a currency the unit registry lacks: convert the "
        "amount to a listed currency (USD, EUR, CNY...) yourself, or add the currency to "
        f"idcforecast/units/units.txt (and its rates with use_fx_rates); without {word!r} "
        "the amount would be a count, not money"
    )
