"""Search across projects, parties and milestones; the box in every page's header sends people here."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from byaftale.access import reads_plan

from . import finder


@require_GET
@reads_plan
def search(request: HttpRequest) -> HttpResponse:
    query = finder.clean_query(request.GET.get("q", ""))
    results = finder.search(query) if query else None
    return render(request, "search/search.html", {"search_query": query, "results": results})
