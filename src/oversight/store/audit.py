"""The audit log: every change to the registry, append-only and chained by hashes.

Each entry's hash is sha256 over the previous entry's hash and the canonical JSON (sorted keys,
no whitespace) of its own fields as an array [seq, at, actor, action, entity, entity_id, before,
after, note]; the first entry chains from GENESIS. Changing,
removing or re-ordering an entry therefore breaks the chain at that point, and `verify` names
the first entry where it breaks. The database refuses UPDATE and DELETE on audit_log (triggers
created by migration 0004), so tampering takes deliberate work that the chain then reveals.

Appends happen in the caller's transaction: an entry is written exactly when its change is.
Appenders first take the write lock on the one-row chain head (audit_head), so concurrent
writers queue one behind the other rather than fork the chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from oversight.store.models import AuditEntry, AuditHead, utcnow
from oversight.vocab import AUDIT_ACTIONS

GENESIS = "0" * 64
HASHED_FIELDS = ("seq", "at", "actor", "action", "entity", "entity_id", "before", "after", "note")
CHUNK = 5000


@dataclass(frozen=True)
class Change:
    """One change to append, for `record_many`."""

    action: str
    entity: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    note: str | None = None


@dataclass(frozen=True)
class AuditProblem:
    """Where the chain breaks: the entry (or, for seq None, the chain head) and why."""

    seq: int | None
    reason: str

    def __str__(self) -> str:
        return f"entry {self.seq}: {self.reason}" if self.seq is not None else self.reason

    def as_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "reason": self.reason}


_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def canonical(value: Any) -> str:
    """The one JSON spelling of a value: sorted keys, no whitespace, UTF-8 kept as is."""
    return _ENCODER.encode(value)


def _text(value: str | None) -> str:
    return "null" if value is None else encode_basestring(value)


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """sha256 over prev_hash + the canonical JSON array of the entry's fields in HASHED_FIELDS
    order, with before/after as JSON objects. Their stored text already is their canonical JSON,
    so it is spliced in rather than encoded again, and the array is written out by hand: for a
    bulk load of 100,000 records json.dumps per entry was most of the audit log's cost."""
    at = fields["at"].isoformat() if isinstance(fields["at"], datetime) else fields["at"]
    before = "null" if fields["before"] is None else fields["before"]
    after = "null" if fields["after"] is None else fields["after"]
    payload = (f"[{int(fields['seq'])},{_text(at)},{_text(fields['actor'])},{_text(fields['action'])},"
               f"{_text(fields['entity'])},{_text(fields['entity_id'])},{before},{after},"
               f"{_text(fields['note'])}]")
    return hashlib.sha256((prev_hash + payload).encode("utf-8")).hexdigest()


def _lock_head(session: Session) -> tuple[int, str]:
    """Take the chain head's row lock (SQLite: the database write lock) and read it. The no-op
    UPDATE comes first so that on SQLite the read happens inside the write transaction."""
    session.flush()
    locked = session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=AuditHead.seq))
    if locked.rowcount == 0:  # a database made without migration 0004's head row
        session.execute(insert(AuditHead).values(id=1, seq=0, hash=GENESIS))
        return 0, GENESIS
    seq, head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).one()
    return seq, head


def _check(actor: str, change: Change) -> None:
    if change.action not in AUDIT_ACTIONS:
        raise ValueError(f"unknown audit action {change.action!r}; choose one of {', '.join(AUDIT_ACTIONS)}")
    if not actor:
        raise ValueError("an audit entry needs an actor")


def record_many(session: Session, actor: str, changes: Iterable[Change],
                note: str | None = None) -> list[dict[str, Any]]:
    """Append several entries in the caller's transaction, taking the lock once; for loads.
    `note` is kept on every entry whose change has none of its own. Returns the stored rows
    (before/after as JSON text)."""
    changes = list(changes)
    for change in changes:
        _check(actor, change)
    if not changes:
        return []
    seq, prev = _lock_head(session)
    at = utcnow()
    rows: list[dict[str, Any]] = []
    for change in changes:
        seq += 1
        row = {
            "seq": seq, "at": at, "actor": actor, "action": change.action, "entity": change.entity,
            "entity_id": str(change.entity_id),
            "before": None if change.before is None else canonical(change.before),
            "after": None if change.after is None else canonical(change.after),
            "note": change.note if change.note is not None else note,
        }
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, row)
        rows.append(row)
    _insert_rows(session, rows)
    session.execute(update(AuditHead).where(AuditHead.id == 1).values(seq=seq, hash=prev))
    return rows


