"""Which place and which date belong to an event word, read from the dependency parse.

A sentence names many places and dates; only those the grammar ties to the event are its own. A place belongs to an
event when a locative preposition ("in", "at", "near", "on" ...) hangs on the event word itself, on the verb the event
noun is the object or subject of ("held talks in Tbilisi"), or on a participle describing it ("talks held in
Tbilisi"). "The coastal town of Izmir" and "the city of Salisbury" count as the place they name; "the
Azerbaijan-Armenia border" names neither country as the place. A date belongs to the event word it is closest to in
the parse tree, so "the agreement of November 2020, which stopped the fighting" dates the agreement, not the fighting.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from extract.reading import in_future, mention_root, nominal
from extract.verbs import ATTEMPTS, LASTING_LABELS, REPORTING_VERBS
from extract.vocabulary import EventType, Stance
from gazetteer import Kind
from geo.lexicon import LOWER_CASE_SITE_NOUNS
from geo.model import Mention
from text.parse import text_of

LOCATIVE = frozenset({"in", "at", "near", "on", "along", "inside", "across", "around", "outside", "throughout"})
# "blockade of X", "invasion of X": X is where
LOCATIVE_OF = frozenset({EventType.COERCE, EventType.ASSAULT, EventType.MOBILIZE})
CONTESTED_OVER = frozenset({EventType.ASSAULT})  # "the war over Nagorno-Karabakh", "clashes over the control of X"
TOPIC_ON = frozenset({EventType.CONSULT})  # "talks on Ukraine": a topic, not where they were held
PLACELESS = frozenset({"phone call"})  # a call joins two places and happens in neither
DIRECTIONAL = frozenset({EventType.CONSULT, EventType.MOBILIZE})  # "visit to X", "troops sent to X"
ORIGIN = frozenset({EventType.RETREAT})  # "withdrawal from X", "evacuation from X": X is where it happened
COVERS = frozenset({EventType.AGREE})  # "the ceasefire for eastern Aleppo": the place it holds in
# ("take" is a trigger only as "take control of X", whose place "control" frames)
OBJECT_IS_PLACE = frozenset({"visit", "invade", "attack", "shell", "bomb", "bombard", "raid", "storm", "besiege",
                             "capture", "recapture", "seize", "overrun", "take", "hit", "strike"})
# "Wad Madani has fallen to the RSF": the place taken is the subject; "Ukraine has expelled 13 diplomats": the
# expulsion happens in the country that expels.
SUBJECT_IS_PLACE = frozenset({"fall", "expel"})
# "35 nautical miles south of al-Mukha", "20 km north of Kharkiv": a bearing from a place is near it.
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "north-east", "north-west", "south-east", "south-west"})
# Common nouns that only frame the place named with them ("the town of Izmir", "Douma city").
PLACE_FRAMES = frozenset({"city", "town", "village", "province", "region", "district", "county", "area", "suburb",
                          "suburbs", "capital", "governorate", "state", "enclave", "outskirts", "municipality",
                          "neighbourhood", "neighborhood", "island", "port", "territory", "bastion", "stronghold",
                          "control", "part", "centre", "center", "north", "south", "east", "west", "northeast",
                          "northwest", "southeast", "southwest"})
# Place nouns, and sites named with the name before them ("shelled the Zamzam camp", "struck the Kyiv hospital":
# where the site is, the event is; the geoparser's nouns that make an unknown name a place).
FRAMES = PLACE_FRAMES | LOWER_CASE_SITE_NOUNS
# "deployed in this area", "attacks in the south of the country", "stay in the city": a definite place noun that
# points back to the last place of its kind named before it.
_REGIONS = frozenset({Kind.REGION, Kind.DISPUTED_AREA, Kind.CORRIDOR, Kind.ADMIN1, Kind.ADMIN2})
SETTLEMENTS = frozenset({Kind.POPULATED_PLACE, Kind.CAPITAL})
BACK_POINTING_PLACES: dict[str, frozenset[str]] = {
    "area": _REGIONS, "region": _REGIONS, "zone": _REGIONS,
    "country": frozenset({Kind.COUNTRY}), "nation": frozenset({Kind.COUNTRY}),
    "city": SETTLEMENTS, "town": SETTLEMENTS,
}
# Where talks are held, not their subject.
SETTLEMENT_KINDS = SETTLEMENTS | {Kind.LANDMARK}
SUBJECT_OR_OBJECT = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "pobj"})
CLAUSES = frozenset({"advcl", "relcl", "ccomp", "xcomp", "conj", "parataxis", "csubj", "pcomp"})
DATE_REACH = 6  # parse-tree steps between a date and its event; further away it dates something else
REPORT_CONTENT = frozenset({"ccomp", "xcomp", "dobj", "parataxis"})  # what a reporting verb says was done
REPORT_TOPIC = frozenset({"on", "about"})  # "reported on the withdrawal" (not "warned of an offensive")
INTERRUPTING_REACH = 3  # "The city has fallen, the group announced": steps from the report up to what it reports


def anchors(trigger: Token) -> set[int]:
    """The tokens a place or date phrase of the event may hang on."""
    found = {trigger.i}
    if trigger.dep_ == "compound" and trigger.head.lemma_.casefold() in ATTEMPTS:
        found.add(trigger.head.i)  # "the coup attempt in Turkey"
    if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.pos_ == "NOUN":
        found.add(trigger.head.head.i)  # "the establishment of a checkpoint on the corridor"
    if nominal(trigger) and trigger.dep_ in SUBJECT_OR_OBJECT:
        head = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "during") else \
            trigger.head
        if head.pos_ in ("VERB", "AUX"):
            found.add(head.i)
    found.update(c.i for c in trigger.children if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD"))
    return found


def place_of(trigger: Token, kind: str, label: str, mentions: list[Mention],
             other_triggers: frozenset[int] = frozenset()) -> tuple[Mention | None, bool]:
    """The place mention tied to the trigger, and whether it is only "near" it. `other_triggers`: token indices of
    the sentence's other event words, which keep their own places."""
    if label in PLACELESS:
        return None, False
    doc, hooks = trigger.doc, anchors(trigger)
    best: tuple[int, Mention, bool] | None = None
    for mention in mentions:
        if mention.demonym or "\n" in _between(text_of(doc), mention.start, trigger.idx):
            continue
        root = _root(doc, mention)
        word = _modifier_tie(trigger, kind, label, mention, mentions) if root is None else \
            _tie(root, trigger, kind, label, hooks, other_triggers)
        # a place standing for its government ("Washington said") is no place of the event, except the country
        # that expels, where the expulsion happens
        if word is None or (mention.metonym and word != "subject"):
            continue
        distance = abs(mention.start - trigger.idx)
        if best is None or distance < best[0]:
            best = (distance, mention, word == "near")
    if best is None and label == "war":
        return _war_of_a_people(trigger, mentions), False
    return (None, False) if best is None else (best[1], best[2])


