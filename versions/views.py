"""The versions' pages: the list, a version's plan and masterplan, its PDFs and sheet, and comparisons.

Everyone who reads the plan (board members included) reads its published versions and their comparisons;
publishing is the secretariat's, in the admin.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from byaftale.access import current_plan, reads_plan

from . import documents
from .compare import compare_snapshots
from .models import PlanVersion
from .pages import comparison_sides, version_page
from .sheets import version_sheet

NOW = "nu"


def _version(name: str) -> PlanVersion:
    version = PlanVersion.objects.filter(plan=current_plan(), name=name).first()
    if version is None:
        raise Http404("No such version.")
    return version


def _file_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(content))
    return response


@require_GET
@reads_plan
def version_list(request: HttpRequest) -> HttpResponse:
    plan = current_plan()
    versions = list(PlanVersion.objects.filter(plan=plan).without_snapshot())
    return render(
        request,
        "versions/version_list.html",
        {"plan": plan, "versions": versions, "can_publish": request.user.has_perm("versions.add_planversion")},
    )


@require_GET
@reads_plan
def choose_comparison(request: HttpRequest) -> HttpResponse:
    """The list's form asks for two versions; the comparison lives at its stable address."""
    old, new = request.GET.get("fra", ""), request.GET.get("til", "")
    if not old or not new:
        return redirect("versions:list")
    return redirect("versions:compare", old, new)


@require_GET
@reads_plan
def version(request: HttpRequest, name: str) -> HttpResponse:
    return render(request, "versions/version.html", version_page(_version(name)))


@require_GET
@reads_plan
def version_pdf(request: HttpRequest, name: str, document: str) -> HttpResponse:
    key = {"handlingsplan": "action-plan", "masterplan-a4": "masterplan-A4", "masterplan-a3": "masterplan-A3"}.get(
        document
    )
    if key is None:
        raise Http404("No such document.")
    kept = documents.version_document(_version(name), key)
    return _file_response(bytes(kept.content), "application/pdf", kept.filename)


@require_GET
@reads_plan
def version_xlsx(request: HttpRequest, name: str) -> HttpResponse:
    version = _version(name)
    return _file_response(
        version_sheet(version),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"byaftale-projekter-ver-{version.name}.xlsx",
    )


def _comparison(name: str, other: str):  # noqa: ANN202
    plan = current_plan()
    sides = comparison_sides(plan, name, None if other == NOW else other)
    if sides is None:
        raise Http404("No such version.")
    return sides


@require_GET
@reads_plan
def compare(request: HttpRequest, name: str, other: str) -> HttpResponse:
    sides = _comparison(name, other)
    comparison = compare_snapshots(
        sides.old_snapshot, sides.new_snapshot, old_label=sides.old_label, new_label=sides.new_label
    )
    return render(
        request,
        "versions/compare.html",
        {
            "comparison": comparison,
            "sides": sides,
            "pdf_url": reverse("versions:compare-pdf", args=[name, other]),
            "today": timezone.localdate(),
        },
    )


@require_GET
@reads_plan
def compare_pdf(request: HttpRequest, name: str, other: str) -> HttpResponse:
    sides = _comparison(name, other)
    comparison = compare_snapshots(
        sides.old_snapshot, sides.new_snapshot, old_label=sides.old_label, new_label=sides.new_label
    )
    key = f"{sides.old.digest}:{sides.new.digest}" if sides.new is not None else None
    suffix = other if other != NOW else f"nu-{timezone.localdate().isoformat()}"
    content, _pages, filename = documents.comparison_document(
        comparison,
        plan_contents=sides.new_contents,
        key=key,
        filename=f"byaftale-aendringer-ver-{name}-til-{suffix}.pdf",
    )
    return _file_response(content, "application/pdf", filename)
