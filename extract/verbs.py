"""Verb and noun dictionaries that turn words into stances and event types.

Written here, after the categories of PLOVER (the Political Language Ontology for Verifiable Event Records, the
successor of CAMEO) and the reporting-verb lists of CAMEO's verb dictionaries: the categories and their meaning come
from those public specifications, the word lists are our own and deliberately short, so that every output can be
explained by one dictionary entry.
"""

from __future__ import annotations

import re

from extract.vocabulary import EventType, Stance

# Verbs of answering, which answer in deeds as often as in words ("responded with airstrikes"); with a "with" phrase
# they are speech only when it names something said.
ANSWERING_VERBS = frozenset({"respond", "reply", "react"})
SPEECH_NOUNS = frozenset({"statement", "comment", "remark", "message", "letter", "note", "word", "denial", "warning",
                          "tweet", "post", "question", "answer"})

# Reporting and stance verbs (lemmas) -> the stance they express on their own.
REPORTING_VERBS: dict[str, Stance] = {
    **dict.fromkeys(
        ("say", "tell", "state", "add", "note", "report", "announce", "declare", "write", "tweet", "explain",
         "stress", "underline", "emphasize", "emphasise", "insist", "assert", "claim", "argue", "reiterate",
         "confirm", "acknowledge", "maintain", "believe", "inform", "describe", "observe", "point", "underscore",
         "suggest", "predict", "admit", "reply", "respond", "remark", "told", "cite", "signal", "indicate", "estimate",
         "mention", "testify", "disclose", "reveal", "concede", "boast"),
        Stance.ASSERT,
    ),
    **dict.fromkeys(("accuse", "blame", "allege", "charge", "attribute"), Stance.ACCUSE),
    **dict.fromkeys(("deny", "refute", "disprove"), Stance.DENY),
    # not "attack": in conflict news it is the act of war, not words ("the RSF attacked the town")
    **dict.fromkeys(("condemn", "criticize", "criticise", "denounce", "slam", "decry", "question", "brand",
                     "lambast", "deplore", "complain", "protest"), Stance.CONDEMN),
    **dict.fromkeys(("fear", "worry"), Stance.EXPRESS_CONCERN),
    **dict.fromkeys(("warn", "threaten", "caution"), Stance.WARN),
    **dict.fromkeys(("support", "back", "welcome", "praise", "commend", "pledge", "reaffirm", "applaud", "endorse",
                     "thank", "congratulate", "hail", "treasure", "appreciate", "promise", "assure"), Stance.SUPPORT),
    **dict.fromkeys(("propose", "urge", "demand", "advocate", "recommend", "appeal", "request", "hope", "wish"),
                    Stance.PROPOSE),
    **dict.fromkeys(("reject", "refuse", "dismiss", "rebuff", "decline", "oppose", "veto"), Stance.REJECT),
}

# "express concern", "voice support": a light verb whose object carries the stance.
LIGHT_VERBS = frozenset({"express", "voice", "raise", "share", "convey", "reaffirm", "offer"})
STANCE_NOUNS: dict[str, Stance] = {
    **dict.fromkeys(("concern", "alarm", "worry", "dismay", "anxiety"), Stance.EXPRESS_CONCERN),
    **dict.fromkeys(("support", "readiness", "commitment", "solidarity", "appreciation", "gratitude", "hope"),
                    Stance.SUPPORT),
    **dict.fromkeys(("condemnation", "criticism", "outrage", "regret"), Stance.CONDEMN),
    **dict.fromkeys(("denial",), Stance.DENY),
}
# Nouns that state a claim of whoever owns them: "Moscow's criticism of the checkpoint", "Baku's denial".
STATED_NOUNS: dict[str, Stance] = {
    **{noun: stance for noun, stance in STANCE_NOUNS.items() if noun not in ("hope", "readiness", "alarm")},
    **dict.fromkeys(("accusation", "allegation"), Stance.ACCUSE),
    "warning": Stance.WARN,
    **dict.fromkeys(("proposal", "demand", "appeal"), Stance.PROPOSE),
    **dict.fromkeys(("rejection", "refusal"), Stance.REJECT),
    "endorsement": Stance.SUPPORT,
}
# Adjectives after "be": "I'm deeply troubled by", "optimistic that".
STANCE_ADJECTIVES: dict[str, Stance] = {
    **dict.fromkeys(("concerned", "troubled", "worried", "alarmed"), Stance.EXPRESS_CONCERN),
    **dict.fromkeys(("unwilling",), Stance.REJECT),
}

