"""The versions' pages as a board member reads them: the list, a version's plan and masterplan, comparisons,
the sheet; the same number of queries at 10 and at 1,000 projects."""

import datetime
import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from areas.models import ActionPlan
from byaftale.access import BOARD_MEMBER
from projects.demo import generate_demo_projects
from projects.models import Project
from projects.resources import ProjectResource
from tests.factories import make_user
from tests.versions.conftest import slip_running_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def board(client):
    client.force_login(make_user(BOARD_MEMBER))
    return client


def test_the_list_names_each_version_with_its_approval(plan, publish, board):
    publish("1.4", approved_by="Den Fælles Boligstrategiske Gruppe", note="Revideret tidsplan")

    page = board.get(reverse("versions:list")).content.decode()

    assert "Planversioner" in page
    assert 'href="/versioner/1.4/"' in page and 'href="/versioner/1.3/"' in page
    assert "Godkendt af Den Fælles Boligstrategiske Gruppe 12. maj 2011" in page
    assert "Godkendt 17. december 2010" in page
    assert "Revideret tidsplan" in page
    assert 'href="/versioner/1.4/sammenlign/nu/"' in page
    # Publishing is the secretariat's: a board member is not shown the way.
    assert "Udgiv planen som en ny version" not in page


def test_a_version_shows_its_plan_as_published_not_as_today(plan, publish, board):
    project = slip_running_project()
    page = board.get(reverse("versions:version", args=["1.3"])).content.decode()

    row = re.search(rf"<th scope=\"row\">{re.escape(project.title)}</th>\s*<td>([^<]*)</td>", page)
    assert row is not None
    assert row.group(1) == "medio 2011 – i drift primo 2012"  # the period 1.3 had, not today's (to 1. april 2012)
    assert "Masterplan ver. 1.3 [Varighed i mdr.]" in page
    assert 'class="gantt"' in page
    assert 'href="/versioner/1.3/handlingsplan.pdf"' in page
    assert 'href="/versioner/1.3/projekter.xlsx"' in page


def test_an_unknown_version_is_not_found(plan, board):
    assert board.get("/versioner/9.9/").status_code == 404
    assert board.get("/versioner/9.9/sammenlign/nu/").status_code == 404
    assert board.get("/versioner/1.3/sammenlign/9.9/").status_code == 404
    assert board.get("/versioner/9.9/handlingsplan.pdf").status_code == 404


def test_the_comparison_page_lists_the_changes_with_months_and_a_word_diff(slipped, board):
    project = Project.objects.get(pk=slipped.pk)
    project.description = "Kortlægningen udvides til hele Odense."
    project.save()

    page = board.get("/versioner/1.4/sammenlign/1.5/").content.decode()
    assert "Ændringer fra ver. 1.4 til ver. 1.5" in page
    assert "Boligsociale indsatser" in page
    assert "+3 mdr." in page
    assert "600 timer" in page
    assert "Milepæl «I drift»" in page
    assert "<del>" not in page  # the description changed after 1.5

    today = board.get("/versioner/1.5/sammenlign/nu/").content.decode()
    assert "Ændringer fra ver. 1.5 til dagens plan" in today
    assert '<ins><span class="visually-hidden">[indsat: </span>' in today
    assert "[slettet: </span>" in today
    assert 'href="/versioner/1.5/sammenlign/nu.pdf"' in today


def test_the_form_leads_to_the_comparisons_stable_address(plan, publish, board):
    publish("1.4")
    response = board.get(reverse("versions:choose-comparison"), {"fra": "1.3", "til": "1.4"})
    assert response.status_code == 302
    assert response.url == "/versioner/1.3/sammenlign/1.4/"


def test_a_version_as_a_sheet_has_the_projects_sheets_columns(plan, board):
    project = Project.objects.get(area__slug="energi-og-klima", number=1)
    original_title = project.title
    project.title = '=HYPERLINK("http://example.com")'
    project.save()
    from versions.publishing import publish_version

    publish_version(ActionPlan.objects.get(), name="1.4", approved_on=datetime.date(2011, 5, 12))

    for name, title in (("1.3", original_title), ("1.4", '\'=HYPERLINK("http://example.com")')):
        response = board.get(f"/versioner/{name}/projekter.xlsx")
        assert response["Content-Disposition"] == f'attachment; filename="byaftale-projekter-ver-{name}.xlsx"'
        sheet = load_workbook(BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        live = load_workbook(
            BytesIO(__import__("byaftale.sheets").sheets.export_sheet(resource=ProjectResource(), format="xlsx"))
        ).active
        assert rows[0] == next(live.iter_rows(values_only=True))
        assert len(rows) == 1 + 33
        assert rows[1][4] == title  # the formula stays text, escaped as in every export


# page: (its address, the exact number of queries: the signed-in user's session, user, permissions and the
# session's renewal (7) included; today's plan adds the snapshot builder's own fixed number)
QUERY_PAGES = {
    "list": ("/versioner/", 11),
    "version": ("/versioner/1.3/", 12),
    "two versions compared": ("/versioner/1.3/sammenlign/1.4/", 11),
    "a version and today": ("/versioner/1.3/sammenlign/nu/", 23),
    "sheet": ("/versioner/1.4/projekter.xlsx", 11),
}


@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("page", QUERY_PAGES)
def test_the_page_runs_the_same_queries_at_10_and_at_1000_projects(
    plan, publish, client, django_assert_num_queries, page, size
):
    generate_demo_projects(plan=plan, count=size)
    publish("1.4")
    client.force_login(make_user(BOARD_MEMBER))
    url, queries = QUERY_PAGES[page]

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200


def test_the_dashboard_shows_the_slippage_against_the_baseline_chosen(slipped, client):
    from byaftale.access import STEERING_GROUP

    client.force_login(make_user(STEERING_GROUP))

    latest = client.get(reverse("dashboard:dashboard")).content.decode()
    assert "Skred siden ver. 1.5" in latest
    assert "Intet projekt slutter senere end planlagt." in latest

    page = client.get(reverse("dashboard:dashboard"), {"baseline": "1.4"}).content.decode()
    assert "Skred siden ver. 1.4" in page
    row = re.search(
        r"<tr>\s*<th scope=\"row\"><a href=\"[^\"]+\">([^<]+)</a></th>\s*"
        r"<td>([^<]*)</td>\s*<td>([^<]*)</td>\s*<td class=\"change-moved\">([^<]*)</td>",
        page,
    )
    assert row is not None
    assert row.groups() == (str(slipped), "juli–december 2011", "juli 2011–marts 2012", "+3 mdr.")
    assert "Milepæle flyttet til senere" in page


def test_a_projects_page_lists_the_versions_it_has_been_in(slipped, client, board):
    page = board.get(slipped.get_absolute_url()).content.decode()

    assert "I planens versioner" in page
    assert '<a href="/versioner/1.5/">ver. 1.5</a>' in page
    assert "1. juli 2011 – 1. april 2012" in page  # the period 1.5 gave it
    assert "1. juli 2011 – 1. januar 2012" in page  # the period 1.4 and 1.3 gave it

    contact = make_user()
    slipped.contact_persons.add(contact)
    client.force_login(contact)
    own = client.get(slipped.get_absolute_url()).content.decode()
    assert "ver. 1.5" in own
    assert 'href="/versioner/' not in own  # a contact person without the plan's role is not sent where they may not go
