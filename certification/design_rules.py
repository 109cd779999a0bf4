"""What a certificate design is to the printer, and what makes one unusable.

A design reaches printing as a ``TemplateSource`` (chosen by ``services.templates``); it is refused
with ``TemplateRejected`` if it uses a tag that reaches beyond the printed data or holds a construct
that would fetch or embed something (``certification.designs``). The services check a design when
it is saved and previewed (``templates``), again before it is filled (``printing``), and report the
refusal (``rendering``): this leaf serves all three, so none imports another to check a design.

Pure: strings in, an exception or a message out; no database.
"""

import functools
import re
from dataclasses import dataclass

from django.utils.translation import gettext

from certification import designs

# Tags that would reach beyond the printed data: other templates, template libraries, debug dumps.
_FORBIDDEN_TAGS = re.compile(r"{%-?\s*(load|include|extends|debug|ssi|url|static|csrf_token)\b")


class TemplateRejected(Exception):
    """A certificate template that cannot be used; the message says why, in the user's language.

    ``field``: the design's field at fault ("body" or "css"), for the admin form.
    """

    def __init__(self, message: str, *, field: str = "body"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class TemplateSource:
    body: str
    css: str
    version: str
    signatures: tuple  # ((image or None, title), ...)


def check_tags(body: str) -> None:
    """Raise TemplateRejected if ``body`` uses a tag that reaches beyond the printed data."""
    if match := _FORBIDDEN_TAGS.search(body):
        raise TemplateRejected(
            gettext("The tag {%% %(tag)s %%} is not allowed in a certificate template.") % {"tag": match[1]}
        )


def refused_message(constructs: list[str]) -> str:
    """Why a design holding ``constructs`` is refused, in the active language."""
    listed = "、".join(f"“{construct}”" for construct in constructs)
    return gettext(
        "A certificate design may not contain %(constructs)s: nothing may be fetched or embedded "
        "from outside the design. Use the signature and seal images for pictures."
    ) % {"constructs": listed}


@functools.lru_cache(maxsize=32)
def _design_refusals(body: str, css: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The constructs a design may not hold: (in the HTML, in the CSS). Cached by content."""
    return tuple(designs.inspect_design(body=body, css="")), tuple(designs.inspect_css(css).refused)


def check_design(body: str, css: str) -> None:
    """Raise TemplateRejected naming any construct that would fetch or embed something."""
    in_body, in_css = _design_refusals(body, css)
    if in_body:
        raise TemplateRejected(refused_message(list(in_body)), field="body")
    if in_css:
        raise TemplateRejected(refused_message(list(in_css)), field="css")
