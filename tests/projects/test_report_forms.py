"""The portal's forms for status reports and hours: who may use them, what they save and record in the
history, and how they answer wrong input (in Danish, beside the field, keeping what was typed)."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP
from projects.models import HourRegistration, Project, StatusReport
from tests.factories import make_user

pytestmark = pytest.mark.django_db

STATUS = "projects:new-status-report"
HOURS = "projects:new-hours"


@pytest.fixture
def project(seeded) -> Project:
    return Project.objects.get(area__slug="energi-og-klima", number=3)


@pytest.fixture
def other_project(seeded) -> Project:
    return Project.objects.get(area__slug="energi-og-klima", number=4)


def url(name: str, project: Project) -> str:
    return reverse(name, args=[project.area.slug, project.number])


def today() -> str:
    return timezone.localdate().isoformat()


def report_data(**fields) -> dict:
    return {"date": today(), "light": "green", "text": "Første workshop er holdt.", "progress": "", **fields}


def hours_data(**fields) -> dict:
    return {"date": today(), "hours": "7,5", "note": "Workshop med driftschefer", **fields}


def signed_in(client, user):
    client.force_login(user)
    return client


# Who may use which form


def test_the_steering_group_files_status_reports_for_any_project_but_registers_no_hours(client, project, other_project):
    member = make_user(STEERING_GROUP)
    signed_in(client, member)

    assert client.get(url(STATUS, other_project)).status_code == 200
    response = client.post(url(STATUS, project), report_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("projects:project", args=["energi-og-klima", 3])
    assert project.status_reports.get().reported_by == member
    assert client.get(url(HOURS, project)).status_code == 403
    assert client.post(url(HOURS, project), hours_data()).status_code == 403
    assert not HourRegistration.objects.exists()


def test_the_secretariat_does_both(client, project):
    clerk = make_user(SECRETARIAT)
    signed_in(client, clerk)

    assert client.post(url(STATUS, project), report_data()).status_code == 302
    assert client.post(url(HOURS, project), hours_data()).status_code == 302
    assert project.status_reports.get().reported_by == clerk
    assert project.hour_registrations.get().registered_by == clerk


def test_a_contact_person_without_a_role_reports_on_their_own_project_only(client, project, other_project):
    person = make_user()
    project.contact_persons.add(person)
    signed_in(client, person)

    assert client.post(url(STATUS, project), report_data()).status_code == 302
    assert client.post(url(HOURS, project), hours_data()).status_code == 302
    for name in (STATUS, HOURS):
        assert client.get(url(name, other_project)).status_code == 403
    assert client.post(url(STATUS, other_project), report_data()).status_code == 403
    assert client.post(url(HOURS, other_project), hours_data()).status_code == 403
    assert not other_project.status_reports.exists() and not other_project.hour_registrations.exists()


@pytest.mark.parametrize("name", [STATUS, HOURS])
def test_a_board_member_uses_neither_form(client, project, name):
    signed_in(client, make_user(BOARD_MEMBER))

    assert client.get(url(name, project)).status_code == 403
    assert client.post(url(name, project), {**report_data(), **hours_data()}).status_code == 403
    assert not StatusReport.objects.exists() and not HourRegistration.objects.exists()


@pytest.mark.parametrize("name", [STATUS, HOURS])
def test_strangers_are_sent_to_sign_in(client, project, name):
    response = client.post(url(name, project), {**report_data(), **hours_data()})

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url(name, project)}"


@pytest.mark.parametrize("name", [STATUS, HOURS])
def test_an_unknown_project_has_no_form(client, seeded, name):
    signed_in(client, make_user(SECRETARIAT))

    assert client.get(reverse(name, args=["energi-og-klima", 99])).status_code == 404


# What the forms show and save


def test_the_status_form_asks_for_a_traffic_light_in_words(client, project):
    html = signed_in(client, make_user(STEERING_GROUP)).get(url(STATUS, project)).content.decode()

    assert html.count("<h1") == 1
    assert "Rapportér status" in html
    assert "<legend>Trafiklys:</legend>" in html
    for label in ("Grøn: går efter planen", "Gul: i risiko", "Rød: går ikke efter planen"):
        assert label in html
    assert html.count('type="radio" name="light"') == 3
    assert '<label for="id_date">Dato:</label>' in html
    assert f'value="{today()}"' in html  # today, ready to keep
    assert '<label for="id_text">Sådan går projektet:</label>' in html
    assert '<label for="id_progress">Fremdrift (%) (valgfrit):</label>' in html
    assert "Lad feltet stå tomt for at beholde projektets fremdrift." in html


def test_the_hours_form_asks_for_date_hours_and_a_note(client, project):
    html = signed_in(client, make_user(SECRETARIAT)).get(url(HOURS, project)).content.decode()

    assert "Registrér timer" in html
    assert '<label for="id_date">Dato:</label>' in html
    assert f'value="{today()}"' in html
    assert '<label for="id_hours">Timer:</label>' in html
    assert '<label for="id_note">Note (valgfrit):</label>' in html


def test_a_saved_report_says_so_on_the_project_page(client, project):
    signed_in(client, make_user(STEERING_GROUP))

    response = client.post(url(STATUS, project), report_data(light="yellow", text="Tidsplanen skrider."), follow=True)

    html = response.content.decode()
    assert "Statusrapporten er gemt." in html
    assert "Gul: i risiko" in html and "Tidsplanen skrider." in html


def test_registered_hours_are_read_the_danish_way_and_counted_on_the_page(client, project):
    signed_in(client, make_user(SECRETARIAT))

    response = client.post(url(HOURS, project), hours_data(hours="12,5"), follow=True)

    registration = project.hour_registrations.get()
    assert registration.hours == Decimal("12.5")
    assert registration.note == "Workshop med driftschefer"
    assert "Timerne er registreret." in response.content.decode()
    assert "12,50 timer registreret" in response.content.decode()


@pytest.mark.parametrize("typed", ["7,5", "7.5"])
@pytest.mark.parametrize(
    ("accept_language", "cookie", "registered"),
    [
        ("en-US,en;q=0.9", None, "7,50 timer registreret"),  # an English browser alone changes nothing
        ("da", "en", "7.50 hours registered"),  # English chosen with the switch
        ("en", "en", "7.50 hours registered"),
    ],
)
def test_seven_and_a_half_hours_are_seven_and_a_half_in_every_language(
    client, project, typed, accept_language, cookie, registered
):
    signed_in(client, make_user(SECRETARIAT))
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie

    response = client.post(
        url(HOURS, project), hours_data(hours=typed), follow=True, HTTP_ACCEPT_LANGUAGE=accept_language
    )

    assert project.hour_registrations.get().hours == Decimal("7.5")
    assert registered in response.content.decode()


@pytest.mark.parametrize(
    ("cookie", "message"),
    [
        (None, "«1.750» kan læses som 1.750 eller 1,75; skriv 1750 eller 1,75."),
        ("en", "«1.750» can be read as 1,750 or 1.75; write 1750 or 1.75."),
    ],
)
def test_hours_that_read_two_ways_are_refused_beside_the_field_with_both_readings(client, project, cookie, message):
    signed_in(client, make_user(SECRETARIAT))
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie

    response = client.post(url(HOURS, project), hours_data(hours="1.750"), HTTP_ACCEPT_LANGUAGE="en")

    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_hours_error"><li>{message}</li></ul>' in html
    assert 'value="1.750"' in html
    assert not HourRegistration.objects.exists()


def test_a_report_with_progress_moves_the_project_and_the_history_says_who_and_why(client, project):
    member = make_user(STEERING_GROUP, first_name="Gitte", last_name="Gruppe")
    signed_in(client, member)

    client.post(url(STATUS, project), report_data(light="yellow", progress="40"))

    project.refresh_from_db()
    report = project.status_reports.get()
    assert project.progress == 40
    assert report.progress == 40
    assert report.history.first().history_user == member
    latest = project.history.first()
    assert latest.progress == 40
    assert latest.history_user == member
    assert latest.history_change_reason == f"status-report {today()} yellow"


def test_a_report_without_progress_leaves_the_project_as_it_is(client, project):
    Project.objects.filter(pk=project.pk).update(progress=25)
    versions = project.history.count()
    signed_in(client, make_user(STEERING_GROUP))

    client.post(url(STATUS, project), report_data())

    project.refresh_from_db()
    assert project.progress == 25
    assert project.history.count() == versions


def test_a_back_dated_report_from_the_portal_is_saved_but_keeps_the_newer_progress(client, project):
    signed_in(client, make_user(STEERING_GROUP))
    client.post(url(STATUS, project), report_data(progress="60"))
    last_week = (timezone.localdate() - datetime.timedelta(days=7)).isoformat()

    response = client.post(url(STATUS, project), report_data(date=last_week, text="Glemt rapport.", progress="30"))

    assert response.status_code == 302
    project.refresh_from_db()
    assert project.progress == 60
    assert project.status_reports.filter(text="Glemt rapport.", progress=30).exists()


def test_registered_hours_record_who_registered_them(client, project):
    clerk = make_user(SECRETARIAT)
    signed_in(client, clerk)

    client.post(url(HOURS, project), hours_data())

    assert project.hour_registrations.get().history.first().history_user == clerk


# Wrong input


def test_zero_hours_are_refused_beside_the_field_keeping_what_was_typed(client, project):
    signed_in(client, make_user(SECRETARIAT))

    response = client.post(url(HOURS, project), hours_data(hours="0", note="Læste rapporten"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<ul class="errorlist" id="id_hours_error"><li>Timerne skal være flere end 0.</li></ul>' in html
    assert re.search(r'aria-describedby="id_hours_helptext id_hours_error"', html)
    assert 'aria-invalid="true"' in html
    assert 'value="Læste rapporten"' in html
    assert "Formularen kunne ikke gemmes." in html
    assert not HourRegistration.objects.exists()


def test_negative_hours_are_refused_too(client, project):
    signed_in(client, make_user(SECRETARIAT))

    response = client.post(url(HOURS, project), hours_data(hours="-3"))

    assert "Timerne skal være flere end 0." in response.content.decode()
    assert not HourRegistration.objects.exists()


@pytest.mark.parametrize(("name", "data"), [(STATUS, report_data), (HOURS, hours_data)])
def test_a_date_in_the_future_is_refused(client, project, name, data):
    signed_in(client, make_user(SECRETARIAT))
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()

    response = client.post(url(name, project), data(date=tomorrow))

    html = response.content.decode()
    assert '<ul class="errorlist" id="id_date_error"><li>Datoen kan ikke ligge i fremtiden.</li></ul>' in html
    assert f'value="{tomorrow}"' in html
    assert not StatusReport.objects.exists() and not HourRegistration.objects.exists()


def test_a_refused_report_keeps_the_text_and_the_chosen_light(client, project):
    signed_in(client, make_user(STEERING_GROUP))

    response = client.post(
        url(STATUS, project), report_data(light="red", text="Styregruppen mangler svar.", progress="120")
    )

    html = response.content.decode()
    assert "Denne værdi skal være mindre end eller lig 100." in html
    assert ">\nStyregruppen mangler svar.</textarea>" in html
    assert 'value="red" required id="id_light_2" checked>' in html
    assert not StatusReport.objects.exists()


def test_a_report_needs_a_light_and_a_text(client, project):
    signed_in(client, make_user(STEERING_GROUP))

    response = client.post(url(STATUS, project), report_data(light="", text=""))

    html = response.content.decode()
    assert '<ul class="errorlist" id="id_light_error"><li>Dette felt er påkrævet.</li></ul>' in html
    assert '<ul class="errorlist" id="id_text_error"><li>Dette felt er påkrævet.</li></ul>' in html
    assert '<fieldset aria-describedby="id_light_error">' in html


@pytest.mark.parametrize("hours", ["24,25", "99999,99"])
def test_more_hours_than_a_day_has_are_refused_beside_the_field(client, project, hours):
    signed_in(client, make_user(SECRETARIAT))

    response = client.post(url(HOURS, project), hours_data(hours=hours))

    html = response.content.decode()
    assert (
        '<ul class="errorlist" id="id_hours_error"><li>En registrering gælder én dag: højst 24 timer.</li></ul>' in html
    )
    assert not HourRegistration.objects.exists()


def test_a_whole_day_of_hours_is_registered(client, project):
    signed_in(client, make_user(SECRETARIAT))

    client.post(url(HOURS, project), hours_data(hours="24"))

    assert project.hour_registrations.get().hours == 24


@pytest.mark.parametrize("date", ["0001-01-01", "2007-12-31"])
@pytest.mark.parametrize(("name", "data"), [(STATUS, report_data), (HOURS, hours_data)])
def test_a_date_before_the_cooperation_began_is_refused(client, project, name, data, date):
    signed_in(client, make_user(SECRETARIAT))

    response = client.post(url(name, project), data(date=date))

    html = response.content.decode()
    message = "Datoen kan ikke ligge før 2008, hvor samarbejdet begyndte."
    assert f'<ul class="errorlist" id="id_date_error"><li>{message}</li></ul>' in html
    assert f'value="{date}"' in html
    assert not StatusReport.objects.exists() and not HourRegistration.objects.exists()


@pytest.mark.parametrize("name", [STATUS, HOURS])
def test_the_date_picker_offers_no_day_before_the_cooperation_began(client, project, name):
    html = signed_in(client, make_user(SECRETARIAT)).get(url(name, project)).content.decode()

    assert re.search(r'<input type="date" name="date"[^>]* min="2008-01-01"', html)


def test_a_status_of_more_than_5000_characters_is_refused_keeping_it(client, project):
    signed_in(client, make_user(STEERING_GROUP))

    response = client.post(url(STATUS, project), report_data(text="å" * 5001))

    html = response.content.decode()
    message = "Denne værdi må højst have 5000 tegn (den har 5001)."
    assert f'<ul class="errorlist" id="id_text_error"><li>{message}</li></ul>' in html
    assert 'maxlength="5000"' in html
    assert "å" * 5001 in html
    assert not StatusReport.objects.exists()


# Correcting a form: the Danish public sector's pattern


def test_a_failed_submit_sums_up_each_error_at_the_top_linked_to_its_field(client, project):
    signed_in(client, make_user(SECRETARIAT))
    response = client.post(url(STATUS, project), report_data(light="", text=""))
    html = response.content.decode()
    summary = html.split('<div class="form-errors"')[1].split("</div>")[0]
    # The summary takes the focus after the submit (no script needed) and links to the inputs to correct.
    assert 'tabindex="-1" autofocus' in summary
    assert '<a href="#id_light_0">Trafiklys: Dette felt er påkrævet.</a>' in summary
    assert '<a href="#id_text">Sådan går projektet: Dette felt er påkrævet.</a>' in summary
    assert 'id="id_light_0"' in html and 'id="id_text"' in html
    assert re.search(r'<textarea[^>]*aria-invalid="true"[^>]*id="id_text"', html)
    assert "#id_date" not in summary


def test_optional_fields_say_so_and_the_hours_field_shows_how_to_write_a_half(client, project):
    signed_in(client, make_user(SECRETARIAT))
    hours = client.get(url(HOURS, project)).content.decode()
    assert '<label for="id_note">Note (valgfrit):</label>' in hours
    assert '<label for="id_hours">Timer:</label>' in hours
    assert re.search(r'<div class="helptext" id="id_hours_helptext">f\.eks\. 7,5</div>', hours)
    assert re.search(r'<input[^>]*aria-describedby="id_hours_helptext"[^>]*id="id_hours"', hours)
    report = client.get(url(STATUS, project)).content.decode()
    assert '<label for="id_progress">Fremdrift (%) (valgfrit):</label>' in report
    assert "(valgfrit)" not in report.split('for="id_progress"')[0]


def test_the_report_labels_its_light_and_text_apart_from_the_projects_status(client, project):
    signed_in(client, make_user(SECRETARIAT))
    html = client.get(url(STATUS, project)).content.decode()
    assert "<legend>Trafiklys:</legend>" in html
    assert '<label for="id_text">Sådan går projektet:</label>' in html
    assert not re.search(r"<(label|legend)[^>]*>\s*Status\b", html)
