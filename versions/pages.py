"""Page-level reads of the versions' pages: each reads what its page shows in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from areas.models import ActionPlan

from .models import PlanVersion
from .snapshot import VersionContents, build_snapshot, read_snapshot


def version_page(version: PlanVersion) -> dict[str, Any]:
    """A version's plan and masterplan, read from its snapshot, and the other versions to compare it with.
    Two queries: the version (already read) and the list of the others."""
    contents = read_snapshot(version.snapshot)
    others = [v for v in PlanVersion.objects.filter(plan_id=version.plan_id).without_snapshot() if v.pk != version.pk]
    return {"version": version, "contents": contents, "plan": contents.plan, "others": others}


@dataclass
class ComparisonSides:
    """The two sides of a comparison: an older version and a newer one, or today's plan (`new` None)."""

    old: PlanVersion
    new: PlanVersion | None
    old_snapshot: dict[str, Any]
    new_snapshot: dict[str, Any]

    @property
    def old_label(self) -> str:
        return str(self.old)

    @property
    def new_label(self) -> str:
        return str(self.new) if self.new is not None else _("today's plan")

    @property
    def new_contents(self) -> VersionContents:
        return read_snapshot(self.new_snapshot)


def comparison_sides(plan: ActionPlan, old_name: str, new_name: str | None) -> ComparisonSides | None:
    """Both sides in one query where both are versions; today's plan costs the snapshot builder's fixed
    number of queries. None where a version named does not exist."""
    names = [old_name] if new_name is None else [old_name, new_name]
    versions = {v.name: v for v in PlanVersion.objects.filter(plan=plan, name__in=names)}
    if old_name not in versions or (new_name is not None and new_name not in versions):
        return None
    old = versions[old_name]
    if new_name is None:
        return ComparisonSides(old, None, old.snapshot, build_snapshot(plan))
    new = versions[new_name]
    return ComparisonSides(old, new, old.snapshot, new.snapshot)
