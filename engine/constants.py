"""Word lists the engine's rules use, in one place.

Checks add their own lists here (reporting verbs, auxiliaries, approximation words,
currency names) so that every rule reads from one vocabulary.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- segmentation

# Abbreviations that never end a sentence: titles and forms always followed by a name or number.
NEVER_FINAL_ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "maj",
        "brig",
        "gen",
        "supt",
        "det",
        "insp",
        "rev",
        "hon",
        "fr",
        "msgr",
        "mt",
        "ft",
        "st",
        "pres",
        "vs",
        "v",
        "e.g",
        "i.e",
        "cf",
        "approx",
        "dept",
        "est",
        "fig",
        "figs",
        "ave",
        "blvd",
        "rd",
    ]
)

# Abbreviations that are followed by a number when they don't end the sentence ("Jan. 5", "No. 3").
ABBREVIATIONS_BEFORE_NUMBER: frozenset[str] = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "art",
        "sec",
        "vol",
        "p",
        "pp",
        "ch",
    ]
)

# Abbreviations that may or may not end a sentence ("Acme Inc. said" vs "... of Acme Inc. The").
AMBIGUOUS_ABBREVIATIONS: frozenset[str] = frozenset(
    [
        "inc",
        "corp",
        "ltd",
        "co",
        "bros",
        "llc",
        "plc",
        "jr",
        "sr",
        "etc",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "d.c",
    ]
)

# Words that typically open a sentence; after an ambiguous abbreviation they signal a new one.
SENTENCE_STARTERS: frozenset[str] = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "this",
        "that",
        "these",
        "those",
        "there",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "in",
        "on",
        "at",
        "but",
        "and",
        "however",
        "meanwhile",
        "after",
        "before",
        "when",
        "while",
        "if",
        "as",
        "for",
        "with",
        "some",
        "many",
        "most",
        "one",
        "two",
        "three",
        "no",
        "not",
        "yet",
        "still",
        "also",
        "then",
        "so",
        "according",
        "officials",
        "police",
        "authorities",
    ]
)

# --------------------------------------------------------------------------- alignment

# Function words left out of the content words that sentence alignment compares.
STOPWORDS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "for",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "by",
        "with",
        "without",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "between",
        "through",
        "during",
        "since",
        "until",
        "as",
        "than",
        "then",
        "that",
        "this",
        "these",
        "those",
        "there",
        "here",
        "it",
        "its",
        "it's",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "they",
        "them",
        "their",
        "theirs",
        "we",
        "us",
        "our",
        "ours",
        "you",
        "your",
        "yours",
        "i",
        "me",
        "my",
        "mine",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "has",
        "have",
        "had",
        "having",
        "do",
        "does",
        "did",
        "doing",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "not",
        "no",
        "never",
        "also",
        "just",
        "very",
        "too",
        "more",
        "most",
        "much",
        "many",
        "some",
        "any",
        "all",
        "each",
        "both",
        "such",
        "only",
        "own",
        "same",
        "other",
        "another",
        "again",
        "further",
        "once",
        "up",
        "down",
        "out",
        "off",
        "if",
        "because",
        "while",
        "although",
        "though",
        "whether",
        "per",
    ]
)

# --------------------------------------------------------------------------- tense

# Finite forms of "be", "have" and "do" with the tense they mark.
TENSE_BE_FORMS: dict[str, str] = {
    "am": "present",
    "is": "present",
    "are": "present",
    "'m": "present",
    "'re": "present",
    "was": "past",
    "were": "past",
}
TENSE_HAVE_FORMS: dict[str, str] = {
    "has": "present",
    "have": "present",
    "'ve": "present",
    "had": "past",
}
TENSE_DO_FORMS: dict[str, str] = {"do": "present", "does": "present", "did": "past"}

# Modals (and their contracted forms) with the modal they stand for.
TENSE_MODALS: dict[str, str] = {
    "will": "will",
    "'ll": "will",
    "shall": "shall",
    "would": "would",
    "could": "could",
    "can": "can",
    "may": "may",
    "might": "might",
    "must": "must",
    "should": "should",
}

# Words that negate a verb group.
TENSE_NEGATORS: frozenset[str] = frozenset(["not", "never", "n't"])

# Adverbs that may stand inside a verb group ("has also said", "will soon open"); words in -ly
# that the lexicon knows only as adverbs count too.
TENSE_GROUP_ADVERBS: frozenset[str] = frozenset(
    [
        "also",
        "already",
        "always",
        "again",
        "almost",
        "even",
        "ever",
        "just",
        "now",
        "often",
        "once",
        "only",
        "since",
        "soon",
        "still",
        "then",
        "thus",
        "too",
        "yet",
        "further",
        "long",
        "first",
        "later",
        "previously",
        "reportedly",
        "allegedly",
        "apparently",
        "both",
        "all",
        "each",
    ]
)

# "is expected to announce": adjectives and participles after "be" that, with "to" and a verb,
# announce a planned or likely event; the value is the modality reported.
TENSE_BE_CATENATIVES: dict[str, str] = {
    "going": "going to",
    "expected": "expected to",
    "set": "set to",
    "due": "due to",
    "scheduled": "scheduled to",
    "slated": "slated to",
    "poised": "poised to",
    "about": "about to",
    "likely": "likely to",
    "unlikely": "unlikely to",
    "planning": "planning to",
    "supposed": "supposed to",
}

# "plans to visit": verbs of intention whose "to" complement is the event; the value is the
# modality reported.
TENSE_VERB_CATENATIVES: dict[str, str] = {
    "plan": "plan to",
    "intend": "intend to",
    "aim": "aim to",
    "expect": "expect to",
    "hope": "hope to",
    "want": "want to",
    "seek": "seek to",
    "promise": "promise to",
    "pledge": "pledge to",
    "vow": "vow to",
    "threaten": "threaten to",
    "prepare": "prepare to",
    "propose": "propose to",
    "agree": "agree to",
    "decide": "decide to",
}

# Verbs that introduce reported speech ("said that ...", "explained that ...").
TENSE_REPORTING_VERBS: frozenset[str] = frozenset(
    [
        "say",
        "tell",
        "explain",
        "add",
        "state",
        "claim",
        "announce",
        "report",
        "note",
        "insist",
        "argue",
        "confirm",
        "deny",
        "write",
        "warn",
        "reveal",
        "acknowledge",
        "admit",
        "suggest",
        "believe",
        "think",
        "declare",
        "assert",
        "maintain",
        "stress",
        "emphasise",
        "emphasize",
        "continue",
    ]
)

# Phrasal verbs whose particle belongs to the verb group's span ("passed away").
TENSE_PARTICLE_VERBS: dict[str, str] = {"pass": "away"}

# Pronouns that "he's", "it's", "that's" contract with a verb rather than a possessive.
TENSE_CLITIC_HOSTS: frozenset[str] = frozenset(
    ["he", "she", "it", "that", "there", "here", "what", "who", "where", "how", "this", "let"]
)

# Words that can be the subject right before a finite verb.
TENSE_SUBJECT_PRONOUNS: frozenset[str] = frozenset(
    [
        "i",
        "you",
        "he",
        "she",
        "it",
        "we",
        "they",
        "who",
        "which",
        "that",
        "this",
        "these",
        "those",
        "there",
        "one",
        "nobody",
        "everyone",
        "someone",
        "anyone",
        "everybody",
        "somebody",
        "none",
    ]
)
# The subjects that take a plural present ("they reflect", "we respect").
TENSE_PLURAL_SUBJECTS: frozenset[str] = frozenset(["i", "you", "we", "they", "who", "which", "that"])

# Words after which a verb form is a noun or an infinitive, never a finite verb.
TENSE_DETERMINERS: frozenset[str] = frozenset(
    [
        "a",
        "an",
        "the",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "any",
        "no",
        "every",
        "each",
        "all",
        "both",
        "many",
        "several",
        "few",
        "more",
        "most",
        "such",
        "whose",
    ]
)
# Nouns that take a plural verb without ending in -s ("police say", "people make").
TENSE_PLURAL_NOUNS: frozenset[str] = frozenset(
    ["police", "people", "media", "staff", "crew", "military", "personnel", "cattle", "children"]
)

# Words that end no subject: prepositions, conjunctions, function words.
TENSE_NOT_SUBJECTS: frozenset[str] = frozenset(
    [
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "without",
        "by",
        "from",
        "to",
        "into",
        "onto",
        "about",
        "over",
        "under",
        "after",
        "before",
        "between",
        "through",
        "during",
        "since",
        "until",
        "against",
        "among",
        "as",
        "than",
        "and",
        "or",
        "but",
        "nor",
        "if",
        "because",
        "while",
        "although",
        "though",
        "whether",
        "when",
        "where",
        "how",
        "why",
        "what",
        "not",
        "very",
        "so",
        "per",
        "via",
        "across",
        "upon",
        "within",
        "toward",
        "towards",
        "despite",
        "near",
        "like",
        "unlike",
        "also",
        "been",
        "being",
        "be",
    ]
)

# Forms taken as participles, prepositions or particles, never as finite verbs without an
# auxiliary, in news copy ("left school aged 16", "compared with", "people like us", "lights up").
TENSE_PARTICIPLE_ONLY: frozenset[str] = frozenset(
    [
        "aged",
        "compared",
        "according",
        "based",
        "including",
        "willing",
        "like",
        "up",
        "down",
        "out",
        "off",
        "back",
        "near",
        "round",
        "further",
    ]
)

# Words that open a clause: a finite verb after them starts a new predicate.
TENSE_CLAUSE_OPENERS: frozenset[str] = frozenset(
    [
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "while",
        "because",
        "as",
        "if",
        "although",
        "though",
        "whether",
        "where",
        "unless",
        "until",
        "since",
        "but",
        "so",
        "after",
        "before",
    ]
)

# Words that can open what follows a finite verb (besides determiners and numbers).
TENSE_OBJECT_STARTS: frozenset[str] = frozenset(
    [
        "him",
        "her",
        "them",
        "us",
        "me",
        "it",
        "you",
        "he",
        "she",
        "they",
        "we",
        "i",
        "that",
        "this",
        "these",
        "those",
        "what",
        "how",
        "why",
        "whether",
        "if",
        "himself",
        "herself",
        "itself",
        "themselves",
        "there",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "anyone",
        "anything",
        "something",
        "nothing",
        "everything",
    ]
)

# --------------------------------------------------------------------------- numbers

# Cardinal number words that text2num reads; runs of them ("twenty-five", "one hundred and five")
# are one number.
NUMBER_WORDS: tuple[str, ...] = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "hundred", "thousand", "million", "billion", "trillion",
)  # fmt: skip

# Ordinal words; text2num's alpha2digit reads them ("twenty-fifth" -> 25th).
ORDINAL_WORDS: tuple[str, ...] = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth", "billionth",
)  # fmt: skip

# Denominators of spelled fractions ("two-thirds", "a quarter", "three fifths").
FRACTION_DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip

# Words that stand for a number on their own.
NUMBER_NOUNS: dict[str, int] = {"dozen": 12, "score": 20}

VULGAR_FRACTIONS: dict[str, float] = {
    "\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3,
    "\u2155": 0.2, "\u215b": 0.125, "\u215c": 0.375, "\u215d": 0.625, "\u215e": 0.875,
}  # fmt: skip

# Scale words and the abbreviations news copy writes after a number ("$3bn", "Rs 40 crore").
SCALE_WORDS: dict[str, float] = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
    "lac": 1e5, "crore": 1e7, "crores": 1e7, "hundred": 1e2, "dozen": 12, "dozens": 12,
    "doz": 12, "dozs": 12, "dz": 12, "dzs": 12,
}  # fmt: skip
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mio": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9,
    "tn": 1e12, "trn": 1e12, "tln": 1e12, "t": 1e12, "cr": 1e7,
}  # fmt: skip

# Currency marks written before a number, and currency names written after it -> ISO 4217.
CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "s$": "SGD",
    "nz$": "NZD", "r$": "BRL", "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR",
    "rs": "INR", "rs.": "INR", "inr": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
    "aud": "AUD", "cad": "CAD", "chf": "CHF", "khr": "KHR", "rub": "RUB",
}  # fmt: skip
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "rupee": "INR",
    "rupees": "INR", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY", "riel": "KHR", "riels": "KHR",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "peso": "MXN",
    "pesos": "MXN", "franc": "CHF", "francs": "CHF", "won": "KRW", "naira": "NGN", "rand": "ZAR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "inr": "INR",
    "cents": "USD-cent", "cent": "USD-cent", "pence": "GBP-pence", "p": "GBP-pence",
}  # fmt: skip

# Ways of writing "per cent" after a number, and percentage points.
PERCENT_WORDS: tuple[str, ...] = ("per cent", "percent", "per-cent", "pc", "pct", "%")
POINT_WORDS: tuple[str, ...] = ("percentage points", "percentage point", "percentage-point", "pp")

# Duration units -> (base, factor): durations convert within a base (150 months = 12.5 years).
DURATION_UNITS: dict[str, tuple[str, float]] = {
    "second": ("second", 1), "seconds": ("second", 1), "sec": ("second", 1), "secs": ("second", 1),
    "minute": ("second", 60), "minutes": ("second", 60), "min": ("second", 60),
    "mins": ("second", 60), "hour": ("second", 3600), "hours": ("second", 3600),
    "hr": ("second", 3600), "hrs": ("second", 3600), "day": ("day", 1), "days": ("day", 1),
    "week": ("day", 7), "weeks": ("day", 7), "fortnight": ("day", 14), "fortnights": ("day", 14),
    "month": ("year", 1 / 12), "months": ("year", 1 / 12), "year": ("year", 1),
    "years": ("year", 1), "yr": ("year", 1), "yrs": ("year", 1), "decade": ("year", 10),
    "decades": ("year", 10), "century": ("year", 100), "centuries": ("year", 100),
}  # fmt: skip

# Measurement units -> (dimension, factor to the SI unit), for "10 kilometers (6 miles)".
MEASURE_UNITS: dict[str, tuple[str, float]] = {
    "km": ("length", 1000), "kms": ("length", 1000), "kilometer": ("length", 1000),
    "kilometers": ("length", 1000), "kilometre": ("length", 1000), "kilometres": ("length", 1000),
    "m": ("length", 1), "meter": ("length", 1), "meters": ("length", 1), "metre": ("length", 1),
    "metres": ("length", 1), "cm": ("length", 0.01), "centimeters": ("length", 0.01),
    "centimetres": ("length", 0.01), "mm": ("length", 0.001), "millimeters": ("length", 0.001),
    "millimetres": ("length", 0.001), "mile": ("length", 1609.344), "miles": ("length", 1609.344),
    "mi": ("length", 1609.344), "foot": ("length", 0.3048), "feet": ("length", 0.3048),
    "ft": ("length", 0.3048), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
    "yard": ("length", 0.9144), "yards": ("length", 0.9144), "kg": ("mass", 1),
    "kgs": ("mass", 1), "kilogram": ("mass", 1), "kilograms": ("mass", 1), "kilogramme": ("mass", 1),
    "kilogrammes": ("mass", 1), "g": ("mass", 0.001), "gram": ("mass", 0.001), "grams": ("mass", 0.001),
    "mg": ("mass", 1e-6), "milligram": ("mass", 1e-6), "milligrams": ("mass", 1e-6),
    "tonne": ("mass", 1000), "tonnes": ("mass", 1000), "ton": ("mass", 907.18474),
    "tons": ("mass", 907.18474), "lb": ("mass", 0.45359237), "lbs": ("mass", 0.45359237),
    "litre": ("volume", 0.001), "litres": ("volume", 0.001), "liter": ("volume", 0.001),
    "liters": ("volume", 0.001), "gallon": ("volume", 0.003785411784),
    "gallons": ("volume", 0.003785411784), "hectare": ("area", 1e4), "hectares": ("area", 1e4),
    "acre": ("area", 4046.8564224), "acres": ("area", 4046.8564224),
    "sq km": ("area", 1e6), "square kilometers": ("area", 1e6), "square kilometres": ("area", 1e6),
    "square miles": ("area", 2589988.110336), "mph": ("speed", 0.44704),
    "km/h": ("speed", 1 / 3.6), "kph": ("speed", 1 / 3.6), "miles per hour": ("speed", 0.44704),
    "kilometres per hour": ("speed", 1 / 3.6), "kilometers per hour": ("speed", 1 / 3.6),
    "square kilometre": ("area", 1e6), "square kilometer": ("area", 1e6), "km2": ("area", 1e6),
    "square mile": ("area", 2589988.110336), "sq mi": ("area", 2589988.110336),
}  # fmt: skip

# Approximation words before a number -> the bound they set: "about" (near), "more than" (above).
APPROXIMATIONS: dict[str, str] = {
    "about": "near", "around": "near", "roughly": "near", "approximately": "near",
    "approx.": "near", "some": "near", "an estimated": "near", "estimated": "near",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly", "just under": "nearly",
    "more than": "above", "over": "above", "upwards of": "above", "in excess of": "above",
    "above": "above", "exceeding": "above", "just over": "just_over", "at least": "at_least",
    "under": "below", "less than": "below", "fewer than": "below", "up to": "at_most",
    "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most", "not more than": "at_most", "no less than": "at_least",
    "no fewer than": "at_least", "not less than": "at_least", "not fewer than": "at_least",
}  # fmt: skip

# What a quantity counts, told by a word near it: casualties, votes, ages, prison terms.
QUANTITY_CATEGORIES: dict[str, str] = {
    "dead": "dead", "deaths": "dead", "death": "dead", "killed": "dead", "killing": "dead",
    "kills": "dead", "kill": "dead", "died": "dead", "fatalities": "dead", "fatality": "dead",
    "toll": "dead", "lives": "dead", "bodies": "dead", "injured": "injured", "injuring": "injured",
    "injuries": "injured", "wounded": "injured", "wounding": "injured", "hurt": "injured",
    "hospitalised": "injured", "hospitalized": "injured", "missing": "missing",
    "arrested": "arrested", "arrests": "arrested", "detained": "arrested", "evacuated": "evacuated",
    "displaced": "displaced", "homeless": "displaced", "votes": "votes", "vote": "votes",
    "ballots": "votes", "turnout": "turnout", "age": "age", "aged": "age", "prison": "prison",
    "jail": "prison", "sentence": "prison", "sentenced": "prison", "imprisonment": "prison",
    "sentencing": "prison", "punishment": "prison", "term": "prison",
}  # fmt: skip

# Counted nouns that name no one in particular: "75 people" may be the "75 deaths" of another
# article, while "412,000 Republicans" is not "300 electoral votes".
GENERIC_COUNTED_NOUNS: frozenset[str] = frozenset(
    "people person persons individual individuals resident residents civilian civilians".split()
)

# Words near a quantity that tell which of several figures about one thing it is.
QUANTITY_ROLES: dict[str, str] = {
    "maximum": "max", "max": "max", "minimum": "min", "average": "average", "median": "average",
    "typical": "average", "asked": "request", "sought": "request", "seeking": "request",
    "seek": "request", "requested": "request", "calling": "request", "recommended": "request",
    "demanded": "request", "expected": "expected", "forecast": "expected", "projected": "expected",
    "guidelines": "guideline", "guideline": "guideline", "previous": "previous",
    "last": "previous", "initial": "initial", "initially": "initial", "earlier": "previous",
    "target": "target",
}  # fmt: skip

# Words that make a quantity a change or a difference rather than a level ("10 years beyond",
# "up 3 per cent"): such figures are compared only with other changes.
DELTA_AFTER: frozenset[str] = frozenset(
    "beyond more less fewer higher lower longer shorter earlier later ago older younger larger "
    "smaller bigger above below increase decrease rise drop jump fall gain loss".split()
)
DELTA_BEFORE: frozenset[str] = frozenset(
    "by up down rose fell increased decreased grew jumped dropped gained lost climbed slipped "
    "surged plunged plummeted soared declined".split()
)

# Words before "from" that make "from 10 to 15" a change of value, not a range of values.
CHANGE_VERBS: frozenset[str] = DELTA_BEFORE | frozenset(
    "rise rises rising fall falls falling increase increases increasing decrease decreases grow "
    "grows growing reduced reduce reduces reducing raised raise raises raising cut cuts cutting "
    "lowered lower lowers lowering changed change changes moved move moves went go goes going "
    "shifted revised upgraded downgraded expanded extended shrank shrunk doubled tripled "
    "halved slashed boosted gone risen fallen grown swelled swollen surged spiked tumbled sank "
    "sunk slid dipped edged ballooned soared plunged".split()
)

# Time zones after a clock time ("2345 GMT") that keep four digits from reading as a year.
TIME_ZONES: frozenset[str] = frozenset(
    "gmt utc bst cet cest est edt pst pdt cst cdt mst mdt ist jst aest aedt hkt ict".split()
)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

# --------------------------------------------------------------------------- quotes

# Verbs that introduce or close a direct quotation ("said X", "X told", "it added"), in the
# forms news copy uses them; matched on the lower-case token.
REPORTING_VERBS: frozenset[str] = frozenset(
    """
    say says said tell tells told add adds added state states stated write writes wrote
    explain explains explained note notes noted continue continues continued ask asks asked
    reply replies replied declare declares declared insist insists insisted argue argues argued
    warn warns warned announce announces announced claim claims claimed acknowledge
    acknowledges acknowledged admit admits admitted recall recalls recalled remark remarks
    remarked comment comments commented emphasise emphasises emphasised emphasize emphasizes
    emphasized stress stresses stressed urge urges urged tweet tweets tweeted posted testify
    testifies testified conclude concludes concluded concede concedes conceded observe
    observes observed suggest suggests suggested respond responds responded predict predicts
    predicted promise promises promised vow vows vowed pledge pledges pledged confirm
    confirms confirmed deny denies denied maintain maintains maintained contend contends
    contended counter counters countered quip quips quipped joke jokes joked lament laments
    lamented complain complains complained reiterate reiterates reiterated shout shouts
    shouted exclaim exclaims exclaimed demand demands demanded proclaim proclaims proclaimed
    caution cautions cautioned boast boasts boasted allege alleges alleged assure assures
    assured affirm affirms affirmed muse muses mused recount recounts recounted report
    reports reported gush gushes gushed email emails emailed texted recalled fume fumes fumed
    blurt blurts blurted snap snaps snapped retort retorts retorted scoff scoffs scoffed
    describe describes described
    """.split()
)

# Participles that report speech but have no subject of their own ("..., saying it was").
REPORTING_PARTICIPLES: frozenset[str] = frozenset(
    """
    saying telling adding stating writing explaining noting asking replying declaring
    insisting arguing warning announcing claiming acknowledging admitting recalling
    remarking commenting stressing urging calling describing
    """.split()
)

# Pronouns that may stand for a speaker; resolved to the last named source before them.
SPEAKER_PRONOUNS: frozenset[str] = frozenset(["he", "she", "it", "they", "his", "her", "its", "their"])

# Words that may sit between a speaker and the reporting verb ("He once said", "she later told").
SPEAKER_ADVERBS: frozenset[str] = frozenset(
    """
    also once later then earlier previously further again had has have now still recently
    repeatedly
    """.split()
)

# Words that open a described (not named) speaker: "said the document", "a spokesman said".
SPEAKER_DETERMINERS: frozenset[str] = frozenset(
    ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "one", "another"]
)

# Words that end a speaker's noun phrase after "said": "said a clerk at the hotel".
SPEAKER_STOPS: frozenset[str] = frozenset(
    """
    in at on of from to for during after before who which that when while as with by about
    than because since and but or said says told added stated wrote
    """.split()
)

# Capitalised words that are not names when they open a speaker phrase ("The judge said").
NOT_NAMES: frozenset[str] = frozenset(
    """
    the a an in on at but and however meanwhile after before when while if as for with some
    many most one his her their its our my this that these those there he she it they we i you
    mr mrs ms dr prof sir dame lord lady
    """.split()
)

# Contractions folded before quotes are compared, so "you're" and "you are" read the same.
CONTRACTIONS: dict[str, tuple[str, ...]] = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
}

# Contracted endings, longest first: "wasn't" -> "was not", "they're" -> "they are".
CONTRACTION_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("n't", "not"),
    ("'re", "are"),
    ("'ve", "have"),
    ("'ll", "will"),
    ("'m", "am"),
    ("'d", "would"),
)

# Words whose "'s" is "is" ("it's", "that's"); elsewhere "'s" is a possessive and kept.
IS_CONTRACTIONS: frozenset[str] = frozenset(
    ["it's", "that's", "there's", "here's", "what's", "who's", "he's", "she's", "where's", "how's"]
)

# British spellings folded to American ones before comparing (colour/color, centre/center),
# as (ending, replacement, minimum word length) so that "four" or "tour" are left alone.
UK_US_ENDINGS: tuple[tuple[str, str, int], ...] = (
    ("isation", "ization", 8),
    ("isations", "izations", 9),
    ("ise", "ize", 6),
    ("ised", "ized", 7),
    ("ises", "izes", 7),
    ("ising", "izing", 8),
    ("yse", "yze", 6),
    ("ysed", "yzed", 7),
    ("our", "or", 6),
    ("ours", "ors", 7),
    ("oured", "ored", 8),
    ("ouring", "oring", 9),
    ("ourite", "orite", 8),
    ("tre", "ter", 5),
    ("tres", "ters", 6),
    ("lled", "led", 7),
    ("lling", "ling", 8),
    ("ogue", "og", 7),
    ("ence", "ense", 7),
)

# Words that join two short quoted words into one phrase: "anger" or "revenge".
QUOTE_CONNECTORS: frozenset[str] = frozenset(["or", "and", "nor", "but", ","])
