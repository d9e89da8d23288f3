"""The language review: «Европейский союз» with a small «с» in Russian, as in the pages (pages
0008). Only the words are changed, in the services' Russian texts that still hold them, so a
staff member's other edits stay as they are.
"""

from django.db import migrations

WRONG, RIGHT = "Европейского Союза", "Европейского союза"
FIELDS = ("title_ru", "summary_ru", "body_ru", "provider_ru", "how_to_take_part_ru")


def correct(apps, schema_editor):
    Service = apps.get_model("activities", "Service")
    for service in Service.objects.all():
        changed = [field for field in FIELDS if WRONG in (getattr(service, field) or "")]
        for field in changed:
            setattr(service, field, getattr(service, field).replace(WRONG, RIGHT))
        if changed:
            service.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("activities", "0008_scheduled_publishing_and_media")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
