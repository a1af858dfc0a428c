"""Checks on a composed YAML node graph, made before any Python object is built from it.

YAML aliases let a small file describe an enormous document: nine levels of lists that each
repeat the level below nine times make 9^9 values from 2 KB ("billion laughs"). PyYAML builds
such a document cheaply (an alias is a shared object), but everything that walks it afterwards
(validation, error messages) pays for every repetition. So the size the document would have with
every alias expanded is counted here, on the graph, where each node is visited once; so are the
nesting depth, aliases that contain themselves and keys given twice in one mapping (which
PyYAML silently resolves to the last one).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

MAX_NODES = 1_000_000  # values in the document with every alias expanded
MAX_DEPTH = 100  # nested lists and mappings
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class GraphProblem:
    line: int
    field: str | None
    reason: str


class _TooLarge(Exception):
    def __init__(self, problem: GraphProblem):
        super().__init__(problem.reason)
        self.problem = problem


@dataclass
class _Walk:
    sizes: dict[int, int] = field(default_factory=dict)  # node id -> expanded size
    depths: dict[int, int] = field(default_factory=dict)  # node id -> expanded depth
    open_nodes: set[int] = field(default_factory=set)  # nodes on the path from the root
    problems: list[GraphProblem] = field(default_factory=list)

    def visit(self, node: yaml.Node, depth: int) -> tuple[int, int]:
        """(expanded size, expanded depth) of `node`, met at nesting `depth`."""
        key = id(node)
        line = node.start_mark.line + 1
        if depth > MAX_DEPTH:
            raise _TooLarge(GraphProblem(line, None, f"nested more than {MAX_DEPTH} levels deep"))
        if key in self.open_nodes:
            raise _TooLarge(GraphProblem(line, None, "an alias refers to a node that contains it "
                                                      "(a recursive structure)"))
        if key in self.sizes:
            size, below = self.sizes[key], self.depths[key]
        else:
            size, below = self._measure(node, depth, key)
        if depth + below > MAX_DEPTH:
            raise _TooLarge(GraphProblem(line, None, f"nested more than {MAX_DEPTH} levels deep"))
        return size, below

    def _measure(self, node: yaml.Node, depth: int, key: int) -> tuple[int, int]:
        if isinstance(node, yaml.ScalarNode):
            children: list[yaml.Node] = []
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        else:
            self._duplicate_keys(node)
            children = [part for pair in node.value for part in pair]
        self.open_nodes.add(key)
        size, below = 1, 0
        for child in children:
            child_size, child_depth = self.visit(child, depth + 1)
            size += child_size
            below = max(below, child_depth + 1)
            if size > MAX_NODES:
                raise _TooLarge(GraphProblem(
                    node.start_mark.line + 1, None,
                    f"expands to more than {MAX_NODES:,} values through aliases (refused unread)"))
        self.open_nodes.discard(key)
        self.sizes[key], self.depths[key] = size, below
        return size, below

    def _duplicate_keys(self, node: yaml.MappingNode) -> None:
        seen: dict[str, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == MERGE_TAG:
                continue
            line = key_node.start_mark.line + 1
            if key_node.value in seen:
                self.problems.append(GraphProblem(
                    line, key_node.value[:100],
                    f"duplicate key (also at line {seen[key_node.value]}); give each field once"))
            else:
                seen[key_node.value] = line


def check_graph(root: yaml.Node) -> list[GraphProblem]:
    """Problems that make the document unsafe or ambiguous to build; empty when it is fine."""
    walk = _Walk()
    try:
        walk.visit(root, 0)
    except _TooLarge as error:
        return [error.problem]
    return walk.problems
