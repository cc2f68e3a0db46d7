"""A party cannot administer itself or be its own unit."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from tests.factories import make_party

pytestmark = pytest.mark.django_db


def test_a_party_administering_itself_is_refused_beside_the_field():
    party = make_party(name="Boligforeningen Kristiansdal")
    party.administered_by = party

    with translation.override("da"), pytest.raises(ValidationError) as caught:
        party.full_clean()
    assert caught.value.message_dict["administered_by"] == ["En part kan ikke administrere sig selv."]
    with pytest.raises(IntegrityError), transaction.atomic():
        party.save()


def test_a_party_cannot_be_part_of_itself():
    party = make_party(name="Borgmesterforvaltningen")
    party.part_of = party

    with translation.override("da"), pytest.raises(ValidationError) as caught:
        party.full_clean()
    assert caught.value.message_dict["part_of"] == ["En part kan ikke være en del af sig selv."]
