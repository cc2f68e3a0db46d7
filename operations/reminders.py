"""The e-mail reminders: who is reminded of what, and sending each reminder once.

Each source below reads the plan on a day and yields `Item`s: one thing (a milestone, a project, the
agreement, a week) for one person, of one kind. `send_reminders` groups the items by person and kind
into one mail (Danish, plain text and HTML, with a link to each thing and to the person's preferences),
leaves out the kinds the person turned off and the things already in the sent-log, and writes the
sent-log in the same transaction as the mail goes out: a second run on the same day, or two runs at
once, send nothing twice (the log's unique constraint), and a failed delivery logs nothing.

Another app's kind of reminder comes in through `register_source(kind, source)`.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from byaftale.access import SECRETARIAT, STEERING_GROUP
from cooperation.models import CooperationAgreement
from cooperation.revision import next_revision_year
from meetings.models import FollowUpPoint
from projects.models import Milestone, Project, StatusReport
from projects.phase import Phase, phase_of
from projects.reporting import needs_report, report_interval_weeks

from .models import ReminderKind, ReminderOptOut, SentReminder

logger = logging.getLogger(__name__)
User = get_user_model()


@dataclass(frozen=True)
class Item:
    """One thing to remind one person of. `subject` names the thing and what would make it new again."""

    kind: str
    recipient: AbstractUser
    subject: str
    text: str
    path: str  # the page's path on the portal

    @property
    def url(self) -> str:
        return absolute_url(self.path)


Source = Callable[[datetime.date], Iterable[Item]]


def absolute_url(path: str) -> str:
    return f"{settings.PORTAL_URL}{path}"


def _reachable(users: QuerySet) -> QuerySet:
    return users.filter(is_active=True).exclude(email="")


def members_of(role: str) -> QuerySet:
    return _reachable(User.objects.filter(groups__name=role)).distinct().order_by("pk")


# --- The sources ----------------------------------------------------------------------------------


def milestones_due(today: datetime.date) -> Iterator[Item]:
    """A project's milestone not reached and due within MILESTONE_REMINDER_DAYS, to its contact persons;
    reminded again only if its date moves."""
    until = today + datetime.timedelta(days=settings.MILESTONE_REMINDER_DAYS)
    milestones = (
        Milestone.objects.filter(reached=False, project__isnull=False, date__gte=today, date__lte=until)
        .select_related("project__area")
        .prefetch_related("project__contact_persons")
    )
    for milestone in milestones:
        assert milestone.project is not None  # filtered above
        for person in milestone.project.contact_persons.all():
            if person.is_active and person.email:
                yield Item(
                    ReminderKind.MILESTONE_DUE,
                    person,
                    f"milestone:{milestone.pk}:{milestone.date.isoformat()}",
                    f"{milestone.project}: {milestone.title} ({date_format(milestone.date)})",
                    milestone.get_absolute_url(),
                )


def milestones_overdue(today: datetime.date) -> Iterator[Item]:
    """Every milestone not reached whose date has passed, to the secretariat, once per milestone and date."""
    overdue = list(
        Milestone.objects.filter(reached=False, date__lt=today).select_related("project__area", "area").order_by("date")
    )
    if not overdue:
        return
    for person in members_of(SECRETARIAT):
        for milestone in overdue:
            scope = milestone.project or milestone.area
            yield Item(
                ReminderKind.MILESTONE_OVERDUE,
                person,
                f"overdue:{milestone.pk}:{milestone.date.isoformat()}",
                f"{scope}: {milestone.title} ({date_format(milestone.date)})",
                milestone.get_absolute_url(),
            )


def reports_missing(today: datetime.date) -> Iterator[Item]:
    """A project under way without a status report in STATUS_REPORT_WEEKS weeks, to its contact persons;
    again every STATUS_REPORT_WEEKS weeks while none comes."""
    weeks = report_interval_weeks()
    period = today.toordinal() // (7 * weeks)
    projects = Project.objects.followed().prefetch_related("contact_persons")
    for project in projects:
        if not needs_report(project, today):
            continue
        latest = project.latest_report_date.isoformat() if project.latest_report_date else "none"
        for person in project.contact_persons.all():
            if person.is_active and person.email:
                yield Item(
                    ReminderKind.REPORT_MISSING,
                    person,
                    f"report:{project.pk}:{latest}:{period}",
                    str(project),
                    project.get_absolute_url(),
                )


def revision_due(today: datetime.date) -> Iterator[Item]:
    """The cooperation agreement's next revision, to the secretariat, from REVISION_REMINDER_MONTHS
    before the year it is due; once per agreement and year."""
    for agreement in CooperationAgreement.objects.all():
        year = next_revision_year(agreement, today=today)
        due = datetime.date(year, 1, 1)
        months_ahead = (due.year - today.year) * 12 + due.month - today.month
        if months_ahead > settings.REVISION_REMINDER_MONTHS:
            continue
        for person in members_of(SECRETARIAT):
            yield Item(
                ReminderKind.REVISION_DUE,
                person,
                f"revision:{agreement.pk}:{year}",
                f"{agreement}: {year}",
                reverse("admin:cooperation_cooperationagreement_change", args=[agreement.pk]),
            )


def follow_ups_due(today: datetime.date) -> Iterator[Item]:
    """A meeting's follow-up point not done, due within FOLLOW_UP_REMINDER_DAYS, to the person responsible;
    once more when it is overdue (a point with only a party responsible has nobody to mail)."""
    until = today + datetime.timedelta(days=settings.FOLLOW_UP_REMINDER_DAYS)
    points = FollowUpPoint.objects.open().filter(person__isnull=False, due_date__lte=until).select_related("person")
    for point in points:
        person = point.person
        if person is None or not person.is_active or not person.email:
            continue
        overdue = point.is_overdue(today)
        when = {"date": date_format(point.due_date)}
        state = _("overdue, due %(date)s") % when if overdue else _("due %(date)s") % when
        yield Item(
            ReminderKind.FOLLOW_UP_DUE,
            person,
            f"follow-up:{point.pk}:{point.due_date.isoformat()}:{'overdue' if overdue else 'due'}",
            f"{point.what} ({state})",
            point.get_absolute_url(),
        )


@dataclass(frozen=True)
class Digest:
    """The steering group's week: what changed, what slipped, what is overdue."""

    since: datetime.date
    changed: list[Project]
    slipped: list[StatusReport]
    late: list[Project]
    overdue: list[Milestone]


