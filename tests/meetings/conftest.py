import pytest

from meetings.models import Paper
from meetings.storage import PrivateFileSystemStorage


@pytest.fixture(autouse=True)
def papers_dir(monkeypatch, tmp_path):
    """Each test keeps its papers in a folder of its own. The field resolved its storage when the model was
    defined, so the test replaces the field's storage, not the setting."""
    location = tmp_path / "papers"
    monkeypatch.setattr(Paper._meta.get_field("file"), "storage", PrivateFileSystemStorage(location=location))
    return location
