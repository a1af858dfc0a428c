"""Recording editions of published list files, keeping each listing's history.

A list is followed per feed (its file format, one publication channel): a new edition is
compared with the entries of the previous edition of the same list and feed, by the
publisher's entry id. Entries that are new get `from_date` (their designation date, or
this edition's publication date); entries no longer there get `to_date` (this edition's
date) and are kept; the rest are carried over. The caller's transaction holds it all.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from oversight.errors import Problem
from oversight.listfiles import ORGANISATION, ListEntry, ParsedList
from oversight.store import audit
from oversight.store.models import ListEntryRow, ListImport


@dataclass(frozen=True)
class Edition:
    """A parsed file and what identifies it: name, SHA-256 and publication date."""

    parsed: ParsedList
    file_name: str
    sha256: str
    published: str


def check(edition: Edition, session: Session) -> list[Problem]:
    """Problems that forbid recording: duplicate entry ids, an edition older than one
    already imported for the same list and feed."""
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int | None] = {}
    for entry in edition.parsed.entries:
        if (entry.list_id, entry.key) in seen:
            problems.append(Problem(edition.file_name, entry.line, "id", f"entry id {entry.key!r} "
                                    f"appears twice (first on line {seen[entry.list_id, entry.key]})"))
        seen[entry.list_id, entry.key] = entry.line
    for list_id in sorted({e.list_id for e in edition.parsed.entries}):
        latest = session.scalar(select(func.max(ListImport.published)).where(
            ListImport.list_id == list_id, ListImport.feed == edition.parsed.format))
        if latest and edition.published < latest and not _already(session, edition, list_id):
            problems.append(Problem(edition.file_name, None, "published", f"this {list_id} "
                                    f"edition of {edition.published} is older than the edition "
                                    f"of {latest} already imported"))
    return problems


def _already(session: Session, edition: Edition, list_id: str) -> ListImport | None:
    return session.scalar(select(ListImport).where(
        ListImport.list_id == list_id, ListImport.feed == edition.parsed.format,
        ListImport.sha256 == edition.sha256))


def record(session: Session, edition: Edition, actor: str) -> list[dict[str, Any]]:
    """Record one edition (one report per list it feeds); an edition already imported is
    reported as such and changes nothing."""
    parsed = edition.parsed
    skipped = Counter(e.list_id for e in parsed.entries if e.kind != ORGANISATION)
    by_list: dict[str, dict[str, ListEntry]] = {}
    for entry in parsed.entries:
        by_list.setdefault(entry.list_id, {})
        if entry.kind == ORGANISATION:
            by_list[entry.list_id][entry.key] = entry
    reports = []
    for list_id, entries in sorted(by_list.items()):
        done = _already(session, edition, list_id)
        if done is not None:
            reports.append(_report(done, already=True))
            continue
        reports.append(_record_list(session, edition, list_id, entries, skipped[list_id], actor))
    return reports


def _record_list(session: Session, edition: Edition, list_id: str,
                 entries: dict[str, ListEntry], skipped: int, actor: str) -> dict[str, Any]:
    feed, published = edition.parsed.format, edition.published
    imported = ListImport(list_id=list_id, feed=feed, file_name=edition.file_name,
                          sha256=edition.sha256, published=published, imported_by=actor,
                          entries=len(entries), added=0, removed=0, changed=0, skipped=skipped)
    session.add(imported)
    session.flush()
    current = {row.entry_key: row for row in session.scalars(select(ListEntryRow).where(
        ListEntryRow.list_id == list_id, ListEntryRow.feed == feed,
        ListEntryRow.to_date.is_(None)))}
    new = [{"list_id": list_id, "feed": feed, "entry_key": e.key, "name": e.name,
            "aliases": list(e.aliases), "programs": list(e.programs),
            "countries": list(e.countries), "from_date": e.listed or published,
            "to_date": None, "first_import_id": imported.id, "last_import_id": imported.id}
           for key, e in entries.items() if key not in current]
    gone = [{"id": row.id, "to_date": published, "removed_import_id": imported.id}
            for key, row in current.items() if key not in entries]
    kept, changed = [], 0
    for key, row in current.items():
        if key not in entries:
            continue
        entry = entries[key]
        values: dict[str, Any] = {"id": row.id, "last_import_id": imported.id}
        if row.name != entry.name or list(row.aliases or []) != list(entry.aliases):
            values.update(name=entry.name, aliases=list(entry.aliases))
            changed += 1
        kept.append(values)
    if new:
        session.execute(insert(ListEntryRow), new)
    for rows in (gone, [k for k in kept if "name" in k], [k for k in kept if "name" not in k]):
        if rows:  # one executemany per shape of row
            session.execute(update(ListEntryRow), rows)
    imported.added, imported.removed, imported.changed = len(new), len(gone), changed
    report = _report(imported, already=False)
    audit.record(session, actor=actor, action="load", entity="list_import",
                 entity_id=str(imported.id), before=None, after=report,
                 note=f"lists import {edition.file_name}")
    return report


def _report(imported: ListImport, *, already: bool) -> dict[str, Any]:
    return {"list": imported.list_id, "format": imported.feed, "file": imported.file_name,
            "sha256": imported.sha256, "published": imported.published,
            "entries": imported.entries, "added": 0 if already else imported.added,
            "removed": 0 if already else imported.removed,
            "changed": 0 if already else imported.changed, "skipped": imported.skipped,
            "already_imported": already}


def imports(session: Session, list_id: str | None = None) -> list[dict[str, Any]]:
    """Every edition imported, newest first: the history of each list."""
    query = select(ListImport).order_by(ListImport.published.desc(), ListImport.id.desc())
    if list_id:
        query = query.where(ListImport.list_id == list_id)
    return [dict(_report(row, already=False), id=row.id,
                 imported_at=row.imported_at.isoformat(timespec="seconds"),
                 imported_by=row.imported_by) for row in session.scalars(query)]


def screening_listings(session: Session) -> list[dict[str, Any]]:
    """Every imported listing, current and past, in the shape of a registry listing plus
    `until` (the date it left the list) and the edition that last carried it."""
    editions = {row.id: row for row in session.scalars(select(ListImport))}
    listings = []
    for row in session.scalars(select(ListEntryRow).order_by(ListEntryRow.id)):
        edition = editions[row.removed_import_id or row.last_import_id]
        state = "removed in" if row.removed_import_id else "in"
        listings.append({
            "list": row.list_id, "listed_name": row.name, "aliases": list(row.aliases or []),
            "listed": row.from_date, "until": row.to_date, "url": None,
            "citation": f"{state} {edition.file_name} ({edition.feed}) published "
                        f"{edition.published}, entry {row.entry_key}",
        })
    return listings


def versions(session: Session) -> list[dict[str, Any]]:
    """The latest edition of each imported list and feed, with its current entry count."""
    latest: dict[tuple[str, str], ListImport] = {}
    for row in session.scalars(select(ListImport).order_by(ListImport.published,
                                                          ListImport.id)):
        latest[row.list_id, row.feed] = row
    counts = dict(session.execute(
        select(ListEntryRow.last_import_id, func.count(ListEntryRow.id))
        .where(ListEntryRow.to_date.is_(None)).group_by(ListEntryRow.last_import_id)).all())
    return [{"list": row.list_id, "source": f"{row.file_name} ({row.feed})",
             "as_of": row.published, "entries": counts.get(row.id, 0), "sha256": row.sha256}
            for (_, _), row in sorted(latest.items())]
