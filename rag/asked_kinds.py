"""What a question asks for, and whether a sentence gives it: a figure of what it counts, a sum of money, an
age, a share, a number of times, a score, a day, a year, a time, a length of time, a name.

The extractive engine declines a question asking for one of these when no sentence it chose gives it
(`NO_FIGURE`, `NO_DAY`, ...), or says that a later half of a compound question is not answered; a later half
asking for one is answered by a sentence that writes one (`half_writes`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from typing import TYPE_CHECKING

from rag.entities import IRREGULAR_PAST, names_in, person_like, written_near
from rag.figures import COUNTRY_DOLLAR, NUMBER_WORDS, SCALES
from rag.lexicon import HEDGES, content_stems, fold, stem, words

if TYPE_CHECKING:
    from rag.ranking import ScoredSentence

PRICES = frozenset("price cost fee".split())  # measures a sentence may give by comparison
POINTS_BACK_TO = re.compile(r"\b(?:these|those)\s+$", re.IGNORECASE)  # "these five": some already named
NAME_BEFORE = re.compile(r"(?<![\w'’-])((?:[a-z]?[A-Z])[\w'’-]*)\s+$")  # a figure after "Steam Deck", "iPhone"
HALF_COMPOUND = re.compile(r"half-[a-z]", re.IGNORECASE)  # "a half-step", "half-time": no half of anything
MULTIPLIER = re.compile(r"(?:twice|double[ds]?|triple[ds]?)$", re.IGNORECASE)  # "double surprise": no count
# "What is the capital of Japan?", "What is Japan's capital?", "Which city is the capital of Japan?": a place that
# holds a role for another (`rag.entity_choice.asked_role`), asked for by the whole question
ASKS_CAPITAL = re.compile(
    r"^\s*(?:what|which\s+(?:city|town|place))\s+(?:is|was)\s+"
    r"(?:(?P<owner>(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*)*)['’]s\s+capital(?:\s+city)?|"
    r"the\s+capital(?:\s+city)?\s+of\s+(?P<of>(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*))"
    r"\s*[?.!]*\s*$",
    re.IGNORECASE,
)
ASKS_COUNT = re.compile(r"\bhow\s+many\b", re.IGNORECASE)  # "How many Steam Decks ...": things counted
COUNTED_WORDS = re.compile(r"\bhow\s+many\s+(?P<counted>(?:[\w'’-]+\s+){0,2}[\w'’-]+)", re.IGNORECASE)
# a unit written onto a figure ("64GB", "120Hz", "5G", "4K"): a measure or a model, no count of things; a scale
# written onto it ("50k fans", "2m users", "1.5mln e-bikes", "15T tokens", "$5bn") still counts
UNIT_ON = re.compile(r"(?P<unit>[A-Za-z]+)")
SCALES_WRITTEN_ON = frozenset("k m mn mln mil b bn bln t tn trn tr".split())
# "... is worth close to", "... was valued at about": the sum that follows is the value of what comes before
VALUE_OF = re.compile(
    r"\b(?:worth|valued\s+at|priced\s+at)\s+(?:(?:about|around|roughly|approximately|nearly|almost|exactly|close|to|"
    r"an|a|the|estimated|reported|combined|total|whopping|mere|more|less|than|well|over|under|upwards|north|south|of|"
    r"in|excess|up|at|least|some|just|only|between|still|now|reportedly|as|much)\s+){0,4}"
    r"(?:[$€£¥₹]|[A-Z]{1,3}\$|(?:usd|eur|gbp|chf|sek|nok|dkk|rs\.?|kr\.?)\s?)?$",
    re.IGNORECASE,
)
MONEY_WINDOW = 8  # ... a price: its sum within this many words of what it buys ("Season tickets for 2025 cost $310")
COUNT_WINDOW = 4  # a count ("how many cranes", "the attendance"): its figure within this many words of its noun
# an ordinal after whose it is ("his 26th season", "the club's 11th title"): how many of them there have been
ORDINAL_WRITTEN = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
OWNED_ORDINAL = re.compile(r"(?:\b(?:his|her|their|its|our|my|your)|\w['’]s)\s+\d+$", re.IGNORECASE)

# Where a question, or a later half of one, opens: at the start, after an introduction ("According to X, how
# long ...", "That heat study in One Earth: how many ...", "Chelsea beat Blackburn - who ..."), after "and"
# ... and after a word hedging the figure asked for: "Exactly how many ...", "Roughly how much ..."
OPENS = rf"(?:^\s*|[,:;—–]\s*|\s-\s*|,?\s+and\s+)(?:{HEDGES}\s+)?"

# "How many soldiers ...", "what is the exact number of ...": answered only by a sentence that gives a
# figure (a year alone is none: "in the summer of 1941" says when, not how many)
# what a player's game is counted in: a search naming one and a name asks how many ("AJ Brown receiving yards Dolphins
# vs Eagles", "mctominay goals this season", "Virat Kohli total runs at the World Cup")
STAT_NOUNS = (
    "yards|points|goals|assists|rebounds|touchdowns|tds|carries|catches|receptions|sacks|tackles|wickets|runs|saves|"
    "strikeouts|steals|interceptions"
)
# a search typed as a name and a stat, no question nor request: its stat is what it asks how many of; not a headline
# using a stat's word as a verb ("Chelsea sacks Pochettino", "Trump points to fraud", "Biden runs for reelection"),
# nor a request or a question written without its question word first ("Talking points from the debate", "Name the
# player with the most goals")
STAT_QUALIFIERS = r"(?:rushing|receiving|passing|total|career|season)"  # the words a stat's noun may follow
STAT_SEARCHED = re.compile(
    r"^\s*(?!(?:[\w.'’&+-]+\s+){0,6}?(?:who|whom|whose|which|what|when|where|why|how|do|does|did|is|are|was|were|"
    r"can|could|will|would|has|have|had|should|give|tell|summar\w*|compare|list|explain|describe|show|according|name|"
    r"most|top|best|leaders?|leading|talking|from)\b)"
    rf"(?:[\w.'’&+-]+\s+){{1,6}}?(?:{STAT_QUALIFIERS}\s+)?(?P<stat>{STAT_NOUNS})\b"
    r"(?!\s+(?:to|toward|towards|from|into|out|up|off|that|which|back|its|his|her|their|the|a|an|"
    r"for\s+(?!the\s+season)|(?-i:[A-Z])[a-z]+\b(?!\s+vs))\b)",
    re.IGNORECASE,
)
ASKS_FIGURE = re.compile(  # "By what percentage ...", "At how many ...": a preposition may come first
    rf"{OPENS}(?:(?:by|to|at|of|for|in|from|with)\s+)?(?:how\s+(?:many|much|(?:big|large|old|tall|heavy|expensive)\b(?!\s+(?:a|an)\b))|"
    r"what(?:['’]?s\s+|\s+(?:is\s+|was\s+|are\s+|were\s+)?)(?:the\s+)?(?:exact\s+|total\s+)?"
    r"(?:share|percentage|percent|proportion|amount|number|figure|sum|size)\b|"
    # "What minimum credit score do you need": a figure of the noun
    r"what(?:['’]?s\s+|\s+(?:is\s+|was\s+|are\s+|were\s+)?)(?:the\s+)?(?:minimum|maximum|average|median)\s)",
    re.IGNORECASE,
)
WRITES_FIGURE = re.compile(
    r"\b(?!(?:1[5-9]|20)\d\d\b)(?<!\d:)\d+(?:[.,]\d+)*(?!:\d|[.,]?\d*\s*[ap]\.?m\b)|"  # not "7:55", "7 p.m."
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|double[ds]?|"
    r"tripled?|percent|none|both|third|quarter|fifth|tenth|thirds|quarters|fifths|tenths)\b",
    re.IGNORECASE,
)
NO_FIGURE = "The articles found give no figure that answers this question."

# "How old is ...": an age ("Ekimov, 78, and Brus, 80", "aged 78", "a 78-year-old", "was just 23 when"), not any figure
ASKS_AGE = re.compile(rf"{OPENS}how\s+old\b", re.IGNORECASE)
WRITES_AGE = re.compile(
    r"\b(?:aged?\s+\d{1,3}|\d{1,3}-year-old|\d{1,3}\s+years?\s+old|age\s+of\s+\d{1,3})\b|[A-Z][\w'’-]+,\s+\d{1,3},|"
    r"\b(?:was|is|were|are)\s+(?:just\s+|only\s+)?\d{1,3}\s+(?:when|at\s+the\s+time)\b|"
    # "someone who’s only 20", "he turned 44 in May"
    r"\b(?:who(?:['’]s|\s+is|\s+was)|turn(?:ed|s|ing))\s+(?:just\s+|only\s+)?\d{1,3}\b(?![\d.,%]|\s*(?:per|million|billion))"
)

# "By what percentage ...": a share written as one ("78.8%", "12 per cent")
ASKS_PERCENT = re.compile(
    # ... or a question asked to be answered in one ("How accurate is the test, in percentage terms?")
    r"\b(?:what|which)\s+(?:percentage|percent)\b|\bhow\s+many\s+percent|"
    r"^\s*(?:what|which|how|by\s+how\s+much)\b.*\b(?:in|as)\s+(?:a\s+)?(?:percentage|percent)(?:\s+terms)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
WRITES_PERCENT = re.compile(r"\d\s*%|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)
# "How many times was he sacked": a number of times ("seven times", "twice"), not the yards of a pass
ASKS_TIMES = re.compile(r"\bhow\s+many\s+times\b", re.IGNORECASE)
# "What were Brock Purdy's MVP odds?", "What odds was the market putting on a rate hike?": a price a bookmaker or a
# market puts on it ("-230", "+400", "5/1", "11-to-2", "50-50", "a 40 per cent chance"), not any figure of the story
# "what were X's exact Rookie of the Year betting odds": odds, not a phrase ("the team that beat the odds"), nor what
# someone thinks of them ("What did Newt Gingrich think about Jim Jordan's odds of winning the gavel?")
ASKS_ODDS = re.compile(
    r"\b(?:what|which)\s+(?:(?!(?:think|thinks|thought|say|says|said|believe|believes|make|made|feel|feels)\b)"
    r"[\w'’.-]+\s+){0,10}?(?<!beat\sthe\s)(?<!beating\sthe\s)(?<!defied\sthe\s)"
    r"(?<!defy\sthe\s)(?<!overcome\sthe\s)(?<!overcame\sthe\s)(?<!against\sthe\s)(?<!against\sall\s)odds\b"
    r"(?!\s+and\b)",
    re.IGNORECASE,
)
WRITES_ODDS = re.compile(
    r"(?<![\w.])[+-]\d{3,4}\b|\b\d{1,3}/\d{1,3}\b|\b\d+(?:\.\d+)?-to-\d+\b|\b\d{1,2}-\d{1,2}\b|\beven(?:s|\s+money)\b|"
    r"\b\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s+(?:chance|probability|likelihood)\b",
    re.IGNORECASE,
)
# "How much is it per month?", "how many reports a day", "What is his annual salary?": a figure of each span of time,
# not a total ("a year earlier", "a year ago" say when, "a season ticket" what is sold; "the big annual honour" is no
# figure's)
_SPANS = r"(?:year|month|week|day|night|hour|game|season|episode)"
_WHEN = r"earlier|ago|before|later|after|prior"  # "a year earlier", "a year ago": when, no rate
ASKS_RATE = re.compile(
    rf"(?<!\bin\s)\b(?:per|each|every|a|an)\s+{_SPANS}\b(?![-‐'’])"
    rf"(?!\s+(?:{_WHEN}|since|on|of|against|versus|vs|when|into|tickets?|pass|"
    r"passes|holders?|records?|highs?|lows?|best|long|old|off|trips?|jobs?|one|opener|finale|game)\b)|"
    r"\b(?:monthly|weekly|daily)(?=\s*[?.!,]|\s*$)|"
    r"\b(?:annually|yearly)\b|"
    r"\b(?:monthly|annual|yearly|weekly|daily|nightly)\s+(?:active\s+)?(?:users|salary|fee|subscription|revenue|budget|"
    r"searches|funding|income|pay|cost|price|rent|payments?|visitors|readers|listeners|viewers|downloads|support)\b",
    re.IGNORECASE,
)
# ... as a sentence gives one: "$5.99 a month", "every year", "€9.99/month", "€9.99pm", "238 million monthly users"
WRITES_RATE = re.compile(
    rf"(?:\b|-)(?:per|each|every|a|an)[-\s]+{_SPANS}\b(?!\s+(?:{_WHEN})\b)|"
    r"\bper\s+annum\b|\b(?:annually|monthly|yearly|weekly|annual|daily|nightly|annuali[sz]ed)\b|"
    r"/\s?(?:month|mo|year|yr|day|week|wk)\b|[£€$]\s?[\d.,]+\s?(?:[mbk]n?\s?)?(?:pm|pa|pw|p\.a\.)(?!\w)",
    re.IGNORECASE,
)

# "How much does the Steam Deck OLED weigh?", "how heavy is it", "what is its weight": a weight ("640 grams", "179
# pounds"), not any figure of the review
ASKS_WEIGHT = re.compile(
    r"\bhow\s+much\s+(?:does|did|do|will|would)\s+[^?]{1,80}?\bweigh\b|\bhow\s+heavy\b|"
    r"\bwhat\s+(?:did|does|do)\s+[^?]{1,80}?\bweigh\b|\bwhat(?:\s+is|\s+was|['’]s)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?weight\b",
    re.IGNORECASE,
)
WRITES_WEIGHT = re.compile(
    # (a difference is no weight: "weighs about 30 grams less than the original")
    r"\b\d+(?:[.,]\d+)?\s*(?:g|grams?|kg|kilograms?|kilos?|lbs?|pounds?|oz|ounces?|tonnes?|tons?)\b"
    r"(?!\s+(?:less|more|lighter|heavier)\b)",
    re.IGNORECASE,
)
# the name a weight is given to, right before the verb: "the Lumo X1, weighs 640 grams"
WEIGHED = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*)*)\s*,?\s+weigh(?:s|ed)?\b")


def weighs_another(sentence: str, question: str) -> bool:
    """Whether the sentence gives its weight to a name the question does not write ("Its rival, the Lumo X1, weighs
    640 grams" for "How much does the Kelby Aura 2 weigh?")."""
    asked = set(words(question))
    return any(not set(words(m.group("name"))) & asked for m in WEIGHED.finditer(sentence))


WRITES_TIMES = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|few|multiple|dozens?\s+of)"
    r"\s+(?:more\s+|other\s+|different\s+|straight\s+|consecutive\s+|separate\s+)?times\b|\b(?:once|twice|thrice)\b",
    re.IGNORECASE,
)
# a side's name before its points ("Ravens 30"), not a numbered part of something ("Week 12, Game 3")
_SIDE = (
    r"(?!(?:Week|Game|Round|Day|Chapter|Section|Season|Part|Episode|Volume|Level|Stage|Act|Race|Match|Lap|Pick|"
    r"No|Number|Page|Step|Phase|Group|Heat|Set|Hole|Leg|Test|Year|Rule|Article|Verse)\b)[A-Z0-9][\w.'’-]*"
)
WRITES_SCORE = re.compile(
    r"\b\d{1,3}\s*[-–—]\s*\d{1,3}\b(?!\s*(?:%|percent|million|billion))|\b\d{1,3}\s+to\s+\d{1,3}\b|"
    # each side's points after its name, as picks and live updates write them: "Ravens 30, Chargers 23"
    rf"\b{_SIDE}\s+\d{{1,3}},\s+{_SIDE}\s+\d{{1,3}}\b(?![.,]\d|\s*(?:%|percent|million|billion))"
)
# a team's record written after its name ("The Buffalo Bills (8-6) will be the first foes ..."): no score of a game
TEAM_RECORD = re.compile(r"(?<=[A-Za-z.])\s*\(\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?(?:,[^()]*)?\)")


