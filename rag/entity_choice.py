"""Which name an entity question's answer opens with ("Who ...", "Which company ...", "In which city ..."), from
the evidence: the name the best sentences of several articles share (`rag.entities.vote`), on the question's
story, of the kind asked for ("which party": one named as a party), given the role asked about ("Who is the
defense minister?"), and named in sentences about as strong as the best (`ENTITY_MIN_RATIO`); a sentence
opening with "He" or "She" answers with the one named just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from rag.aliases import TITLE_INITIALS
from rag.asked_kinds import ASKS_CAPITAL
from rag.contests import contest_sides, contest_winner
from rag.entities import (
    PERSON_NOUNS,
    WHO_DID,
    Candidate,
    agent_of,
    asked_deeds,
    names_in,
    past_form,
    shaped_as_person,
    tells_deed,
    vote,
    with_first_name,
    written_after,
    written_near,
)
from rag.lexicon import ARTICLE_NOUNS, FUNCTION_WORDS, content_stems, fold, stem, words
from rag.question import MAKER_NOUNS, MAKERS, ORGANIZATION_NOUNS, PLACE_NOUNS, first_part, main_clause
from rag.ranking import ScoredSentence, adjacent
from rag.word_frequency import zipf_frequency

if TYPE_CHECKING:
    from rag.question import QuestionPlan
    from rag.request import Retrieval

ENTITY_MIN_RATIO = 0.3  # the best sentence naming an entity must score this share of the best one's
NO_ONE = "The articles found name no one who answers this question."
NO_PLACE = "The articles found name no place that answers this question."
NO_WINNER = "The articles found do not say who won."
# "Who won ...", "who hit ...": the deed a who-question asks the doer of
ASKS_WHO = re.compile(r"\s*who\b", re.IGNORECASE)
# Kinds of organisation a name says it is of ("... Party", "University of ..."), or the articles call it
# so beside it: an answer to "which party" is one of them
NAMED_KINDS = frozenset(
    "party university institute council committee ministry agency foundation association union parliament court "
    # places named as what they are: "the Smithsonian's National Zoo", "the Louvre museum" (not schools or stadiums:
    # "Stanford University", "Lambeau Field")
    "zoo museum".split()
)
KIND_WINDOW = 4  # words from a name its kind may stand ("Komeito, the junior coalition party")
REFERENT_SENTENCES = 2  # sentences looked back through for the one a sentence's opening "He" stands for
DEED_WINDOW = 5  # words from a name within which a sentence must tell the deed a "who" question asks of it
# the stems of verbs of saying: "Who reported that ...?" is answered by one who wrote or said it
SAYING = frozenset({"say", "report", "tell", "write", "claim", "state", "note", "announc", "add"})
ARTICLE = "article"  # what every noun of an article stands for
OWNED_WINDOW = 3  # words after a possessive name within which the question's words tell what is its
# verbs too light to tell a deed by ("Who got the winner?": the winner is the deed)
LIGHT_DEEDS = frozenset({"get", "got", "have", "do", "go", "put"})
ROLE_CANDIDATES = 5  # names looked through for the one the articles give the role asked about
ROLE_WINDOW = 8  # words before a name its title may stand
# words set off after a name that give its title ("Ada Lin, the defense minister"), and, further, say whose it is
# ("..., the co-founder and CEO of rival robot maker Fjellbotics"); not another's ("..., and Epic Games CEO Tim
# Sweeney")
_NOT_SET_OFF = r"(?!(?:and|or|but|as|while|who|which|whose|said|says)\b)"
SET_OFF = re.compile(rf",\s*{_NOT_SET_OFF}((?:\S+\s+){{0,5}}\S+)", re.IGNORECASE)
SET_OFF_OWNER = re.compile(rf",\s*{_NOT_SET_OFF}((?:\S+\s+){{0,11}}\S+)", re.IGNORECASE)
# a title given after the name by "as", maybe past who they are: "appointed Ragnhild Saether, the former head of the
# ferry union, as acting director"
NAMED_AS = re.compile(r"(?:,[^,;—–]{1,80},)?\s+as\s+(?:(?:the|its|their|his|her|a|an)\s+)?((?:\S+\s+){0,3}\S+)", re.I)
# between a title and a name, what ends the title's hold on it: a dash, a semicolon, a verb's -ing or -ed form
# ("as acting director — replacing Voss": the title is not Voss's)
TITLE_BREAK = re.compile(r"[—–;]|^[a-z]{2,}(?:ing|ed)\W*$")
TELLING_ZIPF = 3.5  # a word of a name rarer than this in English tells the name apart ("Scalable", not "Capital")
# "Who is Japan's defense minister?": the name answers only from a sentence that gives the role
_TITLE = (
    r"(?:minister|president|ceo|chairman|chairwoman|chair|secretary|director|governor|mayor|head|leader|chief|"
    r"spokesperson|spokesman|spokeswoman|ambassador|commander|coach|manager|founder|editor|owner|lawyer|attorney|"
    r"judge|prosecutor)"
)
# the title a deed is done as ("took over as interim CEO", "was hired as head coach", "replaced Altman as CEO")
AS_TITLE = re.compile(
    rf"\bas\s+(?:(?:the|its|their|his|her|a|an)\s+)?(?P<title>(?:(?:new|interim|acting|permanent|head|deputy|vice|"
    rf"chief|executive|assistant|general)\s+)*{_TITLE})\b",
    re.IGNORECASE,
)
# whose a role is, as a question names it: capitalised words, maybe after "the" ("the Kansas City Chiefs")
_OWNER = r"(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*"
# "Who is the defense minister?", "What is the name of the lawyer representing ...?"
# whose the role is: "Japan's", "of Anthropic", "at the Bank of Japan"
ASKS_ROLE = re.compile(
    r"^\s*(?:who\s+(?:is|was|are|were)|what\s+(?:is|was|are|were)\s+the\s+names?\s+of)\s+(?:the\s+)?"
    rf"(?:(?P<owner>(?:[\w-]+\s+){{0,2}}?[\w-]+)['’]s\s+)?(?P<role>(?:[\w-]+\s+){{0,2}}?{_TITLE}"
    rf"(?:\s+{_TITLE})?)\b"
    rf"(?:\s+(?:of|at|for)\s+(?P<of>{_OWNER}))?",
    re.IGNORECASE,
)

# "Who coaches the Kansas City Chiefs?" asks who is their coach: a verb naming a role, then whose it is, and no more
# (not "leads": a leader may be written a chief executive, a captain, a president)
ROLE_VERBS = {
    "coaches": "coach",
    "manages": "manager",
    "chairs": "chair",
    "owns": "owner",
    "directs": "director",
    "edits": "editor",
    "governs": "governor",
}
ASKS_ROLE_BY_VERB = re.compile(
    rf"^\s*who\s+(?P<verb>{'|'.join(ROLE_VERBS)})\s+(?P<of>{_OWNER})"
    # ... "now", "board" after it, or a later half ("Who chairs the Hipgnosis Songs Fund board now, and which ...")
    r"(?:\s+(?:board|now|currently|today|these\s+days))*\s*(?:[?.!]*\s*$|,\s*and\b)",
    re.IGNORECASE,
)


# "Who was the referee that gave Belgium the penalty?", "Who will be Ryan Blaney's spotter in 2024?": the noun the
# one asked for is called by, after "the" or whose it is; the answer's name is written beside it ("referee – Esther
# Staubli", "Tim Fedewa, the longtime spotter for Kevin Harvick")
ASKS_HOLDER = re.compile(
    # ... "Who is going to be ...", "Who is set to be ...": who will hold it
    r"^\s*who(?:(?:['’]s|\s+(?:is|was|are|were))(?:\s+(?:going|set|expected|slated|tipped|poised)\s+to\s+be)?|"
    r"\s+(?:will|would)\s+(?:now\s+)?be|\s+(?:has|had)\s+been)\s+"
    r"(?:(?:the|a|an)\s+|(?:[\w.'’-]+\s+){0,3}?[\w.-]+(?:['’]s|s['’])\s+)"
    r"(?:[\w-]+\s+){0,3}?(?P<noun>[\w-]+?)"
    r"(?=\s+(?:that|who|whom|which|for|in|of|at|on|with|to|from|behind|when|after|before|during|and|under|right|just|now|"
    r"currently|then|last|this|next|yesterday|today|tonight|alive|ever|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|[a-z]+ing\s+(?:the|a|an|his|her|their|its))\b|"
    r"\s*[,?.!]|\s*$)",
    re.IGNORECASE,
)
# nouns calling anyone ("Who was the only one ...", "the person who"): no word an answer's name is written beside
ANYONE = frozenset("one person people man woman guy individual someone somebody".split())


def asked_holder(question: str) -> str:
    """The noun a who-question calls the one it asks for by ("Who was the referee that ...?": "referee"), or ''."""
    holder = ASKS_HOLDER.search(main_clause(question))
    noun = holder.group("noun").lower() if holder else ""
    unusable = noun in ANYONE or noun in FUNCTION_WORDS or len(noun) < 3 or noun.endswith("ed")
    return "" if unusable else noun


def asked_role(question: str) -> tuple[str, str] | None:
    """The title a question asks who holds and whose it is ("Who is Japan's defense minister?": ("defense minister",
    "Japan"); "Who coaches the Kansas City Chiefs?": ("coach", "the Kansas City Chiefs")); None when it asks none."""
    role = ASKS_ROLE.search(question)
    if role:  # "defense minister", not "Japan's"
        return " ".join(role.group("role").split()[-2:]), role.group("owner") or role.group("of") or ""
    by_verb = ASKS_ROLE_BY_VERB.match(question)
    if by_verb:
        return ROLE_VERBS[by_verb.group("verb").lower()], by_verb.group("of")
    capital = ASKS_CAPITAL.match(question)  # "What is the capital of Japan?": a place holding a role
    if capital:
        return "capital", capital.group("owner") or capital.group("of")
    return None


def choose_entity(
    retrieval: Retrieval,
    sentences: Sequence[ScoredSentence],
    best: ScoredSentence,
    asks_for: str,
    said: Sequence[ScoredSentence],
    deed_told: ScoredSentence | None = None,
) -> tuple[Candidate | None, str]:
    """The name an entity question's answer opens with, the evidence pointing to it; or why none answers.

    `sentences`: the passages' sentences, ranked (`Engine.rank`); `best`: the best of them; `asks_for`: the
    kind of name asked for ("person"); `said`: the sentences that are what the one the question names said;
    `deed_told`: a sentence of the best one's article looked up for telling the deed asked about (it may stand in a
    chunk beside those found).
    """
    plan, question = retrieval.plan, retrieval.standalone
    # a chunk beside a passage found goes on with what that says: a name it writes is no answer the search found
    found = retrieval.found
    beside = [p for p in retrieval.passages if p.beside]
    every = [c for c in sentences if not any(p.holds(c.evidence) for p in beside)]
    every += [deed_told] if deed_told is not None and deed_told not in every else []
    # "Who won the Chiefs-Packers game?": one of the two sides, as a sentence telling one beating the other says
    sides = contest_sides(main_clause(question)) if plan is not None and plan.kind == "entity" else None
    if sides is not None:
        result = contest_winner(sides, every)
        if result is None:
            return None, NO_WINNER
        told = result.sentence
        return Candidate(
            result.winner, told.score, [told.evidence], {result.winner: 1}, {told.evidence.doc_id: told.score}
        ), ""
    entity: Candidate | None = None
    referent: Candidate | None = None  # the one a best sentence opening with "He" or "She" stands for
    candidates: list[Candidate] = []
    off_story = False
    role = asked_role(question)  # "Who is the CEO of Apple?": the title, and whose it is
    title, owner = role or ("", "")

    def titled(candidate: Candidate) -> bool:
        return any(shaped_as_person(f) for f in candidate.forms) and _holds_role(candidate, title, owner)

    holder = asked_holder(question) if not role else ""  # "Who was the referee that ...": "referee"
    if plan is not None and plan.kind == "entity":
        candidates = vote(
            question,
            [(c.evidence, c.score) for c in every],
            asks_for,
            exclude=[m.written for m in plan.outlets],
            near=plan.asks_noun or holder,
            people=plan.people,
            context=[p.text for p in found],
            introduced_by=plan.asks_preposition,
            titled=titled if role and asks_for != "place" else None,
        )
        # "Who was the referee that gave Belgium the penalty?": of the first names, one the evidence writes beside
        # "referee" answers, though another is named in stronger sentences ("Tessa Wullaert's brace fired Belgium")
        holding = {stem(holder)} if holder else set()
        called = next((c for c in candidates[:ROLE_CANDIDATES] if _written_beside(c, holding)), None)
        if called is not None:
            candidates.remove(called)
            candidates.insert(0, called)
        if plan.asks_noun in MAKERS:  # "Who developed X": the names written beside the verb come first
            verb = {stem(plan.asks_noun)}  # ... or beside the noun its maker is called by ("director Emma Tammi")
            verb |= {stem(noun) for noun in MAKER_NOUNS.get(stem(plan.asks_noun), "").split()}
            candidates.sort(key=lambda c: not _written_beside(c, verb))
        # "Which party won the July 10 upper house elections in Japan?": a name found only in articles that
        # write none of the names the question gives is from another story ("Trump", in a report on primaries)
        given = _names_given(question, plan)
        story = {p.doc_id for p in found if given & set(words(p.text))} if given else set()
        on_story = [c for c in candidates if not given or _on_the_story(c, given, story)]
        off_story = len(candidates) > len(on_story)
        candidates = on_story
        # "Who made the first MXene?": "He made the world's first MXene in 2011." stands for the one named just
        # before it ("Naguib works at Tulane University."), whatever the vote says
        if ASKS_WHO.match(question) and words(best.evidence.quote)[:1] in (["he"], ["she"]):
            referent = _named_before(best, candidates, every)
            if referent is not None:  # named in passing or not, it is who the best sentence tells of
                candidates.remove(referent)
                candidates.insert(0, referent)
        entity = candidates[0] if candidates else None
        # "who's the #1 RB ..., and which seahawks rookie gets the opportunity?": the name opening the answer is the
        # first half's, not the one the sentences answering a later half write ("Rookie Zach Charbonnet ...")
        if entity is not None and plan.halves:
            entity = _of_the_first_half(entity, candidates, question, plan)
        if entity is not None and asks_for == "person" and " " not in entity.name and retrieval.lookup:
            # the passages write the surname alone ("Bankman-Fried"): the articles written about
            # the person write the full name, in their opening lines
            entity.name = with_first_name(entity.name, [p.text for p in retrieval.lookup(entity.name)], plan.people)

    # "Which party won ...": a party is named as one ("the Liberal Democratic Party", "Komeito, the
    # junior coalition party"); an alliance named near the question's words is no answer
    asked = plan.asks_noun.split() if plan is not None else []
    kind = next((w for w in reversed(asked) if w in NAMED_KINDS), "")
    if (entity is not None or off_story) and kind:
        texts = [p.text for p in found]
        entity = next((c for c in candidates[:ROLE_CANDIDATES] if _named_as(c, kind, texts)), None)
        if entity is None:
            unnamed = f"The articles found name no {kind} that answers this question."
            return None, unnamed
    if entity is not None and role:  # the first of the names the articles give the role to answers
        entity = next((c for c in candidates[:ROLE_CANDIDATES] if _holds_role(c, title, owner)), None)
        if entity is not None:  # "Fed Chair Jerome Powell", written as one capitalised run, is Jerome Powell
            entity.name = _without_title(entity.name, _title_stems(title))
        if entity is None:
            whose = f" of {owner}" if owner else ""
            shown = " ".join(w if w.isupper() else w.lower() for w in title.split())  # "CEO", "defense minister"
            which = "what" if asks_for == "place" else "who"
            unnamed = f"The articles found do not say {which} the {shown}{whose} is."
            return None, unnamed

    preposition = plan.asks_preposition if plan is not None else ""
    if entity is not None and preposition and not _introduced(entity, preposition, question):
        # "Which team did Ohtani sign with?": the name written after "signing with" answers, though another the
        # same sentences write ("with the Angels") is named more often
        entity = next((c for c in candidates[:ROLE_CANDIDATES] if _introduced(c, preposition, question)), entity)

    # a name found only in sentences far weaker than the best one is no answer the evidence points to
    # (the best sentence tells of "a Louisiana woman" and names her nowhere), unless the best sentence
    # refers back to one named before it ("The firm blamed slower orders ...", "He was sacked ...")
    weak = entity is not None and max(entity.article_scores.values(), default=0.0) < ENTITY_MIN_RATIO * best.score
    refers_back = entity is referent or (
        plan is not None and _refers_back(best.evidence.quote, asks_for, plan.asks_noun)
    )
    if weak and plan is not None and not refers_back:
        entity = None
    # "Who won the election?": when every name is found only in sentences far weaker than the best one,
    # and the best neither refers back to one nor tells the deed asked about ("Fishing crews asked the
    # board ..." answers "Who asked the board ...?" with no name), the sentences found name no one
    all_weak = all(max(c.article_scores.values(), default=0.0) < ENTITY_MIN_RATIO * best.score for c in candidates)
    if plan is not None and plan.kind == "entity" and all_weak and not said:
        deeds = asked_deeds(deed_clause(question))
        untold = bool(deeds) and not any(tells_deed(best.evidence.quote, deed) for deed in deeds)
        if untold and not _refers_back(best.evidence.quote, asks_for, plan.asks_noun):
            return None, _none_found(asks_for)
    why = ""
    if entity is not None and plan is not None and not plan.facets and not said:
        # the deed is the first half's ("Who took over as interim CEO ..., and who told Sam he was out?": the name
        # opening the answer is who took over)
        first = first_part(question, plan)
        entity = _done_to(entity, candidates, main_clause(first))
        doer, unnamed = _doer(entity, candidates, deed_clause(first), best, referent)
        # "Who took over as interim CEO at OpenAI ...?": when no sentence ties a name to the deed, the one the
        # sentences give the title the deed is done as answers ("Mira Murati, OpenAI's CTO and now interim CEO")
        as_title = AS_TITLE.search(deed_clause(first)) if doer is None else None
        titled_as = as_title.group("title") if as_title else ""
        entity = doer or next(
            (c for c in candidates[:ROLE_CANDIDATES] if titled_as and _holds_role(c, titled_as)), None
        )
        why = _none_found(asks_for) if unnamed and entity is None else ""
    # a name none of whose sentences found writes a word of the question but its own ("I was in the ICU and they were
    # doing everything they could" for "Which hospital treated Allison Miller ...?") rests on nothing it asks (a
    # question setting reports side by side is answered by what each says, the name opening it one part of that;
    # one holding the role asked about is given it by a sentence, whichever way it writes the title: "Fed Chair")
    one_report = plan is not None and len(plan.filtered_parts) < 2
    on_words_alone = not said and not refers_back and not role  # no statement, referent or role ties it
    if entity is not None and one_report and on_words_alone and not _bears_on(entity, question):
        return None, _none_found(asks_for)
    return entity, why


def _written_beside(candidate: Candidate, stems: AbstractSet[str]) -> bool:
    """Whether a sentence naming the candidate writes one of `stems` within a few words of it."""
    return bool(stems) and any(written_near(e.quote, f, stems) for e in candidate.evidence for f in candidate.forms)


def _of_the_first_half(
    entity: Candidate, candidates: Sequence[Candidate], question: str, plan: QuestionPlan
) -> Candidate:
    """The entity, unless each of its sentences holds more of a later half's words than of the first half's and one
    of the next candidates' holds more of the first half's."""
    first = content_stems(first_part(question, plan))
    later = content_stems(" ".join(h.asked for h in plan.halves)) - first

    def leans_first(candidate: Candidate) -> bool:
        return any(
            len(first & content_stems(e.quote)) > len(later & content_stems(e.quote)) for e in candidate.evidence
        )

    if leans_first(entity):
        return entity
    return next((c for c in candidates[:ROLE_CANDIDATES] if leans_first(c)), entity)


def _bears_on(entity: Candidate, question: str) -> bool:
    """Whether a sentence naming the entity writes a content word of the question besides the entity's name, or
    tells the deed it asks about in any form ("under director Emma Tammi" for "Who directed ...?")."""
    asked = content_stems(question) - content_stems(entity.name)
    deeds = deeds_asked(deed_clause(question))
    return any(
        asked & content_stems(evidence.quote) or any(tells_deed(evidence.quote, d) for d in deeds)
        for evidence in entity.evidence
    )


# "Which book did Kashmir Hill recommend ...?": what someone named did a deed to (the one asked for is its object)
DONE_TO_ASKED = re.compile(
    r"^\s*(?i:which|what)\s+(?:[\w-]+\s+){0,3}?(?i:did|does|do|will|would|has|have|had)\s+"
    r"(?:[A-Z][\w.&-]*\s+){1,4}(?P<verb>[a-z]+)\b"
)


def _done_to(entity: Candidate, candidates: Sequence[Candidate], clause: str) -> Candidate:
    """The entity, unless the question asks what someone it names did a deed to and a sentence ties another of the
    first candidates, not the entity, to that deed ("Book recommendation: “The Listeners ...”" for "Which book did
    Kashmir Hill recommend?", not "Kashmir Hill's book “Your Face Belongs to Us”", the book the question's words
    are nearest to)."""
    asked = DONE_TO_ASKED.match(clause)
    verb = asked.group("verb") if asked else ""
    deed = stem(verb)
    if not verb or verb in FUNCTION_WORDS or verb in LIGHT_DEEDS or deed in SAYING:
        return entity  # "What did X say ...": no name answers it

    def tied(candidate: Candidate) -> bool:
        return any(tells_deed(e.quote, deed, form, DEED_WINDOW) for e in candidate.evidence for form in candidate.forms)

    if tied(entity):
        return entity
    return next((c for c in candidates[:ROLE_CANDIDATES] if tied(c)), entity)


# "Which company hired Sam Altman ...?": a kind of name, then a deed done in the past
WHICH_KIND_DID = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w-]+\s+){0,2}?(?P<kind>[\w-]+)\s+(?P<verb>[a-z]+)\b(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)


def deed_clause(question: str) -> str:
    """The question's main clause, asked as "who" when it asks which company, person or place did a deed: "Which
    company hired Sam Altman after he was fired?" asks who hired him, as "Who hired ..." does."""
    clause = main_clause(question)
    asked = WHICH_KIND_DID.match(clause)
    if asked is None or asked.group("kind").lower() not in ORGANIZATION_NOUNS | PERSON_NOUNS | PLACE_NOUNS:
        return clause
    verb = asked.group("verb")
    if not past_form(verb):
        return clause  # "Which team did ...", "Which company is ...": no deed it names
    return f"Who {verb}{asked.group('rest')}"


