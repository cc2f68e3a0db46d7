"""The parties in the admin: the secretariat finds them by name and kind, sees whom an organisation administers,
and moves them in and out as a sheet in which one party names another by its name."""

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from byaftale.sheets import export_sheet, import_sheet
from parties.models import Party
from parties.resources import PartyResource
from tests.admin_pages import column_headers, result_table
from tests.factories import make_party

pytestmark = pytest.mark.django_db


@pytest.fixture
def fyns_almene():
    """An administrator, two organisations it administers and a unit of the municipality."""
    administrator = make_party(name="Fyns Almennyttige Boligselskab", short_name="FAB", kind=Party.Kind.ADMINISTRATOR)
    make_party(name="Boligforeningen Kristiansdal", administered_by=administrator)
    make_party(name="Andelsboligforeningen Sct. Jørgens Gaard", administered_by=administrator)
    municipality = make_party(name="Odense Kommune", kind=Party.Kind.MUNICIPALITY)
    make_party(name="Bystrategisk Stab", kind=Party.Kind.STAFF_UNIT, part_of=municipality)
    return administrator


def test_the_party_list_shows_names_kinds_and_who_administers_whom(admin_client_da, fyns_almene):
    response = admin_client_da.get(reverse("admin:parties_party_changelist"))

    assert response.status_code == 200
    assert column_headers(response) == [
        "Navn", "Kort navn", "Type", "Administreres af", "Del af",
        "Navn tilføjet af portalen", "Beskrivelse tilføjet af portalen",
    ]  # fmt: skip
    table = result_table(response)
    assert "Boligforeningen Kristiansdal - boligorganisation Fyns Almennyttige Boligselskab -" in table
    assert "Bystrategisk Stab - stab eller enhed - Odense Kommune" in table


def test_the_party_list_is_searched_by_short_name_and_filtered_by_kind(admin_client_da, fyns_almene):
    url = reverse("admin:parties_party_changelist")

    by_short_name = admin_client_da.get(url, {"q": "FAB"})
    staff_units = admin_client_da.get(url, {"kind__exact": Party.Kind.STAFF_UNIT})

    assert [party.name for party in by_short_name.context["cl"].result_list] == ["Fyns Almennyttige Boligselskab"]
    assert [party.name for party in staff_units.context["cl"].result_list] == ["Bystrategisk Stab"]


def test_anonymous_visitors_are_sent_to_the_login(client, fyns_almene):
    url = reverse("admin:parties_party_change", args=[fyns_almene.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


def test_an_administrators_page_lists_the_organisations_it_administers(admin_client_da, fyns_almene):
    response = admin_client_da.get(reverse("admin:parties_party_change", args=[fyns_almene.pk]))

    [administered, units] = response.context["inline_admin_formsets"]
    assert [form.instance.name for form in administered.formset.forms] == [
        "Andelsboligforeningen Sct. Jørgens Gaard",
        "Boligforeningen Kristiansdal",
    ]
    assert not administered.has_add_permission and not administered.has_delete_permission
    assert units.formset.forms == []
    kristiansdal = Party.objects.get(name="Boligforeningen Kristiansdal")
    assert reverse("admin:parties_party_change", args=[kristiansdal.pk]) in response.content.decode()


def test_parties_are_offered_by_name_where_a_project_names_a_responsible_party(admin_client_da, fyns_almene):
    response = admin_client_da.get(
        reverse("admin:autocomplete"),
        {"term": "kristians", "app_label": "projects", "model_name": "responsibility", "field_name": "party"},
    )

    assert [result["text"] for result in response.json()["results"]] == ["Boligforeningen Kristiansdal"]


def test_parties_exported_in_any_order_import_into_an_empty_table_administrators_first(fyns_almene):
    # Created after those it administers, the administrator would come last in a sheet sorted by name.
    late = make_party(name="Ålborg Boligadministration", kind=Party.Kind.ADMINISTRATOR)
    Party.objects.filter(name="Boligforeningen Kristiansdal").update(administered_by=late)
    before = sorted(
        Party.objects.values_list("name", "short_name", "kind", "administered_by__name", "part_of__name", "description")
    )
    sheet = export_sheet(resource=PartyResource(), format="xlsx")
    Party.objects.update(administered_by=None, part_of=None)
    Party.objects.all().delete()

    report = import_sheet(resource=PartyResource(), file=sheet, format="xlsx")

    assert report.errors == []
    after = sorted(
        Party.objects.values_list("name", "short_name", "kind", "administered_by__name", "part_of__name", "description")
    )
    assert after == before


def test_a_party_naming_an_unknown_administrator_is_refused_naming_the_row_and_column(fyns_almene):
    sheet = "Navn,Type,Administreres af\nBoligforeningen Højstrup,boligorganisation,Ukendt Administration\n"

    report = import_sheet(resource=PartyResource(), file=sheet.encode(), format="csv")

    unknown = gettext("No party is called «%(value)s».") % {"value": "Ukendt Administration"}
    row = gettext("Row %(row)s, «%(field)s»: %(message)s")
    assert report.errors == [row % {"row": 2, "field": "Administreres af", "message": unknown}]
    assert not Party.objects.filter(name="Boligforeningen Højstrup").exists()
