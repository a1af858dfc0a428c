"""Give every source that has neither `published` nor `undated_reason` the reason that it was
not re-read when publication dates were first recorded, so that the data linter can require a
date or a reason from then on while the remaining undated sources stay visibly unverified.

Usage: python scripts/mark_undated.py [PATH ...]   (default: the bundled data and leads)

Edits YAML files in place, line by line, so comments and layout stay as they are. Idempotent:
a source with a date or a reason is never touched, and a URL dated in any occurrence is left
alone everywhere (the registry stores one source per URL). Prints what it changed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from oversight.app import bundled_record_paths
from oversight.registry.leads import bundled_leads_dir
from oversight.registry.readers import expand_paths

REASON = "not yet verified: the page was not re-read when publication dates were first recorded"
DATE_FIELDS = ("published", "undated_reason")


@dataclass(frozen=True)
class SourceNode:
    url: str
    node: yaml.MappingNode
    keys: frozenset[str]


def _scalar_keys(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {k.value: v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def source_nodes(node: yaml.Node, in_sources: bool = False) -> Iterator[SourceNode]:
    """Every mapping that is an item of a `sources` list (nested or a top-level section)."""
    if isinstance(node, yaml.MappingNode):
        fields = _scalar_keys(node)
        url = fields.get("url")
        if in_sources and isinstance(url, yaml.ScalarNode):
            yield SourceNode(url.value, node, frozenset(k for k, v in fields.items()
                                                        if not (isinstance(v, yaml.ScalarNode)
                                                                and v.value in ("", "null", "~"))))
        for key, value in node.value:
            yield from source_nodes(value, in_sources=key.value == "sources")
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from source_nodes(item, in_sources=in_sources)


def _insertion(text: str, source: SourceNode) -> tuple[int, str]:
    """Where to insert the reason in the file's text, and what."""
    quoted = json.dumps(REASON)
    if source.node.flow_style:  # {url: ..., supports: [...]}: before the closing brace
        return source.node.end_mark.index - 1, f", undated_reason: {quoted}"
    url_key, url_value = next((k, v) for k, v in source.node.value if k.value == "url")
    line_end = text.index("\n", url_value.end_mark.index) if "\n" in text[url_value.end_mark.index:] \
        else len(text)
    return line_end, "\n" + " " * url_key.start_mark.column + f"undated_reason: {quoted}"


def mark(paths: list[Path]) -> list[str]:
    """Add the reason where it is missing; returns 'file:line url' for each source changed."""
    parsed = {path: yaml.compose(path.read_text("utf-8")) for path in paths}
    dated = {s.url for root in parsed.values() if root is not None
             for s in source_nodes(root) if s.keys & set(DATE_FIELDS)}
    changed = []
    for path, root in parsed.items():
        if root is None:
            continue
        text = path.read_text("utf-8")
        edits = [(s, *_insertion(text, s)) for s in source_nodes(root) if s.url not in dated]
        for source, index, insert in sorted(edits, key=lambda edit: edit[1], reverse=True):
            text = text[:index] + insert + text[index:]
            changed.append(f"{path}:{source.node.start_mark.line + 1} {source.url}")
        if edits:
            path.write_text(text, "utf-8")
    return sorted(changed)


def main(argv: list[str]) -> int:
    given = [Path(arg) for arg in argv] or [*bundled_record_paths(), bundled_leads_dir()]
    files = [p for p in expand_paths(given) if p.suffix in (".yaml", ".yml")]
    skipped = [p for p in expand_paths(given) if p.suffix not in (".yaml", ".yml")]
    for path in skipped:
        print(f"skipped (only YAML is edited): {path}", file=sys.stderr)
    changed = mark(files)
    for line in changed:
        print(line)
    print(f"{len(changed)} source(s) given the reason {REASON!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
