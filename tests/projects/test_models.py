"""How a project words its period: the source's own words where it is approximate, Danish dates otherwise."""

import datetime

import pytest
from django.utils import translation

from projects.models import Project


@pytest.mark.parametrize(
    ("fields", "period"),
    [
        (
            {"start_date": datetime.date(2011, 4, 1), "end_date": datetime.date(2013, 4, 1)},
            "1. april 2011 – 1. april 2013",
        ),
        ({"start_date": datetime.date(2011, 7, 1), "start_wording": "medio 2011"}, "fra medio 2011"),
        (
            {
                "start_date": datetime.date(2011, 7, 1),
                "start_wording": "medio 2011",
                "end_date": datetime.date(2012, 1, 1),
                "end_wording": "i drift primo 2012",
            },
            "medio 2011 – i drift primo 2012",
        ),
        (
            {
                "start_date": datetime.date(2011, 1, 1),
                "start_wording": "2011",
                "end_date": datetime.date(2011, 12, 31),
                "end_wording": "2011",
            },
            "2011",
        ),
        ({"end_date": datetime.date(2013, 7, 1), "end_wording": "midt 2013"}, "til midt 2013"),
        ({}, ""),
        (
            {"start_date": datetime.date(2011, 1, 1), "start_wording": "Januar", "start_assumed": True},
            "fra januar 2011 (antaget)",
        ),
        (
            {
                "start_date": datetime.date(2011, 4, 1),
                "end_date": datetime.date(2013, 4, 15),
                "end_wording": "foråret",
                "end_assumed": True,
            },
            "1. april 2011 – 15. april 2013 (antaget)",
        ),
    ],
)
def test_the_period_reads_as_the_source_words_it(fields, period):
    with translation.override("da"):
        assert Project(title="Studietur", **fields).period_text() == period
