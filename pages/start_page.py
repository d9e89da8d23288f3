"""The drafts section of the admin's start page (staff.start_page): unpublished items of every
model a ContentAdmin edits (so also of the apps whose admins reuse it), with links."""

from django.apps import apps
from django.urls import reverse

# Per kind, the start page lists this many drafts and links to the list of all of them.
DRAFTS_SHOWN = 10


def content_model_admins(site):
    """(model, admin) of every model a ContentAdmin edits that has drafts (a `published` flag)."""
    from .admin import ContentAdmin

    for model in apps.get_models():
        fields = {field.name for field in model._meta.fields}
        if "published" in fields and site.is_registered(model):
            model_admin = site.get_model_admin(model)
            if isinstance(model_admin, ContentAdmin):
                yield model, model_admin


def drafts_section(request, site):
    viewable = [
        model
        for model, model_admin in content_model_admins(site)
        if model_admin.has_view_permission(request)
    ]
    if not viewable:
        return None
    kinds = []
    for model in viewable:
        drafts = model.objects.filter(published=False)
        count = drafts.count()
        if not count:
            continue
        opts = model._meta
        change = f"{site.name}:{opts.app_label}_{opts.model_name}_change"
        changelist = reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_changelist")
        kinds.append(
            {
                "name": opts.verbose_name,
                "name_plural": opts.verbose_name_plural,
                "count": count,
                "more": count > DRAFTS_SHOWN,
                "list_url": f"{changelist}?published__exact=0",
                "drafts": [
                    {"item": item, "url": reverse(change, args=[item.pk])}
                    for item in drafts[:DRAFTS_SHOWN]
                ],
            }
        )
    return {"kinds": kinds}
