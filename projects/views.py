"""A project's page and the forms that keep it alive: status reports and hours."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from byaftale.access import ADD_HOUR_REGISTRATION, ADD_STATUS_REPORT, CHANGE_PROJECT, VIEW_PLAN, VIEW_PROGRESS
from byaftale.errors import RoleRequired

from .budget import is_over_budget, tally
from .changes import last_change_for_project
from .forms import HourRegistrationForm, StatusReportForm
from .models import HourRegistration, Project, Responsibility, StatusReport
from .phase import phase_of, status_mismatch
from .reporting import (
    can_register_hours,
    can_report_status,
    file_status_report,
    is_contact_person,
    needs_report,
    report_interval_weeks,
)
from .timeline import project_timeline

LATEST_HOURS = 10
LATEST_REPORTS = 5


def responsibilities_of(project: Project) -> list[tuple[Responsibility, str]]:
    """The project's own responsibilities, then those stated for its line or theme and for its area."""
    rows = [(r, "project") for r in project.responsibilities.all()]
    if project.grouping is not None:
        rows += [(r, "grouping") for r in project.grouping.responsibilities.all()]
    rows += [(r, "area") for r in project.area.responsibilities.all()]
    return rows


@require_GET
def project(request: HttpRequest, area_slug: str, number: int) -> HttpResponse:
    project = get_object_or_404(Project.objects.for_project_page(), area__slug=area_slug, number=number)
    user = request.user
    is_contact = is_contact_person(user, project)
    if not (user.has_perm(VIEW_PLAN) or is_contact):
        raise RoleRequired(VIEW_PLAN, contact_person=True)
    follows_progress = user.has_perm(VIEW_PROGRESS) or is_contact
    today = timezone.localdate()
    milestones = list(project.milestones.all())
    context = {
        "project": project,
        "today": today,
        "responsibilities": responsibilities_of(project),
        "relations_out": list(project.relations_out.all()),
        "relations_in": list(project.relations_in.all()),
        "area_relations_in": list(project.area.relations_in.all()),
        "financing_items": list(project.financing_items.all()),
        "milestones": milestones,
        "overdue_milestones": {m.pk for m in milestones if not m.reached and m.date < today},
        "area_milestones": list(project.area.milestones.all()),
        "timeline": project_timeline(project, milestones, today),
        "contact_persons": list(project.contact_persons.all()),
        "change": last_change_for_project(project, follows_progress=follows_progress),
        "follows_progress": follows_progress,
        "phase_name": Project.Phase(phase_of(project, today=today)).label,
        "status_mismatch": status_mismatch(project, today=today) if user.has_perm(CHANGE_PROJECT) else [],
        # A contact person without a role sees no links to the area, party and other project pages they
        # cannot open; the names stay as plain text.
        "links_to_plan": user.has_perm(VIEW_PLAN),
        "may_report_status": can_report_status(user, project),
        "may_register_hours": can_register_hours(user, project),
        "admin_url": (
            reverse("admin:projects_project_change", args=[project.pk])
            if user.is_staff and user.has_perm("projects.change_project")
            else None
        ),
    }
    if follows_progress:
        context.update(
            over_budget=is_over_budget(project),
            hours=tally([project]),
            latest_hours=list(project.hour_registrations.select_related("registered_by")[:LATEST_HOURS]),
            latest_reports=list(project.status_reports.select_related("reported_by")[:LATEST_REPORTS]),
            needs_report=needs_report(project, today),
            report_weeks=report_interval_weeks(),
        )
    return render(request, "projects/project.html", context)


def reportable_project(area_slug: str, number: int) -> Project:
    return get_object_or_404(
        Project.objects.select_related("area").prefetch_related("contact_persons"), area__slug=area_slug, number=number
    )


@require_http_methods(["GET", "POST"])
def new_status_report(request: HttpRequest, area_slug: str, number: int) -> HttpResponse:
    project = reportable_project(area_slug, number)
    if not can_report_status(request.user, project):
        raise RoleRequired(ADD_STATUS_REPORT, contact_person=True)
    report = StatusReport(project=project, reported_by=request.user)
    form = StatusReportForm(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        file_status_report(form.save(commit=False))
        messages.success(request, _("The status report is saved."))
        return redirect(project)
    return render(
        request,
        "projects/report_form.html",
        {"project": project, "form": form, "heading": _("Report status"), "submit": _("Report status")},
    )


@require_http_methods(["GET", "POST"])
def new_hour_registration(request: HttpRequest, area_slug: str, number: int) -> HttpResponse:
    project = reportable_project(area_slug, number)
    if not can_register_hours(request.user, project):
        raise RoleRequired(ADD_HOUR_REGISTRATION, contact_person=True)
    registration = HourRegistration(project=project, registered_by=request.user)
    form = HourRegistrationForm(request.POST or None, instance=registration)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The hours are registered."))
        return redirect(project)
    return render(
        request,
        "projects/report_form.html",
        {"project": project, "form": form, "heading": _("Register hours"), "submit": _("Register hours")},
    )
