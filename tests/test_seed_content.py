"""The seed fixtures hold both source documents (shared/seeds/) faithfully: every project, party, hour,
date, amount, responsibility, relation, milestone and agreement section, in the original Danish wording."""

import datetime
import html
import re
from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import translation

from areas.models import ActionPlan, AreaSection, FocusArea, Grouping
from cooperation.models import (
    AgreementRevision,
    AgreementSection,
    AgreementTask,
    CooperationAgreement,
    SectionText,
    Signatory,
)
from parties.models import Party
from projects.models import FinancingItem, HourRegistration, Milestone, Project, Relation, Responsibility, StatusReport

pytestmark = pytest.mark.usefixtures("seeded")

EK, TS, BS, FO = "energi-og-klima", "tidssvarende-boliger", "boligsociale-indsatser", "faelles-omraadetilgang"

ENERGY_HOURS = {1: 1750, 2: 415, 3: 300, 4: 350, 5: 255, 6: 290, 7: 355, 8: 835, 9: 255, 10: 855}


def project(area: str, number: int) -> Project:
    return Project.objects.get_by_natural_key(area, number)


# ---------------------------------------------------------------- the plan and its projects


def test_the_plan_rests_on_the_2008_agreement_and_has_the_four_focus_areas_in_order():
    plan = ActionPlan.objects.get()
    assert (plan.title, plan.subtitle, plan.year, plan.masterplan_version) == ("Byaftale", "Handlingsplan", 2010, "1.3")
    assert plan.agreement == CooperationAgreement.objects.get(slug="samarbejdsaftale-2008")
    assert list(plan.areas.values_list("name", "name_in_table", "last_updated", "last_updated_wording")) == [
        ("Energi og klima", "Energi og Klima", datetime.date(2010, 10, 13), "13.10.10"),
        ("Tidssvarende boliger", "Tidssvarende boliger", datetime.date(2010, 12, 17), "17.12.10"),
        ("Boligsociale indsatser", "Boligsociale indsatser", datetime.date(2010, 12, 17), "17.12.10"),
        ("Fælles områdetilgang", "Områdetilgang", datetime.date(2010, 12, 16), "16. december 2010"),
    ]


def test_every_focus_area_has_its_seven_sections_with_the_references_after_the_energy_headings():
    for area in FocusArea.objects.all():
        assert list(area.sections.values_list("kind", flat=True)) == list(range(1, 8)), area
    energy_notes = dict(AreaSection.objects.filter(area__slug=EK).values_list("kind", "note"))
    assert energy_notes == {
        1: "",
        2: "Der henvises desuden til Byaftalen",
        3: "Der henvises desuden til handlingsplanerne",
        4: "",
        5: "Der henvises desuden til handlingsplanerne",
        6: "Der henvises desuden til handlingsplanerne",
        7: "Der henvises desuden til Masterplan ver. 1.3",
    }


def test_each_area_has_the_number_of_projects_the_source_lists():
    counts = {area.slug: area.projects.count() for area in FocusArea.objects.all()}
    assert counts == {EK: 10, TS: 3, BS: 5, FO: 15}


def test_the_energy_projects_hours_match_the_document_and_sum_to_5660():
    hours = dict(Project.objects.filter(area__slug=EK).values_list("number", "hour_budget"))
    assert hours == ENERGY_HOURS
    assert sum(hours.values()) == 5660


def test_only_the_energy_projects_have_hours_because_only_they_give_them():
    assert not Project.objects.exclude(area__slug=EK).filter(hour_budget__isnull=False).exists()


def test_the_energy_projects_keep_their_labels_and_titles():
    rows = list(Project.objects.filter(area__slug=EK).values_list("label", "title"))
    assert rows[0] == ("Projekt 1", "Koordinering af energi og klimaindsatsen")
    assert rows[1] == ("Delprojekt 2", "Finansiering fra A til Z")
    assert rows[9] == ("Delprojekt 10", "Demonstratorium")
    assert [label for label, _ in rows[1:]] == [f"Delprojekt {n}" for n in range(2, 11)]


def test_the_four_energy_lines_exist_but_no_project_is_placed_on_one():
    lines = Grouping.objects.filter(area__slug=EK)
    assert list(lines.values_list("kind", "name")) == [
        ("line", "Kommunale og/eller Bystrategiske indsatser"),
        ("line", "Lokal efterspørgsel"),
        ("line", "Udbud og lokale løsninger"),
        ("line", "Lokale pilotprojekter"),
    ]
    assert not Project.objects.filter(area__slug=EK, grouping__isnull=False).exists()


