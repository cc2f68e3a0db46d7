"""The steering group's dashboard (the portal's front page) and the whole of an attention list."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from byaftale.access import CHANGE_PROJECT, VIEW_PLAN, VIEW_PROGRESS, current_plan
from byaftale.errors import RoleRequired
from projects.progress import ATTENTION_KINDS

from .pages import attention_page, dashboard_page, landing_page, milestone_page


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm(VIEW_PROGRESS):
        # The front page is where everyone lands after signing in.
        landing = landing_page(user)
        if landing.redirect_to:
            return redirect(landing.redirect_to)
        if landing.own_projects:
            return render(request, "dashboard/own_projects.html", {"projects": landing.own_projects})
        raise RoleRequired(VIEW_PLAN)
    plan = current_plan()
    shows_mismatches = user.has_perm(CHANGE_PROJECT)
    page = dashboard_page(
        plan, today=timezone.localdate(), shows_mismatches=shows_mismatches, baseline=request.GET.get("baseline")
    )
    return render(
        request, "dashboard/dashboard.html", {"page": page, "plan": plan, "shows_mismatches": shows_mismatches}
    )


@require_GET
def attention(request: HttpRequest, kind: str) -> HttpResponse:
    """The whole of one attention list of the plan, or of one area with `?omraade=<slug>`, in pages
    (`?side=2`); the statuses the data contradicts are the secretariat's list only."""
    if kind not in ATTENTION_KINDS:
        raise Http404("No such attention list.")
    user = request.user
    if not user.has_perm(VIEW_PROGRESS) or (kind == "status" and not user.has_perm(CHANGE_PROJECT)):
        raise PermissionDenied
    page = attention_page(
        current_plan(),
        kind,
        area_slug=request.GET.get("omraade"),
        today=timezone.localdate(),
        number=request.GET.get("side"),
    )
    return render(request, "dashboard/attention.html", {"page": page, "area": page.area, "plan": page.plan})


@require_GET
def milestones(request: HttpRequest, kind: str) -> HttpResponse:
    """The whole of the overdue milestones or of those ahead, of the plan or of one area with
    `?omraade=<slug>`, in pages (`?side=2`): the rest of the dashboard's and the area page's first ten."""
    if not request.user.has_perm(VIEW_PROGRESS):
        raise PermissionDenied
    page = milestone_page(
        current_plan(),
        kind,
        area_slug=request.GET.get("omraade"),
        today=timezone.localdate(),
        number=request.GET.get("side"),
    )
    return render(request, "dashboard/milestones.html", {"page": page, "area": page.area, "plan": page.plan})
