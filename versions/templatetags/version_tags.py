"""The versions' parts of other pages: the dashboard's slippage panel and a project's version history,
each a fixed number of queries whatever the plan's size."""

from __future__ import annotations

from typing import Any

from django import template

from areas.models import ActionPlan
from projects.models import Project

from ..baseline import chosen_baseline, project_versions, slippage

register = template.Library()


@register.inclusion_tag("versions/includes/slippage.html", takes_context=True)
def slippage_panel(context: template.Context, plan: ActionPlan) -> dict[str, Any]:
    """Slippage against the baseline (?baseline=1.3, else the latest approved version): three queries."""
    request = context.get("request")
    name = request.GET.get("baseline") if request is not None else None
    version = chosen_baseline(plan, name)
    # Only the projects the version holds: one added since has no baseline to slip from, and a plan grown
    # by thousands of projects must not make the panel read them all.
    projects = list(
        Project.objects.filter(area__plan=plan, pk__in=version.projects.values("project_id"))
        .select_related("area")
        .prefetch_related("milestones")
        if version is not None
        else []
    )
    return {"slippage": slippage(plan, version=version, projects=projects), "asked_for": name}


@register.inclusion_tag("versions/includes/project_versions.html")
def version_history(project: Project, *, links: bool = True) -> dict[str, Any]:
    """The versions the project has been in and the period each gave it: one query. `links` to the versions'
    pages only for those who read the plan (a contact person may not)."""
    return {"project": project, "entries": list(project_versions(project)), "links": links}


@register.inclusion_tag("versions/includes/baseline_chooser.html", takes_context=True)
def baseline_chooser(context: template.Context, choice: Any) -> dict[str, Any]:
    """Which version the chart's baseline is, and a form to choose another (?baseline=…). No queries."""
    return {"choice": choice, "request": context.get("request")}
