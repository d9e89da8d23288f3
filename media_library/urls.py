from django.urls import path

from . import views

app_name = "media_library"
urlpatterns = [path("media/<path:name>", views.serve, name="file")]
