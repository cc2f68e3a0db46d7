"""Fixtures of the versions' tests: the seed (published as 1.3 when it loads) and a way to publish more."""

import datetime

import pytest

from areas.models import ActionPlan
from projects.models import Project
from versions.models import PlanVersion
from versions.publishing import publish_version


@pytest.fixture
def plan(seeded) -> ActionPlan:
    return ActionPlan.objects.get()


@pytest.fixture
def publish(plan):
    def publish(name: str, approved_on: datetime.date = datetime.date(2011, 5, 12), **fields) -> PlanVersion:
        return publish_version(ActionPlan.objects.get(), name=name, approved_on=approved_on, **fields)

    return publish


def slip_running_project() -> Project:
    """The change of the issue's «Done when»: Boligsociale indsatser's project 3 ends three months later
    (1 January → 1 April 2012), gets an hour budget of 600, and its milestone «I drift» moves with the end."""
    project = Project.objects.get(area__slug="boligsociale-indsatser", number=3)
    project.end_date = datetime.date(2012, 4, 1)
    project.end_wording = ""
    project.hour_budget = 600
    project.save()
    milestone = project.milestones.get(title="I drift")
    milestone.date = datetime.date(2012, 4, 1)
    milestone.save()
    return project


@pytest.fixture
def slipped(publish):
    """1.4 published from the seed, the project slipped, then 1.5 published."""
    publish("1.4", datetime.date(2011, 5, 12), approved_by="Den Fælles Boligstrategiske Gruppe")
    project = slip_running_project()
    publish("1.5", datetime.date(2011, 11, 3), approved_by="Den Fælles Boligstrategiske Gruppe")
    return project
