"""Admin views end to end with the test client: permissions, upload → preview → confirm, export, editing."""

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from cms import services as cms_services
from core import roles
from courses.questions.models import ImportJob, ImportStatus, Question, QuestionBank, QuestionType
from tests.factories import cms as cms_factories
from tests.factories import questions as factories

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"
IMPORT_URL = "/admin/question-files/import/"


@pytest.fixture
def editorial(db):
    home = cms_factories.home_page()
    catalogue = cms_factories.catalogue_page(home)
    cms_services.editorial_setup(site_root=home, catalogue=catalogue)


def _user(name, group=None, *permissions):
    user = User.objects.create_user(name, password="x-Secret-123")
    if group:
        user.groups.add(Group.objects.get(name=group))
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


@pytest.fixture
def instructor(editorial):
    return _user("instructor", roles.INSTRUCTORS_GROUP)


@pytest.fixture
def bank():
    return factories.question_bank(name="政策法规题库")


def upload(client, bank, name, content, **extra):
    return client.post(IMPORT_URL, {"bank": bank.pk, "file": SimpleUploadedFile(name, content), **extra})


def test_permissions_are_granted_to_the_editorial_groups_idempotently(editorial):
    roles.roles_setup()
    roles.roles_setup()
    instructors = Group.objects.get(name=roles.INSTRUCTORS_GROUP)
    registrars = Group.objects.get(name=roles.REGISTRARS_GROUP)
    codenames = set(
        instructors.permissions.filter(content_type__app_label="questions").values_list("codename", flat=True)
    )
    assert {
        "add_question",
        "change_question",
        "view_question",
        "add_questionbank",
        "change_questionbank",
    } <= codenames
    assert "delete_question" not in codenames
    assert registrars.permissions.filter(codename="delete_question").exists()


def test_a_trainee_cannot_reach_the_admin_views(client, bank):
    trainee = _user("trainee")
    factories.question(bank)
    client.force_login(trainee)
    for url in [
        IMPORT_URL,
        reverse("questions_admin:export", args=[bank.pk]),
        reverse("questions_admin:export", args=[bank.pk]) + "?format=gift",
        reverse("questions_admin:template"),
        reverse("wagtailsnippets_questions_question:list"),
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "以下哪部法律".encode() not in response.content


def test_admin_access_alone_does_not_open_the_question_views(client, bank):
    factories.question(bank)
    client.force_login(_user("editor", None, "wagtailadmin.access_admin"))
    for url in [IMPORT_URL, reverse("questions_admin:export", args=[bank.pk]) + "?format=gift"]:
        response = client.get(url)
        # Wagtail turns PermissionDenied into a redirect to the dashboard with a message.
        assert (response.status_code, response.url) == (302, "/admin/")


def test_gift_import_preview_then_confirm(client, instructor, bank):
    client.force_login(instructor)
    assert client.get(IMPORT_URL + f"?bank={bank.pk}").status_code == 200

    response = upload(client, bank, "moodle.gift.txt", (FIXTURES / "moodle-questions.gift.txt").read_bytes())
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "questions_admin:import_preview", args=[job.pk]
    )
    assert (job.status, job.file_format, job.report["total"]) == (ImportStatus.PREVIEWED, "gift", 9)
    assert job.file.read() == (FIXTURES / "moodle-questions.gift.txt").read_bytes()  # the upload is kept

    with translation.override("zh-hans"):
        preview = client.get(response.url)
    assert preview.status_code == 200
    assert Question.objects.count() == 0  # a preview imports nothing

    # The file repeats a question (same text and answers): imported anyway when asked to.
    assert len(job.report["duplicates"]) == 1
    confirmed = client.post(response.url, {"duplicates": "import"})
    assert confirmed.status_code == 302
    assert Question.objects.filter(bank=bank).count() == 9
    assert set(Question.objects.values_list("qtype", flat=True)) == {
        "essay",
        "matching",
        "single_choice",
        "multiple_choice",
        "numerical",
        "short_answer",
        "true_false",
    }
    client.post(response.url, {})  # confirming twice imports once
    assert Question.objects.count() == 9


def test_xml_categories_become_sub_banks(client, instructor, bank):
    client.force_login(instructor)
    upload(
        client, bank, "nested.xml", (FIXTURES / "moodle-nested_categories_with_questions.xml").read_bytes()
    )
    client.post(reverse("questions_admin:import_preview", args=[ImportJob.objects.get().pk]), {})
    lambda_bank = QuestionBank.objects.get(name="Lambda")
    assert lambda_bank.path == "政策法规题库 / Iota / Kappa / Lambda"
    assert lambda_bank.description == "This is Lambda category for test"
    assert lambda_bank.questions.get().current_version.name == "Lambda Question"
    assert QuestionBank.objects.get(name="Mu").parent.name == "Iota"
    assert Question.objects.count() == 5


