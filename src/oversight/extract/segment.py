"""Segment: split a text into sentences, keeping character offsets into the text.

A sentence ends at . ! ? (and their CJK forms) followed by space and a capital, digit or quote,
except after common abbreviations and initials; a blank line or a line break ends one too
(headlines, list items, table cells).

``is_headline`` tells headlines and crossheads from sentences of the story: a short line of its
own that does not end as a sentence does. Headline grammar compresses and shifts tense ("Army
using face recognition", "Police to get 900 cameras"), so a claim resting on headlines alone is
weaker than one the story states.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "co",
        "corp",
        "inc",
        "ltd",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "u.n",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gov",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "rep",
        "sen",
        "fig",
        "approx",
        "dept",
        "est",
        "mt",
        "ft",
        "bros",
        "pty",
        "pvt",
        "s.a",
        "n.v",
        "b.v",
    ]
)
COMPANY_ENDINGS = frozenset({"ltd", "inc", "co", "corp", "plc", "llc", "s.a", "n.v", "b.v"})
_STARTER_RE = re.compile(
    r"\s+(?:The|It|Its|This|That|These|They|He|She|We|In|On|At|But|However|A|An|"
    r"According|Officials|Police|After|Before|Since|Under)\b"
)
# Sentence ends: a run of . ! ? and closing quotes before a space and a capital, a CJK full stop,
# a blank line, a line break. The pattern opens with the one character every end starts with,
# which lets the regex engine skip ahead to it (alternatives that each open with a class make
# it try every position), and tells the kinds apart by looking behind that character.
_BOUNDARY_RE = re.compile(
    r"[.!?。！？\n](?:(?<=[.!?。！？])[.!?。！？]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])"
    r"|(?<=[。！？])|(?<=\n)\s*\n|(?<=\n))"
)
_WORD_BEFORE_RE = re.compile(r"([\w.]+)\W*$")


def segment(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, in text order."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(text):
        if match.group()[0] == ".":
            before = _WORD_BEFORE_RE.search(text, max(start, match.start() - 12), match.start() + 1)
            word = before.group(1).lower().rstrip(".") if before else ""
            if word in COMPANY_ENDINGS and _STARTER_RE.match(text, match.end()):
                pass  # "... Acme Ltd. The company said": the sentence ends after the legal form
            elif word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if word in ("no", "nos") and text[match.end() : match.end() + 3].strip()[:1].isdigit():
                continue
        _add(text, start, match.end(), spans)
        start = match.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


HEADLINE_MAX_WORDS = 20


def is_headline(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is a line of its own, of at most ``HEADLINE_MAX_WORDS``
    words, that does not end with a full stop (a headline, a crosshead, a standfirst label)."""
    alone = (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
    line = text[start:end].rstrip()
    short = len(line.split()) <= HEADLINE_MAX_WORDS
    return alone and short and not line.endswith((".", ".\"", ".”", ".)", ";"))
