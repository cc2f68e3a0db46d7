"""The board's PDFs rendered in the background (issue 13): a change to the plan queues one render for the
worker; a download while it is pending gets the last rendered document with its date; a document never
rendered is rendered once in the request; the worker's task renders every document the cache lacks."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone
from django.utils.http import http_date
from django_tasks import default_task_backend

from areas.models import ActionPlan
from byaftale.access import BOARD_MEMBER
from documents import rendering
from documents.tasks import render_documents
from projects.models import Project
from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# The dummy backend keeps what is queued and runs nothing: a worker that has not come round yet.
QUEUED_ONLY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def plan(seeded) -> ActionPlan:
    cache.clear()
    return ActionPlan.objects.get()


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The templates rendered into PDFs, in order."""
    made: list[str] = []
    real = rendering.render_pdf
    monkeypatch.setattr(rendering, "render_pdf", lambda *a, **k: made.append(a[0]) or real(*a, **k))
    return made


@pytest.fixture
def board_member(client):
    client.force_login(make_user(BOARD_MEMBER))
    return client


def change_the_plan() -> None:
    project = Project.objects.get(area__slug="energi-og-klima", number=3)
    project.end_date = datetime.date(2011, 12, 1)
    project.save()


def queued() -> list[str]:
    return [result.task.name for result in default_task_backend.results]


def test_a_burst_of_changes_queues_one_render(plan, settings, django_capture_on_commit_callbacks):
    settings.TASKS = QUEUED_ONLY
    default_task_backend.clear()
    with django_capture_on_commit_callbacks(execute=True):
        change_the_plan()
        change_the_plan()
    assert queued() == ["render_documents"]


def test_with_tasks_run_at_once_a_change_queues_nothing(plan, settings, django_capture_on_commit_callbacks, renders):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        change_the_plan()
    assert callbacks == [] and renders == []


def test_a_download_while_a_render_is_pending_gets_the_last_document_with_its_date(
    plan, settings, board_member, renders, django_capture_on_commit_callbacks
):
    settings.TASKS = QUEUED_ONLY
    default_task_backend.clear()
    url = "/dokumenter/indsatsomraade/energi-og-klima.pdf"
    first = board_member.get(url)
    assert renders == ["documents/pdf/area.html"]  # never rendered: rendered in the request, once
    made = first["Last-Modified"]

    with django_capture_on_commit_callbacks(execute=True):
        change_the_plan()
    pending = board_member.get(url)

    assert renders == ["documents/pdf/area.html"]  # not rendered again while the worker has it queued
    assert pending.content == first.content
    assert pending["Last-Modified"] == made
    assert pending["Content-Disposition"] == first["Content-Disposition"]
    assert queued() == ["render_documents"]
    # The documents page tells the facts (pages, size, date) of what a download gets.
    facts = rendering.cached_facts(plan, list(plan.areas.all()), today=timezone.localdate())
    assert facts["area-energi-og-klima"].size == len(first.content)

    # The worker comes round: every document the cache lacks is rendered, and the next download is fresh.
    render_documents.call()
    fresh = board_member.get(url)
    assert fresh.content != first.content
    assert "1. december 2011" in rendering_text(fresh.content)
    # The area's first render, then the worker's: the action plan, the masterplans and every area.
    assert len(renders) == 1 + 1 + len(rendering.PAPER_SIZES) + plan.areas.count()


def rendering_text(pdf: bytes) -> str:
    from tests.pdf_reading import full_text

    return full_text(pdf)


def test_a_request_waits_for_a_render_in_progress_instead_of_rendering_again(plan, monkeypatch, renders):
    area = plan.areas.get(slug="energi-og-klima")
    today = datetime.date(2026, 12, 7)
    full_key = rendering._cache_key(f"area-{area.slug}", plan, today, rendering.plan_revision(plan))
    # Another process holds the lock, and finishes while this one waits.
    cache.add(f"{full_key}:rendering", 1, 60)
    finished = rendering.Document("andet.pdf", b"%PDF-1.7 rendered elsewhere", 1)
    monkeypatch.setattr(rendering.time, "sleep", lambda seconds: cache.set(full_key, finished))

    assert rendering.area_document(area, today=today) == finished
    assert renders == []


def test_the_worker_task_renders_every_document_once_and_then_nothing(plan, renders):
    names = render_documents.call()
    assert len(names) == len(renders) == 1 + len(rendering.PAPER_SIZES) + plan.areas.count()
    render_documents.call()
    assert len(renders) == len(names)


def test_last_modified_is_the_time_the_document_was_made(plan, board_member):
    response = board_member.get("/dokumenter/masterplan-a4.pdf")
    cached = rendering.masterplan_document(plan, today=timezone.localdate(), paper="A4")
    assert response["Last-Modified"] == http_date(cached.made_at.timestamp())