def test_the_five_themes_hold_their_sub_projects_in_source_order():
    themes = {
        theme.name: list(theme.projects.order_by("number").values_list("title", flat=True))
        for theme in Grouping.objects.filter(area__slug=FO).order_by("position")
    }
    assert list(themes) == [
        "En by i byen",
        "Markedsføring",
        "Faste årlige traditioner",
        "Hus 88 som fyrtårn",
        "Stoffrit Blangstedgård",
    ]
    assert [len(titles) for titles in themes.values()] == [3, 4, 3, 2, 3]
    assert themes["En by i byen"][1] == (
        "Det fremtidige samarbejde med driftsfolk: fokus på drift, kvalitet i de grønne områder m.v."
    )
    assert themes["Markedsføring"][0] == "Opdatering af www.blangstedgaard.dk"
    assert themes["Stoffrit Blangstedgård"] == [
        "Netværksgruppen",
        "Hotspot på Torvet",
        "Muligheder for ændringer af torvet",
    ]
    assert list(Project.objects.filter(area__slug=FO).values_list("number", flat=True)) == list(range(1, 16))
    assert "Liv på torvene" in Grouping.objects.get_by_natural_key(FO, "En by i byen").description


@pytest.mark.parametrize(
    ("area", "number", "period"),
    [
        (EK, 1, "1. april 2011 – 1. april 2013"),
        (EK, 7, "1. oktober 2012 – 1. maj 2013"),
        (EK, 10, "1. juni 2011 – 1. juli 2012"),
        (TS, 1, "fra januar 2011 (antaget)"),
        (BS, 2, "ultimo 2011 – opfølgning primo 2013"),
        (BS, 3, "medio 2011 – i drift primo 2012"),
        (BS, 5, "fra primo 2011"),
        (FO, 14, "2011"),
    ],
)
def test_project_periods_read_in_danish_as_the_source_words_them(area, number, period):
    with translation.override("da"):
        assert project(area, number).period_text() == period


def test_approximate_dates_are_placed_on_a_month():
    starts = dict(Project.objects.filter(area__slug=BS).values_list("number", "start_date"))
    assert starts == {
        1: datetime.date(2011, 7, 1),
        2: datetime.date(2011, 12, 1),
        3: datetime.date(2011, 7, 1),
        4: datetime.date(2011, 7, 1),
        5: datetime.date(2011, 1, 1),
    }
    assert project(BS, 2).end_date == datetime.date(2013, 1, 1)
    assert project(BS, 3).end_date == datetime.date(2012, 1, 1)
    assert project(FO, 1).end_date == datetime.date(2011, 12, 31)


def test_no_project_reports_progress_the_source_does_not_give():
    assert set(Project.objects.values_list("status", "progress")) == {(Project.Status.NOT_STARTED, 0)}


def test_the_sources_wording_and_typos_are_kept():
    assert "indsaents" in project(EK, 6).relations_text
    assert project(EK, 10).responsibility_text == "Den Fælles Boligstrategiske Gruppen"
    assert "Bangstedgårds hjemmeside" in Project.objects.get(area__slug=FO, title="Synliggørelse").description
    assert "CO2-udledningen" in AreaSection.objects.get(area__slug=EK, kind=AreaSection.Kind.BACKGROUND).body
    assert project(TS, 2).title == "Supplerende analyse."
    assert AreaSection.objects.get(area__slug=TS, kind=AreaSection.Kind.FINANCING).body == "Ukendt"


def test_no_html_survives_in_any_text():
    texts = [
        *Project.objects.values_list("description", "responsibility_text", "relations_text", "financing_text"),
        *AreaSection.objects.values_list("body", "note"),
        *AgreementSection.objects.values_list("body", "heading"),
    ]
    for row in texts:
        for text in row:
            assert "<" not in text and "**" not in text, text


# ---------------------------------------------------------------- figures, responsibilities, relations, milestones