# Adjectives after "be" in what was said that thank or praise ("we are grateful", "pleased that"): support. Only in
# the content of a reported statement. Not "ready" or "willing": a readiness to send troops is as often stated as
# offered ("Lavrov said the Kremlin is ready to send a mission", annotated a plain assertion).
COMMITTED_ADJECTIVES = frozenset({"committed", "grateful", "pleased", "glad", "thankful", "proud", "honoured",
                                  "honored"})
# Verbs of help and protection promised for the future ("his men would protect all citizens", "will continue to
# strengthen coordination"): a commitment.
COMMITMENT_VERBS = frozenset({"protect", "guarantee", "ensure", "safeguard", "help", "assist", "cooperate",
                              "strengthen", "restore", "provide", "secure", "facilitate"})
# Words in the content that turn a plain assertion into a sharper stance.
PROPOSAL_MODALS = frozenset({"should", "must", "ought"})
# Auxiliaries of what is yet to happen ("will be held", "would protect").
FUTURE = frozenset({"will", "would", "'ll", "shall"})
# "drones which posed a threat to shipping", "the ship is at risk of sinking", "would be taken as an escalation": a
# danger pointed out is a warning.
WARNING_WORDS = frozenset({"threat", "risk", "danger", "escalation"})
# "it is necessary to", "it is obligatory to address", "there is an urgent need to": a demand without a modal.
PROPOSAL_ADJECTIVES = frozenset({"necessary", "obligatory", "imperative", "essential", "vital", "crucial", "urgent"})
ACCUSATION_WORDS = frozenset({"violate", "violation", "breach", "aggression", "provocation"})
# Words that judge an act, whatever verb reports them ("called it a barbaric attack", "a flagrant breach"): the
# speaker condemns it. Read as written (not lemmatised). Not "terrorist" or "criminal", which mostly label who is
# meant ("terrorist targets", "criminal gangs") rather than judge an act.
EVALUATIVE_WORDS = frozenset({
    "barbaric", "barbarous", "barbarism", "atrocity", "atrocities", "heinous", "cowardly", "outrageous", "monstrous",
    "savage", "flagrant", "unacceptable", "despicable", "abhorrent", "inhumane", "indiscriminate", "brutal",
    "horrific", "appalling", "shameful", "senseless", "vicious",
})
# What an act is called when the one who calls it so condemns it ("called the strike a horrific massacre",
# "branded it an act of terrorism"). Only as the name a naming verb gives: "terrorism" and "crime" elsewhere mostly
# label who is meant ("terrorism charges").
CONDEMNING_NAMES = frozenset({"massacre", "crime", "crimes", "terrorism", "genocide", "slaughter", "carnage",
                              "horrific", "atrocity", "atrocities"})
NAMING_VERBS = frozenset({"call", "brand", "describe", "label", "term", "dub"})
# "falsely charged", "baseless allegations", "an absolute lie": the speaker denies what others say.
DENIAL_WORDS = frozenset({"falsely", "baseless", "unfounded", "fabricated", "groundless", "lie", "untrue", "false",
                          "fake", "nonsense", "disinformation", "fabrication", "slander", "falsehood"})
# "rejected those claims": rejecting what others say is denying it.
DENIED_OBJECTS = frozenset({"claim", "allegation", "accusation", "report", "charge", "assertion"})

