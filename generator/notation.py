"""Dutch legal notation: amounts, dates, percentages, terms in words and figures, enumerations.

The adapter for babel and num2words; nothing else formats numbers or dates for users.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

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


def na_maanden(value: dt.date, months: int) -> dt.date:
    """The same day `months` later; a day the month lacks becomes its last day (31 augustus + 6 → 28/29 februari)."""
    index = value.year * 12 + value.month - 1 + months
    year, month = divmod(index, 12)
    return value.replace(year=year, month=month + 1, day=min(value.day, calendar.monthrange(year, month + 1)[1]))


def in_woorden(value: int) -> str:
    """'tweeduizend zevenentwintig': written together up to a thousand, a space after duizend."""
    from num2words import num2words  # imports every language it knows: only when a number is written

    return _AFTER_THOUSAND.sub("duizend ", num2words(value, lang="nl"))


_AFTER_THOUSAND = re.compile(r"duizend(?=\S)")


def termijn(count: int, enkelvoud: str, meervoud: str) -> str:
    """'twaalf (12) maanden', 'één (1) maand'."""
    noun = enkelvoud if count == 1 else meervoud
    return f"{in_woorden(count)} ({count}) {noun}"


def aantal(count: int) -> str:
    """'drie (3)', 'vierduizend zeshonderd (4.600)'."""
    return f"{in_woorden(count)} ({getal(count)})"


# Notarial notation (Wna art. 41 lid 1 sub d: quantities and dates in words, figures may follow).
def procent_akte(value: float) -> str:
    """'tachtig procent (80%)', 'drie komma vijf procent (3,5%)'."""
    return f"{_words(value)} procent ({procent(value)})"


def bedrag_akte(amount: float) -> str:
    """'honderdvijftigduizend euro (EUR 150.000,00)', 'één euro (EUR 1,00)'."""
    cents = round(amount * 100)
    euros, rest = divmod(cents, 100)
    cent_words = f"{in_woorden(rest)} cent"
    words = cent_words if not euros else f"{in_woorden(euros)} euro" + (f" en {cent_words}" if rest else "")
    figure = format_decimal(cents / 100, format="#,##0.00", locale=LOCALE)
    return f"{words} (EUR {figure})"


def datum_akte(value: dt.date) -> str:
    """'één januari tweeduizend zevenentwintig'."""
    month = format_date(value, "MMMM", locale=LOCALE)
    return f"{in_woorden(value.day)} {month} {in_woorden(value.year)}"


def _words(value: float) -> str:
    """A whole number in words, or 'drie komma vijf' for a decimal (as the figure is written)."""
    if float(value).is_integer():
        return in_woorden(int(value))
    whole, _, decimals = getal(value).partition(",")
    return f"{in_woorden(int(whole.replace('.', '')))} komma {' '.join(in_woorden(int(d)) for d in decimals)}"


def opsomming(items: Iterable[str], voegwoord: str = "en") -> str:
    """'a, b en c'."""
    values = list(items)
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    return f"{', '.join(values[:-1])} {voegwoord} {values[-1]}"
