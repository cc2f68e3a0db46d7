"""Give the roles the follow-up permissions: hours, status reports and the dashboard."""

from django.db import migrations

from projects.roles import sync_roles


def update_roles(apps, schema_editor):
    sync_roles(apps)


def nothing(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [("projects", "0004_follow_up")]

    operations = [migrations.RunPython(update_roles, nothing)]
