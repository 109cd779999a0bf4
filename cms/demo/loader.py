"""Build the demo site: training base settings, programs, the catalogue, courses, lessons, people.

Idempotent: pages are found by slug under their parent and updated in place, so running it
again converges on the same site without duplicates. Chinese pages are the originals; English
pages are their Wagtail translations.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms import services
from cms.choices import Level, Module
from cms.demo.curriculum_advanced import COURSES as ADVANCED_COURSES
from cms.demo.curriculum_intermediate import COURSES as INTERMEDIATE_COURSES
from cms.demo.curriculum_primary import COURSES as PRIMARY_COURSES
from cms.demo.instructors import INSTRUCTORS
from cms.models import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    HomePage,
    Instructor,
    LessonPage,
    ProgramPage,
    TrainingBaseSettings,
)
from core.roles import INSTRUCTORS_GROUP, REGISTRARS_GROUP

# Printed by `./tta run` and written in the README. Demo only.
DEMO_ACCOUNTS = [
    # username, password, role, groups, superuser
    ("trainee", "Trainee-2026!", "trainee", [], False),
    ("instructor", "Instructor-2026!", "instructor", [INSTRUCTORS_GROUP], False),
    ("registrar", "Registrar-2026!", "registrar", [REGISTRARS_GROUP], False),
    ("admin", "Admin-2026!", "administrator", [], True),
]

PROGRAMS = [
    {
        "slug": "primary",
        "level": Level.PRIMARY,
        "required_hours": Decimal("48"),
        "zh": {
            "title": "初级技术经理人培训项目",
            "summary": "面向初入技术转移行业的从业者，系统掌握技术转移的基本概念、政策法规与实务技能。",
            "description": "<p>初级项目覆盖公共知识、政策法规、实务技能与能力提升四个模块。学员完成全部必修课程、"
            "累计达到规定学时并通过结业考试后，可获得培训基地颁发的初级技术经理人培训证书。</p>",
        },
        "en": {
            "title": "Primary Technology Manager Program",
            "summary": "For newcomers to technology transfer: the core concepts, policy and law, and practical skills.",
            "description": "<p>The primary program covers the four modules: general knowledge, policy and law, "
            "practical skills and capability building. Trainees who complete the required courses, reach "
            "the required learning hours and pass the final exam receive the training base's primary "
            "certificate.</p>",
        },
    },
    {
        "slug": "intermediate",
        "level": Level.INTERMEDIATE,
        "required_hours": Decimal("64"),
        "zh": {
            "title": "中级技术经理人培训项目",
            "summary": "面向有实践经验的技术经理人，深入价值评估、许可设计、尽职调查与转化路径。",
            "description": "<p>中级项目在初级基础上强化交易结构设计、价值评估与投融资能力，并以毕业案例"
            "分析报告检验学员综合运用所学解决实际问题的能力。</p>",
        },
        "en": {
            "title": "Intermediate Technology Manager Program",
            "summary": "For practising technology managers: valuation, licence design, due diligence and "
            "commercialisation paths.",
            "description": "<p>The intermediate program builds on the primary one with deal structuring, "
            "valuation and technology finance, and ends with a capstone case report in which trainees "
            "apply what they learned to a real problem.</p>",
        },
    },
    {
        "slug": "advanced",
        "level": Level.ADVANCED,
        "required_hours": Decimal("56"),
        "zh": {
            "title": "高级技术经理人培训项目",
            "summary": "面向资深技术经理人与机构负责人，聚焦机构管理、重大项目、知识产权资本化与跨境转移，以实务考核与答辩认证能力。",
            "description": "<p>高级项目面向能够独立主持技术转移项目的资深从业者。学员完成四个模块的全部课程、"
            "累计达到规定学时，并通过实务考核（实务报告经评审专家组匿名评审，再参加答辩）后，"
            "可获得培训基地颁发的高级技术经理人培训证书。</p>",
        },
        "en": {
            "title": "Advanced Technology Manager Program",
            "summary": "For senior technology managers and heads of transfer offices: running an office, major projects, "
            "IP capitalisation and cross-border transfer, certified by a practical project and its defence.",
            "description": "<p>The advanced program is for experienced practitioners who lead technology transfer projects "
            "on their own. Trainees who complete the courses of all four modules, reach the required learning hours "
            "and pass the practical assessment (a practical report reviewed blind by a panel, then defended before it) "
            "receive the training base's advanced certificate.</p>",
        },
    },
]

# A course's level follows its code's letter: P-01 primary, I-01 intermediate, A-01 advanced.
LEVEL_OF_CODE = {"P": Level.PRIMARY, "I": Level.INTERMEDIATE, "A": Level.ADVANCED}
CURRICULUM = [*PRIMARY_COURSES, *INTERMEDIATE_COURSES, *ADVANCED_COURSES]

MODULE_COLOURS = {
    Module.GENERAL: ((47, 111, 159), (159, 184, 204)),
    Module.POLICY: ((122, 79, 163), (197, 179, 216)),
    Module.PRACTICE: ((47, 143, 91), (168, 212, 187)),
    Module.CAPABILITY: ((194, 122, 18), (236, 203, 149)),
}
CJK_FONT_CANDIDATES = [
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
]


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    accounts: list[tuple[str, str, str]] = field(default_factory=list)
    course_count: int = 0
    lesson_count: int = 0


def load_demo() -> DemoReport:
    """Create or update the whole demo site. Atomic: a failure leaves the database as it was."""
    report = DemoReport()
    with transaction.atomic():
        zh = Locale.get_default()
        en, _ = Locale.objects.get_or_create(language_code="en")
        home = _home(zh, report)
        _site_settings(home)
        catalogue = _upsert(
            home,
            CourseIndexPage,
            "courses",
            {
                "title": "课程目录",
                "intro": "<p>按等级、模块和授课方式筛选课程，或输入关键词搜索。</p>",
                "per_page": 12,
            },
            report,
        )
        for program in PROGRAMS:
            _upsert(
                home,
                ProgramPage,
                program["slug"],
                {"level": program["level"], "required_hours": program["required_hours"], **program["zh"]},
                report,
            )
        instructors = _instructors()
        covers = {module: _cover_image(module) for module in Module}
        for data in CURRICULUM:
            _course(catalogue, data, instructors, covers, report)

        _translate_tree(home, en, covers, report)
        services.editorial_setup(site_root=home, catalogue=catalogue)
        report.accounts = _accounts()
    return report


# --- pages --------------------------------------------------------------------------------


def _home(locale: Locale, report: DemoReport) -> HomePage:
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    fields = {
        "title": "技术经理人培训与认证平台",
        "intro": "<p>面向技术转移从业人员的在线学习、线下培训、考试与证书服务。课程覆盖公共知识、"
        "政策法规、实务技能和能力提升四大模块，证书可通过二维码、编号或电子凭证公开核验。</p>",
    }
    if home is None:
        home = root.add_child(instance=HomePage(slug="academy", locale=locale, **fields))
        home.save_revision().publish()
        report.created.append("home")
    else:
        _update(home, fields, report)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="TT Academy"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "TT Academy"
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced by the demo home page.
        if not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def _site_settings(home: HomePage) -> None:
    site = Site.objects.get(root_page=home)
    base = TrainingBaseSettings.for_site(site)
    base.name_zh = "国家技术转移人才培养基地（示范）"
    base.name_en = "National Technology Transfer Talent Training Base (demo)"
    base.accreditation_number = "TTB-DEMO-2026-001"
    base.address = "北京市海淀区示范路 1 号"
    base.address_en = "1 Shifan Road, Haidian District, Beijing"
    base.phone = "010-0000 0000"
    base.email = "training@example.org"
    base.website = "https://example.org"
    if base.logo_id is None:
        base.logo = _generated_image("tta-logo.png", _draw_badge("TT", (179, 38, 30)), "TT Academy logo")
    if base.seal_id is None:
        base.seal = _generated_image("tta-seal.png", _draw_seal(), "培训基地印章 seal")
    base.save()


def _upsert(parent: Page, model, slug: str, fields: dict, report: DemoReport):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, locale=parent.locale, **fields))
        page.save_revision().publish()
        report.created.append(slug)
    else:
        _update(page, fields, report)
    return page


def _update(page: Page, fields: dict, report: DemoReport) -> None:
    changed = [name for name, value in fields.items() if _raw(getattr(page, name)) != _raw(value)]
    if changed or not page.live:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        report.updated.append(page.slug)


def _raw(value):
    """A comparable form of a field value; StreamField blocks are compared without their ids."""
    if hasattr(value, "get_prep_value"):  # StreamValue
        value = value.get_prep_value()
    if isinstance(value, list):
        return [(block["type"], block["value"]) for block in value]
    return value


def _course(catalogue, data, instructors, covers, report) -> CoursePage:
    zh = data["zh"]
    course = _upsert(
        catalogue,
        CoursePage,
        slugify(data["en"]["title"]),
        {
            "title": zh["title"],
            "code": data["code"],
            "summary": zh["summary"],
            "objectives": _list_html(zh["objectives"]),
            "module": data["module"],
            "level": LEVEL_OF_CODE[data["code"][0]],
            "delivery_mode": data["delivery"],
            "learning_hours": Decimal(data["hours"]),
            "cover_image": covers[data["module"]],
        },
        report,
    )
    wanted = [instructors[key] for key in data["instructors"]]
    if [link.instructor_id for link in course.course_instructors.all()] != [i.pk for i in wanted]:
        course.course_instructors = [
            CourseInstructor(instructor=i, sort_order=n) for n, i in enumerate(wanted)
        ]
        course.save_revision().publish()
    report.course_count += 1
    for number, lesson in enumerate(data["lessons"], start=1):
        body = _lesson_body(data, number, "zh", covers)
        _upsert(
            course,
            LessonPage,
            f"lesson-{number}",
            {
                "title": lesson["zh"]["title"],
                "estimated_minutes": lesson["minutes"],
                "required": lesson["required"],
                "body": body,
            },
            report,
        )
        report.lesson_count += 1
    return course


def _list_html(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _lesson_body(course: dict, number: int, language: str, covers: dict) -> list[dict]:
    """A lesson's blocks; the first lesson of a course also shows the module image and the outline."""
    lesson = course["lessons"][number - 1][language]
    if number != 1:
        return _body(lesson["body"])
    # The picture carries no text; its caption (the module's name) is HTML, in the page's language.
    with translation.override("zh-hans" if language == "zh" else "en"):
        caption = str(Module(course["module"]).label)
    body = _body(lesson["body"], image=covers[course["module"]], caption=caption)
    description = "课程提纲" if language == "zh" else "Course outline"
    body.append(
        {"type": "document", "value": {"document": _course_outline(course).pk, "description": description}}
    )
    return body


