"""Let the secretariat edit the public pages (the accessibility statement); everyone else only reads them.

The group's name and the codenames are a frozen copy, so this step of the history does not change when the
live roles (projects.roles) do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SECRETARIAT = "Sekretariat"
CODENAMES = ["view_sitepage", "add_sitepage", "change_sitepage", "delete_sitepage"]


def page_permissions(apps):
    # Permissions are normally created after all migrations; the group needs them now. A migration's app
    # config has no models module, which create_permissions takes for "no models".
    pages_config = apps.get_app_config("pages")
    models_module = getattr(pages_config, "models_module", None)
    pages_config.models_module = models_module or True
    create_permissions(pages_config, apps=apps, verbosity=0)
    pages_config.models_module = models_module
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(content_type__app_label="pages", codename__in=CODENAMES)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=SECRETARIAT)
    group.permissions.add(*page_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=SECRETARIAT):
        group.permissions.remove(*page_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        # After the last migration that sets the roles' permissions anew (it would drop these otherwise).
        ("projects", "0005_roles_follow_up"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