def _insert_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """One executemany straight to the driver: for a bulk load, SQLAlchemy's per-row parameter
    handling cost as much as the database's insert. Every row of a call shares its `at`, so the
    column type's bind processor (SQLite stores datetimes as text) runs once."""
    connection = session.connection()
    columns = (*HASHED_FIELDS, "prev_hash", "hash")
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    names = ", ".join(f'"{c}"' for c in columns)  # quoted: before, after and at are SQL keywords
    sql = f"INSERT INTO audit_log ({names}) VALUES ({', '.join([marker] * len(columns))})"
    process = AuditEntry.__table__.c.at.type.bind_processor(connection.dialect)
    at = process(rows[0]["at"]) if process else rows[0]["at"]
    values = [tuple(at if c == "at" else row[c] for c in columns) for row in rows]
    for start in range(0, len(values), CHUNK):
        connection.exec_driver_sql(sql, values[start : start + CHUNK])


def record(session: Session, *, actor: str, action: str, entity: str, entity_id: str,
           before: dict[str, Any] | None, after: dict[str, Any] | None,
           note: str | None = None) -> dict[str, Any]:
    """Append one entry in the caller's transaction and return it as a record."""
    return _public(record_many(session, actor, [Change(action, entity, entity_id, before, after, note)])[0])


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "seq": row["seq"], "at": row["at"], "actor": row["actor"], "action": row["action"],
        "entity": row["entity"], "entity_id": row["entity_id"],
        "before": None if row["before"] is None else json.loads(row["before"]),
        "after": None if row["after"] is None else json.loads(row["after"]),
        "note": row["note"], "prev_hash": row["prev_hash"], "hash": row["hash"],
    }


def _as_row(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in (*HASHED_FIELDS, "prev_hash", "hash")}


def verify(session: Session) -> list[AuditProblem]:
    """Walk the chain from GENESIS; an empty list means every entry is intact and in place.
    After a break the walk goes on from the stored hash, so each tampered spot is named once."""
    problems: list[AuditProblem] = []
    prev, expected, last_seq = GENESIS, 1, 0
    query = select(*(getattr(AuditEntry, n) for n in (*HASHED_FIELDS, "prev_hash", "hash")))
    for row in session.execute(query.order_by(AuditEntry.seq).execution_options(yield_per=CHUNK)):
        fields = row._asdict()
        seq = fields["seq"]
        if seq != expected:
            problems.append(AuditProblem(seq, f"expected entry {expected} here: entries "
                                              f"{expected}..{seq - 1} were removed or renumbered"))
        if fields["prev_hash"] != prev:
            problems.append(AuditProblem(seq, "prev_hash does not match the hash of the entry before "
                                              "it: an entry was removed, re-ordered or rewritten"))
        if entry_hash(fields["prev_hash"], fields) != fields["hash"]:
            problems.append(AuditProblem(seq, "hash does not match the entry's contents: it was altered"))
        prev, expected, last_seq = fields["hash"], seq + 1, seq
    head = session.execute(select(AuditHead.seq, AuditHead.hash).where(AuditHead.id == 1)).first()
    if head is None:
        if last_seq:
            problems.append(AuditProblem(None, "the chain head (audit_head) is missing"))
    elif head.seq != last_seq:
        problems.append(AuditProblem(None, f"the chain head names entry {head.seq} but the log ends "
                                           f"at {last_seq}: entries were removed from the end"))
    elif head.hash != prev:
        problems.append(AuditProblem(None, "the chain head's hash differs from the last entry's"))
    return problems


def summary(session: Session) -> dict[str, Any]:
    """Entry count and the last entry, for the one-line report of `audit verify`."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    count = session.scalar(select(text("count(*)")).select_from(AuditEntry)) or 0
    return {"entries": count, "last_seq": last.seq if last else 0,
            "last_hash": last.hash if last else GENESIS, "last_at": last.at if last else None}


def entries(session: Session, entity: str | None = None, entity_id: str | None = None,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Entries in chain order, optionally of one entity (and id); the last `limit` if given."""
    query = select(AuditEntry)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == str(entity_id))
    if limit is not None:
        found = list(session.scalars(query.order_by(AuditEntry.seq.desc()).limit(limit)))[::-1]
    else:
        found = list(session.scalars(query.order_by(AuditEntry.seq)))
    return [_public(_as_row(e)) for e in found]


def history(session: Session, entity: str, entity_id: str) -> list[dict[str, Any]]:
    """What happened to one record, oldest first: {seq, at, actor, action, before, after, note}."""
    keep = ("seq", "at", "actor", "action", "before", "after", "note")
    return [{k: e[k] for k in keep} for e in entries(session, entity, entity_id)]
