"""The one StreamBlock of lesson content, shared by every page that shows course material."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


def duration_seconds(text: str | None) -> int | None:
    """Seconds in a length written as players show it, ``12:34`` or ``1:02:03`` (``90:00`` too).

    None if blank, malformed or zero.
    """
    parts = (text or "").strip().split(":")
    if len(parts) not in (2, 3) or not all(part.isascii() and part.isdigit() for part in parts):
        return None
    *larger, minutes, seconds = (int(part) for part in parts)
    if seconds > 59 or (larger and minutes > 59):
        return None
    hours = larger[0] if larger else 0
    return (hours * 60 + minutes) * 60 + seconds or None


class VideoValue(blocks.StructValue):
    @property
    def duration_seconds(self) -> int | None:
        """The length the editor gave, in seconds; None for embeds and for videos saved before it was asked."""
        return duration_seconds(self.get("duration")) if self.get("file") else None


class VideoBlock(blocks.StructBlock):
    """A video from an embed provider or an uploaded file: exactly one of the two.

    An uploaded file needs its length: the learning app bounds the watched share a trainee's
    browser reports by the study time actually credited, and needs the length to turn seconds
    into a share. Editors give it because the server cannot trust a length measured by the browser.
    """

    embed = EmbedBlock(required=False, label=_("Embed URL"), help_text=_("A link to a hosted video."))
    file = DocumentChooserBlock(
        required=False, label=_("Video file"), help_text=_("Or an uploaded MP4 or WebM file.")
    )
    duration = blocks.CharBlock(
        required=False,
        max_length=8,
        label=_("Length"),
        help_text=_("For an uploaded file: its length as minutes:seconds (12:34) or hours:minutes:seconds."),
    )
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "media"
        label = _("Video")
        template = "blocks/video_block.html"
        value_class = VideoValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("embed")) == bool(value.get("file")):
            message = _("Give either an embed URL or a video file, not both and not neither.")
            raise StructBlockValidationError(non_block_errors=[ValidationError(message)])
        if value.get("file") and value.duration_seconds is None:
            message = _(
                "Give the video's length as minutes:seconds (12:34) or hours:minutes:seconds (1:02:03)."
            )
            raise StructBlockValidationError(block_errors={"duration": ValidationError(message)})
        return value


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "blocks/document_block.html"


class CaseStudyBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "openquote"
        label = _("Case study")
        template = "blocks/case_study_block.html"


class LessonContentBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=["h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]
    )
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    case_study = CaseStudyBlock()
