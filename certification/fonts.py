"""Fonts for certificates: the shipped CJK subset, the system fallback, and glyph coverage.

The project ships a subset of Noto Serif CJK SC (GB2312, Latin and the rare name characters
listed below) with compact glyph ids: HarfBuzz subsets it for each PDF about twice as fast as
the 20 MB system font, and the PDF is a third of the size. Characters outside the subset fall
back to the full system font, so a rare name still renders; a character outside every
configured font is refused before rendering (see ``missing_glyphs``).

Rebuild the shipped fonts (takes a few minutes) with ``python -m certification.fonts``.
"""

import ctypes
import ctypes.util
import functools
import sys
import unicodedata
from pathlib import Path

from django.conf import settings

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FAMILY = "TTA Serif SC"
SHIPPED_FONTS = {400: FONT_DIR / "TTASerifSC-Regular.otf", 700: FONT_DIR / "TTASerifSC-Bold.otf"}
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


def build_subset(*, source: str, index: int, output: Path) -> None:
    """Write a subset of ``source`` (a font collection) with compact glyph ids to ``output``."""
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
    subsetter.populate(unicodes=subset_characters())
    subsetter.subset(font)
    # A family name of its own, so fontconfig never confuses it with the full system font.
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FONT_FAMILY
        elif record.nameID in (4, 6):
            style = "Bold" if output.stem.endswith("Bold") else "Regular"
            record.string = f"{FONT_FAMILY} {style}" if record.nameID == 4 else f"TTASerifSC-{style}"
    if "CFF " in font:
        font["CFF "].cff.fontNames = [output.stem]
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)


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
    """Every font file a certificate may draw from, shipped subset first."""
    files = list(SHIPPED_FONTS.values())
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
    """Code points at least one configured font of this weight can draw. Cached per process."""
    covered: set[int] = set()
    shipped = SHIPPED_FONTS.get(weight)
    if shipped and shipped.is_file():
        covered |= _cmap_of(str(shipped), 0)
    path, index = SYSTEM_FONTS.get(weight, (None, 0))
    if path and Path(path).is_file():
        covered |= _cmap_of(path, index)
    for extra in getattr(settings, "CERTIFICATE_EXTRA_FONTS", []):
        covered |= _cmap_of(str(extra), 0)
    return frozenset(covered)


def missing_glyphs(text: str, *, weight: int = 400) -> list[str]:
    """The characters of ``text`` that no configured font can draw, in order, without repeats."""
    covered = covered_code_points(weight)
    missing: list[str] = []
    for character in text:
        # Spaces and control characters draw nothing; unassigned code points (Cn) are reported.
        if unicodedata.category(character) in ("Zs", "Zl", "Zp", "Cc", "Cf"):
            continue
        if ord(character) not in covered and character not in missing:
            missing.append(character)
    return missing


if __name__ == "__main__":  # pragma: no cover - a build step, run by hand
    import django

    django.setup()
    for weight, output in SHIPPED_FONTS.items():
        source, index = SYSTEM_FONTS[weight]
        build_subset(source=source, index=index, output=output)
        print(f"{output}: {output.stat().st_size // 1024} KB", file=sys.stderr)
