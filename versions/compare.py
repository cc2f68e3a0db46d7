"""What changed between two versions of the plan, or between a version and today's plan.

Works on snapshots only (`versions.snapshot`), so a comparison costs the reads of its two sides and
nothing per project: two versions are one query, today's plan is the snapshot builder's fixed number.
Projects, milestones, responsibilities, relations and financing figures are matched by their ids,
which never change, so a renamed project or a moved milestone reads as changed, not removed and added.
Follow-up (status, progress, reached milestones) is not the plan's content and is not compared.
"""

from __future__ import annotations

import datetime
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from areas.models import AreaSection, FocusArea, Grouping
from projects.models import FinancingItem, Milestone, Project, Relation, Responsibility, assumed_text, dated_text
from projects.timeline import Month, last_month

ADDED, REMOVED, CHANGED = "added", "removed", "changed"

# The texts a board member reads as prose: compared word by word.
TEXT_FIELDS = ("title", "description", "responsibility_text", "relations_text", "financing_text", "timeline_text")


def months_text(months: int) -> str:
    """«+3 mdr.», «−1 md.»: how far a date moved, later positive; a true minus sign, as print wants."""
    sign = "+" if months > 0 else "−" if months < 0 else "±"
    return ngettext("%(sign)s%(count)s month", "%(sign)s%(count)s months", abs(months)) % {
        "sign": sign,
        "count": abs(months),
    }


