"""Search across the plan: projects, parties and milestones, found by the words people remember.

On PostgreSQL this is full-text search with the Danish configuration: words are stemmed ("boliger" and
"bolig" meet), each word also matches as the beginning of a longer one (Danish writes compounds as one
word: "energi" finds "Energirådgivning"), hits are ranked (title before description) and the fragments
shown come from ts_headline. Elsewhere (SQLite in development and tests) every word must occur,
case-insensitively, somewhere in one of the same fields. Both read "quoted phrases" and -left-out words.

Each group holds at most LIMIT hits and knows how many there are in all. Searching runs one query per
group, however many projects the plan holds.
"""

import re
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_
from typing import Any

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Model, Q, QuerySet, TextField, Value, When, Window
from django.db.models.functions import Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from parties.models import Party
from projects.models import Milestone, Project

LIMIT = 50
MAX_QUERY_LENGTH = 200
CONFIG = "danish"
EXCERPT_WORDS = 30

# Fields searched, with the weight PostgreSQL ranks them by (A counts most).
PROJECT_FIELDS = {
    "label": "A",
    "title": "A",
    "area__name": "B",
    "grouping__name": "B",
    "description": "C",
    "responsibility_text": "D",
    "relations_text": "D",
    "financing_text": "D",
    "timeline_text": "D",
}
PARTY_FIELDS = {"name": "A", "short_name": "A"}
MILESTONE_FIELDS = {"title": "A", "description": "C", "date_wording": "D"}

# The texts an excerpt is taken from, in the order they are tried.
PROJECT_EXCERPT_FIELDS = ["description", "responsibility_text", "relations_text", "financing_text", "timeline_text"]
MILESTONE_EXCERPT_FIELDS = ["description"]
# Between the texts of one thing in an excerpt, so a fragment that spans two of them shows the gap.
GAP = " … "

# Words as people type them, keeping "2.0", "SWOT-analysen" and "www.blangstedgaard.dk" whole.
WORD = re.compile(r"\w+(?:[-./]\w+)*")
# A word or a "quoted phrase", left out of the results when it follows a minus: the syntax PostgreSQL's
# websearch understands, so both databases read a query alike.
TERM = re.compile(r'(?:(?<![\w-])(?P<minus>-))?(?:"(?P<phrase>[^"]*)"?|(?P<word>\w+(?:[-./]\w+)*))')
# ts_headline marks matches with these; they cannot occur in the query and are replaced after escaping.
START, STOP = "\ue000", "\ue001"
# Quotes, "-ord" and "or" are websearch syntax; prefix matching would undo what they ask for.
WEBSEARCH_SYNTAX = re.compile(r'"|(?:^|\s)-\w|\sor\s', re.IGNORECASE)
SHORTEST_PREFIX = 3


@dataclass
class Hit:
    """One thing found: where it lives, its title and a few words around the match, marked up."""

    obj: Model
    url: str
    title: SafeString
    excerpt: SafeString = field(default_factory=lambda: SafeString(""))


@dataclass
class Group:
    kind: str
    hits: list[Hit]
    total: int

    @property
    def is_cut(self) -> bool:
        return self.total > len(self.hits)


@dataclass
class SearchResults:
    query: str
    projects: Group
    parties: Group
    milestones: Group

    @property
    def groups(self) -> list[Group]:
        return [self.projects, self.parties, self.milestones]

    @property
    def total(self) -> int:
        return sum(group.total for group in self.groups)


