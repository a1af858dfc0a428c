# ruff: noqa: E501 - pattern tables are data, one alternative group a line
"""Not-claims: sentences that name a technology, a vendor and a place without reporting that an
authority deployed anything (GUIDELINES.md §1).

``not_claim(sentence)`` returns the kind of not-claim a sentence is, or None:

- ``marketing``: pitching, trade-fair stands, exhibitors, "hopes to win contracts";
- ``market``: market size and growth, rankings of makers ("the world's two biggest camera makers"),
  trends of an industry;
- ``generic``: sales counted in countries or in millions of units ("sold in more than 150
  countries", "some 1.3 million of its cameras are in use");
- ``restriction``: restrictions, bans on sale or use, approvals refused, orders to stop installing
  or to remove a supplier's equipment, "threat to national security";
- ``law``: a law or vote about a technology in general ("the AI Act", "voted to bar").

The lexicon-based negatives of ``lexicon.NEGATIVE_CUES`` only weaken a sentence that also reports
a deployment; these patterns block it, because a deployment cue in such a sentence ("cameras are
in use", "will not be approved") is part of the not-claim itself. Patterns cover English,
Spanish, French and Portuguese.

``asked_about(before)`` tells whether a mention sits inside an indirect question ("did not
respond to questions about whether facial recognition is used"): it is asked about, not reported.
"""

from __future__ import annotations

import re

_PATTERNS: dict[str, re.Pattern[str]] = {
    "marketing": re.compile(
        r"\b(?:(?:is|are|was|were|been) (?:marketing|pitching|courting|touting)|pitch(?:es|ed|ing) (?:its|their)"
        r"|(?:largest|biggest|its|their) (?:stands?|booths?|pavilions?)|exhibitors?|start-?up zone"
        r"|hop(?:es|ed|ing) to (?:win|sell|land|break into)|on display|showcas(?:es|ed|ing)"
        r"|sales (?:push|pitch|drive)|potential (?:buyers|customers|clients)"
        r"|promueve|promociona|fait la promotion|fazer a promoção"
        # A vendor's offer with no buyer: "have begun offering their software", "marketing
        # materials", "is pursuing a role", "a lancé son offre", "lanzó su oferta".
        r"|(?:began|begun|started|start) offering|marketing materials?|pursuing a (?:role|share|contract)"
        r"|(?:lancé|lance|lancent|lanzó|lanza|lançou|lança) (?:son|sa|leur|su|sua) (?:offre|oferta))\b",
        re.IGNORECASE,
    ),
    "market": re.compile(
        r"\b(?:market (?:is|was) (?:worth|valued|estimated)|market (?:size|share|research|forecast)"
        r"|CAGR|compound annual|growing at (?:double|\d)|main trends|(?:world's|global) (?:largest|biggest"
        r"|two largest|two biggest|leading) (?:[\w-]+ ){0,3}(?:makers?|suppliers?|manufacturers?|vendors?)"
        r"|mercado (?:de|mundial)|marché (?:mondial|de la))\b",
        re.IGNORECASE,
    ),
    "generic": re.compile(
        r"\b(?:sold|used|deployed|present|installed|available) in (?:more than |over |some |about |nearly )?"
        r"\d[\d,]* (?:countries|nations|cities)\b"
        r"|\b\d[\d,.]* (?:million|thousand) (?:of )?(?:its |their )?(?:cameras|devices|units) (?:are|were) in use\b",
        re.IGNORECASE,
    ),
    "restriction": re.compile(
        r"\b(?:restrictions? on|ban on the (?:sale|use|purchase)|will not be approved|opposes? the listing"
        r"|stop (?:installing|putting|buying|procuring)"
        r"|(?:dejar|deixar) de (?:instalar|comprar|adquirir)|cesser d'(?:installer|acheter)|lista negra|liste noire"
        r"|remov(?:e|ing) and replac\w*|rip and replace"
        r"|threat to national security|national security (?:risk|threat)s?"
        r"|(?:would|will|to) remove (?:\d+ |the |its |their |all )?(?:[\w-]+ ){0,2}cameras)\b",
        re.IGNORECASE,
    ),
    "law": re.compile(r"\b(?:AI Act|voted to (?:bar|ban)|Ley de IA|loi sur l'IA)\b", re.IGNORECASE),
}


def not_claim(sentence: str) -> str | None:
    """The kind of not-claim ``sentence`` is (see the module docstring), or None."""
    for kind, pattern in _PATTERNS.items():
        if pattern.search(sentence):
            return kind
    return None


# An indirect question runs from its opener to the end of the clause (a semicolon ends it).
_QUESTION_RE = re.compile(
    r"\b(?:whether|ask(?:ed|s)? if|savoir si|demand(?:é|ée|er|e) si|saber si|pregunt(?:ó|ar|a|aron) si"
    r"|pergunt(?:ou|ar|a|aram) se|saber se)\b[^;]*$",
    re.IGNORECASE,
)


def asked_about(before: str) -> bool:
    """True when ``before`` (the sentence up to a mention) leaves the mention inside an indirect
    question: "say whether the cameras are equipped with face recognition"."""
    return _QUESTION_RE.search(before) is not None


# An exclusion ("the text explicitly excludes facial recognition", "não contempla a utilização de
# reconhecimento facial") or a ban on the use of a technology in general ("bans the use of facial
# recognition technology", "proíbe a utilização de tecnologia de ...") right before a mention.
# Only the mention right after the construction is dropped: the rest of the sentence may still
# report a deployment ("installed 300 cameras; the contract excludes facial recognition").
_RULED_OUT_RE = re.compile(
    r"\b(?:(?:excludes?|excluding|excluded|exclut|excluent|excluye|excluyen|exclui|excluem"
    r"|does not (?:include|cover)|do not (?:include|cover)|no contempla|não contempla|ne prévoit pas)"
    r"(?: (?:explicitly|expressly|explicitement|expressément|expresamente|explícitamente|expressamente))?"
    r"(?: (?:the use of|any|l'usage de|l'utilisation de|tout recours à|el uso de|la utilización de|o uso de|a utilização de))?"
    r"(?: (?:la|le|l'|el|a|o))?"
    # Present tense, infinitive and the passive of a text's rule only: a past "banned",
    # "prohibió", "a interdit" is often a court or a council stopping its own deployment.
    r"|(?:bans?|banning|prohibits?|prohibiting|outlaws?|(?:is|are) banned|prohíben?|prohibir|(?<!\ba )(?<!\bont )interdit"
    r"|interdisent|interdire|proíbem?|proibir|quedan? prohibid[oa]s?|fica proibid[oa]|(?:est|sont) interdite?s?)"
    r" (?:the use of|l'usage de|l'utilisation de"
    r"|le recours à|el uso de|la utilización de|el empleo de|o uso de|a utilização de|o emprego de)"
    r"(?: (?:(?:la |a )?(?:tecnologías?|tecnologias?|technologies|technologie) (?:de|d')|technologies? such as"
    r"|la|le|l'|el|a|o))?)"
    r" ?$",
    re.IGNORECASE,
)


def ruled_out(before: str) -> bool:
    """True when ``before`` (the sentence up to a mention) excludes the mentioned technology or
    bans its use in general: "the text excludes facial recognition", "prohíbe el uso de
    reconocimiento facial"."""
    return _RULED_OUT_RE.search(before) is not None
