"""The claim scorer: a logistic regression over a few features of each claim, whose output is the
claim's ``confidence`` (the estimated chance that the claim is right).

Features (``FEATURES``; each in [0, 1] or a log count) describe how a claim was found, never
which document it came from: whether its vendor and country are named in its own sentence or
reached through "the company", a neighbouring sentence or another paragraph of the document,
whether the vendor is in the registry, its status and technology, whether the sentence hedges,
how many sentences support it, whether it rests on headlines alone, whether a claim without a
vendor stands beside claims with one for the same country and technology (and reports another
status than theirs), and how crowded its sentence and document are (a sentence
yielding many claims is a cross product; a document with many countries is a roundup or
background). Crowding is read two ways in the sentence: how many claims it yields, and whether
all the claim's sentences name several countries or several technologies (a list of places or
of systems, where pairing each with each is the usual error). Whether the claim names a city
says whether it is a deployment on the ground or a national policy or a market summary.

The coefficients live in ``oversight/extract/models/claim_scorer.json``, written by
``oversight train-scorer`` (``scorer_training.py``) from the development part of the labelled
corpus only. The same file holds the threshold below which a claim is dropped; it was chosen by
cross-validation on that part. Without a model file every claim gets the neutral 0.5.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from oversight import vocab

if TYPE_CHECKING:
    from oversight.extract.relate import Candidate

MODEL_PATH = Path(__file__).resolve().parent / "models" / "claim_scorer.json"
STATUSES = ("planned", "contracted", "pilot", "operational", "cancelled", "denied")
FEATURES = (
    "vendor_in_sentence",
    "vendor_via_anaphor",
    "vendor_from_document",
    "vendor_known",
    "vendor_unknown_name",
    "no_vendor",
    "vendor_named_elsewhere",
    "status_unlike_named",
    "country_in_sentence",
    *(f"status_{s}" for s in STATUSES),
    "no_status",
    "has_year",
    "hedged",
    "log_supporting_sentences",
    "only_in_headlines",
    *(f"tech_{t}" for t in sorted(vocab.TECHNOLOGIES)),
    "log_claims_in_sentence",
    "log_claims_in_document",
    "log_countries_in_document",
    "log_vendors_in_document",
    "country_share",
    "vendor_share",
    "several_countries_in_sentence",
    "several_technologies_in_sentence",
    "city_named",
)


@dataclass(frozen=True)
class DocumentShape:
    """Counts over all claims of one document, the context of each claim's features."""

    claims: int
    countries: dict[str, int]
    vendors: dict[str | None, int]
    per_sentence: dict[int, int]
    # distinct countries and technologies among the candidates of each sentence (by its start)
    countries_in_sentence: dict[int, int]
    technologies_in_sentence: dict[int, int]


def features(
    members: list[Candidate],
    best: Candidate,
    status: str | None,
    shape: DocumentShape,
    named_statuses: list[str | None] = (),
) -> dict:
    """The feature values of the claim made of ``members`` (candidates with one key).

    ``named_statuses``: for a claim without a vendor, the statuses of the claims with a vendor
    for the same country and technology (a claim without a vendor beside them is either the
    same deployment or another event of the story that names no supplier)."""
    out = dict.fromkeys(FEATURES, 0.0)
    if best.vendor is None and named_statuses:
        out["vendor_named_elsewhere"] = 1.0
        out["status_unlike_named"] = float(status not in named_statuses)
    out["vendor_in_sentence"] = float(any(c.vendor_in_sentence for c in members))
    out["vendor_via_anaphor"] = float(all(c.via_anaphor for c in members))
    out["vendor_from_document"] = float(all(c.vendor_from_document for c in members))
    out["vendor_known"] = float(best.vendor_known)
    out["vendor_unknown_name"] = float(best.vendor is not None and not best.vendor_known)
    out["no_vendor"] = float(best.vendor is None)
    out["country_in_sentence"] = float(any(c.country_in_sentence for c in members))
    if status in STATUSES:
        out[f"status_{status}"] = 1.0
    else:
        out["no_status"] = 1.0
    out["has_year"] = float(any(c.year for c in members))
    out["hedged"] = float(all(c.hedged for c in members))
    out["only_in_headlines"] = float(all(c.headline for c in members))
    out["log_supporting_sentences"] = math.log1p(len({c.start for c in members}))
    out[f"tech_{best.technology}"] = 1.0
    out["log_claims_in_sentence"] = math.log1p(min(shape.per_sentence.get(c.start, 1) for c in members))
    out["log_claims_in_document"] = math.log1p(shape.claims)
    out["log_countries_in_document"] = math.log1p(len(shape.countries))
    out["log_vendors_in_document"] = math.log1p(len([v for v in shape.vendors if v]))
    out["country_share"] = shape.countries.get(best.country, 0) / max(1, shape.claims)
    out["vendor_share"] = shape.vendors.get(best.vendor, 0) / max(1, shape.claims)
    out["several_countries_in_sentence"] = float(
        all(shape.countries_in_sentence.get(c.start, 1) > 1 for c in members)
    )
    out["several_technologies_in_sentence"] = float(
        all(shape.technologies_in_sentence.get(c.start, 1) > 1 for c in members)
    )
    out["city_named"] = float(any(c.city for c in members))
    return out


@dataclass(frozen=True)
class ClaimScorer:
    """``calibration`` (slope, intercept) maps the regression's log-odds to those seen on text
    that no rule was written with in view (Platt scaling; scorer_training.calibrate): the rules
    fit the documents they were written from, so the regression alone is sure too often on new
    text. ``threshold`` is on the calibrated scale."""

    coefficients: dict[str, float]
    intercept: float
    threshold: float
    calibration: tuple[float, float] = (1.0, 0.0)

    def log_odds(self, values: Mapping[str, float]) -> float:
        """The regression's own log-odds, before calibration."""
        return self.intercept + sum(w * values.get(name, 0.0) for name, w in self.coefficients.items())

    def probability(self, values: Mapping[str, float]) -> float:
        slope, intercept = self.calibration
        return 1.0 / (1.0 + math.exp(-(slope * self.log_odds(values) + intercept)))

    def as_json(self, about: Mapping[str, Any]) -> str:
        slope, intercept = self.calibration
        record = {**about, "features": list(self.coefficients), "intercept": self.intercept,
                  "coefficients": self.coefficients, "threshold": self.threshold,
                  "calibration": {"slope": slope, "intercept": intercept}}
        return json.dumps(record, indent=1, sort_keys=False) + "\n"


def read_scorer(path: Path) -> ClaimScorer:
    data = json.loads(path.read_text(encoding="utf-8"))
    unknown = set(data["coefficients"]) - set(FEATURES)
    if unknown:
        raise ValueError(
            f"{path}: coefficients for unknown features {sorted(unknown)}; retrain the scorer"
        )
    coefficients = {k: float(v) for k, v in data["coefficients"].items()}
    calibration = data.get("calibration") or {"slope": 1.0, "intercept": 0.0}
    return ClaimScorer(
        coefficients,
        float(data["intercept"]),
        float(data["threshold"]),
        (float(calibration["slope"]), float(calibration["intercept"])),
    )


@cache
def default_scorer() -> ClaimScorer | None:
    """The shipped model, or None before one has been trained."""
    return read_scorer(MODEL_PATH) if MODEL_PATH.exists() else None
