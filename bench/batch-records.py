#!/usr/bin/env python3
"""Writes N seeded random JSON Lines answer sets for `spinecheck batch` (the batch throughput benchmark's input).

Usage: bench/batch-records.py N [SEED] > records.jsonl

Realistic answer sets over the bundled questionnaire: most are complete and calm, some raise flags (emergencies
included), and a few are faulty in the ways a real batch meets: a missing answer, a code the question does not have,
a misspelt question, an age under 16, a broken JSON line, a blank line. The same N and SEED give the same bytes.
Needs Python 3 and PyYAML (Debian: python3-yaml), only to read the questionnaire's questions.
"""
import json
import os
import random
import sys

try:
    import yaml
except ImportError:
    sys.exit("batch-records.py: needs PyYAML to read the questionnaire — apt-get install python3-yaml (or pip install pyyaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
QUESTIONNAIRE = os.path.join(HERE, "..", "questionnaires", "spine-screening.yaml")


def questions(items, outer=()):
    """Every question with the ask-when conditions of its sections and its own."""
    for item in items:
        conditions = outer + ((item["ask_when"],) if item.get("ask_when") else ())
        if "section" in item:
            yield from questions(item["questions"], conditions)
        else:
            yield item, conditions


def holds(condition, answers):
    """The questionnaire's conditions, enough of them for its ask-when: an unanswered question counts as asked."""
    if "all" in condition:
        return all(holds(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers)
    given = answers.get(condition["question"])
    if given is None:
        return True
    if "equals" in condition:
        return given == condition["equals"] or given is (condition["equals"] == "yes")
    if "has" in condition:
        return condition["has"] in given
    if "below" in condition:
        return given < condition["below"]
    if "at_least" in condition:
        return given >= condition["at_least"]
    return True


def codes(question):
    if question["type"] == "yes_no":
        return ["no", "yes"]
    return [str(o["code"]) for o in question["options"]]


def answer(rng, question, alarming):
    kind = question["type"]
    if kind == "integer":
        lo, hi = question["min"], question["max"]
        if question["question"] == "age":
            return rng.randint(16, 90)
        return rng.randint(lo, hi)
    options = codes(question)
    if kind == "multi":
        # The first option is the calm one ("none", or the first place); sometimes a few are chosen.
        if not alarming and rng.random() < 0.7:
            return [options[0]]
        free = [str(o["code"]) for o in question["options"] if not o.get("exclusive")]
        return sorted(rng.sample(free, rng.randint(1, min(3, len(free)))), key=options.index)
    if not alarming or rng.random() < 0.85:
        value = options[0]
    else:
        value = rng.choice(options)
    if kind == "yes_no" and rng.random() < 0.2:
        return value == "yes"  # JSON true/false is read as yes/no
    return value


def record(rng, qs, n):
    alarming = rng.random() < 0.25
    answers = {}
    for q, conditions in qs:
        # The questions the walk asks; now and then one it does not ask (reported back as not_asked).
        if all(holds(c, answers) for c in conditions) or rng.random() < 0.05:
            answers[q["question"]] = answer(rng, q, alarming)
    line = {"questionnaire": "spine-screening", "record": "bench-%07d" % n}
    if rng.random() < 0.3:
        line["saved_at"] = "2026-11-%02dT%02d:%02d:00Z" % (rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59))
    fault = rng.random()
    if fault < 0.02:
        del answers[rng.choice(list(answers))]  # a missing answer (an error unless the walk never asks it)
    elif fault < 0.03:
        q = rng.choice([q for q, _ in qs if q["type"] == "choice"])
        answers[q["question"]] = "maybe"  # a code the question does not have
    elif fault < 0.035:
        answers["nigth_pain"] = "no"  # a misspelt question
    elif fault < 0.04:
        answers["age"] = rng.randint(10, 15)  # out of scope
    elif fault < 0.045:
        answers["age"] = str(answers["age"])  # a quoted number
    line["answers"] = answers
    text = json.dumps(line, separators=(",", ":") if rng.random() < 0.5 else (", ", ": "))
    if fault > 0.998:
        text = text[: len(text) // 2]  # a line cut short
    elif fault > 0.997:
        text = ""  # a blank line
    return text


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: batch-records.py N [SEED] > records.jsonl")
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
    with open(QUESTIONNAIRE, encoding="utf-8") as f:
        qs = list(questions(yaml.safe_load(f)["questions"]))
    out = sys.stdout
    for i in range(1, n + 1):
        out.write(record(rng, qs, i))
        out.write("\n")


if __name__ == "__main__":
    main()
