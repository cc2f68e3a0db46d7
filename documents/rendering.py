"""The board's PDFs: the action plan (handlingsplan), the masterplan and one per focus area.

Rendered by WeasyPrint (`byaftale.pdf`) from templates/documents/pdf/, tagged (PDF/UA-1) and in Danish. A rendered
document is cached under a key made of the plan's last change, today's date (the chart's today line
and the file name carry it) and the templates themselves, so a second download is served at once and
any change to the plan, or a new day, makes the next one fresh.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.utils import timezone
from django.utils.text import slugify

from areas.models import ActionPlan, FocusArea
from byaftale.pdf import STYLESHEETS, render_pdf
from projects.plan import PlanContents, plan_last_changed, read_plan

PAPER_SIZES = ("A4", "A3")
CACHE_SECONDS = 60 * 60 * 24 * 7


@dataclass(frozen=True)
class DocumentFacts:
    """What the documents page tells about a rendered PDF, cached beside it so the page renders nothing."""

    pages: int
    size: int
    made_at: datetime.datetime

    @property
    def kilobytes(self) -> int:
        return max(1, round(self.size / 1000))


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    pages: int = 0

    def facts(self, made_at: datetime.datetime) -> DocumentFacts:
        return DocumentFacts(pages=self.pages, size=len(self.content), made_at=made_at)


def _sources_fingerprint() -> str:
    """A digest of the templates and stylesheets, so a deployment with new layouts renders anew."""
    digest = hashlib.sha256()
    # The documents' own templates and the partials they include from the projects' (the Gantt among them).
    folders = [Path(settings.BASE_DIR) / "templates" / name for name in ("documents", "projects")]
    templates = [path for folder in folders for path in folder.rglob("*.html")]
    for path in sorted([*templates, *(Path(finders.find(s)) for s in STYLESHEETS)]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def data_date(plan: ActionPlan, contents: PlanContents | None = None) -> datetime.date:
    """The date of the data: its last change in the portal, or else the newest 'sidst opdateret'."""
    changed = plan_last_changed(plan, since_seed=True)
    if changed is not None:
        return timezone.localdate(changed)
    areas = contents.areas if contents else list(plan.areas.all())
    return max((a.last_updated for a in areas), default=datetime.date(plan.year, 1, 1))


def document_filename(plan: ActionPlan, name: str, today: datetime.date) -> str:
    # The version is typed by people and goes into a header: keep it to letters, digits and dots.
    version = re.sub(r"[^\w.]+", "-", plan.masterplan_version, flags=re.ASCII).strip("-")
    return f"byaftale-{slugify(name)}-ver-{version}-{today.isoformat()}.pdf"


def _cache_key(key: str, plan: ActionPlan, today: datetime.date, changed: datetime.datetime | None) -> str:
    stamp = changed.isoformat() if changed else "seed"
    return f"pdf:{key}:{plan.pk}:{stamp}:{today.isoformat()}:{_sources_fingerprint()}"


def cached_document(key: str, plan: ActionPlan, today: datetime.date, build: Callable[[], Document]) -> Document:
    full_key = _cache_key(key, plan, today, plan_last_changed(plan))
    document = cache.get(full_key)
    if document is None:
        document = build()
        # The facts go in an entry of their own, so the documents page reads them without the PDF's bytes.
        cache.set_many({full_key: document, f"{full_key}:facts": document.facts(timezone.now())}, CACHE_SECONDS)
    return document


def document_keys(areas: list[FocusArea]) -> list[str]:
    """The cache names of the plan's documents: the action plan, the masterplan on each paper, each area."""
    return ["action-plan", *(f"masterplan-{paper}" for paper in PAPER_SIZES), *(f"area-{a.slug}" for a in areas)]


def cached_facts(plan: ActionPlan, areas: list[FocusArea], *, today: datetime.date) -> dict[str, DocumentFacts]:
    """The facts of each document whose current version is rendered and cached, by its key in
    document_keys(); a document missing here is rendered at its next download. One query, one cache read."""
    changed = plan_last_changed(plan)
    full_keys = {_cache_key(key, plan, today, changed) + ":facts": key for key in document_keys(areas)}
    return {full_keys[full_key]: facts for full_key, facts in cache.get_many(list(full_keys)).items()}


def action_plan_context(plan: ActionPlan, *, today: datetime.date) -> dict:
    contents = read_plan(plan, today=today)
    return {
        "contents": contents,
        "plan": plan,
        "data_date": data_date(plan, contents),
        "today": today,
        "document_name": plan.subtitle,
    }


def masterplan_context(plan: ActionPlan, *, today: datetime.date, paper: str) -> dict:
    contents = read_plan(plan, today=today)
    return {
        "contents": contents,
        "plan": plan,
        "paper": paper,
        "data_date": data_date(plan, contents),
        "document_name": "Masterplan",
    }


def area_context(area: FocusArea, *, today: datetime.date) -> dict:
    contents = read_plan(area.plan, today=today, area=area)
    return {
        "contents": contents,
        "plan": area.plan,
        "area": area,
        "data_date": data_date(area.plan, contents),
        "document_name": area.name,
    }


def action_plan_document(plan: ActionPlan, *, today: datetime.date) -> Document:
    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/action_plan.html",
            action_plan_context(plan, today=today),
            title=f"{plan.title} – {plan.subtitle}",
        )
        return Document(document_filename(plan, plan.subtitle, today), content, pages)

    return cached_document("action-plan", plan, today, build)


def masterplan_document(plan: ActionPlan, *, today: datetime.date, paper: str = "A4") -> Document:
    if paper not in PAPER_SIZES:
        raise ValueError(f"Paper must be one of {PAPER_SIZES}, not {paper!r}.")

    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/masterplan.html",
            masterplan_context(plan, today=today, paper=paper),
            title=plan.masterplan_title,
        )
        return Document(document_filename(plan, f"masterplan-{paper.lower()}", today), content, pages)

    return cached_document(f"masterplan-{paper}", plan, today, build)


def area_document(area: FocusArea, *, today: datetime.date) -> Document:
    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/area.html", area_context(area, today=today), title=f"{area.plan.title} – {area.name}"
        )
        return Document(document_filename(area.plan, area.slug, today), content, pages)

    return cached_document(f"area-{area.slug}", area.plan, today, build)