def deeds_asked(clause: str) -> list[str]:
    """The deeds a "who" question's clause asks who did (`asked_deeds`), not the light ones ("got", "had")."""
    return [d for d in asked_deeds(clause) if d not in LIGHT_DEEDS]


def _none_found(asks_for: str) -> str:
    """Why an entity question is declined when the sentences found name none who answers it."""
    return NO_PLACE if asks_for == "place" else NO_ONE


def _doer(
    entity: Candidate,
    candidates: Sequence[Candidate],
    clause: str,
    best: ScoredSentence,
    referent: Candidate | None,
) -> tuple[Candidate | None, str]:
    """The entity when a sentence ties it to the deed a "who" question asks who did (`_tied`), else the first of the
    next candidates one ties to it; when none is, why none answers if the sentences naming the entity write the
    deed (of another), else the entity still: they may tell the deed in other words ("will be the new CEO" for
    "Who replaces Per Lund?").

    "Who won the 2023 Ballon d'Or?": "Liverpool legend Jamie Carragher described the five-time Ballon d'Or winner's
    switch ..." names a pundit and a winner, but does not make the pundit the winner. (A question describing its
    answer clause by clause has a deed in each clause: not checked.)
    """
    deeds = deeds_asked(clause)
    if not deeds:
        return entity, ""
    # "Who kicked the goal that sealed Richmond's win ...?": the deed of the clause saying which goal is meant tells
    # the one who did it ("Caitlin Greiser sealed the win with a massive goal"), though the late goal of another
    # is told nearer the question's words
    described = _described_deeds(clause)

    def tells_which(candidate: Candidate) -> bool:
        # in the report the entity is named in (the Illawarra Hawks "sealed the win" in another game)
        return any(
            tells_deed(e.quote, deed, form, DEED_WINDOW)
            for e in candidate.evidence
            if e.doc_id in entity.articles
            for form in candidate.forms
            for deed in described
        )

    if described and not tells_which(entity):
        which = next((c for c in candidates[:ROLE_CANDIDATES] if tells_which(c)), None)
        if which is not None:
            return which, ""
    # any verb of saying tells that someone said, reported or wrote something
    deeds += [d for d in SAYING if d not in deeds] if SAYING & set(deeds) else []
    # what the question tells of, an article too ("an article by Kim Hyo-myung" for "Who wrote the article ...")
    asked = (content_stems(clause) | {ARTICLE for w in words(clause) if w in ARTICLE_NOUNS}) - set(deeds)

    objects = deed_names(clause)

    def tied(candidate: Candidate) -> bool:
        return any(
            _tied(candidate, deed, asked)
            or (candidate is referent and tells_deed(best.evidence.quote, deed))  # "He made the first MXene"
            or _does_it_to(candidate, deed, objects, candidates[:ROLE_CANDIDATES])
            for deed in deeds
        )

    if tied(entity):
        return entity, ""
    doer = next((c for c in candidates[:ROLE_CANDIDATES] if tied(c)), None)
    if doer is not None:
        return doer, ""
    # the sentences naming it tell of the deed, and tell it of another: it is not who did it
    told = any(tells_deed(e.quote, deed) for e in entity.evidence for deed in deeds)
    return (None, NO_ONE) if told else (entity, "")


