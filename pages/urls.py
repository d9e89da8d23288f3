from django.urls import path

from . import views

app_name = "pages"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:slug>/", views.page_detail, name="page"),
    path("<slug:page_slug>/<slug:slug>/", views.target_group_detail, name="target_group"),
]