def test_broken_file_imports_nothing_and_names_question_and_line(client, instructor, bank):
    client.force_login(instructor)
    content = "::好题::一加一等于二？{T}\n\n::坏题:: 选择 {~%150%甲 =乙}\n".encode()
    response = upload(client, bank, "broken.gift", content)
    job = ImportJob.objects.get()
    assert job.status == ImportStatus.REJECTED
    # The admin speaks Chinese by default: the report names the question and the line in Chinese.
    page = client.get(response.url).content.decode()
    assert "第 3 行" in page and "坏题" in page and "“%150%”不是有效的得分比例" in page
    assert "不会导入任何试题" in page
    assert 'type="submit"' not in page.split('id="import-errors"')[1].split("上传另一个文件")[0]
    assert client.post(response.url, {}).status_code == 200
    assert Question.objects.count() == 0 and QuestionBank.objects.count() == 1


def test_unsupported_questions_need_an_explicit_choice(client, instructor, bank):
    client.force_login(instructor)
    xml = (
        '<quiz><question type="calculated"><name><text>圆的面积</text></name></question>'
        '<question type="truefalse"><name><text>判断题</text></name><questiontext><text>对吗？</text></questiontext>'
        '<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>'
    ).encode()
    response = upload(client, bank, "mixed.xml", xml)
    preview = client.get(response.url).content.decode()
    assert "圆的面积" in preview and "calculated" in preview

    refused = client.post(response.url, {})
    assert refused.status_code == 200 and Question.objects.count() == 0
    assert refused.context["form"].errors

    client.post(response.url, {"skip_unsupported": "on"})
    job = ImportJob.objects.get()
    assert (job.status, job.imported_count, job.skipped_unsupported) == (ImportStatus.IMPORTED, 1, True)
    assert Question.objects.get().current_version.name == "判断题"


def test_bad_uploads_are_form_errors(client, instructor, bank):
    client.force_login(instructor)
    response = upload(client, bank, "empty.txt", b"")
    assert response.status_code == 200 and response.context["form"].errors["file"]
    response = client.post(IMPORT_URL, {"bank": 999999, "file": SimpleUploadedFile("a.txt", b"x")})
    assert response.status_code == 200 and response.context["form"].errors["bank"]
    response = upload(client, bank, "fake.xlsx", b"PK not really a zip")
    assert response.status_code == 302
    assert ImportJob.objects.get().status == ImportStatus.REJECTED


def test_another_instructor_cannot_see_my_import(client, instructor, bank):
    client.force_login(instructor)
    upload(client, bank, "q.gift", "::a:: 对吗 {T}\n".encode())
    job = ImportJob.objects.get()
    assert "q.gift" in client.get(IMPORT_URL).content.decode()  # listed among my uploads
    client.force_login(_user("other", roles.INSTRUCTORS_GROUP))
    assert "q.gift" not in client.get(IMPORT_URL).content.decode()
    assert client.get(reverse("questions_admin:import_preview", args=[job.pk])).status_code == 404
    assert client.post(reverse("questions_admin:import_preview", args=[job.pk]), {}).status_code == 404
    assert Question.objects.count() == 0


def test_export_page_lists_what_each_format_leaves_out_and_downloads(client, instructor, bank):
    factories.question(bank, name="单选题")
    factories.question(bank, qtype=QuestionType.CASE_ANALYSIS, name="案例题")
    client.force_login(instructor)
    url = reverse("questions_admin:export", args=[bank.pk])
    page = client.get(url).content.decode()
    assert "案例题" in page and "GIFT 格式无法保存案例分析题" in page

    gift = client.get(url + "?format=gift")
    assert gift["Content-Disposition"].startswith("attachment")
    assert "::单选题::" in gift.content.decode()
    xlsx = client.get(url + "?format=excel")
    assert xlsx.content[:2] == b"PK"
    assert client.get(url + "?format=pdf").status_code == 404


def test_template_download(client, instructor):
    client.force_login(instructor)
    response = client.get(reverse("questions_admin:template"))
    assert response.status_code == 200 and response.content[:2] == b"PK"


