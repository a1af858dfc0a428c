"""GET /vocabulary: the terms of schema.yaml."""

from __future__ import annotations

from oversight.vocab import STATUSES, TECHNOLOGIES, VOCAB
from tests.api.conftest import API


def test_vocabulary_is_schema_yaml(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/vocabulary").json()
    assert [t["id"] for t in body["technologies"]] == list(TECHNOLOGIES)
    assert [t["id"] for t in body["statuses"]] == list(STATUSES)
    assert body["source_supports"] == list(VOCAB.source_supports)
    assert body["restriction_lists"][0]["label"] == VOCAB.restriction_lists[0].label
