"""Reading admin pages in tests: the columns of a changelist, and a form's data as a browser would submit it."""

import re
from typing import Any

from django.forms import BaseFormSet, Form
from django.utils.html import strip_tags

COLUMN_HEADER = re.compile(
    r'<th scope="col"[^>]*>\s*(?:<div class="sortoptions">.*?</div>)?\s*<div class="text">(.*?)</div>', re.S
)
RESULT_TABLE = re.compile(r'<table id="result_list">.*?</table>', re.S)


def column_headers(response) -> list[str]:
    """The headers of a changelist's columns as the reader sees them (the select-all checkbox left out)."""
    headers = [strip_tags(html).strip() for html in COLUMN_HEADER.findall(response.content.decode())]
    return [header for header in headers if header]


def result_table(response) -> str:
    """The changelist's table of results as text, cells separated by spaces."""
    match = RESULT_TABLE.search(response.content.decode())
    assert match, "the page has no table of results"
    cells = re.sub(r"</t[hd]>", " ", match.group())
    return " ".join(strip_tags(cells).split())


def form_values(form: Form) -> dict[str, Any]:
    """The data a browser sends for a form as rendered: every field with its current value."""
    data: dict[str, Any] = {}
    for name, field in form.fields.items():
        value = field.prepare_value(form[name].value())
        if field.disabled or value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[form.add_prefix(name)] = "on"
        elif isinstance(value, list | tuple):
            data[form.add_prefix(name)] = [str(item) for item in value]
        else:
            data[form.add_prefix(name)] = str(value)
    return data


def formset_values(formset: BaseFormSet) -> dict[str, Any]:
    data = form_values(formset.management_form)
    for form in formset.forms:
        data.update(form_values(form))
    return data


def change_form_data(response) -> dict[str, Any]:
    """The POST data of an admin change page submitted as it stands, its inlines' management forms included."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        data.update(formset_values(inline.formset))
    return data
