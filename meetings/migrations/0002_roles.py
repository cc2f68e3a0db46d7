"""Give the portal's roles their rights on meetings.

- Sekretariat prepares and edits everything: every permission of the meetings app.
- Styregruppe reads meetings, papers and drafts (every view_ permission) and comments on a draft agenda.
- Bestyrelsesmedlem reads meetings with approved minutes, their decisions and papers not marked internal.

The group names and codenames are a frozen copy, so this step of the history does not change when the live
roles do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"
BOARD_MEMBER = "Bestyrelsesmedlem"

MODELS = [
    "mandate", "meeting", "participant", "agendaitem", "agendacomment", "paper", "decision",
    "followuppoint", "economicframe", "activity", "calendarfeed",
]
SECRETARIAT_CODENAMES = [f"{action}_{model}" for model in MODELS for action in ("view", "add", "change", "delete")] + [
    "view_approved_minutes"
]
STEERING_GROUP_CODENAMES = [f"view_{model}" for model in MODELS if model != "calendarfeed"] + ["view_approved_minutes", "add_agendacomment"]
BOARD_MEMBER_CODENAMES = ["view_approved_minutes"]
GRANTS = {
    SECRETARIAT: SECRETARIAT_CODENAMES,
    STEERING_GROUP: STEERING_GROUP_CODENAMES,
    BOARD_MEMBER: BOARD_MEMBER_CODENAMES,
}


def meeting_permissions(apps, codenames):
    # Permissions are normally created after all migrations; the roles need them now. A migration's app
    # config has no models module, which create_permissions takes for "no models".
    config = apps.get_app_config("meetings")
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="meetings", codename__in=codenames)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, codenames in GRANTS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.add(*meeting_permissions(apps, codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for role, codenames in GRANTS.items():
        for group in Group.objects.filter(name=role):
            group.permissions.remove(*meeting_permissions(apps, codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
        # After the last migration that sets the roles' permissions anew (it would drop these otherwise).
        ("projects", "0011_assumed_dates"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
