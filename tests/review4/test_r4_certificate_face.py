"""Review 4 of 1e17cbb (and the one-typeface rule of issue 10 point 2): a design's text set in a
second typeface. Each page below embeds a font besides the page face (``_fonts``)."""

import pytest

from certification import pdf
from tests.certification.test_pdf import _document, _fonts

NAME = "<p>王喆堃</p>"


def _faces(data: bytes) -> set[bytes]:
    return {font.removesuffix(b"-Bold") for font in _fonts(data)}


@pytest.mark.parametrize(
    "body, css",
    [
        # @page margin boxes: the face rule's "@page { font-family }" is on the page, not the box.
        (NAME, '@page { margin-top: 30mm; @top-center { content: "Anna"; font-family: monospace } }'),
        # Pseudo-elements the face rule does not list (detected, but not covered).
        (NAME, "p::first-letter { font-family: monospace }"),
        (NAME, "p::first-line { font-family: monospace }"),
        (
            '<p>王喆堃<span class="f">注</span></p>',
            ".f { float: footnote } ::footnote-call { font-family: monospace }",
        ),
        # Inline SVG text is drawn by WeasyPrint's SVG renderer, outside the HTML cascade.
        (
            NAME
            + '<svg width="200" height="50"><text x="0" y="30" font-family="monospace">Anna</text></svg>',
            "",
        ),
        # Generated text the face choice never sees: attr() and the UA's own content strings.
        ('<p data-n="𠮷">王喆堃</p>', "p::before { content: attr(data-n) }"),
        (NAME + '<input value="𠮷">', ""),
        (NAME + "<select><option>王</option></select>", ""),  # UA: select::before { content: "˅" }
    ],
    ids=[
        "margin-box",
        "first-letter",
        "first-line",
        "footnote-call",
        "svg-text",
        "attr",
        "input-value",
        "select",
    ],
)
def test_every_glyph_of_a_design_comes_from_the_page_face(body, css):
    """One face for the whole page: the shipped subset where it draws everything (王喆堃), else one
    face that covers the generated text too (𠮷: the extended subset); or the design is refused
    (SVG text, attr(), form controls: ``designs``)."""
    try:
        data = pdf.render_certificate_pdf(_document(body_html=body, css=css))
    except pdf.DesignRefused as refusal:  # a design that cannot keep one face is refused: never printed
        assert refusal.constructs
        return
    faces = _faces(data)
    assert len(faces) == 1, sorted(_fonts(data))
    if "𠮷" not in body:
        assert faces == {b"TTA-Serif-SC"}, sorted(_fonts(data))
