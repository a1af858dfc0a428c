"""The extraction pipeline: prefilter → segment → tag → relate → resolve, one document at a
time, and a streaming runner over many documents with worker processes and resume.

``extract_document`` is pure. ``extract_stream`` keeps memory flat: documents are read
lazily, sent to workers in small batches with a bounded number in flight, and results come
back in input order. Each worker builds the resources once.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import blake2b
from pathlib import Path
from typing import Any

from oversight.extract.prefilter import prefilter
from oversight.extract.readers import MAX_BYTES, Document, RawLine, ReadError, parse_line
from oversight.extract.relate import Candidate, relate
from oversight.extract.resolve import resolve, scored_claims
from oversight.extract.resources import Resources, build_resources
from oversight.extract.segment import segment
from oversight.extract.tag import tag

BATCH_BYTES = 2 * 1024 * 1024
BATCH_DOCS = 500


def content_hash(text: str) -> str:
    return _hash_and_size(text)[0]


def _hash_and_size(text: str) -> tuple[str, int]:
    """The content hash of a text and its size in bytes of UTF-8, from one encoding."""
    data = text.encode("utf-8", "surrogatepass")
    return blake2b(data, digest_size=12).hexdigest(), len(data)


def extract_document(doc: Document, resources: Resources) -> list[dict[str, Any]]:
    """The candidate claims of one document (an empty list when the prefilter skips it)."""
    if not prefilter(doc.text, resources):
        return []
    return _extract_kept(doc, resources)


def _candidates(doc: Document, resources: Resources) -> list[Candidate]:
    spans = segment(doc.text)
    mentions = tag(doc.text, resources, spans, doc.published)
    return relate(doc.text, spans, mentions, resources, doc.published)


def _extract_kept(doc: Document, resources: Resources) -> list[dict[str, Any]]:
    """The stages after the prefilter."""
    return resolve(doc.id, doc.text, _candidates(doc, resources), resources)


def scored_document_claims(
    doc: Document, resources: Resources
) -> list[tuple[dict[str, Any], dict[str, float]]]:
    """Every claim of one document, before the scorer's threshold, with its scorer features."""
    if not prefilter(doc.text, resources):
        return []
    return scored_claims(doc.id, doc.text, _candidates(doc, resources), resources)


@dataclass
class Outcome:
    """What happened to one input: a document's claims, a skip, or a read error."""

    doc_id: str
    state: str  # extracted | skipped | failed | done-before
    claims: list[dict[str, Any]] = field(default_factory=list)
    hash: str | None = None
    bytes: int = 0
    reason: str | None = None
    document: dict[str, Any] | None = None  # url, title, published, language, when it has claims


def _process(doc: Document, resources: Resources) -> Outcome:
    digest, size = _hash_and_size(doc.text)
    if not prefilter(doc.text, resources):
        return Outcome(doc.id, "skipped", hash=digest, bytes=size)
    claims = _extract_kept(doc, resources)
    for claim in claims:
        claim["doc_hash"] = digest
    document = None
    if claims:
        document = {"url": doc.url, "title": doc.title, "published": doc.published,
                    "language": doc.language}
    return Outcome(doc.id, "extracted", claims, digest, size, document=document)


# Worker processes keep their resources in module globals, set once by the initializer.
_WORKER: dict[str, Any] = {}


def _init_worker(
    resources: Resources | None, organisations: list[dict[str, Any]] | None, done: set[str], max_bytes: int
) -> None:
    res = resources if resources is not None else build_resources(organisations)
    # Build the automata here, once, rather than on the first document.
    res.automaton("prefilter")
    res.automaton("tag")
    _WORKER.update(resources=res, done=done, max_bytes=max_bytes)


def _handle(
    item: Document | ReadError | RawLine, res: Resources, done: set[str] | frozenset[str], max_bytes: int
) -> Outcome | None:
    if isinstance(item, RawLine):
        item = parse_line(item.line, item.name, item.number, max_bytes)
        if item is None:
            return None
    if isinstance(item, ReadError):
        return Outcome(item.path, "failed", reason=item.reason)
    if item.id in done:
        return Outcome(item.id, "done-before")
    outcome = _process(item, res)
    if outcome.hash in done:
        return Outcome(item.id, "done-before", hash=outcome.hash)
    return outcome


