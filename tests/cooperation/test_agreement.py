"""The agreement's page and its revisions: the sections as revised, the tasks, the signatories, the revisions
held, and when the next is due (two years after the last one held; by the rule until one is)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from byaftale.access import BOARD_MEMBER
from cooperation.models import AgreementRevision, CooperationAgreement, SectionText
from cooperation.revision import next_revision
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(seeded) -> CooperationAgreement:
    return CooperationAgreement.objects.get()


def revise(agreement, held_on, outcome="Aftalen fortsætter", sections=(), texts=()):  # noqa: ANN001, ANN201
    revision = AgreementRevision.objects.create(agreement=agreement, held_on=held_on, outcome=outcome)
    revision.changed_sections.set(sections)
    for section, body in texts:
        SectionText.objects.create(section=section, revision=revision, heading=section.heading, body=body)
    return revision


def test_without_a_revision_held_the_rule_says_every_second_year_from_2010(agreement):
    due = next_revision(agreement, today=datetime.date(2011, 6, 1))
    assert (due.year, due.due_on, due.overdue, due.last_held) == (2012, datetime.date(2012, 12, 31), False, None)


def test_the_next_revision_is_due_two_years_after_the_last_one_held(agreement, django_assert_num_queries):
    revise(agreement, datetime.date(2010, 11, 15))
    revise(agreement, datetime.date(2013, 2, 1))  # late: the next counts from here, not from the rule's 2014

    with django_assert_num_queries(1):
        due = next_revision(agreement, today=datetime.date(2014, 12, 1))
    assert (due.due_on, due.overdue, due.last_held.held_on) == (
        datetime.date(2015, 2, 1),
        False,
        datetime.date(2013, 2, 1),
    )
    assert next_revision(agreement, today=datetime.date(2015, 2, 2)).overdue
    # A revision recorded for a later day than today does not count yet.
    assert next_revision(agreement, today=datetime.date(2011, 1, 1)).last_held.held_on == datetime.date(2010, 11, 15)


def test_a_revision_cannot_be_held_in_the_future_or_before_the_signing(agreement):
    future = AgreementRevision(agreement=agreement, held_on=datetime.date(2999, 1, 1), outcome="x")
    with pytest.raises(ValidationError) as error:
        future.full_clean()
    assert "held_on" in error.value.message_dict
    early = AgreementRevision(agreement=agreement, held_on=datetime.date(2007, 1, 1), outcome="x")
    with pytest.raises(ValidationError) as error:
        early.full_clean()
    assert error.value.message_dict["held_on"] == ["En revision kan ikke være holdt før aftalen blev underskrevet."]


def test_the_page_shows_sections_tasks_signatories_and_revisions(agreement, client):
    section = agreement.sections.order_by("number")[1]
    original = section.body
    revise(
        agreement,
        datetime.date(2010, 11, 15),
        "Aftalen fortsætter med en ny §",
        sections=[section],
        texts=[(section, "Den nye ordlyd efter revisionen.")],
    )
    client.force_login(make_user(BOARD_MEMBER))

    page = client.get(reverse("cooperation:agreement")).content.decode()

    assert agreement.title in page
    assert "Den nye ordlyd efter revisionen." in page
    assert original.split("\n")[0][:60] in page  # the wording as signed, among the earlier ones
    for task in agreement.tasks.all():
        assert task.title in page
    for signatory in agreement.signatories.all():
        assert signatory.name in page
    assert "15. november 2010" in page
    assert "Aftalen fortsætter med en ny §" in page
    assert f'href="#paragraf-{section.number}"' in page
    assert "15. november 2012" in page  # the next revision is due two years later
    assert "Overskredet:" in page  # and today is long after


@pytest.mark.parametrize("revisions", [1, 12])
def test_the_page_runs_the_same_queries_however_many_revisions(agreement, client, django_assert_num_queries, revisions):
    sections = list(agreement.sections.all())
    for i in range(revisions):
        revise(agreement, datetime.date(2010 + i, 3, 1), sections=sections[:2], texts=[(sections[0], f"Ordlyd {i}")])
    client.force_login(make_user(BOARD_MEMBER))

    with django_assert_num_queries(16):
        response = client.get(reverse("cooperation:agreement"))
    assert response.status_code == 200


def test_strangers_are_sent_to_sign_in(agreement, client):
    response = client.get(reverse("cooperation:agreement"))
    assert response.status_code == 302
    assert response.url.startswith("/log-ind/")


def test_the_dashboard_says_when_the_agreement_is_due_and_that_it_is_overdue(agreement, client):
    from byaftale.access import STEERING_GROUP

    revise(agreement, datetime.date(2010, 11, 15))
    client.force_login(make_user(STEERING_GROUP))

    page = client.get(reverse("dashboard:dashboard")).content.decode()

    assert "Overskredet:" in page
    assert "blev sidst revideret 15. november 2010; næste revision skal holdes senest 15. november 2012." in page
    assert 'href="/samarbejdsaftale/#revisions"' in page


def test_the_agreements_sections_are_found_by_search(agreement, client):
    client.force_login(make_user(BOARD_MEMBER))

    page = client.get(reverse("search:search"), {"q": "forretningsorden"}).content.decode()

    assert "1 paragraf i samarbejdsaftalen" in page
    assert 'href="/samarbejdsaftale/#paragraf-7"' in page
    assert "§ 7. Møderne" in page
    assert "<mark>forretningsorden</mark>" in page