def weekly_digest(today: datetime.date) -> Digest:
    since = today - datetime.timedelta(days=7)
    changed_ids = Project.history.filter(history_date__date__gte=since).values("id")
    projects = Project.objects.followed()
    return Digest(
        since=since,
        changed=list(
            Project.objects.filter(pk__in=changed_ids).select_related("area").order_by("area__position", "number")
        ),
        slipped=list(
            StatusReport.objects.filter(date__gte=since, light__in=[StatusReport.Light.RED, StatusReport.Light.YELLOW])
            .select_related("project__area")
            .order_by("-date")
        ),
        late=[p for p in projects if phase_of(p, today=today) == Phase.LATE],
        overdue=list(
            Milestone.objects.filter(reached=False, date__lt=today)
            .select_related("project__area", "area")
            .order_by("date")
        ),
    )


def digest_due(today: datetime.date) -> Iterator[Item]:
    """The weekly digest, to the steering group, on DIGEST_WEEKDAY (or the first run after it that week)."""
    if today.weekday() < settings.DIGEST_WEEKDAY:
        return
    year, week, _ = today.isocalendar()
    for person in members_of(STEERING_GROUP):
        # The dashboard is at the site's root (a page app's address, named by no import).
        yield Item(ReminderKind.WEEKLY_DIGEST, person, f"digest:{year}-W{week:02d}", "", "/")


