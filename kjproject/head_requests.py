"""HEAD requests get the headers of the GET answer and no body.

Django renders a HEAD request like a GET and leaves removing the body to the server; gunicorn
does remove it, but also writes a warning line for every such response, so a monitor polling
with HEAD would break the access log's one-JSON-line-per-request rule.
"""


class HeadRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
