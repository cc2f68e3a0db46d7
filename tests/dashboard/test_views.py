"""The dashboard (the front page after sign-in), as the steering group, the secretariat and the board see it:
who may see what, the figures in Danish, the attention lists, and the same queries however large the plan."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from areas.models import ActionPlan, FocusArea
from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from cooperation.models import CooperationAgreement
from cooperation.revision import next_revision_year
from projects.demo import generate_demo_projects
from projects.models import Milestone, Project, StatusReport
from projects.progress import attention_rows
from tests.factories import make_area, make_hours, make_milestone, make_plan, make_status_report, make_user
from tests.plan_pages import (
    DASHBOARD,
    DAY,
    WEEK,
    area_url,
    assert_well_structured,
    danish,
    energy,
    grow_plan,
    numbers_in,
    page_of,
    plan_total,
    project_url,
    row_with,
    section,
    table,
)

pytestmark = pytest.mark.django_db

# Who may see the dashboard


def test_anonymous_visitors_are_sent_to_sign_in(client, seeded):
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={DASHBOARD}"


@pytest.mark.parametrize("role", [STEERING_GROUP, SECRETARIAT])
def test_the_steering_group_and_the_secretariat_see_the_dashboard(client, seeded, role):
    html = page_of(client, DASHBOARD, role)

    assert "<h1>Overblik over handlingsplanen</h1>" in html
    assert 'aria-current="page">Overblik</a>' in html


def test_a_board_member_is_sent_to_the_masterplan_not_refused(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))

    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == reverse("documents:masterplan")
    assert client.get(response["Location"]).status_code == 200


def test_a_user_without_a_role_is_refused(client, seeded):
    client.force_login(make_user())

    assert client.get(DASHBOARD).status_code == 403


def test_a_contact_person_without_a_role_lands_on_their_project(client, seeded):
    contact = make_user()
    energy(3).contact_persons.add(contact)
    client.force_login(contact)

    assert client.get(DASHBOARD)["Location"] == project_url(energy(3))


def test_a_contact_person_of_several_projects_lands_on_the_list_of_them(client, seeded):
    contact = make_user()
    for number in (3, 5):
        energy(number).contact_persons.add(contact)
    client.force_login(contact)

    page = client.get(DASHBOARD).content.decode()

    assert "<h1>Dine projekter</h1>" in page
    assert project_url(energy(3)) in page and project_url(energy(5)) in page
    assert project_url(energy(4)) not in page


# Hours


def test_the_dashboard_shows_each_areas_hours_and_the_plans_total(client, seeded):
    html = page_of(client, DASHBOARD)

    hours = table(html, "hours-table")
    energy_row = row_with(hours, "Energi og klima")
    total_row = row_with(hours, "Hele planen")
    assert numbers_in(energy_row)[:2] == ["10", "5.660"]
    assert numbers_in(total_row)[:2] == ["33", danish(plan_total())]
    assert f"{danish(plan_total())} timer" in section(html, "plan-heading")
    assert f'href="{area_url("energi-og-klima")}">Energi og klima</a>' in energy_row


def test_the_hours_chart_is_an_svg_with_the_figures_in_words(client, seeded):
    make_hours(project=energy(1), hours=Decimal("600"))

    html = page_of(client, DASHBOARD)

    chart = re.search(r'<svg class="dash-svg dash-hours".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in chart
    assert "<title" in chart and "Budgetterede og registrerede timer pr. indsatsområde" in chart
    assert "Energi og klima: 600 af 5.660 timer registreret (11 %)" in chart
    assert ">600 af 5.660 timer (11 %)</text>" in chart
    assert "Intet timebudget · 0 timer registreret" in chart
    assert html.count('role="img"') == 3  # hours, status, traffic lights


def test_a_project_with_more_hours_than_budgeted_is_marked_and_listed(client, seeded):
    over, within = energy(3), energy(1)
    make_hours(project=over, hours=Decimal("320.5"))
    make_hours(project=within, hours=Decimal("100"))

    html = page_of(client, DASHBOARD)

    budget = table(html, "attention-budget")
    row = row_with(budget, over.title)
    assert f'href="{project_url(over)}">Delprojekt 3: Energi på dagsordenen</a>' in row
    assert "⚠</span> Over budget" in row
    assert numbers_in(row) == ["300", "320,50", "20,50"]
    assert within.title not in budget
    assert "1 projekt" in section(html, "plan-heading")


# Status and traffic lights


def test_projects_are_counted_by_phase_per_area_and_for_the_plan_once_each(client, seeded):
    # The seed's projects are all marked «ikke startet» but began in 2011–2012: none counts as not started.
    Project.objects.filter(area__slug="energi-og-klima", number__in=[1, 2]).update(status=Project.Status.IN_PROGRESS)
    Project.objects.filter(area__slug="energi-og-klima", number=1).update(end_date=timezone.localdate() + 30 * DAY)
    Project.objects.filter(area__slug="energi-og-klima", number=3).update(status=Project.Status.DONE, progress=100)

    html = page_of(client, DASHBOARD)

    statuses = table(html, "status-table")
    assert re.findall(r'<th scope="col" class="number">([^<]+)</th>', statuses)[:6] == [
        "Planlagt",
        "I gang",
        "Forsinket",
        "Sat i bero",
        "Afsluttet",
        "Aflyst",
    ]
    assert numbers_in(row_with(statuses, "Energi og klima"))[:7] == ["0", "1", "8", "0", "1", "0", "10"]
    assert numbers_in(row_with(statuses, "Hele planen"))[:7] == ["0", "7", "25", "0", "1", "0", "33"]
    assert "1 af 33 afsluttet" in row_with(statuses, "Hele planen")
    # The figures say the same: 32 under way, and every one of them lacks a recent report.
    figures = section(html, "plan-heading")
    assert "I gang: 7, Forsinket: 25, Afsluttet: 1" in figures
    assert "32 projekter" in figures


def test_a_project_with_a_red_report_needs_attention_and_a_green_one_does_not(client, seeded):
    make_status_report(project=energy(2), light=StatusReport.Light.RED, text="Finansieringen mangler.")
    make_status_report(project=energy(4), light=StatusReport.Light.GREEN)

    html = page_of(client, DASHBOARD)

    attention = section(html, "attention-heading")
    lights = table(attention, "attention-lights")
    row = row_with(lights, "Finansiering fra A til Z")
    assert f'href="{project_url(energy(2))}"' in row
    assert "■</span> Rød</span>" in row
    assert "Energividen med på arbejde" not in lights
    lights_table = table(html, "lights-table")
    assert numbers_in(row_with(lights_table, "Energi og klima"))[:4] == ["1", "0", "1", "8"]


def test_a_running_project_without_a_report_in_four_weeks_is_flagged_and_one_with_a_fresh_report_is_not(client, seeded):
    today = timezone.localdate()
    make_status_report(project=energy(4), date=today - 5 * WEEK, light=StatusReport.Light.GREEN)
    make_status_report(project=energy(3), date=today - WEEK, light=StatusReport.Light.GREEN)

    html = page_of(client, DASHBOARD)

    attention = section(html, "attention-heading")
    # The flag is said once, as the list's heading, not on every row.
    assert re.search(r'<h3 id="attention-reports-heading">.*⚑</span> Ingen statusrapport i 4 uger', attention)
    flagged = table(attention, "attention-reports")
    assert "Ingen statusrapport" not in flagged
    row = row_with(flagged, "Energividen med på arbejde")
    assert "for 5 uger siden" in row
    assert "Energi på dagsordenen" not in flagged
    assert "aldrig" in row_with(flagged, "Finansiering fra A til Z")


def test_the_weeks_setting_decides_when_a_project_is_flagged(client, seeded, settings):
    settings.STATUS_REPORT_WEEKS = 6
    make_status_report(project=energy(4), date=timezone.localdate() - 5 * WEEK)

    html = page_of(client, DASHBOARD)

    attention = section(html, "attention-heading")
    assert "Ingen statusrapport i 6 uger" in attention
    assert "Energividen med på arbejde" not in table(attention, "attention-reports")


# What lies ahead


def test_the_next_and_the_overdue_milestones_are_relative_to_today(client, seeded):
    today = timezone.localdate()
    area = FocusArea.objects.get(slug="tidssvarende-boliger")
    make_milestone(project=energy(1), date=today + 10 * DAY, title="Energimærker for alle afdelinger")
    make_milestone(area=area, date=today - 20 * DAY, title="Status til styregruppen")
    make_milestone(project=energy(2), date=today - 30 * DAY, title="Allerede nået", reached=True)
    # The seed's own milestones lie years back; reached, they leave the new one among the first rows shown.
    Milestone.objects.filter(date__lt=today - 100 * DAY).update(reached=True)

    html = page_of(client, DASHBOARD)

    upcoming = table(html, "milestones-next")
    overdue = table(html, "milestones-overdue")
    row = row_with(upcoming, "Energimærker for alle afdelinger")
    assert f'href="{project_url(energy(1))}"' in row
    assert row_with(overdue, "Status til styregruppen")
    assert f'href="{area_url("tidssvarende-boliger")}">hele indsatsområdet Tidssvarende boliger</a>' in overdue
    assert "Status til styregruppen" not in upcoming
    assert "Allerede nået" not in html
    assert 'Overskredne milepæle <span class="dash-count-badge">(1)</span>' in html


def test_the_overdue_milestones_show_the_ten_longest_overdue_and_count_the_rest(client, seeded):
    today = timezone.localdate()
    overdue_count = Milestone.objects.filter(reached=False, date__lt=today).count()
    oldest = Milestone.objects.filter(reached=False, date__lt=today).order_by("date", "pk")

    html = page_of(client, DASHBOARD)

    overdue = table(html, "milestones-overdue")
    assert overdue_count > 10
    assert overdue.count("<tr") == 1 + 10  # the head and ten rows
    assert row_with(overdue, oldest[0].title)
    assert f'Overskredne milepæle <span class="dash-count-badge">({overdue_count})</span>' in html
    whole_url = reverse("dashboard:milestones", args=["overskredne"])
    assert f'<a href="{whole_url}">Vis alle ({overdue_count})</a>' in section(html, "milestones-heading")

    whole = page_of(client, whole_url)
    listed = table(whole, "milestones-list")
    assert listed.count("<tr") == 1 + overdue_count
    assert row_with(listed, oldest[0].title)
    assert "Ikke nået, overskredet" in listed


def test_the_milestones_ahead_link_to_all_of_them_and_an_areas_to_its_own(client, seeded):
    today = timezone.localdate()
    area = FocusArea.objects.get(slug="tidssvarende-boliger")
    for i in range(15):
        make_milestone(area=area, date=today + (40 + i) * DAY, title=f"Etape {i + 1}")
    make_milestone(project=energy(1), date=today + 500 * DAY, title="Langt ude")

    html = page_of(client, area_url("tidssvarende-boliger"))

    whole_url = reverse("dashboard:milestones", args=["kommende"]) + "?omraade=tidssvarende-boliger"
    assert f'<a href="{whole_url.replace("&", "&amp;")}">Vis alle (15)</a>' in html
    whole = page_of(client, whole_url)
    listed = table(whole, "milestones-list")
    assert [f"Etape {i + 1}" in listed for i in range(15)] == [True] * 15
    assert "Langt ude" not in listed  # another area's
    assert client.get(reverse("dashboard:milestones", args=["alle"])).status_code == 404
    client.force_login(make_user(BOARD_MEMBER))
    assert client.get(whole_url).status_code == 403


def test_projects_starting_and_ending_in_the_coming_months(client, seeded):
    today = timezone.localdate()
    Project.objects.filter(pk=energy(5).pk).update(start_date=today + 20 * DAY, end_date=today + 400 * DAY)
    Project.objects.filter(pk=energy(6).pk).update(end_date=today + 40 * DAY, status=Project.Status.IN_PROGRESS)
    Project.objects.filter(pk=energy(7).pk).update(start_date=today + 200 * DAY, end_date=today + 400 * DAY)

    html = page_of(client, DASHBOARD)

    schedule = section(html, "schedule-heading")
    assert "Starter og slutter de kommende 3 måneder" in schedule
    assert f'href="{project_url(energy(5))}">Delprojekt 5: Hvor effektiv er din boligforening?</a>' in table(
        schedule, "schedule-starting"
    )
    assert "Energirådgivning i øjenhøjde" in table(schedule, "schedule-ending")
    assert "Eksempelsamling" not in schedule


def test_the_dashboard_tells_when_the_agreement_is_next_revised(client, seeded):
    today = timezone.localdate()
    year = next_revision_year(CooperationAgreement.objects.get(), today=today)

    html = page_of(client, DASHBOARD)

    if year == today.year:
        assert f"skal revideres i år, {year}." in html
    else:
        assert f"skal revideres næste gang i {year}." in html
    assert "Aftale om etablering og drift af boligstrategisk samarbejde i Odense" in html


def test_a_plan_without_projects_yet_shows_what_is_missing(client, db):
    make_area(plan=make_plan(), name="Energi og klima")

    html = page_of(client, DASHBOARD)

    assert "Intet projekt har rødt eller gult lys." in html
    assert "Alle igangværende projekter har en nylig statusrapport." in html
    assert "Intet projekt har registreret flere timer end budgetteret." in html
    assert "Der er ingen kommende milepæle." in html
    assert "Ingen milepæle er overskredet." in html
    assert numbers_in(row_with(table(html, "hours-table"), "Energi og klima"))[:2] == ["0", "0"]


# Structure


def test_the_dashboard_has_one_h1_headings_in_order_and_tables_with_captions(client, seeded):
    make_status_report(project=energy(2), light=StatusReport.Light.RED)
    make_hours(project=energy(3), hours=Decimal("400"))

    html = page_of(client, DASHBOARD)

    assert_well_structured(html)
    assert 'href="/static/css/dashboard.css"' in html
    for slug in ("energi-og-klima", "tidssvarende-boliger", "boligsociale-indsatser", "faelles-omraadetilgang"):
        assert f'href="{area_url(slug)}"' in html


# The same queries at 10 and at 1,000 projects


@pytest.mark.slow
@pytest.mark.parametrize("size", [10, 1000])
def test_the_dashboard_runs_the_same_queries_however_large_the_plan(client, seeded, django_assert_num_queries, size):
    grow_plan(size)
    client.force_login(make_user(STEERING_GROUP))

    # session, user, savepoint, 2 × permissions, plan, the cached part's key (byaftale.stamps), release;
    # the figures: the areas, their tally and the first rows of the four attention lists;
    # the milestones (counts, the next, the overdue) and what starts and ends soon (counts, the first of each);
    # the meetings' follow-up points (counts, the first ten) and this year's activities (frame, totals);
    # the session's renewal: savepoint, update, release; the agreement's last revision held;
    # the slippage panel (versions.templatetags): the baseline version, its projects today and their milestones
    with django_assert_num_queries(8 + 6 + 6 + 4 + 3 + 1 + 3):
        response = client.get(DASHBOARD)
    # Rendered once, the plan's part comes from the cache until something it shows changes.
    with django_assert_num_queries(8 + 4 + 3):
        cached = client.get(DASHBOARD)

    assert response.status_code == 200
    for heading in ("plan-heading", "attention-heading", "milestones-heading", "schedule-heading"):
        assert section(cached.content.decode(), heading) == section(response.content.decode(), heading)
    # Every list shows its first rows only: 4 attention lists, 2 of milestones, 2 of starts and ends.
    assert 10 < response.content.decode().count('href="/projekter/') <= 8 * 10


def test_every_kind_of_change_shows_on_the_dashboard_at_once(client, seeded):
    """The plan's part of the dashboard is cached; each way its figures change must move the key."""
    client.force_login(make_user(SECRETARIAT))

    def figures() -> str:
        return section(client.get(DASHBOARD).content.decode(), "plan-heading")

    before = figures()
    assert figures() == before  # from the cache
    make_hours(project=energy(3), hours=Decimal("12.5"))  # a form's or the admin's save
    after_hours = figures()
    assert "12,50 timer" in after_hours
    make_status_report(project=energy(3), light=StatusReport.Light.RED)
    after_report = figures()
    assert after_report != after_hours
    generate_demo_projects(plan=ActionPlan.objects.get(), count=3)  # bulk_create, no history
    assert "36" in figures()
    StatusReport.objects.filter(project=energy(3)).delete()  # a queryset's delete
    assert figures() != after_report
    # Each reader gets their own: English for one who chose it.
    client.cookies["django_language"] = "en"
    assert "hours" in figures()