# "call" is a reporting verb of several stances: "call for" / "call on" (propose), "called X a violation" (accuse).
CALL_PROPOSE_PARTICLES = frozenset({"for", "on", "upon"})

# Event triggers: lemma -> (PLOVER category, label). Nouns and verbs share the table.
EVENT_TRIGGERS: dict[str, tuple[EventType, str]] = {
    **dict.fromkeys(("call", "phone", "conversation", "phonecall"), (EventType.CONSULT, "phone call")),
    **dict.fromkeys(("talk", "negotiation", "discussion", "negotiate", "consultation", "consult"),
                    (EventType.CONSULT, "talks")),
    **dict.fromkeys(("meet", "meeting", "reception", "summit", "session"), (EventType.CONSULT, "meeting")),
    **dict.fromkeys(("visit", "tour"), (EventType.CONSULT, "visit")),
    "conference": (EventType.CONSULT, "news conference"),
    "hearing": (EventType.CONSULT, "hearing"),
    **dict.fromkeys(("blockade", "blockage", "block"), (EventType.COERCE, "blockade")),
    **dict.fromkeys(("checkpoint",), (EventType.COERCE, "checkpoint established")),
    **dict.fromkeys(("arrest",), (EventType.COERCE, "arrest")),
    **dict.fromkeys(("detain", "detention"), (EventType.COERCE, "detention")),
    **dict.fromkeys(("ceasefire", "cease-fire", "truce", "armistice"), (EventType.AGREE, "ceasefire agreement")),
    **dict.fromkeys(("agreement", "deal", "accord", "treaty", "sign"), (EventType.AGREE, "agreement")),
    **dict.fromkeys(("clash", "skirmish", "gunbattle", "firefight", "battle"), (EventType.ASSAULT, "clash")),
    # a siege cuts a place off, as a blockade does (the gold's COERCE), whatever fighting goes with it
    **dict.fromkeys(("siege", "besiege"), (EventType.COERCE, "siege")),
    "storm": (EventType.ASSAULT, "storming"),
    # taking ground by force (CAMEO 1952 "occupy territory", within PLOVER's ASSAULT)
    **dict.fromkeys(("capture", "seize", "seizure", "overrun", "recapture"), (EventType.ASSAULT, "capture")),
    **dict.fromkeys(("stabbing", "stab"), (EventType.ASSAULT, "stabbing")),
    **dict.fromkeys(("war", "fighting", "fight"), (EventType.ASSAULT, "war")),
    **dict.fromkeys(("attack", "assault", "raid", "strike"), (EventType.ASSAULT, "attack")),
    **dict.fromkeys(("shell", "shelling", "bombardment", "bombard", "airstrike"), (EventType.ASSAULT, "shelling")),
    **dict.fromkeys(("bomb", "bombing", "blast", "explosion"), (EventType.ASSAULT, "bombing")),
    **dict.fromkeys(("offensive", "campaign", "incursion", "counteroffensive", "counter-offensive"),
                    (EventType.ASSAULT, "offensive")),
    **dict.fromkeys(("invasion", "invade"), (EventType.ASSAULT, "invasion")),
    "intervention": (EventType.ASSAULT, "intervention"),  # "NATO's 2011 intervention in Libya"
    "insurgency": (EventType.ASSAULT, "insurgency"),
    "operation": (EventType.ASSAULT, "offensive"),  # only as a "military operation" (see QUALIFIED_TRIGGERS)
    "post": (EventType.COERCE, "checkpoint established"),  # only as a "border post"
    "cessation": (EventType.AGREE, "ceasefire agreement"),  # only as a "cessation of hostilities"
    **dict.fromkeys(("shooting", "gunfire", "shoot"), (EventType.ASSAULT, "shooting")),
    "poisoning": (EventType.ASSAULT, "poisoning"),
    **dict.fromkeys(("assassination", "assassinate"), (EventType.ASSAULT, "assassination")),
    "murder": (EventType.ASSAULT, "killing"),
    "ambush": (EventType.ASSAULT, "ambush"),
    "massacre": (EventType.ASSAULT, "massacre"),
    **dict.fromkeys(("kidnap", "kidnapping", "abduct", "abduction", "hijack", "hijacking"),
                    (EventType.ASSAULT, "abduction")),
    **dict.fromkeys(("crackdown", "purge"), (EventType.COERCE, "crackdown")),
    # a seizure of power is coercion of a state's institutions (the news gold's rule), not fighting
    **dict.fromkeys(("coup", "putsch"), (EventType.COERCE, "coup")),
    **dict.fromkeys(("imprison", "imprisonment", "jail"), (EventType.COERCE, "imprisonment")),
    "curfew": (EventType.COERCE, "curfew"),
    **dict.fromkeys(("mobilize", "mobilise", "mobilization", "mobilisation"), (EventType.MOBILIZE, "mobilisation")),
    **dict.fromkeys(("retreat",), (EventType.RETREAT, "withdrawal")),
    "telephone": (EventType.CONSULT, "phone call"),
    "riot": (EventType.PROTEST, "riot"),
    **dict.fromkeys(("deploy", "deployment", "station"), (EventType.MOBILIZE, "deployment")),
    **dict.fromkeys(("expel", "expulsion"), (EventType.SANCTION, "expulsion")),
    **dict.fromkeys(("sanction", "embargo"), (EventType.SANCTION, "sanctions")),
    **dict.fromkeys(("evacuation", "withdrawal", "withdraw", "evacuate"), (EventType.RETREAT, "withdrawal")),
    **dict.fromkeys(("protest", "demonstration", "rally"), (EventType.PROTEST, "protest")),
}
# Nouns that a bare "of" phrase sorts into a kind ("prisoners of war", "the laws of war", "weapons of war"), as a
# compound does ("war crimes"): the trigger in it names no event.
KINDS_OF = frozenset({"prisoner", "law", "weapon", "spoil", "fog", "art", "rule", "crime", "theatre", "theater"})
# Nouns a trigger may qualify and still be the act, tried ("a coup attempt", "an assassination bid").
ATTEMPTS = frozenset({"attempt", "bid"})
# A trigger that only counts as a noun ("a call", "talks"): as verbs these mostly mean something else ("talk" and
# "speak" as verbs are events only with a partner: see COMPANION_TRIGGERS).
NOUN_ONLY_TRIGGERS = frozenset({"call", "talk", "block", "strike", "campaign", "hearing", "conference", "war",
                                "protest", "rally", "attack", "sanction", "agreement", "deal", "accord", "treaty",
                                "operation", "post", "cessation"})
