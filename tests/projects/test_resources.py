"""Projects, responsibilities and milestones travel as spreadsheets headed in Danish and keyed by the names people
use; a sheet goes in whole or not at all, and every refusal names the spreadsheet row and the column."""

import datetime

import pytest
from django.utils import translation
from django.utils.translation import gettext

from byaftale.sheets import export_sheet, import_sheet, read_sheet
from projects.management.commands.load_initial_data import seed_fixture_files
from projects.models import Milestone, Project, Responsibility
from projects.resources import MilestoneResource, ProjectResource, ResponsibilityResource
from tests.factories import make_area, make_grouping, make_milestone, make_party, make_project, make_responsibility

pytestmark = pytest.mark.django_db

PROJECT_HEADERS = [
    "Indsatsområde", "Linie eller tema", "Nummer", "Betegnelse", "Titel", "Beskrivelse",
    "Ansvarsfordeling, som skrevet", "Sammenhæng med øvrige projekter, som skrevet", "Finansiering, som skrevet",
    "Tidshorisont, som skrevet", "Start", "Start, som skrevet", "Start antaget", "Slut", "Slut, som skrevet",
    "Slut antaget", "Timebudget", "Status", "Fremdrift (%)",
]  # fmt: skip


def every_field(project: Project) -> dict:
    """All a project holds, foreign keys by their natural keys, so two databases can be compared."""
    values = {}
    for field in Project._meta.concrete_fields:
        if field.name == "id":
            continue
        value = getattr(project, field.name)
        values[field.name] = value.natural_key() if hasattr(value, "natural_key") else value
    return values


def all_projects() -> list[dict]:
    return [every_field(p) for p in Project.objects.select_related("area", "grouping").order_by("area__slug", "number")]


@pytest.fixture
def plan():
    """Two focus areas with their lines, and no projects."""
    energy = make_area(slug="energi-og-klima", name="Energi og klima", name_in_table="Energi og klima")
    make_grouping(area=energy, kind="line", name="Lokal efterspørgsel")
    make_grouping(area=energy, kind="line", name="Udbud og lokale løsninger")
    housing = make_area(slug="tidssvarende-boliger", name="Tidssvarende boliger", name_in_table="Tidssvarende boliger")
    make_grouping(area=housing, kind="theme", name="Lokal efterspørgsel")
    return energy, housing


@pytest.fixture
def projects(plan):
    energy, housing = plan
    return [
        make_project(
            area=energy,
            grouping=energy.groupings.get(name="Lokal efterspørgsel"),
            number=3,
            label="Delprojekt 3",
            title="Energi på dagsordenen",
            description="Skal sikre igangsættelse af energi- og klimaprojekter.\nEnergi skal på dagsordenen.",
            responsibility_text="Den Fælles Boligstrategiske Gruppe.",
            relations_text="Delprojekt 8 kan bidrage til synliggørelse.",
            financing_text="Ca. 500.000 kr./år i de 2 års levetid.",
            timeline_text="1. april 2011 – 1. september 2011 Total 300 timer",
            start_date=datetime.date(2011, 4, 1),
            end_date=datetime.date(2011, 9, 1),
            hour_budget=1750,
            status=Project.Status.IN_PROGRESS,
            progress=40,
        ),
        make_project(
            area=energy,
            grouping=None,
            number=1,
            label="Projekt 1",
            title="Koordinering af energi og klimaindsatsen",
            start_date=datetime.date(2011, 7, 1),
            start_wording="medio 2011",
            end_date=None,
            hour_budget=None,
        ),
        make_project(
            area=housing,
            grouping=housing.groupings.get(),
            number=1,
            label="",
            title="Kortlægning af boligafdelinger",
            start_date=None,
            end_date=datetime.date(2012, 1, 1),
            end_wording="ultimo 2011",
            status=Project.Status.DONE,
            progress=100,
        ),
    ]


