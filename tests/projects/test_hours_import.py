"""The secretariat imports timesheets kept in Excel: date, project, hours, person, note."""

import datetime
from decimal import Decimal

import pytest
import tablib
from django.utils import timezone, translation

from byaftale.sheets import import_sheet
from projects.models import HourRegistration
from projects.resources import HourRegistrationResource, ProjectResource
from tests.factories import make_area, make_project, make_user

pytestmark = pytest.mark.django_db
HEADERS = ["Dato", "Projekt", "Timer", "Registreret af", "Note"]


def sheet(*rows, headers=HEADERS) -> bytes:
    data = tablib.Dataset(*rows, headers=headers)
    return data.export("csv").encode()


@pytest.fixture
def setting():
    area = make_area(slug="energi-og-klima")
    project = make_project(area=area, number=3)
    person = make_user(username="hanne", email="hanne@odense.dk")
    return area, project, person


def run(data: bytes, **kwargs):
    with translation.override("da"):
        return import_sheet(
            resource=HourRegistrationResource(), file=data, format="csv", file_name="uge 12.csv", **kwargs
        )


def test_a_timesheet_becomes_registrations_with_their_history(setting):
    _area, project, person = setting
    secretary = make_user(username="sekretariat")

    report = run(
        sheet(
            ["2.3.2011", "energi-og-klima/3", "7,5", "hanne", "Workshop"],
            ["3.3.2011", "energi-og-klima/3", "4", "hanne@odense.dk", ""],
        ),
        user=secretary,
    )

    assert report.errors == [] and report.created == 2
    rows = list(
        HourRegistration.objects.order_by("date").values_list("date", "project", "hours", "registered_by", "note")
    )
    assert rows == [
        (datetime.date(2011, 3, 2), project.pk, Decimal("7.50"), person.pk, "Workshop"),
        (datetime.date(2011, 3, 3), project.pk, Decimal("4.00"), person.pk, ""),
    ]
    history = HourRegistration.history.order_by("history_id")
    assert [(h.history_type, h.history_change_reason, h.history_user_id) for h in history] == [
        ("+", "Importeret fra uge 12.csv", secretary.pk)
    ] * 2


def test_the_same_timesheet_imported_twice_adds_its_hours_once(setting):
    data = sheet(["2.3.2011", "energi-og-klima/3", "7,5", "hanne", "Workshop"])

    run(data)
    again = run(data)

    assert (again.created, again.skipped) == (0, 1)
    assert HourRegistration.objects.count() == 1


def test_a_bad_row_is_named_and_nothing_is_written(setting):
    report = run(
        sheet(
            ["2.3.2011", "energi-og-klima/3", "7,5", "hanne", ""],
            ["3.3.2011", "energi-og-klima/3", "30", "hanne", ""],
            ["4.3.2007", "energi-og-klima/3", "2", "hanne", ""],
            ["5.3.2011", "energi-og-klima/3", "halv", "ukendt", ""],
        )
    )

    assert report.errors == [
        "Række 3, «Timer»: En registrering gælder én dag: højst 24 timer.",
        "Række 4, «Dato»: Datoen kan ikke ligge før 2008, hvor samarbejdet begyndte.",
        "Række 5, «Timer»: Skriv timerne som et tal, fx 7,5.",
        "Række 5, «Registreret af»: Ingen person har brugernavnet eller e-mailadressen «ukendt».",
    ]
    assert HourRegistration.objects.count() == 0


def test_a_project_sheet_naming_one_number_twice_is_refused_by_row(setting):
    resource = ProjectResource()
    headers = [resource.fields[f].column_name for f in ("area", "number", "title")]

    with translation.override("da"):
        report = import_sheet(
            resource=resource,
            file=sheet(["energi-og-klima", 40, "Først"], ["energi-og-klima", 40, "Igen"], headers=headers),
            format="csv",
        )

    assert report.errors == ["Række 3, «Nummer»: Indsatsområdet har allerede et projekt med dette nummer."]


def test_the_same_bad_cell_on_several_rows_is_named_on_each(setting):
    # An import reads a cell it has read before from memory; a refusal must still reach every row that has it.
    future = (timezone.localdate() + datetime.timedelta(days=30)).strftime("%d.%m.%Y")
    report = run(
        sheet(
            [future, "energi-og-klima/3", "2", "hanne", ""],
            ["2.3.2011", "energi-og-klima/3", "2", "ukendt", ""],
            [future, "energi-og-klima/3", "2", "hanne", ""],
            ["3.3.2011", "energi-og-klima/3", "2", "ukendt", ""],
        )
    )

    assert report.errors == [
        "Række 2, «Dato»: Datoen kan ikke ligge i fremtiden.",
        "Række 3, «Registreret af»: Ingen person har brugernavnet eller e-mailadressen «ukendt».",
        "Række 4, «Dato»: Datoen kan ikke ligge i fremtiden.",
        "Række 5, «Registreret af»: Ingen person har brugernavnet eller e-mailadressen «ukendt».",
    ]
    assert HourRegistration.objects.count() == 0


def test_each_imported_registration_has_a_history_entry_holding_its_values(setting):
    rows = [[f"{day}.3.2011", "energi-og-klima/3", f"{day % 8 + 1},5", "hanne", f"Dag {day}"] for day in range(1, 29)]

    report = run(sheet(*rows))

    assert report.created == 28
    fields = ("id", "date", "project_id", "hours", "registered_by_id", "note", "created_at", "version")
    saved = list(HourRegistration.objects.order_by("id").values_list(*fields))
    history = HourRegistration.history.order_by("history_id")
    assert list(history.values_list(*fields)) == saved
    assert {(h.history_type, h.history_change_reason) for h in history} == {("+", "Importeret fra uge 12.csv")}
