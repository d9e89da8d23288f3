"""The admin where staff edit the site's content, in every language of settings.LANGUAGES.

Every content model gets the same things from ContentAdmin:
- one tab per language (modeltranslation; jQuery UI is served from our static files);
- history (django-reversion): who changed what and when, restoring an earlier version, and
  recovering a deleted item;
- two roles, groups made by migration 0004: editors may do everything; translators (no
  ``publish_<model>`` permission) may change only the texts in the other languages than the
  source language (Estonian);
- no lost update when two staff members edit one item at once (concurrent_edits.py): the
  model needs a django-concurrency version field.
"""

from concurrency.api import disable_concurrency
from concurrency.exceptions import RecordModifiedError
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst, format_lazy
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from staff.widgets import LabelledSplitDateTime

from .concurrent_edits import ConcurrentEditForm, version_field_name
from .history import keep_current_versions, keep_unversioned
from .models import Contact, Page, Partner, TargetGroup
from .rich_text import sanitise_html

SOURCE_LANGUAGE = settings.SOURCE_LANGUAGE
# A save that lost the race between reading the item and writing it is merged again.
SAVE_ATTEMPTS = 3
# The history's note on the version kept of content that had none (e.g. the initial content).
BEFORE_FIRST_CHANGE = _("As it was before its first change in the admin")
# Titles of the history's pages: the item's name after a colon needs no grammar around it.
EARLIER_VERSION = _("Earlier version: %(name)s")
DELETED_ITEM = _("Deleted item: %(name)s")


def in_every_language(*field_names):
    """The translated fields of each name in every site language (for search_fields)."""
    return tuple(
        build_localized_fieldname(name, code)
        for name in field_names
        for code, _name in settings.LANGUAGES
    )


# What a read-only change form shows instead of the save and delete buttons.
NO_SUBMIT_BUTTONS = {
    "show_save": False,
    "show_save_and_continue": False,
    "show_save_and_add_another": False,
    "show_delete": False,
}


# In each "Publishing" fieldset, after "published": visitors see the item from, until (both
# optional; pages.scheduling).
PUBLISHING_TIMES = ["publish_from", "unpublish_at"]


