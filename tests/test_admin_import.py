"""The admin's spreadsheet import: a refused file is never kept, a preview's file is kept for its own user only
and removed on confirmation or after the time limit, and the confirmation opens nothing else."""

import datetime
import io
import os
import tempfile
import time

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects.models import Project
from tests.factories import make_area, make_grouping, make_milestone, make_project

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:projects_project_import")
CONFIRM_URL = reverse("admin:projects_project_process_import")

VALID_CSV = """Indsatsområde,Linie eller tema,Nummer,Titel,Start,Slut
energi-og-klima,Lokal efterspørgsel,3,Energi på dagsordenen,1.4.2011,1.9.2011
energi-og-klima,,4,Energimærkning,2011-07-01,2012-07-01
"""


@pytest.fixture(autouse=True)
def energy():
    area = make_area(slug="energi-og-klima", name="Energi og klima")
    make_grouping(area=area, name="Lokal efterspørgsel")
    return area


@pytest.fixture
def system_tmp(tmp_path, monkeypatch):
    """The system's temporary folder, where django-import-export's own storage keeps its files, made empty."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def kept_files(*folders) -> list[str]:
    return sorted(str(path) for folder in folders if folder.exists() for path in folder.rglob("*") if path.is_file())


def preview(client, text: str | bytes, name: str = "projekter.csv"):
    choices = client.get(IMPORT_URL).context["form"].fields["format"].choices
    csv = next(value for value, title in choices if title == "csv")
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(IMPORT_URL, {"import_file": SimpleUploadedFile(name, data), "format": csv, "resource": "0"})


def page_messages(client) -> list[str]:
    return [str(message) for message in get_messages(client.get(IMPORT_URL).wsgi_request)]


@pytest.fixture
def colleague_client(client, django_user_model):
    """Another member of the secretariat, in a browser of their own."""
    from django.test import Client

    colleague = Client(HTTP_ACCEPT_LANGUAGE="da")
    colleague.force_login(django_user_model.objects.create_superuser("kollega", "kollega@example.dk", "x"))
    return colleague


def test_a_file_over_the_size_limit_is_refused_naming_both_sizes_and_is_not_kept(
    admin_client_da, import_files_dir, system_tmp
):
    big = (VALID_CSV + "energi-og-klima,,5,Fyld,2011-07-01,2012-07-01\n" * 150_000).encode()[:6_500_000]

    response = preview(admin_client_da, big)

    [error] = response.context["form"].errors["import_file"]
    assert error == "Filen er 6,5 MB; den største fil, der kan indlæses, er 5 MB."
    assert "result" not in response.context, "no row was read"
    assert kept_files(import_files_dir, system_tmp) == []


def test_a_refused_preview_keeps_no_file(admin_client_da, import_files_dir, system_tmp):
    response = preview(admin_client_da, VALID_CSV.replace("2011-07-01,2012-07-01", "2011-07-01,2010-07-01"))

    assert "confirm_form" not in response.context
    assert kept_files(import_files_dir, system_tmp) == []


def test_a_preview_keeps_its_file_for_its_user_until_the_import_is_confirmed(
    admin_client_da, secretariat_admin, import_files_dir, system_tmp
):
    response = preview(admin_client_da, VALID_CSV)

    [kept] = kept_files(import_files_dir, system_tmp)
    assert kept.startswith(str(import_files_dir / str(secretariat_admin.pk)))
    assert response.context["confirm_form"].initial["import_file_name"] in kept

    confirmed = admin_client_da.post(CONFIRM_URL, response.context["confirm_form"].initial)

    assert confirmed.url == reverse("admin:projects_project_changelist")
    assert Project.objects.count() == 2
    assert kept_files(import_files_dir, system_tmp) == []


def test_a_confirmation_that_turns_out_bad_removes_the_file_too(admin_client_da, energy, import_files_dir):
    response = preview(admin_client_da, VALID_CSV)
    project = make_project(area=energy, number=4, start_date=datetime.date(2011, 8, 1), end_date=None)
    make_milestone(project=project, date=datetime.date(2013, 1, 1), title="Evaluering")
    assert len(kept_files(import_files_dir)) == 1, "kept in the user's folder for the confirmation"

    confirmed = admin_client_da.post(CONFIRM_URL, response.context["confirm_form"].initial)

    assert confirmed.url == IMPORT_URL
    assert not Project.objects.filter(number=3).exists()
    assert kept_files(import_files_dir) == []


def test_a_preview_left_unconfirmed_is_removed_after_the_time_limit(
    admin_client_da, colleague_client, import_files_dir, settings
):
    response = preview(admin_client_da, VALID_CSV)
    [kept] = kept_files(import_files_dir)
    an_hour_ago = time.time() - (settings.IMPORT_PREVIEW_MINUTES + 1) * 60
    os.utime(kept, (an_hour_ago, an_hour_ago))
    preview(colleague_client, VALID_CSV)

    colleague_client.get(IMPORT_URL)  # any import page sweeps

    [colleagues] = kept_files(import_files_dir)
    assert colleagues != kept, "the colleague's fresh preview stays"
    confirmed = admin_client_da.post(CONFIRM_URL, response.context["confirm_form"].initial)
    assert confirmed.url == IMPORT_URL
    [message] = page_messages(admin_client_da)
    assert "mere end 30 minutter gammel" in message
    assert Project.objects.count() == 0


def test_the_confirmation_opens_no_file_but_one_its_own_users_preview_kept(
    admin_client_da, colleague_client, import_files_dir, system_tmp
):
    colleagues_preview = preview(colleague_client, VALID_CSV)
    (system_tmp / "hemmelig.csv").write_text("Adgangskode: hunter2\n")
    mine = preview(admin_client_da, VALID_CSV).context["confirm_form"].initial
    before = kept_files(import_files_dir, system_tmp)

    for name in (
        colleagues_preview.context["confirm_form"].initial["import_file_name"],
        "hemmelig.csv",
        "../../../../etc/passwd",
    ):
        confirmed = admin_client_da.post(CONFIRM_URL, mine | {"import_file_name": name}, follow=True)

        page = confirmed.content.decode()
        assert confirmed.redirect_chain == [(IMPORT_URL, 302)]
        assert "Forhåndsvisningen af denne import findes ikke længere" in page
        assert "hunter2" not in page and "root:" not in page
        assert Project.objects.count() == 0
    assert kept_files(import_files_dir, system_tmp) == before, "nobody's file is deleted"


def test_an_admin_export_carries_no_formula_and_keeps_its_dates(admin_client_da, energy):
    make_project(area=energy, number=3, title='=HYPERLINK("http://x";"Klik")', start_date=datetime.date(2011, 4, 1))
    fields = {f"projectresource_{name}": "on" for name in ("area", "number", "title", "start_date")}

    response = admin_client_da.post(reverse("admin:projects_project_export"), {"format": "0", "resource": "0"} | fields)

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Indsatsområde", "Nummer", "Titel", "Start"]
    assert (sheet["C2"].data_type, sheet["C2"].value) == ("s", '\'=HYPERLINK("http://x";"Klik")')
    assert sheet["D2"].value.date() == datetime.date(2011, 4, 1), "a date cell, not text"


def test_the_import_page_lists_its_columns_and_previews_names_and_danish_dates(admin_client_da):
    page = admin_client_da.get(IMPORT_URL).content.decode()
    columns = page.split('<ul class="sheet-columns">')[1].split("</ul>")[0]
    assert "<li>Indsatsområde</li>" in columns and "<li>Fremdrift (%)</li>" in columns
    assert "<code>" not in page.split('<ul class="sheet-columns">')[0].split("<form")[-1]

    response = preview(admin_client_da, VALID_CSV)

    table = response.content.decode().split('<table class="import-preview">')[1].split("</table>")[0]
    assert ">Energi og klima<" in table and ">Lokal efterspørgsel<" in table
    assert "1. april 2011" in table and "1. juli 2011" in table
    assert "energi-og-klima" not in table and "2011-07-01" not in table
