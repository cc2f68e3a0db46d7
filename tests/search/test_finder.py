"""Search: projects, parties and milestones found by a word from their texts, grouped with counts, each
linking to its page with the match marked; for everyone who reads the plan, in the same number of
queries however large the plan is. PostgreSQL stems Danish words; SQLite finds the words as written."""

import pytest
from django.db import connection
from django.urls import reverse

from areas.models import ActionPlan
from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from parties.models import Party
from projects.demo import generate_demo_projects
from projects.models import Project
from search.finder import LIMIT, search
from tests.factories import make_party, make_project, make_user

pytestmark = pytest.mark.django_db

URL = reverse("search:search")

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Danish stemming needs PostgreSQL's full-text search"
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="describes the plain substring search used on SQLite"
)


@pytest.fixture
def reader(client):
    """A board member: may read the plan, and nothing more."""
    client.force_login(make_user(BOARD_MEMBER))
    return client


def project_titles(query: str) -> list[str]:
    return [hit.obj.title for hit in search(query).projects.hits]


def milestone_titles(query: str) -> list[str]:
    return [hit.obj.title for hit in search(query).milestones.hits]


# What is found, and where it leads


def test_energi_finds_every_energi_og_klima_project(seeded):
    found = {hit.obj for hit in search("energi").projects.hits}

    assert set(Project.objects.filter(area__slug="energi-og-klima")) <= found
    assert {"Energi på dagsordenen", "Energividen med på arbejde", "Energirådgivning i øjenhøjde"} <= {
        project.title for project in found
    }


def test_projects_with_the_word_in_their_title_come_first(seeded):
    in_title = ["energi" in hit.obj.title.lower() for hit in search("energi").projects.hits]

    assert in_title[0] and not in_title[-1]
    assert in_title == sorted(in_title, reverse=True)


def test_a_project_is_found_by_a_word_from_its_description_and_links_to_its_page(seeded):
    hits = search("Tornbjergskolen").projects.hits

    assert [hit.obj.title for hit in hits] == ["Idræts-/fritidsforening i Blangstedgård"]
    assert hits[0].url == reverse("projects:project", args=["faelles-omraadetilgang", 3])
    assert "<mark>Tornbjergskolen</mark>" in hits[0].excerpt


def test_a_party_is_found_by_its_name_and_links_to_its_page(seeded):
    hits = search("Landsbyggefonden").parties.hits

    assert [hit.obj.name for hit in hits] == ["Landsbyggefonden"]
    assert hits[0].url == reverse("parties:party", args=[Party.objects.get(name="Landsbyggefonden").pk])
    assert hits[0].title == "<mark>Landsbyggefonden</mark>"


def test_a_party_is_found_by_its_abbreviation(db):
    party = make_party(name="Fællesrådet for Vollsmose", short_name="FRV")
    make_party(name="Boligforeningen Vest")

    assert [hit.obj for hit in search("FRV").parties.hits] == [party]


def test_a_project_milestone_is_found_by_its_title_and_links_to_its_project(seeded):
    hits = search("SWOT").milestones.hits

    assert [hit.obj.title for hit in hits] == ["Første udkast til SWOT-analysen foreligger"]
    assert hits[0].url == reverse("projects:project", args=["tidssvarende-boliger", 2])


def test_a_milestone_of_a_whole_focus_area_links_to_the_area(seeded):
    hits = search("jubilæum").milestones.hits

    assert [hit.obj.title for hit in hits] == ["Blangstedgård 25 års jubilæum – indsatsen afsluttes"]
    assert hits[0].url == reverse("areas:area", args=["faelles-omraadetilgang"])


def test_several_words_find_what_holds_them_all(seeded):
    assert milestone_titles("supplerende analyser") == ["Talmaterialet til de supplerende analyser foreligger"]


def test_a_word_after_a_minus_is_left_out(seeded):
    titles = milestone_titles("analyser -SWOT")

    assert "De første analyser forelægges BO styregruppen" in titles
    assert "Første udkast til SWOT-analysen foreligger" not in titles


