"""The admin of services, locations, events, series and news: the same tabs per language,
history, drafts and editor/translator roles as the pages (pages.admin.ContentAdmin)."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pages.admin import PUBLISHING_TIMES, ContentAdmin, RichTextAdmin, in_every_language

from .models import Event, EventSeries, Language, Location, NewsItem, Service
from .parameters import SERVICE_CHECK_INTERVAL

CHECKBOXES = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}


class AudienceForm(forms.ModelForm):
    """Who it is for: one or more target groups, or everyone."""

    def clean(self):
        cleaned = super().clean()
        asked = {"target_groups", "for_everyone"} <= set(self.fields)  # translators: not
        if asked and not cleaned.get("for_everyone") and not cleaned.get("target_groups"):
            self.add_error("target_groups", _('Choose the target groups, or tick "for everyone".'))
        return cleaned


class CheckedFilter(admin.SimpleListFilter):
    title = _("information checked")
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [
            ("due", _("More than six months ago, or never")),
            ("recent", _("Within six months")),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "due":
            return queryset.due_for_check(today)
        if self.value() == "recent":
            return queryset.filter(checked_on__gte=today - SERVICE_CHECK_INTERVAL)
        return queryset


@admin.register(Language)
class LanguageAdmin(admin.ModelAdmin):
    list_display = ("code", "ordering")  # the code's choice: its name in the staff's language
    list_editable = ("ordering",)


@admin.register(Location)
class LocationAdmin(ContentAdmin):
    fieldsets = [
        (None, {"fields": ["name", "address", "directions", "opening_hours"]}),
        (
            _("Accessibility"),
            {
                "fields": [
                    "step_free_entrance",
                    "accessible_toilet",
                    "hearing_loop",
                    "accessibility_notes",
                ]
            },
        ),
        (_("Map"), {"fields": ["openstreetmap_url"]}),
    ]
    list_display = ("name", "address", "is_sample")
    list_filter = ("is_sample",)
    search_fields = in_every_language("name", "address")


@admin.register(Service)
class ServiceAdmin(RichTextAdmin):
    form = AudienceForm
    formfield_overrides = ContentAdmin.formfield_overrides | CHECKBOXES
    fieldsets = [
        (None, {"fields": ["title", "summary", "body", "provider", "scope"]}),
        RichTextAdmin.media_fieldset,
        (
            _("For whom and where"),
            {"fields": ["target_groups", "for_everyone", "languages", "location", "online"]},
        ),
        (
            _("Taking part"),
            {"fields": ["participation", "how_to_take_part", "what_to_bring", "free", "cost"]},
        ),
        (_("Contact"), {"fields": ["email", "phone", "website", "checked_on"]}),
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "slug", "ordering"]}),
    ]
    list_display = (
        "title",
        "provider",
        "scope",
        "checked",
        "published",
        "schedule",
        "ordering",
        "is_sample",
    )
    list_editable = ("published", "ordering")
    list_filter = ("published", "scope", CheckedFilter, "is_sample")
    search_fields = in_every_language("title", "provider")

    @admin.display(description=_("information checked"), ordering="checked_on")
    def checked(self, service):
        due = timezone.localdate() - SERVICE_CHECK_INTERVAL
        if service.checked_on is None:
            return format_html("<strong>{}</strong>", _("never: check it"))
        if service.checked_on < due:
            checked = date_format(service.checked_on, "SHORT_DATE_FORMAT")
            return format_html("<strong>{}</strong>", _("%(date)s: check it") % {"date": checked})
        return service.checked_on


class EventFields:
    formfield_overrides = ContentAdmin.formfield_overrides | CHECKBOXES
    audience = (
        _("For whom"),
        {
            "fields": [
                "target_groups",
                "for_everyone",
                "languages",
                "estonian_level",
                "capacity",
                "children_take_seats",
                "waiting_list_size",
            ]
        },
    )


@admin.register(Event)
class EventAdmin(EventFields, RichTextAdmin):
    form = AudienceForm
    fieldsets = [
        (None, {"fields": ["title", "body", "service"]}),
        RichTextAdmin.media_fieldset,
        (_("When and where"), {"fields": ["starts_at", "ends_at", "location", "online_url"]}),
        EventFields.audience,
        (_("Sign-up"), {"fields": ["signup_opens_at", "signup_closes_at", "signups"]}),
        (_("Cancelling"), {"fields": ["cancelled", "cancellation_reason"]}),
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "in_series"]}),
    ]
    readonly_fields = ("in_series", "signups")
    list_display = (
        "title",
        "starts_at",
        "location",
        "cancelled",
        "published",
        "schedule",
        "is_sample",
    )
    list_filter = ("published", "cancelled", "is_sample")
    list_select_related = ("location",)
    date_hierarchy = "starts_at"
    search_fields = in_every_language("title")

    @admin.display(description=_("sign-ups"))
    def signups(self, event):
        """Links to the sign-up app's admin (by URL name: this app does not import it)."""
        if event.pk is None or event.capacity is None:
            return "–"
        listed = reverse("admin:signup_registration_changelist") + f"?event__id__exact={event.pk}"
        add = reverse("admin:signup_registration_add") + f"?event={event.pk}"
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            listed,
            _("See who signed up"),
            add,
            _("Sign someone up (phone, in person)"),
        )

    @admin.display(description=_("series"))
    def in_series(self, event):
        if event.series_id is None:
            return "–"
        url = reverse("admin:activities_eventseries_change", args=[event.series_id])
        note = _("Changing this date here changes it alone.")
        return format_html('<a href="{}">{}</a><br>{}', url, event.series, note)


