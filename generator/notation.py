"""Dutch legal notation: amounts, dates, percentages, terms in words and figures, enumerations.

The adapter for babel and num2words; nothing else formats numbers or dates for users.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal
from num2words import num2words

LOCALE = "nl_NL"


def bedrag(amount: float) -> str:
    """€ 26.100.000, or € 1.250,50 when there are cents."""
    cents = round(amount * 100) % 100 != 0
    pattern = "¤ #,##0.00" if cents else "¤ #,##0"
    return format_currency(amount, "EUR", format=pattern, locale=LOCALE, currency_digits=False)


def getal(value: float) -> str:
    """26.100.000 or 3,5."""
    return format_decimal(value, locale=LOCALE)


def procent(value: float) -> str:
    """67%, 3,5%."""
    return f"{getal(value)}%"


def datum(value: dt.date) -> str:
    """1 januari 2027."""
    return format_date(value, "d MMMM y", locale=LOCALE)


def in_woorden(value: int) -> str:
    return str(num2words(value, lang="nl"))


def termijn(count: int, enkelvoud: str, meervoud: str) -> str:
    """'twaalf (12) maanden', 'één (1) maand'."""
    noun = enkelvoud if count == 1 else meervoud
    return f"{in_woorden(count)} ({count}) {noun}"


def aantal(count: int) -> str:
    """'drie (3)'."""
    return f"{in_woorden(count)} ({count})"


def opsomming(items: Iterable[str], voegwoord: str = "en") -> str:
    """'a, b en c'."""
    values = list(items)
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    return f"{', '.join(values[:-1])} {voegwoord} {values[-1]}"