def _body(blocks, *, image=None, caption: str = "") -> list[dict]:
    """Turn curriculum blocks into StreamField data; consecutive paragraphs share one text block."""
    stream: list[dict] = []
    paragraphs: list[str] = []

    def flush():
        if paragraphs:
            stream.append({"type": "rich_text", "value": "".join(f"<p>{escape(p)}</p>" for p in paragraphs)})
            paragraphs.clear()

    for kind, value in blocks:
        if kind == "text":
            paragraphs.append(value)
            continue
        flush()
        if kind == "heading":
            stream.append({"type": "heading", "value": {"text": value, "level": "h2"}})
            if image is not None:
                stream.append({"type": "image", "value": {"image": image.pk, "caption": caption}})
                image = None
        elif kind == "case":
            stream.append(
                {
                    "type": "case_study",
                    "value": {"title": value["title"], "text": f"<p>{escape(value['text'])}</p>"},
                }
            )
    flush()
    return stream


# --- translations -------------------------------------------------------------------------


def _translate_tree(home: HomePage, en: Locale, covers: dict, report: DemoReport) -> None:
    """Give every Chinese page an English translation with the curriculum's English text."""
    english = _english_fields(covers)
    for page in home.get_descendants(inclusive=True).specific().order_by("path"):
        fields = english.get(_english_key(page))
        if fields is None:
            continue
        translation = page.get_translation_or_none(en)
        if translation is None:
            translation = page.copy_for_translation(en)
            report.created.append(f"en:{translation.slug}")
        translation = translation.specific
        # Non-text fields follow the Chinese original.
        for name in (
            "level",
            "required_hours",
            "code",
            "module",
            "delivery_mode",
            "learning_hours",
            "cover_image",
            "estimated_minutes",
            "required",
            "per_page",
        ):
            if hasattr(page, name):
                fields.setdefault(name, getattr(page, name))
        _update(translation, fields, report)
        if isinstance(page, CoursePage):
            ids = [link.instructor_id for link in page.course_instructors.all()]
            if [link.instructor_id for link in translation.course_instructors.all()] != ids:
                translation.course_instructors = [
                    CourseInstructor(instructor_id=pk, sort_order=n) for n, pk in enumerate(ids)
                ]
                translation.save_revision().publish()


