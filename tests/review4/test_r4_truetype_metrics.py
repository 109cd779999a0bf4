"""Review 4 of 9506241: the TrueType subset draws glyphs where Noto's CFF outlines put them.

A TrueType rasteriser (FreeType: MuPDF, Poppler, PDFium) places a glyph's outline so that its
left edge falls at the hmtx left side bearing; a CFF one draws the outline where it is. Noto's
hmtx lsb differs from the outline's xMin for some glyphs, and ``_as_truetype`` keeps it: those
glyphs move right by the difference (ㄞ by 23/1000 em, 觉 in bold by 6/1000 em; measured in all
four engines against the CFF extended subset: +4 px at 150 pt for ㄞ).
"""

import pytest
from fontTools.ttLib import TTFont

from certification import fonts


@pytest.mark.parametrize("weight", sorted(fonts.SHIPPED_FONTS))
def test_left_side_bearing_is_the_outline_left_edge(weight):
    font = TTFont(fonts.SHIPPED_FONTS[weight])
    glyf, hmtx = font["glyf"], font["hmtx"]
    moved = {
        name: hmtx[name][1] - glyf[name].xMin
        for name in font.getGlyphOrder()
        if glyf[name].numberOfContours and abs(hmtx[name][1] - glyf[name].xMin) > 1
    }
    assert not moved, (
        f"{len(moved)} glyphs drawn off their outline position, e.g. {sorted(moved.items())[:5]}"
    )
