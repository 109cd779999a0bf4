"""Lesson documents and uploaded lesson videos follow the lesson lock, and are stored privately.

Issue 11.11: they were served to anyone, from the public media folder and from /documents/.
Documents used in no live page are for staff only.
"""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from wagtail.documents.models import Document

from courses.models import EnrolmentStatus
from tests.factories import cms as cms_factories
from tests.factories import courses as factories

# Access follows the pages that use a document: Wagtail's reference index, updated on save.
pytestmark = pytest.mark.indexed

HANDOUT = b"%PDF-1.4 lesson handout"
VIDEO = b"\x00\x00\x00\x18ftypmp42 lesson video"


@pytest.fixture
def course(db):
    return cms_factories.course_page(cms_factories.catalogue_page(cms_factories.home_page()))


@pytest.fixture
def documents(course):
    handout = Document.objects.create(title="讲义", file=ContentFile(HANDOUT, name="handout.pdf"))
    video = Document.objects.create(title="讲座录像", file=ContentFile(VIDEO, name="lecture.mp4"))
    cms_factories.lesson_page(
        course,
        body=[
            {"type": "document", "value": {"document": handout.pk}},
            {"type": "video", "value": {"embed": None, "file": video.pk, "duration": "1:00", "caption": ""}},
        ],
    )
    return handout, video


def _get(client, document):
    return client.get(document.url)


def test_documents_are_stored_outside_the_public_media_folder(documents):
    for document in documents:
        assert storages["documents"].exists(document.file.name)
        assert not (settings.MEDIA_ROOT / document.file.name).exists()
        assert document.url.startswith("/documents/")  # Wagtail's serve view, never a storage URL
        with pytest.raises(NotImplementedError):
            document.file.url  # noqa: B018


def test_anonymous_visitors_are_sent_to_sign_in(client, documents):
    for document in documents:
        response = _get(client, document)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_trainee_not_enrolled_is_refused(client, course, documents):
    client.force_login(factories.user())
    for document in documents:
        assert _get(client, document).status_code == 403
    # A place that was withdrawn opens nothing either.
    withdrawn = factories.enrolment(cohort=factories.cohort(course=course), status=EnrolmentStatus.WITHDRAWN)
    client.force_login(withdrawn.user)
    assert _get(client, documents[0]).status_code == 403


def test_an_enrolled_trainee_and_staff_get_the_files(client, course, documents):
    trainee = factories.enrolment(cohort=factories.cohort(course=course)).user
    for user in (trainee, factories.instructor(), factories.registrar()):
        client.force_login(user)
        for document, content in zip(documents, (HANDOUT, VIDEO), strict=True):
            response = _get(client, document)
            assert response.status_code == 200 and "private" in response["Cache-Control"]
            assert b"".join(response.streaming_content) == content


def test_a_document_used_in_no_live_page_is_for_staff_only(client, db):
    draft_only = Document.objects.create(title="未发布", file=ContentFile(HANDOUT, name="draft.pdf"))
    assert _get(client, draft_only).status_code == 302
    client.force_login(factories.user())
    assert _get(client, draft_only).status_code == 403
    client.force_login(factories.instructor())
    assert _get(client, draft_only).status_code == 200


def test_existing_documents_move_out_of_public_media(db):
    """The data migration: documents uploaded before it are moved to private storage, same name."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("cms.migrations.0003_documents_private")
    storages["media"].save("documents/old.pdf", ContentFile(HANDOUT))
    document = Document.objects.create(title="旧讲义", file="documents/old.pdf")

    migration.move_documents_to_private_storage(apps, None)

    assert not (settings.MEDIA_ROOT / "documents" / "old.pdf").exists()
    assert document.file.open("rb").read() == HANDOUT
