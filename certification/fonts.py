"""Fonts for certificates: the shipped CJK subsets, the system font, one typeface per document.

The project ships a subset of Noto Serif CJK SC (GB2312, Latin and the rare name characters
listed below) with compact glyph ids: HarfBuzz subsets it for each PDF about twice as fast as
the 20 MB system font, and the PDF is a fifth of the size. A second shipped face, the extended
subset (``EXT_FONTS``), adds every CJK Extension A-G and compatibility ideograph Noto carries,
for names such as 𠮷野 or 山﨑: WeasyPrint keeps glyph ids when it embeds a font, so a PDF
carries an empty slot for every glyph id below the highest one drawn, ~65,000 with the
system font (260 KB), ~17,000 with the extended subset (under 150 KB).

Every PDF reader must find the same glyphs. The subset is built with TrueType outlines
(``_as_truetype``): glyph ids are all a reader maps, and HarfBuzz subsets it for each PDF in half
the time of CFF. The extended subset keeps Noto's CID-keyed CFF outlines; WeasyPrint embeds it as
a CIDFontType0 font with CID = glyph id (Identity), and readers that follow the font's own
charset (MuPDF, Ghostscript) look a CID up there, so its charset is renumbered to CID = glyph id
(``build_subset``), as in the full Noto fonts.

A document is set in one typeface (``face_for``): the subset when it covers every character
drawn, else the extended subset, else the full system font for the whole document, never a mix
of two within a name. A
character no face can draw is refused before rendering and when a name is entered
(``missing_glyphs``). ``unprintable_characters`` and ``unprintable_message`` apply that check to a
certificate's printed data for issuing, rendering and auto-issue refusals; they live in this light
module, not beside the renderer, so that issuing never loads WeasyPrint.

Rebuild all shipped fonts (a few minutes) with ``python -m certification.fonts``.
"""

import ctypes
import ctypes.util
import functools
import io
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "TTA Serif SC"
SHIPPED_FONTS = {400: FONT_DIR / "TTASerifSC-Regular.ttf", 700: FONT_DIR / "TTASerifSC-Bold.ttf"}
# The subset plus the CJK extensions and compatibility ideographs: names the subset cannot set.
EXT_FONT_FAMILY = "TTA Serif SC Ext"
EXT_FONTS = {400: FONT_DIR / "TTASerifSCExt-Regular.otf", 700: FONT_DIR / "TTASerifSCExt-Bold.otf"}
# Debian's fonts-noto-cjk: the full fonts, used by fontconfig for glyphs outside the subset.
SYSTEM_FONT_FAMILY = "Noto Serif CJK SC"
SYSTEM_FONTS = {
    400: ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    700: ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2),
}
HARFBUZZ_SUBSET_LIBRARY = "harfbuzz-subset"
HARFBUZZ_SUBSET_SONAME = "libharfbuzz-subset.so.0"

# Characters common in Chinese names but outside GB2312, kept in the fast subset.
RARE_NAME_CHARACTERS = (
    "喆堃赟玥珺昇䶮旻昊炜焱烨熠琛琨瑾璟瑄玮珏琰瑛璐钰铧锴镕淏濛溱沄汭湉翀翾翯"
    "甦祎禕禛祺祯韬頔颢颙晟晔暐曌昱昕晗晞晁昶犇骉麤鑫淼焱垚森犇嫣婧媛娴婕"
    "妍姝娅婳嫱嬅彧隽雋骞骐骕骁斐棨楠榕樾檬桉栎梓梵桦柘柟棣楷荻莘菁萱蓁蔚"
    "薇蕙蘅芃芮苡茜茗荟堇埕堉坤垣埙墉岑崧嵘嵚峣岚崟嵩巍珅珩琬琇璇璠瑀瑗瑢"
    "璘璞璿瓒甯禤邝郗鄢阚靳燊鋆鎏镠钊钲铠锦锟锃铎镭炅炘炟烜焜煜熹燚爔"
)


