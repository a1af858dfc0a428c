"""Screening: supplier names -> registry entities and the restriction lists that reach them.

`build_index` normalises every name, legal name, alias and listed name once; `screen` then
normalises a query and looks for it in three steps, cheapest first:

1. exact keys (a dict): the same name, the same distinctive words, or the same name once
   trailing generic words are set aside. Most real variants end here, in O(1).
2. blocking: names that share a distinctive word, a one-letter-deleted variant (SymSpell
   style) or enough character trigrams with the query. Only these few candidates are
   scored, never the whole registry.
3. scoring with small features, each giving a score and a reason (STYLE.md item 5): typing
   slips (rapidfuzz edit distances), words added or dropped, Chinese homophones,
   transliteration, country qualifiers.

Every result carries `MATCHER_VERSION`, so an old screening stays explainable when the
logic changes (STYLE.md item 4).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from rapidfuzz.distance import OSA, Levenshtein

from oversight.errors import NoListings
from oversight.registry.citations import official_links
from oversight.screening.normalise import Normalised, normalise, pinyin

MATCHER_VERSION = "oversight-screen-v2"
DEFAULT_THRESHOLD = 0.85
SAME_CORE = 0.97  # same distinctive words; generic words ("technology") differ
TRANSLITERATION = 0.96  # factor when one side is Chinese script: homophones make pinyin lossy
QUALIFIER_PENALTY = 0.02  # "(Kenya)", "USA": a national subsidiary rather than the company
MIN_FUZZY_LENGTH = 5  # shorter names (ZTE, NEC, Yitu) must match exactly: one slip is another name
# A distinctive name this short ("Keda", "Leon") is shared by unrelated firms; it identifies
# one only when the generic words around it agree too.
SHORT_CORE = 5
FUZZY_CANDIDATES = 12
# A word or trigram shared by more names than this says little about which one is meant
# ("china", "ion"); blocking skips it, as search engines skip stop words.
COMMON_POSTING = 50
MAX_NEAR_MISSES = 3

FIELDS = {"name": "name", "legal_name": "legal name", "listed_name": "listed name",
          "alias": "alias"}
_FIELD_RANK = {"name": 3, "legal_name": 2, "listed_name": 1, "alias": 0}
_REMOVALS = {"legal suffix", "legal prefix", "city prefix", "place", "branch"}


@dataclass(frozen=True, slots=True)
class NameForm:
    """One written name of one entity, normalised once at index time."""

    entity: int
    field: str
    label: str
    name: Normalised

    @property
    def fuzzy_key(self) -> str:
        return self.name.full if self.name.weak else self.name.core


@dataclass(frozen=True)
class ScreeningIndex:
    """Everything `screen` needs, precomputed; plain data, safe to share between threads."""

    entities: tuple[dict[str, Any], ...]
    forms: tuple[NameForm, ...]
    exact: dict[str, tuple[int, ...]]
    words: dict[str, tuple[int, ...]]
    deletions: dict[str, tuple[int, ...]]
    grams: dict[str, tuple[int, ...]]
    common_grams: frozenset[str]
    chinese_names: dict[int, tuple[str, ...]]
    list_versions: tuple[dict[str, Any], ...]
    version: str = MATCHER_VERSION


@dataclass(frozen=True, slots=True)
class Verdict:
    """A query compared with one name form: a score, and why it is or is not a match."""

    form: NameForm
    score: float
    accepted: bool
    reason: str
    rejected: bool = False


def _deletions(key: str) -> set[str]:
    """The key with each letter dropped in turn (SymSpell-style blocking): two names one
    slip apart (a swap, a substitution, a missing letter) always share one of these."""
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


def _grams(key: str) -> set[str]:
    padded = f"^{key}$"
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _list_view(entry: Mapping[str, Any]) -> dict[str, Any]:
    listed = entry.get("listed") or entry.get("date")
    return {
        "list": entry.get("list"),
        "date": listed.isoformat() if isinstance(listed, date) else listed,
        "citation": entry.get("citation"),
        "listed_name": entry.get("listed_name"),
        "url": entry.get("url"),
        "official": [link.as_dict() for link in official_links(entry.get("citation"))],
        "via": entry.get("via"),
        "until": entry.get("until"),
    }


def in_force(entry: Mapping[str, Any], as_of: str | None) -> bool:
    """Whether a listing applied on `as_of` (ISO date); today's lists when None. A listing
    applies from its date up to, not including, the date it was removed."""
    until = entry.get("until")
    if as_of is None:
        return until is None
    start = entry.get("date")
    return (start is None or start <= as_of) and (until is None or as_of < until)


def _names_of(entity: Mapping[str, Any]) -> Iterable[tuple[str, str]]:
    yield "name", entity["name"]
    if entity.get("legal_name"):
        yield "legal_name", entity["legal_name"]
    for entry in entity.get("lists") or []:
        if entry.get("via") is None:  # a parent's listed names name the parent, not this entity
            yield "listed_name", entry.get("listed_name") or ""
            for alias in entry.get("aliases") or []:
                yield "listed_name", alias
    for alias in entity.get("aliases") or []:
        yield "alias", alias


def versions_of(entities: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The list versions behind plain entities: each list's own entries and latest date."""
    entries: dict[str, set[str]] = {}
    latest: dict[str, str] = {}
    for entity in entities:
        for entry in entity.get("lists") or []:
            if entry.get("via") is None and entry.get("until") is None:
                entries.setdefault(entry["list"], set()).add(entry.get("listed_name") or "")
                listed = _list_view(entry)["date"]
                if listed and listed > latest.get(entry["list"], ""):
                    latest[entry["list"]] = listed
    return [{"list": name, "source": "entities", "as_of": latest.get(name),
             "entries": len(names), "sha256": None} for name, names in sorted(entries.items())]


