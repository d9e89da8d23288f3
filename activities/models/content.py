"""Services, the places they are given at, and news."""

from urllib.parse import urlsplit

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from pages.models import PublishedQuerySet, SluggedContent, TargetGroup, publish_permission

from ..parameters import SERVICE_CHECK_INTERVAL


def language_choices():
    """Every language Django knows by name, named and sorted in the staff member's language
    (Django's own catalogs translate the names)."""
    return sorted(
        ((code, gettext(info["name"])) for code, info in LANG_INFO.items() if "name" in info),
        key=lambda choice: choice[1].casefold(),
    )


class Language(models.Model):
    """A language a service or event is given in (any language, not only the site's)."""

    code = models.CharField(_("language"), max_length=10, unique=True, choices=language_choices)
    ordering = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )

    class Meta:
        ordering = ["ordering", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name

    @property
    def name(self):
        """The language's name in the visitor's language (from Django's own catalogs)."""
        return str(get_language_info(self.code)["name_translated"])


class Sample(models.Model):
    """Content that `manage.py demo load` made, for a newcomer to see the site full."""

    is_sample = models.BooleanField(
        _("sample"),
        default=False,
        editable=False,
        help_text=_("Made by the demo command; `manage.py demo remove` deletes it."),
    )

    class Meta:
        abstract = True


class Audience(Sample):
    """For whom (target groups, or everyone) and in which languages."""

    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="%(class)ss"
    )
    for_everyone = models.BooleanField(_("for everyone"), default=False)
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages"), blank=True, related_name="%(class)ss"
    )

    class Meta:
        abstract = True


class AudienceQuerySet(PublishedQuerySet):
    """Items with `target_groups`, `for_everyone` and `languages`."""

    def _with_related(self, field, lookup, value):
        through = self.model._meta.get_field(field).remote_field.through
        own = f"{self.model._meta.model_name}_id"
        return through.objects.filter(**{lookup: value}).values(own)

    def for_group(self, code):
        """For the target group with this code, or for everyone."""
        chosen = self._with_related("target_groups", "targetgroup__code", code)
        return self.filter(Q(for_everyone=True) | Q(pk__in=chosen))

    def for_groups(self, codes):
        chosen = self._with_related("target_groups", "targetgroup__code__in", codes)
        return self.filter(Q(for_everyone=True) | Q(pk__in=chosen))

    def in_language(self, code):
        return self.filter(pk__in=self._with_related("languages", "language__code", code))


class ServiceQuerySet(AudienceQuerySet):
    def due_for_check(self, today):
        """Those whose information was last checked longer ago than SERVICE_CHECK_INTERVAL,
        or never."""
        since = today - SERVICE_CHECK_INTERVAL
        return self.filter(Q(checked_on__lt=since) | Q(checked_on=None))


def validate_openstreetmap(url):
    host = (urlsplit(url).hostname or "").lower()
    if not any(
        host == name or host.endswith(f".{name}") for name in ("openstreetmap.org", "osm.org")
    ):
        raise ValidationError(_("Enter a link to openstreetmap.org."))


class Location(Sample):
    name = models.CharField(_("name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    directions = models.TextField(_("how to get there"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    step_free_entrance = models.BooleanField(_("step-free entrance"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("hearing loop"), null=True, blank=True)
    accessibility_notes = models.TextField(_("more about accessibility"), blank=True)
    openstreetmap_url = models.URLField(
        _("link to OpenStreetMap"),
        blank=True,
        validators=[validate_openstreetmap],
        help_text=_("The place on openstreetmap.org (the site shows a link, not a map)."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        permissions = [publish_permission("location", "locations")]

    def __str__(self):
        return self.name

    def accessibility_facts(self):
        """(fact, True/False) for each accessibility fact that is known."""
        facts = [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in ("step_free_entrance", "accessible_toilet", "hearing_loop")
        ]
        return [(label, value) for label, value in facts if value is not None]


class UniqueSlugs(SluggedContent):
    """Translated slugs filled from the titles, made unique by a number where titles repeat."""

    class Meta(SluggedContent.Meta):
        abstract = True

    def fill_translated_slugs(self):
        super().fill_translated_slugs()
        for language in [code for code, _name in settings.LANGUAGES]:
            field = build_localized_fieldname("slug", language)
            base = slugify(getattr(self, field))[:90] or "x"
            slug, number = base, 1
            others = type(self).objects.exclude(pk=self.pk)
            while others.filter(**{field: slug}).exists():
                number += 1
                slug = f"{base}-{number}"
            setattr(self, field, slug)


class Service(UniqueSlugs, Audience):  # noqa: DJ008 - __str__ is SluggedContent's
    class Scope(models.TextChoices):
        PROJECT = "project", _("The project's own")
        LOCAL = "local", _("Kohtla-Järve")
        NATIONAL = "national", _("National")

    class Participation(models.TextChoices):
        DROP_IN = "drop_in", _("Drop in")
        APPOINTMENT = "appointment", _("By appointment")
        EVENT_SIGN_UP = "event_sign_up", _("Sign up for an event")
        ONLINE = "online", _("Online")

    scope = models.CharField(_("scope"), max_length=20, choices=Scope, default=Scope.PROJECT)
    provider = models.CharField(_("provider"), max_length=200)
    location = models.ForeignKey(
        Location, models.SET_NULL, verbose_name=_("location"), null=True, blank=True
    )
    online = models.BooleanField(_("given online"), default=False)
    participation = models.CharField(
        _("how to take part"), max_length=20, choices=Participation, blank=True
    )
    how_to_take_part = models.TextField(_("how to take part, in words"), blank=True)
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    free = models.BooleanField(_("free of charge"), null=True, blank=True)
    cost = models.CharField(_("cost"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("provider's page about it"), blank=True)
    checked_on = models.DateField(
        _("information checked on"),
        null=True,
        blank=True,
        help_text=_("The day someone last made sure this information is right."),
    )

    objects = ServiceQuerySet.as_manager()

    class Meta(SluggedContent.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
        permissions = [publish_permission("service", "services")]

    def get_absolute_url(self):
        return reverse("activities:service", kwargs={"slug": self.slug})


class NewsItem(UniqueSlugs, Sample):  # noqa: DJ008 - __str__ is SluggedContent's
    ordering = None  # news are in date order
    published_on = models.DateField(_("publication date"), default=timezone.localdate)

    class Meta(SluggedContent.Meta):
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        permissions = [publish_permission("newsitem", "news")]

    def get_absolute_url(self):
        return reverse("activities:news_item", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.published_on and self.published_on > timezone.localdate():
            raise ValidationError(
                {
                    "published_on": _(
                        "The date cannot be in the future: save the item unpublished until then."
                    )
                }
            )
