"""Field types of the answers model, each with its Dutch refusal message.

Every scalar is checked by a BeforeValidator that raises a PydanticCustomError in Dutch, so
the messages users see are written here rather than translated from pydantic's English.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Callable, Iterable
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator
from pydantic_core import PydanticCustomError

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ue000-\uf8ff\ufffe\uffff]")
MAX_TEXT = 300


def _fail(message: str) -> PydanticCustomError:
    return PydanticCustomError("nl", message)


def spelled(value: Any) -> str:
    """A value as the user wrote it in YAML, for messages: never Python's None/True, control
    characters escaped, long text shortened."""
    from generator.errors import escape_controls

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    text = value if isinstance(value, str) else str(value)
    return escape_controls(text if len(text) <= 80 else text[:79] + "…")


def closest(value: str, options: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(value, list(options), n=1, cutoff=0.6)
    return found[0] if found else None


def _as_text(value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _fail("verwacht een tekst")
    text = str(value).strip()
    if not text:
        raise _fail("mag niet leeg zijn")
    if "\n" in text or "\r" in text:
        raise _fail("moet op één regel staan")
    if _CONTROL.search(text):
        raise _fail("bevat een stuurteken; verwijder het")
    if len(text) > MAX_TEXT:
        raise _fail(f"is te lang (maximaal {MAX_TEXT} tekens)")
    return text


def _as_kvk(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        refuse_other_digits(value)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{8}", value.strip()):
        raise _fail("moet een KvK-nummer van precies 8 cijfers zijn, tussen aanhalingstekens: \"01234567\"")
    return value.strip()


def refuse_other_digits(text: str) -> None:
    """Digits from other scripts (Arabic-Indic, fullwidth, ...) are refused rather than read as 0-9:
    a KvK number or an amount is copied into legal documents exactly as the reader sees it."""
    if any(ch.isdigit() and not "0" <= ch <= "9" for ch in text):
        raise _fail("bevat cijfers uit een ander schrift; schrijf de gewone cijfers 0-9")


MAX_NUMBER = 10**12  # a trillion euros: anything larger is a typo, and breaks notation
SMALLEST_NUMBER = 1e-6  # below this (but not 0) a number cannot be written in the documents
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
MAX_DIGITS = 30  # longer digit strings are refused before int() or float() (Python caps int at 4300 digits)


def _as_number(value: Any) -> float | int:
    if isinstance(value, bool):
        raise _fail("verwacht een getal, geen ja/nee")
    if isinstance(value, str):
        refuse_other_digits(value)
    if isinstance(value, str) and _PLAIN_NUMBER.fullmatch(value.strip()):
        text = value.strip()
        if len(text) > MAX_DIGITS:
            raise _fail("is onwaarschijnlijk groot of lang; controleer het getal")
        value = float(text) if any(c in text for c in ".eE") else int(text)
    if isinstance(value, int | float):
        return checked_magnitude(value)
    if isinstance(value, str) and re.fullmatch(r"\s*€?\s*[\d.]+(,\d+)?\s*", value):
        raise _fail("schrijf een getal zonder punten, komma's of euroteken, bijvoorbeeld 26100000 of 3.5")
    raise _fail("verwacht een getal")


def checked_magnitude(value: float | int) -> float | int:
    """A finite number the documents can write: at most MAX_NUMBER, and not so close to 0 that its
    notation breaks. Integers are compared before any float conversion (a 400-digit int overflows)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise _fail("verwacht een gewoon getal (geen oneindig of NaN)")
    if abs(value) > MAX_NUMBER:
        raise _fail("is onwaarschijnlijk groot; controleer het getal")
    if 0 < abs(value) < SMALLEST_NUMBER:
        raise _fail("is onwaarschijnlijk klein; controleer het getal")
    return value


def _as_whole(value: Any) -> int:
    number = _as_number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise _fail("verwacht een geheel getal")
        number = int(number)
    return number


_TRUE = {"true", "ja", "yes", "waar", "j", "y"}
_FALSE = {"false", "nee", "no", "onwaar", "n"}


def _as_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().lower()
        if word in _TRUE:
            return True
        if word in _FALSE:
            return False
    raise _fail("verwacht ja of nee (of true/false)")


FIRST_YEAR, LAST_YEAR = 2000, 2100


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        raise _fail("verwacht alleen een datum (JJJJ-MM-DD), zonder tijd")
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value.strip()):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _fail(f"'{value.strip()}' is geen bestaande datum") from None
    if isinstance(value, dt.date):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise _fail(f"moet tussen {FIRST_YEAR} en {LAST_YEAR} liggen")
        return value
    raise _fail("verwacht een datum als JJJJ-MM-DD, bijvoorbeeld 2027-01-01")


