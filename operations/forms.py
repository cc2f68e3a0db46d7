"""The reminder preferences form: one checkbox per kind of reminder."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReminderKind


class ReminderPreferencesForm(forms.Form):
    kinds = forms.MultipleChoiceField(
        label=_("Send me e-mail about"),
        choices=ReminderKind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Untick a kind to stop getting it. You only get a kind that concerns your role or your projects."),
    )