# Attention lists: the first ten rows, then the whole list on its own page


def rows_in(table_html: str) -> int:
    return table_html.count('<th scope="row"')


def test_an_attention_list_shows_its_first_ten_rows_and_links_to_all_of_them(client, seeded):
    html = page_of(client, DASHBOARD)

    flagged = table(section(html, "attention-heading"), "attention-reports")
    assert rows_in(flagged) == 10
    whole_url = reverse("dashboard:attention", args=["statusrapport"])
    assert f'<a href="{whole_url}">Vis alle (33)</a>' in html

    whole = page_of(client, whole_url)
    assert rows_in(table(whole, "attention-reports")) == 33
    assert "⚑</span> Ingen statusrapport i 4 uger" in whole
    assert "Vis alle" not in whole


def test_a_long_attention_list_comes_in_pages_of_a_hundred(client, seeded):
    grow_plan(150)
    whole_url = reverse("dashboard:attention", args=["statusrapport"])
    flagged = attention_rows(Project.objects.all(), "statusrapport", today=timezone.localdate()).count()

    first = page_of(client, whole_url)
    second = page_of(client, f"{whole_url}?side=2")

    assert 100 < flagged <= 200
    assert rows_in(table(first, "attention-reports")) == 100
    assert rows_in(table(second, "attention-reports")) == flagged - 100
    assert f"{flagged} projekter; her vist: 1–100" in first
    assert 'href="?side=2" rel="next">Næste projekter →</a>' in first
    assert 'href="?side=1" rel="prev">← Forrige projekter</a>' in second
    assert client.get(f"{whole_url}?side=3").status_code == 404


