"""A version's PDFs (its action plan and masterplan, rendered from its snapshot with the plan's own layouts)
and the board's PDF of the changes between two versions.

A version's PDF is rendered once and kept (`VersionDocument`): downloaded again, it is the same file,
byte for byte, whatever changes later in the plan, the layouts or the fonts. A comparison of two versions
is cached under both versions' digests; against today's plan it is rendered at each download.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from byaftale import pdf

from .compare import Comparison
from .models import PlanVersion, VersionDocument
from .snapshot import VersionContents, read_snapshot

PAPER_SIZES = ("A4", "A3")
STYLESHEETS = (*pdf.STYLESHEETS, "css/versions.css")
# The plan's own document layouts: a version's documents are today's documents of the version's plan.
ACTION_PLAN_TEMPLATE = "documents/pdf/action_plan.html"
MASTERPLAN_TEMPLATE = "documents/pdf/masterplan.html"
COMPARISON_TEMPLATE = "versions/pdf/comparison.html"
CACHE_SECONDS = 60 * 60 * 24 * 30


def render_pdf(template: str, context: dict, *, title: str) -> tuple[bytes, int]:
    """The PDF's bytes and its number of pages, rendered as every document of the portal is (byaftale.pdf)."""
    return pdf.render_pdf(template, context, title=title, stylesheets=STYLESHEETS)


def version_filename(version: PlanVersion, name: str) -> str:
    # Version names are letters, digits, dots and dashes (PlanVersion.name's validator).
    return f"byaftale-{name}-ver-{version.name}.pdf"


def _context(version: PlanVersion, contents: VersionContents, today: datetime.date) -> dict:
    return {
        "contents": contents,
        "plan": contents.plan,
        "version": version,
        "data_date": version.approved_on,
        "today": today,
    }


def _render(version: PlanVersion, key: str) -> VersionDocument:
    contents = read_snapshot(version.snapshot)
    today = timezone.localdate()
    plan = contents.plan
    if key == "action-plan":
        content, pages = render_pdf(
            ACTION_PLAN_TEMPLATE,
            {**_context(version, contents, today), "document_name": plan.subtitle},
            title=f"{plan.title} – {plan.subtitle}",
        )
        filename = version_filename(version, "handlingsplan")
    else:
        paper = key.removeprefix("masterplan-")
        content, pages = render_pdf(
            MASTERPLAN_TEMPLATE,
            {**_context(version, contents, today), "paper": paper, "document_name": "Masterplan"},
            title=plan.masterplan_title,
        )
        filename = version_filename(version, f"masterplan-{paper.lower()}")
    return VersionDocument(
        version=version, key=key, filename=filename, content=content, pages=pages, made_at=timezone.now()
    )


def version_document(version: PlanVersion, key: str) -> VersionDocument:
    """The version's document `key` ("action-plan", "masterplan-A4", "masterplan-A3"), rendered at its
    first download and kept from then on."""
    if key not in ("action-plan", *(f"masterplan-{p}" for p in PAPER_SIZES)):
        raise ValueError(f"Unknown document {key!r}.")
    kept = VersionDocument.objects.filter(version=version, key=key).first()
    if kept is not None:
        return kept
    document = _render(version, key)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError:
        # Someone else's first download got there first: theirs is the version's document.
        return VersionDocument.objects.get(version=version, key=key)
    return document


def _sources_fingerprint() -> str:
    digest = hashlib.sha256()
    templates = Path(settings.BASE_DIR) / "templates" / "versions" / "pdf"
    sheets = [Path(str(finders.find(s))) for s in STYLESHEETS]
    for path in sorted([*templates.rglob("*.html"), *sheets]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def comparison_document(
    comparison: Comparison, *, plan_contents: VersionContents, key: str | None, filename: str
) -> tuple[bytes, int, str]:
    """The changes as a PDF for the board: cached under `key` (both versions' digests) where both sides are
    versions, rendered anew where one is today's plan (`key` None)."""
    full_key = f"version-comparison:{key}:{_sources_fingerprint()}" if key else None
    if full_key:
        cached = cache.get(full_key)
        if cached is not None:
            return cached
    title = f"Ændringer fra {comparison.old_label} til {comparison.new_label}"
    content, pages = render_pdf(
        COMPARISON_TEMPLATE,
        {
            "comparison": comparison,
            "plan": plan_contents.plan,
            "document_name": title,
            "today": timezone.localdate(),
        },
        title=title,
    )
    result = (content, pages, filename)
    if full_key:
        cache.set(full_key, result, CACHE_SECONDS)
    return result