def test_the_project_sheet_is_headed_by_the_danish_field_names_whatever_the_readers_language(projects):
    with translation.override("en"):
        sheet = read_sheet(export_sheet(resource=ProjectResource(), format="xlsx"), "xlsx")

    assert sheet.headers == PROJECT_HEADERS
    assert sheet.dict[0]["Indsatsområde"] == "energi-og-klima"
    assert sheet.dict[0]["Linie eller tema"] is None
    assert sheet.dict[1]["Linie eller tema"] == "Lokal efterspørgsel"
    assert sheet.dict[1]["Status"] == "i gang"
    assert sheet.dict[1]["Start"].date() == datetime.date(2011, 4, 1), "a real date cell, not text"
    assert sheet.dict[1]["Timebudget"] == 1750


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_exported_projects_import_into_a_plan_without_projects_field_for_field(projects, secretariat_admin, format):
    before = all_projects()
    sheet = export_sheet(resource=ProjectResource(), format=format)
    Project.objects.all().delete()

    report = import_sheet(resource=ProjectResource(), file=sheet, format=format, user=secretariat_admin)

    assert report.errors == []
    assert report.created == 3
    assert all_projects() == before


@pytest.mark.skipif(not seed_fixture_files(), reason="needs the seed data in fixtures/*.yaml")
def test_the_seed_projects_survive_an_xlsx_round_trip_field_for_field(seeded):
    """Runs on the seed content of the action plan (fixtures/*.yaml): every project of the plan, exported and
    imported into the same plan structure with no projects, comes back unchanged."""
    before = all_projects()
    sheet = export_sheet(resource=ProjectResource(), format="xlsx")
    Project.objects.all().delete()

    report = import_sheet(resource=ProjectResource(), file=sheet, format="xlsx")

    assert report.errors == []
    assert report.created == len(before) > 0
    assert all_projects() == before


def test_importing_a_sheet_again_updates_the_projects_instead_of_duplicating_them(projects):
    sheet = read_sheet(export_sheet(resource=ProjectResource(), format="xlsx"), "xlsx")
    sheet[1] = tuple(
        2000 if header == "Timebudget" else value for header, value in zip(sheet.headers, sheet[1], strict=True)
    )

    report = import_sheet(resource=ProjectResource(), file=sheet.export("xlsx"), format="xlsx")

    assert (report.created, report.updated, report.skipped, report.errors) == (0, 1, 2, [])
    assert Project.objects.count() == 3
    assert Project.objects.get(area__slug="energi-og-klima", number=3).hour_budget == 2000


SHEET = """Indsatsområde,Linie eller tema,Nummer,Titel,Start,Slut,Timebudget
energi-og-klima,Lokal efterspørgsel,3,Energi på dagsordenen,2011-04-01,2011-09-01,300
energi-og-klima,,4,Energimærkning,2011-07-01,2012-07-01,415
tidssvarende-boliger,,1,Kortlægning,2011-01-01,2011-12-01,200
"""


@pytest.mark.parametrize(
    ("bad", "good", "column", "message"),
    [
        ("2011-07-01,2010-07-01", "2011-07-01,2012-07-01", "Slut", "Slutdatoen kan ikke ligge før starten."),
        ("2012-07-01,-5", "2012-07-01,415", "Timebudget", "Denne værdi skal være større end eller lig 0."),
        ("ukendt-område,,4", "energi-og-klima,,4", "Indsatsområde", "«ukendt-område»"),
    ],
    ids=["end before start", "negative hours", "unknown focus area"],
)
def test_a_sheet_with_one_bad_row_is_refused_whole_naming_the_row_and_the_column(plan, bad, good, column, message):
    sheet = SHEET.replace(good, bad)
    assert sheet != SHEET

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    assert Project.objects.count() == 0, "the good rows before and after the bad one are not written either"
    assert not report.succeeded
    [error] = report.errors
    row = gettext("Row %(row)s, «%(field)s»: %(message)s") % {"row": 3, "field": column, "message": ""}
    assert error.startswith(row), "the second data row is row 3 of the sheet, below the header"
    assert message in error


def translated_into_danish(msgid: str) -> bool:
    with translation.override("da"):
        return gettext(msgid) != msgid


