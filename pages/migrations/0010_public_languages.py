"""Switch on, for visitors, every language of settings.LANGUAGES that is complete when this runs
(core.languages): its interface catalog has no gap and the core pages have their texts in it.
After this, staff switch a language on in the admin (Site languages), which allows it only while
the language is complete; nothing switches one off by itself.

Editors get the permission to do so. Reversing leaves the languages as they are.
"""

from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations

from core.catalogs import interface_gaps

CORE_PAGE_KINDS = ("home", "project", "target_groups", "partners", "contacts")
# The texts of what the core pages show, as the models have them at this migration.
TEXTS = {
    "Page": ("title", "summary", "body"),
    "TargetGroup": ("title", "summary", "body"),
    "Partner": ("name", "role"),
    "Contact": ("position", "organisation"),
}


def has_text(value):
    return value is not None and bool(value.strip())


def core_pages_complete(apps, language):
    for model_name, fields in TEXTS.items():
        items = apps.get_model("pages", model_name).objects.filter(published=True)
        if model_name == "Page":
            items = items.filter(kind__in=CORE_PAGE_KINDS)
        for item in items:
            for field in fields:
                source = getattr(item, f"{field}_{settings.SOURCE_LANGUAGE}")
                if has_text(source) and not has_text(getattr(item, f"{field}_{language}")):
                    return False
    return True


def switch_on_complete_languages(apps, schema_editor):
    SiteLanguage = apps.get_model("core", "SiteLanguage")
    for code, _name in settings.LANGUAGES:
        complete = code == settings.SOURCE_LANGUAGE or (
            not interface_gaps(code) and core_pages_complete(apps, code)
        )
        language, _created = SiteLanguage.objects.get_or_create(code=code)
        if complete and not language.public:
            language.public = True
            language.save()


def editors_switch_languages(apps, schema_editor):
    core = apps.get_app_config("core")
    core.models_module = True
    create_permissions(core, apps=apps, verbosity=0)
    core.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _created = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            codename__in=("view_sitelanguage", "change_sitelanguage"),
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0009_ukrainian_content"),
        ("pages", "0004_staff_roles"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(switch_on_complete_languages, migrations.RunPython.noop),
        migrations.RunPython(editors_switch_languages, migrations.RunPython.noop),
    ]
