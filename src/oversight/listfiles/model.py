"""What every list-file parser returns: plain entries, a publication date, and problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from oversight.errors import Problem

# Kinds of listed subject. Screening matches supplier names, so only organisations are
# kept by the import; the others are counted, so a report says what was left out.
ORGANISATION = "organisation"
PERSON = "person"
VESSEL = "vessel"
AIRCRAFT = "aircraft"


@dataclass(frozen=True, slots=True)
class ListEntry:
    """One entry of a published list, as the publisher wrote it."""

    key: str  # the publisher's own id of the entry, stable from one edition to the next
    list_id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    listed: str | None = None  # designation date, ISO, when the file gives one
    programs: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    line: int | None = None


@dataclass
class ParsedList:
    """A parsed list file: its format, publication date (ISO), entries and problems."""

    format: str
    published: str | None
    entries: list[ListEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