def test_the_financing_figures_of_the_energy_projects():
    items = {
        (item.project.number, item.kind, item.amount): item
        for item in FinancingItem.objects.select_related("project", "payer")
    }
    assert len(items) == 8
    yearly = items[(1, FinancingItem.Kind.PER_YEAR, Decimal("500000"))]
    assert yearly.is_estimate and "ca. 500.000 kr./år" in yearly.description
    one_off = items[(10, FinancingItem.Kind.ONE_OFF, Decimal("475000"))]
    assert one_off.is_estimate and "ca. 475.000 kr." in one_off.description
    running = items[(10, FinancingItem.Kind.RUNNING_COST, Decimal("2000000"))]
    assert running.is_estimate and "årlig driftsudgift på 2 mio.kr." in running.description
    assert items[(1, FinancingItem.Kind.FULL_TIME, Decimal("1"))].is_estimate
    assert items[(2, FinancingItem.Kind.FULL_TIME, Decimal("1"))].payer.name == "Boligorganisationerne"
    assert (3, FinancingItem.Kind.HOURS, Decimal("250")) in items
    assert (3, FinancingItem.Kind.HOURS, Decimal("50")) in items
    assert items[(5, FinancingItem.Kind.HOURS, Decimal("250"))].is_estimate
    assert {key[0] for key in items} == {1, 2, 3, 5, 10}


def test_the_energy_responsibilities_follow_the_ansvarsfordeling():
    names = {n: set(project(EK, n).responsibilities.values_list("party__name", flat=True)) for n in ENERGY_HOURS}
    group, boards, staff = "Den Fælles Boligstrategiske Gruppe", "Hovedbestyrelser", "Bystrategisk Stab"
    assert names == {
        1: {staff, group},
        2: {group},
        3: {group},
        4: {boards, group},
        5: {boards, group},
        6: {boards},
        7: {staff},
        8: {boards, group},
        9: {boards},
        10: {group},
    }
    assert set(Responsibility.objects.filter(project__area__slug=EK).values_list("role", flat=True)) == {"responsible"}


def test_responsibilities_for_whole_areas_and_themes():
    tidssvarende = dict(Responsibility.objects.filter(area__slug=TS).values_list("party__name", "role"))
    assert tidssvarende == {
        "Boligsamarbejde Odense": "lead",
        "Boligforeningen Kristiansdal": "lead",
        "Odense Kommune": "contributor",
    }
    leads = set(Responsibility.objects.filter(area__slug=FO, role="lead").values_list("party__name", flat=True))
    assert leads == {"Boligstrategisk Sekretariat", "Socialcentret", "Tryk By-sekretariatet"}
    by_theme = dict(Responsibility.objects.filter(grouping__area__slug=FO).values_list("grouping__name", "party__name"))
    assert by_theme == {
        "Markedsføring": "Grundejerforeningen Blangstedgård",
        "Faste årlige traditioner": "Grundejerforeningen Blangstedgård",
        "Hus 88 som fyrtårn": "Korsløkke Ungdomsskole",
    }
    residents = Responsibility.objects.filter(project__area__slug=FO, party__name="Beboerne i Blangstedgård")
    assert set(residents.values_list("project__title", flat=True)) == {
        "Opdatering af www.blangstedgaard.dk",
        "Åben rådgivning",
    }


def test_boligsociale_project_5_names_the_three_departments_that_reorganise_their_outreach():
    parties = dict(project(BS, 5).responsibilities.values_list("party__name", "role"))
    assert parties == {
        "Odense Kommune": "lead",
        "Afdelingsbestyrelser": "contributor",
        "Børn- og Ungeforvaltningen": "contributor",
        "Social- og Arbejdsmarkedsforvaltningen": "contributor",
        "Ældre- og Handicapforvaltningen": "contributor",
    }


def test_relations_read_from_both_ends():
    d3 = project(EK, 3)
    incoming = set(d3.relations_in.values_list("from_project__number", "kind"))
    assert incoming == {
        (1, "coordinates"),
        (2, "can_contribute"),
        (4, "part_of"),
        (7, "can_contribute"),
        (8, "part_of"),
        (8, "can_contribute"),
        (8, "supports"),
    }
    d4 = project(EK, 4)
    assert set(d4.relations_out.values_list("to_project__number", "kind")) == {(3, "part_of")}
    assert d4.relations_out.get().text == "Projektet er et led i delprojekt 3."
    assert project(EK, 1).relations_out.filter(kind="coordinates").count() == 9
    assert "ligger under projekt 1" in Relation.objects.get(from_project=project(EK, 1), to_project=d4).text
    area = FocusArea.objects.get(slug=FO)
    assert set(area.relations_in.values_list("from_project__number", "kind")) == {
        (1, "related"),
        (2, "supports"),
        (3, "related"),
        (4, "related"),
        (5, "related"),
    }
    assert FocusArea.objects.get(slug=EK).relations_in.get().from_project == project(TS, 1)
    assert Relation.objects.count() == 43


