"""What every page of the portal checks first: who may see it, and which plan it shows."""

from django.contrib.auth.decorators import permission_required
from django.http import Http404

from areas.models import ActionPlan

from ..roles import VIEW_PLAN, VIEW_PROGRESS

# Signed in but without a role that may see the page: 403, not another trip to the sign-in page.
reads_plan = permission_required(VIEW_PLAN, raise_exception=True)
follows_progress = permission_required(VIEW_PROGRESS, raise_exception=True)


def current_plan() -> ActionPlan:
    plan = ActionPlan.objects.select_related("agreement").order_by("-year", "pk").first()
    if plan is None:
        raise Http404("No action plan is loaded.")
    return plan