# "... the goal that sealed the win", "the penalty which sent Jamaica through": a clause telling which thing is meant
DESCRIBED_BY_DEED = re.compile(r"\b(?:that|which)\s+(?P<verb>[a-z]+)\b")


def _described_deeds(clause: str) -> list[str]:
    """The stems of the past deeds of the clauses telling which thing a "who" question asks about ("Who kicked the
    goal that sealed the win?": "seal"), not of the clauses telling who ("who was fired")."""
    deeds = [
        deed
        for match in DESCRIBED_BY_DEED.finditer(clause)
        if past_form(match.group("verb"))
        for deed in asked_deeds(f"Who {match.group('verb')}")
    ]
    return [d for d in dict.fromkeys(deeds) if d not in LIGHT_DEEDS]


def _tied(candidate: Candidate, deed: str, asked: AbstractSet[str]) -> bool:
    """Whether a sentence ties the candidate to the deed a "who" question asks about: writes the deed near its
    name ("Lautaro Martinez scored all four"), or names it as the one by or from whom, or whose, is something the
    question tells of ("an article by Kim Hyo-myung", "braces from Xherdan Shaqiri", "Ella Toone's injury-time
    goal"), or as the subject of the deed's verb (`agent_of`); `asked`: the stems of the question's other words."""
    if agent_of(candidate, deed, subject=True):  # "Halvard Moe, the Rovers coach since 2019, praised ..."
        return True
    for evidence in candidate.evidence:
        for form in candidate.forms:
            if tells_deed(evidence.quote, deed, form, DEED_WINDOW):
                return True
            for match in re.finditer(re.escape(form), evidence.quote):
                before = words(evidence.quote[: match.start()])
                after = evidence.quote[match.end() :]
                if before[-1:] in (["by"], ["from"]) and asked & _stems(before[-1 - DEED_WINDOW : -1]):
                    return True
                if re.match(r"['’]s?\b", after) and asked & _stems(words(after)[1 : 1 + OWNED_WINDOW]):
                    return True
    return False