def _english_key(page) -> tuple:
    if isinstance(page, LessonPage):
        return ("lesson", page.get_parent().slug, page.slug)
    return (type(page).__name__, page.slug)


def _english_fields(covers: dict) -> dict:
    fields = {
        ("HomePage", "academy"): {
            "title": "Technology Manager Training and Certification",
            "intro": "<p>Online study, classroom training, exams and certificates for technology-transfer "
            "professionals. Courses span four modules — general knowledge, policy and law, practical "
            "skills and capability building — and every certificate can be verified publicly by QR code, "
            "serial number or digital credential.</p>",
        },
        ("CourseIndexPage", "courses"): {
            "title": "Course catalogue",
            "intro": "<p>Filter courses by level, module and delivery mode, or search by keyword.</p>",
        },
    }
    for program in PROGRAMS:
        fields[("ProgramPage", program["slug"])] = dict(program["en"])
    for data in CURRICULUM:
        slug = slugify(data["en"]["title"])
        fields[("CoursePage", slug)] = {
            "title": data["en"]["title"],
            "summary": data["en"]["summary"],
            "objectives": _list_html(data["en"]["objectives"]),
        }
        for number, lesson in enumerate(data["lessons"], start=1):
            fields[("lesson", slug, f"lesson-{number}")] = {
                "title": lesson["en"]["title"],
                "body": _lesson_body(data, number, "en", covers),
            }
    return fields


