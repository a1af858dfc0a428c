"""Name normalisation for screening: one organisation name in, comparable keys out.

A supplier list writes the same company many ways: "Hangzhou Hikvision Digital Technology
Co., Ltd.", "HIKVISION", "海康威视", "Haikang Weishi". Screening compares what is left once
the parts that do not identify a company are set aside, and it records each step taken, so
that a match can say why it matched (STYLE.md item 5). The steps, in order:

1. Unicode NFKC (full-width "ＨＩＫ" becomes "HIK"), case folding, accents removed,
   dotted initials joined ("S.A." -> "sa"), "+" spelt out ("Face++").
2. Chinese script: traditional characters become simplified (OpenCC), a legal suffix
   (有限公司 ...) is cut, the rest is split into leading place names, generic words
   (科技, 技术 ...) and the name proper, each written in pinyin with pypinyin
   (海康威视 -> "haikangweishi"), so Latin pinyin spellings compare equal.
3. A parenthesised country or city ("(Kenya)") is removed; any other parenthesis is set
   aside as an alternative name to screen on its own.
4. Legal forms, branch words and countries are cut from the end ("Co., Ltd.", "Kenya
   Branch"); legal prefixes ("PT", "OOO") and Chinese city or province prefixes
   ("Hangzhou", "Zhejiang") from the start. A cut never leaves a name without a
   distinctive word ("Shanghai Electric" keeps "Shanghai").
5. Every remaining word is either generic ("technology", "vision", also when misspelt) or
   distinctive. The *core* key joins the distinctive words; generic words alone never make
   a match.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import opencc
import pycountry
from pypinyin import lazy_pinyin
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"[{HAN}]+|[^\W_{HAN}]+(?:['’][^\W_{HAN}]+)*|\+")
_PAREN_RE = re.compile(r"\(([^()]*)\)")
# Supplier lists join a name with a note or a second name: "Dahua - regional office",
# "Reseller: Hikvision", "Uniview / UNV". Each part is also screened on its own.
_SEGMENT_RE = re.compile(r"\s+[-–—/|]\s+|\s*[:;]\s+|\bc/o\b", re.IGNORECASE)
_INITIAL_GAP_RE = re.compile(r"\.\s?")
_INITIALS_RE = re.compile(r"(?:[^\W\d_]\.\s?)*[^\W\d_]")
_HAN_START_RE = re.compile(f"[{HAN}]")
_T2S = opencc.OpenCC("t2s")  # traditional characters (華為) compare as simplified (华为)
_FOLD = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "ı": "i",
                       "þ": "th", "’": "", "'": ""})

# Legal forms, written as folded words. Longest sequences are tried first.
LEGAL_FORMS = """
co ltd|co limited|company limited|company ltd|corp ltd|pte ltd|pvt ltd|pty ltd|private limited|
public limited company|public company limited|sdn bhd|sp z oo|sa de cv|s de rl de cv|de cv|
kabushiki kaisha|kabushikigaisha|societe anonyme|sociedad anonima|gesellschaft mbh|
youxian gongsi|youxian zeren gongsi|gufen youxian gongsi|gufen gongsi|youxiangongsi|
gufenyouxiangongsi|youxianzerengongsi|gongsi|
ltd|limited|llc|llp|lp|inc|incorporated|corp|corporation|company|co|plc|pcl|gmbh|mbh|ag|kg|
kgaa|se|sa|sas|sasu|sarl|srl|spa|sl|slu|bv|nv|pte|pvt|pty|kk|oy|oyj|ab|as|asa|aps|kft|sro|
jsc|ojsc|pjsc|cjsc|ooo|oao|zao|pao|tbk|bhd|lda|ltda|sapi|aktiengesellschaft|ltee|spzoo|zrt|
nyrt|ad|doo|dd|ead|ood|srl|sc|ao|fze|fzco|fzc|fz llc|fz co
""".replace("\n", "").split("|")
# Legal words unambiguous enough to end a name even mid-string: what follows describes a
# branch or unit ("Huawei Technologies Co., Ltd. Beijing Research Center").
MID_LEGAL = frozenset({"ltd", "limited", "llc", "inc", "incorporated", "gmbh", "plc", "corp",
                       "corporation", "pte", "pvt", "bhd", "sarl", "srl", "bv", "nv"})
LEADING_LEGAL = frozenset({"pt", "cv", "ooo", "oao", "zao", "pao", "ao", "jsc", "ojsc", "pjsc",
                           "cjsc", "tov", "the"})
BRANCH_WORDS = ["branch", "branch office", "representative office", "rep office", "office",
                "subsidiary", "division", "fengongsi", "banshichu"]
HAN_LEGAL = ("股份有限公司", "有限责任公司", "有限公司", "股份公司", "分公司", "办事处", "株式会社",
             "公司")



def _block(text: str) -> list[str]:
    """Words of a whitespace-separated block: long vocabularies stay readable as prose."""
    return text.split()


# Words that describe a line of business rather than name a company. Chinese generic words
# are listed in characters and, via pypinyin, also count in their pinyin spelling.
GENERIC_WORDS = frozenset(_block("""
technology technologies tech digital vision video visual security secure electronics electronic
electric electrical group international intl holdings holding systems system science sciences
scientific information info intelligent intelligence smart network networks communication
communications comm telecom telecoms telecommunication telecommunications software solutions
solution industry industries industrial enterprise enterprises services service data device
devices products product equipment ai artificial computing computer imaging image innovation
innovations development developments global worldwide manufacturing engineering integration
identity biometric biometrics robotics automation optical optics photonics internet online
platform grupo groupe gruppe cloud research institute center centre lab labs laboratory
laboratories investment investments
"""))
STOPWORDS = frozenset(_block("and of the for et und de do da du del des la le y e"))
HAN_GENERIC = ("信息技术", "智能科技", "科技", "技术", "数字", "信息", "智能", "电子", "通信", "通讯",
               "网络", "系统", "软件", "产业", "实业", "电气", "视频", "安防", "国际", "创新", "智慧",
               "数据", "光电", "设备", "工业", "发展", "开发", "股份", "集团", "控股", "科学", "研究院")
HAN_PLACES = _block("""北京 上海 天津 重庆 杭州 深圳 广州 南京 苏州 武汉 成都 西安 合肥 济南 青岛 大连 沈阳
哈尔滨 长沙 郑州 福州 厦门 昆明 南宁 乌鲁木齐 宁波 无锡 东莞 佛山 珠海 长春 石家庄 太原 南昌 贵阳 兰州
西宁 银川 呼和浩特 拉萨 海口 温州 常州 香港 澳门 浙江 广东 江苏 山东 四川 湖北 湖南 河南 河北 福建 安徽
江西 山西 陕西 辽宁 吉林 黑龙江 云南 贵州 广西 海南 甘肃 青海 宁夏 新疆 西藏 内蒙古""")
_HAN_LEGAL_RE = re.compile("(?:" + "|".join(HAN_LEGAL) + ")$")
_HAN_PLACE_RE = re.compile("^(?:" + "|".join(sorted(HAN_PLACES, key=len, reverse=True))
                           + ")[省市]?")
_HAN_GENERIC_RE = re.compile("(" + "|".join(HAN_GENERIC) + ")")

EXTRA_PLACES = """usa|us|uk|uae|america|europe|asia|africa|emea|apac|latam|hk|hong kong|macau|
macao|taiwan|middle east|latin america|north america|south america|southeast asia|
south east asia|asia pacific|deutschland|espana|brasil|mexico|italia|nederland|schweiz|suisse|
osterreich|polska|turkiye|rossiya|nippon|korea|zhongguo|russia|vietnam|iran|inner mongolia|tibet|xian|
urumqi|sz|shenzen|peking|canton""".replace("\n", "").split("|")


@dataclass(frozen=True, slots=True)
class Token:
    """One word: folded Latin text or pinyin, with the characters it came from."""

    text: str
    start: int
    end: int
    han: str | None = None
    generic: bool = False


@dataclass(frozen=True, slots=True)
class Normalised:
    """A name reduced to comparison keys, with the steps that got it there.

    `full` joins every remaining word and `core` only the distinctive ones (no spaces, so
    "Hik Vision", "Hik-Vision" and "Hikvision" agree); `weak` means the core alone cannot
    identify a company (no distinctive word, or only a place name). `prefix_keys` are
    `full` with trailing generic words dropped one by one ("hikvisiondigital",
    "hikvision"), so a brand that contains a generic word still meets itself.
    """

    original: str
    tokens: tuple[Token, ...]
    full: str
    core: str
    weak: bool
    prefix_keys: tuple[str, ...]
    han: str | None
    steps: tuple[tuple[str, str], ...]
    alternates: tuple[str, ...] = field(default=())
    # Derived once here, because screening reads them for every candidate it scores.
    lookup_keys: tuple[str, ...] = field(init=False)
    key_set: frozenset[str] = field(init=False)
    words: str = field(init=False)
    generic_words: tuple[str, ...] = field(init=False)
    step_kinds: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        keys = [self.full, *self.prefix_keys] + ([] if self.weak else [self.core])
        lookup = tuple(dict.fromkeys(k for k in keys if k))
        set_ = object.__setattr__
        set_(self, "lookup_keys", lookup)
        set_(self, "key_set", frozenset(lookup))
        set_(self, "words", " ".join(t.text for t in self.tokens if not t.generic) or self.full)
        set_(self, "generic_words", tuple(t.text for t in self.tokens if t.generic))
        set_(self, "step_kinds", frozenset(kind for kind, _ in self.steps))

    def removed(self, kind: str) -> bool:
        return kind in self.step_kinds


@lru_cache(maxsize=65536)
def pinyin(text: str) -> tuple[str, ...]:
    """Pinyin syllables of Chinese text, without tones (pypinyin; cached, as it is slow)."""
    return tuple(lazy_pinyin(text))


def fold(word: str) -> str:
    """Case-fold and strip accents from one word ("Société" -> "societe")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold().translate(_FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[str, ...]:
    """Folded words of a phrase, Chinese written in pinyin (for vocabulary look-ups)."""
    return tuple("".join(pinyin(_T2S.convert(w))) if _HAN_START_RE.match(w) else fold(w)
                 for w in (m.group() for m in _TOKEN_RE.finditer(text)) if w != "+")


def _sequences(phrases: list[str]) -> dict[int, frozenset[tuple[str, ...]]]:
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = _words(phrase)
        if words:
            by_length.setdefault(len(words), set()).add(words)
    return {n: frozenset(s) for n, s in sorted(by_length.items(), reverse=True)}


def _country_names() -> list[str]:
    names = list(EXTRA_PLACES)
    for country in pycountry.countries:
        names += [country.name, getattr(country, "common_name", "") or ""]
    return [n for n in names if n]


_LEGAL = _sequences(LEGAL_FORMS)
_LONG_LEGAL = sorted(form for form in LEGAL_FORMS if len(form) >= 7 and " " not in form)
_BRANCH = _sequences(BRANCH_WORDS)
# Pinyin of the places above, plus common other spellings (SZ for Shenzhen, Peking, "Shenzen").
CHINESE_PLACES = frozenset("".join(lazy_pinyin(p)) for p in HAN_PLACES) | {
    "sz", "xian", "urumqi", "shenzen", "peking", "canton"}
_CITY = _sequences(sorted(CHINESE_PLACES) + ["hong kong", "inner mongolia"])
_PLACES = _sequences(_country_names() + sorted(CHINESE_PLACES))
_GENERIC_PINYIN = frozenset("".join(lazy_pinyin(w)) for w in HAN_GENERIC)
_GENERIC_ALL = GENERIC_WORDS | STOPWORDS | _GENERIC_PINYIN
_GENERIC_LIST = sorted(_GENERIC_ALL)


@lru_cache(maxsize=65536)
def is_generic(word: str) -> bool:
    """Generic business word, tolerating one typing slip in longer words ("technolgy")."""
    if word in _GENERIC_ALL:
        return True
    if len(word) < 7:
        return False
    return process.extractOne(word, _GENERIC_LIST, scorer=Levenshtein.distance,
                              score_cutoff=1) is not None


def _tail(tokens: list[Token], table: dict[int, frozenset[tuple[str, ...]]]) -> int:
    """How many trailing tokens form a phrase of `table` (0 if none)."""
    for n, phrases in table.items():
        if n <= len(tokens) and tuple(t.text for t in tokens[-n:]) in phrases:
            return n
    if table is _LEGAL and tokens and _misspelt_legal_form(tokens[-1].text):
        return 1
    return 0


@lru_cache(maxsize=65536)
def _misspelt_legal_form(word: str) -> bool:
    """"Limted", "Corportation": one slip in a long legal form is still a legal form."""
    return len(word) >= 6 and process.extractOne(
        word, _LONG_LEGAL, scorer=Levenshtein.distance, score_cutoff=1) is not None


def _head(tokens: list[Token], table: dict[int, frozenset[tuple[str, ...]]]) -> int:
    for n, phrases in table.items():
        if n <= len(tokens) and tuple(t.text for t in tokens[:n]) in phrases:
            return n
    return 0


def _is_place(tokens: list[Token]) -> bool:
    return bool(tokens) and _head(tokens, _PLACES) == len(tokens)


def _has_name(tokens: list[Token]) -> bool:
    return any(not is_generic(t.text) for t in tokens)


def _han_tokens(run: str, start: int, steps: list[tuple[str, str]]) -> list[Token]:
    """Split a run of Chinese characters into place, generic and name parts, in pinyin."""
    while (m := _HAN_LEGAL_RE.search(run)) and m.start() > 0:
        steps.append(("legal suffix", m.group()))
        run = run[: m.start()]
    if _HAN_LEGAL_RE.fullmatch(run):
        steps.append(("legal suffix", run))
        return []
    pieces: list[str] = []
    while (m := _HAN_PLACE_RE.match(run)) and m.end() < len(run):
        pieces.append(m.group())
        run = run[m.end():]
    pieces += [p for p in _HAN_GENERIC_RE.split(run) if p]
    tokens = []
    for piece in pieces:
        base = piece[:-1] if piece[-1] in "省市" and len(piece) > 2 else piece
        tokens.append(Token("".join(pinyin(base)), start, start + len(run), han=piece))
    if tokens:
        spelt = " ".join(" ".join(pinyin(p)) for p in pieces)
        steps.append(("pinyin", f"{''.join(pieces)} -> {spelt}"))
    return tokens


def _tokenise(text: str, steps: list[tuple[str, str]]) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        word = m.group()
        if word == "+":
            tokens.append(Token("plus", m.start(), m.end()))
        elif _HAN_START_RE.match(word):
            simplified = _T2S.convert(word)
            if simplified != word:
                steps.append(("simplified", f"{word} -> {simplified}"))
            tokens += _han_tokens(simplified, m.start(), steps)
        else:
            folded = fold(word)
            prev = tokens[-1] if tokens else None
            # "S.A.", "U.S.A.": initials separated by dots are one word.
            if (prev and len(folded) == 1 and prev.han is None
                    and _INITIAL_GAP_RE.fullmatch(text[prev.end:m.start()])
                    and _INITIALS_RE.fullmatch(text[prev.start:prev.end])):
                tokens[-1] = Token(prev.text + folded, prev.start, m.end())
            else:
                tokens.append(Token(folded, m.start(), m.end()))
    return tokens


def _strip_ends(tokens: list[Token], text: str, steps: list[tuple[str, str]]) -> list[Token]:
    """Cut legal forms, branch words and countries from the end, prefixes from the start."""
    def quote(part: list[Token]) -> str:
        end = part[-1].end
        end += text[end: end + 1] == "."
        return text[part[0].start: end]

    cuts: list[tuple[str, list[Token]]] = []
    for i in range(1, len(tokens) - 1):
        if tokens[i].text in MID_LEGAL and _has_name(tokens[:i]):
            cuts.append(("branch", tokens[i + 1:]))
            tokens = tokens[: i + 1]
            break
    while len(tokens) > 1:
        if tokens[-1].text in STOPWORDS:  # "NEC Corporation of America" -> "NEC Corporation of"
            tokens = tokens[:-1]
            continue
        if n := _tail(tokens, _LEGAL):
            kind = "legal suffix"
        elif n := _tail(tokens, _BRANCH):
            kind = "branch"
        elif n := _tail(tokens, _PLACES):
            kind = "place"
        else:
            break
        rest = tokens[:-n]
        if not rest or (kind != "legal suffix" and not _has_name(rest)):
            break
        if cuts and cuts[-1][0] == kind:  # "Co" then "Limted": one suffix, "Co Limted"
            cuts[-1] = (kind, tokens[-n:] + cuts[-1][1])
        else:
            cuts.append((kind, tokens[-n:]))
        tokens = rest
    steps += [(kind, quote(part)) for kind, part in reversed(cuts)]
    if len(tokens) > 1 and tokens[0].text in LEADING_LEGAL:
        steps.append(("legal prefix", quote(tokens[:1])))
        tokens = tokens[1:]
    while (n := _head(tokens, _CITY)) and n < len(tokens) and _has_name(tokens[n:]):
        steps.append(("city prefix", tokens[0].han or quote(tokens[:n])))
        tokens = tokens[n:]
    return tokens


def _parentheses(text: str, steps: list[tuple[str, str]]) -> tuple[str, list[str]]:
    """Remove "(Kenya)" and "(Shenzhen)"; set any other parenthesis aside as an alternative."""
    alternates: list[str] = []

    def replace(m: re.Match[str]) -> str:
        inner = [Token(w, 0, 0) for w in _words(m.group(1))]
        if not inner:
            return " "
        if _is_place(inner) or _tail(inner, _LEGAL) == len(inner):
            steps.append(("place" if _is_place(inner) else "legal suffix", m.group()))
        else:
            alternates.append(m.group(1).strip())
            steps.append(("aside", m.group()))
        return " " * len(m.group())  # keeps offsets, so steps can quote the original

    return _PAREN_RE.sub(replace, text), alternates


def _script_parts(tokens: list[Token], text: str) -> list[str]:
    """A name written twice, in Latin and Chinese script, is also screened part by part."""
    han = [t for t in tokens if t.han]
    if not han or len(han) == len(tokens):
        return []
    latin = re.sub(f"[{HAN}]+", " ", text).strip()
    chinese = "".join(re.findall(f"[{HAN}]+", text))
    return [latin, chinese]


def _segments(name: str) -> list[str]:
    parts = [p.strip(" ,.") for p in _SEGMENT_RE.split(name)]
    return [p for p in parts if p] if len(parts) > 1 else []


def normalise(name: str) -> Normalised:
    """Reduce one organisation name to comparison keys, recording every step taken."""
    steps: list[tuple[str, str]] = []
    text = unicodedata.normalize("NFKC", name)
    if text != name:
        steps.append(("folded", "full-width or compatibility characters"))
    if any(unicodedata.combining(c) for c in unicodedata.normalize("NFKD", text)):
        steps.append(("accents", "accents"))
    text, alternates = _parentheses(text, steps)
    raw = _tokenise(text, steps)
    tokens = _strip_ends(raw, text, steps)
    tokens = [Token(t.text, t.start, t.end, t.han, is_generic(t.text)) for t in tokens]
    names = [t for t in tokens if not t.generic]
    full = "".join(t.text for t in tokens)
    core = "".join(t.text for t in names)
    weak = len(core) < 2 or _is_place(names)
    prefix_keys = []
    for i in range(len(tokens) - 1, 0, -1):
        if not tokens[i].generic:
            break
        kept = [t for t in tokens[:i] if not t.generic]
        if kept and not _is_place(kept):
            prefix_keys.append("".join(t.text for t in tokens[:i]))
    han = "".join(t.han or "" for t in names) if names and all(t.han for t in names) else None
    alternates += _script_parts(tokens, text)
    alternates += _segments(name)
    return Normalised(name, tuple(tokens), full, core, weak, tuple(prefix_keys), han,
                      tuple(steps), tuple(a for a in alternates if a and a != name))
