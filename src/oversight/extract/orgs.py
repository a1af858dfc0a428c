"""Organisations the registry does not know, recognised where the text presents them as suppliers.

Patterns (English, Spanish, French, Portuguese): a name before a role verb ("Acme installed",
"Acme has supplied", "Acme a été retenue"), after a role preposition or verb ("supplied by
Acme", "carried out by Acme", "a contract with Acme", "hired Acme", "adjudicó a Acme", "attribué
à l'américain Acme", "a cargo de Acme"), after a description ("the firm Acme", "a empresa alemã
Acme"), in apposition ("Acme, a Greek integrator", "the app's developer, Acme,"), or ending in
a legal form ("Acme Ltd", "Acme S.A.S.": a firm, named without the form). A name ending only in
a descriptive word ("Acme Systems") is weak: used only when no other supplier is named.

A candidate name is rejected when it is not an organisation (``not_an_organisation``): names of
systems, programmes, products, offices and places ("the Fugitive Facial Recognition System",
"Integrated Centre for Public Security", "Broadband Trunking Network", "Minister of Security"),
civil-society groups, newspapers and newsroom labels ("Big Brother Watch", "SHARE Foundation",
"Breaking"); and where the text shows it is something else: a person (a title before it), a
product ("the software Gotham"), a kind of firm that supplies nothing ("research firm X"), a
firm in another role ("X Ltd as consultant"), a qualifier ("a Silicon Valley company").
``unknown_suppliers`` is pure: it returns ``(start, end, name, weak, kind)`` tuples.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from oversight.extract import lexicon
from oversight.extract.prefilter import is_word_char

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

# A word of a name: capitalised ("Acme", "ICx", "S.A"), an initial ("Arnaldo C. Castro"), or a
# digit-led brand with a lower-case letter ("3DiVi", "4Paradigm"; not "5G").
_TOKEN = r"[A-ZÀ-Ý][\w&'’.+-]*[\w+]|[A-Z]\.(?= [A-Z])|[A-ZÀ-Ý]|\d+[A-Z][A-Za-z]*[a-z]\w*"
_NAME = rf"(?:{_TOKEN})(?:,? (?:{_TOKEN})| (?:d['’](?:{_TOKEN})|&|of|de|del|da|do|des|du|la|for)){{0,6}}"
# Where a name can start: a capital or a digit opening a word. Checked first, it spares the
# patterns that open with a name from trying every position of the text (so do the letter
# look-aheads before the other patterns' first word).
_START = r"(?<![\w'’])(?=[A-ZÀ-Ý\d])"
_NAME_BEFORE_RE = re.compile(rf"{_START}(?P<org>{_NAME})\Z")


class _NameBefore:
    """A name that ends where an anchor begins: "Acme installed", "Acme Vision Ltd". The rare
    anchor (a verb, a legal form) is found first and the name looked for just before it, not
    a name tried at every capital of the text."""

    def __init__(self, anchor: str, before: re.Pattern[str] = _NAME_BEFORE_RE, anchor_in_name: bool = False):
        self.anchor = re.compile(anchor)
        self.before = before
        self.anchor_in_name = anchor_in_name

    def spans(self, text: str, begin: int, stop: int) -> Iterator[tuple[int, int]]:
        after_last = begin
        for anchor in self.anchor.finditer(text, begin, stop):
            name = self.before.search(text, max(after_last, anchor.start() - 200), anchor.start())
            if name is not None:
                yield name.start("org"), anchor.end() if self.anchor_in_name else name.end("org")
                after_last = anchor.end()


# "Acme installed", "Acme, a local integrator, won the tender"
_SUBJECT = _NameBefore(
    rf" (?:{lexicon.SUPPLIER_VERBS})\b",
    re.compile(rf"{_START}(?P<org>{_NAME})(?:,[^,]{{1,60}},)?\Z"),
)
# Kinds of groups and firms that do not supply systems: "the rights group Licadho", "research
# firm IPVM", "the law firm X", "a lobby group".
_NOT_SUPPLIER_KIND_BEFORE_RE = re.compile(
    r"\b(?:rights|advocacy|campaign|campaigning|watchdog|lobby|lobbying|research|activist|opposition"
    r"|rebel|militant|armed|hacker|hacking|media|news|consumer|industry|trade|pressure|civil|privacy|law"
    r"|legal|consulting|consultancy|analyst|think-tank|PR|public-relations|polling|insurance|investment"
    r"|accounting|auditing) (?:firm|company|group|organi[sz]ation|outfit|body|network)s? $",
    re.IGNORECASE,
)
_COMPANY_NOUN = (
    r"(?:firm|company|integrator|contractor|developer|supplier|vendor|maker|manufacturer|group|"
    r"consortium|conglomerate|start-?up|provider|partner|distributor|specialist|operator|telco) "
)
_WORDS_BEFORE_NOUN = 2
_DESCRIBED = (
    rf"(?:(?:[A-Z][\w-]*|local|private|state-owned|[a-z-]+) ){{0,{_WORDS_BEFORE_NOUN}}}{_COMPANY_NOUN}"
)
# "the app's developer, Breej Holding, was ...": a role noun, then the name between commas.
_ROLE_APPOSITION = re.compile(
    lexicon.whole_words(
        "developer", "contractor", "subcontractor", "supplier", "vendor", "integrator", "maker",
        "manufacturer", "provider", "partner", "distributor", "installer",
    )
    + rf", (?P<org>{_NAME}),"
)  # fmt: skip
# Lower-case words between a role word and the name: articles, adjectives, demonyms
# ("à l'américain X", "a empresa alemã X", "the Chinese radio maker X").
_BETWEEN = (
    r"(?:(?!(?:para|por|pour|en|em|de|del|do|da|du|des|con|com|avec|sin|sem|sans|que|qui|y|et|e|ou|no|na"
    r"|sur|dans|in|on|at|for|to|with|and|that|which|of)\b)[a-zà-öø-ÿ'’-]+ ){0,3}"
)  # not prepositions: "la empresa para Centroamérica" names a region, not the firm
_AGENT_RE = re.compile(
    rf"(?=[a-zA-ZÀ-ÿ])\b(?:{lexicon.SUPPLIER_PREPS}),? (?:the |a |an )?(?:{_DESCRIBED}|{_BETWEEN})"
    rf"(?P<org>{_NAME})"
)


class _AroundNoun:
    """A name after a company noun and the words before it ("the Israeli firm Acme", "local
    integrator Acme"). The noun, rare, is found first and the pattern tried only at the
    positions up to ``_WORDS_BEFORE_NOUN`` words before it, not at every word of the text;
    the spans found are those ``pattern.finditer`` would find."""

    def __init__(self, pattern: str, noun: str):
        self.pattern = re.compile(pattern)
        self.noun = re.compile(noun)

    def spans(self, text: str, begin: int, stop: int) -> Iterator[tuple[int, int]]:
        at = begin  # where the next match may start: every position before it has failed
        while (noun := self.noun.search(text, at, stop)) is not None:
            for position in range(max(at, _words_before(text, noun.start())), noun.start() + 1):
                match = self.pattern.match(text, position, stop)
                if match is not None:
                    yield match.span("org")
                    at = match.end()
                    break
            else:
                at = noun.start() + 1


def _words_before(text: str, position: int) -> int:
    """Where the ``_WORDS_BEFORE_NOUN`` words before the word that ``position`` is in begin
    (words: runs of word characters and hyphens, one space apart)."""
    start = _word_start(text, position)
    for _ in range(_WORDS_BEFORE_NOUN):
        if start < 2 or text[start - 1] != " " or not _in_word(text[start - 2]):
            break
        start = _word_start(text, start - 1)
    return start


def _word_start(text: str, position: int) -> int:
    while position > 0 and _in_word(text[position - 1]):
        position -= 1
    return position


def _in_word(char: str) -> bool:
    return is_word_char(char) or char == "-"


_DESCRIBED_NAME = _AroundNoun(rf"(?=[a-zA-Z])\b{_DESCRIBED}(?P<org>{_NAME})", _COMPANY_NOUN)


# A legal form ends the name, unless another capitalised word follows it without a full stop
# ("TTY S.A. El contrato" ends at "S.A.").
_LEGAL_FORM = _NameBefore(rf" (?:{lexicon.LEGAL_FORMS})(?!\w)(?:(?<=\.)|(?! [A-Z]))", anchor_in_name=True)
_DESCRIPTIVE_FORM = _NameBefore(rf" (?:{lexicon.DESCRIPTIVE_FORMS})(?![\w]| [A-Z])", anchor_in_name=True)
# A trailing legal form, left out of the name a claim carries ("EVI Distribution Inc." -> "EVI
# Distribution"), as the annotation guidelines write it.
_LEGAL_TAIL_RE = re.compile(rf",? (?:{lexicon.LEGAL_FORMS})$")
# "a Silicon Valley company", "an Abu Dhabi firm": a name that qualifies a company noun is a
# place or a kind, not the company.
_QUALIFIES_NOUN_RE = re.compile(
    r" (?:firm|firms|company|companies|start-?up|startups?|maker|manufacturer|vendor|supplier|contractor"
    r"|integrator|operator)\b"
)
_CONNECTORS = frozenset({"and", "of", "de", "del", "da", "do", "des", "du", "la", "for", "&"})
_APPOSITION = _NameBefore(
    r", (?:a|an|the|une?|una?|um|uma) (?:[\w-]+ ){0,3}?"
    r"(?:firm|company|integrator|contractor|developer|supplier|vendor|maker|manufacturer|start-?up|operator"
    r"|société|entreprise|intégrateur|opérateur|empresa|compañía|integradora|operadora|fabricante)\b(?!['’]s)"
)
# Last words of names of systems, programmes, places and offices rather than of companies.
_NOT_ORG_HEADS = frozenset(
    [
        "system",
        "systems",
        "network",
        "platform",
        "project",
        "programme",
        "program",
        "centre",
        "center",
        "initiative",
        "unit",
        "office",
        "database",
        "register",
        "registry",
        "card",
        "act",
        "law",
        "bill",
        "policy",
        "strategy",
        "plan",
        "service",
        "scheme",
        "solution",
        "watch",
        "foundation",
        "institute",
        "coalition",
        "alliance",
        "campaign",
        "association",
        "society",
        "fund",
        "trust",
        "lab",
        "ministry",
        "minister",
        "secretary",
        "police",
        "council",
        "department",
        "agency",
        "bureau",
        "directorate",
    ]
)
# Words of the generic descriptions that make up names of systems and programmes.
_GENERIC_WORDS = frozenset(
    [
        "automated",
        "automatic",
        "integrated",
        "intelligent",
        "smart",
        "safe",
        "national",
        "public",
        "city",
        "urban",
        "police",
        "security",
        "surveillance",
        "monitoring",
        "video",
        "facial",
        "face",
        "recognition",
        "identification",
        "biometric",
        "fingerprint",
        "predictive",
        "policing",
        "crime",
        "emergency",
        "command",
        "control",
        "communication",
        "communications",
        "transportation",
        "transport",
        "traffic",
        "broadband",
        "trunking",
        "conference",
        "digital",
        "data",
        "big",
        "central",
        "unified",
        "electronic",
        "fugitive",
        "other",
        "new",
        "advanced",
        "real-time",
        "the",
        "of",
        "for",
        "and",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "des",
        "du",
        "le",
    ]
)
# Romance-language heads that open the name of a system, programme or office.
_NOT_ORG_OPENERS = frozenset(
    [
        "sistema",
        "sistemas",
        "système",
        "centro",
        "centre",
        "programa",
        "programme",
        "projeto",
        "proyecto",
        "projet",
        "red",
        "réseau",
        "plataforma",
        "plateforme",
        "plan",
        "ministerio",
        "ministère",
        "ministério",
        "secretaría",
        "secretaria",
        "el",
        "la",
        "los",
        "las",
        "le",
        "les",
    ]
)
_OF_WORDS = frozenset({"of", "for", "de", "du", "des", "del", "da", "do"})
_CIVIL_SOCIETY_HEADS = frozenset({"watch", "foundation", "institute", "coalition", "alliance", "campaign"})
# Words that mark, wherever they stand in a name, a body that does not supply surveillance
# systems, by class: civil-society groups and rights bodies, observatories and associations,
# newspapers and broadcasters (in the four languages of the corpus).
_NON_SUPPLIER_WORDS = frozenset(
    [
        # civil society
        "foundation", "fundación", "fundação", "fondation", "observatory", "observatorio",
        "observatório", "observatoire", "coalition", "coalición", "coalizão", "association",
        "asociación", "associação", "ligue", "amnesty", "amnistía", "anistia", "rights", "derechos",
        "direitos", "droits", "ngo", "ong", "charity",
        # newspapers and broadcasters
        "journal", "gazette", "tribune", "herald", "diario", "diário", "jornal", "folha", "gazeta",
        "periódico", "quotidien", "hebdo", "newspaper", "broadcasting", "radiodifusión", "televisión",
        "télévision", "televisão",
    ]
)  # fmt: skip
# Last words of names of newspapers and news sites ("The Daily Post", "Nation News").
_NEWS_HEADS = frozenset({"times", "post", "news", "daily", "express", "observer", "chronicle", "mirror"})
# Single words that open headlines or label site furniture rather than name anything.
_LABELS = frozenset(
    [
        "breaking",
        "exclusive",
        "update",
        "updated",
        "related",
        "watch",
        "video",
        "photo",
        "analysis",
        "opinion",
        "live",
    ]
)


# Legal forms that are also common nouns: "Facial Recognition Technology", "Video Analytics".
_COMMON_NOUN_FORMS = frozenset(
    [
        "technology",
        "technologies",
        "system",
        "systems",
        "solutions",
        "security",
        "network",
        "networks",
        "intelligence",
        "analytics",
        "vision",
        "communications",
        "electronics",
        "engineering",
    ]
)


def not_an_organisation(name: str) -> bool:
    """True for names of systems, programmes, offices, groups and labels (see the module)."""
    words = [w.strip(",.()\"'").lower() for w in name.split()]
    if not words:
        return True
    if len(words) == 1 and words[0] in _LABELS or words[0] in _NOT_ORG_OPENERS:
        return True
    # "Integrated Centre for Public Security", "Minister of Security": judge the part before "of".
    cut = next((i for i, w in enumerate(words) if i and w in _OF_WORDS), len(words))
    head, described = words[cut - 1], words[: cut - 1]
    if head in _NOT_ORG_HEADS and all(w in _GENERIC_WORDS or w in _NOT_ORG_HEADS for w in described):
        return True
    if words[-1] in _COMMON_NOUN_FORMS and all(w in _GENERIC_WORDS for w in words[:-1]):
        return True  # "Other Surveillance Technologies": a description, whatever its case
    if words[-1] in _NEWS_HEADS or any(w in _NON_SUPPLIER_WORDS for w in words):
        return True
    return words[-1] in _CIVIL_SOCIETY_HEADS


_STOP_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "they",
        "their",
        "he",
        "she",
        "we",
        "our",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "but",
        "and",
        "however",
        "meanwhile",
        "officials",
        "authorities",
        "today",
        "yesterday",
        "last",
        "next",
        "after",
        "before",
        "while",
        "when",
        "where",
        "according",
        "because",
        "although",
        "though",
        "despite",
        "during",
        "through",
        "until",
        "unlike",
        "like",
        "including",
        "to",
        "recommendations",
        "reports",
        "report",
        "under",
        "since",
        "as",
        "if",
        "also",
        "both",
        "each",
        "all",
        "some",
        "many",
        "most",
        "such",
        "his",
        "her",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        # Spanish, French and Portuguese articles and prepositions that open a sentence.
        "à",
        "au",
        "aux",
        "en",
        "em",
        "no",
        "na",
        "o",
        "os",
        "as",
        "un",
        "une",
        "una",
        "um",
        "uma",
        "del",
        "des",
        "du",
        "con",
        "com",
        "avec",
        "por",
        "par",
        "para",
        "pour",
        "desde",
        "depuis",
        "según",
        "selon",
        "segundo",
        "tras",
        "après",
        "após",
    ]
)


def unknown_suppliers(
    text: str,
    begin: int,
    stop: int,
    names_at: bytearray,
    res: Resources,
    places_at: bytearray | None = None,
) -> list[tuple[int, int, str, bool, str]]:
    """Organisations the registry does not know, where the text presents them as suppliers:
    ``(start, end, canonical name, weak, kind)`` with kind ``financier`` or ``unknown``.

    ``names_at`` marks the characters of names already found (a candidate overlapping one is
    dropped); ``places_at`` those of places, which a company's name may hold ("Teleconvergence
    Infosystems Mauritius Ltd", "Indian Space Research Organisation") when two more of its
    words are not places.
    """
    found: dict[tuple[int, int], tuple[int, int, str, bool, str]] = {}
    judged: set[tuple[int, int]] = set()  # spans already weighed: patterns overlap
    for pattern, weak in (
        (_SUBJECT, False),
        (_APPOSITION, False),
        (_ROLE_APPOSITION, False),
        (_AGENT_RE, False),
        (_DESCRIBED_NAME, False),
        (_LEGAL_FORM, False),
        (_DESCRIPTIVE_FORM, True),
    ):
        found_by = (
            pattern.spans(text, begin, stop)
            if isinstance(pattern, (_NameBefore, _AroundNoun))
            else (m.span("org") for m in pattern.finditer(text, begin, stop))
        )
        for org_start, org_end in found_by:
            span = _clean_name(
                text,
                org_start,
                org_end,
                res,
                acronyms=pattern in (_APPOSITION, _ROLE_APPOSITION, _AGENT_RE, _DESCRIBED_NAME),
            )
            if span is None or span in judged:
                continue
            start, end = span
            name = text[start:end]
            if names_at.find(1, start, end) != -1 or any(s <= start and end <= e for s, e in found):
                continue  # a known name, or a name inside one found already
            if (
                pattern is _SUBJECT
                and " " not in name
                and _sentence_start(text, start)
                and not _written_as_name(text, name)
            ):
                continue  # "Sensors installed ...": one capitalised word opening a sentence
            if weak and (
                _INDEFINITE_BEFORE_RE.search(text, max(0, start - 4), start) or _whole_line(text, start, end)
            ):
                continue  # "used a Predictive Crime Defence System", a heading: a thing, not a firm
            if weak and _common_words(text, name):
                continue  # "the Bid Security", "Three AI": words the document also writes as words
            judged.add(span)  # what follows does not depend on the pattern
            if _QUALIFIES_NOUN_RE.match(text, end) or _OTHER_ROLE_AFTER_RE.match(text, end):
                continue  # "delivered by a Silicon Valley company", "X Ltd as consultant"
            if not _place_inside_allowed(name, start, end, places_at):
                continue
            if _inside_longer_name(text, start, names_at, places_at) or _person_in_document(text, name):
                continue  # "China Road and Bridge Corporation", "24 Data Networks"; "ministro X"
            if _PRODUCT_BEFORE_RE.search(text, max(0, start - 40), start):
                continue  # "the software Gotham supplied by": a product
            if _signed_by_a_firm(text, start, names_at):
                continue  # "Honeywell, which signed the contract with the X": X is the buyer
            if _NOT_SUPPLIER_KIND_BEFORE_RE.search(text, max(0, start - 40), start):
                continue  # "the Cambodian rights group Licadho", "research firm IPVM"
            if _POSSESSIVE_INSIDE_RE.search(name):
                continue  # "Amnesty International's Security Lab": a part of another body
            overlapped = [k for k in found if start <= k[0] and k[1] <= end]
            # Keep the longer of two overlapping names ("Caspian Security Integrator"); it is
            # as firmly a supplier as the names it replaces.
            for key in overlapped:
                weak = weak and found.pop(key)[3]
            tail = _LEGAL_TAIL_RE.search(name)
            if tail:
                weak = False  # a legal form makes it a company
                name = name[: tail.start()]
                if len(name.rstrip(".")) < 3 or _LEGAL_TAIL_RE.fullmatch(" " + name):
                    continue  # "(Mauritius) Co Ltd": a legal form and nothing of a name
            kind = "financier" if _FINANCIER_RE.search(name) else "unknown"
            found[span] = (start, end, res.canonical(name), weak, kind)
    return list(found.values())


# "with X Limited (NIGCOMSAT) as consultant", "comme assistant à maîtrise d'ouvrage": a firm in
# a role that is not supplying.
_OTHER_ROLE_AFTER_RE = re.compile(
    r"(?: \([^()]{1,40}\))?,? (?:as|como|comme|en tant que|en calidad de|na qualidade de)"
    r" (?:the |an? |el |la |le |o |a )?"
    r"(?:[\w-]+ )?(?:consultants?|advis[eo]rs?|auditors?|lenders?|financiers?|guarantors?|insurers?|clients?"
    r"|customers?|buyers?|supervisors?|consultor(?:a|es)?|asesor(?:a|es)?|assessor(?:a|es)?|conseils?"
    r"|auditor(?:a|es)?|auditeurs?|financiador(?:a|es)?|bailleurs?|prestamista|credor)\b",
    re.IGNORECASE,
)


_CUT_BEFORE_RE = re.compile(r"(?:[A-Z][\w-]* (?P<last>[A-Z][\w-]*) (?:and|y|et|e) |\d+ )$")
_LEGAL_FORM_WORD_RE = re.compile(rf"(?:{lexicon.LEGAL_FORMS})")


def _inside_longer_name(text: str, start: int, names_at: bytearray, places_at: bytearray | None) -> bool:
    """True when the candidate continues a name the patterns cannot hold: after "China Road
    and" in "China Road and Bridge Corporation", after "24" in "24 Data Networks Limited". A
    known name, a place or a legal form before "and" ("Huawei and Acme Ltd", "Onda LLC y Pax
    S.A.") ends a list item, not such a name."""
    match = _CUT_BEFORE_RE.search(text, max(0, start - 60), start)
    if match is None:
        return False
    if match.group("last") is not None:
        last = match.span("last")
        known = names_at.find(1, *last) != -1 or (places_at is not None and places_at.find(1, *last) != -1)
        return not known and not _LEGAL_FORM_WORD_RE.fullmatch(match.group("last"))
    return True


# "signed the contract with the", "a signé un accord avec l'", "firmó un convenio con la": the
# name after it is the other party of the contract.
_SIGNED_WITH_BEFORE_RE = re.compile(
    r"\b(?:signed|reached|concluded|inked|sealed|firmó|firmaron|suscribió|celebró|a signé|ont signé|signe"
    r"|assinou|assinaram|celebrou)\b[^.;:]{0,50}?\b(?:contracts?|deals?|agreements?|contratos?|acuerdos?"
    r"|convenios?|contrats?|accords?|conventions?|acordos?|convênios?) (?:with|con|avec|com) "
    r"(?:the |la |el |le |l['’]|o |a )?$"
)
_ANAPHOR_SUBJECT_RE = re.compile(lexicon.ANAPHORA)


def _signed_by_a_firm(text: str, start: int, names_at: bytearray) -> bool:
    """True when the name at ``start`` is the other party of a contract that a firm signed:
    the signer, in the same sentence before the verb, is a known organisation or "the
    company", not a public body ("Honeywell, which signed the contract with the X"; "the
    company reached an agreement with the X"). Where an authority signs, the other party is
    its supplier ("the Authority signed a contract with X")."""
    signed = _SIGNED_WITH_BEFORE_RE.search(text, max(0, start - 90), start)
    if signed is None:
        return False
    opening = max(text.rfind(". ", 0, signed.start()), text.rfind("\n", 0, signed.start()), start - 300) + 1
    subject = text[opening : signed.start()]
    if {w.lower().strip(",.()") for w in subject.split()} & lexicon.AGENCY_WORDS:
        return False
    return names_at.find(1, opening, signed.start()) != -1 or _ANAPHOR_SUBJECT_RE.search(subject) is not None


# Titles and offices of people: a candidate the document writes after one is a person
# ("inaugurada pelo ministro do Interior, Manuel Homem"), not a firm.
_PERSON_TITLES = (
    r"Mr|Mrs|Ms|Dr|Sr|Sra|M|Mme|[Mm]inist(?:er|ro|re)|[Pp]resident[e]?|[Pp]résident|[Gg]overn(?:or|ador|adora)"
    r"|[Gg]obernador(?:a)?|[Gg]ouverneur|[Mm]ayor|[Aa]lcalde(?:sa)?|[Pp]refeit[oa]|[Mm]aire|[Dd]irect(?:or|eur|ora)"
    r"|[Dd]iretor(?:a)?|[Ss]ecretar(?:y|io|ia|ário|ária)|[Cc]ommissioner|[Cc]omisionado|[Cc]omandante|[Cc]olonel"
    r"|[Cc]oronel|[Cc]hief|[Ss]pokes(?:man|woman|person)|[Pp]ortavoz|[Pp]orta-voz|[Pp]orte-parole|[Ss]enat(?:or|eur)"
    r"|[Ss]enador(?:a)?|[Dd]eput(?:y|ado|ada)|[Dd]iputad[oa]|[Dd]éputé|CEO|[Cc]hairman|[Ff]ounder"
)


# "the software Gotham", "el sistema ABIS", "la plateforme Cityvision": the name of a product
# or system introduced by its kind.
_PRODUCT_BEFORE_RE = re.compile(
    r"\b(?:software|platform|system|programme|program|app|application|tool|product|solution|engine|algorithm"
    r"|sistema|logiciel|plataforma|plateforme|aplicativo|aplicación|programa|projeto|proyecto|projet|outil"
    r"|ferramenta|herramienta|produit|producto|produto|solución|solução)"
    r" (?:called |named |dubbed |llamad[oa] |denominad[oa] |baptisé |appelé |chamad[oa] )?[\"“«]?\s?$",
    re.IGNORECASE,
)
_POSSESSIVE_INSIDE_RE = re.compile(r"\w['’]s\b")


_TITLE_RE = re.compile(rf"(?:{_PERSON_TITLES})\.?")
_TITLE_BEFORE_RE = re.compile(rf"\b(?:{_PERSON_TITLES})\.?(?: [^\s.;:]+){{0,4}},? $")


def _person_in_document(text: str, name: str) -> bool:
    """True when the document writes ``name`` after a person's title or office, or the name
    opens with one ("President Rodrigo Duterte", "Coordinating Minister for ...")."""
    if any(_TITLE_RE.fullmatch(word) for word in name.split()[:2]):
        return True
    if " " not in name:
        return False  # one word: too often a firm after "CEO of", "director of"
    at = text.find(name)
    while at != -1:
        if _TITLE_BEFORE_RE.search(text, max(0, at - 80), at):
            return True
        at = text.find(name, at + 1)
    return False


def _common_words(text: str, name: str) -> bool:
    """True when every word of ``name`` before its last (the descriptive form: "Security",
    "AI") is one the document also writes in lower case: a phrase in title case ("Bid
    Security" in a tender's form list, "Three AI surveillance tools"), not a firm's name."""
    words = name.split(" ")[:-1]
    return bool(words) and all(
        re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", text) is not None for word in words
    )


def _written_as_name(text: str, word: str) -> bool:
    """True when the document writes ``word`` capitalised inside a sentence too: a name, not
    a common word that opens a sentence."""
    return re.search(rf"[a-z,] {re.escape(word)}\b", text) is not None


def _place_inside_allowed(name: str, start: int, end: int, places_at: bytearray | None) -> bool:
    """A name may hold a place when at least two of its words are not places and it is not a
    list of places ("Kenya, Uganda")."""
    if places_at is None or places_at.find(1, start, end) == -1:
        return True
    if "," in name:
        return False
    outside, position = 0, start
    for word in name.split(" "):
        if places_at.find(1, position, position + len(word)) == -1:
            outside += 1
        position += len(word) + 1
    return outside >= 2


# Lenders and funds: "Afreximbank", "Banco de Desarrollo", "Fonds Africain".
_FINANCIER_RE = re.compile(r"\b(?:Bank|Banco|Banque|Fund|Fondo|Fonds|Fundo)\b|[Ee]xim(?:bank)?\b")
_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an|un|une|una|um|uma) $", re.IGNORECASE)


def _whole_line(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 1) : start] in ("", "\n") and text[end : end + 1] in ("", "\n")


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _clean_name(
    text: str, start: int, end: int, res: Resources, acronyms: bool = False
) -> tuple[int, int] | None:
    """Trim a candidate name to the organisation proper, or None when it is not one."""
    name = text[start:end]
    words = name.split(" ")
    # Leading words that are not part of the name: "The", "Shenzhen-based", places, demonyms.
    while words and (
        words[0].lower().strip(",") in _STOP_FIRST
        or words[0].endswith("-based")
        or words[0] in res.gazetteer.terms
        and len(words) > 1
        and words[1][:1].isupper() is False
    ):
        start += len(words[0]) + 1
        words = words[1:]
    while words and (words[-1].endswith(",") or words[-1] in _CONNECTORS):
        if words[-1] in _CONNECTORS:
            words = words[:-1]
        else:
            words[-1] = words[-1].rstrip(",")
    if not words:
        return None
    name = " ".join(words)
    end = start + len(name)
    if "." in words[-1] and text.startswith(".", end):
        end += 1  # the full stop of an abbreviation ends it: "S.A.S." rather than "S.A.S"
        name += "."
    lowered = {w.lower().strip(",.") for w in words}
    if (
        lowered & lexicon.AGENCY_WORDS
        or lowered <= lexicon.NON_SUPPLIERS  # "Amnesty International", "Human Rights Watch"
        or name in res.gazetteer.terms
        or words[0].lower() in _STOP_FIRST
        or len(name) < 3
        and not (acronyms and len(name) == 2 and name[0].isupper() and name[1].islower())  # "Oi"
        or name.isdigit()
        or not_an_organisation(name)
    ):
        return None
    if len(words) == 1 and name.upper() == name and len(name) <= 4 and not acronyms:
        return None  # an acronym alone is too often a programme or an agency, unless introduced
    return start, end
