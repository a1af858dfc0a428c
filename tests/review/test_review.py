"""From candidate claims to registry deployments, with every decision recorded."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app
from oversight.errors import LoadError
from oversight.review.proposals import ReviewError
from oversight.store import queries
from tests.conftest import FIXTURES

KAMPALA = "The Uganda Police Force said Huawei cameras now cover Kampala's main roads."
JINJA = "Officials in Jinja signed a deal with Huawei to extend the camera network in 2021."


def document(n: int, url: str | None = None) -> dict[str, object]:
    return {"hash": f"{n:064x}", "doc_id": f"doc-{n}", "url": url, "title": f"Story {n}",
            "published": f"202{n}-03-01", "language": "en"}


def claim(text: str, status: str, year: int | None, vendor: str | None = "Huawei",
          technology: str = "video_surveillance") -> dict[str, object]:
    return {"country": "UGA", "vendor": vendor, "technology": technology, "status": status,
            "year": year, "city": "Kampala", "confidence": 0.8,
            "evidence": {"start": 0, "end": len(text), "text": text},
            "extractor": "oversight-extract-v1"}


@pytest.fixture
def with_claims(loaded: Registry) -> Registry:
    loaded.save_extraction(document(1, "https://news.example.org/kampala"),
                           [claim(KAMPALA, "operational", 2019)])
    loaded.save_extraction(document(2, "https://news.example.org/jinja"),
                           [claim(JINJA, "contracted", 2021),
                            claim(JINJA, "contracted", 2021, vendor="Jinja Secure Ltd")])
    loaded.save_extraction(document(3), [claim(KAMPALA, "operational", None, vendor=None,
                                               technology="facial_recognition")])
    return loaded


def test_saving_twice_adds_nothing(with_claims: Registry) -> None:
    assert with_claims.save_extraction(document(1, "https://news.example.org/kampala"),
                                       [claim(KAMPALA, "operational", 2019)]) == 0


def test_claims_merge_across_documents(with_claims: Registry) -> None:
    proposals = {p["key"]: p for p in with_claims.proposals()}
    huawei = proposals["UGA|huawei|video_surveillance"]
    assert huawei["claims"] == 2 and huawei["documents"] == 2
    assert huawei["status"] == "contracted"  # the latest dated claim
    assert huawei["year"] == 2019
    assert [e["text"] for e in huawei["evidence"]] == [KAMPALA, JINJA]
    assert len(proposals) == 3


def test_accept_creates_a_sourced_deployment(with_claims: Registry) -> None:
    proposal = next(p for p in with_claims.proposals() if p["vendor"] == "Jinja Secure Ltd")
    result = with_claims.decide(proposal["id"][:6], "accepted", "reviewer@example.org")
    with with_claims.session() as session:
        dep = queries.deployment(session, result["deployment"])
        vendor = queries.organisation(session, "Jinja Secure Ltd")
    assert dep["suppliers"][0]["name"] == "Jinja Secure Ltd" and vendor["kind"] == "vendor"
    assert dep["sources"][0]["url"] == "https://news.example.org/jinja"
    assert dep["status"] == "contracted" and dep["review_state"] == "accepted"
    decided = next(p for p in with_claims.proposals() if p["id"] == proposal["id"])
    assert decided["state"] == "accepted"
    assert decided["decision"]["decided_by"] == "reviewer@example.org"
    assert decided["decision"]["deployment_id"] == dep["id"]


def test_decisions_survive_reextraction(with_claims: Registry) -> None:
    proposal = next(p for p in with_claims.proposals() if p["vendor"] == "Huawei")
    with_claims.decide(proposal["id"], "rejected", "reviewer", note="same as ken project")
    with_claims.save_extraction(document(4, "https://news.example.org/again"),
                                [claim(KAMPALA, "operational", 2022)])
    again = next(p for p in with_claims.proposals() if p["id"] == proposal["id"])
    assert again["state"] == "rejected" and again["claims"] == 3


def test_edit_overrides_fields(with_claims: Registry) -> None:
    proposal = next(p for p in with_claims.proposals() if p["vendor"] == "Huawei")
    result = with_claims.decide(proposal["id"], "edited", "reviewer",
                                edits={"status": "operational", "city": "Jinja"})
    with with_claims.session() as session:
        dep = queries.deployment(session, result["deployment"])
    assert (dep["status"], dep["city"]) == ("operational", "Jinja")


def test_no_url_needs_a_source(with_claims: Registry) -> None:
    proposal = next(p for p in with_claims.proposals() if p["vendor"] is None)
    with pytest.raises(ReviewError, match="--source-url"):
        with_claims.decide(proposal["id"], "accepted", "reviewer")
    with pytest.raises(LoadError):
        with_claims.decide(proposal["id"], "edited", "reviewer", edits={"source_url": "not a url"})
    assert next(p for p in with_claims.proposals() if p["id"] == proposal["id"])["state"] == "open"
    with_claims.decide(proposal["id"], "edited", "reviewer",
                       edits={"source_url": "https://ngo.example.org/report"})


def test_review_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'review.db'}"
    registry = Registry(url)
    registry.load([FIXTURES])
    registry.save_extraction(document(1, "https://news.example.org/kampala"),
                             [claim(KAMPALA, "operational", 2019)])
    runner = CliRunner()
    listed = json.loads(runner.invoke(app, ["--db", url, "review", "--json"]).stdout)
    assert [p["vendor"] for p in listed] == ["Huawei"]
    shown = runner.invoke(app, ["--db", url, "review", "show", listed[0]["id"]])
    assert "Kampala" in shown.stdout
    accepted = runner.invoke(app, ["--db", url, "review", "accept", listed[0]["id"],
                                   "--by", "alice", "--json"])
    assert accepted.exit_code == 0, accepted.output
    assert json.loads(accepted.stdout)["deployment"] == "uga-huawei-video_surveillance"
    assert json.loads(runner.invoke(app, ["--db", url, "review", "--json"]).stdout) == []
    missing = runner.invoke(app, ["--db", url, "review", "reject", "ffffffffff"])
    assert missing.exit_code == 1 and "no proposal matches" in missing.stderr