# ... or told as where a team stands: "Philadelphia moves to 6-1", "the Jets are 4-6 on the season", "SMU is 7-2, 5-0
# in its final go-round" (not "the score was 21-14", "Arsenal's lead moved to 2-0", "Sinner's win was 6-4, 6-3", "The
# series now stands at 2-1")
_RECORD = r"\d{1,2}\s*[-–]\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?"
RECORD_STOOD = re.compile(
    r"(?<!\bscore\s)(?<!\blead\s)(?<!\bseries\s)(?<!\bmargin\s)(?<!\bit\s)(?<!\bmatch\s)(?<!\bgame\s)\b(?:"
    rf"(?:move|moves|moved|improve|improves|improved|fall|falls|fell|drop|drops|dropped)\s+to\s+(?P<record>{_RECORD})\b|"
    rf"(?:is|are|was|were)\s+(?P<held>{_RECORD})(?=\s+(?:on\s+the\s+(?:season|year)|this\s+season|overall|"
    r"in\s+(?:the\s+)?(?:conference|division|league)\b))|"
    # ... its overall and conference records, in the present ("SMU is 7-2, 5-0 in its final go-round")
    rf"(?:is|are)\s+(?P<both>{_RECORD},\s*{_RECORD})\b)",
    re.IGNORECASE,
)


