"""What other apps' pages show of services, events and news, without importing this app: the
home page and each target group's page load these tags (templates/activities/*_section.html)."""

from django import template

from ..filters import list_query
from ..listing import latest_news, next_events, next_services
from ..models import Event, Service
from ..parameters import HOME_EVENTS, HOME_NEWS

register = template.Library()


@register.simple_tag(takes_context=True)
def home_activities(context):
    """The next events and the latest news."""
    request = context["request"]
    return {
        "events": next_events(request, Event.objects, HOME_EVENTS),
        "news": latest_news(request, HOME_NEWS),
    }


@register.simple_tag(takes_context=True)
def group_activities(context, group):
    """The services and the next events for a target group (and those for everyone)."""
    request = context["request"]
    return {
        "services": next_services(request, Service.objects.for_group(group.code)),
        "events": next_events(request, Event.objects.for_group(group.code)),
    }


@register.simple_tag(takes_context=True)
def page_query(context, number):
    """The query string of page `number` of the list shown, with its filters."""
    query = list_query(context.get("filters"), number)
    return f"?{query}" if query else context["list_url"]
