"""Train the claim scorer (scorer.py) on the development part of the labelled corpus.

Each claim the extractor finds in a development document, before any threshold, is one row: its
features and whether it matches a gold claim (evaluate.match_claims). A logistic regression
(scikit-learn, L2, balanced nowhere: the output must stay a probability) is fitted; its strength
``C`` and the drop threshold are chosen by 5-fold cross-validation grouped by document, so a
document's claims are never scored by a model that saw them, repeated over ``REPEATS`` fixed
shuffles of the documents: with a hundred-odd documents one split's F1 moves by a point or more
with the fold boundaries, and a threshold picked on one split fits that noise. F1 is that of the
out-of-fold predictions, averaged over the repeats, counting every gold claim of the part (also
those never extracted); of the (C, threshold) pairs within one standard error of the best, the
highest threshold is kept (the one-standard-error rule: the surer claims when the data cannot
tell the pairs apart).
The test part is never read here. scikit-learn is needed only to train, not to extract.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass
from typing import Any

from oversight.extract.corpus import Corpus
from oversight.extract.corpus_report import as_document
from oversight.extract.evaluate import match_claims
from oversight.extract.pipeline import scored_document_claims
from oversight.extract.resources import Resources
from oversight.extract.scorer import FEATURES, ClaimScorer

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLD_GRID = tuple(round(0.05 * i, 2) for i in range(0, 15))
FOLDS = 5
REPEATS = 5


@dataclass
class TrainingRows:
    doc_ids: list[str]
    values: list[list[float]]
    labels: list[int]
    gold_claims: int


def training_rows(corpus: Corpus, res: Resources) -> TrainingRows:
    rows = TrainingRows([], [], [], len(corpus.gold))
    gold_by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in corpus.gold:
        gold_by_doc.setdefault(g["doc_id"], []).append(g)
    for doc in corpus.documents:
        scored = scored_document_claims(as_document(doc), res)
        matching = match_claims(gold_by_doc.get(doc["id"], []), [c for c, _ in scored], res)
        right = {(c["country"], c["vendor"], c["technology"]) for c, _ in matching.pairs}
        for claim, values in scored:
            rows.doc_ids.append(doc["id"])
            rows.values.append([values[name] for name in FEATURES])
            rows.labels.append(int((claim["country"], claim["vendor"], claim["technology"]) in right))
    return rows


def _f1(probabilities: list[float], labels: list[int], threshold: float, gold: int) -> float:
    kept = [y for p, y in zip(probabilities, labels, strict=True) if p >= threshold]
    return 2 * sum(kept) / (len(kept) + gold) if kept or gold else 0.0


def train(rows: TrainingRows) -> tuple[ClaimScorer, dict[str, Any]]:
    """The fitted scorer and what cross-validation said about it."""
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    # (mean F1, its standard error over the repeats, C, threshold, out-of-fold predictions)
    results: list[tuple[float, float, float, float, list[list[float]]]] = []
    for c in C_GRID:
        model = LogisticRegression(C=c, max_iter=2000)
        repeats = [
            cross_val_predict(
                model,
                rows.values,
                rows.labels,
                groups=rows.doc_ids,
                cv=GroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed),
                method="predict_proba",
            )[:, 1].tolist()
            for seed in range(REPEATS)
        ]
        for t in THRESHOLD_GRID:
            f1s = [_f1(oof, rows.labels, t, rows.gold_claims) for oof in repeats]
            results.append((statistics.fmean(f1s), statistics.stdev(f1s) / math.sqrt(REPEATS), c, t, repeats))
    top = max(results, key=lambda r: r[0])
    # Thresholds that cross-validation cannot tell from the best (within one standard error):
    # the highest of them, the surer claims, and on a tie the stronger regularisation.
    f1, _, c, threshold, oofs = max(
        (r for r in results if r[0] >= top[0] - top[1]), key=lambda r: (r[3], -r[2])
    )
    model = LogisticRegression(C=c, max_iter=2000).fit(rows.values, rows.labels)
    coefficients = {name: round(float(w), 5) for name, w in zip(FEATURES, model.coef_[0], strict=True)}
    scorer = ClaimScorer(coefficients, round(float(model.intercept_[0]), 5), threshold)
    sure = [y for oof in oofs for p, y in zip(oof, rows.labels, strict=True) if p >= 0.5]
    unthresholded = sum(_f1(oof, rows.labels, 0.0, rows.gold_claims) for oof in oofs) / REPEATS
    about = {
        "trained_on": "development part of tests/extract/corpus (oversight.extract.corpus.split_of)",
        "model": "logistic regression (scikit-learn), L2",
        "scikit_learn": sklearn.__version__,
        "rows": len(rows.labels),
        "right_rows": sum(rows.labels),
        "gold_claims": rows.gold_claims,
        "C": c,
        "cross_validation": {
            "folds": FOLDS,
            "repeats": REPEATS,
            "grouped_by": "document",
            "f1_at_threshold": round(f1, 4),
            "f1_without_threshold": round(unthresholded, 4),
            "claims_at_or_above_0.5_per_repeat": len(sure) // REPEATS,
            "share_right_at_or_above_0.5": round(sum(sure) / len(sure), 4) if sure else None,
        },
    }
    return scorer, about
