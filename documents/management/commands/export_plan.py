"""Write every PDF of the plan into one folder: the board meeting pack."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from areas.models import ActionPlan
from documents import rendering


class Command(BaseCommand):
    help = "Writes the action plan, the masterplan (A4 and A3) and one PDF per focus area to --out."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--out", required=True, type=Path, help="The folder to write the PDFs to.")

    def handle(self, *args, out: Path, **options) -> None:
        plan = ActionPlan.objects.order_by("-year", "pk").first()
        if plan is None:
            raise CommandError("No action plan is loaded; run load_initial_data first.")
        today = timezone.localdate()
        out.mkdir(parents=True, exist_ok=True)
        pack = [
            rendering.action_plan_document(plan, today=today),
            *(rendering.masterplan_document(plan, today=today, paper=paper) for paper in rendering.PAPER_SIZES),
            *(
                rendering.area_document(area, today=today)
                for area in plan.areas.select_related("plan").order_by("position")
            ),
        ]
        for document in pack:
            (out / document.filename).write_bytes(document.content)
            self.stdout.write(f"{out / document.filename} ({len(document.content) // 1024} KB)")
