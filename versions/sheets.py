"""A version as a spreadsheet: the projects sheet's own columns (projects.resources.ProjectResource), so a
board member can lay two versions side by side in Excel. Formulas stay escaped, as in every export."""

from __future__ import annotations

from typing import Any

from byaftale.sheets import export_sheet
from projects.resources import ProjectResource

from .models import PlanVersion
from .snapshot import read_snapshot


class VersionProjectResource(ProjectResource):
    """The projects sheet over a version's projects (unsaved instances read from its snapshot)."""

    def __init__(self, projects: list[Any]) -> None:
        super().__init__()
        self.projects = projects

    def get_queryset(self) -> Any:
        return self.projects

    def filter_export(self, queryset: Any, **kwargs: Any) -> Any:
        return queryset  # the snapshot's projects come with their focus area and line or theme in place


def version_sheet(version: PlanVersion) -> bytes:
    """The version's projects as xlsx. No queries beyond the version's own row."""
    projects = read_snapshot(version.snapshot).projects
    # The resource's own get_queryset() gives the snapshot's projects: a list, which export() iterates as it is.
    return export_sheet(resource=VersionProjectResource(projects), format="xlsx")
