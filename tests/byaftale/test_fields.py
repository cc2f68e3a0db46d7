"""Hours and amounts read by their shape, the same in every language (byaftale/fields.py): "7,5" and "7.5"
are seven and a half, "1.750" is refused with both its readings, and a value is shown as the language writes it."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from byaftale.fields import AmbiguousNumber, UnambiguousDecimalField, parse_unambiguous_decimal

LANGUAGES = ["da", "en"]

READABLE = [
    ("7", "7"),
    ("7,5", "7.5"),
    ("7.5", "7.5"),
    ("7,50", "7.50"),
    ("7.25", "7.25"),
    (" 7,5 ", "7.5"),
    (",5", "0.5"),
    ("0,750", "0.750"),  # a leading 0 groups no thousands
    ("1750.500", "1750.500"),  # four digits before the separator are no group of thousands
    ("1.750.000", "1750000"),
    ("1,750,000", "1750000"),
    ("1.750,5", "1750.5"),  # Danish: thousands and decimals
    ("1,750.5", "1750.5"),  # English: thousands and decimals
    ("1.750.000,25", "1750000.25"),
    ("-3,5", "-3.5"),
    ("+3.5", "3.5"),
]

AMBIGUOUS = [("1.750", "1750", "1.750"), ("1,750", "1750", "1.750"), ("12.000", "12000", "12.000")]

UNREADABLE = ["7,", "1.75.5", "1.7500.000", "1.75,5", "7.5,3", "1,5.5", "1 750", "7,5 timer", "abc", "-", "1e5", "--3"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("text", "number"), READABLE)
def test_a_number_with_one_reading_means_the_same_in_every_language(language, text, number):
    with translation.override(language):
        assert parse_unambiguous_decimal(text) == Decimal(number)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("text", "thousands", "decimal"), AMBIGUOUS)
def test_three_digits_after_a_single_separator_read_two_ways(language, text, thousands, decimal):
    with translation.override(language), pytest.raises(AmbiguousNumber) as raised:
        parse_unambiguous_decimal(text)

    assert (raised.value.thousands, raised.value.decimal) == (Decimal(thousands), Decimal(decimal))


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("text", UNREADABLE)
def test_what_is_no_number_is_refused(language, text):
    with translation.override(language), pytest.raises(ValueError):
        parse_unambiguous_decimal(text)


class HoursForm(forms.Form):
    hours = UnambiguousDecimalField(max_digits=7, decimal_places=2)


def errors_for(text: str, language: str) -> list[str]:
    with translation.override(language):
        form = HoursForm({"hours": text})
        assert not form.is_valid()
        return list(form.errors["hours"])  # messages are translated when read


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "«1.750» kan læses som 1.750 eller 1,75; skriv 1750 eller 1,75."),
        ("en", "«1.750» can be read as 1,750 or 1.75; write 1750 or 1.75."),
    ],
)
def test_an_ambiguous_number_is_refused_with_both_readings_in_the_readers_notation(language, message):
    assert errors_for("1.750", language) == [message]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("da", "«1.75.5» er ikke et tal; skriv for eksempel 7,5."),
        ("en", "«1.75.5» is not a number; write for example 7.5."),
    ],
)
def test_an_unreadable_number_is_refused_with_what_was_typed_and_an_example(language, message):
    assert errors_for("1.75.5", language) == [message]


@pytest.mark.parametrize("language", LANGUAGES)
def test_trailing_zeros_do_not_count_against_the_decimal_places(language):
    with translation.override(language):
        form = HoursForm({"hours": "0,750"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["hours"] == Decimal("0.75")
        assert errors_for("0,755", language)  # a third decimal that matters is still refused


@pytest.mark.parametrize(("language", "shown"), [("da", 'value="1.234,50"'), ("en", 'value="1,234.50"')])
def test_a_value_is_shown_in_the_active_language_and_reads_back_unchanged(language, shown):
    with translation.override(language):
        html = str(HoursForm(initial={"hours": Decimal("1234.50")})["hours"])
        assert shown in html
        assert 'type="text"' in html and 'inputmode="decimal"' in html
        typed_back = shown.removeprefix('value="').removesuffix('"')
        form = HoursForm({"hours": typed_back})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["hours"] == Decimal("1234.50")
