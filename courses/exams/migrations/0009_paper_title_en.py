from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exams", "0008_sittings"),
    ]

    operations = [
        migrations.AddField(
            model_name="exampaper",
            name="title_en",
            field=models.CharField(
                blank=True,
                help_text="Shown on English pages; empty: the title.",
                max_length=200,
                verbose_name="English title",
            ),
        ),
    ]
