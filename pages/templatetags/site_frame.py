"""The parts of the frame (templates/base.html): the main menu, which marks where the reader is, and the
footer and the secretariat's contact, which need no request, so the 500 page, drawn without one, has them too."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

register = template.Library()


def secretariat_contact() -> dict[str, str]:
    return {
        "name": settings.SECRETARIAT_CONTACT_NAME,
        "email": settings.SECRETARIAT_CONTACT_EMAIL,
        "phone": settings.SECRETARIAT_CONTACT_PHONE,
    }


@register.inclusion_tag("includes/site_footer.html")
def site_footer() -> dict:
    return {"contact": secretariat_contact()}


@register.inclusion_tag("includes/secretariat_contact.html")
def secretariat_contact_line() -> dict:
    return {"contact": secretariat_contact()}


@dataclass(frozen=True)
class MenuEntry:
    """One entry of the main menu: shown to those holding `permission` (staff with None), marked as the
    current page on the routes in `pages` and as the current part of the portal on those in `within`."""

    label: str | Promise
    url_name: str
    permission: str | None
    pages: frozenset[str] = frozenset()
    within: frozenset[str] = frozenset()


MENU = (
    MenuEntry(
        _("Overview"),
        "dashboard:dashboard",
        "projects.view_progress",
        pages=frozenset({"dashboard:dashboard"}),
        within=frozenset({"areas:area", "projects:project", "projects:new-status-report", "projects:new-hours"}),
    ),
    MenuEntry(
        _("Masterplan"),
        "documents:masterplan",
        "projects.view_plan",
        pages=frozenset({"documents:masterplan"}),
        within=frozenset({"documents:area-masterplan"}),
    ),
    MenuEntry(_("Documents"), "documents:documents", "projects.view_plan", pages=frozenset({"documents:documents"})),
    # The meetings (issue 11): everyone who reads meetings; a board member sees those with approved minutes.
    MenuEntry(
        _("Meetings"),
        "meetings:meetings",
        "meetings.view_approved_minutes",
        pages=frozenset({"meetings:meetings"}),
        within=frozenset({"meetings:meeting", "meetings:new-comment"}),
    ),
    MenuEntry(
        _("My tasks"), "meetings:my-tasks", "meetings.view_approved_minutes", pages=frozenset({"meetings:my-tasks"})
    ),
    MenuEntry(_("Administration"), "admin:index", None),
)


@register.inclusion_tag("includes/site_menu.html", takes_context=True)
def site_menu(context: template.Context) -> dict:
    """The main menu's entries the user may open, each with its aria-current value ("page", "true" or "")."""
    request = context["request"]
    user = request.user
    match = request.resolver_match
    here = match.view_name if match else ""
    entries = []
    for entry in MENU:
        allowed = user.is_staff if entry.permission is None else user.has_perm(entry.permission)
        if allowed:
            current = "page" if here in entry.pages else "true" if here in entry.within else ""
            entries.append({"label": entry.label, "url": reverse(entry.url_name), "current": current})
    return {"entries": entries}
