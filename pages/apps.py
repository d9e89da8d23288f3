from django.apps import AppConfig
from django.db.models import Q
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def fill_empty_addresses(sender, using="default", apps=None, **kwargs):
    """post_migrate: every item has an address in every language of settings.LANGUAGES.

    A language added to settings gets its columns from a migration, empty; without an address
    in it, an item's page in that language could not be found. Filled as saving fills them
    (SluggedContent.fill_translated_slugs): from the item's title in that language, else its
    Estonian address.
    """
    from modeltranslation.utils import build_localized_fieldname

    from .models import Page, TargetGroup, language_codes

    fields = [build_localized_fieldname("slug", code) for code in language_codes()]
    if apps is not None:  # the database as `migrate` left it: maybe migrated back, without them
        columns = {field.name for field in apps.get_model("pages", "Page")._meta.fields}
        if not set(fields) <= columns:
            return
    empty = Q()
    for field in fields:
        empty |= Q(**{field: None}) | Q(**{field: ""})
    for model in (Page, TargetGroup):
        for item in model.objects.using(using).filter(empty):
            item.fill_translated_slugs()
            model.objects.using(using).filter(pk=item.pk).update(
                **{field: getattr(item, field) for field in fields}
            )


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Site content")

    def ready(self):
        from staff.start_page import Section, add_section

        from .start_page import drafts_section

        add_section(Section("drafts", "admin/start_page/drafts.html", drafts_section, order=20))

        post_migrate.connect(fill_empty_addresses, sender=self, dispatch_uid="fill-addresses")
