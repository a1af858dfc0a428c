"""Everything the extractor looks things up in, built once and shared by the stages.

Organisations come from the bundled YAML files (``data/organisations/*.yaml``) or, later,
from the registry as a list of ``{name, aliases, kind, country}``. Financiers are kept apart:
a bank that lends the money is never reported as the supplier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from oversight.extract.gazetteer import Gazetteer, build_gazetteer
from oversight.registry.readers import read_files

EXTRACTOR_VERSION = "oversight-extract-v1"

# Aliases that are ordinary words or other things' initials more often than this company.
AMBIGUOUS_ALIASES = frozenset(
    {
        "ROC",
        "CCC",
        "BOC",
        "CEC",
        "HSC",
        "AGT",
        "MTC",
        "HYT",
        "UNV",
        "Vega",
        "Вега",
        "Oi",
        "中行",
        "中银",
        "联通",
        "中兴",
        "曙光",
        "云从",
        "商汤",
        "依图",
    }
)
# Aliases matched only with the capitals as written: short names and English words.
_COMMON_WORDS = frozenset(
    {
        "orange",
        "canon",
        "axon",
        "vision",
        "safran",
        "thales",
        "sergek",
        "bosch",
        "presight",
        "palantir",
        "ever ai",
        "cobwebs",
        "watrix",
    }
)
_LEGAL_TAIL_RE = re.compile(
    r"[\s,]+(?:co\.?,?\s*ltd\.?|company limited|limited|ltd\.?|inc\.?|corp\.?|corporation|llc|"
    r"gmbh|s\.a\.|sa|plc|ag|group|holdings?|technolog(?:y|ies)|pvt\.?\s*ltd\.?|pte\.?\s*ltd\.?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Organisation:
    name: str
    kind: str  # vendor | integrator | financier | buyer_agency
    country: str | None


@dataclass
class Resources:
    """Dictionaries of the extractor. Plain data: it pickles to worker processes."""

    organisations: dict[str, Organisation] = field(default_factory=dict)  # canonical name -> org
    aliases: dict[str, str] = field(default_factory=dict)  # surface form -> canonical name
    case_sensitive: set[str] = field(default_factory=set)  # surfaces matched only as written
    name_keys: dict[str, str] = field(default_factory=dict)  # normalised key -> canonical name
    gazetteer: Gazetteer = field(default_factory=Gazetteer)
    _automata: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def financiers(self) -> frozenset[str]:
        return frozenset(n for n, o in self.organisations.items() if o.kind == "financier")

    @property
    def non_ascii_names(self) -> tuple[str, ...]:
        if "non_ascii" not in self._automata:
            from oversight.extract.prefilter import non_ascii_names

            self._automata["non_ascii"] = non_ascii_names(self)
        return self._automata["non_ascii"]

    @property
    def vendor_homes(self) -> dict[str, str]:
        """Home country of each vendor (not of integrators: they are often local)."""
        if "homes" not in self._automata:
            self._automata["homes"] = {
                n: o.country for n, o in self.organisations.items() if o.kind == "vendor" and o.country
            }
        return self._automata["homes"]

    def canonical(self, name: str | None) -> str | None:
        """The registry name for a name as written, else the name itself, tidied."""
        if not name:
            return None
        name = " ".join(name.split())
        if name in self.aliases:
            return self.aliases[name]
        return self.name_keys.get(name_key(name), name)

    def __getstate__(self) -> dict[str, Any]:
        # Automata are not pickled (the prefilter's cannot be): an unpickled copy builds its own
        # on first use.
        state = self.__dict__.copy()
        state["_automata"] = {}
        return state

    def automaton(self, name: str) -> Any:
        """The Aho-Corasick automata, built on first use (per process) and kept."""
        if name not in self._automata:
            from oversight.extract import prefilter, tag

            builders = {"prefilter": prefilter.build_automaton, "tag": tag.build_automaton}
            self._automata[name] = builders[name](self)
        return self._automata[name]


def name_key(name: str) -> str:
    """A name with case, punctuation and a trailing legal form removed, for comparison."""
    key = name.casefold().strip()
    for _ in range(3):
        stripped = _LEGAL_TAIL_RE.sub("", key)
        if stripped == key or not stripped:
            break
        key = stripped
    return " ".join(re.sub(r"[^\w+]+", " ", key).split())


def bundled_organisations() -> list[dict[str, Any]]:
    """The organisations of the bundled dataset, as the registry's reader reads them."""
    folder = Path(str(importlib_resources.files("oversight").joinpath("data/organisations")))
    return [r.data for r in read_files([folder]).records if r.kind == "organisation"]


def build_resources(
    organisations: Iterable[Mapping[str, Any]] | None = None, gazetteer: Gazetteer | None = None
) -> Resources:
    """Resources from organisation records (the bundled ones when none are given)."""
    res = Resources(gazetteer=gazetteer or build_gazetteer())
    for record in bundled_organisations() if organisations is None else organisations:
        name = " ".join(str(record["name"]).split())
        kind = record.get("kind") or "vendor"
        res.organisations[name] = Organisation(name, kind, record.get("country"))
        for surface in [name, *(record.get("aliases") or [])]:
            surface = " ".join(str(surface).split())
            if surface in AMBIGUOUS_ALIASES or len(surface) < 2:
                continue
            res.aliases.setdefault(surface, name)
            res.name_keys.setdefault(name_key(surface), name)
            stripped = _LEGAL_TAIL_RE.sub("", surface)
            if stripped != surface and len(stripped) > 3:
                res.aliases.setdefault(stripped, name)
            if len(surface) <= 4 or surface.casefold() in _COMMON_WORDS:
                res.case_sensitive.add(surface)
    return res
