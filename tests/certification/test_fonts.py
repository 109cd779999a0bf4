"""Glyph coverage: every character of every name must render, or rendering is refused."""

from certification import fonts


def test_rare_name_characters_outside_gb2312_are_covered():
    for name in ["王喆堃", "李䶮", "张赟", "𠮷野", "赵玥珺", "周昇"]:
        for character in name:
            # They really are outside GB2312, the point of the test.
            if character not in "王李张野赵周":
                try:
                    character.encode("gb2312")
                except UnicodeEncodeError:
                    pass
                else:
                    raise AssertionError(f"{character} is in GB2312")
        assert fonts.missing_glyphs(name) == [], name


def test_characters_no_configured_font_has_are_reported_once_in_order():
    # U+2A6A5 (zhé, four dragons, Extension B) and U+20000 are in no Noto CJK font.
    assert fonts.missing_glyphs("王𪚥𪚥𠀀李") == ["𪚥", "𠀀"]


def test_whitespace_and_controls_are_not_glyphs():
    assert fonts.missing_glyphs("张 三\n\t") == []


def test_shipped_subset_holds_gb2312_and_the_listed_rare_characters_with_compact_glyph_ids():
    from fontTools.ttLib import TTFont

    font = TTFont(fonts.SHIPPED_FONTS[400], lazy=True)
    cmap = font.getBestCmap()
    assert all(ord(c) in cmap for c in "喆堃赟玥珺昇䶮")
    assert ord("啊") in cmap and ord("齄") in cmap  # first and last GB2312 hanzi
    # Compact glyph ids: ~7,700 glyphs, not the 65,535 of the full font.
    assert font["maxp"].numGlyphs < 9000
    assert font["name"].getDebugName(1) == fonts.FONT_FAMILY


def test_characters_outside_the_subset_fall_back_to_the_extended_subset_then_the_system_font():
    from fontTools.ttLib import TTFont

    cmap = TTFont(fonts.SHIPPED_FONTS[400], lazy=True).getBestCmap()
    ext_cmap = TTFont(fonts.EXT_FONTS[400], lazy=True).getBestCmap()
    assert ord("𠮷") not in cmap  # not in the subset ...
    assert ord("𠮷") in ext_cmap  # ... but in the extended subset
    assert "𠮷" not in fonts.missing_glyphs("𠮷")
    assert ord("김") not in ext_cmap  # Hangul: printable through the system font only
    assert fonts.missing_glyphs("김한") == []


def test_extended_subset_holds_the_subset_and_every_cjk_extension_character_noto_has():
    from fontTools.ttLib import TTFont

    system = fonts._cmap_of(*fonts.SYSTEM_FONTS[400])
    in_blocks = {c for c in system if any(first <= c <= last for first, last in fonts.EXTENSION_BLOCKS)}
    # Extensions A, B, C, D, E, F, G (U+30EDD, biáng) and both compatibility blocks.
    assert {0x3400, 0x20BB7, 0x2A7DD, 0x2B7C5, 0x2B8B8, 0x2D544, 0x30EDD, 0xFA11, 0x2F804} <= in_blocks
    for path in fonts.EXT_FONTS.values():
        font = TTFont(path, lazy=True)
        cmap = set(font.getBestCmap())
        assert in_blocks <= cmap, sorted(in_blocks - cmap)[:10]
        assert fonts.face_coverage(fonts.faces()[0]) <= cmap  # one face for any name the subset sets
        # Compact glyph ids: ~17,000 glyphs, not the 65,535 of the full font.
        assert font["maxp"].numGlyphs < 20_000
        assert font["name"].getDebugName(1) == fonts.EXT_FONT_FAMILY
        assert font["name"].getDebugName(6) == path.stem


def test_the_worker_start_up_check_knows_the_extended_subset(monkeypatch, tmp_path):
    from certification import worker

    missing = tmp_path / "TTASerifSCExt-Bold.otf"
    monkeypatch.setattr(fonts, "EXT_FONTS", {**fonts.EXT_FONTS, 700: missing})
    problems = worker.startup_problems()
    assert len(problems) == 1 and str(missing) in problems[0], problems


def test_harfbuzz_subset_probe_follows_the_library_lookup(monkeypatch):
    assert fonts.harfbuzz_subset_available()
    monkeypatch.setattr(fonts.ctypes.util, "find_library", lambda name: None)
    assert not fonts.harfbuzz_subset_available()
    monkeypatch.setattr(
        fonts.ctypes.util, "find_library", lambda name: "/nonexistent/libharfbuzz-subset.so.0"
    )
    assert not fonts.harfbuzz_subset_available()


def test_the_shipped_subset_has_truetype_outlines_and_no_cids():
    # Glyph ids are all a reader maps; HarfBuzz subsets it for each PDF in half the time of CFF.
    from fontTools.ttLib import TTFont

    for path in fonts.SHIPPED_FONTS.values():
        font = TTFont(path, lazy=True)
        assert "glyf" in font and "CFF " not in font, path


def test_the_truetype_outlines_match_the_system_fonts_within_a_thousandth_of_an_em():
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.ttLib import TTCollection, TTFont

    for weight, path in fonts.SHIPPED_FONTS.items():
        source_path, index = fonts.SYSTEM_FONTS[weight]
        shipped, source = TTFont(path), TTCollection(source_path).fonts[index]
        for character in "王喆堃䶮证书A9":
            bounds = []
            for font in (shipped, source):
                glyphs = font.getGlyphSet()
                pen = BoundsPen(glyphs)
                glyphs[font.getBestCmap()[ord(character)]].draw(pen)
                bounds.append(pen.bounds)
            assert all(abs(a - b) <= 1.5 for a, b in zip(*bounds, strict=True)), (character, bounds)


def test_every_glyph_of_the_extended_subset_has_its_glyph_id_as_cid():
    # PDF readers that map CID to glyph through the font's charset (MuPDF, Ghostscript) would
    # otherwise find no glyph for the CIDs WeasyPrint writes (glyph ids, Identity).
    from fontTools.ttLib import TTFont

    for path in fonts.EXT_FONTS.values():
        top = TTFont(path, lazy=True)["CFF "].cff.topDictIndex[0]
        assert hasattr(top, "ROS")  # CID-keyed, as the full font
        assert top.charset[0] == ".notdef"
        assert top.charset[1:] == [f"cid{glyph_id:05d}" for glyph_id in range(1, len(top.charset))], path


def test_one_face_is_chosen_for_all_of_a_text():
    assert fonts.face_for("张三丰 Anna 王喆堃 李䶮").family == fonts.FONT_FAMILY
    # One character outside the subset: the whole text in the extended subset, not a mix.
    assert fonts.face_for("𠮷野 张三").family == fonts.EXT_FONT_FAMILY
    assert fonts.face_for("山﨑 陈㛃 王𫟅").family == fonts.EXT_FONT_FAMILY  # compatibility, Ext A, D
    # One character outside both: the whole text in the full system font.
    assert fonts.face_for("김 𠮷野 张三").family == fonts.SYSTEM_FONT_FAMILY
    assert fonts.face_for("王𪚥") is None
    assert fonts.missing_glyphs("𠮷野 张三") == []
