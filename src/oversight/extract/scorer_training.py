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

``calibrate`` then fits a Platt map (a slope and an intercept on the log-odds) on a held-out
"fresh" set of development documents: a labelled set added after the rules were written, scored
by a regression trained on the other development documents. Cross-validation cannot see how much
the rules themselves fit the documents they were written from; a fresh set can, and on new text
the calibrated confidence is what the regression's means.
The test part is never read here. scikit-learn is needed only to train, not to extract.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, replace
from typing import Any

from oversight.extract.corpus import Corpus
from oversight.extract.corpus_report import as_document
from oversight.extract.evaluate import match_claims
from oversight.extract.pipeline import scored_document_claims
from oversight.extract.resources import Resources
from oversight.extract.scorer import FEATURES, ClaimScorer

# Labelled sets added after the extraction rules were last changed, whose development documents
# calibrate the scorer (``calibrate``). A set stops being fresh once rules are written with its
# documents in view; the next new set takes its place here.
CALIBRATION_SETS = ("pub", "med", "reg")
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


def _subset(rows: TrainingRows, keep: list[bool], gold_claims: int) -> TrainingRows:
    pick = [i for i, k in enumerate(keep) if k]
    return TrainingRows(
        [rows.doc_ids[i] for i in pick],
        [rows.values[i] for i in pick],
        [rows.labels[i] for i in pick],
        gold_claims,
    )


def calibrate(
    scorer: ClaimScorer, rows: TrainingRows, fresh: set[str], fresh_gold_claims: int, c: float
) -> tuple[ClaimScorer, dict[str, Any]]:
    """``scorer`` with a Platt map fitted on the rows of the documents in ``fresh`` (ids), scored by
    a regression with strength ``c`` trained on every other row. The threshold moves with the
    map, so the same claims pass it."""
    from sklearn.linear_model import LogisticRegression

    in_fresh = [d in fresh for d in rows.doc_ids]
    train_rows = _subset(rows, [not k for k in in_fresh], 0)
    held = _subset(rows, in_fresh, fresh_gold_claims)
    if not held.labels or len(set(held.labels)) < 2:
        raise ValueError("the fresh set gives no right and wrong claims to calibrate on")
    model = LogisticRegression(C=c, max_iter=2000).fit(train_rows.values, train_rows.labels)
    log_odds = model.decision_function(held.values).reshape(-1, 1)
    platt = LogisticRegression(C=1e6, max_iter=2000).fit(log_odds, held.labels)
    slope, intercept = round(float(platt.coef_[0][0]), 5), round(float(platt.intercept_[0]), 5)
    if slope <= 0:
        raise ValueError(f"the fresh set does not rank right claims above wrong ones (slope {slope})")

    def share_right(probabilities: list[float]) -> float | None:
        sure = [y for p, y in zip(probabilities, held.labels, strict=True) if p >= 0.5]
        return round(sum(sure) / len(sure), 4) if sure else None

    before = [1 / (1 + math.exp(-z)) for z in log_odds[:, 0]]
    after = [1 / (1 + math.exp(-(slope * z + intercept))) for z in log_odds[:, 0]]
    threshold = scorer.threshold
    cut = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else None
    calibrated_threshold = (
        round(1 / (1 + math.exp(-(slope * cut + intercept))), 4) if cut is not None else threshold
    )
    about = {
        "fitted_on_documents": len(fresh),
        "rows": len(held.labels),
        "right_rows": sum(held.labels),
        "share_right_at_or_above_0.5_before": share_right(before),
        "share_right_at_or_above_0.5_after": share_right(after),
        "f1_at_threshold_on_fresh_set": round(_f1(before, held.labels, threshold, fresh_gold_claims), 4),
    }
    return replace(scorer, calibration=(slope, intercept), threshold=calibrated_threshold), about