def build_index(entities: Iterable[Mapping[str, Any]],
                list_versions: Iterable[Mapping[str, Any]] | None = None) -> ScreeningIndex:
    """Normalise every name of every entity once and build the exact-key and blocking maps.

    `list_versions` (list, source, as_of, entries, sha256) are stamped on every answer; by
    default they are counted from the entities' own listings. With no list entries at all
    this raises NoListings: an answer of "no match" would then mean nothing.
    """
    entities = list(entities)
    versions = tuple(dict(v) for v in (versions_of(entities) if list_versions is None
                                       else list_versions))
    if not any(v["entries"] for v in versions):
        raise NoListings("no restriction-list entries to screen against")
    views, forms = [], []
    exact: dict[str, list[int]] = {}
    words: dict[str, list[int]] = {}
    deletions: dict[str, list[int]] = {}
    grams: dict[str, list[int]] = {}
    for number, entity in enumerate(entities):
        views.append({"entity": entity["name"], "parent": entity.get("parent"),
                      "lists": [_list_view(e) for e in entity.get("lists") or []]})
        seen: set[tuple[str, str, str | None]] = set()
        for field, label in _names_of(entity):
            name = normalise(label) if label and label.strip() else None
            if name is None or not name.full or (name.full, name.core, name.han) in seen:
                continue
            seen.add((name.full, name.core, name.han))
            form_id = len(forms)
            form = NameForm(number, field, label, name)
            forms.append(form)
            for key in name.lookup_keys:
                exact.setdefault(key, []).append(form_id)
            for token in name.tokens:
                if not token.generic and len(token.text) > 1:
                    words.setdefault(token.text, []).append(form_id)
            for gram in _grams(form.fuzzy_key):
                grams.setdefault(gram, []).append(form_id)
            if len(form.fuzzy_key) >= MIN_FUZZY_LENGTH - 1:
                for variant in _deletions(form.fuzzy_key):
                    deletions.setdefault(variant, []).append(form_id)

    def freeze(table: dict[str, list[int]], cap: int | None = None) -> dict[str, tuple[int, ...]]:
        frozen = {k: tuple(dict.fromkeys(v)) for k, v in table.items()}
        return {k: v for k, v in frozen.items() if cap is None or len(v) <= cap}

    cap = max(COMMON_POSTING, len(forms) // 100)
    kept_grams = freeze(grams, cap)

    chinese: dict[int, list[str]] = {}
    for form in forms:
        if form.name.han:
            chinese.setdefault(form.entity, []).append(form.name.han)
    return ScreeningIndex(tuple(views), tuple(forms), freeze(exact), freeze(words, cap),
                          freeze(deletions), kept_grams, frozenset(grams) - set(kept_grams),
                          {k: tuple(dict.fromkeys(v)) for k, v in chinese.items()}, versions)


def typo_similarity(a: str, b: str) -> tuple[float, int]:
    """Similarity in 0..1 that forgives the commonest typing slips, and the number of slips.

    Edits are counted by rapidfuzz (OSA distance: insert, delete, substitute, swap two
    neighbours). A swap costs 1/2 and a dropped or doubled letter 3/4, because those rarely
    turn one company name into another; a substituted letter costs 1 ("Huawen" is not
    "Huawei"). The cost is divided by the length of the longer name.
    """
    if a == b:
        return 1.0, 0
    edits = OSA.distance(a, b)
    swaps = Levenshtein.distance(a, b) - edits  # each swap is 2 Levenshtein edits, 1 OSA edit
    indels = min(abs(len(a) - len(b)), edits - swaps)
    cost = edits - 0.5 * swaps - 0.25 * indels
    return max(0.0, 1.0 - cost / max(len(a), len(b))), edits


def _han_similarity(a: str, b: str) -> tuple[float, bool]:
    """Chinese-script similarity; a character with the same sound (an input-method slip)
    costs 1/2. Returns the similarity and whether the two differ only in homophones."""
    if len(a) != len(b):
        return typo_similarity(a, b)[0], False
    cost = 0.0
    for x, y in zip(a, b, strict=True):
        if x != y:
            cost += 0.5 if pinyin(x) == pinyin(y) else 1.0
    return 1.0 - cost / len(a), cost * 2 == sum(x != y for x, y in zip(a, b, strict=True))


def _extension(q: Normalised, a: str, b: str) -> str | None:
    """'SenseTime Travel' is not 'SenseTime': a whole extra word (or 3+ letters) means
    another company, however close the strings are."""
    if len(a) - len(b) >= 3 and b in a:
        extra = a.replace(b, " ", 1).strip()
        words = [t.text for t in q.tokens if t.text in extra]
        if words and "".join(words) == extra.replace(" ", ""):
            return f"adds the word{'s' if len(words) > 1 else ''} '{' '.join(words)}'"
        return f"adds the letters '{extra}'"
    if len(b) - len(a) >= 3 and a in b:
        return f"is only part of the name (lacks '{b.replace(a, ' ', 1).strip()}')"
    return None


def _fuzzy(q: Normalised, form: NameForm, threshold: float) -> Verdict:
    f = form.name
    if q.weak and not f.weak:
        return Verdict(form, 0.0, False, "has no distinctive word, only generic words or places",
                       rejected=True)
    a, b = (q.full, f.full) if f.weak else (q.core, f.core)
    score, edits = typo_similarity(a, b)
    score = round(score, 3)
    if reason := _extension(q, a, b):
        return Verdict(form, score, False, reason, rejected=True)
    if min(len(a), len(b)) < MIN_FUZZY_LENGTH:
        return Verdict(form, score, False,
                       f"is a short name, which must match exactly ('{a}' vs '{b}')", rejected=True)
    slips = f"{edits} typing slip{'s' if edits > 1 else ''}"
    if score < threshold:
        if score >= 0.7:
            reason = (f"'{q.words}' is {slips} from '{f.words}', too far for a name "
                      f"of this length (score {score:.2f})")
        else:
            reason = f"its distinctive words '{q.words}' differ from '{f.words}'"
        return Verdict(form, score, False, reason, rejected=True)
    return Verdict(form, score, True, f"'{q.words}' is {slips} from '{f.words}'")


def compare(q: Normalised, form: NameForm, threshold: float = DEFAULT_THRESHOLD) -> Verdict:
    """Score one query against one name form, with the reason for the score."""
    f = form.name
    if q.full == f.full:
        verdict = Verdict(form, 1.0, True, "same name")
    elif not q.weak and not f.weak and q.core == f.core:
        generic = sorted(set(q.generic_words) ^ set(f.generic_words))
        if clash := _short_core_clash(q, f):
            return Verdict(form, SAME_CORE, False, clash, rejected=True)
        verdict = Verdict(form, SAME_CORE, True, "same distinctive name; generic words "
                          f"'{' '.join(generic)}' not counted")
    elif not q.key_set.isdisjoint(f.key_set):
        verdict = Verdict(form, SAME_CORE, True, "same name once trailing generic words are "
                          "set aside")
    else:
        verdict = _fuzzy(q, form, threshold)
    if verdict.rejected:
        return verdict
    score, reasons = verdict.score, [verdict.reason]
    if q.han and f.han and q.han != f.han:
        han_score, homophones = _han_similarity(q.han, f.han)
        score = min(score, han_score)
        kind = "same sound, different characters" if homophones else "different characters"
        reasons.append(f"{kind} ('{q.han}' vs '{f.han}')")
    if bool(q.han) != bool(f.han) and (q.han or f.han) and score > 0:
        score *= TRANSLITERATION
        reasons.append("compared through pinyin")
    if _qualified(q) and not _qualified(f) and score > 0:
        score -= QUALIFIER_PENALTY
        reasons.append("a place or branch qualifier was removed, so possibly a national "
                       "subsidiary or branch")
    return Verdict(form, round(score, 3), score >= threshold, "; ".join(reasons))


def _short_core_clash(q: Normalised, f: Normalised) -> str | None:
    """'KEDA Industrial Group' is not 'Suzhou Keda Technology': a short shared name with
    generic words on both sides that have nothing in common (token sets disjoint)."""
    mine, theirs = set(q.generic_words), set(f.generic_words)
    if len(q.core) > SHORT_CORE or not mine or q.han:  # Chinese queries: characters decide
        return None
    if bool(q.han) != bool(f.han):  # generic words in two scripts cannot be compared
        if f.han:  # a short Chinese name, read as pinyin
            return (f"shares only '{q.core}', the pinyin of the short Chinese name "
                    f"'{f.han}', which many firms write alike")
        return None
    # "technolgy" is "technology": generic words agree up to one typing slip.
    if not theirs or any(Levenshtein.distance(a, b) <= 1 for a in mine for b in theirs):
        return None
    return (f"shares only the short name '{q.core}'; the rest differs "
            f"('{' '.join(q.generic_words)}' vs '{' '.join(f.generic_words)}')")


def _qualified(name: Normalised) -> bool:
    return name.removed("place") or name.removed("branch")


def _candidates(index: ScreeningIndex, q: Normalised, skip: set[int]) -> list[int]:
    """Blocking: forms sharing a distinctive word, a one-slip variant, or enough trigrams
    with the query."""
    found = {fid for t in q.tokens if not t.generic for fid in index.words.get(t.text, ())}
    key = q.full if q.weak else q.core
    if len(key) >= MIN_FUZZY_LENGTH - 1:
        found.update(fid for variant in _deletions(key)
                     for fid in index.deletions.get(variant, ()))
    grams = _grams(key) - index.common_grams if len(key) >= 3 else set()
    if len(grams) >= 2:
        counts: Counter[int] = Counter()
        for gram in grams:
            counts.update(index.grams.get(gram, ()))
        least = max(2, math.ceil(0.3 * len(grams)))
        close = [(n, fid) for fid, n in counts.items() if n >= least]
        found.update(fid for _, fid in heapq.nlargest(FUZZY_CANDIDATES, close))
    return sorted(found - skip)


def _best(verdicts: list[Verdict]) -> Verdict | None:
    accepted = [v for v in verdicts if v.accepted]
    if not accepted:
        return None
    return max(accepted, key=lambda v: (v.score, _FIELD_RANK[v.form.field], -v.form.entity))


def _verdicts(index: ScreeningIndex, q: Normalised, threshold: float) -> list[Verdict]:
    exact = {fid for key in q.lookup_keys for fid in index.exact.get(key, ())}
    verdicts = [compare(q, index.forms[fid], threshold) for fid in sorted(exact)]
    best = _best(verdicts)
    if best is None or best.score < SAME_CORE:
        verdicts += [compare(q, index.forms[fid], threshold)
                     for fid in _candidates(index, q, exact)]
    if q.han:
        verdicts = [_check_characters(index, q, v) for v in verdicts]
    return verdicts


def _check_characters(index: ScreeningIndex, q: Normalised, verdict: Verdict) -> Verdict:
    """A name written in Chinese characters is identified by its characters: 达华 sounds
    like 大华 (Dahua) but is another company. Pinyin alone decides only for entities with
    no Chinese name on record."""
    names = index.chinese_names.get(verdict.form.entity)
    if not verdict.accepted or verdict.form.name.han or not names:
        return verdict
    written = "', '".join(names)
    return Verdict(verdict.form, verdict.score, False, f"its Chinese name is written "
                   f"'{written}', not '{q.han}', though both sound alike", rejected=True)


def _steps_text(q: Normalised) -> str:
    removed = [f"{kind} '{text}'" for kind, text in q.steps if kind in _REMOVALS]
    other = []
    for kind, text in q.steps:
        if kind == "pinyin":
            han, spelt = text.split(" -> ")
            other.append(f"transliterating '{han}' to pinyin '{spelt}'")
        elif kind == "simplified":
            traditional, simplified = text.split(" -> ")
            other.append(f"reading traditional '{traditional}' as simplified '{simplified}'")
        elif kind == "folded":
            other.append("folding full-width characters")
        elif kind == "accents":
            other.append("removing accents")
    if removed:
        joined = removed[0] if len(removed) == 1 else ", ".join(removed[:-1]) + f" and {removed[-1]}"
        other.insert(0, f"removing {joined}")
    return " after " + ", ".join(other) if other else ""


def _worth_telling(v: Verdict, q: Normalised, matched: int | None) -> bool:
    """A near miss is news when it is close, or when the query contains the entity's whole
    distinctive name ("Dahua Foods"), but not beside a match or for a generic query."""
    if v.accepted or v.form.entity == matched:
        return False
    if matched is not None or q.weak:
        return v.score >= 0.8
    return v.score >= 0.6 or v.reason.startswith("adds")


def _near_misses(index: ScreeningIndex, q: Normalised, verdicts: list[Verdict],
                 matched: int | None) -> list[dict[str, Any]]:
    """Rejected look-alikes worth telling the user about, one per entity, best first."""
    query = q.original
    best: dict[int, Verdict] = {}
    for v in verdicts:
        if not _worth_telling(v, q, matched):
            continue
        if v.form.entity not in best or v.score > best[v.form.entity].score:
            best[v.form.entity] = v
    ranked = sorted(best.values(), key=lambda v: -v.score)[:MAX_NEAR_MISSES]
    return [{"entity": index.entities[v.form.entity]["entity"], "score": v.score,
             "reason": f"'{query}' looks like '{v.form.label}' but {v.reason}"
             if v.rejected else f"'{query}' scores {v.score} against '{v.form.label}': "
             f"{v.reason}; below the threshold"}
            for v in ranked]


def _explain(index: ScreeningIndex, q: Normalised, best: Verdict, rivals: list[Verdict]) -> str:
    form = best.form
    if best.reason == "same name":
        steps = _steps_text(q)
        how = "exactly" if q.original == form.label else (
            "as the same name" if steps else "ignoring case, spacing and punctuation")
        text = f"matched {FIELDS[form.field]} '{form.label}' {how}{steps}"
    else:
        text = f"matched {FIELDS[form.field]} '{form.label}'{_steps_text(q)}: {best.reason}"
    parents = sorted({e["via"] for e in index.entities[form.entity]["lists"] if e["via"]})
    if parents:
        text += f"; listed through its parent {', '.join(repr(p) for p in parents)}"
    ties = sorted({index.entities[v.form.entity]["entity"] for v in rivals
                   if v.accepted and v.score == best.score and v.form.entity != form.entity})
    if ties:
        text += f"; equally close to {', '.join(repr(t) for t in ties)}"
    return text


def _screen(index: ScreeningIndex, q: Normalised, threshold: float,
            as_of: str | None) -> dict[str, Any]:
    verdicts = _verdicts(index, q, threshold) if q.full else []
    best = _best(verdicts)
    match = None
    if best is not None:
        entity = index.entities[best.form.entity]
        lists = [dict(entry) for entry in entity["lists"] if in_force(entry, as_of)]
        explanation = _explain(index, q, best, verdicts)
        if others := len(entity["lists"]) - len(lists):
            explanation += (f"; {others} listing(s) not in force "
                            f"{'on ' + as_of if as_of else 'today'}")
        match = {"entity": entity["entity"], "score": best.score, "lists": lists,
                 "explanation": explanation, "matched_name": best.form.label,
                 "matched_field": best.form.field}
    matched = best.form.entity if best else None
    return {"match": match, "near_misses": _near_misses(index, q, verdicts, matched)}


def screen(index: ScreeningIndex, query: str, threshold: float = DEFAULT_THRESHOLD,
           as_of: date | str | None = None) -> dict[str, Any]:
    """Screen one name: who it is in the registry (if anyone) and the lists that reach it.

    Returns the DESIGN.md screening contract, `{"query", "match"}`, with `match` null when
    nothing passes `threshold`, plus `near_misses` (rejected look-alikes and why), the
    `matcher` version stamp and the `list_versions` screened against. With `as_of`, the
    lists are those in force on that date (a listing removed since still counts then).
    """
    if not 0.0 < threshold <= 1.0:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    day = as_of.isoformat() if isinstance(as_of, date) else as_of
    q = normalise(query)
    result = _screen(index, q, threshold, day)
    if result["match"] is None:
        for alternate in q.alternates:
            other = _screen(index, normalise(alternate), threshold, day)
            if other["match"] is not None:
                other["match"]["explanation"] = (f"screened the part '{alternate}' on its own; "
                                                 + other["match"]["explanation"])
                result = other
                break
    return {"query": query, "match": result["match"], "near_misses": result["near_misses"],
            "matcher": index.version, "list_versions": [dict(v) for v in index.list_versions],
            "as_of": day}


def screen_all(index: ScreeningIndex, queries: Iterable[str],
               threshold: float = DEFAULT_THRESHOLD, as_of: date | str | None = None
               ) -> list[dict[str, Any]]:
    """Screen many names (a supplier list); one result per name, in order."""
    return [screen(index, query, threshold, as_of) for query in queries]
