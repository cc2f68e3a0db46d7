"""A project's hour registrations and status reports protect it from deletion instead of going with it.

No SQL: the foreign keys already refuse a dangling row in the database; this changes what Django's delete does.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_secretariat_manages_people"),
    ]

    operations = [
        migrations.AlterField(
            model_name="hourregistration",
            name="project",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hour_registrations",
                to="projects.project",
                verbose_name="project",
            ),
        ),
        migrations.AlterField(
            model_name="statusreport",
            name="project",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="status_reports",
                to="projects.project",
                verbose_name="project",
            ),
        ),
    ]
