"""`oversight extract --store`: claims land in the registry as review candidates, once."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app
from tests.conftest import FIXTURES

ARTICLE = {
    "id": "wire-1",
    "url": "https://news.example.org/kampala-cameras",
    "title": "Kampala cameras switched on",
    "published": "2019-10-02T08:00:00Z",
    "text": "KAMPALA - The Uganda Police Force has switched on a CCTV network of 5,000 cameras "
            "supplied by Huawei across Kampala, officials said on Tuesday. The system, installed "
            "in 2019, feeds a national command centre.",
}


def test_extract_store_then_review(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'extract.db'}"
    Registry(url).load([FIXTURES])
    corpus = tmp_path / "news.jsonl"
    corpus.write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    runner = CliRunner()
    args = ["--db", url, "extract", str(corpus), "--output", str(tmp_path / "claims.jsonl"),
            "--store", "--json"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["stored_claims"] >= 1
    assert json.loads(runner.invoke(app, args).stdout)["stored_claims"] == 0
    proposals = Registry(url).proposals()
    huawei = next(p for p in proposals if p["vendor"] == "Huawei")
    assert huawei["country"] == "UGA"
    assert huawei["evidence"][0]["url"] == ARTICLE["url"]
    assert huawei["evidence"][0]["published"] == "2019-10-02"
