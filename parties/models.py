"""The parties of the programme: housing organisations, the municipality and its units, joint bodies
and outside actors."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from byaftale.validation import ConstraintErrorsOnFields
from byaftale.versioning import Versioned


class PartyManager(models.Manager["Party"]):
    def get_by_natural_key(self, name: str) -> "Party":
        return self.get(name=name)


class Party(ConstraintErrorsOnFields, Versioned):
    class Kind(models.TextChoices):
        HOUSING_ORGANISATION = "housing_organisation", _("housing organisation")
        ADMINISTRATOR = "administrator", _("administrator")
        MUNICIPALITY = "municipality", _("municipality")
        MUNICIPAL_DEPARTMENT = "municipal_department", _("municipal department")
        STAFF_UNIT = "staff_unit", _("staff unit")
        JOINT_BODY = "joint_body", _("joint body")
        RESIDENT_BODY = "resident_body", _("board or tenant body")
        EXTERNAL = "external", _("outside actor")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=40, blank=True, help_text=_("The abbreviation the sources use, e.g. BO.")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    administered_by = models.ForeignKey(
        "self",
        verbose_name=_("administered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="administers",
        help_text=_("The organisation that runs this one's administration."),
    )
    part_of = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        help_text=_("The organisation or department this unit belongs to."),
    )
    name_by_portal = models.BooleanField(
        _("name added by the portal"),
        default=False,
        help_text=_("The sources do not name the party so; the portal gave it this name."),
    )
    description = models.TextField(_("description"), blank=True)
    description_by_portal = models.BooleanField(
        _("description added by the portal"),
        default=False,
        help_text=_("The description is the portal's, not the sources' words."),
    )

    objects = PartyManager()
    history = HistoricalRecords()

    constraint_error_fields = {"administers_itself": "administered_by", "part_of_itself": "part_of"}

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(administered_by=F("id")),
                name="party_not_administered_by_itself",
                violation_error_code="administers_itself",
                violation_error_message=_("A party cannot administer itself."),
            ),
            models.CheckConstraint(
                condition=~Q(part_of=F("id")),
                name="party_not_part_of_itself",
                violation_error_code="part_of_itself",
                violation_error_message=_("A party cannot be part of itself."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("parties:party", args=[self.pk])

    def natural_key(self) -> tuple[str]:
        return (self.name,)
