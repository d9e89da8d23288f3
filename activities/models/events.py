"""Events, and series of them: each date of a series is an Event with its own page."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from dateutil.rrule import FR, MO, SA, SU, TH, TU, WE, WEEKLY, rrule
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from media_library.models import Illustrated
from pages.models import publish_permission
from pages.rich_text import RICH_TEXT_EXTENSIONS, sanitise_html
from pages.scheduling import Scheduled, earliest, public_now, schedule_changes

from ..parameters import SERIES_MAX_DATES
from .content import Audience, AudienceQuerySet, Location, Service


class EventQuerySet(AudienceQuerySet):
    def upcoming(self, now):
        """Not over yet (those under way included), the soonest first."""
        return self.filter(ends_at__gt=now).order_by("starts_at", "pk")

    def past(self, now):
        return self.filter(ends_at__lte=now).order_by("-starts_at", "-pk")

    def timeline(self, now):
        """In one query: how many visitors see upcoming and past, and the next moment the clock
        changes either list, or None. That is when the first of the upcoming ends (it moves
        from one list to the other; one that starts stays upcoming until it ends), or when an
        event is published or unpublished by the clock (pages.scheduling)."""
        public = public_now(now)
        found = self.aggregate(
            upcoming=Count("pk", filter=public & Q(ends_at__gt=now)),
            past=Count("pk", filter=public & Q(ends_at__lte=now)),
            first_end=Min("ends_at", filter=public & Q(ends_at__gt=now)),
            **schedule_changes(now),
        )
        moments = (found.pop(name) for name in ("first_end", "appears_at", "disappears_at"))
        return found | {"changes_at": earliest(*moments)}


class EventDetails(Scheduled, Illustrated, Audience):
    """What an event says, and what a series gives each of its dates."""

    class Level(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"

    title = models.CharField(_("title"), max_length=200)
    body = ProseEditorField(
        _("text"), blank=True, extensions=RICH_TEXT_EXTENSIONS, sanitize=sanitise_html
    )
    service = models.ForeignKey(
        Service,
        models.SET_NULL,
        verbose_name=_("service"),
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    location = models.ForeignKey(
        Location,
        models.SET_NULL,
        verbose_name=_("location"),
        null=True,
        blank=True,
        related_name="%(class)ss",
    )
    online_url = models.URLField(
        _("online at"), blank=True, help_text=_("The link to join online, if it is online.")
    )
    estonian_level = models.CharField(
        _("Estonian language level"),
        max_length=2,
        choices=Level,
        blank=True,
        help_text=_("For Estonian practice: the level it is meant for (A1–C1)."),
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty: no sign-up, anyone may come.")
    )
    children_take_seats = models.BooleanField(
        _("children take places"),
        default=False,
        help_text=_("Accompanying children signed up count against the places."),
    )
    waiting_list_size = models.PositiveIntegerField(
        _("places on the waiting list"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit; 0: no waiting list."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for language in [code for code, _name in settings.LANGUAGES]:
            field = build_localized_fieldname("body", language)
            setattr(self, field, sanitise_html(getattr(self, field)))
        super().save(*args, **kwargs)


class Event(EventDetails):
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    cancelled = models.BooleanField(_("cancelled"), default=False)
    cancellation_reason = models.CharField(_("why it is cancelled"), max_length=300, blank=True)
    signup_opens_at = models.DateTimeField(
        _("sign-up opens"), null=True, blank=True, help_text=_("Empty: as soon as it is published.")
    )
    signup_closes_at = models.DateTimeField(
        _("sign-up closes"), null=True, blank=True, help_text=_("Empty: when the event starts.")
    )
    series = models.ForeignKey(
        "EventSeries",
        models.CASCADE,
        verbose_name=_("series"),
        null=True,
        blank=True,
        editable=False,
        related_name="events",
    )
    # The date the series' rule gave this event, even after the event alone was moved.
    occurrence = models.DateField(_("date in the series"), null=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [publish_permission("event", "events")]
        constraints = [
            models.UniqueConstraint(fields=["series", "occurrence"], name="one_event_a_date"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_it_starts"
            ),
        ]

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("An event must end after it starts.")})

    def get_absolute_url(self):
        return reverse("activities:event", kwargs={"pk": self.pk})

    def is_over(self, now=None):
        return self.ends_at <= (now or timezone.now())


class EventSeries(EventDetails):
    """A repeating activity: every week, or every n weeks, on given weekdays, until a day or
    for a number of times. Saving it makes or changes its dates (apply_from)."""

    class Weekday(models.TextChoices):
        MO = "MO", _("Monday")
        TU = "TU", _("Tuesday")
        WE = "WE", _("Wednesday")
        TH = "TH", _("Thursday")
        FR = "FR", _("Friday")
        SA = "SA", _("Saturday")
        SU = "SU", _("Sunday")

    RULE_WEEKDAYS = {"MO": MO, "TU": TU, "WE": WE, "TH": TH, "FR": FR, "SA": SA, "SU": SU}
    # Copied to every date; the translated ones in every language.
    COPIED_FIELDS = (
        "service",
        "location",
        "image",
        "online_url",
        "for_everyone",
        "estonian_level",
        "capacity",
        "children_take_seats",
        "waiting_list_size",
        "published",
        "publish_from",
        "unpublish_at",
        "is_sample",
    )
    COPIED_TEXTS = ("title", "body")

    first_day = models.DateField(_("first date"))
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    every_weeks = models.PositiveSmallIntegerField(
        _("every how many weeks"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("1: every week, 2: every other week …"),
    )
    weekdays = models.CharField(_("on"), max_length=20, help_text=_("One or more weekdays."))
    last_day = models.DateField(_("until"), null=True, blank=True)
    times = models.PositiveSmallIntegerField(
        _("or this many times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(SERIES_MAX_DATES)],
    )
    cancelled = models.BooleanField(
        _("cancelled"),
        default=False,
        help_text=_("Cancels the dates from the day the change applies from."),
    )
    cancellation_reason = models.CharField(_("why it is cancelled"), max_length=300, blank=True)

    class Meta:
        ordering = ["first_day", "pk"]
        verbose_name = _("series of events")
        verbose_name_plural = _("series of events")
        permissions = [publish_permission("eventseries", "series of events")]

    def weekday_codes(self):
        return [code for code in self.weekdays.split(",") if code in self.RULE_WEEKDAYS]

    def rule(self):
        return rrule(
            WEEKLY,
            interval=self.every_weeks,
            byweekday=[self.RULE_WEEKDAYS[code] for code in self.weekday_codes()],
            dtstart=datetime.combine(self.first_day, time()),
            until=datetime.combine(self.last_day, time()) if self.last_day else None,
            count=None if self.last_day else self.times,
        )

    def dates(self):
        """The dates of the series (at most one more than SERIES_MAX_DATES, for clean())."""
        return [moment.date() for moment in self.rule()[: SERIES_MAX_DATES + 1]]

    def clean(self):
        super().clean()
        errors = {}
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("An event must end after it starts.")
        if bool(self.last_day) == bool(self.times):
            errors["last_day"] = _("Give either the last date or the number of times, not both.")
        elif self.last_day and self.first_day and self.last_day < self.first_day:
            errors["last_day"] = _("The last date cannot be before the first.")
        if not self.weekday_codes():
            errors["weekdays"] = _("Choose at least one weekday.")
        if errors:
            raise ValidationError(errors)
        count = len(self.dates())
        if count == 0:
            raise ValidationError(_("These rules give no date at all."))
        if count > SERIES_MAX_DATES:
            raise ValidationError(
                ngettext_lazy(
                    "A series can have at most %(limit)d date.",
                    "A series can have at most %(limit)d dates.",
                    "limit",
                )
                % {"limit": SERIES_MAX_DATES}
            )

    @transaction.atomic
    def apply_from(self, first_changed):
        """Make the dates from `first_changed` on what the series says, keeping each date's
        own page: a date the rules still give is updated, a new one is made, one they no longer
        give is deleted (or cancelled, if people signed up for it). Earlier dates are left as
        they are. A date cancelled on its own stays cancelled."""
        zone = ZoneInfo(settings.TIME_ZONE)
        existing = {
            event.occurrence: event for event in self.events.filter(occurrence__gte=first_changed)
        }
        languages, groups = list(self.languages.all()), list(self.target_groups.all())
        documents = list(self.documents.all())
        texts = [
            build_localized_fieldname(name, code)
            for name in self.COPIED_TEXTS
            for code, _name in settings.LANGUAGES
        ]
        for day in self.dates():
            if day < first_changed:
                continue
            event = existing.pop(day, None) or Event(series=self, occurrence=day)
            for name in (*self.COPIED_FIELDS, *texts):
                setattr(event, name, getattr(self, name))
            event.starts_at = datetime.combine(day, self.start_time, tzinfo=zone)
            event.ends_at = datetime.combine(day, self.end_time, tzinfo=zone)
            if self.cancelled:
                event.cancelled = True
                for code, _name in settings.LANGUAGES:
                    name = build_localized_fieldname("cancellation_reason", code)
                    setattr(event, name, getattr(self, name))
            event.save()
            event.languages.set(languages)
            event.target_groups.set(groups)
            event.documents.set(documents)
        for event in existing.values():
            if event.registrations.exists():
                # People signed up for it (the sign-up app's rows): it is cancelled, and they
                # are told, rather than deleted under them.
                event.cancelled = True
                event.save()
            else:
                event.delete()
