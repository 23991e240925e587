"""Synthetic news text for the duplicate benchmarks: deterministic, Chinese and English.

Real news text repeats itself at the level of words and formulas (datelines, "(Reuters) -",
common words), so the generator draws words from a Zipf-like distribution over a fixed
vocabulary: distinct paragraphs share many character n-grams, as real ones do, which is what
makes a candidate prefilter work hard. Everything is seeded: the same seed, the same text.

>>> g = NewsGen(1)
>>> g.paragraph("zh") == NewsGen(1).paragraph("zh")
True
"""

from __future__ import annotations

import random
from itertools import accumulate

# ~500 common Han characters (frequency order, roughly): the pool words are built from.
_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    "子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制"
    "机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正"
    "心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党"
    "程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角"
    "期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压"
    "志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万"
    "每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林"
    "律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史"
    "感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层"
    "片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)
_SYLLABLES = [
    c + v
    for c in ("b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr")
    for v in ("a", "e", "i", "o", "u", "ai", "ea", "ou", "er", "on", "an", "in")
]
_CITIES_ZH = ["北京", "上海", "广州", "深圳", "武汉", "成都", "焦作", "郑州", "南京", "西安"]
_CITIES_EN = ["London", "Paris", "Berlin", "Tokyo", "Madrid", "Cairo", "Lima", "Oslo"]


class NewsGen:
    """Seeded generator of paragraphs, documents and their near copies."""

    def __init__(self, seed: int, vocabulary: int = 6000) -> None:
        self.rng = random.Random(seed)
        vocab_rng = random.Random(12345)  # one vocabulary for every seed: documents share words
        self.zh_words = [
            "".join(vocab_rng.choices(_HAN, k=vocab_rng.choice((1, 2, 2, 2, 3, 4))))
            for _ in range(vocabulary)
        ]
        self.en_words = [
            "".join(vocab_rng.choices(_SYLLABLES, k=vocab_rng.choice((1, 1, 2, 2, 3))))
            for _ in range(vocabulary)
        ]
        self.weights = list(accumulate(1.0 / (rank + 10) for rank in range(vocabulary)))

    def _words(self, lang: str, k: int) -> list[str]:
        pool = self.zh_words if lang == "zh" else self.en_words
        return self.rng.choices(pool, cum_weights=self.weights, k=k)

    def sentence(self, lang: str) -> str:
        """One sentence of 8 to 24 words."""
        words = self._words(lang, self.rng.randint(8, 24))
        if lang == "zh":
            cut = self.rng.randint(3, len(words) - 3)
            return "".join(words[:cut]) + "，" + "".join(words[cut:]) + "。"
        text = " ".join(words)
        return text[0].upper() + text[1:] + "."

    def paragraph(self, lang: str, sentences: int | None = None) -> str:
        """One paragraph of 1 to 5 sentences, sometimes opening with a news formula."""
        n = sentences if sentences is not None else self.rng.randint(1, 5)
        body = ("" if lang == "zh" else " ").join(self.sentence(lang) for _ in range(n))
        if self.rng.random() < 0.1:
            return self.dateline(lang) + body
        return body

    def dateline(self, lang: str) -> str:
        """A news formula shared by many unrelated paragraphs."""
        if lang == "zh":
            city = self.rng.choice(_CITIES_ZH)
            return f"新华社{city}{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日电 "
        return f"{self.rng.choice(_CITIES_EN).upper()} (Reuters) - "

    def document(self, lang: str, paragraphs: int | None = None) -> list[str]:
        """A headline and some paragraphs."""
        n = paragraphs if paragraphs is not None else self.rng.randint(4, 14)
        title = "".join(self._words(lang, 6)) if lang == "zh" else " ".join(self._words(lang, 8))
        return [title, *(self.paragraph(lang) for _ in range(n))]

    def near_copy(self, text: str, edits: int = 2) -> str:
        """A copy with a few characters changed and punctuation width flipped here and there.

        Figures are left alone: paragraphs that differ in their numbers state different facts
        (the ``duplicates`` stage keeps both), so an edited figure would not make a copy.
        """
        chars = list(text)
        for _ in range(edits):
            if len(chars) < 2:
                break
            i = self.rng.randrange(len(chars))
            if chars[i].isdigit() or (i + 1 < len(chars) and chars[i + 1].isdigit()):
                continue
            op = self.rng.random()
            if op < 0.4:
                chars[i] = self.rng.choice(_HAN) if "\u4e00" <= chars[i] <= "\u9fff" else "x"
            elif op < 0.7:
                del chars[i]
            else:
                chars.insert(i, self.rng.choice(_HAN) if chars[i] >= "\u3000" else "y")
        out = "".join(chars)
        if self.rng.random() < 0.5:
            out = out.replace("，", ",")
        return out

    def shortened(self, text: str) -> str:
        """A caption-like copy: the first sentence (or first 60%) of a paragraph."""
        for end in ("。", ". "):
            cut = text.find(end)
            if 0 < cut < len(text) - 2:
                return text[: cut + 1]
        return text[: max(1, len(text) * 3 // 5)]
