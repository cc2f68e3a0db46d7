"""The PDF cache's key moves with every write to the plan, bulk writes that leave no history included."""

import datetime
from collections.abc import Iterator

import pytest
from django.core.cache import cache

from areas.models import ActionPlan
from documents import rendering as documents
from projects.demo import generate_demo_projects
from projects.models import Milestone, Project
from projects.plan import plan_revision

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 22)


@pytest.fixture
def plan(seeded) -> ActionPlan:
    return ActionPlan.objects.get()


@pytest.fixture
def renders(monkeypatch) -> Iterator[list[str]]:
    """Count renders without paying for WeasyPrint."""
    cache.clear()
    made: list[str] = []

    def render(template, context, *, title):
        made.append(template)
        return b"%PDF-" + str(len(made)).encode(), 1

    monkeypatch.setattr(documents, "render_pdf", render)
    yield made
    cache.clear()  # the fakes must never be served to another test


def test_the_same_plan_keeps_its_revision_and_reads_it_in_one_query(plan, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = plan_revision(plan)
    assert plan_revision(plan) == first


def test_a_bulk_insert_without_history_makes_the_next_pdf_fresh(plan, renders):
    before = documents.masterplan_document(plan, today=TODAY)
    generate_demo_projects(plan=plan, count=3)
    after = documents.masterplan_document(plan, today=TODAY)

    assert len(renders) == 2 and after.content != before.content


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda: Project.objects.first().save(), id="a save"),
        pytest.param(lambda: Milestone.objects.first().delete(), id="a delete"),
        pytest.param(
            lambda: Milestone.objects.bulk_create(
                [Milestone(project=Project.objects.first(), title="Ny", date=datetime.date(2012, 1, 1))]
            ),
            id="a bulk insert",
        ),
    ],
)
def test_every_write_moves_the_revision(plan, write):
    before = plan_revision(plan)
    write()
    assert plan_revision(plan) != before


def test_the_documents_page_finds_the_facts_under_the_same_key(plan, renders):
    documents.area_document(plan.areas.first(), today=TODAY)

    facts = documents.cached_facts(plan, list(plan.areas.order_by("position")), today=TODAY)

    assert list(facts) == [f"area-{plan.areas.first().slug}"]
