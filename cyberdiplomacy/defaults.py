"""Every limit and default view in one place: pages, the CLI, the load tool and briefing packs read them here.

Year ranges are not here: they come from the data (queries.year_bounds, queries.track_years), so a
2027 session appears on every page the day it is added.
"""
from __future__ import annotations

# The text the dashboard exists for: Russia's 2018 draft, adopted 94-59-33 (A/73/PV.55).
DEFAULT_RESOLUTION = "A/RES/73/187"
# The Overview's headline texts: the vote that started the treaty track, the one that created the Ad Hoc
# Committee, and the Convention.
KEY_TEXTS = ("A/RES/73/187", "A/RES/74/247", "A/RES/79/243")
# Who moved between two votes (Alignment's swing view): from the first criminal-track text to the one that created
# the Ad Hoc Committee, then the First Committee's two camps after 2020: the OEWG line (75/240, 77/36, 78/237) and
# the Programme of Action (77/37, 78/16).
SWING_STEPS = {
    "criminal": ("A/RES/73/187", "A/RES/74/247"),
    "oewg-2022": ("A/RES/75/240", "A/RES/77/36"),
    "oewg-2023": ("A/RES/77/36", "A/RES/78/237"),
    "poa-2023": ("A/RES/77/37", "A/RES/78/16"),
}
SWING_NOTES = {
    "criminal": "the criminal track: Russia's 2018 and 2019 drafts",
    "oewg-2022": "the OEWG line, 2020 to 2022",
    "oewg-2023": "the OEWG line, 2022 to 2023",
    "poa-2023": "the Programme of Action, 2022 to 2023",
}
DEFAULT_SWING = "criminal"
SWING = SWING_STEPS[DEFAULT_SWING]
COMPETING_PAIRS = {
    "2018": ("A/RES/73/27", "A/RES/73/266"),
    "2019": ("A/RES/74/29", "A/RES/74/28"),
    "2020": ("A/RES/75/240", "A/RES/75/32"),
    "2022": ("A/RES/77/36", "A/RES/77/37"),
    "2023": ("A/RES/78/237", "A/RES/78/16"),
    "2018–19 criminal track": ("A/RES/73/187", "A/RES/74/247"),
}
PAIR_NOTES = {
    "2018": "Russia's OEWG text vs the US GGE text",
    "2019": "Russia's text vs the US text",
    "2020": "Russia's OEWG text vs the US text",
    "2022": "the OEWG text vs the Programme of Action text",
    "2023": "the OEWG text vs the Programme of Action text",
    "2018–19 criminal track": "Russia's 2018 and 2019 drafts on criminal use of ICTs",
}
DEFAULT_PAIR = "2018"


def pair_of(resolution: str | None) -> str:
    """The competing pair a linked text belongs to (`?view=competing&resolution=A/RES/73/187` opens the criminal
    track's pair), else the default."""
    return next((name for name, texts in COMPETING_PAIRS.items() if resolution in texts), DEFAULT_PAIR)


# The Texts page opens on the Convention, and compares the two camps' 2022 texts, the first with both in full.
DEFAULT_TEXT = "A/RES/79/243"
DEFAULT_TEXT_PAIR = "2022"
# The vote that answers each text (the sponsor-to-vote flow): its rival of the same session, or the next text
# of its track.
PAIRED_VOTES = {
    "A/RES/73/187": "A/RES/74/247", "A/RES/74/247": "A/RES/73/187",
    "A/RES/73/27": "A/RES/73/266", "A/RES/73/266": "A/RES/73/27",
    "A/RES/74/29": "A/RES/74/28", "A/RES/74/28": "A/RES/74/29",
    "A/RES/75/240": "A/RES/75/32", "A/RES/75/32": "A/RES/75/240",
    "A/RES/77/36": "A/RES/77/37", "A/RES/77/37": "A/RES/77/36",
    "A/RES/78/237": "A/RES/78/16", "A/RES/78/16": "A/RES/78/237",
}

# The blocs both camps are read through: the EU and NATO against BRICS and the SCO, and the two large
# groups in between; six lines stay readable on one chart.
DEFAULT_BLOCS = ("EU", "NATO", "BRICS", "SCO", "AU", "G77")
# The poles of both tracks and the large states between them.
DEFAULT_STATES = ("RUS", "USA", "CHN", "IND", "BRA", "ZAF")
DEFAULT_STATE_PAIR = ("RUS", "USA")  # the State explorer's first view: the two poles
REFERENCE_STATES = ("RUS", "USA", "CHN")  # whom the alignment table measures everyone against

MAX_URL_STATES = 12  # a link may carry this many states; more are cut, with a message
MAX_COMPARED_STATES = 6  # side by side (State explorer, briefing packs): more would not fit a slide
MAX_URL_BODIES = 30
# The agreement measure where a page offers no choice (State explorer, CLI, packs) and the Alignment page's first:
# the index of the field's standard data (Voeten's, which the bundled history is) and of the State Department's
# reports since 2017, so its numbers can be set beside both; it keeps an abstention apart from a No (README).
AGREEMENT_METHOD = "abstention_half"
COSPONSOR_THRESHOLD = 1  # pairs that sponsored at least this many drafts together
# The Meeting timelines page opens on these bodies' era, at day resolution (dates from the data).
TIMELINE_ERA_BODIES = ("AHC", "Signing ceremony")