class ContentAdmin(VersionAdmin, TabbedTranslationAdmin):
    form = ConcurrentEditForm
    # Estonian rich text that translators see as it looks on the site, not as HTML source:
    # {field: the read-only admin field shown instead}.
    rendered_for_translators = {}
    list_filter = ("published",)
    history_latest_first = True
    # A web address typed without a scheme is taken as https:// (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # Items are deleted one at a time on the delete page, which keeps a version to recover
    # them from (see delete_model); the bulk "delete selected" action does not.
    actions = None

    @admin.display(description=_("schedule"))
    def schedule(self, obj):
        """In the list: whether the clock publishes or unpublishes the item (pages.scheduling)."""
        now = timezone.now()
        if obj.is_scheduled(now):
            when = date_format(localtime(obj.publish_from), "SHORT_DATETIME_FORMAT")
            return _("scheduled: from %(time)s") % {"time": when}
        if obj.unpublish_at is None or not obj.published:
            return "–"
        when = date_format(localtime(obj.unpublish_at), "SHORT_DATETIME_FORMAT")
        if obj.unpublish_at <= now:
            return _("ended: %(time)s") % {"time": when}
        return _("until %(time)s") % {"time": when}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DateTimeField) and "widget" not in kwargs:
            kwargs["widget"] = LabelledSplitDateTime(capfirst(db_field.verbose_name))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    # Roles.

    def may_publish(self, request):
        """Editors may; translators may not (and so change only the translations)."""
        opts = self.model._meta
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def translator_fields(self):
        """The translated fields in every language but the source language."""
        options = translator.get_options_for_model(self.model)
        return {
            field.name
            for fields in options.all_fields.values()
            for field in fields
            if field.language != SOURCE_LANGUAGE
        }

    def source_fields(self):
        """Every other field of the form: the Estonian texts and the structure."""
        translated = translator.get_options_for_model(self.model).all_fields
        editable_for_translators = self.translator_fields()
        opts = self.model._meta
        return [
            field.name
            for field in [*opts.fields, *opts.many_to_many]
            if field.editable
            and not field.primary_key
            and field.name not in translated
            and field.name not in editable_for_translators
            and field.name != version_field_name(self.model)
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        if self.may_publish(request):
            return readonly
        return readonly + [
            self.rendered_for_translators.get(name, name) for name in self.source_fields()
        ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = self.with_version(super().get_fieldsets(request, obj), obj)
        if self.may_publish(request):
            return fieldsets
        return [
            (
                title,
                options
                | {
                    "fields": [
                        self.rendered_for_translators.get(name, name) for name in options["fields"]
                    ]
                },
            )
            for title, options in fieldsets
        ]

    def get_changelist_form(self, request, **kwargs):
        return super().get_changelist_form(request, form=ConcurrentEditForm, **kwargs)

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        if not self.may_publish(request):
            # The list's editable columns (published, order ...) are the editors' tools.
            changelist.list_editable = ()
        return changelist

    # Concurrent edits.

    def with_version(self, fieldsets, obj):
        """The change form carries the version it was opened at (a hidden field)."""
        version = version_field_name(self.model)
        if obj is None or version is None:
            return fieldsets
        (title, options), *others = fieldsets
        return [(title, options | {"fields": [*options["fields"], version]}), *others]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        for _attempt in range(SAVE_ATTEMPTS - 1):
            try:
                return super().changeform_view(request, object_id, form_url, extra_context)
            except RecordModifiedError:
                continue  # saved by someone else in the meantime: merge with that, again
        return super().changeform_view(request, object_id, form_url, extra_context)

    # History.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST" and (obj := self.get_object(request, unquote(object_id))):
            keep_unversioned([obj], BEFORE_FIRST_CHANGE)
        return super().change_view(request, object_id, form_url, extra_context)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and "_save" in request.POST:
            keep_unversioned(self.model.objects.all(), BEFORE_FIRST_CHANGE)
        return super().changelist_view(request, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """Translators may look at an earlier version; restoring it (which restores the Estonian
        text and the published state too) is for editors."""
        if not self.may_publish(request):
            if request.method == "POST":
                raise PermissionDenied
            extra_context = (extra_context or {}) | NO_SUBMIT_BUTTONS
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        title = EARLIER_VERSION % {"name": version.object_repr}
        # Restoring writes the version's old version number: no concurrency check on it.
        with disable_concurrency(self.model):
            return super().revision_view(
                request, object_id, version_id, {"title": title} | (extra_context or {})
            )

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        title = DELETED_ITEM % {"name": version.object_repr}
        with disable_concurrency(self.model):
            return super().recover_view(
                request, version_id, {"title": title} | (extra_context or {})
            )

    def recoverlist_view(self, request, extra_context=None):
        extra_context = {"title": _("Recover deleted items")} | (extra_context or {})
        return super().recoverlist_view(request, extra_context)

    def delete_model(self, request, obj):
        keep_current_versions([obj], request.user, _("Deleted"))
        super().delete_model(request, obj)


class RichTextAdmin(ContentAdmin):
    """Pages and target groups: a title, an address, a summary, a rich text, an image and
    documents."""

    media_fieldset = (_("Image and documents"), {"fields": ["image", "documents"]})

    rendered_for_translators = {f"body_{SOURCE_LANGUAGE}": "source_body"}

    @admin.display(description=format_lazy("{} [{}]", _("text"), SOURCE_LANGUAGE))
    def source_body(self, obj):
        # Cleaned against the allow-list, as on the public site.
        source_text = sanitise_html(getattr(obj, f"body_{SOURCE_LANGUAGE}")) or ""
        return format_html('<div class="source-text">{}</div>', mark_safe(source_text))  # noqa: S308

    class Media:
        css = {"all": ["pages/admin.css"]}


@admin.register(Page)
class PageAdmin(RichTextAdmin):
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        RichTextAdmin.media_fieldset,
        (
            _("Publishing"),
            {
                "fields": [
                    "published",
                    *PUBLISHING_TIMES,
                    "kind",
                    "slug",
                    "in_navigation",
                    "in_footer",
                    "ordering",
                ]
            },
        ),
    ]
    list_display = (
        "title",
        "kind",
        "published",
        "schedule",
        "in_navigation",
        "in_footer",
        "ordering",
    )
    list_editable = ("published", "in_navigation", "in_footer", "ordering")
    list_filter = ("kind", "published")
    search_fields = in_every_language("title", "summary")


@admin.register(TargetGroup)
class TargetGroupAdmin(RichTextAdmin):
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        RichTextAdmin.media_fieldset,
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "code", "slug", "ordering"]}),
    ]
    list_display = ("title", "code", "published", "schedule", "ordering")
    list_editable = ("published", "ordering")
    search_fields = in_every_language("title")


@admin.register(Partner)
class PartnerAdmin(ContentAdmin):
    fieldsets = [
        (None, {"fields": ["name", "role", "website"]}),
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "ordering"]}),
    ]
    list_display = ("name", "role", "published", "schedule", "ordering")
    list_editable = ("published", "ordering")
    search_fields = in_every_language("name")


@admin.register(Contact)
class ContactAdmin(ContentAdmin):
    fieldsets = [
        (None, {"fields": ["name", "position", "organisation", "email", "phone"]}),
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "ordering"]}),
    ]
    list_display = ("name", "position", "email", "published", "schedule", "ordering")
    list_editable = ("published", "ordering")
    search_fields = ("name", "email", *in_every_language("position"))
