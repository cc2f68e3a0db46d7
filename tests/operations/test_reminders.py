"""The e-mail reminders: who gets which, in Danish with links, each once however often the job runs, and
none of a kind the person turned off."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command

from byaftale.access import SECRETARIAT, STEERING_GROUP
from cooperation.models import CooperationAgreement
from operations.models import ReminderKind, ReminderOptOut, SentReminder
from operations.preferences import choose_kinds
from operations.reminders import register_source, send_reminders
from projects.models import StatusReport
from tests.factories import make_milestone, make_project, make_status_report, make_user

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2011, 6, 1)  # a Wednesday, while the factories' projects run (April 2011 to April 2012)


@pytest.fixture(autouse=True)
def settings_for_reminders(settings):
    settings.MILESTONE_REMINDER_DAYS = 14
    settings.STATUS_REPORT_WEEKS = 4
    settings.REVISION_REMINDER_MONTHS = 3
    settings.DIGEST_WEEKDAY = 0
    settings.PORTAL_URL = "https://byaftale.example.dk"


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def contact_with_project(**milestone):
    person = make_user(email="kontakt@example.dk")
    project = make_project()
    project.contact_persons.add(person)
    # A report today: the project is not also reminded of a missing report.
    make_status_report(project=project, date=TODAY)
    return person, project


def test_a_milestone_due_within_the_days_goes_to_the_contact_persons_in_danish_with_links():
    person, project = contact_with_project()
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=10), title="Analyse afleveret")
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=20), title="For langt ude")

    assert send_reminders(today=TODAY) == 1

    [message] = mails_to("kontakt@example.dk")
    assert message.subject == "Byaftale: en milepæl nærmer sig"
    assert "Analyse afleveret (11. juni 2011)" in message.body
    assert "For langt ude" not in message.body
    assert f"https://byaftale.example.dk{project.get_absolute_url()}" in message.body
    assert "https://byaftale.example.dk/konto/paamindelser/" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert f'href="https://byaftale.example.dk{project.get_absolute_url()}"' in html
    assert 'lang="da"' in html


def test_running_twice_on_the_same_day_sends_each_reminder_once():
    person, project = contact_with_project()
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=3))

    assert send_reminders(today=TODAY) == 1
    assert send_reminders(today=TODAY) == 0
    call_command("send_reminders", "--date", TODAY.isoformat(), stdout=io.StringIO())

    assert len(mails_to("kontakt@example.dk")) == 1
    assert SentReminder.objects.filter(recipient=person, kind=ReminderKind.MILESTONE_DUE).count() == 1


def test_a_moved_milestone_is_reminded_of_again():
    person, project = contact_with_project()
    milestone = make_milestone(project=project, date=TODAY + datetime.timedelta(days=3))
    send_reminders(today=TODAY)

    milestone.date = TODAY + datetime.timedelta(days=7)
    milestone.save()
    send_reminders(today=TODAY)

    assert len(mails_to("kontakt@example.dk")) == 2


def test_a_person_who_turned_a_kind_off_gets_none_of_it_but_still_the_others():
    person, project = contact_with_project()
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=3))
    unreported = make_project(area=project.area)
    unreported.contact_persons.add(person)
    choose_kinds(person, [k for k in ReminderKind.values if k != ReminderKind.MILESTONE_DUE])

    send_reminders(today=TODAY)

    [message] = mails_to("kontakt@example.dk")
    assert message.subject == "Byaftale: en statusrapport mangler"
    assert str(unreported) in message.body
    assert not SentReminder.objects.filter(kind=ReminderKind.MILESTONE_DUE).exists()


def test_overdue_milestones_go_to_the_secretariat_in_one_mail():
    secretary = make_user(SECRETARIAT, email="sekretariat@example.dk")
    make_user(STEERING_GROUP, email="styregruppe@example.dk")
    make_milestone(date=TODAY - datetime.timedelta(days=30), title="Første forsinkede")
    make_milestone(date=TODAY - datetime.timedelta(days=1), title="Anden forsinkede")
    make_milestone(date=TODAY - datetime.timedelta(days=1), title="Nået", reached=True)

    send_reminders(today=TODAY)

    [message] = mails_to(secretary.email)
    assert message.subject == "Byaftale: milepæle er overskredet"
    assert "Første forsinkede" in message.body and "Anden forsinkede" in message.body
    assert "Nået" not in message.body
    assert not [m for m in mails_to("styregruppe@example.dk") if "overskredet" in m.subject]


def test_a_running_project_without_a_report_in_the_weeks_reminds_its_contact_persons():
    person = make_user(email="kontakt@example.dk")
    quiet = make_project(title="Stille projekt")
    quiet.contact_persons.add(person)
    make_status_report(project=quiet, date=TODAY - datetime.timedelta(weeks=5), reported_by=person)
    reported = make_project(area=quiet.area, title="Rapporteret projekt")
    reported.contact_persons.add(person)
    make_status_report(project=reported, date=TODAY - datetime.timedelta(weeks=1), reported_by=person)

    send_reminders(today=TODAY)

    [message] = mails_to("kontakt@example.dk")
    assert "Stille projekt" in message.body
    assert "Rapporteret projekt" not in message.body


def test_the_agreement_revision_reminds_the_secretariat_three_months_ahead_once():
    secretary = make_user(SECRETARIAT, email="sekretariat@example.dk")
    CooperationAgreement.objects.create(
        title="Samarbejdsaftale", signed_on=datetime.date(2008, 5, 1), first_revision_year=2010
    )

    send_reminders(today=datetime.date(2011, 9, 30))  # more than three months before 1 January 2012
    assert not mails_to(secretary.email)

    send_reminders(today=datetime.date(2011, 10, 1))
    send_reminders(today=datetime.date(2011, 10, 2))
    [message] = mails_to(secretary.email)
    assert message.subject == "Byaftale: samarbejdsaftalen skal revideres"
    assert "2012" in message.body


def test_the_steering_group_gets_one_digest_a_week():
    member = make_user(STEERING_GROUP, email="styregruppe@example.dk")
    project = make_project(title="Gult projekt")
    make_status_report(project=project, date=TODAY, light=StatusReport.Light.YELLOW)
    make_milestone(project=project, date=TODAY - datetime.timedelta(days=2), title="Glemt milepæl")

    send_reminders(today=TODAY)  # Wednesday: after Monday, so this week's digest goes out
    send_reminders(today=TODAY + datetime.timedelta(days=1))  # Thursday: the same week
    [digest] = mails_to(member.email)
    assert digest.subject == "Byaftale: ugen i handlingsplanen"
    assert "Gult projekt" in digest.body and "Glemt milepæl" in digest.body

    send_reminders(today=TODAY + datetime.timedelta(days=5))  # Monday: a new week
    assert len(mails_to(member.email)) == 2


def test_another_app_adds_a_source_of_its_kind(monkeypatch):
    from operations import reminders

    monkeypatch.setattr(reminders, "_SOURCES", list(reminders._SOURCES))
    person = make_user(email="ansvarlig@example.dk")
    register_source(
        ReminderKind.FOLLOW_UP_DUE,
        lambda today: [reminders.Item(ReminderKind.FOLLOW_UP_DUE, person, "point:1", "Send referat", "/")],
    )

    send_reminders(today=TODAY)

    [message] = mails_to(person.email)
    assert message.subject == "Byaftale: opfølgningspunkter forfalder"
    assert "Send referat" in message.body
    with pytest.raises(ValueError):
        register_source("no-such-kind", lambda today: [])


def test_people_without_an_address_or_inactive_get_nothing():
    project = make_project()
    project.contact_persons.add(make_user(email=""), make_user(email="gone@example.dk", is_active=False))
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=3))

    assert send_reminders(today=TODAY) == 0
    assert not mail.outbox


def test_a_failed_delivery_is_tried_again_next_time(monkeypatch):
    person, project = contact_with_project()
    make_milestone(project=project, date=TODAY + datetime.timedelta(days=3))

    def refuse(self, messages):
        raise ConnectionRefusedError("no SMTP server")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    assert send_reminders(today=TODAY) == 0
    assert not SentReminder.objects.exists()
    monkeypatch.undo()

    assert send_reminders(today=TODAY) == 1
    assert ReminderOptOut.objects.count() == 0


def test_a_follow_up_point_reminds_its_person_before_it_is_due_and_once_more_when_overdue(settings):
    from tests.meetings.factories import make_point

    settings.FOLLOW_UP_REMINDER_DAYS = 7
    person = make_user(email="ansvarlig@example.dk")
    point = make_point(person=person, what="Send oplægget til høring", due_date=TODAY + datetime.timedelta(days=5))
    make_point(person=person, what="Allerede gjort", due_date=TODAY, done=True)
    make_point(person=person, what="Langt ude", due_date=TODAY + datetime.timedelta(days=30))

    send_reminders(today=TODAY)
    send_reminders(today=TODAY + datetime.timedelta(days=1))
    [due] = mails_to(person.email)
    assert due.subject == "Byaftale: opfølgningspunkter forfalder"
    assert "Send oplægget til høring (forfalder 6. juni 2011)" in due.body
    assert "Allerede gjort" not in due.body and "Langt ude" not in due.body
    assert f"https://byaftale.example.dk{point.get_absolute_url()}" in due.body

    send_reminders(today=TODAY + datetime.timedelta(days=6))
    send_reminders(today=TODAY + datetime.timedelta(days=7))
    [_, overdue] = mails_to(person.email)
    assert "Send oplægget til høring (overskredet, frist 6. juni 2011)" in overdue.body
