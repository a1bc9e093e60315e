"""Health data: MEDICAL_CONDITION, MEDICAL_PROCEDURE and MEDICATION from term lists.

One class, ``MedicalTermRecognizer``, emits all three types: the term lists of every type and
language (``data/medical/{condition,procedure,medication}.{ko,vi,en}.txt``) are compiled into
one regular expression shaped as a trie (shared prefixes factored out, longer terms tried
first), so a text is scanned once whatever the number of terms, with no per-term Python loop.
Terms of every language are matched in every document (a Korean chart may quote a Vietnamese
patient's "tiểu đường").

Matching rules:

- Hangul terms match with particles glued after them (``고혈압이``, ``쌍꺼풀수술을``), and a
  space inside a Hangul term is optional (``코 성형`` finds 코성형 and 코 성형).
- Latin terms (English, Vietnamese) match at word boundaries, case-insensitively; a space
  also matches a hyphen (``face lift`` finds face-lift). A Hangul particle right after a Latin
  term is allowed (``botox를``). Terms written in ALL CAPITALS (HIV, AIDS, PRP) match only
  in capitals, so "hearing aids" is not a condition.
- Vietnamese terms are stored in NFC; their NFD forms are added to the trie, so decomposed
  text is matched too and offsets stay offsets into the original text.
- A strength after a medication (``amoxicillin 500mg``, ``리도카인 2%``) extends the span.

Scores: a term alone is health data (``TERM_SCORE``, a medication with its strength
``DOSE_SCORE``); the shared ``CONTEXT`` words (진단, 병력, 처방, diagnosis, prescribed, chẩn đoán,
tiền sử, đơn thuốc, ...) raise it through the engine's window context enhancer.

Decoys:

- A term inside a phrase of ``data/medical/decoys.txt`` is dropped ("economic depression",
  "Great Depression", 쌍수를 들고). Known limit: only listed collocations are caught; any other
  non-medical "depression" (a depression in the ground) is still reported.
- Marketing copy: a term with a ``MARKETING`` word nearby (이벤트, 특가, promotion, khuyến mãi)
  and no clinical ``CONTEXT`` word nearby is dropped. An advert ("필러 특가 이벤트",
  "임신부 할인 이벤트") names no data subject, so it is not anyone's health data; the same
  words in a chart ("환자 ... 보톡스 시술, 이벤트 할인 적용") keep the term, since the clinical
  word says a person is being described.
- Body parts alone (코, nose, mũi) and the generic 수술 / surgery / phẫu thuật are not terms.

Users extend the lists without code: ``MedicalTermRecognizer(extra_files=[...])`` takes more
files in the same format, whose type is read from the file name's first part
(``procedure.clinic.txt`` → MEDICAL_PROCEDURE); a later file wins a term another type has.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntFlag, auto
from functools import cache, cached_property, lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from scanner.recognizers.base import DEFAULT_WINDOW, LANGUAGES, SelfLabelling, merge_words
from scanner.recognizers.trigger import CASE_EXCEPTIONS, plain_lowered

ENTITY_BY_PREFIX = {
    "condition": "MEDICAL_CONDITION",
    "procedure": "MEDICAL_PROCEDURE",
    "medication": "MEDICATION",
}
ENTITIES = tuple(ENTITY_BY_PREFIX.values())
DATA_PACKAGE = "scanner.recognizers"
DATA_DIR = "data/medical"
DECOY_FILE = "decoys.txt"
TERM_SCORE = 0.65
DOSE_SCORE = 0.7
MARKETING_WINDOW = DEFAULT_WINDOW
DECOY_REACH = 40  # how far a decoy phrase may extend beyond the term it contains

CONTEXT = merge_words(
    [
        "진단", "병력", "과거력", "기왕력", "가족력", "수술명", "수술일", "수술 이력", "시술명",
        "시술일", "처방", "복용", "투약", "투여", "약물", "환자", "주호소", "문진", "소견",
        "동의서",
    ],
    [
        "chẩn đoán", "tiền sử", "bệnh sử", "đơn thuốc", "kê đơn", "bệnh nhân", "điều trị",
        "đang dùng", "thủ thuật", "liều",
    ],
    [
        "diagnosis", "diagnosed", "history of", "medical history", "hx", "dx", "rx",
        "prescribed", "prescription", "medication", "patient", "underwent", "allergic to",
        "treated for", "taking",
    ],
)  # fmt: skip
MARKETING = merge_words(
    ["이벤트", "특가", "프로모션", "광고", "최저가", "선착순", "할인가"],
    ["khuyến mãi", "ưu đãi", "giảm giá", "quảng cáo"],
    ["promotion", "promo", "special offer", "% off", "limited time", "coupon", "discount"],
)

# Where a term names a topic rather than a person's health (see ``_not_about_a_person``).
PRICE_LIST = merge_words(
    ["가격표", "진료비용", "수가표", "비용 안내", "가격 안내", "시술 메뉴"],
    ["bảng giá", "giá dịch vụ", "báo giá dịch vụ"],
    ["price list", "fee schedule", "price menu", "pricing", "our prices", "menu of services"],
)
# an offer on a line: a gift, a free service, a percentage off, 1+1, a price range start
_OFFER = (
    r"1\+1|\d\s?%\s?(?:off\b|할인|dc\b)|giảm\s?\d{1,2}\s?%|무료|증정|\bfree\b|\btặng\b"
    r"|miễn phí|chỉ từ|chỉ còn|giá chỉ|\bfrom\s?(?:[$₩£€]|us\$|usd|krw|vnd)"
    r"|\b(?:starting|prices?) from\b|→"
)
_PRICE = (
    r"\d(?:[\d,.]*\d)?\s?(?:원|만\s?원|천\s?원|đ\b|₫|vnđ|vnd|triệu|usd|krw|won\b)"
    r"|(?:[$₩£€]|us\$|usd|krw|vnd)\s?\d"
)
_PRICE_OR_OFFER = re.compile(f"{_PRICE}|{_OFFER}", re.IGNORECASE)
# a text that sells: a price-list title, a marketing word or a strong offer. Literal words,
# found in the lowercased text by one Aho-Corasick pass (see ``_sells``).
OFFER_WORDS = (
    "1+1", "free consultation", "무료 상담", "무료상담", "tặng", "miễn phí", "chỉ từ",
    "from $", "from us$", "from usd", "from ₩", "from £", "from €", "from krw", "from vnd",
)  # fmt: skip
# a list item: a bullet, a symbol or emoji, a number, or a table row ("item | code | fee")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·+>]|\d{1,2}[.)][ \t])|[^\n]*[|\t]")
# a numbered question of a form whose answer follows ("Q4. Allergies?", "7. 임신 가능성")
_FORM_QUESTION = re.compile(
    r"[ \t]*(?:q|question|câu(?: hỏi)?|문항)?[ \t]*\d{1,2}[ \t]*[.)][ \t]", re.IGNORECASE
)
_QUESTION_END = re.compile(
    r"(?:\?|:|여부|유무|가능성|있습니까|있나요|있으신가요|không|chưa)[ \t\u3000]*$", re.IGNORECASE
)
# a rare risk a form or leaflet warns of, not a finding: "rarely anaphylaxis", "hiếm gặp ..."
# ("risk of", 위험, 가능성 are left alone: "at risk of keloid" is about the patient)
RARE_WORDS = ("rarely", "hiếm gặp", "hiếm khi", "드물게")
_RARE_RISK = re.compile(rf"(?:\b{'|'.join(RARE_WORDS)})[ \t]*(?:[:,][ \t]*)?$", re.I)
RISK_REACH = 16  # how far before a term "rarely" may sit

_LATIN_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_COMBINING = "\u0300-\u036f"
_LATIN_CHAR = re.compile(f"[{_LATIN_LETTERS}0-9]")
_HANGUL_CHAR = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_RIGHT_EDGE = f"(?![{_LATIN_LETTERS}{_COMBINING}])"
_LATIN_SPACE = "[ \\t\u00a0-]+"
_HANGUL_SPACE = "[ \\t\u00a0]?"
_APOSTROPHE = "['\u2019]"
_DOSE = (
    r"(?P<dose>[ \t]?(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[ \t]?"
    r"(?:mcg|mg|µg|μg|ml|cc|iu|units?|g|%|단위)(?![A-Za-z]))?"
)
_SPACES = re.compile(r"[\s\-]+")
_HEAD_END = re.compile("[\\s'\u2019-]")
_WORD_END = re.compile("[\\s'\u2019]")  # where a term's literal first word ends (see _atoms)


@lru_cache(maxsize=4096)
def term_key(term: str) -> str:
    """Return the lookup key of a term or matched text: NFC, casefolded, without spaces."""
    text = unicodedata.normalize("NFC", term).replace("\u2019", "'")
    return _SPACES.sub("", text).casefold()


def read_terms(lines: Iterable[str]) -> list[str]:
    """Return the terms of a data file: one a line, ``#`` comments and blanks skipped."""
    terms = []
    for line in lines:
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(unicodedata.normalize("NFC", term))
    return terms


