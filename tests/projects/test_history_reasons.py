"""A status report that moves a project's progress leaves a language-neutral fact in the project's history
(projects/history_reasons.py), which every reader sees in their own language: on the project's and the area's
"last changed" line and in the admin's history."""

import datetime
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from byaftale.access import STEERING_GROUP
from projects.history_reasons import readable_reason, status_report_reason
from projects.models import StatusReport
from projects.reporting import file_status_report
from tests.factories import make_project, make_user

pytestmark = pytest.mark.django_db

DECEMBER_FIRST = datetime.date(2026, 12, 1)


def report_moving(project, light: str = "yellow") -> StatusReport:
    report = StatusReport(
        project=project, reported_by=make_user(), date=DECEMBER_FIRST, light=light, text="Forsinket.", progress=40
    )
    return file_status_report(report)


def test_the_reason_stored_is_a_fact_whatever_the_reporters_language():
    with translation.override("en"):
        project = make_project(progress=10)
        report_moving(project)

    assert project.history.first().history_change_reason == "status-report 2026-12-01 yellow"
    assert status_report_reason(StatusReport(date=DECEMBER_FIRST, light="red")) == "status-report 2026-12-01 red"


@pytest.mark.parametrize(
    ("language", "fact", "shown"),
    [
        ("da", "status-report 2026-12-01 yellow", "Statusrapport 1. december 2026: gul: i risiko"),
        ("da", "status-report 2026-12-01 green", "Statusrapport 1. december 2026: grøn: går efter planen"),
        ("en", "status-report 2026-12-01 yellow", "Status report 1 December 2026: yellow: at risk"),
        ("en", "status-report 2026-12-01 red", "Status report 1 December 2026: red: off track"),
        ("da", "Ændrede slut og timebudget.", "Ændrede slut og timebudget."),  # no fact: shown as stored
        ("en", "status-report 2026-12-01 blue", "status-report 2026-12-01 blue"),
    ],
)
def test_a_fact_is_read_in_the_readers_language(language, fact, shown):
    with translation.override(language):
        assert readable_reason(fact) == shown


@pytest.mark.parametrize(
    ("cookie", "shown"),
    [(None, "Statusrapport 1. december 2026: gul: i risiko"), ("en", "Status report 1 December 2026: yellow: at risk")],
)
def test_the_project_and_area_pages_say_why_they_last_changed_in_the_readers_language(client, cookie, shown):
    project = make_project(progress=10)
    report_moving(project)
    # Board members see only the day of a change; the steering group reads why.
    client.force_login(make_user(STEERING_GROUP))
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie

    project_page = client.get(reverse("projects:project", args=[project.area.slug, project.number])).content.decode()
    area_page = client.get(reverse("areas:area", args=[project.area.slug])).content.decode()

    assert re.search(rf"<dd>[^<]*: {shown}</dd>", project_page)
    assert f" – {shown}</p>" in area_page
    assert "status-report" not in project_page + area_page


def test_the_admin_history_shows_the_reason_in_the_readers_language(admin_client_da):
    project = make_project(progress=10)
    report_moving(project, light="red")
    url = reverse("admin:projects_project_history", args=[project.pk])

    danish = " ".join(admin_client_da.get(url).content.decode().split())
    admin_client_da.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = " ".join(admin_client_da.get(url).content.decode().split())

    assert "<td> Statusrapport 1. december 2026: rød: går ikke efter planen </td>" in danish
    assert "<td> Status report 1 December 2026: red: off track </td>" in english
    assert project.history.first().history_change_reason == "status-report 2026-12-01 red"  # shown, not rewritten
