"""A published version is immutable in the database too: UPDATEs of its rows are refused by a trigger, on
SQLite and PostgreSQL alike, whatever code (or person at a SQL prompt) tries them.

DELETE is refused by the models and querysets but not by a trigger: flushing a database (the test suite)
and restoring a backup (`restore_portal`) must be able to empty the tables. The versions' permissions are
given to the roles: the secretariat publishes; reading versions needs only projects.view_plan, which every role has.
"""

from django.db import migrations

TABLES = ("versions_planversion", "versions_versionproject", "versions_versiondocument")


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for table in TABLES:
        if vendor == "sqlite":
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'A published plan version cannot be changed.'); END"
            )
        elif vendor == "postgresql":
            schema_editor.execute(
                "CREATE OR REPLACE FUNCTION versions_refuse_update() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'A published plan version cannot be changed.'; END; $$ LANGUAGE plpgsql"
            )
            schema_editor.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION versions_refuse_update()"
            )


def drop_triggers(apps, schema_editor):
    for table in TABLES:
        if schema_editor.connection.vendor in ("sqlite", "postgresql"):
            on = f" ON {table}" if schema_editor.connection.vendor == "postgresql" else ""
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_immutable{on}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS versions_refuse_update()")


APP = "versions"
MODELS = ["planversion", "versionproject", "versiondocument"]

# A frozen copy of what the roles hold of this app's models (byaftale.access as it was), so this step of the
# history does not change when the live roles do: the secretariat everything, the steering group view_*.
SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"


def grant_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    config = apps.get_app_config(APP)
    models_module = getattr(config, "models_module", None)
    config.models_module = models_module or True  # a migration's app config has no models module
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ours = Permission.objects.filter(content_type__app_label=APP, content_type__model__in=MODELS)
    secretariat, _ = Group.objects.get_or_create(name=SECRETARIAT)
    secretariat.permissions.add(*ours)
    steering, _ = Group.objects.get_or_create(name=STEERING_GROUP)
    steering.permissions.add(*ours.filter(codename__startswith="view_"))


class Migration(migrations.Migration):
    dependencies = [
        ("versions", "0001_initial"),
        ("projects", "0011_assumed_dates"),
        ("pages", "0002_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.RunPython(grant_roles, migrations.RunPython.noop),
    ]