OBJECT_WINDOW = 2  # words after the deed within which the one it was done to is written ("replacing Murati")


def deed_names(clause: str) -> set[str]:
    """The last words of the names a "who" question writes after its verb, folded: those the deed may have been done
    to ("Who replaced Mira Murati as OpenAI's interim CEO?": "murati", "openai")."""
    asked = WHO_DID.match(clause)
    if asked is None:
        return set()
    return {w for name in names_in(clause[asked.end() :]) for w in words(name)[-1:]}


def _does_it_to(candidate: Candidate, deed: str, objects: AbstractSet[str], nearest: Sequence[Candidate]) -> bool:
    """Whether a sentence names the candidate, last of the `nearest` candidates, before the deed done to one the
    question names as its object: "OpenAI has appointed Emmett Shear, the co-founder of Twitch, as interim CEO —
    replacing Murati" for "Who replaced Mira Murati ...?"."""
    if not objects:
        return False
    surnames = {c.name: words(c.name)[-1:] for c in nearest}
    for evidence in candidate.evidence:
        written = words(evidence.quote)
        for i, word in enumerate(written):
            if not tells_deed(word, deed) or not objects & set(written[i + 1 : i + 1 + OBJECT_WINDOW]):
                continue
            last = {
                name: max((j for j, w in enumerate(written[:i]) if w in surname), default=-1)
                for name, surname in surnames.items()
            }
            if last.get(candidate.name, -1) >= 0 and last[candidate.name] == max(last.values()):
                return True
    return False


