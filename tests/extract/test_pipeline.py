"""The streaming runner: workers give the same claims as one process, and runs resume."""

from __future__ import annotations

import json
from pathlib import Path

from oversight.extract.pipeline import ClaimWriter, extract_stream, load_done
from oversight.extract.readers import read_inputs
from oversight.extract.resources import Resources
from tests.extract.conftest import FIXTURES


def _corpus(tmp_path: Path, copies: int = 30) -> Path:
    lines = (FIXTURES / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for line in lines:
                record = json.loads(line)
                record["id"] = f"{record['id']}-{n}"
                record["text"] += f" (copy {n})"
                out.write(json.dumps(record) + "\n")
        out.write("{broken\n")
    return path


def _run(path: Path, output: Path, res: Resources | None, workers: int) -> list:
    done = load_done(output)
    outcomes = []
    with ClaimWriter(output) as writer:
        for outcome in extract_stream(read_inputs([path], raw=workers > 1), res, workers=workers, done=done):
            writer.write(outcome)
            outcomes.append(outcome)
    return outcomes


def test_two_workers_give_the_same_claims_in_order(tmp_path: Path, res: Resources) -> None:
    corpus = _corpus(tmp_path)
    one = _run(corpus, tmp_path / "one.jsonl", res, 1)
    two = _run(corpus, tmp_path / "two.jsonl", res, 2)
    assert [(o.doc_id, o.state, o.claims) for o in one] == [(o.doc_id, o.state, o.claims) for o in two]
    assert sum(o.state == "failed" for o in one) == 1
    assert (tmp_path / "one.jsonl").read_text() == (tmp_path / "two.jsonl").read_text()


def test_resume_skips_finished_documents_and_a_rerun_adds_nothing(tmp_path: Path, res: Resources) -> None:
    corpus = _corpus(tmp_path, copies=3)
    output = tmp_path / "claims.jsonl"
    full = _run(corpus, tmp_path / "full.jsonl", res, 1)
    # An interrupted run: half the documents, and a claim line cut in the middle.
    with ClaimWriter(output) as writer:
        for outcome in full[: len(full) // 2]:
            writer.write(outcome)
    with output.open("a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "half-writ')
    resumed = _run(corpus, output, res, 1)
    assert sum(o.state == "done-before" for o in resumed) == len(full) // 2
    assert output.read_text() == (tmp_path / "full.jsonl").read_text()
    again = _run(corpus, output, res, 1)
    assert all(o.state in ("done-before", "failed") for o in again)
    assert output.read_text() == (tmp_path / "full.jsonl").read_text()


def test_same_content_under_another_id_is_not_extracted_twice(tmp_path: Path, res: Resources) -> None:
    path = tmp_path / "docs.jsonl"
    text = "Kenya's police installed 1,800 Huawei CCTV cameras in Nairobi in 2015."
    path.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    output = tmp_path / "claims.jsonl"
    _run(path, output, res, 1)
    path.write_text(json.dumps({"id": "b", "text": text}) + "\n", encoding="utf-8")
    [outcome] = _run(path, output, res, 1)
    assert outcome.state == "done-before"
