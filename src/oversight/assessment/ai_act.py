"""Classify a described deployment under the EU AI Act (Regulation (EU) 2024/1689).

Each rule is a condition over the description in three-valued logic: True (the facts establish
it), False (the facts rule it out) or None (a fact it needs is unknown). The class is the most
severe one the known facts establish; rules that stay None become open questions, and the most
severe class they could lead to is reported as `could_be`. Nothing unknown is guessed.
Wording (article summaries, obligations, scope) comes from framework.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from oversight.assessment.criteria import framework
from oversight.assessment.model import AssessmentInput

Tri = bool | None
CLASSES = ("minimal_risk", "limited_risk", "high_risk", "prohibited")
SEVERITY = {name: rank for rank, name in enumerate(CLASSES)}
EXCEPTIONS = ("victim_search", "imminent_threat", "serious_crime_suspect")
PEOPLE_USES = ("identification", "verification", "categorisation", "emotion_recognition")


def _all(*values: Tri) -> Tri:
    if any(v is False for v in values):
        return False
    return True if all(v is True for v in values) else None


def _any(*values: Tri) -> Tri:
    if any(v is True for v in values):
        return True
    return False if all(v is False for v in values) else None


def _not(value: Tri) -> Tri:
    return None if value is None else not value


def _use(d: AssessmentInput, use: str) -> Tri:
    if d.uses is None:
        return None
    if use in d.uses:
        return True
    return None if d.uses_partial else False


def _is(value: str, *wanted: str) -> Tri:
    return None if value == "unknown" else value in wanted


@dataclass
class Rule:
    when: Tri
    cls: str
    articles: list[str]
    why: str
    ask: str = ""  # the open question when `when` is None
    obligations: list[str] = field(default_factory=list)
    # How many of the rule's conditions the facts already establish: the open question closest to
    # being settled leads the headline.
    established: int = 0
    condition: str = ""  # the open question in a few words, for the headline


def _real_time_rbi(d: AssessmentInput) -> Iterator[Rule]:
    police, ident = _is(d.purpose, "law_enforcement"), _use(d, "identification")
    facts = (police, ident, d.biometric, d.remote, d.real_time, d.publicly_accessible_space)
    base = _all(*facts)
    exceptions = framework()["ai_act"]["exceptions_5_1_h"]
    excepted = _all(_is(d.exception, *EXCEPTIONS), _is(d.authorisation, "judicial", "administrative"))
    if d.exception in EXCEPTIONS and d.authorisation == "none":
        why = (f"Real-time remote biometric identification in publicly accessible spaces for law "
               f"enforcement relies on the exception {exceptions[d.exception]}, but without the prior "
               "authorisation of Art. 5(3) (or, in urgency, a request within 24 hours) the exception "
               "cannot be relied on: prohibited")
    else:
        why = ("Real-time remote biometric identification in publicly accessible spaces for law "
               "enforcement, under none of the narrow exceptions of Art. 5(1)(h)(i)-(iii): prohibited")
    yield Rule(_all(base, _not(excepted)), "prohibited", ["Art. 5(1)(h)"], why,
               "prohibited under Art. 5(1)(h) if police identify people remotely, in real time, in "
               "publicly accessible spaces without one of the three exceptions and prior authorisation",
               ["prohibited"], established=sum(f is True for f in facts),
               condition="if used in real time without one of the exceptions of Art. 5(1)(h) and "
               "prior authorisation")
    if excepted:
        label = exceptions[d.exception]
        yield Rule(base, "high_risk",
                   [f"Art. 5(1)(h)({('i', 'ii', 'iii')[EXCEPTIONS.index(d.exception)]})",
                    "Art. 5(2)-(7)", "Annex III 1(a)"],
                   f"Real-time remote biometric identification for law enforcement under the exception "
                   f"{label}, with prior {d.authorisation} authorisation (Art. 5(3)): permitted only "
                   "under the conditions of Art. 5(2)-(7), and high-risk under Annex III 1(a)",
                   obligations=["rbi_exception", "high_risk_provider", "high_risk_deployer"])


def _rules(d: AssessmentInput) -> Iterator[Rule]:
    police = _is(d.purpose, "law_enforcement")
    ident, categ = _use(d, "identification"), _use(d, "categorisation")
    emotion, predict = _use(d, "emotion_recognition"), _use(d, "crime_prediction")
    high = ["high_risk_provider", "high_risk_deployer"]

    yield Rule(_use(d, "scoring"), "prohibited", ["Art. 5(1)(c)"],
               "It scores or classifies people by social behaviour or personal traits: social "
               "scoring, prohibited by Art. 5(1)(c)",
               "prohibited under Art. 5(1)(c) if it scores people by social behaviour or personal traits",
               ["prohibited"])
    yield Rule(_all(predict, _is(d.prediction_basis, "profiling")), "prohibited", ["Art. 5(1)(d)"],
               "It predicts whether individuals will commit crimes based solely on profiling or "
               "personality traits: prohibited by Art. 5(1)(d)",
               "prohibited under Art. 5(1)(d) if crime predictions about individuals rest solely on "
               "profiling or personality traits", ["prohibited"])
    yield Rule(_use(d, "scraping"), "prohibited", ["Art. 5(1)(e)"],
               "It builds or expands a facial recognition database by untargeted scraping of facial "
               "images from the internet or CCTV footage: prohibited by Art. 5(1)(e)",
               "prohibited under Art. 5(1)(e) if it scrapes facial images untargeted", ["prohibited"])
    yield Rule(_all(emotion, _is(d.purpose, "workplace", "education")), "prohibited", ["Art. 5(1)(f)"],
               "It infers emotions of people at work or in education: prohibited by Art. 5(1)(f), "
               "unless for medical or safety reasons, which this form does not record",
               "prohibited under Art. 5(1)(f) if it infers emotions at work or in education",
               ["prohibited"])
    yield Rule(_all(categ, d.biometric, _is(d.categorisation_attributes, "sensitive")), "prohibited",
               ["Art. 5(1)(g)"],
               "It categorises people from biometric data to infer sensitive attributes (such as race, "
               "political opinions or sexual orientation): prohibited by Art. 5(1)(g)",
               "prohibited under Art. 5(1)(g) if the biometric categories infer race, political "
               "opinions, trade-union membership, religion or beliefs, sex life or sexual orientation",
               ["prohibited"])
    yield from _real_time_rbi(d)

    yield Rule(_all(ident, d.biometric, d.remote), "high_risk", ["Annex III 1(a)"],
               "It identifies people remotely from biometric data: remote biometric identification, "
               "high-risk under Annex III 1(a)",
               "high-risk under Annex III 1(a) if it identifies people remotely from biometric data", high)
    post = _all(police, ident, d.biometric, d.remote, _not(d.real_time))
    authorised = {"none": "; no such authorisation is recorded",
                  "unknown": "; whether it is obtained is not known"}.get(d.authorisation, "")
    yield Rule(post, "high_risk", ["Annex III 1(a)", "Art. 26(10)"],
               "Used after the fact (post-remote identification) in law enforcement: each use in a "
               "criminal investigation needs authorisation by a judicial or administrative authority "
               f"(Art. 26(10)){authorised}",
               "subject to Art. 26(10) if police use remote identification after the fact",
               [*high, "post_rbi_law_enforcement"])
    if _all(police, ident) is True:
        yield Rule(None, "high_risk", ["Annex III 6"], "",
                   "also within Annex III 6(c) or 6(e) if matches are used to evaluate evidence or to "
                   "profile people in an investigation (not recorded by this form)")
    yield Rule(_all(categ, d.biometric, _is(d.categorisation_attributes, "protected")), "high_risk",
               ["Annex III 1(b)", "Art. 50(3)"],
               "It categorises people by protected attributes inferred from biometric data: high-risk "
               "under Annex III 1(b)",
               "high-risk under Annex III 1(b) if the biometric categories are protected attributes "
               "(such as age, sex or disability)", [*high, "transparency_50_3"])
    yield Rule(_all(categ, d.biometric), "limited_risk", ["Art. 50(3)"],
               "It is a biometric categorisation system: people exposed to it must be informed "
               "(Art. 50(3))",
               "subject to Art. 50(3) if it categorises people from biometric data", ["transparency_50_3"])
    yield Rule(emotion, "high_risk", ["Annex III 1(c)", "Art. 50(3)"],
               "It recognises emotions: high-risk under Annex III 1(c), and people exposed must be "
               "informed (Art. 50(3))",
               "high-risk under Annex III 1(c) if it infers emotions", [*high, "transparency_50_3"])
    yield Rule(_all(predict, police, _is(d.prediction_basis, "objective_facts")), "high_risk",
               ["Annex III 6(d)"],
               "It assesses the risk that people offend, supporting a human assessment on objective, "
               "verifiable facts: not prohibited, but high-risk under Annex III 6(d)",
               "high-risk under Annex III 6(d) if police assess individuals' risk of offending", high)
    border_uses = _any(ident, _use(d, "verification"), categ, emotion)
    yield Rule(_all(_is(d.purpose, "border_control"), border_uses), "high_risk", ["Annex III 7(d)"],
               "It detects, recognises or identifies people in border control: high-risk under Annex "
               "III 7(d)" + ("; matching a traveller to their document is recognising a person, "
                             "which we read as outside the exclusion for verifying travel documents "
                             "(and Annex III 1(a) excludes pure verification)"
                             if "verification" in (d.uses or []) else ""),
               "high-risk under Annex III 7(d) if it detects, recognises or identifies people", high)
    some_use = bool(set(d.uses or []) & set(PEOPLE_USES))
    if d.purpose == "workplace" and some_use:
        yield Rule(None, "high_risk", ["Annex III 4(b)"], "",
                   "high-risk under Annex III 4(b) if it monitors or evaluates workers' performance "
                   "or behaviour")
    if d.purpose == "education" and some_use:
        yield Rule(None, "high_risk", ["Annex III 3"], "",
                   "high-risk under Annex III 3 if used for admission, evaluating learning or "
                   "monitoring students during tests")


def _notes(d: AssessmentInput) -> list[str]:
    notes = []
    if _use(d, "crime_prediction") and d.prediction_basis == "places":
        notes.append("Crime forecasting by place and time, not about individuals: outside Art. 5(1)(d) "
                     "and Annex III 6(d)")
    if "verification" in (d.uses or []) and d.purpose != "border_control":
        notes.append("Biometric verification that only confirms a person is who they claim to be is "
                     "excluded from Annex III 1(a)")
    if d.real_time is True and _use(d, "identification") and d.purpose not in ("law_enforcement",
                                                                                "unknown"):
        notes.append("Real-time identification outside law enforcement is not covered by Art. 5(1)(h)")
    return notes


def _settling_fields(d: AssessmentInput) -> list[str]:
    """Qualifier fields left `unknown` that a rule of this description depends on."""
    rbi = _all(_is(d.purpose, "law_enforcement"), _use(d, "identification"), d.biometric, d.remote,
               d.real_time, d.publicly_accessible_space)
    relevant = {
        "exception": rbi is not False,
        "authorisation": rbi is not False or _all(_is(d.purpose, "law_enforcement"),
                                                  _use(d, "identification"), d.remote) is not False,
        "prediction_basis": _use(d, "crime_prediction") is not False,
        "categorisation_attributes": _all(_use(d, "categorisation"), d.biometric) is not False,
    }
    return [name for name, needed in relevant.items() if needed and getattr(d, name) == "unknown"]


def _headline(cls: str, certain: list[Rule], maybe: list[Rule]) -> str:
    """The verdict in one line, leading with the range the open questions leave, never with the
    mildest class alone."""
    words = framework()["ai_act"]["class_words"]
    worse = [r for r in maybe if SEVERITY[r.cls] > SEVERITY[cls]]
    if not worse:
        return words[cls][0].upper() + words[cls][1:]
    top = max((r.cls for r in worse), key=SEVERITY.__getitem__)
    leading = sorted((r for r in worse if r.cls == top), key=lambda r: -r.established)
    first = leading[0]
    condition = first.condition or "if " + first.ask.split(" if ", 1)[-1]
    others = len(leading) - 1
    more = f" (or if one of {others} other open question{'s' if others > 1 else ''} is answered yes)" \
        if others else ""
    if certain:
        return f"{words[cls][0].upper() + words[cls][1:]}, or {words[top]} {condition}{more}"
    return (f"Not settled by the known facts: from {words[cls]} to {words[top]}; {words[top]} "
            f"{condition}{more}")


def classify(d: AssessmentInput) -> dict[str, Any]:
    """The AI Act class of a described deployment, with articles, reasoning and obligations."""
    act = framework()["ai_act"]
    rules = list(_rules(d))
    certain = [r for r in rules if r.when is True]
    cls = max((r.cls for r in certain), key=SEVERITY.__getitem__, default="minimal_risk")
    # open questions that could not change the class are left out
    maybe = [r for r in rules if r.when is None and SEVERITY[r.cls] >= SEVERITY[cls]]
    scope = "eu" if d.country in act["eu_member_states"] else "benchmark"
    reasoning = [act["scope"][scope]]
    decisive = [r for r in certain if r.cls == cls] if cls == "prohibited" else certain
    reasoning += [r.why for r in decisive]
    reasoning += _notes(d)
    if not certain and maybe:
        reasoning.append("No rule is established by the known facts alone; the open questions "
                         "decide the class, which is minimal risk only if they are all answered no")
    elif not certain:
        reasoning.append(
            "No prohibited practice, Annex III use or Art. 50 duty follows from the described facts: "
            "not high-risk under Annex III (minimal risk). If the system contains no AI at all (e.g. "
            "cameras that only record), the Act does not apply to it; data protection law still does")
    keys = ["prohibited"] if cls == "prohibited" else list(
        dict.fromkeys(k for r in certain for k in r.obligations))
    obligations = [text for key in keys for text in act["obligations"][key]]
    obligations += act["obligations"]["all"] if cls != "prohibited" else []
    worst_maybe = max((r.cls for r in maybe), key=SEVERITY.__getitem__, default=None)
    could_be = worst_maybe if worst_maybe and SEVERITY[worst_maybe] > SEVERITY[cls] else None
    return {
        "class": cls,
        "label": act["classes"][cls],
        "headline": _headline(cls, certain, maybe),
        "scope": scope,
        "articles": list(dict.fromkeys(a for r in decisive for a in r.articles)),
        "reasoning": reasoning,
        "obligations": obligations,
        "could_be": could_be,
        "open_questions": [f"{', '.join(r.articles)}: {r.ask}" for r in maybe],
        "unknown_inputs": _settling_fields(d),
        "not_assessed": [f"Art. {k}: {v['label']}" for k, v in act["prohibited_practices"].items()
                         if not v["encoded"]],
        "dates": act["dates"],
        "regulation": act["regulation"],
        "logic": act["logic"],
    }
