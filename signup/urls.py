"""The sign-up's addresses; each part translated like the events' (/et/syndmused/…)."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "signup"
urlpatterns = [
    path(
        _("events/"),
        include(
            [path("<int:pk>/", include([path(_("sign-up/"), views.signup_form, name="form")]))]
        ),
    ),
    path(_("sign-up/"), include([path("<str:token>/", views.manage, name="manage")])),
]
