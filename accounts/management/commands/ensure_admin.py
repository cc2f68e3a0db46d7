"""Make sure the secretariat can sign in: create its superuser unless it already exists.

The username comes from BYAFTALE_ADMIN_USER (default "sekretariat"). The password comes from
BYAFTALE_ADMIN_PASSWORD, or else is generated once and kept in a file (`--password-file`,
readable by its owner only) so that the next run finds the same one. A password given through
the environment is never printed; a generated one is printed when it is created.
An existing user is left as it is: this command never changes a password.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEFAULT_USERNAME = "sekretariat"


def stored_or_new_password(path: Path) -> tuple[str, bool]:
    """The password kept in `path`, or a new one written there; the flag tells whether it is new."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip(), False
    password = secrets.token_urlsafe(18)
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_text(password + "\n", encoding="utf-8")
    return password, True


class Command(BaseCommand):
    help = "Creates the secretariat's superuser (BYAFTALE_ADMIN_USER / BYAFTALE_ADMIN_PASSWORD) unless it exists."

    def add_arguments(self, parser):  # noqa: ANN001
        parser.add_argument(
            "--password-file",
            default=str(Path(settings.BASE_DIR) / ".admin-password"),
            help="Where a generated password is kept (default: .admin-password beside manage.py).",
        )

    def handle(self, *args, password_file: str, **options) -> None:
        username = os.environ.get("BYAFTALE_ADMIN_USER") or DEFAULT_USERNAME
        given = os.environ.get("BYAFTALE_ADMIN_PASSWORD")
        path = Path(password_file)
        User = get_user_model()

        if User.objects.filter(username=username).exists():
            self.stdout.write(f"The user «{username}» exists already and is left as it is.")
            created = False
        else:
            if given:
                password = given
            else:
                password, generated = stored_or_new_password(path)
                if generated:
                    self.stdout.write(f"Generated a password for «{username}» and kept it in {path}: {password}")
            User.objects.create_superuser(username=username, email="", password=password)
            self.stdout.write(self.style.SUCCESS(f"Created the superuser «{username}»."))
            created = True

        if given and created:
            where = "the password given in BYAFTALE_ADMIN_PASSWORD"
        elif not given and path.exists():
            where = f"the password in {path}"
        else:
            where = f"its existing password (to set a new one: manage.py changepassword {username})"
        self.stdout.write(f"Sign in as «{username}» with {where}.")
