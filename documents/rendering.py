"""The board's PDFs: the action plan (handlingsplan), the masterplan and one per focus area.

Rendered by WeasyPrint (`byaftale.pdf`) from templates/documents/pdf/, tagged (PDF/UA-1) and in Danish. A rendered
document is cached under a key made of the plan's revision (`projects.plan.plan_revision`: a stamp that every
write moves, bulk inserts included), today's date (the chart's today line
and the file name carry it) and the templates themselves, so a second download is served at once and
any change to the plan, or a new day, makes the next one fresh.

Rendering takes seconds to a minute (the action plan at 500 projects), so where a background worker runs
(documents.tasks, issue 13) a change to the plan queues a render of every document, and a download while
that render is pending gets the last rendered document, which carries its date (file name, Last-Modified).
Only a document never rendered is rendered in the request, once, however many ask for it at the same time.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from areas.models import ActionPlan, FocusArea
from byaftale.pdf import STYLESHEETS, render_pdf
from projects.plan import PLAN_MODELS, PlanContents, baseline_for, plan_last_changed, plan_revision, read_plan

PAPER_SIZES = ("A4", "A3")
CACHE_SECONDS = 60 * 60 * 24 * 7
# The last rendered version of each document is kept this long, to be served while a newer one is made.
LAST_SECONDS = 60 * 60 * 24 * 30
# A render in progress holds a lock; a request for the same document waits for it up to RENDER_WAIT_SECONDS.
RENDER_LOCK_SECONDS = 180
RENDER_WAIT_SECONDS = 100
# Set while a render of the plan's documents is queued, so a burst of edits queues one render.
RENDER_PENDING_KEY = "documents:render-pending"
RENDER_PENDING_SECONDS = 10 * 60


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
    # When it was rendered: set as it goes into the cache.
    made_at: datetime.datetime | None = None

    def facts(self, made_at: datetime.datetime) -> DocumentFacts:
        return DocumentFacts(pages=self.pages, size=len(self.content), made_at=made_at)


def _sources_fingerprint() -> str:
    """A digest of the templates and stylesheets, so a deployment with new layouts renders anew."""
    digest = hashlib.sha256()
    # The documents' own templates, the frame of every PDF, and the partials they include from the projects'.
    folders = [Path(settings.BASE_DIR) / "templates" / name for name in ("documents", "pdf", "projects")]
    templates = [path for folder in folders for path in folder.rglob("*.html")]
    stylesheets = [Path(str(finders.find(s))) for s in STYLESHEETS]
    for path in sorted([*templates, *stylesheets]):
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


def _cache_key(key: str, plan: ActionPlan, today: datetime.date, revision: str, baseline: str | None = None) -> str:
    # The baseline drawn: one asked for by name, or the latest approved version, which only publishing a
    # version changes, and publishing saves the plan, which moves its revision (versions.publishing).
    drawn = ":baseline-" + re.sub(r"[^\w.-]", "", baseline, flags=re.ASCII)[:20] if baseline else ""
    return f"pdf:{key}{drawn}:{plan.pk}:{revision}:{today.isoformat()}:{_sources_fingerprint()}"


def renders_in_background() -> bool:
    """Whether a worker renders queued documents later; with tasks run at once (development, tests) a
    download simply renders what is missing."""
    from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends  # noqa: PLC0415
    from django_tasks.backends.immediate import ImmediateBackend  # noqa: PLC0415

    return not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], ImmediateBackend)


def _last_key(key: str, plan: ActionPlan) -> str:
    return f"pdf-last:{key}:{plan.pk}:{_sources_fingerprint()}"


def _store(full_key: str, key: str | None, plan: ActionPlan, document: Document) -> Document:
    """Cache the rendered document; as the last one of its kind too, unless `key` is None (a document with a
    baseline asked for by name, which must never stand in for the one everybody downloads)."""
    made_at = timezone.now()
    document = dataclasses.replace(document, made_at=made_at)
    facts = document.facts(made_at)
    # The facts go in an entry of their own, so the documents page reads them without the PDF's bytes.
    cache.set_many({full_key: document, f"{full_key}:facts": facts}, CACHE_SECONDS)
    if key is not None:
        last = _last_key(key, plan)
        cache.set_many({last: document, f"{last}:facts": facts}, LAST_SECONDS)
    return document


def _render_once(full_key: str, key: str | None, plan: ActionPlan, build: Callable[[], Document]) -> Document:
    """Render and cache the document, unless another process is rendering it: then wait for that one."""
    lock = f"{full_key}:rendering"
    deadline = time.monotonic() + RENDER_WAIT_SECONDS
    while not cache.add(lock, os.getpid(), RENDER_LOCK_SECONDS):
        time.sleep(0.5)
        document = cache.get(full_key)
        if document is not None:
            return document
        if time.monotonic() > deadline:
            break  # the other render died, or takes too long: make our own
    try:
        return _store(full_key, key, plan, build())
    finally:
        cache.delete(lock)


def cached_document(
    key: str,
    plan: ActionPlan,
    today: datetime.date,
    build: Callable[[], Document],
    *,
    baseline: str | None = None,
    stale_ok: bool = True,
) -> Document:
    """The document as the plan is today, from the cache. While a newer one is pending (the plan changed,
    or a day began, and a worker renders in the background) the last rendered one is served and a render
    queued; one never rendered is rendered here, once. `stale_ok=False` (the worker) renders what is missing.
    A baseline asked for by name is rendered at once: the worker renders the documents as most people see them."""
    full_key = _cache_key(key, plan, today, plan_revision(plan), baseline)
    document = cache.get(full_key)
    if document is not None:
        return document
    if stale_ok and baseline is None and renders_in_background():
        last = cache.get(_last_key(key, plan))
        if last is not None:
            request_render()
            return last
    return _render_once(full_key, key if baseline is None else None, plan, build)


def request_render() -> None:
    """Queue a render of the current plan's documents for the worker, once the transaction commits; one for
    a burst of changes (the task clears the flag as it starts, so a change during a render queues another)."""

    def enqueue() -> None:
        if cache.add(RENDER_PENDING_KEY, 1, RENDER_PENDING_SECONDS):
            from .tasks import render_documents  # noqa: PLC0415 - the task module imports this one

            render_documents.enqueue()

    transaction.on_commit(enqueue)


def plan_changed(sender: object, instance: object, **kwargs: object) -> None:
    """simple_history's post_create_historical_record: every edit, import and delete of the plan leaves a
    history record, and each queues a render (a bulk write leaves none: its next download queues one)."""
    if isinstance(instance, PLAN_MODELS) and renders_in_background():
        request_render()


def document_keys(areas: list[FocusArea]) -> list[str]:
    """The cache names of the plan's documents: the action plan, the masterplan on each paper, each area."""
    return ["action-plan", *(f"masterplan-{paper}" for paper in PAPER_SIZES), *(f"area-{a.slug}" for a in areas)]