def test_editing_a_question_in_the_admin_adds_a_version(client, instructor, bank):
    client.force_login(instructor)
    rows = {"rows-TOTAL_FORMS": "2", "rows-INITIAL_FORMS": "0"}
    rows.update({"rows-0-text": "甲", "rows-0-fraction": "1", "rows-1-text": "乙", "rows-1-fraction": "0"})
    form = {
        **rows,
        "bank": bank.pk,
        "qtype": QuestionType.SINGLE_CHOICE,
        "version_name": "新题",
        "text": "哪个对？",
        "text_format": "plain",
        "default_points": "2",
        "general_feedback": "",
        "module": "policy",
        "difficulty": "easy",
        "tags": "法规, 转化",
    }
    response = client.post(reverse("wagtailsnippets_questions_question:add"), form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    question = Question.objects.get()
    assert question.current_version.number == 1
    assert sorted(question.tags.names()) == ["法规", "转化"]

    edit_url = reverse("wagtailsnippets_questions_question:edit", args=[question.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, {**form, "text": "哪个才对？"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.current_version.number == 2 and question.current_version.text == "哪个才对？"
    assert question.versions.get(number=1).text == "哪个对？"

    bad = client.post(edit_url, {**form, "rows-0-fraction": "0"})
    assert bad.status_code == 200 and bad.context["form"].editor.rows.non_form_errors()
    bad = client.post(edit_url, {**form, "rows-TOTAL_FORMS": "not a number"})
    assert bad.status_code == 200 and bad.context["form"].editor.rows.non_form_errors()
    assert question.versions.count() == 2


def test_bank_listing_shows_export_and_import_buttons(client, instructor, bank):
    client.force_login(instructor)
    response = client.get(reverse("wagtailsnippets_questions_questionbank:list"))
    assert response.status_code == 200, response
    page = response.content.decode()
    assert reverse("questions_admin:export", args=[bank.pk]) in page


def test_deleting_a_bank_that_holds_questions_is_refused_not_a_server_error(client, editorial, bank):
    factories.question(bank)
    client.force_login(_user("registrar", roles.REGISTRARS_GROUP))
    response = client.post(reverse("wagtailsnippets_questions_questionbank:delete", args=[bank.pk]))
    assert response.status_code == 302
    assert QuestionBank.objects.filter(pk=bank.pk).exists()
    empty = factories.question_bank(name="空题库")
    client.post(reverse("wagtailsnippets_questions_questionbank:delete", args=[empty.pk]))
    assert not QuestionBank.objects.filter(pk=empty.pk).exists()


def test_questions_already_in_the_bank_are_found_and_skipped_on_request(client, instructor, bank):
    client.force_login(instructor)
    content = (FIXTURES / "moodle-questions.gift.txt").read_bytes()
    upload(client, bank, "first.gift.txt", content)
    first = ImportJob.objects.get()
    client.post(reverse("questions_admin:import_preview", args=[first.pk]), {})  # default: skip repeats
    assert Question.objects.filter(bank=bank).count() == 8

    upload(client, bank, "again.gift.txt", content)
    again = ImportJob.objects.latest("pk")
    assert len(again.report["duplicates"]) == 9  # every question of the file is in the bank now
    preview = client.get(reverse("questions_admin:import_preview", args=[again.pk])).content.decode()
    assert 'id="import-duplicates"' in preview and "2-08 TSL" in preview
    response = client.post(
        reverse("questions_admin:import_preview", args=[again.pk]), {"duplicates": "skip"}, follow=True
    )
    assert Question.objects.filter(bank=bank).count() == 8  # nothing imported twice
    assert response.request["PATH_INFO"] == reverse("wagtailsnippets_questions_question:list")
    messages = [str(m) for m in response.context["messages"]]
    assert any("0" in m and "9" in m for m in messages), messages  # "0 imported … 9 … skipped"
    assert ImportJob.objects.get(pk=again.pk).report["skipped_duplicates"] == 9


@pytest.mark.parametrize(
    ("language", "in_use", "archived"), [("en", "In use", "Archived"), ("zh-hans", "使用中", "已归档")]
)
def test_the_status_filter_lists_in_use_once_and_shows_it_by_default(
    client, instructor, bank, language, in_use, archived
):
    """Review of issue 13, F11: the filter offered "In use" twice (its empty choice and its first)."""
    factories.question(bank, name="现行题")
    old = factories.question(bank, name="旧题")
    Question.objects.filter(pk=old.pk).update(archived=True)
    profile = UserProfile.get_for_user(instructor)  # the admin speaks the user's chosen language
    profile.preferred_language = language
    profile.save()
    client.force_login(instructor)
    url = reverse("wagtailsnippets_questions_question:list")

    page = client.get(url).content.decode()
    select = re.search(r'<select name="status"[^>]*>(.*?)</select>', page, re.S)
    labels = [label.strip() for label in re.findall(r"<option[^>]*>(.*?)</option>", select.group(1), re.S)]
    assert labels == [in_use, archived]
    assert "现行题" in page and "旧题" not in page  # in use, by default

    listed = client.get(url, {"status": "archived"}).content.decode()
    assert "旧题" in listed and "现行题" not in listed
    listed = client.get(url, {"status": "active"}).content.decode()
    assert "现行题" in listed and "旧题" not in listed
