"""Every PDF reader draws a certificate's name alike, in one typeface.

Four independent engines (MuPDF, Poppler, PDFium, Ghostscript) rasterise the name on real
certificates and the annual report: each must put ink there, and their pictures must agree.
Text extraction cannot see a glyph a reader fails to find (the text layer stays intact), so
this looks at pixels. A shipped subset whose CIDs are not its glyph ids is drawn by Poppler and
PDFium only: MuPDF draws nothing and Ghostscript draws boxes.
"""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.utils import translation

from certification import pdf
from certification.services import printing, templates
from tests.certification import raster

# Plain; rare BMP characters outside GB2312; Latin and CJK mixed: the shipped subset.
SUBSET_NAMES = ["张三丰", "王喆", "李䶮", "赟", "Anna 李"]
# Outside the subset, set in the extended subset: Extension B (U+20BB7, U+2123C), a compatibility
# ideograph (U+FA11), Extension A (U+36C3), Extension D (U+2B7C5).
EXT_NAMES = ["𠮷野", "王𠮷𡈼", "山﨑", "陈㛃", "王𫟅"]
NAMES = SUBSET_NAMES + EXT_NAMES
# A share of the name's ink one engine draws and another does not: a missing glyph, a box drawn
# instead of a glyph or another typeface is 0.2 or more; anti-aliasing differences stay under 0.05.
TOLERANCE = 0.12


def _certificate(name: str) -> bytes:
    body, css = templates.default_template_source()
    context = printing.printed_context(
        snapshot={**templates.SAMPLE_SNAPSHOT, "holder_name": name},
        issued_on=date(2026, 3, 1),
        expires_on=date(2029, 3, 1),
        seal=None,
        signatures=(),
    )
    document = pdf.CertificateDocument(
        body_html=printing._render_body(body, context),
        css=css,
        title="TTA-2026-P-000001",
        issued_at=datetime(2026, 3, 1, tzinfo=UTC),
    )
    return pdf.render_certificate_pdf(document)


def _families(data: bytes, box: raster.Box) -> set[str]:
    """The font families of the text drawn inside ``box`` (subset tag and weight left out)."""
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        blocks = document[0].get_text("dict", clip=pymupdf.Rect(box.x0, box.y0, box.x1, box.y1))["blocks"]
    return {
        span["font"].split("+")[-1].removesuffix("-Bold")
        for block in blocks
        for line in block.get("lines", [])
        for span in line["spans"]
        if span["text"].strip()
    }


def _assert_engines_agree(data: bytes, text: str, tmp_path) -> None:
    box = raster.text_box(data, text)
    crops = raster.crops(data, box)
    inks = {engine: raster.ink(image) for engine, image in crops.items()}
    disagreements = {
        (first, second): round(raster.disagreement(crops[first], crops[second]), 3)
        for index, first in enumerate(raster.ENGINES)
        for second in raster.ENGINES[index + 1 :]
    }
    if min(inks.values()) == 0 or max(disagreements.values()) > TOLERANCE:
        raster.save_for_eyes(crops, tmp_path / "engines.png")  # left to right: raster.ENGINES
    assert min(inks.values()) > 0, (text, inks)
    assert max(disagreements.values()) <= TOLERANCE, (text, inks, disagreements)


@pytest.mark.parametrize("name", NAMES)
def test_every_engine_draws_the_name_alike_in_one_typeface(name, tmp_path):
    data = _certificate(name)
    _assert_engines_agree(data, name, tmp_path)
    families = _families(data, raster.text_box(data, name))
    assert len(families) == 1, families
    # The fast subset when it has every character, the extended subset for the whole page otherwise.
    assert families == ({"TTA-Serif-SC-Ext"} if name in EXT_NAMES else {"TTA-Serif-SC"})


def test_an_extension_b_name_is_set_in_one_typeface_and_its_pdf_stays_small():
    # In the full system font (65,535 glyph ids, kept by WeasyPrint's subsetting) it was 260 KB.
    data = _certificate("𠮷野")
    assert len(data) < 150_000, len(data)
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        families = {font[3].split("+")[-1].removesuffix("-Bold") for font in document[0].get_fonts()}
    assert families == {"TTA-Serif-SC-Ext"}


def test_every_engine_draws_the_annual_report_alike(tmp_path):
    from certification.reports.pdf import annual_report_pdf
    from certification.reports.selectors import AnnualReport, ProgramYear

    row = ProgramYear(
        level="primary", level_label="初级", program="技术经理人培训项目", trainees=12, hours=Decimal(96)
    )
    report = AnnualReport(
        year=2026,
        rows=[row],
        total=row,
        hours_by_month=[Decimal(8)] * 12,
        certificates_by_month=[1] * 12,
    )
    with translation.override("zh-hans"):
        data = annual_report_pdf(
            report=report,
            base_name="国家技术转移人才培养基地（喆）",
            accreditation_number="GJJS-2026-017",
            generated_at=datetime(2026, 12, 31, 8, 0, tzinfo=UTC),
            language="zh-hans",
        )
    for text in ("国家技术转移人才培养基地（喆）", "技术经理人培训项目"):
        _assert_engines_agree(data, text, tmp_path)
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as document:
        fonts = {font[3].split("+")[-1].removesuffix("-Bold") for font in document[0].get_fonts()}
    assert fonts == {"TTA-Serif-SC"}
