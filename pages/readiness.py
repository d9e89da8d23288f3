"""What the core pages still lack in a language: one of settings.LANGUAGE_READINESS_CHECKS.

The core pages are those every visitor needs: the home, project, target-groups, partners and
contacts pages, with the target groups, partners and contacts they list (the checker's texts are
all in the interface catalog). A language can be switched on only when these have their texts
in it; other pages may follow, shown in Estonian with a note until they are translated.
"""

from django.utils.translation import gettext as _

from core.languages import untranslated_fields

from .models import Contact, Page, Partner, TargetGroup

CORE_PAGE_KINDS = (
    Page.Kind.HOME,
    Page.Kind.PROJECT,
    Page.Kind.TARGET_GROUPS,
    Page.Kind.PARTNERS,
    Page.Kind.CONTACTS,
)


def core_items():
    """Every published item a core page shows."""
    yield from Page.objects.published().filter(kind__in=CORE_PAGE_KINDS)
    for model in (TargetGroup, Partner, Contact):
        yield from model.objects.published()


def core_page_gaps(language: str) -> list[str]:
    gaps = []
    for item in core_items():
        fields = untranslated_fields(item, language)
        if fields:
            labels = ", ".join(str(item._meta.get_field(name).verbose_name) for name in fields)
            gaps.append(
                _("%(item)s (%(kind)s) has no %(fields)s in this language.")
                % {"item": item, "kind": item._meta.verbose_name, "fields": labels}
            )
    return gaps
