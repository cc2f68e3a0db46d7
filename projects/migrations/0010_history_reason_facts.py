"""Rewrite the reasons that status reports wrote to projects' history in the reporter's language
(«Statusrapport 01.12.2026: gul: i risiko», «Statusrapport 01.12.2026: yellow: at risk») as the
language-neutral fact that is written now («status-report 2026-12-01 yellow», see projects/history_reasons.py).

The light labels are frozen here, in both languages, as they were when those reasons were written.
"""

import re

from django.db import migrations

LIGHTS = {
    "grøn: går efter planen": "green",
    "green: on track": "green",
    "gul: i risiko": "yellow",
    "yellow: at risk": "yellow",
    "rød: går ikke efter planen": "red",
    "red: off track": "red",
}
OLD_REASON = re.compile(r"^Statusrapport (?P<day>\d{2})\.(?P<month>\d{2})\.(?P<year>\d{4}): (?P<light>.+)$")
FACT = re.compile(r"^status-report (?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}) (?P<light>green|yellow|red)$")
DANISH_LIGHTS = {"green": "grøn: går efter planen", "yellow": "gul: i risiko", "red": "rød: går ikke efter planen"}


def fact_for(reason):
    """The fact an old reason states, or None when it is no status report's reason."""
    match = OLD_REASON.match(reason or "")
    if match is None or match["light"] not in LIGHTS:
        return None
    return f"status-report {match['year']}-{match['month']}-{match['day']} {LIGHTS[match['light']]}"


def old_reason_for(reason):
    """Going back: the fact in the Danish words the portal used before."""
    match = FACT.match(reason or "")
    if match is None:
        return None
    return f"Statusrapport {match['day']}.{match['month']}.{match['year']}: {DANISH_LIGHTS[match['light']]}"


def _rewrite(apps, prefix, convert):
    history = apps.get_model("projects", "HistoricalProject")
    for row in history.objects.filter(history_change_reason__startswith=prefix).only("pk", "history_change_reason"):
        new = convert(row.history_change_reason)
        if new is not None:
            history.objects.filter(pk=row.pk).update(history_change_reason=new)


def reasons_to_facts(apps, schema_editor):
    _rewrite(apps, "Statusrapport ", fact_for)


def facts_to_reasons(apps, schema_editor):
    _rewrite(apps, "status-report ", old_reason_for)


class Migration(migrations.Migration):
    dependencies = [("projects", "0009_bounds")]

    operations = [migrations.RunPython(reasons_to_facts, facts_to_reasons)]
