"""Prepares a portal for the load test: one user of each role with the load test's password, the seed
plan if the database is empty, and optionally demo projects (--projects N). Run with the server's
environment, e.g.:  .venv/bin/python tests/load/prepare.py --projects 500
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "byaftale.settings.base")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.management import call_command  # noqa: E402

from byaftale.access import BOARD_MEMBER, SECRETARIAT, STEERING_GROUP  # noqa: E402

USERS = {"load-sekretariat": SECRETARIAT, "load-styregruppe": STEERING_GROUP, "load-bestyrelse": BOARD_MEMBER}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=0, help="Demo projects to add (generate_demo).")
    args = parser.parse_args()
    password = os.environ.get("BYAFTALE_LOAD_PASSWORD", "load-test-password")
    call_command("load_initial_data", "--if-empty", verbosity=0)
    if args.projects:
        call_command("generate_demo", "--projects", str(args.projects), verbosity=0)
    for username, role in USERS.items():
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.dk"}
        )
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=role)])
    print(f"Load users ready: {', '.join(USERS)}")


if __name__ == "__main__":
    main()
