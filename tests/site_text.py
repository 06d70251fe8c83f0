"""The text a reader sees on a built page, one block per line (tests of wording and evidence)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

BREAK = "\x00"  # between blocks; a newline inside a paragraph is only a space
BLOCKS = {
    "p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "nav", "tr", "table", "ul", "ol",
    "figure", "figcaption", "section", "header", "footer", "aside", "label", "legend", "button", "option",
    "title", "dt", "dd", "summary", "details", "form", "br",
}  # fmt: skip


class Visible(HTMLParser):
    """The text a reader sees (and hears: titles, labels), one block per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "style", "code", "pre", "svg") or (tag == "template"):
            self.skip += 1
        for name in ("aria-label", "title", "alt", "placeholder"):
            if a.get(name):
                self.parts.append(BREAK + a[name] + BREAK)
        if tag == "meta" and a.get("name") == "description":
            self.parts.append(BREAK + (a.get("content") or "") + BREAK)
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre", "svg", "template") and self.skip:
            self.skip -= 1
        if tag in BLOCKS:
            self.parts.append(BREAK)

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)

    @property
    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in "".join(self.parts).split(BREAK) if line.strip()]


def visible_lines(path: Path) -> list[str]:
    parser = Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.lines
