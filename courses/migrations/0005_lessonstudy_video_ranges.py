"""Watched video is credited from the union of played ranges, across page loads.

Rows credited before held only a number of watched seconds, earned from a share the browser
reported for one page load. That share is read as the video's opening stretch, as the service
still reads the share older pages send, so existing rows start with ``[[0, watched seconds]]``
and keep what they had.
"""

from django.db import migrations, models


def seed_ranges(apps, schema_editor):
    LessonStudy = apps.get_model("courses", "LessonStudy")
    studies = LessonStudy.objects.filter(video_watched_seconds__gt=0).only("pk", "video_watched_seconds")
    batch = []
    for study in studies.iterator(chunk_size=1000):
        study.video_ranges = [[0, study.video_watched_seconds]]
        batch.append(study)
        if len(batch) == 1000:
            LessonStudy.objects.bulk_update(batch, ["video_ranges"])
            batch = []
    LessonStudy.objects.bulk_update(batch, ["video_ranges"])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0004_lessonstudy_bounded_video"),
    ]

    operations = [
        migrations.AddField(
            model_name="lessonstudy",
            name="video_ranges",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text="Sorted, non-overlapping [start, end] pairs of whole seconds within the video's length.",
                verbose_name="video ranges credited as watched",
            ),
        ),
        migrations.RunPython(seed_ranges, migrations.RunPython.noop),
    ]
