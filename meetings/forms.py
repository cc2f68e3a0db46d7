"""The portal's forms for meetings: the steering group's comment on a draft agenda."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AgendaComment


class AgendaCommentForm(forms.ModelForm):
    class Meta:
        model = AgendaComment
        fields = ("text",)
        labels = {"text": _("Your comment")}
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 60, "maxlength": 2000})}
