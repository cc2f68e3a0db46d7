"""The portal's URLs plus the framework floor: a view that runs one query through the same middleware."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from areas.models import ActionPlan
from byaftale.urls import urlpatterns as portal


def floor(request: HttpRequest) -> HttpResponse:
    plan = ActionPlan.objects.only("title").first()
    return HttpResponse(f"<!DOCTYPE html><title>{plan.title if plan else ''}</title>")


urlpatterns = [path("benchmark-floor/", floor), path("", include(portal))]