def _war_of_a_people(trigger: Token, mentions: list[Mention]) -> Mention | None:
    """ "the Syrian civil war": a civil war is fought in the country of the people it is named after. Not any war
    ("the Russian war" is waged by Russia elsewhere), and not two peoples' ("the Armenian-Azerbaijani war")."""
    if not any(c.dep_ == "amod" and c.lower_ == "civil" for c in trigger.children):
        return None
    peoples = [m for m in mentions if m.demonym and (root := mention_root(trigger.doc, m)) is not None
               and root.dep_ == "amod" and root.head.i == trigger.i]
    return peoples[0] if len({m.place_id for m in peoples}) == 1 else None


def area_of(trigger: Token, kind: str, label: str, earlier: list[Mention],
            other_triggers: frozenset[int] = frozenset()) -> Mention | None:
    """ "2,000 troops were deployed in this area": a bare "area" or "region" tied to the event stands for the region,
    disputed area or corridor named last before it (not a country or a city), "the country" for the last country
    (also as the owner: "the country's civil war"), "the city" for the last city."""
    if label in PLACELESS:
        return None
    hooks = anchors(trigger)
    for token in trigger.sent:
        kinds = pointing_back(token)
        if kinds is None:
            continue
        owner = token.dep_ == "poss" and token.head.i == trigger.i  # "the country's three-year civil war"
        if not owner and _tie(token, trigger, kind, label, hooks, other_triggers) is None:
            continue
        found = last_named(token, kinds, earlier)
        if found is not None:
            return found
    return None