def test_nothing_matches_a_word_that_is_not_in_the_plan(seeded):
    assert search("xyzzy").total == 0


# Capitals, also for æ, ø and å


def test_capitals_do_not_matter(seeded):
    assert project_titles("energi")
    assert project_titles("Energi") == project_titles("energi") == project_titles("ENERGI")


@pytest.mark.parametrize("query", ["øge", "Øge", "ØGE"])
def test_capitals_do_not_matter_for_ae_oe_and_aa_either(seeded, query):
    assert "Øge brugen af beboerhuse i almene boligområder" in project_titles(query)


@pytest.mark.parametrize("query", ["jubilæum", "JUBILÆUM", "Jubilæum"])
def test_a_word_with_ae_is_found_in_any_case(seeded, query):
    assert milestone_titles(query) == ["Blangstedgård 25 års jubilæum – indsatsen afsluttes"]


@pytest.mark.parametrize("query", ["åben", "ÅBEN"])
def test_a_word_beginning_with_aa_is_found_in_any_case(seeded, query):
    assert {"Blangstedgård Åben", "Åben rådgivning"} <= set(project_titles(query))


# The database's own manner of matching


@postgresql_only
def test_on_postgresql_other_forms_of_a_danish_word_are_found(seeded):
    assert "De første analyser forelægges BO styregruppen" in milestone_titles("analyserne")
    assert "Supplerende analyse." in project_titles("analyserne")
    assert "Kortlægning af boligafdelinger" in project_titles("boliger")
    assert "Boligforeningen Højstrup" in [hit.obj.name for hit in search("boliger").parties.hits]


@postgresql_only
def test_on_postgresql_a_word_finds_compounds_that_begin_with_it(seeded):
    assert "Energirådgivning i øjenhøjde" in project_titles("energi")
    assert "<mark>Energirådgivning</mark> i øjenhøjde" in [hit.title for hit in search("energi").projects.hits]


@sqlite_only
def test_on_sqlite_a_word_is_found_anywhere_inside_a_longer_word(seeded):
    hits = search("indsatsen").projects.hits

    assert "Koordinering af energi og klimaindsatsen" in [hit.obj.title for hit in hits]
    assert "Koordinering af energi og klima<mark>indsatsen</mark>" in [hit.title for hit in hits]


@sqlite_only
def test_on_sqlite_other_forms_of_a_word_are_not_found(seeded):
    assert "De første analyser forelægges BO styregruppen" not in milestone_titles("analyserne")
    assert "Analyserne indgår i styringsdialogen" in milestone_titles("analyserne")


# Marking and escaping


def test_the_match_is_marked_in_the_title(seeded):
    hit = search("dagsordenen").projects.hits[0]

    assert hit.title == "Energi på <mark>dagsordenen</mark>"


def test_what_the_plan_says_is_shown_as_text_never_as_markup(db):
    make_project(title="Skilte <script>alert(1)</script> ved kiosken", description="Nye <b>skilte</b> ved kiosken.")

    hit = search("skilte").projects.hits[0]

    assert "<script>" not in hit.title and "&lt;script&gt;" in hit.title
    assert "<b>" not in hit.excerpt
    assert "<mark>skilte</mark>" in hit.excerpt


# The page


def test_a_board_member_sees_the_results_grouped_with_counts_and_links(reader, seeded):
    response = reader.get(URL, {"q": "energi"})
    html = response.content.decode()
    projects = Project.objects.filter(area__slug="energi-og-klima").count()
    party = Party.objects.get(name="Energiselskaberne")

    assert response.status_code == 200
    assert "<h1>Søgeresultater for »energi«</h1>" in html
    assert f'Projekter <span class="search-count">({projects})</span>' in html
    assert 'Parter <span class="search-count">(1)</span>' in html
    assert f'<a href="#search-projects">{projects} projekter</a>' in html
    assert "<li>0 milepæle</li>" in html
    assert f'href="{reverse("projects:project", args=["energi-og-klima", 3])}"' in html
    assert f'href="{reverse("parties:party", args=[party.pk])}"' in html
    assert "<mark>" in html


