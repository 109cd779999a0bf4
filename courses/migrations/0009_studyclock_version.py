from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_english_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="studyclock",
            name="version",
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
    ]
