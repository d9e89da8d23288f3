"""Scheduled publishing: an item is public while it is published and its time has come and not
gone (publish_from <= now < unpublish_at, each optional).

Pages change by themselves when an item's time comes or goes, so every public view declares the
next such moment to the page cache (core.page_cache.changes_at): for a list, the earliest
publish_from or unpublish_at still ahead among all its published items, those not shown yet
included, since an item scheduled to appear later must make the list change.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import ExpressionWrapper, Min, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.page_cache import changes_at


def public_now(now):
    """The condition "visitors see it at `now`"."""
    return (
        Q(published=True)
        & (Q(publish_from__isnull=True) | Q(publish_from__lte=now))
        & (Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
    )


def schedule_changes(now):
    """Aggregates (for QuerySet.aggregate): the next publish_from and unpublish_at after `now`
    among the published items. Take the earlier with `earliest()`."""
    return {
        "appears_at": Min("publish_from", filter=Q(published=True, publish_from__gt=now)),
        "disappears_at": Min("unpublish_at", filter=Q(published=True, unpublish_at__gt=now)),
    }


def earliest(*moments):
    return min((moment for moment in moments if moment is not None), default=None)


class PublishedQuerySet(models.QuerySet):
    def published(self, now=None):
        """The items visitors see at `now` (default: this moment)."""
        return self.filter(public_now(now or timezone.now()))

    def visibility_changes_at(self, now):
        """The next moment after `now` an item of this queryset appears or disappears, or None."""
        found = self.aggregate(**schedule_changes(now))
        return earliest(found["appears_at"], found["disappears_at"])


def public_items(request, items, now):
    """Of `items` (a list, or related items prefetched with their item), those visitors see at
    `now`; the page cache learns when the clock next changes that."""
    items = list(items)
    for item in items:
        changes_at(request, item.visibility_changes_at(now))
    return [item for item in items if item.is_public(now)]


def shown_items(request, queryset, now):
    """The items of `queryset` visitors see at `now`, as a list, read in the same query as
    those still to come (published, not over), whose times are declared to the page cache.
    For short lists shown whole: the groups, partners, contacts, the menu."""
    not_over = queryset.filter(published=True).exclude(unpublish_at__lte=now)
    return public_items(request, not_over, now)


class Scheduled(models.Model):
    """Published or not (a draft), and optionally from and until when."""

    published = models.BooleanField(
        _("published"), default=True, help_text=_("Unpublished items are hidden from visitors.")
    )
    publish_from = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Empty: visitors see it as soon as it is saved published."),
    )
    unpublish_at = models.DateTimeField(
        _("unpublish at"),
        null=True,
        blank=True,
        help_text=_("Empty: visitors see it until someone unpublishes it."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.publish_from and self.unpublish_at and self.unpublish_at <= self.publish_from:
            raise ValidationError(
                {"unpublish_at": _("The time to unpublish must be after the time to publish.")}
            )

    def is_public(self, now=None):
        now = now or timezone.now()
        return (
            self.published
            and (self.publish_from is None or self.publish_from <= now)
            and (self.unpublish_at is None or now < self.unpublish_at)
        )

    def is_scheduled(self, now=None):
        """Published, but visitors see it only later (its publish_from is ahead)."""
        now = now or timezone.now()
        return self.published and self.publish_from is not None and self.publish_from > now

    def visibility_changes_at(self, now):
        """The next moment after `now` this item appears or disappears, or None."""
        if not self.published:
            return None
        moments = (self.publish_from, self.unpublish_at)
        return earliest(*(moment for moment in moments if moment and moment > now))


def with_schedule(listed, candidates, now):
    """`listed`, each row annotated (in the same query, by subqueries) with the next moment
    after `now` an item of `candidates` appears or disappears; read them with `declare_schedule`.
    For a list read a slice or a page at a time, where `shown_items` would read everything."""
    published = candidates.filter(published=True).order_by()

    def next_moment(field):
        later = published.filter(**{f"{field}__gt": now}).order_by(field)
        return Subquery(later.values(field)[:1])

    return listed.annotate(
        schedule_appears_at=next_moment("publish_from"),
        schedule_disappears_at=next_moment("unpublish_at"),
    )


def declare_schedule(request, items, candidates, now):
    """Tell the page cache when the list of `items` (read with `with_schedule`) changes by
    itself; an empty list costs one query to find out."""
    if items:
        first = items[0]
        moment = earliest(first.schedule_appears_at, first.schedule_disappears_at)
    else:
        moment = candidates.visibility_changes_at(now)
    changes_at(request, moment)


def shown_first(request, candidates, limit, now):
    """The first `limit` of `candidates` visitors see at `now`, in one query, also when there
    is none; the page cache learns when the clock next changes them.

    The query reads those still to come (published, not over) with those shown first: its
    rows carry the next moments (with_schedule), and where it has no row, nothing published is
    still to come, so the clock changes nothing."""
    ordering = candidates.query.order_by or candidates.model._meta.ordering
    still_to_come = candidates.filter(published=True).exclude(unpublish_at__lte=now)
    rows = with_schedule(still_to_come, candidates, now).annotate(
        public=ExpressionWrapper(public_now(now), output_field=models.BooleanField())
    )
    rows = list(rows.order_by("-public", *ordering)[:limit])
    if rows:
        changes_at(request, earliest(rows[0].schedule_appears_at, rows[0].schedule_disappears_at))
    return [row for row in rows if row.public]
