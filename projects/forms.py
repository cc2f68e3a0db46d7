"""The portal's forms for keeping a project alive: a status report and an hour registration.

Both validate through the model (its validators and database constraints), so a rule lives in one place
and its message appears beside the field it concerns. The project and the person are set by the view.
"""

from dataclasses import dataclass

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from byaftale.fields import UnambiguousDecimalField

from .models import PROGRAMME_START, HourRegistration, StatusReport


class DateInput(forms.DateInput):
    """The browser's own date picker; it sends ISO dates, which Django accepts in every language.
    It offers no day before the programme began."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"min": PROGRAMME_START.isoformat(), **(attrs or {})}, format="%Y-%m-%d")


@dataclass(frozen=True)
class FieldError:
    """One line of a form's error summary: the field's label, its message and the id of its input."""

    field_id: str
    label: str
    message: str


class CorrectableForm(forms.ModelForm):
    """A form after the Danish public sector's pattern: optional fields say so beside their label, and a failed
    submit is summed up at the top, each error linking to its field."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ModelForm's signature
        super().__init__(*args, **kwargs)
        self.plain_labels = {name: field.label for name, field in self.fields.items()}
        for field in self.fields.values():
            # The hidden copy of a callable default (the report's date) serves formsets only, and Django gives
            # it the field's aria-describedby, which no hidden input may carry.
            field.show_hidden_initial = False
            if not field.required:
                field.label = gettext("%(label)s (optional)") % {"label": field.label}

    def error_summary(self) -> list[FieldError]:
        """Each field's errors in the form's order, linked to the input the user should correct."""
        summary = []
        for bound in self:
            widget_id = bound.auto_id
            if bound.use_fieldset:
                widget_id = f"{widget_id}_0"  # a group of radio buttons: the first one takes the focus
            for message in bound.errors:
                label = str(self.plain_labels[bound.name] or bound.name)
                summary.append(FieldError(field_id=widget_id, label=label, message=str(message)))
        return summary


class StatusReportForm(CorrectableForm):
    class Meta:
        model = StatusReport
        fields = ["date", "light", "text", "progress"]
        widgets = {
            "date": DateInput(),
            "light": forms.RadioSelect(),
            "text": forms.Textarea(attrs={"rows": 5}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        # The project has a status of its own («i gang», «afsluttet»); the report's text is not that.
        labels = {"text": pgettext_lazy("status report", "How the project is going")}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ModelForm's signature
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty choice, and each reads as a sentence of its own: «Grøn: går efter planen».
        light: forms.ChoiceField = self.fields["light"]  # type: ignore[assignment]  # the model's choices make it one
        light.choices = [(value, capfirst(label)) for value, label in StatusReport.Light.choices]


class HourRegistrationForm(CorrectableForm):
    class Meta:
        model = HourRegistration
        fields = ["date", "hours", "note"]
        # «7,5» and «7.5» are seven and a half hours whatever the language; «1.750» is refused as ambiguous.
        field_classes = {"hours": UnambiguousDecimalField}
        widgets = {
            "date": DateInput(),
            "note": forms.TextInput(),
        }
        help_texts = {"hours": _("e.g. 7,5")}

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ModelForm's signature
        super().__init__(*args, **kwargs)
        # Hours are mostly registered on the day; the instance's empty date would otherwise win.
        if self.instance.date is None:
            self.initial["date"] = timezone.localdate()
