"""schema.org Event as JSON-LD, for search engines and calendar tools
(https://schema.org/Event; the vocabulary Linked Events uses too)."""

import json

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

# As Django's json_script: nothing in the data can close the <script> element.
SCRIPT_SAFE = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
ONLINE = "https://schema.org/OnlineEventAttendanceMode"
OFFLINE = "https://schema.org/OfflineEventAttendanceMode"
MIXED = "https://schema.org/MixedEventAttendanceMode"


def place(event):
    places = []
    if event.location:
        places.append(
            {
                "@type": "Place",
                "name": event.location.name,
                "address": event.location.address,
                **(
                    {"hasMap": event.location.openstreetmap_url}
                    if event.location.openstreetmap_url
                    else {}
                ),
            }
        )
    if event.online_url:
        places.append({"@type": "VirtualLocation", "url": event.online_url})
    return places


def attendance_mode(event):
    if event.location and event.online_url:
        return MIXED
    return ONLINE if event.online_url else OFFLINE


def event_json_ld(request, event):
    """The <script type="application/ld+json"> content for an event's page (safe to embed)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "startDate": localtime(event.starts_at).isoformat(),
        "endDate": localtime(event.ends_at).isoformat(),
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance_mode(event),
        "inLanguage": [language.code for language in event.languages.all()],
    }
    if description := strip_tags(event.body or "").strip():
        data["description"] = description
    if places := place(event):
        data["location"] = places[0] if len(places) == 1 else places
    if event.service and event.service.is_public():
        data["organizer"] = {"@type": "Organization", "name": event.service.provider}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308
