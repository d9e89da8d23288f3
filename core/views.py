from django.shortcuts import render


def robots_txt(request):
    """Everything may be indexed; the admin's address is not named (ADMIN_PATH hides it)."""
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
