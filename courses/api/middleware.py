from django.utils import translation


class ApiLanguageMiddleware:
    """The API lives outside the language prefix, where LocaleMiddleware always picks Chinese. A
    client of /api/ chooses with ``Accept-Language`` (or the site's language cookie) instead, so that
    messages and labels come in its language. Goes right after LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
