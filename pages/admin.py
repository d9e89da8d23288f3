from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Contact, Page, Partner, TargetGroup


class ContentAdmin(TabbedTranslationAdmin):
    list_display = ("title", "published", "ordering", "updated_at")
    list_editable = ("published", "ordering")
    list_filter = ("published",)
    search_fields = ("title", "summary")


@admin.register(Page)
class PageAdmin(ContentAdmin):
    list_display = ("title", "kind", "published", "in_navigation", "in_footer", "ordering")
    list_editable = ("published", "in_navigation", "in_footer", "ordering")
    list_filter = ("kind", "published")


@admin.register(TargetGroup)
class TargetGroupAdmin(ContentAdmin):
    list_display = ("title", "code", "published", "ordering")


@admin.register(Partner)
class PartnerAdmin(TabbedTranslationAdmin):
    list_display = ("name", "role", "published", "ordering")
    list_editable = ("published", "ordering")


@admin.register(Contact)
class ContactAdmin(TabbedTranslationAdmin):
    list_display = ("name", "position", "email", "published", "ordering")
    list_editable = ("published", "ordering")
