"""Public content pages. Lookups go through the current language's slug field explicitly:
modeltranslation applies fallbacks when a field is read, never in queries.

Drafts (unpublished pages and target groups) are 404 for visitors; staff who may view them see
them with a banner, in a response no cache may keep (staff preview, "View on site").
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from core.languages import paths_by_language
from measure.parameters import MEASURE, PROJECT_END, PROJECT_START

from .models import Contact, Page, Partner, TargetGroup


def may_preview(request, item):
    user = request.user
    opts = item._meta
    return (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    )


def visible_or_404(request, item):
    """The item if it is published or the visitor is staff who may preview it.

    request.user is only looked at for drafts, so published pages never depend on the session.
    """
    if item is None or not (item.published or may_preview(request, item)):
        raise Http404
    return item


def visible_by_slug(request, queryset, slug):
    lookup = {build_localized_fieldname("slug", get_language()): slug}
    return visible_or_404(request, queryset.filter(**lookup).first())


def render_content(request, template, context):
    """Render a content page; a draft gets the banner, and no cache keeps it."""
    shown = (context["page"], context.get("index"))
    drafts = [item for item in shown if item is not None and not item.published]
    response = render(request, template, context | {"draft": bool(drafts)})
    if drafts:
        patch_cache_control(response, private=True, no_store=True)
    return response


def home(request):
    page = Page.objects.published().filter(kind=Page.Kind.HOME).first()
    if page is None:
        page = visible_or_404(request, Page.objects.filter(kind=Page.Kind.HOME).first())
    index = Page.objects.published().target_groups_index()
    groups = TargetGroup.objects.published().linked(index) if index else []
    context = {"page": page, "target_groups": groups}
    return render_content(request, "pages/home.html", context)


def page_detail(request, slug):
    page = visible_by_slug(request, Page.objects, slug)
    if page.kind == Page.Kind.HOME:
        return HttpResponsePermanentRedirect(page.get_absolute_url())
    context = {"page": page, "language_paths": paths_by_language(page.get_absolute_url)}
    if page.kind == Page.Kind.PROJECT:
        context.update(measure=MEASURE, project_start=PROJECT_START, project_end=PROJECT_END)
    elif page.kind == Page.Kind.TARGET_GROUPS:
        context["target_groups"] = TargetGroup.objects.published().linked(page)
    elif page.kind == Page.Kind.PARTNERS:
        context["partners"] = Partner.objects.published()
    elif page.kind == Page.Kind.CONTACTS:
        context["contacts"] = Contact.objects.published()
    return render_content(request, f"pages/{page.kind}.html", context)


def target_group_detail(request, page_slug, slug):
    index_pages = Page.objects.filter(kind=Page.Kind.TARGET_GROUPS)
    index = visible_by_slug(request, index_pages, page_slug)
    group = visible_by_slug(request, TargetGroup.objects, slug)
    return render_content(
        request,
        "pages/target_group.html",
        {
            "page": group,
            "index": index,
            "language_paths": paths_by_language(lambda: group.url_under(index)),
        },
    )
