"""Score the extractor on a part of the labelled corpus (tests/extract/corpus), with breakdowns.

``corpus_claims`` runs the pipeline over the documents of a corpus part; ``corpus_report``
matches the claims with the gold claims (``evaluate.match_claims``) and reports the scores
overall, per technology, per document kind and per language, and a calibration table: for each
band of ``confidence``, how many claims fell in it and what share of them matched a gold claim.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from oversight.extract.corpus import Corpus
from oversight.extract.evaluate import Matching, match_claims, scores_of
from oversight.extract.pipeline import extract_document
from oversight.extract.readers import Document
from oversight.extract.resources import Resources

CALIBRATION_EDGES = (0.0, 0.3, 0.5, 0.7, 0.85, 1.01)


def as_document(row: Mapping[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        url=row.get("url"),
        title=row.get("title"),
        published=row.get("published"),
        language=row.get("language"),
    )


def corpus_claims(corpus: Corpus, res: Resources) -> list[dict[str, Any]]:
    """The claims the extractor finds in every document of ``corpus``."""
    return [claim for row in corpus.documents for claim in extract_document(as_document(row), res)]


def _subset(matching: Matching, keep: Callable[[Mapping[str, Any]], bool]) -> Matching:
    """The part of a matching whose claims (and gold claims) pass ``keep``."""
    return Matching(
        [(c, g) for c, g in matching.pairs if keep(g)],
        [c for c in matching.spurious if keep(c)],
        [g for g in matching.missed if keep(g)],
    )


def _headline(matching: Matching) -> dict[str, Any]:
    return scores_of(matching).as_dict()


def _by(matching: Matching, values: Iterable[str], value_of: Callable[[Mapping[str, Any]], str]) -> dict:
    return {v: _headline(_subset(matching, lambda row, v=v: value_of(row) == v)) for v in sorted(set(values))}


def calibration(matching: Matching, edges: tuple[float, ...] = CALIBRATION_EDGES) -> list[dict[str, Any]]:
    """For each confidence band [low, high): the number of claims and the share that is right."""
    scored = [(float(c.get("confidence") or 0), True) for c, _ in matching.pairs]
    scored += [(float(c.get("confidence") or 0), False) for c in matching.spurious]
    rows = []
    for low, high in zip(edges, edges[1:], strict=False):
        inside = [right for conf, right in scored if low <= conf < high]
        rows.append(
            {
                "band": f"{low:.2f}-{min(high, 1.0):.2f}",
                "claims": len(inside),
                "share_correct": round(sum(inside) / len(inside), 4) if inside else None,
            }
        )
    sure = [right for conf, right in scored if conf >= 0.5]
    share = round(sum(sure) / len(sure), 4) if sure else None
    rows.append({"band": ">=0.50", "claims": len(sure), "share_correct": share})
    return rows


def set_of(doc_id: str) -> str:
    """The labelled set of a corpus document: its id without the number ("glb-012" -> "glb")."""
    return doc_id.rsplit("-", 1)[0]


def corpus_report(corpus: Corpus, claims: list[dict[str, Any]], res: Resources | None) -> dict[str, Any]:
    """Scores overall and broken down, the calibration table, and the matching itself."""
    matching = match_claims(corpus.gold, claims, res)
    docs = {d["id"]: d for d in corpus.documents}

    def doc_field(name: str) -> Callable[[Mapping[str, Any]], str]:
        return lambda row: str(docs.get(str(row["doc_id"]), {}).get(name))

    technologies = [g["technology"] for g in corpus.gold] + [c["technology"] for c in claims]
    return {
        "documents": len(corpus.documents),
        "gold_claims": len(corpus.gold),
        "overall": scores_of(matching),
        "by_technology": _by(matching, technologies, lambda row: str(row["technology"])),
        "by_kind": _by(matching, [str(d.get("kind")) for d in docs.values()], doc_field("kind")),
        "by_language": _by(matching, [str(d.get("language")) for d in docs.values()], doc_field("language")),
        "by_set": _by(matching, [set_of(d) for d in docs], lambda row: set_of(str(row["doc_id"]))),
        "calibration": calibration(matching),
        "matching": matching,
    }