@pytest.mark.skipif(
    not translated_into_danish("Row %(row)s, «%(field)s»: %(message)s"),
    reason="the Danish catalog (locale/) does not yet translate the import's messages",
)
def test_import_messages_read_in_danish(plan):
    sheet = SHEET.replace("2011-07-01,2012-07-01", "2011-07-01,2010-07-01")

    with translation.override("da"):
        report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    assert report.errors == ["Række 3, «Slut»: Slutdatoen kan ikke ligge før starten."]


def test_a_line_or_theme_is_found_by_name_within_the_rows_own_focus_area(plan):
    energy, housing = plan
    sheet = SHEET.replace("tidssvarende-boliger,,1", "tidssvarende-boliger,Lokal efterspørgsel,1")

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    assert report.errors == []
    assert Project.objects.get(area=energy, number=3).grouping.area == energy
    assert Project.objects.get(area=housing, number=1).grouping.area == housing


def test_a_line_or_theme_the_rows_focus_area_lacks_is_refused(plan):
    sheet = SHEET.replace("tidssvarende-boliger,,1", "tidssvarende-boliger,Udbud og lokale løsninger,1")

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    [error] = report.errors
    assert error.startswith(
        gettext("Row %(row)s, «%(field)s»: %(message)s") % {"row": 4, "field": "Linie eller tema", "message": ""}
    )
    assert "«Udbud og lokale løsninger»" in error
    assert Project.objects.count() == 0


def test_danish_spellings_of_dates_numbers_and_choices_are_understood(plan):
    sheet = "Indsatsområde;Nummer;Titel;Start;Slut;Timebudget;Status;Fremdrift (%)\n" \
            "Energi og klima;3;Energi på dagsordenen;1.4.2011;01-09-2011;1.750;I gang;40\n"  # fmt: skip

    report = import_sheet(resource=ProjectResource(), file=sheet.encode("utf-8-sig"), format="csv")

    assert report.errors == []
    project = Project.objects.get()
    assert (project.area.slug, project.start_date, project.end_date) == (
        "energi-og-klima",
        datetime.date(2011, 4, 1),
        datetime.date(2011, 9, 1),
    )
    assert (project.hour_budget, project.status, project.progress) == (1750, "in_progress", 40)


def test_a_misspelt_value_is_refused_naming_what_the_column_accepts(plan):
    sheet = SHEET.replace("Timebudget\n", "Timebudget,Status\n").replace(",300\n", ",300,igang\n")

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    [error] = report.errors
    assert "«Status»" in error
    assert "«igang»" in error and "i gang" in error
    assert Project.objects.count() == 0


def test_rows_left_empty_in_a_spreadsheet_are_skipped_and_the_rows_below_keep_their_numbers(plan):
    sheet = read_sheet(SHEET.encode(), "csv")
    sheet.insert(1, [None] * sheet.width)
    sheet.append([None] * sheet.width)
    sheet[3] = tuple(
        "2010-07-01" if header == "Slut" else value for header, value in zip(sheet.headers, sheet[3], strict=True)
    )

    report = import_sheet(resource=ProjectResource(), file=sheet.export("xlsx"), format="xlsx")

    [error] = report.errors
    assert error.startswith(
        gettext("Row %(row)s, «%(field)s»: %(message)s") % {"row": 5, "field": "Slut", "message": ""}
    )

    sheet[3] = tuple(
        "2012-07-01" if header == "Slut" else value for header, value in zip(sheet.headers, sheet[3], strict=True)
    )
    report = import_sheet(resource=ProjectResource(), file=sheet.export("xlsx"), format="xlsx")

    assert (report.created, report.skipped, report.errors) == (3, 1, []), "the empty row after the last is not read"


def test_a_column_the_import_does_not_know_is_refused_rather_than_ignored(plan):
    sheet = SHEET.replace("Slut,", "Slutdato,")

    report = import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv")

    assert any("«Slutdato»" in error for error in report.errors)
    assert Project.objects.count() == 0


def test_a_dry_run_checks_and_counts_but_writes_nothing(plan):
    report = import_sheet(resource=ProjectResource(), file=SHEET.encode(), format="csv", dry_run=True)

    assert (report.created, report.errors) == (3, [])
    assert Project.objects.count() == 0


