"""The site's own page for a failed CSRF check (a stale or forged form), in the visitor's language.

The other error pages are Django's handlers with the site's templates (templates/400.html, 403.html,
500.html; the 404 is pages.views.page_not_found).
"""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