def test_the_milestones_of_tidssvarende_boliger_are_the_eight_monthly_ones_in_2011():
    milestones = Milestone.objects.filter(area__slug=TS) | Milestone.objects.filter(project__area__slug=TS)
    rows = list(milestones.order_by("date", "id").values_list("date", "date_wording", "project__number"))
    assert rows == [
        (datetime.date(2011, 1, 1), "Januar", None),
        (datetime.date(2011, 4, 1), "April", 1),
        (datetime.date(2011, 6, 1), "Juni", 2),
        (datetime.date(2011, 6, 1), "Juni", None),
        (datetime.date(2011, 9, 1), "September", 2),
        (datetime.date(2011, 10, 1), "Oktober", 1),
        (datetime.date(2011, 10, 1), "Oktober", None),
        (datetime.date(2011, 12, 1), "December", None),
    ]


def test_the_other_milestones():
    others = Milestone.objects.exclude(area__slug=TS).exclude(project__area__slug=TS)
    rows = set(others.values_list("date", "date_wording"))
    assert rows == {
        (datetime.date(2013, 1, 1), "primo 2013"),
        (datetime.date(2012, 1, 1), "primo 2012"),
        (datetime.date(2011, 12, 1), "I 2011"),
        (datetime.date(2013, 7, 1), "midt 2013"),
    }


# ---------------------------------------------------------------- parties and the agreement


@pytest.mark.parametrize(
    ("administrator", "administered"),
    [
        ("Boligforeningen Kristiansdal", 5),
        ("Advokaterne i Domhusgården", 4),
        ("Boligkontoret Danmark", 2),
        ("Arbejdernes Boligforening", 1),
        ("Boligforeningen Højstrup", 1),
        ("Fyns almennyttige Boligselskab", 1),
        ("Kollegieboligselskabet", 0),
        ("Odense AndelsBoligforening", 0),
    ],
)
def test_the_administrations_from_the_signatures(administrator, administered):
    assert Party.objects.get(name=administrator).administers.count() == administered


def test_who_administers_whom():
    assert set(Party.objects.get(name="Advokaterne i Domhusgården").administers.values_list("name", flat=True)) == {
        "Odense Social-Filantropiske Boligselskab",
        "Det selvejende Boligselskab Folkebo",
        "Borgernes Boligselskab",
        "Pårup Andelsboligforening",
    }
    assert Party.objects.get(name="Boligselskabet L.A.B. Fyn").administered_by.name == "Fyns almennyttige Boligselskab"
    assert Party.objects.filter(administered_by__isnull=False).count() == 14


def test_the_municipality_and_its_units():
    kommune = Party.objects.get(name="Odense Kommune")
    departments = set(kommune.units.filter(kind="municipal_department").values_list("name", flat=True))
    assert departments == {
        "Borgmesterforvaltningen",
        "By- og Kulturforvaltningen",
        "Børn- og Ungeforvaltningen",
        "Social- og Arbejdsmarkedsforvaltningen",
        "Ældre- og Handicapforvaltningen",
    }
    assert Party.objects.get(name="Boligstrategisk Sekretariat").part_of.name == "Borgmesterforvaltningen"
    bo = Party.objects.get(short_name="BO")
    assert bo.name == "Boligsamarbejde Odense"
    assert list(bo.units.values_list("name", flat=True)) == ["BO styregruppen"]


