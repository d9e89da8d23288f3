"""Public content pages. Lookups go through the current language's slug field explicitly:
modeltranslation applies fallbacks when a field is read, never in queries."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname

from eligibility.parameters import MEASURE, PROJECT_END, PROJECT_START

from .languages import paths_by_language
from .models import Contact, Page, Partner, TargetGroup


def published_by_slug(queryset, slug):
    lookup = {build_localized_fieldname("slug", get_language()): slug}
    return get_object_or_404(queryset.published(), **lookup)


def linked_target_groups(index_page):
    """Published groups, each with `.url` under the given target-groups page."""
    groups = list(TargetGroup.objects.published())
    for group in groups:
        group.url = group.url_under(index_page)
    return groups


def home(request):
    page = Page.objects.published().filter(kind=Page.Kind.HOME).first()
    if page is None:
        raise Http404
    index = Page.objects.published().filter(kind=Page.Kind.TARGET_GROUPS).first()
    context = {"page": page, "target_groups": linked_target_groups(index) if index else []}
    return render(request, "pages/home.html", context)


def page_detail(request, slug):
    page = published_by_slug(Page.objects, slug)
    if page.kind == Page.Kind.HOME:
        return HttpResponsePermanentRedirect(page.get_absolute_url())
    context = {"page": page, "language_paths": paths_by_language(page.get_absolute_url)}
    if page.kind == Page.Kind.PROJECT:
        context.update(measure=MEASURE, project_start=PROJECT_START, project_end=PROJECT_END)
    elif page.kind == Page.Kind.TARGET_GROUPS:
        context["target_groups"] = linked_target_groups(page)
    elif page.kind == Page.Kind.PARTNERS:
        context["partners"] = Partner.objects.published()
    elif page.kind == Page.Kind.CONTACTS:
        context["contacts"] = Contact.objects.published()
    return render(request, f"pages/{page.kind}.html", context)


def target_group_detail(request, page_slug, slug):
    index = published_by_slug(Page.objects.filter(kind=Page.Kind.TARGET_GROUPS), page_slug)
    group = published_by_slug(TargetGroup.objects, slug)
    return render(
        request,
        "pages/target_group.html",
        {
            "page": group,
            "index": index,
            "language_paths": paths_by_language(lambda: group.url_under(index)),
        },
    )


def page_not_found(request, exception):
    """The site's own 404 in the visitor's language; the switcher offers each home page."""
    context = {
        "language_paths": paths_by_language(lambda: reverse("pages:home")),
        "error_page": True,
    }
    return render(request, "404.html", context, status=404)


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
