"""Who may see and do what: the portal's three roles, the decorators every page checks first, and the plan
the pages show. Migrations carry frozen copies of the roles, so editing them here changes no old migration.

- Sekretariat keeps the plan: every permission on the plan's models (the admin also needs is_staff),
  and registers hours and status for any project. It also manages people: creates accounts, names contact
  persons and gives roles, but never superuser status or single permissions (`accounts.people_admin`).
- Styregruppe (Den Fælles Boligstrategiske Gruppe) reads everything, follows progress on the dashboard
  and files status reports; it cannot edit the plan.
- Bestyrelsesmedlem reads the plan and downloads its PDFs.
- On meetings (`meeting_permission_codenames`): the secretariat edits everything, the steering group reads all
  and comments on draft agendas, board members read meetings with approved minutes.

A user of any role, or of none, may also be a project's contact person and report on that project
(`projects.reporting`).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.http import Http404, HttpRequest, HttpResponse

from byaftale.errors import RoleRequired

if TYPE_CHECKING:
    from django.apps.registry import Apps

    from areas.models import ActionPlan

SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"
BOARD_MEMBER = "Bestyrelsesmedlem"
ROLES = (SECRETARIAT, STEERING_GROUP, BOARD_MEMBER)

PLAN_APPS = ("parties", "cooperation", "areas", "projects")
VIEW_PLAN = "projects.view_plan"
VIEW_PROGRESS = "projects.view_progress"
ADD_STATUS_REPORT = "projects.add_statusreport"
ADD_HOUR_REGISTRATION = "projects.add_hourregistration"
# Keeping the plan: who corrects a project's status, and so sees where the status contradicts the data.
CHANGE_PROJECT = "projects.change_project"

# Picking contact persons needs view_user (the admin's user autocomplete); giving roles needs change_user and
# view_group. What the secretariat may change on a user is the people admin's business.
SECRETARIAT_PEOPLE_PERMISSIONS = (
    ("auth", "view_user"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_group"),
)

# The public pages (the accessibility statement): the secretariat writes them, as pages/0002_roles grants.
SECRETARIAT_PAGE_PERMISSIONS = tuple(("pages", f"{action}_sitepage") for action in ("view", "add", "change", "delete"))


# The meetings (issue 11), as meetings/migrations/0002_roles grants them: the secretariat prepares and edits
# everything; the steering group reads meetings, papers and drafts and comments on a draft agenda; board members
# read meetings whose minutes are approved (meetings.access).
MEETING_MODELS = (
    "mandate", "meeting", "participant", "agendaitem", "agendacomment", "paper", "decision",
    "followuppoint", "economicframe", "activity", "calendarfeed",
)  # fmt: skip


def meeting_permission_codenames(role: str) -> tuple[tuple[str, str], ...]:
    """The (app_label, codename) pairs on the meetings a role holds."""
    if role == SECRETARIAT:
        codes = [f"{action}_{model}" for model in MEETING_MODELS for action in ("view", "add", "change", "delete")]
        codes.append("view_approved_minutes")
    elif role == STEERING_GROUP:
        codes = [f"view_{model}" for model in MEETING_MODELS if model != "calendarfeed"]
        codes += ["view_approved_minutes", "add_agendacomment"]
    else:
        codes = ["view_approved_minutes"]
    return tuple(("meetings", code) for code in codes)


def permission_codenames(role: str, all_codenames: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (app_label, codename) pairs a role holds, chosen from every permission of the plan's apps."""
    if role == SECRETARIAT:
        return all_codenames
    if role == STEERING_GROUP:
        # view_* includes view_plan and view_progress.
        return [(app, code) for app, code in all_codenames if code.startswith("view_") or code == "add_statusreport"]
    if role == BOARD_MEMBER:
        return [("projects", "view_plan")]
    raise ValueError(f"Unknown role {role!r}.")


def people_permission_codenames(role: str) -> tuple[tuple[str, str], ...]:
    """The (app_label, codename) pairs on people (auth's users and groups) a role holds beside the plan's."""
    return (*SECRETARIAT_PEOPLE_PERMISSIONS, *SECRETARIAT_PAGE_PERMISSIONS) if role == SECRETARIAT else ()


def sync_roles(apps: Apps) -> None:
    """Create the roles, or bring their permissions up to date; run by the migrations that add permissions."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the roles need them now. A migration's
    # app configs have no models module, which create_permissions takes for "no models".
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True  # type: ignore[assignment]  # "has models", for Django
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    plan_permissions = Permission.objects.filter(content_type__app_label__in=PLAN_APPS).select_related("content_type")
    all_codenames = [(p.content_type.app_label, p.codename) for p in plan_permissions]
    people_permissions = Permission.objects.filter(
        content_type__app_label__in=["auth", "pages"],
        codename__in=[code for _, code in (*SECRETARIAT_PEOPLE_PERMISSIONS, *SECRETARIAT_PAGE_PERMISSIONS)],
    ).select_related("content_type")
    meetings = Permission.objects.filter(content_type__app_label="meetings").select_related("content_type")
    people_permissions = [*people_permissions, *meetings]
    by_key = {(p.content_type.app_label, p.codename): p for p in [*plan_permissions, *people_permissions]}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        keys = [
            *permission_codenames(role, all_codenames),
            *people_permission_codenames(role),
            *meeting_permission_codenames(role),
        ]
        # The pages' and meetings' permissions are missing while an older migration runs before their tables exist.
        group.permissions.set([by_key[key] for key in keys if key in by_key or key[0] not in ("pages", "meetings")])


# The pages' checks

View = Callable[..., HttpResponse]


def requires_permission(permission: str) -> Callable[[View], View]:
    """Signed in but without a role that may see the page: 403 naming the roles that open it, not another
    trip to the sign-in page."""

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise RoleRequired(permission)
            return view(request, *args, **kwargs)

        return checked

    return decorator


reads_plan = requires_permission(VIEW_PLAN)
follows_progress = requires_permission(VIEW_PROGRESS)


def current_plan() -> ActionPlan:
    """The plan the portal shows: the newest year's. 404 on an empty database."""
    from areas.models import ActionPlan  # noqa: PLC0415 - byaftale is imported by the apps' models

    plan = ActionPlan.objects.select_related("agreement").order_by("-year", "pk").first()
    if plan is None:
        raise Http404("No action plan is loaded.")
    return plan
