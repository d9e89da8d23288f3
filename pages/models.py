"""The site's content. Every text field is translated by modeltranslation (see translation.py)."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from .html import sanitise_html

LANGUAGE_CODES = ("et", "ru", "en")


class PublishedQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Publishable(models.Model):
    ordering = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Unpublished items are hidden from visitors.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["ordering", "pk"]


class SluggedContent(Publishable):
    """Content with a title, a per-language slug and a sanitised rich-text body."""

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("address"),
        max_length=100,
        blank=True,
        unique=True,
        help_text=_("The last part of the page's web address. Filled in from the title if empty."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and to search engines."),
    )
    body = models.TextField(_("text"), blank=True)

    class Meta(Publishable.Meta):
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_translated_slugs()
        for language in LANGUAGE_CODES:
            field = build_localized_fieldname("body", language)
            setattr(self, field, sanitise_html(getattr(self, field)))
        super().save(*args, **kwargs)

    def fill_translated_slugs(self):
        """Every language gets a slug, so that a URL exists for every language.

        Queries ignore modeltranslation's fallbacks, so an empty Russian slug would make the
        Russian page unreachable: fill it from that language's title, or the Estonian slug.
        """
        estonian_slug = self.slug_et or slugify(self.title_et)
        self.slug_et = estonian_slug
        for language in LANGUAGE_CODES:
            slug_field = build_localized_fieldname("slug", language)
            if not getattr(self, slug_field):
                title = getattr(self, build_localized_fieldname("title", language)) or ""
                setattr(self, slug_field, slugify(title) or estonian_slug)


class Page(SluggedContent):
    class Kind(models.TextChoices):
        HOME = "home", _("Home page")
        PROJECT = "project", _("Project page (with the key facts)")
        TARGET_GROUPS = "target_groups", _("Target groups (lists the groups)")
        PARTNERS = "partners", _("Partners (lists the partners)")
        CONTACTS = "contacts", _("Contacts (lists the contacts)")
        STANDARD = "standard", _("Standard page")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.STANDARD)
    in_navigation = models.BooleanField(_("show in the main menu"), default=False)
    in_footer = models.BooleanField(_("show in the footer"), default=False)

    class Meta(SluggedContent.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=~models.Q(kind="standard"),
                name="one_page_of_each_special_kind",
            )
        ]

    def get_absolute_url(self):
        if self.kind == self.Kind.HOME:
            return reverse("pages:home")
        return reverse("pages:page", kwargs={"slug": self.slug})


class TargetGroup(SluggedContent):
    """One of the project's four target groups; `code` matches the eligibility engine's codes."""

    class Code(models.TextChoices):
        INTERNATIONAL_PROTECTION = (
            "international_protection",
            _("Recipients of international protection"),
        )
        NEW_IMMIGRANT = "new_immigrant", _("Newly arrived immigrants")
        DIVERSE_BACKGROUND = (
            "diverse_background",
            _("People with a diverse linguistic and cultural background"),
        )
        REPATRIATE = "repatriate", _("Repatriates")

    code = models.CharField(_("code"), max_length=40, choices=Code, unique=True)

    class Meta(SluggedContent.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def get_absolute_url(self):
        index = Page.objects.filter(kind=Page.Kind.TARGET_GROUPS).only("slug").first()
        return self.url_under(index)

    def url_under(self, index_page):
        return reverse(
            "pages:target_group", kwargs={"page_slug": index_page.slug, "slug": self.slug}
        )


class Partner(Publishable):
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role in the project"), max_length=300)
    website = models.URLField(_("website"), blank=True)

    class Meta(Publishable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class Contact(Publishable):
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta(Publishable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name