def cached_facts(plan: ActionPlan, areas: list[FocusArea], *, today: datetime.date) -> dict[str, DocumentFacts]:
    """The facts of each document whose current version is rendered and cached, by its key in
    document_keys(); a document missing here is rendered at its next download. One query, one cache read."""
    revision = plan_revision(plan)
    keys = document_keys(areas)
    current = {_cache_key(key, plan, today, revision) + ":facts": key for key in keys}
    # While a newer version is pending, the last rendered one is what a download gets: tell its facts.
    last = {_last_key(key, plan) + ":facts": key for key in keys}
    found = cache.get_many([*current, *last])
    facts = {last[k]: v for k, v in found.items() if k in last}
    facts.update({current[k]: v for k, v in found.items() if k in current})
    return facts


def action_plan_context(plan: ActionPlan, *, today: datetime.date, baseline: str | None = None) -> dict:
    chosen = baseline_for(plan, baseline)
    contents = read_plan(plan, today=today, baselines=chosen.baselines if chosen else None)
    return {
        "contents": contents,
        "baseline": chosen,
        "plan": plan,
        "data_date": data_date(plan, contents),
        "today": today,
        "document_name": plan.subtitle,
    }


def masterplan_context(plan: ActionPlan, *, today: datetime.date, paper: str, baseline: str | None = None) -> dict:
    chosen = baseline_for(plan, baseline)
    contents = read_plan(plan, today=today, baselines=chosen.baselines if chosen else None)
    return {
        "contents": contents,
        "baseline": chosen,
        "plan": plan,
        "paper": paper,
        "data_date": data_date(plan, contents),
        "document_name": "Masterplan",
    }


def area_context(area: FocusArea, *, today: datetime.date, baseline: str | None = None) -> dict:
    chosen = baseline_for(area.plan, baseline)
    contents = read_plan(area.plan, today=today, area=area, baselines=chosen.baselines if chosen else None)
    return {
        "contents": contents,
        "baseline": chosen,
        "plan": area.plan,
        "area": area,
        "data_date": data_date(area.plan, contents),
        "document_name": area.name,
    }


def action_plan_document(
    plan: ActionPlan, *, today: datetime.date, baseline: str | None = None, stale_ok: bool = True
) -> Document:
    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/action_plan.html",
            action_plan_context(plan, today=today, baseline=baseline),
            title=f"{plan.title} – {plan.subtitle}",
        )
        return Document(document_filename(plan, plan.subtitle, today), content, pages)

    return cached_document("action-plan", plan, today, build, baseline=baseline, stale_ok=stale_ok)


def masterplan_document(
    plan: ActionPlan, *, today: datetime.date, paper: str = "A4", baseline: str | None = None, stale_ok: bool = True
) -> Document:
    if paper not in PAPER_SIZES:
        raise ValueError(f"Paper must be one of {PAPER_SIZES}, not {paper!r}.")

    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/masterplan.html",
            masterplan_context(plan, today=today, paper=paper, baseline=baseline),
            title=plan.masterplan_title,
        )
        return Document(document_filename(plan, f"masterplan-{paper.lower()}", today), content, pages)

    return cached_document(f"masterplan-{paper}", plan, today, build, baseline=baseline, stale_ok=stale_ok)


def area_document(
    area: FocusArea, *, today: datetime.date, baseline: str | None = None, stale_ok: bool = True
) -> Document:
    def build() -> Document:
        content, pages = render_pdf(
            "documents/pdf/area.html",
            area_context(area, today=today, baseline=baseline),
            title=f"{area.plan.title} – {area.name}",
        )
        return Document(document_filename(area.plan, area.slug, today), content, pages)

    return cached_document(f"area-{area.slug}", area.plan, today, build, baseline=baseline, stale_ok=stale_ok)


def render_all(plan: ActionPlan, *, today: datetime.date) -> list[Document]:
    """Every document of the plan as it is today, rendering what the cache lacks (the worker's task)."""
    documents = [action_plan_document(plan, today=today, stale_ok=False)]
    documents += [masterplan_document(plan, today=today, paper=paper, stale_ok=False) for paper in PAPER_SIZES]
    documents += [area_document(area, today=today, stale_ok=False) for area in plan.areas.order_by("position")]
    return documents