_SOURCES: list[tuple[str, Source]] = [
    (ReminderKind.MILESTONE_DUE, milestones_due),
    (ReminderKind.MILESTONE_OVERDUE, milestones_overdue),
    (ReminderKind.REPORT_MISSING, reports_missing),
    (ReminderKind.FOLLOW_UP_DUE, follow_ups_due),
    (ReminderKind.REVISION_DUE, revision_due),
    (ReminderKind.WEEKLY_DIGEST, digest_due),
]


def register_source(kind: str, source: Source) -> None:
    """Add a source of reminders (e.g. from an app's AppConfig.ready()); `kind` must be a ReminderKind."""
    if kind not in ReminderKind.values:
        raise ValueError(f"Unknown reminder kind {kind!r}.")
    _SOURCES.append((kind, source))


def sources() -> list[tuple[str, Source]]:
    return list(_SOURCES)


# --- Sending ------------------------------------------------------------------------------------


def _mail(kind: str, person: AbstractUser, items: list[Item], *, today: datetime.date) -> EmailMultiAlternatives:
    context = {
        "kind": kind,
        "person": person,
        "items": items,
        "today": today,
        "digest": weekly_digest(today) if kind == ReminderKind.WEEKLY_DIGEST else None,
        "page_url": items[0].url,
        "preferences_url": absolute_url(reverse("operations:preferences")),
        "portal_url": settings.PORTAL_URL,
    }
    subject = " ".join(render_to_string("operations/mail/subject.txt", context).split())
    text = render_to_string("operations/mail/reminder.txt", context)
    html = render_to_string("operations/mail/reminder.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [person.email])
    message.attach_alternative(html, "text/html")
    return message


def send_reminders(*, today: datetime.date) -> int:
    """Send every reminder due on `today` that was not sent before; the number of mails sent."""
    # The mails are Danish, and so are the dates the sources write into them.
    with translation.override("da"):
        return _send_reminders(today)


def _send_reminders(today: datetime.date) -> int:
    items: dict[tuple[int, str], list[Item]] = defaultdict(list)
    people: dict[int, AbstractUser] = {}
    for kind, source in sources():
        for item in source(today):
            if item.kind != kind:
                raise ValueError(f"A source of {kind!r} gave an item of {item.kind!r}.")
            items[(item.recipient.pk, kind)].append(item)
            people[item.recipient.pk] = item.recipient
    opted_out = set(ReminderOptOut.objects.filter(user__in=people).values_list("user", "kind"))
    sent = 0
    connection = get_connection()
    for (person_pk, kind), found in sorted(items.items()):
        if (person_pk, kind) in opted_out:
            continue
        already = set(
            SentReminder.objects.filter(
                kind=kind, recipient_id=person_pk, subject__in=[i.subject for i in found]
            ).values_list("subject", flat=True)
        )
        fresh = list({i.subject: i for i in found if i.subject not in already}.values())
        if not fresh:
            continue
        message = _mail(kind, people[person_pk], fresh, today=today)
        try:
            with transaction.atomic():
                # The log first: a concurrent run holding the same rows makes this one fail, not send twice;
                # a delivery that fails takes the log rows with it, so the next run tries again.
                SentReminder.objects.bulk_create(
                    [SentReminder(kind=kind, recipient_id=person_pk, subject=i.subject) for i in fresh]
                )
                connection.send_messages([message])
        except IntegrityError:
            logger.info("Reminder %s for user %s was sent by another run", kind, person_pk)
            continue
        except OSError:
            # smtplib's errors are OSErrors: this person's mail is tried again at the next run, the others go on.
            logger.exception("Could not send reminder %s to user %s", kind, person_pk)
            continue
        sent += 1
        logger.info("Sent reminder %s to user %s about %d thing(s)", kind, person_pk, len(fresh))
    return sent
