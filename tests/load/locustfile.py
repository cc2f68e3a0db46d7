"""The load test (locust): signed-in users of each role browse as they do in a week, against a running
portal (bin/serve on PostgreSQL). Not part of the test suite; see README "Load test".

    .venv/bin/python tests/load/prepare.py               # with the server's environment
    .venv/bin/locust -f tests/load/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:8000

Each simulated person signs in once (the sign-in page, as a browser), then opens pages with a few seconds
of reading between them. Requests are named by page, so the report gives figures per page.
"""

import os
import random
import re

from locust import HttpUser, between, task

PASSWORD = os.environ.get("BYAFTALE_LOAD_PASSWORD", "load-test-password")
AREA_PDF = re.compile(r'href="/dokumenter/indsatsomraade/([\w-]+)\.pdf"')
PROJECT = re.compile(r'href="(/projekter/[\w-]+/\d+/)"')
SEARCH_WORDS = ["bolig", "analyse", "Vollsmose", "beskæftigelse", "kommune", "plan"]


class Person(HttpUser):
    abstract = True
    username = ""
    wait_time = between(1, 5)

    def on_start(self) -> None:
        self.areas: list[str] = []
        self.projects: list[str] = []
        page = self.client.get("/log-ind/", name="sign-in page")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        with self.client.post(
            "/log-ind/",
            {"csrfmiddlewaretoken": token, "username": self.username, "password": PASSWORD},
            headers={"Referer": f"{self.host}/log-ind/"},
            name="sign in",
            catch_response=True,
        ) as response:
            if "/log-ind/" in response.url:
                response.failure(f"{self.username} could not sign in")
        self.learn_addresses()

    def learn_addresses(self) -> None:
        """The areas from the documents page (light, and every role sees it), the projects from one area."""
        page = self.client.get("/dokumenter/", name="documents").text
        self.areas = [f"/indsatsomraader/{slug}/" for slug in sorted(set(AREA_PDF.findall(page)))]
        if self.areas:
            self.projects = sorted(set(PROJECT.findall(self.client.get(random.choice(self.areas), name="area").text)))

    @task(3)
    def masterplan(self) -> None:
        self.client.get("/masterplan/", name="masterplan")

    @task(3)
    def area(self) -> None:
        if self.areas:
            self.client.get(random.choice(self.areas), name="area")

    @task(4)
    def project(self) -> None:
        if self.projects:
            self.client.get(random.choice(self.projects), name="project")

    @task(2)
    def search(self) -> None:
        self.client.get("/soeg/", params={"q": random.choice(SEARCH_WORDS)}, name="search")

    @task(1)
    def action_plan_pdf(self) -> None:
        self.client.get("/dokumenter/handlingsplan.pdf", name="PDF: action plan")

    @task(1)
    def masterplan_pdf(self) -> None:
        self.client.get("/dokumenter/masterplan-a3.pdf", name="PDF: masterplan A3")


class Secretariat(Person):
    username = "load-sekretariat"
    weight = 1

    @task(4)
    def dashboard(self) -> None:
        self.client.get("/", name="dashboard")


class SteeringGroupMember(Person):
    username = "load-styregruppe"
    weight = 2

    @task(4)
    def dashboard(self) -> None:
        self.client.get("/", name="dashboard")


class BoardMember(Person):
    """A board member reads the plan and downloads its documents; the dashboard is not theirs."""

    username = "load-bestyrelse"
    weight = 2

    @task(2)
    def documents(self) -> None:
        self.client.get("/dokumenter/", name="documents")
