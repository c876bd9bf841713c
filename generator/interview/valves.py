"""The risk valves question: a checkbox of valve kinds, then a threshold for volume-type valves.

One answer (`risicoventielen.ventielen`) asked in several prompts; the back key moves
between them, and from the checkbox to the previous question.
"""

from __future__ import annotations

from typing import Any

from generator.adapters.asking import BACK, DONE, Prompt
from generator.answers.load import validate_field
from generator.answers.vocabulary import VENTIELEN, VENTIELEN_MET_DREMPEL
from generator.interview import kinds
from generator.interview.host import Host
from generator.interview.questionnaire import Question
from generator.interview.wording import message


def ask_valves(engine: Host, q: Question) -> Any:
    engine.introduce(q)
    current = {str(v.get("soort")): v for v in engine.current(q) or [] if isinstance(v, dict)}
    while True:
        chosen = engine.asker.ask(Prompt(key=q.path, kind="checkbox", message=q.vraag,
                                         options=kinds.options(q, engine.state.partners),
                                         default=[s for s in VENTIELEN if s in current]))
        if chosen is BACK:
            return BACK
        chosen = [s for s in VENTIELEN if s in chosen]
        value = _thresholds(engine, q, chosen, current)
        if value is BACK:
            continue
        error = _check(engine, q, value)
        if error is None:
            engine.commit(q, value)
            return DONE
        engine.asker.say(error, "error")
        current = {v["soort"]: v for v in value}


def _thresholds(engine: Host, q: Question, chosen: list[str], current: dict[str, Any]) -> Any:
    """Ask the threshold of each chosen valve that needs one; BACK from the first returns BACK."""
    valves = [{"soort": s, **({"drempel": current[s]["drempel"]} if current.get(s, {}).get("drempel")
                              is not None else {})} for s in chosen]
    needs = [i for i, v in enumerate(valves) if v["soort"] in VENTIELEN_MET_DREMPEL]
    j = 0
    while j < len(needs):
        i = needs[j]
        answer = engine.ask_until_valid(_threshold_prompt(engine, q, valves, i))
        if answer is BACK:
            if j == 0:
                return BACK
            j -= 1
            continue
        valves[i]["drempel"] = answer
        j += 1
    return valves


def _threshold_prompt(engine: Host, q: Question, valves: list[dict[str, Any]], i: int) -> Prompt:
    soort = valves[i]["soort"]

    def convert(raw: Any) -> tuple[Any, str | None]:

        drempel = kinds.parse_number(str(raw))
        trial = [dict(v) for v in valves]
        trial[i]["drempel"] = drempel
        state = engine.state.copy()
        state.put(q, trial)
        mine = [p.bericht for p in state.problems() if p.pad.startswith(f"{q.path}[{i}]")]
        return (None, message(mine)) if mine else (drempel, None)

    drempel = valves[i].get("drempel")
    return Prompt(key=f"{q.path}.{soort}", kind="text",
                  message=f"Drempel voor het ventiel '{VENTIELEN[soort]}': bij welke afwijking "
                          "in % treedt het in werking?",
                  default=kinds.number_text(drempel) if drempel is not None else "", convert=convert)


def _check(engine: Host, q: Question, value: list[dict[str, Any]]) -> str | None:

    problems = validate_field(q.section, q.key, value)[1]
    texts = [p.bericht for p in problems] or engine.trial_problems(q, value)
    return message(texts) if texts else None
