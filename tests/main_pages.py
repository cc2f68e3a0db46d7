"""The portal's main pages, by name: the pages the markup and accessibility checks walk."""

from collections.abc import Callable

from django.urls import reverse

from parties.models import Party
from tests.meetings.factories import sample_meeting_url

MAIN_PAGES: dict[str, Callable[[], str]] = {
    "dashboard": lambda: reverse("dashboard:dashboard"),
    "area": lambda: reverse("areas:area", args=["energi-og-klima"]),
    "an attention list": lambda: reverse("dashboard:attention", args=["statusrapport"]),
    "the overdue milestones": lambda: reverse("dashboard:milestones", args=["overskredne"]),
    "project": lambda: reverse("projects:project", args=["energi-og-klima", 3]),
    "status report form": lambda: reverse("projects:new-status-report", args=["energi-og-klima", 3]),
    "hour registration form": lambda: reverse("projects:new-hours", args=["energi-og-klima", 3]),
    "search": lambda: reverse("search:search") + "?q=energi",
    "masterplan": lambda: reverse("documents:masterplan"),
    "documents": lambda: reverse("documents:documents"),
    "party": lambda: reverse("parties:party", args=[Party.objects.get(name="Odense Kommune").pk]),
    "meetings": lambda: reverse("meetings:meetings"),
    "meeting": sample_meeting_url,
    "my tasks": lambda: reverse("meetings:my-tasks"),
    "versions": lambda: reverse("versions:list"),
    "a version": lambda: reverse("versions:version", args=["1.3"]),
    "a version compared with today": lambda: reverse("versions:compare", args=["1.3", "nu"]),
    "the agreement": lambda: reverse("cooperation:agreement"),
    "reminder preferences": lambda: reverse("operations:preferences"),
}
