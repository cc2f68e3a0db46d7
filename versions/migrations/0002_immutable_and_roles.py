"""A published version is immutable in the database too: UPDATEs of its rows are refused by a trigger, on
SQLite and PostgreSQL alike, whatever code (or person at a SQL prompt) tries them.

DELETE is refused by the models and querysets but not by a trigger: flushing a database (the test suite)
and restoring a backup (`restore_portal`) must be able to empty the tables. The versions' permissions are
given to the roles (projects.roles: the secretariat publishes, everyone who reads the plan reads versions).
"""

from django.db import migrations

from projects.roles import sync_roles

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


def roles(apps, schema_editor):
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("versions", "0001_initial"),
        ("projects", "0011_assumed_dates"),
        ("pages", "0002_roles"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.RunPython(roles, migrations.RunPython.noop),
    ]
