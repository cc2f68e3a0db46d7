"""Create the three roles with their permissions, so a fresh database has them.

The role names and what each holds are a frozen copy of what byaftale.access said when this step was
written, so the history does not change when the live roles do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"
BOARD_MEMBER = "Bestyrelsesmedlem"
ROLES = (SECRETARIAT, STEERING_GROUP, BOARD_MEMBER)
PLAN_APPS = ("parties", "cooperation", "areas", "projects")


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


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    plan_permissions = Permission.objects.filter(content_type__app_label__in=PLAN_APPS).select_related("content_type")
    all_codenames = [(p.content_type.app_label, p.codename) for p in plan_permissions]
    by_key = {(p.content_type.app_label, p.codename): p for p in plan_permissions}
    for role in (SECRETARIAT, STEERING_GROUP, BOARD_MEMBER):
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([by_key[key] for key in permission_codenames(role, all_codenames)])


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[SECRETARIAT, STEERING_GROUP, BOARD_MEMBER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0002_plan_permission"),
        ("parties", "0001_initial"),
        ("cooperation", "0001_initial"),
        ("areas", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