def without_records(sentence: str) -> str:
    """The sentence with the teams' records blanked out, offsets kept: "What was the final score when the Bills played
    the Chargers?" is not answered by "The Buffalo Bills (8-6) will face ...", nor by "SMU is 7-2"."""
    blanked = TEAM_RECORD.sub(lambda m: " " * len(m.group()), sentence)
    for match in RECORD_STOOD.finditer(blanked):
        group = next(g for g in ("record", "held", "both") if match.group(g))
        start, end = match.span(group)
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    return blanked


# a record of games won and lost, asked as whose it is or of what kind ("Golden State's record after the Kings
# collapse", "Opetaia's professional record", "what overall record did he finish with"): "8-10", "24-0"; not a record
# set or broken ("the rookie record", "a record low", "whose record did Salah overtake")
WIN_LOSS_RECORD = re.compile(
    r"(?:['’]s?|\b(?:what|overall|professional|pro|career|season|regular-season|win-loss|win/loss|w-l|unbeaten|"
    r"coaching|head-to-head|fight|home|road|away))\s+record\b(?!\s*(?:-|low|lows|high|highs|crowd|number|setting|"
    r"breaking|label|holder|books?|for|of)\b)",
    re.IGNORECASE,
)
# a later half asking for a score ("..., and what was the final score?"), a record of games won and lost, or an
# extent ("and from how far out?")
# what a score rates, not two sides' points: "review score", "credit score" (`rag.question.MEASURES`)
RATINGS = ("review", "credit", "metacritic", "user", "critic", "approval", "exam")  # not "Test": a cricket match's
NOT_A_RATING = "".join(rf"(?<!\b{rating}\s)" for rating in RATINGS)
ASKS_SCORE = re.compile(
    rf"\b(?:{NOT_A_RATING}score|scoreline|final\s+result)\b|{WIN_LOSS_RECORD.pattern}", re.IGNORECASE
)
ASKS_EXTENT = re.compile(r"^\s*(?:from\s+|by\s+|at\s+)?how\s+(?:far|fast|high|deep|tall)\b", re.IGNORECASE)

