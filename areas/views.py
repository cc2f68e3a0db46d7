"""A focus area's page: its figures, lines or themes, projects, milestones and Tidsplan."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from byaftale.access import CHANGE_PROJECT, VIEW_PROGRESS, reads_plan

from .models import FocusArea
from .pages import area_page


@require_GET
@reads_plan
def area(request: HttpRequest, area_slug: str) -> HttpResponse:
    area = get_object_or_404(FocusArea.objects.select_related("plan"), slug=area_slug)
    follows_progress = request.user.has_perm(VIEW_PROGRESS)
    shows_mismatches = request.user.has_perm(CHANGE_PROJECT)
    page = area_page(
        area,
        today=timezone.localdate(),
        follows_progress=follows_progress,
        shows_mismatches=shows_mismatches,
        baseline=request.GET.get("baseline"),
        number=request.GET.get("side"),
    )
    return render(
        request,
        "areas/area.html",
        {
            "page": page,
            "area": area,
            "plan": area.plan,
            "change": page.change,
            "follows_progress": follows_progress,
            "shows_mismatches": shows_mismatches,
        },
    )
