"""The masterplan pages and the board's PDF downloads."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.http import require_GET

from areas.models import FocusArea
from byaftale.access import current_plan, reads_plan
from projects.plan import baseline_for, masterplan_page

from . import rendering as documents


@require_GET
@reads_plan
def masterplan(request: HttpRequest, area_slug: str | None = None) -> HttpResponse:
    plan = current_plan()
    area = get_object_or_404(FocusArea, plan=plan, slug=area_slug) if area_slug else None
    try:
        number = max(1, int(request.GET.get("side", "1")))
    except ValueError:
        number = 1
    # The chart draws a baseline: the version ?baseline= names, or else the latest approved.
    baseline = baseline_for(plan, request.GET.get("baseline"))
    page = masterplan_page(
        plan,
        today=timezone.localdate(),
        area=area,
        number=number,
        baselines=baseline.baselines if baseline else None,
    )
    if number > 1 and not page.chart.sections:
        raise Http404("No such page.")
    return render(
        request,
        "documents/masterplan.html",
        {
            "plan": plan,
            "area": area,
            "areas": page.areas,
            "chart": page.chart,
            "page": page,
            "baseline": baseline,
        },
    )


def pdf_response(document: documents.Document) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Content-Length"] = str(len(document.content))
    # When it was rendered: while a newer version is being made, a download gets the last one, and says so.
    if document.made_at is not None:
        response["Last-Modified"] = http_date(document.made_at.timestamp())
    return response


@require_GET
@reads_plan
def action_plan_pdf(request: HttpRequest) -> HttpResponse:
    return pdf_response(
        documents.action_plan_document(current_plan(), today=timezone.localdate(), baseline=request.GET.get("baseline"))
    )


@require_GET
@reads_plan
def masterplan_pdf(request: HttpRequest, paper: str) -> HttpResponse:
    if paper.upper() not in documents.PAPER_SIZES:
        raise Http404("Unknown paper size.")
    return pdf_response(
        documents.masterplan_document(
            current_plan(), today=timezone.localdate(), paper=paper.upper(), baseline=request.GET.get("baseline")
        )
    )


@require_GET
@reads_plan
def area_pdf(request: HttpRequest, area_slug: str) -> HttpResponse:
    area = get_object_or_404(FocusArea.objects.select_related("plan"), plan=current_plan(), slug=area_slug)
    return pdf_response(documents.area_document(area, today=timezone.localdate(), baseline=request.GET.get("baseline")))


@require_GET
@reads_plan
def document_list(request: HttpRequest) -> HttpResponse:
    plan = current_plan()
    areas = list(plan.areas.order_by("position"))
    # Only what the cache already knows: the page never renders a PDF to tell its size.
    facts = documents.cached_facts(plan, areas, today=timezone.localdate())
    return render(
        request,
        "documents/documents.html",
        {
            "plan": plan,
            "action_plan_facts": facts.get("action-plan"),
            "masterplan_facts": {paper: facts.get(f"masterplan-{paper}") for paper in documents.PAPER_SIZES},
            "areas": [(area, facts.get(f"area-{area.slug}")) for area in areas],
        },
    )
