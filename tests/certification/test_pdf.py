"""The pure renderer: PDF/A-3b, one landscape page, fixed bytes, embedded credential, nothing fetched."""

import json
import re
from datetime import UTC, datetime

import pytest

from certification import pdf
from tests.certification.pdf_helpers import page_count, pdf_plain

ISSUED_AT = datetime(2026, 3, 1, 2, 30, tzinfo=UTC)


def _document(**overrides) -> pdf.CertificateDocument:
    fields = {
        "body_html": '<div class="box"><h1>培训合格证书</h1><p>王喆堃 李䶮 张赟 𠮷</p><p>Certificate</p></div>',
        "css": ".box { padding: 20mm; } h1 { font-weight: 700; }",
        "title": "TTA-2026-P-000001",
        "issued_at": ISSUED_AT,
        "attachments": (pdf.PdfAttachment(name="credential.json", content=json.dumps({"id": "x"}).encode()),),
    }
    fields.update(overrides)
    return pdf.CertificateDocument(**fields)


def _fonts(data: bytes) -> set[bytes]:
    """Embedded fonts by name, without the subset tag (ABCDEF+)."""
    return {name.split(b"+")[-1] for name in re.findall(rb"/BaseFont\s*/([\w+-]+)", pdf_plain(data))}


def test_output_is_one_pdf_a_3b_page_with_fixed_dates():
    data = pdf.render_certificate_pdf(_document())
    plain = pdf_plain(data)
    assert data.startswith(b"%PDF-")
    assert page_count(data) == 1
    assert b"<pdfaid:part>3</pdfaid:part>" in plain or b'pdfaid:part="3"' in plain
    assert b"pdfaid:conformance" in plain
    assert b"2026-03-01T02:30:00Z" in plain  # dcterms.created from the issue time, not "now"
    # A4 landscape: 842 x 595 points.
    assert b"/MediaBox [0 0 841.889764 595.275591]" in plain or b"841.8" in plain


def test_rendering_the_same_data_twice_gives_the_same_bytes():
    first = pdf.render_certificate_pdf(_document())
    second = pdf.render_certificate_pdf(_document())
    assert first == second
    assert pdf.render_certificate_pdf(_document(title="other")) != first


def test_the_credential_is_embedded_as_a_pdf_a_3_attachment():
    plain = pdf_plain(pdf.render_certificate_pdf(_document()))
    assert b"credential.json" in plain
    assert b'{"id": "x"}' in plain
    assert b"/AFRelationship" in plain


def test_the_shipped_subset_is_embedded_and_keeps_the_file_small():
    data = pdf.render_certificate_pdf(_document(body_html="<h1>培训合格证书</h1><p>王喆堃 李䶮 张赟</p>"))
    # Every character came from the small subset, regular and bold.
    assert _fonts(data) == {b"TTA-Serif-SC", b"TTA-Serif-SC-Bold"}
    assert len(data) < 150_000, len(data)


def test_a_character_outside_the_subset_sets_the_whole_document_in_the_extended_subset():
    # One typeface per document: never 𠮷 from one font and the rest of the name from another.
    data = pdf.render_certificate_pdf(_document(body_html="<h1>证书</h1><p>𠮷野家 王喆堃</p>"))
    assert _fonts(data) == {b"TTA-Serif-SC-Ext", b"TTA-Serif-SC-Ext-Bold"}


def test_a_character_outside_both_subsets_sets_the_whole_document_in_the_system_font():
    data = pdf.render_certificate_pdf(_document(body_html="<h1>证书</h1><p>김 𠮷野家 王喆堃</p>"))
    assert _fonts(data) == {b"Noto-Serif-CJK-SC", b"Noto-Serif-CJK-SC-Bold"}


def test_a_design_font_family_does_not_split_the_name_between_typefaces():
    data = pdf.render_certificate_pdf(
        _document(
            body_html='<p style="font-family: serif">王喆堃</p><p style="font-family: monospace">Anna</p>'
        )
    )
    assert _fonts(data) == {b"TTA-Serif-SC"}


def test_the_fetcher_serves_data_uris_and_refuses_files_and_the_network(tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG not really")
    fetcher = pdf.DataOnlyFetcher()
    with pytest.raises(pdf.ResourceRefused):
        fetcher.fetch(secret.as_uri())
    with pytest.raises(pdf.ResourceRefused):
        fetcher.fetch("http://169.254.169.254/latest/meta-data/")
    assert fetcher.fetch(" DATA:text/plain,ok").read() == b"ok"


def test_the_renderer_is_built_once_per_process_and_reused():
    assert pdf.renderer() is pdf.renderer()
    first = pdf.renderer().stylesheet("p { color: red }")
    assert pdf.renderer().stylesheet("p { color: red }") is first


@pytest.mark.parametrize(
    "css, where",
    [
        ('p::before { content: "Anna "; font-family: monospace }', "design"),
        ('p:before { content: "Anna "; font-family: monospace }', "design"),  # CSS 2's one colon
        ('p:\\62 efore { content: "Anna "; font-family: monospace }', "design"),  # escaped name
        ('@media print { p::after { content: " Anna"; font-family: monospace } }', "design"),
        ('p::before { content: "Anna "; font-family: monospace }', "style element"),
    ],
)
def test_generated_text_of_a_pseudo_element_is_set_in_the_page_face_too(css, where):
    """The face rule covers pseudo-elements only for pages whose stylesheets name them (a third of
    the styles otherwise); every way of naming one must bring the rule back."""
    if where == "design":
        document = _document(body_html="<p>王喆堃</p>", css=css)
    else:
        document = _document(body_html=f"<style>{css}</style><p>王喆堃</p>", css="")
    data = pdf.render_certificate_pdf(document)
    assert _fonts(data) == {b"TTA-Serif-SC"}


def test_a_page_without_pseudo_elements_gets_the_lighter_face_rule():
    from certification import designs

    assert not designs.inspect_css(
        "p { color: red } .a:hover { color: blue } a:first-child { x: y }"
    ).pseudo_elements
    assert designs.inspect_css("p::marker { color: red }").pseudo_elements
    assert designs.inspect_css("li:FIRST-LETTER { color: red }").pseudo_elements
    assert not pdf.face_css("F", pseudo_elements=False).count("::")
    assert pdf.face_css("F").count("::") == 7
