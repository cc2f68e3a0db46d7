"""Add clearly marked synthetic projects ("[Demo] …") for benchmarks and load tests, or remove them."""

from django.core.management.base import BaseCommand, CommandError

from areas.models import ActionPlan
from projects.demo import delete_demo_projects, generate_demo_projects


class Command(BaseCommand):
    help = "Adds N synthetic demo projects to the plan (label 'Demo …', title '[Demo] …'), or deletes them."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument("--projects", type=int, default=100, help="How many demo projects to add.")
        parser.add_argument("--meetings", type=int, default=0, help="How many demo meetings to add ('[Demo] …').")
        parser.add_argument("--delete", action="store_true", help="Remove every demo project and meeting instead.")

    def handle(self, *args, projects: int, delete: bool, meetings: int = 0, **options) -> None:
        plan = ActionPlan.objects.order_by("-year", "pk").first()
        if plan is None:
            raise CommandError("No action plan is loaded; run load_initial_data first.")
        if delete:
            self.stdout.write(f"Deleted {delete_demo_projects(plan=plan)} demo rows.")
            from meetings.demo import delete_demo_meetings  # an entry point: the meetings app builds on projects

            self.stdout.write(f"Deleted {delete_demo_meetings()} demo meeting rows.")
            return
        if projects < 1:
            raise CommandError("--projects must be at least 1.")
        created = generate_demo_projects(plan=plan, count=projects)
        self.stdout.write(f"Added {len(created)} demo projects.")
        if meetings > 0:
            from meetings.demo import generate_demo_meetings

            self.stdout.write(f"Added {len(generate_demo_meetings(count=meetings))} demo meetings.")
