"""The steering group's dashboard, the focus areas' pages and the whole of an attention list; the figures come
from projects.dashboard."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from areas.models import FocusArea
from byaftale.errors import RoleRequired

from ..changes import last_change_for_area
from ..dashboard import (
    ATTENTION_KINDS,
    build_area_page,
    build_dashboard,
    figures_for,
    followed_projects,
    open_milestones,
    relations_to_area,
)
from ..models import Project
from ..plan import read_plan
from ..roles import CHANGE_PROJECT, VIEW_PLAN, VIEW_PROGRESS
from .access import current_plan, reads_plan


@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm(VIEW_PROGRESS):
        # The front page is where everyone lands after signing in: a board member reads the plan instead,
        # and a contact person without a role goes to their own projects.
        if user.has_perm(VIEW_PLAN):
            return redirect("projects:masterplan")
        own = list(Project.objects.filter(contact_persons=user).select_related("area"))
        if len(own) == 1:
            return redirect("projects:project", own[0].area.slug, own[0].number)
        if own:
            return render(request, "projects/own_projects.html", {"projects": own})
        raise RoleRequired(VIEW_PLAN)
    plan = current_plan()
    overview = build_dashboard(
        plan,
        list(plan.areas.order_by("position")),
        list(followed_projects().filter(area__plan=plan)),
        list(open_milestones(plan)),
        today=timezone.localdate(),
    )
    return render(
        request,
        "projects/dashboard.html",
        {"dashboard": overview, "plan": plan, "shows_mismatches": user.has_perm(CHANGE_PROJECT)},
    )


@require_GET
@reads_plan
def area(request: HttpRequest, area_slug: str) -> HttpResponse:
    area = get_object_or_404(FocusArea.objects.select_related("plan"), slug=area_slug)
    today = timezone.localdate()
    contents = read_plan(area.plan, today=today, area=area)
    part = contents.parts[0]  # the area with its sections, lines or themes, responsibilities and milestones
    follows_progress = request.user.has_perm(VIEW_PROGRESS)
    page = build_area_page(
        part.area,
        list(followed_projects().filter(area=area)),
        [milestone for project in part.projects for milestone in project.milestones.all()],
        relations_to_area(area),
        today=today,
    )
    return render(
        request,
        "projects/area.html",
        {
            "page": page,
            "area": part.area,
            "plan": area.plan,
            "chart": contents.masterplan,
            "change": last_change_for_area(area, follows_progress=follows_progress),
            "follows_progress": follows_progress,
            "shows_mismatches": request.user.has_perm(CHANGE_PROJECT),
        },
    )


@require_GET
def attention(request: HttpRequest, kind: str) -> HttpResponse:
    """The whole of one attention list of the plan, or of one area with `?omraade=<slug>`; the statuses the
    data contradicts are the secretariat's list only."""
    if kind not in ATTENTION_KINDS:
        raise Http404
    user = request.user
    if not user.has_perm(VIEW_PROGRESS) or (kind == "status" and not user.has_perm(CHANGE_PROJECT)):
        raise PermissionDenied
    plan = current_plan()
    projects = followed_projects().filter(area__plan=plan)
    area = None
    if slug := request.GET.get("omraade"):
        area = get_object_or_404(FocusArea, plan=plan, slug=slug)
        projects = projects.filter(area=area)
    figures = figures_for(list(projects), today=timezone.localdate())
    return render(
        request,
        "projects/attention.html",
        {"figures": figures, "list": figures.attention_list(kind), "area": area, "plan": plan},
    )
