"""Documents, candidate claims, review decisions and saved assessments in the store."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight.registry.records import normalise_name
from oversight.store.models import Assessment, Claim, Contribution, Document, ReviewDecision


def group_key(country: str, vendor: str | None, technology: str) -> str:
    """Claims with the same key propose the same deployment, whatever document they come from."""
    return f"{country}|{normalise_name(vendor) if vendor else ''}|{technology}"


def save_extraction(session: Session, document: dict[str, Any], claims: list[dict[str, Any]]) -> int:
    """Store a document (by content hash) and its claims; re-saving adds nothing. Returns the
    number of new claims."""
    if session.get(Document, document["hash"]) is None:
        published, language = document.get("published"), document.get("language")
        session.add(Document(
            hash=document["hash"], doc_id=str(document["doc_id"])[:1000], url=document.get("url"),
            title=document.get("title"),
            published=str(published)[:10] if published else None,  # a date, not a timestamp
            language=str(language)[:8] if language else None,
        ))
        session.flush()
    existing = {
        (c.country, c.vendor_key, c.technology, c.evidence_start)
        for c in session.scalars(select(Claim).where(Claim.document_hash == document["hash"]))
    }
    added = 0
    for claim in claims:
        vendor_key = normalise_name(claim["vendor"]) if claim.get("vendor") else ""
        evidence = claim["evidence"]
        identity = (claim["country"], vendor_key, claim["technology"], evidence["start"])
        if identity in existing:
            continue
        existing.add(identity)
        session.add(Claim(
            document_hash=document["hash"],
            group_key=group_key(claim["country"], claim.get("vendor"), claim["technology"]),
            country=claim["country"], vendor=claim.get("vendor"), vendor_key=vendor_key,
            technology=claim["technology"], status=claim.get("status"), year=claim.get("year"),
            city=claim.get("city"), confidence=claim.get("confidence", 0.5),
            evidence_start=evidence["start"], evidence_end=evidence["end"],
            evidence_text=evidence["text"], extractor=claim.get("extractor"),
        ))
        added += 1
    return added


def claims_with_documents(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(select(Claim, Document).join(Document).order_by(Claim.id)).all()
    return [
        {
            "claim_id": claim.id, "group_key": claim.group_key, "country": claim.country,
            "vendor": claim.vendor, "technology": claim.technology, "status": claim.status,
            "year": claim.year, "city": claim.city, "confidence": claim.confidence,
            "evidence": {"start": claim.evidence_start, "end": claim.evidence_end,
                         "text": claim.evidence_text},
            "document": {"hash": doc.hash, "doc_id": doc.doc_id, "url": doc.url, "title": doc.title,
                         "published": doc.published, "language": doc.language},
        }
        for claim, doc in rows
    ]


def evidence_for(session: Session, deployment_id: str) -> list[dict[str, Any]]:
    """The evidence spans behind a deployment: the claims of every proposal a reviewer accepted
    into it, each with its document's link and date."""
    accepted = select(ReviewDecision.group_key).where(ReviewDecision.deployment_id == deployment_id)
    rows = session.execute(select(Claim, Document).join(Document).where(Claim.group_key.in_(accepted))
                           .order_by(Document.published, Claim.id)).all()
    return [
        {"start": claim.evidence_start, "end": claim.evidence_end, "text": claim.evidence_text,
         "technology": claim.technology, "vendor": claim.vendor, "status": claim.status, "year": claim.year,
         "doc_id": doc.doc_id, "url": doc.url, "title": doc.title, "published": doc.published,
         "extractor": claim.extractor}
        for claim, doc in rows
    ]


def decisions_for(session: Session, deployment_id: str) -> list[dict[str, Any]]:
    """Every review decision that wrote a deployment, oldest first: on extracted proposals, and
    on contributions (new deployments and corrections) accepted into it."""
    proposals = [
        {"decision": d.decision, "decided_by": d.decided_by, "decided_at": d.decided_at, "note": d.note,
         "contribution": None}
        for d in session.scalars(select(ReviewDecision).where(ReviewDecision.deployment_id == deployment_id))]
    contributed = [
        {"decision": "edited" if c.edited_payload else "accepted", "decided_by": c.decided_by,
         "decided_at": c.decided_at, "note": c.note, "contribution": c.id}
        for c in session.scalars(select(Contribution).where(Contribution.deployment_id == deployment_id,
                                                            Contribution.state == "accepted"))
        if c.decided_at is not None]
    return [{**d, "decided_at": d["decided_at"].isoformat(timespec="seconds")}
            for d in sorted(proposals + contributed, key=lambda d: d["decided_at"])]


def latest_decisions(session: Session) -> dict[str, dict[str, Any]]:
    decisions: dict[str, dict[str, Any]] = {}
    for decision in session.scalars(select(ReviewDecision).order_by(ReviewDecision.id)):
        decisions[decision.group_key] = {
            "decision": decision.decision, "deployment_id": decision.deployment_id,
            "edits": decision.edits or {}, "note": decision.note,
            "decided_by": decision.decided_by,
            "decided_at": decision.decided_at.isoformat(timespec="seconds"),
        }
    return decisions


def record_decision(session: Session, key: str, decision: str, decided_by: str, *,
                    deployment_id: str | None = None, edits: dict[str, Any] | None = None,
                    note: str | None = None) -> None:
    session.add(ReviewDecision(group_key=key, decision=decision, deployment_id=deployment_id,
                               edits=edits or {}, note=note, decided_by=decided_by))


def save_assessment(session: Session, deployment_id: str, card: dict[str, Any], assessed_by: str) -> None:
    session.add(Assessment(deployment_id=deployment_id, card=card, assessed_by=assessed_by))

