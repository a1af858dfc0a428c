"""Main text of an HTML page with selectolax: the article, without menus, footers, share
buttons, cookie banners or link lists. Each block (paragraph, heading, list item, cell)
becomes one paragraph of the text, so sentences never run across blocks.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from selectolax.lexbor import LexborNode as Node

DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "form",
    "button",
    "nav",
    "header",
    "footer",
    "aside",
    "menu",
    "select",
    "input",
    "canvas",
    "object",
    "embed",
)
BLOCK_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "td",
        "th",
        "figcaption",
        "dd",
        "dt",
        "caption",
        "address",
    }
)
_BOILERPLATE_RE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|masthead|sidebar|side-bar|cookie|consent|share|"
    r"sharing|social|related|recommended|comments?|advert|ads?|promo|newsletter|subscribe|"
    r"breadcrumbs?|pagination|popup|modal|banner|widget|toolbar|skip)(?:$|[\s_-])",
    re.IGNORECASE,
)
_SPACE_RE = re.compile(r"\s+")


def main_text(markup: str) -> tuple[str | None, str]:
    tree = HTMLParser(markup)
    title_node = tree.css_first("title")
    title = _clean(title_node.text()) if title_node else None
    tree.strip_tags(list(DROP_TAGS))
    for node in tree.css("[class], [id], [role]"):
        label = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        role = node.attributes.get("role") or ""
        if role in ("navigation", "banner", "contentinfo", "complementary") or (
            _BOILERPLATE_RE.search(label) and node.tag not in ("body", "html", "article", "main")
        ):
            node.decompose()
    root = tree.css_first("article") or tree.css_first("main") or tree.body or tree.root
    if root is None:
        return title, ""
    blocks = [text for node in _blocks(root) if (text := _block_text(node))]
    if not blocks:
        text = _clean(root.text(separator=" "))
        return title, text
    return title, "\n\n".join(blocks)


def _blocks(root: Node) -> list[Node]:
    """Outermost block elements, in document order."""
    out = []
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag in BLOCK_TAGS:
            out.append(node)
            continue
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        # Text directly inside a div (no <p>) is a block of its own.
        if (
            node.tag == "div"
            and any(c.tag == "-text" and c.text().strip() for c in children)
            and not any(c.tag in BLOCK_TAGS or c.tag == "div" for c in children)
        ):
            out.append(node)
            continue
        stack.extend(reversed(children))
    return out


def _block_text(node: Node) -> str:
    text = _clean(node.text(deep=True, separator=""))
    if not text:
        return ""
    # Link lists: a short block that is nearly all link text is navigation.
    links = sum(len(a.text()) for a in node.css("a"))
    if len(text) < 200 and links > 0.7 * len(text) and node.tag in ("li", "td", "dd", "dt"):
        return ""
    return text


def _clean(text: str) -> str:
    return _SPACE_RE.sub(" ", text).strip()