def _stems(written: Sequence[str]) -> set[str]:
    """The stems of words, every noun of an article read as one ("piece", "article")."""
    return {ARTICLE if w in ARTICLE_NOUNS else stem(w) for w in written}


def _named_before(
    sentence: ScoredSentence, candidates: Sequence[Candidate], every: Sequence[ScoredSentence]
) -> Candidate | None:
    """The person among `candidates` last named in the sentences right before `sentence` (up to
    `REFERENT_SENTENCES` back, within what was retrieved of its article), whom its opening pronoun stands for."""
    people = [c for c in candidates if c.is_person]
    by_end = {(c.evidence.doc_id, c.evidence.end_char): c for c in every}
    current = sentence
    for _ in range(REFERENT_SENTENCES):
        before = adjacent(by_end, current.evidence.doc_id, current.evidence.start_char, -1)
        if before is None:
            return None
        written = words(before.evidence.quote)
        named = [
            (max(i for i, w in enumerate(written) if w == last), c)
            for c in people
            for last in {words(form)[-1] for form in c.forms if words(form)}
            if last in written
        ]
        if named:
            return max(named, key=lambda found: found[0])[1]
        current = before
    return None


def _refers_back(sentence: str, asks_for: str, asks_noun: str) -> bool:
    """Whether a sentence opens with words standing for a name written before it: "He", "She", "The firm"
    (a noun of the kind asked for, or the question's own: "Which carmaker ..." / "The carmaker")."""
    opening = words(sentence)[:3]
    if asks_for == "person" and opening[:1] in (["he"], ["she"]):
        return True
    kinds = {"person": PERSON_NOUNS, "organization": ORGANIZATION_NOUNS}.get(asks_for, frozenset())
    nouns = kinds | set(asks_noun.split())
    return len(opening) >= 2 and opening[0] in ("the", "this", "that") and bool(nouns & set(opening[1:]))


