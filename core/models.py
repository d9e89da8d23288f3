"""Which of the site's languages visitors are shown (staff switch them on in the admin)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SiteLanguage(models.Model):
    """One language of settings.LANGUAGES, and whether visitors are shown it.

    A language is switched on by staff, and only while it is ready (core.languages.readiness);
    nothing switches it off again by itself. The source language is always shown.
    """

    code = models.CharField(_("code"), max_length=15, primary_key=True)
    public = models.BooleanField(
        _("shown to visitors"),
        default=False,
        help_text=_(
            "Visitors are offered the language only while this is ticked. It can be ticked only "
            "when the interface texts and the core pages are translated into the language."
        ),
    )

    class Meta:
        verbose_name = _("site language")
        verbose_name_plural = _("site languages")

    def __str__(self):
        return str(dict(settings.LANGUAGES).get(self.code, self.code))

    def clean(self):
        if self.code == settings.SOURCE_LANGUAGE and not self.public:
            raise ValidationError(
                {"public": _("The source language is always shown: the others fall back on it.")}
            )
        was_public = SiteLanguage.objects.filter(pk=self.pk, public=True).exists()
        if self.public and not was_public:
            from .languages import readiness_gaps

            if gaps := readiness_gaps(self.code):
                raise ValidationError({"public": gaps})
