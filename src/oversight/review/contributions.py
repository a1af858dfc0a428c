"""Contributions: deployments submitted by people, checked with the registry's own record model
and loaded through Registry.load_records when a reviewer accepts them.

A payload is a deployment record in the registry's input format (data/README.md) without
`review_state`, which the reviewer's decision sets, and with at least one source. Without `id` it
proposes a new deployment; with the `id` of a registry deployment it is a **correction**: the
whole record as it should read, which replaces the current one when a reviewer accepts it (so
`record_of` gives the current record to start from, and nothing the corrector kept is lost).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight.errors import LoadError, NotFound, OversightError
from oversight.registry.readers import RawRecord
from oversight.registry.records import DeploymentIn, normalise_name, slugify
from oversight.store import audit
from oversight.store.models import Contribution, Deployment, utcnow
from oversight.store.write import known_for

if TYPE_CHECKING:
    from oversight.app import Registry

STATES = ("pending", "accepted", "rejected")
# What the API and the review forms send -> the decision taken (for proposals and contributions alike).
VERBS = {"accept": "accepted", "edit": "edited", "reject": "rejected"}
DECISIONS = tuple(VERBS.values())
RESERVED = ("review_state",)  # set by the review, not by the contributor
# Fields of a deployment view that are the registry's own bookkeeping, not facts a record states.
DERIVED = ("country_name", "year", "status_as_of", "review_state", "created_at", "updated_at",
           "history", "review", "assessments", "evidence")
# An unknown supplier is added to the registry with the kind its role implies.
KIND_OF_ROLE = {"supplier": "vendor", "integrator": "integrator", "financier": "financier",
                "operator": "integrator"}


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    kind: str | None = None  # the record model's error type ("missing", "string_too_long", ...)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ContributionError(OversightError):
    """A submission or decision that cannot be taken; `problems` name the fields at fault."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = problems
        super().__init__("; ".join(map(str, problems)))


def _path(loc: tuple[Any, ...]) -> str:
    """("sources", 0, "url") -> "sources[0].url", the spelling the loader's problems use."""
    text = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc)
    return text.replace(".[", "[") or "body"


def validate(data: Any) -> dict[str, Any]:
    """The payload as the registry's loader will read it, or ContributionError naming each field."""
    if not isinstance(data, dict):
        raise ContributionError([FieldProblem(
            "body", "a contribution is a JSON object: a deployment record")])
    problems = [FieldProblem(name, "is set by the reviewer's decision; leave it out")
                for name in RESERVED if name in data]
    # Named together with the other problems, so that a form shows every one in a single round.
    no_source = [] if data.get("sources") else [FieldProblem(
        "sources", "give at least one source: every fact needs evidence", "missing")]
    try:
        record = DeploymentIn.model_validate(data if "id" in data else {**data, "id": "contribution"})
    except ValidationError as error:
        for detail in error.errors():
            message = detail["msg"].removeprefix("Value error, ")
            if detail["type"] == "extra_forbidden":
                message = "unknown field (see data/README.md for the fields of a deployment)"
            problems.append(FieldProblem(_path(tuple(detail["loc"])), message, detail["type"]))
        raise ContributionError(problems + no_source) from None
    if problems or no_source:
        raise ContributionError(problems + no_source)
    return record.model_dump(mode="json", exclude_none=True,
                             exclude=set(RESERVED) | (set() if "id" in data else {"id"}))


def record_of(view: dict[str, Any]) -> dict[str, Any]:
    """A deployment view (queries.deployment) as a record in the input format: what a correction
    starts from."""
    record = {k: v for k, v in view.items() if k not in DERIVED and k not in ("suppliers", "sources")
              and v is not None}
    if record.get("contract_value_scope") == "deployment":
        del record["contract_value_scope"]  # the default
    record["suppliers"] = [{"organisation": s["name"], "role": s["role"]} for s in view["suppliers"]]
    record["sources"] = [{k: v for k, v in s.items() if v not in (None, [])} for s in view["sources"]]
    return record


def _view(row: Contribution) -> dict[str, Any]:
    return {
        "id": row.id, "corrects": row.payload.get("id"), "submitted_by": row.submitted_by,
        "submitted_at": row.submitted_at.isoformat(timespec="seconds"),
        "state": row.state, "payload": row.payload, "edited_payload": row.edited_payload,
        "decided_by": row.decided_by,
        "decided_at": row.decided_at.isoformat(timespec="seconds") if row.decided_at else None,
        "deployment_id": row.deployment_id, "note": row.note,
    }


def submit(session: Session, data: Any, submitted_by: str, note: str | None = None) -> dict[str, Any]:
    """Keep a contribution as pending; `note` (why, for a correction) goes to the audit log."""
    payload = validate(data)
    if "id" in payload and session.get(Deployment, payload["id"]) is None:
        raise ContributionError([FieldProblem(
            "id", f"there is no deployment {payload['id']!r} to correct; leave `id` out to propose a "
                  "new deployment")])
    row = Contribution(submitted_by=submitted_by, payload=payload, state="pending", submitted_at=utcnow())
    session.add(row)
    session.flush()
    audit.record(session, actor=submitted_by, action="contribute", entity="contribution",
                 entity_id=str(row.id), before=None, after=payload, note=note)
    return _view(row)