def test_the_agreement():
    agreement = CooperationAgreement.objects.get()
    assert agreement.title == "Aftale om etablering og drift af boligstrategisk samarbejde i Odense"
    assert (agreement.signed_on, agreement.signed_wording) == (datetime.date(2008, 9, 1), "September 2008")
    assert (agreement.revision_interval_years, agreement.first_revision_year) == (2, 2010)
    assert list(agreement.sections.values_list("number", "heading")) == [
        (1, "Parterne"),
        (2, "Målet"),
        (3, "Baggrunden"),
        (4, "Formålet"),
        (5, "Opgaverne"),
        (6, "Organisationen"),
        (7, "Møderne"),
    ]
    meetings = agreement.sections.get(number=7).body
    assert meetings.endswith("Samarbejdsaftalen tages op til revision hver andet år, første gang i 2010.")
    assert list(agreement.tasks.values_list("key", "title", "heading")) == [
        ("strategy", "Udvikling af strategier", "Strategi"),
        ("professional_development", "Faglig udvikling", "Faglig udvikling"),
        ("coordination", "Koordinering", "Koordinering"),
    ]
    assert AgreementTask.objects.get(key="coordination").summary.startswith("Parterne skal sikre samarbejde på tværs")


def test_the_13_signatories_in_source_order():
    rows = list(Signatory.objects.values_list("side", "party__name", "name", "job_title"))
    assert len(rows) == 13
    assert [side for side, *_ in rows] == ["housing_organisations"] * 8 + ["municipality"] * 5
    assert rows[0] == ("housing_organisations", "Advokaterne i Domhusgården", "Hans Keld Andersen", "")
    assert rows[1] == ("housing_organisations", "Arbejdernes Boligforening", "Helle Jakobsen", "direktør")
    assert rows[2] == ("housing_organisations", "Boligkontoret Danmark", "Jørgen Stii Frederiksen", "")
    assert rows[8] == ("municipality", "Borgmesterforvaltningen", "Leif Hansen", "administrationschef")
    assert rows[12] == ("municipality", "Ældre- og Handicapforvaltningen", "Alice Holm", "afdelingschef")


# ---------------------------------------------------------------- integrity


SEEDED_MODELS = [
    Party,
    CooperationAgreement,
    AgreementSection,
    AgreementTask,
    Signatory,
    ActionPlan,
    FocusArea,
    AreaSection,
    Grouping,
    Project,
    Responsibility,
    Relation,
    FinancingItem,
    Milestone,
]


# Registered as the plan is followed up, or the agreement revised; the sources hold none.
FOLLOW_UP_MODELS = {HourRegistration, StatusReport, AgreementRevision, SectionText}


def test_the_list_of_seeded_models_is_complete():
    ours = {
        model
        for label in ("parties", "cooperation", "areas", "projects")
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
    }
    assert ours - FOLLOW_UP_MODELS == set(SEEDED_MODELS)


@pytest.mark.parametrize("model", SEEDED_MODELS, ids=lambda m: m.__name__)
def test_every_loaded_object_passes_full_clean(model):
    objects = list(model.objects.all())
    assert objects, f"no {model.__name__} loaded"
    for obj in objects:
        obj.full_clean()


# ---------------------------------------------------------------- as written means as written (issue 9, point 10)

SOURCES = settings.BASE_DIR / "fixtures" / "sources"

# Every field the portal shows as the sources' own words. A Party's name or description the portal made up
# carries name_by_portal / description_by_portal instead and is left out.
AS_WRITTEN = {
    FocusArea: ("name_in_table", "last_updated_wording"),
    AreaSection: ("note", "body"),
    Grouping: ("name", "description"),
    Party: ("name", "short_name", "description"),
    Project: (
        "label", "title", "description", "responsibility_text", "relations_text", "financing_text",
        "timeline_text", "start_wording", "end_wording",
    ),
    Responsibility: ("wording", "concerning"),
    Relation: ("text",),
    FinancingItem: ("description",),
    Milestone: ("date_wording", "description"),
    CooperationAgreement: ("title", "signed_wording"),
    AgreementSection: ("heading", "body"),
    AgreementTask: ("title", "summary", "heading", "description"),
    Signatory: ("name", "job_title"),
}  # fmt: skip


