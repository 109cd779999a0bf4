"""Builders for the practical assessment: assignments with a rubric, panels, reviewers, and files
(PDF and DOCX, benign or hostile) built in memory."""

import datetime
import io
import itertools
import zipfile
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.roles import PRACTICE_REVIEWERS_GROUP
from courses.practice.models import (
    AssignmentStatus,
    PanelMember,
    PracticalAssignment,
    ReviewerProfile,
    ReviewPanel,
    RubricCriterion,
)
from tests.factories import courses as course_factories

_numbers = itertools.count(1)

RUBRIC = (
    ("问题分析", "Analysis", Decimal("40")),
    ("方案设计", "Design", Decimal("40")),
    ("表达规范", "Writing", Decimal("20")),
)


def assignment(*, course=None, program=None, panel=None, rubric=RUBRIC, **fields) -> PracticalAssignment:
    """A published assignment due in a week, with a three-criterion rubric of 100 points."""
    number = next(_numbers)
    fields.setdefault("title", f"实务项目报告 {number}")
    fields.setdefault("title_en", f"Practical project report {number}")
    fields.setdefault("brief", "<p>完成一个技术转移项目的案例报告。</p>")
    fields.setdefault("due_at", timezone.now() + datetime.timedelta(days=7))
    fields.setdefault("status", AssignmentStatus.PUBLISHED)
    fields.setdefault("defence_required", False)
    made = PracticalAssignment.objects.create(course=course, program=program, panel=panel, **fields)
    for order, (name, name_en, points) in enumerate(rubric):
        RubricCriterion.objects.create(
            assignment=made, sort_order=order, name=name, name_en=name_en, max_points=points
        )
    return made


def reviewer(*, organisation: str = "", external: bool = False, **fields):
    """A reviewer account: an instructor, or an external expert in the *Practice reviewers* group only."""
    if external:
        fields.setdefault("username", f"expert{next(_numbers)}")
        user = course_factories.user(**fields)
        user.groups.add(Group.objects.get_or_create(name=PRACTICE_REVIEWERS_GROUP)[0])
    else:
        user = course_factories.instructor(**fields)
    ReviewerProfile.objects.create(
        user=user, display_name=user.username, organisation=organisation, external=external
    )
    return user


def panel(*, chair, members) -> ReviewPanel:
    made = ReviewPanel.objects.create(name=f"评审组 {next(_numbers)}", chair=chair)
    for order, member in enumerate(members):
        PanelMember.objects.create(panel=made, user=member, sort_order=order)
    return made


# --- files -----------------------------------------------------------------------------------------


def pdf_bytes(
    text: str = "技术转移 project report", *, author: str = "", title: str = "", words: int = 0
) -> bytes:
    import pymupdf

    document = pymupdf.open()
    page = document.new_page()
    body = text + (" word" * words)
    page.insert_textbox(pymupdf.Rect(40, 40, 560, 800), body, fontname="china-s", fontsize=9)
    if author or title:
        document.set_metadata({"author": author, "title": title, "creator": author, "producer": author})
        document.set_xml_metadata(f"<x:xmpmeta xmlns:x='adobe:ns:meta/'><dc>{author}</dc></x:xmpmeta>")
    data = document.tobytes()
    document.close()
    return data


def pdf_with(entry: str) -> bytes:
    """A PDF whose catalogue carries ``entry`` (for example an OpenAction running JavaScript)."""
    import pymupdf

    document = pymupdf.open()
    document.new_page()
    xref = document.get_new_xref()
    document.update_object(xref, "<< /S /JavaScript /JS (app.alert\\(1\\)) >>")
    key, value = entry.split(" ", 1)
    document.xref_set_key(document.pdf_catalog(), key, value.replace("{action}", f"{xref} 0 R"))
    data = document.tobytes(use_objstms=1)
    document.close()
    return data


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "{extra}</Types>"
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


def docx_bytes(
    text: str = "技术转移项目报告 report text",
    *,
    author: str = "",
    company: str = "",
    main: str = DOCX_MAIN,
    document_rels: str = "",
    extra_parts: dict | None = None,
    extra_types: str = "",
) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(main=main, extra=extra_types))
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>",
        )
        paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in text.split("\n"))
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:body>{paragraphs}<w:p><w:ins w:id="1" w:author="{author}"><w:r><w:t>修订</w:t></w:r></w:ins></w:p></w:body></w:document>',
        )
        if document_rels:
            archive.writestr(
                "word/_rels/document.xml.rels",
                '<?xml version="1.0" encoding="UTF-8"?>'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f"{document_rels}</Relationships>",
            )
        archive.writestr(
            "docProps/core.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:title>{author}的报告</dc:title>"
            "</cp:coreProperties>",
        )
        archive.writestr(
            "docProps/app.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Company>{company}</Company><Manager>{author}</Manager><Application>Microsoft Office Word</Application>"
            "</Properties>",
        )
        for name, content in (extra_parts or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(
    data: bytes, name: str = "report.pdf", content_type: str = "application/pdf"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
