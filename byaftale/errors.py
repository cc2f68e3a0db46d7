"""The portal's error pages: a refused page (403) says which roles open it and whom to ask.

The 400, 404 and 500 pages are Django's own views with the templates in templates/; a 403 comes here
(`handler403` in byaftale/urls.py) so it can name the roles that hold the permission the page asked for.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import get_text_list
from django.utils.translation import gettext as _


class RoleRequired(PermissionDenied):
    """A page that only the roles holding `permission` may see (or, with `contact_person`, the project's
    contact persons too) was refused to the user."""

    def __init__(self, permission: str, *, contact_person: bool = False) -> None:
        super().__init__(permission)
        self.permission = permission
        self.contact_person = contact_person


def roles_holding(permission: str) -> list[str]:
    """The names of the roles (groups) that hold the permission "app_label.codename", by name."""
    app_label, codename = permission.split(".", 1)
    groups = Group.objects.filter(
        permissions__content_type__app_label=app_label, permissions__codename=codename
    ).order_by("name")
    return list(groups.values_list("name", flat=True))


def refusal_reason(exception: Exception | None) -> str:
    """What opens the page, e.g. "Denne side kræver rollen Sekretariat eller Styregruppe."."""
    if not isinstance(exception, RoleRequired):
        return _("Your user does not have access to this page.")
    roles = roles_holding(exception.permission)
    if not roles:
        return _("Your user does not have access to this page.")
    named = get_text_list(roles, _("or"))
    if exception.contact_person:
        return _("This page needs the role %(roles)s, or that you are a contact person of the project.") % {
            "roles": named
        }
    return _("This page needs the role %(roles)s.") % {"roles": named}


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "403.html", {"reason": refusal_reason(exception)}, status=403)
