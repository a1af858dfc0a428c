"""Places that are not where a system is deployed.

A place named in a sentence is a deployment country unless the text uses it as something else
(GUIDELINES.md §3): a supplier's label ("Chinese firm", "Sweden's Axis", "Shenzhen-based"), a
currency ("US$9 million", "1.5 million U.S. dollars"), a government speaking ("Beijing denies",
"Washington says"), a lender or donor ("a loan from China Exim Bank", "with support from the
Chinese government"), the place of another event ("signed in Beijing", "a newsroom based in
Vilnius", "a study trip to Xinjiang"), a comparison ("as in China", "modelled on Beijing's") or
the last word of a supplier's name ("Idemia Identity & Security France", "ZTE Nigeria"), a
supplier's home ("vendors from China, Israel and Europe", "a firm registered in Cyprus", "basé à
Dakar"), a part of an institution's or newspaper's name ("University of Toronto", "The New York
Times"), or a part of a world region's name ("Latin America", "América Latina").
``not_deployment_place`` is the one pure test; relate keeps the places for which it is False.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oversight.extract.tag import Mention

_HOME_AFTER_RE = re.compile(
    r"^(?:'s)?[\s-]*(?:based|headquartered|made|owned|built|state-owned|backed|linked|"
    r"(?:(?:tech|technology|telecoms?|surveillance|security|state-owned|equipment|camera|AI|"
    r"private|giant|electronics|internet)\s+)*(?:firms?|company|companies|vendors?|giants?|suppliers?|"
    r"manufacturers?|makers?|group|corporation|contractors?|providers?|start-?ups?|businesses))\b",
    re.IGNORECASE,
)
_HOME_BEFORE_RE = re.compile(
    r"(?:based in|headquartered in|from|of|companies in|firms in)\s+$", re.IGNORECASE
)
_DEMONYM_AGENCY_RE = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:[Pp]olice|[Gg]overnment|[Mm]inistry|[Aa]uthorities|[Aa]rmy|[Mm]ilitary|"
    r"officials|[Ii]nterior|[Bb]order|[Ii]mmigration|[Cc]ustoms|[Gg]endarmerie|[Ee]lectoral)"
)
# Words just before a place that make it the place of something other than the deployment.
_ELSEWHERE_RE = re.compile(
    r"\b(?:based in|headquartered in|signed in|newsroom in|event in|conference in|summit in|visit to|"
    r"trip to|fair in|exhibition in|held in|offices? in|talks in|forum in|ceremony in|grant from|"
    r"loan from|loans from|financed by|funded by|financing from|paid for by|donated by|gift from|"
    r"donation from|credit from|support from|assistance from|aid from|funding from|help from|"
    r"backed by|as in|like in|than in|such as in|modell?ed on|inspired by|similar to|"
    r"exiled? in|expos? in|show in|visited|visiting|registered in|incorporated in|bank of|"
    r"basé à|basée à|basés à|con sede en|com sede em|sediada em|sediado em|"
    r"donad[oa]s? por|doad[oa]s? por|offert(?:e|s|es)? par|donné(?:e|s|es)? par|"
    r"proposé(?:e|s|es)? par|ofrecid[oa]s? por|oferecid[oa]s? por|"
    r"financé par|financiado por|financiado pelo|financiado pela|don de|prêt de|préstamo de|"
    r"empréstimo do|empréstimo da|signé à|firmado en|assinado em|comme en|como en|como na|como no)"
    r"\s+(?:the\s+|la\s+|el\s+|le\s+|o\s+|a\s+)?$",
    re.IGNORECASE,
)
# "Tajikistan's ministry signed a loan agreement for the Safe City Project in Beijing": a
# signing place, however far "signed" is within the clause, when the sentence names another
# country ("signed a contract for cameras in Belgrade" in a sentence about Serbia deploys them).
_SIGNED_IN_RE = re.compile(r"\b(?:signed|inked|sealed|agreed)\b[^.;:]{0,90}\bin\s+$", re.IGNORECASE)
# "vendors from China, Israel, Europe and the United States", "empresas de Brasil y Chile": the
# homes of suppliers, listed after a noun for suppliers, are not where anything is deployed.
_SUPPLIERS_FROM_RE = re.compile(
    r"\b(?i:vendors?|firms?|companies|suppliers?|manufacturers?|makers?|contractors?|providers?"
    r"|start-?ups?|businesses|empresas|compañías|proveedores|fabricantes|entreprises|sociétés"
    r"|fournisseurs|fabricants) (?i:from|de|da|do|des|du|del) "
    r"(?:(?:the )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:, | and | y | e | et | or | o | ou |, and ))*"
    r"(?i:the |la |el |le |les |los |o |a )?$"
)
# A place that is part of an institution's or a newspaper's name ("University of Toronto",
# "Universidad Hebrea de Jerusalén", "The New York Times", "Zimbabwe Herald") or that labels a
# lender ("China's Export-Import Bank", "l'Exim Bank de Chine") names no deployment.
_INSTITUTION_BEFORE_RE = re.compile(
    r"\b(?:University|Universidad|Université|Universidade|Universitat|Institute|Instituto|Institut)"
    r"(?: [A-Z][\w'’-]*)? (?:of|de|du|da|do|del) (?:the )?$"
    r"|\b(?:[Bb]ank|[Bb]anque|[Bb]anco) (?:de|do|da|del|du) (?:la |l'|l’)?$"
)
_INSTITUTION_AFTER_RE = re.compile(
    r"^(?: Daily| Morning| Sunday| Evening)? "
    r"(?:Times|Post|Herald|Tribune|Journal|Gazette|Chronicle|Observer)\b"
    r"|^(?:'s|’s)? (?:[A-Z][\w-]* ){0,3}(?:Bank|Eximbank|Fund|Agency)\b"
)
_CURRENCY_AFTER_RE = re.compile(r"^\s?(?:\$|dollars?\b|cents?\b|USD\b|yuan\b|renminbi\b)", re.IGNORECASE)
# Capitalised words between a supplier's name and a place that ends that name: "Idemia Identity &
# Security France", "Huawei Technologies Malaysia", "ZTE Nigeria".
_NAME_TAIL_RE = re.compile(r"(?: (?:&|[A-Z][\w'’.-]*)){0,3} ")
# "Beijing denies", "Washington says", "Moscow's outreach": a capital standing for a government.
_METONYMY_AFTER_RE = re.compile(
    r"^(?:'s|’s)?\s+(?:says?|said|denie[sd]|deny|claims?|claimed|insists?|insisted|warn(?:s|ed)?|"
    r"accuse[sd]?|argues?|argued|respond(?:s|ed)|outreach|influence|push|diplomacy|ambitions?|"
    r"model|playbook|critics)\b",
    re.IGNORECASE,
)


# "Latin America", "North America", "América Latina", "Amérique latine": a world region, neither
# the United States nor a city.
_REGION_BEFORE_AMERICA_RE = re.compile(r"\b(?:Latin|South|North|Central)[ -]$")
_AMERICA_BEFORE_RE = re.compile(r"\bAm[ée]ri(?:ca|que) $")


def not_deployment_place(
    text: str,
    place: Mention,
    homes: set[str],
    orgs_at: set[int],
    named: set[str] = frozenset(),
    org_ends: set[int] = frozenset(),
) -> bool:
    """True when ``place`` is named as a label, currency, speaker, financier, other event's
    venue or comparison rather than as the place of a deployment. ``homes``: home countries of
    the sentence's suppliers; ``orgs_at`` and ``org_ends``: where its organisation names start
    and end; ``named``: the countries of every place in the sentence."""
    if place.value.kind == "demonym":
        # "Chinese-made", "Senegalese firm": a label; "Royal Canadian Mounted Police" is an agency.
        return not _DEMONYM_AGENCY_RE.match(text, place.end)
    after = text[place.end : place.end + 60]
    before = text[max(0, place.start - 110) : place.start]
    if _AMERICA_BEFORE_RE.search(before) or (
        text.startswith("America", place.start) and _REGION_BEFORE_AMERICA_RE.search(before)
    ):
        return True
    if _CURRENCY_AFTER_RE.match(after) or _METONYMY_AFTER_RE.match(after) and place.value.kind == "city":
        return True
    if _HOME_AFTER_RE.match(after) or _ELSEWHERE_RE.search(before[-30:]) or _SUPPLIERS_FROM_RE.search(before):
        return True
    if _INSTITUTION_AFTER_RE.match(after) or _INSTITUTION_BEFORE_RE.search(before[-50:]):
        return True
    if named - {place.value.iso3} and _SIGNED_IN_RE.search(before):
        return True
    for k in range(4):
        if place.end + k in orgs_at and text[place.end : place.end + k].strip(" '’s") == "":
            return True  # "Sweden's Axis Communications", "Zhejiang Dahua Technology"
    if any(end < place.start and _NAME_TAIL_RE.fullmatch(text, end, place.start) for end in org_ends):
        return True
    return place.value.iso3 in homes and bool(_HOME_BEFORE_RE.search(before[-30:]))
