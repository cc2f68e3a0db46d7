"""The parts of the frame (templates/base.html) that need no request: the footer and the secretariat's
contact, so the 500 page, drawn without a request, has them too."""

from django import template
from django.conf import settings

register = template.Library()


def secretariat_contact() -> dict[str, str]:
    return {
        "name": settings.SECRETARIAT_CONTACT_NAME,
        "email": settings.SECRETARIAT_CONTACT_EMAIL,
        "phone": settings.SECRETARIAT_CONTACT_PHONE,
    }


@register.inclusion_tag("includes/site_footer.html")
def site_footer() -> dict:
    return {"contact": secretariat_contact()}


@register.inclusion_tag("includes/secretariat_contact.html")
def secretariat_contact_line() -> dict:
    return {"contact": secretariat_contact()}
