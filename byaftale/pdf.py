"""The portal's PDFs made one way: `render_pdf` renders a template with WeasyPrint, tagged (PDF/UA-1) and in
Danish, through a fetcher that loads only the portal's own static files and data: URIs. The plan's documents
(the documents app), the meeting packs and the plan versions all go through here.

WeasyPrint's own fetcher opens http(s), ftp and file:// URLs named anywhere in a document or its CSS,
so text that slipped into a stylesheet could make the server call out or embed a local file. This
fetcher serves static files by name from Django's staticfiles finders (or STATIC_ROOT) under an
origin that never resolves, and refuses everything else, logging each refusal.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import logging
import mimetypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("byaftale.pdf")

# The base URL of every rendered document. `.invalid` can never be a real host (RFC 2606); the
# fetcher answers for it from the static files and nothing ever goes out on the network.
PDF_ORIGIN = "https://byaftale.invalid"


class RefusedURL(ValueError):
    """A document asked for something outside the portal's static files."""


def static_url(name: str) -> str:
    """The URL under which a document finds the static file `name`, e.g. css/print.css."""
    return f"{PDF_ORIGIN}{_static_prefix()}{name}"


def _static_prefix() -> str:
    path = urlsplit(settings.STATIC_URL).path
    return path if path.endswith("/") else f"{path}/"


def static_file(name: str) -> Path | None:
    """The file of the static file `name`, if there is one and it lies inside a static directory."""
    if not name or "\\" in name or "\x00" in name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    try:
        found = finders.find(name)
        if not found and settings.STATIC_ROOT:
            found = safe_join(settings.STATIC_ROOT, name)
    except SuspiciousFileOperation:
        return None
    path = Path(found) if found else None
    return path if path is not None and path.is_file() else None


class PortalFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves data: URIs and the portal's static files, nothing else."""

    def __init__(self) -> None:
        # Only the data: handler may ever run; redirects are not followed.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return super().fetch(url, headers)
        parts = urlsplit(url)
        prefix = _static_prefix()
        if (
            f"{parts.scheme}://{parts.netloc}" == PDF_ORIGIN
            and not parts.query
            and parts.path.startswith(prefix)
            and (path := static_file(unquote(parts.path[len(prefix) :]))) is not None
        ):
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})
        logger.warning("A PDF asked for %r; refused: only the portal's static files and data: URIs are served.", url)
        raise RefusedURL(f"Refused to fetch {url!r} for a PDF.")


# The stylesheets of every document: the Gantt and the print layout.
STYLESHEETS = ("css/gantt.css", "css/print.css")

# WeasyPrint's own stylesheet for HTML gives every element of a page a ::marker and five footnote and
# note pseudo-elements, and computes each one's style: six styles per element, most of the memory of a
# large document (100 MB of an action plan of 500 projects) and a share of its time. Markers come only from
# list items and the PDFs have no footnotes or notes, so the marker rule is narrowed to list items and the
# others left out.
UA_MARKER_RULE = ("::marker {", "li::marker, summary::marker {")
UA_RULES_LEFT_OUT = (
    "::footnote-call {",
    "::footnote-marker {",
    "::note-call {",
    "::note-marker {",
    "::note-callback {",
)


@functools.cache
def user_agent_stylesheet() -> Any:
    """WeasyPrint's stylesheet for HTML with the rules above narrowed (a weasyprint.CSS, parsed once)."""
    from weasyprint import CSS  # noqa: PLC0415
    from weasyprint.css.counters import CounterStyle  # noqa: PLC0415
    from weasyprint.html import UA, UA_STYLESHEET  # noqa: PLC0415

    lines = UA.splitlines(keepends=True)
    marker, narrowed = UA_MARKER_RULE
    kept = [narrowed + line[len(marker) :] if line.startswith(marker) else line for line in lines]
    kept = [line for line in kept if not line.startswith(UA_RULES_LEFT_OUT)]
    if sum(line.startswith(marker) for line in lines) != 1 or len(kept) != len(lines) - len(UA_RULES_LEFT_OUT):
        # Another WeasyPrint with another stylesheet: render with its own rather than guess.
        logger.warning("WeasyPrint's stylesheet for HTML has changed; PDFs are rendered with it unchanged.")
        return UA_STYLESHEET
    # Its @counter-style rules are WeasyPrint's own, already known to every document (UA_COUNTER_STYLE):
    # read here into a throwaway registry, where they do not clash with themselves.
    return CSS(string="".join(kept), counter_style=CounterStyle())


def _user_agent_stylesheets(forms: bool = False) -> list:
    from weasyprint.html import UA_FORM_STYLESHEET  # noqa: PLC0415

    return [user_agent_stylesheet(), UA_FORM_STYLESHEET] if forms else [user_agent_stylesheet()]


def render_pdf(
    template: str, context: dict, *, title: str, stylesheets: tuple[str, ...] = STYLESHEETS
) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages, rendered in Danish from `template` with `context` (and `title`)."""
    # Heavy imports, only when a PDF is made.
    from django.template.loader import render_to_string  # noqa: PLC0415
    from django.utils import translation  # noqa: PLC0415
    from weasyprint import CSS, HTML  # noqa: PLC0415

    with translation.override("da"):
        html = render_to_string(template, {**context, "title": title})
    # Everything the document and its stylesheets load goes through a fetcher that serves only
    # the portal's static files and data: URIs.
    fetcher = PortalFetcher()
    sheets = [CSS(url=static_url(s), url_fetcher=fetcher) for s in stylesheets]
    document = HTML(string=html, base_url=f"{PDF_ORIGIN}/", url_fetcher=fetcher)
    # WeasyPrint 70 has no option for its stylesheet for HTML: this document reads the narrowed one.
    document._ua_stylesheets = _user_agent_stylesheets
    with cyclic_gc_paused():
        rendered = document.render(stylesheets=sheets, pdf_variant="pdf/ua-1")
        return rendered.write_pdf(pdf_variant="pdf/ua-1"), len(rendered.pages)


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused, then as it was. A render makes a box, a style and a PDF object
    for every element and line, nearly all of them alive until the end, which the collector would scan over
    and over: a seventh of a render's time, for a few megabytes it could free early. Reference counting
    frees everything else as usual; the collector runs again as soon as it is resumed."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