def _gb2312_characters() -> set[int]:
    found = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def subset_characters() -> set[int]:
    """The code points the shipped subset covers: ASCII, Latin-1, general punctuation, GB2312, rare names."""
    characters = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2010, 0x2040))
    characters |= set(range(0x3000, 0x3020)) | set(range(0xFF01, 0xFF5F))
    characters |= _gb2312_characters()
    characters |= {ord(c) for c in RARE_NAME_CHARACTERS}
    return characters


# Unicode blocks of ideographs outside the BMP's unified block, kept in the extended subset when
# Noto has them (Noto Serif CJK SC 2.001: A 6,582, B 2,057, C 46, D 33, E 108, F 4, G 3,
# compatibility 366 + 55 characters). All are kept: the fonts stay ~5 MB each.
EXTENSION_BLOCKS = (
    (0x3400, 0x4DBF),  # Extension A
    (0x20000, 0x2A6DF),  # Extension B
    (0x2A700, 0x2B73F),  # Extension C
    (0x2B740, 0x2B81F),  # Extension D
    (0x2B820, 0x2CEAF),  # Extension E
    (0x2CEB0, 0x2EBEF),  # Extension F
    (0x2EBF0, 0x2EE5F),  # Extension I
    (0x30000, 0x3134F),  # Extension G
    (0x31350, 0x323AF),  # Extension H
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x2F800, 0x2FA1F),  # CJK Compatibility Ideographs Supplement
)


def ext_characters() -> set[int]:
    """The code points the extended subset covers (those its source font has): the subset's and every extension."""
    characters = subset_characters()
    for first, last in EXTENSION_BLOCKS:
        characters |= set(range(first, last + 1))
    return characters


def build_subset(
    *,
    source: str,
    index: int,
    output: Path,
    family: str = FONT_FAMILY,
    characters: set[int] | None = None,
) -> None:
    """Write a subset of ``source`` (a font collection) with compact glyph ids to ``output``.

    ``family`` names it (its PostScript name is the file's stem); ``characters`` are the code
    points kept (those of the shipped subset by default), as far as ``source`` has them.
    """
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    font = TTCollection(source).fonts[index]
    options = subset.Options()
    # Only the horizontal features a certificate uses: Japanese/Korean `locl` forms would double the size.
    options.layout_features = ["kern", "palt", "ccmp", "liga", "calt"]
    options.name_IDs = ["*"]
    options.hinting = False
    options.notdef_outline = True
    options.retain_gids = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset_characters() if characters is None else characters)
    subsetter.subset(font)
    # A family name of its own, so fontconfig never confuses it with the full system font.
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID in (4, 6):
            style = "Bold" if output.stem.endswith("Bold") else "Regular"
            record.string = f"{family} {style}" if record.nameID == 4 else output.stem
    output.parent.mkdir(parents=True, exist_ok=True)
    if output.suffix == ".ttf":
        _as_truetype(font)
        font.save(output)
        return
    font["CFF "].cff.fontNames = [output.stem]
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    output.write_bytes(_cids_as_glyph_ids(buffer))


def _as_truetype(font) -> None:
    """Replace the font's CFF outlines by TrueType ones (quadratic, within 1/1000 em of the cubic).

    The shipped subset is set in every certificate: HarfBuzz subsets TrueType outlines for each
    PDF in about half the time of CID-keyed CFF, and the embedded subset is half the size
    (31 KB against 57 KB per certificate, measured), with no CID numbering for a reader to get
    wrong: glyph ids are all there is.
    """
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    # TrueType places a glyph by its left side bearing, which must be the outline's left edge;
    # CFF ignores it, and Noto's differs for some glyphs (they would move right by up to 28/1000 em).
    metrics = font["hmtx"].metrics
    for name in order:
        glyph = glyf.glyphs[name]
        glyph.recalcBounds(glyf)
        advance, _bearing = metrics[name]
        metrics[name] = (advance, getattr(glyph, "xMin", 0) if glyph.numberOfContours else 0)
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in (
        "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
        "maxStackElements", "maxSizeOfInstructions", "maxComponentElements",
    ):  # fmt: skip
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    post = font["post"]
    post.formatType = 3.0  # no glyph names: PDF readers map by glyph id
    font["head"].glyphDataFormat = 0
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    font.sfntVersion = "\x00\x01\x00\x00"


