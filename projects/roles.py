"""The portal's three roles and what each may do; a migration creates them so a fresh database has them.

- Sekretariat keeps the plan: every permission on the plan's models (the admin also needs is_staff).
- Styregruppe (Den Fælles Boligstrategiske Gruppe) reads everything and cannot edit the plan.
- Bestyrelsesmedlem reads the plan and downloads its PDFs.
"""

SECRETARIAT = "Sekretariat"
STEERING_GROUP = "Styregruppe"
BOARD_MEMBER = "Bestyrelsesmedlem"

PLAN_APPS = ("parties", "cooperation", "areas", "projects")
VIEW_PLAN = "projects.view_plan"


def permission_codenames(role: str, all_codenames: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (app_label, codename) pairs a role holds, chosen from every permission of the plan's apps."""
    if role == SECRETARIAT:
        return all_codenames
    if role == STEERING_GROUP:
        return [(app, code) for app, code in all_codenames if code.startswith("view_")]
    if role == BOARD_MEMBER:
        return [("projects", "view_plan")]
    raise ValueError(f"Unknown role {role!r}.")