def test_the_search_box_in_the_header_keeps_the_query(reader, seeded):
    html = reader.get(URL, {"q": "energi"}).content.decode()

    assert '<input type="search" id="site-search-q" name="q" value="energi"' in html


def test_the_query_is_shown_as_text_never_as_markup(reader, seeded):
    html = reader.get(URL, {"q": "<b>energi</b>"}).content.decode()

    assert "<b>energi" not in html
    assert "»&lt;b&gt;energi&lt;/b&gt;«" in html


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_explains_how_to_search_and_lists_nothing(reader, seeded, query):
    html = reader.get(URL, {"q": query}).content.decode()

    assert "<h1>Søg i planen</h1>" in html
    assert "Sådan virker søgningen" in html
    assert 'class="search-results"' not in html
    assert "Søgningen efter" not in html


def test_a_search_without_results_says_so_in_danish(reader, seeded):
    html = reader.get(URL, {"q": "xyzzy"}).content.decode()

    assert "Søgningen efter »xyzzy« gav ingen resultater." in html
    assert 'class="search-results"' not in html
    assert "Sådan virker søgningen" in html


def test_each_group_shows_the_best_50_and_says_how_many_there_are(reader, seeded):
    generate_demo_projects(plan=ActionPlan.objects.get(), count=LIMIT + 10)

    response = reader.get(URL, {"q": "syntetisk"})

    assert len(response.context["results"].projects.hits) == LIMIT == 50
    assert response.context["results"].projects.total == 60
    assert "Viser de 50 bedste af 60. Tilføj et ord for at gøre søgningen mere præcis." in response.content.decode()


# Who may search


@pytest.mark.parametrize("role", [SECRETARIAT, STEERING_GROUP, BOARD_MEMBER])
def test_everyone_who_reads_the_plan_may_search(client, seeded, role):
    client.force_login(make_user(role))

    response = client.get(URL, {"q": "energi"})

    assert response.status_code == 200
    assert f'href="{reverse("projects:project", args=["energi-og-klima", 3])}"' in response.content.decode()


def test_a_signed_in_user_without_a_role_is_refused(client, seeded):
    client.force_login(make_user(None))

    assert client.get(URL, {"q": "energi"}).status_code == 403


def test_strangers_are_sent_to_sign_in_and_back(client, seeded):
    response = client.get(URL, {"q": "energi"})

    assert response.status_code == 302
    assert response["Location"] == "/log-ind/?next=/soeg/%3Fq%3Denergi"


def test_search_only_reads(reader, seeded):
    assert reader.post(URL, {"q": "energi"}).status_code == 405


# Cost


@pytest.mark.parametrize("count", [10, 1000])
def test_searching_takes_the_same_number_of_queries_at_10_and_at_1000_projects(
    client, seeded, django_assert_num_queries, count
):
    seed = search("demo")  # the plan itself has a Demonstratorium and a beboerdemokrati
    generate_demo_projects(plan=ActionPlan.objects.get(), count=count)
    client.force_login(make_user(BOARD_MEMBER))

    # Session, user, its permissions (2), a savepoint and its release, one query per group;
    # and the session's renewal (a savepoint, its update, the release).
    with django_assert_num_queries(9 + 3):
        response = client.get(URL, {"q": "demo"})

    results = response.context["results"]
    assert results.projects.total == seed.projects.total + count
    assert results.milestones.total == seed.milestones.total + count
    assert len(results.projects.hits) == min(seed.projects.total + count, LIMIT)


def test_a_found_milestone_on_a_date_the_source_does_not_give_reads_antaget(reader, seeded):
    html = reader.get(URL, {"q": "blivende"}).content.decode()  # «I 2011 skal organiseringen … blivende form»

    assert "december 2011 (antaget) · Indsatsområde: Fælles områdetilgang" in html
