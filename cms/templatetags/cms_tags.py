from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from cms.localized import localized as localized_value

register = template.Library()


@register.inclusion_tag("cms/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in each site language: the page's translation if it has one."""
    request = context["request"]
    page = context.get("page")
    by_language = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            by_language[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        url = by_language.get(code) or translate_url(request.path, code)
        links.append(
            {"code": code, "name": name, "url": url, "current": code == context.get("LANGUAGE_CODE")}
        )
    return {"links": links}


@register.simple_tag
def querystring_with(querystring: str, **params) -> str:
    """``querystring`` (already encoded) plus ``params``, for pagination links that keep filters."""
    extra = "&".join(f"{key}={value}" for key, value in params.items())
    return f"?{querystring}&{extra}" if querystring else f"?{extra}"


@register.simple_tag(takes_context=True)
def catalogue_url(context) -> str:
    """URL of the course catalogue in the current language (one query)."""
    from wagtail.models import Locale

    from cms.models import CourseIndexPage

    request = context["request"]
    catalogue = CourseIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return catalogue.get_url(request) if catalogue else ""


@register.filter
def localized(obj, field: str) -> str:
    """``{{ cohort|localized:"title" }}``: the English text on English pages when there is one (cms.localized)."""
    return localized_value(obj, field)


@register.simple_tag
def colon() -> str:
    """The colon after a label: full-width (：) on Chinese pages, ': ' on English ones."""
    from django.utils.translation import get_language

    return "：" if (get_language() or "").startswith("zh") else ": "


@register.filter
def translated(page, pages: dict):
    """``{{ lesson|translated:localized_pages }}``: the page in the visitor's language, from a map the view
    built with ``cms.localized.pages_in_active_locale`` (the page itself when it is not in the map)."""
    if page is None:
        return None
    return (pages or {}).get(page.pk, page)
