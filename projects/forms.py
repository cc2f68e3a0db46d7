"""The portal's forms for keeping a project alive: a status report and an hour registration.

Both validate through the model (its validators and database constraints), so a rule lives in one place
and its message appears beside the field it concerns. The project and the person are set by the view.
"""

from django import forms
from django.utils import timezone
from django.utils.text import capfirst

from byaftale.fields import UnambiguousDecimalField

from .models import PROGRAMME_START, HourRegistration, StatusReport


class DateInput(forms.DateInput):
    """The browser's own date picker; it sends ISO dates, which Django accepts in every language.
    It offers no day before the programme began."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs={"min": PROGRAMME_START.isoformat(), **(attrs or {})}, format="%Y-%m-%d")


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = ["date", "light", "text", "progress"]
        widgets = {
            "date": DateInput(),
            "light": forms.RadioSelect(),
            "text": forms.Textarea(attrs={"rows": 5}),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ModelForm's signature
        super().__init__(*args, **kwargs)
        # Radio buttons need no empty choice, and each reads as a sentence of its own: «Grøn: går efter planen».
        self.fields["light"].choices = [(value, capfirst(label)) for value, label in StatusReport.Light.choices]


class HourRegistrationForm(forms.ModelForm):
    class Meta:
        model = HourRegistration
        fields = ["date", "hours", "note"]
        # «7,5» and «7.5» are seven and a half hours whatever the language; «1.750» is refused as ambiguous.
        field_classes = {"hours": UnambiguousDecimalField}
        widgets = {
            "date": DateInput(),
            "note": forms.TextInput(),
        }

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ModelForm's signature
        super().__init__(*args, **kwargs)
        # Hours are mostly registered on the day; the instance's empty date would otherwise win.
        if self.instance.date is None:
            self.initial["date"] = timezone.localdate()
