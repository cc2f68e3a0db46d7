"""The operations pages: /healthz for a load balancer, and each person's choice of reminders."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import ReminderPreferencesForm
from .health import check_health
from .preferences import choose_kinds, chosen_kinds


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database, the cache and the task worker answer, 503 otherwise; names no data."""
    health = check_health()
    return JsonResponse(health.as_dict(), status=200 if health.ok else 503)


def preferences(request: HttpRequest) -> HttpResponse:
    # LoginRequiredMiddleware: only a signed-in person gets here.
    assert isinstance(request.user, User)
    if request.method == "POST":
        form = ReminderPreferencesForm(request.POST)
        if form.is_valid():
            choose_kinds(request.user, form.cleaned_data["kinds"])
            messages.success(request, _("Your choice of reminders is saved."))
            return redirect("operations:preferences")
    else:
        form = ReminderPreferencesForm(initial={"kinds": chosen_kinds(request.user)})
    return render(request, "operations/preferences.html", {"form": form})