# what a price is asked with: "start at", "priced at", "sell / go / retail / list for"
_PRICE_IDIOMS = (
    r"(?:start|starts|started|starting)\s+at|priced\s+at|"
    r"(?:sell|sells|selling|sold|go|goes|going|went|retail|retails|retailing|retailed|list|lists|listed)\s+for"
)
# a word of a question, a name's stops or ampersand in it ("K.O. II", "U.S.", "AT&T"), not a full stop ending a sentence
_WORD = r"(?:[\w'’+&-]|\.(?=\w)|(?<=\b[A-Z])\.)+"
# "How much funding has Locus raised?", "How much did the port spend on cranes?": a sum of money answers
# (an "800-person trial" is a figure, of something else)
# the words of a "how much is ..." that asks no price: a value, a share, an amount of something else, a change
_NOT_PRICED = (
    r"worth|valued|value|rate|rates|share|percent|percentage|per\s+cent|increase|decrease|rise|rising|growth|grow|"
    r"growing|inflation|difference|time|left|expected|projected|forecast|estimated|by|up|down|fall|falling|raise|"
    r"raising|cut|cutting|storage|memory|ram|battery|space|weight|weigh|data|snow|rain|water|power|energy|"
    r"enough|needed|required|it|that|this|there|he|she|they|you|we|i|tariffs?|lead|spread|favou?red|favou?rites?|"
    r"population|limit|delay|delayed|speed|distance|height|temperature|score|margin|gap|odds|line|total|over|under"
)
# what tells a "how much is ..." asks a price: a sale ("in the Verge's deals", "at Best Buy"), a thing sold by name
_PRICE_SIGNS = (
    r"deals?|sale|sales|discount|discounted|prime\s+day|black\s+friday|cyber\s+monday|at\s+(?-i:[A-Z])[\w'’&-]*|"
    r"on\s+amazon|subscriptions?|membership|tickets?|pass|passes|plan|tier|price|retail|msrp|month|year|"
    r"controllers?|headphones|earbuds|headset|phones?|laptops?|tablet|console|watch|speakers?|camera|keyboard|mouse|"
    r"monitor|tv|charger|sampler|kit|bundle|vacuum|doorbell|glasses|frames|scooter|bike|car|truck|book|kindle|"
    r"ipad|iphone|airpods|pixel|galaxy|switch|playstation|ps5|xbox|steam\s+deck"
)
ASKS_MONEY = re.compile(
    # ... "how much prize money", "how much seed funding": money named with a word or two before it
    rf"{OPENS}how\s+much\s+(?:(?:{_WORD}\s+){{0,2}}?(?:money|funding|cash|capital|revenue|profit|investment|debt|"
    # ... aid given in money ("How much military aid has the US sent?"; not "How much aid is entering Gaza": trucks)
    r"(?:military|financial|economic|foreign|budget)\s+(?:aid|assistance)|"
    # ... or by what is done with it ("how much time did he spend" asks a length of time), past an aside set off by
    # commas ("How much did Rainforest, the Atlanta payments startup, raise ...")
    rf"financing|funds)\b|(?!time\b)(?:{_WORD},?\s+){{1,12}}?(?:cost|costs|costing|spend|spent|spending|pay|paid|paying|"
    r"earn|earned|"
    # "raise the budget by" may be a share
    r"earning|charge|charged|charging|invest|invested|investing|owe|owed|borrow|borrowed|offered|offering|bidding|"
    # "How much has RIL committed in total": a sum pledged or given
    r"commit|commits|committed|committing|pledge|pledged|pledging|donate|donated|donating|allocate|allocated|"
    # an offer or a bid as a verb, not the noun ("How much interest did the bid attract?")
    r"fetch|fetched|gross|grossed|grossing|(?:offer|bid)(?=\s+(?:for|to|on)\b)|raised?(?!.*\bby\b)|"
    # a price: "How much does the new Kindle start at?", "... are the AirPods Max going for?", "... selling for"
    rf"{_PRICE_IDIOMS})\b)|"
    # "How much is the Razer Wolverine V2 Chroma in the Verge's deals?", "how much are the AirPods Max": the price of a
    # thing named and nothing else (not "how much is the rate cut", "how much is left", "how much is expected")
    # ... said to be on sale or sold ("in the Verge's deals", "at Best Buy") or called a thing sold ("controller",
    # "ticket"), not a measure of another kind ("How much is the tariff on Chinese EVs?", "How much are the Chiefs
    # favored?")
    rf"{OPENS}how\s+much\s+(?:is|are|was|were)\s+(?![^?]*\b(?:{_NOT_PRICED})\b)(?=[^?]*\b(?:{_PRICE_SIGNS})\b)"
    rf"(?:{_WORD}\s+){{0,10}}?{_WORD}(?:\s+(?:in|at|on|from|during|for|per|with)\s+[^?]*)?\s*[?.]?\s*$|"
    # "How much did Thanksgiving take at the box office?": takings are a sum
    rf"{OPENS}how\s+much\s+(?:{_WORD}\s+){{1,12}}?(?:at|in)\s+(?:the\s+)?(?:global\s+|worldwide\s+|domestic\s+)?box[\s-]+office\b|"
    # "What does a day ticket cost?", "What did the film cost to make?", "What does it cost in the UK?", "What
    # does Gogoro charge per swap?"; not what something cost someone ("What did staying cost Doctor Varga?": her
    # career, no sum), nor "cost in lives", "cost to his reputation"
    rf"{OPENS}what\s+(?:does|do|did|will|would)\s+(?:\S+\s+){{1,10}}?"
    r"(?:cost(?:\s+(?:per|a|an|each|for)\b|\s+in\s+(?:the\s+)?(?-i:[A-Z])|"
    r"\s+to\s+(?!(?:his|her|their|its|the|my|our|your|him|them)\b)[a-z]+|\s*[?.,;]|\s*$)|"
    r"charges?\s+(?:per|for|a|an|each)\b)|"
    # a price: "What is the cheapest Cybertruck going to start at?", "What does the Kindle sell for?", "What did the
    # painting go for?" ("What time does it start at?" asks a time)
    rf"{OPENS}what(?:['’]s\s+|\s+(?:does|do|did|will|would|is|are|was|were)\s+)(?:\S+\s+){{1,10}}?"
    rf"(?:(?:going\s+to|gonna)\s+)?(?:{_PRICE_IDIOMS})\s*(?:[?.,;]|$)|"
    # "What is Mayo Clinic paying its new officer?", "What are clubs charging for tickets?" (not "paying attention")
    # ("What are the risks of paying ransom?" asks risks; "charging him with fraud", "the charging port" no sum)
    rf"{OPENS}what\s+(?:is|are|was|were|will)\s+(?:(?!(?:of|for|about|on)\s)\S+\s+){{1,6}}?(?:be\s+)?"
    r"(?:paying|charging)\b(?!-|(?:\s+\S+){0,3}\s+with\b)"
    r"(?!\s+(?:attention|tribute|homage|respects?|off|back|the\s+price|a\s+visit|heed|lip\s+service|dividends|"
    r"ports?|speeds?|stations?|cables?|connectors?|sessions?|networks?|options?|points?|pads?|times?|"
    r"infrastructure)\b)",
    re.IGNORECASE,
)
# "How much is the stake worth?", "How much was the firm valued at?": a value, a sum (or points, a share) after "worth"
ASKS_WORTH = re.compile(rf"{OPENS}how\s+much\s+(?:{_WORD}\s+){{1,12}}?(?:worth|valued\s+at)\b", re.IGNORECASE)
IN_CURRENCY = re.compile(
    r"\bin\s+(?:us\s+)?(?:dollars|euros|pounds|yen|yuan|rupees|roubles|rubles)\b", re.I
)  # "GDP in dollars"
_WORD_CURRENCIES = (
    "kronor|kroner|krona|krone|pesos?|lira|lire|zloty|zlotys|dirhams?|riyals?|shekels?|baht|ringgit|rupiah|naira|"
    "forints?|dinars?"
)
# ISO codes written in capitals before or after a sum ("NIS 405 million", "HKD 2bn"), never in lower case ("nis")
_CURRENCY_CODES = "NIS|ILS|HKD|SGD|NZD|ZAR|BRL|MXN|KRW|RUB|TRY|AED|SAR|PLN|HUF|CZK|THB|IDR|MYR|PHP|NGN|EGP|PKR|TWD"
# pesos as Philippine papers write a large sum, the letter for the sign: "P5.768 trillion", "P277 million"
_PESOS = r"(?-i:\bP)\d[\d,]*(?:\.\d+)?\s?(?:million|billion|trillion|bn)\b"
WRITES_MONEY = re.compile(
    # "$A82 million", "$US650 million": a dollar with its country after the sign, as Australian papers write it
    rf"[$€£¥₹₩₽₺₱]\s?\d|{COUNTRY_DOLLAR}\s?\d|\brs\.?\s?\d|{_PESOS}|(?:\b\d+(?:[.,]\d+)*|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|trillion))"
    r"\s*(?:[mb]n|k|hundred|thousand|million|billion|trillion)?\s*(?:dollars?|euros?|pounds?|yen|yuan|rubles?|roubles?|francs?|"
    r"rupees?|cents?|bucks|usd|eur|gbp|chf|jpy|cny|inr|aud|cad|"
    # currencies that are words or names too ("Lira Street", "Nok"): written in lower case (codes in capitals) ...
    rf"(?-i:SEK|NOK|DKK|{_CURRENCY_CODES}|{_WORD_CURRENCIES}))\b|"
    rf"\b(?:usd|eur|gbp|chf|jpy|cny|inr|aud|cad|us\$|(?-i:SEK|NOK|DKK|{_CURRENCY_CODES}))\s?\d|"
    # ... or capitalised after digits ("40 Kronor", "2,000 Lira")
    rf"\b\d+(?:[.,]\d+)*\s*(?:[mb]n|k|million|billion)?\s*(?:{_WORD_CURRENCIES})\b",
    re.IGNORECASE,
)

