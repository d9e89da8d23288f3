"""Frozen reports in the admin (read-only: they are made on the report page), and the report
page's own addresses (reports/page.py) under theirs."""

from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from core.read_only_admin import PermanentRecordAdmin

from . import page
from .models import FrozenReport


@admin.register(FrozenReport)
class FrozenReportAdmin(PermanentRecordAdmin):
    list_display = ("__str__", "frozen_at", "frozen_by_name", "figures_link")
    fields = ("period_start", "period_end", "frozen_at", "frozen_by_name", "figures_link")
    readonly_fields = fields

    @admin.display(description=_("figures"))
    def figures_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:reports_frozen", args=[obj.pk]), _("Open")
        )

    def has_view_permission(self, request, obj=None):
        return page.may_view(request)

    def get_urls(self):
        site = self.admin_site

        def view(function):
            return site.admin_view(lambda request, **kwargs: function(request, site, **kwargs))

        return [
            path("report/", view(page.report_view), name="reports_report"),
            path("report/freeze/", view(page.freeze_view), name="reports_freeze"),
            path("report/download/", view(page.download_view), name="reports_download"),
            path("<int:pk>/report/", view(page.frozen_view), name="reports_frozen"),
            *super().get_urls(),
        ]