# ... and the reverse: "stationed", "signed", "bombed" are events, a "station", a "sign" or a "bomb" are things.
VERB_ONLY_TRIGGERS = frozenset({"station", "sign", "invade", "bomb", "fight", "storm", "shoot", "jail", "stab"})
# "fought corruption", "fight the decision": with an object these verbs are figures of speech, not armed acts.
INTRANSITIVE_TRIGGERS = frozenset({"fight"})
# Triggers that count only with one of these words next to them in the parse (a child, or the noun a "of" phrase
# hangs on): an "operation" is an event only as a military one, a "post" only at a border.
QUALIFIED_TRIGGERS: dict[str, frozenset[str]] = {
    "operation": frozenset({"military", "army", "ground", "air", "combat", "offensive", "counter-terrorism"}),
    "post": frozenset({"border"}),
    "cessation": frozenset({"hostilities", "fire", "fighting"}),
    "conference": frozenset({"news", "press"}),  # not "a conference on energy"
    # a council's or an emergency session, not "a training session"
    "session": frozenset({"emergency", "special", "extraordinary", "plenary", "closed-door", "council", "assembly"}),
    "campaign": frozenset({"military", "air", "bombing", "ground", "army", "offensive", "artillery", "shelling"}),
    # "signed a ceasefire", "the statement was signed": signing is an agreement only when an accord is what is signed
    "sign": frozenset({"agreement", "deal", "accord", "treaty", "statement", "declaration", "memorandum", "ceasefire",
                       "truce", "protocol", "pact", "armistice", "document"}),
}
# Agreements are events when reported as concluded: with a date, a word of conclusion on them ("brokered",
# "signed", "Russian-brokered"), or as what was signed or reached; "according to the existing agreements" is not one.
CONCLUDED_ONLY = frozenset({"agreement", "deal", "accord", "treaty"})
CONCLUSION_WORDS = frozenset({"broker", "sign", "reach", "conclude", "strike", "seal", "agree", "mediate", "ink"})
# Generic labels that a more specific report of the same event refines ("the agreement" / "the ceasefire
# agreement", "talks" / "the phone call").
GENERIC_LABELS = frozenset({"agreement", "talks", "meeting"})
# Labels of taking ground: an event only when the text names the ground taken (people "captured" are detained).
TAKES_GROUND = frozenset({"capture"})
# Who can be captured, which makes the capture a detention ("13 soldiers were captured", "seized two journalists").
CAPTIVES = frozenset({"soldier", "troop", "civilian", "fighter", "people", "person", "prisoner", "hostage",
                      "serviceman", "servicemen", "militant", "journalist", "officer", "member", "worker", "resident",
                      "man", "woman", "child", "commander", "crew", "sailor", "pilot", "mercenary", "rebel"})
