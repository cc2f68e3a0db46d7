"""The secretariat's admin: every changelist shows the columns one scans, to the secretariat and to no one else;
the project list costs the same few queries however long it is; a sheet goes in through a preview."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from cooperation.models import AgreementSection, AgreementTask, CooperationAgreement, Signatory
from projects.models import FinancingItem, Project, Relation
from tests.admin_pages import column_headers, result_table
from tests.factories import (
    make_area,
    make_grouping,
    make_milestone,
    make_party,
    make_plan,
    make_project,
    make_relation,
    make_responsibility,
)

pytestmark = pytest.mark.django_db


def da(msgid: str) -> str:
    """A column header the admin adds itself, as the Danish catalog renders it (or the English until translated)."""
    with translation.override("da"):
        return capfirst(translation.gettext(msgid))


def make_energy_project() -> Project:
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    line = make_grouping(area=area, kind="line", name="Lokal efterspørgsel")
    return make_project(
        area=area,
        grouping=line,
        number=3,
        label="Delprojekt 3",
        title="Energi på dagsordenen",
        start_date=datetime.date(2011, 4, 1),
        end_date=datetime.date(2011, 9, 1),
        hour_budget=1750,
        status=Project.Status.IN_PROGRESS,
        progress=40,
    )


def make_agreement() -> CooperationAgreement:
    agreement = CooperationAgreement.objects.create(
        slug="samarbejdsaftale-2008",
        title="Samarbejdsaftale om boligstrategisk samarbejde",
        between="Odense Kommune og de almene boligorganisationer",
        signed_on=datetime.date(2008, 6, 1),
        first_revision_year=2010,
    )
    AgreementSection.objects.create(agreement=agreement, number=1, heading="Formål", body="Et fælles samarbejde.")
    AgreementTask.objects.create(
        agreement=agreement,
        position=1,
        key=AgreementTask.Key.STRATEGY,
        title="Strategi",
        summary="Fælles strategi",
        heading="Strategisk udvikling",
        description="…",
    )
    Signatory.objects.create(
        agreement=agreement,
        side=Signatory.Side.MUNICIPALITY,
        position=1,
        party=make_party(name="Odense Kommune", kind="municipality"),
        name="Jan Boye",
        job_title="Borgmester",
    )
    return agreement


def build_project_list():
    make_energy_project()


def build_responsibilities():
    project = make_energy_project()
    make_responsibility(
        party=make_party(name="Bystrategisk Stab", kind="staff_unit"), project=project, role="lead", wording="Tovholder"
    )


def build_relations():
    project = make_energy_project()
    make_relation(from_project=make_project(area=project.area, label="Delprojekt 8", title="Lokale kampagner"),
                  to_project=project, kind=Relation.Kind.CAN_CONTRIBUTE)  # fmt: skip


def build_financing():
    project = make_energy_project()
    FinancingItem.objects.create(
        project=project, kind=FinancingItem.Kind.PER_YEAR, amount=500000, is_estimate=True, payer=make_party(name="BO")
    )


def build_milestones():
    make_milestone(project=make_energy_project(), date=datetime.date(2011, 6, 1), title="Første analyse foreligger")


def build_plan():
    make_energy_project()
    make_plan(title="Byaftale", subtitle="Handlingsplan 2010", year=2010)


CHANGELISTS = [
    pytest.param(
        "projects_project",
        build_project_list,
        [
            "Betegnelse",
            "Titel",
            "Indsatsområde",
            "Start",
            "Slut",
            "Timebudget",
            "Status",
            "Fremdrift (%)",
        ],
        [
            "Delprojekt 3",
            "Energi på dagsordenen",
            "Energi og klima",
            "Lokal efterspørgsel",
            "1. april 2011",
            "1. september 2011",
            "1.750",
            "i gang",
            "40 %",
        ],
        id="projects",
    ),  # fmt: skip
    pytest.param(
        "projects_responsibility",
        build_responsibilities,
        ["Part", "Rolle", da("responsible for"), "Som skrevet"],
        ["Bystrategisk Stab", "tovholder", "Delprojekt 3: Energi på dagsordenen", "Tovholder"],
        id="responsibilities",
    ),
    pytest.param(
        "projects_relation",
        build_relations,
        ["Projekt", "Sammenhæng", da("related to")],
        ["Delprojekt 8: Lokale kampagner", "kan bidrage til", "Delprojekt 3: Energi på dagsordenen"],
        id="relations",
    ),
    pytest.param(
        "projects_financingitem",
        build_financing,
        ["Projekt", "Beløb", "Enhed", "Skøn", "Betales af"],
        ["Delprojekt 3: Energi på dagsordenen", "500.000,00", "pr. år (kr./år)", "BO"],
        id="financing",
    ),
    pytest.param(
        "projects_milestone",
        build_milestones,
        ["Dato", "Dato, som skrevet", "Milepæl", da("milestone of"), "Nået"],
        ["1. juni 2011", "Første analyse foreligger", "Delprojekt 3: Energi på dagsordenen"],
        id="milestones",
    ),
    pytest.param(
        "areas_focusarea",
        build_project_list,
        ["Rækkefølge", "Navn", "Handlingsplan", "Sidst opdateret", da("projects"), da("hours budgeted")],
        ["Energi og klima", "13. oktober 2010", "1.750"],
        id="focus areas",
    ),
    pytest.param(
        "areas_grouping",
        build_project_list,
        ["Navn", "Type", "Indsatsområde", "Rækkefølge", da("projects")],
        ["Lokal efterspørgsel", "overordnet linie", "Energi og klima"],
        id="lines and themes",
    ),
    pytest.param(
        "areas_actionplan",
        build_plan,
        ["Titel", "Undertitel", "År", "Masterplanens version", "Samarbejdsaftale"],
        ["Byaftale", "Handlingsplan 2010", "2010"],
        id="action plans",
    ),
    pytest.param(
        "cooperation_cooperationagreement",
        make_agreement,
        ["Titel", "Mellem", "Indgået", "Revideres hvert (år)", "Første revision (år)"],
        ["Samarbejdsaftale om boligstrategisk samarbejde", "1. juni 2008", "2010"],
        id="agreements",
    ),
    pytest.param(
        "cooperation_agreementsection",
        make_agreement,
        ["Nummer", "Overskrift", "Aftale"],
        ["Formål", "Samarbejdsaftale om boligstrategisk samarbejde"],
        id="agreement sections",
    ),
    pytest.param(
        "cooperation_agreementtask",
        make_agreement,
        ["Rækkefølge", "Titel", "Opgave", "Aftale"],
        ["Strategi", "strategi"],
        id="agreement tasks",
    ),
    pytest.param(
        "cooperation_signatory",
        make_agreement,
        ["Navn", "Stilling", "Part", "Underskriver for", "Aftale"],
        ["Jan Boye", "Borgmester", "Odense Kommune", "for Odense Kommune"],
        id="signatories",
    ),
]


@pytest.mark.parametrize(("page", "build", "headers", "content"), CHANGELISTS)
def test_each_changelist_shows_the_secretariat_the_columns_one_scans(admin_client_da, page, build, headers, content):
    build()

    response = admin_client_da.get(reverse(f"admin:{page}_changelist"))

    assert response.status_code == 200
    for header in headers:
        assert header in column_headers(response)
    for text in content:
        assert text in result_table(response)


@pytest.mark.parametrize("page", [param.values[0] for param in CHANGELISTS] + ["parties_party", "areas_areasection"])
def test_each_changelist_sends_anonymous_visitors_to_the_login(client, page):
    url = reverse(f"admin:{page}_changelist")

    response = client.get(url)

    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={url}"


def test_staff_without_permissions_are_refused_the_project_list(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("praktikant", password="x", is_staff=True))

    assert client.get(reverse("admin:projects_project_changelist")).status_code == 403


@pytest.mark.parametrize("count", [3, 30])
def test_the_project_list_runs_the_same_few_queries_for_3_and_for_30_projects(
    admin_client_da, django_assert_max_num_queries, count
):
    areas = [make_area() for _ in range(3)]
    groupings = [make_grouping(area=area) for area in areas]
    for n in range(count):
        make_project(area=areas[n % 3], grouping=groupings[n % 3])

    # 11, and the session's renewal: a savepoint, its update and the release.
    with django_assert_max_num_queries(11 + 3):
        response = admin_client_da.get(reverse("admin:projects_project_changelist"))

    assert len(response.context["cl"].result_list) == count


def test_the_project_form_shows_its_inlines_and_the_relations_other_projects_state_towards_it(admin_client_da):
    project = make_energy_project()
    campaigns = make_project(area=project.area, label="Delprojekt 8", title="Lokale kampagner")
    make_relation(from_project=campaigns, to_project=project, kind=Relation.Kind.CAN_CONTRIBUTE)
    make_milestone(project=project, title="Første analyse foreligger")

    response = admin_client_da.get(reverse("admin:projects_project_change", args=[project.pk]))

    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["responsibilities", "relations_out", "financing_items", "milestones"]
    assert "Første analyse foreligger" in response.content.decode()
    incoming = response.context["adminform"].form.instance.relations_in.get()
    assert incoming.from_project == campaigns
    page = response.content.decode()
    assert (
        f'<a href="{reverse("admin:projects_project_change", args=[campaigns.pk])}">Delprojekt 8: Lokale kampagner</a>'
        in page
    )


def test_the_focus_area_form_edits_sections_lines_and_area_wide_responsibilities_and_milestones(admin_client_da):
    area = make_energy_project().area

    response = admin_client_da.get(reverse("admin:areas_focusarea_change", args=[area.pk]))

    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["sections", "groupings", "responsibilities", "milestones"]


def test_the_agreement_form_edits_sections_tasks_and_signatories(admin_client_da):
    agreement = make_agreement()

    response = admin_client_da.get(reverse("admin:cooperation_cooperationagreement_change", args=[agreement.pk]))

    prefixes = [inline.formset.prefix for inline in response.context["inline_admin_formsets"]]
    assert prefixes == ["sections", "tasks", "signatories"]
    assert "Jan Boye" in response.content.decode()


VALID_CSV = """Indsatsområde,Linie eller tema,Nummer,Betegnelse,Titel,Start,Slut,Timebudget,Status
energi-og-klima,Lokal efterspørgsel,3,Delprojekt 3,Energi på dagsordenen,1.4.2011,1.9.2011,300,ikke startet
energi-og-klima,,4,Delprojekt 4,Energimærkning,2011-07-01,2012-07-01,1.750,i gang
"""


def upload(text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile("projekter.csv", text.encode("utf-8"), content_type="text/csv")


def csv_format_choice(response) -> str:
    return next(value for value, title in response.context["form"].fields["format"].choices if title == "csv")


def test_a_valid_sheet_goes_in_through_the_admins_preview_and_confirmation(admin_client_da, secretariat_admin):
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    make_grouping(area=area, name="Lokal efterspørgsel")
    import_url = reverse("admin:projects_project_import")
    csv = csv_format_choice(admin_client_da.get(import_url))

    preview = admin_client_da.post(import_url, {"import_file": upload(VALID_CSV), "format": csv, "resource": "0"})

    assert preview.status_code == 200
    assert Project.objects.count() == 0, "the preview writes nothing"
    assert [row.import_type for row in preview.context["result"].valid_rows()] == ["new", "new"]
    assert "Energimærkning" in preview.content.decode()

    confirmed = admin_client_da.post(
        reverse("admin:projects_project_process_import"), preview.context["confirm_form"].initial
    )

    assert confirmed.status_code == 302
    assert confirmed.url == reverse("admin:projects_project_changelist")
    energy = Project.objects.get(area=area, number=4)
    assert (energy.hour_budget, energy.status, energy.start_date) == (1750, "in_progress", datetime.date(2011, 7, 1))
    assert Project.objects.get(number=3).grouping.name == "Lokal efterspørgsel"
    assert energy.history.get().history_user == secretariat_admin


def test_a_bad_sheet_shows_its_errors_in_the_preview_by_row_and_column_and_writes_nothing(admin_client_da):
    make_grouping(area=make_area(slug="energi-og-klima"), name="Lokal efterspørgsel")
    import_url = reverse("admin:projects_project_import")
    csv = csv_format_choice(admin_client_da.get(import_url))
    bad = VALID_CSV.replace("2011-07-01,2012-07-01", "2011-07-01,2010-07-01")

    response = admin_client_da.post(import_url, {"import_file": upload(bad), "format": csv, "resource": "0"})

    assert response.status_code == 200
    assert "confirm_form" not in response.context
    [invalid] = response.context["result"].invalid_rows
    assert invalid.number == 3, "the spreadsheet's own row: the header is row 1"
    assert invalid.field_specific_errors == {"Slut": ["Slutdatoen kan ikke ligge før starten."]}
    page = " ".join(response.content.decode().split())
    message = gettext("Row %(row)s, «%(field)s»: %(message)s") % {
        "row": 3,
        "field": "Slut",
        "message": "Slutdatoen kan ikke ligge før starten.",
    }
    assert f'<ul class="errorlist sheet-errors"> <li>{message}</li> </ul>' in page, "listed plainly, not behind a hover"
    assert "<td>3 </td>" in page
    assert (
        '<span class="validation-error-field-label">Slut</span> <ul> <li>Slutdatoen kan ikke ligge før starten.</li>'
        in page
    )
    assert Project.objects.count() == 0


def test_staff_who_may_only_view_projects_may_export_but_not_import_them(client, django_user_model):
    clerk = django_user_model.objects.create_user("kontor", password="x", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_project"))
    client.force_login(clerk)
    make_energy_project()

    changelist = client.get(reverse("admin:projects_project_changelist"))
    export = client.post(reverse("admin:projects_project_export"), {"format": "0", "resource": "0"} | {
        f"projectresource_{name}": "on" for name in ("area", "number", "title")
    })  # fmt: skip

    assert changelist.status_code == 200
    assert reverse("admin:projects_project_import") not in changelist.content.decode()
    assert client.get(reverse("admin:projects_project_import")).status_code == 403
    assert export.status_code == 200
    assert export["Content-Disposition"].startswith('attachment; filename="projekter-')


def test_a_sheet_that_turns_bad_between_preview_and_confirmation_is_not_applied_at_all(admin_client_da):
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    make_grouping(area=area, name="Lokal efterspørgsel")
    import_url = reverse("admin:projects_project_import")
    csv = csv_format_choice(admin_client_da.get(import_url))
    preview = admin_client_da.post(import_url, {"import_file": upload(VALID_CSV), "format": csv, "resource": "0"})
    make_project(area=area, number=4, start_date=datetime.date(2011, 8, 1), end_date=None)
    make_milestone(project=Project.objects.get(number=4), date=datetime.date(2013, 1, 1), title="Evaluering")

    confirmed = admin_client_da.post(
        reverse("admin:projects_project_process_import"), preview.context["confirm_form"].initial
    )

    assert confirmed.status_code == 302
    assert confirmed.url == import_url
    [message] = [str(m) for m in admin_client_da.get(import_url).context["messages"]]
    assert "«Slut»" in message and "«Evaluering» (01.2013)" in message
    assert not Project.objects.filter(number=3).exists(), "the valid first row is rolled back with the bad one"
    assert Project.objects.get(number=4).end_date is None


def test_a_sheet_with_a_column_the_import_does_not_know_is_refused_in_plain_words(admin_client_da):
    make_grouping(area=make_area(slug="energi-og-klima"), name="Lokal efterspørgsel")
    import_url = reverse("admin:projects_project_import")
    csv = csv_format_choice(admin_client_da.get(import_url))

    response = admin_client_da.post(
        import_url, {"import_file": upload(VALID_CSV.replace("Slut,", "Slutdato,")), "format": csv, "resource": "0"}
    )

    page = response.content.decode()
    assert "«Slutdato»" in page
    assert "Traceback" not in page
    assert "confirm_form" not in response.context
    assert Project.objects.count() == 0


@pytest.mark.parametrize(
    ("language", "typed", "amount"),
    [("da", "1.250.000,50", "1250000.50"), ("en", "1,250,000.50", "1250000.50"), ("en", "2500,5", "2500.5")],
)
def test_a_financing_amount_is_read_with_its_thousands_and_decimals_in_every_language(
    admin_client_da, language, typed, amount
):
    project = make_energy_project()
    admin_client_da.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    data = {"project": project.pk, "kind": FinancingItem.Kind.PER_YEAR, "amount": typed, "payer": make_party().pk}

    response = admin_client_da.post(reverse("admin:projects_financingitem_add"), data)

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert FinancingItem.objects.get().amount == Decimal(amount)


def test_a_financing_amount_that_reads_two_ways_is_refused_in_the_admin(admin_client_da):
    data = {"project": make_energy_project().pk, "kind": FinancingItem.Kind.PER_YEAR, "amount": "12.500"}

    response = admin_client_da.post(reverse("admin:projects_financingitem_add"), data)

    assert response.context["adminform"].form.errors["amount"] == [
        "«12.500» kan læses som 12.500 eller 12,5; skriv 12500 eller 12,5."
    ]
    assert not FinancingItem.objects.exists()
