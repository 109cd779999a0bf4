"""Active study time measured by heartbeats from lesson pages.

One ``StudyClock`` row per trainee is rewritten by every heartbeat, whichever tab or lesson sends it,
and only if no other heartbeat rewrote it meanwhile, so time is credited at most once however many
tabs are open. Heartbeats name a signed page view
(``courses.page_views``); the clock remembers the recent ones.
"""

from decimal import ROUND_DOWN, Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyClock(models.Model):
    """One trainee's study time across all their tabs and devices; every heartbeat rewrites it.

    ``credited_until`` is the end of the last stretch credited: a heartbeat credits only time after
    it, so two pages beating at once credit real time once. ``views`` keeps, for the page views that
    beat lately, ``{page_view_id: [last_seq, last_beat_epoch, last_interaction_epoch, closing]}``;
    reading it with the row costs no query of its own.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    credited_until = models.DateTimeField(null=True, blank=True)
    views = models.JSONField(default=dict, blank=True)
    day = models.DateField(null=True, blank=True)
    day_seconds = models.PositiveIntegerField(default=0)
    # Bumped by every heartbeat that rewrites the row; a heartbeat writes only if it is still the
    # version it read (courses.services.heartbeat_store), so racing heartbeats cannot both win.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("study clock")
        verbose_name_plural = _("study clocks")

    def __str__(self):
        return f"study clock of {self.user_id}"


class LessonStudy(models.Model):
    """Active seconds spent on a lesson, and how much of its video the server credits as watched.

    The browser reports the ranges of the video it has played on this page load. The server keeps
    the union of the ranges it has credited across page loads (``video_ranges``), so watching the
    first half one day and the second half the next adds up, and watching the same minute twice
    does not. Each heartbeat credits at most its credited study time times
    ``VIDEO_MAX_PLAYBACK_RATE`` of newly covered seconds. ``video_watched_seconds`` is the length of
    that union (never shrinking); the share that counts, ``video_fraction``, is derived from it and
    the video's length. ``video_fraction_claimed`` keeps, for audit, the largest share that the
    credited ranges and one report together cover, as if the report had been credited in full.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    lesson = models.ForeignKey("cms.LessonPage", on_delete=models.CASCADE, related_name="+")
    active_seconds = models.PositiveIntegerField(default=0)
    video_watched_seconds = models.PositiveIntegerField(_("video seconds credited as watched"), default=0)
    video_ranges = models.JSONField(
        _("video ranges credited as watched"),
        default=list,
        blank=True,
        help_text=_("Sorted, non-overlapping [start, end] pairs of whole seconds within the video's length."),
    )
    video_duration_seconds = models.PositiveIntegerField(
        _("video length in seconds"),
        null=True,
        blank=True,
        help_text=_("The length the watched seconds are measured against."),
    )
    video_duration_from_client = models.BooleanField(
        _("length measured by the browser"),
        default=False,
        help_text=_("The lesson gives no length, so the first one the trainee's browser reported is used."),
    )
    video_fraction_claimed = models.DecimalField(
        _("largest share of the video the browser reported"), max_digits=4, decimal_places=3, default=0
    )
    video_claim_capped = models.BooleanField(
        _("last report above the credited share"),
        default=False,
        help_text=_("The browser's last report claimed more than the credited study time allows."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("lesson study time")
        verbose_name_plural = _("lesson study times")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_study_row_per_lesson")]

    def __str__(self):
        return f"{self.user_id} studied lesson {self.lesson_id} for {self.active_seconds} s"

    @property
    def video_fraction(self) -> Decimal:
        """The share of the video credited as watched, rounded down to a thousandth; 0 if its length is unknown."""
        if not self.video_duration_seconds:
            return Decimal("0.000")
        share = (
            Decimal(min(self.video_watched_seconds, self.video_duration_seconds))
            / self.video_duration_seconds
        )
        return share.quantize(Decimal("0.001"), rounding=ROUND_DOWN)


class CourseStudy(models.Model):
    """Active seconds on a course's lessons, and how many of them the ledger has credited already."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course = models.ForeignKey("cms.CoursePage", on_delete=models.CASCADE, related_name="+")
    active_seconds = models.PositiveIntegerField(default=0)
    credited_seconds = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("course study time")
        verbose_name_plural = _("course study times")
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_study_row_per_course")]

    def __str__(self):
        return f"{self.user_id} studied course {self.course_id} for {self.active_seconds} s"
