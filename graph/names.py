"""Names across scripts: one Latin form and one spelling-blind key per word, so that
Қасым-Жомарт Тоқаев, Kasym-Zhomart Tokayev and Qasym-Jomart Toqaev meet.

`latin` transliterates with anyascii (a maintained library that knows the Kazakh
letters ә ғ қ ң ө ұ ү һ і, where ICU-less libraries give `?`). `keys` then folds
the spellings transliterations disagree on (Tokayev/Toqaev, Kazhgaliyev/Kazhgaliev,
Yerlan/Erlan, Zhomart/Jomart) into one key per word. Keys are for finding and
blocking, never for showing: two names with the same keys are candidates, not one
person, and `similarity` still weighs the Latin spellings themselves.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

from graph import scripts

WORD = re.compile(r"[a-z0-9]+")
POINTS = scripts.any_of(scripts.VOWEL_POINTS)

# Applied in order to a lower-case Latin word: each folds spellings of one sound that
# transliteration systems (BGN/PCGN, passport, Kazakh Latin 2018/2021, journalists')
# write differently. The longer spellings go first.
FOLDS = (
    ("shch", "s"), ("sch", "s"), ("sh", "s"),   # Щ Ш: Shcherbakov/Scherbakov, Shokan/Şokan (ş -> s)
    ("dzh", "j"), ("zh", "j"),                  # Ж: Zhomart/Jomart/Dzhomart (but З stays z: Azanov, Azhanov)
    ("kh", "h"), ("x", "h"),                    # Х: Khalikov/Halikov/Xalikov
    ("gh", "g"), ("q", "k"), ("ck", "k"),       # Ғ Қ: Qazhghaliev/Kazhgaliev, Toqaev/Tokaev
    ("tch", "c"), ("ch", "c"), ("ts", "c"), ("tz", "c"),  # Ч Ц: Chokin/Čokin (č -> c), Tsoy/Coi
    ("ph", "f"), ("w", "v"),
    ("ye", "e"), ("yo", "e"), ("jo", "e"),      # Е Ё after a vowel or at the start: Yerlan/Erlan, Aliyev/Aliev
    ("yu", "u"), ("iu", "u"), ("ya", "ia"),     # Ю Я: Yuliya/Iuliia/Julia
    ("iy", "i"), ("yi", "i"), ("y", "i"),       # Й Ы И: Kiysymbaev/Kisymbaev, Ualiyev
)
DOUBLE = re.compile(r"(.)\1+")
# Chinese characters and kana: anyascii writes each as a capitalised syllable (王小明: WangXiaoMing).
SYLLABIC = scripts.any_of(scripts.HAN, scripts.KANA)
SYLLABLE = re.compile(r"[A-Z][a-z]*|[a-z]+|[0-9]+")
MAX_SYLLABLES = 4  # runs of syllables keyed: a given name of two or three, a double surname


def latin(text: str) -> str:
    """Any script in Latin letters, accents and case kept as anyascii gives them. Arabic and
    Hebrew vowel points are left out first: they are written or not (مُحَمَّد, محمد), and
    anyascii makes them vowels (muhamad against mhmd), so one name had two keys."""
    return anyascii(POINTS.sub("", unicodedata.normalize("NFC", text or "")))


def words(text: str) -> list[str]:
    """The Latin words of a name, lower case, punctuation gone: those of each of its parts
    between spaces, the same as of the whole (anyascii turns a character at a time, and a space
    stays a space), each part transliterated once however often it recurs. Only the ASCII
    space: anyascii turns some other spaces (U+0085) into nothing, which joins two words."""
    return [w for part in (text or "").split(" ") for w in _part_words(part)]


@lru_cache(maxsize=1 << 14)
def _part_words(part: str) -> tuple[str, ...]:
    return tuple(WORD.findall(latin(part).lower()))


@lru_cache(maxsize=1 << 14)
def key(word: str) -> str:
    """One word's spelling-blind key (`Kiysymbayev` and `Кийсымбаев` give `kisimbaev`).
    Cached: words repeat across a dataset's names (given names, surnames, ranks), and a load
    keys every name and alias it writes."""
    folded = word
    for spelled, sound in FOLDS:
        folded = folded.replace(spelled, sound)
    return DOUBLE.sub(r"\1", folded)


def name_key(text: str) -> list[str]:
    """A whole name's keys, word by word, in order."""
    return [key(w) for w in words(text)]


def keys(names: Iterable[str | None]) -> list[str]:
    """Every word key of a record's names and aliases, sorted, without repeats: what the
    search index and resolution's blocking look up. A name written without spaces (王小明,
    one Latin word to anyascii: WangXiaoMing) also gives the keys of its syllables and of each
    run of them, so `Wang Xiaoming` and `王 小 明` find it as `Wangxiaoming` does."""
    return sorted({k for n in names if n for k in [*name_key(n), *_syllable_keys(n)] if len(k) > 1})


def _syllable_keys(name: str) -> list[str]:
    syllables = [s.lower() for part in name.split(" ") if SYLLABIC.search(part)
                 for s in SYLLABLE.findall(latin(part))]
    return [key("".join(syllables[i:j])) for i in range(len(syllables))
            for j in range(i + 1, min(len(syllables), i + MAX_SYLLABLES) + 1)]


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0 to 1, whatever their script and word order.

    1.0 when their word keys are the same (the same name, transliterated differently);
    0.95 when one name's words are all in the other and they share at least two (a
    patronymic or middle name left out); otherwise the Jaro-Winkler similarity of the
    words in sorted order, scaled by 0.85, so that one letter of difference the folds do
    not explain (Ualiev / Aliev, Azanov / Azhanov... ) never counts as the same name."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if sorted(ka) == sorted(kb):
        return 1.0
    sa, sb = set(ka), set(kb)
    if len(sa & sb) >= 2 and (sa <= sb or sb <= sa):
        return 0.95
    return 0.85 * JaroWinkler.similarity(" ".join(sorted(ka)), " ".join(sorted(kb)))
