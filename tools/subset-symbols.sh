#!/bin/sh
# Regenerates fonts/Symbols-Subset.ttf, the interface's fallback for symbols that Noto Sans
# lacks (≥, √, arrows, box drawing…): DejaVu Sans cut down to these Unicode blocks:
#   2000-206F General Punctuation      2070-209F Superscripts and Subscripts
#   20A0-20CF Currency Symbols         2100-214F Letterlike Symbols
#   2150-218F Number Forms             2190-21FF Arrows
#   2200-22FF Mathematical Operators   2300-23FF Miscellaneous Technical
#   25A0-25FF Geometric Shapes
# (Miscellaneous Symbols and Dingbats come from Noto Emoji, which the binary already holds.)
# Licence: fonts/DejaVu-LICENSE.txt. Needs fonttools (`pip install fonttools`).
# Usage: tools/subset-symbols.sh [DejaVuSans.ttf]
set -eu
source_font="${1:-/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf}"
here="$(cd "$(dirname "$0")/.." && pwd)"
pyftsubset "$source_font" \
    --unicodes="U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF" \
    --layout-features='*' --no-hinting --desubroutinize \
    --name-IDs='*' --name-languages='*' \
    --output-file="$here/fonts/Symbols-Subset.ttf"
ls -l "$here/fonts/Symbols-Subset.ttf"
