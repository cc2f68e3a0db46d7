"""What every page of the portal checks first: who may see it, and which plan it shows."""

from collections.abc import Callable
from functools import wraps

from django.http import Http404, HttpRequest, HttpResponse

from areas.models import ActionPlan
from byaftale.errors import RoleRequired

from ..roles import VIEW_PLAN, VIEW_PROGRESS

View = Callable[..., HttpResponse]


def requires_permission(permission: str) -> Callable[[View], View]:
    """Signed in but without a role that may see the page: 403 naming the roles that open it, not another
    trip to the sign-in page."""

    def decorator(view: View) -> View:
        @wraps(view)
        def checked(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
            if not request.user.has_perm(permission):
                raise RoleRequired(permission)
            return view(request, *args, **kwargs)

        return checked

    return decorator


reads_plan = requires_permission(VIEW_PLAN)
follows_progress = requires_permission(VIEW_PROGRESS)


def current_plan() -> ActionPlan:
    plan = ActionPlan.objects.select_related("agreement").order_by("-year", "pk").first()
    if plan is None:
        raise Http404("No action plan is loaded.")
    return plan