@dataclass(frozen=True)
class Segment:
    """A run of words of a text diff: kept, deleted or inserted."""

    op: str  # "equal", "delete" or "insert"
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The new text with the words taken out and put in marked, word by word (whitespace kept)."""
    a, b = re.findall(r"\s+|\S+", old or ""), re.findall(r"\s+|\S+", new or "")
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return segments


@dataclass
class Change:
    """One thing that changed about a project or an area, as the page and the PDF list it."""

    what: str
    kind: str = CHANGED
    old: str = ""
    new: str = ""
    months: int | None = None
    diff: list[Segment] | None = None

    @property
    def moved(self) -> str:
        return months_text(self.months) if self.months else ""


@dataclass
class ProjectChanges:
    label: str
    title: str
    kind: str
    changes: list[Change] = field(default_factory=list)
    number: int = 0


@dataclass
class AreaChanges:
    name: str
    changes: list[Change] = field(default_factory=list)  # the area's own: its texts and milestones
    projects: list[ProjectChanges] = field(default_factory=list)


@dataclass
class Comparison:
    old_label: str
    new_label: str
    areas: list[AreaChanges]

    @property
    def is_empty(self) -> bool:
        return not any(a.changes or a.projects for a in self.areas)

    def count(self, kind: str) -> int:
        return sum(1 for a in self.areas for p in a.projects if p.kind == kind)

    @property
    def added(self) -> int:
        return self.count(ADDED)

    @property
    def removed(self) -> int:
        return self.count(REMOVED)

    @property
    def changed(self) -> int:
        return self.count(CHANGED)


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _day(value: str) -> datetime.date:
    """A date the snapshot always holds (a milestone's)."""
    return datetime.date.fromisoformat(value)


def _verbose(model: Any, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name).capitalize()


def _dated(row: dict[str, Any], which: str) -> str:
    return dated_text(_date(row[f"{which}_date"]), row[f"{which}_wording"], assumed=row[f"{which}_assumed"])


def _period_changes(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    changes = []
    for which, month in (("start", Month.of), ("end", last_month)):
        before, after = _dated(old, which), _dated(new, which)
        if before == after and old[f"{which}_date"] == new[f"{which}_date"]:
            continue
        a, b = _date(old[f"{which}_date"]), _date(new[f"{which}_date"])
        months = month(b).index - month(a).index if a and b else None
        changes.append(Change(_verbose(Project, f"{which}_date"), CHANGED, before or "–", after or "–", months))
    return changes


def _hours(value: int | None) -> str:
    return _("%(hours)s hours") % {"hours": number_format(value, force_grouping=True)} if value is not None else "–"


def _text_change(what: str, old: str, new: str) -> Change | None:
    if (old or "") == (new or ""):
        return None
    return Change(what, CHANGED, old, new, diff=word_diff(old, new))


def _milestone_text(row: dict[str, Any]) -> str:
    date = _day(row["date"])
    if row["date_assumed"]:
        return assumed_text(date)
    return date_format(date, "YEAR_MONTH_FORMAT") if date.day == 1 else date_format(date)


def _milestone_changes(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> list[Change]:
    what = str(Milestone._meta.verbose_name).capitalize()
    before, after = {m["id"]: m for m in old}, {m["id"]: m for m in new}
    changes = []
    for pk, m in after.items():
        if pk not in before:
            changes.append(Change(f"{what} «{m['title']}»", ADDED, "", _milestone_text(m)))
            continue
        o = before[pk]
        if o["date"] != m["date"] or o["date_assumed"] != m["date_assumed"]:
            months = Month.of(_day(m["date"])).index - Month.of(_day(o["date"])).index
            changes.append(Change(f"{what} «{m['title']}»", CHANGED, _milestone_text(o), _milestone_text(m), months))
        named = f"{what} «{m['title']}»"
        if o["title"] != m["title"]:
            renamed = _("%(milestone)s: name") % {"milestone": what}
            changes.append(Change(renamed, CHANGED, o["title"], m["title"], diff=word_diff(o["title"], m["title"])))
        if o["description"] != m["description"]:
            words = _("%(milestone)s: as written") % {"milestone": named}
            changes.append(
                Change(
                    words,
                    CHANGED,
                    o["description"],
                    m["description"],
                    diff=word_diff(o["description"], m["description"]),
                )
            )
        elif o["date_wording"] != m["date_wording"]:
            words = _("%(milestone)s: date, as written") % {"milestone": named}
            changes.append(Change(words, CHANGED, o["date_wording"], m["date_wording"]))
    for pk, m in before.items():
        if pk not in after:
            changes.append(Change(f"{what} «{m['title']}»", REMOVED, _milestone_text(m), ""))
    return changes


def _keyed_changes(what: str, old: list[dict[str, Any]], new: list[dict[str, Any]], describe: Any) -> list[Change]:
    """Added, removed and changed items of a list matched by id, each read as one sentence by `describe`."""
    before = {row["id"]: describe(row, "old") for row in old}
    after = {row["id"]: describe(row, "new") for row in new}
    changes = [Change(what, ADDED, "", text) for pk, text in after.items() if pk not in before]
    changes += [
        Change(what, CHANGED, before[pk], text) for pk, text in after.items() if pk in before and before[pk] != text
    ]
    changes += [Change(what, REMOVED, text, "") for pk, text in before.items() if pk not in after]
    return changes


class _Side:
    """One side of a comparison: a snapshot with its lookups."""

    def __init__(self, snapshot: dict[str, Any]) -> None:
        self.snapshot = snapshot
        self.parties = {int(pk): name for pk, name in snapshot["parties"].items()}
        self.areas = {a["id"]: a for a in snapshot["areas"]}
        self.groupings = {g["id"]: g for a in snapshot["areas"] for g in a["groupings"]}
        self.projects = {p["id"]: p for p in snapshot["projects"]}

    def project_name(self, pk: int | None) -> str:
        p = self.projects.get(pk) if pk else None
        if p is None:
            return ""
        return f"{p['label']}: {p['title']}" if p["label"] else p["title"]


def _responsibility(side: _Side, row: dict[str, Any]) -> str:
    role = Responsibility.Role(row["role"]).label
    text = f"{side.parties.get(row['party'], '?')} ({role})"
    return f"{text}: {row['concerning']}" if row["concerning"] else text


def _relation(side: _Side, row: dict[str, Any]) -> str:
    kind = Relation.Kind(row["kind"]).label
    target = side.project_name(row["to_project"]) or (side.areas.get(row["to_area"]) or {}).get("name", "")
    return f"{kind} {target}"


def _financing(side: _Side, row: dict[str, Any]) -> str:
    amount = number_format(Decimal(row["amount"]).normalize(), force_grouping=True)
    unit = FinancingItem.UNITS[FinancingItem.Kind(row["kind"])]
    text = f"{'ca. ' if row['is_estimate'] else ''}{amount} {unit}"
    payer = side.parties.get(row["payer"]) if row["payer"] else None
    return _("%(amount)s, paid by %(payer)s") % {"amount": text, "payer": payer} if payer else text


def project_changes(old: _Side, new: _Side, a: dict[str, Any], b: dict[str, Any]) -> list[Change]:
    changes: list[Change] = []
    if a["label"] != b["label"]:
        changes.append(Change(_verbose(Project, "label"), CHANGED, a["label"], b["label"]))
    if a["number"] != b["number"]:
        changes.append(Change(_verbose(Project, "number"), CHANGED, str(a["number"]), str(b["number"])))
    if a["area"] != b["area"]:
        changes.append(
            Change(_verbose(Project, "area"), CHANGED, old.areas[a["area"]]["name"], new.areas[b["area"]]["name"])
        )
    old_grouping = (old.groupings.get(a["grouping"]) or {}).get("name", "")
    new_grouping = (new.groupings.get(b["grouping"]) or {}).get("name", "")
    if old_grouping != new_grouping:
        changes.append(Change(_verbose(Project, "grouping"), CHANGED, old_grouping or "–", new_grouping or "–"))
    changes += _period_changes(a, b)
    if a["hour_budget"] != b["hour_budget"]:
        changes.append(
            Change(_verbose(Project, "hour_budget"), CHANGED, _hours(a["hour_budget"]), _hours(b["hour_budget"]))
        )
    for name in TEXT_FIELDS:
        change = _text_change(_verbose(Project, name), a[name], b[name])
        if change:
            changes.append(change)
    changes += _milestone_changes(a["milestones"], b["milestones"])
    sides = {"old": old, "new": new}
    changes += _keyed_changes(
        str(Responsibility._meta.verbose_name).capitalize(),
        a["responsibilities"],
        b["responsibilities"],
        lambda row, side: _responsibility(sides[side], row),
    )
    changes += _keyed_changes(
        str(Relation._meta.verbose_name).capitalize(),
        a["relations"],
        b["relations"],
        lambda row, side: _relation(sides[side], row),
    )
    changes += _keyed_changes(
        str(FinancingItem._meta.verbose_name).capitalize(),
        a["financing"],
        b["financing"],
        lambda row, side: _financing(sides[side], row),
    )
    return changes


def _area_changes(a: dict[str, Any] | None, b: dict[str, Any] | None) -> list[Change]:
    if a is None or b is None:
        return []
    changes = []
    if a["name"] != b["name"]:
        changes.append(Change(_verbose(FocusArea, "name"), CHANGED, a["name"], b["name"]))
    kinds = dict(AreaSection.Kind.choices)
    before = {s["kind"]: s for s in a["sections"]}
    for s in b["sections"]:
        o = before.get(s["kind"], {"body": ""})
        change = _text_change(str(kinds.get(s["kind"], s["kind"])).capitalize(), o["body"], s["body"])
        if change:
            changes.append(change)
    groupings = str(Grouping._meta.verbose_name).capitalize()
    changes += _keyed_changes(groupings, a["groupings"], b["groupings"], lambda row, side: row["name"])
    changes += _milestone_changes(a["milestones"], b["milestones"])
    return changes


def _project_heading(row: dict[str, Any]) -> tuple[str, str]:
    return row["label"] or str(row["number"]), row["title"]


def compare_snapshots(old: dict[str, Any], new: dict[str, Any], *, old_label: str, new_label: str) -> Comparison:
    """Every change from `old` to `new`, grouped by focus area in the newer plan's order (areas only the
    older one has come last). Runs no queries."""
    a, b = _Side(old), _Side(new)
    area_order = [area["id"] for area in new["areas"]] + [pk for pk in a.areas if pk not in b.areas]
    groups = {
        pk: AreaChanges((b.areas.get(pk) or a.areas[pk])["name"], _area_changes(a.areas.get(pk), b.areas.get(pk)))
        for pk in area_order
    }
    for row in new["projects"]:
        label, title = _project_heading(row)
        previous = a.projects.get(row["id"])
        if previous is None:
            groups[row["area"]].projects.append(ProjectChanges(label, title, ADDED, number=row["number"]))
            continue
        changes = project_changes(a, b, previous, row)
        if changes:
            groups[row["area"]].projects.append(ProjectChanges(label, title, CHANGED, changes, number=row["number"]))
    for row in old["projects"]:
        if row["id"] not in b.projects:
            label, title = _project_heading(row)
            groups[row["area"]].projects.append(ProjectChanges(label, title, REMOVED, number=row["number"]))
    areas = [groups[pk] for pk in area_order]
    for group in areas:
        group.projects.sort(key=lambda p: p.number)
    return Comparison(old_label, new_label, areas)