class WeekdaysField(forms.MultipleChoiceField):
    """Weekdays as checkboxes, kept as "MO,WE" in the database."""

    widget = forms.CheckboxSelectMultiple

    def prepare_value(self, value):
        return value.split(",") if isinstance(value, str) else value

    def clean(self, value):
        return ",".join(super().clean(value))


class SeriesForm(AudienceForm):
    weekdays = WeekdaysField(label=_("on"), choices=EventSeries.Weekday.choices)
    apply_from = forms.DateField(
        label=_("apply the changes from"),
        required=False,
        help_text=_(
            "Dates from this day on get the changes (a date changed on its own too); "
            "earlier dates stay as they are. Empty: today."
        ),
    )


@admin.register(EventSeries)
class EventSeriesAdmin(EventFields, RichTextAdmin):
    form = SeriesForm
    list_display = ("title", "first_day", "weekdays", "last_day", "times", "published", "schedule")
    list_filter = ("published", "is_sample")
    readonly_fields = ("dates",)
    search_fields = in_every_language("title")

    fieldsets = [
        (None, {"fields": ["title", "body", "service"]}),
        RichTextAdmin.media_fieldset,
        (
            _("Dates"),
            {
                "fields": [
                    "first_day",
                    "weekdays",
                    "every_weeks",
                    "last_day",
                    "times",
                    "start_time",
                    "end_time",
                ]
            },
        ),
        (_("Where"), {"fields": ["location", "online_url"]}),
        EventFields.audience,
        (_("Cancelling"), {"fields": ["cancelled", "cancellation_reason"]}),
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES]}),
        (_("Its dates"), {"fields": ["apply_from", "dates"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        # A new series has no dates yet: all of them are made from its rules.
        return fieldsets if obj is not None else fieldsets[:-1]

    @admin.display(description=_("dates"))
    def dates(self, series):
        events = series.events.order_by("starts_at")
        rows = (
            (
                reverse("admin:activities_event_change", args=[event.pk]),
                date_format(localtime(event.starts_at), "SHORT_DATETIME_FORMAT"),
                _("cancelled") if event.cancelled else "",
            )
            for event in events
        )
        items = format_html_join("", '<li><a href="{}">{}</a> {}</li>', rows)
        return format_html("<ul>{}</ul>", items)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        series = form.instance
        first = series.first_day
        if change:
            first = form.cleaned_data.get("apply_from") or timezone.localdate()
        series.apply_from(first)
        count = series.events.filter(occurrence__gte=first).count()
        messages.info(
            request,
            ngettext(
                "%(count)d date from %(day)s on has what the series says.",
                "%(count)d dates from %(day)s on have what the series says.",
                count,
            )
            % {"count": count, "day": first},
        )


@admin.register(NewsItem)
class NewsItemAdmin(RichTextAdmin):
    fieldsets = [
        (None, {"fields": ["title", "summary", "body"]}),
        RichTextAdmin.media_fieldset,
        (_("Publishing"), {"fields": ["published", *PUBLISHING_TIMES, "published_on", "slug"]}),
    ]
    list_display = ("title", "published_on", "published", "schedule", "is_sample")
    list_editable = ("published",)
    list_filter = ("published", "is_sample")
    date_hierarchy = "published_on"
    search_fields = in_every_language("title", "summary")
