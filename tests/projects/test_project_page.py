"""A project's page: everything the sources say about the project, read from both ends of its relations,
and for those who follow progress its hours and status reports; the same queries however large the plan."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from areas.models import ActionPlan
from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from projects.demo import generate_demo_projects
from projects.models import HourRegistration, Milestone, Project, Relation, StatusReport
from tests.factories import make_hours, make_milestone, make_project, make_status_report, make_user
from tests.html import element, elements

pytestmark = pytest.mark.django_db


def page_of(client, user, area_slug: str, number: int) -> str:
    client.force_login(user)
    response = client.get(reverse("projects:project", args=[area_slug, number]))
    assert response.status_code == 200
    return response.content.decode()


def row_with(html: str, text: str) -> str:
    """The table row that holds `text`."""
    rows = [row.outer for row in elements(html, "tr") if text in row.outer]
    assert rows, f"no row with {text!r}"
    return rows[0]


def section(html: str, heading_id: str) -> str:
    return element(html, "section", aria_labelledby=heading_id).inner


def energy(number: int) -> Project:
    return Project.objects.get(area__slug="energi-og-klima", number=number)


# Who may see it


def test_strangers_are_sent_to_sign_in(client, seeded):
    url = reverse("projects:project", args=["energi-og-klima", 1])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_a_user_without_a_role_is_refused(client, seeded):
    client.force_login(make_user())

    assert client.get(reverse("projects:project", args=["energi-og-klima", 1])).status_code == 403


def test_a_contact_person_without_a_role_sees_their_own_project_and_its_progress(client, seeded):
    person = make_user()
    energy(3).contact_persons.add(person)
    make_hours(project=energy(3), hours=Decimal("12"), note="Workshop med driftschefer")

    html = page_of(client, person, "energi-og-klima", 3)

    assert "Energi på dagsordenen" in html
    assert "Workshop med driftschefer" in html
    assert client.get(reverse("projects:project", args=["energi-og-klima", 4])).status_code == 403


def test_an_unknown_project_is_not_found(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))

    assert client.get(reverse("projects:project", args=["energi-og-klima", 99])).status_code == 404
    assert client.get(reverse("projects:project", args=["findes-ikke", 1])).status_code == 404


# What the sources say


def test_the_energy_coordination_project_shows_what_the_sources_say(client, seeded):
    html = page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1)

    assert html.count("<h1") == 1
    assert '<h1><span class="project-label">Projekt 1:</span> Koordinering af energi og klimaindsatsen</h1>' in html
    assert f'href="{reverse("areas:area", args=["energi-og-klima"])}">Energi og klima</a>' in html
    assert "1. april 2011 – 1. april 2013" in html
    assert "1.750 timer" in html
    # Marked «ikke startet», but it began in 2011 and was due to end in 2013: the page says what the data says.
    assert "<dt>Status</dt><dd>Forsinket" in html
    assert "Status passer ikke med data" not in html  # the secretariat's to correct, not the board's to read
    assert "Overordnet koordinatorrolle og bindeled mellem de øvrige delprojekter." in html
    assert "Total 1750 timer" in html  # the time horizon as written
    assert "Bystrategisk Stab, Den Fælles Boligstrategiske Gruppe." in html  # the responsibilities as written


def test_responsibilities_link_to_the_parties(client, seeded):
    html = section(page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1), "responsibilities-heading")

    row = row_with(html, "Bystrategisk Stab</a>")
    party = energy(1).responsibilities.get(party__name="Bystrategisk Stab").party
    assert f'href="{reverse("parties:party", args=[party.pk])}"' in row
    assert "Ansvarlig" in row
    assert "dette projekt" in row


def test_responsibilities_stated_for_the_theme_and_the_area_are_shown_and_marked(client, seeded):
    html = section(page_of(client, make_user(BOARD_MEMBER), "faelles-omraadetilgang", 4), "responsibilities-heading")

    assert "hele temaet Markedsføring" in row_with(html, "Grundejerforeningen Blangstedgård")
    assert "Tovholder" in row_with(html, "Grundejerforeningen Blangstedgård")
    assert "hele indsatsområdet Fælles områdetilgang" in row_with(html, "Boligstrategisk Sekretariat")
    tryk_by = row_with(html, "Tryk By-sekretariatet")
    assert "kun de tryghedsskabende foranstaltninger i Blangstedgård, i indsatsområdet Fælles områdetilgang" in tryk_by
    assert "hele indsatsområdet" not in tryk_by
    assert "dette projekt" in row_with(html, "Beboerne i Blangstedgård")


def test_a_relation_reads_from_both_ends(client, seeded):
    board_member = make_user(BOARD_MEMBER)
    part = section(page_of(client, board_member, "energi-og-klima", 4), "relations-heading")
    whole = section(page_of(client, board_member, "energi-og-klima", 3), "relations-heading")

    row = row_with(part, "Projektet er et led i delprojekt 3.")
    assert "er en del af" in row
    assert (
        f'href="{reverse("projects:project", args=["energi-og-klima", 3])}">Delprojekt 3: Energi på dagsordenen' in row
    )
    row = row_with(whole, "Projektet er et led i delprojekt 3.")
    assert "omfatter" in row
    assert f'href="{reverse("projects:project", args=["energi-og-klima", 4])}">Delprojekt 4: Energividen' in row


def test_a_relation_to_a_whole_area_shows_on_the_project_and_on_the_areas_projects(client, seeded):
    board_member = make_user(BOARD_MEMBER)
    survey = section(page_of(client, board_member, "tidssvarende-boliger", 1), "relations-heading")
    coordination = section(page_of(client, board_member, "energi-og-klima", 1), "relations-heading")

    row = row_with(survey, "hele indsatsområdet Energi og klima")
    assert "kan bidrage til" in row
    assert f'href="{reverse("areas:area", args=["energi-og-klima"])}"' in row
    assert "Projekter med sammenhæng til hele indsatsområdet Energi og klima" in coordination
    assert "kan bidrage til hele indsatsområdet" in row_with(coordination, "Kortlægning af boligafdelinger")


def test_financing_figures_are_written_the_danish_way(client, seeded):
    html = section(page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1), "financing-heading")

    assert "500.000 kr./år" in row_with(html, "Tilkøb af eksterne rådgiver")
    assert "ca." in row_with(html, "Tilkøb af eksterne rådgiver")  # an estimate
    assert "1 årsværk" in row_with(html, "fuldt årsværk")
    assert "Der kræves estimeret et fuldt årsværk" in html.split("Som skrevet:")[-1]  # the text as written


def test_the_payer_of_a_financing_figure_links_to_its_page(client, seeded):
    html = section(page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 2), "financing-heading")

    payer = energy(2).financing_items.get().payer
    assert f'href="{reverse("parties:party", args=[payer.pk])}">Boligorganisationerne</a>' in html


def test_milestones_say_whether_they_are_reached_or_overdue(client, seeded):
    project = Project.objects.get(area__slug="tidssvarende-boliger", number=1)
    Milestone.objects.filter(project=project, title__startswith="Talmaterialet").update(reached=True)

    html = section(page_of(client, make_user(BOARD_MEMBER), "tidssvarende-boliger", 1), "timeline-heading")

    assert "Nået" in row_with(html, "Talmaterialet til kortlægningen af afdelingerne foreligger")
    assert "Ikke nået, overskredet" in row_with(html, "Første udkast til ”blinklys” foreligger")
    assert "Milepæle for hele indsatsområdet Tidssvarende boliger" in html
    assert "Projekterne opstartes" in html


def test_a_milestone_ahead_is_neither_reached_nor_overdue(client, db):
    today = timezone.localdate()
    project = make_project(start_date=today.replace(day=1), end_date=datetime.date(today.year + 2, 1, 1))
    make_milestone(project=project, date=datetime.date(today.year + 1, 6, 1), title="Evaluering foreligger")

    html = page_of(client, make_user(BOARD_MEMBER), project.area.slug, project.number)

    assert "Forude" in row_with(html, "Evaluering foreligger")
    assert 'class="timeline-today"' in html  # today falls within the period


def test_the_timeline_draws_the_period_with_numbered_milestones(client, seeded):
    html = section(page_of(client, make_user(BOARD_MEMBER), "tidssvarende-boliger", 1), "timeline-heading")

    svg = element(html, "svg").outer
    assert 'role="img"' in svg
    assert "Tidslinje for 1. projekt: Kortlægning af boligafdelinger" in svg
    assert "2 milepæle" in svg
    assert "I dag ligger efter den viste periode." in svg
    assert svg.count("<circle") == 2
    assert ">2011</text>" in svg


def test_an_approximate_open_ended_period_is_drawn_hatched_over_a_year(client, db):
    project = make_project(start_date=datetime.date(2011, 7, 1), start_wording="medio 2011", end_date=None)

    html = page_of(client, make_user(BOARD_MEMBER), project.area.slug, project.number)

    svg = element(html, "svg").outer
    assert "timeline-approximate" in svg and "timeline-open" in svg
    assert ">medio 2011</text>" in svg
    assert ">ingen slutdato angivet</text>" in svg
    assert svg.count('class="timeline-tick"') == 11  # twelve months, July 2011 to June 2012
    assert ">2012</text>" in svg


def test_the_progress_shows_as_a_bar_and_as_a_number(client, seeded):
    Project.objects.filter(pk=energy(1).pk).update(progress=40)

    html = page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1)

    assert '<progress max="100" value="40"' in html
    assert "<span>40 %</span>" in html


def test_the_page_names_the_contact_persons_and_the_last_change(client, seeded):
    project = energy(1)
    clerk = make_user(SECRETARIAT, first_name="Sanne", last_name="Sekretær")
    project.contact_persons.add(make_user(first_name="Kim", last_name="Kontakt"))
    project.title = "Koordinering af energi- og klimaindsatsen"
    project._history_user = clerk
    project.save()

    html = page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1)

    assert "Kim Kontakt" in html
    assert re.search(r"Sidst ændret</dt><dd>\d+\. \w+ 20\d\d, \d\d:\d\d af Sanne Sekretær: Projekt ændret", html)


def test_a_board_member_reads_when_the_project_changed_but_not_who_filed_which_traffic_light(client, seeded):
    member = make_user(STEERING_GROUP, username="sek-gitte", first_name="Gitte", last_name="Gruppe")
    client.force_login(member)
    report = {"date": timezone.localdate().isoformat(), "light": "red", "text": "Udbuddet er forsinket."}
    client.post(
        reverse("projects:new-status-report", args=["energi-og-klima", 1]), {**report, "progress": "30"}, follow=True
    )
    today = timezone.localtime().strftime("%-d. ")  # the day, as the page writes it

    board_html = page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1)
    steering_html = page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1)

    assert re.search(r"Sidst ændret</dt><dd>\d+\. \w+ 20\d\d</dd>", board_html)
    assert f"<dd>{today}" in board_html
    for secret in ("rød", "Statusrapport", "Gitte", "sek-gitte"):
        assert secret not in board_html
    assert re.search(r"Sidst ændret</dt><dd>[^<]* af Gitte Gruppe: Statusrapport [^:<]+: rød", steering_html)


DANISH_MONTHS = "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december"
ENGLISH_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# Anything that looks like a date in either language and either order, with its time if it has one.
ANY_DATE = re.compile(
    rf"(?:\d{{1,2}}\.? )?(?:{DANISH_MONTHS}|{ENGLISH_MONTHS}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.)"
    rf"(?: \d{{1,2}},)? \d{{4}}(?:,? \d{{1,2}}:\d\d(?: [ap]\.m\.)?)?",
    re.I,
)
ONE_STYLE = {
    # «1. december 2026», «1. december 2026, 14:30», «december 2026» / «December 2026» opening a cell.
    "da": re.compile(rf"^(?:\d{{1,2}}\. )?(?i:{DANISH_MONTHS}) \d{{4}}(?:, \d\d:\d\d)?$"),
    # «1 December 2026», «1 December 2026, 14:30», «December 2026».
    "en": re.compile(rf"^(?:\d{{1,2}} )?(?:{ENGLISH_MONTHS}) \d{{4}}(?:, \d\d:\d\d)?$"),
}


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_date_on_the_page_is_written_in_the_one_style_of_the_language(client, language):
    project = make_project(start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2026, 12, 1), progress=10)
    make_milestone(project=project, date=datetime.date(2026, 11, 17))
    make_hours(project=project, date=datetime.date(2026, 11, 2))
    make_status_report(project=project, date=datetime.date(2026, 11, 3))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    html = page_of(client, make_user(STEERING_GROUP), project.area.slug, project.number)

    dates = ANY_DATE.findall(re.sub(r"\s+", " ", html))
    assert len(dates) >= 6, dates  # period, milestone, hours, report, last change
    assert [date for date in dates if not ONE_STYLE[language].match(date)] == []


# Progress: hours and status reports


def test_hours_and_reports_are_hidden_from_a_board_member_who_still_reads_the_page(client, seeded):
    make_hours(project=energy(1), note="Møde i følgegruppen")
    make_status_report(project=energy(1), text="Forløber som planlagt.")

    html = page_of(client, make_user(BOARD_MEMBER), "energi-og-klima", 1)

    assert "Koordinering af energi og klimaindsatsen" in html
    assert "Møde i følgegruppen" not in html
    assert "Forløber som planlagt." not in html
    assert 'id="hours-heading"' not in html
    assert 'id="reports-heading"' not in html
    assert "Rapportér status" not in html
    assert "Registrér timer" not in html


def test_the_steering_group_sees_hours_against_the_budget(client, seeded):
    project = energy(1)
    make_hours(project=project, hours=Decimal("1000"), note="Første halvår")  # 42 days, at most 24 hours a day
    make_hours(project=project, hours=Decimal("500.5"), note="Andet halvår")  # 21 days

    html = section(page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1), "hours-heading")

    assert "1.500,50 timer registreret" in html
    assert "af 1.750 budgetterede (86 %)" in html
    assert "249,50 timer tilbage af budgettet." in html
    assert "Over budget" not in html
    assert "Seneste timeregistreringer (10 af 63)" in html
    assert "Andet halvår" in row_with(html, "24")


def test_a_project_over_its_budget_is_marked_in_words(client, seeded):
    make_hours(project=energy(3), hours=Decimal("320"))

    html = section(page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 3), "hours-heading")

    assert "Over budget:" in html
    assert "20 timer mere end budgetteret." in html


def test_only_the_latest_ten_registrations_are_listed_beside_the_total(client, seeded):
    project = energy(1)
    today = timezone.localdate()
    for days in range(12):
        make_hours(project=project, date=today - datetime.timedelta(days=days), hours=Decimal("2"), note=f"Dag {days}")

    html = section(page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1), "hours-heading")

    assert "Seneste timeregistreringer (10 af 12)" in html
    assert "Dag 9<" in html and "Dag 10<" not in html
    assert ">24<" in row_with(html, "I alt, alle registreringer")


def test_the_latest_five_status_reports_show_their_light_in_words(client, seeded):
    project = energy(1)
    today = timezone.localdate()
    make_status_report(project=project, date=today - datetime.timedelta(days=60), text="Den ældste rapport.")
    for days in range(4):
        make_status_report(project=project, date=today - datetime.timedelta(days=days + 10), text=f"Rapport {days}.")
    reporter = make_user(first_name="Gitte", last_name="Gruppe")
    make_status_report(
        project=project, light=StatusReport.Light.YELLOW, text="Tidsplanen skrider.", progress=30, reported_by=reporter
    )

    html = section(page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1), "reports-heading")

    row = row_with(html, "Tidsplanen skrider.")
    assert "Gul: i risiko" in row
    assert "light-yellow" in row
    assert "30 %" in row
    assert "Gitte Gruppe" in row
    assert "De seneste 5 statusrapporter" in html
    assert "Den ældste rapport." not in html
    assert "Statusrapport mangler" not in html


def test_a_running_project_without_a_recent_report_is_flagged(client, seeded, settings):
    settings.STATUS_REPORT_WEEKS = 6
    make_status_report(project=energy(1), date=timezone.localdate() - datetime.timedelta(weeks=7))

    html = section(page_of(client, make_user(STEERING_GROUP), "energi-og-klima", 1), "reports-heading")

    assert "Statusrapport mangler:" in html
    assert "ingen statusrapport i de seneste 6 uger." in html


# Who may act from the page


@pytest.mark.parametrize(
    ("role", "status", "hours"),
    [(SECRETARIAT, True, True), (STEERING_GROUP, True, False), (BOARD_MEMBER, False, False)],
)
def test_the_report_buttons_follow_the_role(client, seeded, role, status, hours):
    html = page_of(client, make_user(role), "energi-og-klima", 1)

    assert (reverse("projects:new-status-report", args=["energi-og-klima", 1]) in html) is status
    assert (reverse("projects:new-hours", args=["energi-og-klima", 1]) in html) is hours


def test_a_contact_person_gets_both_buttons(client, seeded):
    person = make_user(BOARD_MEMBER)
    energy(1).contact_persons.add(person)

    html = page_of(client, person, "energi-og-klima", 1)

    assert "Rapportér status" in html
    assert "Registrér timer" in html


def test_only_staff_who_may_change_projects_get_the_admin_link(client, seeded):
    admin_url = reverse("admin:projects_project_change", args=[energy(1).pk])

    assert admin_url in page_of(client, make_user(SECRETARIAT, is_staff=True), "energi-og-klima", 1)
    assert admin_url not in page_of(client, make_user(SECRETARIAT), "energi-og-klima", 1)
    assert admin_url not in page_of(client, make_user(STEERING_GROUP, is_staff=True), "energi-og-klima", 1)


# However large the plan


@pytest.mark.parametrize("size", [10, 1000])
def test_the_page_runs_the_same_queries_at_10_and_at_1000_projects(client, seeded, django_assert_num_queries, size):
    demo = generate_demo_projects(plan=ActionPlan.objects.get(), count=size)
    project = demo[0]
    # Everything that can grow with the plan grows on this project: relations in, hours, reports.
    Relation.objects.bulk_create(
        Relation(from_project=p, to_project=project, kind=Relation.Kind.RELATED) for p in demo[2:]
    )
    who = make_user()
    HourRegistration.objects.bulk_create(
        HourRegistration(project=project, date=timezone.localdate(), hours=1, registered_by=who) for _ in range(size)
    )
    client.force_login(make_user(SECRETARIAT, is_staff=True))
    url = reverse("projects:project", args=[project.area.slug, project.number])

    # 16, the meetings that treated the project and their open follow-up points (meetings.pages), the versions
    # the project has been in (versions.templatetags), and the session's renewal: a savepoint, its update and
    # the release. Of the 16, four read the plan content (milestones, responsibilities, relations, financing)
    # and one its cache key (projects.page_stamp).
    with django_assert_num_queries(16 + 2 + 1 + 3):
        response = client.get(url)
    # Asked again, the plan content comes from the cache: its four queries are left out.
    with django_assert_num_queries(12 + 2 + 1 + 3):
        again = client.get(url)

    for html in (response.content.decode(), again.content.decode()):
        assert html.count("har sammenhæng med</td>") == size - 2
        assert f"Seneste timeregistreringer (10 af {size + 3:,})".replace(",", ".") in html


def test_an_assumed_start_and_assumed_milestone_dates_say_antaget_beside_the_sources_words(client, seeded):
    html = page_of(client, make_user(BOARD_MEMBER), "tidssvarende-boliger", 1)

    assert "fra januar 2011 (antaget)" in html  # the period; the source says only «Januar»
    row = row_with(html, "Talmaterialet til kortlægningen af afdelingerne foreligger")
    assert "April 2011 (antaget)" in row and "som skrevet: April" in row
    assert "Januar 2011 (antaget)" in row_with(html, "Projekterne opstartes")  # the area's milestone


def test_a_contact_person_without_a_role_meets_no_link_to_a_page_their_role_refuses(client):
    from projects.models import FinancingItem
    from tests.factories import make_party, make_relation, make_responsibility

    own = make_project(title="Energi på dagsordenen")
    other = make_project(area=own.area, title="Energimærkning")
    party = make_party(name="Odense Kommune")
    make_responsibility(project=own, party=party)
    make_relation(from_project=own, to_project=other)
    make_relation(from_project=other, to_project=own)
    FinancingItem.objects.create(project=own, kind=FinancingItem.Kind.ONE_OFF, amount=Decimal(1000), payer=party)
    contact = make_user()
    own.contact_persons.add(contact)
    refused = [
        reverse("areas:area", args=[own.area.slug]),
        reverse("parties:party", args=[party.pk]),
        reverse("projects:project", args=[other.area.slug, other.number]),
    ]

    html = page_of(client, contact, own.area.slug, own.number)

    for url in refused:
        assert f'href="{url}"' not in html
        client.force_login(contact)
        assert client.get(url).status_code == 403
    # The names are still there, as text.
    assert own.area.name in html and "Odense Kommune" in row_with(html, "Odense Kommune")
    assert "Energimærkning" in html

    board_html = page_of(client, make_user(BOARD_MEMBER), own.area.slug, own.number)
    for url in refused:
        assert f'href="{url}"' in board_html


# Cached, yet never stale


def test_every_kind_of_edit_shows_on_the_page_at_once(client, db):
    """The plan content is cached (projects.page_stamp); each write path must move its key."""
    from django.db.models import F

    from projects.models import FinancingItem
    from tests.factories import make_party, make_relation, make_responsibility

    project = make_project(title="Energi på dagsordenen")
    other = make_project(area=project.area, title="Energimærkning")
    party = make_party(name="Odense Kommune")
    make_responsibility(project=project, party=party)
    make_relation(from_project=project, to_project=other)
    milestone = make_milestone(project=project, title="Første analyse foreligger")
    reader = make_user(BOARD_MEMBER)

    def page() -> str:
        return page_of(client, reader, project.area.slug, project.number)

    assert "Energimærkning" in page()
    # A save of the project, of a row of it, of a party and of another project it names (each with history).
    project.refresh_from_db()
    project.description = "Kommunen og boligorganisationerne sætter energi på dagsordenen."
    project.save()
    assert "sætter energi på dagsordenen" in page()
    milestone.title = "Analysen er færdig"
    milestone.save()
    assert "Analysen er færdig" in page()
    party.name = "Odense Kommune, Klima"
    party.save()
    assert "Odense Kommune, Klima" in section(page(), "responsibilities-heading")
    other.title = "Energimærkning af afdelingerne"
    other.save()
    assert "Energimærkning af afdelingerne" in section(page(), "relations-heading")
    # Rows added without history (bulk_create, as the demo generator does) and a bulk update that moves the
    # versions, as bulk updates must; the project's own row changed by any means at all.
    FinancingItem.objects.bulk_create(
        [FinancingItem(project=project, kind=FinancingItem.Kind.ONE_OFF, amount=Decimal(25000), payer=party)]
    )
    assert "25.000" in section(page(), "financing-heading")
    Milestone.objects.filter(pk=milestone.pk).update(reached=True, version=F("version") + 1)
    assert "Nået" in row_with(page(), "Analysen er færdig")
    Project.objects.filter(pk=project.pk).update(progress=55)
    assert "<span>55 %</span>" in page()
    # And a deletion.
    milestone.delete()
    assert "Analysen er færdig" not in page()


def test_each_reader_gets_the_cached_page_as_their_role_and_language_show_it(client, db):
    """One project, one day: the links, the status flag and the language still follow the reader."""
    from tests.factories import make_party, make_responsibility

    project = make_project(status=Project.Status.NOT_STARTED, start_date=datetime.date(2011, 4, 1))
    party = make_party(name="Odense Kommune")
    make_responsibility(project=project, party=party)
    contact = make_user()
    project.contact_persons.add(contact)
    party_link = f'href="{reverse("parties:party", args=[party.pk])}"'

    secretariat = page_of(client, make_user(SECRETARIAT), project.area.slug, project.number)
    board = page_of(client, make_user(BOARD_MEMBER), project.area.slug, project.number)
    contact_html = page_of(client, contact, project.area.slug, project.number)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = page_of(client, make_user(BOARD_MEMBER), project.area.slug, project.number)

    assert 'id="status-mismatch"' in secretariat and 'id="status-mismatch"' not in board
    assert party_link in board and party_link not in contact_html
    assert "Ansvarsfordeling" in board and "Division of responsibilities" in english
    assert "Ansvarsfordeling" not in english