# Labels of a state that lasts (a war, a campaign, a siege) rather than one act: harder to date and to place than
# one attack, which the confidence weighs.
LASTING_LABELS = frozenset({"war", "offensive", "siege", "invasion", "intervention", "insurgency"})
# What is sent or dispatched when sending is a deployment ("sent troops", not "sent a letter").
TROOPS = frozenset({"troops", "soldiers", "forces", "warships", "reinforcements", "paratroopers"})
# "A missile struck a hospital", "the building was hit by a drone": a verb of hitting is an attack when a weapon
# does it (a storm or a recession that "hit" a town is none).
STRIKING_VERBS = frozenset({"hit", "strike", "slam", "pound", "kill", "wound", "injure"})
WEAPONS = frozenset({"missile", "rocket", "drone", "shell", "bomb", "airstrike", "projectile", "mortar", "munition",
                     "strike", "warplane", "jet"})
# Whom a leader hosts or receives, and what is hosted or convened, when that is a meeting.
VISITORS = frozenset({"counterpart", "counterparts", "delegation", "delegations", "envoy", "envoys", "president",
                      "minister", "ministers", "leader", "leaders", "ambassador", "king", "chancellor", "premier"})
MEETINGS = frozenset({"talks", "meeting", "summit", "session", "negotiations", "consultations", "conference"})
HEARING_BODIES = frozenset({"committee", "council", "parliament", "assembly", "senate", "congress", "lawmakers",
                            "legislators", "commission"})
