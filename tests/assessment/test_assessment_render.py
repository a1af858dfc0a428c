"""Renderings: Markdown, self-contained escaped HTML and JSON say the same as the data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oversight.assessment import (
    assess,
    parse_description,
    read_description,
    render_html,
    render_json,
    render_markdown,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "assessments"
HOSTILE = "<script>alert(1)</script>"

HOSTILE_FORM = f"""
country: DEU
name: "{HOSTILE}"
city: "<img src=x onerror=alert(2)>"
description: "a | pipe & an ampersand"
purpose: law_enforcement
uses: [identification]
biometric: true
remote: true
real_time: false
suppliers:
  - {{name: "Evil\\"><script>x()</script>", lists: [us_entity_list]}}
safeguards:
  redress: {{answer: partly, note: "{HOSTILE}", source: "https://example.org/?a=1&b=<x>"}}
notes: ["{HOSTILE}"]
"""


@pytest.fixture
def card() -> dict:
    return assess(parse_description(HOSTILE_FORM, "hostile.yaml"))


def test_html_escapes_hostile_text(card: dict) -> None:
    page = render_html(card)
    assert "<script" not in page.lower()
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'href="https://example.org/?a=1&amp;b=&lt;x&gt;"' in page


def test_html_is_self_contained(card: dict) -> None:
    page = render_html(card)
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<link" not in page and "src=" not in page.replace("&lt;img src=x", "")


def test_html_links_only_http_sources() -> None:
    card = assess(read_description(EXAMPLES / "post-facial-recognition-police.yaml"))
    card["criteria"][0]["evidence"]["source"] = "javascript:alert(1)"
    assert "javascript:" not in render_html(card)


def test_markdown_neutralises_html_and_table_breaks(card: dict) -> None:
    text = render_markdown(card)
    assert "<script>" not in text and "&lt;script&gt;" in text
    redress = next(line for line in text.splitlines() if line.startswith("| Redress"))
    assert redress.count(" | ") == 3  # the note's pipe, if any, is escaped; four cells


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.yaml")))
def test_every_rendering_carries_the_class_and_missing(name: str) -> None:
    card = assess(read_description(EXAMPLES / name))
    label = card["ai_act"]["label"]
    assert label in render_markdown(card)
    assert label in render_html(card)
    assert json.loads(render_json(card)) == json.loads(json.dumps(card))
    for item in card["missing"]:
        assert item["field"] in render_markdown(card)


def test_json_keeps_unknown_as_null(card: dict) -> None:
    data = json.loads(render_json(card))
    assert data["deployment"]["publicly_accessible_space"] is None
    assert data["ai_act"]["class"] == "high_risk"
    assert data["ai_act"]["could_be"] is None
    assert "Art. 26(10)" in data["ai_act"]["articles"]
