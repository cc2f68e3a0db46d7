"""The admin's users as the secretariat manages them: accounts, contact persons and roles, never superusers.

django.contrib.auth's own user admin lets whoever may change users make superusers and hand out single
permissions. A superuser keeps it as it is; anyone else (the secretariat) edits a person's name, e-mail,
whether they may sign in and use the admin, and which of the three roles they hold, and cannot change a
superuser's account or password. Staff status goes only with a role that works in the admin.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db.models import ManyToManyField, QuerySet
from django.forms import ModelMultipleChoiceField
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from byaftale.access import ROLES, SECRETARIAT, STEERING_GROUP

User = get_user_model()

# The roles that work in the admin; a board member only reads the portal.
ADMIN_ROLES = (SECRETARIAT, STEERING_GROUP)


class RoleUserChangeForm(UserChangeForm):
    """A user's form offering only the roles, keeping any other group the user is in."""

    def clean_groups(self) -> QuerySet[Group]:
        chosen = list(self.cleaned_data["groups"].values_list("pk", flat=True))
        kept = list(self.instance.groups.exclude(name__in=ROLES).values_list("pk", flat=True))
        return Group.objects.filter(pk__in=chosen + kept)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        groups = cleaned.get("groups")
        if cleaned.get("is_staff") and groups is not None and not groups.filter(name__in=ADMIN_ROLES).exists():
            self.add_error("is_staff", _("Staff status goes with the role Sekretariat or Styregruppe; give one."))
        return cleaned


class PeopleAdmin(UserAdmin):
    restricted_fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Access and roles"), {"fields": ("is_active", "is_staff", "groups")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )

    def get_fieldsets(self, request: HttpRequest, obj: AbstractBaseUser | None = None) -> Any:
        if obj is None or request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.restricted_fieldsets

    def get_form(self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is not None and not request.user.is_superuser:
            kwargs["form"] = RoleUserChangeForm
        return super().get_form(request, obj, **kwargs)

    def get_readonly_fields(self, request: HttpRequest, obj: AbstractBaseUser | None = None) -> Any:
        readonly = tuple(super().get_readonly_fields(request, obj))
        return readonly if request.user.is_superuser else (*readonly, "last_login", "date_joined")

    def formfield_for_manytomany(
        self, db_field: ManyToManyField, request: HttpRequest, **kwargs: Any
    ) -> ModelMultipleChoiceField | None:
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=ROLES).order_by("name")
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Changing a superuser's account or password would be a way to become one.
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.is_superuser and not request.user.is_superuser:
            return False
        return super().has_delete_permission(request, obj)


admin.site.unregister(User)
admin.site.register(User, PeopleAdmin)
