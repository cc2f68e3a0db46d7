"""Shows a database constraint's violation next to the form field it concerns.

A check or unique constraint is the one place a rule lives; Django reports its violation as a
form-wide error. Models list `constraint_error_fields` (violation_error_code → field name) so the
admin shows the message beside the field, without repeating the rule in clean().
"""

from typing import ClassVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


class ConstraintErrorsOnFields:
    constraint_error_fields: ClassVar[dict[str, str]] = {}

    def validate_constraints(self, exclude=None):  # noqa: ANN001, ANN201 - Django's signature
        try:
            super().validate_constraints(exclude=exclude)  # type: ignore[misc]  # a mixin before Model
        except ValidationError as error:
            placed: dict[str, list[ValidationError]] = {}
            for field, errors in error.error_dict.items():
                for item in errors:
                    target = self.constraint_error_fields.get(item.code or "", field)
                    if field != NON_FIELD_ERRORS or (exclude and target in exclude):
                        target = field
                    placed.setdefault(target, []).append(item)
            raise ValidationError(placed) from None