def _cids_as_glyph_ids(compiled: io.BytesIO) -> bytes:
    """The font with its CFF charset renumbered so that every glyph's CID is its glyph id.

    The subsetter compacts glyph ids but keeps each glyph's original CID; a PDF reader that maps
    CID to glyph through the charset (MuPDF, Ghostscript) then finds nothing. Only the CFF table
    is decompiled and changed: every other table refers to glyphs by id and is copied as is.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(compiled)
    top = font["CFF "].cff.topDictIndex[0]
    if not hasattr(top, "ROS"):  # a name-keyed CFF has no CIDs
        return compiled.getvalue()
    old_names = list(top.charset)
    new_names = [".notdef"] + [f"cid{glyph_id:05d}" for glyph_id in range(1, len(old_names))]
    strings = top.CharStrings
    strings.charStrings = {
        new: strings.charStrings[old] for old, new in zip(old_names, new_names, strict=True)
    }
    top.charset = new_names
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


def harfbuzz_subset_path() -> str | None:
    """Where the HarfBuzz subsetting library is, or None: WeasyPrint is ~60x slower without it."""
    return ctypes.util.find_library(HARFBUZZ_SUBSET_LIBRARY)


def harfbuzz_subset_available() -> bool:
    path = harfbuzz_subset_path()
    if not path:
        return False
    try:
        ctypes.CDLL(path)
    except OSError:
        return False
    return True


def configured_font_files() -> list[Path]:
    """Every font file a certificate may draw from, shipped subsets first."""
    files = list(SHIPPED_FONTS.values()) + list(EXT_FONTS.values())
    files += [Path(path) for path, _index in SYSTEM_FONTS.values()]
    extra = getattr(settings, "CERTIFICATE_EXTRA_FONTS", [])
    files += [Path(path) for path in extra]
    return files


def missing_font_files() -> list[Path]:
    return [path for path in configured_font_files() if not path.is_file()]


@functools.cache
def _cmap_of(path: str, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTCollection, TTFont

    if path.endswith((".ttc", ".otc")):
        font = TTCollection(path, lazy=True).fonts[index]
    else:
        font = TTFont(path, lazy=True)
    return frozenset(font.getBestCmap())


@functools.cache
def covered_code_points(weight: int = 400) -> frozenset[int]:
    """Code points at least one face can draw. Cached per process; workers call it at start,
    which also reads every face's glyph table (``face_coverage``)."""
    covered: set[int] = set()
    for face in faces():
        covered |= face_coverage(face)
    return frozenset(covered)


@dataclass(frozen=True)
class Face:
    """A typeface a whole document can be set in: its family name and its files by weight.

    ``registered``: files the renderer adds to fontconfig itself (the shipped subsets, extra
    fonts); the system font is found by fontconfig as installed.
    """

    family: str
    files: tuple[tuple[int, str, int], ...]  # (weight, path, index in a collection)
    registered: bool


def _family_of(path: str) -> str:
    from fontTools.ttLib import TTFont

    names = TTFont(path, lazy=True, fontNumber=0)["name"]
    return str(names.getDebugName(16) or names.getDebugName(1))


@functools.cache
def faces() -> tuple[Face, ...]:
    """Every typeface a document may be set in, in order of preference. Cached per process."""
    found = [
        Face(FONT_FAMILY, tuple((weight, str(path), 0) for weight, path in SHIPPED_FONTS.items()), True),
        Face(EXT_FONT_FAMILY, tuple((weight, str(path), 0) for weight, path in EXT_FONTS.items()), True),
        Face(SYSTEM_FONT_FAMILY, tuple((w, path, index) for w, (path, index) in SYSTEM_FONTS.items()), False),
    ]
    for extra in getattr(settings, "CERTIFICATE_EXTRA_FONTS", []):
        if Path(extra).is_file():
            found.append(Face(_family_of(str(extra)), ((400, str(extra), 0),), True))
    return tuple(found)


