"""Let the secretariat manage people: pick contact persons, create accounts and give them roles.

The group's name and the permissions are a frozen copy (projects.roles.SECRETARIAT_PEOPLE_PERMISSIONS
says the same today), so this step of the history does not change when the live roles do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Sekretariat"
PEOPLE_CODENAMES = ["view_user", "add_user", "change_user", "view_group"]


def people_permissions(apps):
    # Permissions are normally created after all migrations; on a fresh database auth's may not exist yet.
    # A migration's app configs have no models module, which create_permissions takes for "no models".
    auth_config = apps.get_app_config("auth")
    models_module = getattr(auth_config, "models_module", None)
    auth_config.models_module = models_module or True
    create_permissions(auth_config, apps=apps, verbosity=0)
    auth_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="auth", codename__in=PEOPLE_CODENAMES)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT)
    group.permissions.add(*people_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SECRETARIAT):
        group.permissions.remove(*people_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_version"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