def _introduced(candidate: Candidate, preposition: str, question: str) -> bool:
    """Whether a sentence writes the candidate right after the preposition the question asks with, and that after
    one of the question's words ("signing with the Los Angeles Dodgers" for "Which team did Ohtani sign with?")."""
    asked = content_stems(question)
    return any(written_after(e.quote, form, preposition, asked) for e in candidate.evidence for form in candidate.forms)


def _named_as(candidate: Candidate, kind: str, texts: Sequence[str]) -> bool:
    """Whether the candidate's name holds the kind ("Liberal Democratic Party") or `texts` write the kind
    within a few words of it ("Komeito, the junior coalition party")."""
    wanted = {stem(kind)}
    if any(wanted & {stem(w) for w in words(form)} for form in candidate.forms):
        return True
    return any(written_near(text, form, wanted, KIND_WINDOW) for text in texts for form in candidate.forms)


# one title, written several ways: "Fed Chair Jerome Powell" is the chairman asked about
TITLE_FORMS = {
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
}


def _title_stems(text: str) -> set[str]:
    """The content stems of `text`, a title's written ways as one (`TITLE_FORMS`)."""
    return {TITLE_FORMS.get(s, s) for s in content_stems(text)}


def _holds_role(candidate: Candidate, title: str, owner: str = "") -> bool:
    """Whether a sentence gives the candidate the title: before the name ("Defense Minister Ada Lin",
    "President of the Republic of Korea ... Yun Sok-yeol") or after it, set off ("Ada Lin, the defense minister").

    When the question says whose the role is (`owner`: "Anthropic", "Japan"), the words giving the title write a
    word of it ("Japanese Prime Minister", "the co-founder and CEO of rival robot maker Fjellbotics"), or, when
    they tie the title to no other ("Google CEO Sundar Pichai" is another firm's), its article's title does
    ("Foreign Minister Yoshimasa Hayashi" in a report on Japan): a sentence naming the owner elsewhere ("...
    including CEO Sundar Pichai, as well as Apple") does not make the title the owner's."""
    wanted = _title_stems(title)
    owned = [w for w in words(owner) if w not in FUNCTION_WORDS]

    def writes_owner(written: Sequence[str]) -> bool:  # "Japanese" of Japan, "Ukrainian" of Ukraine, "Chinese" of China
        return any(w.startswith(o) or _of_the_name(w, o) for o in owned for w in written)

    for evidence in candidate.evidence:
        quote = evidence.quote
        for form in candidate.forms:
            at = quote.find(form)
            if at < 0:
                continue
            before = quote[:at].split()[-ROLE_WINDOW:]
            breaks = [i for i, word in enumerate(before) if TITLE_BREAK.search(word)]
            before = before[breaks[-1] + 1 :] if breaks else before
            rest = quote[at + len(form) :]
            given = [m.group(1) for m in (SET_OFF.match(rest), NAMED_AS.match(rest)) if m is not None]
            titled_before = wanted <= _title_stems(" ".join(before))
            titled_after = any(wanted <= _title_stems(words_after) for words_after in given)
            if not titled_before and not titled_after:
                continue
            if not owned:
                return True
            set_off = SET_OFF_OWNER.match(rest)
            # whose the title is may be written with it: "as OpenAI's interim CEO"
            after_name = [set_off.group(1)] if set_off else []
            after_name += [words_after for words_after in given if wanted <= _title_stems(words_after)]
            giving = (words(" ".join(before)) if titled_before else []) + (
                words(" ".join(after_name)) if titled_after else []
            )
            if writes_owner(giving):
                return True
            tied = _tying_name(before, wanted) if titled_before else ""
            if tied:  # "Google CEO": the title is that name's; "Fed Chair" is the Federal Reserve's
                if len(tied) >= 3 and any(o.startswith(fold(tied)) for o in owned):
                    return True
                continue
            if writes_owner(words(evidence.title)):
                return True
    return False