def clean_query(raw: str) -> str:
    """The query as searched: sentinel characters removed, whitespace collapsed, length capped."""
    text = raw.replace(START, " ").replace(STOP, " ").replace("\x00", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def search(raw_query: str, *, limit: int = LIMIT) -> SearchResults:
    """Projects, parties and milestones matching the query, best first, at most `limit` of each kind."""
    query = clean_query(raw_query)
    backend = PostgresSearch(query) if connection.vendor == "postgresql" else SubstringSearch(query)
    # The window counts every match before the slice cuts the list down: the total comes with the hits.
    counted = {"total": Window(Count("pk"))}
    projects = backend.projects(Project.objects.select_related("area", "grouping").annotate(**counted))[:limit]
    parties = backend.parties(Party.objects.annotate(**counted))[:limit]
    milestones = backend.milestones(Milestone.objects.select_related("project__area", "area").annotate(**counted))
    milestones = milestones[:limit]
    return SearchResults(
        query=query,
        projects=_group("projects", [backend.project_hit(p) for p in projects]),
        parties=_group("parties", [backend.party_hit(p) for p in parties]),
        milestones=_group("milestones", [backend.milestone_hit(m) for m in milestones]),
    )


def _group(kind: str, hits: list[Hit]) -> Group:
    # Every row carries the group's total, counted in the same query (`total=Window(Count(...))`).
    return Group(kind=kind, hits=hits, total=getattr(hits[0].obj, "total", 0) if hits else 0)


def words_of(query: str) -> list[str]:
    return WORD.findall(query)


def terms_of(query: str) -> tuple[list[str], list[str]]:
    """The words and phrases a query asks for, and those it wants left out ("energi -klima")."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for match in TERM.finditer(query):
        term = " ".join((match["phrase"] or "").split()) if match["word"] is None else match["word"]
        if term:
            (unwanted if match["minus"] else wanted).append(term)
    return wanted, unwanted


def _bare(text: str) -> str:
    """Text without the punctuation and spaces at its ends, which ts_headline does not keep."""
    return re.sub(r"^\W+|\W+$", "", text)


class PostgresSearch:
    """Danish full-text search, ranked, with fragments marked by ts_headline."""

    def __init__(self, query: str) -> None:
        from django.contrib.postgres.search import SearchQuery

        self.query = SearchQuery(query, config=CONFIG, search_type="websearch")
        prefixes = [word for word in words_of(query) if len(word) >= SHORTEST_PREFIX]
        if prefixes and not WEBSEARCH_SYNTAX.search(query):
            # Only word characters reach to_tsquery, so the raw syntax cannot be broken by what people type.
            raw = " & ".join(f"{word}:*" for word in prefixes)
            self.query = self.query | SearchQuery(raw, config=CONFIG, search_type="raw")

    def _matching(self, queryset: QuerySet, fields: dict[str, str]) -> QuerySet:
        from django.contrib.postgres.search import SearchRank, SearchVector

        by_weight: dict[str, list[str]] = {}
        for name, weight in fields.items():
            by_weight.setdefault(weight, []).append(name)
        vector: Any = reduce(
            lambda a, b: a + b,  # type: ignore[arg-type, return-value]  # SearchVector + SearchVector is one
            (SearchVector(*names, weight=weight, config=CONFIG) for weight, names in sorted(by_weight.items())),
        )
        return (
            queryset.annotate(document=vector)
            .filter(document=self.query)
            .annotate(rank=SearchRank(F("document"), self.query))
        )

    def _headline(self, expression: Any, *, whole: bool = False) -> object:
        from django.contrib.postgres.search import SearchHeadline

        if whole:
            return SearchHeadline(
                expression, self.query, config=CONFIG, start_sel=START, stop_sel=STOP, highlight_all=True
            )
        return SearchHeadline(
            expression,
            self.query,
            config=CONFIG,
            start_sel=START,
            stop_sel=STOP,
            max_words=EXCERPT_WORDS,
            min_words=EXCERPT_WORDS // 2,
            max_fragments=2,
            fragment_delimiter=GAP,
        )

    @staticmethod
    def _joined(names: list[str]) -> F | Concat:
        if len(names) == 1:
            return F(names[0])
        parts: list = []
        for name in names:
            parts += [F(name), Value(GAP)]
        return Concat(*parts[:-1], output_field=TextField())

    def projects(self, queryset: QuerySet) -> QuerySet:
        return (
            self._matching(queryset, PROJECT_FIELDS)
            .annotate(
                marked_title=self._headline("title", whole=True),
                marked_excerpt=self._headline(self._joined(PROJECT_EXCERPT_FIELDS)),
            )
            .order_by("-rank", "area__position", "number")
        )

    def parties(self, queryset: QuerySet) -> QuerySet:
        return (
            self._matching(queryset, PARTY_FIELDS)
            .annotate(marked_title=self._headline("name", whole=True))
            .order_by("-rank", "name")
        )

    def milestones(self, queryset: QuerySet) -> QuerySet:
        return (
            self._matching(queryset, MILESTONE_FIELDS)
            .annotate(
                marked_title=self._headline("title", whole=True),
                marked_excerpt=self._headline(self._joined(MILESTONE_EXCERPT_FIELDS)),
            )
            .order_by("-rank", "date", "pk")
        )

    @staticmethod
    def _html(headline: str) -> SafeString:
        text = " ".join(headline.split())
        # The text is escaped first; only the sentinels ts_headline put in become markup.
        return mark_safe(escape(text).replace(START, "<mark>").replace(STOP, "</mark>"))

    def _excerpt(self, headline: str, texts: list[str]) -> SafeString:
        """The fragments ts_headline chose, with … where they leave off; the first text's start if nothing matched."""
        texts = [" ".join(text.split()) for text in texts if text and text.strip()]
        if START not in headline:
            return escape(Truncator(texts[0]).words(EXCERPT_WORDS)) if texts else SafeString("")
        whole = _bare(GAP.join(texts))
        fragments = " ".join(headline.replace(START, "").replace(STOP, "").split()).split(GAP.strip())
        lead = "" if whole.startswith(_bare(fragments[0])) else "… "
        tail = "" if whole.endswith(_bare(fragments[-1])) else " …"
        return mark_safe(f"{lead}{self._html(headline)}{tail}")

    def project_hit(self, project: Project) -> Hit:
        texts = [getattr(project, name) for name in PROJECT_EXCERPT_FIELDS]
        return Hit(
            project,
            project.get_absolute_url(),
            self._html(getattr(project, "marked_title")),  # noqa: B009 - annotated by the search query
            self._excerpt(getattr(project, "marked_excerpt"), texts),  # noqa: B009
        )

    def party_hit(self, party: Party) -> Hit:
        return Hit(party, party.get_absolute_url(), self._html(getattr(party, "marked_title")))  # noqa: B009

    def milestone_hit(self, milestone: Milestone) -> Hit:
        texts = [getattr(milestone, name) for name in MILESTONE_EXCERPT_FIELDS]
        return Hit(
            milestone,
            milestone.get_absolute_url(),
            self._html(getattr(milestone, "marked_title")),  # noqa: B009 - annotated by the search query
            self._excerpt(getattr(milestone, "marked_excerpt"), texts),  # noqa: B009
        )


class SubstringSearch:
    """Every word must occur in one of the fields, in any case; the title's hits come first.

    SQLite's LIKE folds case for ASCII letters only, so a word with æ, ø or å is also tried in lower case,
    upper case and capitalised: "øge" finds "Øge brugen af beboerhuse", "JUBILÆUM" finds "jubilæum"."""

    def __init__(self, query: str) -> None:
        self.words, self.left_out = terms_of(query)
        by_length = sorted(set(self.words), key=len, reverse=True)
        self.pattern = re.compile("|".join(re.escape(word) for word in by_length), re.IGNORECASE) if by_length else None

    @staticmethod
    def _contains(name: str, word: str) -> Q:
        variants = {word} if word.isascii() else {word, word.lower(), word.upper(), word.capitalize()}
        return reduce(or_, (Q(**{f"{name}__icontains": variant}) for variant in sorted(variants)))

    def _any_field(self, names: list[str] | dict[str, str], word: str) -> Q:
        return reduce(or_, (self._contains(name, word) for name in names))

    def _all_words_in(self, names: list[str] | dict[str, str]) -> Q:
        if not self.words:
            return Q(pk__in=[])
        condition = reduce(and_, (self._any_field(names, word) for word in self.words))
        for word in self.left_out:
            condition &= ~self._any_field(names, word)
        return condition

    def _title_first(self, queryset: QuerySet, title: str) -> QuerySet:
        return queryset.annotate(
            title_match=Case(When(self._all_words_in([title]), then=0), default=1, output_field=IntegerField())
        )

    def projects(self, queryset: QuerySet) -> QuerySet:
        matching = self._title_first(queryset.filter(self._all_words_in(PROJECT_FIELDS)), "title")
        return matching.order_by("title_match", "area__position", "number")

    def parties(self, queryset: QuerySet) -> QuerySet:
        return self._title_first(queryset.filter(self._all_words_in(PARTY_FIELDS)), "name").order_by(
            "title_match", "name"
        )

    def milestones(self, queryset: QuerySet) -> QuerySet:
        matching = self._title_first(queryset.filter(self._all_words_in(MILESTONE_FIELDS)), "title")
        return matching.order_by("title_match", "date", "pk")

    def _marked(self, text: str) -> SafeString:
        if self.pattern is None:
            return escape(text)
        pieces, end = [], 0
        for match in self.pattern.finditer(text):
            pieces += [escape(text[end : match.start()]), "<mark>", escape(match.group()), "</mark>"]
            end = match.end()
        pieces.append(escape(text[end:]))
        return mark_safe("".join(pieces))  # every piece of text is escaped above

    def _excerpt(self, texts: list[str]) -> SafeString:
        """A few words around the first match in the first text that has one, else the first text's start."""
        texts = [" ".join(text.split()) for text in texts if text and text.strip()]
        for text in texts:
            match = self.pattern.search(text) if self.pattern else None
            if match is None:
                continue
            # Cut at the start of the word the match is in: "klima" + "indsatsen" must stay one word.
            word_start = text.rfind(" ", 0, match.start()) + 1
            before, after = text[:word_start].split(), text[word_start:].split()
            shown_before = before[len(before) - min(len(before), EXCERPT_WORDS // 3) :]
            fragment = " ".join(shown_before + after[: EXCERPT_WORDS - len(shown_before)])
            lead = "… " if len(before) > len(shown_before) else ""
            tail = " …" if len(after) > EXCERPT_WORDS - len(shown_before) else ""
            return mark_safe(f"{lead}{self._marked(fragment)}{tail}")
        return escape(Truncator(texts[0]).words(EXCERPT_WORDS)) if texts else SafeString("")

    def project_hit(self, project: Project) -> Hit:
        texts = [getattr(project, name) for name in PROJECT_EXCERPT_FIELDS]
        return Hit(project, project.get_absolute_url(), self._marked(project.title), self._excerpt(texts))

    def party_hit(self, party: Party) -> Hit:
        return Hit(party, party.get_absolute_url(), self._marked(party.name))

    def milestone_hit(self, milestone: Milestone) -> Hit:
        texts = [getattr(milestone, name) for name in MILESTONE_EXCERPT_FIELDS]
        return Hit(milestone, milestone.get_absolute_url(), self._marked(milestone.title), self._excerpt(texts))