def entity_for_file(name: str) -> str:
    """Return the entity type of a term file from its name (``condition.ko.txt``)."""
    prefix = name.split(".", 1)[0]
    if prefix not in ENTITY_BY_PREFIX:
        raise ValueError(f"{name}: name must start with one of {sorted(ENTITY_BY_PREFIX)}")
    return ENTITY_BY_PREFIX[prefix]


def packaged_term_files() -> dict[str, list[str]]:
    """Return ``{file name: terms}`` for the packaged lists (decoys included)."""
    folder = resources.files(DATA_PACKAGE).joinpath(DATA_DIR)
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda item: item.name):
        if entry.name.endswith(".txt"):
            found[entry.name] = read_terms(entry.read_text(encoding="utf-8").splitlines())
    return found


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    end: str | None = None  # the assertion closing a term here ("" when none is needed)


def _atoms(term: str) -> list[str]:
    """Turn a term into regex atoms: one per character, spaces and apostrophes widened."""
    atoms: list[str] = []
    for index, char in enumerate(term):
        if char == " ":
            previous = term[index - 1] if index else ""
            hangul = _HANGUL_CHAR.match(previous)
            atoms.append(_HANGUL_SPACE if hangul else _LATIN_SPACE)
        elif char in "'\u2019":
            atoms.append(_APOSTROPHE)
        elif index == 0 and _LATIN_CHAR.match(char):
            # the boundary sits after the first literal so the regex keeps its fast prefix scan
            escaped = re.escape(char)
            atoms.append(f"{escaped}(?<![{_LATIN_LETTERS}0-9]{escaped})")
        else:
            atoms.append(re.escape(char))
    return atoms


