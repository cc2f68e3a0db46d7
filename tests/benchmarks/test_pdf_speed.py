"""How long the board's PDFs take, fresh and cached, at the seed's size and at 500 demo projects.

Run with `pytest -m benchmark -s tests/benchmarks`; it prints a table and asserts nothing about time.
"""

import datetime
import time
from io import BytesIO

import pytest
from django.core.cache import cache
from pypdf import PdfReader

from areas.models import ActionPlan
from documents import rendering as documents
from projects.demo import generate_demo_projects

pytestmark = [pytest.mark.benchmark, pytest.mark.django_db]
TODAY = datetime.date(2026, 11, 22)


def measure(build) -> tuple[float, float, int]:
    cache.clear()
    started = time.perf_counter()
    document = build()
    fresh = time.perf_counter() - started
    started = time.perf_counter()
    build()
    cached = time.perf_counter() - started
    return fresh, cached, len(PdfReader(BytesIO(document.content)).pages)


@pytest.mark.parametrize("demo_projects", [0, 500])
def test_pdf_rendering_times(seeded, demo_projects):
    plan = ActionPlan.objects.get()
    if demo_projects:
        generate_demo_projects(plan=plan, count=demo_projects)
    area = plan.areas.get(slug="energi-og-klima")
    builds = {
        "handlingsplan": lambda: documents.action_plan_document(plan, today=TODAY),
        "masterplan A4": lambda: documents.masterplan_document(plan, today=TODAY, paper="A4"),
        "masterplan A3": lambda: documents.masterplan_document(plan, today=TODAY, paper="A3"),
        "energi-og-klima": lambda: documents.area_document(area, today=TODAY),
    }
    projects = plan.areas.values_list("projects", flat=True).count()
    print(f"\n{projects} projects ({demo_projects} demo)")
    print(f"{'document':<18}{'fresh s':>9}{'cached s':>10}{'pages':>7}")
    for name, build in builds.items():
        fresh, cached, pages = measure(build)
        print(f"{name:<18}{fresh:>9.2f}{cached:>10.3f}{pages:>7}")
        assert pages > 0