def _of_the_name(word: str, name: str) -> bool:
    """Whether `word` is an adjective made of a name of five letters or more, which it writes up to its last two
    letters ("ukrainian" of "ukraine", "chinese" of "china"; not "french" of "france")."""
    shared = next((i for i, (a, b) in enumerate(zip(word, name, strict=False)) if a != b), min(len(word), len(name)))
    return len(name) >= 5 and shared >= max(4, len(name) - 2)


def _without_title(name: str, wanted: AbstractSet[str]) -> str:
    """The name without the words up to the title in it ("Fed Chair Jerome Powell": "Jerome Powell")."""
    parts = name.split()
    at = max((i for i, w in enumerate(parts) if wanted & _title_stems(w)), default=-1)
    return " ".join(parts[at + 1 :]) if 0 <= at < len(parts) - 2 else name


def _tying_name(before: Sequence[str], wanted: AbstractSet[str]) -> str:
    """The name the words before a name tie the title in them to ("Google" of "Google CEO", "Fed" of "Fed Chair"): a
    capitalised word right before the title's first word, inside the sentence; '' when none does."""
    at = next((i for i, w in enumerate(before) if wanted & _title_stems(w)), None)
    if at is None or at == 0 or not before[at - 1][:1].isupper() or before[at - 1].endswith((".", ":")):
        return ""
    return re.sub(r"['’]s?$", "", before[at - 1])


