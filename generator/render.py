"""Render: the Jinja2 environments, escaping for each output context, and one page to Markdown.

Knows nothing of MkDocs. Every value that reaches a page goes through ``md_escape`` (Jinja's
``finalize``), so catalog text can never become Markdown or HTML markup; template text is
trusted. CSV cells go through ``csv_cell``, JSON in pages through ``attr_json``.
"""

from __future__ import annotations

import functools
import html
import io
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import BytecodeCache, ChoiceLoader, Environment, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from . import cache, fmt, labels
from .model import SLUG_PATTERN, is_link
from .output import Output, PageMeta
from .pages import Page
from .site import Site

# Markdown's backslash-escapable characters, less ">" (escaped as &gt; below); newlines fold.
_MD_TABLE = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"}, "\n": " "})


def md_escape(value: Any) -> Markup:
    """Text safe inside Markdown (and the HTML it becomes): markup shows as text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    # Markdown first, then HTML: the entities that HTML escaping adds hold no Markdown character.
    return Markup(html.escape(str(value).translate(_MD_TABLE), quote=False))


def md_join(items: Any, separator: str = "") -> Markup:
    """``join`` that escapes each item for Markdown (the separator is template text)."""
    return Markup(separator).join(md_escape(item) for item in items)


def h(value: Any) -> Markup:
    """Text safe inside a raw HTML block (where Markdown escapes would show)."""
    return Markup(html.escape(str(value), quote=True))


def slug(value: str) -> Markup:
    """An id for a URL: validated by the model already, checked again since it bypasses escaping."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def href(value: str) -> Markup:
    """A link the model accepted (model.is_link: the same rule as ``check``), made safe for Markdown."""
    if not is_link(value):
        raise ValueError(f"not an allowed link: {value!r}")
    return Markup(quote(value, safe=":/?#@!$&*+,;=%-._~[]"))


def tel(phone: str) -> str:
    """A phone number as dialled: '(024) 3928.7630' -> '02439287630'."""
    return "".join(c for c in phone if c.isdigit() or c == "+")


def attr_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block or front matter: no '<', '>' or '&'."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def loader(folder: str) -> ChoiceLoader:
    """Templates of ``templates/<folder>``, with the wording shared by pages and notices."""
    return ChoiceLoader(
        [PackageLoader("generator", f"templates/{folder}"), PackageLoader("generator", "templates/shared")]
    )


def unknown_condition_kind(kind: str) -> str:
    """Called by the shared ``condition`` macro for a kind it has no case for: stop, naming it."""
    raise ValueError(f"templates/shared/_wording.j2 has no case for the condition kind {kind!r}")


@functools.cache
def _svg_environment() -> Environment:
    """SVG is XML, not Markdown: its own environment escapes for XML only."""
    env = Environment(
        loader=PackageLoader("generator", "templates/pages"),
        undefined=StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(number=fmt.number)
    return env


def chart(rows: list[Any]) -> Markup:
    """The results chart, drawn at build time (no script), for the results page."""
    return Markup(_svg_environment().get_template("_chart.svg.j2").render(rows=rows)) if rows else Markup("")


@functools.cache
def environment() -> Environment:
    """One environment per process: templates compile once, and a preview rebuild reuses them."""
    env = Environment(
        loader=loader("pages"),
        undefined=StrictUndefined,
        finalize=md_escape,
        # Autoescape makes macro output Markup (trusted); md_escape, applied to every other
        # value, escapes for HTML and Markdown both.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        h=h,
        join=md_join,
        slug=slug,
        href=href,
        tel=tel,
        json=attr_json,
        number=fmt.number,
        date=fmt.day,
        clock=fmt.clock,
        hour=fmt.hour,
        unit=labels.unit,
        article=fmt.article,
        mid=labels.mid,
        capital=lambda value: Markup(labels.capital(value)) if isinstance(value, Markup) else labels.capital(value),
        trusted=Markup,
    )
    env.globals.update(
        CHANNEL_NAMES=labels.CHANNELS,
        UNKNOWN=Markup(f"*{labels.UNKNOWN}*"),
        promise=labels.promise,
        chart=chart,
        unknown_condition_kind=unknown_condition_kind,
    )
    return env


class CompiledTemplates(BytecodeCache):
    """Templates compiled once and kept between builds (.cache/khong-cho/jinja): compiling them is
    most of a fresh build's first pages. Jinja checks each entry against its template's source and
    the Python version; an entry also holds the SHA-256 of its bytes, checked before use. One entry
    per template: the folder stays small."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: Bucket) -> None:
        body = cache.read_checked(self.folder / f"{bucket.key}.bin")
        if body is None:
            return
        try:
            bucket.load_bytecode(io.BytesIO(body))
        except Exception:  # a damaged entry: compiled again
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        out = io.BytesIO()
        bucket.write_bytecode(out)
        cache.write_checked(self.folder / f"{bucket.key}.bin", out.getvalue())


def keep_compiled(folder: Path | None, *others: tuple[str, Environment]) -> None:
    """Keep the compiled templates of the pages (and of the ``others``, by name) in ``folder``; None:
    in memory only. Each environment has its own subfolder: the same template file compiles to
    different code in each (the pages' escape every value for Markdown, the notices' for HTML), and
    Jinja's key is only the template's name and file."""
    for name, env in (("pages", environment()), ("svg", _svg_environment()), *others):
        env.bytecode_cache = CompiledTemplates(folder / name) if folder is not None else None


def render_page(page: Page, site: Site) -> Output:
    """Render one page of the table; its template sets ``title`` and ``description`` for the meta."""
    context = {"district": site.catalog.district, "laws": site.laws, **page.context}
    module = environment().get_template(page.template).make_module(context)
    where = getattr(module, "where_anchor", None)
    feed = getattr(module, "feed", None)
    scripts = tuple(str(s) for s in getattr(module, "scripts", ()) or ())
    meta = PageMeta(
        str(module.title),
        str(module.description),
        page.jsonld,
        where=str(where) if where else None,
        feed=str(feed) if feed else None,
        scripts=scripts,
    )
    return Output(page.path, str(module), meta, page.in_nav)
