"""Typed errors raised by the library; the CLI turns them into messages."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as precisely as the format allows."""

    file: str
    line: int | None
    field: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        field = f" [{self.field}]" if self.field else ""
        return f"{where}{field}: {self.reason}"


class OversightError(Exception):
    """Base class of every error Oversight raises on purpose."""


class LoadError(OversightError):
    """Input files were rejected; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(map(str, problems))
        super().__init__(f"{len(problems)} problem(s); nothing was written:\n{listing}")


class NotFound(OversightError):
    """A deployment, organisation or country asked for does not exist."""


class RegistryMissing(OversightError):
    """The database asked for does not exist or is not an Oversight registry; nothing was
    created, since an empty new registry would answer every question with "nothing"."""


class NoListings(OversightError):
    """Screening was asked of a list set with no entries: it would answer "no match" from
    nothing, so it refuses."""
