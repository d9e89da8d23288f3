"""The third staff role (pages/migrations/0004 made the first two), as a group: Coordinators
run the sign-ups and report on them.

- Coordinators: view, add and change sign-ups and see the participants' names and contacts
  (signup.view_participants); view events and services; read the audit log; open and download
  the reports and freeze a reporting period.

Editors and Translators get none of these: they never see a participant. Running it again
changes nothing; removing it leaves the group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Coordinators": {
        "signup": (
            "view_registration",
            "add_registration",
            "change_registration",
            "view_participants",
        ),
        "activities": ("view_event", "view_service"),
        "audit": ("view_auditentry",),
        "reports": ("view_reports", "view_frozenreport", "add_frozenreport"),
    },
}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, by_app in ROLES.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for app_label, codenames in by_app.items():
            permissions = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if permissions.count() != len(codenames):
                raise RuntimeError(f"{group_name}: a permission of {app_label} is missing")
            group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("audit", "0001_initial"),
        ("signup", "0001_initial"),
        ("activities", "0003_staff_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