def test_an_areas_attention_list_links_to_the_whole_list_of_that_area_only(client, seeded):
    html = page_of(client, area_url("faelles-omraadetilgang"))

    assert rows_in(table(section(html, "attention-heading"), "attention-reports")) == 10
    whole_url = reverse("dashboard:attention", args=["statusrapport"]) + "?omraade=faelles-omraadetilgang"
    assert f'<a href="{whole_url}">Vis alle (15)</a>' in html
    whole = page_of(client, whole_url)
    assert rows_in(table(whole, "attention-reports")) == 15
    assert "Energi på dagsordenen" not in whole


def test_a_list_of_ten_or_fewer_has_no_link_to_the_whole(client, seeded):
    html = page_of(client, area_url("energi-og-klima"))

    assert rows_in(table(section(html, "attention-heading"), "attention-reports")) == 10
    assert "Vis alle" not in html


def test_the_secretariat_sees_which_statuses_the_data_contradicts_and_the_steering_group_does_not(client, seeded):
    project = energy(1)
    make_hours(project=project, date=timezone.localdate(), hours=Decimal("22"))
    Project.objects.filter(pk=project.pk).update(progress=20)

    html = page_of(client, DASHBOARD, SECRETARIAT)

    attention = section(html, "attention-heading")
    assert '<h3 id="attention-status-heading">Status passer ikke med data</h3>' in attention
    row = row_with(table(attention, "attention-status"), "Koordinering af energi og klimaindsatsen")
    assert "<td>Ikke startet</td>" in row
    assert "<td>Forsinket</td>" in row
    assert "startdatoen 1. april 2011 er passeret; der er registreret 22,00 timer; fremdriften er 20 %" in row
    assert "Vis alle (33)" in attention
    assert "Status passer ikke med data" not in page_of(client, DASHBOARD, STEERING_GROUP)
    assert "Status passer ikke med data" not in page_of(client, area_url("energi-og-klima"), STEERING_GROUP)
    project_page = page_of(client, project_url(project), SECRETARIAT)
    assert "markeret «ikke startet», men startdatoen 1. april 2011 er passeret" in project_page
    assert "Status passer ikke med data" not in page_of(client, project_url(project), STEERING_GROUP)
