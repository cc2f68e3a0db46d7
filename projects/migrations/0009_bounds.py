"""Bounds a person would expect on hours and status reports: at most 24 hours a registration, a status of at
most 5,000 characters, and no date before the cooperation began in 2008."""

import datetime
import django.db.models.functions.text
import django.db.models.lookups
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0008_protect_work'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalstatusreport',
            name='text',
            field=models.TextField(max_length=5000, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='statusreport',
            name='text',
            field=models.TextField(max_length=5000, verbose_name='status'),
        ),
        migrations.AddConstraint(
            model_name='hourregistration',
            constraint=models.CheckConstraint(condition=models.Q(('hours__lte', 24)), name='hour_registration_at_most_a_day', violation_error_code='hours_above_a_day', violation_error_message='A registration is for one day: at most 24 hours.'),
        ),
        migrations.AddConstraint(
            model_name='hourregistration',
            constraint=models.CheckConstraint(condition=models.Q(('date__gte', datetime.date(2008, 1, 1))), name='hour_registration_not_before_programme', violation_error_code='date_before_programme', violation_error_message='The date cannot lie before 2008, when the cooperation began.'),
        ),
        migrations.AddConstraint(
            model_name='statusreport',
            constraint=models.CheckConstraint(condition=django.db.models.lookups.LessThanOrEqual(django.db.models.functions.text.Length('text'), 5000), name='status_report_text_at_most_5000', violation_error_code='text_too_long', violation_error_message='The status can be at most 5,000 characters long.'),
        ),
        migrations.AddConstraint(
            model_name='statusreport',
            constraint=models.CheckConstraint(condition=models.Q(('date__gte', datetime.date(2008, 1, 1))), name='status_report_not_before_programme', violation_error_code='date_before_programme', violation_error_message='The date cannot lie before 2008, when the cooperation began.'),
        ),
    ]
