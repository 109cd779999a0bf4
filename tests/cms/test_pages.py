"""Each page type lives only where it belongs, and renders."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.choices import DeliveryMode, Level, Module
from cms.models import CourseIndexPage, CoursePage, HomePage, LessonPage, ProgramPage
from tests.factories import cms as factories
from tests.factories import courses as course_factories

PAGE_TYPES = [HomePage, ProgramPage, CourseIndexPage, CoursePage, LessonPage]


@pytest.fixture
def tree(catalogue):
    home = catalogue.get_parent().specific
    program = factories.program_page(home)
    course = factories.course_page(catalogue)
    lesson = factories.lesson_page(course)
    return {
        "root": Page.get_first_root_node(),
        "home": home,
        "program": program,
        "catalogue": catalogue,
        "course": course,
        "lesson": lesson,
    }


ALLOWED = {
    # child type: the only parent it may be created under
    HomePage: "root",
    ProgramPage: "home",
    CourseIndexPage: "home",
    CoursePage: "catalogue",
    LessonPage: "course",
}


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda t: t.__name__)
def test_page_type_can_be_created_only_under_its_parent(tree, page_type):
    for name, parent in tree.items():
        expected = ALLOWED[page_type] == name
        # The catalogue is limited to one per home page, and one already exists.
        if page_type is CourseIndexPage and name == "home":
            assert page_type.can_create_at(parent.specific) is False
            assert page_type in parent.specific_class.allowed_subpage_models()
            continue
        assert page_type.can_create_at(parent.specific) is expected, f"{page_type.__name__} under {name}"


def test_every_page_type_renders(client, tree):
    client.force_login(course_factories.instructor())  # lesson content is for staff and enrolled trainees
    for name in ("home", "program", "catalogue", "course", "lesson"):
        page = tree[name]
        response = client.get(page.url)
        assert response.status_code == 200, name
        assert page.title in response.content.decode(), name


def test_course_page_lists_its_lessons_in_order_and_marks_optional_ones(client, catalogue):
    course = factories.course_page(catalogue, title="专利检索与分析")
    factories.lesson_page(course, title="检索策略")
    factories.lesson_page(course, title="分析报告", required=False)
    html = client.get(course.url).content.decode()
    assert html.index("检索策略") < html.index("分析报告")
    assert "选修" in html or "optional" in html


def test_lesson_page_renders_each_block_type(client, catalogue, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    video = Document.objects.create(title="讲解视频", file=ContentFile(b"\x00" * 16, name="talk.mp4"))
    handout = Document.objects.create(
        title="合同模板", file=ContentFile("条款".encode(), name="template.txt")
    )
    course = factories.course_page(catalogue)
    lesson = factories.lesson_page(
        course,
        body=[
            {"type": "heading", "value": {"text": "技术合同的种类", "level": "h2"}},
            {"type": "rich_text", "value": "<p>技术开发合同与技术转让合同。</p>"},
            {"type": "video", "value": {"embed": "", "file": video.pk, "caption": "第一讲"}},
            {"type": "document", "value": {"document": handout.pk, "description": "下载后填写"}},
            {"type": "case_study", "value": {"title": "某高校许可案例", "text": "<p>独占许可的教训。</p>"}},
        ],
    )
    client.force_login(course_factories.instructor())
    html = client.get(lesson.url).content.decode()
    assert "<h2>技术合同的种类</h2>" in html
    assert "技术开发合同与技术转让合同。" in html
    assert f'src="{video.url}"' in html and "<video" in html
    assert handout.url in html and "下载后填写" in html
    assert 'class="block-case"' in html and "某高校许可案例" in html


def test_video_block_needs_exactly_one_source():
    from cms.blocks import VideoBlock

    block = VideoBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"embed": "", "file": None, "caption": ""}))


def test_lesson_navigation_links_previous_and_next(client, catalogue):
    course = factories.course_page(catalogue)
    first, second, third = (factories.lesson_page(course, title=f"第{n}课") for n in "一二三")
    client.force_login(course_factories.registrar())
    html = client.get(second.url).content.decode()
    assert f'rel="prev" href="{first.url}"' in html
    assert f'rel="next" href="{third.url}"' in html


def test_program_page_lists_courses_of_its_level(client, home, catalogue):
    program = factories.program_page(home, level=Level.INTERMEDIATE, title="中级项目")
    factories.course_page(catalogue, title="高价值专利培育", level=Level.INTERMEDIATE)
    factories.course_page(catalogue, title="技术转移概论", level=Level.PRIMARY)
    html = client.get(program.url).content.decode()
    assert "高价值专利培育" in html
    assert "技术转移概论" not in html


def test_draft_course_is_not_public(client, catalogue):
    course = factories.course_page(catalogue, title="草稿课程")
    course.live = False
    course.save()
    assert client.get(course.url).status_code == 404
    assert "草稿课程" not in client.get(catalogue.url).content.decode()


def test_choice_labels_are_chinese_by_default(client, catalogue):
    factories.course_page(
        catalogue, level=Level.PRIMARY, module=Module.POLICY, delivery_mode=DeliveryMode.BLENDED
    )
    html = client.get(catalogue.url).content.decode()
    assert "初级" in html and "政策法规" in html and "混合式" in html


def test_an_uploaded_video_needs_its_length(db):
    from django.core.files.base import ContentFile
    from wagtail.blocks.struct_block import StructBlockValidationError
    from wagtail.documents.models import Document

    from cms.blocks import VideoBlock, duration_seconds

    video = Document.objects.create(title="讲解视频", file=ContentFile(b"\x00" * 16, name="talk.mp4"))
    block = VideoBlock()
    for written in ("", "12", "1:75", "1:60:00", "0:00", "abc", "１２:３４"):
        value = block.to_python({"embed": "", "file": video.pk, "duration": written, "caption": ""})
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(value)
        assert "duration" in error.value.block_errors
    value = block.clean(block.to_python({"embed": "", "file": video.pk, "duration": "12:34", "caption": ""}))
    assert value.duration_seconds == 754
    assert [duration_seconds(text) for text in ("1:02:03", " 0:05 ", "90:00")] == [3723, 5, 5400]
    # An embed has no length to give: its player cannot report what was watched anyway.
    embed = block.to_python(
        {"embed": "https://example.com/v/1", "file": None, "duration": "9:99", "caption": ""}
    )
    assert embed.duration_seconds is None