def extract_item(
    item: Document | ReadError | RawLine, resources: Resources, max_bytes: int = MAX_BYTES
) -> Outcome | None:
    """The outcome of one input item (None for a blank JSONL line): the per-record step that
    every engine (this module's streaming runner, the Spark engine) runs, so they agree."""
    return _handle(item, resources, frozenset(), max_bytes)


def _process_batch(items: list[Document | ReadError | RawLine]) -> list[Outcome]:
    res, done, max_bytes = _WORKER["resources"], _WORKER["done"], _WORKER["max_bytes"]
    return [o for item in items if (o := _handle(item, res, done, max_bytes)) is not None]


def _batches(items: Iterable[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for item in items:
        batch.append(item)
        size += (
            len(item.text) if isinstance(item, Document) else len(item[0]) if isinstance(item, RawLine) else 0
        )
        if len(batch) >= BATCH_DOCS or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_stream(
    docs: Iterable[Document | ReadError | RawLine],
    resources: Resources | None = None,
    workers: int = 1,
    done: set[str] | None = None,
    organisations: list[dict[str, Any]] | None = None,
    max_bytes: int = MAX_BYTES,
) -> Iterator[Outcome]:
    """Outcomes of every input, in input order.

    ``docs`` may hold documents, read errors and unparsed JSONL lines (``read_inputs(...,
    raw=True)``: parsing then happens in the workers). ``done`` holds document ids and content
    hashes already extracted: those documents are reported as ``done-before``. With
    ``workers > 1`` the workers share the parent's resources (fork) or build their own from
    ``organisations`` (spawn); at most ``2 * workers`` batches are in flight.
    """
    done = done or set()
    if workers <= 1:
        res = resources or build_resources(organisations)
        for item in docs:
            outcome = _handle(item, res, done, max_bytes)
            if outcome is not None:
                yield outcome
        return

    fork = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else "spawn")
    shared = (resources or build_resources(organisations)) if fork else None
    with context.Pool(
        workers, initializer=_init_worker, initargs=(shared, organisations, done, max_bytes)
    ) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(docs):
            pending.append(pool.apply_async(_process_batch, (batch,)))
            while len(pending) > 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# Resume: the output file records, next to the claims, which documents were finished.


def progress_path(output: Path) -> Path:
    return output.with_name(output.name + ".done")


def load_done(output: Path) -> set[str]:
    """Ids and hashes of documents finished by an earlier run into ``output``.

    A claims file cut short in the middle of a line is trimmed back to its last full line.
    """
    done: set[str] = set()
    for path in (output, progress_path(output)):
        if not path.exists():
            continue
        _trim_partial_line(path)
        with path.open("r", encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:
                    continue
                for key in ("doc_id", "doc_hash", "hash"):
                    if record.get(key):
                        done.add(str(record[key]))
    return done


def _trim_partial_line(path: Path) -> None:
    with path.open("rb+") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        if size == 0:
            return
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return
        # Walk back to the last newline and cut there.
        pos = size
        while pos > 0:
            step = min(65536, pos)
            handle.seek(pos - step)
            chunk = handle.read(step)
            cut = chunk.rfind(b"\n")
            if cut >= 0:
                handle.truncate(pos - step + cut + 1)
                return
            pos -= step
        handle.truncate(0)


class ClaimWriter:
    """Appends claims to the output and marks each finished document in ``<output>.done``."""

    def __init__(self, output: Path) -> None:
        output.parent.mkdir(parents=True, exist_ok=True)
        self.claims = output.open("a", encoding="utf-8")
        self.progress = progress_path(output).open("a", encoding="utf-8")

    def write(self, outcome: Outcome) -> None:
        if outcome.claims:
            for claim in outcome.claims:
                self.claims.write(json.dumps(claim, ensure_ascii=False) + "\n")
            # The claims reach the file before the document is marked finished.
            self.claims.flush()
        if outcome.state in ("extracted", "skipped"):
            self.progress.write(f'{{"doc_id": {json.dumps(outcome.doc_id)}, "hash": "{outcome.hash}"}}\n')

    def close(self) -> None:
        self.claims.close()
        self.progress.close()

    def __enter__(self) -> ClaimWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
