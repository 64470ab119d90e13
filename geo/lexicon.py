"""Word lists the recogniser uses to read the context of a capitalised name.

Kept apart from the logic so the rules in recognize.py stay readable; every list is plain English, none comes from
the evaluation corpora.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make the proper noun after them a location rather than a person or an organisation.
LOCATIVE_PREPOSITIONS = _words("""
in at from near to into across outside inside throughout around towards toward via through within between of off
visiting visited entered leaving left reached
""")
# Prepositions that take people as readily as places ("between Brunson and the network", "the release of Brunson",
# "wrote to Brunson"): too weak to make a surname of a person named in the text a place.
PERSON_PREPOSITIONS = _words("between of to towards toward around via through")

# Verbs whose subject, when it is a place, is a metonym for its government ("Yerevan insists", "Moscow says").
STANCE_VERBS = _words("""
said says say insists insisted insisting accuses accused accusing denies denied denying announced announces
claimed claims warned warns stated demanded demands rejected rejects urged urges called calls stopped agreed
agrees condemned condemns refused refuses wants wanted threatened threatens responded responds argued argues
believes hopes plans recognized recognised supports supported backed backs dismissed blamed blames welcomed
welcomes sanctioned imposed expelled signed vowed vows pledged pledges criticized criticised criticizes
criticises protested objected confirmed acknowledged insist accuse deny announce claim warn demand reject urge
agree condemn refuse threaten respond argue support back dismiss blame welcome sanction expel sign vow pledge
criticize criticise protest object confirm acknowledge retaliated retaliates negotiated negotiates ordered
orders launched launches sent sends declared declares suspended suspends recalled recalls offered offers
proposed proposes
""")

# Predicates after "is/was" that make the subject an actor ("the Kremlin is ready to send...").
STANCE_ADJECTIVES = _words("""
ready willing prepared determined concerned unwilling reluctant committed eager keen opposed open
""")

# Words that may stand between a place and its stance verb ("Washington has also said").
AUXILIARIES = _words("""
has have had is was will would could may might must also still then
""")

# Head words of public bodies and offices of a jurisdiction ("the Russian Foreign Ministry", "Kentucky State Police",
# "Aleppo Mayor ..."): the place named before them is the jurisdiction itself, not part of a brand name.
PUBLIC_BODIES = _words("""
government ministry minister department embassy consulate army navy forces force military troops parliament
senate congress assembly legislature president presidency premier cabinet administration police sheriff
sheriff's coroner court council commission mayor governor authorities authority officials bank guard
command staff
""")

# Last words of the names of outlets and armed or political organisations: NER takes some such names for people
# ("told Sudan Tribune", "Nagorno Karabakh Observer's posts"); ending in one of these words, the name is read as an
# organisation's, which may be named after a place.
ORGANISATION_HEADS = _words("""
tribune post times news observer herald journal gazette telegraph daily monitor chronicle press radio television
agency army front movement party brigade brigades battalion militia
""")

# Heads of the names of diplomatic formats and agreements named after the city that hosted a meeting ("the Minsk
# Group", "the Oslo Accords", "the Astana format"): the city is no part of the story's geography.
MEETING_HEADS = _words("""
group process format agreement agreements accord accords protocol protocols convention conventions declaration
treaty talks memorandum communique
""")

# Words that may stand between the jurisdiction and the body ("the US State Department", "Kentucky State Police").
BODY_MODIFIERS = _words("""
state foreign interior central federal national armed air coast defence defense health justice finance
provincial municipal county city regional district supreme superior high affairs general
""")

# Titles that make the next capitalised word a person.
PERSON_TITLES = _words("""
minister president mayor governor mr mrs ms miss dr sir dame lord lady st senator sen rep gov judge general gen
col colonel captain capt sgt sergeant officer prince princess king queen pope rev reverend father brother sister
coach chancellor ambassador secretary prof professor
""")

# Lower-case words that may sit inside a place name ("Newcastle upon Tyne", "Republic of Armenia").
NAME_CONNECTORS = _words("""
of de del la le du da upon on the and
""")

# Generic words that follow a name without being part of how the gazetteer stores it ("Sichuan province").
GENERIC_SUFFIXES = _words("""
state province county district region city town village oblast governorate township prefecture municipality
""")

# Lower-case nouns of administrative units and regions: after a name ("Luhansk region", "Idlib governorate", "the
# Kherson and Zaporizhzhia regions") they say the name is the unit, not the town it is named after.
AREA_NOUNS = _words("""
region province oblast governorate state district county township prefecture municipality krai raion territory
""")

# Unit nouns that end a unit's own name ("Sagaing Region", "Donetsk Oblast"): the area nouns less those that also end
# other names ("Arizona State University", "Cavan County Council", a "Municipality" or "Territory" of a team or a body).
UNIT_WORDS = AREA_NOUNS - _words("state county municipality territory")
# Lower-case unit words after a unit's name, which a mention leaves out when the name alone is that unit ("West
# Gojjam zone", "Pokrovsk raion"): the annotated corpora mark the name.
UNIT_SUFFIXES = AREA_NOUNS | _words("zone cercle rayon")

# Nouns of towns: "the city of Kherson", "Bure town" say the name is the town, not the province named after it.
TOWN_NOUNS = _words("city town village")

# Directions that, before a name, speak of part of an area ("northern Rakhine", "southern Lebanon"): a town has no
# northern part worth a name in the news, a province or a country does.
AREA_DIRECTIONS = _words("""
northern southern eastern western northeastern northwestern southeastern southwestern north-eastern north-western
south-eastern south-western
""")

# Arabic articles written in lower case and joined by a hyphen to the name they open ("al-Hasakah", "el-Obeid").
NAME_ARTICLES = _words("""
al el ad ed an ar as ash at az ath adh
""")

# "the Ben Guerdane attack", "the Ganja shelling": a name between "the" and an act of war done there is a place
# (NER often takes an unfamiliar town in that slot for a person).
ATTACK_NOUNS = _words("""
attack attacks bombing bombings shelling massacre offensive siege battle blast explosion raid airstrike airstrikes
""")

# Kinds of place a name is said to be one of: "Qamishli and other towns", "Douma, a city near Damascus".
PLACE_CLASS_NOUNS = _words("""
town city village country province region district capital suburb neighbourhood neighborhood area settlement
""")

# Particles of personal names that place names share ("al-Masirah" is a TV channel NER took for a person; "al-Mukha"
# is a town; "Abu Dhabi", "Den Haag"): alone they say nothing of whose name it is.
NAME_PARTICLES = _words("""
al el ad ar as ash at az ibn bin bint abu abd ben de da del della di do dos du la le van von der den ter
""")

# Directions and extents that qualify a place without making it another place ("north west London").
DIRECTIONS = _words("""
central north south east west northern southern eastern western northeast northwest southeast southwest
north-east north-west south-east south-west upper lower greater far inner outer downtown metro rural
northeastern northwestern southeastern southwestern
""")

# Currency nouns after a country or demonym ("11 billion US dollars").
CURRENCIES = _words("""
dollar pound euro yen yuan rupee ruble rouble peso dinar dirham riyal rand naira lira franc krona krone shilling
manat dram lari hryvnia won real
""")

# Words before a demonym that make it a language ("speaks French").
LANGUAGE_CUES = _words("""
speak speaks spoke speaking fluent translated learn learning taught teach dubbed
""")

# Words after a demonym that make it a language ("English speakers", "the French version").
LANGUAGE_FOLLOWERS = _words("""
speaker speakers speaking translation translations version subtitles subtitled word words
teacher teachers lessons classes course courses proficiency literature dictionary grammar accent
""")

AREA_MODIFIERS = DIRECTIONS | {"and", "or", "the", "of"}  # what may surround names inside a place entity

# Nouns that say what kind of place a name the gazetteer lacks is ("Pa Zi Gyi village", "the Zamzam camp"):
# settlements, and sites. "post", "station" and "school" only in lower case ("Koe Tan Kauk police post"): capitalised
# they end the names of newspapers, broadcasters and colleges as often as those of places.
SETTLEMENT_NOUNS = _words("village town township hamlet settlement neighbourhood neighborhood suburb district city")
SITE_NOUNS = _words("""
camp hospital bridge airport airfield airbase base prison jail checkpoint crossing port harbour harbor outpost
mosque church cathedral monastery market dam plant mine refinery stadium palace compound barracks clinic oilfield
""")
LOWER_CASE_SITE_NOUNS = SITE_NOUNS | _words("post station school")
