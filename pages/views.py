"""The public pages: readable without signing in, as the law asks of the accessibility statement."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import ACCESSIBILITY_STATEMENT, SitePage


@require_GET
@login_not_required
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    page = get_object_or_404(SitePage, slug=ACCESSIBILITY_STATEMENT)
    return render(request, "pages/site_page.html", {"page": page})
