"""Publishing the plan as a named version: the only way a version comes to be."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from areas.models import ActionPlan
from projects.seed import SEED_CHANGE_REASON

from .models import PlanVersion, VersionProject
from .snapshot import build_snapshot, snapshot_digest

SEED_PUBLISHER = "Indlæst fra kildedokumenterne"
SEED_NOTE = "Handlingsplanen som kildedokumentet gengiver den: Masterplan ver. 1.3, data pr. 17. december 2010."


def _named_plan(plan: ActionPlan, name: str) -> None:
    """Today's plan carries the name of the version it now is: the documents say «ver. 1.4» from here on.
    Saved even where the name is already right: the plan's last change moves, and with it every cached PDF
    of today's plan, whose default baseline (the latest approved version) has just changed."""
    old = plan.masterplan_version
    plan.masterplan_title = re.sub(rf"ver\. ?{re.escape(old)}\b", f"ver. {name}", plan.masterplan_title)
    plan.masterplan_version = name
    # Read by django-simple-history as the history entry's reason.
    plan._change_reason = f"Udgivet som ver. {name}"  # type: ignore[attr-defined]
    plan.save(update_fields=["masterplan_title", "masterplan_version"])


def _seed_named(plan: ActionPlan, name: str) -> bool:
    # The seed's plan already says «ver. 1.3»; a save would make the seed's own data look edited.
    return (
        plan.masterplan_version == name and not plan.history.exclude(history_change_reason=SEED_CHANGE_REASON).exists()
    )


@transaction.atomic
def publish_version(
    plan: ActionPlan,
    *,
    name: str,
    approved_on: datetime.date,
    note: str = "",
    approved_by: str = "",
    published_by: str = "",
) -> PlanVersion:
    """Freeze the plan as it stands as version `name`. Refuses a name the plan has already published."""
    name = name.strip()
    # The row lock keeps two people publishing the same name at once from both getting past the check.
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if PlanVersion.objects.filter(plan=plan, name__iexact=name).exists():
        raise ValidationError({"name": _("Version %(name)s is already published.") % {"name": name}})
    candidate = PlanVersion(plan=plan, name=name, approved_on=approved_on, note=note, approved_by=approved_by)
    candidate.full_clean(exclude=["published_at", "snapshot", "digest", "project_count", "hour_budget"])
    if not _seed_named(plan, name):
        _named_plan(plan, name)
    snapshot = build_snapshot(plan)
    projects: list[dict[str, Any]] = snapshot["projects"]
    version = PlanVersion.objects.create(
        plan=plan,
        name=name,
        approved_on=approved_on,
        approved_by=approved_by,
        note=note,
        published_at=timezone.now(),
        published_by=published_by,
        snapshot=snapshot,
        digest=snapshot_digest(snapshot),
        project_count=len(projects),
        hour_budget=sum(p["hour_budget"] or 0 for p in projects),
    )
    areas = {a["id"]: a["slug"] for a in snapshot["areas"]}
    VersionProject.objects.bulk_create(
        [
            VersionProject(
                version=version,
                project_id=p["id"],
                area_slug=areas[p["area"]],
                number=p["number"],
                title=p["title"],
                start_date=p["start_date"],
                end_date=p["end_date"],
                hour_budget=p["hour_budget"],
            )
            for p in projects
        ]
    )
    return version


def publish_seed_version(sender: Any = None, **kwargs: Any) -> PlanVersion | None:
    """The seed is the source's plan, ver. 1.3 with data of 17 December 2010 (its newest «sidst opdateret»)."""
    plan = ActionPlan.objects.order_by("-year", "pk").first()
    if plan is None or PlanVersion.objects.filter(plan=plan).exists():
        return None
    dates = list(plan.areas.values_list("last_updated", flat=True))
    approved_on = max(dates) if dates else datetime.date(plan.year, 12, 31)
    return publish_version(
        plan, name=plan.masterplan_version, approved_on=approved_on, note=SEED_NOTE, published_by=SEED_PUBLISHER
    )
