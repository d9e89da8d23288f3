"""Public content pages. Lookups go through the current language's slug field explicitly:
modeltranslation applies fallbacks when a field is read, never in queries.

Drafts (unpublished pages and target groups, and those whose publishing time has not come or
has gone: pages.scheduling) are 404 for visitors; staff who may view them see them with a
banner, in a response no cache may keep (staff preview, "View on site"). Every view tells the
page cache when what it shows is next published or unpublished by the clock.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from core.languages import paths_by_language
from core.page_cache import changes_at
from measure.parameters import MEASURE, PROJECT_END, PROJECT_START

from .models import Contact, Page, Partner, TargetGroup
from .scheduling import public_items, shown_items


def may_preview(request, item):
    user = request.user
    opts = item._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def visible_or_404(request, item, now=None):
    """The item if visitors see it now or the visitor is staff who may preview it; the page
    cache learns when the item is next published or unpublished by the clock.

    request.user is only looked at for drafts, so public pages never depend on the session.
    """
    now = now or timezone.now()
    if item is None or not (item.is_public(now) or may_preview(request, item)):
        raise Http404
    changes_at(request, item.visibility_changes_at(now))
    return item


def visible_by_slug(request, queryset, slug, now=None):
    lookup = {build_localized_fieldname("slug", get_language()): slug}
    return visible_or_404(request, queryset.filter(**lookup).first(), now)


def shown_index(request, now):
    """The target-groups page, if visitors see it now, or None."""
    shown = shown_items(request, Page.objects.filter(kind=Page.Kind.TARGET_GROUPS), now)
    return shown[0] if shown else None


def shown_groups(request, index, now):
    """The target groups visitors see now, each with `.url` under the target-groups page."""
    return TargetGroup.linked(shown_items(request, TargetGroup.objects, now), index)


def render_content(request, template, context):
    """Render a content page; a draft gets the banner, and no cache keeps it."""
    shown = (context["page"], context.get("index"))
    drafts = [item for item in shown if item is not None and not item.is_public()]
    response = render(request, template, context | {"draft": bool(drafts)})
    if drafts:
        patch_cache_control(response, private=True, no_store=True)
    return response


def home(request):
    now = timezone.now()
    # One query for both; there is one page of each kind at most (Page's constraint).
    kinds = {
        page.kind: page
        for page in Page.objects.filter(kind__in=(Page.Kind.HOME, Page.Kind.TARGET_GROUPS))
    }
    page = visible_or_404(request, kinds.get(Page.Kind.HOME), now)
    index = kinds.get(Page.Kind.TARGET_GROUPS)
    if index is not None and not public_items(request, [index], now):
        index = None
    groups = shown_groups(request, index, now) if index else []
    context = {"page": page, "target_groups": groups}
    return render_content(request, "pages/home.html", context)


def page_detail(request, slug):
    now = timezone.now()
    page = visible_by_slug(request, Page.objects, slug, now)
    if page.kind == Page.Kind.HOME:
        return HttpResponsePermanentRedirect(page.get_absolute_url())
    context = {"page": page, "language_paths": paths_by_language(page.get_absolute_url)}
    if page.kind == Page.Kind.PROJECT:
        context.update(measure=MEASURE, project_start=PROJECT_START, project_end=PROJECT_END)
    elif page.kind == Page.Kind.TARGET_GROUPS:
        context["target_groups"] = shown_groups(request, page, now)
    elif page.kind == Page.Kind.PARTNERS:
        context["partners"] = shown_items(request, Partner.objects, now)
    elif page.kind == Page.Kind.CONTACTS:
        context["contacts"] = shown_items(request, Contact.objects, now)
    return render_content(request, f"pages/{page.kind}.html", context)


def target_group_detail(request, page_slug, slug):
    now = timezone.now()
    index_pages = Page.objects.filter(kind=Page.Kind.TARGET_GROUPS)
    index = visible_by_slug(request, index_pages, page_slug, now)
    group = visible_by_slug(request, TargetGroup.objects, slug, now)
    return render_content(
        request,
        "pages/target_group.html",
        {
            "page": group,
            "index": index,
            "language_paths": paths_by_language(lambda: group.url_under(index)),
        },
    )