def corrections(session: Session) -> list[dict[str, Any]]:
    """Accepted corrections of registry records, newest first (what the corrections page lists)."""
    rows = session.scalars(select(Contribution).where(Contribution.state == "accepted")
                           .order_by(Contribution.decided_at.desc()))
    return [_view(row) for row in rows if row.payload.get("id")]


def contributions(session: Session, state: str | None = None) -> list[dict[str, Any]]:
    query = select(Contribution).order_by(Contribution.id)
    if state is not None:
        query = query.where(Contribution.state == state)
    return [_view(row) for row in session.scalars(query)]


def submitted_by(session: Session, name: str) -> list[dict[str, Any]]:
    """One person's contributions, newest first, with each reviewer's decision."""
    query = select(Contribution).where(Contribution.submitted_by == name).order_by(Contribution.id.desc())
    return [_view(row) for row in session.scalars(query)]


def contribution(session: Session, contribution_id: int) -> dict[str, Any]:
    row = session.get(Contribution, contribution_id)
    if row is None:
        raise NotFound(f"no contribution {contribution_id}")
    return _view(row)


def _deployment_id(session: Session, payload: dict[str, Any], contribution_id: int) -> str:
    """The corrected deployment's own id; else a readable new id, suffixed with the contribution
    number if it is taken, since loading an existing id would overwrite that deployment."""
    if payload.get("id"):
        return str(payload["id"])
    supplier = payload["suppliers"][0]["organisation"] if payload.get("suppliers") else "unnamed supplier"
    place = payload.get("city") or ""
    base = slugify(f"{payload['country']} {place} {supplier} {payload['technologies'][0]}")
    if session.get(Deployment, base) is None:
        return base
    return f"{base[:110]}-c{contribution_id}"


def _records(session: Session, payload: dict[str, Any], deployment_id: str, source: str) -> list[RawRecord]:
    known = known_for(session).organisation_keys
    raws = []
    for supplier in payload.get("suppliers", []):
        if normalise_name(supplier["organisation"]) not in known:
            known[normalise_name(supplier["organisation"])] = supplier["organisation"]
            kind = KIND_OF_ROLE.get(supplier.get("role", "supplier"), "vendor")
            organisation = {"name": supplier["organisation"], "kind": kind}
            raws.append(RawRecord("organisation", organisation, source, None))
    raws.append(RawRecord("deployment", {**payload, "id": deployment_id, "review_state": "accepted"},
                          source, None))
    return raws


def decide(registry: Registry, contribution_id: int, decision: str, decided_by: str, *,
           edits: dict[str, Any] | None = None, note: str | None = None) -> dict[str, Any]:
    """Accept (as submitted or with `edits`, fields of the payload replaced) or reject a pending
    contribution. Accepting writes the deployment, the decision and its audit entry in one
    transaction; a load problem raises LoadError and changes nothing."""
    if decision not in DECISIONS:
        raise ContributionError([FieldProblem(
            "decision", f"{decision!r} is not one of {', '.join(DECISIONS)}")])
    with registry.session() as session:
        current = contribution(session, contribution_id)
        if current["state"] != "pending":
            raise ContributionError([FieldProblem(
                "decision", f"contribution {contribution_id} was already {current['state']}")])
        payload = current["payload"]
        if decision == "edited":
            payload = validate({**payload, **(edits or {})})
        if decision != "rejected":
            deployment_id = _deployment_id(session, payload, contribution_id)
            raws = _records(session, payload, deployment_id, f"contribution:{contribution_id}")
    action = {"accepted": "accept", "edited": "accept_edited", "rejected": "reject"}[decision]

    def record_decision(session: Session, deployment_id: str | None = None) -> None:
        row = session.get(Contribution, contribution_id)
        assert row is not None
        if row.state != "pending":  # another reviewer decided first
            raise ContributionError([FieldProblem(
                "decision", f"contribution {contribution_id} was already {row.state}")])
        before = _view(row)
        row.state = "rejected" if decision == "rejected" else "accepted"
        row.decided_by, row.decided_at, row.note = decided_by, utcnow(), note
        row.deployment_id = deployment_id
        if decision == "edited":
            row.edited_payload = payload
        session.flush()
        after = _view(row)
        audit.record(session, actor=decided_by, action=action, entity="contribution",
                     entity_id=str(contribution_id), before=before, after=after, note=note)

    if decision == "rejected":
        with registry.session() as session:
            record_decision(session)
            return contribution(session, contribution_id)
    why = f"review: {decision} contribution {contribution_id}" + (f": {note}" if note else "")
    registry.load_records(raws, decision=lambda session: record_decision(session, deployment_id),
                          actor=decided_by, note=why)
    with registry.session() as session:
        return contribution(session, contribution_id)


def apply_edit(registry: Registry, data: Any, admin: str, note: str) -> dict[str, Any]:
    """An admin's edit of a registry record: submitted and accepted at once, so it leaves the trail
    of any correction (contribution, decision, note, record history). The record is checked before
    anything is kept; should the loader still refuse it, the contribution is rejected with the
    reason, so none is left pending, and the LoadError is raised."""
    validate(data)
    with registry.session() as session:
        saved = submit(session, data, admin, note=note)
    try:
        return decide(registry, saved["id"], "accepted", admin, note=f"admin edit: {note}")
    except LoadError as error:
        decide(registry, saved["id"], "rejected", admin, note=f"not applied: {error}")
        raise
