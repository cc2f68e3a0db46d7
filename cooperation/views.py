"""The cooperation agreement's page in the portal: its sections, tasks, signatories and revisions."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from byaftale.access import current_plan, reads_plan

from .agreement import agreement_page


@require_GET
@reads_plan
def agreement(request: HttpRequest) -> HttpResponse:
    plan = current_plan()
    if plan.agreement is None:
        raise Http404("The plan rests on no cooperation agreement.")
    return render(
        request, "cooperation/agreement.html", {"page": agreement_page(plan.agreement, today=timezone.localdate())}
    )
