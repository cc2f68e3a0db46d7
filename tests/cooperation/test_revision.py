"""The cooperation agreement is revised every second year, first in 2010."""

import datetime

import pytest

from cooperation.models import CooperationAgreement
from cooperation.revision import next_revision, next_revision_year, revision_years


@pytest.fixture
def agreement() -> CooperationAgreement:
    return CooperationAgreement(
        slug="samarbejdsaftale-2008",
        title="Aftale om etablering og drift af boligstrategisk samarbejde i Odense",
        signed_on=datetime.date(2008, 9, 1),
        revision_interval_years=2,
        first_revision_year=2010,
    )


@pytest.mark.parametrize(
    ("today", "due"),
    [
        (datetime.date(2008, 9, 1), 2010),
        (datetime.date(2010, 12, 31), 2010),
        (datetime.date(2011, 1, 1), 2012),
        (datetime.date(2025, 6, 1), 2026),
        (datetime.date(2026, 11, 22), 2026),
        (datetime.date(2027, 1, 2), 2028),
    ],
)
def test_the_next_revision_is_the_first_revision_year_not_yet_past(agreement, today, due):
    assert next_revision_year(agreement, today=today) == due


def test_revision_years_run_every_second_year_from_2010(agreement):
    assert revision_years(agreement, until=2016) == [2010, 2012, 2014, 2016]


def test_a_yearly_revision_is_due_every_year(agreement):
    agreement.revision_interval_years = 1

    assert next_revision_year(agreement, today=datetime.date(2013, 3, 1)) == 2013


def test_the_agreement_is_next_revised_every_second_year_from_2010(seeded):
    agreement = CooperationAgreement.objects.get()

    this_year = next_revision(agreement, today=datetime.date(2026, 11, 23))
    next_time = next_revision(agreement, today=datetime.date(2027, 1, 10))

    assert (this_year.year, this_year.this_year) == (2026, True)
    assert (next_time.year, next_time.this_year) == (2028, False)
    assert next_revision(None, today=datetime.date(2012, 3, 15)) is None