def pointing_back(token: Token) -> frozenset[str] | None:
    """The kinds of place a definite place noun points back to ("the city", "this area"), or None: not for a noun
    that names its place itself ("the city of Kherson", "the Kherson region")."""
    kinds = BACK_POINTING_PLACES.get(token.lemma_.casefold())
    if kinds is None or token.ent_type_ or \
            not any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in token.children) or \
            any(c.dep_ in ("compound", "amod") or _names_a_place(c) for c in token.children):
        return None
    return kinds


def last_named(token: Token, kinds: frozenset[str], mentions: list[Mention]) -> Mention | None:
    """The last place of those kinds named before the token (a demonym names a people, not a place). For "the city"
    or "the town", the one the text has named most often so far, the last among equals: the story's town, not a
    capital named in passing ("Wad Madani, about 180km south of the capital Khartoum ... the capture of the city");
    "this area" points at what was just named. But a place the text itself called so ("the town of Abu Zureiga ...
    The RSF stormed the town") is the one meant."""
    before = [m for m in mentions if m.end <= token.idx and m.kind in kinds and not m.demonym]
    if not before:
        return None
    if not kinds <= SETTLEMENTS:
        return before[-1]
    called = [m for m in before if _called(text_of(token.doc), m, token.lower_)]
    if called:
        return called[-1]
    times = Counter(m.place_id for m in before)
    return max(reversed(before), key=lambda m: times[m.place_id])


def _called(text: str, mention: Mention, noun: str) -> bool:
    """Whether the text names the place with this noun: "the town of Abu Zureiga", "Bure town"."""
    after = text[mention.end:mention.end + len(noun) + 2].lower()
    return text[max(0, mention.start - len(noun) - 4):mention.start].lower().endswith(f"{noun} of ") or \
        (after.startswith(f" {noun}") and not after[len(noun) + 1:].isalpha())  # not "Bure townspeople"


def _names_a_place(child: Token) -> bool:
    """ "the area of Ghouta": the place noun is followed by the name it stands for, not pointing back."""
    return child.dep_ == "prep" and child.lower_ == "of" and \
        any(g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_) for g in child.children)


def _modifier_tie(trigger: Token, kind: str, label: str, mention: Mention, mentions: list[Mention]) -> str | None:
    """ "a White House meeting", "the Moscow talks", "the Karabakh war", "a US tour": a place modifying the event word
    is where it happened, unless it is one of a pair ("the Armenia-Azerbaijan talks": the parties), for talks a
    country or region, which is their subject ("the Syria talks" were held in Geneva; a visit is to where it goes), or
    for an attack a country, which carried it out."""
    if kind == EventType.CONSULT and label != "visit" and mention.kind not in SETTLEMENT_KINDS:
        return None
    if kind == EventType.ASSAULT and label not in LASTING_LABELS and mention.kind == Kind.COUNTRY:
        return None  # "a U.S. drone strike" is who struck; "the Syria war" is where it is fought
    if not _modifies(trigger, mention):
        return None
    pair = [m for m in mentions if m is not mention and _modifies(trigger, m)]
    return None if pair else "modifier"


def _modifies(trigger: Token, mention: Mention) -> bool:
    root = mention_root(trigger.doc, mention)
    return root is not None and root.head.i == trigger.i and root.dep_ in ("compound", "amod", "nmod")


