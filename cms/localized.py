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
