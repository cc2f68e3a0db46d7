"""manage.py render_documents: render the board's PDFs of the current plan that the cache lacks, now, or
(--enqueue) by the background worker; bin/serve queues it at every start, so the first downloads after a
deployment are served from the cache."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from documents.tasks import render_documents


class Command(BaseCommand):
    help = "Render the board's PDFs that the cache lacks (--enqueue: leave it to the background worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--enqueue", action="store_true", help="Queue the render for the worker.")

    def handle(self, *args: Any, enqueue: bool = False, **options: Any) -> None:
        if enqueue:
            render_documents.enqueue()
            self.stdout.write("Queued the rendering of the documents.")
        else:
            for name in render_documents.call():
                self.stdout.write(name)
