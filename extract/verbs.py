"""Verb and noun dictionaries that turn words into stances and event types.

Written here, after the categories of PLOVER (the Political Language Ontology for Verifiable Event Records, the
successor of CAMEO) and the reporting-verb lists of CAMEO's verb dictionaries: the categories and their meaning come
from those public specifications, the word lists are our own and deliberately short, so that every output can be
explained by one dictionary entry.
"""

from __future__ import annotations

STANCES = ("assert", "accuse", "deny", "condemn", "warn", "express concern", "support", "propose", "reject")

# Reporting and stance verbs (lemmas) -> the stance they express on their own.
REPORTING_VERBS: dict[str, str] = {
    **dict.fromkeys(
        ("say", "tell", "state", "add", "note", "report", "announce", "declare", "write", "tweet", "explain",
         "stress", "underline", "emphasize", "emphasise", "insist", "assert", "claim", "argue", "reiterate",
         "confirm", "acknowledge", "maintain", "believe", "inform", "describe", "observe", "point", "underscore",
         "suggest", "predict", "admit", "reply", "respond", "remark", "told"),
        "assert",
    ),
    **dict.fromkeys(("accuse", "blame", "allege", "charge", "attribute"), "accuse"),
    **dict.fromkeys(("deny", "refute", "disprove"), "deny"),
    **dict.fromkeys(("condemn", "criticize", "criticise", "denounce", "slam", "decry", "question", "brand", "attack",
                     "lambast", "deplore"), "condemn"),
    **dict.fromkeys(("warn", "threaten", "caution"), "warn"),
    **dict.fromkeys(("support", "back", "welcome", "praise", "commend", "pledge", "reaffirm", "applaud", "endorse",
                     "thank", "congratulate", "hail", "treasure", "appreciate"), "support"),
    **dict.fromkeys(("propose", "urge", "demand", "advocate", "recommend", "appeal", "request"), "propose"),
    **dict.fromkeys(("reject", "refuse", "dismiss", "rebuff", "decline", "oppose", "veto"), "reject"),
}

# "express concern", "voice support": a light verb whose object carries the stance.
LIGHT_VERBS = frozenset({"express", "voice", "raise", "share", "convey", "reaffirm", "offer"})
STANCE_NOUNS: dict[str, str] = {
    **dict.fromkeys(("concern", "alarm", "worry", "dismay", "anxiety"), "express concern"),
    **dict.fromkeys(("support", "readiness", "commitment", "solidarity", "appreciation", "gratitude", "hope"),
                    "support"),
    **dict.fromkeys(("condemnation", "criticism", "outrage", "regret"), "condemn"),
    **dict.fromkeys(("denial",), "deny"),
}
# Adjectives after "be": "I'm deeply troubled by", "optimistic that".
STANCE_ADJECTIVES: dict[str, str] = {
    **dict.fromkeys(("concerned", "troubled", "worried", "alarmed"), "express concern"),
    **dict.fromkeys(("unwilling",), "reject"),
}

# Words in the content that turn a plain assertion into a sharper stance.
PROPOSAL_MODALS = frozenset({"should", "must", "ought"})
ACCUSATION_WORDS = frozenset({"violate", "violation", "breach", "aggression", "provocation", "falsely"})

# "call" is a reporting verb of several stances: "call for" / "call on" (propose), "called X a violation" (accuse).
CALL_PROPOSE_PARTICLES = frozenset({"for", "on", "upon"})

# Event triggers: lemma -> (PLOVER category, label). Nouns and verbs share the table.
EVENT_TRIGGERS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("call", "phone", "conversation", "phonecall"), ("CONSULT", "phone call")),
    **dict.fromkeys(("talk", "negotiation", "discussion", "negotiate"), ("CONSULT", "talks")),
    **dict.fromkeys(("meet", "meeting", "reception", "summit"), ("CONSULT", "meeting")),
    "visit": ("CONSULT", "visit"),
    "conference": ("CONSULT", "news conference"),
    "hearing": ("CONSULT", "hearing"),
    **dict.fromkeys(("blockade", "blockage", "block"), ("COERCE", "blockade")),
    **dict.fromkeys(("checkpoint",), ("COERCE", "checkpoint established")),
    **dict.fromkeys(("arrest",), ("COERCE", "arrest")),
    **dict.fromkeys(("detain", "detention"), ("COERCE", "detention")),
    **dict.fromkeys(("ceasefire", "cease-fire", "truce", "armistice"), ("AGREE", "ceasefire agreement")),
    **dict.fromkeys(("clash",), ("ASSAULT", "clash")),
    **dict.fromkeys(("war", "fighting"), ("ASSAULT", "war")),
    **dict.fromkeys(("attack", "assault", "raid", "strike"), ("ASSAULT", "attack")),
    **dict.fromkeys(("shell", "shelling", "bombardment", "airstrike"), ("ASSAULT", "shelling")),
    **dict.fromkeys(("bomb", "bombing", "blast", "explosion"), ("ASSAULT", "bombing")),
    **dict.fromkeys(("offensive", "campaign", "incursion"), ("ASSAULT", "offensive")),
    "invasion": ("ASSAULT", "invasion"),
    **dict.fromkeys(("shooting", "gunfire"), ("ASSAULT", "shooting")),
    "poisoning": ("ASSAULT", "poisoning"),
    **dict.fromkeys(("deploy", "deployment", "station"), ("MOBILIZE", "deployment")),
    **dict.fromkeys(("expel", "expulsion"), ("SANCTION", "expulsion")),
    **dict.fromkeys(("sanction", "embargo"), ("SANCTION", "sanctions")),
    **dict.fromkeys(("evacuation", "withdrawal", "withdraw", "evacuate"), ("RETREAT", "withdrawal")),
    **dict.fromkeys(("protest", "demonstration", "rally"), ("PROTEST", "protest")),
}
# A trigger that only counts as a noun ("a call", "talks"): as verbs these mostly mean something else.
NOUN_ONLY_TRIGGERS = frozenset({"call", "talk", "block", "station", "strike", "campaign", "hearing", "conference",
                                "war", "fighting", "protest", "rally", "attack", "shell", "bomb", "sanction"})
# "border clash": a label refined by a modifier word.
LABEL_MODIFIERS: dict[tuple[str, str], str] = {("clash", "border"): "border clash", ("conference", "news"):
                                                "news conference", ("conference", "press"): "news conference"}
# Nouns that make "conference" an event only in these compounds; others ("a conference on energy") are skipped.
CONFERENCE_COMPOUNDS = frozenset({"news", "press"})
