"""The news as an Atom feed per language (Django's syndication framework)."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .listing import latest_news
from .parameters import FEED_ITEMS


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return f"{_('News')} – {settings.SITE_NAME}"

    def link(self):
        return reverse("activities:news")

    def feed_url(self):
        return reverse("activities:news_feed")

    def get_object(self, request, *args, **kwargs):
        # The feed's "object" is the request, for items() to tell the page cache when the
        # clock changes them (the one Feed instance serves every request: nothing on self).
        return request

    def items(self, request):
        return latest_news(request, FEED_ITEMS)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return datetime.combine(item.published_on, time(), tzinfo=timezone.get_current_timezone())

    def item_updateddate(self, item):
        return item.updated_at
