"""Download and export responses, and the one place that decides ``Cache-Control``.

Every file the platform hands out (certificates, credentials, trainee records, exports, reviewer
copies, reports) is built by ``attachment_response`` or ``file_response``: the file name in the
``Content-Disposition`` header as RFC 6266 asks (an ASCII ``filename`` every browser reads, and the
exact UTF-8 name in ``filename*`` when it is not ASCII: ``张三-证书.pdf``), ``X-Content-Type-Options:
nosniff`` (a browser never guesses an uploaded or generated file into HTML), and a cache policy.

Cache policies, each with its reason. A response gets one of these and nothing else:

- ``PRIVATE_NO_STORE``: personal data, secrets and anything behind a permission check (downloads,
  record pages, the API, check-in codes, verification results): no browser or shared cache keeps
  a copy, so nothing lingers on a shared computer or in a proxy after the permission is gone.
- ``PRIVATE``: files that only a signed-in user may read but which hold nothing personal (lesson
  documents): the user's own browser may keep them, a shared cache may not.
- ``public_short(seconds)``: public data that changes (certificate status lists): any cache may
  keep it briefly, so a revocation is seen within ``seconds``.

(Static files carry WhiteNoise's immutable far-future policy; they are not decided here.)
"""

import unicodedata
from functools import wraps
from urllib.parse import quote

from django.http import FileResponse, HttpResponse

PRIVATE_NO_STORE = "private, no-store"
PRIVATE = "private"


def public_short(seconds: int) -> str:
    """Public data any cache may keep for ``seconds``."""
    return f"public, max-age={int(seconds)}"


def cache_policy_apply(response, policy: str):
    """Give ``response`` the cache ``policy`` (replacing any other) and return it."""
    response["Cache-Control"] = policy
    if policy == PRIVATE_NO_STORE and response.has_header("Expires"):
        del response["Expires"]  # never_cache's Expires only matters to caches that keep nothing now
    return response


def no_store(view):
    """A view whose every response gets ``PRIVATE_NO_STORE`` (Django's ``never_cache``, our policy)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return cache_policy_apply(view(request, *args, **kwargs), PRIVATE_NO_STORE)

    return wrapper


def private_cache(view):
    """A view whose every response gets ``PRIVATE``: the user's browser may keep it, no shared cache."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return cache_policy_apply(view(request, *args, **kwargs), PRIVATE)

    return wrapper


def _ascii_fallback(filename: str) -> str:
    # 张三-证书.pdf -> -.pdf would read badly: keep what transliterates, replace the rest with "_".
    decomposed = unicodedata.normalize("NFKD", filename)
    ascii_name = "".join(
        ch
        if ch.isascii() and ch.isprintable() and ch not in '"\\'
        else ("" if unicodedata.combining(ch) else "_")
        for ch in decomposed
    )
    return ascii_name.strip() or "download"


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """The ``Content-Disposition`` value for ``filename`` (RFC 6266 and RFC 5987)."""
    kind = "inline" if inline else "attachment"
    filename = filename.replace("\r", "").replace("\n", "")
    fallback = _ascii_fallback(filename)
    if fallback == filename:
        return f'{kind}; filename="{filename}"'
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


def _download_headers(response, *, filename: str, inline: bool, policy: str):
    response["Content-Disposition"] = content_disposition(filename, inline=inline)
    response["X-Content-Type-Options"] = "nosniff"
    return cache_policy_apply(response, policy)


def attachment_response(
    content, *, filename: str, content_type: str, inline: bool = False, policy: str = PRIVATE_NO_STORE
) -> HttpResponse:
    """``content`` (bytes or text) as a download named ``filename``; shown in the browser when
    ``inline`` (a PDF preview). Private and never stored unless told otherwise."""
    return _download_headers(
        HttpResponse(content, content_type=content_type), filename=filename, inline=inline, policy=policy
    )


def file_response(
    handle, *, filename: str, content_type: str, inline: bool = False, policy: str = PRIVATE_NO_STORE
) -> FileResponse:
    """An open file streamed as a download named ``filename`` (the handle is closed when sent)."""
    response = FileResponse(handle, content_type=content_type)
    return _download_headers(response, filename=filename, inline=inline, policy=policy)


def download_headers(response, *, filename: str, inline: bool = False, policy: str = PRIVATE_NO_STORE):
    """Make an already built response (a ``JsonResponse``) a download with the same headers."""
    return _download_headers(response, filename=filename, inline=inline, policy=policy)