def plain(text: str) -> str:
    """Text as a reader sees it: no HTML or Markdown, no table rules or bullets, one space, lower case."""
    text = re.sub(r"</?(?:sub|sup|b|i|u|strong|em)>", "", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a Markdown link's text
    text = re.sub(r"^[\s\-|]*-{2,}[\s\-|]*$", " ", text, flags=re.MULTILINE)  # a table rule across a page break
    text = re.sub(r"[*#•\uf0b7]", " ", text)
    return " ".join(html.unescape(text).split()).lower()


@pytest.fixture(scope="module")
def source_text() -> str:
    return plain(" ".join(path.read_text(encoding="utf-8") for path in sorted(SOURCES.glob("*.txt"))))


def not_in_the_sources(source_text: str) -> list[str]:
    missing = []
    for model, fields in AS_WRITTEN.items():
        for obj in model.objects.all():
            for name in fields:
                if model is Party and getattr(obj, f"{name}_by_portal", False):
                    continue
                for line in str(getattr(obj, name)).splitlines():
                    words = plain(re.sub(r"^\s*(?:[-•]\s+)", "", line))
                    if words and words not in source_text:
                        missing.append(f"{model.__name__} «{obj}» {name}: {line}")
    return missing


def test_every_as_written_text_occurs_in_the_sources(source_text):
    assert not_in_the_sources(source_text) == []


def test_the_check_finds_words_the_sources_do_not_have(source_text):
    Project.objects.filter(area__slug=TS, number=1).update(start_wording="januar 2011")
    assert not_in_the_sources(source_text) == [
        "Project «1. projekt: Kortlægning af boligafdelinger» start_wording: januar 2011"
    ]


def test_every_field_named_as_written_is_checked():
    with translation.override(None):
        named = {
            (model, field.name)
            for model in apps.get_models()
            for field in model._meta.get_fields()
            if "as written" in str(getattr(field, "verbose_name", "")) and not model.__name__.startswith("Historical")
        }
    assert named <= {(model, name) for model, fields in AS_WRITTEN.items() for name in fields}


def test_tidssvarende_boliger_starts_in_an_assumed_january_2011_the_source_says_only_januar():
    for number in (1, 2, 3):
        started = project(TS, number)
        assert (started.start_date, started.start_wording, started.start_assumed) == (
            datetime.date(2011, 1, 1),
            "Januar",
            True,
        )
    with translation.override("da"):
        assert project(TS, 1).start_text == "januar 2011 (antaget)"
    assert not Project.objects.exclude(area__slug=TS).filter(start_assumed=True).exists()


def test_every_milestone_placed_where_the_source_gives_no_such_date_is_marked_assumed():
    assert set(Milestone.objects.values_list("date_wording", "date_assumed")) == {
        (wording, True)
        for wording in ("Januar", "April", "Juni", "September", "Oktober", "December", "primo 2012", "primo 2013")
        + ("I 2011", "midt 2013")
    }
    in_2011 = Milestone.objects.get(date_wording="I 2011")
    with translation.override("da"):
        assert in_2011.date_text == "december 2011 (antaget)"
        assert in_2011.date_label == "december 2011 (antaget); som skrevet: I 2011"


def test_socialcentret_and_tryk_by_answer_only_for_the_tryghedsskabende_foranstaltninger():
    for name in ("Socialcentret", "Tryk By-sekretariatet"):
        responsibility = Responsibility.objects.get(party__name=name)
        assert responsibility.concerning == "de tryghedsskabende foranstaltninger i Blangstedgård"
        assert responsibility.concerning in responsibility.wording
    leads_of_the_whole_area = Responsibility.objects.filter(area__slug=FO, role="lead", concerning="")
    assert set(leads_of_the_whole_area.values_list("party__name", flat=True)) == {"Boligstrategisk Sekretariat"}


def test_the_demonstratoriums_yearly_2_mio_is_an_estimate_since_experience_only_points_to_it():
    running = FinancingItem.objects.get(project=project(EK, 10), kind=FinancingItem.Kind.RUNNING_COST)
    assert running.is_estimate and "peger på en årlig driftsudgift på 2 mio.kr." in running.description


def test_the_names_and_descriptions_the_portal_gave_parties_are_marked_as_its_own():
    assert set(Party.objects.filter(name_by_portal=True).values_list("name", flat=True)) == {
        "Boligorganisationernes strategigruppe",
        "Odense Kommunes strategigruppe",
        "Boligorganisationernes sekretariat",
        "Odense Kommunes sekretariat",
        "Tværgående styre-/projektgruppe for Områdetilgang",
    }
    assert set(Party.objects.filter(description_by_portal=True).values_list("name", flat=True)) == {
        "Boligsamarbejde Odense",
        "BO styregruppen",
        "Hovedbestyrelser",
        "Afdelingsbestyrelser",
        "Beboerne i Blangstedgård",
        "Programbestyrelsen",
    }
