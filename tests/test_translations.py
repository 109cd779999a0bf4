"""The admin in Chinese (issue 13, point 6).

The project's catalogues (config/locale, first in LOCALE_PATHS) hold every string our apps add and
supply what Wagtail's own zh_Hans catalogue lacks or gets wrong: Django gives LOCALE_PATHS precedence
over the apps' catalogues, for Python and templates (domain ``django``) and for the admin's JavaScript
catalogue (``djangojs``, served at /admin/jsi18n/).
"""

import importlib
import json
import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext, pgettext
from wagtail.models import GroupApprovalTask, Page, Workflow

from cms import services as cms_services
from tests.factories import courses as course_factories

CATALOGUES = sorted(Path(settings.LOCALE_PATHS[0]).glob("zh_Hans/LC_MESSAGES/*.po"))


def test_the_project_catalogues_exist():
    assert {path.name for path in CATALOGUES} == {"django.po", "djangojs.po"}
    assert (
        Path(settings.LOCALE_PATHS[0]).resolve() == (Path(settings.BASE_DIR) / "config" / "locale").resolve()
    )


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_every_message_of_the_project_catalogues_is_translated(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 10
    untranslated = [
        (entry.msgctxt, entry.msgid)
        for entry in catalogue
        if not entry.obsolete and (entry.fuzzy or not entry.translated())
    ]
    assert untranslated == []


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.name)
def test_no_message_is_listed_twice(path):
    # gettext keeps one of two entries with the same msgid silently; msgfmt refuses the file.
    keys = [(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete]
    assert sorted({key for key in keys if keys.count(key) > 1}) == []


# Wagtail strings an instructor or a registrar sees, missing or wrong in Wagtail's zh_Hans catalogue.
WAGTAIL = {
    "Pages": "页面",  # ours said 分页 (pagination) and overrode Wagtail's 页面
    "Root": "根目录",
    "Privacy and access": "隐私和访问权限",
    "Go to the first error": "转到第一个错误",
    "Save your changes before leaving": "离开前请保存更改",
    # "There are no 线下课次 to display": the listing of a snippet with none yet
    'There are no %(model_name)s to display. Why not <a href="%(add_url)s">add one</a>?': (
        '暂无%(model_name)s。要<a href="%(add_url)s">添加一个</a>吗？'
    ),
    "Continue": "继续",  # ours said 继续学习 (a trainee's "continue the course")
    "In progress": "进行中",  # ours said 学习中 in Wagtail's workflow status
    "title": "标题",  # ours said 职称 (professional rank) on every page's title
    "name": "名称",  # ours said 姓名 (a person's name) on banks, questions and templates
}


@pytest.mark.parametrize(("msgid", "chinese"), WAGTAIL.items())
def test_wagtail_strings_are_chinese_in_the_admin(msgid, chinese):
    with translation.override("zh-hans"):
        assert gettext(msgid) == chinese
    with translation.override("en"):
        assert gettext(msgid) == msgid


def test_counted_wagtail_strings_are_chinese():
    """The instructor's home once said "192 Pages" (Wagtail's site summary)."""
    pages = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    pages_plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("zh-hans"):
        counted = ngettext(pages, pages_plural, 192) % {"total": 192, "site_name": "TT Academy"}
        assert counted == '192 个页面<span class="w-sr-only">（创建于TT Academy）</span>'
        assert (
            ngettext("Moved up 1 place.", "Moved up %(counter)s places.", 2) % {"counter": 2}
            == "已上移 2 位。"
        )


def test_our_meanings_keep_their_own_words():
    """Where our word differs from Wagtail's for the same English, ours carries a context."""
    with translation.override("zh-hans"):
        assert pgettext("person", "name") == "姓名"
        assert pgettext("person", "title") == "职称与职务"
        assert pgettext("program level", "Primary") == "初级"
        assert pgettext("exam", "Submitted") == "已交卷"
        assert pgettext("course progress", "Continue") == "继续学习"


@pytest.mark.django_db
@pytest.mark.indexed
def test_the_admin_reads_chinese_where_wagtail_printed_english(client, catalogue):
    """The browser tab named "Wagtail" and the page search counted "1-20 of 26 None"."""
    cms_services.editorial_setup(site_root=catalogue.get_parent(), catalogue=catalogue)
    client.force_login(course_factories.instructor(username="admin-words"))
    home = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert re.search(r"<title>[^<]*- TT Academy 管理后台</title>", home)
    found = client.get("/admin/pages/search/", {"q": catalogue.title}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    header = re.sub(r"\s+", " ", found.content.decode())
    assert found.status_code == 200 and "个页面，第 1-" in header
    assert "个None" not in header  # the count once named no model: "共 26 个None"


@pytest.mark.django_db
def test_the_admin_javascript_catalogue_is_chinese(client):
    client.force_login(course_factories.instructor(username="js-catalogue"))
    response = client.get(reverse("wagtailadmin_javascript_catalog"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 200
    catalogue = json.loads(
        re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1)
    )
    assert catalogue["Insert a block"] == "插入块"
    assert catalogue["Pages"] == "页面"


ENGLISH_NAMES = {
    "Course review": "课程审核",
    "Certificate template review": "证书模板审核",
    # "Exam paper review": "试卷审核" joins when courses/exams/services/setup.py names it so (left to the lead)
}


@pytest.mark.django_db
def test_review_workflows_are_named_in_chinese_and_renamed_from_english(catalogue):
    from certification.services.templates import certificate_templates_setup
    from courses.exams.services import exam_permissions_setup

    def setup():
        cms_services.editorial_setup(site_root=catalogue.get_parent(), catalogue=catalogue)
        exam_permissions_setup()
        certificate_templates_setup()

    setup()
    assert set(ENGLISH_NAMES.values()) <= set(Workflow.objects.values_list("name", flat=True))
    assert GroupApprovalTask.objects.filter(name="培训基地管理员审核").exists()
    # A database set up before the names were translated: its workflows are renamed, not doubled.
    for english, chinese in ENGLISH_NAMES.items():
        Workflow.objects.filter(name=chinese).update(name=english)
    count = Workflow.objects.count()
    setup()
    assert Workflow.objects.count() == count
    assert not Workflow.objects.filter(name__in=ENGLISH_NAMES).exists()
    assert set(ENGLISH_NAMES.values()) <= set(Workflow.objects.values_list("name", flat=True))


@pytest.mark.django_db
def test_wagtails_own_data_is_named_in_chinese():
    """The page tree's root and Wagtail's default workflow, named in English by Wagtail's migrations."""
    from django.apps import apps

    migration = importlib.import_module("cms.migrations.0005_wagtail_data_in_site_language")
    Page.objects.filter(depth=1).update(title="Root", draft_title="Root")
    Workflow.objects.create(name="Moderators approval")
    migration.in_site_language(apps, None)
    root = Page.objects.get(depth=1)
    assert (root.title, root.draft_title) == ("根目录", "根目录")
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="审核员审批").exists()


# What our code is: the apps, the project's settings and the templates (not tests, docs or vendored
# scripts); gettext's own tools read it, as `makemessages` does.
SOURCES = ("core", "cms", "courses", "certification", "config", "templates")
SOURCE_SUFFIXES = {".py", ".html", ".txt", ".js"}


def _copy_sources(into: Path) -> None:
    base = Path(settings.BASE_DIR)
    for top in SOURCES:
        for path in (base / top).rglob("*"):
            if (
                path.suffix in SOURCE_SUFFIXES
                and not path.name.endswith(".min.js")
                and "locale" not in path.relative_to(base).parts
                and "__pycache__" not in path.parts
            ):
                target = into / path.relative_to(base)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)


def test_every_message_in_our_code_is_in_the_chinese_catalogue(tmp_path, monkeypatch):
    """``makemessages`` over a copy of our code, merged into a copy of the project's catalogues: every
    msgid our code marks must come out translated (not new, not fuzzy). It runs on copies, so the
    project's catalogues are never written; gettext's xgettext and msgmerge do the reading."""
    from django.core.management import call_command
    from django.test import override_settings

    code, locale = tmp_path / "code", tmp_path / "locale"
    _copy_sources(code)
    for path in CATALOGUES:
        target = locale / "zh_Hans" / "LC_MESSAGES" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    monkeypatch.chdir(code)
    missing = []
    with override_settings(LOCALE_PATHS=[str(locale)]):
        for domain in ("django", "djangojs"):
            call_command("makemessages", locale=["zh_Hans"], domain=domain, no_obsolete=True, verbosity=0)
            merged = polib.pofile(str(locale / "zh_Hans" / "LC_MESSAGES" / f"{domain}.po"))
            missing += [
                f"{domain}: {entry.msgid!r} ({entry.occurrences[0][0]})"
                for entry in merged
                if entry.fuzzy or not entry.translated()
            ]
    assert missing == [], "\n".join(missing)
