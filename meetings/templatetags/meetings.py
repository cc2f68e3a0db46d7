"""The meetings on the plan's own pages: `{% project_meetings project %}` and `{% area_meetings area %}` show the
meetings that treated a project or a focus area ("Behandlet på møde 12. maj 2011") and the open follow-up
points from their decisions, as the reader may see them; two queries each.

Tags rather than calls from the projects and areas apps' views, so those apps keep importing nothing of
meetings, which builds on them.
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from areas.models import FocusArea
from projects.models import Project

from ..pages import area_treated_at, project_treated_at

register = template.Library()


@register.inclusion_tag("meetings/includes/treated_at.html", takes_context=True)
def project_meetings(context: template.Context, project: Project) -> dict:
    today = context.get("today") or timezone.localdate()
    return {"treated": project_treated_at(project, user=context["request"].user, today=today)}


@register.inclusion_tag("meetings/includes/treated_at.html", takes_context=True)
def area_meetings(context: template.Context, area: FocusArea) -> dict:
    today = context.get("today") or timezone.localdate()
    return {"treated": area_treated_at(area, user=context["request"].user, today=today)}
