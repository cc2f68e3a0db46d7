"""A project's page and the two forms that keep it alive: status reports and hours."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from byaftale.access import ADD_HOUR_REGISTRATION, ADD_STATUS_REPORT
from byaftale.errors import RoleRequired

from .forms import HourRegistrationForm, StatusReportForm
from .models import HourRegistration, Project, StatusReport
from .pages import project_page
from .reporting import can_register_hours, can_report_status, file_status_report

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@require_GET
def project(request: HttpRequest, area_slug: str, number: int) -> HttpResponse:
    page = project_page(area_slug, number, user=request.user, today=timezone.localdate())
    return render(request, "projects/project.html", {"page": page, "project": page.project})


@dataclass(frozen=True)
class Report:
    """One of the two reports a project gets from its people: who may file it, and its form and words."""

    permission: str
    form: type[StatusReportForm] | type[HourRegistrationForm]
    heading: StrOrPromise
    saved: StrOrPromise

    def may_file(self, request: HttpRequest, project: Project) -> bool:
        check = can_report_status if self.permission == ADD_STATUS_REPORT else can_register_hours
        return check(request.user, project)

    def new(self, request: HttpRequest, project: Project) -> StatusReport | HourRegistration:
        # Only signed-in people reach a form (LoginRequiredMiddleware), so the user is an account.
        person: Any = request.user
        if self.form is StatusReportForm:
            return StatusReport(project=project, reported_by=person)
        return HourRegistration(project=project, registered_by=person)

    def save(self, form: StatusReportForm | HourRegistrationForm) -> None:
        if isinstance(form, StatusReportForm):
            file_status_report(form.save(commit=False))  # moves the project's progress with it
        else:
            form.save()


REPORTS = {
    "status": Report(ADD_STATUS_REPORT, StatusReportForm, _("Report status"), _("The status report is saved.")),
    "hours": Report(ADD_HOUR_REGISTRATION, HourRegistrationForm, _("Register hours"), _("The hours are registered.")),
}


@require_http_methods(["GET", "POST"])
def new_report(request: HttpRequest, area_slug: str, number: int, kind: str) -> HttpResponse:
    """A status report or an hour registration (`kind` from the URL), filed by whoever may report on the project."""
    report = REPORTS[kind]
    project = get_object_or_404(
        Project.objects.select_related("area").prefetch_related("contact_persons"), area__slug=area_slug, number=number
    )
    if not report.may_file(request, project):
        raise RoleRequired(report.permission, contact_person=True)
    form = report.form(request.POST or None, instance=report.new(request, project))
    if request.method == "POST" and form.is_valid():
        report.save(form)
        messages.success(request, report.saved)
        return redirect(project)
    return render(
        request,
        "projects/report_form.html",
        {"project": project, "form": form, "heading": report.heading, "submit": report.heading},
    )