def _atom_order(atom: str) -> tuple[int, str]:
    """Literals before optional spaces, so a longer glued term is tried first."""
    return (1 if atom == _HANGUL_SPACE else 0, atom)


def trie_regex(terms: Iterable[str]) -> str | None:
    """Compile terms into one trie-shaped alternation (None when there are none)."""
    root = _Node()
    for term in terms:
        node = root
        for atom in _atoms(term):
            node = node.children.setdefault(atom, _Node())
        latin_end = _LATIN_CHAR.match(unicodedata.normalize("NFC", term)[-1]) is not None
        node.end = _RIGHT_EDGE if latin_end else ""
    if not root.children:
        return None
    return _node_regex(root)


def _node_regex(node: _Node) -> str:
    """Return the regex of one trie node: children first (longest first), then the end."""
    branches = [
        atom + _node_regex(child)
        for atom, child in sorted(node.children.items(), key=lambda item: _atom_order(item[0]))
    ]
    if node.end is not None:
        branches.append(node.end)
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


def _variants(term: str) -> set[str]:
    """Return the NFC and NFD spellings of a term."""
    return {unicodedata.normalize("NFC", term), unicodedata.normalize("NFD", term)}


def _is_acronym(term: str) -> bool:
    """ALL-CAPITALS ASCII terms (HIV, AIDS, COVID-19) are matched case-sensitively."""
    return term.isascii() and any(c.isalpha() for c in term) and term.upper() == term


def _split_terms(terms: Iterable[str]) -> tuple[set[str], set[str]]:
    """Return (case-insensitive, case-sensitive) spellings of the terms."""
    folded: set[str] = set()
    exact: set[str] = set()
    for term in terms:
        (exact if _is_acronym(term) else folded).update(_variants(term))
    return folded, exact


def compile_terms(terms: Iterable[str], with_dose: bool = False) -> re.Pattern[str] | None:
    """Compile terms into one pattern with a ``term`` group (and an optional ``dose``)."""
    source = terms_regex(terms, with_dose)
    return re.compile(source, re.IGNORECASE) if source else None


class DeferredPattern:
    """A case-insensitive regex compiled on first use.

    The whole-trie IGNORECASE pattern serves only texts that lowercase unlike IGNORECASE
    (``LoweredTerms``), and compiling it was most of an engine's start-up.
    """

    def __init__(self, source: Callable[[], str]) -> None:
        """Keep how to write the regex; nothing is written or compiled yet."""
        self._source = source

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once)."""
        return re.compile(self._source(), re.IGNORECASE)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``re.Pattern.finditer`` of the compiled pattern."""
        return self.compiled.finditer(text)


def terms_regex(terms: Iterable[str], with_dose: bool = False) -> str | None:
    """The regex of ``compile_terms`` (flags: IGNORECASE), or None without terms."""
    folded, exact = _split_terms(terms)
    parts = []
    folded_regex = trie_regex(folded)
    exact_regex = trie_regex(exact)
    if folded_regex:
        parts.append(folded_regex)
    if exact_regex:
        parts.append(f"(?-i:{exact_regex})")
    if not parts:
        return None
    dose = _DOSE if with_dose else ""
    return f"(?P<term>{'|'.join(parts)}){dose}"


