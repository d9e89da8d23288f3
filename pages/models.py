"""The site's content. Every text field is translated by modeltranslation (see translation.py)."""

from concurrency.fields import IntegerVersionField
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorField
from modeltranslation.utils import build_localized_fieldname

from measure.rules import Group
from media_library.models import Illustrated

from .rich_text import RICH_TEXT_EXTENSIONS, sanitise_html
from .scheduling import PublishedQuerySet, Scheduled
from .slugs import slug_from_title

# The target groups' names, as the project description gives them.
GROUP_NAMES = {
    Group.INTERNATIONAL_PROTECTION: _("Recipients of international protection"),
    Group.NEW_IMMIGRANT: _("Newly arrived immigrants"),
    Group.DIVERSE_BACKGROUND: _("People with a diverse linguistic and cultural background"),
    Group.REPATRIATE: _("Repatriates"),
}


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


class PageQuerySet(PublishedQuerySet):
    def target_groups_index(self):
        """The page that lists the target groups (and is the address of each), or None."""
        return self.filter(kind=Page.Kind.TARGET_GROUPS).first()


def publish_permission(model_name: str, plural: str) -> tuple[str, str]:
    """Editors have it, translators don't: publish, arrange, and change the Estonian text.

    Without it, a user who may change an item can change only its Russian and English texts
    (see pages.admin).
    """
    return (
        f"publish_{model_name}",
        f"Can publish and arrange {plural} and change their Estonian text",
    )


class Publishable(Scheduled):
    ordering = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are shown first.")
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    # django-concurrency: a new number at every save; a write of a version that is no longer the
    # stored one is refused (pages.concurrent_edits). Time-based, so it only ever grows, also when
    # an earlier version is restored from the history.
    version = IntegerVersionField(verbose_name=_("version"))

    objects = PublishedQuerySet.as_manager()

    class Meta(Scheduled.Meta):
        abstract = True
        ordering = ["ordering", "pk"]


class SluggedContent(Publishable, Illustrated):
    """Content with a title, a per-language slug, a sanitised rich-text body, and an image and
    documents (media_library)."""

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
    # Edited with django-prose-editor; its toolbar and the sanitiser share one allow-list.
    body = ProseEditorField(
        _("text"), blank=True, extensions=RICH_TEXT_EXTENSIONS, sanitize=sanitise_html
    )

    class Meta(Publishable.Meta):
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.fill_translated_slugs()
        for language in language_codes():
            field = build_localized_fieldname("body", language)
            setattr(self, field, sanitise_html(getattr(self, field)))
        super().save(*args, **kwargs)

    def fill_translated_slugs(self):
        """Every language gets a slug, so that a URL exists for every language.

        Queries ignore modeltranslation's fallbacks, so an empty Russian slug would make the
        Russian page unreachable: fill it from that language's title (romanised, pages.slugs),
        or the source language's (Estonian) slug.
        """
        source = settings.SOURCE_LANGUAGE
        source_slug_field = build_localized_fieldname("slug", source)
        source_slug = getattr(self, source_slug_field) or slug_from_title(
            getattr(self, build_localized_fieldname("title", source)), source
        )
        setattr(self, source_slug_field, source_slug)
        for language in language_codes():
            slug_field = build_localized_fieldname("slug", language)
            if not getattr(self, slug_field):
                title = getattr(self, build_localized_fieldname("title", language)) or ""
                setattr(self, slug_field, slug_from_title(title, language) or source_slug)


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

    objects = PageQuerySet.as_manager()

    class Meta(SluggedContent.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [publish_permission("page", "pages")]
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

    @classmethod
    def url_of_kind(cls, kind):
        """The address of the page that lists items of a kind (partners, contacts), or the home
        page while there is none."""
        page = cls.objects.filter(kind=kind).first()
        return page.get_absolute_url() if page else reverse("pages:home")


class TargetGroup(SluggedContent):
    """One of the project's four target groups; `code` is the eligibility engine's group code."""

    # The engine's group codes, named.
    Code = models.TextChoices(
        "Code", [(group.name, (group.value, GROUP_NAMES[group])) for group in Group]
    )

    code = models.CharField(_("code"), max_length=40, choices=Code, unique=True)

    class Meta(SluggedContent.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        permissions = [publish_permission("targetgroup", "target groups")]

    def get_absolute_url(self):
        index = Page.objects.target_groups_index()
        if index is None:
            return reverse("pages:home")
        return self.url_under(index)

    @staticmethod
    def linked(groups, index_page):
        """The groups, each with `.url`: its address under the target-groups page."""
        for group in groups:
            group.url = group.url_under(index_page)
        return groups

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
        permissions = [publish_permission("partner", "partners")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Partners have no page of their own: they are listed on the partners page."""
        return Page.url_of_kind(Page.Kind.PARTNERS)


class Contact(Publishable):
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    class Meta(Publishable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        permissions = [publish_permission("contact", "contacts")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """Contacts have no page of their own: they are listed on the contacts page."""
        return Page.url_of_kind(Page.Kind.CONTACTS)
