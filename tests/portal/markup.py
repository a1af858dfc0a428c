"""A small HTML reader for the page tests: every start tag with its attributes, and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)


class Page(HTMLParser):
    """Parse once, then ask: tags("a"), ids, the text of an element by id."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.all: list[Tag] = []
        self.open: list[Tag] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Tag(tag, {k: v or "" for k, v in attrs})
        self.all.append(element)
        if tag not in ("meta", "link", "input", "br", "img", "path", "line", "rect", "source"):
            self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.all.append(Tag(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        self.all.append(Tag(f"/{tag}", {}))
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i].name == tag:
                del self.open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text.append(data)

    def tags(self, name: str, **attrs: str) -> list[Tag]:
        return [t for t in self.all if t.name == name and all(t.attrs.get(k) == v for k, v in attrs.items())]

    def by_id(self, element_id: str) -> Tag:
        found = [t for t in self.all if t.attrs.get("id") == element_id]
        assert found, f"no element with id {element_id!r}"
        return found[0]

    def text(self, element_id: str) -> str:
        return " ".join("".join(self.by_id(element_id).text).split())

    def rows(self, table_id: str) -> list[str]:
        """The first-cell links of a table's body rows (deployment ids, country names...)."""
        table = self.all.index(self.by_id(table_id))
        hrefs = []
        for tag in self.all[table + 1:]:
            if tag.name == "/table":
                break
            if tag.name == "a" and tag.attrs.get("href", "").startswith("/deployments/"):
                hrefs.append(tag.attrs["href"].removeprefix("/deployments/"))
        return hrefs
