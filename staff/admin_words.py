"""Words the admin shows that Django and django-reversion leave untranslated, in ours.

- Yes/no icons: Django's admin gives them the alternative text "True", "False" or "None",
  never translated (django.contrib.admin.templatetags.admin_list._boolean_icon); screen
  readers read it out. Ours says yes, no or unknown in the staff member's language.
- django-reversion's app is named "Reversion" and django-tasks-db's "Tasks Database Backend"
  (neither marked for translation), and their models have no Estonian names.
- Django's form for setting a user's password joins two texts at import time, so one shows in
  the language the site started in and the other is never translated.
- Texts of Django 5.2 and django-reversion that their catalogs do not translate into every
  site language: marked here, so that `manage.py catalogs update` keeps them in our catalogs,
  which come first (settings.LOCALE_PATHS) and translate them.
"""

from django.apps import apps
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.forms import AdminPasswordChangeForm, SetUnusablePasswordMixin
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext

BOOLEAN_ICONS = {True: "yes", False: "no", None: "unknown"}


def boolean_icon(value):
    alternative = {
        True: pgettext("a yes/no value", "yes"),
        False: pgettext("a yes/no value", "no"),
        None: pgettext("a yes/no value", "unknown"),
    }[value]
    icon = static(f"admin/img/icon-{BOOLEAN_ICONS[value]}.svg")
    return format_html('<img src="{}" alt="{}">', icon, alternative)


class PasswordChangeForm(AdminPasswordChangeForm):
    usable_password_help_text = format_lazy(
        '{}<ul id="id_unusable_warning" class="messagelist"><li class="warning">{}</li></ul>',
        SetUnusablePasswordMixin.usable_password_help_text,
        _("If disabled, the current password for this user will be lost."),
    )


def use_our_words(site):
    """Called once the admin has discovered every app's admin module (staff.apps)."""
    from django.contrib.auth.models import User
    from reversion.models import Revision, Version

    admin_list._boolean_icon = boolean_icon
    apps.get_app_config("reversion").verbose_name = _("Content history")
    # django-tasks-db: named only where staff meet it, the permissions of a user or group.
    apps.get_app_config("django_tasks_database").verbose_name = _("Background tasks")
    for model, singular, plural in (
        (Version, _("version"), _("versions")),
        (Revision, _("revision"), _("revisions")),
    ):
        model._meta.verbose_name, model._meta.verbose_name_plural = singular, plural
    site.get_model_admin(User).change_password_form = PasswordChangeForm


# The texts of other packages that our catalogs translate (see the module's docstring).
OTHER_PACKAGES_TEXTS = (
    # Django's admin (django/contrib/admin/templates/admin/app_list.html).
    gettext_noop("Change or view list link"),
    # django-reversion's note in the history on a restored version, and on a first one.
    gettext_noop("Reverted to previous version, saved on %(datetime)s"),
    gettext_noop("Initial version."),
    # Django's admin: the app list's hidden column headings, and a note on the add-user form,
    # which Django's own catalogs do not translate into every site language (Ukrainian).
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("After you’ve created a user, you’ll be able to edit more user options."),
    # django-tasks-db's model names (django_tasks_db/models.py).
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
    # django-concurrency's version field (concurrency/fields.py), named in the change form.
    gettext_noop("record revision number"),
    # Names in Django's list of languages (django/conf/locale/__init__.py) that its catalogs
    # do not translate (they translate "Norwegian Bokmål", spelt differently there).
    gettext_noop("Norwegian"),
    gettext_noop("Norwegian Bokmal"),
)
