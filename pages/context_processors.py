from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from .models import Page
from .scheduling import shown_items


def site(request):
    """The menu and footer links, read in one query for every page that uses them."""
    linked = SimpleLazyObject(  # read only by a page that shows the menu
        lambda: shown_items(
            request, Page.objects.filter(Q(in_navigation=True) | Q(in_footer=True)), timezone.now()
        )
    )
    return {"site_pages": linked, "site_name": settings.SITE_NAME}