def _tie(root: Token, trigger: Token, kind: str, label: str, hooks: set[int], others: frozenset[int]) -> str | None:
    """The preposition (or "object") that ties a place phrase to the event, None when nothing does."""
    root = _framed(root)
    # the small parser sometimes takes a place's name after the verb for an adverb ("captured Bakhmut on Monday")
    if root.dep_ in ("dobj", "advmod") and root.head.i == trigger.i and \
            trigger.lemma_.casefold() in OBJECT_IS_PLACE | {label}:
        return "object"
    if root.dep_ == "nsubj" and root.head.i == trigger.i and trigger.lemma_.casefold() in SUBJECT_IS_PLACE:
        return "subject"
    if _where_clause_of(root, trigger):
        return "where"
    if root.lower_ in COMPASS and root.dep_ == "advmod" and \
            _hangs_on(root.head, trigger, hooks, others, through_people=False):
        return "near"  # "35 miles south of al-Mukha" (the parser hangs the bearing on the distance)
    meeting = trigger.pos_ == "VERB" and kind == EventType.CONSULT  # "met with Lavrov in Moscow": Lavrov was met there
    if root.dep_ != "pobj" or not _hangs_on(root.head.head, trigger, hooks, others, through_people=meeting):
        return None
    word = root.head.lower_
    if word == "on" and kind in TOPIC_ON:
        return None
    if word in LOCATIVE or (word == "of" and kind in LOCATIVE_OF and root.head.head.i == trigger.i) or \
            (word in ("to", "into") and kind in DIRECTIONAL) or (word == "from" and kind in ORIGIN) or \
            (word == "for" and kind in COVERS) or \
            (word == "over" and kind in CONTESTED_OVER):
        return word
    return None


def _hangs_on(head: Token, trigger: Token, hooks: set[int], others: frozenset[int], through_people: bool) -> bool:
    """Whether a prepositional phrase attached to `head` describes the event: `head` is one of its anchors, or a
    word of the event phrase itself ("talks held by the ministers in Tbilisi", where the parser hangs the place on
    "ministers") that is not a named person (unless `through_people`), another event, or inside a clause of its
    own."""
    node = head
    for _ in range(6):
        if node.i in hooks:
            return True
        if node.i in others or (node.ent_type_ == "PERSON" and not through_people) or \
                (node.dep_ in CLAUSES and not _nouns_joined(node)) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _where_clause_of(place: Token, trigger: Token) -> bool:
    """ "in Sudan, where a civil war has been raging since 2023": the event is in a "where" clause of the place."""
    for clause in place.children:
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children if c.dep_ == "advmod"):
            node = trigger
            for _ in range(4):
                if node.i == clause.i:
                    return True
                if node.head.i == node.i:
                    break
                node = node.head
    return False


def _nouns_joined(node: Token) -> bool:
    """ "attacks on a camp and nearby areas in North Darfur": nouns joined by "and" are one phrase, not two clauses."""
    return node.dep_ == "conj" and node.pos_ in ("NOUN", "PROPN") and node.head.pos_ in ("NOUN", "PROPN")


def _framed(root: Token) -> Token:
    """From "Izmir" in "the coastal town of Izmir" (or "the Syrian capital, Damascus") up to the framing noun."""
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.casefold() in PLACE_FRAMES:
        return head.head
    if root.dep_ == "appos" and head.lemma_.casefold() in PLACE_FRAMES:
        return head
    return root


def _root(doc: Doc, mention: Mention) -> Token | None:
    """The syntactic head of the mention, or None when the mention only modifies another noun ("X-Y border")."""
    root = head_word = mention_root(doc, mention)
    if root is None:
        return None
    while root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i != root.i:
        head = root.head
        owned = root.dep_ == "poss" and head.dep_ == "pobj"  # "intervened in Yemen's civil war": in Yemen
        if head.lemma_.casefold() not in FRAMES and head.dep_ != "compound" and not owned:
            return None
        root = head  # through a compound's other nouns to its head: "the Koe Tan Kauk border guard police station"
    return root if root.i == head_word.i or root.lemma_.casefold() in FRAMES or root.dep_ == "pobj" else None