def test_an_import_records_the_user_and_the_file_in_each_projects_history(plan, secretariat_admin):
    import_sheet(
        resource=ProjectResource(), file=SHEET.encode(), format="csv", user=secretariat_admin, file_name="plan.csv"
    )

    record = Project.objects.get(number=4).history.get()
    assert record.history_user == secretariat_admin
    assert record.history_change_reason == gettext("Imported from %(file)s") % {"file": "plan.csv"}


def test_responsibilities_name_their_project_by_area_and_number_and_their_party_by_name(projects):
    lead = make_party(name="Bystrategisk Stab", short_name="BSS")
    project = projects[0]
    make_responsibility(party=lead, project=project, role=Responsibility.Role.LEAD, wording="Tovholder")
    make_responsibility(party=lead, grouping=project.grouping, role=Responsibility.Role.RESPONSIBLE)
    make_responsibility(party=make_party(name="BO"), area=project.area, role=Responsibility.Role.CONTRIBUTOR)
    sheet = export_sheet(resource=ResponsibilityResource(), format="csv").decode("utf-8")
    assert "Bystrategisk Stab,tovholder,energi-og-klima/3,,,Tovholder" in sheet
    assert "Bystrategisk Stab,ansvarlig,,energi-og-klima/Lokal efterspørgsel,," in sheet
    Responsibility.objects.all().delete()

    report = import_sheet(resource=ResponsibilityResource(), file=sheet.encode(), format="csv")

    assert (report.created, report.errors) == (3, [])
    assert project.responsibilities.get().party == lead
    assert Responsibility.objects.get(area=project.area).party.name == "BO"


def test_a_responsibility_naming_an_unknown_party_or_project_is_refused_naming_both(projects):
    make_party(name="Bystrategisk Stab")
    sheet = "Part,Rolle,Projekt\nBystrategisk Stab,tovholder,energi-og-klima/3\nBO,bidrager,energi-og-klima/99\n"

    report = import_sheet(resource=ResponsibilityResource(), file=sheet.encode(), format="csv")

    row = gettext("Row %(row)s, «%(field)s»: %(message)s")
    assert sorted(report.errors) == sorted(
        [
            row % {"row": 3, "field": "Part", "message": gettext("No party is called «%(value)s».") % {"value": "BO"}},
            row
            % {
                "row": 3,
                "field": "Projekt",
                "message": gettext("«%(area)s» has no project number %(number)s.")
                % {"area": "energi-og-klima", "number": "99"},
            },
        ]
    )
    assert Responsibility.objects.count() == 0, "the valid first row is not written either"


def test_milestones_travel_with_their_project_and_come_back_unchanged(projects):
    project = projects[0]
    make_milestone(project=project, date=datetime.date(2011, 6, 1), date_wording="juni 2011", title="Analyse")
    make_milestone(area=project.area, project=None, date=datetime.date(2012, 1, 1), title="Status", reached=True)
    before = list(Milestone.objects.values_list("project", "area", "date", "date_wording", "title", "reached"))
    sheet = export_sheet(resource=MilestoneResource(), format="xlsx")
    Milestone.objects.all().delete()

    report = import_sheet(resource=MilestoneResource(), file=sheet, format="xlsx")

    assert report.errors == []
    assert list(Milestone.objects.values_list("project", "area", "date", "date_wording", "title", "reached")) == before


def test_a_milestone_outside_its_projects_period_is_refused_on_import(projects):
    sheet = "Projekt,Dato,Milepæl\nenergi-og-klima/3,1.6.2011,Analyse\nenergi-og-klima/3,1.10.2011,Evaluering\n"

    report = import_sheet(resource=MilestoneResource(), file=sheet.encode(), format="csv")

    [error] = report.errors
    assert error.startswith(
        gettext("Row %(row)s, «%(field)s»: %(message)s") % {"row": 3, "field": "Dato", "message": ""}
    )
    assert "Milepælen ligger uden for projektets periode (1. april 2011 – 1. september 2011)." in error
    assert Milestone.objects.count() == 0
