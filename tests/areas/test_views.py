"""A focus area's page as the steering group, the secretariat and the board see it: who may see what, what the
sources say of the area, its last change, and the same queries however large the plan."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.models import FocusArea
from areas.pages import AREA_PAGE_PROJECTS, RELATION_ROWS
from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from projects.models import Project, Relation, StatusReport
from tests.factories import make_hours, make_status_report, make_user
from tests.plan_pages import (
    area_url,
    assert_well_structured,
    energy,
    grow_plan,
    numbers_in,
    page_of,
    project_url,
    row_with,
    section,
    table,
)

pytestmark = pytest.mark.django_db


# The focus area page: who sees what


def test_anonymous_visitors_to_an_area_are_sent_to_sign_in(client, seeded):
    url = area_url("energi-og-klima")

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_a_user_without_a_role_may_not_read_an_area(client, seeded):
    client.force_login(make_user())

    assert client.get(area_url("energi-og-klima")).status_code == 403


def test_an_unknown_area_is_not_found(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))

    assert client.get(area_url("findes-ikke")).status_code == 404


def test_a_board_member_reads_the_area_but_not_its_hours_and_reports(client, seeded):
    make_hours(project=energy(3), hours=Decimal("320.5"))
    make_status_report(project=energy(2), light=StatusReport.Light.RED)

    html = page_of(client, area_url("energi-og-klima"), BOARD_MEMBER)

    assert "<h1>Energi og klima</h1>" in html
    assert 'aria-labelledby="figures-heading"' not in html
    assert 'aria-labelledby="attention-heading"' not in html
    projects = table(html, "area-projects")
    assert "Timer brugt" not in projects and "Seneste trafiklys" not in projects
    assert "320,50" not in html and "Over budget" not in html and "Rød" not in html
    assert "1.750" in row_with(projects, "Koordinering af energi og klimaindsatsen")  # budgets are the plan
    assert_well_structured(html)


def test_the_steering_group_sees_the_areas_figures_and_what_needs_attention(client, seeded):
    make_hours(project=energy(3), hours=Decimal("320.5"))
    make_status_report(project=energy(2), light=StatusReport.Light.RED)

    html = page_of(client, area_url("energi-og-klima"))

    figures = section(html, "figures-heading")
    assert "5.660 timer" in figures
    assert "320,50 timer" in figures
    assert numbers_in(row_with(table(figures, "grouping-hours"), "Projekter uden linie eller tema"))[:3] == [
        "10",
        "5.660",
        "320,50",
    ]
    row = row_with(table(html, "area-projects"), "Energi på dagsordenen")
    assert f'href="{project_url(energy(3))}">Energi på dagsordenen</a>' in row
    assert "⚠</span> Over budget" in row
    assert "Statusrapport mangler" in row  # the flag, explained once above the table
    assert "■</span> Rød" in row_with(table(html, "attention-lights"), "Finansiering fra A til Z")
    assert "Tidssvarende boliger" not in table(html, "area-projects")
    assert_well_structured(html)


# The focus area page: what the sources say


def test_an_area_page_shows_its_sections_themes_responsibilities_milestones_relations_and_time_plan(client, seeded):
    html = page_of(client, area_url("faelles-omraadetilgang"), BOARD_MEMBER)

    text = section(html, "text-heading")
    assert text.index('<h3 id="text-1">Projektidé</h3>') < text.index('<h3 id="text-2">Baggrund</h3>')
    assert "Fra Byaftalen: Parterne bag Byaftalen skal arbejde" in text
    groupings = section(html, "groupings-heading")
    assert "Tema: Hus 88 som fyrtårn</h3>" in groupings
    hus_88 = groupings.split("Tema: Hus 88 som fyrtårn</h3>")[1].split("<h3")[0]
    assert "Korsløkke Ungdomsskole</a> – tovholder" in hus_88
    assert "Synliggørelse</a>" in hus_88 and "Åben rådgivning</a>" in hus_88
    responsibilities = table(html, "area-responsibilities")
    assert row_with(responsibilities, "Boligstrategisk Sekretariat").count("Tovholder") == 1
    assert "hele indsatsområdet Fælles områdetilgang" in row_with(responsibilities, "Boligstrategisk Sekretariat")
    assert "kun de tryghedsskabende foranstaltninger i Blangstedgård" in row_with(responsibilities, "Socialcentret")
    assert "hele temaet Hus 88 som fyrtårn" in row_with(responsibilities, "Korsløkke Ungdomsskole")
    milestones = table(html, "area-milestones")
    assert "Blangstedgård 25 års jubilæum" in milestones
    relations = table(html, "area-relations")
    row = row_with(relations, "Øge brugen af beboerhuse")
    assert "<td>understøttes af</td>" in row
    assert f'href="{project_url(Project.objects.get(area__slug="boligsociale-indsatser", number=2))}"' in row
    assert html.count('class="gantt-row"') == 15
    assert 'href="/static/css/gantt.css"' in html
    projects = table(html, "area-projects")
    assert projects.count('<th scope="row"') == 15
    assert '<td class="number">–</td>' in row_with(projects, "Studietur")  # no hour budget given
    assert "Tema: En by i byen" in row_with(projects, "Studietur")


def test_an_area_page_tells_when_and_by_whom_the_area_was_last_changed(client, seeded):
    editor = make_user(SECRETARIAT, first_name="Signe", last_name="Sekretær")
    project = Project.objects.get(area__slug="faelles-omraadetilgang", number=1)
    project.title = "Studietur til Malmø"
    project._history_user = editor
    project.save()

    html = page_of(client, area_url("faelles-omraadetilgang"), STEERING_GROUP)

    changed = re.search(r'<p class="dash-changed" id="last-change">(.*?)</p>', html, re.S).group(1)
    assert "Sidst ændret:" in changed
    assert "af Signe Sekretær – Projekt ændret" in changed
    assert timezone.localtime().strftime("%Y") in changed


def test_a_board_member_reads_when_the_area_changed_but_not_who_filed_which_traffic_light(client, seeded):
    member = make_user(STEERING_GROUP, username="sek-gitte", first_name="Gitte", last_name="Gruppe")
    client.force_login(member)
    report = {"date": timezone.localdate().isoformat(), "light": "red", "text": "Udbuddet er forsinket."}
    client.post(
        reverse("projects:new-status-report", args=["energi-og-klima", 1]), {**report, "progress": "30"}, follow=True
    )

    board = page_of(client, area_url("energi-og-klima"), BOARD_MEMBER)
    steering = page_of(client, area_url("energi-og-klima"), STEERING_GROUP)

    changed = re.search(r'<p class="dash-changed" id="last-change">(.*?)</p>', board, re.S).group(1)
    assert re.fullmatch(r'<span class="dash-changed-label">Sidst ændret:</span>\s+\d+\. \w+ 20\d\d', changed)
    for secret in ("rød", "Statusrapport", "Gitte", "sek-gitte"):
        assert secret not in board
    assert "af Gitte Gruppe – Statusrapport" in steering and ": rød" in steering


# The same queries at 10 and at 1,000 projects


@pytest.mark.slow
@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("role", [STEERING_GROUP, BOARD_MEMBER])
def test_an_area_page_runs_the_same_queries_however_large_the_plan(
    client, seeded, django_assert_num_queries, size, role
):
    grow_plan(size)
    client.force_login(make_user(role))

    # session, user, savepoint, 2 × permissions, the area, the cached parts' key (byaftale.stamps), the last
    # change, release; the area again with its sections, milestones, responsibilities, lines or themes and theirs
    # (6); the figures: the tally and the first rows of four attention lists (5); the page's projects, the first
    # of each line or theme, and the Tidsplan's projects with their milestones (4); the milestones (counts, the
    # next, the overdue) and what starts and ends soon (counts, the first of each); the relations to the area
    # and their count; the meetings that treated the area and their open follow-up points
    # (meetings.pages.area_treated_at); the session's renewal: savepoint, update, release; the Tidsplan's
    # baseline: the versions and the chosen one
    with django_assert_num_queries(9 + 6 + 5 + 4 + 6 + 2 + 2 + 3 + 2):
        response = client.get(area_url("energi-og-klima"))
    # Rendered once, the plan's part comes from the cache until something it shows changes.
    with django_assert_num_queries(9 + 2 + 3):
        cached = client.get(area_url("energi-og-klima"))
    for heading in ("projects-heading", "timeline-heading"):
        assert section(cached.content.decode(), heading) == section(response.content.decode(), heading)

    html = response.content.decode()
    assert response.status_code == 200
    projects = Project.objects.filter(area__slug="energi-og-klima").count()
    # A page of projects, with their Tidsplan; the rest are a click away.
    assert html.count('class="gantt-row"') == min(projects, AREA_PAGE_PROJECTS)
    related = Relation.objects.filter(to_area__slug="energi-og-klima").count()
    assert table(html, "area-relations").count('<th scope="row"') == min(related, RELATION_ROWS)
    if related > RELATION_ROWS:
        assert f"og {related - RELATION_ROWS} flere, som ikke vises her" in section(html, "relations-heading")


def test_a_large_area_shows_its_projects_fifty_at_a_time_with_the_time_plan_of_that_page(client, seeded):
    grow_plan(400)  # a hundred of them in Energi og klima
    projects = list(Project.objects.filter(area__slug="energi-og-klima").order_by("number"))

    first = page_of(client, area_url("energi-og-klima"))
    second = page_of(client, area_url("energi-og-klima") + "?side=2")

    listed = table(second, "area-projects")
    assert rows_in_table(listed) == AREA_PAGE_PROJECTS
    assert f'href="{project_url(projects[AREA_PAGE_PROJECTS])}"' in listed  # the 51st
    assert f'href="{project_url(projects[AREA_PAGE_PROJECTS - 1])}"' not in listed  # the 50th was on page 1
    assert f"De {len(projects)} projekter i Energi og klima, her vist: 51–100" in second
    assert 'href="?side=2" rel="next">Næste projekter →</a>' in first
    assert second.count('class="gantt-row"') == AREA_PAGE_PROJECTS
    assert "Projekterne 51–100 i listen ovenfor." in section(second, "timeline-heading")
    assert client.get(area_url("energi-og-klima") + "?side=9").status_code == 404
    # The figures are the whole area's on every page.
    assert section(first, "figures-heading") == section(second, "figures-heading")


def rows_in_table(table_html: str) -> int:
    return table_html.count('<th scope="row"')


def test_every_kind_of_change_shows_on_the_area_page_at_once(client, seeded):
    """The plan's part of the area page is cached; each way what it shows changes must move the key."""
    url = area_url("energi-og-klima")

    def part(heading: str, role: str = STEERING_GROUP) -> str:
        return section(page_of(client, url, role), heading)

    before = part("figures-heading")
    assert part("figures-heading") == before  # from the cache
    make_hours(project=energy(3), hours=Decimal("12.5"))
    assert part("figures-heading") != before
    text = FocusArea.objects.get(slug="energi-og-klima").sections.first()
    text.body = "Et nyt afsnit om energi."
    text.save()
    assert "Et nyt afsnit om energi." in part("text-heading")
    grow_plan(8)  # bulk_create, no history: two of them in Energi og klima
    assert f"De {Project.objects.filter(area__slug='energi-og-klima').count()} projekter" in part("projects-heading")
    # A board member gets the page without figures, whatever a steering group member's visit left in the cache.
    assert "Nøgletal" not in page_of(client, url, BOARD_MEMBER)
