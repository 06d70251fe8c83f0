"""What the build hands to MkDocs: generated files, and the meta of generated pages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class PageMeta:
    """What MkDocs and the theme print about a page outside its body: never parsed from text.

    Pages carry no front matter: a catalog value inside YAML front matter could be misread (a
    noncharacter makes MkDocs drop the whole block and render it as Markdown), so the plugin sets
    ``page.meta`` from this instead.
    """

    title: str
    description: str
    jsonld: dict[str, Any] | None = None
    where: str | None = None
    """The id of the page's "where to go now" box (an ended ward's pages): the banner links to it."""
    feed: str | None = None
    """The Atom feed of the changes this page shows, from the site's root (a <link rel="alternate">)."""
    scripts: tuple[str, ...] = ()
    """The site's scripts this page uses beyond those of every page, from the site's root
    (checker.js where a checker, a fee calculator or "open now" is)."""


@dataclass(frozen=True)
class Output:
    """One generated file: its path under the docs folder, its content; pages add meta and nav."""

    path: str
    content: str | bytes
    meta: PageMeta | None = None
    in_nav: bool = False
