"""Status of a sentence: which deployment event its cues report (GUIDELINES.md §6).

The cue of highest precedence wins (``lexicon.STATUS_PRECEDENCE``: a denial or a cancellation,
including a court suspension or a regulator forbidding activation, overrides the deployment it
is about; a trial is a pilot). Firm cues beat weak ones ("supplied", "uses"). Two exceptions:
a signed memorandum of understanding or letter of intent is still ``planned``, and future work
under a signed contract ("under the contract, signed in 2020, the company will install") is
``contracted``.

A call for a cancellation is not one: "called for a moratorium", "urged the city to suspend",
"pidió suspender", "demande l'interdiction" (GUIDELINES.md §6). And a denial or cancellation
concerns the capability it is said of: in a sentence naming several technologies it goes to the
technology named nearest the cue ("installed cameras with face recognition; officials said the
function was never switched on"), the others keep the sentence's other status
(``status_by_technology``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from oversight.extract.lexicon import STATUS_PRECEDENCE
from oversight.extract.tag import STATUS, Mention

_MOU_RE = re.compile(
    r"mou|memorandum|letter of intent|framework agreement|protocole d'accord|memorando|lettre d'intention",
    re.IGNORECASE,
)


_ENDINGS = ("denied", "cancelled")
# When one document reports several states of the same deployment, the final one counts.
DOCUMENT_STATUS_ORDER = ("denied", "cancelled", "operational", "pilot", "contracted", "planned")
# Verbs that ask for something rather than report it, just before a cancellation cue.
_REQUEST_RE = re.compile(
    r"\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|recommend(?:s|ed|ing)?|demand(?:s|ed|ing)?"
    r"|ask(?:s|ed|ing)?|want(?:s|ed)?|adopt|impose|seek(?:s|ing)?|sought|petition(?:s|ed)?"
    r"|pid(?:e|en|ió|ieron)|solicit(?:a|an|ó|aron)|exig(?:e|en|ió|ieron)|reclam(?:a|an|ó)"
    r"|demand(?:e|ent|é)|réclam(?:e|ent|é)|appel(?:le|lent) à|pede|pedem|pediu|pediram|exige|exigiu)\b"
    r"(?:\s+\S+){0,4}\s*$",
    re.IGNORECASE,
)


def _requested(text: str, cue: Mention) -> bool:
    return cue.value == "cancelled" and bool(_REQUEST_RE.search(text[max(0, cue.start - 60) : cue.start]))


# A negation just before an ending: "was not suspended", "did not cancel", "não suspendeu",
# "no fue suspendido", "n'a pas été annulé": the system goes on.
_NEGATION_BEFORE_RE = re.compile(
    r"\b(?:not|never|n't|não|nunca|jamais|pas|no)"
    r"(?:\s+(?:been|be|yet|ha|han|he|foi|foram|fue|fueron|a|ont|été|sido|être|se|o|lo|la|le)){0,2}\s*$",
    re.IGNORECASE,
)


def _negated_ending(text: str, cue: Mention) -> bool:
    return cue.value in _ENDINGS and bool(_NEGATION_BEFORE_RE.search(text, max(0, cue.start - 30), cue.start))


def status_by_technology(
    sentence: list[Mention], text: str, status: Mention | None, technologies: dict[str, Mention]
) -> dict[str, Mention | None]:
    """The status each technology of a sentence takes (see the module docstring)."""
    if status is None or status.value not in _ENDINGS or len(technologies) < 2:
        return dict.fromkeys(technologies, status)

    def distance(tech: Mention) -> int:
        return min(abs(tech.start - status.end), abs(status.start - tech.end))

    nearest = min(technologies.values(), key=distance)
    rest = sentence_status([m for m in sentence if not (m.kind == STATUS and m.value in _ENDINGS)], text)
    return {tech: status if tech == nearest.value else rest for tech in technologies}


# A future or intended form just before a deployment cue: "will soon be installed", "is expected
# to be launched", "serán instaladas", "sera mis en service": the deployment is planned.
_FUTURE_BEFORE_RE = re.compile(
    r"\b(?:will|shall|expected to|due to|set to|going to|scheduled to|about to|is to|are to)"
    r"(?: (?:soon|also|now|then|eventually|gradually|fully|initially|first|finally))? (?:be )?(?:\w+ )?$"
    r"|\b(?:será|serán|serão|sera|seront|va a|van a|vai|vão|va|vont"
    r"|devrait|devraient|deberá|deberán|deverá|deverão)"
    r"(?: (?:ser|être))? (?:\w+ )?$",
    re.IGNORECASE,
)


def _future(text: str, cue: Mention) -> Mention:
    """The cue, made ``planned`` when a future form governs it."""
    if cue.value in ("operational", "contracted") and _FUTURE_BEFORE_RE.search(
        text, max(0, cue.start - 40), cue.start
    ):
        return Mention(STATUS, cue.start, cue.end, "planned", cue.weak)
    return cue


# A trial word in a sentence that reports a deployment makes it a trial ("three months of trials
# of drones equipped with cameras", "Durante los primeros meses de prueba", "les premiers essais").
# English "test" is left out: it is as often an accuracy test ("tested by the National Physical
# Laboratory") or a figure of speech ("a test of resolve").
_TRIAL_RE = re.compile(
    r"\b(?:trial(?:s|led|ed|ling|ing)?|essais?|à titre d'essai|prueba(?:s)?|prob(?:ó|aron|ado|ada|ando)"
    r"|teste(?:s)?|testad[oa]s?|test(?:ó|aron|ou|aram)|testé(?:e|es|s)?)\b",
    re.IGNORECASE,
)


def trial_reported(status: str | None, sentences: Iterable[str]) -> str | None:
    """A deployment reported in a sentence that speaks of trials is a pilot (``_TRIAL_RE``).
    Like ``supplier_chosen``, this reads what the event means after the scorer has weighed it:
    it changes the status of a claim, never whether there is one."""
    if status == "operational" and any(_TRIAL_RE.search(s) for s in sentences):
        return "pilot"
    return status


# A call for tenders: the authority has not yet chosen who will build what the tender describes.
_TENDER_RE = re.compile(
    r"\b(?:tenders?|call for bids|request for proposals|bidders|(?:seeking|seeks|seek) to procure"
    r"|licitaci[óo]n|licitaç[ãa]o|edital|preg[ãa]o"
    r"|pliegos|appel d'offres|avis d'appel)\b",
    re.IGNORECASE,
)


def tender_open(status: str | None, vendor: str | None, planned_sentences: Iterable[str]) -> str | None:
    """A system with no supplier yet that the claim's own sentences put out to tender is
    planned, though the tender describes its installation ("supply and installation of
    cameras") or an earlier system runs beside it: the tender is the latest event
    (GUIDELINES.md §6). A claim with a supplier is about what that supplier built."""
    if status == "operational" and vendor is None and any(_TENDER_RE.search(s) for s in planned_sentences):
        return "planned"
    return status


# What a contract, a tender or a project "provides for" is its content, not an installation:
# "the Project provides for 12,000 cameras", "le contrat prévoit l'installation de 1 500 caméras",
# "el contrato prevé la instalación", "o edital previa a montagem de um centro".
_PROVIDES_RE = re.compile(
    r"\b(?:provides? for|provided for|prévo(?:it|ient|yait|yaient)|prev(?:é|én|eía|eían|ê|eem|ia|iam))\b",
    re.IGNORECASE,
)


def agreed_content(
    status: str | None, running_sentences: Iterable[str], events: Iterable[str | None]
) -> str | None:
    """A deployment whose every sentence tells it as what an agreement or a tender provides
    for is not reported running: the claim takes the latest of its other ``events`` (the
    statuses of all its sentences, those lent by a neighbour too), else ``contracted``. Like
    ``trial_reported``, this reads what the event means after the scorer has weighed it."""
    running = list(running_sentences)
    if status != "operational" or not running or not all(_PROVIDES_RE.search(s) for s in running):
        return status
    others = [event for event in events if event and event != "operational"]
    return min(others, key=DOCUMENT_STATUS_ORDER.index) if others else "contracted"


def supplier_chosen(status: str | None, vendor: str | None, sentences: Iterable[str]) -> str | None:
    """A planned event with its supplier named is a contract (GUIDELINES.md §6: a deal awarded
    to a supplier): the authority has chosen who will build it ("Huawei will install 900
    cameras", "la empresa X será la encargada"). A memorandum of understanding or letter of
    intent stays planned."""
    if status == "planned" and vendor is not None and not any(_MOU_RE.search(s) for s in sentences):
        return "contracted"
    return status


# Verbs by which a court, an audit office or a regulator stops a deployment, in every person and
# tense ("impediu a assinatura do contrato", "ordenó suspender el sistema", "a empêché la mise en
# service"). Not cues of their own ("impedir" also prevents crimes): they only turn the event a
# sentence already reports into a cancellation.
_STOPPED_RE = re.compile(
    r"\b(?:imped(?:iu|iram|ir|e|em|ido|ida)|impid(?:ió|ieron|e|en|iendo)"
    r"|suspend(?:er|e|em|en|an|ió|ieron|eu|eram|re|ait|aient)"
    r"|empêch(?:é|ée|és|ées|ait|aient|er|e|ent)|vet(?:ó|ou|aron|aram|ado|ada|é|ée))\b",
    re.IGNORECASE,
)


# An aim or a possibility, not an act: "la propuesta busca impedir", "o projeto visa impedir",
# "pourrait suspendre".
_INTENDED_RE = re.compile(
    r"\b(?:busca|buscan|visa|visam|pretende|pretendem|quiere|quieren|quer|querem|veut|veulent|vise|visent"
    r"|podría|podrían|poderia|poderiam|pourrait|pourraient|puede|pueden|pode|podem|peut|peuvent)"
    r"(?: (?:a|à|de|d'))?\s*$",
    re.IGNORECASE,
)


def _stopped(text: str, span: tuple[int, int]) -> Mention | None:
    """A stopping verb of the sentence that is neither asked for, intended nor negated."""
    for match in _STOPPED_RE.finditer(text, *span):
        verb = Mention(STATUS, match.start(), match.end(), "cancelled")
        intended = _INTENDED_RE.search(text, max(0, verb.start - 30), verb.start)
        if not intended and not _requested(text, verb) and not _negated_ending(text, verb):
            return verb
    return None


def sentence_status(
    sentence: list[Mention], text: str, span: tuple[int, int] | None = None
) -> Mention | None:
    """The status a sentence reports; with the sentence's ``span``, a stopping verb in it
    (``_STOPPED_RE``) makes the event it reports a cancellation."""
    best = _cued_status(sentence, text)
    if span is not None and best is not None and best.value not in _ENDINGS:
        best = _stopped(text, span) or best
    return best


def _cued_status(sentence: list[Mention], text: str) -> Mention | None:
    cues = [
        _future(text, m)
        for m in sentence
        if m.kind == STATUS and not _requested(text, m) and not _negated_ending(text, m)
    ]
    cues = [m for m in cues if not m.weak] or cues
    if not cues:
        return None
    best = min(cues, key=lambda m: (STATUS_PRECEDENCE.index(m.value), m.start))
    # "signed a memorandum of understanding": what is signed is an intention, still planned.
    mou = [m for m in cues if m.value == "planned" and _MOU_RE.match(text, m.start)]
    if mou and best.value in ("contracted", "planned"):
        return mou[0]
    if best.value == "planned":
        # "Under the contract, signed in 2020, the company will install ...": the future work
        # is contracted.
        signed = [m for m in sentence if m.kind == STATUS and m.value == "contracted"]
        if signed:
            return signed[0]
    return best