# "On what exact date did ... open?": answered only by a sentence that gives a day, not a year alone
ASKS_DAY = re.compile(r"\b(?:what|which)\s+(?:exact\s+|precise\s+)?(?:date|day)\b", re.IGNORECASE)
_MONTHS = (  # whole names or their short forms: "Deck 2" and "Marvel 3" are no days
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
DAY_OF_MONTH = re.compile(
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}", re.I
)
WRITES_DAY = re.compile(
    rf"{DAY_OF_MONTH.pattern}|\b\d{{4}}-\d\d-\d\d\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b|"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b",
    re.IGNORECASE,
)
NO_DAY = "The articles found give no date that answers this question."
# "What was the outcome of the July 10 election?", "Who won ...?", "Did ...": a question asking what happened
ASKS_PAST = re.compile(
    r"^\s*(?:(?:who|what|which|how|where|when|why)\b(?:\s+[\w'’-]+){0,3}?\s+(?:was|were|did|had)\b|"
    r"who\s+(?:won|lost|led|[a-z]+ed)\b|what\s+happened\b|(?:did|was|were)\b)",
    re.IGNORECASE,
)
# "the upcoming July 10 elections", "the council will vote on the line on July 10", "ahead of the July 10 vote": a day
# still to come (its marker up to eight words before it)
STILL_TO_COME = re.compile(
    r"\b(?:upcoming|forthcoming|scheduled|slated|will|to\s+be\s+held|ahead\s+of)\b(?:\W+\w+){0,8}?\W+$", re.IGNORECASE
)
# "How long is the contract?"; not "how long a win streak", the size of a thing, told in other ways than a time, but
# "how long a ferry pass lasts": what lasts, then its verb
_LASTING = r"(?:lasts?|lasted|takes?|took|runs?|ran|stays?|stayed|remains?|remained|is\s+valid|are\s+valid)"
ASKS_DURATION = re.compile(
    rf"{OPENS}how\s+long\b(?!\s+an?\s(?![\w'’-]+(?:\s+[\w'’-]+){{0,4}}?\s+{_LASTING}\b))", re.IGNORECASE
)
WRITES_DURATION = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"many|half\s+an?|next|coming|past|last)[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|"
    r"seasons?|nights?|terms?)\b|\b(?:until|through|till)\s+\S+|\bfor\s+(?:years|months|weeks|decades)\b"
    # "since the 1976 Draft" tells how long something has been going on
    r"|\bsince\s+(?:the\s+)?(?:(?:1[5-9]|20)\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\b",
    re.IGNORECASE,
)
# "How long was his field goal?", not "How long did the crossing take?": a distance may answer it
ASKS_LENGTH = re.compile(
    r"\bhow\s+long\s+(?:is|was|are|were)\b(?!.*\b(?:take|takes|took|last|lasts|lasted|ago|been)\b)",
    re.IGNORECASE,
)
# "How long was his field goal?": a distance answers "how long" as well ("a 56-yard field goal", "the 1.2km bridge")
WRITES_LENGTH = re.compile(
    r"\b\d+(?:[.,]\d+)?[\s-]*(?:yards?|yds?|metres?|meters?|feet|foot|ft|miles?|kilometres?|kilometers?|km|inches|inch|"
    r"centimetres?|centimeters?|cm)\b",
    re.IGNORECASE,
)
# "How tall is the Dubai Frame?", "how far did the home run go", "how wide is its view": a length in its units ("150
# metres", "7.5ft", "a 420-foot homer", "7-foot-4", "a 270-degree view"), not any figure of the story (a rate is "how
# high": no length). Which length it is (a height, a depth) is not read: any length of the thing asked about answers
# (not "how far south were the lights seen": a place; nor "how far did the shares fall": a change, told in per cent)
_NOT_FAR = (
    r"(?!\s+(?:north|south|east|west|up|down|back|ahead|behind|along|into)\b)"
    r"(?!(?:\s+[\w'’-]+){1,8}?\s+(?:fall|falls|fell|fallen|drop|drops|dropped|rise|rises|rose|risen|climb|climbed|"
    r"slide|slid|slip|slipped|sink|sank|plunge|plunged|tumble|tumbled|jump|jumped|decline|declined|surge|surged|"
    r"soar|soared|crash|crashed|shrink|shrank|grow|grew)\b)"
)
ASKS_DISTANCE = re.compile(rf"{OPENS}how\s+(?:tall|far{_NOT_FAR}|wide|deep)\b", re.IGNORECASE)
WRITES_DISTANCE = re.compile(
    rf"{WRITES_LENGTH.pattern}|\b\d+(?:[.,]\d+)?[\s-]*(?:storeys|stories|degrees?)\b|\b\d+\s*°|\b\d\s*['’]\s*\d{{1,2}}\b",
    re.IGNORECASE,
)
# a sentence handed down that is no length of time ("What prison sentence did he get?": "life in prison")
WRITES_PENALTY = re.compile(
    r"\blife\s+(?:in\s+prison|sentences?|imprisonment|behind\s+bars)\b|\bprobation\b|\bsuspended\s+sentence|"
    r"\bno\s+(?:prison|jail)\s+time\b",
    re.IGNORECASE,
)
NO_DURATION = "The articles found give no length of time that answers this question."
# a battery life or a runtime: a number of units of time ("up to 180 minutes", "two and a half hours", "206-minute")
# how many of a unit of time: "12", "two", "a", "half" (and a half)
_UNITS_OF_TIME = (
    r"(?:\d+(?:[.,]\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety|hundred|half)(?:\s+and\s+a\s+half)?[\s-]+"
)
WRITES_TIME_SPAN = re.compile(
    rf"\b{_UNITS_OF_TIME}(?:hours?|hrs?|minutes?|mins?|seconds?|days?|weeks?|months?|years?)\b"
    r"(?!\s+(?:ago|old|later|earlier|before|after)\b)",
    re.IGNORECASE,
)

# "What is the name of the fighter jet Japan is developing?": a name the question does not write answers
ASKS_NAME = re.compile(
    r"\bwhat\s+(?:is|was|are|were)\s+the\s+names?\s+of\b|\bwhat\s+(?:is|was)\s+(?:it|\w+\s+\w+)\s+called\b",
    re.IGNORECASE,
)
NO_NAME = "The articles found give no name that answers this question."
NAME_OF = re.compile(
    r"\bnames?\s+of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[A-Z0-9][\w'’.-]*\s+){0,4}"
    r"(?:(?!(?:that|which|who|whom|whose|where|when|in|at|on|of|for|by)\b|\w+(?:ed|ing)\b)[a-z][\w-]*['’]?s?\s+){0,3}?"
    r"(?P<noun>(?!(?:that|which|who|whom|whose|where|when|the|a|an|its|their)\b|\w+(?:ed|ing)\b)[a-z][\w-]*)\b(?!['’])"
    # what follows the noun: a name, a relative word, a preposition, a participle ("developed by"), the end
    r"(?=\s+(?:[A-Z0-9]|(?:that|which|who|whom|in|at|on|of|for|by|to|from|with)\b|\w+(?:ed|ing)\b)|\s*[?.,]|\s*$)"
)
NAME_WINDOW = 4  # "what is the name of the X": the name within this many words of X
ASKS_YEAR = re.compile(r"\b(?:what|which)\s+year\b", re.IGNORECASE)  # "In what year did ...": a year answers
WRITES_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
NO_YEAR = "The articles found give no year that answers this question."
# a year naming an event ("the 2023 Rugby World Cup", "the 2020 Harbour Cup final"): the year, then its first word
YEAR_NAMING = re.compile(r"\b((?:1[5-9]|20)\d\d)\s+([A-Za-z][\w'’-]*)")


def of_another_year(question: str, sentence: str) -> bool:
    """Whether `sentence` tells of another year's edition of an event the question names with its year ("The 2019
    Rugby World Cup final ..." for "... at the 2023 Rugby World Cup"), writing none of the question's years; a year
    written otherwise ("the 2019 champions", "about 1800 people") says nothing of which edition."""
    asked = {(year, word.lower()) for year, word in YEAR_NAMING.findall(question)}
    if not asked or {year for year, _ in asked} & set(WRITES_YEAR.findall(sentence)):
        return False
    named = {word for _, word in asked}
    return any(word.lower() in named for _, word in YEAR_NAMING.findall(sentence))


# a score told of earlier meetings of the two sides, as a preview tells them ("Over the previous four seasons, SMU has
# clamped down on North Texas by scores of 48-10, 35-12 ...", "their last three meetings", "the last time they met",
# "head-to-head"): no score of the game a question asks about (not "lost three of their last four games, beat the
# Raiders 31-17", nor "last season's MVP")
PAST_MEETINGS = re.compile(
    r"\b(?:previous|past|last|prior|recent)\s+(?:(?:\w+|\d+)\s+){0,2}(?:meetings|matchups|match-ups|encounters|"
    r"clashes)\b|\blast\s+time\s+(?:they|the\s+(?:two|teams|sides))\s+met\b|\bhead[-\s]to[-\s]head\b|"
    r"\ball[-\s]time\s+series\b|\bseries\s+history\b|\bby\s+scores\s+of\b",
    re.IGNORECASE,
)


def of_past_meetings(question: str, sentence: str) -> bool:
    """Whether `sentence` tells of earlier meetings (`PAST_MEETINGS`) and the question asks of none."""
    return PAST_MEETINGS.search(sentence) is not None and PAST_MEETINGS.search(question) is None


