"""The writing systems chainwatch treats apart, as ranges of code points for `re` character
classes: those written without spaces between words (names are found and redacted inside
running text), those written right to left (set apart in the PDF), and the Chinese, Japanese
and Korean ones whose letters are syllables (transliteration, fonts, search words)."""

from __future__ import annotations

import re

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
HIRAGANA = "\u3040-\u309f"
KANA = "\u3040-\u30ff\u31f0-\u31ff"
HANGUL = "\u1100-\u11ff\u3130-\u318f\uac00-\ud7af"
HEBREW = "\u0590-\u05ff\ufb1d-\ufb4f"
ARABIC = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
RIGHT_TO_LEFT = HEBREW + ARABIC + "\u0700-\u07bf"  # and Syriac, Thaana
# Hebrew points and cantillation; Arabic harakat, shadda, sukun and Quranic marks: written or not.
VOWEL_POINTS = ("\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670"
                "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed")
# Thai and Lao, Tibetan, Myanmar, Khmer: written, like Chinese and Japanese, without spaces.
UNSPACED = HAN + KANA + "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"


def any_of(*ranges: str) -> re.Pattern:
    """A pattern matching one character of any of these ranges."""
    return re.compile("[" + "".join(ranges) + "]")