@dataclass(frozen=True)
class LoweredTerms:
    """``compile_terms``' pattern split in two faster ones, with the same matches.

    ``re`` cannot skip ahead to a term's first character in a case-insensitive alternation,
    so it tries the whole trie at every position. ``folded`` is the trie of the lowercased
    case-insensitive terms, compiled case-sensitively and run on ``text.lower()``; ``exact``
    is the ALL-CAPITALS part, run on the text. Both are tried only where ``heads`` found a
    first word of their terms (in one pass that also finds the signal words). ``finditer``
    merges them as the alternation would: leftmost match first, the case-insensitive terms
    winning a tie. Texts where lowercasing is not equivalent to IGNORECASE (length changes,
    ſ, ı, µ, Greek, Cyrillic) are matched with the original pattern.
    """

    pattern: re.Pattern[str] | DeferredPattern
    folded: FirstCharTrie | None
    exact: re.Pattern[str] | None
    heads: FirstWords | None = None  # None: try the patterns everywhere

    @classmethod
    def build(
        cls,
        pattern: re.Pattern[str] | DeferredPattern,
        terms: Iterable[str],
        dose: str,
        signals: Mapping[str, Signal] | None = None,
    ) -> LoweredTerms:
        """Build the split patterns for ``pattern`` = ``compile_terms(terms, ...)``.

        ``signals`` (lowercased words) are looked for in the same pass as the first words.
        """
        folded, exact = _split_terms(terms)
        lowered_terms = {term.lower() for term in folded}
        exact_regex = trie_regex(exact)
        return cls(
            heads=first_words(lowered_terms, {term.lower() for term in exact}, signals or {}),
            pattern=pattern,
            folded=FirstCharTrie(lowered_terms, dose) if lowered_terms else None,
            exact=(
                re.compile(f"(?P<term>(?-i:{exact_regex})){dose}", re.IGNORECASE)
                if exact_regex
                else None
            ),
        )

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of ``pattern.finditer(text)`` (same spans and groups' spans)."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[Iterator[re.Match[str]], Signal | None]:
        """``finditer``'s matches, and the signals of the signal words found in the lowered
        text by the same pass (None when the pass did not run: look for them yourself)."""
        lowered = plain_lowered(text)
        if lowered is None or len(lowered) != len(text):
            return self.pattern.finditer(text), None
        folded, exact = self.folded, self.exact
        low: _Search | None = None
        high: _Search | None = None
        if self.heads is None:
            low = partial(folded.search, lowered) if folded else None
            high = partial(exact.search, text) if exact else None
            return _merged(low, high), None
        found = self.heads.find(lowered)
        if folded:
            low = _Leftmost(partial(folded.match, lowered), found.starts)
        if exact:
            high = _Leftmost(partial(exact.match, text), found.acronym_starts)
        return _merged(low, high), found.signals


_Search = Callable[[int], re.Match[str] | None]  # the leftmost match from a position on


def _merged(low: _Search | None, high: _Search | None) -> Iterator[re.Match[str]]:
    """The case-insensitive (``low``) and exact (``high``) matches, merged as the alternation
    would find them: leftmost first, the case-insensitive one winning a tie."""
    position = 0
    low_found = low(0) if low else None
    high_found = high(0) if high else None
    while low_found is not None or high_found is not None:
        if high_found is None or (
            low_found is not None and low_found.start() <= high_found.start()
        ):
            assert low_found is not None
            found = low_found
        else:
            found = high_found
        yield found
        position = found.end()
        if low_found is not None and low_found.start() < position:
            low_found = low(position) if low else None
        if high_found is not None and high_found.start() < position:
            high_found = high(position) if high else None


class _Leftmost:
    """The leftmost match from a position on, tried only where a match may start."""

    def __init__(self, match: _Search, starts: list[int]) -> None:
        """``match(start)``: the match at ``start``; ``starts``: where one may be, in order."""
        self._match = match
        self._starts = starts
        self._next = 0  # searches come with rising positions: starts before this are done

    def __call__(self, position: int) -> re.Match[str] | None:
        """The match at the first start at or after ``position`` where there is one."""
        starts = self._starts
        index = bisect_left(starts, position, self._next)
        found = None
        while found is None and index < len(starts):
            found = self._match(starts[index])
            index += 1
        self._next = index
        return found


class Signal(IntFlag):
    """What a signal word found in a text says may be there (see ``_screen``)."""

    DECOY = auto()  # the first word of a decoy phrase
    MARKETING = auto()
    SELLING = auto()  # a price-list title or an offer word
    RARE = auto()  # a rare-risk word


NO_SIGNAL = Signal(0)


def signal_words(decoy_heads: Iterable[str]) -> dict[str, Signal]:
    """The lowercased words that turn the screens on, each with the signals it gives."""
    groups = (
        (Signal.DECOY, decoy_heads),
        (Signal.MARKETING, (word.lower() for word in MARKETING)),
        (Signal.SELLING, (word.lower() for word in (*PRICE_LIST, *OFFER_WORDS))),
        (Signal.RARE, RARE_WORDS),
    )
    words: dict[str, Signal] = {}
    for signal, group in groups:
        for word in filter(None, group):
            words[word] = words.get(word, NO_SIGNAL) | signal
    return words


def first_words(
    terms: Iterable[str], acronyms: Iterable[str], signals: Mapping[str, Signal]
) -> FirstWords | None:
    """The finder of the first words (up to a space or an apostrophe) of the lowered
    case-insensitive ``terms`` and lowered ``acronyms``, and of the signal words; None when
    a term has no first word."""
    heads = {_WORD_END.split(term, maxsplit=1)[0] for term in terms}
    acronym_heads = {_WORD_END.split(term, maxsplit=1)[0] for term in acronyms}
    if "" in heads | acronym_heads or not heads | acronym_heads:
        return None
    return FirstWords(heads, acronym_heads, signals)


class FirstWordsFound(NamedTuple):
    """What ``FirstWords.find`` found in a lowered text."""

    starts: list[int]  # where case-insensitive terms' first words start, in order
    acronym_starts: list[int]  # where the ALL-CAPITALS terms' (lowered) first words start
    signals: Signal


class FirstWords:
    """Finds where first words start in a lowered text, and which signal words it holds.

    Every match of a term starts with its first word, letter for letter (an acronym's
    lowered first word in the lowered text), so a term can only start where a first word
    was found. An Aho-Corasick automaton finds the signal words, the acronyms' first words
    and the other first words starting with a Latin letter or digit; the rest (Korean) are
    looked for by a regex that skips to a possible first letter followed by a possible
    second letter. The split is for speed: the automaton looks a letter up among the first
    letters one by one, and hundreds of syllables start Korean words, while two syllables
    rarely pass.
    """

    def __init__(
        self, heads: set[str], acronym_heads: set[str], signals: Mapping[str, Signal]
    ) -> None:
        """Index the first words and the ``signals`` (all lowercased, none empty)."""
        latin = {head for head in heads if _LATIN_CHAR.match(head)}
        self._automaton = _automaton(
            {
                word: (
                    len(word),
                    word in latin,
                    _ends_with_edge(word),
                    word in acronym_heads,
                    signals.get(word),
                )
                for word in latin | acronym_heads | set(signals)
            }
        )
        others = heads - latin
        self._one_letter = {head for head in others if len(head) == 1}
        self._by_two_letters: dict[str, tuple[str, ...]] = {}
        for head in sorted(others - self._one_letter):
            self._by_two_letters[head[:2]] = (*self._by_two_letters.get(head[:2], ()), head)
        self._other_letters = _two_letter_filter(others) if others else None

    def find(self, lowered: str) -> FirstWordsFound:
        """Where first words start in ``lowered``, and the signals found."""
        starts = set()
        acronym_starts = set()
        signals = NO_SIGNAL
        if self._automaton is not None:
            for end, word in self._automaton.iter(lowered):
                length, first, edge, acronym, word_signals = word
                start = end - length + 1
                if first and _at_word_start(lowered, start, end + 1, edge):
                    starts.add(start)
                if acronym:
                    acronym_starts.add(start)
                if word_signals is not None:
                    signals |= word_signals
        if self._other_letters is not None:
            for letter in self._other_letters.finditer(lowered):
                start = letter.start()
                longer = self._by_two_letters.get(lowered[start : start + 2], ())
                if letter.group() in self._one_letter or lowered.startswith(longer, start):
                    starts.add(start)
        return FirstWordsFound(sorted(starts), sorted(acronym_starts), signals)


# What a Latin term's first letter never follows, and what its last letter never precedes
# (``_atoms``, ``_RIGHT_EDGE``): the classes' characters (all below U+2000), for set look-ups.
_WORD_CHARS = frozenset(filter(_LATIN_CHAR.match, map(chr, range(0x2000))))
_LETTERS_AND_MARKS = frozenset(
    filter(re.compile(f"[{_LATIN_LETTERS}{_COMBINING}]").match, map(chr, range(0x2000)))
)


def _ends_with_edge(head: str) -> bool:
    """True when no match of a term with this first word is followed by a Latin letter or
    a combining mark.

    The term either ends with the word (at an edge, as the word ends in a Latin letter or
    digit) or goes on with a space or an apostrophe.
    """
    return _LATIN_CHAR.match(unicodedata.normalize("NFC", head)[-1]) is not None


def _at_word_start(lowered: str, start: int, end: int, edge: bool) -> bool:
    """True when a Latin first word found at ``start:end`` may begin a term: no Latin letter
    or digit before it and, with an ``edge``, no Latin letter or combining mark after it."""
    return lowered[start - 1 : start] not in _WORD_CHARS and not (
        edge and lowered[end : end + 1] in _LETTERS_AND_MARKS
    )


def _automaton(values: Mapping[str, object]) -> Any:
    """An Aho-Corasick automaton of ``values``' words, reporting their values (None if none)."""
    if not values:
        return None
    automaton = ahocorasick.Automaton()
    for word, value in sorted(values.items()):  # sorted: the same speed in every process
        automaton.add_word(word, value)
    automaton.make_automaton()
    return automaton


def _two_letter_filter(words: set[str]) -> re.Pattern[str]:
    """A regex of the letter where one of ``words`` may start: a one-letter word, or the first
    letter of a longer word followed by the second letter of one."""
    singles = {word for word in words if len(word) == 1}
    longer = words - singles
    followers = []
    if singles:
        followers.append(f"(?<={_letter_class(singles)})")
    if longer:
        followers.append(f"(?={_letter_class({word[1] for word in longer})})")
    firsts = singles | {word[0] for word in longer}
    return re.compile(f"{_letter_class(firsts)}(?:{'|'.join(followers)})")


def _letter_class(letters: Iterable[str]) -> str:
    """A regex character class of ``letters``."""
    return "[" + "".join(re.escape(letter) for letter in sorted(letters)) + "]"


class FirstCharTrie:
    """The lowered terms' trie, one regex per first character, each compiled on first use.

    A term's regex starts with its first character as a literal, so a match at ``position``
    can only come from the terms starting with ``text[position]``: ``match`` compiles and
    tries that group alone. Compiling one trie of thousands of terms took seconds at every
    engine start; a process compiles only the groups its texts reach, a few milliseconds each.
    """

    def __init__(self, terms: Iterable[str], dose: str) -> None:
        """Group ``terms`` (lower case) by their first character; nothing is compiled yet."""
        self._groups: dict[str, list[str]] = {}
        for term in terms:
            self._groups.setdefault(term[0], []).append(term)
        self._dose = dose
        self._compiled: dict[str, re.Pattern[str] | None] = {}
        self._whole = DeferredPattern(
            lambda: self._source(t for g in self._groups.values() for t in g)
        )

    def _source(self, terms: Iterable[str]) -> str:
        """The regex of some terms: case-sensitive terms, a case-insensitive dose."""
        return f"(?P<term>(?-i:{trie_regex(terms)})){self._dose}"

    def match(self, text: str, position: int) -> re.Match[str] | None:
        """The longest-first term match at ``position`` (``re.match`` of the whole trie)."""
        first = text[position : position + 1]
        if first not in self._compiled:
            group = self._groups.get(first)
            self._compiled[first] = (
                re.compile(self._source(group), re.IGNORECASE) if group else None
            )
        pattern = self._compiled[first]
        return pattern.match(text, position) if pattern is not None else None

    def search(self, text: str, position: int) -> re.Match[str] | None:
        """``re.search`` of the whole trie (compiled once, when first needed)."""
        return self._whole.compiled.search(text, position)


@dataclass(frozen=True)
class TermIndex:
    """Compiled term lists: one pattern for all terms, their types, and the decoy phrases."""

    pattern: re.Pattern[str] | DeferredPattern | None
    entity_by_key: Mapping[str, str]
    decoys: re.Pattern[str] | None
    lowered: LoweredTerms | None = None
    decoy_heads: frozenset[str] = frozenset({""})

    @classmethod
    def build(cls, files: Mapping[str, Sequence[str]]) -> TermIndex:
        """Build from ``{file name: terms}``; a later file wins a key an earlier one had."""
        entity_by_key: dict[str, str] = {}
        terms: list[str] = []
        decoys: list[str] = []
        for name, lines in files.items():
            if name == DECOY_FILE:
                decoys.extend(lines)
                continue
            entity = entity_for_file(name)
            spell = spellings if entity == "MEDICATION" else _same
            for term in (spelling for line in lines for spelling in spell(line)):
                entity_by_key[term_key(term)] = entity
                terms.append(term)
        pattern = (
            DeferredPattern(lambda: terms_regex(terms, with_dose=True) or "") if terms else None
        )
        decoy_heads = heads(decoys)
        signals = signal_words(decoy_heads)
        return cls(
            pattern=pattern,
            entity_by_key=entity_by_key,
            decoys=compile_terms(decoys),
            lowered=LoweredTerms.build(pattern, terms, _DOSE, signals) if pattern else None,
            decoy_heads=decoy_heads,
        )


def spellings(term: str) -> list[str]:
    """A drug name and its other Latin spellings: Vietnamese labels write INNs phonetically.

    ``amlodipine`` → ``amlodipin`` (final e dropped), ``amoxicillin`` → ``amoxicilin``,
    ``cephalexin`` → ``cefalexin``; the variants are whole words, matched like the term.
    """
    if not term.isascii() or _is_acronym(term):
        return [term]
    variants = [term]
    for pattern, replacement in _SPELLING_RULES:
        variants += [pattern.sub(replacement, v) for v in variants if pattern.search(v)]
    return list(dict.fromkeys(variants))


def _same(term: str) -> list[str]:
    """The term alone (conditions and procedures have no spelling rules)."""
    return [term]


_SPELLING_RULES = (
    (re.compile(r"(?<=[a-z]{3}[bcdfghklmnprstvxz])e\b"), ""),
    (re.compile(r"cillin"), "cilin"),
    (re.compile(r"ph"), "f"),
)


def heads(phrases: Iterable[str]) -> frozenset[str]:
    """The lowercased first words of phrases (NFC and NFD): every match holds one.

    ``{""}`` (found in any text) when a phrase's first word does not lowercase letter by letter.
    """
    found = set()
    for phrase in phrases:
        for variant in _variants(phrase):
            head = _HEAD_END.split(variant, maxsplit=1)[0]
            if not head or len(head.lower()) != len(head) or CASE_EXCEPTIONS.search(head):
                return frozenset({""})
            found.add(head.lower())
    return frozenset(found)


@lru_cache(maxsize=1)
def packaged_index() -> TermIndex:
    """Return the index of the packaged lists, built once per process."""
    return TermIndex.build(packaged_term_files())


def load_files(paths: Iterable[str | Path]) -> dict[str, list[str]]:
    """Read user term files (same format and naming as the packaged ones)."""
    found: dict[str, list[str]] = {}
    for path in map(Path, paths):
        if path.name != DECOY_FILE:
            entity_for_file(path.name)
        found.setdefault(path.name, []).extend(
            read_terms(path.read_text(encoding="utf-8").splitlines())
        )
    return found


class MedicalTermRecognizer(SelfLabelling, EntityRecognizer):
    """Finds MEDICAL_CONDITION, MEDICAL_PROCEDURE and MEDICATION from the term lists."""

    CONTEXT = CONTEXT
    ENTITIES = ENTITIES

    def __init__(
        self, supported_language: str = "en", extra_files: Iterable[str | Path] = ()
    ) -> None:
        """Create the recognizer for one language; ``extra_files`` extend the lists."""
        extra = load_files(extra_files)
        if extra:
            merged = packaged_term_files()
            for name, terms in extra.items():
                merged[name] = merged.get(name, []) + terms
            self.index = TermIndex.build(merged)
        else:
            self.index = packaged_index()
        self._marketing = re.compile("|".join(re.escape(word) for word in MARKETING), re.IGNORECASE)
        # the marketing words for lowercased text, to learn once per text whether one occurs
        self._any_marketing = re.compile("|".join(re.escape(word.lower()) for word in MARKETING))
        self._clinical = clinical_words(CONTEXT)
        super().__init__(
            supported_entities=list(self.ENTITIES),
            supported_language=supported_language,
            context=list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load: the index is built in ``__init__``."""

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        """Return every listed term in ``text`` of a requested type, decoys dropped."""
        pattern = self.index.pattern
        if pattern is None:
            return []
        wanted = set(entities or self.ENTITIES)
        results = []
        lowered = self.index.lowered
        matches, signals = lowered.scan(text) if lowered else (pattern.finditer(text), None)
        screen: tuple[bool, bool, bool, bool] | None = None
        for match in matches:
            start, end = match.span("term")
            entity = self.index.entity_by_key.get(term_key(text[start:end]))
            if entity is None or entity not in wanted:
                continue
            score = TERM_SCORE
            if entity == "MEDICATION" and match.start("dose") < match.end("dose"):
                end, score = match.end("dose"), DOSE_SCORE
            screen = screen or self._screen(text, signals)
            if self._dropped(text, start, end, screen):
                continue
            results.append(
                RecognizerResult(
                    entity_type=entity,
                    start=start,
                    end=end,
                    score=score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: type(self).__name__,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def _screen(self, text: str, signals: Signal | None) -> tuple[bool, bool, bool, bool]:
        """Whether ``text`` may hold a decoy phrase, a marketing word, a commercial word, and
        a rare-risk word (once per text), from the ``signals`` found when there are some."""
        if signals is None:
            return self._screen_text(text)
        return _screen_of(signals, "" in self.index.decoy_heads)

    def _screen_text(self, text: str) -> tuple[bool, bool, bool, bool]:
        """``_screen`` looking for the words in ``text`` itself."""
        lowered = plain_lowered(text)
        if lowered is None:
            return True, True, True, True  # letters where lowercasing and IGNORECASE disagree
        decoys = any(head in lowered for head in self.index.decoy_heads)
        marketing = self._any_marketing.search(lowered) is not None
        return decoys, marketing, marketing or _sells(lowered), _rare(lowered)

    def _dropped(
        self, text: str, start: int, end: int, screen: tuple[bool, bool, bool, bool]
    ) -> bool:
        """True when the term is part of a decoy phrase or of an advert, or about no one."""
        decoys, marketing, commercial, rare = screen
        return (
            (decoys and self._in_decoy(text, start, end))
            or (marketing and self._in_advert(text, start, end))
            or self._not_about_a_person(text, start, end, commercial, rare)
        )

    def _not_about_a_person(
        self, text: str, start: int, end: int, commercial: bool, rare: bool
    ) -> bool:
        """True for a form's question, a warned-of risk, or an item of a price list or advert.

        "Q4. Allergies (drugs, latex, food)?" and "7. 임신 가능성" ask; the answer below is the
        data. "risks ... rarely anaphylaxis" warns anyone who signs. A bulleted or
        tabled line with a price or an offer in a text with a price-list title or marketing
        words ("• rhinoplasty: from $3,000", "nâng mũi | NM01 | 25 triệu") sells to no one.
        """
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        if line_end < 0:
            line_end = len(text)
        if _is_form_question(text, line_start, line_end, start, end) or (
            rare and _is_rare_risk(text, line_start, start)
        ):
            return True
        if not commercial:
            return False
        listed = _LIST_ITEM.match(text, line_start, line_end) is not None
        return (listed or _starts_with_symbol(text, line_start, line_end)) and self._sold(
            text, line_start, line_end
        )

    def _sold(self, text: str, line_start: int, line_end: int) -> bool:
        """True when a line offers a price or a deal and names no patient or clinical fact."""
        return (
            _PRICE_OR_OFFER.search(text, line_start, line_end) is not None
            and self._clinical.search(text, line_start, line_end) is None
        )

    def _in_decoy(self, text: str, start: int, end: int) -> bool:
        """True when the term lies inside a decoy phrase ("economic depression")."""
        decoys = self.index.decoys
        if decoys is None:
            return False
        low, high = max(0, start - DECOY_REACH), min(len(text), end + DECOY_REACH)
        return any(m.start() <= start and end <= m.end() for m in decoys.finditer(text, low, high))

    def _in_advert(self, text: str, start: int, end: int) -> bool:
        """True when marketing words, and no clinical word, surround the term."""
        low, high = max(0, start - MARKETING_WINDOW), min(len(text), end + MARKETING_WINDOW)
        if self._marketing.search(text, low, high) is None:
            return False
        return self._clinical.search(text, low, high) is None


@lru_cache(maxsize=1)
def _selling_words() -> Any:
    """An automaton of the price-list titles and offer words (lowercased)."""
    automaton = ahocorasick.Automaton()
    for word in (*PRICE_LIST, *OFFER_WORDS):
        automaton.add_word(word.lower(), len(word))
    automaton.make_automaton()
    return automaton


@cache
def _screen_of(signals: Signal, decoys_anywhere: bool) -> tuple[bool, bool, bool, bool]:
    """``_screen`` from the signals found in a text (a few values, each worked out once)."""
    marketing = Signal.MARKETING in signals
    return (
        decoys_anywhere or Signal.DECOY in signals,
        marketing,
        marketing or Signal.SELLING in signals,
        Signal.RARE in signals,
    )


def _rare(lowered: str) -> bool:
    """True when a lowercased text holds a rare-risk word ("rarely", 드물게)."""
    return any(word in lowered for word in RARE_WORDS)


def _sells(lowered: str) -> bool:
    """True when a lowercased text holds a price-list title or an offer word."""
    return next(_selling_words().iter(lowered), None) is not None


def clinical_words(words: Iterable[str]) -> re.Pattern[str]:
    """A regex of the clinical words; a Latin word only as a whole word.

    "Dx" is a diagnosis, "DX5630" a price-list code; "patient" is a person, "for
    international patients" an advert's audience.
    """
    edge = f"[{_LATIN_LETTERS}0-9]"
    alternatives = [
        f"(?<!{edge}){re.escape(word)}(?!{edge})" if _LATIN_CHAR.match(word) else re.escape(word)
        for word in sorted(words, key=len, reverse=True)
    ]
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _is_form_question(text: str, line_start: int, line_end: int, start: int, end: int) -> bool:
    """True for a term in a numbered question of a form, with words besides the term."""
    head = _FORM_QUESTION.match(text, line_start, line_end)
    if head is None or _QUESTION_END.search(text, end, line_end) is None:
        return False
    rest = text[head.end() : start] + text[end:line_end]
    return sum(char.isalpha() for char in rest) > 2


def _is_rare_risk(text: str, line_start: int, start: int) -> bool:
    """True for a term right after "rarely" / hiếm gặp / 드물게: a warning, not a finding."""
    return _RARE_RISK.search(text, max(line_start, start - RISK_REACH), start) is not None


def _starts_with_symbol(text: str, line_start: int, line_end: int) -> bool:
    """True when a line opens with a symbol or emoji (✔, 🔥, ✨): a bullet of an advert."""
    stripped = text[line_start:line_end].lstrip()
    return bool(stripped) and unicodedata.category(stripped[0]) in ("So", "Sk", "Sm")


def recognizers(languages: tuple[str, ...] = LANGUAGES) -> list[MedicalTermRecognizer]:
    """Return one recognizer per language (all share one compiled index)."""
    return [MedicalTermRecognizer(supported_language=language) for language in languages]
