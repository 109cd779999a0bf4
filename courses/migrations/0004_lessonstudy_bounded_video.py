"""Watched video time is credited by the server: keep each browser's reported share as a claim.

The old ``video_fraction`` held exactly that, the largest share the browser reported, so it is
renamed (its values kept) to ``video_fraction_claimed``; the credited watched seconds start at zero.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_progress_hours_attendance_study"),
    ]

    operations = [
        migrations.RenameField(
            model_name="lessonstudy",
            old_name="video_fraction",
            new_name="video_fraction_claimed",
        ),
        migrations.AlterField(
            model_name="lessonstudy",
            name="video_fraction_claimed",
            field=models.DecimalField(
                decimal_places=3,
                default=0,
                max_digits=4,
                verbose_name="largest share of the video the browser reported",
            ),
        ),
        migrations.AddField(
            model_name="lessonstudy",
            name="video_watched_seconds",
            field=models.PositiveIntegerField(default=0, verbose_name="video seconds credited as watched"),
        ),
        migrations.AddField(
            model_name="lessonstudy",
            name="video_duration_seconds",
            field=models.PositiveIntegerField(
                blank=True,
                help_text="The length the watched seconds are measured against.",
                null=True,
                verbose_name="video length in seconds",
            ),
        ),
        migrations.AddField(
            model_name="lessonstudy",
            name="video_duration_from_client",
            field=models.BooleanField(
                default=False,
                help_text="The lesson gives no length, so the first one the trainee's browser reported is used.",
                verbose_name="length measured by the browser",
            ),
        ),
        migrations.AddField(
            model_name="lessonstudy",
            name="video_claim_capped",
            field=models.BooleanField(
                default=False,
                help_text="The browser's last report claimed more than the credited study time allows.",
                verbose_name="last report above the credited share",
            ),
        ),
    ]
