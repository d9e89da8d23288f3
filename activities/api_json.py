"""Services, locations and events as the JSON API gives them, in the active language (the
texts fall back to Estonian where a translation is missing). Times are ISO 8601 with their
offset in Europe/Tallinn; rich texts are the same sanitised HTML the pages show."""

from django.urls import reverse
from django.utils.timezone import localtime


def codes(related):
    return [item.code for item in related.all()]


def location_json(location):
    if location is None:
        return None
    return {
        "name": location.name,
        "address": location.address,
        "directions": location.directions,
        "opening_hours": location.opening_hours,
        "step_free_entrance": location.step_free_entrance,
        "accessible_toilet": location.accessible_toilet,
        "hearing_loop": location.hearing_loop,
        "accessibility_notes": location.accessibility_notes,
        "openstreetmap_url": location.openstreetmap_url or None,
    }


def audience_json(item):
    return {
        "target_groups": codes(item.target_groups),
        "for_everyone": item.for_everyone,
        "languages": codes(item.languages),
    }


def service_json(request, service):
    return {
        "id": service.pk,
        "url": request.build_absolute_uri(service.get_absolute_url()),
        "title": service.title,
        "summary": service.summary,
        "text": service.body,
        "scope": service.scope,
        "provider": service.provider,
        **audience_json(service),
        "location": location_json(service.location),
        "online": service.online,
        "participation": service.participation or None,
        "how_to_take_part": service.how_to_take_part,
        "what_to_bring": service.what_to_bring,
        "free": service.free,
        "cost": service.cost,
        "email": service.email or None,
        "phone": service.phone or None,
        "website": service.website or None,
        "checked_on": service.checked_on.isoformat() if service.checked_on else None,
    }


def event_json(request, event):
    service = event.service if event.service and event.service.is_public() else None
    return {
        "id": event.pk,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "ics_url": request.build_absolute_uri(
            reverse("activities:event_ics", kwargs={"pk": event.pk})
        ),
        "title": event.title,
        "text": event.body,
        "starts_at": localtime(event.starts_at).isoformat(),
        "ends_at": localtime(event.ends_at).isoformat(),
        "cancelled": event.cancelled,
        "cancellation_reason": event.cancellation_reason if event.cancelled else None,
        **audience_json(event),
        "estonian_level": event.estonian_level or None,
        "capacity": event.capacity,
        "location": location_json(event.location),
        "online_url": event.online_url or None,
        "service": service and {"id": service.pk, "title": service.title},
        "series": event.series_id,
    }
