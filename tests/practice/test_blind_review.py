"""Blind review: a reviewer never receives the trainee's name, employer, username or email, on any
page, download, file name or file metadata; permissions of the reviewers' and registrars' pages."""

import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from courses.practice import services
from courses.practice.models import Submission
from tests.factories import practice as f
from tests.practice.conftest import TRAINEE_EMAIL, TRAINEE_EMPLOYER, TRAINEE_NAME, TRAINEE_USERNAME

pytestmark = pytest.mark.django_db

SECRETS = [TRAINEE_NAME, TRAINEE_EMPLOYER, TRAINEE_USERNAME, TRAINEE_EMAIL, "欧阳", "娜娜", "甲大学"]


def _leaks(data) -> list[str]:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
    found = [secret for secret in SECRETS if secret in text]
    # Also as a PDF writes text strings (UTF-16BE) and as JSON escapes them.
    for secret in SECRETS:
        if (
            secret.encode("utf-16-be") in (data if isinstance(data, bytes) else b"")
            or secret.encode("unicode_escape").decode() in text
        ):
            found.append(secret)
    return found


def _in_review(world, report: bytes, name: str, attachment: bytes | None = None) -> Submission:
    services.version_submit(
        assignment=world.assignment,
        trainee=world.trainee,
        report=f.upload(report, name),
        attachments=[f.upload(attachment, f"{TRAINEE_NAME}-附件.docx")] if attachment else [],
        declaration_signed=True,
    )
    submission = Submission.objects.get()
    services.submission_assign_reviewers(
        submission=submission,
        actor=world.registrar,
        now=world.assignment.due_at + datetime.timedelta(minutes=1),
    )
    return submission


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.mark.parametrize("kind", ["pdf", "docx"])
def test_a_reviewer_never_receives_the_trainee(world, client, kind):
    if kind == "pdf":
        report = f.pdf_bytes("报告正文", author=TRAINEE_NAME, title=f"{TRAINEE_EMPLOYER} {TRAINEE_EMAIL}")
    else:
        report = f.docx_bytes("报告正文", author=TRAINEE_NAME, company=TRAINEE_EMPLOYER)
    assert _leaks(report if kind == "pdf" else _unzipped(report)), "the file must carry the trainee's details"
    attachment = f.docx_bytes("附件", author=TRAINEE_USERNAME, company=TRAINEE_EMPLOYER)
    submission = _in_review(world, report, f"{TRAINEE_NAME}_{TRAINEE_USERNAME}.{kind}", attachment)
    review_assignment = submission.review_assignments.first()
    reviewer = _client_for(client, review_assignment.reviewer)

    pages = [
        reverse("practice:review_queue"),
        reverse("practice:review", args=[review_assignment.pk]),
        "/en" + reverse("practice:review", args=[review_assignment.pk]),
    ]
    for url in pages:
        response = reviewer.get(url)
        assert response.status_code == 200, url
        assert _leaks(response.content) == [], url
        assert submission.code in response.content.decode()

    download = reviewer.get(reverse("practice:review_download", args=[review_assignment.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{submission.code}.{kind}"'
    body = download.content
    if kind == "pdf":
        import pymupdf

        document = pymupdf.open(stream=body, filetype="pdf")
        assert not any(
            document.metadata[key] for key in ("author", "title", "creator", "producer", "subject")
        )
        assert not document.get_xml_metadata()
        assert _leaks(body) == []
    else:
        _assert_docx_clean(body)
    attachment_download = reviewer.get(reverse("practice:review_attachment", args=[review_assignment.pk, 1]))
    assert attachment_download["Content-Disposition"] == f'attachment; filename="{submission.code}-A1.docx"'
    _assert_docx_clean(attachment_download.content)

    # A review submitted (and its page after) leaks nothing either.
    scores = {criterion.pk: ("15", "") for criterion in world.assignment.criteria.all()}
    posted = reviewer.post(
        reverse("practice:review", args=[review_assignment.pk]),
        {**{f"points_{pk}": value for pk, (value, _) in scores.items()}, "comment": "好"},
    )
    assert posted.status_code == 302
    after = reviewer.get(reverse("practice:review", args=[review_assignment.pk]))
    assert _leaks(after.content) == []


def _unzipped(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def _assert_docx_clean(data: bytes):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            content = archive.read(name)
            assert _leaks(content) == [], name
        assert b"creator" not in archive.read("docProps/core.xml")
        assert b"<Company>" not in archive.read("docProps/app.xml")


def test_the_chair_reconciling_sees_codes_and_numbered_reviewers_only(world, client):
    world.assignment.over_margin = "chair"
    world.assignment.save()
    submission = _in_review(world, f.pdf_bytes(author=TRAINEE_NAME), "r.pdf")
    for review_assignment, points in zip(submission.review_assignments.all(), (10, 38), strict=True):
        services.review_submit(
            review_assignment=review_assignment,
            reviewer=review_assignment.reviewer,
            scores={criterion.pk: (points, "") for criterion in world.assignment.criteria.all()[:2]}
            | {world.assignment.criteria.all()[2].pk: (5, "")},
        )
    chair = _client_for(client, world.chair)
    for url in (reverse("practice:review_queue"), reverse("practice:reconcile", args=[submission.pk])):
        response = chair.get(url)
        assert response.status_code == 200 and _leaks(response.content) == []
        assert submission.code in response.content.decode()
    download = chair.get(reverse("practice:reconcile_download", args=[submission.pk]))
    assert download.status_code == 200 and _leaks(download.content) == []


def test_who_may_open_what(world, client):
    submission = _in_review(world, f.pdf_bytes(), "r.pdf")
    mine = submission.review_assignments.first()
    version = submission.versions.get()
    unassigned = next(
        user for user in world.reviewers if not submission.review_assignments.filter(reviewer=user).exists()
    )
    review_urls = [
        reverse("practice:review", args=[mine.pk]),
        reverse("practice:review_download", args=[mine.pk]),
        reverse("practice:reconcile", args=[submission.pk]),
        reverse("practice:reconcile_download", args=[submission.pk]),
    ]
    staff_urls = [
        reverse("practice:staff_assignment", args=[world.assignment.pk]),
        reverse("practice:staff_release", args=[submission.pk]),
        reverse("practice:staff_release_receipt", args=[submission.pk]),
    ]
    for user in (world.other_trainee, unassigned, world.outsider, world.trainee):
        browser = _client_for(client, user)
        for url in review_urls + staff_urls:
            assert browser.get(url).status_code == 404, (user.username, url)
    # Another trainee cannot download the trainee's version, nor a reviewer or an outside instructor.
    for user in (world.other_trainee, mine.reviewer, world.outsider):
        assert (
            _client_for(client, user).get(reverse("practice:version_download", args=[version.pk])).status_code
            == 404
        )
    assert (
        _client_for(client, world.trainee)
        .get(reverse("practice:version_download", args=[version.pk]))
        .status_code
        == 200
    )
    # An instructor on no panel sees no review queue; the trainee's page is not theirs.
    outsider = _client_for(client, world.outsider)
    assert outsider.get(reverse("practice:review_queue")).status_code == 404
    assert outsider.get(reverse("practice:assignment", args=[world.assignment.pk])).status_code == 404
    # The registrar's pages work for registrars.
    registrar = _client_for(client, world.registrar)
    for url in staff_urls:
        assert registrar.get(url).status_code == 200, url


def test_the_trainee_sees_no_score_before_release_then_the_released_one(world, client):
    submission = _in_review(world, f.pdf_bytes(), "r.pdf")
    for review_assignment in submission.review_assignments.all():
        services.review_submit(
            review_assignment=review_assignment,
            reviewer=review_assignment.reviewer,
            scores={criterion.pk: ("33", "") for criterion in world.assignment.criteria.all()[:2]}
            | {world.assignment.criteria.all()[2].pk: ("17", "")},
        )
    trainee = _client_for(client, world.trainee)
    page = trainee.get(reverse("practice:assignment", args=[world.assignment.pk])).content.decode()
    assert "83.00" not in page and "满分 100" not in page
    registrar = _client_for(client, world.registrar)
    confirm = registrar.get(reverse("practice:staff_release", args=[submission.pk]))
    assert confirm.status_code == 200
    refused = registrar.post(reverse("practice:staff_release", args=[submission.pk]), {})
    assert refused.status_code == 400
    released = registrar.post(reverse("practice:staff_release", args=[submission.pk]), {"confirm": "yes"})
    assert released.status_code == 302 and released["Location"].endswith(
        reverse("practice:staff_release_receipt", args=[submission.pk])
    )
    trainee = _client_for(client, world.trainee)
    page = trainee.get(reverse("practice:assignment", args=[world.assignment.pk])).content.decode()
    assert "83.00 分（满分 100.00 分" in page


def test_the_upload_page_refuses_a_hostile_file_in_the_users_language(world, client):
    trainee = _client_for(client, world.trainee)
    url = reverse("practice:assignment", args=[world.assignment.pk])
    response = trainee.post(url, {"report": f.upload(b"MZ\x90\x00binary", "report.pdf"), "declaration": "on"})
    assert response.status_code == 400
    assert "这不是 PDF 或 Word（.docx）文档" in response.content.decode()
    response = trainee.post(
        "/en" + url, {"report": f.upload(b"MZ\x90\x00binary", "report.pdf"), "declaration": "on"}
    )
    assert "This is not a PDF or Word (.docx) document." in response.content.decode()
    assert not Submission.objects.exists()
    ok = trainee.post(url, {"report": f.upload(f.pdf_bytes(), "我的报告.pdf"), "declaration": "on"})
    assert ok.status_code == 302
    page = trainee.get(url).content.decode()
    assert "我的报告.pdf" in page
