"""Vocabularies of the curriculum, shared by pages, filters and (later) learning and certification."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Level(models.TextChoices):
    PRIMARY = "primary", pgettext_lazy("program level", "Primary")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class Module(models.TextChoices):
    GENERAL = "general", _("General knowledge")
    POLICY = "policy", _("Policy and law")
    PRACTICE = "practice", _("Practical skills")
    CAPABILITY = "capability", _("Capability building")


class DeliveryMode(models.TextChoices):
    ONLINE = "online", _("Online")
    OFFLINE = "offline", _("Offline")
    BLENDED = "blended", _("Blended")
