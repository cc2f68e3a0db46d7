"""Form fields that read numbers the same way in every language, so an hour or an amount is never misread.

Django's localized DecimalField reads "7,5" by the request's language: Danish gives 7.5, English 75. The
portal's readers type both "7,5" and "7.5" whatever language they chose, so a number is read by its shape:

- one separator ("." or ",") followed by 1, 2 or 4+ digits is the decimal mark: "7,5", "7.25", "0,750";
- one separator followed by exactly 3 digits after a leading group of 1–3 digits ("1.750", "1,750") is
  ambiguous, thousands or decimals, and refused with both readings shown;
- one separator used several times groups thousands ("1.750.000", "1,750,000");
- both separators: the last is the decimal mark, the other groups thousands ("1.750,5", "1,750.5");
- groups of thousands must be valid (1–3 digits, then groups of exactly 3); anything else is refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

_NUMBER = re.compile(r"^[+-]?[0-9.,]*[0-9][0-9.,]*$")
_GROUPED = re.compile(r"^[1-9][0-9]{0,2}(?:X[0-9]{3})+$")


class AmbiguousNumber(ValueError):
    """A number that reads two ways: "1.750" is 1750 (thousands) or 1.75 (decimals)."""

    def __init__(self, thousands: Decimal, decimal: Decimal) -> None:
        super().__init__(f"{thousands} or {decimal}")
        self.thousands = thousands
        self.decimal = decimal


def _grouped_integer(digits: str, separator: str) -> str | None:
    """The integer written with `separator` between groups of thousands, or None when the grouping is wrong."""
    if separator not in digits:
        return digits if digits.isdigit() else None
    return digits.replace(separator, "") if _GROUPED.match(digits.replace(separator, "X")) else None


def parse_unambiguous_decimal(text: str) -> Decimal:
    """The number `text` means in every language; ValueError when it is not a number, AmbiguousNumber when it
    reads two ways. Spaces around the number are ignored; "1 750" is not a number."""
    text = text.strip()
    if not _NUMBER.match(text):
        raise ValueError(text)
    sign = "-" if text[0] == "-" else ""
    body = text[1:] if text[0] in "+-" else text
    if "." in body and "," in body:
        decimal_mark = "." if body.rfind(".") > body.rfind(",") else ","
        grouping = "," if decimal_mark == "." else "."
        whole, _sep, fraction = body.rpartition(decimal_mark)
        grouped = _grouped_integer(whole, grouping)
        if grouped is None or not fraction.isdigit():
            raise ValueError(text)
        return Decimal(f"{sign}{grouped}.{fraction}")
    separator = "." if "." in body else "," if "," in body else ""
    if not separator:
        return Decimal(f"{sign}{body}")
    if body.count(separator) > 1:
        grouped = _grouped_integer(body, separator)
        if grouped is None:
            raise ValueError(text)
        return Decimal(f"{sign}{grouped}")
    integer, _sep, fraction = body.partition(separator)
    if not fraction.isdigit() or (integer and not integer.isdigit()):
        raise ValueError(text)
    if len(fraction) == 3 and _grouped_integer(f"{integer}{separator}{fraction}", separator) is not None:
        raise AmbiguousNumber(Decimal(f"{sign}{integer}{fraction}"), Decimal(f"{sign}{integer}.{fraction}"))
    return Decimal(f"{sign}{integer or '0'}.{fraction}")


class UnambiguousDecimalField(forms.DecimalField):
    """A decimal field that reads "7,5" and "7.5" as seven and a half in every language, and refuses what reads
    two ways ("1.750") or not at all, saying what it understood. Its value is shown in the active language."""

    # A text box with a decimal keyboard: a browser's number box would refuse "7,5" before we see it.
    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "invalid": _("«%(value)s» is not a number; write for example %(example)s."),
        "ambiguous": _("«%(value)s» can be read as %(thousands)s or %(decimal)s; write %(plain)s or %(decimal)s."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("localize", True)  # show the value as the active language writes it
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]  # DecimalField's, not IntegerField's
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal | int):
            return Decimal(value)
        text = str(value).strip()
        try:
            number = parse_unambiguous_decimal(text)
        except AmbiguousNumber as ambiguous:
            raise ValidationError(
                self.error_messages["ambiguous"],
                code="ambiguous",
                params={
                    "value": text,
                    "thousands": number_format(ambiguous.thousands, force_grouping=True),
                    "decimal": number_format(ambiguous.decimal.normalize()),
                    "plain": number_format(ambiguous.thousands, use_l10n=False),
                },
            ) from ambiguous
        except (ValueError, InvalidOperation) as error:
            raise ValidationError(
                self.error_messages["invalid"],
                code="invalid",
                params={"value": text, "example": number_format(Decimal("7.5"))},
            ) from error
        places = Decimal(1).scaleb(-self.decimal_places) if self.decimal_places is not None else None
        if places is not None and int(number.as_tuple().exponent) < int(places.as_tuple().exponent):
            # "0,750" is 0.75 exactly; only digits that change the value count against the decimal places.
            rounded = number.quantize(places)
            return rounded if rounded == number else number
        return number
