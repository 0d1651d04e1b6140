"""The app's words for coded values and the order categories are shown in: vote codes, tracks, adoption modes,
regional groups, confidence levels and agreement measures. One home: the charts colour these codes
(charts/theme.py), the pages, packs and downloads say them in these words."""
from __future__ import annotations

from cyberdiplomacy import measures

TRACKS = ("criminal_ict", "international_security")
MEETING_FORMATS = ("in person", "hybrid", "virtual", "unknown")  # 'unknown': no format on record
VOTE_ORDER = ["Y", "N", "A", "X"]
VOTE_LABELS = {"Y": "Yes", "N": "No", "A": "Abstain", "X": "Did not vote"}
ADOPTION_LABELS = {"recorded_vote": "Recorded vote", "without_vote": "Adopted without a vote", "unknown": "Mode unknown"}
REGIONAL_GROUP_ORDER = [
    "African States", "Asia-Pacific States", "Eastern European States",
    "Latin American and Caribbean States", "Western European and other States", "No regional group",
]
TRACK_LABELS = {
    "criminal_ict": "Criminal use of ICTs (Third Committee, CCPCJ)",
    "international_security": "ICTs and international security (First Committee)",
}
TRACK_SHORT_LABELS = {"criminal_ict": "Crime track", "international_security": "Security track"}  # legends
CONFIDENCE_ORDER = ["confirmed", "single-source", "inferred"]
METHOD_LABELS = {key: m.label for key, m in measures.MEASURES.items()}  # the agreement measures, metrics.METHODS


def vote_label(code: str | None) -> str:
    return VOTE_LABELS.get(code or "", "Unknown")


TRACK_OPTIONS = list(TRACKS)


VOTE_OPTIONS = list(VOTE_ORDER)


def track_label(track: str) -> str:
    return TRACK_LABELS.get(track, track)
