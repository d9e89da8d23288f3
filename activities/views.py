"""Public pages of services, events and news, in every language, server-rendered.

Lists are paginated and narrowed by a GET form; each runs the same number of queries however
many items there are. A page that lists events declares when it next changes by itself
(core.page_cache.changes_at), so the page cache never shows an event that has ended as upcoming.
Drafts are 404 for visitors and shown to staff with a banner, as pages are (pages.views).
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from core.languages import paths_by_language
from core.page_cache import changes_at
from pages.scheduling import declare_schedule, public_items, with_schedule
from pages.views import render_content, shown_index, visible_by_slug, visible_or_404

from .filters import ListFilters, list_query, page_of
from .listing import next_events
from .models import Event, NewsItem, Service
from .structured_data import event_json_ld


def list_language_paths(url_name, query):
    """The same list, with the same filters and page, in every language."""
    suffix = f"?{query}" if query else ""
    return paths_by_language(lambda: reverse(url_name) + suffix)


def render_list(request, template, url_name, page, filters=None, **context):
    query = list_query(filters, page.number)
    context |= {
        "filters": filters,
        "page_obj": page,
        "list_url": reverse(url_name),
        "language_paths": list_language_paths(url_name, query),
    }
    response = render(request, template, context)
    if filters and not filters.is_valid():
        response.status_code = 400  # the form says what was wrong; the list is not narrowed
    return response


def scheduled_page(request, candidates, filters=None, now=None):
    """The requested page of those of `candidates` visitors see now; the page cache learns
    when the clock next publishes or unpublishes one of them (pages.scheduling)."""
    now = now or timezone.now()
    page = page_of(request, with_schedule(candidates.published(now), candidates, now), filters)
    declare_schedule(request, page.object_list, candidates, now)
    return page


def service_list(request):
    filters = ListFilters(request.GET)
    services = filters.narrow(Service.objects.all())
    listed = services.select_related("location").prefetch_related("languages")
    page = scheduled_page(request, listed, filters)
    return render_list(
        request, "activities/service_list.html", "activities:services", page, filters
    )


def event_list(request, past=False):
    now = timezone.now()
    filters = ListFilters(request.GET)
    events = filters.narrow(Event.objects.all())
    timeline = events.timeline(now)  # also when the clock publishes or unpublishes one
    changes_at(request, timeline["changes_at"])
    shown = events.published(now)
    listed = shown.past(now) if past else shown.upcoming(now)
    listed = listed.select_related("location").prefetch_related("languages")
    page = page_of(request, listed, filters, count=timeline["past" if past else "upcoming"])
    url_name = "activities:past_events" if past else "activities:events"
    return render_list(
        request, "activities/event_list.html", url_name, page, filters, past=past, now=now
    )


def past_event_list(request):
    return event_list(request, past=True)


def news_list(request):
    page = scheduled_page(request, NewsItem.objects.all())
    return render_list(request, "activities/news_list.html", "activities:news", page)


def service_detail(request, slug):
    now = timezone.now()
    services = Service.objects.select_related("location", "image").prefetch_related(
        "languages", "target_groups"
    )
    service = visible_by_slug(request, services, slug, now)
    context = {
        "page": service,
        "events": next_events(request, service.events, now=now),
        "groups": public_items(request, service.target_groups.all(), now),
        "language_paths": paths_by_language(service.get_absolute_url),
    }
    return render_content(request, "activities/service_detail.html", context)


def event_detail(request, pk):
    now = timezone.now()
    events = Event.objects.select_related("location", "service", "image").prefetch_related(
        "languages", "target_groups"
    )
    event = visible_or_404(request, events.filter(pk=pk).first(), now)
    over = event.is_over(now)
    if not over:
        changes_at(request, event.ends_at)  # then it says that it is over
    if event.service:
        changes_at(request, event.service.visibility_changes_at(now))
        if not event.service.is_public(now):
            event.service = None  # for this page only: visitors don't see it (yet)
    index = shown_index(request, now)
    groups = public_items(request, event.target_groups.all(), now)
    for group in groups:
        group.url = group.url_under(index) if index else None
    context = {
        "page": event,
        "over": over,
        "groups": groups,
        "json_ld": event_json_ld(request, event),
    }
    return render_content(request, "activities/event_detail.html", context)


def news_detail(request, slug):
    item = visible_by_slug(request, NewsItem.objects.select_related("image"), slug)
    context = {"page": item, "language_paths": paths_by_language(item.get_absolute_url)}
    return render_content(request, "activities/news_detail.html", context)
