"""A party's page: who it is and how it hangs together with the other parties, what the plan makes it
responsible for and what it pays, and whether it signed the cooperation agreement."""

import re

import pytest
from django.urls import reverse

from areas.models import ActionPlan
from byaftale.access import BOARD_MEMBER, SECRETARIAT
from parties.models import Party
from projects.demo import generate_demo_projects
from projects.models import FinancingItem, Project, Responsibility
from tests.factories import make_party, make_user

pytestmark = pytest.mark.django_db


def party(name: str) -> Party:
    return Party.objects.get(name=name)


def party_url(name: str) -> str:
    return reverse("parties:party", args=[party(name).pk])


def page_of(client, name: str) -> str:
    client.force_login(make_user(BOARD_MEMBER))
    response = client.get(party_url(name))
    assert response.status_code == 200
    return response.content.decode()


def row_with(html: str, text: str) -> str:
    rows = [row for row in re.findall(r"<tr[^>]*>.*?</tr>", html, re.S) if text in row]
    assert rows, f"no row with {text!r}"
    return rows[0]


def test_strangers_are_sent_to_sign_in_and_users_without_a_role_refused(client, seeded):
    url = party_url("Odense Kommune")

    assert client.get(url)["Location"] == f"{reverse('login')}?next={url}"
    client.force_login(make_user())
    assert client.get(url).status_code == 403


def test_an_unknown_party_is_not_found(client, seeded):
    client.force_login(make_user(BOARD_MEMBER))

    assert client.get(reverse("parties:party", args=[999999])).status_code == 404


def test_a_housing_organisation_shows_its_short_name_whom_it_administers_and_its_signature(client, seeded):
    html = page_of(client, "Boligforeningen Kristiansdal")

    assert html.count("<h1") == 1
    assert "<h1>Boligforeningen Kristiansdal</h1>" in html
    assert "<dd>Kristiansdal</dd>" in html  # the short name
    assert "<dd>Boligorganisation</dd>" in html
    assert f'<a href="{party_url("Dalum Bygge- og Boligforening")}">Dalum Bygge- og Boligforening</a>' in html
    assert "Underskrev «Aftale om etablering og drift af boligstrategisk samarbejde i Odense» (september 2008)" in html
    assert "for boligorganisationerne: Erik Thomsen, direktør." in html


def test_an_administered_organisation_links_its_administrator_and_signed_through_it(client, seeded):
    html = page_of(client, "Dalum Bygge- og Boligforening")

    assert f'<dt>Administreres af</dt><dd><a href="{party_url("Boligforeningen Kristiansdal")}">' in html
    assert "Underskrevet gennem administratoren Boligforeningen Kristiansdal: Erik Thomsen, direktør." in html


def test_the_municipality_lists_its_units_and_which_of_them_signed(client, seeded):
    html = page_of(client, "Odense Kommune")

    assert "Har ikke selv underskrevet den." in html
    unit = re.search(r"<li><a[^>]*>Borgmesterforvaltningen</a>(.*?)</li>", html).group(1)
    assert "underskrev samarbejdsaftalen" in unit
    assert "underskrev" not in re.search(r"<li><a[^>]*>Bystrategisk Stab</a>(.*?)</li>", html).group(1)


def test_a_unit_links_the_organisation_it_is_part_of(client, seeded):
    html = page_of(client, "Boligstrategisk Sekretariat")

    assert f'<dt>Del af</dt><dd><a href="{party_url("Borgmesterforvaltningen")}">Borgmesterforvaltningen</a>' in html


def test_responsibilities_across_the_plan_link_to_projects_and_areas(client, seeded):
    html = page_of(client, "Odense Kommune")

    area = row_with(html, "hele indsatsområdet Tidssvarende boliger")
    assert f'href="{reverse("areas:area", args=["tidssvarende-boliger"])}"' in area
    assert "Bidrager" in area
    network = row_with(html, "Netværk i udvalgte boligområder")
    assert f'href="{reverse("projects:project", args=["boligsociale-indsatser", 1])}"' in network
    assert "Tovholder" in network
    assert "Kommunen har forpligtigelsen til at indkalde til møderne" in network
    assert "5 ansvarsområder" in html
    assert html.index("hele indsatsområdet Tidssvarende boliger") < html.index("Netværk i udvalgte boligområder")


def test_a_responsibility_for_a_theme_names_the_theme(client, seeded):
    html = page_of(client, "Korsløkke Ungdomsskole")

    row = row_with(html, "Tema: Hus 88 som fyrtårn")
    assert "Fælles områdetilgang" in row
    assert "Tovholder" in row


def test_the_financing_a_party_pays_is_listed_with_its_project(client, seeded):
    html = page_of(client, "Boligorganisationerne")

    row = row_with(html, "Finansiering fra A til Z")
    assert "1 årsværk" in row
    assert f'href="{reverse("projects:project", args=["energi-og-klima", 2])}"' in row


def test_a_party_without_responsibilities_or_financing_says_so(client, seeded):
    html = page_of(client, "Pårup Andelsboligforening")

    assert "Handlingsplanen nævner intet ansvar for denne part." in html
    assert "Handlingsplanen nævner ingen finansiering, som denne part betaler." in html


@pytest.mark.parametrize("size", [10, 1000])
def test_the_page_runs_the_same_queries_at_10_and_at_1000_projects(client, seeded, django_assert_num_queries, size):
    projects = generate_demo_projects(plan=ActionPlan.objects.get(), count=size)
    payer = make_party(name="Landsbyggefonden (demo)", administered_by=party("Boligkontoret Danmark"))
    make_party(name="Demo-enhed", part_of=payer)
    Responsibility.objects.bulk_create(
        Responsibility(party=payer, project=p, role=Responsibility.Role.CONTRIBUTOR) for p in projects
    )
    FinancingItem.objects.bulk_create(
        FinancingItem(project=p, payer=payer, kind=FinancingItem.Kind.ONE_OFF, amount=250000) for p in projects
    )
    client.force_login(make_user(SECRETARIAT))

    # 14, and the session's renewal: a savepoint, its update and the release.
    with django_assert_num_queries(14 + 3):
        response = client.get(reverse("parties:party", args=[payer.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("250.000 kr.") == size
    assert f"{size:,} ansvarsområder".replace(",", ".") in html
    assert Project.objects.count() == 33 + size


def test_a_name_and_a_description_the_portal_added_are_marked_as_its_own(client, seeded):
    html = page_of(client, "BO styregruppen")
    description = re.search(r'<div class="([^"]*)" id="party-description">(.*?)</div>', html, re.S)

    assert description.group(1) != "as-written"
    assert "Styregruppen i Boligsamarbejde Odense (BO)." in description.group(2)
    assert "Tilføjet af portalen, ikke kildernes ord." in description.group(2)
    assert "Navnet er tilføjet af portalen" not in html  # «BO styregruppen» is the source's own name

    named = page_of(client, "Odense Kommunes strategigruppe")
    assert "Navnet er tilføjet af portalen; kilderne kalder ikke parten sådan." in named
    assert '<div class="as-written" id="party-description">' in named  # its description quotes the agreement


def test_socialcentret_answers_for_the_tryghedsskabende_foranstaltninger_not_the_whole_area(client, seeded):
    row = row_with(page_of(client, "Socialcentret"), "Tovholder")

    assert "kun de tryghedsskabende foranstaltninger i Blangstedgård, i indsatsområdet Fælles områdetilgang" in row
    assert "hele indsatsområdet" not in row
