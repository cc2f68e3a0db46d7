"""The meetings' pages: the list, a meeting, its PDFs and papers, a person's follow-up points and calendar."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User as Account
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from byaftale.errors import RoleRequired

from . import documents
from .access import COMMENT_AGENDA, check_meeting, check_paper, check_reads_meetings
from .actions import agenda_comment_add, follow_up_set_done
from .calendar import calendar_feed_renew, calendar_feed_revoke, feed_of, person_feed
from .forms import AgendaCommentForm
from .models import AgendaItem, CalendarFeed, FollowUpPoint, Meeting, Paper
from .pages import meeting_page, meetings_page, my_tasks_page
from .papers import CONTENT_TYPES


def signed_in(request: HttpRequest) -> Account:
    """The signed-in user: LoginRequiredMiddleware has sent everyone else to the sign-in page."""
    user = request.user
    assert isinstance(user, Account)
    return user


def meeting_or_404(pk: int) -> Meeting:
    return get_object_or_404(Meeting.objects.select_related("body"), pk=pk)


@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    check_reads_meetings(request.user)
    return render(request, "meetings/meeting_list.html", {"page": meetings_page(request.user, now=timezone.now())})


def render_meeting(
    request: HttpRequest,
    meeting: Meeting,
    *,
    form: AgendaCommentForm | None = None,
    form_item: AgendaItem | None = None,
    status: int = 200,
) -> HttpResponse:
    page = meeting_page(meeting, user=request.user, today=timezone.localdate())
    context = {"page": page, "meeting": meeting, "comment_form": form, "form_item": form_item}
    return render(request, "meetings/meeting.html", context, status=status)


@require_GET
def meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(pk)
    check_meeting(request.user, meeting)
    return render_meeting(request, meeting)


@require_POST
def new_comment(request: HttpRequest, pk: int, position: int) -> HttpResponse:
    meeting = meeting_or_404(pk)
    check_meeting(request.user, meeting)
    if not request.user.has_perm(COMMENT_AGENDA):
        raise RoleRequired(COMMENT_AGENDA)
    item = get_object_or_404(AgendaItem, meeting=meeting, position=position)
    form = AgendaCommentForm(request.POST)
    if form.is_valid():
        try:
            agenda_comment_add(item=item, author=signed_in(request), text=form.cleaned_data["text"])
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, _("Your comment on «%(item)s» is saved.") % {"item": item.title})
            return redirect(f"{meeting.get_absolute_url()}#punkt-{item.position}")
    return render_meeting(request, meeting, form=form, form_item=item, status=400)


def pdf_response(document: documents.Document) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    response["Content-Length"] = str(len(document.content))
    return response


@require_GET
def agenda_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(pk)
    check_meeting(request.user, meeting)
    return pdf_response(documents.agenda_document(meeting, user=request.user, today=timezone.localdate()))


@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(pk)
    check_meeting(request.user, meeting)
    return pdf_response(documents.minutes_document(meeting, user=request.user, today=timezone.localdate()))


@require_GET
def paper(request: HttpRequest, pk: int, paper_pk: int) -> FileResponse:
    paper = get_object_or_404(Paper.objects.select_related("meeting", "item"), pk=paper_pk, meeting_id=pk)
    check_paper(request.user, paper)
    try:
        handle = paper.file.open("rb")
    except FileNotFoundError:
        raise Http404("The paper's file is missing.") from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=paper.original_name,
        content_type=CONTENT_TYPES[Paper.FileType(paper.file_type)],
    )


@require_http_methods(["GET", "POST"])
def my_tasks(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if request.method == "POST":
        action = request.POST.get("action")
        if action in ("done", "reopen"):
            point = get_object_or_404(FollowUpPoint, pk=request.POST.get("point") or 0, person=user)
            follow_up_set_done(point=point, done=action == "done", by=user)
            messages.success(
                request,
                (_("«%(what)s» is marked done.") if action == "done" else _("«%(what)s» is open again."))
                % {"what": point.what},
            )
        elif action == "calendar-renew":
            calendar_feed_renew(person=user)
            messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        elif action == "calendar-revoke":
            if calendar_feed_revoke(person=user):
                messages.success(request, _("Your calendar address is revoked; it no longer works."))
        else:
            return HttpResponse(status=400)
        return redirect("meetings:my-tasks")
    feed = feed_of(user)
    feed_url = request.build_absolute_uri(feed.get_absolute_url()) if feed else ""
    return render(
        request,
        "meetings/my_tasks.html",
        {"page": my_tasks_page(user, today=timezone.localdate()), "feed": feed, "feed_url": feed_url},
    )


@login_not_required
@require_GET
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private calendar: the token is the only key, so an unknown or revoked one is simply not found."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("person"), token=token, person__is_active=True)
    base_url = request.build_absolute_uri(reverse("meetings:meetings")).removesuffix(reverse("meetings:meetings"))
    response = HttpResponse(person_feed(feed, base_url=base_url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="byaftale.ics"'
    return response
