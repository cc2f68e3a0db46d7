"""Finding the parts of a page the way a browser nests them, for tests that check a page's structure.

A regular expression over HTML stops at the first closing tag it meets, so a table inside a section ends the
section early; these helpers parse the page (Python's own HTML parser) and return each element's source as
the page has it, so a test goes on checking text and markup as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Found:
    """An element of the page: its tag, attributes, its source (outer) and its content (inner)."""

    tag: str
    attrs: dict[str, str | None]
    outer: str = ""
    inner: str = ""
    text: str = ""  # the text inside, as a reader hears it (tags dropped, white space folded)
    _start: int = 0
    _inner_start: int = 0
    _texts: list[str] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0]
        for index, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(index + 1)
        self.open: list[Found] = []
        self.found: list[Found] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        element = Found(tag, dict(attrs), _start=start)
        element._inner_start = start + len(self.get_starttag_text() or "")
        if tag in VOID:
            element.outer = self.html[start : element._inner_start]
            self.found.append(element)
            return
        self.open.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self.position()
        text = self.get_starttag_text() or ""
        self.found.append(Found(tag, dict(attrs), outer=self.html[start : start + len(text)], _start=start))

    def handle_endtag(self, tag: str) -> None:
        end_start = self.position()
        end = self.html.index(">", end_start) + 1
        # Close the innermost open element of this tag, and any left open inside it (as browsers do).
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth].tag == tag:
                for element in self.open[depth:]:
                    element.outer = self.html[element._start : end]
                    element.inner = self.html[element._inner_start : end_start]
                    element.text = " ".join("".join(element._texts).split())
                    self.found.append(element)
                del self.open[depth:]
                return

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element._texts.append(data)


def elements(html: str, tag: str, **attrs: str) -> list[Found]:
    """Every `tag` element whose attributes include `attrs` (aria_labelledby= for aria-labelledby), in page order."""
    parser = _Parser(html)
    parser.feed(html)
    parser.close()
    wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
    matching = [e for e in parser.found if e.tag == tag and all(e.attrs.get(k) == v for k, v in wanted.items())]
    return sorted(matching, key=lambda e: e._start)


def element(html: str, tag: str, **attrs: str) -> Found:
    """The one `tag` element with these attributes; fails the test when there is none or more than one."""
    found = elements(html, tag, **attrs)
    assert len(found) == 1, f"{len(found)} <{tag}> elements with {attrs}"
    return found[0]