def _between(text: str, a: int, b: int) -> str:
    low, high = sorted((a, b))
    return text[low:high]


def date_owner(date_span: Span, triggers: list[Token]) -> Token | None:
    """The event word a date expression belongs to: the nearest in the parse tree, not through a reporting verb;
    between two as near, the nearer in the text ("the blockade a violation of the agreement from November 2020")."""
    best: tuple[int, int, Token] | None = None
    for trigger in triggers:
        steps = _tree_steps(date_span.root, trigger)
        if steps is None or steps > DATE_REACH:
            continue
        key = (steps, abs(trigger.i - date_span.start))
        if best is None or key < best[:2]:
            best = (*key, trigger)
    return None if best is None else best[2]


def report_date_owner(date_span: Span, triggers: list[Token]) -> Token | None:
    """The event a report's date bounds, for a date that dates a reporting verb ("announced on Tuesday"): the event
    the report is about, in what it says ("... that they had captured the city", "reported on the withdrawal") or in
    the clause it interrupts ("The city has fallen, the group announced on Tuesday"). Not an event beside the report
    ("the attack left them in a critical condition, but on March 29 the hospital said ...")."""
    verb = next((t for t in date_span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    # a statement of fact ("said", "announced"), not a warning or a demand, whose content is yet to happen
    if verb is None or REPORTING_VERBS.get(verb.lemma_.casefold()) != Stance.ASSERT:
        return None
    # the event the report is about is the one nearest to it in the tree ("said they signed a ceasefire": the
    # signing, not the ceasefire signed, which the caller leaves undated if the signing has a date of its own)
    reported = [t for t in triggers if _reports_on(verb, t)]
    depth = len(list(verb.ancestors))
    return min(reported, key=lambda t: (abs(len(list(t.ancestors)) - depth), abs(t.i - verb.i)), default=None)


def _reports_on(verb: Token, trigger: Token) -> bool:
    """What it says was done, not what will be ("said talks will be held"); or the clause it interrupts, not one it
    is the time of ("shelled Yerevan after the Red Cross said on 9 May ...") or is joined to."""
    for child in verb.children:
        if (child.dep_ in REPORT_CONTENT or (child.dep_ == "prep" and child.lower_ in REPORT_TOPIC)) and \
                child.left_edge.i <= trigger.i <= child.right_edge.i:
            return not _future(trigger)
    token = verb
    for _ in range(INTERRUPTING_REACH):
        if token.dep_ in ("conj", "advcl") or any(c.dep_ == "mark" for c in token.children) or \
                token.head.i == token.i:
            return False
        token = token.head
        if token == trigger:
            return True
    return False


def _future(trigger: Token) -> bool:
    """Whether the clause the trigger is in is yet to happen ("that talks will be held")."""
    for token in [trigger, *trigger.ancestors]:
        if in_future(token):
            return True
        if token.dep_ in ("ccomp", "ROOT", "advcl", "relcl", "xcomp"):
            return False
    return False


def _tree_steps(a: Token, b: Token) -> int | None:
    """Steps between two tokens through their lowest common ancestor, None across a reporting verb or into a
    relative clause that holds `b` and not `a`: "In March, Armenia asked the troops who have been stationed there
    since 1992 to leave" (the clause has a time of its own); but "on Monday morning when a missile struck" is the
    date's own clause."""
    path_a = [a, *a.ancestors]
    path_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(path_b)}
    for n, token in enumerate(path_a):
        if token.i in index_b:
            between = path_a[1:n] + path_b[1:index_b[token.i]] + [token]
            if any(t.pos_ == "VERB" and t.lemma_.casefold() in REPORTING_VERBS and t.i != b.i for t in between):
                return None
            if n > 0 and any(t.dep_ == "relcl" for t in path_b[:index_b[token.i]]):
                return None
            return n + index_b[token.i]
    return None
