"""YAML from people we do not trust (web forms): refused before it is built into objects when it
uses aliases, which can expand a small text into gigabytes, or nests deeper than any of our
forms, which exhausts the stack."""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 20  # our forms nest three or four levels


class UntrustedYamlError(ValueError):
    """The text was refused; `line` is 1-based, or None."""

    def __init__(self, line: int | None, reason: str):
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}" if line else reason)


def check(text: str, max_depth: int = MAX_DEPTH) -> None:
    """Refuse aliases and deep nesting, reading only the event stream (nothing is expanded).
    Text that is not YAML at all raises yaml.YAMLError, for the caller to report as it does."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise UntrustedYamlError(event.start_mark.line + 1, "YAML aliases (*name) are not accepted")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > max_depth:
                raise UntrustedYamlError(event.start_mark.line + 1, f"nested deeper than {max_depth} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load(text: str) -> Any:
    """The data of an untrusted YAML (or JSON) text, after `check`."""
    check(text)
    return yaml.safe_load(text)