def _range(low: float | None, high: float | None, *, low_open: bool = False) -> Callable[[float], float]:
    def check(value: float) -> float:
        if low is not None and (value <= low if low_open else value < low):
            raise _fail(_range_text(low, high, low_open))
        if high is not None and value > high:
            raise _fail(_range_text(low, high, low_open))
        return value

    return check


def _fmt(x: float) -> str:
    return f"{x:g}"


def _range_text(low: float | None, high: float | None, low_open: bool) -> str:
    if low is not None and high is not None:
        return f"moet tussen {_fmt(low)} en {_fmt(high)} liggen" + (
            f" (groter dan {_fmt(low)})" if low_open else ""
        )
    if low is not None:
        return f"moet groter dan {_fmt(low)} zijn" if low_open else f"moet ten minste {_fmt(low)} zijn"
    assert high is not None  # a range has at least one end
    return f"mag hoogstens {_fmt(high)} zijn"


class ChoiceCheck:
    """The validator of a closed set of values; it keeps the set, so that the library's proof of
    alternatives can try every value."""

    def __init__(self, options: tuple[str, ...]) -> None:
        self.options = options

    def __call__(self, value: Any) -> str:
        if isinstance(value, str) and value.strip() in self.options:
            return value.strip()
        shown = ", ".join(self.options)
        if value is None:
            raise _fail(f"is leeg; kies uit: {shown}")
        hint = closest(str(value), self.options) if isinstance(value, str) else None
        tip = f"; bedoelt u '{hint}'?" if hint else ""
        raise _fail(f"'{spelled(value)}' is geen geldige keuze; kies uit: {shown}{tip}")


def _choice_validator(options: tuple[str, ...]) -> Callable[[Any], str]:
    return ChoiceCheck(options)


def choices_in(metadata: Iterable[Any]) -> tuple[str, ...] | None:
    """The closed set of values a field's validators allow, if it has one."""
    for item in metadata:
        if isinstance(item, BeforeValidator) and isinstance(item.func, ChoiceCheck):
            return item.func.options
    return None


def one_of(options: dict[str, str] | tuple[str, ...]) -> BeforeValidator:
    """A closed set of values, refused with the list of what is accepted and the nearest one."""
    return BeforeValidator(_choice_validator(tuple(options)))


def list_of(options: dict[str, str] | tuple[str, ...]) -> BeforeValidator:
    """A list of distinct values from a closed set."""
    keys = tuple(options)
    single = _choice_validator(keys)

    def check(value: Any) -> list[str]:
        if not isinstance(value, list):
            raise _fail(f"verwacht een lijst, bijvoorbeeld [{', '.join(keys[:2])}]")
        seen: list[str] = []
        for item in value:
            chosen = single(item)
            if chosen in seen:
                raise _fail(f"'{chosen}' staat twee keer in de lijst")
            seen.append(chosen)
        return seen

    return BeforeValidator(check)


def between(low: float | None, high: float | None, *, low_open: bool = False) -> AfterValidator:
    """A number in a range; `low_open` excludes the low end itself."""
    return AfterValidator(_range(low, high, low_open=low_open))


AS_NUMBER = BeforeValidator(_as_number)
AS_WHOLE = BeforeValidator(_as_whole)


Text = Annotated[str, BeforeValidator(_as_text)]
Kvk = Annotated[str, BeforeValidator(_as_kvk)]
Bool = Annotated[bool, BeforeValidator(_as_bool)]
Date = Annotated[dt.date, BeforeValidator(_as_date)]
Amount = Annotated[float | int, AS_NUMBER, between(0, None)]
PositiveAmount = Annotated[float | int, AS_NUMBER, between(0, None, low_open=True)]
Percentage = Annotated[float | int, AS_NUMBER, between(0, 100)]


def _as_text_list(value: Any) -> list[str]:
    if isinstance(value, str):
        raise _fail("verwacht een lijst, bijvoorbeeld [Tiel, Culemborg]")
    if not isinstance(value, list):
        raise _fail("verwacht een lijst")
    items = []
    for item in value:
        text = _as_text(item)
        if text in items:
            raise _fail(f"'{text}' staat twee keer in de lijst")
        items.append(text)
    if not items:
        raise _fail("moet ten minste één waarde bevatten")
    return items


TextList = Annotated[list[str], BeforeValidator(_as_text_list)]


def _as_amount_map(value: Any) -> dict[str, float | int]:
    if not isinstance(value, dict):
        raise _fail("verwacht per toeslag een naam en een bedrag, bijvoorbeeld {inrichting: 400000}")
    result: dict[str, float | int] = {}
    for key, amount in value.items():
        name = _as_text(key)
        try:
            number = _range(0, None)(_as_number(amount))
        except PydanticCustomError as exc:
            raise _fail(f"toeslag '{name}': {exc.message()}") from None
        result[name] = number
    return result


AmountMap = Annotated[dict[str, float | int], BeforeValidator(_as_amount_map)]