# --- images, instructors, accounts ---------------------------------------------------------


def _instructors() -> dict[str, Instructor]:
    found = {}
    for key, data in INSTRUCTORS.items():
        instructor, _ = Instructor.objects.update_or_create(name=data["name"], defaults=data)
        found[key] = instructor
    return found


def _font(size: int):
    from PIL import ImageFont

    for candidate in CJK_FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    return ImageFont.load_default(size)


def _cover_image(module: Module):
    """A module's cover: its colours and a pattern, no words. Pages write the module's name beside it
    in their own language, so an English page never shows a Chinese picture caption."""
    from PIL import Image, ImageDraw

    start, end = MODULE_COLOURS[module]
    width, height = 960, 540
    picture = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for x in range(width):
        t = x / width
        draw.line(
            [(x, 0), (x, height)], fill=tuple(int(a + (b - a) * t) for a, b in zip(start, end, strict=True))
        )
    # Linked nodes: technology passing from one holder to another.
    nodes = [(180, 300), (400, 180), (560, 360), (780, 220)]
    for a, b in zip(nodes, nodes[1:], strict=False):
        draw.line([a, b], fill="white", width=6)
    for x, y in nodes:
        draw.ellipse((x - 28, y - 28, x + 28, y + 28), fill="white")
    return _generated_image(f"cover-{module.value}.png", picture, f"Module cover (no text): {module.value}")


def _draw_badge(text: str, colour):
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (256, 256), colour)
    ImageDraw.Draw(picture).text((48, 60), text, font=_font(120), fill="white")
    return picture


def _draw_seal():
    from PIL import Image, ImageDraw

    picture = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((10, 10, 390, 390), outline=(200, 30, 30, 255), width=14)
    draw.text((170, 160), "★", font=_font(80), fill=(200, 30, 30, 255))
    draw.text((80, 270), "培训基地（示范）", font=_font(30), fill=(200, 30, 30, 255))
    return picture


def _generated_image(filename: str, picture, title: str):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return image_model.objects.create(title=title, file=ImageFile(buffer, name=filename))


def _course_outline(data):
    """A downloadable outline of the course (title, objectives, lessons), created once per course."""
    from django.core.files.base import ContentFile

    model = get_document_model()
    title = f"{data['code']} {data['zh']['title']} · 课程提纲 Outline"
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    lines = [f"{data['code']}  {data['zh']['title']} / {data['en']['title']}", "", "学习目标 Objectives:"]
    lines += [
        f"- {zh} / {en}" for zh, en in zip(data["zh"]["objectives"], data["en"]["objectives"], strict=False)
    ]
    lines += ["", "课节 Lessons:"]
    lines += [
        f"{n}. {lesson['zh']['title']} / {lesson['en']['title']}"
        for n, lesson in enumerate(data["lessons"], 1)
    ]
    content = ContentFile("\n".join(lines).encode("utf-8"), name=f"{data['code'].lower()}-outline.txt")
    return model.objects.create(title=title, file=content)


def _accounts() -> list[tuple[str, str, str]]:
    user_model = get_user_model()
    printed = []
    for username, password, role, groups, superuser in DEMO_ACCOUNTS:
        user, _ = user_model.objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.org"}
        )
        user.is_superuser = user.is_staff = superuser
        user.set_password(password)
        user.save()
        user.groups.set(Group.objects.filter(name__in=groups))
        printed.append((username, password, role))
    return printed
