"""The steering group's dashboard and the focus areas' pages; the figures come from projects.dashboard."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from areas.models import FocusArea
from byaftale.errors import RoleRequired

from ..changes import last_change_for_area
from ..dashboard import build_area_page, build_dashboard, followed_projects, open_milestones, relations_to_area
from ..models import Project
from ..plan import read_plan
from ..roles import VIEW_PLAN, VIEW_PROGRESS
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
    return render(request, "projects/dashboard.html", {"dashboard": overview, "plan": plan})


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
        },
    )