# "fired on Qamishli", "opened fire", "blew up", "spoke with Pashinian": verbs that are events only with one of these
# words as a preposition, particle or object hanging on them.
COMPANION_TRIGGERS: dict[str, tuple[frozenset[str], tuple[EventType, str]]] = {
    "fire": (frozenset({"on", "at", "into"}), (EventType.ASSAULT, "shelling")),
    "open": (frozenset({"fire"}), (EventType.ASSAULT, "shooting")),
    "take": (frozenset({"control"}), (EventType.ASSAULT, "capture")),
    "blow": (frozenset({"up"}), (EventType.ASSAULT, "bombing")),
    "speak": (frozenset({"with", "telephone", "phone"}), (EventType.CONSULT, "talks")),
    "talk": (frozenset({"with", "telephone", "phone"}), (EventType.CONSULT, "talks")),
    "fall": (frozenset({"to"}), (EventType.ASSAULT, "capture")),  # "Wad Madani has fallen to the RSF"
    "exchange": (frozenset({"fire", "strikes", "gunfire", "shelling", "shots", "blows"}), (EventType.ASSAULT, "clash")),
    "send": (TROOPS, (EventType.MOBILIZE, "deployment")),
    "fly": (TROOPS, (EventType.MOBILIZE, "deployment")),
    "airlift": (TROOPS, (EventType.MOBILIZE, "deployment")),
    "dispatch": (TROOPS, (EventType.MOBILIZE, "deployment")),
    "pull": (frozenset({"out", "back"}), (EventType.RETREAT, "withdrawal")),
    "recall": (frozenset({"ambassador", "ambassadors", "envoy", "envoys", "diplomat", "diplomats"}),
               (EventType.SANCTION, "ambassador recalled")),
    # hosting or receiving a counterpart, convening a meeting: a meeting (not "hosted refugees", "received aid")
    "host": (VISITORS | MEETINGS, (EventType.CONSULT, "meeting")),
    "receive": (VISITORS, (EventType.CONSULT, "meeting")),
    "convene": (MEETINGS | {"parties", "council", "leaders", "ministers"}, (EventType.CONSULT, "meeting")),
    # appearing before, or speaking to, a body that hears officials: a hearing ("told a parliamentary committee")
    "appear": (frozenset({"before"}), (EventType.CONSULT, "hearing")),
    "testify": (frozenset({"before"}) | HEARING_BODIES, (EventType.CONSULT, "hearing")),
    "tell": (HEARING_BODIES, (EventType.CONSULT, "hearing")),
    "brief": (HEARING_BODIES, (EventType.CONSULT, "hearing")),
}
# "border clash": a label refined by a modifier word.
LABEL_MODIFIERS: dict[tuple[str, str], str] = {
    ("clash", "border"): "border clash", ("conference", "news"): "news conference",
    ("conference", "press"): "news conference", ("agreement", "ceasefire"): "ceasefire agreement",
    ("agreement", "peace"): "peace agreement", ("deal", "peace"): "peace agreement",
    ("agreement", "cease-fire"): "ceasefire agreement", ("call", "phone"): "phone call",
}

# Opposite outcomes of one military act: one side says a place was taken, the other that the assault on it failed.
# Word stems, read in a claim's content ("captured Bakhmut" / "repelled the assault on Bakhmut").
TAKEN_OUTCOME = re.compile(r"\b(?:captur|seiz|took\b|taken\b|occupied|liberat|fell\b|fallen\b|overr[au]n)", re.I)
HELD_OUTCOME = re.compile(r"\b(?:repel|repuls|beat(?:en)? back|fought off|thwart|foil|(?:still )?holding\b|"
                          r"remains? under (?:our|their|its) control|failed)", re.I)

# What declaring makes so rather than says ("declared a state of emergency").
DECLARED_ACTS = frozenset({"state", "emergency", "war", "independence", "law", "curfew", "mourning", "holiday"})
# What an answer in words answers ("responded to the accusations").
ANSWERED_WORDS = SPEECH_NOUNS | {"accusation", "allegation", "claim", "criticism", "question", "charge", "report",
                                 "remark", "comment", "demand", "call", "request", "proposal", "offer", "invitation"}
# Backing a side is aid, not a statement ("backs the rebels"); backing a plan or a move is a stance.
BACKING_VERBS = frozenset({"back", "support"})
SIDES = frozenset({"government", "regime", "rebel", "group", "force", "militia", "army", "faction", "fighter",
                   "insurgent", "side", "separatist", "movement", "party"})
# Verbs that tell a statement; told before the verb that governs it, they keep their own speaker (`_told_before`).
TELLING_VERBS = frozenset({"say", "tell", "state", "announce", "report", "declare", "write", "tweet", "claim",
                           "confirm"})

# Prepositions and clause marks of when, where or how something was said, not of what ("in a statement", "following
# the invasion").
CIRCUMSTANCES = frozenset({"in", "at", "during", "after", "before", "via", "following", "amid", "since", "while",
                           "from", "by"})
