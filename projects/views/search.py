"""Search across projects, parties and milestones; the box in every page's header sends people here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .. import search as finding
from .access import reads_plan


@require_GET
@reads_plan
def search(request: HttpRequest) -> HttpResponse:
    query = finding.clean_query(request.GET.get("q", ""))
    results = finding.search(query) if query else None
    return render(request, "projects/search.html", {"search_query": query, "results": results})
