"""The catalogue filters by level, module and delivery mode, searches course text, and paginates."""

import pytest

from cms.choices import DeliveryMode, Level, Module
from tests.factories import cms as factories


@pytest.fixture
def courses(catalogue):
    return {
        "intro": factories.course_page(
            catalogue,
            title="技术转移概论",
            code="P-01",
            module=Module.GENERAL,
            level=Level.PRIMARY,
            summary="认识技术转移的基本概念与流程。",
        ),
        "patent": factories.course_page(
            catalogue,
            title="专利检索与分析",
            code="P-07",
            module=Module.PRACTICE,
            level=Level.PRIMARY,
            summary="掌握专利数据库检索策略和专利地图分析。",
            delivery_mode=DeliveryMode.BLENDED,
        ),
        "licence": factories.course_page(
            catalogue,
            title="许可协议条款设计与审计",
            code="I-04",
            module=Module.PRACTICE,
            level=Level.INTERMEDIATE,
            summary="Royalty structures and licensee audits.",
        ),
        "capstone": factories.course_page(
            catalogue,
            title="毕业案例分析报告",
            code="I-11",
            module=Module.CAPABILITY,
            level=Level.INTERMEDIATE,
            summary="综合运用所学完成案例报告。",
            delivery_mode=DeliveryMode.OFFLINE,
        ),
    }


def _titles(client, catalogue, **params):
    response = client.get(catalogue.url, params)
    assert response.status_code == 200
    return {course.title for course in response.context["page_obj"].object_list}


def test_without_filters_all_courses_are_listed(client, catalogue, courses):
    assert _titles(client, catalogue) == {c.title for c in courses.values()}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "primary"}, {"intro", "patent"}),
        ({"level": "intermediate"}, {"licence", "capstone"}),
        ({"module": "practice"}, {"patent", "licence"}),
        ({"delivery_mode": "offline"}, {"capstone"}),
        ({"level": "primary", "module": "practice"}, {"patent"}),
        ({"level": "advanced"}, set()),
    ],
)
def test_filters(client, catalogue, courses, params, expected):
    assert _titles(client, catalogue, **params) == {courses[key].title for key in expected}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("专利检索", {"patent"}),  # Chinese words inside a title, no spaces to split on
        ("专利地图", {"patent"}),  # from the summary
        ("案例", {"capstone"}),
        ("royalty", {"licence"}),  # English words, case-insensitive
        ("I-04", {"licence"}),
        ("区块链", set()),
    ],
)
@pytest.mark.indexed
def test_search_finds_course_text(client, catalogue, courses, query, expected):
    assert _titles(client, catalogue, q=query) == {courses[key].title for key in expected}


@pytest.mark.indexed
def test_search_combines_with_filters(client, catalogue, courses):
    assert _titles(client, catalogue, q="专利", level="intermediate") == set()
    assert _titles(client, catalogue, q="专利", level="primary") == {courses["patent"].title}


@pytest.mark.indexed
def test_empty_state_offers_to_clear_filters(client, catalogue, courses):
    html = client.get(catalogue.url, {"q": "区块链"}).content.decode()
    assert "没有符合筛选条件的课程" in html
    assert f'href="{catalogue.url}"' in html


def test_empty_catalogue_says_so(client, catalogue):
    html = client.get(catalogue.url).content.decode()
    assert "尚未发布任何课程" in html


def test_invalid_filter_values_are_ignored_not_an_error(client, catalogue, courses):
    response = client.get(catalogue.url, {"level": "expert", "page": "abc"})
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == len(courses)


def test_pagination_keeps_filters(client, catalogue):
    catalogue.per_page = 5
    catalogue.save_revision().publish()
    for _ in range(12):
        factories.course_page(catalogue, module=Module.POLICY)
    factories.course_page(catalogue, module=Module.GENERAL)
    first = client.get(catalogue.url, {"module": "policy"})
    assert first.context["page_obj"].paginator.count == 12
    assert len(first.context["page_obj"].object_list) == 5
    assert "module=policy&amp;page=2" in first.content.decode()
    third = client.get(catalogue.url, {"module": "policy", "page": 3})
    assert len(third.context["page_obj"].object_list) == 2
    beyond = client.get(catalogue.url, {"module": "policy", "page": 99})
    assert beyond.context["page_obj"].number == 3


@pytest.mark.indexed
def test_search_results_paginate(client, catalogue):
    catalogue.per_page = 5
    catalogue.save_revision().publish()
    for n in range(7):
        factories.course_page(catalogue, title=f"技术评价 {n}")
    first = client.get(catalogue.url, {"q": "技术评价"})
    assert first.context["page_obj"].paginator.count == 7
    second = client.get(catalogue.url, {"q": "技术评价", "page": 2})
    assert len(second.context["page_obj"].object_list) == 2
