"""A page of text the secretariat keeps up to date in the admin and anyone may read without signing in."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.validation import ConstraintErrorsOnFields
from byaftale.versioning import Versioned

ACCESSIBILITY_STATEMENT = "tilgaengelighed"


class SitePage(ConstraintErrorsOnFields, Versioned):
    slug = models.SlugField(
        _("address"),
        max_length=60,
        unique=True,
        help_text=_("The page's stable address; the accessibility statement is tilgaengelighed."),
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), help_text=_("Plain text; an empty line starts a new paragraph."))
    updated_on = models.DateField(
        _("last updated"), default=timezone.localdate, help_text=_("The date the page states it was last reviewed.")
    )

    history = HistoricalRecords()

    constraint_error_fields = {"title_required": "title", "text_required": "text"}

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title=""),
                name="sitepage_title_not_empty",
                violation_error_code="title_required",
                violation_error_message=_("A public page needs a title."),
            ),
            models.CheckConstraint(
                condition=~Q(text=""),
                name="sitepage_text_not_empty",
                violation_error_code="text_required",
                violation_error_message=_("A public page needs a text."),
            ),
        ]

    def __str__(self) -> str:
        return self.title
