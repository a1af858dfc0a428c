"""Status of a sentence: which deployment event its cues report (GUIDELINES.md §6).

The cue of highest precedence wins (``lexicon.STATUS_PRECEDENCE``: a denial or a cancellation,
including a court suspension or a regulator forbidding activation, overrides the deployment it
is about; a trial is a pilot). Firm cues beat weak ones ("supplied", "uses"). Two exceptions:
a signed memorandum of understanding or letter of intent is still ``planned``, and future work
under a signed contract ("under the contract, signed in 2020, the company will install") is
``contracted``.
"""

from __future__ import annotations

import re

from oversight.extract.lexicon import STATUS_PRECEDENCE
from oversight.extract.tag import STATUS, Mention

_MOU_RE = re.compile(
    r"mou|memorandum|letter of intent|framework agreement|protocole d'accord|memorando|lettre d'intention",
    re.IGNORECASE,
)


def sentence_status(sentence: list[Mention], text: str) -> Mention | None:
    cues = [m for m in sentence if m.kind == STATUS]
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
