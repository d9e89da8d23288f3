"""The filters of the public lists: target group and language, sent by a GET form.

The same query string must always give the same page (it is the page cache's key, see
core/page_cache.py), so a list is cached with its query only when every parameter is known,
given once and valid; an empty one means "all", as a form sends a field left at "All".
"""

from urllib.parse import urlencode

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.page_cache import query_understood
from pages.models import GROUP_NAMES

from .models import Language
from .parameters import PAGE_SIZE

PAGE_PARAMETER = "page"


class ListFilters(forms.Form):
    group = forms.ChoiceField(
        label=_("For whom"),
        required=False,
        choices=[
            ("", _("Everyone")),
            *((group.value, name) for group, name in GROUP_NAMES.items()),
        ],
    )
    language = forms.ChoiceField(label=_("In which language"), required=False)

    def __init__(self, data):
        super().__init__(data)
        self.fields["language"].choices = [
            ("", _("Any language")),
            *((language.code, language.name) for language in Language.objects.all()),
        ]

    def narrow(self, queryset):
        """The items matching the valid filters (an invalid one is ignored and reported)."""
        self.is_valid()
        chosen = self.cleaned_data
        if chosen.get("group"):
            queryset = queryset.for_group(chosen["group"])
        if chosen.get("language"):
            queryset = queryset.in_language(chosen["language"])
        return queryset

    def chosen(self):
        """(name, value) of each filter given a valid value."""
        return [(name, value) for name in self.fields if (value := self.cleaned_data.get(name))]


def list_query(filters, page=1):
    """The query string of a list's filters and page, for links and the other languages."""
    pairs = filters.chosen() if filters else []
    if page > 1:
        pairs.append((PAGE_PARAMETER, page))
    return urlencode(pairs)


class CountedPaginator(Paginator):
    """A paginator told the number of items, when a query already counted them."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


def page_of(request, items, filters=None, count=None):
    """The requested page of `items` (404 for a page that does not exist). When the query
    string holds nothing but valid filters and a page number, each given once, the page cache
    may keep the page under it."""
    raw_number = request.GET.get(PAGE_PARAMETER, "")
    number = raw_number or "1"
    if count is None:
        paginator = Paginator(items, PAGE_SIZE)
    else:
        paginator = CountedPaginator(items, PAGE_SIZE, count)
    try:
        page = paginator.page(int(number) if number.isascii() and number.isdigit() else 0)
    except InvalidPage:
        raise Http404 from None
    known = {*(filters.fields if filters else ()), PAGE_PARAMETER}
    given = list(request.GET.lists())
    canonical_number = raw_number in ("", str(page.number))  # not "01": one address a page
    if (
        (filters is None or filters.is_valid())
        and canonical_number
        and all(name in known and len(values) == 1 for name, values in given)
    ):
        query_understood(request)
    return page
