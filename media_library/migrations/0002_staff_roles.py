"""The staff roles (groups made by pages' migration 0004) on images and documents.

- Editors: upload, change, delete and view them.
- Translators: view them and change their texts (alternative texts, titles) in every language.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ("image", "document")
ROLES = {"Editors": ("add", "change", "delete", "view"), "Translators": ("change", "view")}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("media_library")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        codenames = [f"{action}_{model}" for model in MODELS for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="media_library", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"{group_name}: a permission on images or documents is missing")
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [("media_library", "0001_initial"), ("pages", "0004_staff_roles")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
