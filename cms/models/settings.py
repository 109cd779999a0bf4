"""Site-wide values the training base edits in the admin."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class TrainingBaseSettings(BaseSiteSetting):
    """The accredited training base that runs the site and issues its certificates."""

    name_zh = models.CharField(_("name (Chinese)"), max_length=200, default="国家技术转移人才培养基地")
    name_en = models.CharField(
        _("name (English)"), max_length=200, default="National Technology Transfer Talent Training Base"
    )
    accreditation_number = models.CharField(_("accreditation number"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    seal = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("seal image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The official seal printed on certificates."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("name_zh"), FieldPanel("name_en"), FieldPanel("accreditation_number")],
            heading=_("Identity"),
        ),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("seal")], heading=_("Images")),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("address_en"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta:
        verbose_name = _("training base")

    @property
    def display_name(self) -> str:
        """The name in the language of the current request."""
        return self.name_en if (get_language() or "").startswith("en") else self.name_zh

    @property
    def display_address(self) -> str:
        """The address in the language of the current request (the Chinese one if no English is given)."""
        if (get_language() or "").startswith("en") and self.address_en:
            return self.address_en
        return self.address