# "When is the trial set to begin?": answered only by a sentence that says when (a date, a year, a month,
# a season, "last week", "two days ago"); "When Chewy ran a promotion, what ..." asks no time
ASKS_WHEN = re.compile(
    rf"{OPENS}when\s+(?:{HEDGES}\s+)?(?:is|was|are|were|did|does|do|will|would|could|can|should|has|have|had)\b|"
    # "What deadline has the Commission given Amazon ...?", "by when must it reply": a time
    rf"{OPENS}(?:what|which)(?:['’]s|\s+(?:is|was|are|were))?\s+(?:the\s+)?(?:[\w-]+\s+)?deadline\b|{OPENS}by\s+when\b",
    re.I,
)
_SEASONS = r"(?:spring|summer|autumn|fall|winter)"
MONTH_NAME = (  # written with its capital: "may" and "Mar-a-Lago" are no months
    r"\b(?-i:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)(?![\w-])"
)
WRITES_MONTH = re.compile(MONTH_NAME)
WRITES_WHEN = re.compile(
    rf"{WRITES_DAY.pattern}|{WRITES_YEAR.pattern}|{WRITES_DURATION.pattern}|{MONTH_NAME}|\b{_SEASONS}\b|\bago\b|\b(?:tonight|overnight|soon)\b|"
    rf"\b(?:this|last|next|coming|past|previous|following|same|that|earlier\s+this|later\s+this)\s+"
    rf"(?:week|weekend|month|year|season|quarter|decade|century|morning|afternoon|evening|night|{_SEASONS})\b|"
    r"\b\d{1,2}(?::\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)(?!\w)",
    re.IGNORECASE,
)
NO_WHEN = "The articles found do not say when."


def gives_name(sentence: str, question: str, person: bool = False, noun: str = "", around: str = "") -> bool:
    """Whether a sentence holds a name the question does not write (`person`: a person's; `noun`: one that
    the sentence or `around` writes within a few words of it, "the expansion, Vessel of Hatred,")."""
    asked = fold(question)
    wanted = {stem(noun)} if noun else set()
    return any(
        fold(n) not in asked
        and (not person or person_like(n))
        # the name may carry the noun itself ("the Special Individual Partnership Program")
        and (
            not wanted
            or bool(wanted & {stem(w) for w in words(n)})
            or any(written_near(text, n, wanted, NAME_WINDOW) for text in (sentence, around) if text)
        )
        for n in names_in(sentence)
    )


# "What's the Caesars promo code Sporting News was pushing?": a code, written after the word ("promo code NEWS1000")
ASKS_CODE = re.compile(
    r"\b(?:what|which)(?:['’]?s|\s+(?:is|was|are|were))?\s+(?:the\s+|a\s+)?(?:[\w'’.-]+\s+){0,3}?"
    r"(?:promo|promotional|bonus|discount|coupon|referral|voucher|offer)\s+codes?\b|"
    r"\b(?:what|which)\s+(?-i:[A-Z][\w.-]*)\s+codes?\b(?!\s+of\b)",
    re.IGNORECASE,
)
WRITES_CODE = re.compile(r"\bcodes?\s*[:–-]?\s*[“\"']?(?-i:(?P<code>[A-Z][A-Z0-9]{3,}))\b", re.IGNORECASE)
CODE_BRAND_WORDS = 4  # the brand a code is for, written within this many words before "code"
NO_CODE = "The articles found give no code that answers this question."


def code_for(sentence: str, names: Sequence[Sequence[str]]) -> bool:
    """Whether a sentence writes a code for one of `names` (the question's, in lower case): "Caesars Sportsbook
    promo code NEWS1000" is a code for Caesars; "DraftKings promo code link" writes none."""
    return any(
        any(all(w in words(sentence[: m.start()])[-CODE_BRAND_WORDS - 1 :] for w in name) for name in names if name)
        for m in WRITES_CODE.finditer(sentence)
    )


# "..., and which senator wants the watchdog to step in?": a later half asking which one of a kind, answered by a
# name carrying the kind as its title or as one of its words ("Senator James Paterson", "the Lund Foundation")
ASKS_WHICH_KIND = re.compile(
    r"^\s*(?:(?:and|but|also|then)\s+)*(?:which|what)\s+"
    r"(?:(?:new|other|first|last|next|main|major|top|biggest|largest|former|current)\s+)?"
    r"(?P<noun>(?!(?:is|was|are|were|do|does|did|has|have|had|will|would|can|could|should|happened|happens|about|"
    r"else|kind|sort|type|one|ones)\b)[a-z]{3,})\s+(?!of\b)[a-z]",
    re.IGNORECASE,
)


def names_kind_asked(sentence: str, asked: str) -> bool:
    """Whether a sentence answers a later half asking which one of a kind ("which senator ...") by a name that
    carries the kind ("Senator James Paterson"), one the half does not write; False for a half asking anything
    else ("which countries get it first": "the third largest country after the U.S." names none)."""
    match = ASKS_WHICH_KIND.search(asked)
    if match is None:
        return False
    noun, written = match.group("noun"), fold(asked)
    kind = stem(noun.lower())
    title = re.compile(rf"\b{re.escape(noun)}\s+$", re.IGNORECASE)

    def titled(name: str) -> bool:  # the kind written right before it as a title: "Senator James Paterson"
        return any(title.search(sentence, 0, m.start()) for m in re.finditer(re.escape(name), sentence))

    return any(
        (kind in {stem(w) for w in words(n)} or titled(n)) and fold(n) not in written for n in names_in(sentence)
    )


def named_noun(question: str) -> str:
    """The noun "what is the name of the X" asks the name of: the last of the lower-case words after it
    ("the Diablo 4 expansion Blizzard revealed" -> "expansion", "the harbour board's chair" -> "chair");
    '' for other questions."""
    match = NAME_OF.search(question)
    return match.group("noun") if match else ""


def half_writes(asked: str) -> re.Pattern[str] | None:
    """What a sentence answering a later half writes, when the half asks for a kind of thing: a score, a sum of
    money, a date, a year, a time or a length of it, a figure; None for a half asking for anything else."""
    return (
        WRITES_SCORE
        if ASKS_SCORE.search(asked)
        else WRITES_MONEY
        if ASKS_MONEY.search(asked)
        else WRITES_DAY
        if ASKS_DAY.search(asked)
        else WRITES_YEAR
        if ASKS_YEAR.search(asked)
        else WRITES_WHEN
        if ASKS_WHEN.search(asked) or ASKS_DURATION.search(asked)  # "how long ...": "for six years", "since 1976"
        else WRITES_AGE  # "..., and how old is he?": an age, not any figure ("seven victories in 2021")
        if ASKS_AGE.search(asked)
        else WRITES_FIGURE
        if ASKS_FIGURE.search(asked) or ASKS_EXTENT.search(asked)
        else None
    )


TITLE_CASED = re.compile(r"^\W*(?:[A-Z][\w'’.&-]*\W+){4}")  # its first four words each with a capital
# "How many points did Jordon Crawford score ...", "How much revenue has Uber reported": the name the counted deed is
# done by, written with its capitals right after the question's verb (a question typed in lower case is not read so)
COUNTED_DOER = re.compile(
    rf"{OPENS}how\s+(?:many|much)\s+(?:[\w'’.&-]+\s+){{0,4}}?(?:did|does|do|has|have|had|will|would)\s+(?:the\s+)?"
    r"(?P<doer>(?-i:[A-Z][\w'’.&-]*)(?:\s+(?:(?:of|and|&)\s+)?['‘\"“]?(?-i:[A-Z][\w'’.&-]*)['’\"”]?)*)",
    re.IGNORECASE,
)


def counted_doer(question: str) -> str:
    """Who does what a counting question counts ("How many points did Jordon Crawford score": "Jordon Crawford"), or
    whose stat a search names first ("AJ Brown receiving yards ..."); '' when the question does not name them so."""
    searched = STAT_SEARCHED.match(question)
    if searched:  # "AJ Brown receiving yards Dolphins vs Eagles": the name the search opens with
        before = question[: searched.start("stat")]
        return re.sub(rf"(?:\s+{STAT_QUALIFIERS})+\s*$", "", before, flags=re.I).strip()
    match = COUNTED_DOER.search(question)
    # a question written in title case ("How Many Points Did Jordon Crawford Score ...") tells no name by its capitals
    if match is None or TITLE_CASED.search(question):
        return ""
    return match.group("doer")


def asks_figure_in(text: str, measure: str) -> bool:
    """Whether a question, or a part of one, asks for a figure: "how many ...", a sum, odds, a measure it names."""
    named = bool(measure) and {stem(w) for w in measure.split()} <= content_stems(text)  # "battery life" too
    return bool(ASKS_FIGURE.search(text) or ASKS_MONEY.search(text) or ASKS_ODDS.search(text) or named)


