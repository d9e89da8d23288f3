from django.conf import settings
from django.db.models import Q

from .models import Page


def site(request):
    """The menu and footer links, read in one query for every page that uses them."""
    linked = Page.objects.published().filter(Q(in_navigation=True) | Q(in_footer=True))
    return {"site_pages": linked, "site_name": settings.SITE_NAME}
