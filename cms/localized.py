"""Records that are not pages (cohorts, offline sessions, exam papers, the training base) keep an
English twin of their visible text in ``<field>_en``. English pages show it; when it is empty they
fall back to the Chinese text rather than show nothing."""

from django.utils.translation import get_language


def localized(obj, field: str) -> str:
    """``obj.<field>_en`` when the active language is English and it is filled in, else ``obj.<field>``."""
    if obj is None:
        return ""
    if (get_language() or "").startswith("en"):
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "") or ""


def pages_in_active_locale(pages) -> dict:
    """``{pk: page}``: each page's live translation in the active language, or the page itself when it
    has none. One query per page type, however many pages (for lists such as the trainee dashboard)."""
    from collections import defaultdict

    from wagtail.models import Locale

    locale = Locale.get_active()
    found = {page.pk: page for page in pages if page is not None}
    wanted = defaultdict(lambda: defaultdict(list))  # model → translation key → pks
    for page in found.values():
        if page.locale_id != locale.pk:
            wanted[type(page)][page.translation_key].append(page.pk)
    for model, keys in wanted.items():
        for translation in model.objects.live().filter(locale=locale, translation_key__in=list(keys)):
            for pk in keys[translation.translation_key]:
                found[pk] = translation
    return found