def writes_duration(sentence: ScoredSentence) -> bool:
    """Whether a sentence tells a length of time."""
    return WRITES_DURATION.search(sentence.evidence.quote) is not None


# a figure as written: digits with their separators ("7.7", "1,500") and a scale written onto them ("7.7bn"), or a
# number word ("six"); then the scale written after it ("$7.7 billion", "six million")
FIGURE_WRITTEN = re.compile(
    r"(?P<number>(?<![\w.,])\d+(?:[.,]\d+)*(?P<onto>bn|mn|tn|trn|m|k|b)?(?![\w]|[.,]\d)|"
    rf"\b(?:{'|'.join(NUMBER_WORDS)})\b)"
    r"(?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn)\b)?"
    r"(?P<percent>\s*%|\s+per\s*cent\b|\s+percent\b)?",
    re.IGNORECASE,
)
CURRENCY_BEFORE = re.compile(rf"(?:[$€£¥₹]|[A-Z]{{1,3}}\$|{COUNTRY_DOLLAR})\s?$")
# a word a quantity may follow ("the 3 firms", "a 25% stake", "about 40 boats"): after any other word a number is a
# label, as are numbers joined by a hyphen ("game 7", "Week 12", "iPhone 15", "COVID-19", "the 2023-24 season")
QUANTITY_AFTER = frozenset(
    "a an the of for about around over under than to at by up nearly almost roughly approximately some just only and "
    "or with its their his her new all those these another extra additional its first last more less".split()
)


def _figure_key(text: str, m: re.Match[str]) -> tuple[str, float, str]:
    """What a figure written at `m` says: its number, its scale, and whether it is a sum or a share."""
    number = m.group("number").lower().removesuffix((m.group("onto") or "").lower()).replace(",", "")
    number = str(NUMBER_WORDS.get(number, number))
    scale = SCALES.get((m.group("scale") or m.group("onto") or "").lower(), 1.0)
    kind = "percent" if m.group("percent") else "money" if CURRENCY_BEFORE.search(text[: m.start()]) else ""
    return number, scale, kind


def _labels(text: str, m: re.Match[str]) -> bool:
    """Whether the number at `m` labels something rather than counts it (see `QUANTITY_AFTER`)."""
    before = text[: m.start()]
    word = re.search(r"([A-Za-z][\w'’]*)\s$", before)
    hyphened = before.endswith(("-", "‐", "–")) or re.match(r"[-‐–]\d", text[m.end("number") :]) is not None
    return hyphened or (word is not None and word.group(1).lower() not in QUANTITY_AFTER)


@lru_cache(maxsize=256)
def _figures_given(question: str) -> frozenset[tuple[str, float, str]]:
    """The figures a question writes itself (not those labelling something), read once for all its sentences."""
    return frozenset(_figure_key(question, m) for m in FIGURE_WRITTEN.finditer(question) if not _labels(question, m))


def without_figures_of(sentence: str, question: str) -> str:
    """The sentence with the figures the question writes itself blanked out, offsets kept: "How much is Amazon
    paying for its piece of the $7.7 billion deal?" is not answered by "NASCAR finalized a $7.7 billion deal",
    nor "How many players ...?" after "the six free months" by "six months of access". A figure counts as the
    question's when its number, scale and kind (a sum, a share) are the same ("$3 million" is no "3 firms"); a
    number labelling something in the question ("game 7", "iPhone 15") blanks nothing."""
    given = _figures_given(question)
    if not given:
        return sentence
    return FIGURE_WRITTEN.sub(
        lambda m: " " * len(m.group()) if _figure_key(sentence, m) in given else m.group(), sentence
    )


def gives_figure(sentence: str) -> bool:
    """Whether a sentence gives a figure: a number that is no year and no day of a month ("July 10"), nor a
    number word written with a capital inside the sentence, part of a name ("the Gaslamp Quarter", "Fifth Third")."""
    return bool(figure_spans(sentence))


# "$150 off", "save $50", "a $20 discount": what a price comes down by, not the price
WRITES_DISCOUNT = re.compile(
    r"[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|k)\b)?\s*(?:off|discount|cheaper|less|savings?)\b(?!-)|"
    r"\b(?:save|saves|saving|discount\s+of|knocks?|knocked|down\s+by)\s+(?:up\s+to\s+|an\s+extra\s+|another\s+|over\s+)?"
    r"[$€£¥₹]\s?\d[\d,]*(?:\.\d+)?",
    re.IGNORECASE,
)


def gives_price(sentence: str) -> bool:
    """Whether a sentence writes a sum other than what a price comes down by ("is already $150 off" gives none)."""
    return WRITES_MONEY.search(WRITES_DISCOUNT.sub(lambda m: " " * len(m.group()), sentence)) is not None


def gives_value(sentence: str) -> bool:
    """Whether a sentence gives what something is worth: a sum of money, or a figure right after "worth",
    "valued at" ("a passing touchdown is worth six points"), not any figure ("a three-year deal")."""
    return WRITES_MONEY.search(sentence) is not None or any(
        VALUE_OF.search(sentence, 0, start) for start, _ in figure_spans(sentence)
    )


