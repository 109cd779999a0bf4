"""Snippets: reusable content chosen from pages."""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


def _in_english() -> bool:
    return (get_language() or "").startswith("en")


class Instructor(index.Indexed, models.Model):
    """An instructor profile, shown on the courses they teach. Bilingual fields, one record."""

    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    name_en = models.CharField(pgettext_lazy("person", "name (English)"), max_length=100, blank=True)
    title = models.CharField(pgettext_lazy("person", "title"), max_length=200, blank=True)
    title_en = models.CharField(pgettext_lazy("person", "title (English)"), max_length=200, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("title"), FieldPanel("bio")], heading=_("Chinese")),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("title_en"), FieldPanel("bio_en")], heading=_("English")
        ),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        verbose_name = _("instructor")
        verbose_name_plural = _("instructors")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.name_en})" if self.name_en else self.name

    @property
    def display_name(self) -> str:
        return (self.name_en or self.name) if _in_english() else self.name

    @property
    def display_title(self) -> str:
        return (self.title_en or self.title) if _in_english() else self.title

    @property
    def display_bio(self) -> str:
        return (self.bio_en or self.bio) if _in_english() else self.bio
