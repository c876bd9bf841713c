"""The partners: a repeating group the user fills one partner at a time, then edits in a menu.

The menu shows every partner and the running total of the shares; the user adds, edits or
removes partners, and leaves the group once the answers file's partner rules are met (at
least two partners, valid fields, unique names, shares adding up to 100).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from generator.adapters.asking import BACK, DONE, Option, Prompt
from generator.answers.load import MIN_PARTNERS, validate_field
from generator.answers.vocabulary import PARTNER_VORMEN
from generator.errors import Problem
from generator.interview import kinds
from generator.interview.host import Host
from generator.interview.questionnaire import REPEATING, Question
from generator.interview.state import AnswerState, step_for_pad
from generator.interview.wording import message

MENU = ("menu",)
ADD, READY, EDIT, REMOVE = "toevoegen", "klaar", "wijzig", "verwijder"


def share_total(partners: list[dict[str, Any]]) -> float:
    return sum(float(p["aandeel"]) for p in partners
               if isinstance(p.get("aandeel"), int | float) and not isinstance(p.get("aandeel"), bool))


def partner_lines(state: AnswerState) -> list[str]:
    """One line per partner and the running total of the shares."""
    from generator.notation import getal

    lines = []
    for i, p in enumerate(state.partners, 1):
        vorm = PARTNER_VORMEN.get(str(p.get("rechtsvorm")), p.get("rechtsvorm") or "rechtsvorm onbekend")
        share = p.get("aandeel")
        share_text = f"{getal(share)}%" if isinstance(share, int | float) else "aandeel nog onbekend"
        extra = ", penvoerder" if p.get("penvoerder") is True else ""
        lines.append(f"   {i}. {p.get('naam', '(naam onbekend)')} ({vorm}) — {share_text}{extra}")
    total = share_total(state.partners)
    rest = 100 - total
    tail = f"nog {getal(rest)}% te verdelen" if rest > 0 else "dat is te veel" if rest < 0 else "precies goed"
    lines.append(f"   Samen: {getal(total)}% van 100% ({tail})")
    return lines


class PartnerGroup:
    def __init__(self, engine: Host):
        self.e = engine
        self.fields: tuple[Question, ...] = engine.questionnaire.section(REPEATING).vragen

    @property
    def state(self) -> AnswerState:
        return self.e.state

    # -- state ---------------------------------------------------------------------------
    def problems(self) -> list[Problem]:
        return [p for p in self.state.problems() if step_for_pad(p.pad, self.e.questions) == REPEATING]

    def first_open(self, i: int) -> int | None:
        """The first field of partner `i` that is absent or invalid."""
        partner = self.state.partners[i]
        bad = {p.pad for p in self.state.problems()}
        for f, q in enumerate(self.fields):
            absent = q.key not in partner and not self.e.settled  # a valid file's gaps are open points
            if (absent or (q.key in partner and validate_field(REPEATING, q.key, partner[q.key])[1])
                    or f"partners[{i}].{q.key}" in bad):
                return f
        return None

    def _incomplete(self) -> int | None:
        return next((i for i in range(len(self.state.partners)) if self.first_open(i) is not None), None)

    def pending(self) -> bool:
        return (len(self.state.partners) < MIN_PARTNERS or self._incomplete() is not None
                or bool(self.problems()))

    # -- flow ------------------------------------------------------------------------------
    def run(self) -> Any:
        """Fill and edit partners; return DONE, or BACK from the first field of the first partner."""
        where: Any = self._resume_point(linear=True)
        while where is not BACK and where != DONE:
            where = self._menu() if where == MENU else self._form(*where[1:])
        return where

    def _resume_point(self, linear: bool) -> Any:
        partners = self.state.partners
        if not partners:
            return ("form", 0, 0, True)
        i = self._incomplete()
        if i is not None:
            return ("form", i, self.first_open(i), linear)
        if linear and len(partners) < MIN_PARTNERS:
            return ("form", len(partners), 0, True)
        return MENU

    def _form(self, i: int, f: int, linear: bool) -> Any:
        while f < len(self.fields):
            if self._ask_field(i, self.fields[f]) is BACK:
                if f > 0:
                    f -= 1
                    continue
                if not linear:
                    return MENU
                return BACK if i == 0 else ("form", i - 1, len(self.fields) - 1, True)
            f += 1
        return self._resume_point(linear)

    def _menu(self) -> Any:
        partners = self.state.partners
        self.e.asker.say("\n".join(["Partners:", *partner_lines(self.state)]), "info")
        problems = self.problems()
        for problem in problems:  # the total and the count are in the lines above already
            if problem.pad not in ("partners[].aandeel", REPEATING):
                self.e.asker.say(f"Let op: {self.e.reword(str(problem))}", "error")
        choice = self.e.asker.ask(self._menu_prompt(problems))
        if choice is BACK:
            return ("form", len(partners) - 1, len(self.fields) - 1, True) if partners else BACK
        if choice == READY:
            return DONE if not self.pending() else MENU
        if choice == ADD:
            return ("form", len(partners), 0, False)
        action, i = choice
        if action == EDIT:
            return ("form", i, 0, False)
        self._remove(i)
        return self._resume_point(linear=True) if len(self.state.partners) == 0 else MENU

    def _menu_prompt(self, problems: list[Problem]) -> Prompt:
        partners = self.state.partners
        ready = not self.pending()
        reason = None if ready else (str(problems[0]) if problems else "vul eerst alle partners aan")
        done = Option("Klaar met de partners, ga verder", READY, disabled=reason)
        names = [p.get("naam", f"partner {i + 1}") for i, p in enumerate(partners)]
        edits = [Option(f"Wijzig {name}", (EDIT, i)) for i, name in enumerate(names)]
        removes = [Option(f"Verwijder {name}", (REMOVE, i)) for i, name in enumerate(names)]
        add = Option("Voeg een partner toe", ADD)
        options = [done, add, *edits, *removes] if ready else [add, *edits, *removes, done]
        default = READY if ready else ADD if share_total(partners) < 100 else (EDIT, 0)
        return Prompt(key=REPEATING, kind="select", options=tuple(options), default=default,
                      message=f"{len(partners)} partners, samen {kinds.number_text(share_total(partners))}%. "
                              "Wat wilt u doen?")

    def _remove(self, i: int) -> None:
        name = self.state.partners[i].get("naam", f"partner {i + 1}")
        sure = self.e.asker.ask(Prompt(
            key=f"{REPEATING}.verwijder", kind="select", message=f"{name} verwijderen?", default=False,
            options=(Option(f"Ja, verwijder {name}", True), Option("Nee, behouden", False))))
        if sure is True:
            self.state.remove_partner(i)
            self.e.save()

    # -- one field of one partner -------------------------------------------------------------
    def _ask_field(self, i: int, q: Question) -> Any:
        partner = self.state.partners[i] if i < len(self.state.partners) else {}
        if i == 0:  # the same help for every later partner would only be noise
            self.e.asker.say(q.hulp, "help")
        stored_bad = q.key in partner and self._field_errors(i, q.key, partner[q.key])
        if stored_bad:
            reason = self.e.reword(stored_bad)
            self.e.asker.say(f"Uw opgeslagen antwoord ({partner[q.key]}) is niet (meer) geldig: "
                             f"{reason[:1].lower()}{reason[1:]}. Geef een nieuw antwoord.", "error")
        value = self.e.ask_until_valid(self._prompt(i, q, partner))
        if value is BACK:
            return BACK
        self.state.put_partner(i, q.key, value)
        self.e.save()
        return DONE

    def _prompt(self, i: int, q: Question, partner: dict[str, Any]) -> Prompt:
        kind = kinds.PROMPT_KIND[q.soort]
        others = [p for j, p in enumerate(self.state.partners) if j != i]
        placed = share_total(others)
        text = q.vraag.replace("{naam}", str(partner.get("naam", "deze partner"))).replace(
            "{verdeeld}", f"(de andere partners hebben samen {kinds.number_text(placed)}%)" if others else "")
        value = partner.get(q.key, self.e.default_for(q))
        if q.key == "aandeel" and value is None and others and 100 - placed > 0:
            value = 100 - placed
        convert = self._convert(i, q)
        if kind == "text":
            return Prompt(key=f"partners[{i}].{q.key}", kind="text", message=text.strip(),
                          default=kinds.show(q, value), hint="leeg laten mag" if q.nullable else "",
                          convert=convert)
        options = kinds.options(q, self.state.partners)
        values = [o.value for o in options]
        return Prompt(key=f"partners[{i}].{q.key}", kind=kind, message=text.strip(), options=options,
                      default=value if value in values else values[0], convert=convert)

    def _convert(self, i: int, q: Question) -> Callable[[Any], tuple[Any, str | None]]:
        def convert(raw: Any) -> tuple[Any, str | None]:
            candidate = kinds.parse(q, raw)
            value, problems = validate_field(REPEATING, q.key, candidate)
            if problems:

                return None, self.e.reword(message([p.bericht for p in problems]))
            error = self._field_errors(i, q.key, value)
            return (None, self.e.reword(error)) if error else (value, None)

        return convert

    def _field_errors(self, i: int, key: str, value: Any) -> str | None:
        """Problems of the answers file at this partner's field if `value` were stored; for the
        name, also a clash it would cause with another partner's name."""
        trial = self.state.copy()
        trial.put_partner(i, key, value)
        before = set(self.state.problems())
        mine = [p.bericht for p in trial.problems()
                if p.pad == f"partners[{i}].{key}"
                or (key == "naam" and p.pad.endswith("].naam") and p not in before)]
        return message(mine) if mine else None
