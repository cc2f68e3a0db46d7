"""Give the roles the follow-up permissions: hours, status reports and the dashboard.

What the roles hold is a frozen copy of byaftale.access (then projects.roles) as it was, so this step of the
history does not change when the live roles do.
"""

from django.db import migrations

SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"
BOARD_MEMBER = "Bestyrelsesmedlem"
ROLES = (SECRETARIAT, STEERING_GROUP, BOARD_MEMBER)
PLAN_APPS = ("parties", "cooperation", "areas", "projects")

SECRETARIAT_PEOPLE_PERMISSIONS = (
    ("auth", "view_user"),
    ("auth", "add_user"),
    ("auth", "change_user"),
    ("auth", "view_group"),
)

# The public pages (the accessibility statement): the secretariat writes them, as pages/0002_roles grants.
SECRETARIAT_PAGE_PERMISSIONS = tuple(("pages", f"{action}_sitepage") for action in ("view", "add", "change", "delete"))


def permission_codenames(role, all_codenames):
    """The (app_label, codename) pairs a role holds, chosen from every permission of the plan's apps."""
    if role == SECRETARIAT:
        return all_codenames
    if role == STEERING_GROUP:
        # view_* includes view_plan and view_progress.
        return [(app, code) for app, code in all_codenames if code.startswith("view_") or code == "add_statusreport"]
    if role == BOARD_MEMBER:
        return [("projects", "view_plan")]
    raise ValueError(f"Unknown role {role!r}.")


def people_permission_codenames(role):
    """The (app_label, codename) pairs on people (auth's users and groups) a role holds beside the plan's."""
    return (*SECRETARIAT_PEOPLE_PERMISSIONS, *SECRETARIAT_PAGE_PERMISSIONS) if role == SECRETARIAT else ()


def sync_roles(apps):
    """Create the roles, or bring their permissions up to date; run by the migrations that add permissions."""
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; the roles need them now. A migration's
    # app configs have no models module, which create_permissions takes for "no models".
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
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
    by_key = {(p.content_type.app_label, p.codename): p for p in [*plan_permissions, *people_permissions]}
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        keys = [*permission_codenames(role, all_codenames), *people_permission_codenames(role)]
        # The pages app's permissions are missing while an older migration runs before that app's tables exist.
        group.permissions.set([by_key[key] for key in keys if key in by_key or key[0] != "pages"])


def update_roles(apps, schema_editor):
    sync_roles(apps)


def nothing(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_follow_up")]

    operations = [migrations.RunPython(update_roles, nothing)]
