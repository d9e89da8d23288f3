"""The two staff roles, as groups: add a user to one in the admin (Users → Groups).

- Editors: everything on all content (add, change, delete, view, publish) and its history:
  they may restore earlier versions and recover deleted items.
- Translators: view and change, without the publish permission: in the admin they can change
  only the Russian and English texts, never publish, delete, add, or change the Estonian text
  or the structure (kind, order, Estonian address, code, e-mail ...). See pages/admin.py.

Permissions are normally created after all migrations have run (post_migrate), so this
migration creates them first. Running it again changes nothing; removing it leaves the groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = ("page", "targetgroup", "partner", "contact")
ROLES = {
    "Editors": ("add", "change", "delete", "view", "publish"),
    "Translators": ("change", "view"),
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, actions in ROLES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in actions]
        permissions = Permission.objects.filter(
            content_type__app_label="pages", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"{group_name}: a content permission is missing")
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0003_publish_permission"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