@functools.cache
def face_coverage(face: Face) -> frozenset[int]:
    """The code points every file (weight) of ``face`` can draw."""
    covered: frozenset[int] | None = None
    for _weight, path, index in face.files:
        cmap = _cmap_of(path, index) if Path(path).is_file() else frozenset()
        covered = cmap if covered is None else covered & cmap
    return covered or frozenset()


def _drawn(text: str) -> set[int]:
    # Spaces and control characters draw nothing; unassigned code points (Cn) must be drawn.
    return {ord(c) for c in text if unicodedata.category(c) not in ("Zs", "Zl", "Zp", "Cc", "Cf")}


def face_for(text: str) -> Face | None:
    """The first face that draws every character of ``text`` (None: no single face does).

    The renderer sets the whole document in it, so a name is never split between typefaces:
    plain names get the fast shipped subset, a name with a CJK extension or compatibility
    ideograph the extended subset, any other character the subsets lack the full system font.
    """
    drawn = _drawn(text)
    for face in faces():
        if drawn <= face_coverage(face):
            return face
    return None


def missing_glyphs(text: str, *, weight: int = 400) -> list[str]:
    """The characters of ``text`` that cannot be printed in one typeface, in order, without repeats.

    Empty when one face draws them all (``face_for``). Otherwise the characters missing from the
    face that draws most of them: with the shipped and system fonts, exactly the characters no
    installed font has. The one check for names, used when a name is entered and before issuing
    and rendering. ``weight`` is kept for callers; a face covers the same characters in each weight.
    """
    if face_for(text) is not None:
        return []
    drawn = _drawn(text)
    best = max(faces(), key=lambda face: len(drawn & face_coverage(face)))
    covered = face_coverage(best)
    missing: list[str] = []
    for character in text:
        if ord(character) in drawn and ord(character) not in covered and character not in missing:
            missing.append(character)
    return missing


def _printed_text(snapshot: dict) -> str:
    """Every string a certificate prints from its data (names, titles), for the glyph check."""
    parts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(snapshot)
    return "".join(parts)


def unprintable_characters(snapshot: dict) -> list[str]:
    """Characters of a certificate's printed data (its snapshot) that no configured font can draw
    (empty: printable). Issuing refuses before a serial is spent, rendering before a PDF is made."""
    return missing_glyphs(_printed_text(snapshot))


def unprintable_message(characters: list[str], *, language: str | None = "zh-hans") -> str:
    """The staff-facing refusal: in Chinese when stored on the certificate, or in ``language``
    (``None``: the active one) when said to the registrar who asked."""
    listed = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in characters)
    with translation.override(language or translation.get_language()):
        return gettext(
            "Cannot print %(characters)s: no installed font has these characters. Add a font that "
            "covers them (CERTIFICATE_EXTRA_FONTS) or correct the name, then render again."
        ) % {"characters": listed}


def system_face() -> Face:
    """The full system font: it draws every character the shipped subsets do and many more."""
    return next(face for face in faces() if face.family == SYSTEM_FONT_FAMILY)


def registered_font_files() -> list[Path]:
    """The font files the renderer adds to its fontconfig configuration (shipped subsets, extras)."""
    return [Path(path) for face in faces() if face.registered for _weight, path, _index in face.files]


if __name__ == "__main__":  # pragma: no cover - a build step, run by hand (needs no settings)
    for family, outputs, characters in (
        (FONT_FAMILY, SHIPPED_FONTS, subset_characters()),
        (EXT_FONT_FAMILY, EXT_FONTS, ext_characters()),
    ):
        for weight, output in outputs.items():
            source, index = SYSTEM_FONTS[weight]
            build_subset(source=source, index=index, output=output, family=family, characters=characters)
            print(f"{output}: {output.stat().st_size // 1024} KB", file=sys.stderr)
