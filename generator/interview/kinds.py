"""Question kinds (`soort`): how typed text becomes a candidate value, and how values are shown.

Parsing only converts input ("26.100.000" -> 26100000, "Tiel, Culemborg" -> a list); whether
the value is acceptable is decided by the answers file's own validation, never here.
"""

from __future__ import annotations

import re
from typing import Any

from generator.adapters.asking import Option, PromptKind
from generator.interview.questionnaire import Question

PROMPT_KIND: dict[str, PromptKind] = {
    "tekst": "text", "getal": "text", "datum": "text", "lijst": "text", "toeslagen": "text",
    "keuze": "select", "meerkeuze": "checkbox", "janee": "select", "ventielen": "checkbox",
    "partner": "select",
}
JA_NEE = (Option("ja", True), Option("nee", False))
NOT_GIVEN = "niet ingevuld"

_THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?")
_COMMA_DECIMAL = re.compile(r"-?\d+,\d+")
_DUTCH_DATE = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")
_SURCHARGE = re.compile(r"^(.*?)[\s:=]+(€?\s*\d[\d.,]*)$")


def parse_number(raw: str) -> Any:
    """'26.100.000' / '€ 26100000' / '3,5' / '3.5' -> a number; anything else unchanged."""
    text = raw.strip()
    if not text:
        return None
    if any(c.isdigit() and not "0" <= c <= "9" for c in text):
        return text  # float() would read other scripts' digits; the validator refuses them in Dutch
    compact = text.replace("€", "").replace("%", "").replace(" ", "")
    if _THOUSANDS.fullmatch(compact):
        compact = compact.replace(".", "").replace(",", ".")
    elif _COMMA_DECIMAL.fullmatch(compact):
        compact = compact.replace(",", ".")
    try:
        number = float(compact)
    except ValueError:
        return text
    return int(number) if number.is_integer() else number


def parse_date(raw: str) -> Any:
    """'1-1-2027' becomes '2027-01-01'; ISO dates and anything else pass unchanged."""
    text = raw.strip()
    found = _DUTCH_DATE.fullmatch(text)
    if found:
        day, month, year = found.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return text or None


def parse_list(raw: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", raw) if part.strip()]


def parse_surcharges(raw: str) -> Any:
    """'inrichting 400000; transformatie 600.000' -> {inrichting: 400000, transformatie: 600000}."""
    text = raw.strip()
    if not text:
        return {}
    result: dict[str, Any] = {}
    for item in re.split(r";" if ";" in text else r",", text):
        found = _SURCHARGE.match(item.strip())
        if not found:
            return text  # refused by validation with the contract's message
        result[found.group(1).strip()] = parse_number(found.group(2))
    return result


def parse(q: Question, raw: Any) -> Any:
    """The candidate value for a raw answer (text for text prompts, values otherwise)."""
    if PROMPT_KIND[q.soort] != "text":
        return raw
    raw = str(raw)
    if not raw.strip() and q.nullable:
        return None
    if q.soort == "getal":
        return parse_number(raw)
    if q.soort == "datum":
        return parse_date(raw)
    if q.soort == "lijst":
        return parse_list(raw)
    if q.soort == "toeslagen":
        return parse_surcharges(raw)
    if q.key == "kvk":  # typed as on the KvK extract: '4117 8459' or '41.17.84.59'
        return re.sub(r"[\s.]", "", raw)
    return raw.strip()


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",") if isinstance(value, float) else str(value)


def show(q: Question, value: Any) -> str:
    """A stored value as the editable default of a text prompt."""
    if value is None:
        return ""
    if q.soort == "getal" and isinstance(value, int | float) and not isinstance(value, bool):
        return number_text(value)
    if q.soort == "lijst" and isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if q.soort == "toeslagen" and isinstance(value, dict):
        return "; ".join(f"{k} {number_text(v)}" for k, v in value.items())
    return str(value)


def options(q: Question, partners: list[dict[str, Any]]) -> tuple[Option, ...]:
    if q.soort == "janee":
        return JA_NEE
    if q.soort == "partner":
        return tuple(Option(str(p.get("naam", f"partner {i + 1}")), i) for i, p in enumerate(partners))
    if q.soort == "ventielen":
        from generator.answers.vocabulary import VENTIELEN

        return tuple(Option(title, value) for value, title in VENTIELEN.items())
    return tuple(Option(title, value) for value, title in (q.keuzes or {}).items())


def display(q: Question, value: Any, partners: list[dict[str, Any]]) -> str:
    """A stored value in plain Dutch, for the review screen."""
    from generator import notation
    from generator.answers.vocabulary import VENTIELEN

    if value is None or value == "":
        return NOT_GIVEN
    if q.soort == "janee":
        return "ja" if value is True else "nee" if value is False else str(value)
    if q.soort == "partner":
        return str(partners[value].get("naam")) if isinstance(value, int) and value < len(partners) else str(value)
    if q.soort in ("keuze", "meerkeuze"):
        values = value if isinstance(value, list) else [value]
        titles = [(q.keuzes or {}).get(v, str(v)) for v in values]
        return "; ".join(titles) if titles else "geen"
    if q.soort == "ventielen" and isinstance(value, list):
        parts = [VENTIELEN.get(str(v.get("soort")), str(v.get("soort")))
                 + (f" (drempel {notation.procent(v['drempel'])})" if v.get("drempel") is not None else "")
                 for v in value if isinstance(v, dict)]
        return ", ".join(parts) if parts else "geen"
    if q.soort == "toeslagen" and isinstance(value, dict):
        return ", ".join(f"{k} {_amount(v)}" for k, v in value.items()) or "geen"
    if q.soort == "getal" and isinstance(value, int | float) and not isinstance(value, bool):
        return _with_unit(q.eenheid, value)
    if q.soort == "datum" and hasattr(value, "year"):
        return notation.datum(value)
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)


def _amount(value: Any) -> str:
    from generator import notation

    return notation.bedrag(value) if isinstance(value, int | float) else str(value)


def _with_unit(eenheid: str | None, value: float) -> str:
    from generator import notation

    if eenheid == "euro":
        return notation.bedrag(value)
    if eenheid == "procent":
        return notation.procent(value)
    return f"{number_text(value)} {eenheid}" if eenheid else number_text(value)
