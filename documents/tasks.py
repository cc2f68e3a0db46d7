"""The documents app's background task: render the board's PDFs after a change to the plan, so downloads
are served from the cache (documents.rendering queues it; the worker of bin/serve runs it)."""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404
from django.utils import timezone
from django_tasks import task

from byaftale.access import current_plan

from .rendering import RENDER_PENDING_KEY, render_all


@task()
def render_documents() -> list[str]:
    """Render every document of the current plan that the cache lacks; the file names."""
    # Cleared first: a change made while this runs queues the next render.
    cache.delete(RENDER_PENDING_KEY)
    try:
        plan = current_plan()
    except Http404:  # no plan loaded yet
        return []
    return [document.filename for document in render_all(plan, today=timezone.localdate())]
