from django.urls import path

from . import api, views

app_name = "eligibility"
urlpatterns = [
    path("", views.check, name="check"),
]

# Outside the language prefix and the app's namespace (the root URLconf includes them).
api_urlpatterns = [
    path("api/eligibility/", api.eligibility, name="eligibility_api"),
    path("api/openapi.json", api.openapi_document, name="openapi"),
]
