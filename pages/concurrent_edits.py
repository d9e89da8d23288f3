"""No lost update: staff who edit one item at the same time each keep their work.

django-concurrency gives every content row a version number (``IntegerVersionField``) and
refuses a write whose version is no longer the one read (the race between reading a row and
writing it). On top of it the change form remembers what every field held when it was opened
(Django's ``show_hidden_initial``), and a save:

- writes only the fields this staff member changed; every other field keeps what the database
  holds now, never a stale value from a form opened earlier;
- is refused only when a field this staff member changed was also changed by someone else since
  the form was opened (to something else): that field's error names who and when and shows their
  value. The staff member's input stays in the form, the other fields show the newest values,
  and saving again saves what is then in the form.

The list page's editable columns get the same form, row by row (without the version number:
the row's version as read at the save guards the write).
"""

from django import forms
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

SOMEONE_ELSE_SAVED = _(
    "Someone else saved this item after you opened it and changed some of the fields you "
    "changed. Nothing has been saved yet: compare the fields marked below with their version, "
    "then save again. The other fields show the newest values."
)


def version_field_name(model):
    meta = getattr(model, "_concurrencymeta", None)
    return meta.field.name if meta else None


class ConcurrentEditForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.version_field = version_field_name(self._meta.model)
        self.rebased = {}  # html name: what to show instead of the posted value
        if self.version_field in self.fields:
            self.fields[self.version_field].help_text = ""  # a hidden field
        if self.instance.pk is None:
            return
        for name, field in self.fields.items():
            if name == self.version_field:
                continue
            # A client that does not send what the form held when opened (a script) gets
            # Django's usual comparison with the database's current value.
            if not self.is_bound or self.add_initial_prefix(name) in self.data:
                field.show_hidden_initial = True

    def _widget_data_value(self, widget, html_name):
        if html_name in self.rebased:
            return self.rebased[html_name]
        return super()._widget_data_value(widget, html_name)

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None:
            return cleaned_data
        changed = set(self.changed_data)  # by this staff member, since the form was opened
        conflicts = []
        for name, field in self.fields.items():
            if name == self.version_field:
                continue
            if name not in changed:
                # Not touched: keep the database's value (construct_instance skips it).
                cleaned_data.pop(name, None)
            elif self.changed_by_someone_else(name) and field.has_changed(
                self[name].initial, self[name].data
            ):
                conflicts.append(name)
        for name in conflicts:
            self.add_error(name, self.conflict_message(name))
        if conflicts:
            self.add_error(None, SOMEONE_ELSE_SAVED)
        if self.version_field:
            # The write is checked against the version read now, the one merged with.
            cleaned_data[self.version_field] = getattr(self.instance, self.version_field)
        self.rebase(changed)
        return cleaned_data

    def changed_by_someone_else(self, name):
        bound = self[name]
        if not bound.field.show_hidden_initial:
            return False
        opened = self._widget_data_value(bound.field.hidden_widget(), bound.html_initial_name)
        return bound.field.has_changed(bound.initial, opened)

    def rebase(self, changed):
        """Should the form be shown again: what it was opened with becomes the database's current
        values, the fields not touched show them too, and the staff member's changes stay."""
        rebased = {}
        for name, field in self.fields.items():
            bound = self[name]
            current = bound.initial
            if name == self.version_field:
                rebased[bound.html_name] = str(field.prepare_value(current))
                continue
            rebased[bound.html_initial_name] = field.prepare_value(current)
            if name not in changed:
                rebased[bound.html_name] = current
        self.rebased = rebased

    def conflict_message(self, name):
        model_field = self._meta.model._meta.get_field(name)
        theirs = shown_value(model_field, getattr(self.instance, model_field.attname))
        who, when = last_change(self.instance, model_field)
        values = {"time": formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")}
        values["value"] = theirs
        if who is None:
            return (
                gettext(
                    "Someone else changed this on %(time)s, after you opened this form, to: "
                    "“%(value)s”. Your text is kept in the field: check it and save again."
                )
                % values
            )
        values["name"] = who.get_full_name() or who.get_username()
        return (
            gettext(
                "%(name)s changed this on %(time)s, after you opened this form, to: “%(value)s”. "
                "Your text is kept in the field: check it and save again."
            )
            % values
        )


def shown_value(model_field, value):
    """A value as staff read it: the choice's label, yes or no, the text of rich text."""
    if value is None or value == "":
        return gettext("(empty)")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if getattr(model_field, "sanitize", None):
        return " ".join(strip_tags(value).split())
    return str(value)


def last_change(obj, model_field):
    """(user, time) of the history's version that gave the field its current value: going back
    from the newest version, the last one that still holds it. (None, the item's last change)
    when the value was set outside the admin, which keeps no history of it."""
    current = getattr(obj, model_field.attname)
    setter = None
    versions = Version.objects.get_for_object(obj).select_related("revision__user")
    for version in versions.order_by("-pk"):
        if version.field_dict.get(
            model_field.attname, version.field_dict.get(model_field.name)
        ) != (current):
            break
        setter = version
    if setter is None:
        return None, getattr(obj, "updated_at", None) or timezone.now()
    return setter.revision.user, setter.revision.date_created