def _names_given(question: str, plan: QuestionPlan) -> set[str]:
    """The words of the names the question writes with a capital inside a sentence (folded), acronyms too ("CEO",
    which `names_in` leaves out as shouting: a story's articles may share no other), not those saying where to look
    (its outlets and dates), nor a title's initials added after it written out ("chief executive (CEO)"). Of a name
    of several words, those rare in English (`TELLING_ZIPF`) when it has any: "Scalable Capital" is "scalable", as
    another startup's "Gutter Capital" is no report on it; "Tim Cook" is both. A possessive or an acronym ends a
    name ("OpenAI's Sam Altman", "Apple CEO Tim Cook")."""
    skip = plan.metadata_spans
    runs: list[list[str]] = []
    joins, end = False, 0  # whether the next capitalised word goes on with the name ending at `end`
    for match in re.finditer(r"[\w'’-]+", question):
        token = match.group()
        sentence_start = match.start() == 0 or bool(re.search(r"[.?!:;]\s*[\"'‘“(]?\s*$", question[: match.start()]))
        added = token in TITLE_INITIALS.values() and question[match.start() - 1 : match.start()] == "("  # "(CEO)"
        if token[0].isupper() and not sentence_start and not added and not any(a <= match.start() < b for a, b in skip):
            bare = re.sub(r"['’]s?$", "", token)
            named = [w for w in words(bare) if w not in FUNCTION_WORDS]
            acronym = len(bare) > 1 and bare.isupper()
            if joins and not acronym and runs and not question[end : match.start()].strip():
                runs[-1] += named  # "Scalable Capital": one name
            else:
                runs.append(named)
            joins, end = not acronym and bare == token, match.end()
        else:
            joins = False
    names: set[str] = set()
    for run in runs:
        names.update(telling_words(run))
    return names


def telling_words(name: Sequence[str]) -> list[str]:
    """The words of a name (folded) rare in English (`TELLING_ZIPF`), those that tell it apart from another
    name sharing a common word ("kestrel" of "Kestrel Analytics"); all of them when none is rare ("Tim Cook")."""
    return [w for w in name if zipf_frequency(w) < TELLING_ZIPF] or list(name)


def _on_the_story(entity: Candidate, names: AbstractSet[str], story: AbstractSet[str]) -> bool:
    """Whether an article naming the entity writes one of the question's names (`story`: the articles whose
    passages do), or a sentence naming it does."""
    return bool(entity.articles & story) or any(names & set(words(e.quote)) for e in entity.evidence)
