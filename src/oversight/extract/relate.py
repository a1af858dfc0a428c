"""Relate: link, sentence by sentence, where (country), who (vendor) and what (technology).

Rules, in the order they apply:

- A sentence with a technology cue yields one candidate per (country, vendor, technology).
- A sentence about a product launch, shares, a law or survey, or that negates ("no authority
  has proposed"), or a not-claim (``notclaims.not_claim``: marketing, market reports, generic
  sales, restrictions) yields nothing; one about sanctions, opinion or footage yields something
  only when it also reports a deployment event in a named place.
- Country: places in the sentence that are deployment places (``places.not_deployment_place``
  removes labels, currencies, metonymy, lenders, donors, signing places, comparisons); failing that, the
  country the text last spoke of, then its most-named country. A supplier's home country is
  never inherited from earlier sentences.
- Binding: with several vendors in a sentence, each keeps the countries and technologies of its
  own clause (``bind.bind``), not the cross product.
- Vendor: suppliers named in the sentence (banks and buying agencies are not suppliers);
  "the company" / "the Chinese firm" is the last vendor named; failing that, the suppliers
  of the sentence before or after; failing that, the suppliers the document names with an
  event for that country (document_vendors.py); else none.
- Status: the cue of highest precedence (denial, cancellation, pilot, in use, contract,
  plan) in the sentence, else in the sentence before or after; a denial or cancellation in
  the next sentences ends the story told before it. Year: the year nearest that cue. City:
  the one city of that country named in the sentence, else in the text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from oversight.extract.bind import attached, bind, clauses, separate
from oversight.extract.dates import published_year
from oversight.extract.document_vendors import lend_vendors, note_suppliers, supplier_withheld
from oversight.extract.lexicon import POLICE_WORDS_RE, SECURITY_WORDS_RE, SIMILAR_SYSTEM_RE, STATUS_PRECEDENCE
from oversight.extract.notclaims import asked_about, not_claim, ruled_out
from oversight.extract.places import not_deployment_place
from oversight.extract.segment import is_headline
from oversight.extract.status import sentence_status, status_by_technology
from oversight.extract.tag import ANAPHOR, HEDGE, NEGATIVE, ORG, PLACE, TECH, YEAR, Mention

if TYPE_CHECKING:
    from oversight.extract.resources import Resources


# Events of the article's own day when the text gives them no year.
_NEWS_STATUSES = ("planned", "denied")


@dataclass
class Candidate:
    country: str
    vendor: str | None
    vendor_known: bool
    technology: str
    status: str | None
    year: int | None
    city: str | None
    start: int
    end: int
    vendor_in_sentence: bool
    country_in_sentence: bool
    hedged: bool
    via_anaphor: bool
    city_in_sentence: bool = False
    vendor_from_document: bool = False
    supplier_withheld: bool = False  # the text says the supplier is not named: none is lent
    headline: bool = False
    status_lent: bool = False  # the status comes from the sentence before or after
    # The article's year, for a plan or a denial that the text does not date: the claim's year,
    # though not a year the text states (the scorer's ``has_year`` reads ``year`` only).
    article_year: int | None = None


def _sentence_index(spans: list[tuple[int, int]], mentions: list[Mention]) -> list[list[Mention]]:
    starts = [s for s, _ in spans]
    out: list[list[Mention]] = [[] for _ in spans]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.start < spans[i][1]:
            out[i].append(m)
    return out


def _police_data(sentence: list[Mention], text: str, span: tuple[int, int]) -> list[Mention]:
    """A data platform or database in a sentence that names the police is the police's:
    smart_policing, not big_data_platform ("Dutch police use big data to predict crime")."""
    if not any(m.kind == TECH and m.value == "big_data_platform" for m in sentence):
        return sentence
    if not POLICE_WORDS_RE.search(text, span[0], span[1]):
        return sentence
    return [
        replace(m, value="smart_policing") if m.kind == TECH and m.value == "big_data_platform" else m
        for m in sentence
    ]


# "the trading arm of the state-owned China Electronics Corporation", "a subsidiary of Acme":
# the owner named in a description of the supplier is not a supplier itself.
_OWNER_BEFORE_RE = re.compile(
    r"\b(?:arm|subsidiary|subsidiaries|unit|division|affiliate|parent company|parent|owned by|controlled by"
    r"|filiale|filial|subsidiaria|subsidiária|propriété) (?:of |de |du |da |do |del |d')?"
    r"(?:the |la |le |el |a |o |l')?(?:[\w-]+ ){0,2}$",
    re.IGNORECASE,
)


def _suppliers(sentence: list[Mention], text: str) -> list[Mention]:
    return [
        m
        for m in sentence
        if m.kind == ORG
        and m.org_kind not in ("financier", "buyer_agency")
        and not _OWNER_BEFORE_RE.search(text[max(0, m.start - 60) : m.start])
    ]


# Cameras named as the source of what another system works on (GUIDELINES.md §1, §4: software on
# existing cameras gets only its own claim): "images taken from security cameras", "a live
# stream from cameras", "data from the ANPR cameras", "the software runs on a network of 80
# cameras", "opera desde 2019 sobre cámaras del centro", "faces captured on the cameras", "a
# platform that accesses cameras and records".
_CAMERA_INPUT_BEFORE_RE = re.compile(
    r"(?:\b(?:images?|footage|feeds?|streams?|photos?|photographs|pictures|stills|frames?|recordings"
    r"|data|records|alerts|im[aá]gen(?:es)?|imagens|fotogramas?|grabaciones|grava[cç][oõ]es|flux"
    r"|enregistrements|datos|dados|donn[ée]es|registros|alertas|alertes)"
    r"(?: (?:taken|captured|recorded|drawn|pulled|obtained|tomadas?|captadas?|capturadas?|obtenidas?"
    r"|obtidas?|prises|capt[ée]es|enregistr[ée]es))?"
    r" (?:from|by|on|of|de|desde|por|das|dos|del|des|du|pelas|pelos)"
    r"|\b(?:runs?|running|operates?|works?|opera|funciona|fonctionne|op[èe]re|roda)(?: [\w-]+){0,4}"
    r" (?:on|over|sobre|sur|em|en)"
    r"|\b(?:captured|recorded|filmed|captadas?|grabadas?|gravadas?|capt[ée]es|film[ée]es)"
    r" (?:on|by|with|por|par|pelas|pelos|con|com)"
    r"|\b(?:access(?:es|ed|ing)?|acessa[mr]?|accede[nr]?|acc[èe]de(?:nt|r)?)"
    r")(?: [\w'’-]+){0,4} $",
    re.IGNORECASE,
)
# Romance puts the adjective after the noun: "las cámaras existentes", "les caméras existantes".
_EXISTING_AFTER_RE = re.compile(
    r" (?:[\w-]+ ){0,2}(?:existentes?|existantes?|j[aá] instaladas)\b", re.IGNORECASE
)


def _camera_as_input(text: str, cue: Mention) -> bool:
    """Whether a camera cue names the existing input of another system rather than a deployment
    of cameras of its own."""
    if "existing" in text[max(0, cue.start - 25) : cue.start] or _EXISTING_AFTER_RE.match(text, cue.end):
        return True
    return bool(_CAMERA_INPUT_BEFORE_RE.search(text, max(0, cue.start - 60), cue.start))


# A technology named as the trade of a firm describes the supplier, not a deployment: "the French
# biometrics company Idemia", "camera makers Hikvision and Dahua", "spyware vendors", "la
# empresa de videovigilancia", "le spécialiste de la reconnaissance faciale".
_TRADE_AFTER_RE = re.compile(
    r"(?:['’]s)?[ -](?:company|companies|firms?|makers?|vendors?|providers?|specialists?|suppliers?"
    r"|start-?ups?|developers?|giants?|manufacturers?|brands?)\b",
    re.IGNORECASE,
)
_TRADE_BEFORE_RE = re.compile(
    r"\b(?:empresas?|compañías?|companhias?|firmas?|fabricantes?|proveedor(?:a|es)?|fornecedor(?:a|es)?"
    r"|entreprises?|soci[ée]t[ée]s?|fabricants?|sp[ée]cialistes?|gigantes?|g[ée]ants?)"
    r" (?:de|do|da|del|des|du|dos|das|en|em)(?: la| el| los| las| le| les| os| as| o| a)?(?: l['’])? ?$",
    re.IGNORECASE,
)


def _describes_supplier(text: str, cue: Mention) -> bool:
    """Whether a technology cue is the trade in a description of a firm."""
    before = _TRADE_BEFORE_RE.search(text, max(0, cue.start - 40), cue.start)
    return bool(before or _TRADE_AFTER_RE.match(text, cue.end))


def _technologies(sentence: list[Mention], text: str, span: tuple[int, int]) -> dict[str, Mention]:
    strong = {m.value for m in sentence if m.kind == TECH and not m.weak}
    techs: dict[str, Mention] = {}
    for m in sentence:
        if m.kind != TECH or m.value in techs:
            continue
        before = text[span[0] : m.start]
        if asked_about(before) or ruled_out(before):
            continue
        if m.weak and m.value == "safe_city" and not SECURITY_WORDS_RE.search(text, span[0], span[1]):
            continue  # "smart city solutions" for parking and lighting
        if m.value == "video_surveillance" and _camera_as_input(text, m):
            continue
        if _describes_supplier(text, m):
            continue
        if m.weak and strong and m.value not in strong:
            continue
        techs[m.value] = m
    return techs


# Coordinated parts of a sentence: "Bolivia runs a similar system, ..., and Venezuela's card ...".
_COORDINATION_RE = re.compile(r",? (?:and|y|et|e) (?=[A-ZÀ-Ý])")


def _similar_system(
    text: str, span: tuple[int, int], earlier: dict[str, Mention]
) -> tuple[dict[str, Mention], tuple[int, int]] | None:
    """For a sentence that names no technology but points back to a "similar system": the
    technologies of the last sentence that had some, placed at the pointing phrase, and the
    part of the sentence (its clause, up to a coordination) that the pointing phrase is in."""
    match = SIMILAR_SYSTEM_RE.search(text, span[0], span[1]) if earlier else None
    if match is None:
        return None
    bounds = [span[0], span[1]]
    for start, end in clauses(text, span[0], span[1]):
        bounds += [start, end]
    bounds += [m.start() for m in _COORDINATION_RE.finditer(text, span[0], span[1])]
    begin = max(b for b in bounds if b <= match.start())
    end = min(b for b in bounds if b >= match.end())
    return {tech: Mention(TECH, match.start(), match.end(), tech) for tech in earlier}, (begin, end)


def relate(
    text: str,
    spans: list[tuple[int, int]],
    mentions: list[Mention],
    res: Resources,
    published: str | None = None,
) -> list[Candidate]:
    by_sentence = [
        _police_data(s, text, span) for s, span in zip(_sentence_index(spans, mentions), spans, strict=True)
    ]
    homes_of = res.vendor_homes

    # Deployment places per sentence (labels of a supplier's home removed), and the
    # document's most-named country as the last fallback.
    places: list[list[Mention]] = []
    votes: Counter[str] = Counter()
    # A supplier's home country is a deployment country only where a sentence says so: it is
    # never inherited by the sentences after it, nor the document's default.
    doc_homes = {homes_of[m.value] for m in mentions if m.kind == ORG and m.value in homes_of}
    for sentence in by_sentence:
        homes = {homes_of[m.value] for m in sentence if m.kind == ORG and m.value in homes_of}
        orgs_at = {m.start for m in sentence if m.kind == ORG}
        org_ends = {m.end for m in sentence if m.kind == ORG}
        named = {m.value.iso3 for m in sentence if m.kind == PLACE}
        kept = [
            m
            for m in sentence
            if m.kind == PLACE and not not_deployment_place(text, m, homes, orgs_at, named, org_ends)
        ]
        kept += [
            _agency_place(m, res)
            for m in sentence
            if m.kind == ORG and m.org_kind == "buyer_agency" and res.organisations[m.value].country
        ]
        # A dateline or heading in capitals ("KAMPALA (Reuters) -") says where the story is,
        # not where its sentence's system is: it only votes for the document's country.
        places.append([m for m in kept if m.value.kind != "heading"])
        negative = any(m.kind == NEGATIVE and m.value == "sanctions" for m in sentence)
        if not negative:
            votes.update(m.value.iso3 for m in kept)
    if set(votes) <= doc_homes:
        # A story that names no country but its suppliers' own is about a deployment at home
        # ("a French start-up's software tested in Paris").
        doc_homes = set()
    places, votes = _without_lone_cities(text, places, votes, doc_homes, res.gazetteer.capitals)
    votes = Counter({iso3: n for iso3, n in votes.items() if iso3 not in doc_homes})
    doc_country = votes.most_common(1)[0][0] if votes else None

    article_year = published_year(published)
    out: list[Candidate] = []
    last_vendor: Mention | None = None
    context_country: str | None = None
    prev_suppliers: list[Mention] = []
    prev_blocked = False
    last_found: list[Candidate] = []
    last_found_at = -10
    last_techs: dict[str, Mention] = {}
    suppliers_of = [_suppliers(s, text) for s in by_sentence]
    doc_suppliers: dict[str, dict[str, Mention]] = {}
    for i, sentence in enumerate(by_sentence):
        suppliers = suppliers_of[i]
        next_suppliers = suppliers_of[i + 1] if i + 1 < len(by_sentence) else []
        techs = _technologies(sentence, text, spans[i])
        # Only where the sentence names a place: "similar systems elsewhere" is background.
        similar = _similar_system(text, spans[i], last_techs) if places[i] and not techs else None
        if similar:
            techs = similar[0]
        status = own_status = sentence_status(sentence, text, spans[i])
        status_sentence = sentence
        if status is None and techs:
            # "The agreement covers 400 cameras": the event is in the sentence before or after.
            for j in (i - 1, i + 1):
                if 0 <= j < len(by_sentence):
                    near = sentence_status(by_sentence[j], text, spans[j])
                    if near is not None:
                        status, status_sentence = near, by_sentence[j]
                        break
        negatives = {m.value for m in sentence if m.kind == NEGATIVE}
        sentence_places = places[i]
        own_suppliers, lent_suppliers = suppliers, prev_suppliers or next_suppliers
        if similar:
            # The place, and the supplier if any, of the pointing phrase's own part.
            begin, end = similar[1]
            sentence_places = [p for p in sentence_places if begin <= p.start < end]
            own_suppliers, lent_suppliers = [m for m in suppliers if begin <= m.start < end], []
            if not sentence_places:
                techs = {}
        # A sentence about sanctions, shares or opinion still counts when it reports a
        # deployment status in a named place; a product launch never does.
        firm = own_status is not None and not own_status.weak
        blocked = bool(
            negatives & {"product", "negation", "law", "stock"}
            or (negatives and not (firm and sentence_places))
            or (techs and not_claim(text[spans[i][0] : spans[i][1]]))
        )
        # "The company said the device ..." continues the sentence before it.
        anaphoric = not suppliers and any(m.kind == ANAPHOR for m in sentence)
        blocked = blocked or (prev_blocked and anaphoric)
        if techs and not blocked:
            # "The police did not say which companies supply the cameras." withholds the
            # supplier of its own sentence and of the sentence before.
            withheld = any(supplier_withheld(text[start:end]) for start, end in spans[i : i + 2])
            if withheld:
                lent_suppliers = []
            found = _candidates(
                text,
                spans[i],
                sentence,
                own_suppliers,
                techs,
                status_by_technology(sentence, text, status, techs)
                if status_sentence is sentence
                else dict.fromkeys(techs, status),
                sentence_places,
                None if withheld else last_vendor,
                lent_suppliers,
                context_country or doc_country,
                homes_of,
            )
            headline = is_headline(text, *spans[i])
            for c in found:
                c.headline = headline
                c.supplier_withheld = withheld and not c.vendor_in_sentence
            if status_sentence is not sentence:
                for c in found:
                    c.status_lent = True
                # A year of the sentence's own dates its own event ("delivered in 2015", beside
                # "Huawei has built ..."); failing that, the year of the event that lent the status.
                years = [m for m in status_sentence if m.kind == YEAR]
                if years:
                    year = min(years, key=lambda m: abs(m.start - status.start)).value
                    for c in found:
                        c.year = c.year or year
            # An announced plan or a denial is news: undated, it is of the article's own date
            # ("the city will install 500 cameras", "the ministry says face recognition is not
            # used"), never of an older event told beside it.
            for c in found:
                if c.year is None and c.status in _NEWS_STATUSES:
                    c.article_year = article_year
            near = [
                m
                for j in (i - 1, i + 1)
                if 0 <= j < len(by_sentence)
                for m in by_sentence[j]
                if m.kind == YEAR
            ]
            for c in found:
                if c.year is None and near:
                    c.year = min(near, key=lambda m: abs(m.start - spans[i][0])).value
            out.extend(found)
            last_found, last_found_at = found, i
            last_techs = techs
        elif (
            own_status
            and own_status.value in ("denied", "cancelled")
            and not negatives
            and last_found_at >= i - 2
        ):
            # "The government denied the reports." ends the story of the sentences before, but
            # only the story it is about: an ending that names other countries ("Cambodia has
            # banned the opposition") or other technologies leaves the rest as it was.
            named_countries = {p.value.iso3 for p in places[i]}
            for c in last_found:
                other_country = bool(named_countries) and c.country not in named_countries
                if other_country or (techs and c.technology not in techs):
                    continue
                c.status, c.status_lent = own_status.value, False
                years = [m.value for m in sentence if m.kind == YEAR]
                c.year = years[0] if years else c.year
                c.article_year = None if years else article_year
        prev_blocked = blocked
        countries = [p.value.iso3 for p in places[i] if p.value.iso3 not in doc_homes]
        if countries and not blocked:
            context_country = Counter(countries).most_common(1)[0][0]
        if suppliers:
            last_vendor = suppliers[-1]
        prev_suppliers = suppliers
        if not blocked:
            note_suppliers(
                doc_suppliers, suppliers, countries or [context_country or ""], own_status is not None
            )
    out = lend_vendors(out, doc_suppliers)
    # A claim whose sentence names no city takes the city of its country that the text names,
    # when it names only one.
    doc_cities: dict[str, set[str]] = {}
    for sentence_places in places:
        for p in sentence_places:
            if p.value.kind == "city":
                doc_cities.setdefault(p.value.iso3, set()).add(_city_name(text, p))
    for c in out:
        if c.city is None and not c.city_in_sentence and len(doc_cities.get(c.country, ())) == 1:
            c.city = next(iter(doc_cities[c.country]))
    return out


def _without_lone_cities(
    text: str, places: list[list[Mention]], votes: Counter[str], doc_homes: set[str], capitals: frozenset[str]
) -> tuple[list[list[Mention]], Counter[str]]:
    """The places without the cities that are the only name the document gives their country,
    in a story that places itself in another country: such a name is more often a namesake, a
    district, a person or a comparison ("la zona de Miraflores" in La Paz, "police chief
    Vladimir Rebić", "cities such as Cape Town and Kigali") than the place of a deployment. A
    story places itself in a country by naming it in two ways at least ("Bolivia", "La Paz"); a
    capital stands for its country ("In Belgrade, the interior ministry installed ...")."""
    names: dict[str, set[str]] = {}
    for sentence_places in places:
        for p in sentence_places:
            names.setdefault(p.value.iso3, set()).add(text[p.start : p.end].casefold())
    placed = {iso3 for iso3, written in names.items() if len(written) > 1 and iso3 not in doc_homes}
    mentions = [p.value for sentence_places in places for p in sentence_places]
    cities = {p.iso3 for p in mentions if p.kind == "city"}
    only_cities = cities - {p.iso3 for p in mentions if p.kind != "city" or p.city in capitals}
    lone = {iso3 for iso3 in only_cities if len(names[iso3]) == 1 and placed - {iso3}}
    if not lone:
        return places, votes
    kept = [[p for p in sentence_places if p.value.iso3 not in lone] for sentence_places in places]
    return kept, Counter({iso3: n for iso3, n in votes.items() if iso3 not in lone})


def _city_name(text: str, place: Mention) -> str:
    """The city as the text names it: "Davao City" rather than the gazetteer's "Davao"."""
    name = place.value.city
    return name + " City" if text.startswith(" City", place.end) and not name.endswith("City") else name


def _agency_place(m: Mention, res: Resources) -> Mention:
    from oversight.extract.gazetteer import Place

    country = res.organisations[m.value].country or ""
    return Mention(PLACE, m.start, m.end, Place(country, None, "agency"))


def _candidates(
    text,
    span,
    sentence,
    suppliers,
    techs,
    status_of,
    sentence_places,
    last_vendor,
    prev_suppliers,
    fallback_country,
    homes_of,
) -> list[Candidate]:
    via_anaphor = False
    vendors = suppliers
    if not vendors:
        anaphors = [m for m in sentence if m.kind == ANAPHOR]
        if anaphors and last_vendor is not None:
            vendors, via_anaphor = [last_vendor], True
        elif prev_suppliers:
            vendors = prev_suppliers
    vendor_in_sentence = bool(suppliers)
    # Names found only by their legal form ("... Ltd") count when no supplier is named otherwise.
    named = [v for v in vendors if not v.weak]
    if named:
        vendors = named

    homes = {homes_of.get(v.value) for v in vendors} - {None}
    countries: list[str] = []
    for p in sentence_places:
        if p.value.iso3 not in countries:
            countries.append(p.value.iso3)
    away = [c for c in countries if c not in homes]
    country_in_sentence = bool(countries)
    if away:
        countries = away
    if not countries and fallback_country:
        countries = [fallback_country]
    if not countries:
        return []

    years = [m for m in sentence if m.kind == YEAR]
    stated = [s for s in status_of.values() if s is not None]
    status = min(stated, key=lambda s: STATUS_PRECEDENCE.index(s.value)) if stated else None
    anchor = status.start if status else min(t.start for t in techs.values())
    year = min(years, key=lambda m: abs(m.start - anchor)).value if years else None
    hedged = any(m.kind == HEDGE for m in sentence)
    # Each vendor of the sentence keeps the countries and technologies of its own clause.
    parts = clauses(text, span[0], span[1])
    placed = [(v.start, v.value) for v in vendors] if vendor_in_sentence else []
    country_of = bind(
        parts, placed, [(p.start, p.value.iso3) for p in sentence_places if p.value.iso3 in countries]
    )
    tech_mentions = [m for m in sentence if m.kind == TECH and m.value in techs]
    tech_of = bind(parts, placed, [(m.start, m.value) for m in tech_mentions])
    if vendor_in_sentence and len(vendors) > 1:
        ties = attached(
            text,
            [(v.start, v.end, v.value) for v in vendors],
            [(m.start, m.end, m.value) for m in tech_mentions],
        )
        tech_of = separate(tech_of, ties)
    out = []
    for vendor in vendors or [None]:
        name = vendor.value if vendor else None
        for country in country_of.get(name) or countries:
            cities = list(
                dict.fromkeys(
                    _city_name(text, p)
                    for p in sentence_places
                    if p.value.iso3 == country and p.value.kind == "city"
                )
            )
            for tech in tech_of.get(name) or techs:
                out.append(
                    Candidate(
                        country=country,
                        vendor=name,
                        vendor_known=bool(vendor and vendor.org_kind != "unknown"),
                        technology=tech,
                        status=status_of[tech].value if status_of[tech] else None,
                        year=year,
                        city=cities[0] if len(cities) == 1 else None,
                        start=span[0],
                        end=span[1],
                        vendor_in_sentence=vendor_in_sentence,
                        country_in_sentence=country_in_sentence,
                        hedged=hedged,
                        via_anaphor=via_anaphor,
                        city_in_sentence=len(cities) > 1,
                    )
                )
    return out
