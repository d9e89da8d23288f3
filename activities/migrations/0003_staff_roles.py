"""The staff roles (pages/migrations/0004) for services, locations, events, series and news:
editors may do everything, translators change only the texts in the other languages than
Estonian (no publish_<model> permission). Languages have no text: editors manage them,
translators may look. Running it again changes nothing."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = ("service", "location", "event", "eventseries", "newsitem")
ROLES = {
    "Editors": {
        "content": ("add", "change", "delete", "view", "publish"),
        "language": ("add", "change", "delete", "view"),
    },
    "Translators": {"content": ("change", "view"), "language": ("view",)},
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
        codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in actions["content"]]
        codenames += [f"{action}_language" for action in actions["language"]]
        permissions = Permission.objects.filter(
            content_type__app_label="activities", codename__in=codenames
        )
        if permissions.count() != len(codenames):
            raise RuntimeError(f"{group_name}: a permission of services and events is missing")
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0002_initial_content"),
        ("pages", "0004_staff_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