def figure_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence writes figures (see `gives_figure`)."""
    text = DAY_OF_MONTH.sub(lambda m: " " * len(m.group()), sentence)  # offsets hold
    return [
        m.span()
        for m in WRITES_FIGURE.finditer(text)
        if m.group()[0].isdigit() or m.group()[0].islower() or not text[: m.start()].strip(" \"“‘'(")
    ]


# "he could score six goals during this international break": a figure that might come about, none of what happened
MIGHT_BE = re.compile(
    r"\b(?:(?:could|might|(?-i:may))\s+(?:well\s+|potentially\s+|even\s+)?(?:[\w'’-]+\s+){1,2}|"
    # a penalty one faces, or a charge carries ("He faces up to 50 years in prison", "Each charge carries a sentence
    # of one to 15 years"): none given
    r"fac(?:es|ing|e)\s+(?:up\s+to|a\s+maximum\s+of|as\s+many\s+as|a\s+possible)\s+|"
    r"carr(?:y|ies|ied|ying)\s+(?:a\s+)?(?:maximum\s+|possible\s+|potential\s+)?(?:prison\s+)?"
    r"(?:sentence|penalty|term|punishment)s?\s+of\s+(?:up\s+to\s+)?(?:[\w-]+\s+to\s+)?)$",
    re.IGNORECASE,
)


def only_might_be(sentence: str) -> bool:
    """Whether every figure a sentence gives is one that might come about ("he could score six goals"), none it
    tells as so; False for a sentence giving no figure."""
    spans = figure_spans(sentence)
    return bool(spans) and all(MIGHT_BE.search(sentence, max(0, start - 40), start) for start, _ in spans)


# "How many passing yards", "how many paying subscribers": the kind of what is counted, a verb's -ing form, which the
# figure's words must tell too ("passes for 267 yards", "paid subscribers"), not a run's yards or a return's; and the
# words a game's report tells each kind by ("Six catches for 163 yards", "rushed for 127 yards on 20 carries")
COUNTED_KIND = re.compile(
    rf"\bhow\s+many\s+(?P<kind>[a-z]+ing)\s+[a-z]+|\b(?P<searched>rushing|receiving|passing)\s+(?:{STAT_NOUNS})\b",
    re.IGNORECASE,
)
KIND_WORDS = {
    "receiving": "catch catches caught reception receptions",
    "rushing": "rushed carries carry run runs ran",
    "passing": "passes threw throw throws completed completing",
}


def counted_kind_stems(question: str) -> set[str]:
    """The stems the kind a counting question asks of is told by (`COUNTED_KIND`): its own, its irregular past
    ("paying": "paid") and `KIND_WORDS`; none when it asks no kind."""
    asked = COUNTED_KIND.search(question)
    if asked is None:
        return set()
    if asked.group("searched") and not STAT_SEARCHED.match(question):
        return set()  # "rushing yards" in a question: no kind it counts ("who led the league in rushing yards")
    kind = (asked.group("kind") or asked.group("searched")).lower()
    base = kind.removesuffix("ing")
    past = {stem(p) for p, present in IRREGULAR_PAST.items() if present == base}
    return {stem(kind)} | past | {stem(w) for w in KIND_WORDS.get(kind, "").split()}


RELATIVE_CLAUSE = re.compile(r"\b(?:which|that|who)\b", re.IGNORECASE)
PRICED_IT_WINDOW = 16  # words before "it" within which the thing priced is named

# a price told of "it", the thing named before it in the sentence ("where you can grab it for just $87.99", "you can
# get it now for"; not "it is worth noting that 4.2 billion kronor ...")
PRICED_IT = re.compile(
    r"\b(?:it|them)\s+(?:\w+\s+){0,2}?(?:for|at|costs?|sells?\s+for|retails?\s+for|goes\s+for)\s+"
    r"(?:just\s+|only\s+|as\s+little\s+as\s+|a\s+mere\s+)?(?:[A-Z]{0,3}[$€£¥₹]|[$€£¥₹][A-Z]{0,3})?$",
    re.IGNORECASE,
)


def counts_near(
    sentence: str, stems: AbstractSet[str], window: int = COUNT_WINDOW, money: bool = True, things: bool = False
) -> bool:
    """Whether a figure stands within `window` words of one of `stems`: a count of it ("a crowd of 18,400",
    "18,400 fans"), not a number elsewhere in a sentence that names it, nor one pointing back at some of them
    ("these five powers": those just listed, not how many there are), nor the number in the name of what is
    counted ("the Steam Deck 2": no count of Steam Decks), nor "half" in a compound ("a half-step"), nor a
    multiplier ("double surprise"); unless `money`, a sum is no count either ("the Steam Deck will drop to
    $349"). With `money`, a figure after "worth" or "valued at" is measured from there ("the stake in the listed
    company is worth close to 4.2 billion kronor"). When `things` are counted ("how many"), a figure with a unit
    written onto it is none ("the 64GB LCD Steam Deck"), unless the unit is what is counted. A price told of "it"
    ("where you can grab it for just $87.99") is of what the sentence names before (`PRICED_IT`)."""
    sums = [] if money else [m.span() for m in WRITES_MONEY.finditer(sentence)]

    def before(start: int) -> str:  # "the stake in the listed company is worth close to": up to what it is worth
        link = VALUE_OF.search(sentence, 0, start) if money else None
        return sentence[: link.start() if link else start]

    def after(end: int) -> str:  # "his 26th big league managerial season": after the ordinal's letters
        return sentence[end + 2 :] if ORDINAL_WRITTEN.match(sentence, end) else sentence[end:]

    def near(start: int, end: int) -> bool:
        ahead = words(before(start))[-window:]
        if any(stem(w) in stems for w in ahead + words(after(end))[:window]):
            return True
        # a price told of "it" ("Razer's Wolverine V2 Chroma has fallen to a new low at Amazon, where you can grab it
        # for just $87.99"): of the thing the sentence names before it
        priced = PRICED_IT.search(sentence[:start]) if money else None
        if priced is None:
            return False
        # ... in the clause it is told in: not past a "which" telling of another ("The Lund Pro headset, which pairs
        # nicely with the Orca controller, ... you can get it now for $129.99")
        told = RELATIVE_CLAUSE.split(sentence[: priced.start()], maxsplit=1)[0]
        return any(stem(w) in stems for w in words(told)[-PRICED_IT_WINDOW:])

    return any(near(start, end) for start, end in _counting(sentence, stems, sums, things))


def _counting(
    sentence: str, stems: AbstractSet[str], sums: Sequence[tuple[int, int]], things: bool
) -> list[tuple[int, int]]:
    """The figures of a sentence that may count something (see `counts_near`): not those pointing back, in a name, in
    a compound, multipliers, the sums `sums`, nor, when `things` are counted, those with a unit written onto them."""
    return [
        (start, end)
        for start, end in figure_spans(sentence)
        if not POINTS_BACK_TO.search(sentence[:start])
        and not _in_name_of(sentence, start, stems)
        and not HALF_COMPOUND.match(sentence, start)
        and not MULTIPLIER.match(sentence[start:end])
        and not any(a <= start < b or a <= end - 1 < b for a, b in sums)
        and not (things and _unit_on(sentence, end, stems))
        and not (things and LENGTH_OF_ONE.match(sentence, end))
    ]


TIME_STEMS = frozenset(stem(w) for w in "hours minutes seconds days weeks months years decades seasons nights".split())
# a sum with its scale: "$69 billion" (whose "billion" is no count of its own)
SCALED_SUM = re.compile(r"[$€£¥₹]\s?\d[\d,.]*\s*(?:million|billion|trillion|bn|mn|m|k)?\b", re.IGNORECASE)
# "the world's third-largest studio": a rank, no count ("a 200-guest wedding" is one)
RANKED_AS = re.compile(
    r"-(?:largest|biggest|highest|lowest|best|worst|most|least|oldest|newest|fastest|slowest|longest|richest|"
    r"busiest|greatest|smallest|placed?|ranked)\b",
    re.IGNORECASE,
)
MULTIPLIED = re.compile(r"x\b", re.IGNORECASE)  # "1000x harder"


def gives_count(sentence: str, counted: AbstractSet[str] = frozenset()) -> bool:
    """Whether a sentence gives a count of things, what "How many people did it lay off?" asks: a figure that is no
    sum ("a $1 fee", "$69 billion"), no length of time ("over the past 12 months", "two decades of growth") unless a
    time is what is counted (`counted`: the stems of "how many weeks"), no rank ("third-largest") nor multiplier
    ("1000x"). A unit written onto a figure may be what is counted ("48MP" for "how many megapixels")."""
    sums = [m.span() for m in WRITES_MONEY.finditer(sentence)] + [m.span() for m in SCALED_SUM.finditer(sentence)]
    if not counted & TIME_STEMS:  # a length of time, however long ago ("12 years ago"): `WRITES_DURATION`
        sums += [m.span() for m in WRITES_DURATION.finditer(sentence)]
    return any(
        not RANKED_AS.match(sentence, end) and not MULTIPLIED.match(sentence, end)
        for _, end in _counting(sentence, counted, sums, things=False)
    )


# a distance written onto a figure before what it measures: the length of one thing ("a 15-yard pass from Bagent", "a
# 22-yard go-ahead touchdown"), no count of yards
LENGTH_OF_ONE = re.compile(r"-(?:yard|metre|meter|foot|mile|km)\s+[a-z]", re.IGNORECASE)


def _unit_on(sentence: str, end: int, stems: AbstractSet[str]) -> bool:
    """Whether a unit is written onto the figure ending at `end` ("64GB"), no scale ("3m", "15T") and not what is
    counted ("how many GB": "512GB")."""
    unit = UNIT_ON.match(sentence, end)
    written = unit.group().lower() if unit else ""
    if ORDINAL_WRITTEN.fullmatch(written) and OWNED_ORDINAL.search(sentence[:end]):
        return False  # "his 26th big league managerial season": he has managed 26 of them
    return bool(written) and written not in SCALES_WRITTEN_ON and stem(written) not in stems


def _in_name_of(sentence: str, start: int, stems: AbstractSet[str]) -> bool:
    """Whether the figure at `start` follows a capitalised word that is what is counted, inside a sentence: a
    model's number ("the iPhone 15", "Steam Deck 2"), not how many there are."""
    before = NAME_BEFORE.search(sentence, 0, start)
    return (
        sentence[start].isdigit()
        and before is not None
        and stem(before.group(1).lower()) in stems
        and bool(sentence[: before.start()].strip(" \"“‘'("))
    )
